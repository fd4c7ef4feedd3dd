/* check_dense.c: linear, embedding and residual add by hand, and their backward against
 * finite differences on random shapes. */
#include <config.h>

#include "nn/dense.h"
#include "layertest.h"

START_TEST(linear_by_hand)
{
	/* y = x w^T + b with x = (1 2; -1 0), w = (3 4; 5 6; 0 1), b = (0.5 -1 2) */
	const double x[4] = {1, 2, -1, 0}, w[6] = {3, 4, 5, 6, 0, 1}, b[3] = {0.5, -1, 2};
	const double want[6] = {11.5, 16, 4, -2.5, -6, 2};
	double y[6], dy[6] = {1, 0, 0, 0, 1, 1}, dx[4] = {0}, dw[6] = {0}, db[3] = {0};
	size_t i;

	dense_forward(y, x, w, b, 2, 2, 3);
	for (i = 0; i < 6; i++)
		ck_assert_double_eq(y[i], want[i]);
	dense_backward(dx, dw, db, dy, x, w, 2, 2, 3);
	/* dx = dy w: row 0 picks w_0 = (3 4); row 1 sums w_1 + w_2 = (5 7) */
	ck_assert_double_eq(dx[0], 3);
	ck_assert_double_eq(dx[1], 4);
	ck_assert_double_eq(dx[2], 5);
	ck_assert_double_eq(dx[3], 7);
	/* dw = dy^T x: w_0 gets x_0, w_1 and w_2 get x_1 */
	ck_assert_double_eq(dw[0], 1);
	ck_assert_double_eq(dw[1], 2);
	ck_assert_double_eq(dw[2], -1);
	ck_assert_double_eq(dw[5], 0);
	ck_assert_double_eq(db[0], 1);
	ck_assert_double_eq(db[2], 1);
}
END_TEST

START_TEST(embedding_gathers_and_adds_repeats)
{
	const double table[6] = {1, 2, 3, 4, 5, 6}; /* 3 rows of 2 */
	const size_t ids[3] = {2, 0, 2};
	double y[6], dt[6] = {0};
	const double dy[6] = {1, 10, 100, 1000, 2, 20};

	embed_forward(y, table, ids, 3, 2);
	ck_assert_double_eq(y[0], 5);
	ck_assert_double_eq(y[3], 2);
	ck_assert_double_eq(y[5], 6);
	embed_backward(dt, dy, ids, 3, 2);
	ck_assert_double_eq(dt[0], 100);
	ck_assert_double_eq(dt[1], 1000);
	ck_assert_double_eq(dt[2], 0); /* row 1 unused */
	ck_assert_double_eq(dt[4], 3); /* row 2 twice: 1 + 2 */
	ck_assert_double_eq(dt[5], 30);
}
END_TEST

typedef struct {
	size_t n, in, out;
	double *x, *w, *b, *seed, *y;
	int bias;
} LinearCtx;

static double linear_loss(void *p)
{
	LinearCtx *c = p;

	dense_forward(c->y, c->x, c->w, c->bias ? c->b : NULL, c->n, c->in, c->out);
	return linalg_dot(c->y, c->seed, c->n * c->out);
}

START_TEST(linear_gradients_on_random_shapes)
{
	LtCheck lc = {0};
	Rng r;
	int trial;

	rng_seed(&r, 16);
	for (trial = 0; trial < 30; trial++) {
		LinearCtx c;
		double *dx, *dw, *db;
		c.n = lt_size(&r, 1, 5), c.in = lt_size(&r, 1, 6), c.out = lt_size(&r, 1, 6);
		c.bias = trial % 3 != 0;
		c.x = lt_rand(&r, c.n * c.in, 2), c.w = lt_rand(&r, c.out * c.in, 1);
		c.b = lt_rand(&r, c.out, 1), c.seed = lt_rand(&r, c.n * c.out, 1);
		c.y = lt_zeros(c.n * c.out);
		dx = lt_zeros(c.n * c.in), dw = lt_zeros(c.out * c.in), db = lt_zeros(c.out);
		dense_backward(dx, dw, c.bias ? db : NULL, c.seed, c.x, c.w, c.n, c.in, c.out);
		snprintf(lc.what, sizeof lc.what, "linear n=%zu in=%zu out=%zu bias=%d", c.n, c.in,
		         c.out, c.bias);
		lc.loss = linear_loss, lc.ctx = &c;
		lt_add(&lc, "x", c.x, dx, c.n * c.in);
		lt_add(&lc, "w", c.w, dw, c.out * c.in);
		lt_add(&lc, "b", c.b, db, c.bias ? c.out : 0);
		lt_run(&lc);
		lt_free(&lc);
		free(c.seed);
		free(c.y);
	}
	lt_summary("linear", 30, &lc);
}
END_TEST

typedef struct {
	size_t n, d;
	const size_t *ids;
	double *table, *seed, *y;
} EmbedCtx;

static double embed_loss(void *p)
{
	EmbedCtx *c = p;

	embed_forward(c->y, c->table, c->ids, c->n, c->d);
	return linalg_dot(c->y, c->seed, c->n * c->d);
}

typedef struct {
	size_t n;
	double *a, *b, *seed, *y;
} AddCtx;

static double add_loss(void *p)
{
	AddCtx *c = p;

	residual_forward(c->y, c->a, c->b, c->n);
	return linalg_dot(c->y, c->seed, c->n);
}

START_TEST(embedding_and_residual_gradients_on_random_shapes)
{
	LtCheck lc = {0}, la = {0};
	Rng r;
	int trial;

	rng_seed(&r, 17);
	for (trial = 0; trial < 20; trial++) {
		size_t v = lt_size(&r, 1, 5), ids[8], i;
		EmbedCtx e;
		AddCtx a;
		double *dt, *da, *db;
		e.n = lt_size(&r, 1, 8), e.d = lt_size(&r, 1, 4), e.ids = ids;
		for (i = 0; i < e.n; i++)
			ids[i] = (size_t)rng_below(&r, v);
		e.table = lt_rand(&r, v * e.d, 1), e.seed = lt_rand(&r, e.n * e.d, 1);
		e.y = lt_zeros(e.n * e.d), dt = lt_zeros(v * e.d);
		embed_backward(dt, e.seed, ids, e.n, e.d);
		snprintf(lc.what, sizeof lc.what, "embedding v=%zu n=%zu d=%zu", v, e.n, e.d);
		lc.loss = embed_loss, lc.ctx = &e;
		lt_add(&lc, "table", e.table, dt, v * e.d);
		lt_run(&lc);
		lt_free(&lc);
		free(e.seed);
		free(e.y);

		a.n = lt_size(&r, 1, 20);
		a.a = lt_rand(&r, a.n, 1), a.b = lt_rand(&r, a.n, 1), a.seed = lt_rand(&r, a.n, 1);
		a.y = lt_zeros(a.n), da = lt_zeros(a.n), db = lt_zeros(a.n);
		residual_backward(da, db, a.seed, a.n);
		snprintf(la.what, sizeof la.what, "residual n=%zu", a.n);
		la.loss = add_loss, la.ctx = &a;
		lt_add(&la, "a", a.a, da, a.n);
		lt_add(&la, "b", a.b, db, a.n);
		lt_run(&la);
		lt_free(&la);
		free(a.seed);
		free(a.y);
	}
	lt_summary("embedding", 20, &lc);
	lt_summary("residual", 20, &la);
}
END_TEST

static Suite *dense_suite(void)
{
	Suite *s = suite_create("dense");
	TCase *tc = tcase_create("dense");

	tcase_add_test(tc, linear_by_hand);
	tcase_add_test(tc, embedding_gathers_and_adds_repeats);
	tcase_add_test(tc, linear_gradients_on_random_shapes);
	tcase_add_test(tc, embedding_and_residual_gradients_on_random_shapes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(dense_suite());
}
