/* plot-field.c: fields (heat maps, decision boundaries), their contour lines by marching
 * squares, and the one-call field chart with points on top. Must not include curses. */
#include <config.h>

#include <math.h>

#include "draw/plot.h"

void plot_field(Plot *p, const double *v, int fw, int fh)
{
	canvas_field(&p->cv, v, fw, fh);
}

/* The pixel coordinate of the centre of sample i of n over `pixels` pixels (as
 * canvas_sample places it). */
static double centre(int i, int n, int pixels)
{
	return (i + 0.5) * pixels / n - 0.5;
}

static double cross(double a, double b, double level)
{
	return a == b ? 0.5 : (level - a) / (b - a);
}

static void segment(Canvas *c, const double *pa, const double *pb, Colour colour)
{
	canvas_line(c, (int)floor(pa[0] + 0.5), (int)floor(pa[1] + 0.5), (int)floor(pb[0] + 0.5),
		    (int)floor(pb[1] + 0.5), colour);
}

/* Edges of a square: 0 top (a-b), 1 right (b-c), 2 bottom (d-c), 3 left (a-d). For each
 * corner pattern (a b c d above the level as bits 8 4 2 1), the pairs of edges joined;
 * saddles (5, 10) take the first row when the centre is above, the second otherwise. */
static const signed char pairs[16][4] = {
    {-1, -1, -1, -1}, {3, 2, -1, -1}, {2, 1, -1, -1}, {3, 1, -1, -1},
    {0, 1, -1, -1},   {3, 0, 1, 2},   {0, 2, -1, -1}, {3, 0, -1, -1},
    {3, 0, -1, -1},   {0, 2, -1, -1}, {0, 1, 3, 2},   {0, 1, -1, -1},
    {3, 1, -1, -1},   {2, 1, -1, -1}, {3, 2, -1, -1}, {-1, -1, -1, -1},
};
static const signed char saddle_below[16][4] = {
    [5] = {0, 1, 3, 2},
    [10] = {3, 0, 1, 2},
};

void plot_contour(Plot *p, const double *v, int fw, int fh, double level, Colour colour)
{
	Canvas *c = &p->cv;
	int i, j, k;

	if (!v || fw < 2 || fh < 2 || !isfinite(level) || c->pw <= 0)
		return;
	canvas_pen(c, 0xFF);
	for (j = 0; j + 1 < fh; j++) {
		const double *top = v + (size_t)j * (size_t)fw, *bottom = top + fw;
		double y0 = centre(j, fh, c->ph), y1 = centre(j + 1, fh, c->ph);
		for (i = 0; i + 1 < fw; i++) {
			double a = top[i], b = top[i + 1], cc = bottom[i + 1], d = bottom[i];
			double x0, x1, pt[4][2];
			const signed char *e;
			int idx;

			idx = (a > level) << 3 | (b > level) << 2 | (cc > level) << 1 | (d > level);
			if (idx == 0 || idx == 15 || !isfinite(a) || !isfinite(b) ||
			    !isfinite(cc) || !isfinite(d))
				continue; /* no crossing (or a gap in the field) */
			e = pairs[idx];
			if ((idx == 5 || idx == 10) && (a + b + cc + d) / 4 <= level)
				e = saddle_below[idx];
			x0 = centre(i, fw, c->pw);
			x1 = centre(i + 1, fw, c->pw);
			pt[0][0] = x0 + cross(a, b, level) * (x1 - x0);
			pt[0][1] = y0;
			pt[1][0] = x1;
			pt[1][1] = y0 + cross(b, cc, level) * (y1 - y0);
			pt[2][0] = x0 + cross(d, cc, level) * (x1 - x0);
			pt[2][1] = y1;
			pt[3][0] = x0;
			pt[3][1] = y0 + cross(a, d, level) * (y1 - y0);
			for (k = 0; k < 4 && e[k] >= 0; k += 2)
				segment(c, pt[e[k]], pt[e[k + 1]], colour);
		}
	}
}

int plot_field_chart(Plot *p, Grid *g, int x, int y, int w, int h, const PlotOpts *o,
		     const double *v, int fw, int fh, double contour, const double *px,
		     const double *py, const int *cls, size_t n, Caps caps)
{
	plot_begin(p);
	if (px)
		plot_fit(p, px, py, n);
	if (plot_layout(p, x, y, w, h, o, caps, false) != 0)
		return -1;
	plot_field(p, v, fw, fh);
	if (isfinite(contour))
		plot_contour(p, v, fw, fh, contour, COLOUR_MUTED);
	plot_points(p, px, py, cls, n);
	plot_draw(p, g);
	return 0;
}
