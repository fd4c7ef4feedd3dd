/* varprop.c: the variance of the totals and of the deltas of a deep plain network at its
 * start, layer by layer. libc and libm only. */
#include <config.h>

#include <string.h>

#include "nn/dense.h"
#include "nn/varprop.h"

size_t varprop_work_size(const VarNet *v)
{
	size_t L = v->layers, n = v->width, b = v->batch;

	return (L + 1) * n * n + (3 * L + 2) * b * n;
}

double varprop_variance(const double *x, size_t n)
{
	double s = 0, q = 0, m;
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		s += x[i];
		q += x[i] * x[i];
	}
	m = s / (double)n;
	return q / (double)n - m * m;
}

NnStatus varprop_run(double *fwd, double *bwd, const VarNet *v, double *work)
{
	size_t L = v->layers, n = v->width, b = v->batch, bn = b * n, l, k;
	double *w = work, *dw = w + L * n * n, *x = dw + n * n, *z = x + bn, *h = z + L * bn;
	double *d = h + L * bn, *dh = d + L * bn;
	Rng r;

	if (!L || !n || !b)
		return NN_ERR_ARG;
	rng_seed(&r, v->seed);
	for (l = 0; l < L; l++)
		init_weights(w + l * n * n, n, n, v->scheme, v->value, &r);
	for (k = 0; k < bn; k++)
		x[k] = rng_normal(&r, 0, 1);
	for (k = 0; k < bn; k++)
		dh[k] = rng_normal(&r, 0, 1);
	for (l = 0; l < L; l++) {
		dense_forward(z + l * bn, l ? h + (l - 1) * bn : x, w + l * n * n, NULL, b, n, n);
		act_forward(h + l * bn, z + l * bn, bn, v->act);
		fwd[l] = varprop_variance(z + l * bn, bn);
	}
	memset(d, 0, L * bn * sizeof *d);
	for (l = L; l-- > 0;) {
		act_backward(d + l * bn, dh, z + l * bn, h + l * bn, bn, v->act);
		bwd[l] = varprop_variance(d + l * bn, bn);
		memset(dh, 0, bn * sizeof *dh);
		memset(dw, 0, n * n * sizeof *dw); /* asked for, not kept */
		dense_backward(l ? dh : NULL, dw, NULL, d + l * bn, l ? h + (l - 1) * bn : x,
			       w + l * n * n, b, n, n);
	}
	return NN_OK;
}
