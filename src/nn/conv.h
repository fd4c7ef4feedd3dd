/* conv.h: the image layers on [N,C,H,W] batches: conv2d, max and average pooling,
 * nearest upsampling. libc only; no allocation; backward ADDS into its gradients. */
#ifndef NN_NN_CONV_H
#define NN_NN_CONV_H

#include <stddef.h>

/* A 2-D convolution: input x (n,c,h,w), filters (o,c,kh,kw), stride and zero padding
 * the same along both axes. */
typedef struct {
	size_t n, c, h, w;
	size_t o, kh, kw;
	size_t stride, pad;
} Conv2dShape;

/* Whether s is usable: every size > 0, stride >= 1, kh <= h + 2 pad, kw <= w + 2 pad. */
int conv2d_valid(const Conv2dShape *s);

/* The output height (h + 2 pad - kh)/stride + 1 and width (same with w, kw), rounded
 * down (torch.nn.Conv2d). s must be valid. */
size_t conv2d_out_h(const Conv2dShape *s);
size_t conv2d_out_w(const Conv2dShape *s);

/* y: (n,o,h',w') x: (n,c,h,w) wt: (o,c,kh,kw) b: (o) or NULL; cross-correlation (no
 * kernel flip) over the zero-padded input:
 * y[n,o,i,j] = b_o + sum_(c,u,v) wt[o,c,u,v] x[n,c, i stride + u - pad, j stride + v - pad],
 * terms outside x being 0. y is overwritten; it must not overlap x. */
void conv2d_forward(double *y, const double *x, const double *wt, const double *b,
                    const Conv2dShape *s);

/* dx: (n,c,h,w) or NULL, dwt: (o,c,kh,kw), db: (o) or NULL, dy: (n,o,h',w'); for the
 * forward above: dx[n,c,.,.] += wt[o,c,u,v] dy[n,o,i,j] at the input each output read,
 * dwt[o,c,u,v] += sum_(n,i,j) dy[n,o,i,j] x[n,c,...], db_o += sum_(n,i,j) dy[n,o,i,j]. */
void conv2d_backward(double *dx, double *dwt, double *db, const double *dy, const double *x,
                     const double *wt, const Conv2dShape *s);

/* Pooling over k x k windows moved by stride, no padding, on x (n,c,h,w). */
typedef struct {
	size_t n, c, h, w;
	size_t k, stride;
} Pool2dShape;

/* Whether s is usable: every size > 0, stride >= 1, k <= h and k <= w. */
int pool2d_valid(const Pool2dShape *s);

/* The output height (h - k)/stride + 1 and width (w - k)/stride + 1, rounded down. */
size_t pool2d_out_h(const Pool2dShape *s);
size_t pool2d_out_w(const Pool2dShape *s);

/* y: (n,c,h',w') x: (n,c,h,w); y[n,c,i,j] = the largest x in the window at
 * (i stride, j stride); a NaN wins, and of equal values the first in row-major order
 * (torch's max_pool2d). */
void maxpool2d_forward(double *y, const double *x, const Pool2dShape *s);

/* dx: (n,c,h,w) dy: (n,c,h',w') x: the forward's input; each dy goes to its window's
 * largest input (found again from x as the forward found it): dx[argmax] += dy. */
void maxpool2d_backward(double *dx, const double *dy, const double *x, const Pool2dShape *s);

/* y: (n,c,h',w') x: (n,c,h,w); y[n,c,i,j] = (sum of the window) / k^2. */
void avgpool2d_forward(double *y, const double *x, const Pool2dShape *s);

/* dx: (n,c,h,w) dy: (n,c,h',w'); every input of a window gets dy / k^2 (added). */
void avgpool2d_backward(double *dx, const double *dy, const Pool2dShape *s);

/* y: (n,c,f h,f w) x: (n,c,h,w); nearest neighbour: y[n,c,i,j] = x[n,c,i/f,j/f]
 * (rounded down). */
void upsample2d_forward(double *y, const double *x, size_t n, size_t c, size_t h, size_t w,
                        size_t f);

/* dx: (n,c,h,w) dy: (n,c,f h,f w); dx[n,c,i,j] += the sum of its f x f copies' dy. */
void upsample2d_backward(double *dx, const double *dy, size_t n, size_t c, size_t h, size_t w,
                         size_t f);

#endif
