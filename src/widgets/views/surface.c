/* surface.c: a loss surface of two parameters (bowl, valley, Rosenbrock, saddle,
 * Beale, a line fit's mean squared error) with the descent path of each of the
 * library's optimizers (nn/surface.h: sgd, momentum, adam... each with its learning
 * rate, momentum and, on the line fit, its mini-batch), which sliders and a choice may
 * set; the learner moves the start with the arrows, Space runs them side by side, s
 * steps, r resets; who reaches the goal loss first is told, and on the quadratic
 * surfaces what theory says of the best settings beside the best a scan measures.
 * The animation contract plays it step by step. How it looks: surface-view.c. Must
 * not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"
#include "widgets/views/surface.h"

#define OPTIMIZERS "sgd|momentum|nesterov|adam|adamw|rmsprop"

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
		surface_run_batch(&w->run, w->batch);
		w->n = 1;
		w->px[0] = s->start[0];
		w->py[0] = s->start[1];
		w->loss[0] = w->run.loss;
		w->steps[0] = 0;
		w->arrived = w->run.loss <= s->goal ? 0 : -1;
		w->diverged = false;
	}
	return 0;
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
		if (w->arrived < 0 && f <= s->goal)
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

/* What theory says of a quadratic surface, and the best settings of a scan around it
 * (rates from a twentieth of plain descent's best to twice heavy ball's, momentums 0 to
 * 0.95), from the start to the goal within the widget's steps. */
static void theorize(Surf *s)
{
	static const OptimKind kinds[2] = {OPTIM_SGD, OPTIM_MOMENTUM};
	OptimConfig oc;
	SurfaceScan scan;
	int k;

	s->quadratic = s->theory && surface_theory(&s->th, &s->surf) == 0;
	if (!s->quadratic)
		return;
	scan.lr_lo = s->th.gd_lr / 20;
	scan.lr_hi = s->th.hb_lr * 2;
	scan.nlr = 40;
	scan.mom_hi = 0.95;
	scan.nmom = 20;
	for (k = 0; k < 2; k++) {
		optim_defaults(&oc, kinds[k]);
		oc.lr = k ? s->th.hb_lr : s->th.gd_lr;
		oc.momentum = s->th.hb_momentum;
		s->th_steps[k] = surface_steps_to(&s->surf, &oc, s->start, s->goal, s->max_steps);
		if (surface_best(&s->best[k], &s->surf, &oc, s->start, s->goal, s->max_steps,
				 &scan) != NN_OK)
			s->best[k].steps = -1;
	}
}

/* The surface kind as the directive and fn_from's choice say: its view, start and goal
 * (x=, y=, start= apply to fn='s own surface). */
static void set_surface(Surf *s, const Instance *in, SurfaceKind kind)
{
	SurfaceKind own = SURFACE_BOWL;
	double st[2];

	surface_from_name(&own, widget_str(in, "fn", "bowl"));
	surface_defaults(&s->surf, kind);
	s->surf.cond = widget_num(in, "cond", 10);
	surface_view(&s->view, &s->surf);
	s->x0 = s->view.lo_a, s->x1 = s->view.hi_a;
	s->y0 = s->view.lo_b, s->y1 = s->view.hi_b;
	s->start[0] = s->view.start_a;
	s->start[1] = s->view.start_b;
	if (kind == own) {
		widget_range(in, "x", &s->x0, &s->x1);
		widget_range(in, "y", &s->y0, &s->y1);
		if (widget_nums(in, "start", st, 2) == 2)
			s->start[0] = st[0], s->start[1] = st[1];
	}
	s->goal = s->view.min_value + widget_num(in, "goal", s->view.goal);
	s->lmin = s->lmax = 0;
	{
		SurfaceTheory th;
		if (surface_theory(&th, &s->surf) == 0)
			s->lmin = th.lmin, s->lmax = th.lmax;
	}
}

/* Item k of a list parameter of numbers (the last one repeating), or def. */
static double nth_num(const Instance *in, const char *key, int k, double def)
{
	double v[SF_RUNS];
	size_t n = widget_nums(in, key, v, SF_RUNS);

	return n ? v[(size_t)k < n ? (size_t)k : n - 1] : def;
}

/* The number of the widget named by item k of a list of references (the last one
 * repeating) into *v; false when there is none. */
static bool nth_ref(const Instance *in, const char *key, int k, double *v)
{
	size_t n = widget_nwords(in, key), i = (size_t)k < n ? (size_t)k : n - 1;

	return n && scene_value(in->scene, widget_word(in, key, i), v);
}

/* Reads the settings that sliders and a choice give (fn_from, lr_from, momentum_from)
 * and starts everything again at the played step when they changed. Returns whether
 * anything changed. */
static bool read_settings(Surf *s, const Instance *in)
{
	const char *from = widget_str(in, "fn_from", NULL);
	SurfaceKind kind = s->surf.kind;
	bool changed = false, moved = false;
	int k;

	if (from && surface_from_name(&kind, visual_choice_word(in->scene, from)) == 0 &&
	    kind != s->surf.kind) {
		set_surface(s, in, kind);
		changed = moved = true;
	}
	for (k = 0; k < s->nw; k++) {
		OptimConfig *c = &s->w[k].cfg;
		double v;
		if (nth_ref(in, "lr_from", k, &v) && v > 0) {
			if (s->lr_bound && s->lmax > 0)
				v *= 2 / s->lmax; /* a multiple of the bound 2 / L */
			if (v != c->lr)
				c->lr = v, changed = true;
		}
		if (nth_ref(in, "momentum_from", k, &v) && v >= 0 && v < 1 && v != c->momentum)
			c->momentum = v, changed = true;
	}
	if (!changed)
		return false;
	if (moved)
		theorize(s);
	s->step = s->max_steps + 1; /* behind: follow starts again from the start */
	follow(s);
	return true;
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
	SurfaceKind kind = SURFACE_BOWL;
	size_t k;

	if (!s)
		return -1;
	in->state = s;
	plot_init(&s->plot);
	plot_init(&s->curves);
	surface_from_name(&kind, widget_str(in, "fn", "bowl"));
	set_surface(s, in, kind);
	s->max_steps = (size_t)widget_num(in, "steps", 200);
	s->noise = widget_num(in, "noise", 0);
	s->detail = widget_bool(in, "detail", false);
	s->theory = widget_bool(in, "theory", false);
	s->rates = widget_bool(in, "rates", false);
	s->lr_bound = widget_bool(in, "lr_bound", false);
	steps_init(&s->at, 0);
	s->at.speed = widget_num(in, "speed", 20);
	s->nw = (int)widget_nwords(in, "optimizers");
	if (s->nw < 1 || s->nw > SF_RUNS)
		s->nw = s->nw < 1 ? 1 : SF_RUNS;
	s->trail = malloc((s->max_steps + 1) * sizeof *s->trail);
	if (!s->trail) {
		surf_free(in);
		return -1;
	}
	for (k = 0; k < (size_t)s->nw; k++) {
		Walk *w = &s->w[k];
		OptimKind ok = OPTIM_SGD;
		const char *name = widget_word(in, "optimizers", k);
		size_t nn = widget_nwords(in, "names");
		optim_from_name(&ok, name ? name : "sgd");
		optim_defaults(&w->cfg, ok);
		w->cfg.lr = nth_num(in, "lr", (int)k, w->cfg.lr);
		if (s->lr_bound && s->lmax > 0)
			w->cfg.lr *= 2 / s->lmax;
		w->cfg.momentum = nth_num(in, "momentum", (int)k, w->cfg.momentum);
		w->batch = (size_t)nth_num(in, "batch", (int)k, 0);
		snprintf(s->names[k], sizeof s->names[k], "%s",
			 k < nn ? widget_word(in, "names", k) : optim_name(ok));
		s->labels[k] = s->names[k];
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
	read_settings(s, in);
	theorize(s);
	return 0;
}

static unsigned surf_key(Instance *in, const Key *k)
{
	Surf *s = in->state;
	double dx = (s->x1 - s->x0) / 24, dy = (s->y1 - s->y0) / 24, a = s->start[0], b = s->start[1];

	if (key_is_char(k, ' ')) {
		surf_animate(in, s->at.playing ? ANIM_PAUSE : ANIM_PLAY, 0);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, 's')) {
		surf_animate(in, ANIM_STEP, 0);
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
	theorize(s);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* Plays on; with dt 0 (the scene says something changed) looks at the sliders. */
static bool surf_tick(Instance *in, double dt)
{
	Surf *s = in->state;
	bool changed = read_settings(s, in);

	return (steps_tick(&s->at, steps_n(s), dt, &in->animating) && follow(s)) || changed;
}

static void surf_anim_state(const Instance *in, AnimState *st)
{
	const Surf *s = in->state;

	steps_state(&s->at, steps_n(s), st);
	st->step = (int)s->step; /* step 0 is the start: n steps of n + 1 positions */
	st->steps--;
}

/* "step"; "loss": each run's loss now, named; "points": where each run is (class k for
 * run k). */
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
		out->labels = s->labels;
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
	.height = surface_view_height,
	.draw = surface_view_draw,
	.key = surf_key,
	.tick = surf_tick,
	.output = surf_output,
	.animate = surf_animate,
	.anim_state = surf_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "fn", .type = PARAM_CHOICE, .choices = "bowl|valley|rosenbrock|saddle|beale|line",
     .def = "bowl",
     .help = N_("the surface (line: the mean squared error of a line fitted to noisy points)")},
    {.name = "fn_from", .type = PARAM_REF, .accepts = DATA_TEXT,
     .help = N_("a choice whose chosen option names the surface shown instead of fn")},
    {.name = "cond", .type = PARAM_NUMBER, .min = 1, .max = 1000, .def = "10",
     .help = N_("the valley's condition number: how much steeper across than along")},
    {.name = "optimizers", .type = PARAM_WORDS, .nmin = 1, .nmax = SF_RUNS,
     .choices = OPTIMIZERS, .def = "sgd", .help = N_("the optimizers that race down")},
    {.name = "names", .type = PARAM_WORDS, .nmax = SF_RUNS,
     .help = N_("a name for each run (default: its optimizer's)")},
    {.name = "lr", .type = PARAM_NUMBERS, .min = 1e-6, .max = 10, .nmax = SF_RUNS,
     .help = N_("a learning rate for each optimizer (default: the optimizer's own)")},
    {.name = "lr_from", .type = PARAM_REFS, .accepts = DATA_SCALAR, .nmin = 1, .nmax = SF_RUNS,
     .help = N_("sliders whose values are the runs' learning rates (the last one repeats)")},
    {.name = "momentum", .type = PARAM_NUMBERS, .min = 0, .max = 0.999, .nmax = SF_RUNS,
     .help = N_("the momentum of each momentum or Nesterov run (default 0.9)")},
    {.name = "momentum_from", .type = PARAM_REFS, .accepts = DATA_SCALAR, .nmin = 1,
     .nmax = SF_RUNS,
     .help = N_("sliders whose values are the runs' momentums (the last one repeats)")},
    {.name = "batch", .type = PARAM_NUMBERS, .min = 0, .max = SURFACE_POINTS, .nmax = SF_RUNS,
     .help = N_("on the line: the points each run's steps learn from (0: all of them)")},
    {.name = "start", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 2, .nmax = 2,
     .help = N_("where they start: a,b (default: a start that shows the surface)")},
    {.name = "goal", .type = PARAM_NUMBER, .min = -100, .max = 100,
     .help = N_("how far above the lowest loss counts as arrived (the saddle: below 0, "
                "escaped; default: 0.001, the saddle -1)")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 5000, .def = "200",
     .help = N_("the steps a run takes at most")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 1, .max = 1000, .def = "20",
     .help = N_("steps per second while running")},
    {.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 10, .def = "0",
     .help = N_("noise added to each gradient, as a mini-batch's")},
    {.name = "detail", .type = PARAM_BOOL, .def = "no",
     .help = N_("show the first run's last step number by number")},
    {.name = "theory", .type = PARAM_BOOL, .def = "no",
     .help = N_("on the bowl, valley and line: the best settings theory gives for SGD and "
                "momentum, beside the best of a scan")},
    {.name = "rates", .type = PARAM_BOOL, .def = "no",
     .help = N_("a line per run: the rate it shrinks the distance to the minimum by over its "
                "last 20 steps, and on the bowl, valley and line the rate theory gives SGD "
                "and momentum")},
    {.name = "lr_bound", .type = PARAM_BOOL, .def = "no",
     .help = N_("on the bowl, valley and line: lr and lr_from give multiples of 2/L, L the "
                "largest curvature, the bound below which SGD converges")},
    {.name = "x", .type = PARAM_RANGE, .help = N_("the first parameter's range shown")},
    {.name = "y", .type = PARAM_RANGE, .help = N_("the second parameter's range shown")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 40, .def = "14",
     .help = N_("rows of the map")},
};

static const OutputSpec outputs[] = {
    {"step", DATA_SCALAR, N_("the steps taken")},
    {"loss", DATA_VECTOR, N_("each run's loss now, named")},
    {"points", DATA_POINTS, N_("where each run is, a class each")},
};

static const KindKey keys[] = {
    {"Left Right Up Down", N_("move the start")},
    {"Space", N_("run or pause")},
    {"s", N_("one step")},
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
    .flags = KIND_WATCH,
    KIND_LIST(keys, keys),
};
