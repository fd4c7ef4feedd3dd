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

echo "1..30"
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

# --eval and --predict, against a forward pass written here in awk from the weights
# file's own numbers: fwd WEIGHTS DATA SIZES OUTPUT-ACT LOSS prints "loss=L accuracy=A"
# and writes each row's outputs (space-separated) to $tmp/fwd.
fwd() {
	awk -F, -v sizes="$3" -v outact="$4" -v loss="$5" -v rows="$tmp/fwd" '
	function th(x,  e) { e = exp(-2 * (x < 0 ? -x : x)); e = (1 - e) / (1 + e); return x < 0 ? -e : e }
	BEGIN { nl = split(sizes, S, ",") - 1; np = 0; n = 0; sum = 0; right = 0 }
	FNR == NR { if ($0 ~ /^#/ || $0 ~ /^[ \t]*$/) next
		k = split($0, a, /[ \t]+/); for (i = 1; i <= k; i++) if (a[i] != "") P[++np] = a[i] + 0; next }
	FNR == 1 && $1 !~ /^[-+.0-9]/ { next }
	{ for (j = 1; j <= S[1]; j++) v[j] = $j + 0
	  lab = $(S[1] + 1) + 0; off = 0
	  for (l = 1; l <= nl; l++) {
		ni = S[l]; no = S[l + 1]
		for (o = 1; o <= no; o++) {
			z = P[off + ni * no + o]
			for (j = 1; j <= ni; j++) z += P[off + (o - 1) * ni + j] * v[j]
			if (l < nl) w[o] = th(z)
			else w[o] = outact == "sigmoid" ? 1 / (1 + exp(-z)) : z
		}
		off += ni * no + no
		for (o = 1; o <= no; o++) v[o] = w[o]
	  }
	  no = S[nl + 1]; line = ""; best = 1
	  for (o = 1; o <= no; o++) { line = line (o > 1 ? " " : "") sprintf("%.17g", v[o]); if (v[o] > v[best]) best = o }
	  print line > rows; n++
	  if (loss == "mse") { for (o = 1; o <= no; o++) { t = no == 1 ? lab : (o - 1 == lab); sum += (v[o] - t) ^ 2 / no } }
	  else { m = v[best]; s = 0; for (o = 1; o <= no; o++) s += exp(v[o] - m); sum += m + log(s) - v[lab + 1] }
	  right += no == 1 ? ((v[1] > 0.5) == (lab > 0.5)) : (best - 1 == lab) }
	END { printf "loss=%.17g accuracy=%.17g\n", sum / n, right / n }' "$1" "$2"
}
rel() { # rel X Y: |X - Y| <= 1e-12 |Y| (libm's tanh and exp against awk's, a few ulps)
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; if (b < 0) b = -b; exit !(d <= 1e-12 * b) }'
}
awkfield() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$tmp/awk"; }
# predicted PRED.csv: the outputs (columns after "label", before "class") of each row
outputs() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "label") a = i + 1; if ($i ~ /^output/) b = i }; next }
	{ s = ""; for (i = a; i <= b; i++) s = s (i > a ? " " : "") $i; print s }' "$1"; }
# the largest |a - b| / max(|b|, 1e-300) over two files of numbers, field by field
maxrel() { paste -d'\n' "$1" "$2" | awk 'NR % 2 { n = split($0, a, " "); next }
	{ split($0, b, " "); for (i = 1; i <= n; i++) { d = a[i] - b[i]; d = d < 0 ? -d : d; m = b[i] < 0 ? -b[i] : b[i]; if (m < 1e-300) m = 1e-300; if (d / m > r) r = d / m } }
	END { printf "%.3g\n", r + 0 }'; }
# accuracy of PRED.csv: rows whose class column equals the label's class
predacc() { awk -F, -v k="$2" 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "label") l = i; if ($i == "class") c = i }; next }
	{ n++; t = k == 1 ? ($l > 0.5) : $l; r += ($c == t) } END { printf "%.6g\n", r / n }' "$1"; }
check "--eval of a saved 2,8,8,1 net: the summary's keys, the training's final loss, awk's loss and accuracy" eval \
	'run 0 $A --init $data/init_2881.txt --steps 150 --save "$tmp/s.txt" && cp "$tmp/out" "$tmp/train" &&
	 run 0 --data $data/spiral.csv --layers 2,8,8,1 --init "$tmp/s.txt" --eval && lines 1 out && empty err &&
	 has out "^examples=0 seconds=0\.000000 examples_per_sec=0 loss=[0-9.e-]+ accuracy=[0-9.]+$" &&
	 [ "$(field loss)" = "$(sed -n "s/.*loss=\([^ ]*\).*/\1/p" "$tmp/train")" ] &&
	 [ "$(field accuracy)" = "$(sed -n "s/.*accuracy=\([^ ]*\).*/\1/p" "$tmp/train")" ] &&
	 fwd "$tmp/s.txt" $data/spiral.csv 2,8,8,1 sigmoid mse >"$tmp/awk" &&
	 rel "$(field loss)" "$(awkfield loss)" && [ "$(field accuracy)" = "$(printf %.6g "$(awkfield accuracy)")" ]'
check "--predict after --eval: a header, one row per data row, awk's outputs, the classes give the accuracy" eval \
	'run 0 --data $data/spiral.csv --layers 2,8,8,1 --init "$tmp/s.txt" --eval --predict "$tmp/p.csv" &&
	 [ "$(head -n 1 "$tmp/p.csv")" = "x1,x2,label,output,class" ] &&
	 [ "$(($(wc -l <"$tmp/p.csv") - 1))" -eq "$(grep -c "^[-0-9]" $data/spiral.csv)" ] &&
	 outputs "$tmp/p.csv" >"$tmp/po" && awk "{ print \$1 }" "$tmp/fwd" >"$tmp/fo" &&
	 awk "BEGIN { exit !($(maxrel "$tmp/po" "$tmp/fo") < 1e-12) }" &&
	 [ "$(predacc "$tmp/p.csv" 1)" = "$(field accuracy)" ] &&
	 awk -F, "NR > 1 && \$5 != (\$4 > 0.5) { exit 1 }" "$tmp/p.csv" &&
	 awk -F, -v d=$data/spiral.csv "NR > 1 { getline l < d; while (l !~ /^[-0-9]/) getline l < d;
	   split(l, a, \",\"); if (a[1] != \$1 || a[2] != \$2 || a[3] != \$3) exit 1 }" "$tmp/p.csv"'
awk 'BEGIN { print "x1,x2,label"; for (i = 0; i < 60; i++) {
	c = i % 3; printf "%.3f,%.3f,%d\n", (c - 1) * 2 + sin(i * 1.7), (c == 1) * 2 + cos(i * 2.3), c } }' >"$tmp/three.csv"
check "three classes (ce): --eval and --predict agree with awk's softmax cross-entropy and argmax" eval \
	'run 0 --data "$tmp/three.csv" --layers 2,4,3 --loss ce --opt adam --lr 0.05 --steps 40 --save "$tmp/c.txt" &&
	 cp "$tmp/out" "$tmp/train" &&
	 run 0 --data "$tmp/three.csv" --layers 2,4,3 --loss ce --init "$tmp/c.txt" --eval --predict "$tmp/c.csv" &&
	 [ "$(field loss)" = "$(sed -n "s/.*loss=\([^ ]*\).*/\1/p" "$tmp/train")" ] &&
	 fwd "$tmp/c.txt" "$tmp/three.csv" 2,4,3 linear ce >"$tmp/awk" && rel "$(field loss)" "$(awkfield loss)" &&
	 [ "$(field accuracy)" = "$(printf %.6g "$(awkfield accuracy)")" ] &&
	 [ "$(head -n 1 "$tmp/c.csv")" = "x1,x2,label,output0,output1,output2,class" ] &&
	 [ "$(wc -l <"$tmp/c.csv")" -eq 61 ] && outputs "$tmp/c.csv" >"$tmp/po" &&
	 awk "BEGIN { exit !($(maxrel "$tmp/po" "$tmp/fwd") < 1e-12) }" &&
	 [ "$(predacc "$tmp/c.csv" 3)" = "$(field accuracy)" ]'
check "--predict after training predicts with the trained net (the same file as --eval of the saved net)" eval \
	'run 0 $A --init $data/init_2881.txt --steps 150 --predict "$tmp/t.csv" && cmp -s "$tmp/t.csv" "$tmp/p.csv"'
awk 'BEGIN { print "x,label"; for (i = 0; i < 20; i++) printf "%d,%.2f\n", i, i * 0.37 - 2 }' >"$tmp/fit.csv"
check "values to fit (labels not 0 or 1): no class column" eval \
	'run 0 --data "$tmp/fit.csv" --layers 1,3,1 --output linear --eval --predict "$tmp/f.csv" &&
	 [ "$(head -n 1 "$tmp/f.csv")" = "x1,label,output" ] && [ "$(wc -l <"$tmp/f.csv")" -eq 21 ]'
check "--eval with a missing net or one that does not fit the data: status 1, one line, no summary" eval \
	'run 1 --data $data/spiral.csv --init "$tmp/none.txt" --eval && lines 1 err && empty out &&
	 has err "cannot read .*none\.txt.: No such file or directory$" &&
	 run 1 --data "$tmp/three.csv" --layers 2,8,8,1 --init "$tmp/c.txt" --eval && lines 1 err && empty out &&
	 has err "^neuronauts lab: .*c\.txt. holds a 2-4-3 network, but --layers makes a 2-8-8-1 one$" &&
	 run 1 --data "$tmp/fit.csv" --layers 2,4,3 --init "$tmp/c.txt" --eval && empty out &&
	 has err "starts with 2 inputs, but .*fit\.csv. has 1 feature columns"'
check "--predict to a file that cannot be written, or onto an input: status 1 before training, no file" eval \
	'run 1 $A --init $data/init_2881.txt --steps 5 --predict "$tmp/no/dir/p.csv" && empty out && lines 1 err &&
	 has err "^neuronauts lab: cannot write .*no/dir/p\.csv.: No such file or directory$" &&
	 cp $data/spiral.csv "$tmp/copy.csv" && run 1 --data "$tmp/copy.csv" --eval --predict "$tmp/copy.csv" &&
	 has err "would overwrite an input file" && cmp -s "$tmp/copy.csv" $data/spiral.csv &&
	 run 1 --data $data/spiral.csv --lr 1e308 --epochs 5 --predict "$tmp/gone.csv" && [ ! -e "$tmp/gone.csv" ]'
check "--eval with --epochs, --steps or --log-every: status 2" eval \
	'run 2 --data $data/spiral.csv --eval --epochs 3 && has err "--eval does not train" &&
	 run 2 --data $data/spiral.csv --eval --steps 3 && run 2 --data $data/spiral.csv --eval --log-every 2'
check "--init of a saved net without --layers: the widths and activations its first line names (--hidden still wins)" eval \
	'run 0 --data $data/spiral.csv --layers 2,5,3,1 --hidden relu --steps 50 --save "$tmp/r.txt" &&
	 run 0 --data $data/spiral.csv --layers 2,5,3,1 --hidden relu --init "$tmp/r.txt" --eval &&
	 cp "$tmp/out" "$tmp/r1" && run 0 --data $data/spiral.csv --init "$tmp/r.txt" --eval &&
	 cmp -s "$tmp/out" "$tmp/r1" && run 0 --data $data/spiral.csv --init "$tmp/r.txt" --hidden tanh --eval &&
	 ! cmp -s "$tmp/out" "$tmp/r1"'
