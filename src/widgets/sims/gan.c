/* gan.c: "A tug-of-war": a real GAN (src/nn/gan.h) trained live on a 2-D toy target.
 * Its position is the number of training steps taken: playing takes `speed` steps a
 * second, Right one more, Left and Home go back (retrained from the seed, so a step
 * number is always the same state), n starts again from the next seed. It draws the
 * shown reals and fakes (a marker each: real, fake, both in one cell), a chart of the
 * minimax value V, L_D, L_G (means of the last GW_MEAN steps) and the grid distance
 * between reals and fakes over the steps, with the line -log 4, and the figures now.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/plot.h"
#include "nls.h"
#include "nn/gan.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"

enum {
	GW_MEAN = 10,   /* the chart and the figures: means of this many steps */
	GW_SIDE = 60,   /* side by side from this width on */
	GW_SCATTER = 24, /* columns of the scatter when side by side */
	GW_CELLS = 8192  /* cells of the scatter told apart (real, fake, both) */
};

#define GW_BOX   2.5 /* the scatter shows [-GW_BOX, GW_BOX] on both axes */
#define GW_SHARP (-1.2)
#define GW_NEAR  0.05

/* Per step s (1 .. max): the step's figures, their means over the last GW_MEAN steps
 * (V, L_D, L_G: the chart), and the distance after it (dist[0]: before training),
 * measured at each mark of the chart, at the step `back` and at the step shown (NaN
 * elsewhere: a distance costs about as much as a training step). */
typedef struct {
	double *v, *ld, *lg, *dr, *df;
	double *mv, *mld, *mlg, *dist, *steps;
} History;

typedef struct {
	Gan gan;
	GanConfig cfg;
	Steps at;  /* the steps wanted; gan.steps the steps taken */
	int max;   /* positions: steps 0 .. max */
	History h; /* one block of 10 (max + 1) doubles */
	int sharp; /* the first step whose mean V rose above GW_SHARP (0: none yet) */
	int back;  /* the first step after sharp whose mean V is within GW_NEAR of -log 4 */
	int *cls;  /* (2 n_show): the scatter's classes, filled in draw */
	double *px, *py;
	double *pts; /* (2 n_show, 2): the reals then the fakes, published as "points" */
	int *pcls;   /* (2 n_show): 0 real, 1 fake */
	Plot plot; /* scratch for drawing */
	unsigned long version;
	bool started; /* trained to its position yet (on first use, see ready) */
	unsigned char seen[GW_CELLS]; /* draw's scratch: what each scatter cell holds */
} GanW;

/* The mean of a[s - GW_MEAN + 1 .. s] (fewer at the start), s >= 1. */
static double recent(const double *a, int s)
{
	double m = 0.0;
	int i, n = 0;

	for (i = s; i >= 1 && i > s - GW_MEAN; i--, n++)
		m += a[i];
	return m / n;
}

/* The chart marks the distance every this many steps. */
static int mark(const GanW *w)
{
	return w->max / 20 > 0 ? w->max / 20 : 1;
}

/* Trains (or restarts and trains) until it has taken the steps its position asks. */
static void reach(GanW *w)
{
	size_t want = (size_t)steps_at(&w->at, w->max + 1);
	History *h = &w->h;
	GanStats st;

	if (want < w->gan.steps || w->gan.cfg.seed != w->cfg.seed || !w->gan.z) {
		gan_free(&w->gan);
		if (gan_init(&w->gan, &w->cfg) != NN_OK)
			return;
		h->dist[0] = gan_distance(&w->gan);
		w->sharp = w->back = 0;
	}
	while (w->gan.steps < want) {
		int s;
		gan_step(&w->gan, &st);
		s = (int)w->gan.steps;
		h->v[s] = st.value, h->ld[s] = st.d_loss, h->lg[s] = st.g_loss;
		h->dr[s] = st.d_real, h->df[s] = st.d_fake;
		h->mv[s] = recent(h->v, s), h->mld[s] = recent(h->ld, s);
		h->mlg[s] = recent(h->lg, s);
		h->dist[s] = NAN;
		if (!w->sharp && h->mv[s] > GW_SHARP)
			w->sharp = s;
		if (w->sharp && !w->back && fabs(h->mv[s] + log(4.0)) < GW_NEAR)
			w->back = s;
		if (s % mark(w) == 0 || s == w->back)
			h->dist[s] = gan_distance(&w->gan);
	}
	h->dist[want] = gan_distance(&w->gan);
	memcpy(w->pts, w->gan.real, 2 * w->cfg.n_show * sizeof *w->pts);
	memcpy(w->pts + 2 * w->cfg.n_show, w->gan.fake, 2 * w->cfg.n_show * sizeof *w->pts);
	w->version++;
}

static void tug_free(Instance *in)
{
	GanW *w = in->state;

	if (!w)
		return;
	gan_free(&w->gan);
	plot_free(&w->plot);
	free(w->h.v);
	free(w->cls);
	free(w->px);
	free(w->pts);
	free(w->pcls);
	free(w);
	in->state = NULL;
}

static int tug_init(Instance *in)
{
	GanW *w = calloc(1, sizeof *w);
	ToyDistKind k = TOYDIST_RING;
	size_t n, i;
	double *b;

	if (!w)
		return -1;
	in->state = w;
	plot_init(&w->plot);
	toydist_from_name(&k, widget_str(in, "target", "ring"));
	gan_defaults(&w->cfg, k);
	w->cfg.seed = (uint64_t)widget_num(in, "seed", 1);
	w->max = (int)widget_num(in, "steps", 600);
	steps_init(&w->at, (int)widget_num(in, "start", 0));
	w->at.speed = widget_num(in, "speed", 40);
	n = (size_t)w->max + 1;
	b = w->h.v = malloc(10 * n * sizeof *b);
	w->cls = malloc(2 * w->cfg.n_show * sizeof *w->cls);
	w->px = malloc(4 * w->cfg.n_show * sizeof *w->px);
	w->pts = malloc(4 * w->cfg.n_show * sizeof *w->pts);
	w->pcls = malloc(2 * w->cfg.n_show * sizeof *w->pcls);
	if (!b || !w->cls || !w->px || !w->pts || !w->pcls) {
		tug_free(in);
		return -1;
	}
	w->py = w->px + 2 * w->cfg.n_show;
	w->h.ld = b + n, w->h.lg = b + 2 * n, w->h.dr = b + 3 * n, w->h.df = b + 4 * n;
	w->h.mv = b + 5 * n, w->h.mld = b + 6 * n, w->h.mlg = b + 7 * n;
	w->h.dist = b + 8 * n, w->h.steps = b + 9 * n;
	for (i = 0; i < n; i++)
		w->h.steps[i] = (double)i;
	for (i = 0; i < 2 * w->cfg.n_show; i++)
		w->pcls[i] = i >= w->cfg.n_show;
	return 0;
}

/* The state, the GAN made and trained to the position on first use (a cache of what
 * the parameters and the position determine: the same whenever it happens), so a page
 * that never shows the widget costs nothing. NULL when the GAN could not be made. */
static GanW *ready(const Instance *in)
{
	GanW *w = in->state;

	if (!w->started) {
		w->started = true;
		reach(w);
	}
	return w->gan.z ? w : NULL;
}

/* The figures, one item a line (each ending in a newline); the caller joins them. With
 * w NULL: the items as wide as they get (the rows the widget keeps for them). */
static size_t figures(const GanW *w, char *out, size_t size)
{
	const History *h = w ? &w->h : NULL;
	int s = w ? (int)w->gan.steps : 5000, max = w ? w->max : 5000;
	size_t len = 0;

	len = str_addf(out, size, len, _("step %d/%d, seed %llu\n"), s, max,
		       (unsigned long long)(w ? w->cfg.seed : 100000));
	if (!h || s) {
		len = str_addf(out, size, len, _("V %.2f  L_D %.2f  L_G %.2f\n"),
			       h ? h->mv[s] : -1.0, h ? h->mld[s] : 1.0, h ? h->mlg[s] : 1.0);
		len = str_addf(out, size, len, _("D(real) %.2f  D(fake) %.2f\n"),
			       h ? recent(h->dr, s) : 0.5, h ? recent(h->df, s) : 0.5);
	} else {
		len = str_addf(out, size, len, _("V, L_D, L_G: not trained yet\n"));
	}
	len = str_addf(out, size, len, _("distance %.2f\n"), h ? h->dist[s] : 1.0);
	if (!w || w->back)
		len = str_addf(out, size, len, _("V near -log 4 at step %d, distance %.2f\n"),
			       w ? w->back : 5000, h ? h->dist[w->back] : 1.0);
	else
		len = str_addf(out, size, len, _("V near -log 4: not yet\n"));
	return len;
}

enum { GW_LINES = 6, GW_LINE = 160 };

/* The figures joined into lines of at most width columns, items apart by 3 spaces;
 * returns the lines. */
static int figure_lines(const GanW *w, int width, char lines[][GW_LINE])
{
	char buf[512];
	size_t n = figures(w, buf, sizeof buf), start = 0, i;
	int row = 0, used = 0;

	lines[0][0] = '\0';
	for (i = 0; i < n; i++) {
		int len, at;
		if (buf[i] != '\n')
			continue;
		len = (int)(i - start);
		if (used && used + 3 + len > width && row + 1 < GW_LINES)
			lines[++row][0] = '\0', used = 0;
		at = (int)strlen(lines[row]);
		snprintf(lines[row] + at, (size_t)(GW_LINE - at), "%s%.*s", used ? "   " : "", len,
			 buf + start);
		used += (used ? 3 : 0) + len;
		start = i + 1;
	}
	return row + 1;
}

/* The rows kept for the figures at a width: as many as the widest figures take. */
static int figure_rows(int width)
{
	char lines[GW_LINES][GW_LINE];

	return figure_lines(NULL, width, lines);
}

static bool side(int width)
{
	return width >= GW_SIDE;
}

static int tug_height(const Instance *in, int width)
{
	int h = (int)widget_num(in, "height", 12), nf = figure_rows(width);

	return side(width) ? h + nf : 2 * h - 2 + nf;
}

/* The reals and fakes as one marker a cell: real, fake, or both (class 2). */
static void scatter(GanW *w, Grid *g, int x, int y, int cw, int ch, Caps caps)
{
	static const char *names[3] = {N_("real"), N_("fake"), N_("both")};
	const Gan *gan = &w->gan;
	size_t ns = gan->cfg.n_show, i, n = 0, cells;
	PlotOpts o = PLOT_OPTS_DEFAULT;
	unsigned char *seen = w->seen;
	Canvas *cv;
	int k;

	o.x0 = o.y0 = -GW_BOX, o.x1 = o.y1 = GW_BOX;
	o.axes = false;
	plot_begin(&w->plot);
	for (k = 0; k < 3; k++)
		plot_legend(&w->plot, _(names[k]), plot_colour(k), plot_marker(k, caps), 0);
	if (plot_layout(&w->plot, x, y, cw, ch, &o, caps, false) != 0)
		return;
	cv = &w->plot.cv;
	cells = (size_t)cv->w * (size_t)cv->h;
	if (cells > GW_CELLS)
		return;
	memset(seen, 0, cells);
	/* which cells hold reals (bit 1) and fakes (bit 2) */
	for (i = 0; i < 2 * ns; i++) {
		const double *p = i < ns ? gan->real + 2 * i : gan->fake + 2 * (i - ns);
		int pxl, pyl, cx, cy;
		if (!canvas_map(cv, p[0], p[1], &pxl, &pyl) || pxl < 0 || pyl < 0 ||
		    pxl >= cv->pw || pyl >= cv->ph)
			continue;
		cx = pxl >> cv->lx, cy = pyl >> cv->ly;
		seen[(size_t)cy * (size_t)cv->w + (size_t)cx] |= i < ns ? 1 : 2;
		w->px[n] = p[0], w->py[n] = p[1];
		w->cls[n++] = (int)((size_t)cy * (size_t)cv->w + (size_t)cx); /* the cell */
	}
	for (i = 0; i < n; i++)
		w->cls[i] = seen[w->cls[i]] - 1;
	plot_points(&w->plot, w->px, w->py, w->cls, n);
	plot_draw(&w->plot, g);
}

/* V, L_D, L_G (means) and the distance over the steps, with the line -log 4. */
static void chart(GanW *w, Grid *g, int x, int y, int cw, int ch, Caps caps)
{
	const History *h = &w->h;
	PlotOpts o = PLOT_OPTS_DEFAULT;
	size_t s = w->gan.steps, i, nd = 0;
	double lx[2] = {0, (double)w->max}, ly[2] = {-log(4.0), -log(4.0)};
	double dx[64], dy[64];
	uint32_t dmark = caps.unicode ? 0x25C6 : '*';
	const char *label = caps.unicode ? " \xe2\x88\x92log 4" : " -log 4";
	int k, px, py;

	o.x0 = 0, o.x1 = w->max, o.y0 = -1.5, o.y1 = 1.5;
	plot_begin(&w->plot);
	plot_legend(&w->plot, "V", plot_colour(0), 0, plot_pattern(0, caps));
	plot_legend(&w->plot, "L_D", plot_colour(1), 0, plot_pattern(1, caps));
	plot_legend(&w->plot, "L_G", plot_colour(2), 0, plot_pattern(2, caps));
	plot_legend(&w->plot, _("distance"), plot_colour(3), dmark, 0);
	if (plot_layout(&w->plot, x, y, cw, ch, &o, caps, false) != 0)
		return;
	canvas_pen(&w->plot.cv, 0x11);
	canvas_polyline(&w->plot.cv, lx, ly, 2, COLOUR_NONE);
	canvas_pen(&w->plot.cv, 0xFF);
	if (s >= 1) {
		plot_line(&w->plot, h->steps + 1, h->mv + 1, s, plot_colour(0), 0);
		plot_line(&w->plot, h->steps + 1, h->mld + 1, s, plot_colour(1), 1);
		plot_line(&w->plot, h->steps + 1, h->mlg + 1, s, plot_colour(2), 2);
	}
	/* the distance: a mark every max/20 steps and one at the step now */
	for (i = 0; i <= s && nd < 63; i += (size_t)mark(w))
		dx[nd] = (double)i, dy[nd++] = h->dist[i];
	dx[nd] = (double)s, dy[nd++] = h->dist[s];
	for (i = 0; i < nd; i++)
		canvas_data_mark(&w->plot.cv, dx[i], dy[i], dmark, plot_colour(3));
	plot_draw(&w->plot, g);
	if (canvas_map(&w->plot.cv, lx[1], ly[1], &px, &py)) {
		const Canvas *cv = &w->plot.cv;
		k = (int)strlen(label) - (caps.unicode ? 2 : 0);
		grid_str(g, cv->x + cv->w - k, cv->y + (py >> cv->ly), label, STYLE_DIM);
	}
}

static void tug_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		     int *cy)
{
	GanW *w = ready(in); /* draws on its scratch plot only */
	char lines[GW_LINES][GW_LINE];
	int h = (int)widget_num(in, "height", 12), nf = figure_lines(w, r.w, lines), i, top;
	int sw = side(r.w) ? GW_SCATTER : (r.w < 2 * h ? r.w : 2 * h);

	if (!w)
		return;
	for (i = 0; i < nf; i++)
		grid_text(g, r.x, r.y + i, lines[i], strlen(lines[i]), r.w,
			  i == 0 ? STYLE_BOLD : STYLE_NORMAL);
	top = r.y + figure_rows(r.w);
	if (side(r.w)) {
		scatter(w, g, r.x, top, sw, h, caps);
		chart(w, g, r.x + sw + 2, top, r.w - sw - 2, h, caps);
	} else {
		scatter(w, g, r.x + (r.w - sw) / 2, top, sw, h, caps);
		chart(w, g, r.x, top + h, r.w, h - 2, caps);
	}
	if (focused) {
		*cx = r.x;
		*cy = r.y;
	}
}

static unsigned tug_key(Instance *in, const Key *k)
{
	GanW *w = ready(in);
	int to;
	unsigned res;

	if (!w)
		return WIDGET_IGNORED;
	if (key_is_char(k, 'n')) {
		w->cfg.seed = w->cfg.seed % 1000000000u + 1;
		steps_go(&w->at, w->max + 1, 0);
		reach(w);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, ' ')) {
		steps_command(&w->at, w->max + 1, w->at.playing ? ANIM_PAUSE : ANIM_PLAY, 0,
			      &in->animating);
		reach(w);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	to = steps_key_target(&w->at, w->max + 1, k, false);
	if (to < 0)
		return WIDGET_IGNORED;
	res = steps_key_go(&w->at, w->max + 1, to, &in->animating);
	if (res & WIDGET_HANDLED)
		reach(w);
	return res;
}

/* Playing: the steps the time asks, trained now (a few per frame). */
static bool tug_tick(Instance *in, double dt)
{
	GanW *w = ready(in);

	if (!w || !steps_tick(&w->at, w->max + 1, dt, &in->animating))
		return false;
	reach(w);
	return true;
}

static void tug_animate(Instance *in, AnimCommand cmd, double arg)
{
	GanW *w = ready(in);

	if (w && steps_command(&w->at, w->max + 1, cmd, arg, &in->animating))
		reach(w);
}

static void tug_anim_state(const Instance *in, AnimState *st)
{
	const GanW *w = in->state;

	steps_state(&w->at, w->max + 1, st);
}

/* Where the learner left it: the seed and the step (retrained on restore). */
static void tug_save(const Instance *in, const Store *s)
{
	const GanW *w = in->state;

	store_put_int(s, "seed", (int)w->cfg.seed);
	store_put_int(s, "step", steps_at(&w->at, w->max + 1));
}

static void tug_restore(Instance *in, const Store *s)
{
	GanW *w = in->state;

	w->cfg.seed = (uint64_t)store_get_int(s, "seed", 0, 1000000000, (int)w->cfg.seed);
	steps_go(&w->at, w->max + 1,
		 store_get_int(s, "step", 0, w->max, steps_at(&w->at, w->max + 1)));
	if (w->started)
		reach(w);
}

/* "points": the shown reals (class 0) and fakes (class 1); "step", "value" (the mean V
 * of the last steps), "distance" (reals to fakes on the grid), "back" (the step V
 * came back near -log 4 after D sharpened, 0 before). */
static bool tug_output(const Instance *in, const char *name, Data *out)
{
	const GanW *w = ready(in);
	int s;

	if (!w)
		return false;
	s = (int)w->gan.steps;
	out->version = w->version;
	if (strcmp(name, "points") == 0) {
		out->n = 2 * w->cfg.n_show;
		out->v = w->pts;
		out->cls = w->pcls;
		return true;
	}
	out->n = 1;
	if (strcmp(name, "step") == 0)
		out->scalar = s;
	else if (strcmp(name, "value") == 0)
		out->scalar = s ? w->h.mv[s] : NAN;
	else if (strcmp(name, "distance") == 0)
		out->scalar = w->h.dist[s];
	else
		out->scalar = w->back;
	return true;
}

static const WidgetOps tug_ops = {
	.init = tug_init,
	.free = tug_free,
	.height = tug_height,
	.draw = tug_draw,
	.key = tug_key,
	.tick = tug_tick,
	.save = tug_save,
	.restore = tug_restore,
	.output = tug_output,
	.animate = tug_animate,
	.anim_state = tug_anim_state,
};

/* The kind as lessons name it: parameters, outputs, keys. */
static const ParamSpec params[] = {
    {.name = "target", .type = PARAM_CHOICE, .choices = "ring|moons|circle8", .def = "ring",
     .help = N_("the real distribution: a ring, two moons or eight blobs on a circle")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 5000, .def = "600",
     .help = N_("the training steps (a D step and a G step each) it plays up to")},
    {.name = "start", .type = PARAM_INT, .min = 0, .max = 5000, .def = "0",
     .help = N_("the steps already taken when the page opens")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 1, .max = 500, .def = "40",
     .help = N_("training steps a second while it plays")},
    {.name = "height", .type = PARAM_INT, .min = 8, .max = 40, .def = "12",
     .help = N_("rows of the scatter and of the chart")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights, the noise and the real samples")},
};

static const OutputSpec outputs[] = {
    {"points", DATA_POINTS, N_("the shown real samples (class 0) and fakes (class 1)")},
    {"step", DATA_SCALAR, N_("the training steps taken")},
    {"value", DATA_SCALAR, N_("the minimax value V, the mean of the last 10 steps")},
    {"distance", DATA_SCALAR, N_("the total variation between reals and fakes on a grid")},
    {"back", DATA_SCALAR, N_("the step V first came within 0.05 of -log 4 after D "
                             "sharpened (its mean above -1.2), or 0")},
};

static const KindKey keys[] = {
    {"Space", N_("train or pause")},
    {"Right", N_("one more training step")},
    {"Left Home", N_("one step back, or back to the start (retrained from the seed)")},
    {"End", N_("train to the last step")},
    {"n", N_("start again from the next seed")},
};

const WidgetKind gan_kind = {
    .schema = {.name = "gan",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a GAN trained live on a 2-D target: reals and fakes, and a "
                          "chart of V, L_D, L_G and the distance between them"),
               .example = "id=tug steps=100 height=10"},
    .ops = &tug_ops,
    KIND_LIST(keys, keys),
};
