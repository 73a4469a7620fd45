#!/usr/bin/env bash
# The UDP screenshot (issue 12) under a private 1366x768 Xvfb: chorus-server
# with UDP on and UDP peers in its table, chorus-client over UDP beside it,
# each on one half of the screen (chorus-udp-side-by-side.png).
# Loopback only; every process started here is stopped on exit.
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

start_private_xvfb "${CHORUS_SHOT_DISPLAY:-:96}"

PORT="$(free_tcp_port)"
"$SERVER" --listen localhost --port "$PORT" --udp --start &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

# Two UDP devices (IPv4 and IPv6), a few datagrams each, then quiet.
python3 - "$PORT" <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
v4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
for i in range(5):
    v4.sendto(f"telemetry {i}: alt=120m\n".encode(), ("127.0.0.1", port))
    v6.sendto(bytes([0x01, 0x03, 0x00, i]), ("::1", port))
    time.sleep(0.3)
time.sleep(30)
PY
stop_on_exit "$!"
sleep 2
SWID="$(xdotool search --sync --name 'Chorus Server' | head -1)"

"$CLIENT" --host 127.0.0.1 --port "$PORT" --udp --udp-timeout 500 --connect &
stop_on_exit "$!"
sleep 2
WID="$(xdotool search --sync --name 'Chorus Client' | head -1)"
xdotool windowactivate --sync "$WID" 2>/dev/null || xdotool windowfocus --sync "$WID" || true
for msg in "hello over UDP" "status?" "드론 연결 확인"; do
  xdotool type --delay 60 --window "$WID" "$msg"
  xdotool key --window "$WID" Return
  sleep 0.4
done
xdotool windowmove "$SWID" 0 0 windowsize "$SWID" 683 768
xdotool windowmove "$WID" 683 0 windowsize "$WID" 683 768
sleep 1.5
import -window root "$OUT/chorus-udp-side-by-side.png"
echo "wrote $OUT/chorus-udp-side-by-side.png"
