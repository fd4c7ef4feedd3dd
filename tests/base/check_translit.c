/* check_translit.c: ASCII stand-ins for symbols, and their use by the lesson layout
 * in a terminal without UTF-8. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/translit.h"
#include "base/utf8.h"
#include "testlib.h"

START_TEST(known_symbols)
{
	ck_assert_str_eq(translit_ascii(0x03C3), "sigma");
	ck_assert_str_eq(translit_ascii(0x00D7), "x");
	ck_assert_str_eq(translit_ascii(0x2248), "~");
	ck_assert_str_eq(translit_ascii(0x2192), "->");
	ck_assert_str_eq(translit_ascii(0x2081), "_1");
	ck_assert_str_eq(translit_ascii(0x1D62), "_i");
	ck_assert_str_eq(translit_ascii(0x2212), "-");
	ck_assert_ptr_null(translit_ascii(0x4E2D)); /* no stand-in: the caller shows '?' */
	ck_assert_ptr_null(translit_ascii(0x2800));
}
END_TEST

START_TEST(every_stand_in_is_printable_ascii)
{
	uint32_t cp;

	/* Every entry is found by its own lookup (the table is sorted) and is ASCII. */
	for (cp = 0x80; cp < 0x3000; cp++) {
		const char *a = translit_ascii(cp);
		const char *p;
		if (!a)
			continue;
		ck_assert_msg(*a, "empty stand-in for U+%04X", (unsigned)cp);
		for (p = a; *p; p++)
			ck_assert_msg(*p >= ' ' && *p <= '~', "U+%04X", (unsigned)cp);
	}
}
END_TEST

static Suite *translit_suite(void)
{
	Suite *s = suite_create("translit");
	TCase *tc = tcase_create("translit");

	tcase_add_test(tc, known_symbols);
	tcase_add_test(tc, every_stand_in_is_printable_ascii);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(translit_suite());
}
