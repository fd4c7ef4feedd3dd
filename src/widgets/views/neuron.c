/* neuron.c: one neuron with its arithmetic: inputs x, weights w, bias b, the weighted
 * sum z = w·x + b and the output y = f(z), all computed with src/nn (detail=yes: the
 * sigmoid in steps, e^-z, 1 + e^-z and 1 / (1 + e^-z)). Numbers may come
 * from other widgets (inputs_from, weights_from, bias_from); the rest the learner edits:
 * Left/Right choose a number, + and - (or ] and [) change it by a step, digits and
 * Enter type one, r puts the lesson's numbers back. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/bars.h"
#include "nls.h"
#include "nn/linalg.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"
#include "widgets/core/visual.h"

#define NEURON_MAX 8
#define LIMIT      100.0 /* the schema's bounds for every number */
#define CELL_W     13    /* "w₁ = −0.40" and two blanks */

typedef struct {
	size_t n;
	double x[NEURON_MAX], w[NEURON_MAX], b;    /* the learner's own numbers */
	double x0[NEURON_MAX], w0[NEURON_MAX], b0; /* as the lesson wrote them */
	const char *xfrom[NEURON_MAX], *wfrom[NEURON_MAX], *bfrom;
	Activation act;
	bool editable;
	bool detail; /* the sigmoid's steps on a row of their own */
	double step;
	int sel;        /* the chosen number: 2i is x_i, 2i + 1 is w_i, 2n is b */
	char typed[24]; /* a number being typed, or "" */
} Neuron;

/* The number at selection index i: from its widget when linked, else the own one. */
static double number(const Instance *in, const Neuron *s, int i, bool *linked)
{
	const char *from = (size_t)i == 2 * s->n ? s->bfrom
			   : i % 2               ? s->wfrom[i / 2]
						 : s->xfrom[i / 2];
	double v;

	if (from && scene_value(in->scene, from, &v) && isfinite(v)) {
		if (linked)
			*linked = true;
		return v;
	}
	if (linked)
		*linked = false;
	return (size_t)i == 2 * s->n ? s->b : i % 2 ? s->w[i / 2] : s->x[i / 2];
}

static double *own(Neuron *s, int i)
{
	return (size_t)i == 2 * s->n ? &s->b : i % 2 ? &s->w[i / 2] : &s->x[i / 2];
}

static bool selectable(const Instance *in, const Neuron *s, int i)
{
	bool linked;

	number(in, s, i, &linked);
	return !linked;
}

bool neuron_eval(const Instance *in, const double *x, size_t n, double *z, double *y)
{
	const Neuron *s;
	double xs[NEURON_MAX], ws[NEURON_MAX], sum;
	size_t i;

	if (!in || in->kind != &neuron_kind || in->failed || !in->state)
		return false;
	s = in->state;
	if (n != s->n)
		return false;
	for (i = 0; i < n; i++) {
		xs[i] = x ? x[i] : number(in, s, (int)(2 * i), NULL);
		ws[i] = number(in, s, (int)(2 * i + 1), NULL);
	}
	/* z = b + sum_i w_i x_i, in the order of mlp_forward (a 1 x n layer). */
	sum = number(in, s, (int)(2 * n), NULL);
	linalg_gemv(&sum, ws, xs, 1, n);
	*z = sum;
	*y = act_value(s->act, sum);
	return true;
}

static int neuron_init(Instance *in)
{
	Neuron *s = calloc(1, sizeof *s);
	size_t n, i;

	if (!s)
		return -1;
	n = widget_nums(in, "inputs", s->x, NEURON_MAX);
	i = widget_nums(in, "weights", s->w, NEURON_MAX);
	n = i > n ? i : n;
	i = widget_nwords(in, "inputs_from");
	n = i > n ? i : n;
	i = widget_nwords(in, "weights_from");
	n = i > n ? i : n;
	s->n = n > NEURON_MAX ? NEURON_MAX : n;
	for (i = 0; i < s->n; i++) {
		s->xfrom[i] = widget_word(in, "inputs_from", i);
		s->wfrom[i] = widget_word(in, "weights_from", i);
	}
	s->b = widget_num(in, "bias", 0);
	s->bfrom = widget_str(in, "bias_from", NULL);
	if (!visual_act(widget_str(in, "activation", "sigmoid"), &s->act))
		s->act = ACT_SIGMOID;
	s->editable = widget_bool(in, "editable", true);
	s->detail = widget_bool(in, "detail", false) && s->act == ACT_SIGMOID;
	s->step = widget_num(in, "step", 0.1);
	if (!(s->step > 0))
		s->step = 0.1;
	memcpy(s->x0, s->x, sizeof s->x);
	memcpy(s->w0, s->w, sizeof s->w);
	s->b0 = s->b;
	in->state = s;
	s->sel = 0;
	while ((size_t)s->sel < 2 * s->n && !selectable(in, s, s->sel))
		s->sel++;
	return 0;
}

static void neuron_free(Instance *in)
{
	free(in->state);
}

/* Input or weight cells per row at a width, leaving room for the bias cell. */
static size_t per_row(const Neuron *s, int width)
{
	size_t per = width > 2 * CELL_W ? (size_t)((width - CELL_W) / CELL_W) : 1;

	return s->n && per > s->n ? s->n : per;
}

static int neuron_height(const Instance *in, int width)
{
	const Neuron *s = in->state;
	size_t per = per_row(s, width), pairs = s->n ? (s->n + per - 1) / per : 1;

	return (int)(2 * pairs) + 2 + (s->detail ? 1 : 0) + (s->editable ? 1 : 0);
}

/* "x₁ = " (ASCII "x1 = ") for a number's name. */
static void name_of(char *out, size_t size, char letter, size_t i, Caps caps)
{
	if (caps.unicode)
		snprintf(out, size, "%c\xe2\x82%c = ", letter, (char)(0x81 + i)); /* U+2081.. */
	else
		snprintf(out, size, "%c%d = ", letter, (int)i + 1);
}

/* Draws number i's cell at (x, y); returns the column of its value. */
static int draw_cell(const Instance *in, Grid *g, int x, int y, int i, Caps caps, bool focused)
{
	const Neuron *s = in->state;
	char name[24], num[40];
	bool linked, chosen = focused && s->editable && i == s->sel;
	double v = number(in, s, i, &linked);
	int used;

	if ((size_t)i == 2 * s->n)
		snprintf(name, sizeof name, "b = ");
	else
		name_of(name, sizeof name, i % 2 ? 'w' : 'x', (size_t)i / 2, caps);
	used = grid_str(g, x, y, name, STYLE_DIM);
	if (chosen && s->typed[0])
		snprintf(num, sizeof num, "%s_", s->typed);
	else
		visual_num(num, sizeof num, v, 2);
	grid_str(g, x + used, y, num, chosen ? STYLE_FOCUS : linked ? STYLE_ACCENT : STYLE_NORMAL);
	return x + used;
}

/* The sum written out ("z = 1×0.6 + 0×(−0.4) + 0.1 = 0.70 → σ(0.70) = 0.668"), or the
 * short form when it is wider than w. */
static void arithmetic(const Instance *in, char *out, size_t size, int w, Caps caps)
{
	const Neuron *s = in->state;
	const char *times = caps.unicode ? "×" : "*", *arrow = caps.unicode ? "→" : "->";
	char num[40], zs[40], ys[40], tail[160];
	double z = 0, y = 0;
	size_t len, i;

	neuron_eval(in, NULL, s->n, &z, &y);
	visual_fixed(zs, sizeof zs, z, 2);
	visual_fixed(ys, sizeof ys, y, 3);
	if (s->act == ACT_LINEAR) /* no squash: the sum is the output */
		snprintf(tail, sizeof tail, " = %s %s y = %s", zs, arrow, ys);
	else
		snprintf(tail, sizeof tail, " = %s %s %s(%s) = %s", zs, arrow,
			 visual_act_symbol(s->act, caps), zs, ys);
	len = str_addf(out, size, 0, "z = ");
	for (i = 0; i < s->n && len < size; i++) {
		double x = number(in, s, (int)(2 * i), NULL),
		       wi = number(in, s, (int)(2 * i + 1), NULL);
		char xs[40];
		visual_num(xs, sizeof xs, x, 2);
		visual_num(num, sizeof num, wi, 2);
		len = str_addf(out, size, len, "%s%s%s%s%s%s%s%s", i ? " + " : "",
					x < 0 ? "(" : "", xs, x < 0 ? ")" : "", times,
					wi < 0 ? "(" : "", num, wi < 0 ? ")" : "");
	}
	if (len < size) { /* "+ 0.1", "- 1.5" (a lone bias keeps its sign) */
		double b = number(in, s, (int)(2 * s->n), NULL);
		visual_num(num, sizeof num, s->n ? fabs(b) : b, 2);
		len = str_addf(out, size, len, "%s%s",
					!s->n   ? ""
					: b < 0 ? (caps.unicode ? " − " : " - ")
						: " + ",
					num);
	}
	str_addf(out, size, len, "%s", tail);
	if (utf8_width(out, strlen(out)) > w)
		snprintf(out, size, "%s%s", caps.unicode ? "z = Σ wᵢxᵢ + b" : "z = sum w_i*x_i + b",
			 tail);
}

/* The sigmoid in the worked example's steps: "e⁻ᶻ = 0.497   1 + e⁻ᶻ = 1.497   y = 1 / 1.497
 * = 0.668", with e⁻ᶻ = (1 − y) / y from the output src/nn computed; a shorter form when
 * wider than w. */
static void squash_steps(const Instance *in, char *out, size_t size, int w, Caps caps)
{
	const Neuron *s = in->state;
	const char *e = caps.unicode ? "e⁻ᶻ" : "e^-z";
	char es[40], ds[40], ys[40];
	double z = 0, y = 0, q;

	neuron_eval(in, NULL, s->n, &z, &y);
	q = y > 0 ? (1 - y) / y : INFINITY;
	visual_fixed(ys, sizeof ys, y, 3);
	if (!(q < 1e6)) { /* too many digits to be worth reading: y is all but 0 */
		snprintf(out, size, "%s > 1000000   y = 1 / (1 + %s) = %s", e, e, ys);
		return;
	}
	visual_fixed(es, sizeof es, q, 3);
	visual_fixed(ds, sizeof ds, 1 + q, 3);
	snprintf(out, size, "%s = %s   1 + %s = %s   y = 1 / %s = %s", e, es, e, ds, ds, ys);
	if (utf8_width(out, strlen(out)) > w)
		snprintf(out, size, "y = 1 / (1 + %s) = 1 / %s = %s", e, ds, ys);
}

static void neuron_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	const Neuron *s = in->state;
	size_t per = per_row(s, r.w), i;
	int y = r.y, curx = -1, cury = -1;
	char line[512];
	double z = 0, out = 0;
	BarItem bar = {"y", 0, COLOUR_NONE};
	BarOpts bo = BAR_OPTS_DEFAULT;

	for (i = 0; i < s->n || (s->n == 0 && i == 0); i += per) {
		size_t j;
		int x = r.x;
		for (j = i; j < i + per && j < s->n; j++, x += CELL_W) {
			int vx = draw_cell(in, g, x, y, (int)(2 * j), caps, focused);
			int wx = draw_cell(in, g, x, y + 1, (int)(2 * j + 1), caps, focused);
			if (s->sel == (int)(2 * j))
				curx = vx, cury = y;
			if (s->sel == (int)(2 * j + 1))
				curx = wx, cury = y + 1;
		}
		if (i + per >= s->n) { /* the bias closes the last row of weights */
			int bx = draw_cell(in, g, x, y + 1, (int)(2 * s->n), caps, focused);
			if ((size_t)s->sel == 2 * s->n)
				curx = bx, cury = y + 1;
		}
		y += 2;
		if (s->n == 0)
			break;
	}
	arithmetic(in, line, sizeof line, r.w, caps);
	grid_text(g, r.x, y++, line, strlen(line), r.w, STYLE_NORMAL);
	if (s->detail) {
		squash_steps(in, line, sizeof line, r.w, caps);
		grid_text(g, r.x, y++, line, strlen(line), r.w, STYLE_NORMAL);
	}
	neuron_eval(in, NULL, s->n, &z, &out);
	bar.value = out;
	bo.digits = 3;
	if (s->act == ACT_SIGMOID || s->act == ACT_STEP)
		bo.lo = 0, bo.hi = 1;
	else if (s->act == ACT_TANH)
		bo.lo = -1, bo.hi = 1;
	bars_draw(g, r.x, y, r.w < 40 ? r.w : 40, 1, &bar, 1, &bo, caps);
	if (s->editable && focused) {
		const char *help = caps.unicode
				       ? _("←→ choose   +/− change   digits Enter type   r reset")
				       : _("Left/Right choose   +/- change   digits Enter type   "
					   "r reset");
		grid_text(g, r.x, y + 1, help, strlen(help), r.w, STYLE_DIM);
	}
	if (focused) {
		*cx = curx >= 0 && s->editable ? curx : r.x;
		*cy = curx >= 0 && s->editable ? cury : y;
	}
}

/* Moves the choice to the next selectable number in direction dir, if any. */
static bool choose(const Instance *in, Neuron *s, int dir)
{
	int i;

	for (i = s->sel + dir; i >= 0 && (size_t)i <= 2 * s->n; i += dir)
		if (selectable(in, s, i)) {
			s->sel = i;
			return true;
		}
	return false;
}

static void set_chosen(Neuron *s, double v)
{
	v = control_clamp(round(v / s->step) * s->step, -LIMIT, LIMIT);
	*own(s, s->sel) = v == 0 ? 0 : v; /* no -0 */
}

static unsigned typing_key(Neuron *s, const Key *k)
{
	size_t n = strlen(s->typed);

	if (k->code == K_CHAR && k->ch == '-') { /* while typing, - flips the sign */
		if (s->typed[0] == '-')
			memmove(s->typed, s->typed + 1, n);
		else if (n + 1 < sizeof s->typed) {
			memmove(s->typed + 1, s->typed, n + 1);
			s->typed[0] = '-';
		}
	} else if (k->code == K_BACKSPACE) {
		s->typed[n - 1] = '\0';
	} else if (k->code == K_ESC) {
		s->typed[0] = '\0';
	} else if (k->code == K_ENTER) {
		char *end;
		double v = strtod(s->typed, &end);
		if (*end == '\0' && isfinite(v))
			*own(s, s->sel) = control_clamp(v, -LIMIT, LIMIT);
		s->typed[0] = '\0';
	} else {
		return WIDGET_IGNORED;
	}
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static unsigned neuron_key(Instance *in, const Key *k)
{
	Neuron *s = in->state;
	bool plain = !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT));
	double v;
	unsigned r;

	if (!s->editable || !selectable(in, s, s->sel))
		return WIDGET_IGNORED;
	if (k->code == K_CHAR && plain && k->ch < 128 && strchr("0123456789.", (int)k->ch)) {
		size_t n = strlen(s->typed);
		if (n + 1 < sizeof s->typed) {
			s->typed[n] = (char)k->ch;
			s->typed[n + 1] = '\0';
		}
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (s->typed[0] && (r = typing_key(s, k)) != WIDGET_IGNORED)
		return r;
	s->typed[0] = '\0';
	v = *own(s, s->sel);
	if (k->code == K_LEFT || key_is_char(k, 'h'))
		return choose(in, s, -1) ? WIDGET_HANDLED | WIDGET_REDRAW : WIDGET_HANDLED;
	if (k->code == K_RIGHT || key_is_char(k, 'l'))
		return choose(in, s, 1) ? WIDGET_HANDLED | WIDGET_REDRAW : WIDGET_HANDLED;
	if (key_is_char(k, '+') || key_is_char(k, '=') || key_is_char(k, ']'))
		set_chosen(s, v + s->step);
	else if (key_is_char(k, '-') || key_is_char(k, '['))
		set_chosen(s, v - s->step);
	else if (key_is_char(k, 'r')) {
		memcpy(s->x, s->x0, sizeof s->x);
		memcpy(s->w, s->w0, sizeof s->w);
		s->b = s->b0;
	} else
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool neuron_value(const Instance *in, double *out)
{
	const Neuron *s = in->state;
	double z;

	return neuron_eval(in, NULL, s->n, &z, out);
}

/* The neuron as a function of its inputs (other widgets judge it: a gate game). */
static bool neuron_model(const Instance *in, const double *x, double *y)
{
	double z;

	return neuron_eval(in, x, ((const Neuron *)in->state)->n, &z, y);
}

/* "output": y now; "model": y as a function of the inputs. */
static bool neuron_output(const Instance *in, const char *name, Data *out)
{
	const Neuron *s = in->state;

	if (strcmp(name, "model") == 0) {
		out->n_in = s->n;
		out->n_out = 1;
		out->eval = neuron_model;
		out->owner = in;
		return true;
	}
	out->v = &out->scalar;
	out->n = 1;
	if (!neuron_value(in, &out->scalar))
		return false;
	memcpy(&out->version, &out->scalar, sizeof out->version);
	return true;
}

/* "0.6,-0.4": the own numbers of one kind (x or w) as a list. */
static void list_of(char *out, size_t size, const double *v, size_t n)
{
	size_t len = 0, i;

	out[0] = '\0';
	for (i = 0; i < n && len + 1 < size; i++) {
		char num[32];
		str_double(num, sizeof num, v[i]);
		len = str_addf(out, size, len, "%s%s", i ? "," : "", num);
	}
}

static bool parse_list(const char *text, double *v, size_t n)
{
	double tmp[NEURON_MAX];
	size_t i;
	char *end;

	for (i = 0; i < n; i++) {
		tmp[i] = strtod(text, &end);
		if (end == text || !isfinite(tmp[i]) || *end != (i + 1 < n ? ',' : '\0'))
			return false;
		text = end + 1;
	}
	for (i = 0; i < n; i++)
		v[i] = control_clamp(tmp[i], -LIMIT, LIMIT);
	return true;
}

static void neuron_save(const Instance *in, const Store *st)
{
	const Neuron *s = in->state;
	char buf[NEURON_MAX * 26 + 1];

	if (!s->editable)
		return;
	list_of(buf, sizeof buf, s->x, s->n);
	st->set(st->ctx, "x", buf);
	list_of(buf, sizeof buf, s->w, s->n);
	st->set(st->ctx, "w", buf);
	str_double(buf, sizeof buf, s->b);
	st->set(st->ctx, "b", buf);
}

static void neuron_restore(Instance *in, const Store *st)
{
	Neuron *s = in->state;
	const char *v;

	if (!s->editable)
		return;
	if (s->n && (v = st->get(st->ctx, "x")))
		parse_list(v, s->x, s->n);
	if (s->n && (v = st->get(st->ctx, "w")))
		parse_list(v, s->w, s->n);
	if ((v = st->get(st->ctx, "b")))
		parse_list(v, &s->b, 1);
}

/* A tab stop only when the learner may change one of its numbers. */
static bool neuron_focusable(const Instance *in)
{
	const Neuron *s = in->state;
	int i;

	for (i = 0; s->editable && (size_t)i <= 2 * s->n; i++)
		if (selectable(in, s, i))
			return true;
	return false;
}

static const WidgetOps neuron_ops = {
    .focusable = neuron_focusable,
    .init = neuron_init,
    .free = neuron_free,
    .height = neuron_height,
    .draw = neuron_draw,
    .key = neuron_key,
    .save = neuron_save,
    .restore = neuron_restore,
    .value = neuron_value,
    .output = neuron_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "inputs", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1, .nmax = 8,
     .help = N_("x: the inputs (default: 0 each)")},
    {.name = "weights", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 1,
     .nmax = 8, .help = N_("w: one weight per input (default: 0 each)")},
    {.name = "bias", .type = PARAM_NUMBER, .min = -100, .max = 100, .def = "0",
     .help = N_("b: the bias")},
    {.name = "inputs_from", .type = PARAM_REFS, .nmin = 1, .nmax = 8,
     .accepts = DATA_SCALAR,
     .help = N_("widgets (switches, sliders) whose values are the inputs, in order")},
    {.name = "weights_from", .type = PARAM_REFS, .nmin = 1, .nmax = 8,
     .accepts = DATA_SCALAR,
     .help = N_("widgets (sliders) whose values are the weights, in order")},
    {.name = "bias_from", .type = PARAM_REF, .accepts = DATA_SCALAR,
     .help = N_("a widget (a slider) whose value is the bias")},
    {.name = "activation", .type = PARAM_CHOICE, .def = "sigmoid", .choices = ACTIVATIONS,
     .help = N_("the squashing function")},
    {.name = "editable", .type = PARAM_BOOL, .def = "yes",
     .help = N_("whether the learner may change its own numbers: Left and Right choose one, + and - " "change it, digits and Enter type it, r resets")},
    {.name = "step", .type = PARAM_NUMBER, .min = 1e-6, .max = 100, .def = "0.1",
     .help = N_("how much + and - change a number")},
    {.name = "detail", .type = PARAM_BOOL, .def = "no",
     .help = N_("with the sigmoid, also show the squash in steps: e^-z, 1 + e^-z and 1 / (1 + e^-z)")},
};

static const OutputSpec outputs[] = {
    {"output", DATA_SCALAR, N_("y, its output")},
    {"model", DATA_MODEL, N_("the neuron as a function of its inputs, with its weights now")},
};

static const KindKey keys[] = {
    {"Left Right h l", N_("choose a number")},
    {"+ - = [ ]", N_("change it by a step")},
    {"0-9 . Enter Backspace Esc", N_("type a number: Enter sets it, Esc drops it")},
    {"r", N_("the lesson's numbers back")},
};

const WidgetKind neuron_kind = {
    .schema = {.name = "neuron",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("one neuron: inputs, weights, bias, output"),
               .example = "id=cell inputs=1,0 weights=0.6,-0.4 bias=0.1"},
    KIND_LIST(keys, keys),
    .ops = &neuron_ops,
};
