/* rng.c: splitmix64 and the distributions built on it.
 * libc and libm only; no global state. */
#include <config.h>

#include <math.h>

#include "nn/rng.h"

void rng_seed(Rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t rng_next(Rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

double rng_uniform(Rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

double rng_range(Rng *r, double a, double b)
{
	return a + (b - a) * rng_uniform(r);
}

double rng_normal(Rng *r, double mean, double sigma)
{
	const double two_pi = 6.283185307179586476925286766559;
	double u1 = rng_uniform(r), u2 = rng_uniform(r);

	/* 1 - u1 is in (0, 1], so the logarithm is finite */
	return mean + sigma * sqrt(-2.0 * log(1.0 - u1)) * cos(two_pi * u2);
}

uint64_t rng_below(Rng *r, uint64_t n)
{
	uint64_t limit, x;

	if (n == 0)
		return 0;
	/* the largest multiple of n that fits: draws at or above it are rejected */
	limit = UINT64_MAX - UINT64_MAX % n;
	do
		x = rng_next(r);
	while (x >= limit);
	return x % n;
}

void rng_shuffle(size_t *idx, size_t n, Rng *r)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = (size_t)rng_below(r, i), t = idx[i - 1];
		idx[i - 1] = idx[j];
		idx[j] = t;
	}
}
