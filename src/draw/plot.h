/* plot.h: charts on a canvas with axes, titles and a legend: line charts (live series,
 * log y), scatter plots by class, fields (heat maps, decision boundaries) with contour
 * lines, and histograms. Must not include curses; one Plot keeps its canvas between
 * frames so drawing does not allocate. */
#ifndef NN_DRAW_PLOT_H
#define NN_DRAW_PLOT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw/axes.h"
#include "draw/canvas.h"
#include "draw/legend.h"

#define PLOT_MAX_LEGEND  8
#define PLOT_MAX_CLASSES 6 /* distinct markers; classes beyond reuse them */
#define PLOT_MAX_BINS    256

typedef struct {
	double x0, x1, y0, y1; /* fixed ranges; NAN: fitted to the data, widened to ticks */
	bool logy;             /* log10 y (losses); y <= 0 is not drawn */
	bool axes;             /* tick labels and axis lines; false: the canvas fills all */
	const char *xtitle;    /* UTF-8, already translated, or NULL: under the x labels */
	const char *ytitle;    /* above the y axis */
} PlotOpts;

/* Auto ranges, linear, with axes, no titles. */
#define PLOT_OPTS_DEFAULT                                                                          \
	{                                                                                          \
		NAN, NAN, NAN, NAN, false, true, NULL, NULL                                        \
	}

typedef struct {
	const char *name; /* for the legend (NULL: not listed) */
	const double *x;  /* NULL: 0, 1, 2, ... */
	const double *y;
	size_t n;
	Colour colour; /* COLOUR_NONE: the series' class colour (plot_colour) */
} PlotSeries;

typedef struct {
	Canvas cv; /* the drawing area: layers go here between plot_layout and plot_draw */
	Caps caps;
	PlotOpts o;
	int x, y, w, h; /* the whole rectangle */
	Axis ax, ay;
	int top;                          /* rows above the canvas: y title and legend */
	bool xtitle_row;                  /* the x title has a row of its own */
	double dx0, dx1, dy0, dy1, dypos; /* the data's extent (dypos: least y > 0) */
	LegendItem legend[PLOT_MAX_LEGEND];
	int nlegend;
} Plot;

/* An empty plot owning no memory. */
void plot_init(Plot *p);

/* Releases the canvas. */
void plot_free(Plot *p);

/* Starts a frame: forgets the data extent and the legend. */
void plot_begin(Plot *p);

/* Widens the data extent by n points (x NULL: 0 .. n-1); NaN and infinite values are
 * ignored, so are their points. Call before plot_layout for auto ranges. */
void plot_fit(Plot *p, const double *x, const double *y, size_t n);

/* Adds a legend entry (up to PLOT_MAX_LEGEND; the name is not copied and must live until
 * plot_draw). mark: a point glyph, or 0 for a line with dash `pattern`. */
void plot_legend(Plot *p, const char *name, Colour colour, uint32_t mark, uint8_t pattern);

/* Lays the plot out in the w x h cells at (x, y): legend and y title on top, y labels at
 * the left, x axis and labels at the bottom, the canvas in the rest (mode from caps;
 * solid asks for half blocks). o NULL means PLOT_OPTS_DEFAULT. Ranges that o leaves NaN
 * come from the data (plot_fit) widened to round ticks; no data gives [0, 1]. A
 * rectangle too small for axes gets a bare canvas. Clears the canvas and sets its
 * view, so layers drawn next land in data coordinates. Returns 0, or -1 when out of
 * memory (the canvas is then empty and nothing is drawn). */
int plot_layout(Plot *p, int x, int y, int w, int h, const PlotOpts *o, Caps caps, bool solid);

/* Copies the canvas into g and draws the axes, titles and legend. */
void plot_draw(Plot *p, Grid *g);

/* Series styles: the class colour for series or class k (COLOUR_CLASS0 + k % 6); the
 * dash pattern of line series k (solid in colour; solid, dashed, dotted in
 * monochrome); the marker of class k ('●' '✖' '▲' '▼' '■' '◆', or o x ^ v @ %). */
Colour plot_colour(int k);
uint8_t plot_pattern(int k, Caps caps);
uint32_t plot_marker(int k, Caps caps);

/* Layers, drawn between plot_layout and plot_draw. */

/* A line through the points (see canvas_polyline), with the pattern of series k. */
void plot_line(Plot *p, const double *x, const double *y, size_t n, Colour colour, int k);

/* Points as class markers, one per cell (cls NULL: all class 0; the last point drawn in
 * a cell shows); classes < 0 are skipped. */
void plot_points(Plot *p, const double *x, const double *y, const int *cls, size_t n);

/* Points as single dots (braille resolution) in one colour. */
void plot_dots(Plot *p, const double *x, const double *y, size_t n, Colour colour);

/* A field of fw x fh values in [-1, 1] over the whole view (see canvas_field, and
 * canvas_sample for the data point of each sample). */
void plot_field(Plot *p, const double *v, int fw, int fh);

/* The contour line v = level of a field of fw x fh samples laid out like plot_field
 * (marching squares; saddles are split by the cell's mean). NaN samples break it. */
void plot_contour(Plot *p, const double *v, int fw, int fh, double level, Colour colour);

/* One-call charts: plot_begin, fit, legend, layout, layers, draw. Each returns 0 or -1
 * (out of memory). */

/* Line chart of ns series (a legend when any has a name). */
int plot_line_chart(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		    const PlotSeries *s, int ns, Caps caps);

/* Scatter plot of n points by class; names (NULL or nnames class names) make a legend. */
int plot_scatter_chart(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		       const double *px, const double *py, const int *cls, size_t n,
		       const char *const *names, int nnames, Caps caps);

/* Field (heat map, decision boundary) of fw x fh samples with n class points on top
 * (px NULL: none) and, when contour is finite, its contour line. Ranges left NaN come
 * from the points, or [0, 1]. */
int plot_field_chart(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		     const double *v, int fw, int fh, double contour, const double *px,
		     const double *py, const int *cls, size_t n, Caps caps);

/* Counts the finite values of data in [lo, hi] into nbins equal bins (the last bin
 * includes hi); lo or hi NaN: the data's own range. Returns the number counted. */
size_t plot_bin(size_t *counts, int nbins, const double *data, size_t n, double *lo, double *hi);

/* Histogram of n values in nbins bins (at most PLOT_MAX_BINS and the canvas width), as
 * columns of eighth blocks ('#' in ASCII) over an x axis of the values and a y axis of
 * counts. o->x0/x1 fix the bins' range. */
int plot_histogram(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		   const double *data, size_t n, int nbins, Colour colour, Caps caps);

#endif
