/* relay.h: what the two halves of the relay game share (relay.c: rounds, the forward
 * pass, keys and progress; relay-draw.c: drawing). Internal to src/widgets. */
#ifndef NN_WIDGETS_RELAY_H
#define NN_WIDGETS_RELAY_H

#include <stdbool.h>

#include "draw/netdiag.h"
#include "nn/act.h"
#include "widgets/core/widget.h"

#define RELAY_MAX_H      6 /* hidden neurons the learner may choose */
#define RELAY_MAX_ROUNDS 6
#define RELAY_DIAG_ROWS  10 /* rows of the diagram */
#define RELAY_TABLE_ROWS 8  /* the weights table: a heading, six neurons, the bias c */
#define RELAY_TABLE_W    29 /* its columns */

/* One round's fixed weights: h = f(W x + b) for the first H neurons, y = sigmoid(v.h + c). */
typedef struct {
	double w[RELAY_MAX_H][2]; /* row j: neuron j's weights from x1 and x2 */
	double b[RELAY_MAX_H];
	double v[RELAY_MAX_H]; /* the weights from the hidden neurons to the output */
	double c;
} RelayRound;

typedef enum {
	SHOT_NONE,   /* not fired since the last change: only the inputs are lit */
	SHOT_FLYING, /* the wave runs from the inputs (pos 0) to the output (pos 2) */
	SHOT_LANDED  /* every value shown; the output judged */
} RelayShot;

typedef enum {
	NOTE_NONE,
	NOTE_NOT_YET, /* n before the round is won */
	NOTE_LAST     /* n after the last round */
} RelayNote;

typedef struct {
	RelayRound rounds[RELAY_MAX_ROUNDS];
	int nrounds;
	Activation act; /* the hidden layer's */
	double lo, hi, step, speed;
	int start_h;
	int round;   /* being played, 0-based */
	int hidden;  /* H, 1 .. RELAY_MAX_H */
	int sel;     /* the input Up and Down change: 0 or 1 */
	double x[2]; /* the inputs */
	RelayShot shot;
	double pos;   /* the wave's front, 0 .. 2 */
	bool cleared; /* the round being played is won */
	int score;    /* rounds won in this game */
	int shots;    /* fired in this game, until it is won */
	int best;     /* fewest shots of a won game; 0: none yet */
	bool won;
	RelayNote note;
	NetDiag nd; /* scratch: the canvas, kept between frames */
} Relay;

/* The forward pass of round rd with its first H neurons for the inputs x, by src/nn's
 * dense and activation layers: h (H values) and the output y, returned. */
double relay_forward(const Relay *s, const RelayRound *rd, int H, const double x[2], double *h);

/* The draw function of the relay's ops, and its height (relay-draw.c). */
void relay_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx, int *cy);
int relay_height(const Instance *in, int width);

#endif
