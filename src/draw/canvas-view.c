/* canvas-view.c: the canvas's data space: repairing ranges, mapping data to pixels and
 * back, and drawing points, lines and marks at data coordinates. Must not include
 * curses. */
#include <config.h>

#include <math.h>

#include "draw/canvas.h"

#define CANVAS_FAR 1e9 /* pixel coordinates are clamped to +-this */

static void fix_range(double *lo, double *hi)
{
	double t;

	if (!isfinite(*lo) && !isfinite(*hi)) {
		*lo = 0;
		*hi = 1;
	} else if (!isfinite(*lo)) {
		*lo = *hi - 1;
	} else if (!isfinite(*hi)) {
		*hi = *lo + 1;
	}
	if (*lo > *hi)
		t = *lo, *lo = *hi, *hi = t;
	if (!isfinite(*hi - *lo)) {
		*lo = fmax(*lo, -1e300);
		*hi = fmin(*hi, 1e300);
	}
	if (*hi == *lo) {
		t = fmax(0.5, fabs(*lo) * 1e-6);
		*lo -= t;
		*hi += t;
	}
}

CanvasView canvas_view_fix(CanvasView v)
{
	fix_range(&v.x0, &v.x1);
	if (v.logy) {
		if (!(v.y1 > 0) || !isfinite(v.y1))
			v.y1 = isfinite(v.y0) && v.y0 > 0 ? v.y0 * 10 : 1;
		if (!(v.y0 > 0) || !isfinite(v.y0))
			v.y0 = v.y1 / 1000;
		if (v.y0 > v.y1) {
			double t = v.y0;
			v.y0 = v.y1;
			v.y1 = t;
		}
		if (v.y0 == v.y1) {
			v.y0 /= 3.1622776601683795;
			v.y1 *= 3.1622776601683795;
		}
	} else {
		fix_range(&v.y0, &v.y1);
	}
	return v;
}

void canvas_view(Canvas *c, double x0, double x1, double y0, double y1, bool logy)
{
	CanvasView v = {x0, x1, y0, y1, logy};

	c->view = canvas_view_fix(v);
}

double canvas_scale(double v, double lo, double hi, int n)
{
	double p;

	if (hi == lo || n <= 1)
		return 0;
	p = (v - lo) / (hi - lo) * (n - 1);
	if (p != p)
		return -CANVAS_FAR;
	return p < -CANVAS_FAR ? -CANVAS_FAR : p > CANVAS_FAR ? CANVAS_FAR : p;
}

bool canvas_map(const Canvas *c, double x, double y, int *px, int *py)
{
	const CanvasView *v = &c->view;
	double fy;

	if (!isfinite(x) || !isfinite(y) || (v->logy && y <= 0))
		return false;
	if (v->logy)
		fy = canvas_scale(log10(y), log10(v->y1), log10(v->y0), c->ph);
	else
		fy = canvas_scale(y, v->y1, v->y0, c->ph);
	*px = (int)floor(canvas_scale(x, v->x0, v->x1, c->pw) + 0.5);
	*py = (int)floor(fy + 0.5);
	return true;
}

/* The data value at the centre of sample i of n laid over `pixels` pixels. */
static double unscale(int i, int n, int pixels, double lo, double hi)
{
	double p = ((i + 0.5) * pixels / n - 0.5) / (pixels > 1 ? pixels - 1 : 1);

	return lo + p * (hi - lo);
}

void canvas_sample(const Canvas *c, int i, int j, int fw, int fh, double *x, double *y)
{
	const CanvasView *v = &c->view;

	*x = unscale(i, fw > 0 ? fw : 1, c->pw, v->x0, v->x1);
	if (v->logy)
		*y = pow(10, unscale(j, fh > 0 ? fh : 1, c->ph, log10(v->y1), log10(v->y0)));
	else
		*y = unscale(j, fh > 0 ? fh : 1, c->ph, v->y1, v->y0);
}

void canvas_data_point(Canvas *c, double x, double y, Colour colour)
{
	int px, py;

	if (canvas_map(c, x, y, &px, &py))
		canvas_set(c, px, py, colour);
}

void canvas_data_line(Canvas *c, double x0, double y0, double x1, double y1, Colour colour)
{
	int ax, ay, bx, by;

	if (canvas_map(c, x0, y0, &ax, &ay) && canvas_map(c, x1, y1, &bx, &by))
		canvas_line(c, ax, ay, bx, by, colour);
}

void canvas_data_mark(Canvas *c, double x, double y, uint32_t ch, Colour colour)
{
	int px, py;

	if (canvas_map(c, x, y, &px, &py))
		canvas_mark(c, px, py, ch, colour);
}
