#!/usr/bin/env bash
# Checks a built chorus .deb: its file list holds what a desktop needs, the
# desktop entries and AppStream metainfo validate, and lintian reports no
# errors (its warnings are printed; docs/PACKAGING.md says why each stays).
# Usage: packaging/check-package.sh chorus_X_amd64.deb
set -euo pipefail
deb="${1:?usage: $0 chorus_X_amd64.deb}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
files="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for wanted in ./usr/bin/chorus-server ./usr/bin/chorus-client \
  ./usr/share/applications/net.chorus_tools.ChorusServer.desktop \
  ./usr/share/applications/net.chorus_tools.ChorusClient.desktop \
  ./usr/share/metainfo/net.chorus_tools.ChorusServer.metainfo.xml \
  ./usr/share/metainfo/net.chorus_tools.ChorusClient.metainfo.xml \
  ./usr/share/icons/hicolor/scalable/apps/chorus-server.svg \
  ./usr/share/icons/hicolor/scalable/apps/chorus-client.svg \
  ./usr/share/doc/chorus/copyright; do
  grep -qxF "$wanted" <<<"$files" || { echo "check-package: $wanted is missing" >&2; exit 1; }
done
echo "check-package: file list complete ($(wc -l <<<"$files") entries)"
desktop-file-validate "$work"/root/usr/share/applications/*.desktop
echo "check-package: desktop entries valid"
appstreamcli validate --no-net "$work"/root/usr/share/metainfo/*.metainfo.xml
echo "check-package: metainfo valid"
dpkg-deb -f "$deb" Depends
# lintian's exit status is non-zero for errors only with --fail-on error.
lintian --fail-on error --tag-display-limit 0 "$deb"
echo "check-package: lintian reports no errors"
