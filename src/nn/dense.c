/* dense.c: linear layer over a batch, embedding gather and scatter, residual add.
 * libc only; no allocation. */
#include <config.h>

#include "nn/dense.h"
#include "nn/linalg.h"

void dense_forward(double *y, const double *x, const double *w, const double *b, size_t n,
                   size_t in, size_t out)
{
	size_t r, o;

	for (r = 0; r < n; r++) {
		double *yr = y + r * out;
		const double *xr = x + r * in;
		for (o = 0; o < out; o++)
			yr[o] = (b ? b[o] : 0.0) + linalg_dot(xr, w + o * in, in);
	}
}

void dense_backward(double *dx, double *dw, double *db, const double *dy, const double *x,
                    const double *w, size_t n, size_t in, size_t out)
{
	size_t r, o;

	if (dx)
		linalg_gemm_nn(dx, dy, w, n, out, in);
	for (r = 0; r < n; r++) {
		const double *dyr = dy + r * out;
		linalg_ger(dw, dyr, x + r * in, out, in);
		if (db)
			for (o = 0; o < out; o++)
				db[o] += dyr[o];
	}
}

void embed_forward(double *y, const double *table, const size_t *ids, size_t n, size_t d)
{
	size_t r, k;

	for (r = 0; r < n; r++) {
		const double *row = table + ids[r] * d;
		for (k = 0; k < d; k++)
			y[r * d + k] = row[k];
	}
}

void embed_backward(double *dtable, const double *dy, const size_t *ids, size_t n, size_t d)
{
	size_t r;

	for (r = 0; r < n; r++)
		linalg_axpy(dtable + ids[r] * d, 1.0, dy + r * d, d);
}

void residual_forward(double *y, const double *a, const double *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = a[i] + b[i];
}

void residual_backward(double *da, double *db, const double *dy, size_t n)
{
	size_t i;

	if (da)
		for (i = 0; i < n; i++)
			da[i] += dy[i];
	if (db)
		for (i = 0; i < n; i++)
			db[i] += dy[i];
}
