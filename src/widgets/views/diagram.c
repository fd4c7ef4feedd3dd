/* diagram.c: boxes and arrows (seq2seq, a Transformer block, U-Net, the GAN loop, an
 * MoE router, a GNN, an autodiff graph) with values on the nodes and stages that
 * highlight some nodes and edges, one per key press, from the animation contract or
 * from a number another widget gives (stage=). The layout (draw/boxgraph.h) is
 * layered left to right and wraps onto further bands, turning through the left
 * margin, when the columns do not fit. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/boxgraph.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { DG_NODES = BOXGRAPH_NODES, DG_EDGES = BOXGRAPH_EDGES, DG_STAGES = 32 };

typedef struct {
	BoxGraph g;
	int n, ne, nst; /* nodes and edges (as in g), stages */
	BoxEdge *e;     /* g.e */
	bool snode[DG_STAGES][DG_NODES], sedge[DG_STAGES][DG_EDGES];
	int bad;                               /* items that named no node */
	bool reveal;
	int digits;
	Steps at;
	unsigned long version;
} Diagram;

/* Node i's index for a word: its number from 1, or its name. -1: none. */
static int node_of(const Instance *in, const Diagram *d, const char *s, size_t n)
{
	char buf[64];
	char *end;
	long k;
	int i;

	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	k = strtol(buf, &end, 10);
	if (*end == '\0' && k >= 1 && k <= d->n)
		return (int)k - 1;
	for (i = 0; i < d->n; i++)
		if (strcmp(widget_word(in, "nodes", (size_t)i), buf) == 0)
			return i;
	return -1;
}

/* Adds the edges of one word: "1>2>3" (directed, a chain), "a-b" (undirected). */
static void parse_edges(const Instance *in, Diagram *d, const char *w)
{
	char sep = strchr(w, '>') ? '>' : '-';
	const char *p = w;
	int prev = -1;

	for (;;) {
		const char *q = strchr(p, sep);
		size_t n = q ? (size_t)(q - p) : strlen(p);
		int k = node_of(in, d, p, n);
		if (k < 0) {
			d->bad++;
			return;
		}
		if (prev >= 0 && d->ne < DG_EDGES)
			d->e[d->ne++] = (BoxEdge){prev, k, sep == '>'};
		prev = k;
		if (!q)
			break;
		p = q + 1;
	}
}

/* The edge from a to b (either way when undirected), or -1. */
static int edge_of(const Diagram *d, int a, int b)
{
	int i;

	for (i = 0; i < d->ne; i++)
		if ((d->e[i].from == a && d->e[i].to == b) ||
		    (!d->e[i].directed && d->e[i].from == b && d->e[i].to == a))
			return i;
	return -1;
}

/* Stage s from "1 3 1>3: what happens": nodes and edges before ": ". */
static void parse_stage(const Instance *in, Diagram *d, int s, const char *w)
{
	const char *end = strstr(w, ": "), *p = w;

	if (!end)
		end = w + strlen(w);
	while (p < end) {
		const char *q = p, *gt;
		while (q < end && *q != ' ')
			q++;
		gt = memchr(p, '>', (size_t)(q - p));
		if (gt) {
			int a = node_of(in, d, p, (size_t)(gt - p)), b = node_of(in, d, gt + 1,
									     (size_t)(q - gt - 1));
			int e = a >= 0 && b >= 0 ? edge_of(d, a, b) : -1;
			if (e >= 0)
				d->sedge[s][e] = true;
			else
				d->bad++;
		} else if (q > p) {
			int k = node_of(in, d, p, (size_t)(q - p));
			if (k >= 0)
				d->snode[s][k] = true;
			else
				d->bad++;
		}
		p = q + 1;
	}
}

static int dg_init(Instance *in)
{
	Diagram *d = calloc(1, sizeof *d);
	size_t i, n;

	if (!d)
		return -1;
	in->state = d;
	d->e = d->g.e;
	d->n = (int)widget_nwords(in, "nodes");
	if (d->n > DG_NODES)
		d->n = DG_NODES;
	for (i = 0, n = widget_nwords(in, "edges"); i < n; i++)
		parse_edges(in, d, widget_word(in, "edges", i));
	d->nst = (int)widget_nwords(in, "stages");
	if (d->nst > DG_STAGES)
		d->nst = DG_STAGES;
	for (i = 0; i < (size_t)d->nst; i++)
		parse_stage(in, d, (int)i, widget_word(in, "stages", i));
	d->reveal = widget_bool(in, "reveal", false);
	d->digits = (int)widget_num(in, "digits", 2);
	steps_init(&d->at, (int)widget_num(in, "start", 1) - 1);
	d->g.n = d->n;
	d->g.ne = d->ne;
	boxgraph_layers(&d->g);
	return 0;
}

static void dg_free(Instance *in)
{
	free(in->state);
}

/* The stage shown, from 0; -1 for none (a stage= widget at 0 or below). */
static int dg_stage(const Instance *in)
{
	const Diagram *d = in->state;
	Data v;

	if (d->nst == 0)
		return -1;
	if (widget_str(in, "stage", NULL)) {
		double k = scene_data(in, "stage", &v) ? floor(v.scalar + 0.5) : 0;
		return !(k >= 1) ? -1 : k > d->nst ? d->nst - 1 : (int)k - 1;
	}
	return steps_at(&d->at, d->nst);
}

/* Whether something named in the stages `named` (nst of them) shows at stage cur: with
 * reveal=, once a stage up to cur names it, or when none does; always without. */
static bool revealed(const Diagram *d, const bool *named, size_t stride, int cur)
{
	int s;
	bool any = false;

	if (!d->reveal)
		return true;
	for (s = 0; s < d->nst; s++, named += stride) {
		if (*named && s <= cur)
			return true;
		any |= *named;
	}
	return !any;
}

static bool node_shown(const Diagram *d, int cur, int i)
{
	return revealed(d, &d->snode[0][i], DG_NODES, cur);
}

static bool edge_shown(const Diagram *d, int cur, int e)
{
	return node_shown(d, cur, d->e[e].from) && node_shown(d, cur, d->e[e].to) &&
	       revealed(d, &d->sedge[0][e], DG_EDGES, cur);
}

/* The value shown in node i: from of= (the number of the widget whose place in at=,
 * default the order of of=, is i + 1), else values= ("_" for none); "" for none. */
static void node_value(const Instance *in, const Diagram *d, int i, char *out, size_t size,
		       Caps caps)
{
	double at[DG_NODES];
	size_t k, nrefs = widget_nwords(in, "of"), nat = widget_nums(in, "at", at, DG_NODES);
	const char *w = widget_word(in, "values", (size_t)i);
	Data v;

	out[0] = '\0';
	for (k = 0; k < nrefs; k++)
		if ((k < nat && k < DG_NODES ? (int)at[k] : (int)k + 1) == i + 1) {
			if (scene_data_at(in, "of", k, &v))
				visual_num(out, size, v.scalar, d->digits);
			return;
		}
	if (w && strcmp(w, "_") != 0)
		snprintf(out, size, "%s", w);
}

/* "stage 2/5: what happens", and a note when items name no node. */
static int status_rows(const Diagram *d)
{
	return (d->nst > 0) + (d->bad > 0);
}

/* How the nodes and edges show at the current stage; names and values into lk (the
 * values' text in vals). */
static void dg_look(const Instance *in, BoxLook *lk, char (*vals)[48], Caps caps)
{
	const Diagram *d = in->state;
	int cur = dg_stage(in), i, e;

	memset(lk, 0, sizeof *lk);
	for (i = 0; i < d->n; i++) {
		lk->name[i] = widget_word(in, "nodes", (size_t)i);
		node_value(in, d, i, vals[i], sizeof vals[i], caps);
		lk->value[i] = vals[i];
		lk->hidden[i] = !node_shown(d, cur, i);
		lk->hl[i] = cur >= 0 && d->snode[cur][i];
	}
	for (e = 0; e < d->ne; e++) {
		lk->hidden_edge[e] = !edge_shown(d, cur, e);
		lk->hl_edge[e] = cur >= 0 && d->sedge[cur][e];
	}
}

static int dg_height(const Instance *in, int width)
{
	const Diagram *d = in->state;
	BoxLook lk;
	char vals[DG_NODES][48];

	if (d->n == 0)
		return 1;
	dg_look(in, &lk, vals, (Caps){true, 0});
	return boxgraph_draw(NULL, 0, 0, width, &d->g, &lk, (Caps){true, 0}) + status_rows(d);
}

static void dg_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		    int *cy)
{
	const Diagram *d = in->state;
	BoxLook lk;
	char vals[DG_NODES][48], line[256];
	int cur = dg_stage(in), y;

	if (d->n == 0)
		return;
	dg_look(in, &lk, vals, caps);
	y = r.y + boxgraph_draw(g, r.x, r.y, r.w, &d->g, &lk, caps);
	if (d->nst > 0) {
		const char *st = cur >= 0 ? widget_word(in, "stages", (size_t)cur) : NULL;
		const char *desc = st ? strstr(st, ": ") : NULL;
		if (cur >= 0)
			snprintf(line, sizeof line, _("stage %d/%d"), cur + 1, d->nst);
		else
			snprintf(line, sizeof line, _("stage -/%d"), d->nst);
		if (desc)
			snprintf(line + strlen(line), sizeof line - strlen(line), ": %s", desc + 2);
		grid_text(g, r.x, y++, line, strlen(line), r.w, focused ? STYLE_BOLD : STYLE_NORMAL);
		if (focused) {
			*cx = r.x;
			*cy = y - 1;
		}
	}
	if (d->bad > 0) {
		snprintf(line, sizeof line, _("(%d items of edges or stages name no node)"), d->bad);
		grid_text(g, r.x, y, line, strlen(line), r.w, STYLE_WARN);
	}
}

static unsigned dg_key(Instance *in, const Key *k)
{
	Diagram *d = in->state;
	int to = steps_key_target(&d->at, d->nst, k, true);
	unsigned r;

	if (widget_str(in, "stage", NULL) || to < 0)
		return WIDGET_IGNORED; /* another widget sets the stage, or not a stage key */
	r = steps_key_go(&d->at, d->nst, to, &in->animating);
	d->version += r != WIDGET_IGNORED;
	return r;
}

/* A tab stop only when its keys do something: it has stages of its own to step. */
static bool dg_focusable(const Instance *in)
{
	const Diagram *d = in->state;

	return d->nst > 1 && !widget_str(in, "stage", NULL);
}

static bool dg_tick(Instance *in, double dt)
{
	Diagram *d = in->state;
	bool moved = steps_tick(&d->at, d->nst, dt, &in->animating);

	d->version += moved;
	return moved;
}

static void dg_animate(Instance *in, AnimCommand cmd, double arg)
{
	Diagram *d = in->state;

	d->version += steps_command(&d->at, d->nst, cmd, arg, &in->animating);
}

static void dg_anim_state(const Instance *in, AnimState *st)
{
	const Diagram *d = in->state;

	steps_state(&d->at, d->nst, st);
}

/* "stage": the stage shown, from 1 (0: none). */
static bool dg_output(const Instance *in, const char *name, Data *out)
{
	const Diagram *d = in->state;
	Data v;

	(void)name;
	out->version = d->version;
	if (widget_str(in, "stage", NULL) && scene_data(in, "stage", &v))
		out->version = v.version;
	out->scalar = dg_stage(in) + 1;
	out->v = &out->scalar;
	out->n = 1;
	return true;
}

static const WidgetOps dg_ops = {
	.init = dg_init,
	.free = dg_free,
	.height = dg_height,
	.draw = dg_draw,
	.key = dg_key,
	.tick = dg_tick,
	.output = dg_output,
	.animate = dg_animate,
	.anim_state = dg_anim_state,
	.focusable = dg_focusable,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "nodes", .type = PARAM_WORDS, .nmin = 1, .nmax = DG_NODES, .required = true,
     .help = N_("the boxes' names, numbered from 1 in this order")},
    {.name = "edges", .type = PARAM_WORDS, .nmax = DG_EDGES,
     .help = N_("arrows by number or name: 1>2, a chain 1>2>3, or 1-2 without a head")},
    {.name = "stages", .type = PARAM_WORDS, .nmax = DG_STAGES,
     .help = N_("what each stage highlights, blank-separated, then what happens: "
                "\"2 1>2: the encoder reads\"")},
    {.name = "stage", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget whose number is the stage shown (instead of keys)")},
    {.name = "start", .type = PARAM_INT, .min = 1, .max = DG_STAGES, .def = "1",
     .help = N_("the stage shown first")},
    {.name = "reveal", .type = PARAM_BOOL, .def = "no",
     .help = N_("show what a stage names only from that stage on")},
    {.name = "values", .type = PARAM_WORDS, .nmax = DG_NODES,
     .help = N_("a value for each box, as written (_ for none)")},
    {.name = "of", .type = PARAM_REFS, .nmax = DG_NODES, .accepts = DATA_SCALAR,
     .help = N_("widgets whose numbers the boxes show")},
    {.name = "at", .type = PARAM_NUMBERS, .min = 1, .max = DG_NODES, .nmax = DG_NODES,
     .help = N_("the box of each of of=, by number (default: 1, 2, ...)")},
    {.name = "digits", .type = PARAM_INT, .min = 0, .max = 6, .def = "2",
     .help = N_("decimals of the numbers read")},
};

static const OutputSpec outputs[] = {
    {"stage", DATA_SCALAR, N_("the stage shown, from 1 (0: none)")},
};

static const KindKey keys[] = {
    {"Right Space", N_("the next stage")},
    {"Left", N_("the stage before")},
    {"Home End", N_("the first or last stage")},
};

const WidgetKind diagram_kind = {
    .schema = {.name = "diagram",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("boxes and arrows, with values and stages that highlight them"),
               .example = "id=flow nodes=x,Encoder,context,Decoder,y edges=1>2>3>4>5 "
                          "stages=\"1 2 1>2: the encoder reads x\",\"3 2>3\",\"4 5 3>4 4>5\""},
    .ops = &dg_ops,
    KIND_LIST(keys, keys),
};
