#!/bin/sh
# lab.sh: "neuronauts lab" from the command line: the standard workload's known loss,
# the output lines, init schemes and weight files, and every kind of bad input (one
# clear line, status 1 or 2, nothing on stdout).
prog=${NEURONAUTS:?}
srcdir=${srcdir:-.}
data=$srcdir/bench/data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-lab.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=
n=0
check() { # check DESCRIPTION COMMAND...: TAP line from the command's status
	desc=$1; shift
	n=$((n + 1))
	if "$@" >/dev/null 2>&1; then echo "ok $n - $desc"; else
		echo "not ok $n - $desc"; sed 's/^/# /' "$tmp/out" "$tmp/err" 2>/dev/null; fi
}
run() { # run STATUS ARGS...: runs "lab ARGS", keeps stdout/stderr, checks the status
	want=$1; shift
	"$prog" lab "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	[ $? -eq "$want" ]
}
has() { grep -qE -- "$2" "$tmp/$1"; }
lines() { [ "$(wc -l <"$tmp/$2")" -eq "$1" ]; }
empty() { [ ! -s "$tmp/$1" ]; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$tmp/out" | tail -n 1; }
near() { # near X Y: |X - Y| < 5e-11 (agreement to the 10 decimals of the known losses)
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 5e-11 && d > -5e-11) }'
}
A="--data $data/spiral.csv --layers 2,8,8,1 --batch 10 --no-shuffle --lr 0.015"

echo "1..21"
check "workload A reaches the known loss 0.0365361085 and accuracy 0.964" eval \
	'run 0 $A --init $data/init_2881.txt --epochs 200 && lines 1 out && empty err &&
	 has out "^examples=200000 seconds=[0-9.]+ examples_per_sec=[0-9]+ loss=[0-9.e-]+ accuracy=0\.964$" &&
	 near "$(field loss)" 0.0365361085'
check "the portable kernels agree to 8 digits" eval \
	'run 0 $A --init $data/init_2881.txt --epochs 200 --kernels portable &&
	 near "$(field loss)" 0.0365361085 && has out "accuracy=0\.964$"'
check "--log-every: step 0 first, then every N steps, 17 significant digits" eval \
	'run 0 $A --init $data/init_2881.txt --steps 7 --log-every 3 && lines 4 out &&
	 has out "^step 0 loss 0\.25454604741607[0-9]*$" && has out "^step 3 loss " &&
	 has out "^step 6 loss " && ! has out "^step 7 " && has out "^examples=70 "'
check "--init-scheme uniform --seed 2881 is init_2881.txt" eval \
	'run 0 $A --init $data/init_2881.txt --steps 50 && cp "$tmp/out" "$tmp/a" &&
	 run 0 $A --init-scheme uniform --seed 2881 --steps 50 &&
	 [ "$(field loss)" = "$(sed -n "s/.*loss=\([^ ]*\).*/\1/p" "$tmp/a")" ]'
check "--save then --init continues the same run" eval \
	'run 0 $A --init $data/init_2881.txt --steps 300 && cp "$tmp/out" "$tmp/a" &&
	 run 0 $A --init $data/init_2881.txt --steps 100 --save "$tmp/w.txt" &&
	 [ "$(grep -v "^#" "$tmp/w.txt" | wc -w)" -eq 105 ] &&
	 run 0 $A --init "$tmp/w.txt" --steps 200 &&
	 [ "$(field loss)" = "$(sed -n "s/.*loss=\([^ ]*\).*/\1/p" "$tmp/a")" ]'
check "every optimizer, loss and init scheme runs" eval \
	'for o in sgd momentum nesterov adam adamw rmsprop; do
	   run 0 --data $data/spiral.csv --opt $o --lr 0.01 --epochs 1 || exit 1; done &&
	 run 0 --data $data/spiral.csv --loss bce --epochs 1 --batch full &&
	 run 0 --data $data/spiral.csv --layers 2,8,2 --loss ce --epochs 1 --dropout 0.2 &&
	 for s in zeros uniform normal xavier-uniform xavier-normal he-uniform he-normal; do
	   run 0 --data $data/spiral.csv --init-scheme $s --steps 3 --hidden relu || exit 1; done'
check "--help lists the options" eval \
	'run 0 --help && has out "Usage: neuronauts lab \[OPTION\]\.\.\." && has out "--log-every N" &&
	 has out "--init-scheme NAME" && empty err'
check "missing data file: status 1, one line naming it" eval \
	'run 1 --data "$tmp/none.csv" && lines 1 err && empty out &&
	 has err "^neuronauts lab: cannot read .*none\.csv.: No such file or directory$"'
printf 'x1,x2,label\n1,2,0\n3,oops,1\n' >"$tmp/bad.csv"
check "bad CSV row: status 1, file:line: and the field" eval \
	'run 1 --data "$tmp/bad.csv" && lines 1 err && empty out &&
	 has err "bad\.csv:3: field 2 is not a number$"'
printf 'x1,x2,label\n1,2,0\n3,4\n' >"$tmp/short.csv"
check "short CSV row: status 1 with the counts" eval \
	'run 1 --data "$tmp/short.csv" && lines 1 err && has err "short\.csv:3: 2 fields, but the first row has 3$"'
check "layers that do not fit the data: status 1" eval \
	'run 1 --data $data/spiral.csv --layers 3,8,1 && lines 1 err &&
	 has err "starts with 3 inputs, but .*spiral\.csv. has 2 feature columns"'
check "layers that do not fit the init file: status 1 with file:line" eval \
	'run 1 --data $data/spiral.csv --layers 2,4,1 --init $data/init_2881.txt && lines 1 err &&
	 has err "init_2881\.txt:16: 2 numbers where layer 1 of --layers needs 4$"'
check "init file too short: status 1" eval \
	'echo "1 2" >"$tmp/w1" && run 1 --data $data/spiral.csv --layers 2,1 --init "$tmp/w1" &&
	 has err "w1: ends after 2 of the 3 parameters"'
check "unknown activation: status 2 with the known names" eval \
	'run 2 --data $data/spiral.csv --hidden sine && has err "^neuronauts lab: --hidden: unknown name .sine. \(known: step, linear" &&
	 has err "^Try .neuronauts lab --help. for more information\.$" && lines 2 err'
check "unknown loss, optimizer, scheme, kernels: status 2" eval \
	'run 2 --data $data/spiral.csv --loss hinge && run 2 --data $data/spiral.csv --opt lbfgs &&
	 run 2 --data $data/spiral.csv --init-scheme lecun && run 2 --data $data/spiral.csv --kernels mmx'
check "non-positive sizes: status 2" eval \
	'run 2 --data $data/spiral.csv --batch 0 && has err "--batch must be a positive whole number, not .0." &&
	 run 2 --data $data/spiral.csv --epochs -1 && run 2 --data $data/spiral.csv --layers 2,0,1 &&
	 run 2 --data $data/spiral.csv --log-every 0 && run 2 --data $data/spiral.csv --lr -0.1'
check "bad numbers and options: status 2" eval \
	'run 2 --data $data/spiral.csv --lr fast && has err "--lr must be a number, not .fast." &&
	 run 2 --frobnicate && has err "unrecognized option .--frobnicate." &&
	 run 2 --data && has err "option .--data. requires an argument" &&
	 run 2 --shuffle=yes && run 2 stray && has err "unexpected argument .stray."'
check "no data: status 2" eval 'run 2 && has err "no training data: give --data FILE\.csv"'
check "divergence: status 1 naming the step, no summary line" eval \
	'run 1 --data $data/spiral.csv --layers 2,16,1 --hidden relu --output linear --lr 10 --steps 1000 &&
	 has err "^neuronauts lab: training diverged at step [0-9]+: the batch loss is " && lines 1 err &&
	 ! has out "^examples="'
check "an update flung out of range (--lr 1e308) is divergence, not a saturated success" eval \
	'run 1 --data $data/spiral.csv --lr 1e308 --epochs 5 &&
	 has err "^neuronauts lab: training diverged at step 1: its update overflowed" && lines 1 err &&
	 ! has out "^examples="'
check "incompatible output for the loss: status 2" eval \
	'run 2 --data $data/spiral.csv --loss bce --output tanh && has err "--loss bce needs --output sigmoid"'
