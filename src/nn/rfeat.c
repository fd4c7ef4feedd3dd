/* rfeat.c: random cosine features, their least-squares and minimum-norm fits, and the
 * double-descent curve. libc and libm only. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/linalg.h"
#include "nn/polyfit.h"
#include "nn/rfeat.h"

static const double two_pi = 6.28318530717958647692;

void rf_draw(double *w, double *b, size_t p, double sigma, Rng *r)
{
	size_t j;

	for (j = 0; j < p; j++) {
		w[j] = rng_normal(r, 0, sigma);
		b[j] = rng_range(r, 0, two_pi);
	}
}

void rf_cos(double *c, const double *x, size_t m, const double *w, const double *b, size_t p)
{
	size_t i, j;

	for (i = 0; i < m; i++)
		for (j = 0; j < p; j++)
			c[i * p + j] = cos(w[j] * x[i] + b[j]);
}

size_t rf_work_size(size_t n, size_t p)
{
	return (n + p) * (p + 1);
}

NnStatus rf_fit(double *a, const double *c, size_t ld, const double *y, size_t n, size_t p,
		double lambda, double *work)
{
	size_t m = lambda > 0 ? n + p : n, s = p + 1, i, j;
	double scale, root;

	if (p == 0 || !(lambda >= 0) || m < p)
		return NN_ERR_ARG;
	scale = sqrt(2.0 / (double)p);
	root = sqrt(lambda);
	for (i = 0; i < n; i++) {
		for (j = 0; j < p; j++)
			work[i * s + j] = scale * c[i * ld + j];
		work[i * s + p] = y[i];
	}
	for (i = n; i < m; i++) { /* sqrt(lambda) a_j = 0 */
		memset(work + i * s, 0, s * sizeof *work);
		work[i * s + (i - n)] = root;
	}
	return linalg_qr_solve(a, work, m, p);
}

double rf_predict(const double *a, const double *crow, size_t p)
{
	return sqrt(2.0 / (double)p) * linalg_dot(a, crow, p);
}

double rf_mse(const double *a, const double *c, size_t ld, const double *y, size_t m, size_t p)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < m; i++) {
		double e = rf_predict(a, c + i * ld, p) - y[i];
		sum += e * e;
	}
	return m ? sum / (double)m : 0;
}

size_t rf_curve_work_size(const RfSetup *s)
{
	return 2 * s->n + 2 * s->ntest + 3 * s->pmax + (s->n + s->ntest) * s->pmax +
	       rf_work_size(s->n, s->pmax);
}

NnStatus rf_curve(double *test, double *train, double *norm, const RfSetup *s, double *work)
{
	size_t n = s->n, nt = s->ntest, P = s->pmax, p;
	double *x = work, *y = x + n, *tx = y + n, *ty = tx + nt, *w = ty + nt, *b = w + P;
	double *a = b + P, *c = a + P, *tc = c + n * P, *solve = tc + nt * P;
	int d, draws = s->draws > 0 ? s->draws : 1;

	polyfit_points(x, y, n, s->noise, s->seed);
	polyfit_points(tx, ty, nt, 0, s->seed + 1000003ULL);
	memset(test, 0, P * sizeof *test);
	memset(train, 0, P * sizeof *train);
	memset(norm, 0, P * sizeof *norm);
	for (d = 0; d < draws; d++) {
		Rng r;
		rng_seed(&r, s->seed + 1 + (unsigned long long)d);
		rf_draw(w, b, P, s->sigma, &r);
		rf_cos(c, x, n, w, b, P);
		rf_cos(tc, tx, nt, w, b, P);
		for (p = 1; p <= P; p++) {
			NnStatus st = rf_fit(a, c, P, y, n, p, s->lambda, solve);
			if (st != NN_OK)
				return st;
			test[p - 1] += rf_mse(a, tc, P, ty, nt, p) / draws;
			train[p - 1] += rf_mse(a, c, P, y, n, p) / draws;
			norm[p - 1] += sqrt(linalg_dot(a, a, p)) / draws;
		}
	}
	return NN_OK;
}
