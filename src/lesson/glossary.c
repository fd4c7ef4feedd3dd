/* glossary.c: the course's glossary collected from the lessons' @term lines, sorted,
 * looked up and filtered; and the checks on terms and links (names defined twice, links
 * to names nothing defines). Must not print, exit or know about terminals. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/glossary.h"
#include "lesson/lex.h"
#include "lesson/source.h"
#include "nls.h"

static int fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int glossary_cmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	while (*x && fold(*x) == fold(*y))
		x++, y++;
	return fold(*x) - fold(*y);
}

static int entry_cmp(const void *a, const void *b)
{
	const GlossEntry *x = a, *y = b;
	int r = glossary_cmp(x->name, y->name);

	if (r)
		return r;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The title the index gives the unit with this id in lesson e, or NULL. */
static const char *unit_title(const CourseLesson *e, const char *id)
{
	size_t i;

	for (i = 0; id && i < e->nunits; i++)
		if (e->units[i].id && strcmp(e->units[i].id, id) == 0)
			return e->units[i].title;
	return NULL;
}

/* The block of u a term defined at line shows with: the last block above the line,
 * or the heading right above that block; -1 when there is none. */
static int term_block(const LessonUnit *u, int line)
{
	int b = -1;
	size_t i;

	for (i = 0; i < u->nblocks && u->blocks[i].line < line; i++)
		b = (int)i;
	if (b > 0 && u->blocks[b - 1].kind == BLOCK_HEADING)
		b--;
	return b;
}

int glossary_collect(Glossary *g, const Course *c)
{
	size_t l, i, u, t, n = 0;

	g->v = NULL;
	g->n = 0;
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			const Lesson *ls = course_lesson(&c->levels[l].lessons[i]);
			for (u = 0; ls && u < ls->nunits; u++)
				n += ls->units[u].nterms;
		}
	if (n == 0)
		return 0;
	g->v = calloc(n, sizeof *g->v);
	if (!g->v)
		return -1;
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			const CourseLesson *e = &c->levels[l].lessons[i];
			for (u = 0; e->lesson && u < e->lesson->nunits; u++) {
				const LessonUnit *un = &e->lesson->units[u];
				for (t = 0; t < un->nterms; t++) {
					GlossEntry *x = &g->v[g->n];
					x->name = un->terms[t].name;
					x->def = un->terms[t].def ? un->terms[t].def : "";
					x->lesson = e;
					x->unit = u;
					x->block = term_block(un, un->terms[t].line);
					x->unit_id = un->id ? un->id : "";
					x->unit_title = unit_title(e, un->id);
					x->line = un->terms[t].line;
					x->order = g->n++;
				}
			}
		}
	qsort(g->v, g->n, sizeof *g->v, entry_cmp);
	return 0;
}

void glossary_free(Glossary *g)
{
	free(g->v);
	g->v = NULL;
	g->n = 0;
}

const GlossEntry *glossary_find(const Glossary *g, const char *name)
{
	size_t lo = 0, hi = g->n;

	while (lo < hi) { /* the first entry not below name */
		size_t mid = lo + (hi - lo) / 2;
		if (glossary_cmp(g->v[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->n && glossary_cmp(g->v[lo].name, name) == 0 ? &g->v[lo] : NULL;
}

bool glossary_matches(const GlossEntry *e, const char *filter)
{
	size_t i, j;

	for (i = 0;; i++) {
		for (j = 0; filter[j] && fold((unsigned char)e->name[i + j]) ==
		                               fold((unsigned char)filter[j]);
		     j++)
			;
		if (!filter[j])
			return true;
		if (!e->name[i])
			return false;
	}
}

/* Reports at line:col of lesson l, quoting the line. */
static void gloss_error(DiagList *d, const Lesson *l, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void gloss_error(DiagList *d, const Lesson *l, int line, int col, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;
	Line ln = {"", 0, line};

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	source_line(l->src, l->srclen, line, &ln);
	diag_add(d, l->file, line, col, ln.p, ln.n, "%s", msg);
}

/* The column of a @term line's name: after "@term" and its blanks. */
static int term_col(const Lesson *l, int line)
{
	Line ln;

	if (!source_line(l->src, l->srclen, line, &ln) || ln.n < 5)
		return 1;
	return diag_col(ln.p, lex_skip(ln.p, ln.n, 5));
}

/* A term or a link as the checks across lessons need it, kept after its lesson is
 * freed: copies of its name, file, unit and source line (quoted by a diagnostic). */
typedef struct {
	char *name, *file, *unit, *text;
	int line, col;
	size_t lesson, order; /* the lesson that gave it (a count), its place in the course */
} Mark;

struct GlossMarks {
	Mark *terms, *links;
	size_t nterms, nlinks, capterms, caplinks, lessons;
	bool nomem;
};

GlossMarks *glossary_marks_new(void)
{
	return calloc(1, sizeof(GlossMarks));
}

static char *copy(const char *s, size_t n)
{
	char *c = malloc(n + 1);

	if (c) {
		memcpy(c, s, n);
		c[n] = '\0';
	}
	return c;
}

/* Appends a mark for name at line:col of lesson l to *v; false when out of memory. */
static bool mark_push(GlossMarks *m, Mark **v, size_t *n, size_t *cap, const Lesson *l,
		      const char *name, const char *unit, int line, int col)
{
	Line ln = {"", 0, line};
	Mark *k;

	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 64;
		Mark *w = realloc(*v, c * sizeof *w);
		if (!w)
			return false;
		*v = w;
		*cap = c;
	}
	source_line(l->src, l->srclen, line, &ln);
	k = &(*v)[*n];
	k->name = copy(name, strlen(name));
	k->file = copy(l->file, strlen(l->file));
	k->unit = copy(unit, strlen(unit));
	k->text = copy(ln.p, ln.n);
	k->line = line;
	k->col = col;
	k->lesson = m->lessons;
	k->order = *n;
	++*n;
	return k->name && k->file && k->unit && k->text;
}

void glossary_marks_add(GlossMarks *m, const Lesson *l)
{
	size_t u, t;
	bool ok = true;

	for (u = 0; u < l->nunits; u++)
		for (t = 0; ok && t < l->units[u].nterms; t++) {
			const Term *x = &l->units[u].terms[t];
			ok = mark_push(m, &m->terms, &m->nterms, &m->capterms, l, x->name,
				       l->units[u].id ? l->units[u].id : "?", x->line,
				       term_col(l, x->line));
		}
	for (t = 0; ok && t < l->nlinks; t++)
		ok = mark_push(m, &m->links, &m->nlinks, &m->caplinks, l, l->links[t].name, "",
			       l->links[t].line, l->links[t].col);
	m->nomem |= !ok;
	m->lessons++;
}

static int mark_cmp(const void *a, const void *b)
{
	const Mark *x = a, *y = b;
	int r = glossary_cmp(x->name, y->name);

	if (r)
		return r;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Whether a term called name is among the n sorted terms v. */
static bool mark_defined(const Mark *v, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = glossary_cmp(v[mid].name, name);
		if (r == 0)
			return true;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void mark_error(DiagList *d, const Mark *k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void mark_error(DiagList *d, const Mark *k, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(d, k->file, k->line, k->col, k->text, strlen(k->text), "%s", msg);
}

size_t glossary_marks_check(GlossMarks *m, DiagList *d)
{
	size_t added = 0, i, f;

	if (m->nomem) {
		diag_add(d, NULL, 0, 0, NULL, 0, "%s", _("out of memory"));
		return 1;
	}
	if (m->nterms)
		qsort(m->terms, m->nterms, sizeof *m->terms, mark_cmp);
	for (i = 1, f = 0; i < m->nterms; i++) { /* a run of one name starts with its
	                                          * first definition in course order */
		const Mark *first = &m->terms[f], *again = &m->terms[i];
		if (glossary_cmp(first->name, again->name) != 0) {
			f = i;
		} else if (first->lesson != again->lesson) { /* twice in one: lesson_check's */
			mark_error(d, again, _("the term %s is already defined in %s:%d (unit %s)"),
				   again->name, first->file, first->line, first->unit);
			added++;
		}
	}
	for (i = 0; i < m->nlinks; i++)
		if (!mark_defined(m->terms, m->nterms, m->links[i].name)) {
			mark_error(d, &m->links[i],
				   _("this glossary link names %s, but no @term defines it"),
				   m->links[i].name);
			added++;
		}
	return added;
}

static void marks_clear(Mark *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].file);
		free(v[i].unit);
		free(v[i].text);
	}
	free(v);
}

void glossary_marks_free(GlossMarks *m)
{
	if (!m)
		return;
	marks_clear(m->terms, m->nterms);
	marks_clear(m->links, m->nlinks);
	free(m);
}

size_t glossary_check(const Course *c, DiagList *d)
{
	GlossMarks *m = glossary_marks_new();
	size_t added, l, j;

	if (!m) {
		diag_add(d, c->file, 0, 0, NULL, 0, "%s", _("out of memory"));
		return 1;
	}
	for (l = 0; l < c->nlevels; l++)
		for (j = 0; j < c->levels[l].nlessons; j++)
			if (c->levels[l].lessons[j].lesson)
				glossary_marks_add(m, c->levels[l].lessons[j].lesson);
	added = glossary_marks_check(m, d);
	glossary_marks_free(m);
	return added;
}

/* A lesson's term and the unit it is in, to sort them by name then line. */
typedef struct {
	const Term *t;
	const char *unit;
} LessonTerm;

static int lesson_term_cmp(const void *a, const void *b)
{
	const LessonTerm *x = a, *y = b;
	int r = glossary_cmp(x->t->name, y->t->name);

	if (r)
		return r;
	return x->t->line < y->t->line ? -1 : x->t->line > y->t->line;
}

size_t glossary_check_lesson(const Lesson *l, DiagList *d)
{
	LessonTerm *v;
	size_t added = 0, u, t, n = 0, i, f = 0;

	for (u = 0; u < l->nunits; u++)
		n += l->units[u].nterms;
	if (n < 2)
		return 0;
	v = calloc(n, sizeof *v);
	if (!v) {
		diag_add(d, l->file, 0, 0, NULL, 0, "%s", _("out of memory"));
		return 1;
	}
	for (n = 0, u = 0; u < l->nunits; u++)
		for (t = 0; t < l->units[u].nterms; t++) {
			v[n].t = &l->units[u].terms[t];
			v[n++].unit = l->units[u].id ? l->units[u].id : "?";
		}
	qsort(v, n, sizeof *v, lesson_term_cmp);
	for (i = 1; i < n; i++) {
		if (glossary_cmp(v[f].t->name, v[i].t->name) != 0) {
			f = i;
			continue;
		}
		gloss_error(d, l, v[i].t->line, term_col(l, v[i].t->line),
		            _("the term %s is already defined at line %d (unit %s)"), v[i].t->name,
		            v[f].t->line, v[f].unit);
		added++;
	}
	free(v);
	return added;
}
