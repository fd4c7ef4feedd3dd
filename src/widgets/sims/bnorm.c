/* bnorm.c: "Re-centering": a real deep ReLU stack (`layers` dense layers of `width`
 * neurons, biases 0) over a fixed batch, optionally with batch normalization of every
 * layer's totals (src/nn's batchnorm_forward, gamma 1, beta 0) before the ReLU. It shows
 * one neuron's totals over the batch, layer by layer (an animation controller or
 * Left/Right steps through the layers): their mean and variance, computed from the
 * batch, and with batch norm on the normalized values' too; it publishes their histogram
 * for a bars chart. Everything is drawn from the seed, in this order: each layer's
 * weights row-major, N(0, (scale / sqrt(width))^2); the inputs (batch, width), N(0, 1).
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/act.h"
#include "nn/dense.h"
#include "nn/norm.h"
#include "nn/rng.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { BN_MAX_LAYERS = 20, BN_MAX_WIDTH = 64, BN_MAX_BATCH = 500, BN_MAX_BINS = 24 };
enum { BN_TEXT = 512, BN_LINES = 8 };

typedef struct {
	int layers, width, batch, neuron, bins;
	double lo, hi; /* the histogram's range */
	double scale;
	unsigned long seed;
	bool bn;    /* what the stack computes with now */
	bool fresh; /* bn is that computed */
	Steps at;   /* the layer shown, from 0 */
	double *w, *x;    /* (layers, width, width); (batch, width) */
	double *z, *xh;   /* (layers, batch, width) each: totals; normalized totals */
	double *h;        /* (batch, width): the layer's output, layer by layer */
	double mean[BN_MAX_WIDTH], rstd[BN_MAX_WIDTH], gam[BN_MAX_WIDTH], bet[BN_MAX_WIDTH];
	double hist[BN_MAX_BINS];
	char label[BN_MAX_BINS][16];
	const char *labels[BN_MAX_BINS];
	int outside; /* values of the shown layer outside the histogram's range */
	unsigned long version;
} BNorm;

/* Whether batch norm is on: its switch, or its directive. */
static bool wanted(const Instance *in)
{
	const char *from = widget_str(in, "bn_from", NULL);
	double v;

	if (from && scene_value(in->scene, from, &v))
		return v != 0;
	return widget_bool(in, "bn", false);
}

/* Mean and (biased) variance of the shown neuron's n values at stride `stride`. */
static void stats(const double *v, size_t n, size_t stride, double *mean, double *var)
{
	double m = 0, s = 0;
	size_t r;

	for (r = 0; r < n; r++)
		m += v[r * stride];
	m /= (double)n;
	for (r = 0; r < n; r++)
		s += (v[r * stride] - m) * (v[r * stride] - m);
	*mean = m;
	*var = s / (double)n;
}

/* The values the histogram shows at layer l: the totals, or with batch norm the
 * normalized totals; the shown neuron's column. */
static const double *shown(const BNorm *s, int l)
{
	size_t bn = (size_t)(s->batch * s->width);
	return (s->bn ? s->xh : s->z) + (size_t)l * bn + (size_t)s->neuron;
}

/* Counts the shown layer's values into the bins (those outside the range apart). */
static void histogram(BNorm *s)
{
	const double *v = shown(s, steps_at(&s->at, s->layers));
	double step = (s->hi - s->lo) / s->bins;
	int r;

	memset(s->hist, 0, sizeof s->hist);
	s->outside = 0;
	for (r = 0; r < s->batch; r++) {
		double x = v[(size_t)(r * s->width)];
		int k = (int)floor((x - s->lo) / step);
		if (x < s->lo || x >= s->hi || k < 0 || k >= s->bins)
			s->outside++;
		else
			s->hist[k]++;
	}
	s->version++;
}

/* Draws the weights and inputs from the seed (the order above), then one forward pass,
 * keeping every layer's totals and, with batch norm, their normalized values. */
static void compute(BNorm *s)
{
	size_t L = (size_t)s->layers, n = (size_t)s->width, b = (size_t)s->batch, l, k;
	size_t bn = b * n;
	BatchNormShape shape = {.n = b, .c = n, .s = 1, .eps = 1e-5, .momentum = 0.1};
	Rng r;

	rng_seed(&r, s->seed);
	for (k = 0; k < L * n * n; k++)
		s->w[k] = rng_normal(&r, 0, s->scale / sqrt((double)n));
	for (k = 0; k < bn; k++)
		s->x[k] = rng_normal(&r, 0, 1);
	for (l = 0; l < L; l++) {
		double *z = s->z + l * bn, *xh = s->xh + l * bn;
		dense_forward(z, l ? s->h : s->x, s->w + l * n * n, NULL, b, n, n);
		if (s->bn) {
			batchnorm_forward(xh, s->mean, s->rstd, NULL, NULL, z, s->gam, s->bet,
					  &shape);
			act_forward(s->h, xh, bn, ACT_RELU);
		} else
			act_forward(s->h, z, bn, ACT_RELU);
	}
	histogram(s);
}

/* Recomputes when the switch it follows changed; returns whether. */
static bool refresh(Instance *in)
{
	BNorm *s = in->state;
	bool bn = wanted(in);

	if (s->fresh && bn == s->bn)
		return false;
	s->bn = bn;
	s->fresh = true;
	compute(s);
	return true;
}

static void bnorm_free(Instance *in)
{
	BNorm *s = in->state;

	if (!s)
		return;
	free(s->w);
	free(s->x);
	free(s->z);
	free(s->xh);
	free(s->h);
	free(s);
	in->state = NULL;
}

static int bnorm_init(Instance *in)
{
	BNorm *s = calloc(1, sizeof *s);
	size_t L, n, bn;
	int k;

	if (!s)
		return -1;
	in->state = s;
	s->layers = (int)widget_num(in, "layers", 10);
	s->width = (int)widget_num(in, "width", 32);
	s->batch = (int)widget_num(in, "batch", 200);
	s->neuron = (int)widget_num(in, "neuron", 1) - 1;
	if (s->neuron >= s->width)
		s->neuron = s->width - 1;
	s->bins = (int)widget_num(in, "bins", 12);
	s->scale = widget_num(in, "scale", 1.4);
	s->seed = (unsigned long)widget_num(in, "seed", 1);
	if (!widget_range(in, "range", &s->lo, &s->hi) || !(s->hi > s->lo))
		s->lo = -6, s->hi = 6;
	for (k = 0; k < s->bins; k++) {
		char c[16];
		visual_num(c, sizeof c, s->lo + (k + 0.5) * (s->hi - s->lo) / s->bins, 2);
		snprintf(s->label[k], sizeof s->label[k], "%s", c);
		s->labels[k] = s->label[k];
	}
	for (k = 0; k < s->width; k++)
		s->gam[k] = 1, s->bet[k] = 0;
	steps_init(&s->at, 0);
	L = (size_t)s->layers, n = (size_t)s->width, bn = (size_t)s->batch * n;
	s->w = calloc(L * n * n, sizeof *s->w);
	s->x = calloc(bn, sizeof *s->x);
	s->z = calloc(L * bn, sizeof *s->z);
	s->xh = calloc(L * bn, sizeof *s->xh);
	s->h = calloc(bn, sizeof *s->h);
	if (!s->w || !s->x || !s->z || !s->xh || !s->h) {
		bnorm_free(in);
		return -1;
	}
	refresh(in);
	return 0;
}

/* Its lines: where it is, the totals' mean and variance, and the normalized values'. */
static size_t text(const BNorm *s, Caps caps, char *out, size_t size)
{
	int l = steps_at(&s->at, s->layers);
	size_t b = (size_t)s->batch, stride = (size_t)s->width, len;
	double m, v;
	char ms[32], vs[32];

	(void)caps;
	len = str_addf(out, size, 0,
		       s->bn ? _("layer %d of %d, neuron %d, %d examples: batch norm on")
			     : _("layer %d of %d, neuron %d, %d examples: batch norm off"),
		       l + 1, s->layers, s->neuron + 1, s->batch);
	stats(s->z + (size_t)l * b * stride + (size_t)s->neuron, b, stride, &m, &v);
	visual_fixed(ms, sizeof ms, fabs(m) < 5e-4 ? 0 : m, 3);
	visual_fixed(vs, sizeof vs, v, 3);
	len = str_addf(out, size, len, "\n");
	len = str_addf(out, size, len, _("totals: mean %s, variance %s"), ms, vs);
	if (s->bn) {
		stats(shown(s, l), b, stride, &m, &v);
		visual_fixed(ms, sizeof ms, fabs(m) < 5e-4 ? 0 : m, 3); /* no "-0.000" */
		visual_fixed(vs, sizeof vs, v, 3);
		len = str_addf(out, size, len, "\n");
		len = str_addf(out, size, len, _("normalized: mean %s, variance %s"), ms, vs);
	}
	if (s->outside) {
		len = str_addf(out, size, len, "\n");
		len = str_addf(out, size, len, _("%d values fall outside the bars' range"),
			       s->outside);
	}
	return len;
}

static int bnorm_height(const Instance *in, int width)
{
	const BNorm *s = in->state;
	char buf[BN_TEXT];
	size_t n = text(s, (Caps){.unicode = true}, buf, sizeof buf);
	BNorm t = *s;

	/* as many rows as its tallest state: batch norm on, values outside */
	(void)n;
	t.bn = true;
	t.outside = 1;
	n = text(&t, (Caps){.unicode = true}, buf, sizeof buf);
	return wrap_text(buf, n, width, NULL, 0);
}

static void bnorm_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	const BNorm *s = in->state;
	char buf[BN_TEXT];
	WrapLine lines[BN_LINES];
	size_t n = text(s, caps, buf, sizeof buf);
	int i, k = wrap_text(buf, n, r.w, lines, BN_LINES);

	(void)focused, (void)cx, (void)cy;
	for (i = 0; i < k && i < BN_LINES && i < r.h; i++)
		grid_text(g, r.x, r.y + i, buf + lines[i].start, lines[i].len, r.w,
			  i == 0 ? STYLE_BOLD : STYLE_NORMAL);
}

static unsigned bnorm_key(Instance *in, const Key *k)
{
	BNorm *s = in->state;
	int to = steps_key_target(&s->at, s->layers, k, false);
	unsigned r;

	if (to < 0)
		return WIDGET_IGNORED;
	r = steps_key_go(&s->at, s->layers, to, &in->animating);
	if (r & WIDGET_HANDLED)
		histogram(s);
	return r;
}

/* It follows its switch (KIND_WATCH) and moves on a layer while it plays. */
static bool bnorm_tick(Instance *in, double dt)
{
	BNorm *s = in->state;
	bool changed = refresh(in);

	if (steps_tick(&s->at, s->layers, dt, &in->animating)) {
		histogram(s);
		changed = true;
	}
	return changed;
}

static void bnorm_animate(Instance *in, AnimCommand cmd, double arg)
{
	BNorm *s = in->state;

	if (steps_command(&s->at, s->layers, cmd, arg, &in->animating))
		histogram(s);
}

static void bnorm_anim_state(const Instance *in, AnimState *st)
{
	const BNorm *s = in->state;

	steps_state(&s->at, s->layers, st);
}

static bool bnorm_output(const Instance *in, const char *name, Data *out)
{
	BNorm *s = in->state;
	int l = steps_at(&s->at, s->layers);
	double m, v;

	out->version = s->version;
	if (strcmp(name, "hist") == 0) {
		out->n = (size_t)s->bins;
		out->v = s->hist;
		out->labels = s->labels;
		return true;
	}
	stats(strcmp(name, "total_mean") == 0 || strcmp(name, "total_var") == 0
		  ? s->z + (size_t)(l * s->batch * s->width) + (size_t)s->neuron
		  : shown(s, l),
	      (size_t)s->batch, (size_t)s->width, &m, &v);
	out->scalar = strstr(name, "mean") ? m : v;
	out->n = 1;
	return true;
}

static const WidgetOps bnorm_ops = {
	.init = bnorm_init,
	.free = bnorm_free,
	.height = bnorm_height,
	.draw = bnorm_draw,
	.key = bnorm_key,
	.tick = bnorm_tick,
	.output = bnorm_output,
	.animate = bnorm_animate,
	.anim_state = bnorm_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "layers", .type = PARAM_INT, .min = 2, .max = BN_MAX_LAYERS, .def = "10",
     .help = N_("the dense ReLU layers of the stack")},
    {.name = "width", .type = PARAM_INT, .min = 1, .max = BN_MAX_WIDTH, .def = "32",
     .help = N_("the neurons of every layer, and the inputs")},
    {.name = "batch", .type = PARAM_INT, .min = 2, .max = BN_MAX_BATCH, .def = "200",
     .help = N_("the examples of the batch")},
    {.name = "neuron", .type = PARAM_INT, .min = 1, .max = BN_MAX_WIDTH, .def = "1",
     .help = N_("the neuron of each layer whose totals it shows")},
    {.name = "scale", .type = PARAM_NUMBER, .min = 0.01, .max = 100, .def = "1.4",
     .help = N_("the weight scale g: weights are drawn from N(0, (g/sqrt(width))^2)")},
    {.name = "bn", .type = PARAM_BOOL, .def = "no",
     .help = N_("batch norm of every layer's totals before its ReLU")},
    {.name = "bn_from", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget (a switch) whose value turns batch norm on, instead of bn")},
    {.name = "bins", .type = PARAM_INT, .min = 2, .max = BN_MAX_BINS, .def = "12",
     .help = N_("the histogram's bins")},
    {.name = "range", .type = PARAM_RANGE, .def = "-6..6",
     .help = N_("the histogram's range")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights and the inputs")},
};

static const OutputSpec outputs[] = {
    {"hist", DATA_VECTOR,
     N_("the histogram of the values shown (the totals, or normalized), bins named by their "
        "centres")},
    {"mean", DATA_SCALAR, N_("the mean of the values shown, over the batch")},
    {"var", DATA_SCALAR, N_("the variance of the values shown, over the batch")},
    {"total_mean", DATA_SCALAR, N_("the mean of the layer's totals, over the batch")},
    {"total_var", DATA_SCALAR, N_("the variance of the layer's totals, over the batch")},
};

static const KindKey keys[] = {
    {"Left Right", N_("the layer before or after")},
    {"Home End", N_("the first or last layer")},
};

const WidgetKind bnorm_kind = {
    .schema = {.name = "bnorm",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a deep ReLU stack layer by layer: one neuron's totals over the "
                          "batch, with or without batch norm"),
               .example = "id=bn10 layers=10 bn=yes"},
    KIND_LIST(keys, keys),
    .ops = &bnorm_ops,
    .flags = KIND_WATCH, /* it follows its switch (bn_from=) */
};
