/* help.c: the help screen: a title, then "keys  what they do" for every binding of the
 * context the learner came from. Must not touch the terminal. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "app/frame.h"
#include "app/help.h"
#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"

typedef struct {
	Grid *g;
	int row, first, last; /* row counts every entry; only first..last are drawn */
} HelpCtx;

static void line(const char *keys, const char *what, void *arg)
{
	HelpCtx *h = arg;
	int y = h->row - h->first + 2;

	if (h->row >= h->first && h->row < h->last) {
		grid_str(h->g, 4, y, keys, STYLE_KEY);
		grid_text(h->g, 22, y, what, strlen(what), h->g->w - 23, STYLE_NORMAL);
	}
	h->row++;
}

/* A heading row between groups of keys. */
static void heading(const char *text, void *arg)
{
	HelpCtx *h = arg;
	int y = h->row - h->first + 2;

	if (h->row >= h->first && h->row < h->last)
		grid_text(h->g, 2, y, text, strlen(text), h->g->w - 3, STYLE_BOLD);
	h->row++;
}

/* A text wrapped under the heading rows, indented like the keys. */
static void para(const char *text, HelpCtx *h)
{
	WrapLine lines[64];
	int width = h->g->w - 6, n, k;

	n = wrap_text(text, strlen(text), width > 20 ? width : 20, lines, 64);
	for (k = 0; k < n && k < 64; k++) {
		int y = h->row - h->first + 2;
		if (h->row >= h->first && h->row < h->last)
			grid_text(h->g, 4, y, text + lines[k].start, lines[k].len, h->g->w - 5,
				  STYLE_NORMAL);
		h->row++;
	}
}

/* What the focused widget is and what to try with it (its text alternative, which a
 * lesson writes for that, so a control that fills the screen keeps its instructions
 * one key away), then its keys, under a heading, then a heading for the lesson's. */
static void control_lines(const Instance *in, KeyContext ctx, bool unicode, HelpCtx *h)
{
	const char *pairs[48];
	char scratch[512], head[128];
	int n = instance_keys(in, unicode, pairs, 48, scratch, sizeof scratch), i;
	const char *name = in->kind ? in->kind->schema.name : _("quiz");

	if (in->block && in->block->kind == BLOCK_WIDGET && in->block->widget.alt &&
	    *in->block->widget.alt) {
		snprintf(head, sizeof head, _("The focused %s:"), name);
		heading(head, h);
		para(in->block->widget.alt, h);
		h->row++; /* a blank row before the keys */
	}

	if (ctx == KCTX_REVIEW)
		snprintf(head, sizeof head, "%s", _("The question takes every key but Esc and ?:"));
	else
		snprintf(head, sizeof head, _("The focused %s takes every key but Tab, Esc and ?:"),
			 name);
	heading(head, h);
	for (i = 0; i + 1 < n; i += 2)
		line(pairs[i], pairs[i + 1], h);
	heading(ctx == KCTX_REVIEW ? _("The review's keys:") : _("The player's keys:"), h);
}

static void entries(KeyContext ctx, const Instance *in, bool unicode, HelpCtx *h)
{
	if (in)
		control_lines(in, ctx, unicode, h);
	keymap_each(ctx, line, h);
	if (in && ctx != KCTX_REVIEW) { /* what works again once the control is left (Esc) */
		heading(_("Once no control has the focus:"), h);
		keymap_each(KCTX_LESSON, line, h);
	}
}

void help_draw(Grid *g, KeyContext ctx, const Instance *in, bool unicode, int *scroll)
{
	HelpCtx h;
	int rows = g->h - 4; /* title, blank, ..., footer */

	if (rows < 1)
		rows = 1;
	h.g = g;
	h.row = 0;
	h.first = 0;
	h.last = 0;
	entries(ctx, in, unicode, &h); /* count the entries */
	if (*scroll > h.row - rows)
		*scroll = h.row - rows;
	if (*scroll < 0)
		*scroll = 0;
	grid_clear(g, STYLE_NORMAL);
	grid_str(g, 2, 0, _("Keys"), STYLE_TITLE);
	h.row = 0;
	h.first = *scroll;
	h.last = *scroll + rows;
	entries(ctx, in, unicode, &h);
	frame_footer(g, KCTX_HELP);
}
