#!/usr/bin/env python3
"""Three peers for the screenshots, on 127.0.0.1:PORT: a line-based device, a
peer without terminators (like the reference client) and a Chorus client. A
few messages each (bounded), then they stay connected 30 s for the shot."""
import json, socket, sys, time
port = int(sys.argv[1])
def open_peer():
    return socket.create_connection(("127.0.0.1", port))
line = open_peer(); raw = open_peer(); proto = open_peer()
proto.sendall(json.dumps({"type": "hello", "proto": 1, "name": "ground-station", "app": "demo"}).encode() + b"\n")
for i in range(6):  # bounded: a few messages each, then stay connected for the shot
    line.sendall(f"telemetry {i}: alt=120m bat=87%\n".encode())
    raw.sendall(f"상태 보고 {i}".encode())
    proto.sendall(json.dumps({"type": "msg", "seq": i + 1, "text": f"heartbeat {i}"}, ensure_ascii=False).encode() + b"\n")
    time.sleep(0.3)
    for s in (line, raw, proto):
        s.setblocking(False)
        try:
            s.recv(65536)
        except BlockingIOError:
            pass
        s.setblocking(True)
time.sleep(30)
