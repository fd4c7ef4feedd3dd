/* check_f_init.c: Keeping the signal alive (content/frontier/init.lesson): the deep net
 * built again here from the documented draws (weights layer by layer row-major, then
 * the inputs and the gradient, all normal), its forward and backward passes written
 * out by hand, each layer's variance compared with what the lesson's varflow widget
 * publishes for every start and activation it offers, each layer's factor against the
 * one the derivation gives (n Var(w), halved by ReLU), and every number and claim the
 * lesson makes about them. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/rng.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"

enum { L = 20, N = 64, B = 64 };

static WTest t;
static double w[L][N][N], z[L][B][N], h[L][B][N], d[B][N], dh[B][N], x[B][N];
static double fwd[L], bwd[L];

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

static double var(const double *v, int n)
{
	double s = 0, q = 0;
	int i;

	for (i = 0; i < n; i++)
		s += v[i], q += v[i] * v[i];
	return q / n - (s / n) * (s / n);
}

/* act: 0 identity, 1 tanh, 2 relu; sigma: the weights' spread. */
static void by_hand(int act, double sigma)
{
	int l, r, i, j;
	Rng g;

	rng_seed(&g, 1);
	for (l = 0; l < L; l++)
		for (j = 0; j < N; j++)
			for (i = 0; i < N; i++)
				w[l][j][i] = rng_normal(&g, 0, sigma);
	for (r = 0; r < B; r++)
		for (i = 0; i < N; i++)
			x[r][i] = rng_normal(&g, 0, 1);
	for (r = 0; r < B; r++)
		for (i = 0; i < N; i++)
			dh[r][i] = rng_normal(&g, 0, 1);
	for (l = 0; l < L; l++) {
		for (r = 0; r < B; r++)
			for (j = 0; j < N; j++) {
				double s = 0;
				for (i = 0; i < N; i++)
					s += w[l][j][i] * (l ? h[l - 1][r][i] : x[r][i]);
				z[l][r][j] = s;
				h[l][r][j] = act == 0 ? s : act == 1 ? tanh(s) : s > 0 ? s : 0;
			}
		fwd[l] = var(&z[l][0][0], B * N);
	}
	for (l = L; l-- > 0;) {
		for (r = 0; r < B; r++)
			for (j = 0; j < N; j++) {
				double s = z[l][r][j], th = tanh(s);
				d[r][j] = dh[r][j] * (act == 0 ? 1 : act == 1 ? 1 - th * th : s > 0 ? 1 : 0);
			}
		bwd[l] = var(&d[0][0], B * N);
		for (r = 0; r < B; r++)
			for (i = 0; i < N; i++) {
				double s = 0;
				for (j = 0; j < N; j++)
					s += w[l][j][i] * d[r][j];
				dh[r][i] = s;
			}
	}
}

/* Opens the lesson's widgets and picks start and activation (their options' index). */
static void pick(int start, int act)
{
	static const char *const ids[] = {"start", "fact", "vf"};
	Instance *in;
	int i;

	lt_load("frontier/init.lesson");
	lt_open_widgets(&t, ids, 3);
	in = wt_get(&t, "start");
	for (i = 0; i < start; i++)
		wt_key(in, K_RIGHT);
	in = wt_get(&t, "fact");
	for (i = 0; i < act; i++)
		wt_key(in, K_RIGHT);
	in = wt_get(&t, "vf");
	in->kind->ops->tick(in, 0.1);
}

static void says(const char *fmt, double v)
{
	char buf[300];

	snprintf(buf, sizeof buf, "%s%.3g", fmt, v);
	lt_states(buf);
}

START_TEST(every_start_and_activation_by_hand)
{
	const double sigmas[3] = {0.01, sqrt(2.0 / (N + N)), sqrt(2.0 / N)};
	Data f, b;
	int s, a, l;

	for (s = 0; s < 3; s++)
		for (a = 0; a < 3; a++) {
			by_hand(a, sigmas[s]);
			pick(s, a);
			ck_assert(scene_output(wt_get(&t, "vf"), "forward", 0, &f) && f.n == L);
			ck_assert(scene_output(wt_get(&t, "vf"), "backward", 0, &b) && b.n == L);
			for (l = 0; l < L; l++) {
				ck_assert_double_eq_tol(f.v[l], fwd[l], 1e-9 * fwd[l]);
				ck_assert_double_eq_tol(b.v[l], bwd[l], 1e-9 * bwd[l]);
			}
			wt_close(&t);
			memset(&t, 0, sizeof t);
			lt_free();
		}
}
END_TEST

START_TEST(the_lesson_tells_what_is_measured)
{
	char *text;
	int l;

	lt_load("frontier/init.lesson");
	/* small start, identity: both directions collapse by some 42 orders */
	by_hand(0, 0.01);
	ck_assert(fabs(fwd[0] - 0.0062) < 0.00005);
	lt_states("the signal dies: 0.0062 at layer 1, 1.4e-44 at layer 20");
	ck_assert(fabs(fwd[L - 1] - 1.4e-44) < 0.05e-44);
	ck_assert(fabs(bwd[0] / bwd[L - 1] - 1.9e-42) < 0.05e-42);
	lt_states("layer 1's delta has 1.9e-42 of layer 20's variance");
	ck_assert(fabs(pow(64 * 1e-4, 19) - 2.1e-42) < 0.05e-42); /* the prediction */
	says("Measured with no activation: ", fwd[L - 1] / fwd[0]);
	/* the widget's own lines say the same */
	pick(0, 0);
	text = wt_draw(wt_get(&t, "vf"), 76, wt_ascii, false);
	ck_assert_msg(strstr(text, "forward: Var(z) at layer 20 is 2.21e-42 times layer 1's"), "%s",
		      text);
	ck_assert_msg(strstr(text, "Var(w) = 1e-4") || strstr(text, "Var(w) = 0.0001"), "%s", text);
	free(text);
	wt_close(&t);
	memset(&t, 0, sizeof t);
	lt_free();
	lt_load("frontier/init.lesson");
	/* Xavier, identity: flat */
	by_hand(0, sqrt(2.0 / (N + N)));
	says("Var(z) at layer 20 is ", fwd[L - 1] / fwd[0]);
	says("and the gradient at layer 1 keeps ", bwd[0] / bwd[L - 1]);
	says("64 × 2/128 = 1. Measured: ", fwd[L - 1] / fwd[0]);
	/* Xavier, ReLU: about half per layer */
	by_hand(2, sqrt(2.0 / (N + N)));
	ck_assert(fabs(pow(0.5, 19) - 1.9e-6) < 0.05e-6);
	ck_assert(fabs(fwd[L - 1] / fwd[0] - 7.0e-7) < 0.05e-7);
	lt_states("0.5¹⁹ ≈ 1.9e-6. Measured: 7.0e-7, the same order");
	ck_assert(fabs(pow(fwd[L - 1] / fwd[0], 1.0 / 19) - 0.47) < 0.005);
	lt_states("*xavier* with *relu* loses about half per layer (0.47 on average over the 19 steps)");
	/* He, ReLU: within a factor of three of layer 1 all the way down */
	by_hand(2, sqrt(2.0 / N));
	{
		double lo = INFINITY, hi = 0, blo = INFINITY, bhi = 0;
		char buf[200];
		for (l = 0; l < L; l++) {
			lo = fmin(lo, fwd[l]), hi = fmax(hi, fwd[l]);
			blo = fmin(blo, bwd[l]), bhi = fmax(bhi, bwd[l]);
		}
		ck_assert(hi / lo < 4 && bhi / blo < 4);
		snprintf(buf, sizeof buf, "every Var(z) lies between %.3g and %.3g, every Var(delta) between %.3g and %.3g, never more than a factor of four apart",
			 lo, hi, blo, bhi);
		lt_states(buf);
	}
	says("Measured: ", fwd[L - 1] / fwd[0]);
	lt_states("Measured: 0.367 forward and 0.559 backward over the whole depth");
	ck_assert(fabs(bwd[0] / bwd[L - 1] - 0.559) < 0.0005);
	says("Var(z) at layer 20 is ", fwd[L - 1] / fwd[0]);
	says("and the gradient at layer 1 keeps ", bwd[0] / bwd[L - 1]);
	/* He, identity: doubles */
	by_hand(0, sqrt(2.0 / N));
	ck_assert(fabs(pow(2, 19) - 5.2e5) < 0.05e5);
	ck_assert(fabs(fwd[L - 1] / fwd[0] - 5.57e5) < 0.005e5);
	lt_states("2¹⁹ ≈ 5.2e5. Measured: 5.57e5.");
	/* tanh: Xavier drifts down slowly, small collapses */
	by_hand(1, sqrt(2.0 / (N + N)));
	says("of collapsing, to ", fwd[L - 1] / fwd[0]);
	for (l = 1; l < L; l++) /* slowly: never by more than a factor of 3 a layer */
		ck_assert(fwd[l] > fwd[l - 1] / 3);
	by_hand(1, 0.01);
	says("after 20 layers (the small start gives ", fwd[L - 1] / fwd[0]);
}
END_TEST

/* Layer by layer, each start multiplies the variance by about the factor the
 * derivation gives: n Var(w) without an activation, half that with ReLU (layer 1 reads
 * the raw inputs, so the ratios start at layer 2). */
START_TEST(each_layer_multiplies_by_the_derived_factor)
{
	static const struct {
		int act;
		double sigma2, factor, slack;
	} cases[] = {
	    {0, 1e-4, 64 * 1e-4, 2},          /* small, identity: 0.0064 */
	    {0, 1.0 / 64, 1, 1.5},            /* Xavier, identity: 1 */
	    {0, 2.0 / 64, 2, 1.5},            /* He, identity: 2 */
	    {2, 1.0 / 64, 0.5, 2.5},          /* Xavier, ReLU: 1/2 */
	    {2, 2.0 / 64, 1, 2.5},            /* He, ReLU: 1 */
	};
	size_t k;
	int l;

	for (k = 0; k < sizeof cases / sizeof *cases; k++) {
		double geo;
		by_hand(cases[k].act, sqrt(cases[k].sigma2));
		for (l = 1; l < L; l++) {
			double f = fwd[l] / fwd[l - 1], b = bwd[l - 1] / bwd[l];
			ck_assert_msg(f > cases[k].factor / cases[k].slack &&
					      f < cases[k].factor * cases[k].slack,
				      "case %zu layer %d: forward x%g", k, l + 1, f);
			ck_assert_msg(b > cases[k].factor / cases[k].slack &&
					      b < cases[k].factor * cases[k].slack,
				      "case %zu layer %d: backward x%g", k, l + 1, b);
		}
		/* and over the 18 steps from layer 2 to 20, within 12% of the factor */
		geo = pow(fwd[L - 1] / fwd[1], 1.0 / (L - 2));
		ck_assert_msg(fabs(geo / cases[k].factor - 1) < 0.12, "case %zu: x%g a layer", k, geo);
	}
}
END_TEST

START_TEST(goldens)
{
	pick(2, 2);
	wt_golden("varflow-76", wt_get(&t, "vf"), 76);
	wt_golden_plain("varflow-40", wt_get(&t, "vf"), 40);
	wt_golden_plain("varflow-160", wt_get(&t, "vf"), 160);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("f_init");
	TCase *tc = tcase_create("init");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_start_and_activation_by_hand);
	tcase_add_test(tc, the_lesson_tells_what_is_measured);
	tcase_add_test(tc, each_layer_multiplies_by_the_derived_factor);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
