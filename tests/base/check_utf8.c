/* check_utf8.c: UTF-8 decoding, encoding, validation and widths. */
#include <config.h>

#include <string.h>

#include "base/utf8.h"
#include "testlib.h"

START_TEST(decodes_every_length)
{
	const char *s = "a\xC3\xA9\xE2\x88\x91\xF0\x9F\x98\x80"; /* a é ∑ 😀 */
	uint32_t cp;
	size_t n = strlen(s), i = 0;
	const uint32_t want[] = {0x61, 0xE9, 0x2211, 0x1F600};
	const size_t lens[] = {1, 2, 3, 4};
	int k;

	for (k = 0; k < 4; k++) {
		size_t len = utf8_decode(&cp, s + i, n - i);
		ck_assert_uint_eq(len, lens[k]);
		ck_assert_uint_eq(cp, want[k]);
		i += len;
	}
	ck_assert_uint_eq(i, n);
}
END_TEST

START_TEST(malformed_bytes_become_replacement_one_at_a_time)
{
	/* lone continuation, overlong '/', surrogate, truncated 3-byte, 0xFF */
	const char *bad[] = {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x88", "\xFF"};
	size_t k;

	for (k = 0; k < sizeof bad / sizeof *bad; k++) {
		uint32_t cp = 0;
		ck_assert_uint_eq(utf8_decode(&cp, bad[k], strlen(bad[k])), 1);
		ck_assert_uint_eq(cp, UTF8_REPLACEMENT);
		ck_assert_uint_eq(utf8_validate(bad[k], strlen(bad[k])), 0);
	}
	ck_assert_uint_eq(utf8_validate("ok\xC3", 3), 2);
	ck_assert_uint_eq(utf8_validate("ok\xC3\xA9", 4), 4);
}
END_TEST

START_TEST(encode_round_trips)
{
	const uint32_t cps[] = {0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF};
	size_t k;

	for (k = 0; k < sizeof cps / sizeof *cps; k++) {
		char buf[4];
		uint32_t back;
		size_t n = utf8_encode(buf, cps[k]);
		ck_assert_uint_eq(utf8_decode(&back, buf, n), n);
		ck_assert_uint_eq(back, cps[k]);
	}
	{
		char buf[4];
		uint32_t back;
		utf8_decode(&back, buf, utf8_encode(buf, 0xD800));
		ck_assert_uint_eq(back, UTF8_REPLACEMENT);
	}
}
END_TEST

START_TEST(widths)
{
	ck_assert_int_eq(utf8_cp_width('a'), 1);
	ck_assert_int_eq(utf8_cp_width(0x301), 0);  /* combining acute */
	ck_assert_int_eq(utf8_cp_width(0x4E2D), 2); /* 中 */
	ck_assert_int_eq(utf8_cp_width(0x2800), 1); /* braille blank */
	ck_assert_int_eq(utf8_cp_width('\t'), 0);
	ck_assert_int_eq(utf8_width("σ(Σ wᵢxᵢ)", strlen("σ(Σ wᵢxᵢ)")), 9);
	ck_assert_int_eq(utf8_width("e\xCC\x81", 3), 1);
	ck_assert_int_eq(utf8_width("中文", strlen("中文")), 4);
}
END_TEST

static Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, decodes_every_length);
	tcase_add_test(tc, malformed_bytes_become_replacement_one_at_a_time);
	tcase_add_test(tc, encode_round_trips);
	tcase_add_test(tc, widths);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(utf8_suite());
}
