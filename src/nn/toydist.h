/* toydist.h: 1-D and 2-D target distributions sampled from a seed (for the GAN, the VAE
 * and the flow), and distances between two sample sets (how far fakes are from reals).
 * libc and libm only; draws from an explicit RNG; the grid is allocated once. */
#ifndef NN_NN_TOYDIST_H
#define NN_NN_TOYDIST_H

#include <stddef.h>

#include "nn/rng.h"
#include "nn/status.h"

/* Every target lies (but for rare tails) inside [-TOYDIST_BOX, TOYDIST_BOX] per axis. */
#define TOYDIST_BOX 3.0

typedef enum {
	TOYDIST_GAUSSIAN, /* 1-D: N(1.5, 0.5^2), a shifted Gaussian */
	TOYDIST_BIMODAL,  /* 1-D: N(-1.5, 0.4^2) or N(1.5, 0.4^2), each with probability 1/2 */
	TOYDIST_MOONS,    /* 2-D: two interleaving half circles (sklearn's make_moons)
	                   * centred: (cos t - 0.5, sin t - 0.25) or (0.5 - cos t, 0.25 - sin t),
	                   * t ~ U(0, pi), each arm with probability 1/2, + N(0, 0.1^2) per axis */
	TOYDIST_RING,     /* 2-D: angle ~ U(0, 2 pi), radius 1.5 + N(0, 0.1^2) */
	TOYDIST_CIRCLE8,  /* 2-D: 8 Gaussians N(c_j, 0.1^2 I), c_j = 1.5 (cos, sin)(2 pi j/8),
	                   * j uniform */
	TOYDIST_COUNT
} ToyDistKind;

/* "gaussian", "bimodal", "moons", "ring", "circle8". */
const char *toydist_name(ToyDistKind k);

/* Looks name up; returns 0 and sets *k, or -1 for an unknown name. */
int toydist_from_name(ToyDistKind *k, const char *name);

/* The dimension of k's samples: 1 or 2. */
size_t toydist_dim(ToyDistKind k);

/* x: (n, dim); n independent samples of k drawn from r (formulas above); the same seed
 * gives the same samples bit for bit. */
void toydist_sample(double *x, ToyDistKind k, size_t n, Rng *r);

/* A grid of bins^dim equal cells over [lo, hi)^dim for comparing sample sets. A point
 * outside the box counts in the nearest edge cell, so no sample is ever lost. */
typedef struct {
	size_t dim, bins, cells; /* cells = bins^dim */
	double lo, hi;
	double *ha, *hb; /* (cells) each: the histograms of the last comparison */
} ToyGrid;

/* Creates the grid (dim 1 or 2, 1 <= bins <= 4096, lo < hi); NN_ERR_ARG otherwise,
 * NN_ERR_NOMEM when out of memory (g is then empty). */
NnStatus toydist_grid_init(ToyGrid *g, size_t dim, size_t bins, double lo, double hi);

/* Releases the grid. Safe on a zeroed ToyGrid. */
void toydist_grid_free(ToyGrid *g);

/* The cell of point x: (dim); cells are numbered row by row (cell = i_0 bins + i_1). */
size_t toydist_cell(const ToyGrid *g, const double *x);

/* h: (cells); h_c = the fraction of the n > 0 points x: (n, dim) that fall in cell c. */
void toydist_histogram(double *h, const ToyGrid *g, const double *x, size_t n);

/* a: (na, dim) b: (nb, dim), na, nb > 0; the total variation distance between their
 * histograms on g: TV = 1/2 sum_c |p_a(c) - p_b(c)|, in [0, 1] (0: the same share of
 * points in every cell, 1: no cell in common). The histograms are left in g->ha, g->hb. */
double toydist_tv(ToyGrid *g, const double *a, size_t na, const double *b, size_t nb);

/* a: (na, dim) b: (nb, dim), na, nb > 0; the energy distance (Szekely) between the two
 * sets, with Euclidean |.| and every pair counted (V-statistics):
 * E = 2/(na nb) sum_ij |a_i - b_j| - 1/na^2 sum_ij |a_i - a_j| - 1/nb^2 sum_ij |b_i - b_j|,
 * >= 0, and 0 only when the two sets are the same multiset. O((na + nb)^2 dim). */
double toydist_energy(const double *a, size_t na, const double *b, size_t nb, size_t dim);

#endif
