/* loss.h: losses with their gradients, for one output and for several classes.
 * libc and libm only. Batches are row-major (batch, n_out). */
#ifndef NN_NN_LOSS_H
#define NN_NN_LOSS_H

#include <stddef.h>

#include "nn/act.h"

typedef enum {
	LOSS_MSE, /* mean over every element of (y - t)^2 (no 1/2), as torch's mse_loss */
	LOSS_BCE, /* binary cross-entropy of sigmoid(z), from the logits z, stably:
	           * max(z,0) - z t + ln(1 + e^-|z|), mean over every element;
	           * the output activation must be sigmoid */
	LOSS_CE,  /* softmax + cross-entropy: -sum_k t_k ln softmax(z)_k, mean over the
	           * batch; t is one-hot (or any distribution); with one output it is the
	           * two-class softmax of (z, 0), which is BCE from the logit z */
	LOSS_COUNT
} Loss;

/* "mse", "bce", "ce". */
const char *loss_name(Loss l);

/* Looks name up; returns 0 and sets *l, or -1 for an unknown name. */
int loss_from_name(Loss *l, const char *name);

/* The output activation a loss needs: ACT_SIGMOID for BCE, ACT_LINEAR for CE (the
 * logits), any (returned: the given one) for MSE. */
Activation loss_output_act(Loss l, Activation requested);

/* z: (batch, n_out) pre-activations, y: (batch, n_out) = f(z), t: (batch, n_out)
 * targets; returns the loss (formulas above). */
double loss_forward(Loss l, const double *z, const double *y, const double *t, size_t batch,
                    size_t n_out);

/* dz: (batch, n_out); dz += dL/dz for the same arguments, f being the output
 * activation a: MSE: 2 (y - t)/(batch n_out) f'(z); BCE: (sigmoid(z) - t)/(batch n_out);
 * CE: (softmax(z) - t)/batch, that is p - y per example. */
void loss_backward(double *dz, Loss l, Activation a, const double *z, const double *y,
                   const double *t, size_t batch, size_t n_out);

/* p: (n); p = softmax(z) computed with the maximum subtracted. p may be z. */
void loss_softmax(double *p, const double *z, size_t n);

/* A class index that counts for nothing (torch's ignore_index): its row is left out of
 * the loss and of the mean (padding in a batch of sequences). */
#define LOSS_IGNORE ((size_t)-1)

/* z: (n,k) logits, c: (n) class indices < k or LOSS_IGNORE; softmax cross-entropy with
 * class indices (torch's cross_entropy): returns y = -(1/m) sum_r ln softmax(z_r)[c_r],
 * m the number of rows not ignored (y = 0 when m = 0). */
double loss_softmax_ce_forward(const double *z, const size_t *c, size_t n, size_t k);

/* dz: (n,k); the twin, for dy = dL/dy: dz_r += dy (softmax(z_r) - onehot(c_r)) / m for
 * every row not ignored. */
void loss_softmax_ce_backward(double *dz, double dy, const double *z, const size_t *c, size_t n,
                              size_t k);

#endif
