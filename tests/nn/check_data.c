/* check_data.c: the toy datasets' shapes, labels and seeds, the train/test split, and
 * CSV files (round trip, every kind of bad row with its line). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn/csv.h"
#include "nn/data.h"
#include "testlib.h"

START_TEST(truth_tables)
{
	static const double want[5][4] = {
	    {0, 1, 1, 0}, {0, 0, 0, 1}, {0, 1, 1, 1}, {1, 1, 1, 0}, {1, 0, 0, 0}};
	DataSpec s;
	Dataset d;
	Rng r;
	int k, i;

	for (k = DATA_XOR; k <= DATA_NOR; k++) {
		data_spec_defaults(&s, (DataKind)k, 8);
		rng_seed(&r, 1);
		ck_assert_int_eq(data_generate(&d, &s, &r), NN_OK);
		ck_assert_uint_eq(d.n, 8);
		ck_assert_uint_eq(d.dim, 2);
		for (i = 0; i < 8; i++) {
			ck_assert_double_eq(d.x[2 * i], (i >> 1) & 1);
			ck_assert_double_eq(d.x[2 * i + 1], i & 1);
			ck_assert_double_eq(d.label[i], want[k][i % 4]);
		}
		data_free(&d);
	}
}
END_TEST

START_TEST(every_kind_shape_labels_and_seed)
{
	int k;

	for (k = 0; k < DATA_COUNT; k++) {
		DataSpec s;
		Dataset a, b, c;
		Rng r;
		size_t i, nc, counts[8] = {0};
		DataKind back;

		data_spec_defaults(&s, (DataKind)k, 301);
		s.noise = 0.2;
		nc = data_n_classes(&s);
		rng_seed(&r, 5);
		ck_assert_int_eq(data_generate(&a, &s, &r), NN_OK);
		rng_seed(&r, 5);
		ck_assert_int_eq(data_generate(&b, &s, &r), NN_OK);
		rng_seed(&r, 6);
		ck_assert_int_eq(data_generate(&c, &s, &r), NN_OK);
		ck_assert_uint_eq(a.n, 301);
		ck_assert_uint_eq(a.dim, 2);
		ck_assert(memcmp(a.x, b.x, 602 * sizeof *a.x) == 0);
		ck_assert(memcmp(a.label, b.label, 301 * sizeof *a.label) == 0);
		ck_assert(memcmp(a.x, c.x, 602 * sizeof *a.x) != 0);
		for (i = 0; i < a.n; i++) {
			ck_assert(isfinite(a.x[2 * i]) && isfinite(a.x[2 * i + 1]));
			ck_assert(fabs(a.x[2 * i]) < 3 * s.radius &&
			          fabs(a.x[2 * i + 1]) < 3 * s.radius);
			if (nc) {
				ck_assert(a.label[i] >= 0 && a.label[i] < (double)nc);
				ck_assert_double_eq(a.label[i], floor(a.label[i]));
				counts[(size_t)a.label[i]]++;
			} else {
				ck_assert(fabs(a.label[i]) < 2.0);
			}
		}
		for (i = 0; i < nc; i++) /* every class is there, none dominates */
			ck_assert_msg(counts[i] > 301 / nc / 3, "%s class %zu: %zu",
			              data_name((DataKind)k), i, counts[i]);
		ck_assert_int_eq(data_from_name(&back, data_name((DataKind)k)), 0);
		ck_assert_int_eq(back, k);
		data_free(&a);
		data_free(&b);
		data_free(&c);
	}
}
END_TEST

START_TEST(spiral_and_blobs_parameters)
{
	DataSpec s;
	Dataset d;
	Rng r;
	size_t i;
	double rmax = 0;

	data_spec_defaults(&s, DATA_SPIRAL, 200);
	s.radius = 2.0;
	s.turns = 2.0;
	rng_seed(&r, 1);
	ck_assert_int_eq(data_generate(&d, &s, &r), NN_OK);
	for (i = 0; i < d.n; i++)
		rmax = fmax(rmax, hypot(d.x[2 * i], d.x[2 * i + 1]));
	ck_assert(rmax < 2.0 && rmax > 1.9);
	ck_assert_double_eq(d.label[0], 0);
	ck_assert_double_eq(d.label[199], 1);
	/* arm 1 is arm 0 turned half a turn: point i of each */
	ck_assert_double_eq_tol(d.x[2 * 10], -d.x[2 * 110], 1e-12);
	data_free(&d);
	data_spec_defaults(&s, DATA_BLOBS, 100);
	s.classes = 5;
	ck_assert_uint_eq(data_n_classes(&s), 5);
	ck_assert_int_eq(data_generate(&d, &s, &r), NN_OK);
	ck_assert_double_eq(d.label[7], 2);
	data_free(&d);
	s.n = 0;
	ck_assert_int_eq(data_generate(&d, &s, &r), NN_ERR_ARG);
	s.n = 10;
	s.noise = -1;
	ck_assert_int_eq(data_generate(&d, &s, &r), NN_ERR_ARG);
}
END_TEST

START_TEST(split_keeps_every_row_once)
{
	Dataset d, tr, te;
	Rng r;
	size_t i;
	double sum = 0, sum2 = 0;

	ck_assert_int_eq(data_alloc(&d, 10, 1), NN_OK);
	for (i = 0; i < 10; i++)
		d.x[i] = d.label[i] = (double)i;
	rng_seed(&r, 3);
	ck_assert_int_eq(data_split(&tr, &te, &d, 0.3, &r), NN_OK);
	ck_assert_uint_eq(tr.n, 7);
	ck_assert_uint_eq(te.n, 3);
	for (i = 0; i < 7; i++) {
		ck_assert_double_eq(tr.x[i], tr.label[i]);
		sum += tr.x[i];
	}
	for (i = 0; i < 3; i++)
		sum2 += te.x[i];
	ck_assert_double_eq(sum + sum2, 45);
	data_free(&tr);
	data_free(&te);
	ck_assert_int_eq(data_split(&tr, &te, &d, 1.5, &r), NN_ERR_ARG);
	data_free(&d);
}
END_TEST

static char tmp[32];

/* Writes text to a fresh temporary file and returns its name. */
static const char *write_tmp(const char *text)
{
	FILE *f;
	int fd;

	strcpy(tmp, "/tmp/nn-csv-XXXXXX");
	fd = mkstemp(tmp);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return tmp;
}

START_TEST(csv_round_trip_exact)
{
	Dataset a, b;
	DataSpec s;
	CsvError e;
	Rng r;
	const char *path = write_tmp("");

	data_spec_defaults(&s, DATA_MOONS, 57);
	s.noise = 0.1;
	rng_seed(&r, 4);
	ck_assert_int_eq(data_generate(&a, &s, &r), NN_OK);
	ck_assert_int_eq(csv_save(path, &a), NN_OK);
	ck_assert_int_eq(csv_load(&b, path, &e), NN_OK);
	ck_assert_uint_eq(b.n, 57);
	ck_assert_uint_eq(b.dim, 2);
	ck_assert(memcmp(a.x, b.x, 114 * sizeof *a.x) == 0);
	ck_assert(memcmp(a.label, b.label, 57 * sizeof *a.label) == 0);
	unlink(path);
	data_free(&a);
	data_free(&b);
}
END_TEST

START_TEST(csv_tolerates_headers_comments_blanks_crlf)
{
	Dataset d;
	CsvError e;
	const char *path =
	    write_tmp("# made by hand\r\nx1, x2 ,label\r\n\r\n1.5, -2,1\r\n  3,4e1 , 0\r\n");

	ck_assert_int_eq(csv_load(&d, path, &e), NN_OK);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.dim, 2);
	ck_assert_double_eq(d.x[1], -2);
	ck_assert_double_eq(d.x[3], 40);
	ck_assert_double_eq(d.label[0], 1);
	unlink(path);
	data_free(&d);
	path = write_tmp("1,2,3,0\n"); /* no header: 3 features */
	ck_assert_int_eq(csv_load(&d, path, &e), NN_OK);
	ck_assert_uint_eq(d.dim, 3);
	unlink(path);
	data_free(&d);
}
END_TEST

START_TEST(csv_errors_name_the_line)
{
	Dataset d;
	CsvError e;
	const char *path = write_tmp("x1,x2,label\n1,2,0\n3,4\n");

	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, CSV_ERR_FIELDS);
	ck_assert_uint_eq(e.line, 3);
	ck_assert_uint_eq(e.found, 2);
	ck_assert_uint_eq(e.expected, 3);
	ck_assert_ptr_null(d.x);
	unlink(path);
	path = write_tmp("x1,x2,label\n1,2,0\n\n# fine\n3,abc,1\n");
	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, CSV_ERR_NUMBER);
	ck_assert_uint_eq(e.line, 5);
	ck_assert_uint_eq(e.field, 2);
	unlink(path);
	path = write_tmp("x1,x2,label\n1,2,nan\n");
	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_PARSE);
	ck_assert_uint_eq(e.field, 3);
	unlink(path);
	path = write_tmp("x1,x2,label\n1,,0\n");
	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, CSV_ERR_NUMBER);
	unlink(path);
	path = write_tmp("x1,x2,label\n");
	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, CSV_ERR_NO_ROWS);
	unlink(path);
	path = write_tmp("label\n1\n");
	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, CSV_ERR_TOO_NARROW);
	ck_assert_uint_eq(e.line, 1);
	unlink(path);
	ck_assert_int_eq(csv_load(&d, path, &e), NN_ERR_IO);
	ck_assert_int_eq(e.what, CSV_ERR_OPEN);
	ck_assert_int_ne(e.errnum, 0);
}
END_TEST

static Suite *data_suite(void)
{
	Suite *s = suite_create("data");
	TCase *tc = tcase_create("data");

	tcase_add_test(tc, truth_tables);
	tcase_add_test(tc, every_kind_shape_labels_and_seed);
	tcase_add_test(tc, spiral_and_blobs_parameters);
	tcase_add_test(tc, split_keeps_every_row_once);
	tcase_add_test(tc, csv_round_trip_exact);
	tcase_add_test(tc, csv_tolerates_headers_comments_blanks_crlf);
	tcase_add_test(tc, csv_errors_name_the_line);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(data_suite());
}
