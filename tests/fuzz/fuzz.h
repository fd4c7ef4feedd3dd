/* fuzz.h: what the fuzz targets share, with libFuzzer and with the replay driver
 * (replay.c) that runs their corpora under make check: the entry point, a temporary
 * file for readers that take a path, and an assertion that crashes loudly.
 * Depends on libc only; each target links the layers it fuzzes. */
#ifndef NN_TESTS_FUZZ_H
#define NN_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs one input through the target. Returns 0 (libFuzzer's convention); a broken
 * property aborts through FUZZ_ASSERT. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The path of the temporary file called name (a plain file name: "in.csv") in this
 * process's own folder under $TMPDIR (or /tmp), made on first use and removed with
 * everything in it at exit or when a property fails (not after a sanitizer's report).
 * The file itself is not created. The path is valid until the next call of
 * fuzz_tmp_path or fuzz_tmp_write. Aborts when the folder cannot be made. */
const char *fuzz_tmp_path(const char *name);

/* Writes the n bytes of data to fuzz_tmp_path(name), replacing it; returns the path.
 * Aborts when it cannot. */
const char *fuzz_tmp_write(const char *name, const void *data, size_t n);

/* Prints what failed, with the file and line, and aborts: libFuzzer keeps the input
 * as a crash, and the replay driver's TAP plan is left unfinished. */
void fuzz_fail(const char *file, int line, const char *what);
#define FUZZ_ASSERT(cond)                                                                          \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fuzz_fail(__FILE__, __LINE__, #cond);                                      \
	} while (0)

#endif
