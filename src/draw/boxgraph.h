/* boxgraph.h: a graph drawn as boxes and arrows in a cell grid: layered left to right
 * (a node's column is the longest path to it, nodes of a column stacked and centred),
 * wrapped onto further bands when the columns do not fit, with edges to the next
 * column in the gap between, others through a channel above the band, and edges that
 * go on in a later band (or an earlier one) turning through the left margin.
 * Must not include curses. */
#ifndef NN_DRAW_BOXGRAPH_H
#define NN_DRAW_BOXGRAPH_H

#include <stdbool.h>

#include "draw/grid.h"

enum { BOXGRAPH_NODES = 48, BOXGRAPH_EDGES = 96, BOXGRAPH_LABEL = 16 /* columns of a name */ };

typedef struct {
	int from, to;  /* node indices */
	bool directed; /* an arrowhead at to */
} BoxEdge;

/* What the caller sets (n, ne, e), then boxgraph_layers the rest. */
typedef struct {
	int n, ne;
	BoxEdge e[BOXGRAPH_EDGES];
	int layer[BOXGRAPH_NODES], slot[BOXGRAPH_NODES]; /* column, and place in it */
	int size[BOXGRAPH_NODES];                         /* nodes per column */
	int nlayers;
	bool adjacent[BOXGRAPH_EDGES]; /* goes to the next column */
} BoxGraph;

/* How each node and edge shows now. */
typedef struct {
	const char *name[BOXGRAPH_NODES];  /* UTF-8 */
	const char *value[BOXGRAPH_NODES]; /* "" or NULL: none */
	bool hidden[BOXGRAPH_NODES], hidden_edge[BOXGRAPH_EDGES];
	bool hl[BOXGRAPH_NODES], hl_edge[BOXGRAPH_EDGES]; /* heavy, accented */
} BoxLook;

/* Columns by the longest path over the edges that are not back edges (a depth-first
 * search from each node in order finds those); a node nothing leads to stands just
 * before the first node it leads to; slots in index order. */
void boxgraph_layers(BoxGraph *bg);

/* Measures (g NULL) or draws bg as lk says in w columns from (x, y): boxes three rows
 * high with the name and the value, highlighted ones heavy ('=' across in ASCII).
 * Returns the rows. */
int boxgraph_draw(Grid *g, int x, int y, int w, const BoxGraph *bg, const BoxLook *lk,
		  Caps caps);

#endif
