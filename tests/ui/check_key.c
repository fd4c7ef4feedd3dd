/* check_key.c: key names and plain-character matching. */
#include <config.h>

#include <string.h>

#include "testlib.h"
#include "ui/key.h"

static const char *name(KeyCode code, uint32_t ch, unsigned mods)
{
	static char buf[32];
	Key k = {0};

	k.code = code;
	k.ch = ch;
	k.mods = mods;
	return key_describe(&k, buf, sizeof buf);
}

START_TEST(names)
{
	ck_assert_str_eq(name(K_CHAR, 'q', 0), "q");
	ck_assert_str_eq(name(K_CHAR, ' ', 0), "Space");
	ck_assert_str_eq(name(K_CHAR, 'c', KEYMOD_CTRL), "C-c");
	ck_assert_str_eq(name(K_CHAR, 'x', KEYMOD_CTRL | KEYMOD_ALT), "C-M-x");
	ck_assert_str_eq(name(K_CHAR, 0xE9, 0), "é");
	ck_assert_str_eq(name(K_F1, 0, 0), "F1");
	ck_assert_str_eq(name(K_F12, 0, 0), "F12");
	ck_assert_str_eq(name(K_BACKTAB, 0, 0), "S-Tab");
	ck_assert_str_eq(name(K_PGDN, 0, 0), "PgDn");
	ck_assert_str_eq(name((KeyCode)999, 0, 0), "?");
}
END_TEST

START_TEST(truncates_safely)
{
	char buf[3];
	Key k = {0};

	k.code = K_BACKSPACE;
	ck_assert_str_eq(key_describe(&k, buf, sizeof buf), "Ba");
}
END_TEST

START_TEST(plain_char_matching)
{
	Key k = {0};

	k.code = K_CHAR;
	k.ch = 'q';
	ck_assert(key_is_char(&k, 'q'));
	ck_assert(!key_is_char(&k, 'Q'));
	k.mods = KEYMOD_CTRL;
	ck_assert(!key_is_char(&k, 'q'));
	k.mods = KEYMOD_SHIFT; /* Shift is part of the character itself */
	ck_assert(key_is_char(&k, 'q'));
	k.code = K_ENTER;
	ck_assert(!key_is_char(&k, 'q'));
}
END_TEST

START_TEST(line_editing)
{
	char buf[8] = "";
	Key k = {0};

	k.code = K_CHAR;
	k.ch = 'a';
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_CHANGED);
	k.ch = 0x3C3; /* σ: two bytes */
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_CHANGED);
	ck_assert_str_eq(buf, "aσ");
	k.mods = KEYMOD_CTRL; /* C-x is not text */
	k.ch = 'x';
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_IGNORED);
	k.mods = 0;
	k.ch = 'b';
	key_edit_line(buf, sizeof buf, &k); /* "aσb": 4 bytes of 8 */
	/* Room is kept for any character (4 bytes) and the NUL: 4 + 5 > 8, so no more. */
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_IGNORED);
	ck_assert_str_eq(buf, "aσb");
	k.mods = KEYMOD_CTRL; /* C-u clears the line, and takes nothing else */
	k.ch = 'u';
	{
		char copy[8];
		memcpy(copy, buf, sizeof copy);
		ck_assert_int_eq(key_edit_line(copy, sizeof copy, &k), KEYEDIT_CHANGED);
		ck_assert_str_eq(copy, "");
	}
	k.mods = 0;
	k.code = K_BACKSPACE;
	key_edit_line(buf, sizeof buf, &k);
	ck_assert_str_eq(buf, "aσ");
	key_edit_line(buf, sizeof buf, &k); /* a whole character, both bytes */
	ck_assert_str_eq(buf, "a");
	key_edit_line(buf, sizeof buf, &k);
	key_edit_line(buf, sizeof buf, &k); /* on empty: stays empty */
	ck_assert_str_eq(buf, "");
	k.code = K_ENTER;
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_ENTER);
	k.code = K_ESC;
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_CANCEL);
	k.code = K_UP;
	ck_assert_int_eq(key_edit_line(buf, sizeof buf, &k), KEYEDIT_IGNORED);
}
END_TEST

static Suite *key_suite(void)
{
	Suite *s = suite_create("key");
	TCase *tc = tcase_create("key");

	tcase_add_test(tc, names);
	tcase_add_test(tc, truncates_safely);
	tcase_add_test(tc, plain_char_matching);
	tcase_add_test(tc, line_editing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(key_suite());
}
