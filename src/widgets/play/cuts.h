/* cuts.h: what the two halves of the cuts widget share (cuts.c: the cuts, the real
 * network they set, keys and progress; cuts-draw.c: the plane and the table). Internal
 * to src/widgets; must not draw in cuts.c or change the game in cuts-draw.c. */
#ifndef NN_WIDGETS_CUTS_H
#define NN_WIDGETS_CUTS_H

#include <stdbool.h>

#include "draw/plot.h"
#include "nn/mlp.h"
#include "widgets/core/widget.h"

/* The controls' whole range: the angle in steps of 15 degrees all the way round, the
 * offset d = -1.45, -1.35, ..., 1.45 (odd multiples of 0.05, so no corner of the square
 * ever lies on a line: its distance along any of these angles is never such a value). */
#define CUTS_ANGLES     24
#define CUTS_DEGREES    15
#define CUTS_OFFSETS    30
#define CUTS_OFFSET_MIN (-1.45)
#define CUTS_OFFSET_STEP 0.1
#define CUTS_BATCH      256 /* samples of the plane evaluated at once */
/* The plane: its cells with the axes, and the samples of its field at most (two a cell). */
#define CUTS_PLANE_W    30
#define CUTS_PLANE_H    14
#define CUTS_FIELD_CAP  (CUTS_PLANE_W * CUTS_PLANE_H * 2)

/* The output unit of stage 2, as in xor.lesson: y = sigmoid(8 H1 - 8 H2 - 4), so y > 0.5
 * exactly where H1 = 1 and H2 = 0: between the cuts. */
#define CUTS_OUT_W1   8.0
#define CUTS_OUT_W2   (-8.0)
#define CUTS_OUT_BIAS (-4.0)

/* One straight cut: the line cos(theta) x1 + sin(theta) x2 = d, as indices. */
typedef struct {
	int angle;  /* 0 .. CUTS_ANGLES - 1: theta = angle * 15 degrees */
	int offset; /* 0 .. CUTS_OFFSETS - 1: d = -1.45 + 0.1 offset */
} Cut;

typedef struct {
	Cut cut[2];   /* the line of stage 1 is cut[0] */
	Cut start;    /* where the line starts (angle=, offset=) */
	bool hidden;  /* stage 2: the hidden layer is on */
	int chosen;   /* the cut the arrows move (stage 2): 0 or 1 */
	int best;     /* the most corners right so far, 0 .. 4 */
	bool won;     /* 4 of 4 with the hidden layer */
	Mlp one;      /* stage 1: 2-1, step: y = step(w . x + b) */
	Mlp two;      /* stage 2: 2-2-1, step then sigmoid */
	MlpWork work1, work2;
	/* The four corners (0,0) (0,1) (1,0) (1,1) as the active network computes them
	 * (updated after every change): the line's total z (stage 1), the hidden units
	 * (stage 2), the output y, and how many corners are right. */
	double z[4], h[4][2], y[4];
	int right;
	Plot plot;     /* scratch for drawing: the plane */
	double *field; /* and its samples, CUTS_FIELD_CAP */
} Cuts;

/* theta in degrees and d of a cut. */
double cuts_degrees(Cut c);
double cuts_offset(Cut c);
/* The weights of a cut: w1 = cos(theta), w2 = sin(theta), b = -d. */
void cuts_weights(Cut c, double *w1, double *w2, double *b);
/* The network in use now (one or two) and its workspace. */
const Mlp *cuts_net(const Cuts *s);
MlpWork *cuts_work(Cuts *s);
/* Whether the output y says 1. */
bool cuts_says_one(double y);

/* The draw function of the kind's ops (cuts-draw.c) and the height it draws. */
void cuts_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx, int *cy);
int cuts_height(const Instance *in, int width);

#endif
