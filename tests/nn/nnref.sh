#!/bin/sh
# nnref.sh: the reference runner (tests/nn/nnref) on every case of the shared PyTorch
# sample (skipped when ../shared/reference/ops is absent, as in a distcheck tarball), on
# cases worked out by hand, and on malformed files: each names the line it expects
# ("# want: ...", and "# summary: ..." when not "0 passed, 1 failed") and must fail so.
runner=${top_builddir:?}/tests/nn/nnref
srcdir=${srcdir:-.}
top_srcdir=$(cd "$srcdir" && pwd)
shared=$top_srcdir/../shared/reference/ops
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nnref.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C
n=0
say() { # say ok|not-ok DESCRIPTION
	n=$((n + 1))
	if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

# The shared cases: one TAP line per case, then the summary and the exit status.
if [ -d "$shared" ]; then
	"$runner" "$shared"/*.nnref >"$tmp/out" 2>&1
	status=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) say ok "shared: ${line#ok }" ;;
		"FAIL "*) say not-ok "shared: ${line#FAIL }" ;;
		esac
	done <"$tmp/out"
	last=$(tail -n 1 "$tmp/out")
	if [ $status -eq 0 ] && echo "$last" | grep -qx '[1-9][0-9]* passed, 0 failed'; then
		say ok "shared: $last"
	else
		say not-ok "shared: exit $status, last line \"$last\""
	fi
else
	n=$((n + 1))
	echo "ok $n - shared reference cases # SKIP $shared not found (a tarball without it)"
fi

cd "$top_srcdir/tests/nn" || exit 1

# Hand-worked cases: all pass.
"$runner" nnref-hand.nnref >"$tmp/out" 2>&1
status=$?
last=$(tail -n 1 "$tmp/out")
if [ $status -eq 0 ] && [ "$last" = "12 passed, 0 failed" ] && ! grep -q '^FAIL' "$tmp/out"
then say ok "hand-worked cases: $last"
else say not-ok "hand-worked cases: exit $status, \"$last\""; sed 's/^/# /' "$tmp/out"; fi

# Malformed files: the expected FAIL line, the summary, exit status 1.
for f in nnref-bad/*.nnref; do
	want=$(sed -n 's/^# want: //p' "$f")
	sum=$(sed -n 's/^# summary: //p' "$f")
	[ -n "$sum" ] || sum="0 passed, 1 failed"
	"$runner" "$f" >"$tmp/out" 2>&1
	status=$?
	if [ -n "$want" ] && [ $status -eq 1 ] && grep -qxF "$want" "$tmp/out" &&
		[ "$(tail -n 1 "$tmp/out")" = "$sum" ]; then
		say ok "$f: ${want#FAIL }"
	else
		say not-ok "$f: exit $status, expected \"$want\" and \"$sum\""
		sed 's/^/# /' "$tmp/out"
	fi
done

# A file that cannot be read fails too; no file at all is a usage error (status 2).
"$runner" nnref-bad/no-such-file.nnref >"$tmp/out" 2>&1
status=$?
if [ $status -eq 1 ] && grep -qx 'FAIL nnref-bad/no-such-file.nnref: cannot read: No such file or directory' "$tmp/out"
then say ok "a missing file fails"
else say not-ok "a missing file: exit $status"; sed 's/^/# /' "$tmp/out"; fi
"$runner" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q '^usage: ' "$tmp/err"
then say ok "no arguments: usage, status 2"
else say not-ok "no arguments: exit $status"; fi

echo "1..$n"
