#!/usr/bin/env bash
# Both windows side by side on a 1366x768 screen in one interface language:
#   scripts/screenshots-language.sh OUT ko   -> OUT/chorus-side-by-side-ko.png
#   scripts/screenshots-language.sh OUT en   -> OUT/chorus-side-by-side-en.png
# The language comes from the locale (LANG), as on a user's desktop; no saved
# choice (a private HOME). The server has three peers, the client a short
# conversation. Everything talks to 127.0.0.1 only; every process started here
# is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
OUT="${1:?usage: $0 OUT ko|en}"
LANGUAGE_CODE="${2:?usage: $0 OUT ko|en}"
mkdir -p "$OUT"
SERVER="$BUILD/server_gui/chorus-server"
CLIENT="$BUILD/client_gui/chorus-client"

# shellcheck source=SCRIPTDIR/lib-xvfb.sh
source "$ROOT/scripts/lib-xvfb.sh"
# Private settings and data so the user's own book and history are untouched.
start_private_sandbox
unset LC_ALL LC_MESSAGES LANGUAGE
case "$LANGUAGE_CODE" in
  ko) export LANG=ko_KR.UTF-8 ;;
  en) export LANG=en_US.UTF-8 ;;
  *) echo "usage: $0 OUT ko|en" >&2; exit 2 ;;
esac
# xdotool types through the C library's locale: ko_KR may not be generated.
xdo() { LC_ALL=C.UTF-8 xdotool "$@"; }

start_private_xvfb "${CHORUS_SHOT_DISPLAY:-:96}"

PORT="$(free_tcp_port)"
"$SERVER" --listen 127.0.0.1 --port "$PORT" --start &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

# Three peers: a line-based device, one without terminators, a Chorus client.
python3 "$ROOT/scripts/demo-peers.py" "$PORT" &
stop_on_exit "$!"
sleep 3
SWID="$(xdo search --sync --name 'Chorus Server' | head -1)"

"$CLIENT" --host 127.0.0.1 --port "$PORT" --protocol chorus --connect &
stop_on_exit "$!"
sleep 2
WID="$(xdo search --sync --name 'Chorus Client' | head -1)"
xdo windowactivate --sync "$WID" 2>/dev/null || xdo windowfocus --sync "$WID" || true
for msg in "hello from the bench" "status?" "드론 연결 확인"; do
  xdo type --delay 90 --window "$WID" "$msg"
  xdo key --window "$WID" Return
  sleep 0.4
done

# Each window on one half of the screen (no window manager under Xvfb).
xdo windowmove "$SWID" 0 0 windowsize "$SWID" 683 768
xdo windowmove "$WID" 683 0 windowsize "$WID" 683 768
sleep 1.5
import -window root "$OUT/chorus-side-by-side-$LANGUAGE_CODE.png"
echo "wrote $OUT/chorus-side-by-side-$LANGUAGE_CODE.png"
