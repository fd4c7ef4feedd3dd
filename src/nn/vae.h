/* vae.h: a variational autoencoder on a 1-D or 2-D toy target (toydist.h): an encoder MLP
 * to a mean and a log-variance, the reparameterization trick, a decoder MLP, and the
 * loss with its closed-form KL term. libc and libm only; everything is allocated in
 * vae_init, nothing in vae_step. */
#ifndef NN_NN_VAE_H
#define NN_NN_VAE_H

#include <stddef.h>
#include <stdint.h>

#include "nn/mlp-unit.h"
#include "nn/toydist.h"

/* Per example x (dim), with k = latent:
 *   encoder: x -> hidden -> hidden -> (mu, lv) (2k, linear out; lv = log sigma^2)
 *   z = mu + sigma * eps, sigma = e^(lv/2), eps ~ N(0, I) from the VAE's RNG
 *   decoder: z -> hidden -> hidden -> xh (dim, linear out)
 *   rec = |xh - x|^2 / (2 s^2)      (a Gaussian decoder of fixed deviation s, without
 *                                    its constant)
 *   KL  = 1/2 sum_k (mu^2 + e^lv - 1 - lv)   (KL(N(mu, sigma^2) || N(0, 1)))
 *   L   = mean over the batch of rec + beta KL    (the negative ELBO, up to constants)
 * Gradients: dL/dxh = (xh - x) / (s^2 n); dz from the decoder's input gradient;
 *   dmu = dz + beta mu / n; dlv = dz sigma eps / 2 + beta (e^lv - 1) / (2 n). */
typedef struct {
	ToyDistKind target;
	size_t latent;    /* k: 2 */
	size_t hidden;    /* units in each of the two hidden layers of both networks: 32 */
	size_t batch;     /* samples per step, fresh from the target: 64 */
	double sigma_x;   /* s: 0.1 */
	double beta;      /* the KL weight: 1 */
	double lr;        /* Adam: 0.003 */
	uint64_t seed;    /* of the weights, the data and eps */
} VaeConfig;

/* A batch's loss and its two parts (means over the batch; beta not applied to kl). */
typedef struct {
	double loss, rec, kl;
} VaeLoss;

typedef struct {
	VaeConfig cfg;
	size_t dim;
	MlpUnit enc, dec;
	Rng rng;
	double *x;    /* (batch, dim) the step's data */
	double *eps;  /* (batch, k) */
	double *mu;   /* (batch, k) */
	double *lv;   /* (batch, k) */
	double *z;    /* (batch, k) */
	double *dxh;  /* (batch, dim) dL/dxh */
	double *dz;   /* (batch, k) dL/dz */
	double *denc; /* (batch, 2k) dL/d(mu, lv) */
	size_t steps;
} Vae;

void vae_defaults(VaeConfig *c, ToyDistKind target);

/* Creates the networks from c->seed. NN_ERR_ARG for a zero size, a bad target or
 * s <= 0; on failure v is empty. */
NnStatus vae_init(Vae *v, const VaeConfig *c);

/* Releases everything. Safe on a zeroed Vae. */
void vae_free(Vae *v);

/* mu: (n) lv: (n); returns 1/2 sum_i (mu_i^2 + e^lv_i - 1 - lv_i). */
double vae_kl(const double *mu, const double *lv, size_t n);

/* dmu: (n) dlv: (n); the twin of vae_kl: ADDS scale mu_i and scale (e^lv_i - 1)/2. */
void vae_kl_backward(double *dmu, double *dlv, const double *mu, const double *lv, size_t n,
                     double scale);

/* x: (n, dim) eps: (n, k), n <= batch; the loss of the batch with this noise (formulas
 * above), leaving the activations for vae_backward. *out may be NULL; returns L. */
double vae_loss(VaeLoss *out, Vae *v, const double *x, const double *eps, size_t n);

/* After vae_loss on the same x and eps: ADDS dL/dtheta into v->enc.grad and
 * v->dec.grad. */
void vae_backward(Vae *v, const double *x, const double *eps, size_t n);

/* One step: a fresh batch of the target and of eps, the loss, one Adam update of both
 * networks. Fills *out (the batch's loss before the update) when not NULL. */
void vae_step(Vae *v, VaeLoss *out);

/* mu: (n, k) lv: (n, k) x: (n, dim), any n; the encoder's outputs. */
void vae_encode(double *mu, double *lv, Vae *v, const double *x, size_t n);

/* xh: (n, dim) z: (n, k), any n; the decoder's outputs. */
void vae_decode(double *xh, Vae *v, const double *z, size_t n);

/* xh: (n, dim), any n; new samples: z ~ N(0, scale^2 I) from the VAE's RNG, decoded
 * (scale 1 samples the prior; smaller scales stay near its centre). */
void vae_sample(double *xh, Vae *v, size_t n, double scale);

#endif
