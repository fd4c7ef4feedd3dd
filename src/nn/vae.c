/* vae.c: the VAE's loss, its gradient through the reparameterization, the step.
 * libc and libm only; allocates only in vae_init. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/vae.h"

void vae_defaults(VaeConfig *c, ToyDistKind target)
{
	memset(c, 0, sizeof *c);
	c->target = target;
	c->latent = 2;
	c->hidden = 32;
	c->batch = 64;
	c->sigma_x = 0.1;
	c->beta = 1.0;
	c->lr = 0.003;
	c->seed = 1;
}

NnStatus vae_init(Vae *v, const VaeConfig *c)
{
	size_t B = c->batch, k = c->latent, dim;
	NnStatus st;

	memset(v, 0, sizeof *v);
	if (c->target >= TOYDIST_COUNT || B == 0 || k == 0 || c->hidden == 0 ||
	    !(c->sigma_x > 0.0))
		return NN_ERR_ARG;
	v->cfg = *c;
	v->dim = dim = toydist_dim(c->target);
	rng_seed(&v->rng, c->seed);
	st = mlp_unit_init_adam(&v->enc, dim, c->hidden, 2, 2 * k, ACT_TANH, B, c->lr, &v->rng);
	if (st == NN_OK)
		st = mlp_unit_init_adam(&v->dec, k, c->hidden, 2, dim, ACT_TANH, B, c->lr,
					&v->rng);
	if (st == NN_OK && !(v->x = calloc(B * (2 * dim + 7 * k), sizeof *v->x)))
		st = NN_ERR_NOMEM;
	if (st != NN_OK) {
		vae_free(v);
		return st;
	}
	v->eps = v->x + B * dim;
	v->mu = v->eps + B * k;
	v->lv = v->mu + B * k;
	v->z = v->lv + B * k;
	v->dxh = v->z + B * k;
	v->dz = v->dxh + B * dim;
	v->denc = v->dz + B * k;
	return NN_OK;
}

void vae_free(Vae *v)
{
	mlp_unit_free(&v->enc);
	mlp_unit_free(&v->dec);
	free(v->x);
	memset(v, 0, sizeof *v);
}

double vae_kl(const double *mu, const double *lv, size_t n)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		s += mu[i] * mu[i] + exp(lv[i]) - 1.0 - lv[i];
	return 0.5 * s;
}

void vae_kl_backward(double *dmu, double *dlv, const double *mu, const double *lv, size_t n,
                     double scale)
{
	size_t i;

	for (i = 0; i < n; i++) {
		dmu[i] += scale * mu[i];
		dlv[i] += scale * 0.5 * (exp(lv[i]) - 1.0);
	}
}

/* Splits the encoder's rows (n, 2k) into mu and lv (n, k) each. */
static void split(double *mu, double *lv, const double *out, size_t n, size_t k)
{
	size_t r;

	for (r = 0; r < n; r++) {
		memcpy(mu + r * k, out + r * 2 * k, k * sizeof *mu);
		memcpy(lv + r * k, out + r * 2 * k + k, k * sizeof *lv);
	}
}

double vae_loss(VaeLoss *out, Vae *v, const double *x, const double *eps, size_t n)
{
	size_t k = v->cfg.latent, dim = v->dim, i;
	double s2 = v->cfg.sigma_x * v->cfg.sigma_x, rec = 0.0, kl;
	const double *xh;

	mlp_unit_forward(&v->enc, x, n);
	split(v->mu, v->lv, mlp_unit_out(&v->enc), n, k);
	for (i = 0; i < n * k; i++)
		v->z[i] = v->mu[i] + exp(0.5 * v->lv[i]) * eps[i];
	mlp_unit_forward(&v->dec, v->z, n);
	xh = mlp_unit_out(&v->dec);
	for (i = 0; i < n * dim; i++)
		rec += (xh[i] - x[i]) * (xh[i] - x[i]);
	rec /= 2.0 * s2 * (double)n;
	kl = vae_kl(v->mu, v->lv, n * k) / (double)n;
	if (out) {
		out->rec = rec;
		out->kl = kl;
		out->loss = rec + v->cfg.beta * kl;
	}
	return rec + v->cfg.beta * kl;
}

void vae_backward(Vae *v, const double *x, const double *eps, size_t n)
{
	size_t k = v->cfg.latent, dim = v->dim, i, r;
	double s2 = v->cfg.sigma_x * v->cfg.sigma_x;
	const double *xh = mlp_unit_out(&v->dec);

	for (i = 0; i < n * dim; i++)
		v->dxh[i] = (xh[i] - x[i]) / (s2 * (double)n);
	mlp_unit_backward(&v->dec, v->z, v->dxh, n);
	memset(v->dz, 0, n * k * sizeof *v->dz);
	mlp_backward_input(v->dz, &v->dec.work, &v->dec.net, v->dxh, n);
	/* through z = mu + e^(lv/2) eps, into the encoder's rows (mu, lv) */
	for (r = 0; r < n; r++)
		for (i = 0; i < k; i++) {
			size_t j = r * k + i;
			v->denc[r * 2 * k + i] = v->dz[j];
			v->denc[r * 2 * k + k + i] = v->dz[j] * 0.5 * exp(0.5 * v->lv[j]) * eps[j];
		}
	for (r = 0; r < n; r++)
		vae_kl_backward(v->denc + r * 2 * k, v->denc + r * 2 * k + k, v->mu + r * k,
				v->lv + r * k, k, v->cfg.beta / (double)n);
	mlp_unit_backward(&v->enc, x, v->denc, n);
}

static void fill_normal(double *x, size_t n, double sigma, Rng *r)
{
	size_t i;

	for (i = 0; i < n; i++)
		x[i] = rng_normal(r, 0.0, sigma);
}

void vae_step(Vae *v, VaeLoss *out)
{
	size_t B = v->cfg.batch;

	toydist_sample(v->x, v->cfg.target, B, &v->rng);
	fill_normal(v->eps, B * v->cfg.latent, 1.0, &v->rng);
	vae_loss(out, v, v->x, v->eps, B);
	mlp_unit_zero_grad(&v->enc);
	mlp_unit_zero_grad(&v->dec);
	vae_backward(v, v->x, v->eps, B);
	mlp_unit_step(&v->enc);
	mlp_unit_step(&v->dec);
	v->steps++;
}

void vae_encode(double *mu, double *lv, Vae *v, const double *x, size_t n)
{
	size_t cap = v->cfg.batch, k = v->cfg.latent, i, m;

	for (i = 0; i < n; i += m) {
		m = n - i < cap ? n - i : cap;
		mlp_unit_forward(&v->enc, x + i * v->dim, m);
		split(mu + i * k, lv + i * k, mlp_unit_out(&v->enc), m, k);
	}
}

void vae_decode(double *xh, Vae *v, const double *z, size_t n)
{
	size_t cap = v->cfg.batch, k = v->cfg.latent, i, m;

	for (i = 0; i < n; i += m) {
		m = n - i < cap ? n - i : cap;
		mlp_unit_forward(&v->dec, z + i * k, m);
		memcpy(xh + i * v->dim, mlp_unit_out(&v->dec), m * v->dim * sizeof *xh);
	}
}

void vae_sample(double *xh, Vae *v, size_t n, double scale)
{
	size_t cap = v->cfg.batch, k = v->cfg.latent, i, m;

	for (i = 0; i < n; i += m) {
		m = n - i < cap ? n - i : cap;
		fill_normal(v->z, m * k, scale, &v->rng);
		mlp_unit_forward(&v->dec, v->z, m);
		memcpy(xh + i * v->dim, mlp_unit_out(&v->dec), m * v->dim * sizeof *xh);
	}
}
