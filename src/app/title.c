/* title.c: the title screen: a small network picture, the name and the keys.
 * Must not touch the terminal or hold state: it redraws from nothing at any size. */
#include <config.h>

#include <string.h>

#include "app/frame.h"
#include "app/title.h"
#include "draw/wrap.h"
#include "nls.h"

/* A 2-2-1 network; both pictures have the same shape and width. */
static const char *const art_unicode[] = {
	"○───○  ",
	" ╲ ╱ ╲ ",
	"  ╳   ○",
	" ╱ ╲ ╱ ",
	"○───○  ",
};
static const char *const art_ascii[] = {
	"o---o  ",
	" \\ / \\ ",
	"  X   o",
	" / \\ / ",
	"o---o  ",
};
#define ART_ROWS 5
#define ART_COLS 7

void title_draw(Grid *g, Caps caps)
{
	const char *const *art = caps.unicode ? art_unicode : art_ascii;
	const char *name = "N E U R O N A U T S";
	const char *tagline = _("Deep learning from one neuron to Transformers, in your terminal.");
	const char *hint = _("Press Enter to begin, or q to quit.");
	WrapLine tag[4];
	int text_w = g->w > 4 ? g->w - 4 : g->w;
	int tag_rows = wrap_text(tagline, strlen(tagline), text_w, tag, 4);
	int text_rows, with_art, rows, y, i;

	if (tag_rows > 4)
		tag_rows = 4;
	text_rows = 4 + tag_rows; /* name, tagline, blank, hint, and a blank above them */
	with_art = g->h >= ART_ROWS + text_rows + 2;
	rows = text_rows + (with_art ? ART_ROWS : 0);
	y = (g->h - 1 - rows) / 2;

	grid_clear(g, STYLE_NORMAL);
	if (y < 0)
		y = 0;
	if (with_art) {
		int x = (g->w - ART_COLS) / 2;
		for (i = 0; i < ART_ROWS; i++)
			grid_str(g, x < 0 ? 0 : x, y++, art[i], STYLE_ACCENT);
		y++;
	}
	grid_str_centred(g, y++, name, STYLE_TITLE);
	for (i = 0; i < tag_rows; i++)
		grid_text(g, (g->w - tag[i].width) / 2, y++, tagline + tag[i].start, tag[i].len,
			  tag[i].width, STYLE_NORMAL);
	y++;
	grid_str_centred(g, y, hint, STYLE_DIM);

	frame_footer(g, KCTX_TITLE);
}
