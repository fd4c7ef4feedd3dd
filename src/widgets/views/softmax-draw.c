/* softmax-draw.c: the softmax kind's table: a row per class with its logit and what the
 * softmax makes of it, a bar and the percent of p when the logits are its own, the
 * total of each column, the winner and the loss. Draws what softmax.c computes; must
 * not change state, own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/bars.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"
#include "widgets/views/softmax.h"

/* The bar of p with its own logits: at least this wide, or left out; at most so wide
 * that a wide screen keeps the table together. */
enum { BAR_MIN = 6, BAR_MAX = 40, NCOLS = 8 };

int softmax_height(const Instance *in, int width)
{
	SoftmaxCalc c;

	(void)width;
	softmax_calc(in, &c);
	return (int)c.n + 3 + c.has_truth;
}

/* A column of the table: its heading and a number per class, and its total (NaN: none). */
typedef struct {
	const char *head;
	const double *v;
	int digits; /* decimals; -1: e^z's own format */
	double total;
	int width;
	int drop;         /* dropped first when narrow: higher first; 0 never */
	const char *unit; /* written after each number: "%", or "" */
	bool bracket;     /* the chosen class's number in [ ] while focused, room kept */
} Column;

/* v as the column writes it; chosen: in brackets (a bracket column keeps their room). */
static void cell(char *buf, size_t size, const Column *col, double v, bool chosen)
{
	char num[SOFTMAX_CELL];

	if (!isfinite(v) && col->digits < 0 && v > 0)
		snprintf(num, sizeof num, "%s", "inf");
	else if (col->digits < 0) /* e^z: 4 significant digits when large or small */
		snprintf(num, sizeof num, v >= 1e5 || v < 1e-3 ? "%.3e" : "%.3f", v);
	else
		visual_fixed(num, sizeof num, v, col->digits);
	if (col->bracket)
		snprintf(buf, size, chosen ? "[%s]" : " %s ", num);
	else
		snprintf(buf, size, "%s%s", num, col->unit);
}

static double sum(const double *v, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* The columns shown: the logits, then e^z and p (and the percent after the bar with its
 * own logits), or p, y, p - y, the gradient and the measured slope. Returns how many. */
static int columns(const SoftmaxCalc *c, bool own, Caps caps, Column *cols)
{
	int k = 0;

	cols[k++] = (Column){"z", c->z, 2, NAN, 0, 0, "", own};
	if (c->has_t)
		cols[k++] = (Column){"z/T", c->zt, 2, NAN, 0, 3, "", false};
	if (!c->has_truth) {
		cols[k++] = (Column){"e^(z/T)", c->e, -1, sum(c->e, c->n), 0, 1, "", false};
		if (!c->has_t)
			cols[k - 1].head = "e^z";
	}
	cols[k++] = (Column){"p", c->p, 3, sum(c->p, c->n), 0, 0, "", false};
	if (c->has_truth) {
		cols[k++] = (Column){"y", c->y, 0, sum(c->y, c->n), 0, 0, "", false};
		cols[k++] = (Column){caps.unicode ? "p − y" : "p - y", c->pmy, 3,
				     sum(c->pmy, c->n), 0, 0, "", false};
		cols[k++] = (Column){caps.unicode ? "∂L/∂z" : "dL/dz", c->grad, 3,
				     sum(c->grad, c->n), 0, 1, "", false};
		cols[k++] = (Column){_("nudged"), c->nudge, 3, sum(c->nudge, c->n), 0, 2, "", false};
	} else if (own)
		cols[k++] = (Column){"", c->pct, 1, sum(c->pct, c->n), 0, 0, "%", false};
	return k;
}

/* "Winner: cat (65.9%)", or the tie. */
static void winner_line(const Softmax *s, const SoftmaxCalc *c, char *buf, size_t size)
{
	char pc[SOFTMAX_CELL];

	visual_fixed(pc, sizeof pc, 100 * c->p[c->winner], 1);
	if (c->ties > 1)
		snprintf(buf, size, _("No winner: %zu classes tie at %s%% each"), c->ties, pc);
	else
		snprintf(buf, size, _("Winner: %s (%s%%)"), s->names[c->winner], pc);
}

/* Each column as wide as its heading and its widest number. */
static void measure(const SoftmaxCalc *c, Column *cols, int ncol)
{
	char num[2 * SOFTMAX_CELL];
	size_t row;
	int i, k;

	for (i = 0; i < ncol; i++) {
		Column *col = &cols[i];
		col->width = utf8_width(col->head, strlen(col->head));
		for (row = 0; row <= c->n; row++) {
			double v = row < c->n ? col->v[row] : col->total;
			if (row == c->n && isnan(v))
				continue;
			cell(num, sizeof num, col, v, false);
			k = (int)strlen(num);
			col->width = k > col->width ? k : col->width;
		}
	}
}

/* Too narrow: leave out the columns that matter least, then close the gaps, then the
 * bar (*bar: its room before the last column, 0 without one). Returns the gap. */
static int fit(Column *cols, int *ncol, int lw, int width, int *bar)
{
	int gap = 2, used, i;

	for (;;) {
		int worst = -1;
		used = lw;
		for (i = 0; i < *ncol; i++)
			used += gap + cols[i].width;
		if (used + (*bar ? gap + BAR_MIN : 0) <= width)
			break;
		for (i = 0; i < *ncol; i++)
			if (cols[i].drop && (worst < 0 || cols[i].drop > cols[worst].drop))
				worst = i;
		if (worst >= 0) {
			memmove(&cols[worst], &cols[worst + 1],
				(size_t)(*ncol - worst - 1) * sizeof *cols);
			(*ncol)--;
		} else if (gap == 2)
			gap = 1;
		else if (*bar)
			*bar = 0;
		else
			break;
	}
	if (*bar)
		*bar = width - used - gap < BAR_MAX ? width - used - gap : BAR_MAX;
	return gap;
}

/* The bars of p from 0 to 1, one per class row, from (x, y). */
static void draw_bars(Grid *g, int x, int y, int w, const SoftmaxCalc *c, Caps caps)
{
	BarItem items[SOFTMAX_MAX];
	BarOpts o = {false, 0, 1, 0, -1};
	size_t i;

	for (i = 0; i < c->n; i++)
		items[i] = (BarItem){NULL, c->p[i], COLOUR_NONE};
	bars_draw(g, x, y, w, (int)c->n, items, (int)c->n, &o, caps);
}

void softmax_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		  int *cy)
{
	const Softmax *s = in->state;
	const char *total = _("total");
	Column cols[NCOLS];
	SoftmaxCalc c;
	char buf[160], num[2 * SOFTMAX_CELL], tot[SOFTMAX_CELL];
	int ncol, lw, x, y = r.y, i, k, gap, bar;
	size_t row;

	softmax_calc(in, &c);
	if (!c.ok) {
		const char *none = _("(no logits yet)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	ncol = columns(&c, s->own, caps, cols);
	bar = s->own && !c.has_truth;
	lw = utf8_width(total, strlen(total));
	for (row = 0; row < c.n; row++) {
		k = utf8_width(s->names[row], strlen(s->names[row]));
		lw = k > lw ? k : lw;
	}
	lw = lw > r.w / 4 ? r.w / 4 : lw;
	measure(&c, cols, ncol);
	gap = fit(cols, &ncol, lw, r.w, &bar);
	/* The headings, right-aligned over their numbers (a bracket's room after them). */
	x = r.x + lw;
	for (i = 0; i < ncol; i++) {
		x += gap + cols[i].width + (bar && i == ncol - 1 ? gap + bar : 0);
		grid_str(g, x - utf8_width(cols[i].head, strlen(cols[i].head)) - cols[i].bracket, y,
			 cols[i].head, STYLE_BOLD);
	}
	y++;
	for (row = 0; row <= c.n; row++, y++) {
		const char *name = row < c.n ? s->names[row] : total;
		Style st = row == c.winner && c.ties == 1 ? STYLE_BOLD
			   : row == c.n		       ? STYLE_DIM
						       : STYLE_NORMAL;
		grid_text(g, r.x, y, name, strlen(name), lw, st);
		x = r.x + lw;
		for (i = 0; i < ncol; i++) {
			double v = row < c.n ? cols[i].v[row] : cols[i].total;
			bool chosen = focused && s->own && row == s->sel;
			x += gap + cols[i].width + (bar && i == ncol - 1 ? gap + bar : 0);
			if (row == c.n && isnan(v))
				continue;
			cell(num, sizeof num, &cols[i], v, chosen && cols[i].bracket);
			grid_str(g, x - (int)strlen(num), y, num,
				 chosen && cols[i].bracket ? STYLE_FOCUS : st);
			if (chosen && cols[i].bracket) {
				*cx = x - (int)strlen(num) + 1;
				*cy = y;
			}
		}
	}
	if (bar)
		draw_bars(g, x - cols[ncol - 1].width - gap - bar, r.y + 1, bar, &c, caps);
	winner_line(s, &c, buf, sizeof buf);
	if (y < r.y + r.h)
		grid_text(g, r.x, y++, buf, strlen(buf), r.w, STYLE_ACCENT);
	if (!c.has_truth || y >= r.y + r.h)
		return;
	if (c.p[c.truth] >= 0.001) /* else in powers of ten, so that it never reads 0 */
		visual_fixed(num, sizeof num, c.p[c.truth], 3);
	else
		snprintf(num, sizeof num, "%.2e", c.p[c.truth]);
	visual_fixed(tot, sizeof tot, c.loss, 3);
	snprintf(buf, sizeof buf, caps.unicode ? _("Loss L = −ln p(%s) = −ln %s = %s")
					       : _("Loss L = -ln p(%s) = -ln %s = %s"),
		 s->names[c.truth], num, tot);
	grid_text(g, r.x, y, buf, strlen(buf), r.w, STYLE_NORMAL);
}
