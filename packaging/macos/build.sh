#!/usr/bin/env bash
# Build Rep Assistant for macOS: "Rep Assistant.app" in a disk image,
# packaging/dist/rep-assistant-<version>-macos-<arch>.dmg. Run on a Mac with python3 3.11+.
# The app is not signed or notarized: sign it with your Developer ID before handing it out
# (codesign --deep --options runtime, then notarytool), or users must right-click > Open once.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BUILD=packaging/build
DIST=packaging/dist
VENV=$BUILD/venv
VERSION=$(python3 -c 'import sys; sys.path.insert(0, "."); from rep_assistant import __version__; print(__version__)')

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q ".[packaging]"
"$VENV/bin/python" packaging/make_icons.py "$BUILD/icons"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller" packaging/pyinstaller/rep-assistant.spec

DMG=$DIST/rep-assistant-$VERSION-macos-$(uname -m).dmg
rm -f "$DMG"
hdiutil create -volname "Rep Assistant" -srcfolder "$DIST/Rep Assistant.app" -ov -format UDZO "$DMG"
echo "built $DMG; try: \"$DIST/Rep Assistant.app/Contents/MacOS/rep-assistant\" scan --demo"
