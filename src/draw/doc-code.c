/* doc-code.c: the lesson layout of a @code block: its language, its lines verbatim in
 * one column (never wrapped: a line too long for the screen is cut, and a marker in
 * its last column says so; --plain breaks it instead, so no code is lost), and each
 * line's note beside it when there is room, else under it. Must not include curses. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/doc-ctx.h"
#include "nls.h"

enum {
	CODE_TAB = 4,  /* a tab moves to the next multiple of this many columns */
	NOTE_MIN = 20  /* notes go beside their lines when they get this many columns */
};

/* The scratch text's display width. */
static int shown_width(const Ctx *c)
{
	return c->t.s ? utf8_width(c->t.s, c->t.n) : 0;
}

/* Makes the scratch text the line as shown: tabs expanded, symbols spelled in ASCII
 * without Unicode. */
static void code_text(Ctx *c, const char *s, Style st)
{
	size_t i, run = 0;

	c->t.n = 0;
	for (i = 0; s[i]; i++) {
		int col, k;
		if (s[i] != '\t')
			continue;
		doc_styled_add(c, s + run, i - run, st);
		col = shown_width(c);
		for (k = CODE_TAB - col % CODE_TAB; k > 0; k--)
			doc_styled_add(c, " ", 1, st);
		run = i + 1;
	}
	doc_styled_add(c, s + run, i - run, st);
}

/* Puts the scratch text's bytes [*b, end of text) at (x, y), no wider than w columns;
 * advances *b past what was put. */
static void put_run(Ctx *c, size_t *b, int x, int y, int w)
{
	int cx = x;

	while (*b < c->t.n) {
		uint32_t cp;
		size_t len = utf8_decode(&cp, c->t.s + *b, c->t.n - *b);
		if (cx - x + utf8_cp_width(cp) > w)
			break;
		cx += grid_put(&c->d->g, cx, y, cp, (Style)c->t.st[*b]);
		*b += len;
	}
}

/* Puts the scratch text on row y at x, w columns wide: a longer text is cut and its
 * last column shows a marker. */
static void put_cut(Ctx *c, int x, int y, int w)
{
	size_t b = 0;
	bool cut = shown_width(c) > w;

	if (w < 1)
		return;
	put_run(c, &b, x, y, cut ? w - 1 : w);
	if (cut)
		grid_str(&c->d->g, x + w - 1, y, doc_glyph(c, "→", ">"), STYLE_DIM);
}

/* --plain: puts the scratch text from row y at x, w columns wide, going on over as
 * many rows as it needs, each after a marker. */
static void put_broken(Ctx *c, int x, int y, int w)
{
	const char *more = doc_glyph(c, "↪ ", "+ ");
	int mw = utf8_width(more, strlen(more));
	size_t b = 0;

	put_run(c, &b, x, y, w);
	while (b < c->t.n && w > mw && (y = doc_row(c)) >= 0) {
		size_t before = b;
		grid_str(&c->d->g, x, y, more, STYLE_DIM);
		put_run(c, &b, x + mw, y, w - mw);
		if (b == before)
			break; /* a character wider than the room: nothing more fits */
	}
}

/* The blanks at the start of the scratch text, in columns. */
static int indent_of(const Ctx *c)
{
	size_t i = 0;

	while (i < c->t.n && c->t.s[i] == ' ')
		i++;
	return (int)i;
}

void doc_code(Ctx *c, const Code *k, int x, int w)
{
	bool plain = c->o->plain, beside;
	int cw = w - 2, nw = 0, nx, y, y0;
	size_t i;
	char label[96];

	if (plain) {
		snprintf(label, sizeof label, _("Code (%s):"), k->lang);
		doc_emit_str(c, label, STYLE_DIM, x, w);
	} else {
		doc_emit_str(c, k->lang, STYLE_DIM, x, w);
	}
	for (i = 0; i < k->nlines; i++) {
		if (!k->lines[i].note.n)
			continue;
		code_text(c, k->lines[i].text, STYLE_ACCENT);
		if (shown_width(c) > nw)
			nw = shown_width(c);
	}
	/* Beside: the code, two blanks, "← " and at least NOTE_MIN columns of note. */
	nx = 2 + nw + 2;
	beside = !plain && nw > 0 && nx + 2 + NOTE_MIN <= w;
	for (i = 0; i < k->nlines && !c->fail; i++) {
		const CodeLine *l = &k->lines[i];
		int ind;
		if ((y0 = doc_row(c)) < 0)
			return;
		code_text(c, l->text, STYLE_ACCENT);
		ind = indent_of(c);
		if (plain)
			put_broken(c, x + 2, y0, cw);
		else
			put_cut(c, x + 2, y0, cw);
		if (l->note.n && beside) {
			int end = c->y;
			c->y = y0;
			doc_emit_text(c, &l->note, STYLE_NORMAL, x + nx, w - nx, doc_glyph(c, "←", "<-"),
				      STYLE_DIM, c->o->caps.unicode ? 2 : 3);
			if (c->y < end)
				c->y = end;
		} else if (l->note.n) {
			if (ind > cw / 2)
				ind = cw / 2;
			doc_emit_text(c, &l->note, STYLE_NORMAL, x + 2 + ind, cw - ind,
				      doc_glyph(c, "↳", "^"), STYLE_DIM, 2);
		}
		for (y = y0; y < c->y && !plain; y++)
			grid_str(&c->d->g, x, y, doc_glyph(c, "│", "|"), STYLE_DIM);
	}
}
