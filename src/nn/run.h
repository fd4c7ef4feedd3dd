/* run.h: a training run as one object: its data and their train/test split, the
 * network and its starting weights, the mini-batch loop and optimizer (train.h), the
 * metrics of each evaluation and their history, the weights of the lowest test loss,
 * early stopping and divergence. Widgets drive runs and show them; the math is here.
 * libc and libm only; no global state, the seeds are explicit; everything is allocated
 * in run_create, nothing while training or evaluating. */
#ifndef NN_NN_RUN_H
#define NN_NN_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nn/data.h"
#include "nn/init.h"
#include "nn/train.h"

#define RUN_MAX_HIDDEN 8 /* hidden layers */
#define RUN_SEED_MIX 0x5eedULL /* shuffling and dropout draw from seed ^ RUN_SEED_MIX */

/* What an evaluation measures, on the whole of each set (no dropout). */
typedef enum {
	RUN_TRAIN_LOSS,
	RUN_TEST_LOSS, /* NaN without a test set */
	RUN_TRAIN_ACC, /* NaN for regression */
	RUN_TEST_ACC,  /* NaN for regression or without a test set */
	RUN_METRICS
} RunMetric;

typedef struct {
	/* The data: given (copied: the run does not keep these pointers), or generated
	 * from spec with data_seed and split by test_share with the same generator. */
	const Dataset *train, *test; /* given when train is not NULL; test may be NULL */
	size_t classes;              /* of given data: 0 regression, else the classes */
	DataSpec spec;
	uint64_t data_seed;
	double test_share; /* the share of generated points held out, [0, 1] */
	/* The network: inputs = the data's dimension, the hidden layers, and outputs by
	 * the data: one (regression, two classes) or one per class (three or more). The
	 * output activation follows the loss: linear for regression and cross-entropy
	 * (logits), sigmoid otherwise. */
	size_t n_hidden;
	size_t hidden[RUN_MAX_HIDDEN];
	Activation act[RUN_MAX_HIDDEN];
	Loss loss;        /* classification: LOSS_CE, LOSS_BCE or LOSS_MSE; regression: MSE */
	InitScheme init;  /* INIT_COUNT: He (uniform) when act[0] (read even without hidden
	                   * layers) is of the ReLU family, else Xavier (uniform) */
	double init_value; /* init_params's value: the constant, bound or sigma (0: default) */
	uint64_t seed;     /* of the starting weights; shuffling and dropout use
	                    * seed ^ RUN_SEED_MIX */
	/* Training. */
	OptimConfig optim;
	size_t batch;   /* examples per step; 0 or more than the training set: all of it */
	double dropout; /* of every hidden unit while training, [0, 1); none without hidden
	                 * layers */
	double explode; /* a batch loss this many times the initial loss is divergence */
	SimdLevel level;
	size_t history; /* evaluations kept per curve (at least 2; thinned beyond) */
} RunConfig;

/* The metrics of evaluations, thinned as they come so that a long run keeps its whole
 * shape in cap points (the scheme of plotdata_append in widgets/core): while fewer than
 * cap are kept, every evaluation is; when full, every second kept point is dropped and
 * from then on one evaluation in twice as many is kept. The newest evaluation is
 * always there: kept, or in slot n after the kept ones. */
typedef struct {
	size_t cap;   /* points kept at most */
	size_t n;     /* points kept */
	size_t every; /* one evaluation in `every` is kept (1, 2, 4, ...) */
	size_t seen;  /* evaluations since the last clear */
	double *epoch;               /* (cap + 1) */
	double *metric[RUN_METRICS]; /* (cap + 1) each */
} RunHistory;

typedef struct {
	RunConfig cfg;   /* as created (its data pointers cleared) */
	Dataset all;     /* every point: the generated set, or the given train then test */
	Dataset train, test;
	size_t classes;  /* 0: regression */
	Mlp mlp;
	Trainer tr, te;  /* te: the test set's evaluator (its own targets; never steps) */
	NnStatus status; /* NN_OK, or NN_ERR_DIVERGED once training diverged (tr.step and
	                  * tr.last_loss say where, tr.overflowed how) */
	/* The last evaluation (run_evaluate). */
	double epoch, train_loss, test_loss, train_acc, test_acc;
	/* The weights of the lowest test loss so far (run_checkpoint). */
	double *best;      /* (n_params) */
	double best_loss;  /* INFINITY: none yet */
	double best_epoch;
	bool stopped;      /* early stopping put the best weights back (until trained on) */
	RunHistory hist;
	size_t bad_row;    /* NN_ERR_SHAPE from run_create: a given label that does not fit */
} Run;

/* Fills c with a run's defaults: the spiral of 400 points (noise 0.2), half held out,
 * data seed 1; two hidden layers of 8 tanh neurons, cross-entropy, the automatic
 * initializer, seed 1; Adam with lr 0.03, batches of 10, no dropout, divergence at
 * 1e4 times the initial loss, the fastest kernels, 256 points of history. */
void run_config_defaults(RunConfig *c);

/* Makes the data, the network, its trainers and the history from c, then evaluates
 * once (epoch 0) and keeps those weights as the best. Returns NN_OK; NN_ERR_ARG for
 * too many hidden layers, a zero width, no training points or bad data settings;
 * NN_ERR_SHAPE when a given label does not fit (r->bad_row says which); NN_ERR_NOMEM.
 * On an error r is empty (run_free is still safe). */
NnStatus run_create(Run *r, const RunConfig *c);

/* Releases everything r holds; r becomes empty. Safe on a zeroed Run. */
void run_free(Run *r);

/* Trains whole mini-batches until at least `examples` more examples are done (0: none).
 * Returns NN_OK, or NN_ERR_DIVERGED when a step diverged (see train_step): r->status
 * keeps it, and every later call returns it without training. */
NnStatus run_train(Run *r, size_t examples);

/* Trains whole mini-batches until at least `examples` more examples are done or the
 * current epoch ends, whichever comes first (at least one step); *done gets the
 * examples trained. Returns as run_train. Driving a run with it and checkpointing
 * whenever run_epoch_ended says so checkpoints at the same steps however the training
 * is cut into calls (a frame's budget, a chosen speed): the same run keeps the same
 * best weights at any speed. */
NnStatus run_train_part(Run *r, size_t examples, size_t *done);

/* Whether the run stands at the end of an epoch (or at its start): the examples
 * trained are a whole number of passes through the training set. */
bool run_epoch_ended(const Run *r);

/* Measures the network on both sets (r->train_loss ...) and appends the point to the
 * history at the current epoch. */
void run_evaluate(Run *r);

/* Keeps the weights when the test loss is the lowest so far. With patience > 0, once
 * it has not improved for more than `patience` epochs, puts the kept weights back,
 * sets r->stopped and returns false; true otherwise (always without a test set). */
bool run_checkpoint(Run *r, double patience);

/* Puts the weights of the lowest test loss back (the kept loss and its epoch stay);
 * the history and the count of examples go on, so the caller's next evaluation shows
 * the jump back on the curves. False when none are kept. */
bool run_restore_best(Run *r);

/* Replaces the weights with params (n of them: the network's count), starts the
 * history again and forgets the best loss; the caller evaluates and checkpoints.
 * Returns false (nothing changed) when n does not match. */
bool run_set_params(Run *r, const double *params, size_t n);

/* Changes the learning rate and the L1 and L2 rates; the run goes on from here. */
void run_tune(Run *r, double lr, double l1, double l2);

/* Looks for a learning rate that trains this run: for each of rates[0..n), a fresh
 * start of r (its data, network, starting weights and settings, with the optimizer's
 * current L1 and L2 rates and that learning rate) trains `examples` examples. Returns
 * the index of the rate whose training loss is then the lowest without diverging (the
 * first of equals), or -1 when every one diverged (or memory ran out). losses (n, or
 * NULL) gets each rate's final training loss (INFINITY: it diverged). Allocates a run
 * of its own while it works; r is not changed. */
int run_probe_rates(const Run *r, const double *rates, size_t n, size_t examples,
                    double *losses);

/* Epochs trained: examples over the training points. */
double run_epoch(const Run *r);

/* The multiply-adds of one training step of a full batch (forward, the weights'
 * gradient, and the deltas below each layer but the first). */
size_t run_macs(const Run *r);

/* The points of the history to draw: the kept ones and the newest. *epoch and *v get
 * the arrays (v: metric m). Returns their length (0 before any evaluation). */
size_t run_history(const Run *r, RunMetric m, const double **epoch, const double **v);

#endif
