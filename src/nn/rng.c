/* rng.c: splitmix64 and the distributions built on it.
 * libc and libm only; no global state. */
#include <config.h>

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
