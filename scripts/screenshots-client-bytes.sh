#!/usr/bin/env bash
# The client window talking to a binary device, for the README: chorus-server
# as the device (u16be frames, a reply book of hex entries and an echo), the
# client in the Hex view with its send box in Hex mode, messages typed as a
# user types them. Private Xvfb (1366x768), private settings, 127.0.0.1 only;
# everything started here is stopped on exit. Called by scripts/screenshots.sh.
#   scripts/screenshots-client-bytes.sh [OUT_DIR]
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

start_private_xvfb "${CHORUS_SHOT_CLIENT_BYTES_DISPLAY:-:95}"

# The device's answers, in turn: ACK, a binary status frame with 03, 00 and FF
# in it, a Korean text answer, and the request echoed back.
cat >"$SANDBOX/device-book.json" <<'JSON'
{"version":2,"pickMode":"sequential","entries":[
 {"hex":"06"},{"hex":"01 03 14 00 2A FF FE 00 03 00 00 0D 0A 7F 80 C5 CD"},
 {"text":"배터리 87%, 고도 120 m"},{"text":"{echo}"}]}
JSON
# The send box starts in Hex (the mode the window keeps between runs).
mkdir -p "$XDG_CONFIG_HOME/Chorus"
printf '[General]\nsendMode=hex\n' >"$XDG_CONFIG_HOME/Chorus/chorus-client.conf"

PORT="$(free_tcp_port)"
"$SERVER" --headless --listen 127.0.0.1 --port "$PORT" --framing u16be \
  --replies "$SANDBOX/device-book.json" >/dev/null &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

"$CLIENT" --host 127.0.0.1 --port "$PORT" --protocol plain --framing u16be --view hex --connect &
stop_on_exit "$!"
sleep 2
WID="$(xdotool search --sync --name 'Chorus Client' | head -1)"
xdotool windowmove "$WID" 0 0
xdotool windowactivate --sync "$WID" 2>/dev/null || xdotool windowfocus --sync "$WID" || true
for msg in "01 03 00 00 00 0A" "02 FF 00 03 FE" "10 20 30" "AA 55 00 FF 03 0D 0A"; do
  xdotool type --delay 60 --window "$WID" "$msg"
  xdotool key --window "$WID" Return
  sleep 0.5
done
sleep 1
import -window "$WID" "$OUT/chorus-client-hex.png"
echo "wrote $OUT/chorus-client-hex.png"
