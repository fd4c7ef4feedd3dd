#!/bin/sh
# run.sh: builds the fuzz targets with clang (libFuzzer, ASan, UBSan: make fuzz) and
# runs one on a copy of its committed corpus. Usage, from the build directory:
#   sh $srcdir/tests/fuzz/run.sh TARGET [SECONDS] [WORKDIR] [libFuzzer options or dirs]
# TARGET is lesson, progress, csv, weights or tape; SECONDS defaults to 600, WORKDIR to
# fuzz-work/TARGET. New inputs land in WORKDIR/corpus (other directories named are
# only read); a crash, timeout or out-of-memory input lands in WORKDIR as crash-*,
# timeout-*, oom-* (the exit status is then not 0). The last lines are libFuzzer's
# final statistics. Merge the useful new inputs back into the committed corpus with
#   tests/fuzz/fuzz-TARGET -merge=1 -use_counters=0 \
#           $srcdir/tests/fuzz/corpus-TARGET WORKDIR/corpus
# (new edges only, not new hit counts), or with pick.sh when that adds too many.
# Temporary files go to /dev/shm when there is one and TMPDIR is not set (the
# progress target fsyncs every save).
usage="usage: run.sh lesson|progress|csv|weights|tape [SECONDS] [WORKDIR] [options]"
target=${1:?$usage}
case $target in
lesson | progress | csv | weights | tape) ;;
*) echo "$usage" >&2; exit 2 ;;
esac
secs=${2:-600}
work=${3:-fuzz-work/$target}
if [ $# -ge 3 ]; then shift 3; else shift $#; fi
here=$(cd "$(dirname "$0")" && pwd)
make fuzz || exit 1
mkdir -p "$work/corpus" || exit 1
cp "$here/corpus-$target"/* "$work/corpus/" || exit 1
dict=
[ -f "$here/$target.dict" ] && dict=-dict=$here/$target.dict
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && TMPDIR=/dev/shm && export TMPDIR
# An allocation of more than 1 GiB fails (the code under test must cope); the process
# may use 2 GiB in all, and one input 10 seconds.
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:max_allocation_size_mb=1024 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
exec tests/fuzz/fuzz-"$target" -max_total_time="$secs" $dict -artifact_prefix="$work/" \
	-print_final_stats=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
	"$work/corpus" "$@"
