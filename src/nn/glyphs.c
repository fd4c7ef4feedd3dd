/* glyphs.c: the glyphs as polylines on a 24 x 24 grid, moved at random and drawn by
 * their distance to each pixel. libc and libm only; no I/O. */
#include <config.h>

#include <math.h>

#include "nn/glyphs.h"

/* A stroke list: points on the 0..24 grid; UP lifts the pen, END ends the glyph. */
#define UP  -1
#define END -2

/* Digits on a 4 x 6 design grid, mapped to x = 6 + 3 gx, y = 3 + 3 gy. */
#define D(x, y) {6 + 3 * (x), 3 + 3 * (y)}

typedef struct {
	signed char x, y;
} Pt;

static const Pt strokes[GLYPH_COUNT][24] = {
    {D(1, 0), D(3, 0), D(4, 1), D(4, 5), D(3, 6), D(1, 6), D(0, 5), D(0, 1), D(1, 0), {END, 0}},
    {D(1, 1), D(2, 0), D(2, 6), {UP, 0}, D(1, 6), D(3, 6), {END, 0}},
    {D(0, 1), D(1, 0), D(3, 0), D(4, 1), D(4, 2), D(0, 6), D(4, 6), {END, 0}},
    {D(0, 1), D(1, 0), D(3, 0), D(4, 1), D(4, 2), D(3, 3), D(1, 3), {UP, 0}, D(3, 3), D(4, 4),
     D(4, 5), D(3, 6), D(1, 6), D(0, 5), {END, 0}},
    {D(3, 6), D(3, 0), D(0, 4), D(4, 4), {END, 0}},
    {D(4, 0), D(0, 0), D(0, 3), D(3, 3), D(4, 4), D(4, 5), D(3, 6), D(0, 6), {END, 0}},
    {D(3, 0), D(1, 0), D(0, 1), D(0, 5), D(1, 6), D(3, 6), D(4, 5), D(4, 4), D(3, 3), D(0, 3),
     {END, 0}},
    {D(0, 0), D(4, 0), D(1, 6), {END, 0}},
    {D(1, 0), D(3, 0), D(4, 1), D(4, 2), D(3, 3), D(1, 3), D(0, 2), D(0, 1), D(1, 0), {UP, 0},
     D(1, 3), D(0, 4), D(0, 5), D(1, 6), D(3, 6), D(4, 5), D(4, 4), D(3, 3), {END, 0}},
    {D(4, 3), D(1, 3), D(0, 2), D(0, 1), D(1, 0), D(3, 0), D(4, 1), D(4, 5), D(3, 6), D(1, 6),
     {END, 0}},
    /* square, circle (a 12-gon), triangle, cross, plus */
    {{5, 5}, {19, 5}, {19, 19}, {5, 19}, {5, 5}, {END, 0}},
    {{20, 12}, {19, 17}, {17, 19}, {12, 20}, {7, 19}, {5, 17}, {4, 12}, {5, 7}, {7, 5}, {12, 4},
     {17, 5}, {19, 7}, {20, 12}, {END, 0}},
    {{12, 4}, {20, 19}, {4, 19}, {12, 4}, {END, 0}},
    {{5, 5}, {19, 19}, {UP, 0}, {19, 5}, {5, 19}, {END, 0}},
    {{12, 4}, {12, 20}, {UP, 0}, {4, 12}, {20, 12}, {END, 0}},
};

static const char *const names[GLYPH_COUNT] = {"0",      "1",      "2",        "3",     "4",
                                               "5",      "6",      "7",        "8",     "9",
                                               "square", "circle", "triangle", "cross", "plus"};

const char *glyph_name(size_t cls)
{
	return cls < GLYPH_COUNT ? names[cls] : "?";
}

/* The distance from (px, py) to the segment (ax, ay)-(bx, by). */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by)
{
	double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy, t = 0;

	if (len2 > 0) {
		t = ((px - ax) * dx + (py - ay) * dy) / len2;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
	}
	dx = ax + t * dx - px;
	dy = ay + t * dy - py;
	return sqrt(dx * dx + dy * dy);
}

/* The random placement of one glyph: p' = c + s R (p - c) + shift, in pixels. */
typedef struct {
	double cs, sn, scale, sx, sy, width, half;
} Place;

static void place_point(double *x, double *y, const Pt *p, const Place *pl)
{
	double u = p->x / 24.0 - 0.5, v = p->y / 24.0 - 0.5;

	*x = (pl->cs * u - pl->sn * v) * pl->scale + 0.5 + pl->sx;
	*y = (pl->sn * u + pl->cs * v) * pl->scale + 0.5 + pl->sy;
	*x *= 2 * pl->half;
	*y *= 2 * pl->half;
}

void glyph_draw(double *img, size_t cls, const GlyphStyle *st, Rng *r)
{
	size_t n = st->size, i, j, k;
	double j_ = st->jitter, a = rng_range(r, -0.25, 0.25) * j_;
	Place pl;

	pl.cs = cos(a), pl.sn = sin(a);
	pl.scale = 1 + rng_range(r, -0.12, 0.12) * j_;
	pl.sx = rng_range(r, -0.12, 0.12) * j_;
	pl.sy = rng_range(r, -0.12, 0.12) * j_;
	pl.width = (double)n / 12.0 * (1.1 + rng_range(r, -0.3, 0.3) * j_);
	pl.half = (double)n / 2;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			double px = (double)j + 0.5, py = (double)i + 0.5, best = INFINITY, v;
			const Pt *s = strokes[cls % GLYPH_COUNT];
			for (k = 0; s[k].x != END && s[k + 1].x != END; k++) {
				double ax, ay, bx, by, d;
				if (s[k].x == UP || s[k + 1].x == UP)
					continue;
				place_point(&ax, &ay, &s[k], &pl);
				place_point(&bx, &by, &s[k + 1], &pl);
				d = seg_dist(px, py, ax, ay, bx, by);
				if (d < best)
					best = d;
			}
			v = pl.width / 2 + 0.5 - best;
			v = v < 0 ? 0 : v > 1 ? 1 : v;
			v += rng_normal(r, 0.0, st->noise);
			img[i * n + j] = v < 0 ? 0 : v > 1 ? 1 : v;
		}
}

void glyph_set(double *x, size_t *labels, size_t n, size_t n_classes, const GlyphStyle *st,
               Rng *r)
{
	size_t i, px = st->size * st->size;

	for (i = 0; i < n; i++) {
		labels[i] = i % n_classes;
		glyph_draw(x + i * px, labels[i], st, r);
	}
}

void glyph_pair(double *clean, double *noisy, size_t cls, const GlyphStyle *st, Rng *r)
{
	GlyphStyle plain = *st;
	Rng same = *r;

	plain.noise = 0;
	glyph_draw(clean, cls, &plain, &same);
	glyph_draw(noisy, cls, st, r);
}

double glyph_edges(const double *img, size_t size)
{
	double s = 0;
	size_t i, j;

	for (i = 0; i < size; i++)
		for (j = 0; j + 1 < size; j++) {
			s += fabs(img[i * size + j + 1] - img[i * size + j]);
			s += fabs(img[(j + 1) * size + i] - img[j * size + i]);
		}
	return s / (double)(2 * size * (size - 1));
}
