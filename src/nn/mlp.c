/* mlp.c: dense layers, the batched forward pass and the delta recursion.
 * libc and libm only; allocates only in the init functions. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nn/linalg.h"
#include "nn/mlp.h"

enum { ALIGN = 64 };

/* n doubles, zeroed, ALIGN-aligned; NULL when out of memory or on overflow. */
static double *alloc_doubles(size_t n)
{
	size_t bytes;
	double *p;

	if (n == 0)
		n = 1;
	if (n > (SIZE_MAX - ALIGN) / sizeof(double))
		return NULL;
	bytes = (n * sizeof(double) + ALIGN - 1) / ALIGN * ALIGN;
	p = aligned_alloc(ALIGN, bytes);
	if (p)
		memset(p, 0, bytes);
	return p;
}

size_t mlp_count_params(const size_t *sizes, size_t n_layers)
{
	size_t l, n = 0;

	for (l = 0; l < n_layers; l++)
		n += (sizes[l] + 1) * sizes[l + 1];
	return n;
}

NnStatus mlp_init(Mlp *m, const size_t *sizes, size_t n_layers, const Activation *act)
{
	size_t l, off = 0;

	memset(m, 0, sizeof *m);
	if (n_layers == 0)
		return NN_ERR_ARG;
	for (l = 0; l <= n_layers; l++)
		if (sizes[l] == 0 || sizes[l] > ((size_t)1 << 24))
			return NN_ERR_ARG;
	for (l = 0; l < n_layers; l++)
		if (act[l] >= ACT_COUNT)
			return NN_ERR_ARG;
	m->n_layers = n_layers;
	m->sizes = malloc((n_layers + 1) * sizeof *m->sizes);
	m->act = malloc(n_layers * sizeof *m->act);
	m->w_off = malloc(n_layers * sizeof *m->w_off);
	m->n_params = mlp_count_params(sizes, n_layers);
	m->params = alloc_doubles(m->n_params);
	if (!m->sizes || !m->act || !m->w_off || !m->params) {
		mlp_free(m);
		return NN_ERR_NOMEM;
	}
	memcpy(m->sizes, sizes, (n_layers + 1) * sizeof *sizes);
	memcpy(m->act, act, n_layers * sizeof *act);
	for (l = 0; l < n_layers; l++) {
		m->w_off[l] = off;
		off += (sizes[l] + 1) * sizes[l + 1];
	}
	return NN_OK;
}

void mlp_free(Mlp *m)
{
	free(m->sizes);
	free(m->act);
	free(m->w_off);
	free(m->params);
	memset(m, 0, sizeof *m);
}

size_t mlp_n_in(const Mlp *m)
{
	return m->sizes[0];
}

size_t mlp_n_out(const Mlp *m)
{
	return m->sizes[m->n_layers];
}

size_t mlp_count_units(const Mlp *m)
{
	size_t l, n = 0;

	for (l = 0; l < m->n_layers; l++)
		n += m->sizes[l + 1];
	return n;
}

void mlp_trace(double *z, double *y, const Mlp *m, const double *x)
{
	mlp_trace_silent(z, y, m, x, 0);
}

void mlp_trace_silent(double *z, double *y, const Mlp *m, const double *x, unsigned long silent)
{
	const double *in = x;
	size_t l;

	for (l = 0; l < m->n_layers; l++) {
		size_t rows = m->sizes[l + 1], cols = m->sizes[l];
		const double *w = m->params + m->w_off[l];
		memcpy(z, w + rows * cols, rows * sizeof *z); /* b_l */
		linalg_gemv(z, w, in, rows, cols);
		act_forward(y, z, rows, m->act[l]);
		if (l < sizeof silent * 8 && (silent >> l & 1))
			memset(y, 0, rows * sizeof *y);
		in = y;
		z += rows;
		y += rows;
	}
}

double *mlp_alloc_params(const Mlp *m)
{
	return alloc_doubles(m->n_params);
}

NnStatus mlp_work_init(MlpWork *w, const Mlp *m, size_t cap, SimdLevel level, int dropout)
{
	size_t L = m->n_layers, l, total, widest = 0, sum = 0, at;
	size_t nptr = 3 * L + (dropout ? 2 * L : 0);

	memset(w, 0, sizeof *w);
	if (cap == 0 || level >= SIMD_COUNT)
		return NN_ERR_ARG;
	for (l = 0; l <= L; l++) {
		if (m->sizes[l] > widest)
			widest = m->sizes[l];
		if (l > 0)
			sum += (m->sizes[l] + 7) / 8 * 8; /* rows of 64 bytes */
	}
	if (cap > SIZE_MAX / 8 / (sum + widest + 8) / 5)
		return NN_ERR_NOMEM;
	/* z, y, d (and mask, h) per layer, dy, zero, wt; each padded to whole cache lines */
	total = cap * sum * (dropout ? 5 : 3) + (cap + 1) * widest + m->n_params + 8 * (nptr + 3);
	w->z = calloc(nptr, sizeof *w->z);
	w->buf = alloc_doubles(total);
	if (!w->z || !w->buf) {
		mlp_work_free(w);
		return NN_ERR_NOMEM;
	}
	w->y = w->z + L;
	w->d = w->y + L;
	if (dropout) {
		w->mask = w->d + L;
		w->h = w->mask + L;
	}
	w->cap = cap;
	w->level = level;
	at = 0;
	for (l = 0; l < L; l++) {
		size_t n = cap * m->sizes[l + 1];
		size_t step = (n + 7) / 8 * 8;
		w->z[l] = w->buf + at, at += step;
		w->y[l] = w->buf + at, at += step;
		w->d[l] = w->buf + at, at += step;
		if (dropout) {
			w->mask[l] = w->buf + at, at += step;
			w->h[l] = w->buf + at, at += step;
		}
	}
	w->dy = w->buf + at, at += (cap * widest + 7) / 8 * 8;
	w->zero = w->buf + at, at += (widest + 7) / 8 * 8;
	w->wt = w->buf + at;
	return NN_OK;
}

void mlp_work_free(MlpWork *w)
{
	free(w->z);
	free(w->buf);
	memset(w, 0, sizeof *w);
}

void mlp_forward(MlpWork *w, const Mlp *m, const double *x, size_t batch)
{
	const double *in = x;
	size_t l, r;

	for (l = 0; l < m->n_layers; l++) {
		size_t n_in = m->sizes[l], n_out = m->sizes[l + 1], n = batch * n_out;
		const double *W = m->params + m->w_off[l], *b = W + n_out * n_in;
		double *z = w->z[l], *y = w->y[l];

		if (w->level == SIMD_PORTABLE) {
			for (r = 0; r < batch; r++) {
				memcpy(z + r * n_out, b, n_out * sizeof *z);
				linalg_gemv(z + r * n_out, W, in + r * n_in, n_out, n_in);
			}
		} else {
			double *wt = w->wt + m->w_off[l];
			if (!w->wt_current)
				simd_transpose(w->level, wt, W, n_out, n_in);
			simd_gemm_from(w->level, z, b, 0, in, n_in, 1, wt, batch, n_in, n_out);
		}
		if (m->act[l] == ACT_TANH)
			simd_tanh(w->level, y, z, n);
		else
			act_forward(y, z, n, m->act[l]);
		in = y;
		if (w->mask && w->masked && l + 1 < m->n_layers) {
			for (r = 0; r < n; r++)
				w->h[l][r] = y[r] * w->mask[l][r];
			in = w->h[l];
		}
	}
}

/* d: (batch, sizes[l+1]), l >= 1; w->d[l-1] = f'(z_(l-1)) * (W_l^T d) [* mask]: the
 * delta of layer l-1 from layer l's (each sum over j from 0 up, from +0). */
static void delta_prev(MlpWork *w, const Mlp *m, size_t l, const double *d, size_t batch)
{
	size_t n_in = m->sizes[l], n_out = m->sizes[l + 1], n = batch * n_in, r;
	const double *W = m->params + m->w_off[l];
	double *dy = w->dy, *dprev = w->d[l - 1];

	if (w->level == SIMD_PORTABLE) {
		memset(dy, 0, n * sizeof *dy);
		for (r = 0; r < batch; r++)
			linalg_gemv_t(dy + r * n_in, W, d + r * n_out, n_out, n_in);
	} else {
		simd_gemm_from(w->level, dy, w->zero, 0, d, n_out, 1, W, batch, n_out, n_in);
	}
	if (w->mask && w->masked)
		for (r = 0; r < n; r++)
			dy[r] *= w->mask[l - 1][r];
	memset(dprev, 0, n * sizeof *dprev);
	if (m->act[l - 1] == ACT_TANH)
		simd_tanh_backward(w->level, dprev, dy, w->y[l - 1], n);
	else
		act_backward(dprev, dy, w->z[l - 1], w->y[l - 1], n, m->act[l - 1]);
}

void mlp_backward(double *grad, MlpWork *w, const Mlp *m, const double *x, const double *dz_out,
                  size_t batch)
{
	const double *d = dz_out;
	size_t l = m->n_layers, r, j;

	while (l-- > 0) {
		size_t n_in = m->sizes[l], n_out = m->sizes[l + 1];
		const double *in = l == 0 ? x : w->mask && w->masked ? w->h[l - 1] : w->y[l - 1];
		double *gw = grad + m->w_off[l], *gb = gw + n_out * n_in;

		if (w->level == SIMD_PORTABLE) {
			for (r = 0; r < batch; r++) {
				linalg_ger(gw, d + r * n_out, in + r * n_in, n_out, n_in);
				linalg_axpy(gb, 1.0, d + r * n_out, n_out);
			}
		} else {
			simd_gemm(w->level, gw, d, 1, n_out, in, n_out, batch, n_in);
			for (r = 0; r < batch; r++)
				for (j = 0; j < n_out; j++)
					gb[j] += d[r * n_out + j];
		}
		if (l == 0)
			break;
		delta_prev(w, m, l, d, batch);
		d = w->d[l - 1];
	}
}

void mlp_work_weights_changed(MlpWork *w)
{
	w->wt_current = 0;
}

int mlp_backward_sgd(MlpWork *w, Mlp *m, const double *x, const double *dz_out, size_t batch,
                     double lr)
{
	const double *d = dz_out;
	size_t l = m->n_layers;
	int bad = 0;

	while (l-- > 0) {
		size_t n_in = m->sizes[l], n_out = m->sizes[l + 1];
		double *W = m->params + m->w_off[l];
		const double *in = l == 0 ? x : w->mask && w->masked ? w->h[l - 1] : w->y[l - 1];

		if (l > 0)
			delta_prev(w, m, l, d, batch); /* from the old W_l */
		bad |= simd_sgd_dense(w->level, W, w->wt + m->w_off[l], W + n_out * n_in, d, in,
		                      batch, n_out, n_in, lr);
		if (l > 0)
			d = w->d[l - 1];
	}
	w->wt_current = 1;
	return bad;
}

