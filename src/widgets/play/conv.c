/* conv.c: the convolution game: a small image the learner paints, a 3 x 3 kernel
 * (four ready-made ones, or its nine weights edited), a window stepped across the image
 * with its products and their sum, and the feature map src/nn's conv2d makes of them.
 * Three rounds each ask the map to light up on one kind of edge only, judged cell by
 * cell on that real map; the best game (fewest checks) and the win are kept in
 * progress. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "nls.h"
#include "nn/conv.h"
#include "widgets/core/registry.h"
#include "widgets/play/conv.h"

const char *const conv_preset_names[CONV_PRESETS] = {N_("vertical edge"), N_("horizontal edge"),
						     N_("blur"), N_("sharpen")};

const char *const conv_goals[CONV_ROUNDS] = {
    N_("light up the vertical edge only"),
    N_("light up the horizontal edge only"),
    N_("light up the bar's right edge only"),
};

static const double presets[CONV_PRESETS][9] = {
    {-1, 0, 1, -1, 0, 1, -1, 0, 1},
    {-1, -1, -1, 0, 0, 0, 1, 1, 1},
    {1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9},
    {0, -1, 0, -1, 5, -1, 0, -1, 0},
};

/* The kernel each round starts from: never one that already wins it. */
static const int round_kernel[CONV_ROUNDS] = {2, 0, 1};

/* The map, from the image and the kernel, by the library. */
static void remap(Conv *s)
{
	Conv2dShape sh = {.n = 1, .c = 1, .h = (size_t)s->n, .w = (size_t)s->n, .o = 1, .kh = 3,
			  .kw = 3, .stride = 1, .pad = 0};

	conv2d_forward(s->map, s->img, s->k, NULL, &sh);
	s->version++;
}

static void set_kernel(Conv *s, int preset)
{
	s->preset = preset;
	memcpy(s->k, presets[preset], sizeof s->k);
	remap(s);
}

/* Round r's image: a step from dark to bright halfway across (1) or down (2), a bright
 * bar three pixels wide down the middle (3); its kernel; the window at the start. */
static void start_round(Conv *s, int r)
{
	int y, x, h = s->n / 2;

	s->round = r;
	for (y = 0; y < s->n; y++)
		for (x = 0; x < s->n; x++)
			s->img[y * s->n + x] = r == 0 ? x >= h : r == 1 ? y >= h : x >= h - 1 && x <= h + 1;
	s->pos = 0;
	set_kernel(s, round_kernel[r < CONV_ROUNDS ? r : 0]);
}

void conv_products(const Conv *s, double prod[9])
{
	int i = s->pos / s->m, j = s->pos % s->m, u, v;

	for (u = 0; u < 3; u++)
		for (v = 0; v < 3; v++)
			prod[u * 3 + v] = s->k[u * 3 + v] * s->img[(i + u) * s->n + j + v];
}

bool conv_on_edge(const Conv *s, int i, int j)
{
	int r = s->round < CONV_ROUNDS ? s->round : CONV_ROUNDS - 1, u, v;

	for (u = 0; u < 3; u++)
		for (v = 0; v < 3; v++) {
			const double *p = &s->img[(i + u) * s->n + j + v];
			if (r == 1 ? u < 2 && p[s->n] - p[0] >= 0.5
				   : v < 2 && (r == 0 ? p[1] - p[0] : p[0] - p[1]) >= 0.5)
				return true;
		}
	return false;
}

int conv_judge(const Conv *s, int *missed, int *stray)
{
	int i, j, n = 0;

	*missed = *stray = 0;
	for (i = 0; i < s->m; i++)
		for (j = 0; j < s->m; j++) {
			bool lit = s->map[i * s->m + j] >= s->threshold;
			if (conv_on_edge(s, i, j)) {
				n++;
				*missed += !lit;
			} else {
				*stray += lit;
			}
		}
	return n;
}

static int conv_init(Instance *in)
{
	Conv *s = calloc(1, sizeof *s);

	if (!s)
		return -1;
	s->n = (int)widget_num(in, "size", 8);
	s->n = s->n < 6 ? 6 : s->n > CONV_MAX ? CONV_MAX : s->n;
	s->m = s->n - 2;
	s->threshold = widget_num(in, "threshold", 2);
	s->cx = s->cy = s->n / 2;
	s->kx = s->ky = 1;
	start_round(s, 0);
	in->state = s;
	return 0;
}

static void conv_free(Instance *in)
{
	free(in->state);
}

/* Enter: the window runs to the end and the map is judged. */
static unsigned check(Conv *s)
{
	unsigned done = WIDGET_HANDLED | WIDGET_REDRAW;

	if (s->won)
		return WIDGET_HANDLED;
	s->pos = s->m * s->m - 1;
	s->tries++;
	if (conv_judge(s, &s->missed, &s->stray) == 0) {
		s->fb = CONV_FB_NOEDGE;
		return done;
	}
	if (s->missed || s->stray) {
		s->fb = CONV_FB_MISS;
		return done;
	}
	if (s->round + 1 < CONV_ROUNDS) {
		start_round(s, s->round + 1);
		s->fb = CONV_FB_HIT;
		return done;
	}
	s->round = CONV_ROUNDS;
	s->won = true;
	s->fb = CONV_FB_WON;
	if (s->best == 0 || s->tries < s->best)
		s->best = s->tries;
	return done | WIDGET_DONE;
}

/* Moves the cursor of the part the arrows work by (dx, dy), inside it. */
static void move(Conv *s, int dx, int dy)
{
	int *x = s->part == CONV_IMAGE ? &s->cx : &s->kx, *y = s->part == CONV_IMAGE ? &s->cy : &s->ky;
	int side = s->part == CONV_IMAGE ? s->n : 3;

	if (*x + dx >= 0 && *x + dx < side)
		*x += dx;
	if (*y + dy >= 0 && *y + dy < side)
		*y += dy;
}

static unsigned conv_key(Instance *in, const Key *k)
{
	Conv *s = in->state;
	const unsigned done = WIDGET_HANDLED | WIDGET_REDRAW;
	int last = s->m * s->m - 1;

	if (k->code == K_ENTER)
		return check(s);
	if (k->code == K_LEFT || k->code == K_RIGHT || k->code == K_UP || k->code == K_DOWN) {
		move(s, (k->code == K_RIGHT) - (k->code == K_LEFT), (k->code == K_DOWN) - (k->code == K_UP));
		return done;
	}
	if (k->code != K_CHAR)
		return WIDGET_IGNORED;
	if (key_is_char(k, 'r')) {
		if (s->won)
			s->tries = 0, s->won = false;
		start_round(s, s->won || s->round >= CONV_ROUNDS ? 0 : s->round);
		s->fb = CONV_FB_NONE;
		return done;
	}
	if (s->won)
		return key_is_char(k, ' ') || strchr("wk+-np", (int)k->ch) ? WIDGET_HANDLED : WIDGET_IGNORED;
	if (key_is_char(k, ' ') && s->part == CONV_IMAGE) {
		double *p = &s->img[s->cy * s->n + s->cx];
		*p = *p > 0.5 ? 0 : 1;
		remap(s);
	} else if (key_is_char(k, 'w')) {
		s->part = s->part == CONV_IMAGE ? CONV_KERNEL : CONV_IMAGE;
	} else if (key_is_char(k, 'k')) {
		set_kernel(s, (s->preset + 1) % CONV_PRESETS);
	} else if (key_is_char(k, '+') || key_is_char(k, '-')) {
		double *w = &s->k[s->ky * 3 + s->kx];
		*w = round((*w + (k->ch == '+' ? 1 : -1)) * 100) / 100;
		*w = *w > 9 ? 9 : *w < -9 ? -9 : *w;
		s->preset = -1;
		remap(s);
	} else if (key_is_char(k, 'n') || key_is_char(k, 'p')) {
		s->pos += k->ch == 'n' ? s->pos < last : -(s->pos > 0);
	} else if (!key_is_char(k, ' ')) {
		return WIDGET_IGNORED;
	}
	return done;
}

static bool conv_value(const Instance *in, double *out)
{
	const Conv *s = in->state;

	*out = s->round;
	return true;
}

/* "score": the rounds won; "map": the whole feature map. */
static bool conv_output(const Instance *in, const char *name, Data *out)
{
	const Conv *s = in->state;

	if (strcmp(name, "score") == 0) {
		out->scalar = s->round;
		out->v = &out->scalar;
		out->n = 1;
		out->version = (unsigned long)s->round;
		return true;
	}
	if (strcmp(name, "map") != 0)
		return false;
	out->version = s->version;
	out->rows = out->cols = (size_t)s->m;
	out->v = s->map;
	return true;
}

static void conv_save(const Instance *in, const Store *st)
{
	const Conv *s = in->state;
	char img[CONV_MAX * CONV_MAX + 1], kern[9 * 32];
	size_t len = 0;
	int i;

	if (s->won)
		st->set(st->ctx, "won", "1");
	if (s->best > 0)
		store_put_int(st, "best", s->best);
	store_put_int(st, "round", s->round);
	store_put_int(st, "tries", s->tries);
	for (i = 0; i < s->n * s->n; i++)
		img[i] = s->img[i] > 0.5 ? '1' : '0';
	img[i] = '\0';
	st->set(st->ctx, "image", img);
	for (i = 0; i < 9; i++) {
		if (i)
			kern[len++] = ' ';
		len += str_double(kern + len, sizeof kern - len, s->k[i]);
	}
	st->set(st->ctx, "kernel", kern);
}

/* The image and kernel saved, when they are whole and fit this game. */
static void restore_board(Conv *s, const char *img, const char *kern)
{
	double k[9];
	char *end;
	int i;

	if (img && strlen(img) == (size_t)(s->n * s->n) && strspn(img, "01") == strlen(img))
		for (i = 0; i < s->n * s->n; i++)
			s->img[i] = img[i] == '1';
	for (i = 0; kern && i < 9; i++, kern = end) {
		double v = strtod(kern, &end);
		if (end == kern || !(v >= -9 && v <= 9))
			break;
		k[i] = v;
	}
	if (i == 9) {
		memcpy(s->k, k, sizeof k);
		s->preset = -1;
		for (i = 0; i < CONV_PRESETS; i++)
			if (memcmp(k, presets[i], sizeof k) == 0)
				s->preset = i;
	}
	remap(s);
}

static void conv_restore(Instance *in, const Store *st)
{
	Conv *s = in->state;
	const char *won = st->get(st->ctx, "won");
	int r = store_get_int(st, "round", 0, CONV_ROUNDS, 0);

	s->best = store_get_int(st, "best", 1, 1 << 30, 0);
	s->tries = store_get_int(st, "tries", 0, 1 << 30, 0);
	if (won && strcmp(won, "1") == 0)
		in->done = true;
	start_round(s, r < CONV_ROUNDS ? r : CONV_ROUNDS - 1);
	restore_board(s, st->get(st->ctx, "image"), st->get(st->ctx, "kernel"));
	s->won = r >= CONV_ROUNDS;
	if (s->won) {
		s->round = CONV_ROUNDS;
		s->pos = s->m * s->m - 1;
		s->fb = CONV_FB_WON;
	}
}

static const WidgetOps conv_ops = {
    .init = conv_init,
    .free = conv_free,
    .height = conv_height,
    .draw = conv_draw,
    .key = conv_key,
    .save = conv_save,
    .restore = conv_restore,
    .value = conv_value,
    .output = conv_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "size", .type = PARAM_INT, .min = 6, .max = CONV_MAX, .def = "8",
     .help = N_("the image's side in pixels (the map's is 2 less)")},
    {.name = "threshold", .type = PARAM_NUMBER, .min = 0.1, .max = 100, .def = "2",
     .help = N_("a cell of the map lights up at this value or more")},
};

static const OutputSpec outputs[] = {
    {"score", DATA_SCALAR, N_("the rounds won")},
    {"map", DATA_MATRIX, N_("the feature map: conv2d of the image with the kernel")},
};

static const KindKey keys[] = {
    {"Left Right Up Down", N_("move the cursor")},
    {"Space", N_("paint or clear the pixel")},
    {"w", N_("the arrows move on the image or the kernel")},
    {"+ -", N_("raise or lower the kernel's weight by 1")},
    {"k", N_("the next ready-made kernel")},
    {"n p", N_("move the window on or back")},
    {"Enter", N_("fill the map and check it")},
    {"r", N_("start the round again")},
};

const WidgetKind conv_kind = {
    .schema = {.name = "conv",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("the convolution game: paint an image, choose or edit a 3x3 "
                          "kernel, step its window and make the map light up on an edge"),
               .example = "id=edges size=8 threshold=2"},
    .ops = &conv_ops,
    .flags = KIND_GOAL,
    KIND_LIST(keys, keys),
};
