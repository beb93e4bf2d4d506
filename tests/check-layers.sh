#!/bin/sh
# check-layers.sh
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a layer includes a header its layer may not use (STYLE.md §1).
# The static libraries already lack the include paths of GTK, libsoup and
# libsecret; this catches the headers on the default path, like sqlite3.h.
src="$1/src"
status=0

check() {
  dir="$1"; pattern="$2"; what="$3"
  hits=$(grep -rlE "#include[[:space:]]*<($pattern)" "$src/$dir" 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "not ok: $what in src/$dir: $hits"
    status=1
  fi
}

check core 'gtk/|adwaita\.h|gdk/|sqlite3\.h|libsoup/|libsecret/' 'GTK, SQLite or network'
check store 'gtk/|adwaita\.h|gdk/|libsoup/|libsecret/' 'GTK or network'
check net 'gtk/|adwaita\.h|gdk/|sqlite3\.h' 'GTK or SQLite'
check session 'gtk/|adwaita\.h|gdk/|sqlite3\.h' 'GTK or SQLite'
check server 'gtk/|adwaita\.h|gdk/|libsecret/' 'GTK or libsecret'
check ui 'sqlite3\.h|libsoup/' 'SQLite or libsoup'

[ $status -eq 0 ] && echo "ok: every layer keeps to its dependencies"
exit $status
