/* index.c: the course index parser: levels, lessons, units and prerequisites, in order.
 * Must not read lesson files (load.c does), print, or know about terminals. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/source.h"
#include "nls.h"

static const char *const unit_kinds[] = {"read", "game", "anim", "inter", "quiz"};

#define N_UNIT_KINDS (sizeof unit_kinds / sizeof *unit_kinds)

typedef struct {
	Course *c;
	Arena *arena;
	DiagList *diags;
	const char *file;
	Line ln;
	size_t entries;
	size_t levelcap, lessoncap, unitcap, reqcap;
	CourseLevel *level;   /* the current level, or NULL */
	CourseLesson *lesson; /* the current lesson, or NULL */
	CourseRef *reqs;      /* its prerequisites and units, as they grow */
	CourseUnit *units;
	int course_line, format_line;
	bool seen;
	jmp_buf fail;
} IndexParser;

const char *unit_kind_name(UnitKind k)
{
	return (size_t)k < N_UNIT_KINDS ? unit_kinds[k] : "?";
}

static void index_error(IndexParser *x, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void index_error(IndexParser *x, size_t off, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (off > x->ln.n)
		off = x->ln.n;
	diag_add(x->diags, x->file, x->ln.no, diag_col(x->ln.p, off), x->ln.p, x->ln.n, "%s", msg);
}

/* Splits the arguments at off into the part before " | " (returned length) and the
 * title after it (*title, or NULL when there is no " | "). */
static size_t before_bar(IndexParser *x, size_t off, const char **title)
{
	size_t bar = lex_bar(x->ln.p + off, x->ln.n - off) + off, t;

	*title = NULL;
	if (bar == x->ln.n)
		return x->ln.n - off;
	t = lex_skip(x->ln.p, x->ln.n, bar + 3);
	if (t < x->ln.n)
		*title = arena_strndup(x->arena, x->ln.p + t, x->ln.n - t);
	return bar - off;
}

/* Reads the identifier at off (at most n bytes); reports and returns NULL if bad. what
 * is untranslated (N_): it is translated only for a message. */
static const char *index_id(IndexParser *x, size_t off, size_t n, const char *what)
{
	n = lex_token(x->ln.p + off, n);
	if (!lex_is_id(x->ln.p + off, n)) {
		index_error(x, off,
		            _("expected a %s (a letter, then letters, digits, '.', '_' or "
		              "'-')"),
		            _(what));
		return NULL;
	}
	return arena_strndup(x->arena, x->ln.p + off, n);
}

static bool index_entry(IndexParser *x)
{
	if (x->entries++ < COURSE_MAX_ENTRIES)
		return true;
	if (x->entries == COURSE_MAX_ENTRIES + 1)
		index_error(x, 0, _("more than %d entries in the course index"),
		            COURSE_MAX_ENTRIES);
	return false;
}

static void ix_format(IndexParser *x, size_t off)
{
	int v;

	if (x->format_line) {
		index_error(x, 0, _("@%s is given twice (first at line %d)"), "format",
		            x->format_line);
		return;
	}
	x->format_line = x->ln.no;
	if (!lex_int(x->ln.p + off, x->ln.n - off, 9999, &v) || v == 0)
		index_error(x, off, _("@format needs a version number, such as %d"), LESSON_FORMAT);
	else if (v > LESSON_FORMAT)
		index_error(x, off,
		            _("this file is in format %d, but this program reads format %d"), v,
		            LESSON_FORMAT);
	else
		x->c->format = v;
}

static void ix_course(IndexParser *x, size_t off)
{
	if (x->course_line) {
		index_error(x, 0, _("@%s is given twice (first at line %d)"), "course",
		            x->course_line);
		return;
	}
	x->course_line = x->ln.no;
	if (off == x->ln.n)
		index_error(x, off, _("@course needs the course's name"));
	else
		x->c->name = arena_strndup(x->arena, x->ln.p + off, x->ln.n - off);
}

/* Ends the current lesson: a lesson needs units. */
static void lesson_end(IndexParser *x)
{
	CourseLesson *l = x->lesson;
	Line save = x->ln;

	x->lesson = NULL;
	if (!l || l->nunits)
		return;
	if (source_line(x->c->src, x->c->srclen, l->line, &x->ln))
		index_error(x, 0, _("lesson %s has no @unit"), l->id ? l->id : "?");
	x->ln = save;
}

static void level_end(IndexParser *x)
{
	CourseLevel *v = x->level;
	Line save = x->ln;

	lesson_end(x);
	x->level = NULL;
	if (!v || v->nlessons)
		return;
	if (source_line(x->c->src, x->c->srclen, v->line, &x->ln))
		index_error(x, 0, _("level %s has no @lesson"), v->id ? v->id : "?");
	x->ln = save;
}

static void ix_level(IndexParser *x, size_t off)
{
	Course *c = x->c;
	CourseLevel *v;
	const char *title;
	size_t n = before_bar(x, off, &title), k = lex_token(x->ln.p + off, n), i, name;

	level_end(x);
	if (!index_entry(x))
		return;
	c->levels = arena_grow(x->arena, c->levels, c->nlevels, &x->levelcap, c->nlevels + 1,
	                       sizeof *c->levels);
	v = &c->levels[c->nlevels++];
	memset(v, 0, sizeof *v);
	x->level = v;
	x->lessoncap = 0;
	v->line = x->ln.no;
	for (i = 0; i < k; i++) {
		char ch = x->ln.p[off + i];
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= 'A' && ch <= 'Z')))
			break;
	}
	if (k == 0 || i < k || k > 16) {
		index_error(x, off,
		            _("a level reads '@level ID NAME | TITLE'; its ID is 1 to 16 "
		              "letters or digits"));
		return;
	}
	v->id = arena_strndup(x->arena, x->ln.p + off, k);
	name = lex_skip(x->ln.p, off + n, off + k);
	if (name == off + n || !title) {
		index_error(x, name, _("a level reads '@level ID NAME | TITLE'"));
		return;
	}
	v->name =
	    arena_strndup(x->arena, x->ln.p + name, lex_rtrim(x->ln.p + name, off + n - name));
	v->title = title;
}

/* A lesson's path: relative, inside the course directory, ending in ".lesson". */
static bool path_ok(const char *s, size_t n)
{
	size_t i;

	if (n < 8 || n > 255 || s[0] == '/' || memcmp(s + n - 7, ".lesson", 7) != 0)
		return false;
	for (i = 0; i + 1 < n; i++)
		if (s[i] == '.' && s[i + 1] == '.' && (i == 0 || s[i - 1] == '/'))
			return false;
	return true;
}

static void ix_lesson(IndexParser *x, size_t off)
{
	CourseLevel *v = x->level;
	CourseLesson *l;
	const char *title;
	size_t n = before_bar(x, off, &title), k = lex_token(x->ln.p + off, n), p;

	lesson_end(x);
	if (!v) {
		index_error(x, 0, _("@lesson before the first @level"));
		return;
	}
	if (!index_entry(x))
		return;
	v->lessons = arena_grow(x->arena, v->lessons, v->nlessons, &x->lessoncap, v->nlessons + 1,
	                        sizeof *v->lessons);
	l = &v->lessons[v->nlessons++];
	memset(l, 0, sizeof *l);
	x->lesson = l;
	x->unitcap = x->reqcap = 0;
	x->reqs = NULL;
	x->units = NULL;
	l->line = x->ln.no;
	l->id = index_id(x, off, k, N_("lesson id"));
	p = lex_skip(x->ln.p, off + n, off + k);
	if (p < off + n) {
		size_t pn = lex_rtrim(x->ln.p + p, off + n - p);
		if (lex_token(x->ln.p + p, pn) != pn || !path_ok(x->ln.p + p, pn))
			index_error(x, p,
			            _("a lesson's file is a relative path inside the course "
			              "directory, ending in .lesson"));
		else
			l->path = arena_strndup(x->arena, x->ln.p + p, pn);
		if (title)
			index_error(x, p,
			            _("a lesson with a file takes its title from the file's "
			              "@title, not from the index"));
	} else if (!title) {
		index_error(x, x->ln.n,
		            _("a lesson reads '@lesson ID FILE', or '@lesson ID | TITLE' for a "
		              "planned lesson"));
	}
	l->title = l->path ? NULL : title;
}

static void ix_requires(IndexParser *x, size_t off)
{
	CourseLesson *l = x->lesson;
	CourseRef *refs;
	size_t n;

	if (!l) {
		index_error(x, 0, _("@requires belongs to a lesson: put it after its @lesson"));
		return;
	}
	if (off == x->ln.n)
		index_error(x, off, _("@requires needs the ids of the lessons that come first"));
	refs = x->reqs;
	while (off < x->ln.n) {
		const char *id;
		n = lex_token(x->ln.p + off, x->ln.n - off);
		id = index_id(x, off, n, N_("lesson id"));
		if (id) {
			if (l->nrequires >= LESSON_MAX_ITEMS) {
				index_error(x, off, _("too many prerequisites"));
				return;
			}
			refs = arena_grow(x->arena, refs, l->nrequires, &x->reqcap,
			                  l->nrequires + 1, sizeof *refs);
			refs[l->nrequires].id = id;
			refs[l->nrequires].line = x->ln.no;
			refs[l->nrequires].col = diag_col(x->ln.p, off);
			l->nrequires++;
			l->requires = x->reqs = refs;
		}
		off = lex_skip(x->ln.p, x->ln.n, off + n);
	}
}

static void ix_unit(IndexParser *x, size_t off)
{
	CourseLesson *l = x->lesson;
	CourseUnit *units, *u;
	const char *title, *s = x->ln.p;
	size_t n = before_bar(x, off, &title), end = off + n, k, i;
	int minutes;

	if (!l) {
		index_error(x, 0, _("@unit before the first @lesson"));
		return;
	}
	if (!index_entry(x))
		return;
	units =
	    arena_grow(x->arena, x->units, l->nunits, &x->unitcap, l->nunits + 1, sizeof *units);
	l->units = x->units = units;
	u = &units[l->nunits++];
	memset(u, 0, sizeof *u);
	u->line = x->ln.no;
	k = lex_token(s + off, n);
	u->id = index_id(x, off, k, N_("unit id"));
	off = lex_skip(s, end, off + k);
	k = lex_token(s + off, end - off);
	for (i = 0; i < N_UNIT_KINDS && !lex_eq(s + off, k, unit_kinds[i]); i++)
		;
	if (i == N_UNIT_KINDS) {
		index_error(x, off, _("a unit's kind is read, game, anim, inter or quiz"));
		return;
	}
	u->kind = (UnitKind)i;
	off = lex_skip(s, end, off + k);
	k = lex_token(s + off, end - off);
	if (!lex_int(s + off, k, 600, &minutes) || minutes < 1) {
		index_error(x, off, _("a unit's estimated time is a number of minutes, 1 to 600"));
		return;
	}
	u->minutes = minutes;
	off = lex_skip(s, end, off + k);
	if (off < end) {
		index_error(x, off, _("unexpected text before the unit's ' | TITLE'"));
		return;
	}
	if (!title)
		index_error(x, end, _("a unit reads '@unit ID KIND MINUTES | TITLE'"));
	u->title = title;
}

typedef struct {
	const char *name;
	void (*fn)(IndexParser *x, size_t off);
} IndexDirective;

static const IndexDirective index_directives[] = {
    {"format", ix_format}, {"course", ix_course},     {"level", ix_level},
    {"lesson", ix_lesson}, {"requires", ix_requires}, {"unit", ix_unit},
};

#define N_INDEX_DIRECTIVES (sizeof index_directives / sizeof *index_directives)

static void index_line(IndexParser *x)
{
	const Line *ln = &x->ln;
	size_t n = 1, i;

	if (lex_skip(ln->p, ln->n, 0) == ln->n || ln->p[0] == '#')
		return;
	x->seen = true;
	if (ln->p[0] != '@') {
		index_error(x, 0,
		            _("expected a directive (@level, @lesson, @unit...) or a # "
		              "comment"));
		return;
	}
	while (n < ln->n && ln->p[n] >= 'a' && ln->p[n] <= 'z')
		n++;
	for (i = 0; i < N_INDEX_DIRECTIVES; i++)
		if (lex_eq(ln->p + 1, n - 1, index_directives[i].name) &&
		    (n == ln->n || lex_blank(ln->p[n]))) {
			index_directives[i].fn(x, lex_skip(ln->p, ln->n, n));
			return;
		}
	index_error(x, 0, _("unknown directive @%.*s in the course index"), (int)(n - 1),
	            ln->p + 1);
}

static void index_run(IndexParser *x, const char *text, size_t n)
{
	Course *c = x->c;
	Source src;
	int r;

	c->src = arena_strndup(&c->arena, text, n);
	c->srclen = n;
	source_init(&src, c->src, n, x->file, x->diags);
	while ((r = source_next(&src, &x->ln)) != 0 && !x->diags->full)
		if (r > 0)
			index_line(x);
	if (x->diags->full)
		return;
	level_end(x);
	if (!x->seen) {
		diag_add(x->diags, x->file, 1, 1, NULL, 0, _("the course index is empty"));
	} else if (!x->format_line || !x->course_line) {
		Line first = {"", 0, 1};
		source_line(c->src, n, 1, &first);
		diag_add(x->diags, x->file, 1, 1, first.p, first.n,
		         _("the course index has no @%s"), !x->format_line ? "format" : "course");
	}
}

LessonStatus course_parse(Course **out, const char *file, const char *text, size_t n, DiagList *d)
{
	IndexParser *x;
	Course *c = calloc(1, sizeof *c);
	size_t before = diag_count(d);

	*out = NULL;
	x = calloc(1, sizeof *x);
	if (!c || !x) {
		free(c);
		free(x);
		return LESSON_ERR_NOMEM;
	}
	arena_init(&c->arena, LESSON_MAX_MODEL);
	x->c = c;
	x->arena = &c->arena;
	x->diags = d;
	if (setjmp(x->fail) != 0) {
		free(x);
		course_free(c);
		return LESSON_ERR_NOMEM;
	}
	c->arena.fail = &x->fail;
	c->file = x->file = arena_strndup(&c->arena, file, strlen(file));
	if (n > LESSON_MAX_FILE)
		diag_add(d, file, 0, 0, NULL, 0, _("the file is larger than %d bytes"),
		         LESSON_MAX_FILE);
	else
		index_run(x, text, n);
	c->arena.fail = NULL;
	free(x);
	*out = c;
	return diag_count(d) > before || d->nomem ? LESSON_ERR_INVALID : LESSON_OK;
}
