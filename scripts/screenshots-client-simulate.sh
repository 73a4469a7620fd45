#!/usr/bin/env bash
# The client with quick-send buttons and --simulate, and its Settings dialog on
# the Simulate vehicle page, for the README. Private Xvfb (1366x768), private
# settings, 127.0.0.1 only; everything started here is stopped on exit.
#   scripts/screenshots-client-simulate.sh [OUT_DIR]
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

start_private_xvfb "${CHORUS_SHOT_CLIENT_SIMULATE_DISPLAY:-:96}"

# Saved quick messages: drone commands as text, one Modbus request as hex.
mkdir -p "$XDG_CONFIG_HOME/Chorus"
cat >"$XDG_CONFIG_HOME/Chorus/chorus-client-quick-messages.json" <<'JSON'
{"format":"chorus-quick-messages","version":1,"messages":[
 {"name":"ARM","hex":"41 52 4D","input":"text","shortcut":"Ctrl+Shift+1"},
 {"name":"이륙 10 m","hex":"54 41 4B 45 4F 46 46 20 61 6C 74 3D 31 30","input":"text","shortcut":"Ctrl+Shift+2"},
 {"name":"LAND","hex":"4C 41 4E 44","input":"text","shortcut":""},
 {"name":"Modbus read","hex":"01 03 00 00 00 0A C5 CD","input":"hex","shortcut":""}]}
JSON

PORT="$(free_tcp_port)"
"$SERVER" --headless --listen 127.0.0.1 --port "$PORT" >/dev/null &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

"$CLIENT" --host 127.0.0.1 --port "$PORT" --protocol plain --connect --simulate \
  --sim-telemetry 1500 --sim-heartbeat 0 &
stop_on_exit "$!"
sleep 2
WID="$(xdotool search --sync --name 'Chorus Client' | head -1)"
xdotool windowmove "$WID" 0 0
xdotool windowactivate --sync "$WID" 2>/dev/null || xdotool windowfocus --sync "$WID" || true
xdotool key --window "$WID" ctrl+shift+1
sleep 0.5
xdotool key --window "$WID" ctrl+shift+2
sleep 2.5
import -window "$WID" "$OUT/chorus-client-quick-simulate.png"
echo "wrote $OUT/chorus-client-quick-simulate.png"

# Settings → Settings…, then the Simulate vehicle page.
xdotool key --window "$WID" alt+s
sleep 0.4
xdotool key Up Return
sleep 1
DID="$(xdotool search --sync --name 'Client settings' | head -1)"
xdotool windowactivate --sync "$DID" 2>/dev/null || true
xdotool key --window "$DID" ctrl+Tab
sleep 0.5
import -window "$DID" "$OUT/chorus-client-simulate-settings.png"
echo "wrote $OUT/chorus-client-simulate-settings.png"
