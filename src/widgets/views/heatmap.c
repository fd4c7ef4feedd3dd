/* heatmap.c: a matrix with its numbers in the cells when they fit, else as shades with
 * a legend of the scale; row and column labels; a window (window x window_cols cells,
 * moved by stride) that steps across it with the arrows or an animation controller,
 * for convolution, pooling, attention weights and RNN states. It reads matrix= (a
 * matrix another widget publishes) or literal rows, cols and values, and publishes
 * where its window is, the window's values, their reduction (max, mean, sum, min or
 * the kernel's response) and the map of reductions so far. Must not own the loop or
 * write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/heat.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { HEAT_MAX_ROWS = 64, HEAT_LABEL = 8 /* columns of a column label at most */ };

typedef enum { RED_NONE, RED_MAX, RED_MEAN, RED_SUM, RED_MIN, RED_KERNEL } Reduce;

static const char *const reduce_words[] = {"none", "max", "mean", "sum", "min"};
static const char *const reduce_names[] = {"", N_("max"), N_("mean"), N_("sum"), N_("min"),
					   N_("kernel response")};

typedef struct {
	double *lit;           /* the literal matrix, or NULL: matrix= */
	size_t lrows, lcols;
	int wr, wc, stride;    /* the window's rows and columns (0: none), its step */
	double *kernel;        /* wr x wc, or NULL */
	Reduce reduce;
	int digits;            /* decimals; -1: none for whole numbers, else 2 */
	bool shades;           /* shades even where numbers would fit */
	bool fixed;            /* range= given */
	double lo, hi;
	Steps at;              /* the window's position, from 0, in reading order */
	/* What it publishes: filled when read, versioned by `version`. */
	double *win, *res, posv, value;
	size_t rescap;
	unsigned long version, seen; /* own changes; the input's version last seen */
} Heat;

/* The matrix shown: the literal one or the one matrix= names. */
static bool matrix_of(const Instance *in, HeatMatrix *m)
{
	const Heat *h = in->state;

	return heat_matrix(in, "matrix", h->lit, h->lrows, h->lcols, m);
}

/* The decimals of m's numbers: digits=, or none when they are all whole, else 2. */
static int digits_of(const Heat *h, const HeatMatrix *m)
{
	size_t i;

	for (i = 0; h->digits < 0 && i < m->rows * m->cols; i++)
		if (isfinite(m->v[i]) && m->v[i] != floor(m->v[i]))
			return 2;
	return h->digits < 0 ? 0 : h->digits;
}

static int positions(const Heat *h, const HeatMatrix *m, int *down, int *across)
{
	*down = *across = 0;
	if (!h->wr || (size_t)h->wr > m->rows || (size_t)h->wc > m->cols)
		return 0;
	*down = (int)(m->rows - (size_t)h->wr) / h->stride + 1;
	*across = (int)(m->cols - (size_t)h->wc) / h->stride + 1;
	return *down * *across;
}

/* The window's position, kept inside the matrix's positions; -1 when there are none. */
static int position(const Heat *h, const HeatMatrix *m, int *pr, int *pc)
{
	int down, across, n = positions(h, m, &down, &across), p = steps_at(&h->at, n);

	if (n == 0)
		return -1;
	*pr = p / across * h->stride;
	*pc = p % across * h->stride;
	return p;
}

/* The reduction of the wr x wc window at (r0, c0). */
static double reduce_at(const Heat *h, const HeatMatrix *m, int r0, int c0)
{
	double acc = h->reduce == RED_MAX ? -INFINITY : h->reduce == RED_MIN ? INFINITY : 0;
	int r, c;

	for (r = 0; r < h->wr; r++)
		for (c = 0; c < h->wc; c++) {
			double v = m->v[(size_t)(r0 + r) * m->cols + (size_t)(c0 + c)];
			if (h->reduce == RED_MAX)
				acc = fmax(acc, v);
			else if (h->reduce == RED_MIN)
				acc = fmin(acc, v);
			else if (h->reduce == RED_KERNEL)
				acc += v * h->kernel[r * h->wc + c];
			else
				acc += v;
		}
	return h->reduce == RED_MEAN ? acc / (h->wr * h->wc) : acc;
}

static void heat_free(Instance *in)
{
	Heat *h = in->state;

	free(h->lit);
	free(h->kernel);
	free(h->win);
	free(h->res);
	free(h);
	in->state = NULL;
}

static int heat_init(Instance *in)
{
	Heat *h = calloc(1, sizeof *h);
	double vals[256];
	size_t n, i;
	const char *red = widget_str(in, "reduce", "none");
	HeatMatrix m;
	int down, across;

	if (!h)
		return -1;
	in->state = h;
	h->digits = (int)widget_num(in, "digits", -1);
	h->shades = strcmp(widget_str(in, "style", "auto"), "shades") == 0;
	h->fixed = widget_range(in, "range", &h->lo, &h->hi);
	steps_init(&h->at, (int)widget_num(in, "start", 1) - 1);
	n = widget_nums(in, "values", vals, sizeof vals / sizeof *vals);
	if (n > sizeof vals / sizeof *vals)
		n = sizeof vals / sizeof *vals;
	if (n && !widget_str(in, "matrix", NULL)) {
		size_t r = (size_t)widget_num(in, "rows", 0), c = (size_t)widget_num(in, "cols", 0);
		if (!c)
			c = r ? (n + r - 1) / r : n;
		if (!r)
			r = (n + c - 1) / c;
		h->lrows = r;
		h->lcols = c;
		h->lit = malloc(r * c * sizeof *h->lit);
		if (!h->lit)
			goto fail;
		for (i = 0; i < r * c; i++)
			h->lit[i] = i < n ? vals[i] : NAN; /* too few values: the rest unknown */
	}
	h->wr = (int)widget_num(in, "window", 0);
	h->wc = h->wr ? (int)widget_num(in, "window_cols", h->wr) : 0;
	h->stride = (int)widget_num(in, "stride", 1);
	h->win = h->wr ? malloc((size_t)(h->wr * h->wc) * sizeof *h->win) : NULL;
	if (h->wr && !h->win)
		goto fail;
	for (i = 0; i < sizeof reduce_words / sizeof *reduce_words; i++)
		if (strcmp(red, reduce_words[i]) == 0)
			h->reduce = (Reduce)i;
	n = widget_nums(in, "kernel", vals, sizeof vals / sizeof *vals);
	if (h->wr && n == (size_t)(h->wr * h->wc)) {
		h->kernel = malloc(n * sizeof *h->kernel);
		if (!h->kernel)
			goto fail;
		memcpy(h->kernel, vals, n * sizeof *vals);
		h->reduce = RED_KERNEL;
	}
	if (matrix_of(in, &m) && positions(h, &m, &down, &across) > 0)
		h->rescap = (size_t)(down * across);
	if (h->reduce == RED_NONE || !h->rescap || (h->res = malloc(h->rescap * sizeof *h->res)))
		return 0;
fail:
	heat_free(in);
	return -1;
}

/* How the matrix is laid out at a width. */
typedef struct {
	bool numbers; /* numbers in the cells; else shades */
	int lw;       /* row label columns (0: none) */
	int cw, gap;  /* columns of a cell, and of the gap before it */
	int digits;   /* decimals of the numbers */
	int title, head, rows, legend, status; /* rows of each part */
} Layout;

static int text_width(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

/* The widest label of the list key (at most cap columns), 0 without labels. */
static int labels_width(const Instance *in, const char *key, size_t n, int cap)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++) {
		int k = text_width(widget_word(in, key, i));
		w = k > w ? k : w;
	}
	return w < cap ? w : cap;
}

static int cell_text(char *buf, size_t size, double v, int digits, Caps caps)
{
	if (isnan(v))
		return snprintf(buf, size, "%s", caps.unicode ? "·" : ".");
	return visual_fixed(buf, size, v, digits);
}

static Layout layout_for(const Instance *in, const HeatMatrix *m, int w)
{
	const Heat *h = in->state;
	Layout l;
	size_t i, n = m->rows * m->cols;
	int numw = 1, lx, cols = (int)m->cols;
	char buf[64];

	memset(&l, 0, sizeof l);
	l.title = widget_str(in, "title", NULL) != NULL;
	l.head = widget_nwords(in, "col_labels") > 0;
	l.digits = digits_of(h, m);
	l.rows = m->rows < HEAT_MAX_ROWS ? (int)m->rows : HEAT_MAX_ROWS;
	l.status = h->wr && h->wr <= (int)m->rows && h->wc <= (int)m->cols;
	l.lw = labels_width(in, "row_labels", m->rows, w / 4);
	lx = l.lw ? l.lw + 1 : 0;
	for (i = 0; i < n; i++) {
		int k = cell_text(buf, sizeof buf, m->v[i], l.digits, (Caps){true, 0});
		k = utf8_width(buf, (size_t)k);
		numw = k > numw ? k : numw;
	}
	l.cw = numw;
	if (l.head) {
		int k = labels_width(in, "col_labels", m->cols, HEAT_LABEL);
		l.cw = k > l.cw ? k : l.cw;
	}
	l.gap = 1;
	l.numbers = !h->shades && lx + cols * (l.cw + 1) + 1 <= w;
	if (!l.numbers) {
		l.cw = lx + cols * 3 + 1 <= w ? 2 : 1;
		if (lx + cols * (l.cw + 1) + 1 > w)
			l.gap = 0;
		if (lx + cols * (l.cw + l.gap) > w)
			l.lw = 0;
		l.legend = 1;
	}
	return l;
}

static int heat_height(const Instance *in, int width)
{
	HeatMatrix m;
	Layout l;

	if (!matrix_of(in, &m))
		return 1;
	l = layout_for(in, &m, width);
	return l.title + l.head + l.rows + l.legend + l.status;
}

/* Colours n cells from (x, y) with c (when the terminal shows colours). */
static void paint(Grid *g, int x, int y, int n, Colour c, Caps caps)
{
	Cell *cell;

	for (; caps.colours && c != COLOUR_NONE && n > 0; n--, x++)
		if ((cell = grid_at(g, x, y)))
			cell->fg = (uint8_t)c;
}

/* "window 5/16: rows 2-3, columns 3-4  max = 0.90", shorter when narrow. */
static void draw_status(const Instance *in, const HeatMatrix *m, Grid *g, Rect r, int y, Caps caps)
{
	const Heat *h = in->state;
	char rows[48], cols[48], full[256], val[96], num[48];
	int pr, pc, p = position(h, m, &pr, &pc), down, across, n = positions(h, m, &down, &across);

	if (p < 0)
		return;
	val[0] = '\0';
	if (h->reduce != RED_NONE) {
		visual_num(num, sizeof num, reduce_at(h, m, pr, pc), digits_of(h, m) + 1);
		snprintf(val, sizeof val, "  %s = %s", _(reduce_names[h->reduce]), num);
	}
	if (h->wr == 1)
		snprintf(rows, sizeof rows, _("row %d"), pr + 1);
	else
		snprintf(rows, sizeof rows, _("rows %d-%d"), pr + 1, pr + h->wr);
	if (h->wc == 1)
		snprintf(cols, sizeof cols, _("column %d"), pc + 1);
	else
		snprintf(cols, sizeof cols, _("columns %d-%d"), pc + 1, pc + h->wc);
	snprintf(full, sizeof full, _("window %d/%d: %s, %s"), p + 1, n, rows, cols);
	if (text_width(full) + text_width(val) > r.w)
		snprintf(full, sizeof full, "%d/%d: %s, %s", p + 1, n, rows, cols);
	if (text_width(full) + text_width(val) > r.w)
		snprintf(full, sizeof full, "%d/%d", p + 1, n);
	if (text_width(full) + text_width(val) <= r.w)
		strncat(full, val, sizeof full - strlen(full) - 1);
	grid_text(g, r.x, y, full, strlen(full), r.w, STYLE_NORMAL);
}

static void heat_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	const Heat *h = in->state;
	HeatMatrix m;
	Layout l;
	HeatScale s;
	char buf[64];
	int row, col, y = r.y, pr = -1, pc = -1, p, lx;
	const char *title = widget_str(in, "title", NULL);

	if (!matrix_of(in, &m)) {
		const char *none = _("(no matrix yet)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	l = layout_for(in, &m, r.w);
	heat_scale(&s, m.v, m.rows * m.cols, h->fixed ? &h->lo : NULL, h->fixed ? &h->hi : NULL);
	p = position(h, &m, &pr, &pc);
	lx = r.x + (l.lw ? l.lw + 1 : 0);
#define CELL_X(c) (lx + (c) * (l.cw + l.gap) + l.gap)
#define IN_WIN(rr, cc) (p >= 0 && (rr) >= pr && (rr) < pr + h->wr && (cc) >= pc && (cc) < pc + h->wc)
	if (l.title)
		grid_text(g, r.x, y++, title, strlen(title), r.w, STYLE_BOLD);
	if (l.head) {
		for (col = 0; col < (int)m.cols; col++) {
			const char *lab = widget_word(in, "col_labels", (size_t)col);
			int tw = text_width(lab), x = CELL_X(col);
			if (!lab)
				continue;
			grid_text(g, tw < l.cw ? x + l.cw - tw : x, y, lab, strlen(lab), l.cw,
				  IN_WIN(pr, col) ? STYLE_ACCENT : STYLE_DIM);
		}
		y++;
	}
	for (row = 0; row < l.rows; row++, y++) {
		const char *label = l.lw ? widget_word(in, "row_labels", (size_t)row) : NULL;
		if (label)
			grid_text(g, r.x, y, label, strlen(label), l.lw,
				  IN_WIN(row, pc) ? STYLE_ACCENT : STYLE_DIM);
		for (col = 0; col < (int)m.cols; col++) {
			double v = m.v[(size_t)row * m.cols + (size_t)col];
			int x = CELL_X(col), k;
			Style st = IN_WIN(row, col) ? (focused ? STYLE_FOCUS : STYLE_BOLD)
				   : isnan(v)       ? STYLE_DIM
						    : STYLE_NORMAL;
			if (l.numbers) {
				int n = cell_text(buf, sizeof buf, v, l.digits, caps);
				int tw = utf8_width(buf, (size_t)n);
				grid_text(g, x + l.cw - tw, y, buf, (size_t)n, tw, st);
				paint(g, x + l.cw - tw, y, tw, heat_colour(&s, v), caps);
			} else {
				for (k = 0; k < l.cw; k++)
					grid_str(g, x + k, y, isnan(v) ? " " : heat_glyph(heat_level(&s, v), caps),
						 st);
				paint(g, x, y, l.cw, heat_colour(&s, v), caps);
			}
		}
	}
	if (p >= 0 && l.gap && pr < l.rows)
		heat_outline(g, CELL_X(pc) - 1, CELL_X(pc + h->wc) - 1, r.y + l.title + l.head + pr,
			     pr + h->wr <= l.rows ? h->wr : l.rows - pr, caps);
	if (focused && p >= 0) {
		*cx = CELL_X(pc);
		*cy = r.y + l.title + l.head + pr;
	}
#undef CELL_X
#undef IN_WIN
	if (l.legend)
		heat_legend(g, r.x, y++, &s, l.digits, caps);
	if (l.status)
		draw_status(in, &m, g, r, y, caps);
}

/* The window's positions now (0 without a matrix or a window that fits). */
static int heat_steps(const Instance *in, int *across)
{
	HeatMatrix m;
	int down;

	*across = 0;
	return matrix_of(in, &m) ? positions(in->state, &m, &down, across) : 0;
}

static unsigned heat_key(Instance *in, const Key *k)
{
	Heat *h = in->state;
	int across, n = heat_steps(in, &across), pos = steps_at(&h->at, n), to;
	unsigned r;

	if (n == 0)
		return WIDGET_IGNORED;
	if (k->code == K_DOWN)
		to = pos + across;
	else if (k->code == K_UP)
		to = pos - across;
	else if ((to = steps_key_target(&h->at, n, k, false)) < 0)
		return WIDGET_IGNORED;
	/* Past either end the key goes back to the player (Up and Down scroll the page). */
	r = steps_key_go(&h->at, n, to, &in->animating);
	h->version += r != WIDGET_IGNORED;
	return r;
}

static bool heat_tick(Instance *in, double dt)
{
	Heat *h = in->state;
	int across;
	bool moved = steps_tick(&h->at, heat_steps(in, &across), dt, &in->animating);

	h->version += moved;
	return moved;
}

static void heat_animate(Instance *in, AnimCommand cmd, double arg)
{
	Heat *h = in->state;
	int across;

	h->version += steps_command(&h->at, heat_steps(in, &across), cmd, arg, &in->animating);
}

static void heat_anim_state(const Instance *in, AnimState *st)
{
	int across;

	steps_state(&((const Heat *)in->state)->at, heat_steps(in, &across), st);
}

/* "position" (from 1), "window" (its values), "value" (their reduction), "result"
 * (the reduction at every position up to the window's, later ones unknown). */
static bool heat_output(const Instance *in, const char *name, Data *out)
{
	Heat *h = in->state;
	HeatMatrix m;
	int pr, pc, p, r, c, down, across;

	if (!matrix_of(in, &m) || (p = position(h, &m, &pr, &pc)) < 0)
		return false;
	if (m.version != h->seen) { /* the matrix changed: so did all that is read from it */
		h->seen = m.version;
		h->version++;
	}
	out->version = h->version;
	if (strcmp(name, "position") == 0 || strcmp(name, "value") == 0) {
		if (name[0] == 'v' && h->reduce == RED_NONE)
			return false;
		out->scalar = name[0] == 'v' ? reduce_at(h, &m, pr, pc) : p + 1;
		out->v = &out->scalar;
		out->n = 1;
		return true;
	}
	if (strcmp(name, "window") == 0) {
		for (r = 0; r < h->wr; r++)
			for (c = 0; c < h->wc; c++)
				h->win[r * h->wc + c] = m.v[(size_t)(pr + r) * m.cols + (size_t)(pc + c)];
		out->rows = (size_t)h->wr;
		out->cols = (size_t)h->wc;
		out->v = h->win;
		return true;
	}
	if (strcmp(name, "result") != 0 || h->reduce == RED_NONE)
		return false;
	positions(h, &m, &down, &across);
	if ((size_t)(down * across) > h->rescap) { /* the matrix grew */
		double *res = realloc(h->res, (size_t)(down * across) * sizeof *res);
		if (!res)
			return false;
		h->res = res;
		h->rescap = (size_t)(down * across);
	}
	for (r = 0; r < down * across; r++)
		h->res[r] = r <= p ? reduce_at(h, &m, r / across * h->stride, r % across * h->stride)
				   : NAN;
	out->rows = (size_t)down;
	out->cols = (size_t)across;
	out->v = h->res;
	return true;
}

static const WidgetOps heat_ops = {
	.init = heat_init,
	.free = heat_free,
	.height = heat_height,
	.draw = heat_draw,
	.key = heat_key,
	.tick = heat_tick,
	.output = heat_output,
	.animate = heat_animate,
	.anim_state = heat_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "matrix", .type = PARAM_REF, .accepts = DATA_MATRIX,
     .help = N_("the widget whose matrix it shows (instead of rows, cols and values)")},
    {.name = "values", .type = PARAM_NUMBERS, .nmin = 1, .nmax = 256,
     .help = N_("the numbers, row by row (without matrix)")},
    {.name = "rows", .type = PARAM_INT, .min = 1, .max = 256,
     .help = N_("rows of the values (default: as many as the columns need)")},
    {.name = "cols", .type = PARAM_INT, .min = 1, .max = 256,
     .help = N_("columns of the values (default: one row of them all)")},
    {.name = "row_labels", .type = PARAM_WORDS, .nmax = 64, .help = N_("a name for each row")},
    {.name = "col_labels", .type = PARAM_WORDS, .nmax = 256,
     .help = N_("a name for each column (tokens, channels)")},
    {.name = "title", .type = PARAM_STRING, .help = N_("a line above the matrix")},
    {.name = "window", .type = PARAM_INT, .min = 1, .max = 16,
     .help = N_("a window of this many rows that steps across the matrix")},
    {.name = "window_cols", .type = PARAM_INT, .min = 1, .max = 256,
     .help = N_("the window's columns (default: as many as its rows)")},
    {.name = "stride", .type = PARAM_INT, .min = 1, .max = 16, .def = "1",
     .help = N_("cells the window moves per step")},
    {.name = "start", .type = PARAM_INT, .min = 1, .max = 65536, .def = "1",
     .help = N_("the window's first position, in reading order")},
    {.name = "reduce", .type = PARAM_CHOICE, .choices = "none|max|mean|sum|min", .def = "none",
     .help = N_("what the window's cells give: pooling")},
    {.name = "kernel", .type = PARAM_NUMBERS, .nmin = 1, .nmax = 256,
     .help = N_("a kernel of the window's size: the window gives the sum of its cells "
                "times the kernel's (convolution)")},
    {.name = "range", .type = PARAM_RANGE,
     .help = N_("the values at the ends of the shading (default: the matrix's)")},
    {.name = "digits", .type = PARAM_INT, .min = 0, .max = 6,
     .help = N_("decimals of the numbers in the cells (default: none when the values "
                "are whole, else 2)")},
    {.name = "style", .type = PARAM_CHOICE, .choices = "auto|shades", .def = "auto",
     .help = N_("numbers in the cells where they fit (else shades), or shades")},
};

static const OutputSpec outputs[] = {
    {"position", DATA_SCALAR, N_("the window's position in reading order, from 1")},
    {"window", DATA_MATRIX, N_("the values under the window")},
    {"value", DATA_SCALAR, N_("what the window gives (reduce or kernel)")},
    {"result", DATA_MATRIX,
     N_("what the window gives at each position, up to the current one")},
};

static const KindKey keys[] = {
    {"Left Right", N_("move the window (row by row)")},
    {"Up Down", N_("move it a row of positions")},
    {"Home End", N_("the first or last position")},
};

const WidgetKind heatmap_kind = {
    .schema = {.name = "heatmap",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a matrix with its values and a window that steps across it"),
               .example = "id=heat matrix=pixels:pixels window=3 stride=1 reduce=max"},
    .ops = &heat_ops,
    KIND_LIST(keys, keys),
};
