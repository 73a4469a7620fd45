#!/usr/bin/env bash
# Takes the README's screenshots under a private Xvfb the size of a common
# laptop screen (1366x768): the server window with three connected clients,
# a client window in conversation with it, and both side by side, each on one
# half of the screen (chorus-side-by-side.png), as a user would put them;
# then the byte views: the server's log and table with device peers
# (chorus-server-hex.png) and the client's history with a binary device
# (chorus-client-hex.png), each script under its own Xvfb.
# Everything talks to 127.0.0.1 only; every process started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"
mkdir -p "$OUT"
SERVER="$BUILD/server_gui/chorus-server"
CLIENT="$BUILD/client_gui/chorus-client"

# shellcheck source=SCRIPTDIR/lib-xvfb.sh
source "$ROOT/scripts/lib-xvfb.sh"
# Private settings and data so the user's own book and history are untouched.
start_private_sandbox
export LANG=C.UTF-8 LC_ALL=C.UTF-8

start_private_xvfb "${CHORUS_SHOT_DISPLAY:-:97}"

PORT="$(free_tcp_port)"
"$SERVER" --listen 127.0.0.1 --port "$PORT" --start &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

# Three peers of different kinds: a line-based device, a peer without
# terminators (like the reference client) and a chorus-protocol client.
python3 "$ROOT/scripts/demo-peers.py" "$PORT" &
stop_on_exit "$!"
sleep 3
SWID="$(xdotool search --sync --name 'Chorus Server' | head -1)"
import -window "$SWID" "$OUT/chorus-server.png"
echo "wrote $OUT/chorus-server.png"

"$CLIENT" --host 127.0.0.1 --port "$PORT" --protocol chorus --connect &
stop_on_exit "$!"
sleep 2
WID="$(xdotool search --sync --name 'Chorus Client' | head -1)"
xdotool windowactivate --sync "$WID" 2>/dev/null || xdotool windowfocus --sync "$WID" || true
for msg in "hello from the bench" "status?" "ping 3" "드론 연결 확인"; do
  xdotool type --delay 90 --window "$WID" "$msg"
  xdotool key --window "$WID" Return
  sleep 0.4
done
sleep 1
import -window "$WID" "$OUT/chorus-client.png"
echo "wrote $OUT/chorus-client.png"

# Side by side: each window on one half of the 1366x768 screen (no window
# manager under Xvfb, so xdotool places and sizes them directly).
xdotool windowmove "$SWID" 0 0 windowsize "$SWID" 683 768
xdotool windowmove "$WID" 683 0 windowsize "$WID" 683 768
sleep 1
import -window root "$OUT/chorus-side-by-side.png"
echo "wrote $OUT/chorus-side-by-side.png"

# The charts, side by side: View → Traffic chart and View → Round-trip chart
# (Ctrl+T in each). A real key press after focusing the window: Qt takes no
# shortcut from an event sent to a window that is not active.
xdotool windowfocus --sync "$SWID" && xdotool key ctrl+t
sleep 0.5
xdotool windowfocus --sync "$WID" && xdotool key ctrl+t
for i in $(seq 12); do
  xdotool type --delay 40 --window "$WID" "status $i"
  xdotool key --window "$WID" Return
  sleep 0.3
done
sleep 2
import -window root "$OUT/chorus-charts.png"
echo "wrote $OUT/chorus-charts.png"

# The byte views (Hex), each under its own private Xvfb; this one's windows go first.
stop_everything_started
trap - EXIT
"$ROOT/scripts/screenshots-server-bytes.sh" "$OUT" hex
"$ROOT/scripts/screenshots-client-bytes.sh" "$OUT"
"$ROOT/scripts/screenshots-client-simulate.sh" "$OUT"
"$ROOT/scripts/screenshots-server-commands.sh" "$OUT"
# Both windows in Korean and in English (the README's Language section).
"$ROOT/scripts/screenshots-language.sh" "$OUT" ko
"$ROOT/scripts/screenshots-language.sh" "$OUT" en
