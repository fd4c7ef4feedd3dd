#!/bin/sh
# run.sh: the standard workloads A and B through "neuronauts lab": the median speed of
# REPEAT runs, the final loss and accuracy against the known ones, on the kernels this
# CPU picks, then once on the portable reference kernels.
# Usage: run.sh PROGRAM DATA_DIR [REPEAT]
prog=$1 data=$2 repeat=${3:-5}
status=0
work() { # work NAME LAYERS INIT KNOWN_LOSS KNOWN_ACC [OPTION]...
	name=$1 layers=$2 init=$3 loss=$4 acc=$5
	shift 5
	i=0
	: >"$tmp"
	while [ $i -lt "$repeat" ]; do
		"$prog" lab --data "$data/spiral.csv" --layers "$layers" --init "$data/$init" \
			--batch 10 --epochs 200 --no-shuffle --lr 0.015 "$@" >>"$tmp" || exit 1
		i=$((i + 1))
	done
	rate=$(sed -n 's/.*examples_per_sec=\([0-9]*\).*/\1/p' "$tmp" | sort -n |
		sed -n "$(((repeat + 1) / 2))p")
	got=$(sed -n 's/.*loss=\([^ ]*\).*/\1/p' "$tmp" | tail -n 1)
	gotacc=$(sed -n 's/.*accuracy=\([^ ]*\).*/\1/p' "$tmp" | tail -n 1)
	ok=$(awk -v g="$got" -v k="$loss" -v a="$gotacc" -v ka="$acc" \
		'BEGIN { d = g - k; if (d < 0) d = -d; print (d < 5e-11 && a == ka) ? "ok" : "WRONG" }')
	[ "$ok" = ok ] || status=1
	printf '%-22s %11s examples/s  loss %s (known %s)  accuracy %s  %s\n' \
		"$name" "$rate" "$got" "$loss" "$gotacc" "$ok"
}
tmp=$(mktemp "${TMPDIR:-/tmp}/nn-bench.XXXXXX")
trap 'rm -f "$tmp"' EXIT
echo "neuronauts lab, standard workloads (median of $repeat runs):"
work "A 2-8-8-1" 2,8,8,1 init_2881.txt 0.0365361085 0.964
work "B 2-64-64-1" 2,64,64,1 init_2_64_64_1.txt 0.0171701310 0.981
repeat=1
work "A portable kernels" 2,8,8,1 init_2881.txt 0.0365361085 0.964 --kernels portable
work "B portable kernels" 2,64,64,1 init_2_64_64_1.txt 0.0171701310 0.981 --kernels portable
exit $status
