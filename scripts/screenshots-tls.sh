#!/usr/bin/env bash
# The TLS screenshots under a private Xvfb of 1366x768: chorus-server listening
# with a self-signed certificate (made here with the README's openssl command)
# and chorus-client with --tls on first contact, its trust dialog open, the
# two windows side by side (chorus-tls-trust.png). Loopback only; every
# process started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"
mkdir -p "$OUT"
# shellcheck source=SCRIPTDIR/lib-xvfb.sh
source "$ROOT/scripts/lib-xvfb.sh"
# Private settings and data so the user's own book and history are untouched.
start_private_sandbox
export LANG=C.UTF-8 LC_ALL=C.UTF-8
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$SANDBOX/chorus-key.pem" \
  -out "$SANDBOX/chorus-cert.pem" -days 365 -subj "/CN=chorus-server" 2>/dev/null
start_private_xvfb "${CHORUS_SHOT_DISPLAY:-:96}"
PORT="$(free_tcp_port)"
TLS_PORT="$(free_tcp_port)"
"$BUILD/server_gui/chorus-server" --listen 127.0.0.1 --port "$PORT" --tls-port "$TLS_PORT" \
  --tls-cert "$SANDBOX/chorus-cert.pem" --tls-key "$SANDBOX/chorus-key.pem" --start &
stop_on_exit "$!"
wait_for_tcp_port "$TLS_PORT"
SWID="$(xdotool search --sync --name 'Chorus Server' | head -1)"
"$BUILD/client_gui/chorus-client" --host 127.0.0.1 --port "$TLS_PORT" --tls --connect &
stop_on_exit "$!"
WID="$(xdotool search --sync --name 'Chorus Client' | head -1)"
xdotool windowmove "$SWID" 0 0 windowsize "$SWID" 683 768
xdotool windowmove "$WID" 683 0 windowsize "$WID" 683 768
DID="$(xdotool search --sync --name 'Trust this certificate' | head -1)"
xdotool windowmove "$DID" 700 260
sleep 1
import -window root "$OUT/chorus-tls-trust.png"
echo "wrote $OUT/chorus-tls-trust.png"
