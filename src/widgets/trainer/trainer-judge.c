/* trainer-judge.c: the trainer's verdicts: whether the lesson's goal counts for the data
 * and net it holds now (and the line that says why not), the best accuracy and the win,
 * and what to do after a divergence (a rate of the ladder found by trying it).
 * Must not own the loop, navigate or write files; allocates only to try rates. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "widgets/core/visual.h"
#include "widgets/trainer/trainer.h"

#define PROBE_EPOCHS 30    /* the trial of a rate: this many epochs from the start, */
#define PROBE_MAX_EX 10000 /* but no more examples and no more steps than these (all */
#define PROBE_MAX_STEPS 1000 /* the rates together then take a fraction of a second) */

void trainer_epoch_str(char *buf, size_t size, double epoch)
{
	snprintf(buf, size, epoch == floor(epoch) ? "%.0f" : "%.1f", epoch);
}

BrainGoalMiss trainer_goal_miss(const Brain *b)
{
	if (!(b->goal > 0) || !b->classes || !b->built)
		return BRAIN_GOAL_NONE;
	if (b->custom)
		return BRAIN_GOAL_OWN;
	if (b->kind != b->goal_kind)
		return BRAIN_GOAL_DATASET;
	if (b->noise != b->goal_noise)
		return BRAIN_GOAL_NOISE;
	if (b->ratio != b->goal_ratio)
		return BRAIN_GOAL_SPLIT;
	if (b->points != b->goal_points)
		return BRAIN_GOAL_POINTS;
	if (b->max_neurons > 0 && trainer_neurons(b) > b->max_neurons)
		return BRAIN_GOAL_NEURONS;
	return BRAIN_GOAL_COUNTS;
}

void trainer_goal_miss_text(const Brain *b, char *buf, size_t size, Caps caps)
{
	char now[32], goal[32];

	switch (trainer_goal_miss(b)) {
	case BRAIN_GOAL_OWN:
		snprintf(buf, size, "%s",
			 _("Your own points do not count for the goal: d goes back to the lesson's."));
		break;
	case BRAIN_GOAL_DATASET:
		snprintf(buf, size, _("%s does not count for the goal, only %s: d cycles back."),
			 visual_data_title(b->kind), visual_data_title(b->goal_kind));
		break;
	case BRAIN_GOAL_NOISE:
		visual_num(now, sizeof now, b->noise, 2);
		visual_num(goal, sizeof goal, b->goal_noise, 2);
		snprintf(buf, size,
			 _("Noise %s does not count for the goal, only %s: n cycles back."),
			 now, goal);
		break;
	case BRAIN_GOAL_SPLIT:
		snprintf(buf, size,
			 _("Split %.0f%% does not count for the goal, only %.0f%%: t cycles back."),
			 100 * b->ratio, 100 * b->goal_ratio);
		break;
	case BRAIN_GOAL_POINTS:
		snprintf(buf, size, _("%zu points do not count for the goal, only the lesson's %zu."),
			 b->points, b->goal_points);
		break;
	case BRAIN_GOAL_NEURONS:
		snprintf(buf, size, "%s", _("Too many neurons for the goal: press [ or L."));
		break;
	default:
		if (size)
			buf[0] = '\0';
		break;
	}
}

bool trainer_judge(Instance *in, Brain *b, double acc)
{
	if (trainer_goal_miss(b) != BRAIN_GOAL_COUNTS || !isfinite(acc))
		return false;
	if (acc > b->best)
		b->best = acc;
	if (acc < b->goal || b->won)
		return false;
	b->won = true;
	b->win_epoch = run_epoch(&b->run);
	b->win_acc = acc;
	b->at_win = true; /* paused at the win, to look at it: Space trains on */
	if (b->mode == BRAIN_RUNNING)
		b->mode = BRAIN_PAUSED;
	in->done = true; /* the player saves and completes the unit (player_tick) */
	return true;
}

void trainer_diverged(Brain *b)
{
	double ladder[32], ex;
	int i, n = 0, k;

	b->mode = BRAIN_DIVERGED;
	b->blown_lr = b->run.tr.opt.cfg.lr;
	b->suggest_lr = 0;
	for (i = trainer_nrates - 1; i >= 0 && n < (int)(sizeof ladder / sizeof *ladder); i--)
		if (trainer_rates[i] < b->blown_lr * 0.9999) /* largest first: it wins ties */
			ladder[n++] = trainer_rates[i];
	ex = fmin(fmin(PROBE_EPOCHS * (double)b->run.train.n, PROBE_MAX_EX),
		  PROBE_MAX_STEPS * (double)b->run.tr.cfg.batch);
	k = run_probe_rates(&b->run, ladder, (size_t)n, (size_t)fmax(ex, 1), NULL);
	if (k >= 0)
		b->suggest_lr = ladder[k];
}

/* Presses of - that take the rate from lr down to to (0 when it is there or below). */
static int presses(double lr, double to)
{
	int n = 0;

	while (lr > to * 1.0001 && n < 64) {
		double next = trainer_rate_step(lr, -1);
		if (!(next < lr))
			break;
		lr = next;
		n++;
	}
	return n;
}

void trainer_diverged_text(const Brain *b, char *buf, size_t size, Caps caps)
{
	const Trainer *tr = &b->run.tr;
	double loss = tr->last_loss;
	char blown[32], now[32], sug[32], ls[32], what[160], first[320], then[320];
	int n;

	if (b->mode != BRAIN_DIVERGED) {
		if (size)
			buf[0] = '\0';
		return;
	}
	visual_num(blown, sizeof blown, b->blown_lr, 4);
	visual_num(now, sizeof now, b->lr, 4);
	visual_num(sug, sizeof sug, b->suggest_lr, 5);
	if (tr->overflowed) {
		snprintf(what, sizeof what, "%s",
			 _("an update flung a weight past 1e154, out of any useful range"));
	} else if (isnan(loss)) {
		snprintf(what, sizeof what, "%s", _("the loss became NaN (not a number)"));
	} else if (isinf(loss)) {
		snprintf(what, sizeof what, "%s", _("the loss became infinite"));
	} else {
		snprintf(ls, sizeof ls, "%.3g", loss);
		snprintf(what, sizeof what, _("the loss exploded to %s"), ls);
	}
	snprintf(first, sizeof first, _("Training stopped at step %zu with learning rate %s: %s."),
		 tr->step, blown, what);
	n = presses(b->lr, b->suggest_lr);
	if (!(b->suggest_lr > 0))
		snprintf(then, sizeof then, "%s",
			 _("No smaller rate of the ladder trains from this start: try another "
			   "optimizer (o) or new starting weights (R)."));
	else if (n == 0)
		snprintf(then, sizeof then, _("The rate is now %s: press r to start again."), now);
	else if (fabs(b->lr - b->blown_lr) > 1e-12 * b->blown_lr && n == 1) /* - was pressed */
		snprintf(then, sizeof then,
			 _("The rate is now %s; from the same start %s learns best: press - once "
			   "more, then r."),
			 now, sug);
	else if (fabs(b->lr - b->blown_lr) > 1e-12 * b->blown_lr)
		snprintf(then, sizeof then,
			 _("The rate is now %s; from the same start %s learns best: press - %d more "
			   "times, then r."),
			 now, sug, n);
	else if (n == 1)
		snprintf(then, sizeof then,
			 _("From the same start, %s learns best: press - once, then r."), sug);
	else
		snprintf(then, sizeof then,
			 _("From the same start, %s learns best: press - %d times, then r."), sug, n);
	snprintf(buf, size, "%s %s", first, then);
}
