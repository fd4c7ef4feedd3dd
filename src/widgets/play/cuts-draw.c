/* cuts-draw.c: how "Solve XOR" looks: the plane with the regions where the real network
 * says 1 and 0 (evaluated at every sample), the cuts as lines, the four corners marked
 * with the output they want and whether the network gets them right; beside it the
 * stage, the accuracy meter, the cuts' numbers, the corners' table and what to do next.
 * Must not change the game (drawing only: the workspace and field are scratch). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/box.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/visual.h"
#include "widgets/play/cuts.h"
#include "widgets/play/game.h"

#define FIELD_LEVEL 0.35 /* the shade of a region: light, so lines and marks stand out */
#define VIEW_LO     (-0.5)
#define VIEW_HI     1.5
#define PANEL_W     36 /* the panel's columns at least, beside the plane */
#define PANEL_H     14

static bool side_by_side(int inner)
{
	return inner >= CUTS_PLANE_W + 2 + PANEL_W;
}

int cuts_height(const Instance *in, int width)
{
	(void)in;
	return 2 + (side_by_side(width - 4) ? CUTS_PLANE_H : CUTS_PLANE_H + 1 + PANEL_H);
}

/* The field: at each sample of the canvas, which side of FIELD_LEVEL the network's
 * output puts it on. */
static void fill_field(Cuts *s, const Canvas *cv, int fw, int fh)
{
	MlpWork *w = cuts_work(s);
	const Mlp *m = cuts_net(s);
	size_t n = (size_t)fw * (size_t)fh, i, k, chunk;
	double x[2 * CUTS_BATCH];

	for (i = 0; i < n; i += chunk) {
		chunk = n - i < CUTS_BATCH ? n - i : CUTS_BATCH;
		for (k = 0; k < chunk; k++)
			canvas_sample(cv, (int)((i + k) % (size_t)fw), (int)((i + k) / (size_t)fw), fw,
				      fh, &x[2 * k], &x[2 * k + 1]);
		mlp_forward(w, m, x, chunk);
		for (k = 0; k < chunk; k++)
			s->field[i + k] =
			    cuts_says_one(w->y[m->n_layers - 1][k]) ? FIELD_LEVEL : -FIELD_LEVEL;
	}
}

/* Where a cut's label goes: a point of its line inside the view near one end (the first
 * cut's near the start, the second's near the other end, so they part and stay clear of
 * the corners in the middle), nudged to the side where its unit fires. False when the
 * line misses the view. */
static bool label_at(Cut c, int which, double *x, double *y)
{
	double w1, w2, b, lo = -INFINITY, hi = INFINITY, t;
	double px, py, dx, dy, m = 0.15, ends[2][2];
	int a;

	cuts_weights(c, &w1, &w2, &b);
	px = -b * w1; /* the foot of the line: d along the normal */
	py = -b * w2;
	dx = -w2; /* along the line */
	dy = w1;
	ends[0][0] = px;
	ends[0][1] = dx;
	ends[1][0] = py;
	ends[1][1] = dy;
	for (a = 0; a < 2; a++) { /* clip p + t d to the view, a margin inside */
		double p = ends[a][0], d = ends[a][1], t0, t1;
		if (fabs(d) < 1e-12) {
			if (p < VIEW_LO + m || p > VIEW_HI - m)
				return false;
			continue;
		}
		t0 = (VIEW_LO + m - p) / d;
		t1 = (VIEW_HI - m - p) / d;
		lo = fmax(lo, fmin(t0, t1));
		hi = fmin(hi, fmax(t0, t1));
	}
	if (!(lo < hi))
		return false;
	t = lo + (which ? 0.92 : 0.08) * (hi - lo);
	*x = px + t * dx + m * w1;
	*y = py + t * dy + m * w2;
	return true;
}

/* The cell of a data point on the plane's canvas; false when it falls outside. */
static bool cell_of(const Canvas *cv, double x, double y, int *cx, int *cy)
{
	int px, py;

	if (!canvas_map(cv, x, y, &px, &py) || px < 0 || py < 0 || px >= cv->pw || py >= cv->ph)
		return false;
	*cx = cv->x + (px >> cv->lx);
	*cy = cv->y + (py >> cv->ly);
	return true;
}

static const Colour cut_colour[2] = {COLOUR_CLASS2, COLOUR_CLASS4};

/* The plane in the w x h cells at (x, y). */
static void draw_plane(Cuts *s, Grid *g, int x, int y, int w, int h, Caps caps)
{
	Plot *p = &s->plot;
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int fw, fh, i, cx, cy, ncuts = s->hidden ? 2 : 1;

	o.x0 = o.y0 = VIEW_LO;
	o.x1 = o.y1 = VIEW_HI;
	o.xtitle = caps.unicode ? "x₁" : "x1";
	o.ytitle = caps.unicode ? "x₂" : "x2";
	plot_begin(p);
	if (plot_layout(p, x, y, w, h, &o, caps, false) != 0)
		return;
	canvas_field_size(&p->cv, &fw, &fh);
	if (fw > 0 && fh > 0 && fw * fh <= CUTS_FIELD_CAP) {
		fill_field(s, &p->cv, fw, fh);
		plot_field(p, s->field, fw, fh);
	}
	for (i = 0; i < ncuts; i++) { /* the line itself, far past the view both ways */
		double w1, w2, b;
		cuts_weights(s->cut[i], &w1, &w2, &b);
		canvas_data_line(&p->cv, -b * w1 - 4 * w2, -b * w2 + 4 * w1, -b * w1 + 4 * w2,
				 -b * w2 - 4 * w1, cut_colour[i]);
	}
	for (i = 0; i < 4; i++) /* the corners: the output XOR wants there */
		canvas_data_mark(&p->cv, i / 2, i % 2, game_gate_row(GATE_XOR, i / 2, i % 2) ? '1' : '0',
				 COLOUR_NONE);
	plot_draw(p, g);
	for (i = 0; i < 4; i++) { /* and beside each, right or wrong */
		bool ok = cuts_says_one(s->y[i]) == game_gate_row(GATE_XOR, i / 2, i % 2);
		if (cell_of(&p->cv, i / 2, i % 2, &cx, &cy) && (!ok || caps.unicode))
			grid_str(g, cx + 1, cy, ok ? "✓" : caps.unicode ? "✗" : "!",
				 ok ? STYLE_GOOD : STYLE_BAD);
	}
	for (i = 0; s->hidden && i < 2; i++) { /* H1, H2 on the side where each fires */
		double lx, ly;
		if (label_at(s->cut[i], i, &lx, &ly) && cell_of(&p->cv, lx, ly, &cx, &cy)) {
			char name[4];
			snprintf(name, sizeof name, "H%d", i + 1);
			if (cx + 2 > p->cv.x + p->cv.w)
				cx = p->cv.x + p->cv.w - 2;
			grid_put_colour(g, cx, cy, 'H', STYLE_BOLD, cut_colour[i], COLOUR_NONE);
			grid_put_colour(g, cx + 1, cy, (uint32_t)('1' + i), STYLE_BOLD, cut_colour[i],
					COLOUR_NONE);
		}
	}
}

/* "Accuracy 3 of 4  ■■■□  best 3 of 4" */
static void meter(const Cuts *s, char *out, size_t size, Caps caps)
{
	size_t len = str_addf(out, size, 0, _("Accuracy %d of 4"), s->right);
	int i;

	len = str_addf(out, size, len, "  %s", caps.unicode ? "" : "[");
	for (i = 0; i < 4; i++)
		len = str_addf(out, size, len, "%s",
			       i < s->right ? (caps.unicode ? "■" : "#") : (caps.unicode ? "□" : "."));
	len = str_addf(out, size, len, "%s  ", caps.unicode ? "" : "]");
	str_addf(out, size, len, _("best %d of 4"), s->best);
}

/* "θ = 45°  d = 0.35" */
static void cut_text(Cut c, char *out, size_t size, Caps caps)
{
	char d[32];

	visual_fixed(d, sizeof d, cuts_offset(c), 2);
	snprintf(out, size, caps.unicode ? "θ = %d°  d = %s" : "angle = %d  d = %s",
		 (int)cuts_degrees(c), d);
}

static void text(Grid *g, int x, int y, int w, const char *s, Style st)
{
	grid_text(g, x, y, s, strlen(s), w, st);
}

/* The corners' table: stage 1 "x1 x2 want z out", stage 2 "x1 x2 want H1 H2 y". */
static void table(const Cuts *s, Grid *g, int x, int y, int w, Caps caps)
{
	char line[160], num[32];
	int i;

	if (s->hidden)
		snprintf(line, sizeof line, "%s %s %s  H1 H2        y", caps.unicode ? "x₁" : "x1",
			 caps.unicode ? "x₂" : "x2", _("want"));
	else
		snprintf(line, sizeof line, "%s %s %s       z  %s", caps.unicode ? "x₁" : "x1",
			 caps.unicode ? "x₂" : "x2", _("want"), _("out"));
	text(g, x, y, w, line, STYLE_DIM);
	for (i = 0; i < 4; i++) {
		bool want = game_gate_row(GATE_XOR, i / 2, i % 2);
		bool ok = cuts_says_one(s->y[i]) == want;
		int n;
		if (s->hidden) {
			visual_fixed(num, sizeof num, s->y[i], 3);
			n = snprintf(line, sizeof line, " %d  %d    %d   %d  %d  %6s", i / 2, i % 2, want,
				     (int)s->h[i][0], (int)s->h[i][1], num);
		} else {
			visual_fixed(num, sizeof num, s->z[i], 2);
			n = snprintf(line, sizeof line, " %d  %d    %d  %6s   %d", i / 2, i % 2, want,
				     num, (int)s->y[i]);
		}
		text(g, x, y + 1 + i, w, line, STYLE_NORMAL);
		/* right and wrong in the glyph as well as the colour */
		text(g, x + n + 2, y + 1 + i, w - n - 2,
		     ok ? (caps.unicode ? "✓" : "ok") : (caps.unicode ? "✗" : "no"),
		     ok ? STYLE_GOOD : STYLE_BAD);
	}
}

/* What to do next, for the stage and the accuracy. */
static const char *advice(const Cuts *s)
{
	if (!s->hidden)
		return s->right >= 3 ? _("3 of 4 is the most one line can do. Press h for a "
					 "hidden layer.")
				     : _("Put the 1s on the side that says 1 and the 0s on the "
					 "other.");
	if (s->right == 4)
		return _("4 of 4: XOR solved! The net says 1 between the cuts: H1 and not H2.");
	return _("Move each cut (1 and 2 choose one) until the band between them holds "
		 "both 1s.");
}

/* A swatch of a region's look: its colour, or its glyph without colours. */
static int swatch(Grid *g, int x, int y, double v, Caps caps)
{
	if (caps.colours)
		grid_put_colour(g, x, y, ' ', STYLE_NORMAL, COLOUR_NONE, colour_ramp(v));
	else
		grid_put(g, x, y, (uint32_t)canvas_shade(v), STYLE_NORMAL);
	return 2;
}

static void panel(const Cuts *s, Grid *g, int x, int y, int w, Caps caps)
{
	char line[200], c[64];
	WrapLine wl[2];
	const char *tip = advice(s);
	int i, n, at;

	text(g, x, y, w,
	     s->hidden ? _("Stage 2 of 2: two cuts") : _("Stage 1 of 2: one line"),
	     STYLE_BOLD);
	meter(s, line, sizeof line, caps);
	text(g, x, y + 1, w, line, s->right == 4 ? STYLE_GOOD : STYLE_NORMAL);
	if (s->hidden) {
		for (i = 0; i < 2; i++) {
			cut_text(s->cut[i], c, sizeof c, caps);
			snprintf(line, sizeof line, "%s %s %d (H%d)  %s",
				 i == s->chosen ? (caps.unicode ? "▶" : ">") : " ", _("Cut"), i + 1,
				 i + 1, c);
			text(g, x, y + 3 + i, w, line, i == s->chosen ? STYLE_ACCENT : STYLE_NORMAL);
		}
	} else {
		double w1, w2, b;
		char a[32], bb[32], cc[32];
		cut_text(s->cut[0], c, sizeof c, caps);
		snprintf(line, sizeof line, "%s  %s", _("Line"), c);
		text(g, x, y + 3, w, line, STYLE_ACCENT);
		cuts_weights(s->cut[0], &w1, &w2, &b);
		visual_fixed(a, sizeof a, w1, 2);
		visual_fixed(bb, sizeof bb, w2, 2);
		visual_fixed(cc, sizeof cc, b, 2);
		snprintf(line, sizeof line, "w1 = %s  w2 = %s  b = %s", a, bb, cc);
		text(g, x, y + 4, w, line, STYLE_NORMAL);
	}
	table(s, g, x, y + 6, w, caps);
	n = wrap_text(tip, strlen(tip), w, wl, 2);
	for (i = 0; i < n && i < 2; i++)
		grid_text(g, x, y + 11 + i, tip + wl[i].start, wl[i].len, w,
			  s->right == 4 && s->hidden ? STYLE_GOOD : STYLE_NORMAL);
	at = x + swatch(g, x, y + 13, FIELD_LEVEL, caps);
	at += grid_str(g, at, y + 13, _("says 1"), STYLE_DIM) + 2;
	at += swatch(g, at, y + 13, -FIELD_LEVEL, caps);
	grid_str(g, at, y + 13, _("says 0"), STYLE_DIM);
}

void cuts_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx, int *cy)
{
	Cuts *s = in->state;
	int x = r.x + 2, y = r.y + 1, w = r.w - 4;

	box_draw(g, r.x, r.y, r.w, r.h, BOX_ROUNDED, _("Game"), focused, caps);
	draw_plane(s, g, x, y, w < CUTS_PLANE_W ? w : CUTS_PLANE_W, CUTS_PLANE_H, caps);
	if (side_by_side(w))
		panel(s, g, x + CUTS_PLANE_W + 2, y, w - CUTS_PLANE_W - 2, caps);
	else
		panel(s, g, x, y + CUTS_PLANE_H + 1, w, caps);
	if (focused) { /* on the line, or the chosen cut, in the panel */
		*cx = side_by_side(w) ? x + CUTS_PLANE_W + 2 : x;
		*cy = (side_by_side(w) ? y : y + CUTS_PLANE_H + 1) + 3 + (s->hidden ? s->chosen : 0);
	}
}
