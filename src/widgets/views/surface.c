/* surface.c: a loss surface of two parameters (bowl, valley, Rosenbrock, saddle,
 * Beale) as contour lines, with the descent path of each of the library's optimizers
 * (nn/surface.h: sgd, momentum, adam... with a learning rate each) and their loss
 * curves; the learner moves the start with the arrows, Space runs them side by side,
 * r resets, and who arrives first at the minimum is told. The animation contract plays
 * it step by step. Side by side from 70 columns, stacked below. Must not own the loop
 * or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/plot.h"
#include "nls.h"
#include "nn/surface.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { SF_RUNS = 4, SF_LOSS_ROWS = 8, SF_SIDE = 70 /* columns for side by side */ };

#define OPTIMIZERS "sgd|momentum|nesterov|adam|adamw|rmsprop"

typedef struct {
	SurfaceRun run;
	OptimConfig cfg;
	double *px, *py, *loss, *steps; /* steps + 1 each: the path and its losses */
	size_t n;
	long arrived; /* the step it reached the minimum, or -1 */
	bool diverged;
} Walk;

typedef struct {
	Surface surf;
	SurfaceView view;
	double x0, x1, y0, y1; /* the view */
	double start[2];
	Walk w[SF_RUNS];
	int nw;
	size_t max_steps, step;
	double noise;
	Steps at;           /* played: its position is the step the runs should be at */
	Plot plot, curves;  /* scratch for drawing */
	double *field;      /* scratch samples */
	int *trail;         /* scratch classes for a path's markers (steps + 1) */
	size_t fcap;
	double pub[2 * SF_RUNS], loss[SF_RUNS];
	const char *names[SF_RUNS];
	int cls[SF_RUNS];
	unsigned long version;
} Surf;

/* Back to step 0 at the start: every run starts afresh. Returns 0 or -1. */
static int reset(Surf *s)
{
	int k;

	s->step = 0;
	s->version++;
	for (k = 0; k < s->nw; k++) {
		Walk *w = &s->w[k];
		surface_run_free(&w->run);
		if (surface_run_init(&w->run, &s->surf, &w->cfg, s->start, s->noise, 1 + (uint64_t)k) !=
		    NN_OK)
			return -1;
		w->n = 1;
		w->px[0] = s->start[0];
		w->py[0] = s->start[1];
		w->loss[0] = w->run.loss = surface_value(NULL, &s->surf, s->start);
		w->steps[0] = 0;
		w->arrived = -1;
		w->diverged = false;
	}
	return 0;
}

/* Whether p is at the minimum: within 2% of the view's size. */
static bool at_min(const Surf *s, const double *p)
{
	double size = fmax(s->x1 - s->x0, s->y1 - s->y0);

	return s->view.has_min && hypot(p[0] - s->view.min_a, p[1] - s->view.min_b) < 0.02 * size;
}

/* One step of every run still going. Returns whether any moved. */
static bool step_all(Surf *s)
{
	int k;
	bool moved = false;

	if (s->step >= s->max_steps)
		return false;
	s->step++;
	for (k = 0; k < s->nw; k++) {
		Walk *w = &s->w[k];
		double f;
		if (w->diverged)
			continue;
		f = surface_run_step(&w->run);
		if (!isfinite(f) || !(fabs(w->run.p[0]) < 1e6) || !(fabs(w->run.p[1]) < 1e6)) {
			w->diverged = true;
			continue;
		}
		w->px[w->n] = w->run.p[0];
		w->py[w->n] = w->run.p[1];
		w->loss[w->n] = f;
		w->steps[w->n] = (double)s->step;
		w->n++;
		if (w->arrived < 0 && at_min(s, w->run.p))
			w->arrived = (long)s->step;
		moved = true;
	}
	s->version++;
	return moved;
}

/* The positions played through: the start and each step. */
static int steps_n(const Surf *s)
{
	return (int)s->max_steps + 1;
}

/* Brings the runs to the played position: back to the start first when it is behind
 * them. Returns whether they moved. */
static bool follow(Surf *s)
{
	size_t want = (size_t)steps_at(&s->at, steps_n(s));
	bool moved = false;

	if (want < s->step)
		moved = reset(s) == 0;
	while (s->step < want)
		moved |= step_all(s);
	return moved;
}

static void surf_animate(Instance *in, AnimCommand cmd, double arg)
{
	Surf *s = in->state;

	if (steps_command(&s->at, steps_n(s), cmd, arg, &in->animating))
		follow(s);
}

static void surf_free(Instance *in)
{
	Surf *s = in->state;
	int k;

	for (k = 0; k < SF_RUNS; k++) {
		surface_run_free(&s->w[k].run);
		free(s->w[k].px);
	}
	plot_free(&s->plot);
	plot_free(&s->curves);
	free(s->field);
	free(s->trail);
	free(s);
}

static int surf_init(Instance *in)
{
	Surf *s = calloc(1, sizeof *s);
	double lr[SF_RUNS], st[2];
	size_t nlr, k;
	SurfaceKind kind = SURFACE_BOWL;

	if (!s)
		return -1;
	in->state = s;
	plot_init(&s->plot);
	plot_init(&s->curves);
	surface_from_name(&kind, widget_str(in, "fn", "bowl"));
	surface_defaults(&s->surf, kind);
	s->surf.cond = widget_num(in, "cond", 10);
	surface_view(&s->view, &s->surf);
	if (!widget_range(in, "x", &s->x0, &s->x1))
		s->x0 = s->view.lo_a, s->x1 = s->view.hi_a;
	if (!widget_range(in, "y", &s->y0, &s->y1))
		s->y0 = s->view.lo_b, s->y1 = s->view.hi_b;
	s->start[0] = s->view.start_a;
	s->start[1] = s->view.start_b;
	if (widget_nums(in, "start", st, 2) == 2)
		s->start[0] = st[0], s->start[1] = st[1];
	s->max_steps = (size_t)widget_num(in, "steps", 200);
	s->noise = widget_num(in, "noise", 0);
	steps_init(&s->at, 0);
	s->at.speed = widget_num(in, "speed", 20);
	s->nw = (int)widget_nwords(in, "optimizers");
	if (s->nw < 1 || s->nw > SF_RUNS)
		s->nw = s->nw < 1 ? 1 : SF_RUNS;
	nlr = widget_nums(in, "lr", lr, SF_RUNS);
	s->trail = malloc((s->max_steps + 1) * sizeof *s->trail);
	if (!s->trail) {
		surf_free(in);
		return -1;
	}
	for (k = 0; k < (size_t)s->nw; k++) {
		Walk *w = &s->w[k];
		OptimKind ok = OPTIM_SGD;
		const char *name = widget_word(in, "optimizers", k);
		optim_from_name(&ok, name ? name : "sgd");
		optim_defaults(&w->cfg, ok);
		if (nlr)
			w->cfg.lr = lr[k < nlr ? k : nlr - 1];
		s->names[k] = optim_name(ok);
		s->cls[k] = (int)k;
		w->px = malloc(4 * (s->max_steps + 1) * sizeof *w->px);
		if (!w->px) {
			surf_free(in);
			return -1;
		}
		w->py = w->px + s->max_steps + 1;
		w->loss = w->py + s->max_steps + 1;
		w->steps = w->loss + s->max_steps + 1;
	}
	if (reset(s) != 0) {
		surf_free(in);
		return -1;
	}
	return 0;
}

static bool side_by_side(int w)
{
	return w >= SF_SIDE;
}

static int surf_height(const Instance *in, int width)
{
	const Surf *s = in->state;

	return (int)widget_num(in, "height", 14) + (side_by_side(width) ? 0 : SF_LOSS_ROWS) +
	       s->nw + 1;
}

/* The contour lines: log10 of the height above the minimum (the saddle: the value),
 * at levels evenly between the lowest and the highest sample. */
static void contours(Surf *s, Caps caps)
{
	Canvas *c = &s->plot.cv;
	int fw, fh, i, j, k;
	double lo = INFINITY, hi = -INFINITY, p[2];
	bool logf = s->surf.kind != SURFACE_SADDLE;
	int levels = caps.unicode ? 5 : 3; /* ASCII lines are coarse: fewer, or the paths drown */

	fw = c->w;
	fh = 2 * c->h;
	if ((size_t)(fw * fh) > s->fcap) {
		double *f = realloc(s->field, (size_t)(fw * fh) * sizeof *f);
		if (!f)
			return;
		s->field = f;
		s->fcap = (size_t)(fw * fh);
	}
	for (j = 0; j < fh; j++)
		for (i = 0; i < fw; i++) {
			double v;
			canvas_sample(c, i, j, fw, fh, &p[0], &p[1]);
			v = surface_value(NULL, &s->surf, p);
			v = logf ? log10(fmax(v - s->view.min_value, 0) + 1e-3) : v;
			s->field[j * fw + i] = v;
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	for (k = 1; k <= levels; k++)
		plot_contour(&s->plot, s->field, fw, fh, lo + (hi - lo) * k / (levels + 1),
			     COLOUR_MUTED);
}

/* The map: contours, each path as a line (Unicode) and a trail of its class's markers,
 * the start, the minimum. */
static void draw_map(Surf *s, Grid *g, int x, int y, int w, int h, Caps caps)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int k;

	o.x0 = s->x0, o.x1 = s->x1, o.y0 = s->y0, o.y1 = s->y1;
	plot_begin(&s->plot);
	if (plot_layout(&s->plot, x, y, w, h, &o, caps, false) != 0)
		return;
	contours(s, caps);
	for (k = 0; k < s->nw; k++) {
		size_t i;
		if (caps.unicode)
			plot_line(&s->plot, s->w[k].px, s->w[k].py, s->w[k].n, plot_colour(k), k);
		for (i = 0; i < s->w[k].n; i++)
			s->trail[i] = k;
		plot_points(&s->plot, s->w[k].px, s->w[k].py, s->trail, s->w[k].n);
	}
	canvas_data_mark(&s->plot.cv, s->start[0], s->start[1], caps.unicode ? 0x25C6 : 'S',
			 COLOUR_NONE);
	if (s->view.has_min)
		canvas_data_mark(&s->plot.cv, s->view.min_a, s->view.min_b,
				 caps.unicode ? 0x2605 : '*', COLOUR_NONE);
	plot_draw(&s->plot, g);
}

/* The loss curves, log y but for the saddle (whose values go below 0). */
static void draw_curves(Surf *s, Grid *g, int x, int y, int w, int h, Caps caps)
{
	PlotSeries ps[SF_RUNS];
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int k;

	o.logy = s->surf.kind != SURFACE_SADDLE;
	o.x0 = 0;
	o.x1 = (double)s->max_steps;
	for (k = 0; k < s->nw; k++) {
		memset(&ps[k], 0, sizeof ps[k]);
		ps[k].name = s->names[k];
		ps[k].x = s->w[k].steps;
		ps[k].y = s->w[k].loss;
		ps[k].n = s->w[k].n;
		ps[k].colour = plot_colour(k);
	}
	plot_line_chart(&s->curves, g, x, y, w, h, &o, ps, s->nw, caps);
}

/* A run's line: "● adam  lr 0.1  loss 3.2e-4  at the minimum at step 37", or when
 * that is wider than width "● adam  3.2e-4  min at 37". */
static void run_line(const Surf *s, int k, char *out, size_t size, int width, Caps caps)
{
	const Walk *wk = &s->w[k];
	char lr[32], loss[32], mark[8], end[96] = "";
	int n;

	visual_num(lr, sizeof lr, wk->cfg.lr, 4);
	axes_number(loss, sizeof loss, wk->loss[wk->n - 1], 3);
	mark[utf8_encode(mark, plot_marker(k, caps))] = '\0';
	if (wk->diverged)
		snprintf(end, sizeof end, "  %s", _("diverged"));
	else if (wk->arrived >= 0)
		snprintf(end, sizeof end, _("  at the minimum at step %ld"), wk->arrived);
	n = snprintf(out, size, "%s %-9s ", mark, s->names[k]);
	n += snprintf(out + n, size - (size_t)n, _("lr %s  loss %s"), lr, loss);
	snprintf(out + n, size - (size_t)n, "%s", end);
	if (utf8_width(out, strlen(out)) <= width)
		return;
	if (wk->arrived >= 0 && !wk->diverged)
		snprintf(end, sizeof end, _("  min at %ld"), wk->arrived);
	snprintf(out, size, "%s %s  %s%s", mark, s->names[k], loss, end);
}

/* "step 37/200: adam arrived first, at step 37" ("37/200: adam first, 37" when that is
 * wider than w). */
static void summary(const Surf *s, char *out, size_t size, int w)
{
	int k, first = -1;
	size_t n = (size_t)snprintf(out, size, _("step %zu/%zu"), s->step, s->max_steps);

	for (k = 0; k < s->nw; k++)
		if (s->w[k].arrived >= 0 && (first < 0 || s->w[k].arrived < s->w[first].arrived))
			first = k;
	if (!s->view.has_min)
		snprintf(out + n, size - n, ": %s", _("a saddle has no minimum"));
	else if (first >= 0)
		snprintf(out + n, size - n, _(": %s arrived first, at step %ld"), s->names[first],
			 s->w[first].arrived);
	else if (s->step == 0)
		snprintf(out + n, size - n, ": %s", _("arrows move the start, Space runs"));
	if (utf8_width(out, strlen(out)) <= w || first < 0)
		return;
	snprintf(out, size, _("%zu/%zu: %s first, %ld"), s->step, s->max_steps, s->names[first],
		 s->w[first].arrived);
}

static void surf_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	Surf *s = in->state; /* draws on its scratch plots only */
	int h = (int)widget_num(in, "height", 14), k, y;
	char line[256];

	if (side_by_side(r.w)) {
		int mw = r.w * 11 / 20;
		draw_map(s, g, r.x, r.y, mw, h, caps);
		draw_curves(s, g, r.x + mw + 1, r.y, r.w - mw - 1, h, caps);
		y = r.y + h;
	} else {
		draw_map(s, g, r.x, r.y, r.w, h, caps);
		draw_curves(s, g, r.x, r.y + h, r.w, SF_LOSS_ROWS, caps);
		y = r.y + h + SF_LOSS_ROWS;
	}
	for (k = 0; k < s->nw; k++, y++) {
		run_line(s, k, line, sizeof line, r.w, caps);
		grid_text(g, r.x, y, line, strlen(line), r.w, STYLE_NORMAL);
	}
	summary(s, line, sizeof line, r.w);
	grid_text(g, r.x, y, line, strlen(line), r.w, focused ? STYLE_BOLD : STYLE_NORMAL);
	if (focused) {
		*cx = r.x;
		*cy = y;
	}
}

static unsigned surf_key(Instance *in, const Key *k)
{
	Surf *s = in->state;
	double dx = (s->x1 - s->x0) / 24, dy = (s->y1 - s->y0) / 24, a = s->start[0], b = s->start[1];

	if (key_is_char(k, ' ')) {
		surf_animate(in, s->at.playing ? ANIM_PAUSE : ANIM_PLAY, 0);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, 'r')) {
		steps_go(&s->at, steps_n(s), 0);
		steps_stop(&s->at, &in->animating);
		follow(s);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_LEFT)
		a -= dx;
	else if (k->code == K_RIGHT)
		a += dx;
	else if (k->code == K_UP)
		b += dy;
	else if (k->code == K_DOWN)
		b -= dy;
	else
		return WIDGET_IGNORED;
	a = a < s->x0 ? s->x0 : a > s->x1 ? s->x1 : a;
	b = b < s->y0 ? s->y0 : b > s->y1 ? s->y1 : b;
	if (a == s->start[0] && b == s->start[1])
		return WIDGET_IGNORED; /* at the edge: Up and Down scroll the page */
	s->start[0] = a;
	s->start[1] = b;
	steps_go(&s->at, steps_n(s), 0);
	steps_stop(&s->at, &in->animating);
	reset(s);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool surf_tick(Instance *in, double dt)
{
	Surf *s = in->state;

	return steps_tick(&s->at, steps_n(s), dt, &in->animating) && follow(s);
}

static void surf_anim_state(const Instance *in, AnimState *st)
{
	const Surf *s = in->state;

	steps_state(&s->at, steps_n(s), st);
	st->step = (int)s->step; /* step 0 is the start: n steps of n + 1 positions */
	st->steps--;
}

/* "step"; "loss": each run's loss now, named by its optimizer; "points": where each
 * run is (class k for run k). */
static bool surf_output(const Instance *in, const char *name, Data *out)
{
	Surf *s = in->state;
	int k;

	out->version = s->version;
	for (k = 0; k < s->nw; k++) {
		const Walk *w = &s->w[k];
		s->loss[k] = w->loss[w->n - 1];
		s->pub[2 * k] = w->px[w->n - 1];
		s->pub[2 * k + 1] = w->py[w->n - 1];
	}
	if (strcmp(name, "step") == 0) {
		out->scalar = (double)s->step;
		out->v = &out->scalar;
		out->n = 1;
	} else if (strcmp(name, "loss") == 0) {
		out->n = (size_t)s->nw;
		out->v = s->loss;
		out->labels = s->names;
	} else {
		out->n = (size_t)s->nw;
		out->v = s->pub;
		out->cls = s->cls;
	}
	return true;
}

static const WidgetOps surf_ops = {
	.init = surf_init,
	.free = surf_free,
	.height = surf_height,
	.draw = surf_draw,
	.key = surf_key,
	.tick = surf_tick,
	.output = surf_output,
	.animate = surf_animate,
	.anim_state = surf_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "fn", .type = PARAM_CHOICE, .choices = "bowl|valley|rosenbrock|saddle|beale",
     .def = "bowl", .help = N_("the surface")},
    {.name = "cond", .type = PARAM_NUMBER, .min = 1, .max = 1000, .def = "10",
     .help = N_("the valley's condition number: how much steeper across than along")},
    {.name = "optimizers", .type = PARAM_WORDS, .nmin = 1, .nmax = SF_RUNS,
     .choices = OPTIMIZERS, .def = "sgd", .help = N_("the optimizers that race down")},
    {.name = "lr", .type = PARAM_NUMBERS, .min = 1e-6, .max = 10, .nmax = SF_RUNS,
     .help = N_("a learning rate for each optimizer (default: the optimizer's own)")},
    {.name = "start", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 2, .nmax = 2,
     .help = N_("where they start: a,b (default: a start that shows the surface)")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 5000, .def = "200",
     .help = N_("the steps a run takes at most")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 1, .max = 1000, .def = "20",
     .help = N_("steps per second while running")},
    {.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 10, .def = "0",
     .help = N_("noise added to each gradient, as a mini-batch's")},
    {.name = "x", .type = PARAM_RANGE, .help = N_("the first parameter's range shown")},
    {.name = "y", .type = PARAM_RANGE, .help = N_("the second parameter's range shown")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 40, .def = "14",
     .help = N_("rows of the map")},
};

static const OutputSpec outputs[] = {
    {"step", DATA_SCALAR, N_("the steps taken")},
    {"loss", DATA_VECTOR, N_("each run's loss now, named by its optimizer")},
    {"points", DATA_POINTS, N_("where each run is, a class each")},
};

static const KindKey keys[] = {
    {"Left Right Up Down", N_("move the start")},
    {"Space", N_("run or pause")},
    {"r", N_("back to the start")},
};

const WidgetKind surface_kind = {
    .schema = {.name = "surface",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("optimizers racing down a loss surface, with their loss curves"),
               .example = "id=descent fn=rosenbrock optimizers=sgd,momentum,adam "
                          "lr=0.001,0.002,0.1 steps=400"},
    .ops = &surf_ops,
    KIND_LIST(keys, keys),
};
