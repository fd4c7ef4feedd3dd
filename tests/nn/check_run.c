/* check_run.c: a training run: the default run learns the spiral (seed 1: 90% test
 * accuracy within 100 epochs), two runs of the same seeds are the same bits and another
 * seed is another run, the kept weights come back exactly (by hand and by early
 * stopping; the history and the count go on), divergence is reported once and stays,
 * given data is copied and checked, the history keeps the documented points (thinning
 * worked out independently), training in parts stops at epochs' ends and is training in
 * one go, and the rate probe's fresh starts are the runs made from the configuration. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/run.h"
#include "testlib.h"

static int same_params(const Run *a, const Run *b)
{
	return a->mlp.n_params == b->mlp.n_params &&
	       memcmp(a->mlp.params, b->mlp.params, a->mlp.n_params * sizeof(double)) == 0;
}

START_TEST(learns_the_spiral)
{
	RunConfig c;
	Run r;
	double initial;
	int e;

	run_config_defaults(&c);
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	ck_assert_uint_eq(r.train.n, 200);
	ck_assert_uint_eq(r.test.n, 200);
	ck_assert_uint_eq(r.classes, 2);
	ck_assert_uint_eq(r.mlp.n_layers, 3);
	ck_assert_uint_eq(mlp_n_out(&r.mlp), 1);
	ck_assert_int_eq(r.mlp.act[2], ACT_LINEAR); /* cross-entropy: logits */
	/* created evaluated: epoch 0, one point of history, those weights kept */
	ck_assert(r.epoch == 0);
	ck_assert_uint_eq(r.hist.seen, 1);
	ck_assert(r.best_loss == r.test_loss);
	initial = r.train_loss;
	ck_assert(fabs(initial - log(2.0)) < 0.1); /* a fresh net is near chance */
	for (e = 0; e < 100; e++)
		ck_assert_int_eq(run_train(&r, r.train.n), NN_OK);
	run_evaluate(&r);
	ck_assert(r.epoch == 100);
	ck_assert_uint_eq(r.tr.examples, 20000);
	ck_assert_uint_eq(r.tr.step, 2000); /* batches of 10 */
	ck_assert_msg(r.test_acc >= 0.9, "test accuracy %g", r.test_acc);
	ck_assert_msg(r.train_acc >= 0.95, "train accuracy %g", r.train_acc);
	ck_assert(r.train_loss < initial / 5);
	run_free(&r);
}
END_TEST

START_TEST(same_seeds_same_bits)
{
	RunConfig c;
	Run a, b;
	const double *xa, *ya, *xb, *yb;
	size_t n;
	int i;

	run_config_defaults(&c);
	c.dropout = 0.2; /* the masks draw from the seed too */
	ck_assert_int_eq(run_create(&a, &c), NN_OK);
	ck_assert_int_eq(run_create(&b, &c), NN_OK);
	ck_assert(same_params(&a, &b));
	for (i = 0; i < 30; i++) {
		ck_assert_int_eq(run_train(&a, 333), NN_OK);
		ck_assert_int_eq(run_train(&b, 333), NN_OK);
		run_evaluate(&a);
		run_evaluate(&b);
	}
	ck_assert(same_params(&a, &b));
	ck_assert_uint_eq(a.tr.examples, b.tr.examples);
	ck_assert(a.train_loss == b.train_loss && a.test_loss == b.test_loss);
	n = run_history(&a, RUN_TEST_LOSS, &xa, &ya);
	ck_assert_uint_eq(run_history(&b, RUN_TEST_LOSS, &xb, &yb), n);
	ck_assert_uint_eq(n, 31);
	ck_assert(memcmp(xa, xb, n * sizeof *xa) == 0 && memcmp(ya, yb, n * sizeof *ya) == 0);
	run_free(&b);
	/* another seed: other starting weights, the same points */
	c.seed = 2;
	ck_assert_int_eq(run_create(&b, &c), NN_OK);
	ck_assert(memcmp(a.all.x, b.all.x, a.all.n * 2 * sizeof(double)) == 0);
	ck_assert(!same_params(&a, &b));
	run_free(&b);
	/* another data seed: other points */
	c.seed = 1;
	c.data_seed = 2;
	ck_assert_int_eq(run_create(&b, &c), NN_OK);
	ck_assert(memcmp(a.all.x, b.all.x, a.all.n * 2 * sizeof(double)) != 0);
	run_free(&b);
	run_free(&a);
}
END_TEST

START_TEST(best_weights_come_back)
{
	RunConfig c;
	Run r;
	double *copy, best = INFINITY, best_epoch = -1;
	size_t n;
	int e;

	run_config_defaults(&c);
	c.spec.kind = DATA_CIRCLE;
	c.spec.n = 60;
	c.spec.noise = 0.5;
	c.hidden[0] = c.hidden[1] = 16;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	n = r.mlp.n_params;
	copy = malloc(n * sizeof *copy);
	ck_assert_ptr_nonnull(copy);
	/* The test loss of each epoch, measured here; the weights where it was lowest. */
	memcpy(copy, r.mlp.params, n * sizeof *copy);
	best = r.test_loss;
	best_epoch = 0;
	for (e = 1; e <= 150; e++) {
		ck_assert_int_eq(run_train(&r, r.train.n), NN_OK);
		run_evaluate(&r);
		if (r.test_loss < best) {
			best = r.test_loss;
			best_epoch = r.epoch;
			memcpy(copy, r.mlp.params, n * sizeof *copy);
		}
		ck_assert(run_checkpoint(&r, 0));
	}
	ck_assert(best_epoch > 0 && best_epoch < 150); /* it overfits: the best is behind */
	ck_assert(r.best_loss == best);
	ck_assert(r.best_epoch == best_epoch);
	ck_assert(memcmp(r.mlp.params, copy, n * sizeof *copy) != 0);
	ck_assert(run_restore_best(&r));
	ck_assert(memcmp(r.mlp.params, copy, n * sizeof *copy) == 0);
	ck_assert_uint_eq(r.hist.seen, 151); /* the history goes on */
	ck_assert_uint_eq(r.tr.examples, 150 * r.train.n); /* and the count */
	run_evaluate(&r);
	ck_assert(r.test_loss == best);
	ck_assert(r.best_epoch == best_epoch);
	{ /* the newest point: this epoch, the best loss (the jump back) */
		const double *x, *y;
		size_t k = run_history(&r, RUN_TEST_LOSS, &x, &y);
		ck_assert_uint_eq(r.hist.seen, 152);
		ck_assert(x[k - 1] == 150 && y[k - 1] == best);
		ck_assert(x[0] == 0); /* the start is still there */
	}
	/* Early stopping: with patience 20 it stops more than 20 epochs past its best and
	 * puts those weights back. */
	run_free(&r);
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	for (e = 0; e < 1000 && run_checkpoint(&r, 20); e++)
		ck_assert_int_eq(run_train(&r, r.train.n), NN_OK);
	ck_assert(r.stopped);
	ck_assert(run_epoch(&r) - r.best_epoch > 20);
	ck_assert(memcmp(r.mlp.params, r.best, n * sizeof *copy) == 0);
	run_evaluate(&r);
	ck_assert(r.test_loss == r.best_loss);
	ck_assert_int_eq(run_train(&r, 1), NN_OK); /* trained on: no longer stopped */
	ck_assert(!r.stopped);
	/* Weights from elsewhere: the count must match; the best is forgotten. */
	ck_assert(!run_set_params(&r, copy, n - 1));
	ck_assert(run_set_params(&r, copy, n));
	ck_assert(isinf(r.best_loss));
	ck_assert(memcmp(r.mlp.params, copy, n * sizeof *copy) == 0);
	free(copy);
	run_free(&r);
}
END_TEST

START_TEST(divergence_is_reported_and_stays)
{
	RunConfig c;
	Run r;
	NnStatus st = NN_OK;
	size_t step;
	int i;

	run_config_defaults(&c);
	c.spec.kind = DATA_PLANE;
	c.act[0] = c.act[1] = ACT_RELU;
	optim_defaults(&c.optim, OPTIM_SGD);
	c.optim.lr = 100;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	ck_assert_uint_eq(r.classes, 0);
	ck_assert(isnan(r.train_acc)); /* regression: no accuracy */
	for (i = 0; i < 100 && st == NN_OK; i++)
		st = run_train(&r, 100);
	ck_assert_int_eq(st, NN_ERR_DIVERGED);
	ck_assert_int_eq(r.status, NN_ERR_DIVERGED);
	ck_assert_uint_gt(r.tr.step, 0);
	ck_assert(r.tr.overflowed || !isfinite(r.tr.last_loss) ||
		  r.tr.last_loss > c.explode * r.tr.initial);
	step = r.tr.step;
	ck_assert_int_eq(run_train(&r, 100), NN_ERR_DIVERGED); /* no more steps */
	ck_assert_uint_eq(r.tr.step, step);
	run_free(&r);
	/* the same net at a sane rate does not diverge */
	c.optim.lr = 0.01;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	ck_assert_int_eq(run_train(&r, 2000), NN_OK);
	ck_assert_int_eq(r.status, NN_OK);
	run_free(&r);
}
END_TEST

START_TEST(given_data_is_copied_and_checked)
{
	double x[] = {0, 0, 0, 1, 1, 0, 1, 1, 0.5, 0.5, 0.2, 0.9};
	double lab[] = {0, 1, 1, 0, 2, 1};
	Dataset train = {4, 2, x, lab}, test = {2, 2, x + 8, lab + 4};
	RunConfig c;
	Run r;

	run_config_defaults(&c);
	c.train = &train;
	c.test = &test;
	c.classes = 3;
	c.n_hidden = 1;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	ck_assert(r.cfg.train == NULL && r.cfg.test == NULL);
	ck_assert_uint_eq(mlp_n_out(&r.mlp), 3); /* three classes: softmax */
	ck_assert_uint_eq(r.all.n, 6);
	ck_assert(r.train.x != x && memcmp(r.train.x, x, 8 * sizeof *x) == 0);
	ck_assert(memcmp(r.all.x, x, 12 * sizeof *x) == 0); /* train, then test */
	ck_assert(memcmp(r.all.label, lab, 6 * sizeof *lab) == 0);
	ck_assert_uint_eq(r.tr.cfg.batch, 4); /* 10 is more than the set: all of it */
	run_free(&r);
	/* a label that is no class of 3 */
	lab[2] = 3;
	ck_assert_int_eq(run_create(&r, &c), NN_ERR_SHAPE);
	ck_assert_uint_eq(r.bad_row, 2);
	ck_assert_ptr_null(r.mlp.params);
	run_free(&r);
	lab[2] = 1;
	/* too many hidden layers, no training points */
	c.n_hidden = RUN_MAX_HIDDEN + 1;
	ck_assert_int_eq(run_create(&r, &c), NN_ERR_ARG);
	c.n_hidden = 1;
	train.n = 0;
	ck_assert_int_eq(run_create(&r, &c), NN_ERR_ARG);
	run_free(&r);
}
END_TEST

/* After m evaluations with room for cap, the kept ones are those whose index is a
 * multiple of e, the least power of two with ceil(m / e) <= cap; the newest follows
 * when it is not one of them. */
START_TEST(history_keeps_the_documented_points)
{
	double xor_x[] = {0, 0, 0, 1, 1, 0, 1, 1}, xor_y[] = {0, 1, 1, 0};
	Dataset d = {4, 2, xor_x, xor_y};
	double loss[200];
	RunConfig c;
	Run r;
	size_t m, e, i, n, kept;
	const double *x, *y;

	run_config_defaults(&c);
	c.train = &d;
	c.classes = 2;
	c.batch = 0; /* the whole set: one step is one epoch */
	c.history = 5;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	loss[0] = r.train_loss;
	for (m = 1; m <= 200; m++) {
		n = run_history(&r, RUN_TRAIN_LOSS, &x, &y);
		for (e = 1; (m + e - 1) / e > c.history; e *= 2)
			;
		kept = (m + e - 1) / e;
		ck_assert_uint_eq(r.hist.every, e);
		ck_assert_uint_eq(r.hist.n, kept);
		ck_assert_uint_eq(n, kept + ((m - 1) % e != 0));
		for (i = 0; i < kept; i++) {
			ck_assert(x[i] == (double)(i * e)); /* epoch i e, evaluation i e */
			ck_assert(y[i] == loss[i * e]);
		}
		ck_assert(x[n - 1] == (double)(m - 1) && y[n - 1] == loss[m - 1]);
		if (m == 200)
			break;
		ck_assert_int_eq(run_train(&r, 1), NN_OK);
		run_evaluate(&r);
		loss[m] = r.train_loss;
	}
	/* without a test set its curve is NaN */
	run_history(&r, RUN_TEST_LOSS, &x, &y);
	ck_assert(isnan(y[0]));
	run_free(&r);
}
END_TEST

/* run_train_part stops at the end of an epoch, also when the last batch of an epoch
 * is smaller, and training in parts is training in one go, bit for bit. */
START_TEST(parts_end_at_epochs)
{
	RunConfig c;
	Run a, b;
	size_t done;

	run_config_defaults(&c);
	c.batch = 30; /* 200 training points: six batches of 30 and one of 20 */
	ck_assert_int_eq(run_create(&a, &c), NN_OK);
	ck_assert_int_eq(run_create(&b, &c), NN_OK);
	ck_assert(run_epoch_ended(&a)); /* the start */
	ck_assert_int_eq(run_train_part(&a, 1000, &done), NN_OK);
	ck_assert_uint_eq(done, 200);
	ck_assert(run_epoch_ended(&a));
	ck_assert_int_eq(run_train_part(&a, 45, &done), NN_OK); /* two batches */
	ck_assert_uint_eq(done, 60);
	ck_assert(!run_epoch_ended(&a));
	ck_assert_int_eq(run_train_part(&a, 1000, &done), NN_OK);
	ck_assert_uint_eq(done, 140);
	ck_assert(run_epoch_ended(&a));
	ck_assert_int_eq(run_train_part(&a, 0, &done), NN_OK); /* at least one step */
	ck_assert_uint_eq(done, 30);
	ck_assert_int_eq(run_train(&b, 430), NN_OK);
	ck_assert_uint_eq(b.tr.examples, 430);
	ck_assert_uint_eq(a.tr.step, b.tr.step);
	ck_assert(same_params(&a, &b));
	run_free(&a);
	run_free(&b);
}
END_TEST

/* The probe trains a fresh start of the run at each rate: the same losses as runs made
 * here from the configuration at those rates (its data given, not generated: the same
 * bits), and the index of the lowest, after the run diverged. */
START_TEST(probe_tries_fresh_starts)
{
	static const double rates[] = {3, 1, 0.3, 0.1, 0.03, 0.01, 0.001};
	double losses[7], low = INFINITY;
	RunConfig c;
	Run r, t;
	NnStatus st = NN_OK;
	int i, k, want = -1;

	run_config_defaults(&c);
	c.act[0] = c.act[1] = ACT_RELU;
	c.optim.lr = 10;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	while (st == NN_OK)
		st = run_train(&r, 100);
	ck_assert_int_eq(st, NN_ERR_DIVERGED);
	i = run_probe_rates(&r, rates, 7, 2000, losses);
	ck_assert_int_eq(r.status, NN_ERR_DIVERGED); /* r is left as it was */
	ck_assert(r.tr.opt.cfg.lr == 10);
	for (k = 0; k < 7; k++) {
		double loss = INFINITY;
		c.optim.lr = rates[k];
		ck_assert_int_eq(run_create(&t, &c), NN_OK);
		if (run_train(&t, 2000) == NN_OK)
			loss = train_loss(&t.tr, &t.train);
		run_free(&t);
		ck_assert_msg(losses[k] == loss, "rate %g: %g, here %g", rates[k], losses[k], loss);
		if (loss < low) {
			low = loss;
			want = k;
		}
	}
	ck_assert_int_eq(i, want);
	ck_assert(isfinite(low) && low < log(2.0) / 2); /* it learns there */
	/* the L2 rate set live counts: other losses */
	run_tune(&r, 10, 0, 0.1);
	ck_assert(run_probe_rates(&r, rates + want, 1, 2000, losses) == 0);
	ck_assert(losses[0] != low);
	/* nothing that trains: -1 */
	ck_assert_int_eq(run_probe_rates(&r, (const double[]){1e6}, 1, 2000, NULL), -1);
	run_free(&r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("run");

	tcase_add_test(tc, learns_the_spiral);
	tcase_add_test(tc, same_seeds_same_bits);
	tcase_add_test(tc, best_weights_come_back);
	tcase_add_test(tc, divergence_is_reported_and_stays);
	tcase_add_test(tc, given_data_is_copied_and_checked);
	tcase_add_test(tc, history_keeps_the_documented_points);
	tcase_add_test(tc, parts_end_at_epochs);
	tcase_add_test(tc, probe_tries_fresh_starts);
	suite_add_tcase(s, tc);
	return test_main(s);
}
