#!/bin/sh
# content-listed.sh: every file under content/ is listed in content/local.mk, so it is
# distributed and installed.
srcdir=${srcdir:-.}
echo "1..1"
cd "$srcdir" || exit 1
[ -d .git ] || [ -f .git ] || { echo "ok 1 - content listed # SKIP not a git checkout"; exit 0; }
missing=""
for f in $(find content -type f ! -name local.mk | sort); do
	grep -qF "$f" content/local.mk || missing="$missing $f"
done
if [ -z "$missing" ]; then
	echo "ok 1 - content/local.mk lists every content file"
else
	echo "not ok 1 - content/local.mk misses:$missing"
fi
