/* testlib.h: what every Check suite shares: running a suite, golden text files.
 * Links with Check and libc only. */
#ifndef NN_TESTS_TESTLIB_H
#define NN_TESTS_TESTLIB_H

#include <check.h>

/* Runs s (Check's fork mode, TAP when CK_TAP_LOG_FILE_NAME is set) and returns the exit
 * status for main: 0 when every test passed. */
int test_main(Suite *s);

/* Compares text with the golden file $srcdir/tests/<rel>; a missing or different file
 * fails the test with a diff-like message. With UPDATE=1 in the environment the golden
 * file is (re)written instead and the test passes. */
void test_golden(const char *rel, const char *text);

/* Returns $srcdir/<rel> in a static buffer (srcdir defaults to "."). */
const char *test_srcpath(const char *rel);

#endif
