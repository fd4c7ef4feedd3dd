/* check_train.c: training: XOR learnt, several classes with a confusion matrix and
 * each row's prediction, divergence reported with its step, batches and epochs,
 * shuffling and dropout seeds. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/init.h"
#include "nn/train.h"
#include "testlib.h"

static void make_net(Mlp *m, const size_t *sizes, size_t L, Activation hidden, Activation out,
                     uint64_t seed)
{
	Activation act[4];
	size_t l;
	Rng r;

	for (l = 0; l < L; l++)
		act[l] = l + 1 < L ? hidden : out;
	ck_assert_int_eq(mlp_init(m, sizes, L, act), NN_OK);
	rng_seed(&r, seed);
	init_params(m, INIT_XAVIER_UNIFORM, 0.0, &r);
}

/* d: n points of kind generated from seed. */
static void make_data(Dataset *d, DataKind kind, size_t n, uint64_t seed)
{
	DataSpec s;
	Rng r;

	data_spec_defaults(&s, kind, n);
	rng_seed(&r, seed);
	ck_assert_int_eq(data_generate(d, &s, &r), NN_OK);
}

START_TEST(xor_is_learnt)
{
	const size_t sizes[] = {2, 4, 1};
	Dataset d;
	Mlp m;
	Trainer t;
	TrainConfig tc = {.loss = LOSS_BCE, .batch = 0, .level = simd_best()};
	OptimConfig oc;
	int k;

	make_data(&d, DATA_XOR, 4, 1);
	make_net(&m, sizes, 2, ACT_TANH, ACT_SIGMOID, 3);
	optim_defaults(&oc, OPTIM_ADAM);
	oc.lr = 0.05;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	ck_assert_uint_eq(t.cfg.batch, 4);
	for (k = 0; k < 500; k++)
		ck_assert_int_eq(train_step(&t), NN_OK);
	ck_assert_double_eq(train_accuracy(&t, &d), 1.0);
	ck_assert(train_loss(&t, &d) < 0.05);
	ck_assert(train_loss(&t, &d) < t.initial / 10);
	train_free(&t);
	mlp_free(&m);
	data_free(&d);
}
END_TEST

/* train_predict on d (more rows than t's workspace holds, so in chunks): each row's
 * outputs are a forward pass of that row alone in a workspace of our own, its class is
 * their arg max, and the rows whose class is their label give train_accuracy. */
static void check_predict(Trainer *t, const Dataset *d)
{
	size_t n_out = mlp_n_out(t->mlp), L = t->mlp->n_layers, i, k, best, right = 0;
	double *out = malloc(d->n * n_out * sizeof *out);
	size_t *cls = malloc(d->n * sizeof *cls);
	MlpWork w;

	ck_assert(out && cls);
	ck_assert(d->n > t->work.cap);
	ck_assert_int_eq(mlp_work_init(&w, t->mlp, 1, SIMD_PORTABLE, 0), NN_OK);
	train_predict(out, cls, t, d);
	for (i = 0; i < d->n; i++) {
		mlp_forward(&w, t->mlp, d->x + i * d->dim, 1);
		best = 0;
		for (k = 0; k < n_out; k++) {
			ck_assert_double_eq_tol(out[i * n_out + k], w.y[L - 1][k], 1e-12);
			if (w.y[L - 1][k] > w.y[L - 1][best])
				best = k;
		}
		ck_assert_uint_eq(cls[i], best);
		right += (double)cls[i] == d->label[i];
	}
	ck_assert_double_eq_tol((double)right / (double)d->n, train_accuracy(t, d), 1e-15);
	mlp_work_free(&w);
	free(out);
	free(cls);
}

START_TEST(blobs_with_softmax_and_confusion)
{
	const size_t sizes[] = {2, 8, 3};
	Dataset d, tr, te;
	Mlp m;
	Trainer t;
	TrainConfig tc = {
	    .loss = LOSS_CE, .batch = 16, .shuffle = 1, .seed = 9, .level = simd_best()};
	OptimConfig oc;
	size_t counts[9], k, sum = 0, diag = 0;
	Rng r;

	make_data(&d, DATA_BLOBS, 300, 2);
	ck_assert_int_eq(data_split(&tr, &te, &d, 0.25, &r), NN_OK);
	make_net(&m, sizes, 2, ACT_RELU, ACT_LINEAR, 4);
	optim_defaults(&oc, OPTIM_MOMENTUM);
	oc.lr = 0.05;
	ck_assert_int_eq(train_init(&t, &m, &tr, &tc, &oc), NN_OK);
	for (k = 0; k < 20 * train_steps_per_epoch(&t); k++)
		ck_assert_int_eq(train_step(&t), NN_OK);
	ck_assert(train_accuracy(&t, &tr) > 0.95);
	ck_assert(train_accuracy(&t, &te) > 0.9);
	ck_assert(isfinite(train_loss(&t, &te)));
	train_confusion(counts, 3, &t, &te);
	for (k = 0; k < 9; k++) {
		sum += counts[k];
		if (k % 4 == 0)
			diag += counts[k];
	}
	ck_assert_uint_eq(sum, te.n);
	ck_assert_double_eq_tol((double)diag / (double)te.n, train_accuracy(&t, &te), 1e-15);
	check_predict(&t, &d); /* all 300 rows: more than the 225 trained on */
	train_free(&t);
	mlp_free(&m);
	data_free(&d);
	data_free(&tr);
	data_free(&te);
}
END_TEST

START_TEST(divergence_is_a_status_with_the_step)
{
	const size_t sizes[] = {2, 16, 1};
	Dataset d;
	Mlp m;
	Trainer t;
	TrainConfig tc = {.loss = LOSS_MSE, .batch = 8, .level = simd_best()};
	OptimConfig oc;
	NnStatus st = NN_OK;
	double *before;
	size_t k;

	make_data(&d, DATA_PLANE, 64, 2);
	make_net(&m, sizes, 2, ACT_RELU, ACT_LINEAR, 5);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 50.0;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	before = malloc(m.n_params * sizeof *before);
	for (k = 0; k < 1000 && st == NN_OK; k++) {
		memcpy(before, m.params, m.n_params * sizeof *before);
		st = train_step(&t);
	}
	ck_assert_int_eq(st, NN_ERR_DIVERGED);
	ck_assert_uint_eq(t.step, k);
	ck_assert_uint_gt(t.step, 1);
	ck_assert(!isfinite(t.last_loss) || t.last_loss > 1e6 * t.initial);
	/* the failing step did not touch the weights */
	ck_assert(memcmp(before, m.params, m.n_params * sizeof *before) == 0);
	free(before);
	train_free(&t);
	mlp_free(&m);
	data_free(&d);
}
END_TEST

START_TEST(an_update_out_of_range_is_divergence)
{
	/* tanh and a sigmoid with MSE saturate: the loss stays finite (about 0.5) however
	 * far the weights are flung, so only the weights show what happened. */
	const size_t sizes[] = {2, 8, 1};
	Dataset d;
	Mlp m;
	Trainer t;
	TrainConfig tc = {.loss = LOSS_MSE, .batch = 8, .level = simd_best()};
	OptimConfig oc;
	size_t k;

	make_data(&d, DATA_PLANE, 64, 2);
	make_net(&m, sizes, 2, ACT_TANH, ACT_SIGMOID, 5);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 1e308;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	ck_assert_int_eq(train_step(&t), NN_ERR_DIVERGED);
	ck_assert(t.overflowed);
	ck_assert(isfinite(t.last_loss) && t.last_loss < 1); /* the loss alone hid it */
	ck_assert_uint_eq(t.step, 1);
	train_free(&t);
	mlp_free(&m);
	/* The same net at a sane rate trains on without an alarm. */
	make_net(&m, sizes, 2, ACT_TANH, ACT_SIGMOID, 5);
	oc.lr = 0.5;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	for (k = 0; k < 200; k++)
		ck_assert_int_eq(train_step(&t), NN_OK);
	ck_assert(!t.overflowed);
	train_free(&t);
	mlp_free(&m);
	data_free(&d);
}
END_TEST

START_TEST(batches_epochs_and_bad_labels)
{
	const size_t sizes[] = {1, 3, 2};
	Dataset d;
	Mlp m;
	Trainer t;
	TrainConfig tc = {.loss = LOSS_CE, .batch = 3, .level = SIMD_PORTABLE};
	OptimConfig oc;
	size_t i;

	ck_assert_int_eq(data_alloc(&d, 10, 1), NN_OK);
	for (i = 0; i < 10; i++) {
		d.x[i] = (double)i;
		d.label[i] = i % 2;
	}
	make_net(&m, sizes, 2, ACT_TANH, ACT_LINEAR, 1);
	optim_defaults(&oc, OPTIM_SGD);
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	ck_assert_uint_eq(train_steps_per_epoch(&t), 4);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(train_step(&t), NN_OK);
	ck_assert_uint_eq(t.examples, 10); /* 3 + 3 + 3 + 1 */
	ck_assert_int_eq(train_step(&t), NN_OK);
	ck_assert_uint_eq(t.examples, 13);
	train_free(&t);
	tc.batch = 1;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	ck_assert_uint_eq(train_steps_per_epoch(&t), 10);
	train_free(&t);
	d.label[6] = 2; /* a class the two outputs cannot hold */
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_ERR_SHAPE);
	ck_assert_uint_eq(t.bad_row, 6);
	d.dim = 2;
	d.n = 5;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_ERR_SHAPE);
	d.dim = 1;
	d.n = 10;
	mlp_free(&m);
	data_free(&d);
}
END_TEST

/* The whole run as bits: the same seeds give the same weights. */
static void run(double *out, size_t n, uint64_t seed, double dropout, int shuffle)
{
	const size_t sizes[] = {2, 6, 1};
	Dataset d;
	Mlp m;
	Trainer t;
	TrainConfig tc = {.loss = LOSS_BCE,
	                  .batch = 5,
	                  .shuffle = shuffle,
	                  .seed = seed,
	                  .dropout = dropout,
	                  .level = simd_best()};
	OptimConfig oc;
	int k;

	make_data(&d, DATA_CIRCLE, 40, 1);
	make_net(&m, sizes, 2, ACT_TANH, ACT_SIGMOID, 2);
	ck_assert_uint_eq(m.n_params, n);
	optim_defaults(&oc, OPTIM_ADAM);
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	for (k = 0; k < 50; k++)
		ck_assert_int_eq(train_step(&t), NN_OK);
	memcpy(out, m.params, n * sizeof *out);
	train_free(&t);
	mlp_free(&m);
	data_free(&d);
}

START_TEST(shuffling_and_dropout_are_reproducible)
{
	double a[25], b[25], c[25], e[25], f[25];

	run(a, 25, 1, 0.0, 1);
	run(b, 25, 1, 0.0, 1);
	run(c, 25, 2, 0.0, 1);
	ck_assert(memcmp(a, b, sizeof a) == 0);
	ck_assert(memcmp(a, c, sizeof a) != 0);
	run(e, 25, 1, 0.5, 0);
	run(f, 25, 1, 0.5, 0);
	ck_assert(memcmp(e, f, sizeof e) == 0);
	run(f, 25, 1, 0.0, 0);
	ck_assert(memcmp(e, f, sizeof e) != 0);
}
END_TEST

static Suite *train_suite(void)
{
	Suite *s = suite_create("train");
	TCase *tc = tcase_create("train");

	tcase_add_test(tc, xor_is_learnt);
	tcase_add_test(tc, blobs_with_softmax_and_confusion);
	tcase_add_test(tc, divergence_is_a_status_with_the_step);
	tcase_add_test(tc, an_update_out_of_range_is_divergence);
	tcase_add_test(tc, batches_epochs_and_bad_labels);
	tcase_add_test(tc, shuffling_and_dropout_are_reproducible);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(train_suite());
}
