/* check_paths.c: the order in which the content directory is chosen. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/paths.h"
#include "lesson/course.h"
#include "testlib.h"

static ContentPlaces places(void)
{
	ContentPlaces p = {NULL, NULL, "/usr/bin", "/build/src", "/source/content",
			   "/usr/share/neuronauts/content"};
	return p;
}

START_TEST(option_beats_everything)
{
	ContentPlaces p = places();
	ContentSource src;

	p.option = "/opt";
	p.env = "/env";
	p.exe_dir = "/build/src";
	ck_assert_str_eq(paths_content_dir(&p, &src), "/opt");
	ck_assert_int_eq(src, CONTENT_FROM_OPTION);
}
END_TEST

START_TEST(environment_beats_build_tree_unless_empty)
{
	ContentPlaces p = places();
	ContentSource src;

	p.env = "/env";
	p.exe_dir = "/build/src";
	ck_assert_str_eq(paths_content_dir(&p, &src), "/env");
	ck_assert_int_eq(src, CONTENT_FROM_ENV);
	p.env = "";
	ck_assert_str_eq(paths_content_dir(&p, &src), "/source/content");
	ck_assert_int_eq(src, CONTENT_FROM_BUILD);
}
END_TEST

START_TEST(installed_program_uses_pkgdatadir)
{
	ContentPlaces p = places();
	ContentSource src;

	ck_assert_str_eq(paths_content_dir(&p, &src), "/usr/share/neuronauts/content");
	ck_assert_int_eq(src, CONTENT_FROM_INSTALL);
	p.exe_dir = NULL; /* no /proc */
	ck_assert_str_eq(paths_content_dir(&p, &src), "/usr/share/neuronauts/content");
}
END_TEST

START_TEST(content_dir_needs_an_index)
{
	char dir[] = "/tmp/nn-paths-XXXXXX", path[64];
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(paths_is_content_dir(dir), 0);
	snprintf(path, sizeof path, "%s/%s", dir, COURSE_INDEX_FILE);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert_int_eq(paths_is_content_dir(dir), 1);
	unlink(path);
	rmdir(dir);
	ck_assert_int_eq(paths_is_content_dir("/nonexistent/dir"), 0);
}
END_TEST

START_TEST(source_tree_holds_a_course)
{
	ck_assert_int_eq(paths_is_content_dir(test_srcpath("content")), 1);
}
END_TEST

START_TEST(progress_file_choice)
{
	char buf[64];

	ck_assert_str_eq(paths_progress_file("/o", "/e", "/h", buf, sizeof buf), "/o");
	ck_assert_str_eq(paths_progress_file(NULL, "/e", "/h", buf, sizeof buf), "/e");
	ck_assert_str_eq(paths_progress_file(NULL, "", "/h", buf, sizeof buf), "/h/.neuronauts");
	ck_assert_str_eq(paths_progress_file("", NULL, "/h", buf, sizeof buf), "/h/.neuronauts");
	ck_assert_ptr_null(paths_progress_file(NULL, NULL, NULL, buf, sizeof buf));
	ck_assert_ptr_null(paths_progress_file(NULL, NULL, "", buf, sizeof buf));
	ck_assert_ptr_null(paths_progress_file(NULL, NULL, "/a-home-longer-than-the-buffer", buf, 16));
}
END_TEST

static Suite *paths_suite(void)
{
	Suite *s = suite_create("paths");
	TCase *tc = tcase_create("paths");

	tcase_add_test(tc, option_beats_everything);
	tcase_add_test(tc, environment_beats_build_tree_unless_empty);
	tcase_add_test(tc, installed_program_uses_pkgdatadir);
	tcase_add_test(tc, content_dir_needs_an_index);
	tcase_add_test(tc, source_tree_holds_a_course);
	tcase_add_test(tc, progress_file_choice);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(paths_suite());
}
