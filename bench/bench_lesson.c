/* bench_lesson.c: how long parsing and checking a course takes (make bench-lesson).
 * Times course_open + course_check_all of a course directory, and each lesson file under
 * it on its own, as "neuronauts --check" does; prints the median of many runs. A
 * benchmark, not a test: it never fails on time. Links the lesson library only. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lesson/course.h"
#include "lesson/lesson.h"
#include "widgets/core/registry.h"

enum { RUNS = 201, MAX_FILES = 256 };

typedef struct {
	char *text;
	size_t n;
	char path[512];
} File;

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The lesson files directly in dir and one level below. */
static size_t find_lessons(const char *dir, File *files, size_t n, int depth)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	while (dp && (e = readdir(dp)) != NULL && n < MAX_FILES) {
		char path[512];
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (len > 7 && strcmp(e->d_name + len - 7, ".lesson") == 0) {
			snprintf(files[n].path, sizeof files[n].path, "%s", path);
			if (course_read_file(path, &files[n].text, &files[n].n) == 0)
				n++;
		} else if (depth < 2) {
			n = find_lessons(path, files, n, depth + 1);
		}
	}
	if (dp)
		closedir(dp);
	return n;
}

/* Runs one full check of the course and the lesson texts; returns the diagnostics. */
static size_t one_run(const char *dir, const File *files, size_t nfiles, size_t copies)
{
	SchemaTable t = registry_schemas();
	DiagList d;
	Course *c = NULL;
	size_t i, k, errors;

	diag_init(&d, 0);
	if (course_open(&c, dir, &d) != LESSON_ERR_NOMEM && c)
		course_check_all(c, &t, &d);
	course_free(c);
	for (k = 0; k < copies; k++)
		for (i = 0; i < nfiles; i++) {
			Lesson *l;
			diag_begin(&d);
			if (lesson_parse(&l, files[i].path, files[i].text, files[i].n, &d) !=
			    LESSON_ERR_NOMEM)
				lesson_check(l, &t, &d);
			lesson_free(l);
		}
	errors = d.n;
	diag_free(&d);
	return errors;
}

static void report(const char *what, const char *dir, const File *files, size_t nfiles,
                   size_t copies)
{
	double times[RUNS];
	size_t r, bytes = 0, i, errors = 0;

	for (i = 0; i < nfiles; i++)
		bytes += files[i].n * copies;
	for (r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		errors = one_run(dir, files, nfiles, copies);
		times[r] = now_ms() - t0;
	}
	qsort(times, RUNS, sizeof *times, cmp_double);
	printf("bench-lesson: %-40s %7.3f ms median (min %.3f, max %.3f) over %d runs; "
	       "%zu lesson files, %zu bytes; %zu diagnostics\n",
	       what, times[RUNS / 2], times[0], times[RUNS - 1], RUNS, nfiles * copies, bytes,
	       errors);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "content";
	File *files = calloc(MAX_FILES, sizeof *files);
	size_t n = find_lessons(dir, files, 0, 0), i;

	report("the course (index and lessons)", dir, files, n, 1);
	/* a course with every lesson of the syllabus written: 40 lessons the size of the
	 * example, which uses every construct */
	report("40 example-sized lessons and the index", dir, files, n, n ? 40 / n : 0);
	for (i = 0; i < n; i++)
		free(files[i].text);
	free(files);
	return 0;
}
