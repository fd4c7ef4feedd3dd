/* check_l4_memory.c: the lesson "Networks with memory" (content/level4/memory.lesson):
 * every state its RNN strip shows and publishes, computed again here by hand with tanh()
 * from the weights the lesson states; the weights drawn the same at every step; every
 * distance, ratio and resting point the text states, at each setting of the dial it
 * names; the strip at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/visual.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/wtest.h"

enum { H = 3, T = 8 };

/* The lesson's RNN, as its prose and its directive give it. */
static const double WX[H] = {1, -0.8, 0.6}, B[H] = {0.1, -0.1, 0};
static const double WH[H][H] = {{0.5, -0.2, 0.1}, {-0.2, 0.4, -0.1}, {0.1, -0.1, 0.4}};

static WTest t;

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* h[k] after step k + 1 of n inputs x, from zeros, W_h times s: tanh by hand. */
static void hand(const double *x, size_t n, double s, double (*h)[H])
{
	double prev[H] = {0, 0, 0};
	size_t k;
	int i, j;

	for (k = 0; k < n; k++) {
		for (i = 0; i < H; i++) {
			double a = WX[i] * x[k] + B[i];
			for (j = 0; j < H; j++)
				a += s * WH[i][j] * prev[j];
			h[k][i] = tanh(a);
		}
		memcpy(prev, h[k], sizeof prev);
	}
}

static double dist(const double *a, const double *b)
{
	return sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
		    (a[2] - b[2]) * (a[2] - b[2]));
}

/* The distances after each step between sequence A (1, then zeros) and B (-1, then
 * zeros) at dial s, over n steps. */
static void gaps(double s, size_t n, double *d, double (*ha)[H], double (*hb)[H])
{
	double *xa = calloc(n, sizeof *xa), *xb = calloc(n, sizeof *xb);
	size_t k;

	xa[0] = 1;
	xb[0] = -1;
	hand(xa, n, s, ha);
	hand(xb, n, s, hb);
	for (k = 0; k < n; k++)
		d[k] = dist(ha[k], hb[k]);
	free(xa);
	free(xb);
}

static void open_lesson(void)
{
	static const char *const ids[] = {"keep", "mem", "gap"};

	lt_load("level4/memory.lesson");
	lt_open_widgets(&t, ids, 3);
}

/* The strip's current state equals h (to rounding) and its status rows write h_(k) and
 * h_(k+1) of hb as the hand computation gives them. */
static void shows_step(const double (*h)[H], int k)
{
	Instance *in = wt_get(&t, "mem");
	char *text = wt_draw(in, 76, wt_ascii, false), want[128], num[16];
	size_t n = 0;
	Data d;
	int i;

	ck_assert(scene_output(in, "state", 0, &d));
	ck_assert_uint_eq(d.n, H);
	for (i = 0; i < H; i++)
		ck_assert_double_eq_tol(d.v[i], h[k][i], 1e-12);
	n = (size_t)snprintf(want, sizeof want, "h%d =", k);
	for (i = 0; i < H; i++) {
		visual_fixed(num, sizeof num, k ? h[k - 1][i] : 0, 2);
		n += (size_t)snprintf(want + n, sizeof want - n, " %5s", num);
	}
	ck_assert_msg(strstr(text, want), "no \"%s\" in\n%s", want, text);
	n = (size_t)snprintf(want, sizeof want, "h%d =", k + 1);
	for (i = 0; i < H; i++) {
		visual_fixed(num, sizeof num, h[k][i], 2);
		n += (size_t)snprintf(want + n, sizeof want - n, " %5s", num);
	}
	ck_assert_msg(strstr(text, want), "no \"%s\" in\n%s", want, text);
	free(text);
}

/* The dial at s (typed into the slider), the strip told that something changed. */
static void dial(const char *s)
{
	Instance *in = wt_get(&t, "mem");

	wt_type(wt_get(&t, "keep"), s, true);
	in->ops->tick(in, 0);
}

/* The strip's published distances equal d. */
static void publishes(const double *d)
{
	Data out;
	size_t k;

	ck_assert(scene_output(wt_get(&t, "mem"), "distance", 0, &out));
	ck_assert_uint_eq(out.n, T);
	for (k = 0; k < T; k++)
		ck_assert_double_eq_tol(out.v[k], d[k], 1e-12);
}

START_TEST(every_state_on_screen_is_tanh_by_hand)
{
	double ha[T][H], hb[T][H], d[T];
	Instance *in;
	int k;

	open_lesson();
	lt_states("wx=1,-0.8,0.6 wh=0.5,-0.2,0.1,-0.2,0.4,-0.1,0.1,-0.1,0.4 b=0.1,-0.1,0 "
		  "x=1,0,0,0,0,0,0,0 x2=-1,0,0,0,0,0,0,0");
	gaps(1, T, d, ha, hb);
	in = wt_get(&t, "mem");
	for (k = 0; k < T; k++) {
		shows_step((const double(*)[H])ha, k);
		wt_key(in, K_DOWN);
		shows_step((const double(*)[H])hb, k);
		wt_key(in, K_UP);
		wt_key(in, K_RIGHT);
	}
	/* Step 1 by hand, as the text does it. */
	ck_assert_double_eq_tol(ha[0][0], tanh(1.1), 1e-15);
	lt_states("tanh(1.1), tanh(-0.9), tanh(0.6) = 0.80, -0.72, 0.54");
	lt_says(ha[0][0], 2, "tanh(0.6) = ");
	lt_states("tanh(-0.6 + 0) = -0.72, 0.60, -0.54");
	ck_assert_double_eq_tol(hb[0][1], 0.6044, 1e-4);
	lt_states("A's state becomes 0.80, -0.72, 0.54 and B's -0.72, 0.60, -0.54");
}
END_TEST

START_TEST(the_weights_stay_while_the_step_moves)
{
	Instance *in;
	char *first, *last, *cut;

	open_lesson();
	in = wt_get(&t, "mem");
	first = wt_draw(in, 76, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(first, "0.50 -0.20  0.10"));
	ck_assert_ptr_nonnull(strstr(first, "step 1/8, sequence A: x₁ = 1"));
	wt_key(in, K_END);
	last = wt_draw(in, 76, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(last, "step 8/8, sequence A: x₈ = 0"));
	/* The title and the weights (the first 1 + 5 rows) are the same text. */
	cut = first;
	for (int r = 0; r < 6; r++)
		cut = strchr(cut, '\n') + 1;
	ck_assert_int_eq(strncmp(first, last, (size_t)(cut - first)), 0);
	ck_assert_str_ne(first, last);
	free(first);
	free(last);
}
END_TEST

/* "a, b, ... and z" of the n distances with two decimals. */
static void listed(const double *d, size_t n, char *out, size_t size)
{
	size_t k, len = 0;

	for (k = 0; k < n; k++)
		len += (size_t)snprintf(out + len, size - len, "%s%.2f",
					k == 0 ? "" : k + 1 == n ? " and " : ", ", d[k]);
}

START_TEST(what_the_text_measures_at_each_dial)
{
	double ha[200][H], hb[200][H], d[200], lo, hi;
	char buf[256];
	size_t k;

	open_lesson();
	/* At 1: the distances, the ratio, what is left, the common resting point. */
	gaps(1, T, d, ha, hb);
	publishes(d);
	listed(d + 1, T - 1, buf, sizeof buf);
	lt_says(d[0], 2, "With the dial at 1 they read ");
	lt_states(buf); /* "1.49, 1.01, ... and 0.15" */
	/* and the bars' text alternative: "2.28, 1.49, ..., 0.15." */
	for (k = 0, buf[0] = 0; k < T; k++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%.2f", k ? ", " : "", d[k]);
	lt_states(buf);
	lo = hi = d[1] / d[0];
	for (k = 1; k < T; k++) {
		lo = fmin(lo, d[k] / d[k - 1]);
		hi = fmax(hi, d[k] / d[k - 1]);
	}
	ck_assert(lo > 0.655 && hi < 0.685);
	lt_states("keeps about two thirds (0.66 to 0.68)");
	ck_assert_int_eq((int)lround(100 * d[T - 1] / d[0]), 6);
	lt_states("After eight steps, 6% of it is left");
	gaps(1, 200, d, ha, hb);
	ck_assert(d[199] < 1e-9);
	/* At 0.5 */
	dial("0.5");
	gaps(0.5, T, d, ha, hb);
	publishes(d);
	for (k = 1; k < T; k++)
		ck_assert_int_eq((int)lround(100 * d[k] / d[k - 1]), 35);
	lt_states("At 0.5** each step keeps only 0.35");
	ck_assert_int_eq((int)lround(d[T - 1] * 1e4), 15);
	lt_states("After eight steps 0.0015 is left");
	/* At 1.5 */
	dial("1.5");
	gaps(1.5, T, d, ha, hb);
	publishes(d);
	for (k = 1; k < T; k++) {
		ck_assert(d[k] / d[k - 1] >= 0.895 && d[k] / d[k - 1] < 0.945);
	}
	lt_states("At 1.5** each step keeps 0.90 to 0.94");
	lt_says(d[T - 1], 2, "the distance is still ");
	ck_assert(d[T - 1] > d[0] / 2);
	/* At 2: it grows, settles, and the two resting points stay apart. */
	dial("2");
	gaps(2, T, d, ha, hb);
	publishes(d);
	ck_assert(d[1] > d[0]);
	lt_says(d[T - 1], 2, "grows a little and settles at ");
	gaps(2, 200, d, ha, hb);
	ck_assert_double_eq_tol(d[199], d[T - 1], 0.01);
	ck_assert(ha[199][0] > 0.9 && hb[199][0] < -0.8);
}
END_TEST

START_TEST(a_late_input_makes_the_bars_jump)
{
	double xa[T] = {1}, xb[T] = {-1}, ha[T][H], hb[T][H];
	Instance *in;
	Data out;

	open_lesson();
	in = wt_get(&t, "mem");
	wt_key(in, K_END);
	wt_key(in, K_DOWN);
	ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED | WIDGET_REDRAW);
	xb[T - 1] = 1;
	hand(xa, T, 1, ha);
	hand(xb, T, 1, hb);
	shows_step((const double(*)[H])hb, T - 1);
	ck_assert(scene_output(in, "distance", 0, &out));
	ck_assert_double_eq_tol(out.v[T - 1], dist(ha[T - 1], hb[T - 1]), 1e-12);
	ck_assert(out.v[T - 1] > 2 * out.v[T - 2]);
	lt_states("press <+> twice on sequence B: its last input becomes 1");
	/* The input stays within -3 .. 3: from 1, four more steps of 0.5 reach 3. */
	for (int i = 0; i < 4; i++)
		ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_char(in, '+'), WIDGET_IGNORED);
}
END_TEST

START_TEST(the_strip_at_three_widths)
{
	Instance *in;

	open_lesson();
	in = wt_get(&t, "mem");
	wt_golden("l4-memory-40", in, 40);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_golden("l4-memory-76", in, 76);
	wt_key(in, K_DOWN);
	wt_key(in, K_END);
	wt_golden("l4-memory-160", in, 160);
	wt_golden("l4-memory-gap", wt_get(&t, "gap"), 76);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("l4_memory");
	TCase *tc = tcase_create("memory");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, every_state_on_screen_is_tanh_by_hand);
	tcase_add_test(tc, the_weights_stay_while_the_step_moves);
	tcase_add_test(tc, what_the_text_measures_at_each_dial);
	tcase_add_test(tc, a_late_input_makes_the_bars_jump);
	tcase_add_test(tc, the_strip_at_three_widths);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
