/* check_vae.c: the vae kind, as the lesson L4-vae uses it: the input, its code (mu,
 * sigma) and the decoded samples against a VAE trained here by the library from the
 * same seed and recipe with the noise drawn here; the KL, reconstruction and spread by
 * hand; the figures the lesson states (sigma's effect on the spread, the KL of the
 * inputs, the prior's samples on the moons); the keys; goldens at 40, 76 and 160
 * columns. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/vae.h"
#include "testlib.h"
#include "widgets/wtest.h"

enum { INPUTS = 8, NS = 24, CLOUD = 300 };

static WTest t;
static Instance *in;

static void setup(void)
{
	wt_open_file(&t, "content/level4/vae.lesson");
	in = wt_get(&t, "vae");
}

static void teardown(void)
{
	wt_close(&t);
}

static const double *vec(const char *name, size_t n)
{
	Data d;

	ck_assert(scene_output(in, name, 0, &d));
	ck_assert_uint_eq(d.n, n);
	return d.v;
}

static double num(const char *name)
{
	return *vec(name, 1);
}

/* The lesson's recipe, written out here: vae_defaults on the moons (a code of 2, 32
 * hidden units, batches of 64, s = 0.1, Adam 0.003), seed 1, 1500 steps; the input
 * points are the first 8 moons drawn from seed 2, then 300 for the cloud behind. */
static void train_here(Vae *v)
{
	VaeConfig c;
	size_t i;

	vae_defaults(&c, TOYDIST_MOONS);
	c.seed = 1;
	ck_assert_int_eq(vae_init(v, &c), NN_OK);
	for (i = 0; i < 1500; i++)
		vae_step(v, NULL);
}

/* The noise of draw number `draw` (from 1): eps ~ N(0, 1) from seed 3, 48 numbers a
 * draw. */
static void noise_here(double *eps, size_t draw)
{
	Rng r;
	size_t i, d;

	rng_seed(&r, 3);
	for (d = 0; d < draw; d++)
		for (i = 0; i < 2 * NS; i++)
			eps[i] = rng_normal(&r, 0, 1);
}

static double spread_of(const double *xh)
{
	double mx = 0, my = 0, s = 0;
	size_t i;

	for (i = 0; i < NS; i++)
		mx += xh[2 * i] / NS, my += xh[2 * i + 1] / NS;
	for (i = 0; i < NS; i++)
		s += (pow(xh[2 * i] - mx, 2) + pow(xh[2 * i + 1] - my, 2)) / NS;
	return sqrt(s);
}

/* Everything on screen against the library run here: input 3 (after Right three
 * times), the second noise draw (r), the scale 1.5 (+ twice). */
START_TEST(code_and_samples_are_the_models)
{
	double pts[2 * INPUTS], mu[2], lv[2], eps[2 * NS], z[2 * NS], xh[2 * NS];
	double kl, rec = 0;
	const double *got;
	Vae v;
	Rng r;
	size_t i;

	wt_key(in, K_RIGHT), wt_key(in, K_RIGHT), wt_key(in, K_RIGHT);
	wt_char(in, 'r');
	wt_char(in, '+'), wt_char(in, '+');
	ck_assert_double_eq(num("scale"), 1.5);
	train_here(&v);
	rng_seed(&r, 2);
	toydist_sample(pts, TOYDIST_MOONS, INPUTS, &r);
	got = vec("input", 2);
	ck_assert_double_eq(got[0], pts[6]);
	ck_assert_double_eq(got[1], pts[7]);
	vae_encode(mu, lv, &v, pts + 6, 1);
	got = vec("mu", 2);
	ck_assert_double_eq_tol(got[0], mu[0], 1e-12);
	ck_assert_double_eq_tol(got[1], mu[1], 1e-12);
	got = vec("sigma", 2);
	ck_assert_double_eq_tol(got[0], exp(lv[0] / 2), 1e-12);
	ck_assert_double_eq_tol(got[1], exp(lv[1] / 2), 1e-12);
	noise_here(eps, 2);
	for (i = 0; i < 2 * NS; i++)
		z[i] = mu[i % 2] + 1.5 * exp(lv[i % 2] / 2) * eps[i];
	vae_decode(xh, &v, z, NS);
	got = vec("samples", NS);
	for (i = 0; i < 2 * NS; i++)
		ck_assert_double_eq_tol(got[i], xh[i], 1e-12);
	/* KL = 1/2 sum (mu^2 + sigma^2 - 1 - ln sigma^2), rec = mean |xh - x|^2 / (2 0.1^2) */
	kl = 0.5 * (mu[0] * mu[0] + exp(lv[0]) - 1 - lv[0] + mu[1] * mu[1] + exp(lv[1]) - 1 -
		    lv[1]);
	for (i = 0; i < NS; i++)
		rec += (pow(xh[2 * i] - pts[6], 2) + pow(xh[2 * i + 1] - pts[7], 2)) / 0.02 / NS;
	ck_assert_double_eq_tol(num("kl"), kl, 1e-12);
	ck_assert_double_eq_tol(num("rec"), rec, 1e-9);
	ck_assert_double_eq_tol(num("spread"), spread_of(xh), 1e-12);
	vae_free(&v);
}
END_TEST

/* The lesson: at s = 0 every sample decodes mu, one spot by the input (reconstruction
 * term 0.12); the spread grows with s, about 0.12 at s = 1 and twice that at s = 2,
 * while the reconstruction term grows faster (0.89 to 2.85). */
START_TEST(sigma_scale_spreads_the_samples)
{
	double spread[9], rec[9], mu_dec[2];
	const double *xh, *mu;
	Vae v;
	size_t i;

	for (i = 0; i < 4; i++)
		wt_char(in, '-');
	ck_assert(wt_char(in, '-') & WIDGET_HANDLED); /* already 0: stays */
	ck_assert_double_eq(num("scale"), 0.0);
	xh = vec("samples", NS);
	mu = vec("mu", 2);
	train_here(&v);
	vae_decode(mu_dec, &v, mu, 1);
	for (i = 0; i < NS; i++) {
		ck_assert_double_eq_tol(xh[2 * i], mu_dec[0], 1e-12);
		ck_assert_double_eq_tol(xh[2 * i + 1], mu_dec[1], 1e-12);
	}
	vae_free(&v);
	for (i = 0; i < 9; i++) {
		ck_assert_double_eq_tol(num("scale"), 0.25 * (double)i, 1e-15);
		spread[i] = num("spread");
		rec[i] = num("rec");
		wt_char(in, '+');
	}
	ck_assert_double_eq(num("scale"), 2.0); /* the largest: + stays */
	ck_assert(spread[0] < 1e-12); /* one spot, but for the rounding of its mean */
	ck_assert_msg(rec[0] > 0.10 && rec[0] < 0.15, "rec at s = 0: %g", rec[0]);
	for (i = 1; i < 9; i++) {
		ck_assert(spread[i] > spread[i - 1]);
		ck_assert(rec[i] > rec[i - 1]);
	}
	ck_assert_msg(fabs(spread[4] - 0.12) < 0.005, "spread at s = 1: %g", spread[4]);
	ck_assert_msg(spread[8] > 1.8 * spread[4] && spread[8] < 2.1 * spread[4], "%g vs %g",
		      spread[8], spread[4]);
	ck_assert_msg(fabs(rec[4] - 0.89) < 0.005 && fabs(rec[8] - 2.85) < 0.005, "%g, %g",
		      rec[4], rec[8]);
}
END_TEST

/* The lesson: every input's code is narrow (each sigma below 0.35, against the prior's
 * 1) and its KL about 3 (3.0 to 3.5); the first two inputs lie almost on one spot, and
 * so do their codes; the first input's sigma is (0.24, 0.19). */
START_TEST(codes_are_narrow_and_neighbours_stay_near)
{
	double x0[2], mu0[2];
	const double *sg;
	size_t i;

	sg = vec("sigma", 2);
	ck_assert(fabs(sg[0] - 0.24) < 0.005 && fabs(sg[1] - 0.19) < 0.005);
	memcpy(x0, vec("input", 2), sizeof x0);
	memcpy(mu0, vec("mu", 2), sizeof mu0);
	for (i = 0; i < INPUTS; i++) {
		sg = vec("sigma", 2);
		ck_assert_msg(sg[0] < 0.35 && sg[1] < 0.35, "input %zu: %g %g", i, sg[0], sg[1]);
		ck_assert_msg(num("kl") > 3.0 && num("kl") < 3.5, "input %zu: KL %g", i, num("kl"));
		if (i == 1) {
			const double *x = vec("input", 2), *mu = vec("mu", 2);
			ck_assert(hypot(x[0] - x0[0], x[1] - x0[1]) < 0.02);
			ck_assert(hypot(mu[0] - mu0[0], mu[1] - mu0[1]) < 0.05);
		}
		wt_key(in, K_RIGHT);
	}
	ck_assert_double_eq(vec("input", 2)[0], x0[0]); /* round to the first again */
}
END_TEST

/* The samples' nearest distance to the 300 target points drawn behind them (seed 2,
 * after the 8 inputs), counted when below 0.2. */
static size_t near_the_moons(void)
{
	double pts[2 * (INPUTS + CLOUD)];
	const double *x = vec("samples", NS), *c = pts + 2 * INPUTS;
	size_t i, j, near = 0;
	Rng r;

	rng_seed(&r, 2);
	toydist_sample(pts, TOYDIST_MOONS, INPUTS, &r);
	toydist_sample(pts + 2 * INPUTS, TOYDIST_MOONS, CLOUD, &r);
	for (i = 0; i < NS; i++) {
		double best = INFINITY;
		for (j = 0; j < CLOUD; j++)
			best = fmin(best, hypot(x[2 * i] - c[2 * j], x[2 * i + 1] - c[2 * j + 1]));
		near += best < 0.2;
	}
	return near;
}

/* The lesson: g samples the prior: mu 0, sigma 1, KL 0; about 21 of the 24 samples land
 * within 0.2 of a target point (21 in the first draw, 20 or more on average over 20
 * draws), spread far wider (0.88) than one input's code (0.12). */
START_TEST(the_prior_generates_the_moons)
{
	double mean = 0;
	size_t d;

	ck_assert(wt_char(in, 'g') & WIDGET_REDRAW);
	ck_assert_double_eq(vec("mu", 2)[0], 0.0);
	ck_assert_double_eq(vec("mu", 2)[1], 0.0);
	ck_assert_double_eq(vec("sigma", 2)[0], 1.0);
	ck_assert_double_eq(vec("sigma", 2)[1], 1.0);
	ck_assert_double_eq(num("kl"), 0.0);
	ck_assert_uint_eq(near_the_moons(), 21);
	ck_assert_msg(fabs(num("spread") - 0.88) < 0.005, "spread %g", num("spread"));
	for (d = 0; d < 20; d++) {
		mean += (double)near_the_moons() / 20;
		wt_char(in, 'r');
	}
	ck_assert_msg(mean >= 20, "mean %g", mean);
	wt_key(in, K_RIGHT); /* an input again: its code */
	ck_assert(vec("sigma", 2)[0] < 0.35);
}
END_TEST

START_TEST(keys)
{
	double mu[2], first[2 * NS];
	const double *x = vec("samples", NS);

	memcpy(mu, vec("mu", 2), sizeof mu);
	memcpy(first, x, sizeof first);
	ck_assert(wt_char(in, 'r') & WIDGET_REDRAW);
	ck_assert_double_eq(vec("mu", 2)[0], mu[0]); /* the same code, */
	ck_assert(vec("samples", NS)[0] != first[0]); /* new samples */
	ck_assert(wt_key(in, K_LEFT) & WIDGET_HANDLED); /* to the last input */
	ck_assert(vec("mu", 2)[0] != mu[0]);
	ck_assert_int_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	ck_assert_int_eq(wt_key(in, K_UP), WIDGET_IGNORED);
}
END_TEST

START_TEST(goldens)
{
	wt_golden("vae-40", in, 40);
	wt_golden("vae-76", in, 76);
	wt_char(in, 'g');
	wt_golden("vae-160", in, 160);
}
END_TEST

static Suite *vae_suite(void)
{
	Suite *s = suite_create("vae");
	TCase *tc = tcase_create("vae");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, code_and_samples_are_the_models);
	tcase_add_test(tc, sigma_scale_spreads_the_samples);
	tcase_add_test(tc, codes_are_narrow_and_neighbours_stay_near);
	tcase_add_test(tc, the_prior_generates_the_moons);
	tcase_add_test(tc, keys);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(vae_suite());
}
