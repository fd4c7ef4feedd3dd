/* toydist.c: the toy target distributions, grid histograms and the two distances.
 * libc and libm only. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/names.h"
#include "nn/toydist.h"

#define PI 3.14159265358979323846

static const char *const toydist_names[TOYDIST_COUNT] = {
    "gaussian", "bimodal", "moons", "ring", "circle8",
};

const char *toydist_name(ToyDistKind k)
{
	return k < TOYDIST_COUNT ? toydist_names[k] : "?";
}

int toydist_from_name(ToyDistKind *k, const char *name)
{
	int i = names_find(toydist_names, TOYDIST_COUNT, name);

	if (i < 0)
		return -1;
	*k = (ToyDistKind)i;
	return 0;
}

size_t toydist_dim(ToyDistKind k)
{
	return k == TOYDIST_GAUSSIAN || k == TOYDIST_BIMODAL ? 1 : 2;
}

/* One sample of k into p (draws in a fixed order: the choice first, then the noise). */
static void sample_one(double *p, ToyDistKind k, Rng *r)
{
	switch (k) {
	case TOYDIST_GAUSSIAN:
		p[0] = rng_normal(r, 1.5, 0.5);
		break;
	case TOYDIST_BIMODAL: {
		double c = rng_uniform(r) < 0.5 ? -1.5 : 1.5;
		p[0] = rng_normal(r, c, 0.4);
		break;
	}
	case TOYDIST_MOONS: {
		int arm = rng_uniform(r) < 0.5;
		double t = PI * rng_uniform(r);
		double x = cos(t) - 0.5, y = sin(t) - 0.25;
		p[0] = (arm ? -x : x) + rng_normal(r, 0.0, 0.1);
		p[1] = (arm ? -y : y) + rng_normal(r, 0.0, 0.1);
		break;
	}
	case TOYDIST_RING: {
		double a = 2 * PI * rng_uniform(r), rad = rng_normal(r, 1.5, 0.1);
		p[0] = rad * cos(a);
		p[1] = rad * sin(a);
		break;
	}
	case TOYDIST_CIRCLE8: {
		double a = 2 * PI * (double)rng_below(r, 8) / 8.0;
		p[0] = rng_normal(r, 1.5 * cos(a), 0.1);
		p[1] = rng_normal(r, 1.5 * sin(a), 0.1);
		break;
	}
	case TOYDIST_COUNT:
		break;
	}
}

void toydist_sample(double *x, ToyDistKind k, size_t n, Rng *r)
{
	size_t i, dim = toydist_dim(k);

	for (i = 0; i < n; i++)
		sample_one(x + i * dim, k, r);
}

NnStatus toydist_grid_init(ToyGrid *g, size_t dim, size_t bins, double lo, double hi)
{
	memset(g, 0, sizeof *g);
	if (dim < 1 || dim > 2 || bins < 1 || bins > 4096 || !(lo < hi))
		return NN_ERR_ARG;
	g->dim = dim;
	g->bins = bins;
	g->cells = dim == 1 ? bins : bins * bins;
	g->lo = lo;
	g->hi = hi;
	g->ha = calloc(2 * g->cells, sizeof *g->ha);
	if (!g->ha) {
		memset(g, 0, sizeof *g);
		return NN_ERR_NOMEM;
	}
	g->hb = g->ha + g->cells;
	return NN_OK;
}

void toydist_grid_free(ToyGrid *g)
{
	free(g->ha);
	memset(g, 0, sizeof *g);
}

/* The bin of v along one axis, edges included (NaN counts in bin 0). */
static size_t axis_bin(const ToyGrid *g, double v)
{
	double f = (v - g->lo) / (g->hi - g->lo) * (double)g->bins;

	if (!(f >= 0.0))
		return 0;
	if (f >= (double)g->bins)
		return g->bins - 1;
	return (size_t)f;
}

size_t toydist_cell(const ToyGrid *g, const double *x)
{
	size_t c = axis_bin(g, x[0]);

	if (g->dim == 2)
		c = c * g->bins + axis_bin(g, x[1]);
	return c;
}

void toydist_histogram(double *h, const ToyGrid *g, const double *x, size_t n)
{
	size_t i;
	double w = 1.0 / (double)n;

	memset(h, 0, g->cells * sizeof *h);
	for (i = 0; i < n; i++)
		h[toydist_cell(g, x + i * g->dim)] += w;
}

double toydist_tv(ToyGrid *g, const double *a, size_t na, const double *b, size_t nb)
{
	double s = 0.0;
	size_t c;

	toydist_histogram(g->ha, g, a, na);
	toydist_histogram(g->hb, g, b, nb);
	for (c = 0; c < g->cells; c++)
		s += fabs(g->ha[c] - g->hb[c]);
	return 0.5 * s;
}

/* The mean of |x_i - y_j| over every pair. */
static double mean_dist(const double *x, size_t nx, const double *y, size_t ny, size_t dim)
{
	double s = 0.0;
	size_t i, j, d;

	for (i = 0; i < nx; i++)
		for (j = 0; j < ny; j++) {
			double q = 0.0;
			for (d = 0; d < dim; d++) {
				double t = x[i * dim + d] - y[j * dim + d];
				q += t * t;
			}
			s += sqrt(q);
		}
	return s / ((double)nx * (double)ny);
}

double toydist_energy(const double *a, size_t na, const double *b, size_t nb, size_t dim)
{
	double e = 2.0 * mean_dist(a, na, b, nb, dim) - mean_dist(a, na, a, na, dim) -
		   mean_dist(b, nb, b, nb, dim);
	return e > 0.0 ? e : 0.0;
}
