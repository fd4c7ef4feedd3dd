/* check_ref.c: the PyTorch references of tests/nn/ref (gradients at the initial weights,
 * 50-step SGD trajectories, MSE and BCE) to 1e-12 relative, the reproducible init file,
 * and the standard workloads' known final losses, on the portable and the fastest
 * kernels. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/init.h"
#include "nn/mlp-io.h"
#include "nn/train.h"
#include "nntest.h"

/* The levels to run: the portable reference and the fastest this CPU has. */
static const SimdLevel levels[2] = {SIMD_PORTABLE, SIMD_COUNT};

static SimdLevel level_at(int i)
{
	return levels[i] == SIMD_COUNT ? simd_best() : levels[i];
}

static void load_init(Mlp *m)
{
	MlpIoError e;
	nt_net_2881(m);
	ck_assert_int_eq(mlp_load(m, test_srcpath("bench/data/init_2881.txt"), &e), NN_OK);
}

/* The gradient of loss l on the first 100 points against ref (same layout as the
 * init file), and the initial loss against the header's. */
static void check_gradient(Loss l, const char *ref, int li)
{
	Dataset d;
	Mlp m, want;
	Trainer t;
	TrainConfig tc = {.loss = l, .batch = 0, .level = level_at(li)};
	OptimConfig oc;
	MlpIoError e;
	double worst = 0, loss;
	size_t i, L;

	nt_spiral(&d, 100);
	load_init(&m);
	nt_net_2881(&want);
	ck_assert_int_eq(mlp_load(&want, test_srcpath(ref), &e), NN_OK);
	optim_defaults(&oc, OPTIM_SGD);
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	loss = nt_header_value(ref, "loss at the initial weights:");
	ck_assert_msg(nt_rel(t.initial, loss) < 1e-13, "%s loss %.17g vs %.17g", ref, t.initial,
	              loss);
	L = m.n_layers;
	mlp_forward(&t.work, &m, d.x, 100);
	memset(t.grad, 0, m.n_params * sizeof *t.grad);
	loss_backward(t.work.d[L - 1], l, m.act[L - 1], t.work.z[L - 1], t.work.y[L - 1], t.targets,
	              100, 1);
	mlp_backward(t.grad, &t.work, &m, d.x, t.work.d[L - 1], 100);
	for (i = 0; i < m.n_params; i++)
		worst = fmax(worst, nt_rel(t.grad[i], want.params[i]));
	ck_assert_msg(worst < 1e-12, "%s on %s: max relative error %g", ref,
	              simd_name(level_at(li)), worst);
	printf("# %s, %s kernels: initial loss %.17g, max relative gradient error %.3g\n", ref,
	       simd_name(level_at(li)), t.initial, worst);
	train_free(&t);
	mlp_free(&want);
	mlp_free(&m);
	d.n = 1000;
	data_free(&d);
}

START_TEST(mse_gradient_matches_pytorch)
{
	check_gradient(LOSS_MSE, "tests/nn/ref/ref_grad.txt", _i);
}
END_TEST

START_TEST(bce_gradient_matches_pytorch)
{
	check_gradient(LOSS_BCE, "tests/nn/ref/ref_bce_grad.txt", _i);
}
END_TEST

/* 50 steps of full-batch SGD lr 0.1, the loss after each against ref. */
static void check_trajectory(Loss l, const char *ref, int li)
{
	Dataset d;
	Mlp m;
	Trainer t;
	TrainConfig tc = {.loss = l, .batch = 0, .level = level_at(li)};
	OptimConfig oc;
	double want[51], worst = 0;
	size_t k;

	ck_assert_uint_eq(nt_trajectory(want, 51, ref), 51);
	nt_spiral(&d, 100);
	load_init(&m);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 0.1;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	worst = nt_rel(t.initial, want[0]);
	for (k = 1; k <= 50; k++) {
		ck_assert_int_eq(train_step(&t), NN_OK);
		worst = fmax(worst, nt_rel(train_loss(&t, &d), want[k]));
	}
	ck_assert_msg(worst < 1e-12, "%s on %s: max relative error %g", ref,
	              simd_name(level_at(li)), worst);
	printf("# %s, %s kernels: loss after 50 steps %.17g, max relative error %.3g\n", ref,
	       simd_name(level_at(li)), train_loss(&t, &d), worst);
	train_free(&t);
	mlp_free(&m);
	d.n = 1000;
	data_free(&d);
}

START_TEST(mse_sgd_trajectory_matches_pytorch)
{
	check_trajectory(LOSS_MSE, "tests/nn/ref/ref_sgd.txt", _i);
}
END_TEST

START_TEST(bce_sgd_trajectory_matches_pytorch)
{
	check_trajectory(LOSS_BCE, "tests/nn/ref/ref_bce_sgd.txt", _i);
}
END_TEST

START_TEST(uniform_init_seed_2881_is_the_init_file)
{
	Mlp a, b;
	Rng r;

	load_init(&a);
	nt_net_2881(&b);
	rng_seed(&r, 2881);
	init_params(&b, INIT_UNIFORM, 0.0, &r);
	ck_assert(memcmp(a.params, b.params, a.n_params * sizeof *a.params) == 0);
	mlp_free(&a);
	mlp_free(&b);
}
END_TEST

/* Workload A (and B on the fast kernels): 200 epochs of SGD lr 0.015 in batches of
 * 10 rows in file order reach the known loss to 8 digits. */
static double workload(size_t hidden, const char *init, SimdLevel lv, double *acc)
{
	const size_t sizes[] = {2, hidden, hidden, 1};
	const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	TrainConfig tc = {.loss = LOSS_MSE, .batch = 10, .level = lv};
	OptimConfig oc;
	Dataset d;
	Mlp m;
	Trainer t;
	MlpIoError e;
	double loss;
	size_t k;

	nt_spiral(&d, 0);
	ck_assert_int_eq(mlp_init(&m, sizes, 3, act), NN_OK);
	ck_assert_int_eq(mlp_load(&m, test_srcpath(init), &e), NN_OK);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 0.015;
	ck_assert_int_eq(train_init(&t, &m, &d, &tc, &oc), NN_OK);
	ck_assert_uint_eq(train_steps_per_epoch(&t), 100);
	for (k = 0; k < 200 * 100; k++)
		ck_assert_int_eq(train_step(&t), NN_OK);
	ck_assert_uint_eq(t.examples, 200000);
	loss = train_loss(&t, &d);
	*acc = train_accuracy(&t, &d);
	train_free(&t);
	mlp_free(&m);
	data_free(&d);
	return loss;
}

START_TEST(workload_a_reaches_the_known_loss)
{
	double acc, loss = workload(8, "bench/data/init_2881.txt", level_at(_i), &acc);

	ck_assert_msg(fabs(loss - 0.0365361085) < 5e-11, "loss %.17g", loss);
	ck_assert_double_eq_tol(acc, 0.964, 1e-12);
	printf("# workload A, %s kernels: loss %.17g accuracy %g\n", simd_name(level_at(_i)), loss,
	       acc);
}
END_TEST

START_TEST(workload_b_reaches_the_known_loss)
{
	double acc, loss = workload(64, "bench/data/init_2_64_64_1.txt", simd_best(), &acc);

	ck_assert_msg(fabs(loss - 0.0171701310) < 5e-11, "loss %.17g", loss);
	ck_assert_double_eq_tol(acc, 0.981, 1e-12);
	printf("# workload B, %s kernels: loss %.17g accuracy %g\n", simd_name(simd_best()), loss,
	       acc);
}
END_TEST

static Suite *ref_suite(void)
{
	Suite *s = suite_create("ref");
	TCase *tc = tcase_create("ref");

	tcase_add_loop_test(tc, mse_gradient_matches_pytorch, 0, 2);
	tcase_add_loop_test(tc, bce_gradient_matches_pytorch, 0, 2);
	tcase_add_loop_test(tc, mse_sgd_trajectory_matches_pytorch, 0, 2);
	tcase_add_loop_test(tc, bce_sgd_trajectory_matches_pytorch, 0, 2);
	tcase_add_test(tc, uniform_init_seed_2881_is_the_init_file);
	tcase_add_loop_test(tc, workload_a_reaches_the_known_loss, 0, 2);
	tcase_add_test(tc, workload_b_reaches_the_known_loss);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(ref_suite());
}
