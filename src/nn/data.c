/* data.c: the 2-D toy datasets (gates, circle, gaussians, spiral, moons, checkerboard,
 * blobs, regression surfaces) and the train/test split. libc and libm only. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/names.h"
#include "nn/data.h"

static const char *const data_names[DATA_COUNT] = {
    "xor",    "and",   "or",           "nand",  "nor",   "circle", "gaussians",
    "spiral", "moons", "checkerboard", "blobs", "plane", "bumps",
};

#define PI 3.14159265358979323846

const char *data_name(DataKind k)
{
	return k < DATA_COUNT ? data_names[k] : "?";
}

int data_from_name(DataKind *k, const char *name)
{
	int i = names_find(data_names, DATA_COUNT, name);

	if (i < 0)
		return -1;
	*k = (DataKind)i;
	return 0;
}

NnStatus data_alloc(Dataset *d, size_t n, size_t dim)
{
	memset(d, 0, sizeof *d);
	if (dim == 0 || (n && dim > (size_t)-1 / sizeof(double) / n))
		return NN_ERR_ARG;
	d->x = calloc(n > 0 ? n * dim : 1, sizeof *d->x);
	d->label = calloc(n ? n : 1, sizeof *d->label);
	if (!d->x || !d->label) {
		data_free(d);
		return NN_ERR_NOMEM;
	}
	d->n = n;
	d->dim = dim;
	return NN_OK;
}

void data_free(Dataset *d)
{
	free(d->x);
	free(d->label);
	memset(d, 0, sizeof *d);
}

void data_spec_defaults(DataSpec *s, DataKind kind, size_t n)
{
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->n = n;
	s->radius = 5.0;
	s->turns = 1.25;
	s->classes = 3;
	s->cells = 4;
}

size_t data_n_classes(const DataSpec *s)
{
	switch (s->kind) {
	case DATA_BLOBS:
		return s->classes;
	case DATA_PLANE:
	case DATA_BUMPS:
		return 0;
	default:
		return 2;
	}
}

static double gate(DataKind k, int a, int b)
{
	switch (k) {
	case DATA_XOR:
		return a != b;
	case DATA_AND:
		return a && b;
	case DATA_OR:
		return a || b;
	case DATA_NAND:
		return !(a && b);
	default:
		return !(a || b);
	}
}

/* Point i of n into p[0], p[1] and its label. */
static double point(double *p, const DataSpec *s, size_t i, Rng *r)
{
	double R = s->radius, t, a, label;
	size_t half = (s->n + 1) / 2;

	switch (s->kind) {
	case DATA_XOR:
	case DATA_AND:
	case DATA_OR:
	case DATA_NAND:
	case DATA_NOR: {
		int a0 = (int)(i >> 1 & 1), a1 = (int)(i & 1);
		p[0] = a0 + rng_normal(r, 0.0, s->noise);
		p[1] = a1 + rng_normal(r, 0.0, s->noise);
		return gate(s->kind, a0, a1);
	}
	case DATA_CIRCLE:
		label = i < half;
		t = label ? rng_range(r, 0.0, 0.5 * R) : rng_range(r, 0.7 * R, R);
		a = rng_range(r, 0.0, 2 * PI);
		p[0] = t * cos(a) + rng_range(r, -s->noise, s->noise);
		p[1] = t * sin(a) + rng_range(r, -s->noise, s->noise);
		return label;
	case DATA_GAUSSIANS:
		label = i < half;
		t = label ? 0.5 * R : -0.5 * R;
		p[0] = rng_normal(r, t, sqrt(s->noise * s->noise + 1.0));
		p[1] = rng_normal(r, t, sqrt(s->noise * s->noise + 1.0));
		return label;
	case DATA_SPIRAL: {
		size_t arm = i < half ? 0 : 1, j = arm ? i - half : i, m = arm ? s->n - half : half;
		t = R * (double)j / (double)m;
		a = s->turns * 2 * PI * (double)j / (double)m + (arm ? PI : 0.0);
		p[0] = t * sin(a) + rng_range(r, -s->noise, s->noise);
		p[1] = t * cos(a) + rng_range(r, -s->noise, s->noise);
		return (double)arm;
	}
	case DATA_MOONS: {
		size_t arm = i < half ? 0 : 1, j = arm ? i - half : i, m = arm ? s->n - half : half;
		a = m > 1 ? PI * (double)j / (double)(m - 1) : 0.0;
		if (arm == 0) {
			p[0] = R * cos(a);
			p[1] = R * sin(a);
		} else {
			p[0] = R * (1.0 - cos(a));
			p[1] = R * (0.5 - sin(a));
		}
		p[0] += rng_normal(r, 0.0, s->noise);
		p[1] += rng_normal(r, 0.0, s->noise);
		return (double)arm;
	}
	case DATA_CHECKER: {
		long cx, cy;
		p[0] = rng_range(r, -R, R);
		p[1] = rng_range(r, -R, R);
		cx = (long)floor((p[0] + R) / (2 * R) * (double)s->cells);
		cy = (long)floor((p[1] + R) / (2 * R) * (double)s->cells);
		p[0] += rng_normal(r, 0.0, s->noise);
		p[1] += rng_normal(r, 0.0, s->noise);
		return (double)((cx + cy) & 1);
	}
	case DATA_BLOBS: {
		size_t k = i % s->classes;
		a = 2 * PI * (double)k / (double)s->classes;
		p[0] = rng_normal(r, R * cos(a), 0.5 * (1.0 + s->noise));
		p[1] = rng_normal(r, R * sin(a), 0.5 * (1.0 + s->noise));
		return (double)k;
	}
	case DATA_PLANE:
		p[0] = rng_range(r, -R, R);
		p[1] = rng_range(r, -R, R);
		return (p[0] + 2 * p[1]) / (3 * R) + rng_normal(r, 0.0, s->noise);
	case DATA_BUMPS:
		p[0] = rng_range(r, -R, R);
		p[1] = rng_range(r, -R, R);
		return sin(PI * p[0] / R) * cos(PI * p[1] / R) + rng_normal(r, 0.0, s->noise);
	case DATA_COUNT:
		break;
	}
	return 0.0;
}

NnStatus data_generate(Dataset *d, const DataSpec *s, Rng *r)
{
	NnStatus st;
	size_t i;

	memset(d, 0, sizeof *d);
	if (s->kind >= DATA_COUNT || s->n == 0 || !(s->noise >= 0) || !(s->radius > 0) ||
	    s->classes == 0 || s->cells == 0)
		return NN_ERR_ARG;
	st = data_alloc(d, s->n, 2);
	if (st != NN_OK)
		return st;
	for (i = 0; i < s->n; i++)
		d->label[i] = point(d->x + 2 * i, s, i, r);
	return NN_OK;
}

NnStatus data_split(Dataset *train, Dataset *test, const Dataset *src, double test_fraction, Rng *r)
{
	size_t n_test, i, *idx;
	NnStatus st;

	memset(train, 0, sizeof *train);
	memset(test, 0, sizeof *test);
	if (!(test_fraction >= 0 && test_fraction <= 1))
		return NN_ERR_ARG;
	n_test = (size_t)floor(test_fraction * (double)src->n + 0.5);
	idx = malloc((src->n ? src->n : 1) * sizeof *idx);
	if (!idx)
		return NN_ERR_NOMEM;
	for (i = 0; i < src->n; i++)
		idx[i] = i;
	rng_shuffle(idx, src->n, r);
	st = data_alloc(train, src->n - n_test, src->dim);
	if (st == NN_OK)
		st = data_alloc(test, n_test, src->dim);
	if (st != NN_OK) {
		data_free(train);
		data_free(test);
		free(idx);
		return st;
	}
	for (i = 0; i < src->n; i++) {
		Dataset *to = i < src->n - n_test ? train : test;
		size_t at = i < src->n - n_test ? i : i - (src->n - n_test);
		memcpy(to->x + at * src->dim, src->x + idx[i] * src->dim,
		       src->dim * sizeof *src->x);
		to->label[at] = src->label[idx[i]];
	}
	free(idx);
	return NN_OK;
}
