/* cuts.c: "Solve XOR": the four corners of XOR on a plane and straight cuts the learner
 * turns and slides. Stage 1 is one line, a single step neuron (never more than 3 of 4
 * right); h switches on a hidden layer of two step units, one per cut, read by the output
 * unit of xor.lesson (H1 and not H2), and 4 of 4 wins. Every number and region comes
 * from the real network (src/nn/mlp.h) set from the cuts. The win and the best accuracy
 * are kept in progress. Must not own the loop or write files; drawing is cuts-draw.c. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/play/cuts.h"
#include "widgets/play/game.h"

double cuts_degrees(Cut c)
{
	return c.angle * CUTS_DEGREES;
}

double cuts_offset(Cut c)
{
	return CUTS_OFFSET_MIN + CUTS_OFFSET_STEP * c.offset;
}

/* A cut's line cos(theta) x1 + sin(theta) x2 = d as a unit's weights and bias: the unit
 * fires (its total w . x + b is above 0) on the side the angle points to. */
void cuts_weights(Cut c, double *w1, double *w2, double *b)
{
	double t = cuts_degrees(c) * M_PI / 180;

	*w1 = cos(t);
	*w2 = sin(t);
	*b = -cuts_offset(c);
}

const Mlp *cuts_net(const Cuts *s)
{
	return s->hidden ? &s->two : &s->one;
}

MlpWork *cuts_work(Cuts *s)
{
	return s->hidden ? &s->work2 : &s->work1;
}

bool cuts_says_one(double y)
{
	return y > 0.5;
}

/* Sets both networks' weights from the cuts, runs the active one on the four corners
 * and counts the corners it gets right. */
static void update(Cuts *s)
{
	static const double corners[8] = {0, 0, 0, 1, 1, 0, 1, 1};
	double *p = s->one.params, *q = s->two.params;
	MlpWork *w = cuts_work(s);
	int i;

	cuts_weights(s->cut[0], &p[0], &p[1], &p[2]);
	/* W1 (2 x 2, a row per hidden unit), b1, then W2 (1 x 2) and b2 */
	cuts_weights(s->cut[0], &q[0], &q[1], &q[4]);
	cuts_weights(s->cut[1], &q[2], &q[3], &q[5]);
	q[6] = CUTS_OUT_W1;
	q[7] = CUTS_OUT_W2;
	q[8] = CUTS_OUT_BIAS;
	mlp_forward(w, cuts_net(s), corners, 4);
	s->right = 0;
	for (i = 0; i < 4; i++) {
		s->y[i] = w->y[s->hidden ? 1 : 0][i];
		s->z[i] = w->z[0][s->hidden ? 2 * i : i];
		s->h[i][0] = s->hidden ? w->y[0][2 * i] : NAN;
		s->h[i][1] = s->hidden ? w->y[0][2 * i + 1] : NAN;
		s->right += cuts_says_one(s->y[i]) == game_gate_row(GATE_XOR, i / 2, i % 2);
	}
	if (s->right > s->best)
		s->best = s->right;
}

/* The cut as the lesson gives it: angle= rounded to 15 degrees, offset= to the grid. */
static Cut cut_of(double degrees, double d)
{
	Cut c;
	long a = lround(degrees / CUTS_DEGREES) % CUTS_ANGLES;
	long k = lround((d - CUTS_OFFSET_MIN) / CUTS_OFFSET_STEP);

	c.angle = (int)(a < 0 ? a + CUTS_ANGLES : a);
	c.offset = (int)(k < 0 ? 0 : k >= CUTS_OFFSETS ? CUTS_OFFSETS - 1 : k);
	return c;
}

/* Stage 1 with the line where it starts; the second cut waits past the square's far
 * edge (x1 = 1.45), where its unit fires for no corner. */
static void start_again(Cuts *s)
{
	s->cut[0] = s->start;
	s->cut[1].angle = 0;
	s->cut[1].offset = CUTS_OFFSETS - 1;
	s->hidden = false;
	s->chosen = 0;
}

static void cuts_free(Instance *in)
{
	Cuts *s = in->state;

	if (!s)
		return;
	mlp_work_free(&s->work1);
	mlp_work_free(&s->work2);
	mlp_free(&s->one);
	mlp_free(&s->two);
	plot_free(&s->plot);
	free(s->field);
	free(s);
}

static int cuts_init(Instance *in)
{
	static const size_t sizes1[2] = {2, 1}, sizes2[3] = {2, 2, 1};
	static const Activation act1[1] = {ACT_STEP}, act2[2] = {ACT_STEP, ACT_SIGMOID};
	Cuts *s = calloc(1, sizeof *s);

	if (!s)
		return -1;
	in->state = s;
	if (mlp_init(&s->one, sizes1, 1, act1) != NN_OK ||
	    mlp_init(&s->two, sizes2, 2, act2) != NN_OK ||
	    mlp_work_init(&s->work1, &s->one, CUTS_BATCH, SIMD_PORTABLE, 0) != NN_OK ||
	    mlp_work_init(&s->work2, &s->two, CUTS_BATCH, SIMD_PORTABLE, 0) != NN_OK)
		goto nomem;
	s->start = cut_of(widget_num(in, "angle", 0), widget_num(in, "offset", 0.45));
	s->field = malloc(CUTS_FIELD_CAP * sizeof *s->field);
	plot_init(&s->plot);
	/* the canvas at its largest, so drawing does not allocate */
	if (!s->field || canvas_reshape(&s->plot.cv, 0, 0, CUTS_PLANE_W, CUTS_PLANE_H,
					CANVAS_BRAILLE) != 0)
		goto nomem;
	start_again(s);
	update(s);
	return 0;
nomem:
	cuts_free(in);
	in->state = NULL;
	return -1;
}

/* After a change: the corners again, and the win the first time the hidden layer gets
 * all four. */
static unsigned changed(Cuts *s)
{
	update(s);
	if (s->hidden && s->right == 4 && !s->won) {
		s->won = true;
		return WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE;
	}
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static unsigned cuts_key(Instance *in, const Key *k)
{
	Cuts *s = in->state;
	Cut *c = &s->cut[s->hidden ? s->chosen : 0];

	switch (k->code) {
	case K_LEFT:
	case K_RIGHT:
		c->angle = (c->angle + (k->code == K_RIGHT ? 1 : CUTS_ANGLES - 1)) % CUTS_ANGLES;
		return changed(s);
	case K_UP:
	case K_DOWN:
		if (k->code == K_UP ? c->offset + 1 >= CUTS_OFFSETS : c->offset == 0)
			return WIDGET_HANDLED; /* at the end of its range */
		c->offset += k->code == K_UP ? 1 : -1;
		return changed(s);
	default:
		break;
	}
	if (key_is_char(k, 'h')) {
		s->hidden = !s->hidden;
		return changed(s);
	}
	if (key_is_char(k, '1') || key_is_char(k, '2')) {
		if (!s->hidden)
			return WIDGET_HANDLED; /* one line: nothing to choose */
		s->chosen = key_is_char(k, '2');
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, 'r')) {
		start_again(s);
		return changed(s);
	}
	return WIDGET_IGNORED;
}

static bool cuts_value(const Instance *in, double *out)
{
	*out = ((const Cuts *)in->state)->right;
	return true;
}

/* Progress: the win, the best accuracy, the stage, the chosen cut, and each cut's
 * angle in degrees and offset in hundredths ("angle1 45", "offset1 35": d = 0.35). */
static const char *const angle_keys[2] = {"angle1", "angle2"};
static const char *const offset_keys[2] = {"offset1", "offset2"};

static void cuts_save(const Instance *in, const Store *st)
{
	const Cuts *s = in->state;
	int i;

	if (s->won)
		st->set(st->ctx, "won", "1");
	store_put_int(st, "best", s->best);
	store_put_int(st, "hidden", s->hidden);
	store_put_int(st, "chosen", s->chosen + 1);
	for (i = 0; i < 2; i++) {
		store_put_int(st, angle_keys[i], (int)cuts_degrees(s->cut[i]));
		store_put_int(st, offset_keys[i], (int)lround(cuts_offset(s->cut[i]) * 100));
	}
}

/* A cut saved as degrees and hundredths, kept only when it lies on the controls' grid. */
static void restore_cut(const Store *st, int i, Cut *c)
{
	int deg = store_get_int(st, angle_keys[i], 0, 359, -1);
	int cents = store_get_int(st, offset_keys[i], -145, 145, 1000);
	Cut n = cut_of(deg, cents / 100.0);

	if (deg >= 0 && cents != 1000 && cuts_degrees(n) == deg &&
	    lround(cuts_offset(n) * 100) == cents)
		*c = n;
}

static void cuts_restore(Instance *in, const Store *st)
{
	Cuts *s = in->state;
	const char *won = st->get(st->ctx, "won");
	int i;

	for (i = 0; i < 2; i++)
		restore_cut(st, i, &s->cut[i]);
	s->hidden = store_get_int(st, "hidden", 0, 1, 0);
	s->chosen = store_get_int(st, "chosen", 1, 2, 1) - 1;
	s->best = store_get_int(st, "best", 0, 4, 0);
	s->won = won && won[0] == '1' && won[1] == '\0';
	if (s->won) {
		in->done = true;
		s->best = 4;
	}
	update(s);
}

static const WidgetOps cuts_ops = {
    .init = cuts_init,
    .free = cuts_free,
    .height = cuts_height,
    .draw = cuts_draw,
    .key = cuts_key,
    .save = cuts_save,
    .restore = cuts_restore,
    .value = cuts_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "angle", .type = PARAM_NUMBER, .min = 0, .max = 345, .def = "0",
     .help = N_("where the line starts: the angle in degrees of the side that says 1, in "
		"steps of 15")},
    {.name = "offset", .type = PARAM_NUMBER, .min = -1.45, .max = 1.45, .def = "0.45",
     .help = N_("where the line starts: its offset d from the corner (0,0), in steps of "
		"0.1")},
};

static const OutputSpec outputs[] = {
    {"accuracy", DATA_SCALAR, N_("the corners the network gets right now, 0 to 4")},
};

static const KindKey keys[] = {
    {"Left Right", N_("turn the line or the chosen cut")},
    {"Up Down", N_("slide the line or the chosen cut")},
    {"h", N_("hidden layer on or off")},
    {"1 2", N_("choose a cut")},
    {"r", N_("start again")},
};

const WidgetKind cuts_kind = {
    .schema = {.name = "cuts",
	       KIND_LIST(params, params),
	       KIND_LIST(outputs, outputs),
	       .help = N_("Solve XOR: straight cuts across the four corners, one line and "
			  "then a hidden layer of two, judged by the real network"),
	       .example = "id=cuts angle=0 offset=0.45"},
    KIND_LIST(keys, keys),
    .ops = &cuts_ops,
    .flags = KIND_GOAL,
};
