/* mlp.h: the multilayer perceptron: dense layers, forward and backward for a batch.
 * libc and libm only; allocation happens in mlp_init and mlp_work_init, never in
 * mlp_forward or mlp_backward (one workspace per network). */
#ifndef NN_NN_MLP_H
#define NN_NN_MLP_H

#include <stddef.h>

#include "nn/act.h"
#include "nn/simd.h"
#include "nn/status.h"

/* A network of n_layers dense layers y_l = f_l(W_l y_(l-1) + b_l), y_0 = x.
 * params holds, for each layer in turn, W_l (sizes[l+1], sizes[l]) row-major (one
 * output unit's incoming weights per row, like torch.nn.Linear.weight) and then b_l
 * (sizes[l+1]): the order of the weights file (mlp_save). Gradients use the same
 * layout. */
typedef struct {
	size_t n_layers; /* L >= 1 */
	size_t *sizes;   /* L + 1 widths: sizes[0] inputs, sizes[L] outputs */
	Activation *act; /* L activations: act[l] for layer l (0-based) */
	size_t *w_off;   /* L offsets of W_l in params; b_l follows W_l */
	size_t n_params;
	double *params; /* n_params, 64-byte aligned */
} Mlp;

/* Creates a network (weights all zero). sizes: n_layers + 1 widths, each > 0; act:
 * n_layers activations. Returns NN_ERR_ARG for a zero width or n_layers = 0,
 * NN_ERR_NOMEM when out of memory (m is then empty and needs no mlp_free). */
NnStatus mlp_init(Mlp *m, const size_t *sizes, size_t n_layers, const Activation *act);

/* Releases what mlp_init allocated; m becomes empty. Safe on an empty (zeroed) Mlp. */
void mlp_free(Mlp *m);

/* The number of parameters of these sizes: sum_l (sizes[l] + 1) sizes[l+1]. */
size_t mlp_count_params(const size_t *sizes, size_t n_layers);

/* Inputs and outputs of the network. */
size_t mlp_n_in(const Mlp *m);
size_t mlp_n_out(const Mlp *m);

/* The neurons of every layer after the inputs: sizes[1] + ... + sizes[L]. */
size_t mlp_count_units(const Mlp *m);

/* z, y: (mlp_count_units(m)) x: (sizes[0]); one example through the network, keeping
 * every layer: z_l = W_l in_l + b_l (summed over the inputs from 0 up, starting from
 * b, as mlp_forward does), y_l = f_l(z_l), in_l = y_(l-1), in_0 = x; layer l's values
 * follow layer l-1's in z and y, so the outputs are the last sizes[L] of y. No
 * workspace and no allocation: for a diagram or a table of one network's neurons. */
void mlp_trace(double *z, double *y, const Mlp *m, const double *x);

/* The same with some layers silenced: layer l's outputs are set to 0 (z kept) when bit
 * l of silent is set, so the layers after it see only their biases; for a diagram that
 * switches layers off. mlp_trace is mlp_trace_silent with silent 0. */
void mlp_trace_silent(double *z, double *y, const Mlp *m, const double *x, unsigned long silent);

/* A zeroed, 64-byte aligned array of n_params doubles (for gradients), or NULL;
 * release with free(). */
double *mlp_alloc_params(const Mlp *m);

/* The workspace of one network for batches of up to cap examples: per layer the
 * pre-activations z, the outputs y and the deltas d (each (cap, width)), the weights
 * transposed for the fast kernels, and optional dropout masks. */
typedef struct {
	size_t cap;
	SimdLevel level; /* the kernels used; SIMD_PORTABLE is the plain reference */
	double **z;      /* n_layers: (cap, sizes[l+1]) pre-activations */
	double **y;      /* n_layers: (cap, sizes[l+1]) activations f(z) */
	double **d;      /* n_layers: (cap, sizes[l+1]) deltas dL/dz */
	double **mask;   /* n_layers - 1 dropout masks, or NULL when dropout is off */
	double **h;      /* n_layers - 1 masked hidden outputs y * mask, or NULL */
	int masked;      /* apply the masks (set while training, cleared to evaluate) */
	double *dy;      /* (cap, max width) scratch: dL/dy of a hidden layer */
	double *zero;    /* (max width) zeros: the start of sums that begin at +0 */
	double *wt;      /* n_params: each W_l transposed, (sizes[l], sizes[l+1]) */
	int wt_current;  /* wt holds m's weights as they are: set by mlp_backward_sgd,
	                  * cleared by mlp_work_weights_changed; while set, mlp_forward
	                  * uses wt without transposing the weights again */
	double *buf;     /* the one allocation behind everything above */
} MlpWork;

/* Creates the workspace of m for batches of up to cap >= 1 examples, computing with
 * the kernels of level (simd_best() for the fastest). With dropout non-zero, space for
 * masks is made and mlp_forward applies them to every hidden layer. */
NnStatus mlp_work_init(MlpWork *w, const Mlp *m, size_t cap, SimdLevel level, int dropout);

/* Releases the workspace. Safe on a zeroed MlpWork. */
void mlp_work_free(MlpWork *w);

/* x: (batch, sizes[0]), batch <= w->cap; computes every z and y of w for the batch:
 * z_l = W_l in_l + b_l (sum over the inputs from 0 up, starting from b), y_l = f_l(z_l),
 * in_l = y_(l-1), or y_(l-1) * mask_(l-1) when w has masks and w->masked. The outputs are
 * w->y[n_layers - 1]. One example is a batch of 1. */
void mlp_forward(MlpWork *w, const Mlp *m, const double *x, size_t batch);

/* grad: (n_params); the twin of mlp_forward, after it on the same x and batch: from
 * dz_out = dL/dz of the last layer (batch, sizes[L]), the delta recursion
 * d_(l-1) = f'(z_(l-1)) * (W_l^T d_l) [* mask], and ADDS dL/dW_l = sum over the batch
 * of d_l in_l^T and dL/db_l = sum of d_l into grad (examples summed in order). The
 * caller zeroes grad once per step. dz_out may be w->d[n_layers - 1]. */
void mlp_backward(double *grad, MlpWork *w, const Mlp *m, const double *x, const double *dz_out,
                  size_t batch);

/* Says that m's weights were changed outside mlp_backward_sgd (loaded, restored,
 * edited): the next mlp_forward transposes them again. */
void mlp_work_weights_changed(MlpWork *w);

/* The twin of mlp_forward for plain SGD at a fast level (w->level not SIMD_PORTABLE),
 * after it on the same x and batch: the delta recursion of mlp_backward with the update
 * folded in, layer by layer from the last: d_(l-1) from the old W_l, then
 * W_l = W_l + (sum over the batch of d_l in_l^T) (-lr) and b_l likewise
 * (simd_sgd_dense; the same bits as mlp_backward into a zeroed gradient followed by
 * optim_step's SGD), and w->wt kept current. Nothing is stored as a gradient. Returns
 * non-zero when an updated parameter fails linalg_all_tame. */
int mlp_backward_sgd(MlpWork *w, Mlp *m, const double *x, const double *dz_out, size_t batch,
                     double lr);

#endif
