/* doc.c: the lesson layout: units and their blocks (headings, paragraphs, lists,
 * formulas with their words and legend, callouts; code and @steps in their own
 * files), the whole-lesson entry point, and search. Must not include curses; everything is drawn
 * into our own grid. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/doc-ctx.h"
#include "nls.h"


static void list(Ctx *c, const Block *b, int x, int w)
{
	size_t i;
	char num[24];

	for (i = 0; i < b->list.n; i++) {
		if (b->kind == BLOCK_STEPS) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			doc_emit_text(c, &b->list.items[i], STYLE_NORMAL, x, w, num, STYLE_ACCENT,
				  (int)strlen(num) + 1);
		} else {
			doc_emit_text(c, &b->list.items[i], STYLE_NORMAL, x, w, doc_glyph(c, "•", "-"),
				  STYLE_ACCENT, 2);
		}
	}
}

static void formula(Ctx *c, const Formula *f, int x, int w)
{
	size_t i;
	int symw = 0;

	for (i = 0; i < f->nlines; i++)
		doc_emit_str(c, c->o->caps.unicode ? f->uni[i] : f->ascii[i], STYLE_ACCENT, x + 4,
			 w - 4);
	if (f->words.n) {
		doc_blank(c);
		c->t.n = 0;
		doc_styled_add(c, _("In words: "), strlen(_("In words: ")), STYLE_DIM);
		doc_styled_text(c, &f->words, STYLE_NORMAL);
		doc_emit(c, x + 2, w - 2, NULL, STYLE_NORMAL, 0);
	}
	for (i = 0; i < f->nlegend; i++) {
		const char *sym = c->o->caps.unicode ? f->legend[i].uni : f->legend[i].ascii;
		int sw = utf8_width(sym, strlen(sym));
		if (sw > symw)
			symw = sw;
	}
	if (symw > 14)
		symw = 14;
	for (i = 0; i < f->nlegend; i++) {
		const char *sym = c->o->caps.unicode ? f->legend[i].uni : f->legend[i].ascii;
		int y0 = c->y;
		doc_emit_text(c, &f->legend[i].meaning, STYLE_NORMAL, x + 4, w - 4, NULL, STYLE_NORMAL,
			  symw + 2);
		if (y0 < c->y)
			grid_text(&c->d->g, x + 4, y0, sym, strlen(sym), symw, STYLE_ACCENT);
	}
}

static const char *callout_label(CalloutKind k)
{
	switch (k) {
	case CALLOUT_EXPLAIN:
		return _("Explanation");
	case CALLOUT_EXAMPLE:
		return _("Worked example");
	case CALLOUT_TAKEAWAY:
		return _("Takeaway");
	case CALLOUT_BIGIDEA:
		return _("Big idea");
	case CALLOUT_RESEARCH:
		return _("Research");
	case CALLOUT_ANALOGY:
		return _("Analogy");
	}
	return "";
}

static Style callout_style(CalloutKind k)
{
	switch (k) {
	case CALLOUT_TAKEAWAY:
	case CALLOUT_BIGIDEA:
		return STYLE_GOOD;
	case CALLOUT_RESEARCH:
		return STYLE_ACCENT;
	case CALLOUT_EXAMPLE:
		return STYLE_WARN;
	default:
		return STYLE_TITLE;
	}
}

static void callout(Ctx *c, const Callout *co, int x, int w)
{
	int y0 = c->y, y;
	Style st = callout_style(co->kind);
	size_t i;
	char cite[512];

	c->t.n = 0;
	doc_styled_add(c, callout_label(co->kind), strlen(callout_label(co->kind)), st);
	if (co->title) {
		doc_styled_add(c, doc_glyph(c, " · ", " - "), strlen(doc_glyph(c, " · ", " - ")), st);
		doc_styled_add(c, co->title, strlen(co->title), STYLE_BOLD);
	}
	doc_emit(c, x + 2, w - 2, NULL, STYLE_NORMAL, 0);
	for (i = 0; i < co->nbody; i++) {
		doc_block(c, &co->body[i], x + 2, w - 2);
		if (i + 1 < co->nbody)
			doc_blank(c);
	}
	for (i = 0; i < co->ncites; i++) {
		snprintf(cite, sizeof cite, "%s %s, %s (%d)", doc_glyph(c, "—", "--"),
			 co->cites[i].authors, co->cites[i].title, co->cites[i].year);
		doc_emit_str(c, cite, STYLE_DIM, x + 2, w - 2);
	}
	for (y = y0; y < c->y && !c->o->plain; y++)
		grid_str(&c->d->g, x, y, doc_glyph(c, "▌", "|"), st);
}

void doc_block(Ctx *c, const Block *b, int x, int w)
{
	switch (b->kind) {
	case BLOCK_HEADING:
		doc_emit_text(c, &b->heading.text,
			  b->heading.level == 1 ? STYLE_TITLE
			  : b->heading.level == 2 ? STYLE_BOLD : STYLE_ACCENT,
			  x, w, NULL, STYLE_NORMAL, 0);
		break;
	case BLOCK_PARA:
		doc_emit_text(c, &b->para, STYLE_NORMAL, x, w, NULL, STYLE_NORMAL, 0);
		break;
	case BLOCK_LIST:
	case BLOCK_STEPS:
		list(c, b, x, w);
		break;
	case BLOCK_FORMULA:
		formula(c, &b->formula, x, w);
		break;
	case BLOCK_CALLOUT:
		callout(c, &b->callout, x, w);
		break;
	case BLOCK_WIDGET:
	case BLOCK_QUIZ:
		if (b->kind == BLOCK_WIDGET && !c->o->plain && !c->nested && c->o->slot_wide &&
		    c->o->slot_wide(c->o->ctx, b)) {
			int ww = c->d->g.w - 4 < DOC_MAX_WIDE ? c->d->g.w - 4 : DOC_MAX_WIDE;
			if (ww > w) { /* a wide slot, centred on the page */
				doc_slot(c, b, (c->d->g.w - ww) / 2, ww);
				break;
			}
		}
		doc_slot(c, b, x, w);
		break;
	case BLOCK_CODE:
		doc_code(c, &b->code, x, w);
		break;
	case BLOCK_STEPWISE:
		doc_steps(c, b, x, w);
		break;
	case BLOCK_PAGE: {
		int y = doc_row(c);
		if (y >= 0)
			grid_str_centred(&c->d->g, y, doc_glyph(c, "·  ·  ·", "*  *  *"), STYLE_DIM);
		break;
	}
	}
}

static void unit_header(Ctx *c, const LessonUnit *u, int x, int w)
{
	const char *title = NULL, *id = u->id ? u->id : ""; /* NULL: a bad id, reported */
	int minutes = 0, y, used, i;
	char right[32] = "";

	if (c->o->unit_title)
		title = c->o->unit_title(c->o->ctx, id, &minutes);
	if (!title)
		title = id;
	if (minutes > 0)
		snprintf(right, sizeof right, c->o->plain ? _(" (%d min)") : _(" %d min"), minutes);
	if (c->o->plain) { /* no rules for screen readers: the title and its minutes */
		char line[512];
		snprintf(line, sizeof line, "%s%s", title, right);
		doc_emit_str(c, line, STYLE_TITLE, x, w);
		return;
	}
	y = doc_row(c);
	if (y < 0)
		return;
	used = grid_str(&c->d->g, x, y, doc_glyph(c, "━━ ", "== "), STYLE_ACCENT);
	used += grid_text(&c->d->g, x + used, y, title, strlen(title),
			  w - used - 1 - utf8_width(right, strlen(right)), STYLE_TITLE);
	grid_put(&c->d->g, x + used++, y, ' ', STYLE_NORMAL);
	for (i = used; i < w - utf8_width(right, strlen(right)); i++)
		grid_str(&c->d->g, x + i, y, doc_glyph(c, "━", "="), STYLE_ACCENT);
	grid_str(&c->d->g, x + i, y, right, STYLE_DIM);
}


int doc_layout(DocLayout *d, const Lesson *l, const DocOptions *o)
{
	Ctx c;
	size_t u, b;
	int x, w;

	memset(d, 0, sizeof *d);
	memset(&c, 0, sizeof c);
	c.d = d;
	c.o = o;
	c.unit = c.block = -1;
	d->g.w = o->width > 20 ? o->width : 20;
	w = d->g.w - 4 < DOC_MAX_COLUMN ? d->g.w - 4 : DOC_MAX_COLUMN;
	x = (d->g.w - w) / 2;
	d->column_x = x;
	d->column_w = w;
	if (l->title) {
		doc_blank(&c);
		doc_emit_str(&c, l->title, STYLE_TITLE, x, w);
	}
	doc_blank(&c);
	d->units = calloc(l->nunits ? l->nunits : 1, sizeof *d->units);
	if (!d->units)
		c.fail = 1;
	for (u = 0; u < l->nunits && !c.fail; u++) {
		const LessonUnit *un = &l->units[u];
		c.unit = (int)u;
		c.block = -1;
		d->units[u].id = un->id ? un->id : "";
		d->units[u].y = c.y;
		unit_header(&c, un, x, w);
		doc_blank(&c);
		for (b = 0; b < un->nblocks && !c.fail; b++) {
			c.block = (int)b;
			doc_block(&c, &un->blocks[b], x, w);
			doc_blank(&c);
		}
		d->units[u].end = c.y;
		d->nunits = u + 1;
	}
	if (o->plain && !c.fail) {
		c.unit = c.block = -1;
		doc_answers(&c, x, w);
	}
	free(c.t.s);
	free(c.t.st);
	if (c.fail) {
		doc_free(d);
		return -1;
	}
	return 0;
}

void doc_free(DocLayout *d)
{
	free(d->g.cells);
	free(d->row_unit);
	free(d->row_block);
	free(d->slots);
	free(d->units);
	memset(d, 0, sizeof *d);
}

/* ASCII case-insensitive search of needle in the UTF-8 text of one row. */
static int row_has(const DocLayout *d, int y, const char *needle)
{
	char buf[4096];
	size_t len = 0, nl = strlen(needle), i;
	int x;

	for (x = 0; x < d->g.w && len + 4 < sizeof buf; x++) {
		uint32_t ch = d->g.cells[(size_t)y * (size_t)d->g.w + (size_t)x].ch;
		if (ch != GRID_WIDE_CONT)
			len += utf8_encode(buf + len, ch);
	}
	for (i = 0; i + nl <= len; i++) {
		size_t k;
		for (k = 0; k < nl; k++) {
			char a = buf[i + k], b = needle[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (k == nl)
			return 1;
	}
	return 0;
}

int doc_find(const DocLayout *d, const char *needle, int from, int dir)
{
	int y;

	if (!*needle)
		return -1;
	for (y = from; y >= 0 && y < d->g.h; y += dir > 0 ? 1 : -1)
		if (row_has(d, y, needle))
			return y;
	return -1;
}

int doc_row_of(const DocLayout *d, size_t unit, int block)
{
	int y;

	for (y = 0; y < d->g.h; y++)
		if (d->row_unit[y] == (int)unit && d->row_block[y] == block)
			return y;
	return -1;
}
