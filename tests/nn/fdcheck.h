/* fdcheck.h: central differences of any loss over any parameter array, for the suites
 * of the small models (gan, vae, flow, moe, graph, skipgram). Math library and libc. */
#ifndef NN_TESTS_NN_FDCHECK_H
#define NN_TESTS_NN_FDCHECK_H

#include <math.h>
#include <stddef.h>

/* The loss at the current parameters. */
typedef double (*FdLoss)(void *ctx);

/* p: (n) grad: (n); the largest relative error |g - f| / max(|g|, |f|, floor) between
 * grad and the central difference f = (L(p + h e_i) - L(p - h e_i)) / 2h over every i,
 * its index in *worst (when not NULL). p is restored exactly. The floor keeps the
 * rounding of L (about 1e-16 |L| / h) from counting as an error on tiny gradients. */
static inline double fd_check_floor(double *p, const double *grad, size_t n, FdLoss loss,
                                    void *ctx, double h, double floor, size_t *worst)
{
	double max_rel = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		double keep = p[i], up, down, num, rel;
		p[i] = keep + h;
		up = loss(ctx);
		p[i] = keep - h;
		down = loss(ctx);
		p[i] = keep;
		num = (up - down) / (2 * h);
		rel = fabs(num - grad[i]) / fmax(fmax(fabs(num), fabs(grad[i])), floor);
		if (rel > max_rel || i == 0) {
			max_rel = rel;
			if (worst)
				*worst = i;
		}
	}
	return max_rel;
}

/* fd_check_floor with the floor of gradcheck.h, 1e-6. */
static inline double fd_check(double *p, const double *grad, size_t n, FdLoss loss, void *ctx,
                              double h, size_t *worst)
{
	return fd_check_floor(p, grad, n, loss, ctx, h, 1e-6, worst);
}

/* The largest |x_i| of x: (n), to show a gradient is not all zero. */
static inline double fd_max_abs(const double *x, size_t n)
{
	double m = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		m = fmax(m, fabs(x[i]));
	return m;
}

#endif
