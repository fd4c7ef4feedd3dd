/* check_options.c: the option table's parser: GNU forms and every error kind. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"
#include "testlib.h"

/* Parses a NULL-terminated list of arguments after the program name. */
static OptStatus parse(Options *o, const char **bad, ...)
{
	static char prog[] = "neuronauts";
	static char *argv[16];
	va_list ap;
	int argc = 0;
	char *a;

	argv[argc++] = prog;
	va_start(ap, bad);
	while ((a = va_arg(ap, char *)) != NULL && argc < 15)
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	return options_parse(o, argc, argv, bad);
}

START_TEST(defaults)
{
	Options o;
	const char *bad;

	ck_assert_int_eq(parse(&o, &bad, NULL), OPT_OK);
	ck_assert_int_eq(o.action, ACTION_RUN);
	ck_assert_ptr_null(o.content_dir);
	ck_assert(!o.no_colour && !o.ascii);
	ck_assert_int_eq(o.nargs, 0);
}
END_TEST

START_TEST(long_short_and_abbreviated_forms)
{
	Options o;
	const char *bad;

	ck_assert_int_eq(parse(&o, &bad, "--content-dir=/a", "--no-color", NULL), OPT_OK);
	ck_assert_str_eq(o.content_dir, "/a");
	ck_assert(o.no_colour);
	ck_assert_int_eq(parse(&o, &bad, "-C", "/b", "--asc", NULL), OPT_OK);
	ck_assert_str_eq(o.content_dir, "/b");
	ck_assert(o.ascii);
	ck_assert_int_eq(parse(&o, &bad, "-C/c", NULL), OPT_OK);
	ck_assert_str_eq(o.content_dir, "/c");
	ck_assert_int_eq(parse(&o, &bad, "--content-dir", "/d", NULL), OPT_OK);
	ck_assert_str_eq(o.content_dir, "/d");
}
END_TEST

START_TEST(progress_and_mouse_options)
{
	Options o;
	const char *bad;

	ck_assert_int_eq(parse(&o, &bad, "-P", "/p", "--no-mouse", NULL), OPT_OK);
	ck_assert(o.no_mouse);
	ck_assert_str_eq(o.progress, "/p");
	ck_assert_int_eq(o.action, ACTION_RUN);
	ck_assert_int_eq(parse(&o, &bad, "--reset", NULL), OPT_OK); /* an abbreviation */
	ck_assert_int_eq(o.action, ACTION_RESET_PROGRESS);
}
END_TEST

START_TEST(actions)
{
	Options o;
	const char *bad;

	ck_assert_int_eq(parse(&o, &bad, "--help", NULL), OPT_OK);
	ck_assert_int_eq(o.action, ACTION_HELP);
	ck_assert_int_eq(parse(&o, &bad, "-V", NULL), OPT_OK);
	ck_assert_int_eq(o.action, ACTION_VERSION);
	/* --check takes operands: the files and directories to check */
	ck_assert_int_eq(parse(&o, &bad, "--check", "a.lesson", "content", NULL), OPT_OK);
	ck_assert_int_eq(o.action, ACTION_CHECK);
	ck_assert_int_eq(o.nargs, 2);
	ck_assert_str_eq(o.args[1], "content");
	/* The first action wins, as in GNU programs. */
	ck_assert_int_eq(parse(&o, &bad, "-h", "--version", NULL), OPT_OK);
	ck_assert_int_eq(o.action, ACTION_HELP);
}
END_TEST

START_TEST(errors_name_the_argument)
{
	Options o;
	const char *bad;

	ck_assert_int_eq(parse(&o, &bad, "--frobnicate", NULL), OPT_ERR_UNKNOWN);
	ck_assert_str_eq(bad, "--frobnicate");
	ck_assert_int_eq(parse(&o, &bad, "-x", NULL), OPT_ERR_UNKNOWN);
	ck_assert_str_eq(bad, "-x");
	ck_assert_int_eq(parse(&o, &bad, "-Vx", NULL), OPT_ERR_UNKNOWN);
	ck_assert_str_eq(bad, "-x");
	ck_assert_int_eq(parse(&o, &bad, "--content-dir", NULL), OPT_ERR_MISSING_ARG);
	ck_assert_str_eq(bad, "--content-dir");
	ck_assert_int_eq(parse(&o, &bad, "-C", NULL), OPT_ERR_MISSING_ARG);
	ck_assert_str_eq(bad, "-C");
	ck_assert_int_eq(parse(&o, &bad, "--help=yes", NULL), OPT_ERR_EXTRA_ARG);
	ck_assert_str_eq(bad, "--help=yes");
}
END_TEST

START_TEST(operands_and_double_dash)
{
	Options o;
	const char *bad;

	ck_assert_int_eq(parse(&o, &bad, "file", "--ascii", "--", "--not-an-option", NULL),
			 OPT_OK);
	ck_assert(o.ascii);
	ck_assert_int_eq(o.nargs, 2);
	ck_assert_str_eq(o.args[0], "file");
	ck_assert_str_eq(o.args[1], "--not-an-option");
}
END_TEST

START_TEST(help_lists_every_option_aligned)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *want[] = {"  -C, --content-dir=DIR     read the course from DIR",
			      "      --ascii               draw in ASCII only",
			      "      --no-color            do not use colours",
			      "  -P, --progress=FILE       keep progress in FILE",
			      "      --check               check the course, or the lessons",
			      "  -h, --help                display this help",
			      "  -V, --version             output version"};
	size_t i;

	options_print_help(f);
	fclose(f);
	for (i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strstr(buf, want[i]) != NULL, "missing '%s' in:\n%s", want[i], buf);
	free(buf);
}
END_TEST

static Suite *options_suite(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("options");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, long_short_and_abbreviated_forms);
	tcase_add_test(tc, progress_and_mouse_options);
	tcase_add_test(tc, actions);
	tcase_add_test(tc, errors_name_the_argument);
	tcase_add_test(tc, operands_and_double_dash);
	tcase_add_test(tc, help_lists_every_option_aligned);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(options_suite());
}
