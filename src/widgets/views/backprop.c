/* backprop.c: "Backprop Flow": a real n-h-1 sigmoid network (src/nn's mlp_forward and
 * mlp_backward, weights from a seed) stepped forward layer by layer to its loss and
 * back through every delta and weight gradient, ending on one chain-rule path whose
 * factors are printed, multiplied and set beside the library's gradient. The learner
 * changes the inputs and the target, picks the path and draws new weights.
 * Must not own the loop or write files; draw computes nothing, it shows the state. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/netdiag.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/loss.h"
#include "nn/mlp.h"
#include "nn/rng.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum {
	BP_MAX_IN = 3,  /* inputs */
	BP_MAX_HID = 3, /* hidden neurons */
	BP_STAGES = 7,  /* inputs, hidden, output, loss, delta 2, delta 1, the path */
	BP_FACTORS = 5, /* dL/dy, sigma'(z2), w2, sigma'(z1), x */
	BP_ITEMS = 12,  /* the text items below the diagram (see item_text) */
	BP_LINE = 256
};

#define BP_STEP 0.25 /* what + and - add to an input or the target */

typedef struct {
	int nin, nhid;
	Loss loss;
	double x[BP_MAX_IN], target;
	unsigned long seed;
	int edit; /* the value + and - change: an input, or nin for the target */
	int path; /* the first-layer weight of the path: j * nin + i (input i to hidden j) */
	Steps at;
	Mlp m;
	MlpWork w;
	double *grad;               /* the library's dL/dparams, in the layout of m */
	double lossv;               /* L for x and target */
	double factors[BP_FACTORS]; /* the path's factors, from the library's z and y */
	NetDiag nd;
} Backprop;

/* Weights uniform in -1.5..1.5 from the seed, rounded to 0.1 so the diagram shows them
 * exactly; biases 0. */
static void fill_weights(Backprop *s)
{
	Rng r;
	size_t l, k;

	rng_seed(&r, s->seed);
	for (l = 0; l < s->m.n_layers; l++) {
		double *p = s->m.params + s->m.w_off[l];
		size_t nw = s->m.sizes[l] * s->m.sizes[l + 1];
		for (k = 0; k < nw; k++)
			p[k] = round(rng_range(&r, -1.5, 1.5) * 10) / 10;
		for (k = 0; k < s->m.sizes[l + 1]; k++)
			p[nw + k] = 0;
	}
}

/* dL/dy-hat for one output: MSE (y - t)^2 gives 2 (y - t); BCE gives
 * -t/y + (1 - t)/(1 - y). */
static double loss_slope(Loss l, double y, double t)
{
	return l == LOSS_MSE ? 2 * (y - t) : -t / y + (1 - t) / (1 - y);
}

/* The forward pass, the loss, the backward pass and the path's factors, all by the
 * library; the path's product is theirs multiplied here. */
static void compute(Backprop *s)
{
	int i = s->path % s->nin, j = s->path / s->nin;
	const double *z1 = s->w.z[0], *a1 = s->w.y[0];
	double *d2 = s->w.d[1], yh;

	mlp_forward(&s->w, &s->m, s->x, 1);
	yh = s->w.y[1][0];
	s->lossv = loss_forward(s->loss, s->w.z[1], s->w.y[1], &s->target, 1, 1);
	d2[0] = 0;
	loss_backward(d2, s->loss, ACT_SIGMOID, s->w.z[1], s->w.y[1], &s->target, 1, 1);
	memset(s->grad, 0, s->m.n_params * sizeof *s->grad);
	mlp_backward(s->grad, &s->w, &s->m, s->x, d2, 1);
	s->factors[0] = loss_slope(s->loss, yh, s->target);
	s->factors[1] = act_deriv(ACT_SIGMOID, s->w.z[1][0], yh);
	s->factors[2] = s->m.params[s->m.w_off[1] + (size_t)j];
	s->factors[3] = act_deriv(ACT_SIGMOID, z1[j], a1[j]);
	s->factors[4] = s->x[i];
}

static int backprop_init(Instance *in)
{
	Backprop *s = calloc(1, sizeof *s);
	double xs[BP_MAX_IN];
	size_t sizes[3], n, i;
	Activation act[2] = {ACT_SIGMOID, ACT_SIGMOID};

	if (!s)
		return -1;
	in->state = s;
	netdiag_init(&s->nd);
	n = widget_nums(in, "inputs", xs, BP_MAX_IN);
	s->nin = n < 1 ? 1 : n > BP_MAX_IN ? BP_MAX_IN : (int)n;
	for (i = 0; i < (size_t)s->nin; i++)
		s->x[i] = xs[i];
	s->nhid = (int)widget_num(in, "hidden", 2);
	s->target = widget_num(in, "target", 1);
	s->seed = (unsigned long)widget_num(in, "seed", 1);
	s->loss = strcmp(widget_str(in, "loss", "mse"), "bce") == 0 ? LOSS_BCE : LOSS_MSE;
	steps_init(&s->at, (int)widget_num(in, "start", 1) - 1);
	sizes[0] = (size_t)s->nin;
	sizes[1] = (size_t)s->nhid;
	sizes[2] = 1;
	if (mlp_init(&s->m, sizes, 2, act) != NN_OK ||
	    mlp_work_init(&s->w, &s->m, 1, SIMD_PORTABLE, 0) != NN_OK ||
	    !(s->grad = mlp_alloc_params(&s->m)) ||
	    canvas_reshape(&s->nd.cv, 0, 0, 80, 2 * BP_MAX_IN + 1, CANVAS_BRAILLE) != 0) {
		mlp_work_free(&s->w);
		mlp_free(&s->m);
		netdiag_free(&s->nd);
		free(s);
		in->state = NULL;
		return -1;
	}
	fill_weights(s);
	compute(s);
	return 0;
}

static void backprop_free(Instance *in)
{
	Backprop *s = in->state;

	free(s->grad);
	mlp_work_free(&s->w);
	mlp_free(&s->m);
	netdiag_free(&s->nd);
	free(s);
}

/* The symbols of the text, in Unicode or ASCII. */
typedef struct {
	const char *sig, *dsig, *times, *had, *tr, *delta, *dl, *yh, *sq, *arrow;
	bool uni;
} Sym;

static Sym symbols(Caps caps)
{
	static const Sym u = {"σ", "σ'", "×", "⊙", "ᵀ", "δ", "∂L/∂", "ŷ", "²", "→", true};
	static const Sym a = {"sig", "sig'", "*", "*", "^T", "d", "dL/d", "y^", "^2", "->",
			      false};

	return caps.unicode ? u : a;
}

/* "₁" or "1". */
static const char *sub(const Sym *y, int k)
{
	static const char *const u[] = {"₀", "₁", "₂", "₃", "₄"};
	static const char *const a[] = {"0", "1", "2", "3", "4"};

	return k < 0 || k > 4 ? "" : y->uni ? u[k] : a[k];
}

/* A number with dec decimals, or its widest form when worst (for the layout). */
static size_t add_num(char *out, size_t size, size_t len, double v, int dec, bool worst)
{
	char num[48];

	if (worst)
		return str_addf(out, size, len, "%s", dec > 3 ? "-9.9999" : "-9.999");
	visual_fixed(num, sizeof num, v, dec);
	return str_addf(out, size, len, "%s", num);
}

/* "(a, b, c)", or the bare number for one value. */
static size_t add_vec(char *out, size_t size, size_t len, const double *v, int n, int dec,
		      bool worst)
{
	int k;

	if (n == 1)
		return add_num(out, size, len, v[0], dec, worst);
	len = str_addf(out, size, len, "(");
	for (k = 0; k < n; k++) {
		len = str_addf(out, size, len, "%s", k ? ", " : "");
		len = add_num(out, size, len, v[k], dec, worst);
	}
	return str_addf(out, size, len, ")");
}

/* The stage an item appears at (items are drawn in pairs by rows[] below). */
static const int item_stage[BP_ITEMS] = {0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6};

/* Item k of the text under the diagram: the inputs, z1, a1, z2, y-hat, the loss, delta2,
 * dL/dW2, delta1, dL/dW1, the path's heading and its verdict (its factors are a table,
 * path_rows); with worst, every number at its widest. */
static void item_text(const Backprop *s, int k, const Sym *y, bool worst, bool focused, char *o,
		      size_t sz)
{
	const double *d1 = s->w.d[0], *d2 = s->w.d[1];
	const double *gw1 = s->grad + s->m.w_off[0], *gw2 = s->grad + s->m.w_off[1];
	size_t n = 0;
	int i, j, pi = s->path % s->nin, pj = s->path / s->nin;

	o[0] = '\0';
	switch (k) {
	case 0:
		for (i = 0; i <= s->nin; i++) {
			bool sel = focused && i == s->edit;
			n = str_addf(o, sz, n, "%s%s", i ? "   " : "", sel ? (y->uni ? "▸" : ">") : "");
			if (i < s->nin)
				n = str_addf(o, sz, n, "x%s = ", sub(y, i + 1));
			else
				n = str_addf(o, sz, n, "%s y = ", _("target"));
			n = add_num(o, sz, n, i < s->nin ? s->x[i] : s->target, 2, worst);
		}
		break;
	case 1:
		n = str_addf(o, sz, n, "z%s = W%sx + b%s = ", sub(y, 1), sub(y, 1), sub(y, 1));
		add_vec(o, sz, n, s->w.z[0], s->nhid, 3, worst);
		break;
	case 2:
		n = str_addf(o, sz, n, "a%s = %s(z%s) = ", sub(y, 1), y->sig, sub(y, 1));
		add_vec(o, sz, n, s->w.y[0], s->nhid, 3, worst);
		break;
	case 3:
		n = str_addf(o, sz, n, "z%s = W%sa%s + b%s = ", sub(y, 2), sub(y, 2), sub(y, 1),
			     sub(y, 2));
		add_num(o, sz, n, s->w.z[1][0], 3, worst);
		break;
	case 4:
		n = str_addf(o, sz, n, "%s = %s(z%s) = ", y->yh, y->sig, sub(y, 2));
		add_num(o, sz, n, s->w.y[1][0], 3, worst);
		break;
	case 5:
		if (s->loss == LOSS_MSE)
			n = str_addf(o, sz, n, "L = (%s - y)%s = ", y->yh, y->sq);
		else
			n = str_addf(o, sz, n, "L = -[y ln %s + (1 - y) ln(1 - %s)] = ", y->yh, y->yh);
		add_num(o, sz, n, s->lossv, 4, worst);
		break;
	case 6:
		n = str_addf(o, sz, n, "%s%s = %s%s %s %s(z%s) = ", y->delta, sub(y, 2), y->dl, y->yh,
			     y->times, y->dsig, sub(y, 2));
		add_num(o, sz, n, d2[0], 4, worst);
		break;
	case 7:
		n = str_addf(o, sz, n, "%sW%s = %s%sa%s%s = ", y->dl, sub(y, 2), y->delta, sub(y, 2),
			     sub(y, 1), y->tr);
		add_vec(o, sz, n, gw2, s->nhid, 4, worst);
		break;
	case 8:
		n = str_addf(o, sz, n, "%s%s = (W%s%s%s%s) %s %s(z%s) = ", y->delta, sub(y, 1),
			     sub(y, 2), y->tr, y->delta, sub(y, 2), y->had, y->dsig, sub(y, 1));
		add_vec(o, sz, n, d1, s->nhid, 4, worst);
		break;
	case 9:
		n = str_addf(o, sz, n, "%sW%s = %s%sx%s = [", y->dl, sub(y, 1), y->delta, sub(y, 1),
			     y->tr);
		for (j = 0; j < s->nhid; j++)
			for (i = 0; i < s->nin; i++) {
				n = str_addf(o, sz, n, "%s", i ? " " : j ? "; " : "");
				n = add_num(o, sz, n, gw1[j * s->nin + i], 4, worst);
			}
		str_addf(o, sz, n, "]");
		break;
	case 10:
		n = str_addf(o, sz, n, _("One path, from the loss back to W%s[%d,%d], the weight x%s%sh%s:"),
			     sub(y, 1), pj + 1, pi + 1, sub(y, pi + 1), y->arrow, sub(y, pj + 1));
		break;
	case 11: {
		double prod = 1, lib = gw1[s->path];
		for (i = 0; i < BP_FACTORS; i++)
			prod *= s->factors[i];
		n = str_addf(o, sz, n, "= ");
		n = add_num(o, sz, n, prod, 6, worst);
		n = str_addf(o, sz, n, "   %s %sW%s[%d,%d] = ", _("backprop's"), y->dl, sub(y, 1),
			     pj + 1, pi + 1);
		n = add_num(o, sz, n, lib, 6, worst);
		str_addf(o, sz, n, "  %s", fabs(prod - lib) <= 1e-9 ? _("the same") : _("different"));
		break;
	}
	default:
		break;
	}
}

/* The rows of items: a pair shares a line when both fit side by side. */
static const int rows_of[][2] = {{0, -1}, {1, 2}, {3, 4}, {5, -1}, {6, 7}, {8, 9}, {10, -1}};
#define NROWS ((int)(sizeof rows_of / sizeof *rows_of))
#define GAP   3 /* columns between the two items of a row */

static int text_w(const char *t)
{
	return utf8_width(t, strlen(t));
}

/* The path's table: the factors' names over their values, in as many bands of columns
 * as the width needs (laid out for values at their widest); returns the rows (two per
 * band). Draws when g is not NULL. */
static int path_rows(const Backprop *s, const Sym *y, bool worst, Grid *g, int x0, int y0,
		     int w)
{
	char head[BP_FACTORS][48], val[BP_FACTORS][48];
	int cw[BP_FACTORS], k, col = 0, band = 0, pi = s->path % s->nin, pj = s->path / s->nin;

	snprintf(head[0], sizeof head[0], "%s%s", y->dl, y->yh);
	snprintf(head[1], sizeof head[1], "%s(z%s)", y->dsig, sub(y, 2));
	snprintf(head[2], sizeof head[2], "W%s[1,%d]", sub(y, 2), pj + 1);
	snprintf(head[3], sizeof head[3], "%s(z%s[%d])", y->dsig, sub(y, 1), pj + 1);
	snprintf(head[4], sizeof head[4], "x%s", sub(y, pi + 1));
	for (k = 0; k < BP_FACTORS; k++) {
		int vw = text_w("-9.9999");
		add_num(val[k], sizeof val[k], 0, s->factors[k], 4, worst);
		cw[k] = text_w(head[k]) > vw ? text_w(head[k]) : vw;
	}
	for (k = 0; k < BP_FACTORS; k++) {
		int need = cw[k] + (k + 1 < BP_FACTORS ? GAP : 0);
		if (col > 0 && col + need > w) {
			band++;
			col = 0;
		}
		if (g) {
			grid_text(g, x0 + col, y0 + 2 * band, head[k], strlen(head[k]), w - col,
				  STYLE_DIM);
			grid_text(g, x0 + col, y0 + 2 * band + 1, val[k], strlen(val[k]), w - col,
				  STYLE_NORMAL);
			if (k + 1 < BP_FACTORS)
				grid_text(g, x0 + col + cw[k] + 1, y0 + 2 * band + 1, y->times,
					  strlen(y->times), w - col - cw[k] - 1, STYLE_DIM);
		}
		col += need;
	}
	return 2 * (band + 1);
}

/* Draws (when g is not NULL) or counts the lines of text t wrapped at w. */
static int wrapped(Grid *g, int x, int y, int w, const char *t, int max, Style st)
{
	WrapLine lines[8];
	int n = wrap_text(t, strlen(t), w, lines, 8), k;

	for (k = 0; g && k < n && k < 8 && k < max; k++)
		grid_text(g, x, y + k, t + lines[k].start, lines[k].len, w, st);
	return n;
}

/* The rows of the diagram. */
static int diagram_rows(const Backprop *s)
{
	return 2 * (s->nin > s->nhid ? s->nin : s->nhid);
}

static const char *const stage_title[BP_STAGES] = {
    N_("the inputs, on the left"),
    N_("forward: the hidden layer"),
    N_("forward: the output"),
    N_("the loss"),
    N_("backward: the output layer (beside the neurons: deltas)"),
    N_("backward: the hidden layer (beside the neurons: deltas)"),
    N_("one chain-rule path, multiplied out"),
};

static void status_text(int stage, char *o, size_t sz)
{
	snprintf(o, sz, _("Step %d of %d: %s"), stage + 1, BP_STAGES, _(stage_title[stage]));
}

/* Lays out (and draws, when g is not NULL) the text under the diagram from row y0;
 * returns its rows. The layout comes from every item at its widest, so it stays put
 * while the numbers change. */
static int text_block(const Backprop *s, Grid *g, int x, int y0, int w, Caps caps, bool focused)
{
	Sym y = symbols(caps);
	char a[BP_LINE], b[BP_LINE], wa[BP_LINE], wb[BP_LINE], line[2 * BP_LINE];
	int stage = steps_at(&s->at, BP_STAGES), row = y0, r, k, most = 1;

	for (k = 0; k < BP_STAGES; k++) { /* the status: as many lines as the longest */
		status_text(k, line, sizeof line);
		r = wrapped(NULL, 0, 0, w, line, 8, STYLE_NORMAL);
		most = r > most ? r : most;
	}
	status_text(stage, line, sizeof line);
	wrapped(g, x, row, w, line, most, STYLE_BOLD);
	row += most;
	for (r = 0; r < NROWS; r++) {
		int ia = rows_of[r][0], ib = rows_of[r][1], na, nb = 0;
		bool show_a = stage >= item_stage[ia], show_b = ib >= 0 && stage >= item_stage[ib];
		item_text(s, ia, &y, true, focused, wa, sizeof wa);
		item_text(s, ia, &y, false, focused, a, sizeof a);
		if (ib >= 0) {
			item_text(s, ib, &y, true, focused, wb, sizeof wb);
			item_text(s, ib, &y, false, focused, b, sizeof b);
		}
		if (ib >= 0 && text_w(wa) + GAP + text_w(wb) <= w) {
			if (g && show_a)
				grid_text(g, x, row, a, strlen(a), w, STYLE_NORMAL);
			if (g && show_b)
				grid_text(g, x + text_w(wa) + GAP, row, b, strlen(b),
					  w - text_w(wa) - GAP, STYLE_NORMAL);
			row++;
			continue;
		}
		na = wrapped(NULL, 0, 0, w, wa, 8, STYLE_NORMAL);
		if (show_a)
			wrapped(g, x, row, w, a, na, STYLE_NORMAL);
		row += na;
		if (ib >= 0) {
			nb = wrapped(NULL, 0, 0, w, wb, 8, STYLE_NORMAL);
			if (show_b)
				wrapped(g, x, row, w, b, nb, STYLE_NORMAL);
			row += nb;
		}
	}
	if (g && stage >= 6)
		path_rows(s, &y, false, g, x, row, w);
	row += path_rows(s, &y, true, NULL, 0, 0, w);
	item_text(s, 11, &y, true, focused, wa, sizeof wa);
	item_text(s, 11, &y, false, focused, a, sizeof a);
	k = wrapped(NULL, 0, 0, w, wa, 8, STYLE_NORMAL);
	if (stage >= 6)
		wrapped(g, x, row, w, a, k, STYLE_GOOD);
	return row + k - y0;
}

static int backprop_height(const Instance *in, int width)
{
	const Backprop *s = in->state;
	Caps caps = {0};

	caps.unicode = true;
	return diagram_rows(s) + text_block(s, NULL, 0, 0, width, caps, true);
}

static void backprop_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			  int *cy)
{
	Backprop *s = in->state;
	int stage = steps_at(&s->at, BP_STAGES), sizes[3], path[3], l, front, dh = diagram_rows(s);
	const double *wp[2], *vals[3];
	const char *names[BP_MAX_IN + BP_MAX_HID + 1];
	static const char *const xn[] = {"x1", "x2", "x3"}, *const hn[] = {"h1", "h2", "h3"};
	NetDiagSpec spec;

	if (netdiag_spec_mlp(&spec, sizes, wp, &s->m) != 0)
		return;
	for (l = 0; l < s->nin; l++)
		names[l] = xn[l];
	for (l = 0; l < s->nhid; l++)
		names[s->nin + l] = hn[l];
	names[s->nin + s->nhid] = caps.unicode ? "ŷ" : "y^";
	vals[0] = s->x;
	vals[1] = stage == 5 ? s->w.d[0] : s->w.y[0];
	vals[2] = stage == 4 || stage == 5 ? s->w.d[1] : s->w.y[1];
	spec.values = vals;
	spec.names = names;
	if (stage < 3) {
		spec.wave = NETDIAG_WAVE_FORWARD;
		spec.wave_pos = stage;
		front = stage;
	} else if (stage == 4 || stage == 5) {
		spec.wave = NETDIAG_WAVE_BACKWARD;
		spec.wave_pos = 6 - stage;
		front = 6 - stage;
	} else {
		front = stage == 3 ? 2 : 0;
	}
	if (stage == 6) {
		path[0] = s->path % s->nin;
		path[1] = s->path / s->nin;
		path[2] = 0;
		spec.path = path;
	}
	spec.focus_layer = focused ? front : -1;
	spec.focus_neuron = focused ? (stage == 6 ? path[front] : 0) : -1;
	netdiag_draw(&s->nd, g, r.x, r.y, r.w, dh, &spec, caps);
	text_block(s, g, r.x, r.y + dh, r.w, caps, focused);
	if (focused && s->nd.lay.nlayers) {
		*cx = s->nd.lay.x[front][spec.focus_neuron];
		*cy = s->nd.lay.y[front][spec.focus_neuron];
	}
}

static unsigned backprop_key(Instance *in, const Key *k)
{
	Backprop *s = in->state;
	bool anim = false;
	int to = steps_key_target(&s->at, BP_STAGES, k, true);

	if (to != -1)
		return steps_key_go(&s->at, BP_STAGES, to, &anim);
	if (key_is_char(k, 'p')) {
		s->path = (s->path + 1) % (s->nin * s->nhid);
		steps_go(&s->at, BP_STAGES, BP_STAGES - 1);
	} else if (key_is_char(k, 'r')) {
		s->seed = s->seed % 9999 + 1;
		fill_weights(s);
	} else if (key_is_char(k, 'x')) {
		s->edit = (s->edit + 1) % (s->nin + 1);
	} else if (key_is_char(k, '+') || key_is_char(k, '-')) {
		double *v = s->edit < s->nin ? &s->x[s->edit] : &s->target;
		double lo = s->edit < s->nin ? -2 : 0, hi = s->edit < s->nin ? 2 : 1;
		*v += key_is_char(k, '+') ? BP_STEP : -BP_STEP;
		*v = *v < lo ? lo : *v > hi ? hi : *v;
	} else {
		return WIDGET_IGNORED;
	}
	compute(s);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool backprop_value(const Instance *in, double *out)
{
	*out = ((const Backprop *)in->state)->lossv;
	return true;
}

/* "loss": L now; "gradient": the library's dL/dparams (the layout of mlp.h);
 * "factors": the path's five factors; "step": the step shown, from 1. */
static bool backprop_output(const Instance *in, const char *name, Data *out)
{
	const Backprop *s = in->state;

	if (strcmp(name, "gradient") == 0 || strcmp(name, "factors") == 0) {
		bool g = name[0] == 'g';
		out->v = g ? s->grad : s->factors;
		out->n = g ? s->m.n_params : BP_FACTORS;
		memcpy(&out->version, &out->v[0], sizeof out->version);
		return true;
	}
	out->v = &out->scalar;
	out->n = 1;
	out->scalar = strcmp(name, "step") == 0 ? steps_at(&s->at, BP_STAGES) + 1 : s->lossv;
	memcpy(&out->version, &out->scalar, sizeof out->version);
	return true;
}

static const WidgetOps backprop_ops = {
    .init = backprop_init,
    .free = backprop_free,
    .height = backprop_height,
    .draw = backprop_draw,
    .key = backprop_key,
    .value = backprop_value,
    .output = backprop_output,
};

static const ParamSpec params[] = {
    {.name = "inputs", .type = PARAM_NUMBERS, .min = -2, .max = 2, .nmin = 1, .nmax = 3,
     .def = "0.5,-1", .help = N_("the inputs fed to the network (x and + - change them)")},
    {.name = "hidden", .type = PARAM_INT, .min = 1, .max = 3, .def = "2",
     .help = N_("the hidden neurons")},
    {.name = "target", .type = PARAM_NUMBER, .min = 0, .max = 1, .def = "1",
     .help = N_("the target y of the output (x and + - change it)")},
    {.name = "seed", .type = PARAM_INT, .min = 1, .max = 9999, .def = "1",
     .help = N_("the seed of the weights: uniform in -1.5..1.5, rounded to 0.1; biases 0")},
    {.name = "loss", .type = PARAM_CHOICE, .def = "mse", .choices = "mse|bce",
     .help = N_("squared error (y-hat - y)^2 or binary cross-entropy")},
    {.name = "start", .type = PARAM_INT, .min = 1, .max = BP_STAGES, .def = "1",
     .help = N_("the step shown first: 1 (the inputs) to 7 (the path)")},
};

static const OutputSpec outputs[] = {
    {"loss", DATA_SCALAR, N_("the loss for the inputs and target shown")},
    {"gradient", DATA_VECTOR, N_("the gradient of the loss, every weight and bias")},
    {"factors", DATA_VECTOR, N_("the five factors of the chain-rule path shown")},
    {"step", DATA_SCALAR, N_("the step shown, from 1")},
};

static const KindKey keys[] = {
    {"Right Space", N_("the next step")},
    {"Left", N_("the step before")},
    {"Home End", N_("the first or the last step")},
    {"p", N_("the next path")},
    {"x", N_("pick an input or the target")},
    {"+ -", N_("change it")},
    {"r", N_("new weights")},
};

const WidgetKind backprop_kind = {
    .schema = {.name = "backprop",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("backpropagation step by step through a small real network"),
               .example = "id=backflow inputs=0.5,-1 hidden=2 target=1"},
    KIND_LIST(keys, keys),
    .ops = &backprop_ops,
};
