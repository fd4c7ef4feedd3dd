/* check_level2.c: every number the Level 2 lessons state (content/level2/), computed
 * again here by hand with libm and compared with the text, and the lessons' own widgets
 * (their directives taken from the files) giving the same numbers, in what they publish
 * and in what they draw. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "nn/init.h"
#include "nn/mlp.h"
#include "nn/rng.h"
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
	/* one matrix, typed once: the single layer's weights are the product table's */
	lt_states("weights_from=xor-prod:product activation=identity");
	lt_states("matrix=two-layers:w2,two-layers:w1");
	lt_states("h1 = 3, h2 = 2 and y = 2 × 3 - 2 = 4");
	ck_assert_double_eq(xor_linear(1, 1), 4);
	lt_says(xor_squashed(1, 1), 3, "2 × σ(3) - σ(2), about ");
	lt_says(xor_squashed(1, 1), 3, "The squashed network's output: ");
	/* the corners table's alt text */
	for (i = 0; i < 4; i++) {
		snprintf(row, sizeof row, "%s%.3f", i == 0 ? "With the sigmoid between the layers y is "
						    : i == 3 ? "and " : ", ",
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

/* s without its blanks, into out. */
static void squeeze(char *out, const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			*out++ = *s;
	*out = '\0';
}

/* The drawing of widget id at 76 columns contains s, blanks aside (a table's row:
 * "│ 0 │ 1 │ 0.953 │"). */
static void draws(const char *id, const char *s)
{
	char *txt = wt_draw(wt_get(&t, id), 76, (Caps){true, 0}, false);
	char *a = malloc(strlen(txt) + 1), b[256];

	ck_assert_ptr_nonnull(a);
	squeeze(a, txt);
	squeeze(b, s);
	ck_assert_msg(strstr(a, b) != NULL, "%s does not show \"%s\":\n%s", id, s, txt);
	free(a);
	free(txt);
}

START_TEST(xor_widgets_agree)
{
	static const char *const ids[] = {"cx1",     "cx2",       "two-layers", "xor-w1",
					  "xor-w2",  "xor-prod",  "one-layer",  "squashed",
					  "xor-corners"};
	static const double c[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
	double x[2], a, b, q, p[2];
	char row[160];
	Data d;
	int i, j;

	lt_load("level2/xor.lesson");
	lt_open_widgets(&t, ids, 9);
	/* W1 and W2 as the tables show them, read from the network */
	ck_assert(scene_output(wt_get(&t, "xor-w1"), "product", 0, &d));
	ck_assert_uint_eq(d.rows, 2);
	ck_assert_uint_eq(d.cols, 2);
	for (i = 0; i < 4; i++)
		ck_assert_double_eq(d.v[i], XW1[i / 2][i % 2]);
	draws("xor-w1", "│ h1 │       1 │       2 │");
	draws("xor-w1", "│ h2 │       3 │      -1 │");
	ck_assert(scene_output(wt_get(&t, "xor-w2"), "product", 0, &d));
	ck_assert_uint_eq(d.rows, 1);
	ck_assert_double_eq(d.v[0], XW2[0]);
	ck_assert_double_eq(d.v[1], XW2[1]);
	draws("xor-w2", "│ y  │       2 │      -1 │");
	/* W2 . W1, by hand, and as the product table computes and shows it */
	for (j = 0; j < 2; j++)
		p[j] = XW2[0] * XW1[0][j] + XW2[1] * XW1[1][j];
	ck_assert(scene_output(wt_get(&t, "xor-prod"), "product", 0, &d));
	ck_assert_uint_eq(d.rows, 1);
	ck_assert_uint_eq(d.cols, 2);
	ck_assert_double_eq(d.v[0], p[0]);
	ck_assert_double_eq(d.v[1], p[1]);
	draws("xor-prod", "│ y       │      -1 │       5 │");
	ck_assert_double_eq_tol(wt_value(&t, "two-layers"), 4, 1e-12);
	ck_assert_double_eq_tol(wt_value(&t, "one-layer"), 4, 1e-12);
	ck_assert_double_eq_tol(wt_value(&t, "squashed"), xor_squashed(1, 1), 1e-12);
	for (i = -4; i <= 4; i++)
		for (j = -4; j <= 4; j++) {
			x[0] = i * 0.5;
			x[1] = j * 0.5;
			ck_assert(network_eval(wt_get(&t, "two-layers"), x, 2, &a));
			ck_assert(network_eval(wt_get(&t, "one-layer"), x, 2, &b));
			ck_assert(network_eval(wt_get(&t, "squashed"), x, 2, &q));
			ck_assert_double_eq_tol(a, xor_linear(x[0], x[1]), 1e-12);
			ck_assert_double_eq_tol(b, p[0] * x[0] + p[1] * x[1], 1e-12);
			ck_assert_double_eq_tol(b, a, 1e-12);
			ck_assert_double_eq_tol(q, xor_squashed(x[0], x[1]), 1e-12);
			/* the squash parts company with the product everywhere but at 0 */
			if (i || j)
				ck_assert(fabs(q - a) > 0.05);
		}
	/* the corners, computed by the table from the two networks */
	ck_assert(scene_output(wt_get(&t, "xor-corners"), "cells", 0, &d));
	ck_assert_uint_eq(d.rows, 4);
	ck_assert_uint_eq(d.cols, 4);
	for (i = 0; i < 4; i++) {
		ck_assert_double_eq(d.v[i * 4], c[i][0]);
		ck_assert_double_eq(d.v[i * 4 + 1], c[i][1]);
		ck_assert_double_eq_tol(d.v[i * 4 + 2], xor_linear(c[i][0], c[i][1]), 1e-12);
		ck_assert_double_eq_tol(d.v[i * 4 + 3], xor_squashed(c[i][0], c[i][1]), 1e-12);
		snprintf(row, sizeof row, "│ %g │ %g │ %.3f │ %.3f │", c[i][0], c[i][1],
			 xor_linear(c[i][0], c[i][1]), xor_squashed(c[i][0], c[i][1]));
		draws("xor-corners", row);
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
	/* the truth table: the network's neurons on the four rows */
	{
		static const char *const tid[] = {"hx1", "hx2", "xor-net", "hid-truth"};
		Data d;
		int r;
		wt_close(&t);
		lt_open_widgets(&t, tid, 4);
		ck_assert(scene_output(wt_get(&t, "hid-truth"), "cells", 0, &d));
		ck_assert_uint_eq(d.rows, 4);
		ck_assert_uint_eq(d.cols, 6);
		for (r = 0; r < 4; r++) {
			a = r / 2;
			b = r % 2;
			y = hidden_forward(a, b, &h1, &h2, &z);
			ck_assert_double_eq(d.v[r * 6], a);
			ck_assert_double_eq(d.v[r * 6 + 1], b);
			ck_assert_double_eq_tol(d.v[r * 6 + 2], h1, 1e-12);
			ck_assert_double_eq_tol(d.v[r * 6 + 3], h2, 1e-12);
			ck_assert_double_eq_tol(d.v[r * 6 + 4], z, 1e-12);
			ck_assert_double_eq_tol(d.v[r * 6 + 5], y, 1e-12);
			snprintf(row, sizeof row, "│ %d │ %d │ %.3f │ %.3f │ %.3f │ %.3f │", a, b, h1,
				 h2, z, y);
			draws("hid-truth", row);
			/* the alt text says the same */
			snprintf(row, sizeof row, "H1 %.3f, H2 %.3f, total %.3f, y %.3f", h1, h2, z, y);
			lt_states(row);
		}
		wt_close(&t);
		lt_open_widgets(&t, ids, 5);
	}
	/* the switches start at 0 and 1 */
	lt_says(wt_value(&t, "h1-net"), 3, "it gives ");
	ck_assert_double_eq_tol(wt_value(&t, "xor-net"), hidden_forward(0, 1, &h1, &h2, &z), 1e-12);
}
END_TEST

static double relu(double z)
{
	return z > 0 ? z : 0;
}

/* y = 3 h1 + 2 h2 - 1 with h1 = ReLU(a x1 + b x2), h2 = ReLU(c x1 + d x2 + 0.5) for
 * x = (2, 1); squash: whether h2 is squashed. */
static double review_forward(double a, double b, double c, double d, bool squash, double ob)
{
	double h1 = relu(a * 2 + b * 1), z2 = c * 2 + d * 1 + 0.5;

	return 3 * h1 + 2 * (squash ? relu(z2) : z2) + ob;
}

START_TEST(review_numbers)
{
	static const double W1[2][2] = {{1, 0}, {2, -1}}, W2[2] = {3, 1};
	double p[2], a;
	Rng r;
	Mlp m;
	const size_t sizes[] = {20, 10};
	const Activation act[] = {ACT_TANH};
	int i, j;

	lt_load("level2/review.lesson");
	/* the forward pass, and the slips its wrong answers name */
	ck_assert_double_eq(lt_quiz_field("q-l2r-forward", "answer"), review_forward(1, -1, -1, 1, true, -1));
	ck_assert_double_eq(review_forward(1, -1, -1, 1, true, -1), 2);
	lt_quiz_wrong("q-l2r-forward", review_forward(1, -1, -1, 1, false, -1)); /* h2 not squashed */
	lt_quiz_wrong("q-l2r-forward", review_forward(1, -1, -1, 1, true, 0));   /* no output bias */
	lt_quiz_wrong("q-l2r-forward", review_forward(1, -1, 1, -1, true, -1));  /* h2's inputs swapped */
	lt_quiz_wrong("q-l2r-forward", review_forward(-1, 1, -1, 1, true, -1));  /* h1's inputs swapped */
	/* W2 . W1, entry by entry, and the single paths */
	for (j = 0; j < 2; j++)
		p[j] = W2[0] * W1[0][j] + W2[1] * W1[1][j];
	ck_assert_double_eq(lt_quiz_field("q-l2r-product", "answer"), p[0]);
	lt_quiz_wrong("q-l2r-product", W2[0] * W1[0][0]);
	lt_quiz_wrong("q-l2r-product", W2[1] * W1[1][0]);
	lt_quiz_wrong("q-l2r-product", p[1]);
	lt_states("= [5, -1], so it weighs x1 by 5");
	/* Xavier's bound for 20 inputs and 10 neurons, to 3 decimals, and the library's
	 * Xavier start stays inside it and reaches close to it */
	a = sqrt(6.0 / (20 + 10));
	ck_assert(fabs(lt_quiz_field("q-l2r-xavier", "answer") - a) <=
		  lt_quiz_field("q-l2r-xavier", "tolerance"));
	lt_says(a, 3, "√0.2 ≈ ");
	lt_quiz_wrong("q-l2r-xavier", 6.0 / 30);
	lt_quiz_wrong("q-l2r-xavier", round(sqrt(6.0 / 20) * 1000) / 1000);
	lt_quiz_wrong("q-l2r-xavier", round(sqrt(6.0 / 10) * 1000) / 1000);
	ck_assert_int_eq(mlp_init(&m, sizes, 1, act), NN_OK);
	rng_seed(&r, 7);
	init_params(&m, INIT_XAVIER_UNIFORM, 0, &r);
	{
		double most = 0;
		for (i = 0; i < 200; i++)
			most = fabs(m.params[i]) > most ? fabs(m.params[i]) : most;
		ck_assert(most <= a && most > 0.95 * a);
	}
	mlp_free(&m);
	/* the corner sum of a straight rule is 0 for any weights */
	rng_seed(&r, 3);
	for (i = 0; i < 100; i++) {
		double w1 = rng_range(&r, -5, 5), w2 = rng_range(&r, -5, 5), b = rng_range(&r, -5, 5);
		double s = (w1 + w2 + b) - (w1 + b) - (w2 + b) + b;
		ck_assert(fabs(s) < 1e-12);
	}
	/* the XOR network's neurons: on (above 0.5) for the inputs the match pairs */
	lt_states("pair: H1 | 0 1, 1 0 and 1 1");
	lt_states("pair: H2 | 1 1 only");
	lt_states("pair: the output | 0 1 and 1 0");
	for (i = 0; i < 4; i++) {
		double h1, h2, z, y = hidden_forward(i / 2, i % 2, &h1, &h2, &z);
		ck_assert_int_eq(h1 > 0.5, i > 0);
		ck_assert_int_eq(h2 > 0.5, i == 3);
		ck_assert_int_eq(y > 0.5, i == 1 || i == 2);
	}
}
END_TEST

/* L2.review's claims about starts, measured with src/nn. */
START_TEST(review_starts_measured)
{
	static const double xs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, ts[4] = {0, 1, 1, 0};
	const size_t zs[] = {2, 4, 1};
	const Activation zact[] = {ACT_SIGMOID, ACT_SIGMOID};
	size_t deep[12], i, k, l;
	Activation dact[21];
	double *grad, moved = 0;
	Mlp m;
	MlpWork w;
	Rng r;

	/* a 2-4-1 sigmoid net from all zeros, 1000 steps of SGD on XOR: the four hidden
	 * neurons (2 weights and a bias each) stay copies, though they moved */
	lt_load("level2/review.lesson");
	lt_states("it trains\non XOR for 1000 steps");
	ck_assert_int_eq(mlp_init(&m, zs, 2, zact), NN_OK);
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	grad = mlp_alloc_params(&m);
	ck_assert_ptr_nonnull(grad);
	for (k = 0; k < 1000; k++) {
		const double *x = xs[k % 4];
		memset(grad, 0, m.n_params * sizeof *grad);
		mlp_forward(&w, &m, x, 1);
		w.d[1][0] = w.y[1][0] - ts[k % 4]; /* sigmoid and cross-entropy */
		mlp_backward(grad, &w, &m, x, w.d[1], 1);
		for (i = 0; i < m.n_params; i++)
			m.params[i] -= 0.5 * grad[i];
	}
	for (i = 1; i < 4; i++) {
		ck_assert(m.params[2 * i] == m.params[0] && m.params[2 * i + 1] == m.params[1]);
		ck_assert(m.params[8 + i] == m.params[8]);
	}
	for (i = 0; i < 12; i++)
		moved += fabs(m.params[i]);
	ck_assert(moved > 0.01);
	free(grad);
	mlp_work_free(&w);
	mlp_free(&m);
	/* ten tanh layers of 100, weights in -3..3 (no biases): most hidden neurons sit
	 * near -1 or 1 on the first input, their totals in the tens */
	{
		double x[2], z[1001], y[1001];
		size_t near = 0, big = 0;
		deep[0] = 2;
		for (l = 1; l <= 10; l++) {
			deep[l] = 100;
			dact[l - 1] = ACT_TANH;
		}
		deep[11] = 1;
		dact[10] = ACT_TANH;
		ck_assert_int_eq(mlp_init(&m, deep, 11, dact), NN_OK);
		rng_seed(&r, 11);
		init_params(&m, INIT_UNIFORM, 3, &r);
		for (l = 0; l < 11; l++)
			memset(m.params + m.w_off[l] + deep[l] * deep[l + 1], 0,
			       deep[l + 1] * sizeof *m.params);
		x[0] = rng_range(&r, -1, 1);
		x[1] = rng_range(&r, -1, 1);
		mlp_trace(z, y, &m, x);
		for (i = 0; i < 1000; i++) {
			near += fabs(y[i]) > 0.9;
			big += i >= 100 && fabs(z[i]) >= 10;
		}
		ck_assert_msg(near > 800, "%zu of 1000 near -1 or 1", near);
		ck_assert_msg(big > 450, "%zu of 900 deeper totals of 10 or more", big);
		mlp_free(&m);
	}
	/* twenty ReLU layers of 100: from Xavier the signal shrinks, from He it keeps its
	 * size (the root mean square of the last layer against the first) */
	{
		double x[100], z[2001], y[2001], ratio[2];
		int s;
		deep[0] = 100;
		for (s = 0; s < 2; s++) {
			size_t sz[21];
			double first = 0, last = 0;
			sz[0] = 100;
			for (l = 1; l <= 20; l++) {
				sz[l] = 100;
				dact[l - 1] = ACT_RELU;
			}
			ck_assert_int_eq(mlp_init(&m, sz, 20, dact), NN_OK);
			rng_seed(&r, 5);
			init_params(&m, s ? INIT_HE_UNIFORM : INIT_XAVIER_UNIFORM, 0, &r);
			for (i = 0; i < 100; i++)
				x[i] = rng_normal(&r, 0, 1);
			mlp_trace(z, y, &m, x);
			for (i = 0; i < 100; i++) {
				first += y[i] * y[i];
				last += y[1900 + i] * y[1900 + i];
			}
			ratio[s] = sqrt(last / first);
			mlp_free(&m);
		}
		ck_assert_msg(ratio[0] < 0.05, "Xavier: %g", ratio[0]);
		ck_assert_msg(ratio[1] > 0.3 && ratio[1] < 3, "He: %g", ratio[1]);
	}
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
	tcase_add_test(tc, review_numbers);
	tcase_add_test(tc, review_starts_measured);
	suite_add_tcase(s, tc);
	return test_main(s);
}
