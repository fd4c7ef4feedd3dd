/* check_act.c: activations by hand, names, and every derivative by finite differences. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/act.h"
#include "testlib.h"

START_TEST(values_by_hand)
{
	ck_assert_double_eq(act_value(ACT_STEP, 0.3), 1.0);
	ck_assert_double_eq(act_value(ACT_STEP, 0.0), 0.0);
	ck_assert_double_eq(act_value(ACT_STEP, -2.0), 0.0);
	ck_assert_double_eq(act_value(ACT_LINEAR, -2.5), -2.5);
	ck_assert_double_eq_tol(act_value(ACT_SIGMOID, 0.7), 0.66818777216816616, 1e-16);
	ck_assert_double_eq(act_value(ACT_SIGMOID, 0.0), 0.5);
	ck_assert_double_eq_tol(act_value(ACT_SIGMOID, -800.0), 0.0, 1e-300);
	ck_assert_double_eq(act_value(ACT_SIGMOID, 800.0), 1.0);
	ck_assert_double_eq_tol(act_value(ACT_TANH, 0.5), 0.46211715726000974, 1e-16);
	ck_assert_double_eq(act_value(ACT_RELU, -1.0), 0.0);
	ck_assert_double_eq(act_value(ACT_RELU, 2.0), 2.0);
	ck_assert_double_eq(act_value(ACT_LEAKY_RELU, -2.0), -0.02);
	ck_assert_double_eq_tol(act_value(ACT_ELU, -1.0), exp(-1.0) - 1.0, 1e-16);
	ck_assert_double_eq_tol(act_value(ACT_GELU, 1.0), 0.8413447460685429, 1e-15);
	ck_assert_double_eq_tol(act_value(ACT_GELU, -1.0), -0.15865525393145707, 1e-15);
	ck_assert_double_eq_tol(act_value(ACT_SOFTPLUS, 0.0), log(2.0), 1e-16);
	ck_assert_double_eq(act_value(ACT_SOFTPLUS, 1000.0), 1000.0);
	ck_assert_double_eq_tol(act_value(ACT_SOFTPLUS, -1000.0), 0.0, 1e-300);
	ck_assert_double_eq_tol(act_value(ACT_SWISH, 1.0), 0.7310585786300049, 1e-15);
}
END_TEST

START_TEST(names_round_trip)
{
	int i;
	Activation a;

	for (i = 0; i < ACT_COUNT; i++) {
		ck_assert_int_eq(act_from_name(&a, act_name((Activation)i)), 0);
		ck_assert_int_eq(a, i);
	}
	ck_assert_int_eq(act_from_name(&a, "leaky-relu"), 0);
	ck_assert_int_eq(a, ACT_LEAKY_RELU);
	ck_assert_int_eq(act_from_name(&a, "softmax"), -1);
}
END_TEST

/* Every derivative (but step's) against a central difference at points away from
 * the kinks. */
START_TEST(derivatives_by_finite_differences)
{
	static const double zs[] = {-3.1, -1.2, -0.4, 0.3, 0.9, 2.7};
	const double h = 1e-6;
	int a;
	size_t i;

	for (a = ACT_LINEAR; a < ACT_COUNT; a++)
		for (i = 0; i < sizeof zs / sizeof *zs; i++) {
			double z = zs[i], y = act_value((Activation)a, z);
			double num =
			    (act_value((Activation)a, z + h) - act_value((Activation)a, z - h)) /
			    (2 * h);
			double ana = act_deriv((Activation)a, z, y);
			ck_assert_msg(fabs(num - ana) <= 1e-8 * fmax(1.0, fabs(ana)),
			              "%s'(%g): %.17g vs %.17g", act_name((Activation)a), z, ana,
			              num);
		}
	ck_assert_double_eq(act_deriv(ACT_STEP, 0.5, 1.0), 0.0);
}
END_TEST

START_TEST(forward_and_backward_arrays)
{
	const double z[4] = {-1, 0.5, 2, -0.25}, dy[4] = {1, 2, 3, 4};
	double y[4], dz[4] = {10, 10, 10, 10};
	int a;
	size_t i;

	for (a = 0; a < ACT_COUNT; a++) {
		act_forward(y, z, 4, (Activation)a);
		for (i = 0; i < 4; i++)
			ck_assert_double_eq(y[i], act_value((Activation)a, z[i]));
		for (i = 0; i < 4; i++)
			dz[i] = 10;
		act_backward(dz, dy, z, y, 4, (Activation)a); /* adds */
		for (i = 0; i < 4; i++)
			ck_assert_double_eq(dz[i],
			                    10 + dy[i] * act_deriv((Activation)a, z[i], y[i]));
	}
	memcpy(y, z, sizeof y);
	act_forward(y, y, 4, ACT_RELU); /* in place */
	ck_assert_double_eq(y[0], 0.0);
	ck_assert_double_eq(y[2], 2.0);
}
END_TEST

static Suite *act_suite(void)
{
	Suite *s = suite_create("act");
	TCase *tc = tcase_create("act");

	tcase_add_test(tc, values_by_hand);
	tcase_add_test(tc, names_round_trip);
	tcase_add_test(tc, derivatives_by_finite_differences);
	tcase_add_test(tc, forward_and_backward_arrays);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(act_suite());
}
