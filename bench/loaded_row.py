"""One markdown table row for the window-under-load run of run-benchmarks.sh.

Arguments: the closed-loop bench output, the hold bench output, the lag report.
"""
import json
import sys


def result(path):
    for line in reversed(open(path, encoding="utf-8").read().splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    return {}


busy, held = result(sys.argv[1]), result(sys.argv[2])
lag = json.load(open(sys.argv[3], encoding="utf-8"))
print(f"| {held.get('connections', 0):,} held ({held.get('answered', 0):,} answered, "
      f"{held.get('still_open', 0):,} still open) + {busy.get('connections', 0):,} busy | "
      f"{busy.get('replies_per_s', 0):,.0f} | {busy.get('p99_ms', 0):.1f} | "
      f"{lag['samples']:,} | {lag['p50_ms']:.2f} | {lag['p99_ms']:.2f} | {lag['max_ms']:.2f} |")
