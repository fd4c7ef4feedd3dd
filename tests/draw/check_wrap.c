/* check_wrap.c: word wrap by display width. */
#include <config.h>

#include <string.h>

#include "draw/wrap.h"
#include "testlib.h"

/* Wraps s at width and returns the lines joined by '|'. */
static const char *wrapped(const char *s, int width)
{
	static char buf[512];
	WrapLine lines[32];
	int n = wrap_text(s, strlen(s), width, lines, 32), i;
	size_t len = 0;

	ck_assert_int_le(n, 32);
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			buf[len++] = '|';
		memcpy(buf + len, s + lines[i].start, lines[i].len);
		len += lines[i].len;
		buf[len] = '\0';
		ck_assert_int_le(lines[i].width, width);
	}
	return buf;
}

START_TEST(breaks_at_spaces)
{
	ck_assert_str_eq(wrapped("the quick brown fox", 10), "the quick|brown fox");
	ck_assert_str_eq(wrapped("the quick brown fox", 19), "the quick brown fox");
	ck_assert_str_eq(wrapped("a  b", 1), "a|b");
	ck_assert_str_eq(wrapped("one two", 3), "one|two");
}
END_TEST

START_TEST(cuts_long_words_and_keeps_newlines)
{
	ck_assert_str_eq(wrapped("abcdefgh", 3), "abc|def|gh");
	ck_assert_str_eq(wrapped("ab\ncd", 10), "ab|cd");
	ck_assert_str_eq(wrapped("ab\n\ncd", 10), "ab||cd");
	ck_assert_str_eq(wrapped("", 10), "");
}
END_TEST

START_TEST(counts_columns_not_bytes)
{
	ck_assert_str_eq(wrapped("σ(z) = ½ wᵢxᵢ", 6), "σ(z) =|½ wᵢxᵢ");
	ck_assert_str_eq(wrapped("中文中文", 5), "中文|中文");
	{
		/* A character wider than the line is kept whole rather than lost. */
		WrapLine l[2];
		ck_assert_int_eq(wrap_text("中x", 4, 1, l, 2), 2);
		ck_assert_uint_eq(l[0].len, 3);
		ck_assert_int_eq(l[0].width, 2);
	}
}
END_TEST

START_TEST(reports_the_count_beyond_max)
{
	WrapLine one[1];
	ck_assert_int_eq(wrap_text("a b c d", 7, 1, one, 1), 4);
	ck_assert_uint_eq(one[0].len, 1);
}
END_TEST

static Suite *wrap_suite(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("wrap");

	tcase_add_test(tc, breaks_at_spaces);
	tcase_add_test(tc, cuts_long_words_and_keeps_newlines);
	tcase_add_test(tc, counts_columns_not_bytes);
	tcase_add_test(tc, reports_the_count_beyond_max);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(wrap_suite());
}
