/* dropout.c: inverted dropout masks, forward and backward.
 * libc only. */
#include <config.h>

#include "nn/dropout.h"

void dropout_mask(double *mask, size_t n, double p, Rng *r)
{
	double keep = 1.0 / (1.0 - p);
	size_t i;

	for (i = 0; i < n; i++)
		mask[i] = rng_uniform(r) >= p ? keep : 0.0;
}

void dropout_forward(double *y, const double *x, const double *mask, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = x[i] * mask[i];
}

void dropout_backward(double *dx, const double *dy, const double *mask, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		dx[i] += dy[i] * mask[i];
}
