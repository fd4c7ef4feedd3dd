/* pixels.c: the grid kind, a small pixel grid the learner paints: arrows move the
 * cursor, Space (or Enter) toggles a pixel, c clears them all; kernel=k draws a k x k
 * window that follows the cursor, as a convolution's kernel slides over an image.
 * Its value is the fraction of pixels on. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/core/visual.h"

typedef struct {
	int rows, cols;
	int x, y;       /* the cursor */
	int kernel;     /* the window's size, 0: none */
	bool editable;
	bool edited;    /* changed by the learner or restored: worth saving */
	double *px;     /* rows x cols brightness in [0, 1] */
	unsigned long version; /* of px, for those who read it */
} Pixels;

/* How cells are laid out at a width: cw columns per cell, gap columns after each. */
typedef struct {
	int cw, gap;
} PixelLayout;

static PixelLayout layout_for(const Pixels *p, int w)
{
	PixelLayout l = {2, 1};

	if (p->cols * 3 + 1 > w)
		l.cw = 1;
	if (p->cols * (l.cw + 1) + 1 > w)
		l.gap = 0;
	return l;
}

static int pixels_init(Instance *in)
{
	Pixels *p = calloc(1, sizeof *p);
	double cells[32 * 32];
	size_t n, i;

	if (!p)
		return -1;
	p->rows = (int)widget_num(in, "rows", 5);
	p->cols = (int)widget_num(in, "cols", 5);
	if (p->rows < 1 || p->rows > 32)
		p->rows = 5;
	if (p->cols < 1 || p->cols > 32)
		p->cols = 5;
	p->kernel = (int)widget_num(in, "kernel", 0);
	if (p->kernel < 2 || p->kernel > p->rows || p->kernel > p->cols)
		p->kernel = 0;
	p->editable = widget_bool(in, "editable", true);
	p->px = calloc((size_t)p->rows * (size_t)p->cols, sizeof *p->px);
	if (!p->px) {
		free(p);
		return -1;
	}
	n = widget_nums(in, "cells", cells, sizeof cells / sizeof *cells);
	for (i = 0; i < n && i < (size_t)p->rows * (size_t)p->cols && i < sizeof cells / sizeof *cells;
	     i++)
		p->px[i] = cells[i] < 0 ? 0 : cells[i] > 1 ? 1 : cells[i];
	in->state = p;
	return 0;
}

static void pixels_free(Instance *in)
{
	Pixels *p = in->state;

	free(p->px);
	free(p);
}

static int pixels_height(const Instance *in, int width)
{
	(void)width;
	return ((const Pixels *)in->state)->rows + 1;
}

static bool lit(double v)
{
	return v >= 0.5;
}

static int count_on(const Pixels *p, int x0, int y0, int w, int h)
{
	int x, y, n = 0;

	for (y = y0; y < y0 + h; y++)
		for (x = x0; x < x0 + w; x++)
			n += lit(p->px[y * p->cols + x]);
	return n;
}

/* The kernel window's top-left cell: centred on the cursor, kept inside the grid. */
static void window_at(const Pixels *p, int *wx, int *wy)
{
	*wx = p->x - p->kernel / 2;
	*wy = p->y - p->kernel / 2;
	if (*wx > p->cols - p->kernel)
		*wx = p->cols - p->kernel;
	if (*wy > p->rows - p->kernel)
		*wy = p->rows - p->kernel;
	if (*wx < 0)
		*wx = 0;
	if (*wy < 0)
		*wy = 0;
}

/* The window's outline in the gaps beside it: ┌│└ on the left, ┐│┘ on the right. */
static void draw_window(const Pixels *p, Grid *g, Rect r, PixelLayout l, Caps caps)
{
	int wx, wy, k, left, right;
	const char *u[2][3] = {{"┌", "│", "└"}, {"┐", "│", "┘"}};

	if (!p->kernel || !l.gap)
		return;
	window_at(p, &wx, &wy);
	left = r.x + wx * (l.cw + 1);
	right = r.x + (wx + p->kernel) * (l.cw + 1);
	for (k = 0; k < p->kernel; k++) {
		int part = k == 0 ? 0 : k == p->kernel - 1 ? 2 : 1;
		grid_str(g, left, r.y + wy + k, caps.unicode ? u[0][part] : part == 1 ? "|" : "+",
			 STYLE_ACCENT);
		grid_str(g, right, r.y + wy + k, caps.unicode ? u[1][part] : part == 1 ? "|" : "+",
			 STYLE_ACCENT);
	}
}

static void pixels_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	const Pixels *p = in->state;
	PixelLayout l = layout_for(p, r.w);
	int x, y, i, on = count_on(p, 0, 0, p->cols, p->rows), total = p->rows * p->cols;
	char status[128];

	for (y = 0; y < p->rows && y < r.h; y++)
		for (x = 0; x < p->cols; x++) {
			double v = p->px[y * p->cols + x];
			int gx = r.x + l.gap + x * (l.cw + l.gap);
			bool here = focused && x == p->x && y == p->y;
			Style st = here ? STYLE_FOCUS : v > 0 ? STYLE_ACCENT : STYLE_DIM;
			for (i = 0; i < l.cw; i++)
				grid_str(g, gx + i, r.y + y, visual_shade(v, caps), st);
		}
	draw_window(p, g, r, l, caps);
	snprintf(status, sizeof status, _("%d of %d on (%.2f)"), on, total, (double)on / total);
	if (p->kernel) {
		int wx, wy;
		size_t n = strlen(status);
		window_at(p, &wx, &wy);
		snprintf(status + n, sizeof status - n, _(", window %d of %d"),
			 count_on(p, wx, wy, p->kernel, p->kernel), p->kernel * p->kernel);
		if (utf8_width(status, strlen(status)) > r.w)
			status[n] = '\0'; /* no room for the window's count */
	}
	if (p->rows < r.h) {
		x = r.x + grid_text(g, r.x, r.y + p->rows, status, strlen(status), r.w, STYLE_NORMAL);
		if (focused && p->editable) {
			const char *hint = _("Space paints, c clears");
			if (x + 2 + utf8_width(hint, strlen(hint)) <= r.x + r.w)
				grid_str(g, x + 2, r.y + p->rows, hint, STYLE_DIM);
		}
	}
	if (focused) {
		*cx = r.x + l.gap + p->x * (l.cw + l.gap);
		*cy = r.y + p->y;
	}
}

static unsigned pixels_key(Instance *in, const Key *k)
{
	Pixels *p = in->state;
	int x = p->x, y = p->y, i;

	if (k->code == K_LEFT)
		x--;
	else if (k->code == K_RIGHT)
		x++;
	else if (k->code == K_UP)
		y--;
	else if (k->code == K_DOWN)
		y++;
	else if (k->code == K_HOME)
		x = 0;
	else if (k->code == K_END)
		x = p->cols - 1;
	else if (p->editable && (k->code == K_ENTER || key_is_char(k, ' '))) {
		double *v = &p->px[p->y * p->cols + p->x];
		*v = lit(*v) ? 0 : 1;
		p->edited = true;
	p->version++;
		p->version++;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	} else if (p->editable && key_is_char(k, 'c')) {
		for (i = 0; i < p->rows * p->cols; i++)
			p->px[i] = 0;
		p->edited = true;
	p->version++;
		p->version++;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	} else {
		return WIDGET_IGNORED;
	}
	if (x < 0 || x >= p->cols)
		return WIDGET_HANDLED; /* the row's end: stay */
	if (y < 0 || y >= p->rows)
		return WIDGET_IGNORED; /* the top or bottom: the player scrolls the page */
	p->x = x;
	p->y = y;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* The fraction of pixels on (brightness 0.5 or more). */
static bool pixels_value(const Instance *in, double *out)
{
	const Pixels *p = in->state;

	*out = (double)count_on(p, 0, 0, p->cols, p->rows) / (p->rows * p->cols);
	return true;
}

/* "fraction": the share of pixels on; "pixels": the brightness of each, a matrix. */
static bool pixels_output(const Instance *in, const char *name, Data *out)
{
	const Pixels *p = in->state;

	out->version = p->version;
	if (strcmp(name, "pixels") == 0) {
		out->rows = (size_t)p->rows;
		out->cols = (size_t)p->cols;
		out->v = p->px;
		return true;
	}
	out->v = &out->scalar;
	out->n = 1;
	return pixels_value(in, &out->scalar);
}

/* Saved once painted, as one digit 0-9 (brightness in ninths) per pixel, row by row. */
static void pixels_save(const Instance *in, const Store *st)
{
	const Pixels *p = in->state;
	char buf[32 * 32 + 1];
	int i, n = p->rows * p->cols;

	if (!p->edited)
		return;
	for (i = 0; i < n; i++)
		buf[i] = (char)('0' + (int)lround(p->px[i] * 9));
	buf[n] = '\0';
	st->set(st->ctx, "cells", buf);
}

static void pixels_restore(Instance *in, const Store *st)
{
	Pixels *p = in->state;
	const char *v = st->get(st->ctx, "cells");
	int i, n = p->rows * p->cols;

	if (!v || (int)strlen(v) != n)
		return;
	for (i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return;
	for (i = 0; i < n; i++)
		p->px[i] = (v[i] - '0') / 9.0;
	p->edited = true;
	p->version++;
}

static const WidgetOps pixels_ops = {
	.init = pixels_init,
	.free = pixels_free,
	.height = pixels_height,
	.draw = pixels_draw,
	.key = pixels_key,
	.save = pixels_save,
	.restore = pixels_restore,
	.value = pixels_value,
	.output = pixels_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "rows", .type = PARAM_INT, .min = 2, .max = 32, .required = true,
     .help = N_("cells down")},
    {.name = "cols", .type = PARAM_INT, .min = 2, .max = 32, .required = true,
     .help = N_("cells across")},
    {.name = "cells", .type = PARAM_NUMBERS, .min = 0, .max = 1,
     .help = N_("starting brightness of each cell, row by row (default: all 0)")},
    {.name = "editable", .type = PARAM_BOOL, .def = "yes",
     .help = N_("whether the learner may paint cells")},
    {.name = "kernel", .type = PARAM_INT, .min = 2, .max = 5,
     .help = N_("a kernel window of this size that follows the cursor, as in a convolution")},
};

static const OutputSpec outputs[] = {
    {"fraction", DATA_SCALAR, N_("the share of pixels on")},
    {"pixels", DATA_MATRIX, N_("the brightness of every pixel, rows by columns")},
};

static const KindKey keys[] = {
    {"Up Down Left Right", N_("move the cursor")},
    {"Home End", N_("the row's first or last pixel")},
    {"Space Enter", N_("turn the pixel on or off")},
    {"c", N_("clear every pixel")},
};

const WidgetKind grid_kind = {
    .schema = {.name = "grid",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a small pixel grid the learner paints"),
               .example = "id=pixels rows=5 cols=5 editable=yes"},
    KIND_LIST(keys, keys),
    .ops = &pixels_ops,
};
