/* check_strbuf.c: bounded appends never run past the buffer, whatever they append. */
#include <config.h>

#include <string.h>

#include "base/strbuf.h"
#include "testlib.h"

START_TEST(appends_in_place)
{
	char buf[16];
	size_t n = str_addf(buf, sizeof buf, 0, "%d", 12);

	n = str_addf(buf, sizeof buf, n, "-%s", "ab");
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(buf, "12-ab");
}
END_TEST

START_TEST(a_truncated_append_keeps_the_offset_inside)
{
	char buf[8 + 8];
	size_t n, i;

	memset(buf + 8, 'Z', 8); /* a guard: str_addf is told the buffer has 8 bytes */
	n = str_addf(buf, 8, 0, "%s", "0123456789"); /* snprintf would say 10 */
	ck_assert_uint_eq(n, 7);
	ck_assert_str_eq(buf, "0123456");
	for (i = 0; i < 100; i++) /* the old "len += snprintf" walked out here */
		n = str_addf(buf, 8, n, "%s", "abc");
	ck_assert_uint_eq(n, 7);
	ck_assert_str_eq(buf, "0123456");
	n = str_addf(buf, 8, 1000, "x"); /* an offset past the end is the end */
	ck_assert_uint_eq(n, 7);
	for (i = 8; i < 16; i++)
		ck_assert_int_eq(buf[i], 'Z');
	ck_assert_uint_eq(str_addf(buf, 0, 3, "x"), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, appends_in_place);
	tcase_add_test(tc, a_truncated_append_keeps_the_offset_inside);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
