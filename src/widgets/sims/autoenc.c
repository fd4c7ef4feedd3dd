/* autoenc.c: the autoenc kind: real autoencoders (nn/demo.h) of the 8x8 glyph images
 * with bottlenecks of 1, 2, 4 and 8 numbers, each trained from the same seed on first
 * use (the first layout, key or reader, not when the scene is made). The learner draws
 * on a grid (or loads a glyph with n); beside it the chosen model's reconstruction, a
 * forward pass each time the drawing or the size changes, with the error of this image
 * and the mean error over the clean glyphs for every size. Progress keeps the size and
 * the drawing (the glyph's number while it is an untouched glyph). Must not own the
 * loop or write files; computes only with src/nn. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "nls.h"
#include "nn/demo.h"
#include "nn/glyphs.h"
#include "nn/optim.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	AE_SIDE = 8,                   /* the images are 8 x 8 */
	AE_PIX = AE_SIDE * AE_SIDE,    /* pixels per image */
	AE_SIZES = 4,                  /* bottlenecks: 1, 2, 4, 8 numbers */
	AE_HIDDEN = 32,                /* the layers either side of the bottleneck */
	AE_TRAIN = 150,                /* jittered glyphs to learn from, 10 of each */
	AE_BATCH = 15,                 /* images per Adam step */
	AE_WIDE = 60                   /* from this width the table stands beside the grids */
};

static const size_t ae_code[AE_SIZES] = {1, 2, 4, 8};
static const char *const ae_label[AE_SIZES] = {"1", "2", "4", "8"};

typedef struct {
	Net net[AE_SIZES];
	DemoModel m[AE_SIZES];
	double draw[AE_PIX];          /* the learner's drawing, in [0, 1] */
	double recon[AE_PIX];         /* the chosen model's reconstruction of it */
	double glyphs[GLYPH_COUNT * AE_PIX]; /* the clean glyphs, one per class */
	double mean[AE_SIZES];        /* mean error over the clean glyphs, by size */
	double error;                 /* the error of the drawing's reconstruction */
	size_t size;                  /* the chosen bottleneck, an index into ae_code */
	size_t glyph;                 /* the glyph loaded last (GLYPH_COUNT: drawn by hand) */
	int x, y;                     /* the cursor */
	uint64_t seed;
	size_t epochs;
	unsigned long version;
	bool trained, broken;
} Ae;

static const KindKey ae_keys[] = {
    {"Up Down Left Right", N_("move the cursor")},
    {"Space Enter", N_("turn the pixel on or off")},
    {"c", N_("clear the drawing")},
    {"n", N_("load the next glyph into the drawing")},
    {"+ -", N_("a wider or narrower bottleneck")},
    {"b", N_("the next bottleneck size")},
};

/* The mean squared difference of two images: (1/P) sum_i (x_i - y_i)^2. */
static double image_error(const double *x, const double *y)
{
	double s = 0;
	size_t i;

	for (i = 0; i < AE_PIX; i++)
		s += (x[i] - y[i]) * (x[i] - y[i]);
	return s / AE_PIX;
}

/* Builds and trains the autoencoder with a code of `code` numbers: Adam on mini-batches
 * of the jittered glyphs x (AE_TRAIN images), weights drawn from seed; 0 or -1. */
static int train(Net *net, DemoModel *m, const double *x, size_t code, uint64_t seed,
                 size_t epochs)
{
	OptimConfig cfg;
	Optim o;
	Rng r;
	size_t e, i;

	net_init(net, seed);
	demo_autoencoder(net, m, AE_PIX, AE_HIDDEN, code);
	if (net_finish(net, AE_TRAIN) != NN_OK)
		return -1;
	rng_seed(&r, seed);
	net_init_params(net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	if (optim_init(&o, &cfg, net->n_params) != NN_OK)
		return -1;
	for (e = 0; e < epochs; e++)
		for (i = 0; i + AE_BATCH <= AE_TRAIN; i += AE_BATCH) {
			memcpy(net_value(net, m->x), x + i * AE_PIX, AE_BATCH * AE_PIX * sizeof *x);
			net_forward(net, AE_BATCH);
			net_zero_grad(net);
			net_backward(net, AE_BATCH, m->loss, NULL);
			optim_step(&o, net->params, net->grads);
		}
	optim_free(&o);
	return 0;
}

/* The chosen model's reconstruction of the drawing and its error. */
static void reconstruct(Ae *a)
{
	Net *net = &a->net[a->size];

	memcpy(net_value(net, a->m[a->size].x), a->draw, sizeof a->draw);
	net_forward(net, 1);
	memcpy(a->recon, net_value(net, a->m[a->size].out), sizeof a->recon);
	a->error = image_error(a->draw, a->recon);
	a->version++;
}

/* Trains the four models and measures them on the clean glyphs; 0 or -1. */
static int train_all(Ae *a)
{
	GlyphStyle st = {AE_SIDE, 0.3, 0};
	size_t labels[AE_TRAIN], k, g;
	double *x = malloc(AE_TRAIN * AE_PIX * sizeof *x);
	Rng r;

	if (!x)
		return -1;
	rng_seed(&r, a->seed);
	glyph_set(x, labels, AE_TRAIN, GLYPH_COUNT, &st, &r);
	for (k = 0; k < AE_SIZES; k++) {
		if (train(&a->net[k], &a->m[k], x, ae_code[k], a->seed, a->epochs)) {
			free(x);
			return -1;
		}
		memcpy(net_value(&a->net[k], a->m[k].x), a->glyphs, sizeof a->glyphs);
		net_forward(&a->net[k], GLYPH_COUNT);
		a->mean[k] = 0;
		for (g = 0; g < GLYPH_COUNT; g++)
			a->mean[k] += image_error(a->glyphs + g * AE_PIX,
			                          net_value(&a->net[k], a->m[k].out) + g * AE_PIX) /
			              GLYPH_COUNT;
	}
	free(x);
	return 0;
}

/* The state, the models trained on first use (a cache of what the parameters
 * determine: the same whenever it happens). */
static Ae *ready(const Instance *in)
{
	Ae *a = in->state;

	if (!a->trained) {
		a->trained = true;
		a->broken = train_all(a) != 0;
		if (!a->broken)
			reconstruct(a);
	}
	return a;
}

static void ae_free(Instance *in)
{
	Ae *a = in->state;
	size_t k;

	if (!a)
		return;
	for (k = 0; k < AE_SIZES; k++)
		net_free(&a->net[k]);
	free(a);
	in->state = NULL;
}

static void load_glyph(Ae *a, size_t g)
{
	a->glyph = g % GLYPH_COUNT;
	memcpy(a->draw, a->glyphs + a->glyph * AE_PIX, sizeof a->draw);
}

static int ae_init(Instance *in)
{
	Ae *a = calloc(1, sizeof *a);
	GlyphStyle clean = {AE_SIDE, 0, 0};
	size_t labels[GLYPH_COUNT], k, code;
	Rng r;

	if (!a)
		return -1;
	in->state = a;
	a->seed = (uint64_t)widget_num(in, "seed", 1);
	a->epochs = (size_t)widget_num(in, "epochs", 100);
	code = (size_t)widget_num(in, "code", 8);
	for (k = 0; k < AE_SIZES; k++)
		if (ae_code[k] <= code)
			a->size = k;
	rng_seed(&r, 1); /* no jitter and no noise: the draws do not matter */
	glyph_set(a->glyphs, labels, GLYPH_COUNT, GLYPH_COUNT, &clean, &r);
	load_glyph(a, (size_t)widget_num(in, "glyph", 3));
	a->x = a->y = AE_SIDE / 2;
	return 0;
}

static int ae_height(const Instance *in, int width)
{
	(void)in;
	return 1 + AE_SIDE + 1 + (width >= AE_WIDE ? 0 : AE_SIZES + 1);
}

/* An image at (x, y), two columns per pixel; a cursor at (cx, cy) when cx >= 0.
 * Reconstructed brightness below 1/8 shows as dark: a sigmoid is never quite 0. */
static void draw_image(Grid *g, int x, int y, const double *img, Caps caps, int cx, int cy)
{
	int i, j;

	for (i = 0; i < AE_SIDE; i++)
		for (j = 0; j < AE_SIDE; j++) {
			double v = img[i * AE_SIDE + j] < 0.125 ? 0 : img[i * AE_SIDE + j];
			Style st = j == cx && i == cy ? STYLE_FOCUS : v > 0 ? STYLE_ACCENT : STYLE_DIM;
			grid_str(g, x + 2 * j, y + i, visual_shade(v, caps), st);
			grid_str(g, x + 2 * j + 1, y + i, visual_shade(v, caps), st);
		}
}

/* The table of mean errors by size at (x, y), the chosen size marked. */
static void draw_table(const Ae *a, Grid *g, int x, int y, int w, Caps caps)
{
	char line[128], num[32];
	size_t k;

	visual_text(g, x, y++, w, _("code   mean error"), STYLE_DIM);
	for (k = 0; k < AE_SIZES; k++, y++) {
		bool on = k == a->size;
		visual_fixed(num, sizeof num, a->mean[k], 4);
		snprintf(line, sizeof line, "%s %-5s %s", on ? (caps.unicode ? "▸" : ">") : " ",
		         ae_label[k], num);
		visual_text(g, x, y, w, line, on ? STYLE_BOLD : STYLE_NORMAL);
	}
}

static void ae_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
                    int *cy)
{
	const Ae *a = ready(in);
	int xr = r.x + 2 * AE_SIDE + 4, y = r.y;
	char line[160], num[32];

	if (a->broken) {
		visual_text(g, r.x, y, r.w, _("out of memory"), STYLE_DIM);
		return;
	}
	if (a->glyph < GLYPH_COUNT)
		snprintf(line, sizeof line, _("drawing (%s)"), glyph_name(a->glyph));
	else
		snprintf(line, sizeof line, "%s", _("drawing"));
	visual_text(g, r.x, y, xr - r.x - 1, line, STYLE_DIM);
	snprintf(line, sizeof line, _("through a code of %zu"), ae_code[a->size]);
	visual_text(g, xr, y, r.x + r.w - xr, line, STYLE_DIM);
	y++;
	draw_image(g, r.x, y, a->draw, caps, focused ? a->x : -1, a->y);
	visual_text(g, r.x + 2 * AE_SIDE + 1, y + AE_SIDE / 2 - 1, 3, caps.unicode ? "→" : "->",
	        STYLE_BOLD);
	draw_image(g, xr, y, a->recon, caps, -1, -1);
	if (r.w >= AE_WIDE)
		draw_table(a, g, xr + 2 * AE_SIDE + 4, y, r.x + r.w - (xr + 2 * AE_SIDE + 4), caps);
	y += AE_SIDE;
	visual_fixed(num, sizeof num, a->error, 4);
	snprintf(line, sizeof line, _("error of this image: %s"), num);
	visual_text(g, r.x, y++, r.w, line, STYLE_BOLD);
	if (r.w < AE_WIDE)
		draw_table(a, g, r.x, y, r.w, caps);
	if (focused) {
		*cx = r.x + 2 * a->x;
		*cy = r.y + 1 + a->y;
	}
}

static unsigned ae_key(Instance *in, const Key *k)
{
	Ae *a = ready(in);

	if (a->broken)
		return WIDGET_IGNORED;
	if (k->code == K_LEFT || k->code == K_RIGHT) {
		int x = a->x + (k->code == K_LEFT ? -1 : 1);
		if (x >= 0 && x < AE_SIDE)
			a->x = x;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_UP || k->code == K_DOWN) {
		int y = a->y + (k->code == K_UP ? -1 : 1);
		if (y < 0 || y >= AE_SIDE)
			return WIDGET_IGNORED; /* the top or bottom: the player scrolls the page */
		a->y = y;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_ENTER || key_is_char(k, ' ')) {
		double *v = &a->draw[a->y * AE_SIDE + a->x];
		*v = *v >= 0.5 ? 0 : 1;
		a->glyph = GLYPH_COUNT;
	} else if (key_is_char(k, 'c')) {
		memset(a->draw, 0, sizeof a->draw);
		a->glyph = GLYPH_COUNT;
	} else if (key_is_char(k, 'n')) {
		load_glyph(a, a->glyph < GLYPH_COUNT ? a->glyph + 1 : 0);
	} else if (key_is_char(k, '+')) {
		a->size += a->size + 1 < AE_SIZES;
	} else if (key_is_char(k, '-')) {
		a->size -= a->size > 0;
	} else if (key_is_char(k, 'b')) {
		a->size = (a->size + 1) % AE_SIZES;
	} else {
		return WIDGET_IGNORED;
	}
	reconstruct(a);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool ae_output(const Instance *in, const char *name, Data *out)
{
	Ae *a = ready(in);

	if (a->broken)
		return false;
	out->version = a->version;
	if (strcmp(name, "error") == 0) {
		out->scalar = a->error, out->v = &out->scalar, out->n = 1;
	} else if (strcmp(name, "drawing") == 0) {
		out->rows = AE_SIDE, out->cols = AE_SIDE, out->v = a->draw;
	} else if (strcmp(name, "reconstruction") == 0) {
		out->rows = AE_SIDE, out->cols = AE_SIDE, out->v = a->recon;
	} else if (strcmp(name, "errors") == 0) {
		out->n = AE_SIZES, out->v = a->mean, out->labels = ae_label;
	} else {
		return false;
	}
	return true;
}

/* The size; the glyph while the drawing is one, else the drawing's 64 values. */
static void ae_save(const Instance *in, const Store *st)
{
	const Ae *a = in->state;
	char buf[AE_PIX * 32];
	size_t len = 0, i;

	store_put_int(st, "code", (int)ae_code[a->size]);
	if (a->glyph < GLYPH_COUNT) {
		store_put_int(st, "glyph", (int)a->glyph);
		return;
	}
	for (i = 0; i < AE_PIX; i++) {
		if (i)
			buf[len++] = ' ';
		len += str_double(buf + len, sizeof buf - len, a->draw[i]);
	}
	st->set(st->ctx, "drawing", buf);
}

/* What ae_save kept, each part only when it is whole and in range. */
static void ae_restore(Instance *in, const Store *st)
{
	Ae *a = in->state;
	const char *d = st->get(st->ctx, "drawing");
	int code = store_get_int(st, "code", 1, 8, 0), g = store_get_int(st, "glyph", 0,
	                                                                  GLYPH_COUNT - 1, -1);
	double px[AE_PIX];
	size_t i, k;
	char *end;

	for (k = 0; k < AE_SIZES; k++)
		if (code > 0 && ae_code[k] == (size_t)code)
			a->size = k;
	if (g >= 0) {
		load_glyph(a, (size_t)g);
	} else if (d) {
		for (i = 0; i < AE_PIX; i++, d = end) {
			px[i] = strtod(d, &end);
			if (end == d || !(px[i] >= 0 && px[i] <= 1))
				return;
		}
		memcpy(a->draw, px, sizeof px);
		a->glyph = GLYPH_COUNT;
	}
	if (a->trained && !a->broken)
		reconstruct(a);
}

static const WidgetOps ae_ops = {
    .init = ae_init,
    .free = ae_free,
    .height = ae_height,
    .draw = ae_draw,
    .key = ae_key,
    .save = ae_save,
    .restore = ae_restore,
    .output = ae_output,
};

static const ParamSpec params[] = {
    {.name = "code", .type = PARAM_INT, .min = 1, .max = 8, .def = "8",
     .help = N_("the bottleneck shown first: 1, 2, 4 or 8 numbers (others round down)")},
    {.name = "glyph", .type = PARAM_INT, .min = 0, .max = GLYPH_COUNT - 1, .def = "3",
     .help = N_("the glyph in the drawing at first: 0 to 9 the digits, then square, "
                "circle, triangle, cross and plus")},
    {.name = "epochs", .type = PARAM_INT, .min = 1, .max = 400, .def = "100",
     .help = N_("passes over the training glyphs when the widget starts")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the training glyphs and of every model's starting weights")},
};

static const OutputSpec outputs[] = {
    {"error", DATA_SCALAR, N_("the reconstruction error of the drawing")},
    {"drawing", DATA_MATRIX, N_("the drawing, 8 by 8 pixels")},
    {"reconstruction", DATA_MATRIX, N_("the chosen model's reconstruction of the drawing")},
    {"errors", DATA_VECTOR,
     N_("the mean reconstruction error over the 15 clean glyphs for each bottleneck size, "
        "named")},
};

const WidgetKind autoenc_kind = {
    .schema = {.name = "autoenc",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("autoencoders of the glyph images with bottlenecks of 1, 2, 4 and "
                          "8 numbers: draw, and see the reconstruction and its error"),
               .example = "id=ae code=4 epochs=1"},
    .ops = &ae_ops,
    .keys = ae_keys,
    .nkeys = sizeof ae_keys / sizeof *ae_keys,
};
