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

SANDBOX="$(mktemp -d)"
export XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data" HOME="$SANDBOX"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
DISPLAY_NUM="${CHORUS_SHOT_CLIENT_BYTES_DISPLAY:-:95}"
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do wait "${pids[i]}" 2>/dev/null || true; done
  kill "${pids[0]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$SANDBOX"
}
trap cleanup EXIT

Xvfb "$DISPLAY_NUM" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$DISPLAY_NUM"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

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

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$SERVER" --headless --listen 127.0.0.1 --port "$PORT" --framing u16be \
  --replies "$SANDBOX/device-book.json" >/dev/null &
pids+=($!)
for _ in $(seq 100); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$PORT),0.2).close()" 2>/dev/null && break; sleep 0.1; done

"$CLIENT" --host 127.0.0.1 --port "$PORT" --protocol plain --framing u16be --view hex --connect &
pids+=($!)
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
