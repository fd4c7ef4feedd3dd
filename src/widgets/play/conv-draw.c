/* conv-draw.c: drawing the convolution game: the round's goal, the image with the
 * window outlined, the kernel with its weight under the cursor, the window's nine
 * products and their sum, the map filled up to the window, and what the last check
 * found. Side by side when they fit, else the map below. Must not change state. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/heat.h"
#include "widgets/core/mpanel.h"
#include "widgets/core/visual.h"
#include "widgets/play/conv.h"

enum { CONV_LINES = 6 /* wrapped lines of the goal or the news at most */ };

/* Where everything goes at a width. */
typedef struct {
	MPanel kern, prod, map;
	double prod_v[9];
	int icw, iw, mw, ow; /* the image's cell width; the widths of the three columns */
	bool wide;           /* the map beside the others, else below them */
	int rows;            /* rows of the image and the kernel's column */
	char head[256], news[512], sum[64];
} ConvLayout;

static int width_of(const char *s)
{
	return utf8_width(s, strlen(s));
}

static void texts(const Conv *s, ConvLayout *l)
{
	char num[32], thr[32];
	int n = snprintf(l->news, sizeof l->news, "%s: %s.  %s %d/%d.  ", _("Kernel"),
			 s->preset >= 0 ? _(conv_preset_names[s->preset]) : _("your own"),
			 _("Window"), s->pos + 1, s->m * s->m);

	visual_num(thr, sizeof thr, s->threshold, 2);
	if (s->won)
		snprintf(l->head, sizeof l->head, _("All %d rounds won."), CONV_ROUNDS);
	else
		snprintf(l->head, sizeof l->head, _("Round %d/%d: %s (lit: %s or more)."),
			 s->round + 1, CONV_ROUNDS, _(conv_goals[s->round]), thr);
	switch (s->fb) {
	case CONV_FB_HIT:
		snprintf(l->news + n, sizeof l->news - (size_t)n, _("Round %d won!"), s->round);
		break;
	case CONV_FB_MISS:
		snprintf(l->news + n, sizeof l->news - (size_t)n,
			 _("Not yet: %d edge cells below %s, %d other cells lit."), s->missed, thr,
			 s->stray);
		break;
	case CONV_FB_NOEDGE:
		snprintf(l->news + n, sizeof l->news - (size_t)n,
			 _("The image has no such edge: paint one, or press r."));
		break;
	case CONV_FB_WON:
		snprintf(l->news + n, sizeof l->news - (size_t)n, _("Won in %d checks (best %d)."),
			 s->tries, s->best);
		break;
	default:
		snprintf(l->news + n, sizeof l->news - (size_t)n, _("Enter checks the map."));
	}
	visual_num(num, sizeof num, s->map[s->pos], 2);
	snprintf(l->sum, sizeof l->sum, "%s = %s", _("sum"), num);
}

static void layout(const Conv *s, int w, ConvLayout *l)
{
	int i = s->pos / s->m, j = s->pos % s->m, k;

	memset(l, 0, sizeof *l);
	texts(s, l);
	conv_products(s, l->prod_v);
	l->kern = (MPanel){.v = s->k, .rows = 3, .cols = 3, .shown = 9, .digits = 2, .wr = 1,
			   .wc = 1, .r0 = s->ky, .c0 = s->kx};
	l->prod = (MPanel){.v = l->prod_v, .rows = 3, .cols = 3, .shown = 9, .digits = 2};
	l->map = (MPanel){.v = s->map, .rows = s->m, .cols = s->m, .shown = s->pos + 1, .digits = 2,
			  .wr = 1, .wc = 1, .r0 = i, .c0 = j};
	l->mw = mpanel_fit(&l->kern);
	k = mpanel_fit(&l->prod);
	if (l->prod.cw > l->kern.cw) /* one width for both, so products sit under weights */
		l->kern.cw = l->prod.cw;
	else
		l->prod.cw = l->kern.cw;
	l->mw = k > l->mw ? k : l->mw;
	k = width_of(l->sum) + 1;
	l->mw = k > l->mw ? k : l->mw;
	k = width_of(_("products:")) + 1;
	l->mw = k > l->mw ? k : l->mw;
	l->ow = mpanel_fit(&l->map);
	l->rows = s->n > 8 ? s->n : 8;
	for (l->icw = 2; l->icw >= 1; l->icw--) {
		l->iw = s->n * (l->icw + 1) + 1;
		if ((l->wide = l->iw + 2 + l->mw + 2 + l->ow <= w))
			return;
	}
	l->icw = s->n * 3 + 1 + 2 + l->mw <= w ? 2 : 1;
	l->iw = s->n * (l->icw + 1) + 1;
}

static int lines_of(const char *t, int w)
{
	int n = wrap_text(t, strlen(t), w, NULL, 0);

	return n < CONV_LINES ? n : CONV_LINES;
}

int conv_height(const Instance *in, int width)
{
	const Conv *s = in->state;
	ConvLayout l;

	layout(s, width, &l);
	return lines_of(l.head, width) + 1 + l.rows + (l.wide ? 0 : 1 + s->m) +
	       lines_of(l.news, width);
}

static int draw_text(Grid *g, int x, int y, int w, const char *t, Style st)
{
	WrapLine lines[CONV_LINES];
	int n = wrap_text(t, strlen(t), w, lines, CONV_LINES), i;

	n = n < CONV_LINES ? n : CONV_LINES;
	for (i = 0; i < n; i++)
		grid_text(g, x, y + i, t + lines[i].start, lines[i].len, w, st);
	return n;
}

/* The image at (x, y): bright pixels full, dark ones dots; the window outlined. */
static void draw_image(const Conv *s, const ConvLayout *l, Grid *g, int x, int y, Caps caps)
{
	int r, c, k, i = s->pos / s->m, j = s->pos % s->m;

	for (r = 0; r < s->n; r++)
		for (c = 0; c < s->n; c++) {
			bool on = s->img[r * s->n + c] > 0.5;
			for (k = 0; k < l->icw; k++)
				grid_str(g, x + 1 + c * (l->icw + 1) + k, y + r,
					 on ? (caps.unicode ? "█" : "#") : (caps.unicode ? "·" : "."),
					 on ? STYLE_NORMAL : STYLE_DIM);
		}
	heat_outline(g, x + j * (l->icw + 1), x + (j + 3) * (l->icw + 1), y + i, 3, caps);
}

void conv_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx, int *cy)
{
	const Conv *s = in->state;
	ConvLayout l;
	int y = r.y, mx, ox, oy;

	layout(s, r.w, &l);
	y += draw_text(g, r.x, y, r.w, l.head, STYLE_BOLD);
	mx = r.x + l.iw + 2;
	ox = l.wide ? mx + l.mw + 2 : r.x;
	oy = l.wide ? y : y + 1 + l.rows;
	grid_str(g, r.x + 1, y, _("Image"), s->part == CONV_IMAGE ? STYLE_ACCENT : STYLE_DIM);
	grid_str(g, mx + 1, y, _("Kernel"), s->part == CONV_KERNEL ? STYLE_ACCENT : STYLE_DIM);
	grid_str(g, ox + 1, oy, _("Map"), STYLE_DIM);
	y++;
	draw_image(s, &l, g, r.x, y, caps);
	mpanel_draw(&l.kern, g, mx, y, caps);
	grid_str(g, mx + 1, y + 3, _("products:"), STYLE_DIM);
	mpanel_draw(&l.prod, g, mx, y + 4, caps);
	grid_str(g, mx + 1, y + 7, l.sum, STYLE_BOLD);
	mpanel_draw(&l.map, g, ox, oy + 1, caps);
	if (focused) {
		*cx = s->part == CONV_IMAGE ? r.x + 1 + s->cx * (l.icw + 1) : mpanel_cell_x(&l.kern, mx, s->kx);
		*cy = s->part == CONV_IMAGE ? y + s->cy : y + s->ky;
	}
	y = l.wide ? y + l.rows : oy + 1 + s->m;
	draw_text(g, r.x, y, r.w, l.news, s->fb == CONV_FB_MISS || s->fb == CONV_FB_NOEDGE ? STYLE_WARN
				   : s->fb == CONV_FB_NONE ? STYLE_NORMAL : STYLE_GOOD);
}
