/* glyphs.h: small grey images of the ten digits and a few shapes, drawn with random
 * jitter and noise from an explicit RNG: the toy images of the CNN and autoencoder
 * lessons. libc and libm only; no I/O, no allocation. */
#ifndef NN_NN_GLYPHS_H
#define NN_NN_GLYPHS_H

#include <stddef.h>

#include "nn/rng.h"

/* Classes 0 to 9 are the digits; then the shapes. */
enum {
	GLYPH_SQUARE = 10,
	GLYPH_CIRCLE,
	GLYPH_TRIANGLE,
	GLYPH_CROSS, /* an X */
	GLYPH_PLUS,
	GLYPH_COUNT
};

/* "0" ... "9", "square", "circle", "triangle", "cross", "plus"; "?" beyond. */
const char *glyph_name(size_t cls);

/* How a glyph is drawn: jitter in [0, 1] scales the random shift (up to 12% of the
 * image), rotation (up to 0.25 rad), size (up to 12%) and stroke width (up to 30%);
 * noise is the sigma of the Gaussian noise added to every pixel before clipping. */
typedef struct {
	size_t size; /* the image is size x size, >= 4 (8 or 12 suit the lessons) */
	double jitter;
	double noise;
} GlyphStyle;

/* img: (size, size) row-major, values in [0, 1] (1 = ink); draws class cls < GLYPH_COUNT
 * with a transform and noise drawn from r: strokes anti-aliased by their distance to
 * each pixel's centre. A fixed number of draws per pixel and per glyph, so a seed gives
 * the same images everywhere. */
void glyph_draw(double *img, size_t cls, const GlyphStyle *st, Rng *r);

/* x: (n, size^2) labels: (n); a balanced set of the first n_classes classes (example i
 * is class i mod n_classes), each drawn with glyph_draw. */
void glyph_set(double *x, size_t *labels, size_t n, size_t n_classes, const GlyphStyle *st,
               Rng *r);

/* clean, noisy: (size, size) the same glyph of class cls twice, from the same draws of r
 * (the same jitter): clean without noise, noisy with st->noise (clipped to [0, 1]); a
 * pair for a denoising task. r advances as for one glyph_draw. */
void glyph_pair(double *clean, double *noisy, size_t cls, const GlyphStyle *st, Rng *r);

/* How sharp an image (size, size) is: the mean absolute difference between
 * neighbouring pixels, across and down,
 * (sum_ij |x[i][j+1] - x[i][j]| + sum_ij |x[i+1][j] - x[i][j]|) / (2 size (size - 1)):
 * 0 for a flat image, larger for crisp strokes (and for noise); size >= 2. */
double glyph_edges(const double *img, size_t size);

#endif
