#!/bin/sh
# Runs a GUI test inside its own X server (xvfb-run) and D-Bus session with an
# unlocked gnome-keyring, so the desk's secret store is the real one.
# Usage: run_under_xvfb.sh TEST-BINARY [ARGS…]
set -eu
if [ -z "${KPD_INSIDE_XVFB:-}" ]; then
  export KPD_INSIDE_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@"
fi
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  # A fresh keyring in a private home, unlocked with a throwaway password.
  export HOME="$(mktemp -d)"
  eval "$(printf 'smoke' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null | sed 's/^/export /')"
fi
exec "$@"
