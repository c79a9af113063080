#!/usr/bin/env bash
# Developer bootstrap: set up everything on a fresh Debian machine, then run the
# program on the demo workspace (`run`) or the whole test suite (`test`).
#
#   bash installer/dev.sh run     # venv + packages + Qt's Debian libraries, then the window on the demo workspace
#   bash installer/dev.sh test    # the same set-up plus test-only packages (PostgreSQL, Xvfb), then pytest
#
# Idempotent: a second run installs nothing and starts at once.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"; shift || true

# Debian libraries PySide6 needs even offscreen (PLATFORM.md §1), plus xcb for a real screen.
QT_DEBS="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 \
libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0"
TEST_DEBS="postgresql xvfb xauth poppler-utils"

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "dev.sh: missing Debian packages (run as root to install): ${missing[*]}" >&2
    return 0
  fi
  echo "dev.sh: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if command -v dpkg-query >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  apt_install python3-venv $QT_DEBS
  # shellcheck disable=SC2086
  [ "$mode" = test ] && apt_install $TEST_DEBS
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum requirements.lock | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.lock
  rm -f .venv/.installed-* && touch "$stamp"
fi
# The memo's official-document faces, converted from their OpenType sources (a no-op when built).
.venv/bin/python installer/build_fonts.py

case "$mode" in
  run)
    exec .venv/bin/python main.py gui --demo "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    # pytest exits 5 when no test ran: set -e turns that into a failure too.
    exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
    ;;
  *)
    echo "usage: bash installer/dev.sh run|test" >&2; exit 2
    ;;
esac
