/* bars.c: labelled bar charts across and upright, signed around a zero line.
 * Must not include curses; widths come from base/utf8. */
#include <config.h>

#include <string.h>

#include "base/utf8.h"
#include "draw/axes.h"
#include "draw/bars.h"

typedef struct {
	double lo, hi; /* the scale */
	double nbase;  /* where negative bars start: min(hi, 0) */
	double pbase;  /* where positive bars start: max(lo, 0) */
	int neg, pos;  /* cells on each side of the zero line */
	bool zero;     /* a zero line between them */
} Scale;

static void scale_for(Scale *s, const BarItem *items, int n, const BarOpts *o, int cells)
{
	int i;

	s->lo = o->lo;
	s->hi = o->hi;
	if (isnan(s->lo) || isnan(s->hi)) {
		double a = 0, b = 0;
		for (i = 0; i < n; i++)
			if (isfinite(items[i].value)) {
				a = fmin(a, items[i].value);
				b = fmax(b, items[i].value);
			}
		if (isnan(s->lo))
			s->lo = a;
		if (isnan(s->hi))
			s->hi = b;
	}
	if (!isfinite(s->lo) || !isfinite(s->hi) || s->hi < s->lo)
		s->lo = 0, s->hi = 1;
	if (s->hi == s->lo)
		s->hi = s->lo + 1;
	s->nbase = fmin(s->hi, 0);
	s->pbase = fmax(s->lo, 0);
	s->zero = s->lo < 0 && s->hi > 0 && cells >= 3;
	if (s->zero) {
		s->neg = (int)floor((cells - 1) * -s->lo / (s->hi - s->lo) + 0.5);
		s->pos = cells - 1 - s->neg;
	} else if (s->hi <= 0) {
		s->neg = cells;
		s->pos = 0;
	} else {
		s->neg = 0;
		s->pos = cells;
	}
}

/* Whether v's bar goes the negative way (left, or down). */
static bool negative(const Scale *s, double v)
{
	return v < 0 && s->neg > 0;
}

/* The length of v's bar in 1/`parts` of a cell. */
static int length(const Scale *s, double v, int parts)
{
	double f;

	if (!isfinite(v))
		return 0;
	if (negative(s, v))
		f = (s->nbase - fmax(v, s->lo)) / (s->nbase - s->lo) * s->neg;
	else if (s->pos > 0 && s->hi > s->pbase)
		f = (fmin(v, s->hi) - s->pbase) / (s->hi - s->pbase) * s->pos;
	else
		return 0;
	return f > 0 ? (int)floor(f * parts + 0.5) : 0;
}

static Colour colour_of(const BarItem *it)
{
	if (it->colour != COLOUR_NONE)
		return it->colour;
	return it->value < 0 ? COLOUR_CLASS0 : COLOUR_CLASS1;
}

static int label_width(const BarItem *items, int n)
{
	int i, w = 0;

	for (i = 0; i < n; i++) {
		int lw = items[i].label ? utf8_width(items[i].label, strlen(items[i].label)) : 0;
		w = lw > w ? lw : w;
	}
	return w;
}

static int value_text(char *buf, size_t size, const BarItem *it, const BarOpts *o)
{
	return o->digits > 0 ? axes_number(buf, size, it->value, o->digits) : 0;
}

/* A negative bar's cells: a shade ('▒', ASCII '-'), never the solid blocks ('█', '#')
 * of a positive one, so the sign reads without colour even where no zero line tells
 * the direction (a lone bar, bars all of one sign). */
static uint32_t neg_glyph(Caps caps)
{
	return caps.unicode ? 0x2592 : '-';
}

static void put(Grid *g, int x, int y, uint32_t ch, Colour c)
{
	grid_put_colour(g, x, y, ch, STYLE_NORMAL, c, COLOUR_NONE);
}

static int across(Grid *g, int x, int y, int w, int h, const BarItem *items, int n,
		  const BarOpts *o, Caps caps)
{
	char buf[AXES_LABEL_MAX];
	int lw = label_width(items, n), vw = 0, bw, i, shown = n < h ? n : h;
	Scale s;

	for (i = 0; i < n; i++) {
		int k = value_text(buf, sizeof buf, &items[i], o);
		vw = k > vw ? k : vw;
	}
	if (lw > w / 3)
		lw = w / 3;
	bw = w - (lw ? lw + 1 : 0) - (vw ? vw + 1 : 0);
	if (bw < 3) {
		vw = 0;
		bw = w - (lw ? lw + 1 : 0);
	}
	if (bw < 3) {
		lw = 0;
		bw = w;
	}
	scale_for(&s, items, n, o, bw);
	for (i = 0; i < shown; i++) {
		const BarItem *it = &items[i];
		int bx = x + (lw ? lw + 1 : 0), zx = bx + s.neg, e, c, row = y + i;
		Style st = i == o->highlight ? STYLE_BOLD : STYLE_NORMAL;

		if (lw && it->label) {
			int tw = utf8_width(it->label, strlen(it->label));
			grid_text(g, x + lw - (tw < lw ? tw : lw), row, it->label,
				  strlen(it->label), lw, st);
		}
		if (s.zero)
			grid_put(g, zx, row, caps.unicode ? 0x2502 : '|', STYLE_DIM);
		if (negative(&s, it->value)) {
			for (c = 1, e = length(&s, it->value, 1); e > 0; c++, e--)
				put(g, zx - c, row, neg_glyph(caps), colour_of(it));
		} else {
			int parts = caps.unicode ? 8 : 1;
			for (c = s.zero, e = length(&s, it->value, parts); e > 0; c++, e -= parts)
				put(g, zx + c, row,
				    !caps.unicode ? '#'
				    : e >= 8      ? 0x2588
						  : 0x2590 - (uint32_t)e,
				    colour_of(it));
		}
		if (vw) {
			int k = value_text(buf, sizeof buf, it, o);
			grid_text(g, x + w - k, row, buf, (size_t)k, vw, st);
		}
	}
	return shown;
}

static int upright(Grid *g, int x, int y, int w, int h, const BarItem *items, int n,
		   const BarOpts *o, Caps caps)
{
	char buf[AXES_LABEL_MAX];
	int top = o->digits > 0 ? 1 : 0, bh = h - top - 1, cw, bw, i, shown;
	Scale s;

	if (n <= 0 || w <= 0)
		return 0;
	if (bh < 2) {
		top = 0;
		bh = h - 1;
	}
	shown = n < w ? n : w;
	cw = w / shown;
	bw = cw >= 3 ? cw - 1 : cw;
	scale_for(&s, items, n, o, bh);
	/* Upright, "negative" cells lie below the zero row and "positive" ones above it. */
	for (i = 0; i < shown; i++) {
		const BarItem *it = &items[i];
		int cx = x + i * cw, zrow = y + top + s.pos, e, c, r;
		Style st = i == o->highlight ? STYLE_BOLD : STYLE_NORMAL;

		for (c = 0; c < bw && s.zero; c++)
			grid_put(g, cx + c, zrow, caps.unicode ? 0x2500 : '-', STYLE_DIM);
		if (negative(&s, it->value)) {
			for (r = 0, e = length(&s, it->value, 1); e > 0; r++, e--)
				for (c = 0; c < bw; c++)
					put(g, cx + c, zrow + s.zero + r, neg_glyph(caps),
					    colour_of(it));
		} else {
			int parts = caps.unicode ? 8 : 1, base = zrow - 1;
			for (r = 0, e = length(&s, it->value, parts); e > 0; r++, e -= parts)
				for (c = 0; c < bw; c++)
					put(g, cx + c, base - r,
					    !caps.unicode ? '#'
					    : e >= 8      ? 0x2588
							  : 0x2580 + (uint32_t)e,
					    colour_of(it));
		}
		if (top) {
			int k = value_text(buf, sizeof buf, it, o),
			    vx = k < cw ? cx + (bw - k) / 2 : cx;
			grid_text(g, vx < cx ? cx : vx, y, buf, (size_t)k, cw, st);
		}
		if (it->label) {
			int tw = utf8_width(it->label, strlen(it->label)), lx = cx + (bw - tw) / 2;
			grid_text(g, lx < cx ? cx : lx, y + h - 1, it->label, strlen(it->label),
				  cw > 1 && cw > bw ? cw - 1 : cw, st);
		}
	}
	return shown;
}

int bars_draw(Grid *g, int x, int y, int w, int h, const BarItem *items, int n, const BarOpts *o,
	      Caps caps)
{
	static const BarOpts def = BAR_OPTS_DEFAULT;

	if (!o)
		o = &def;
	if (!items || n <= 0 || w <= 0 || h <= 0)
		return 0;
	return o->vertical ? upright(g, x, y, w, h, items, n, o, caps)
			   : across(g, x, y, w, h, items, n, o, caps);
}
