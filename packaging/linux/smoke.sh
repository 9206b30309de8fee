#!/usr/bin/env bash
# Check a built Linux app without a display: it starts, scans the demo and shows its window.
#   packaging/linux/smoke.sh [PROGRAM]     (default: packaging/dist/rep-assistant/rep-assistant)
# Runs in a throw-away REP_ASSISTANT_HOME; prints the bundle size and how long each step took.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROGRAM=${1:-$ROOT/packaging/dist/rep-assistant/rep-assistant}
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
export REP_ASSISTANT_HOME=$HOME_DIR QT_QPA_PLATFORM=offscreen

exec 3>&1  # timings go to the terminal even when a command's output is redirected
timed() {  # timed LABEL COMMAND...: run it, print the label and the seconds it took
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" 'BEGIN { printf "%-28s %.2f s\n", l, e - s }' >&3
}

echo "bundle: $(du -sh "$(dirname "$(readlink -f "$PROGRAM")")" | cut -f1)"
timed "--version" "$PROGRAM" --version >/dev/null
timed "scan --demo (first time)" "$PROGRAM" scan --demo >"$HOME_DIR/scan.txt" 2>&1
grep -q "threat" "$HOME_DIR/scan.txt" || { echo "smoke: scan --demo found no threat" >&2; cat "$HOME_DIR/scan.txt" >&2; exit 1; }
timed "window on the demo" "$PROGRAM" --demo --quit-after 0 >"$HOME_DIR/window.txt" 2>/dev/null
grep -q "window shown (Maple Class Parents" "$HOME_DIR/window.txt" || { echo "smoke: the window did not show the demo" >&2; exit 1; }
echo "smoke: ok ($(grep "messages scanned" "$HOME_DIR/scan.txt"))"
