# Shared by packaging/linux/build.sh and packaging/macos/build.sh (sourced, not run): the build
# venv, the icons and the PyInstaller run, the same on both. Sets ROOT, BUILD, DIST, APP_ID and
# VERSION, and leaves the frozen app in $DIST.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=packaging/build
DIST=packaging/dist
VENV=$BUILD/venv
APP_ID=$(python3 -c 'import sys; sys.path.insert(0, "."); from rep_assistant import APP_ID; print(APP_ID)')
VERSION=$(python3 -c 'import sys; sys.path.insert(0, "."); from rep_assistant import __version__; print(__version__)')

freeze() {
  # The build venv is separate from the project's .venv so PyInstaller never becomes a dependency.
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q ".[packaging]"
  "$VENV/bin/python" packaging/make_icons.py "$BUILD/icons"
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" packaging/pyinstaller/rep-assistant.spec
}
