#!/usr/bin/env bash
# Chorus benchmark: chorus-server (headless and with its window under Xvfb),
# the reference Python server and a minimal epoll server, back to back, with
# the same chorus-bench settings; LF lines and the binary device framings
# (u16be, delimiter 03), with the server's CPU time per reply; the frame
# decoder's MB/s; chorus-client's memory under a flood of lines (client-flood).
# Prints a table and writes docs/BENCHMARKS.md.
#
#   bench/run-benchmarks.sh                 full run (3 rounds, ~20 minutes)
#   bench/run-benchmarks.sh --quick         1 round, short durations (~4 minutes)
#   bench/run-benchmarks.sh --only chorus-headless,epoll-none
#   bench/run-benchmarks.sh --baseline /path/to/old/build   (adds baseline-headless)
#   bench/run-benchmarks.sh --only greedy-peer   (one greedy pipelining peer + 20 closed loop)
#   BUILD=/path/to/build bench/run-benchmarks.sh   (default: ./build, or $CHORUS_BUILD_DIR)
#
# Options: --quick, --rounds N, --duration S (closed-loop), --hold-duration S,
#          --hold-connections N, --only LIST, --output FILE, --no-doc, --list,
#          --baseline DIR (a build of an earlier commit: its chorus-server runs
#          the LF rows too, for a before/after ratio in the same run; its
#          chorus-client runs client-flood too), --flood-seconds S (default 60),
#          --window-chart (the chorus-window runs show the traffic chart: View →
#          Traffic chart, pressed with xdotool)
# Loopback only. Every server is started on a free port found at run time and
# killed at the end, whatever happens (trap). The Python reference server is not
# in the repository: python-none runs when ../shared/seed (or $CHORUS_SEED_DIR)
# holds server_multi.py, and is otherwise skipped and listed as missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-${CHORUS_BUILD_DIR:-$ROOT/build}}"
SEED_DIR="${CHORUS_SEED_DIR:-$ROOT/../shared/seed}"
BENCH="$BUILD/bench/chorus-bench"
EPOLL="$BUILD/bench/epoll_ref_server"
SERVER="$BUILD/server_gui/chorus-server"
HISTORY="$BUILD/bench/history/chorus-history-bench"
GREEDY="$BUILD/bench/chorus-greedy-bench"
GREEDY_NORMAL=20 # closed-loop peers beside the greedy one, all on one I/O thread
FRAMEBENCH="$BUILD/bench/framebench/chorus-framebench"
CLIENT="$BUILD/client_gui/chorus-client"
FLOOD_PEER="$BUILD/bench/client_flood_peer"
FLEET="$BUILD/bench/fleet/chorus-fleet-bench" # fleet-1000 (issue 13)
FLEET_VEHICLES=1000
FLEET_SECONDS=20
BASELINE=""
OUTPUT="$ROOT/docs/BENCHMARKS.md"

ROUNDS=3
DURATION=5
HOLD_DURATION=10
HOLD_CONNECTIONS=10000
CLIENTS=(1 10 100 1000)
IO_CLIENTS=(100 1000)
BINARY_CLIENTS=(1 100) # the binary framings: closed loop only
UDP_CLIENTS=(100)      # UDP datagrams (chorus-bench --mode udp)
FRAMEBENCH_SECONDS=1
LOADED_HOLD=9000 # window under load: idle connections held ...
LOADED_BUSY=1000 # ... while these run closed loop
FLOOD_RATE=100000 # client-flood: lines a second at chorus-client ...
FLOOD_SECONDS=60  # ... for this long
WINDOW_CHART=0    # --window-chart: chorus-window with its traffic chart showing
QUICK=0
WRITE_DOC=1
ONLY=""
LIST=0

ALL_PROFILES=(chorus-headless chorus-headless-none chorus-window python-none epoll-none epoll-lf
              chorus-io1 chorus-io2
              chorus-u16be-64 epoll-u16be-64 chorus-u16be-1k epoll-u16be-1k
              chorus-delim03-64 epoll-delim03-64 greedy-peer client-flood
              chorus-rules0 chorus-rules100 chorus-rules1000
              chorus-udp epoll-udp fleet-1000)
RULES_CLIENTS=(1 100) # the reply-rule rows (issue 10): closed loop, LF lines

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --quick) QUICK=1; ROUNDS=1; DURATION=2; HOLD_DURATION=3; FRAMEBENCH_SECONDS=0.3; FLOOD_SECONDS=10
             FLEET_SECONDS=12 ;;
    --flood-seconds) FLOOD_SECONDS="$2"; shift ;;
    --window-chart) WINDOW_CHART=1 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --hold-duration) HOLD_DURATION="$2"; shift ;;
    --hold-connections) HOLD_CONNECTIONS="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --output) OUTPUT="$2"; shift ;;
    --no-doc) WRITE_DOC=0 ;;
    --baseline) BASELINE="$2"; shift ;;
    --list) LIST=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-benchmarks: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for n in "$ROUNDS" "$HOLD_CONNECTIONS"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 ]] || { echo "run-benchmarks: bad count $n" >&2; exit 2; }
done
((HOLD_CONNECTIONS <= 20000)) || { echo "run-benchmarks: at most 20000 held connections" >&2; exit 2; }

if [[ -n "$BASELINE" ]]; then
  [[ -x "$BASELINE/server_gui/chorus-server" || -x "$BASELINE/client_gui/chorus-client" ]] || {
    echo "run-benchmarks: no chorus-server or chorus-client in the baseline build $BASELINE" >&2
    exit 2; }
  [[ -x "$BASELINE/server_gui/chorus-server" ]] && ALL_PROFILES+=(baseline-headless baseline-greedy)
fi
((LIST)) && { printf '%s\n' "${ALL_PROFILES[@]}"; exit 0; }
PROFILES=("${ALL_PROFILES[@]}")
if [[ -n "$ONLY" ]]; then
  IFS=',' read -r -a PROFILES <<<"$ONLY"
  for p in "${PROFILES[@]}"; do
    [[ " ${ALL_PROFILES[*]} " == *" $p "* ]] || {
      echo "run-benchmarks: unknown profile $p; known: ${ALL_PROFILES[*]}" >&2; exit 2; }
  done
fi

# client-flood alone needs no load generator.
if [[ " ${PROFILES[*]} " != " client-flood " ]]; then
  [[ -x "$BENCH" ]] || { echo "run-benchmarks: $BENCH is missing; build first (./dev.sh build)" >&2; exit 1; }
fi

WORK="$(mktemp -d /tmp/chorus-bench.XXXXXX)"
RESULTS="$WORK/results.jsonl"
: >"$RESULTS"
: >"$WORK/skipped.tsv"
SERVER_PID=""
SAMPLER_PID=""
XVFB_PID=""
PROBE_PID=""
BENCH_DISPLAY="${DISPLAY:-}"
MISSING=()

cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n "$PROBE_PID" ]] && kill "$PROBE_PID" 2>/dev/null || true
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    sleep 1
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Server settings (QSettings, autosaved replies) go to a scratch place so a
# benchmark never touches the user's own configuration.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache"
export LC_ALL=C.UTF-8

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_display() {
  [[ -n "$XVFB_PID" || -n "$BENCH_DISPLAY" ]] && return 0
  if ! command -v Xvfb >/dev/null; then
    echo "run-benchmarks: Xvfb is not installed (apt-get install xvfb)" >&2
    return 1
  fi
  local n
  for n in 93 94 95 96 97 98 99; do
    [[ -e "/tmp/.X11-unix/X$n" || -e "/tmp/.X$n-lock" ]] && continue
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do
      [[ -e "/tmp/.X11-unix/X$n" ]] && { BENCH_DISPLAY=":$n"; echo "  Xvfb on :$n"; return 0; }
      sleep 0.1
    done
    kill "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  done
  echo "run-benchmarks: could not start Xvfb" >&2
  return 1
}

# Starts the server of a profile on a free port; sets SERVER_PID and PORT.
start_server() {
  local profile="$1" log="$2"
  PORT="$(free_port)"
  LAG_FILE=""
  case "$profile" in
    chorus-headless|chorus-io1|chorus-io2|chorus-headless-none)
      local extra=(--framing auto)
      [[ "$profile" == chorus-headless-none ]] && extra=(--framing raw)
      [[ "$profile" == chorus-io1 ]] && extra+=(--io-threads 1)
      [[ "$profile" == chorus-io2 ]] && extra+=(--io-threads 2)
      "$SERVER" --headless --listen 127.0.0.1 --port "$PORT" --no-log-messages \
        --max-connections 20000 "${extra[@]}" >"$log" 2>&1 &
      ;;
    chorus-u16be-*|chorus-delim03-*|baseline-headless)
      local server="$SERVER"
      [[ "$profile" == baseline-headless ]] && server="$BASELINE/server_gui/chorus-server"
      "$server" --headless --listen 127.0.0.1 --port "$PORT" --no-log-messages \
        --max-connections 20000 --framing "$(server_framing_of "$profile")" >"$log" 2>&1 &
      ;;
    greedy-peer|baseline-greedy)
      local server="$SERVER"
      [[ "$profile" == baseline-greedy ]] && server="$BASELINE/server_gui/chorus-server"
      "$server" --headless --listen 127.0.0.1 --port "$PORT" --no-log-messages \
        --max-connections 20000 --framing auto --io-threads 1 >"$log" 2>&1 &
      ;;
    chorus-rules*)
      # Issue 10: the same LF run with a rules file (write_rules_files below).
      "$SERVER" --headless --listen 127.0.0.1 --port "$PORT" --no-log-messages \
        --max-connections 20000 --framing auto --rules "$WORK/$profile.json" >"$log" 2>&1 &
      ;;
    chorus-udp)
      "$SERVER" --headless --listen 127.0.0.1 --port "$PORT" --no-log-messages \
        --max-connections 20000 --udp >"$log" 2>&1 &
      ;;
    epoll-udp) "$EPOLL" --port "$PORT" --framing lf --udp >"$log" 2>&1 & ;;
    chorus-window)
      LAG_FILE="$WORK/lag-$profile-$ROUND.json"
      # Ctrl+T toggles the chart: start from the default layout (chart hidden),
      # not from the one an earlier round saved with the chart showing.
      ((WINDOW_CHART)) && rm -f "$XDG_CONFIG_HOME/Chorus/chorus-server.conf"
      DISPLAY="$BENCH_DISPLAY" QT_QPA_PLATFORM=xcb "$SERVER" --listen 127.0.0.1 --port "$PORT" \
        --start --framing auto --max-connections 20000 --lag-report "$LAG_FILE" >"$log" 2>&1 &
      ;;
    python-none)
      SEED_HOST=127.0.0.1 SEED_PORT="$PORT" python3 "$SEED_DIR/server_multi.py" >/dev/null 2>"$log" &
      ;;
    epoll-none) "$EPOLL" --port "$PORT" --framing none >"$log" 2>&1 & ;;
    epoll-lf) "$EPOLL" --port "$PORT" --framing lf >"$log" 2>&1 & ;;
    epoll-u16be-*|epoll-delim03-*)
      "$EPOLL" --port "$PORT" --framing "$(framing_of "$profile")" >"$log" 2>&1 & ;;
  esac
  SERVER_PID=$!
  local i
  for i in $(seq 150); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "run-benchmarks: $profile exited at start:" >&2
      tail -5 "$log" >&2
      SERVER_PID=""
      return 1
    fi
    port_open "$PORT" && break
    sleep 0.1
  done
  port_open "$PORT" || { echo "run-benchmarks: $profile never listened on $PORT" >&2; return 1; }
  if [[ "$profile" == chorus-window ]] && ((WINDOW_CHART)); then
    local wid
    wid=$(DISPLAY="$BENCH_DISPLAY" timeout 10 xdotool search --sync --name 'Chorus Server' | head -1)
    # Focus, then a real key press (XTEST): Qt takes no shortcut from a synthetic event.
    if [[ -n "$wid" ]] && DISPLAY="$BENCH_DISPLAY" xdotool windowfocus --sync "$wid" 2>/dev/null &&
       DISPLAY="$BENCH_DISPLAY" xdotool key ctrl+t; then
      echo "  traffic chart shown (View → Traffic chart)"
      # A picture to check that it did show: the scratch folder keeps it.
      (sleep 3; DISPLAY="$BENCH_DISPLAY" import -window "$wid" "$WORK/window-chart-$ROUND.png" \
        2>/dev/null || true) &
    else
      echo "run-benchmarks: could not show the traffic chart (xdotool)" >&2
      return 1
    fi
  fi
  # Peak threads and memory while the server runs (VmHWM is the peak RSS).
  (
    local max_threads=0 hwm=0 t h
    while kill -0 "$SERVER_PID" 2>/dev/null; do
      t=$(awk '/^Threads:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
      h=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
      [[ -n "$t" && "$t" -gt "$max_threads" ]] && max_threads=$t
      [[ -n "$h" && "$h" -gt "$hwm" ]] && hwm=$h
      echo "$max_threads $hwm" >"$WORK/sample.tmp" && mv "$WORK/sample.tmp" "$WORK/sample"
      sleep 0.25
    done
  ) &
  SAMPLER_PID=$!
}

stop_server() {
  [[ -z "$SERVER_PID" ]] && return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  local i
  for i in $(seq 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "run-benchmarks: server did not exit on SIGTERM within 10 s; killing it" >&2
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=""
}

# run_bench PROFILE TEST ROUND ARGS... : one chorus-bench run, one JSON line.
run_bench() {
  local profile="$1" test="$2" round="$3"
  shift 3
  local out="$WORK/$profile-$test-$round.out" limit
  limit=$(python3 -c "print(int(float('$DURATION') + float('$HOLD_DURATION') + 120))")
  local cpu_before cpu_after
  cpu_before=$(server_cpu_ticks)
  timeout "$limit" "$BENCH" --host 127.0.0.1 --port "$PORT" --json "$@" >"$out" 2>&1 || true
  cpu_after=$(server_cpu_ticks)
  local result
  result=$(sed -n 's/^RESULT //p' "$out" | tail -1)
  [[ -z "$result" ]] && result='{"error":1}'
  local sample="0 0"
  [[ -f "$WORK/sample" ]] && sample=$(cat "$WORK/sample")
  local cpu_s=null
  [[ -n "$cpu_before" && -n "$cpu_after" ]] &&
    cpu_s=$(python3 -c "print(($cpu_after - $cpu_before) / $CLOCK_TICKS)")
  printf '{"profile":"%s","test":"%s","round":%s,"threads":%s,"hwm_kb":%s,"load":%s,"server_cpu_s":%s,"result":%s}\n' \
    "$profile" "$test" "$round" "${sample% *}" "${sample#* }" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$cpu_s" "$result" >>"$RESULTS"
  python3 - "$profile" "$test" "$round" "$result" <<'EOF'
import json, sys
p, t, r, raw = sys.argv[1:5]
d = json.loads(raw)
if "error" in d and len(d) == 1:
    print(f"  {p:22} {t:12} round {r}: NO RESULT (see the bench output)")
elif d.get("mode") == "hold":
    print(f"  {p:22} {t:12} round {r}: {d['connected']} connected, {d['answered']} answered, "
          f"{d['still_open']} still open, first reply p99 {d['p99_ms']:.1f} ms")
else:
    print(f"  {p:22} {t:12} round {r}: {d['replies_per_s']:>9.0f} replies/s, "
          f"p50 {d['p50_ms']:.3f} ms, p99 {d['p99_ms']:.3f} ms, {d['errors']} errors"
          + (f", {d.get('lost', 0)} lost" if d.get("mode") == "udp" else ""))
EOF
}

# run_greedy PROFILE ROUND: chorus-greedy-bench against the running server,
# one JSON line in greedy.jsonl (kept apart from the closed-loop results).
run_greedy() {
  local profile="$1" round="$2" out="$WORK/$1-greedy-$2.out" cpu_before cpu_after
  cpu_before=$(server_cpu_ticks)
  timeout "$(python3 -c "print(int(float('$DURATION')) + 60)")" "$GREEDY" --port "$PORT" \
    --normal "$GREEDY_NORMAL" --duration "$DURATION" --warmup 1 >"$out" 2>&1 || true
  cpu_after=$(server_cpu_ticks)
  local result
  result=$(sed -n 's/^RESULT //p' "$out" | tail -1)
  [[ -z "$result" ]] && result='{"error":1}'
  local cpu_s=null
  [[ -n "$cpu_before" && -n "$cpu_after" ]] &&
    cpu_s=$(python3 -c "print(($cpu_after - $cpu_before) / $CLOCK_TICKS)")
  printf '{"profile":"%s","round":%s,"server_cpu_s":%s,"result":%s}\n' \
    "$profile" "$round" "$cpu_s" "$result" >>"$WORK/greedy.jsonl"
  python3 - "$profile" "$round" "$result" <<'EOF'
import json, sys
p, r, raw = sys.argv[1:4]
d = json.loads(raw)
if "p99_ms" not in d:
    print(f"  {p:22} greedy       round {r}: NO RESULT (see the bench output)")
else:
    print(f"  {p:22} greedy       round {r}: normal p50 {d['p50_ms']:.3f} ms, "
          f"p99 {d['p99_ms']:.3f} ms, max {d['max_ms']:.1f} ms; "
          f"greedy {d['greedy_replies_per_s']:.0f} replies/s, {d['errors']} errors")
EOF
}

# utime + stime of the server process, all its threads, in clock ticks
# (/proc/PID/stat fields 14 and 15; counted after the ")" that ends the name).
CLOCK_TICKS=$(getconf CLK_TCK)
server_cpu_ticks() {
  [[ -n "$SERVER_PID" && -r "/proc/$SERVER_PID/stat" ]] || return 0
  sed 's/.*) //' "/proc/$SERVER_PID/stat" 2>/dev/null | awk '{print $12 + $13}'
}

# chorus-bench's --framing for a profile.
framing_of() {
  case "$1" in
    chorus-headless|chorus-window|chorus-io1|chorus-io2|epoll-lf|baseline-headless|*greedy*) echo lf ;;
    chorus-rules*) echo lf ;;
    *-udp) echo lf ;;
    *-u16be-*) echo u16be ;;
    *-delim03-*) echo delim03 ;;
    *) echo none ;;
  esac
}

# chorus-server's --framing for a profile (common/wire/FrameSpec spellings).
server_framing_of() {
  case "$1" in
    *-u16be-*) echo u16be ;;
    *-delim03-*) echo delimiter:03 ;;
    *) echo auto ;;
  esac
}

# chorus-bench's --payload-size for a binary profile: its name ends in the size.
payload_size_of() {
  case "$1" in
    *-1k) echo 1024 ;;
    *-64) echo 64 ;;
  esac
}

is_binary() { [[ "$1" == *-u16be-* || "$1" == *-delim03-* ]]; }

# A chorus-server build from before issue 9 refuses the device framings at
# start (exit 2, "--framing: ... is not auto, line or raw"): probe once per
# framing, so such a build gives a "skipped" row instead of a failed run.
declare -A FRAMING_PROBED=()
chorus_supports_framing() {
  local spec="$1"
  if [[ -z "${FRAMING_PROBED[$spec]:-}" ]]; then
    local log="$WORK/probe-${spec//[^a-z0-9]/_}.log" pid result=yes
    "$SERVER" --headless --listen 127.0.0.1 --port 0 --no-log-messages --framing "$spec" \
      >"$log" 2>&1 &
    pid=$!
    PROBE_PID=$pid
    for _ in $(seq 100); do
      grep -q "^listening on" "$log" && break
      if ! kill -0 "$pid" 2>/dev/null; then
        result=no
        break
      fi
      sleep 0.1
    done
    # Still running without listening after 10 s is not a refusal of the
    # option: the real start reports whatever it is.
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    PROBE_PID=""
    FRAMING_PROBED[$spec]=$result
  fi
  [[ "${FRAMING_PROBED[$spec]}" == yes ]]
}

available() {
  case "$1" in
    chorus-*) [[ -x "$SERVER" ]] || { echo "chorus-server not built ($SERVER)"; return 1; }
              ;;
    greedy-peer|baseline-greedy)
      [[ -x "$SERVER" ]] || { echo "chorus-server not built ($SERVER)"; return 1; }
      [[ -x "$GREEDY" ]] || { echo "chorus-greedy-bench not built ($GREEDY)"; return 1; } ;;
    # The reference server lives outside the repository (../shared/seed); a
    # clean clone has none, and no stand-in would measure the same thing.
    python-*) [[ -f "$SEED_DIR/server_multi.py" ]] || {
                echo "the reference server $SEED_DIR/server_multi.py is absent" \
                  "(it is not part of the repository; set CHORUS_SEED_DIR to its folder)"
                return 1; } ;;
    epoll-*) [[ -x "$EPOLL" ]] || { echo "epoll_ref_server not built ($EPOLL)"; return 1; } ;;
    client-flood) [[ -x "$CLIENT" && -x "$FLOOD_PEER" ]] || {
                    echo "chorus-client or client_flood_peer not built"; return 1; } ;;
    fleet-1000) [[ -x "$FLEET" ]] || { echo "chorus-fleet-bench not built ($FLEET)"; return 1; } ;;
  esac
}

STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
echo "chorus benchmark: rounds=$ROUNDS closed-loop=${DURATION}s hold=${HOLD_CONNECTIONS}x${HOLD_DURATION}s"
echo "  build $BUILD, scratch $WORK"

# The reply-rule rows' files (docs/RULES.md): no rules; 100 rules, 80 exact
# literals and 20 regexes, where only the last (a regex) matches chorus-bench's
# payload; 1,000 exact literals, the last one the payload.
write_rules_files() {
  python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
payload = "드론 상태 보고 #123"  # chorus-bench's default --payload
def save(name, rules):
    with open(f"{work}/{name}.json", "w", encoding="utf-8") as f:
        json.dump({"version": 1, "rules": rules}, f, ensure_ascii=False)
save("chorus-rules0", [])
rules = [{"name": f"cmd{i}", "match": "exact", "text": f"CMD{i}", "reply": {"text": f"R{i}"}}
         for i in range(80)]
rules += [{"name": f"re{i}", "match": "regex", "text": f"^REQ{i} (\\d+)$",
           "reply": {"text": "ok {1}"}} for i in range(19)]
rules.append({"name": "report", "match": "regex", "text": "상태 보고 #(\\d+)$",
              "reply": {"text": "report {1} ok"}})
save("chorus-rules100", rules)
rules = [{"name": f"cmd{i}", "match": "exact", "text": f"CMD{i}", "reply": {"text": f"R{i}"}}
         for i in range(999)]
rules.append({"name": "report", "match": "exact", "text": payload, "reply": {"text": "report ok"}})
save("chorus-rules1000", rules)
PY
}
write_rules_files

# Which servers can run at all, decided once.
RUNNABLE=()
for profile in "${PROFILES[@]}"; do
  why=""
  if [[ "$profile" == chorus-window || "$profile" == client-flood ]] && ! ensure_display; then
    why="no X display (Xvfb would not start)"
  fi
  if [[ -n "$why" ]] || ! why=$(available "$profile"); then
    echo "skipping $profile: $why"
    MISSING+=("$profile: $why")
    continue
  fi
  if [[ "$profile" == chorus-* ]] && is_binary "$profile" &&
     ! chorus_supports_framing "$(server_framing_of "$profile")"; then
    why="this chorus-server build does not support --framing $(server_framing_of "$profile")"
    echo "skipped: $profile: $why"
    MISSING+=("$profile: $why")
    printf '%s\t%s\n' "$profile" "$why" >>"$WORK/skipped.tsv"
    continue
  fi
  RUNNABLE+=("$profile")
done

# Rounds outermost: each round runs every server once, so a burst of other
# work on the machine hits all servers alike instead of one server's rounds.
for ROUND in $(seq "$ROUNDS"); do
  for profile in "${RUNNABLE[@]+"${RUNNABLE[@]}"}"; do
    [[ "$profile" == client-flood || "$profile" == fleet-1000 ]] && continue # once, after the rounds
    framing=$(framing_of "$profile")
    echo "$profile (bench framing $framing), round $ROUND, load $(cut -d' ' -f1 /proc/loadavg)"
    rm -f "$WORK/sample"
    if ! start_server "$profile" "$WORK/$profile-$ROUND.log"; then
      MISSING+=("$profile: did not start (round $ROUND)")
      stop_server
      continue
    fi
    if [[ "$profile" == greedy-peer || "$profile" == baseline-greedy ]]; then
      run_greedy "$profile" "$ROUND"
    elif [[ "$profile" == chorus-io1 || "$profile" == chorus-io2 ]]; then
      for c in "${IO_CLIENTS[@]}"; do
        run_bench "$profile" "closed-$c" "$ROUND" --connections "$c" --mode closed-loop \
          --duration "$DURATION" --framing "$framing"
      done
    elif [[ "$profile" == *-udp ]]; then
      for c in "${UDP_CLIENTS[@]}"; do
        run_bench "$profile" "udp-$c" "$ROUND" --connections "$c" --mode udp \
          --duration "$DURATION" --framing lf --udp-timeout 1000
      done
    elif is_binary "$profile"; then
      for c in "${BINARY_CLIENTS[@]}"; do
        run_bench "$profile" "closed-$c" "$ROUND" --connections "$c" --mode closed-loop \
          --duration "$DURATION" --framing "$framing" --payload-size "$(payload_size_of "$profile")"
      done
    elif [[ "$profile" == chorus-rules* ]]; then
      for c in "${RULES_CLIENTS[@]}"; do
        run_bench "$profile" "closed-$c" "$ROUND" --connections "$c" --mode closed-loop \
          --duration "$DURATION" --framing "$framing"
      done
    elif [[ "$profile" == baseline-headless ]]; then
      # The before/after comparison is about closed-loop LF lines: no hold.
      for c in "${CLIENTS[@]}"; do
        run_bench "$profile" "closed-$c" "$ROUND" --connections "$c" --mode closed-loop \
          --duration "$DURATION" --framing "$framing"
      done
    else
      for c in "${CLIENTS[@]}"; do
        run_bench "$profile" "closed-$c" "$ROUND" --connections "$c" --mode closed-loop \
          --duration "$DURATION" --framing "$framing"
      done
      run_bench "$profile" "hold-$HOLD_CONNECTIONS" "$ROUND" --connections "$HOLD_CONNECTIONS" \
        --mode hold --duration "$HOLD_DURATION" --framing "$framing"
    fi
    stop_server
    if [[ -n "${LAG_FILE:-}" ]]; then
      if [[ -s "$LAG_FILE" ]]; then
        printf '{"profile":"%s","test":"lag","round":%s,"lag":%s}\n' "$profile" "$ROUND" \
          "$(tr -d '\n' <"$LAG_FILE")" >>"$RESULTS"
      else
        echo "  (no lag report was written to $LAG_FILE)"
      fi
    fi
    # Let the kernel finish tearing down the last round's sockets.
    sleep 1
  done
done

# The window under load (issue #5): 9,000 idle connections held while 1,000
# more run closed loop, with the GUI thread's event-loop lag measured all along.
LOADED_LINE=""
if [[ " ${RUNNABLE[*]+"${RUNNABLE[*]}"} " == *" chorus-window "* ]]; then
  echo "chorus-window under load: $LOADED_HOLD held + $LOADED_BUSY busy"
  ROUND=loaded
  if start_server chorus-window "$WORK/chorus-window-loaded.log"; then
    loaded_hold_s=$(python3 -c "print(float('$DURATION') + 20)")
    timeout 300 "$BENCH" --host 127.0.0.1 --port "$PORT" --json --connections "$LOADED_HOLD" \
      --mode hold --duration "$loaded_hold_s" --framing lf >"$WORK/loaded-hold.out" 2>&1 &
    loaded_hold_pid=$!
    # Wait (bounded) until the held connections are up: the bench opens 2,000 a second.
    for _ in $(seq 300); do
      (($(ss -Htn state established "( sport = :$PORT )" 2>/dev/null | wc -l) >= LOADED_HOLD)) && break
      sleep 0.1
    done
    timeout 120 "$BENCH" --host 127.0.0.1 --port "$PORT" --json --connections "$LOADED_BUSY" \
      --mode closed-loop --duration "$DURATION" --framing lf >"$WORK/loaded-busy.out" 2>&1 || true
    wait "$loaded_hold_pid" || true
    stop_server
    if [[ -s "$LAG_FILE" ]]; then
      LOADED_LINE=$(python3 "$ROOT/bench/loaded_row.py" "$WORK/loaded-busy.out" \
        "$WORK/loaded-hold.out" "$LAG_FILE")
      echo "  $LOADED_LINE"
    else
      echo "  (no lag report was written to $LAG_FILE)"
    fi
  fi
fi

# chorus-client under a flood (issue 11 item 5): client_flood_peer sends
# FLOOD_RATE short lines a second for FLOOD_SECONDS to one chorus-client window
# (Xvfb, plain protocol, line framing, keeping its session in the scratch
# folder). Peak RSS is the client's VmHWM; "behind" is how many lines the peer
# could not send on time because the client was not reading (kernel buffers
# full); catch-up is how long the client stays busy after the last line.
client_cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}'; }
run_client_flood() {
  local label="$1" client="$2" out="$WORK/flood-$1.out" log="$WORK/flood-$1.log"
  "$FLOOD_PEER" --port 0 --rate "$FLOOD_RATE" --seconds "$FLOOD_SECONDS" >"$out" 2>"$log" &
  local peer_pid=$! port="" _
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out")
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "| $label | client_flood_peer did not listen |"; kill "$peer_pid"; return 1; }
  DISPLAY="$BENCH_DISPLAY" QT_QPA_PLATFORM=xcb "$client" --host 127.0.0.1 --port "$port" \
    --protocol plain --framing line --no-auto-reconnect --connect >>"$log" 2>&1 &
  local client_pid=$!
  SERVER_PID=$client_pid # so the trap ends it whatever happens
  local t0 cpu_before cpu_after catchup idle=0 hwm rss_end
  wait "$peer_pid" || true
  t0=$(date +%s.%N)
  # Busy until two half-second samples in a row use under 5 % of a core (at most 60 s).
  for _ in $(seq 120); do
    cpu_before=$(client_cpu_ticks "$client_pid")
    sleep 0.5
    cpu_after=$(client_cpu_ticks "$client_pid")
    [[ -z "$cpu_after" || -z "$cpu_before" ]] && break
    if (((cpu_after - cpu_before) * 200 < CLOCK_TICKS * 5)); then
      idle=$((idle + 1))
      ((idle >= 2)) && break
    else
      idle=0
    fi
  done
  catchup=$(python3 -c "print(max(0.0, $(date +%s.%N) - $t0 - 1.0))")
  cpu_after=$(client_cpu_ticks "$client_pid")
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$client_pid/status" 2>/dev/null || echo 0)
  rss_end=$(awk '/^VmRSS:/ {print $2}' "/proc/$client_pid/status" 2>/dev/null || echo 0)
  kill -TERM "$client_pid" 2>/dev/null || true
  wait "$client_pid" 2>/dev/null || true
  SERVER_PID=""
  python3 - "$label" "$(sed -n 's/^RESULT //p' "$out")" "${hwm:-0}" "${rss_end:-0}" "$catchup" \
    "${cpu_after:-0}" "$CLOCK_TICKS" <<'EOF'
import json, sys
label, raw, hwm, rss, catchup, ticks, hz = sys.argv[1:8]
d = json.loads(raw) if raw else {"lines": 0, "seconds": 0, "lines_per_s": 0, "max_behind_lines": 0}
cpu = int(ticks) / int(hz)
per_cpu = d["lines"] / cpu if cpu > 0 else 0
print(f"| {label} | {d['lines']:,} in {d['seconds']:.1f} s | {d['lines_per_s']:,.0f} | "
      f"{d['max_behind_lines']:,} | {int(hwm) / 1024:.0f} | {int(rss) / 1024:.0f} | "
      f"{float(catchup):.1f} | {cpu:.1f} | {per_cpu:,.0f} |")
EOF
}

FLOOD_LINES=""
if [[ " ${RUNNABLE[*]+"${RUNNABLE[*]}"} " == *" client-flood "* ]]; then
  echo "client-flood: $FLOOD_RATE lines/s for $FLOOD_SECONDS s at one chorus-client"
  flood_clients=("this build:$CLIENT")
  [[ -n "$BASELINE" && -x "$BASELINE/client_gui/chorus-client" ]] &&
    flood_clients+=("baseline:$BASELINE/client_gui/chorus-client")
  for entry in "${flood_clients[@]}"; do
    line=$(run_client_flood "${entry%%:*}" "${entry#*:}") || true
    echo "  $line"
    FLOOD_LINES+="$line"$'\n'
    sleep 1
  done
fi

# fleet-1000 (issue 13): 1,000 simulated vehicles, telemetry over their UDP
# channels, TAKEOFF to all from the window's engine; the window (offscreen,
# in the bench's process) has its event-loop lag measured, the session log on.
: >"$WORK/fleet.jsonl"
if [[ " ${RUNNABLE[*]+"${RUNNABLE[*]}"} " == *" fleet-1000 "* ]]; then
  echo "fleet-1000: $FLEET_VEHICLES vehicles x 10 telemetry/s over UDP + heartbeats, TAKEOFF to all, ${FLEET_SECONDS} s"
  if QT_QPA_PLATFORM=offscreen timeout $((FLEET_SECONDS + 60)) "$FLEET" --vehicles "$FLEET_VEHICLES" \
       --rate 10 --duration "$FLEET_SECONDS" --command-at $((FLEET_SECONDS / 2)) \
       2>"$WORK/fleet.err" | grep '^{' >"$WORK/fleet.jsonl"; then :; fi
  if [[ -s "$WORK/fleet.jsonl" ]]; then
    sed 's/^/  /' "$WORK/fleet.jsonl"
  else
    echo "  chorus-fleet-bench failed:"; tail -3 "$WORK/fleet.err" | sed 's/^/  /'
    MISSING+=("fleet-1000: failed ($(tail -1 "$WORK/fleet.err"))")
  fi
fi

HISTORY_LINE=""
if [[ -x "$HISTORY" ]]; then
  echo "chorus-history-bench"
  HISTORY_LINE=$(QT_QPA_PLATFORM=offscreen timeout 300 "$HISTORY" 2>&1 | grep -v "^QStandardPaths:" | tail -12 || true)
  echo "$HISTORY_LINE"
else
  MISSING+=("chorus-history-bench: not built ($HISTORY)")
fi

# The frame decoder alone: MB/s of 64-byte frames per framing, one core.
FRAMEBENCH_CSV="$WORK/framebench.csv"
: >"$FRAMEBENCH_CSV"
if [[ -x "$FRAMEBENCH" ]]; then
  echo "chorus-framebench (${FRAMEBENCH_SECONDS} s per framing, 64-byte frames)"
  if QT_QPA_PLATFORM=offscreen timeout 300 "$FRAMEBENCH" --seconds "$FRAMEBENCH_SECONDS" \
       --frame 64 >"$FRAMEBENCH_CSV" 2>"$WORK/framebench.err"; then
    column -s, -t <"$FRAMEBENCH_CSV" | sed 's/^/  /'
  else
    echo "  chorus-framebench failed:"; tail -3 "$WORK/framebench.err" | sed 's/^/  /'
    MISSING+=("chorus-framebench: failed ($(tail -1 "$WORK/framebench.err"))")
    : >"$FRAMEBENCH_CSV"
  fi
else
  MISSING+=("chorus-framebench: not built ($FRAMEBENCH)")
fi

META="$WORK/meta.json"
printf '%s\n' "${MISSING[@]+"${MISSING[@]}"}" >"$WORK/missing.txt"
printf '%s\n' "$HISTORY_LINE" >"$WORK/history.txt"
STARTED="$STARTED" ROUNDS="$ROUNDS" DURATION="$DURATION" HOLD_DURATION="$HOLD_DURATION" \
HOLD_CONNECTIONS="$HOLD_CONNECTIONS" QUICK="$QUICK" LOAD_START="$LOAD_START" PROFILES="${PROFILES[*]}" ROOT="$ROOT" \
BINARY_CLIENTS="${BINARY_CLIENTS[*]}" FRAMEBENCH_SECONDS="$FRAMEBENCH_SECONDS" BASELINE="$BASELINE" \
python3 - "$META" "$WORK/missing.txt" "$WORK/history.txt" "$WORK/skipped.tsv" "$FRAMEBENCH_CSV" "$WORK/fleet.jsonl" <<'EOF'
import csv, json, os, platform, subprocess, sys
env = os.environ
cpu = ""
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
mem_kb = 0
for line in open("/proc/meminfo"):
    if line.startswith("MemTotal:"):
        mem_kb = int(line.split()[1])
json.dump({
    "date": env["STARTED"],
    "nproc": os.cpu_count(),
    "cpu": cpu,
    "kernel": platform.release(),
    "mem_gb": round(mem_kb / 1048576, 1),
    "load": round(os.getloadavg()[0], 2),
    "load_start": float(env["LOAD_START"]),
    "rounds": int(env["ROUNDS"]), "duration": float(env["DURATION"]),
    "hold_duration": float(env["HOLD_DURATION"]),
    "hold_connections": int(env["HOLD_CONNECTIONS"]), "quick": env["QUICK"] == "1",
    "profiles": env["PROFILES"].split(),
    "missing": [m for m in open(sys.argv[2]).read().splitlines() if m.strip()],
    "history": open(sys.argv[3]).read().strip(),
    "skipped": dict(line.rstrip("\n").split("\t", 1)
                    for line in open(sys.argv[4]) if "\t" in line),
    "framebench": list(csv.DictReader(open(sys.argv[5]))),
    "framebench_seconds": float(env["FRAMEBENCH_SECONDS"]),
    "binary_clients": [int(c) for c in env["BINARY_CLIENTS"].split()],
    "baseline": env["BASELINE"],
    "fleet": [json.loads(l) for l in open(sys.argv[6]) if l.strip()],
    "commit": subprocess.run(["git", "-C", env["ROOT"], "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip(),
}, open(sys.argv[1], "w"), indent=1)
EOF

args=("$RESULTS" "$META")
((WRITE_DOC)) && args+=(--markdown "$OUTPUT")
if [[ " ${PROFILES[*]} " == " client-flood " ]]; then
  WRITE_DOC=0 # client-flood alone: its table is above; the document keeps the full run's
  echo "(client-flood alone: $OUTPUT not rewritten)"
else
  python3 "$ROOT/bench/bench_report.py" "${args[@]}"
fi
if ((WRITE_DOC)) && [[ -n "$LOADED_LINE" ]]; then
  cat >>"$OUTPUT" <<EOF

## The window under load (issue #5: 10,000 connected, 1,000 busy)

chorus-server with its window under Xvfb. chorus-bench holds $LOADED_HOLD idle connections
(\`--mode hold\`) while $LOADED_BUSY more run closed loop for ${DURATION} s (LF lines, message
logging on, so the log pane and the connection table keep changing). The lag is how late a
20 ms timer on the GUI thread fired, over the whole run.

| load | replies/s | reply p99 ms | lag samples | lag p50 ms | lag p99 ms | lag max ms |
|---|---|---|---|---|---|---|
$LOADED_LINE
EOF
fi
# The greedy peer (issue 11): medians over the rounds, printed and documented.
if [[ -s "$WORK/greedy.jsonl" ]]; then
  GREEDY_TABLE=$(python3 - "$WORK/greedy.jsonl" <<'EOF'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    if "p99_ms" in d["result"]:
        rows.setdefault(d["profile"], []).append(d)
print("| server | normal peers | normal replies/s | normal p50 ms | normal p99 ms | normal max ms "
      "| greedy replies/s | server CPU s | rounds |")
print("|---|---|---|---|---|---|---|---|---|")
for profile, runs in rows.items():
    med = lambda key: statistics.median(r["result"][key] for r in runs)
    cpu = [r["server_cpu_s"] for r in runs if r["server_cpu_s"] is not None]
    print(f"| {profile} | {runs[0]['result']['normal_peers']} | {med('normal_replies_per_s'):,.0f} "
          f"| {med('p50_ms'):.3f} | {med('p99_ms'):.3f} | {med('max_ms'):.1f} "
          f"| {med('greedy_replies_per_s'):,.0f} | {statistics.median(cpu) if cpu else 0:.2f} "
          f"| {len(runs)} |")
EOF
)
  echo "greedy peer (medians):"
  echo "$GREEDY_TABLE" | sed 's/^/  /'
  if ((WRITE_DOC)); then
    cat >>"$OUTPUT" <<EOF

## One greedy peer (issue 11: fairness)

chorus-server \`--headless --io-threads 1\`; \`chorus-greedy-bench\` opens one greedy peer that
pipelines 2-byte lines as fast as the server takes them (reading its replies) and
$GREEDY_NORMAL normal peers that run closed loop on the same I/O thread, for ${DURATION} s after
a 1 s warm-up. Normal peers' round trips; the greedy peer's replies per second.

$GREEDY_TABLE
EOF
  fi
fi
if ((WRITE_DOC)) && [[ -n "$FLOOD_LINES" ]]; then
  cat >>"$OUTPUT" <<EOF

## chorus-client under a flood (issue 11 item 5: a bounded client)

\`bench/client_flood_peer\` sends $FLOOD_RATE short lines a second (\`flood 00000001\` …) for
$FLOOD_SECONDS s to one chorus-client window (Xvfb, plain protocol, line framing, the session kept
in a scratch folder). Most behind: the most lines the peer could not send on time because the
client was not reading. Catch-up: how long the client stayed busy after the last line.
Client CPU is its user + system time over the whole run; lines per CPU second is what it costs,
whatever else the machine was doing.

| client | lines sent | lines/s | most behind | peak RSS MB | RSS at end MB | catch-up s | client CPU s | lines per CPU s |
|---|---|---|---|---|---|---|---|---|
${FLOOD_LINES%$'\n'}
EOF
fi
echo "raw results: $RESULTS"
