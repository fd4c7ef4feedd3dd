/* check_net_train.c: the demo models learn their toy data with the library's Adam: a CNN
 * on glyph digits, the GRU encoder-decoder on the sentence pairs, a one-block
 * Transformer reversing sequences, an autoencoder and a U-Net on glyphs. Each loss must
 * fall well below where it started; a fixed number of steps (no clocks). */
#include <config.h>

#include "nn/demo.h"
#include "nn/glyphs.h"
#include "nn/optim.h"
#include "nn/pairs.h"
#include "nn/seq2seq.h"
#include "layertest.h"

/* One Adam step on the batch already in the net's inputs; returns the loss before it. */
static double step(Net *net, Optim *o, NetId loss, size_t n)
{
	double l;

	net_zero_grad(net);
	net_forward(net, n);
	l = net_value(net, loss)[0];
	net_backward(net, n, loss, NULL);
	optim_step(o, net->params, net->grads);
	return l;
}

static void start(Net *net, Optim *o, size_t cap, double lr, uint64_t seed)
{
	OptimConfig cfg;
	Rng r;

	ck_assert_int_eq(net_finish(net, cap), NN_OK);
	rng_seed(&r, seed);
	net_init_params(net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = lr;
	ck_assert_int_eq(optim_init(o, &cfg, net->n_params), NN_OK);
}

/* The index of the largest of z[0..k). */
static size_t argmax(const double *z, size_t k)
{
	size_t i, best = 0;

	for (i = 1; i < k; i++)
		if (z[i] > z[best])
			best = i;
	return best;
}

START_TEST(cnn_learns_glyph_digits)
{
	enum { S = 12, B = 32, NTR = 1600, NTE = 400 };
	GlyphStyle st = {S, 1, 0.1};
	double *xtr = malloc(NTR * S * S * sizeof *xtr), *xte = malloc(NTE * S * S * sizeof *xte);
	size_t ltr[NTR], lte[NTE], i, right = 0;
	double first = 0, last = 0;
	DemoModel m;
	Optim o;
	Net net;
	Rng r;

	rng_seed(&r, 20);
	glyph_set(xtr, ltr, NTR, 10, &st, &r);
	glyph_set(xte, lte, NTE, 10, &st, &r);
	net_init(&net, 1);
	demo_cnn(&net, &m, S, 8, 10);
	start(&net, &o, NTE, 0.01, 21);
	for (i = 0; i < NTR / B * 2; i++) {
		size_t at = (i * B) % NTR;
		double l;
		memcpy(net_value(&net, m.x), xtr + at * S * S, B * S * S * sizeof *xtr);
		memcpy(net_ids_of(&net, m.target), ltr + at, B * sizeof *ltr);
		l = step(&net, &o, m.loss, B);
		if (i == 0)
			first = l;
		last = l;
	}
	/* held-out images, never trained on */
	memcpy(net_value(&net, m.x), xte, NTE * S * S * sizeof *xte);
	net_forward(&net, NTE);
	for (i = 0; i < NTE; i++)
		right += argmax(net_value(&net, m.out) + i * 10, 10) == lte[i];
	printf("# cnn: loss %.3f -> %.3f, held-out accuracy %zu/%d\n", first, last, right, NTE);
	ck_assert_double_gt(first, 2.0); /* about ln 10 at the start */
	ck_assert_double_lt(last, 0.15 * first);
	ck_assert_uint_ge(right, NTE * 85 / 100);
	optim_free(&o);
	net_free(&net);
	free(xtr);
	free(xte);
}
END_TEST

START_TEST(seq2seq_learns_the_pairs)
{
	size_t np = pairs_count(), ts = pairs_max_len(PAIRS_EN), tt = pairs_max_len(PAIRS_FR) + 1;
	size_t idx[64], words[64 * 16], epoch, b, i, right = 0;
	double first = 0, last = 0;
	DemoModel m;
	Optim o;
	Net net;
	Rng r;

	ck_assert_uint_le(np, 64);
	ck_assert_uint_le(tt, 16);
	net_init(&net, 1);
	demo_seq2seq(&net, &m, ts, tt, pairs_vocab_size(PAIRS_EN), pairs_vocab_size(PAIRS_FR), 16,
	             32);
	start(&net, &o, np, 0.02, 22);
	rng_seed(&r, 23);
	for (i = 0; i < np; i++)
		idx[i] = i;
	for (epoch = 0; epoch < 30; epoch++) {
		double sum = 0;
		rng_shuffle(idx, np, &r);
		for (b = 0; b < np; b += 10) {
			size_t n = np - b < 10 ? np - b : 10;
			ck_assert_int_eq(seq2seq_batch(net_ids_of(&net, m.x), net_ids_of(&net, m.x2),
			                               net_ids_of(&net, m.target), idx + b, n, ts, tt),
			                 0);
			sum += step(&net, &o, m.loss, n) * (double)n;
		}
		if (epoch == 0)
			first = sum / (double)np;
		last = sum / (double)np;
	}
	for (i = 0; i < np; i++)
		idx[i] = i;
	ck_assert_int_eq(seq2seq_decode(words, &net, &m, idx, np, ts, tt), 0);
	for (i = 0; i < np; i++)
		right += seq2seq_correct(words + i * tt, tt, i);
	printf("# seq2seq: loss %.3f -> %.3f, %zu of %zu pairs decoded right\n", first, last, right,
	       np);
	ck_assert_double_lt(last, 0.1 * first);
	ck_assert_uint_ge(right, np * 3 / 4);
	/* "the cat sits" is one of them, word for word */
	ck_assert(seq2seq_correct(words, tt, 0));
	optim_free(&o);
	net_free(&net);
}
END_TEST

START_TEST(transformer_learns_to_reverse)
{
	/* reversing a sequence needs every position to look at another: attention */
	enum { T = 6, V = 8, B = 32 };
	double first = 0, last = 0;
	DemoModel m;
	Optim o;
	Net net;
	Rng r;
	int i;

	net_init(&net, 1);
	demo_transformer(&net, &m, T, V, 16, 2, 32, 0);
	start(&net, &o, B, 0.005, 24);
	rng_seed(&r, 25);
	for (i = 0; i < 150; i++) {
		size_t *x = net_ids_of(&net, m.x), *y = net_ids_of(&net, m.target), b, t;
		double l;
		for (b = 0; b < B; b++)
			for (t = 0; t < T; t++)
				x[b * T + t] = rng_below(&r, V);
		for (b = 0; b < B; b++)
			for (t = 0; t < T; t++)
				y[b * T + t] = x[b * T + T - 1 - t];
		l = step(&net, &o, m.loss, B);
		if (i == 0)
			first = l;
		last = l;
	}
	printf("# transformer: loss %.3f -> %.4f\n", first, last);
	ck_assert_double_gt(first, 1.5); /* about ln 8 */
	ck_assert_double_lt(last, 0.05 * first);
	optim_free(&o);
	net_free(&net);
}
END_TEST

START_TEST(autoencoder_and_unet_learn_glyphs)
{
	enum { S = 8, B = 16, N = 320 };
	GlyphStyle st = {S, 0.5, 0};
	double *x = malloc(N * S * S * sizeof *x), first[2] = {0}, last[2] = {0};
	size_t lab[N];
	int kind, i;
	Rng r;

	rng_seed(&r, 26);
	glyph_set(x, lab, N, GLYPH_COUNT, &st, &r);
	for (kind = 0; kind < 2; kind++) {
		DemoModel m;
		Optim o;
		Net net;
		net_init(&net, 1);
		if (kind == 0)
			demo_autoencoder(&net, &m, S * S, 32, 8);
		else
			demo_unet(&net, &m, S, 4);
		start(&net, &o, B, 0.01, 27);
		for (i = 0; i < 200; i++) {
			size_t at = (size_t)(i * B) % N, k;
			double *in = net_value(&net, m.x);
			memcpy(in, x + at * S * S, B * S * S * sizeof *x);
			if (kind == 1) /* the U-Net cleans up noise: input noisy, target clean */
				for (k = 0; k < B * S * S; k++) {
					net_value(&net, m.target)[k] = in[k];
					in[k] += rng_normal(&r, 0, 0.3);
				}
			last[kind] = step(&net, &o, m.loss, B);
			if (i == 0)
				first[kind] = last[kind];
		}
		optim_free(&o);
		net_free(&net);
	}
	printf("# autoencoder: loss %.4f -> %.4f; u-net denoising: %.4f -> %.4f\n", first[0],
	       last[0], first[1], last[1]);
	ck_assert_double_lt(last[0], 0.5 * first[0]);
	ck_assert_double_lt(last[1], 0.5 * first[1]);
	free(x);
}
END_TEST

static Suite *net_train_suite(void)
{
	Suite *s = suite_create("net_train");
	TCase *tc = tcase_create("net_train");

	tcase_set_timeout(tc, 120); /* sanitizers slow these down several times */
	tcase_add_test(tc, cnn_learns_glyph_digits);
	tcase_add_test(tc, seq2seq_learns_the_pairs);
	tcase_add_test(tc, transformer_learns_to_reverse);
	tcase_add_test(tc, autoencoder_and_unet_learn_glyphs);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(net_train_suite());
}
