/* trainer.c: the trainer widget over a run (nn/run.h: data and split, the net, its
 * training, metrics, best weights, divergence): the run built from the learner's
 * settings, trained for a time budget per frame (whole mini-batches) or at a chosen
 * speed and evaluated each frame, checkpointed and judged at every epoch's end,
 * progress. Keys: trainer-controls.c; drawing: trainer-view.c.
 * Must not own the loop, navigate or write files; allocates only when (re)building
 * (and to try rates after a divergence, trainer-judge.c). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/trainer/trainer.h"
#include "widgets/core/visual.h"

#define BUDGET_S     0.025  /* training time per frame (of a 33 ms frame) */
#define CHUNK_EX     1024   /* examples between two looks at the clock */
#define EXPLODE      1e4    /* a batch loss this many times the initial loss diverged */
#define PATIENCE     200    /* early stopping: epochs without a better test loss */

const double trainer_speeds[] = {1, 3, 10, 30, 100, 300, 1000, 0};
const int trainer_nspeeds = sizeof trainer_speeds / sizeof *trainer_speeds;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

const Brain *trainer_state(const Instance *in)
{
	if (!in || in->kind != &trainer_kind || in->failed || !in->state)
		return NULL;
	return in->state;
}

int trainer_neurons(const Brain *b)
{
	int l, n = 0;

	for (l = 0; l < b->nhidden; l++)
		n += b->hidden[l];
	return n;
}

static void unbuild(Brain *b)
{
	run_free(&b->run);
	mlp_work_free(&b->eval);
	b->built = false;
}

/* Shows the run's history in the charts. */
static void show_history(Brain *b)
{
	const double *x, *y;
	size_t n;
	int k;

	for (k = 0; k < 2; k++) {
		n = run_history(&b->run, k ? RUN_TEST_LOSS : RUN_TRAIN_LOSS, &x, &y);
		plotdata_set_series(&b->curves, k, x, y, n);
		n = b->classes ? run_history(&b->run, k ? RUN_TEST_ACC : RUN_TRAIN_ACC, &x, &y) : 0;
		plotdata_set_series(&b->accs, k, x, y, n);
	}
}

/* Keeps the weights when the test loss is the lowest so far; with early stopping,
 * once it has not improved for PATIENCE epochs, puts the kept weights back and
 * pauses. Returns false when it stopped the run. */
static bool checkpoint(Brain *b)
{
	if (run_checkpoint(&b->run, b->early ? PATIENCE : 0))
		return true;
	b->mode = BRAIN_PAUSED;
	return false;
}

/* At the end of an epoch: the checkpoint, and the goal judged on the test accuracy
 * there. False when the run stops here (stopped early, or the goal was reached). */
static bool epoch_end(Instance *in, Brain *b)
{
	if (!checkpoint(b))
		return false;
	if (trainer_goal_miss(b) == BRAIN_GOAL_COUNTS &&
	    trainer_judge(in, b, train_accuracy(&b->run.te, &b->run.test)))
		return false;
	return true;
}

/* Evaluates the net on both sets and records the point of the curves. */
static void evaluate(Brain *b)
{
	b->version++;
	b->field_shown = b->version;
	run_evaluate(&b->run);
	show_history(b);
}

/* The run of what the learner set. */
static void run_config(const Brain *b, RunConfig *c)
{
	int l;

	run_config_defaults(c);
	data_spec_defaults(&c->spec, b->kind, b->points);
	c->spec.noise = b->noise;
	c->data_seed = b->data_seed;
	c->test_share = 1 - b->ratio;
	c->n_hidden = (size_t)b->nhidden;
	for (l = 0; l < BRAIN_MAX_HIDDEN; l++) {
		c->hidden[l] = (size_t)b->hidden[l];
		c->act[l] = b->acts[l];
	}
	c->loss = b->loss;
	c->init = b->init;
	c->seed = b->init_seed;
	optim_defaults(&c->optim, b->optim);
	c->optim.lr = b->lr;
	c->optim.l1 = b->l1;
	c->optim.l2 = b->l2;
	c->batch = b->batch;
	c->dropout = b->dropout;
	c->explode = EXPLODE;
	c->history = BRAIN_HISTORY;
}

/* Makes the run (the dataset, the split, the net, its trainers) and the field's
 * workspace from what the learner set; the curves start again. Returns 0, or -1 (out
 * of memory or a setting the library refuses: the widget then shows that it cannot
 * train). */
int trainer_build(Brain *b)
{
	Dataset train = {0}, test = {0};
	RunConfig c;
	NnStatus st;

	unbuild(b);
	plotdata_clear(&b->curves);
	plotdata_clear(&b->accs);
	b->rate = 0;
	b->owed = 0;
	b->at_win = b->restored = false;
	b->mode = b->mode == BRAIN_RUNNING ? BRAIN_RUNNING : BRAIN_PAUSED;
	run_config(b, &c);
	if (b->custom) {
		b->classes = b->own_classes;
		c.train = &train;
		c.test = &test;
		c.classes = b->classes;
		st = trainer_own_split(b, &train, &test) == 0 ? run_create(&b->run, &c)
							       : NN_ERR_NOMEM;
		data_free(&train);
		data_free(&test);
	} else {
		b->classes = data_n_classes(&c.spec);
		st = run_create(&b->run, &c);
	}
	if (st != NN_OK ||
	    mlp_work_init(&b->eval, &b->run.mlp, BRAIN_EVAL_CAP, c.level, 0) != NN_OK) {
		unbuild(b);
		b->mode = BRAIN_FAILED;
		return -1;
	}
	b->built = true;
	b->version++; /* the run evaluated itself */
	b->field_shown = b->version;
	show_history(b);
	return 0;
}

/* Trains whole mini-batches until `examples` are done, unless the run stops first:
 * divergence, early stopping or the goal. Both are judged at the end of every epoch
 * (epoch_end), never where a frame or a chunk ends, so the same run keeps the same
 * best weights, stops and wins at the same step at any speed. Returns the examples
 * trained. */
static size_t train(Instance *in, Brain *b, size_t examples)
{
	size_t done = 0, part;

	b->at_win = b->restored = false;
	while (done < examples) {
		NnStatus st = run_train_part(&b->run, examples - done, &part);
		done += part;
		if (st != NN_OK) {
			trainer_diverged(b);
			break;
		}
		if (run_epoch_ended(&b->run) && !epoch_end(in, b))
			break;
	}
	return done;
}

bool trainer_train(Instance *in, size_t examples)
{
	Brain *b = in && in->kind == &trainer_kind ? in->state : NULL;

	if (!b || !b->built || b->mode == BRAIN_DIVERGED)
		return false;
	train(in, b, examples ? examples : 1);
	evaluate(b);
	return b->mode != BRAIN_DIVERGED;
}

void trainer_rebuild(Instance *in, bool keep)
{
	Brain *b = in->state;
	size_t sizes[BRAIN_MAX_HIDDEN + 2], L = b->run.mlp.n_layers, n = b->run.mlp.n_params;
	double *saved = NULL;

	if (keep && b->built && (saved = malloc(n * sizeof *saved)) != NULL) {
		memcpy(saved, b->run.mlp.params, n * sizeof *saved);
		memcpy(sizes, b->run.mlp.sizes, (L + 1) * sizeof *sizes);
	}
	if (b->mode == BRAIN_DIVERGED || b->mode == BRAIN_FAILED)
		b->mode = BRAIN_PAUSED;
	if (trainer_build(b) == 0 && saved && b->run.mlp.n_layers == L &&
	    memcmp(sizes, b->run.mlp.sizes, (L + 1) * sizeof *sizes) == 0)
		trainer_set_weights(in, saved, n);
	free(saved);
	trainer_judge(in, b, b->run.test_acc);
	in->animating = b->mode == BRAIN_RUNNING;
}

int trainer_set_weights(Instance *in, const double *params, size_t n)
{
	Brain *b = in->state;

	if (!b->built || !run_set_params(&b->run, params, n))
		return -1;
	evaluate(b);
	checkpoint(b);
	trainer_judge(in, b, b->run.test_acc);
	return 0;
}

int trainer_restore_best(Instance *in)
{
	Brain *b = in->state;

	if (!b->built || !run_restore_best(&b->run))
		return -1;
	evaluate(b);
	b->restored = true;
	b->at_win = false;
	trainer_judge(in, b, b->run.test_acc);
	return 0;
}

void trainer_bounds(const Brain *b, double *x0, double *x1, double *y0, double *y1)
{
	double a = INFINITY, c = -INFINITY, e = INFINITY, f = -INFINITY, m;
	size_t i;

	const Dataset *all = &b->run.all;

	for (i = 0; i < all->n; i++) {
		a = fmin(a, all->x[2 * i]);
		c = fmax(c, all->x[2 * i]);
		e = fmin(e, all->x[2 * i + 1]);
		f = fmax(f, all->x[2 * i + 1]);
	}
	if (!(a <= c)) /* no points */
		a = e = -1, c = f = 1;
	m = 0.08 * fmax(c - a, f - e) + 1e-9;
	*x0 = a - m;
	*x1 = c + m;
	*y0 = e - m;
	*y1 = f + m;
}

static int read_params(Instance *in, Brain *b)
{
	const char *w;

	if (data_from_name(&b->kind, widget_str(in, "dataset", "spiral")) != 0)
		b->kind = DATA_SPIRAL;
	b->noise = widget_num(in, "noise", 0.2);
	b->points = (size_t)widget_num(in, "points", 400);
	b->points = b->points < 4 ? 4 : b->points;
	b->ratio = widget_num(in, "ratio", 0.5);
	b->data_seed = (uint64_t)widget_num(in, "data_seed", 1);
	b->init_seed = (uint64_t)widget_num(in, "init_seed", 1);
	b->nhidden = visual_layers(in, b->hidden, b->acts, BRAIN_MAX_HIDDEN);
	w = widget_str(in, "loss", "ce");
	b->loss = strcmp(w, "mse") == 0 ? LOSS_MSE : LOSS_CE;
	if (optim_from_name(&b->optim, widget_str(in, "optimizer", "adam")) != 0)
		b->optim = OPTIM_ADAM;
	b->lr = widget_num(in, "lr", 0.03);
	b->batch = (size_t)widget_num(in, "batch", 10);
	b->l1 = widget_num(in, "l1", 0);
	b->l2 = widget_num(in, "l2", 0);
	b->dropout = widget_num(in, "dropout", 0);
	if (init_from_name(&b->init, widget_str(in, "init", "auto")) != 0)
		b->init = INIT_COUNT;
	b->speed = trainer_nspeeds - 1;
	b->goal = widget_num(in, "goal_accuracy", 0);
	b->max_neurons = (int)widget_num(in, "max_neurons", 0);
	b->early = widget_bool(in, "early_stop", false);
	b->goal_kind = b->kind;
	b->goal_noise = b->noise;
	b->goal_ratio = b->ratio;
	b->goal_points = b->points;
	b->sel = -1;
	b->best = -1;
	return 0;
}

/* The loss and accuracy charts: two series each, room for the run's history with its
 * newest point. */
static int charts_init(Brain *b)
{
	PlotData *pd[2] = {&b->curves, &b->accs};
	int k;

	for (k = 0; k < 2; k++)
		if (plotdata_init(pd[k], PLOTDATA_LINES, BRAIN_HISTORY + 1) != 0 ||
		    plotdata_add_series(pd[k], _("train"), COLOUR_CLASS0, 0) < 0 ||
		    plotdata_add_series(pd[k], _("test"), COLOUR_CLASS1, 0) < 0)
			return -1;
	b->accs.opts.x0 = 0;
	b->accs.opts.y0 = 0;
	b->accs.opts.y1 = 1;
	b->curves.opts.logy = true;
	b->curves.opts.x0 = 0;
	return 0;
}

static int trainer_init(Instance *in)
{
	Brain *b = calloc(1, sizeof *b);

	if (!b)
		return -1;
	in->state = b;
	plot_init(&b->field_plot);
	netdiag_init(&b->nd);
	read_params(in, b);
	b->field = malloc(BRAIN_FIELD_CAP * sizeof *b->field);
	b->fcol = malloc(BRAIN_FIELD_CAP * sizeof *b->fcol);
	if (!b->field || !b->fcol || charts_init(b) != 0)
		goto nomem;
	if (trainer_build(b) != 0)
		goto nomem;
	return 0;
nomem:
	unbuild(b);
	plotdata_free(&b->curves);
	plotdata_free(&b->accs);
	free(b->field);
	free(b->fcol);
	free(b);
	in->state = NULL;
	return -1;
}

static void trainer_free(Instance *in)
{
	Brain *b = in->state;

	unbuild(b);
	data_free(&b->own);
	free(b->own_side);
	plotdata_free(&b->curves);
	plotdata_free(&b->accs);
	plot_free(&b->field_plot);
	netdiag_free(&b->nd);
	free(b->field);
	free(b->fcol);
	free(b);
}

double trainer_field_wait(size_t changed)
{
	double t = (double)changed / BRAIN_FIELD_RATE;

	return t < BRAIN_FIELD_PERIOD ? BRAIN_FIELD_PERIOD
	       : t > BRAIN_FIELD_WAIT_MAX ? BRAIN_FIELD_WAIT_MAX : t;
}

static bool trainer_tick(Instance *in, double dt)
{
	Brain *b = in->state;
	double t0, spent = 0;
	unsigned long shown;
	size_t ex0;

	if (b->mode != BRAIN_RUNNING || !b->built) {
		in->animating = false;
		return false;
	}
	t0 = now_s();
	ex0 = b->run.tr.examples;
	if (trainer_speeds[b->speed] > 0) { /* a limited speed: what this frame owes */
		double n = (double)b->run.train.n;
		b->owed += trainer_speeds[b->speed] * n * (dt > 0 ? dt : 0);
		if (b->owed > 10.0 * n)
			b->owed = 10.0 * n; /* after a pause: no burst */
	}
	do {
		size_t chunk = CHUNK_EX, done;
		if (trainer_speeds[b->speed] > 0) {
			if (b->owed < (double)b->run.tr.cfg.batch)
				break;
			chunk = b->owed < CHUNK_EX ? (size_t)b->owed : CHUNK_EX;
		}
		done = train(in, b, chunk);
		if (trainer_speeds[b->speed] > 0)
			b->owed -= (double)done;
		if (b->mode != BRAIN_RUNNING) /* diverged, stopped early or won */
			break;
		spent = now_s() - t0;
	} while (spent < BUDGET_S);
	shown = b->field_shown;
	evaluate(b);
	/* The field keeps the weights it shows until its wait has passed (as its last
	 * update asks), or the run stopped (diverged, stopped early, won): then it shows
	 * the weights of now. */
	b->field_age += dt > 0 ? dt : 0;
	if (b->field_age >= trainer_field_wait(b->field_changed) || b->mode != BRAIN_RUNNING)
		b->field_age = 0;
	else
		b->field_shown = shown;
	if (dt > 0) { /* examples per second of the whole frame, drawing included */
		double r = (double)(b->run.tr.examples - ex0) / (dt > BUDGET_S ? dt : BUDGET_S);
		b->rate = b->rate > 0 ? 0.8 * b->rate + 0.2 * r : r;
	}
	in->animating = b->mode == BRAIN_RUNNING;
	return true;
}

static void trainer_save(const Instance *in, const Store *st)
{
	const Brain *b = in->state;
	char buf[32], buf2[BRAIN_STATE_MAX];

	if (b->best >= 0) {
		snprintf(buf, sizeof buf, "%.4f", b->best);
		st->set(st->ctx, "best", buf);
	}
	if (b->won)
		st->set(st->ctx, "won", "1");
	trainer_state_string(b, buf2, sizeof buf2);
	if (buf2[0])
		st->set(st->ctx, "state", buf2);
}

static void trainer_restore(Instance *in, const Store *st)
{
	Brain *b = in->state;
	const char *best = st->get(st->ctx, "best"), *won = st->get(st->ctx, "won");
	const char *state = st->get(st->ctx, "state");
	char *end, err[256];

	if (best) {
		double v = strtod(best, &end);
		if (*end == '\0' && end != best && v >= 0 && v <= 1 && v > b->best)
			b->best = v;
	}
	if (won && strcmp(won, "1") == 0) {
		b->won = true;
		in->done = true;
	}
	/* The settings the learner left it with; a state that no longer applies (its own
	 * points are gone) leaves the lesson's. */
	if (state)
		trainer_apply_state(in, state, err, sizeof err);
}

static bool trainer_value(const Instance *in, double *out)
{
	const Brain *b = in->state;

	if (!b->built || !isfinite(b->run.test_acc))
		return false;
	*out = b->run.test_acc;
	return true;
}

/* "accuracy": the test accuracy; "model": the network itself. */
static bool trainer_output(const Instance *in, const char *name, Data *out)
{
	const Brain *b = in->state;

	if (!b->built)
		return false;
	out->version = b->version;
	if (strcmp(name, "model") == 0) {
		out->model = &b->run.mlp;
		return true;
	}
	out->v = &out->scalar;
	out->n = 1;
	return trainer_value(in, &out->scalar);
}

static const WidgetOps trainer_ops = {
    .init = trainer_init,
    .free = trainer_free,
    .height = trainer_view_height,
    .draw = trainer_view_draw,
    .key = trainer_controls_key,
    .tick = trainer_tick,
    .save = trainer_save,
    .restore = trainer_restore,
    .value = trainer_value,
    .output = trainer_output,
    .animate = trainer_controls_animate,
    .anim_state = trainer_controls_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "dataset", .type = PARAM_CHOICE, .def = "spiral",
     .choices = "spiral|circle|xor|gaussians|moons|checkerboard|blobs|plane|bumps",
     .help = N_("the 2-D data (blobs: three classes; plane and bumps: regression); d cycles")},
    VISUAL_PARAM_NOISE,
    {.name = "ratio", .type = PARAM_NUMBER, .min = 0.1, .max = 1, .def = "0.5",
     .help = N_("the share of the points trained on; the rest is the test set")},
    {.name = "data_seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the points and the split (D draws a new one)")},
    {.name = "init_seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the initial weights and the shuffling (R draws a new one)")},
    VISUAL_PARAMS_NET,
    {.name = "optimizer", .type = PARAM_CHOICE, .def = "adam",
     .choices = "sgd|momentum|adam", .help = N_("how the weights are updated")},
    {.name = "lr", .type = PARAM_NUMBER, .min = 1e-6, .max = 100, .def = "0.03",
     .help = N_("the learning rate")},
    {.name = "batch", .type = PARAM_INT, .min = 1, .max = 400, .def = "10",
     .help = N_("examples per step")},
    {.name = "l1", .type = PARAM_NUMBER, .min = 0, .max = 1, .def = "0",
     .help = N_("the L1 regularization rate")},
    {.name = "l2", .type = PARAM_NUMBER, .min = 0, .max = 1, .def = "0",
     .help = N_("the L2 regularization rate")},
    {.name = "dropout", .type = PARAM_NUMBER, .min = 0, .max = 0.9, .def = "0",
     .help = N_("the probability of dropping a hidden neuron while training")},
    {.name = "init", .type = PARAM_CHOICE, .def = "auto",
     .choices = "auto|uniform|normal|xavier-uniform|xavier-normal|he-uniform|he-normal|zeros",
     .help = N_("the initial weights (auto: He for the ReLU family, Xavier otherwise)")},
    {.name = "early_stop", .type = PARAM_BOOL, .def = "no",
     .help = N_("stop once the test loss stops improving and put its best weights back (e)")},
    {.name = "goal_accuracy", .type = PARAM_NUMBER, .min = 0, .max = 1,
     .help = N_("the test accuracy that wins (with max_neurons)")},
    {.name = "max_neurons", .type = PARAM_INT, .min = 1, .max = 96,
     .help = N_("the most hidden neurons a winning net may have")},
};

static const OutputSpec outputs[] = {
    {"accuracy", DATA_SCALAR, N_("the test accuracy")},
    {"model", DATA_MODEL, N_("the network as trained so far")},
};

static const KindKey keys[] = {
    {"Space Enter", N_("train or pause")},
    {"s", N_("one epoch")},
    {"r R D", N_("reset; new starting weights; new points")},
    {"+ = - _", N_("learning rate up, down")},
    {"< > , .", N_("slower, faster")},
    {"l L h", N_("add, remove, pick a hidden layer")},
    {"[ ]", N_("fewer, more neurons in it")},
    {"a", N_("its activation")},
    {"d n t", N_("dataset, noise, train/test split")},
    {"o b c", N_("optimizer, batch, loss")},
    {"1 2 x i", N_("L1, L2, dropout, initializer")},
    {"e B", N_("early stop; best weights back")},
    {"v", N_("the chart shown")},
    {"p", N_("place points: arrows move, 0-9 drop, p ends")},
    {"Up Down Left Right Esc", N_("while placing points")},
};

const WidgetKind trainer_kind = {
    .schema = {.name = "trainer",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a real network trained live on 2-D data: boundary, curves and controls"),
               .example = "id=brain dataset=spiral layers=8,8 goal_accuracy=0.9 max_neurons=16"},
    KIND_LIST(keys, keys),
    .ops = &trainer_ops,
    .flags = KIND_WIDE,
    .goal_param = "goal_accuracy",
};
