#!/bin/sh
# trainer-live.sh PROGRAM PTYRUN CONTENT: the live trainer as a learner sees it, on a
# pseudo-terminal: the lab (a 2-8-8-1 net on the spiral) opened, its trainer focused
# (Tab) and started (Space); then over SECONDS (5) of training the bytes per second sent
# to the terminal, the frames per second drawn (the program's own log of its frames,
# NEURONAUTS_FRAME_LOG) and the CPU; then paused, the screen repainted (Ctrl-L) and the
# step read off it for the examples per second trained while drawing (the steps times
# the batch over the time from Space to the pause). At 80x24 and 200x60, in UTF-8
# (C.UTF-8) and in ASCII (LC_ALL=C). Targets at 80x24: 30 frames/s within 10 KB/s, and
# at least 1,000,000 examples/s.
prog=$1
ptyrun=$2
content=$3
secs=${4:-5}
settle=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export TERM=xterm-256color HOME="$tmp" NEURONAUTS_PROGRESS="$tmp/progress"
unset NO_COLOR

echo "trainer live: the lab's 2-8-8-1 on the spiral, training for ${settle} + ${secs} s, measured over the last ${secs} s"
for size in 80x24 200x60; do
	for loc in C.UTF-8 C; do
		rm -f "$tmp/progress"
		out=$(LC_ALL=$loc "$ptyrun" -s "$size" -m "? help" -p '\t ' -d "$settle" -i "$secs" \
			-k ' \e\fqq' -w 60 -o "$tmp/dump" -f "$tmp/frames" -- \
			"$prog" --content-dir="$content" --lesson LAB)
		bps=$(echo "$out" | sed 's/.*idle_bytes_per_s=\([0-9.-]*\).*/\1/')
		fps=$(echo "$out" | sed 's/.*idle_frames_per_s=\([0-9.-]*\).*/\1/')
		cpu=$(echo "$out" | sed 's/.*idle_cpu_s=\([0-9.-]*\).*/\1/')
		# The last full repaint (after Ctrl-L), without its escape sequences.
		screen=$(tail -c 65536 "$tmp/dump" | LC_ALL=C sed 's/\x1b\[[0-9;?]*[A-Za-z]/ /g')
		step=$(echo "$screen" | LC_ALL=C grep -o 'step  *[0-9][0-9]*' | tail -n 1 | sed 's/step  *//')
		batch=$(echo "$screen" | LC_ALL=C grep -o 'batch  *[0-9][0-9]*' | tail -n 1 | sed 's/batch  *//')
		exs=$(awk -v s="${step:-0}" -v b="${batch:-0}" -v t="$settle" -v i="$secs" \
			'BEGIN { printf "%.0f", s * b / (t + i) }')
		printf '  %-7s %-8s %7s bytes/s  %5s frames/s  %9s examples/s  CPU %s s\n' \
			"$size" "$loc" "$bps" "$fps" "$exs" "$cpu"
	done
done
