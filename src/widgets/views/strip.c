/* strip.c: a sequence unrolled in time, for RNNs and seq2seq: a column per step with
 * the token in, the hidden state (a row of shades, or a sparkline), the token out, and
 * the recurrence as arrows between states; the current step is outlined and stepped
 * with the arrows or the animation contract, its numbers written out below. It reads
 * states= (a T x H matrix) or literal values with units=. Must not own the loop or
 * write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/heat.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { STRIP_MAX_UNITS = 12, /* shown per step; all are in the line below */
       STRIP_MAX_TOKEN = 10 /* columns of a token at most */ };

typedef struct {
	double *lit; /* the literal states, rows x units, or NULL */
	size_t rows, units;
	bool spark;  /* a sparkline of magnitudes; else shades with signs */
	bool fixed;
	double lo, hi;
	Steps at;
	unsigned long version;
} Strip;

static bool strip_states(const Instance *in, HeatMatrix *s)
{
	const Strip *st = in->state;

	return heat_matrix(in, "states", st->lit, st->rows, st->units, s);
}

/* A token of the list key at step t, or NULL ("_" stands for none). */
static const char *token(const Instance *in, const char *key, int t)
{
	const char *w = widget_word(in, key, (size_t)t);

	return w && strcmp(w, "_") != 0 ? w : NULL;
}

/* The steps: the longest of the tokens in, the states and the tokens out. */
static int strip_steps(const Instance *in)
{
	HeatMatrix s;
	size_t n = widget_nwords(in, "in"), k = widget_nwords(in, "out");

	if (strip_states(in, &s) && s.rows > n)
		n = s.rows;
	return (int)(k > n ? k : n);
}

static int strip_init(Instance *in)
{
	Strip *s = calloc(1, sizeof *s);
	double vals[256];
	size_t n, i;

	if (!s)
		return -1;
	in->state = s;
	s->spark = strcmp(widget_str(in, "style", "shades"), "spark") == 0;
	s->fixed = widget_range(in, "range", &s->lo, &s->hi);
	steps_init(&s->at, (int)widget_num(in, "start", 1) - 1);
	n = widget_nums(in, "values", vals, sizeof vals / sizeof *vals);
	if (n > sizeof vals / sizeof *vals)
		n = sizeof vals / sizeof *vals;
	if (n && !widget_str(in, "states", NULL)) {
		s->units = (size_t)widget_num(in, "units", 1);
		s->rows = (n + s->units - 1) / s->units;
		s->lit = malloc(s->rows * s->units * sizeof *s->lit);
		if (!s->lit) {
			free(s);
			in->state = NULL;
			return -1;
		}
		for (i = 0; i < s->rows * s->units; i++)
			s->lit[i] = i < n ? vals[i] : NAN;
	}
	return 0;
}

static void strip_free(Instance *in)
{
	Strip *s = in->state;

	free(s->lit);
	free(s);
}

/* The layout at width w: cw columns a step, three between steps (" → "), the steps
 * first .. first + shown - 1 of n, with "…" at either side when some are cut. */
typedef struct {
	int cw, first, shown, n, units, title, out;
} Layout;

static int width_of(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

static Layout layout_for(const Instance *in, int w)
{
	const Strip *st = in->state;
	HeatMatrix s;
	Layout l;
	int t, cur;

	memset(&l, 0, sizeof l);
	l.n = strip_steps(in);
	l.title = widget_str(in, "title", NULL) != NULL;
	l.out = widget_nwords(in, "out") > 0;
	l.units = strip_states(in, &s) ? (int)s.cols : 0;
	if (l.units > STRIP_MAX_UNITS)
		l.units = STRIP_MAX_UNITS;
	l.cw = l.units > 0 ? l.units : 1;
	for (t = 0; t < l.n; t++) {
		int k = width_of(token(in, "in", t));
		int j = width_of(token(in, "out", t));
		k = j > k ? j : k;
		l.cw = k > l.cw ? (k < STRIP_MAX_TOKEN ? k : STRIP_MAX_TOKEN) : l.cw;
	}
	/* Step t's cells start at 1 + t (cw + 3), with the outline's columns either side. */
	if (l.n * (l.cw + 3) - 1 <= w) {
		l.shown = l.n;
		return l;
	}
	/* Cut: two columns for "…" at either side. */
	l.shown = (w - 3) / (l.cw + 3) > 1 ? (w - 3) / (l.cw + 3) : 1;
	cur = steps_at(&st->at, l.n);
	l.first = cur - l.shown / 2;
	if (l.first > l.n - l.shown)
		l.first = l.n - l.shown;
	if (l.first < 0)
		l.first = 0;
	return l;
}

static int strip_height(const Instance *in, int width)
{
	Layout l = layout_for(in, width);

	return l.n == 0 ? 1 : l.title + 3 + (l.out ? 2 : 0) + 1;
}

/* The state at step t (shades or a sparkline) in cw columns from x. */
static void draw_state(const Strip *st, const HeatMatrix *s, const HeatScale *sc, Grid *g, int x,
		       int y, int t, int units, Style style, Caps caps)
{
	static const char *const spark_u[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
	static const char *const spark_a[] = {"_", "_", ".", "-", "-", "=", "#", "#"};
	int u;

	for (u = 0; (size_t)t < s->rows && u < units; u++) {
		double v = s->v[(size_t)t * s->cols + (size_t)u];
		const char *glyph;
		Cell *c;
		if (st->spark) {
			double top = fmax(fabs(sc->lo), fabs(sc->hi));
			int k = isfinite(v) && top > 0 ? (int)lround(fmin(fabs(v) / top, 1) * 7) : 0;
			glyph = caps.unicode ? spark_u[k] : spark_a[k];
		} else {
			glyph = isnan(v) ? " " : heat_glyph(heat_level(sc, v), caps);
		}
		grid_str(g, x + u, y, glyph, style);
		if (caps.colours && (c = grid_at(g, x + u, y)))
			c->fg = (uint8_t)heat_colour(sc, v);
	}
}

/* "2/5: cat → sat  h = 0.1 −0.5 0.9 0.2", cut to the width. */
static void draw_status(const Instance *in, const HeatMatrix *s, bool have, Grid *g, Rect r, int y,
			int cur, int n, Caps caps)
{
	char line[512], num[48];
	const char *a = token(in, "in", cur), *b = token(in, "out", cur);
	size_t k, u;

	k = (size_t)snprintf(line, sizeof line, _("step %d/%d"), cur + 1, n);
	if (a || b)
		k += (size_t)snprintf(line + k, sizeof line - k, ": %s%s%s", a ? a : "",
				      !b ? "" : caps.unicode ? " → " : " -> ", b ? b : "");
	if (have && (size_t)cur < s->rows) {
		k += (size_t)snprintf(line + k, sizeof line - k, "  h =");
		for (u = 0; u < s->cols && k + 16 < sizeof line; u++) {
			visual_num(num, sizeof num, s->v[(size_t)cur * s->cols + u], 2);
			k += (size_t)snprintf(line + k, sizeof line - k, " %s", num);
		}
	}
	grid_text(g, r.x, y, line, strlen(line), r.w, STYLE_NORMAL);
}

static void strip_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	const Strip *st = in->state;
	Layout l = layout_for(in, r.w);
	HeatMatrix s;
	HeatScale sc;
	bool have = strip_states(in, &s);
	int t, y = r.y, cur = steps_at(&st->at, l.n), x0 = r.x, rows;
	const char *down = caps.unicode ? "↓" : "v", *right = caps.unicode ? "→" : ">";
	const char *ell = caps.unicode ? "…" : "..", *title = widget_str(in, "title", NULL);

	if (l.n == 0) {
		const char *none = _("(no sequence yet)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	if (title)
		grid_text(g, r.x, y++, title, strlen(title), r.w, STYLE_BOLD);
	heat_scale(&sc, have ? s.v : NULL, have ? s.rows * s.cols : 0, st->fixed ? &st->lo : NULL,
		   st->fixed ? &st->hi : NULL);
	rows = 3 + (l.out ? 2 : 0);
	if (l.first > 0) {
		grid_str(g, r.x, y + 2, ell, STYLE_DIM);
		x0 += 2;
	}
	for (t = l.first; t < l.first + l.shown; t++) {
		int x = x0 + 1 + (t - l.first) * (l.cw + 3), mid = x + l.cw / 2;
		bool on = t == cur;
		Style ts = on ? (focused ? STYLE_FOCUS : STYLE_BOLD) : t < cur ? STYLE_NORMAL : STYLE_DIM;
		const char *a = token(in, "in", t), *b = token(in, "out", t);
		if (a)
			grid_text(g, x + (l.cw - width_of(a)) / 2 > x ? x + (l.cw - width_of(a)) / 2 : x, y,
				  a, strlen(a), l.cw, ts);
		if (a)
			grid_str(g, mid, y + 1, down, STYLE_DIM);
		if (have)
			draw_state(st, &s, &sc, g, x + (l.cw - l.units) / 2, y + 2, t, l.units,
				   on ? STYLE_BOLD : STYLE_NORMAL, caps);
		else /* no numbers: a node for the state */
			grid_str(g, mid, y + 2, caps.unicode ? "●" : "o", on ? STYLE_BOLD : STYLE_DIM);
		if (t + 1 < l.n && t + 1 < l.first + l.shown)
			grid_str(g, x + l.cw + 1, y + 2, right, STYLE_DIM);
		if (b && l.out) {
			grid_str(g, mid, y + 3, down, STYLE_DIM);
			grid_text(g, x + (l.cw - width_of(b)) / 2 > x ? x + (l.cw - width_of(b)) / 2 : x,
				  y + 4, b, strlen(b), l.cw, ts);
		}
		if (on) {
			heat_outline(g, x - 1, x + l.cw, y, rows, caps);
			if (focused) {
				*cx = x;
				*cy = y;
			}
		}
	}
	if (l.first + l.shown < l.n)
		grid_str(g, x0 + l.shown * (l.cw + 3), y + 2, ell, STYLE_DIM);
	draw_status(in, &s, have, g, r, y + rows, cur, l.n, caps);
}

static unsigned strip_key(Instance *in, const Key *k)
{
	Strip *s = in->state;
	int n = strip_steps(in), to = steps_key_target(&s->at, n, k, false);
	unsigned r = to < 0 ? WIDGET_IGNORED : steps_key_go(&s->at, n, to, &in->animating);

	s->version += r != WIDGET_IGNORED;
	return r;
}

static bool strip_tick(Instance *in, double dt)
{
	Strip *s = in->state;
	bool moved = steps_tick(&s->at, strip_steps(in), dt, &in->animating);

	s->version += moved;
	return moved;
}

static void strip_animate(Instance *in, AnimCommand cmd, double arg)
{
	Strip *s = in->state;

	s->version += steps_command(&s->at, strip_steps(in), cmd, arg, &in->animating);
}

static void strip_anim_state(const Instance *in, AnimState *st)
{
	steps_state(&((const Strip *)in->state)->at, strip_steps(in), st);
}

/* "step" (from 1) and "state" (the hidden state at that step). */
static bool strip_output(const Instance *in, const char *name, Data *out)
{
	const Strip *s = in->state;
	HeatMatrix m;
	int n = strip_steps(in), cur = steps_at(&s->at, n);

	if (strcmp(name, "step") == 0) {
		out->version = s->version;
		out->scalar = n ? cur + 1 : 0;
		out->v = &out->scalar;
		out->n = 1;
		return n > 0;
	}
	if (!strip_states(in, &m) || (size_t)cur >= m.rows)
		return false;
	out->version = s->version; /* the state read moves with the step */
	out->n = m.cols;
	out->v = m.v + (size_t)cur * m.cols;
	return true;
}

static const WidgetOps strip_ops = {
	.init = strip_init,
	.free = strip_free,
	.height = strip_height,
	.draw = strip_draw,
	.key = strip_key,
	.tick = strip_tick,
	.output = strip_output,
	.animate = strip_animate,
	.anim_state = strip_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "in", .type = PARAM_WORDS, .nmax = 64,
     .help = N_("the tokens in, one a step (_ for none)")},
    {.name = "out", .type = PARAM_WORDS, .nmax = 64,
     .help = N_("the tokens out, one a step (_ for none)")},
    {.name = "states", .type = PARAM_REF, .accepts = DATA_MATRIX,
     .help = N_("the widget whose matrix holds the hidden states: a row a step")},
    {.name = "values", .type = PARAM_NUMBERS, .nmin = 1, .nmax = 256,
     .help = N_("the hidden states, step by step (without states)")},
    {.name = "units", .type = PARAM_INT, .min = 1, .max = 64, .def = "1",
     .help = N_("numbers in each hidden state of values")},
    {.name = "style", .type = PARAM_CHOICE, .choices = "shades|spark", .def = "shades",
     .help = N_("a state as shades (signs apart) or as a sparkline of sizes")},
    {.name = "range", .type = PARAM_RANGE,
     .help = N_("the values at the ends of the shading (default: the states')")},
    {.name = "title", .type = PARAM_STRING, .help = N_("a line above the strip")},
    {.name = "start", .type = PARAM_INT, .min = 1, .max = 256, .def = "1",
     .help = N_("the step shown first")},
};

static const OutputSpec outputs[] = {
    {"step", DATA_SCALAR, N_("the current step, from 1")},
    {"state", DATA_VECTOR, N_("the hidden state at the current step")},
};

static const KindKey keys[] = {
    {"Left Right", N_("the step before or after")},
    {"Home End", N_("the first or last step")},
};

const WidgetKind strip_kind = {
    .schema = {.name = "strip",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a sequence step by step: tokens in, hidden states, tokens out"),
               .example = "id=rnn in=the,cat,sat out=cat,sat,down units=2 "
                          "values=0.1,-0.4,0.6,0.2,-0.8,0.9"},
    .ops = &strip_ops,
    KIND_LIST(keys, keys),
};
