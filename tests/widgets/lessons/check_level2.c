/* check_level2.c: every number the Level 2 lessons state (content/level2/), computed
 * again here by hand with libm and compared with the text, and the lessons' own widgets
 * (their directives taken from the files) giving the same numbers. */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include "testlib.h"
#include "widgets/core/visual.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/wtest.h"

static WTest t;

static double sig(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* L2.layers: the 2-3-2-1 network of the lesson, by hand. */
static const double LW1[3][2] = {{1, -1}, {0.5, 0.5}, {-1, 2}}, LB1[3] = {0, -0.5, 0.5};
static const double LW2[2][3] = {{1.5, -1, 0.5}, {-0.5, 1, 1}}, LB2[2] = {0, -0.5};
static const double LW3[2] = {2, -1}, LB3 = 0;

static double layers_forward(double x1, double x2, double h[3], double g[2], double z[3])
{
	int i;

	for (i = 0; i < 3; i++)
		h[i] = sig(LW1[i][0] * x1 + LW1[i][1] * x2 + LB1[i]);
	z[0] = LW2[0][0] * h[0] + LW2[0][1] * h[1] + LW2[0][2] * h[2] + LB2[0];
	z[1] = LW2[1][0] * h[0] + LW2[1][1] * h[1] + LW2[1][2] * h[2] + LB2[1];
	for (i = 0; i < 2; i++)
		g[i] = sig(z[i]);
	z[2] = LW3[0] * g[0] + LW3[1] * g[1] + LB3;
	return sig(z[2]);
}

START_TEST(layers_numbers)
{
	double h[3], g[2], z[3], y;

	lt_load("level2/layers.lesson");
	/* 2-3-2-1: (2*3+3) + (3*2+2) + (2*1+1) = 20; 2-4-1: 2*4+4 + 4*1+1 = 17 */
	lt_states("2 × 3 + 3 = 9");
	lt_states("3 × 2 + 2 = 8");
	lt_states("2 × 1 + 1 = 3");
	lt_states("the output: 20 numbers");
	lt_states("answer: 17");
	ck_assert_int_eq(2 * 4 + 4 + 4 * 1 + 1, 17);
	y = layers_forward(1, 0, h, g, z);
	lt_says(h[0], 3, "h1 = σ(1) ≈ ");
	lt_says(h[1], 3, "h2 = σ(0) = ");
	lt_says(h[2], 3, "h3 = σ(-0.5) ≈ ");
	lt_says(z[0], 3, "1.5 × 0.731 - 0.500 + 0.5 × 0.378 ≈ ");
	lt_says(g[0], 3, "so g1 ≈ ");
	lt_says(z[1], 3, "-0.5 × 0.731 + 0.500 + 0.378 - 0.5 ≈ ");
	lt_says(g[1], 3, "g2 ≈ ");
	lt_says(z[2], 3, "2 × 0.687 - 0.503 ≈ ");
	lt_says(y, 3, "y = σ(0.871) ≈ ");
	lt_says(y, 3, "then the output ");
	y = layers_forward(0, 1, h, g, z);
	lt_says(h[2], 3, "h3 jumps to σ(2.5) ≈ ");
	lt_says(y, 3, "the output is about ");
	y = layers_forward(1, 1, h, g, z);
	lt_says(y, 3, "x1 = 1 and x2 = 1: the output is about ");
	y = layers_forward(0, 0, h, g, z);
	lt_says(y, 3, "and the output is about ");
}
END_TEST

START_TEST(layers_widget_agrees)
{
	static const char *const ids[] = {"lx1", "lx2", "lay-net"};
	static const double xs[4][2] = {{1, 0}, {0, 1}, {1, 1}, {0, 0}};
	double h[3], g[2], z[3], y;
	size_t i;

	lt_load("level2/layers.lesson");
	lt_open_widgets(&t, ids, 3);
	ck_assert_double_eq_tol(wt_value(&t, "lay-net"), layers_forward(1, 0, h, g, z), 1e-12);
	for (i = 0; i < 4; i++) {
		ck_assert(network_eval(wt_get(&t, "lay-net"), xs[i], 2, &y));
		ck_assert_double_eq_tol(y, layers_forward(xs[i][0], xs[i][1], h, g, z), 1e-12);
	}
}
END_TEST

/* L2.xor: W1 and W2 of the lesson. */
static const double XW1[2][2] = {{1, 2}, {3, -1}}, XW2[2] = {2, -1};

static double xor_linear(double x1, double x2)
{
	return XW2[0] * (XW1[0][0] * x1 + XW1[0][1] * x2) +
	       XW2[1] * (XW1[1][0] * x1 + XW1[1][1] * x2);
}

static double xor_squashed(double x1, double x2)
{
	return XW2[0] * sig(XW1[0][0] * x1 + XW1[0][1] * x2) +
	       XW2[1] * sig(XW1[1][0] * x1 + XW1[1][1] * x2);
}

START_TEST(xor_numbers)
{
	static const double c[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
	double p[2], bend;
	char row[128];
	int i, j;

	lt_load("level2/xor.lesson");
	/* W2 . W1, entry by entry: sum_k W2[k] W1[k][j] */
	for (j = 0; j < 2; j++)
		p[j] = XW2[0] * XW1[0][j] + XW2[1] * XW1[1][j];
	ck_assert_double_eq(p[0], -1);
	ck_assert_double_eq(p[1], 5);
	lt_states("for x1: 2 × 1 + (-1) × 3 = -1");
	lt_states("for x2: 2 × 2 + (-1) × (-1) = 5");
	lt_states("So y = -1 × x1 + 5 × x2");
	lt_states("W2 · W1 = [-1, 5]");
	lt_states("weights=-1,5 activation=identity");
	lt_states("h1 = 3, h2 = 2 and y = 2 × 3 - 2 = 4");
	ck_assert_double_eq(xor_linear(1, 1), 4);
	for (i = 0; i < 4; i++) {
		snprintf(row, sizeof row, "row: %g, %g, %*g, %.3f", c[i][0], c[i][1],
			 i == 1 ? 0 : 2, xor_linear(c[i][0], c[i][1]),
			 xor_squashed(c[i][0], c[i][1]));
		lt_states(row);
	}
	bend = xor_squashed(1, 1) - xor_squashed(1, 0) - xor_squashed(0, 1) + xor_squashed(0, 0);
	lt_says(bend, 3, "1.024 - 0.510 - 1.493 + 0.500 ≈ ");
	ck_assert_double_eq(xor_linear(1, 1) - xor_linear(1, 0) - xor_linear(0, 1) + xor_linear(0, 0), 0);
	lt_states("4 - (-1) - 5 + 0 = 0");
	/* the quiz: W1 rows [2, 0], [1, 1], W2 [1, 3] */
	ck_assert_double_eq(1 * 2 + 3 * 1, 5);
	ck_assert_double_eq(1 * 0 + 3 * 1, 3);
	lt_states("answer: 3");
	lt_states("W2 · W1 = [5, 3]");
}
END_TEST

START_TEST(xor_widgets_agree)
{
	static const char *const ids[] = {"cx1", "cx2", "two-layers", "one-layer"};
	double x[2], a, b;
	int i, j;

	lt_load("level2/xor.lesson");
	lt_open_widgets(&t, ids, 4);
	ck_assert_double_eq_tol(wt_value(&t, "two-layers"), 4, 1e-12);
	ck_assert_double_eq_tol(wt_value(&t, "one-layer"), 4, 1e-12);
	for (i = -4; i <= 4; i++)
		for (j = -4; j <= 4; j++) {
			x[0] = i * 0.5;
			x[1] = j * 0.5;
			ck_assert(network_eval(wt_get(&t, "two-layers"), x, 2, &a));
			ck_assert(network_eval(wt_get(&t, "one-layer"), x, 2, &b));
			ck_assert_double_eq_tol(a, xor_linear(x[0], x[1]), 1e-12);
			ck_assert_double_eq_tol(b, a, 1e-12);
		}
}
END_TEST

/* L2.hidden: H1 = sig(6x1 + 6x2 - 3), H2 = sig(6x1 + 6x2 - 9), y = sig(8H1 - 8H2 - 4). */
static double hidden_forward(double x1, double x2, double *h1, double *h2, double *z)
{
	*h1 = sig(6 * x1 + 6 * x2 - 3);
	*h2 = sig(6 * x1 + 6 * x2 - 9);
	*z = 8 * *h1 - 8 * *h2 - 4;
	return sig(*z);
}

START_TEST(hidden_numbers)
{
	static const char *const ids[] = {"hx1", "hx2", "h1-net", "h2-net", "xor-net"};
	char row[160];
	double h1, h2, z, y, x[2], v;
	int a, b;

	lt_load("level2/xor.lesson");
	for (a = 0; a < 2; a++)
		for (b = 0; b < 2; b++) {
			y = hidden_forward(a, b, &h1, &h2, &z);
			snprintf(row, sizeof row, "row: %d, %d, %.3f, %.3f, %*.3f, %.3f", a, b, h1,
				 h2, z < 0 ? 6 : 6, z, y);
			lt_states(row);
			/* XOR, OR and AND by the 0.5 line */
			ck_assert_int_eq(y > 0.5, a != b);
			ck_assert_int_eq(h1 > 0.5, a || b);
			ck_assert_int_eq(h2 > 0.5, a && b);
		}
	lt_states("-3 with no input on, 3 with one input on and 9 with both");
	lt_states("H2's total is -9, -3 and 3");
	hidden_forward(0, 1, &h1, &h2, &z);
	lt_says(z, 1, "the total is about ");
	lt_says(h2, 3, "H2 goes from ");
	hidden_forward(1, 1, &h1, &h2, &z);
	lt_says(h2, 3, "H2 goes from 0.047 to ");
	lt_says(hidden_forward(1, 1, &h1, &h2, &z), 3, "pulls y down to ");
	lt_open_widgets(&t, ids, 5);
	for (a = 0; a < 2; a++)
		for (b = 0; b < 2; b++) {
			x[0] = a;
			x[1] = b;
			y = hidden_forward(a, b, &h1, &h2, &z);
			ck_assert(network_eval(wt_get(&t, "h1-net"), x, 2, &v));
			ck_assert_double_eq_tol(v, h1, 1e-12);
			ck_assert(network_eval(wt_get(&t, "h2-net"), x, 2, &v));
			ck_assert_double_eq_tol(v, h2, 1e-12);
			ck_assert(network_eval(wt_get(&t, "xor-net"), x, 2, &v));
			ck_assert_double_eq_tol(v, y, 1e-12);
		}
	/* the switches start at 0 and 1 */
	lt_says(wt_value(&t, "h1-net"), 3, "it gives ");
	ck_assert_double_eq_tol(wt_value(&t, "xor-net"), hidden_forward(0, 1, &h1, &h2, &z), 1e-12);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("level2");
	TCase *tc = tcase_create("lessons");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, layers_numbers);
	tcase_add_test(tc, layers_widget_agrees);
	tcase_add_test(tc, xor_numbers);
	tcase_add_test(tc, xor_widgets_agree);
	tcase_add_test(tc, hidden_numbers);
	suite_add_tcase(s, tc);
	return test_main(s);
}
