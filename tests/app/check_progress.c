/* check_progress.c: the progress store: round trip, atomic write, corrupt files and
 * numbered backups, unknown versions and keys, two writers merging, read-only disks,
 * every byte of a value back as it was. */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/progress.h"
#include "progtest.h"
#include "testlib.h"

static char dir[64], path[128];

static void setup(void)
{
	progtest_setup(dir, path);
}

static void teardown(void)
{
	progtest_teardown(dir);
}

static Progress *open_ok(ProgressStatus want)
{
	ProgressStatus st;
	char bak[256];
	Progress *p = progress_open(path, &st, bak, sizeof bak);

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(st, want);
	return p;
}

START_TEST(round_trip)
{
	Progress *p = open_ok(PROGRESS_FRESH);
	struct stat sb;

	ck_assert_int_eq(progress_set(p, "unit.L1.intro.done", "1"), 0);
	ck_assert_int_eq(progress_set(p, "quiz.L1-q.q1.answer", "two\nlines \\ and ünïcode"), 0);
	ck_assert_int_eq(progress_set_num(p, "game.L1.light.best", 0.03125), 0);
	ck_assert_int_eq(progress_set(p, "bad key", "x"), -1);
	ck_assert_int_eq(progress_set(p, "", "x"), -1);
	ck_assert_int_eq(progress_set(p, "k", "\xff"), -1);
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);

	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_ptr_nonnull(strstr(progtest_read(path), "neuronauts-progress 1\n"));
	ck_assert_ptr_nonnull(strstr(progtest_read(path), "two\\nlines \\\\ and"));

	p = open_ok(PROGRESS_OK);
	ck_assert_str_eq(progress_get(p, "unit.L1.intro.done"), "1");
	ck_assert_str_eq(progress_get(p, "quiz.L1-q.q1.answer"), "two\nlines \\ and ünïcode");
	ck_assert_double_eq(progress_get_num(p, "game.L1.light.best", -1), 0.03125);
	ck_assert_double_eq(progress_get_num(p, "missing", -1), -1);
	ck_assert_ptr_null(progress_get(p, "missing"));
	progress_free(p);
}
END_TEST

/* c alone (pos 0), first (1), inside (2) or last (3) in a short value. */
static const char *byte_at(char *val, int c, int pos)
{
	char *v = val;

	if (pos >= 2)
		*v++ = 'a';
	*v++ = (char)c;
	if (pos == 1 || pos == 2)
		*v++ = 'z';
	*v = '\0';
	return val;
}

/* Every value comes back byte for byte: each ASCII byte alone, first, inside and last
 * (a trailing CR used to be read as the end of a CRLF line), and the cases a reader
 * could strip: spaces and tabs around, escapes spelled out, UTF-8. The file stays text:
 * no control byte in it but the line ends and tabs. */
START_TEST(every_byte_round_trips)
{
	static const char *const special[] = {
	    "trailing cr\r", "\r", "\r\n", "\n\r", "crlf inside\r\nand on",
	    "  two spaces around  ", " ", "", "\ttabs\t", "\t", "back\\slash\\",
	    "\\n not a newline", "\\x41 not an escape", "\\", "ünïcode € 𝔸", "#hash"};
	char key[32], val[8], all[160];
	Progress *p = open_ok(PROGRESS_FRESH);
	const char *text;
	int c, pos;
	size_t i;

	for (c = 1; c < 128; c++)
		for (pos = 0; pos < 4; pos++) {
			snprintf(key, sizeof key, "byte.%d.%d", c, pos);
			ck_assert_int_eq(progress_set(p, key, byte_at(val, c, pos)), 0);
		}
	for (c = 1; c < 128; c++)
		all[c - 1] = (char)c;
	all[127] = '\0';
	ck_assert_int_eq(progress_set(p, "all", all), 0);
	for (i = 0; i < sizeof special / sizeof *special; i++) {
		snprintf(key, sizeof key, "special.%zu", i);
		ck_assert_int_eq(progress_set(p, key, special[i]), 0);
	}
	/* Not UTF-8: refused, so nothing is written that would not read back. */
	ck_assert_int_eq(progress_set(p, "bad", "\xff"), -1);
	ck_assert_int_eq(progress_set(p, "bad", "a\xc3"), -1);
	ck_assert_int_eq(progress_set(p, "bad", "\xed\xa0\x80"), -1);
	ck_assert_int_eq(progress_set(p, "bad", "\xc0\x80"), -1);
	ck_assert_ptr_null(progress_get(p, "bad"));
	/* A key the reader would take for a comment line */
	ck_assert_int_eq(progress_set(p, "#key", "x"), -1);
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);

	text = progtest_read(path);
	for (i = 0; text[i]; i++)
		ck_assert_msg((unsigned char)text[i] >= 0x20 || text[i] == '\n' || text[i] == '\t',
			      "control byte %d in the file", text[i]);
	p = open_ok(PROGRESS_OK);
	for (c = 1; c < 128; c++)
		for (pos = 0; pos < 4; pos++) {
			snprintf(key, sizeof key, "byte.%d.%d", c, pos);
			byte_at(val, c, pos);
			ck_assert_msg(progress_get(p, key) && strcmp(progress_get(p, key), val) == 0,
				      "byte %d at %d does not round-trip", c, pos);
		}
	ck_assert_str_eq(progress_get(p, "all"), all);
	for (i = 0; i < sizeof special / sizeof *special; i++) {
		snprintf(key, sizeof key, "special.%zu", i);
		ck_assert_ptr_nonnull(progress_get(p, key));
		ck_assert_str_eq(progress_get(p, key), special[i]);
	}
	progress_free(p);
}
END_TEST

START_TEST(escapes_the_writer_never_makes_are_refused)
{
	const char *bad[] = {"neuronauts-progress 1\nk \\x00\n", "neuronauts-progress 1\nk \\x4\n",
			     "neuronauts-progress 1\nk \\xff\n", "neuronauts-progress 1\nk \\t\n",
			     "neuronauts-progress 1\nk \\xG1\n"};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		Progress *p = progress_new(NULL);
		ck_assert_int_eq(progress_parse(p, bad[i], strlen(bad[i]), 1), -1);
		progress_free(p);
	}
}
END_TEST

START_TEST(atomic_write_leaves_no_temporary)
{
	Progress *p = open_ok(PROGRESS_FRESH);
	char cmd[256];

	progress_set(p, "a", "1");
	ck_assert_int_eq(progress_save(p), 0);
	progress_set(p, "a", "2");
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	/* Only the file and its lock remain: no "progress.tmp.*". */
	snprintf(cmd, sizeof cmd, "test \"$(ls '%s' | tr '\\n' ' ')\" = 'progress progress.lock '",
		 dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* The file's inode: every save that writes renames a new file over it. */
static ino_t inode(void)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_ino;
}

/* A save with nothing changed writes nothing (no new file, no fsync): a key set to the
 * value it has does not count as a change; a real change, or the file gone, does. */
START_TEST(nothing_changed_nothing_written)
{
	Progress *p = open_ok(PROGRESS_FRESH);
	ino_t first;

	ck_assert_int_eq(progress_save(p), 0); /* no file yet: it is made */
	progress_set(p, "a", "1");
	ck_assert_int_eq(progress_save(p), 0);
	first = inode();
	ck_assert_int_eq(progress_save(p), 0);
	ck_assert(inode() == first);
	progress_set(p, "a", "1");
	ck_assert_uint_eq(progress_unsaved(p), 0);
	ck_assert_int_eq(progress_save(p), 0);
	ck_assert(inode() == first);
	progress_set(p, "a", "2");
	ck_assert_int_eq(progress_save(p), 0);
	ck_assert(inode() != first);
	ck_assert_int_eq(unlink(path), 0); /* the file gone: a save writes one again */
	ck_assert_int_eq(progress_save(p), 0);
	ck_assert_int_eq(access(path, F_OK), 0);
	progress_free(p);
}
END_TEST

START_TEST(corrupt_file_is_backed_up_and_a_fresh_store_starts)
{
	const char *bad[] = {"garbage\n", "neuronauts-progress x\n", "neuronauts-progress 1\nk \\q\n",
			     "neuronauts-progress 1\nk\x01ey v\n", "neuronauts-progress 1\nk v\xff\n"};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		ProgressStatus st;
		char bak[256], want[160];
		Progress *p;

		progtest_write(path, bad[i]);
		p = progress_open(path, &st, bak, sizeof bak);
		ck_assert_int_eq(st, PROGRESS_RECOVERED);
		snprintf(want, sizeof want, "%s.bak.%zu", path, i + 1);
		ck_assert_str_eq(bak, want); /* numbered: earlier backups are kept */
		ck_assert_str_eq(progtest_read(bak), bad[i]);
		ck_assert_int_eq(access(path, F_OK), -1);
		ck_assert_ptr_null(progress_get(p, "k"));
		progress_free(p);
	}
}
END_TEST

START_TEST(unknown_version_is_backed_up)
{
	ProgressStatus st;
	char bak[256];
	Progress *p;

	progtest_write(path, "neuronauts-progress 2\nfuture thing\n");
	p = progress_open(path, &st, bak, sizeof bak);
	ck_assert_int_eq(st, PROGRESS_RECOVERED);
	ck_assert_str_eq(progtest_read(bak), "neuronauts-progress 2\nfuture thing\n");
	progress_free(p);
}
END_TEST

START_TEST(unknown_keys_are_kept)
{
	Progress *p;

	progtest_write(path, "# comment\r\nneuronauts-progress 1\r\nfuture.feature.x 42\r\n\r\n");
	p = open_ok(PROGRESS_OK);
	progress_set(p, "unit.L1.intro.done", "1");
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	ck_assert_ptr_nonnull(strstr(progtest_read(path), "future.feature.x 42\n"));
}
END_TEST

START_TEST(two_writers_merge)
{
	Progress *a = open_ok(PROGRESS_FRESH), *b = open_ok(PROGRESS_FRESH);

	progress_set(a, "unit.L1.intro.done", "1");
	progress_set(b, "unit.L1.light.done", "1");
	progress_set(a, "shared", "from a");
	ck_assert_int_eq(progress_save(a), 0);
	progress_set(b, "shared", "from b");
	ck_assert_int_eq(progress_save(b), 0); /* b merges a's keys in */
	progress_set(a, "unit.L1.tune.done", "1");
	ck_assert_int_eq(progress_save(a), 0); /* a keeps b's keys; "shared" is b's now */
	progress_free(a);
	progress_free(b);

	a = open_ok(PROGRESS_OK);
	ck_assert_str_eq(progress_get(a, "unit.L1.intro.done"), "1");
	ck_assert_str_eq(progress_get(a, "unit.L1.light.done"), "1");
	ck_assert_str_eq(progress_get(a, "unit.L1.tune.done"), "1");
	ck_assert_str_eq(progress_get(a, "shared"), "from b");
	progress_free(a);
}
END_TEST

/* Root writes into read-only folders: become an ordinary user owning the folder (the
 * test runs in its own forked process, so this does not last). */
static void drop_root(void)
{
	if (geteuid() != 0)
		return;
	ck_assert_int_eq(chown(dir, 65534, 65534), 0);
	ck_assert_int_eq(setgid(65534), 0);
	ck_assert_int_eq(setuid(65534), 0);
}

START_TEST(read_only_directory_fails_then_retries)
{
	Progress *p;

	drop_root();
	p = open_ok(PROGRESS_FRESH);
	progress_set(p, "unit.L1.intro.done", "1");
	ck_assert_int_eq(chmod(dir, 0500), 0);
	errno = 0;
	ck_assert_int_eq(progress_save(p), -1);
	ck_assert_int_ne(errno, 0);
	ck_assert_str_eq(progress_get(p, "unit.L1.intro.done"), "1"); /* nothing lost */
	ck_assert_int_eq(chmod(dir, 0700), 0);
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	p = open_ok(PROGRESS_OK);
	ck_assert_str_eq(progress_get(p, "unit.L1.intro.done"), "1");
	progress_free(p);
}
END_TEST

START_TEST(full_disk_keeps_the_old_file_and_retries)
{
	Progress *p = open_ok(PROGRESS_FRESH);
	struct rlimit small, saved;
	char before[4096];
	int i, r, limited, restored;

	progress_set(p, "unit.L1.intro.done", "1");
	ck_assert_int_eq(progress_save(p), 0);
	strcpy(before, progtest_read(path));
	for (i = 0; i < 20; i++) {
		char key[32];
		snprintf(key, sizeof key, "unit.L%d.long-unit-name.done", i);
		progress_set(p, key, "1");
	}
	/* A file size limit makes writes fail as a full disk does (EFBIG, like ENOSPC). */
	signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 64; /* the soft limit only, so it can be raised again */
	/* No Check assertion while the limit holds: Check itself writes to a file. */
	limited = setrlimit(RLIMIT_FSIZE, &small);
	r = progress_save(p);
	restored = setrlimit(RLIMIT_FSIZE, &saved);
	ck_assert_int_eq(limited, 0);
	ck_assert_int_eq(restored, 0);
	ck_assert_int_eq(r, -1);
	ck_assert_str_eq(progtest_read(path), before); /* the old file is intact */
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	p = open_ok(PROGRESS_OK);
	ck_assert_str_eq(progress_get(p, "unit.L19.long-unit-name.done"), "1");
	progress_free(p);
}
END_TEST

START_TEST(missing_directory_is_an_error_not_a_crash)
{
	Progress *p;
	ProgressStatus st;

	snprintf(path, sizeof path, "%s/no/such/dir/progress", dir);
	p = progress_open(path, &st, NULL, 0);
	ck_assert_ptr_nonnull(p);
	progress_set(p, "a", "1");
	ck_assert_int_eq(progress_save(p), -1);
	ck_assert_int_eq(errno, ENOENT);
	progress_free(p);
}
END_TEST

static void count(const char *key, const char *value, void *ctx)
{
	(void)key;
	(void)value;
	++*(int *)ctx;
}

START_TEST(prefix_iteration)
{
	Progress *p = progress_new(NULL);
	int n = 0;

	progress_set(p, "unit.b", "1");
	progress_set(p, "unit.a", "1");
	progress_set(p, "quiz.a", "1");
	progress_each(p, "unit.", count, &n);
	ck_assert_int_eq(n, 2);
	progress_free(p);
}
END_TEST

static Suite *progress_suite(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("progress");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, every_byte_round_trips);
	tcase_add_test(tc, escapes_the_writer_never_makes_are_refused);
	tcase_add_test(tc, atomic_write_leaves_no_temporary);
	tcase_add_test(tc, corrupt_file_is_backed_up_and_a_fresh_store_starts);
	tcase_add_test(tc, unknown_version_is_backed_up);
	tcase_add_test(tc, unknown_keys_are_kept);
	tcase_add_test(tc, two_writers_merge);
	tcase_add_test(tc, read_only_directory_fails_then_retries);
	tcase_add_test(tc, full_disk_keeps_the_old_file_and_retries);
	tcase_add_test(tc, missing_directory_is_an_error_not_a_crash);
	tcase_add_test(tc, prefix_iteration);
	tcase_add_test(tc, nothing_changed_nothing_written);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(progress_suite());
}
