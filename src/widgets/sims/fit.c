/* fit.c: the fit kind: a polynomial fitted for real (least squares, nn/polyfit.h) to
 * noisy points from a seed, drawn over them (training points as markers, validation
 * points as dots), with its error on the training points and
 * on held-out validation points; Left/Right set the degree (the capacity), Up/Down the
 * L2 penalty lambda (ridge), and every change refits at once.
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/plot.h"
#include "nls.h"
#include "nn/polyfit.h"
#include "widgets/core/registry.h"

#define FIT_MAX_POINTS 200
#define FIT_CURVE      97 /* samples of the drawn curve */

/* The penalties Up and Down step through. */
static const double lambdas[] = {0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1};
#define NLAMBDAS ((int)(sizeof lambdas / sizeof *lambdas))

static const KindKey fit_keys[] = {
    {"Left Right h l", N_("lower or raise the degree")},
    {"Up Down k j", N_("raise or lower the L2 penalty lambda")},
};

typedef struct {
	size_t n, nval;
	double x[FIT_MAX_POINTS], y[FIT_MAX_POINTS];   /* training points */
	double vx[FIT_MAX_POINTS], vy[FIT_MAX_POINTS]; /* validation points */
	int degree, max_degree, lam; /* lam: index into lambdas */
	double w[POLYFIT_MAX_DEGREE + 1];
	double *work;
	bool ok;                     /* the fit succeeded */
	double train_err, val_err;   /* mean squared errors of the fit */
	double out[2];               /* the "errors" output: train, validation */
	unsigned long version;
	double cx[FIT_CURVE], cy[FIT_CURVE];
	int rows;
	Plot plot;
} Fit;

/* Refits: the coefficients, both errors and the curve's samples. */
static void refit(Fit *f)
{
	int i;

	f->ok = polyfit_solve(f->w, f->x, f->y, f->n, (size_t)f->degree, lambdas[f->lam],
			      f->work) == NN_OK;
	f->train_err = f->ok ? polyfit_mse(f->w, (size_t)f->degree, f->x, f->y, f->n) : NAN;
	f->val_err = f->ok ? polyfit_mse(f->w, (size_t)f->degree, f->vx, f->vy, f->nval) : NAN;
	for (i = 0; i < FIT_CURVE; i++) {
		f->cx[i] = -1 + 2.0 * i / (FIT_CURVE - 1);
		f->cy[i] = f->ok ? polyfit_eval(f->w, (size_t)f->degree, f->cx[i]) : NAN;
	}
	f->out[0] = f->train_err;
	f->out[1] = f->val_err;
	f->version++;
}

static int lambda_index(double v)
{
	int i, best = 0;

	for (i = 1; i < NLAMBDAS; i++)
		if (fabs(lambdas[i] - v) < fabs(lambdas[best] - v))
			best = i;
	return best;
}

static int fit_init(Instance *in)
{
	Fit *f = calloc(1, sizeof *f);
	double noise = widget_num(in, "noise", 0.3);
	unsigned long long seed = (unsigned long long)widget_num(in, "seed", 1);

	if (!f)
		return -1;
	f->n = (size_t)widget_num(in, "points", 12);
	f->nval = (size_t)widget_num(in, "val_points", 60);
	f->max_degree = (int)widget_num(in, "max_degree", 11);
	if ((size_t)f->max_degree >= f->n)
		f->max_degree = (int)f->n - 1; /* without a penalty, n points fix n - 1 */
	f->degree = (int)widget_num(in, "degree", 1);
	f->degree = f->degree > f->max_degree ? f->max_degree : f->degree;
	f->lam = lambda_index(widget_num(in, "lambda", 0));
	f->rows = (int)widget_num(in, "height", 10);
	f->work = malloc(polyfit_work_size(f->n, POLYFIT_MAX_DEGREE) * sizeof *f->work);
	if (!f->work) {
		free(f);
		return -1;
	}
	polyfit_points(f->x, f->y, f->n, noise, seed);
	polyfit_points(f->vx, f->vy, f->nval, noise, seed + 1000003ULL);
	plot_init(&f->plot);
	in->state = f;
	refit(f);
	return 0;
}

static void fit_free(Instance *in)
{
	Fit *f = in->state;

	plot_free(&f->plot);
	free(f->work);
	free(f);
}

static int fit_height(const Instance *in, int width)
{
	(void)width;
	return ((const Fit *)in->state)->rows + 2;
}

/* An error as the widget prints it: three significant digits below 100, whole
 * numbers below a million, then powers of ten. */
static void fmt_err(char *buf, size_t n, double v)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else if (v < 100)
		snprintf(buf, n, "%.3g", v);
	else if (v < 1e6)
		snprintf(buf, n, "%.0f", v);
	else
		snprintf(buf, n, "%.1e", v);
}

/* The chart (training points o, validation points x, the fitted curve), then a row of
 * settings and a row of errors. */
static void fit_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		     int *cy)
{
	Fit *f = in->state; /* the plot keeps its canvas between frames */
	PlotOpts o = PLOT_OPTS_DEFAULT;
	char line[160], tr[32], va[32], lam[32];
	int cls_t[FIT_MAX_POINTS] = {0};
	o.x0 = -1;
	o.x1 = 1;
	o.y0 = -2;
	o.y1 = 2;
	plot_begin(&f->plot);
	plot_legend(&f->plot, _("training"), plot_colour(0), plot_marker(0, caps), 0);
	plot_legend(&f->plot, _("validation"), plot_colour(1), caps.unicode ? 0x2219 : '.', 0);
	plot_legend(&f->plot, _("fit"), plot_colour(2), 0, plot_pattern(0, caps));
	if (plot_layout(&f->plot, r.x, r.y, r.w, f->rows, &o, caps, false) == 0) {
		plot_dots(&f->plot, f->vx, f->vy, f->nval, plot_colour(1));
		plot_points(&f->plot, f->x, f->y, cls_t, f->n);
		plot_line(&f->plot, f->cx, f->cy, FIT_CURVE, plot_colour(2), 0);
		plot_draw(&f->plot, g);
	}
	if (lambdas[f->lam] == 0)
		snprintf(lam, sizeof lam, "0");
	else
		snprintf(lam, sizeof lam, "%g", lambdas[f->lam]);
	snprintf(line, sizeof line, _("degree %d (of %d)  lambda %s"), f->degree, f->max_degree,
		 lam);
	grid_text(g, r.x, r.y + f->rows, line, strlen(line), r.w, focused ? STYLE_FOCUS : STYLE_BOLD);
	fmt_err(tr, sizeof tr, f->train_err);
	fmt_err(va, sizeof va, f->val_err);
	snprintf(line, sizeof line, _("error  training %s  validation %s"), tr, va);
	grid_text(g, r.x, r.y + f->rows + 1, line, strlen(line), r.w, STYLE_NORMAL);
	if (focused) {
		*cx = r.x;
		*cy = r.y + f->rows;
	}
}

static unsigned fit_key(Instance *in, const Key *k)
{
	Fit *f = in->state;
	int d = f->degree, l = f->lam;

	if (k->code == K_LEFT || key_is_char(k, 'h'))
		d--;
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		d++;
	else if (k->code == K_UP || key_is_char(k, 'k'))
		l++;
	else if (k->code == K_DOWN || key_is_char(k, 'j'))
		l--;
	else
		return WIDGET_IGNORED;
	d = d < 0 ? 0 : d > f->max_degree ? f->max_degree : d;
	l = l < 0 ? 0 : l >= NLAMBDAS ? NLAMBDAS - 1 : l;
	if (d == f->degree && l == f->lam)
		return WIDGET_HANDLED;
	f->degree = d;
	f->lam = l;
	refit(f);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static void fit_save(const Instance *in, const Store *st)
{
	const Fit *f = in->state;

	store_put_int(st, "degree", f->degree);
	store_put_int(st, "lambda", f->lam);
}

static void fit_restore(Instance *in, const Store *st)
{
	Fit *f = in->state;

	f->degree = store_get_int(st, "degree", 0, f->max_degree, f->degree);
	f->lam = store_get_int(st, "lambda", 0, NLAMBDAS - 1, f->lam);
	refit(f);
}

/* "degree": the degree now; "errors": the training and the validation error of the
 * fit now. */
static bool fit_output(const Instance *in, const char *name, Data *out)
{
	const Fit *f = in->state;

	out->version = f->version;
	if (strcmp(name, "degree") == 0) {
		out->scalar = f->degree;
		out->v = &out->scalar;
		out->n = 1;
		return true;
	}
	out->n = 2;
	out->v = f->out;
	return true;
}

static const WidgetOps fit_ops = {
    .init = fit_init,
    .free = fit_free,
    .height = fit_height,
    .draw = fit_draw,
    .key = fit_key,
    .save = fit_save,
    .restore = fit_restore,
    .output = fit_output,
};

static const ParamSpec params[] = {
    {.name = "points", .type = PARAM_INT, .min = 2, .max = FIT_MAX_POINTS, .def = "12",
     .help = N_("training points: x uniform in -1..1, y = sin(pi x) plus noise")},
    {.name = "val_points", .type = PARAM_INT, .min = 1, .max = FIT_MAX_POINTS, .def = "60",
     .help = N_("validation points, drawn the same way but never fitted")},
    {.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 2, .def = "0.3",
     .help = N_("the spread (sigma) of the noise added to each y")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the points")},
    {.name = "degree", .type = PARAM_INT, .min = 0, .max = POLYFIT_MAX_DEGREE, .def = "1",
     .help = N_("the starting degree of the polynomial")},
    {.name = "max_degree", .type = PARAM_INT, .min = 1, .max = POLYFIT_MAX_DEGREE,
     .def = "11", .help = N_("the highest degree (at most points - 1)")},
    {.name = "lambda", .type = PARAM_NUMBER, .min = 0, .max = 1, .def = "0",
     .help = N_("the starting L2 penalty (the nearest of 0, 1e-5, 1e-4 ... 1)")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 20, .def = "10",
     .help = N_("rows of the chart")},
};

static const OutputSpec outputs[] = {
    {"degree", DATA_SCALAR, N_("the degree of the polynomial")},
    {"errors", DATA_VECTOR, N_("the training and the validation error (mean squared)")},
};

const WidgetKind fit_kind = {
    .schema = {.name = "fit",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a polynomial fitted to noisy points, its degree and L2 penalty "
                          "set by the learner, with training and validation error"),
               .example = "id=fit points=12 noise=0.3 degree=3"},
    KIND_LIST(keys, fit_keys),
    .ops = &fit_ops,
};
