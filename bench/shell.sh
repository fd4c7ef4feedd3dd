#!/bin/sh
# shell.sh PROGRAM PTYRUN [COURSE [ANIMATION-COURSE]]: the course shell's figures on an
# 80x24 pseudo-terminal: start-up to the first complete frame (median of 21 runs), peak
# memory, the CPU used over 10 s idle on a lesson page, and the bytes per second a
# full-screen looping animation sends at 30 frames per second.
# Targets: < 10 ms, < 10 MB, 0.00 s, <= 10 KB/s.
prog=$1
ptyrun=$2
course=${3:-}   # a course for the idle lesson page when the installed one has none
anim=${4:-}     # a course whose first lesson is a looping full-screen animation
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$tmp" NEURONAUTS_PROGRESS="$tmp/progress"
unset NO_COLOR

# The title's footer is its last row: when it is on the terminal, the frame is complete.
i=0
: >"$tmp/starts"
while [ $i -lt 21 ]; do
	"$ptyrun" -s 80x24 -m "? help" -k q -- "$prog" >>"$tmp/starts" || exit 1
	i=$((i + 1))
done
start=$(sed 's/.*first_frame_ms=\([0-9.]*\).*/\1/' "$tmp/starts" | sort -n | sed -n 11p)
rss=$(sed 's/.*maxrss_kb=\([0-9]*\).*/\1/' "$tmp/starts" | sort -n | tail -n 1)

lesson=$("$prog" --list | awk '/^  [^ ]/ { print $1; exit }')
dir_opt=""
if [ -z "$lesson" ] && [ -n "$course" ]; then
	dir_opt="--content-dir=$course"
	lesson=$("$prog" "$dir_opt" --list | awk '/^  [^ ]/ { print $1; exit }')
fi
if [ -n "$lesson" ]; then
	idle=$("$ptyrun" -s 80x24 -m "? help" -i 10 -k qq -w 30 -- "$prog" $dir_opt --lesson "$lesson")
	idle_cpu=$(echo "$idle" | sed 's/.*idle_cpu_s=\([0-9.-]*\).*/\1/')
	lrss=$(echo "$idle" | sed 's/.*maxrss_kb=\([0-9]*\).*/\1/')
	[ "$lrss" -gt "$rss" ] && rss=$lrss
else
	idle_cpu="n/a (no lesson)"
fi
echo "shell: start-up to first frame ${start} ms (median of 21; target < 10)"
echo "shell: peak RSS ${rss} kB (target < 10240)"
echo "shell: CPU over 10 s idle on lesson '${lesson}': ${idle_cpu} s (target 0.00)"
if [ -n "$anim" ]; then
	out=$("$ptyrun" -s 80x24 -m "? help" -i 10 -k qq -w 30 -- "$prog" --content-dir="$anim" \
		--lesson "$("$prog" --content-dir="$anim" --list | awk '/^  [^ ]/ { print $1; exit }')")
	bps=$(echo "$out" | sed 's/.*idle_bytes_per_s=\([0-9.-]*\).*/\1/')
	acpu=$(echo "$out" | sed 's/.*idle_cpu_s=\([0-9.-]*\).*/\1/')
	echo "shell: a looping full-screen animation at 80x24, 30 fps: ${bps} bytes/s over 10 s (target <= 10240), CPU ${acpu} s"
fi
