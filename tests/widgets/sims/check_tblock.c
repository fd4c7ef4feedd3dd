/* check_tblock.c: the tblock kind, as the lesson L3-sequences uses it: every stage's
 * matrix against the trained net's own node values, one attention row recomputed by
 * hand from the positions stage and the learned query and key matrices (causal
 * softmax(q k^T / sqrt(d))), both add-and-norm stages recomputed by hand (each row mean
 * 0 and variance 1 before the learned scale and shift), the head's guesses and the
 * numbers the lesson states, the keys, and goldens at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "nn/pairs.h"
#include "testlib.h"
#include "widgets/sims/tblock.h"
#include "widgets/wtest.h"

enum { D = 8, N = 3 };

static WTest t;

static void setup(void)
{
	wt_open_file(&t, "content/level3/sequences.lesson");
}

static void teardown(void)
{
	wt_close(&t);
}

/* The stage matrix after k presses of Right from the first stage. */
static Data stage(Instance *in, int k)
{
	Data d;
	int i;

	wt_key(in, K_HOME);
	for (i = 0; i < k; i++)
		ck_assert(wt_key(in, K_RIGHT) & WIDGET_HANDLED);
	ck_assert(scene_output(in, "stage", 0, &d));
	return d;
}

START_TEST(attention_row_by_hand)
{
	Instance *in = wt_get(&t, "block");
	NetId node[7];
	const Net *net = tblock_net(in, node);
	const double *wq = net_params_of(net, node[2]), *wk = wq + D * D;
	double x[N][D], q[N][D], k[N][D], a[N][N];
	Data d = stage(in, 1);
	int i, j, c;

	ck_assert_uint_eq(d.rows, N);
	ck_assert_uint_eq(d.cols, D);
	memcpy(x, d.v, sizeof x);
	for (i = 0; i < N; i++)
		for (c = 0; c < D; c++) {
			q[i][c] = k[i][c] = 0;
			for (j = 0; j < D; j++) {
				q[i][c] += x[i][j] * wq[c * D + j];
				k[i][c] += x[i][j] * wk[c * D + j];
			}
		}
	for (i = 0; i < N; i++) {
		double sum = 0, s[N];
		for (j = 0; j <= i; j++) {
			s[j] = 0;
			for (c = 0; c < D; c++)
				s[j] += q[i][c] * k[j][c];
			s[j] = exp(s[j] / sqrt((double)D));
			sum += s[j];
		}
		for (j = 0; j < N; j++)
			a[i][j] = j <= i ? s[j] / sum : 0.0;
	}
	d = stage(in, 2);
	ck_assert_uint_eq(d.rows, N);
	ck_assert_uint_eq(d.cols, N);
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++)
			ck_assert_double_eq_tol(d.v[i * N + j], a[i][j], 1e-12);
	/* the lesson: "cat" gives 0.79 to "the", 0.21 to itself; "sits" looks at "cat" */
	ck_assert_double_eq_tol(a[1][0], 0.79, 0.005);
	ck_assert(a[2][1] > 0.995);
}
END_TEST

/* Stage k = LayerNorm(stage `a` + node `b`) with the node's learned g and b. */
static void check_norm(Instance *in, int k, const double *resid, const double *add)
{
	NetId node[7];
	const Net *net = tblock_net(in, node);
	const double *g = net_params_of(net, node[k]), *b = g + D;
	Data d = stage(in, k);
	int i, c;

	for (i = 0; i < N; i++) {
		double v[D], mu = 0, var = 0, m2 = 0, v2 = 0;
		for (c = 0; c < D; c++)
			mu += v[c] = resid[i * D + c] + add[i * D + c];
		mu /= D;
		for (c = 0; c < D; c++)
			var += (v[c] - mu) * (v[c] - mu) / D;
		for (c = 0; c < D; c++) {
			double norm = (v[c] - mu) / sqrt(var + 1e-5), shown = d.v[i * D + c];
			ck_assert_double_eq_tol(shown, g[c] * norm + b[c], 1e-9);
			/* before the scale and shift: mean 0, variance 1 */
			norm = (shown - b[c]) / g[c];
			m2 += norm / D;
			v2 += norm * norm / D;
		}
		ck_assert_double_eq_tol(m2, 0.0, 1e-9);
		ck_assert_double_eq_tol(v2, 1.0, 1e-3); /* eps takes a little */
	}
}

START_TEST(add_and_norm_by_hand)
{
	Instance *in = wt_get(&t, "block");
	NetId node[7];
	const Net *net = tblock_net(in, node);
	double x[N * D], y[N * D], f[N * D];
	Data d = stage(in, 1);

	memcpy(x, d.v, sizeof x);
	check_norm(in, 3, x, net_value(net, node[2])); /* x + attention */
	d = stage(in, 3);
	memcpy(y, d.v, sizeof y);
	d = stage(in, 4); /* the feed-forward's output: the node's own values */
	memcpy(f, d.v, sizeof f);
	ck_assert(memcmp(f, net_value(net, node[4]), sizeof f) == 0);
	check_norm(in, 5, y, f);
}
END_TEST

START_TEST(the_head_guesses)
{
	Instance *in = wt_get(&t, "block");
	NetId node[7];
	const Net *net = tblock_net(in, node);
	size_t v = pairs_vocab_size(PAIRS_EN), i, k;
	Data d = stage(in, 6);
	char *s;
	static const char *const want[N] = {"girl", "is", "<eos>"};
	static const double p_want[N] = {0.19, 0.27, 1.00};

	ck_assert_uint_eq(d.rows, N);
	ck_assert_uint_eq(d.cols, 1);
	s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
	for (i = 0; i < N; i++) {
		const double *z = net_value(net, node[6]) + i * v;
		double sum = 0, p;
		size_t best = 0, g = tblock_guess(in, i, &p);
		char line[64];
		for (k = 0; k < v; k++) {
			sum += exp(z[k]);
			best = z[k] > z[best] ? k : best;
		}
		ck_assert_uint_eq(g, best);
		ck_assert_double_eq_tol(d.v[i], exp(z[best]) / sum, 1e-9);
		ck_assert_str_eq(pairs_word(PAIRS_EN, best), want[i]);
		ck_assert_double_eq_tol(d.v[i], p_want[i], 0.005);
		snprintf(line, sizeof line, "\"%s\" (p = %.2f)", want[i], p_want[i]);
		ck_assert_msg(strstr(s, line) != NULL, "no \"%s\" in\n%s", line, s);
	}
	free(s);
	ck_assert_int_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
}
END_TEST

START_TEST(goldens)
{
	Instance *in = wt_get(&t, "block");

	stage(in, 2);
	wt_golden("tblock-40", in, 40);
	wt_golden("tblock-76", in, 76);
	wt_golden("tblock-160", in, 160);
	wt_golden_plain("tblock-map-76", wt_get(&t, "block-map"), 76);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tblock");
	TCase *tc = tcase_create("tblock");

	tcase_set_timeout(tc, 120); /* trains the block in every test */
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, attention_row_by_hand);
	tcase_add_test(tc, add_and_norm_by_hand);
	tcase_add_test(tc, the_head_guesses);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
