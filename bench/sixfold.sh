#!/bin/sh
# sixfold.sh CONTENT DEST [COPIES]: makes in DEST a course COPIES times (6 by default)
# the size of CONTENT, for the start-up and --check benchmarks (make bench-shell). Copy
# 1 is CONTENT as it is; copy k (k > 1) lives in DEST/ck/, its level, lesson and unit
# ids renamed (level 1 -> 1ck, L1-crowd -> L1-crowd-ck, L1.intro -> L1.intro-ck) in its
# index lines and lesson headers, so neuronauts --check accepts the whole.
# Lesson files outside the index (content/examples) are not copied.
set -eu
src=$1
dest=$2
copies=${3:-6}
[ -f "$src/course.index" ] || { echo "sixfold.sh: no course in $src" >&2; exit 1; }
mkdir -p "$dest"
# The lesson files the index lists, and the folders they are in.
paths=$(sed -n 's/^@lesson [^ ]* \([^ |]*\.lesson\) *$/\1/p' "$src/course.index")
cp "$src/course.index" "$dest/course.index"
for p in $paths; do
	mkdir -p "$dest/$(dirname "$p")"
	cp "$src/$p" "$dest/$p"
done
k=2
while [ "$k" -le "$copies" ]; do
	s=c$k
	# The index: levels, lessons (with the copy's folder), prerequisites and units.
	sed -n '/^@level /,$p' "$src/course.index" | sed \
		-e "s/^@level \([^ ]*\)/@level \1$s/" \
		-e "s/^@lesson \([^ ]*\) \([^ |]*\.lesson\) *\$/@lesson \1-$s $s\/\2/" \
		-e "s/^@lesson \([^ ]*\) |/@lesson \1-$s |/" \
		-e "/^@requires /{s/ \([^ ]*\)/ \1-$s/g;}" \
		-e "s/^@unit \([^ ]*\)/@unit \1-$s/" >>"$dest/course.index"
	for p in $paths; do
		mkdir -p "$dest/$s/$(dirname "$p")"
		sed -e "s/^@lesson \([^ ]*\)/@lesson \1-$s/" \
			-e "s/^@level \([^ ]*\)/@level \1$s/" \
			-e "s/^@unit \([^ ]*\)/@unit \1-$s/" "$src/$p" >"$dest/$s/$p"
	done
	k=$((k + 1))
done
