/* gradflow.c: "Gradient Decay" and "Bypass the Block": a real deep network (`layers`
 * blocks of `width` neurons, one activation throughout, biases 0). Block l computes
 * z_l = W_l h_(l-1) and its branch F_l = a act(z_l) (a: the branch scale); without the
 * skip path h_l = F_l, with it h_l = h_(l-1) + F_l (h_0: the inputs). One forward pass
 * over a fixed batch, the squared error of h_L against fixed targets and ONE backward
 * pass of the library's layers (dense, act, residual). It publishes the size of each
 * block's signal h_l, of its delta dL/dz_l and of its weight gradient, layer 1 first, for
 * bars charts, and shows layer 1's delta against the last layer's. The activation, the
 * weight scale, the skip path and the branch scale may follow widgets.
 * Everything is drawn from the seed, in this order: each layer's weights row-major,
 * N(0, (scale / sqrt(width))^2); the inputs (batch, width), N(0, 1); the targets
 * (batch, width), U(0, 1). So a test can build the same net and check every number.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/axes.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/loss.h"
#include "nn/act.h"
#include "nn/dense.h"
#include "nn/rng.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	GF_MAX_LAYERS = 30,
	GF_MAX_WIDTH = 64,
	GF_MAX_BATCH = 64,
	GF_TEXT = 512,
	GF_LINES = 8
};

typedef struct {
	int layers, width, batch;
	unsigned long seed;
	Activation act; /* what the net computes with now */
	double scale;   /* the weights' spread times sqrt(width) */
	bool skip;      /* h_l = h_(l-1) + F_l instead of F_l */
	double branch;  /* the branch scale a */
	bool fresh;     /* act, scale, skip and branch are those computed */
	bool blocks;    /* skip= or branch_scale= (no defaults) or their _from: it says so */
	double *w, *dw;       /* (layers, width, width) each */
	double *z, *a, *h, *d; /* (layers, batch, width) each: totals, act(z), signals, deltas */
	double *dh, *g;        /* (batch, width) each: dL/dh_l, block by block; a dL/dh_l */
	double *x, *t;         /* (batch, width) each */
	double lossv;
	double deltas[GF_MAX_LAYERS], grads[GF_MAX_LAYERS], signals[GF_MAX_LAYERS], ratio;
	char label[GF_MAX_LAYERS][24];
	const char *labels[GF_MAX_LAYERS];
	unsigned long version;
} GradFlow;

/* The activation and scale its directive and the widgets it follows give now. */
static void wanted(const Instance *in, Activation *act, double *scale, bool *skip,
		   double *branch)
{
	const char *from = widget_str(in, "act_from", NULL);
	double v;

	if (!(from && visual_act(visual_choice_word(in->scene, from), act)) &&
	    !visual_act(widget_str(in, "activation", "sigmoid"), act))
		*act = ACT_SIGMOID;
	*scale = widget_num(in, "scale", 1);
	from = widget_str(in, "scale_from", NULL);
	if (from && scene_value(in->scene, from, &v) && v > 0)
		*scale = v;
	*skip = widget_bool(in, "skip", false);
	from = widget_str(in, "skip_from", NULL);
	if (from && scene_value(in->scene, from, &v))
		*skip = v != 0;
	*branch = widget_num(in, "branch_scale", 1);
	from = widget_str(in, "branch_from", NULL);
	if (from && scene_value(in->scene, from, &v) && v >= 0)
		*branch = v;
}

/* The Frobenius norm of n numbers. */
static double norm(const double *v, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i] * v[i];
	return sqrt(s);
}

/* Draws the weights, inputs and targets from the seed (the order above), then one
 * forward pass, the loss and one backward pass; keeps each layer's sizes. */
static void compute(GradFlow *s)
{
	size_t L = (size_t)s->layers, n = (size_t)s->width, b = (size_t)s->batch, l, k;
	size_t bn = b * n;
	Rng r;

	rng_seed(&r, s->seed);
	for (k = 0; k < L * n * n; k++)
		s->w[k] = rng_normal(&r, 0, s->scale / sqrt((double)n));
	for (k = 0; k < bn; k++)
		s->x[k] = rng_normal(&r, 0, 1);
	for (k = 0; k < bn; k++)
		s->t[k] = rng_uniform(&r);
	for (l = 0; l < L; l++) {
		const double *in = l ? s->h + (l - 1) * bn : s->x;
		double *z = s->z + l * bn, *a = s->a + l * bn, *h = s->h + l * bn;
		dense_forward(z, in, s->w + l * n * n, NULL, b, n, n);
		act_forward(a, z, bn, s->act);
		for (k = 0; k < bn; k++)
			h[k] = s->branch * a[k];
		if (s->skip)
			residual_forward(h, h, in, bn);
	}
	s->lossv = loss_forward(LOSS_MSE, s->h + (L - 1) * bn, s->h + (L - 1) * bn, s->t, b, n);
	memset(s->dh, 0, bn * sizeof *s->dh);
	loss_backward(s->dh, LOSS_MSE, ACT_LINEAR, s->h + (L - 1) * bn, s->h + (L - 1) * bn,
		      s->t, b, n);
	memset(s->d, 0, L * bn * sizeof *s->d);
	memset(s->dw, 0, L * n * n * sizeof *s->dw);
	for (l = L; l-- > 0;) {
		const double *in = l ? s->h + (l - 1) * bn : s->x;
		double *d = s->d + l * bn;
		for (k = 0; k < bn; k++) /* dL/d act(z_l) = a dL/dh_l */
			s->g[k] = s->branch * s->dh[k];
		act_backward(d, s->g, s->z + l * bn, s->a + l * bn, bn, s->act);
		if (!s->skip) /* with the skip path dL/dh_(l-1) starts as dL/dh_l */
			memset(s->dh, 0, bn * sizeof *s->dh);
		dense_backward(l ? s->dh : NULL, s->dw + l * n * n, NULL, d, in, s->w + l * n * n,
			       b, n, n);
	}
	for (l = 0; l < L; l++) {
		s->deltas[l] = norm(s->d + l * bn, bn);
		s->grads[l] = norm(s->dw + l * n * n, n * n);
		s->signals[l] = norm(s->h + l * bn, bn);
	}
	s->ratio = s->deltas[0] / s->deltas[L - 1];
	s->version++;
}

/* Recomputes when the activation or the scale it follows changed; returns whether. */
static bool refresh(Instance *in)
{
	GradFlow *s = in->state;
	Activation act;
	double scale, branch;
	bool skip;

	wanted(in, &act, &scale, &skip, &branch);
	if (s->fresh && act == s->act && scale == s->scale && skip == s->skip &&
	    branch == s->branch)
		return false;
	s->act = act;
	s->scale = scale;
	s->skip = skip;
	s->branch = branch;
	s->fresh = true;
	compute(s);
	return true;
}

static void gradflow_free(Instance *in)
{
	GradFlow *s = in->state;

	if (!s)
		return;
	free(s->w);
	free(s->dw);
	free(s->z);
	free(s->a);
	free(s->h);
	free(s->d);
	free(s->dh);
	free(s->g);
	free(s->x);
	free(s->t);
	free(s);
	in->state = NULL;
}

static int gradflow_init(Instance *in)
{
	GradFlow *s = calloc(1, sizeof *s);
	size_t L, n, bn, l;

	if (!s)
		return -1;
	in->state = s;
	s->layers = (int)widget_num(in, "layers", 10);
	s->width = (int)widget_num(in, "width", 16);
	s->batch = (int)widget_num(in, "batch", 16);
	s->seed = (unsigned long)widget_num(in, "seed", 1);
	s->blocks = widget_str(in, "skip_from", NULL) || widget_str(in, "branch_from", NULL) ||
		    widget_str(in, "skip", NULL) || widget_num(in, "branch_scale", -1) >= 0;
	L = (size_t)s->layers, n = (size_t)s->width, bn = (size_t)s->batch * n;
	for (l = 0; l < L; l++) {
		snprintf(s->label[l], sizeof s->label[l], s->blocks ? _("block %d") : _("layer %d"),
			 (int)l + 1);
		s->labels[l] = s->label[l];
	}
	s->w = calloc(L * n * n, sizeof *s->w);
	s->dw = calloc(L * n * n, sizeof *s->dw);
	s->z = calloc(L * bn, sizeof *s->z);
	s->a = calloc(L * bn, sizeof *s->a);
	s->h = calloc(L * bn, sizeof *s->h);
	s->d = calloc(L * bn, sizeof *s->d);
	s->dh = calloc(bn, sizeof *s->dh);
	s->g = calloc(bn, sizeof *s->g);
	s->x = calloc(bn, sizeof *s->x);
	s->t = calloc(bn, sizeof *s->t);
	if (!s->w || !s->dw || !s->z || !s->a || !s->h || !s->d || !s->dh || !s->g || !s->x ||
	    !s->t) {
		gradflow_free(in);
		return -1;
	}
	refresh(in);
	return 0;
}

/* Its lines: the net (and, for blocks, the signal's growth), then layer 1's delta
 * against the last layer's. */
static size_t text(const GradFlow *s, Caps caps, char *out, size_t size)
{
	char loss[32], ratio[32], per[32], scale[32], branch[32], grow[32];
	double f = pow(s->ratio, 1.0 / (s->layers - 1));
	const char *verdict = f < 0.8 ? _("vanishing") : f > 1.25 ? _("exploding") : _("steady");
	const char *act = visual_act_symbol(s->act, (Caps){.unicode = false});
	size_t len = 0;

	visual_loss(loss, sizeof loss, s->lossv);
	axes_number(ratio, sizeof ratio, s->ratio, 3);
	axes_number(per, sizeof per, f, 2);
	visual_num(scale, sizeof scale, s->scale, 2);
	if (!s->blocks)
		len = str_addf(out, size, len,
			       _("%d layers of %d %s neurons, weight scale %s, loss %s"), s->layers,
			       s->width, act, scale, loss);
	else {
		visual_num(branch, sizeof branch, s->branch, 2);
		axes_number(grow, sizeof grow, s->signals[s->layers - 1] / s->signals[0], 3);
		len = str_addf(out, size, len,
			       s->skip ? _("skip path on: %d blocks of %d %s neurons, weight scale "
					   "%s, branch scale %s, loss %s")
				       : _("skip path off: %d blocks of %d %s neurons, weight scale "
					   "%s, branch scale %s, loss %s"),
			       s->layers, s->width, act, scale, branch, loss);
		len = str_addf(out, size, len, "\n");
		len = str_addf(out, size, len, _("the signal at block %d is %s times block 1's"),
			       s->layers, grow);
	}
	len = str_addf(out, size, len, "\n");
	return str_addf(out, size, len,
			_("layer 1's delta is %s times layer %d's: %s%s per layer back, %s"), ratio,
			s->layers, caps.unicode ? "×" : "x", per, verdict);
}

static int gradflow_height(const Instance *in, int width)
{
	const GradFlow *s = in->state;
	Caps caps = {.unicode = true};
	char buf[GF_TEXT];
	size_t n = text(s, caps, buf, sizeof buf);

	return wrap_text(buf, n, width, NULL, 0);
}

static void gradflow_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			  int *cy)
{
	const GradFlow *s = in->state;
	char buf[GF_TEXT];
	WrapLine lines[GF_LINES];
	size_t n = text(s, caps, buf, sizeof buf);
	int i, k = wrap_text(buf, n, r.w, lines, GF_LINES);

	(void)focused, (void)cx, (void)cy;
	for (i = 0; i < k && i < GF_LINES && i < r.h; i++)
		grid_text(g, r.x, r.y + i, buf + lines[i].start, lines[i].len, r.w,
			  i == k - 1 ? STYLE_BOLD : STYLE_NORMAL);
}

/* It follows its choice and slider: after a key anywhere in the scene (KIND_WATCH). */
static bool gradflow_tick(Instance *in, double dt)
{
	(void)dt;
	in->animating = false;
	return refresh(in);
}

static bool gradflow_output(const Instance *in, const char *name, Data *out)
{
	const GradFlow *s = in->state;

	out->version = s->version;
	if (strcmp(name, "ratio") == 0) {
		out->scalar = s->ratio;
		out->v = &s->ratio;
		out->n = 1;
		return true;
	}
	out->n = (size_t)s->layers;
	out->v = strcmp(name, "grads") == 0     ? s->grads
		 : strcmp(name, "signals") == 0 ? s->signals
						: s->deltas;
	out->labels = s->labels;
	return true;
}

static const WidgetOps gradflow_ops = {
	.init = gradflow_init,
	.free = gradflow_free,
	.height = gradflow_height,
	.draw = gradflow_draw,
	.tick = gradflow_tick,
	.output = gradflow_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "layers", .type = PARAM_INT, .min = 2, .max = GF_MAX_LAYERS, .def = "10",
     .help = N_("the dense layers of the net, all alike")},
    {.name = "width", .type = PARAM_INT, .min = 1, .max = GF_MAX_WIDTH, .def = "16",
     .help = N_("the neurons of every layer, and the inputs")},
    {.name = "batch", .type = PARAM_INT, .min = 1, .max = GF_MAX_BATCH, .def = "16",
     .help = N_("the fixed examples of the one forward and backward pass")},
    {.name = "activation", .type = PARAM_CHOICE, .def = "sigmoid", .choices = ACTIVATIONS,
     .help = N_("the activation of every layer")},
    {.name = "act_from", .type = PARAM_REF, .accepts = DATA_TEXT,
     .help = N_("a choice naming the activation, instead of activation")},
    {.name = "scale", .type = PARAM_NUMBER, .min = 0.01, .max = 100, .def = "1",
     .help = N_("the weight scale g: weights are drawn from N(0, (g/sqrt(width))^2)")},
    {.name = "scale_from", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget (a slider) whose number is the weight scale")},
    {.name = "skip", .type = PARAM_BOOL,
     .help = N_("the skip path: each block adds its branch to its input, h = x + F(x)")},
    {.name = "skip_from", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget (a switch) whose value turns the skip path on, instead of skip")},
    {.name = "branch_scale", .type = PARAM_NUMBER, .min = 0, .max = 10,
     .help = N_("the branch scale a: each block's branch is F(x) = a act(W x)")},
    {.name = "branch_from", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget (a slider) whose number is the branch scale")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights, the inputs and the targets")},
};

static const OutputSpec outputs[] = {
    {"deltas", DATA_VECTOR,
     N_("the size (norm over the batch) of each layer's delta dL/dz, layer 1 first, named")},
    {"signals", DATA_VECTOR,
     N_("the size (norm over the batch) of each block's output, layer 1 first, named")},
    {"grads", DATA_VECTOR,
     N_("the size (norm) of each layer's weight gradient, layer 1 first, named")},
    {"ratio", DATA_SCALAR, N_("layer 1's delta size over the last layer's")},
};

const WidgetKind gradflow_kind = {
    .schema = {.name = "gradflow",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a deep net's one backward pass: the size of the gradient at each "
                          "layer"),
               .example = "id=flow10 layers=10 activation=relu scale=1.4"},
    .ops = &gradflow_ops,
    .flags = KIND_WATCH, /* it follows its choice and slider (act_from=, scale_from=) */
};
