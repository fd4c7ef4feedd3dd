#!/bin/sh
# scale.sh PROGRAM PTYRUN CONTENT SIXFOLD: start-up and --check against the course's
# size, side by side in one run: the first complete frame on an 80x24 pseudo-terminal
# (wall-clock and CPU, median of 21) and "neuronauts --check" of the whole course (wall
# and CPU, median of 21), for CONTENT and for a course six times its size made by the
# script SIXFOLD (bench/sixfold.sh). Targets: the six-fold first frame within 10% of the
# real one; --check of the real course under 10 ms.
prog=$1
ptyrun=$2
content=$3
sixfold=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-scale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$tmp" NEURONAUTS_PROGRESS="$tmp/progress"
unset NO_COLOR NEURONAUTS_CONTENT
sh "$sixfold" "$content" "$tmp/x6" || exit 1

# median FILE FIELD: the median of "FIELD=number" over the lines of FILE.
median() {
	sed "s/.*$2=\([0-9.-]*\).*/\1/" "$1" | sort -n | sed -n "$((($(wc -l <"$1") + 1) / 2))p"
}

# run NAME ARGS...: one run of ptyrun ARGS, its line added to $tmp/NAME.
run() {
	name=$1
	shift
	"$ptyrun" "$@" >>"$tmp/$name" || { echo "scale.sh: $name failed" >&2; exit 1; }
}

# 21 runs of each, the two courses in turn, so a load on the machine weighs on both
# alike.
i=0
while [ $i -lt 21 ]; do
	for what in real x6; do
		dir=$content
		[ $what = x6 ] && dir=$tmp/x6
		rm -f "$tmp/progress"
		run "frame-$what" -s 80x24 -m "? help" -k q -- "$prog" --content-dir="$dir"
		run "check-$what" -- "$prog" --check "$dir"
	done
	i=$((i + 1))
done
# report WHAT NAME WALL CPU: the medians of a kind of run (NAME) for both courses.
report() {
	for what in real x6; do
		dir=$content
		[ $what = x6 ] && dir=$tmp/x6
		printf 'scale: %-12s %-4s course (%3d lessons): %6s ms wall, %6s ms CPU (median of 21)\n' \
			"$1" "$what" "$(grep -c '^@lesson ' "$dir/course.index")" \
			"$(median "$tmp/$2-$what" "$3")" "$(median "$tmp/$2-$what" "$4")"
	done
}
report "first frame," frame first_frame_ms first_frame_cpu_ms
report "--check," check run_ms run_cpu_ms
echo "scale: targets: the x6 first frame within 10% of the real one; --check of the real course < 10 ms"
