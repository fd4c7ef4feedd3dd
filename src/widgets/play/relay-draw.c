/* relay-draw.c: how the relay looks: the round and score, the network diagram with the
 * wave of a shot and a gold output (a star, and the word, without colour), the table
 * of the round's weights, the inputs and what the last shot did.
 * Must not change the game's state (drawing only) or own the loop. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/visual.h"
#include "widgets/play/relay.h"

#define SIDE_MIN   64 /* from this width the table stands beside the diagram */
#define DIAG_MAX_W 72 /* the diagram's widest */
#define MSG_ROWS   2
#define CELL_W     6 /* a number column of the table */
#define NAME_W     5 /* its first column: "h1", "(h4)" */

static bool side_by_side(int width)
{
	return width >= SIDE_MIN;
}

int relay_height(const Instance *in, int width)
{
	(void)in;
	return 1 + RELAY_DIAG_ROWS + (side_by_side(width) ? 0 : RELAY_TABLE_ROWS + 1) + 1 +
	       MSG_ROWS;
}

/* "Round 2 of 4   won 1   shots 3   best game 7" or the win. */
static void status_line(const Relay *s, char *out, size_t size)
{
	size_t len;

	if (s->won)
		len = str_addf(out, size, 0,
			       ngettext("Relay won: %d rounds in %d shot",
					"Relay won: %d rounds in %d shots", (unsigned long)s->shots),
			       s->nrounds, s->shots);
	else
		len = str_addf(out, size, 0, _("Round %d of %d   won %d   shots %d"), s->round + 1,
			       s->nrounds, s->score, s->shots);
	if (s->best > 0)
		str_addf(out, size, len,
			 ngettext("   best game %d shot", "   best game %d shots",
				  (unsigned long)s->best),
			 s->best);
}

/* One number right-aligned in a column of the table. */
static void cell(Grid *g, int x, int y, double v, Style st)
{
	char num[32];
	int n = visual_num(num, sizeof num, v, 2);

	grid_text(g, x + (n < CELL_W ? CELL_W - n : 0), y, num, (size_t)n, CELL_W, st);
}

/* The round's weights: a row per hidden neuron (those not running in brackets and
 * dim), its weights from x1 and x2, its bias b and its weight v to the output; then
 * the output's bias c. */
static void table(const Relay *s, const RelayRound *rd, Grid *g, int x, int y, int w)
{
	static const char *const heads[] = {"x1", "x2", "b", "v"};
	char line[64], num[32];
	int i, j;

	for (i = 0; i < 4; i++)
		grid_str(g, x + NAME_W + (i + 1) * CELL_W - (int)strlen(heads[i]), y, heads[i],
			 STYLE_DIM);
	for (j = 0; j < RELAY_MAX_H; j++) {
		bool on = j < s->hidden;
		Style st = on ? STYLE_NORMAL : STYLE_DIM;
		snprintf(line, sizeof line, on ? "h%d" : "(h%d)", j + 1);
		grid_text(g, x, y + 1 + j, line, strlen(line), w, on ? STYLE_BOLD : STYLE_DIM);
		cell(g, x + NAME_W, y + 1 + j, rd->w[j][0], st);
		cell(g, x + NAME_W + CELL_W, y + 1 + j, rd->w[j][1], st);
		cell(g, x + NAME_W + 2 * CELL_W, y + 1 + j, rd->b[j], st);
		cell(g, x + NAME_W + 3 * CELL_W, y + 1 + j, rd->v[j], st);
	}
	visual_num(num, sizeof num, rd->c, 2);
	snprintf(line, sizeof line, _("output bias c = %s"), num);
	grid_text(g, x, y + 1 + RELAY_MAX_H, line, strlen(line), w, STYLE_NORMAL);
}

/* "[x1 = 1.5]  x2 = 0   hidden: 3 of 6": the input Up and Down change in brackets. */
static void inputs_line(const Relay *s, char *out, size_t size)
{
	char a[32], b[32];

	visual_num(a, sizeof a, s->x[0], 2);
	visual_num(b, sizeof b, s->x[1], 2);
	snprintf(out, size, _("%sx1 = %s%s  %sx2 = %s%s   hidden: %d of %d"), s->sel ? " " : "[",
		 a, s->sel ? " " : "]", s->sel ? "[" : " ", b, s->sel ? "]" : " ", s->hidden,
		 RELAY_MAX_H);
}

/* What the shot did, or what to do. */
static void message(const Relay *s, double y, Caps caps, char *out, size_t size, Style *st)
{
	char num[32];
	size_t len;

	visual_fixed(num, sizeof num, y, 3);
	*st = STYLE_NORMAL;
	if (s->note == NOTE_NOT_YET) {
		*st = STYLE_WARN;
		snprintf(out, size, "%s", _("Win this round first: fire an output above 0.5."));
	} else if (s->note == NOTE_LAST) {
		snprintf(out, size, "%s", _("That was the last round: r plays again."));
	} else if (s->shot == SHOT_FLYING) {
		snprintf(out, size, "%s",
			 s->pos < 1 ? _("Firing: the inputs reach the hidden layer...")
				    : _("Firing: the hidden layer reaches the output..."));
	} else if (s->shot == SHOT_LANDED && y > 0.5) {
		*st = STYLE_GOOD;
		len = str_addf(out, size, 0, _("%s GOLD! y = %s is above 0.5."),
			       caps.unicode ? "★" : "*", num);
		str_addf(out, size, len, " %s",
			 s->won ? _("You won the relay.")
				: s->cleared && s->round + 1 < s->nrounds
				      ? _("Round won: n for the next round.")
				      : "");
	} else if (s->shot == SHOT_LANDED) {
		*st = STYLE_WARN;
		snprintf(out, size, _("y = %s is not above 0.5: change something and fire again."),
			 num);
	} else if (s->won) {
		snprintf(out, size, "%s", _("You won the relay. r plays again."));
	} else if (s->cleared) {
		snprintf(out, size, "%s", _("Round won: n for the next round."));
	} else {
		snprintf(out, size, "%s", _("Choose the hidden neurons and the inputs, then fire."));
	}
}

/* The diagram of the round's network: only the inputs lit before a shot, the wave
 * while it runs, every value once it landed; a gold output marked with a star. */
static void diagram(const Instance *in, Relay *s, Grid *g, int x, int y, int w, Caps caps,
		    bool focused, const double *h, double out)
{
	const RelayRound *rd = &s->rounds[s->round];
	static const char *const hnames[RELAY_MAX_H] = {"h1", "h2", "h3", "h4", "h5", "h6"};
	const char *names[2 + RELAY_MAX_H + 1];
	int sizes[3] = {2, s->hidden, 1}, j;
	const double *wp[2] = {&rd->w[0][0], rd->v};
	const double *vp[3] = {s->x, h, &out};
	NetDiagSpec spec;

	(void)in;
	names[0] = "x1";
	names[1] = "x2";
	for (j = 0; j < s->hidden; j++)
		names[2 + j] = hnames[j];
	names[2 + s->hidden] = "y";
	memset(&spec, 0, sizeof spec);
	spec.nlayers = 3;
	spec.sizes = sizes;
	spec.weights = wp;
	spec.values = vp;
	spec.names = names;
	spec.wave = s->shot == SHOT_LANDED ? NETDIAG_WAVE_NONE : NETDIAG_WAVE_FORWARD;
	spec.wave_pos = s->shot == SHOT_FLYING ? floor(s->pos * 6) / 6 : 0;
	spec.focus_layer = focused ? 0 : -1;
	spec.focus_neuron = focused ? s->sel : -1;
	netdiag_draw(&s->nd, g, x, y, w, RELAY_DIAG_ROWS, &spec, caps);
	if (s->shot == SHOT_LANDED && out > 0.5 && s->nd.lay.nlayers == 3)
		grid_put_colour(g, s->nd.lay.x[2][0], s->nd.lay.y[2][0], caps.unicode ? 0x2605 : '*',
				STYLE_BOLD, COLOUR_CLASS5, COLOUR_NONE);
}

void relay_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx, int *cy)
{
	Relay *s = in->state; /* the diagram's canvas is scratch, as in network.c */
	double h[RELAY_MAX_H], y;
	bool side = side_by_side(r.w);
	int dw = side ? r.w - RELAY_TABLE_W - 2 : r.w, row, i, n;
	char line[256];
	Style st;
	WrapLine lines[MSG_ROWS];

	dw = dw > DIAG_MAX_W ? DIAG_MAX_W : dw;
	y = relay_forward(s, &s->rounds[s->round], s->hidden, s->x, h);
	status_line(s, line, sizeof line);
	grid_text(g, r.x, r.y, line, strlen(line), r.w, STYLE_BOLD);
	diagram(in, s, g, r.x, r.y + 1, dw, caps, focused, h, y);
	row = r.y + 1 + RELAY_DIAG_ROWS;
	if (side) {
		table(s, &s->rounds[s->round], g, r.x + dw + 2, r.y + 2, RELAY_TABLE_W);
	} else {
		table(s, &s->rounds[s->round], g, r.x, row, r.w);
		row += RELAY_TABLE_ROWS + 1;
	}
	inputs_line(s, line, sizeof line);
	grid_text(g, r.x, row, line, strlen(line), r.w, STYLE_NORMAL);
	message(s, y, caps, line, sizeof line, &st);
	n = wrap_text(line, strlen(line), r.w, lines, MSG_ROWS);
	for (i = 0; i < n && i < MSG_ROWS; i++)
		grid_text(g, r.x, row + 1 + i, line + lines[i].start, lines[i].len, r.w, st);
	if (focused) {
		if (s->nd.lay.nlayers == 3) {
			*cx = s->nd.lay.x[0][s->sel];
			*cy = s->nd.lay.y[0][s->sel];
		} else {
			*cx = r.x + (s->sel ? 14 : 1);
			*cy = row;
		}
	}
}
