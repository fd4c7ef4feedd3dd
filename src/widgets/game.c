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

#include "draw/box.h"
#include "nls.h"
#include "nn/rng.h"
#include "widgets/controls.h"
#include "widgets/visual.h"

#define MAX_ROUNDS 100

typedef enum { GATE_AND, GATE_OR, GATE_NAND, GATE_NOR, GATE_XOR, GATE_COUNT } Gate;

static const char *const gate_names[GATE_COUNT] = {"AND", "OR", "NAND", "NOR", "XOR"};

typedef enum {
	FB_NONE,
	FB_HIT,    /* a round won */
	FB_MISS,   /* checked, not there yet */
	FB_WON,    /* every round won */
	FB_XOR,    /* XOR chosen: no single neuron can */
	FB_AGAIN,  /* this gate is solved already: choose another */
	FB_NOWATCH /* the watched widget has no value */
} Feedback;

typedef struct {
	bool gate_mode;
	const char *goal, *watch, *gate_from;
	double margin, lo, hi;
	int rounds;
	uint64_t seed;
	double start; /* the watched value the first round started from (NaN: none) */
	double targets[MAX_ROUNDS];
	Gate gates[GATE_COUNT]; /* gate=: the gate of round i is gates[i % ngates] */
	int ngates;
	unsigned solved; /* gate_from: a bit per gate solved */
	int round;       /* the round being played, 0-based; rounds once won */
	int score;       /* rounds won */
	int tries;       /* checks in this game */
	int best;        /* fewest checks of a won game; 0: none yet */
	bool won;
	Feedback fb;
	double fb_value;   /* the miss: how far off (target) or rows right (gate) */
	double fb_seen[5]; /* the hit: what the controls gave then (see seen()) */
} Game;

static bool gate_row(Gate g, int a, int b)
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
static double watched(const Instance *in, const Game *s)
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
	make_targets(in, s, s->gate_mode ? NAN : watched(in, s));
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
static Gate current_gate(const Instance *in, const Game *s)
{
	Gate g;
	int r = s->round < s->rounds ? s->round : s->rounds - 1;

	if (s->gate_from && gate_of(visual_choice_word(in->scene, s->gate_from), &g))
		return g;
	return s->gates[r % s->ngates];
}

/* The watched widget's outputs for the truth table's rows (0,0) (0,1) (1,0) (1,1). */
static bool table(const Instance *in, const Game *s, double y[4])
{
	Instance *w = scene_find(in->scene, s->watch);
	int i;

	for (i = 0; i < 4; i++) {
		double x[2] = {i / 2, i % 2};
		if (!visual_eval(w, x, 2, &y[i]))
			return false;
	}
	return true;
}

static int rows_right(Gate g, const double y[4])
{
	int i, n = 0;

	for (i = 0; i < 4; i++)
		n += gate_row(g, i / 2, i % 2) ? y[i] > 0.5 : y[i] < 0.5;
	return n;
}

/* What the watched widget gives now, to tell whether anything moved since: its value
 * (target), or its four rows and the gate (gate). */
static void seen(const Instance *in, const Game *s, double out[5])
{
	memset(out, 0, 5 * sizeof *out);
	if (s->gate_mode) {
		if (!table(in, s, out))
			out[0] = NAN;
		out[4] = current_gate(in, s);
	} else {
		out[0] = watched(in, s);
	}
}

static bool seen_same(const Instance *in, const Game *s, const double was[5])
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
	if (!table(in, s, y)) {
		s->fb = FB_NOWATCH;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	s->tries++;
	if (current_gate(in, s) == GATE_XOR) {
		s->fb = FB_XOR;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (rows_right(current_gate(in, s), y) < 4) {
		s->fb = FB_MISS;
		s->fb_value = rows_right(current_gate(in, s), y);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (s->gate_from) {
		unsigned bit = 1u << current_gate(in, s);
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
	double v = watched(in, s);

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

/* "Round 2 of 3   score 1   best 4 checks" or the win. */
static void status_line(const Game *s, char *out, size_t size)
{
	size_t len;

	if (s->won)
		len = (size_t)snprintf(out, size, _("Won: %d of %d"), s->score, s->rounds);
	else
		len = (size_t)snprintf(out, size, _("Round %d of %d   score %d"), s->round + 1,
				       s->rounds, s->score);
	if (s->won && len < size)
		len += (size_t)snprintf(
		    out + len, size - len,
		    ngettext(" in %d check", " in %d checks", (unsigned long)s->tries), s->tries);
	if (s->best > 0 && len < size)
		snprintf(out + len, size - len,
			 ngettext("   best %d check", "   best %d checks", (unsigned long)s->best),
			 s->best);
}

/* Whether a check now would win the round. */
static bool live_right(const Instance *in, const Game *s)
{
	double v, y[4];
	Gate g = current_gate(in, s);

	if (s->gate_mode)
		return g != GATE_XOR && table(in, s, y) && rows_right(g, y) == 4 &&
		       !(s->gate_from && (s->solved & (1u << g)));
	return scene_value(in->scene, s->watch, &v) && isfinite(v) &&
	       fabs(v - s->targets[s->round]) <= s->margin + 1e-9;
}

/* Whether the last check's message still holds for what the controls show now. */
static bool feedback_holds(const Instance *in, const Game *s)
{
	double v, y[4];
	Gate g = current_gate(in, s);

	switch (s->fb) {
	case FB_MISS:
		if (s->gate_mode)
			return table(in, s, y) && rows_right(g, y) == (int)s->fb_value;
		return scene_value(in->scene, s->watch, &v) &&
		       v - s->targets[s->round] == s->fb_value;
	case FB_HIT: /* until the controls move for the next round */
		return seen_same(in, s, s->fb_seen);
	case FB_XOR:
		return g == GATE_XOR;
	case FB_AGAIN:
		return (s->solved & (1u << g)) != 0;
	default:
		return true;
	}
}

/* The decimals to show a distance d with: digits, or more when those would round a
 * miss onto the margin ("0.10 too high" for 0.1002 beside "± 0.1"). */
static int decimals(double d, double margin, int digits)
{
	while (d > margin + 1e-9 && digits < 6 &&
	       round(d * pow(10, digits)) / pow(10, digits) <= margin + 1e-9)
		digits++;
	return digits;
}

static void feedback(const Instance *in, const Game *s, char *out, size_t size, Style *st,
		     Caps caps)
{
	char num[32];

	*st = STYLE_NORMAL;
	switch (feedback_holds(in, s) ? s->fb : FB_NONE) {
	case FB_HIT:
		*st = STYLE_GOOD;
		snprintf(out, size, "%s",
			 s->gate_mode ? _("Right on every row! Next round.")
				      : _("Hit! A new target for the next round."));
		break;
	case FB_WON:
		*st = STYLE_GOOD;
		snprintf(out, size, "%s", _("You won the game."));
		break;
	case FB_MISS:
		*st = STYLE_WARN;
		if (s->gate_mode) {
			snprintf(out, size, _("Not yet: %d of 4 rows right."), (int)s->fb_value);
		} else {
			visual_fixed(num, sizeof num, fabs(s->fb_value),
				     decimals(fabs(s->fb_value), s->margin, 2), caps);
			snprintf(out, size,
				 s->fb_value > 0 ? _("Not yet: %s too high.")
						 : _("Not yet: %s too low."),
				 num);
		}
		break;
	case FB_XOR:
		*st = STYLE_WARN;
		snprintf(out, size, "%s",
			 _("No single neuron can do XOR: no line splits its rows."));
		break;
	case FB_AGAIN:
		*st = STYLE_WARN;
		snprintf(out, size, "%s", _("Solved already: choose another gate."));
		break;
	case FB_NOWATCH:
		*st = STYLE_BAD;
		snprintf(out, size, _("'%s' gives no value to judge."), s->watch ? s->watch : "?");
		break;
	default:
		if (!s->won && live_right(in, s)) {
			*st = STYLE_GOOD;
			snprintf(out, size, "%s", _("That does it: check to lock it in."));
		} else {
			snprintf(out, size, "%s", _("Set the controls, then check."));
		}
	}
}

/* The number line from a to b with the target zone and the output marker. */
static void track(const Game *s, Grid *g, int x, int y, int w, double v, Caps caps)
{
	double t = s->targets[s->round < s->rounds ? s->round : s->rounds - 1];
	double a = s->lo < 0 ? s->lo : 0, b = s->hi > 1 ? s->hi : 1;
	char lo[16], hi[16];
	int i, l0, l1, tw, pos = -1;

	visual_num(lo, sizeof lo, a, 2, caps);
	visual_num(hi, sizeof hi, b, 2, caps);
	x += grid_str(g, x, y, lo, STYLE_DIM) + 1;
	tw = w - (int)strlen(lo) - (int)strlen(hi) - 2;
	if (tw < 5)
		return;
	l0 = (int)lround((t - s->margin - a) / (b - a) * (tw - 1));
	l1 = (int)lround((t + s->margin - a) / (b - a) * (tw - 1));
	if (isfinite(v))
		pos = (int)lround((control_clamp(v, a, b) - a) / (b - a) * (tw - 1));
	for (i = 0; i < tw; i++) {
		bool zone = i >= l0 && i <= l1;
		if (i == pos)
			grid_str(g, x + i, y, caps.unicode ? "●" : "o",
				 fabs(v - t) <= s->margin + 1e-9 ? STYLE_GOOD : STYLE_ACCENT);
		else
			grid_str(g, x + i, y,
				 zone ? (caps.unicode ? "━" : "=") : (caps.unicode ? "─" : "-"),
				 zone ? STYLE_GOOD : STYLE_DIM);
	}
	grid_str(g, x + tw + 1, y, hi, STYLE_DIM);
}

static void draw_target(const Instance *in, const Game *s, Grid *g, int x, int y, int w, Caps caps)
{
	double v = NAN, t = s->targets[s->round < s->rounds ? s->round : s->rounds - 1];
	char line[200], ts[32], ms[32], vs[32], ds[32];
	bool have = scene_value(in->scene, s->watch, &v) && isfinite(v);

	track(s, g, x, y, w, have ? v : NAN, caps);
	visual_fixed(ts, sizeof ts, t, 2, caps);
	visual_num(ms, sizeof ms, s->margin, 3, caps);
	visual_fixed(vs, sizeof vs, v, 3, caps);
	visual_fixed(ds, sizeof ds, fabs(v - t), decimals(fabs(v - t), s->margin, 3), caps);
	snprintf(line, sizeof line, _("target %s %s %s   now %s   off by %s"), ts,
		 caps.unicode ? "±" : "+-", ms, have ? vs : "?", have ? ds : "?");
	grid_text(g, x, y + 1, line, strlen(line), w,
		  have && fabs(v - t) <= s->margin + 1e-9 ? STYLE_GOOD : STYLE_NORMAL);
}

static void draw_gate(const Instance *in, const Game *s, Grid *g, int x, int y, int w, Caps caps)
{
	Gate gate = current_gate(in, s);
	double out[4];
	bool have = table(in, s, out);
	char line[200], num[32];
	int i;

	snprintf(line, sizeof line, _("Gate %s   %d of 4 rows right"), gate_names[gate],
		 have ? rows_right(gate, out) : 0);
	if (gate == GATE_XOR)
		snprintf(line, sizeof line, "%s", _("Gate XOR: impossible for a single neuron"));
	grid_text(g, x, y, line, strlen(line), w, gate == GATE_XOR ? STYLE_WARN : STYLE_BOLD);
	/* Columns: x1, x2, the wanted output, the neuron's output, the mark. */
	grid_str(g, x, y + 1, caps.unicode ? "x₁" : "x1", STYLE_DIM);
	grid_str(g, x + 4, y + 1, caps.unicode ? "x₂" : "x2", STYLE_DIM);
	grid_str(g, x + 8, y + 1, _("want"), STYLE_DIM);
	grid_str(g, x + 15, y + 1, _("output"), STYLE_DIM);
	for (i = 0; i < 4; i++) {
		bool want = gate_row(gate, i / 2, i % 2);
		bool right = have && (want ? out[i] > 0.5 : out[i] < 0.5);
		bool near = have && fabs(out[i] - 0.5) < s->margin;
		Style st = right ? STYLE_BOLD : STYLE_NORMAL;
		int row = y + 2 + i;
		visual_fixed(num, sizeof num, out[i], 3, caps);
		snprintf(line, sizeof line, "%d", i / 2);
		grid_str(g, x, row, line, st);
		snprintf(line, sizeof line, "%d", i % 2);
		grid_str(g, x + 4, row, line, st);
		grid_str(g, x + 8, row, want ? "1" : "0", st);
		grid_str(g, x + 15, row, have ? num : "?", st);
		if (!have)
			continue;
		/* The mark carries right and wrong in colour and in its glyph. */
		snprintf(line, sizeof line, "%s%s",
			 right ? (caps.unicode ? "✓ " : "ok ") : (caps.unicode ? "✗ " : "no "),
			 near ? _("near 0.5") : "");
		grid_text(g, x + 23, row, line, strlen(line), w - 23,
			  right ? STYLE_GOOD : STYLE_BAD);
	}
}

static void game_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	const Game *s = in->state;
	int x = r.x + 2, w = r.w - 4, y = r.y + 1;
	char line[200];
	Style st;

	box_draw(g, r.x, r.y, r.w, r.h, BOX_ROUNDED, _("Game"), focused, caps);
	grid_text(g, x, y++, s->goal, strlen(s->goal), w, STYLE_BOLD);
	status_line(s, line, sizeof line);
	grid_text(g, x, y++, line, strlen(line), w, s->won ? STYLE_GOOD : STYLE_NORMAL);
	if (s->gate_mode) {
		draw_gate(in, s, g, x, y, w, caps);
		y += 6;
	} else {
		draw_target(in, s, g, x, y, w, caps);
		y += 2;
	}
	feedback(in, s, line, sizeof line, &st, caps);
	grid_text(g, x, y, line, strlen(line), w, st);
	if (focused) {
		const char *help = _("Enter check   r start again");
		grid_text(g, x, y + 1, help, strlen(help), w, STYLE_DIM);
		*cx = x;
		*cy = y;
	}
}

static bool game_value(const Instance *in, double *out)
{
	*out = ((const Game *)in->state)->score;
	return true;
}

static void put_int(const Store *st, const char *key, int v)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", v);
	st->set(st->ctx, key, buf);
}

static int get_int(const Store *st, const char *key, int lo, int hi, int def)
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
		put_int(st, "best", s->best);
	put_int(st, "round", s->round);
	put_int(st, "score", s->score);
	put_int(st, "tries", s->tries);
	put_int(st, "solved", (int)s->solved);
	if (isfinite(s->start)) {
		char buf[32];
		snprintf(buf, sizeof buf, "%.17g", s->start);
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
	s->best = get_int(st, "best", 1, 1 << 30, 0);
	s->round = get_int(st, "round", 0, s->rounds, 0);
	s->score = get_int(st, "score", 0, s->rounds, 0);
	s->tries = get_int(st, "tries", 0, 1 << 30, 0);
	s->solved = (unsigned)get_int(st, "solved", 0, (1 << GATE_COUNT) - 1, 0);
	if (won && strcmp(won, "1") == 0)
		in->done = true;
	s->won = s->round >= s->rounds;
	if (s->won)
		s->fb = FB_WON;
}

const WidgetOps game_ops = {
    .init = game_init,
    .free = game_free,
    .height = game_height,
    .draw = game_draw,
    .key = game_key,
    .save = game_save,
    .restore = game_restore,
    .value = game_value,
};
