/* wrap.h: breaking UTF-8 text into lines of at most a given display width.
 * Must not include curses; widths come from base/utf8, not from the locale. */
#ifndef NN_DRAW_WRAP_H
#define NN_DRAW_WRAP_H

#include <stddef.h>

typedef struct {
	size_t start, len; /* bytes of the source text, without the break's spaces */
	int width;         /* display columns */
} WrapLine;

/* Splits the first n bytes of s into lines no wider than width columns, breaking at
 * spaces (runs of spaces collapse at a break) and at '\n'; a word wider than the line
 * is cut. Stores up to max lines in out and returns how many lines the text needs
 * (which may exceed max). width < 1 is taken as 1. */
int wrap_text(const char *s, size_t n, int width, WrapLine *out, int max);

#endif
