/* gradflow.c: "Gradient Decay": a real deep network (src/nn's Mlp: `layers` dense layers
 * of `width` neurons, one activation throughout, biases 0), one forward pass over a fixed
 * batch, the squared error against fixed targets and ONE backward pass of the library
 * (mlp_backward). It publishes the size of each layer's delta and of its weight gradient,
 * layer 1 first, for a bars chart, and shows the ratio of layer 1's delta to the last
 * layer's. The activation and the weight scale may follow a choice and a slider.
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
#include "nn/mlp.h"
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
	bool fresh;     /* act and scale are those computed */
	Mlp m;
	MlpWork w;
	double *grad;
	double *x, *t; /* (batch, width) each */
	double lossv;
	double deltas[GF_MAX_LAYERS], grads[GF_MAX_LAYERS], ratio;
	char label[GF_MAX_LAYERS][24];
	const char *labels[GF_MAX_LAYERS];
	unsigned long version;
} GradFlow;

/* The activation and scale its directive and the widgets it follows give now. */
static void wanted(const Instance *in, Activation *act, double *scale)
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
	Rng r;

	for (l = 0; l < L; l++)
		s->m.act[l] = s->act;
	rng_seed(&r, s->seed);
	for (l = 0; l < L; l++) {
		double *p = s->m.params + s->m.w_off[l];
		for (k = 0; k < n * n; k++)
			p[k] = rng_normal(&r, 0, s->scale / sqrt((double)n));
		memset(p + n * n, 0, n * sizeof *p);
	}
	for (k = 0; k < b * n; k++)
		s->x[k] = rng_normal(&r, 0, 1);
	for (k = 0; k < b * n; k++)
		s->t[k] = rng_uniform(&r);
	mlp_forward(&s->w, &s->m, s->x, b);
	s->lossv = loss_forward(LOSS_MSE, s->w.z[L - 1], s->w.y[L - 1], s->t, b, n);
	memset(s->w.d[L - 1], 0, b * n * sizeof *s->w.d[L - 1]);
	loss_backward(s->w.d[L - 1], LOSS_MSE, s->act, s->w.z[L - 1], s->w.y[L - 1], s->t, b, n);
	memset(s->grad, 0, s->m.n_params * sizeof *s->grad);
	mlp_backward(s->grad, &s->w, &s->m, s->x, s->w.d[L - 1], b);
	for (l = 0; l < L; l++) {
		s->deltas[l] = norm(s->w.d[l], b * n);
		s->grads[l] = norm(s->grad + s->m.w_off[l], n * n);
	}
	s->ratio = s->deltas[0] / s->deltas[L - 1];
	s->version++;
}

/* Recomputes when the activation or the scale it follows changed; returns whether. */
static bool refresh(Instance *in)
{
	GradFlow *s = in->state;
	Activation act;
	double scale;

	wanted(in, &act, &scale);
	if (s->fresh && act == s->act && scale == s->scale)
		return false;
	s->act = act;
	s->scale = scale;
	s->fresh = true;
	compute(s);
	return true;
}

static void gradflow_free(Instance *in)
{
	GradFlow *s = in->state;

	if (!s)
		return;
	free(s->grad);
	free(s->x);
	free(s->t);
	mlp_work_free(&s->w);
	mlp_free(&s->m);
	free(s);
	in->state = NULL;
}

static int gradflow_init(Instance *in)
{
	GradFlow *s = calloc(1, sizeof *s);
	size_t sizes[GF_MAX_LAYERS + 1], l;
	Activation act[GF_MAX_LAYERS];

	if (!s)
		return -1;
	in->state = s;
	s->layers = (int)widget_num(in, "layers", 10);
	s->width = (int)widget_num(in, "width", 16);
	s->batch = (int)widget_num(in, "batch", 16);
	s->seed = (unsigned long)widget_num(in, "seed", 1);
	for (l = 0; l <= (size_t)s->layers; l++)
		sizes[l] = (size_t)s->width;
	for (l = 0; l < (size_t)s->layers; l++) {
		act[l] = ACT_SIGMOID;
		snprintf(s->label[l], sizeof s->label[l], _("layer %d"), (int)l + 1);
		s->labels[l] = s->label[l];
	}
	s->x = calloc((size_t)(s->batch * s->width), sizeof *s->x);
	s->t = calloc((size_t)(s->batch * s->width), sizeof *s->t);
	if (!s->x || !s->t || mlp_init(&s->m, sizes, (size_t)s->layers, act) != NN_OK ||
	    mlp_work_init(&s->w, &s->m, (size_t)s->batch, SIMD_PORTABLE, 0) != NN_OK ||
	    !(s->grad = mlp_alloc_params(&s->m))) {
		gradflow_free(in);
		return -1;
	}
	refresh(in);
	return 0;
}

/* Its lines: the net, then layer 1's delta against the last layer's. */
static size_t text(const GradFlow *s, Caps caps, char *out, size_t size)
{
	char loss[32], ratio[32], per[32], scale[32];
	double f = pow(s->ratio, 1.0 / (s->layers - 1));
	const char *verdict = f < 0.8 ? _("vanishing") : f > 1.25 ? _("exploding") : _("steady");
	size_t len = 0;

	visual_loss(loss, sizeof loss, s->lossv);
	axes_number(ratio, sizeof ratio, s->ratio, 3);
	axes_number(per, sizeof per, f, 2);
	visual_num(scale, sizeof scale, s->scale, 2);
	len = str_addf(out, size, len, _("%d layers of %d %s neurons, weight scale %s, loss %s"),
		       s->layers, s->width, visual_act_symbol(s->act, (Caps){.unicode = false}),
		       scale, loss);
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
	out->v = strcmp(name, "grads") == 0 ? s->grads : s->deltas;
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
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights, the inputs and the targets")},
};

static const OutputSpec outputs[] = {
    {"deltas", DATA_VECTOR,
     N_("the size (norm over the batch) of each layer's delta dL/dz, layer 1 first, named")},
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
