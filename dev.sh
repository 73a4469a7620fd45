#!/usr/bin/env bash
# Chorus developer entry point. Two commands a new user needs:
#   ./dev.sh run    install what is missing, build, open chorus-server and chorus-client
#   ./dev.sh test   install what is missing, build, run the whole ctest suite (offscreen)
# Other verbs: setup (packages only), build, bench (see docs/BENCHMARKS.md), screenshots,
# tsan (thread-safety tests under ThreadSanitizer).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
JOBS="${CHORUS_JOBS:-$(nproc)}"

# Debian/Ubuntu packages the build, the tests and the screenshots need.
PACKAGES=(
  build-essential cmake ninja-build pkg-config zlib1g-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools libgl-dev
  libqt6svg6 qt6-qpa-plugins qt6-gtk-platformtheme
  fonts-noto-cjk python3 netcat-openbsd telnet procps iproute2
  xvfb xauth imagemagick x11-utils xdotool
)

setup() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "chorus: installing missing packages: ${missing[*]}"
    local SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$BUILD" -j "$JOBS"
}

run() {
  local srv="$BUILD/server_gui/chorus-server" cli="$BUILD/client_gui/chorus-client"
  local place=()
  if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    echo "chorus: no display; starting a virtual one (Xvfb :77, 1366x768)"
    Xvfb :77 -screen 0 1366x768x24 >/dev/null 2>&1 &
    export DISPLAY=:77
    sleep 1
    # No window manager there to place the windows: put the client beside the server.
    place=(-geometry +726+0)
  fi
  # The server starts listening on this machine (127.0.0.1 and ::1, port 9999)
  # and the client connects to it in the Chorus protocol.
  "$srv" --listen localhost --port 9999 --start &
  local server_pid=$!
  # Connect once it listens (bounded: 10 s), not before; ss looks without connecting.
  for _ in $(seq 100); do
    [[ -n "$(ss -Hltn 'sport = :9999' 2>/dev/null)" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  "$cli" --host localhost --port 9999 --protocol chorus --connect "${place[@]}" &
  wait "$server_pid"
}

test_suite() {
  export QT_QPA_PLATFORM=offscreen
  ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" --timeout 300
}

verb="${1:-run}"
shift || true
case "$verb" in
  setup) setup ;;
  build) setup; build "$@" ;;
  run) setup; build; run ;;
  test) setup; build; test_suite ;;
  bench) setup; build; exec "$ROOT/bench/run-benchmarks.sh" "$@" ;;
  screenshots) setup; build; exec "$ROOT/scripts/screenshots.sh" "$@" ;;
  tsan)
    # The reply book is read lock-free by every engine thread while the window
    # edits it: its concurrency test must be ThreadSanitizer-clean. (Tests that
    # pass values through Qt's own event queue are not run here: Debian's Qt is
    # not built with TSan, so they report Qt-internal false positives.)
    setup
    BUILD="$ROOT/build-tsan"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCHORUS_SANITIZE=thread -DCHORUS_BUILD_BENCH=OFF >/dev/null
    cmake --build "$BUILD" -j "$JOBS" --target tst_replybook
    QT_NO_GLIB=1 QT_QPA_PLATFORM=offscreen TSAN_OPTIONS="halt_on_error=1" \
      ctest --test-dir "$BUILD" --output-on-failure -R '^tst_replybook$' --timeout 600 ;;
  *) echo "usage: $0 run|test|setup|build|bench|screenshots|tsan" >&2; exit 2 ;;
esac
