/* flow.c: affine coupling layers, their inverse and log-determinant, maximum likelihood.
 * libc and libm only; allocates only in flow_init. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/flow.h"

#define LN_2PI 1.83787706640934548356

void flow_defaults(FlowConfig *c, ToyDistKind target)
{
	memset(c, 0, sizeof *c);
	c->target = target;
	c->layers = 6;
	c->hidden = 32;
	c->batch = 128;
	c->scale_max = 2.0;
	c->lr = 0.003;
	c->seed = 1;
}

NnStatus flow_init(Flow *f, const FlowConfig *c)
{
	size_t K = c->layers, B = c->batch, k;
	NnStatus st = NN_OK;

	memset(f, 0, sizeof *f);
	if (c->target >= TOYDIST_COUNT || toydist_dim(c->target) != 2 || K == 0 || B == 0 ||
	    c->hidden == 0 || !(c->scale_max > 0.0))
		return NN_ERR_ARG;
	f->cfg = *c;
	rng_seed(&f->rng, c->seed);
	f->net = calloc(K, sizeof *f->net);
	f->x = calloc(B * (2 + 2 * K + 1 + 2 * K + 2 + 1 + 2 + 2 + 1), sizeof *f->x);
	if (!f->net || !f->x) {
		flow_free(f);
		return NN_ERR_NOMEM;
	}
	for (k = 0; k < K && st == NN_OK; k++) {
		MlpUnit *u = &f->net[k];
		st = mlp_unit_init_adam(u, 1, c->hidden, 2, 2, ACT_TANH, B, c->lr, &f->rng);
		if (st == NN_OK) /* the last layer at zero: s = t = 0, the identity */
			memset(u->net.params + u->net.w_off[2], 0,
			       (u->net.n_params - u->net.w_off[2]) * sizeof *u->net.params);
	}
	if (st != NN_OK) {
		flow_free(f);
		return st;
	}
	f->in = f->x + 2 * B;
	f->cin = f->in + 2 * K * B;
	f->s = f->cin + B;
	f->th = f->s + K * B;
	f->z = f->th + K * B;
	f->ld = f->z + 2 * B;
	f->dy = f->ld + B;
	f->dnet = f->dy + 2 * B;
	f->dcin = f->dnet + 2 * B;
	return NN_OK;
}

void flow_free(Flow *f)
{
	size_t k;

	if (f->net)
		for (k = 0; k < f->cfg.layers; k++)
			mlp_unit_free(&f->net[k]);
	free(f->net);
	free(f->x);
	memset(f, 0, sizeof *f);
}

/* Layer k on m <= batch rows: y from x (y may be x), the layer's s and th filled, its
 * log|det| added into logdet when not NULL. */
static void layer_rows(double *y, double *logdet, Flow *f, size_t k, const double *x, size_t m,
                       int inverse)
{
	size_t c = k % 2, u = 1 - c, B = f->cfg.batch, i;
	double C = f->cfg.scale_max, *s = f->s + k * B, *th = f->th + k * B;
	const double *o;

	for (i = 0; i < m; i++)
		f->cin[i] = x[2 * i + c];
	mlp_unit_forward(&f->net[k], f->cin, m);
	o = mlp_unit_out(&f->net[k]);
	for (i = 0; i < m; i++) {
		double t = o[2 * i + 1];
		th[i] = tanh(o[2 * i]);
		s[i] = C * th[i];
		y[2 * i + c] = x[2 * i + c];
		if (inverse)
			y[2 * i + u] = (x[2 * i + u] - t) * exp(-s[i]);
		else
			y[2 * i + u] = x[2 * i + u] * exp(s[i]) + t;
		if (logdet)
			logdet[i] += inverse ? -s[i] : s[i];
	}
}

void flow_layer(double *y, double *logdet, Flow *f, size_t k, const double *x, size_t n,
                int inverse)
{
	size_t B = f->cfg.batch, i, m;

	for (i = 0; i < n; i += m) {
		m = n - i < B ? n - i : B;
		layer_rows(y + 2 * i, logdet ? logdet + i : NULL, f, k, x + 2 * i, m, inverse);
	}
}

/* Every layer forward on m <= batch rows, each layer's input kept in f->in; logdet set. */
static void forward_rows(double *z, double *logdet, Flow *f, const double *x, size_t m)
{
	size_t K = f->cfg.layers, B = f->cfg.batch, k;
	const double *cur = x;

	memset(logdet, 0, m * sizeof *logdet);
	for (k = 0; k < K; k++) {
		double *in = f->in + 2 * k * B;
		memcpy(in, cur, 2 * m * sizeof *in);
		layer_rows(z, logdet, f, k, in, m, 0);
		cur = z;
	}
	f->n_last = m;
}

void flow_forward(double *z, double *logdet, Flow *f, const double *x, size_t n)
{
	size_t B = f->cfg.batch, i, m;

	for (i = 0; i < n; i += m) {
		m = n - i < B ? n - i : B;
		forward_rows(z + 2 * i, f->ld, f, x + 2 * i, m);
		if (logdet)
			memcpy(logdet + i, f->ld, m * sizeof *logdet);
	}
}

void flow_inverse(double *x, Flow *f, const double *z, size_t n)
{
	size_t k = f->cfg.layers;

	memmove(x, z, 2 * n * sizeof *x);
	while (k-- > 0)
		flow_layer(x, NULL, f, k, x, n, 1);
}

void flow_log_prob(double *lp, Flow *f, const double *x, size_t n)
{
	size_t B = f->cfg.batch, i, j, m;

	for (i = 0; i < n; i += m) {
		m = n - i < B ? n - i : B;
		forward_rows(f->z, f->ld, f, x + 2 * i, m);
		for (j = 0; j < m; j++) {
			const double *z = f->z + 2 * j;
			lp[i + j] = -0.5 * (z[0] * z[0] + z[1] * z[1]) - LN_2PI + f->ld[j];
		}
	}
}

double flow_nll(Flow *f, const double *x, size_t n)
{
	double s = 0.0;
	size_t j;

	forward_rows(f->z, f->ld, f, x, n);
	for (j = 0; j < n; j++) {
		const double *z = f->z + 2 * j;
		s += 0.5 * (z[0] * z[0] + z[1] * z[1]) + LN_2PI - f->ld[j];
	}
	return s / (double)n;
}

void flow_backward(Flow *f, const double *x, size_t n)
{
	size_t B = f->cfg.batch, k = f->cfg.layers, i;
	double C = f->cfg.scale_max, inv_n = 1.0 / (double)n;

	(void)x; /* its trace is in f->in */
	for (i = 0; i < 2 * n; i++)
		f->dy[i] = f->z[i] * inv_n;
	while (k-- > 0) {
		size_t c = k % 2, u = 1 - c;
		const double *in = f->in + 2 * k * B, *s = f->s + k * B, *th = f->th + k * B;
		for (i = 0; i < n; i++) {
			double e = exp(s[i]), dyu = f->dy[2 * i + u];
			double ds = dyu * in[2 * i + u] * e - inv_n;
			f->dnet[2 * i] = ds * C * (1.0 - th[i] * th[i]);
			f->dnet[2 * i + 1] = dyu;
			f->dy[2 * i + u] = dyu * e;
			f->cin[i] = in[2 * i + c];
		}
		mlp_unit_backward(&f->net[k], f->cin, f->dnet, n);
		memset(f->dcin, 0, n * sizeof *f->dcin);
		mlp_backward_input(f->dcin, &f->net[k].work, &f->net[k].net, f->dnet, n);
		for (i = 0; i < n; i++)
			f->dy[2 * i + c] += f->dcin[i];
	}
}

double flow_step(Flow *f)
{
	size_t B = f->cfg.batch, k;
	double nll;

	toydist_sample(f->x, f->cfg.target, B, &f->rng);
	nll = flow_nll(f, f->x, B);
	for (k = 0; k < f->cfg.layers; k++)
		mlp_unit_zero_grad(&f->net[k]);
	flow_backward(f, f->x, B);
	for (k = 0; k < f->cfg.layers; k++)
		mlp_unit_step(&f->net[k]);
	f->steps++;
	return nll;
}

void flow_sample(double *x, Flow *f, size_t n)
{
	size_t i;

	for (i = 0; i < 2 * n; i++)
		x[i] = rng_normal(&f->rng, 0.0, 1.0);
	flow_inverse(x, f, x, n);
}
