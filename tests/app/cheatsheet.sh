#!/bin/sh
# cheatsheet.sh: the quick reference's cheat-sheet cards print cleanly: `neuronauts
# --plain --lesson R-review` on the real course fits 80 columns in UTF-8 and in ASCII,
# has every card's heading in order, and the cards' part holds only text (no widget).
prog=${NEURONAUTS:?}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-cheat.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=
unset NEURONAUTS_CONTENT COLUMNS
. "${srcdir:-.}/tests/tap.sh"
# widest FILE: the widest line's display width in the current locale
widest() { wc -L <"$1"; }
# cards FILE: the part from the unit's title to the answers
cards() { sed -n '/^  Cheat-sheet cards (/,/^  Answers$/p' "$1"; }
headings="Card 1: the neuron|Card 2: activations|Card 3: how a network learns|Card 4: losses and settings|Card 5: architectures|Card 6: attention|Card 7: milestones"

echo "1..6"
LC_ALL=C.UTF-8 "$prog" --plain --lesson R-review >"$tmp/utf8" 2>"$tmp/err" </dev/null
LC_ALL=C "$prog" --plain --lesson R-review >"$tmp/ascii" 2>>"$tmp/err" </dev/null
cards "$tmp/utf8" >"$tmp/cards"
check "it prints, without a word on stderr" eval '[ -s "$tmp/utf8" ] && [ -s "$tmp/ascii" ] && [ ! -s "$tmp/err" ]'
check "every line fits 80 columns (UTF-8)" eval '[ "$(LC_ALL=C.UTF-8 widest "$tmp/utf8")" -le 80 ]'
check "every line fits 80 columns (ASCII), in ASCII only" eval '[ "$(LC_ALL=C widest "$tmp/ascii")" -le 80 ] && ! LC_ALL=C grep -q "[^ -~]" "$tmp/ascii"'
check "every card's heading, in order" eval '[ "$(grep -E "^  ($headings)\$" "$tmp/cards" | sed "s/^  //" | paste -sd"|" -)" = "$headings" ]'
check "the cards are text only: no widget drawn among them" eval '[ -s "$tmp/cards" ] && ! grep -qE "^ *\\[[a-z]+\\]|[+][-][-]|[│┌└╭]" "$tmp/cards"'
check "the cards end before the answers" eval 'tail -n 1 "$tmp/cards" | grep -qx "  Answers"'
