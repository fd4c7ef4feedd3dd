/* netdiag.c: the network diagram: layout, links on a braille canvas, neurons, values,
 * link labels, the highlighted path and the wave. Must not include curses. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/axes.h"
#include "draw/netdiag.h"

#define LINK_MAX         (NETDIAG_MAX_LAYERS * NETDIAG_MAX_NEURONS * NETDIAG_MAX_NEURONS)
#define LABELS_MAX_LINKS 16   /* weights are printed on networks with at most this many */
#define FAINT            0.2  /* of the largest |w|: dotted below */
#define STRONG           0.6  /* in the class colours, doubled on small networks, above */
#define MEDIUM           0.45 /* the ramp step for links between */

void netdiag_init(NetDiag *d)
{
	memset(d, 0, sizeof *d);
	canvas_init(&d->cv);
}

void netdiag_free(NetDiag *d)
{
	canvas_free(&d->cv);
}

int netdiag_value(char *out, size_t size, double v)
{
	char buf[64];
	int dec;

	if (isfinite(v) && fabs(v) < 0.005)
		v = 0; /* never "-0.00" */
	for (dec = 2; dec >= 0 && isfinite(v); dec--) {
		snprintf(buf, sizeof buf, "%.*f", dec, v);
		if (strlen(buf) <= NETDIAG_VALUE_W) {
			snprintf(out, size, "%s", buf);
			return (int)strlen(out);
		}
	}
	return axes_number(out, size, v, 1);
}

int netdiag_spec_mlp(NetDiagSpec *s, int *sizes, const double **w, const Mlp *m)
{
	size_t l;

	memset(s, 0, sizeof *s);
	if (m->n_layers + 1 > NETDIAG_MAX_LAYERS)
		return -1;
	for (l = 0; l <= m->n_layers; l++) {
		if (m->sizes[l] > NETDIAG_MAX_NEURONS)
			return -1;
		sizes[l] = (int)m->sizes[l];
		if (l < m->n_layers)
			w[l] = m->params + m->w_off[l];
	}
	s->nlayers = (int)m->n_layers + 1;
	s->sizes = sizes;
	s->weights = w;
	s->focus_layer = s->focus_neuron = -1;
	return 0;
}

static bool valid(const NetDiagSpec *s)
{
	int l;

	if (!s || !s->sizes || s->nlayers < 1 || s->nlayers > NETDIAG_MAX_LAYERS)
		return false;
	for (l = 0; l < s->nlayers; l++)
		if (s->sizes[l] < 1 || s->sizes[l] > NETDIAG_MAX_NEURONS)
			return false;
	return true;
}

static int links_in(const NetDiagSpec *s)
{
	int l, n = 0;

	for (l = 0; l + 1 < s->nlayers; l++)
		n += s->sizes[l] * s->sizes[l + 1];
	return n;
}

const char *netdiag_name(const NetDiagSpec *s, int l, int j)
{
	int k, at = 0;

	if (!s || !s->names || l < 0 || l >= s->nlayers || j < 0 || j >= s->sizes[l])
		return NULL;
	for (k = 0; k < l; k++)
		at += s->sizes[k];
	return s->names[at + j] && *s->names[at + j] ? s->names[at + j] : NULL;
}

/* The widest name of column l, at most NETDIAG_NAME_W columns (0: none). */
static int names_width(const NetDiagSpec *s, int l)
{
	int j, w = 0;

	for (j = 0; j < s->sizes[l]; j++) {
		const char *n = netdiag_name(s, l, j);
		int nw = n ? utf8_width(n, strlen(n)) : 0;
		w = nw > w ? nw : w;
	}
	return w > NETDIAG_NAME_W ? NETDIAG_NAME_W : w;
}

/* Columns before a neuron of column l: its name and a blank. */
static int name_cols(const NetDiagLayout *lay, int l)
{
	return lay->names && lay->name_w[l] ? lay->name_w[l] + 1 : 0;
}

int netdiag_layout(NetDiagLayout *lay, int x, int y, int w, int h, const NetDiagSpec *s)
{
	int l, j, maxn = 0, cols, gap = 0, left, nl, named = 0;

	memset(lay, 0, sizeof *lay);
	if (!valid(s))
		return -1;
	nl = s->nlayers;
	for (l = 0; l < nl; l++) {
		maxn = s->sizes[l] > maxn ? s->sizes[l] : maxn;
		lay->name_w[l] = names_width(s, l);
		named += lay->name_w[l];
	}
	if (h < maxn || w < 1)
		return -1;
	lay->value_w = s->values ? NETDIAG_VALUE_W : 0;
	lay->names = named > 0;
	for (;;) {
		/* A column: "name ", the neuron, then " value"; links start one blank
		 * further. Without room the values go first, then the names. */
		cols = nl * (1 + (lay->value_w ? 1 + lay->value_w : 0));
		for (l = 0; l < nl; l++)
			cols += name_cols(lay, l);
		gap = nl > 1 ? (w - cols) / (nl - 1) : 0;
		if (nl == 1 || gap >= (lay->value_w ? 5 : 3))
			break;
		if (!lay->value_w && !lay->names)
			return -1;
		if (lay->value_w)
			lay->value_w = 0;
		else
			lay->names = false;
	}
	if (nl == 1 && cols > w) {
		lay->value_w = 0;
		lay->names = false;
		cols = 1;
	}
	left = x + (w - (cols + (nl - 1) * gap)) / 2;
	lay->nlayers = nl;
	for (l = 0; l < nl; l++) {
		int n = s->sizes[l];
		left += name_cols(lay, l);
		lay->sizes[l] = n;
		for (j = 0; j < n; j++) {
			lay->x[l][j] = left;
			lay->y[l][j] = y + (2 * j + 1) * h / (2 * n);
		}
		left += 1 + (lay->value_w ? 1 + lay->value_w : 0) + gap;
	}
	lay->link_labels = s->weights && links_in(s) <= LABELS_MAX_LINKS && gap >= 9;
	return 0;
}

typedef struct {
	uint8_t gap, from, to; /* gap l: from neuron `from` of column l to `to` of l + 1 */
	double w;
} Link;

static double weight_of(const NetDiagSpec *s, int l, int i, int j)
{
	if (!s->weights || !s->weights[l])
		return NAN;
	return s->weights[l][(size_t)j * (size_t)s->sizes[l] + (size_t)i];
}

/* Weakest first, so strong links win the cells they share; ties keep their order. */
static int by_size(const void *a, const void *b)
{
	const Link *p = a, *q = b;
	double x = isnan(p->w) ? -1 : fabs(p->w), y = isnan(q->w) ? -1 : fabs(q->w);

	if (x != y)
		return x < y ? -1 : 1;
	if (p->gap != q->gap)
		return p->gap - q->gap;
	if (p->to != q->to)
		return p->to - q->to;
	return p->from - q->from;
}

/* The first cell of a link from neuron i of column l (right of its value), and the
 * last of one into neuron j of column l + 1 (left of its name). */
static int link_start(const NetDiagLayout *lay, int l, int i)
{
	return lay->x[l][i] + 1 + (lay->value_w ? 2 + lay->value_w : 1);
}

static int link_end(const NetDiagLayout *lay, int l, int j)
{
	return lay->x[l + 1][j] - 1 - name_cols(lay, l + 1);
}

/* A link's ends in canvas pixels: from the right of the source's value to the left of
 * the target neuron, at the neurons' rows. */
static void ends(const NetDiag *d, int l, int i, int j, int *x0, int *y0, int *x1, int *y1)
{
	const NetDiagLayout *lay = &d->lay;
	const Canvas *c = &d->cv;
	int start = link_start(lay, l, i), end = link_end(lay, l, j);
	int row = c->sy == 4 ? 1 : 0;

	*x0 = (start - c->x) * c->sx;
	*x1 = (end - c->x) * c->sx + c->sx - 1;
	*y0 = (lay->y[l][i] - c->y) * c->sy + row;
	*y1 = (lay->y[l + 1][j] - c->y) * c->sy + row;
}

/* Draws a link from fraction t0 to t1 of its length; thick adds a second line a pixel
 * lower. */
static void stroke(Canvas *c, const int *p, double t0, double t1, Colour col, uint8_t pen,
		   bool thick)
{
	int ax = (int)floor(p[0] + t0 * (p[2] - p[0]) + 0.5);
	int ay = (int)floor(p[1] + t0 * (p[3] - p[1]) + 0.5);
	int bx = (int)floor(p[0] + t1 * (p[2] - p[0]) + 0.5);
	int by = (int)floor(p[1] + t1 * (p[3] - p[1]) + 0.5);

	canvas_pen(c, pen);
	canvas_line(c, ax, ay, bx, by, col);
	if (thick && c->mode == CANVAS_BRAILLE) { /* a second line beside the first */
		bool flat = abs(bx - ax) >= abs(by - ay);
		canvas_pen(c, pen);
		canvas_line(c, ax + !flat, ay + flat, bx + !flat, by + flat, col);
	}
	canvas_pen(c, 0xFF);
}

static bool on_path(const NetDiagSpec *s, int l, int i)
{
	return s->path && s->path[l] == i && i >= 0;
}

/* Whether the wave has lit column l. */
static bool lit(const NetDiagSpec *s, int l)
{
	if (s->wave == NETDIAG_WAVE_FORWARD)
		return l <= floor(s->wave_pos + 1e-9);
	if (s->wave == NETDIAG_WAVE_BACKWARD)
		return l >= ceil(s->wave_pos - 1e-9);
	return true;
}

static void draw_links(NetDiag *d, const NetDiagSpec *s, Caps caps, Link *links, int n)
{
	double max = 0;
	int k, p[4];

	for (k = 0; k < n; k++)
		if (isfinite(links[k].w))
			max = fmax(max, fabs(links[k].w));
	qsort(links, (size_t)n, sizeof *links, by_size);
	for (k = 0; k < n; k++) {
		const Link *ln = &links[k];
		double m = max > 0 && isfinite(ln->w) ? fabs(ln->w) / max : -1;
		bool neg = ln->w < 0 && !caps.colours;
		Colour col = m < 0 ? COLOUR_MUTED : ln->w < 0 ? COLOUR_CLASS0 : COLOUR_CLASS1;
		uint8_t pen = neg ? 0x33 : 0xFF;
		int l = ln->gap;

		if (m >= 0 && m < STRONG) /* weaker links in the paler steps of the ramp */
			col = colour_ramp(ln->w < 0 ? -MEDIUM : MEDIUM);
		if (m >= 0 && m < FAINT)
			pen = neg ? 0x11 : 0x55;
		ends(d, l, ln->from, ln->to, &p[0], &p[1], &p[2], &p[3]);
		/* Doubled lines merge into blots where many links cross. */
		stroke(&d->cv, p, 0, 1, col, pen,
		       m > STRONG && s->sizes[l] * s->sizes[l + 1] <= LABELS_MAX_LINKS);
	}
	for (k = 0; k < n; k++) { /* the path and the wave over everything */
		const Link *ln = &links[k];
		int l = ln->gap;
		double f = s->wave_pos - floor(s->wave_pos);
		ends(d, l, ln->from, ln->to, &p[0], &p[1], &p[2], &p[3]);
		if (on_path(s, l, ln->from) && on_path(s, l + 1, ln->to))
			stroke(&d->cv, p, 0, 1, COLOUR_CLASS5, 0xFF, true);
		if (l != (int)floor(s->wave_pos) || f <= 0)
			continue;
		if (s->wave == NETDIAG_WAVE_FORWARD)
			stroke(&d->cv, p, 0, f, COLOUR_CLASS5, 0xFF, false);
		else if (s->wave == NETDIAG_WAVE_BACKWARD)
			stroke(&d->cv, p, f, 1, COLOUR_CLASS5, 0xFF, false);
	}
}

/* A name as drawn: in Unicode, the digits after a letter as subscripts ("h2" as
 * "h₂"); otherwise as it is. Returns the length in bytes. */
static int subscripted(char *out, size_t size, const char *name, Caps caps)
{
	size_t n = 0, i;
	bool after_letter = false;

	for (i = 0; name[i] && n + 4 < size; i++) {
		char ch = name[i];
		bool digit = ch >= '0' && ch <= '9';
		if (caps.unicode && digit && after_letter) { /* U+2080 + d: E2 82 80+d */
			out[n++] = (char)0xE2;
			out[n++] = (char)0x82;
			out[n++] = (char)(0x80 + (ch - '0'));
			continue;
		}
		out[n++] = ch;
		after_letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
	}
	out[n] = '\0';
	return (int)n;
}

static void draw_neurons(Grid *g, const NetDiagLayout *lay, const NetDiagSpec *s, Caps caps)
{
	char buf[32];
	int l, j;

	for (l = 0; l < lay->nlayers; l++) {
		const double *v = s->values ? s->values[l] : NULL;
		bool on = lit(s, l);
		for (j = 0; j < lay->sizes[l]; j++) {
			bool path = on_path(s, l, j);
			Style st = s->wave != NETDIAG_WAVE_NONE ? (on ? STYLE_ACCENT : STYLE_DIM)
								: STYLE_NORMAL;
			Colour fg = v && on && isfinite(v[j]) ? colour_ramp(v[j]) : COLOUR_NONE;
			uint32_t ch = caps.unicode ? (path ? 0x25C9 : 0x25CF) : (path ? '@' : 'o');

			if (path)
				st = STYLE_ACCENT;
			if (l == s->focus_layer && j == s->focus_neuron)
				st = STYLE_FOCUS;
			grid_put_colour(g, lay->x[l][j], lay->y[l][j], ch, st, fg, COLOUR_NONE);
			if (name_cols(lay, l) && netdiag_name(s, l, j)) {
				int n = subscripted(buf, sizeof buf, netdiag_name(s, l, j), caps);
				int nw = utf8_width(buf, (size_t)n);
				nw = nw > lay->name_w[l] ? lay->name_w[l] : nw;
				grid_text(g, lay->x[l][j] - 1 - nw, lay->y[l][j], buf, (size_t)n,
					  nw, STYLE_BOLD);
			}
			if (v && on && lay->value_w) {
				int n = netdiag_value(buf, sizeof buf, v[j]);
				grid_text(g, lay->x[l][j] + 2, lay->y[l][j], buf, (size_t)n,
					  lay->value_w, on && s->wave ? STYLE_BOLD : STYLE_NORMAL);
			}
		}
	}
}

typedef struct {
	int x0, x1, y; /* cells x0 .. x1 on row y */
} Span;

static bool overlaps(const Span *sp, int n, int x0, int x1, int y)
{
	int k;

	for (k = 0; k < n; k++)
		if (sp[k].y == y && x0 <= sp[k].x1 && x1 >= sp[k].x0)
			return true;
	return false;
}

/* The rows link (l: i -> j) passes through in the columns x0 .. x1 (cells), as the
 * canvas draws it: from the left edge of its first cell to the right edge of its
 * last, a little below the neurons' rows. False when it does not reach those
 * columns. */
static bool link_rows(const NetDiag *d, int l, int i, int j, int x0, int x1, int *r0, int *r1)
{
	const NetDiagLayout *lay = &d->lay;
	int sy = d->cv.sy > 0 ? d->cv.sy : 1;
	double off = ((sy == 4 ? 1 : 0) + 0.5) / sy; /* the pixel row ends() uses */
	double xs = link_start(lay, l, i), xe = link_end(lay, l, j) + 1;
	double y0 = lay->y[l][i] + off, y1 = lay->y[l + 1][j] + off;
	double a = x0 > xs ? x0 : xs, b = x1 + 1 < xe ? x1 + 1 : xe, ra, rb;

	if (a >= b || xe <= xs)
		return false;
	ra = y0 + (a - xs) / (xe - xs) * (y1 - y0);
	rb = y0 + (b - xs) / (xe - xs) * (y1 - y0);
	*r0 = (int)floor(fmin(ra, rb));
	*r1 = (int)floor(fmax(ra, rb));
	return true;
}

/* Whether a link of gap l other than i -> j passes through row y in columns x0 .. x1. */
static bool crossed(const NetDiag *d, int l, int i, int j, int x0, int x1, int y)
{
	int a, b, r0, r1;

	for (a = 0; a < d->lay.sizes[l]; a++)
		for (b = 0; b < d->lay.sizes[l + 1]; b++)
			if ((a != i || b != j) && link_rows(d, l, a, b, x0, x1, &r0, &r1) &&
			    y >= r0 && y <= r1)
				return true;
	return false;
}

/* Prints each link's weight on it, trying every column from the middle outwards
 * (within the middle 70% of the link): first for a spot its link alone passes through
 * (with the blank each side), four columns from any other label on its row and not
 * touching one on the rows above and below, so a label is never read as another
 * link's or as part of a pair; then for such a spot that other links cross; failing
 * that, the first spot that keeps a blank from neurons, values and other labels. */
static void draw_link_labels(Grid *g, const NetDiag *d, const NetDiagSpec *s)
{
	enum { NFRAC = 7 };
	static const double frac[NFRAC] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75};
	const NetDiagLayout *lay = &d->lay;
	Span sp[NETDIAG_MAX_LAYERS * NETDIAG_MAX_NEURONS + LABELS_MAX_LINKS];
	int n = 0, neurons, l, i, j, k, pass;
	char buf[AXES_LABEL_MAX];

	for (l = 0; l < lay->nlayers; l++)
		for (j = 0; j < lay->sizes[l]; j++)
			sp[n++] = (Span){lay->x[l][j] - name_cols(lay, l),
					 lay->x[l][j] + 1 + (lay->value_w ? 1 + lay->value_w : 0),
					 lay->y[l][j]};
	neurons = n;
	for (l = 0; l + 1 < lay->nlayers; l++) {
		for (j = 0; j < lay->sizes[l + 1]; j++) {
			for (i = 0; i < lay->sizes[l]; i++) {
				double w = weight_of(s, l, i, j);
				int x0 = link_start(lay, l, i), x1 = link_end(lay, l, j), len;
				bool placed = false;
				if (!isfinite(w))
					continue;
				len = axes_number(buf, sizeof buf, w, 2);
				for (pass = 0; pass < 3 && !placed; pass++) {
					/* A few points from the middle outwards, then every
					 * column the same way. */
					for (k = 0; k < NFRAC + x1 - x0 + 1 && !placed; k++) {
						int step = k - NFRAC;
						double at = k < NFRAC ? frac[k]
							    : 0.5 + (step % 2 ? (step + 1) / 2 : -(step / 2)) /
									(double)(x1 > x0 ? x1 - x0 : 1);
						double cx = x0 + at * (x1 - x0);
						int y = (int)floor(
						    lay->y[l][i] +
						    at * (lay->y[l + 1][j] - lay->y[l][i]) + 0.5);
						int lx = (int)floor(cx + 0.5) - (len - 1) / 2;
						if (at < 0.15 || at > 0.85)
							continue;
						int m = pass < 2 ? 4 : 1; /* from other labels */
						if (lx < x0 || lx + len - 1 > x1 ||
						    overlaps(sp, n, lx - 1, lx + len, y) ||
						    overlaps(sp + neurons, n - neurons, lx - m,
							     lx + len - 1 + m, y) ||
						    (pass < 2 &&
						     (overlaps(sp + neurons, n - neurons, lx - 1,
							       lx + len, y - 1) ||
						      overlaps(sp + neurons, n - neurons, lx - 1,
							       lx + len, y + 1))) ||
						    (pass == 0 && crossed(d, l, i, j, lx - 1, lx + len, y)))
							continue;
						/* A blank each side: a stroke '-' must not read as a
						 * sign. */
						grid_put(g, lx - 1, y, ' ', STYLE_NORMAL);
						grid_put(g, lx + len, y, ' ', STYLE_NORMAL);
						for (int c = 0; c < len; c++)
							grid_put_colour(
							    g, lx + c, y, (uint8_t)buf[c], STYLE_NORMAL,
							    w < 0 ? COLOUR_CLASS0 : COLOUR_CLASS1,
							    COLOUR_NONE);
						sp[n++] = (Span){lx, lx + len - 1, y};
						placed = true;
					}
				}
			}
		}
	}
}

/* "2-8-8-1" centred: what is drawn when the diagram does not fit. */
static void summary(Grid *g, int x, int y, int w, int h, const NetDiagSpec *s)
{
	char buf[NETDIAG_MAX_LAYERS * 12 + 1] = "";
	size_t len = 0;
	int l, tw;

	if (!s || !s->sizes || s->nlayers < 1)
		return;
	for (l = 0; l < s->nlayers && l < NETDIAG_MAX_LAYERS; l++)
		len = str_addf(buf, sizeof buf, len, l ? "-%d" : "%d", s->sizes[l]);
	tw = (int)strlen(buf);
	grid_text(g, x + (tw < w ? (w - tw) / 2 : 0), y + (h > 0 ? (h - 1) / 2 : 0), buf,
		  strlen(buf), w, STYLE_DIM);
}

int netdiag_draw(NetDiag *d, Grid *g, int x, int y, int w, int h, const NetDiagSpec *s, Caps caps)
{
	Link links[LINK_MAX];
	int l, i, j, n = 0;

	if (netdiag_layout(&d->lay, x, y, w, h, s) != 0) {
		summary(g, x, y, w, h, s);
		return -1;
	}
	if (canvas_reshape(&d->cv, x, y, w, h, canvas_mode(caps, false)) != 0)
		return -1;
	for (l = 0; l + 1 < s->nlayers; l++)
		for (j = 0; j < s->sizes[l + 1]; j++)
			for (i = 0; i < s->sizes[l]; i++)
				links[n++] = (Link){(uint8_t)l, (uint8_t)i, (uint8_t)j,
						    weight_of(s, l, i, j)};
	draw_links(d, s, caps, links, n);
	canvas_blit(&d->cv, g, caps);
	if (d->lay.link_labels)
		draw_link_labels(g, d, s);
	draw_neurons(g, &d->lay, s, caps);
	return 0;
}
