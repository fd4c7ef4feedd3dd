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

/* A uniform double in [a, b): a + (b - a) * u, one draw. With a = -c, b = c this is
 * exactly -c + 2*c*u, the formula of the weight files in bench/data. */
double rng_range(Rng *r, double a, double b);

/* A normal deviate N(mean, sigma^2) by Box-Muller: two draws u1, u2 per call,
 * mean + sigma * sqrt(-2 ln(1 - u1)) * cos(2 pi u2); nothing is cached, so every call
 * costs exactly two draws. */
double rng_normal(Rng *r, double mean, double sigma);

/* A uniform integer in [0, n) without modulo bias (rejection on the top bits);
 * n = 0 returns 0 without drawing. */
uint64_t rng_below(Rng *r, uint64_t n);

/* Fisher-Yates: permutes idx[0..n) in place, uniformly; n - 1 draws. */
void rng_shuffle(size_t *idx, size_t n, Rng *r);

#endif
