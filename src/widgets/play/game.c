/* game.c: a game frame around other widgets: a goal, rounds, a live score and a win.
 * mode=target: the watched widget's value must land within margin of each round's
 * target (drawn from a seeded generator, so a seed replays the same game; never within
 * the margin of the value the round starts from, so no round is won without a move).
 * mode=gate: the watched neuron must compute a logic gate: its real output for the
 * four rows of the truth table lights each row it gets right. Enter (or Space)
 * checks, r starts again; the best game (fewest checks) and the win are kept in
 * progress.
 * Must not own the loop or write files; judges only with values computed by src/nn. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "nn/rng.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"
#include "widgets/play/game.h"
#include "widgets/core/visual.h"

const char *const gate_names[GATE_COUNT] = {"AND", "OR", "NAND", "NOR", "XOR"};

bool game_gate_row(Gate g, int a, int b)
{
	switch (g) {
	case GATE_AND:
		return a && b;
	case GATE_OR:
		return a || b;
	case GATE_NAND:
		return !(a && b);
	case GATE_NOR:
		return !(a || b);
	default:
		return a != b;
	}
}

static bool gate_of(const char *word, Gate *g)
{
	int i;

	for (i = 0; word && i < GATE_COUNT; i++)
		if (strcmp(word, gate_names[i]) == 0) {
			*g = (Gate)i;
			return true;
		}
	return false;
}

/* Each round's target: the lesson's first, then uniform in [lo, hi] rounded to 0.01:
 * a drawn first target more than a margin from start (the value the game starts from),
 * each later one more than two margins from the one before, so more than a margin from
 * any value that just hit it (when the range allows). */
static void make_targets(Instance *in, Game *s, double start)
{
	double first = widget_num(in, "target", NAN);
	Rng r;
	int k, tries;

	s->start = start;
	rng_seed(&r, s->seed);
	for (k = 0; k < s->rounds; k++) {
		double t = 0;
		if (k == 0 && isfinite(first)) {
			s->targets[k] = first;
			continue;
		}
		for (tries = 0; tries < 64; tries++) {
			t = round(rng_range(&r, s->lo, s->hi) * 100) / 100;
			if (k > 0 ? fabs(t - s->targets[k - 1]) > 2 * s->margin
				  : !(fabs(t - start) <= s->margin + 1e-9))
				break;
		}
		s->targets[k] = t;
	}
}

/* The watched widget's value now, or NaN. */
double game_watched(const Instance *in, const Game *s)
{
	double v;

	return scene_value(in->scene, s->watch, &v) && isfinite(v) ? v : NAN;
}

static int game_init(Instance *in)
{
	Game *s = calloc(1, sizeof *s);
	size_t i, n;

	if (!s)
		return -1;
	s->gate_mode = strcmp(widget_str(in, "mode", "target"), "gate") == 0;
	s->goal = widget_str(in, "goal", "");
	s->watch = widget_str(in, "watch", NULL);
	s->gate_from = widget_str(in, "gate_from", NULL);
	s->margin = widget_num(in, "margin", 0.1);
	if (!(s->margin >= 0))
		s->margin = 0.1;
	if (!widget_range(in, "range", &s->lo, &s->hi) || !(s->lo < s->hi))
		s->lo = 0.1, s->hi = 0.9;
	s->rounds = (int)widget_num(in, "rounds", 1);
	s->rounds = s->rounds < 1 ? 1 : s->rounds > MAX_ROUNDS ? MAX_ROUNDS : s->rounds;
	n = widget_nwords(in, "gate");
	for (i = 0; i < n && s->ngates < GATE_COUNT; i++)
		if (gate_of(widget_word(in, "gate", i), &s->gates[s->ngates]))
			s->ngates++;
	if (s->ngates == 0)
		s->gates[s->ngates++] = GATE_AND;
	if (s->gate_mode && s->gate_from && s->rounds > GATE_XOR)
		s->rounds = GATE_XOR; /* four gates can be solved, XOR cannot */
	s->seed = (uint64_t)widget_num(in, "seed", 1);
	make_targets(in, s, s->gate_mode ? NAN : game_watched(in, s));
	in->state = s;
	return 0;
}

static void game_free(Instance *in)
{
	free(in->state);
}

static int game_height(const Instance *in, int width)
{
	const Game *s = in->state;

	(void)width;
	return s->gate_mode ? 12 : 8;
}

/* The gate being played: the learner's choice with gate_from, else the round's. */
Gate game_current_gate(const Instance *in, const Game *s)
{
	Gate g;
	int r = s->round < s->rounds ? s->round : s->rounds - 1;

	if (s->gate_from && gate_of(visual_choice_word(in->scene, s->gate_from), &g))
		return g;
	return s->gates[r % s->ngates];
}

/* The watched widget's outputs for the truth table's rows (0,0) (0,1) (1,0) (1,1): it
 * must publish a model of two inputs (a neuron, a network). */
bool game_table(const Instance *in, const Game *s, double y[4])
{
	Data d;
	int i;

	(void)s;
	if (!scene_data_as(in, "watch", DATA_MODEL, &d) || d.n_in != 2 || !d.eval)
		return false;
	for (i = 0; i < 4; i++) {
		double x[2] = {i / 2, i % 2};
		if (!d.eval(d.owner, x, &y[i]))
			return false;
	}
	return true;
}

int game_rows_right(Gate g, const double y[4])
{
	int i, n = 0;

	for (i = 0; i < 4; i++)
		n += game_gate_row(g, i / 2, i % 2) ? y[i] > 0.5 : y[i] < 0.5;
	return n;
}

/* What the watched widget gives now, to tell whether anything moved since: its value
 * (target), or its four rows and the gate (gate). */
static void seen(const Instance *in, const Game *s, double out[5])
{
	memset(out, 0, 5 * sizeof *out);
	if (s->gate_mode) {
		if (!game_table(in, s, out))
			out[0] = NAN;
		out[4] = game_current_gate(in, s);
	} else {
		out[0] = game_watched(in, s);
	}
}

bool game_seen_same(const Instance *in, const Game *s, const double was[5])
{
	double now[5];
	int i;

	seen(in, s, now);
	for (i = 0; i < 5; i++)
		if (!(now[i] == was[i]))
			return false;
	return true;
}

/* A round won: on to the next, or the game won. */
static unsigned win_round(Game *s)
{
	s->score++;
	s->round++;
	s->fb = FB_HIT;
	if (s->round < s->rounds)
		return WIDGET_HANDLED | WIDGET_REDRAW;
	s->won = true;
	s->fb = FB_WON;
	if (s->best == 0 || s->tries < s->best)
		s->best = s->tries;
	return WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE;
}

static unsigned check(Instance *in, Game *s)
{
	double v, y[4];

	if (s->won)
		return WIDGET_HANDLED;
	if (!s->gate_mode) {
		if (!scene_value(in->scene, s->watch, &v) || !isfinite(v)) {
			s->fb = FB_NOWATCH;
			return WIDGET_HANDLED | WIDGET_REDRAW;
		}
		s->tries++;
		if (fabs(v - s->targets[s->round]) <= s->margin + 1e-9) {
			seen(in, s, s->fb_seen);
			return win_round(s);
		}
		s->fb = FB_MISS;
		s->fb_value = v - s->targets[s->round];
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (!game_table(in, s, y)) {
		s->fb = FB_NOWATCH;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	s->tries++;
	if (game_current_gate(in, s) == GATE_XOR) { /* tried like any gate, then explained */
		s->fb = FB_XOR;
		s->fb_value = game_rows_right(GATE_XOR, y);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (game_rows_right(game_current_gate(in, s), y) < 4) {
		s->fb = FB_MISS;
		s->fb_value = game_rows_right(game_current_gate(in, s), y);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (s->gate_from) {
		unsigned bit = 1u << game_current_gate(in, s);
		if (s->solved & bit) {
			s->fb = FB_AGAIN;
			return WIDGET_HANDLED | WIDGET_REDRAW;
		}
		s->solved |= bit;
	}
	seen(in, s, s->fb_seen);
	return win_round(s);
}

/* r: the same rounds again, unless the value now sits within the margin of a drawn
 * first target: then they are drawn again from the value now. */
static void replay(Instance *in, Game *s)
{
	double v = game_watched(in, s);

	if (!s->gate_mode && !isfinite(widget_num(in, "target", NAN)) &&
	    fabs(s->targets[0] - v) <= s->margin + 1e-9)
		make_targets(in, s, v);
}

static unsigned game_key(Instance *in, const Key *k)
{
	Game *s = in->state;

	if (k->code == K_ENTER || key_is_char(k, ' '))
		return check(in, s);
	if (key_is_char(k, 'r')) {
		s->round = s->score = s->tries = 0;
		s->solved = 0;
		s->won = false;
		s->fb = FB_NONE;
		replay(in, s);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	return WIDGET_IGNORED;
}


static bool game_value(const Instance *in, double *out)
{
	*out = ((const Game *)in->state)->score;
	return true;
}

void game_store_int(const Store *st, const char *key, int v)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", v);
	st->set(st->ctx, key, buf);
}

int game_stored_int(const Store *st, const char *key, int lo, int hi, int def)
{
	const char *v = st->get(st->ctx, key);
	char *end;
	long n;

	if (!v)
		return def;
	n = strtol(v, &end, 10);
	return *end == '\0' && end != v && n >= lo && n <= hi ? (int)n : def;
}

static void game_save(const Instance *in, const Store *st)
{
	const Game *s = in->state;

	if (s->won)
		st->set(st->ctx, "won", "1");
	if (s->best > 0)
		game_store_int(st, "best", s->best);
	game_store_int(st, "round", s->round);
	game_store_int(st, "score", s->score);
	game_store_int(st, "tries", s->tries);
	game_store_int(st, "solved", (int)s->solved);
	if (isfinite(s->start)) {
		char buf[32];
		str_double(buf, sizeof buf, s->start);
		st->set(st->ctx, "start", buf);
	}
}

static void game_restore(Instance *in, const Store *st)
{
	Game *s = in->state;
	const char *won = st->get(st->ctx, "won"), *start = st->get(st->ctx, "start");
	char *end;
	double v;

	if (start && !s->gate_mode) { /* the rounds as they were drawn */
		v = strtod(start, &end);
		if (*end == '\0' && end != start && isfinite(v) && v != s->start)
			make_targets(in, s, v);
	}
	s->best = game_stored_int(st, "best", 1, 1 << 30, 0);
	s->round = game_stored_int(st, "round", 0, s->rounds, 0);
	s->score = game_stored_int(st, "score", 0, s->rounds, 0);
	s->tries = game_stored_int(st, "tries", 0, 1 << 30, 0);
	s->solved = (unsigned)game_stored_int(st, "solved", 0, (1 << GATE_COUNT) - 1, 0);
	if (won && strcmp(won, "1") == 0)
		in->done = true;
	s->won = s->round >= s->rounds;
	if (s->won)
		s->fb = FB_WON;
}

static const WidgetOps game_ops = {
    .init = game_init,
    .free = game_free,
    .height = game_height,
    .draw = game_draw,
    .key = game_key,
    .save = game_save,
    .restore = game_restore,
    .value = game_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "goal", .type = PARAM_STRING, .required = true,
     .help = N_("what the learner must reach")},
    {.name = "watch", .type = PARAM_REF, .required = true, .accepts = DATA_SCALAR | DATA_MODEL,
     .help = N_("the widget whose value is judged (mode=gate: a neuron or a 2-input network)")},
    {.name = "mode", .type = PARAM_CHOICE, .def = "target", .choices = "target|gate",
     .help = N_("target: bring the value within margin of each round's target; gate: make the " "neuron compute a logic gate, each row of its truth table lit when right")},
    {.name = "target", .type = PARAM_NUMBER, .min = -1e6, .max = 1e6,
     .help = N_("the first round's target (default: drawn from range like the later ones)")},
    {.name = "range", .type = PARAM_RANGE, .min = -1e6, .max = 1e6, .def = "0.1..0.9",
     .help = N_("where the rounds' targets are drawn from")},
    {.name = "margin", .type = PARAM_NUMBER, .min = 0, .max = 1e6, .def = "0.1",
     .help = N_("how close counts as reached (mode=gate: outputs this close to 0.5 are marked near)")},
    {.name = "rounds", .type = PARAM_INT, .min = 1, .max = 100, .def = "1",
     .help = N_("rounds to a full score")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e6, .def = "1",
     .help = N_("the seed of the targets: the same seed gives the same game")},
    {.name = "gate", .type = PARAM_WORDS, .nmin = 1, .nmax = 8, .def = "AND",
     .choices = "AND|OR|NAND|NOR|XOR",
     .help = N_("mode=gate: the gate of each round in turn (XOR can be tried like the others; " "a check says why one neuron never gets all four rows)")},
    {.name = "gate_from", .type = PARAM_REF, .accepts = DATA_TEXT,
     .help = N_("mode=gate: a choice whose option is the gate; each round needs a new gate")},
};

static const OutputSpec outputs[] = {
    {"score", DATA_SCALAR, N_("the rounds won")},
};

static const KindKey keys[] = {
    {"Space Enter", N_("check")},
    {"r", N_("start again")},
};

const WidgetKind game_kind = {
    .schema = {.name = "game",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a goal, a score and rounds around other widgets"),
               .example = "id=light goal=\"Output within 0.1 of the target\" watch=cell rounds=3"},
    KIND_LIST(keys, keys),
    .ops = &game_ops,
    .flags = KIND_GOAL,
};
