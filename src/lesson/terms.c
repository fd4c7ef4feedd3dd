/* terms.c: the glossary in the lesson language: "@term NAME: definition" lines (a term
 * of the unit they stand in) and the links {term:NAME} that inline.c finds. Internal to
 * src/lesson; must not print. Whether a link names a defined term is glossary.c's. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/parser.h"
#include "nls.h"

/* s[0..n) with its blanks trimmed and runs of blanks made one space, in the arena. */
static const char *terms_name(Parser *p, const char *s, size_t n)
{
	char *out = arena_alloc(p->arena, n + 1);
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (lex_blank(s[i])) {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		out[o++] = s[i];
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

/* Returns true when name can be a term's, else false with the reason in why. */
static bool terms_name_ok(const char *name, char *why, size_t size)
{
	size_t n = strlen(name);

	if (n == 0)
		snprintf(why, size, "%s", _("a glossary term needs a name"));
	else if (n > LESSON_MAX_TERM)
		snprintf(why, size, _("a glossary term's name is at most %d bytes"),
		         LESSON_MAX_TERM);
	else if (strpbrk(name, "{}|"))
		snprintf(why, size, "%s", _("a glossary term's name cannot hold {, } or |"));
	else
		return true;
	return false;
}

void terms_directive(Parser *p, size_t off)
{
	const Line *ln = &p->ln;
	const char *colon = memchr(ln->p + off, ':', ln->n - off);
	char why[DIAG_MSG_MAX];
	size_t c, d;
	Term *t;

	if (!colon) {
		parser_error(p, ln, off,
		             _("@term needs a name, a colon and the definition: @term NAME: TEXT"));
		return;
	}
	c = (size_t)(colon - ln->p);
	if (!p->nunits)
		return; /* reported: @term before the first @unit */
	if (parser_full(p, p->nterms))
		return;
	p->terms =
	    arena_grow(p->arena, p->terms, p->nterms, &p->termcap, p->nterms + 1, sizeof *p->terms);
	t = &p->terms[p->nterms];
	memset(t, 0, sizeof *t);
	t->name = terms_name(p, ln->p + off, c - off);
	t->line = ln->no;
	if (!terms_name_ok(t->name, why, sizeof why)) {
		parser_error(p, ln, off, "%s", why);
		return;
	}
	p->nterms++;
	d = lex_skip(ln->p, ln->n, c + 1);
	gather_begin(p);
	gather_add(p, ln, d, ln->n - d);
	p->term_open = true;
}

void terms_end(Parser *p)
{
	Term *t;

	if (!p->term_open)
		return;
	p->term_open = false;
	t = &p->terms[p->nterms - 1];
	t->def = gather_str(p);
	if (!t->def || !*t->def)
		parser_error_line(p, t->line, 0, _("the term %s has no definition after its colon"),
		                  t->name);
}

bool terms_continue(Parser *p)
{
	size_t i;

	if (!p->term_open)
		return false;
	i = lex_skip(p->ln.p, p->ln.n, 0);
	if (i == 0 || i == p->ln.n) {
		terms_end(p);
		return false;
	}
	gather_add(p, &p->ln, i, p->ln.n - i);
	return true;
}

void terms_unit_end(Parser *p, LessonUnit *u)
{
	terms_end(p);
	u->terms = p->terms;
	u->nterms = p->nterms;
	p->terms = NULL;
	p->nterms = p->termcap = 0;
}

const char *terms_link(Parser *p, const char *name, size_t n, size_t off)
{
	const char *s = terms_name(p, name, n);
	char why[DIAG_MSG_MAX];
	TermLink *k;
	int line, col;

	if (!terms_name_ok(s, why, sizeof why)) {
		gather_error(p, off, "%s", why);
		return s;
	}
	if (p->nlinks >= LESSON_MAX_BLOCKS)
		return s; /* links past the limit are shown but not checked */
	gather_where(p, off, &line, &col);
	p->links =
	    arena_grow(p->arena, p->links, p->nlinks, &p->linkcap, p->nlinks + 1, sizeof *p->links);
	k = &p->links[p->nlinks++];
	k->name = s;
	k->line = line;
	k->col = col;
	return s;
}
