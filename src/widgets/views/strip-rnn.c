/* strip-rnn.c: the strip's RNN mode: src/nn's tanh RNN (rnn_forward) run over one or two
 * sequences of numbers with the weights of the directive (W_h times the number a slider
 * gives), the weights drawn once, and a step's input with the state before and after.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "nn/recur.h"
#include "widgets/core/visual.h"
#include "widgets/views/strip.h"

enum { RNN_NUM = 16 };

static const double input_step = 0.5, input_max = 3; /* what + and - do */

/* The numbers of key into v (n of them; those not given are 0); returns how many were. */
static size_t nums(const Instance *in, const char *key, double *v, size_t n)
{
	double buf[STRIP_RNN_HID * STRIP_RNN_HID > STRIP_RNN_STEPS ? STRIP_RNN_HID * STRIP_RNN_HID
								    : STRIP_RNN_STEPS];
	size_t k = widget_nums(in, key, buf, sizeof buf / sizeof *buf), i;

	for (i = 0; i < n; i++)
		v[i] = i < k ? buf[i] : 0;
	return k < n ? k : n;
}

static double wanted_scale(const Instance *in)
{
	const char *from = widget_str(in, "scale_from", NULL);
	double v;

	if (from && scene_value(in->scene, from, &v) && isfinite(v))
		return v;
	return 1;
}

/* Runs the RNN of the library over each sequence, then the distances between them. */
static void compute(StripRnn *r)
{
	RecurShape sh = {.t = r->steps, .n = 1, .in = 1, .hid = r->hid};
	size_t q, t, u;

	for (u = 0; u < r->hid * r->hid; u++)
		r->whs[u] = r->scale * r->wh[u];
	for (q = 0; q < r->nseq; q++) {
		rnn_forward(r->h[q], r->work, r->x[q], NULL, r->wx, r->whs, r->b, &sh);
		for (t = 0; t < r->steps; t++)
			visual_num(r->tok[q][t], sizeof r->tok[q][t], r->x[q][t], 2);
	}
	for (t = 0; t < r->steps; t++) {
		double s = 0;
		for (u = 0; r->nseq == 2 && u < r->hid; u++) {
			double d = r->h[0][t * r->hid + u] - r->h[1][t * r->hid + u];
			s += d * d;
		}
		r->dist[t] = sqrt(s);
	}
	r->fresh = true;
}

int strip_rnn_init(Instance *in, Strip *s)
{
	StripRnn *r;
	RecurShape sh;
	double probe[1];
	size_t n2;

	if (widget_nums(in, "wh", probe, 1) == 0)
		return 0;
	r = calloc(1, sizeof *r);
	if (!r)
		return -1;
	r->hid = nums(in, "wx", r->wx, STRIP_RNN_HID);
	if (r->hid == 0)
		r->hid = 1;
	nums(in, "wh", r->wh, r->hid * r->hid);
	nums(in, "b", r->b, r->hid);
	r->steps = nums(in, "x", r->x[0], STRIP_RNN_STEPS);
	n2 = nums(in, "x2", r->x[1], STRIP_RNN_STEPS);
	r->nseq = n2 ? 2 : 1;
	if (n2 > r->steps)
		r->steps = n2;
	if (r->steps == 0)
		r->steps = 1;
	for (n2 = 0; n2 < r->steps; n2++) {
		snprintf(r->name[n2], sizeof r->name[n2], "%zu", n2 + 1);
		r->names[n2] = r->name[n2];
	}
	sh = (RecurShape){.t = r->steps, .n = 1, .in = 1, .hid = r->hid};
	r->work = malloc(rnn_work_size(&sh) * sizeof *r->work);
	if (!r->work) {
		free(r);
		return -1;
	}
	r->scale = wanted_scale(in);
	compute(r);
	s->rnn = r;
	return 0;
}

void strip_rnn_free(Strip *s)
{
	if (s->rnn)
		free(s->rnn->work);
	free(s->rnn);
}

bool strip_rnn_refresh(Instance *in)
{
	Strip *s = in->state;
	double scale = wanted_scale(in);

	if (s->rnn->fresh && scale == s->rnn->scale)
		return false;
	s->rnn->scale = scale;
	compute(s->rnn);
	s->version++;
	return true;
}

int strip_rnn_head_rows(const StripRnn *r)
{
	return 2 + (int)r->hid;
}

/* A column of a matrix block: the widest of its numbers (two decimals). */
static int num_width(const double *v, size_t n)
{
	char buf[RNN_NUM];
	int w = 1, k;
	size_t i;

	for (i = 0; i < n; i++)
		if ((k = visual_fixed(buf, sizeof buf, v[i], 2)) > w)
			w = k;
	return w;
}

/* The rows x cols matrix m in brackets from (x, y), its name above; returns its width.
 * Nothing is drawn past w columns from x. */
static int draw_block(Grid *g, int x, int y, int w, const char *name, const double *m,
		      size_t rows, size_t cols, Caps caps)
{
	const char *lb = "[", *rb = "]";
	int nw = num_width(m, rows * cols), bw = 2 + (int)cols * (nw + 1) - 1;
	char buf[RNN_NUM];
	size_t i, j;

	if (w < bw)
		return bw;
	grid_text(g, x + 1, y, name, strlen(name), bw - 1, STYLE_BOLD);
	for (i = 0; i < rows; i++) {
		int yy = y + 1 + (int)i;
		if (caps.unicode && rows > 1) {
			lb = i == 0 ? "⎡" : i + 1 == rows ? "⎣" : "⎢";
			rb = i == 0 ? "⎤" : i + 1 == rows ? "⎦" : "⎥";
		}
		grid_str(g, x, yy, lb, STYLE_DIM);
		for (j = 0; j < cols; j++) {
			int k = visual_fixed(buf, sizeof buf, m[i * cols + j], 2);
			grid_str(g, x + 1 + (int)j * (nw + 1) + nw - k, yy, buf, STYLE_NORMAL);
		}
		grid_str(g, x + bw - 1, yy, rb, STYLE_DIM);
	}
	return bw;
}

void strip_rnn_draw_head(const StripRnn *r, Grid *g, int x, int y, int w, Caps caps)
{
	const char *cap = _("The same weights at every step:");
	char wh[48], num[RNN_NUM];
	int cx = x;

	visual_num(num, sizeof num, r->scale, 2);
	snprintf(wh, sizeof wh, "W_h %s %s", caps.unicode ? "×" : "x", num);
	grid_text(g, x, y, cap, strlen(cap), w, STYLE_NORMAL);
	cx += draw_block(g, cx, y + 1, w, "W_x", r->wx, r->hid, 1, caps) + 2;
	cx += draw_block(g, cx, y + 1, w - (cx - x), wh, r->whs, r->hid, r->hid, caps) + 2;
	draw_block(g, cx, y + 1, w - (cx - x), "b", r->b, r->hid, 1, caps);
}

/* "h₃" in UTF-8, "h3" in ASCII. */
static void sub(char *out, size_t size, const char *letter, int t, Caps caps)
{
	char digits[16];
	size_t k, i;

	snprintf(digits, sizeof digits, "%d", t);
	k = (size_t)snprintf(out, size, "%s", letter);
	for (i = 0; digits[i] && k + 4 < size; i++) {
		if (caps.unicode) { /* U+2080 + d: E2 82 80 + d */
			out[k++] = '\xe2';
			out[k++] = '\x82';
			out[k++] = (char)(0x80 + (digits[i] - '0'));
		} else {
			out[k++] = digits[i];
		}
	}
	out[k] = 0;
}

/* "h₂ = 0.41 -0.22 0.36" followed by a note, cut to w. */
static void draw_state(const StripRnn *r, const double *h, Grid *g, int x, int y, int w, int t,
		       const char *note, Caps caps)
{
	char line[256], name[32], num[RNN_NUM];
	size_t k, u;

	sub(name, sizeof name, "h", t, caps);
	k = (size_t)snprintf(line, sizeof line, "%s =", name);
	for (u = 0; u < r->hid && k + RNN_NUM + 2 < sizeof line; u++) {
		visual_fixed(num, sizeof num, h ? h[u] : 0, 2);
		k += (size_t)snprintf(line + k, sizeof line - k, " %5s", num);
	}
	snprintf(line + k, sizeof line - k, "  %s", note);
	grid_text(g, x, y, line, strlen(line), w, STYLE_NORMAL);
}

void strip_rnn_draw_status(const StripRnn *r, Grid *g, int x, int y, int w, int t, int n,
			   Caps caps)
{
	char line[256], name[32];
	const double *h = r->h[r->seq];

	sub(name, sizeof name, "x", t + 1, caps);
	snprintf(line, sizeof line, _("step %d/%d, sequence %c: %s = %s"), t + 1, n,
		 'A' + r->seq, name, r->tok[r->seq][t]);
	grid_text(g, x, y, line, strlen(line), w, STYLE_BOLD);
	draw_state(r, t > 0 ? h + (size_t)(t - 1) * r->hid : NULL, g, x, y + 1, w, t,
		   _("the state before"), caps);
	draw_state(r, h + (size_t)t * r->hid, g, x, y + 2, w, t + 1, _("the new state"), caps);
}

unsigned strip_rnn_key(Instance *in, const Key *k, int t)
{
	Strip *s = in->state;
	StripRnn *r = s->rnn;
	double *x = &r->x[r->seq][t];

	if ((k->code == K_UP || k->code == K_DOWN) && r->nseq == 2) {
		int to = k->code == K_UP ? 0 : 1;
		if (to == r->seq)
			return WIDGET_IGNORED;
		r->seq = to;
		s->version++;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, '+') || key_is_char(k, '-')) {
		double v = *x + (key_is_char(k, '-') ? -input_step : input_step);
		if (fabs(v) > input_max || (size_t)t >= r->steps)
			return WIDGET_IGNORED;
		*x = v;
		r->fresh = false;
		strip_rnn_refresh(in);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	return WIDGET_IGNORED;
}
