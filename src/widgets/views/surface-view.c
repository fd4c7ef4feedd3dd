/* surface-view.c: how the surface kind looks: the contour map with each run's path,
 * their loss curves (side by side from 70 columns, stacked below), a line per run, who
 * arrived first, the first run's last step number by number, and theory's best
 * settings beside a scan's. Must not change the state it draws; no files, no loop. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/visual.h"
#include "widgets/views/surface.h"

static bool side_by_side(int w)
{
	return w >= SF_SIDE;
}

/* The rows under the map and curves: a line per run, the summary, the detail's three,
 * theory's two. */
static int text_rows(const Surf *s)
{
	return s->nw + 1 + (s->detail ? 3 : 0) + (s->theory ? 2 : 0) + (s->rates ? s->nw : 0);
}

int surface_view_height(const Instance *in, int width)
{
	const Surf *s = in->state;

	return (int)widget_num(in, "height", 14) + (side_by_side(width) ? 0 : SF_LOSS_ROWS) +
	       text_rows(s);
}

/* The contour lines: log10 of the height above the minimum (the saddle: the value),
 * at levels evenly between the lowest and the highest sample. */
static void contours(Surf *s, Caps caps)
{
	Canvas *c = &s->plot.cv;
	int fw, fh, i, j, k;
	double lo = INFINITY, hi = -INFINITY, p[2];
	bool logf = s->surf.kind != SURFACE_SADDLE;
	int levels = caps.unicode ? 5 : 3; /* ASCII lines are coarse: fewer, or the paths drown */

	fw = c->w;
	fh = 2 * c->h;
	if ((size_t)(fw * fh) > s->fcap) {
		double *f = realloc(s->field, (size_t)(fw * fh) * sizeof *f);
		if (!f)
			return;
		s->field = f;
		s->fcap = (size_t)(fw * fh);
	}
	for (j = 0; j < fh; j++)
		for (i = 0; i < fw; i++) {
			double v;
			canvas_sample(c, i, j, fw, fh, &p[0], &p[1]);
			v = surface_value(NULL, &s->surf, p);
			v = logf ? log10(fmax(v - s->view.min_value, 0) + 1e-3) : v;
			s->field[j * fw + i] = v;
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	for (k = 1; k <= levels; k++)
		plot_contour(&s->plot, s->field, fw, fh, lo + (hi - lo) * k / (levels + 1),
			     COLOUR_MUTED);
}

/* The map: contours, each path as a line (Unicode) and a trail of its class's markers,
 * the start, the minimum. */
static void draw_map(Surf *s, Grid *g, int x, int y, int w, int h, Caps caps)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int k;

	o.x0 = s->x0, o.x1 = s->x1, o.y0 = s->y0, o.y1 = s->y1;
	plot_begin(&s->plot);
	if (plot_layout(&s->plot, x, y, w, h, &o, caps, false) != 0)
		return;
	contours(s, caps);
	for (k = 0; k < s->nw; k++) {
		size_t i;
		if (caps.unicode)
			plot_line(&s->plot, s->w[k].px, s->w[k].py, s->w[k].n, plot_colour(k), k);
		for (i = 0; i < s->w[k].n; i++)
			s->trail[i] = k;
		plot_points(&s->plot, s->w[k].px, s->w[k].py, s->trail, s->w[k].n);
	}
	canvas_data_mark(&s->plot.cv, s->start[0], s->start[1], caps.unicode ? 0x25C6 : 'S',
			 COLOUR_NONE);
	if (s->view.has_min)
		canvas_data_mark(&s->plot.cv, s->view.min_a, s->view.min_b,
				 caps.unicode ? 0x2605 : '*', COLOUR_NONE);
	plot_draw(&s->plot, g);
}

/* The loss curves, log y but for the saddle (whose values go below 0). */
static void draw_curves(Surf *s, Grid *g, int x, int y, int w, int h, Caps caps)
{
	PlotSeries ps[SF_RUNS];
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int k;

	o.logy = s->surf.kind != SURFACE_SADDLE;
	o.x0 = 0;
	o.x1 = (double)s->max_steps;
	for (k = 0; k < s->nw; k++) {
		memset(&ps[k], 0, sizeof ps[k]);
		ps[k].name = s->names[k];
		ps[k].x = s->w[k].steps;
		ps[k].y = s->w[k].loss;
		ps[k].n = s->w[k].n;
		ps[k].colour = plot_colour(k);
	}
	plot_line_chart(&s->curves, g, x, y, w, h, &o, ps, s->nw, caps);
}

/* A run's line: "● adam  lr 0.1  loss 3.2e-4  at 0.98, 0.97  arrived at step 37" (a
 * momentum run's momentum after its rate), shorter when that is wider than width:
 * without where it is, then "● adam  3.2e-4  37". */
static void run_line(const Surf *s, int k, char *out, size_t size, int width, Caps caps)
{
	const Walk *wk = &s->w[k];
	char lr[32], mu[32] = "", loss[32], a[32], b[32], mark[8], end[96] = "";
	size_t n;
	OptimKind kind = wk->cfg.kind;

	visual_num(lr, sizeof lr, wk->cfg.lr, 4);
	if (kind == OPTIM_MOMENTUM || kind == OPTIM_NESTEROV) {
		int m = snprintf(mu, sizeof mu, "  %s ", caps.unicode ? "β" : "beta");
		visual_num(mu + m, sizeof mu - (size_t)m, wk->cfg.momentum, 3);
	}
	axes_number(loss, sizeof loss, wk->loss[wk->n - 1], 3);
	axes_number(a, sizeof a, wk->px[wk->n - 1], 3);
	axes_number(b, sizeof b, wk->py[wk->n - 1], 3);
	mark[utf8_encode(mark, plot_marker(k, caps))] = '\0';
	if (wk->diverged)
		snprintf(end, sizeof end, "  %s", _("diverged"));
	else if (wk->arrived >= 0)
		snprintf(end, sizeof end,
			 s->view.has_min ? _("  arrived at step %ld") : _("  escaped at step %ld"),
			 wk->arrived);
	n = (size_t)snprintf(out, size, "%s %-9s ", mark, s->names[k]);
	n += (size_t)snprintf(out + n, size - n, _("lr %s%s  loss %s"), lr, mu, loss);
	if (!wk->diverged)
		snprintf(out + n, size - n, _("  at %s, %s"), a, b);
	if (utf8_width(out, strlen(out)) + utf8_width(end, strlen(end)) <= width) {
		snprintf(out + strlen(out), size - strlen(out), "%s", end);
		return;
	}
	out[n] = '\0';
	snprintf(out + n, size - n, "%s", end);
	if (utf8_width(out, strlen(out)) <= width)
		return;
	snprintf(end, sizeof end, "  %ld", wk->arrived);
	snprintf(out, size, "%s %s  %s%s", mark, s->names[k], loss,
		 wk->arrived >= 0 && !wk->diverged ? end : "");
}

/* "step 37/200: adam arrived first, at step 37" ("37/200: adam first, 37" when that is
 * wider than w); the saddle: who escaped first. */
static void summary(const Surf *s, char *out, size_t size, int w)
{
	int k, first = -1;
	size_t n = (size_t)snprintf(out, size, _("step %zu/%zu"), s->step, s->max_steps);

	for (k = 0; k < s->nw; k++)
		if (s->w[k].arrived >= 0 && (first < 0 || s->w[k].arrived < s->w[first].arrived))
			first = k;
	if (first >= 0)
		snprintf(out + n, size - n,
			 s->view.has_min ? _(": %s arrived first, at step %ld")
					 : _(": %s escaped first, at step %ld"),
			 s->names[first], s->w[first].arrived);
	else if (s->step == 0)
		snprintf(out + n, size - n, ": %s", _("arrows move the start, Space runs"));
	else if (!s->view.has_min)
		snprintf(out + n, size - n, ": %s", _("nobody has escaped the saddle yet"));
	if (utf8_width(out, strlen(out)) <= w || first < 0)
		return;
	snprintf(out, size, _("%zu/%zu: %s first, %ld"), s->step, s->max_steps, s->names[first],
		 s->w[first].arrived);
}

/* The first run's last step, one parameter a line: for SGD "a ← a − η·∂L/∂a = -2.5 −
 * 0.1 × (-2.5) = -2.25" ("a: -2.5 − ..." when that is wider than width), for the others
 * "a: -2.5 -> -2.25, slope -2.5"; then the loss before and after. At step 0, what s
 * does. */
static void detail(const Surf *s, char lines[3][160], int width, Caps caps)
{
	const Walk *w = &s->w[0];
	const char *par[2] = {"a", "b"};
	const double *p[2] = {w->px, w->py};
	char old[32], g[32], eta[32], now[32], l0[32], l1[32];
	size_t t = w->n - 1;
	int i;

	if (w->n < 2 || w->diverged) {
		snprintf(lines[0], 160, "%s", w->diverged ? _("diverged: r starts again")
							  : _("no step taken yet: s takes one"));
		lines[1][0] = lines[2][0] = '\0';
		return;
	}
	visual_num(eta, sizeof eta, w->cfg.lr, 4);
	for (i = 0; i < 2; i++) {
		double gi = i ? w->run.g[1] : w->run.g[0];
		visual_fixed(old, sizeof old, p[i][t - 1], 3);
		visual_fixed(now, sizeof now, p[i][t], 3);
		visual_fixed(g + (gi < 0), sizeof g - 1, gi, 3);
		if (gi < 0) { /* a negative slope in brackets: - 0.1 × (-2.5) */
			g[0] = '(';
			strcat(g, ")");
		}
		if (w->cfg.kind == OPTIM_SGD) {
			snprintf(lines[i], 160, caps.unicode ? "%s ← %s − η·∂L/∂%s = %s − %s × %s = %s"
							     : "%s <- %s - eta*dL/d%s = %s - %s * %s = %s",
				 par[i], par[i], par[i], old, eta, g, now);
			if (utf8_width(lines[i], strlen(lines[i])) > width)
				snprintf(lines[i], 160, caps.unicode ? "%s: %s − %s × %s = %s"
								     : "%s: %s - %s * %s = %s",
					 par[i], old, eta, g, now);
		} else
			snprintf(lines[i], 160, _("%s: %s -> %s, slope %s"), par[i], old, now, g);
	}
	visual_num(l0, sizeof l0, w->loss[t - 1], 4);
	visual_num(l1, sizeof l1, w->loss[t], 4);
	snprintf(lines[2], 160, _("step %zu: loss %s -> %s"), (size_t)w->steps[t], l0, l1);
}

/* Run k's rate: "● sgd  rate 0.980 a step; theory 0.980", measured over its last
 * SF_RATE_WINDOW steps (theory: on a quadratic surface, for SGD and momentum); when
 * that is wider than width, "● sgd  0.980 / 0.980". */
static void rate_line(const Surf *s, int k, char *out, size_t size, int width, Caps caps)
{
	const Walk *w = &s->w[k];
	double m = surface_rate_measured(w->px, w->py, w->n, s->view.min_a, s->view.min_b,
					 SF_RATE_WINDOW);
	double t = s->lmax > 0 ? surface_rate_theory(&w->cfg, s->lmin, s->lmax) : NAN;
	char mark[8], a[32], b[32];
	size_t n;

	mark[utf8_encode(mark, plot_marker(k, caps))] = '\0';
	n = (size_t)snprintf(out, size, "%s %-9s ", mark, s->names[k]);
	if (w->n < 2 || !isfinite(m)) {
		snprintf(out + n, size - n, "%s", w->diverged ? _("diverged") : _("rate: run it"));
		return;
	}
	visual_fixed(a, sizeof a, m, 3);
	n += (size_t)snprintf(out + n, size - n, _("rate %s a step"), a);
	if (isfinite(t)) {
		visual_fixed(b, sizeof b, t, 3);
		n += (size_t)snprintf(out + n, size - n, _("; theory %s"), b);
	} else if (s->lmax > 0)
		n += (size_t)snprintf(out + n, size - n, "%s", _("; no theorem here"));
	if (w->diverged && n < size)
		snprintf(out + n, size - n, "%s", _("; diverged"));
	if (utf8_width(out, strlen(out)) > width)
		snprintf(out, size, "%s %s  %s / %s", mark, s->names[k], a, isfinite(t) ? b : "-");
}

/* Theory's best settings and the scan's, two lines: "theory (cond 10): sgd lr 0.182: 23
 * steps; momentum lr 0.231, β 0.27: 11" and "best of a scan: ...". */
static void theory(const Surf *s, char lines[2][160], Caps caps)
{
	char c[32], a[32], b[32], m[32], x[32], y[32], z[32];
	const char *beta = caps.unicode ? "β" : "beta";

	if (!s->quadratic) {
		snprintf(lines[0], 160, "%s", _("theory: only on the bowl, the valley and the line"));
		lines[1][0] = '\0';
		return;
	}
	visual_num(c, sizeof c, s->th.cond, 3);
	visual_num(a, sizeof a, s->th.gd_lr, 3);
	visual_num(b, sizeof b, s->th.hb_lr, 3);
	visual_num(m, sizeof m, s->th.hb_momentum, 2);
	snprintf(lines[0], 160, _("theory (cond %s): sgd lr %s: %ld steps; momentum lr %s, %s %s: %ld"),
		 c, a, s->th_steps[0], b, beta, m, s->th_steps[1]);
	visual_num(x, sizeof x, s->best[0].lr, 3);
	visual_num(y, sizeof y, s->best[1].lr, 3);
	visual_num(z, sizeof z, s->best[1].momentum, 2);
	snprintf(lines[1], 160, _("best of a scan:   sgd lr %s: %ld steps; momentum lr %s, %s %s: %ld"),
		 x, s->best[0].steps, y, beta, z, s->best[1].steps);
}

void surface_view_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	Surf *s = in->state; /* draws on its scratch plots only */
	int h = (int)widget_num(in, "height", 14), k, y;
	char line[256], more[3][160];

	if (side_by_side(r.w)) {
		int mw = r.w * 11 / 20;
		draw_map(s, g, r.x, r.y, mw, h, caps);
		draw_curves(s, g, r.x + mw + 1, r.y, r.w - mw - 1, h, caps);
		y = r.y + h;
	} else {
		draw_map(s, g, r.x, r.y, r.w, h, caps);
		draw_curves(s, g, r.x, r.y + h, r.w, SF_LOSS_ROWS, caps);
		y = r.y + h + SF_LOSS_ROWS;
	}
	for (k = 0; k < s->nw; k++, y++) {
		run_line(s, k, line, sizeof line, r.w, caps);
		grid_text(g, r.x, y, line, strlen(line), r.w, STYLE_NORMAL);
	}
	summary(s, line, sizeof line, r.w);
	grid_text(g, r.x, y, line, strlen(line), r.w, focused ? STYLE_BOLD : STYLE_NORMAL);
	if (focused) {
		*cx = r.x;
		*cy = y;
	}
	y++;
	if (s->detail) {
		detail(s, more, r.w, caps);
		for (k = 0; k < 3; k++, y++)
			grid_text(g, r.x, y, more[k], strlen(more[k]), r.w, STYLE_NORMAL);
	}
	for (k = 0; s->rates && k < s->nw; k++, y++) {
		rate_line(s, k, line, sizeof line, r.w, caps);
		grid_text(g, r.x, y, line, strlen(line), r.w, STYLE_NORMAL);
	}
	if (s->theory) {
		theory(s, more, caps);
		for (k = 0; k < 2; k++, y++)
			grid_text(g, r.x, y, more[k], strlen(more[k]), r.w, STYLE_NORMAL);
	}
}
