#!/bin/sh
# content.sh: the course in content/ passes "neuronauts --check" (exit 0, no output),
# and so does the example lesson on its own; a bad file fails with status 1.
prog=${NEURONAUTS:?}
srcdir=${srcdir:-.}
export LC_ALL=C.UTF-8 LANGUAGE=
unset NEURONAUTS_CONTENT
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-content.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "1..9"
n=0
check() { # check DESCRIPTION STATUS ARGS...
	desc=$1 want=$2
	shift 2
	n=$((n + 1))
	"$prog" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ $got -eq "$want" ] && [ ! -s "$tmp/out" ] &&
		{ [ "$want" -ne 0 ] || [ ! -s "$tmp/err" ]; }; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc (status $got)"
		sed 's/^/# /' "$tmp/err" | head -n 20
	fi
}
check "neuronauts --check content/ is clean" 0 --check "$srcdir/content"
check "the example lesson is clean on its own" 0 --check "$srcdir/content/examples/neuron.lesson"
check "--check with no operand checks the course (--content-dir)" 0 --check --content-dir "$srcdir/content"
check "a missing file: status 1" 1 --check "$tmp/none.lesson"
# Lesson files at any depth are checked, and a link back up is reported, not walked.
mkdir -p "$tmp/deep/a/b/c/d/e/f/g/h/i/j"
printf '@lesson X\n@title t\n@level 1\n@format 1\n\n@unit X.a\n# H\n\n@widget nosuch id=q\nalt: x\n@end\n' \
	>"$tmp/deep/a/b/c/d/e/f/g/h/i/j/deep.lesson"
ln -s ../.. "$tmp/deep/a/b/up"
check "a lesson ten folders down is checked" 1 --check "$tmp/deep"
n=$((n + 1))
if grep -q "deep.lesson:9:9: unknown widget kind 'nosuch'" "$tmp/err" &&
	[ "$(grep -c "deep.lesson:9:9" "$tmp/err")" -eq 1 ] &&
	grep -q "a/b/up: not searched: it leads back to a folder above it" "$tmp/err"; then
	echo "ok $n - a link to a folder above is named, not followed round"
else
	echo "not ok $n - a link to a folder above is named, not followed round"
	sed 's/^/# /' "$tmp/err" | head -n 20
fi
# A lesson file is read only inside the course folder (links resolved), and only when
# it is a regular file: a FIFO would block the reader for ever.
mkdir -p "$tmp/link/c"
printf '@format 1\n@course S\n@level 1 B | b\n@lesson S-a a.lesson\n@unit S.a read 1 | A\n' \
	>"$tmp/link/c/course.index"
printf '@lesson S-a\n@title Secret\n@level 1\n@format 1\n@unit S.a\nSECRET outside.\n' \
	>"$tmp/link/outside.lesson"
ln -s ../outside.lesson "$tmp/link/c/a.lesson"
check "a lesson linked from outside the course is refused" 1 --check "$tmp/link/c"
n=$((n + 1))
"$prog" -C "$tmp/link/c" --plain >"$tmp/out" 2>&1 </dev/null
if grep -q "a.lesson': it leads outside the course folder" "$tmp/err" &&
	! grep -q SECRET "$tmp/out"; then
	echo "ok $n - ... named in --check, and never shown"
else
	echo "not ok $n - ... named in --check, and never shown"
fi
rm "$tmp/link/c/a.lesson"
mkfifo "$tmp/link/c/a.lesson"
n=$((n + 1))
if timeout 20 "$prog" --check "$tmp/link/c" >"$tmp/out" 2>"$tmp/err" </dev/null;
	[ $? -eq 1 ] && grep -q "a.lesson': not a regular file" "$tmp/err"; then
	echo "ok $n - a FIFO as a lesson file is refused, not waited on"
else
	echo "not ok $n - a FIFO as a lesson file is refused, not waited on"
fi
