/* attn.c: attention for one example on strided rows (so a head is a column block), then
 * the batched and multi-head forms. libc and libm only; no allocation. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/attn.h"
#include "nn/dense.h"
#include "nn/linalg.h"
#include "nn/loss.h"

/* One example's attention. Row i of q starts at q + i ldq (d values), likewise k, v
 * and y; p: (tq,tk) dense. */
typedef struct {
	size_t tq, tk, d, dv;
	size_t ldq, ldk, ldv, ldy;
	int causal;
	const size_t *keep; /* key j is seen only where keep[j ldkeep] != 0; NULL: all */
	size_t ldkeep;
} Rows;

/* The keys query i sees: 0 .. seen - 1. */
static size_t seen(const Rows *r, size_t i)
{
	return r->causal && i + 1 < r->tk ? i + 1 : r->tk;
}

static void attend(double *y, double *p, const double *q, const double *k, const double *v,
                   const Rows *r)
{
	double scale = 1.0 / sqrt((double)r->d);
	size_t i, j, c;

	for (i = 0; i < r->tq; i++) {
		double *pi = p + i * r->tk, *yi = y + i * r->ldy;
		const double *qi = q + i * r->ldq;
		size_t lim = seen(r, i);
		size_t shown = 0;
		for (j = 0; j < lim; j++) {
			int hide = r->keep && !r->keep[j * r->ldkeep];
			pi[j] = hide ? -INFINITY : linalg_dot(qi, k + j * r->ldk, r->d) * scale;
			shown += !hide;
		}
		if (shown)
			loss_softmax(pi, pi, lim); /* exp(-inf) = 0: a hidden key gets exactly 0 */
		for (j = shown ? lim : 0; j < r->tk; j++)
			pi[j] = 0.0;
		for (c = 0; c < r->dv; c++)
			yi[c] = 0.0;
		for (j = 0; j < lim; j++)
			linalg_axpy(yi, pi[j], v + j * r->ldv, r->dv);
	}
}

static void attend_backward(double *dq, double *dk, double *dv, const double *dy,
                            const double *p, const double *q, const double *k, const double *v,
                            const Rows *r)
{
	double scale = 1.0 / sqrt((double)r->d);
	size_t i, j;

	for (i = 0; i < r->tq; i++) {
		const double *pi = p + i * r->tk, *dyi = dy + i * r->ldy, *qi = q + i * r->ldq;
		double dot = 0.0;
		size_t lim = seen(r, i);
		/* dp_ij = dy_i . v_j, computed twice (no scratch); dot = sum_j p_ij dp_ij */
		for (j = 0; j < lim; j++)
			dot += pi[j] * linalg_dot(dyi, v + j * r->ldv, r->dv);
		for (j = 0; j < lim; j++) {
			double dp = linalg_dot(dyi, v + j * r->ldv, r->dv);
			double ds = pi[j] * (dp - dot) * scale;
			if (dq)
				linalg_axpy(dq + i * r->ldq, ds, k + j * r->ldk, r->d);
			if (dk)
				linalg_axpy(dk + j * r->ldk, ds, qi, r->d);
			if (dv)
				linalg_axpy(dv + j * r->ldv, pi[j], dyi, r->dv);
		}
	}
}

static Rows dense_rows(const AttnShape *s)
{
	Rows r = {s->tq, s->tk, s->d, s->dv, s->d, s->d, s->dv, s->dv, s->causal, NULL, 0};
	return r;
}

void attention_forward(double *y, double *p, const double *q, const double *k, const double *v,
                       const AttnShape *s)
{
	Rows r = dense_rows(s);
	size_t b;

	for (b = 0; b < s->n; b++)
		attend(y + b * s->tq * s->dv, p + b * s->tq * s->tk, q + b * s->tq * s->d,
		       k + b * s->tk * s->d, v + b * s->tk * s->dv, &r);
}

void attention_backward(double *dq, double *dk, double *dv, const double *dy, const double *p,
                        const double *q, const double *k, const double *v, const AttnShape *s)
{
	Rows r = dense_rows(s);
	size_t b;

	for (b = 0; b < s->n; b++)
		attend_backward(dq + b * s->tq * s->d, dk + b * s->tk * s->d, dv + b * s->tk * s->dv,
		                dy + b * s->tq * s->dv, p + b * s->tq * s->tk, q + b * s->tq * s->d,
		                k + b * s->tk * s->d, v + b * s->tk * s->dv, &r);
}

/* Example b's rows of time-major sequences start at b d and lie n d apart. */
static Rows seq_rows(const AttnShape *s, const size_t *keep)
{
	Rows r = {s->tq, s->tk, s->d, s->dv, s->n * s->d, s->n * s->d, s->n * s->dv,
	          s->n * s->dv, s->causal, keep, s->n};
	return r;
}

void attention_seq_forward(double *y, double *p, const double *q, const double *k,
                           const double *v, const size_t *keep, const AttnShape *s)
{
	size_t b;

	for (b = 0; b < s->n; b++) {
		Rows r = seq_rows(s, keep ? keep + b : NULL);
		attend(y + b * s->dv, p + b * s->tq * s->tk, q + b * s->d, k + b * s->d,
		       v + b * s->dv, &r);
	}
}

void attention_seq_backward(double *dq, double *dk, double *dv, const double *dy,
                            const double *p, const double *q, const double *k, const double *v,
                            const AttnShape *s)
{
	Rows r = seq_rows(s, NULL);
	size_t b;

	for (b = 0; b < s->n; b++)
		attend_backward(dq ? dq + b * s->d : NULL, dk ? dk + b * s->d : NULL,
		                dv ? dv + b * s->dv : NULL, dy + b * s->dv,
		                p + b * s->tq * s->tk, q + b * s->d, k + b * s->d, v + b * s->dv,
		                &r);
}

/* The workspace: Q K V O dQ dK dV dO (each n t d), then P (n heads t t). */
enum { W_Q, W_K, W_V, W_O, W_DQ, W_DK, W_DV, W_DO, W_P };

size_t mha_work_size(const MhaShape *s)
{
	return W_P * s->n * s->t * s->d + s->n * s->heads * s->t * s->t;
}

static double *part(double *work, const MhaShape *s, int which)
{
	return work + (size_t)which * s->n * s->t * s->d;
}

const double *mha_weights(const double *work, const MhaShape *s)
{
	return work + W_P * s->n * s->t * s->d;
}

static Rows head_rows(const MhaShape *s)
{
	size_t dh = s->d / s->heads;
	Rows r = {s->t, s->t, dh, dh, s->d, s->d, s->d, s->d, s->causal, NULL, 0};
	return r;
}

void mha_forward(double *y, double *work, const double *x, const double *wq, const double *wk,
                 const double *wv, const double *wo, const MhaShape *s)
{
	size_t rows = s->n * s->t, dh = s->d / s->heads, b, h;
	double *Q = part(work, s, W_Q), *K = part(work, s, W_K), *V = part(work, s, W_V);
	double *O = part(work, s, W_O), *P = part(work, s, W_P);
	Rows r = head_rows(s);

	dense_forward(Q, x, wq, NULL, rows, s->d, s->d);
	dense_forward(K, x, wk, NULL, rows, s->d, s->d);
	dense_forward(V, x, wv, NULL, rows, s->d, s->d);
	for (b = 0; b < s->n; b++)
		for (h = 0; h < s->heads; h++) {
			size_t at = b * s->t * s->d + h * dh;
			attend(O + at, P + (b * s->heads + h) * s->t * s->t, Q + at, K + at, V + at, &r);
		}
	dense_forward(y, O, wo, NULL, rows, s->d, s->d);
}

void mha_backward(double *dx, double *dwq, double *dwk, double *dwv, double *dwo,
                  const double *dy, double *work, const double *x, const double *wq,
                  const double *wk, const double *wv, const double *wo, const MhaShape *s)
{
	size_t rows = s->n * s->t, dh = s->d / s->heads, b, h;
	double *Q = part(work, s, W_Q), *K = part(work, s, W_K), *V = part(work, s, W_V);
	double *O = part(work, s, W_O), *P = part(work, s, W_P);
	double *dQ = part(work, s, W_DQ), *dK = part(work, s, W_DK), *dV = part(work, s, W_DV);
	double *dO = part(work, s, W_DO);
	Rows r = head_rows(s);

	memset(dQ, 0, 4 * rows * s->d * sizeof *dQ); /* dQ dK dV dO are adjacent */
	dense_backward(dO, dwo, NULL, dy, O, wo, rows, s->d, s->d);
	for (b = 0; b < s->n; b++)
		for (h = 0; h < s->heads; h++) {
			size_t at = b * s->t * s->d + h * dh;
			attend_backward(dQ + at, dK + at, dV + at, dO + at,
			                P + (b * s->heads + h) * s->t * s->t, Q + at, K + at, V + at, &r);
		}
	dense_backward(dx, dwq, NULL, dQ, x, wq, rows, s->d, s->d);
	dense_backward(dx, dwk, NULL, dK, x, wk, rows, s->d, s->d);
	dense_backward(dx, dwv, NULL, dV, x, wv, rows, s->d, s->d);
}
