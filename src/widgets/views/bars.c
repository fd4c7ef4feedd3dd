/* bars.c: a labelled bar chart of a vector (probabilities, gradient sizes per layer,
 * gate weights), one row per value, on a linear scale (negative values left of a zero
 * line, in their own glyph, so 3 and -9 never look alike without colour) or a log
 * scale of magnitudes (1e-12 to 1e3 and beyond, decades marked). It reads of= (a
 * vector, or several numbers) or literal values, and publishes what it shows.
 * Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/axes.h"
#include "nls.h"
#include "widgets/core/registry.h"

enum { BARS_MAX = 64 };

typedef struct {
	double lit[BARS_MAX]; /* the literal values */
	size_t nlit;
	bool log;
	bool fixed; /* range= given */
	double lo, hi;
	int digits;
	int highlight; /* 0 none, 1 the largest, -1 the smallest */
	/* What it publishes: the values shown, versioned by their changes. */
	double pub[BARS_MAX];
	const char *publab[BARS_MAX];
	size_t npub;
	unsigned long version;
} Bars;

typedef struct {
	double v[BARS_MAX];
	const char *label[BARS_MAX]; /* NULL: none */
	size_t len[BARS_MAX];        /* bytes of each label */
	char num[BARS_MAX][24];      /* labels made of an index: "1", "2"... */
	size_t n;
} Items;

static void add(Items *it, double v, const char *label, size_t len)
{
	if (it->n >= BARS_MAX)
		return;
	it->v[it->n] = v;
	it->label[it->n] = label;
	it->len[it->n] = label ? len : 0;
	it->n++;
}

/* The values shown with their labels: labels= first, then the vector's own labels or
 * the ids of the numbers read, else the position from 1. */
static void bars_items(const Instance *in, Items *it)
{
	const Bars *b = in->state;
	size_t i, j, nrefs = widget_nwords(in, "of");
	Data d;

	it->n = 0;
	if (!nrefs)
		for (i = 0; i < b->nlit; i++)
			add(it, b->lit[i], NULL, 0);
	for (i = 0; i < nrefs; i++) {
		const char *ref = widget_word(in, "of", i);
		if (!scene_data_at(in, "of", i, &d))
			continue;
		if (d.type == DATA_SCALAR)
			add(it, d.scalar, ref, schema_ref_id_len(ref));
		for (j = 0; d.type == DATA_VECTOR && j < d.n; j++)
			add(it, d.v[j], d.labels ? d.labels[j] : NULL,
			    d.labels && d.labels[j] ? strlen(d.labels[j]) : 0);
	}
	for (i = 0; i < it->n; i++) {
		const char *l = widget_word(in, "labels", i);
		if (l) {
			it->label[i] = l;
			it->len[i] = strlen(l);
		} else if (!it->label[i]) {
			snprintf(it->num[i], sizeof it->num[i], "%zu", i + 1);
			it->label[i] = it->num[i];
			it->len[i] = strlen(it->num[i]);
		}
	}
}

static int bars_init(Instance *in)
{
	Bars *b = calloc(1, sizeof *b);
	const char *hl;

	if (!b)
		return -1;
	in->state = b;
	b->nlit = widget_nums(in, "values", b->lit, BARS_MAX);
	if (b->nlit > BARS_MAX)
		b->nlit = BARS_MAX;
	b->log = strcmp(widget_str(in, "scale", "linear"), "log") == 0;
	b->fixed = widget_range(in, "range", &b->lo, &b->hi) && (!b->log || b->lo > 0);
	b->digits = (int)widget_num(in, "digits", 3);
	hl = widget_str(in, "highlight", "none");
	b->highlight = strcmp(hl, "max") == 0 ? 1 : strcmp(hl, "min") == 0 ? -1 : 0;
	return 0;
}

static void bars_free(Instance *in)
{
	free(in->state);
}

static int bars_height(const Instance *in, int width)
{
	const Bars *b = in->state;
	Items it;

	(void)width;
	bars_items(in, &it);
	if (it.n == 0)
		return 1;
	return (widget_str(in, "title", NULL) != NULL) + (int)it.n + b->log;
}

/* The scale: linear from lo to hi (including 0), or log10 from decade lo to hi. */
typedef struct {
	double lo, hi;
	int neg, pos; /* linear: cells left and right of the zero line */
} Scale;

static void scale_for(const Bars *b, const Items *it, int cells, Scale *s)
{
	size_t i;
	double a = INFINITY, z = -INFINITY;

	for (i = 0; i < it->n; i++) {
		double v = b->log ? fabs(it->v[i]) : it->v[i];
		if (isfinite(v) && (!b->log || v > 0)) {
			a = fmin(a, v);
			z = fmax(z, v);
		}
	}
	if (b->log) {
		s->lo = b->fixed ? log10(b->lo) : isfinite(a) ? floor(log10(a)) : -3;
		s->hi = b->fixed ? log10(b->hi) : isfinite(z) ? ceil(log10(z)) : 0;
		if (s->hi <= s->lo)
			s->hi = s->lo + 1;
		s->neg = 0;
		s->pos = cells;
		return;
	}
	s->lo = b->fixed ? b->lo : isfinite(a) ? fmin(a, 0) : 0;
	s->hi = b->fixed ? b->hi : isfinite(z) ? fmax(z, 0) : 1;
	if (s->hi <= s->lo)
		s->hi = s->lo + 1;
	/* The zero line takes a cell; all cells go to one side when there is no other. */
	cells--;
	s->neg = s->lo < 0 ? (s->hi > 0 ? (int)lround(cells * -s->lo / (s->hi - s->lo)) : cells) : 0;
	s->pos = cells - s->neg;
}

/* The length of v's bar in cells (negative: to the left) times `parts`. */
static int length(const Bars *b, const Scale *s, double v, int parts)
{
	double f;

	if (!isfinite(v) || v == 0)
		return 0;
	if (b->log) /* every number that is not 0 has a sliver at least */
		f = fmin(fmax((log10(fabs(v)) - s->lo) / (s->hi - s->lo) * s->pos, 1e-9), s->pos);
	else if (v < 0)
		f = s->neg > 0 ? fmax(v, s->lo) / s->lo * s->neg : 0;
	else
		f = s->pos > 0 && s->hi > 0 ? fmin(v, s->hi) / s->hi * s->pos : 0;
	if (!(f > 0))
		return 0;
	return lround(f * parts) > 0 ? (int)lround(f * parts) : 1; /* a sliver at least */
}

/* The item that is highlighted, or -1. */
static int highlighted(const Bars *b, const Items *it)
{
	size_t i;
	int best = -1;

	for (i = 0; b->highlight && i < it->n; i++)
		if (isfinite(it->v[i]) &&
		    (best < 0 || (b->highlight > 0 ? it->v[i] > it->v[best] : it->v[i] < it->v[best])))
			best = (int)i;
	return best;
}

/* Row y of the bar region from x (cells wide): one bar. Positive bars in eighths of a
 * cell ("█▉▊▋▌▍▎▏", ASCII '#'); negative ones in whole cells of '▒' (ASCII '-'). */
static void draw_bar(const Bars *b, const Scale *s, Grid *g, int x, int y, double v, Caps caps)
{
	int zx = x + s->neg, e, c;
	Colour col = v < 0 ? COLOUR_CLASS0 : COLOUR_CLASS1;

	if (!b->log)
		grid_put(g, zx, y, caps.unicode ? 0x2502 : '|', STYLE_DIM);
	else
		zx = x - 1;
	if (v < 0) {
		for (c = 1, e = length(b, s, v, 1); c <= e; c++)
			grid_put_colour(g, b->log ? zx + c : zx - c, y, caps.unicode ? 0x2592 : '-',
					STYLE_NORMAL, col, COLOUR_NONE);
		return;
	}
	for (c = 1, e = length(b, s, v, caps.unicode ? 8 : 1); e > 0; c++, e -= caps.unicode ? 8 : 1)
		grid_put_colour(g, zx + c, y, !caps.unicode ? '#' : e >= 8 ? 0x2588 : 0x2590 - (uint32_t)e,
				STYLE_NORMAL, col, COLOUR_NONE);
}

/* A decade's label: "0.01" to "1000", else "1e-12". Returns its length. */
static int decade(char *out, size_t size, int d)
{
	if (d >= -2 && d <= 3)
		return snprintf(out, size, "%g", pow(10, d));
	return snprintf(out, size, "1e%d", d);
}

/* Decades under a log chart: a dim mark in each row's empty cells at every decade, and
 * on the last row the labels of every k-th decade, k (1, 2, 3, 5, 10...) as small as
 * lets them stand apart. */
static void draw_decades(const Scale *s, Grid *g, int x, int y, int rows, Caps caps)
{
	int d, r, k = 1, widest = 0, lo = (int)ceil(s->lo), hi = (int)floor(s->hi);
	double per = (s->pos - 1) / (s->hi - s->lo); /* columns per decade */
	char lab[16];
	static const int steps[] = {1, 2, 3, 5, 10, 20, 50, 100};
	size_t i;

	for (d = lo; d <= hi; d++) {
		int n = decade(lab, sizeof lab, d);
		widest = n > widest ? n : widest;
	}
	for (i = 0; i < sizeof steps / sizeof *steps && steps[i] * per < widest + 1; i++)
		k = i + 1 < sizeof steps / sizeof *steps ? steps[i + 1] : steps[i];
	for (d = lo; d <= hi; d++) {
		int cx = x + (int)lround((d - s->lo) * per), n;
		for (r = 0; r < rows; r++) {
			Cell *c = grid_at(g, cx, y + r);
			if (c && c->ch == ' ')
				grid_str(g, cx, y + r, caps.unicode ? "┊" : ":", STYLE_DIM);
		}
		n = decade(lab, sizeof lab, d);
		if (d % k == 0 && cx + n <= g->w)
			grid_str(g, cx, y + rows, lab, STYLE_DIM);
	}
}

static void bars_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	const Bars *b = in->state;
	const char *title = widget_str(in, "title", NULL);
	Items it;
	Scale s;
	char buf[AXES_LABEL_MAX + 8];
	int lw = 0, vw = 0, bw, i, y = r.y, best, bx;

	(void)focused, (void)cx, (void)cy;
	bars_items(in, &it);
	if (it.n == 0) {
		const char *none = _("(no values yet)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	if (title)
		grid_text(g, r.x, y++, title, strlen(title), r.w, STYLE_BOLD);
	best = highlighted(b, &it);
	for (i = 0; i < (int)it.n; i++) {
		int k = utf8_width(it.label[i], it.len[i]);
		lw = k > lw ? k : lw;
		k = axes_number(buf, sizeof buf, it.v[i], b->digits);
		k = utf8_width(buf, (size_t)k) + (i == best ? 2 : 0);
		vw = k > vw ? k : vw;
	}
	if (lw > r.w / 3)
		lw = r.w / 3;
	bw = r.w - lw - 1 - vw - 1;
	if (bw < 4) { /* too narrow for the values: bars and labels only */
		vw = 0;
		bw = r.w - lw - 1;
	}
	bx = r.x + lw + 1;
	scale_for(b, &it, bw, &s);
	for (i = 0; i < (int)it.n; i++, y++) {
		Style st = i == best ? STYLE_BOLD : STYLE_NORMAL;
		int k = utf8_width(it.label[i], it.len[i]);
		grid_text(g, r.x + (k < lw ? lw - k : 0), y, it.label[i], it.len[i], lw, st);
		draw_bar(b, &s, g, bx, y, it.v[i], caps);
		if (!vw)
			continue;
		k = axes_number(buf, sizeof buf, it.v[i], b->digits);
		k = utf8_width(buf, (size_t)k) + (best >= 0 ? 2 : 0);
		if (i == best)
			strcat(buf, caps.unicode ? " ◀" : " <");
		grid_str(g, r.x + r.w - vw + (vw - k), y, buf, st); /* right-aligned */
	}
	if (b->log)
		draw_decades(&s, g, bx, y - (int)it.n, (int)it.n, caps);
}

/* "values": what it shows, labelled (a copy: valid until the values change). */
static bool bars_output(const Instance *in, const char *name, Data *out)
{
	Bars *b = in->state;
	Items it;
	size_t i;

	(void)name;
	bars_items(in, &it);
	if (it.n != b->npub || memcmp(it.v, b->pub, it.n * sizeof *it.v) != 0)
		b->version++;
	memcpy(b->pub, it.v, it.n * sizeof *it.v);
	for (i = 0; i < it.n; i++) /* labels made of an index have no lasting text */
		b->publab[i] = it.label[i] == it.num[i] ? NULL : it.label[i];
	b->npub = it.n;
	out->version = b->version;
	out->n = b->npub;
	out->v = b->pub;
	out->labels = b->publab;
	return true;
}

static const WidgetOps bars_ops = {
	.init = bars_init,
	.free = bars_free,
	.height = bars_height,
	.draw = bars_draw,
	.output = bars_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "of", .type = PARAM_REFS, .nmin = 1, .nmax = BARS_MAX,
     .accepts = DATA_VECTOR | DATA_SCALAR,
     .help = N_("the widgets whose numbers it shows: a vector, or one number each")},
    {.name = "values", .type = PARAM_NUMBERS, .nmin = 1, .nmax = BARS_MAX,
     .help = N_("the numbers it shows (without of)")},
    {.name = "labels", .type = PARAM_WORDS, .nmax = BARS_MAX,
     .help = N_("a name for each bar (default: the vector's names, the ids read, or 1, 2, ...)")},
    {.name = "title", .type = PARAM_STRING, .help = N_("a line above the bars")},
    {.name = "scale", .type = PARAM_CHOICE, .choices = "linear|log", .def = "linear",
     .help = N_("linear, or log: the sizes of the numbers in powers of ten")},
    {.name = "range", .type = PARAM_RANGE,
     .help = N_("the values at the ends of the bars (default: the numbers', with 0)")},
    {.name = "digits", .type = PARAM_INT, .min = 1, .max = 6, .def = "3",
     .help = N_("significant digits of the numbers shown")},
    {.name = "highlight", .type = PARAM_CHOICE, .choices = "none|max|min", .def = "none",
     .help = N_("mark the largest or the smallest number")},
};

static const OutputSpec outputs[] = {
    {"values", DATA_VECTOR, N_("the numbers it shows, with their labels")},
};

const WidgetKind bars_kind = {
    .schema = {.name = "bars",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a bar chart of numbers, on a linear or a log scale"),
               .example = "id=sizes values=0.8,1e-3,2e-7,4e-12 labels=L4,L3,L2,L1 scale=log"},
    .ops = &bars_ops,
};
