/* check_robust.c: hostile input gives errors or a model, never a crash, a hang or
 * unbounded memory: empty files, NUL bytes, invalid UTF-8, a 10 MB line, 100,000
 * nested or unterminated blocks, the documented limits; and the diagnostic format. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/arena.h"
#include "lesson/course.h"
#include "lesson/lesson.h"
#include "lesson/limits.h"
#include "testlib.h"
#include "widgets/core/registry.h"

static const char head[] = "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n";

/* Parses (and checks) n bytes; returns the number of diagnostics; the first one's
 * text goes to msg when given. */
static size_t run(const char *text, size_t n, char *msg, size_t size)
{
	DiagList d;
	Lesson *l;
	Course *c;
	SchemaTable t = registry_schemas();
	LessonStatus st;
	size_t count;

	diag_init(&d, 0);
	st = lesson_parse(&l, "x.lesson", text, n, &d);
	ck_assert_int_ne(st, LESSON_ERR_NOMEM);
	ck_assert_ptr_nonnull(l);
	if (!d.full)
		lesson_check(l, &t, &d);
	ck_assert_uint_le(d.n, LESSON_MAX_ERRORS + 1);
	count = d.n;
	if (msg)
		diag_format(&d.items[0], msg, size);
	lesson_free(l);
	diag_free(&d);
	/* the same bytes as a course index must be as safe */
	diag_init(&d, 0);
	ck_assert_int_ne(course_parse(&c, "course.index", text, n, &d), LESSON_ERR_NOMEM);
	ck_assert_uint_le(d.n, LESSON_MAX_ERRORS + 1);
	course_free(c);
	diag_free(&d);
	return count;
}

/* head, then body repeated until the text is n bytes long. */
static char *repeat(const char *body, size_t n)
{
	char *s = malloc(n + 1);
	size_t h = strlen(head), b = strlen(body), i;

	ck_assert_ptr_nonnull(s);
	memcpy(s, head, h);
	for (i = h; i < n; i++)
		s[i] = body[(i - h) % b];
	s[n] = '\0';
	return s;
}

START_TEST(empty_and_nearly_empty)
{
	char msg[512];

	ck_assert_uint_eq(run("", 0, msg, sizeof msg), 1);
	ck_assert_str_eq(msg, "x.lesson:1:1: the lesson is empty: it needs a header (@lesson, "
	                      "@title, @level, @format) and a @unit\n");
	ck_assert_uint_eq(run("\xEF\xBB\xBF", 3, NULL, 0), 1);
	ck_assert_uint_eq(run("\r\n\r\n\n", 5, NULL, 0), 1);
	ck_assert_uint_eq(run("// only a comment\n", 18, NULL, 0), 1);
	ck_assert_uint_eq(run("\n", 1, NULL, 0), 1);
	ck_assert_uint_ge(run("@", 1, NULL, 0), 1);
	ck_assert_uint_ge(run("@end", 4, NULL, 0), 1);
}
END_TEST

START_TEST(nul_bytes_and_invalid_utf8)
{
	char *s = calloc(1, 1 << 20);
	char msg[512];
	size_t i;

	/* a megabyte of NUL bytes is one line: one error */
	ck_assert_uint_ge(run(s, 1 << 20, NULL, 0), 1);
	for (i = 0; i < (1u << 20); i++)
		s[i] = (char)(i % 7 == 6 ? '\n' : 0x80 + i % 64);
	ck_assert_uint_eq(run(s, 1 << 20, msg, sizeof msg), LESSON_MAX_ERRORS + 1);
	ck_assert_str_eq(msg, "x.lesson:1:1: invalid UTF-8 byte 0x80\n  ??????\n  ^\n");
	free(s);
	ck_assert_uint_eq(run("@lesson T\xC0\xAF\n", 12, msg, sizeof msg), 1 + 5);
	ck_assert_ptr_nonnull(strstr(msg, "x.lesson:1:10: invalid UTF-8 byte 0xC0"));
}
END_TEST

START_TEST(a_ten_megabyte_line)
{
	size_t n = 10 * 1000 * 1000;
	char *s = repeat("x", n);
	char msg[512];

	ck_assert_uint_eq(run(s, n, msg, sizeof msg), 1);
	ck_assert_str_eq(msg, "x.lesson: the file is larger than 4194304 bytes\n");
	/* within the file limit, a line over the line limit is an error and is skipped */
	n = strlen(head) + LESSON_MAX_LINE + 10;
	s[n - 1] = '\n';
	ck_assert_uint_eq(run(s, n, msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "x.lesson:6:1: line is longer than 65536 bytes\n  xxx"));
	ck_assert_ptr_nonnull(strstr(msg, "xxx...\n  ^\n"));
	free(s);
}
END_TEST

START_TEST(a_hundred_thousand_nested_blocks)
{
	const char *openers[] = {"@callout explain\n",
	                         "@formula\n",
	                         "@quiz single id=q\n",
	                         "@widget slider id=w\n",
	                         "@end\n",
	                         "- item\n  ",
	                         "1. x\n"};
	size_t k;

	for (k = 0; k < sizeof openers / sizeof *openers; k++) {
		size_t n = strlen(head) + 100000 * strlen(openers[k]);
		char *s = repeat(openers[k], n);
		/* errors up to the limit, or (for one deep list item) a model */
		ck_assert_uint_le(run(s, n, NULL, 0), LESSON_MAX_ERRORS + 1);
		free(s);
	}
}
END_TEST

START_TEST(a_hundred_thousand_unterminated_blocks)
{
	/* each block opens, holds a line, and is never closed before the next opens */
	size_t n = strlen(head) + 100000 * 16;
	char *s = repeat("@formula\nx: y\n  ", n);
	char msg[512];

	ck_assert_uint_eq(run(s, n, msg, sizeof msg), LESSON_MAX_ERRORS + 1);
	free(s);
}
END_TEST

START_TEST(markup_costs_linear_time)
{
	/* 4 MB of stars that open and never close, in one paragraph of 64 lines: a
	 * quadratic search would take hours */
	size_t n = strlen(head) + 64 * 60001;
	char *s = repeat("*a ", n);
	size_t i;

	for (i = strlen(head) + 60000; i < n; i += 60001)
		s[i] = '\n';
	ck_assert_uint_eq(run(s, n, NULL, 0), 0);
	free(s);
}
END_TEST

START_TEST(limits_are_errors_not_crashes)
{
	char msg[512];
	size_t n;
	char *s;
	int i;

	n = strlen(head) + 20000 * 6;
	s = repeat("@page\n", n);
	ck_assert_uint_eq(run(s, n, msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "more than 10000 blocks in one lesson"));
	free(s);
	n = strlen(head) + 300 * 4;
	s = repeat("- a\n", n);
	ck_assert_uint_eq(run(s, n, msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "x.lesson:263:1: more than 256 items in one block"));
	free(s);
	s = malloc(8192);
	n = (size_t)sprintf(s, "%s@widget slider id=w", head);
	for (i = 0; i < 100; i++)
		n += (size_t)sprintf(s + n, " k%d=%d", i, i);
	n += (size_t)sprintf(s + n, "\nalt: x\n@end\n");
	ck_assert_uint_ge(run(s, n, msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "x.lesson:6:"));
	ck_assert_ptr_nonnull(strstr(msg, ": more than 64 parameters"));
	free(s);
}
END_TEST

START_TEST(errors_stop_at_the_limit)
{
	size_t n = strlen(head) + 1000 * 5;
	char *s = repeat("@bad\n", n);
	DiagList d;
	Lesson *l;

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "x.lesson", s, n, &d), LESSON_ERR_INVALID);
	ck_assert_uint_eq(d.n, LESSON_MAX_ERRORS + 1);
	ck_assert(d.full);
	ck_assert_str_eq(d.items[LESSON_MAX_ERRORS].msg, "too many errors; giving up on this file");
	ck_assert_int_eq(d.items[LESSON_MAX_ERRORS - 1].line, 5 + LESSON_MAX_ERRORS);
	lesson_free(l);
	diag_begin(&d); /* the next file counts afresh */
	ck_assert(!d.full);
	diag_add(&d, "y.lesson", 1, 1, "abc", 3, "m");
	ck_assert_uint_eq(diag_count(&d), 1);
	diag_free(&d);
	free(s);
}
END_TEST

START_TEST(diagnostic_format)
{
	DiagList d;
	char buf[256];
	const char *line = "x\t中文 σ `bad";
	size_t need;

	diag_init(&d, 0);
	diag_add(&d, "f.lesson", 3, 7, line, strlen(line), "unclosed %s", "`");
	need = diag_format(&d.items[0], buf, sizeof buf);
	/* the caret sits under the backtick: tab is one column, each CJK character two */
	ck_assert_str_eq(buf, "f.lesson:3:7: unclosed `\n  x 中文 σ `bad\n          ^\n");
	ck_assert_uint_eq(need, strlen(buf));
	ck_assert_uint_eq(diag_format(&d.items[0], buf, 10), need);
	ck_assert_str_eq(buf, "f.lesson:");
	diag_add(&d, "f.lesson", 0, 0, NULL, 0, "no line");
	diag_format(&d.items[1], buf, sizeof buf);
	ck_assert_str_eq(buf, "f.lesson: no line\n");
	diag_add(&d, "f.lesson", 2, 1, "\x1b[2J", 4, "escape");
	diag_format(&d.items[2], buf, sizeof buf);
	ck_assert_str_eq(buf, "f.lesson:2:1: escape\n  ?[2J\n  ^\n");
	diag_free(&d);
}
END_TEST

START_TEST(arena_grows_and_frees)
{
	Arena a;
	size_t cap = 0, i;
	int *v = NULL;
	char *big;

	arena_init(&a, 0);
	for (i = 0; i < 100000; i++) {
		v = arena_grow(&a, v, i, &cap, i + 1, sizeof *v);
		v[i] = (int)i;
	}
	for (i = 0; i < 100000; i++)
		ck_assert_int_eq(v[i], (int)i);
	ck_assert_uint_le(a.used, 4 * 100000 * sizeof *v + 64 * 1024);
	big = arena_alloc(&a, 1 << 20);
	ck_assert_uint_eq((size_t)big % _Alignof(max_align_t), 0);
	ck_assert_str_eq(arena_strndup(&a, "abcdef", 3), "abc");
	arena_free(&a);
	ck_assert_uint_eq(a.used, 0);
	arena_init(&a, 1000);
	ck_assert_ptr_null(arena_alloc(&a, 2000)); /* over the limit, no jump: NULL */
	arena_free(&a);
}
END_TEST

static Suite *robust_suite(void)
{
	Suite *s = suite_create("robust");
	TCase *tc = tcase_create("robust");

	tcase_add_test(tc, empty_and_nearly_empty);
	tcase_add_test(tc, nul_bytes_and_invalid_utf8);
	tcase_add_test(tc, a_ten_megabyte_line);
	tcase_add_test(tc, a_hundred_thousand_nested_blocks);
	tcase_add_test(tc, a_hundred_thousand_unterminated_blocks);
	tcase_add_test(tc, markup_costs_linear_time);
	tcase_add_test(tc, limits_are_errors_not_crashes);
	tcase_add_test(tc, errors_stop_at_the_limit);
	tcase_add_test(tc, diagnostic_format);
	tcase_add_test(tc, arena_grows_and_frees);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(robust_suite());
}
