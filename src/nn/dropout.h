/* dropout.h: inverted dropout with an explicit mask.
 * libc only; the mask is drawn from an explicit RNG and kept by the caller. */
#ifndef NN_NN_DROPOUT_H
#define NN_NN_DROPOUT_H

#include <stddef.h>

#include "nn/rng.h"

/* mask: (n); mask_i = 1/(1-p) with probability 1-p, else 0 (one draw each: kept when
 * u >= p), so the expected value of x * mask is x. p in [0, 1); p = 0 gives all 1. */
void dropout_mask(double *mask, size_t n, double p, Rng *r);

/* y: (n) x: (n) mask: (n); y_i = x_i mask_i. y may be x. */
void dropout_forward(double *y, const double *x, const double *mask, size_t n);

/* dx: (n) dy: (n) mask: (n); dx_i += dy_i mask_i. */
void dropout_backward(double *dx, const double *dy, const double *mask, size_t n);

#endif
