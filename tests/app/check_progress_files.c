/* check_progress_files.c: the progress file's neighbours as an attacker plants them:
 * symbolic links at the temporary and lock files, a FIFO or a folder at the path, stale
 * temporary files of killed saves (and fresh ones of a save in progress), a huge file. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
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

/* dir/name */
static const char *in_dir(const char *name)
{
	static char buf[4][160];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

/* Sets the modification time of name (not following a link) to age seconds ago. */
static void age(const char *name, int seconds)
{
	struct timeval tv[2];

	gettimeofday(&tv[0], NULL);
	tv[0].tv_sec -= seconds;
	tv[1] = tv[0];
	ck_assert_int_eq(lutimes(in_dir(name), tv), 0);
}

static int is_link(const char *name)
{
	struct stat sb;
	return lstat(in_dir(name), &sb) == 0 && S_ISLNK(sb.st_mode);
}

START_TEST(a_link_at_the_temporary_name_is_not_followed)
{
	char name[64];
	ProgressStatus st;
	Progress *p;
	struct stat sb;

	progtest_write(in_dir("victim"), "precious\n");
	/* The name the save used to write to, PATH.tmp.PID */
	snprintf(name, sizeof name, "progress.tmp.%ld", (long)getpid());
	ck_assert_int_eq(symlink(in_dir("victim"), in_dir(name)), 0);
	p = progress_open(path, &st, NULL, 0);
	ck_assert_int_eq(st, PROGRESS_FRESH);
	progress_set(p, "unit.L1.intro.done", "1");
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	ck_assert_str_eq(progtest_read(in_dir("victim")), "precious\n");
	ck_assert_int_eq(lstat(path, &sb), 0);
	ck_assert(S_ISREG(sb.st_mode));
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_ptr_nonnull(strstr(progtest_read(path), "unit.L1.intro.done 1\n"));
	ck_assert(is_link(name)); /* not ours to remove: only regular files are */
}
END_TEST

START_TEST(a_link_at_the_lock_is_not_followed)
{
	ProgressStatus st;
	Progress *p;

	/* A dangling link: opening it with O_CREAT would create its target. */
	ck_assert_int_eq(symlink(in_dir("created-by-the-link"), in_dir("progress.lock")), 0);
	p = progress_open(path, &st, NULL, 0);
	progress_set(p, "a", "1");
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	ck_assert_int_eq(access(in_dir("created-by-the-link"), F_OK), -1);
	ck_assert_ptr_nonnull(strstr(progtest_read(path), "a 1\n"));
}
END_TEST

START_TEST(stale_temporaries_of_killed_saves_are_removed)
{
	ProgressStatus st;
	Progress *p;
	int root = geteuid() == 0;

	progtest_write(in_dir("victim"), "precious\n");
	progtest_write(in_dir("progress.tmp.12345"), "killed save (an old version's name)\n");
	age("progress.tmp.12345", 3600);
	progtest_write(in_dir("progress.tmp.Ab3xYz"), "killed save\n");
	age("progress.tmp.Ab3xYz", 61);
	progtest_write(in_dir("progress.tmp.QQQQQQ"), "another instance saving right now\n");
	ck_assert_int_eq(symlink(in_dir("victim"), in_dir("progress.tmp.link")), 0);
	age("progress.tmp.link", 3600);
	ck_assert_int_eq(mkdir(in_dir("progress.tmp.dir"), 0700), 0);
	age("progress.tmp.dir", 3600);
	progtest_write(in_dir("other.tmp.1"), "not ours\n");
	age("other.tmp.1", 3600);
	progtest_write(in_dir("progress.tmp."), "no suffix\n");
	age("progress.tmp.", 3600);
	if (root) { /* someone else's file in a shared folder */
		progtest_write(in_dir("progress.tmp.nobody"), "not ours\n");
		ck_assert_int_eq(chown(in_dir("progress.tmp.nobody"), 65534, 65534), 0);
		age("progress.tmp.nobody", 3600);
	}
	p = progress_open(path, &st, NULL, 0);
	progress_set(p, "a", "1");
	ck_assert_int_eq(progress_save(p), 0);
	progress_free(p);
	ck_assert_int_eq(access(in_dir("progress.tmp.12345"), F_OK), -1);
	ck_assert_int_eq(access(in_dir("progress.tmp.Ab3xYz"), F_OK), -1);
	ck_assert_int_eq(access(in_dir("progress.tmp.QQQQQQ"), F_OK), 0);
	ck_assert(is_link("progress.tmp.link"));
	ck_assert_str_eq(progtest_read(in_dir("victim")), "precious\n");
	ck_assert_int_eq(access(in_dir("progress.tmp.dir"), F_OK), 0);
	ck_assert_int_eq(access(in_dir("other.tmp.1"), F_OK), 0);
	ck_assert_int_eq(access(in_dir("progress.tmp."), F_OK), 0);
	if (root)
		ck_assert_int_eq(access(in_dir("progress.tmp.nobody"), F_OK), 0);
}
END_TEST

/* A FIFO is opened without blocking (no writer: a blocking open would wait forever),
 * and like a folder it is neither read, nor moved aside as a damaged file, nor
 * replaced by a save. */
START_TEST(a_fifo_or_a_folder_at_the_path_is_left_alone)
{
	int k;

	for (k = 0; k < 2; k++) {
		ProgressStatus st;
		char bak[256];
		struct stat sb;
		Progress *p;

		if (k == 0)
			ck_assert_int_eq(mkfifo(path, 0600), 0);
		else
			ck_assert_int_eq(mkdir(path, 0700), 0);
		p = progress_open(path, &st, bak, sizeof bak);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq(st, PROGRESS_ERR_NOT_FILE);
		ck_assert_str_eq(bak, "");
		progress_set(p, "a", "1");
		ck_assert_int_eq(progress_save(p), -2);
		ck_assert_str_eq(progress_get(p, "a"), "1"); /* kept in memory */
		progress_free(p);
		ck_assert_int_eq(lstat(path, &sb), 0);
		ck_assert(k == 0 ? S_ISFIFO(sb.st_mode) : S_ISDIR(sb.st_mode));
		ck_assert_int_eq(access(in_dir("progress.bak.1"), F_OK), -1);
		ck_assert_int_eq(k == 0 ? unlink(path) : rmdir(path), 0);
	}
}
END_TEST

START_TEST(a_huge_file_is_moved_aside_unread)
{
	ProgressStatus st;
	char bak[256];
	Progress *p;
	int fd = open(path, O_WRONLY | O_CREAT, 0600);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "neuronauts-progress 1\n", 22), 22);
	ck_assert_int_eq(ftruncate(fd, (off_t)(4 << 20) + 1), 0); /* sparse */
	close(fd);
	p = progress_open(path, &st, bak, sizeof bak);
	ck_assert_int_eq(st, PROGRESS_RECOVERED);
	ck_assert_str_eq(bak, in_dir("progress.bak.1"));
	ck_assert_int_eq(access(path, F_OK), -1);
	progress_free(p);
}
END_TEST

static Suite *progress_files_suite(void)
{
	Suite *s = suite_create("progress-files");
	TCase *tc = tcase_create("files");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_link_at_the_temporary_name_is_not_followed);
	tcase_add_test(tc, a_link_at_the_lock_is_not_followed);
	tcase_add_test(tc, stale_temporaries_of_killed_saves_are_removed);
	tcase_add_test(tc, a_fifo_or_a_folder_at_the_path_is_left_alone);
	tcase_add_test(tc, a_huge_file_is_moved_aside_unread);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(progress_files_suite());
}
