#!/bin/sh
# report.sh: --report over progress files the test writes (one learner well on, one
# just started, one damaged), against the small test course: the text report, the
# table, the CSV parsed back and checked against figures computed here from the files
# and the course's own text, the damaged file named, skipped and left as it was.
prog=${NEURONAUTS:?}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=
unset NEURONAUTS_CONTENT NEURONAUTS_PROGRESS
course="${srcdir:-.}/tests/screens/course"
. "${srcdir:-.}/tests/tap.sh"
run() { # run STATUS ARGS...: runs the program on the test course, checks the status
	want=$1; shift
	"$prog" -C "$course" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	[ $? -eq "$want" ]
}
has() { grep -qF -- "$2" "$tmp/$1"; }
empty() { [ ! -s "$tmp/$1" ]; }

# The class: anna is well on, "Doe, Jane" (a name CSV must quote) has just started,
# carl's file is damaged (bytes that are not UTF-8 after a good start).
anna="$tmp/class/anna/.neuronauts"
jane="$tmp/class/Doe, Jane/.neuronauts"
carl="$tmp/class/carl/.neuronauts"
mkdir -p "$tmp/class/anna" "$tmp/class/Doe, Jane" "$tmp/class/carl"
cat >"$anna" <<'EOF'
neuronauts-progress 1
last.lesson T-two
lesson.T-one.unit T.try
lesson.T-games.unit T.wave
unit.T.read.done 1
unit.T.try.done 1
unit.T.quiz.done 1
quiz.T-two.q1.score 1
quiz.T-two.q1.right 1
quiz.T-two.q2.score 0
quiz.T-two.q2.right 1
quiz.T-two.q3.score 1
widget.T-games.g.won 1
widget.T-games.g.best 4
widget.T-brain.brain.best 0.8125
time.T-one 300
time.T-two 125
time.T-games 3599
EOF
cat >"$jane" <<'EOF'
neuronauts-progress 1
last.lesson T-one
lesson.T-one.unit T.read
unit.T.read.done 1
time.T-one 61
EOF
printf 'neuronauts-progress 1\nunit.T.read.done 1\n\377\376 torn\n' >"$carl"

# What the course holds, counted from its own text: units and lessons of the index,
# quizzes and games (the kinds with a goal, a trainer given one) of its lesson files.
units_total=$(grep -c '^@unit ' "$course/course.index")
lessons_total=$(grep -c '^@lesson ' "$course/course.index")
files=$(awk '/^@lesson [^ ]+ [^|]/ { print $3 }' "$course/course.index")
quiz_total=$(cd "$course" && cat $files | grep -c '^@quiz ')
games_total=$(cd "$course" && cat $files |
	grep -cE '^@widget (game|conv|relay|cuts|dropout) |^@widget trainer .*goal_accuracy=')

# expect FILE: the CSV row's figures (percent_done ... last_lesson) computed from the
# file with grep and awk.
expect() {
	done_units=$(grep -c '^unit\..*\.done ' "$1")
	done_lessons=$(awk 'NR == FNR { if ($1 ~ /^unit\./ && $1 ~ /\.done$/) {
			sub(/^unit\./, "", $1); sub(/\.done$/, "", $1); d[$1] = 1 }; next }
		/^@lesson / { l = $2; all[l] = 0; got[l] = 0 }
		/^@unit / { all[l]++; got[l] += ($2 in d) }
		END { k = 0; for (l in all) k += all[l] > 0 && got[l] == all[l]; print k }' \
		"$1" "$course/course.index")
	first=$(grep -c '^quiz\..*\.score 1$' "$1")
	answered=$(grep -c '^quiz\..*\.score ' "$1")
	won=$(grep -c '^widget\..*\.won ' "$1")
	secs=$(awk '$1 ~ /^time\./ { s += $2 } END { print s + 0 }' "$1")
	last=$(awk '$1 == "last.lesson" { print $2 }' "$1")
	echo "$((100 * done_units / units_total)),$done_units,$units_total,$done_lessons,$lessons_total,$first,$answered,$quiz_total,$won,$games_total,$secs,$last"
}

# csv_fields: parses RFC 4180 CSV on stdin (CRLF line ends, quoted fields with doubled
# quotes) into one line per record, fields separated by a tab.
csv_fields() {
	awk 'BEGIN { RS = "\r\n" } {
		out = ""; s = $0
		while (1) {
			if (substr(s, 1, 1) == "\"") {
				f = ""; s = substr(s, 2)
				while (1) {
					i = index(s, "\"")
					if (substr(s, i + 1, 1) == "\"") { f = f substr(s, 1, i); s = substr(s, i + 2) }
					else { f = f substr(s, 1, i - 1); s = substr(s, i + 1); break }
				}
			} else {
				i = index(s, ","); if (i == 0) i = length(s) + 1
				f = substr(s, 1, i - 1); s = substr(s, i)
			}
			out = out (out == "" ? "" : "\t") f
			if (s == "") break
			s = substr(s, 2)
		}
		print out }'
}

# state FILE: the file's bytes, mode and modification time (to the nanosecond), and
# what its directory holds (a backup, a lock or a temporary file would show).
state() { cksum <"$1"; stat -c '%a %y' "$1"; ls -A "$(dirname "$1")"; }
state "$carl" >"$tmp/carl.before"
state "$anna" >"$tmp/anna.before"
state "$jane" >"$tmp/jane.before"

echo "1..25"
check "--report over three files (one damaged): status 1, a row per readable file" eval 'run 1 --report "$anna" "$jane" "$carl" && [ "$(grep -c . "$tmp/out")" -eq 3 ]'
cp "$tmp/out" "$tmp/table"
cp "$tmp/err" "$tmp/table.err"
check "the damaged file is named on stderr with the reason" eval 'grep -qF "$carl: skipped: damaged or not a progress file" "$tmp/table.err" && [ "$(grep -c . "$tmp/table.err")" -eq 1 ]'
check "the damaged file is left as it was: bytes, mode, mtime, no backup or lock" eval 'state "$carl" | cmp -s - "$tmp/carl.before"'
check "the files read are left as they were" eval 'state "$anna" | cmp -s - "$tmp/anna.before" && state "$jane" | cmp -s - "$tmp/jane.before"'
check "the table names learners by their directory (files called .neuronauts)" eval 'grep -q "^  anna " "$tmp/table" && grep -q "^  Doe, Jane " "$tmp/table" && ! grep -q carl "$tmp/table"'
# anna: 3 of the units done, the quizzes she answered right first 2 of 3 (66%), one of
# the games won, 4024 s = 1:07; Jane: 1 unit, no quiz, 61 s = 0:01.
check "the table's row for anna: % done, lessons, first-try %, games, time, last" eval 'grep "^  anna " "$tmp/table" | awk -v u="$units_total" -v l="$lessons_total" -v g="$games_total" "{ exit !(\$2 == int(300 / u) \"%\" && \$3 == \"2/\" l && \$4 == \"66%\" && \$5 == \"1/\" g && \$6 == \"1:07\" && \$7 == \"T-two\") }"'
check "the table's row for Jane" eval 'grep "^  Doe, Jane " "$tmp/table" | awk -v u="$units_total" "{ exit !(\$3 == int(100 / u) \"%\" && \$5 == \"-\" && \$7 == \"0:01\" && \$8 == \"T-one\") }"'
check "the table fits 80 columns" eval '[ "$(wc -L <"$tmp/table")" -le 80 ]'

check "--report --csv: status 1, the damaged file named, header and two records" eval 'run 1 --report --csv "$anna" "$carl" "$jane" && has err "$carl: skipped" && [ "$(csv_fields <"$tmp/out" | wc -l)" -eq 3 ]'
csv_fields <"$tmp/out" >"$tmp/csv"
check "CSV lines end in CRLF" eval '[ "$(grep -c "$(printf "\r")\$" "$tmp/out")" -eq 3 ]'
check "CSV header: fixed keys" eval '[ "$(head -n 1 "$tmp/csv")" = "learner	file	percent_done	units_done	units_total	lessons_done	lessons_total	quiz_first_try	quiz_answered	quiz_total	games_won	games_total	time_seconds	last_lesson" ]'
check "CSV quotes the name with a comma" eval 'grep -qF "\"Doe, Jane\"," "$tmp/out"'
check "CSV record for anna matches her file" eval '[ "$(awk -F "\t" "\$1 == \"anna\"" "$tmp/csv" | cut -f 2- | tr "\t" ,)" = "$anna,$(expect "$anna")" ]'
check "CSV record for Jane matches her file" eval '[ "$(awk -F "\t" "\$1 == \"Doe, Jane\"" "$tmp/csv" | cut -f 2- | tr "\t" ,)" = "$jane,$(expect "$jane")" ]'
check "the files are still as they were after the CSV" eval 'state "$carl" | cmp -s - "$tmp/carl.before" && state "$anna" | cmp -s - "$tmp/anna.before"'

check "--report over readable files only: status 0, nothing on stderr" eval 'run 0 --report "$anna" "$jane" && empty err'
printf 'neuronauts-progress 2\nunit.T.read.done 1\n' >"$tmp/class/newer"
mkdir "$tmp/class/adir"
check "a file of another version, a directory and a missing file: each named, skipped" eval 'run 1 --report "$tmp/class/newer" "$tmp/class/adir" "$tmp/class/none" "$anna" && has err "newer: skipped: a progress file of another version" && has err "adir: skipped: not a regular file" && has err "none: skipped: there is no such file" && [ "$(grep -c . "$tmp/out")" -eq 2 ] && [ ! -e "$tmp/class/none" ] && [ "$(ls "$tmp/class" | grep -c bak)" -eq 0 ]'

# The learner's own report: per level and lesson, then the totals.
check "--report -P FILE: the learner's own report as text, status 0" eval 'run 0 --report -P "$anna" && has out "Test Course: the progress of anna" && empty err'
cp "$tmp/out" "$tmp/own"
check "per lesson: state, units, first-try quiz score, games, time" eval 'grep -q "^  The first lesson  *done  *2/2  *-  *-  *0:05\$" "$tmp/own" && grep -q "^  The second lesson  *done  *1/1  *2/$(grep -c "^@quiz " "$course/two.lesson")  *-  *0:02\$" "$tmp/own" && grep -q "^  The games lesson  *started  *0/2  *-  *1/1  *0:59\$" "$tmp/own" && grep -q "^  Not written yet  *planned  *0/1  *-  *-  *-\$" "$tmp/own" && grep -q "^  The third lesson  *new  *0/1 " "$tmp/own"'
check "each game played: won or not, and its best result" eval 'grep -q "^      g: won, best game 4 checks\$" "$tmp/own" && grep -q "^      brain: not won yet, best accuracy 81%\$" "$tmp/own"'
check "the total line" eval 'grep -qF "Total: $((300 / units_total))% done (3 of $units_total units), 2 of $lessons_total lessons done, time 1:07." "$tmp/own" && grep -qF "Quiz: 2 of $quiz_total questions right on the first try (3 answered)." "$tmp/own"'
check "the own report fits 80 columns" eval '[ "$(wc -L <"$tmp/own")" -le 80 ]'
check "--report on a damaged own file: status 1, named, not moved aside" eval 'run 1 --report -P "$carl" && has err "$carl: damaged or not a progress file" && state "$carl" | cmp -s - "$tmp/carl.before"'
check "--csv alone: the own file as one CSV record" eval 'NEURONAUTS_PROGRESS="$jane" run 0 --csv && [ "$(csv_fields <"$tmp/out" | sed -n 2p | cut -f 2- | tr "\t" ,)" = "$jane,$(expect "$jane")" ]'
check "German: the report in German" eval 'LANGUAGE=de run 0 --report -P "$anna" && has out "Lektion" && LANGUAGE=de run 1 --report "$carl" && has err "übersprungen"'
