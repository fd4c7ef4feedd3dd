/* plot.c: the plot widget: activation functions by name (the Activation Lab), with
 * their slopes and a cursor that reads f(z) and f'(z) out, computed with src/nn; or a
 * chart (lines, scatter, field, histogram, bars) whose data another widget feeds
 * through plot_widget_data. The cursor follows a slider (input=), or Left/Right move
 * it while the plot is focused. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"
#include "widgets/core/visual.h"

#define MAX_FN   4
#define SAMPLES  512  /* points per curve at most */
#define DATA_CAP 2000 /* points per series of a chart fed by another widget */

static const struct {
	const char *word;
	PlotDataKind kind;
} charts[] = {
    {"lines", PLOTDATA_LINES},         {"scatter", PLOTDATA_SCATTER}, {"field", PLOTDATA_FIELD},
    {"histogram", PLOTDATA_HISTOGRAM}, {"bars", PLOTDATA_BARS},
};

typedef struct {
	bool curves; /* activation curves; else a chart fed by another widget */
	int nfn;
	Activation fn[MAX_FN];
	const char *fn_from;   /* a choice widget naming the function shown instead */
	double x0, x1, y0, y1; /* y NaN: fitted to the curves */
	bool slope;
	bool names;        /* the curves named by their functions; else f, g, h, k */
	bool panels;       /* each curve in a small chart of its own, side by side */
	const char *input; /* a widget whose value is the cursor */
	bool has_cursor;   /* the own cursor is set (cursor= or moved) */
	double cursor, step;
	int rows; /* of the chart */
	const char *title;
	PlotData data; /* the curves' samples (scratch), or the fed chart's data */
	bool fed;             /* data= names the widget whose output the chart shows */
	unsigned long seen;   /* the version of it shown (with have) */
	bool have;
} PlotW;

/* Copies what data= publishes into the chart when its version is new: series as
 * lines, points as a scatter, numbers as bars (or a histogram of them), a matrix as a
 * field. Returns whether the chart changed. */
static bool feed(Instance *in, PlotW *s)
{
	Data d;
	size_t i;

	if (!s->fed || !scene_data(in, "data", &d) || (s->have && d.version == s->seen))
		return false;
	s->seen = d.version;
	s->have = true;
	plotdata_clear(&s->data);
	switch (d.type) {
	case DATA_SERIES:
		for (i = 0; i < d.n && i < PLOTDATA_MAX_SERIES; i++) {
			const PlotDataSeries *ser = &d.series[i];
			while ((size_t)s->data.nseries <= i &&
			       plotdata_add_series(&s->data, ser->name, COLOUR_NONE, 0) >= 0)
				;
			plotdata_set_series(&s->data, (int)i, ser->x, ser->y, ser->n);
		}
		break;
	case DATA_POINTS:
		for (i = 0; i < d.n; i++)
			if (!plotdata_point(&s->data, d.v[2 * i], d.v[2 * i + 1], d.cls ? d.cls[i] : 0))
				break;
		break;
	case DATA_VECTOR:
		for (i = 0; i < d.n; i++) {
			char label[24];
			if (s->data.kind == PLOTDATA_HISTOGRAM) {
				plotdata_append(&s->data, 0, (double)i, d.v[i]);
				continue;
			}
			snprintf(label, sizeof label, "%zu", i + 1);
			if (plotdata_bar(&s->data, d.labels ? d.labels[i] : label, d.v[i]) < 0)
				break;
		}
		break;
	case DATA_MATRIX: {
		double *f = plotdata_field(&s->data, (int)d.cols, (int)d.rows);
		for (i = 0; f && i < d.rows * d.cols; i++)
			f[i] = d.v[i];
		break;
	}
	default:
		break;
	}
	return true;
}

/* A fed chart follows its widget: the scene ticks it (dt 0) whenever something changed. */
static bool plot_w_tick(Instance *in, double dt)
{
	(void)dt;
	in->animating = false;
	return feed(in, in->state);
}

static int plot_w_init(Instance *in)
{
	PlotW *s = calloc(1, sizeof *s);
	const char *chart = widget_str(in, "chart", "curves");
	PlotDataKind kind = PLOTDATA_LINES;
	size_t i, n;
	int k;

	if (!s)
		return -1;
	s->curves = true;
	for (i = 0; i < sizeof charts / sizeof *charts; i++)
		if (strcmp(chart, charts[i].word) == 0) {
			s->curves = false;
			kind = charts[i].kind;
		}
	n = widget_nwords(in, "fn");
	for (i = 0; i < n && s->nfn < MAX_FN; i++)
		if (visual_act(widget_word(in, "fn", i), &s->fn[s->nfn]))
			s->nfn++;
	if (s->nfn == 0)
		s->fn[s->nfn++] = ACT_SIGMOID;
	s->fn_from = widget_str(in, "fn_from", NULL);
	if (!widget_range(in, "x", &s->x0, &s->x1) || !(s->x0 < s->x1))
		s->x0 = -6, s->x1 = 6;
	if (!widget_range(in, "y", &s->y0, &s->y1) || !(s->y0 < s->y1))
		s->y0 = s->y1 = NAN;
	s->slope = widget_bool(in, "slope", false);
	s->names = widget_bool(in, "names", true);
	s->panels = widget_bool(in, "panels", false) && s->nfn > 1 && !s->fn_from;
	s->input = widget_str(in, "input", NULL);
	s->cursor = widget_num(in, "cursor", NAN);
	s->has_cursor = isfinite(s->cursor);
	if (s->has_cursor)
		s->cursor = control_clamp(s->cursor, s->x0, s->x1);
	s->step = widget_num(in, "step", (s->x1 - s->x0) / 48);
	if (!(s->step > 0))
		s->step = (s->x1 - s->x0) / 48;
	s->rows = (int)widget_num(in, "height", 12);
	s->rows = s->rows < (s->curves ? 4 : 1) ? (s->curves ? 4 : 1) : s->rows > 40 ? 40 : s->rows;
	s->title = widget_str(in, "title", NULL);
	if (plotdata_init(&s->data, kind, s->curves ? SAMPLES : DATA_CAP) != 0)
		goto nomem;
	for (k = 0; s->curves && k < 2 * MAX_FN; k++)
		if (plotdata_add_series(&s->data, NULL, plot_colour(k / 2), k % 2 ? 0x33 : 0xFF) <
		    0)
			goto nomem;
	/* The canvas for the widest slot, so drawing does not allocate. */
	if (canvas_reshape(&s->data.plot.cv, 0, 0, 80, s->rows, CANVAS_BRAILLE) != 0)
		goto nomem;
	in->state = s;
	s->fed = !s->curves && widget_str(in, "data", NULL);
	if (s->fed && s->data.kind == PLOTDATA_HISTOGRAM &&
	    plotdata_add_series(&s->data, NULL, COLOUR_NONE, 0) < 0)
		goto nomem;
	feed(in, s); /* what it reads is initialised first */
	return 0;
nomem:
	plotdata_free(&s->data);
	free(s);
	return -1;
}

static void plot_w_free(Instance *in)
{
	PlotW *s = in->state;

	plotdata_free(&s->data);
	free(s);
}

PlotData *plot_widget_data(Instance *in)
{
	PlotW *s;

	if (!in || in->kind != &plot_kind || in->failed || !in->state)
		return NULL;
	s = in->state;
	return s->curves ? NULL : &s->data;
}

/* Whether Left and Right move the own cursor: curves without a widget to follow (and
 * not in panels, which have no cursor). */
static bool interactive(const PlotW *s)
{
	return s->curves && !s->input && !s->panels;
}

/* Panels: how many side by side at width w (at least 16 columns each), and the rows
 * of panels that makes. */
enum { PANEL_MIN_W = 16, PANEL_GAP = 2 };

static int panel_cols(const PlotW *s, int w)
{
	int cols = s->nfn;

	while (cols > 1 && (w - (cols - 1) * PANEL_GAP) / cols < PANEL_MIN_W)
		cols = cols > 2 ? (cols + 1) / 2 : 1;
	return cols;
}

static int panel_rows(const PlotW *s, int w)
{
	int cols = panel_cols(s, w);

	return (s->nfn + cols - 1) / cols;
}

/* The functions shown now: fn_from's choice when it names one, else fn. */
static int shown(const Instance *in, const PlotW *s, Activation *fn)
{
	Activation a;

	if (s->fn_from && visual_act(visual_choice_word(in->scene, s->fn_from), &a)) {
		fn[0] = a;
		return 1;
	}
	memcpy(fn, s->fn, sizeof s->fn);
	return s->nfn;
}

/* The cursor's z, or NaN when there is none. */
static double cursor_of(const Instance *in, const PlotW *s)
{
	double v;

	if (s->input && scene_value(in->scene, s->input, &v) && isfinite(v))
		return control_clamp(v, s->x0, s->x1);
	return s->has_cursor ? s->cursor : NAN;
}

static int readout_rows(const PlotW *s)
{
	return s->fn_from ? 1 : s->nfn;
}

static int plot_w_height(const Instance *in, int width)
{
	const PlotW *s = in->state;

	if (!s->curves)
		return (s->title ? 1 : 0) + s->rows;
	if (s->panels) /* a caption row over each panel's chart */
		return (s->title ? 1 : 0) + panel_rows(s, width) * (1 + s->rows);
	return (s->title ? 1 : 0) + s->rows + readout_rows(s) + (interactive(s) ? 1 : 0);
}

/* "σ(z)" or "σ′(z)" (ASCII "sigmoid(z)", "sigmoid'(z)") for curve k; with names=no
 * "f(z)", "g′(z)"..., so a mystery curve is not named under it. */
static void fn_name(const PlotW *s, char *out, size_t size, int k, Activation a, bool slope,
		    Caps caps)
{
	static const char *const letters[MAX_FN] = {"f", "g", "h", "k"};

	snprintf(out, size, "%s%s(z)", s->names ? visual_act_symbol(a, caps) : letters[k],
		 slope ? (caps.unicode ? "′" : "'") : "");
}

/* Samples the curves (and slopes) across the x range into the series. Scratch only. */
static void sample(PlotW *s, const Activation *fn, int nfn, int n, Caps caps)
{
	PlotData *d = &s->data;
	int k, i;

	plotdata_clear(d);
	for (k = 0; k < MAX_FN; k++) {
		PlotDataSeries *f = &d->series[2 * k], *df = &d->series[2 * k + 1];
		f->name[0] = df->name[0] = '\0';
		if (k >= nfn)
			continue;
		fn_name(s, f->name, sizeof f->name, k, fn[k], false, caps);
		if (s->slope)
			fn_name(s, df->name, sizeof df->name, k, fn[k], true, caps);
		for (i = 0; i < n; i++) {
			double z = s->x0 + (s->x1 - s->x0) * i / (n - 1), y = act_value(fn[k], z);
			plotdata_append(d, 2 * k, z, y);
			if (s->slope)
				plotdata_append(d, 2 * k + 1, z, act_deriv(fn[k], z, y));
		}
	}
	if (nfn == 1 && !s->slope)
		d->series[0].name[0] = '\0'; /* one curve needs no legend */
	d->opts.x0 = s->x0;
	d->opts.x1 = s->x1;
	d->opts.y0 = s->y0;
	d->opts.y1 = s->y1;
}

/* "● z = 0.70   σ(z) = 0.668   σ′(z) = 0.222" for function k at the cursor. */
static void readout(const PlotW *s, char *out, size_t size, int k, Activation a, double z,
		    Caps caps)
{
	char zs[32], ys[32], ds[32], f[32], df[32];
	double y = act_value(a, z);

	visual_fixed(zs, sizeof zs, z, 2);
	visual_fixed(ys, sizeof ys, y, 3);
	visual_fixed(ds, sizeof ds, act_deriv(a, z, y), 3);
	fn_name(s, f, sizeof f, k, a, false, caps);
	fn_name(s, df, sizeof df, k, a, true, caps);
	snprintf(out, size, "z = %s   %s = %s   %s = %s", zs, f, ys, df, ds);
}

/* Each curve in a chart of its own, captioned with its name ("f(z)" with names=no),
 * side by side (in rows of panels on a narrow screen), on the same axes: the y range
 * given, or one that fits every curve, so their shapes compare. */
static void draw_panels(PlotW *s, Grid *g, int top, Rect r, Caps caps)
{
	int cols = panel_cols(s, r.w), pw = (r.w - (cols - 1) * PANEL_GAP) / cols, k, i;
	int n = 2 * pw;
	double y0 = s->y0, y1 = s->y1;

	n = n < 2 ? 2 : n > SAMPLES ? SAMPLES : n;
	if (!isfinite(y0)) { /* one range for all: the lowest and highest of every curve */
		y0 = INFINITY, y1 = -INFINITY;
		for (k = 0; k < s->nfn; k++)
			for (i = 0; i < n; i++) {
				double v = act_value(s->fn[k], s->x0 + (s->x1 - s->x0) * i / (n - 1));
				y0 = fmin(y0, v), y1 = fmax(y1, v);
			}
		if (!(y1 > y0))
			y1 = y0 + 1;
	}
	for (k = 0; k < s->nfn; k++) {
		int px = r.x + (k % cols) * (pw + PANEL_GAP), py = top + (k / cols) * (1 + s->rows);
		char name[64];
		fn_name(s, name, sizeof name, k, s->fn[k], false, caps);
		grid_text(g, px, py, name, strlen(name), pw, STYLE_BOLD);
		plotdata_clear(&s->data);
		for (i = 0; i < 2 * MAX_FN; i++)
			s->data.series[i].name[0] = '\0';
		s->data.series[0].colour = plot_colour(k);
		for (i = 0; i < n; i++) {
			double z = s->x0 + (s->x1 - s->x0) * i / (n - 1);
			plotdata_append(&s->data, 0, z, act_value(s->fn[k], z));
		}
		s->data.opts.x0 = s->x0;
		s->data.opts.x1 = s->x1;
		s->data.opts.y0 = y0;
		s->data.opts.y1 = y1;
		if (plotdata_layout(&s->data, px, py + 1, pw, s->rows, caps) == 0)
			plotdata_finish(&s->data, g);
	}
}

static void draw_curves(const Instance *in, PlotW *s, Grid *g, int top, Rect r, Caps caps,
			bool focused, int *cx, int *cy)
{
	Activation fn[MAX_FN];
	int nfn = shown(in, s, fn), k, n = 2 * r.w, row = top + s->rows;
	double z = cursor_of(in, s);
	Canvas *cv = &s->data.plot.cv;
	char line[256];

	n = n < 2 ? 2 : n > SAMPLES ? SAMPLES : n;
	sample(s, fn, nfn, n, caps);
	if (plotdata_layout(&s->data, r.x, top, r.w, s->rows, caps) != 0)
		return;
	if (isfinite(z)) {
		canvas_pen(cv, 0x33);
		canvas_data_line(cv, z, cv->view.y0, z, cv->view.y1, COLOUR_MUTED);
		canvas_pen(cv, 0xFF);
		for (k = 0; k < nfn; k++) {
			double y = act_value(fn[k], z);
			if (s->slope)
				canvas_data_mark(cv, z, act_deriv(fn[k], z, y),
						 caps.unicode ? 0x25C6 : '+', plot_colour(k));
			canvas_data_mark(cv, z, y, caps.unicode ? 0x25CF : 'o', plot_colour(k));
		}
	}
	plotdata_finish(&s->data, g);
	for (k = 0; k < nfn && k < readout_rows(s); k++, row++) {
		int x = r.x;
		if (!isfinite(z))
			break;
		if (nfn > 1)
			x += grid_put_colour(g, x, row, caps.unicode ? 0x25CF : 'o', STYLE_NORMAL,
					     plot_colour(k), COLOUR_NONE) +
			     1;
		readout(s, line, sizeof line, k, fn[k], z, caps);
		grid_text(g, x, row, line, strlen(line), r.w - (x - r.x), STYLE_NORMAL);
	}
	row = top + s->rows + readout_rows(s);
	if (focused && interactive(s)) {
		const char *help = caps.unicode
				       ? _("←→ move the cursor   Home End the ends")
				       : _("Left/Right move the cursor   Home End the ends");
		grid_text(g, r.x, row, help, strlen(help), r.w, STYLE_DIM);
	}
	if (focused) {
		int px, py;
		*cx = r.x;
		*cy = interactive(s) ? row : top + s->rows;
		if (isfinite(z) && canvas_map(cv, z, act_value(fn[0], z), &px, &py) && px >= 0 &&
		    px < cv->pw && py >= 0 && py < cv->ph) {
			*cx = cv->x + (px >> cv->lx);
			*cy = cv->y + (py >> cv->ly);
		}
	}
}

static void plot_w_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	PlotW *s = in->state; /* draws on its scratch data and canvas only */
	int top = r.y;

	if (s->title) {
		grid_text(g, r.x, r.y, s->title, strlen(s->title), r.w,
			  focused ? STYLE_FOCUS : STYLE_BOLD);
		top++;
	}
	if (s->curves && s->panels) {
		draw_panels(s, g, top, r, caps);
		return;
	}
	if (s->curves) {
		draw_curves(in, s, g, top, r, caps, focused, cx, cy);
		return;
	}
	plotdata_draw(&s->data, g, r.x, top, r.w, s->rows, caps);
	if (focused) {
		*cx = r.x;
		*cy = r.y;
	}
}

static unsigned plot_w_key(Instance *in, const Key *k)
{
	PlotW *s = in->state;
	double c;

	if (!interactive(s))
		return WIDGET_IGNORED;
	c = s->has_cursor ? s->cursor : control_clamp(0, s->x0, s->x1);
	if (k->code == K_LEFT || key_is_char(k, 'h'))
		c -= s->has_cursor ? s->step : 0;
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		c += s->has_cursor ? s->step : 0;
	else if (k->code == K_HOME)
		c = s->x0;
	else if (k->code == K_END)
		c = s->x1;
	else
		return WIDGET_IGNORED;
	c = round(c / s->step) * s->step;
	s->cursor = control_clamp(c == 0 ? 0 : c, s->x0, s->x1);
	s->has_cursor = true;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* f(z) of the first function shown, at the cursor. */
static bool plot_w_value(const Instance *in, double *out)
{
	const PlotW *s = in->state;
	Activation fn[MAX_FN];
	double z;

	if (!s->curves)
		return false;
	z = cursor_of(in, s);
	if (!isfinite(z))
		return false;
	shown(in, s, fn);
	*out = act_value(fn[0], z);
	return true;
}

static void plot_w_save(const Instance *in, const Store *st)
{
	const PlotW *s = in->state;
	char buf[32];

	if (!interactive(s) || !s->has_cursor)
		return;
	str_double(buf, sizeof buf, s->cursor);
	st->set(st->ctx, "cursor", buf);
}

static void plot_w_restore(Instance *in, const Store *st)
{
	PlotW *s = in->state;
	const char *v = st->get(st->ctx, "cursor");
	char *end;
	double d;

	if (!v || !interactive(s))
		return;
	d = strtod(v, &end);
	if (*end == '\0' && isfinite(d)) {
		s->cursor = control_clamp(d, s->x0, s->x1);
		s->has_cursor = true;
	}
}

/* A tab stop only when its keys move the cursor (no slider moves it, no chart fed). */
static bool plot_w_focusable(const Instance *in)
{
	return interactive(in->state);
}

static const WidgetOps plot_ops = {
    .focusable = plot_w_focusable,
    .init = plot_w_init,
    .free = plot_w_free,
    .height = plot_w_height,
    .draw = plot_w_draw,
    .key = plot_w_key,
    .save = plot_w_save,
    .restore = plot_w_restore,
    .value = plot_w_value,
    .tick = plot_w_tick,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "fn", .type = PARAM_WORDS, .nmin = 1, .nmax = 4, .def = "sigmoid",
     .choices = ACTIVATIONS,
     .help = N_("the curves to draw, such as sigmoid or relu,tanh")},
    {.name = "fn_from", .type = PARAM_REF, .accepts = DATA_TEXT,
     .help = N_("a choice whose chosen option names the curve drawn instead of fn")},
    {.name = "x", .type = PARAM_RANGE, .min = -1000, .max = 1000, .def = "-6..6",
     .help = N_("the inputs shown")},
    {.name = "y", .type = PARAM_RANGE, .min = -1000, .max = 1000,
     .help = N_("the outputs shown (default: fit the curves)")},
    {.name = "slope", .type = PARAM_BOOL, .def = "no",
     .help = N_("also draw each curve's slope (its derivative)")},
    {.name = "names", .type = PARAM_BOOL, .def = "yes",
     .help = N_("name the curves by their functions in the legend and the read-out (no: f, g, h " "and k, for a curve the learner must name)")},
    {.name = "panels", .type = PARAM_BOOL, .def = "no",
     .help = N_("draw each curve of fn in a small chart of its own, side by side and captioned " "with its name (f, g, h, k with names=no), on one y range, without a cursor")},
    {.name = "cursor", .type = PARAM_NUMBER, .min = -1000, .max = 1000,
     .help = N_("an input marked on the curve, with f(z) and f'(z) read out")},
    {.name = "input", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a slider whose value moves the cursor (without it, Left and Right do)")},
    {.name = "step", .type = PARAM_NUMBER, .min = 1e-6, .max = 1000,
     .help = N_("how far Left and Right move the cursor (default: a 48th of the inputs shown)")},
    {.name = "height", .type = PARAM_INT, .min = 1, .max = 40, .def = "12",
     .help = N_("rows of the chart, legend and axes included (curves: at least 4)")},
    {.name = "chart", .type = PARAM_CHOICE, .def = "curves",
     .choices = "curves|lines|scatter|field|histogram|bars",
     .help = N_("curves of fn, or a chart of what data= gives: lines of series, a "
                "scatter of points, bars or a histogram of numbers, a field of a matrix")},
    {.name = "data", .type = PARAM_REF,
     .accepts = DATA_SERIES | DATA_POINTS | DATA_VECTOR | DATA_MATRIX,
     .help = N_("the widget whose output the chart shows (with chart= other than "
                "curves)")},
    {.name = "title", .type = PARAM_STRING, .help = N_("a caption")},
};

static const OutputSpec outputs[] = {
    {"value", DATA_SCALAR, N_("f(z) of the first curve at the cursor")},
};

static const KindKey keys[] = {
    {"Left Right h l", N_("move the cursor (when no slider moves it)")},
};

const WidgetKind plot_kind = {
    .schema = {.name = "plot",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a braille plot of activation curves, or a chart another widget feeds"),
               .example = "id=curves fn=sigmoid,tanh x=-6..6 slope=yes input=z"},
    KIND_LIST(keys, keys),
    .ops = &plot_ops,
    .flags = KIND_WATCH,
};
