/* pool.c: the pool kind: a feature map another widget publishes, pooled k x k with
 * stride k by src/nn's maxpool2d and avgpool2d; a window steps across the map (keys,
 * or an animation controller) and the two pooled maps fill in cell by cell, the window's
 * numbers, their largest and their mean printed under them. Must not own the loop or
 * write files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/conv.h"
#include "widgets/core/heat.h"
#include "widgets/core/mpanel.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { POOL_IN = 32, POOL_OUT = POOL_IN / 2, POOL_LINES = 3 };

typedef struct {
	int k;    /* the window's side, and its stride */
	Steps at; /* the window's position, in reading order of the pooled map */
	double max[POOL_OUT * POOL_OUT], mean[POOL_OUT * POOL_OUT]; /* published */
} Pool;

/* Both pooled maps of the map read (at most POOL_IN a side), *ph x *pw each; false when
 * there is no map, or it is too small or too large. */
static bool pool_maps(const Instance *in, HeatMatrix *m, double *mx, double *av, int *ph, int *pw)
{
	const Pool *p = in->state;
	Pool2dShape sh;

	if (!heat_matrix(in, "matrix", NULL, 0, 0, m) || m->rows > POOL_IN || m->cols > POOL_IN)
		return false;
	sh = (Pool2dShape){.n = 1, .c = 1, .h = m->rows, .w = m->cols, .k = (size_t)p->k,
			   .stride = (size_t)p->k};
	if (!pool2d_valid(&sh))
		return false;
	maxpool2d_forward(mx, m->v, &sh);
	avgpool2d_forward(av, m->v, &sh);
	*ph = (int)pool2d_out_h(&sh);
	*pw = (int)pool2d_out_w(&sh);
	return true;
}

static int pool_init(Instance *in)
{
	Pool *p = calloc(1, sizeof *p);

	if (!p)
		return -1;
	p->k = (int)widget_num(in, "size", 2);
	steps_init(&p->at, 0);
	in->state = p;
	return 0;
}

static void pool_free(Instance *in)
{
	free(in->state);
}

/* Where everything goes at a width. */
typedef struct {
	HeatMatrix m;
	double mx[POOL_OUT * POOL_OUT], av[POOL_OUT * POOL_OUT];
	int ph, pw, pos;
	MPanel in, max, mean;
	bool wide; /* the pooled maps beside the map, else under it */
	char status[256];
} PoolLayout;

static bool layout(const Instance *in, int w, PoolLayout *l)
{
	const Pool *p = in->state;
	char nums[160], a[32], b[32];
	int i, j, u, v, len = 0;

	if (!pool_maps(in, &l->m, l->mx, l->av, &l->ph, &l->pw))
		return false;
	l->pos = steps_at(&p->at, l->ph * l->pw);
	i = l->pos / l->pw;
	j = l->pos % l->pw;
	l->in = (MPanel){.v = l->m.v, .rows = (int)l->m.rows, .cols = (int)l->m.cols,
			 .shown = (int)(l->m.rows * l->m.cols), .digits = 2, .wr = p->k, .wc = p->k,
			 .r0 = i * p->k, .c0 = j * p->k};
	l->max = (MPanel){.v = l->mx, .rows = l->ph, .cols = l->pw, .shown = l->pos + 1, .digits = 2,
			  .wr = 1, .wc = 1, .r0 = i, .c0 = j};
	l->mean = l->max;
	l->mean.v = l->av;
	l->wide = mpanel_fit(&l->in) + 2 + mpanel_fit(&l->max) + 2 + mpanel_fit(&l->mean) <= w;
	nums[0] = '\0';
	for (u = 0; u < p->k; u++)
		for (v = 0; v < p->k; v++) {
			visual_num(a, sizeof a, l->m.v[(size_t)(i * p->k + u) * l->m.cols + (size_t)(j * p->k + v)], 2);
			len += snprintf(nums + len, sizeof nums - (size_t)len, "%s%s", len ? ", " : "", a);
			if (len >= (int)sizeof nums)
				len = (int)sizeof nums - 1;
		}
	visual_num(a, sizeof a, l->mx[l->pos], 2);
	visual_num(b, sizeof b, l->av[l->pos], 2);
	snprintf(l->status, sizeof l->status, _("Window %d/%d: %s. Max %s, mean %s."), l->pos + 1,
		 l->ph * l->pw, nums, a, b);
	return true;
}

static int pool_height(const Instance *in, int width)
{
	PoolLayout l;
	int n;

	if (!layout(in, width, &l))
		return 1;
	n = wrap_text(l.status, strlen(l.status), width, NULL, 0);
	return 1 + (int)l.m.rows + (l.wide ? 0 : 1 + l.ph) + (n < POOL_LINES ? n : POOL_LINES);
}

static void pool_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	PoolLayout l;
	WrapLine lines[POOL_LINES];
	int y = r.y, x2, y2, n, k;

	if (!layout(in, r.w, &l)) {
		const char *none = _("(no feature map to pool)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	x2 = l.wide ? r.x + mpanel_fit(&l.in) + 2 : r.x;
	y2 = l.wide ? y : y + 1 + (int)l.m.rows;
	grid_str(g, r.x + 1, y, _("Feature map"), STYLE_DIM);
	mpanel_draw(&l.in, g, r.x, y + 1, caps);
	grid_str(g, x2 + 1, y2, _("Max"), STYLE_DIM);
	mpanel_draw(&l.max, g, x2, y2 + 1, caps);
	x2 += mpanel_fit(&l.max) + 2;
	grid_str(g, x2 + 1, y2, _("Mean"), STYLE_DIM);
	mpanel_draw(&l.mean, g, x2, y2 + 1, caps);
	if (focused) {
		*cx = mpanel_cell_x(&l.in, r.x, l.in.c0);
		*cy = y + 1 + l.in.r0;
	}
	y = (l.wide ? y + 1 + (int)l.m.rows : y2 + 1 + l.ph);
	n = wrap_text(l.status, strlen(l.status), r.w, lines, POOL_LINES);
	for (k = 0; k < n && k < POOL_LINES; k++)
		grid_text(g, r.x, y + k, l.status + lines[k].start, lines[k].len, r.w, STYLE_NORMAL);
}

/* The windows now (0 without a map to pool). */
static int pool_steps(const Instance *in)
{
	HeatMatrix m;
	double mx[POOL_OUT * POOL_OUT], av[POOL_OUT * POOL_OUT];
	int ph, pw;

	return pool_maps(in, &m, mx, av, &ph, &pw) ? ph * pw : 0;
}

static unsigned pool_key(Instance *in, const Key *k)
{
	Pool *p = in->state;
	int n = pool_steps(in), to;

	if (n == 0 || (to = steps_key_target(&p->at, n, k, false)) < 0)
		return WIDGET_IGNORED;
	return steps_key_go(&p->at, n, to, &in->animating);
}

static bool pool_tick(Instance *in, double dt)
{
	Pool *p = in->state;

	return steps_tick(&p->at, pool_steps(in), dt, &in->animating);
}

static void pool_animate(Instance *in, AnimCommand cmd, double arg)
{
	Pool *p = in->state;

	steps_command(&p->at, pool_steps(in), cmd, arg, &in->animating);
}

static void pool_anim_state(const Instance *in, AnimState *st)
{
	steps_state(&((const Pool *)in->state)->at, pool_steps(in), st);
}

/* "max" and "mean": the whole pooled maps. */
static bool pool_output(const Instance *in, const char *name, Data *out)
{
	Pool *p = in->state;
	HeatMatrix m;
	double mx[POOL_OUT * POOL_OUT], av[POOL_OUT * POOL_OUT];
	int ph, pw;

	if ((strcmp(name, "max") != 0 && strcmp(name, "mean") != 0) ||
	    !pool_maps(in, &m, mx, av, &ph, &pw))
		return false;
	memcpy(p->max, mx, sizeof mx);
	memcpy(p->mean, av, sizeof av);
	out->version = m.version;
	out->rows = (size_t)ph;
	out->cols = (size_t)pw;
	out->v = name[1] == 'a' ? p->max : p->mean;
	return true;
}

static const WidgetOps pool_ops = {
	.init = pool_init,
	.free = pool_free,
	.height = pool_height,
	.draw = pool_draw,
	.key = pool_key,
	.tick = pool_tick,
	.output = pool_output,
	.animate = pool_animate,
	.anim_state = pool_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "matrix", .type = PARAM_REF, .required = true, .accepts = DATA_MATRIX,
     .help = N_("the widget whose feature map is pooled (at most 32 x 32)")},
    {.name = "size", .type = PARAM_INT, .min = 2, .max = 4, .def = "2",
     .help = N_("the window's side, which is also its stride")},
};

static const OutputSpec outputs[] = {
    {"max", DATA_MATRIX, N_("the max-pooled map")},
    {"mean", DATA_MATRIX, N_("the average-pooled map")},
};

static const KindKey keys[] = {
    {"Left Right", N_("move the window")},
    {"Home End", N_("the first or last window")},
};

const WidgetKind pool_kind = {
    .schema = {.name = "pool",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("max and average pooling of a feature map, window by window"),
               .example = "id=pooled matrix=pixels:pixels size=2"},
    .ops = &pool_ops,
    KIND_LIST(keys, keys),
};
