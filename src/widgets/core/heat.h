/* heat.h: what the views of matrices share (heatmap cells, a strip's hidden states):
 * the matrix shown (literal, or read), a scale over the values, five levels a side
 * whose glyphs tell the sign apart without colour, the ramp colour, the scale's
 * legend, a window's outline. Must not keep state or read keys. */
#ifndef NN_WIDGETS_HEAT_H
#define NN_WIDGETS_HEAT_H

#include <stdbool.h>
#include <stddef.h>

#include "draw/grid.h"
#include "widgets/core/widget.h"

#define HEAT_LEVELS 4 /* shades on each side of the lowest (or zero) level */

/* A matrix a view shows, rows x cols row-major in v. */
typedef struct {
	size_t rows, cols;
	const double *v;
	unsigned long version; /* of what it was read from; 0 for literal numbers */
} HeatMatrix;

/* The literal lit (rows x cols) when lit is not NULL, else the matrix in's reference
 * parameter key reads; false when there is none (yet) or it is empty. */
bool heat_matrix(const Instance *in, const char *key, const double *lit, size_t rows,
		 size_t cols, HeatMatrix *m);

typedef struct {
	double lo, hi;  /* the values' range (hi > lo) */
	bool diverging; /* lo < 0 < hi: levels count from zero, negatives in their own glyphs */
	double span;    /* diverging: the larger of -lo and hi */
} HeatScale;

/* A scale over the finite values among v[0..n) (NaN and infinities are left out), or
 * over [*lo, *hi] when both are given (not NULL, lo < hi). An empty or flat set of
 * values gets a range around its value, so every scale has hi > lo. */
void heat_scale(HeatScale *s, const double *v, size_t n, const double *lo, const double *hi);

/* v's level: 0 at the bottom of the scale (or near zero on a diverging one), 1 to
 * HEAT_LEVELS above it, -1 to -HEAT_LEVELS below zero on a diverging scale. Values
 * outside the scale take its end levels. NaN gives 0. */
int heat_level(const HeatScale *s, double v);

/* The glyph (one column) of a level: "·" then "░▒▓█" upward and "─═≡▬" downward;
 * in ASCII "." then ":+*#" and "-~=%". */
const char *heat_glyph(int level, Caps caps);

/* The ramp colour of v on the scale (COLOUR_NONE for NaN): blue below zero, orange
 * above it, the neutral middle at the bottom of a scale that does not span zero. */
Colour heat_colour(const HeatScale *s, double v);

/* Measures (g NULL) or draws the legend "lo ·░▒▓█ hi" (diverging: "lo ▬≡═─·░▒▓█ hi")
 * at (x, y) with numbers of `digits` decimals at most. Returns its width in columns. */
int heat_legend(Grid *g, int x, int y, const HeatScale *s, int digits, Caps caps);

/* A window's outline in the columns left (lx) and right (rx) of its cells, over rows
 * rows from y: ┌│└ and ┐│┘, "[" and "]" for one row; ASCII "+|+". */
void heat_outline(Grid *g, int lx, int rx, int y, int rows, Caps caps);

#endif
