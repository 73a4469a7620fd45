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
SANDBOX="$(mktemp -d)"
export XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data" HOME="$SANDBOX"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
DISPLAY_NUM="${CHORUS_SHOT_DISPLAY:-:96}"
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do wait "${pids[i]}" 2>/dev/null || true; done
  kill "${pids[0]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$SANDBOX"
}
trap cleanup EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$SANDBOX/chorus-key.pem" \
  -out "$SANDBOX/chorus-cert.pem" -days 365 -subj "/CN=chorus-server" 2>/dev/null
Xvfb "$DISPLAY_NUM" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$DISPLAY_NUM"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
TLS_PORT="$(free_port)"
"$BUILD/server_gui/chorus-server" --listen 127.0.0.1 --port "$PORT" --tls-port "$TLS_PORT" \
  --tls-cert "$SANDBOX/chorus-cert.pem" --tls-key "$SANDBOX/chorus-key.pem" --start &
pids+=($!)
for _ in $(seq 100); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$TLS_PORT),0.2).close()" 2>/dev/null && break; sleep 0.1; done
SWID="$(xdotool search --sync --name 'Chorus Server' | head -1)"
"$BUILD/client_gui/chorus-client" --host 127.0.0.1 --port "$TLS_PORT" --tls --connect &
pids+=($!)
WID="$(xdotool search --sync --name 'Chorus Client' | head -1)"
xdotool windowmove "$SWID" 0 0 windowsize "$SWID" 683 768
xdotool windowmove "$WID" 683 0 windowsize "$WID" 683 768
DID="$(xdotool search --sync --name 'Trust this certificate' | head -1)"
xdotool windowmove "$DID" 700 260
sleep 1
import -window root "$OUT/chorus-tls-trust.png"
echo "wrote $OUT/chorus-tls-trust.png"
