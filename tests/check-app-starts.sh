#!/bin/sh
# tests/check-app-starts.sh PULSE — the app starts and ends: `pulse --help`
# exits 0, with G_SLICE unset (src/main.c sets it and starts again, once:
# a loop would never end) and with one the user set (left as it is).
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
app=$1
out=$(env -u G_SLICE -u DISPLAY -u WAYLAND_DISPLAY timeout 20 "$app" --help)
echo "$out" | grep -q -- '--help' || { echo "no help from $app without G_SLICE"; exit 1; }
out=$(env -u DISPLAY -u WAYLAND_DISPLAY G_SLICE=debug-blocks timeout 20 "$app" --help)
echo "$out" | grep -q -- '--help' || { echo "no help from $app with G_SLICE set"; exit 1; }
echo "ok: $app --help ends, with and without G_SLICE"
