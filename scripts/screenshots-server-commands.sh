#!/usr/bin/env bash
# The server window with a small simulated fleet (issue 13), for the README:
# the Commands pane after TAKEOFF to all (accepted, in progress, denied, one
# vehicle that never answers), the Telemetry panel of the selected vehicle,
# and a stale vehicle in the table. Private Xvfb (1366x768), private
# settings, 127.0.0.1 only; everything started here is stopped on exit.
#   scripts/screenshots-server-commands.sh [OUT_DIR] [WIDTH]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"
WIDTH="${2:-726}" # 1366 - the client's 640: the two side by side
mkdir -p "$OUT"
SERVER="$BUILD/server_gui/chorus-server"

# shellcheck source=SCRIPTDIR/lib-xvfb.sh
source "$ROOT/scripts/lib-xvfb.sh"
# Private settings and data so the user's own book and history are untouched.
start_private_sandbox
export LANG=C.UTF-8 LC_ALL=C.UTF-8

start_private_xvfb "${CHORUS_SHOT_COMMANDS_DISPLAY:-:95}"

PORT="$(free_tcp_port)"
"$SERVER" --listen 127.0.0.1 --port "$PORT" --start --heartbeat-timeout 2000 &
stop_on_exit "$!"
wait_for_tcp_port "$PORT"

# Six vehicles speaking Chorus: telemetry at 5 Hz, a heartbeat a second;
# each answers cmd its own way; "drone-6" stops its heartbeats (stale).
python3 - "$PORT" <<'PY' &
import json, socket, sys, time, selectors
port = int(sys.argv[1])
answers = ["accepted", "accepted", "progress", "denied", "silent", "accepted"]
sel = selectors.DefaultSelector()
peers = []
for i in range(6):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall((json.dumps({"type": "hello", "proto": 1, "name": f"drone-{i+1}",
                           "app": "fleet-sim"}, separators=(",", ":")) + "\n").encode())
    s.setblocking(False)
    peers.append({"sock": s, "buf": b"", "alt": 0.0, "bat": 97 - 3 * i, "i": i, "cmds": []})
    sel.register(s, selectors.EVENT_READ, peers[-1])
def send(p, obj):
    p["sock"].sendall((json.dumps(obj, separators=(",", ":")) + "\n").encode())
start = time.time()
tick = 0
while time.time() - start < 90:
    for key, _ in sel.select(timeout=0.2):
        p = key.data
        try:
            p["buf"] += p["sock"].recv(65536)
        except BlockingIOError:
            continue
        while b"\n" in p["buf"]:
            line, p["buf"] = p["buf"].split(b"\n", 1)
            msg = json.loads(line)
            if msg.get("type") == "cmd":
                p["cmds"].append((time.time(), msg["cmd"], 0))
    tick += 1
    now = time.time()
    for p in peers:
        i = p["i"]
        kept = []
        for (t, seq, step) in p["cmds"]:
            how = answers[i]
            if how == "silent":
                continue
            if how == "denied":
                send(p, {"type": "ack", "re": seq, "result": "denied", "text": "not armed"})
            elif how == "progress":
                send(p, {"type": "ack", "re": seq, "result": "in_progress", "progress": 40,
                         "text": "climbing"})
                p["alt"] = 4.0
            else:
                send(p, {"type": "ack", "re": seq, "result": "accepted"})
                p["alt"] = 10.0
        p["cmds"] = kept
        p["bat"] -= 0.01
        send(p, {"type": "telemetry",
                 "values": {"alt": round(p["alt"] + 0.1 * (tick % 7), 2), "bat": round(p["bat"], 2),
                            "lat": 37.5665 + i * 1e-4, "lon": 126.978, "vz": 0.0},
                 "units": {"alt": "m", "bat": "%", "lat": "deg", "lon": "deg", "vz": "m/s"}})
        if tick % 5 == 0 and not (i == 5 and now - start > 3):
            send(p, {"type": "heartbeat", "state": "active", "mode": "GUIDED", "armed": True})
    if tick == 15:
        send(peers[0], {"type": "status", "severity": "warning", "text": "battery 20%, return advised"})
        send(peers[2], {"type": "status", "severity": "critical", "text": "motor 3 temperature high"})
PY
stop_on_exit "$!"
sleep 3
SWID="$(xdotool search --sync --name 'Chorus Server' | head -1)"
xdotool windowmove "$SWID" 0 0 windowsize "$SWID" "$WIDTH" 768
sleep 1
# Commands → Send command…: TAKEOFF, alt 10, to all connections.
xdotool windowfocus --sync "$SWID"
xdotool key --clearmodifiers ctrl+shift+c
sleep 1
DWID="$(xdotool search --sync --name 'Send command' | head -1)"
xdotool windowfocus --sync "$DWID"
xdotool key --clearmodifiers Down Down
xdotool type --delay 50 "10"
xdotool key --clearmodifiers Return
sleep 4
# Select the first vehicle so the Telemetry panel shows it.
xdotool mousemove --window "$SWID" 120 140 click 1
sleep 2
import -window root -crop "${WIDTH}x768+0+0" "$OUT/server-commands.png"
echo "wrote $OUT/server-commands.png"
# The Telemetry tab beside Commands (bottom left of the docks).
TAB_Y="$(xdotool getwindowgeometry "$SWID" | awk '/Geometry/ {split($2, g, "x"); print g[2]}')"
xdotool mousemove --window "$SWID" 130 $((TAB_Y - 37)) click 1
sleep 2
import -window root -crop "${WIDTH}x768+0+0" "$OUT/server-telemetry.png"
echo "wrote $OUT/server-telemetry.png"
