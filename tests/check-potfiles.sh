#!/bin/sh
# check-potfiles.sh
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file with a translatable string is listed in po/POTFILES.in, and
# every listed file exists, so no string silently escapes translation.
top="$1"
cd "$top" || exit 2
status=0

listed=$(grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$')
for f in $listed; do
  [ -f "$f" ] || { echo "not ok: po/POTFILES.in lists missing file $f"; status=1; }
done

for f in $(grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_)\(|translatable="yes"' src resources 2>/dev/null | sort); do
  echo "$listed" | grep -qxF "$f" || { echo "not ok: $f has translatable strings but is not in po/POTFILES.in"; status=1; }
done

sorted=$(echo "$listed" | LC_ALL=C sort)
[ "$sorted" = "$listed" ] || { echo "not ok: po/POTFILES.in is not sorted"; status=1; }

[ $status -eq 0 ] && echo "ok: po/POTFILES.in lists every file with translatable strings"
exit $status
