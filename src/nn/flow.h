/* flow.h: a normalizing flow on the plane: a stack of invertible affine coupling layers
 * (RealNVP) with the exact log-determinant and the exact inverse, trained by maximum
 * likelihood on a 2-D toy target (toydist.h). libc and libm only; everything is
 * allocated in flow_init, nothing in flow_step. */
#ifndef NN_NN_FLOW_H
#define NN_NN_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "nn/mlp-unit.h"
#include "nn/toydist.h"

/* Layer k keeps coordinate c = k mod 2 and moves the other one, u = 1 - c:
 *   (a, t) = net_k(x_c)      (an MLP 1 -> hidden -> hidden -> 2, tanh, linear out)
 *   s = C tanh(a)            (a bounded log-scale, C = scale_max)
 *   y_c = x_c,  y_u = x_u e^s + t,  log|det J_k| = s
 *   inverse: x_c = y_c,  x_u = (y_u - t) e^-s
 * The flow maps data x to z = f_(K-1)(... f_0(x)); the base is N(0, I), so
 *   log p(x) = log N(z; 0, I) + sum_k s_k = -|z|^2/2 - ln(2 pi) + sum_k s_k
 * and sampling is x = f^-1(z), z ~ N(0, I). The last layer of every net starts at zero,
 * so an untrained flow is the identity. Loss: NLL = -mean log p(x), by Adam.
 * Backward through layer k, from dy = dL/dy (dL/dz = z/n at the top):
 *   dx_u = dy_u e^s;  ds = dy_u x_u e^s - 1/n;  da = ds C (1 - tanh^2 a);  dt = dy_u;
 *   dx_c = dy_c + dL/dx_c through net_k (mlp_backward_input of (da, dt)). */
typedef struct {
	ToyDistKind target; /* a 2-D target */
	size_t layers;      /* K coupling layers: 6 */
	size_t hidden;      /* units in each of the two hidden layers of each net: 32 */
	size_t batch;       /* samples per step, fresh from the target: 128 */
	double scale_max;   /* C: 2 */
	double lr;          /* Adam: 0.003 */
	uint64_t seed;      /* of the weights and the data */
} FlowConfig;

typedef struct {
	FlowConfig cfg;
	MlpUnit *net; /* (layers) */
	Rng rng;
	double *x;    /* (batch, 2) the step's data */
	double *in;   /* (layers, batch, 2) each layer's input */
	double *cin;  /* (batch) the kept coordinate, contiguous: a net's input */
	double *s;    /* (layers, batch) log-scales */
	double *th;   /* (layers, batch) tanh a */
	double *z;    /* (batch, 2) the output of the last forward */
	double *ld;   /* (batch) sum of log-determinants of the last forward */
	double *dy;   /* (batch, 2) */
	double *dnet; /* (batch, 2) dL/d(a, t) */
	double *dcin; /* (batch) */
	size_t n_last; /* rows of the last forward kept for flow_backward */
	size_t steps;
} Flow;

void flow_defaults(FlowConfig *c, ToyDistKind target);

/* Creates the nets from c->seed. NN_ERR_ARG for a zero size, C <= 0, or a target that
 * is not 2-D; on failure f is empty. */
NnStatus flow_init(Flow *f, const FlowConfig *c);

/* Releases everything. Safe on a zeroed Flow. */
void flow_free(Flow *f);

/* y: (n, 2) logdet: (n) or NULL x: (n, 2), any n; layer k alone, forward or (inverse
 * non-zero) inverse; ADDS its log|det| (s forward, -s inverse) into logdet. y may be x.
 * For drawing the warp one layer at a time. */
void flow_layer(double *y, double *logdet, Flow *f, size_t k, const double *x, size_t n,
                int inverse);

/* z: (n, 2) logdet: (n) or NULL x: (n, 2), any n; z = f(x) through every layer and
 * logdet = sum_k s_k (set, not added). */
void flow_forward(double *z, double *logdet, Flow *f, const double *x, size_t n);

/* x: (n, 2) z: (n, 2), any n; x = f^-1(z), the layers undone in reverse order. */
void flow_inverse(double *x, Flow *f, const double *z, size_t n);

/* lp: (n) x: (n, 2), any n; lp_i = log p(x_i) under the flow (for drawing the learned
 * density). */
void flow_log_prob(double *lp, Flow *f, const double *x, size_t n);

/* x: (n, 2), n <= batch; returns NLL = -mean log p(x), keeping every layer's
 * activations for flow_backward. */
double flow_nll(Flow *f, const double *x, size_t n);

/* After flow_nll on the same x: ADDS dNLL/dtheta into every net's grad. */
void flow_backward(Flow *f, const double *x, size_t n);

/* One step on a fresh batch of the target; returns its NLL before the update. */
double flow_step(Flow *f);

/* x: (n, 2), any n; samples x = f^-1(z), z ~ N(0, I) from the flow's RNG. */
void flow_sample(double *x, Flow *f, size_t n);

#endif
