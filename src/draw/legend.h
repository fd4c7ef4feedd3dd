/* legend.h: a plot's key: a swatch (a coloured line or point glyph) and a name per
 * series, flowing across the width and wrapping. Must not include curses. */
#ifndef NN_DRAW_LEGEND_H
#define NN_DRAW_LEGEND_H

#include <stdint.h>

#include "draw/grid.h"

typedef struct {
	const char *name; /* UTF-8; NULL or "" leaves the item out */
	Colour colour;
	uint32_t mark;   /* the series' point glyph, or 0 for a line */
	uint8_t pattern; /* a line's dash pattern as given to canvas_pen (0 means solid) */
} LegendItem;

/* The rows the n items need in w columns: items flow left to right, two blanks apart,
 * and wrap; a name wider than the line is cut. */
int legend_rows(const LegendItem *items, int n, int w, Caps caps);

/* Draws the items at (x, y) in w columns and at most max_rows rows (what does not fit
 * is left out). Returns the rows used. */
int legend_draw(Grid *g, int x, int y, int w, int max_rows, const LegendItem *items, int n,
		Caps caps);

/* The three-column swatch of a line with this dash pattern: "───", "╌╌╌", "┈┈┈", or
 * in ASCII "---", "- -", "...". */
const char *legend_swatch(uint8_t pattern, Caps caps);

#endif
