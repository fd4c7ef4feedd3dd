/* train.h: mini-batch training of an MLP on a dataset, evaluation, divergence.
 * libc and libm only; everything is allocated in train_init, nothing in train_step. */
#ifndef NN_NN_TRAIN_H
#define NN_NN_TRAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nn/data.h"
#include "nn/loss.h"
#include "nn/mlp.h"
#include "nn/optim.h"
#include "nn/rng.h"

typedef struct {
	Loss loss;
	size_t batch;    /* examples per step, 1..n; 0 or more than n: the full set */
	int shuffle;     /* reshuffle the rows before every epoch */
	uint64_t seed;   /* of the RNG for shuffling and dropout */
	double dropout;  /* probability of dropping a hidden unit while training, [0, 1) */
	double explode;  /* divergence: a batch loss above explode times the initial
	                  * loss on the whole set (0: 1e6) */
	SimdLevel level; /* the kernels (simd_best() for the fastest) */
} TrainConfig;

/* A training run: the network, its workspace, the optimizer and where it is in the
 * data. Targets: with one output, the label; with k outputs, the one-hot row of the
 * class label (0 <= label < k). */
typedef struct {
	Mlp *mlp;
	const Dataset *data;
	TrainConfig cfg;
	Optim opt;
	MlpWork work;
	Rng rng;
	double *grad;     /* (n_params) */
	double *targets;  /* (n, n_out) */
	double *xbuf;     /* (batch, dim): a shuffled batch's inputs */
	double *tbuf;     /* (batch, n_out): its targets */
	size_t *order;    /* (n) the row order of this epoch */
	size_t pos;       /* next position in order */
	size_t step;      /* steps taken */
	size_t examples;  /* examples trained on */
	double initial;   /* loss on the whole set before the first step */
	double last_loss; /* loss of the last step's batch (before its update) */
	bool overflowed;  /* the last NN_ERR_DIVERGED came from an update out of range */
	size_t bad_row;   /* NN_ERR_SHAPE from train_init: the row whose label does not fit */
} Trainer;

/* Prepares training m on d (d->dim must be m's inputs; NN_ERR_SHAPE otherwise, or
 * when a class label does not fit the outputs: then bad_row is set). d and m must
 * outlive the trainer. Computes the initial loss. */
NnStatus train_init(Trainer *t, Mlp *m, const Dataset *d, const TrainConfig *c,
                    const OptimConfig *oc);

/* Releases the trainer (not m or d). Safe on a zeroed Trainer. */
void train_free(Trainer *t);

/* Steps in one epoch: ceil(n / batch) (the last batch of an epoch may be smaller). */
size_t train_steps_per_epoch(const Trainer *t);

/* One step: the next batch (reshuffled at each epoch's start if asked), forward, loss,
 * backward (gradient of the batch mean), the optimizer's update. Returns NN_OK, or
 * NN_ERR_DIVERGED when the batch loss is NaN, infinite or exploding (the parameters
 * are then not updated), or when the update overflowed: a parameter reached 2^512
 * (its square overflows; see linalg_all_tame), infinity or NaN (t->overflowed is then
 * set, and the parameters hold that update). Either
 * way t->step is the failing step's number (1-based) and t->last_loss its loss. */
NnStatus train_step(Trainer *t);

/* Tells the trainer that t->mlp->params were changed outside train_step (restored,
 * loaded, edited): its kernels keep a transposed copy of the weights between steps,
 * which this refreshes at the next step. Call it after every such change. */
void train_params_changed(Trainer *t);

/* The loss of t's network on the whole of d (no dropout), the mean over all of d. */
double train_loss(Trainer *t, const Dataset *d);

/* The fraction of d classified right: with one output, output > 0.5 (logit > 0 for
 * CE) against label > 0.5; with k outputs, the arg max against the label. */
double train_accuracy(Trainer *t, const Dataset *d);

/* out: (d->n, n_out) the outputs of t's network on every row of d (no dropout; with
 * --loss ce the logits), and cls: (d->n) the class each row is predicted, as
 * train_accuracy counts it (one output: out > 0.5, or logit > 0 for CE; k outputs: the
 * arg max, the first on a tie). */
void train_predict(double *out, size_t *cls, Trainer *t, const Dataset *d);

/* counts: (k, k), k = max(outputs, 2); counts[true k][predicted k] over d, zeroed
 * first. Labels outside [0, k) are not counted. */
void train_confusion(size_t *counts, size_t k, Trainer *t, const Dataset *d);

#endif
