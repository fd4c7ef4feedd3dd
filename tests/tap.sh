# tap.sh: sourced by the shell tests. check DESCRIPTION COMMAND... runs the command
# quietly and prints a TAP line from its status, numbering the checks as it goes.
n=0
check() {
	desc=$1; shift
	n=$((n + 1))
	if "$@" >/dev/null 2>&1; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}
