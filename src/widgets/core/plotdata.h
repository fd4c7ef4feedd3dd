/* plotdata.h: the data a chart shows, fed by the widget that owns it while it runs (loss
 * curves racing, points over a decision boundary, a histogram of activations, labelled
 * bars of gradient sizes or probabilities), drawn with draw/plot.h and draw/bars.h.
 * Memory is allocated when the data is set up, never while appending or drawing.
 * Must not own the loop, navigate or write files. */
#ifndef NN_WIDGETS_PLOTDATA_H
#define NN_WIDGETS_PLOTDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw/bars.h"
#include "draw/plot.h"

#define PLOTDATA_MAX_SERIES 8
#define PLOTDATA_NAME       32 /* bytes of a name with its NUL; longer names are cut */

typedef enum {
	PLOTDATA_LINES,     /* series of (x, y) points joined by lines */
	PLOTDATA_SCATTER,   /* points marked by class */
	PLOTDATA_FIELD,     /* a field of values in [-1, 1], its contour, points on top */
	PLOTDATA_HISTOGRAM, /* the y values of series 0 counted into bins */
	PLOTDATA_BARS       /* one labelled bar per item */
} PlotDataKind;

typedef struct PlotDataSeries {
	char name[PLOTDATA_NAME]; /* "": left out of the legend */
	Colour colour;            /* COLOUR_NONE: plot_colour(k) */
	uint8_t pattern;          /* a line's dash pattern; 0: plot_pattern(k) */
	double *x, *y;            /* cap + 1 each (the last slot is for the newest point) */
	size_t n, cap;            /* points kept */
	size_t every;             /* one appended point in `every` is kept (1, 2, 4...) */
	size_t seen;              /* points appended since the last clear */
	double last_x, last_y;    /* the newest point, drawn even when it is not kept */
} PlotDataSeries;

typedef struct {
	PlotDataKind kind;
	PlotOpts opts; /* ranges and titles: the owner sets them freely (titles must live) */
	PlotDataSeries series[PLOTDATA_MAX_SERIES];
	int nseries;
	size_t cap; /* points per series, scatter points, bars */
	/* Scatter and field: points by class (classes < 0 are not drawn). */
	double *px, *py;
	int *cls;
	size_t npoints;
	char classes[PLOT_MAX_CLASSES][PLOTDATA_NAME]; /* legend names; "" for none */
	/* Field: fw x fh samples, row-major, the top row first (see canvas_sample). */
	double *field;
	int fw, fh;
	double contour; /* the level drawn as a contour line; NaN (the default): none */
	int nbins;      /* histogram bins; 0: one per two columns */
	Colour hist_colour;
	/* Bars. */
	BarItem *bars;
	char (*labels)[PLOTDATA_NAME];
	int nbars;
	BarOpts bar_opts;
	/* Drawing: the plot keeps its canvas between frames; the rectangle of the last
	 * plotdata_layout. */
	Plot plot;
	int x, y, w, h;
	Caps caps;
} PlotData;

/* Sets d up for a chart of `kind` holding up to cap points per series (or cap points,
 * or cap bars; at least 2). Allocates the points and bars (series are added with
 * plotdata_add_series, the field with plotdata_field). Returns 0, or -1 when out of
 * memory (d is then empty and plotdata_free is still safe). */
int plotdata_init(PlotData *d, PlotDataKind kind, size_t cap);

/* Releases everything d holds. */
void plotdata_free(PlotData *d);

/* Forgets every point, value and bar; keeps the series, the field's size and options. */
void plotdata_clear(PlotData *d);

/* Adds a series named name (copied; NULL or "" for none) in colour (COLOUR_NONE: the
 * series' own) with a dash pattern (0: the series' own). Returns its index, or -1 when
 * there are PLOTDATA_MAX_SERIES already or memory runs out. Call when setting up. */
int plotdata_add_series(PlotData *d, const char *name, Colour colour, uint8_t pattern);

/* Appends the point (x, y) to series s without allocating: when the series is full,
 * every other point is dropped and from then on only one point in twice as many is
 * kept, so a long run keeps its whole shape in cap points; the newest point is always
 * drawn. An unknown s is ignored. */
void plotdata_append(PlotData *d, int s, double x, double y);

/* Replaces series s's points with the n points (x, y), drawn as given: a history its
 * owner keeps (thinned elsewhere, nn/run.h) shown as it stands. At most the data's cap
 * are taken; an unknown s is ignored. Copies without allocating. */
void plotdata_set_series(PlotData *d, int s, const double *x, const double *y, size_t n);

/* Adds a point of class cls to a scatter or field chart. Returns false when full. */
bool plotdata_point(PlotData *d, double x, double y, int cls);

/* Names point class cls (0 .. PLOT_MAX_CLASSES - 1) in the legend (copied). */
void plotdata_class_name(PlotData *d, int cls, const char *name);

/* The fw x fh samples of a field chart for the owner to fill (values in [-1, 1], NaN
 * leaves a sample blank), allocated here when the field grows; NULL when out of memory
 * or the size is not positive. Call when setting up, not in draw. */
double *plotdata_field(PlotData *d, int fw, int fh);

/* Appends a bar (label copied). Returns its index, or -1 when full. */
int plotdata_bar(PlotData *d, const char *label, double value);

/* Sets bar i's value; an unknown i is ignored. */
void plotdata_bar_set(PlotData *d, int i, double value);

/* Lays the chart out in the w x h cells at (x, y) and draws its data layers on
 * d->plot's canvas, where the caller may add layers of its own (lines, scatter and
 * field charts) before plotdata_finish. Returns 0, or -1 when out of memory. */
int plotdata_layout(PlotData *d, int x, int y, int w, int h, Caps caps);

/* Draws what plotdata_layout prepared into g (axes, legend; histograms and bars whole). */
void plotdata_finish(PlotData *d, Grid *g);

/* plotdata_layout and plotdata_finish in one. Returns 0 or -1 (out of memory). */
int plotdata_draw(PlotData *d, Grid *g, int x, int y, int w, int h, Caps caps);

#endif
