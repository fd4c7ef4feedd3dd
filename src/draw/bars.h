/* bars.h: labelled bar charts (softmax probabilities, gradient sizes per layer), across
 * or upright, with signed values around a zero line. Must not include curses. */
#ifndef NN_DRAW_BARS_H
#define NN_DRAW_BARS_H

#include <math.h>
#include <stdbool.h>

#include "draw/grid.h"

typedef struct {
	const char *label; /* UTF-8, or NULL */
	double value;      /* NaN or infinite: no bar, the value printed as is */
	Colour colour;     /* COLOUR_NONE: COLOUR_CLASS1 at or above zero, CLASS0 below */
} BarItem;

typedef struct {
	bool vertical; /* upright columns, labels under them; else rows, labels at the left */
	double lo, hi; /* the scale; NAN: from the values, always including 0 */
	int digits;    /* significant digits of the printed values; 0: no values */
	int highlight; /* an item whose label and value are bold (the argmax), or -1 */
} BarOpts;

#define BAR_OPTS_DEFAULT                                                                           \
	{                                                                                          \
		false, NAN, NAN, 2, -1                                                             \
	}

/* Draws n bars in the w x h cells at (x, y) (o NULL: BAR_OPTS_DEFAULT). Across: one row
 * per item, "label ████▌ value", positive bars in eighths of a cell ('#' in ASCII),
 * negative ones in whole cells of '▒' ('-' in ASCII), so the sign is in the glyphs and
 * not only in the colour; a zero line '│' when the scale spans zero. Upright: one
 * column per item, values on the top row, labels on the bottom row, '─' for zero.
 * Items that do not fit are left out; labels and values are cut to their room.
 * Returns the number of items shown. */
int bars_draw(Grid *g, int x, int y, int w, int h, const BarItem *items, int n, const BarOpts *o,
	      Caps caps);

#endif
