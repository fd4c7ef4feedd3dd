/* legend.c: laying out and drawing a plot's key. Must not include curses; widths come
 * from base/utf8. */
#include <config.h>

#include <string.h>

#include "base/utf8.h"
#include "draw/legend.h"

#define LEGEND_GAP 2

const char *legend_swatch(uint8_t pattern, Caps caps)
{
	if (pattern == 0 || pattern == 0xFF)
		return caps.unicode ? "───" : "---";
	/* No two neighbouring pixels set: dotted; otherwise dashed. */
	if ((pattern & (pattern >> 1)) == 0)
		return caps.unicode ? "┈┈┈" : "...";
	return caps.unicode ? "╌╌╌" : "- -";
}

/* Draws the swatch in its colour; returns its columns. */
static int swatch(Grid *g, int x, int y, const LegendItem *it, Caps caps)
{
	const char *s = legend_swatch(it->pattern, caps);
	size_t i = 0, n = strlen(s);
	int col = 0;

	if (it->mark)
		return grid_put_colour(g, x, y, it->mark, STYLE_BOLD, it->colour, COLOUR_NONE);
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(&cp, s + i, n - i);
		col += grid_put_colour(g, x + col, y, cp, STYLE_NORMAL, it->colour, COLOUR_NONE);
	}
	return col;
}

static int item_width(const LegendItem *it, int w)
{
	int n = 1 + 1 + utf8_width(it->name, strlen(it->name)); /* swatch, blank, name */

	if (!it->mark)
		n += 2; /* a line swatch is three columns */
	return n > w ? w : n;
}

/* Walks the items as they would be placed; draws them when g is not NULL. */
static int flow(Grid *g, int x, int y, int w, int max_rows, const LegendItem *items, int n,
		Caps caps)
{
	int i, col = 0, row = 0, used = 0;

	if (w < 3)
		return 0;
	for (i = 0; i < n; i++) {
		const LegendItem *it = &items[i];
		int iw;

		if (!it->name || !*it->name)
			continue;
		iw = item_width(it, w);
		if (col > 0 && col + LEGEND_GAP + iw > w) {
			row++;
			col = 0;
		} else if (col > 0) {
			col += LEGEND_GAP;
		}
		if (row >= max_rows)
			break;
		used = row + 1;
		if (g) {
			int sw = swatch(g, x + col, y + row, it, caps);
			grid_text(g, x + col + sw + 1, y + row, it->name, strlen(it->name),
				  iw - sw - 1, STYLE_NORMAL);
		}
		col += iw;
	}
	return used;
}

int legend_rows(const LegendItem *items, int n, int w, Caps caps)
{
	return flow(NULL, 0, 0, w, 1 << 20, items, n, caps);
}

int legend_draw(Grid *g, int x, int y, int w, int max_rows, const LegendItem *items, int n,
		Caps caps)
{
	return flow(g, x, y, w, max_rows, items, n, caps);
}
