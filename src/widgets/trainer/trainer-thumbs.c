/* trainer-thumbs.c: the trainer's neurons chart: a tiny field per neuron of the net (each
 * hidden layer's, then the output's) over the same square as the decision field, a band
 * of thumbnails per layer, so the learner sees the first layer draw straight edges and
 * the next layers combine them (as TensorFlow Playground does).
 * Must not own the loop or write files; draws with the Brain's scratch, allocates nothing. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/act.h"
#include "nn/mlp.h"
#include "widgets/trainer/trainer-thumbs.h"

#define BAND_GAP 2 /* columns between two columns of bands */

void trainer_thumbs_label(const Brain *b, int l, char *buf, size_t size)
{
	if (l + 1 >= (int)b->run.mlp.n_layers)
		snprintf(buf, size, "%s", _("out"));
	else
		snprintf(buf, size, _("layer %d"), l + 1);
}

/* The note for `more` neurons left out, in buf: "+N more", or "+N" when that is wider
 * than room. Returns its width. */
static int note(char *buf, size_t size, int more, int room)
{
	int n = snprintf(buf, size, ngettext("+%d more", "+%d more", (unsigned long)more), more);
	int wd = n > 0 ? utf8_width(buf, strlen(buf)) : 0;

	if (wd <= room)
		return wd;
	n = snprintf(buf, size, "+%d", more);
	return n > 0 ? n : 0;
}

/* How many of n thumbnails tw wide fit in aw columns, with the note for the rest (in
 * *more). 0: not even one. */
static int fit_band(int aw, int n, int tw, int *more)
{
	char buf[64];
	int k;

	*more = 0;
	if (n * (tw + 1) - 1 <= aw)
		return n;
	for (k = n - 1; k >= 1; k--) {
		int used = k * (tw + 1);
		if (used + note(buf, sizeof buf, n - k, aw - used) <= aw) {
			*more = n - k;
			return k;
		}
	}
	return 0;
}

/* One candidate layout: thumbnails th rows high, gap blank rows between bands. whole:
 * only when every neuron shows. Returns 0 (lay filled) or -1. */
static int try_layout(const Brain *b, int x, int y, int w, int h, int th, int gap, int lw,
		      bool whole, ThumbsLayout *lay)
{
	int nl = (int)b->run.mlp.n_layers, rows = (h + gap) / (th + gap), cols, bw, aw, l, j;
	int tw = 2 * th;

	if (rows < 1)
		return -1;
	cols = (nl + rows - 1) / rows;
	bw = (w - (cols - 1) * BAND_GAP) / cols;
	aw = bw - lw - 1;
	if (aw < tw)
		return -1;
	lay->tw = tw;
	lay->th = th;
	lay->lw = lw;
	lay->n = 0;
	for (l = 0; l < nl; l++) {
		ThumbsBand *bd = &lay->band[l];
		int n = (int)b->run.mlp.sizes[l + 1], more, k = fit_band(aw, n, tw, &more);

		if (k == 0 || (whole && more))
			return -1;
		if (k > THUMBS_MAX - lay->n) /* never with the widths the trainer allows */
			return -1;
		bd->x = x + (l / rows) * (bw + BAND_GAP);
		bd->y = y + (l % rows) * (th + gap);
		bd->shown = k;
		bd->more = more;
		bd->note_x = bd->x + lw + 1 + k * (tw + 1);
		bd->note_w = aw - k * (tw + 1);
		for (j = 0; j < k; j++) {
			Thumb *t = &lay->t[lay->n++];
			t->x = bd->x + lw + 1 + j * (tw + 1);
			t->y = bd->y;
			t->layer = l;
			t->neuron = j;
		}
	}
	lay->nbands = nl;
	return 0;
}

int trainer_thumbs_layout(const Brain *b, int x, int y, int w, int h, ThumbsLayout *lay)
{
	int nl, l, th, gap, lw = 0;
	char buf[64];

	lay->nbands = lay->n = 0;
	if (!b->built || w <= 0 || h < THUMBS_MIN_H)
		return -1;
	nl = (int)b->run.mlp.n_layers;
	if (nl > BRAIN_MAX_HIDDEN + 1)
		return -1;
	for (l = 0; l < nl; l++) {
		int lwd;
		trainer_thumbs_label(b, l, buf, sizeof buf);
		lwd = utf8_width(buf, strlen(buf));
		lw = lwd > lw ? lwd : lw;
	}
	for (th = h < THUMBS_MAX_H ? h : THUMBS_MAX_H; th >= THUMBS_MIN_H; th--)
		for (gap = 1; gap >= 0; gap--)
			if (try_layout(b, x, y, w, h, th, gap, lw, true, lay) == 0)
				return 0;
	/* not every neuron fits: the smallest thumbnails, a blank row between the bands
	 * when they all fit in one column with it */
	gap = (h + 1) / (THUMBS_MIN_H + 1) >= nl ? 1 : 0;
	if (try_layout(b, x, y, w, h, THUMBS_MIN_H, gap, lw, false, lay) == 0)
		return 0;
	lay->nbands = lay->n = 0;
	return -1;
}

/* Fills b->field with the values of thumbnails first .. first + n - 1 of lay, one block
 * of pw x ph samples each (row-major, top row first), at the data points canvas_sample
 * gives on cv (the field plot laid out over one thumbnail: all have the same size).
 *
 * Normalisation: a neuron's values are shifted by f(0), its activation at z = 0 (0 for
 * tanh, ReLU and linear, 1/2 for the sigmoid), and divided by the largest |f - f(0)|
 * seen over its own thumbnail, so each runs over [-1, 1] with its neutral colour where
 * z = 0: a first-layer neuron changes colour exactly on its line w.x + b = 0, as the
 * main field changes at the decision boundary. Per neuron, from the observed values,
 * because ReLU and linear outputs are unbounded and layers differ by orders of
 * magnitude: the thumbnails show each neuron's shape, not how large it is. A neuron
 * constant over the square (dead, or all weights zero) stays blank. */
static void fill(Brain *b, const Canvas *cv, const ThumbsLayout *lay, int first, int n)
{
	MlpWork *w = &b->eval;
	size_t S = (size_t)cv->pw * (size_t)cv->ph, i, k, chunk;
	double x[2 * BRAIN_EVAL_CAP];
	int t;

	for (i = 0; i < S; i += chunk) {
		chunk = S - i < w->cap ? S - i : w->cap;
		if (chunk > BRAIN_EVAL_CAP)
			chunk = BRAIN_EVAL_CAP;
		for (k = 0; k < chunk; k++)
			canvas_sample(cv, (int)((i + k) % (size_t)cv->pw),
				      (int)((i + k) / (size_t)cv->pw), cv->pw, cv->ph, &x[2 * k],
				      &x[2 * k + 1]);
		mlp_forward(w, &b->run.mlp, x, chunk);
		for (t = 0; t < n; t++) {
			const Thumb *th = &lay->t[first + t];
			size_t width = b->run.mlp.sizes[th->layer + 1];
			const double *y = w->y[th->layer] + th->neuron;
			double c = act_value(b->run.mlp.act[th->layer], 0),
			       *out = b->field + (size_t)t * S + i;
			for (k = 0; k < chunk; k++)
				out[k] = y[k * width] - c;
		}
	}
	for (t = 0; t < n; t++) {
		double *v = b->field + (size_t)t * S, top = 0;
		for (i = 0; i < S; i++)
			if (isfinite(v[i]) && fabs(v[i]) > top)
				top = fabs(v[i]);
		for (i = 0; i < S; i++)
			v[i] = top > 1e-12 ? v[i] / top : 0;
	}
}

void trainer_thumbs_draw(Brain *b, Grid *g, int x, int y, int w, int h, Caps caps)
{
	ThumbsLayout lay;
	Plot *p = &b->field_plot; /* borrowed: draw_field lays it out afresh every frame */
	PlotOpts o = PLOT_OPTS_DEFAULT;
	char buf[64];
	int first, t, l;

	if (!b->built || w <= 0 || h <= 0)
		return;
	if (trainer_thumbs_layout(b, x, y, w, h, &lay) != 0) {
		const char *msg = _("Too many layers to show each neuron here: a wider terminal "
				    "shows them.");
		WrapLine wl[3];
		int n = wrap_text(msg, strlen(msg), w, wl, 3), i;
		for (i = 0; i < n && i < 3 && i < h; i++)
			grid_text(g, x, y + i, msg + wl[i].start, wl[i].len, w, STYLE_DIM);
		return;
	}
	trainer_bounds(b, &o.x0, &o.x1, &o.y0, &o.y1);
	o.axes = false;
	for (first = 0; first < lay.n;) {
		size_t S;
		int n;
		plot_begin(p);
		if (plot_layout(p, lay.t[first].x, lay.t[first].y, lay.tw, lay.th, &o, caps,
				false) != 0)
			return;
		S = (size_t)p->cv.pw * (size_t)p->cv.ph;
		if (S == 0 || S > BRAIN_FIELD_CAP)
			return;
		/* as many thumbnails at once as b->field holds: one forward pass for them all */
		n = (int)(BRAIN_FIELD_CAP / S) < lay.n - first ? (int)(BRAIN_FIELD_CAP / S)
							       : lay.n - first;
		b->field_key.valid = false; /* b->field is the thumbnails' now */
		fill(b, &p->cv, &lay, first, n);
		for (t = 0; t < n; t++) {
			const double *vals = b->field + (size_t)t * S;
			if (t > 0) {
				plot_begin(p);
				if (plot_layout(p, lay.t[first + t].x, lay.t[first + t].y, lay.tw,
						lay.th, &o, caps, false) != 0)
					return;
			}
			plot_field(p, vals, p->cv.pw, p->cv.ph);
			/* the edge f = f(0) in braille; ASCII strokes would hide a small field */
			if (p->cv.mode == CANVAS_BRAILLE)
				plot_contour(p, vals, p->cv.pw, p->cv.ph, 0, COLOUR_MUTED);
			plot_draw(p, g);
		}
		first += n;
	}
	for (l = 0; l < lay.nbands; l++) {
		const ThumbsBand *bd = &lay.band[l];
		int row = bd->y + lay.th / 2;
		trainer_thumbs_label(b, l, buf, sizeof buf);
		grid_text(g, bd->x, row, buf, strlen(buf), lay.lw, STYLE_NORMAL);
		if (bd->more > 0) {
			note(buf, sizeof buf, bd->more, bd->note_w);
			grid_text(g, bd->note_x, row, buf, strlen(buf), bd->note_w, STYLE_DIM);
		}
	}
}
