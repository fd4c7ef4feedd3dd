#!/bin/sh
# content-listed.sh: every file under content/ is listed in content/local.mk, so it is
# distributed and installed; and every screen scenario in tests/screens/local.mk, so
# it runs.
srcdir=${srcdir:-.}
echo "1..2"
cd "$srcdir" || exit 1
[ -d .git ] || [ -f .git ] || {
	echo "ok 1 - content listed # SKIP not a git checkout"
	echo "ok 2 - scenarios listed # SKIP not a git checkout"
	exit 0
}
missing=""
for f in $(find content -type f ! -name local.mk | sort); do
	grep -qF "$f" content/local.mk || missing="$missing $f"
done
if [ -z "$missing" ]; then
	echo "ok 1 - content/local.mk lists every content file"
else
	echo "not ok 1 - content/local.mk misses:$missing"
fi
missing=""
for f in $(find tests/screens -name '*.scn' | sort); do
	grep -qF "$f" tests/screens/local.mk || missing="$missing $f"
done
if [ -z "$missing" ]; then
	echo "ok 2 - tests/screens/local.mk lists every scenario"
else
	echo "not ok 2 - tests/screens/local.mk misses:$missing"
fi
