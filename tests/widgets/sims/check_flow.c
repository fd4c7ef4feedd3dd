/* check_flow.c: the flow kind, as the lesson L4-flow uses it: the identity before
 * training, the held-out NLL against a flow trained here by the library from the same
 * seed, each layer's log-determinant against a numerical Jacobian, their sum against
 * log p(x) - log p(z), the round trip, the walk there and back, Space, goldens. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/flow.h"
#include "testlib.h"
#include "widgets/wtest.h"

enum { CLOUD = 120, HELD = 256, K = 6 };

static WTest t;
static Instance *in;

static void setup(void)
{
	wt_open_file(&t, "content/level4/flow.lesson");
	in = wt_get(&t, "warp");
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

/* Plays the training to its end (600 steps) with ticks, as the player would. */
static void train_to_the_end(void)
{
	size_t guard = 0;

	ck_assert(wt_char(in, ' ') & WIDGET_REDRAW);
	ck_assert(in->animating);
	while (in->animating && guard++ < 10000)
		in->ops->tick(in, 0.1);
	ck_assert_double_eq(num("step"), 600);
}

/* The lesson's recipe, written out here: flow_defaults on the moons (6 couplings, 32
 * hidden units, batches of 128, C = 2, Adam 0.003), seed 1, `steps` steps; the held-out
 * points are 256 moons from seed 2, the cloud 240 normals from seed 3. */
static void recipe(Flow *f, double *held, double *z0, size_t steps)
{
	FlowConfig c;
	size_t i;
	Rng r;

	flow_defaults(&c, TOYDIST_MOONS);
	c.seed = 1;
	ck_assert_int_eq(flow_init(f, &c), NN_OK);
	for (i = 0; i < steps; i++)
		flow_step(f);
	rng_seed(&r, 2);
	toydist_sample(held, TOYDIST_MOONS, HELD, &r);
	rng_seed(&r, 3);
	for (i = 0; i < 2 * CLOUD; i++)
		z0[i] = rng_normal(&r, 0, 1);
}

/* log N(z; 0, I) = -|z|^2 / 2 - ln(2 pi). */
static double log_normal(const double *z)
{
	return -0.5 * (z[0] * z[0] + z[1] * z[1]) - log(2 * M_PI);
}

/* The lesson: before training the flow is the identity: every layer's log|det| is 0,
 * the cloud at x is the cloud at z, and the held-out NLL is 2.375, the Gaussian's own
 * (mean of |x|^2/2 + ln 2 pi, by hand). */
START_TEST(untrained_it_is_the_identity)
{
	double held[2 * HELD], z0[2 * CLOUD], nll = 0;
	const double *c;
	Flow f;
	size_t i;

	recipe(&f, held, z0, 0);
	for (i = 0; i < HELD; i++)
		nll -= log_normal(held + 2 * i) / HELD;
	ck_assert_double_eq_tol(num("nll"), nll, 1e-12);
	ck_assert_double_eq(num("nll0"), num("nll"));
	ck_assert_msg(fabs(nll - 2.375) < 0.0005, "%g", nll);
	for (i = 0; i < K; i++)
		ck_assert_double_eq(vec("logdet", K)[i], 0.0);
	for (i = 0; i < K; i++)
		wt_key(in, K_RIGHT);
	c = vec("cloud", CLOUD);
	for (i = 0; i < 2 * CLOUD; i++)
		ck_assert_double_eq(c[i], z0[i]);
	flow_free(&f);
}
END_TEST

/* The numerical Jacobian of layer k (data to z) at p, by central differences: its
 * log|det|. */
static double fd_logdet(Flow *f, size_t k, const double *p)
{
	double J[4], q[2], a[2], b[2], h = 1e-6;
	size_t j;

	for (j = 0; j < 2; j++) {
		memcpy(q, p, sizeof q);
		q[j] += h;
		flow_layer(a, NULL, f, k, q, 1, 0);
		q[j] -= 2 * h;
		flow_layer(b, NULL, f, k, q, 1, 0);
		J[0 + j] = (a[0] - b[0]) / (2 * h);
		J[2 + j] = (a[1] - b[1]) / (2 * h);
	}
	return log(fabs(J[0] * J[3] - J[1] * J[2]));
}

/* The lesson, after the 600 steps: the held-out NLL falls from 2.375 to 1.14 (the
 * library's log p of a flow trained here); each layer's mean log|det J_k| is the mean
 * over the cloud of the log-determinant of the layer's numerical Jacobian; they sum to
 * about 1.65, and that sum is exactly the mean of log p(x) - log N(z; 0, I) over the
 * cloud, with layer 3 squeezing and layer 0 stretching most; the round trip
 * z -> x -> z is off by about 1e-15 (below 1e-14), not 0. */
START_TEST(training_and_the_log_determinants)
{
	double held[2 * HELD], z0[2 * CLOUD], lp[HELD], x[2 * CLOUD], back[2 * CLOUD];
	double cur[2 * CLOUD], nll = 0, sum = 0, gain = 0, trip = 0;
	const double *ld;
	Flow f;
	size_t i, j;

	train_to_the_end();
	recipe(&f, held, z0, 600);
	flow_log_prob(lp, &f, held, HELD);
	for (i = 0; i < HELD; i++)
		nll -= lp[i] / HELD;
	ck_assert_double_eq_tol(num("nll"), nll, 1e-9);
	ck_assert_msg(fabs(nll - 1.14) < 0.005, "%g", nll);
	ck_assert(num("nll0") - nll > 1.2);
	ld = vec("logdet", K);
	memcpy(cur, z0, sizeof cur);
	for (j = 0; j < K; j++) {
		size_t k = K - 1 - j;
		double m = 0;
		flow_layer(cur, NULL, &f, k, cur, CLOUD, 1); /* towards x: the layer undone */
		for (i = 0; i < CLOUD; i++)
			m += fd_logdet(&f, k, cur + 2 * i) / CLOUD;
		ck_assert_msg(fabs(ld[k] - m) < 1e-6, "layer %zu: %g vs %g", k, ld[k], m);
		sum += ld[k];
	}
	ck_assert_msg(fabs(sum - 1.65) < 0.01, "sum %g", sum);
	/* layer 3 squeezes (about -0.44), layer 0 stretches most (about 0.91) */
	ck_assert_msg(fabs(ld[3] + 0.44) < 0.01 && fabs(ld[0] - 0.91) < 0.01, "%g %g", ld[3],
		      ld[0]);
	for (j = 1; j < K; j++)
		ck_assert(ld[j] < ld[0]);
	flow_inverse(x, &f, z0, CLOUD);
	flow_log_prob(lp, &f, x, CLOUD);
	for (i = 0; i < CLOUD; i++)
		gain += (lp[i] - log_normal(z0 + 2 * i)) / CLOUD;
	ck_assert_double_eq_tol(gain, sum, 1e-9);
	flow_forward(back, NULL, &f, x, CLOUD);
	for (i = 0; i < 2 * CLOUD; i++)
		trip = fmax(trip, fabs(back[i] - z0[i]));
	ck_assert_double_eq(num("trip"), trip);
	ck_assert_msg(trip > 0 && trip < 1e-14, "trip %g", trip);
	flow_free(&f);
}
END_TEST

/* Right carries the cloud through the layers' inverses, Left back through the layers;
 * each crossing adds -s (towards x) or s (towards z); after six steps up and six down the
 * cloud is where it started, to rounding. */
START_TEST(walking_there_and_back)
{
	double z0[2 * CLOUD];
	const double *ld;
	size_t i;

	train_to_the_end();
	memcpy(z0, vec("cloud", CLOUD), sizeof z0);
	ld = vec("logdet", K);
	ck_assert_int_eq(wt_key(in, K_LEFT), WIDGET_IGNORED); /* at z already */
	for (i = 0; i < K; i++) {
		ck_assert(wt_key(in, K_RIGHT) & WIDGET_REDRAW);
		ck_assert_double_eq(num("stage"), (double)i + 1);
		ck_assert_double_eq_tol(num("crossed"), -ld[K - 1 - i], 1e-12);
	}
	ck_assert_int_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED); /* at x */
	for (i = 0; i < K; i++) {
		wt_key(in, K_LEFT);
		ck_assert_double_eq_tol(num("crossed"), ld[i], 1e-9);
	}
	for (i = 0; i < 2 * CLOUD; i++)
		ck_assert(fabs(vec("cloud", CLOUD)[i] - z0[i]) < 1e-14);
}
END_TEST

/* Space plays and pauses; paused, a tick does nothing and asks for no more. */
START_TEST(space_plays_and_pauses)
{
	double step;

	ck_assert(!in->animating);
	ck_assert(!in->ops->tick(in, 1.0)); /* paused from the start */
	ck_assert_double_eq(num("step"), 0);
	wt_char(in, ' ');
	ck_assert(in->animating);
	ck_assert(in->ops->tick(in, 0.5)); /* 120 steps a second: 60 */
	ck_assert_double_eq(num("step"), 60);
	wt_char(in, ' ');
	ck_assert(!in->animating);
	step = num("step");
	ck_assert(!in->ops->tick(in, 1.0));
	ck_assert_double_eq(num("step"), step);
	ck_assert_int_eq(wt_char(in, 'x'), WIDGET_IGNORED);
}
END_TEST

START_TEST(goldens)
{
	WTest g;
	Instance *w;

	wt_open(&g, "@widget flow id=w start=60 stage=3\nalt: x\n@end\n");
	w = wt_get(&g, "w");
	wt_golden("flow-40", w, 40);
	wt_golden("flow-76", w, 76);
	wt_key(w, K_RIGHT);
	wt_golden("flow-160", w, 160);
	wt_close(&g);
}
END_TEST

static Suite *flow_suite(void)
{
	Suite *s = suite_create("flow");
	TCase *tc = tcase_create("flow");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, untrained_it_is_the_identity);
	tcase_add_test(tc, training_and_the_log_determinants);
	tcase_add_test(tc, walking_there_and_back);
	tcase_add_test(tc, space_plays_and_pauses);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(flow_suite());
}
