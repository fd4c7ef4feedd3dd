#!/bin/sh
# ssh.sh: the course over real SSH. OpenSSH's sshd, started here on 127.0.0.1 with a
# throwaway host key, user key and config (all in a temporary folder), serves this
# tree's program to "ssh -tt" in a private tmux at 80x24; the learner opens a lesson
# and moves into it, the connection is dropped (the ssh client killed: the server side
# gets a hangup), and after reconnecting the map's "continue" shows the same lesson at
# the same place. Without sshd, ssh or tmux it is skipped and says why. TAP, with each
# step and the screens seen in the log. SSHD_PROG names another sshd (sshd must be run
# by an absolute path).
set -u
prog=${NEURONAUTS:?NEURONAUTS must name the program}
tmux_bin=${TMUX_PROG:-tmux}
srcdir=${srcdir:-.}
timeout=${SCREEN_TIMEOUT:-10}

skip() {
	echo "1..0 # SKIP $*"
	exit 0
}
# sshd: $SSHD_PROG when set, else on PATH or in an sbin folder (not on a user's PATH).
sshd=${SSHD_PROG-$(command -v sshd 2>/dev/null)}
if [ -z "${SSHD_PROG+set}" ]; then
	for d in /usr/sbin /usr/local/sbin /sbin; do
		[ -n "$sshd" ] || { [ -x "$d/sshd" ] && sshd=$d/sshd; }
	done
fi
[ -n "$sshd" ] && [ -x "$sshd" ] ||
	skip "no sshd${sshd:+ at $sshd}: OpenSSH's server is not installed (Debian: openssh-server;" \
		"tools/install-deps installs it)"
case $sshd in /*) ;; *) sshd=$(cd "$(dirname "$sshd")" && pwd)/$(basename "$sshd") ;; esac
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 ||
	skip "no ssh or ssh-keygen: OpenSSH's client is not installed (Debian: openssh-client)"
command -v "$tmux_bin" >/dev/null 2>&1 || skip "tmux is not installed"

# Absolute paths: the server side runs them from its own folder.
prog=$(cd "$(dirname "$prog")" && pwd)/$(basename "$prog")
course=$(cd "$srcdir/tests/screens/course" && pwd)
golden=$(cd "$srcdir/tests/screens/golden" && pwd)
unset TMUX TMUX_PANE
export LC_ALL=C.UTF-8 LANGUAGE= LANG=C.UTF-8
dir=$(mktemp -d "${TMPDIR:-/tmp}/nn-ssh.XXXXXX")
sock=$dir/tmux1
sshd_pid=""

say() { echo "# $*"; }
screen() { "$tmux_bin" -S "$sock" capture-pane -p -t t 2>/dev/null; }
show() { # show TITLE: the screen into the log
	say "screen $1:"
	screen | sed 's/^/#   |/'
}
pid_of() { [ -s "$dir/$1.pid" ] && cat "$dir/$1.pid"; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# Every exit path: the client, the program on the server, sshd (only the processes
# this test started, by their pids), the tmux server of our own socket, the folder.
cleanup() {
	for p in "$(pid_of client)" "$(pid_of app)" "$sshd_pid"; do
		alive "$p" && kill "$p" 2>/dev/null
	done
	for s in "$dir"/tmux?; do
		[ -S "$s" ] && "$tmux_bin" -S "$s" kill-server 2>/dev/null
	done
	alive "$sshd_pid" && sleep 0.2 && alive "$sshd_pid" && kill -9 "$sshd_pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

echo "1..4"
n=0
ok() {
	n=$((n + 1))
	echo "ok $n - $*"
}
fail() { # fail DESCRIPTION REASON: this step and every later one fail; the log says why
	n=$((n + 1))
	echo "not ok $n - $1: $2"
	[ -S "$sock" ] && show "at the failure"
	if [ -s "$dir/sshd.log" ]; then
		say "sshd's log:"
		sed 's/^/#   sshd: /' "$dir/sshd.log"
	fi
	while [ $n -lt 4 ]; do
		n=$((n + 1))
		echo "not ok $n - not reached"
	done
	exit 0
}
poll() { # poll SECONDS COMMAND...: true when the command succeeds within SECONDS
	end=$(($(date +%s) + $1))
	shift
	while ! "$@"; do
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.05
	done
}
on_screen() { screen | grep -qF -- "$1"; }
is_golden() { screen | cmp -s - "$golden/$1.txt"; }
no_reports() { # no sanitizer report was written by the program on the server side
	for f in "$dir"/san.*; do
		[ -e "$f" ] || continue
		say "a sanitizer report, $f:"
		sed 's/^/#   /' "$f"
		return 1
	done
}
gone() { # gone PID: not running (a zombie its parent has yet to reap is gone too)
	! alive "$1" || [ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" = Z ]
}

# 1. The server: keys, config, sshd on a free port.
step1="sshd of this test listens on 127.0.0.1 with a throwaway host key"
say "step 1: $step1"
ssh-keygen -q -t ed25519 -N '' -C nn-ssh-host -f "$dir/host_key" &&
	ssh-keygen -q -t ed25519 -N '' -C nn-ssh-user -f "$dir/user_key" ||
	fail "$step1" "ssh-keygen failed"
cp "$dir/user_key.pub" "$dir/authorized_keys"
user=$(id -un)
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	# sshd running as root needs its privilege separation folder (made at boot by the
	# package's tmpfiles.d; a container has none): empty, root's, left for the system.
	mkdir -m 0755 /run/sshd || fail "$step1" "cannot make /run/sshd"
	say "made /run/sshd, sshd's privilege separation folder (empty, as the package makes it)"
fi
port=""
for try in 1 2 3 4 5 6 7 8; do
	p=$(awk -v s="$$" -v t="$try" 'BEGIN { srand(); print 20000 + (int(rand() * 40000) + s * 7 + t * 7919) % 40000 }')
	cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $p
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $user
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
LogLevel VERBOSE
EOF
	: >"$dir/sshd.log"
	"$sshd" -D -f "$dir/sshd_config" -E "$dir/sshd.log" &
	sshd_pid=$!
	if poll "$timeout" eval 'grep -q "Server listening on 127.0.0.1 port $p" "$dir/sshd.log" ||
		! alive "$sshd_pid"' && alive "$sshd_pid"; then
		port=$p
		break
	fi
	say "sshd did not start on port $p:"
	sed 's/^/#   sshd: /' "$dir/sshd.log"
	alive "$sshd_pid" && kill "$sshd_pid"
	wait "$sshd_pid" 2>/dev/null
	sshd_pid=""
	grep -q "Address already in use" "$dir/sshd.log" || break
done
[ -n "$port" ] || fail "$step1" "sshd did not start (its log is above)"
echo "[127.0.0.1]:$port $(cat "$dir/host_key.pub")" >"$dir/known_hosts"
say "sshd $("$sshd" -V 2>&1 | head -n 1) (pid $sshd_pid) listens on 127.0.0.1:$port as $user"
ok "$step1 (port $port)"

# The client, run in tmux: ssh -tt with only this test's key and known host, the
# program on the other side in a clean environment; it records its pid (the shell's,
# which exec makes the program's) and the client its own. A sanitizer build's reports
# go to files (san.PID): there is no terminal left to print them on after a hangup.
cat >"$dir/client.sh" <<EOF
echo \$\$ >'$dir/client.pid'
exec ssh -tt -F /dev/null -p $port -i '$dir/user_key' -o IdentitiesOnly=yes \\
	-o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile='$dir/known_hosts' \\
	-o LogLevel=ERROR -l '$user' 127.0.0.1 \\
	'echo \$\$ >$dir/app.pid && exec env HOME=$dir NEURONAUTS_PROGRESS=$dir/progress LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= ASAN_OPTIONS=detect_leaks=1:log_path=$dir/san UBSAN_OPTIONS=print_stacktrace=1:log_path=$dir/san $prog -C $course'
EOF
cat >"$dir/tmux.conf" <<'EOF'
set -g status off
set -g default-terminal screen-256color
set -g escape-time 0
set -g remain-on-exit on
EOF
connect() { # connect N: a new tmux server (socket tmuxN: one that is shutting down
	# may not be reused at once) at 80x24 running the client
	rm -f "$dir/client.pid" "$dir/app.pid"
	sock=$dir/tmux$1
	"$tmux_bin" -S "$sock" -f "$dir/tmux.conf" new-session -d -s t -x 80 -y 24 \
		"sh '$dir/client.sh'" || return 1
	poll "$timeout" pid_of client >/dev/null
}
keys() { "$tmux_bin" -S "$sock" send-keys -t t "$@"; }

# 2. A lesson over SSH at 80x24: the title, the map, the first lesson, a page down
# and the first control focused: the screen the local scenario resume.scn shows; then
# the control moved two steps.
step2="over ssh -tt at 80x24 the learner opens a lesson and moves into it"
say "step 2: $step2"
say "the client, run in tmux at 80x24:"
sed 's/^/#   /' "$dir/client.sh"
connect 1 || fail "$step2" "tmux or the client did not start"
poll $((timeout * 3)) on_screen "Press Enter" || fail "$step2" "the title did not appear over ssh"
say "the title screen is there"
size=$("$tmux_bin" -S "$sock" display-message -p -t t '#{pane_width}x#{pane_height}')
[ "$size" = 80x24 ] || fail "$step2" "the terminal is $size, not 80x24"
keys Enter
poll "$timeout" on_screen "The first lesson" || fail "$step2" "the map did not appear"
keys Enter
poll "$timeout" on_screen "Paragraph one" || fail "$step2" "the lesson did not open"
keys Space Tab
poll "$timeout" on_screen "▶" || fail "$step2" "no control got the focus"
poll "$timeout" is_golden resume-before ||
	fail "$step2" "the screen is not golden/resume-before.txt:$(screen | diff "$golden/resume-before.txt" - | sed 's/^/\n#   /')"
say "the screen is golden/resume-before.txt, as the local scenario resume.scn shows it"
keys Right Right
poll "$timeout" on_screen "0.70" || fail "$step2" "the slider did not move to 0.70"
settled() { # the screen is the same twice in a row: kept in before.txt
	screen >"$dir/now.txt"
	cmp -s "$dir/now.txt" "$dir/before.txt" && return 0
	mv "$dir/now.txt" "$dir/before.txt"
	sleep 0.2
	return 1
}
poll "$timeout" settled || fail "$step2" "the screen did not settle"
show "in the lesson, the slider moved to 0.70, before the connection drops"
app=$(pid_of app)
alive "$app" || fail "$step2" "no program recorded its pid on the server side"
say "the program runs on the server side as pid $app, $(tr '\0' ' ' </proc/"$app"/cmdline 2>/dev/null)"
say "its terminal, from the client through sshd: $(tr '\0' '\n' </proc/"$app"/environ 2>/dev/null |
	grep '^TERM='), $(stty -F "/proc/$app/fd/0" size 2>/dev/null | tr ' ' x) (rows x columns)"
ok "$step2"

# 3. The connection drops: the client is killed outright (SIGKILL: no goodbye to the
# server). sshd sees the connection close and hangs up the terminal; the program,
# hung up, saves where the learner is and exits.
step3="a dropped connection hangs up the program, which saves the learner's place"
say "step 3: $step3"
client=$(pid_of client)
[ "$(cat /proc/"$client"/comm 2>/dev/null)" = ssh ] || fail "$step3" "pid $client is not the ssh client"
[ ! -e "$dir/progress" ] || cp "$dir/progress" "$dir/progress.before"
say "killing the ssh client, pid $client, with SIGKILL"
kill -KILL "$client"
poll "$timeout" gone "$client" || fail "$step3" "the ssh client did not die"
poll $((timeout * 3)) gone "$app" || fail "$step3" "the program (pid $app) still runs after the hangup"
say "the program on the server side has exited"
no_reports || fail "$step3" "the program's sanitizer report is above"
grep -E "Connection (closed|reset)|Disconnected|session closed|Close session" "$dir/sshd.log" |
	sed 's/^/#   sshd: /'
[ -s "$dir/progress" ] || fail "$step3" "no progress file was saved"
say "the progress file it left:"
sed 's/^/#   |/' "$dir/progress"
if [ -e "$dir/progress.before" ]; then
	say "what the hangup's save changed in it:"
	diff "$dir/progress.before" "$dir/progress" | sed -n 's/^[<>]/#   &/p'
else
	say "(there was no progress file before the hangup)"
fi
grep -qx 'last.lesson T-one' "$dir/progress" || fail "$step3" "the progress does not name the lesson"
grep -qx 'lesson.T-one.focus alpha' "$dir/progress" ||
	fail "$step3" "the progress does not keep the focused control"
grep -qx 'widget.T-one.alpha.value 0.7' "$dir/progress" ||
	fail "$step3" "the progress does not keep the slider's value"
ok "$step3"

# 4. Reconnect: the map offers to continue, and c shows the same screen as before.
step4="after reconnecting, continue shows the same lesson at the same place"
say "step 4: $step4"
"$tmux_bin" -S "$sock" kill-server
connect 2 || fail "$step4" "tmux or the client did not start"
poll $((timeout * 3)) on_screen "Press Enter" || fail "$step4" "the title did not appear over ssh"
keys Enter
poll "$timeout" on_screen "Continue: The first lesson" || fail "$step4" "the map offers no continue"
show "the map after reconnecting"
keys c
poll "$timeout" eval 'screen | cmp -s - "$dir/before.txt"' ||
	fail "$step4" "not back at the same place:$(screen | diff "$dir/before.txt" - | sed 's/^/\n#   /')"
show "after reconnecting and c: the same as before the drop"
keys Escape
poll "$timeout" on_screen "Esc back" || fail "$step4" "Esc did not leave the control"
keys q q
poll "$timeout" gone "$(pid_of app)" || fail "$step4" "the program did not quit"
no_reports || fail "$step4" "the program's sanitizer report is above"
ok "$step4"
