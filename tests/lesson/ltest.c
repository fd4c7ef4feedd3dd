/* ltest.c: the parser suites' shared lessons: a header and a few lines parsed and
 * checked, good files read from tests/lesson/good, bad bodies and their first error.
 * Links the lesson library, the kinds' schemas and Check; no terminal. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "ltest.h"
#include "testlib.h"
#include "widgets/core/registry.h"

/* Parses text as file; checks it when the parser said nothing. Fills *nd and msg. */
static Lesson *parse_text(const char *file, const char *text, size_t n, size_t *nd, char *msg,
                          size_t size)
{
	SchemaTable t = registry_schemas();
	DiagList d;
	Lesson *l;

	diag_init(&d, 0);
	ck_assert_int_ne(lesson_parse(&l, file, text, n, &d), LESSON_ERR_NOMEM);
	if (d.n == 0)
		lesson_check(l, &t, &d);
	*nd = d.n;
	if (size)
		msg[0] = '\0';
	if (d.n && size)
		diag_format(&d.items[0], msg, size);
	diag_free(&d);
	return l;
}

Lesson *lt_parse(const char *body, size_t *nd, char *msg, size_t size)
{
	char text[8192];

	snprintf(text, sizeof text, "@lesson T-t\n@title T\n@level 1\n@format 1\n\n@unit T.t\n%s",
	         body);
	return parse_text("t.lesson", text, strlen(text), nd, msg, size);
}

Lesson *lt_parse_ok(const char *body)
{
	char msg[1024];
	size_t nd;
	Lesson *l = lt_parse(body, &nd, msg, sizeof msg);

	ck_assert_msg(nd == 0, "unexpected diagnostic: %s", msg);
	return l;
}

Lesson *lt_good(const char *name)
{
	char path[256], *text, msg[1024];
	size_t n, nd;
	Lesson *l;

	snprintf(path, sizeof path, "tests/lesson/good/%s", name);
	ck_assert_int_eq(course_read_file(test_srcpath(path), &text, &n), 0);
	l = parse_text(name, text, n, &nd, msg, sizeof msg);
	ck_assert_msg(nd == 0, "unexpected diagnostic: %s", msg);
	free(text);
	return l;
}

void lt_bad(const LtBad *c)
{
	char msg[1024];
	size_t nd;
	Lesson *l = lt_parse(c->body, &nd, msg, sizeof msg);

	ck_assert_msg(strncmp(msg, c->first, strlen(c->first)) == 0, "'%s': got '%s'", c->first,
	              msg);
	ck_assert_uint_eq(nd, c->n);
	lesson_free(l);
}
