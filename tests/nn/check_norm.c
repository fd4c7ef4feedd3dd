/* check_norm.c: layer norm and batch norm by hand (batch norm's running averages with
 * torch's momentum and unbiased variance, and inference from them), and every backward
 * against finite differences on random shapes. */
#include <config.h>

#include "nn/norm.h"
#include "layertest.h"

START_TEST(layernorm_by_hand)
{
	/* row (1 2 3 4): mean 2.5, variance 1.25 */
	const double x[4] = {1, 2, 3, 4}, g[4] = {1, 1, 2, 1}, b[4] = {0, 0, 0, 10};
	double y[4], mean, rstd, r = 1 / sqrt(1.25 + 1e-5);

	layernorm_forward(y, &mean, &rstd, x, g, b, 1, 4, 1e-5);
	ck_assert_double_eq(mean, 2.5);
	ck_assert_double_eq_tol(rstd, r, 1e-15);
	ck_assert_double_eq_tol(y[0], -1.5 * r, 1e-15);
	ck_assert_double_eq_tol(y[2], 2 * 0.5 * r, 1e-15);
	ck_assert_double_eq_tol(y[3], 1.5 * r + 10, 1e-14);
}
END_TEST

START_TEST(batchnorm_running_averages_like_torch)
{
	/* one channel, values 1 2 3 4: mean 2.5, biased variance 1.25, unbiased 5/3 */
	const double x[4] = {1, 2, 3, 4}, g = 2, b = 1;
	double y[4], mean, rstd, rm = 0, rv = 1, yi[4];
	BatchNormShape s = {4, 1, 1, 1e-5, 0.1};

	batchnorm_forward(y, &mean, &rstd, &rm, &rv, x, &g, &b, &s);
	ck_assert_double_eq(mean, 2.5);
	ck_assert_double_eq_tol(y[0], 2 * -1.5 / sqrt(1.25 + 1e-5) + 1, 1e-14);
	ck_assert_double_eq_tol(rm, 0.25, 1e-15);
	ck_assert_double_eq_tol(rv, 0.9 + 0.1 * 5.0 / 3.0, 1e-15);
	/* inference uses the running values, not the batch's */
	batchnorm_infer(yi, &rm, &rv, x, &g, &b, &s);
	ck_assert_double_eq_tol(yi[0], 2 * (1 - rm) / sqrt(rv + 1e-5) + 1, 1e-14);
	/* as (n=2, c=1, s=2): the same four values, the same statistics */
	s.n = 2, s.s = 2, rm = 0, rv = 1;
	batchnorm_forward(yi, &mean, &rstd, &rm, &rv, x, &g, &b, &s);
	ck_assert_double_eq_tol(yi[3], y[3], 1e-15);
	ck_assert_double_eq_tol(rv, 0.9 + 0.1 * 5.0 / 3.0, 1e-15);
	/* a single value per channel: no unbiased variance, run_var is left alone */
	s.n = 1, s.s = 1, rv = 0.5;
	batchnorm_forward(yi, &mean, &rstd, &rm, &rv, x, &g, &b, &s);
	ck_assert_double_eq(rv, 0.5);
}
END_TEST

typedef struct {
	int kind; /* 0 layer norm, 1 batch norm training, 2 batch norm inference */
	size_t n, d;
	BatchNormShape s;
	double *x, *g, *b, *seed, *y, *mean, *rstd, *rm, *rv;
} NormCtx;

static double norm_loss(void *p)
{
	NormCtx *c = p;

	if (c->kind == 0)
		layernorm_forward(c->y, c->mean, c->rstd, c->x, c->g, c->b, c->n, c->d, c->s.eps);
	else if (c->kind == 1)
		batchnorm_forward(c->y, c->mean, c->rstd, NULL, NULL, c->x, c->g, c->b, &c->s);
	else
		batchnorm_infer(c->y, c->rm, c->rv, c->x, c->g, c->b, &c->s);
	return linalg_dot(c->y, c->seed, c->n * c->d);
}

START_TEST(norm_gradients_on_random_shapes)
{
	static const char *const names[3] = {"layernorm", "batchnorm", "batchnorm-infer"};
	static const double eps[3] = {1e-5, 1e-3, 0.1};
	LtCheck lc[3];
	Rng r;
	int trial;

	memset(lc, 0, sizeof lc);
	rng_seed(&r, 8);
	for (trial = 0; trial < 60; trial++) {
		NormCtx c;
		LtCheck *l = &lc[trial % 3];
		size_t nx, np;
		double *dx, *dg, *db;
		c.kind = trial % 3;
		c.s.n = lt_size(&r, 1, 4), c.s.c = lt_size(&r, 1, 4), c.s.s = lt_size(&r, 1, 3);
		c.s.eps = eps[rng_below(&r, 3)], c.s.momentum = 0.1;
		if (c.kind == 0)
			c.n = c.s.n * c.s.s, c.d = c.s.c, np = c.d;
		else
			c.n = c.s.n, c.d = c.s.c * c.s.s, np = c.s.c;
		nx = c.n * c.d;
		c.x = lt_rand(&r, nx, 2), c.g = lt_rand(&r, np, 1.5), c.b = lt_rand(&r, np, 1);
		c.seed = lt_rand(&r, nx, 1), c.y = lt_zeros(nx);
		c.mean = lt_zeros(c.n + np), c.rstd = lt_zeros(c.n + np);
		c.rm = lt_rand(&r, np, 1), c.rv = lt_rand(&r, np, 1);
		for (size_t i = 0; i < np; i++)
			c.rv[i] += 1.5; /* a variance */
		dx = lt_zeros(nx), dg = lt_zeros(np), db = lt_zeros(np);
		norm_loss(&c);
		if (c.kind == 0)
			layernorm_backward(dx, dg, db, c.seed, c.mean, c.rstd, c.x, c.g, c.n, c.d);
		else if (c.kind == 1)
			batchnorm_backward(dx, dg, db, c.seed, c.mean, c.rstd, c.x, c.g, &c.s);
		else
			batchnorm_infer_backward(dx, dg, db, c.seed, c.rm, c.rv, c.x, c.g, &c.s);
		snprintf(l->what, sizeof l->what, "%s n=%zu c=%zu s=%zu eps=%g", names[c.kind],
		         c.s.n, c.s.c, c.s.s, c.s.eps);
		l->loss = norm_loss, l->ctx = &c;
		lt_add(l, "x", c.x, dx, nx);
		lt_add(l, "g", c.g, dg, np);
		lt_add(l, "b", c.b, db, np);
		lt_run(l);
		lt_free(l);
		free(c.seed), free(c.y), free(c.mean), free(c.rstd), free(c.rm), free(c.rv);
	}
	for (trial = 0; trial < 3; trial++)
		lt_summary(names[trial], 20, &lc[trial]);
}
END_TEST

static Suite *norm_suite(void)
{
	Suite *s = suite_create("norm");
	TCase *tc = tcase_create("norm");

	tcase_add_test(tc, layernorm_by_hand);
	tcase_add_test(tc, batchnorm_running_averages_like_torch);
	tcase_add_test(tc, norm_gradients_on_random_shapes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(norm_suite());
}
