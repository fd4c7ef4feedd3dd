/* vae.c: the vae kind: a real variational autoencoder (nn/vae.h) of a 2-D target cloud,
 * trained from a seed on first use (the first layout, key or reader). The learner picks
 * an input point of the target and sees the mean mu and deviation sigma of its code, the
 * code's KL and reconstruction terms, and decoded samples z = mu + s sigma * eps drawn
 * again with r, s the sigma scale (+ -); g samples the prior z ~ N(0, I) instead.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/plot.h"
#include "nls.h"
#include "nn/vae.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	VAE_INPUTS = 8,   /* target points the learner chooses from */
	VAE_CLOUD = 300,  /* target points drawn behind, for comparison */
	VAE_SAMPLES = 24, /* decoded samples of the code */
	VAE_K = 2,        /* the code's numbers */
	VAE_PANEL = 36,   /* the panel's columns beside the chart */
	VAE_LINES = 9,    /* the panel's rows */
	VAE_SCALES = 9    /* sigma scales 0, 0.25, ..., 2 */
};

typedef struct {
	Vae v;
	Plot plot;
	double inputs[2 * VAE_INPUTS];
	double cloud[2 * VAE_CLOUD], cx[VAE_CLOUD], cy[VAE_CLOUD];
	double mu[VAE_K], lv[VAE_K], sigma[VAE_K];
	double eps[VAE_K * VAE_SAMPLES], z[VAE_K * VAE_SAMPLES];
	double xh[2 * VAE_SAMPLES], sx[VAE_SAMPLES], sy[VAE_SAMPLES];
	int cls[VAE_SAMPLES];
	double kl, rec, spread;
	size_t input, scale, draws, steps;
	bool prior;
	Rng noise; /* the widget's eps, apart from the VAE's own */
	unsigned long version;
	bool trained, broken;
} VaeW;

static const KindKey vae_keys[] = {
    {"Left Right", N_("the previous or next input point")},
    {"+ -", N_("a larger or smaller sigma scale")},
    {"r", N_("draw new noise eps and decode again")},
    {"g", N_("generate from the prior z ~ N(0, I), or encode the input again")},
};

static double scale_of(size_t i)
{
	return 0.25 * (double)i;
}

/* The code of the chosen input (or the prior's: mu 0, sigma 1), the samples
 * z = mu + s sigma eps decoded, and the numbers about them:
 *   KL = 1/2 sum_k (mu_k^2 + sigma_k^2 - 1 - ln sigma_k^2) (vae_kl),
 *   rec = mean over samples of |xh - x|^2 / (2 s_x^2), with x the input,
 *   spread = sqrt(mean over samples of |xh - mean xh|^2). */
static void decode(VaeW *w)
{
	const double *x = w->inputs + 2 * w->input;
	double s = scale_of(w->scale), mx = 0, my = 0, sd = w->v.cfg.sigma_x;
	size_t i, k;

	if (w->prior) {
		for (k = 0; k < VAE_K; k++)
			w->mu[k] = 0, w->lv[k] = 0;
	} else {
		vae_encode(w->mu, w->lv, &w->v, x, 1);
	}
	for (k = 0; k < VAE_K; k++)
		w->sigma[k] = exp(0.5 * w->lv[k]);
	for (i = 0; i < VAE_SAMPLES; i++)
		for (k = 0; k < VAE_K; k++)
			w->z[i * VAE_K + k] = w->mu[k] + s * w->sigma[k] * w->eps[i * VAE_K + k];
	vae_decode(w->xh, &w->v, w->z, VAE_SAMPLES);
	w->kl = vae_kl(w->mu, w->lv, VAE_K);
	w->rec = w->spread = 0;
	for (i = 0; i < VAE_SAMPLES; i++) {
		double dx = w->xh[2 * i] - x[0], dy = w->xh[2 * i + 1] - x[1];
		w->rec += (dx * dx + dy * dy) / (2 * sd * sd) / VAE_SAMPLES;
		w->sx[i] = w->xh[2 * i];
		w->sy[i] = w->xh[2 * i + 1];
		mx += w->sx[i] / VAE_SAMPLES;
		my += w->sy[i] / VAE_SAMPLES;
	}
	for (i = 0; i < VAE_SAMPLES; i++)
		w->spread += ((w->sx[i] - mx) * (w->sx[i] - mx) + (w->sy[i] - my) * (w->sy[i] - my)) /
			     VAE_SAMPLES;
	w->spread = sqrt(w->spread);
	w->version++;
}

/* New noise: eps ~ N(0, I) for every sample, from the widget's generator. */
static void draw_noise(VaeW *w)
{
	size_t i;

	for (i = 0; i < VAE_K * VAE_SAMPLES; i++)
		w->eps[i] = rng_normal(&w->noise, 0, 1);
	w->draws++;
}

/* The state, the VAE trained on first use (a cache of what the parameters determine:
 * the same whenever it happens). */
static VaeW *ready(const Instance *in)
{
	VaeW *w = in->state;
	size_t i;

	if (!w->trained) {
		w->trained = true;
		for (i = 0; i < w->steps; i++)
			vae_step(&w->v, NULL);
		decode(w);
	}
	return w;
}

static void vae_free_(Instance *in)
{
	VaeW *w = in->state;

	if (!w)
		return;
	vae_free(&w->v);
	plot_free(&w->plot);
	free(w);
	in->state = NULL;
}

static int vae_init_(Instance *in)
{
	VaeW *w = calloc(1, sizeof *w);
	VaeConfig c;
	Rng r;
	size_t i;

	if (!w)
		return -1;
	in->state = w;
	plot_init(&w->plot);
	vae_defaults(&c, TOYDIST_MOONS);
	c.seed = (uint64_t)widget_num(in, "seed", 1);
	if (vae_init(&w->v, &c) != NN_OK) {
		vae_free_(in);
		return -1;
	}
	w->steps = (size_t)widget_num(in, "steps", 1500);
	w->input = (size_t)widget_num(in, "input", 0);
	w->scale = (size_t)(widget_num(in, "scale", 1) * 4 + 0.5);
	rng_seed(&r, c.seed + 1);
	toydist_sample(w->inputs, c.target, VAE_INPUTS, &r);
	toydist_sample(w->cloud, c.target, VAE_CLOUD, &r);
	for (i = 0; i < VAE_CLOUD; i++)
		w->cx[i] = w->cloud[2 * i], w->cy[i] = w->cloud[2 * i + 1];
	for (i = 0; i < VAE_SAMPLES; i++)
		w->cls[i] = 1;
	rng_seed(&w->noise, c.seed + 2);
	draw_noise(w);
	return 0;
}

static int vae_height(const Instance *in, int width)
{
	int h = (int)widget_num(in, "height", 12);

	return visual_beside_height(width, h, VAE_PANEL, VAE_LINES);
}

/* A pair as "(0.52, -0.31)". */
static void pair(char *out, size_t size, const double *v)
{
	char a[32], b[32];

	visual_fixed(a, sizeof a, v[0], 2);
	visual_fixed(b, sizeof b, v[1], 2);
	snprintf(out, size, "(%s, %s)", a, b);
}

/* The panel's lines (VAE_LINES, each ending in a newline). */
static size_t panel(const VaeW *w, Caps caps, char *out, size_t size)
{
	const char *mu = caps.unicode ? "μ" : "mu", *sg = caps.unicode ? "σ" : "sigma";
	const char *eps = caps.unicode ? "ε" : "eps";
	char p[80], num[32], num2[32];
	size_t len = 0;

	if (w->prior) {
		len = str_addf(out, size, len, "%s\n", _("prior: z ~ N(0, I), no input"));
	} else {
		pair(p, sizeof p, w->inputs + 2 * w->input);
		len = str_addf(out, size, len, _("input %zu of %d: x = %s\n"), w->input + 1,
			       VAE_INPUTS, p);
	}
	pair(p, sizeof p, w->mu);
	len = str_addf(out, size, len, "%s = %s\n", mu, p);
	pair(p, sizeof p, w->sigma);
	len = str_addf(out, size, len, "%s = %s\n", sg, p);
	visual_fixed(num, sizeof num, scale_of(w->scale), 2);
	len = str_addf(out, size, len, _("%s scale s = %s\n"), sg, num);
	len = str_addf(out, size, len, _("z = %s + s %s %s %s, %s draw %zu\n"), mu, sg,
		       caps.unicode ? "⊙" : "*", eps, eps, w->draws);
	visual_fixed(num, sizeof num, w->kl, 2);
	len = str_addf(out, size, len, _("KL of this code     %s\n"), num);
	if (w->prior)
		len = str_addf(out, size, len, "%s\n", _("reconstruction      -"));
	else {
		visual_fixed(num2, sizeof num2, w->rec, 2);
		len = str_addf(out, size, len, _("reconstruction      %s\n"), num2);
	}
	visual_fixed(num, sizeof num, w->spread, 3);
	len = str_addf(out, size, len, _("spread of decoded   %s\n"), num);
	len = str_addf(out, size, len, _("%zu samples, %zu training steps\n"),
		       (size_t)VAE_SAMPLES, w->v.steps);
	return len;
}

static void vae_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		     int *cy)
{
	VaeW *w = ready(in); /* draws on its scratch plot only */
	PlotOpts o = PLOT_OPTS_DEFAULT;
	char buf[1024];
	size_t n = panel(w, caps, buf, sizeof buf);
	int h = (int)widget_num(in, "height", 12), pw, px, py;
	const double *x = w->inputs + 2 * w->input;

	visual_beside(r, h, VAE_PANEL, &pw, &px, &py);

	o.x0 = -2.5, o.x1 = 2.5, o.y0 = -1.5, o.y1 = 1.5;
	plot_begin(&w->plot);
	plot_legend(&w->plot, _("target"), COLOUR_MUTED, caps.unicode ? 0x2801 : '.', 0);
	if (!w->prior)
		plot_legend(&w->plot, _("input"), plot_colour(0), plot_marker(0, caps), 0);
	plot_legend(&w->plot, _("decoded"), plot_colour(1), plot_marker(1, caps), 0);
	if (plot_layout(&w->plot, r.x, r.y, pw, h, &o, caps, false) == 0) {
		plot_dots(&w->plot, w->cx, w->cy, VAE_CLOUD, COLOUR_MUTED);
		plot_points(&w->plot, w->sx, w->sy, w->cls, VAE_SAMPLES);
		if (!w->prior)
			plot_points(&w->plot, x, x + 1, NULL, 1);
		plot_draw(&w->plot, g);
	}
	visual_lines(g, px, py, r.w - (px - r.x), buf, n, VAE_LINES, 0);
	if (focused) {
		*cx = px;
		*cy = py;
	}
}

static unsigned vae_key(Instance *in, const Key *k)
{
	VaeW *w = ready(in);

	if (k->code == K_LEFT || k->code == K_RIGHT) {
		w->input = (w->input + (k->code == K_LEFT ? VAE_INPUTS - 1 : 1)) % VAE_INPUTS;
		w->prior = false;
	} else if (key_is_char(k, '+')) {
		w->scale += w->scale + 1 < VAE_SCALES;
	} else if (key_is_char(k, '-')) {
		w->scale -= w->scale > 0;
	} else if (key_is_char(k, 'r')) {
		draw_noise(w);
	} else if (key_is_char(k, 'g')) {
		w->prior = !w->prior;
	} else {
		return WIDGET_IGNORED;
	}
	decode(w);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* "input", "mu", "sigma": pairs; "eps": the noise (samples x 2); "samples": the decoded
 * points; "kl", "rec", "spread", "scale": numbers (see decode). */
static bool vae_output(const Instance *in, const char *name, Data *out)
{
	VaeW *w = ready(in);
	const double *v = NULL;
	size_t n = 2;

	out->version = w->version;
	if (strcmp(name, "input") == 0)
		v = w->inputs + 2 * w->input;
	else if (strcmp(name, "mu") == 0)
		v = w->mu;
	else if (strcmp(name, "sigma") == 0)
		v = w->sigma;
	if (v) {
		out->v = v, out->n = n;
		return true;
	}
	if (strcmp(name, "eps") == 0) {
		out->rows = VAE_SAMPLES, out->cols = VAE_K, out->v = w->eps;
	} else if (strcmp(name, "samples") == 0) {
		out->n = VAE_SAMPLES, out->v = w->xh, out->cls = w->cls;
	} else {
		if (strcmp(name, "kl") == 0)
			out->scalar = w->kl;
		else if (strcmp(name, "rec") == 0)
			out->scalar = w->rec;
		else if (strcmp(name, "spread") == 0)
			out->scalar = w->spread;
		else if (strcmp(name, "scale") == 0)
			out->scalar = scale_of(w->scale);
		else
			return false;
		out->v = &out->scalar, out->n = 1;
	}
	return true;
}

static const WidgetOps vae_ops = {
    .init = vae_init_,
    .free = vae_free_,
    .height = vae_height,
    .draw = vae_draw,
    .key = vae_key,
    .output = vae_output,
};

static const ParamSpec params[] = {
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 5000, .def = "1500",
     .help = N_("training steps (batches of 64 points of the moons) when the widget starts")},
    {.name = "input", .type = PARAM_INT, .min = 0, .max = VAE_INPUTS - 1, .def = "0",
     .help = N_("the input point chosen first, 0 to 7")},
    {.name = "scale", .type = PARAM_NUMBER, .min = 0, .max = 2, .def = "1",
     .help = N_("the sigma scale s at first, 0 to 2 in steps of 0.25")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 40, .def = "12",
     .help = N_("rows of the chart")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights and the training data (the input points and the "
                "noise come from the next two seeds)")},
};

static const OutputSpec outputs[] = {
    {"kl", DATA_SCALAR, N_("the KL term of the code shown")},
    {"rec", DATA_SCALAR,
     N_("the reconstruction term |xh - x|^2 / (2 0.1^2), averaged over the decoded samples")},
    {"spread", DATA_SCALAR,
     N_("the root mean square distance of the decoded samples from their mean")},
    {"scale", DATA_SCALAR, N_("the sigma scale s")},
    {"input", DATA_VECTOR, N_("the chosen input point")},
    {"mu", DATA_VECTOR, N_("the mean of its code (0 for the prior)")},
    {"sigma", DATA_VECTOR, N_("the deviation of its code (1 for the prior)")},
    {"eps", DATA_MATRIX, N_("the noise eps of every sample, a row each")},
    {"samples", DATA_POINTS, N_("the decoded samples")},
};

const WidgetKind vae_kind = {
    .schema = {.name = "vae",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a variational autoencoder of the two moons: an input's code "
                          "(mu and sigma), samples z = mu + s sigma * eps decoded, and "
                          "samples of the prior"),
               .example = "id=vae steps=1"},
    .ops = &vae_ops,
    .keys = vae_keys,
    .nkeys = sizeof vae_keys / sizeof *vae_keys,
};
