/* dense.c: linear layer over a batch, embedding gather and scatter, residual add.
 * libc only; no allocation. */
#include <config.h>

#include "nn/dense.h"
#include "nn/linalg.h"

void dense_forward(double *y, const double *x, const double *w, const double *b, size_t n,
                   size_t in, size_t out)
{
	size_t r = 0, o, k;

	/* four rows at a time: four independent sums (each still summed from k = 0 up, as
	 * linalg_dot does) keep the pipeline busy where one sum would wait on itself */
	for (; r + 4 <= n; r += 4) {
		const double *x0 = x + r * in, *x1 = x0 + in, *x2 = x1 + in, *x3 = x2 + in;
		for (o = 0; o < out; o++) {
			const double *wo = w + o * in;
			double s0 = 0, s1 = 0, s2 = 0, s3 = 0, bo = b ? b[o] : 0.0;
			for (k = 0; k < in; k++) {
				double wk = wo[k];
				s0 += x0[k] * wk;
				s1 += x1[k] * wk;
				s2 += x2[k] * wk;
				s3 += x3[k] * wk;
			}
			y[r * out + o] = bo + s0;
			y[(r + 1) * out + o] = bo + s1;
			y[(r + 2) * out + o] = bo + s2;
			y[(r + 3) * out + o] = bo + s3;
		}
	}
	for (; r < n; r++)
		for (o = 0; o < out; o++)
			y[r * out + o] = (b ? b[o] : 0.0) + linalg_dot(x + r * in, w + o * in, in);
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
