#!/bin/sh
# complete.sh: every translation is complete for the current sources, and every source
# file with translatable strings is listed in po/POTFILES.in.
srcdir=${srcdir:-.}
XGETTEXT=${XGETTEXT:-xgettext}
MSGMERGE=${MSGMERGE:-msgmerge}
MSGFMT=${MSGFMT:-msgfmt}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
langs=$(sed -e 's/#.*//' "$srcdir/po/LINGUAS")
n=0
for l in $langs; do n=$((n + 1)); done
echo "1..$((n + 1))"

listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$srcdir/po/POTFILES.in" | sort)
used=$(cd "$srcdir" && grep -rl --include='*.c' -E '\b_\(|\bN_\(|ngettext\(' src | sort)
missing=$(printf '%s\n' "$used" | grep -vxF -e "$listed" 2>/dev/null)
if [ -z "$missing" ]; then
	echo "ok 1 - po/POTFILES.in lists every file with translatable strings"
else
	echo "not ok 1 - po/POTFILES.in misses:" $missing
fi

if ! command -v "$XGETTEXT" >/dev/null 2>&1; then
	i=1
	for l in $langs; do i=$((i + 1)); echo "ok $i - $l # SKIP no xgettext"; done
	exit 0
fi
(cd "$srcdir" && "$XGETTEXT" --keyword=_ --keyword=N_ --from-code=UTF-8 \
	-o "$tmp/all.pot" $listed) || { echo "Bail out! xgettext failed"; exit 1; }
i=1
for l in $langs; do
	i=$((i + 1))
	"$MSGMERGE" --quiet --no-fuzzy-matching -o "$tmp/$l.po" "$srcdir/po/$l.po" "$tmp/all.pot"
	stats=$(LC_ALL=C "$MSGFMT" --statistics -o /dev/null "$tmp/$l.po" 2>&1)
	case $stats in
	*untranslated* | *fuzzy*) echo "not ok $i - po/$l.po is incomplete: $stats" ;;
	*) echo "ok $i - po/$l.po: $stats" ;;
	esac
done
