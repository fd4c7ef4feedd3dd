#!/bin/sh
# cli.sh: the command line without a terminal: --help, --version, bad options (status 2
# and a hint on stderr), a missing course, translations.
prog=${NEURONAUTS:?}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nn-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=
unset NEURONAUTS_CONTENT
. "${srcdir:-.}/tests/tap.sh"
run() { # run STATUS ARGS...: runs the program, keeps stdout/stderr, checks the status
	want=$1; shift
	"$prog" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	[ $? -eq "$want" ]
}
has() { grep -qF -- "$2" "$tmp/$1"; }
empty() { [ ! -s "$tmp/$1" ]; }

echo "1..45"
check "--help exits 0 with usage on stdout" eval 'run 0 --help && has out "Usage: neuronauts [OPTION]..." && empty err'
check "--help lists every option" eval 'has out "--content-dir=DIR" && has out "--no-color" && has out "--ascii" && has out "--version"'
check "--version is GNU style" eval 'run 0 --version && head -n 1 "$tmp/out" | grep -qE "^neuronauts \(Neuronauts\) [0-9]+\.[0-9]+" && has out "License GPLv3+"'
check "unknown option: status 2, hint on stderr" eval 'run 2 --frobnicate && has err "unrecognized option '"'"'--frobnicate'"'"'" && has err "Try '"'"'neuronauts --help'"'"'" && empty out'
check "unknown short option: status 2" eval 'run 2 -z && has err "'"'"'-z'"'"'"'
check "missing argument: status 2" eval 'run 2 --content-dir && has err "requires an argument"'
check "argument to a flag: status 2" eval 'run 2 --help=now && has err "does not take an argument"'
check "operand: status 2" eval 'run 2 stray && has err "unexpected argument '"'"'stray'"'"'"'
check "missing course: status 1 and the directory named" eval 'run 1 --content-dir "$tmp/none" && has err "no course found in '"'"'$tmp/none'"'"'"'
check "NEURONAUTS_CONTENT is honoured" eval 'NEURONAUTS_CONTENT="$tmp/env" run 1 && has err "$tmp/env"'
check "the option beats the environment" eval 'NEURONAUTS_CONTENT="$tmp/env" run 1 --content-dir "$tmp/opt" && has err "$tmp/opt"'
check "build tree finds the source content (reaches the terminal check)" eval 'run 1 && has err "not a terminal"'
check "LANGUAGE=de gives German help" eval 'LANGUAGE=de run 0 --help && has out "Aufruf: neuronauts [OPTION]..."'
check "LANGUAGE=de gives German errors" eval 'LANGUAGE=de run 2 --frobnicate && has err "unbekannte Option"'
check "--reset-progress with no file says so" eval 'run 0 --reset-progress --progress "$tmp/p" && has out "nothing to reset"'
check "--reset-progress keeps a numbered backup" eval 'echo "neuronauts-progress 1" >"$tmp/p" && run 0 --reset-progress --progress "$tmp/p" && has out "$tmp/p.bak.1" && [ ! -e "$tmp/p" ] && [ -s "$tmp/p.bak.1" ]'
check "a second reset never replaces the first backup" eval 'echo "neuronauts-progress 1" >"$tmp/p" && run 0 --reset-progress -P "$tmp/p" && has out "$tmp/p.bak.2"'
check "NEURONAUTS_PROGRESS names the file" eval 'echo "neuronauts-progress 1" >"$tmp/q" && NEURONAUTS_PROGRESS="$tmp/q" run 0 --reset-progress && has out "$tmp/q.bak.1"'
course="${srcdir:-.}/tests/screens/course"
check "--list shows written lessons only, in order" eval 'run 0 -C "$course" --list && has out "T-one" && has out "T-three" && ! has out "T-planned" && [ "$(grep -n T-two "$tmp/out" | cut -d: -f1)" -lt "$(grep -n T-three "$tmp/out" | cut -d: -f1)" ]'
check "--plain --lesson prints that lesson only" eval 'run 0 -C "$course" --plain --lesson T-two && has out "Question 1. Which function squashes" && has out "a) sigmoid" && ! has out "Paragraph one"'
check "--plain --lesson UNIT prints the lesson that teaches the unit" eval 'run 0 -C "$course" --plain --lesson T.quiz && has out "Question 1. Which function squashes" && ! has out "Paragraph one"'
check "--lesson with neither a lesson's nor a unit's id: status 1, named" eval 'run 1 -C "$course" --plain --lesson T.nowhere && has err "no lesson or unit '"'"'T.nowhere'"'"'" && empty out'
check "--lesson with a planned lesson's unit: not found" eval 'run 1 -C "$course" --plain --lesson T.planned && has err "no lesson or unit"'
check "--plain: formulas in Unicode in a UTF-8 locale" eval 'run 0 -C "$course" --plain --lesson T-one && has out "y = σ(w·x + b)"'
check "--plain: pure ASCII in the C locale" eval 'LC_ALL=C run 0 -C "$course" --plain --lesson T-one && has out "y = sigma(w*x + b)" && ! LC_ALL=C grep -q "[^ -~]" "$tmp/out"'
check "--plain: widgets as their text alternatives, units titled" eval 'run 0 -C "$course" --plain --lesson T-one && has out "The first slider, called alpha." && has out "Reading to the end (3 min)"'
check "--plain without --lesson prints every lesson in order" eval 'run 0 -C "$course" --plain && has out "The first lesson" && has out "The third lesson" && [ "$(grep -n "The second lesson" "$tmp/out" | head -n1 | cut -d: -f1)" -lt "$(grep -n "The third lesson" "$tmp/out" | head -n1 | cut -d: -f1)" ]'
check "--plain re-flows to COLUMNS" eval 'COLUMNS=40 run 0 -C "$course" --plain --lesson T-one && [ "$(awk "{ if (length > m) m = length } END { print m }" "$tmp/out")" -le 40 ]'
check "--lesson with an unknown id: status 1 and a pointer to --list" eval 'run 1 -C "$course" --lesson T-nope && has err "no lesson or unit '"'"'T-nope'"'"'" && has err "--list"'
check "a broken course index is reported, not a crash" eval 'mkdir -p "$tmp/bad" && printf "@format 9\n@level\n" >"$tmp/bad/course.index" && run 0 -C "$tmp/bad" --list && has err "problem"'
check "--plain in the C locale spells symbols out in prose (sigma, x, ~)" eval 'mkdir -p "$tmp/sym" && printf "@format 1\n@course S\n@level 1 B | b\n@lesson S-a a.lesson\n@unit S.a read 1 | A\n" >"$tmp/sym/course.index" && printf "@lesson S-a\n@title Symbols\n@level 1\n@format 1\n@unit S.a\nWe get σ(0.7) ≈ 0.668 and 1 × 0.6 → z₁.\n" >"$tmp/sym/a.lesson" && LC_ALL=C run 0 -C "$tmp/sym" --plain && has out "We get sigma(0.7) ~ 0.668 and 1 x 0.6 -> z_1."'
check "--plain in the C locale keeps subscripted terms apart (w_i x_i, not w_ix_i)" eval 'mkdir -p "$tmp/sub" && printf "@format 1\n@course S\n@level 1 B | b\n@lesson S-a a.lesson\n@unit S.a read 1 | A\n" >"$tmp/sub/course.index" && printf "@lesson S-a\n@title Sums\n@level 1\n@format 1\n@unit S.a\nThe total is Σ wᵢxᵢ, and x₁² stays whole.\n" >"$tmp/sub/a.lesson" && LC_ALL=C run 0 -C "$tmp/sub" --plain && has out "The total is Sum w_i x_i, and x_1^2 stays whole."'
check "--plain ends a lesson with its answers and explanations" eval 'run 0 -C "$course" --plain --lesson T-two && has out "Answers" && has out "Question 1: a) sigmoid. The sigmoid" && [ "$(grep -n "^  Answers" "$tmp/out" | cut -d: -f1)" -gt "$(grep -n "Question 1\. Which" "$tmp/out" | cut -d: -f1)" ]'
# No home directory (an over-long $HOME is no home either): --list and --plain never
# touch progress and work; the course itself says what is missing.
long_home=/$(head -c 5000 /dev/zero | tr '\0' h)
check "--list works without a home directory" eval 'HOME=$long_home NEURONAUTS_PROGRESS= run 0 -C "$course" --list && has out "T-one" && empty err'
check "--plain works without a home directory" eval 'HOME=$long_home NEURONAUTS_PROGRESS= run 0 -C "$course" --plain --lesson T-one && has out "The first slider" && empty err'
check "the course without a home directory asks for --progress" eval 'HOME=$long_home NEURONAUTS_PROGRESS= run 1 -C "$course" && has err "no home directory for the progress file"'
# HOME unset for a user the password database does not know (root can play one).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && ! getent passwd 54321 >/dev/null; then
	check "--list works with HOME unset and no password entry" eval 'env -u HOME -u NEURONAUTS_PROGRESS setpriv --reuid=54321 --regid=54321 --clear-groups "$prog" -C "$course" --list >"$tmp/out" 2>"$tmp/err" </dev/null && has out "T-one" && empty err'
else
	n=$((n + 1)); echo "ok $n - --list with HOME unset and no password entry # SKIP needs root and setpriv"
fi
# --plain draws live widgets under their text: a small course of views.
mkdir -p "$tmp/views"
printf '@format 1\n@course V\n@level 1 B | b\n@lesson V-a a.lesson\n@unit V.a read 1 | A\n' >"$tmp/views/course.index"
cat >"$tmp/views/a.lesson" <<'LESSON'
@lesson V-a
@title Views
@level 1
@format 1
@unit V.a
@widget heatmap id=h rows=2 cols=3 values=1,-2,3,40,5,6 window=2
alt: A two by three matrix.
@end
@widget bars id=b values=0.25,-4 labels=σ,tau
alt: Two bars.
@end
@widget heatmap id=bad values=x
alt: A broken one.
@end
LESSON
check "--plain draws a widget under its text: a heat map reads as its numbers" eval 'run 0 -C "$tmp/views" --plain && grep -A3 "A two by three matrix" "$tmp/out" | grep -q "^  + 1 -2+ 3$" && grep -A3 "A two by three matrix" "$tmp/out" | grep -q "^  +40  5+ 6$" && has out "window 1/2: rows 1-2, columns 1-2"'
check "--plain draws the same text every time" eval 'run 0 -C "$tmp/views" --plain && cp "$tmp/out" "$tmp/first" && run 0 -C "$tmp/views" --plain && cmp -s "$tmp/out" "$tmp/first"'
check "--plain: a widget whose directive fails shows only its text" eval 'run 0 -C "$tmp/views" --plain && has out "A broken one." && ! has out "cannot be shown"'
check "--plain in the C locale draws widgets in pure ASCII" eval 'LC_ALL=C run 0 -C "$tmp/views" --plain && has out "    ?  " && has out "tau ---" && ! LC_ALL=C grep -q "[^ -~]" "$tmp/out"'
# A code block in --plain: nothing cut (a long line goes on after "↪ "), notes under.
code_whole() {
	mkdir -p "$tmp/code" &&
	printf "@format 1\n@course S\n@level 1 B | b\n@lesson S-c c.lesson\n@unit S.c read 1 | C\n" >"$tmp/code/course.index" &&
	printf "@lesson S-c\n@title Code\n@level 1\n@format 1\n@unit S.c\n@code c\nint total = 0; /* a line longer than the forty columns of this test */\n#> starts at zero\n@end\n" >"$tmp/code/c.lesson" &&
	COLUMNS=40 run 0 -C "$tmp/code" --plain && has out "Code (c):" && has out "    ↳ starts at zero" &&
	[ "$(sed -n '/^    [^↳]/{s/^    //;s/^↪ //;p;}' "$tmp/out" | tr -d '\n')" = "int total = 0; /* a line longer than the forty columns of this test */" ]
}
check "--plain prints a code block whole, its notes under their lines" code_whole
check "--plain shows every step of a @steps block, numbered, without its control" eval 'run 0 -C "${srcdir:-.}/tests/screens/steps" --plain && has out "1. Weigh each input." && has out "3. Squash: the sigmoid of 0.7." && ! has out "of 3"'
check "--plain of a lesson with a bad unit id shows the rest (it crashed)" eval 'mkdir -p "$tmp/uid" && printf "@format 1\n@course S\n@level 1 B | b\n@lesson S-a a.lesson\n@unit S.a read 1 | A\n" >"$tmp/uid/course.index" && printf "@lesson S-a\n@title T\n@level 1\n@format 1\n@unit S.a\nText.\n@unit 9bad\nMore text.\n" >"$tmp/uid/a.lesson" && run 0 -C "$tmp/uid" --plain && has out "More text." && has err "problem"'
check "--plain --lesson UNIT when the index has a bad unit id (it crashed)" eval 'mkdir -p "$tmp/iid" && printf "@format 1\n@course S\n@level 1 B | b\n@lesson S-a a.lesson\n@unit 9bad read 1 | A\n@unit S.b read 1 | B\n" >"$tmp/iid/course.index" && printf "@lesson S-a\n@title T\n@level 1\n@format 1\n@unit S.b\nSecond unit text.\n" >"$tmp/iid/a.lesson" && run 0 -C "$tmp/iid" --plain --lesson S.b && has out "Second unit text." && has err "problem"'
