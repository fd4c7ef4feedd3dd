/* course.h: the course index (course.index): parsing it, loading the lessons it lists
 * from a directory, and checking the whole course. No terminal; never prints or
 * exits: errors are diagnostics. */
#ifndef NN_LESSON_COURSE_H
#define NN_LESSON_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/diag.h"
#include "lesson/model.h"
#include "lesson/schema.h"

/* The index's file name inside a course directory. */
#define COURSE_INDEX_FILE "course.index"

/* Parses n bytes of text, the course index called file, into *out (levels, lessons,
 * units, prerequisites; no lesson file is read). Diagnostics go to d. Returns
 * LESSON_OK, LESSON_ERR_INVALID (with *out holding what could be read) or
 * LESSON_ERR_NOMEM (*out NULL). The model keeps a copy of file's name. Free with
 * course_free. */
LessonStatus course_parse(Course **out, const char *file, const char *text, size_t n, DiagList *d);

/* Reads and parses dir/course.index only: no lesson file is read yet. Each lesson with
 * a file is read when first asked for (course_lesson; its file is set then), so
 * opening a course costs the same whatever its size. Returns as course_parse; *out is
 * NULL only when the index itself cannot be read. */
LessonStatus course_open(Course **out, const char *dir, DiagList *d);

/* course_open, then every lesson file the index lists (paths relative to dir) read
 * and parsed; each CourseLesson's lesson is set, or NULL when planned or unreadable.
 * Parse errors and unreadable files are diagnostics in d; call course_check after.
 * Returns as course_parse; *out is NULL only when the index itself cannot be read. */
LessonStatus course_load(Course **out, const char *dir, DiagList *d);

/* Whether l is written: it has a file (readable or not: reading it says), or its
 * lesson is there. A planned lesson is not. Reads nothing. */
bool course_written(const CourseLesson *l);

/* l's lesson, reading and parsing its file the first time it is asked for (after
 * course_open); NULL when l is planned or its file cannot be read. What reading it
 * found goes to l->course->late (l->problem, l->nproblems say where), not to the
 * caller: the first answer is kept, so later calls read nothing. The course is the
 * same before and after, but for that cache. */
const Lesson *course_lesson(const CourseLesson *l);

/* Checks the course: unique level, lesson and unit ids; prerequisites that name an
 * earlier lesson; each written lesson's header matching the index; every unit of a
 * written lesson defined exactly once, in the lesson the index says; and each loaded
 * lesson with lesson_check. Returns the number of diagnostics added. */
size_t course_check(const Course *c, const SchemaTable *schemas, DiagList *d);

/* Reads and parses l's file (its path in c's folder) into l->lesson now, as
 * course_load does; a file that cannot be read, and the parser's findings, are
 * diagnostics in d. Marks l loaded either way. */
void course_read_lesson(Course *c, CourseLesson *l, DiagList *d);

/* course_load's reading and course_check's checking of a course from course_open, one
 * lesson in memory at a time (each is checked and freed once read, leaving what the
 * checks of terms across lessons need, and reads again on its next use): the same
 * diagnostics, in the same order, for a fraction of the memory. Returns the number of
 * diagnostics added to d. */
size_t course_check_all(Course *c, const SchemaTable *schemas, DiagList *d);

/* Frees the course and the lessons read into it; NULL is allowed. */
void course_free(Course *c);

/* What course_read_file returns besides errno values. */
enum {
	COURSE_ERR_NOT_FILE = -1, /* a FIFO, a device, a directory: not read */
	COURSE_ERR_OUTSIDE = -2   /* the file lies outside the course folder */
};

/* Reads the whole file at path (at most LESSON_MAX_FILE bytes) into a malloc'd,
 * NUL-terminated *buf. Opens without blocking and reads regular files only, so a FIFO
 * or a device in a course never hangs or floods the reader. Returns 0, an errno value
 * (EFBIG when too large), or COURSE_ERR_NOT_FILE. */
int course_read_file(const char *path, char **buf, size_t *n);

/* The message for an error of course_read_file or course_load ("the file is too
 * large", strerror's text...). */
const char *course_read_error(int err);

#endif
