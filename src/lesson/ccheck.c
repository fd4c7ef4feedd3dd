/* ccheck.c: the course checker: the index against itself (unique ids, prerequisites
 * that come first) and against the lesson files it lists (headers, every unit defined
 * exactly once). Must not read files, print or exit. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/glossary.h"
#include "lesson/lesson.h"
#include "lesson/lex.h"
#include "lesson/source.h"
#include "nls.h"

typedef struct {
	const char *id;
	int line;
	const CourseLesson *lesson; /* the lesson it belongs to (units), or itself */
	size_t order;               /* position in the course (lessons) */
} Entry;

/* The 1-based column of blank-separated word number word of the line (0: the
 * directive); 1 when there is none. */
static int word_col(const Line *ln, int word)
{
	size_t i = 0;

	while (word-- > 0 && i < ln->n) {
		i += lex_token(ln->p + i, ln->n - i);
		i = lex_skip(ln->p, ln->n, i);
	}
	return diag_col(ln->p, i < ln->n ? i : 0);
}

typedef struct {
	const Course *c;
	DiagList *d;
	size_t added;
	Entry *lessons, *units; /* sorted by id */
	size_t nlessons, nunits;
} CourseChecker;

/* Reports at line:col of a file whose text is src; a col of 0 or less means the start
 * of word -col of the line (0: the directive, 1: its first argument...). */
static void cc_error(CourseChecker *k, const char *file, const char *src, size_t n, int line,
                     int col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void cc_error(CourseChecker *k, const char *file, const char *src, size_t n, int line,
                     int col, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;
	Line ln = {"", 0, line};

	if (k->d->full)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	source_line(src, n, line, &ln);
	if (col <= 0)
		col = word_col(&ln, -col);
	diag_add(k->d, file, line, col, ln.p, ln.n, "%s", msg);
	k->added++;
}

static int entry_cmp(const void *a, const void *b)
{
	const Entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static const Entry *entry_find(const Entry *v, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(v[lo].id, id) == 0 ? &v[lo] : NULL;
}

typedef enum { COURSE_IDS_LEVEL, COURSE_IDS_LESSON, COURSE_IDS_UNIT } CourseIds;

/* Sorts v and reports each id that repeats one before it. */
static void unique(CourseChecker *k, Entry *v, size_t n, CourseIds what)
{
	const Course *c = k->c;
	size_t i;

	qsort(v, n, sizeof *v, entry_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(v[i].id, v[i - 1].id) == 0) {
			const char *id = v[i].id;
			int line = v[i].line, first = v[i - 1].line;
			if (what == COURSE_IDS_LEVEL)
				cc_error(k, c->file, c->src, c->srclen, line, -1,
				         _("level %s is already defined at line %d"), id, first);
			else if (what == COURSE_IDS_LESSON)
				cc_error(k, c->file, c->src, c->srclen, line, -1,
				         _("lesson %s is already defined at line %d"), id, first);
			else
				cc_error(k, c->file, c->src, c->srclen, line, -1,
				         _("unit %s is already defined at line %d"), id, first);
		}
}

/* Builds the sorted tables of lessons and units; reports duplicate ids and paths. */
static bool cc_tables(CourseChecker *k)
{
	const Course *c = k->c;
	size_t i, j, u, nl = 0, nu = 0, order = 0;
	Entry *levels;

	for (i = 0; i < c->nlevels; i++) {
		nl += c->levels[i].nlessons;
		for (j = 0; j < c->levels[i].nlessons; j++)
			nu += c->levels[i].lessons[j].nunits;
	}
	levels = calloc(c->nlevels + 1, sizeof *levels);
	k->lessons = calloc(nl + 1, sizeof *k->lessons);
	k->units = calloc(nu + 1, sizeof *k->units);
	if (!levels || !k->lessons || !k->units) {
		free(levels);
		return false;
	}
	for (i = 0; i < c->nlevels; i++) {
		const CourseLevel *v = &c->levels[i];
		levels[i].id = v->id ? v->id : "";
		levels[i].line = v->line;
		for (j = 0; j < v->nlessons; j++) {
			const CourseLesson *l = &v->lessons[j];
			Entry *e = &k->lessons[k->nlessons++];
			e->id = l->id ? l->id : "";
			e->line = l->line;
			e->lesson = l;
			e->order = order++;
			for (u = 0; u < l->nunits; u++) {
				Entry *f = &k->units[k->nunits++];
				f->id = l->units[u].id ? l->units[u].id : "";
				f->line = l->units[u].line;
				f->lesson = l;
			}
		}
	}
	unique(k, levels, c->nlevels, COURSE_IDS_LEVEL);
	unique(k, k->lessons, k->nlessons, COURSE_IDS_LESSON);
	unique(k, k->units, k->nunits, COURSE_IDS_UNIT);
	free(levels);
	return true;
}

/* Each prerequisite names a lesson that comes earlier in the course. */
static void cc_requires(CourseChecker *k, const CourseLesson *l, size_t order)
{
	const Course *c = k->c;
	size_t r;

	for (r = 0; r < l->nrequires; r++) {
		const CourseRef *ref = &l->requires[r];
		const Entry *e = entry_find(k->lessons, k->nlessons, ref->id);
		if (!e)
			cc_error(k, c->file, c->src, c->srclen, ref->line, ref->col,
			         _("no lesson is called %s"), ref->id);
		else if (e->lesson == l)
			cc_error(k, c->file, c->src, c->srclen, ref->line, ref->col,
			         _("lesson %s cannot require itself"), ref->id);
		else if (e->order > order)
			cc_error(k, c->file, c->src, c->srclen, ref->line, ref->col,
			         _("lesson %s comes later in the course; a prerequisite must come "
			           "first"),
			         ref->id);
	}
}

/* The lesson file agrees with the index: its id and level, and its units. */
static void cc_lesson(CourseChecker *k, const CourseLevel *v, const CourseLesson *cl)
{
	const Course *c = k->c;
	const Lesson *l = cl->lesson;
	size_t u, i;
	int *seen;

	if (l->id && cl->id && strcmp(l->id, cl->id) != 0)
		cc_error(k, l->file, l->src, l->srclen, l->id_line, -1,
		         _("the course index lists this file as lesson %s, not %s"), cl->id, l->id);
	if (l->level && v->id && strcmp(l->level, v->id) != 0)
		cc_error(k, l->file, l->src, l->srclen, l->level_line, -1,
		         _("the course index puts this lesson in level %s, not %s"), v->id,
		         l->level);
	seen = calloc(cl->nunits + 1, sizeof *seen);
	if (!seen)
		return;
	for (u = 0; u < l->nunits; u++) {
		const LessonUnit *lu = &l->units[u];
		const Entry *e;
		if (!lu->id)
			continue;
		for (i = 0; i < cl->nunits; i++)
			if (cl->units[i].id && strcmp(cl->units[i].id, lu->id) == 0)
				break;
		if (i < cl->nunits) {
			if (!seen[i])
				seen[i] = lu->line;
			continue; /* a second definition: lesson_check reports it */
		}
		e = entry_find(k->units, k->nunits, lu->id);
		if (e)
			cc_error(k, l->file, l->src, l->srclen, lu->line, -1,
			         _("unit %s belongs to lesson %s in the course index"), lu->id,
			         e->lesson->id ? e->lesson->id : "?");
		else
			cc_error(k, l->file, l->src, l->srclen, lu->line, -1,
			         _("unit %s is not in the course index"), lu->id);
	}
	for (i = 0; i < cl->nunits; i++)
		if (!seen[i] && cl->units[i].id)
			cc_error(k, c->file, c->src, c->srclen, cl->units[i].line, -1,
			         _("unit %s is not defined in %s"), cl->units[i].id, cl->path);
	free(seen);
}

/* No two lessons share a file. */
static void cc_paths(CourseChecker *k)
{
	const Course *c = k->c;
	Entry *v = calloc(k->nlessons + 1, sizeof *v);
	size_t i, n = 0;

	if (!v)
		return;
	for (i = 0; i < k->nlessons; i++)
		if (k->lessons[i].lesson->path) {
			v[n] = k->lessons[i];
			v[n++].id = k->lessons[i].lesson->path;
		}
	qsort(v, n, sizeof *v, entry_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(v[i].id, v[i - 1].id) == 0)
			cc_error(k, c->file, c->src, c->srclen, v[i].line, -2,
			         _("the file %s is already lesson %s"), v[i].id,
			         v[i - 1].lesson->id ? v[i - 1].lesson->id : "?");
	free(v);
}

size_t course_check(const Course *c, const SchemaTable *schemas, DiagList *d)
{
	CourseChecker k;
	size_t i, j, order = 0;

	memset(&k, 0, sizeof k);
	k.c = c;
	k.d = d;
	if (!cc_tables(&k)) {
		diag_add(d, c->file, 0, 0, NULL, 0, _("out of memory"));
		free(k.lessons);
		free(k.units);
		return 1;
	}
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++) {
			const CourseLesson *l = &c->levels[i].lessons[j];
			cc_requires(&k, l, order++);
			if (l->lesson)
				cc_lesson(&k, &c->levels[i], l);
		}
	cc_paths(&k);
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++)
			if (c->levels[i].lessons[j].lesson) {
				diag_begin(d);
				k.added += lesson_check(c->levels[i].lessons[j].lesson, schemas, d);
			}
	diag_begin(d);
	k.added += glossary_check(c, d);
	free(k.lessons);
	free(k.units);
	return k.added;
}

size_t course_check_all(Course *c, const SchemaTable *schemas, DiagList *d)
{
	DiagList found, checked; /* course_check's findings, then lesson_check's */
	GlossMarks *marks = glossary_marks_new();
	CourseChecker k;
	size_t i, j, order = 0, before = d->n;

	memset(&k, 0, sizeof k);
	k.c = c;
	k.d = &found;
	diag_init(&found, d->max);
	diag_init(&checked, d->max);
	if (!cc_tables(&k)) {
		diag_add(&found, c->file, 0, 0, NULL, 0, _("out of memory"));
	} else {
		for (i = 0; i < c->nlevels; i++)
			for (j = 0; j < c->levels[i].nlessons; j++) {
				CourseLesson *l = &c->levels[i].lessons[j];
				cc_requires(&k, l, order++);
				if (!l->path)
					continue;
				course_read_lesson(c, l, d);
				if (!l->lesson)
					continue;
				cc_lesson(&k, &c->levels[i], l);
				diag_begin(&checked);
				lesson_check(l->lesson, schemas, &checked);
				if (marks)
					glossary_marks_add(marks, l->lesson);
				lesson_free(l->lesson);
				l->lesson = NULL;
				l->loaded = false;
			}
		cc_paths(&k);
	}
	/* Terms and links across lessons, from what each lesson left in marks. */
	diag_begin(&checked);
	if (marks)
		glossary_marks_check(marks, &checked);
	else
		diag_add(&checked, c->file, 0, 0, NULL, 0, "%s", _("out of memory"));
	glossary_marks_free(marks);
	free(k.lessons);
	free(k.units);
	diag_append(d, &found);
	diag_append(d, &checked);
	return d->n - before;
}
