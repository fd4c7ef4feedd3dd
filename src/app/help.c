/* help.c: the help screen: a title, then "keys  what they do" for every binding of the
 * context the learner came from. Must not touch the terminal. */
#include <config.h>

#include <string.h>

#include "app/frame.h"
#include "app/help.h"
#include "base/utf8.h"
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

void help_draw(Grid *g, KeyContext ctx, int *scroll)
{
	HelpCtx h;
	int rows = g->h - 4; /* title, blank, ..., footer */

	if (rows < 1)
		rows = 1;
	h.g = g;
	h.row = 0;
	h.first = 0;
	h.last = 0;
	keymap_each(ctx, line, &h); /* count the entries */
	if (*scroll > h.row - rows)
		*scroll = h.row - rows;
	if (*scroll < 0)
		*scroll = 0;
	grid_clear(g, STYLE_NORMAL);
	grid_str(g, 2, 0, _("Keys"), STYLE_TITLE);
	h.row = 0;
	h.first = *scroll;
	h.last = *scroll + rows;
	keymap_each(ctx, line, &h);
	frame_footer(g, KCTX_HELP);
}
