/* models-bench.c: the small models a lesson trains live (issue 16): for each, the time of
 * one training step and the time until the result a lesson shows (the criterion of its
 * test: fakes near the target, the loss down, the groups gathered...), the median of
 * RUNS runs from the same seed. The goal: a step well under 5 ms (a frame at 30 frames a
 * second has 33), a visible result well under a second. Links the math library only. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nn/demo.h"
#include "nn/flow.h"
#include "nn/glyphs.h"
#include "nn/gan.h"
#include "nn/graph-net.h"
#include "nn/moe.h"
#include "nn/rfeat.h"
#include "nn/skipgram.h"
#include "nn/surface.h"
#include "nn/vae.h"
#include "nn/varprop.h"

#define RUNS      5
#define MAX_STEPS 20000
#define STEP_REPS 200 /* steps timed for the step time */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* One model under test: make it, step it, and ask whether the result is there (a check
 * may cost more than a step; its time is not counted as training). fig: the figure the
 * line reports, start: its value before training. */
typedef struct {
	const char *name, *what;
	void *(*make)(void);
	void (*step)(void *m);
	int (*reached)(void *m, double *fig);
	void (*drop)(void *m);
	size_t every; /* steps between checks */
} Case;

/* A running mean of the last 50 step losses, for the cases judged by their loss. */
typedef struct {
	double ring[50], first;
	size_t n;
} Recent;

static void recent_add(Recent *r, double l)
{
	if (r->n == 0)
		r->first = l;
	r->ring[r->n++ % 50] = l;
}

static double recent_mean(const Recent *r)
{
	size_t i, k = r->n < 50 ? r->n : 50;
	double s = 0.0;

	for (i = 0; i < k; i++)
		s += r->ring[i];
	return k ? s / (double)k : 0.0;
}

/* the surface: Adam on Rosenbrock from (-1.5, 2) to within 0.05 of (1, 1) */
static void *make_rosen(void)
{
	SurfaceRun *r = malloc(sizeof *r);
	Surface s;
	OptimConfig oc;
	const double start[2] = {-1.5, 2.0};

	surface_defaults(&s, SURFACE_ROSENBROCK);
	optim_defaults(&oc, OPTIM_ADAM);
	oc.lr = 0.02;
	surface_run_init(r, &s, &oc, start, 0.0, 1);
	return r;
}
static void step_rosen(void *m)
{
	surface_run_step(m);
}
static int reached_rosen(void *m, double *fig)
{
	SurfaceRun *r = m;
	*fig = hypot(r->p[0] - 1, r->p[1] - 1);
	return *fig < 0.05;
}
static void drop_rosen(void *m)
{
	surface_run_free(m);
	free(m);
}

/* the GAN: the grid distance of the shown fakes, averaged over the last 5 checks (the
 * game oscillates), at or below 0.45 of its start */
typedef struct {
	Gan g;
	double start, last[5];
	size_t checks;
} GanCase;
static void *make_gan(ToyDistKind k)
{
	GanCase *c = calloc(1, sizeof *c);
	GanConfig cfg;

	gan_defaults(&cfg, k);
	gan_init(&c->g, &cfg);
	c->start = gan_distance(&c->g);
	return c;
}
static void *make_gan_1d(void)
{
	return make_gan(TOYDIST_GAUSSIAN);
}
static void *make_gan_ring(void)
{
	return make_gan(TOYDIST_RING);
}
static void step_gan(void *m)
{
	gan_step(&((GanCase *)m)->g, NULL);
}
static int reached_gan(void *m, double *fig)
{
	GanCase *c = m;
	size_t i;

	c->last[c->checks++ % 5] = gan_distance(&c->g);
	for (*fig = 0.0, i = 0; i < 5; i++)
		*fig += c->last[i] / 5;
	return c->checks >= 5 && *fig <= 0.45 * c->start;
}
static void drop_gan(void *m)
{
	gan_free(&((GanCase *)m)->g);
	free(m);
}
/* the lesson L4-gan's widget: its steps to step 600, with the grid distance every 30
 * steps (the marks of its chart) as it measures them */
static void step_gan_lesson(void *m)
{
	GanCase *c = m;

	gan_step(&c->g, NULL);
	if (c->g.steps % 30 == 0)
		c->last[0] = gan_distance(&c->g);
}
static int reached_gan_lesson(void *m, double *fig)
{
	GanCase *c = m;

	*fig = c->last[0];
	return c->g.steps >= 600;
}

/* the VAE: the mean loss of the last 50 steps at or below 0.2 of the first */
typedef struct {
	Vae v;
	Recent r;
} VaeCase;
static void *make_vae(void)
{
	VaeCase *c = calloc(1, sizeof *c);
	VaeConfig cfg;

	vae_defaults(&cfg, TOYDIST_MOONS);
	vae_init(&c->v, &cfg);
	return c;
}
static void step_vae(void *m)
{
	VaeCase *c = m;
	VaeLoss l;
	vae_step(&c->v, &l);
	recent_add(&c->r, l.loss);
}
static int reached_vae(void *m, double *fig)
{
	VaeCase *c = m;
	*fig = recent_mean(&c->r);
	return c->r.n >= 50 && *fig <= 0.2 * c->r.first;
}
/* the VAE of L4-vae (widgets/sims/vae.c): the widget's 1500 steps from seed 1 when it
 * first shows; the figure is the mean loss of the last 50 */
static int reached_vae_lesson(void *m, double *fig)
{
	VaeCase *c = m;
	*fig = recent_mean(&c->r);
	return c->r.n >= 1500;
}
static void drop_vae(void *m)
{
	vae_free(&((VaeCase *)m)->v);
	free(m);
}

/* the flow: the mean NLL of the last 50 steps 0.6 nats below the first */
typedef struct {
	Flow f;
	Recent r;
} FlowCase;
static void *make_flow(void)
{
	FlowCase *c = calloc(1, sizeof *c);
	FlowConfig cfg;

	flow_defaults(&cfg, TOYDIST_MOONS);
	flow_init(&c->f, &cfg);
	return c;
}
static void step_flow(void *m)
{
	FlowCase *c = m;
	recent_add(&c->r, flow_step(&c->f));
}
static int reached_flow(void *m, double *fig)
{
	FlowCase *c = m;
	*fig = recent_mean(&c->r);
	return c->r.n >= 50 && *fig <= c->r.first - 0.6;
}
/* the flow of L4-flow (widgets/sims/flow.c): the 600 steps the widget plays (live, at
 * 120 a second: this is the compute under those five seconds); the figure is the mean
 * NLL of the last 50 */
static int reached_flow_lesson(void *m, double *fig)
{
	FlowCase *c = m;
	*fig = recent_mean(&c->r);
	return c->r.n >= 600;
}
static void drop_flow(void *m)
{
	flow_free(&((FlowCase *)m)->f);
	free(m);
}

/* the mixture of experts: the loss down to 5% of the best single line's (0.75) and
 * different experts owning x = -2 and x = 2 */
typedef struct {
	Moe m;
	Recent r;
} MoeCase;
static void *make_moe(void)
{
	MoeCase *c = calloc(1, sizeof *c);
	MoeConfig cfg;

	moe_defaults(&cfg, MOE_VEE);
	moe_init(&c->m, &cfg);
	return c;
}
static void step_moe(void *m)
{
	MoeCase *c = m;
	recent_add(&c->r, moe_step(&c->m));
}
static int reached_moe(void *m, double *fig)
{
	MoeCase *c = m;
	double l = -2.0, r = 2.0;
	*fig = recent_mean(&c->r);
	return c->r.n >= 50 && *fig <= 0.05 * 0.75 && moe_route(&c->m, &l) != moe_route(&c->m, &r);
}
static void drop_moe(void *m)
{
	moe_free(&((MoeCase *)m)->m);
	free(m);
}

/* the mixture of L4-families (widgets/sims/moe.c): the zigzag, seed 1, the lesson's
 * 2000 steps; the figure is the mean squared error over x = -3, -2.9, ..., 3 */
static void *make_moe_zigzag(void)
{
	MoeCase *c = calloc(1, sizeof *c);
	MoeConfig cfg;

	moe_defaults(&cfg, MOE_ZIGZAG);
	moe_init(&c->m, &cfg);
	return c;
}
static int reached_moe_zigzag(void *m, double *fig)
{
	MoeCase *c = m;
	size_t i;

	*fig = 0;
	for (i = 0; i <= 60; i++) {
		double x = -3 + 0.1 * (double)i, t = x < -1 ? x + 1 : x < 1 ? -x - 1 : x - 1;
		double y = moe_forward(&c->m, &x, 1)[0];
		*fig += (y - t) * (y - t) / 61;
	}
	return c->m.steps >= 2000;
}

/* skip-gram: mean cosine within the groups 0.4 above the mean across them */
typedef struct {
	Corpus c;
	SkipGram s;
} SgCase;
static void *make_sg(size_t negatives)
{
	SgCase *c = malloc(sizeof *c);
	SkipGramConfig cfg;
	Rng r;

	rng_seed(&r, 1);
	corpus_generate(&c->c, 500, &r);
	skipgram_defaults(&cfg);
	cfg.negatives = negatives;
	skipgram_init(&c->s, &c->c, &cfg);
	return c;
}
static void *make_sg_softmax(void)
{
	return make_sg(0);
}
static void *make_sg_neg(void)
{
	return make_sg(5);
}
static void step_sg(void *m)
{
	skipgram_step(&((SgCase *)m)->s);
}
static int reached_sg(void *m, double *fig)
{
	SgCase *c = m;
	size_t G = CORPUS_GROUPS * CORPUS_GROUP_WORDS, a, b, ni = 0, no = 0;
	double in = 0.0, out = 0.0;

	for (a = 0; a < G; a++)
		for (b = 0; b < G; b++)
			if (a == b)
				continue;
			else if (a / CORPUS_GROUP_WORDS == b / CORPUS_GROUP_WORDS)
				in += skipgram_cosine(&c->s, a, b), ni++;
			else
				out += skipgram_cosine(&c->s, a, b), no++;
	*fig = in / (double)ni - out / (double)no;
	return *fig >= 0.4;
}
static void drop_sg(void *m)
{
	SgCase *c = m;
	skipgram_free(&c->s);
	corpus_free(&c->c);
	free(m);
}

/* message passing: two labels spread until every node of the social graph is right */
typedef struct {
	Graph g;
	GraphNet n;
} GnnCase;
static void *make_gnn(void)
{
	static const size_t known[2] = {0, 11};
	GnnCase *c = malloc(sizeof *c);

	graph_make(&c->g, GRAPH_SOCIAL, 0);
	graph_net_init(&c->n, &c->g, known, 2, 8, GRAPH_MEAN, 0.02, 5);
	return c;
}
static void step_gnn(void *m)
{
	graph_net_step(&((GnnCase *)m)->n);
}
static int reached_gnn(void *m, double *fig)
{
	GnnCase *c = m;
	size_t pred[12];
	graph_net_forward(&c->n);
	*fig = (double)graph_net_predict(pred, &c->n);
	return *fig == 12;
}
static void drop_gnn(void *m)
{
	GnnCase *c = m;
	graph_net_free(&c->n);
	graph_free(&c->g);
	free(m);
}

/* One optimizer step of a net on the batch of n already in its inputs. */
static void adam_step(Net *net, Optim *o, NetId loss, size_t n)
{
	net_forward(net, n);
	net_zero_grad(net);
	net_backward(net, n, loss, NULL);
	optim_step(o, net->params, net->grads);
}

/* the autoencoder of L4-autoenc (widgets/sims/autoenc.c), its widest code of 8: 150
 * jittered 8x8 glyphs, Adam on batches of 15, the lesson's 100 epochs (1000 steps);
 * the figure is the mean error over the 15 clean glyphs. The widget trains four such
 * models (codes 1, 2, 4, 8), each no slower than this one. */
typedef struct {
	Net net;
	DemoModel m;
	Optim o;
	double x[150 * 64], clean[GLYPH_COUNT * 64];
	size_t done;
} AeCase;
static void *make_ae(void)
{
	AeCase *c = calloc(1, sizeof *c);
	GlyphStyle st = {8, 0.3, 0}, clean = {8, 0, 0};
	size_t labels[150];
	OptimConfig cfg;
	Rng r;

	rng_seed(&r, 1);
	glyph_set(c->x, labels, 150, GLYPH_COUNT, &st, &r);
	glyph_set(c->clean, labels, GLYPH_COUNT, GLYPH_COUNT, &clean, &r);
	net_init(&c->net, 1);
	demo_autoencoder(&c->net, &c->m, 64, 32, 8);
	net_finish(&c->net, 150);
	rng_seed(&r, 1);
	net_init_params(&c->net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	optim_init(&c->o, &cfg, c->net.n_params);
	return c;
}
static void step_ae(void *m)
{
	AeCase *c = m;
	size_t at = c->done++ % 10 * 15;

	memcpy(net_value(&c->net, c->m.x), c->x + at * 64, 15 * 64 * sizeof *c->x);
	adam_step(&c->net, &c->o, c->m.loss, 15);
}
static int reached_ae(void *m, double *fig)
{
	AeCase *c = m;

	memcpy(net_value(&c->net, c->m.x), c->clean, sizeof c->clean);
	net_forward(&c->net, GLYPH_COUNT);
	*fig = net_value(&c->net, c->m.loss)[0];
	return c->done >= 1000;
}
static void drop_ae(void *m)
{
	AeCase *c = m;
	optim_free(&c->o);
	net_free(&c->net);
	free(m);
}

/* the two U-Nets of L4-unet (widgets/sims/unet.c), with and without the skip: 150
 * pairs of 8x8 glyphs (jitter 0.3, noise 0.2), 4 channels, Adam on batches of 15, the
 * lesson's 15 epochs (150 steps); the figure is the mean error over its 15 test pairs.
 * The widget trains both. */
typedef struct {
	Net net;
	DemoModel m;
	Optim o;
	double clean[150 * 64], noisy[150 * 64], tclean[GLYPH_COUNT * 64],
	    tnoisy[GLYPH_COUNT * 64];
	size_t done;
} UnetCase;
static void *make_unet(int skip)
{
	UnetCase *c = calloc(1, sizeof *c);
	GlyphStyle st = {8, 0.3, 0.2};
	OptimConfig cfg;
	size_t g;
	Rng r;

	rng_seed(&r, 1);
	for (g = 0; g < 150; g++)
		glyph_pair(c->clean + g * 64, c->noisy + g * 64, g % GLYPH_COUNT, &st, &r);
	for (g = 0; g < GLYPH_COUNT; g++)
		glyph_pair(c->tclean + g * 64, c->tnoisy + g * 64, g, &st, &r);
	net_init(&c->net, 1);
	(skip ? demo_unet : demo_unet_noskip)(&c->net, &c->m, 8, 4);
	net_finish(&c->net, 150);
	rng_seed(&r, 1);
	net_init_params(&c->net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	optim_init(&c->o, &cfg, c->net.n_params);
	return c;
}
static void *make_unet_skip(void)
{
	return make_unet(1);
}
static void *make_unet_plain(void)
{
	return make_unet(0);
}
static void step_unet(void *m)
{
	UnetCase *c = m;
	size_t at = c->done++ % 10 * 15;

	memcpy(net_value(&c->net, c->m.x), c->noisy + at * 64, 15 * 64 * sizeof *c->noisy);
	memcpy(net_value(&c->net, c->m.target), c->clean + at * 64, 15 * 64 * sizeof *c->clean);
	adam_step(&c->net, &c->o, c->m.loss, 15);
}
static int reached_unet(void *m, double *fig)
{
	UnetCase *c = m;

	memcpy(net_value(&c->net, c->m.x), c->tnoisy, sizeof c->tnoisy);
	memcpy(net_value(&c->net, c->m.target), c->tclean, sizeof c->tclean);
	net_forward(&c->net, GLYPH_COUNT);
	*fig = net_value(&c->net, c->m.loss)[0];
	return c->done >= 150;
}
static void drop_unet(void *m)
{
	UnetCase *c = m;
	optim_free(&c->o);
	net_free(&c->net);
	free(c);
}

/* the double-descent curve of F-generalize (widgets/sims/ddescent.c): one "step" is the
 * whole curve the widget computes when it opens, 100 feature counts times 5 draws of
 * least-squares fits; the figure is the p of its peak (20). */
typedef struct {
	RfSetup s;
	double test[100], train[100], norm[100], *work;
	size_t done;
} DdCase;
static void *make_dd(void)
{
	DdCase *c = calloc(1, sizeof *c);

	c->s = (RfSetup){.n = 20, .ntest = 200, .pmax = 100, .noise = 0.1, .sigma = 30,
			 .lambda = 1e-12, .draws = 5, .seed = 1};
	c->work = malloc(rf_curve_work_size(&c->s) * sizeof *c->work);
	return c;
}
static void step_dd(void *m)
{
	DdCase *c = m;

	rf_curve(c->test, c->train, c->norm, &c->s, c->work);
	c->done++;
}
static int reached_dd(void *m, double *fig)
{
	DdCase *c = m;
	size_t p, peak = 0;

	for (p = 1; p < 100; p++)
		if (c->test[p] > c->test[peak])
			peak = p;
	*fig = (double)(peak + 1);
	return c->done >= 1;
}
static void drop_dd(void *m)
{
	free(((DdCase *)m)->work);
	free(m);
}

/* the variance per layer of F-init (widgets/sims/varflow.c): one "step" is what the
 * widget computes at each choice, a forward and a backward pass of 20 layers of 64 (He,
 * ReLU) over a batch of 64; the figure is Var(z) at layer 20 over layer 1's. */
typedef struct {
	VarNet v;
	double fwd[20], bwd[20], *work;
	size_t done;
} VfCase;
static void *make_vf(void)
{
	VfCase *c = calloc(1, sizeof *c);

	c->v = (VarNet){.layers = 20, .width = 64, .batch = 64, .act = ACT_RELU,
			.scheme = INIT_HE_NORMAL, .seed = 1};
	c->work = malloc(varprop_work_size(&c->v) * sizeof *c->work);
	return c;
}
static void step_vf(void *m)
{
	VfCase *c = m;

	varprop_run(c->fwd, c->bwd, &c->v, c->work);
	c->done++;
}
static int reached_vf(void *m, double *fig)
{
	VfCase *c = m;

	*fig = c->fwd[19] / c->fwd[0];
	return c->done >= 1;
}
static void drop_vf(void *m)
{
	free(((VfCase *)m)->work);
	free(m);
}

static const Case cases[] = {
    {.name = "surface", .what = "Adam on Rosenbrock, |p - (1,1)| < 0.05", .make = make_rosen,
     .step = step_rosen, .reached = reached_rosen, .drop = drop_rosen, .every = 1},
    {.name = "gan 1-D", .what = "gaussian, batch 64: grid TV <= 0.45 x start (*)",
     .make = make_gan_1d, .step = step_gan, .reached = reached_gan, .drop = drop_gan,
     .every = 50},
    {.name = "gan 2-D", .what = "ring, batch 64: grid TV <= 0.45 x start (*)",
     .make = make_gan_ring, .step = step_gan, .reached = reached_gan, .drop = drop_gan,
     .every = 50},
    {.name = "gan L4", .what = "the lesson's ring to step 600, a distance per 30",
     .make = make_gan_ring, .step = step_gan_lesson, .reached = reached_gan_lesson,
     .drop = drop_gan, .every = 600},
    {.name = "vae", .what = "moons, batch 64: mean loss <= 0.2 x first", .make = make_vae,
     .step = step_vae, .reached = reached_vae, .drop = drop_vae, .every = 10},
    {.name = "vae", .what = "moons, batch 64: L4-vae's 1500 steps", .make = make_vae,
     .step = step_vae, .reached = reached_vae_lesson, .drop = drop_vae, .every = 1500},
    {.name = "flow", .what = "moons, 6 couplings, batch 128: NLL 0.6 nats down",
     .make = make_flow, .step = step_flow, .reached = reached_flow, .drop = drop_flow,
     .every = 10},
    {.name = "flow", .what = "moons, 6 couplings, batch 128: L4-flow's 600 steps",
     .make = make_flow, .step = step_flow, .reached = reached_flow_lesson, .drop = drop_flow,
     .every = 600},
    {.name = "moe", .what = "vee, 4 experts, top 2: loss <= 5% of a line's",
     .make = make_moe, .step = step_moe, .reached = reached_moe, .drop = drop_moe,
     .every = 10},
    {.name = "moe", .what = "zigzag, 4 experts, top 2: the lesson's 2000 steps",
     .make = make_moe_zigzag, .step = step_moe, .reached = reached_moe_zigzag,
     .drop = drop_moe, .every = 2000},
    {.name = "skipgram", .what = "softmax, 64 pairs: group cosine margin >= 0.4",
     .make = make_sg_softmax, .step = step_sg, .reached = reached_sg, .drop = drop_sg,
     .every = 10},
    {.name = "skipgram", .what = "5 negatives, 64 pairs: group cosine margin >= 0.4",
     .make = make_sg_neg, .step = step_sg, .reached = reached_sg, .drop = drop_sg,
     .every = 10},
    {.name = "gnn", .what = "social graph, 2 labels: all 12 nodes right", .make = make_gnn,
     .step = step_gnn, .reached = reached_gnn, .drop = drop_gnn, .every = 1},
    {.name = "autoenc", .what = "8x8 glyphs, code 8, batch 15: the lesson's 100 epochs",
     .make = make_ae, .step = step_ae, .reached = reached_ae, .drop = drop_ae,
     .every = 1000},
    {.name = "unet", .what = "8x8 noisy glyphs, skip, batch 15: 15 epochs",
     .make = make_unet_skip, .step = step_unet, .reached = reached_unet, .drop = drop_unet,
     .every = 150},
    {.name = "unet", .what = "the same without the skip", .make = make_unet_plain,
     .step = step_unet, .reached = reached_unet, .drop = drop_unet, .every = 150},
    {.name = "ddescent", .what = "F-generalize's curve: 100 p x 5 draws of fits (peak p)",
     .make = make_dd, .step = step_dd, .reached = reached_dd, .drop = drop_dd, .every = 1},
    {.name = "varflow", .what = "F-init: 20 layers of 64, batch 64, both passes (ratio)",
     .make = make_vf, .step = step_vf, .reached = reached_vf, .drop = drop_vf, .every = 1},
};

/* Training seconds (checks excluded) until c's result; *steps and *fig say where. */
static double time_to_result(const Case *c, size_t *steps, double *fig)
{
	void *m = c->make();
	double train = 0.0;
	size_t i;

	*fig = NAN;
	for (i = 1; i <= MAX_STEPS; i++) {
		double t0 = now();
		c->step(m);
		train += now() - t0;
		if (i % c->every == 0 && c->reached(m, fig))
			break;
	}
	*steps = i;
	c->drop(m);
	return train;
}

/* Seconds per step over STEP_REPS steps after 20 to warm up. */
static double time_per_step(const Case *c)
{
	void *m = c->make();
	double t0;
	size_t i;

	for (i = 0; i < 20; i++)
		c->step(m);
	t0 = now();
	for (i = 0; i < STEP_REPS; i++)
		c->step(m);
	t0 = now() - t0;
	c->drop(m);
	return t0 / STEP_REPS;
}

int main(void)
{
	size_t k, r;
	int ok = 1;

	printf("bench-models: one training step, and the steps and training time to a lesson's "
	       "result (median of %d runs; the figure reached in brackets)\n",
	       RUNS);
	for (k = 0; k < sizeof cases / sizeof *cases; k++) {
		const Case *c = &cases[k];
		double step[RUNS], total[RUNS], fig = 0.0;
		size_t steps = 0;
		for (r = 0; r < RUNS; r++) {
			step[r] = time_per_step(c);
			total[r] = time_to_result(c, &steps, &fig);
		}
		qsort(step, RUNS, sizeof *step, cmp_double);
		qsort(total, RUNS, sizeof *total, cmp_double);
		if (steps > MAX_STEPS) {
			printf("  %-8s %-50s %8.1f us/step  NOT REACHED in %d steps\n", c->name,
			       c->what, 1e6 * step[RUNS / 2], MAX_STEPS);
			ok = 0;
			continue;
		}
		printf("  %-8s %-50s %8.2f us/step  %5zu steps %8.2f ms  (%.3g)\n", c->name,
		       c->what, 1e6 * step[RUNS / 2], steps, 1e3 * total[RUNS / 2], fig);
	}
	printf("  (*) the mean of the last 5 checks, 50 steps apart: the game oscillates\n");
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
