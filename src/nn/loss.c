/* loss.c: MSE, BCE from logits, softmax cross-entropy (one-hot or class indices).
 * libc and libm only; no allocation. */
#include <config.h>

#include <math.h>

#include "nn/names.h"
#include "nn/loss.h"

static const char *const loss_names[LOSS_COUNT] = {"mse", "bce", "ce"};

const char *loss_name(Loss l)
{
	return l < LOSS_COUNT ? loss_names[l] : "?";
}

int loss_from_name(Loss *l, const char *name)
{
	int i = names_find(loss_names, LOSS_COUNT, name);

	if (i < 0)
		return -1;
	*l = (Loss)i;
	return 0;
}

Activation loss_output_act(Loss l, Activation requested)
{
	switch (l) {
	case LOSS_BCE:
		return ACT_SIGMOID;
	case LOSS_CE:
		return ACT_LINEAR;
	default:
		return requested;
	}
}

/* ln(1 + e^-|z|) + max(z, 0) - z t: BCE of sigmoid(z) against t. */
static double bce_logit(double z, double t)
{
	return (z > 0 ? z : 0.0) - z * t + log1p(exp(-fabs(z)));
}

void loss_softmax(double *p, const double *z, size_t n)
{
	double max = -INFINITY, sum = 0.0;
	size_t k;

	for (k = 0; k < n; k++)
		if (z[k] > max)
			max = z[k];
	for (k = 0; k < n; k++)
		sum += p[k] = exp(z[k] - max);
	for (k = 0; k < n; k++)
		p[k] /= sum;
}

/* -sum_k t_k ln softmax(z)_k = logsumexp(z) - sum_k t_k z_k for one example. */
static double ce_row(const double *z, const double *t, size_t n)
{
	double max = -INFINITY, sum = 0.0, dot = 0.0, tsum = 0.0;
	size_t k;

	for (k = 0; k < n; k++)
		if (z[k] > max)
			max = z[k];
	for (k = 0; k < n; k++) {
		sum += exp(z[k] - max);
		dot += t[k] * (z[k] - max);
		tsum += t[k];
	}
	return tsum * log(sum) - dot;
}

double loss_forward(Loss l, const double *z, const double *y, const double *t, size_t batch,
                    size_t n_out)
{
	size_t i, n = batch * n_out;
	double s = 0.0;

	switch (l) {
	case LOSS_MSE:
		for (i = 0; i < n; i++)
			s += (y[i] - t[i]) * (y[i] - t[i]);
		return s / (double)n;
	case LOSS_BCE:
		for (i = 0; i < n; i++)
			s += bce_logit(z[i], t[i]);
		return s / (double)n;
	case LOSS_CE:
		if (n_out == 1)
			return loss_forward(LOSS_BCE, z, y, t, batch, n_out);
		for (i = 0; i < batch; i++)
			s += ce_row(z + i * n_out, t + i * n_out, n_out);
		return s / (double)batch;
	case LOSS_COUNT:
		break;
	}
	return NAN;
}

void loss_backward(double *dz, Loss l, Activation a, const double *z, const double *y,
                   const double *t, size_t batch, size_t n_out)
{
	size_t i, k, n = batch * n_out;
	double scale;

	switch (l) {
	case LOSS_MSE:
		scale = 2.0 / (double)n;
		for (i = 0; i < n; i++)
			dz[i] += scale * (y[i] - t[i]) * act_deriv(a, z[i], y[i]);
		return;
	case LOSS_BCE:
		for (i = 0; i < n; i++)
			dz[i] += (act_sigmoid(z[i]) - t[i]) / (double)n;
		return;
	case LOSS_CE:
		if (n_out == 1) {
			loss_backward(dz, LOSS_BCE, a, z, y, t, batch, n_out);
			return;
		}
		for (i = 0; i < batch; i++) {
			const double *zi = z + i * n_out, *ti = t + i * n_out;
			double max = -INFINITY, sum = 0.0;
			for (k = 0; k < n_out; k++)
				if (zi[k] > max)
					max = zi[k];
			for (k = 0; k < n_out; k++)
				sum += exp(zi[k] - max);
			for (k = 0; k < n_out; k++)
				dz[i * n_out + k] +=
				    (exp(zi[k] - max) / sum - ti[k]) / (double)batch;
		}
		return;
	case LOSS_COUNT:
		break;
	}
}

/* The rows of c that count. */
static size_t counted(const size_t *c, size_t n)
{
	size_t r, m = 0;

	for (r = 0; r < n; r++)
		m += c[r] != LOSS_IGNORE;
	return m;
}

/* ln sum_k e^(z_k - max) and max, for one row. */
static double log_sum_exp(double *max, const double *z, size_t k)
{
	double mx = -INFINITY, sum = 0.0;
	size_t j;

	for (j = 0; j < k; j++)
		if (z[j] > mx)
			mx = z[j];
	for (j = 0; j < k; j++)
		sum += exp(z[j] - mx);
	*max = mx;
	return log(sum);
}

double loss_softmax_ce_forward(const double *z, const size_t *c, size_t n, size_t k)
{
	size_t r, m = counted(c, n);
	double s = 0.0;

	for (r = 0; r < n; r++) {
		double max, lse;
		if (c[r] == LOSS_IGNORE)
			continue;
		lse = log_sum_exp(&max, z + r * k, k);
		s += lse - (z[r * k + c[r]] - max);
	}
	return m ? s / (double)m : 0.0;
}

void loss_softmax_ce_backward(double *dz, double dy, const double *z, const size_t *c, size_t n,
                              size_t k)
{
	size_t r, j, m = counted(c, n);

	for (r = 0; r < n; r++) {
		const double *zr = z + r * k;
		double max, lse, scale = dy / (double)m;
		if (c[r] == LOSS_IGNORE)
			continue;
		lse = log_sum_exp(&max, zr, k);
		for (j = 0; j < k; j++)
			dz[r * k + j] += scale * (exp(zr[j] - max - lse) - (j == c[r]));
	}
}
