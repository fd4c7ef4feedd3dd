/* race.c: the race kind: 2 to 4 real networks trained live side by side (nn/run.h) on
 * the same data, one loss chart with a curve per run, a row per run and who is ahead
 * (drawn by race-view.c).
 * Space plays and pauses, s trains one epoch, r starts again (an animation controller
 * or a button may do the same); each frame trains for a time budget at most, at the
 * race's speed, and nothing while paused or scrolled away. The shared net and data are
 * plain parameters; what differs between runs is a list, one item per run, the last
 * one repeating: names=zero,huge,xavier init=zeros,normal,xavier-uniform. A slider may
 * set the spread of the runs whose start has one (scale_from=): turning it starts
 * them again; symmetry=yes shows how far apart each run's hidden neurons are.
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nls.h"
#include "widgets/core/plotdata.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"
#include "widgets/sims/race.h"

#define BUDGET_S     0.025 /* training time per frame, every run together */
#define CHUNK_EX     256   /* examples per run between two looks at the clock */
#define EXPLODE      1e4   /* a batch loss this many times the initial loss diverged */

/* Its keys: what race_key takes, in help order (race-view.c shows them). */
static const KindKey race_keys[] = {
    {"Space", N_("race or pause")},
    {"s", N_("one epoch")},
    {"r", N_("start again")},
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Item i of a list parameter, the last one given repeating; the schema's default (or
 * def) when it is absent. */
static double nth_num(const Instance *in, const char *key, int i, double def)
{
	double v[RACE_MAX];
	size_t n = widget_nums(in, key, v, RACE_MAX);

	if (n > RACE_MAX)
		n = RACE_MAX;
	return n ? v[(size_t)i < n ? (size_t)i : n - 1] : widget_num(in, key, def);
}

static const char *nth_word(const Instance *in, const char *key, int i, const char *def)
{
	size_t n = widget_nwords(in, key);
	const char *w = n ? widget_word(in, key, (size_t)i < n ? (size_t)i : n - 1) : NULL;

	return w ? w : widget_str(in, key, def);
}

/* What every run shares: the data, the net, the loss, the optimizer, the batch. */
static void read_shared(const Instance *in, RunConfig *c)
{
	int h[RUN_MAX_HIDDEN];
	size_t l;
	DataKind kind;
	OptimKind ok;

	run_config_defaults(c);
	if (data_from_name(&kind, widget_str(in, "dataset", "spiral")) != 0)
		kind = DATA_SPIRAL;
	data_spec_defaults(&c->spec, kind, (size_t)widget_num(in, "points", 400));
	c->spec.noise = widget_num(in, "noise", 0.2);
	c->data_seed = (uint64_t)widget_num(in, "data_seed", 1);
	c->test_share = 1 - widget_num(in, "ratio", 1);
	c->n_hidden = (size_t)visual_layers(in, h, c->act, RUN_MAX_HIDDEN);
	for (l = 0; l < RUN_MAX_HIDDEN; l++)
		c->hidden[l] = l < c->n_hidden ? (size_t)h[l] : 1;
	c->loss = strcmp(widget_str(in, "loss", "ce"), "mse") == 0 ? LOSS_MSE : LOSS_CE;
	if (optim_from_name(&ok, widget_str(in, "optimizer", "adam")) != 0)
		ok = OPTIM_ADAM;
	optim_defaults(&c->optim, ok);
	c->batch = (size_t)widget_num(in, "batch", 10);
	c->explode = EXPLODE;
	c->history = RACE_HISTORY;
}

/* Run k's own settings on top of the shared ones. */
static void read_run(const Instance *in, Race *r, int k, const RunConfig *shared)
{
	RunConfig *c = &r->cfg[k];
	double w[RACE_MAX];
	size_t l;

	*c = *shared;
	snprintf(r->names[k], sizeof r->names[k], "%s", nth_word(in, "names", k, "?"));
	r->labels[k] = r->names[k];
	if (init_from_name(&c->init, nth_word(in, "init", k, "auto")) != 0)
		c->init = INIT_COUNT;
	c->init_value = nth_num(in, "init_scale", k, 0);
	c->seed = (uint64_t)nth_num(in, "seeds", k, 1);
	c->optim.lr = nth_num(in, "lr", k, 0.03);
	c->optim.l2 = nth_num(in, "l2", k, 0);
	c->dropout = nth_num(in, "dropout", k, 0);
	if (widget_nums(in, "widths", w, RACE_MAX) > 0)
		for (l = 0; l < c->n_hidden; l++)
			c->hidden[l] = (size_t)nth_num(in, "widths", k, 8);
}

static void unbuild(Race *r)
{
	int k;

	for (k = 0; k < RACE_MAX; k++)
		run_free(&r->run[k]);
	r->built = false;
}

/* The largest difference between two neurons of one hidden layer of m in one incoming
 * weight or their bias: W_l is n_out x n_in, row i neuron i's weights, then b_l. */
static double hidden_apart(const Mlp *m)
{
	double most = 0;
	size_t l, i, j;

	for (l = 0; l + 1 < m->n_layers; l++) {
		size_t n_in = m->sizes[l], n = m->sizes[l + 1];
		const double *w = m->params + m->w_off[l], *b = w + n * n_in;
		for (j = 0; j <= n_in; j++) {
			double lo = INFINITY, hi = -INFINITY;
			for (i = 0; i < n; i++) {
				double v = j < n_in ? w[i * n_in + j] : b[i];
				lo = v < lo ? v : lo;
				hi = v > hi ? v : hi;
			}
			if (hi - lo > most)
				most = hi - lo;
		}
	}
	return most;
}

/* Copies each run's history into the chart and its newest value into final, and
 * measures how far apart its hidden neurons are now. */
static void show(Race *r)
{
	const double *x, *y;
	size_t n;
	int k;

	for (k = 0; k < r->n; k++) {
		n = run_history(&r->run[k], r->metric, &x, &y);
		plotdata_set_series(&r->chart, k, x, y, n);
		r->final[k] = n ? y[n - 1] : NAN;
		r->apart[k] = hidden_apart(&r->run[k].mlp);
	}
	r->version++;
}

/* Makes run k from the start. */
static int build_run(Race *r, int k)
{
	run_free(&r->run[k]);
	r->seen[k] = 0;
	r->seen_st[k] = NN_OK;
	return run_create(&r->run[k], &r->cfg[k]) == NN_OK ? 0 : -1;
}

/* Makes every run from the start (the same seeds: the same race). */
static int build(Race *r)
{
	int k;

	unbuild(r);
	r->owed = 0;
	for (k = 0; k < r->n; k++) {
		if (build_run(r, k) != 0) {
			unbuild(r);
			plotdata_clear(&r->chart);
			return -1;
		}
	}
	r->built = true;
	if (r->metric == RUN_TEST_LOSS && !r->run[0].test.n)
		r->metric = RUN_TRAIN_LOSS; /* no test set: the training loss */
	show(r);
	return 0;
}

static bool racing(const Race *r, int k)
{
	const Run *u = &r->run[k];

	return u->status == NN_OK && u->tr.examples < (size_t)r->epochs * u->train.n;
}

bool race_finished(const Race *r)
{
	int k;

	for (k = 0; k < r->n; k++)
		if (racing(r, k))
			return false;
	return true;
}

/* Trains every run still racing by chunk more examples (none past the finish);
 * returns the most any of them trained. */
static size_t train_round(Race *r, size_t chunk)
{
	size_t most = 0;
	int k;

	for (k = 0; k < r->n; k++) {
		Run *u = &r->run[k];
		size_t left, before = u->tr.examples;
		if (!racing(r, k))
			continue;
		left = (size_t)r->epochs * u->train.n - before;
		run_train(u, chunk < left ? chunk : left);
		if (u->tr.examples - before > most)
			most = u->tr.examples - before;
	}
	return most;
}

/* Evaluates the runs that trained or stopped since their last evaluation. */
static void evaluate(Race *r)
{
	int k;

	for (k = 0; k < r->n; k++) {
		Run *u = &r->run[k];
		if (u->tr.examples == r->seen[k] && u->status == r->seen_st[k])
			continue;
		run_evaluate(u);
		r->seen[k] = u->tr.examples;
		r->seen_st[k] = u->status;
	}
	show(r);
}

/* Reads the dial (scale_from=) into the spread of the runs it sets; returns whether
 * its number changed since the last look. */
static bool read_dial(const Instance *in, Race *r)
{
	double v;
	int k;

	if (!r->dial_on || !scene_value(in->scene, widget_str(in, "scale_from", NULL), &v) ||
	    !(v >= 0) || v == r->dial)
		return false;
	r->dial = v;
	for (k = 0; k < r->n; k++)
		if (r->dialed[k])
			r->cfg[k].init_value = v;
	return true;
}

/* The dial turned: the runs it sets start again, and a race already under way (or
 * over) plays on, so the learner sees the new start race the others. */
static bool follow_dial(Instance *in, Race *r)
{
	bool started = false;
	int k;

	if (!r->built || !read_dial(in, r))
		return false;
	for (k = 0; k < r->n; k++)
		started |= r->run[k].tr.step > 0;
	for (k = 0; k < r->n; k++)
		if (r->dialed[k] && build_run(r, k) != 0) {
			unbuild(r);
			plotdata_clear(&r->chart);
			r->playing = in->animating = false;
			return true;
		}
	show(r);
	if (started)
		r->playing = !race_finished(r);
	in->animating = r->playing;
	return true;
}

static Race *race_of(const Instance *in)
{
	return in && in->kind == &race_kind && !in->failed ? in->state : NULL;
}

const Run *race_run(const Instance *in, int k)
{
	const Race *r = race_of(in);

	return r && r->built && k >= 0 && k < r->n ? &r->run[k] : NULL;
}

bool race_train(Instance *in, size_t examples)
{
	Race *r = race_of(in);

	if (!r || !r->built)
		return false;
	train_round(r, examples);
	evaluate(r);
	if (race_finished(r)) {
		r->playing = false;
		in->animating = false;
	}
	return !race_finished(r);
}

static int race_init(Instance *in)
{
	Race *r = calloc(1, sizeof *r);
	RunConfig shared;
	int k;

	if (!r)
		return -1;
	in->state = r;
	r->n = (int)widget_nwords(in, "names");
	r->n = r->n < 2 ? 2 : r->n > RACE_MAX ? RACE_MAX : r->n;
	read_shared(in, &shared);
	for (k = 0; k < r->n; k++)
		read_run(in, r, k, &shared);
	r->dial_on = widget_str(in, "scale_from", NULL) != NULL;
	r->dial = -1;
	for (k = 0; k < r->n; k++) {
		InitScheme s = r->cfg[k].init;
		r->dialed[k] = r->dial_on && (s == INIT_CONSTANT || s == INIT_UNIFORM ||
					      s == INIT_NORMAL);
	}
	read_dial(in, r);
	r->symmetry = widget_bool(in, "symmetry", false);
	r->metric = strcmp(widget_str(in, "curve", "train"), "test") == 0 ? RUN_TEST_LOSS
									  : RUN_TRAIN_LOSS;
	r->epochs = (int)widget_num(in, "epochs", 100);
	r->speed = widget_num(in, "speed", 20);
	r->chart_h = (int)widget_num(in, "height", 10);
	if (plotdata_init(&r->chart, PLOTDATA_LINES, RACE_HISTORY + 1) != 0)
		goto nomem;
	for (k = 0; k < r->n; k++)
		if (plotdata_add_series(&r->chart, r->names[k], COLOUR_NONE, 0) < 0)
			goto nomem;
	r->chart.opts.logy = true;
	r->chart.opts.x0 = 0;
	r->chart.opts.x1 = r->epochs; /* the whole track from the start */
	if (build(r) != 0)
		goto nomem;
	r->chart.opts.ytitle = r->metric == RUN_TEST_LOSS ? _("test loss") : _("training loss");
	return 0;
nomem:
	plotdata_free(&r->chart);
	free(r);
	in->state = NULL;
	return -1;
}

static void race_free(Instance *in)
{
	Race *r = in->state;

	unbuild(r);
	plotdata_free(&r->chart);
	free(r);
}

static void race_animate(Instance *in, AnimCommand cmd, double arg)
{
	Race *r = in->state;

	(void)arg; /* ANIM_SPEED: the race keeps its own speed= (epochs, not steps) */
	switch (cmd) {
	case ANIM_PLAY:
		r->playing = r->built && !race_finished(r);
		break;
	case ANIM_PAUSE:
		r->playing = false;
		break;
	case ANIM_STEP:
		r->playing = false;
		if (r->built)
			race_train(in, r->run[0].train.n);
		break;
	case ANIM_REPLAY:
		r->playing = build(r) == 0;
		break;
	case ANIM_SPEED:
		break;
	}
	in->animating = r->playing;
}

int race_epoch(const Race *r)
{
	double epoch = r->epochs;
	int k;

	for (k = 0; r->built && k < r->n; k++)
		if (racing(r, k) && run_epoch(&r->run[k]) < epoch)
			epoch = run_epoch(&r->run[k]);
	return r->built ? (int)epoch : 0;
}

static void race_anim_state(const Instance *in, AnimState *st)
{
	const Race *r = in->state;

	st->playing = r->playing;
	st->step = race_epoch(r);
	st->steps = r->epochs;
	st->speed = r->speed;
}

static unsigned race_key(Instance *in, const Key *k)
{
	const Race *r = in->state;

	if (key_is_char(k, ' '))
		race_animate(in, r->playing ? ANIM_PAUSE : race_finished(r) ? ANIM_REPLAY : ANIM_PLAY, 0);
	else if (key_is_char(k, 's'))
		race_animate(in, ANIM_STEP, 0);
	else if (key_is_char(k, 'r'))
		race_animate(in, ANIM_REPLAY, 0);
	else
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* Trains for the frame: at the race's speed (what dt owes) or, at speed 0, as much as
 * the budget allows; every run the same examples, in rounds, so none pulls ahead by
 * the clock. Then evaluates and shows. */
static bool race_tick(Instance *in, double dt)
{
	Race *r = in->state;
	double t0 = now_s(), per_epoch;
	size_t done;
	bool turned = follow_dial(in, r);

	if (!r->playing || !r->built || race_finished(r)) {
		r->playing = false;
		in->animating = false;
		return turned;
	}
	if (in->offscreen)
		return false; /* still playing: it goes on when shown */
	per_epoch = (double)r->run[0].train.n;
	if (r->speed > 0) {
		r->owed += r->speed * per_epoch * (dt > 0 ? dt : 0);
		if (r->owed > 10 * per_epoch)
			r->owed = 10 * per_epoch; /* after a pause: no burst */
	}
	do {
		size_t chunk = CHUNK_EX;
		if (r->speed > 0) {
			if (r->owed < (double)r->run[0].tr.cfg.batch)
				break;
			chunk = r->owed < CHUNK_EX ? (size_t)r->owed : CHUNK_EX;
		}
		done = train_round(r, chunk);
		if (r->speed > 0)
			r->owed -= (double)done;
	} while (done && now_s() - t0 < BUDGET_S);
	evaluate(r);
	if (race_finished(r))
		r->playing = false;
	in->animating = r->playing;
	return true;
}

/* "curves": each run's loss by epoch; "final": each run's newest loss, named; "apart":
 * how far apart each run's hidden neurons are, named. */
static bool race_output(const Instance *in, const char *name, Data *out)
{
	const Race *r = in->state;

	if (!r->built)
		return false;
	out->version = r->version;
	out->n = (size_t)r->n;
	if (strcmp(name, "final") == 0 || strcmp(name, "apart") == 0) {
		out->v = name[0] == 'f' ? r->final : r->apart;
		out->labels = r->labels;
		return true;
	}
	out->series = r->chart.series;
	return true;
}

static const WidgetOps race_ops = {
    .init = race_init,
    .free = race_free,
    .height = race_view_height,
    .draw = race_view_draw,
    .key = race_key,
    .tick = race_tick,
    .output = race_output,
    .animate = race_animate,
    .anim_state = race_anim_state,
};

/* The kind as lessons name it: the shared net and data, then the lists of each run's
 * own settings. */
static const ParamSpec params[] = {
    {.name = "names", .type = PARAM_WORDS, .nmin = 2, .nmax = RACE_MAX, .required = true,
     .help = N_("the runs, 2 to 4, by name: the lists below give each its own settings "
                "(one item per run, the last one repeating)")},
    {.name = "init", .type = PARAM_WORDS, .nmin = 1, .nmax = RACE_MAX, .def = "auto",
     .choices = "auto|zeros|constant|uniform|normal|xavier-uniform|xavier-normal|"
                "he-uniform|he-normal",
     .help = N_("each run's starting weights (auto: He for the ReLU family, Xavier "
                "otherwise)")},
    {.name = "init_scale", .type = PARAM_NUMBERS, .min = 0, .max = 100, .nmin = 1,
     .nmax = RACE_MAX, .def = "0",
     .help = N_("each run's constant, or the spread of its uniform or normal start (bound "
                "or sigma; 0: 1/sqrt(inputs)); Xavier and He ignore it")},
    {.name = "scale_from", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget (a slider) whose number is the init_scale of the runs that use one "
                "(constant, uniform, normal); turning it starts those runs again")},
    {.name = "seeds", .type = PARAM_NUMBERS, .min = 0, .max = 1e9, .nmin = 1, .nmax = RACE_MAX,
     .def = "1", .help = N_("each run's seed of its starting weights, shuffling and dropout")},
    {.name = "lr", .type = PARAM_NUMBERS, .min = 1e-6, .max = 100, .nmin = 1, .nmax = RACE_MAX,
     .def = "0.03", .help = N_("the learning rate (or each run's)")},
    {.name = "l2", .type = PARAM_NUMBERS, .min = 0, .max = 1, .nmin = 1, .nmax = RACE_MAX,
     .def = "0", .help = N_("the L2 regularization rate (or each run's)")},
    {.name = "dropout", .type = PARAM_NUMBERS, .min = 0, .max = 0.9, .nmin = 1,
     .nmax = RACE_MAX, .def = "0",
     .help = N_("the probability of dropping a hidden neuron while training (or each run's)")},
    {.name = "widths", .type = PARAM_NUMBERS, .min = 1, .max = 64, .nmin = 1, .nmax = RACE_MAX,
     .help = N_("each run's neurons in every hidden layer, instead of those of layers")},
    {.name = "dataset", .type = PARAM_CHOICE, .def = "spiral",
     .choices = "spiral|circle|xor|gaussians|moons|checkerboard|blobs|plane|bumps",
     .help = N_("the 2-D data every run learns")},
    VISUAL_PARAM_NOISE,
    {.name = "ratio", .type = PARAM_NUMBER, .min = 0.1, .max = 1, .def = "1",
     .help = N_("the share of the points trained on; the rest is the test set")},
    {.name = "data_seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the points and the split")},
    VISUAL_PARAMS_NET,
    {.name = "optimizer", .type = PARAM_CHOICE, .def = "adam",
     .choices = "sgd|momentum|nesterov|adam|adamw|rmsprop",
     .help = N_("how the weights are updated")},
    {.name = "batch", .type = PARAM_INT, .min = 1, .max = 5000, .def = "10",
     .help = N_("examples per step")},
    {.name = "epochs", .type = PARAM_INT, .min = 1, .max = 100000, .def = "100",
     .help = N_("the epochs of the race: each run stops there")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 0, .max = 100000, .def = "20",
     .help = N_("epochs per second (0: as many as each frame's time allows); an animation "
                "controller plays and pauses it but leaves this speed")},
    {.name = "curve", .type = PARAM_CHOICE, .def = "train", .choices = "train|test",
     .help = N_("the loss the curves show: on the training points or the test points")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 20, .def = "10",
     .help = N_("rows of the chart")},
    {.name = "symmetry", .type = PARAM_BOOL, .def = "no",
     .help = N_("show in each run's row how far apart its hidden neurons are (identical: "
                "they are copies of each other)")},
};

static const OutputSpec outputs[] = {
    {"curves", DATA_SERIES, N_("each run's loss by epoch, named")},
    {"final", DATA_VECTOR, N_("each run's latest loss, named")},
    {"apart", DATA_VECTOR,
     N_("how far apart each run's hidden neurons are now: the largest difference between "
        "two neurons of one layer in one incoming weight or bias (0: copies), named")},
};

const WidgetKind race_kind = {
    .schema = {.name = "race",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("real networks trained side by side, one loss curve each"),
               .example = "id=race names=zero,huge,xavier init=zeros,normal,xavier-uniform "
                          "init_scale=0,4,0 epochs=200"},
    .ops = &race_ops,
    .flags = KIND_WATCH, /* it follows its dial (scale_from=) */
    .keys = race_keys,
    .nkeys = sizeof race_keys / sizeof *race_keys,
};
