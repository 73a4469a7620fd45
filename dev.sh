#!/usr/bin/env bash
# Chorus developer entry point. Two commands a new user needs:
#   ./dev.sh run    install what is missing, build, open chorus-server and chorus-client
#   ./dev.sh test   install what is missing, build, run the whole ctest suite (offscreen)
# Other verbs: setup (packages only), build, bench (see docs/BENCHMARKS.md), screenshots,
# asan (the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer),
# fuzz [SECONDS] (every libFuzzer target, SECONDS each, default 60; docs/FUZZING.md),
# tsan (thread-safety tests under ThreadSanitizer),
# package (the Debian package, build-package/package/chorus_*.deb, checked with lintian).
# `test` runs the suite, then the suite again under ASan+UBSan, then each fuzz
# target for CHORUS_FUZZ_SECONDS (default 15): CI gets all three.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
BUILD="${CHORUS_BUILD_DIR:-$ROOT/build}"
JOBS="${CHORUS_JOBS:-$(nproc)}"

# Debian/Ubuntu packages the build, the tests and the screenshots need.
PACKAGES=(
  build-essential cmake ninja-build pkg-config zlib1g-dev libpcre2-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools libgl-dev
  qt6-l10n-tools qt6-translations-l10n # lupdate/lrelease; Qt's own Korean strings (qtbase_ko.qm)
  libqt6svg6 qt6-qpa-plugins qt6-gtk-platformtheme
  qt6-charts-dev libqt6opengl6-dev # the traffic and round-trip charts (Qt Charts needs Qt6OpenGL's CMake files)
  fonts-noto-cjk python3 netcat-openbsd telnet procps iproute2 clang libclang-rt-14-dev
  openssl
  help2man dpkg-dev lintian desktop-file-utils appstream
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

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer
# (gcc); any report fails the test that caused it. Leak checking is off: Qt's
# own process-lifetime allocations (fonts, plugins) are not ours to fix, and
# strict_string_checks stays off: libxkbcommon-x11 strndup()s X11 atom names
# that are not NUL-terminated, which that check reports inside Qt's xcb plugin.
asan_suite() {
  local dir="$ROOT/build-asan"
  echo "chorus: building the ASan+UBSan suite in $dir"
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCHORUS_SANITIZE=address,undefined -DCHORUS_BUILD_BENCH=OFF >/dev/null
  cmake --build "$dir" -j "$JOBS"
  QT_QPA_PLATFORM=offscreen \
    ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    ctest --test-dir "$dir" --output-on-failure -j "$JOBS" --timeout 600
}

# The .deb: a release build installed under /usr, packed by CPack, then checked.
package() {
  local dir="$ROOT/build-package"
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_INSTALL_PREFIX=/usr -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCH=OFF >/dev/null
  cmake --build "$dir" -j "$JOBS"
  (cd "$dir" && cpack --config CPackConfig.cmake >/dev/null)
  local deb
  deb="$(ls -t "$dir"/package/chorus_*.deb | head -1)"
  echo "chorus: built $deb"
  "$ROOT/packaging/check-package.sh" "$deb"
}

# Every fuzz target for $1 seconds, from its seed corpus (copied: the run's
# finds stay out of the repository). A crash or a broken invariant fails.
fuzz() {
  local seconds="${1:-60}" dir="$ROOT/build-fuzz"
  [[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 ]] || { echo "usage: $0 fuzz [SECONDS]" >&2; exit 2; }
  echo "chorus: building the fuzz targets (clang, libFuzzer, ASan+UBSan) in $dir"
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCHORUS_FUZZ=ON -DCHORUS_SANITIZE=address,undefined -DCHORUS_BUILD_BENCH=OFF \
    -DCHORUS_BUILD_TESTS=ON >/dev/null
  local targets=()
  for corpus in "$ROOT"/tests/fuzz/corpus/*/; do targets+=("$(basename "$corpus")"); done
  cmake --build "$dir" -j "$JOBS" --target "${targets[@]/#/fuzz_}"
  local work
  work="$(mktemp -d /tmp/chorus-fuzz.XXXXXX)"
  for t in "${targets[@]}"; do
    mkdir -p "$work/$t"
    cp "$ROOT/tests/fuzz/corpus/$t/"* "$work/$t/"
    echo "chorus: fuzz_$t for ${seconds} s"
    (cd "$work" && ASAN_OPTIONS="detect_leaks=0" "$dir/tests/fuzz/fuzz_$t" \
      -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/$t-" "$work/$t" \
      2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|invariant" || true)
    if compgen -G "$work/$t-crash-*" >/dev/null || compgen -G "$work/$t-leak-*" >/dev/null ||
       compgen -G "$work/$t-timeout-*" >/dev/null; then
      echo "chorus: fuzz_$t found a failing input: $(ls "$work/$t-"*-* | head -1)" >&2
      exit 1
    fi
  done
  rm -rf "$work"
}

verb="${1:-run}"
shift || true
case "$verb" in
  setup) setup ;;
  build) setup; build "$@" ;;
  run) setup; build; run ;;
  test) setup; build; test_suite; asan_suite; fuzz "${CHORUS_FUZZ_SECONDS:-15}" ;;
  asan) setup; asan_suite ;;
  fuzz) setup; fuzz "$@" ;;
  package) setup; package ;;
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
  *) echo "usage: $0 run|test|setup|build|bench|screenshots|asan|fuzz [SECONDS]|tsan|package" >&2; exit 2 ;;
esac
