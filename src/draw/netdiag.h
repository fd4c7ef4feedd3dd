/* netdiag.h: network diagrams: layers of neurons in columns, links coloured by the sign
 * and weighted by the size of their weights, values beside neurons, weights on the links
 * of small networks, a highlighted path and a wave running forward or backward.
 * Must not include curses; one NetDiag keeps its canvas between frames. */
#ifndef NN_DRAW_NETDIAG_H
#define NN_DRAW_NETDIAG_H

#include <stdbool.h>

#include "draw/canvas.h"
#include "nn/mlp.h"

#define NETDIAG_MAX_LAYERS  8  /* columns, inputs and outputs included */
#define NETDIAG_MAX_NEURONS 16 /* per column */
#define NETDIAG_VALUE_W     5  /* columns of a neuron's value: "-0.67" */
#define NETDIAG_NAME_W      3  /* columns of a neuron's name at most: "h12" */

typedef enum {
	NETDIAG_WAVE_NONE,
	NETDIAG_WAVE_FORWARD, /* lit: layers <= pos, and the links of gap floor(pos) up to
			       * the fraction pos - floor(pos) of their length */
	NETDIAG_WAVE_BACKWARD /* lit: layers >= pos, and the links of gap floor(pos) from
			       * that fraction to their end */
} NetDiagWave;

typedef struct {
	int nlayers;      /* columns: 1 .. NETDIAG_MAX_LAYERS */
	const int *sizes; /* neurons per column: 1 .. NETDIAG_MAX_NEURONS */
	/* NULL, or per gap l (nlayers - 1 of them) the sizes[l+1] x sizes[l] weights, row j
	 * holding those into neuron j (the layout of Mlp and torch.nn.Linear); a NULL gap
	 * draws plain links. */
	const double *const *weights;
	/* NULL, or per column the sizes[l] values shown beside the neurons (a NULL column
	 * shows none); they colour the neurons on the ramp, clamped to [-1, 1]. */
	const double *const *values;
	const int *path;  /* NULL, or per column a neuron on the highlighted path (-1: none) */
	NetDiagWave wave; /* while a wave runs only lit columns show their values */
	double wave_pos;  /* 0 .. nlayers - 1 */
	int focus_layer, focus_neuron; /* the neuron with the cursor (STYLE_FOCUS), or -1 */
	/* NULL, or a name per neuron, column after column (the inputs first), drawn left
	 * of it: "x1", "h2", "y" (NULL or "" for none; at most NETDIAG_NAME_W columns, a
	 * letter's trailing digits as subscripts in Unicode: "h₂"). */
	const char *const *names;
} NetDiagSpec;

/* Where everything went: widgets put their cursor on a neuron with it. */
typedef struct {
	int nlayers;
	int sizes[NETDIAG_MAX_LAYERS];
	int x[NETDIAG_MAX_LAYERS][NETDIAG_MAX_NEURONS]; /* the neuron's cell, in grid */
	int y[NETDIAG_MAX_LAYERS][NETDIAG_MAX_NEURONS]; /* coordinates */
	int value_w;      /* columns for values right of each neuron (0: values hidden) */
	bool names;       /* names are drawn before the neurons */
	int name_w[NETDIAG_MAX_LAYERS]; /* columns for the names of column l (0: none) */
	bool link_labels; /* weights may be printed on links (small networks with room) */
} NetDiagLayout;

typedef struct {
	Canvas cv;
	NetDiagLayout lay; /* of the last netdiag_draw */
} NetDiag;

/* An empty diagram owning no memory; netdiag_free releases what drawing allocated. */
void netdiag_init(NetDiag *d);
void netdiag_free(NetDiag *d);

/* Lays the network out in the w x h cells at (x, y): columns spread across (values
 * beside the neurons and names before them when there is room, names kept longest),
 * neurons spread down each column (a column
 * needs as many rows as neurons). Returns 0, or -1 when the spec is invalid (no layers,
 * too many, a size outside 1 .. NETDIAG_MAX_NEURONS) or the rectangle too small; the
 * layout is then empty (nlayers 0). Depends only on sizes, values (present or not),
 * weights (present or not) and the rectangle, so cursor positions stay put while
 * values change. */
int netdiag_layout(NetDiagLayout *lay, int x, int y, int w, int h, const NetDiagSpec *s);

/* The name of neuron j of column l in s (NULL when it has none). */
const char *netdiag_name(const NetDiagSpec *s, int l, int j);

/* Lays out (into d->lay) and draws the diagram. Links are braille lines (ASCII strokes
 * without Unicode), weakest drawn first: above 0.6 of the largest |w| in COLOUR_CLASS1
 * (positive) or COLOUR_CLASS0 (negative), doubled where a gap has at most 16 links;
 * weaker ones in the paler steps of the ramp, dotted below a fifth; in monochrome a
 * negative link is dashed. Without weights links are COLOUR_MUTED. The path is drawn
 * last, doubled, in COLOUR_CLASS5; the wave paints the lit part of its gap's links in
 * COLOUR_CLASS5 too. Neurons are '●' ('o'), '◉' ('@') on the path, coloured on the
 * ramp by their value. Small networks (at most 16 links, with room) get their weights
 * printed on the links: each where its link alone passes (no other link through the
 * label or the blank each side of it) and two columns from any other label, else where
 * it only finds room; a label that finds neither is left out. Returns 0; -1 when the layout
 * fails (a summary such as "2-8-8-1" is drawn instead) or memory runs out. */
int netdiag_draw(NetDiag *d, Grid *g, int x, int y, int w, int h, const NetDiagSpec *s, Caps caps);

/* Fills s for the network m: its columns (into sizes, NETDIAG_MAX_LAYERS of them) and
 * its weights (into w, one per gap), with no values, names, path, wave or focus (-1).
 * Returns 0, or -1 (s zeroed) when m has more columns or neurons than a diagram. */
int netdiag_spec_mlp(NetDiagSpec *s, int *sizes, const double **w, const Mlp *m);

/* Formats a neuron's value in at most NETDIAG_VALUE_W columns: "0.67", "-0.40",
 * "12.3", "1e6". Returns the length. */
int netdiag_value(char *out, size_t size, double v);

#endif
