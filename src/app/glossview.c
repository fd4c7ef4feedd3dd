/* glossview.c: the glossary screen: a title with the count, the filter line, then the
 * terms in alphabetical order (name, the unit that teaches it, the definition wrapped
 * under it) scrolled to keep the selected one in view. Must not touch the terminal. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/frame.h"
#include "app/glossview.h"
#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"

enum {
	LIST_Y = 3,     /* the list's first row: title, filter and a blank row above */
	DEF_X = 4,      /* where definitions start */
	DEF_LINES = 16  /* rows of a definition shown at most */
};

/* One row of the list: the header of entry shown[k] (line -1) or line `line` of its
 * definition. */
typedef struct {
	size_t k;
	int line;
	size_t start, len;
} GlossRow;

static void glossview_filter(GlossView *v)
{
	size_t i;

	v->nshown = 0;
	for (i = 0; i < v->g.n; i++)
		if (glossary_matches(&v->g.v[i], v->filter))
			v->shown[v->nshown++] = i;
	v->sel = 0;
	v->scroll = 0;
}

int glossview_open(GlossView *v, const Course *c, const char *filter)
{
	if (!v->ready) {
		if (glossary_collect(&v->g, c) != 0)
			return -1;
		v->shown = malloc((v->g.n ? v->g.n : 1) * sizeof *v->shown);
		if (!v->shown) {
			glossary_free(&v->g);
			return -1;
		}
		v->ready = true;
	}
	snprintf(v->filter, sizeof v->filter, "%s", filter ? filter : "");
	glossview_filter(v);
	glossview_select(v, v->filter);
	return 0;
}

bool glossview_select(GlossView *v, const char *name)
{
	size_t i;

	for (i = 0; name && i < v->nshown; i++)
		if (glossary_cmp(v->g.v[v->shown[i]].name, name) == 0) {
			v->sel = i;
			v->scroll = INT_MIN; /* the next draw puts it at the top */
			return true;
		}
	return false;
}

void glossview_free(GlossView *v)
{
	glossary_free(&v->g);
	free(v->shown);
	memset(v, 0, sizeof *v);
}

const GlossEntry *glossview_selected(const GlossView *v)
{
	return v->sel < v->nshown ? &v->g.v[v->shown[v->sel]] : NULL;
}

/* Lays the shown entries out at width columns into out (up to max rows); returns the
 * number of rows the whole list needs. */
static int glossview_rows(const GlossView *v, int width, GlossRow *out, int max)
{
	WrapLine lines[DEF_LINES];
	int n = 0, m, j;
	size_t k;

	for (k = 0; k < v->nshown; k++) {
		const GlossEntry *e = &v->g.v[v->shown[k]];
		if (k > 0) { /* a blank row between entries */
			if (n < max)
				out[n] = (GlossRow){k, -2, 0, 0};
			n++;
		}
		if (n < max)
			out[n] = (GlossRow){k, -1, 0, 0};
		n++;
		m = wrap_text(e->def, strlen(e->def), width - DEF_X - 1, lines, DEF_LINES);
		for (j = 0; j < m && j < DEF_LINES; j++, n++)
			if (n < max)
				out[n] = (GlossRow){k, j, lines[j].start, lines[j].len};
	}
	return n;
}

/* The first and last rows of entry k in rows[0..n). */
static void glossview_span(const GlossRow *rows, int n, size_t k, int *top, int *bottom)
{
	int i;

	*top = *bottom = 0;
	for (i = 0; i < n; i++)
		if (rows[i].k == k && rows[i].line != -2) {
			if (rows[i].line == -1)
				*top = i;
			*bottom = i;
		}
}

/* Makes the list's rows for the last drawn width (NULL when out of memory). */
static GlossRow *glossview_layout(const GlossView *v, int *n)
{
	int need = glossview_rows(v, v->view_w, NULL, 0);
	GlossRow *rows = malloc((size_t)(need > 0 ? need : 1) * sizeof *rows);

	*n = 0;
	if (rows)
		*n = glossview_rows(v, v->view_w, rows, need);
	return rows;
}

/* Keeps the selected entry on screen and the scroll within the list. */
static void glossview_clamp(GlossView *v, const GlossRow *rows, int n)
{
	int top, bottom;

	glossview_span(rows, n, v->sel, &top, &bottom);
	if (v->scroll == INT_MIN)
		v->scroll = top;
	if (bottom >= v->scroll + v->view_h)
		v->scroll = bottom - v->view_h + 1;
	if (top < v->scroll)
		v->scroll = top;
	if (v->scroll > n - v->view_h)
		v->scroll = n - v->view_h;
	if (v->scroll < 0)
		v->scroll = 0;
}

/* Moves the selection about a screen down (dir 1) or up (dir -1). */
static void glossview_page(GlossView *v, int dir)
{
	int n, top, bottom, from;
	GlossRow *rows = glossview_layout(v, &n);

	if (!rows)
		return;
	glossview_span(rows, n, v->sel, &from, &bottom);
	while (dir > 0 ? v->sel + 1 < v->nshown : v->sel > 0) {
		v->sel = dir > 0 ? v->sel + 1 : v->sel - 1;
		glossview_span(rows, n, v->sel, &top, &bottom);
		if ((dir > 0 ? top - from : from - top) >= v->view_h - 1)
			break;
	}
	free(rows);
}

const GlossEntry *glossview_command(GlossView *v, Command cmd, const Key *k)
{
	switch (cmd) {
	case CMD_OPEN:
		return glossview_selected(v);
	case CMD_UP:
		if (v->sel > 0)
			v->sel--;
		break;
	case CMD_DOWN:
		if (v->sel + 1 < v->nshown)
			v->sel++;
		break;
	case CMD_PAGE_UP:
		glossview_page(v, -1);
		break;
	case CMD_PAGE_DOWN:
		glossview_page(v, 1);
		break;
	case CMD_TOP:
		v->sel = 0;
		break;
	case CMD_BOTTOM:
		v->sel = v->nshown ? v->nshown - 1 : 0;
		break;
	default:
		if (k && key_edit_line(v->filter, sizeof v->filter, k) == KEYEDIT_CHANGED)
			glossview_filter(v);
		break;
	}
	return NULL;
}

/* The header row of entry e: a marker when selected, its name, then its unit. */
static void glossview_header(Grid *g, int y, const GlossEntry *e, bool selected, Caps caps)
{
	char unit[256];
	int x;

	if (selected)
		grid_str(g, 0, y, caps.unicode ? "\xe2\x80\xba" : ">", STYLE_ACCENT);
	x = 2 + grid_str(g, 2, y, e->name, selected ? STYLE_FOCUS : STYLE_BOLD);
	if (e->unit_title)
		snprintf(unit, sizeof unit, "  %s%s%s", e->unit_id, caps.unicode ? " \xc2\xb7 " : " - ",
		         e->unit_title);
	else
		snprintf(unit, sizeof unit, "  %s", e->unit_id);
	if (x < g->w - 1)
		grid_text(g, x, y, unit, strlen(unit), g->w - 1 - x, STYLE_DIM);
}

void glossview_draw(GlossView *v, Grid *g, Caps caps, int *cx, int *cy)
{
	char count[96];
	GlossRow *rows;
	int n, i, x;

	grid_clear(g, STYLE_NORMAL);
	v->view_w = g->w;
	v->view_h = g->h - LIST_Y - 1;
	if (v->view_h < 1)
		v->view_h = 1;
	grid_str(g, 2, 0, _("Glossary"), STYLE_TITLE);
	if (v->filter[0])
		snprintf(count, sizeof count,
		         ngettext("%zu of %zu term", "%zu of %zu terms", v->g.n), v->nshown, v->g.n);
	else
		snprintf(count, sizeof count, ngettext("%zu term", "%zu terms", v->g.n), v->g.n);
	grid_str(g, g->w - 2 - utf8_width(count, strlen(count)), 0, count, STYLE_DIM);
	x = grid_str(g, 2, 1, _("Filter: "), STYLE_DIM);
	x += 2 + grid_str(g, 2 + x, 1, v->filter, STYLE_NORMAL);
	*cx = x < g->w ? x : g->w - 1;
	*cy = 1;
	if (!v->filter[0]) {
		const char *hint = _("(type to filter the terms)");
		grid_text(g, x + 1, 1, hint, strlen(hint), g->w - x - 2, STYLE_DIM);
	}
	frame_footer(g, KCTX_GLOSSARY);
	if (v->nshown == 0) {
		char msg[160];
		if (v->g.n)
			snprintf(msg, sizeof msg, _("No term holds \"%s\"."), v->filter);
		else
			snprintf(msg, sizeof msg, "%s", _("This course defines no terms."));
		grid_str(g, 2, LIST_Y, msg, STYLE_WARN);
		return;
	}
	rows = glossview_layout(v, &n);
	if (!rows)
		return;
	glossview_clamp(v, rows, n);
	for (i = 0; i < v->view_h && v->scroll + i < n; i++) {
		const GlossRow *r = &rows[v->scroll + i];
		const GlossEntry *e = &v->g.v[v->shown[r->k]];
		if (r->line == -1)
			glossview_header(g, LIST_Y + i, e, r->k == v->sel, caps);
		else if (r->line >= 0)
			grid_text(g, DEF_X, LIST_Y + i, e->def + r->start, r->len, g->w - DEF_X - 1,
			          STYLE_NORMAL);
	}
	free(rows);
}
