#!/bin/sh
# run.sh: the standard workloads A and B through "neuronauts lab" and through the plain
# C loop (bench/plain-loop.c) in turn, REPEAT pairs: the median speed of each and the
# median of the pairs' ratios (pairing keeps the ratio fair on a busy machine), the
# final loss and accuracy against the known ones; then once on the portable kernels,
# and once on the opt-in fma kernels when this CPU has them.
# Usage: run.sh PROGRAM DATA_DIR [REPEAT [PLAIN_LOOP]]
prog=$1 data=$2 repeat=${3:-5} plain=${4:-}
status=0
median() { sort -n | sed -n "$(((repeat + 1) / 2))p"; }
rate() { sed -n 's/.*examples_per_sec=\([0-9]*\).*/\1/p' "$1"; }
field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" "$2" | tail -n 1; }
# verdict LOSS ACC KNOWN_LOSS KNOWN_ACC: ok or WRONG
verdict() {
	awk -v g="$1" -v k="$3" -v a="$2" -v ka="$4" \
		'BEGIN { d = g - k; if (d < 0) d = -d; print (g != "" && d < 5e-11 && a == ka) ? "ok" : "WRONG" }'
}
lab() { # lab LAYERS INIT [OPTION]...
	layers=$1 init=$2
	shift 2
	"$prog" lab --data "$data/spiral.csv" --layers "$layers" --init "$data/$init" \
		--batch 10 --epochs 200 --no-shuffle --lr 0.015 "$@"
}
work() { # work NAME LAYERS INIT HIDDEN KNOWN_LOSS KNOWN_ACC
	name=$1 layers=$2 init=$3 hidden=$4 loss=$5 acc=$6
	: >"$tmp.lab"
	: >"$tmp.plain"
	i=0
	while [ $i -lt "$repeat" ]; do
		lab "$layers" "$init" >>"$tmp.lab" || exit 1
		if [ -n "$plain" ]; then
			"$plain" "$data/spiral.csv" "$data/$init" "$hidden" >>"$tmp.plain" || exit 1
		fi
		i=$((i + 1))
	done
	labrate=$(rate "$tmp.lab" | median)
	ok=$(verdict "$(field loss "$tmp.lab")" "$(field accuracy "$tmp.lab")" "$loss" "$acc")
	[ "$ok" = ok ] || status=1
	if [ -n "$plain" ]; then
		plainrate=$(rate "$tmp.plain" | median)
		rate "$tmp.plain" >"$tmp.plain.r"
		ratio=$(rate "$tmp.lab" | paste -d' ' - "$tmp.plain.r" | awk '{ print $1 / $2 }' |
			median)
		pok=$(verdict "$(field loss "$tmp.plain")" "$(field accuracy "$tmp.plain")" "$loss" "$acc")
		[ "$pok" = ok ] || ok="$ok (plain C: $pok)"
		ratio=$(printf '%.2fx' "$ratio")
	else
		plainrate=- ratio=-
	fi
	printf '%-14s %13s %13s %10s  %s\n' "$name" "$plainrate" "$labrate" "$ratio" "$ok"
	losses="$losses$(printf '%-14s lab %s, plain C %s (known %s)' "$name" \
		"$(field loss "$tmp.lab")" "$(field loss "$tmp.plain")" "$loss")
"
}
portable() { # portable NAME LAYERS INIT KNOWN_LOSS KNOWN_ACC [KERNELS]
	lab "$2" "$3" --kernels "${6:-portable}" >"$tmp.lab" || exit 1
	ok=$(verdict "$(field loss "$tmp.lab")" "$(field accuracy "$tmp.lab")" "$4" "$5")
	[ "$ok" = ok ] || status=1
	printf '%-22s %11s examples/s  loss %s (known %s)  %s\n' "$1" "$(rate "$tmp.lab")" \
		"$(field loss "$tmp.lab")" "$4" "$ok"
}
tmp=$(mktemp "${TMPDIR:-/tmp}/nn-bench.XXXXXX")
trap 'rm -f "$tmp" "$tmp.lab" "$tmp.plain" "$tmp.plain.r"' EXIT
losses=
echo "neuronauts lab against the plain C loop, standard workloads (medians of $repeat runs each, in turn;"
echo "lab/plain is the median of the pairs' ratios; loss ok: final loss and accuracy as known):"
printf '%-14s %13s %13s %10s  %s\n' workload "plain C ex/s" "lab ex/s" lab/plain "loss ok"
work "A 2-8-8-1" 2,8,8,1 init_2881.txt 8 0.0365361085 0.964
work "B 2-64-64-1" 2,64,64,1 init_2_64_64_1.txt 64 0.0171701310 0.981
printf 'final losses:\n%s' "$losses"
echo "once on the portable kernels:"
portable "A portable kernels" 2,8,8,1 init_2881.txt 0.0365361085 0.964
portable "B portable kernels" 2,64,64,1 init_2_64_64_1.txt 0.0171701310 0.981
if "$prog" lab --data "$data/spiral.csv" --layers 2,1 --steps 1 --kernels fma >/dev/null 2>&1; then
	echo "once on the opt-in fma kernels (fused multiply-adds: not the bits of the others):"
	portable "A fma kernels" 2,8,8,1 init_2881.txt 0.0365361085 0.964 fma
	portable "B fma kernels" 2,64,64,1 init_2_64_64_1.txt 0.0171701310 0.981 fma
fi
exit $status
