/* softmax.c: a softmax head worked out live: logits read from other widgets (sliders),
 * divided by a temperature when one is read, turned into probabilities by src/nn's
 * softmax and shown as a table with e^z, the total and the winner; given the true
 * class, the table shows instead y (one-hot), p - y, the library's cross-entropy
 * gradient and a slope measured by nudging each logit, and the loss. It gives the
 * probabilities (for bars), the gradient and the loss. Must not own the loop or write
 * files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "nn/loss.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum { SOFTMAX_MAX = 8, SOFTMAX_CELL = 24 };

/* The smallest temperature used: a slider at 0 would divide by zero. */
#define SOFTMAX_T_MIN 0.01
/* The nudge of the measured slope: (L(z + h) - L(z - h)) / 2h. */
#define SOFTMAX_NUDGE 1e-4

/* Everything shown and given, computed from what the widget reads now. */
typedef struct {
	size_t n;
	double z[SOFTMAX_MAX];     /* the logits read */
	double zt[SOFTMAX_MAX];    /* the logits the softmax takes: z / T */
	double e[SOFTMAX_MAX];     /* e^(z/T), as the formula writes it */
	double p[SOFTMAX_MAX];     /* loss_softmax of zt */
	double y[SOFTMAX_MAX];     /* one-hot truth */
	double pmy[SOFTMAX_MAX];   /* p - y */
	double grad[SOFTMAX_MAX];  /* loss_softmax_ce_backward: dL/dzt */
	double nudge[SOFTMAX_MAX]; /* the same slope measured by central differences */
	double t;                  /* the temperature (1 without one) */
	double loss;               /* -ln p[truth] (loss_softmax_ce_forward) */
	bool has_t, has_truth, ok;
	size_t truth;  /* the true class, with has_truth */
	size_t winner; /* the class of the largest p */
	size_t ties;   /* how many classes share the largest p */
} Calc;

typedef struct {
	char names[SOFTMAX_MAX][SOFTMAX_CELL]; /* each class's name */
	const char *labels[SOFTMAX_MAX];
	/* What it gives: a copy of the last computation, versioned by its changes. */
	Calc pub;
	unsigned long version;
} Softmax;

/* The softmax cross-entropy of zt for the class c, by the library. */
static double ce(const double *zt, size_t c, size_t n)
{
	return loss_softmax_ce_forward(zt, &c, 1, n);
}

/* Reads the logits, the temperature and the truth, and works everything out. */
static void compute(const Instance *in, Calc *c)
{
	size_t i;
	double best = -INFINITY, w[SOFTMAX_MAX];
	Data d;

	memset(c, 0, sizeof *c);
	c->n = widget_nwords(in, "logits");
	if (c->n > SOFTMAX_MAX)
		c->n = SOFTMAX_MAX;
	c->ok = c->n > 0;
	c->t = 1;
	if (widget_str(in, "temperature", NULL) && scene_data(in, "temperature", &d) &&
	    isfinite(d.scalar)) {
		c->has_t = true;
		c->t = fmax(d.scalar, SOFTMAX_T_MIN);
	}
	for (i = 0; i < c->n; i++) {
		c->z[i] = scene_data_at(in, "logits", i, &d) ? d.scalar : NAN;
		c->ok = c->ok && isfinite(c->z[i]);
		c->zt[i] = c->z[i] / c->t;
		c->e[i] = exp(c->zt[i]);
	}
	if (!c->ok)
		return;
	loss_softmax(c->p, c->zt, c->n);
	for (i = 0; i < c->n; i++)
		if (c->p[i] > best)
			best = c->p[i], c->winner = i;
	for (i = 0; i < c->n; i++)
		c->ties += c->p[i] == best;
	if (!widget_str(in, "truth", NULL) || !scene_data(in, "truth", &d) || !isfinite(d.scalar))
		return;
	c->has_truth = true;
	c->truth = d.scalar < 0.5 ? 0 : (size_t)lround(fmin(d.scalar, (double)(c->n - 1)));
	c->loss = ce(c->zt, c->truth, c->n);
	loss_softmax_ce_backward(c->grad, 1.0, c->zt, &c->truth, 1, c->n);
	memcpy(w, c->zt, c->n * sizeof *w);
	for (i = 0; i < c->n; i++) {
		c->y[i] = i == c->truth;
		c->pmy[i] = c->p[i] - c->y[i];
		w[i] = c->zt[i] + SOFTMAX_NUDGE;
		c->nudge[i] = ce(w, c->truth, c->n);
		w[i] = c->zt[i] - SOFTMAX_NUDGE;
		c->nudge[i] = (c->nudge[i] - ce(w, c->truth, c->n)) / (2 * SOFTMAX_NUDGE);
		w[i] = c->zt[i];
	}
}

static int softmax_init(Instance *in)
{
	Softmax *s = calloc(1, sizeof *s);
	size_t i, n = widget_nwords(in, "logits");

	if (!s)
		return -1;
	in->state = s;
	for (i = 0; i < n && i < SOFTMAX_MAX; i++) {
		const char *l = widget_word(in, "labels", i), *ref = widget_word(in, "logits", i);
		if (l)
			snprintf(s->names[i], SOFTMAX_CELL, "%s", l);
		else
			snprintf(s->names[i], SOFTMAX_CELL, "%.*s", (int)schema_ref_id_len(ref), ref);
		s->labels[i] = s->names[i];
	}
	return 0;
}

static void softmax_free(Instance *in)
{
	free(in->state);
}

/* Headings, a row per class, the total, the winner, [the loss]. */
static int softmax_height(const Instance *in, int width)
{
	Calc c;

	(void)width;
	compute(in, &c);
	return (int)c.n + 3 + c.has_truth;
}

/* A column of the table: its heading and a number per class, and its total (NaN: none). */
typedef struct {
	const char *head;
	const double *v;
	int digits; /* decimals; -1: e^z's own format */
	double total;
	int width;
	int drop; /* dropped first when narrow: higher first; 0 never */
} Column;

static void cell(char *buf, size_t size, const Column *col, double v)
{
	if (!isfinite(v) && col->digits < 0 && v > 0)
		snprintf(buf, size, "%s", "inf");
	else if (col->digits < 0) /* e^z: 4 significant digits when large or small */
		snprintf(buf, size, v >= 1e5 || v < 1e-3 ? "%.3e" : "%.3f", v);
	else
		visual_fixed(buf, size, v, col->digits);
}

static double sum(const double *v, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* The columns shown: the logits, then e^z and p, or p, y, p - y, the gradient and the
 * measured slope. Returns how many. */
static int columns(const Calc *c, Caps caps, Column *cols)
{
	int k = 0;

	cols[k++] = (Column){"z", c->z, 2, NAN, 0, 0};
	if (c->has_t)
		cols[k++] = (Column){"z/T", c->zt, 2, NAN, 0, 3};
	if (!c->has_truth) {
		cols[k++] = (Column){"e^(z/T)", c->e, -1, sum(c->e, c->n), 0, 1};
		if (!c->has_t)
			cols[k - 1].head = "e^z";
	}
	cols[k++] = (Column){"p", c->p, 3, sum(c->p, c->n), 0, 0};
	if (c->has_truth) {
		cols[k++] = (Column){"y", c->y, 0, sum(c->y, c->n), 0, 0};
		cols[k++] = (Column){caps.unicode ? "p − y" : "p - y", c->pmy, 3,
				     sum(c->pmy, c->n), 0, 0};
		cols[k++] = (Column){caps.unicode ? "∂L/∂z" : "dL/dz", c->grad, 3,
				     sum(c->grad, c->n), 0, 1};
		cols[k++] = (Column){_("nudged"), c->nudge, 3, sum(c->nudge, c->n), 0, 2};
	}
	return k;
}

/* "Winner: cat (65.9%)", or the tie. */
static void winner_line(const Softmax *s, const Calc *c, char *buf, size_t size)
{
	char pc[SOFTMAX_CELL];

	visual_fixed(pc, sizeof pc, 100 * c->p[c->winner], 1);
	if (c->ties > 1)
		snprintf(buf, size, _("No winner: %zu classes tie at %s%% each"), c->ties, pc);
	else
		snprintf(buf, size, _("Winner: %s (%s%%)"), s->names[c->winner], pc);
}

static void softmax_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			 int *cy)
{
	const Softmax *s = in->state;
	const char *total = _("total");
	Column cols[8];
	Calc c;
	char buf[160], num[SOFTMAX_CELL], tot[SOFTMAX_CELL];
	int ncol, lw, x, y = r.y, i, k, used, gap = 2;
	size_t row;

	(void)focused, (void)cx, (void)cy;
	compute(in, &c);
	if (!c.ok) {
		const char *none = _("(no logits yet)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	ncol = columns(&c, caps, cols);
	lw = utf8_width(total, strlen(total));
	for (row = 0; row < c.n; row++) {
		k = utf8_width(s->names[row], strlen(s->names[row]));
		lw = k > lw ? k : lw;
	}
	lw = lw > r.w / 4 ? r.w / 4 : lw;
	for (i = 0; i < ncol; i++) {
		Column *col = &cols[i];
		col->width = utf8_width(col->head, strlen(col->head));
		for (row = 0; row <= c.n; row++) {
			double v = row < c.n ? col->v[row] : col->total;
			if (row == c.n && isnan(v))
				continue;
			cell(num, sizeof num, col, v);
			k = (int)strlen(num);
			col->width = k > col->width ? k : col->width;
		}
	}
	/* Too narrow: leave out the columns that matter least, then close the gaps. */
	for (;;) {
		int worst = -1;
		used = lw;
		for (i = 0; i < ncol; i++)
			used += gap + cols[i].width;
		if (used <= r.w)
			break;
		for (i = 0; i < ncol; i++)
			if (cols[i].drop && (worst < 0 || cols[i].drop > cols[worst].drop))
				worst = i;
		if (worst < 0) {
			if (gap == 1)
				break;
			gap = 1;
			continue;
		}
		memmove(&cols[worst], &cols[worst + 1], (size_t)(ncol - worst - 1) * sizeof *cols);
		ncol--;
	}
	/* The headings, right-aligned over their numbers. */
	x = r.x + lw;
	for (i = 0; i < ncol; i++) {
		x += gap + cols[i].width;
		grid_str(g, x - utf8_width(cols[i].head, strlen(cols[i].head)), y, cols[i].head,
			 STYLE_BOLD);
	}
	y++;
	for (row = 0; row <= c.n; row++, y++) {
		const char *name = row < c.n ? s->names[row] : total;
		Style st = row == c.winner && c.ties == 1 ? STYLE_BOLD
			   : row == c.n		       ? STYLE_DIM
						       : STYLE_NORMAL;
		grid_text(g, r.x, y, name, strlen(name), lw, st);
		x = r.x + lw;
		for (i = 0; i < ncol; i++) {
			double v = row < c.n ? cols[i].v[row] : cols[i].total;
			x += gap + cols[i].width;
			if (row == c.n && isnan(v))
				continue;
			cell(num, sizeof num, &cols[i], v);
			grid_str(g, x - (int)strlen(num), y, num, st);
		}
	}
	winner_line(s, &c, buf, sizeof buf);
	if (y < r.y + r.h)
		grid_text(g, r.x, y++, buf, strlen(buf), r.w, STYLE_ACCENT);
	if (!c.has_truth || y >= r.y + r.h)
		return;
	if (c.p[c.truth] >= 0.001) /* else in powers of ten, so that it never reads 0 */
		visual_fixed(num, sizeof num, c.p[c.truth], 3);
	else
		snprintf(num, sizeof num, "%.2e", c.p[c.truth]);
	visual_fixed(tot, sizeof tot, c.loss, 3);
	snprintf(buf, sizeof buf, caps.unicode ? _("Loss L = −ln p(%s) = −ln %s = %s")
					       : _("Loss L = -ln p(%s) = -ln %s = %s"),
		 s->names[c.truth], num, tot);
	grid_text(g, r.x, y, buf, strlen(buf), r.w, STYLE_NORMAL);
}

/* "probs": p by class; "grad": the library's dL/dz; "loss": the loss (with truth=). */
static bool softmax_output(const Instance *in, const char *name, Data *out)
{
	Softmax *s = in->state;
	Calc c;

	compute(in, &c);
	if (!c.ok)
		return false;
	if (memcmp(&c, &s->pub, sizeof c) != 0)
		s->version++;
	s->pub = c;
	out->version = s->version;
	if (name && strcmp(name, "loss") == 0) {
		if (!c.has_truth)
			return false;
		out->scalar = s->pub.loss;
		out->v = &out->scalar;
		return true;
	}
	if (name && strcmp(name, "grad") == 0 && !c.has_truth)
		return false;
	out->n = c.n;
	out->v = name && strcmp(name, "grad") == 0 ? s->pub.grad : s->pub.p;
	out->labels = s->labels;
	return true;
}

static const WidgetOps softmax_ops = {
	.init = softmax_init,
	.free = softmax_free,
	.height = softmax_height,
	.draw = softmax_draw,
	.output = softmax_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "logits", .type = PARAM_REFS, .required = true, .nmin = 2, .nmax = SOFTMAX_MAX,
     .accepts = DATA_SCALAR, .help = N_("the widgets (sliders) whose numbers are the logits")},
    {.name = "labels", .type = PARAM_WORDS, .nmax = SOFTMAX_MAX,
     .help = N_("a name for each class (default: the ids read)")},
    {.name = "temperature", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget whose number T divides the logits first (at least 0.01)")},
    {.name = "truth", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget whose number is the true class, from 0 (a choice): the table "
                "then shows y, p - y, the library's gradient, a measured slope and the "
                "loss")},
};

static const OutputSpec outputs[] = {
    {"probs", DATA_VECTOR, N_("the probabilities, named by class")},
    {"grad", DATA_VECTOR, N_("the gradient of the loss into each logit (with truth)")},
    {"loss", DATA_SCALAR, N_("the cross-entropy loss (with truth)")},
};

const WidgetKind softmax_kind = {
    .schema = {.name = "softmax",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("probabilities from logits by softmax, with the total, the winner "
                          "and the gradient of cross-entropy"),
               .example = "id=head logits=z,x1 labels=cat,dog"},
    .ops = &softmax_ops,
};
