#!/usr/bin/env bash
# Packs the build in $1 with CPack into a temporary folder and checks the .deb with $2.
set -euo pipefail
build="${1:?build dir}" check="${2:?check script}"
for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli lintian gzip readelf; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (./dev.sh setup installs the packaging tools)"
    exit 77
  fi
done
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
deb="$(ls "$out"/chorus_*.deb)"
"$check" "$deb"
