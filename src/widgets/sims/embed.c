/* embed.c: "Words that drift together": real skip-gram training (src/nn/skipgram.h) on
 * the toy corpus of meaning groups (src/nn/corpus.h), live. Its position is the number
 * of training steps (batches of pairs) taken: playing takes `speed` steps a second,
 * Right one more, Left and Home go back (retrained from the seed, so every step number
 * is always the same state). It draws the group words on the plane of their two leading
 * principal components (skipgram_pca), a marker per group, the mean cosine within and
 * between groups, and a chosen word's nearest neighbours with their cosines.
 * Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/plot.h"
#include "nls.h"
#include "nn/skipgram.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum {
	EM_WORDS = CORPUS_GROUPS * CORPUS_GROUP_WORDS, /* the drawn words: the group words */
	EM_NEAR = 5,                                   /* neighbours listed */
	EM_PANEL = 30,                                 /* columns of the side panel */
	EM_LINES = 6 + EM_NEAR                         /* rows of the panel */
};

typedef struct {
	Corpus corpus;
	SkipGram sg;
	SkipGramConfig cfg;
	Steps at;     /* the steps wanted; sg.steps the steps taken */
	int max;      /* positions: steps 0 .. max */
	size_t word;  /* the chosen word, a group word */
	double loss;  /* the last step's batch loss (0 before any) */
	double x[EM_WORDS], y[EM_WORDS];
	double xy[2 * EM_WORDS]; /* x, y interleaved, for readers */
	int cls[EM_WORDS];
	double mean[CORPUS_GROUPS * CORPUS_GROUPS];
	size_t near[EM_NEAR];
	double sims[EM_NEAR];
	double *rows, *work; /* (EM_WORDS, dim), (dim dim + 3 dim): for the projection */
	Plot plot;           /* scratch for drawing */
	unsigned long version;
} Embed;

/* The projection, the group cosines and the neighbours of the embeddings as they are. */
static void measure(Embed *e)
{
	size_t d = e->cfg.dim, i;
	double *xy = e->xy;
	Rng r;

	for (i = 0; i < EM_WORDS; i++)
		memcpy(e->rows + i * d, skipgram_vector(&e->sg, i), d * sizeof *e->rows);
	rng_seed(&r, 1); /* the start of the power iteration: the same every time */
	skipgram_pca(xy, NULL, e->rows, EM_WORDS, d, e->work, &r);
	for (i = 0; i < EM_WORDS; i++)
		e->x[i] = xy[2 * i], e->y[i] = xy[2 * i + 1];
	skipgram_group_cosines(e->mean, &e->sg, e->corpus.group, CORPUS_GROUPS);
	skipgram_nearest(e->near, e->sims, &e->sg, e->word, EM_NEAR);
	e->version++;
}

/* Trains (or restarts and trains) until it has taken the steps its position asks. */
static void reach(Embed *e)
{
	size_t want = (size_t)steps_at(&e->at, e->max + 1);

	if (want < e->sg.steps) {
		skipgram_free(&e->sg);
		if (skipgram_init(&e->sg, &e->corpus, &e->cfg) != NN_OK)
			return;
		e->loss = 0.0;
	}
	while (e->sg.steps < want)
		e->loss = skipgram_step(&e->sg);
	measure(e);
}

static void embed_free(Instance *in)
{
	Embed *e = in->state;

	if (!e)
		return;
	skipgram_free(&e->sg);
	corpus_free(&e->corpus);
	plot_free(&e->plot);
	free(e->rows);
	free(e->work);
	free(e);
	in->state = NULL;
}

static int embed_init(Instance *in)
{
	Embed *e = calloc(1, sizeof *e);
	size_t i, d;
	Rng r;

	if (!e)
		return -1;
	in->state = e;
	plot_init(&e->plot);
	skipgram_defaults(&e->cfg);
	e->cfg.negatives = (size_t)widget_num(in, "negatives", 0);
	e->cfg.seed = (uint64_t)widget_num(in, "seed", 1);
	d = e->cfg.dim;
	rng_seed(&r, e->cfg.seed);
	e->max = (int)widget_num(in, "steps", 200);
	steps_init(&e->at, (int)widget_num(in, "start", 0));
	e->at.speed = widget_num(in, "speed", 10);
	for (i = 0; i < EM_WORDS; i++)
		e->cls[i] = (int)(i / CORPUS_GROUP_WORDS);
	e->rows = malloc(EM_WORDS * d * sizeof *e->rows);
	e->work = malloc((d * d + 3 * d) * sizeof *e->work);
	if (!e->rows || !e->work ||
	    corpus_generate(&e->corpus, (size_t)widget_num(in, "sentences", 200), &r) != NN_OK ||
	    skipgram_init(&e->sg, &e->corpus, &e->cfg) != NN_OK) {
		embed_free(in);
		return -1;
	}
	reach(e);
	return 0;
}

/* The panel's lines (EM_LINES, each ending in a newline). */
static size_t panel(const Embed *e, Caps caps, char *out, size_t size)
{
	size_t len = 0, i, G = CORPUS_GROUPS, a, b;
	double in = 0.0, out_ = 0.0;
	char mark[8];

	for (a = 0; a < G; a++)
		for (b = 0; b < G; b++)
			if (a == b)
				in += e->mean[a * G + b] / (double)G;
			else
				out_ += e->mean[a * G + b] / (double)(G * (G - 1));
	in = fabs(in) < 0.005 ? 0.0 : in; /* no "-0.00" */
	out_ = fabs(out_) < 0.005 ? 0.0 : out_;
	len = str_addf(out, size, len, _("step %zu/%d, %.2f epochs\n"), e->sg.steps, e->max,
		       (double)(e->sg.steps * e->cfg.batch) / (double)e->sg.n_pairs);
	if (e->sg.steps)
		len = str_addf(out, size, len, _("loss %.3f\n"), e->loss);
	else
		len = str_addf(out, size, len, _("loss: not trained yet\n"));
	len = str_addf(out, size, len, _("mean cosine, same group %5.2f\n"), in);
	len = str_addf(out, size, len, _("mean cosine, across     %5.2f\n"), out_);
	len = str_addf(out, size, len, "%s\n",
		       skipgram_grouped(e->mean, G) ? _("groups apart: yes")
						    : _("groups apart: not yet"));
	mark[utf8_encode(mark, plot_marker(e->cls[e->word], caps))] = '\0';
	len = str_addf(out, size, len, _("nearest to %s %s:\n"), mark, e->corpus.word[e->word]);
	for (i = 0; i < EM_NEAR; i++) {
		int g = e->corpus.group[e->near[i]];
		if (g >= 0)
			mark[utf8_encode(mark, plot_marker(g, caps))] = '\0';
		else
			strcpy(mark, " ");
		len = str_addf(out, size, len, " %s %-10s %6.2f\n", mark,
			       e->corpus.word[e->near[i]], e->sims[i]);
	}
	return len;
}

static int embed_height(const Instance *in, int width)
{
	int h = (int)widget_num(in, "height", 12);

	return visual_beside_height(width, h, EM_PANEL, EM_LINES);
}

/* The chosen word's name beside its marker (right, else left). */
static void name_word(const Embed *e, Grid *g, Style st)
{
	const Canvas *cv = &e->plot.cv;
	const char *name = e->corpus.word[e->word];
	int px, py, x, y, w = (int)strlen(name);

	if (!canvas_map(cv, e->x[e->word], e->y[e->word], &px, &py) || px < 0 || py < 0 ||
	    px >= cv->pw || py >= cv->ph)
		return;
	x = cv->x + (px >> cv->lx);
	y = cv->y + (py >> cv->ly);
	if (x + 2 + w <= cv->x + cv->w)
		grid_str(g, x + 2, y, name, st);
	else
		grid_str(g, x - w - 1, y, name, st);
}

static void embed_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	Embed *e = in->state; /* draws on its scratch plot only */
	char buf[1024];
	size_t n = panel(e, caps, buf, sizeof buf), i;
	int h = (int)widget_num(in, "height", 12), pw, px, py;

	visual_beside(r, h, EM_PANEL, &pw, &px, &py);

	plot_begin(&e->plot);
	plot_fit(&e->plot, e->x, e->y, EM_WORDS);
	for (i = 0; i < CORPUS_GROUPS; i++)
		plot_legend(&e->plot, corpus_group_name(i), plot_colour((int)i),
			    plot_marker((int)i, caps), 0);
	if (plot_layout(&e->plot, r.x, r.y, pw, h, NULL, caps, false) == 0) {
		plot_points(&e->plot, e->x, e->y, e->cls, EM_WORDS);
		plot_draw(&e->plot, g);
		name_word(e, g, STYLE_BOLD);
	}
	visual_lines(g, px, py, r.w - (px - r.x), buf, n, EM_LINES, 5);
	if (focused) {
		*cx = px;
		*cy = py;
	}
}

static unsigned embed_key(Instance *in, const Key *k)
{
	Embed *e = in->state;
	int to;
	unsigned r;

	if (k->code == K_UP || k->code == K_DOWN) {
		e->word = (e->word + (k->code == K_UP ? EM_WORDS - 1 : 1)) % EM_WORDS;
		measure(e);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, ' ')) {
		steps_command(&e->at, e->max + 1, e->at.playing ? ANIM_PAUSE : ANIM_PLAY, 0,
			      &in->animating);
		reach(e);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	to = steps_key_target(&e->at, e->max + 1, k, false);
	if (to < 0)
		return WIDGET_IGNORED;
	r = steps_key_go(&e->at, e->max + 1, to, &in->animating);
	if (r & WIDGET_HANDLED)
		reach(e);
	return r;
}

/* Playing: the steps the time asks, trained now (a few per frame). */
static bool embed_tick(Instance *in, double dt)
{
	Embed *e = in->state;

	if (!steps_tick(&e->at, e->max + 1, dt, &in->animating))
		return false;
	reach(e);
	return true;
}

static void embed_animate(Instance *in, AnimCommand cmd, double arg)
{
	Embed *e = in->state;

	if (steps_command(&e->at, e->max + 1, cmd, arg, &in->animating))
		reach(e);
}

static void embed_anim_state(const Instance *in, AnimState *st)
{
	const Embed *e = in->state;

	steps_state(&e->at, e->max + 1, st);
}

/* "vectors": the group words' embeddings (EM_WORDS, dim); "points": their projection,
 * by group; "step": the steps taken; "grouped": 1 when every group is nearer itself
 * than any other. */
static bool embed_output(const Instance *in, const char *name, Data *out)
{
	Embed *e = in->state;

	out->version = e->version;
	if (strcmp(name, "vectors") == 0) {
		out->rows = e->sg.V;
		out->cols = e->cfg.dim;
		out->v = skipgram_vector(&e->sg, 0);
		return true;
	}
	if (strcmp(name, "points") == 0) {
		out->n = EM_WORDS;
		out->v = e->xy;
		out->cls = e->cls;
		return true;
	}
	out->scalar = strcmp(name, "step") == 0 ? (double)e->sg.steps
						 : skipgram_grouped(e->mean, CORPUS_GROUPS);
	out->n = 1;
	return true;
}

static const WidgetOps embed_ops = {
	.init = embed_init,
	.free = embed_free,
	.height = embed_height,
	.draw = embed_draw,
	.key = embed_key,
	.tick = embed_tick,
	.output = embed_output,
	.animate = embed_animate,
	.anim_state = embed_anim_state,
};

/* The kind as lessons name it: parameters, outputs, keys. */
static const ParamSpec params[] = {
    {.name = "sentences", .type = PARAM_INT, .min = 20, .max = 2000, .def = "200",
     .help = N_("the sentences of the toy corpus")},
    {.name = "negatives", .type = PARAM_INT, .min = 0, .max = 20, .def = "0",
     .help = N_("0: the full softmax; k: negative sampling with k noise words")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 1000, .def = "200",
     .help = N_("the training steps (batches of 64 pairs) it plays up to")},
    {.name = "start", .type = PARAM_INT, .min = 0, .max = 1000, .def = "0",
     .help = N_("the steps already taken when the page opens")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 1, .max = 200, .def = "10",
     .help = N_("training steps a second while it plays")},
    {.name = "height", .type = PARAM_INT, .min = 6, .max = 40, .def = "12",
     .help = N_("rows of the chart")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the corpus, the start and the batches")},
};

static const OutputSpec outputs[] = {
    {"vectors", DATA_MATRIX, N_("every word's vector, a row each: the 24 group words first, group by group")},
    {"points", DATA_POINTS, N_("the group words on their two main axes, by group")},
    {"step", DATA_SCALAR, N_("the training steps taken")},
    {"grouped", DATA_SCALAR, N_("1 when every group's words are nearer each other than to "
                                "any other group's, on average, else 0")},
};

static const KindKey keys[] = {
    {"Space", N_("train or pause")},
    {"Right", N_("one more training step")},
    {"Left Home", N_("one step back, or back to the start (retrained from the seed)")},
    {"End", N_("train to the last step")},
    {"Up Down", N_("choose the word whose neighbours are listed")},
};

const WidgetKind embed_kind = {
    .schema = {.name = "embed",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("skip-gram word vectors trained live: the words on their two "
                          "main axes, and a word's nearest neighbours"),
               .example = "id=words start=20 height=10"},
    .ops = &embed_ops,
    KIND_LIST(keys, keys),
};
