/* check_levels.c: every exact kernel level trains to the same bits: the bench workloads
 * A and B, odd shapes, a reset of the weights between steps, divergence; the opt-in FMA
 * level (not bit-identical) stays close to them.
 * Links with the math library, Check and libc only; nothing here is timed. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/init.h"
#include "nn/linalg.h"
#include "nn/mlp-io.h"
#include "nn/train.h"
#include "nntest.h"

/* A run of one level: its network (from the init file or random), its trainer. */
typedef struct {
	Mlp m;
	Trainer t;
} LevelRun;

/* Whether this CPU runs lv; says why not on stdout when it does not. */
static int level_here(SimdLevel lv)
{
	if (simd_supported(lv))
		return 1;
	printf("check_levels: skipping the %s level: this CPU does not run it\n", simd_name(lv));
	return 0;
}

/* Starts r: sizes/act, the weights of bench/data/INIT (or random from seed when init is
 * NULL), plain SGD with lr, batches of batch rows in file order, kernels lv. */
static void start(LevelRun *r, const size_t *sizes, const Activation *act, size_t L,
                  const char *init, uint64_t seed, const Dataset *d, size_t batch, double lr,
                  SimdLevel lv)
{
	TrainConfig tc = {.loss = LOSS_MSE, .batch = batch, .level = lv};
	OptimConfig oc;

	ck_assert_int_eq(mlp_init(&r->m, sizes, L, act), NN_OK);
	if (init) {
		char rel[128];
		MlpIoError e;
		snprintf(rel, sizeof rel, "bench/data/%s", init);
		ck_assert_int_eq(mlp_load(&r->m, test_srcpath(rel), &e), NN_OK);
	} else {
		Rng g;
		rng_seed(&g, seed);
		init_params(&r->m, INIT_XAVIER_UNIFORM, 0.0, &g);
	}
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = lr;
	ck_assert_int_eq(train_init(&r->t, &r->m, d, &tc, &oc), NN_OK);
}

static void finish(LevelRun *r)
{
	train_free(&r->t);
	mlp_free(&r->m);
}

static void steps(LevelRun *r, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		ck_assert_int_eq(train_step(&r->t), NN_OK);
}

/* Whether the parameters of a and b are the same bits; reports the first that is not. */
static int same_bits(const Mlp *a, const Mlp *b, const char *what, SimdLevel lv)
{
	size_t i;

	for (i = 0; i < a->n_params; i++)
		if (memcmp(&a->params[i], &b->params[i], sizeof *a->params) != 0) {
			printf("%s, %s: parameter %zu is %.17g, portable %.17g\n", what, simd_name(lv),
			       i, b->params[i], a->params[i]);
			return 0;
		}
	return 1;
}

/* Trains the workload of bench/README (MSE, SGD lr 0.015, batches of 10 rows in file
 * order) for n steps at every level and compares each with the portable level, whose
 * SGD is the plain reference: a gradient buffer, then optim_step. */
static void workload(const size_t *sizes, const char *init, size_t n)
{
	static const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	Dataset d;
	LevelRun ref, run;
	int lv;

	nt_spiral(&d, 0);
	start(&ref, sizes, act, 3, init, 0, &d, 10, 0.015, SIMD_PORTABLE);
	steps(&ref, n);
	/* it learnt: the loss fell from its start */
	ck_assert_double_lt(train_loss(&ref.t, &d), ref.t.initial);
	for (lv = SIMD_SSE2; lv < SIMD_EXACT; lv++) {
		if (!level_here((SimdLevel)lv))
			continue;
		start(&run, sizes, act, 3, init, 0, &d, 10, 0.015, (SimdLevel)lv);
		steps(&run, n);
		ck_assert(same_bits(&ref.m, &run.m, init, (SimdLevel)lv));
		ck_assert(train_loss(&run.t, &d) == train_loss(&ref.t, &d));
		finish(&run);
	}
	finish(&ref);
	data_free(&d);
}

START_TEST(workload_a_same_bits_at_every_level)
{
	static const size_t sizes[] = {2, 8, 8, 1};
	workload(sizes, "init_2881.txt", 500);
}
END_TEST

START_TEST(workload_b_same_bits_at_every_level)
{
	static const size_t sizes[] = {2, 64, 64, 1};
	workload(sizes, "init_2_64_64_1.txt", 300);
}
END_TEST

/* Widths that fill no vector evenly (and one below a vector), batches of 7 and 10, tanh
 * and other hidden activations: every level against the portable one. */
START_TEST(odd_shapes_same_bits)
{
	static const size_t shapes[][4] = {{3, 13, 7, 2}, {5, 1, 17, 1}, {9, 24, 3, 11}};
	static const size_t batches[] = {7, 10};
	static const Activation hidden[] = {ACT_TANH, ACT_RELU, ACT_SIGMOID};
	Dataset d;
	size_t s, b, h, i;
	Rng g;

	for (s = 0; s < 3; s++) {
		ck_assert_int_eq(data_alloc(&d, 60, shapes[s][0]), NN_OK);
		rng_seed(&g, 5 + s);
		for (i = 0; i < d.n * d.dim; i++)
			d.x[i] = rng_range(&g, -2, 2);
		for (i = 0; i < d.n; i++) /* class labels for more than one output */
			d.label[i] = (double)(i % shapes[s][3]);
		for (b = 0; b < 2; b++)
			for (h = 0; h < 3; h++) {
				const Activation act[] = {hidden[h], hidden[h], ACT_SIGMOID};
				LevelRun ref, run;
				int lv;
				start(&ref, shapes[s], act, 3, NULL, 40 + s, &d, batches[b], 0.1,
				      SIMD_PORTABLE);
				steps(&ref, 25);
				for (lv = SIMD_SSE2; lv < SIMD_EXACT; lv++) {
					if (!level_here((SimdLevel)lv))
						continue;
					start(&run, shapes[s], act, 3, NULL, 40 + s, &d, batches[b], 0.1,
					      (SimdLevel)lv);
					steps(&run, 25);
					ck_assert(same_bits(&ref.m, &run.m, act_name(hidden[h]),
					                    (SimdLevel)lv));
					finish(&run);
				}
				finish(&ref);
			}
		data_free(&d);
	}
}
END_TEST

/* Weights changed between steps (a best state restored) reach the fast kernels, which
 * keep a transposed copy between steps, through train_params_changed. */
START_TEST(weights_changed_between_steps)
{
	static const size_t sizes[] = {2, 64, 64, 1};
	static const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	Dataset d;
	LevelRun ref, run;
	double *saved;
	int lv;

	nt_spiral(&d, 0);
	start(&ref, sizes, act, 3, "init_2_64_64_1.txt", 0, &d, 10, 0.015, SIMD_PORTABLE);
	saved = mlp_alloc_params(&ref.m);
	ck_assert_ptr_nonnull(saved);
	memcpy(saved, ref.m.params, ref.m.n_params * sizeof *saved);
	steps(&ref, 40);
	memcpy(ref.m.params, saved, ref.m.n_params * sizeof *saved);
	train_params_changed(&ref.t);
	steps(&ref, 40);
	for (lv = SIMD_SSE2; lv < SIMD_EXACT; lv++) {
		if (!level_here((SimdLevel)lv))
			continue;
		start(&run, sizes, act, 3, "init_2_64_64_1.txt", 0, &d, 10, 0.015, (SimdLevel)lv);
		steps(&run, 40);
		ck_assert(memcmp(run.m.params, saved, run.m.n_params * sizeof *saved) != 0);
		memcpy(run.m.params, saved, run.m.n_params * sizeof *saved);
		train_params_changed(&run.t);
		steps(&run, 40);
		ck_assert(same_bits(&ref.m, &run.m, "restored", (SimdLevel)lv));
		finish(&run);
	}
	free(saved);
	finish(&ref);
	data_free(&d);
}
END_TEST

/* An update flung out of range is divergence at the same step on every level. */
START_TEST(overflow_at_the_same_step)
{
	static const size_t sizes[] = {2, 64, 64, 1};
	static const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	Dataset d;
	LevelRun r;
	size_t ref_step = 0;
	int lv;

	nt_spiral(&d, 0);
	for (lv = SIMD_PORTABLE; lv < SIMD_EXACT; lv++) {
		NnStatus st = NN_OK;
		if (!level_here((SimdLevel)lv))
			continue;
		start(&r, sizes, act, 3, "init_2_64_64_1.txt", 0, &d, 10, 1e306, (SimdLevel)lv);
		while (st == NN_OK && r.t.step < 100)
			st = train_step(&r.t);
		ck_assert_int_eq(st, NN_ERR_DIVERGED);
		ck_assert(r.t.overflowed);
		ck_assert(!linalg_all_tame(r.m.params, r.m.n_params));
		if (lv == SIMD_PORTABLE)
			ref_step = r.t.step;
		ck_assert_uint_eq(r.t.step, ref_step);
		finish(&r);
	}
	data_free(&d);
}
END_TEST

/* The FMA level rounds each multiply-add once, so its bits drift from the exact levels';
 * over workload A's and B's first 300 steps the drift stays tiny: every parameter within
 * 1e-12 of the portable level's (their sizes are about 0.1 to 3; measured: 1e-16), the
 * loss within 1e-12 relative. */
START_TEST(fma_level_stays_close)
{
	static const size_t a[] = {2, 8, 8, 1}, b[] = {2, 64, 64, 1};
	static const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	const size_t *sizes[] = {a, b};
	const char *init[] = {"init_2881.txt", "init_2_64_64_1.txt"};
	Dataset d;
	size_t w, i;

	if (!level_here(SIMD_FMA))
		return;
	nt_spiral(&d, 0);
	for (w = 0; w < 2; w++) {
		LevelRun ref, run;
		double worst = 0.0;
		start(&ref, sizes[w], act, 3, init[w], 0, &d, 10, 0.015, SIMD_PORTABLE);
		start(&run, sizes[w], act, 3, init[w], 0, &d, 10, 0.015, SIMD_FMA);
		steps(&ref, 300);
		steps(&run, 300);
		for (i = 0; i < ref.m.n_params; i++)
			worst = fmax(worst, fabs(run.m.params[i] - ref.m.params[i]));
		ck_assert_msg(worst < 1e-12, "%s: a parameter %g away", init[w], worst);
		ck_assert_double_lt(nt_rel(train_loss(&run.t, &d), train_loss(&ref.t, &d)), 1e-12);
		finish(&run);
		finish(&ref);
	}
	data_free(&d);
}
END_TEST

static Suite *levels_suite(void)
{
	Suite *s = suite_create("levels");
	TCase *tc = tcase_create("levels");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, workload_a_same_bits_at_every_level);
	tcase_add_test(tc, workload_b_same_bits_at_every_level);
	tcase_add_test(tc, odd_shapes_same_bits);
	tcase_add_test(tc, weights_changed_between_steps);
	tcase_add_test(tc, overflow_at_the_same_step);
	tcase_add_test(tc, fma_level_stays_close);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(levels_suite());
}
