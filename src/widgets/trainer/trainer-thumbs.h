/* trainer-thumbs.h: how the trainer's neurons chart (trainer-thumbs.c) is laid out: a
 * band per layer (its label, then a thumbnail per neuron), for the chart and the tests.
 * Must not own the loop or write files. */
#ifndef NN_WIDGETS_TRAINER_THUMBS_H
#define NN_WIDGETS_TRAINER_THUMBS_H

#include "widgets/trainer/trainer.h"

#define THUMBS_MIN_H 3 /* rows of a thumbnail at least (and twice as many columns) */
#define THUMBS_MAX_H 8 /* rows of a thumbnail at most */
#define THUMBS_MAX   (BRAIN_MAX_HIDDEN * BRAIN_MAX_WIDTH + 16) /* thumbnails laid out */

typedef struct {
	int x, y;          /* the top-left cell */
	int layer, neuron; /* the net's layer (0: the first hidden one; n_layers - 1: the
			    * output) and the neuron in it */
} Thumb;

typedef struct {
	int x, y;           /* the band's top-left cell: the label, its thumbnails to the right */
	int shown, more;    /* neurons drawn, neurons left out (a "+N more" note at note_x) */
	int note_x, note_w; /* the note's column and the columns it may take */
} ThumbsBand;

typedef struct {
	int tw, th; /* every thumbnail's size in cells: tw = 2 th, about square */
	int lw;     /* the labels' width; thumbnails start lw + 1 columns into a band */
	int nbands; /* the net's layers, or 0 when even one thumbnail a layer has no room */
	ThumbsBand band[BRAIN_MAX_HIDDEN + 1];
	int n; /* thumbnails, band after band */
	Thumb t[THUMBS_MAX];
} ThumbsLayout;

/* Lays out the thumbnails of b's built net in the w x h cells at (x, y): the largest
 * thumbnails (THUMBS_MIN_H to THUMBS_MAX_H rows) that show every neuron, bands stacked
 * in rows (a blank row between them when there is room) and, when the layers outnumber
 * the rows, in several columns; when no size shows every neuron, the smallest, with as
 * many neurons per layer as fit and a note for the rest. Everything lies inside the
 * rectangle. The layer labels are the translated "layer N" and "out". Returns 0, or -1
 * (lay->nbands 0) when the net is not built or even one thumbnail and its note per
 * layer do not fit. */
int trainer_thumbs_layout(const Brain *b, int x, int y, int w, int h, ThumbsLayout *lay);

/* The label of layer l of b's net ("layer 1", ..., "out"), translated, in buf. */
void trainer_thumbs_label(const Brain *b, int l, char *buf, size_t size);

#endif
