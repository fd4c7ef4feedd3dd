/* dropout.h: the dropout kind (Dial the Dropout): its state, and what it lends its
 * tests. Must not own the loop, navigate or write files; computes only with src/nn. */
#ifndef NN_WIDGETS_DROPOUT_H
#define NN_WIDGETS_DROPOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "nn/run.h"
#include "widgets/core/widget.h"

#define DROPOUT_MAX_RATES 10
#define DROPOUT_MAX_SEEDS 5

typedef struct {
	double rates[DROPOUT_MAX_RATES];
	int nrates, nseeds, epochs;
	double tol, speed;
	uint64_t seed; /* of the learner's run */
	/* The measuring: acc[i][k] the validation accuracy of rate i from seed k + 1. */
	double acc[DROPOUT_MAX_RATES][DROPOUT_MAX_SEEDS];
	double mean[DROPOUT_MAX_RATES];
	int probes; /* runs done */
	bool measured;
	int lo, hi; /* the zone: rates lo..hi */
	/* The learner's run. */
	int sel;
	Run run;
	bool built, playing, judged;
	double owed; /* examples due at the speed, not trained yet */
	int won_rate;
	unsigned long version;
} DropoutGame;

/* The run the widget in trains at rate from seed (its data, net and settings). */
void dropout_config(const Instance *in, RunConfig *c, double rate, uint64_t seed);

/* mean: (n); the zone: the rates around the best mean (the first of equals) whose mean
 * is at least the best minus tol, *lo to *hi. */
void dropout_band(const double *mean, int n, double tol, int *lo, int *hi);

/* Finishes measuring the zone now (what the ticks do a few runs at a time). */
void dropout_measure_all(Instance *in);

/* Trains the learner's run by examples more (none past its end), evaluates, and judges
 * it at its end; returns whether it goes on. */
bool dropout_train(Instance *in, size_t examples);

#endif
