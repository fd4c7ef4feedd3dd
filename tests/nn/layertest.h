/* layertest.h: the gradient check of a layer on random shapes: L = sum(y * seed) with a
 * random seed, every input and weight against central differences. Links the math
 * library, Check and libc only. */
#ifndef NN_TESTS_NN_LAYERTEST_H
#define NN_TESTS_NN_LAYERTEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/gradcheck.h"
#include "nn/linalg.h"
#include "nn/rng.h"
#include "testlib.h"

#define LT_MAX   12
#define LT_H     1e-5 /* central differences: truncation and rounding both near 1e-10 */
#define LT_FLOOR 1e-3 /* gradients are O(1): below 1e-3 an error counts as absolute */
#define LT_TOL   1e-5 /* far below any real mistake (O(1)), far above the noise (1e-7) */

/* One array the loss depends on, and its backprop gradient. */
typedef struct {
	const char *name;
	double *v, *g;
	size_t n;
} LtArray;

/* A layer under test: its arrays and L = sum(y * seed) from their current values. */
typedef struct {
	LtArray a[LT_MAX];
	size_t n;
	GradLossFn loss;
	void *ctx;
	char what[160]; /* the shape and parameters, for the messages */
	/* the worst relative error over every check (for the summary line) */
	double worst;
	size_t checks;
} LtCheck;

/* n doubles uniform in [-scale, scale) (malloc; at least one). */
static inline double *lt_rand(Rng *r, size_t n, double scale)
{
	double *v = malloc((n ? n : 1) * sizeof *v);
	size_t i;

	ck_assert_ptr_nonnull(v);
	for (i = 0; i < n; i++)
		v[i] = rng_range(r, -scale, scale);
	return v;
}

static inline double *lt_zeros(size_t n)
{
	double *v = calloc(n ? n : 1, sizeof *v);

	ck_assert_ptr_nonnull(v);
	return v;
}

/* A size in [lo, hi]. */
static inline size_t lt_size(Rng *r, size_t lo, size_t hi)
{
	return lo + (size_t)rng_below(r, hi - lo + 1);
}

/* Adds an array (g: its gradient, zeroed, filled by the caller's backward). */
static inline void lt_add(LtCheck *c, const char *name, double *v, double *g, size_t n)
{
	ck_assert_uint_lt(c->n, LT_MAX);
	c->a[c->n].name = name;
	c->a[c->n].v = v;
	c->a[c->n].g = g;
	c->a[c->n].n = n;
	c->n++;
}

/* Checks every array's gradient; fails naming the array, the index and both values. */
static inline void lt_run(LtCheck *c)
{
	size_t k;

	for (k = 0; k < c->n; k++) {
		GradCheck gc;
		gradcheck_array(&gc, c->a[k].v, c->a[k].g, c->a[k].n, c->loss, c->ctx, LT_H,
		                LT_FLOOR);
		ck_assert_msg(gc.max_rel < LT_TOL,
		              "%s: d/d%s[%zu]: backprop %.17g, finite differences %.17g (rel %.3g)",
		              c->what, c->a[k].name, gc.worst, gc.backprop, gc.numeric, gc.max_rel);
		if (gc.max_rel > c->worst) {
			c->worst = gc.max_rel;
			if (getenv("LT_DEBUG"))
				printf("# %s d%s[%zu] %.17g %.17g\n", c->what, c->a[k].name, gc.worst,
				       gc.backprop, gc.numeric);
		}
		c->checks += c->a[k].n;
	}
}

/* Frees the arrays and their gradients; the summary (worst error so far) stays. */
static inline void lt_free(LtCheck *c)
{
	size_t k;

	for (k = 0; k < c->n; k++) {
		free(c->a[k].v);
		free(c->a[k].g);
	}
	c->n = 0;
}

/* The summary as a TAP comment: "# gradcheck NAME: S shapes, E values, worst R". */
static inline void lt_summary(const char *name, size_t shapes, const LtCheck *c)
{
	printf("# gradcheck %s: %zu random shapes, %zu values, worst relative error %.2g\n", name,
	       shapes, c->checks, c->worst);
	fflush(stdout);
}

#endif
