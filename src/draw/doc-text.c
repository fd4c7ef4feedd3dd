/* doc-text.c: the lesson layout's text: growing the tall grid row by row, styled
 * runs of text (with ASCII stand-ins for symbols), and wrapping them into the column.
 * Must not include curses. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/translit.h"
#include "base/utf8.h"
#include "draw/doc-ctx.h"
#include "draw/wrap.h"

const char *doc_glyph(const Ctx *c, const char *uni, const char *ascii)
{
	return c->o->caps.unicode ? uni : ascii;
}

/* Makes room for rows y..y+n-1, tagging them with the current unit and block. */
int doc_ensure(Ctx *c, int n)
{
	DocLayout *d = c->d;
	int need = c->y + n, i;

	if (c->fail)
		return -1;
	if ((size_t)need > c->rows_cap) {
		size_t cap = c->rows_cap ? c->rows_cap : 64, w = (size_t)d->g.w;
		Cell *cells;
		int *ru, *rb;
		while (cap < (size_t)need)
			cap *= 2;
		cells = realloc(d->g.cells, cap * w * sizeof *cells);
		if (cells)
			d->g.cells = cells;
		ru = realloc(d->row_unit, cap * sizeof *ru);
		if (ru)
			d->row_unit = ru;
		rb = realloc(d->row_block, cap * sizeof *rb);
		if (rb)
			d->row_block = rb;
		if (!cells || !ru || !rb) {
			c->fail = 1;
			return -1;
		}
		c->rows_cap = cap;
	}
	for (i = d->g.h; i < need; i++) {
		size_t x;
		for (x = 0; x < (size_t)d->g.w; x++) {
			Cell *cell = &d->g.cells[(size_t)i * (size_t)d->g.w + x];
			cell->ch = ' ';
			cell->style = STYLE_NORMAL;
			cell->fg = cell->bg = COLOUR_NONE;
		}
		d->row_unit[i] = c->unit;
		d->row_block[i] = c->block;
	}
	if (need > d->g.h)
		d->g.h = need;
	return 0;
}

int doc_row(Ctx *c)
{
	if (doc_ensure(c, 1) != 0)
		return -1;
	return c->y++;
}

void doc_blank(Ctx *c)
{
	doc_row(c);
}

static void styled_add_raw(Ctx *c, const char *s, size_t n, Style st);

/* Appends n bytes of text in style st; without Unicode, symbols become their ASCII
 * stand-ins (σ as sigma, × as x, ₁ as _1) before wrapping, so widths stay right. */
void doc_styled_add(Ctx *c, const char *s, size_t n, Style st)
{
	size_t i = 0, run = 0;

	if (c->o->caps.unicode) {
		styled_add_raw(c, s, n, st);
		return;
	}
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(&cp, s + i, n - i);
		if (cp < 0x80) {
			i += len;
			continue;
		}
		styled_add_raw(c, s + run, i - run, st);
		if (utf8_cp_width(cp) > 0) {
			const char *a = translit_ascii(cp);
			char next = i + len < n ? s[i + len] : ' ';
			styled_add_raw(c, a ? a : "?", a ? strlen(a) : 1, st);
			/* A subscript or superscript spelled out (_i, ^2) runs into the letter
			 * after it ("w_ix_i"): a space keeps the terms apart ("w_i x_i"). */
			if (a && (a[0] == '_' || a[0] == '^') &&
			    ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
			     (next >= '0' && next <= '9')))
				styled_add_raw(c, " ", 1, st);
		}
		i += len;
		run = i;
	}
	styled_add_raw(c, s + run, n - run, st);
}

static void styled_add_raw(Ctx *c, const char *s, size_t n, Style st)
{
	Styled *t = &c->t;

	if (t->n + n + 1 > t->cap) {
		size_t cap = (t->n + n + 1) * 2;
		char *ns = realloc(t->s, cap);
		uint8_t *nst;
		if (ns)
			t->s = ns;
		nst = realloc(t->st, cap);
		if (nst)
			t->st = nst;
		if (!ns || !nst) {
			c->fail = 1;
			return;
		}
		t->cap = cap;
	}
	memcpy(t->s + t->n, s, n);
	memset(t->st + t->n, st, n);
	t->n += n;
	t->s[t->n] = '\0';
}

void doc_styled_text(Ctx *c, const Text *text, Style base)
{
	size_t i;

	for (i = 0; i < text->n; i++) {
		const Span *sp = &text->spans[i];
		Style st = base;
		if (sp->kind == SPAN_EMPH || sp->kind == SPAN_TERM)
			st = STYLE_BOLD;
		else if (sp->kind == SPAN_CODE)
			st = STYLE_ACCENT;
		else if (sp->kind == SPAN_KEY)
			st = STYLE_KEY;
		doc_styled_add(c, sp->text, sp->len, st);
	}
}

/* Wraps the scratch text into the column at x, w wide, after an optional prefix that
 * takes `hang` columns on the first row (later rows are indented as much). */
void doc_emit(Ctx *c, int x, int w, const char *prefix, Style prefix_style, int hang)
{
	int n, i, tw = w - hang > 8 ? w - hang : 8;
	WrapLine *lines;

	if (c->fail)
		return;
	n = wrap_text(c->t.s ? c->t.s : "", c->t.n, tw, NULL, 0);
	lines = malloc((size_t)(n > 0 ? n : 1) * sizeof *lines);
	if (!lines) {
		c->fail = 1;
		return;
	}
	wrap_text(c->t.s ? c->t.s : "", c->t.n, tw, lines, n);
	for (i = 0; i < n; i++) {
		int y = doc_row(c), cx = x + hang;
		size_t b = lines[i].start, end = b + lines[i].len;
		if (y < 0)
			break;
		if (i == 0 && prefix)
			grid_str(&c->d->g, x, y, prefix, prefix_style);
		while (b < end) {
			uint32_t cp;
			size_t len = utf8_decode(&cp, c->t.s + b, end - b);
			cx += grid_put(&c->d->g, cx, y, cp, (Style)c->t.st[b]);
			b += len;
		}
	}
	free(lines);
	c->t.n = 0;
}

/* A text in one style with an optional prefix: the common case. */
void doc_emit_text(Ctx *c, const Text *t, Style st, int x, int w, const char *prefix,
		      Style prefix_style, int hang)
{
	c->t.n = 0;
	doc_styled_text(c, t, st);
	doc_emit(c, x, w, prefix, prefix_style, hang);
}

void doc_emit_str(Ctx *c, const char *s, Style st, int x, int w)
{
	c->t.n = 0;
	doc_styled_add(c, s, strlen(s), st);
	doc_emit(c, x, w, NULL, STYLE_NORMAL, 0);
}
