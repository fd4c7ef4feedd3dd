/* rng.h: the seedable random generator every random choice in the course goes through.
 * libc and libm only; the state is explicit, so a seed reproduces a run bit for bit. */
#ifndef NN_NN_RNG_H
#define NN_NN_RNG_H

#include <stddef.h>
#include <stdint.h>

/* splitmix64 (Steele, Lea, Flood 2014): state += 0x9E3779B97F4A7C15, then a 64-bit
 * mix. Small, fast, passes BigCrush, and any seed (0 included) is a good one. */
typedef struct {
	uint64_t state;
} Rng;

/* Starts the generator at seed. */
void rng_seed(Rng *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_next(Rng *r);

/* A uniform double in [0, 1): the top 53 bits of rng_next times 2^-53. */
double rng_uniform(Rng *r);

#endif
