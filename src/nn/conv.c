/* conv.c: direct 2-D convolution (no im2col: no workspace), pooling, upsampling.
 * libc only; no allocation. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/conv.h"

int conv2d_valid(const Conv2dShape *s)
{
	return s->n && s->c && s->h && s->w && s->o && s->kh && s->kw && s->stride &&
	       s->kh <= s->h + 2 * s->pad && s->kw <= s->w + 2 * s->pad;
}

size_t conv2d_out_h(const Conv2dShape *s)
{
	return (s->h + 2 * s->pad - s->kh) / s->stride + 1;
}

size_t conv2d_out_w(const Conv2dShape *s)
{
	return (s->w + 2 * s->pad - s->kw) / s->stride + 1;
}

/* The outputs j in [*lo, *hi) whose input column j stride + v - pad lies in [0, w). */
static void valid_range(size_t *lo, size_t *hi, size_t v, size_t pad, size_t stride, size_t w,
                        size_t out)
{
	size_t a = 0, b;

	if (pad > v)
		a = (pad - v + stride - 1) / stride;
	/* j stride + v - pad <= w - 1  <=>  j <= (w - 1 + pad - v) / stride */
	if (w - 1 + pad < v)
		b = 0;
	else
		b = (w - 1 + pad - v) / stride + 1;
	if (b > out)
		b = out;
	*lo = a;
	*hi = a < b ? b : a;
}

void conv2d_forward(double *y, const double *x, const double *wt, const double *b,
                    const Conv2dShape *s)
{
	size_t oh = conv2d_out_h(s), ow = conv2d_out_w(s), hw = s->h * s->w, plane = oh * ow;
	size_t n, o, c, u, v, i, j;

	for (n = 0; n < s->n; n++)
		for (o = 0; o < s->o; o++) {
			double *yp = y + (n * s->o + o) * plane;
			for (i = 0; i < plane; i++)
				yp[i] = b ? b[o] : 0.0;
			for (c = 0; c < s->c; c++) {
				const double *xp = x + (n * s->c + c) * hw;
				const double *wp = wt + (o * s->c + c) * s->kh * s->kw;
				for (u = 0; u < s->kh; u++)
					for (v = 0; v < s->kw; v++) {
						double wv = wp[u * s->kw + v];
						size_t lo, hi;
						valid_range(&lo, &hi, v, s->pad, s->stride, s->w, ow);
						for (i = 0; i < oh; i++) {
							size_t r = i * s->stride + u;
							double *yr = yp + i * ow;
							size_t at;
							if (r < s->pad || r - s->pad >= s->h)
								continue;
							/* may wrap below 0: size_t arithmetic is
							 * modular, and at + j stride is in range */
							at = (r - s->pad) * s->w + v - s->pad;
							for (j = lo; j < hi; j++)
								yr[j] += wv * xp[at + j * s->stride];
						}
					}
			}
		}
}

void conv2d_backward(double *dx, double *dwt, double *db, const double *dy, const double *x,
                     const double *wt, const Conv2dShape *s)
{
	size_t oh = conv2d_out_h(s), ow = conv2d_out_w(s), hw = s->h * s->w, plane = oh * ow;
	size_t n, o, c, u, v, i, j;

	for (n = 0; n < s->n; n++)
		for (o = 0; o < s->o; o++) {
			const double *dyp = dy + (n * s->o + o) * plane;
			if (db)
				for (i = 0; i < plane; i++)
					db[o] += dyp[i];
			for (c = 0; c < s->c; c++) {
				size_t xo = (n * s->c + c) * hw;
				const double *wp = wt + (o * s->c + c) * s->kh * s->kw;
				double *dwp = dwt + (o * s->c + c) * s->kh * s->kw;
				for (u = 0; u < s->kh; u++)
					for (v = 0; v < s->kw; v++) {
						double wv = wp[u * s->kw + v], g = 0.0;
						size_t lo, hi;
						valid_range(&lo, &hi, v, s->pad, s->stride, s->w, ow);
						for (i = 0; i < oh; i++) {
							size_t r = i * s->stride + u, at;
							const double *dyr = dyp + i * ow;
							if (r < s->pad || r - s->pad >= s->h)
								continue;
							at = xo + (r - s->pad) * s->w + v - s->pad;
							for (j = lo; j < hi; j++)
								g += dyr[j] * x[at + j * s->stride];
							if (dx)
								for (j = lo; j < hi; j++)
									dx[at + j * s->stride] += wv * dyr[j];
						}
						dwp[u * s->kw + v] += g;
					}
			}
		}
}

int pool2d_valid(const Pool2dShape *s)
{
	return s->n && s->c && s->h && s->w && s->k && s->stride && s->k <= s->h && s->k <= s->w;
}

size_t pool2d_out_h(const Pool2dShape *s)
{
	return (s->h - s->k) / s->stride + 1;
}

size_t pool2d_out_w(const Pool2dShape *s)
{
	return (s->w - s->k) / s->stride + 1;
}

/* The offset in its plane of the largest input of window (i, j) (see maxpool2d_forward). */
static size_t window_argmax(const double *xp, size_t i, size_t j, const Pool2dShape *s)
{
	size_t u, v, best = i * s->stride * s->w + j * s->stride;

	for (u = 0; u < s->k; u++)
		for (v = 0; v < s->k; v++) {
			size_t at = (i * s->stride + u) * s->w + j * s->stride + v;
			if (xp[at] > xp[best] || isnan(xp[at]))
				best = at;
		}
	return best;
}

void maxpool2d_forward(double *y, const double *x, const Pool2dShape *s)
{
	size_t oh = pool2d_out_h(s), ow = pool2d_out_w(s), p, i, j;

	for (p = 0; p < s->n * s->c; p++) {
		const double *xp = x + p * s->h * s->w;
		for (i = 0; i < oh; i++)
			for (j = 0; j < ow; j++)
				*y++ = xp[window_argmax(xp, i, j, s)];
	}
}

void maxpool2d_backward(double *dx, const double *dy, const double *x, const Pool2dShape *s)
{
	size_t oh = pool2d_out_h(s), ow = pool2d_out_w(s), p, i, j;

	for (p = 0; p < s->n * s->c; p++) {
		const double *xp = x + p * s->h * s->w;
		double *dxp = dx + p * s->h * s->w;
		for (i = 0; i < oh; i++)
			for (j = 0; j < ow; j++)
				dxp[window_argmax(xp, i, j, s)] += *dy++;
	}
}

void avgpool2d_forward(double *y, const double *x, const Pool2dShape *s)
{
	size_t oh = pool2d_out_h(s), ow = pool2d_out_w(s), p, i, j, u, v;
	double area = (double)(s->k * s->k);

	for (p = 0; p < s->n * s->c; p++) {
		const double *xp = x + p * s->h * s->w;
		for (i = 0; i < oh; i++)
			for (j = 0; j < ow; j++) {
				double sum = 0.0;
				for (u = 0; u < s->k; u++)
					for (v = 0; v < s->k; v++)
						sum += xp[(i * s->stride + u) * s->w + j * s->stride + v];
				*y++ = sum / area;
			}
	}
}

void avgpool2d_backward(double *dx, const double *dy, const Pool2dShape *s)
{
	size_t oh = pool2d_out_h(s), ow = pool2d_out_w(s), p, i, j, u, v;
	double area = (double)(s->k * s->k);

	for (p = 0; p < s->n * s->c; p++) {
		double *dxp = dx + p * s->h * s->w;
		for (i = 0; i < oh; i++)
			for (j = 0; j < ow; j++) {
				double g = *dy++ / area;
				for (u = 0; u < s->k; u++)
					for (v = 0; v < s->k; v++)
						dxp[(i * s->stride + u) * s->w + j * s->stride + v] += g;
			}
	}
}

void upsample2d_forward(double *y, const double *x, size_t n, size_t c, size_t h, size_t w,
                        size_t f)
{
	size_t p, i, j;

	for (p = 0; p < n * c; p++) {
		const double *xp = x + p * h * w;
		for (i = 0; i < h * f; i++)
			for (j = 0; j < w * f; j++)
				*y++ = xp[(i / f) * w + j / f];
	}
}

void upsample2d_backward(double *dx, const double *dy, size_t n, size_t c, size_t h, size_t w,
                         size_t f)
{
	size_t p, i, j;

	for (p = 0; p < n * c; p++) {
		double *dxp = dx + p * h * w;
		for (i = 0; i < h * f; i++)
			for (j = 0; j < w * f; j++)
				dxp[(i / f) * w + j / f] += *dy++;
	}
}
