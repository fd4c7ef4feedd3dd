/* nntest.h: helpers shared by the nn suites: reference files, data, relative errors.
 * Links with the math library, Check and libc only. */
#ifndef NN_TESTS_NN_NNTEST_H
#define NN_TESTS_NN_NNTEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/csv.h"
#include "nn/mlp.h"
#include "testlib.h"

/* |a - b| / max(|a|, |b|), 0 when both are 0. */
static inline double nt_rel(double a, double b)
{
	double m = fmax(fabs(a), fabs(b));
	return m == 0 ? 0.0 : fabs(a - b) / m;
}

/* The spiral data of bench/data, its first n rows (all when n is 0). */
static inline void nt_spiral(Dataset *d, size_t n)
{
	CsvError e;
	ck_assert_int_eq(csv_load(d, test_srcpath("bench/data/spiral.csv"), &e), NN_OK);
	ck_assert_uint_eq(d->n, 1000);
	if (n)
		d->n = n;
}

/* A 2-8-8-1 tanh/tanh/sigmoid network with the weights of bench/data/init_2881.txt. */
static inline void nt_net_2881(Mlp *m)
{
	static const size_t sizes[] = {2, 8, 8, 1};
	static const Activation act[] = {ACT_TANH, ACT_TANH, ACT_SIGMOID};
	ck_assert_int_eq(mlp_init(m, sizes, 3, act), NN_OK);
}

/* Reads the "k value" lines of a trajectory file into v (at most max); returns n. */
static inline size_t nt_trajectory(double *v, size_t max, const char *rel)
{
	FILE *f = fopen(test_srcpath(rel), "r");
	char line[256];
	size_t n = 0;

	ck_assert_msg(f != NULL, "cannot open %s", rel);
	while (fgets(line, sizeof line, f)) {
		unsigned k;
		double x;
		if (line[0] == '#')
			continue;
		if (sscanf(line, "%u %lf", &k, &x) == 2 && n < max) {
			ck_assert_uint_eq(k, n);
			v[n++] = x;
		}
	}
	fclose(f);
	return n;
}

/* The value after "key" in the '#' header lines of a reference file. */
static inline double nt_header_value(const char *rel, const char *key)
{
	FILE *f = fopen(test_srcpath(rel), "r");
	char line[512];
	double v = NAN;

	ck_assert_msg(f != NULL, "cannot open %s", rel);
	while (fgets(line, sizeof line, f)) {
		char *p = strstr(line, key);
		if (line[0] == '#' && p) {
			v = strtod(p + strlen(key), NULL);
			break;
		}
	}
	fclose(f);
	return v;
}

#endif
