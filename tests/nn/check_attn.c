/* check_attn.c: attention by hand (with and without the causal mask, and between
 * time-major sequences with padding hidden), multi-head
 * attention against its heads computed one by one, and both backwards against finite
 * differences on random shapes, head counts and masks. */
#include <config.h>

#include "nn/attn.h"
#include "nn/dense.h"
#include "layertest.h"

START_TEST(attention_by_hand)
{
	const double q[4] = {1, 0, 0, 1}, k[4] = {1, 0, 0, 1}, v[4] = {1, 2, 3, 4};
	double y[4], p[4], e = exp(1 / sqrt(2.0));
	AttnShape s = {1, 2, 2, 2, 2, 0};

	/* query 0 scores (1/sqrt 2, 0): weights (e, 1)/(e + 1) */
	attention_forward(y, p, q, k, v, &s);
	ck_assert_double_eq_tol(p[0], e / (e + 1), 1e-15);
	ck_assert_double_eq_tol(p[1], 1 / (e + 1), 1e-15);
	ck_assert_double_eq_tol(y[0], (e * 1 + 3) / (e + 1), 1e-15);
	ck_assert_double_eq_tol(y[3], (2 + e * 4) / (e + 1), 1e-15);
	/* causal: query 0 sees key 0 only; query 1 both */
	s.causal = 1;
	attention_forward(y, p, q, k, v, &s);
	ck_assert_double_eq(p[0], 1);
	ck_assert_double_eq(p[1], 0);
	ck_assert_double_eq(y[0], 1);
	ck_assert_double_eq(y[1], 2);
	ck_assert_double_eq_tol(p[3], e / (e + 1), 1e-15);
}
END_TEST

/* Cross-attention of time-major sequences with padding hidden: two examples, one query
 * each, two keys of one number; example 1's key 0 is padding. */
START_TEST(sequence_attention_by_hand)
{
	const double q[2] = {1, 2}, k[4] = {1, 3, 2, 5}, v[4] = {10, 30, 20, 50};
	const size_t keep[4] = {7, 0, 9, 4}; /* (tk, n): key 0 of example 1 hidden */
	double y[2], p[4], dq[2] = {0}, dk[4] = {0}, dy[2] = {1, 1};
	double a = 1 / (1 + exp(2.0 - 1.0)); /* example 0: scores 1 and 2 */
	AttnShape s = {2, 1, 2, 1, 1, 0};

	attention_seq_forward(y, p, q, k, v, keep, &s);
	ck_assert_double_eq_tol(p[0], a, 1e-15);
	ck_assert_double_eq_tol(p[1], 1 - a, 1e-15);
	ck_assert_double_eq_tol(y[0], a * 10 + (1 - a) * 20, 1e-12);
	ck_assert(p[2] == 0.0); /* hidden: exactly 0 */
	ck_assert(p[3] == 1.0);
	ck_assert(y[1] == 50.0);
	/* nothing flows to a hidden key; dk may be NULL-free and dv NULL */
	attention_seq_backward(dq, dk, NULL, dy, p, q, k, v, &s);
	ck_assert(dk[1] == 0.0);
	ck_assert(dq[1] == 0.0); /* one key seen: the weight cannot move */
	/* every key hidden: no weights, no output */
	{
		const size_t none[4] = {0, 0, 0, 0};
		attention_seq_forward(y, p, q, k, v, none, &s);
		ck_assert(p[0] == 0.0 && p[1] == 0.0 && y[0] == 0.0 && y[1] == 0.0);
	}
}
END_TEST

/* Multi-head attention assembled by hand: project, copy each head's columns into
 * contiguous arrays, attention_forward, copy back, project out. p: (n,heads,t,t). */
static void mha_by_heads(double *y, double *p, const double *x, const double *wq,
                         const double *wk, const double *wv, const double *wo, const MhaShape *s)
{
	size_t rows = s->n * s->t, dh = s->d / s->heads, h, r, j;
	double *Q = lt_zeros(rows * s->d), *K = lt_zeros(rows * s->d), *V = lt_zeros(rows * s->d);
	double *O = lt_zeros(rows * s->d), *hq = lt_zeros(rows * dh), *hk = lt_zeros(rows * dh);
	double *hv = lt_zeros(rows * dh), *ho = lt_zeros(rows * dh);
	double *hp = lt_zeros(s->n * s->t * s->t);
	AttnShape a = {s->n, s->t, s->t, dh, dh, s->causal};

	dense_forward(Q, x, wq, NULL, rows, s->d, s->d);
	dense_forward(K, x, wk, NULL, rows, s->d, s->d);
	dense_forward(V, x, wv, NULL, rows, s->d, s->d);
	for (h = 0; h < s->heads; h++) {
		for (r = 0; r < rows; r++)
			for (j = 0; j < dh; j++) {
				hq[r * dh + j] = Q[r * s->d + h * dh + j];
				hk[r * dh + j] = K[r * s->d + h * dh + j];
				hv[r * dh + j] = V[r * s->d + h * dh + j];
			}
		attention_forward(ho, hp, hq, hk, hv, &a);
		for (r = 0; r < rows; r++)
			for (j = 0; j < dh; j++)
				O[r * s->d + h * dh + j] = ho[r * dh + j];
		for (r = 0; r < s->n; r++)
			memcpy(p + (r * s->heads + h) * s->t * s->t, hp + r * s->t * s->t,
			       s->t * s->t * sizeof *p);
	}
	dense_forward(y, O, wo, NULL, rows, s->d, s->d);
	free(Q), free(K), free(V), free(O), free(hq), free(hk), free(hv), free(ho), free(hp);
}

START_TEST(mha_is_its_heads_side_by_side)
{
	Rng r;
	int trial;

	rng_seed(&r, 5);
	for (trial = 0; trial < 20; trial++) {
		MhaShape s;
		size_t nx, np, i, b, qi, kj;
		double *x, *w[4], *y, *y2, *p2, *work;
		const double *p;
		s.n = lt_size(&r, 1, 3), s.t = lt_size(&r, 1, 5), s.heads = lt_size(&r, 1, 4);
		s.d = s.heads * lt_size(&r, 1, 3), s.causal = trial % 2;
		nx = s.n * s.t * s.d, np = s.n * s.heads * s.t * s.t;
		x = lt_rand(&r, nx, 1);
		for (i = 0; i < 4; i++)
			w[i] = lt_rand(&r, s.d * s.d, 1);
		y = lt_zeros(nx), y2 = lt_zeros(nx), p2 = lt_zeros(np);
		work = lt_zeros(mha_work_size(&s));
		mha_forward(y, work, x, w[0], w[1], w[2], w[3], &s);
		mha_by_heads(y2, p2, x, w[0], w[1], w[2], w[3], &s);
		p = mha_weights(work, &s);
		for (i = 0; i < nx; i++)
			ck_assert_double_eq_tol(y[i], y2[i], 1e-13 * fmax(1, fabs(y2[i])));
		for (i = 0; i < np; i++)
			ck_assert_double_eq_tol(p[i], p2[i], 1e-15);
		/* rows of weights sum to 1; causal heads are exactly 0 above the diagonal */
		for (b = 0; b < s.n * s.heads; b++)
			for (qi = 0; qi < s.t; qi++) {
				double sum = 0;
				for (kj = 0; kj < s.t; kj++) {
					double pw = p[(b * s.t + qi) * s.t + kj];
					sum += pw;
					if (s.causal && kj > qi)
						ck_assert_double_eq(pw, 0);
				}
				ck_assert_double_eq_tol(sum, 1, 1e-14);
			}
		free(x), free(y), free(y2), free(p2), free(work);
		for (i = 0; i < 4; i++)
			free(w[i]);
	}
}
END_TEST

typedef struct {
	AttnShape s;
	double *q, *k, *v, *seed, *y, *p;
} AttnCtx;

static double attn_loss(void *ptr)
{
	AttnCtx *c = ptr;

	attention_forward(c->y, c->p, c->q, c->k, c->v, &c->s);
	return linalg_dot(c->y, c->seed, c->s.n * c->s.tq * c->s.dv);
}

START_TEST(attention_gradients_on_random_shapes)
{
	LtCheck lc = {0};
	Rng r;
	int trial;

	rng_seed(&r, 6);
	for (trial = 0; trial < 30; trial++) {
		AttnCtx c;
		AttnShape *s = &c.s;
		size_t nq, nk, nv, ny;
		double *dq, *dk, *dv;
		s->n = lt_size(&r, 1, 3), s->tq = lt_size(&r, 1, 4), s->tk = lt_size(&r, 1, 4);
		s->d = lt_size(&r, 1, 4), s->dv = lt_size(&r, 1, 4), s->causal = trial % 2;
		if (trial % 4 == 1)
			s->tk = s->tq; /* the usual causal case; the others test torch's tril */
		nq = s->n * s->tq * s->d, nk = s->n * s->tk * s->d, nv = s->n * s->tk * s->dv;
		ny = s->n * s->tq * s->dv;
		c.q = lt_rand(&r, nq, 1.5), c.k = lt_rand(&r, nk, 1.5), c.v = lt_rand(&r, nv, 1);
		c.seed = lt_rand(&r, ny, 1), c.y = lt_zeros(ny), c.p = lt_zeros(s->n * s->tq * s->tk);
		dq = lt_zeros(nq), dk = lt_zeros(nk), dv = lt_zeros(nv);
		attn_loss(&c);
		attention_backward(dq, dk, dv, c.seed, c.p, c.q, c.k, c.v, s);
		snprintf(lc.what, sizeof lc.what, "attention n=%zu tq=%zu tk=%zu d=%zu dv=%zu causal=%d",
		         s->n, s->tq, s->tk, s->d, s->dv, s->causal);
		lc.loss = attn_loss, lc.ctx = &c;
		lt_add(&lc, "q", c.q, dq, nq);
		lt_add(&lc, "k", c.k, dk, nk);
		lt_add(&lc, "v", c.v, dv, nv);
		lt_run(&lc);
		lt_free(&lc);
		free(c.seed), free(c.y), free(c.p);
	}
	lt_summary("attention", 30, &lc);
}
END_TEST

typedef struct {
	MhaShape s;
	double *x, *w[4], *seed, *y, *work;
} MhaCtx;

static double mha_loss(void *ptr)
{
	MhaCtx *c = ptr;

	mha_forward(c->y, c->work, c->x, c->w[0], c->w[1], c->w[2], c->w[3], &c->s);
	return linalg_dot(c->y, c->seed, c->s.n * c->s.t * c->s.d);
}

START_TEST(mha_gradients_on_random_shapes)
{
	static const char *const names[4] = {"wq", "wk", "wv", "wo"};
	LtCheck lc = {0};
	Rng r;
	int trial, i;

	rng_seed(&r, 7);
	for (trial = 0; trial < 24; trial++) {
		MhaCtx c;
		MhaShape *s = &c.s;
		size_t nx;
		double *dx, *dw[4];
		s->n = lt_size(&r, 1, 2), s->t = lt_size(&r, 1, 4), s->heads = lt_size(&r, 1, 3);
		s->d = s->heads * lt_size(&r, 1, 2), s->causal = trial % 2;
		nx = s->n * s->t * s->d;
		c.x = lt_rand(&r, nx, 1), c.seed = lt_rand(&r, nx, 1), c.y = lt_zeros(nx);
		c.work = lt_zeros(mha_work_size(s)), dx = lt_zeros(nx);
		for (i = 0; i < 4; i++)
			c.w[i] = lt_rand(&r, s->d * s->d, 0.8), dw[i] = lt_zeros(s->d * s->d);
		mha_loss(&c);
		mha_backward(dx, dw[0], dw[1], dw[2], dw[3], c.seed, c.work, c.x, c.w[0], c.w[1],
		             c.w[2], c.w[3], s);
		snprintf(lc.what, sizeof lc.what, "mha n=%zu t=%zu d=%zu heads=%zu causal=%d", s->n,
		         s->t, s->d, s->heads, s->causal);
		lc.loss = mha_loss, lc.ctx = &c;
		lt_add(&lc, "x", c.x, dx, nx);
		for (i = 0; i < 4; i++)
			lt_add(&lc, names[i], c.w[i], dw[i], s->d * s->d);
		lt_run(&lc);
		lt_free(&lc);
		free(c.seed), free(c.y), free(c.work);
	}
	lt_summary("mha", 24, &lc);
}
END_TEST

static Suite *attn_suite(void)
{
	Suite *s = suite_create("attn");
	TCase *tc = tcase_create("attn");

	tcase_add_test(tc, attention_by_hand);
	tcase_add_test(tc, sequence_attention_by_hand);
	tcase_add_test(tc, mha_is_its_heads_side_by_side);
	tcase_add_test(tc, attention_gradients_on_random_shapes);
	tcase_add_test(tc, mha_gradients_on_random_shapes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(attn_suite());
}
