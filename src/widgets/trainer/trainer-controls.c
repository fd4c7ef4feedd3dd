/* trainer-controls.c: the trainer widget's keys and animation commands: play, pause,
 * an epoch, reset (same or new seeds), the learning rate, the speed, the dataset, its
 * noise and split, points placed with a cursor, the net's shape and each hidden
 * layer's width and activation, optimizer, batch, loss, L1, L2, dropout, initializer,
 * early stopping and the best weights, and the chart shown. Settings that change the
 * net rebuild it (trainer_build); the rate and the regularization change the run live.
 * Must not own the loop, navigate or write files. */
#include <config.h>

#include <math.h>
#include <stddef.h>

#include "widgets/trainer/trainer.h"

/* The datasets in the order d cycles through them. */
static const DataKind cycle[] = {DATA_SPIRAL, DATA_CIRCLE,  DATA_XOR,   DATA_GAUSSIANS, DATA_MOONS,
				 DATA_CHECKER, DATA_BLOBS,  DATA_PLANE, DATA_BUMPS};
#define N_CYCLE (sizeof cycle / sizeof *cycle)

/* Learning rates + and - move between. */
const double trainer_rates[] = {0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1,
				0.3,    1,      3,     10,    30,   100};
const int trainer_nrates = sizeof trainer_rates / sizeof *trainer_rates;


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
static const double noises[] = {0, 0.1, 0.2, 0.3, 0.5};
static const double ratios[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
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

double trainer_rate_step(double lr, int dir)
{
	int i, best = 0;

	for (i = 0; i < trainer_nrates; i++) /* the nearest rung, then one up or down */
		if (fabs(log(trainer_rates[i] / lr)) < fabs(log(trainer_rates[best] / lr)))
			best = i;
	if (dir > 0 && trainer_rates[best] <= lr * 1.0001 && best + 1 < trainer_nrates)
		best++;
	else if (dir < 0 && trainer_rates[best] >= lr * 0.9999 && best > 0)
		best--;
	return trainer_rates[best];
}

/* The learning rate one notch up (dir 1) or down (-1) the ladder. */
static void step_rate(Brain *b, int dir)
{
	b->lr = trainer_rate_step(b->lr, dir);
	run_tune(&b->run, b->lr, b->l1, b->l2); /* live: the run goes on with the new rate */
}

/* The hidden layers [ ] and a change: the selected one, or all. */
static int sel_first(const Brain *b)
{
	return b->sel >= 0 ? b->sel : 0;
}

static int sel_end(const Brain *b)
{
	return b->sel >= 0 ? b->sel + 1 : b->nhidden;
}

/* Placing points: arrows move the cursor over the field, a digit drops a point of
 * that class there, Backspace takes the last one back, p, Esc or Enter end it. */
static unsigned place_key(Instance *in, Brain *b, const Key *k)
{
	double x0, x1, y0, y1, dx, dy;

	trainer_bounds(b, &x0, &x1, &y0, &y1);
	dx = (x1 - x0) / 32;
	dy = (y1 - y0) / 16;
	if (k->code == K_LEFT || k->code == K_RIGHT)
		b->cur_x = fmin(x1, fmax(x0, b->cur_x + (k->code == K_LEFT ? -dx : dx)));
	else if (k->code == K_UP || k->code == K_DOWN)
		b->cur_y = fmin(y1, fmax(y0, b->cur_y + (k->code == K_DOWN ? -dy : dy)));
	else if (k->code == K_CHAR && k->ch >= '0' && k->ch <= '9' && !k->mods)
		trainer_place(in, (int)(k->ch - '0'));
	else if (k->code == K_BACKSPACE || k->code == K_DELETE)
		trainer_unplace(in);
	else if (key_is_char(k, 'p') || k->code == K_ESC || k->code == K_ENTER)
		b->placing = false;
	else
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

unsigned trainer_controls_key(Instance *in, const Key *k)
{
	Brain *b = in->state;
	bool rebuild = false;
	size_t i;

	if (b->placing && b->built && place_key(in, b, k) != WIDGET_IGNORED) {
		in->animating = b->mode == BRAIN_RUNNING;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, ' ') || k->code == K_ENTER) {
		if (b->mode == BRAIN_RUNNING)
			b->mode = BRAIN_PAUSED;
		else if (b->mode == BRAIN_PAUSED)
			b->mode = BRAIN_RUNNING;
	} else if (key_is_char(k, 's')) { /* one epoch, paused */
		if (b->mode == BRAIN_RUNNING)
			b->mode = BRAIN_PAUSED;
		trainer_train(in, b->run.train.n);
	} else if (key_is_char(k, 'r')) {
		rebuild = true;
	} else if (key_is_char(k, 'R')) { /* new starting weights, the same data */
		b->init_seed++;
		rebuild = true;
	} else if (key_is_char(k, 'D')) { /* new points (and split), the same weights' seed */
		b->data_seed++;
		trainer_own_unpin(b);
		rebuild = true;
	} else if (key_is_char(k, 'n')) {
		b->noise = next_of(noises, N_OF(noises), b->noise);
		rebuild = !b->custom;
	} else if (key_is_char(k, 't')) {
		b->ratio = next_of(ratios, N_OF(ratios), b->ratio);
		trainer_own_unpin(b);
		rebuild = true;
	} else if (key_is_char(k, 'p')) {
		b->placing = b->built;
	} else if (key_is_char(k, 'e')) {
		b->early = !b->early;
	} else if (key_is_char(k, 'B')) { /* the weights of the lowest test loss */
		if (b->built && isfinite(b->run.best_loss) && b->mode != BRAIN_DIVERGED) {
			if (b->mode == BRAIN_RUNNING)
				b->mode = BRAIN_PAUSED;
			trainer_restore_best(in); /* still the best, from that epoch */
		}
	} else if (key_is_char(k, 'h')) { /* the next hidden layer, then all of them */
		b->sel = b->sel + 1 < b->nhidden ? b->sel + 1 : -1;
	} else if (key_is_char(k, '+') || key_is_char(k, '=')) {
		step_rate(b, 1);
	} else if (key_is_char(k, '-') || key_is_char(k, '_')) {
		step_rate(b, -1);
	} else if (key_is_char(k, 'd')) { /* the next generated set (own points: leave them) */
		for (i = 0; i < N_CYCLE && cycle[i] != b->kind; i++)
			;
		if (!b->custom)
			b->kind = cycle[i + 1 < N_CYCLE ? i + 1 : 0];
		else /* back to the lesson's data, as many points as it had */
			b->points = b->goal_points;
		b->custom = false;
		b->points = b->points < 10 ? 10 : b->points > 5000 ? 5000 : b->points;
		rebuild = true;
	} else if (key_is_char(k, ']') || key_is_char(k, '[')) { /* neurons per layer */
		int d = key_is_char(k, ']') ? 1 : -1, l;
		for (l = sel_first(b); l < sel_end(b); l++) {
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
		if (b->sel >= b->nhidden)
			b->sel = -1;
		rebuild = true;
	} else if (key_is_char(k, 'a')) {
		int l, end = b->sel >= 0 ? b->sel + 1 : BRAIN_MAX_HIDDEN;
		for (i = 0; i < N_ACTS && acts[i] != b->acts[sel_first(b)]; i++)
			;
		for (l = sel_first(b); l < end; l++)
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
		run_tune(&b->run, b->lr, b->l1, b->l2);
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
	if (rebuild)
		trainer_rebuild(in, false);
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
		trainer_train(in, b->run.train.n);
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
	st->step = b->built ? (int)(b->run.tr.examples / b->run.train.n) : 0;
	st->steps = 0;
	st->speed = 0;
}
