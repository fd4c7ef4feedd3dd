/* relay.c: Forward-Pass Relay, a game. Each round fixes the weights of a network of two
 * inputs, 1 to 6 hidden neurons and one output; the learner chooses how many hidden
 * neurons run and sets both inputs, then fires: the real forward pass (src/nn's dense
 * and activation layers) runs as a wave, input, hidden, output, and an output above 0.5
 * turns gold and wins the round. Rounds, the win and the best game (fewest shots) are
 * kept in progress. Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "nn/dense.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"
#include "widgets/play/relay.h"

#define SUBSTEPS 6 /* positions of the wave's front drawn per layer gap */

double relay_forward(const Relay *s, const RelayRound *rd, int H, const double x[2], double *h)
{
	double y;

	dense_forward(h, x, &rd->w[0][0], rd->b, 1, 2, (size_t)H); /* W x + b */
	act_forward(h, h, (size_t)H, s->act);
	dense_forward(&y, h, rd->v, &rd->c, 1, (size_t)H, 1); /* v.h + c */
	act_forward(&y, &y, 1, ACT_SIGMOID);
	return y;
}

/* The output for what the learner has set now. */
static double output_now(const Relay *s)
{
	double h[RELAY_MAX_H];

	return relay_forward(s, &s->rounds[s->round], s->hidden, s->x, h);
}

/* x clamped to the range and put on the grid of steps. */
static double on_grid(const Relay *s, double x)
{
	x = round(x / s->step) * s->step;
	return x < s->lo ? s->lo : x > s->hi ? s->hi : x;
}

/* Round r as the lesson gives it: four numbers per neuron (from x1, from x2, bias, to
 * the output), the last neuron given repeating for the rest, and missing numbers 0. */
static void read_round(const Instance *in, int r, RelayRound *rd, double c)
{
	double nums[4 * RELAY_MAX_H];
	char key[16];
	size_t n, given, j, src;

	snprintf(key, sizeof key, "round%d", r + 1);
	n = widget_nums(in, key, nums, 4 * RELAY_MAX_H);
	n = n > 4 * RELAY_MAX_H ? 4 * RELAY_MAX_H : n;
	given = n ? (n + 3) / 4 : 1;
	for (j = 0; j < RELAY_MAX_H; j++) {
		src = (j < given ? j : given - 1) * 4;
		rd->w[j][0] = src < n ? nums[src] : 0;
		rd->w[j][1] = src + 1 < n ? nums[src + 1] : 0;
		rd->b[j] = src + 2 < n ? nums[src + 2] : 0;
		rd->v[j] = src + 3 < n ? nums[src + 3] : 0;
	}
	rd->c = c;
}

/* A round starts with the starting number of hidden neurons and both inputs at 0. */
static void start_round(Relay *s)
{
	s->hidden = s->start_h;
	s->x[0] = on_grid(s, 0);
	s->x[1] = on_grid(s, 0);
	s->sel = 0;
	s->shot = SHOT_NONE;
	s->pos = 0;
	s->cleared = false;
}

static int relay_init(Instance *in)
{
	Relay *s = calloc(1, sizeof *s);
	double cs[RELAY_MAX_ROUNDS];
	size_t nc;
	char key[16];
	int r;

	if (!s)
		return -1;
	netdiag_init(&s->nd);
	if (!visual_act(widget_str(in, "activation", "sigmoid"), &s->act))
		s->act = ACT_SIGMOID;
	if (!widget_range(in, "range", &s->lo, &s->hi) || !(s->lo < s->hi))
		s->lo = -4, s->hi = 4;
	s->step = widget_num(in, "step", 0.5);
	if (!(s->step > 0))
		s->step = 0.5;
	s->speed = widget_num(in, "speed", 2);
	if (!(s->speed > 0))
		s->speed = 2;
	s->start_h = (int)widget_num(in, "hidden", 1);
	s->start_h = s->start_h < 1 ? 1 : s->start_h > RELAY_MAX_H ? RELAY_MAX_H : s->start_h;
	nc = widget_nums(in, "out_bias", cs, RELAY_MAX_ROUNDS);
	for (r = 0; r < RELAY_MAX_ROUNDS; r++) {
		snprintf(key, sizeof key, "round%d", r + 1);
		if (r > 0 && widget_nums(in, key, NULL, 0) == 0)
			break; /* the rounds given, up to the first missing */
		read_round(in, r, &s->rounds[r], nc == 0 ? 0 : cs[(size_t)r < nc ? (size_t)r : nc - 1]);
		s->nrounds = r + 1;
	}
	/* The canvas for the widest slot, so drawing does not allocate. */
	if (canvas_reshape(&s->nd.cv, 0, 0, 80, RELAY_DIAG_ROWS, CANVAS_BRAILLE) != 0) {
		netdiag_free(&s->nd);
		free(s);
		return -1;
	}
	start_round(s);
	in->state = s;
	return 0;
}

static void relay_free(Instance *in)
{
	Relay *s = in->state;

	netdiag_free(&s->nd);
	free(s);
}

/* The wave reached the output: above 0.5 wins the round, and the last round the game. */
static void land(Instance *in, Relay *s)
{
	s->shot = SHOT_LANDED;
	s->pos = 2;
	if (s->cleared || !(output_now(s) > 0.5))
		return;
	s->cleared = true;
	s->score++;
	if (s->round + 1 < s->nrounds || s->won)
		return;
	s->won = true;
	if (s->best == 0 || s->shots < s->best)
		s->best = s->shots;
	in->done = true;
}

static bool relay_tick(Instance *in, double dt)
{
	Relay *s = in->state;
	double before = floor(s->pos * SUBSTEPS);

	if (s->shot != SHOT_FLYING || !(dt > 0)) {
		in->animating = s->shot == SHOT_FLYING;
		return false;
	}
	s->pos += dt * s->speed;
	if (s->pos >= 2)
		land(in, s);
	in->animating = s->shot == SHOT_FLYING;
	return floor(s->pos * SUBSTEPS) != before || s->shot == SHOT_LANDED;
}

/* Something the learner sets changed: the last shot no longer shows it. */
static unsigned changed(Instance *in, Relay *s)
{
	s->shot = SHOT_NONE;
	s->pos = 0;
	in->animating = false;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static unsigned relay_key(Instance *in, const Key *k)
{
	Relay *s = in->state;
	RelayNote note = s->note;

	s->note = NOTE_NONE;
	if (k->code == K_ENTER || key_is_char(k, 'f')) {
		if (!s->won)
			s->shots++;
		s->shot = SHOT_FLYING;
		s->pos = 0;
		in->animating = true;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, '+') || key_is_char(k, '-')) {
		int h = s->hidden + (key_is_char(k, '+') ? 1 : -1);
		if (h < 1 || h > RELAY_MAX_H)
			return WIDGET_HANDLED | (note ? WIDGET_REDRAW : 0);
		s->hidden = h;
		return changed(in, s);
	}
	if (k->code == K_LEFT || k->code == K_RIGHT) {
		s->sel = k->code == K_RIGHT;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_UP || k->code == K_DOWN) {
		double x = on_grid(s, s->x[s->sel] + (k->code == K_UP ? s->step : -s->step));
		if (x == s->x[s->sel])
			return WIDGET_HANDLED | (note ? WIDGET_REDRAW : 0);
		s->x[s->sel] = x;
		return changed(in, s);
	}
	if (key_is_char(k, 'n')) {
		if (!s->cleared || s->round + 1 >= s->nrounds) {
			s->note = s->cleared ? NOTE_LAST : NOTE_NOT_YET;
			return WIDGET_HANDLED | WIDGET_REDRAW;
		}
		s->round++;
		start_round(s);
		return changed(in, s);
	}
	if (key_is_char(k, 'r')) {
		s->round = s->score = s->shots = 0;
		s->won = false;
		start_round(s);
		return changed(in, s);
	}
	return WIDGET_IGNORED;
}

/* "score": the rounds won; "output": the output y for the settings now. */
static bool relay_output(const Instance *in, const char *name, Data *out)
{
	const Relay *s = in->state;

	out->scalar = strcmp(name, "output") == 0 ? output_now(s) : s->score;
	out->v = &out->scalar;
	out->n = 1;
	memcpy(&out->version, &out->scalar, sizeof out->version);
	return true;
}

static bool relay_value(const Instance *in, double *out)
{
	*out = ((const Relay *)in->state)->score;
	return true;
}

/* The game as it stands: the round, whether it is won, the score and shots, the win and
 * the best game, and what the learner set in the round: the hidden neurons, the input
 * chosen and both inputs (counted in steps, so they come back exact). */
static void relay_save(const Instance *in, const Store *st)
{
	const Relay *s = in->state;

	if (in->done)
		st->set(st->ctx, "won", "1");
	if (s->best > 0)
		store_put_int(st, "best", s->best);
	store_put_int(st, "round", s->round);
	store_put_int(st, "cleared", s->cleared);
	store_put_int(st, "score", s->score);
	store_put_int(st, "shots", s->shots);
	store_put_int(st, "hidden", s->hidden);
	store_put_int(st, "sel", s->sel);
	store_put_int(st, "x1", (int)lround(s->x[0] / s->step));
	store_put_int(st, "x2", (int)lround(s->x[1] / s->step));
}

static void relay_restore(Instance *in, const Store *st)
{
	Relay *s = in->state;
	const char *won = st->get(st->ctx, "won");
	int i;

	s->best = store_get_int(st, "best", 1, 1 << 30, 0);
	s->round = store_get_int(st, "round", 0, s->nrounds - 1, 0);
	s->cleared = store_get_int(st, "cleared", 0, 1, 0) == 1;
	s->score = store_get_int(st, "score", 0, s->nrounds, 0);
	s->shots = store_get_int(st, "shots", 0, 1 << 30, 0);
	s->hidden = store_get_int(st, "hidden", 1, RELAY_MAX_H, s->hidden);
	s->sel = store_get_int(st, "sel", 0, 1, s->sel);
	for (i = 0; i < 2; i++) /* on_grid keeps a hostile count in the range */
		s->x[i] = on_grid(s, store_get_int(st, i ? "x2" : "x1", -(1 << 20), 1 << 20,
						   (int)lround(s->x[i] / s->step)) * s->step);
	s->won = s->cleared && s->round + 1 == s->nrounds;
	if (won && strcmp(won, "1") == 0)
		in->done = true;
}

static const WidgetOps relay_ops = {
    .init = relay_init,
    .free = relay_free,
    .height = relay_height,
    .draw = relay_draw,
    .key = relay_key,
    .tick = relay_tick,
    .save = relay_save,
    .restore = relay_restore,
    .value = relay_value,
    .output = relay_output,
};

#define ROUND_HELP                                                                                 \
	N_("a later round's hidden neurons, as round1 gives them")

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "round1", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 4 * RELAY_MAX_H, .required = true,
     .help = N_("the first round's hidden neurons, four numbers each: the weights from x1 and " "x2, the bias, the weight to the output (1 to 6 neurons; the last one given " "repeats for the rest)")},
    {.name = "round2", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 4 * RELAY_MAX_H, .needs = "round1", .help = ROUND_HELP},
    {.name = "round3", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 4 * RELAY_MAX_H, .needs = "round2", .help = ROUND_HELP},
    {.name = "round4", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 4 * RELAY_MAX_H, .needs = "round3", .help = ROUND_HELP},
    {.name = "round5", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 4 * RELAY_MAX_H, .needs = "round4", .help = ROUND_HELP},
    {.name = "round6", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 4 * RELAY_MAX_H, .needs = "round5", .help = ROUND_HELP},
    {.name = "out_bias", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = RELAY_MAX_ROUNDS, .def = "0",
     .help = N_("the output's bias c in each round (the last one given repeats)")},
    {.name = "activation", .type = PARAM_CHOICE, .def = "sigmoid", .choices = ACTIVATIONS,
     .help = N_("the hidden layer's activation (the output is always the sigmoid)")},
    {.name = "range", .type = PARAM_RANGE, .min = -100, .max = 100, .def = "-4..4",
     .help = N_("the values the inputs may take")},
    {.name = "step", .type = PARAM_NUMBER, .min = 0.01, .max = 10, .def = "0.5",
     .help = N_("how far Up and Down move an input")},
    {.name = "hidden", .type = PARAM_INT, .min = 1, .max = RELAY_MAX_H, .def = "1",
     .help = N_("the hidden neurons each round starts with")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 0.1, .max = 10, .def = "2",
     .help = N_("layers per second while a shot runs")},
};

static const OutputSpec outputs[] = {
    {"score", DATA_SCALAR, N_("the rounds won")},
    {"output", DATA_SCALAR, N_("the output for the settings now")},
};

static const KindKey keys[] = {
    {"Enter f", N_("fire")},
    {"+ -", N_("more or fewer hidden neurons")},
    {"Left Right", N_("choose an input")},
    {"Up Down", N_("change it")},
    {"n", N_("next round")},
    {"r", N_("start again")},
};

const WidgetKind relay_kind = {
    .schema = {.name = "relay",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a game: fire inputs through a network and turn its output gold"),
               .example = "id=relay round1=1,1,0,2 round2=-1,0,-2,2 out_bias=-1"},
    KIND_LIST(keys, keys),
    .ops = &relay_ops,
    .flags = KIND_GOAL,
};
