/* recur.c: Elman RNN, GRU and LSTM forward over a sequence and backpropagation through
 * time. libc and libm only; no allocation (the caller's workspace holds everything). */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/act.h"
#include "nn/dense.h"
#include "nn/linalg.h"
#include "nn/recur.h"

/* The workspaces: per-step values first (steps * rows * per values), then scratch:
 *   rnn:  scratch dh, da, zeros             (3 n hid)
 *   gru:  r z n hn per step; scratch dh, zeros, ax|dax (3), ah|dah (3)   (8 n hid)
 *   lstm: i f g o c tc per step; scratch dh, dc, zeros, a|da (4)         (7 n hid) */
#define GRU_PER  4
#define LSTM_PER 6

size_t rnn_work_size(const RecurShape *s)
{
	return 3 * s->n * s->hid;
}

size_t gru_work_size(const RecurShape *s)
{
	return (GRU_PER * s->t + 8) * s->n * s->hid;
}

size_t lstm_work_size(const RecurShape *s)
{
	return (LSTM_PER * s->t + 7) * s->n * s->hid;
}

/* The hidden state before step t: y_(t-1), h0, or the zeros. */
static const double *before(const double *y, const double *h0, const double *zeros, size_t t,
                            size_t nh)
{
	if (t > 0)
		return y + (t - 1) * nh;
	return h0 ? h0 : zeros;
}

void rnn_forward(double *y, double *work, const double *x, const double *h0, const double *wx,
                 const double *wh, const double *b, const RecurShape *s)
{
	size_t nh = s->n * s->hid, t, i;
	double *zeros = work + 2 * nh;

	memset(zeros, 0, nh * sizeof *zeros);
	for (t = 0; t < s->t; t++) {
		const double *hp = before(y, h0, zeros, t, nh);
		double *yt = y + t * nh;
		dense_forward(yt, x + t * s->n * s->in, wx, b, s->n, s->in, s->hid);
		linalg_gemm_nt(yt, hp, wh, s->n, s->hid, s->hid);
		for (i = 0; i < nh; i++)
			yt[i] = tanh(yt[i]);
	}
}

void rnn_backward(double *dx, double *dh0, double *dwx, double *dwh, double *db,
                  const double *dy, const double *y, double *work, const double *x,
                  const double *h0, const double *wx, const double *wh, const RecurShape *s)
{
	size_t nh = s->n * s->hid, t, i;
	double *dh = work, *da = work + nh, *zeros = work + 2 * nh;

	memset(zeros, 0, nh * sizeof *zeros);
	memset(dh, 0, nh * sizeof *dh);
	for (t = s->t; t-- > 0;) {
		const double *yt = y + t * nh, *dyt = dy + t * nh;
		const double *hp = before(y, h0, zeros, t, nh);
		for (i = 0; i < nh; i++)
			da[i] = (dh[i] + dyt[i]) * (1 - yt[i] * yt[i]);
		dense_backward(dx ? dx + t * s->n * s->in : NULL, dwx, db, da, x + t * s->n * s->in,
		               wx, s->n, s->in, s->hid);
		memset(dh, 0, nh * sizeof *dh);
		dense_backward(dh, dwh, NULL, da, hp, wh, s->n, s->hid, s->hid);
	}
	if (dh0)
		linalg_axpy(dh0, 1.0, dh, nh);
}

void gru_forward(double *y, double *work, const double *x, const double *h0, const double *wx,
                 const double *wh, const double *bx, const double *bh, const RecurShape *s)
{
	size_t H = s->hid, nh = s->n * H, t, r, k;
	double *scratch = work + GRU_PER * s->t * nh;
	double *zeros = scratch + nh, *ax = scratch + 2 * nh, *ah = scratch + 5 * nh;

	memset(zeros, 0, nh * sizeof *zeros);
	for (t = 0; t < s->t; t++) {
		const double *hp = before(y, h0, zeros, t, nh);
		double *yt = y + t * nh;
		dense_forward(ax, x + t * s->n * s->in, wx, bx, s->n, s->in, 3 * H);
		dense_forward(ah, hp, wh, bh, s->n, H, 3 * H);
		for (r = 0; r < s->n; r++) {
			double *g = work + (t * s->n + r) * GRU_PER * H;
			const double *axr = ax + r * 3 * H, *ahr = ah + r * 3 * H, *hr = hp + r * H;
			for (k = 0; k < H; k++) {
				double rg = act_sigmoid(axr[k] + ahr[k]);
				double zg = act_sigmoid(axr[H + k] + ahr[H + k]);
				double ng = tanh(axr[2 * H + k] + rg * ahr[2 * H + k]);
				g[k] = rg;
				g[H + k] = zg;
				g[2 * H + k] = ng;
				g[3 * H + k] = ahr[2 * H + k];
				yt[r * H + k] = (1 - zg) * ng + zg * hr[k];
			}
		}
	}
}

void gru_backward(double *dx, double *dh0, double *dwx, double *dwh, double *dbx, double *dbh,
                  const double *dy, const double *y, double *work, const double *x,
                  const double *h0, const double *wx, const double *wh, const RecurShape *s)
{
	size_t H = s->hid, nh = s->n * H, t, r, k;
	double *scratch = work + GRU_PER * s->t * nh;
	double *dh = scratch, *zeros = scratch + nh, *dax = scratch + 2 * nh, *dah = scratch + 5 * nh;

	memset(zeros, 0, nh * sizeof *zeros);
	memset(dh, 0, nh * sizeof *dh);
	for (t = s->t; t-- > 0;) {
		const double *hp = before(y, h0, zeros, t, nh), *dyt = dy + t * nh;
		for (r = 0; r < s->n; r++) {
			const double *g = work + (t * s->n + r) * GRU_PER * H;
			double *daxr = dax + r * 3 * H, *dahr = dah + r * 3 * H, *dhr = dh + r * H;
			for (k = 0; k < H; k++) {
				double rg = g[k], zg = g[H + k], ng = g[2 * H + k], hn = g[3 * H + k];
				double d = dhr[k] + dyt[r * H + k];
				double dn = d * (1 - zg), dz = d * (hp[r * H + k] - ng);
				double dan = dn * (1 - ng * ng);
				double dar = dan * hn * rg * (1 - rg);
				double daz = dz * zg * (1 - zg);
				daxr[k] = dahr[k] = dar;
				daxr[H + k] = dahr[H + k] = daz;
				daxr[2 * H + k] = dan;
				dahr[2 * H + k] = dan * rg;
				dhr[k] = d * zg; /* the direct path h' = ... + z h */
			}
		}
		dense_backward(dx ? dx + t * s->n * s->in : NULL, dwx, dbx, dax, x + t * s->n * s->in,
		               wx, s->n, s->in, 3 * H);
		dense_backward(dh, dwh, dbh, dah, hp, wh, s->n, H, 3 * H);
	}
	if (dh0)
		linalg_axpy(dh0, 1.0, dh, nh);
}

void lstm_forward(double *y, double *work, const double *x, const double *h0, const double *c0,
                  const double *wx, const double *wh, const double *b, const RecurShape *s)
{
	size_t H = s->hid, nh = s->n * H, t, r, k;
	double *scratch = work + LSTM_PER * s->t * nh;
	double *zeros = scratch + 2 * nh, *a = scratch + 3 * nh;

	memset(zeros, 0, nh * sizeof *zeros);
	for (t = 0; t < s->t; t++) {
		const double *hp = before(y, h0, zeros, t, nh);
		double *yt = y + t * nh;
		dense_forward(a, x + t * s->n * s->in, wx, b, s->n, s->in, 4 * H);
		linalg_gemm_nt(a, hp, wh, s->n, H, 4 * H);
		for (r = 0; r < s->n; r++) {
			double *g = work + (t * s->n + r) * LSTM_PER * H;
			const double *ar = a + r * 4 * H, *cp;
			if (t > 0)
				cp = work + ((t - 1) * s->n + r) * LSTM_PER * H + 4 * H;
			else
				cp = c0 ? c0 + r * H : zeros;
			for (k = 0; k < H; k++) {
				double ig = act_sigmoid(ar[k]), fg = act_sigmoid(ar[H + k]);
				double gg = tanh(ar[2 * H + k]), og = act_sigmoid(ar[3 * H + k]);
				double c = fg * cp[k] + ig * gg, tc = tanh(c);
				g[k] = ig;
				g[H + k] = fg;
				g[2 * H + k] = gg;
				g[3 * H + k] = og;
				g[4 * H + k] = c;
				g[5 * H + k] = tc;
				yt[r * H + k] = og * tc;
			}
		}
	}
}

void lstm_backward(double *dx, double *dh0, double *dc0, double *dwx, double *dwh, double *db,
                   const double *dy, const double *y, double *work, const double *x,
                   const double *h0, const double *c0, const double *wx, const double *wh,
                   const RecurShape *s)
{
	size_t H = s->hid, nh = s->n * H, t, r, k;
	double *scratch = work + LSTM_PER * s->t * nh;
	double *dh = scratch, *dc = scratch + nh, *zeros = scratch + 2 * nh, *da = scratch + 3 * nh;

	memset(zeros, 0, nh * sizeof *zeros);
	memset(dh, 0, 2 * nh * sizeof *dh);
	for (t = s->t; t-- > 0;) {
		const double *hp = before(y, h0, zeros, t, nh), *dyt = dy + t * nh;
		for (r = 0; r < s->n; r++) {
			const double *g = work + (t * s->n + r) * LSTM_PER * H, *cp;
			double *dar = da + r * 4 * H, *dcr = dc + r * H;
			if (t > 0)
				cp = work + ((t - 1) * s->n + r) * LSTM_PER * H + 4 * H;
			else
				cp = c0 ? c0 + r * H : zeros;
			for (k = 0; k < H; k++) {
				double ig = g[k], fg = g[H + k], gg = g[2 * H + k], og = g[3 * H + k];
				double tc = g[5 * H + k];
				double d = dh[r * H + k] + dyt[r * H + k];
				double c = dcr[k] + d * og * (1 - tc * tc);
				dar[k] = c * gg * ig * (1 - ig);
				dar[H + k] = c * cp[k] * fg * (1 - fg);
				dar[2 * H + k] = c * ig * (1 - gg * gg);
				dar[3 * H + k] = d * tc * og * (1 - og);
				dcr[k] = c * fg;
			}
		}
		dense_backward(dx ? dx + t * s->n * s->in : NULL, dwx, db, da, x + t * s->n * s->in,
		               wx, s->n, s->in, 4 * H);
		memset(dh, 0, nh * sizeof *dh);
		dense_backward(dh, dwh, NULL, da, hp, wh, s->n, H, 4 * H);
	}
	if (dh0)
		linalg_axpy(dh0, 1.0, dh, nh);
	if (dc0)
		linalg_axpy(dc0, 1.0, dc, nh);
}
