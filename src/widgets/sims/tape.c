/* tape.c: the tape kind: reverse-mode automatic differentiation of a small expression
 * in x, y, z on a real tape (src/nn/tape.h), as a table of its nodes. Right steps the
 * forward sweep node by node (each value), then the reverse sweep from the last node
 * back (each adjoint as it fills, the inputs' shares named), checks every variable's
 * adjoint against a central difference, and counts the operations of both sweeps and
 * of forward mode's passes; n and p choose among the lesson's expressions, and e types
 * one of the learner's own (refused with the column of the fault when it cannot be read).
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/tape.h"
#include "widgets/core/registry.h"
#include "widgets/core/steps.h"
#include "widgets/core/visual.h"

enum { TP_MAX_EXPRS = 8, TP_TEXT = 1024, TP_LINES = 12 };

#define TP_FD_H 1e-5 /* the central difference's step */

/* What an expression is typed with (the key table lists the same). */
#define TP_TYPABLE "abcdefghijklmnopqrstuvwxyz0123456789+-*/(). "

typedef struct {
	int nexprs, pick;                   /* the lesson's, and the learner's when typed */
	const char *expr[TP_MAX_EXPRS + 1];
	char typed[TAPE_MAX_TEXT + 1];      /* the learner's expression (the last one) */
	char line[TAPE_MAX_TEXT + 1];       /* being typed */
	bool editing;
	double vars[TAPE_VARS];
	Tape t;       /* values and counts of the full sweeps */
	Tape shown;   /* the reverse sweep as far as it has gone */
	bool parsed;  /* the expression parsed */
	bool finite;  /* and its forward sweep gave finite values */
	TapeError err;
	double grad[TAPE_VARS], fd[TAPE_VARS];
	long fwd_ops, rev_ops, tan_ops;
	int passes; /* forward mode: one per variable that appears */
	Steps at;   /* 0: nothing yet; 1..n: forward; n+1..2n: backward */
	unsigned long version;
} TapeView;

static int positions(const TapeView *s)
{
	return s->parsed ? 2 * s->t.n + 1 : 1;
}

/* Where the sweeps are: how many nodes have their value, and the first node the
 * reverse sweep has done (n: none). */
static void where(const TapeView *s, int *computed, int *stop)
{
	int pos = steps_at(&s->at, positions(s)), n = s->t.n;

	*computed = pos < n ? pos : n;
	*stop = pos <= n ? n : 2 * n - pos; /* n: only the seed */
}

/* Parses and sweeps the chosen expression; back to the start. */
static void load(TapeView *s)
{
	int v;

	s->parsed = tape_parse(&s->t, s->expr[s->pick], s->vars, &s->err) == NN_OK;
	s->finite = s->parsed && tape_forward(&s->t) == NN_OK;
	s->fwd_ops = s->rev_ops = s->tan_ops = 0;
	s->passes = 0;
	if (s->parsed) {
		tape_reverse(&s->t, s->grad);
		s->fwd_ops = tape_forward_ops(&s->t);
		s->rev_ops = tape_reverse_ops(&s->t);
		for (v = 0; v < TAPE_VARS; v++) {
			s->fd[v] = tape_central_diff(&s->t, v, TP_FD_H);
			if (s->t.var_node[v] >= 0) {
				s->passes++;
				tape_tangent(&s->t, v);
				s->tan_ops = tape_tangent_ops(&s->t);
			}
		}
	}
	s->shown = s->t;
	steps_init(&s->at, 0);
	s->version++;
}

/* Replays the reverse sweep on `shown` to where the steps are. */
static void sync(TapeView *s)
{
	int computed, stop;

	where(s, &computed, &stop);
	if (s->parsed)
		tape_reverse_until(&s->shown, stop);
	s->version++;
}

static int tape_init(Instance *in)
{
	TapeView *s = calloc(1, sizeof *s);
	double at[TAPE_VARS] = {0.5, 2, -1};
	size_t k;

	if (!s)
		return -1;
	in->state = s;
	widget_nums(in, "at", at, TAPE_VARS);
	memcpy(s->vars, at, sizeof at);
	for (k = 0; k < TP_MAX_EXPRS && widget_word(in, "exprs", k); k++)
		s->expr[k] = widget_word(in, "exprs", k);
	s->nexprs = (int)k;
	if (!s->nexprs)
		s->expr[s->nexprs++] = "x*y + tanh(x)";
	s->pick = (int)widget_num(in, "pick", 1) - 1;
	if (s->pick >= s->nexprs)
		s->pick = s->nexprs - 1;
	load(s);
	sync(s);
	return 0;
}

static void tape_free(Instance *in)
{
	free(in->state);
	in->state = NULL;
}

static void num(char *out, size_t size, double v)
{
	visual_num(out, size, v, 4);
}

/* Whether a variable's adjoint and its central difference agree. */
static bool agrees(double g, double fd)
{
	return fabs(g - fd) <= 1e-6 * (1 + fabs(g));
}

/* The line under the table: what the last step did. */
static size_t said(const TapeView *s, char *out, size_t size, size_t len, Caps caps)
{
	int pos = steps_at(&s->at, positions(s)), n = s->t.n, computed, stop;
	char a[32], b[32], c[32];

	where(s, &computed, &stop);
	if (pos == 0)
		return str_addf(out, size, len, "%s",
				_("Press Right for the forward sweep, node by node."));
	if (pos <= n) {
		const TapeNode *d = &s->t.node[pos - 1];
		num(c, sizeof c, d->value);
		if (d->op == TAPE_VAR || d->op == TAPE_CONST)
			return str_addf(out, size, len, _("forward: v%d = %s, an input"), pos - 1,
					c);
		num(a, sizeof a, s->t.node[d->a].value);
		if (d->b >= 0) {
			num(b, sizeof b, s->t.node[d->b].value);
			len = str_addf(out, size, len, _("forward: v%d = %s %s %s = %s"), pos - 1, a,
				       d->op == TAPE_MUL && caps.unicode ? "×"
				       : d->op == TAPE_SUB && caps.unicode ? "−"
									   : tape_op_name(d->op),
				       b, c);
		} else
			len = str_addf(out, size, len, _("forward: v%d = %s(%s) = %s"), pos - 1,
				       tape_op_name(d->op), a, c);
		if (pos == n)
			len = str_addf(out, size, len, "%s", _(", the value of f. Now backward."));
		return len;
	}
	{
		int i = stop; /* the node just done */
		const TapeNode *d = &s->shown.node[i];
		Tape before = s->shown;

		num(c, sizeof c, d->adjoint);
		if (d->op == TAPE_VAR) {
			num(a, sizeof a, s->fd[d->var]);
			return str_addf(out, size, len,
					_("back at v%d = %c: its adjoint %s is df/d%c; central "
					  "differences give %s"),
					i, 'x' + d->var, c, 'x' + d->var, a);
		}
		if (d->op == TAPE_CONST)
			return str_addf(out, size, len, _("back at v%d: a constant, nothing to pass on"),
					i);
		tape_reverse_until(&before, i + 1);
		len = str_addf(out, size, len, _("back at v%d (adjoint %s): adds"), i, c);
		num(a, sizeof a, s->shown.node[d->a].adjoint - before.node[d->a].adjoint);
		len = str_addf(out, size, len, _(" %s to v%d's adjoint"), a, d->a);
		if (d->b >= 0 && d->b != d->a) {
			num(b, sizeof b, s->shown.node[d->b].adjoint - before.node[d->b].adjoint);
			len = str_addf(out, size, len, _(", %s to v%d's"), b, d->b);
		}
		return len;
	}
}

/* The lines under the table: the step, the counts, forward mode's. */
static size_t text(const TapeView *s, Caps caps, char *out, size_t size)
{
	int pos = steps_at(&s->at, positions(s)), n = s->t.n, computed, stop, i;
	long fwd = 0, rev = 0;
	size_t len = 0;
	char a[32];

	if (s->editing)
		return str_addf(out, size, 0, "%s",
				_("Type an expression in x, y, z with + - * / ( ) tanh exp log sin; "
				  "Enter reads it, Esc drops it."));
	if (!s->parsed)
		return str_addf(out, size, 0, _("This expression cannot be read (column %zu)."),
				s->err.at + 1);
	len = said(s, out, size, len, caps);
	if (!s->finite)
		len = str_addf(out, size, len, "\n%s",
			       _("Some values are not numbers (outside a function's domain)."));
	where(s, &computed, &stop);
	for (i = 0; i < computed; i++)
		fwd += s->t.node[i].fwd_ops;
	for (i = stop; i < n && pos > n; i++)
		rev += s->t.node[i].rev_ops;
	len = str_addf(out, size, len, "\n");
	len = str_addf(out, size, len, _("operations: forward sweep %ld, reverse sweep %ld"), fwd,
		       rev);
	if (pos == 2 * n && s->fwd_ops) {
		visual_num(a, sizeof a, (double)s->rev_ops / (double)s->fwd_ops, 2);
		len = str_addf(out, size, len, _(" (%s times)"), a);
		len = str_addf(out, size, len, "\n");
		len = str_addf(out, size, len,
			       _("forward mode: one pass per input (%d here), %ld operations each: "
				 "%ld for the same gradient"),
			       s->passes, s->tan_ops, s->tan_ops * s->passes);
	}
	return len;
}

/* Columns: marker, node, value, adjoint, and when wide enough the counts and check. */
enum { TP_COL_NODE = 2, TP_W_NODE = 17, TP_W_NUM = 10, TP_W_OPS = 6, TP_WIDE = 68 };

static int table_rows(const TapeView *s)
{
	return s->parsed ? s->t.n + 2 : 1;
}

static int tape_height(const Instance *in, int width)
{
	const TapeView *s = in->state;
	TapeView t = *s;
	char buf[TP_TEXT];
	int most = 0, pos;

	/* as many rows as its tallest step */
	for (pos = 0; pos < positions(s); pos++) {
		int h;
		t.at.pos = pos;
		if (pos > s->t.n)
			tape_reverse_until(&t.shown, 2 * s->t.n - pos);
		h = wrap_text(buf, text(&t, (Caps){.unicode = true}, buf, sizeof buf), width,
			      NULL, 0);
		if (h > most)
			most = h;
	}
	return table_rows(s) + most;
}

static void cell(Grid *g, int x, int y, int w, const char *s, Style st)
{
	int len = (int)strlen(s);

	grid_text(g, x + (len < w ? w - len : 0), y, s, strlen(s), w, st);
}

static void tape_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	const TapeView *s = in->state;
	char buf[TP_TEXT], t[64];
	WrapLine lines[TP_LINES];
	int pos = steps_at(&s->at, positions(s)), n = s->t.n, computed, stop, i, k, y = r.y;
	bool wide = r.w >= TP_WIDE;
	int xv = TP_COL_NODE + TP_W_NODE, xa = xv + TP_W_NUM, xf = xa + TP_W_NUM;
	int xb = xf + TP_W_OPS, xc = xb + TP_W_OPS + 2;

	snprintf(buf, sizeof buf, "f = %s", s->editing ? s->line : s->expr[s->pick]);
	grid_text(g, r.x, y, buf, strlen(buf), r.w, s->editing ? STYLE_FOCUS : STYLE_BOLD);
	if (s->editing && focused) {
		*cx = r.x + ((int)strlen(buf) < r.w ? (int)strlen(buf) : r.w - 1);
		*cy = y;
	}
	if (s->nexprs > 1 && !s->editing) {
		snprintf(t, sizeof t, _("(%d of %d)"), s->pick + 1, s->nexprs);
		if ((int)(strlen(buf) + strlen(t)) + 2 <= r.w)
			grid_str(g, r.x + r.w - (int)strlen(t), y, t, STYLE_DIM);
	}
	y++;
	if (s->parsed) {
		where(s, &computed, &stop);
		grid_str(g, r.x + TP_COL_NODE, y, _("node"), STYLE_DIM);
		cell(g, r.x + xv, y, TP_W_NUM, _("value"), STYLE_DIM);
		cell(g, r.x + xa, y, TP_W_NUM, _("adjoint"), STYLE_DIM);
		if (wide) {
			cell(g, r.x + xf, y, TP_W_OPS, _("fwd"), STYLE_DIM);
			cell(g, r.x + xb, y, TP_W_OPS, _("back"), STYLE_DIM);
			grid_str(g, r.x + xc, y, _("central difference"), STYLE_DIM);
		}
		y++;
		for (i = 0; i < n; i++, y++) {
			const TapeNode *d = &s->shown.node[i];
			bool cur = (pos >= 1 && pos <= n && i == pos - 1) || (pos > n && i == stop);
			bool done = pos > n && i >= stop, touched = done;
			Style st = cur ? (focused ? STYLE_FOCUS : STYLE_BOLD) : STYLE_NORMAL;

			for (k = stop; k < n && pos > n && !touched; k++)
				touched = s->t.node[k].a == i || s->t.node[k].b == i;
			if (cur)
				grid_str(g, r.x, y, caps.unicode ? "→" : ">", st);
			tape_node_text(t, sizeof t, &s->t, i);
			grid_text(g, r.x + TP_COL_NODE, y, t, strlen(t), TP_W_NODE - 1, st);
			if (i < computed || pos > n) {
				num(t, sizeof t, d->value);
				cell(g, r.x + xv, y, TP_W_NUM, t, st);
			}
			if (pos > n && (touched || i == n - 1)) {
				num(t, sizeof t, d->adjoint);
				cell(g, r.x + xa, y, TP_W_NUM, t, done ? st : STYLE_DIM);
			}
			if (!wide)
				continue;
			if (i < computed || pos > n) {
				snprintf(t, sizeof t, "%d", d->fwd_ops);
				cell(g, r.x + xf, y, TP_W_OPS, t, STYLE_DIM);
			}
			if (done) {
				snprintf(t, sizeof t, "%d", s->t.node[i].rev_ops);
				cell(g, r.x + xb, y, TP_W_OPS, t, STYLE_DIM);
			}
			if (done && d->op == TAPE_VAR) {
				bool ok = agrees(d->adjoint, s->fd[d->var]);
				char f[32];
				num(f, sizeof f, s->fd[d->var]);
				snprintf(t, sizeof t, "%s %s", f,
					 ok ? (caps.unicode ? "✓" : _("ok")) : (caps.unicode ? "✗" : _("differs")));
				grid_str(g, r.x + xc, y, t, ok ? STYLE_GOOD : STYLE_BAD);
			}
		}
	}
	k = wrap_text(buf, text(s, caps, buf, sizeof buf), r.w, lines, TP_LINES);
	for (i = 0; i < k && y < r.y + r.h; i++, y++)
		grid_text(g, r.x, y, buf + lines[i].start, lines[i].len, r.w, STYLE_NORMAL);
}

/* A key while typing: the expression's characters, Backspace, Enter reads it (as the
 * learner's expression, the last), Esc drops it. */
static unsigned edit_key(TapeView *s, const Key *k)
{
	bool typable = k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) &&
		       k->ch < 128 && k->ch && strchr(TP_TYPABLE, (int)k->ch);

	if (k->code == K_ESC) {
		s->editing = false;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_ENTER) {
		bool had = s->typed[0] != '\0';
		memcpy(s->typed, s->line, sizeof s->typed);
		if (!had)
			s->expr[s->nexprs++] = s->typed;
		s->pick = s->nexprs - 1;
		s->editing = false;
		load(s);
		sync(s);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (!typable && k->code != K_BACKSPACE)
		return WIDGET_IGNORED;
	key_edit_line(s->line, sizeof s->line, k);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static unsigned tape_key(Instance *in, const Key *k)
{
	TapeView *s = in->state;
	int to;
	unsigned r;

	if (s->editing)
		return edit_key(s, k);
	if (key_is_char(k, 'e')) {
		snprintf(s->line, sizeof s->line, "%s", s->expr[s->pick]);
		s->editing = true;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (key_is_char(k, 'n') || key_is_char(k, 'p')) {
		if (s->nexprs < 2)
			return WIDGET_IGNORED;
		s->pick = (s->pick + (key_is_char(k, 'n') ? 1 : s->nexprs - 1)) % s->nexprs;
		load(s);
		sync(s);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	to = steps_key_target(&s->at, positions(s), k, true);
	if (to < 0)
		return WIDGET_IGNORED;
	r = steps_key_go(&s->at, positions(s), to, &in->animating);
	if (r & WIDGET_HANDLED)
		sync(s);
	return r;
}

/* Its keys now: while typing, the editing keys only; otherwise the steps and choices. */
static int tape_keys(const Instance *in, bool unicode, const char **pairs, int max,
		     char *scratch, size_t size)
{
	const TapeView *s = in->state;
	int n = 0;

	(void)scratch, (void)size;
	if (max < 10)
		return 0;
	if (s->editing) {
		pairs[n++] = "a-z 0-9 + - * / ( ) .";
		pairs[n++] = _("the expression");
		pairs[n++] = "Enter";
		pairs[n++] = _("read it");
		pairs[n++] = "Esc";
		pairs[n++] = _("drop it");
		return n;
	}
	pairs[n++] = unicode ? "→/Space" : "Right/Space";
	pairs[n++] = _("the next node of the sweep");
	pairs[n++] = unicode ? "←" : "Left";
	pairs[n++] = _("the step before");
	pairs[n++] = "Home/End";
	pairs[n++] = _("the start, or both sweeps done");
	pairs[n++] = "n/p";
	pairs[n++] = _("the next or previous expression");
	pairs[n++] = "e";
	pairs[n++] = _("type an expression of your own");
	return n;
}

static bool tape_output(const Instance *in, const char *name, Data *out)
{
	const TapeView *s = in->state;

	if (!s->parsed)
		return false;
	out->version = s->version;
	if (strcmp(name, "grad") == 0) {
		out->n = TAPE_VARS;
		out->v = s->grad;
		return true;
	}
	out->n = 1;
	out->scalar = strcmp(name, "f") == 0          ? s->t.node[s->t.n - 1].value
		      : strcmp(name, "fwd_ops") == 0 ? (double)s->fwd_ops
						     : (double)s->rev_ops;
	return true;
}

static const WidgetOps tape_ops = {
	.init = tape_init,
	.free = tape_free,
	.height = tape_height,
	.draw = tape_draw,
	.key = tape_key,
	.keys = tape_keys,
	.output = tape_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "exprs", .type = PARAM_WORDS, .nmin = 1, .nmax = TP_MAX_EXPRS,
     .def = "\"x*y + tanh(x)\"",
     .help = N_("the expressions to choose from, in x, y and z with + - * / ( ) and tanh, "
                "exp, log, sin")},
    {.name = "pick", .type = PARAM_INT, .min = 1, .max = TP_MAX_EXPRS, .def = "1",
     .help = N_("the expression shown first, from 1")},
    {.name = "at", .type = PARAM_NUMBERS, .min = -100, .max = 100, .nmin = 3, .nmax = 3,
     .def = "0.5,2,-1", .help = N_("the values of x, y and z")},
};

static const OutputSpec outputs[] = {
    {"f", DATA_SCALAR, N_("the value of the expression")},
    {"grad", DATA_VECTOR, N_("its gradient (df/dx, df/dy, df/dz) from the reverse sweep")},
    {"fwd_ops", DATA_SCALAR, N_("the operations of the forward sweep")},
    {"rev_ops", DATA_SCALAR, N_("the operations of the reverse sweep")},
};

static const KindKey keys[] = {
    {"Right Space", N_("the next node of the sweep")},
    {"Left", N_("the step before")},
    {"Home End", N_("the start, or both sweeps done")},
    {"n p", N_("the next or previous expression")},
    {"e", N_("type an expression of your own")},
    {"a-z 0-9 + - * / ( ) . Space Backspace Enter Esc",
     N_("while typing: the expression; Enter reads it, Esc drops it")},
};

const WidgetKind tape_kind = {
    .schema = {.name = "tape",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("reverse-mode automatic differentiation on a tape: the forward "
                          "sweep, then the adjoints node by node, checked by central "
                          "differences, with the operations counted"),
               .example = "id=tape1 exprs=\"x*y + tanh(x)\",\"exp(x)/y\" at=0.5,2,-1"},
    KIND_LIST(keys, keys),
    .ops = &tape_ops,
};
