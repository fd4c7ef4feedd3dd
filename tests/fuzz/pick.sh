#!/bin/sh
# pick.sh: keeps a fuzz target's committed corpus small: adds to it, from the
# directories named, the inputs that reach the most edges (branches) it does not,
# one at a time, until it holds N files or nothing adds an edge; prints how many edges
# the corpus then reaches of all those the inputs do. Usage, from the build directory
# after make fuzz:
#   sh $srcdir/tests/fuzz/pick.sh TARGET N DIR...
# (libFuzzer's -merge=1 keeps every input that adds one, hundreds for the lesson target.)
usage="usage: pick.sh lesson|progress|csv|weights N DIR..."
[ $# -ge 3 ] || { echo "$usage" >&2; exit 2; }
target=$1
limit=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus-$target
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/none"
# The control file lists the inputs, then "COV i e1 e2..." for the edges of input i.
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:max_allocation_size_mb=1024 \
	tests/fuzz/fuzz-"$target" -merge=1 -use_counters=0 -merge_control_file="$tmp/ctl" \
	-rss_limit_mb=2048 -timeout=10 "$tmp/none" "$corpus" "$@" >"$tmp/log" 2>&1 ||
	{ tail -n 20 "$tmp/log" >&2; exit 1; }
awk -v corpus="$corpus/" -v limit="$limit" '
NR == 1 { n = $1; next }
NR == 2 { next }
NR <= n + 2 { file[NR - 3] = $0; next }
$1 == "COV" { cov[$2] = $0 }
END {
	for (i = 0; i < n; i++) {
		m = split(cov[i], e, " ")
		for (j = 3; j <= m; j++)
			all[e[j]] = 1
		if (index(file[i], corpus) == 1) {
			kept++
			for (j = 3; j <= m; j++)
				have[e[j]] = 1
		} else
			cand[i] = 1
	}
	for (;;) {
		best = -1; gain = 0
		for (i in cand) {
			m = split(cov[i], e, " "); g = 0
			for (j = 3; j <= m; j++)
				g += !(e[j] in have)
			if (g > gain) { gain = g; best = i }
		}
		if (kept >= limit || best < 0)
			break
		m = split(cov[best], e, " ")
		for (j = 3; j <= m; j++)
			have[e[j]] = 1
		delete cand[best]
		kept++
		print file[best]
	}
	for (k in all) total++
	for (k in have) got++
	printf "pick.sh: %d files reach %d of the %d edges\n", kept, got, total > "/dev/stderr"
}' "$tmp/ctl" >"$tmp/picked" || exit 1
while read -r f; do cp "$f" "$corpus/" || exit 1; done <"$tmp/picked"
