/* attend.c: the attend kind: one worked self-attention over a few tokens whose
 * queries, keys and values the lesson writes (d_k numbers each). For the chosen
 * query it shows each key's score q·k, the score divided by √d_k, the softmax weight
 * and the weighted sum of the values; beside it the whole matrix of weights as a heat
 * map, with the causal mask (a decoder such as GPT) hiding the upper triangle. Keys
 * turn the division off, the mask on, make the queries longer or shorter (every score
 * doubles or halves), and pick a head (the columns split in two) or all of them; a last line measures, on seeded random vectors, how far scores spread
 * with and without the division as d_k grows. Must not own the loop or write files;
 * computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "nls.h"
#include "nn/attn.h"
#include "nn/rng.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	AT_MAX_T = 6,   /* tokens */
	AT_MAX_D = 8,   /* numbers per query, key and value */
	AT_HEADS = 2,   /* a head takes half the columns */
	AT_PAIRS = 2000, /* random pairs for the spread line */
	AT_WIDE = 70    /* from this width the heat map stands beside the table */
};

static const int at_dks[] = {4, 16, 64, 256};
#define AT_NDK ((int)(sizeof at_dks / sizeof *at_dks))

typedef struct {
	int t, d;
	double q[AT_MAX_T * AT_MAX_D], k[AT_MAX_T * AT_MAX_D], v[AT_MAX_T * AT_MAX_D];
	int query;  /* the token whose row is worked */
	int head;   /* 0: all columns; 1, 2: that half */
	bool scale; /* divide by √d_k */
	bool mask;  /* causal */
	int dk;     /* index into at_dks for the spread line */
	int len;    /* the queries are multiplied by 2^len, -2..2 */
	/* Computed by compute(): the head's scores (t, t) before any division, the
	 * weights (t, t), the chosen query's output (d of the head), the spread line. */
	double score[AT_MAX_T * AT_MAX_T], p[AT_MAX_T * AT_MAX_T], out[AT_MAX_D];
	double spread_raw, spread_scaled;
	unsigned long version;
} Attend;

static const KindKey at_keys[] = {
    {"Up Down", N_("the query: which token asks")},
    {"s", N_("divide the scores by the square root of d_k, or not")},
    {"m", N_("the causal mask on or off (a decoder or an encoder)")},
    {"h", N_("the next head: all columns, head 1, head 2")},
    {"+ -", N_("longer or shorter queries: every score doubles or halves")},
    {"[ ]", N_("a smaller or larger d_k for the spread line")},
};

/* The columns the head reads: [*from, *from + *n). */
static void head_cols(const Attend *a, int *from, int *n)
{
	*n = a->head == 0 ? a->d : a->d / AT_HEADS;
	*from = a->head == 0 ? 0 : (a->head - 1) * *n;
}

/* Copies the head's columns of m (t, d) into out (t, n). */
static void slice(double *out, const double *m, const Attend *a, int from, int n)
{
	int i, j;

	for (i = 0; i < a->t; i++)
		for (j = 0; j < n; j++)
			out[i * n + j] = m[i * a->d + from + j];
}

/* Standard deviation of q·k over AT_PAIRS pairs of N(0, 1) vectors of d numbers (the
 * seed fixed), and of q·k / √d. */
static void spread(Attend *a)
{
	int d = at_dks[a->dk], i, j;
	double sum = 0, sq = 0;
	Rng r;

	rng_seed(&r, 7);
	for (i = 0; i < AT_PAIRS; i++) {
		double s = 0;
		for (j = 0; j < d; j++) {
			double x = rng_normal(&r, 0, 1), y = rng_normal(&r, 0, 1);
			s += x * y;
		}
		sum += s;
		sq += s * s;
	}
	sum /= AT_PAIRS;
	a->spread_raw = sqrt(sq / AT_PAIRS - sum * sum);
	a->spread_scaled = a->spread_raw / sqrt((double)d);
}

/* Scores, weights (attention_forward; without the division the queries are first
 * multiplied by √n, which cancels it) and the chosen query's output. */
static void compute(Attend *a)
{
	double q[AT_MAX_T * AT_MAX_D], k[AT_MAX_T * AT_MAX_D], v[AT_MAX_T * AT_MAX_D];
	double y[AT_MAX_T * AT_MAX_D];
	AttnShape s;
	int from, n, i, j, c;

	head_cols(a, &from, &n);
	slice(q, a->q, a, from, n);
	slice(k, a->k, a, from, n);
	slice(v, a->v, a, from, n);
	for (i = 0; i < a->t * n; i++)
		q[i] = ldexp(q[i], a->len);
	for (i = 0; i < a->t; i++)
		for (j = 0; j < a->t; j++) {
			double dot = 0;
			for (c = 0; c < n; c++)
				dot += q[i * n + c] * k[j * n + c];
			a->score[i * a->t + j] = dot;
		}
	if (!a->scale)
		for (i = 0; i < a->t * n; i++)
			q[i] *= sqrt((double)n);
	s = (AttnShape){.n = 1, .tq = (size_t)a->t, .tk = (size_t)a->t, .d = (size_t)n,
	                .dv = (size_t)n, .causal = a->mask};
	attention_forward(y, a->p, q, k, v, &s);
	memcpy(a->out, y + a->query * n, (size_t)n * sizeof *y);
	a->version++;
}

static void at_free(Instance *in)
{
	free(in->state);
	in->state = NULL;
}

static int at_init(Instance *in)
{
	Attend *a = calloc(1, sizeof *a);
	size_t nq, nk, nv;

	if (!a)
		return -1;
	in->state = a;
	a->t = (int)widget_nwords(in, "tokens");
	a->d = (int)widget_num(in, "dk", 4);
	nq = widget_nums(in, "q", a->q, (size_t)(a->t * a->d));
	nk = widget_nums(in, "k", a->k, (size_t)(a->t * a->d));
	nv = widget_nums(in, "v", a->v, (size_t)(a->t * a->d));
	if (a->t < 2 || a->t > AT_MAX_T || nq != (size_t)(a->t * a->d) || nk != nq || nv != nq) {
		at_free(in); /* too few numbers for the tokens: shown as its text */
		return -1;
	}
	a->query = (int)widget_num(in, "query", a->t) - 1;
	if (a->query >= a->t)
		a->query = a->t - 1;
	a->scale = true;
	a->mask = widget_bool(in, "causal", false);
	a->dk = 2;
	spread(a);
	compute(a);
	return 0;
}

static bool wide(int width)
{
	return width >= AT_WIDE;
}

/* The status takes two lines when narrow; then the table (its heading, a row per key,
 * a blank and the output), the map beside it or under it, and the spread line. */
static int at_height(const Instance *in, int width)
{
	const Attend *a = in->state;
	int table = 2 + a->t + 2, map = 1 + 1 + a->t;

	return (wide(width) ? 1 : 2) + (wide(width) ? (table > map ? table : map) : table + map) +
	       1;
}

static const char *token(const Instance *in, int i)
{
	return widget_word(in, "tokens", (size_t)i);
}

/* The first line (two when narrow): the query, the head, the division and the mask. */
static void draw_status(const Instance *in, Grid *g, int x, int y, int w, Caps caps)
{
	const Attend *a = in->state;
	char one[128], two[128];
	int from, n;

	head_cols(a, &from, &n);
	snprintf(one, sizeof one, _("query: %s   %s (d_k = %d)"), token(in, a->query),
		 a->head == 0 ? _("one head") : a->head == 1 ? _("head 1 of 2") : _("head 2 of 2"), n);
	snprintf(two, sizeof two, "%s   %s",
		 a->scale ? (caps.unicode ? _("÷√d_k on") : _("/sqrt(d_k) on"))
		          : (caps.unicode ? _("÷√d_k off") : _("/sqrt(d_k) off")),
		 a->mask ? _("causal mask (GPT)") : _("no mask (BERT)"));
	if (a->len) { /* only when changed: the lesson's own queries need no note */
		char f[16];
		visual_num(f, sizeof f, ldexp(1, a->len), 2);
		snprintf(one + strlen(one), sizeof one - strlen(one),
			 caps.unicode ? _("   queries × %s") : _("   queries x %s"), f);
	}
	if (wide(w)) {
		strncat(one, "   ", sizeof one - strlen(one) - 1);
		strncat(one, two, sizeof one - strlen(one) - 1);
	}
	grid_text(g, x, y, one, strlen(one), w, STYLE_BOLD);
	if (!wide(w))
		grid_text(g, x, y + 1, two, strlen(two), w, STYLE_BOLD);
}

/* Writes s in the column ending at x + end (right) or starting at x (left), within w. */
static void put_right(Grid *g, int x, int y, int end, const char *s, int w, Style st,
		      bool right)
{
	int sw = utf8_width(s, strlen(s)), at = right ? end - sw : 0;

	if (at < 0)
		at = 0;
	if (at < w)
		grid_text(g, x + at, y, s, strlen(s), w - at, st);
}

/* Each key's score, scaled score, weight and a bar. */
static void draw_table(const Instance *in, Grid *g, int x, int y, int w, Caps caps)
{
	const Attend *a = in->state;
	char line[256], num[3][32];
	int j, from, n, len;

	head_cols(a, &from, &n);
	put_right(g, x, y, 8, _("key"), w, STYLE_DIM, false);
	put_right(g, x, y, 16, caps.unicode ? "q·k" : "q.k", w, STYLE_DIM, true);
	put_right(g, x, y, 24, caps.unicode ? "÷√d_k" : "/sqrt", w, STYLE_DIM, true);
	put_right(g, x, y, 32, _("weight"), w, STYLE_DIM, true);
	for (j = 0; j < a->t; j++) {
		double s = a->score[a->query * a->t + j], p = a->p[a->query * a->t + j];
		bool hidden = a->mask && j > a->query;
		int bar, b;
		visual_fixed(num[0], sizeof num[0], s, 2);
		visual_fixed(num[1], sizeof num[1], a->scale ? s / sqrt((double)n) : s, 2);
		visual_fixed(num[2], sizeof num[2], p, 2);
		if (hidden)
			snprintf(line, sizeof line, "%-8.8s %7s %7s %7s  %s", token(in, j), num[0], "-",
				 "0.00", _("masked"));
		else
			snprintf(line, sizeof line, "%-8.8s %7s %7s %7s  ", token(in, j), num[0], num[1],
				 num[2]);
		len = grid_text(g, x, y + 1 + j, line, strlen(line), w,
				j == a->query ? STYLE_ACCENT : STYLE_NORMAL);
		bar = hidden ? 0 : (int)lround(p * 20);
		for (b = 0; b < bar && len + b < w; b++)
			grid_put(g, x + len + b, y + 1 + j, caps.unicode ? 0x2588 : '#', STYLE_ACCENT);
	}
}

/* The chosen query's output, the weighted sum of the values, across the width. */
static void draw_output(const Attend *a, Grid *g, int x, int y, int w, Caps caps)
{
	char line[256], num[32];
	int j, from, n, len;

	head_cols(a, &from, &n);
	len = snprintf(line, sizeof line, "%s",
		       caps.unicode ? _("output = weights × values = (") : _("output = weights x values = ("));
	for (j = 0; j < n; j++) {
		visual_fixed(num, sizeof num, a->out[j], 2);
		len = (int)str_addf(line, sizeof line, (size_t)len, "%s%s", j ? ", " : "", num);
	}
	str_addf(line, sizeof line, (size_t)len, ")");
	grid_text(g, x, y, line, strlen(line), w, STYLE_NORMAL);
}

/* The weights of every query (rows) on every key (columns), shaded; "·" where the
 * mask hides a key, the chosen query's row marked. */
static void draw_map(const Instance *in, Grid *g, int x, int y, int w, Caps caps)
{
	const Attend *a = in->state;
	int i, j;

	grid_text(g, x, y, _("all the weights"), strlen(_("all the weights")), w, STYLE_DIM);
	for (j = 0; j < a->t; j++) {
		char lab[8];
		snprintf(lab, sizeof lab, "%.4s", token(in, j));
		if (7 + j * 5 + 4 <= w)
			grid_str(g, x + 7 + j * 5, y + 1, lab, STYLE_DIM);
	}
	for (i = 0; i < a->t; i++) {
		char lab[8];
		snprintf(lab, sizeof lab, "%c%.5s", i == a->query ? '>' : ' ', token(in, i));
		grid_str(g, x, y + 2 + i, lab, i == a->query ? STYLE_ACCENT : STYLE_NORMAL);
		for (j = 0; j < a->t && 7 + j * 5 + 4 <= w; j++) {
			double p = a->p[i * a->t + j];
			char cell[16];
			if (a->mask && j > i)
				snprintf(cell, sizeof cell, "%s", caps.unicode ? "  ·" : "  .");
			else
				visual_fixed(cell, sizeof cell, p, 2);
			grid_str(g, x + 7 + j * 5, y + 2 + i, cell,
				 a->mask && j > i ? STYLE_DIM : p >= 0.5 ? STYLE_BOLD : STYLE_NORMAL);
		}
	}
}

static void at_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		    int *cy)
{
	const Attend *a = in->state;
	char line[256], raw[32], scaled[32];
	int top = r.y + (wide(r.w) ? 1 : 2), table = 2 + a->t + 2;
	int mx = wide(r.w) ? r.x + 46 : r.x, my = wide(r.w) ? top : top + table;

	draw_status(in, g, r.x, r.y, r.w, caps);
	draw_table(in, g, r.x, top, wide(r.w) ? 45 : r.w, caps);
	draw_map(in, g, mx, my, r.x + r.w - mx, caps);
	draw_output(a, g, r.x, top + a->t + 2, r.w, caps);
	visual_fixed(raw, sizeof raw, a->spread_raw, 1);
	visual_fixed(scaled, sizeof scaled, a->spread_scaled, 2);
	snprintf(line, sizeof line,
		 _("random vectors, d_k = %d: scores spread %s, divided by the root %s"),
		 at_dks[a->dk], raw, scaled);
	if (utf8_width(line, strlen(line)) > r.w) /* narrow: the numbers first */
		snprintf(line, sizeof line, _("d_k = %d: spread %s, divided %s"), at_dks[a->dk], raw,
			 scaled);
	grid_text(g, r.x, r.y + at_height(in, r.w) - 1, line, strlen(line), r.w, STYLE_DIM);
	if (focused) {
		*cx = r.x;
		*cy = top + 1 + a->query;
	}
}

static unsigned at_key(Instance *in, const Key *k)
{
	Attend *a = in->state;

	if (k->code == K_UP || k->code == K_DOWN) {
		int q = a->query + (k->code == K_UP ? -1 : 1);
		if (q < 0 || q >= a->t)
			return WIDGET_IGNORED;
		a->query = q;
	} else if (key_is_char(k, 's')) {
		a->scale = !a->scale;
	} else if (key_is_char(k, 'm')) {
		a->mask = !a->mask;
	} else if (key_is_char(k, '+') || key_is_char(k, '-')) {
		int len = a->len + (key_is_char(k, '+') ? 1 : -1);
		if (len < -2 || len > 2)
			return WIDGET_HANDLED;
		a->len = len;
	} else if (key_is_char(k, 'h')) {
		a->head = (a->head + 1) % (AT_HEADS + 1);
	} else if (key_is_char(k, '[') || key_is_char(k, ']')) {
		int dk = a->dk + (key_is_char(k, ']') ? 1 : -1);
		if (dk < 0 || dk >= AT_NDK)
			return WIDGET_HANDLED;
		a->dk = dk;
		spread(a);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	} else {
		return WIDGET_IGNORED;
	}
	compute(a);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* "weights": the matrix of weights shown; "output": the chosen query's output. */
static bool at_output(const Instance *in, const char *name, Data *out)
{
	const Attend *a = in->state;
	int from, n;

	head_cols(a, &from, &n);
	out->version = a->version;
	if (strcmp(name, "weights") == 0) {
		out->rows = out->cols = (size_t)a->t;
		out->v = a->p;
	} else if (strcmp(name, "output") == 0) {
		out->n = (size_t)n;
		out->v = a->out;
	} else {
		return false;
	}
	return true;
}

static const WidgetOps at_ops = {
    .init = at_init,
    .free = at_free,
    .height = at_height,
    .draw = at_draw,
    .key = at_key,
    .output = at_output,
};

static const ParamSpec params[] = {
    {.name = "tokens", .type = PARAM_WORDS, .nmin = 2, .nmax = AT_MAX_T, .required = true,
     .help = N_("the tokens, 2 to 6")},
    {.name = "dk", .type = PARAM_INT, .min = 2, .max = AT_MAX_D, .def = "4",
     .help = N_("numbers in each query, key and value (even: two heads take half each)")},
    {.name = "q", .type = PARAM_NUMBERS, .min = -10, .max = 10, .nmin = 4,
     .nmax = AT_MAX_T * AT_MAX_D, .required = true,
     .help = N_("the queries, token by token, dk numbers each")},
    {.name = "k", .type = PARAM_NUMBERS, .min = -10, .max = 10, .nmin = 4,
     .nmax = AT_MAX_T * AT_MAX_D, .required = true,
     .help = N_("the keys, token by token, dk numbers each")},
    {.name = "v", .type = PARAM_NUMBERS, .min = -10, .max = 10, .nmin = 4,
     .nmax = AT_MAX_T * AT_MAX_D, .required = true,
     .help = N_("the values, token by token, dk numbers each")},
    {.name = "query", .type = PARAM_INT, .min = 1, .max = AT_MAX_T,
     .help = N_("the token whose row is worked at first (default: the last)")},
    {.name = "causal", .type = PARAM_BOOL, .def = "no",
     .help = N_("start with the causal mask on")},
};

static const OutputSpec outputs[] = {
    {"weights", DATA_MATRIX, N_("the attention weights: a row per query, a column per key")},
    {"output", DATA_VECTOR, N_("the chosen query's output: the weighted sum of the values")},
};

const WidgetKind attend_kind = {
    .schema = {.name = "attend",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("one self-attention worked out: scores, the division by the root of "
                          "d_k, softmax weights, the weighted sum, heads and the causal mask"),
               .example = "id=att tokens=a,b dk=2 q=1,0,0,1 k=1,0,0,1 v=1,2,3,4"},
    .ops = &at_ops,
    .keys = at_keys,
    .nkeys = sizeof at_keys / sizeof *at_keys,
};
