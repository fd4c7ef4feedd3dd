/* strip.c: a sequence unrolled in time, for RNNs and seq2seq: a column per step with
 * the token in, the hidden state (a row of shades, or a sparkline), the token out, and
 * the recurrence as arrows between states; the current step is outlined and stepped
 * with the arrows or the animation contract, its numbers written out below. It reads
 * states= (a T x H matrix) or literal values with units=, or runs an RNN itself
 * (strip-rnn.c) over one or two sequences of numbers. Must not own the loop or write
 * files. */
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
#include "widgets/views/strip.h"

enum { STRIP_MAX_UNITS = 12, /* shown per step; all are in the line below */
       STRIP_MAX_TOKEN = 10 /* columns of a token at most */ };

/* The states of sequence q (0 but in the RNN mode). */
static bool seq_states(const Instance *in, int q, HeatMatrix *s)
{
	const Strip *st = in->state;

	if (st->rnn) {
		*s = (HeatMatrix){.rows = st->rnn->steps, .cols = st->rnn->hid, .v = st->rnn->h[q]};
		return true;
	}
	return heat_matrix(in, "states", st->lit, st->rows, st->units, s);
}

/* The states of the sequence chosen. */
static bool strip_states(const Instance *in, HeatMatrix *s)
{
	const Strip *st = in->state;

	return seq_states(in, st->rnn ? st->rnn->seq : 0, s);
}

/* A token of the list key at step t of sequence q, or NULL ("_" stands for none); in
 * the RNN mode, the inputs in and no tokens out. */
static const char *seq_token(const Instance *in, const char *key, int q, int t)
{
	const Strip *st = in->state;
	const char *w;

	if (st->rnn)
		return strcmp(key, "in") == 0 && (size_t)t < st->rnn->steps ? st->rnn->tok[q][t]
									      : NULL;
	w = widget_word(in, key, (size_t)t);
	return w && strcmp(w, "_") != 0 ? w : NULL;
}

static const char *token(const Instance *in, const char *key, int t)
{
	const Strip *st = in->state;

	return seq_token(in, key, st->rnn ? st->rnn->seq : 0, t);
}

/* The sequences shown: two in the RNN mode with x2=, else one. */
static int strip_nseq(const Instance *in)
{
	const Strip *st = in->state;

	return st->rnn ? (int)st->rnn->nseq : 1;
}

/* The steps: the longest of the tokens in, the states and the tokens out. */
static int strip_steps(const Instance *in)
{
	const Strip *st = in->state;
	HeatMatrix s;
	size_t n = widget_nwords(in, "in"), k = widget_nwords(in, "out");

	if (st->rnn)
		return (int)st->rnn->steps;
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
	if (strip_rnn_init(in, s) < 0) {
		free(s->lit);
		free(s);
		in->state = NULL;
		return -1;
	}
	if (s->rnn && !s->fixed) { /* tanh: the shades span its range */
		s->fixed = true;
		s->lo = -1;
		s->hi = 1;
	}
	return 0;
}

static void strip_free(Instance *in)
{
	Strip *s = in->state;

	strip_rnn_free(s);
	free(s->lit);
	free(s);
}

/* The layout at width w: lead columns for the sequences' names (RNN mode), cw columns a
 * step, three between steps (" → "), the steps first .. first + shown - 1 of n, with "…"
 * at either side when some are cut. */
typedef struct {
	int lead, cw, first, shown, n, units, title, out;
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
	l.lead = st->rnn ? 2 : 0;
	w -= l.lead;
	l.out = widget_nwords(in, "out") > 0;
	l.units = strip_states(in, &s) ? (int)s.cols : 0;
	if (l.units > STRIP_MAX_UNITS)
		l.units = STRIP_MAX_UNITS;
	l.cw = l.units > 0 ? l.units : 1;
	for (t = 0; t < l.n * strip_nseq(in); t++) {
		int k = width_of(seq_token(in, "in", t / l.n, t % l.n));
		int j = width_of(seq_token(in, "out", t / l.n, t % l.n));
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
	const Strip *st = in->state;
	Layout l = layout_for(in, width);

	if (st->rnn) /* title, weights, three rows a sequence, three of status */
		return l.title + strip_rnn_head_rows(st->rnn) + 3 * strip_nseq(in) + 3;
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

/* One sequence q's band from row y: tokens in, arrows, states and tokens out, the current
 * step outlined when on (and the cursor placed there when focused). */
static void draw_band(const Instance *in, const Layout *l, const HeatScale *sc, Grid *g, Rect r,
		      int y, int q, bool on, Caps caps, bool focused, int *cx, int *cy)
{
	const Strip *st = in->state;
	HeatMatrix s;
	bool have = seq_states(in, q, &s);
	int t, cur = steps_at(&st->at, l->n), x0 = r.x + l->lead, rows = 3 + (l->out ? 2 : 0);
	const char *down = caps.unicode ? "↓" : "v", *right = caps.unicode ? "→" : ">";
	const char *ell = caps.unicode ? "…" : "..";

	if (l->first > 0) {
		grid_str(g, x0, y + 2, ell, STYLE_DIM);
		x0 += 2;
	}
	for (t = l->first; t < l->first + l->shown; t++) {
		int x = x0 + 1 + (t - l->first) * (l->cw + 3), mid = x + l->cw / 2;
		bool now = on && t == cur;
		Style ts = now ? (focused ? STYLE_FOCUS : STYLE_BOLD) : t < cur ? STYLE_NORMAL : STYLE_DIM;
		const char *a = seq_token(in, "in", q, t), *b = seq_token(in, "out", q, t);
		if (a)
			grid_text(g, x + (l->cw - width_of(a)) / 2 > x ? x + (l->cw - width_of(a)) / 2 : x,
				  y, a, strlen(a), l->cw, ts);
		if (a)
			grid_str(g, mid, y + 1, down, STYLE_DIM);
		if (have)
			draw_state(st, &s, sc, g, x + (l->cw - l->units) / 2, y + 2, t, l->units,
				   now ? STYLE_BOLD : STYLE_NORMAL, caps);
		else /* no numbers: a node for the state */
			grid_str(g, mid, y + 2, caps.unicode ? "●" : "o", now ? STYLE_BOLD : STYLE_DIM);
		if (t + 1 < l->n && t + 1 < l->first + l->shown)
			grid_str(g, x + l->cw + 1, y + 2, right, STYLE_DIM);
		if (b && l->out) {
			grid_str(g, mid, y + 3, down, STYLE_DIM);
			grid_text(g, x + (l->cw - width_of(b)) / 2 > x ? x + (l->cw - width_of(b)) / 2 : x,
				  y + 4, b, strlen(b), l->cw, ts);
		}
		if (now) {
			heat_outline(g, x - 1, x + l->cw, y, rows, caps);
			if (focused) {
				*cx = x;
				*cy = y;
			}
		}
	}
	if (l->first + l->shown < l->n)
		grid_str(g, x0 + l->shown * (l->cw + 3), y + 2, ell, STYLE_DIM);
}

static void strip_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	const Strip *st = in->state;
	Layout l = layout_for(in, r.w);
	HeatMatrix s;
	HeatScale sc;
	bool have = strip_states(in, &s);
	int q, y = r.y, cur = steps_at(&st->at, l.n);
	const char *title = widget_str(in, "title", NULL);

	if (l.n == 0) {
		const char *none = _("(no sequence yet)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	if (title)
		grid_text(g, r.x, y++, title, strlen(title), r.w, STYLE_BOLD);
	heat_scale(&sc, have ? s.v : NULL, have ? s.rows * s.cols : 0, st->fixed ? &st->lo : NULL,
		   st->fixed ? &st->hi : NULL);
	if (!st->rnn) {
		draw_band(in, &l, &sc, g, r, y, 0, true, caps, focused, cx, cy);
		draw_status(in, &s, have, g, r, y + 3 + (l.out ? 2 : 0), cur, l.n, caps);
		return;
	}
	strip_rnn_draw_head(st->rnn, g, r.x, y, r.w, caps);
	y += strip_rnn_head_rows(st->rnn);
	for (q = 0; q < strip_nseq(in); q++, y += 3) {
		char name[2] = {(char)('A' + q), 0};
		grid_str(g, r.x, y, name, q == st->rnn->seq ? STYLE_BOLD : STYLE_DIM);
		draw_band(in, &l, &sc, g, r, y, q, q == st->rnn->seq, caps, focused, cx, cy);
	}
	strip_rnn_draw_status(st->rnn, g, r.x, y, r.w, cur, l.n, caps);
}

static unsigned strip_key(Instance *in, const Key *k)
{
	Strip *s = in->state;
	int n = strip_steps(in), to = steps_key_target(&s->at, n, k, false);
	unsigned r = to < 0 ? WIDGET_IGNORED : steps_key_go(&s->at, n, to, &in->animating);

	if (to < 0 && s->rnn)
		return strip_rnn_key(in, k, steps_at(&s->at, n));
	s->version += r != WIDGET_IGNORED;
	return r;
}

static bool strip_tick(Instance *in, double dt)
{
	Strip *s = in->state;
	bool moved = steps_tick(&s->at, strip_steps(in), dt, &in->animating);

	s->version += moved;
	if (s->rnn && strip_rnn_refresh(in)) /* the scale it follows moved */
		moved = true;
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

/* "step" (from 1), "state" (the hidden state at that step) and, in the RNN mode with two
 * sequences, "distance" (|h_t - h'_t| at every step). */
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
	if (strcmp(name, "distance") == 0) {
		if (!s->rnn || s->rnn->nseq < 2)
			return false;
		out->version = s->version;
		out->n = s->rnn->steps;
		out->v = s->rnn->dist;
		out->labels = s->rnn->names;
		return true;
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
    {.name = "wh", .type = PARAM_NUMBERS, .nmin = 1, .nmax = STRIP_RNN_HID * STRIP_RNN_HID,
     .needs = "wx",
     .help = N_("an RNN's recurrent weights W_h, row by row (hid x hid): the strip runs "
                "h_t = tanh(W_x x_t + W_h h_(t-1) + b) itself")},
    {.name = "wx", .type = PARAM_NUMBERS, .nmin = 1, .nmax = STRIP_RNN_HID, .needs = "x",
     .help = N_("the RNN's input weights W_x, one a hidden unit (their count is hid)")},
    {.name = "b", .type = PARAM_NUMBERS, .nmin = 1, .nmax = STRIP_RNN_HID, .needs = "wh",
     .help = N_("the RNN's biases, one a hidden unit (default 0)")},
    {.name = "x", .type = PARAM_NUMBERS, .nmin = 1, .nmax = STRIP_RNN_STEPS, .needs = "wh",
     .help = N_("the RNN's inputs, one number a step: sequence A")},
    {.name = "x2", .type = PARAM_NUMBERS, .nmin = 1, .nmax = STRIP_RNN_STEPS, .needs = "x",
     .help = N_("a second sequence B, run by the same RNN: the distance between the two "
                "states is published at each step")},
    {.name = "scale_from", .type = PARAM_REF, .accepts = DATA_SCALAR, .needs = "wh",
     .help = N_("the widget whose number multiplies W_h (default 1)")},
};

static const OutputSpec outputs[] = {
    {"step", DATA_SCALAR, N_("the current step, from 1")},
    {"state", DATA_VECTOR, N_("the hidden state at the current step")},
    {"distance", DATA_VECTOR, N_("RNN with two sequences: |h_t - h'_t| at every step")},
};

static const KindKey keys[] = {
    {"Left Right", N_("the step before or after")},
    {"Home End", N_("the first or last step")},
    {"Up Down", N_("RNN: choose sequence A or B")},
    {"+ -", N_("RNN: change the input at this step")},
};

const WidgetKind strip_kind = {
    .schema = {.name = "strip",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a sequence step by step: tokens in, hidden states, tokens out; or "
                          "a tanh RNN it runs itself over one or two sequences of numbers"),
               .example = "id=rnn in=the,cat,sat out=cat,sat,down units=2 "
                          "values=0.1,-0.4,0.6,0.2,-0.8,0.9"},
    .ops = &strip_ops,
    .flags = KIND_WATCH, /* an RNN follows its scale (scale_from=) */
    KIND_LIST(keys, keys),
};
