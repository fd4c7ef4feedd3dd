/* check_f_autodiff.c: Reverse-mode automatic differentiation
 * (content/frontier/autodiff.lesson): the worked example's numbers by hand, and every
 * number its "Things to try" states read off its own tape widget (started from the
 * file's directive) at the end of both sweeps, against derivatives and operation
 * counts worked out here by hand; its quiz's answer and foreseen slips. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/lessons/lessontest.h"

static WTest t;

/* Closes the scene (each test opens several, one at a time). */
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

/* The tape widget's drawing at 76 columns in UTF-8 holds s. */
static void shows(Instance *in, const char *s)
{
	char *text = wt_draw(in, 76, (Caps){true, 0}, true);
	ck_assert_msg(strstr(text, s) != NULL, "no \"%s\" in\n%s", s, text);
	free(text);
}

static double sigmoid(double z)
{
	return 1 / (1 + exp(-z));
}

START_TEST(worked_example_by_hand)
{
	const double x = 0.5, y = 2, th = tanh(x);

	lt_load("frontier/autodiff.lesson");
	lt_says(th, 4, "v3 = tanh(0.5) ≈ ");
	lt_says(x * y + th, 4, "f = v4 = 1 + 0.4621 = ");
	lt_says(1 - th * th, 4, "1 × (1 − 0.4621²) ≈ ");
	lt_says(y + 1 - th * th, 4, "∂f/∂x = δ0 = 0.7864 + 2 = ");
	lt_says(y + 1 - th * th, 4, "∂f/∂x = y + 1 − tanh²(x) = ");
	lt_states("∂f/∂y = δ1 = 0.5");
	/* the quiz: the product passes v0 = x to v1's adjoint; the slips: y, or 1 */
	ck_assert_double_eq(lt_quiz_field("q-ad-adjoint", "answer"), x);
	lt_quiz_wrong("q-ad-adjoint", y);
	lt_quiz_wrong("q-ad-adjoint", 1);
}
END_TEST

/* Goes to expression k (from 1) and to the end of both sweeps. */
static Instance *at_end(int k)
{
	static const char *const ids[] = {"ad-tape"};
	Instance *in;
	int i;

	lt_open_widgets(&t, ids, 1);
	in = wt_get(&t, "ad-tape");
	for (i = 1; i < k; i++)
		ck_assert_uint_ne(wt_char(in, 'n'), WIDGET_IGNORED);
	wt_key(in, K_END);
	return in;
}

START_TEST(things_to_try)
{
	const double x = 0.5, y = 2, z = -0.5;
	const double u = tanh(x * y + z);
	Instance *in;
	char line[160];

	lt_load("frontier/autodiff.lesson");
	lt_states("at x = 0.5, y = 2 and z = −0.5");
	/* 1: forward 3 (mul, tanh, add); reverse: mul 4, tanh 4, sum 2; a tangent pass:
	 * mul 3, tanh 3, sum 1, one per input */
	in = at_end(1);
	shows(in, "operations: forward sweep 3, reverse sweep 10 (3.33 times)");
	shows(in, "one pass per input (2 here), 7 operations each: 14");
	lt_states("The forward sweep did 3 operations, the reverse sweep 10: 3.33 times as many.");
	lt_states("one pass of 7 operations per input, 14 for x and y.");
	snprintf(line, sizeof line, "its adjoint %.4f is df/dx; central differences give %.4f",
		 y + 1 - tanh(x) * tanh(x), y + 1 - tanh(x) * tanh(x));
	shows(in, line);
	close_scene();
	/* 2: the neuron: the same three operations forward and 10 back, three passes */
	in = at_end(2);
	shows(in, "f = tanh(x*y + z)");
	shows(in, "reverse sweep 10");
	shows(in, "one pass per input (3 here), 7 operations each: 21");
	snprintf(line, sizeof line, "its adjoint %.4f is df/dx", (1 - u * u) * y);
	shows(in, line);
	lt_states("one reverse sweep of 10 operations; forward mode needs three passes, 21 "
		  "operations.");
	close_scene();
	/* 3: softplus: d/dx log(1 + e^(xy)) = y sigmoid(xy) */
	in = at_end(4);
	shows(in, "f = log(1 + exp(x*y))");
	snprintf(line, sizeof line, "v1 = x                  0.5    %.4f", y * sigmoid(x * y));
	shows(in, line);
	lt_says(y * sigmoid(x * y), 4, "its adjoint for x is ");
	close_scene();
	/* 4: sin(x)*x/y: forward 3 (sin, mul, div); reverse sin 3, mul 4, div 5 = 12 */
	in = at_end(5);
	shows(in, "operations: forward sweep 3, reverse sweep 12 (4 times)");
	lt_states("(sin(x)·x/y comes closest, at 4 times)");
	close_scene();
}
END_TEST

/* Every expression of the widget: the reverse sweep at most five times the forward,
 * and every central difference agrees (no cross in the table). */
START_TEST(every_expression_within_five_and_checked)
{
	int k;

	lt_load("frontier/autodiff.lesson");
	lt_states("never more than five times the forward sweep");
	for (k = 1; k <= 6; k++) {
		Instance *in = at_end(k);
		char *text = wt_draw(in, 76, (Caps){true, 0}, true);
		const char *p = strstr(text, "reverse sweep ");
		long fwd, rev;
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq(sscanf(strstr(text, "forward sweep "), "forward sweep %ld", &fwd), 1);
		ck_assert_int_eq(sscanf(p, "reverse sweep %ld", &rev), 1);
		ck_assert_msg(rev <= 5 * fwd && rev >= fwd, "%ld, %ld\n%s", fwd, rev, text);
		ck_assert_msg(strstr(text, "✓") && !strstr(text, "✗"), "%s", text);
		free(text);
		close_scene();
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("f_autodiff");
	TCase *tc = tcase_create("f_autodiff");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, worked_example_by_hand);
	tcase_add_test(tc, things_to_try);
	tcase_add_test(tc, every_expression_within_five_and_checked);
	suite_add_tcase(s, tc);
	return test_main(s);
}
