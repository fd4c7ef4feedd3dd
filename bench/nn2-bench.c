/* nn2-bench.c: the layer models' benchmark (make bench-nn2): a small CNN on glyph images
 * (images per second, and the training time to 95% held-out accuracy on the ten digits),
 * the GRU encoder-decoder on the sentence pairs (time until every pair decodes right), a
 * one-block Transformer (tokens per second), and one training step of each demo model.
 * Single-threaded; wall-clock and CPU seconds both, since the machine may be shared.
 * Links the math library only. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nn/demo.h"
#include "nn/glyphs.h"
#include "nn/optim.h"
#include "nn/pairs.h"
#include "nn/seq2seq.h"

#define MIN_SECONDS 1.0 /* each speed is measured over at least this long */
#define SEEDS       3   /* time-to-goal runs; the median is printed */

typedef struct {
	double wall, cpu;
} Clock;

static Clock now(void)
{
	struct timespec w, c;
	Clock k;

	clock_gettime(CLOCK_MONOTONIC, &w);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
	k.wall = (double)w.tv_sec + (double)w.tv_nsec / 1e9;
	k.cpu = (double)c.tv_sec + (double)c.tv_nsec / 1e9;
	return k;
}

static Clock since(Clock a)
{
	Clock b = now();

	b.wall -= a.wall;
	b.cpu -= a.cpu;
	return b;
}

/* "0.239 s" or "1.08 ms" */
static const char *secs(char *buf, size_t len, double s)
{
	if (s < 0.1)
		snprintf(buf, len, "%.3f ms", s * 1e3);
	else
		snprintf(buf, len, "%.3f s", s);
	return buf;
}

/* One line of the table; met < 0: no goal. The goal is judged on CPU time, which the
 * other jobs of a shared machine do not inflate. */
static void row(const char *what, const char *figure, Clock t, const char *goal, int met)
{
	char w[32], c[32];

	printf("%-40s %-24s %10s %10s  %-7s %s\n", what, figure, secs(w, sizeof w, t.wall),
	       secs(c, sizeof c, t.cpu), goal, met < 0 ? "" : met ? "met" : "MISSED");
}

static void setup(Net *net, Optim *o, size_t cap, double lr, uint64_t seed)
{
	OptimConfig cfg;
	Rng r;

	if (net_finish(net, cap) != NN_OK) {
		fprintf(stderr, "nn2-bench: a demo model failed to build\n");
		exit(1);
	}
	rng_seed(&r, seed);
	net_init_params(net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = lr;
	if (optim_init(o, &cfg, net->n_params) != NN_OK)
		exit(1);
}

static void train_step(Net *net, Optim *o, NetId loss, size_t n)
{
	net_zero_grad(net);
	net_forward(net, n);
	net_backward(net, n, loss, NULL);
	optim_step(o, net->params, net->grads);
}

static int by_wall(const void *a, const void *b)
{
	double x = ((const Clock *)a)->wall, y = ((const Clock *)b)->wall;

	return (x > y) - (x < y);
}

/* ---- the CNN on glyphs ---- */

enum { S = 12, CLASSES = 10, CB = 32, NTR = 3200, NTE = 500 };

typedef struct {
	double *xtr, *xte;
	size_t ltr[NTR], lte[NTE];
} Glyphs;

static double cnn_accuracy(Net *net, const DemoModel *m, const Glyphs *g)
{
	size_t i, k, right = 0;

	memcpy(net_value(net, m->x), g->xte, NTE * S * S * sizeof *g->xte);
	net_forward(net, NTE);
	for (i = 0; i < NTE; i++) {
		const double *z = net_value(net, m->out) + i * CLASSES;
		size_t best = 0;
		for (k = 1; k < CLASSES; k++)
			if (z[k] > z[best])
				best = k;
		right += best == g->lte[i];
	}
	return (double)right / NTE;
}

/* Trains from scratch until 95% held-out accuracy (checked every 20 steps, outside
 * the clock); returns the training time and the images seen. */
static Clock cnn_to_goal(const Glyphs *g, uint64_t seed, size_t *images)
{
	Clock t = {0, 0};
	DemoModel m;
	Optim o;
	Net net;
	size_t i;

	net_init(&net, seed);
	demo_cnn(&net, &m, S, 8, CLASSES);
	setup(&net, &o, NTE, 0.01, seed);
	for (i = 0; i < 100000; i++) {
		size_t at = (i * CB) % NTR;
		Clock a = now(), d;
		memcpy(net_value(&net, m.x), g->xtr + at * S * S, CB * S * S * sizeof *g->xtr);
		memcpy(net_ids_of(&net, m.target), g->ltr + at, CB * sizeof *g->ltr);
		train_step(&net, &o, m.loss, CB);
		d = since(a);
		t.wall += d.wall, t.cpu += d.cpu;
		if (i % 20 == 19 && cnn_accuracy(&net, &m, g) >= 0.95)
			break;
	}
	*images = (i + 1) * CB;
	optim_free(&o);
	net_free(&net);
	return t;
}

static void bench_cnn(void)
{
	GlyphStyle st = {S, 1, 0.1};
	Glyphs *g = malloc(sizeof *g);
	Clock runs[SEEDS], t0, t;
	DemoModel m;
	Optim o;
	Net net;
	size_t steps = 0, images[SEEDS], i;
	char fig[64];
	Rng r;

	g->xtr = malloc(NTR * S * S * sizeof *g->xtr);
	g->xte = malloc(NTE * S * S * sizeof *g->xte);
	rng_seed(&r, 1);
	glyph_set(g->xtr, g->ltr, NTR, CLASSES, &st, &r);
	glyph_set(g->xte, g->lte, NTE, CLASSES, &st, &r);
	net_init(&net, 1);
	demo_cnn(&net, &m, S, 8, CLASSES);
	setup(&net, &o, CB, 0.01, 1);
	memcpy(net_value(&net, m.x), g->xtr, CB * S * S * sizeof *g->xtr);
	memcpy(net_ids_of(&net, m.target), g->ltr, CB * sizeof *g->ltr);
	t0 = now();
	do {
		train_step(&net, &o, m.loss, CB);
		steps++;
		t = since(t0);
	} while (t.wall < MIN_SECONDS);
	snprintf(fig, sizeof fig, "%.0f images/s", (double)(steps * CB) / t.cpu);
	row("CNN glyphs 12x12: fwd+bwd+Adam", fig, t, "", -1);
	t0 = now();
	steps = 0;
	do {
		net_forward(&net, CB);
		steps++;
		t = since(t0);
	} while (t.wall < MIN_SECONDS);
	snprintf(fig, sizeof fig, "%.0f images/s", (double)(steps * CB) / t.cpu);
	row("CNN glyphs 12x12: forward only", fig, t, "", -1);
	optim_free(&o);
	net_free(&net);
	for (i = 0; i < SEEDS; i++)
		runs[i] = cnn_to_goal(g, 10 + i, &images[i]);
	qsort(runs, SEEDS, sizeof *runs, by_wall);
	snprintf(fig, sizeof fig, "%zu/%zu/%zu images", images[0], images[1], images[2]);
	row("CNN: train to 95% held-out, median of 3", fig, runs[SEEDS / 2], "< 2 s", runs[SEEDS / 2].cpu < 2);
	free(g->xtr);
	free(g->xte);
	free(g);
}

/* ---- the GRU encoder-decoder ---- */

/* Trains from scratch (batches of 10 pairs, Adam 0.02) until greedy decoding gets every
 * pair right (checked after every epoch, outside the clock). */
static Clock seq2seq_to_goal(uint64_t seed, size_t *epochs, Clock *with_checks)
{
	size_t np = pairs_count(), ts = pairs_max_len(PAIRS_EN), tt = pairs_max_len(PAIRS_FR) + 1;
	size_t idx[64], all[64], words[64 * 16], e, b, i;
	Clock t = {0, 0}, total = now();
	DemoModel m;
	Optim o;
	Net net;
	Rng r;

	net_init(&net, seed);
	demo_seq2seq(&net, &m, ts, tt, pairs_vocab_size(PAIRS_EN), pairs_vocab_size(PAIRS_FR), 16,
	             32);
	setup(&net, &o, np, 0.02, seed);
	rng_seed(&r, seed);
	for (i = 0; i < np; i++)
		idx[i] = all[i] = i;
	for (e = 1; e <= 1000; e++) {
		size_t right = 0;
		Clock a = now(), d;
		rng_shuffle(idx, np, &r);
		for (b = 0; b < np; b += 10) {
			size_t n = np - b < 10 ? np - b : 10;
			seq2seq_batch(net_ids_of(&net, m.x), net_ids_of(&net, m.x2),
			              net_ids_of(&net, m.target), idx + b, n, ts, tt);
			train_step(&net, &o, m.loss, n);
		}
		d = since(a);
		t.wall += d.wall, t.cpu += d.cpu;
		seq2seq_decode(words, &net, &m, all, np, ts, tt);
		for (i = 0; i < np; i++)
			right += seq2seq_correct(words + i * tt, tt, i);
		if (right == np)
			break;
	}
	*epochs = e;
	*with_checks = since(total);
	optim_free(&o);
	net_free(&net);
	return t;
}

static void bench_seq2seq(void)
{
	Clock runs[SEEDS], checks[SEEDS];
	size_t epochs[SEEDS], i;
	char fig[64];

	for (i = 0; i < SEEDS; i++)
		runs[i] = seq2seq_to_goal(20 + i, &epochs[i], &checks[i]);
	snprintf(fig, sizeof fig, "%zu/%zu/%zu epochs", epochs[0], epochs[1], epochs[2]);
	qsort(runs, SEEDS, sizeof *runs, by_wall);
	qsort(checks, SEEDS, sizeof *checks, by_wall);
	row("GRU seq2seq: all 40 pairs right, median", fig, runs[SEEDS / 2], "< 1 s",
	    runs[SEEDS / 2].cpu < 1);
	row("  the same with a decode every epoch", "", checks[SEEDS / 2], "", -1);
}

/* ---- the Transformer ---- */

static void bench_transformer(void)
{
	enum { T = 16, V = 16, B = 16 };
	size_t steps = 0, i;
	DemoModel m;
	Clock t0, t;
	Optim o;
	Net net;
	char fig[64];
	Rng r;

	net_init(&net, 1);
	demo_transformer(&net, &m, T, V, 32, 4, 64, 1);
	setup(&net, &o, B, 0.005, 1);
	rng_seed(&r, 2);
	for (i = 0; i < B * T; i++) {
		net_ids_of(&net, m.x)[i] = rng_below(&r, V);
		net_ids_of(&net, m.target)[i] = rng_below(&r, V);
	}
	t0 = now();
	do {
		train_step(&net, &o, m.loss, B);
		steps++;
		t = since(t0);
	} while (t.wall < MIN_SECONDS);
	snprintf(fig, sizeof fig, "%.0f tokens/s", (double)(steps * B * T) / t.cpu);
	row("Transformer t16 d32 h4: training", fig, t, "", -1);
	t0 = now();
	steps = 0;
	do {
		net_forward(&net, B);
		steps++;
		t = since(t0);
	} while (t.wall < MIN_SECONDS);
	snprintf(fig, sizeof fig, "%.0f tokens/s", (double)(steps * B * T) / t.cpu);
	row("Transformer t16 d32 h4: forward", fig, t, "", -1);
	optim_free(&o);
	net_free(&net);
}

/* ---- one training step of each demo model ---- */

/* The median of `count` step times (by wall-clock time). */
static Clock median_of(Clock *t, size_t count)
{
	qsort(t, count, sizeof *t, by_wall);
	return t[count / 2];
}

enum { STEPS = 200 };

/* Fills every input of a finished net with values in [0, 1) and ids below vocab. */
static void fill(Net *net, size_t n, size_t vocab, Rng *r)
{
	size_t i, k;

	for (i = 0; i < net->n_nodes; i++) {
		NetNode *nd = &net->node[i];
		for (k = 0; k < net_count(net, i, n); k++)
			if (nd->op == NET_INPUT)
				nd->val[k] = rng_uniform(r);
			else if (nd->op == NET_IDS)
				nd->ids[k] = rng_below(r, vocab);
	}
}

/* Times STEPS training steps of a demo model on random data. */
static void step_row(const char *what, Net *net, const DemoModel *m, size_t n, size_t vocab)
{
	Clock t[STEPS], med;
	Optim o;
	Rng r;
	size_t i;
	char fig[64];

	setup(net, &o, n, 0.001, 3);
	rng_seed(&r, 4);
	fill(net, n, vocab, &r);
	for (i = 0; i < STEPS; i++) {
		Clock a = now();
		train_step(net, &o, m->loss, n);
		t[i] = since(a);
	}
	med = median_of(t, STEPS);
	snprintf(fig, sizeof fig, "%zu examples", n);
	row(what, fig, med, "< 5 ms", med.cpu < 5e-3);
	optim_free(&o);
	net_free(net);
}

/* A GAN step on 2-D points: the discriminator on real and fake points, then the
 * generator through the discriminator's input gradient. */
static void gan_row(void)
{
	enum { N = 64 };
	Net g, d;
	DemoModel gm, dm;
	Optim og, od;
	Clock t[STEPS], med;
	Rng r;
	size_t i, k;
	char fig[64];

	net_init(&g, 1);
	net_init(&d, 2);
	demo_generator(&g, &gm, 8, 64, 2);
	demo_discriminator(&d, &dm, 2, 64);
	setup(&g, &og, N, 0.001, 5);
	setup(&d, &od, N, 0.001, 6);
	rng_seed(&r, 7);
	for (i = 0; i < STEPS; i++) {
		Clock a = now();
		double *dx = net_value(&d, dm.x), *tg = net_value(&d, dm.target);
		for (k = 0; k < N * 8; k++)
			net_value(&g, gm.x)[k] = rng_normal(&r, 0, 1);
		net_forward(&g, N);
		/* D: real points on a ring (target 1), then the fakes (target 0) */
		net_zero_grad(&d);
		for (k = 0; k < N; k++) {
			double a2 = rng_range(&r, 0, 6.283185307179586);
			dx[2 * k] = cos(a2), dx[2 * k + 1] = sin(a2), tg[k] = 1;
		}
		net_forward(&d, N);
		net_backward(&d, N, dm.loss, NULL);
		memcpy(dx, net_value(&g, gm.out), N * 2 * sizeof *dx);
		for (k = 0; k < N; k++)
			tg[k] = 0;
		net_forward(&d, N);
		net_backward(&d, N, dm.loss, NULL);
		optim_step(&od, d.params, d.grads);
		/* G: the fakes called real, the gradient through D */
		for (k = 0; k < N; k++)
			tg[k] = 1;
		net_forward(&d, N);
		net_backward(&d, N, dm.loss, NULL);
		net_zero_grad(&g);
		net_backward(&g, N, gm.out, net_grad(&d, dm.x));
		optim_step(&og, g.params, g.grads);
		t[i] = since(a);
	}
	med = median_of(t, STEPS);
	snprintf(fig, sizeof fig, "%d points", N);
	row("step: GAN 2-D (D, then G through D)", fig, med, "< 5 ms", med.cpu < 5e-3);
	optim_free(&og), optim_free(&od);
	net_free(&g), net_free(&d);
}

static void bench_steps(void)
{
	DemoModel m;
	Net net;

	net_init(&net, 1);
	demo_cnn(&net, &m, S, 8, CLASSES);
	step_row("step: CNN 12x12 (conv 8, pool, dense)", &net, &m, 32, CLASSES);
	net_init(&net, 1);
	demo_seq2seq(&net, &m, pairs_max_len(PAIRS_EN), pairs_max_len(PAIRS_FR) + 1,
	             pairs_vocab_size(PAIRS_EN), pairs_vocab_size(PAIRS_FR), 16, 32);
	step_row("step: GRU seq2seq (emb 16, hid 32)", &net, &m, 10, PAIRS_SPECIALS + 3);
	net_init(&net, 1);
	demo_transformer(&net, &m, 16, 16, 32, 4, 64, 1);
	step_row("step: Transformer (t 16, d 32, 4 heads)", &net, &m, 16, 16);
	net_init(&net, 1);
	demo_unet(&net, &m, S, 4);
	step_row("step: U-Net 12x12 (4 and 8 channels)", &net, &m, 8, 1);
	net_init(&net, 1);
	demo_autoencoder(&net, &m, S * S, 64, 16);
	step_row("step: autoencoder 144-64-16-64-144", &net, &m, 32, 1);
	gan_row();
}

/* What the two columns mean, and how busy the machine was. */
static void footer(void)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double load = -1;

	if (f) {
		if (fscanf(f, "%lf", &load) != 1)
			load = -1;
		fclose(f);
	}
	printf("wall: elapsed (for speeds, the measuring window); cpu: this process's CPU time, "
	       "on which goals are judged.\n");
	if (load >= 0)
		printf("load average during the run: %.2f on this machine's cores.\n", load);
}

int main(void)
{
	printf("%-40s %-24s %10s %10s  %-7s\n", "benchmark (single-threaded)", "figure (per CPU s)",
	       "wall", "cpu", "goal");
	bench_cnn();
	bench_seq2seq();
	bench_transformer();
	bench_steps();
	footer();
	return 0;
}
