/* softmax.h: what the two halves of the softmax kind share (softmax.c: the logits it
 * reads or owns, the computation, keys and progress; softmax-draw.c: the table).
 * Internal to src/widgets; must not own the loop or write files. */
#ifndef NN_WIDGETS_SOFTMAX_H
#define NN_WIDGETS_SOFTMAX_H

#include <stdbool.h>
#include <stddef.h>

#include "widgets/core/widget.h"

enum { SOFTMAX_MAX = 8, SOFTMAX_CELL = 24 };

/* Everything shown and given, computed from what the widget reads now. */
typedef struct {
	size_t n;
	double z[SOFTMAX_MAX];     /* the logits read */
	double zt[SOFTMAX_MAX];    /* the logits the softmax takes: z / T */
	double e[SOFTMAX_MAX];     /* e^(z/T), as the formula writes it */
	double p[SOFTMAX_MAX];     /* loss_softmax of zt */
	double pct[SOFTMAX_MAX];   /* 100 p */
	double y[SOFTMAX_MAX];     /* one-hot truth */
	double pmy[SOFTMAX_MAX];   /* p - y */
	double grad[SOFTMAX_MAX];  /* loss_softmax_ce_backward: dL/dzt */
	double nudge[SOFTMAX_MAX]; /* the same slope measured by central differences */
	double t;                  /* the temperature (1 without one) */
	double loss;               /* -ln p[truth] (loss_softmax_ce_forward) */
	bool has_t, has_truth, ok;
	size_t truth;  /* the true class, with has_truth */
	size_t winner; /* the class of the largest p */
	size_t ties;   /* how many classes share the largest p */
} SoftmaxCalc;

typedef struct {
	char names[SOFTMAX_MAX][SOFTMAX_CELL]; /* each class's name */
	const char *labels[SOFTMAX_MAX];
	/* With values=: the logits are its own, the learner sets them. */
	bool own;
	size_t most;           /* the classes it may show: one per value given */
	size_t count;          /* the classes shown now, 2 .. most */
	size_t sel;            /* the class whose logit the keys move, < count */
	double z[SOFTMAX_MAX]; /* every class's logit, shown or not */
	double lo, hi, step;
	/* What it gives: a copy of the last computation, versioned by its changes. */
	SoftmaxCalc pub;
	unsigned long version;
} Softmax;

/* Reads (or takes its own) logits, the temperature and the truth, and works everything
 * out with src/nn's softmax. */
void softmax_calc(const Instance *in, SoftmaxCalc *c);

/* The rows it wants: headings, a row per class, the total, the winner, [the loss]. */
int softmax_height(const Instance *in, int width);

/* The table: z, [z/T], e^z, p, then with its own logits a bar of p and p in percent;
 * or with a truth p, y, p - y, the library's gradient and the nudged slope; the total,
 * the winner and the loss. Columns that matter least go first when it is narrow. */
void softmax_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		  int *cy);

#endif
