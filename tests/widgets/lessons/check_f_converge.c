/* check_f_converge.c: Why gradient descent converges (content/frontier/converge.lesson):
 * the worked step and the proof's numbers by hand, then the lesson's own slider and
 * runs (from the file's directives) at each learning rate its "Things to try" names:
 * plain descent's measured rate against the closed form (1 - eta lambda)^t of each
 * coordinate, worked out here, and against the theorem; momentum near sqrt(0.5) below
 * its own bound and diverging past it; Adam converging everywhere. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/lessons/lessontest.h"

static WTest t;

static void close_scene(void)
{
	wt_close(&t);
	memset(&t, 0, sizeof t);
}

static void teardown(void)
{
	close_scene();
	lt_free();
}

/* The valley f = (a^2 + 10 b^2)/2 from (-2.5, 1): plain descent's coordinates after t
 * steps are (1 - eta)^t (-2.5) and (1 - 10 eta)^t; a run stops before a point with a
 * coordinate of 1e6 or more. The rate over the last 20 points kept. */
static double closed_form_rate(double eta, bool *diverged)
{
	double fa = 1 - eta, fb = 1 - 10 * eta, d[201];
	int n;

	for (n = 0; n <= 200; n++) {
		double a = -2.5 * pow(fa, n), b = pow(fb, n);
		if (!(fabs(a) < 1e6) || !(fabs(b) < 1e6))
			break;
		d[n] = hypot(a, b);
	}
	*diverged = n <= 200;
	return pow(d[n - 1] / d[n - 21], 1.0 / 20);
}

/* Sets the slider to c, lets the runs follow and plays all 200 steps; returns the
 * runs' drawing at 76 columns (the caller frees it). */
static char *run_at(double c)
{
	static const char *const ids[] = {"cv-eta", "cv-runs"};
	char v[32];
	Instance *runs;
	int k;

	lt_open_widgets(&t, ids, 2);
	snprintf(v, sizeof v, "%.2f", c);
	wt_key(wt_get(&t, "cv-eta"), K_HOME);
	wt_type(wt_get(&t, "cv-eta"), v, true);
	ck_assert_double_eq_tol(wt_value(&t, "cv-eta"), c, 1e-12);
	scene_changed(&t.scene);
	runs = wt_get(&t, "cv-runs");
	for (k = 0; k < 200; k++)
		wt_char(runs, 's');
	return wt_draw(runs, 76, (Caps){true, 0}, false);
}

static void has(const char *text, const char *s)
{
	ck_assert_msg(strstr(text, s) != NULL, "no \"%s\" in\n%s", s, text);
}

START_TEST(proof_and_example_by_hand)
{
	lt_load("frontier/converge.lesson");
	/* kappa = 10: (kappa - 1) / (kappa + 1) */
	lt_says(9.0 / 11, 3, "9/11 ≈ ");
	/* eta = 0.9 x 2/10 = 0.18: factors 0.82 and -0.8 */
	lt_states("η = 0.9 × 0.2 = 0.18");
	lt_states("1 − 0.18 × 1 = 0.82");
	lt_states("1 − 0.18 × 10 = −0.8");
	ck_assert_double_eq_tol(-2.5 * (1 - 0.18), -2.05, 1e-12);
	lt_states("a becomes −2.5 × 0.82 = −2.05");
	lt_states("The rate is max(0.82, 0.8) = 0.82");
}
END_TEST

START_TEST(descent_matches_the_theorem_on_both_sides)
{
	static const double mult[] = {0.5, 0.9, 0.99, 1.01, 1.1};
	static const char *const said[] = {"plain descent measures 0.900 a step", "Type 0.9: 0.820.",
					   "Type 0.99: 0.980.", "the rate is 1.020",
					   "Type 1.1: the rate is 1.200"};
	size_t i;

	lt_load("frontier/converge.lesson");
	for (i = 0; i < 5; i++) {
		double eta = mult[i] * 2 / 10, theory = fmax(fabs(1 - eta), fabs(1 - 10 * eta));
		bool diverged;
		double measured = closed_form_rate(eta, &diverged);
		char line[128], *text = run_at(mult[i]);
		ck_assert_double_eq_tol(measured, theory, 5e-4);
		snprintf(line, sizeof line, "sgd       rate %.3f a step; theory %.3f%s", measured,
			 theory, diverged ? "; diverged" : "");
		has(text, line);
		lt_states(said[i]);
		ck_assert(diverged == (mult[i] > 1.05)); /* 1.01 grows slowly: 130 at step 200 */
		free(text);
		/* at 40 columns, the short form */
		text = wt_draw(wt_get(&t, "cv-runs"), 40, (Caps){true, 0}, false);
		snprintf(line, sizeof line, "sgd  %.3f / %.3f", measured, theory);
		has(text, line);
		free(text);
		close_scene();
	}
}
END_TEST

START_TEST(momentum_and_adam)
{
	static const double mult[] = {0.5, 1.1, 1.4, 1.6};
	size_t i;

	lt_load("frontier/converge.lesson");
	lt_states("its theorem gives √0.5 ≈ 0.707");
	lt_states("2(1 + β)/L, that is 1.5 on this slider");
	for (i = 0; i < 4; i++) {
		char *text = run_at(mult[i]), *m = strstr(text, "momentum  rate "), *a;
		double rate, loss;
		ck_assert_ptr_nonnull(m);
		ck_assert_int_eq(sscanf(m, "momentum  rate %lf", &rate), 1);
		if (mult[i] < 1.5) {
			/* complex roots of modulus sqrt(beta) on both curvatures */
			ck_assert_msg(fabs(rate - sqrt(0.5)) < 0.05, "%g at %g", rate, mult[i]);
			has(m, "theory 0.707");
		} else {
			ck_assert_msg(rate > 1, "%g", rate);
			has(m, "; diverged");
		}
		/* Adam's loss after 200 steps: converged at every setting */
		a = strstr(text, "adam      lr ");
		ck_assert_ptr_nonnull(a);
		ck_assert_int_eq(sscanf(strstr(a, "loss "), "loss %lf", &loss), 1);
		ck_assert_msg(loss < 1e-6, "adam %g at %g", loss, mult[i]);
		has(text, "adam      rate ");
		has(text, "; no theorem here");
		free(text);
		close_scene();
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("f_converge");
	TCase *tc = tcase_create("f_converge");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, proof_and_example_by_hand);
	tcase_add_test(tc, descent_matches_the_theorem_on_both_sides);
	tcase_add_test(tc, momentum_and_adam);
	suite_add_tcase(s, tc);
	return test_main(s);
}
