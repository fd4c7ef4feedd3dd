/* plot.c: a chart's frame: the data extent, the layout of legend, titles, axes and
 * canvas, and drawing them; series styles. Must not include curses. Layers are in
 * plot-line.c, plot-field.c and plot-hist.c. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/plot.h"

void plot_init(Plot *p)
{
	memset(p, 0, sizeof *p);
	canvas_init(&p->cv);
	plot_begin(p);
}

void plot_free(Plot *p)
{
	canvas_free(&p->cv);
}

void plot_begin(Plot *p)
{
	p->dx0 = p->dy0 = p->dypos = INFINITY;
	p->dx1 = p->dy1 = -INFINITY;
	p->nlegend = 0;
}

void plot_fit(Plot *p, const double *x, const double *y, size_t n)
{
	size_t i;

	if (!y)
		return;
	for (i = 0; i < n; i++) {
		double xi = x ? x[i] : (double)i, yi = y[i];
		if (!isfinite(xi) || !isfinite(yi))
			continue;
		p->dx0 = xi < p->dx0 ? xi : p->dx0;
		p->dx1 = xi > p->dx1 ? xi : p->dx1;
		p->dy0 = yi < p->dy0 ? yi : p->dy0;
		p->dy1 = yi > p->dy1 ? yi : p->dy1;
		if (yi > 0 && yi < p->dypos)
			p->dypos = yi;
	}
}

void plot_legend(Plot *p, const char *name, Colour colour, uint32_t mark, uint8_t pattern)
{
	LegendItem *it;

	if (p->nlegend >= PLOT_MAX_LEGEND || !name || !*name)
		return;
	it = &p->legend[p->nlegend++];
	it->name = name;
	it->colour = colour;
	it->mark = mark;
	it->pattern = pattern;
}

Colour plot_colour(int k)
{
	return (Colour)(COLOUR_CLASS0 + (k < 0 ? 0 : k % 6));
}

uint8_t plot_pattern(int k, Caps caps)
{
	static const uint8_t mono[3] = {0xFF, 0x0F, 0x55};

	return caps.colours ? 0xFF : mono[(k < 0 ? 0 : k) % 3];
}

uint32_t plot_marker(int k, Caps caps)
{
	static const uint32_t uni[PLOT_MAX_CLASSES] = {0x25CF, 0x2716, 0x25B2,
						       0x25BC, 0x25A0, 0x25C6};
	static const char ascii[PLOT_MAX_CLASSES] = {'o', 'x', '^', 'v', '@', '%'};

	k = (k < 0 ? 0 : k) % PLOT_MAX_CLASSES;
	return caps.unicode ? uni[k] : (uint32_t)ascii[k];
}

/* The range of one axis: fixed ends from the options, the rest from the data. */
static void range(double fixed0, double fixed1, double d0, double d1, double *lo, double *hi,
		  unsigned *extend)
{
	*extend = 0;
	*lo = fixed0;
	*hi = fixed1;
	if (isnan(fixed0)) {
		*lo = d0 <= d1 ? d0 : NAN;
		*extend |= AXES_EXTEND_LO;
	}
	if (isnan(fixed1)) {
		*hi = d0 <= d1 ? d1 : NAN;
		*extend |= AXES_EXTEND_HI;
	}
}

static int text_width(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

/* Rows above the canvas: the y title, with the legend after it or below it. */
static int top_rows(Plot *p, int w)
{
	int tw = text_width(p->o.ytitle), lw = w - (tw ? tw + 2 : 0);

	if (!p->nlegend)
		return tw ? 1 : 0;
	if (lw >= 12)
		return legend_rows(p->legend, p->nlegend, lw, p->caps);
	return (tw ? 1 : 0) + legend_rows(p->legend, p->nlegend, w, p->caps);
}

int plot_layout(Plot *p, int x, int y, int w, int h, const PlotOpts *o, Caps caps, bool solid)
{
	static const PlotOpts def = PLOT_OPTS_DEFAULT;
	CanvasMode mode = canvas_mode(caps, solid);
	int sx = mode == CANVAS_BRAILLE ? 2 : 1, sy = mode == CANVAS_BRAILLE ? 4 : 2;
	int ch, cw = 0, pass;
	double xlo, xhi, ylo, yhi;
	unsigned xext, yext;

	p->o = o ? *o : def;
	p->caps = caps;
	p->x = x;
	p->y = y;
	p->w = w = w < 0 ? 0 : w;
	p->h = h = h < 0 ? 0 : h;
	p->xtitle_row = false;
	range(p->o.x0, p->o.x1, p->dx0, p->dx1, &xlo, &xhi, &xext);
	range(p->o.y0, p->o.y1, p->o.logy && !(p->dy0 > 0) ? p->dypos : p->dy0, p->dy1, &ylo, &yhi,
	      &yext);
	p->top = top_rows(p, w);
	if (p->top > h / 3)
		p->top = 0;
	ch = h - p->top;
	if (!p->o.axes || w < 10 || ch < 5) {
		p->o.axes = false;
		axes_fit(&p->ay, ylo, yhi, p->o.logy, yext, true, ch, sy);
		axes_fit(&p->ax, xlo, xhi, false, xext, false, w, sx);
		cw = w;
	} else {
		int xtw = text_width(p->o.xtitle);
		ch -= 2;
		for (pass = 0; pass < 2; pass++) {
			int last = p->ax.n - 1, end;
			axes_fit(&p->ay, ylo, yhi, p->o.logy, yext, true, ch, sy);
			cw = w - p->ay.width - 1;
			axes_fit(&p->ax, xlo, xhi, false, xext, false, cw, sx);
			if (!xtw || p->xtitle_row)
				break;
			last = p->ax.n - 1;
			end = last < 0 ? 0
				       : axes_label_x(&p->ax, last, 0, cw) +
					     (int)strlen(p->ax.label[last]);
			if (p->ay.width + 1 + end + 1 + xtw <= w)
				break;
			if (ch - 1 < 3) {
				p->o.xtitle = NULL;
				break;
			}
			p->xtitle_row = true;
			ch--;
		}
		x += p->ay.width + 1;
	}
	if (canvas_reshape(&p->cv, x, y + p->top, cw, ch, mode) != 0)
		return -1;
	canvas_view(&p->cv, p->ax.lo, p->ax.hi, p->ay.lo, p->ay.hi, p->o.logy);
	return 0;
}

void plot_draw(Plot *p, Grid *g)
{
	const Canvas *cv = &p->cv;
	int tw = text_width(p->o.ytitle);

	canvas_blit(cv, g, p->caps);
	if (p->o.axes && cv->w > 0) {
		axes_draw_y(g, p->x, cv->y, cv->h, &p->ay, p->caps);
		axes_draw_x(g, cv->x, cv->y + cv->h, cv->w, &p->ax, p->caps);
		if (p->o.xtitle) {
			int xtw = text_width(p->o.xtitle);
			int col = p->x + p->w - xtw, row = cv->y + cv->h + 1 + p->xtitle_row;
			grid_text(g, col < p->x ? p->x : col, row, p->o.xtitle, strlen(p->o.xtitle),
				  p->w, STYLE_DIM);
		}
	}
	if (p->top <= 0)
		return;
	if (tw)
		grid_text(g, p->x, p->y, p->o.ytitle, strlen(p->o.ytitle), p->w, STYLE_DIM);
	if (!p->nlegend)
		return;
	if (p->w - (tw ? tw + 2 : 0) >= 12)
		legend_draw(g, p->x + (tw ? tw + 2 : 0), p->y, p->w - (tw ? tw + 2 : 0), p->top,
			    p->legend, p->nlegend, p->caps);
	else
		legend_draw(g, p->x, p->y + (tw ? 1 : 0), p->w, p->top - (tw ? 1 : 0), p->legend,
			    p->nlegend, p->caps);
}
