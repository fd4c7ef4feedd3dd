/* progtest.c: the progress suites' folder and file helpers (see progtest.h).
 * Check and libc only. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progtest.h"
#include "testlib.h"

void progtest_setup(char *dir, char *path)
{
	strcpy(dir, "/tmp/nn-progress-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, 128, "%s/progress", dir);
}

void progtest_teardown(const char *dir)
{
	char cmd[256];
	/* The folder's owner runs this: root, or the user a test switched to. */
	snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
	ck_assert_int_eq(system(cmd), 0);
}

void progtest_write(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

const char *progtest_read(const char *p)
{
	static char buf[1 << 16];
	FILE *f = fopen(p, "r");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	ck_assert_uint_lt(n, sizeof buf - 1);
	buf[n] = '\0';
	fclose(f);
	return buf;
}
