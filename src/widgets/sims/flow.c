/* flow.c: the flow kind: a real normalizing flow (nn/flow.h) of affine coupling layers
 * trained live on the two moons (Space plays or pauses; nothing runs while paused). A
 * Gaussian cloud z is carried through the layers one at a time, towards the data
 * (Right: a layer's inverse) and back (Left: the layer itself), with every layer's mean
 * log|det J| on the way, the held-out NLL and the error of the round trip z -> x -> z.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/plot.h"
#include "nls.h"
#include "nn/flow.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum {
	FL_CLOUD = 120, /* the Gaussian cloud carried through the layers */
	FL_HELD = 256,  /* held-out points of the target: the NLL, and drawn behind */
	FL_MAXK = 8,    /* coupling layers at most */
	FL_PANEL = 36   /* the panel's columns beside the chart */
};

typedef struct {
	Flow f;
	Plot plot;
	Steps at;  /* the training step, as an animation position */
	int max;   /* the last training step */
	int stage; /* layers the cloud has crossed towards x, 0 .. K */
	int last;  /* the layer crossed by the last key, or -1 */
	bool back; /* that crossing went towards z */
	double z0[2 * FL_CLOUD];                    /* the cloud as drawn from N(0, I) */
	double path[(FL_MAXK + 1) * 2 * FL_CLOUD];  /* after j layers' inverses, j = 0 .. K */
	double walk[2 * FL_CLOUD];                  /* the cloud where the keys took it */
	double wx[FL_CLOUD], wy[FL_CLOUD];
	double tmp[2 * FL_CLOUD], tld[FL_CLOUD];
	double held[2 * FL_HELD], hx[FL_HELD], hy[FL_HELD], lp[FL_HELD];
	double ld[FL_MAXK]; /* mean log|det J_k| (x -> z) over the cloud on its way, by k */
	double step_ld;     /* mean log|det| the last key's crossing added (its direction) */
	double nll, nll0;   /* held-out NLL now and before training */
	double trip;        /* max |f(f^-1(z0)) - z0| over the cloud */
	unsigned long version;
	bool primed, broken; /* measured and trained to the start (on first use) */
} FlowW;

static size_t layers(const FlowW *w)
{
	return w->f.cfg.layers;
}

static void split(double *x, double *y, const double *xy, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		x[i] = xy[2 * i], y[i] = xy[2 * i + 1];
}

/* The cloud where the keys took it, and its coordinates for drawing. */
static void set_walk(FlowW *w, const double *v)
{
	if (v != w->walk)
		memcpy(w->walk, v, sizeof w->walk);
	split(w->wx, w->wy, w->walk, FL_CLOUD);
}

/* After the weights changed: the cloud's path through the inverses of layers K-1 .. 0
 * with each layer's mean log|det J_k| = mean s_k (the inverse adds -s_k), the round trip
 * error max |f(f^-1(z0)) - z0|, the held-out NLL = -mean log p(x); the walk restarts on
 * the path at its stage. */
static void measure(FlowW *w)
{
	size_t K = layers(w), j, i, N = FL_CLOUD;

	memcpy(w->path, w->z0, sizeof w->z0);
	for (j = 1; j <= K; j++) {
		size_t k = K - j;
		double s = 0;
		memset(w->tld, 0, sizeof w->tld);
		flow_layer(w->path + j * 2 * N, w->tld, &w->f, k, w->path + (j - 1) * 2 * N, N, 1);
		for (i = 0; i < N; i++)
			s -= w->tld[i] / (double)N;
		w->ld[k] = s;
	}
	flow_forward(w->tmp, NULL, &w->f, w->path + K * 2 * N, N);
	w->trip = 0;
	for (i = 0; i < 2 * N; i++)
		if (fabs(w->tmp[i] - w->z0[i]) > w->trip)
			w->trip = fabs(w->tmp[i] - w->z0[i]);
	flow_log_prob(w->lp, &w->f, w->held, FL_HELD);
	w->nll = 0;
	for (i = 0; i < FL_HELD; i++)
		w->nll -= w->lp[i] / FL_HELD;
	set_walk(w, w->path + (size_t)w->stage * 2 * N);
	w->version++;
}

/* Trains to the position the animation asks (from the seed again when it went back). */
static int reach(FlowW *w)
{
	size_t to = (size_t)steps_at(&w->at, w->max + 1);

	if (to < w->f.steps) {
		FlowConfig c = w->f.cfg;
		flow_free(&w->f);
		if (flow_init(&w->f, &c) != NN_OK) {
			w->broken = true; /* f is empty now: nothing more is drawn or run */
			return -1;
		}
	}
	while (w->f.steps < to)
		flow_step(&w->f);
	measure(w);
	return 0;
}

static void flow_free_(Instance *in)
{
	FlowW *w = in->state;

	if (!w)
		return;
	flow_free(&w->f);
	plot_free(&w->plot);
	free(w);
	in->state = NULL;
}

static int flow_init_(Instance *in)
{
	FlowW *w = calloc(1, sizeof *w);
	FlowConfig c;
	Rng r;
	size_t i;

	if (!w)
		return -1;
	in->state = w;
	plot_init(&w->plot);
	flow_defaults(&c, TOYDIST_MOONS);
	c.layers = (size_t)widget_num(in, "layers", 6);
	c.seed = (uint64_t)widget_num(in, "seed", 1);
	if (flow_init(&w->f, &c) != NN_OK) {
		flow_free_(in);
		return -1;
	}
	rng_seed(&r, c.seed + 1);
	toydist_sample(w->held, c.target, FL_HELD, &r);
	split(w->hx, w->hy, w->held, FL_HELD);
	rng_seed(&r, c.seed + 2);
	for (i = 0; i < 2 * FL_CLOUD; i++)
		w->z0[i] = rng_normal(&r, 0, 1);
	w->max = (int)widget_num(in, "steps", 600);
	w->stage = (int)widget_num(in, "stage", 0);
	if (w->stage > (int)c.layers)
		w->stage = (int)c.layers;
	w->last = -1;
	steps_init(&w->at, 0);
	w->at.speed = widget_num(in, "speed", 60);
	steps_go(&w->at, w->max + 1, (int)widget_num(in, "start", 0));
	return 0;
}

/* The state, measured before training and trained to the start on first use (the first
 * layout, key, tick or reader), not when the scene is made. */
static FlowW *ready(const Instance *in)
{
	FlowW *w = in->state;

	if (!w->primed) {
		w->primed = true;
		measure(w);
		w->nll0 = w->nll;
		w->broken = reach(w) != 0;
	}
	return w;
}

static int panel_lines(const FlowW *w)
{
	return 7 + (int)layers(w);
}

static int flow_height(const Instance *in, int width)
{
	int h = (int)widget_num(in, "height", 12), p = panel_lines(in->state);

	return visual_beside_height(width, h, FL_PANEL, p);
}

/* The panel's lines (panel_lines, each ending in a newline). */
static size_t panel(const FlowW *w, Caps caps, char *out, size_t size)
{
	size_t K = layers(w), j, len = 0;
	const char *to = caps.unicode ? "→" : "->";
	char num[32], num2[32];
	double sum = 0;

	len = str_addf(out, size, len, _("training step %zu/%d, %s\n"), w->f.steps, w->max,
		       w->at.playing ? _("playing") : _("paused"));
	visual_fixed(num, sizeof num, w->nll, 3);
	visual_fixed(num2, sizeof num2, w->nll0, 3);
	len = str_addf(out, size, len, _("test NLL %s (at step 0: %s)\n"), num, num2);
	if (w->stage == 0)
		len = str_addf(out, size, len, _("cloud: z, the Gaussian\n"));
	else if ((size_t)w->stage == K)
		len = str_addf(out, size, len, _("cloud: x, through all %zu layers\n"), K);
	else
		len = str_addf(out, size, len, _("cloud: through %d of %zu layers\n"), w->stage, K);
	len = str_addf(out, size, len, _("  layer k   mean log|det J_k|\n"));
	for (j = 0; j < K; j++) {
		size_t k = K - 1 - j; /* in the order the cloud crosses them towards x */
		const char *mark = (int)k == w->last ? (caps.unicode ? "▸" : ">")
			: (int)j < w->stage ? "*" : " ";
		visual_fixed(num, sizeof num, w->ld[k], 3);
		len = str_addf(out, size, len, "%s %zu         %7s\n", mark, k, num);
		sum += w->ld[k];
	}
	visual_fixed(num, sizeof num, sum, 3);
	len = str_addf(out, size, len, _("  sum       %7s\n"), num);
	if (w->last >= 0) {
		visual_fixed(num, sizeof num, w->step_ld, 3);
		len = str_addf(out, size, len, _("last: layer %d %s, log|det| %s\n"), w->last,
			       w->back ? "x->z" : "z->x", num);
	} else {
		len = str_addf(out, size, len, _("last: no layer crossed yet\n"));
	}
	snprintf(num, sizeof num, "%.1e", w->trip);
	len = str_addf(out, size, len, _("round trip z%sx%sz: error %s\n"), to, to, num);
	return len;
}

static void flow_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	FlowW *w = ready(in); /* draws on its scratch plot only */
	PlotOpts o = PLOT_OPTS_DEFAULT;
	char buf[2048];
	size_t n = panel(w, caps, buf, sizeof buf);
	int h = (int)widget_num(in, "height", 12), pw, px, py;

	visual_beside(r, h, FL_PANEL, &pw, &px, &py);

	if (w->broken) {
		grid_str(g, r.x, r.y, _("out of memory"), STYLE_DIM);
		return;
	}
	o.x0 = -3, o.x1 = 3, o.y0 = -3, o.y1 = 3;
	plot_begin(&w->plot);
	plot_legend(&w->plot, _("target"), COLOUR_MUTED, caps.unicode ? 0x2801 : '.', 0);
	plot_legend(&w->plot, _("cloud"), plot_colour(0), plot_marker(0, caps), 0);
	if (plot_layout(&w->plot, r.x, r.y, pw, h, &o, caps, false) == 0) {
		plot_dots(&w->plot, w->hx, w->hy, FL_HELD, COLOUR_MUTED);
		plot_points(&w->plot, w->wx, w->wy, NULL, FL_CLOUD);
		plot_draw(&w->plot, g);
	}
	visual_lines(g, px, py, r.w - (px - r.x), buf, n, panel_lines(w), 2);
	if (focused) {
		*cx = px;
		*cy = py;
	}
}

/* Carries the cloud one layer on: towards x through the inverse of the next layer
 * (back false), or towards z through the layer it came from; the mean log|det| the
 * crossing adds (-s forward of the data's direction, s back) is kept. */
static void cross(FlowW *w, bool back)
{
	size_t K = layers(w), k = back ? K - (size_t)w->stage : K - 1 - (size_t)w->stage, i;

	memset(w->tld, 0, sizeof w->tld);
	flow_layer(w->walk, w->tld, &w->f, k, w->walk, FL_CLOUD, !back);
	w->step_ld = 0;
	for (i = 0; i < FL_CLOUD; i++)
		w->step_ld += w->tld[i] / FL_CLOUD;
	w->stage += back ? -1 : 1;
	w->last = (int)k;
	w->back = back;
	set_walk(w, w->walk);
	w->version++;
}

static unsigned flow_key(Instance *in, const Key *k)
{
	FlowW *w = ready(in);

	if (w->broken)
		return WIDGET_IGNORED;
	if (key_is_char(k, ' ')) {
		steps_command(&w->at, w->max + 1, w->at.playing ? ANIM_PAUSE : ANIM_PLAY, 0,
			      &in->animating);
		if (reach(w) != 0)
			return WIDGET_IGNORED;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_RIGHT && (size_t)w->stage < layers(w))
		cross(w, false);
	else if (k->code == K_LEFT && w->stage > 0)
		cross(w, true);
	else
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* Playing: the training steps the time asks, taken now (a few per frame). */
static bool flow_tick(Instance *in, double dt)
{
	FlowW *w = ready(in);

	if (w->broken) {
		in->animating = false;
		return false;
	}
	if (!steps_tick(&w->at, w->max + 1, dt, &in->animating))
		return false;
	return reach(w) == 0;
}

static void flow_animate(Instance *in, AnimCommand cmd, double arg)
{
	FlowW *w = ready(in);

	if (!w->broken && steps_command(&w->at, w->max + 1, cmd, arg, &in->animating))
		reach(w);
}

static void flow_anim_state(const Instance *in, AnimState *st)
{
	const FlowW *w = in->state;

	steps_state(&w->at, w->max + 1, st);
}

/* "cloud": the cloud where the keys took it; "logdet": mean log|det J_k| by layer k;
 * numbers "nll", "nll0", "trip", "stage", "step", "crossed" (the last key's mean
 * log|det|). */
static bool flow_output(const Instance *in, const char *name, Data *out)
{
	FlowW *w = ready(in);

	if (w->broken)
		return false;
	out->version = w->version;
	if (strcmp(name, "cloud") == 0) {
		out->n = FL_CLOUD, out->v = w->walk;
		return true;
	}
	if (strcmp(name, "logdet") == 0) {
		out->n = layers(w), out->v = w->ld;
		return true;
	}
	if (strcmp(name, "nll") == 0)
		out->scalar = w->nll;
	else if (strcmp(name, "nll0") == 0)
		out->scalar = w->nll0;
	else if (strcmp(name, "trip") == 0)
		out->scalar = w->trip;
	else if (strcmp(name, "stage") == 0)
		out->scalar = w->stage;
	else if (strcmp(name, "step") == 0)
		out->scalar = (double)w->f.steps;
	else if (strcmp(name, "crossed") == 0)
		out->scalar = w->step_ld;
	else
		return false;
	out->v = &out->scalar, out->n = 1;
	return true;
}

static const WidgetOps flow_ops = {
    .init = flow_init_,
    .free = flow_free_,
    .height = flow_height,
    .draw = flow_draw,
    .key = flow_key,
    .tick = flow_tick,
    .output = flow_output,
    .animate = flow_animate,
    .anim_state = flow_anim_state,
};

static const ParamSpec params[] = {
    {.name = "layers", .type = PARAM_INT, .min = 1, .max = FL_MAXK, .def = "6",
     .help = N_("coupling layers")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 5000, .def = "600",
     .help = N_("the training steps (batches of 128 points of the moons) it plays up to")},
    {.name = "start", .type = PARAM_INT, .min = 0, .max = 5000, .def = "0",
     .help = N_("the steps already taken when the page opens")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 1, .max = 500, .def = "60",
     .help = N_("training steps a second while it plays")},
    {.name = "stage", .type = PARAM_INT, .min = 0, .max = FL_MAXK, .def = "0",
     .help = N_("the layers the cloud has crossed towards the data at first")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 40, .def = "12",
     .help = N_("rows of the chart")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights and the batches (the held-out points and the "
                "cloud come from the next two seeds)")},
};

static const OutputSpec outputs[] = {
    {"nll", DATA_SCALAR, N_("the negative log-likelihood of 256 held-out points, in nats")},
    {"nll0", DATA_SCALAR, N_("the same before training")},
    {"trip", DATA_SCALAR,
     N_("the largest error of the round trip z to x and back over the cloud")},
    {"stage", DATA_SCALAR, N_("the layers the cloud has crossed towards the data")},
    {"step", DATA_SCALAR, N_("the training steps taken")},
    {"crossed", DATA_SCALAR,
     N_("the mean log-determinant the last crossing added, in its direction")},
    {"logdet", DATA_VECTOR,
     N_("each layer's mean log|det J| (data to z) over the cloud on its way")},
    {"cloud", DATA_POINTS, N_("the cloud, where the keys took it")},
};

static const KindKey keys[] = {
    {"Space", N_("train or pause; again at the end")},
    {"Right", N_("carry the cloud one layer towards the data (z to x)")},
    {"Left", N_("carry it one layer back (x to z)")},
};

const WidgetKind flow_kind = {
    .schema = {.name = "flow",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a normalizing flow of the two moons trained live: a Gaussian "
                          "cloud carried layer by layer to the data and back, with each "
                          "layer's log-determinant"),
               .example = "id=warp steps=20"},
    .ops = &flow_ops,
    .flags = 0,
    KIND_LIST(keys, keys),
};
