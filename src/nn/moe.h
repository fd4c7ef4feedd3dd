/* moe.h: a mixture of experts: a softmax router picks the top k of n small expert MLPs
 * for each input and mixes their outputs by the gates; trained on a toy regression
 * whose regions want different experts. libc and libm only; everything is allocated in
 * moe_init, nothing in moe_step. */
#ifndef NN_NN_MOE_H
#define NN_NN_MOE_H

#include <stddef.h>
#include <stdint.h>

#include "nn/mlp-unit.h"

/* Per input x (1 value here; the model works for any width):
 *   l = router(x)             (n logits; an MLP, linear out)
 *   p = softmax(l)
 *   S = the k experts with the largest l (ties: the lower index)
 *   g_i = p_i                 for i in S (the Switch Transformer's gates: even k = 1
 *                              passes a gradient to the router), or, with renormalize,
 *   g_i = p_i / sum_S p_j      (softmax over the chosen logits, as in Mixtral)
 *   y = sum_(i in S) g_i E_i(x)   (only the chosen experts run)
 * Loss: mean (y - t)^2 over the batch. Backward, from dy:
 *   expert i in S gets dz = g_i dy (its output is linear); dg_i = dy . E_i(x);
 *   dl_m = [m in S] p_m dg_m - p_m sum_S p_j dg_j,            or with renormalize
 *   dl_m = [m in S] g_m (dg_m - sum_S g_j dg_j) (0 outside S). */
typedef enum {
	MOE_VEE,    /* x ~ U(-3, 3), t = |x|: two linear regimes */
	MOE_ZIGZAG, /* x ~ U(-3, 3), t = x + 1 (x < -1), -x - 1 (x < 1), x - 1: three */
	MOE_TASK_COUNT
} MoeTask;

typedef struct {
	MoeTask task;
	size_t n_experts;     /* n: 4 */
	size_t top_k;         /* k, 1..n: 2 */
	int renormalize;      /* gates renormalized over the chosen experts: 0 */
	size_t expert_hidden; /* tanh units of each expert's one hidden layer; 0: a linear
	                       * expert (y = w x + b): 0 */
	size_t router_hidden; /* the same for the router: 0 */
	size_t batch;         /* 64 */
	double lr;            /* Adam: 0.01 */
	uint64_t seed;
} MoeConfig;

typedef struct {
	MoeConfig cfg;
	size_t n_in, n_out;
	MlpUnit router;
	MlpUnit *expert; /* (n_experts) */
	Rng rng;
	/* the last forward, for its n rows: */
	size_t n;
	size_t *choice; /* (batch, k) the chosen experts, best first */
	double *gate;   /* (batch, k) their gates */
	double *prob;   /* (batch, n_experts) the router's softmax */
	size_t *count;  /* (n_experts) rows each expert ran on */
	size_t *slot;   /* (batch, k) the row of the choice in its expert's batch */
	size_t *rows;   /* (n_experts, batch) the rows each expert ran on */
	double *xe;     /* (n_experts, batch, n_in) each expert's gathered inputs */
	double *dze;    /* (n_experts, batch, n_out) the experts' output gradients */
	double *dg;     /* (batch, k) dL/dg */
	double *y;      /* (batch, n_out) the mixture's output */
	double *dy;     /* (batch, n_out) */
	double *dl;     /* (batch, n_experts) */
	double *x, *t;  /* (batch, n_in), (batch, n_out) the step's data */
	size_t steps;
} Moe;

/* "vee", "zigzag". */
const char *moe_task_name(MoeTask t);

/* Looks name up; returns 0 and sets *t, or -1 for an unknown name. */
int moe_task_from_name(MoeTask *t, const char *name);

/* x: (n) t: (n); n samples of the task drawn from r. */
void moe_task_sample(double *x, double *t, MoeTask task, size_t n, Rng *r);

void moe_defaults(MoeConfig *c, MoeTask task);

/* Creates the router and experts from c->seed. NN_ERR_ARG for a zero size, a bad task,
 * or k outside 1..n; on failure m is empty. */
NnStatus moe_init(Moe *m, const MoeConfig *c);

/* Releases everything. Safe on a zeroed Moe. */
void moe_free(Moe *m);

/* x: (n, n_in), n <= batch; computes m->y (n, n_out) with the choices, gates, router
 * probabilities and counts of the rows in m (see Moe); returns m->y. */
const double *moe_forward(Moe *m, const double *x, size_t n);

/* x: (n, n_in) t: (n, n_out), n <= batch; moe_forward, then the mean squared error. */
double moe_loss(Moe *m, const double *x, const double *t, size_t n);

/* After moe_loss on the same x and t: ADDS the gradients into the router's and every
 * expert's grad (formulas above). */
void moe_backward(Moe *m, const double *x, const double *t, size_t n);

/* One step on a fresh batch of the task; returns its loss before the update. */
double moe_step(Moe *m);

/* The expert that wins x (the first choice), for drawing which expert owns a region. */
size_t moe_route(Moe *m, const double *x);

#endif
