#!/usr/bin/env python3
"""Turns the raw results of bench/run-benchmarks.sh into tables: medians of
the rounds, ratios of Chorus to each other server from the same run, server
CPU time per reply, the binary framings and the frame decoder (issue 9), the
issue #5 and issue 9 targets met or missed. Prints them and optionally writes
docs/BENCHMARKS.md.

usage: bench_report.py RESULTS.jsonl META.json [--markdown FILE]
"""
import argparse
import json
import statistics
import sys
from collections import defaultdict

LABELS = {
    "chorus-headless": "chorus-server --headless (auto framing, LF lines)",
    "chorus-headless-none": "chorus-server --headless (raw framing, no terminator)",
    "chorus-window": "chorus-server with its window, Xvfb (auto framing, LF lines)",
    "python-none": "server_multi.py, reference (no terminator)",
    "epoll-none": "epoll_ref_server --framing none",
    "epoll-lf": "epoll_ref_server --framing lf",
    "chorus-io1": "chorus-server --headless --io-threads 1 (LF lines)",
    "chorus-io2": "chorus-server --headless --io-threads 2 (LF lines)",
    "baseline-headless": "baseline build: chorus-server --headless (auto framing, LF lines)",
    "chorus-u16be-64": "chorus-server --headless --framing u16be",
    "chorus-u16be-1k": "chorus-server --headless --framing u16be",
    "chorus-delim03-64": "chorus-server --headless --framing delimiter:03",
    "epoll-u16be-64": "epoll_ref_server --framing u16be",
    "epoll-u16be-1k": "epoll_ref_server --framing u16be",
    "epoll-delim03-64": "epoll_ref_server --framing delim03",
    "chorus-rules0": "chorus-server --headless --rules (no rules; LF lines)",
    "chorus-rules100": "chorus-server --headless --rules (80 literal + 20 regex, the last matching)",
    "chorus-rules1000": "chorus-server --headless --rules (1,000 literal, the last matching)",
}
RULE_PROFILES = [("no rules", "chorus-rules0", None),
                 ("100 rules (80 literal, 20 regex; the last matches)", "chorus-rules100", 0.8),
                 ("1,000 literal rules (the last matches)", "chorus-rules1000", 0.6)]
CLIENTS = [1, 10, 100, 1000]
LF_PROFILES = ("chorus-headless", "chorus-window", "epoll-lf", "baseline-headless")
# One row per framing and payload: (framing, payload, chorus profile, epoll profile).
# The LF row is today's figure (the main runs), for comparison.
FRAMINGS = [
    ("LF lines", "25 B (Korean text)", "chorus-headless", "epoll-lf"),
    ("u16be", "64 B", "chorus-u16be-64", "epoll-u16be-64"),
    ("u16be", "1 KiB", "chorus-u16be-1k", "epoll-u16be-1k"),
    ("delimiter 03", "64 B", "chorus-delim03-64", "epoll-delim03-64"),
]
BINARY_PROFILES = {p for _, _, a, b in FRAMINGS[1:] for p in (a, b)}
# Issue 12: closed loop over UDP datagrams (chorus-bench --mode udp).
UDP_PROFILES = ("chorus-udp", "epoll-udp")
UDP_CLIENTS = (100,)
FRAMEBENCH_GOAL_MB_S = 300


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_rate(v):
    return "–" if v is None else f"{v:,.0f}"


def fmt_ms(v, digits=2):
    return "–" if v is None else f"{v:.{digits}f}"


def fmt_ratio(v):
    return "–" if v is None else f"{v:.2f}×"


class Results:
    def __init__(self, path):
        self.runs = defaultdict(list)  # (profile, test) -> [record]
        self.lag = defaultdict(list)  # profile -> [lag dict]
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                rec = json.loads(line)
                if rec["test"] == "lag":
                    self.lag[rec["profile"]].append(rec["lag"])
                else:
                    self.runs[(rec["profile"], rec["test"])].append(rec)

    def has(self, profile):
        return any(p == profile for p, _ in self.runs)

    def metric(self, profile, test, key):
        recs = self.runs.get((profile, test), [])
        return median([r["result"].get(key) for r in recs if "mode" in r["result"]])

    def server(self, profile, test, key):
        return median([r.get(key) for r in self.runs.get((profile, test), [])])

    def rounds(self, profile, test):
        return [r["result"] for r in self.runs.get((profile, test), [])]

    def ratio(self, a, b, test, key="replies_per_s"):
        x, y = self.metric(a, test, key), self.metric(b, test, key)
        if x is None or y is None or y == 0:
            return None
        return x / y

    def cpu_per_reply_us(self, profile, test):
        """Median over rounds of the server's CPU time (user + system, all
        threads) during the bench run, divided by the replies it counted."""
        values = []
        for r in self.runs.get((profile, test), []):
            res, cpu = r["result"], r.get("server_cpu_s")
            if "mode" in res and cpu is not None and res.get("replies"):
                values.append(cpu / res["replies"] * 1e6)
        return median(values)

    def cpu_ratio(self, a, b, test):
        x, y = self.cpu_per_reply_us(a, test), self.cpu_per_reply_us(b, test)
        if x is None or y is None or y == 0:
            return None
        return x / y


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def fmt_us(v):
    return "–" if v is None else f"{v:.1f}"


def binary_sections(results, meta):
    """Issue 9: replies/s and server CPU per reply per framing, chorus-server
    against the epoll reference speaking the same framing."""
    clients = meta.get("binary_clients") or [1, 100]
    skipped = meta.get("skipped") or {}
    ran = set(meta["profiles"])
    md = ["## Binary framings (issue 9): replies/s and server CPU time per reply (medians)", ""]
    rows, ratio_rows = [], []
    for framing, payload, chorus, epoll in FRAMINGS:
        if chorus not in ran and epoll not in ran:
            continue
        for p in (chorus, epoll):
            if p not in ran:
                continue
            if p in skipped:
                rows.append([framing, payload, LABELS.get(p, p), f"skipped: {skipped[p]}"] +
                            ["–"] * (2 * len(clients) - 1))
                continue
            rows.append([framing, payload, LABELS.get(p, p)] +
                        [fmt_rate(results.metric(p, f"closed-{c}", "replies_per_s"))
                         for c in clients] +
                        [fmt_us(results.cpu_per_reply_us(p, f"closed-{c}")) for c in clients])
        if chorus in skipped:
            ratio_rows.append([framing, payload, f"skipped: {skipped[chorus]}"] +
                              ["–"] * (2 * len(clients) - 1))
        elif results.has(chorus) and results.has(epoll):
            ratio_rows.append([framing, payload] +
                              [fmt_ratio(results.ratio(chorus, epoll, f"closed-{c}"))
                               for c in clients] +
                              [fmt_ratio(results.cpu_ratio(chorus, epoll, f"closed-{c}"))
                               for c in clients])
    if not rows:
        return []
    md.append(table(["framing", "payload", "server"] +
                    [f"replies/s C={c}" for c in clients] +
                    [f"CPU µs/reply C={c}" for c in clients], rows))
    md.append("")
    md.append("### Ratios per framing (chorus-server ÷ epoll_ref_server, same run, medians)")
    md.append("")
    md.append(table(["framing", "payload"] + [f"replies/s C={c}" for c in clients] +
                    [f"CPU per reply C={c}" for c in clients], ratio_rows)
              if ratio_rows else "_No pair of servers to compare in this run._")
    md.append("")
    md.append("Replies/s: higher is better, so a ratio under 1 is chorus-server behind. CPU per "
              "reply: lower is better, so a ratio over 1 is chorus-server spending more.")
    md.append("")
    return md


def udp_section(results, meta):
    """Issue 12: UDP datagrams, chorus-server --udp against the epoll UDP reference."""
    ran = [p for p in UDP_PROFILES if results.has(p)]
    if not ran:
        return []
    md = ["## UDP (issue 12): replies/s, loss and server CPU time per reply (medians)", "",
          "chorus-bench --mode udp: C sockets, each sends one datagram (the payload and LF) and "
          "waits for its reply; a reply later than 1 s counts as lost.", ""]
    rows = []
    for p in ran:
        for c in UDP_CLIENTS:
            test = f"udp-{c}"
            lost = sum(r.get("lost", 0) for r in results.rounds(p, test))
            rows.append([LABELS.get(p, p), str(c),
                         fmt_rate(results.metric(p, test, "replies_per_s")), str(lost),
                         fmt_us(results.cpu_per_reply_us(p, test))])
    md.append(table(["server", "C", "replies/s", "lost (all rounds)", "CPU µs/reply"], rows))
    md.append("")
    if len(ran) == 2:
        for c in UDP_CLIENTS:
            md.append(f"chorus-server ÷ epoll_ref_server at C={c}: replies/s "
                      f"{fmt_ratio(results.ratio('chorus-udp', 'epoll-udp', f'udp-{c}'))}, CPU per "
                      f"reply {fmt_ratio(results.cpu_ratio('chorus-udp', 'epoll-udp', f'udp-{c}'))} "
                      "(target: replies/s ≥ 0.6× with 0 lost).")
        md.append("")
    return md


def fleet_section(meta):
    """Issue 13: 1,000 simulated vehicles over UDP channels, TAKEOFF to all, the window's lag."""
    runs = meta.get("fleet") or []
    if not runs:
        return []
    md = ["## 1,000 vehicles: telemetry over UDP, TAKEOFF to all (issue 13)", "",
          "chorus-fleet-bench: chorus-server's window (offscreen) in the bench's process, UDP and "
          "the session log on; N Chorus sessions on another thread, each with its UDP channel "
          "sending telemetry 10 times a second and a heartbeat a second; halfway through, the "
          "window's engine sends TAKEOFF to every connection and the vehicles ack it over TCP. "
          "Targets: every ack matched, the window's event-loop lag p99 < 50 ms, the session log "
          "drops nothing.", ""]
    rows = []
    for d in runs:
        rows.append([str(d["vehicles"]), f"{d['seconds']:.1f}",
                     f"{d['telemetry_read']:,} / {d['telemetry_sent']:,}",
                     f"{d['acks_matched']} / {d['commands']} ({d['acks_unknown']} unknown)",
                     fmt_ms(d["lag_p50_ms"]), fmt_ms(d["lag_p99_ms"]), fmt_ms(d["lag_max_ms"]),
                     f"{d['log_mb_per_s']:.2f}", str(d["log_dropped"]),
                     "**met**" if d.get("ok") else "**missed**"])
    md.append(table(["vehicles", "s", "telemetry read / sent", "acks matched / commands",
                     "lag p50 ms", "lag p99 ms", "lag max ms", "session log MB/s",
                     "log dropped", "targets"], rows))
    md.append("")
    return md


def baseline_section(results, meta):
    if not results.has("baseline-headless"):
        return [], []
    md = [f"## LF lines: this build ÷ the baseline build (same run, medians)", "",
          f"Baseline: `{meta.get('baseline', '?')}`; both chorus-server --headless --framing auto "
          "with the same load, one after the other in every round.", ""]
    rows, targets = [], []
    for c in CLIENTS:
        t = f"closed-{c}"
        rows.append([f"C={c}",
                     fmt_rate(results.metric("chorus-headless", t, "replies_per_s")),
                     fmt_rate(results.metric("baseline-headless", t, "replies_per_s")),
                     fmt_ratio(results.ratio("chorus-headless", "baseline-headless", t)),
                     fmt_us(results.cpu_per_reply_us("chorus-headless", t)),
                     fmt_us(results.cpu_per_reply_us("baseline-headless", t)),
                     fmt_ratio(results.cpu_ratio("chorus-headless", "baseline-headless", t))])
    md.append(table(["clients", "replies/s this", "baseline", "this ÷ baseline",
                     "CPU µs/reply this", "baseline", "this ÷ baseline"], rows))
    md.append("")
    for c in (100, 1000):
        t = f"closed-{c}"
        r = results.ratio("chorus-headless", "baseline-headless", t)
        targets.append([f"LF replies/s, this ÷ baseline, C={c}", fmt_ratio(r), "≥ 0.95×",
                        None if r is None else r >= 0.95])
        r = results.cpu_ratio("chorus-headless", "baseline-headless", t)
        targets.append([f"LF server CPU per reply, this ÷ baseline, C={c}", fmt_ratio(r),
                        "≤ 1.05×", None if r is None else r <= 1.05])
    return md, targets


def rules_section(results):
    if not results.has("chorus-rules0"):
        return [], []
    md = ["## Reply rules (issue 10): LF lines, closed loop, medians", "",
          "The same chorus-server --headless run with a rules file: none, 100 rules (80 exact "
          "literals, 20 regexes, only the last one matching the payload) and 1,000 exact "
          "literals (the last one matching). Ratios are to the no-rule run of the same round "
          "set.", ""]
    rows, targets = [], []
    for label, profile, goal in RULE_PROFILES:
        for c in (1, 100):
            t = f"closed-{c}"
            rows.append([label, f"C={c}", fmt_rate(results.metric(profile, t, "replies_per_s")),
                         fmt_ratio(results.ratio(profile, "chorus-rules0", t)),
                         fmt_us(results.cpu_per_reply_us(profile, t)),
                         fmt_ratio(results.cpu_ratio(profile, "chorus-rules0", t))])
            if goal is not None and c == 100:
                r = results.ratio(profile, "chorus-rules0", t)
                targets.append([f"LF replies/s with {label} ÷ no rules, C={c}", fmt_ratio(r),
                                f"≥ {goal}×", None if r is None else r >= goal])
    md.append(table(["rules", "clients", "replies/s", "÷ no rules", "CPU µs/reply",
                     "÷ no rules"], rows))
    md.append("")
    return md, targets


def framebench_section(meta):
    rows = meta.get("framebench") or []
    if not rows:
        return [], []
    md = [f"## Frame decoder alone (chorus-framebench: 64-byte frames, one core, "
          f"{meta.get('framebench_seconds', 1):g} s per framing)", ""]
    out = []
    for r in rows:
        mb = float(r["mb_per_s"])
        out.append([r["framing"], r["frame_bytes"], f"{mb:,.0f}", f"{float(r['frames_per_s']):,.0f}",
                    "**met**" if mb >= FRAMEBENCH_GOAL_MB_S else "**missed**"])
    md.append(table(["framing", "frame bytes", "MB/s", "frames/s",
                     f"≥ {FRAMEBENCH_GOAL_MB_S} MB/s"], out))
    md.append("")
    md.append("MB = 10^6 bytes of input. One 64 KiB read made of whole frames is fed to one "
              "FrameDecoder again and again; no sockets, no replies.")
    md.append("")
    slowest = min(rows, key=lambda r: float(r["mb_per_s"]))
    mb = float(slowest["mb_per_s"])
    targets = [[f"frame decoder, slowest framing ({slowest['framing']})", f"{mb:,.0f} MB/s",
                f"≥ {FRAMEBENCH_GOAL_MB_S} MB/s", mb >= FRAMEBENCH_GOAL_MB_S]]
    return md, targets


def build(results, meta):
    profiles = [p for p in meta["profiles"] if results.has(p)]
    main_profiles = [p for p in profiles
                     if p not in ("chorus-io1", "chorus-io2") and p not in BINARY_PROFILES
                     and p not in UDP_PROFILES]
    hold_test = f"hold-{meta['hold_connections']}"
    md = []

    md.append("## Closed-loop throughput (replies/s, median of "
              f"{meta['rounds']} round{'s' if meta['rounds'] != 1 else ''})")
    md.append("")
    md.append(table(["server", "framing"] + [f"C={c}" for c in CLIENTS],
                    [[LABELS.get(p, p), "LF" if p in LF_PROFILES
                      else "none"] + [fmt_rate(results.metric(p, f"closed-{c}", "replies_per_s"))
                                      for c in CLIENTS] for p in main_profiles]))
    md.append("")
    md.append("## Closed-loop latency per request (ms, p50 / p99, medians)")
    md.append("")
    md.append(table(["server"] + [f"C={c}" for c in CLIENTS],
                    [[LABELS.get(p, p)] +
                     [f"{fmt_ms(results.metric(p, f'closed-{c}', 'p50_ms'), 3)} / "
                      f"{fmt_ms(results.metric(p, f'closed-{c}', 'p99_ms'), 3)}" for c in CLIENTS]
                     for p in main_profiles]))
    md.append("")
    md.append("## Server CPU time per reply (µs, user + system, closed loop, medians)")
    md.append("")
    md.append(table(["server"] + [f"C={c}" for c in CLIENTS],
                    [[LABELS.get(p, p)] +
                     [fmt_us(results.cpu_per_reply_us(p, f"closed-{c}")) for c in CLIENTS]
                     for p in main_profiles]))
    md.append("")

    md.append("## Ratios (Chorus ÷ other server, same run, medians)")
    md.append("")
    pairs = [
        ("chorus-headless-none", "python-none", "headless ÷ Python reference (both no terminator)"),
        ("chorus-headless-none", "epoll-none", "headless ÷ epoll reference (both no terminator)"),
        ("chorus-headless", "epoll-lf", "headless ÷ epoll reference (both LF lines)"),
        ("chorus-window", "chorus-headless", "window ÷ headless (both LF lines)"),
        ("chorus-window", "epoll-lf", "window ÷ epoll reference (both LF lines)"),
    ]
    rows = []
    for a, b, label in pairs:
        if results.has(a) and results.has(b):
            rows.append([label] + [fmt_ratio(results.ratio(a, b, f"closed-{c}")) for c in CLIENTS])
    md.append(table(["ratio"] + [f"C={c}" for c in CLIENTS], rows) if rows else
              "_No pair of servers to compare in this run._")
    md.append("")

    md.append(f"## {meta['hold_connections']:,}-connection hold ({meta['hold_duration']:g} s, medians)")
    md.append("")
    rows = []
    for p in main_profiles:
        recs = results.rounds(p, hold_test)
        if not recs:
            continue
        ok = [r for r in recs if "mode" in r]
        rows.append([
            LABELS.get(p, p),
            fmt_rate(median([r["connected"] for r in ok])),
            fmt_rate(median([r["answered"] for r in ok])),
            fmt_rate(median([r["still_open"] for r in ok])),
            fmt_ms(median([r["p50_ms"] for r in ok]), 1),
            fmt_ms(median([r["p99_ms"] for r in ok]), 1),
            fmt_ms(median([r["max_ms"] for r in ok]), 1),
            fmt_ms(median([r["connect_s"] for r in ok]), 1),
            fmt_ms((results.server(p, hold_test, "hwm_kb") or 0) / 1024, 1),
            fmt_rate(results.server(p, hold_test, "threads")),
        ])
    md.append(table(["server", "connected", "answered", "still open", "first reply p50 ms",
                     "p99 ms", "max ms", "connect s", "server peak RSS MB", "server threads"],
                    rows) if rows else "_No hold runs._")
    md.append("")
    md.append("Peak RSS is the server's VmHWM (over the whole round, so it includes the "
              "closed-loop runs before the hold); threads is the most seen in /proc/PID/status.")
    md.append("")

    md += binary_sections(results, meta)
    md += udp_section(results, meta)
    md += fleet_section(meta)
    baseline_md, baseline_targets = baseline_section(results, meta)
    md += baseline_md
    framebench_md, framebench_targets = framebench_section(meta)
    md += framebench_md
    rules_md, rules_targets = rules_section(results)
    md += rules_md

    if results.has("chorus-io1") or results.has("chorus-io2"):
        md.append("## chorus-server --headless: 1 vs 2 io-threads (LF lines, replies/s, medians)")
        md.append("")
        rows = []
        for c in (100, 1000):
            t = f"closed-{c}"
            rows.append([f"C={c}", fmt_rate(results.metric("chorus-io1", t, "replies_per_s")),
                         fmt_rate(results.metric("chorus-io2", t, "replies_per_s")),
                         fmt_ratio(results.ratio("chorus-io2", "chorus-io1", t)),
                         f"{fmt_ms(results.metric('chorus-io1', t, 'p99_ms'), 2)} / "
                         f"{fmt_ms(results.metric('chorus-io2', t, 'p99_ms'), 2)}"])
        md.append(table(["clients", "1 io-thread", "2 io-threads", "2 ÷ 1", "p99 ms (1 / 2)"],
                        rows))
        md.append("")

    lag_p99 = median([l.get("p99_ms") for l in results.lag.get("chorus-window", [])])
    if results.lag:
        md.append("## GUI event-loop lag (window run, whole round incl. the hold)")
        md.append("")
        rows = []
        for p, lags in results.lag.items():
            rows.append([LABELS.get(p, p), fmt_rate(median([l.get("samples") for l in lags])),
                         fmt_ms(median([l.get("p50_ms") for l in lags])),
                         fmt_ms(median([l.get("p99_ms") for l in lags])),
                         fmt_ms(median([l.get("max_ms") for l in lags]))])
        md.append(table(["server", "samples", "p50 ms", "p99 ms", "max ms"], rows))
        md.append("")

    if meta.get("history"):
        md.append("## Client history at volume (chorus-history-bench)")
        md.append("")
        md.append("```")
        md.append(meta["history"])
        md.append("```")
        md.append("")

    # Targets from issue #5.
    targets = []

    def target(name, value, goal, ok):
        status = "–" if ok is None else ("**met**" if ok else "**missed**")
        targets.append([name, value, goal, status])

    for framing, a, b in (("no terminator", "chorus-headless-none", "epoll-none"),
                          ("LF lines", "chorus-headless", "epoll-lf")):
        for c in (100, 1000):
            r = results.ratio(a, b, f"closed-{c}")
            target(f"headless ÷ epoll, C={c} ({framing})", fmt_ratio(r), "≥ 0.60×",
                   None if r is None else r >= 0.6)
    for c, goal in ((100, 4), (1000, 8)):
        r = results.ratio("chorus-headless-none", "python-none", f"closed-{c}")
        target(f"headless ÷ Python reference, C={c}", fmt_ratio(r), f"≥ {goal}×",
               None if r is None else r >= goal)
    for p in ("chorus-headless", "chorus-headless-none", "chorus-window"):
        recs = [r for r in results.rounds(p, hold_test) if "mode" in r]
        if not recs:
            continue
        answered_all = all(r["answered"] == r["connections"] for r in recs)
        worst = min(r["answered"] for r in recs)
        target(f"{p}: every held connection answered (all rounds)",
               f"{worst:,} of {meta['hold_connections']:,} (worst round)", "all", answered_all)
        p99 = median([r["p99_ms"] for r in recs])
        target(f"{p}: hold first-reply p99", f"{fmt_ms(p99, 1)} ms", "< 500 ms",
               None if p99 is None else p99 < 500)
        hwm = results.server(p, hold_test, "hwm_kb")
        target(f"{p}: server RSS with {meta['hold_connections']:,} held", 
               f"{fmt_ms((hwm or 0) / 1024, 1)} MB", "≤ 64 MB",
               None if not hwm else hwm / 1024 <= 64)
    r = results.ratio("chorus-window", "chorus-headless", "closed-100")
    target("window ÷ headless, C=100", fmt_ratio(r), "≥ 0.80×", None if r is None else r >= 0.8)
    target("GUI event-loop lag p99 (window run)", f"{fmt_ms(lag_p99, 1)} ms", "< 50 ms",
           None if lag_p99 is None else lag_p99 < 50)
    md.append("## Targets (issue #5)")
    md.append("")
    md.append(table(["target", "measured", "goal", "status"], targets))
    md.append("")
    if any(row[3] == "–" for row in targets):
        md.append("A target marked – could not be measured in this run (a server was missing).")
        md.append("")
    issue9 = [[name, value, goal, "–" if ok is None else ("**met**" if ok else "**missed**")]
              for name, value, goal, ok in framebench_targets + baseline_targets]
    issue10 = [[name, value, goal, "–" if ok is None else ("**met**" if ok else "**missed**")]
               for name, value, goal, ok in rules_targets]
    if issue10:
        md.append("## Targets (issue 10)")
        md.append("")
        md.append(table(["target", "measured", "goal", "status"], issue10))
        md.append("")
    if issue9:
        md.append("## Targets (issue 9)")
        md.append("")
        md.append(table(["target", "measured", "goal", "status"], issue9))
        md.append("")

    # Per-round figures, so a median never hides a bad round.
    md.append("## Every round (replies/s; hold: answered / still open; [load average])")
    md.append("")
    rows = []
    for (p, t), recs in sorted(results.runs.items()):
        cells = []
        for rec in recs:
            r = rec["result"]
            if "mode" not in r:
                cells.append("no result")
            elif r["mode"] == "hold":
                cells.append(f"{r['answered']:,} / {r['still_open']:,}")
            else:
                cells.append(f"{r['replies_per_s']:,.0f} ({r['errors']} err)")
            if "load" in rec:
                cells[-1] += f" [{rec['load']}]"
        rows.append([p, t, "; ".join(cells)])
    md.append(table(["profile", "test", "rounds"], rows))
    md.append("")
    return "\n".join(md)


def header(meta):
    missing = meta.get("missing") or []
    lines = [
        "# Chorus benchmarks",
        "",
        "Generated by `bench/run-benchmarks.sh` (run it with `./dev.sh bench`, or "
        "`BUILD=build bench/run-benchmarks.sh [--quick] [--only PROFILES]`). "
        "Do not edit by hand: the next run rewrites this file.",
        "",
        "## Machine and run",
        "",
        f"- Date: {meta['date']}; commit `{meta.get('commit', '?')}`"
        + (" — **quick run** (fewer rounds, shorter runs: indicative only)" if meta.get("quick") else ""),
        f"- CPU: {meta['cpu']} × {meta['nproc']} (nproc); memory {meta['mem_gb']} GB; "
        f"kernel {meta['kernel']}; 1-minute load average {meta.get('load_start', '?')} at the start, "
        f"{meta['load']} at the end (per run in the last table)",
        "- The bench and the server share these cores, on loopback; other work on the machine "
        "shows up as noise, which is why every figure is a median of rounds run back to back, and "
        "why each round runs every server once (rounds outermost) so a burst of other work hits "
        "all servers alike. `chorus-io1` is the same configuration as `chorus-headless` (one I/O "
        "thread is the default): the gap between their C=100 figures shows the noise of the run. "
        "The load average jumps after each Python hold: its 10,001 threads count as runnable.",
        f"- Rounds: {meta['rounds']}; closed-loop runs {meta['duration']:g} s each at "
        f"C = 1, 10, 100, 1000; hold: {meta['hold_connections']:,} connections for "
        f"{meta['hold_duration']:g} s. A fresh server process for every round.",
        "",
        "## Commands",
        "",
        "```sh",
        "# servers (PORT is a free port found at run time)",
        "chorus-server --headless --listen 127.0.0.1 --port PORT --no-log-messages "
        "--max-connections 20000 --framing auto   # or --framing raw, --io-threads 1|2",
        "chorus-server --listen 127.0.0.1 --port PORT --start --framing auto "
        "--max-connections 20000 --lag-report FILE  # under Xvfb",
        "SEED_HOST=127.0.0.1 SEED_PORT=PORT python3 ../shared/seed/server_multi.py",
        "chorus-server --headless --listen 127.0.0.1 --port PORT --no-log-messages "
        "--max-connections 20000 --framing u16be   # or --framing delimiter:03",
        "epoll_ref_server --port PORT --framing none|lf|u16be|delim03",
        "# load",
        f"chorus-bench --port PORT --connections C --mode closed-loop --duration {meta['duration']:g} "
        "--framing lf|none --json",
        f"chorus-bench --port PORT --connections {meta['hold_connections']} --mode hold "
        f"--duration {meta['hold_duration']:g} --framing lf|none --json",
        f"chorus-bench --port PORT --connections C --mode closed-loop --duration {meta['duration']:g} "
        "--framing u16be|delim03 --payload-size 64|1024 --json",
        "# server CPU: utime + stime (fields 14, 15) of /proc/SERVER_PID/stat before and after "
        "each chorus-bench run",
        "# the frame decoder alone",
        f"chorus-framebench --seconds {meta.get('framebench_seconds', 1):g} --frame 64",
        "```",
        "",
        "## How to read this",
        "",
        "- **closed-loop**: every connection sends one message (the Korean UTF-8 payload "
        "`드론 상태 보고 #123`), waits for its reply, sends again. The clock starts once every "
        "connection is up (connections are opened at 2,000/s so 10,000 connects do not overflow "
        "the listen backlog). Latency is per request.",
        "- **Framing**: the reference Python server cannot do lines: it answers each `recv(1024)` "
        "with one reply and no terminator. With `--framing none`, chorus-bench does what "
        "`client.py` does: whatever one read returns is the reply. So the like-for-like "
        "comparison with the Python server uses no terminator everywhere: chorus-server runs "
        "with `--framing raw` (one read is one message) and the epoll server with "
        "`--framing none`. The LF rows show the framing real peers use with Chorus "
        "(`--framing auto` detects LF at once); the window run and the io-thread runs use LF.",
        "- **hold**: open C connections, each sends one message and must get its first reply "
        "(first-reply latency is measured from that send), then all stay open; at the end the "
        "bench counts how many the server still holds (a read of 0 means the server closed it).",
        "- **epoll_ref_server** is a single-threaded, level-triggered epoll loop in C written "
        "for this benchmark: the practical limit of this machine for this request/reply pattern.",
        "- **Server CPU per reply**: the server process's user + system time (all its threads, "
        "from /proc/PID/stat, 10 ms ticks) over one chorus-bench run, divided by the replies "
        "the bench counted. The run includes connecting (at C ≤ 100, a few ms), so it is a "
        "slight overestimate, alike for every server. The bench's own CPU is not in it.",
        "- **Binary framings** (issue 9): chorus-bench sends u16be frames (a 2-byte big-endian "
        "length, then the payload) or delimiter-03 frames (the payload, then byte 03) and reads "
        "each reply the same way; the payload is 64 bytes or 1 KiB of binary (u16be: the byte "
        "values 00..FF in turn; delimiter 03: 04..FF in turn, so LF and CR occur inside frames). "
        "chorus-server runs with `--framing u16be` or `--framing delimiter:03`; the epoll server "
        "answers each frame with one factory reply framed the same way. The LF row beside them "
        f"is today's figure from the main runs. Closed loop only, at "
        f"C = {', '.join(str(c) for c in meta.get('binary_clients') or [1, 100])}. A chorus-server "
        "build that does not accept such a framing gets a \"skipped\" row, not a failure.",
        "- **Frame decoder**: chorus-framebench cuts 64-byte frames per framing in memory on one "
        "core (issue 9's goal: at least 300 MB/s each); it is not a unit test and not a timing "
        "of the network path.",
        "",
    ]
    if missing:
        lines += ["## Missing in this run", ""] + [f"- {m}" for m in missing] + [""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("results")
    parser.add_argument("meta")
    parser.add_argument("--markdown")
    args = parser.parse_args()
    results = Results(args.results)
    with open(args.meta, encoding="utf-8") as f:
        meta = json.load(f)
    body = build(results, meta)
    print()
    print(body)
    if args.markdown:
        with open(args.markdown + ".tmp", "w", encoding="utf-8") as f:
            f.write(header(meta) + "\n" + body)
        import os
        os.replace(args.markdown + ".tmp", args.markdown)
        print(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
