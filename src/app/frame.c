/* frame.c: the footer, the status line, the too-small screen and the frames' pace.
 * Must not touch the terminal or keep state. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/frame.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"

void frame_footer(Grid *g, KeyContext ctx)
{
	char buf[512];
	int x, y = g->h - 1;

	if (g->h < 1)
		return;
	for (x = 0; x < g->w; x++)
		grid_put(g, x, y, ' ', STYLE_BAR);
	keymap_footer(ctx, g->w - 2, buf, sizeof buf);
	grid_str(g, 1, y, buf, STYLE_BAR);
}

void frame_footer_pairs(Grid *g, KeyContext ctx, const char *const *pairs, int n)
{
	char buf[512], own[512];
	int x, y = g->h - 1, i, room, used = 0;
	size_t len = 0;

	if (g->h < 1)
		return;
	for (x = 0; x < g->w; x++)
		grid_put(g, x, y, ' ', STYLE_BAR);
	keymap_footer(ctx, g->w - 2, buf, sizeof buf);
	room = g->w - 4 - utf8_width(buf, strlen(buf));
	own[0] = '\0';
	for (i = 0; i + 1 < n; i += 2) {
		char item[160];
		int w;
		snprintf(item, sizeof item, "%s%s %s", len ? "  " : "", pairs[i], pairs[i + 1]);
		w = utf8_width(item, strlen(item));
		if (used + w > room)
			continue;
		len = str_addf(own, sizeof own, len, "%s", item);
		used += w;
	}
	grid_str(g, 1, y, own, STYLE_BAR);
	grid_str(g, g->w - 1 - utf8_width(buf, strlen(buf)), y, buf, STYLE_BAR);
}

void frame_prompt(Grid *g, const char *prefix, const char *text, int *cx, int *cy)
{
	int x;

	if (g->h < 1)
		return;
	for (x = 0; x < g->w; x++)
		grid_put(g, x, g->h - 1, ' ', STYLE_BAR);
	x = grid_str(g, 0, g->h - 1, prefix, STYLE_BAR);
	x += grid_str(g, x, g->h - 1, text, STYLE_BAR);
	*cx = x < g->w ? x : g->w - 1;
	*cy = g->h - 1;
}

void frame_status(Grid *g, const char *msg, Style st)
{
	WrapLine lines[3];
	int n, i, x;

	if (!msg || !*msg || g->h < 2)
		return;
	n = wrap_text(msg, strlen(msg), g->w - 2, lines, 3);
	if (n > 3)
		n = 3;
	if (n > g->h - 1)
		n = g->h - 1;
	for (i = 0; i < n; i++) {
		int y = g->h - 1 - n + i;
		for (x = 0; x < g->w; x++)
			grid_put(g, x, y, ' ', st);
		grid_text(g, 1, y, msg + lines[i].start, lines[i].len, lines[i].width, st);
	}
}

int frame_wait_ms(double start, double now, int frame_ms)
{
	double left = start + frame_ms / 1000.0 - now;

	if (start <= 0 || left <= 0)
		return 0;
	if (left >= frame_ms / 1000.0)
		return frame_ms;
	return (int)ceil(left * 1000 - 1e-9);
}

double frame_next(double prev, double now, int frame_ms)
{
	double s = prev + frame_ms / 1000.0;

	return prev > 0 && s <= now && now - s < frame_ms / 1000.0 ? s : now;
}

int frame_too_small(const Grid *g)
{
	return g->w < FRAME_MIN_W || g->h < FRAME_MIN_H;
}

void frame_draw_too_small(Grid *g)
{
	char msg[256];
	WrapLine lines[8];
	int n, i, y;

	grid_clear(g, STYLE_NORMAL);
	snprintf(msg, sizeof msg, _("Please enlarge the terminal to at least %dx%d (it is %dx%d now)."),
		 FRAME_MIN_W, FRAME_MIN_H, g->w, g->h);
	n = wrap_text(msg, strlen(msg), g->w > 24 ? g->w - 8 : g->w, lines, 8);
	if (n > 8)
		n = 8;
	if (n > g->h)
		n = g->h; /* show the beginning of the request rather than its middle */
	y = (g->h - n) / 2;
	for (i = 0; i < n; i++, y++)
		grid_text(g, (g->w - lines[i].width) / 2, y, msg + lines[i].start, lines[i].len,
			  lines[i].width, STYLE_WARN);
}
