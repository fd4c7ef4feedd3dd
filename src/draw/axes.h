/* axes.h: "nice" ticks (steps of 1, 2 or 5 times a power of ten), compact number labels,
 * and x and y axes drawn beside a canvas. Must not include curses. */
#ifndef NN_DRAW_AXES_H
#define NN_DRAW_AXES_H

#include <stdbool.h>
#include <stddef.h>

#include "draw/grid.h"

#define AXES_MAX_TICKS 12
#define AXES_LABEL_MAX 12 /* bytes of a label with its NUL; labels are ASCII */

typedef struct {
	double lo, hi; /* the range shown: the data's, or widened to the outer ticks */
	bool log;      /* log10 scale */
	int n;         /* ticks */
	double step;   /* between ticks: a value, or (log with decade ticks) decades */
	double v[AXES_MAX_TICKS];
	char label[AXES_MAX_TICKS][AXES_LABEL_MAX];
	int at[AXES_MAX_TICKS]; /* cell offset of each tick along the axis (see axes_fit) */
	int width;              /* columns of the widest label */
} Axis;

/* What axes_ticks may widen to the nearest tick outside the range (auto ranges). */
enum { AXES_EXTEND_LO = 1, AXES_EXTEND_HI = 2, AXES_EXTEND = 3 };

/* Chooses at most max_ticks (clamped to 2 .. AXES_MAX_TICKS) round ticks inside [lo, hi]
 * and formats their labels; `at` is left zero. `extend` (AXES_EXTEND_* flags) first
 * widens lo and/or hi to the nearest ticks outside them, for auto-ranged plots. A
 * log axis puts ticks on powers of ten (every 2nd, 5th... decade when crowded) and
 * falls back to linear ticks inside a single decade. Ranges are repaired as by
 * canvas_view (min == max, NaN, log ranges with lo <= 0), so a always gets a range. */
void axes_ticks(Axis *a, double lo, double hi, bool log, int max_ticks, unsigned extend);

/* The ticks for an axis of `cells` cells of `sub` pixels each, as many as fit: a
 * vertical axis labels at most every other row, a horizontal one keeps a blank column
 * between labels (labels are clamped inside the axis). Fills `at` with each tick's cell:
 * counted from the left, or from the top row for a vertical axis (hi at the top). */
void axes_fit(Axis *a, double lo, double hi, bool log, unsigned extend, bool vertical, int cells,
	      int sub);

/* Formats a tick label for v on an axis with this step: no more decimals than the step
 * needs, no trailing zeros, never "-0", exponents as "1e5" or "2.5e-4" outside
 * [0.001, 1e5). step 0 formats like %.3g. Returns the length (truncated to size - 1). */
int axes_format(char *out, size_t size, double v, double step);

/* Formats v compactly with `digits` significant digits (like %.*g): never "-0",
 * exponents as "1.2e3", and always outside [0.001, 1e5). Returns the length. */
int axes_number(char *out, size_t size, double v, int digits);

/* Draws a y axis for a canvas whose rows are y .. y + h - 1: labels right-aligned in
 * the a->width columns from x, the axis line in column x + a->width, with a tick at
 * each label. */
void axes_draw_y(Grid *g, int x, int y, int h, const Axis *a, Caps caps);

/* Draws an x axis under a canvas whose columns are x .. x + w - 1: the line on row y
 * (with the corner in column x - 1), the labels on row y + 1 centred on their ticks. */
void axes_draw_x(Grid *g, int x, int y, int w, const Axis *a, Caps caps);

/* The column where tick i's label starts on an x axis of w columns at x (clamped). */
int axes_label_x(const Axis *a, int i, int x, int w);

#endif
