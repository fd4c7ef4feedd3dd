#!/bin/sh
# glossary.sh: `neuronauts --glossary` on the real course: it fits 80 columns in UTF-8
# and in ASCII, lists every @term of the lesson files exactly once, in alphabetical
# order ignoring case, each with the unit whose @unit line comes before its @term line.
prog=${NEURONAUTS:?}
srcdir=${srcdir:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-gloss.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=
unset NEURONAUTS_CONTENT COLUMNS
. "${srcdir:-.}/tests/tap.sh"

echo "1..7"
LC_ALL=C.UTF-8 "$prog" --glossary >"$tmp/utf8" 2>"$tmp/err" </dev/null
LC_ALL=C "$prog" --glossary >"$tmp/ascii" 2>>"$tmp/err" </dev/null
COLUMNS=50 LC_ALL=C.UTF-8 "$prog" --glossary >"$tmp/narrow" 2>>"$tmp/err" </dev/null
# What the lesson files say, read without the program: "name<TAB>unit" per @term,
# the unit being the last @unit line above it.
for f in $(sed -n 's/^@lesson [^ ]* \([^ |]*\.lesson\)$/\1/p' "$srcdir/content/course.index"); do
	awk '/^@unit /{u=$2} /^@term /{s=$0; sub(/^@term +/, "", s); sub(/:.*/, "", s); print s "\t" u}' \
		"$srcdir/content/$f"
done >"$tmp/want-raw"
LC_ALL=C sort -f "$tmp/want-raw" >"$tmp/want"
# What the program printed: the entries' first lines, "  name (unit · title)".
LC_ALL=C.UTF-8 sed -n 's/^  \([^ ].*\) (\([^ ]*\) · .*)$/\1\t\2/p' "$tmp/utf8" >"$tmp/got"
check "it prints, without a word on stderr" eval '[ -s "$tmp/utf8" ] && [ -s "$tmp/ascii" ] && [ ! -s "$tmp/err" ]'
check "at least 40 terms are defined" eval '[ "$(wc -l <"$tmp/want")" -ge 40 ]'
check "every line fits 80 columns (UTF-8)" eval '[ "$(LC_ALL=C.UTF-8 wc -L <"$tmp/utf8")" -le 80 ]'
check "every line fits 80 columns (ASCII), in ASCII only" eval '[ "$(LC_ALL=C wc -L <"$tmp/ascii")" -le 80 ] && ! LC_ALL=C grep -q "[^ -~]" "$tmp/ascii"'
check "COLUMNS=50: every line fits 50 columns" eval '[ "$(LC_ALL=C.UTF-8 wc -L <"$tmp/narrow")" -le 50 ]'
check "every term once, alphabetically, each with its unit" cmp "$tmp/want" "$tmp/got"
check "names are unique ignoring case" eval '[ -z "$(cut -f1 "$tmp/want" | LC_ALL=C sort -f | uniq -di)" ]'
