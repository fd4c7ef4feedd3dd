/* game-draw.c: how a game frame looks: the goal, the round and score, the feedback
 * of the last check, the target track or the truth table with its rows lit.
 * Must not change the game's state (drawing only) or own the loop. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/box.h"
#include "nls.h"
#include "widgets/controls/controls.h"
#include "widgets/play/game.h"
#include "widgets/core/visual.h"

/* "Round 2 of 3   score 1   best 4 checks" or the win. */
static void status_line(const Game *s, char *out, size_t size)
{
	size_t len;

	if (s->won)
		len = str_addf(out, size, 0, _("Won: %d of %d"), s->score, s->rounds);
	else
		len = str_addf(out, size, 0, _("Round %d of %d   score %d"), s->round + 1,
				       s->rounds, s->score);
	if (s->won)
		len = str_addf(out, size, len,
		    ngettext(" in %d check", " in %d checks", (unsigned long)s->tries), s->tries);
	if (s->best > 0)
		str_addf(out, size, len,
			 ngettext("   best %d check", "   best %d checks", (unsigned long)s->best),
			 s->best);
}

/* Whether a check now would win the round. */
static bool live_right(const Instance *in, const Game *s)
{
	double v, y[4];
	Gate g = game_current_gate(in, s);

	if (s->gate_mode)
		return g != GATE_XOR && game_table(in, s, y) && game_rows_right(g, y) == 4 &&
		       !(s->gate_from && (s->solved & (1u << g)));
	return scene_value(in->scene, s->watch, &v) && isfinite(v) &&
	       fabs(v - s->targets[s->round]) <= s->margin + 1e-9;
}

/* Whether the last check's message still holds for what the controls show now. */
static bool feedback_holds(const Instance *in, const Game *s)
{
	double v, y[4];
	Gate g = game_current_gate(in, s);

	switch (s->fb) {
	case FB_MISS:
		if (s->gate_mode)
			return game_table(in, s, y) && game_rows_right(g, y) == (int)s->fb_value;
		return scene_value(in->scene, s->watch, &v) &&
		       v - s->targets[s->round] == s->fb_value;
	case FB_HIT: /* until the controls move for the next round */
		return game_seen_same(in, s, s->fb_seen);
	case FB_XOR:
		return g == GATE_XOR && game_table(in, s, y) &&
		       game_rows_right(g, y) == (int)s->fb_value;
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
				     decimals(fabs(s->fb_value), s->margin, 2));
			snprintf(out, size,
				 s->fb_value > 0 ? _("Not yet: %s too high.")
						 : _("Not yet: %s too low."),
				 num);
		}
		break;
	case FB_XOR:
		*st = STYLE_WARN;
		snprintf(out, size,
			 _("%d of 4 rows right: no single neuron gets all four of XOR (see below)."),
			 (int)s->fb_value);
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

	visual_num(lo, sizeof lo, a, 2);
	visual_num(hi, sizeof hi, b, 2);
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
	visual_fixed(ts, sizeof ts, t, 2);
	visual_num(ms, sizeof ms, s->margin, 3);
	visual_fixed(vs, sizeof vs, v, 3);
	visual_fixed(ds, sizeof ds, fabs(v - t), decimals(fabs(v - t), s->margin, 3));
	snprintf(line, sizeof line, _("target %s %s %s   now %s   off by %s"), ts,
		 caps.unicode ? "±" : "+-", ms, have ? vs : "?", have ? ds : "?");
	grid_text(g, x, y + 1, line, strlen(line), w,
		  have && fabs(v - t) <= s->margin + 1e-9 ? STYLE_GOOD : STYLE_NORMAL);
}

static void draw_gate(const Instance *in, const Game *s, Grid *g, int x, int y, int w, Caps caps)
{
	Gate gate = game_current_gate(in, s);
	double out[4];
	bool have = game_table(in, s, out);
	char line[200], num[32];
	int i;

	snprintf(line, sizeof line, _("Gate %s   %d of 4 rows right"), gate_names[gate],
		 have ? game_rows_right(gate, out) : 0);
	grid_text(g, x, y, line, strlen(line), w, STYLE_BOLD);
	/* Columns: x1, x2, the wanted output, the neuron's output, the mark. */
	grid_str(g, x, y + 1, caps.unicode ? "x₁" : "x1", STYLE_DIM);
	grid_str(g, x + 4, y + 1, caps.unicode ? "x₂" : "x2", STYLE_DIM);
	grid_str(g, x + 8, y + 1, _("want"), STYLE_DIM);
	grid_str(g, x + 15, y + 1, _("output"), STYLE_DIM);
	for (i = 0; i < 4; i++) {
		bool want = game_gate_row(gate, i / 2, i % 2);
		bool right = have && (want ? out[i] > 0.5 : out[i] < 0.5);
		bool near = have && fabs(out[i] - 0.5) < s->margin;
		Style st = right ? STYLE_BOLD : STYLE_NORMAL;
		int row = y + 2 + i;
		visual_fixed(num, sizeof num, out[i], 3);
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

void game_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
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
