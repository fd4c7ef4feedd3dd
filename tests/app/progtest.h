/* progtest.h: what the progress suites share: a private folder for each test, and
 * whole files written and read back as text. Links with Check and libc only. */
#ifndef NN_TESTS_APP_PROGTEST_H
#define NN_TESTS_APP_PROGTEST_H

#include <stddef.h>

/* Makes a new folder /tmp/nn-progress-XXXXXX into dir (64 bytes) and the progress
 * file's name in it, dir/progress, into path (128 bytes). */
void progtest_setup(char *dir, char *path);

/* Removes dir and everything in it, read-only folders too. */
void progtest_teardown(const char *dir);

/* Writes text as the whole file p. */
void progtest_write(const char *p, const char *text);

/* The whole file p (up to 64 KiB, more fails), in a static buffer. */
const char *progtest_read(const char *p);

#endif
