/* fuzzlib.c: the fuzz targets' shared helpers: a private temporary folder for the
 * readers that take a path, and the failing assertion. Depends on libc only. */
#include <config.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz/fuzz.h"

static char tmp_dir[PATH_MAX / 2]; /* room for a file name after it */

/* Removes the folder and the files in it (the targets make no subfolders). */
static void remove_tmp_dir(void)
{
	char path[PATH_MAX];
	DIR *dp = opendir(tmp_dir);
	struct dirent *e;

	while (dp && (e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(path, sizeof path, "%s/%s", tmp_dir, e->d_name);
			unlink(path);
		}
	if (dp)
		closedir(dp);
	rmdir(tmp_dir);
}

/* abort() skips atexit, so the folder goes first (a fork-mode run may fail hundreds
 * of times). */
void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: fuzz property failed: %s\n", file, line, what);
	if (tmp_dir[0])
		remove_tmp_dir();
	abort();
}

const char *fuzz_tmp_path(const char *name)
{
	static char path[PATH_MAX];

	if (!tmp_dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(tmp_dir, sizeof tmp_dir, "%s/nn-fuzz.XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(tmp_dir)) {
			perror(tmp_dir);
			abort();
		}
		atexit(remove_tmp_dir);
	}
	snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
	return path;
}

const char *fuzz_tmp_write(const char *name, const void *data, size_t n)
{
	const char *path = fuzz_tmp_path(name);
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}
