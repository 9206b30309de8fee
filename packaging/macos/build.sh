#!/usr/bin/env bash
# Build Rep Assistant for macOS: "Rep Assistant.app" in a disk image,
# packaging/dist/rep-assistant-<version>-macos-<arch>.dmg. Run on a Mac with python3 3.11+.
# The app is not signed or notarized: sign it with your Developer ID before handing it out
# (codesign --deep --options runtime, then notarytool), or users must right-click > Open once.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../freeze.sh"
freeze

DMG=$DIST/rep-assistant-$VERSION-macos-$(uname -m).dmg
rm -f "$DMG"
hdiutil create -volname "Rep Assistant" -srcfolder "$DIST/Rep Assistant.app" -ov -format UDZO "$DMG"
echo "built $DMG; try: \"$DIST/Rep Assistant.app/Contents/MacOS/rep-assistant\" scan --demo"
