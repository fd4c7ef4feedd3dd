/* norm.c: layer norm per row, batch norm per channel (training and inference).
 * libc and libm only; no allocation. A channel of batch norm is a strided group of
 * values (see Group); its training and inference forms share the group helpers. */
#include <config.h>

#include <math.h>

#include "nn/norm.h"

/* The values of one group: for a in [0, outer), b in [0, inner), the element at
 * base + a * outer_step + b. A row of layer norm is outer = 1, inner = d; a channel of
 * batch norm is outer = n (step c s), inner = s. */
typedef struct {
	size_t base, outer, outer_step, inner;
} Group;

#define FOR_GROUP(gr, at)                                                                  \
	for (size_t a_ = 0; a_ < (gr)->outer; a_++)                                         \
		for (size_t b_ = 0, at = (gr)->base + a_ * (gr)->outer_step;                \
		     b_ < (gr)->inner; b_++, at++)

static size_t group_count(const Group *gr)
{
	return gr->outer * gr->inner;
}

/* The mean and the biased variance of x over the group (two passes). */
static void group_stats(double *mean, double *var, const double *x, const Group *gr)
{
	double m = (double)group_count(gr), s = 0.0, q = 0.0, mu;

	FOR_GROUP(gr, at)
		s += x[at];
	mu = s / m;
	FOR_GROUP(gr, at)
		q += (x[at] - mu) * (x[at] - mu);
	*mean = mu;
	*var = q / m;
}

/* y = g (x - mean) rstd + b over the group. */
static void group_apply(double *y, const double *x, double mean, double rstd, double g, double b,
                        const Group *gr)
{
	FOR_GROUP(gr, at)
		y[at] = g * ((x[at] - mean) * rstd) + b;
}

/* The normalization's backward over one group with scale g: the gradient through the
 * statistics included when full (training), left out when they are constants. Adds
 * into dx (if any) and returns the group's sums of dy and dy xh in *sdy, *sdyxh. */
static void group_backward(double *dx, double *sdy, double *sdyxh, const double *dy,
                           const double *x, double mean, double rstd, double g, int full,
                           const Group *gr)
{
	double m = (double)group_count(gr), a = 0.0, c = 0.0;

	FOR_GROUP(gr, at) {
		a += dy[at];
		c += dy[at] * ((x[at] - mean) * rstd);
	}
	*sdy = a;
	*sdyxh = c;
	if (!dx)
		return;
	FOR_GROUP(gr, at) {
		double xh = (x[at] - mean) * rstd, e = dy[at] * g;
		if (full)
			dx[at] += rstd * (e - g * a / m - xh * (g * c / m));
		else
			dx[at] += e * rstd;
	}
}

void layernorm_forward(double *y, double *mean, double *rstd, const double *x, const double *g,
                       const double *b, size_t n, size_t d, double eps)
{
	size_t r, k;

	for (r = 0; r < n; r++) {
		Group gr = {r * d, 1, 0, d};
		double var;
		group_stats(&mean[r], &var, x, &gr);
		rstd[r] = 1.0 / sqrt(var + eps);
		for (k = 0; k < d; k++)
			y[r * d + k] = g[k] * ((x[r * d + k] - mean[r]) * rstd[r]) + b[k];
	}
}

void layernorm_backward(double *dx, double *dg, double *db, const double *dy, const double *mean,
                        const double *rstd, const double *x, const double *g, size_t n,
                        size_t d)
{
	size_t r, k;

	for (r = 0; r < n; r++) {
		const double *xr = x + r * d, *dyr = dy + r * d;
		double a = 0.0, c = 0.0, m = (double)d;
		for (k = 0; k < d; k++) {
			double xh = (xr[k] - mean[r]) * rstd[r];
			double e = dyr[k] * g[k];
			a += e;
			c += e * xh;
			dg[k] += dyr[k] * xh;
			db[k] += dyr[k];
		}
		if (dx)
			for (k = 0; k < d; k++) {
				double xh = (xr[k] - mean[r]) * rstd[r];
				dx[r * d + k] += rstd[r] * (dyr[k] * g[k] - a / m - xh * (c / m));
			}
	}
}

static Group channel(const BatchNormShape *s, size_t ch)
{
	Group gr = {ch * s->s, s->n, s->c * s->s, s->s};
	return gr;
}

void batchnorm_forward(double *y, double *mean, double *rstd, double *run_mean, double *run_var,
                       const double *x, const double *g, const double *b,
                       const BatchNormShape *s)
{
	size_t ch, m = s->n * s->s;

	for (ch = 0; ch < s->c; ch++) {
		Group gr = channel(s, ch);
		double var;
		group_stats(&mean[ch], &var, x, &gr);
		rstd[ch] = 1.0 / sqrt(var + s->eps);
		group_apply(y, x, mean[ch], rstd[ch], g[ch], b[ch], &gr);
		if (!run_mean)
			continue;
		run_mean[ch] = (1 - s->momentum) * run_mean[ch] + s->momentum * mean[ch];
		if (m > 1)
			run_var[ch] = (1 - s->momentum) * run_var[ch] +
			              s->momentum * (var * (double)m / (double)(m - 1));
	}
}

void batchnorm_backward(double *dx, double *dg, double *db, const double *dy, const double *mean,
                        const double *rstd, const double *x, const double *g,
                        const BatchNormShape *s)
{
	size_t ch;

	for (ch = 0; ch < s->c; ch++) {
		Group gr = channel(s, ch);
		double sdy, sdyxh;
		group_backward(dx, &sdy, &sdyxh, dy, x, mean[ch], rstd[ch], g[ch], 1, &gr);
		dg[ch] += sdyxh;
		db[ch] += sdy;
	}
}

void batchnorm_infer(double *y, const double *run_mean, const double *run_var, const double *x,
                     const double *g, const double *b, const BatchNormShape *s)
{
	size_t ch;

	for (ch = 0; ch < s->c; ch++) {
		Group gr = channel(s, ch);
		group_apply(y, x, run_mean[ch], 1.0 / sqrt(run_var[ch] + s->eps), g[ch], b[ch], &gr);
	}
}

void batchnorm_infer_backward(double *dx, double *dg, double *db, const double *dy,
                              const double *run_mean, const double *run_var, const double *x,
                              const double *g, const BatchNormShape *s)
{
	size_t ch;

	for (ch = 0; ch < s->c; ch++) {
		Group gr = channel(s, ch);
		double sdy, sdyxh;
		group_backward(dx, &sdy, &sdyxh, dy, x, run_mean[ch], 1.0 / sqrt(run_var[ch] + s->eps),
		               g[ch], 0, &gr);
		dg[ch] += sdyxh;
		db[ch] += sdy;
	}
}
