/* race.h: the race kind (race.c: its runs, training and the kind; race-view.c: how it
 * looks): the state they share, and what the kind lends its tests and the benchmark.
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#ifndef NN_WIDGETS_RACE_H
#define NN_WIDGETS_RACE_H

#include <stdbool.h>
#include <stddef.h>

#include "nn/run.h"
#include "widgets/core/plotdata.h"
#include "widgets/core/widget.h"

#define RACE_MAX     4   /* runs */
#define RACE_HISTORY 256 /* points per curve (thinned as the race goes on) */

typedef struct {
	int n;                       /* runs */
	char names[RACE_MAX][PLOTDATA_NAME];
	const char *labels[RACE_MAX]; /* names, for the "final" output */
	RunConfig cfg[RACE_MAX];
	Run run[RACE_MAX];
	bool built;                  /* every run exists */
	size_t seen[RACE_MAX];       /* each run's examples at its last evaluation */
	NnStatus seen_st[RACE_MAX];  /* and its status then */
	RunMetric metric;            /* the loss the curves show */
	int epochs;                  /* the finish */
	double speed;                /* epochs per second; 0: as many as the budget allows */
	double owed;                 /* examples per run due at that speed, not trained yet */
	bool playing;
	double final[RACE_MAX];      /* each curve's newest value */
	/* How far apart each run's hidden neurons are: the largest difference between two
	 * neurons of one hidden layer in one incoming weight or their bias (0: every
	 * hidden layer's neurons are copies of each other). Shown with symmetry=yes. */
	double apart[RACE_MAX];
	bool symmetry;
	/* scale_from=: the number last read from the dial, and the runs it sets (those
	 * whose start uses init_scale: constant, uniform, normal). */
	bool dial_on, dialed[RACE_MAX];
	double dial;
	unsigned long version;       /* of the curves and final values */
	int chart_h;
	PlotData chart;              /* a series per run: its curve, copied from its history */
} Race;

/* Run k (0-based, in the order of names=) of the race instance in; NULL for another
 * kind of widget, a k out of range, or a race whose runs could not be built. */
const Run *race_run(const Instance *in, int k);

/* Trains every run of in that is still racing by `examples` more (whole mini-batches,
 * none past the last epoch), then evaluates them, as a tick does but without the
 * clock: the same seeds and calls give the same numbers bit for bit. Returns whether
 * the race may go on (false once every run finished or diverged). */
bool race_train(Instance *in, size_t examples);

/* Whether no run races any more (each reached the last epoch or diverged). */
bool race_finished(const Race *r);

/* The epochs every run still racing has done (the last epoch when none races). */
int race_epoch(const Race *r);

/* Drawing (race-view.c), the WidgetOps functions. */
int race_view_height(const Instance *in, int width);
void race_view_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		    int *cy);

#endif
