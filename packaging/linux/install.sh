#!/usr/bin/env sh
# Install the unpacked Rep Assistant for this user (no root needed), or remove it again.
#   ./install.sh            installs into ~/.local (the program, menu entry, icons, AppStream data)
#   ./install.sh --remove   removes what it installed (your chats and settings stay)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_ID=org.repassistant.RepAssistant
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$PREFIX/lib/rep-assistant" "$PREFIX/bin/rep-assistant" \
    "$PREFIX/share/applications/$APP_ID.desktop" "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
  find "$PREFIX/share/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  echo "Rep Assistant removed (your data folder was left alone)."
  exit 0
fi
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share"
rm -rf "$PREFIX/lib/rep-assistant"
cp -a "$HERE/lib" "$PREFIX/lib/rep-assistant"
ln -sf "$PREFIX/lib/rep-assistant/rep-assistant" "$PREFIX/bin/rep-assistant"
cp -a "$HERE/share/." "$PREFIX/share/"
# The menu may not search ~/.local/bin, so the installed entry names the program by its full path.
sed -i "s|^Exec=rep-assistant |Exec=$PREFIX/bin/rep-assistant |" "$PREFIX/share/applications/$APP_ID.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "Rep Assistant installed: find it in your applications menu, or run $PREFIX/bin/rep-assistant"
