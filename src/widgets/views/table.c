/* table.c: a box-drawn table of text with a highlighted row or column; rows beyond
 * its height scroll with Up/Down while it has the focus (at either end the key goes
 * back to the player). Must not own the loop or write files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/box.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/smallwidgets.h"

enum { TABLE_MAX_COLS = 16 };

typedef struct {
	int ncols, nrows;
	int shown; /* data rows shown at once */
	int top;   /* the first data row shown */
	int hrow, hcol; /* highlighted data row and column from 0, or -1 */
	int natural[TABLE_MAX_COLS]; /* each column's widest text */
} Table;

/* Cell (row, col) of the data, or NULL past the end; *num tells whether it is a number. */
static const char *cell(const Instance *in, int row, int col, bool *num)
{
	const Param *p = widget_param(&in->block->widget, "cells");
	const Table *t = in->state;
	size_t i = (size_t)row * (size_t)t->ncols + (size_t)col;

	*num = false;
	if (!p)
		return NULL;
	if (p->kind != VALUE_LIST)
		return i == 0 ? p->str : NULL;
	if (i >= p->nitems)
		return NULL;
	*num = p->items[i].is_num;
	return p->items[i].str;
}

static int text_width(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

static int table_init(Instance *in)
{
	Table *t = calloc(1, sizeof *t);
	size_t ncells = widget_nwords(in, "cells");
	int r, c;
	bool num;

	if (!t)
		return -1;
	in->state = t;
	t->ncols = (int)widget_nwords(in, "columns");
	if (t->ncols > TABLE_MAX_COLS)
		t->ncols = TABLE_MAX_COLS;
	if (t->ncols < 1)
		t->ncols = 1;
	t->nrows = (int)((ncells + (size_t)t->ncols - 1) / (size_t)t->ncols);
	t->shown = (int)widget_num(in, "height", 6);
	if (t->shown < 1)
		t->shown = 1;
	if (t->shown > t->nrows)
		t->shown = t->nrows > 0 ? t->nrows : 1;
	t->hrow = (int)widget_num(in, "highlight", 0) - 1;
	t->hcol = (int)widget_num(in, "highlight_column", 0) - 1;
	if (t->hrow >= t->nrows)
		t->hrow = -1;
	if (t->hcol >= t->ncols)
		t->hcol = -1;
	for (c = 0; c < t->ncols; c++) {
		t->natural[c] = text_width(widget_word(in, "columns", (size_t)c));
		for (r = 0; r < t->nrows; r++) {
			int w = text_width(cell(in, r, c, &num));
			if (w > t->natural[c])
				t->natural[c] = w;
		}
	}
	/* A highlighted row starts in view. */
	if (t->hrow >= t->shown)
		t->top = t->hrow - t->shown + 1;
	return 0;
}

static void table_free(Instance *in)
{
	free(in->state);
}

/* Top border, headings, rule, the rows shown, bottom border. */
static int table_height(const Instance *in, int width)
{
	(void)width;
	return ((const Table *)in->state)->shown + 4;
}

/* Column widths (text plus a blank each side) fitted into width w: the widest columns
 * give way first, down to one column of text. Returns the table's total width. */
static int fit_columns(const Table *t, int w, int *cw)
{
	int c, total = 1;

	for (c = 0; c < t->ncols; c++) {
		cw[c] = t->natural[c] + 2;
		total += cw[c] + 1;
	}
	while (total > w) {
		int widest = 0;
		for (c = 1; c < t->ncols; c++)
			if (cw[c] > cw[widest])
				widest = c;
		if (cw[widest] <= 3)
			break;
		cw[widest]--;
		total--;
	}
	return total;
}

/* Junction glyphs: top, middle and bottom crossings; light, heavy (focus), ASCII. */
static uint32_t junction(int row, bool focus, Caps caps)
{
	static const uint32_t light[] = {0x252C, 0x253C, 0x2534}, heavy[] = {0x2533, 0x254B, 0x253B};

	if (!caps.unicode)
		return '+';
	return focus ? heavy[row] : light[row];
}

/* Writes one cell's text into its column: numbers to the right, words to the left; a
 * marker in the left blank for a highlighted row or column. */
static void put_cell(Grid *g, int x, int y, int w, const char *s, bool num, Style st,
		     const char *mark)
{
	int tw = text_width(s), room = w - 2, at;

	if (mark)
		grid_str(g, x, y, mark, STYLE_ACCENT);
	if (!s || room < 1)
		return;
	at = num && tw < room ? room - tw : 0;
	grid_text(g, x + 1 + at, y, s, strlen(s), room - at, st);
}

static void table_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	const Table *t = in->state;
	int cw[TABLE_MAX_COLS], w = fit_columns(t, r.w, cw), shown = r.h - 4, top = t->top;
	int row, c, x;
	const char *vl = caps.unicode ? (focused ? "┃" : "│") : "|";
	const char *rmark = caps.unicode ? "▸" : "*", *cmark = caps.unicode ? "▾" : "*";

	if (w > r.w)
		w = r.w;
	if (shown > t->nrows)
		shown = t->nrows;
	if (shown < 1)
		return;
	if (top > t->nrows - shown)
		top = t->nrows - shown;
	box_draw(g, r.x, r.y, w, shown + 4, BOX_LIGHT, NULL, focused, caps);
	box_rule(g, r.x, r.y + 2, w, BOX_LIGHT, focused, caps);
	for (c = 0, x = r.x + 1; c < t->ncols; x += cw[c] + 1, c++) {
		const char *h = widget_word(in, "columns", (size_t)c);
		put_cell(g, x, r.y + 1, cw[c], h, false, c == t->hcol ? STYLE_ACCENT : STYLE_BOLD,
			 c == t->hcol ? cmark : NULL);
		for (row = 0; row < shown; row++) {
			bool num, hl = top + row == t->hrow || c == t->hcol;
			const char *s = cell(in, top + row, c, &num);
			put_cell(g, x, r.y + 3 + row, cw[c], s, num, hl ? STYLE_ACCENT : STYLE_NORMAL,
				 top + row == t->hrow && c == 0 ? rmark : NULL);
		}
		if (c + 1 < t->ncols && x + cw[c] < r.x + w - 1) {
			grid_put(g, x + cw[c], r.y, junction(0, focused, caps),
				 focused ? STYLE_ACCENT : STYLE_DIM);
			grid_put(g, x + cw[c], r.y + 2, junction(1, focused, caps),
				 focused ? STYLE_ACCENT : STYLE_DIM);
			grid_put(g, x + cw[c], r.y + shown + 3, junction(2, focused, caps),
				 focused ? STYLE_ACCENT : STYLE_DIM);
			for (row = 1; row < shown + 3; row++)
				if (row != 2)
					grid_str(g, x + cw[c], r.y + row, vl,
						 focused ? STYLE_ACCENT : STYLE_DIM);
		}
	}
	if (shown < t->nrows) {
		char where[64];
		int ww;
		snprintf(where, sizeof where, _(" rows %d-%d of %d "), top + 1, top + shown, t->nrows);
		if (text_width(where) + 4 > w) /* a narrow table: " 4-6/6 " */
			snprintf(where, sizeof where, " %d-%d/%d ", top + 1, top + shown, t->nrows);
		ww = text_width(where);
		if (ww + 4 <= w)
			grid_str(g, r.x + w - 2 - ww, r.y + shown + 3, where,
				 focused ? STYLE_FOCUS : STYLE_DIM);
	}
	if (focused) {
		*cx = r.x + 2;
		*cy = r.y + 3;
	}
}

static unsigned table_key(Instance *in, const Key *k)
{
	Table *t = in->state;
	int max = t->nrows - t->shown, top = t->top;

	if (k->code == K_UP)
		top--;
	else if (k->code == K_DOWN)
		top++;
	else if (k->code == K_PGUP)
		top -= t->shown;
	else if (k->code == K_PGDN)
		top += t->shown;
	else
		return WIDGET_IGNORED;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	if (top == t->top)
		return WIDGET_IGNORED; /* at the end: the player scrolls the page */
	t->top = top;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* A tab stop only when it has rows to scroll: a table that shows them all is read. */
static bool table_focusable(const Instance *in)
{
	const Table *t = in->state;

	return t->nrows > t->shown;
}

static const WidgetOps table_ops = {
    .focusable = table_focusable,
	.init = table_init,
	.free = table_free,
	.height = table_height,
	.draw = table_draw,
	.key = table_key,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "columns", .type = PARAM_WORDS, .nmin = 1, .nmax = 16, .required = true,
     .help = N_("the column headings")},
    {.name = "cells", .type = PARAM_WORDS, .nmin = 1, .nmax = 256, .required = true,
     .help = N_("the cells, row by row: a multiple of the number of columns")},
    {.name = "highlight", .type = PARAM_INT, .min = 1, .max = 256,
     .help = N_("a row to highlight")},
    {.name = "highlight_column", .type = PARAM_INT, .min = 1, .max = 16,
     .help = N_("a column to highlight")},
    {.name = "height", .type = PARAM_INT, .min = 1, .max = 64, .def = "6",
     .help = N_("rows shown at once; more scroll with Up and Down")},
};

static const KindKey keys[] = {
    {"Up Down PgUp PgDn", N_("scroll the rows")},
};

const WidgetKind table_kind = {
    .schema = {.name = "table",
               KIND_LIST(params, params),
               .help = N_("a table of text"),
               .example = "id=truth columns=x1,x2,y cells=0,0,0,0,1,1,1,0,1,1,1,0"},
    KIND_LIST(keys, keys),
    .ops = &table_ops,
};
