/* linalg.c: the plain double-precision kernels (dot, axpy, gemv, ger, small gemm) and
 * the least-squares solver by Householder QR.
 * libc and libm only; no allocation. Sums run in the order documented in linalg.h. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nn/linalg.h"

double linalg_dot(const double *x, const double *y, size_t n)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

void linalg_axpy(double *y, double a, const double *x, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] += a * x[i];
}

void linalg_gemv(double *y, const double *a, const double *x, size_t m, size_t n)
{
	size_t i, j;

	for (i = 0; i < m; i++) {
		const double *row = a + i * n;
		double s = y[i];
		for (j = 0; j < n; j++)
			s += row[j] * x[j];
		y[i] = s;
	}
}

void linalg_gemv_t(double *y, const double *a, const double *x, size_t m, size_t n)
{
	size_t i, j;

	for (i = 0; i < m; i++) {
		const double *row = a + i * n;
		double xi = x[i];
		for (j = 0; j < n; j++)
			y[j] += row[j] * xi;
	}
}

void linalg_ger(double *a, const double *x, const double *y, size_t m, size_t n)
{
	size_t i, j;

	for (i = 0; i < m; i++) {
		double *row = a + i * n;
		double xi = x[i];
		for (j = 0; j < n; j++)
			row[j] += xi * y[j];
	}
}

void linalg_gemm_nn(double *c, const double *a, const double *b, size_t m, size_t k, size_t n)
{
	size_t i, p, j;

	for (i = 0; i < m; i++) {
		double *ci = c + i * n;
		for (p = 0; p < k; p++) {
			const double *bp = b + p * n;
			double aip = a[i * k + p];
			for (j = 0; j < n; j++)
				ci[j] += aip * bp[j];
		}
	}
}

void linalg_gemm_tn(double *c, const double *a, const double *b, size_t m, size_t k, size_t n)
{
	size_t i, p, j;

	for (p = 0; p < k; p++) {
		const double *bp = b + p * n;
		for (i = 0; i < m; i++) {
			double *ci = c + i * n;
			double api = a[p * m + i];
			for (j = 0; j < n; j++)
				ci[j] += api * bp[j];
		}
	}
}

void linalg_gemm_nt(double *c, const double *a, const double *b, size_t m, size_t k, size_t n)
{
	size_t i;

	for (i = 0; i < m; i++)
		linalg_gemv(c + i * n, b, a + i * k, n, k);
}

void linalg_transpose(double *out, const double *a, size_t m, size_t n)
{
	size_t i, j;

	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++)
			out[j * m + i] = a[i * n + j];
}

bool linalg_all_tame(const double *x, size_t n)
{
	const uint64_t exp = UINT64_C(0x7ff0000000000000);
	const uint64_t limit = (uint64_t)(1023 + 512) << 52; /* the biased exponent of 2^512 */
	uint64_t bad = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t b;
		memcpy(&b, &x[i], sizeof b);
		bad |= (b & exp) >= limit; /* also infinity and NaN: exponent all ones */
	}
	return !bad;
}

NnStatus linalg_qr_solve(double *w, double *a, size_t m, size_t c)
{
	size_t s = c + 1, j, i, k;

	for (j = 0; j < c; j++) {
		double norm = 0, alpha, vnorm;
		for (i = j; i < m; i++)
			norm += a[i * s + j] * a[i * s + j];
		norm = sqrt(norm);
		if (norm == 0)
			return NN_ERR_SHAPE;
		alpha = a[j * s + j] > 0 ? -norm : norm;
		/* v = a_(j..m, j) - alpha e_1, kept in place of the column */
		a[j * s + j] -= alpha;
		vnorm = 0;
		for (i = j; i < m; i++)
			vnorm += a[i * s + j] * a[i * s + j];
		for (k = j + 1; k < s; k++) {
			double dot = 0;
			for (i = j; i < m; i++)
				dot += a[i * s + j] * a[i * s + k];
			dot *= 2 / vnorm;
			for (i = j; i < m; i++)
				a[i * s + k] -= dot * a[i * s + j];
		}
		a[j * s + j] = alpha; /* R's diagonal; the rest of v is not needed again */
	}
	for (j = c; j-- > 0;) {
		double v = a[j * s + c];
		for (k = j + 1; k < c; k++)
			v -= a[j * s + k] * w[k];
		if (fabs(a[j * s + j]) < 1e-300)
			return NN_ERR_SHAPE;
		w[j] = v / a[j * s + j];
	}
	return NN_OK;
}
