/* grid.c: the cell grid and its plain-text rendering (for tests, --plain and dumps).
 * Must not include curses or know about the terminal. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/grid.h"

int grid_init(Grid *g, int w, int h)
{
	g->w = g->h = 0;
	g->cells = NULL;
	return grid_resize(g, w, h);
}

int grid_resize(Grid *g, int w, int h)
{
	Cell *cells = NULL;

	if (w < 0 || h < 0)
		w = h = 0;
	if (w > 0 && h > 0) {
		cells = malloc((size_t)w * (size_t)h * sizeof *cells);
		if (!cells)
			return -1;
	}
	free(g->cells);
	g->cells = cells;
	g->w = cells ? w : 0;
	g->h = cells ? h : 0;
	grid_clear(g, STYLE_NORMAL);
	return 0;
}

void grid_free(Grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->w = g->h = 0;
}

void grid_clear(Grid *g, Style s)
{
	size_t i, n = (size_t)g->w * (size_t)g->h;

	for (i = 0; i < n; i++) {
		g->cells[i].ch = ' ';
		g->cells[i].style = (uint8_t)s;
		g->cells[i].fg = g->cells[i].bg = COLOUR_NONE;
	}
}

Cell *grid_at(Grid *g, int x, int y)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return NULL;
	return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

/* Blanks the half of a wide character that a write at (x, y) would split. */
static void unsplit(Grid *g, int x, int y)
{
	Cell *c = grid_at(g, x, y), *n;

	if (!c)
		return;
	if (c->ch == GRID_WIDE_CONT && (n = grid_at(g, x - 1, y)))
		n->ch = ' ';
	else if ((n = grid_at(g, x + 1, y)) && n->ch == GRID_WIDE_CONT)
		n->ch = ' ';
}

Colour colour_ramp(double v)
{
	int i;

	if (!(v >= -1))
		v = v > 1 ? 1 : (v != v ? 0 : -1); /* NaN: the neutral middle */
	if (v > 1)
		v = 1;
	i = (int)((v + 1) / 2 * (COLOUR_RAMP_STEPS - 1) + 0.5);
	return (Colour)(COLOUR_RAMP + i);
}

int grid_put(Grid *g, int x, int y, uint32_t ch, Style s)
{
	return grid_put_colour(g, x, y, ch, s, COLOUR_NONE, COLOUR_NONE);
}

int grid_put_colour(Grid *g, int x, int y, uint32_t ch, Style s, Colour fg, Colour bg)
{
	int w = utf8_cp_width(ch);
	Cell *c;

	if (w == 0 || !(c = grid_at(g, x, y)))
		return w == 0 ? 0 : w;
	if (w == 2 && x + 1 >= g->w) {
		/* No room for the second half: show a blank rather than half a glyph. */
		unsplit(g, x, y);
		c->ch = ' ';
		c->style = (uint8_t)s;
		c->fg = (uint8_t)fg;
		c->bg = (uint8_t)bg;
		return 1;
	}
	unsplit(g, x, y);
	c->ch = ch;
	c->style = (uint8_t)s;
	c->fg = (uint8_t)fg;
	c->bg = (uint8_t)bg;
	if (w == 2) {
		unsplit(g, x + 1, y);
		c[1] = c[0];
		c[1].ch = GRID_WIDE_CONT;
	}
	return w;
}

int grid_text(Grid *g, int x, int y, const char *s, size_t n, int max_w, Style st)
{
	int used = 0;
	size_t i = 0;

	while (i < n && used < max_w) {
		uint32_t cp;
		int w;

		i += utf8_decode(&cp, s + i, n - i);
		w = utf8_cp_width(cp);
		if (w == 0)
			continue;
		if (used + w > max_w)
			break;
		grid_put(g, x + used, y, cp, st);
		used += w;
	}
	return used;
}

int grid_str(Grid *g, int x, int y, const char *s, Style st)
{
	return grid_text(g, x, y, s, strlen(s), g->w - x, st);
}

int grid_str_centred(Grid *g, int y, const char *s, Style st)
{
	size_t n = strlen(s);
	int w = utf8_width(s, n);
	int x = w < g->w ? (g->w - w) / 2 : 0;

	grid_text(g, x, y, s, n, g->w - x, st);
	return x;
}

char *grid_to_text(const Grid *g)
{
	size_t cap = (size_t)g->h * ((size_t)g->w * 4 + 1) + 1, len = 0;
	char *out = malloc(cap);
	int x, y;

	if (!out)
		return NULL;
	for (y = 0; y < g->h; y++) {
		size_t keep = len;
		for (x = 0; x < g->w; x++) {
			uint32_t ch = g->cells[(size_t)y * (size_t)g->w + (size_t)x].ch;
			if (ch == GRID_WIDE_CONT)
				continue;
			len += utf8_encode(out + len, ch);
			if (ch != ' ')
				keep = len;
		}
		len = keep;
		out[len++] = '\n';
	}
	out[len] = '\0';
	return out;
}
