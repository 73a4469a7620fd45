#!/usr/bin/env bash
# The server window with device peers, for the README: messages that are not
# text (a CR-terminated command, binary bytes, a literal backslash beside a
# real control byte, Korean text) in the Hex view, and (with --view text as
# the second argument) the Text view with its escapes. Private Xvfb
# (1366x768), private settings, 127.0.0.1 only; everything started here is
# stopped on exit. Called by scripts/screenshots.sh.
#   scripts/screenshots-server-bytes.sh [OUT_DIR] [hex|text|mixed]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"
VIEW="${2:-hex}"
mkdir -p "$OUT"
SERVER="$BUILD/server_gui/chorus-server"

# shellcheck source=SCRIPTDIR/lib-xvfb.sh
source "$ROOT/scripts/lib-xvfb.sh"
# Private settings and data so the user's own book and history are untouched.
start_private_sandbox
export LANG=C.UTF-8 LC_ALL=C.UTF-8

start_private_xvfb "${CHORUS_SHOT_BYTES_DISPLAY:-:96}"

# A device's reply book: an ACK byte, a CR-terminated answer, an echo, Korean text.
cat >"$SANDBOX/device-book.json" <<'JSON'
{"version":2,"pickMode":"sequential","entries":[
 {"hex":"06"},{"text":"OK {count}\r"},{"text":"echo: {echo}"},{"text":"확인 {count}"}]}
JSON
PORT="$(free_tcp_port)"
"$SERVER" --listen 127.0.0.1 --port "$PORT" --start --view "$VIEW" \
  --replies "$SANDBOX/device-book.json" &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

python3 - "$PORT" <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
peers = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
messages = [  # short enough for the table's Last message column in Hex
    [b"READ?\r", b"SET 21.5\r", b"RUN\r"],                       # a CR device
    [bytes.fromhex("0102FFFE000A"), bytes.fromhex("7F45FF0A")],   # binary, LF-terminated
    ["상태?\n".encode(), "배터리\n".encode()],                    # Korean text
    [b"\\x01=\x01\n"],                                           # a backslash beside a byte
]
for round in range(3):  # bounded, then stay connected for the shot
    for peer, sent in zip(peers, messages):
        if round < len(sent):
            peer.sendall(sent[round])
    time.sleep(0.4)
    for peer in peers:
        peer.setblocking(False)
        try:
            peer.recv(65536)
        except BlockingIOError:
            pass
        peer.setblocking(True)
time.sleep(30)
PY
stop_on_exit "$!"
sleep 3
SWID="$(xdotool search --sync --name 'Chorus Server' | head -1)"
# The whole 1366x768 screen: hex lines are long, the log gets the width.
xdotool windowmove "$SWID" 0 0 windowsize "$SWID" 1366 768
sleep 1
import -window root "$OUT/chorus-server-$VIEW.png"
echo "wrote $OUT/chorus-server-$VIEW.png"
