/* check_infile.c: the guarded input reader: regular files only (a FIFO, a directory and
 * a device are refused without blocking), the size limit to the byte, lines cut in place. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nn/csv.h"
#include "nn/infile.h"
#include "nn/mlp-io.h"
#include "testlib.h"

static char dir[64];

static void make_dir(void)
{
	strcpy(dir, "/tmp/nn-infile-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* dir/name with n bytes of text (repeated "0123456789\n"). */
static const char *file_of(const char *name, size_t n)
{
	static char path[128];
	FILE *f;
	size_t i;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	for (i = 0; i < n; i++)
		putc("0123456789\n"[i % 11], f);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

static void remove_dir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(reads_up_to_the_limit_exactly)
{
	static const size_t sizes[] = {0, 1, 100, 4095, 4096, 4097, 10000};
	size_t i;

	make_dir();
	for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		const char *path = file_of("f", sizes[i]);
		char *buf;
		size_t n, k;
		ck_assert_int_eq(infile_read(path, sizes[i], &buf, &n), INFILE_OK);
		ck_assert_uint_eq(n, sizes[i]);
		ck_assert_int_eq(buf[n], '\0');
		for (k = 0; k < n; k++)
			ck_assert_int_eq(buf[k], "0123456789\n"[k % 11]);
		free(buf);
		if (sizes[i] == 0)
			continue;
		buf = (char *)1;
		ck_assert_int_eq(infile_read(path, sizes[i] - 1, &buf, &n), INFILE_ERR_TOO_BIG);
		ck_assert_ptr_null(buf);
		ck_assert_int_eq(errno, EFBIG);
	}
	remove_dir();
}
END_TEST

START_TEST(refuses_what_is_not_a_regular_file)
{
	char fifo[96], *buf;
	size_t n;
	InfileStatus st;

	make_dir();
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	/* no writer: a blocking open would wait for one forever */
	ck_assert_int_eq(infile_read(fifo, 100, &buf, &n), INFILE_ERR_NOT_REGULAR);
	ck_assert_ptr_null(buf);
	ck_assert_int_eq(infile_open(fifo, 100, &st), -1);
	ck_assert_int_eq(st, INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(infile_read(dir, 1 << 20, &buf, &n), INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(errno, EISDIR);
	/* endless devices: refused before a byte is read */
	ck_assert_int_eq(infile_read("/dev/zero", 1 << 20, &buf, &n), INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(infile_read("/dev/null", 1 << 20, &buf, &n), INFILE_ERR_NOT_REGULAR);
	snprintf(fifo, sizeof fifo, "%s/none", dir);
	ck_assert_int_eq(infile_read(fifo, 10, &buf, &n), INFILE_ERR_SYS);
	ck_assert_int_eq(errno, ENOENT);
	remove_dir();
}
END_TEST

START_TEST(the_descriptor_blocks_again)
{
	InfileStatus st;
	int fd;

	make_dir();
	fd = infile_open(file_of("f", 10), 10, &st);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(st, INFILE_OK);
	ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	ck_assert_int_ne(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	close(fd);
	ck_assert_int_eq(infile_open(file_of("f", 11), 10, &st), -1);
	ck_assert_int_eq(st, INFILE_ERR_TOO_BIG);
	remove_dir();
}
END_TEST

START_TEST(lines_are_cut_in_place)
{
	char text[] = "a\r\n\nbc\nlast";
	char *at = text, *end = text + strlen(text), *line;
	const char *want[] = {"a\r", "", "bc", "last"};
	size_t len, i = 0;

	while ((line = infile_line(&at, end, &len)) != NULL) {
		ck_assert_uint_lt(i, 4);
		ck_assert_str_eq(line, want[i]);
		ck_assert_uint_eq(len, strlen(want[i]));
		i++;
	}
	ck_assert_uint_eq(i, 4);
	at = end;
	ck_assert_ptr_null(infile_line(&at, end, &len));
}
END_TEST

/* The CSV and weights readers go through it: their errors say which refusal it was. */
START_TEST(csv_and_weights_refuse_fifos_devices_and_big_files)
{
	const size_t sizes[] = {2, 3, 1};
	const Activation act[] = {ACT_TANH, ACT_SIGMOID};
	char fifo[96], big[96];
	Dataset d;
	CsvError ce;
	MlpIoError me;
	Mlp m;
	int fd;

	make_dir();
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	snprintf(big, sizeof big, "%s/big", dir);
	fd = open(big, O_WRONLY | O_CREAT, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "1,2,0\n", 6), 6);
	ck_assert_int_eq(ftruncate(fd, (off_t)CSV_MAX_FILE + 1), 0); /* sparse */
	close(fd);
	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);

	ck_assert_int_eq(csv_load(&d, fifo, &ce), NN_ERR_IO);
	ck_assert_int_eq(ce.what, CSV_ERR_OPEN);
	ck_assert_int_eq(ce.file, INFILE_ERR_NOT_REGULAR);
	ck_assert_ptr_null(d.x);
	ck_assert_int_eq(csv_load(&d, "/dev/zero", &ce), NN_ERR_IO);
	ck_assert_int_eq(ce.file, INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(csv_load(&d, dir, &ce), NN_ERR_IO);
	ck_assert_int_eq(ce.file, INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(csv_load(&d, big, &ce), NN_ERR_IO);
	ck_assert_int_eq(ce.what, CSV_ERR_OPEN);
	ck_assert_int_eq(ce.file, INFILE_ERR_TOO_BIG);
	ck_assert_int_eq(ce.errnum, EFBIG);

	ck_assert_int_eq(mlp_load(&m, fifo, &me), NN_ERR_IO);
	ck_assert_int_eq(me.what, MLPIO_ERR_OPEN);
	ck_assert_int_eq(me.file, INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(mlp_load(&m, "/dev/zero", &me), NN_ERR_IO);
	ck_assert_int_eq(me.file, INFILE_ERR_NOT_REGULAR);
	ck_assert_int_eq(truncate(big, (off_t)MLPIO_MAX_FILE + 1), 0);
	ck_assert_int_eq(mlp_load(&m, big, &me), NN_ERR_IO);
	ck_assert_int_eq(me.file, INFILE_ERR_TOO_BIG);
	/* at the limit it is read (and is not a weights file) */
	ck_assert_int_eq(truncate(big, (off_t)MLPIO_MAX_FILE), 0);
	ck_assert_int_eq(mlp_load(&m, big, &me), NN_ERR_PARSE); /* "1,2,0" */
	ck_assert_int_eq(me.what, MLPIO_ERR_NUMBER);
	mlp_free(&m);
	remove_dir();
}
END_TEST

static Suite *infile_suite(void)
{
	Suite *s = suite_create("infile");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, reads_up_to_the_limit_exactly);
	tcase_add_test(tc, refuses_what_is_not_a_regular_file);
	tcase_add_test(tc, the_descriptor_blocks_again);
	tcase_add_test(tc, lines_are_cut_in_place);
	tcase_add_test(tc, csv_and_weights_refuse_fifos_devices_and_big_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(infile_suite());
}
