/* check_optim.c: each optimizer's first steps by hand, in PyTorch's conventions, and
 * L1/L2 regularization. */
#include <config.h>

#include <math.h>

#include "nn/optim.h"
#include "testlib.h"

/* Two steps from p = 1 with g = 0.5 each time; returns p after each step. */
static void two_steps(double out[2], OptimKind k, double lr, double l1, double l2)
{
	OptimConfig c;
	Optim o;
	double p = 1.0, g;
	int i;

	optim_defaults(&c, k);
	c.lr = lr;
	c.l1 = l1;
	c.l2 = l2;
	ck_assert_int_eq(optim_init(&o, &c, 1), NN_OK);
	for (i = 0; i < 2; i++) {
		g = 0.5;
		optim_step(&o, &p, &g);
		out[i] = p;
	}
	optim_free(&o);
}

START_TEST(sgd_momentum_nesterov_by_hand)
{
	double p[2];

	two_steps(p, OPTIM_SGD, 0.1, 0, 0);
	ck_assert_double_eq_tol(p[0], 0.95, 1e-15);
	ck_assert_double_eq_tol(p[1], 0.90, 1e-15);
	/* v1 = g = 0.5; v2 = 0.9 * 0.5 + 0.5 = 0.95 */
	two_steps(p, OPTIM_MOMENTUM, 0.1, 0, 0);
	ck_assert_double_eq_tol(p[0], 0.95, 1e-15);
	ck_assert_double_eq_tol(p[1], 0.855, 1e-15);
	/* p -= lr (g + mu v): 0.1 (0.5 + 0.45), then 0.1 (0.5 + 0.855) */
	two_steps(p, OPTIM_NESTEROV, 0.1, 0, 0);
	ck_assert_double_eq_tol(p[0], 0.905, 1e-15);
	ck_assert_double_eq_tol(p[1], 0.7695, 1e-15);
}
END_TEST

START_TEST(adam_adamw_rmsprop_by_hand)
{
	double p[2], d1, d2;

	/* t=1: m = 0.05, v = 0.00025, step lr/0.1, denom sqrt(v)/sqrt(0.001) + eps = 0.5 + eps */
	two_steps(p, OPTIM_ADAM, 0.1, 0, 0);
	d1 = 1.0 * 0.05 / (sqrt(0.00025) / sqrt(1 - 0.999) + 1e-8);
	ck_assert_double_eq_tol(p[0], 1.0 - d1, 1e-15);
	ck_assert_double_eq_tol(p[0], 0.900000002, 1e-12);
	/* t=2: m = 0.095, v = 0.00049975, step 0.1/0.19 */
	d2 = 0.1 / (1 - 0.81) * 0.095 / (sqrt(0.00049975) / sqrt(1 - 0.998001) + 1e-8);
	ck_assert_double_eq_tol(p[1], 1.0 - d1 - d2, 1e-15);
	/* AdamW: p *= 1 - lr wd first (wd = l2 = 0.01) */
	two_steps(p, OPTIM_ADAMW, 0.1, 0, 0.01);
	ck_assert_double_eq_tol(p[0], 0.999 - d1, 1e-15);
	/* RMSprop alpha 0.99: v = 0.0025, p -= 0.1 * 0.5 / (0.05 + eps) */
	two_steps(p, OPTIM_RMSPROP, 0.1, 0, 0);
	ck_assert_double_eq_tol(p[0], 1.0 - 0.05 / (0.05 + 1e-8), 1e-15);
}
END_TEST

START_TEST(l1_and_l2_regularization)
{
	double p[2];

	two_steps(p, OPTIM_SGD, 0.1, 0, 0.1); /* g + 0.1 p = 0.6 */
	ck_assert_double_eq_tol(p[0], 0.94, 1e-15);
	two_steps(p, OPTIM_SGD, 0.1, 0.2, 0); /* g + 0.2 sign(p) = 0.7 */
	ck_assert_double_eq_tol(p[0], 0.93, 1e-15);
}
END_TEST

START_TEST(names_defaults_and_reset)
{
	OptimKind k;
	OptimConfig c;
	Optim o;
	double p = 1, g = 1;

	ck_assert_int_eq(optim_from_name(&k, "nesterov"), 0);
	ck_assert_int_eq(k, OPTIM_NESTEROV);
	ck_assert_int_eq(optim_from_name(&k, "lbfgs"), -1);
	ck_assert_str_eq(optim_name(OPTIM_ADAMW), "adamw");
	optim_defaults(&c, OPTIM_ADAM);
	ck_assert_double_eq(c.lr, 0.001);
	ck_assert_double_eq(c.beta2, 0.999);
	optim_defaults(&c, OPTIM_RMSPROP);
	ck_assert_double_eq(c.beta2, 0.99);
	optim_defaults(&c, OPTIM_MOMENTUM);
	ck_assert_int_eq(optim_init(&o, &c, 1), NN_OK);
	optim_step(&o, &p, &g);
	ck_assert_double_eq(o.m[0], 1.0);
	optim_reset(&o);
	ck_assert_double_eq(o.m[0], 0.0);
	ck_assert_int_eq(o.t, 0);
	optim_free(&o);
}
END_TEST

/* Adam and the others minimise a quadratic bowl. */
START_TEST(every_optimizer_descends)
{
	int k;

	for (k = 0; k < OPTIM_COUNT; k++) {
		OptimConfig c;
		Optim o;
		double p[2] = {3, -2}, g[2];
		int i;
		optim_defaults(&c, (OptimKind)k);
		c.lr = 0.05;
		c.l2 = 0;
		ck_assert_int_eq(optim_init(&o, &c, 2), NN_OK);
		for (i = 0; i < 2000; i++) {
			g[0] = 2 * p[0];
			g[1] = 20 * p[1];
			optim_step(&o, p, g);
		}
		ck_assert_msg(fabs(p[0]) < 0.05 && fabs(p[1]) < 0.05, "%s: %g %g",
		              optim_name((OptimKind)k), p[0], p[1]);
		optim_free(&o);
	}
}
END_TEST

static Suite *optim_suite(void)
{
	Suite *s = suite_create("optim");
	TCase *tc = tcase_create("optim");

	tcase_add_test(tc, sgd_momentum_nesterov_by_hand);
	tcase_add_test(tc, adam_adamw_rmsprop_by_hand);
	tcase_add_test(tc, l1_and_l2_regularization);
	tcase_add_test(tc, names_defaults_and_reset);
	tcase_add_test(tc, every_optimizer_descends);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(optim_suite());
}
