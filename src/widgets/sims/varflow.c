/* varflow.c: the varflow kind: how a deep plain network's start treats the variance of
 * its signal and its gradient (nn/varprop.h). `layers` dense layers of width x width,
 * biases 0, one activation throughout, weights by the start the learner picks: small
 * (N(0, small^2)), xavier (N(0, 2/(n_in + n_out))) or he (N(0, 2/n_in)). One forward
 * pass of a seeded batch and one backward pass of a seeded gradient; it publishes the
 * variance of each layer's totals z and of its delta dL/dz, layer 1 first, for bars
 * charts, and says how far each drifted over the depth. The start and the activation
 * may follow choices. Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/axes.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/varprop.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	VF_MAX_LAYERS = 50,
	VF_MAX_WIDTH = 128,
	VF_MAX_BATCH = 256,
	VF_TEXT = 600,
	VF_LINES = 10
};

#define VF_STARTS "small|xavier|he"

typedef struct {
	VarNet net;
	int start; /* 0 small, 1 xavier, 2 he: what was computed */
	bool fresh;
	double small;
	double *work;
	double fwd[VF_MAX_LAYERS], bwd[VF_MAX_LAYERS];
	char label[VF_MAX_LAYERS][24];
	const char *labels[VF_MAX_LAYERS];
	unsigned long version;
} VarFlow;

/* The start's index in VF_STARTS for a word, or -1. */
static int start_index(const char *w)
{
	return !w ? -1 : strcmp(w, "small") == 0 ? 0 : strcmp(w, "xavier") == 0 ? 1
						 : strcmp(w, "he") == 0	   ? 2
									   : -1;
}

/* The start and the activation its directive and the choices it follows give now. */
static void wanted(const Instance *in, int *start, Activation *act)
{
	const char *from = widget_str(in, "init_from", NULL);

	*start = from ? start_index(visual_choice_word(in->scene, from)) : -1;
	if (*start < 0)
		*start = start_index(widget_str(in, "init", "he"));
	if (*start < 0)
		*start = 2;
	from = widget_str(in, "act_from", NULL);
	if (!(from && visual_act(visual_choice_word(in->scene, from), act)) &&
	    !visual_act(widget_str(in, "activation", "relu"), act))
		*act = ACT_RELU;
}

/* Recomputes when the start or the activation changed; returns whether. */
static bool refresh(Instance *in)
{
	static const InitScheme schemes[] = {INIT_NORMAL, INIT_XAVIER_NORMAL, INIT_HE_NORMAL};
	VarFlow *s = in->state;
	Activation act;
	int start;

	wanted(in, &start, &act);
	if (s->fresh && start == s->start && act == s->net.act)
		return false;
	s->start = start;
	s->net.act = act;
	s->net.scheme = schemes[start];
	s->net.value = start == 0 ? s->small : 0;
	s->fresh = true;
	varprop_run(s->fwd, s->bwd, &s->net, s->work);
	s->version++;
	return true;
}

static void varflow_free(Instance *in)
{
	VarFlow *s = in->state;

	if (!s)
		return;
	free(s->work);
	free(s);
	in->state = NULL;
}

static int varflow_init(Instance *in)
{
	VarFlow *s = calloc(1, sizeof *s);
	size_t l;

	if (!s)
		return -1;
	in->state = s;
	s->net.layers = (size_t)widget_num(in, "layers", 20);
	s->net.width = (size_t)widget_num(in, "width", 64);
	s->net.batch = (size_t)widget_num(in, "batch", 64);
	s->net.seed = (unsigned long long)widget_num(in, "seed", 1);
	s->small = widget_num(in, "small", 0.01);
	for (l = 0; l < s->net.layers; l++) {
		snprintf(s->label[l], sizeof s->label[l], _("layer %d"), (int)l + 1);
		s->labels[l] = s->label[l];
	}
	s->work = malloc(varprop_work_size(&s->net) * sizeof *s->work);
	if (!s->work) {
		varflow_free(in);
		return -1;
	}
	refresh(in);
	return 0;
}

/* Its lines: the net and its start, then how far each variance drifted. */
static size_t text(const VarFlow *s, Caps caps, char *out, size_t size)
{
	static const char *const names[] = {N_("small"), N_("Xavier"), N_("He")};
	char var[32], fw[32], bw[32], sm[32];
	size_t L = s->net.layers, len;
	double n = (double)s->net.width;
	const char *act = visual_act_symbol(s->net.act, (Caps){.unicode = false});

	(void)caps;
	if (s->start == 0) {
		visual_num(sm, sizeof sm, s->small, 4);
		axes_number(var, sizeof var, s->small * s->small, 3);
		len = str_addf(out, size, 0,
			       _("%zu layers of %zu %s neurons, %s start: w ~ N(0, %s^2), Var(w) = %s"),
			       L, s->net.width, act, _(names[0]), sm, var);
	} else {
		axes_number(var, sizeof var, s->start == 1 ? 2 / (n + n) : 2 / n, 3);
		len = str_addf(out, size, 0,
			       s->start == 1
				       ? _("%zu layers of %zu %s neurons, %s start: Var(w) = 2/(n_in + "
					   "n_out) = %s")
				       : _("%zu layers of %zu %s neurons, %s start: Var(w) = 2/n_in = %s"),
			       L, s->net.width, act, _(names[s->start]), var);
	}
	axes_number(fw, sizeof fw, s->fwd[L - 1] / s->fwd[0], 3);
	axes_number(bw, sizeof bw, s->bwd[0] / s->bwd[L - 1], 3);
	len = str_addf(out, size, len, "\n");
	len = str_addf(out, size, len, _("forward: Var(z) at layer %zu is %s times layer 1's"), L,
		       fw);
	len = str_addf(out, size, len, "\n");
	return str_addf(out, size, len, _("backward: Var(delta) at layer 1 is %s times layer %zu's"),
			bw, L);
}

static int varflow_height(const Instance *in, int width)
{
	char buf[VF_TEXT];

	return wrap_text(buf, text(in->state, (Caps){.unicode = true}, buf, sizeof buf), width,
			 NULL, 0);
}

static void varflow_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			 int *cy)
{
	char buf[VF_TEXT];
	WrapLine lines[VF_LINES];
	size_t n = text(in->state, caps, buf, sizeof buf);
	int i, k = wrap_text(buf, n, r.w, lines, VF_LINES);

	(void)focused, (void)cx, (void)cy;
	for (i = 0; i < k && i < VF_LINES && i < r.h; i++)
		grid_text(g, r.x, r.y + i, buf + lines[i].start, lines[i].len, r.w, STYLE_NORMAL);
}

/* It follows its choices: after a key anywhere in the scene (KIND_WATCH). */
static bool varflow_tick(Instance *in, double dt)
{
	(void)dt;
	in->animating = false;
	return refresh(in);
}

static bool varflow_output(const Instance *in, const char *name, Data *out)
{
	const VarFlow *s = in->state;

	out->version = s->version;
	out->n = s->net.layers;
	out->v = strcmp(name, "backward") == 0 ? s->bwd : s->fwd;
	out->labels = s->labels;
	return true;
}

static const WidgetOps varflow_ops = {
	.init = varflow_init,
	.free = varflow_free,
	.height = varflow_height,
	.draw = varflow_draw,
	.tick = varflow_tick,
	.output = varflow_output,
};

static const ParamSpec params[] = {
    {.name = "layers", .type = PARAM_INT, .min = 2, .max = VF_MAX_LAYERS, .def = "20",
     .help = N_("the dense layers of the net, all alike")},
    {.name = "width", .type = PARAM_INT, .min = 1, .max = VF_MAX_WIDTH, .def = "64",
     .help = N_("the neurons of every layer, and the inputs")},
    {.name = "batch", .type = PARAM_INT, .min = 1, .max = VF_MAX_BATCH, .def = "64",
     .help = N_("the examples of the one forward and backward pass")},
    {.name = "init", .type = PARAM_CHOICE, .def = "he", .choices = VF_STARTS,
     .help = N_("the start: small N(0, small^2), xavier N(0, 2/(n_in + n_out)) or he "
                "N(0, 2/n_in)")},
    {.name = "init_from", .type = PARAM_REF, .accepts = DATA_TEXT,
     .help = N_("a choice naming the start, instead of init")},
    {.name = "small", .type = PARAM_NUMBER, .min = 1e-4, .max = 1, .def = "0.01",
     .help = N_("the spread of the small start's weights")},
    {.name = "activation", .type = PARAM_CHOICE, .def = "relu", .choices = ACTIVATIONS,
     .help = N_("the activation of every layer")},
    {.name = "act_from", .type = PARAM_REF, .accepts = DATA_TEXT,
     .help = N_("a choice naming the activation, instead of activation")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights, the inputs and the gradient")},
};

static const OutputSpec outputs[] = {
    {"forward", DATA_VECTOR,
     N_("the variance of each layer's totals z over the batch, layer 1 first, named")},
    {"backward", DATA_VECTOR,
     N_("the variance of each layer's delta dL/dz over the batch, layer 1 first, named")},
};

const WidgetKind varflow_kind = {
    .schema = {.name = "varflow",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a deep net's start: the variance of the signal and of the gradient "
                          "at each layer, for the start and activation picked"),
               .example = "id=vars layers=4 width=8 batch=8 init=xavier activation=tanh"},
    .ops = &varflow_ops,
    .flags = KIND_WATCH, /* it follows its choices (init_from=, act_from=) */
};
