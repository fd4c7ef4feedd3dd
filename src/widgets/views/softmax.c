/* softmax.c: a softmax head worked out live: logits read from other widgets (sliders)
 * or its own, which the learner sets with keys and shows 2 to 8 of; divided by a
 * temperature when one is read, turned into probabilities by src/nn's softmax. Given
 * the true class it works out p - y, the library's cross-entropy gradient and a slope
 * measured by nudging each logit, and the loss. It gives the probabilities (for bars),
 * the gradient and the loss; softmax-draw.c shows them. Must not own the loop or write
 * files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "nls.h"
#include "nn/loss.h"
#include "widgets/controls/controls.h"
#include "widgets/core/registry.h"
#include "widgets/views/softmax.h"

/* The smallest temperature used: a slider at 0 would divide by zero. */
#define SOFTMAX_T_MIN 0.01
/* The nudge of the measured slope: (L(z + h) - L(z - h)) / 2h. */
#define SOFTMAX_NUDGE 1e-4

/* The softmax cross-entropy of zt for the class c, by the library. */
static double ce(const double *zt, size_t c, size_t n)
{
	return loss_softmax_ce_forward(zt, &c, 1, n);
}

/* The logits: its own (the classes shown) or read from the widgets named. */
static void read_logits(const Instance *in, SoftmaxCalc *c)
{
	const Softmax *s = in->state;
	size_t i;
	Data d;

	if (s->own) {
		c->n = s->count;
		memcpy(c->z, s->z, c->n * sizeof *c->z);
		return;
	}
	c->n = widget_nwords(in, "logits");
	if (c->n > SOFTMAX_MAX)
		c->n = SOFTMAX_MAX;
	for (i = 0; i < c->n; i++)
		c->z[i] = scene_data_at(in, "logits", i, &d) ? d.scalar : NAN;
}

void softmax_calc(const Instance *in, SoftmaxCalc *c)
{
	size_t i;
	double best = -INFINITY, w[SOFTMAX_MAX];
	Data d;

	memset(c, 0, sizeof *c);
	read_logits(in, c);
	c->ok = c->n > 0;
	c->t = 1;
	if (widget_str(in, "temperature", NULL) && scene_data(in, "temperature", &d) &&
	    isfinite(d.scalar)) {
		c->has_t = true;
		c->t = fmax(d.scalar, SOFTMAX_T_MIN);
	}
	for (i = 0; i < c->n; i++) {
		c->ok = c->ok && isfinite(c->z[i]);
		c->zt[i] = c->z[i] / c->t;
		c->e[i] = exp(c->zt[i]);
	}
	if (!c->ok)
		return;
	loss_softmax(c->p, c->zt, c->n);
	for (i = 0; i < c->n; i++) {
		c->pct[i] = 100 * c->p[i];
		if (c->p[i] > best)
			best = c->p[i], c->winner = i;
	}
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

/* With values=: its own logits, clamped to range=, and how many show at the start. */
static void own_init(Instance *in, Softmax *s)
{
	size_t i;

	s->most = widget_nums(in, "values", s->z, SOFTMAX_MAX);
	if (s->most > SOFTMAX_MAX)
		s->most = SOFTMAX_MAX;
	s->own = s->most >= 2;
	if (!s->own)
		return;
	if (!widget_range(in, "range", &s->lo, &s->hi) || !(s->lo < s->hi))
		s->lo = -5, s->hi = 5;
	s->step = widget_num(in, "step", 0.5);
	if (!(s->step > 0))
		s->step = 0.5;
	for (i = 0; i < s->most; i++)
		s->z[i] = control_clamp(s->z[i], s->lo, s->hi);
	s->count = (size_t)widget_num(in, "classes", (double)s->most);
	if (s->count < 2 || s->count > s->most)
		s->count = s->most;
}

static int softmax_init(Instance *in)
{
	Softmax *s = calloc(1, sizeof *s);
	size_t i, n;

	if (!s)
		return -1;
	in->state = s;
	own_init(in, s);
	n = s->own ? s->most : widget_nwords(in, "logits");
	for (i = 0; i < n && i < SOFTMAX_MAX; i++) {
		const char *l = widget_word(in, "labels", i), *ref;
		if (l)
			snprintf(s->names[i], SOFTMAX_CELL, "%s", l);
		else if (s->own)
			snprintf(s->names[i], SOFTMAX_CELL, "%zu", i + 1);
		else {
			ref = widget_word(in, "logits", i);
			snprintf(s->names[i], SOFTMAX_CELL, "%.*s", (int)schema_ref_id_len(ref), ref);
		}
		s->labels[i] = s->names[i];
	}
	return 0;
}

static void softmax_free(Instance *in)
{
	free(in->state);
}

/* Its own logits take keys; logits read from sliders are moved there. */
static bool softmax_focusable(const Instance *in)
{
	return ((const Softmax *)in->state)->own;
}

/* Up/Down choose a class, Left/Right (PgUp/PgDn, Home/End) move its logit, a digit
 * shows that many classes. */
static unsigned softmax_key(Instance *in, const Key *k)
{
	Softmax *s = in->state;
	double *z = &s->z[s->sel], old = *z;
	size_t oldn = s->count, olds = s->sel;

	if (!s->own)
		return WIDGET_IGNORED;
	if (k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) && k->ch >= '2' &&
	    k->ch <= '0' + SOFTMAX_MAX) {
		if ((size_t)(k->ch - '0') > s->most)
			return WIDGET_IGNORED;
		s->count = (size_t)(k->ch - '0');
		if (s->sel >= s->count)
			s->sel = s->count - 1;
		return WIDGET_HANDLED | (s->count != oldn ? WIDGET_REDRAW : 0);
	}
	if (k->code == K_UP || key_is_char(k, 'k')) {
		if (s->sel > 0)
			s->sel--;
	} else if (k->code == K_DOWN || key_is_char(k, 'j')) {
		if (s->sel + 1 < s->count)
			s->sel++;
	}
	else if (k->code == K_LEFT || key_is_char(k, 'h'))
		*z -= s->step;
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		*z += s->step;
	else if (k->code == K_PGDN)
		*z -= 10 * s->step;
	else if (k->code == K_PGUP)
		*z += 10 * s->step;
	else if (k->code == K_HOME)
		*z = s->lo;
	else if (k->code == K_END)
		*z = s->hi;
	else
		return WIDGET_IGNORED;
	/* Stay on the grid of steps from the low end, so 0.1 steps never drift. */
	*z = control_clamp(control_snap(*z, s->lo, s->step), s->lo, s->hi);
	return WIDGET_HANDLED | (*z != old || s->sel != olds ? WIDGET_REDRAW : 0);
}

/* The keys of the table, the digits those of the classes it may show ("2-5"). */
static int softmax_keys(const Instance *in, bool unicode, const char **pairs, int max,
			char *scratch, size_t size)
{
	const Softmax *s = in->state;
	int n = 0;

	if (!s->own || max < 10)
		return 0;
	pairs[n++] = unicode ? "↑/↓/k/j" : "Up/Down/k/j";
	pairs[n++] = _("choose a class");
	pairs[n++] = unicode ? "←/→/h/l" : "Left/Right/h/l";
	pairs[n++] = _("lower or raise its logit");
	pairs[n++] = "PgUp/PgDn";
	pairs[n++] = _("move it ten steps");
	pairs[n++] = "Home/End";
	pairs[n++] = _("to an end");
	snprintf(scratch, size, "2-%zu", s->most);
	pairs[n++] = scratch;
	pairs[n++] = _("show that many classes");
	return n;
}

/* Its own logits as entered ("2,1,0.5"), every one of them, and the classes shown. */
static void softmax_save(const Instance *in, const Store *st)
{
	const Softmax *s = in->state;
	char buf[SOFTMAX_MAX * 32], num[32];
	size_t i, len = 0;

	if (!s->own)
		return;
	for (i = 0; i < s->most; i++) {
		str_double(num, sizeof num, s->z[i]);
		len = str_addf(buf, sizeof buf, len, "%s%s", i ? "," : "", num);
	}
	st->set(st->ctx, "logits", buf);
	store_put_int(st, "classes", (int)s->count);
}

/* Takes back what softmax_save wrote; a list that does not read whole is left out. */
static void softmax_restore(Instance *in, const Store *st)
{
	Softmax *s = in->state;
	const char *v;
	double z[SOFTMAX_MAX];
	size_t i;
	char *end;

	if (!s->own)
		return;
	s->count = (size_t)store_get_int(st, "classes", 2, (int)s->most, (int)s->count);
	s->sel = 0;
	v = st->get(st->ctx, "logits");
	if (!v)
		return;
	for (i = 0; i < s->most; i++) {
		z[i] = strtod(v, &end);
		if (end == v || !isfinite(z[i]) || *end != (i + 1 < s->most ? ',' : '\0'))
			return;
		v = end + 1;
	}
	for (i = 0; i < s->most; i++)
		s->z[i] = control_clamp(z[i], s->lo, s->hi);
}

/* "probs": p by class; "grad": the library's dL/dz; "loss": the loss (with truth=). */
static bool softmax_output(const Instance *in, const char *name, Data *out)
{
	Softmax *s = in->state;
	SoftmaxCalc c;

	softmax_calc(in, &c);
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
	.key = softmax_key,
	.focusable = softmax_focusable,
	.keys = softmax_keys,
	.save = softmax_save,
	.restore = softmax_restore,
	.output = softmax_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "logits", .type = PARAM_REFS, .required = true, .nmin = 2, .nmax = SOFTMAX_MAX,
     .accepts = DATA_SCALAR, .unless = "values",
     .help = N_("the widgets (sliders) whose numbers are the logits")},
    {.name = "values", .type = PARAM_NUMBERS, .required = true, .nmin = 2,
     .nmax = SOFTMAX_MAX, .min = -1e6, .max = 1e6, .unless = "logits",
     .help = N_("its own logits, one per class it may show, which the learner sets with "
                "keys: the table then adds a bar and the percent of each p")},
    {.name = "classes", .type = PARAM_INT, .min = 2, .max = SOFTMAX_MAX, .needs = "values",
     .help = N_("how many of its classes show at the start (default: all); a digit key "
                "changes it")},
    {.name = "range", .type = PARAM_RANGE, .min = -1e6, .max = 1e6, .def = "-5..5",
     .needs = "values", .help = N_("the lowest and highest logit the learner may set")},
    {.name = "step", .type = PARAM_NUMBER, .min = 1e-9, .max = 1e6, .def = "0.5",
     .needs = "values", .help = N_("how far one key press moves a logit")},
    {.name = "labels", .type = PARAM_WORDS, .nmax = SOFTMAX_MAX,
     .help = N_("a name for each class (default: the ids read, or 1, 2, ...)")},
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

/* Its keys with values= (softmax_keys shows the digits an instance takes: 2 to its
 * number of values, at most SOFTMAX_MAX). */
_Static_assert(SOFTMAX_MAX == 8, "the digits below name SOFTMAX_MAX");
static const KindKey keys[] = {
    {"Up Down k j", N_("choose a class")},
    {"Left Right h l", N_("lower or raise its logit")},
    {"PgUp PgDn", N_("move it ten steps")},
    {"Home End", N_("to an end")},
    {"2-8", N_("show that many classes")},
};

const WidgetKind softmax_kind = {
    .schema = {.name = "softmax",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("probabilities from logits by softmax, with the total, the winner "
                          "and the gradient of cross-entropy"),
               .example = "id=head values=2,1,0,-1 classes=3 labels=cat,dog,bird,fish"},
    KIND_LIST(keys, keys),
    .ops = &softmax_ops,
};
