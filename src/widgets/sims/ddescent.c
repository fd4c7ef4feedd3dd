/* ddescent.c: the ddescent kind: double descent, measured. Random-feature regression
 * (nn/rfeat.h) of noisy points of sin(pi x): for every feature count p from 1 to
 * max_features the test and training error and the weights' norm |a|, each the mean
 * over a few feature draws, drawn as a curve against p (log y) with the interpolation
 * threshold p = n marked; under it the fit of the first draw at the p the learner
 * picks (Left/Right, Up/Down by ten), over the training points, with its numbers.
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/axes.h"
#include "base/strbuf.h"
#include "draw/plot.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/linalg.h"
#include "nn/polyfit.h"
#include "nn/rfeat.h"
#include "widgets/core/registry.h"

#define DD_MAX_POINTS   60
#define DD_MAX_FEATURES 200
#define DD_CURVE        97  /* samples of the drawn fit */
#define DD_FLOOR        1e-3 /* training errors below it sit on the chart's floor */
#define DD_FIT_ROWS     7
#define DD_TEXT         400
#define DD_LINES        9

static const KindKey dd_keys[] = {
    {"Left Right h l", N_("one feature fewer or more")},
    {"Up Down k j", N_("ten features more or fewer")},
};

typedef struct {
	RfSetup set;
	double test[DD_MAX_FEATURES], train[DD_MAX_FEATURES], norm[DD_MAX_FEATURES];
	double floor_train[DD_MAX_FEATURES], ps[DD_MAX_FEATURES];
	bool ok;     /* the curve was computed */
	size_t peak; /* the p of the largest test error */
	int p;       /* the feature count shown */
	/* The fit drawn: draw 1's features, its first p. */
	double x[DD_MAX_POINTS], y[DD_MAX_POINTS];
	double w[DD_MAX_FEATURES], b[DD_MAX_FEATURES], a[DD_MAX_FEATURES];
	double c[DD_MAX_POINTS * DD_MAX_FEATURES], cc[DD_CURVE * DD_MAX_FEATURES];
	double cx[DD_CURVE], cy[DD_CURVE], tx[2], ty[2];
	double anorm, atrain; /* the drawn fit's |a| and training error */
	bool fitted;
	double *work;
	double pub; /* p, as a double */
	int rows;
	unsigned long version;
	Plot plot;
} DDescent;

/* Fits draw 1 with the first p features and samples it. */
static void refit(DDescent *s)
{
	size_t p = (size_t)s->p, i, P = s->set.pmax;

	s->fitted = rf_fit(s->a, s->c, P, s->y, s->set.n, p, s->set.lambda, s->work) == NN_OK;
	s->anorm = s->fitted ? sqrt(linalg_dot(s->a, s->a, p)) : NAN;
	s->atrain = s->fitted ? rf_mse(s->a, s->c, P, s->y, s->set.n, p) : NAN;
	for (i = 0; i < DD_CURVE; i++)
		s->cy[i] = s->fitted ? rf_predict(s->a, s->cc + i * P, p) : NAN;
	s->pub = s->p;
	s->version++;
}

static int dd_init(Instance *in)
{
	DDescent *s = calloc(1, sizeof *s);
	size_t P, i;
	Rng r;

	if (!s)
		return -1;
	in->state = s;
	s->set.n = (size_t)widget_num(in, "points", 20);
	s->set.ntest = 200;
	s->set.pmax = P = (size_t)widget_num(in, "max_features", 100);
	s->set.noise = widget_num(in, "noise", 0.1);
	s->set.sigma = widget_num(in, "frequency", 30);
	s->set.lambda = 1e-12;
	s->set.draws = (int)widget_num(in, "draws", 5);
	s->set.seed = (unsigned long long)widget_num(in, "seed", 1);
	s->rows = (int)widget_num(in, "height", 9);
	s->p = (int)widget_num(in, "features", 5);
	s->p = s->p > (int)P ? (int)P : s->p;
	s->work = malloc(rf_curve_work_size(&s->set) * sizeof *s->work);
	if (!s->work)
		return -1;
	s->ok = rf_curve(s->test, s->train, s->norm, &s->set, s->work) == NN_OK;
	for (i = 0; i < P; i++) {
		s->ps[i] = (double)(i + 1);
		s->floor_train[i] = fmax(s->train[i], DD_FLOOR);
		if (s->test[i] > s->test[s->peak])
			s->peak = i;
	}
	s->peak++;
	/* The drawn fit: the same points and draw 1's features (rf_curve's order). */
	polyfit_points(s->x, s->y, s->set.n, s->set.noise, s->set.seed);
	rng_seed(&r, s->set.seed + 1);
	rf_draw(s->w, s->b, P, s->set.sigma, &r);
	rf_cos(s->c, s->x, s->set.n, s->w, s->b, P);
	for (i = 0; i < DD_CURVE; i++)
		s->cx[i] = -1 + 2.0 * (double)i / (DD_CURVE - 1);
	rf_cos(s->cc, s->cx, DD_CURVE, s->w, s->b, P);
	s->tx[0] = s->tx[1] = (double)s->set.n;
	plot_init(&s->plot);
	refit(s);
	return 0;
}

static void dd_free(Instance *in)
{
	DDescent *s = in->state;

	if (!s)
		return;
	plot_free(&s->plot);
	free(s->work);
	free(s);
}

/* Its lines under the curve: where p stands, the means at p, the drawn fit's norm. */
static size_t text(const DDescent *s, char *out, size_t size)
{
	char te[32], tr[32], no[32], an[32];
	int i = s->p - 1;
	size_t len;
	const char *where = (size_t)s->p < s->set.n    ? _("below the threshold")
			    : (size_t)s->p == s->set.n ? _("at the threshold")
						       : _("past the threshold");

	axes_number(te, sizeof te, s->test[i], 3);
	axes_number(tr, sizeof tr, s->train[i], 2);
	axes_number(no, sizeof no, s->norm[i], 3);
	axes_number(an, sizeof an, s->anorm, 3);
	len = str_addf(out, size, 0, _("p = %d features, n = %zu points: %s"), s->p, s->set.n,
		       where);
	len = str_addf(out, size, len, "\n");
	len = str_addf(out, size, len, _("mean of %d draws: test %s  training %s  |a| %s"),
		       s->set.draws, te, tr, no);
	len = str_addf(out, size, len, "\n");
	return str_addf(out, size, len, _("the fit drawn (draw 1): |a| = %s"), an);
}

static int dd_height(const Instance *in, int width)
{
	const DDescent *s = in->state;
	char buf[DD_TEXT];

	return s->rows + wrap_text(buf, text(s, buf, sizeof buf), width, NULL, 0) + DD_FIT_ROWS;
}

/* The curve: test and training error (mean over the draws) against p, the threshold
 * p = n as a dotted upright line, the p shown as a marker. */
static void draw_curve(DDescent *s, Grid *g, Rect r, Caps caps)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;
	double mx = s->p, my = s->test[s->p - 1];

	o.x0 = 0;
	o.x1 = (double)s->set.pmax;
	o.y0 = DD_FLOOR;
	o.y1 = 1e3;
	o.logy = true;
	o.xtitle = _("features p");
	s->ty[0] = DD_FLOOR;
	s->ty[1] = 1e3;
	plot_begin(&s->plot);
	plot_legend(&s->plot, _("test"), plot_colour(0), 0, plot_pattern(0, caps));
	plot_legend(&s->plot, _("training"), plot_colour(1), 0, plot_pattern(1, caps));
	plot_legend(&s->plot, _("p = n"), plot_colour(2), 0, plot_pattern(2, caps));
	if (plot_layout(&s->plot, r.x, r.y, r.w, s->rows, &o, caps, false) != 0)
		return;
	plot_line(&s->plot, s->tx, s->ty, 2, plot_colour(2), 2);
	plot_line(&s->plot, s->ps, s->floor_train, s->set.pmax, plot_colour(1), 1);
	plot_line(&s->plot, s->ps, s->test, s->set.pmax, plot_colour(0), 0);
	plot_points(&s->plot, &mx, &my, NULL, 1);
	plot_draw(&s->plot, g);
}

/* The fit of draw 1 at p over the training points. */
static void draw_fit(DDescent *s, Grid *g, int x, int y, int w, Caps caps)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;

	o.x0 = -1;
	o.x1 = 1;
	o.y0 = -2;
	o.y1 = 2;
	plot_begin(&s->plot);
	plot_legend(&s->plot, _("points"), plot_colour(0), plot_marker(0, caps), 0);
	plot_legend(&s->plot, _("fit"), plot_colour(2), 0, plot_pattern(0, caps));
	if (plot_layout(&s->plot, x, y, w, DD_FIT_ROWS, &o, caps, false) != 0)
		return;
	plot_points(&s->plot, s->x, s->y, NULL, s->set.n);
	plot_line(&s->plot, s->cx, s->cy, DD_CURVE, plot_colour(2), 0);
	plot_draw(&s->plot, g);
}

static void dd_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		    int *cy)
{
	DDescent *s = in->state; /* the plot keeps its canvas between frames */
	char buf[DD_TEXT];
	WrapLine lines[DD_LINES];
	int i, k, y = r.y + s->rows;

	if (!s->ok) {
		const char *bad = _("(the fits failed)");
		grid_text(g, r.x, r.y, bad, strlen(bad), r.w, STYLE_DIM);
		return;
	}
	draw_curve(s, g, r, caps);
	k = wrap_text(buf, text(s, buf, sizeof buf), r.w, lines, DD_LINES);
	for (i = 0; i < k && i < DD_LINES; i++)
		grid_text(g, r.x, y + i, buf + lines[i].start, lines[i].len, r.w,
			  i == 0 ? (focused ? STYLE_FOCUS : STYLE_BOLD) : STYLE_NORMAL);
	draw_fit(s, g, r.x, y + k, r.w, caps);
	if (focused) {
		*cx = r.x;
		*cy = y;
	}
}

static unsigned dd_key(Instance *in, const Key *k)
{
	DDescent *s = in->state;
	int p = s->p, P = (int)s->set.pmax;

	if (k->code == K_LEFT || key_is_char(k, 'h'))
		p--;
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		p++;
	else if (k->code == K_UP || key_is_char(k, 'k'))
		p += 10;
	else if (k->code == K_DOWN || key_is_char(k, 'j'))
		p -= 10;
	else
		return WIDGET_IGNORED;
	p = p < 1 ? 1 : p > P ? P : p;
	if (p == s->p)
		return WIDGET_HANDLED;
	s->p = p;
	refit(s);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static void dd_save(const Instance *in, const Store *st)
{
	store_put_int(st, "features", ((const DDescent *)in->state)->p);
}

static void dd_restore(Instance *in, const Store *st)
{
	DDescent *s = in->state;

	s->p = store_get_int(st, "features", 1, (int)s->set.pmax, s->p);
	refit(s);
}

/* "features": p now; "peak": the p of the largest mean test error; "test", "train",
 * "norm": the curve, entry p - 1 for p features. */
static bool dd_output(const Instance *in, const char *name, Data *out)
{
	const DDescent *s = in->state;

	out->version = s->version;
	if (strcmp(name, "features") == 0 || strcmp(name, "peak") == 0) {
		out->scalar = name[0] == 'f' ? s->pub : (double)s->peak;
		out->v = &out->scalar;
		out->n = 1;
		return true;
	}
	out->n = s->set.pmax;
	out->v = strcmp(name, "test") == 0    ? s->test
		 : strcmp(name, "train") == 0 ? s->train
					      : s->norm;
	return true;
}

static const WidgetOps dd_ops = {
    .init = dd_init,
    .free = dd_free,
    .height = dd_height,
    .draw = dd_draw,
    .key = dd_key,
    .save = dd_save,
    .restore = dd_restore,
    .output = dd_output,
};

static const ParamSpec params[] = {
    {.name = "points", .type = PARAM_INT, .min = 2, .max = DD_MAX_POINTS, .def = "20",
     .help = N_("training points n: x uniform in -1..1, y = sin(pi x) plus noise")},
    {.name = "max_features", .type = PARAM_INT, .min = 2, .max = DD_MAX_FEATURES,
     .def = "100", .help = N_("the largest feature count p of the curve")},
    {.name = "features", .type = PARAM_INT, .min = 1, .max = DD_MAX_FEATURES, .def = "5",
     .help = N_("the feature count shown at first")},
    {.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 2, .def = "0.1",
     .help = N_("the spread (sigma) of the noise added to each training y")},
    {.name = "frequency", .type = PARAM_NUMBER, .min = 0.1, .max = 100, .def = "30",
     .help = N_("the spread of the features' random frequencies w ~ N(0, frequency^2)")},
    {.name = "draws", .type = PARAM_INT, .min = 1, .max = 20, .def = "5",
     .help = N_("the feature draws each point of the curve averages")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the points and the features")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 20, .def = "9",
     .help = N_("rows of the curve's chart")},
};

static const OutputSpec outputs[] = {
    {"features", DATA_SCALAR, N_("the feature count p shown")},
    {"peak", DATA_SCALAR, N_("the p of the largest mean test error")},
    {"test", DATA_VECTOR, N_("the mean test error for p = 1, 2 ... max_features")},
    {"train", DATA_VECTOR, N_("the mean training error for p = 1, 2 ... max_features")},
    {"norm", DATA_VECTOR, N_("the mean norm |a| of the weights for p = 1, 2 ...")},
};

const WidgetKind ddescent_kind = {
    .schema = {.name = "ddescent",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("double descent: test error of random-feature regression against "
                          "the feature count, with the fit at the count the learner picks"),
               .example = "id=dd points=4 max_features=8 draws=1 features=4"},
    KIND_LIST(keys, dd_keys),
    .ops = &dd_ops,
};
