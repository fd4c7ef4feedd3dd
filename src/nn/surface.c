/* surface.c: the two-parameter loss surfaces, their gradients, optimizer walks (with
 * mini-batches on the line fit), the quadratics' theory and scans for the best
 * settings. libc and libm only. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "nn/names.h"
#include "nn/surface.h"

static const char *const surface_names[SURFACE_COUNT] = {
    "bowl", "valley", "rosenbrock", "saddle", "beale", "line",
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
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->cond = 10.0;
	if (kind == SURFACE_LINE)
		surface_line_points(s, 1);
}

void surface_line_points(Surface *s, uint64_t seed)
{
	Rng rng;
	size_t i;

	rng_seed(&rng, seed);
	s->n = SURFACE_POINTS;
	for (i = 0; i < s->n; i++) {
		s->x[i] = rng_range(&rng, 0.0, 2.0);
		s->y[i] = s->x[i] + 0.5 + rng_normal(&rng, 0.0, 0.3);
	}
}

/* The line fit's least-squares line (*a, *b): the slope cov(x, y) / var(x) and the
 * intercept mean(y) - slope mean(x). */
static void line_least_squares(double *a, double *b, const Surface *s)
{
	double mx = 0.0, my = 0.0, sxx = 0.0, sxy = 0.0;
	size_t i;

	for (i = 0; i < s->n; i++) {
		mx += s->x[i];
		my += s->y[i];
	}
	mx /= (double)s->n;
	my /= (double)s->n;
	for (i = 0; i < s->n; i++) {
		sxx += (s->x[i] - mx) * (s->x[i] - mx);
		sxy += (s->x[i] - mx) * (s->y[i] - my);
	}
	*a = sxx > 0.0 ? sxy / sxx : 0.0;
	*b = my - *a * mx;
}

void surface_view(SurfaceView *v, const Surface *s)
{
	static const SurfaceView views[SURFACE_COUNT] = {
	    [SURFACE_BOWL] = {.lo_a = -2, .hi_a = 2, .lo_b = -2, .hi_b = 2,
	                      .start_a = -1.5, .start_b = 1.2, .has_min = 1, .goal = 1e-3},
	    [SURFACE_VALLEY] = {.lo_a = -3, .hi_a = 3, .lo_b = -1.5, .hi_b = 1.5,
	                        .start_a = -2.5, .start_b = 1.0, .has_min = 1, .goal = 1e-3},
	    [SURFACE_ROSENBROCK] = {.lo_a = -2, .hi_a = 2, .lo_b = -1, .hi_b = 3,
	                            .start_a = -1.5, .start_b = 2.0, .has_min = 1,
	                            .min_a = 1, .min_b = 1, .goal = 1e-3},
	    [SURFACE_SADDLE] = {.lo_a = -2, .hi_a = 2, .lo_b = -2, .hi_b = 2,
	                        .start_a = 1.5, .start_b = 0.01, .goal = -1},
	    [SURFACE_BEALE] = {.lo_a = -4.5, .hi_a = 4.5, .lo_b = -4.5, .hi_b = 4.5,
	                       .start_a = 1.0, .start_b = 1.5, .has_min = 1,
	                       .min_a = 3, .min_b = 0.5, .goal = 1e-3},
	    [SURFACE_LINE] = {.lo_a = -1.5, .hi_a = 1.5, .lo_b = -1.5, .hi_b = 1.5,
	                      .start_a = -1.2, .start_b = 1.2, .has_min = 1, .goal = 1e-3},
	};
	*v = views[s->kind < SURFACE_COUNT ? s->kind : SURFACE_BOWL];
	if (s->kind == SURFACE_LINE) { /* the table's numbers are offsets from the minimum */
		double p[2];
		line_least_squares(&p[0], &p[1], s);
		v->lo_a += p[0], v->hi_a += p[0], v->start_a += p[0], v->min_a = p[0];
		v->lo_b += p[1], v->hi_b += p[1], v->start_b += p[1], v->min_b = p[1];
		v->min_value = surface_value(NULL, s, p);
	}
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
	case SURFACE_LINE:
		return surface_batch_value(grad, s, p, NULL, s->n);
	case SURFACE_COUNT:
		break;
	}
	if (grad) {
		grad[0] = ga;
		grad[1] = gb;
	}
	return f;
}

double surface_batch_value(double *grad, const Surface *s, const double *p, const size_t *idx,
                           size_t m)
{
	/* r_i = a x_i + b - y_i; df/da = (2/m) sum r_i x_i, df/db = (2/m) sum r_i */
	double f = 0.0, ga = 0.0, gb = 0.0;
	size_t k;

	for (k = 0; k < m; k++) {
		size_t i = idx ? idx[k] : k;
		double r = p[0] * s->x[i] + p[1] - s->y[i];
		f += r * r;
		ga += r * s->x[i];
		gb += r;
	}
	if (m == 0)
		m = 1;
	if (grad) {
		grad[0] = 2.0 * ga / (double)m;
		grad[1] = 2.0 * gb / (double)m;
	}
	return f / (double)m;
}

int surface_theory(SurfaceTheory *t, const Surface *s)
{
	double h11, h12 = 0.0, h22, mid, half, sx = 0.0, sxx = 0.0, rmin, rmax;
	size_t i;

	switch (s->kind) {
	case SURFACE_BOWL:
		h11 = h22 = 1.0;
		break;
	case SURFACE_VALLEY:
		h11 = 1.0;
		h22 = s->cond;
		break;
	case SURFACE_LINE:
		for (i = 0; i < s->n; i++) {
			sx += s->x[i];
			sxx += s->x[i] * s->x[i];
		}
		h11 = 2.0 * sxx / (double)s->n;
		h12 = 2.0 * sx / (double)s->n;
		h22 = 2.0;
		break;
	default:
		return -1;
	}
	/* the eigenvalues of [h11 h12; h12 h22]: mid -+ half */
	mid = 0.5 * (h11 + h22);
	half = hypot(0.5 * (h11 - h22), h12);
	t->lmin = mid - half;
	t->lmax = mid + half;
	t->cond = t->lmax / t->lmin;
	t->gd_lr = 2.0 / (t->lmin + t->lmax);
	t->gd_rate = (t->cond - 1.0) / (t->cond + 1.0);
	rmin = sqrt(t->lmin);
	rmax = sqrt(t->lmax);
	t->hb_lr = 4.0 / ((rmax + rmin) * (rmax + rmin));
	t->hb_rate = (sqrt(t->cond) - 1.0) / (sqrt(t->cond) + 1.0);
	t->hb_momentum = t->hb_rate * t->hb_rate;
	return 0;
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

void surface_run_batch(SurfaceRun *r, size_t batch)
{
	size_t i;

	r->batch = r->surf.kind == SURFACE_LINE && batch < r->surf.n ? batch : 0;
	for (i = 0; i < r->surf.n; i++)
		r->order[i] = i;
	rng_shuffle(r->order, r->surf.n, &r->rng);
	r->next = 0;
}

int surface_run_restart(SurfaceRun *r, const OptimConfig *oc, const double *start)
{
	if (oc->kind != r->opt.cfg.kind)
		return -1;
	r->opt.cfg = *oc;
	optim_reset(&r->opt);
	r->p[0] = start[0];
	r->p[1] = start[1];
	r->steps = 0;
	r->loss = surface_value(NULL, &r->surf, r->p);
	return 0;
}

void surface_run_free(SurfaceRun *r)
{
	optim_free(&r->opt);
	memset(r, 0, sizeof *r);
}

double surface_run_step(SurfaceRun *r)
{
	if (r->batch > 0) {
		size_t m = r->surf.n - r->next < r->batch ? r->surf.n - r->next : r->batch;
		surface_batch_value(r->g, &r->surf, r->p, r->order + r->next, m);
		r->next += m;
		if (r->next >= r->surf.n) {
			rng_shuffle(r->order, r->surf.n, &r->rng);
			r->next = 0;
		}
	} else {
		surface_value(r->g, &r->surf, r->p);
	}
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

long surface_steps_to(const Surface *s, const OptimConfig *oc, const double *start,
                      double goal, size_t max_steps)
{
	SurfaceRun r;
	long at = -1;

	if (surface_run_init(&r, s, oc, start, 0.0, 0) != NN_OK)
		return -1;
	while (at < 0 && r.steps < max_steps && isfinite(r.loss)) {
		if (surface_run_step(&r) <= goal)
			at = (long)r.steps;
	}
	if (r.loss <= goal)
		at = (long)r.steps;
	surface_run_free(&r);
	return at;
}

NnStatus surface_best(SurfaceBest *best, const Surface *s, const OptimConfig *oc,
                      const double *start, double goal, size_t max_steps,
                      const SurfaceScan *scan)
{
	SurfaceRun r;
	OptimConfig c = *oc;
	bool mom = oc->kind == OPTIM_MOMENTUM || oc->kind == OPTIM_NESTEROV;
	int nmom = mom ? scan->nmom : 1, i, j;
	NnStatus st;

	best->lr = oc->lr;
	best->momentum = oc->momentum;
	best->steps = -1;
	if (scan->nlr < 1 || nmom < 1)
		return NN_ERR_ARG;
	st = surface_run_init(&r, s, oc, start, 0.0, 0);
	if (st != NN_OK)
		return st;
	for (i = 0; i < scan->nlr; i++) {
		c.lr = scan->nlr > 1 ? scan->lr_lo * pow(scan->lr_hi / scan->lr_lo,
		                                          (double)i / (scan->nlr - 1))
		                     : scan->lr_lo;
		for (j = 0; j < nmom; j++) {
			/* no use going past the best so far: stop one step short of it */
			size_t limit = best->steps < 0 ? max_steps : (size_t)best->steps - 1;
			if (mom)
				c.momentum = nmom > 1 ? scan->mom_hi * j / (nmom - 1) : 0.0;
			surface_run_restart(&r, &c, start);
			while (r.loss > goal && r.steps < limit && isfinite(r.loss))
				surface_run_step(&r);
			if (r.loss <= goal && (best->steps < 0 || (long)r.steps < best->steps)) {
				best->steps = (long)r.steps;
				best->lr = c.lr;
				best->momentum = c.momentum;
			}
		}
	}
	surface_run_free(&r);
	return NN_OK;
}

double surface_rate_theory(const OptimConfig *oc, double lmin, double lmax)
{
	const double lam[2] = {lmin, lmax};
	double worst = 0;
	int i;

	for (i = 0; i < 2; i++) {
		double r;
		if (oc->kind == OPTIM_SGD)
			r = fabs(1 - oc->lr * lam[i]);
		else if (oc->kind == OPTIM_MOMENTUM) {
			/* roots of z^2 - t z + m: complex (modulus sqrt(m)) when t^2 < 4m */
			double t = 1 + oc->momentum - oc->lr * lam[i], m = oc->momentum;
			double disc = t * t - 4 * m;
			r = disc < 0 ? sqrt(m) : (fabs(t) + sqrt(disc)) / 2;
		} else
			return NAN;
		if (r > worst)
			worst = r;
	}
	return worst;
}

double surface_rate_measured(const double *px, const double *py, size_t n, double min_a,
			     double min_b, size_t window)
{
	size_t from;
	double d0, d1;

	if (n < 2)
		return NAN;
	if (window == 0 || window > n - 1)
		window = n - 1;
	from = n - 1 - window;
	d0 = hypot(px[from] - min_a, py[from] - min_b);
	d1 = hypot(px[n - 1] - min_a, py[n - 1] - min_b);
	if (d0 == 0 || d1 == 0)
		return NAN;
	return pow(d1 / d0, 1.0 / (double)window);
}
