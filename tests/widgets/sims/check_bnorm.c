/* check_bnorm.c: the bnorm kind ("Re-centering") against an independent computation: the
 * ReLU stack built again here from the documented draws (weights N(0, (g/sqrt(n))^2)
 * layer by layer row-major, then the inputs N(0, 1)), its forward pass written out by
 * hand with and without batch norm (each neuron's mean and biased variance over the
 * batch, x^ = (x - mu) / sqrt(var + 1e-5)), the shown neuron's mean, variance and
 * histogram at every layer compared with what the widget publishes; the switch, keys and
 * animation commands it obeys; the numbers lesson L4-deep states; goldens. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/rng.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

enum { L = 10, N = 32, B = 200 };

/* The stack as the test sees it: totals z and normalized totals xh of every layer. */
typedef struct {
	double w[L][N][N]; /* w[l][j][i]: input i to neuron j of layer l + 1 */
	double x[B][N], h[B][N];
	double z[L][B][N], xh[L][B][N];
} Hand;

static void hand_run(Hand *h, bool bn)
{
	Rng r;
	int l, j, i, b;

	rng_seed(&r, 1);
	for (l = 0; l < L; l++)
		for (j = 0; j < N; j++)
			for (i = 0; i < N; i++)
				h->w[l][j][i] = rng_normal(&r, 0, 1.4 / sqrt(N));
	for (b = 0; b < B; b++)
		for (i = 0; i < N; i++)
			h->x[b][i] = h->h[b][i] = rng_normal(&r, 0, 1);
	for (l = 0; l < L; l++) {
		for (b = 0; b < B; b++)
			for (j = 0; j < N; j++) {
				double s = 0;
				for (i = 0; i < N; i++)
					s += h->w[l][j][i] * h->h[b][i];
				h->z[l][b][j] = s;
			}
		for (j = 0; j < N; j++) { /* batch norm by the book, gamma 1, beta 0 */
			double mu = 0, var = 0;
			for (b = 0; b < B; b++)
				mu += h->z[l][b][j] / B;
			for (b = 0; b < B; b++)
				var += (h->z[l][b][j] - mu) * (h->z[l][b][j] - mu) / B;
			for (b = 0; b < B; b++)
				h->xh[l][b][j] = (h->z[l][b][j] - mu) / sqrt(var + 1e-5);
		}
		for (b = 0; b < B; b++)
			for (j = 0; j < N; j++) {
				double v = bn ? h->xh[l][b][j] : h->z[l][b][j];
				h->h[b][j] = v > 0 ? v : 0;
			}
	}
}

/* Mean and variance of neuron 1's values of one layer, by a second route: the sum of
 * squares less n times the squared mean. */
static void moments(const double v[B][N], double *mean, double *var)
{
	double s = 0, q = 0;
	int b;

	for (b = 0; b < B; b++)
		s += v[b][0], q += v[b][0] * v[b][0];
	*mean = s / B;
	*var = q / B - *mean * *mean;
}

static double out(const Instance *in, const char *name)
{
	Data d;

	ck_assert(scene_output(in, name, 0, &d));
	return d.scalar;
}

static bool near(double a, double b)
{
	return fabs(a - b) <= 1e-9 * (1 + fabs(b));
}

/* The widget at layer l agrees with the hand: moments and histogram (12 bins of 1 from
 * -6). */
static void check_layer(const Instance *in, const Hand *h, int l, bool bn)
{
	double m, v, tm, tv, hist[12] = {0};
	Data d;
	int b, k;

	moments((const double(*)[N])h->z[l], &tm, &tv);
	moments((const double(*)[N])(bn ? h->xh[l] : h->z[l]), &m, &v);
	ck_assert_msg(near(out(in, "total_mean"), tm), "layer %d: %g, %g", l + 1,
		      out(in, "total_mean"), tm);
	ck_assert(near(out(in, "total_var"), tv));
	ck_assert(near(out(in, "mean"), m));
	ck_assert(near(out(in, "var"), v));
	if (bn) { /* normalized: mean 0, variance var / (var + eps), just under 1 */
		ck_assert(fabs(m) < 1e-12);
		ck_assert(fabs(v - tv / (tv + 1e-5)) < 1e-9);
	}
	for (b = 0; b < B; b++) {
		double x = bn ? h->xh[l][b][0] : h->z[l][b][0];
		if (x >= -6 && x < 6)
			hist[(int)floor(x + 6)]++;
	}
	ck_assert(scene_output(in, "hist", 0, &d));
	ck_assert_uint_eq(d.n, 12);
	for (k = 0; k < 12; k++)
		ck_assert_msg(d.v[k] == hist[k], "layer %d bin %d: %g, %g", l + 1, k, d.v[k],
			      hist[k]);
	ck_assert_str_eq(d.labels[0], "-5.5");
	ck_assert_str_eq(d.labels[11], "5.5");
}

static const char controls[] =
    "@widget switch id=bnon label=BN value=off\nalt: a\n@end\n"
    "@widget animation id=play target=stack\nalt: a\n@end\n"
    "@widget bnorm id=stack bn_from=bnon\nalt: a\n@end\n"
    "@widget bars id=hist of=stack:hist\nalt: a\n@end\n";

START_TEST(bnorm_matches_hand)
{
	static Hand h;
	WTest t;
	Instance *in;
	int bn, l;

	wt_open(&t, controls);
	in = wt_get(&t, "stack");
	for (bn = 0; bn < 2; bn++) {
		hand_run(&h, bn);
		for (l = 0; l < L; l++) {
			check_layer(in, &h, l, bn);
			wt_key(in, K_RIGHT);
		}
		wt_key(in, K_HOME);
		if (!bn) {
			wt_char(wt_get(&t, "bnon"), ' ');
			scene_changed(&t.scene);
		}
	}
	wt_close(&t);
}
END_TEST

/* The animation controller walks the layers; paused, nothing animates. */
START_TEST(bnorm_plays_layers)
{
	static Hand h;
	WTest t;
	Instance *in;
	AnimState st;
	int k;

	wt_open(&t, controls);
	in = wt_get(&t, "stack");
	hand_run(&h, false);
	ck_assert(!in->animating);
	in->kind->ops->animate(in, ANIM_STEP, 0);
	check_layer(in, &h, 1, false);
	ck_assert(!in->animating);
	in->kind->ops->animate(in, ANIM_PLAY, 0);
	ck_assert(in->animating);
	for (k = 0; k < 3; k++)
		in->kind->ops->tick(in, 1.0);
	check_layer(in, &h, 4, false);
	in->kind->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 5);
	ck_assert_int_eq(st.steps, 10);
	for (k = 0; k < 20; k++)
		in->kind->ops->tick(in, 1.0);
	ck_assert(!in->animating); /* it stops at the last layer */
	check_layer(in, &h, 9, false);
	wt_close(&t);
}
END_TEST

/* Every number lesson L4-deep states about batch norm, read from its own widgets. */
START_TEST(bnorm_lesson_claims)
{
	static Hand h;
	WTest t;
	Instance *in;
	char s[32];
	int l;

	wt_open_file(&t, "content/level4/deep.lesson");
	in = wt_get(&t, "stack");
	hand_run(&h, false);
	check_layer(in, &h, 0, false);
	snprintf(s, sizeof s, "%.3f %.2f", out(in, "mean"), out(in, "var"));
	ck_assert_str_eq(s, "-0.083 2.04");
	wt_key(in, K_RIGHT), wt_key(in, K_RIGHT);
	snprintf(s, sizeof s, "%.2f", out(in, "mean"));
	ck_assert_str_eq(s, "-1.39");
	wt_key(in, K_RIGHT), wt_key(in, K_RIGHT), wt_key(in, K_RIGHT);
	snprintf(s, sizeof s, "%.2f", out(in, "mean"));
	ck_assert_str_eq(s, "2.20");
	wt_key(in, K_END);
	check_layer(in, &h, 9, false);
	snprintf(s, sizeof s, "%.3f", out(in, "var"));
	ck_assert_str_eq(s, "0.023");
	{ /* almost all 200 values in a single bin */
		Data d;
		ck_assert(scene_output(in, "hist", 0, &d));
		ck_assert(d.v[6] >= 170 || d.v[5] >= 170);
	}
	wt_char(wt_get(&t, "bnon"), ' ');
	scene_changed(&t.scene);
	wt_key(in, K_HOME);
	hand_run(&h, true);
	for (l = 0; l < L; l++) {
		check_layer(in, &h, l, true);
		snprintf(s, sizeof s, "%.3f %.3f", fabs(out(in, "mean")), out(in, "var"));
		ck_assert_str_eq(s, "0.000 1.000");
		wt_key(in, K_RIGHT);
	}
	wt_close(&t);
}
END_TEST

START_TEST(bnorm_goldens)
{
	WTest t;
	Instance *in;

	wt_open(&t, controls);
	in = wt_get(&t, "stack");
	wt_key(in, K_RIGHT), wt_key(in, K_RIGHT);
	wt_golden("bnorm-40", in, 40);
	wt_golden("bnorm-76", in, 76);
	wt_golden("bnorm-160", in, 160);
	wt_golden("bnorm-bars-76", wt_get(&t, "hist"), 76);
	wt_char(wt_get(&t, "bnon"), ' ');
	scene_changed(&t.scene);
	wt_golden("bnorm-on-40", in, 40);
	wt_golden("bnorm-on-76", in, 76);
	wt_golden("bnorm-on-160", in, 160);
	wt_golden("bnorm-bars-on-76", wt_get(&t, "hist"), 76);
	wt_close(&t);
}
END_TEST

static Suite *bnorm_suite(void)
{
	Suite *s = suite_create("bnorm");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, bnorm_matches_hand);
	tcase_add_test(tc, bnorm_plays_layers);
	tcase_add_test(tc, bnorm_lesson_claims);
	tcase_add_test(tc, bnorm_goldens);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(bnorm_suite());
}
