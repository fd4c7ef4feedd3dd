#!/bin/sh
# bad.sh: every bad lesson file and bad course in tests/lesson/bad gives exactly the
# diagnostics in its .expected file (what "neuronauts --check NAME" prints on stderr,
# run from that folder) and exit status 1. UPDATE=1 rewrites the .expected files.
prog=${NEURONAUTS:?}
srcdir=${srcdir:-.}
dir=$srcdir/tests/lesson/bad
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-bad.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=
unset NEURONAUTS_CONTENT

cases=$(cd "$dir" && for f in *.lesson */; do echo "${f%/}"; done | sort)
n=0
for c in $cases; do n=$((n + 1)); done
echo "1..$n"
i=0
for c in $cases; do
	i=$((i + 1))
	name=${c%.lesson}
	(cd "$dir" && "$prog" --check "$c") >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	if [ "$UPDATE" = 1 ]; then
		cp "$tmp/err" "$dir/$name.expected"
		echo "ok $i - $c # SKIP expected output rewritten"
		continue
	fi
	if [ ! -f "$dir/$name.expected" ]; then
		echo "not ok $i - $c: no $name.expected (run with UPDATE=1 and review it)"
	elif [ $status -ne 1 ]; then
		echo "not ok $i - $c: exit status $status, not 1"
	elif [ -s "$tmp/out" ]; then
		echo "not ok $i - $c: wrote to stdout"
	elif ! cmp -s "$dir/$name.expected" "$tmp/err"; then
		echo "not ok $i - $c: diagnostics differ"
		diff "$dir/$name.expected" "$tmp/err" | sed 's/^/# /'
	else
		echo "ok $i - $c: $(head -n 1 "$tmp/err")"
	fi
done
