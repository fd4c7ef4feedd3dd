/* strip.h: what the strip kind's two files share: its state, and its RNN mode (strip-rnn.c:
 * src/nn's tanh RNN run over one or two sequences of numbers, the weights shown once).
 * Must not own the loop, write files or know another kind. */
#ifndef NN_WIDGETS_STRIP_H
#define NN_WIDGETS_STRIP_H

#include <stdbool.h>
#include <stddef.h>

#include "draw/grid.h"
#include "widgets/core/steps.h"
#include "widgets/core/widget.h"

enum { STRIP_RNN_STEPS = 64, /* steps of a sequence at most */
       STRIP_RNN_HID = 8,    /* hidden units at most */
       STRIP_RNN_TOKEN = 12 };

/* An RNN run: h_t = tanh(wx x_t + scale wh h_(t-1) + b) from h_0 = 0, one input a step,
 * over sequence 0 (x=) and, when given, sequence 1 (x2=). */
typedef struct {
	size_t hid, steps, nseq;
	double wx[STRIP_RNN_HID], wh[STRIP_RNN_HID * STRIP_RNN_HID], b[STRIP_RNN_HID];
	double scale;                                    /* W_h's factor computed with */
	bool fresh;                                      /* h and dist are of scale and x */
	double whs[STRIP_RNN_HID * STRIP_RNN_HID];       /* scale * wh: the W_h used */
	double x[2][STRIP_RNN_STEPS];                    /* the inputs */
	double h[2][STRIP_RNN_STEPS * STRIP_RNN_HID];    /* the states, a row a step */
	double dist[STRIP_RNN_STEPS];                    /* |h_t - h'_t| */
	char tok[2][STRIP_RNN_STEPS][STRIP_RNN_TOKEN];   /* the inputs as shown */
	char name[STRIP_RNN_STEPS][24]; /* "1" .. as %zu writes them */
	const char *names[STRIP_RNN_STEPS];
	double *work;
	int seq; /* the sequence chosen: 0 or 1 */
} StripRnn;

typedef struct {
	double *lit; /* the literal states, rows x units, or NULL */
	size_t rows, units;
	bool spark;  /* a sparkline of magnitudes; else shades with signs */
	bool fixed;
	double lo, hi;
	Steps at;
	unsigned long version;
	StripRnn *rnn; /* the RNN mode (wh= given), or NULL */
} Strip;

/* Starts the RNN mode when in has wh=: s->rnn, computed. Returns 0, or -1 when out of
 * memory. */
int strip_rnn_init(Instance *in, Strip *s);
void strip_rnn_free(Strip *s);

/* Runs the RNN again when the scale it follows or an input changed; returns whether. */
bool strip_rnn_refresh(Instance *in);

/* The rows of the weights above the sequences. */
int strip_rnn_head_rows(const StripRnn *r);

/* Draws the weights (the same at every step) from (x, y) in w columns. */
void strip_rnn_draw_head(const StripRnn *r, Grid *g, int x, int y, int w, Caps caps);

/* Draws the three status rows of step t: the input, the state before and the state after. */
void strip_rnn_draw_status(const StripRnn *r, Grid *g, int x, int y, int w, int t, int n,
			   Caps caps);

/* Up/Down choose the sequence, + and - change the input at step t. */
unsigned strip_rnn_key(Instance *in, const Key *k, int t);

#endif
