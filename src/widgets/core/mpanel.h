/* mpanel.h: a small matrix of numbers drawn as a panel, what the convolution game and
 * the pooling view share: cells right-aligned in one width with a gap before each,
 * the cells not reached yet as dots, one window outlined. Must not keep state or read
 * keys. */
#ifndef NN_WIDGETS_MPANEL_H
#define NN_WIDGETS_MPANEL_H

#include "draw/grid.h"

typedef struct {
	const double *v;    /* rows x cols, row-major */
	int rows, cols;
	int shown;          /* the cells shown, in reading order; the rest are dots */
	int digits;         /* at most this many decimals */
	int wr, wc, r0, c0; /* the window outlined: wr x wc cells from (r0, c0); wr 0: none */
	int cw;             /* columns of a cell: set by mpanel_fit */
} MPanel;

/* Sets p->cw to the widest number of p (at least 1) and returns the panel's width:
 * cols (cw + 1) + 1 columns. */
int mpanel_fit(MPanel *p);

/* The column of cell c's first character when the panel starts at x. */
int mpanel_cell_x(const MPanel *p, int x, int c);

/* Draws p (fitted) with its top left at (x, y): rows lines; the window's cells bold. */
void mpanel_draw(const MPanel *p, Grid *g, int x, int y, Caps caps);

#endif
