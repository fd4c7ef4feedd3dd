/* plot-line.c: line series, class markers and dots on a plot; the one-call line chart and
 * scatter plot. Must not include curses. */
#include <config.h>

#include "draw/plot.h"

void plot_line(Plot *p, const double *x, const double *y, size_t n, Colour colour, int k)
{
	canvas_pen(&p->cv, plot_pattern(k, p->caps));
	canvas_polyline(&p->cv, x, y, n, colour);
	canvas_pen(&p->cv, 0xFF);
}

void plot_points(Plot *p, const double *x, const double *y, const int *cls, size_t n)
{
	size_t i;

	if (!x || !y)
		return;
	for (i = 0; i < n; i++) {
		int k = cls ? cls[i] : 0;
		if (k >= 0)
			canvas_data_mark(&p->cv, x[i], y[i], plot_marker(k, p->caps),
					 plot_colour(k));
	}
}

void plot_dots(Plot *p, const double *x, const double *y, size_t n, Colour colour)
{
	size_t i;

	if (!x || !y)
		return;
	for (i = 0; i < n; i++)
		canvas_data_point(&p->cv, x[i], y[i], colour);
}

static Colour series_colour(const PlotSeries *s, int k)
{
	return s->colour != COLOUR_NONE ? s->colour : plot_colour(k);
}

int plot_line_chart(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		    const PlotSeries *s, int ns, Caps caps)
{
	int k;

	plot_begin(p);
	for (k = 0; k < ns; k++) {
		plot_fit(p, s[k].x, s[k].y, s[k].n);
		plot_legend(p, s[k].name, series_colour(&s[k], k), 0, plot_pattern(k, caps));
	}
	if (plot_layout(p, x, y, w, h, o, caps, false) != 0)
		return -1;
	for (k = 0; k < ns; k++)
		plot_line(p, s[k].x, s[k].y, s[k].n, series_colour(&s[k], k), k);
	plot_draw(p, g);
	return 0;
}

int plot_scatter_chart(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		       const double *px, const double *py, const int *cls, size_t n,
		       const char *const *names, int nnames, Caps caps)
{
	int k;

	plot_begin(p);
	if (px)
		plot_fit(p, px, py, n);
	for (k = 0; names && k < nnames; k++)
		plot_legend(p, names[k], plot_colour(k), plot_marker(k, caps), 0);
	if (plot_layout(p, x, y, w, h, o, caps, false) != 0)
		return -1;
	plot_points(p, px, py, cls, n);
	plot_draw(p, g);
	return 0;
}
