/* check.c: the --check action: walks files and directories, runs the lesson parser and
 * checkers, and prints their diagnostics. Must not open the terminal or contain any
 * lesson syntax: that is src/lesson's. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/check.h"
#include "lesson/course.h"
#include "lesson/lesson.h"
#include "nls.h"
#include "widgets/core/registry.h"

/* The directories being walked, outermost first: a directory met again below
 * itself (through a link) is a loop, reported and not entered. */
typedef struct Ancestor {
	dev_t dev;
	ino_t ino;
	const struct Ancestor *up;
} Ancestor;

typedef struct {
	dev_t dev;
	ino_t ino;
} FileId;

typedef struct {
	DiagList d;
	SchemaTable schemas;
	size_t errors;
	FileId *seen; /* the lesson files a course index listed */
	size_t nseen, seencap;
} CheckRun;

/* Prints and forgets every diagnostic collected so far. */
static void check_flush(CheckRun *r)
{
	size_t i;

	for (i = 0; i < r->d.n; i++) {
		char small[1024];
		size_t need = diag_format(&r->d.items[i], small, sizeof small);
		if (need < sizeof small) {
			fputs(small, stderr);
		} else {
			char *big = malloc(need + 1);
			if (big) {
				diag_format(&r->d.items[i], big, need + 1);
				fputs(big, stderr);
				free(big);
			}
		}
	}
	r->errors += r->d.n;
	if (r->d.nomem) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("out of memory"));
		r->errors++;
	}
	diag_free(&r->d);
}

/* Remembers the file at path as one a course index listed (by device and inode, so a
 * link to it or a path through a linked folder is the same file). */
static void check_seen_add(CheckRun *r, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return;
	if (r->nseen == r->seencap) {
		size_t cap = r->seencap ? r->seencap * 2 : 32;
		FileId *v = realloc(r->seen, cap * sizeof *v);
		if (!v)
			return;
		r->seen = v;
		r->seencap = cap;
	}
	r->seen[r->nseen].dev = st.st_dev;
	r->seen[r->nseen++].ino = st.st_ino;
}

/* Whether st (a file met in the walk) is one a course index listed. */
static int check_seen(const CheckRun *r, const struct stat *st)
{
	size_t i;

	for (i = 0; i < r->nseen; i++)
		if (r->seen[i].dev == st->st_dev && r->seen[i].ino == st->st_ino)
			return 1;
	return 0;
}

static void check_lesson_file(CheckRun *r, const char *path)
{
	Lesson *l = NULL;
	char *buf;
	size_t n;
	int err = course_read_file(path, &buf, &n);

	diag_begin(&r->d);
	if (err) {
		diag_add(&r->d, path, 0, 0, NULL, 0, "%s", course_read_error(err));
	} else {
		if (lesson_parse(&l, path, buf, n, &r->d) == LESSON_ERR_NOMEM)
			diag_add(&r->d, path, 0, 0, NULL, 0, "%s", _("out of memory"));
		else if (!r->d.full)
			lesson_check(l, &r->schemas, &r->d);
		free(buf);
	}
	check_flush(r);
	lesson_free(l);
}

static void check_course(CheckRun *r, const char *dir)
{
	Course *c = NULL;
	size_t i, j;

	diag_begin(&r->d);
	if (course_open(&c, dir, &r->d) != LESSON_ERR_NOMEM && c) {
		course_check_all(c, &r->schemas, &r->d);
		for (i = 0; i < c->nlevels; i++)
			for (j = 0; j < c->levels[i].nlessons; j++)
				if (c->levels[i].lessons[j].file)
					check_seen_add(r, c->levels[i].lessons[j].file);
	} else if (!c && r->d.n == 0) {
		diag_add(&r->d, dir, 0, 0, NULL, 0, "%s", _("out of memory"));
	}
	check_flush(r);
	course_free(c);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

static int is_course_dir(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;

	return snprintf(path, sizeof path, "%s/%s", dir, COURSE_INDEX_FILE) < (int)sizeof path &&
	       stat(path, &st) == 0;
}

/* Checks dir: as a course when it holds an index, then each directory below it the
 * same way, and each lesson file no course index has listed on its own. */
static void check_tree(CheckRun *r, const char *dir, const Ancestor *up)
{
	DIR *dp;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	struct stat st;
	Ancestor here;
	const Ancestor *a;

	if (stat(dir, &st) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, dir, strerror(errno));
		r->errors++;
		return;
	}
	for (a = up; a; a = a->up)
		if (a->dev == st.st_dev && a->ino == st.st_ino) {
			fprintf(stderr, _("%s: %s: not searched: it leads back to a folder "
					  "above it\n"),
				PACKAGE, dir);
			return;
		}
	here.dev = st.st_dev;
	here.ino = st.st_ino;
	here.up = up;
	dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, dir, strerror(errno));
		r->errors++;
		return;
	}
	if (is_course_dir(dir))
		check_course(r, dir);
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 32;
			char **v = realloc(names, c * sizeof *v);
			if (!v)
				break;
			names = v;
			cap = c;
		}
		if ((names[n] = strdup(e->d_name)) != NULL)
			n++;
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		char path[PATH_MAX];

		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) {
			fprintf(stderr, _("%s: %s/%s: not searched: the path is too long\n"),
				PACKAGE, dir, names[i]);
			r->errors++;
		} else if (stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				check_tree(r, path, &here);
			else if (S_ISREG(st.st_mode) && has_suffix(names[i], ".lesson") &&
			         !check_seen(r, &st))
				check_lesson_file(r, path);
		}
		free(names[i]);
	}
	free(names);
}

static void check_one(CheckRun *r, const char *arg)
{
	struct stat st;
	const char *base = strrchr(arg, '/');

	base = base ? base + 1 : arg;
	if (stat(arg, &st) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, arg, strerror(errno));
		r->errors++;
	} else if (S_ISDIR(st.st_mode)) {
		check_tree(r, arg, NULL);
	} else if (strcmp(base, COURSE_INDEX_FILE) == 0) {
		char dir[PATH_MAX];
		snprintf(dir, sizeof dir, "%.*s", base == arg ? 1 : (int)(base - arg - 1),
		         base == arg ? "." : arg);
		check_course(r, dir);
	} else {
		check_lesson_file(r, arg);
	}
}

int check_run(int nargs, char **args, const char *default_dir)
{
	CheckRun r;
	int i;

	memset(&r, 0, sizeof r);
	diag_init(&r.d, 0);
	r.schemas = registry_schemas();
	if (nargs == 0)
		check_one(&r, default_dir);
	for (i = 0; i < nargs; i++)
		check_one(&r, args[i]);
	free(r.seen);
	if (r.errors)
		fprintf(stderr,
		        ngettext("%s: %zu error\n", "%s: %zu errors\n", (unsigned long)r.errors),
		        PACKAGE, r.errors);
	return r.errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
