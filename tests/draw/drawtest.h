/* drawtest.h: what the rasterizer suites share: the text of a grid, maps of its data
 * colours, and a check that nothing was drawn outside a rectangle. Check and libc. */
#ifndef NN_TESTS_DRAW_DRAWTEST_H
#define NN_TESTS_DRAW_DRAWTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/grid.h"
#include "testlib.h"

static const Caps CAPS_UTF8 = {true, 256};
static const Caps CAPS_MONO = {true, 0};
static const Caps CAPS_ASCII = {false, 0};

/* A letter per cell for a data colour: '.' none, '0'-'5' classes, 'm' muted, 'a'-'k'
 * the ramp from -1 to 1. */
static inline char drawtest_colour_char(int c)
{
	if (c == COLOUR_NONE)
		return '.';
	if (c >= COLOUR_CLASS0 && c <= COLOUR_CLASS5)
		return (char)('0' + c - COLOUR_CLASS0);
	if (c == COLOUR_MUTED)
		return 'm';
	if (c >= COLOUR_RAMP && c < COLOUR_COUNT)
		return (char)('a' + c - COLOUR_RAMP);
	return '?';
}

/* Appends to text (of room `size`) a section: a title line, then the grid's foreground
 * (bg false) or background colours as letters, trailing dots trimmed. */
static inline void drawtest_colours(char *out, size_t size, const Grid *g, bool bg,
				    const char *title)
{
	size_t len = strlen(out);
	int x, y;

	len += (size_t)snprintf(out + len, size - len, "%s\n", title);
	for (y = 0; y < g->h && len + (size_t)g->w + 2 < size; y++) {
		size_t keep = len;
		for (x = 0; x < g->w; x++) {
			const Cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
			char ch = drawtest_colour_char(bg ? c->bg : c->fg);
			out[len++] = ch;
			if (ch != '.')
				keep = len;
		}
		len = keep;
		out[len++] = '\n';
	}
	out[len] = '\0';
}

/* The grid as text, then optionally its colour maps, compared with a golden file. */
static inline void drawtest_golden(const char *rel, const Grid *g, bool colours)
{
	char *t = grid_to_text(g);
	size_t size;
	char *all;

	ck_assert_ptr_nonnull(t);
	size = strlen(t) + 2 * ((size_t)g->w + 2) * ((size_t)g->h + 1) + 64;
	all = malloc(size);
	ck_assert_ptr_nonnull(all);
	snprintf(all, size, "%s", t);
	if (colours) {
		drawtest_colours(all, size, g, false, "-- fg");
		drawtest_colours(all, size, g, true, "-- bg");
	}
	test_golden(rel, all);
	free(all);
	free(t);
}

/* Asserts that every cell of g outside the rectangle is a plain blank. */
static inline void drawtest_outside_blank(const Grid *g, int x, int y, int w, int h)
{
	int cx, cy;

	for (cy = 0; cy < g->h; cy++)
		for (cx = 0; cx < g->w; cx++) {
			const Cell *c = &g->cells[(size_t)cy * (size_t)g->w + (size_t)cx];
			if (cx >= x && cx < x + w && cy >= y && cy < y + h)
				continue;
			ck_assert_msg(c->ch == ' ' && c->style == STYLE_NORMAL &&
					  c->fg == COLOUR_NONE && c->bg == COLOUR_NONE,
				      "cell (%d, %d) outside the rectangle was drawn on", cx, cy);
		}
}

#endif
