/* surface.h: loss surfaces of two parameters (a, b) with exact gradients, and the
 * library's real optimizers (optim.h) walking on them, for the descent lessons.
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
	SURFACE_COUNT
} SurfaceKind;

typedef struct {
	SurfaceKind kind;
	double cond; /* the valley's condition number k (>= 1; 10 by default) */
} Surface;

/* Where a lesson draws and starts a surface: the view [lo_a, hi_a] x [lo_b, hi_b], a
 * start point that shows the surface's character, and the minimum (has_min = 0 for the
 * saddle, whose (min_a, min_b) is then the saddle point). */
typedef struct {
	double lo_a, hi_a, lo_b, hi_b;
	double start_a, start_b;
	int has_min;
	double min_a, min_b, min_value;
} SurfaceView;

/* "bowl", "valley", "rosenbrock", "saddle", "beale". */
const char *surface_name(SurfaceKind k);

/* Looks name up; returns 0 and sets *k, or -1 for an unknown name. */
int surface_from_name(SurfaceKind *k, const char *name);

/* Fills s for kind with the defaults (cond 10). */
void surface_defaults(Surface *s, SurfaceKind kind);

/* The view, start and minimum of s (see SurfaceView). */
void surface_view(SurfaceView *v, const Surface *s);

/* grad: (2) or NULL, p: (2) = (a, b); returns f(a, b) and, when grad is not NULL, SETS
 * grad = (df/da, df/db) (formulas in SurfaceKind). */
double surface_value(double *grad, const Surface *s, const double *p);

/* A walk of an optimizer on a surface. The gradient it is given is the exact one plus,
 * when noise > 0, N(0, noise^2) on each coordinate drawn from rng (a stand-in for the
 * noise of a mini-batch). */
typedef struct {
	Surface surf;
	Optim opt;
	Rng rng;
	double noise;
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

#endif
