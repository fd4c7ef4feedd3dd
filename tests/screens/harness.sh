#!/bin/bash
# harness.sh: runs one screen scenario (a .scn file) against the real program in a
# private tmux server at 80x24 with LC_ALL=C.UTF-8, and reports it as TAP.
# Scenario lines (one command each; '#' starts a comment):
#   start [--stdin FILE] [--pipe] [--env K=V]... [-- ARGS...]  start the program
#   restart          start it again as last time (the progress file stays)
#   wait TEXT        until TEXT is on screen (fails after $SCREEN_TIMEOUT seconds)
#   gone TEXT        until TEXT is no longer on screen
#   keys KEY...      tmux send-keys (tmux key names: q, Enter, Escape, C-c, Up)
#   type TEXT        send TEXT literally (it may start with -)
#   resize W H       resize the window
#   snap NAME        compare the screen with golden/NAME.txt (UPDATE=1 rewrites it)
#   expect TEXT      TEXT is on screen (polled, as wait);  reject TEXT: it is not
#   colours yes|no   whether anything on screen is drawn in colour
#   signal SIG       send SIG to the program
#   exited N         wait until the program exited with status N
#   sane             after the exit: the terminal echoes typed text, canonical mode on,
#                    main screen, mouse reporting off, cursor visible
#   modes A M C      now: alternate screen A, mouse reporting M, cursor visible C (0/1)
#   shell CMD...     run the rest of the line, as written, as a shell command in the
#                    test's directory (fails if it fails)
#   play NAME [K]    the steps of scenario NAME.scn of this folder, from its start to
#                    its first "keys q" (with K, between its K-th "keys q" and the wait
#                    after it, and the next "keys q"), without its snaps, shells and
#                    exits: a lesson played as its own scenario plays it. Line numbers
#                    in messages count the scenario with these steps written out.
# Environment: NEURONAUTS (the program), srcdir, UPDATE, SCREEN_TIMEOUT (default 10).
# The progress file is $dir/progress (the test's folder): "shell" commands run there.
set -u
scn=$1
name=$(basename "$scn" .scn)
golden_dir=$(dirname "$scn")/golden
timeout=${SCREEN_TIMEOUT:-10}
prog=${NEURONAUTS:?NEURONAUTS must name the program}
tmux_bin=${TMUX_PROG:-tmux}

echo "1..1"
if ! command -v "$tmux_bin" >/dev/null 2>&1; then
	echo "ok 1 - $name # SKIP tmux is not installed"
	exit 0
fi
unset TMUX TMUX_PANE
dir=$(mktemp -d "${TMPDIR:-/tmp}/nn-screen.XXXXXX")
# The test course of the shell's scenarios (use "$COURSE" in a scenario).
COURSE=$(cd "${srcdir:-.}/tests/screens/course" && pwd)
# This folder, for the progress files scenarios start from ("$SCREENS/l1-done.progress").
SCREENS=$(cd "${srcdir:-.}/tests/screens" && pwd)
sock=$dir/sock
export HOME=$dir LC_ALL=C.UTF-8 LANGUAGE= LANG=C.UTF-8 NEURONAUTS_PROGRESS=$dir/progress
unset NO_COLOR
cat >"$dir/tmux.conf" <<'CONF'
set -g status off
set -g default-terminal screen-256color
set -g escape-time 0
CONF

cleanup() {
	local pid i
	pid=$(prog_pid 2>/dev/null)
	"$tmux_bin" -S "$sock" kill-server 2>/dev/null
	# A program still running saves its progress on the hangup: let it finish first.
	for i in $(seq 100); do
		[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	rm -rf "$dir"
}
trap cleanup EXIT

fail() {
	echo "not ok 1 - $name: line $lineno: $*"
	if [ -S "$sock" ]; then
		echo "# screen at failure:"
		screen | sed 's/^/#   |/'
	fi
	exit 0
}

screen() { "$tmux_bin" -S "$sock" capture-pane -p -t t 2>/dev/null; }
on_screen() { screen | grep -qF -- "$1"; }

poll() { # poll CONDITION-COMMAND...: true when it holds within the timeout
	local end=$((SECONDS + timeout))
	while ! "$@"; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.02
	done
}

prog_pid() { # the program's pid: the child of the pane's shell
	local shell_pid
	shell_pid=$("$tmux_bin" -S "$sock" display-message -p -t t '#{pane_pid}')
	pgrep -P "$shell_pid" -x "$(basename "$prog")" | head -n 1
}

last_start=()
do_start() {
	local stdin="" pipe="" envs=() args=()
	last_start=("$@")
	"$tmux_bin" -S "$sock" kill-server 2>/dev/null
	sleep 0.05
	while [ $# -gt 0 ]; do
		case $1 in
		--stdin) stdin=$2; shift 2 ;;
		--pipe) pipe=" | cat"; shift ;;
		--env) envs+=("$2"); shift 2 ;;
		--) shift; args=("$@"); break ;;
		*) fail "bad start argument '$1'" ;;
		esac
	done
	local cmd q
	printf -v q '%q ' "${envs[@]+"${envs[@]}"}" env "$prog" "${args[@]+"${args[@]}"}"
	# The shell survives the program's SIGINT (Ctrl-C) to report its status.
	cmd="trap : INT; cd $(printf %q "$dir") && $q${stdin:+ <$stdin}$pipe; echo __EXIT=\$?;"
	cmd+=" stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' ';"
	cmd+=" echo __STTY; IFS= read -r line; echo \"__READ=\$line\"; sleep 60"
	"$tmux_bin" -S "$sock" -f "$dir/tmux.conf" new-session -d -s t -x 80 -y 24 "$cmd" ||
		fail "tmux did not start"
}

# The scenario with each "play" line replaced by the steps it names.
awk -v here="$(dirname "$scn")" '
/^[[:space:]]*play[[:space:]]/ {
	split($0, a, /[[:space:]]+/)
	f = here "/" a[2] ".scn"; seg = a[3] == "" ? 0 : a[3] + 0
	nl = 0; nq = 0; started = 0; delete body; delete q
	while ((getline l < f) > 0) {
		if (l ~ /^(start|restart)/) { if (started) break; started = 1; continue }
		if (!started || l ~ /^(snap|exited|shell)/) continue
		body[++nl] = l
		if (l == "keys q") q[++nq] = nl
	}
	close(f)
	if (!started) { print "fail_play " a[2]; next }
	from = seg ? q[seg] + 2 : 1; to = seg < nq ? q[seg + 1] - 1 : nl
	for (i = from; i <= to; i++) print body[i]
	next
}
{ print }' "$scn" >"$dir/scenario" || fail "cannot read $scn"

lineno=0
while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	line=${line%%#*}
	# "shell" takes the rest of the line as it is written (quotes, redirections).
	if [[ $line =~ ^[[:space:]]*shell[[:space:]]+(.*)$ ]]; then
		(cd "$dir" && eval "${BASH_REMATCH[1]}") || fail "'${BASH_REMATCH[1]}' failed"
		continue
	fi
	eval "set -- $line"
	[ $# -eq 0 ] && continue
	cmd=$1
	shift
	case $cmd in
	start) do_start "$@" ;;
	restart) do_start "${last_start[@]+"${last_start[@]}"}" ;;
	wait) poll on_screen "$*" || fail "'$*' did not appear" ;;
	gone) poll eval '! on_screen "$*"' || fail "'$*' did not go away" ;;
	keys) "$tmux_bin" -S "$sock" send-keys -t t "$@" ;;
	type) "$tmux_bin" -S "$sock" send-keys -t t -l -- "$*" ;;
	resize) "$tmux_bin" -S "$sock" resize-window -t t -x "$1" -y "$2" ||
		fail "resize failed" ;;
	# Like wait and gone: a screen read halfway through a redraw must not fail a test.
	expect) poll on_screen "$*" || fail "'$*' is not on screen" ;;
	reject) poll eval '! on_screen "$*"' || fail "'$*' is on screen" ;;
	signal)
		pid=$(prog_pid)
		[ -n "$pid" ] || fail "the program is not running"
		kill -s "$1" "$pid" ;;
	exited)
		poll on_screen "__EXIT=" || fail "the program did not exit"
		got=$(screen | sed -n 's/.*__EXIT=\([0-9]*\).*/\1/p' | head -n 1)
		[ "$got" = "$1" ] || fail "exit status $got, expected $1" ;;
	sane)
		poll on_screen "__STTY" || fail "the program did not exit"
		flags=$(screen | grep -- "__STTY" | head -n 1)
		case " $flags " in
		*" -echo "* | *" -icanon "*) fail "terminal left in a bad mode: $flags" ;;
		esac
		modes=$("$tmux_bin" -S "$sock" display-message -p -t t \
			'#{alternate_on} #{mouse_any_flag} #{cursor_flag}')
		[ "$modes" = "0 0 1" ] ||
			fail "alternate screen, mouse reporting, cursor: '$modes', expected '0 0 1'" 
		"$tmux_bin" -S "$sock" send-keys -t t -l "echo-check"
		"$tmux_bin" -S "$sock" send-keys -t t Enter
		poll on_screen "__READ=echo-check" || fail "typed text was not read back"
		[ "$(screen | grep -c -- "echo-check")" -ge 2 ] ||
			fail "typed text was not echoed" ;;
	snap)
		golden=$golden_dir/$1.txt
		if [ "${UPDATE:-}" = 1 ]; then
			# Wait until the screen has stopped changing, then keep it.
			prev=""
			while :; do
				sleep 0.3
				cur=$(screen)
				[ "$cur" = "$prev" ] && break
				prev=$cur
			done
			screen >"$golden"
		elif [ ! -f "$golden" ]; then
			fail "golden screen $golden is missing (review, then run with UPDATE=1)"
		else
			# The screen settles before it is compared.
			poll eval 'screen | cmp -s - "$golden"' ||
				fail "screen differs from $golden:$(screen | diff "$golden" - | sed 's/^/\n#   /')"
		fi ;;
	modes)
		modes=$("$tmux_bin" -S "$sock" display-message -p -t t \
			'#{alternate_on} #{mouse_any_flag} #{cursor_flag}')
		[ "$modes" = "$*" ] || fail "modes '$modes', expected '$*'" ;;
	colours)
		# capture-pane -e keeps the SGR codes: 3x/9x/38;5 foregrounds mean colour.
		if "$tmux_bin" -S "$sock" capture-pane -p -e -t t |
			grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|9[0-7]|38;5;[0-9]+)(;[0-9;]*)?m'; then
			[ "$1" = yes ] || fail "colours on screen, expected none"
		else
			[ "$1" = no ] || fail "no colours on screen"
		fi ;;
	fail_play) fail "play: no scenario $1 with a start" ;;
	*) fail "unknown command '$cmd'" ;;
	esac
done <"$dir/scenario"
echo "ok 1 - $name"
