/* check_flow.c: the coupling flow's inverse to 1e-12, its log-determinant against a
 * finite-difference Jacobian, its density integrating to 1, the NLL gradient against
 * central differences, and maximum-likelihood training that lowers the NLL. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "fdcheck.h"
#include "nn/flow.h"
#include "nntest.h"

/* Redraws every net's parameters (the last layer too, which starts at zero) so the
 * flow is far from the identity. */
static void scramble(Flow *f, double a, uint64_t seed)
{
	Rng r;
	size_t k, i;

	rng_seed(&r, seed);
	for (k = 0; k < f->cfg.layers; k++)
		for (i = 0; i < f->net[k].net.n_params; i++)
			f->net[k].net.params[i] = rng_range(&r, -a, a);
}

static void points(double *x, size_t n, uint64_t seed)
{
	Rng r;
	size_t i;

	rng_seed(&r, seed);
	for (i = 0; i < 2 * n; i++)
		x[i] = rng_range(&r, -4, 4);
}

START_TEST(an_untrained_flow_is_the_identity)
{
	FlowConfig c;
	Flow f;
	double x[20], z[20], ld[10];
	size_t i;

	flow_defaults(&c, TOYDIST_MOONS);
	ck_assert_int_eq(flow_init(&f, &c), NN_OK);
	points(x, 10, 1);
	flow_forward(z, ld, &f, x, 10);
	for (i = 0; i < 10; i++) {
		ck_assert_double_eq(z[2 * i], x[2 * i]);
		ck_assert_double_eq(z[2 * i + 1], x[2 * i + 1]);
		ck_assert_double_eq(ld[i], 0.0);
	}
	/* so log p is the standard normal's */
	flow_log_prob(ld, &f, x, 1);
	ck_assert_double_eq_tol(ld[0], -0.5 * (x[0] * x[0] + x[1] * x[1]) - log(2 * M_PI), 1e-14);
	flow_free(&f);
	c.target = TOYDIST_GAUSSIAN; /* 1-D */
	ck_assert_int_eq(flow_init(&f, &c), NN_ERR_ARG);
}
END_TEST

START_TEST(the_inverse_returns_the_input)
{
	enum { N = 300 };
	FlowConfig c;
	Flow f;
	double *x = malloc(2 * N * sizeof *x), *z = malloc(2 * N * sizeof *z);
	double *back = malloc(2 * N * sizeof *back), worst = 0.0, moved = 0.0;
	size_t i;

	flow_defaults(&c, TOYDIST_RING);
	c.batch = 64; /* N is done in chunks */
	ck_assert_int_eq(flow_init(&f, &c), NN_OK);
	scramble(&f, 0.5, 2);
	points(x, N, 3);
	flow_forward(z, NULL, &f, x, N);
	flow_inverse(back, &f, z, N);
	for (i = 0; i < 2 * N; i++) {
		worst = fmax(worst, fabs(back[i] - x[i]));
		moved = fmax(moved, fabs(z[i] - x[i]));
	}
	ck_assert_msg(worst < 1e-12, "inverse off by %g", worst);
	ck_assert(moved > 0.5); /* and the flow did move the points */
	/* layer by layer, forward then inverse, the same */
	flow_layer(z, NULL, &f, 3, x, N, 0);
	flow_layer(back, NULL, &f, 3, z, N, 1);
	for (i = 0; i < 2 * N; i++)
		ck_assert(fabs(back[i] - x[i]) < 1e-13);
	flow_free(&f);
	free(x), free(z), free(back);
}
END_TEST

/* log|det J| of the whole flow against the determinant of a central-difference
 * Jacobian, at points all over the plane. */
START_TEST(the_log_determinant_is_exact)
{
	FlowConfig c;
	Flow f;
	double x[2 * 25], z[2 * 25], ld[25], h = 1e-6;
	size_t i, j;

	flow_defaults(&c, TOYDIST_MOONS);
	ck_assert_int_eq(flow_init(&f, &c), NN_OK);
	scramble(&f, 0.5, 4);
	points(x, 25, 5);
	flow_forward(z, ld, &f, x, 25);
	for (i = 0; i < 25; i++) {
		double J[2][2], p[2], zp[2], zm[2], det, ldl = 0.0;
		for (j = 0; j < 2; j++) {
			p[0] = x[2 * i], p[1] = x[2 * i + 1];
			p[j] += h;
			flow_forward(zp, NULL, &f, p, 1);
			p[j] -= 2 * h;
			flow_forward(zm, NULL, &f, p, 1);
			J[0][j] = (zp[0] - zm[0]) / (2 * h);
			J[1][j] = (zp[1] - zm[1]) / (2 * h);
		}
		det = J[0][0] * J[1][1] - J[0][1] * J[1][0];
		ck_assert(det > 0); /* every coupling layer has det e^s > 0 */
		ldl = log(det);
		ck_assert_msg(fabs(ldl - ld[i]) < 1e-6, "point %zu: %g vs %g", i, ld[i], ldl);
	}
	ck_assert(fd_max_abs(ld, 25) > 0.1);
	flow_free(&f);
}
END_TEST

typedef struct {
	Flow *f;
	const double *x;
	size_t n;
} Ctx;

static double nll(void *p)
{
	Ctx *c = p;
	return flow_nll(c->f, c->x, c->n);
}

START_TEST(nll_gradient_matches_finite_differences)
{
	FlowConfig c;
	Flow f;
	double x[2 * 5], err;
	Ctx ctx;
	size_t k, worst = 0;

	flow_defaults(&c, TOYDIST_MOONS);
	c.layers = 3;
	c.hidden = 4;
	c.batch = 5;
	ck_assert_int_eq(flow_init(&f, &c), NN_OK);
	scramble(&f, 0.7, 6);
	points(x, 5, 7);
	ctx.f = &f, ctx.x = x, ctx.n = 5;
	flow_nll(&f, x, 5);
	flow_backward(&f, x, 5);
	for (k = 0; k < c.layers; k++) {
		MlpUnit *u = &f.net[k];
		ck_assert(fd_max_abs(u->grad, u->net.n_params) > 1e-3);
		err = fd_check(u->net.params, u->grad, u->net.n_params, nll, &ctx, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "layer %zu: %g at %zu", k, err, worst);
	}
	flow_free(&f);
}
END_TEST

/* Maximum likelihood on the moons: the NLL falls, samples reach the target, the density
 * still integrates to 1 and the inverse still returns the input. */
START_TEST(training_lowers_the_nll)
{
	enum { STEPS = 500, NS = 300, G = 200 };
	FlowConfig c;
	Flow f;
	double first, late = 0.0, mass = 0.0, e0, e1, worst = 0.0;
	double *real = malloc(2 * NS * sizeof *real), *fake = malloc(2 * NS * sizeof *fake);
	double *row = malloc(2 * G * sizeof *row), lp[G], cell = 12.0 / G;
	size_t i, j;
	Rng r;

	flow_defaults(&c, TOYDIST_MOONS);
	ck_assert_int_eq(flow_init(&f, &c), NN_OK);
	rng_seed(&r, 8);
	toydist_sample(real, c.target, NS, &r);
	flow_sample(fake, &f, NS);
	e0 = toydist_energy(real, NS, fake, NS, 2);
	first = flow_step(&f);
	for (i = 1; i < STEPS; i++) {
		double l = flow_step(&f);
		if (i >= STEPS - 100)
			late += l / 100;
	}
	ck_assert_msg(late < first - 0.6, "nll %g -> %g", first, late);
	flow_sample(fake, &f, NS);
	e1 = toydist_energy(real, NS, fake, NS, 2);
	ck_assert_msg(e1 < 0.5 * e0, "energy %g -> %g", e0, e1);
	/* the learned density over [-6, 6]^2, midpoint rule */
	for (i = 0; i < G; i++) {
		for (j = 0; j < G; j++) {
			row[2 * j] = -6 + cell * ((double)i + 0.5);
			row[2 * j + 1] = -6 + cell * ((double)j + 0.5);
		}
		flow_log_prob(lp, &f, row, G);
		for (j = 0; j < G; j++)
			mass += exp(lp[j]) * cell * cell;
	}
	ck_assert_msg(fabs(mass - 1.0) < 0.01, "mass %g", mass);
	flow_forward(fake, NULL, &f, real, NS);
	flow_inverse(fake, &f, fake, NS);
	for (i = 0; i < 2 * NS; i++)
		worst = fmax(worst, fabs(fake[i] - real[i]));
	ck_assert_msg(worst < 1e-12, "inverse off by %g", worst);
	flow_free(&f);
	free(real), free(fake), free(row);
}
END_TEST

static Suite *flow_suite(void)
{
	Suite *s = suite_create("flow");
	TCase *tc = tcase_create("flow");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, an_untrained_flow_is_the_identity);
	tcase_add_test(tc, the_inverse_returns_the_input);
	tcase_add_test(tc, the_log_determinant_is_exact);
	tcase_add_test(tc, nll_gradient_matches_finite_differences);
	tcase_add_test(tc, training_lowers_the_nll);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(flow_suite());
}
