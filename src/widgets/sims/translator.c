/* translator.c: the translator kind: two real GRU encoder-decoders trained on the toy English ->
 * French pairs (nn/pairs.h) when the widget starts, from a seed: a plain one, whose
 * decoder sees the sentence only through the encoder's last state (the context vector),
 * and the same with attention over the encoder's states. It shows the plain one
 * translating a sentence word by word (Right reveals the next decoder step, each word
 * with its probability) and publishes the context vector, the step's probabilities, the
 * word accuracy of both models by sentence length and the attention model's weights on
 * a longer sentence, for heat maps and bars. The models are trained on first use (the
 * first layout, key or reader), not when the scene is made: a scene stays cheap to
 * make. Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "nn/loss.h"
#include "nn/pairs.h"
#include "nn/seq2seq.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum {
	S2S_BATCH = 10, /* pairs per optimizer step */
	S2S_EMB = 16,   /* word vectors */
	S2S_TOP = 5,    /* words in the "top" output */
	S2S_BUCKETS = 3 /* sentence lengths: 2-3, 4-5, 6 and more English words */
};

#define LONG_DEFAULT "the black cat sleeps in the small house"

/* One trained model. */
typedef struct {
	Net net;
	DemoModel m;
} Model;

typedef struct {
	Model plain, attn;
	size_t ts, tt, vt, hid;
	size_t pair;        /* the sentence translated step by step */
	size_t nsteps;      /* its decoder steps, the end included */
	size_t words[32];   /* what the plain model said at each step */
	double *probs;      /* (nsteps, vt): the decoder's probabilities at each step */
	double *context;    /* (hid): the encoder's last state for the sentence */
	double accuracy[S2S_BUCKETS * 2]; /* word accuracy by length: plain, attention */
	double *weights;    /* (arows, acols): the attention model on the long sentence */
	size_t arows, acols;
	const char **labels; /* the French words, for the probabilities */
	double top[S2S_TOP];
	const char *toplab[S2S_TOP];
	Steps at;           /* decoder steps revealed: 0 .. nsteps */
	unsigned long version;
	uint64_t seed;
	size_t epochs, long_pair;
	bool trained, broken; /* trained (on first use); that failed */
} S2s;

static const KindKey s2s_keys[] = {
    {"Right Space", N_("the decoder's next word")},
    {"Left", N_("back a word")},
    {"Home End", N_("no word yet, or the whole translation")},
};

/* The pair whose English sentence is text, or the first pair. */
static size_t find_pair(const char *text)
{
	size_t i;

	for (i = 0; text && i < pairs_count(); i++)
		if (strcmp(pairs_text(i, PAIRS_EN), text) == 0)
			return i;
	return 0;
}

/* Builds and trains one model from seed; 0 or -1. */
static int train(Model *md, const S2s *s, int attend, uint64_t seed, size_t epochs)
{
	size_t vs = pairs_vocab_size(PAIRS_EN);
	OptimConfig cfg;
	Optim o;
	Rng r;
	double loss;

	net_init(&md->net, seed);
	if (attend)
		demo_seq2seq_attn(&md->net, &md->m, s->ts, s->tt, vs, s->vt, S2S_EMB, s->hid);
	else
		demo_seq2seq(&md->net, &md->m, s->ts, s->tt, vs, s->vt, S2S_EMB, s->hid);
	if (net_finish(&md->net, pairs_count()) != NN_OK)
		return -1;
	rng_seed(&r, seed);
	net_init_params(&md->net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.02;
	if (optim_init(&o, &cfg, md->net.n_params) != NN_OK)
		return -1;
	loss = seq2seq_train(&md->net, &md->m, &o, &r, epochs, S2S_BATCH, s->ts, s->tt);
	optim_free(&o);
	return loss < 0 ? -1 : 0;
}

static size_t bucket(size_t words)
{
	return words <= 3 ? 0 : words <= 5 ? 1 : 2;
}

/* Greedy decoding of every pair by both models: word accuracy by length. */
static int measure(S2s *s)
{
	size_t np = pairs_count(), idx[64], *words, right[S2S_BUCKETS * 2] = {0};
	size_t total[S2S_BUCKETS * 2] = {0}, i, k;
	Model *md[2] = {&s->plain, &s->attn};

	if (np > 64 || !(words = malloc(np * s->tt * sizeof *words)))
		return -1;
	for (i = 0; i < np; i++)
		idx[i] = i;
	for (k = 0; k < 2; k++) {
		if (seq2seq_decode(words, &md[k]->net, &md[k]->m, idx, np, s->ts, s->tt)) {
			free(words);
			return -1;
		}
		for (i = 0; i < np; i++) {
			size_t t, b = bucket(pairs_tokens(NULL, 0, i, PAIRS_EN)) * 2 + k;
			right[b] += seq2seq_words_right(words + i * s->tt, s->tt, i, &t);
			total[b] += t;
		}
	}
	for (k = 0; k < S2S_BUCKETS * 2; k++)
		s->accuracy[k] = total[k] ? (double)right[k] / (double)total[k] : 0;
	free(words);
	return 0;
}

/* The steps of a decoded row: its words up to and including the end. */
static size_t steps_of(const size_t *words, size_t tt)
{
	size_t k = 0;

	while (k < tt && words[k] != PAIRS_PAD)
		k++;
	return k;
}

/* The plain model on the sentence: its words, probabilities and context vector. */
static int translate(S2s *s)
{
	Model *md = &s->plain;
	const double *logits = net_value(&md->net, md->m.out);
	size_t k;

	if (s->tt > sizeof s->words / sizeof *s->words ||
	    seq2seq_decode(s->words, &md->net, &md->m, &s->pair, 1, s->ts, s->tt))
		return -1;
	s->nsteps = steps_of(s->words, s->tt);
	s->probs = malloc((s->nsteps ? s->nsteps : 1) * s->vt * sizeof *s->probs);
	s->context = malloc(s->hid * sizeof *s->context);
	if (!s->probs || !s->context)
		return -1;
	for (k = 0; k < s->nsteps; k++) /* time-major, one example: step k's row */
		loss_softmax(s->probs + k * s->vt, logits + k * s->vt, s->vt);
	memcpy(s->context, net_value(&md->net, md->m.code), s->hid * sizeof *s->context);
	return 0;
}

/* The attention model on the long sentence: its weights over the English words. */
static int attend_long(S2s *s, size_t pair)
{
	Model *md = &s->attn;
	size_t words[32], ne = pairs_tokens(NULL, 0, pair, PAIRS_EN), r, c;
	const double *p;

	if (s->tt > 32 || seq2seq_decode(words, &md->net, &md->m, &pair, 1, s->ts, s->tt))
		return -1;
	s->arows = steps_of(words, s->tt);
	s->acols = ne;
	p = net_attention(&md->net, md->m.attn, 1); /* (1, tt, ts), padding on the left */
	if (!(s->weights = malloc((s->arows ? s->arows : 1) * ne * sizeof *s->weights)))
		return -1;
	for (r = 0; r < s->arows; r++)
		for (c = 0; c < ne; c++)
			s->weights[r * ne + c] = p[r * s->ts + (s->ts - ne) + c];
	return 0;
}

static void s2s_free(Instance *in)
{
	S2s *s = in->state;

	if (!s)
		return;
	net_free(&s->plain.net);
	net_free(&s->attn.net);
	free(s->probs);
	free(s->context);
	free(s->weights);
	free(s->labels);
	free(s);
	in->state = NULL;
}

static int s2s_init(Instance *in)
{
	S2s *s = calloc(1, sizeof *s);
	size_t i;

	if (!s)
		return -1;
	in->state = s;
	s->seed = (uint64_t)widget_num(in, "seed", 6);
	s->epochs = (size_t)widget_num(in, "epochs", 60);
	s->ts = pairs_max_len(PAIRS_EN);
	s->tt = pairs_max_len(PAIRS_FR) + 1;
	s->vt = pairs_vocab_size(PAIRS_FR);
	s->hid = (size_t)widget_num(in, "context", 8);
	s->pair = find_pair(widget_str(in, "sentence", "the cat sits"));
	s->long_pair = find_pair(widget_str(in, "long", LONG_DEFAULT));
	steps_init(&s->at, 0);
	if (!(s->labels = malloc(s->vt * sizeof *s->labels))) {
		s2s_free(in);
		return -1;
	}
	for (i = 0; i < s->vt; i++)
		s->labels[i] = pairs_word(PAIRS_FR, i);
	return 0;
}

/* The state, the models trained and measured on first use (a cache of what the
 * parameters determine: the same whenever it happens). */
static S2s *ready(const Instance *in)
{
	S2s *s = in->state;

	if (!s->trained) {
		s->trained = true;
		s->broken = train(&s->plain, s, 0, s->seed, s->epochs) ||
		            train(&s->attn, s, 1, s->seed, s->epochs) || measure(s) ||
		            translate(s) || attend_long(s, s->long_pair);
		if (s->broken)
			s->nsteps = 0;
	}
	return s;
}

/* The step whose probabilities are published: the last one revealed (the first before). */
static size_t shown_step(const S2s *s)
{
	int p = steps_at(&s->at, (int)s->nsteps + 1);

	return p > 0 ? (size_t)p - 1 : 0;
}

/* The best word at step k other than the one said. */
static size_t runner_up(const S2s *s, size_t k)
{
	const double *p = s->probs + k * s->vt;
	size_t best = s->words[k] == 0 ? 1 : 0, j;

	for (j = 0; j < s->vt; j++)
		if (j != s->words[k] && p[j] > p[best])
			best = j;
	return best;
}

static int s2s_height(const Instance *in, int width)
{
	const S2s *s = ready(in);

	(void)width;
	return (int)s->nsteps + 3;
}

static void text_at(Grid *g, int x, int y, int maxw, const char *t, Style st)
{
	if (maxw > 0)
		grid_text(g, x, y, t, strlen(t), maxw, st);
}

static void s2s_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		     int *cy)
{
	const S2s *s = ready(in);
	int shown = steps_at(&s->at, (int)s->nsteps + 1), y = r.y, k;
	bool wide = r.w >= 56;
	const char *arrow = caps.unicode ? "→" : "->";
	char line[256], num[32];
	/* columns: step, reads, says, p, next best */
	int xs = r.x, xr = r.x + 5, xw = r.x + (wide ? 17 : 14), xp = r.x + (wide ? 29 : 25);
	int xn = r.x + 37;

	if (s->broken) {
		text_at(g, r.x, y, r.w, _("out of memory"), STYLE_DIM);
		return;
	}
	snprintf(line, sizeof line, _("\"%s\" %s encoder %s %zu numbers %s decoder"),
	         pairs_text(s->pair, PAIRS_EN), arrow, arrow, s->hid, arrow);
	if (utf8_width(line, strlen(line)) > r.w) /* narrow: the sentence and the numbers */
		snprintf(line, sizeof line, _("\"%s\" %s %zu numbers"), pairs_text(s->pair, PAIRS_EN),
		         arrow, s->hid);
	text_at(g, r.x, y++, r.w, line, STYLE_BOLD);
	text_at(g, xs, y, r.w, _("step"), STYLE_DIM);
	text_at(g, xr, y, r.x + r.w - xr, _("reads"), STYLE_DIM);
	text_at(g, xw, y, r.x + r.w - xw, _("says"), STYLE_DIM);
	text_at(g, xp, y, r.x + r.w - xp, "p", STYLE_DIM);
	if (wide)
		text_at(g, xn, y, r.x + r.w - xn, _("next best"), STYLE_DIM);
	y++;
	for (k = 0; k < (int)s->nsteps; k++, y++) {
		size_t w = s->words[k], two = runner_up(s, (size_t)k);
		Style st = k + 1 == shown ? (focused ? STYLE_FOCUS : STYLE_BOLD) : STYLE_NORMAL;
		snprintf(num, sizeof num, "%d", k + 1);
		text_at(g, xs, y, 4, num, k < shown ? STYLE_NORMAL : STYLE_DIM);
		if (k >= shown) {
			text_at(g, xr, y, r.x + r.w - xr, caps.unicode ? "·" : ".", STYLE_DIM);
			continue;
		}
		text_at(g, xr, y, xw - xr - 1,
		        pairs_word(PAIRS_FR, k == 0 ? PAIRS_BOS : s->words[k - 1]), STYLE_NORMAL);
		text_at(g, xw, y, xp - xw - 1, pairs_word(PAIRS_FR, w), st);
		visual_fixed(num, sizeof num, s->probs[(size_t)k * s->vt + w], 2);
		text_at(g, xp, y, r.x + r.w - xp, num, st);
		if (wide) {
			visual_fixed(num, sizeof num, s->probs[(size_t)k * s->vt + two], 2);
			snprintf(line, sizeof line, "%s %s", pairs_word(PAIRS_FR, two), num);
			text_at(g, xn, y, r.x + r.w - xn, line, STYLE_DIM);
		}
	}
	if (shown == 0)
		snprintf(line, sizeof line, _("Step 0 of %zu: the encoder has read the sentence"),
		         s->nsteps);
	else
		snprintf(line, sizeof line, _("Step %d of %zu: reads \"%s\", says \"%s\""), shown,
		         s->nsteps,
		         pairs_word(PAIRS_FR, shown == 1 ? PAIRS_BOS : s->words[shown - 2]),
		         pairs_word(PAIRS_FR, s->words[shown - 1]));
	text_at(g, r.x, y, r.w, line, STYLE_NORMAL);
	if (focused) {
		*cx = r.x;
		*cy = r.y + 2 + (shown > 0 ? shown - 1 : 0);
	}
}

static unsigned s2s_key(Instance *in, const Key *k)
{
	S2s *s = ready(in);
	int n = (int)s->nsteps + 1, to = steps_key_target(&s->at, n, k, true);
	unsigned r;

	if (to < 0)
		return WIDGET_IGNORED;
	r = steps_key_go(&s->at, n, to, &in->animating);
	s->version += r != WIDGET_IGNORED;
	return r;
}

static bool s2s_tick(Instance *in, double dt)
{
	S2s *s = ready(in);
	bool moved = steps_tick(&s->at, (int)s->nsteps + 1, dt, &in->animating);

	s->version += moved;
	return moved;
}

static void s2s_animate(Instance *in, AnimCommand cmd, double arg)
{
	S2s *s = ready(in);

	s->version += steps_command(&s->at, (int)s->nsteps + 1, cmd, arg, &in->animating);
}

static void s2s_anim_state(const Instance *in, AnimState *st)
{
	const S2s *s = ready(in);

	steps_state(&s->at, (int)s->nsteps + 1, st);
}

/* The S2S_TOP most likely words of step k, largest first. */
static void fill_top(S2s *s, size_t k)
{
	const double *p = s->probs + k * s->vt;
	size_t i, j;

	for (i = 0; i < S2S_TOP; i++) {
		size_t best = s->vt;
		for (j = 0; j < s->vt; j++) {
			size_t q;
			bool taken = false;
			for (q = 0; q < i; q++)
				taken |= s->toplab[q] == s->labels[j];
			if (!taken && (best == s->vt || p[j] > p[best]))
				best = j;
		}
		s->top[i] = p[best];
		s->toplab[i] = s->labels[best];
	}
}

static bool s2s_output(const Instance *in, const char *name, Data *out)
{
	S2s *s = ready(in);
	size_t k;

	if (s->broken)
		return false;
	k = shown_step(s);
	out->version = s->version;
	if (strcmp(name, "context") == 0) {
		out->rows = 1, out->cols = s->hid, out->v = s->context;
	} else if (strcmp(name, "probs") == 0) {
		out->n = s->vt, out->v = s->probs + k * s->vt, out->labels = s->labels;
	} else if (strcmp(name, "top") == 0) {
		fill_top(s, k);
		out->n = S2S_TOP, out->v = s->top, out->labels = s->toplab;
	} else if (strcmp(name, "accuracy") == 0) {
		out->rows = S2S_BUCKETS, out->cols = 2, out->v = s->accuracy;
	} else if (strcmp(name, "attention") == 0) {
		out->rows = s->arows, out->cols = s->acols, out->v = s->weights;
	} else {
		return false;
	}
	return true;
}

static const WidgetOps s2s_ops = {
    .init = s2s_init,
    .free = s2s_free,
    .height = s2s_height,
    .draw = s2s_draw,
    .key = s2s_key,
    .tick = s2s_tick,
    .output = s2s_output,
    .animate = s2s_animate,
    .anim_state = s2s_anim_state,
};

static const ParamSpec params[] = {
    {.name = "sentence", .type = PARAM_STRING,
     .help = N_("the English sentence (one of the toy pairs) translated step by step "
                "(default: the cat sits)")},
    {.name = "long", .type = PARAM_STRING,
     .help = N_("the longer sentence (one of the pairs) whose attention weights it publishes "
                "(default: the black cat sleeps in the small house)")},
    {.name = "context", .type = PARAM_INT, .min = 2, .max = 64, .def = "8",
     .help = N_("numbers in the context vector (the GRUs' hidden size)")},
    {.name = "epochs", .type = PARAM_INT, .min = 1, .max = 400, .def = "60",
     .help = N_("passes over the pairs when the widget starts")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "6",
     .help = N_("the seed of the starting weights and the shuffling")},
};

static const OutputSpec outputs[] = {
    {"context", DATA_MATRIX, N_("the context vector of the sentence, one row")},
    {"probs", DATA_VECTOR,
     N_("the decoder's probability of every French word at the step shown, named")},
    {"top", DATA_VECTOR, N_("the five most likely words at the step shown, named")},
    {"accuracy", DATA_MATRIX,
     N_("word accuracy on the pairs by English length (2-3, 4-5, 6 or more words): "
        "without attention, with attention")},
    {"attention", DATA_MATRIX,
     N_("the attention model's weights on the longer sentence: a row per French word "
        "said, a column per English word")},
};

const WidgetKind translator_kind = {
    .schema = {.name = "translator",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("two GRU encoder-decoders trained on toy English-French pairs, "
                          "with and without attention; the decoder's words step by step"),
               .example = "id=s2s sentence=\"the cat sits\" context=2 epochs=1"},
    .ops = &s2s_ops,
    .keys = s2s_keys,
    .nkeys = sizeof s2s_keys / sizeof *s2s_keys,
};
