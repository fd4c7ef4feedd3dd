/* check_f_generalize.c: Why big models generalize (content/frontier/generalize.lesson):
 * the double-descent curve worked out here, fit by fit, from the library's features
 * and solver (both checked against closed forms in tests/widgets/sims/check_ddescent.c),
 * with its own error and norm sums; equal to what the lesson's widget publishes; and
 * every number and claim the lesson makes about it. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/polyfit.h"
#include "nn/rfeat.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"

#define N     20
#define P     100
#define NT    200
#define DRAWS 5

static WTest t;
static double test[P], train[P], norm[P];

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* The lesson's experiment: 20 points from seed 1, 200 clean test points, five feature
 * draws (seeds 2 to 6) of frequency spread 30, ridge lambda. Means into test, train,
 * norm; with beta non-NULL, draw 1's unscaled norm sqrt(2/p) |a| for each p. */
static void curve(double lambda, size_t pmax, double *beta)
{
	static double x[N], y[N], tx[NT], ty[NT], w[P], b[P], c[N * P], tc[NT * P], a[P];
	double *work = malloc(rf_work_size(N, P) * sizeof *work);
	size_t p, i, k;
	int d;

	polyfit_points(x, y, N, 0.1, 1);
	polyfit_points(tx, ty, NT, 0, 1 + 1000003ULL);
	memset(test, 0, sizeof test);
	memset(train, 0, sizeof train);
	memset(norm, 0, sizeof norm);
	for (d = 0; d < DRAWS; d++) {
		Rng r;
		rng_seed(&r, 2 + (unsigned long long)d);
		rf_draw(w, b, P, 30, &r);
		rf_cos(c, x, N, w, b, P);
		rf_cos(tc, tx, NT, w, b, P);
		for (p = 1; p <= pmax; p++) {
			double s = sqrt(2.0 / (double)p), se = 0, sq = 0;
			ck_assert_int_eq(rf_fit(a, c, P, y, N, p, lambda, work), NN_OK);
			for (i = 0; i < NT; i++) {
				double f = 0;
				for (k = 0; k < p; k++)
					f += s * a[k] * tc[i * P + k];
				se += (f - ty[i]) * (f - ty[i]);
			}
			test[p - 1] += se / NT / DRAWS;
			se = 0;
			for (i = 0; i < N; i++) {
				double f = 0;
				for (k = 0; k < p; k++)
					f += s * a[k] * c[i * P + k];
				se += (f - y[i]) * (f - y[i]);
			}
			train[p - 1] += se / N / DRAWS;
			for (k = 0; k < p; k++)
				sq += a[k] * a[k];
			norm[p - 1] += sqrt(sq) / DRAWS;
			if (beta && d == 0)
				beta[p - 1] = s * sqrt(sq);
		}
	}
	free(work);
}

/* The lesson states the text made of the format fmt and v. */
#define says(fmt, v)                                                                       \
	do {                                                                               \
		char says_[200];                                                           \
		snprintf(says_, sizeof says_, fmt, v);                                     \
		lt_states(says_);                                                          \
	} while (0)

START_TEST(the_widget_publishes_this_curve)
{
	static const char *const ids[] = {"dd"};
	Data d;
	size_t p;

	curve(1e-12, P, NULL);
	lt_load("frontier/generalize.lesson");
	lt_open_widgets(&t, ids, 1);
	ck_assert(scene_output(wt_get(&t, "dd"), "test", 0, &d) && d.n == P);
	for (p = 0; p < P; p++)
		ck_assert_double_eq_tol(d.v[p], test[p], 1e-9 * test[p]);
	ck_assert(scene_output(wt_get(&t, "dd"), "train", 0, &d) && d.n == P);
	for (p = 0; p < P; p++)
		ck_assert_double_eq_tol(d.v[p], train[p], 1e-6 * train[p] + 1e-18);
	ck_assert(scene_output(wt_get(&t, "dd"), "norm", 0, &d) && d.n == P);
	for (p = 0; p < P; p++)
		ck_assert_double_eq_tol(d.v[p], norm[p], 1e-9 * norm[p]);
	ck_assert(scene_output(wt_get(&t, "dd"), "peak", 0, &d));
	ck_assert_double_eq(d.scalar, N);
}
END_TEST

START_TEST(the_lesson_tells_the_measured_curve)
{
	double best = INFINITY, lowest = INFINITY, beta[P];
	size_t p, bestp = 0, peak = 0;

	curve(1e-12, P, beta);
	lt_load("frontier/generalize.lesson");
	for (p = 1; p <= P; p++) {
		if (p <= N && test[p - 1] < best)
			best = test[p - 1], bestp = p;
		lowest = fmin(lowest, test[p - 1]);
		if (test[p - 1] > test[peak])
			peak = p - 1;
	}
	/* the first descent and the classical U */
	ck_assert_uint_eq(bestp, 3);
	says("falls from 0.457 with one feature to %.3g with three", test[2]);
	says("%.3g with one feature", test[0]);
	ck_assert(fabs(test[0] - 0.457) < 0.0005);
	{
		char buf[200];
		snprintf(buf, sizeof buf, "the classical U: %.3g at p = 10, %.3g at p = 18, %.3g at p = 19",
			 test[9], test[17], test[18]);
		lt_states(buf);
	}
	/* the peak at the threshold, about 140 times the best below it */
	ck_assert_uint_eq(peak + 1, N);
	says("At p = 20 the curve peaks: a test error of %.3g", test[N - 1]);
	ck_assert(test[N - 1] / best > 135 && test[N - 1] / best < 145);
	lt_states("about 140 times the best below the threshold");
	says("The training error has just reached 0 (%.2g:", train[N - 1]);
	ck_assert(train[N - 2] > 1e-3);
	for (p = N; p <= P; p++) /* 0 from here on */
		ck_assert(train[p - 1] < 1e-9);
	/* the second descent: below the best of the classical regime from p = 43 */
	{
		char buf[200];
		snprintf(buf, sizeof buf, "yet the test error falls: %.3g at p = 21, %.3g at p = 30, %.3g at p = 40",
			 test[20], test[29], test[39]);
		lt_states(buf);
	}
	for (p = N + 1; p < 43; p++)
		ck_assert(test[p - 1] >= best);
	ck_assert(test[42] < best);
	lt_states("At p = 43 it drops below the best of the classical regime");
	ck_assert_double_eq(test[P - 1], lowest);
	ck_assert(test[P - 1] < best / 2);
	says("at p = 100 it reaches %.3g, the lowest on the whole curve: less than half of 0.295",
	     test[P - 1]);
	/* the worked example */
	says("training error %.2g, |a| = 52.7", train[N - 2]);
	says("least squares settles for the closest: training error 0.0072, |a| = %.3g", norm[N - 2]);
	says("|a| = %.3g and a test error of 41.8", norm[N - 1]);
	says("|a| = 809 and a test error of %.3g", test[N - 1]);
	says("least-norm one needs |a| = %.3g only", norm[N]);
	says("and the test error drops to %.3g", test[N]);
	says("The least-norm fit has |a| = %.3g and a test error of 0.141", norm[P - 1]);
	/* the last step: the measured norms */
	{
		char buf[200];
		snprintf(buf, sizeof buf, "|a*|:  %.3g (p = 20),  %.3g (21),  %.3g (30),  %.3g (100)",
			 norm[19], norm[20], norm[29], norm[99]);
		lt_states(buf);
	}
	/* for the first draw the unscaled norm falls at every p from 20 to 100 */
	for (p = N + 1; p <= P; p++)
		ck_assert_msg(beta[p - 1] < beta[p - 2], "p = %zu: %g after %g", p, beta[p - 1],
			      beta[p - 2]);
	lt_states("the unscaled norm yᵀ(CCᵀ)⁻¹y falls at every p from 20 to 100");
}
END_TEST

/* The ridge of 1e-12: at the peak the exact interpolant (lambda 0: a square system)
 * differs by under one percent in the mean test error. */
START_TEST(the_ridge_barely_matters)
{
	double with[N];

	curve(1e-12, N, NULL);
	memcpy(with, test, sizeof with);
	curve(0, N, NULL);
	ck_assert(fabs(with[N - 1] - test[N - 1]) < 0.01 * test[N - 1]);
	lt_load("frontier/generalize.lesson");
	lt_states("at p = 20 it changes the mean test error by less than one percent");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("f_generalize");
	TCase *tc = tcase_create("generalize");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, the_widget_publishes_this_curve);
	tcase_add_test(tc, the_lesson_tells_the_measured_curve);
	tcase_add_test(tc, the_ridge_barely_matters);
	suite_add_tcase(s, tc);
	return test_main(s);
}
