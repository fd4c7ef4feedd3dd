/* plotdata.c: chart data that its owner appends to while it runs, thinned instead of
 * grown, and drawn with the draw layer's charts.
 * Must not own the loop or write files; allocates only when the data is set up. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/core/plotdata.h"

int plotdata_init(PlotData *d, PlotDataKind kind, size_t cap)
{
	static const PlotOpts opts = PLOT_OPTS_DEFAULT;
	static const BarOpts bar_opts = BAR_OPTS_DEFAULT;

	memset(d, 0, sizeof *d);
	plot_init(&d->plot);
	d->kind = kind;
	d->opts = opts;
	d->bar_opts = bar_opts;
	d->contour = NAN;
	d->hist_colour = COLOUR_CLASS1;
	d->cap = cap < 2 ? 2 : cap;
	if (kind == PLOTDATA_SCATTER || kind == PLOTDATA_FIELD) {
		d->px = malloc(d->cap * sizeof *d->px);
		d->py = malloc(d->cap * sizeof *d->py);
		d->cls = malloc(d->cap * sizeof *d->cls);
		if (!d->px || !d->py || !d->cls)
			goto nomem;
	} else if (kind == PLOTDATA_BARS) {
		d->bars = calloc(d->cap, sizeof *d->bars);
		d->labels = calloc(d->cap, sizeof *d->labels);
		if (!d->bars || !d->labels)
			goto nomem;
	}
	return 0;
nomem:
	plotdata_free(d);
	return -1;
}

void plotdata_free(PlotData *d)
{
	int k;

	for (k = 0; k < d->nseries; k++) {
		free(d->series[k].x);
		free(d->series[k].y);
	}
	free(d->px);
	free(d->py);
	free(d->cls);
	free(d->field);
	free(d->bars);
	free(d->labels);
	plot_free(&d->plot);
	memset(d, 0, sizeof *d);
	plot_init(&d->plot);
}

void plotdata_clear(PlotData *d)
{
	int k;

	for (k = 0; k < d->nseries; k++) {
		d->series[k].n = 0;
		d->series[k].seen = 0;
		d->series[k].every = 1;
	}
	d->npoints = 0;
	d->nbars = 0;
	if (d->field)
		for (k = 0; k < d->fw * d->fh; k++)
			d->field[k] = NAN;
}

int plotdata_add_series(PlotData *d, const char *name, Colour colour, uint8_t pattern)
{
	PlotDataSeries *s;

	if (d->nseries >= PLOTDATA_MAX_SERIES)
		return -1;
	s = &d->series[d->nseries];
	memset(s, 0, sizeof *s);
	s->x = malloc((d->cap + 1) * sizeof *s->x);
	s->y = malloc((d->cap + 1) * sizeof *s->y);
	if (!s->x || !s->y) {
		free(s->x);
		free(s->y);
		s->x = s->y = NULL;
		return -1;
	}
	snprintf(s->name, sizeof s->name, "%s", name ? name : "");
	s->colour = colour;
	s->pattern = pattern;
	s->cap = d->cap;
	s->every = 1;
	return d->nseries++;
}

void plotdata_append(PlotData *d, int k, double x, double y)
{
	PlotDataSeries *s;

	if (k < 0 || k >= d->nseries)
		return;
	s = &d->series[k];
	s->last_x = x;
	s->last_y = y;
	if (s->seen++ % s->every != 0)
		return;
	if (s->n == s->cap) { /* thin: keep the points of every second kept index */
		size_t i, j;
		for (i = j = 0; i < s->n; i += 2, j++) {
			s->x[j] = s->x[i];
			s->y[j] = s->y[i];
		}
		s->n = j;
		s->every *= 2;
		if ((s->seen - 1) % s->every != 0)
			return;
	}
	s->x[s->n] = x;
	s->y[s->n] = y;
	s->n++;
}

void plotdata_set_series(PlotData *d, int k, const double *x, const double *y, size_t n)
{
	PlotDataSeries *s;

	if (k < 0 || k >= d->nseries)
		return;
	s = &d->series[k];
	if (n > s->cap)
		n = s->cap;
	if (n) {
		memcpy(s->x, x, n * sizeof *s->x);
		memcpy(s->y, y, n * sizeof *s->y);
		s->last_x = x[n - 1];
		s->last_y = y[n - 1];
	}
	s->n = s->seen = n;
	s->every = 1;
}

bool plotdata_point(PlotData *d, double x, double y, int cls)
{
	if (!d->px || d->npoints >= d->cap)
		return false;
	d->px[d->npoints] = x;
	d->py[d->npoints] = y;
	d->cls[d->npoints] = cls;
	d->npoints++;
	return true;
}

void plotdata_class_name(PlotData *d, int cls, const char *name)
{
	if (cls >= 0 && cls < PLOT_MAX_CLASSES)
		snprintf(d->classes[cls], sizeof d->classes[cls], "%s", name ? name : "");
}

double *plotdata_field(PlotData *d, int fw, int fh)
{
	size_t need;
	int i;

	if (fw <= 0 || fh <= 0)
		return NULL;
	need = (size_t)fw * (size_t)fh;
	if (!d->field || need > (size_t)d->fw * (size_t)d->fh) {
		double *f = realloc(d->field, need * sizeof *f);
		if (!f)
			return NULL;
		d->field = f;
	}
	d->fw = fw;
	d->fh = fh;
	for (i = 0; i < fw * fh; i++)
		d->field[i] = NAN;
	return d->field;
}

int plotdata_bar(PlotData *d, const char *label, double value)
{
	int i = d->nbars;

	if (!d->bars || (size_t)i >= d->cap)
		return -1;
	snprintf(d->labels[i], sizeof d->labels[i], "%s", label ? label : "");
	d->bars[i].label = d->labels[i];
	d->bars[i].value = value;
	d->bars[i].colour = COLOUR_NONE;
	d->nbars++;
	return i;
}

void plotdata_bar_set(PlotData *d, int i, double value)
{
	if (i >= 0 && i < d->nbars)
		d->bars[i].value = value;
}

/* The points series k draws: the kept ones, and the newest when it was not kept (in
 * the spare last slot). */
static size_t series_points(PlotDataSeries *s)
{
	size_t n = s->n;

	if (s->seen > 0 && (s->seen - 1) % s->every != 0) {
		s->x[n] = s->last_x;
		s->y[n] = s->last_y;
		n++;
	}
	return n;
}

static Colour series_colour(const PlotDataSeries *s, int k)
{
	return s->colour != COLOUR_NONE ? s->colour : plot_colour(k);
}

static uint8_t series_pattern(const PlotDataSeries *s, int k, Caps caps)
{
	return s->pattern ? s->pattern : plot_pattern(k, caps);
}

int plotdata_layout(PlotData *d, int x, int y, int w, int h, Caps caps)
{
	Plot *p = &d->plot;
	size_t n[PLOTDATA_MAX_SERIES];
	int k;

	d->x = x;
	d->y = y;
	d->w = w;
	d->h = h;
	d->caps = caps;
	if (d->kind == PLOTDATA_HISTOGRAM || d->kind == PLOTDATA_BARS)
		return 0; /* drawn whole by plotdata_finish */
	plot_begin(p);
	for (k = 0; k < d->nseries; k++) {
		PlotDataSeries *s = &d->series[k];
		n[k] = series_points(s);
		plot_fit(p, s->x, s->y, n[k]);
		plot_legend(p, s->name, series_colour(s, k), 0, series_pattern(s, k, caps));
	}
	if (d->npoints)
		plot_fit(p, d->px, d->py, d->npoints);
	for (k = 0; k < PLOT_MAX_CLASSES; k++)
		if (d->classes[k][0])
			plot_legend(p, d->classes[k], plot_colour(k), plot_marker(k, caps), 0);
	if (plot_layout(p, x, y, w, h, &d->opts, caps, false) != 0)
		return -1;
	if (d->kind == PLOTDATA_FIELD && d->field) {
		plot_field(p, d->field, d->fw, d->fh);
		if (isfinite(d->contour))
			plot_contour(p, d->field, d->fw, d->fh, d->contour, COLOUR_MUTED);
	}
	for (k = 0; k < d->nseries; k++) {
		PlotDataSeries *s = &d->series[k];
		canvas_pen(&p->cv, series_pattern(s, k, caps));
		canvas_polyline(&p->cv, s->x, s->y, n[k], series_colour(s, k));
	}
	canvas_pen(&p->cv, 0xFF);
	plot_points(p, d->px, d->py, d->cls, d->npoints);
	return 0;
}

void plotdata_finish(PlotData *d, Grid *g)
{
	switch (d->kind) {
	case PLOTDATA_HISTOGRAM:
		if (d->nseries > 0) {
			PlotDataSeries *s = &d->series[0];
			size_t n = series_points(s);
			int bins = d->nbins > 0 ? d->nbins : d->w / 2;
			plot_histogram(&d->plot, g, d->x, d->y, d->w, d->h, &d->opts, s->y, n, bins,
				       d->hist_colour, d->caps);
		}
		break;
	case PLOTDATA_BARS:
		bars_draw(g, d->x, d->y, d->w, d->h, d->bars, d->nbars, &d->bar_opts, d->caps);
		break;
	default:
		plot_draw(&d->plot, g);
	}
}

int plotdata_draw(PlotData *d, Grid *g, int x, int y, int w, int h, Caps caps)
{
	if (plotdata_layout(d, x, y, w, h, caps) != 0)
		return -1;
	plotdata_finish(d, g);
	return 0;
}
