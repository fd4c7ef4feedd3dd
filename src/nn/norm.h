/* norm.h: layer normalization and batch normalization (training mode with running
 * averages, and inference from them). libc and libm only; no allocation; backward ADDS
 * into its gradients. */
#ifndef NN_NN_NORM_H
#define NN_NN_NORM_H

#include <stddef.h>

/* y: (n,d) mean: (n) rstd: (n) x: (n,d) g: (d) b: (d); per row r, the mean mu_r and the
 * biased variance v_r of x_r; rstd_r = 1/sqrt(v_r + eps) (kept for the backward);
 * y_r = g * (x_r - mu_r) rstd_r + b (torch.nn.LayerNorm over the last dimension). */
void layernorm_forward(double *y, double *mean, double *rstd, const double *x, const double *g,
                       const double *b, size_t n, size_t d, double eps);

/* dx: (n,d) or NULL, dg: (d), db: (d), dy: (n,d); mean, rstd, x, g: the forward's. With
 * xh = (x - mu) rstd and e = dy g: dx += rstd (e - mean_row(e) - xh mean_row(e xh)),
 * dg += sum over rows of dy xh, db += sum over rows of dy. */
void layernorm_backward(double *dx, double *dg, double *db, const double *dy, const double *mean,
                        const double *rstd, const double *x, const double *g, size_t n,
                        size_t d);

/* Batch normalization of x (n,c,s) per channel c, over the n s values of the channel:
 * s = 1 is torch.nn.BatchNorm1d on (n,c), s = h w is BatchNorm2d on (n,c,h,w). */
typedef struct {
	size_t n, c, s;
	double eps;
	double momentum; /* torch's: run = (1 - momentum) run + momentum batch (0.1) */
} BatchNormShape;

/* y: (n,c,s) mean: (c) rstd: (c) run_mean, run_var: (c) or NULL; x: (n,c,s), g, b: (c).
 * Training mode: mu and the biased variance v of each channel over the batch,
 * rstd = 1/sqrt(v + eps), y = g (x - mu) rstd + b; then, when run_mean is given,
 * run_mean and run_var move toward mu and the unbiased variance v m/(m - 1) (m = n s,
 * as torch does; with m = 1 run_var is left alone). */
void batchnorm_forward(double *y, double *mean, double *rstd, double *run_mean, double *run_var,
                       const double *x, const double *g, const double *b,
                       const BatchNormShape *s);

/* The twin of batchnorm_forward (the batch statistics depend on every x): as
 * layernorm_backward per channel over its n s values. dx may be NULL. */
void batchnorm_backward(double *dx, double *dg, double *db, const double *dy, const double *mean,
                        const double *rstd, const double *x, const double *g,
                        const BatchNormShape *s);

/* y: (n,c,s); inference: y = g (x - run_mean) / sqrt(run_var + eps) + b. */
void batchnorm_infer(double *y, const double *run_mean, const double *run_var, const double *x,
                     const double *g, const double *b, const BatchNormShape *s);

/* The twin of batchnorm_infer (the statistics are constants): dx += dy g rstd,
 * dg += sum dy (x - run_mean) rstd, db += sum dy, rstd = 1/sqrt(run_var + eps). */
void batchnorm_infer_backward(double *dx, double *dg, double *db, const double *dy,
                              const double *run_mean, const double *run_var, const double *x,
                              const double *g, const BatchNormShape *s);

#endif
