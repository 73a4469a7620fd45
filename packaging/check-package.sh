#!/usr/bin/env bash
# Checks a built chorus .deb: its file list holds what a desktop needs, the
# desktop entries and AppStream metainfo validate, and lintian reports no
# errors (its warnings are printed; docs/PACKAGING.md says why each stays), the
# control fields name the run-time plugins and translations shlibdeps cannot see,
# and the programs carry no RUNPATH.
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
# Control fields: what shlibdeps cannot see must be named by hand.
has_relation() { # field package
  tr ',' '\n' <<<"$(dpkg-deb -f "$deb" "$1")" | sed 's/^ *//; s/ .*//' | grep -qxF "$2" ||
    { echo "check-package: $1 lacks $2" >&2; exit 1; }
}
has_relation Depends libqt6gui6           # Qt Gui and the X11 platform plugin (shlibdeps)
has_relation Depends libqt6svg6           # the SVG icon engine, a plugin
has_relation Recommends qt6-translations-l10n # Qt's own strings in Korean (qtbase_ko.qm)
has_relation Recommends fonts-noto-cjk    # Korean glyphs
echo "check-package: Depends: $(dpkg-deb -f "$deb" Depends)"
echo "check-package: Recommends: $(dpkg-deb -f "$deb" Recommends)"
# No RUNPATH/RPATH in the installed programs (Debian policy 10.2): they load
# only the system's libraries.
for program in "$work"/root/usr/bin/*; do
  if readelf -d "$program" | grep -qE '\((RPATH|RUNPATH)\)'; then
    echo "check-package: ${program#"$work"/root} has $(readelf -d "$program" | grep -E 'R(UN)?PATH')" >&2
    exit 1
  fi
done
echo "check-package: no RUNPATH in the programs"
# Manual pages (when help2man was there) name what the program is, not just its name.
for page in "$work"/root/usr/share/man/man1/*.1.gz; do
  [[ -e "$page" ]] || continue
  program="$(basename "$page" .1.gz)"
  if zcat "$page" | grep -A1 '^\.SH NAME' | grep -qxE "$program \\\\?- $program"; then
    echo "check-package: ${page#"$work"/root} has no description in NAME" >&2
    exit 1
  fi
done
# lintian's exit status is non-zero for errors only with --fail-on error.
lintian --fail-on error --tag-display-limit 0 "$deb"
echo "check-package: lintian reports no errors"
