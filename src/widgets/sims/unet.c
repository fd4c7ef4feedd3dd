/* unet.c: the unet kind: two real small U-Nets (nn/demo.h), one with its skip and one
 * without, trained from the same seed on first use to clean noisy 8x8 glyphs. The
 * learner picks a test image and sees the clean glyph, the noisy input and both outputs
 * side by side with their error and sharpness (glyph_edges), the means over the 15 test
 * images, and a diagram of the U whose stages a key steps through, each with its shape.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/demo.h"
#include "nn/glyphs.h"
#include "nn/loss.h"
#include "nn/optim.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	UN_SIDE = 8,                 /* the images are 8 x 8 */
	UN_PIX = UN_SIDE * UN_SIDE,  /* pixels per image */
	UN_CH = 4,                   /* channels at full size; the bottom has twice as many */
	UN_TRAIN = 150,              /* noisy and clean pairs to learn from, 10 per glyph */
	UN_BATCH = 15,               /* pairs per Adam step */
	UN_TEST = GLYPH_COUNT,       /* test pairs, one per glyph, drawn after the training */
	UN_STAGES = 8,               /* in, down, pool, bottom, up, across, mix, out */
	UN_ACROSS = 5,               /* the stage of the skip */
	UN_COL = 2 * UN_SIDE + 4,    /* columns per image and the gap after it */
	UN_WIDE = 4 * UN_COL - 4,    /* from this width the four images stand in one row */
	UN_DIAGRAM = 70,             /* from this width the U is drawn */
	UN_TEXT = 6                  /* lines of text kept for a paragraph at most */
};

/* The four images shown, in order; err and edges are indexed the same way. */
enum { IMG_CLEAN, IMG_NOISY, IMG_SKIP, IMG_PLAIN, IMG_COUNT };

typedef struct {
	Net net[2];                          /* 0: with the skip, 1: without */
	DemoModel m[2];
	NetId stage[UN_STAGES];              /* the nodes of the stages, in net[0] */
	double img[IMG_COUNT][UN_TEST * UN_PIX]; /* clean, noisy and both outputs */
	double err[IMG_COUNT][UN_TEST];      /* mean squared error against the clean image */
	double edges[IMG_COUNT][UN_TEST];    /* glyph_edges */
	double mean_err[IMG_COUNT], mean_edges[IMG_COUNT]; /* over the test images */
	size_t image;                        /* the test image shown */
	size_t at;                           /* the stage highlighted */
	double noise;
	uint64_t seed;
	size_t epochs;
	unsigned long version;
	bool trained, broken;
} Un;

static const KindKey un_keys[] = {
    {"Left Right", N_("the previous or next test image")},
    {"Space Enter", N_("step the highlight through the U: down, bottom, up, across")},
};

static const char *const stage_name[UN_STAGES] = {
    N_("in"), N_("down"), N_("pool"), N_("bottom"), N_("up"), N_("across"), N_("mix"),
    N_("out")};

static const char *const img_label[IMG_COUNT] = {N_("clean"), N_("noisy input"),
                                                 N_("with skips"), N_("without skips")};

/* Builds the U-Net (skip 1) or the one without (0), weights drawn from seed; 0 or -1. */
static int build(Net *net, DemoModel *m, int skip, uint64_t seed)
{
	Rng r;

	net_init(net, seed);
	(skip ? demo_unet : demo_unet_noskip)(net, m, UN_SIDE, UN_CH);
	if (net_finish(net, UN_TRAIN) != NN_OK)
		return -1;
	rng_seed(&r, seed);
	net_init_params(net, &r);
	return 0;
}

/* Adam (lr 0.01) on batches of the pairs in order, noisy in and clean as the target. */
static int train(Net *net, const DemoModel *m, const double *clean, const double *noisy,
                 size_t epochs)
{
	OptimConfig cfg;
	Optim o;
	size_t e, i;

	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	if (optim_init(&o, &cfg, net->n_params) != NN_OK)
		return -1;
	for (e = 0; e < epochs; e++)
		for (i = 0; i + UN_BATCH <= UN_TRAIN; i += UN_BATCH) {
			memcpy(net_value(net, m->x), noisy + i * UN_PIX,
			       UN_BATCH * UN_PIX * sizeof *noisy);
			memcpy(net_value(net, m->target), clean + i * UN_PIX,
			       UN_BATCH * UN_PIX * sizeof *clean);
			net_forward(net, UN_BATCH);
			net_zero_grad(net);
			net_backward(net, UN_BATCH, m->loss, NULL);
			optim_step(&o, net->params, net->grads);
		}
	optim_free(&o);
	return 0;
}

/* The nodes the diagram names, found in the built skip net: the input, the ReLUs, the
 * pooling, the upsampling and the join, in the order they run, then the output. */
static int find_stages(Un *u)
{
	const Net *net = &u->net[0];
	size_t k = 0, i;

	u->stage[k++] = u->m[0].x;
	for (i = 0; i < net->n_nodes && k < UN_STAGES - 1; i++) {
		NetOp op = net->node[i].op;
		if (op == NET_ACT || op == NET_MAXPOOL2D || op == NET_UPSAMPLE2D ||
		    op == NET_CONCAT)
			u->stage[k++] = (NetId)i;
	}
	u->stage[k++] = u->m[0].out;
	return k == UN_STAGES ? 0 : -1;
}

/* Both nets trained on the same pairs, and everything measured on the test pairs. */
static int train_all(Un *u)
{
	GlyphStyle st = {UN_SIDE, 0.3, u->noise};
	double *clean = malloc(2 * UN_TRAIN * UN_PIX * sizeof *clean), *noisy;
	size_t k, g;
	Rng r;

	if (!clean)
		return -1;
	noisy = clean + UN_TRAIN * UN_PIX;
	rng_seed(&r, u->seed);
	for (g = 0; g < UN_TRAIN; g++)
		glyph_pair(clean + g * UN_PIX, noisy + g * UN_PIX, g % GLYPH_COUNT, &st, &r);
	for (g = 0; g < UN_TEST; g++)
		glyph_pair(u->img[IMG_CLEAN] + g * UN_PIX, u->img[IMG_NOISY] + g * UN_PIX, g, &st,
		           &r);
	for (k = 0; k < 2; k++) {
		Net *net = &u->net[k];
		if (build(net, &u->m[k], k == 0, u->seed) ||
		    train(net, &u->m[k], clean, noisy, u->epochs)) {
			free(clean);
			return -1;
		}
		memcpy(net_value(net, u->m[k].x), u->img[IMG_NOISY], sizeof u->img[IMG_NOISY]);
		net_forward(net, UN_TEST);
		memcpy(u->img[IMG_SKIP + k], net_value(net, u->m[k].out), sizeof u->img[0]);
	}
	free(clean);
	for (k = 0; k < IMG_COUNT; k++) {
		u->mean_err[k] = u->mean_edges[k] = 0;
		for (g = 0; g < UN_TEST; g++) {
			const double *x = u->img[k] + g * UN_PIX;
			u->err[k][g] = loss_forward(LOSS_MSE, x, x, u->img[IMG_CLEAN] + g * UN_PIX, 1,
			                            UN_PIX); /* (1/64) sum_i (x_i - c_i)^2 */
			u->edges[k][g] = glyph_edges(x, UN_SIDE);
			u->mean_err[k] += u->err[k][g] / UN_TEST;
			u->mean_edges[k] += u->edges[k][g] / UN_TEST;
		}
	}
	return find_stages(u);
}

/* The state, the nets trained on first use (a cache of what the parameters determine:
 * the same whenever it happens). */
static Un *ready(const Instance *in)
{
	Un *u = in->state;

	if (!u->trained) {
		u->trained = true;
		u->broken = train_all(u) != 0;
	}
	return u;
}

static void un_free(Instance *in)
{
	Un *u = in->state;

	if (!u)
		return;
	net_free(&u->net[0]);
	net_free(&u->net[1]);
	free(u);
	in->state = NULL;
}

static int un_init(Instance *in)
{
	Un *u = calloc(1, sizeof *u);

	if (!u)
		return -1;
	in->state = u;
	u->seed = (uint64_t)widget_num(in, "seed", 1);
	u->epochs = (size_t)widget_num(in, "epochs", 15);
	u->noise = widget_num(in, "noise", 0.2);
	u->image = (size_t)widget_num(in, "image", 3);
	u->at = (size_t)widget_num(in, "stage", 0);
	return 0;
}

/* A stage's shape, "4x8x8"; across: what the skip carries, the down stage's. */
static void shape(const Un *u, size_t s, char *out, size_t size)
{
	const NetNode *nd = &u->net[0].node[u->stage[s == UN_ACROSS ? 1 : s]];

	snprintf(out, size, "%zux%zux%zu", nd->dims[0], nd->dims[1], nd->dims[2]);
}

/* The summary under the images and the highlighted stage's description. */
static void summary(const Un *u, char *out, size_t size)
{
	char e[3][32], d[IMG_COUNT][32];
	size_t k;

	for (k = 0; k < 3; k++)
		visual_fixed(e[k], sizeof e[k], u->mean_err[k + 1], 4);
	for (k = 0; k < IMG_COUNT; k++)
		visual_fixed(d[k], sizeof d[k], u->mean_edges[k], 3);
	snprintf(out, size,
	         _("Over all %d test images: error %s with skips, %s without (the noisy input "
	           "%s). Edges %s with skips, %s without; the clean glyphs have %s."),
	         UN_TEST, e[1], e[2], e[0], d[IMG_SKIP], d[IMG_PLAIN], d[IMG_CLEAN]);
}

/* What the highlighted stage does, with its shape (channels x height x width). */
static void description(const Un *u, char *out, size_t size)
{
	char sh[32];

	shape(u, u->at, sh, sizeof sh);
	switch (u->at) {
	case 0:
		snprintf(out, size, _("in: the noisy glyph, %s (channels x height x width)."), sh);
		break;
	case 1:
		snprintf(out, size,
		         _("down: a 3x3 convolution with ReLU makes %s: four feature maps at full "
		           "size, where the fine detail still is."),
		         sh);
		break;
	case 2:
		snprintf(out, size,
		         _("down: max-pooling keeps the largest value of each 2x2 block, %s: half "
		           "the size, the detail blurred."),
		         sh);
		break;
	case 3:
		snprintf(out, size,
		         _("bottom: a 3x3 convolution with ReLU, %s: twice the channels at half "
		           "the size, a coarse view of the whole glyph."),
		         sh);
		break;
	case 4:
		snprintf(out, size,
		         _("up: each value copied into a 2x2 block, %s: full size again, but "
		           "blocky."),
		         sh);
		break;
	case UN_ACROSS:
		snprintf(out, size,
		         _("across: the skip carries down's %s straight over and sets it beside "
		           "up's channels. The net without skips never gets it."),
		         sh);
		break;
	case 6:
		snprintf(out, size,
		         _("up: a 3x3 convolution with ReLU mixes what came up and what came "
		           "across, %s."),
		         sh);
		break;
	default:
		snprintf(out, size,
		         _("out: a 1x1 convolution, %s: the cleaned image, measured against the "
		           "clean glyph."),
		         sh);
	}
}

static int lines(const char *s, int width)
{
	WrapLine w[UN_TEXT];
	int n = wrap_text(s, strlen(s), width, w, UN_TEXT);

	return n < UN_TEXT ? n : UN_TEXT;
}

/* Draws a paragraph wrapped to w columns from (x, y); returns the lines drawn. */
static int paragraph(Grid *g, int x, int y, int w, const char *s, Style st)
{
	WrapLine l[UN_TEXT];
	int n = wrap_text(s, strlen(s), w, l, UN_TEXT), i;

	for (i = 0; i < n && i < UN_TEXT; i++)
		grid_text(g, x, y + i, s + l[i].start, l[i].len, w, st);
	return i;
}

/* Rows of one band of images: a title, the image, its error and its edges. */
static int band(void)
{
	return 1 + UN_SIDE + 2;
}

static int un_height(const Instance *in, int width)
{
	const Un *u = ready(in);
	char text[512];
	int h;

	if (u->broken)
		return 1;
	h = width >= UN_WIDE ? band() : 2 * band();
	summary(u, text, sizeof text);
	h += lines(text, width);
	h += width >= UN_DIAGRAM ? 3 : 1;
	description(u, text, sizeof text);
	return h + lines(text, width);
}

static void text_at(Grid *g, int x, int y, int maxw, const char *t, Style st)
{
	if (maxw > 0)
		grid_text(g, x, y, t, strlen(t), maxw, st);
}

/* Image k of the chosen test pair at (x, y), two columns per pixel, with its title,
 * error and edges below. */
static void draw_image(const Un *u, Grid *g, int x, int y, int w, size_t k, Caps caps)
{
	const double *img = u->img[k] + u->image * UN_PIX;
	char line[96], num[32];
	int i, j;

	if (k == IMG_CLEAN)
		snprintf(line, sizeof line, "%s (%s)", _(img_label[k]), glyph_name(u->image));
	else
		snprintf(line, sizeof line, "%s", _(img_label[k]));
	text_at(g, x, y, w, line, STYLE_DIM);
	for (i = 0; i < UN_SIDE; i++)
		for (j = 0; j < UN_SIDE; j++) {
			double v = img[i * UN_SIDE + j];
			v = v < 0.125 ? 0 : v > 1 ? 1 : v; /* an output can stray below 0 or above 1 */
			grid_str(g, x + 2 * j, y + 1 + i, visual_shade(v, caps),
			         v > 0 ? STYLE_ACCENT : STYLE_DIM);
			grid_str(g, x + 2 * j + 1, y + 1 + i, visual_shade(v, caps),
			         v > 0 ? STYLE_ACCENT : STYLE_DIM);
		}
	if (k != IMG_CLEAN) {
		visual_fixed(num, sizeof num, u->err[k][u->image], 4);
		snprintf(line, sizeof line, _("error %s"), num);
		text_at(g, x, y + 1 + UN_SIDE, w, line, STYLE_BOLD);
	}
	visual_fixed(num, sizeof num, u->edges[k][u->image], 3);
	snprintf(line, sizeof line, _("edges %s"), num);
	text_at(g, x, y + 2 + UN_SIDE, w, line, STYLE_NORMAL);
}

/* A stage's label: "[down 4x8x8]" when highlighted, " down 4x8x8 " if not; returns
 * its width. */
static int label_text(const Un *u, size_t s, char *t, size_t size)
{
	char sh[32];
	bool on = s == u->at;

	shape(u, s, sh, sizeof sh);
	snprintf(t, size, "%s%s %s%s", on ? "[" : " ", _(stage_name[s]), sh, on ? "]" : " ");
	return utf8_width(t, strlen(t));
}

/* The label of stage s at (x, y); returns its width. */
static int label(const Un *u, Grid *g, int x, int y, int maxx, size_t s)
{
	char t[96];
	int w = label_text(u, s, t, sizeof t);

	text_at(g, x, y, maxx - x, t, s == u->at ? STYLE_FOCUS : STYLE_NORMAL);
	return w;
}

static void put(Grid *g, int x, int y, int maxx, const char *uni, const char *ascii,
                Caps caps)
{
	if (x < maxx)
		grid_str(g, x, y, caps.unicode ? uni : ascii, STYLE_DIM);
}

/* The U in three rows from (x, y): in, down, across, mix and out along the top; pool
 * and up in the middle; the bottom at the foot. */
static void draw_u(const Un *u, Grid *g, int x, int y, int maxx, Caps caps)
{
	char t[96];
	int c = x, down, mix, i;

	c += label(u, g, c, y, maxx, 0);
	put(g, c++, y, maxx, "→", ">", caps);
	down = c;
	c += label(u, g, c, y, maxx, 1);
	for (i = 0; i < 3; i++)
		put(g, c++, y, maxx, "─", "-", caps);
	c += label(u, g, c, y, maxx, UN_ACROSS);
	for (i = 0; i < 3; i++)
		put(g, c++, y, maxx, "─", "-", caps);
	put(g, c++, y, maxx, "▶", ">", caps);
	mix = c + 3;
	c += label(u, g, c, y, maxx, 6);
	put(g, c++, y, maxx, "→", ">", caps);
	label(u, g, c, y, maxx, 7);
	put(g, down + 2, y + 1, maxx, "↓", "v", caps);
	label(u, g, down + 3, y + 1, maxx, 2);
	put(g, mix, y + 1, maxx, "↑", "^", caps);
	label(u, g, mix - 1 - label_text(u, 4, t, sizeof t), y + 1, maxx, 4);
	put(g, down + 2, y + 2, maxx, "└", "+", caps);
	put(g, down + 3, y + 2, maxx, "▶", ">", caps);
	c = down + 4 + label(u, g, down + 4, y + 2, maxx, 3);
	while (c < mix)
		put(g, c++, y + 2, maxx, "─", "-", caps);
	put(g, mix, y + 2, maxx, "┘", "+", caps);
}

static void un_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
                    int *cy)
{
	const Un *u = ready(in);
	char text[512], line[96], sh[32];
	int y = r.y, per = r.w >= UN_WIDE ? 4 : 2;
	size_t k;

	(void)focused, (void)cx, (void)cy;
	if (u->broken) {
		text_at(g, r.x, y, r.w, _("out of memory"), STYLE_DIM);
		return;
	}
	for (k = 0; k < IMG_COUNT; k++) {
		int col = (int)k % per, x = r.x + col * UN_COL;
		draw_image(u, g, x, y, r.x + r.w - x < UN_COL - 1 ? r.x + r.w - x : UN_COL - 1,
		           k, caps);
		if (col == per - 1)
			y += band();
	}
	summary(u, text, sizeof text);
	y += paragraph(g, r.x, y, r.w, text, STYLE_NORMAL);
	if (r.w >= UN_DIAGRAM) {
		draw_u(u, g, r.x, y, r.x + r.w, caps);
		y += 3;
	} else {
		shape(u, u->at, sh, sizeof sh);
		snprintf(line, sizeof line, _("stage %zu of %d: %s %s"), u->at + 1, UN_STAGES,
		         _(stage_name[u->at]), sh);
		text_at(g, r.x, y++, r.w, line, STYLE_FOCUS);
	}
	description(u, text, sizeof text);
	paragraph(g, r.x, y, r.w, text, STYLE_BOLD);
}

/* Keys only choose what to show: they need no trained nets (and train none). */
static unsigned un_key(Instance *in, const Key *k)
{
	Un *u = in->state;

	if (u->broken)
		return WIDGET_IGNORED;
	if (k->code == K_LEFT)
		u->image = (u->image + UN_TEST - 1) % UN_TEST;
	else if (k->code == K_RIGHT)
		u->image = (u->image + 1) % UN_TEST;
	else if (k->code == K_ENTER || key_is_char(k, ' '))
		u->at = (u->at + 1) % UN_STAGES;
	else
		return WIDGET_IGNORED;
	u->version++;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static const char *const mean_label[IMG_COUNT] = {"clean", "noisy", "skips", "noskips"};
static const char *const image_name[IMG_COUNT] = {"clean", "input", "skips", "noskips"};

static bool un_output(const Instance *in, const char *name, Data *out)
{
	Un *u = ready(in);
	size_t k;

	if (u->broken)
		return false;
	out->version = u->version;
	if (strcmp(name, "errors") == 0) {
		out->n = IMG_COUNT, out->v = u->mean_err, out->labels = mean_label;
		return true;
	}
	if (strcmp(name, "edges") == 0) {
		out->n = IMG_COUNT, out->v = u->mean_edges, out->labels = mean_label;
		return true;
	}
	if (strcmp(name, "stage") == 0) {
		out->scalar = (double)u->at, out->v = &out->scalar, out->n = 1;
		return true;
	}
	for (k = 0; k < IMG_COUNT; k++)
		if (strcmp(name, image_name[k]) == 0) {
			out->rows = UN_SIDE, out->cols = UN_SIDE;
			out->v = u->img[k] + u->image * UN_PIX;
			return true;
		}
	return false;
}

static const WidgetOps un_ops = {
    .init = un_init,
    .free = un_free,
    .height = un_height,
    .draw = un_draw,
    .key = un_key,
    .output = un_output,
};

static const ParamSpec params[] = {
    {.name = "image", .type = PARAM_INT, .min = 0, .max = GLYPH_COUNT - 1, .def = "3",
     .help = N_("the test image shown first: 0 to 9 the digits, then square, circle, "
                "triangle, cross and plus")},
    {.name = "stage", .type = PARAM_INT, .min = 0, .max = UN_STAGES - 1, .def = "0",
     .help = N_("the stage of the U highlighted first: 0 in, 1 down, 2 pool, 3 bottom, 4 "
                "up, 5 across, 6 mix, 7 out")},
    {.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 1, .def = "0.2",
     .help = N_("the sigma of the Gaussian noise added to the glyphs (then clipped to 0 "
                "and 1)")},
    {.name = "epochs", .type = PARAM_INT, .min = 1, .max = 200, .def = "15",
     .help = N_("passes over the 150 training pairs when the widget starts")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the glyphs, their noise and both nets' starting weights")},
};

static const OutputSpec outputs[] = {
    {"errors", DATA_VECTOR,
     N_("the mean squared error against the clean glyph over the 15 test images: clean "
        "(0), noisy, skips, noskips")},
    {"edges", DATA_VECTOR,
     N_("the mean sharpness (mean absolute difference of neighbouring pixels) over the 15 "
        "test images: clean, noisy, skips, noskips")},
    {"stage", DATA_SCALAR, N_("the stage highlighted, 0 (in) to 7 (out)")},
    {"clean", DATA_MATRIX, N_("the chosen test image's clean glyph, 8 by 8")},
    {"input", DATA_MATRIX, N_("the chosen test image's noisy input")},
    {"skips", DATA_MATRIX, N_("the output of the U-Net with skips")},
    {"noskips", DATA_MATRIX, N_("the output of the U-Net without skips")},
};

const WidgetKind unet_kind = {
    .schema = {.name = "unet",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("two small U-Nets, with and without the skip, trained to clean "
                          "noisy glyphs: their outputs side by side, error and sharpness, "
                          "and the stages of the U with their shapes"),
               .example = "id=un epochs=1"},
    .ops = &un_ops,
    .keys = un_keys,
    .nkeys = sizeof un_keys / sizeof *un_keys,
};
