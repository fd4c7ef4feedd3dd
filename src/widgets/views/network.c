/* network.c: a layered network as a diagram, with the real forward pass (src/nn) on
 * every neuron, weights coloured by sign and size, and a wave that carries the inputs
 * forward layer by layer: Space plays and pauses it, Right steps, Left steps back,
 * r replays; an animation widget may drive it too. Switches may turn hidden layers
 * off (they pass on zeros). Inputs, and the weight matrices,
 * may come from other widgets; it gives its layers' matrices and itself as a model.
 * Must not own the loop or write files; draw computes, it changes nothing. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/netdiag.h"
#include "nls.h"
#include "nn/linalg.h"
#include "nn/mlp.h"
#include "nn/rng.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

#define NET_L    NETDIAG_MAX_LAYERS
#define NET_N    NETDIAG_MAX_NEURONS
#define DEF_SEED 1 /* the seed of the default weights */

/* Positions of the wave's front drawn per layer gap. */
#define WAVE_SUBSTEPS 6

typedef struct {
	int nl; /* columns, the inputs included */
	int sizes[NET_L];
	Mlp m; /* weights and biases, in the layout of mlp.h and netdiag.h */
	/* weights_from=: the versions of the matrices last copied into m, whether each
	 * layer has been, and the version of m's weights (bumped on every copy). */
	unsigned long from_version[NET_L];
	bool from_ok[NET_L];
	unsigned long version;
	double x[NET_N];
	const char *xfrom[NET_N];
	const char *names[NET_L * NET_N]; /* labels=: the neurons', column by column */
	int rows;     /* of the diagram */
	bool animate; /* shows the wave */
	double pos;   /* the wave's front: 0 (the inputs) .. nl - 1 (the outputs) */
	double speed; /* layers per second */
	bool playing;
	NetDiag nd; /* scratch: the canvas, kept between frames */
} Net;

static double input(const Instance *in, const Net *s, int i)
{
	double v;

	if (s->xfrom[i] && scene_value(in->scene, s->xfrom[i], &v) && isfinite(v))
		return v;
	return s->x[i];
}

/* Brings the weights up to date with weights_from=: layer l's matrix is copied in
 * when its version changed and its shape is the layer's (rows: the layer's neurons,
 * columns: the layer before). A cache: what the network computes with the matrices
 * is the same whenever it is called. */
static void sync_weights(const Instance *in)
{
	Net *s = in->state;
	size_t l, n = widget_nwords(in, "weights_from");
	Data d;

	for (l = 0; l < n && l + 1 < (size_t)s->nl; l++) {
		size_t rows = (size_t)s->sizes[l + 1], cols = (size_t)s->sizes[l];
		if (!scene_data_at(in, "weights_from", l, &d) || d.rows != rows ||
		    d.cols != cols || !d.v)
			continue;
		if (s->from_ok[l] && d.version == s->from_version[l])
			continue;
		memcpy(s->m.params + s->m.w_off[l], d.v, rows * cols * sizeof *d.v);
		s->from_version[l] = d.version;
		s->from_ok[l] = true;
		s->version++;
	}
}

/* The hidden layers switched off by layers_on= (bit l: layer l + 1 passes on zeros). */
static unsigned long silenced(const Instance *in)
{
	size_t l, n = widget_nwords(in, "layers_on");
	unsigned long bits = 0;
	Data d;

	for (l = 0; l < n && l < NET_L; l++)
		if (scene_data_at(in, "layers_on", l, &d) && d.v && d.v[0] == 0)
			bits |= 1ul << l;
	return bits;
}

/* Every neuron's value for the inputs x (NULL: the current ones): vals[0] holds the
 * inputs, vals[l] layer l's outputs f(W_l vals[l-1] + b_l) (mlp_trace). */
static void forward(const Instance *in, const Net *s, const double *x, double vals[NET_L][NET_N])
{
	double xs[NET_N], z[NET_L * NET_N], y[NET_L * NET_N];
	const double *p = y;
	int l, i;

	sync_weights(in);
	for (i = 0; i < s->sizes[0]; i++)
		vals[0][i] = xs[i] = x ? x[i] : input(in, s, i);
	mlp_trace_silent(z, y, &s->m, xs, silenced(in));
	for (l = 1; l < s->nl; p += s->sizes[l], l++)
		memcpy(vals[l], p, (size_t)s->sizes[l] * sizeof *p);
}

bool network_eval(const Instance *in, const double *x, size_t n, double *y)
{
	const Net *s;
	double vals[NET_L][NET_N];

	if (!in || in->kind != &network_kind || in->failed || !in->state)
		return false;
	s = in->state;
	if (n != (size_t)s->sizes[0])
		return false;
	forward(in, s, x, vals);
	*y = vals[s->nl - 1][0];
	return true;
}

/* Fills the weights and biases: the lesson's, then the default for the rest. */
static int fill_params(Instance *in, Net *s)
{
	size_t nw = 0, nb = 0, iw = 0, ib = 0, cap = s->m.n_params, l;
	double *w = malloc(cap * sizeof *w), *b = malloc(cap * sizeof *b);
	Rng r;

	if (!w || !b) {
		free(w);
		free(b);
		return -1;
	}
	nw = widget_nums(in, "weights", w, cap);
	nb = widget_nums(in, "biases", b, cap);
	rng_seed(&r, DEF_SEED);
	for (l = 0; l < s->m.n_layers; l++) {
		double *p = s->m.params + s->m.w_off[l];
		size_t k, nwl = s->m.sizes[l] * s->m.sizes[l + 1];
		for (k = 0; k < nwl; k++, iw++) {
			double d = round(rng_range(&r, -1, 1) * 100) / 100;
			p[k] = iw < nw && iw < cap ? w[iw] : d;
		}
		for (k = 0; k < s->m.sizes[l + 1]; k++, ib++)
			p[nwl + k] = ib < nb && ib < cap ? b[ib] : 0;
	}
	free(w);
	free(b);
	return 0;
}

/* The rows of the diagram: height=, at least a row per neuron of the largest layer;
 * by default two per neuron and 3 (a tall layer: one per neuron and 8). */
static int diagram_rows(const Instance *in, const Net *s)
{
	int l, maxn = 1, rows;

	for (l = 0; l < s->nl; l++)
		maxn = s->sizes[l] > maxn ? s->sizes[l] : maxn;
	rows = (int)widget_num(in, "height", maxn <= 4 ? 2 * maxn + 3 : maxn + 8);
	return rows < maxn ? maxn : rows;
}

static int network_init(Instance *in)
{
	Net *s = calloc(1, sizeof *s);
	double sizes[NET_L], xs[NET_N];
	size_t szs[NET_L], n, i;
	Activation act[NET_L], a, out;

	if (!s)
		return -1;
	in->state = s;
	netdiag_init(&s->nd);
	n = widget_nums(in, "layers", sizes, NET_L);
	s->nl = n > NET_L ? NET_L : (int)n;
	if (s->nl < 2) { /* the checker requires two; a bare column of inputs otherwise */
		s->nl = 2;
		sizes[0] = n ? sizes[0] : 1;
		sizes[1] = 1;
	}
	if (!visual_act(widget_str(in, "activation", "sigmoid"), &a))
		a = ACT_SIGMOID;
	if (!visual_act(widget_str(in, "output_activation", ""), &out))
		out = a;
	for (i = 0; i < (size_t)s->nl; i++) {
		int k = (int)sizes[i];
		s->sizes[i] = k < 1 ? 1 : k > NET_N ? NET_N : k;
		szs[i] = (size_t)s->sizes[i];
		act[i] = i + 2 < (size_t)s->nl ? a : out;
	}
	if (mlp_init(&s->m, szs, (size_t)s->nl - 1, act) != NN_OK || fill_params(in, s) != 0)
		goto nomem;
	s->version = 1;
	sync_weights(in);
	n = widget_nums(in, "inputs", xs, NET_N);
	for (i = 0; i < (size_t)s->sizes[0]; i++) {
		s->x[i] = i < n ? xs[i] : 1;
		s->xfrom[i] = widget_word(in, "inputs_from", i);
	}
	for (i = 0; i < sizeof s->names / sizeof *s->names; i++)
		s->names[i] = widget_word(in, "labels", i);
	s->rows = diagram_rows(in, s);
	s->animate = widget_bool(in, "animate", false);
	s->speed = widget_num(in, "speed", 1);
	if (!(s->speed > 0))
		s->speed = 1;
	s->pos = s->animate ? 0 : s->nl - 1;
	/* The canvas for the widest slot, so drawing does not allocate. */
	if (canvas_reshape(&s->nd.cv, 0, 0, 80, s->rows, CANVAS_BRAILLE) != 0)
		goto nomem;
	return 0;
nomem:
	mlp_free(&s->m);
	netdiag_free(&s->nd);
	free(s);
	in->state = NULL;
	return -1;
}

static void network_free(Instance *in)
{
	Net *s = in->state;

	mlp_free(&s->m);
	netdiag_free(&s->nd);
	free(s);
}

static int network_height(const Instance *in, int width)
{
	const Net *s = in->state;

	(void)width;
	return s->rows + 2; /* the caption and the keys */
}

/* The line under the diagram: where the wave is, or the outputs. */
static void caption(const Net *s, const double *outs, char *out, size_t size)
{
	int last = s->nl - 1, k = (int)floor(s->pos), i;
	size_t len;
	char num[32];

	if (!s->animate || s->pos >= last) {
		len = str_addf(out, size, 0, "%s",
				       s->sizes[last] > 1 ? _("Outputs") : _("Output"));
		for (i = 0; i < s->sizes[last] && len < size; i++) {
			visual_fixed(num, sizeof num, outs[i], 3);
			len = str_addf(out, size, len, " %s", num);
		}
	} else if (s->pos <= 0) {
		snprintf(out, size, "%s", _("The inputs are ready on the left"));
	} else if (s->pos == k && !s->playing) {
		snprintf(out, size, _("Layer %d of %d computed"), k, last);
	} else {
		snprintf(out, size, _("Layer %d of %d: each neuron weighs, adds and squashes"),
			 k + 1, last);
	}
}

static void network_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			 int *cy)
{
	Net *s = in->state;
	double vals[NET_L][NET_N];
	const double *wp[NET_L], *vp[NET_L];
	NetDiagSpec spec;
	int l, dh = s->rows, front, sizes[NET_L];
	char line[160];

	forward(in, s, NULL, vals);
	for (l = 0; l < s->nl; l++)
		vp[l] = vals[l];
	front = s->animate ? (int)ceil(s->pos) : s->nl - 1;
	netdiag_spec_mlp(&spec, sizes, wp, &s->m); /* the sizes are within the diagram's */
	spec.values = vp;
	spec.wave = s->animate && s->pos < s->nl - 1 ? NETDIAG_WAVE_FORWARD : NETDIAG_WAVE_NONE;
	/* The front is drawn in sixths of a layer gap: smooth to the eye, and frames in
	 * between repeat the last one, so nothing is sent to the terminal for them
	 * (this keeps a looping wave under 10 KB/s over SSH). */
	spec.wave_pos = floor(s->pos * WAVE_SUBSTEPS) / WAVE_SUBSTEPS;
	spec.focus_layer = focused ? front : -1;
	spec.focus_neuron = focused ? 0 : -1;
	spec.names = s->names;
	netdiag_draw(&s->nd, g, r.x, r.y, r.w, dh, &spec, caps);
	caption(s, vals[s->nl - 1], line, sizeof line);
	grid_text(g, r.x, r.y + dh, line, strlen(line), r.w, STYLE_NORMAL);
	if (s->animate && focused) {
		const char *help = caps.unicode
				       ? _("Space play/pause   → step   ← back   r replay")
				       : _("Space play/pause   Right step   Left back   r replay");
		grid_text(g, r.x, r.y + dh + 1, help, strlen(help), r.w, STYLE_DIM);
	}
	if (focused) {
		if (s->nd.lay.nlayers) {
			*cx = s->nd.lay.x[front][0];
			*cy = s->nd.lay.y[front][0];
		} else {
			*cx = r.x;
			*cy = r.y + dh;
		}
	}
}

static void network_animate(Instance *in, AnimCommand cmd, double arg)
{
	Net *s = in->state;
	int last = s->nl - 1;

	s->animate = true; /* a controller shows the wave even without animate=yes */
	switch (cmd) {
	case ANIM_PLAY:
		if (s->pos >= last)
			s->pos = 0;
		s->playing = true;
		break;
	case ANIM_PAUSE:
		s->playing = false;
		break;
	case ANIM_STEP:
		s->playing = false;
		s->pos = floor(s->pos) + 1 > last ? last : floor(s->pos) + 1;
		break;
	case ANIM_REPLAY:
		s->pos = 0;
		s->playing = true;
		break;
	case ANIM_SPEED:
		if (arg > 0 && isfinite(arg))
			s->speed = arg;
		break;
	}
	in->animating = s->playing;
}

static void network_anim_state(const Instance *in, AnimState *st)
{
	const Net *s = in->state;

	st->playing = s->playing;
	st->step = (int)floor(s->pos);
	st->steps = s->nl - 1;
	st->speed = s->speed;
}

static bool network_tick(Instance *in, double dt)
{
	Net *s = in->state;
	double before = floor(s->pos * WAVE_SUBSTEPS);

	if (!s->playing || !(dt > 0)) {
		in->animating = s->playing;
		return false;
	}
	s->pos += dt * s->speed;
	if (s->pos >= s->nl - 1) {
		s->pos = s->nl - 1;
		s->playing = false;
	}
	in->animating = s->playing;
	return floor(s->pos * WAVE_SUBSTEPS) != before || !s->playing;
}

static unsigned network_key(Instance *in, const Key *k)
{
	Net *s = in->state;

	if (!s->animate)
		return WIDGET_IGNORED;
	if (key_is_char(k, ' ') || k->code == K_ENTER)
		network_animate(in, s->playing ? ANIM_PAUSE : ANIM_PLAY, 0);
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		network_animate(in, ANIM_STEP, 0);
	else if (k->code == K_LEFT || key_is_char(k, 'h')) {
		double back = s->pos == floor(s->pos) ? s->pos - 1 : floor(s->pos);
		s->playing = in->animating = false;
		s->pos = back < 0 ? 0 : back;
	} else if (key_is_char(k, 'r'))
		network_animate(in, ANIM_REPLAY, 0);
	else
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool network_value(const Instance *in, double *out)
{
	const Net *s = in->state;

	return network_eval(in, NULL, (size_t)s->sizes[0], out);
}

/* The network as a function of its inputs (its first output). */
static bool network_model(const Instance *in, const double *x, double *y)
{
	return network_eval(in, x, (size_t)((const Net *)in->state)->sizes[0], y);
}

/* "output": the first output now; "model": it as a function of the inputs, with its
 * network; "w1", "w2", ...: layer l's weight matrix. */
static bool network_output(const Instance *in, const char *name, Data *out)
{
	const Net *s = in->state;

	sync_weights(in);
	if (strcmp(name, "model") == 0) {
		out->n_in = (size_t)s->sizes[0];
		out->n_out = 1;
		out->eval = network_model;
		out->owner = in;
		out->model = &s->m;
		out->version = s->version;
		return true;
	}
	if (name[0] == 'w' && name[1] >= '1' && name[1] <= '9' && name[2] == '\0') {
		int l = name[1] - '1';
		if (l + 1 >= s->nl)
			return false;
		out->rows = (size_t)s->sizes[l + 1];
		out->cols = (size_t)s->sizes[l];
		out->n = out->rows * out->cols;
		out->v = s->m.params + s->m.w_off[l];
		out->version = s->version;
		return true;
	}
	out->v = &out->scalar;
	out->n = 1;
	if (!network_value(in, &out->scalar))
		return false;
	memcpy(&out->version, &out->scalar, sizeof out->version);
	return true;
}

/* A tab stop only with a wave to play. */
static bool network_focusable(const Instance *in)
{
	return ((const Net *)in->state)->animate;
}

static const WidgetOps network_ops = {
    .focusable = network_focusable,
    .init = network_init,
    .free = network_free,
    .height = network_height,
    .draw = network_draw,
    .key = network_key,
    .tick = network_tick,
    .value = network_value,
    .output = network_output,
    .animate = network_animate,
    .anim_state = network_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "layers", .type = PARAM_NUMBERS, .min = 1, .max = 16, .nmin = 2, .nmax = 8,
     .required = true, .help = N_("neurons per layer, inputs first: 2,3,1")},
    {.name = "weights", .type = PARAM_NUMBERS, .min = -100, .max = 100,
     .help = N_("every weight, layer by layer, each neuron's incoming weights together (default: " "uniform in -1..1 from the fixed seed 1, rounded to 0.01); a layer taken from " "weights_from= still counts here, its numbers replaced")},
    {.name = "biases", .type = PARAM_NUMBERS, .min = -100, .max = 100,
     .help = N_("every bias, layer by layer (default: 0)")},
    {.name = "inputs", .type = PARAM_NUMBERS, .min = -100, .max = 100,
     .help = N_("the values fed in (default: 1 each)")},
    {.name = "inputs_from", .type = PARAM_REFS, .nmin = 1, .nmax = 16,
     .accepts = DATA_SCALAR,
     .help = N_("widgets (switches, sliders) whose values are the inputs, in order")},
    {.name = "layers_on", .type = PARAM_REFS, .nmin = 1, .nmax = NET_L - 2,
     .accepts = DATA_SCALAR,
     .help = N_("widgets (switches) that turn the hidden layers on or off, in order: a layer " "that is off passes on zeros, so the next one sees only its biases")},
    {.name = "activation", .type = PARAM_CHOICE, .def = "sigmoid", .choices = ACTIVATIONS,
     .help = N_("the hidden and output activation")},
    {.name = "output_activation", .type = PARAM_CHOICE, .choices = ACTIVATIONS,
     .help = N_("the output layer's own activation (default: activation=)")},
    {.name = "weights_from", .type = PARAM_REFS, .nmin = 1, .nmax = NET_L - 1,
     .accepts = DATA_MATRIX,
     .help = N_("matrices (another network's w1, a table's product) used as the weights of " "the first layers, in order; each must have the layer's shape (neurons x inputs)")},
    {.name = "labels", .type = PARAM_WORDS, .nmax = NET_L * NET_N,
     .help = N_("names of the neurons, drawn before them, column by column with the inputs " "first: x1,x2,h1,h2,h3,y (as many as are given; up to 3 characters each)")},
    {.name = "height", .type = PARAM_INT, .min = 1, .max = 40,
     .help = N_("rows of the diagram (default: 2 per neuron of the largest layer, and 3); " "weights printed on the links read better with more")},
    {.name = "animate", .type = PARAM_BOOL, .def = "no",
     .help = N_("show the forward pass as a wave, one layer at a time: Space plays and pauses, " "Right steps, Left steps back, r replays")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 0.1, .max = 10, .def = "1",
     .help = N_("layers per second while the wave plays")},
};

static const OutputSpec outputs[] = {
    {"output", DATA_SCALAR, N_("the first output for the inputs shown")},
    {"model", DATA_MODEL, N_("its first output as a function of the inputs")},
    {"w1", DATA_MATRIX, N_("the first layer's weights: a row per neuron, a column per input")},
    {"w2", DATA_MATRIX, N_("the second layer's weights")},
    {"w3", DATA_MATRIX, N_("the third layer's weights")},
};

static const KindKey keys[] = {
    {"Space Enter", N_("play or pause the wave")},
    {"Right l", N_("the next layer")},
    {"Left h", N_("the layer before")},
    {"r", N_("replay")},
};

const WidgetKind network_kind = {
    .schema = {.name = "network",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a diagram of a layered network"),
               .example = "id=net layers=2,3,1 inputs=1,0 animate=yes"},
    KIND_LIST(keys, keys),
    .ops = &network_ops,
};
