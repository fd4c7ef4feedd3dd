/* check_surface.c: the loss surfaces' values by hand, their gradients against central
 * differences, and optimizer walks against the theory of gradient descent. */
#include <config.h>

#include <math.h>

#include "nn/surface.h"
#include "nntest.h"

START_TEST(values_and_minima_by_hand)
{
	Surface s;
	SurfaceView v;
	double g[2], p[2];
	int k;

	surface_defaults(&s, SURFACE_ROSENBROCK);
	p[0] = 0, p[1] = 0;
	ck_assert_double_eq(surface_value(g, &s, p), 1.0); /* (1 - 0)^2 */
	ck_assert_double_eq(g[0], -2.0);
	surface_defaults(&s, SURFACE_SADDLE);
	p[0] = 1, p[1] = 2;
	ck_assert_double_eq(surface_value(g, &s, p), -3.0);
	ck_assert_double_eq(g[0], 2.0);
	ck_assert_double_eq(g[1], -4.0);
	surface_defaults(&s, SURFACE_VALLEY);
	ck_assert_double_eq(s.cond, 10.0);
	p[0] = 2, p[1] = 1;
	ck_assert_double_eq(surface_value(g, &s, p), 0.5 * (4 + 10));
	/* every surface with a minimum: value 0 and a zero gradient there */
	for (k = 0; k < SURFACE_COUNT; k++) {
		SurfaceKind sk;
		surface_defaults(&s, (SurfaceKind)k);
		surface_view(&v, &s);
		p[0] = v.min_a, p[1] = v.min_b;
		ck_assert_double_eq(surface_value(g, &s, p), v.min_value);
		ck_assert_double_eq_tol(g[0], 0.0, 1e-15);
		ck_assert_double_eq_tol(g[1], 0.0, 1e-15);
		ck_assert(v.lo_a < v.start_a && v.start_a < v.hi_a);
		ck_assert(v.lo_b < v.start_b && v.start_b < v.hi_b);
		ck_assert_int_eq(surface_from_name(&sk, surface_name((SurfaceKind)k)), 0);
		ck_assert_int_eq(sk, k);
	}
	ck_assert_int_eq(surface_from_name(&s.kind, "himmelblau"), -1);
}
END_TEST

START_TEST(gradients_match_finite_differences)
{
	Surface s;
	SurfaceView v;
	double worst = 0.0;
	int k, i, j, c;

	for (k = 0; k < SURFACE_COUNT; k++) {
		surface_defaults(&s, (SurfaceKind)k);
		surface_view(&v, &s);
		for (i = 0; i <= 6; i++)
			for (j = 0; j <= 6; j++) {
				double p[2], g[2], h = 1e-6;
				p[0] = v.lo_a + (v.hi_a - v.lo_a) * (i + 0.37) / 7.0;
				p[1] = v.lo_b + (v.hi_b - v.lo_b) * (j + 0.61) / 7.0;
				surface_value(g, &s, p);
				for (c = 0; c < 2; c++) {
					double keep = p[c], up, down, num, err;
					p[c] = keep + h;
					up = surface_value(NULL, &s, p);
					p[c] = keep - h;
					down = surface_value(NULL, &s, p);
					p[c] = keep;
					num = (up - down) / (2 * h);
					err = fabs(num - g[c]) / fmax(fmax(fabs(num), fabs(g[c])), 1.0);
					ck_assert_msg(err < 1e-7, "%s at (%g, %g) d%d: %g vs %g",
						      surface_name(s.kind), p[0], p[1], c, g[c], num);
					worst = fmax(worst, err);
				}
			}
	}
	ck_assert(worst > 0.0); /* the comparison really compared something */
}
END_TEST

START_TEST(sgd_on_the_bowl_converges)
{
	Surface s;
	OptimConfig oc;
	double path[2 * 201], loss[201], start[2] = {-1.5, 1.2};
	size_t i;

	surface_defaults(&s, SURFACE_BOWL);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 0.1;
	ck_assert_int_eq(surface_descend(path, loss, &s, &oc, start, 200), NN_OK);
	ck_assert_double_eq(path[0], -1.5);
	ck_assert_double_eq(path[1], 1.2);
	for (i = 1; i <= 200; i++)
		ck_assert(loss[i] < loss[i - 1]);
	/* each step multiplies p by 0.9: after 200 steps |p| = 1.92 * 0.9^200 */
	ck_assert(fabs(path[400]) < 2e-9 && fabs(path[401]) < 2e-9);
	ck_assert_double_eq_tol(path[400], -1.5 * pow(0.9, 200), 1e-20);
}
END_TEST

/* On f = (a^2 + k b^2)/2, SGD multiplies a by 1 - lr and b by 1 - lr k at every step. */
START_TEST(the_rate_on_the_quadratic_is_one_minus_lr_lambda)
{
	static const double lrs[] = {0.05, 0.15, 0.19, 0.25};
	Surface s;
	OptimConfig oc;
	double path[2 * 31], start[2] = {-2.5, 1.0};
	size_t i, t;

	surface_defaults(&s, SURFACE_VALLEY);
	optim_defaults(&oc, OPTIM_SGD);
	for (i = 0; i < sizeof lrs / sizeof *lrs; i++) {
		oc.lr = lrs[i];
		ck_assert_int_eq(surface_descend(path, NULL, &s, &oc, start, 30), NN_OK);
		for (t = 0; t < 30; t++) {
			double ra = path[2 * t + 2] / path[2 * t];
			double rb = path[2 * t + 3] / path[2 * t + 1];
			ck_assert_double_eq_tol(ra, 1.0 - oc.lr, 1e-12);
			ck_assert_double_eq_tol(rb, 1.0 - oc.lr * s.cond, 1e-12);
		}
		/* lr above 2/lambda_max = 0.2 diverges along b, below it converges */
		if (oc.lr < 0.2)
			ck_assert(fabs(path[61]) < fabs(path[1]));
		else
			ck_assert(fabs(path[61]) > 1000 * fabs(path[1]));
	}
}
END_TEST

START_TEST(momentum_escapes_the_saddle_sooner)
{
	Surface s;
	OptimConfig oc;
	double sgd[2 * 101], mom[2 * 101], start[2] = {1.5, 0.01};

	surface_defaults(&s, SURFACE_SADDLE);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 0.01;
	ck_assert_int_eq(surface_descend(sgd, NULL, &s, &oc, start, 100), NN_OK);
	/* SGD: a_t = a_0 (1 - 2 lr)^t, b_t = b_0 (1 + 2 lr)^t */
	ck_assert_double_eq_tol(sgd[200], 1.5 * pow(0.98, 100), 1e-12);
	ck_assert_double_eq_tol(sgd[201], 0.01 * pow(1.02, 100), 1e-12);
	optim_defaults(&oc, OPTIM_MOMENTUM);
	oc.lr = 0.01;
	ck_assert_int_eq(surface_descend(mom, NULL, &s, &oc, start, 100), NN_OK);
	ck_assert(fabs(mom[201]) > 10 * fabs(sgd[201]));
}
END_TEST

START_TEST(adam_finds_the_minimum_of_rosenbrock_and_beale)
{
	static const SurfaceKind kinds[] = {SURFACE_ROSENBROCK, SURFACE_BEALE};
	Surface s;
	SurfaceView v;
	OptimConfig oc;
	SurfaceRun r;
	size_t i, t;

	for (i = 0; i < 2; i++) {
		double start[2], first;
		surface_defaults(&s, kinds[i]);
		surface_view(&v, &s);
		start[0] = v.start_a, start[1] = v.start_b;
		optim_defaults(&oc, OPTIM_ADAM);
		oc.lr = 0.02;
		ck_assert_int_eq(surface_run_init(&r, &s, &oc, start, 0.0, 1), NN_OK);
		first = r.loss;
		for (t = 0; t < 5000; t++)
			surface_run_step(&r);
		ck_assert_uint_eq(r.steps, 5000);
		ck_assert_msg(hypot(r.p[0] - v.min_a, r.p[1] - v.min_b) < 0.05, "%s ends at (%g, %g)",
			      surface_name(s.kind), r.p[0], r.p[1]);
		ck_assert(r.loss < 1e-3 * first);
		surface_run_free(&r);
	}
}
END_TEST

START_TEST(noisy_gradients_are_reproducible)
{
	Surface s;
	OptimConfig oc;
	SurfaceRun r1, r2, r3;
	double start[2] = {-1.5, 1.2};
	int t;

	surface_defaults(&s, SURFACE_BOWL);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 0.1;
	ck_assert_int_eq(surface_run_init(&r1, &s, &oc, start, 0.5, 7), NN_OK);
	ck_assert_int_eq(surface_run_init(&r2, &s, &oc, start, 0.5, 7), NN_OK);
	ck_assert_int_eq(surface_run_init(&r3, &s, &oc, start, 0.0, 7), NN_OK);
	for (t = 0; t < 50; t++) {
		surface_run_step(&r1);
		surface_run_step(&r2);
		surface_run_step(&r3);
	}
	ck_assert_double_eq(r1.p[0], r2.p[0]);
	ck_assert_double_eq(r1.p[1], r2.p[1]);
	ck_assert(r1.p[0] != r3.p[0]);
	/* noise keeps the walk jittering around the minimum: not at it, not far from it */
	ck_assert(hypot(r1.p[0], r1.p[1]) > 1e-3 && hypot(r1.p[0], r1.p[1]) < 1.0);
	surface_run_free(&r3);
	ck_assert_int_eq(surface_run_init(&r3, &s, &oc, start, -1.0, 7), NN_ERR_ARG);
	surface_run_free(&r1);
	surface_run_free(&r2);
}
END_TEST


/* The theorem on the valley (L = 10, mu = 1): plain descent with eta = c 2/L shrinks the
 * distance to the minimum by max(|1 - eta mu|, |1 - eta L|) a step, measured over the
 * last 20 of 200 steps: 0.9, 0.82, 0.98 below the bound, 1.02 and 1.2 above it, where
 * the loss grows. Heavy ball with beta 0.5 has complex roots of modulus sqrt(0.5) on
 * both eigenvalues up to eta L = 2 (1 + beta): it still converges at 1.1 and 1.4 times
 * 2/L, measured within 0.05 of 0.707. */
START_TEST(measured_rates_match_the_theorem)
{
	static const double mult[] = {0.5, 0.9, 0.99, 1.01, 1.1};
	static const double by_hand[] = {0.9, 0.82, 0.98, 1.02, 1.2};
	double path[2 * 201], loss[201], px[201], py[201];
	Surface s;
	SurfaceView v;
	OptimConfig oc;
	size_t i, j;

	surface_defaults(&s, SURFACE_VALLEY);
	surface_view(&v, &s);
	for (i = 0; i < 5; i++) {
		double start[2] = {v.start_a, v.start_b};
		optim_defaults(&oc, OPTIM_SGD);
		oc.lr = mult[i] * 2 / s.cond;
		ck_assert_double_eq_tol(surface_rate_theory(&oc, 1, s.cond), by_hand[i], 1e-12);
		ck_assert_int_eq(surface_descend(path, loss, &s, &oc, start, 200), NN_OK);
		for (j = 0; j <= 200; j++)
			px[j] = path[2 * j], py[j] = path[2 * j + 1];
		ck_assert_double_eq_tol(surface_rate_measured(px, py, 201, 0, 0, 20), by_hand[i],
					1e-4);
		if (mult[i] > 1)
			ck_assert(loss[200] > loss[0] * 100);
		else
			ck_assert(loss[200] < loss[0]);
	}
	for (i = 0; i < 2; i++) {
		double start[2] = {v.start_a, v.start_b}, m;
		optim_defaults(&oc, OPTIM_MOMENTUM);
		oc.momentum = 0.5;
		oc.lr = (i ? 1.4 : 1.1) * 2 / s.cond;
		ck_assert_double_eq_tol(surface_rate_theory(&oc, 1, s.cond), sqrt(0.5), 1e-12);
		ck_assert_int_eq(surface_descend(path, loss, &s, &oc, start, 200), NN_OK);
		for (j = 0; j <= 200; j++)
			px[j] = path[2 * j], py[j] = path[2 * j + 1];
		m = surface_rate_measured(px, py, 201, 0, 0, 20);
		ck_assert_msg(fabs(m - sqrt(0.5)) < 0.05, "%g", m);
		ck_assert(loss[200] < 1e-50);
	}
	/* past 2 (1 + beta) / L momentum diverges too: a real root beyond -1 */
	oc.lr = 1.6 * 2 / s.cond;
	ck_assert(surface_rate_theory(&oc, 1, s.cond) > 1);
	optim_defaults(&oc, OPTIM_ADAM);
	ck_assert(isnan(surface_rate_theory(&oc, 1, s.cond)));
	ck_assert(isnan(surface_rate_measured(px, py, 1, 0, 0, 20)));
}
END_TEST

static Suite *surface_suite(void)
{
	Suite *s = suite_create("surface");
	TCase *tc = tcase_create("surface");

	tcase_add_test(tc, values_and_minima_by_hand);
	tcase_add_test(tc, gradients_match_finite_differences);
	tcase_add_test(tc, sgd_on_the_bowl_converges);
	tcase_add_test(tc, the_rate_on_the_quadratic_is_one_minus_lr_lambda);
	tcase_add_test(tc, momentum_escapes_the_saddle_sooner);
	tcase_add_test(tc, adam_finds_the_minimum_of_rosenbrock_and_beale);
	tcase_add_test(tc, noisy_gradients_are_reproducible);
	tcase_add_test(tc, measured_rates_match_the_theorem);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(surface_suite());
}
