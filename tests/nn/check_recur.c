/* check_recur.c: Elman RNN, GRU and LSTM by hand (the gate order and torch's GRU
 * formula), and backpropagation through time against finite differences on random
 * sequences, with and without initial states. */
#include <config.h>

#include "nn/recur.h"
#include "layertest.h"

START_TEST(cells_by_hand)
{
	RecurShape s = {2, 1, 1, 1};
	double x[2] = {1, 0}, y[2], work[64];
	double wx = 1, wh = 0.5, b = 0;
	double gwx[3] = {0, 0, 0}, gwh[3] = {0, 0, 0}, bx[3] = {0, 0, 0}, bh[3] = {0, 0, 2};
	double h0 = 0.4, lb[4] = {0, 0, 1, 0}, lwx[4] = {0}, lwh[4] = {0}, c0 = 1;

	ck_assert_uint_le(gru_work_size(&s), 64);
	ck_assert_uint_le(lstm_work_size(&s), 64);
	/* Elman: h1 = tanh(1), h2 = tanh(0.5 h1) */
	rnn_forward(y, work, x, NULL, &wx, &wh, &b, &s);
	ck_assert_double_eq_tol(y[0], tanh(1.0), 1e-15);
	ck_assert_double_eq_tol(y[1], tanh(0.5 * tanh(1.0)), 1e-15);
	/* GRU with zero weights: r = z = 1/2 and n = tanh(r bh_n) = tanh(1): r multiplies
	 * the hidden bias too (torch), so n is not tanh(2) */
	s.t = 1;
	gru_forward(y, work, x, &h0, gwx, gwh, bx, bh, &s);
	ck_assert_double_eq_tol(y[0], 0.5 * tanh(1.0) + 0.5 * 0.4, 1e-15);
	ck_assert_double_eq_tol(work[0], 0.5, 1e-15);       /* r */
	ck_assert_double_eq_tol(work[2], tanh(1.0), 1e-15); /* n */
	ck_assert_double_eq_tol(work[3], 2.0, 1e-15);       /* wh_n h + bh_n */
	/* LSTM with zero weights, b_g = 1: i = f = o = 1/2, g = tanh(1),
	 * c' = c0/2 + tanh(1)/2, h' = tanh(c')/2; c' is kept in the workspace */
	lstm_forward(y, work, x, &h0, &c0, lwx, lwh, lb, &s);
	ck_assert_double_eq_tol(work[4], 0.5 + 0.5 * tanh(1.0), 1e-15);
	ck_assert_double_eq_tol(y[0], 0.5 * tanh(0.5 + 0.5 * tanh(1.0)), 1e-15);
}
END_TEST

typedef struct {
	int kind; /* 0 rnn, 1 gru, 2 lstm */
	RecurShape s;
	double *x, *h0, *c0, *wx, *wh, *b, *bh, *seed, *y, *work;
	int with_h0, with_c0;
} RecurCtx;

static size_t gates(int kind)
{
	return kind == 0 ? 1 : kind == 1 ? 3 : 4;
}

static double recur_loss(void *p)
{
	RecurCtx *c = p;
	const double *h0 = c->with_h0 ? c->h0 : NULL;

	if (c->kind == 0)
		rnn_forward(c->y, c->work, c->x, h0, c->wx, c->wh, c->b, &c->s);
	else if (c->kind == 1)
		gru_forward(c->y, c->work, c->x, h0, c->wx, c->wh, c->b, c->bh, &c->s);
	else
		lstm_forward(c->y, c->work, c->x, h0, c->with_c0 ? c->c0 : NULL, c->wx, c->wh, c->b,
		             &c->s);
	return linalg_dot(c->y, c->seed, c->s.t * c->s.n * c->s.hid);
}

START_TEST(bptt_gradients_on_random_sequences)
{
	static const char *const names[3] = {"rnn", "gru", "lstm"};
	LtCheck lc[3];
	Rng r;
	int trial;

	memset(lc, 0, sizeof lc);
	rng_seed(&r, 4);
	for (trial = 0; trial < 60; trial++) {
		RecurCtx c;
		RecurShape *s = &c.s;
		LtCheck *l = &lc[trial % 3];
		size_t g, nx, nh, ny, work;
		double *dx, *dh0, *dc0, *dwx, *dwh, *db, *dbh;
		c.kind = trial % 3;
		g = gates(c.kind);
		s->t = lt_size(&r, 1, 4), s->n = lt_size(&r, 1, 3);
		s->in = lt_size(&r, 1, 3), s->hid = lt_size(&r, 1, 3);
		c.with_h0 = trial % 4 != 3, c.with_c0 = trial % 5 != 4;
		nx = s->t * s->n * s->in, nh = s->n * s->hid, ny = s->t * nh;
		work = c.kind == 0 ? rnn_work_size(s) : c.kind == 1 ? gru_work_size(s)
		                                                    : lstm_work_size(s);
		c.x = lt_rand(&r, nx, 1), c.h0 = lt_rand(&r, nh, 1), c.c0 = lt_rand(&r, nh, 1);
		c.wx = lt_rand(&r, g * s->hid * s->in, 0.8), c.wh = lt_rand(&r, g * s->hid * s->hid, 0.8);
		c.b = lt_rand(&r, g * s->hid, 0.5), c.bh = lt_rand(&r, g * s->hid, 0.5);
		c.seed = lt_rand(&r, ny, 1), c.y = lt_zeros(ny), c.work = lt_zeros(work);
		dx = lt_zeros(nx), dh0 = lt_zeros(nh), dc0 = lt_zeros(nh);
		dwx = lt_zeros(g * s->hid * s->in), dwh = lt_zeros(g * s->hid * s->hid);
		db = lt_zeros(g * s->hid), dbh = lt_zeros(g * s->hid);
		recur_loss(&c);
		if (c.kind == 0)
			rnn_backward(dx, c.with_h0 ? dh0 : NULL, dwx, dwh, db, c.seed, c.y, c.work, c.x,
			             c.with_h0 ? c.h0 : NULL, c.wx, c.wh, s);
		else if (c.kind == 1)
			gru_backward(dx, c.with_h0 ? dh0 : NULL, dwx, dwh, db, dbh, c.seed, c.y, c.work,
			             c.x, c.with_h0 ? c.h0 : NULL, c.wx, c.wh, s);
		else
			lstm_backward(dx, c.with_h0 ? dh0 : NULL, c.with_c0 ? dc0 : NULL, dwx, dwh, db,
			              c.seed, c.y, c.work, c.x, c.with_h0 ? c.h0 : NULL,
			              c.with_c0 ? c.c0 : NULL, c.wx, c.wh, s);
		snprintf(l->what, sizeof l->what, "%s t=%zu n=%zu in=%zu hid=%zu h0=%d c0=%d",
		         names[c.kind], s->t, s->n, s->in, s->hid, c.with_h0, c.with_c0);
		l->loss = recur_loss, l->ctx = &c;
		lt_add(l, "x", c.x, dx, nx);
		lt_add(l, "h0", c.h0, dh0, c.with_h0 ? nh : 0);
		lt_add(l, "c0", c.c0, dc0, c.kind == 2 && c.with_c0 ? nh : 0);
		lt_add(l, "wx", c.wx, dwx, g * s->hid * s->in);
		lt_add(l, "wh", c.wh, dwh, g * s->hid * s->hid);
		lt_add(l, "b", c.b, db, g * s->hid);
		lt_add(l, "bh", c.bh, dbh, c.kind == 1 ? g * s->hid : 0);
		lt_run(l);
		lt_free(l);
		free(c.seed);
		free(c.y);
		free(c.work);
	}
	for (trial = 0; trial < 3; trial++)
		lt_summary(names[trial], 20, &lc[trial]);
}
END_TEST

static Suite *recur_suite(void)
{
	Suite *s = suite_create("recur");
	TCase *tc = tcase_create("recur");

	tcase_add_test(tc, cells_by_hand);
	tcase_add_test(tc, bptt_gradients_on_random_sequences);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(recur_suite());
}
