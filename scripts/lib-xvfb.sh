# shellcheck shell=bash
# Sourced by the scripts/screenshots*.sh scripts (not run on its own): the
# private desktop every screenshot is taken on. A throwaway HOME and XDG
# folders (the user's settings, book and history stay untouched), an Xvfb the
# size of a common laptop screen (1366x768), free loopback ports, and on exit
# every process started here stopped, programs first and the X server last.
#
#   source "$ROOT/scripts/lib-xvfb.sh"
#   start_private_sandbox             # SANDBOX, HOME, XDG_*; stops everything on exit
#   start_private_xvfb "${CHORUS_SHOT_DISPLAY:-:96}"
#   PORT="$(free_tcp_port)"
#   "$SERVER" --port "$PORT" & stop_on_exit "$!"
#   wait_for_tcp_port "$PORT"

# What was started, in order; pids[0] is the X server once started.
pids=()

# Remembers a process to stop on exit (or on stop_everything_started).
stop_on_exit() {
  pids+=("$1")
}

# The programs first, and only once they are gone the X server they draw on
# (pids[0]); otherwise Qt reports a broken X11 connection as they exit. Then
# the sandbox goes.
stop_everything_started() {
  local i
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do wait "${pids[i]}" 2>/dev/null || true; done
  if ((${#pids[@]} > 0)); then kill "${pids[0]}" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  pids=()
  if [[ -n "${SANDBOX:-}" ]]; then rm -rf "$SANDBOX"; fi
}

# A fresh temporary HOME with its own XDG config and data folders (exported),
# removed on exit with everything else started.
start_private_sandbox() {
  SANDBOX="$(mktemp -d)"
  export XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data" HOME="$SANDBOX"
  trap stop_everything_started EXIT
}

# Starts Xvfb 1366x768x24 on DISPLAY_NUM (":96"), exports DISPLAY and waits
# (up to 5 s) until it answers. Refuses a display another X server holds: the
# screenshots would otherwise show that server's windows.
start_private_xvfb() {
  local display_num="$1" lock="/tmp/.X${1#:}-lock" holder
  if [[ -e "$lock" ]]; then
    holder="$(tr -d ' ' <"$lock" 2>/dev/null || true)"
    if [[ -n "$holder" ]] && kill -0 "$holder" 2>/dev/null; then
      echo "$0: display $display_num is in use (process $holder); choose another with the" \
        "script's CHORUS_SHOT_*DISPLAY variable" >&2
      exit 1
    fi
  fi
  Xvfb "$display_num" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  stop_on_exit "$!"
  export DISPLAY="$display_num"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
}

# A TCP port free on 127.0.0.1 right now.
free_tcp_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits (up to about 10 s) until something accepts on 127.0.0.1:PORT.
wait_for_tcp_port() {
  local port="$1"
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2).close()" \
      2>/dev/null && break
    sleep 0.1
  done
}
