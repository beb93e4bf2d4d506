#!/bin/sh
# check-translations.sh
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extracts the current strings and merges them into every language of
# po/LINGUAS in a scratch directory: a string added without a translation
# (untranslated or fuzzy) fails the test. The tree is never modified; run
# tools/update-po to refresh po/*.po.
top="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 2

xgettext --package-name=pulse --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=po/POTFILES.in --directory="$top" --output="$work/pulse.pot" 2>"$work/xgettext.log" \
  || { cat "$work/xgettext.log"; exit 1; }

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/pulse.pot" -o "$work/$lang.po" || exit 1
  msgfmt --check --output-file=/dev/null "$work/$lang.po" || { echo "not ok: $lang.po does not compile"; status=1; continue; }
  untranslated=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' )
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ')
  # msgattrib prints the header entry as one msgid when anything is left.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  total=$(grep -c '^msgid ' "$work/pulse.pot")
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "not ok: $lang: $untranslated untranslated, $fuzzy fuzzy of $((total - 1)) strings"
    msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep '^msgid ' | head -5
    status=1
  else
    echo "ok: $lang translates all $((total - 1)) strings"
  fi
done
exit $status
