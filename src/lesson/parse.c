/* parse.c: the lesson parser's driver: lines, comments, directives, the header, units
 * and open blocks. Blocks are in blocks.c and quiz.c, prose in prose.c.
 * Must not print, exit or know about terminals or widgets. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/parser.h"
#include "nls.h"

typedef struct {
	const char *name;
	void (*fn)(Parser *p, size_t argoff); /* NULL for a block and for @end */
	const BlockType *block;
	bool header; /* belongs before the first @unit */
} Directive;

static void dir_lesson(Parser *p, size_t off);
static void dir_title(Parser *p, size_t off);
static void dir_level(Parser *p, size_t off);
static void dir_format(Parser *p, size_t off);
static void dir_unit(Parser *p, size_t off);
static void dir_page(Parser *p, size_t off);
static void dir_step(Parser *p, size_t off);
static void dir_term(Parser *p, size_t off);

static const Directive directives[] = {
    {"lesson", dir_lesson, NULL, true},
    {"title", dir_title, NULL, true},
    {"level", dir_level, NULL, true},
    {"format", dir_format, NULL, true},
    {"unit", dir_unit, NULL, false},
    {"page", dir_page, NULL, false},
    {"formula", NULL, &block_formula, false},
    {"callout", NULL, &block_callout, false},
    {"widget", NULL, &block_widget, false},
    {"quiz", NULL, &block_quiz, false},
    {"code", NULL, &block_code, false},
    {"steps", NULL, &block_stepwise, false},
    {"step", dir_step, NULL, false},
    {"term", dir_term, NULL, false},
    {"end", NULL, NULL, false},
};

#define N_DIRECTIVES (sizeof directives / sizeof *directives)

/* The argument of a directive that takes exactly one word; reports anything after it. */
static size_t one_word(Parser *p, size_t off, const char *dir)
{
	size_t n = lex_token(p->ln.p + off, p->ln.n - off);
	size_t rest = lex_skip(p->ln.p, p->ln.n, off + n);

	if (rest < p->ln.n)
		parser_error(p, &p->ln, rest, _("@%s takes one word; unexpected '%.*s'"), dir,
		             (int)lex_token(p->ln.p + rest, p->ln.n - rest), p->ln.p + rest);
	return n;
}

/* Reports a header directive given twice; returns true when it was. */
static bool twice(Parser *p, const char *dir, int *first)
{
	if (*first) {
		parser_error(p, &p->ln, 0, _("@%s is given twice (first at line %d)"), dir, *first);
		return true;
	}
	*first = p->ln.no;
	return false;
}

static void dir_lesson(Parser *p, size_t off)
{
	size_t n = one_word(p, off, "lesson");

	if (!twice(p, "lesson", &p->lesson->id_line))
		p->lesson->id = parser_id(p, off, n, _("lesson id"));
}

static void dir_title(Parser *p, size_t off)
{
	if (twice(p, "title", &p->title_line))
		return;
	if (off == p->ln.n)
		parser_error(p, &p->ln, off, _("@title needs the lesson's title"));
	else
		p->lesson->title = parser_str(p, p->ln.p + off, p->ln.n - off);
}

/* A level is a short word of letters and digits: "1", "F". */
static bool level_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 16)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z')))
			return false;
	return true;
}

static void dir_level(Parser *p, size_t off)
{
	size_t n = one_word(p, off, "level");

	if (twice(p, "level", &p->lesson->level_line))
		return;
	if (!level_ok(p->ln.p + off, n))
		parser_error(p, &p->ln, off,
		             _("@level needs the level's name from the course index: 1 to 16 "
		               "letters or digits"));
	else
		p->lesson->level = parser_str(p, p->ln.p + off, n);
}

static void dir_format(Parser *p, size_t off)
{
	size_t n = one_word(p, off, "format");
	int v;

	if (twice(p, "format", &p->format_line))
		return;
	if (!lex_int(p->ln.p + off, n, 9999, &v) || v == 0) {
		parser_error(p, &p->ln, off, _("@format needs a version number, such as %d"),
		             LESSON_FORMAT);
		return;
	}
	p->lesson->format = v;
	if (v > LESSON_FORMAT)
		parser_error(p, &p->ln, off,
		             _("this file is in format %d, but this program reads format %d"), v,
		             LESSON_FORMAT);
}

/* Ends the current unit: its blocks become the unit's. */
static void unit_end(Parser *p)
{
	LessonUnit *u;

	prose_flush(p);
	terms_end(p);
	if (!p->nunits)
		return;
	u = &p->units[p->nunits - 1];
	terms_unit_end(p, u);
	u->blocks = p->body.v;
	u->nblocks = p->body.n;
	if (u->nblocks == 0 && u->id && p->unit_lines <= 1)
		parser_error_line(p, u->line, 0, _("unit %s is empty"), u->id);
}

static void dir_unit(Parser *p, size_t off)
{
	size_t n = one_word(p, off, "unit");
	LessonUnit *u;

	unit_end(p);
	if (p->nunits >= LESSON_MAX_UNITS) {
		parser_error(p, &p->ln, 0, _("more than %d units in one lesson"), LESSON_MAX_UNITS);
		return;
	}
	p->units =
	    arena_grow(p->arena, p->units, p->nunits, &p->unitcap, p->nunits + 1, sizeof *p->units);
	u = &p->units[p->nunits++];
	memset(u, 0, sizeof *u);
	u->line = p->ln.no;
	u->id = parser_id(p, off, n, _("unit id"));
	p->unit_lines = 0;
	memset(&p->body, 0, sizeof p->body);
}

static void dir_page(Parser *p, size_t off)
{
	if (off < p->ln.n)
		parser_error(p, &p->ln, off, _("@page takes no arguments"));
	parser_block(p, &p->body, BLOCK_PAGE, p->ln.no);
}

static void dir_term(Parser *p, size_t off)
{
	terms_directive(p, off);
}

/* "@step" outside a @steps block (inside one, directive() takes it). */
static void dir_step(Parser *p, size_t off)
{
	(void)off;
	parser_error(p, &p->ln, 0, _("@step belongs inside a @steps block"));
}

/* Closes the open block into the unit's blocks, or, for a block inside a step, into
 * that step (the @steps block is then the open one again). */
static void block_close(Parser *p)
{
	const BlockType *t = p->open;
	BlockVec *dst = &p->body;
	Block *b, tmp;

	pend_flush(p);
	memset(&tmp, 0, sizeof tmp);
	tmp.kind = t->kind;
	tmp.line = p->open_ln.no;
	t->close(p, &tmp);
	p->open = NULL;
	p->state = NULL;
	p->sink = &p->body;
	if (p->outer) {
		p->open = p->outer;
		p->open_ln = p->outer_ln;
		p->state = p->outer_state;
		p->outer = NULL;
		p->sink = dst = steps_body(p, p->state);
	}
	b = parser_block(p, dst, t->kind, tmp.line);
	if (b)
		*b = tmp;
}

/* Reports directive d where a block is open, which closes it. */
static void not_nested(Parser *p, const Directive *d)
{
	parser_error(p, &p->ln, 0,
	             _("@%s inside the @%s block opened at line %d: blocks do not nest; close "
	               "it with @end first"),
	             d->name, p->open->name, p->open_ln.no);
	block_close(p);
}

/* A directive while a @steps block is open and no block inside it: @step, or a block
 * a step may hold (opened inside the step). Returns false for any other directive. */
static bool in_steps(Parser *p, const Directive *d, size_t off)
{
	if (d->fn != dir_step && !(d->block && steps_holds(d->block)))
		return false;
	prose_flush(p);
	p->reported_text = false;
	p->full_said = false;
	if (d->fn) {
		steps_step(p, off);
		return true;
	}
	steps_body(p, p->state); /* there is a step for it */
	p->outer = p->open;
	p->outer_ln = p->open_ln;
	p->outer_state = p->state;
	p->open = d->block;
	p->open_ln = p->ln;
	p->state = NULL;
	d->block->open(p, off);
	return true;
}

static const Directive *directive_find(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < N_DIRECTIVES; i++)
		if (lex_eq(s, n, directives[i].name))
			return &directives[i];
	return NULL;
}

static void directive(Parser *p)
{
	const Line *ln = &p->ln;
	const Directive *d;
	size_t n = 1, off;

	terms_end(p);
	while (n < ln->n && ln->p[n] >= 'a' && ln->p[n] <= 'z')
		n++;
	if (n == 1 || (n < ln->n && !lex_blank(ln->p[n]))) {
		parser_error(p, ln, 0,
		             _("'@' at the start of a line begins a directive (write \\@ for "
		               "an @ in text)"));
		return;
	}
	off = lex_skip(ln->p, ln->n, n);
	d = directive_find(ln->p + 1, n - 1);
	if (!d) {
		const char *best = NULL;
		int dist = 3, k;
		size_t i;
		for (i = 0; i < N_DIRECTIVES; i++)
			if ((k = lex_distance(ln->p + 1, n - 1, directives[i].name)) < dist)
				best = directives[i].name, dist = k;
		if (best)
			parser_error(p, ln, 1, _("unknown directive @%.*s; did you mean @%s?"),
			             (int)(n - 1), ln->p + 1, best);
		else
			parser_error(p, ln, 1, _("unknown directive @%.*s"), (int)(n - 1),
			             ln->p + 1);
		return;
	}
	if (!d->fn && !d->block) { /* @end */
		if (off < ln->n)
			parser_error(p, ln, off, _("@end takes no arguments"));
		if (!p->open)
			parser_error(p, ln, 0, _("@end without an open block"));
		else
			block_close(p);
		return;
	}
	if (p->open && p->outer) /* a block inside a step */
		not_nested(p, d);
	if (p->open == &block_stepwise && in_steps(p, d, off))
		return;
	if (p->open == &block_stepwise && d->block) {
		parser_error(p, ln, 0,
		             _("@%s cannot stand in a step (a step holds text, @formula, @code, "
		               "@callout and @widget): close the @steps block opened at line %d "
		               "first"),
		             d->name, p->open_ln.no);
		block_close(p);
	} else if (p->open) {
		not_nested(p, d);
	}
	prose_flush(p);
	p->reported_text = false;
	p->full_said = false;
	if (d->header && p->nunits) {
		parser_error(p, ln, 0, _("@%s belongs in the header, before the first @unit"),
		             d->name);
		return;
	}
	if (!d->header && !p->nunits && d->fn != dir_unit)
		parser_error(p, ln, 0, _("@%s before the first @unit"), d->name);
	if (d->fn) {
		d->fn(p, off);
		return;
	}
	p->open = d->block;
	p->open_ln = *ln;
	p->state = NULL;
	d->block->open(p, off);
}

/* True when the line is "@end" (blanks may follow). */
static bool is_end(const Line *ln)
{
	return ln->n >= 4 && memcmp(ln->p, "@end", 4) == 0 && lex_skip(ln->p, ln->n, 4) == ln->n;
}

static void parse_line(Parser *p)
{
	const Line *ln = &p->ln;

	if (p->open && p->open->verbatim && !is_end(ln)) {
		p->open->line(p);
		return;
	}
	if (ln->n >= 2 && ln->p[0] == '/' && ln->p[1] == '/')
		return;
	if (ln->n && ln->p[0] == '@') {
		directive(p);
		return;
	}
	if (p->open) {
		p->open->line(p);
		return;
	}
	if (terms_continue(p))
		return;
	if (!p->nunits) {
		if (lex_skip(ln->p, ln->n, 0) == ln->n)
			p->reported_text = false;
		else if (!p->reported_text) {
			parser_error(p, ln, 0, _("text before the first @unit"));
			p->reported_text = true;
		}
		return;
	}
	prose_line(p, false);
}

/* The header's required directives, reported at line 1 when missing. */
static void header_check(Parser *p, const Line *first)
{
	static const char *const names[] = {"lesson", "title", "level", "format"};
	const Lesson *l = p->lesson;
	const bool have[] = {l->id_line != 0, p->title_line != 0, l->level_line != 0,
	                     p->format_line != 0};
	size_t i;

	for (i = 0; i < 4; i++)
		if (!have[i])
			diag_add(p->diags, p->file, 1, 1, first->p, first->n,
			         _("the lesson header has no @%s"), names[i]);
	if (!p->nunits)
		diag_add(p->diags, p->file, 1, 1, first->p, first->n, _("the lesson has no @unit"));
}

static void parse_run(Parser *p, const char *text, size_t n)
{
	Source src;
	Line first = {"", 0, 1};
	int r;

	p->text = text;
	p->textlen = n;
	source_init(&src, text, n, p->file, p->diags);
	while ((r = source_next(&src, &p->ln)) != 0 && !p->diags->full) {
		if (p->ln.no == 1)
			first = p->ln;
		if (r > 0)
			parse_line(p);
		if (r < 0 || (lex_skip(p->ln.p, p->ln.n, 0) < p->ln.n &&
		              !(p->ln.n >= 2 && p->ln.p[0] == '/' && p->ln.p[1] == '/'))) {
			p->seen = true;
			p->unit_lines++;
		}
	}
	if (p->diags->full)
		return;
	while (p->open) { /* a block inside a step, then its @steps */
		diag_add(p->diags, p->file, p->open_ln.no, 1, p->open_ln.p, p->open_ln.n,
		         _("this @%s block has no @end"), p->open->name);
		block_close(p);
	}
	unit_end(p);
	if (!p->seen)
		diag_add(p->diags, p->file, 1, 1, NULL, 0,
		         _("the lesson is empty: it needs a header (@lesson, @title, @level, "
		           "@format) and a @unit"));
	else
		header_check(p, &first);
}

LessonStatus lesson_parse(Lesson **out, const char *file, const char *text, size_t n, DiagList *d)
{
	Parser *p = calloc(1, sizeof *p);
	Lesson *l;
	size_t before = diag_count(d);
	LessonStatus st = LESSON_OK;

	*out = NULL;
	l = calloc(1, sizeof *l);
	if (!p || !l) {
		free(p);
		free(l);
		return LESSON_ERR_NOMEM;
	}
	arena_init(&l->arena, LESSON_MAX_MODEL);
	p->arena = &l->arena;
	p->diags = d;
	p->lesson = l;
	p->sink = &p->body;
	if (setjmp(p->fail) != 0) {
		free(p->g.buf);
		free(p->g.segs);
		free(p);
		lesson_free(l);
		return LESSON_ERR_NOMEM;
	}
	l->arena.fail = &p->fail;
	l->file = p->file = arena_strndup(&l->arena, file, strlen(file));
	if (n > LESSON_MAX_FILE)
		diag_add(d, file, 0, 0, NULL, 0, _("the file is larger than %d bytes"),
		         LESSON_MAX_FILE);
	else {
		l->src = arena_strndup(&l->arena, text, n);
		l->srclen = n;
		parse_run(p, l->src, n);
	}
	l->units = p->units;
	l->nunits = p->nunits;
	l->links = p->links;
	l->nlinks = p->nlinks;
	l->arena.fail = NULL;
	free(p->g.buf);
	free(p->g.segs);
	free(p);
	if (diag_count(d) > before || d->nomem)
		st = LESSON_ERR_INVALID;
	*out = l;
	return st;
}

void lesson_free(Lesson *l)
{
	if (!l)
		return;
	arena_free(&l->arena);
	free(l);
}
