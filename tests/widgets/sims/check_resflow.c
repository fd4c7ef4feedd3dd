/* check_resflow.c: the gradflow kind's blocks ("Bypass the Block") against an
 * independent computation: a stack of residual blocks h = s h_prev + a relu(W h_prev)
 * (s: 1 with the skip path, 0 without) built again here from the documented draws, its
 * forward and backward passes written out by hand, every block's signal size, delta
 * size and weight-gradient size compared with what the widget publishes; the switch and
 * slider it follows; the numbers lesson L4-deep states; goldens at 40, 76, 160. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/rng.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/sims/flowtest.h"
#include "widgets/wtest.h"

enum { ML = 24, MN = 16, MB = 16 };

/* The stack as the test sees it: L blocks of n relu neurons, a batch of b. */
typedef struct {
	int L, n, b;
	double a;  /* the branch scale */
	bool skip; /* the skip path */
	double w[ML][MN][MN]; /* w[l][j][i]: input i to neuron j of block l + 1 */
	double x[MB][MN], t[MB][MN];
	double z[ML][MB][MN], h[ML][MB][MN], d[ML][MB][MN], g[ML][MN][MN];
	double dh[MB][MN], next[MB][MN];
} Hand;

static void hand_build(Hand *h, int L, double scale, double a, bool skip)
{
	Rng r;
	int l, j, i;

	h->L = L, h->n = MN, h->b = MB, h->a = a, h->skip = skip;
	rng_seed(&r, 1);
	for (l = 0; l < L; l++)
		for (j = 0; j < h->n; j++)
			for (i = 0; i < h->n; i++)
				h->w[l][j][i] = rng_normal(&r, 0, scale / sqrt(h->n));
	for (j = 0; j < h->b; j++)
		for (i = 0; i < h->n; i++)
			h->x[j][i] = rng_normal(&r, 0, 1);
	for (j = 0; j < h->b; j++)
		for (i = 0; i < h->n; i++)
			h->t[j][i] = rng_uniform(&r);
}

/* Block l's input for example r, neuron i. */
static double input(const Hand *h, int l, int r, int i)
{
	return l ? h->h[l - 1][r][i] : h->x[r][i];
}

/* The forward pass; returns the mean squared error of the last block's output. */
static double hand_forward(Hand *h)
{
	double loss = 0;
	int l, r, j, i;

	for (l = 0; l < h->L; l++)
		for (r = 0; r < h->b; r++)
			for (j = 0; j < h->n; j++) {
				double z = 0;
				for (i = 0; i < h->n; i++)
					z += h->w[l][j][i] * input(h, l, r, i);
				h->z[l][r][j] = z;
				h->h[l][r][j] = h->a * (z > 0 ? z : 0) + (h->skip ? input(h, l, r, j) : 0);
			}
	for (r = 0; r < h->b; r++)
		for (j = 0; j < h->n; j++)
			loss += pow(h->h[h->L - 1][r][j] - h->t[r][j], 2);
	return loss / (h->b * h->n);
}

/* The backward pass: dL/dh from the loss, then per block the delta dL/dz, the weight
 * gradient and dL/dh of its input (through the weights, plus the skip path's copy). */
static void hand_backward(Hand *h)
{
	int l, r, j, i, L = h->L;

	for (r = 0; r < h->b; r++)
		for (j = 0; j < h->n; j++)
			h->dh[r][j] = 2 * (h->h[L - 1][r][j] - h->t[r][j]) / (h->b * h->n);
	for (l = L - 1; l >= 0; l--) {
		for (r = 0; r < h->b; r++)
			for (j = 0; j < h->n; j++)
				h->d[l][r][j] = h->z[l][r][j] > 0 ? h->a * h->dh[r][j] : 0;
		for (j = 0; j < h->n; j++)
			for (i = 0; i < h->n; i++) {
				double s = 0;
				for (r = 0; r < h->b; r++)
					s += h->d[l][r][j] * input(h, l, r, i);
				h->g[l][j][i] = s;
			}
		for (r = 0; r < h->b; r++)
			for (i = 0; i < h->n; i++) {
				double s = h->skip ? h->dh[r][i] : 0;
				for (j = 0; j < h->n; j++)
					s += h->w[l][j][i] * h->d[l][r][j];
				h->next[r][i] = s;
			}
		memcpy(h->dh, h->next, sizeof h->dh);
	}
}

static double signal_size(const Hand *h, int l)
{
	return size_of(&h->h[l][0][0], h->b * h->n);
}

static double delta_size(const Hand *h, int l)
{
	return size_of(&h->d[l][0][0], h->b * h->n);
}

static double grad_size(const Hand *h, int l)
{
	return size_of(&h->g[l][0][0], h->n * h->n);
}

/* Every size the widget publishes equals the hand's: 20 blocks, weight scale 1.4. */
static void check_against(const Instance *in, double a, bool skip)
{
	static Hand h;
	Data sg, d, g, r;
	int l;

	hand_build(&h, 20, 1.4, a, skip);
	hand_forward(&h);
	hand_backward(&h);
	output(in, "signals", &sg);
	output(in, "deltas", &d);
	output(in, "grads", &g);
	output(in, "ratio", &r);
	ck_assert_uint_eq(sg.n, 20);
	ck_assert_uint_eq(d.n, 20);
	for (l = 0; l < 20; l++) {
		ck_assert_msg(close_rel(sg.v[l], signal_size(&h, l)), "a %g skip %d block %d: %g, %g",
			      a, skip, l + 1, sg.v[l], signal_size(&h, l));
		ck_assert_msg(close_rel(d.v[l], delta_size(&h, l)), "a %g skip %d block %d: %g, %g",
			      a, skip, l + 1, d.v[l], delta_size(&h, l));
		ck_assert(close_rel(g.v[l], grad_size(&h, l)));
	}
	ck_assert(close_rel(r.scalar, delta_size(&h, 0) / delta_size(&h, 19)));
}

START_TEST(resflow_matches_hand)
{
	static const double as[] = {0, 0.1, 0.5, 1};
	size_t k;
	int skip;
	WTest t;

	for (skip = 0; skip < 2; skip++)
		for (k = 0; k < 4; k++) {
			char b[200];
			snprintf(b, sizeof b,
				 "@widget gradflow id=f layers=20 activation=relu scale=1.4 skip=%s "
				 "branch_scale=%g\nalt: a\n@end\n",
				 skip ? "yes" : "no", as[k]);
			wt_open(&t, b);
			if (as[k] > 0) /* at a = 0 every delta is 0 */
				check_against(wt_get(&t, "f"), as[k], skip);
			wt_close(&t);
		}
}
END_TEST

/* The hand's backward pass is the loss's slope: central differences of the hand's loss
 * for weights of the first, a middle and the last block, skip path on and off. */
START_TEST(resflow_hand_gradient_is_the_slope)
{
	static Hand h;
	static const int at[][3] = {{0, 0, 0}, {0, 3, 7}, {9, 5, 2}, {19, 8, 5}};
	size_t k;
	int skip;

	for (skip = 0; skip < 2; skip++)
		for (k = 0; k < sizeof at / sizeof *at; k++) {
			int l = at[k][0], j = at[k][1], i = at[k][2];
			double e = 1e-6, w, up, down, fd, g;
			hand_build(&h, 20, 1.4, skip ? 0.25 : 1, skip);
			hand_forward(&h);
			hand_backward(&h);
			g = h.g[l][j][i];
			w = h.w[l][j][i];
			h.w[l][j][i] = w + e;
			up = hand_forward(&h);
			h.w[l][j][i] = w - e;
			down = hand_forward(&h);
			fd = (up - down) / (2 * e);
			ck_assert_msg(fabs(fd - g) <= 1e-4 * fabs(g) + 1e-9,
				      "skip %d block %d w[%d][%d]: differences %g, hand %g", skip, l + 1,
				      j, i, fd, g);
		}
}
END_TEST

/* The lesson's stack with the skip path (set by its switch's Space) and the branch
 * scale (typed into its slider); returns the widget. */
static const Instance *set(WTest *t, bool skip, const char *a)
{
	double v;

	if (!scene_value(&t->scene, "skip", &v) || (v != 0) != skip)
		wt_char(wt_get(t, "skip"), ' ');
	wt_type(wt_get(t, "branch"), a, true);
	scene_changed(&t->scene);
	return wt_get(t, "res");
}

/* Block 20's signal over block 1's. */
static double grow(const Instance *in)
{
	Data s;

	output(in, "signals", &s);
	return s.v[19] / s.v[0];
}

static double ratio(const Instance *in)
{
	Data r;

	output(in, "ratio", &r);
	return r.scalar;
}

/* Every number lesson L4-deep states about the skip path, read from its widgets as the
 * learner sets them, each widget checked against the hand first. */
START_TEST(resflow_lesson_claims)
{
	WTest t;
	const Instance *in;

	wt_open_file(&t, "content/level4/deep.lesson");
	in = wt_get(&t, "res");
	check_against(in, 1, false);
	ck_assert_str_eq(num(grow(in), 3), "0.103");
	ck_assert_str_eq(num(ratio(in), 3), "0.234");
	in = set(&t, false, "0.5");
	check_against(in, 0.5, false);
	ck_assert_str_eq(num(ratio(in), 2), "6.8e-7");
	in = set(&t, false, "0.1");
	check_against(in, 0.1, false);
	ck_assert_str_eq(num(ratio(in), 2), "3.6e-20");
	in = set(&t, true, "1");
	check_against(in, 1, true);
	ck_assert_str_eq(num(grow(in), 3), "1.36e4"); /* 13,600 */
	ck_assert_str_eq(num(pow(grow(in), 1.0 / 19), 3), "1.65"); /* a block */
	ck_assert_str_eq(num(ratio(in), 3), "2.17e4"); /* 21,700 */
	in = set(&t, true, "0.1");
	check_against(in, 0.1, true);
	ck_assert_str_eq(num(grow(in), 3), "1.75");
	ck_assert_str_eq(num(ratio(in), 3), "2.09");
	/* a from 1 down to 0 with the skip path: the signal's growth falls all the way */
	{
		double last = 1e300, a;
		char text[8];
		for (a = 1; a > -0.01; a -= 0.05) {
			snprintf(text, sizeof text, "%.2f", fabs(a));
			double gr = grow(set(&t, true, text));
			ck_assert_msg(gr < last, "a %s: %g", text, gr);
			last = gr;
		}
		ck_assert(fabs(last - 1) < 1e-12); /* a = 0: every block passes its input on */
	}
	wt_close(&t);
}
END_TEST

static const char controls[] =
    "@widget switch id=skip label=Skip value=off\nalt: a\n@end\n"
    "@widget slider id=branch label=a range=0..1 value=1 step=0.05 digits=2\nalt: a\n@end\n"
    "@widget gradflow id=res layers=20 activation=relu scale=1.4 skip_from=skip "
    "branch_from=branch\nalt: a\n@end\n"
    "@widget bars id=sig of=res:signals scale=log range=1e-12..1e9\nalt: a\n@end\n";

START_TEST(resflow_follows_switch_and_slider)
{
	WTest t;
	Instance *res;
	Data d;
	unsigned long v;
	int k;

	wt_open(&t, controls);
	res = wt_get(&t, "res");
	check_against(res, 1, false);
	output(res, "signals", &d);
	v = d.version;
	wt_char(wt_get(&t, "skip"), ' ');
	scene_changed(&t.scene);
	check_against(res, 1, true);
	output(res, "signals", &d);
	ck_assert(d.version != v);
	for (k = 0; k < 18; k++)
		wt_key(wt_get(&t, "branch"), K_LEFT);
	scene_changed(&t.scene);
	ck_assert(fabs(wt_value(&t, "branch") - 0.1) < 1e-9);
	check_against(res, wt_value(&t, "branch"), true);
	wt_close(&t);
}
END_TEST

START_TEST(resflow_goldens)
{
	WTest t;
	int k;

	wt_open(&t, controls);
	wt_golden("resflow-40", wt_get(&t, "res"), 40);
	wt_golden("resflow-76", wt_get(&t, "res"), 76);
	wt_golden("resflow-160", wt_get(&t, "res"), 160);
	wt_char(wt_get(&t, "skip"), ' ');
	scene_changed(&t.scene);
	wt_golden("resflow-skip-76", wt_get(&t, "res"), 76);
	wt_golden("resflow-bars-skip-76", wt_get(&t, "sig"), 76);
	for (k = 0; k < 18; k++)
		wt_key(wt_get(&t, "branch"), K_LEFT);
	scene_changed(&t.scene);
	wt_golden("resflow-skip01-40", wt_get(&t, "res"), 40);
	wt_golden("resflow-skip01-76", wt_get(&t, "res"), 76);
	wt_golden("resflow-skip01-160", wt_get(&t, "res"), 160);
	wt_golden("resflow-bars-skip01-76", wt_get(&t, "sig"), 76);
	wt_close(&t);
}
END_TEST

static Suite *resflow_suite(void)
{
	Suite *s = suite_create("resflow");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, resflow_matches_hand);
	tcase_add_test(tc, resflow_hand_gradient_is_the_slope);
	tcase_add_test(tc, resflow_follows_switch_and_slider);
	tcase_add_test(tc, resflow_goldens);
	tcase_add_test(tc, resflow_lesson_claims);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(resflow_suite());
}
