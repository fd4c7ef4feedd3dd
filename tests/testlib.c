/* testlib.c: the shared test runner and golden-file comparison.
 * Must not depend on the program's layers: every suite links it. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

int test_main(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

const char *test_srcpath(const char *rel)
{
	static char path[PATH_MAX];
	const char *srcdir = getenv("srcdir");

	snprintf(path, sizeof path, "%s/%s", srcdir && *srcdir ? srcdir : ".", rel);
	return path;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    !(buf = malloc((size_t)n + 1))) {
		fclose(f);
		return NULL;
	}
	buf[fread(buf, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return buf;
}

void test_golden(const char *rel, const char *text)
{
	char path[PATH_MAX];
	const char *update = getenv("UPDATE");
	char *want;
	size_t line = 1, i;

	snprintf(path, sizeof path, "%s", test_srcpath(rel));
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		ck_assert_msg(f != NULL, "cannot write golden file %s", path);
		fputs(text, f);
		ck_assert_int_eq(fclose(f), 0);
		return;
	}
	want = slurp(path);
	ck_assert_msg(want != NULL,
		      "golden file %s is missing; review the output and run with UPDATE=1",
		      path);
	for (i = 0; want[i] && want[i] == text[i]; i++)
		if (want[i] == '\n')
			line++;
	if (want[i] != text[i]) {
		const char *w = want + i, *t = text + i;
		while (w > want && w[-1] != '\n')
			w--;
		while (t > text && t[-1] != '\n')
			t--;
		ck_abort_msg("%s differs at line %zu:\n  want: %.*s\n  got:  %.*s", path, line,
			     (int)strcspn(w, "\n"), w, (int)strcspn(t, "\n"), t);
	}
	free(want);
}
