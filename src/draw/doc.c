/* doc.c: the lesson layout: headings, re-flowed paragraphs with inline styles, lists,
 * formulas with their words and legend, callouts, and slots for widgets and quizzes.
 * Must not include curses; everything is drawn into our own grid. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/translit.h"
#include "base/utf8.h"
#include "draw/doc.h"
#include "draw/wrap.h"
#include "nls.h"

/* Text with a style per byte, built from a model Text, then wrapped. */
typedef struct {
	char *s;
	uint8_t *st;
	size_t n, cap;
} Styled;

typedef struct {
	DocLayout *d;
	const DocOptions *o;
	int y;            /* the next free row */
	int unit, block;  /* what rows made now belong to */
	size_t rows_cap, slots_cap;
	int quizzes;      /* numbered so far */
	int fail;         /* out of memory */
	Styled t;         /* scratch text */
} Ctx;

static const char *glyph(const Ctx *c, const char *uni, const char *ascii)
{
	return c->o->caps.unicode ? uni : ascii;
}

/* Makes room for rows y..y+n-1, tagging them with the current unit and block. */
static int ensure(Ctx *c, int n)
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

static int row(Ctx *c)
{
	if (ensure(c, 1) != 0)
		return -1;
	return c->y++;
}

static void blank(Ctx *c)
{
	row(c);
}

static void styled_add_raw(Ctx *c, const char *s, size_t n, Style st);

/* Appends n bytes of text in style st; without Unicode, symbols become their ASCII
 * stand-ins (σ as sigma, × as x, ₁ as _1) before wrapping, so widths stay right. */
static void styled_add(Ctx *c, const char *s, size_t n, Style st)
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
			styled_add_raw(c, a ? a : "?", a ? strlen(a) : 1, st);
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

static void styled_text(Ctx *c, const Text *text, Style base)
{
	size_t i;

	for (i = 0; i < text->n; i++) {
		const Span *sp = &text->spans[i];
		Style st = base;
		if (sp->kind == SPAN_EMPH)
			st = STYLE_BOLD;
		else if (sp->kind == SPAN_CODE)
			st = STYLE_ACCENT;
		else if (sp->kind == SPAN_KEY)
			st = STYLE_KEY;
		styled_add(c, sp->text, sp->len, st);
	}
}

/* Wraps the scratch text into the column at x, w wide, after an optional prefix that
 * takes `hang` columns on the first row (later rows are indented as much). */
static void emit(Ctx *c, int x, int w, const char *prefix, Style prefix_style, int hang)
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
		int y = row(c), cx = x + hang;
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
static void emit_text(Ctx *c, const Text *t, Style st, int x, int w, const char *prefix,
		      Style prefix_style, int hang)
{
	c->t.n = 0;
	styled_text(c, t, st);
	emit(c, x, w, prefix, prefix_style, hang);
}

static void emit_str(Ctx *c, const char *s, Style st, int x, int w)
{
	c->t.n = 0;
	styled_add(c, s, strlen(s), st);
	emit(c, x, w, NULL, STYLE_NORMAL, 0);
}

static void block(Ctx *c, const Block *b, int x, int w);

static void list(Ctx *c, const Block *b, int x, int w)
{
	size_t i;
	char num[24];

	for (i = 0; i < b->list.n; i++) {
		if (b->kind == BLOCK_STEPS) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			emit_text(c, &b->list.items[i], STYLE_NORMAL, x, w, num, STYLE_ACCENT,
				  (int)strlen(num) + 1);
		} else {
			emit_text(c, &b->list.items[i], STYLE_NORMAL, x, w, glyph(c, "•", "-"),
				  STYLE_ACCENT, 2);
		}
	}
}

static void formula(Ctx *c, const Formula *f, int x, int w)
{
	size_t i;
	int symw = 0;

	for (i = 0; i < f->nlines; i++)
		emit_str(c, c->o->caps.unicode ? f->uni[i] : f->ascii[i], STYLE_ACCENT, x + 4,
			 w - 4);
	if (f->words.n) {
		blank(c);
		c->t.n = 0;
		styled_add(c, _("In words: "), strlen(_("In words: ")), STYLE_DIM);
		styled_text(c, &f->words, STYLE_NORMAL);
		emit(c, x + 2, w - 2, NULL, STYLE_NORMAL, 0);
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
		emit_text(c, &f->legend[i].meaning, STYLE_NORMAL, x + 4, w - 4, NULL, STYLE_NORMAL,
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
	styled_add(c, callout_label(co->kind), strlen(callout_label(co->kind)), st);
	if (co->title) {
		styled_add(c, glyph(c, " · ", " - "), strlen(glyph(c, " · ", " - ")), st);
		styled_add(c, co->title, strlen(co->title), STYLE_BOLD);
	}
	emit(c, x + 2, w - 2, NULL, STYLE_NORMAL, 0);
	for (i = 0; i < co->nbody; i++) {
		block(c, &co->body[i], x + 2, w - 2);
		if (i + 1 < co->nbody)
			blank(c);
	}
	for (i = 0; i < co->ncites; i++) {
		snprintf(cite, sizeof cite, "%s %s, %s (%d)", glyph(c, "—", "--"),
			 co->cites[i].authors, co->cites[i].title, co->cites[i].year);
		emit_str(c, cite, STYLE_DIM, x + 2, w - 2);
	}
	for (y = y0; y < c->y && !c->o->plain; y++)
		grid_str(&c->d->g, x, y, glyph(c, "▌", "|"), st);
}

/* The text alternative of a widget, or a quiz as numbered text, inside the slot. */
static void slot_text(Ctx *c, const Block *b, int x, int w, int number)
{
	size_t i;
	char label[64];

	if (b->kind == BLOCK_WIDGET) {
		c->t.n = 0;
		styled_add(c, "[", 1, STYLE_DIM);
		styled_add(c, b->widget.kind, strlen(b->widget.kind), STYLE_DIM);
		styled_add(c, "] ", 2, STYLE_DIM);
		styled_add(c, b->widget.alt ? b->widget.alt : "", b->widget.alt ? strlen(b->widget.alt) : 0,
			   STYLE_NORMAL);
		emit(c, x, w, NULL, STYLE_NORMAL, 0);
		return;
	}
	snprintf(label, sizeof label, _("Question %d."), number);
	c->t.n = 0;
	styled_add(c, label, strlen(label), STYLE_TITLE);
	styled_add(c, " ", 1, STYLE_NORMAL);
	styled_text(c, &b->quiz.prompt, STYLE_NORMAL);
	emit(c, x, w, NULL, STYLE_NORMAL, 0);
	for (i = 0; i < b->quiz.nchoices; i++) {
		char p[24];
		size_t k = i;
		if (b->quiz.kind == QUIZ_ORDER) {
			/* Listed in the file in the right order: shown rotated by one, so the
			 * listing never gives the answer away. */
			snprintf(p, sizeof p, "%s", glyph(c, "•", "-"));
			k = (i + 1) % b->quiz.nchoices;
		} else {
			snprintf(p, sizeof p, "%c)", (int)('a' + (int)(i % 26)));
		}
		emit_text(c, &b->quiz.choices[k].text, STYLE_NORMAL, x + 2, w - 2, p, STYLE_ACCENT,
			  utf8_width(p, strlen(p)) + 1);
	}
	/* Match: the left items numbered, the right ones lettered and rotated by one, so
	 * the listing never gives a pair away. */
	for (i = 0; i < b->quiz.npairs; i++) {
		char p[24];
		snprintf(p, sizeof p, "%zu.", i + 1);
		emit_text(c, &b->quiz.pairs[i].left, STYLE_NORMAL, x + 2, w - 2, p, STYLE_ACCENT,
			  (int)strlen(p) + 1);
	}
	for (i = 0; i < b->quiz.npairs; i++) {
		char p[24];
		snprintf(p, sizeof p, "%c)", (int)('a' + (int)(i % 26)));
		emit_text(c, &b->quiz.pairs[(i + 1) % b->quiz.npairs].right, STYLE_NORMAL, x + 2,
			  w - 2, p, STYLE_ACCENT, (int)strlen(p) + 1);
	}
	if (b->quiz.kind == QUIZ_NUMERIC)
		emit_str(c, _("Answer: a number."), STYLE_DIM, x + 2, w - 2);
	if (b->quiz.kind == QUIZ_RECALL)
		emit_str(c, _("Answer in your own words."), STYLE_DIM, x + 2, w - 2);
}

static void slot(Ctx *c, const Block *b, int x, int w)
{
	DocLayout *d = c->d;
	DocSlot *s;
	int number = b->kind == BLOCK_QUIZ ? ++c->quizzes : 0;
	int y0 = c->y, want = 0;

	if (d->nslots == c->slots_cap) {
		size_t cap = c->slots_cap ? 2 * c->slots_cap : 8;
		DocSlot *ns = realloc(d->slots, cap * sizeof *ns);
		if (!ns) {
			c->fail = 1;
			return;
		}
		d->slots = ns;
		c->slots_cap = cap;
	}
	if (c->o->slot_height && !c->o->plain)
		want = c->o->slot_height(c->o->ctx, b, w);
	slot_text(c, b, x, w, number);
	if (want > c->y - y0)
		ensure(c, want - (c->y - y0)), c->y = y0 + want;
	s = &d->slots[d->nslots++];
	s->block = b;
	s->unit = (size_t)c->unit;
	s->number = number;
	s->x = x;
	s->y = y0;
	s->w = w;
	s->h = c->y - y0;
}

static void block(Ctx *c, const Block *b, int x, int w)
{
	switch (b->kind) {
	case BLOCK_HEADING:
		emit_text(c, &b->heading.text,
			  b->heading.level == 1 ? STYLE_TITLE
			  : b->heading.level == 2 ? STYLE_BOLD : STYLE_ACCENT,
			  x, w, NULL, STYLE_NORMAL, 0);
		break;
	case BLOCK_PARA:
		emit_text(c, &b->para, STYLE_NORMAL, x, w, NULL, STYLE_NORMAL, 0);
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
		slot(c, b, x, w);
		break;
	case BLOCK_PAGE: {
		int y = row(c);
		if (y >= 0)
			grid_str_centred(&c->d->g, y, glyph(c, "·  ·  ·", "*  *  *"), STYLE_DIM);
		break;
	}
	}
}

static void unit_header(Ctx *c, const LessonUnit *u, int x, int w)
{
	const char *title = NULL;
	int minutes = 0, y, used, i;
	char right[32] = "";

	if (c->o->unit_title)
		title = c->o->unit_title(c->o->ctx, u->id, &minutes);
	if (!title)
		title = u->id;
	if (minutes > 0)
		snprintf(right, sizeof right, c->o->plain ? _(" (%d min)") : _(" %d min"), minutes);
	if (c->o->plain) { /* no rules for screen readers: the title and its minutes */
		char line[512];
		snprintf(line, sizeof line, "%s%s", title, right);
		emit_str(c, line, STYLE_TITLE, x, w);
		return;
	}
	y = row(c);
	if (y < 0)
		return;
	used = grid_str(&c->d->g, x, y, glyph(c, "━━ ", "== "), STYLE_ACCENT);
	used += grid_text(&c->d->g, x + used, y, title, strlen(title),
			  w - used - 1 - utf8_width(right, strlen(right)), STYLE_TITLE);
	grid_put(&c->d->g, x + used++, y, ' ', STYLE_NORMAL);
	for (i = used; i < w - utf8_width(right, strlen(right)); i++)
		grid_str(&c->d->g, x + i, y, glyph(c, "━", "="), STYLE_ACCENT);
	grid_str(&c->d->g, x + i, y, right, STYLE_DIM);
}

/* The right answer of a quiz as text, for the answers section of --plain. */
static void answer_text(Ctx *c, const Quiz *q)
{
	char buf[512];
	size_t i;
	int n = 0;

	switch (q->kind) {
	case QUIZ_SINGLE:
	case QUIZ_MULTI:
		for (i = 0; i < q->nchoices; i++) {
			if (!q->choices[i].right)
				continue;
			snprintf(buf, sizeof buf, "%s%c) ", n++ ? "; " : "", (int)('a' + (int)(i % 26)));
			styled_add(c, buf, strlen(buf), STYLE_NORMAL);
			styled_text(c, &q->choices[i].text, STYLE_NORMAL);
		}
		break;
	case QUIZ_NUMERIC:
		snprintf(buf, sizeof buf, "%g", q->answer);
		styled_add(c, buf, strlen(buf), STYLE_NORMAL);
		if (q->unit) {
			styled_add(c, " ", 1, STYLE_NORMAL);
			styled_add(c, q->unit, strlen(q->unit), STYLE_NORMAL);
		}
		break;
	case QUIZ_MATCH:
		for (i = 0; i < q->npairs; i++) {
			styled_add(c, i ? "; " : "", i ? 2 : 0, STYLE_NORMAL);
			styled_text(c, &q->pairs[i].left, STYLE_NORMAL);
			styled_add(c, " = ", 3, STYLE_NORMAL);
			styled_text(c, &q->pairs[i].right, STYLE_NORMAL);
		}
		break;
	case QUIZ_ORDER:
		for (i = 0; i < q->nchoices; i++) {
			styled_add(c, i ? ", then " : "", i ? 7 : 0, STYLE_NORMAL);
			styled_text(c, &q->choices[i].text, STYLE_NORMAL);
		}
		break;
	case QUIZ_RECALL:
		styled_add(c, _("mention "), strlen(_("mention ")), STYLE_NORMAL);
		for (i = 0; i < q->nterms; i++) {
			styled_add(c, i ? ", " : "", i ? 2 : 0, STYLE_NORMAL);
			if (q->terms[i].nalts)
				styled_add(c, q->terms[i].alts[0], strlen(q->terms[i].alts[0]),
					   STYLE_NORMAL);
		}
		break;
	}
}

/* --plain: the lesson's quizzes answered at its end, each with its explanation, so a
 * reader without the forms can still check their thinking. */
static void answers(Ctx *c, int x, int w)
{
	size_t i;
	int shown = 0;

	for (i = 0; i < c->d->nslots; i++) {
		const DocSlot *sl = &c->d->slots[i];
		char label[64];
		if (sl->block->kind != BLOCK_QUIZ)
			continue;
		if (!shown++) {
			emit_str(c, _("Answers"), STYLE_TITLE, x, w);
			blank(c);
		}
		snprintf(label, sizeof label, _("Question %d: "), sl->number);
		c->t.n = 0;
		styled_add(c, label, strlen(label), STYLE_BOLD);
		answer_text(c, &sl->block->quiz);
		if (sl->block->quiz.explain.n) {
			styled_add(c, ". ", 2, STYLE_NORMAL);
			styled_text(c, &sl->block->quiz.explain, STYLE_NORMAL);
		}
		emit(c, x, w, NULL, STYLE_NORMAL, 0);
		blank(c);
	}
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
		blank(&c);
		emit_str(&c, l->title, STYLE_TITLE, x, w);
	}
	blank(&c);
	d->units = calloc(l->nunits ? l->nunits : 1, sizeof *d->units);
	if (!d->units)
		c.fail = 1;
	for (u = 0; u < l->nunits && !c.fail; u++) {
		const LessonUnit *un = &l->units[u];
		c.unit = (int)u;
		c.block = -1;
		d->units[u].id = un->id;
		d->units[u].y = c.y;
		unit_header(&c, un, x, w);
		blank(&c);
		for (b = 0; b < un->nblocks && !c.fail; b++) {
			c.block = (int)b;
			block(&c, &un->blocks[b], x, w);
			blank(&c);
		}
		d->units[u].end = c.y;
		d->nunits = u + 1;
	}
	if (o->plain && !c.fail) {
		c.unit = c.block = -1;
		answers(&c, x, w);
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
