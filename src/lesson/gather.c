/* gather.c: the parser's helpers: errors at a line and column, arena strings, blocks,
 * identifiers, text gathered across continuation lines, and pending text fields.
 * Internal to src/lesson; must not print. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/parser.h"
#include "nls.h"

void parser_error(Parser *p, const Line *ln, size_t off, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (off > ln->n)
		off = ln->n;
	diag_add(p->diags, p->file, ln->no, diag_col(ln->p, off), ln->p, ln->n, "%s", msg);
}

void parser_error_line(Parser *p, int no, size_t off, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;
	Line ln;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!source_line(p->text, p->textlen, no, &ln)) {
		diag_add(p->diags, p->file, no, 0, NULL, 0, "%s", msg);
		return;
	}
	parser_error(p, &ln, off, "%s", msg);
}

char *parser_str(Parser *p, const char *s, size_t n)
{
	return arena_strndup(p->arena, s, n);
}

Block *parser_block(Parser *p, BlockVec *v, BlockKind kind, int line)
{
	Block *b;

	if (p->nblocks >= LESSON_MAX_BLOCKS) {
		if (p->nblocks++ == LESSON_MAX_BLOCKS)
			parser_error(p, &p->ln, 0, _("more than %d blocks in one lesson"),
			             LESSON_MAX_BLOCKS);
		return NULL;
	}
	p->nblocks++;
	v->v = arena_grow(p->arena, v->v, v->n, &v->cap, v->n + 1, sizeof *v->v);
	b = &v->v[v->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->line = line;
	return b;
}

bool parser_full(Parser *p, size_t n)
{
	if (n < LESSON_MAX_ITEMS)
		return false;
	if (!p->full_said)
		parser_error(p, &p->ln, 0, _("more than %d items in one block"), LESSON_MAX_ITEMS);
	p->full_said = true;
	return true;
}

const char *parser_id(Parser *p, size_t off, size_t n, const char *what)
{
	if (n == 0) {
		parser_error(p, &p->ln, off, _("missing %s"), what);
		return NULL;
	}
	if (!lex_is_id(p->ln.p + off, n)) {
		parser_error(p, &p->ln, off,
		             _("'%.*s' is not a valid %s (a letter, then letters, digits, '.', "
		               "'_' or '-', at most %d bytes)"),
		             (int)(n > 40 ? 40 : n), p->ln.p + off, what, LESSON_MAX_ID);
		return NULL;
	}
	return parser_str(p, p->ln.p + off, n);
}

/* Grows a malloc'd buffer; out of memory abandons the parse. */
static void *gather_room(Parser *p, void *v, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;

	if (need <= *cap)
		return v;
	while (c < need)
		c *= 2;
	v = realloc(v, c * size);
	if (!v)
		longjmp(p->fail, 1);
	*cap = c;
	return v;
}

void gather_begin(Parser *p)
{
	p->g.len = 0;
	p->g.nsegs = 0;
	p->g.on = true;
}

void gather_add(Parser *p, const Line *ln, size_t off, size_t n)
{
	Gather *g = &p->g;
	GatherSeg *s;

	n = lex_rtrim(ln->p + off, n);
	if (n == 0)
		return;
	g->buf = gather_room(p, g->buf, &g->cap, g->len + n + 2, 1);
	if (g->len)
		g->buf[g->len++] = ' ';
	g->segs = gather_room(p, g->segs, &g->segcap, g->nsegs + 1, sizeof *g->segs);
	s = &g->segs[g->nsegs++];
	s->off = g->len;
	s->ln = *ln;
	s->src = off;
	memcpy(g->buf + g->len, ln->p + off, n);
	g->len += n;
	g->buf[g->len] = '\0';
}

/* The segment of the gathered text that holds byte off, or NULL. */
static const GatherSeg *gather_seg(const Parser *p, size_t off)
{
	const GatherSeg *s = NULL;
	size_t i;

	for (i = 0; i < p->g.nsegs; i++)
		if (p->g.segs[i].off <= off)
			s = &p->g.segs[i];
	return s;
}

void gather_where(Parser *p, size_t off, int *line, int *col)
{
	const GatherSeg *s = gather_seg(p, off);
	size_t at;

	if (!s) {
		*line = p->ln.no;
		*col = 1;
		return;
	}
	at = s->src + (off - s->off);
	*line = s->ln.no;
	*col = diag_col(s->ln.p, at < s->ln.n ? at : s->ln.n);
}

void gather_error(Parser *p, size_t off, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	const GatherSeg *s = gather_seg(p, off);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!s) {
		parser_error(p, &p->ln, 0, "%s", msg);
		return;
	}
	parser_error(p, &s->ln, s->src + (off - s->off), "%s", msg);
}

Text gather_text(Parser *p)
{
	Text t = {NULL, 0};

	if (p->g.on && p->g.len)
		t = inline_parse(p);
	p->g.on = false;
	return t;
}

const char *gather_str(Parser *p)
{
	Gather *g = &p->g;
	char *s;
	size_t i, o = 0;

	g->on = false;
	if (!g->len)
		return NULL;
	s = arena_alloc(p->arena, g->len + 1);
	for (i = 0; i < g->len; i++) {
		char c = g->buf[i] == '\t' ? ' ' : g->buf[i];
		if (c == ' ' && (o == 0 || s[o - 1] == ' '))
			continue;
		s[o++] = c;
	}
	while (o && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	return s;
}

void pend_flush(Parser *p)
{
	if (p->pend_text)
		*p->pend_text = gather_text(p);
	else if (p->pend_str)
		*p->pend_str = gather_str(p);
	p->pend_text = NULL;
	p->pend_str = NULL;
}

void pend_text(Parser *p, Text *t, size_t off)
{
	pend_flush(p);
	gather_begin(p);
	gather_add(p, &p->ln, off, p->ln.n - off);
	p->pend_text = t;
}

void pend_str(Parser *p, const char **s, size_t off)
{
	pend_flush(p);
	gather_begin(p);
	gather_add(p, &p->ln, off, p->ln.n - off);
	p->pend_str = s;
}

bool pend_continue(Parser *p)
{
	size_t i;

	if (!p->pend_text && !p->pend_str)
		return false;
	i = lex_skip(p->ln.p, p->ln.n, 0);
	gather_add(p, &p->ln, i, p->ln.n - i);
	return true;
}

size_t field_name(const Line *ln, size_t *val)
{
	size_t i = 0;

	while (i < ln->n && ln->p[i] >= 'a' && ln->p[i] <= 'z')
		i++;
	if (i == 0 || i >= ln->n || ln->p[i] != ':')
		return 0;
	if (i + 1 < ln->n && !lex_blank(ln->p[i + 1]))
		return 0;
	*val = lex_skip(ln->p, ln->n, i + 1);
	return i;
}
