/* plot-hist.c: histograms: binning, and columns of eighth blocks over a plot's axes.
 * Must not include curses. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "draw/plot.h"

size_t plot_bin(size_t *counts, int nbins, const double *data, size_t n, double *lo, double *hi)
{
	double a = INFINITY, b = -INFINITY;
	size_t i, total = 0;

	if (nbins < 1)
		return 0;
	memset(counts, 0, (size_t)nbins * sizeof *counts);
	for (i = 0; data && i < n; i++)
		if (isfinite(data[i])) {
			a = fmin(a, data[i]);
			b = fmax(b, data[i]);
		}
	if (isnan(*lo))
		*lo = a <= b ? a : 0;
	if (isnan(*hi))
		*hi = a <= b ? b : 1;
	if (!isfinite(*lo) || !isfinite(*hi) || *hi < *lo) {
		*lo = 0;
		*hi = 1;
	}
	if (*hi == *lo) {
		*lo -= 0.5;
		*hi += 0.5;
	}
	for (i = 0; data && i < n; i++) {
		double t = (data[i] - *lo) / (*hi - *lo);
		int k;
		if (!(t >= 0 && t <= 1))
			continue;
		k = (int)(t * nbins);
		counts[k < nbins ? k : nbins - 1]++;
		total++;
	}
	return total;
}

/* One column of a bar `e` eighths of a cell high, standing on row `base`. */
static void column(Grid *g, int x, int base, int rows, int e, bool nonzero, Colour colour,
		   Caps caps)
{
	int r;

	if (!caps.unicode) {
		int cells = (e + 4) / 8;
		for (r = 0; r < cells && r < rows; r++)
			grid_put_colour(g, x, base - r, '#', STYLE_NORMAL, colour, COLOUR_NONE);
		if (!cells && nonzero)
			grid_put_colour(g, x, base, '_', STYLE_NORMAL, colour, COLOUR_NONE);
		return;
	}
	if (!e && nonzero)
		e = 1;
	for (r = 0; r < rows && e > 0; r++, e -= 8)
		grid_put_colour(g, x, base - r, e >= 8 ? 0x2588 : 0x2580 + (uint32_t)e,
				STYLE_NORMAL, colour, COLOUR_NONE);
}

int plot_histogram(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		   const double *data, size_t n, int nbins, Colour colour, Caps caps)
{
	static const PlotOpts def = PLOT_OPTS_DEFAULT;
	size_t counts[PLOT_MAX_BINS], max = 0;
	PlotOpts opts = o ? *o : def;
	double lo = opts.x0, hi = opts.x1, ends[2], tops[2];
	const Canvas *cv = &p->cv;
	int b, pass;

	if (nbins > PLOT_MAX_BINS)
		nbins = PLOT_MAX_BINS;
	if (nbins < 1)
		nbins = 1;
	for (pass = 0; pass < 2; pass++) {
		lo = opts.x0;
		hi = opts.x1;
		plot_bin(counts, nbins, data, n, &lo, &hi);
		for (max = 0, b = 0; b < nbins; b++)
			max = counts[b] > max ? counts[b] : max;
		opts.x0 = lo;
		opts.x1 = hi;
		opts.y0 = 0;
		opts.logy = false;
		ends[0] = lo;
		ends[1] = hi;
		tops[0] = 0;
		tops[1] = max ? (double)max : 1;
		plot_begin(p);
		plot_fit(p, ends, tops, 2);
		if (plot_layout(p, x, y, w, h, &opts, caps, true) != 0)
			return -1;
		if (nbins <= cv->w || cv->w <= 0)
			break;
		nbins = cv->w; /* a bin per column at most */
	}
	plot_draw(p, g);
	for (b = 0; b < nbins && cv->w > 0; b++) {
		int c0 = b * cv->w / nbins, c1 = (b + 1) * cv->w / nbins, c;
		int e = (int)floor((double)counts[b] / p->ay.hi * cv->h * 8 + 0.5);
		if (cv->w / nbins >= 3)
			c1--; /* a gap between columns, when all are wide enough */
		for (c = c0; c < c1; c++)
			column(g, cv->x + c, cv->y + cv->h - 1, cv->h, e, counts[b] > 0, colour,
			       caps);
	}
	return 0;
}
