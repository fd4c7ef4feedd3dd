/* gan.h: a generative adversarial network on a 1-D or 2-D toy target (toydist.h): a
 * generator G and a discriminator D, each an MLP, trained against each other.
 * libc and libm only; everything is allocated in gan_init, nothing in gan_step. */
#ifndef NN_NN_GAN_H
#define NN_NN_GAN_H

#include <stddef.h>
#include <stdint.h>

#include "nn/mlp-unit.h"
#include "nn/toydist.h"

/* G: z (noise_dim) ~ N(0, I) -> hidden -> hidden -> x (dim), linear out.
 * D: x (dim) -> hidden -> hidden -> l (1), linear out: the logit, and
 * D(x) = sigmoid(l). With l_r the logits of real samples, l_f those of fakes G(z):
 *   V(D, G)  = mean log D(x_r) + mean log(1 - D(G(z)))          (the minimax value)
 *   L_D      = -V = mean softplus(-l_r) + mean softplus(l_f)    (D maximizes V)
 *   L_G      = mean softplus(-l_f) = -mean log D(G(z))          (non-saturating)
 * G minimizes the non-saturating loss instead of V itself (Goodfellow et al. 2014):
 * the same fixed point, but a strong gradient while D still wins easily.
 * dL_D/dl_r = (sigmoid(l_r) - 1)/n, dL_D/dl_f = sigmoid(l_f)/n;
 * dL_G/dl_f = (sigmoid(l_f) - 1)/n, carried back through D to G's output by
 * mlp_backward_input. Both are trained by Adam. */
typedef struct {
	ToyDistKind target;
	size_t noise_dim; /* 2 by default */
	size_t hidden;    /* units in each of the two hidden layers of G and of D: 32 */
	Activation act;   /* of the hidden layers: ACT_LEAKY_RELU */
	size_t batch;     /* real samples and fakes per step: 64 */
	size_t n_show;    /* the drawn set: n_show reals and the fakes of n_show fixed
	                   * noise vectors (so the lesson watches the same points move): 512 */
	size_t bins;      /* the distance's grid, per axis over [-TOYDIST_BOX, TOYDIST_BOX]:
	                   * 24 for a 1-D target, 12 for a 2-D one */
	double lr_g, lr_d; /* Adam's step for G (0.001) and for D (0.002: a discriminator
	                    * that learns faster keeps the game steadier) */
	double beta1;      /* Adam's beta1 (0.5, the DCGAN choice; beta2 0.999) */
	uint64_t seed;     /* of the weights, the noise and the real samples */
} GanConfig;

/* One step's figures, measured on the step's batch before its updates. */
typedef struct {
	double d_loss; /* L_D */
	double g_loss; /* L_G (non-saturating) */
	double value;  /* V(D, G) = -L_D */
	double d_real; /* mean D(x_r): how real D finds the real samples */
	double d_fake; /* mean D(G(z)) for the fakes of the D step */
} GanStats;

typedef struct {
	GanConfig cfg;
	size_t dim;   /* of the target: 1 or 2 */
	MlpUnit g, d; /* d's workspace holds 2 batch rows: reals, then fakes */
	Rng rng;
	double *z;     /* (batch, noise_dim) */
	double *xd;    /* (2 batch, dim): the D step's reals, then fakes */
	double *dl;    /* (2 batch): dL/dl */
	double *dx;    /* (batch, dim): dL_G/dx at D's input = G's output */
	double *dscr;  /* (d.net.n_params): D's gradient from the G step, thrown away */
	double *real;  /* (n_show, dim) real samples drawn once */
	double *zshow; /* (n_show, noise_dim) fixed noise */
	double *fake;  /* (n_show, dim) G(zshow), filled by gan_show */
	ToyGrid grid;
	size_t steps;
} Gan;

/* Fills c for target with the defaults above (seed 1). */
void gan_defaults(GanConfig *c, ToyDistKind target);

/* Creates the networks from c->seed, draws the shown reals and noise. NN_ERR_ARG for a
 * zero size or a bad target; on failure g is empty. */
NnStatus gan_init(Gan *g, const GanConfig *c);

/* Releases everything. Safe on a zeroed Gan. */
void gan_free(Gan *g);

/* real: (n, dim) z: (n, noise_dim), n <= batch; returns L_D on those reals and the fakes
 * G(z), leaving the activations for gan_backward_d. */
double gan_loss_d(Gan *g, const double *real, const double *z, size_t n);

/* grad: (d.net.n_params); after gan_loss_d on the same arguments, ADDS dL_D/dtheta_D. */
void gan_backward_d(double *grad, Gan *g, const double *real, const double *z, size_t n);

/* z: (n, noise_dim), n <= batch; returns L_G on the fakes G(z), leaving the activations
 * for gan_backward_g. */
double gan_loss_g(Gan *g, const double *z, size_t n);

/* grad: (g.net.n_params); after gan_loss_g on the same z, ADDS dL_G/dtheta_G (through D,
 * whose parameters do not change). */
void gan_backward_g(double *grad, Gan *g, const double *z, size_t n);

/* One training step: a batch of fresh reals and noise, one Adam update of D on L_D,
 * then fresh noise and one Adam update of G on L_G. Fills *s when s is not NULL. */
void gan_step(Gan *g, GanStats *s);

/* Computes g->fake = G(g->zshow). */
void gan_show(Gan *g);

/* gan_show, then the total variation between g->real and g->fake on g's grid
 * (toydist_tv): 1 when no fake lands where the reals are, near 0 when they match. */
double gan_distance(Gan *g);

/* out: (n) x: (n, dim); out_i = D(x_i) in (0, 1), for drawing D's opinion as a field.
 * Any n (done in chunks of the workspace). */
void gan_discriminate(double *out, Gan *g, const double *x, size_t n);

#endif
