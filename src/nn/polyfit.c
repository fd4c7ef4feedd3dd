/* polyfit.c: least-squares and ridge polynomial fits by Householder QR.
 * libc and libm only. */
#include <config.h>

#include <math.h>

#include "nn/linalg.h"
#include "nn/polyfit.h"
#include "nn/rng.h"

size_t polyfit_work_size(size_t n, size_t degree)
{
	return (n + degree + 1) * (degree + 2);
}

NnStatus polyfit_solve(double *w, const double *x, const double *y, size_t n, size_t degree,
		       double lambda, double *work)
{
	size_t c = degree + 1, s = c + 1, m = lambda > 0 ? n + degree : n, i, k;
	double root = sqrt((double)n * (lambda > 0 ? lambda : 0));

	if (degree > POLYFIT_MAX_DEGREE || !(lambda >= 0) || m < c)
		return NN_ERR_ARG;
	for (i = 0; i < n; i++) {
		double p = 1;
		for (k = 0; k < c; k++, p *= x[i])
			work[i * s + k] = p;
		work[i * s + c] = y[i];
	}
	for (i = n; i < m; i++) { /* sqrt(n lambda) w_k = 0 for k = 1 .. degree */
		for (k = 0; k < s; k++)
			work[i * s + k] = 0;
		work[i * s + (i - n + 1)] = root;
	}
	return linalg_qr_solve(w, work, m, c);
}

double polyfit_eval(const double *w, size_t degree, double x)
{
	double p = w[degree];
	size_t k;

	for (k = degree; k-- > 0;)
		p = p * x + w[k];
	return p;
}

double polyfit_mse(const double *w, size_t degree, const double *x, const double *y, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double e = polyfit_eval(w, degree, x[i]) - y[i];
		sum += e * e;
	}
	return n ? sum / (double)n : 0;
}

void polyfit_points(double *x, double *y, size_t n, double noise, unsigned long long seed)
{
	const double pi = 3.14159265358979323846;
	Rng r;
	size_t i;

	rng_seed(&r, (uint64_t)seed);
	for (i = 0; i < n; i++) {
		x[i] = rng_range(&r, -1, 1);
		y[i] = sin(pi * x[i]) + rng_normal(&r, 0, noise);
	}
}
