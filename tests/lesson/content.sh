#!/bin/sh
# content.sh: the course in content/ passes "neuronauts --check" (exit 0, no output),
# and so does the example lesson on its own; a bad file fails with status 1.
prog=${NEURONAUTS:?}
srcdir=${srcdir:-.}
export LC_ALL=C.UTF-8 LANGUAGE=
unset NEURONAUTS_CONTENT
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-content.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "1..4"
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
