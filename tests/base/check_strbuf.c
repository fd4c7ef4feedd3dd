/* check_strbuf.c: bounded appends never run past the buffer, whatever they append. */
#include <config.h>

#include <stdlib.h>
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

START_TEST(doubles_in_their_shortest_digits)
{
	char buf[32];
	const double vals[] = {0.2, -0.4, 0.1 + 0.2, 1e-7, 123456789.0, -2 + 22 * 0.1, 1.0 / 3};
	const char *want[] = {"0.2", "-0.4", "0.30000000000000004", "1e-07", "123456789",
			      "0.20000000000000018", "0.3333333333333333"};
	size_t i;

	for (i = 0; i < sizeof vals / sizeof *vals; i++) {
		str_double(buf, sizeof buf, vals[i]);
		ck_assert_str_eq(buf, want[i]);
		ck_assert(strtod(buf, NULL) == vals[i]); /* reads back the same */
	}
	ck_assert_uint_eq(str_double(buf, 4, 0.125), 3); /* cut, in bounds */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, appends_in_place);
	tcase_add_test(tc, a_truncated_append_keeps_the_offset_inside);
	tcase_add_test(tc, doubles_in_their_shortest_digits);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
