/* load.c: reading a course directory: the index, then the lesson files it lists, all at
 * once (course_load) or each when it is first needed (course_open, course_lesson).
 * Reads files with libc only; must not print, exit, or check (check.c does). */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/lesson.h"
#include "lesson/limits.h"
#include "lesson/source.h"
#include "nn/infile.h"
#include "nls.h"

const char *course_read_error(int err)
{
	switch (err) {
	case EFBIG:
		return _("the file is too large");
	case COURSE_ERR_NOT_FILE:
		return _("not a regular file");
	case COURSE_ERR_OUTSIDE:
		return _("it leads outside the course folder (through a link)");
	default:
		return strerror(err);
	}
}

int course_read_file(const char *path, char **buf, size_t *n)
{
	InfileStatus st = infile_read(path, LESSON_MAX_FILE, buf, n);

	switch (st) {
	case INFILE_OK:
		return 0;
	case INFILE_ERR_NOT_REGULAR:
		return COURSE_ERR_NOT_FILE;
	case INFILE_ERR_TOO_BIG:
		return EFBIG;
	default:
		return errno ? errno : EIO;
	}
}

/* Reports err about what at the lesson's line of the index. */
static void load_error(const Course *c, const CourseLesson *l, DiagList *d, int err)
{
	Line ln;
	int col = 1;
	const char *why = course_read_error(err);

	if (!source_line(c->src, c->srclen, l->line, &ln))
		ln.p = "", ln.n = 0;
	else if (strstr(ln.p, l->path) && (size_t)(strstr(ln.p, l->path) - ln.p) < ln.n)
		col = diag_col(ln.p, (size_t)(strstr(ln.p, l->path) - ln.p));
	diag_add(d, c->file, l->line, col, ln.p, ln.n, _("cannot read lesson file '%s': %s"),
	         l->path, why);
}

/* 0 when path, with every link resolved, lies inside root (a resolved folder);
 * COURSE_ERR_OUTSIDE when it does not; an errno value when it cannot be resolved. The
 * index's paths are checked lexically too, but only this sees where links lead. */
static int inside(const char *root, const char *path)
{
	char real[PATH_MAX];
	size_t n = strlen(root);

	if (!realpath(path, real))
		return errno;
	if (strncmp(real, root, n) != 0 || (real[n] != '/' && !(n == 1 && root[0] == '/')))
		return COURSE_ERR_OUTSIDE;
	return 0;
}

void course_read_lesson(Course *c, CourseLesson *l, DiagList *d)
{
	char *buf;
	size_t n;
	int err;

	l->loaded = true;
	if (!l->file && l->path && c->dir) {
		char path[PATH_MAX];
		if (snprintf(path, sizeof path, "%s/%s", c->dir, l->path) >= (int)sizeof path) {
			load_error(c, l, d, ENAMETOOLONG);
			return;
		}
		l->file = arena_strndup(&c->arena, path, strlen(path));
	}
	if (!l->file)
		return;
	err = c->root ? inside(c->root, l->file) : 0;
	if (!err)
		err = course_read_file(l->file, &buf, &n);
	if (err) {
		load_error(c, l, d, err);
		return;
	}
	diag_begin(d);
	if (lesson_parse(&l->lesson, l->file, buf, n, d) == LESSON_ERR_NOMEM)
		diag_add(d, l->file, 0, 0, NULL, 0, _("out of memory"));
	free(buf);
}

LessonStatus course_open(Course **out, const char *dir, DiagList *d)
{
	char path[PATH_MAX], root[PATH_MAX];
	char *buf;
	size_t n = 0, i, j;
	int err;
	LessonStatus st;
	Course *c;

	*out = NULL;
	if (snprintf(path, sizeof path, "%s/%s", dir, COURSE_INDEX_FILE) >= (int)sizeof path)
		err = ENAMETOOLONG;
	else if (!realpath(dir, root))
		err = errno;
	else
		err = course_read_file(path, &buf, &n);
	if (err) {
		diag_add(d, path, 0, 0, NULL, 0, "%s", course_read_error(err));
		return LESSON_ERR_INVALID;
	}
	st = course_parse(&c, path, buf, n, d);
	free(buf);
	if (st == LESSON_ERR_NOMEM)
		return st;
	diag_init(&c->late, 0);
	c->root = arena_strndup(&c->arena, root, strlen(root));
	c->dir = arena_strndup(&c->arena, dir, strlen(dir));
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++) {
			CourseLesson *l = &c->levels[i].lessons[j];
			l->course = c;
			l->level = i;
			l->at = j;
		}
	*out = c;
	return st;
}

LessonStatus course_load(Course **out, const char *dir, DiagList *d)
{
	size_t before = d->n, i, j;
	LessonStatus st = course_open(out, dir, d);
	Course *c = *out;

	if (!c)
		return st;
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++)
			if (c->levels[i].lessons[j].path)
				course_read_lesson(c, &c->levels[i].lessons[j], d);
	return d->n > before || d->nomem ? LESSON_ERR_INVALID : LESSON_OK;
}

bool course_written(const CourseLesson *l)
{
	return l->lesson || l->file || (l->path && l->course);
}

const Lesson *course_lesson(const CourseLesson *cl)
{
	Course *c = cl->course;
	CourseLesson *l;
	size_t before;

	if (cl->loaded || !c || !cl->path)
		return cl->lesson;
	/* The same lesson, reached through the course that owns it: reading it on first
	 * use fills in what course_load would have. */
	l = &c->levels[cl->level].lessons[cl->at];
	before = c->late.n;
	diag_begin(&c->late);
	course_read_lesson(c, l, &c->late);
	l->nproblems = c->late.n - before;
	l->problem = l->nproblems ? before + 1 : 0;
	return l->lesson;
}

void course_free(Course *c)
{
	size_t i, j;

	if (!c)
		return;
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++)
			lesson_free(c->levels[i].lessons[j].lesson);
	diag_free(&c->late);
	arena_free(&c->arena);
	free(c);
}
