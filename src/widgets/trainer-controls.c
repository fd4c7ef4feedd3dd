/* trainer-controls.c: the trainer widget's keys and animation commands: play, pause,
 * an epoch, reset (same or new seeds), the learning rate, the speed, the dataset, the
 * net's shape, activation, optimizer, batch, loss, L1, L2, dropout and initializer, and
 * the chart shown. Settings that
 * change the net rebuild it (trainer_build); the rate changes the run live.
 * Must not own the loop, navigate or write files. */
#include <config.h>

#include <math.h>
#include <stddef.h>

#include "widgets/trainer.h"

/* The datasets in the order d cycles through them. */
static const DataKind cycle[] = {DATA_SPIRAL, DATA_CIRCLE,  DATA_XOR,   DATA_GAUSSIANS, DATA_MOONS,
				 DATA_CHECKER, DATA_BLOBS,  DATA_PLANE, DATA_BUMPS};
#define N_CYCLE (sizeof cycle / sizeof *cycle)

/* Learning rates + and - move between. */
static const double rates[] = {0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1,
			       0.3,    1,      3,     10,    30,   100};
#define N_RATES (sizeof rates / sizeof *rates)


/* Batch sizes b cycles through (0: the whole training set). */
static const size_t batches[] = {1, 5, 10, 25, 50, 100, 0};
#define N_BATCHES (sizeof batches / sizeof *batches)

/* Activations a cycles through. */
static const Activation acts[] = {ACT_TANH, ACT_RELU, ACT_SIGMOID, ACT_LEAKY_RELU, ACT_ELU,
				  ACT_LINEAR};
#define N_ACTS (sizeof acts / sizeof *acts)

/* Regularization rates 1 and 2 cycle through, dropout rates x does, initializers i
 * does (INIT_COUNT: by the activation). */
static const double l1s[] = {0, 0.0001, 0.001, 0.01};
static const double l2s[] = {0, 0.0001, 0.001, 0.01, 0.1};
static const double drops[] = {0, 0.1, 0.2, 0.3, 0.5};
static const InitScheme inits[] = {INIT_COUNT,      INIT_XAVIER_UNIFORM, INIT_XAVIER_NORMAL,
				   INIT_HE_UNIFORM, INIT_HE_NORMAL,      INIT_UNIFORM,
				   INIT_NORMAL,     INIT_ZEROS};
#define N_OF(a) (sizeof a / sizeof *a)

/* The value after v in table t of n (the first when v is the last or not in t). */
static double next_of(const double *t, size_t n, double v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fabs(t[i] - v) <= 1e-12)
			return t[i + 1 < n ? i + 1 : 0];
	return t[0];
}

/* The learning rate one notch up (dir 1) or down (-1) the ladder. */
static void step_rate(Brain *b, int dir)
{
	size_t i, best = 0;

	for (i = 0; i < N_RATES; i++)
		if (fabs(log(rates[i] / b->lr)) < fabs(log(rates[best] / b->lr)))
			best = i;
	if (dir > 0 && rates[best] <= b->lr * 1.0001 && best + 1 < N_RATES)
		best++;
	else if (dir < 0 && rates[best] >= b->lr * 0.9999 && best > 0)
		best--;
	b->lr = rates[best];
	b->tr.opt.cfg.lr = b->lr; /* live: the run goes on with the new rate */
	b->te.opt.cfg.lr = b->lr;
}

unsigned trainer_controls_key(Instance *in, const Key *k)
{
	Brain *b = in->state;
	bool rebuild = false;
	size_t i;

	if (key_is_char(k, ' ') || k->code == K_ENTER) {
		if (b->mode == BRAIN_RUNNING)
			b->mode = BRAIN_PAUSED;
		else if (b->mode == BRAIN_PAUSED)
			b->mode = BRAIN_RUNNING;
	} else if (key_is_char(k, 's')) { /* one epoch, paused */
		if (b->mode == BRAIN_RUNNING)
			b->mode = BRAIN_PAUSED;
		trainer_train(in, b->train.n);
	} else if (key_is_char(k, 'r')) {
		rebuild = true;
	} else if (key_is_char(k, 'R')) { /* new starting weights, the same data */
		b->init_seed++;
		rebuild = true;
	} else if (key_is_char(k, 'D')) { /* new points (and split), the same weights' seed */
		b->data_seed++;
		rebuild = true;
	} else if (key_is_char(k, '+') || key_is_char(k, '=')) {
		step_rate(b, 1);
	} else if (key_is_char(k, '-') || key_is_char(k, '_')) {
		step_rate(b, -1);
	} else if (key_is_char(k, 'd')) {
		for (i = 0; i < N_CYCLE && cycle[i] != b->kind; i++)
			;
		b->kind = cycle[i + 1 < N_CYCLE ? i + 1 : 0];
		rebuild = true;
	} else if (key_is_char(k, ']') || key_is_char(k, '[')) { /* neurons per layer */
		int d = key_is_char(k, ']') ? 1 : -1, l;
		for (l = 0; l < b->nhidden; l++) {
			int v = b->hidden[l] + d;
			b->hidden[l] = v < 1 ? 1 : v > BRAIN_MAX_WIDTH ? BRAIN_MAX_WIDTH : v;
		}
		rebuild = true;
	} else if (key_is_char(k, 'l')) { /* one hidden layer more */
		if (b->nhidden < BRAIN_MAX_HIDDEN) {
			b->hidden[b->nhidden] = b->nhidden ? b->hidden[b->nhidden - 1] : 4;
			b->acts[b->nhidden] = b->acts[b->nhidden ? b->nhidden - 1 : 0];
			b->nhidden++;
		}
		rebuild = true;
	} else if (key_is_char(k, 'L')) {
		if (b->nhidden > 0)
			b->nhidden--;
		rebuild = true;
	} else if (key_is_char(k, 'a')) {
		int l;
		for (i = 0; i < N_ACTS && acts[i] != b->acts[0]; i++)
			;
		for (l = 0; l < BRAIN_MAX_HIDDEN; l++)
			b->acts[l] = acts[i + 1 < N_ACTS ? i + 1 : 0];
		rebuild = true;
	} else if (key_is_char(k, '>') || key_is_char(k, '.')) {
		if (b->speed + 1 < trainer_nspeeds)
			b->speed++;
		b->owed = 0;
	} else if (key_is_char(k, '<') || key_is_char(k, ',')) {
		if (b->speed > 0)
			b->speed--;
		b->owed = 0;
	} else if (key_is_char(k, 'b')) {
		for (i = 0; i < N_BATCHES && batches[i] != b->batch; i++)
			;
		b->batch = batches[i + 1 < N_BATCHES ? i + 1 : 0];
		rebuild = true;
	} else if (key_is_char(k, '1') || key_is_char(k, '2')) { /* live, like the rate */
		if (key_is_char(k, '1'))
			b->l1 = next_of(l1s, N_OF(l1s), b->l1);
		else
			b->l2 = next_of(l2s, N_OF(l2s), b->l2);
		b->tr.opt.cfg.l1 = b->te.opt.cfg.l1 = b->l1;
		b->tr.opt.cfg.l2 = b->te.opt.cfg.l2 = b->l2;
	} else if (key_is_char(k, 'x')) {
		b->dropout = next_of(drops, N_OF(drops), b->dropout);
		rebuild = true;
	} else if (key_is_char(k, 'i')) {
		for (i = 0; i < N_OF(inits) && inits[i] != b->init; i++)
			;
		b->init = inits[i + 1 < N_OF(inits) ? i + 1 : 0];
		rebuild = true;
	} else if (key_is_char(k, 'v')) {
		b->chart = (BrainChart)((b->chart + 1) % BRAIN_CHART_COUNT);
		if (b->chart == BRAIN_CHART_ACC && !b->classes) /* regression: no accuracy */
			b->chart = BRAIN_CHART_NET;
	} else if (key_is_char(k, 'c')) {
		b->loss = b->loss == LOSS_CE ? LOSS_MSE : LOSS_CE;
		rebuild = true;
	} else if (key_is_char(k, 'o')) {
		b->optim = b->optim == OPTIM_ADAM       ? OPTIM_SGD
			   : b->optim == OPTIM_SGD      ? OPTIM_MOMENTUM
							: OPTIM_ADAM;
		rebuild = true;
	} else {
		return WIDGET_IGNORED;
	}
	if (rebuild) {
		if (b->mode == BRAIN_DIVERGED || b->mode == BRAIN_FAILED)
			b->mode = BRAIN_PAUSED;
		trainer_build(b);
		trainer_judge(in, b);
	}
	in->animating = b->mode == BRAIN_RUNNING;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

void trainer_controls_animate(Instance *in, AnimCommand cmd, double arg)
{
	Brain *b = in->state;

	(void)arg;
	if (b->mode == BRAIN_FAILED)
		return;
	switch (cmd) {
	case ANIM_PLAY:
		if (b->mode == BRAIN_PAUSED)
			b->mode = BRAIN_RUNNING;
		break;
	case ANIM_PAUSE:
		if (b->mode == BRAIN_RUNNING)
			b->mode = BRAIN_PAUSED;
		break;
	case ANIM_STEP:
		if (b->mode == BRAIN_RUNNING)
			b->mode = BRAIN_PAUSED;
		trainer_train(in, b->train.n);
		break;
	case ANIM_REPLAY:
		b->mode = BRAIN_RUNNING;
		trainer_build(b);
		break;
	case ANIM_SPEED:
		break;
	}
	in->animating = b->mode == BRAIN_RUNNING;
}

void trainer_controls_anim_state(const Instance *in, AnimState *st)
{
	const Brain *b = in->state;

	st->playing = b->mode == BRAIN_RUNNING;
	st->step = b->built ? (int)(b->tr.examples / b->train.n) : 0;
	st->steps = 0;
	st->speed = 0;
}
