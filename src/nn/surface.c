/* surface.c: the two-parameter loss surfaces, their gradients, and optimizer walks.
 * libc and libm only. */
#include <config.h>

#include <string.h>

#include "nn/names.h"
#include "nn/surface.h"

static const char *const surface_names[SURFACE_COUNT] = {
    "bowl", "valley", "rosenbrock", "saddle", "beale",
};

const char *surface_name(SurfaceKind k)
{
	return k < SURFACE_COUNT ? surface_names[k] : "?";
}

int surface_from_name(SurfaceKind *k, const char *name)
{
	int i = names_find(surface_names, SURFACE_COUNT, name);

	if (i < 0)
		return -1;
	*k = (SurfaceKind)i;
	return 0;
}

void surface_defaults(Surface *s, SurfaceKind kind)
{
	s->kind = kind;
	s->cond = 10.0;
}

void surface_view(SurfaceView *v, const Surface *s)
{
	static const SurfaceView views[SURFACE_COUNT] = {
	    [SURFACE_BOWL] = {.lo_a = -2, .hi_a = 2, .lo_b = -2, .hi_b = 2,
	                      .start_a = -1.5, .start_b = 1.2, .has_min = 1},
	    [SURFACE_VALLEY] = {.lo_a = -3, .hi_a = 3, .lo_b = -1.5, .hi_b = 1.5,
	                        .start_a = -2.5, .start_b = 1.0, .has_min = 1},
	    [SURFACE_ROSENBROCK] = {.lo_a = -2, .hi_a = 2, .lo_b = -1, .hi_b = 3,
	                            .start_a = -1.5, .start_b = 2.0, .has_min = 1,
	                            .min_a = 1, .min_b = 1},
	    [SURFACE_SADDLE] = {.lo_a = -2, .hi_a = 2, .lo_b = -2, .hi_b = 2,
	                        .start_a = 1.5, .start_b = 0.01},
	    [SURFACE_BEALE] = {.lo_a = -4.5, .hi_a = 4.5, .lo_b = -4.5, .hi_b = 4.5,
	                       .start_a = 1.0, .start_b = 1.5, .has_min = 1,
	                       .min_a = 3, .min_b = 0.5},
	};
	*v = views[s->kind < SURFACE_COUNT ? s->kind : SURFACE_BOWL];
}

double surface_value(double *grad, const Surface *s, const double *p)
{
	double a = p[0], b = p[1], f = 0.0, ga = 0.0, gb = 0.0;

	switch (s->kind) {
	case SURFACE_BOWL:
		f = 0.5 * (a * a + b * b);
		ga = a;
		gb = b;
		break;
	case SURFACE_VALLEY:
		f = 0.5 * (a * a + s->cond * b * b);
		ga = a;
		gb = s->cond * b;
		break;
	case SURFACE_ROSENBROCK: {
		/* df/da = -2 (1 - a) - 400 a (b - a^2); df/db = 200 (b - a^2) */
		double u = 1.0 - a, v = b - a * a;
		f = u * u + 100.0 * v * v;
		ga = -2.0 * u - 400.0 * a * v;
		gb = 200.0 * v;
		break;
	}
	case SURFACE_SADDLE:
		f = a * a - b * b;
		ga = 2.0 * a;
		gb = -2.0 * b;
		break;
	case SURFACE_BEALE: {
		/* f = sum_i r_i^2, r_i = c_i - a + a b^i; dr_i/da = b^i - 1, dr_i/db = i a b^(i-1) */
		static const double c[3] = {1.5, 2.25, 2.625};
		double bp = 1.0; /* b^(i-1) */
		int i;
		for (i = 1; i <= 3; i++) {
			double r = c[i - 1] - a + a * bp * b;
			f += r * r;
			ga += 2.0 * r * (bp * b - 1.0);
			gb += 2.0 * r * (double)i * a * bp;
			bp *= b;
		}
		break;
	}
	case SURFACE_COUNT:
		break;
	}
	if (grad) {
		grad[0] = ga;
		grad[1] = gb;
	}
	return f;
}

NnStatus surface_run_init(SurfaceRun *r, const Surface *s, const OptimConfig *oc,
                          const double *start, double noise, uint64_t seed)
{
	NnStatus st;

	memset(r, 0, sizeof *r);
	if (s->kind >= SURFACE_COUNT || !(noise >= 0.0))
		return NN_ERR_ARG;
	st = optim_init(&r->opt, oc, 2);
	if (st != NN_OK)
		return st;
	r->surf = *s;
	r->noise = noise;
	rng_seed(&r->rng, seed);
	r->p[0] = start[0];
	r->p[1] = start[1];
	r->loss = surface_value(NULL, s, r->p);
	return NN_OK;
}

void surface_run_free(SurfaceRun *r)
{
	optim_free(&r->opt);
	memset(r, 0, sizeof *r);
}

double surface_run_step(SurfaceRun *r)
{
	surface_value(r->g, &r->surf, r->p);
	if (r->noise > 0.0) {
		r->g[0] += rng_normal(&r->rng, 0.0, r->noise);
		r->g[1] += rng_normal(&r->rng, 0.0, r->noise);
	}
	optim_step(&r->opt, r->p, r->g);
	r->steps++;
	r->loss = surface_value(NULL, &r->surf, r->p);
	return r->loss;
}

NnStatus surface_descend(double *path, double *loss, const Surface *s, const OptimConfig *oc,
                         const double *start, size_t steps)
{
	SurfaceRun r;
	NnStatus st = surface_run_init(&r, s, oc, start, 0.0, 0);
	size_t i;

	if (st != NN_OK)
		return st;
	for (i = 0; i <= steps; i++) {
		if (i > 0)
			surface_run_step(&r);
		if (path) {
			path[2 * i] = r.p[0];
			path[2 * i + 1] = r.p[1];
		}
		if (loss)
			loss[i] = r.loss;
	}
	surface_run_free(&r);
	return NN_OK;
}
