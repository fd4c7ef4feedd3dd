/* table.c: a box-drawn table with a highlighted row or column: cells typed in, or
 * computed (fn= of each of inputs=, with src/nn's activations) with a live row for
 * another widget's number, or the product of other widgets' matrices (matrix=), or
 * other widgets' models run on input rows (model=), kept up to date as those change;
 * rows beyond its height scroll with Up/Down while it has the focus (at either end the
 * key goes back to the player); with select=yes the arrows choose a cell instead, its
 * row and column highlighted and its whole text written under the table. Drawn for
 * print (--plain) it shows every row. It gives its numbers to other widgets as a matrix and a
 * column. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/box.h"
#include "nls.h"
#include "nn/act.h"
#include "nn/linalg.h"
#include "nn/mlp.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

#include "widgets/views/table.h"


static int text_width(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

/* A typed cell (row, col) as written, or NULL past the end; *num tells whether it is a
 * number. */
static const char *typed_cell(const Instance *in, int row, int col, bool *num)
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

/* The text of cell (row, col) into buf: typed as written, computed formatted (the
 * input with at most `digits` decimals, a function's value with exactly that many).
 * NULL for an empty cell; *num tells whether it is a number. */
static const char *cell(const Instance *in, int row, int col, Caps caps, char *buf, size_t size,
			bool *num)
{
	const Table *t = in->state;
	double v;

	if (t->from == TABLE_TYPED)
		return typed_cell(in, row, col, num);
	*num = false;
	if (t->from == TABLE_MATRIX && col == 0)
		return widget_word(in, "rows", (size_t)row);
	*num = true;
	v = t->num[(size_t)row * (size_t)t->ncols + (size_t)col];
	if (col < t->lead)
		visual_num(buf, size, v, t->digits);
	else
		visual_fixed(buf, size, v, t->digits);
	return buf;
}

/* Column col's heading: typed, or the input's name and each function of it. */
static const char *heading(const Instance *in, int col, Caps caps, char *buf, size_t size)
{
	const Table *t = in->state;
	const char *var = widget_str(in, "var", "z");

	if (t->from != TABLE_FN)
		return widget_word(in, "columns", (size_t)col);
	if (col == 0)
		return var;
	snprintf(buf, size, "%s(%s)", visual_act_symbol(t->fn[col - 1], caps), var);
	return buf;
}

/* fn=: each input (read into the published column first), then each function of it. */
static void compute(const Instance *in, Table *t)
{
	int r, c;

	widget_nums(in, "inputs", t->col, (size_t)t->nrows);
	for (r = 0; r < t->nrows; r++) {
		double *row = &t->num[(size_t)r * (size_t)t->ncols];
		row[0] = t->col[r];
		for (c = 1; c < t->ncols; c++)
			row[c] = act_value(t->fn[c - 1], row[0]);
	}
	table_finish_cells(t);
}

/* Reads the typed cells as numbers (NaN for text); the first column labels rows. */
static void typed_numbers(const Instance *in, Table *t)
{
	int r, c;
	bool num;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const char *s = typed_cell(in, r, c, &num);
			t->num[(size_t)r * (size_t)t->ncols + (size_t)c] = num ? atof(s) : NAN;
		}
		t->labels[r] = typed_cell(in, r, 0, &num);
	}
	table_finish_cells(t);
}

static void table_free(Instance *in)
{
	Table *t = in->state;

	if (t) {
		free(t->prod);
		free(t->scratch);
		free(t->xin);
		free(t->num);
		free(t->col);
		free(t->labels);
		free(t->own);
	}
	free(t);
}

static int table_init(Instance *in)
{
	Table *t = calloc(1, sizeof *t);
	size_t cells;
	int c;

	if (!t)
		return -1;
	in->state = t;
	t->digits = (int)widget_num(in, "digits", 3);
	for (c = 0; c < TABLE_MAX_COLS - 1 && widget_word(in, "fn", (size_t)c); c++)
		if (visual_act(widget_word(in, "fn", (size_t)c), &t->fn[t->nfn]))
			t->nfn++;
	if (widget_nwords(in, "matrix")) {
		t->from = TABLE_MATRIX;
		table_matrix_shape(in, t);
	} else if (widget_nwords(in, "model")) {
		t->from = TABLE_MODEL;
		table_model_shape(in, t);
	} else if (t->nfn) {
		t->from = TABLE_FN;
		t->ncols = 1 + t->nfn;
		t->nrows = (int)widget_nwords(in, "inputs");
		t->lead = 1;
		t->live = widget_str(in, "input", NULL) != NULL;
	} else {
		size_t ncells = widget_nwords(in, "cells");
		t->ncols = (int)widget_nwords(in, "columns");
		if (t->ncols > TABLE_MAX_COLS)
			t->ncols = TABLE_MAX_COLS;
		if (t->ncols < 1)
			t->ncols = 1;
		t->nrows = (int)((ncells + (size_t)t->ncols - 1) / (size_t)t->ncols);
	}
	cells = (size_t)t->nrows * (size_t)t->ncols;
	t->num = calloc(cells + 1, sizeof *t->num);
	t->col = calloc((size_t)t->nrows + 1, sizeof *t->col);
	t->labels = calloc((size_t)t->nrows + 1, sizeof *t->labels);
	t->own = calloc((size_t)t->nrows + 1, sizeof *t->own);
	t->prod = calloc(cells + 1, sizeof *t->prod);
	t->scratch = calloc(t->nscratch + 2, sizeof *t->scratch);
	t->xin = calloc((size_t)t->nrows * (size_t)t->nin + 1, sizeof *t->xin);
	if (!t->num || !t->col || !t->labels || !t->own || !t->prod || !t->scratch || !t->xin) {
		table_free(in);
		in->state = NULL;
		return -1;
	}
	t->out = (int)widget_num(in, "column", t->ncols) - 1;
	if (t->out < 0 || t->out >= t->ncols)
		t->out = t->ncols - 1;
	if (t->from == TABLE_MODEL)
		widget_nums(in, "inputs", t->xin, (size_t)t->nrows * (size_t)t->nin);
	for (c = 0; c < t->nrows * t->ncols; c++) /* "?" until the sources have data */
		t->num[c] = t->prod[c] = NAN;
	for (c = 0; c < t->nrows && t->from == TABLE_MATRIX; c++)
		t->labels[c] = widget_word(in, "rows", (size_t)c);
	if (t->from == TABLE_FN)
		compute(in, t);
	else if (t->from == TABLE_TYPED)
		typed_numbers(in, t);
	else
		table_sources_refresh(in);
	for (c = 0; c < t->ncols; c++) {
		const char *h = heading(in, c, (Caps){false, 0}, t->heads[c], TABLE_CELL);
		if (h != t->heads[c])
			snprintf(t->heads[c], TABLE_CELL, "%s", h ? h : "");
		t->head_ptr[c] = t->heads[c];
	}
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
	t->select = widget_bool(in, "select", false);
	if (t->select && t->hrow < 0)
		t->hrow = 0;
	if (t->select && t->hcol < 1)
		t->hcol = t->ncols > 1 ? 1 : 0;
	/* A highlighted row starts in view. */
	if (t->hrow >= t->shown)
		t->top = t->hrow - t->shown + 1;
	return 0;
}

/* Brings the live row up to date with its input: made again only when the input's
 * data has a new version (a cache: what the table shows and gives does not change
 * otherwise). False when the input has no number now. */
static bool live_refresh(const Instance *in)
{
	Table *t = in->state;
	Data d;
	int c;

	if (!t->live || !scene_data(in, "input", &d)) {
		t->live_ok = false;
		return false;
	}
	if (t->live_ok && d.version == t->live_src)
		return true;
	t->live_v[0] = d.scalar;
	for (c = 1; c < t->ncols; c++)
		t->live_v[c] = act_value(t->fn[c - 1], d.scalar);
	t->live_src = d.version;
	t->live_version++;
	t->live_ok = true;
	return true;
}

/* Top border, headings, rule, the rows shown, [rule, live row,] bottom border. */
/* The rows shown at once (all of them in print) and the line that writes out the chosen
 * cell (select=yes, not in print). */
static int rows_shown(const Instance *in)
{
	const Table *t = in->state;

	return in->print ? t->nrows : t->shown;
}

static int detail_lines(const Instance *in)
{
	const Table *t = in->state;

	return t->select && !in->print ? 1 : 0;
}

static void natural_widths(const Instance *in, Caps caps, int *natural);

/* Whether the table is drawn for print too wide for width: it is then written as
 * records, each row's label and under it every other column's heading and text, so
 * that no cell is cut. */
static bool as_records(const Instance *in, int width)
{
	const Table *t = in->state;
	int natural[TABLE_MAX_COLS], c, total = 1;

	if (!in->print || t->live)
		return false;
	natural_widths(in, (Caps){false, 0}, natural);
	for (c = 0; c < t->ncols; c++)
		total += natural[c] + 3;
	return total > width;
}

static int table_height(const Instance *in, int width)
{
	const Table *t = in->state;

	if (as_records(in, width))
		return t->nrows * t->ncols;
	return rows_shown(in) + 4 + (t->live ? 2 : 0) + detail_lines(in);
}

/* The print layout of as_records: "Label" then "  Heading: text" for each column. */
static void draw_records(const Instance *in, Grid *g, Rect r, Caps caps)
{
	const Table *t = in->state;
	char buf[TABLE_CELL], line[512];
	int row, c, y = r.y;
	bool num;

	for (row = 0; row < t->nrows; row++) {
		const char *s = cell(in, row, 0, caps, buf, sizeof buf, &num);
		grid_text(g, r.x, y++, s ? s : "", s ? strlen(s) : 0, r.w, STYLE_BOLD);
		for (c = 1; c < t->ncols; c++) {
			snprintf(line, sizeof line, "  %s: ", heading(in, c, caps, buf, sizeof buf));
			s = cell(in, row, c, caps, buf, sizeof buf, &num);
			strncat(line, s ? s : "", sizeof line - strlen(line) - 1);
			grid_text(g, r.x, y++, line, strlen(line), r.w, STYLE_NORMAL);
		}
	}
}

/* Each column's widest text (heading or cell) as drawn with caps. */
static void natural_widths(const Instance *in, Caps caps, int *natural)
{
	const Table *t = in->state;
	char buf[TABLE_CELL];
	int r, c;
	bool num;

	for (c = 0; c < t->ncols; c++) {
		natural[c] = text_width(heading(in, c, caps, buf, sizeof buf));
		for (r = 0; r < t->nrows; r++) {
			int w = text_width(cell(in, r, c, caps, buf, sizeof buf, &num));
			if (w > natural[c])
				natural[c] = w;
		}
		if (t->live) { /* room for the live row's values ("−12.345"), so the
			              * columns keep their widths as the input moves */
			int w = t->digits + 4;
			if (w > natural[c])
				natural[c] = w;
		}
	}
}

/* Column widths (text plus a blank each side) fitted into width w: the widest columns
 * give way first, down to one column of text. Returns the table's total width. */
static int fit_columns(const Table *t, const int *natural, int w, int *cw)
{
	int c, total = 1;

	for (c = 0; c < t->ncols; c++) {
		cw[c] = natural[c] + 2;
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
 * marker in the left blank for a highlighted row or column; a cut text ends in "…". */
static void put_cell(Grid *g, int x, int y, int w, const char *s, bool num, Style st,
		     const char *mark, Caps caps)
{
	int tw = text_width(s), room = w - 2, at;

	if (mark)
		grid_str(g, x, y, mark, STYLE_ACCENT);
	if (!s || room < 1)
		return;
	at = num && tw < room ? room - tw : 0;
	grid_text(g, x + 1 + at, y, s, strlen(s), room - at, st);
	if (tw > room) /* cut: say so in its last column */
		grid_put(g, x + room, y, caps.unicode ? 0x2026 : '~', st);
}

/* The live row's cell col into buf, as the computed cells are written ("?" without
 * a number). */
static const char *live_cell(const Table *t, int col, Caps caps, char *buf, size_t size)
{
	double v = t->live_ok ? t->live_v[col] : NAN;

	if (col == 0)
		visual_num(buf, size, v, t->digits);
	else
		visual_fixed(buf, size, v, t->digits);
	return buf;
}

/* The lines between columns, their crossings with the borders and rules. */
static void column_lines(const Table *t, Grid *g, Rect r, int h, int x, bool focused, Caps caps)
{
	const char *vl = caps.unicode ? (focused ? "┃" : "│") : "|";
	Style st = focused ? STYLE_ACCENT : STYLE_DIM;
	int row, live_rule = t->live ? h - 3 : -1;

	grid_put(g, x, r.y, junction(0, focused, caps), st);
	grid_put(g, x, r.y + 2, junction(1, focused, caps), st);
	if (live_rule > 0)
		grid_put(g, x, r.y + live_rule, junction(1, focused, caps), st);
	grid_put(g, x, r.y + h - 1, junction(2, focused, caps), st);
	for (row = 1; row < h - 1; row++)
		if (row != 2 && row != live_rule)
			grid_str(g, x, r.y + row, vl, st);
}

static void table_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	const Table *t = in->state;
	int natural[TABLE_MAX_COLS], cw[TABLE_MAX_COLS], w, shown, top = t->top, h;
	int row, c, x;
	const char *rmark = caps.unicode ? "▸" : "*", *cmark = caps.unicode ? "▾" : "*";
	char buf[TABLE_CELL];
	bool num;

	table_sources_refresh(in);
	if (as_records(in, r.w)) {
		draw_records(in, g, r, caps);
		return;
	}
	natural_widths(in, caps, natural);
	w = fit_columns(t, natural, r.w, cw);
	shown = r.h - 4 - (t->live ? 2 : 0) - detail_lines(in);
	if (w > r.w)
		w = r.w;
	if (shown > t->nrows)
		shown = t->nrows;
	if (shown < 1)
		return;
	if (top > t->nrows - shown)
		top = t->nrows - shown;
	h = shown + 4 + (t->live ? 2 : 0);
	live_refresh(in);
	box_draw(g, r.x, r.y, w, h, BOX_LIGHT, NULL, focused, caps);
	box_rule(g, r.x, r.y + 2, w, BOX_LIGHT, focused, caps);
	if (t->live)
		box_rule(g, r.x, r.y + h - 3, w, BOX_LIGHT, focused, caps);
	for (c = 0, x = r.x + 1; c < t->ncols; x += cw[c] + 1, c++) {
		put_cell(g, x, r.y + 1, cw[c], heading(in, c, caps, buf, sizeof buf), false,
			 c == t->hcol ? STYLE_ACCENT : STYLE_BOLD, c == t->hcol ? cmark : NULL, caps);
		for (row = 0; row < shown; row++) {
			bool hl = top + row == t->hrow || c == t->hcol;
			const char *s = cell(in, top + row, c, caps, buf, sizeof buf, &num);
			put_cell(g, x, r.y + 3 + row, cw[c], s, num, hl ? STYLE_ACCENT : STYLE_NORMAL,
				 top + row == t->hrow && c == 0 ? rmark : NULL, caps);
		}
		if (t->live)
			put_cell(g, x, r.y + h - 2, cw[c], live_cell(t, c, caps, buf, sizeof buf), true,
				 STYLE_ACCENT, c == 0 ? rmark : NULL, caps);
		if (c + 1 < t->ncols && x + cw[c] < r.x + w - 1)
			column_lines(t, g, r, h, x + cw[c], focused, caps);
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
	if (detail_lines(in) && t->hrow >= 0 && t->hcol >= 0) {
		char line[512];
		const char *rl = cell(in, t->hrow, 0, caps, buf, sizeof buf, &num);
		snprintf(line, sizeof line, "%s %s %s ", caps.unicode ? "▸" : ">", rl ? rl : "",
			 caps.unicode ? "·" : "-");
		strncat(line, heading(in, t->hcol, caps, buf, sizeof buf), sizeof line - strlen(line) - 3);
		strcat(line, ": ");
		rl = cell(in, t->hrow, t->hcol, caps, buf, sizeof buf, &num);
		strncat(line, rl ? rl : "", sizeof line - strlen(line) - 1);
		grid_text(g, r.x, r.y + h, line, strlen(line), r.w, STYLE_ACCENT);
	}
	if (focused) {
		*cx = r.x + 2;
		*cy = r.y + 3 + (t->select && t->hrow >= top ? t->hrow - top : 0);
	}
}

/* select=yes: the arrows move the chosen cell (the data columns, not the labels), and the
 * rows scroll to keep it in view; at an edge the key goes back to the player. */
static unsigned select_key(Table *t, const Key *k)
{
	int row = t->hrow, col = t->hcol;

	if (k->code == K_UP || k->code == K_DOWN)
		row += k->code == K_UP ? -1 : 1;
	else if (k->code == K_LEFT || k->code == K_RIGHT)
		col += k->code == K_LEFT ? -1 : 1;
	else
		return WIDGET_IGNORED;
	if (row < 0 || row >= t->nrows || col < 1 || col >= t->ncols)
		return WIDGET_IGNORED;
	t->hrow = row;
	t->hcol = col;
	if (row < t->top)
		t->top = row;
	if (row >= t->top + t->shown)
		t->top = row - t->shown + 1;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static unsigned table_key(Instance *in, const Key *k)
{
	Table *t = in->state;
	int max = t->nrows - t->shown, top = t->top;

	if (t->select)
		return select_key(t, k);
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

	return t->select || t->nrows > t->shown;
}

/* Scrolling keys, or with select=yes the keys that choose a cell. */
static int table_keys(const Instance *in, bool unicode, const char **pairs, int max,
		      char *scratch, size_t size)
{
	static const KindKey choose[] = {{"Up Down", N_("choose a row")},
					 {"Left Right", N_("choose a column")}};
	const Table *t = in->state;

	if (t->select)
		return keys_pairs(choose, 2, unicode, pairs, max, scratch, size);
	return keys_pairs(table_kind.keys, table_kind.nkeys, unicode, pairs, max, scratch, size);
}

/* "cells": every cell as a number, row by row (the live row apart); "column": one
 * column, labelled by the first; "live": the live row; "product": matrix='s product.
 * Typed and fn= cells never change (version 1); matrix= and model= ones follow their
 * sources. */
static bool table_output(const Instance *in, const char *name, Data *out)
{
	const Table *t = in->state;
	bool ok = table_sources_refresh(in) && t->nrows > 0;

	out->version = t->version + 1;
	if (strcmp(name, "cells") == 0 && ok) {
		out->rows = (size_t)t->nrows;
		out->cols = (size_t)t->ncols;
		out->n = out->rows * out->cols;
		out->v = t->num;
		return true;
	}
	if (strcmp(name, "product") == 0 && ok && t->from == TABLE_MATRIX) {
		out->rows = (size_t)t->nrows;
		out->cols = (size_t)t->ncols - 1;
		out->n = out->rows * out->cols;
		out->v = t->prod;
		return true;
	}
	if (strcmp(name, "column") == 0 && ok) {
		out->n = (size_t)t->nrows;
		out->v = t->col;
		out->labels = t->labels;
		return true;
	}
	if (strcmp(name, "live") == 0 && live_refresh(in)) {
		out->n = (size_t)t->ncols;
		out->v = t->live_v;
		out->labels = t->head_ptr;
		out->version = t->live_version;
		return true;
	}
	return false;
}

static const WidgetOps table_ops = {
    .focusable = table_focusable,
    .init = table_init,
    .free = table_free,
    .height = table_height,
    .draw = table_draw,
    .key = table_key,
    .keys = table_keys,
    .output = table_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "columns", .type = PARAM_WORDS, .nmin = 1, .nmax = 16, .required = true,
     .unless = "fn", .help = N_("the column headings")},
    {.name = "cells", .type = PARAM_WORDS, .nmin = 1, .nmax = 256, .required = true,
     .unless = "fn|matrix|model",
     .help = N_("the cells, row by row: a multiple of the number of columns")},
    {.name = "matrix", .type = PARAM_REFS, .nmin = 1, .nmax = TABLE_MAX_SRC,
     .accepts = DATA_MATRIX,
     .help = N_("computed cells instead: the product of these matrices, left to right " "(a network's w2,w1 gives W2 · W1), kept up to date as they change")},
    {.name = "rows", .type = PARAM_WORDS, .nmax = 256, .needs = "matrix",
     .help = N_("the row labels of the product, in the first column")},
    {.name = "model", .type = PARAM_REFS, .nmin = 1, .nmax = TABLE_MAX_SRC,
     .accepts = DATA_MODEL,
     .help = N_("computed cells instead: these models run on each row of inputs=, kept up " "to date as their weights change")},
    {.name = "values", .type = PARAM_WORDS, .nmin = 1, .nmax = 4,
     .choices = "inputs|hidden|total|output", .needs = "model",
     .help = N_("the columns of each row (default: inputs,output): the inputs, then for each " "model its hidden neurons, its output totals before the squash and its outputs, " "in the order given")},
    {.name = "fn", .type = PARAM_WORDS, .nmin = 1, .nmax = 15, .choices = ACTIVATIONS,
     .needs = "inputs",
     .help = N_("computed cells instead: a column for each function, of every input")},
    {.name = "inputs", .type = PARAM_NUMBERS, .nmin = 1, .nmax = 256, .needs = "fn|model",
     .help = N_("the numbers the functions are computed at, one row each (model=: as many " "per row as the first model has inputs)")},
    {.name = "var", .type = PARAM_STRING, .def = "z", .needs = "fn",
     .help = N_("the input's name in the headings: z, then σ(z), tanh(z)")},
    {.name = "digits", .type = PARAM_INT, .min = 0, .max = 6, .def = "3",
     .needs = "fn|matrix|model",
     .help = N_("decimals of the computed numbers")},
    {.name = "input", .type = PARAM_REF, .accepts = DATA_SCALAR, .needs = "fn",
     .help = N_("a widget whose number gets a live row, highlighted, below the others")},
    {.name = "column", .type = PARAM_INT, .min = 1, .max = 16,
     .help = N_("the column given to other widgets as numbers (default: the last)")},
    {.name = "highlight", .type = PARAM_INT, .min = 1, .max = 256,
     .help = N_("a row to highlight")},
    {.name = "highlight_column", .type = PARAM_INT, .min = 1, .max = 16,
     .help = N_("a column to highlight")},
    {.name = "height", .type = PARAM_INT, .min = 1, .max = 64, .def = "6",
     .help = N_("rows shown at once; more scroll with Up and Down")},
    {.name = "select", .type = PARAM_BOOL, .def = "no",
     .help = N_("the arrows choose a cell, its row and column highlighted and its whole text " "written under the table (for cells too long for their column)")},
};

static const OutputSpec outputs[] = {
    {"cells", DATA_MATRIX,
     N_("the cells as numbers, row by row (a cell that is text is not a number)")},
    {"column", DATA_VECTOR,
     N_("one column's numbers (column=, or the last), labelled by the first column")},
    {"live", DATA_VECTOR, N_("the live row: the input's number, then each function of it")},
    {"product", DATA_MATRIX, N_("matrix=: the product, without the row labels")},
};

static const KindKey keys[] = {
    {"Up Down PgUp PgDn", N_("scroll the rows")},
};

const WidgetKind table_kind = {
    .schema = {.name = "table",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a table of text, of functions computed at some inputs, of a matrix " "product or of models run on rows of inputs"),
               .example = "id=truth columns=x1,x2,y cells=0,0,0,0,1,1,1,0,1,1,1,0"},
    KIND_LIST(keys, keys),
    .ops = &table_ops,
};
