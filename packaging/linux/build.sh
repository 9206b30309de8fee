#!/usr/bin/env bash
# Build Rep Assistant for Linux: a self-contained folder app plus its desktop integration,
# packed as dist/rep-assistant-<version>-linux-<arch>.tar.gz (unpack, then ./install.sh).
#   packaging/linux/build.sh            (from anywhere; needs python3 3.11+ with venv)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../freeze.sh"

# Qt's xcb plugin needs these at build time so PyInstaller bundles them: many desktops lack
# libxcb-cursor0 and the app would then fail to start there. (Debian/Ubuntu names.)
XCB_LIBS=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxkbcommon-x11-0)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${XCB_LIBS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

freeze

# The freedesktop layout next to the program: share/applications, share/metainfo, share/icons.
STAGE=$DIST/rep-assistant-$VERSION
rm -rf "$STAGE"
mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" "$STAGE/share/icons"
cp -a "$DIST/rep-assistant" "$STAGE/lib"
cp packaging/linux/"$APP_ID".desktop "$STAGE/share/applications/"
cp packaging/linux/"$APP_ID".metainfo.xml "$STAGE/share/metainfo/"
cp -a "$BUILD/icons/hicolor" "$STAGE/share/icons/"
cp packaging/linux/install.sh "$STAGE/"
ARCHIVE=$DIST/rep-assistant-$VERSION-linux-$(uname -m).tar.gz
tar -C "$DIST" -czf "$ARCHIVE" "rep-assistant-$VERSION"
packaging/linux/smoke.sh "$STAGE/lib/rep-assistant"
echo "built $ARCHIVE ($(du -sh "$STAGE/lib" | cut -f1) unpacked); try: $STAGE/lib/rep-assistant --demo"
