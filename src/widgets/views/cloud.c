/* cloud.c: a 2-D point cloud with a marker per class (embeddings; GAN, VAE and flow
 * samples) that glides to its new positions over a fraction of a second whenever what
 * it reads changes (points= a point set another widget publishes), or between literal
 * frames stepped with the arrows or the animation contract. Nothing runs while nothing
 * moves: the scene pokes it when something changed (KIND_WATCH). Axes fit the points
 * (every frame's, or where they come from and go to) or fixed ranges; points may have
 * names. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/plot.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"

enum { CLOUD_LIT = 256, CLOUD_NAMES = 6 };

typedef struct {
	Plot plot;            /* scratch for drawing */
	size_t n, cap;        /* points, and room */
	double *fx, *fy;      /* where they come from */
	double *tx, *ty;      /* where they go (what it publishes) */
	double *x, *y;        /* where they are */
	double *pub;          /* tx, ty interleaved, for readers */
	int *cls;
	double t, duration;   /* progress 0..1 of the move, seconds a move takes */
	bool moving;
	double lit[CLOUD_LIT]; /* literal frames, each n (x, y) pairs */
	int frames;
	Steps at;             /* the frame, for literal frames */
	bool refs;            /* reads points= */
	unsigned long seen, version;
} Cloud;

/* Room for n points; the arrays keep what they hold. Returns 0 or -1. */
static int reserve(Cloud *c, size_t n)
{
	double **arr[] = {&c->fx, &c->fy, &c->tx, &c->ty, &c->x, &c->y};
	size_t i;
	int *cls;
	double *pub;

	if (n <= c->cap)
		return 0;
	for (i = 0; i < sizeof arr / sizeof *arr; i++) {
		double *p = realloc(*arr[i], n * sizeof *p);
		if (!p)
			return -1;
		*arr[i] = p;
	}
	if (!(cls = realloc(c->cls, n * sizeof *cls)))
		return -1;
	c->cls = cls;
	if (!(pub = realloc(c->pub, 2 * n * sizeof *pub)))
		return -1;
	c->pub = pub;
	c->cap = n;
	return 0;
}

/* Sends the points towards v (n (x, y) pairs; classes cls or NULL: all 0): a glide
 * from where they are, or a jump when the number of points changed. */
static int retarget(Cloud *c, const double *v, const int *cls, size_t n)
{
	size_t i;
	bool jump = n != c->n || c->duration <= 0;

	if (reserve(c, n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		c->tx[i] = v[2 * i];
		c->ty[i] = v[2 * i + 1];
		if (jump) {
			c->x[i] = c->tx[i];
			c->y[i] = c->ty[i];
		}
		c->fx[i] = c->x[i];
		c->fy[i] = c->y[i];
		c->cls[i] = cls ? cls[i] : 0;
	}
	memcpy(c->pub, v, 2 * n * sizeof *v);
	c->n = n;
	c->t = jump ? 1 : 0;
	c->moving = !jump;
	c->version++;
	return 0;
}

/* The literal classes (class= per point, from 0), into cls; NULL when none given. */
static const int *literal_classes(const Instance *in, int *cls, size_t n)
{
	double k[CLOUD_LIT / 2];
	size_t m = widget_nums(in, "classes", k, n), i;

	if (m == 0)
		return NULL;
	for (i = 0; i < n; i++)
		cls[i] = i < m ? (int)k[i] : 0;
	return cls;
}

/* Goes to literal frame f. */
static void to_frame(Instance *in, int f)
{
	Cloud *c = in->state;
	int cls[CLOUD_LIT / 2];
	size_t n = c->n;

	retarget(c, c->lit + (size_t)f * 2 * n, literal_classes(in, cls, n), n);
	in->animating = c->moving || c->at.playing;
}

/* Looks at what it reads: a new version starts a glide. Returns whether it did. */
static bool look(Instance *in)
{
	Cloud *c = in->state;
	Data d;

	if (!c->refs || !scene_data(in, "points", &d) || d.version == c->seen)
		return false;
	c->seen = d.version;
	return retarget(c, d.v, d.cls, d.n) == 0;
}

static void cloud_free(Instance *in)
{
	Cloud *c = in->state;

	plot_free(&c->plot);
	free(c->fx);
	free(c->fy);
	free(c->tx);
	free(c->ty);
	free(c->x);
	free(c->y);
	free(c->pub);
	free(c->cls);
	free(c);
}

static int cloud_init(Instance *in)
{
	Cloud *c = calloc(1, sizeof *c);
	size_t nv;
	int cls[CLOUD_LIT / 2];

	if (!c)
		return -1;
	in->state = c;
	plot_init(&c->plot);
	c->duration = widget_num(in, "duration", 0.4);
	c->refs = widget_str(in, "points", NULL) != NULL;
	c->frames = (int)widget_num(in, "frames", 1);
	steps_init(&c->at, 0);
	nv = widget_nums(in, "values", c->lit, CLOUD_LIT);
	if (!c->refs && nv >= 2) {
		size_t n = (nv > CLOUD_LIT ? CLOUD_LIT : nv) / 2 / (size_t)c->frames;
		if (n == 0) {
			n = (nv > CLOUD_LIT ? CLOUD_LIT : nv) / 2;
			c->frames = 1;
		}
		if (retarget(c, c->lit, literal_classes(in, cls, n), n) != 0) {
			cloud_free(in);
			return -1;
		}
	} else {
		c->frames = 1;
		look(in); /* out of memory: no points, shown empty */
	}
	c->moving = false; /* the first state shows at once */
	return 0;
}

static int cloud_height(const Instance *in, int width)
{
	(void)width;
	return (int)widget_num(in, "height", 12) + (((const Cloud *)in->state)->frames > 1);
}

/* Whether the w cells from x on row y are blank and inside the canvas. */
static bool blank(const Canvas *cv, Grid *g, int x, int y, int w)
{
	int k;

	for (k = 0; k < w; k++) {
		Cell *cell = grid_at(g, x + k, y);
		if (!cell || x + k < cv->x || x + k >= cv->x + cv->w ||
		    (cell->ch != ' ' && cell->ch != 0x2800))
			return false;
	}
	return true;
}

/* Each named point's name beside its marker (right, else left), where the cells are
 * blank. */
static void draw_names(const Instance *in, const Cloud *c, Grid *g)
{
	const Canvas *cv = &c->plot.cv;
	size_t i;

	for (i = 0; i < c->n; i++) {
		const char *name = widget_word(in, "labels", i);
		int px, py, x, y, w;
		if (!name || !canvas_map(cv, c->x[i], c->y[i], &px, &py) || px < 0 || py < 0 ||
		    px >= cv->pw || py >= cv->ph)
			continue;
		x = cv->x + (px >> cv->lx);
		y = cv->y + (py >> cv->ly);
		w = utf8_width(name, strlen(name));
		if (blank(cv, g, x + 1, y, w + 1))
			grid_str(g, x + 2, y, name, STYLE_DIM);
		else if (blank(cv, g, x - w - 1, y, w + 1))
			grid_str(g, x - w - 1, y, name, STYLE_DIM);
	}
}

static void cloud_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	Cloud *c = in->state; /* draws on its scratch plot only */
	PlotOpts o = PLOT_OPTS_DEFAULT;
	const char *names[CLOUD_NAMES];
	size_t i, n = 0;
	int k, h = r.h - (c->frames > 1);

	(void)focused, (void)cx, (void)cy;
	widget_range(in, "x", &o.x0, &o.x1);
	widget_range(in, "y", &o.y0, &o.y1);
	plot_begin(&c->plot);
	if (!c->refs) /* every frame: the axes stay still */
		for (k = 0; k < c->frames; k++)
			for (i = 0; i < c->n; i++)
				plot_fit(&c->plot, &c->lit[2 * ((size_t)k * c->n + i)],
					 &c->lit[2 * ((size_t)k * c->n + i) + 1], 1);
	plot_fit(&c->plot, c->fx, c->fy, c->n);
	plot_fit(&c->plot, c->tx, c->ty, c->n);
	for (k = 0; k < CLOUD_NAMES && (names[k] = widget_word(in, "names", (size_t)k)); k++)
		plot_legend(&c->plot, names[k], plot_colour(k), plot_marker(k, caps), 0);
	if (plot_layout(&c->plot, r.x, r.y, r.w, h, &o, caps, false) != 0)
		return;
	plot_points(&c->plot, c->x, c->y, c->cls, c->n);
	plot_draw(&c->plot, g);
	draw_names(in, c, g);
	if (c->frames > 1) {
		char line[64];
		n = (size_t)snprintf(line, sizeof line, _("frame %d/%d"),
				     steps_at(&c->at, c->frames) + 1, c->frames);
		grid_text(g, r.x, r.y + h, line, n, r.w, focused ? STYLE_BOLD : STYLE_NORMAL);
		if (focused) {
			*cx = r.x;
			*cy = r.y + h;
		}
	}
}

/* Glides on by dt (0: only looks whether what it reads changed). */
static bool cloud_tick(Instance *in, double dt)
{
	Cloud *c = in->state;
	bool changed = look(in);
	size_t i;

	if (c->moving && dt > 0) {
		double e;
		c->t = c->t + dt / c->duration >= 1 ? 1 : c->t + dt / c->duration;
		e = c->t * c->t * (3 - 2 * c->t); /* smoothstep: starts and stops gently */
		for (i = 0; i < c->n; i++) {
			c->x[i] = c->fx[i] + (c->tx[i] - c->fx[i]) * e;
			c->y[i] = c->fy[i] + (c->ty[i] - c->fy[i]) * e;
		}
		c->moving = c->t < 1;
		changed = true;
	}
	/* A new frame's glide starts from here, at the next tick. */
	if (c->frames > 1 && steps_tick(&c->at, c->frames, dt, &in->animating)) {
		to_frame(in, steps_at(&c->at, c->frames));
		changed = true;
	}
	in->animating = c->moving || c->at.playing;
	return changed;
}

static unsigned cloud_key(Instance *in, const Key *k)
{
	Cloud *c = in->state;
	int to = c->frames > 1 ? steps_key_target(&c->at, c->frames, k, false) : -1;
	unsigned r = to < 0 ? WIDGET_IGNORED : steps_key_go(&c->at, c->frames, to, &in->animating);

	if (r != WIDGET_IGNORED)
		to_frame(in, to);
	return r;
}

static void cloud_animate(Instance *in, AnimCommand cmd, double arg)
{
	Cloud *c = in->state;

	if (steps_command(&c->at, c->frames, cmd, arg, &in->animating))
		to_frame(in, steps_at(&c->at, c->frames));
	in->animating = c->moving || c->at.playing;
}

static void cloud_anim_state(const Instance *in, AnimState *st)
{
	const Cloud *c = in->state;

	steps_state(&c->at, c->frames > 1 ? c->frames : 0, st);
}

/* "points": where the points go (the current frame, or the points read); "frame". */
static bool cloud_output(const Instance *in, const char *name, Data *out)
{
	const Cloud *c = in->state;

	out->version = c->version;
	if (strcmp(name, "frame") == 0) {
		out->scalar = steps_at(&c->at, c->frames) + 1;
		out->v = &out->scalar;
		out->n = 1;
		return true;
	}
	out->n = c->n;
	out->v = c->pub;
	out->cls = c->cls;
	return c->n > 0;
}

static const WidgetOps cloud_ops = {
	.init = cloud_init,
	.free = cloud_free,
	.height = cloud_height,
	.draw = cloud_draw,
	.key = cloud_key,
	.tick = cloud_tick,
	.output = cloud_output,
	.animate = cloud_animate,
	.anim_state = cloud_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "points", .type = PARAM_REF, .accepts = DATA_POINTS,
     .help = N_("the widget whose points it shows (they glide when they change)")},
    {.name = "values", .type = PARAM_NUMBERS, .nmin = 2, .nmax = CLOUD_LIT,
     .help = N_("the points as x,y pairs, frame after frame (without points)")},
    {.name = "frames", .type = PARAM_INT, .min = 1, .max = 64, .def = "1",
     .help = N_("how many frames values holds; the points glide from one to the next")},
    {.name = "classes", .type = PARAM_NUMBERS, .min = 0, .max = 5, .nmax = CLOUD_LIT / 2,
     .help = N_("each point's class, from 0 (a marker each)")},
    {.name = "labels", .type = PARAM_WORDS, .nmax = CLOUD_LIT / 2,
     .help = N_("a name beside each point (words of an embedding)")},
    {.name = "names", .type = PARAM_WORDS, .nmax = CLOUD_NAMES,
     .help = N_("the classes' names, for the legend")},
    {.name = "x", .type = PARAM_RANGE, .help = N_("the x axis (default: fitted to the points)")},
    {.name = "y", .type = PARAM_RANGE, .help = N_("the y axis (default: fitted to the points)")},
    {.name = "height", .type = PARAM_INT, .min = 5, .max = 40, .def = "12",
     .help = N_("rows of the chart")},
    {.name = "duration", .type = PARAM_NUMBER, .min = 0, .max = 5, .def = "0.4",
     .help = N_("seconds a glide takes (0: jump)")},
};

static const OutputSpec outputs[] = {
    {"points", DATA_POINTS, N_("where the points go: the frame shown, or the points read")},
    {"frame", DATA_SCALAR, N_("the frame shown, from 1")},
};

static const KindKey keys[] = {
    {"Left Right", N_("the frame before or after")},
    {"Home End", N_("the first or last frame")},
};

const WidgetKind cloud_kind = {
    .schema = {.name = "cloud",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("points by class that glide to where they go next"),
               .example = "id=samples frames=2 classes=0,0,1,1 "
                          "values=0,0,1,0,0,1,1,1,0.4,0.4,0.6,0.4,0.4,0.6,0.6,0.6"},
    .ops = &cloud_ops,
    .flags = KIND_WATCH,
    KIND_LIST(keys, keys),
};
