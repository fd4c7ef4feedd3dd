/* gnn.c: the gnn kind: real rounds of message passing (nn/graph.h) on a small graph the
 * learner picks (a path, a ring, a star, two groups of friends). One node is lit (value
 * 1, the others 0); each key press runs one round in which every node aggregates the
 * values of its neighbours and itself by sum, mean or max; the graph is drawn with each
 * node's value, and the round in which the signal has reached every node is shown.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/canvas.h"
#include "nls.h"
#include "nn/graph.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	GNN_MAX = 16,    /* nodes at most (the social graph has 12) */
	GNN_ROUNDS = 99, /* rounds at most */
	GNN_LABEL = 16,  /* bytes of a node's label */
	GNN_WIDE = 56    /* from this width the header is one line */
};

typedef struct {
	Graph g;
	GraphKind kind;
	GraphAgg agg;
	size_t nodes;  /* the path's, ring's and star's size */
	size_t lit;    /* the lit node */
	size_t rounds; /* rounds run since the light */
	size_t every;  /* the round in which every node was first reached; 0: not yet */
	double h[GNN_MAX], m[GNN_MAX];
	size_t arg[GNN_MAX];
	double rounds_out, reached_out, every_out;
	unsigned long version;
	Canvas cv; /* scratch for the edges */
	bool broken;
} Gnn;

static const KindKey gnn_keys[] = {
    {"Space Enter", N_("run one round of message passing")},
    {"Left Right", N_("light the previous or next node (starts again)")},
    {"a", N_("the next aggregation: sum, mean, max (same rounds, run again)")},
    {"g", N_("the next graph: path, ring, star, social (starts again)")},
    {"r", N_("back to round 0")},
};

/* The aggregations as the screen names them. */
static const char *agg_title(GraphAgg a)
{
	return a == GRAPH_SUM ? _("sum") : a == GRAPH_MEAN ? _("mean") : _("max");
}

static const char *graph_title(GraphKind k)
{
	switch (k) {
	case GRAPH_PATH:
		return _("path");
	case GRAPH_RING:
		return _("ring");
	case GRAPH_STAR:
		return _("star");
	default:
		return _("social");
	}
}

/* The nodes reached: those with a value other than 0. */
static size_t reached(const Gnn *s)
{
	size_t v, n = 0;

	for (v = 0; v < s->g.n_nodes; v++)
		n += s->h[v] != 0.0;
	return n;
}

/* The light again, then `rounds` rounds: h <- aggregate(h) over each node's neighbours
 * and itself; notes the first round in which every node holds a value. */
static void run(Gnn *s, size_t rounds)
{
	size_t n = s->g.n_nodes, k;

	memset(s->h, 0, sizeof s->h);
	s->h[s->lit] = 1.0;
	s->every = 0;
	for (k = 1; k <= rounds; k++) {
		graph_aggregate(s->m, s->arg, &s->g, s->h, 1, s->agg, 1);
		memcpy(s->h, s->m, n * sizeof *s->h);
		if (!s->every && reached(s) == n)
			s->every = k;
	}
	s->rounds = rounds;
	s->rounds_out = (double)rounds;
	s->reached_out = (double)reached(s);
	s->every_out = (double)s->every;
	s->version++;
}

/* Builds the chosen graph and lights node lit (clamped); 0 or -1. */
static int build(Gnn *s, size_t lit)
{
	graph_free(&s->g);
	if (graph_make(&s->g, s->kind, s->nodes) != NN_OK || s->g.n_nodes > GNN_MAX)
		return -1;
	s->lit = lit < s->g.n_nodes ? lit : 0;
	run(s, 0);
	return 0;
}

static int gnn_init(Instance *in)
{
	Gnn *s = calloc(1, sizeof *s);
	const char *w;

	if (!s)
		return -1;
	in->state = s;
	canvas_init(&s->cv);
	w = widget_str(in, "graph", "path");
	if (graph_from_name(&s->kind, w))
		s->kind = GRAPH_PATH;
	w = widget_str(in, "aggregation", "sum");
	if (graph_agg_from_name(&s->agg, w))
		s->agg = GRAPH_SUM;
	s->nodes = (size_t)widget_num(in, "nodes", 7);
	s->broken = build(s, (size_t)widget_num(in, "lit", 0)) != 0;
	return 0;
}

static void gnn_free(Instance *in)
{
	Gnn *s = in->state;

	if (!s)
		return;
	graph_free(&s->g);
	canvas_free(&s->cv);
	free(s);
	in->state = NULL;
}

static int header_rows(int width)
{
	return width >= GNN_WIDE ? 1 : 2;
}

static int gnn_height(const Instance *in, int width)
{
	return header_rows(width) + (int)widget_num(in, "height", 9) + 2;
}

/* Node v's name: A, B, C, ... */
static char node_name(size_t v)
{
	return (char)('A' + v);
}

/* Node v's label, "A 0.33"; the lit node's in brackets, "[A 1]". A value reached but
 * below 0.005 keeps one significant digit ("0.003"), so it never reads as 0. */
static int node_label(const Gnn *s, size_t v, char *out, size_t size)
{
	char num[32];

	if (s->h[v] != 0.0 && s->h[v] < 0.005)
		snprintf(num, sizeof num, "%.1g", s->h[v]);
	else
		visual_num(num, sizeof num, s->h[v], 2);
	return snprintf(out, size, v == s->lit ? "[%c %s]" : "%c %s", node_name(v), num);
}

/* The cell of node v in a box of w x h cells: the layout's bounding box stretched over
 * it, with room for the widest label (lw) at the sides. */
static void node_cell(const Gnn *s, size_t v, int w, int h, int lw, int *cx, int *cy)
{
	double x0 = 1, x1 = -1, y0 = 1, y1 = -1, x, y;
	size_t i;

	for (i = 0; i < s->g.n_nodes; i++) {
		x = s->g.xy[2 * i], y = s->g.xy[2 * i + 1];
		x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
		y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
	}
	x = s->g.xy[2 * v], y = s->g.xy[2 * v + 1];
	*cx = lw / 2 + (x1 > x0 ? (int)((x - x0) / (x1 - x0) * (w - lw) + 0.5) : (w - lw) / 2);
	*cy = y1 > y0 ? (int)((y1 - y) / (y1 - y0) * (h - 1) + 0.5) : (h - 1) / 2;
}

static void draw_graph(Gnn *s, Grid *g, int x, int y, int w, int h, Caps caps)
{
	char lab[GNN_LABEL];
	int lw = 0, ax, ay, bx, by;
	size_t v, i;

	for (v = 0; v < s->g.n_nodes; v++) {
		int k = node_label(s, v, lab, sizeof lab);
		lw = k > lw ? k : lw;
	}
	if (canvas_reshape(&s->cv, x, y, w, h, canvas_mode(caps, false)) == 0) {
		for (v = 0; v < s->g.n_nodes; v++)
			for (i = s->g.start[v]; i < s->g.start[v + 1]; i++) {
				size_t u = s->g.adj[i];
				if (u < v)
					continue;
				node_cell(s, v, w, h, lw, &ax, &ay);
				node_cell(s, u, w, h, lw, &bx, &by);
				canvas_line(&s->cv, ax * s->cv.sx + s->cv.sx / 2, ay * s->cv.sy + s->cv.sy / 2,
				            bx * s->cv.sx + s->cv.sx / 2, by * s->cv.sy + s->cv.sy / 2,
				            COLOUR_MUTED);
			}
		canvas_blit(&s->cv, g, caps);
	}
	for (v = 0; v < s->g.n_nodes; v++) {
		int k = node_label(s, v, lab, sizeof lab);
		Style st = v == s->lit ? STYLE_FOCUS : s->h[v] != 0.0 ? STYLE_BOLD : STYLE_DIM;
		node_cell(s, v, w, h, lw, &ax, &ay);
		ax -= k / 2;
		if (ax < 0)
			ax = 0;
		if (ax + k > w)
			ax = w - k;
		visual_text(g, x + ax, y + ay, x + w - (x + ax), lab, st);
	}
}

static void gnn_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
                     int *cy)
{
	Gnn *s = in->state; /* draws on its scratch canvas only */
	int h = (int)widget_num(in, "height", 9), y = r.y;
	size_t n = s->g.n_nodes, got;
	char line[200], a[80], b[80];

	if (s->broken) {
		visual_text(g, r.x, y, r.w, _("out of memory"), STYLE_DIM);
		return;
	}
	snprintf(a, sizeof a, _("graph: %s, %zu nodes"), graph_title(s->kind), n);
	snprintf(b, sizeof b, _("aggregation: %s   round %zu"), agg_title(s->agg), s->rounds);
	if (header_rows(r.w) == 1) {
		snprintf(line, sizeof line, "%s   %s", a, b);
		visual_text(g, r.x, y++, r.w, line, STYLE_BOLD);
	} else {
		visual_text(g, r.x, y++, r.w, a, STYLE_BOLD);
		visual_text(g, r.x, y++, r.w, b, STYLE_BOLD);
	}
	draw_graph(s, g, r.x, y, r.w, h, caps);
	y += h;
	got = reached(s);
	snprintf(line, sizeof line, _("node %c lit; reached: %zu of %zu nodes"), node_name(s->lit),
	         got, n);
	visual_text(g, r.x, y++, r.w, line, STYLE_NORMAL);
	if (s->every)
		snprintf(line, sizeof line, _("every node reached in round %zu"), s->every);
	else
		snprintf(line, sizeof line, "%s", _("not every node yet: Space runs a round"));
	visual_text(g, r.x, y, r.w, line, s->every ? STYLE_GOOD : STYLE_DIM);
	if (focused) {
		*cx = r.x;
		*cy = r.y;
	}
}

static unsigned gnn_key(Instance *in, const Key *k)
{
	Gnn *s = in->state;
	size_t n = s->g.n_nodes;

	if (s->broken)
		return WIDGET_IGNORED;
	if (k->code == K_ENTER || key_is_char(k, ' ')) {
		if (s->rounds >= GNN_ROUNDS)
			return WIDGET_HANDLED;
		run(s, s->rounds + 1);
	} else if (k->code == K_LEFT || k->code == K_RIGHT) {
		s->lit = (s->lit + (k->code == K_LEFT ? n - 1 : 1)) % n;
		run(s, 0);
	} else if (key_is_char(k, 'a')) {
		s->agg = (GraphAgg)((s->agg + 1) % GRAPH_AGG_COUNT);
		run(s, s->rounds);
	} else if (key_is_char(k, 'g')) {
		s->kind = (GraphKind)((s->kind + 1) % GRAPH_COUNT);
		if (build(s, 0)) {
			s->broken = true;
			return WIDGET_HANDLED | WIDGET_REDRAW;
		}
	} else if (key_is_char(k, 'r')) {
		run(s, 0);
	} else {
		return WIDGET_IGNORED;
	}
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool gnn_output(const Instance *in, const char *name, Data *out)
{
	const Gnn *s = in->state;

	if (s->broken)
		return false;
	out->version = s->version;
	if (strcmp(name, "values") == 0) {
		out->n = s->g.n_nodes, out->v = s->h;
	} else if (strcmp(name, "round") == 0) {
		out->scalar = s->rounds_out, out->v = &s->rounds_out, out->n = 1;
	} else if (strcmp(name, "reached") == 0) {
		out->scalar = s->reached_out, out->v = &s->reached_out, out->n = 1;
	} else if (strcmp(name, "every") == 0) {
		out->scalar = s->every_out, out->v = &s->every_out, out->n = 1;
	} else {
		return false;
	}
	return true;
}

static const WidgetOps gnn_ops = {
    .init = gnn_init,
    .free = gnn_free,
    .height = gnn_height,
    .draw = gnn_draw,
    .key = gnn_key,
    .output = gnn_output,
};

static const ParamSpec params[] = {
    {.name = "graph", .type = PARAM_CHOICE, .def = "path", .choices = "path|ring|star|social",
     .help = N_("the graph shown first: a path, a ring, a star, or 12 friends in two groups")},
    {.name = "nodes", .type = PARAM_INT, .min = 3, .max = 12, .def = "7",
     .help = N_("the nodes of the path, the ring and the star (the social graph has 12)")},
    {.name = "lit", .type = PARAM_INT, .min = 0, .max = 11, .def = "0",
     .help = N_("the node lit first, counted from 0 (A)")},
    {.name = "aggregation", .type = PARAM_CHOICE, .def = "sum", .choices = "sum|mean|max",
     .help = N_("how a node combines its neighbours' values and its own")},
    {.name = "height", .type = PARAM_INT, .min = 5, .max = 20, .def = "9",
     .help = N_("the rows of the drawing of the graph")},
};

static const OutputSpec outputs[] = {
    {"values", DATA_VECTOR, N_("each node's value after the rounds run")},
    {"round", DATA_SCALAR, N_("the rounds run since the node was lit")},
    {"reached", DATA_SCALAR, N_("the nodes whose value is not 0")},
    {"every", DATA_SCALAR, N_("the round in which every node was first reached (0: not yet)")},
};

const WidgetKind gnn_kind = {
    .schema = {.name = "gnn",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("message passing on a small graph: light a node and run rounds "
                          "with sum, mean or max aggregation"),
               .example = "id=mp graph=ring nodes=8 aggregation=mean"},
    .ops = &gnn_ops,
    .keys = gnn_keys,
    .nkeys = sizeof gnn_keys / sizeof *gnn_keys,
};
