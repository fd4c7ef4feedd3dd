/* check_r_attention.c: Self-attention, explained (content/reference/attention.lesson):
 * the worked attention's scores, scaled scores, weights and output recomputed here with
 * a softmax written out, for one head and for each of the two heads, with and without
 * the division and the causal mask, as the prose and the text alternative state them;
 * the spread of random scores against √d_k; the quiz's answer. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/lessons/lessontest.h"

enum { T = 4, D = 4 };

/* The lesson's vectors, token by token (the, cat, sat, it). */
static const double Q[T][D] = {{0, 0, 1, 0}, {0, 0, 1, 1}, {2, 0, 0, 0}, {2, 0, 0, 1}};
static const double K[T][D] = {{0, 0, 1, 0}, {2, 0, 0, 1}, {0, 2, 0, 1}, {1, 0, 0, 0}};
static const double V[T][D] = {{0.1, 0, 0, 0.2}, {1, 0.5, 0, 0}, {0, 0, 1, 0.5}, {0.2, 0.2, 0.2, 0.2}};

static WTest t;

static void setup(void)
{
	wt_open_file(&t, "content/reference/attention.lesson");
}

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* Query q's weights on the keys over columns [from, from + n), divided by √n or not,
 * with keys after q hidden when causal. */
static double qlen = 1; /* the queries' length, as + and - set it */

static void weights(double *w, int q, int from, int n, bool scale, bool causal)
{
	double s[T], sum = 0;
	int j, c;

	for (j = 0; j < T; j++) {
		s[j] = 0;
		for (c = from; c < from + n; c++)
			s[j] += qlen * Q[q][c] * K[j][c];
		if (scale)
			s[j] /= sqrt((double)n);
		s[j] = causal && j > q ? 0 : exp(s[j]);
		sum += s[j];
	}
	for (j = 0; j < T; j++)
		w[j] = s[j] / sum;
}

static const double *shown(const char *out, size_t *n)
{
	Data d;

	ck_assert(scene_output(wt_get(&t, "att"), out, 0, &d));
	*n = d.n ? d.n : d.rows * d.cols;
	return d.v;
}

/* Every weight the widget shows (all queries) and the chosen query's output. */
static void agrees(int query, int from, int n, bool scale, bool causal)
{
	size_t len, i, j;
	const double *p = shown("weights", &len), *y;
	double w[T], out[D] = {0};

	ck_assert_uint_eq(len, T * T);
	for (i = 0; i < T; i++) {
		weights(w, (int)i, from, n, scale, causal);
		for (j = 0; j < T; j++)
			ck_assert_double_eq_tol(p[i * T + j], w[j], 1e-12);
	}
	weights(w, query, from, n, scale, causal);
	for (j = 0; j < T; j++)
		for (i = 0; i < (size_t)n; i++)
			out[i] += w[j] * V[j][from + (int)i];
	y = shown("output", &len);
	ck_assert_uint_eq(len, (size_t)n);
	for (i = 0; i < (size_t)n; i++)
		ck_assert_double_eq_tol(y[i], out[i], 1e-12);
}

START_TEST(the_worked_example)
{
	Instance *in = wt_get(&t, "att");
	double w[T];
	char *s;

	agrees(3, 0, D, true, false);
	weights(w, 3, 0, D, true, false); /* the text alternative's and the prose's figures */
	ck_assert_double_eq_tol(w[0], 0.06, 0.005);
	ck_assert_double_eq_tol(w[1], 0.69, 0.005);
	ck_assert_double_eq_tol(w[2], 0.09, 0.005);
	ck_assert_double_eq_tol(w[3], 0.15, 0.005);
	s = wt_text(in, 76, wt_utf8, true, NULL, NULL);
	ck_assert_msg(strstr(s, "cat         5.00    2.50    0.69") != NULL, "%s", s);
	ck_assert(strstr(s, "output = weights × values = (0.73, 0.38, 0.12, 0.09)") != NULL);
	free(s);
	wt_char(in, 's'); /* no division */
	agrees(3, 0, D, false, false);
	weights(w, 3, 0, D, false, false);
	ck_assert_double_eq_tol(w[1], 0.93, 0.005);
	wt_char(in, 's');
	wt_char(in, '+'); /* queries twice, then four times as long */
	wt_char(in, '+');
	qlen = 4;
	agrees(3, 0, D, true, false);
	weights(w, 3, 0, D, true, false);
	ck_assert_double_eq_tol(w[1], 0.997, 0.0005);
	s = wt_text(in, 76, wt_utf8, true, NULL, NULL);
	ck_assert(strstr(s, "queries × 4") != NULL);
	free(s);
	ck_assert_int_eq(wt_char(in, '+'), WIDGET_HANDLED); /* 4 is the longest */
	for (int i = 0; i < 4; i++)
		wt_char(in, '-');
	qlen = 0.25;
	agrees(3, 0, D, true, false);
	weights(w, 3, 0, D, true, false);
	ck_assert_double_eq_tol(w[1], 0.35, 0.005);
	for (int i = 0; i < 4; i++)
		ck_assert_double_ge(w[1], w[i]); /* still the largest, just flatter */
	wt_char(in, '+');
	wt_char(in, '+');
	qlen = 1;
	s = wt_text(in, 76, wt_utf8, true, NULL, NULL);
	ck_assert(strstr(s, "queries ×") == NULL); /* back to the lesson's own */
	free(s);
	wt_char(in, 'h'); /* head 1: the first two numbers */
	agrees(3, 0, 2, true, false);
	weights(w, 3, 0, 2, true, false);
	ck_assert_double_eq_tol(w[1], 0.73, 0.005);
	wt_char(in, 'h'); /* head 2: the last two */
	agrees(3, 2, 2, true, false);
	weights(w, 3, 2, 2, true, false);
	ck_assert_double_eq_tol(w[1], 0.33, 0.005);
	ck_assert_double_eq_tol(w[2], 0.33, 0.005);
	wt_char(in, 'h'); /* back to one head */
	wt_char(in, 'm'); /* causal */
	wt_key(in, K_UP);
	wt_key(in, K_UP); /* the query of "cat" */
	agrees(1, 0, D, true, true);
	weights(w, 1, 0, D, true, true);
	ck_assert_double_eq_tol(w[0], 0.5, 1e-12); /* only "the" and itself, evenly */
	ck_assert_double_eq_tol(w[1], 0.5, 1e-12);
	s = wt_text(in, 76, wt_utf8, true, NULL, NULL);
	ck_assert(strstr(s, "sat         1.00       -    0.00  masked") != NULL);
	free(s);
}
END_TEST

/* The last line: the spread of raw scores is near √d_k, the divided one near 1. */
START_TEST(the_spread_grows_with_the_root)
{
	Instance *in = wt_get(&t, "att");
	static const char *const lines[] = {"d_k = 4: scores spread 2.", "d_k = 16: scores spread 4.",
	                                    "d_k = 64: scores spread 7.", "d_k = 256: scores spread 1"};
	char *s;
	int i;

	wt_char(in, '[');
	wt_char(in, '[');
	for (i = 0; i < 4; i++) {
		s = wt_text(in, 76, wt_utf8, false, NULL, NULL);
		ck_assert_msg(strstr(s, lines[i]) != NULL, "%s", s);
		ck_assert(strstr(s, "divided by the root 0.9") || strstr(s, "divided by the root 1.0"));
		free(s);
		wt_char(in, ']');
	}
	lt_load("reference/attention.lesson");
	ck_assert_double_eq(lt_quiz_field("q-att-spread", "answer"), sqrt(256));
	lt_quiz_wrong("q-att-spread", 256);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("r_attention");
	TCase *tc = tcase_create("r_attention");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_worked_example);
	tcase_add_test(tc, the_spread_grows_with_the_root);
	suite_add_tcase(s, tc);
	return test_main(s);
}
