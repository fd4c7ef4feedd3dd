/* dropout.c: the dropout kind, the game Dial the Dropout: a real network trained on
 * noisy data with the dropout rate the learner picks (nn/run.h), the hidden units
 * dropped at the current step drawn from the real mask, training and validation
 * accuracy. The zone of good rates is measured, not assumed: the first time the widget
 * is shown it trains every rate of the axis from several seeds (two runs per frame)
 * and marks the rates whose mean validation accuracy is within a tolerance of the
 * best. Picking a rate in the zone and running it to the end wins; the win is saved.
 * Left/Right pick the rate, Space runs and pauses, r starts again.
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "nn/run.h"
#include "widgets/core/registry.h"
#include "widgets/play/dropout.h"

#define PER_TICK 2  /* measuring runs per frame (about 10 ms each) */
#define LABEL_W  11   /* the row labels' column */

static const KindKey dropout_keys[] = {
    {"Left Right h l", N_("pick the dropout rate")},
    {"Space", N_("run or pause")},
    {"r", N_("start the run again")},
};

void dropout_config(const Instance *in, RunConfig *c, double rate, uint64_t seed)
{
	DataKind kind;

	run_config_defaults(c);
	if (data_from_name(&kind, widget_str(in, "dataset", "spiral")) != 0)
		kind = DATA_SPIRAL;
	data_spec_defaults(&c->spec, kind, (size_t)widget_num(in, "points", 200));
	c->spec.noise = widget_num(in, "noise", 0.5);
	c->data_seed = (uint64_t)widget_num(in, "data_seed", 1);
	c->test_share = 0.5;
	c->n_hidden = 1;
	c->hidden[0] = (size_t)widget_num(in, "width", 32);
	c->act[0] = ACT_RELU;
	c->seed = seed;
	c->dropout = rate;
}

/* The validation accuracy after a whole run at rate from seed; NaN when it failed. */
static double probe(const DropoutGame *s, const Instance *in, double rate, uint64_t seed)
{
	RunConfig c;
	Run r;
	double acc;

	dropout_config(in, &c, rate, seed);
	if (run_create(&r, &c) != NN_OK)
		return NAN;
	run_train(&r, (size_t)s->epochs * r.train.n);
	run_evaluate(&r);
	acc = r.test_acc;
	run_free(&r);
	return acc;
}

void dropout_band(const double *mean, int n, double tol, int *lo, int *hi)
{
	int i, best = 0;

	for (i = 1; i < n; i++)
		if (mean[i] > mean[best])
			best = i;
	*lo = *hi = best;
	while (*lo > 0 && mean[*lo - 1] >= mean[best] - tol)
		(*lo)--;
	while (*hi + 1 < n && mean[*hi + 1] >= mean[best] - tol)
		(*hi)++;
}

/* Runs the next `runs` probes (all of them with 0); when the last is done, the zone. */
static void measure(Instance *in, DropoutGame *s, int runs)
{
	int total = s->nrates * s->nseeds, done = 0;

	while (s->probes < total && (runs <= 0 || done++ < runs)) {
		int i = s->probes / s->nseeds, k = s->probes % s->nseeds;
		s->acc[i][k] = probe(s, in, s->rates[i], (uint64_t)k + 1);
		s->probes++;
	}
	if (s->probes == total && !s->measured) {
		int i, k;
		for (i = 0; i < s->nrates; i++) {
			s->mean[i] = 0;
			for (k = 0; k < s->nseeds; k++)
				s->mean[i] += s->acc[i][k] / s->nseeds;
		}
		dropout_band(s->mean, s->nrates, s->tol, &s->lo, &s->hi);
		s->measured = true;
	}
}

void dropout_measure_all(Instance *in)
{
	measure(in, in->state, 0);
}

/* Makes the learner's run at the rate picked, from the start. */
static int build(Instance *in, DropoutGame *s)
{
	RunConfig c;

	run_free(&s->run);
	s->built = false;
	s->playing = false;
	s->owed = 0;
	dropout_config(in, &c, s->rates[s->sel], s->seed);
	if (run_create(&s->run, &c) != NN_OK)
		return -1;
	s->built = true;
	return 0;
}

static int dropout_init(Instance *in)
{
	DropoutGame *s = calloc(1, sizeof *s);
	size_t n;

	if (!s)
		return -1;
	in->state = s;
	n = widget_nums(in, "rates", s->rates, DROPOUT_MAX_RATES);
	s->nrates = (int)(n > DROPOUT_MAX_RATES ? DROPOUT_MAX_RATES : n);
	s->nseeds = (int)widget_num(in, "seeds", 3);
	s->seed = (uint64_t)widget_num(in, "seed", 4);
	s->tol = widget_num(in, "tolerance", 0.02);
	s->epochs = (int)widget_num(in, "epochs", 200);
	s->speed = widget_num(in, "speed", 50);
	s->sel = 0;
	if (build(in, s) != 0) {
		free(s);
		in->state = NULL;
		return -1;
	}
	in->animating = true; /* to measure the zone once shown */
	return 0;
}

static void dropout_free(Instance *in)
{
	DropoutGame *s = in->state;

	run_free(&s->run);
	free(s);
}

static bool finished(const DropoutGame *s)
{
	return !s->built || s->run.status != NN_OK ||
	       s->run.tr.examples >= (size_t)s->epochs * s->run.train.n;
}

/* The run reached its end: a win when its rate lies in the zone. */
static void judge(Instance *in, DropoutGame *s)
{
	if (!finished(s) || !s->measured || s->judged)
		return;
	s->judged = true;
	if (s->sel >= s->lo && s->sel <= s->hi && !in->done) {
		in->done = true;
		s->won_rate = s->sel;
	}
}

bool dropout_train(Instance *in, size_t examples)
{
	DropoutGame *s = in->state;
	size_t left;

	if (finished(s))
		return false;
	left = (size_t)s->epochs * s->run.train.n - s->run.tr.examples;
	run_train(&s->run, examples < left ? examples : left);
	run_evaluate(&s->run);
	s->version++;
	judge(in, s);
	return !finished(s);
}

static bool dropout_tick(Instance *in, double dt)
{
	DropoutGame *s = in->state;
	bool changed = false;

	if (in->offscreen)
		return false;
	if (!s->measured) {
		measure(in, s, PER_TICK);
		changed = true;
		judge(in, s);
	}
	if (s->playing && !finished(s)) {
		size_t n;
		s->owed += s->speed * (double)s->run.train.n * (dt > 0 ? dt : 0);
		if (s->owed > 10.0 * (double)s->run.train.n)
			s->owed = 10.0 * (double)s->run.train.n;
		n = (size_t)s->owed;
		if (n >= s->run.cfg.batch) {
			s->owed -= (double)n;
			dropout_train(in, n);
			changed = true;
		}
	}
	if (finished(s))
		s->playing = false;
	in->animating = s->playing || !s->measured;
	return changed;
}

static unsigned dropout_key(Instance *in, const Key *k)
{
	DropoutGame *s = in->state;
	int sel = s->sel;

	if (k->code == K_LEFT || key_is_char(k, 'h'))
		sel--;
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		sel++;
	else if (key_is_char(k, ' ')) {
		if (finished(s))
			build(in, s);
		s->judged = false;
		s->playing = !s->playing;
		in->animating = s->playing || !s->measured;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	} else if (key_is_char(k, 'r')) {
		build(in, s);
		s->judged = false;
		in->animating = !s->measured;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	} else
		return WIDGET_IGNORED;
	sel = sel < 0 ? 0 : sel >= s->nrates ? s->nrates - 1 : sel;
	if (sel == s->sel)
		return WIDGET_HANDLED;
	s->sel = sel;
	build(in, s);
	s->judged = false;
	in->animating = !s->measured;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static int dropout_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 7;
}

/* The label column's width: none when the cells of the rates would not fit beside it. */
static int label_w(const DropoutGame *s, Rect r)
{
	return r.w - LABEL_W >= 5 * s->nrates ? LABEL_W : 0;
}

/* The width of a rate's cell. */
static int cell_w(const DropoutGame *s, Rect r)
{
	int cw = (r.w - label_w(s, r)) / (s->nrates ? s->nrates : 1);

	return cw > 6 ? 6 : cw < 4 ? 4 : cw;
}

static void put(Grid *g, Rect r, int x, int y, const char *text, Style st)
{
	if (x < r.x + r.w)
		grid_text(g, x, r.y + y, text, strlen(text), r.x + r.w - x, st);
}

/* The rate axis, the zone and the measured accuracy, one cell per rate. */
static void draw_axis(const DropoutGame *s, Grid *g, Rect r, Caps caps, bool focused)
{
	int cw = cell_w(s, r), lw = label_w(s, r), i, j;
	char buf[64];

	if (lw) {
		put(g, r, r.x, 0, _("rate p"), STYLE_DIM);
		put(g, r, r.x, 1, _("best zone"), STYLE_DIM);
		put(g, r, r.x, 2, _("validation"), STYLE_DIM);
	}
	for (i = 0; i < s->nrates; i++) {
		int x = r.x + lw + i * cw;
		bool in_band = s->measured && i >= s->lo && i <= s->hi;
		snprintf(buf, sizeof buf, i == s->sel ? "[%g]" : " %g", s->rates[i]);
		put(g, r, x, 0, buf, i == s->sel ? (focused ? STYLE_FOCUS : STYLE_BOLD)
						 : STYLE_NORMAL);
		for (j = 0; j < cw - 1 && in_band; j++)
			put(g, r, x + j, 1, caps.unicode ? "━" : "=", STYLE_ACCENT);
		if (s->measured) {
			snprintf(buf, sizeof buf, " %.0f%%", 100 * s->mean[i]);
			put(g, r, x, 2, buf, in_band ? STYLE_BOLD : STYLE_NORMAL);
		}
	}
	if (!s->measured) {
		snprintf(buf, sizeof buf, _("measuring: %d of %d runs"), s->probes,
			 s->nrates * s->nseeds);
		put(g, r, r.x + lw, 1, buf, STYLE_DIM);
	}
}

/* The hidden units of the current step: kept or dropped, from the run's real mask
 * (the first example of the last batch). */
static void draw_units(const DropoutGame *s, Grid *g, Rect r, Caps caps)
{
	const MlpWork *w = &s->run.tr.work;
	size_t n = s->run.cfg.hidden[0], i;
	int dropped = 0, lw = label_w(s, r);
	char buf[96];

	if (lw)
		put(g, r, r.x, 3, _("hidden"), STYLE_DIM);
	for (i = 0; i < n; i++) {
		bool off = s->run.tr.step > 0 && w->mask && w->mask[0][i] == 0;
		dropped += off;
		put(g, r, r.x + lw + (int)i, 3,
		    off ? (caps.unicode ? "·" : ".") : (caps.unicode ? "●" : "o"),
		    off ? STYLE_DIM : STYLE_ACCENT);
	}
	snprintf(buf, sizeof buf, _("epoch %d/%d  dropped now: %d of %d"),
		 (int)run_epoch(&s->run), s->epochs, dropped, (int)n);
	put(g, r, r.x, 4, buf, STYLE_NORMAL);
}

static void dropout_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			 int *cy)
{
	const DropoutGame *s = in->state;
	char buf[160];
	const char *msg;

	draw_axis(s, g, r, caps, focused);
	if (!s->built)
		return;
	draw_units(s, g, r, caps);
	snprintf(buf, sizeof buf, _("accuracy  training %.0f%%  validation %.0f%%"),
		 100 * s->run.train_acc, 100 * s->run.test_acc);
	put(g, r, r.x, 5, buf, STYLE_BOLD);
	if (!finished(s) || !s->judged)
		msg = in->done ? _("Won. Other rates are yours to try.")
		      : _("Goal: run a rate of the best zone.");
	else if (s->sel >= s->lo && s->sel <= s->hi)
		msg = _("Won: this rate is in the best zone.");
	else
		msg = _("Outside the best zone: try another.");
	put(g, r, r.x, 6, msg, in->done ? STYLE_ACCENT : STYLE_NORMAL);
	if (focused) {
		*cx = r.x + label_w(s, r) + s->sel * cell_w(s, r);
		*cy = r.y;
	}
}

/* "won" once won; the rate picked. */
static void dropout_save(const Instance *in, const Store *st)
{
	const DropoutGame *s = in->state;

	if (in->done)
		st->set(st->ctx, "won", "1");
	store_put_int(st, "rate", s->sel);
}

static void dropout_restore(Instance *in, const Store *st)
{
	DropoutGame *s = in->state;
	const char *won = st->get(st->ctx, "won");
	int sel = store_get_int(st, "rate", 0, s->nrates - 1, s->sel);

	if (won && strcmp(won, "1") == 0)
		in->done = true;
	if (sel != s->sel) {
		s->sel = sel;
		build(in, s);
	}
}

/* "rate": the rate picked; "zone": the measured mean validation accuracy of each rate. */
static bool dropout_output(const Instance *in, const char *name, Data *out)
{
	const DropoutGame *s = in->state;

	out->version = s->version + (unsigned long)s->sel * 7919u + (s->measured ? 1u : 0u);
	if (strcmp(name, "rate") == 0) {
		out->scalar = s->rates[s->sel];
		out->v = &out->scalar;
		out->n = 1;
		return true;
	}
	if (!s->measured)
		return false;
	out->v = s->mean;
	out->n = (size_t)s->nrates;
	return true;
}

static const WidgetOps dropout_ops = {
    .init = dropout_init,
    .free = dropout_free,
    .height = dropout_height,
    .draw = dropout_draw,
    .key = dropout_key,
    .tick = dropout_tick,
    .save = dropout_save,
    .restore = dropout_restore,
    .output = dropout_output,
};

static const ParamSpec params[] = {
    {.name = "rates", .type = PARAM_NUMBERS, .min = 0, .max = 0.9, .nmin = 2,
     .nmax = DROPOUT_MAX_RATES, .def = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7",
     .help = N_("the dropout rates on the axis, in order")},
    {.name = "seeds", .type = PARAM_INT, .min = 1, .max = DROPOUT_MAX_SEEDS, .def = "3",
     .help = N_("runs per rate (seeds 1, 2, ...) that measure the best zone")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "4",
     .help = N_("the seed of the learner's run")},
    {.name = "tolerance", .type = PARAM_NUMBER, .min = 0, .max = 1, .def = "0.02",
     .help = N_("how far below the best mean validation accuracy a rate may be and still "
                "be in the zone")},
    {.name = "dataset", .type = PARAM_CHOICE, .def = "spiral",
     .choices = "spiral|circle|xor|gaussians|moons|checkerboard",
     .help = N_("the 2-D data, half of it held out for validation")},
    {.name = "points", .type = PARAM_INT, .min = 20, .max = 2000, .def = "200",
     .help = N_("points, training and validation together")},
    {.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 2, .def = "0.5",
     .help = N_("how noisy the points are")},
    {.name = "data_seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the points and the split")},
    {.name = "width", .type = PARAM_INT, .min = 2, .max = 64, .def = "32",
     .help = N_("ReLU neurons in the one hidden layer")},
    {.name = "epochs", .type = PARAM_INT, .min = 1, .max = 2000, .def = "200",
     .help = N_("epochs of every run")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 1, .max = 10000, .def = "50",
     .help = N_("epochs per second of the learner's run")},
};

static const OutputSpec outputs[] = {
    {"rate", DATA_SCALAR, N_("the dropout rate picked")},
    {"zone", DATA_VECTOR, N_("each rate's mean validation accuracy over the measuring runs")},
};

const WidgetKind dropout_kind = {
    .schema = {.name = "dropout",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("the game Dial the Dropout: pick a dropout rate in the measured "
                          "best zone and train with it"),
               .example = "id=drop epochs=20"},
    KIND_LIST(keys, dropout_keys),
    .ops = &dropout_ops,
    .flags = KIND_GOAL,
};
