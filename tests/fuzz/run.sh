#!/bin/sh
# run.sh: builds the lesson fuzzer with clang (libFuzzer, ASan, UBSan) and runs it on a
# copy of the corpus. Usage, from the build directory:
#   sh $srcdir/tests/fuzz/run.sh [SECONDS] [WORKDIR] [libFuzzer options or more corpus dirs]
# New inputs land in WORKDIR/corpus (other directories are only read); crashes land in
# WORKDIR as crash-*. Merge the useful inputs back into the committed corpus with:
#   tests/fuzz/fuzz-lesson -merge=1 $srcdir/tests/fuzz/corpus WORKDIR/corpus
secs=${1:-600}
work=${2:-fuzz-work}
shift 2 2>/dev/null
here=$(cd "$(dirname "$0")" && pwd)
make fuzz || exit 1
mkdir -p "$work/corpus" || exit 1
cp "$here"/corpus/* "$work/corpus/"
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
exec tests/fuzz/fuzz-lesson -max_total_time="$secs" -dict="$here/lesson.dict" \
	-artifact_prefix="$work/" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
	"$work/corpus" "$@"
