#!/bin/sh
# layers.sh: every source file includes only what its layer may (DESIGN.md, "Layers").
# Layers, lowest first: base nn lesson draw ui widgets app. A file may include its own
# layer's headers and those of the layers listed for it below; system headers are
# checked against the forbidden list.
srcdir=${srcdir:-.}
cd "$srcdir/src" || exit 1

allowed() { # the project headers' folders a layer may include
	case $1 in
	base) echo "base" ;;
	nn) echo "nn" ;;
	lesson) echo "base nn lesson" ;;
	draw) echo "base nn lesson draw" ;;
	ui) echo "base draw ui" ;;
	widgets) echo "base nn lesson draw ui widgets" ;;
	app) echo "base nn lesson draw ui widgets app" ;;
	esac
}
forbidden_system() { # system headers a layer must not include
	case $1 in
	ui | app) echo "" ;;
	*) echo "curses.h ncurses.h ncursesw/curses.h termkey.h" ;;
	esac
}

n=0
fails=0
out=""
for layer in base nn lesson draw ui widgets app; do
	for f in $(find "$layer" -name "*.[ch]" | sort); do
		n=$((n + 1))
		bad=""
		for inc in $(sed -n 's/^#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
			case $inc in
			*/*) dir=${inc%%/*} ;;
			*) dir=top ;;
			esac
			[ "$dir" = top ] && [ "$inc" = nls.h ] && continue
			[ "$layer" = nn ] && [ "$inc" = nls.h ] && bad="$bad $inc" && continue
			case " $(allowed "$layer") " in
			*" $dir "*) ;;
			*) bad="$bad $inc" ;;
			esac
		done
		for inc in $(sed -n 's/^#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f"); do
			case " $(forbidden_system "$layer") " in
			*" $inc "*) bad="$bad <$inc>" ;;
			esac
		done
		if [ "$layer" != ui ] && [ "$layer" != app ] && grep -q '\bexit *(' "$f"; then
			bad="$bad exit()"
		fi
		if [ -n "$bad" ]; then
			out="${out}not ok $n - src/$f must not use:$bad
"
			fails=$((fails + 1))
		else
			out="${out}ok $n - src/$f
"
		fi
	done
done
echo "1..$n"
printf '%s' "$out"
