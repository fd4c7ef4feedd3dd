/* boxgraph.c: a graph laid out in layered columns and bands, drawn as boxes and
 * joined wires. Must not include curses; widths come from base/utf8. */
#include <config.h>

#include <string.h>

#include "base/utf8.h"
#include "draw/box.h"
#include "draw/boxgraph.h"
#include "draw/wires.h"

enum {
	BG_GAP = 6,    /* columns between two columns of boxes */
	BG_MARGIN = 6, /* columns at the left when edges turn or come in from above */
	BG_RIGHT = 3,  /* columns at the right for edges that leave the last column */
	BG_BANDS = 16
};

void boxgraph_layers(BoxGraph *d)
{
	int order[BOXGRAPH_NODES], stack[BOXGRAPH_NODES], next[BOXGRAPH_NODES], no = 0, i, j, k;
	char state[BOXGRAPH_NODES] = {0}; /* 0 new, 1 on the stack, 2 done */
	bool back[BOXGRAPH_EDGES] = {false};

	for (i = 0; i < d->n; i++) {
		int sp = 0;
		if (state[i])
			continue;
		stack[sp++] = i;
		state[i] = 1;
		next[i] = 0;
		while (sp) {
			int u = stack[sp - 1];
			if (next[u] >= d->ne) {
				state[u] = 2;
				order[no++] = u;
				sp--;
				continue;
			}
			k = next[u]++;
			if (d->e[k].from != u)
				continue;
			if (state[d->e[k].to] == 1)
				back[k] = true;
			else if (state[d->e[k].to] == 0) {
				state[d->e[k].to] = 1;
				next[d->e[k].to] = 0;
				stack[sp++] = d->e[k].to;
			}
		}
	}
	memset(d->layer, 0, sizeof d->layer);
	for (j = no; j-- > 0;) /* reverse finishing order: a topological order */
		for (k = 0; k < d->ne; k++)
			if (!back[k] && d->e[k].from == order[j] &&
			    d->layer[d->e[k].to] < d->layer[order[j]] + 1)
				d->layer[d->e[k].to] = d->layer[order[j]] + 1;
	/* A node nothing leads to stands just before the first it leads to (the real data
	 * beside the fakes, not at the far left). */
	for (i = 0; i < d->n; i++) {
		int in = 0, to = -1;
		for (k = 0; k < d->ne; k++) {
			in += !back[k] && d->e[k].to == i;
			if (!back[k] && d->e[k].from == i && (to < 0 || d->layer[d->e[k].to] < to))
				to = d->layer[d->e[k].to];
		}
		if (!in && to > 0)
			d->layer[i] = to - 1;
	}
	memset(d->size, 0, sizeof d->size);
	for (d->nlayers = 0, i = 0; i < d->n; i++) {
		d->slot[i] = d->size[d->layer[i]]++;
		if (d->layer[i] + 1 > d->nlayers)
			d->nlayers = d->layer[i] + 1;
	}
	for (k = 0; k < d->ne; k++)
		d->adjacent[k] = d->layer[d->e[k].to] == d->layer[d->e[k].from] + 1;
}

/* Where everything goes (columns and rows from the drawing's corner). */
typedef struct {
	int margin, nbands;
	int band[BOXGRAPH_NODES], lx[BOXGRAPH_NODES], lw[BOXGRAPH_NODES]; /* per column */
	int top[BG_BANDS], boxy[BG_BANDS], slots[BG_BANDS], chans[BG_BANDS], cors[BG_BANDS];
	/* 0 to the next column; 1 through a channel; 2 a turn through the margin to a first
	 * column, 3 to another column (then through a channel of its band) */
	int kind[BOXGRAPH_EDGES], lane[BOXGRAPH_EDGES], lane2[BOXGRAPH_EDGES];
	int rows;
} Layout;

static int text_width(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

/* A node's box: its name (at most BOXGRAPH_LABEL columns) and value, a blank each side. */
static int box_width(const BoxLook *lk, int i)
{
	int lw = text_width(lk->name[i]), vw = text_width(lk->value[i]);

	return 4 + (lw < BOXGRAPH_LABEL ? lw : BOXGRAPH_LABEL) + (vw ? 1 + vw : 0);
}

/* Columns into bands within w; returns the bands. */
static int partition(const BoxGraph *d, Layout *l, int w)
{
	int L, x = 0, b = 0, avail = w - l->margin - (l->margin ? BG_RIGHT : 0);

	for (L = 0; L < d->nlayers; L++) {
		if (x > 0 && x + BG_GAP + l->lw[L] > avail && b + 1 < BG_BANDS) {
			b++;
			x = 0;
		} else if (x > 0) {
			x += BG_GAP;
		}
		l->band[L] = b;
		l->lx[L] = l->margin + x;
		x += l->lw[L];
	}
	return b + 1;
}
static void layout_for(const BoxGraph *d, const BoxLook *lk, int w, Layout *l)
{
	int i, e, b, y = 0;
	bool complex = false;

	memset(l, 0, sizeof *l);
	for (i = 0; i < d->n; i++) {
		int bw = box_width(lk, i);
		l->lw[d->layer[i]] = bw > l->lw[d->layer[i]] ? bw : l->lw[d->layer[i]];
	}
	for (e = 0; e < d->ne; e++)
		complex |= !d->adjacent[e];
	l->margin = complex ? BG_MARGIN : 0;
	l->nbands = partition(d, l, w);
	if (l->nbands > 1 && !l->margin) { /* edges will turn: room for them */
		l->margin = BG_MARGIN;
		l->nbands = partition(d, l, w);
	}
	for (i = 0; i < d->n; i++) {
		b = l->band[d->layer[i]];
		l->slots[b] = d->size[d->layer[i]] > l->slots[b] ? d->size[d->layer[i]] : l->slots[b];
	}
	for (e = 0; e < d->ne; e++) {
		int Lv = d->layer[d->e[e].to], bu = l->band[d->layer[d->e[e].from]], bv = l->band[Lv];
		bool first = Lv == 0 || l->band[Lv - 1] != bv;
		int f, k = bu == bv ? (d->adjacent[e] ? 0 : 1) : first ? 2 : 3;
		l->kind[e] = k;
		if (k == 0)
			continue;
		/* Edges from one node share their lanes: they part where each goes down. */
		for (f = 0; f < e; f++)
			if (l->kind[f] == k && d->e[f].from == d->e[e].from)
				break;
		if (f < e) {
			l->lane[e] = l->lane[f];
			l->lane2[e] = l->lane2[f];
		} else {
			l->lane[e] = k == 1 ? l->chans[bu]++ : l->cors[bu]++;
			l->lane2[e] = k == 3 ? l->chans[bv]++ : 0;
		}
	}
	for (b = 0; b < l->nbands; b++) {
		l->top[b] = y;
		l->boxy[b] = y + l->chans[b];
		y = l->boxy[b] + l->slots[b] * 4 - 1 + l->cors[b] + (b + 1 < l->nbands);
	}
	l->rows = y;
}

/* Node i's box: left column and top row in the grid. */
static void node_at(const BoxGraph *d, const Layout *l, int x0, int y0, int i, int *x, int *y)
{
	int L = d->layer[i], b = l->band[L];

	*x = x0 + l->lx[L];
	*y = y0 + l->boxy[b] + (d->slot[i] + (l->slots[b] - d->size[L]) / 2) * 4;
}

/* Wires through the points, from a box's right side to the left side of another: an
 * arrowhead at the last point, or the wire on to the box. */
static void path(Grid *g, const int (*p)[2], int n, bool arrow, bool hv, Caps caps)
{
	int k;

	for (k = 0; k + 1 < n; k++)
		if (p[k][0] != p[k + 1][0] || p[k][1] != p[k + 1][1])
			wire_line(g, p[k][0], p[k][1], p[k + 1][0], p[k + 1][1], hv, caps);
	wire_add(g, p[0][0], p[0][1], WIRE_LEFT, hv, caps);
	if (arrow)
		wire_arrow(g, p[n - 1][0], p[n - 1][1], WIRE_RIGHT, hv, caps);
	else
		wire_add(g, p[n - 1][0], p[n - 1][1], WIRE_RIGHT, hv, caps);
}

static void draw_edge(const BoxGraph *d, const Layout *l, Grid *g, int x0, int y0, int e,
		      bool hv, Caps caps)
{
	int u = d->e[e].from, v = d->e[e].to, xu, yu, xv, yv, xr, ys, yt, xl, b;
	int p[8][2], n = 0;

	node_at(d, l, x0, y0, u, &xu, &yu);
	node_at(d, l, x0, y0, v, &xv, &yv);
	xr = xu + l->lw[d->layer[u]] - 1;
	xl = xv;
	ys = yu + 1;
	yt = yv + 1;
	b = l->band[d->layer[u]];
#define PT(X, Y) (p[n][0] = (X), p[n][1] = (Y), n++)
	PT(xr + 1, ys);
	if (l->kind[e] == 0) {
		PT(xr + 3, ys);
		PT(xr + 3, yt);
	} else if (l->kind[e] == 1) { /* up through the gap, along a channel, down */
		int yc = y0 + l->top[b] + l->lane[e];
		PT(xr + 2, ys);
		PT(xr + 2, yc);
		PT(xl - 2, yc);
		PT(xl - 2, yt);
	} else { /* down to a corridor under the band, left to the margin, on to v */
		int yk = y0 + l->boxy[b] + l->slots[b] * 4 - 1 + l->lane[e];
		PT(xr + 2, ys);
		PT(xr + 2, yk);
		PT(x0 + 1, yk);
		if (l->kind[e] == 3) { /* along a channel of v's band, then down */
			int yc = y0 + l->top[l->band[d->layer[v]]] + l->lane2[e];
			PT(x0 + 1, yc);
			PT(xl - 2, yc);
			PT(xl - 2, yt);
		} else {
			PT(x0 + 1, yt);
		}
	}
	PT(xl - 1, yt);
#undef PT
	path(g, (const int(*)[2])p, n, d->e[e].directed, hv, caps);
}

static void draw_node(const BoxGraph *d, const BoxLook *lk, const Layout *l, Grid *g, int x0,
		      int y0, int i, Caps caps)
{
	const char *name = lk->name[i] ? lk->name[i] : "", *v = lk->value[i] ? lk->value[i] : "";
	bool hv = lk->hl[i];
	int x, y, k, w = l->lw[d->layer[i]], nw, vw, tx;

	node_at(d, l, x0, y0, i, &x, &y);
	box_draw(g, x, y, w, 3, BOX_LIGHT, NULL, hv, caps);
	for (k = 1; k < w - 1; k++)
		grid_put(g, x + k, y + 1, ' ', STYLE_NORMAL);
	nw = text_width(name) < BOXGRAPH_LABEL ? text_width(name) : BOXGRAPH_LABEL;
	vw = v[0] ? text_width(v) + 1 : 0;
	tx = x + (w - nw - vw) / 2;
	tx += grid_text(g, tx, y + 1, name, strlen(name), nw, hv ? STYLE_BOLD : STYLE_NORMAL);
	if (v[0])
		grid_str(g, tx + 1, y + 1, v, STYLE_ACCENT);
}


int boxgraph_draw(Grid *g, int x, int y, int w, const BoxGraph *bg, const BoxLook *lk,
		  Caps caps)
{
	Layout l;
	int i, e, pass;

	layout_for(bg, lk, w, &l);
	for (pass = 0; g && pass < 2; pass++) /* highlighted edges over the others */
		for (e = 0; e < bg->ne; e++)
			if (!lk->hidden_edge[e] && !lk->hidden[bg->e[e].from] &&
			    !lk->hidden[bg->e[e].to] && lk->hl_edge[e] == (pass == 1))
				draw_edge(bg, &l, g, x, y, e, lk->hl_edge[e], caps);
	for (i = 0; g && i < bg->n; i++)
		if (!lk->hidden[i])
			draw_node(bg, lk, &l, g, x, y, i, caps);
	return l.rows;
}
