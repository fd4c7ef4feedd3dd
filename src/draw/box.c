/* box.c: box borders, titles and rules in Unicode line drawing or ASCII.
 * Must not include curses; widths come from base/utf8. */
#include <config.h>

#include <string.h>

#include "base/utf8.h"
#include "draw/box.h"

enum { H, V, TL, TR, BL, BR, LT, RT, NGLYPHS };

static const uint32_t glyphs[][NGLYPHS] = {
    [BOX_LIGHT] = {0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524},
    [BOX_HEAVY] = {0x2501, 0x2503, 0x250F, 0x2513, 0x2517, 0x251B, 0x2523, 0x252B},
    [BOX_ROUNDED] = {0x2500, 0x2502, 0x256D, 0x256E, 0x2570, 0x256F, 0x251C, 0x2524},
    [BOX_DOUBLE] = {0x2550, 0x2551, 0x2554, 0x2557, 0x255A, 0x255D, 0x2560, 0x2563},
};
static const uint32_t ascii[NGLYPHS] = {'-', '|', '+', '+', '+', '+', '+', '+'};
static const uint32_t ascii_focus[NGLYPHS] = {'=', '|', '+', '+', '+', '+', '+', '+'};

static const uint32_t *glyphs_for(BoxLine line, bool focus, Caps caps)
{
	if (!caps.unicode)
		return focus ? ascii_focus : ascii;
	if (focus)
		return glyphs[BOX_HEAVY];
	return glyphs[line <= BOX_DOUBLE ? line : BOX_LIGHT];
}

/* Writes " title " from column x, at most w columns, cutting it with an ellipsis. */
static void title_at(Grid *g, int x, int y, int w, const char *title, Style st, Caps caps)
{
	size_t n = strlen(title);
	int tw = utf8_width(title, n);
	const char *ell = caps.unicode ? "…" : "..";
	int ew = caps.unicode ? 1 : 2;

	if (tw > w - 2 && w - 2 - ew < 2)
		return; /* not even two characters and the ellipsis */
	grid_put(g, x, y, ' ', st);
	if (tw <= w - 2) {
		grid_text(g, x + 1, y, title, n, tw, st);
		grid_put(g, x + 1 + tw, y, ' ', st);
		return;
	}
	tw = grid_text(g, x + 1, y, title, n, w - 2 - ew, st);
	grid_text(g, x + 1 + tw, y, ell, strlen(ell), ew, st);
	grid_put(g, x + 1 + tw + ew, y, ' ', st);
}

void box_draw(Grid *g, int x, int y, int w, int h, BoxLine line, const char *title, bool focus,
	      Caps caps)
{
	const uint32_t *k = glyphs_for(line, focus, caps);
	Style st = focus ? STYLE_ACCENT : STYLE_DIM;
	int i;

	if (w < 2 || h < 2)
		return;
	for (i = 1; i < w - 1; i++) {
		grid_put(g, x + i, y, k[H], st);
		grid_put(g, x + i, y + h - 1, k[H], st);
	}
	for (i = 1; i < h - 1; i++) {
		grid_put(g, x, y + i, k[V], st);
		grid_put(g, x + w - 1, y + i, k[V], st);
	}
	grid_put(g, x, y, k[TL], st);
	grid_put(g, x + w - 1, y, k[TR], st);
	grid_put(g, x, y + h - 1, k[BL], st);
	grid_put(g, x + w - 1, y + h - 1, k[BR], st);
	if (title && *title && w >= 7)
		title_at(g, x + 2, y, w - 4, title, focus ? STYLE_FOCUS : STYLE_BOLD, caps);
}

void box_rule(Grid *g, int x, int y, int w, BoxLine line, bool focus, Caps caps)
{
	const uint32_t *k = glyphs_for(line, focus, caps);
	Style st = focus ? STYLE_ACCENT : STYLE_DIM;
	int i;

	if (w < 2)
		return;
	for (i = 1; i < w - 1; i++)
		grid_put(g, x + i, y, k[H], st);
	grid_put(g, x, y, k[LT], st);
	grid_put(g, x + w - 1, y, k[RT], st);
}
