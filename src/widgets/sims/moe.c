/* moe.c: the moe kind: a real mixture of experts (nn/moe.h), four linear experts and a
 * softmax router that runs the top 2 for each input, trained on a toy regression from
 * a seed on first use. The learner moves the input x; the router's probability for
 * every expert, the two that ran with their gates and outputs, and the mixture's y
 * against the target show beside a plot of the learned function over the regions
 * each expert wins. Must not own the loop or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw/canvas.h"
#include "draw/plot.h"
#include "nls.h"
#include "nn/moe.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

enum {
	MOE_EXPERTS = 4, /* experts */
	MOE_TOP = 2,     /* run per input */
	MOE_GRID = 61,   /* x = -3, -2.9, ..., 3 for the mean error */
	MOE_PANEL = 34,  /* the panel's width */
	MOE_PLOT = 8,    /* the plot's rows */
	MOE_LINES = 11   /* rows of the plot with its title, strip and axis; of the panel */
};

#define MOE_LO (-3.0)
#define MOE_HI 3.0
#define MOE_STEP 0.25 /* one key press moves x this far */

typedef struct {
	Moe m;
	MoeTask task;
	uint64_t seed;
	size_t steps;
	double x;                   /* the learner's input */
	double y, t;                /* the mixture's output at x, and the target */
	double prob[MOE_EXPERTS];   /* the router's softmax at x */
	double gate[MOE_EXPERTS];   /* the gates of the experts that ran, else 0 */
	double out[MOE_EXPERTS];    /* the outputs of the experts that ran, else 0 */
	size_t choice[MOE_TOP];     /* the experts that ran, best first */
	double error;               /* mean (y - t)^2 over the grid */
	double gx[MOE_GRID], gy[MOE_GRID], gt[MOE_GRID];
	size_t owner[MOE_GRID];     /* the first choice at each grid point */
	unsigned long version;
	Canvas cv;                  /* scratch */
	bool trained, broken;
} MoeW;

static const KindKey moe_keys[] = {
    {"Left Right", N_("move the input x by 0.25")},
    {"Home End", N_("x = -3 or x = 3")},
};

/* The task's target at x: the formulas moe_task_sample draws from (nn/moe.h). */
static double target(MoeTask task, double x)
{
	if (task == MOE_VEE)
		return fabs(x);
	return x < -1.0 ? x + 1.0 : x < 1.0 ? -x - 1.0 : x - 1.0;
}

/* The mixture at w->x: y, the router's probabilities, the chosen experts, their gates
 * and outputs (each chosen expert run alone on x, as the mixture ran it). */
static void look(MoeW *w)
{
	size_t j, e;

	w->y = moe_forward(&w->m, &w->x, 1)[0];
	w->t = target(w->task, w->x);
	memcpy(w->prob, w->m.prob, sizeof w->prob);
	memset(w->gate, 0, sizeof w->gate);
	memset(w->out, 0, sizeof w->out);
	for (j = 0; j < MOE_TOP; j++) {
		e = w->m.choice[j];
		w->choice[j] = e;
		w->gate[e] = w->m.gate[j];
		w->out[e] = mlp_unit_out(&w->m.expert[e])[w->m.slot[j]];
	}
	w->version++;
}

/* Trains the mixture and measures it on the grid; 0 or -1. */
static int train(MoeW *w)
{
	MoeConfig c;
	size_t i;

	moe_defaults(&c, w->task);
	c.n_experts = MOE_EXPERTS;
	c.top_k = MOE_TOP;
	c.seed = w->seed;
	if (moe_init(&w->m, &c) != NN_OK)
		return -1;
	for (i = 0; i < w->steps; i++)
		moe_step(&w->m);
	w->error = 0;
	for (i = 0; i < MOE_GRID; i++) {
		w->gx[i] = MOE_LO + (MOE_HI - MOE_LO) * (double)i / (MOE_GRID - 1);
		w->gy[i] = moe_forward(&w->m, &w->gx[i], 1)[0];
		w->gt[i] = target(w->task, w->gx[i]);
		w->owner[i] = w->m.choice[0];
		w->error += (w->gy[i] - w->gt[i]) * (w->gy[i] - w->gt[i]) / MOE_GRID;
	}
	look(w);
	return 0;
}

/* The state, trained on first use (a cache of what the parameters determine). */
static MoeW *ready(const Instance *in)
{
	MoeW *w = in->state;

	if (!w->trained) {
		w->trained = true;
		w->broken = train(w) != 0;
	}
	return w;
}

static int moe_w_init(Instance *in)
{
	MoeW *w = calloc(1, sizeof *w);

	if (!w)
		return -1;
	in->state = w;
	canvas_init(&w->cv);
	if (moe_task_from_name(&w->task, widget_str(in, "task", "zigzag")))
		w->task = MOE_ZIGZAG;
	w->seed = (uint64_t)widget_num(in, "seed", 1);
	w->steps = (size_t)widget_num(in, "steps", 2000);
	w->x = MOE_STEP * floor(widget_num(in, "x", -2) / MOE_STEP + 0.5);
	return 0;
}

static void moe_w_free(Instance *in)
{
	MoeW *w = in->state;

	if (!w)
		return;
	moe_free(&w->m);
	canvas_free(&w->cv);
	free(w);
	in->state = NULL;
}

static bool side(int width)
{
	return width >= 2 * MOE_PANEL;
}

static int moe_w_height(const Instance *in, int width)
{
	(void)in;
	return side(width) ? MOE_LINES : 2 * MOE_LINES;
}

/* The expert's name on screen: 1 to 4. */
static char expert_name(size_t e)
{
	return (char)('1' + e);
}

/* The plot at (x, y), w wide: a title, the learned function (a line in the colour of
 * the expert that wins each stretch) over the target (dots), the input marked; under
 * it the strip of winners, one digit per column, and the axis. */
static void draw_plot(MoeW *w, Grid *g, int x, int y, int pw, Caps caps)
{
	int col, ph = MOE_PLOT;
	size_t i;

	visual_text(g, x, y++, pw, _("mixture: line  target: dots"), STYLE_DIM);
	if (canvas_reshape(&w->cv, x, y, pw, ph, canvas_mode(caps, false)) == 0) {
		canvas_view(&w->cv, MOE_LO, MOE_HI, -2.3, 2.3, false);
		canvas_pen(&w->cv, 0x33);
		canvas_data_line(&w->cv, w->x, -2.3, w->x, 2.3, COLOUR_MUTED);
		canvas_pen(&w->cv, 0x11);
		canvas_polyline(&w->cv, w->gx, w->gt, MOE_GRID, COLOUR_MUTED);
		canvas_pen(&w->cv, 0xFF);
		for (i = 0; i + 1 < MOE_GRID; i++)
			canvas_data_line(&w->cv, w->gx[i], w->gy[i], w->gx[i + 1], w->gy[i + 1],
			                 plot_colour((int)w->owner[i]));
		canvas_data_mark(&w->cv, w->x, w->y, caps.unicode ? 0x25CF : 'o', COLOUR_NONE);
		canvas_blit(&w->cv, g, caps);
	}
	y += ph;
	for (col = 0; col < pw; col++) {
		double cx = MOE_LO + (MOE_HI - MOE_LO) * ((double)col + 0.5) / pw;
		size_t at = (size_t)((cx - MOE_LO) / (MOE_HI - MOE_LO) * (MOE_GRID - 1) + 0.5);
		char d[2] = {expert_name(w->owner[at < MOE_GRID ? at : MOE_GRID - 1]), 0};
		grid_str(g, x + col, y, d, STYLE_NORMAL);
	}
	y++;
	visual_text(g, x, y, pw, "-3", STYLE_DIM);
	visual_text(g, x + pw / 2, y, 1, "0", STYLE_DIM);
	visual_text(g, x + pw - 1, y, 1, "3", STYLE_DIM);
	if (pw > 30)
		visual_text(g, x + 4, y, pw / 2 - 6, _("winner per x"), STYLE_DIM);
}

/* The panel at (x, y), w wide: x, the router's table, y as the gated sum, the target. */
static void draw_panel(const MoeW *w, Grid *g, int x, int y, int pw, Caps caps)
{
	char line[160], a[32], b[32], c[32], d[32];
	size_t e;

	visual_num(a, sizeof a, w->x, 2);
	snprintf(line, sizeof line, _("input x = %s"), a);
	visual_text(g, x, y++, pw, line, STYLE_BOLD);
	visual_text(g, x, y++, pw, _("expert  router p ran  gate  E(x)"), STYLE_DIM);
	for (e = 0; e < MOE_EXPERTS; e++) {
		bool ran = e == w->choice[0] || e == w->choice[1];
		visual_fixed(a, sizeof a, w->prob[e], 2);
		visual_fixed(b, sizeof b, w->gate[e], 2);
		visual_fixed(c, sizeof c, w->out[e], 2);
		snprintf(line, sizeof line, "  %c     %8s  %s  %5s %5s", expert_name(e), a,
		         ran ? (caps.unicode ? "✓" : "*") : " ", ran ? b : "-", ran ? c : "-");
		visual_text(g, x, y++, pw, line, ran ? STYLE_BOLD : STYLE_NORMAL);
	}
	y++;
	visual_fixed(a, sizeof a, w->gate[w->choice[0]], 2);
	visual_fixed(b, sizeof b, w->out[w->choice[0]], 2);
	visual_fixed(c, sizeof c, w->gate[w->choice[1]], 2);
	visual_fixed(d, sizeof d, w->out[w->choice[1]], 2);
	snprintf(line, sizeof line, "y = %s%s%s%s%s + %s%s%s%s%s", a, caps.unicode ? "·" : "*",
	         b[0] == '-' ? "(" : "", b, b[0] == '-' ? ")" : "", c, caps.unicode ? "·" : "*",
	         d[0] == '-' ? "(" : "", d, d[0] == '-' ? ")" : "");
	visual_text(g, x, y++, pw, line, STYLE_NORMAL);
	visual_fixed(a, sizeof a, w->y, 2);
	visual_fixed(b, sizeof b, w->t, 2);
	snprintf(line, sizeof line, _("  = %s   target %s"), a, b);
	visual_text(g, x, y++, pw, line, STYLE_BOLD);
	visual_fixed(a, sizeof a, w->error, 3);
	snprintf(line, sizeof line, _("mean error over x: %s"), a);
	visual_text(g, x, y++, pw, line, STYLE_DIM);
	snprintf(line, sizeof line, _("trained: %zu steps"), w->steps);
	visual_text(g, x, y, pw, line, STYLE_DIM);
}

static void moe_w_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
                       int *cy)
{
	MoeW *w = ready(in); /* draws on its scratch canvas only */
	int pw = side(r.w) ? r.w - MOE_PANEL - 1 : r.w;

	if (w->broken) {
		visual_text(g, r.x, r.y, r.w, _("out of memory"), STYLE_DIM);
		return;
	}
	draw_plot(w, g, r.x, r.y, pw, caps);
	if (side(r.w))
		draw_panel(w, g, r.x + pw + 1, r.y, MOE_PANEL, caps);
	else
		draw_panel(w, g, r.x, r.y + MOE_LINES, r.w, caps);
	if (focused) {
		*cx = side(r.w) ? r.x + pw + 1 : r.x;
		*cy = side(r.w) ? r.y : r.y + MOE_LINES;
	}
}

static unsigned moe_w_key(Instance *in, const Key *k)
{
	MoeW *w = ready(in);
	double x = w->x;

	if (w->broken)
		return WIDGET_IGNORED;
	if (k->code == K_LEFT)
		x -= MOE_STEP;
	else if (k->code == K_RIGHT)
		x += MOE_STEP;
	else if (k->code == K_HOME)
		x = MOE_LO;
	else if (k->code == K_END)
		x = MOE_HI;
	else
		return WIDGET_IGNORED;
	if (x < MOE_LO - 1e-9 || x > MOE_HI + 1e-9)
		return WIDGET_HANDLED;
	w->x = x;
	look(w);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool moe_w_output(const Instance *in, const char *name, Data *out)
{
	MoeW *w = ready(in);

	if (w->broken)
		return false;
	out->version = w->version;
	if (strcmp(name, "y") == 0) {
		out->scalar = w->y, out->v = &w->y, out->n = 1;
	} else if (strcmp(name, "x") == 0) {
		out->scalar = w->x, out->v = &w->x, out->n = 1;
	} else if (strcmp(name, "error") == 0) {
		out->scalar = w->error, out->v = &w->error, out->n = 1;
	} else if (strcmp(name, "probs") == 0) {
		out->n = MOE_EXPERTS, out->v = w->prob;
	} else if (strcmp(name, "gates") == 0) {
		out->n = MOE_EXPERTS, out->v = w->gate;
	} else {
		return false;
	}
	return true;
}

static const WidgetOps moe_w_ops = {
    .init = moe_w_init,
    .free = moe_w_free,
    .height = moe_w_height,
    .draw = moe_w_draw,
    .key = moe_w_key,
    .output = moe_w_output,
};

static const ParamSpec params[] = {
    {.name = "task", .type = PARAM_CHOICE, .def = "zigzag", .choices = "vee|zigzag",
     .help = N_("what the mixture learns: |x| (vee) or a zigzag of three straight pieces")},
    {.name = "steps", .type = PARAM_INT, .min = 1, .max = 5000, .def = "2000",
     .help = N_("Adam steps on batches of 64 when the widget starts")},
    {.name = "seed", .type = PARAM_INT, .min = 0, .max = 1e9, .def = "1",
     .help = N_("the seed of the weights and of the training batches")},
    {.name = "x", .type = PARAM_NUMBER, .min = -3, .max = 3, .def = "-2",
     .help = N_("the input shown first (rounded to a multiple of 0.25)")},
};

static const OutputSpec outputs[] = {
    {"x", DATA_SCALAR, N_("the input")},
    {"y", DATA_SCALAR, N_("the mixture's output at the input")},
    {"probs", DATA_VECTOR, N_("the router's probability for each expert at the input")},
    {"gates", DATA_VECTOR, N_("each expert's gate at the input (0 for those that did not run)")},
    {"error", DATA_SCALAR, N_("the mean squared error over x = -3, -2.9, ..., 3")},
};

const WidgetKind moe_kind = {
    .schema = {.name = "moe",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a mixture of four experts whose router runs the top 2 for each "
                          "input, trained when it starts: move x and see the gates"),
               .example = "id=experts steps=50"},
    .ops = &moe_w_ops,
    .keys = moe_keys,
    .nkeys = sizeof moe_keys / sizeof *moe_keys,
};
