/* check_mlp.c: the MLP by hand (one neuron, XOR), backprop against finite differences
 * for every activation, loss and dropout, every SIMD level against the portable one,
 * weights files, initializers. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn/dropout.h"
#include "nn/gradcheck.h"
#include "nn/init.h"
#include "nn/mlp-io.h"
#include "nntest.h"

START_TEST(one_sigmoid_neuron_by_hand)
{
	const size_t sizes[] = {2, 1};
	const Activation act[] = {ACT_SIGMOID};
	const double x[2] = {1, 0};
	Mlp m;
	MlpWork w;

	ck_assert_int_eq(mlp_init(&m, sizes, 1, act), NN_OK);
	ck_assert_uint_eq(m.n_params, 3);
	m.params[0] = 0.6;
	m.params[1] = -0.4;
	m.params[2] = 0.1;
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	mlp_forward(&w, &m, x, 1);
	ck_assert_double_eq_tol(w.z[0][0], 0.7, 1e-15);
	ck_assert_double_eq_tol(w.y[0][0], 0.66818777216816616, 1e-15); /* sigmoid(0.7) */
	mlp_work_free(&w);
	mlp_free(&m);
}
END_TEST

START_TEST(xor_by_hand_set_weights)
{
	/* hidden: OR-like and NAND-like step units; output: their AND */
	const size_t sizes[] = {2, 2, 1};
	const Activation act[] = {ACT_STEP, ACT_STEP};
	const double w[] = {1, 1, -1, -1, -0.5, 1.5, 1, 1, -1.5};
	const double x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
	Mlp m;
	MlpWork wk;
	int lv;

	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_uint_eq(m.n_params, 9);
	memcpy(m.params, w, sizeof w);
	for (lv = 0; lv < SIMD_COUNT; lv++) {
		if (!simd_supported((SimdLevel)lv))
			continue;
		ck_assert_int_eq(mlp_work_init(&wk, &m, 4, (SimdLevel)lv, 0), NN_OK);
		mlp_forward(&wk, &m, x, 4);
		ck_assert_double_eq(wk.y[1][0], 0.0);
		ck_assert_double_eq(wk.y[1][1], 1.0);
		ck_assert_double_eq(wk.y[1][2], 1.0);
		ck_assert_double_eq(wk.y[1][3], 0.0);
		mlp_work_free(&wk);
	}
	mlp_free(&m);
}
END_TEST

/* One example kept layer by layer: by hand for a sigmoid XOR net, and equal to the
 * batched forward pass (portable kernels) on every neuron. */
START_TEST(trace_keeps_every_layer)
{
	const size_t sizes[] = {2, 2, 1};
	const Activation act[] = {ACT_SIGMOID, ACT_LINEAR};
	const double w[] = {6, 6, 6, 6, -3, -9, 8, -8, -4};
	const double x[2] = {0, 1};
	double z[3], y[3];
	Mlp m;
	MlpWork wk;
	int i;

	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_uint_eq(mlp_count_units(&m), 3);
	memcpy(m.params, w, sizeof w);
	mlp_trace(z, y, &m, x);
	ck_assert_double_eq(z[0], 3);
	ck_assert_double_eq(z[1], -3);
	ck_assert_double_eq_tol(y[0], 1 / (1 + exp(-3.0)), 1e-15);
	ck_assert_double_eq_tol(y[1], 1 / (1 + exp(3.0)), 1e-15);
	ck_assert_double_eq_tol(z[2], 8 * y[0] - 8 * y[1] - 4, 1e-14);
	ck_assert_double_eq(y[2], z[2]); /* the identity output */
	ck_assert_int_eq(mlp_work_init(&wk, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	mlp_forward(&wk, &m, x, 1);
	for (i = 0; i < 2; i++) {
		ck_assert_double_eq(wk.z[0][i], z[i]);
		ck_assert_double_eq(wk.y[0][i], y[i]);
	}
	ck_assert_double_eq(wk.z[1][0], z[2]);
	ck_assert_double_eq(wk.y[1][0], y[2]);
	mlp_work_free(&wk);
	mlp_free(&m);
}
END_TEST

START_TEST(parameter_count_and_bad_shapes)
{
	const size_t s1[] = {2, 64, 64, 1}, s0[] = {2, 0, 1};
	const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	Mlp m;

	ck_assert_uint_eq(mlp_count_params(s1, 3), 64 * 3 + 64 * 65 + 65);
	ck_assert_int_eq(mlp_init(&m, s0, 2, act), NN_ERR_ARG);
	ck_assert_int_eq(mlp_init(&m, s1, 0, act), NN_ERR_ARG);
	ck_assert_int_eq(mlp_init(&m, s1, 3, act), NN_OK);
	ck_assert_uint_eq(mlp_n_in(&m), 2);
	ck_assert_uint_eq(mlp_n_out(&m), 1);
	mlp_free(&m);
	mlp_free(&m); /* twice is harmless */
}
END_TEST

/* A 3-5-4-k network with activation a in both hidden layers, random weights. */
static void random_net(Mlp *m, Activation hidden, Activation out, size_t k, uint64_t seed)
{
	const size_t sizes[] = {3, 5, 4, k};
	const Activation act[] = {hidden, hidden, out};
	Rng r;

	ck_assert_int_eq(mlp_init(m, sizes, 3, act), NN_OK);
	rng_seed(&r, seed);
	init_params(m, INIT_NORMAL, 0.8, &r);
}

START_TEST(backprop_matches_finite_differences)
{
	static const struct {
		Loss l;
		Activation out;
		size_t k;
	} losses[] = {{LOSS_MSE, ACT_SIGMOID, 1},
	              {LOSS_MSE, ACT_LINEAR, 2},
	              {LOSS_BCE, ACT_SIGMOID, 1},
	              {LOSS_CE, ACT_LINEAR, 3},
	              {LOSS_CE, ACT_LINEAR, 1}};
	double x[6 * 3], t[6 * 3];
	size_t i, li;
	int a;
	Rng r;

	rng_seed(&r, 42);
	for (i = 0; i < 6 * 3; i++)
		x[i] = rng_range(&r, -2, 2);
	for (li = 0; li < sizeof losses / sizeof *losses; li++) {
		size_t k = losses[li].k;
		for (i = 0; i < 6 * k; i++)
			t[i] = losses[li].l == LOSS_MSE ? rng_range(&r, 0, 1) : 0.0;
		if (losses[li].l != LOSS_MSE)
			for (i = 0; i < 6; i++)
				t[i * k + (k > 1 ? i % k : 0)] = k > 1 || i % 2 ? 1.0 : 0.0;
		for (a = ACT_LINEAR; a < ACT_COUNT; a++) {
			int lv;
			for (lv = 0; lv < SIMD_EXACT; lv += SIMD_EXACT - 1) {
				Mlp m;
				MlpWork w;
				GradCheck gc;
				double *g;
				if (!simd_supported((SimdLevel)lv))
					continue;
				random_net(&m, (Activation)a, losses[li].out, k, 7 + (uint64_t)a);
				ck_assert_int_eq(mlp_work_init(&w, &m, 6, (SimdLevel)lv, 0), NN_OK);
				g = mlp_alloc_params(&m);
				gradcheck_mlp(&gc, g, &m, &w, x, t, 6, losses[li].l, 1e-5);
				ck_assert_msg(gc.max_rel < 1e-5,
				              "%s/%s/%s: param %zu: backprop %.17g numeric %.17g",
				              loss_name(losses[li].l), act_name((Activation)a),
				              simd_name((SimdLevel)lv), gc.worst, gc.backprop,
				              gc.numeric);
				free(g);
				mlp_work_free(&w);
				mlp_free(&m);
			}
		}
	}
}
END_TEST

START_TEST(backward_adds_into_the_gradient)
{
	Mlp m;
	MlpWork w;
	double x[3] = {0.1, -0.2, 0.3}, t[1] = {1}, *g1, *g2;
	size_t i, L;

	random_net(&m, ACT_TANH, ACT_SIGMOID, 1, 3);
	L = m.n_layers;
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, simd_best(), 0), NN_OK);
	g1 = mlp_alloc_params(&m);
	g2 = mlp_alloc_params(&m);
	mlp_forward(&w, &m, x, 1);
	memset(w.d[L - 1], 0, sizeof(double));
	loss_backward(w.d[L - 1], LOSS_MSE, ACT_SIGMOID, w.z[L - 1], w.y[L - 1], t, 1, 1);
	mlp_backward(g1, &w, &m, x, w.d[L - 1], 1);
	for (i = 0; i < m.n_params; i++)
		g2[i] = 1.0;
	mlp_backward(g2, &w, &m, x, w.d[L - 1], 1);
	for (i = 0; i < m.n_params; i++)
		ck_assert_double_eq(g2[i], 1.0 + g1[i]);
	free(g1);
	free(g2);
	mlp_work_free(&w);
	mlp_free(&m);
}
END_TEST

/* Every level gives the portable level's bits when no tanh is involved, and agrees to
 * 1e-13 with it when the vector tanh is. */
START_TEST(simd_levels_match_portable)
{
	static const Activation hidden[] = {ACT_RELU, ACT_SIGMOID, ACT_TANH};
	double x[10 * 3], t[10], *g0, *g1;
	size_t i, h, L;
	Rng r;

	rng_seed(&r, 9);
	for (i = 0; i < 30; i++)
		x[i] = rng_range(&r, -1, 1);
	for (i = 0; i < 10; i++)
		t[i] = i % 2;
	for (h = 0; h < 3; h++) {
		Mlp m;
		MlpWork w0, w1;
		int lv;
		random_net(&m, hidden[h], ACT_SIGMOID, 1, 11);
		L = m.n_layers;
		g0 = mlp_alloc_params(&m);
		g1 = mlp_alloc_params(&m);
		ck_assert_int_eq(mlp_work_init(&w0, &m, 10, SIMD_PORTABLE, 0), NN_OK);
		mlp_forward(&w0, &m, x, 10);
		loss_backward(w0.d[L - 1], LOSS_BCE, ACT_SIGMOID, w0.z[L - 1], w0.y[L - 1], t, 10,
		              1);
		mlp_backward(g0, &w0, &m, x, w0.d[L - 1], 10);
		for (lv = SIMD_SSE2; lv < SIMD_EXACT; lv++) {
			if (!simd_supported((SimdLevel)lv))
				continue;
			memset(g1, 0, m.n_params * sizeof *g1);
			ck_assert_int_eq(mlp_work_init(&w1, &m, 10, (SimdLevel)lv, 0), NN_OK);
			mlp_forward(&w1, &m, x, 10);
			loss_backward(w1.d[L - 1], LOSS_BCE, ACT_SIGMOID, w1.z[L - 1], w1.y[L - 1],
			              t, 10, 1);
			mlp_backward(g1, &w1, &m, x, w1.d[L - 1], 10);
			for (i = 0; i < m.n_params; i++) {
				if (hidden[h] == ACT_TANH)
					ck_assert_msg(nt_rel(g0[i], g1[i]) < 1e-13, "%zu", i);
				else
					ck_assert_msg(memcmp(&g0[i], &g1[i], sizeof *g0) == 0,
					              "%s %s param %zu", act_name(hidden[h]),
					              simd_name((SimdLevel)lv), i);
			}
			mlp_work_free(&w1);
		}
		mlp_work_free(&w0);
		free(g0);
		free(g1);
		mlp_free(&m);
	}
}
END_TEST

START_TEST(dropout_masks_and_gradients)
{
	double mask[10000], x[4] = {1, 2, 3, 4}, y[4], dx[4] = {0};
	const double m4[4] = {2, 0, 2, 0};
	size_t i, kept = 0;
	Rng r;

	rng_seed(&r, 1);
	dropout_mask(mask, 10000, 0.3, &r);
	for (i = 0; i < 10000; i++) {
		ck_assert(mask[i] == 0.0 || fabs(mask[i] - 1 / 0.7) < 1e-15);
		kept += mask[i] != 0;
	}
	ck_assert_uint_lt((size_t)labs((long)kept - 7000), 200);
	dropout_forward(y, x, m4, 4);
	ck_assert_double_eq(y[0], 2);
	ck_assert_double_eq(y[1], 0);
	dropout_backward(dx, x, m4, 4);
	ck_assert_double_eq(dx[2], 6);
	dropout_mask(mask, 5, 0.0, &r);
	ck_assert_double_eq(mask[4], 1.0);
	{
		/* backprop through fixed masks against finite differences */
		Mlp m;
		MlpWork w;
		GradCheck gc;
		double xs[12], t[4] = {0, 1, 1, 0}, *g;
		size_t l;
		random_net(&m, ACT_TANH, ACT_SIGMOID, 1, 5);
		ck_assert_int_eq(mlp_work_init(&w, &m, 4, simd_best(), 1), NN_OK);
		for (i = 0; i < 12; i++)
			xs[i] = rng_range(&r, -1, 1);
		for (l = 0; l + 1 < m.n_layers; l++)
			dropout_mask(w.mask[l], 4 * m.sizes[l + 1], 0.5, &r);
		w.masked = 1;
		g = mlp_alloc_params(&m);
		gradcheck_mlp(&gc, g, &m, &w, xs, t, 4, LOSS_MSE, 1e-5);
		ck_assert_msg(gc.max_rel < 1e-5, "param %zu: %g vs %g", gc.worst, gc.backprop,
		              gc.numeric);
		free(g);
		mlp_work_free(&w);
		mlp_free(&m);
	}
}
END_TEST

START_TEST(weights_file_round_trip_and_errors)
{
	char path[] = "/tmp/nn-weights-XXXXXX";
	Mlp a, b;
	MlpIoError e;
	Rng r;
	FILE *f;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	random_net(&a, ACT_TANH, ACT_SIGMOID, 2, 77);
	random_net(&b, ACT_TANH, ACT_SIGMOID, 2, 78);
	ck_assert_int_eq(mlp_save(path, &a, "test"), NN_OK);
	ck_assert_int_eq(mlp_load(&b, path, &e), NN_OK);
	ck_assert(memcmp(a.params, b.params, a.n_params * sizeof *a.params) == 0);
	mlp_free(&b);
	/* the same file for other sizes: a line of the wrong length */
	{
		const size_t sizes[] = {3, 6, 4, 2};
		const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
		ck_assert_int_eq(mlp_init(&b, sizes, 3, act), NN_OK);
		ck_assert_int_eq(mlp_load(&b, path, &e), NN_ERR_SHAPE);
		ck_assert_int_eq(e.what, MLPIO_ERR_COUNT);
		ck_assert_uint_eq(e.found, 5);    /* the bias line of layer 1 */
		ck_assert_uint_eq(e.expected, 3); /* a row of W_1 */
		ck_assert_uint_eq(e.layer, 1);
		mlp_free(&b);
	}
	f = fopen(path, "w");
	fputs("# comment\n1 2 x\n", f);
	fclose(f);
	random_net(&b, ACT_TANH, ACT_SIGMOID, 2, 78);
	ck_assert_int_eq(mlp_load(&b, path, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, MLPIO_ERR_NUMBER);
	ck_assert_uint_eq(e.line, 2);
	ck_assert_uint_eq(e.field, 3);
	f = fopen(path, "w");
	fputs("1 2 3\n", f);
	fclose(f);
	ck_assert_int_eq(mlp_load(&b, path, &e), NN_ERR_SHAPE);
	ck_assert_int_eq(e.what, MLPIO_ERR_SHORT);
	ck_assert_uint_eq(e.found, 3);
	ck_assert_uint_eq(e.expected, b.n_params);
	unlink(path);
	ck_assert_int_eq(mlp_load(&b, path, &e), NN_ERR_IO);
	ck_assert_int_eq(e.what, MLPIO_ERR_OPEN);
	mlp_free(&a);
	mlp_free(&b);
	(void)r;
}
END_TEST

START_TEST(initializers)
{
	const size_t sizes[] = {100, 400, 50};
	const Activation act[] = {ACT_RELU, ACT_LINEAR};
	Mlp m;
	Rng r;
	int s;
	InitScheme sc;

	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	for (s = 0; s < INIT_COUNT; s++) {
		double sum2 = 0, max = 0, bmax = 0;
		size_t i, n = 400 * 100;
		const double *W = m.params, *b = m.params + n;
		rng_seed(&r, 1);
		init_params(&m, (InitScheme)s, s == INIT_CONSTANT ? 0.25 : 0.0, &r);
		for (i = 0; i < n; i++) {
			sum2 += W[i] * W[i];
			max = fmax(max, fabs(W[i]));
		}
		for (i = 0; i < 400; i++)
			bmax = fmax(bmax, fabs(b[i]));
		switch ((InitScheme)s) {
		case INIT_ZEROS:
			ck_assert_double_eq(max + bmax, 0.0);
			break;
		case INIT_CONSTANT:
			ck_assert_double_eq(W[7], 0.25);
			ck_assert_double_eq(b[3], 0.25);
			break;
		case INIT_UNIFORM: /* U(-0.1, 0.1): variance 0.01/3 */
			ck_assert(max < 0.1 && max > 0.0999);
			ck_assert_double_eq_tol(sum2 / n, 0.01 / 3, 1e-4);
			ck_assert(bmax > 0 && bmax < 0.1);
			break;
		case INIT_NORMAL:
			ck_assert_double_eq_tol(sum2 / n, 0.01, 3e-4);
			break;
		case INIT_XAVIER_UNIFORM: /* a = sqrt(6/500), variance 2/500 */
			ck_assert(max <= sqrt(6.0 / 500));
			ck_assert_double_eq_tol(sum2 / n, 2.0 / 500, 1e-4);
			ck_assert_double_eq(bmax, 0.0);
			break;
		case INIT_XAVIER_NORMAL:
			ck_assert_double_eq_tol(sum2 / n, 2.0 / 500, 1e-4);
			ck_assert_double_eq(bmax, 0.0);
			break;
		case INIT_HE_UNIFORM:
		case INIT_HE_NORMAL: /* variance 2/fan_in */
			ck_assert_double_eq_tol(sum2 / n, 2.0 / 100, 6e-4);
			ck_assert_double_eq(bmax, 0.0);
			break;
		case INIT_COUNT:
			break;
		}
		ck_assert_int_eq(init_from_name(&sc, init_name((InitScheme)s)), 0);
		ck_assert_int_eq(sc, s);
	}
	ck_assert_int_eq(init_from_name(&sc, "lecun"), -1);
	/* the spreads by hand: a layer of 8 in and 8 out, and of 784 in and 128 out */
	ck_assert_double_eq_tol(init_spread(INIT_XAVIER_UNIFORM, 0, 8, 8), 0.6123724357, 1e-9);
	ck_assert_double_eq_tol(init_spread(INIT_XAVIER_UNIFORM, 0, 784, 128), 0.0811107106,
				1e-9);
	ck_assert_double_eq_tol(init_spread(INIT_XAVIER_NORMAL, 0, 8, 8), 0.3535533906, 1e-9);
	ck_assert_double_eq_tol(init_spread(INIT_HE_NORMAL, 0, 8, 8), 0.5, 1e-12);
	ck_assert_double_eq_tol(init_spread(INIT_HE_NORMAL, 0, 784, 128), 0.0505076272, 1e-9);
	ck_assert_double_eq_tol(init_spread(INIT_HE_UNIFORM, 0, 6, 1), 1.0, 1e-12);
	ck_assert_double_eq(init_spread(INIT_NORMAL, 4, 8, 8), 4.0);
	ck_assert_double_eq_tol(init_spread(INIT_UNIFORM, 0, 16, 8), 0.25, 1e-12);
	ck_assert_double_eq(init_spread(INIT_CONSTANT, 0.25, 8, 8), 0.25);
	ck_assert_double_eq(init_spread(INIT_ZEROS, 3, 8, 8), 0.0);
	mlp_free(&m);
}
END_TEST

static Suite *mlp_suite(void)
{
	Suite *s = suite_create("mlp");
	TCase *tc = tcase_create("mlp");

	tcase_add_test(tc, one_sigmoid_neuron_by_hand);
	tcase_add_test(tc, xor_by_hand_set_weights);
	tcase_add_test(tc, trace_keeps_every_layer);
	tcase_add_test(tc, parameter_count_and_bad_shapes);
	tcase_add_test(tc, backprop_matches_finite_differences);
	tcase_add_test(tc, backward_adds_into_the_gradient);
	tcase_add_test(tc, simd_levels_match_portable);
	tcase_add_test(tc, dropout_masks_and_gradients);
	tcase_add_test(tc, weights_file_round_trip_and_errors);
	tcase_add_test(tc, initializers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(mlp_suite());
}
