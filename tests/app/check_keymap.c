/* check_keymap.c: key lookup per context, and the help and footer texts made from the
 * binding table. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "app/keymap.h"
#include "base/utf8.h"
#include "testlib.h"

static Key ch(uint32_t c, unsigned mods)
{
	Key k = {0};
	k.code = K_CHAR;
	k.ch = c;
	k.mods = mods;
	return k;
}

static Key code(KeyCode c)
{
	Key k = {0};
	k.code = c;
	return k;
}

START_TEST(lookup_depends_on_context)
{
	Key q = ch('q', 0), esc = code(K_ESC), tab = code(K_TAB);

	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &q), CMD_QUIT);
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &q), CMD_BACK);
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &esc), CMD_BACK);
	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &esc), CMD_NONE);
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &tab), CMD_FOCUS_NEXT);
	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &tab), CMD_NONE);
}
END_TEST

/* The glossary filters what is typed: no printable character may be a command there,
 * while its arrows, Enter, Esc and F1 are; t opens it from the map, a lesson and the
 * help, but a focused control keeps its t. */
START_TEST(the_glossary_leaves_every_character_to_the_filter)
{
	Key t = ch('t', 0), up = code(K_UP), enter = code(K_ENTER), esc = code(K_ESC);
	Key f1 = code(K_F1), pgdn = code(K_PGDN);
	uint32_t c;

	for (c = ' '; c < 0x7f; c++) {
		Key k = ch(c, c >= 'A' && c <= 'Z' ? KEYMOD_SHIFT : 0);
		ck_assert_msg(keymap_lookup(KCTX_GLOSSARY, &k) == CMD_NONE, "'%c' is bound",
			      (int)c);
	}
	ck_assert_int_eq(keymap_lookup(KCTX_GLOSSARY, &up), CMD_UP);
	ck_assert_int_eq(keymap_lookup(KCTX_GLOSSARY, &pgdn), CMD_PAGE_DOWN);
	ck_assert_int_eq(keymap_lookup(KCTX_GLOSSARY, &enter), CMD_OPEN);
	ck_assert_int_eq(keymap_lookup(KCTX_GLOSSARY, &esc), CMD_BACK);
	ck_assert_int_eq(keymap_lookup(KCTX_GLOSSARY, &f1), CMD_HELP);
	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &t), CMD_GLOSSARY);
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &t), CMD_GLOSSARY);
	ck_assert_int_eq(keymap_lookup(KCTX_HELP, &t), CMD_GLOSSARY);
	ck_assert_int_eq(keymap_lookup(KCTX_CONTROL, &t), CMD_NONE);
}
END_TEST

START_TEST(scrolling_keys_everywhere_they_scroll)
{
	Key j = ch('j', 0), down = code(K_DOWN), space = ch(' ', 0), G = ch('G', KEYMOD_SHIFT);
	Key pgup = code(K_PGUP), f1 = code(K_F1);

	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &j), CMD_DOWN);
	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &down), CMD_DOWN);
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &space), CMD_PAGE_DOWN);
	ck_assert_int_eq(keymap_lookup(KCTX_HELP, &pgup), CMD_PAGE_UP);
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &G), CMD_BOTTOM); /* Shift is in 'G' */
	ck_assert_int_eq(keymap_lookup(KCTX_LESSON, &f1), CMD_HELP);
}
END_TEST

START_TEST(modifiers_must_match)
{
	Key cl = ch('l', KEYMOD_CTRL), l = ch('l', 0), cq = ch('q', KEYMOD_CTRL);

	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &cl), CMD_REDRAW);
	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &l), CMD_NONE);
	ck_assert_int_eq(keymap_lookup(KCTX_MAP, &cq), CMD_NONE);
}
END_TEST

static void collect(const char *keys, const char *what, void *arg)
{
	char *buf = arg;
	strcat(buf, keys);
	strcat(buf, " = ");
	strcat(buf, what);
	strcat(buf, "\n");
}

START_TEST(help_groups_keys_of_one_command)
{
	char buf[4096] = "";

	keymap_each(KCTX_LESSON, collect, buf);
	ck_assert_ptr_nonnull(strstr(buf, "Up, k = move up\n"));
	ck_assert_ptr_nonnull(strstr(buf, "PgDn, Space = page down\n"));
	ck_assert_ptr_nonnull(strstr(buf, "Esc, q = back\n"));
	ck_assert_ptr_nonnull(strstr(buf, "?, F1 = help: every key\n"));
	ck_assert_ptr_null(strstr(buf, "quit")); /* q means back in a lesson */
	buf[0] = '\0';
	keymap_each(KCTX_MAP, collect, buf);
	ck_assert_ptr_nonnull(strstr(buf, "q = quit\n"));
	ck_assert_ptr_null(strstr(buf, "focus"));
}
END_TEST

START_TEST(footer_fits_and_keeps_order)
{
	char buf[256];

	keymap_footer(KCTX_LESSON, 200, buf, sizeof buf);
	ck_assert_str_eq(buf, "Esc back  Tab next control  n next  p previous  / search  ? help  "
			      "t glossary");
	keymap_footer(KCTX_LESSON, 20, buf, sizeof buf);
	ck_assert_str_eq(buf, "Esc back");
	ck_assert_int_le(utf8_width(buf, strlen(buf)), 20);
	keymap_footer(KCTX_MAP, 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
}
END_TEST

static void in_man(const char *keys, const char *what, void *arg)
{
	(void)keys;
	ck_assert_msg(strstr(arg, what) != NULL,
		      "man/neuronauts.1 does not describe the key for \"%s\"", what);
}

START_TEST(man_page_describes_every_binding)
{
	FILE *f = fopen(test_srcpath("man/neuronauts.1"), "r");
	static char man[65536];
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(man, 1, sizeof man - 1, f);
	man[n] = '\0';
	fclose(f);
	keymap_each(KCTX_TITLE | KCTX_MAP | KCTX_LESSON | KCTX_HELP | KCTX_REVIEW | KCTX_GLOSSARY,
		    in_man, man);
}
END_TEST

static Suite *keymap_suite(void)
{
	Suite *s = suite_create("keymap");
	TCase *tc = tcase_create("keymap");

	tcase_add_test(tc, lookup_depends_on_context);
	tcase_add_test(tc, scrolling_keys_everywhere_they_scroll);
	tcase_add_test(tc, modifiers_must_match);
	tcase_add_test(tc, help_groups_keys_of_one_command);
	tcase_add_test(tc, footer_fits_and_keeps_order);
	tcase_add_test(tc, the_glossary_leaves_every_character_to_the_filter);
	tcase_add_test(tc, man_page_describes_every_binding);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(keymap_suite());
}
