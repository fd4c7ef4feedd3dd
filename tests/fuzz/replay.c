/* replay.c: runs a fuzz target over every file of its committed corpus (FUZZ_CORPUS,
 * under $srcdir) or of the directories and files named on the command line, without
 * libFuzzer and with the normal compiler, so make check replays what the fuzzer found;
 * prints TAP. Links one fuzz target and tests/testlib.c. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/fuzz.h"
#include "testlib.h"

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a whole file into a buffer of exactly its size, not NUL-terminated (as
 * libFuzzer passes inputs), so the sanitizers see a read past the end. Returns 0 or -1. */
static int read_all(const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long n = -1;
	char *b = NULL;
	int r = -1;

	if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (b = malloc(n ? (size_t)n : 1)) != NULL && fread(b, 1, (size_t)n, f) == (size_t)n) {
		*buf = b;
		*len = (size_t)n;
		b = NULL;
		r = 0;
	}
	if (f)
		fclose(f);
	free(b);
	return r;
}

/* Collects the regular files of dir (or dir itself when it is a file). */
static size_t collect(const char *dir, char ***out, size_t n, size_t *cap)
{
	struct stat st;
	DIR *dp;
	struct dirent *e;
	char path[4096];

	if (stat(dir, &st) != 0)
		return n;
	if (!S_ISDIR(st.st_mode)) {
		if (n == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*out = realloc(*out, *cap * sizeof **out);
		}
		(*out)[n++] = strdup(dir);
		return n;
	}
	dp = opendir(dir);
	while (dp && (e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			n = collect(path, out, n, cap);
		}
	if (dp)
		closedir(dp);
	return n;
}

int main(int argc, char **argv)
{
	char **files = NULL;
	size_t n = 0, cap = 0, i;
	int k;

	if (argc > 1)
		for (k = 1; k < argc; k++)
			n = collect(argv[k], &files, n, &cap);
	else
		n = collect(test_srcpath(FUZZ_CORPUS), &files, n, &cap);
	if (n)
		qsort(files, n, sizeof *files, name_cmp);
	printf("1..%zu\n", n ? n : 1);
	if (!n)
		printf("not ok 1 - no corpus found\n");
	for (i = 0; i < n; i++) {
		char *buf;
		size_t len;
		if (read_all(files[i], &buf, &len) != 0) {
			printf("not ok %zu - %s: cannot read\n", i + 1, files[i]);
		} else {
			LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
			free(buf);
			printf("ok %zu - %s\n", i + 1, strrchr(files[i], '/') + 1);
		}
		fflush(stdout);
		free(files[i]);
	}
	free(files);
	return n ? 0 : 1;
}
