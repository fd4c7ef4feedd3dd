/* surface.h: loss surfaces of two parameters (a, b) with exact gradients, the
 * library's real optimizers (optim.h) walking on them (with real mini-batches on the
 * line fit), and what theory says of the quadratic ones, for the descent lessons.
 * libc and libm only; a run allocates its optimizer once, in surface_run_init. */
#ifndef NN_NN_SURFACE_H
#define NN_NN_SURFACE_H

#include <stddef.h>

#include "nn/optim.h"
#include "nn/rng.h"
#include "nn/status.h"

typedef enum {
	SURFACE_BOWL,       /* f = (a^2 + b^2)/2; Hessian I (both eigenvalues 1); min (0, 0) */
	SURFACE_VALLEY,     /* f = (a^2 + k b^2)/2, k = cond >= 1: an elongated valley along a,
	                     * Hessian diag(1, k), condition number k; min (0, 0) */
	SURFACE_ROSENBROCK, /* f = (1 - a)^2 + 100 (b - a^2)^2; a curved valley; min (1, 1) */
	SURFACE_SADDLE,     /* f = a^2 - b^2; a saddle at (0, 0), no minimum */
	SURFACE_BEALE,      /* f = (1.5 - a + ab)^2 + (2.25 - a + ab^2)^2 + (2.625 - a + ab^3)^2;
	                     * flat plateaus and steep walls; min (3, 0.5) */
	SURFACE_LINE,       /* f = (1/n) sum_i (a x_i + b - y_i)^2: the mean squared error of the
	                     * line y = a x + b on n noisy points; a tilted bowl, Hessian
	                     * (2/n) [sum x^2, sum x; sum x, n]; min: the least-squares line */
	SURFACE_COUNT
} SurfaceKind;

enum { SURFACE_POINTS = 24 }; /* the line fit's points */

typedef struct {
	SurfaceKind kind;
	double cond; /* the valley's condition number k (>= 1; 10 by default) */
	size_t n;    /* the line fit's points (x[i], y[i]) */
	double x[SURFACE_POINTS], y[SURFACE_POINTS];
} Surface;

/* Where a lesson draws and starts a surface: the view [lo_a, hi_a] x [lo_b, hi_b], a
 * start point that shows the surface's character, and the minimum (has_min = 0 for the
 * saddle, whose (min_a, min_b) is then the saddle point). */
typedef struct {
	double lo_a, hi_a, lo_b, hi_b;
	double start_a, start_b;
	int has_min;
	double min_a, min_b, min_value;
	double goal; /* a loss this far above min_value counts as arrived (the saddle's is
	              * negative: below its value there, escaped) */
} SurfaceView;

/* "bowl", "valley", "rosenbrock", "saddle", "beale", "line". */
const char *surface_name(SurfaceKind k);

/* Looks name up; returns 0 and sets *k, or -1 for an unknown name. */
int surface_from_name(SurfaceKind *k, const char *name);

/* Fills s for kind with the defaults (cond 10; the line fit's points from seed 1). */
void surface_defaults(Surface *s, SurfaceKind kind);

/* The line fit's SURFACE_POINTS points from seed: x uniform in [0, 2], y = x + 0.5
 * plus N(0, 0.3^2). */
void surface_line_points(Surface *s, uint64_t seed);

/* The view, start and minimum of s (see SurfaceView; the line fit's is centred on its
 * least-squares line). */
void surface_view(SurfaceView *v, const Surface *s);

/* grad: (2) or NULL, p: (2) = (a, b); returns f(a, b) and, when grad is not NULL, SETS
 * grad = (df/da, df/db) (formulas in SurfaceKind). */
double surface_value(double *grad, const Surface *s, const double *p);

/* grad: (2) or NULL, p: (2), idx: (m); the line fit's loss on the points idx only,
 * (1/m) sum_{i in idx} (a x_i + b - y_i)^2, and when grad is not NULL SETS its gradient:
 * a mini-batch's. */
double surface_batch_value(double *grad, const Surface *s, const double *p, const size_t *idx,
                           size_t m);

/* What theory says of a quadratic surface (bowl, valley, line): the Hessian's
 * eigenvalues lmin <= lmax and cond = lmax / lmin; plain gradient descent's best rate
 * gd_lr = 2 / (lmin + lmax), shrinking the distance to the minimum by gd_rate =
 * (cond - 1) / (cond + 1) a step; heavy-ball momentum's best pair, hb_lr =
 * 4 / (sqrt(lmax) + sqrt(lmin))^2 and hb_momentum = ((sqrt(cond) - 1) / (sqrt(cond) +
 * 1))^2, shrinking it by hb_rate = sqrt(hb_momentum) a step. */
typedef struct {
	double lmin, lmax, cond;
	double gd_lr, gd_rate;
	double hb_lr, hb_momentum, hb_rate;
} SurfaceTheory;

/* Fills t and returns 0 for a quadratic surface; -1 (t untouched) for the others. */
int surface_theory(SurfaceTheory *t, const Surface *s);

/* The rate theory gives for a walk of oc on a quadratic with Hessian eigenvalues lmin
 * and lmax: the factor by which the distance to the minimum shrinks a step, in the long
 * run. SGD: each eigen-direction scales by 1 - lr lambda a step, so the rate is
 * max(|1 - lr lmin|, |1 - lr lmax|) (below 1 exactly when lr < 2 / lmax). Heavy-ball
 * momentum (OPTIM_MOMENTUM): each direction follows x' = (1 + m - lr lambda) x - m x_prev,
 * and the rate is the largest modulus of the roots of z^2 - (1 + m - lr lambda) z + m over
 * both eigenvalues. NAN for other kinds (Adam's step is not linear in the gradient). */
double surface_rate_theory(const OptimConfig *oc, double lmin, double lmax);

/* px, py: (n) a path; the rate it measured over its last `window` steps (fewer when the
 * path is shorter): (d_last / d_first)^(1 / steps) with d the distance to (min_a,
 * min_b), the geometric mean of the ratios of successive distances. NAN when the path
 * has under 2 points or reached the minimum exactly. */
double surface_rate_measured(const double *px, const double *py, size_t n, double min_a,
			     double min_b, size_t window);

/* A walk of an optimizer on a surface. The gradient it is given is the exact one plus,
 * when noise > 0, N(0, noise^2) on each coordinate drawn from rng (a stand-in for the
 * noise of a mini-batch); on the line fit with batch > 0, the gradient of the next
 * `batch` points of a shuffled order instead (reshuffled from rng after each pass):
 * real mini-batch SGD. */
typedef struct {
	Surface surf;
	Optim opt;
	Rng rng;
	double noise;
	size_t batch;                 /* 0: every point */
	size_t order[SURFACE_POINTS]; /* the points in this pass's order */
	size_t next;                  /* the first of order not used in this pass */
	double p[2];  /* where it is */
	double g[2];  /* the gradient used by the last step */
	double loss;  /* f(p) */
	size_t steps; /* steps taken */
} SurfaceRun;

/* Starts a run of optimizer oc on s at start: (2), with gradient noise sigma `noise`
 * (0: exact) from seed. Returns NN_ERR_ARG for a bad optimizer kind or a negative
 * noise, NN_ERR_NOMEM when out of memory (r is then empty). */
NnStatus surface_run_init(SurfaceRun *r, const Surface *s, const OptimConfig *oc,
                          const double *start, double noise, uint64_t seed);

/* From now on, steps of r on the line fit take mini-batches of `batch` points (0, or
 * batch >= the points: all of them); the first pass starts. */
void surface_run_batch(SurfaceRun *r, size_t batch);

/* Back to start: (2) with the optimizer's moments and step count zeroed and its
 * configuration replaced by oc (of the same kind, or the moments may be missing:
 * returns -1 and changes nothing then); the rng goes on. */
int surface_run_restart(SurfaceRun *r, const OptimConfig *oc, const double *start);

/* Releases the run. Safe on a zeroed SurfaceRun. */
void surface_run_free(SurfaceRun *r);

/* One step: g = grad f(p) (+ noise), optim_step(p, g), then loss = f(p). Returns the
 * new loss. */
double surface_run_step(SurfaceRun *r);

/* path: (steps + 1, 2) loss: (steps + 1) (either may be NULL); runs oc from start for
 * `steps` exact-gradient steps and records every point visited and its value, the
 * start first. Returns the status of surface_run_init. */
NnStatus surface_descend(double *path, double *loss, const Surface *s, const OptimConfig *oc,
                         const double *start, size_t steps);

/* The steps an exact-gradient walk of oc from start: (2) takes until its loss is at most
 * goal, trying at most max_steps; -1 when it never gets there (or diverges), or when out
 * of memory. */
long surface_steps_to(const Surface *s, const OptimConfig *oc, const double *start,
                      double goal, size_t max_steps);

/* A scan for the settings of one optimizer that arrive soonest: nlr learning rates
 * evenly spaced on a log scale from lr_lo to lr_hi, and for momentum and Nesterov nmom
 * momentums evenly from 0 to mom_hi (other kinds: nmom 1, their own). */
typedef struct {
	double lr_lo, lr_hi;
	int nlr;
	double mom_hi;
	int nmom;
} SurfaceScan;

typedef struct {
	double lr, momentum;
	long steps; /* -1: no setting of the scan arrived */
} SurfaceBest;

/* The setting of the scan whose walk of oc's kind (its other settings kept) from start
 * reaches goal in the fewest steps (the first such in the scan's order: lower rates,
 * then lower momentums). Returns NN_OK, NN_ERR_ARG for an empty scan, NN_ERR_NOMEM. */
NnStatus surface_best(SurfaceBest *best, const Surface *s, const OptimConfig *oc,
                      const double *start, double goal, size_t max_steps,
                      const SurfaceScan *scan);

#endif
