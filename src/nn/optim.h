/* optim.h: optimizers (SGD, momentum, Nesterov, Adam, AdamW, RMSprop) with L1/L2.
 * libc and libm only; state is allocated once in optim_init. PyTorch's conventions
 * (torch.optim, version 1.13), element by element: */
#ifndef NN_NN_OPTIM_H
#define NN_NN_OPTIM_H

#include <stddef.h>

#include "nn/simd.h"
#include "nn/status.h"

typedef enum {
	OPTIM_SGD,      /* p -= lr g */
	OPTIM_MOMENTUM, /* v = mu v + g (v starts at 0, so v_1 = g); p -= lr v */
	OPTIM_NESTEROV, /* v = mu v + g; p -= lr (g + mu v) */
	OPTIM_ADAM,     /* m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
	                 * p -= lr/(1-b1^t) m / (sqrt(v)/sqrt(1-b2^t) + eps) */
	OPTIM_ADAMW,    /* p *= 1 - lr l2 (decoupled decay), then Adam without L2 */
	OPTIM_RMSPROP,  /* v = b2 v + (1-b2) g^2; p -= lr g / (sqrt(v) + eps)
	                 * (b2 is torch's alpha, 0.99 there) */
	OPTIM_COUNT
} OptimKind;

/* Hyper-parameters. Regularization (all parameters, like torch's weight_decay):
 * before the update g += l2 p + l1 sign(p) (penalties l2/2 |p|^2 and l1 |p|_1);
 * AdamW takes l2 as its decoupled weight decay instead. */
typedef struct {
	OptimKind kind;
	double lr;
	double momentum; /* mu for momentum and Nesterov */
	double beta1, beta2, eps;
	double l1, l2;
} OptimConfig;

/* Optimizer state for n parameters: the first and second moments (or velocity). */
typedef struct {
	OptimConfig cfg;
	size_t n;
	long t;          /* steps taken */
	SimdLevel level; /* kernels for SGD (SIMD_PORTABLE after optim_init; any level
	                  * gives the same bits) */
	double *m;       /* (n) velocity or first moment, or NULL */
	double *v;       /* (n) second moment, or NULL */
} Optim;

/* "sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop". */
const char *optim_name(OptimKind k);

/* Looks name up; returns 0 and sets *k, or -1 for an unknown name. */
int optim_from_name(OptimKind *k, const char *name);

/* Fills cfg with kind's defaults: lr 0.01 (0.001 for Adam and AdamW), momentum 0.9,
 * beta1 0.9, beta2 0.999 (0.99 for RMSprop), eps 1e-8, l1 = l2 = 0 (AdamW: l2 0.01). */
void optim_defaults(OptimConfig *cfg, OptimKind kind);

/* Creates the state (moments zeroed) for n parameters. */
NnStatus optim_init(Optim *o, const OptimConfig *cfg, size_t n);

/* Releases the state. Safe on a zeroed Optim. */
void optim_free(Optim *o);

/* Zeroes the moments and the step count, keeping the configuration. */
void optim_reset(Optim *o);

/* params: (n) grads: (n); one update of params from grads (formulas above). grads is
 * modified when regularization adds to it. */
void optim_step(Optim *o, double *params, double *grads);

#endif
