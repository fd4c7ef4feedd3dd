/* conv.h: what the two halves of the convolution game share (conv.c: rounds, keys,
 * judging and progress; conv-draw.c: drawing). Internal to src/widgets. */
#ifndef NN_WIDGETS_CONV_H
#define NN_WIDGETS_CONV_H

#include <stdbool.h>

#include "widgets/core/widget.h"

enum { CONV_MAX = 10, CONV_ROUNDS = 3, CONV_PRESETS = 4 };

typedef enum { CONV_IMAGE, CONV_KERNEL } ConvPart;

typedef enum {
	CONV_FB_NONE,
	CONV_FB_HIT,    /* a round won */
	CONV_FB_MISS,   /* checked: some edge cells dark or other cells lit */
	CONV_FB_NOEDGE, /* checked: the image has no edge of the round's kind */
	CONV_FB_WON     /* every round won */
} ConvFeedback;

typedef struct {
	int n, m;                        /* the image's side, the map's (n - 2) */
	double img[CONV_MAX * CONV_MAX]; /* n x n, 0 dark or 1 bright */
	double k[9];                     /* the 3 x 3 kernel */
	int preset;                      /* the kernel last chosen; -1: edited */
	ConvPart part;                   /* what the arrows move */
	int cx, cy, kx, ky;              /* the image's cursor, the kernel's */
	int pos;                         /* the window, in reading order of the map */
	double map[(CONV_MAX - 2) * (CONV_MAX - 2)]; /* conv2d(img, k), m x m */
	double threshold;                /* a cell lights up at this or more */
	int round, tries, best;          /* best: fewest checks of a won game; 0: none */
	bool won;
	ConvFeedback fb;
	int missed, stray;               /* the last check: edge cells dark, others lit */
	unsigned long version;           /* of the map */
} Conv;

extern const char *const conv_preset_names[CONV_PRESETS];
/* The goal of each round (N_). */
extern const char *const conv_goals[CONV_ROUNDS];

/* The 9 products of the kernel and the image under the window, in reading order. */
void conv_products(const Conv *s, double prod[9]);
/* Whether the map's cell (i, j) sits on the round's edge: its window holds two
 * neighbouring pixels that step the round's way (up by 0.5 or more to the right in
 * round 1, downwards in round 2; down to the right in round 3). */
bool conv_on_edge(const Conv *s, int i, int j);
/* The cells on the edge; *missed of them below the threshold, *stray others at or
 * above it. The round is won when there are some and both counts are 0. */
int conv_judge(const Conv *s, int *missed, int *stray);
void conv_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
	       int *cy);
int conv_height(const Instance *in, int width);

#endif
