#!/usr/bin/env bash
# Build Rep Assistant for Linux: a self-contained folder app plus its desktop integration,
# packed as dist/rep-assistant-<version>-linux-<arch>.tar.gz (unpack, then ./install.sh).
#   packaging/linux/build.sh            (from anywhere; needs python3 3.11+ with venv)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../freeze.sh"

# What a fresh Debian 12 / Ubuntu 24.04 lacks for this build (Debian/Ubuntu names):
# - python3-venv: the build venv; binutils: PyInstaller reads libraries with objdump;
# - libpython3.11: the shared libpython PyInstaller bundles (the python3.11 binary is static);
# - the xcb/xkb libraries Qt's xcb plugin needs, so PyInstaller bundles them (many desktops lack
#   libxcb-cursor0 and the app would not start there); GL, fontconfig, dbus and glib for the
#   offscreen smoke test at the end.
BUILD_DEPS=(python3-venv binutils libpython3.11 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libx11-xcb1)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${BUILD_DEPS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if ! command -v sudo >/dev/null 2>&1; then
        echo "build.sh: these build dependencies are missing and there is no sudo here. As root, run:" >&2
        echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
      fi
      sudo="sudo"
    fi
    echo "build.sh: installing build dependencies: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  for tool in objdump python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: $tool is needed (binutils, python3 3.11+ with venv)" >&2; exit 1; }
  done
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
# The bundle runs where glibc is at least this machine's (PyInstaller bundles everything above glibc).
GLIBC=$(ldd --version 2>/dev/null | head -1 | grep -oE '[0-9]+\.[0-9]+$' || echo "?")
echo "built $ARCHIVE ($(du -sh "$STAGE/lib" | cut -f1) unpacked); it needs glibc $GLIBC or newer; try: $STAGE/lib/rep-assistant --demo"
