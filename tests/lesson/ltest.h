/* ltest.h: what the parser suites of widget bodies, code and steps share: a lesson
 * made of a fixed header and a few lines, parsed and checked, with its diagnostics; a
 * good file of tests/lesson/good. Links the lesson library, the kinds' schemas, Check. */
#ifndef NN_TESTS_LESSON_LTEST_H
#define NN_TESTS_LESSON_LTEST_H

#include <stddef.h>

#include "lesson/lesson.h"

/* A bad body, how many diagnostics it gives, and the start of the first one. */
typedef struct {
	const char *body;
	size_t n;
	const char *first; /* "t.lesson:LINE:COL: message" */
} LtBad;

/* Parses a six-line header, then body (its first line is line 7), as "t.lesson", and
 * checks it against the kinds when the parser said nothing. *nd gets the number of
 * diagnostics, msg (size bytes) the first formatted, or "". Free with lesson_free. */
Lesson *lt_parse(const char *body, size_t *nd, char *msg, size_t size);

/* As lt_parse; fails the test on any diagnostic. */
Lesson *lt_parse_ok(const char *body);

/* Reads, parses and checks tests/lesson/good/NAME; fails the test on any diagnostic. */
Lesson *lt_good(const char *name);

/* Fails the test unless c->body gives c->n diagnostics, the first starting with
 * c->first. */
void lt_bad(const LtBad *c);

#endif
