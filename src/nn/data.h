/* data.h: datasets (points and labels), the 2-D toy generators, train/test split.
 * libc and libm only; generators draw from an explicit RNG. CSV files: csv.h. */
#ifndef NN_NN_DATA_H
#define NN_NN_DATA_H

#include <stddef.h>

#include "nn/rng.h"
#include "nn/status.h"

/* n points of dim coordinates, x row-major (n, dim), and one label each: a class
 * 0, 1, ... (stored as a double) or a real target for regression. */
typedef struct {
	size_t n, dim;
	double *x;     /* (n, dim) */
	double *label; /* (n) */
} Dataset;

/* Allocates an n x dim dataset, zeroed. n may be 0. */
NnStatus data_alloc(Dataset *d, size_t n, size_t dim);

/* Releases it. Safe on a zeroed Dataset. */
void data_free(Dataset *d);

typedef enum {
	DATA_XOR, /* the truth tables: corners (0,0) (0,1) (1,0) (1,1) in turn, */
	DATA_AND, /* plus N(0, noise^2) on each coordinate; label = the gate of */
	DATA_OR,  /* the corner's bits */
	DATA_NAND,
	DATA_NOR,
	DATA_CIRCLE,    /* r ~ U(0, radius): inside radius/2 label 1, else 0 (the outer
	                 * half ring drawn for r in [0.7, 1] radius); noise on x, y */
	DATA_GAUSSIANS, /* two clusters N((+-c, +-c), noise^2 + 1) with c = radius/2;
	                 * label 1 for the positive one */
	DATA_SPIRAL,    /* two arms: point i of an arm at r = radius i/m, angle
	                 * turns 2 pi i/m (+ pi for arm 1), plus U(-noise, noise) */
	DATA_MOONS,     /* two interleaving half circles of radius `radius` (sklearn's
	                 * make_moons, scaled), plus N(0, noise^2) */
	DATA_CHECKER,   /* uniform in [-radius, radius)^2; label = parity of the cell
	                 * in a grid of `cells` x `cells`; noise moves the point after
	                 * labelling */
	DATA_BLOBS,     /* `classes` clusters around a circle of radius `radius`,
	                 * N(centre, (1 + noise)^2 / 4); label = cluster index */
	DATA_PLANE,     /* regression: x uniform in [-radius, radius)^2,
	                 * label = (x1 + 2 x2) / (3 radius) + N(0, noise^2) */
	DATA_BUMPS,     /* regression: label = sin(pi x1/radius) cos(pi x2/radius)
	                 * + N(0, noise^2) */
	DATA_COUNT
} DataKind;

/* The parameters of a generator (data_spec_defaults gives sensible ones). */
typedef struct {
	DataKind kind;
	size_t n;       /* points */
	double noise;   /* see each kind */
	double radius;  /* scale of the set (5 by default) */
	double turns;   /* spiral turns (1.25 by default) */
	size_t classes; /* blobs (3 by default) */
	size_t cells;   /* checkerboard cells per side (4 by default) */
} DataSpec;

/* "xor", "and", "or", "nand", "nor", "circle", "gaussians", "spiral", "moons",
 * "checkerboard", "blobs", "plane", "bumps". */
const char *data_name(DataKind k);
int data_from_name(DataKind *k, const char *name);

/* n points of kind, noise 0, radius 5, turns 1.25, 3 classes, 4 cells. */
void data_spec_defaults(DataSpec *s, DataKind kind, size_t n);

/* The number of classes the kind produces (2, s->classes for blobs, 0 for the
 * regression kinds). */
size_t data_n_classes(const DataSpec *s);

/* Allocates and fills d (dim 2) from spec s with the RNG r; the same seed gives the
 * same points bit for bit. Returns NN_ERR_ARG for n = 0, a negative noise or radius,
 * 0 classes or cells. */
NnStatus data_generate(Dataset *d, const DataSpec *s, Rng *r);

/* Splits src into train (the first n - n_test rows of a shuffled order) and test
 * (the rest), n_test = round(test_fraction n), 0 <= test_fraction <= 1; both are new
 * datasets. The permutation comes from r. */
NnStatus data_split(Dataset *train, Dataset *test, const Dataset *src, double test_fraction,
                    Rng *r);

#endif
