/* lessontest.c: a lesson file read as text, what it states, and a scene of its own
 * widgets, for the lesson suites. Links the widget harness and Check. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/diag.h"
#include "lesson/lesson.h"
#include "widgets/lessons/lessontest.h"

char *lt_text;
static Lesson *lt_parsed; /* lt_text parsed, on first use */

void lt_load(const char *rel)
{
	size_t n;
	char path[512];

	snprintf(path, sizeof path, "content/%s", rel);
	lt_free();
	ck_assert_int_eq(course_read_file(test_srcpath(path), &lt_text, &n), 0);
}

void lt_free(void)
{
	free(lt_text);
	lt_text = NULL;
	if (lt_parsed)
		lesson_free(lt_parsed);
	lt_parsed = NULL;
}

const Lesson *lt_lesson(void)
{
	if (!lt_parsed) {
		DiagList d;
		ck_assert_ptr_nonnull(lt_text);
		diag_init(&d, 0);
		ck_assert_int_eq(lesson_parse(&lt_parsed, "lesson", lt_text, strlen(lt_text), &d),
				 LESSON_OK);
		ck_assert_uint_eq(d.n, 0);
		diag_free(&d);
	}
	return lt_parsed;
}

const Quiz *lt_quiz(const char *id)
{
	const Lesson *l = lt_lesson();
	size_t u, b;

	for (u = 0; u < l->nunits; u++)
		for (b = 0; b < l->units[u].nblocks; b++) {
			const Block *bl = &l->units[u].blocks[b];
			if (bl->kind == BLOCK_QUIZ && (!id || strcmp(bl->quiz.id, id) == 0))
				return &bl->quiz;
		}
	ck_abort_msg("no quiz %s", id ? id : "at all");
	return NULL;
}

/* Whether the text at p says s, a line break and the indent after it counting as
 * one space. */
static bool says_at(const char *p, const char *s)
{
	for (; *s; s++, p++) {
		if (*p == '\n' && *s == ' ') {
			while (p[1] == ' ')
				p++;
			continue;
		}
		if (*p != *s)
			return false;
	}
	return true;
}

void lt_states(const char *s)
{
	const char *p;

	for (p = lt_text; *p; p++)
		if (says_at(p, s))
			return;
	ck_abort_msg("the lesson does not say \"%s\"", s);
}

void lt_says(double v, int d, const char *prefix)
{
	char want[128];

	snprintf(want, sizeof want, "%s%.*f", prefix, d, v);
	lt_states(want);
}

/* Where quiz id starts in lt_text, and its @end (*end). */
static const char *quiz_at(const char *id, const char **end)
{
	char key[96];
	const char *q;

	snprintf(key, sizeof key, " id=%s\n", id);
	q = strstr(lt_text, key);
	ck_assert_msg(q != NULL, "no quiz %s", id);
	*end = strstr(q, "\n@end\n");
	ck_assert_ptr_nonnull(*end);
	return q;
}

double lt_quiz_field(const char *id, const char *field)
{
	char key[96];
	const char *e, *q = quiz_at(id, &e), *f;

	snprintf(key, sizeof key, "\n%s: ", field);
	f = strstr(q, key);
	ck_assert_msg(f != NULL && f < e, "quiz %s has no %s", id, field);
	return strtod(f + strlen(key), NULL);
}

double lt_round(double v, int places)
{
	double f = pow(10, places);

	return round(v * f) / f;
}

void lt_quiz_answer_is(const char *id, double v)
{
	ck_assert_msg(fabs(lt_quiz_field(id, "answer") - v) <= lt_quiz_field(id, "tolerance") + 1e-12,
		      "%s: the answer is not %g", id, v);
}

const char *lt_flat(char *buf, size_t size, const Text *t)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < t->n; i++) {
		ck_assert(strlen(buf) + t->spans[i].len < size);
		strncat(buf, t->spans[i].text, t->spans[i].len);
	}
	return buf;
}

void lt_quiz_wrong(const char *id, double v)
{
	char want[64];
	const char *e, *q = quiz_at(id, &e), *f;

	snprintf(want, sizeof want, "\nwrong: %g | ", v);
	f = strstr(q, want);
	ck_assert_msg(f != NULL && f < e, "quiz %s has no \"%s\"", id, want + 1);
}

void lt_open_widgets(WTest *t, const char *const *ids, size_t n)
{
	char *body = calloc(1, strlen(lt_text) + 1);
	size_t i;

	ck_assert_ptr_nonnull(body);
	for (i = 0; i < n; i++) {
		char key[96];
		const char *p = lt_text, *s, *e;
		snprintf(key, sizeof key, " id=%s", ids[i]);
		do {
			p = strstr(p, key);
			ck_assert_msg(p != NULL, "no widget %s in the lesson", ids[i]);
			p += strlen(key);
		} while (*p != ' ' && *p != '\n');
		for (s = p; s > lt_text && strncmp(s, "@widget", 7) != 0; s--)
			;
		e = strstr(p, "\n@end\n");
		ck_assert_ptr_nonnull(e);
		strncat(body, s, (size_t)(e + 6 - s));
		strcat(body, "\n");
	}
	wt_open(t, body);
	free(body);
}
