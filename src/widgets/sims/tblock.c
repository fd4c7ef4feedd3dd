/* tblock.c: the tblock kind: a real one-block Transformer (nn/demo.h: embedding and
 * learned positions, causal self-attention with one head, residual and layer norm, a
 * feed-forward net, residual and layer norm, a head over the words) trained when the
 * widget starts, from a seed, to guess the next word of the toy English sentences
 * (nn/pairs.h). Right and Left step through its stages on one sentence; it publishes
 * each stage's numbers as a matrix (a row per word) for a heat map, and names the
 * head's guesses. The block is trained on first use (the first layout, key or reader),
 * not when the scene is made: a scene stays cheap to make. Must not own the loop or
 * write files; computes only with src/nn. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/wrap.h"
#include "nls.h"
#include "nn/loss.h"
#include "nn/optim.h"
#include "nn/pairs.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"
#include "widgets/sims/tblock.h"

enum { TB_D = 8, TB_FF = 16, TB_STAGES = 7, TB_MAXT = 16 };

typedef struct {
	Net net;
	DemoModel m;
	NetId node[TB_STAGES]; /* the node each stage shows (the attention: its weights) */
	size_t t, v, len;      /* positions, vocabulary, the sentence's words */
	size_t pair;
	double *stage;         /* the matrix of the stage shown */
	size_t rows, cols;
	size_t guess[TB_MAXT]; /* the head's most likely next word after each word */
	double gp[TB_MAXT];    /* its probability */
	Steps at;
	unsigned long version;
	uint64_t seed;
	size_t steps;
	bool trained, broken; /* trained (on first use); that failed */
} Tblock;

static const char *const names[TB_STAGES] = {
    N_("Embed"), N_("Positions"), N_("Attention"), N_("Add & norm"),
    N_("Feed-forward"), N_("Add & norm"), N_("Head"),
};

static const char *const says[TB_STAGES] = {
    N_("each word becomes its row of the embedding table: 8 numbers"),
    N_("a learned vector for each place is added: now the model knows the order"),
    N_("each word's query meets the keys of itself and the words before it: the "
       "softmax weights, a row per word (columns: the words it looks at)"),
    N_("the attention's output is added to its input, then each row is normalized"),
    N_("the same small network, 8 -> 16 (ReLU) -> 8, runs on each word alone"),
    N_("its output is added to its input, and each row is normalized again"),
    N_("a linear layer over the vocabulary and a softmax: the probability of the word "
       "it guesses comes next"),
};

static const KindKey tb_keys[] = {
    {"Right Space", N_("the next stage")},
    {"Left", N_("the stage before")},
    {"Home End", N_("the first or last stage")},
};

/* Fills the ids of example b with pair i's English words, the next words as targets. */
static void sentence(Tblock *s, size_t b, size_t i)
{
	size_t w[TB_MAXT], n = pairs_tokens(w, TB_MAXT, i, PAIRS_EN), k;
	size_t *x = net_ids_of(&s->net, s->m.x) + b * s->t;
	size_t *y = net_ids_of(&s->net, s->m.target) + b * s->t;

	for (k = 0; k < s->t; k++) {
		x[k] = k < n ? w[k] : PAIRS_PAD;
		y[k] = k + 1 < n ? w[k + 1] : k + 1 == n ? PAIRS_EOS : LOSS_IGNORE;
	}
}

static int train(Tblock *s, uint64_t seed, size_t steps)
{
	size_t np = pairs_count(), i, k;
	OptimConfig cfg;
	Optim o;
	Rng r;

	net_init(&s->net, seed);
	demo_transformer(&s->net, &s->m, s->t, s->v, TB_D, 1, TB_FF, 1);
	if (net_finish(&s->net, np) != NN_OK)
		return -1;
	for (i = k = 0; i < s->net.n_nodes && k < TB_STAGES; i++) {
		NetOp op = s->net.node[i].op;
		if ((k == 0 && op == NET_EMBED) || (k == 1 && op == NET_POSITION) ||
		    (k == 2 && op == NET_MHA) || ((k == 3 || k == 5) && op == NET_LAYERNORM) ||
		    (k == 4 && op == NET_LINEAR && i > 0 && s->net.node[i - 1].op == NET_ACT))
			s->node[k++] = i;
	}
	s->node[6] = s->m.out;
	if (k != 6)
		return -1;
	rng_seed(&r, seed);
	net_init_params(&s->net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	if (optim_init(&o, &cfg, s->net.n_params) != NN_OK)
		return -1;
	for (i = 0; i < np; i++)
		sentence(s, i, i);
	for (k = 0; k < steps; k++) {
		net_zero_grad(&s->net);
		net_forward(&s->net, np);
		net_backward(&s->net, np, s->m.loss, NULL);
		optim_step(&o, s->net.params, s->net.grads);
	}
	optim_free(&o);
	return 0;
}

/* The matrix of stage k for the sentence (example 0 of the last forward). */
static void fill_stage(Tblock *s, int k)
{
	size_t r, c, n = s->len;

	if (k == 2) {
		const double *p = net_attention(&s->net, s->node[2], 1); /* (1, 1, t, t) */
		for (r = 0; r < n; r++)
			for (c = 0; c < n; c++)
				s->stage[r * n + c] = p[r * s->t + c];
		s->rows = s->cols = n;
	} else if (k == 6) {
		for (r = 0; r < n; r++)
			s->stage[r] = s->gp[r];
		s->rows = n, s->cols = 1;
	} else {
		memcpy(s->stage, net_value(&s->net, s->node[k]), n * TB_D * sizeof *s->stage);
		s->rows = n, s->cols = TB_D;
	}
}

static void tb_free(Instance *in)
{
	Tblock *s = in->state;

	if (!s)
		return;
	net_free(&s->net);
	free(s->stage);
	free(s);
	in->state = NULL;
}

static int tb_init(Instance *in)
{
	Tblock *s = calloc(1, sizeof *s);
	const char *text = widget_str(in, "sentence", "the cat sits");
	size_t i;

	if (!s)
		return -1;
	in->state = s;
	s->t = pairs_max_len(PAIRS_EN);
	s->v = pairs_vocab_size(PAIRS_EN);
	for (i = 0; text && i < pairs_count(); i++)
		if (strcmp(pairs_text(i, PAIRS_EN), text) == 0)
			s->pair = i;
	s->len = pairs_tokens(NULL, 0, s->pair, PAIRS_EN);
	s->seed = (uint64_t)widget_num(in, "seed", 1);
	s->steps = (size_t)widget_num(in, "steps", 300);
	steps_init(&s->at, 0);
	return 0;
}

/* Trains the block and runs it on the sentence: the head's guesses, the first stage. */
static int prepare(Tblock *s)
{
	size_t i, k;

	if (s->t > TB_MAXT || s->v > 64 || train(s, s->seed, s->steps) ||
	    !(s->stage = malloc(s->len * (s->len > TB_D ? s->len : TB_D) * sizeof *s->stage)))
		return -1;
	sentence(s, 0, s->pair);
	net_forward(&s->net, 1);
	for (i = 0; i < s->len; i++) {
		double p[64];
		loss_softmax(p, net_value(&s->net, s->m.out) + i * s->v, s->v);
		for (k = s->guess[i] = 0; k < s->v; k++)
			if (p[k] > p[s->guess[i]])
				s->guess[i] = k;
		s->gp[i] = p[s->guess[i]];
	}
	fill_stage(s, 0);
	return 0;
}

/* The state, the block trained on first use (a cache of what the parameters determine:
 * the same whenever it happens). */
static Tblock *ready(const Instance *in)
{
	Tblock *s = in->state;

	if (!s->trained) {
		s->trained = true;
		s->broken = prepare(s) != 0;
	}
	return s;
}

const Net *tblock_net(const Instance *in, NetId *stage_nodes)
{
	const Tblock *s = ready(in);

	memcpy(stage_nodes, s->node, sizeof s->node);
	return &s->net;
}

size_t tblock_guess(const Instance *in, size_t i, double *p)
{
	const Tblock *s = ready(in);

	*p = s->gp[i];
	return s->guess[i];
}

/* The description of the stage shown, wrapped at w. */
static int desc_rows(int w)
{
	int k, most = 0;

	for (k = 0; k < TB_STAGES; k++) {
		const char *d = _(says[k]);
		int n = wrap_text(d, strlen(d), w, NULL, 0);
		most = n > most ? n : most;
	}
	return most;
}

static int tb_height(const Instance *in, int width)
{
	const Tblock *s = ready(in);

	return 1 + desc_rows(width) + (int)s->len;
}

static void tb_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
                    int *cy)
{
	const Tblock *s = ready(in);
	int at = steps_at(&s->at, TB_STAGES), k, x = r.x, y = r.y, n;
	const char *d = _(says[at]), *sep = caps.unicode ? "›" : ">";
	WrapLine lines[16];
	char buf[128], num[32];

	if (s->broken) {
		grid_text(g, r.x, y, _("out of memory"), strlen(_("out of memory")), r.w, STYLE_DIM);
		return;
	}
	for (k = 0; k < TB_STAGES && x < r.x + r.w; k++) {
		const char *nm = _(names[k]);
		bool cur = k == at;
		snprintf(buf, sizeof buf, "%s%s%s", cur ? "[" : "", nm, cur ? "]" : "");
		if (r.w < 60 && !cur) /* narrow: the stages' numbers */
			snprintf(buf, sizeof buf, "%d", k + 1);
		if (cur && focused) {
			*cx = x;
			*cy = y;
		}
		x += grid_text(g, x, y, buf, strlen(buf), r.x + r.w - x,
		               cur ? (focused ? STYLE_FOCUS : STYLE_BOLD) : STYLE_DIM);
		if (k + 1 < TB_STAGES)
			x += grid_text(g, x, y, sep, strlen(sep), r.x + r.w - x, STYLE_DIM);
	}
	y++;
	n = wrap_text(d, strlen(d), r.w, lines, 16);
	for (k = 0; k < n && k < 16; k++)
		grid_text(g, r.x, y + k, d + lines[k].start, lines[k].len, r.w, STYLE_NORMAL);
	y += desc_rows(r.w);
	for (k = 0; k < (int)s->len; k++, y++) {
		size_t w[TB_MAXT];
		pairs_tokens(w, TB_MAXT, s->pair, PAIRS_EN);
		if (at == TB_STAGES - 1) {
			visual_fixed(num, sizeof num, s->gp[k], 2);
			snprintf(buf, sizeof buf, _("after \"%s\": \"%s\" (p = %s)"),
			         pairs_word(PAIRS_EN, w[k]), pairs_word(PAIRS_EN, s->guess[k]), num);
		} else {
			snprintf(buf, sizeof buf, _("row %d: \"%s\""), k + 1, pairs_word(PAIRS_EN, w[k]));
		}
		grid_text(g, r.x, y, buf, strlen(buf), r.w, STYLE_NORMAL);
	}
}

static unsigned tb_key(Instance *in, const Key *k)
{
	Tblock *s = ready(in);
	int to = steps_key_target(&s->at, TB_STAGES, k, true);
	unsigned r;

	if (to < 0)
		return WIDGET_IGNORED;
	r = steps_key_go(&s->at, TB_STAGES, to, &in->animating);
	if (r != WIDGET_IGNORED && !s->broken) {
		fill_stage(s, s->at.pos);
		s->version++;
	}
	return r;
}

static bool tb_output(const Instance *in, const char *name, Data *out)
{
	const Tblock *s = ready(in);

	if (s->broken)
		return false;
	out->version = s->version;
	if (strcmp(name, "stage") == 0) {
		out->rows = s->rows, out->cols = s->cols, out->v = s->stage;
		return true;
	}
	if (strcmp(name, "number") == 0) {
		out->scalar = steps_at(&s->at, TB_STAGES) + 1;
		out->v = &out->scalar, out->n = 1;
		return true;
	}
	return false;
}

static const WidgetOps tb_ops = {
    .init = tb_init,
    .free = tb_free,
    .height = tb_height,
    .draw = tb_draw,
    .key = tb_key,
    .output = tb_output,
};

static const ParamSpec params[] = {
    {.name = "sentence", .type = PARAM_STRING,
     .help = N_("the English sentence (one of the toy pairs) it runs on (default: the cat "
                "sits)")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 2000, .def = "300",
     .help = N_("training steps when the widget starts (every sentence in each)")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the starting weights")},
};

static const OutputSpec outputs[] = {
    {"stage", DATA_MATRIX,
     N_("the numbers of the stage shown, a row per word (attention: a column per word "
        "looked at; head: the probability of its guess)")},
    {"number", DATA_SCALAR, N_("the stage shown, from 1")},
};

const WidgetKind tblock_kind = {
    .schema = {.name = "tblock",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a one-block Transformer trained to guess the next word, stage "
                          "by stage"),
               .example = "id=block sentence=\"the cat sits\" steps=1"},
    .ops = &tb_ops,
    .keys = tb_keys,
    .nkeys = sizeof tb_keys / sizeof *tb_keys,
};
