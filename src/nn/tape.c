/* tape.c: the expression parser, the forward sweep, the reverse sweep of the adjoints,
 * the forward-mode tangent pass and their operation counts (see tape.h).
 * libc and libm only; never allocates, never prints. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "nn/tape.h"

static const char *const op_names[TAPE_OPS] = {"x",   "c",    "+",   "-",   "*",  "/",
					       "neg", "tanh", "exp", "log", "sin"};

const char *tape_op_name(TapeOp op)
{
	return (unsigned)op < TAPE_OPS ? op_names[op] : "?";
}

/* ---- the parser: recursive descent, one node per operation ---- */

typedef struct {
	const char *s;
	size_t at;
	Tape *t;
	int depth;
	TapeError err;
} Parser;

static int fail(Parser *p, TapeParseError what)
{
	if (p->err.what == TAPE_PARSE_OK) {
		p->err.what = what;
		p->err.at = p->at;
	}
	return -1;
}

static void blanks(Parser *p)
{
	while (p->s[p->at] == ' ' || p->s[p->at] == '\t')
		p->at++;
}

/* Appends a node; returns its index or -1 (too many). */
static int node(Parser *p, TapeOp op, int a, int b)
{
	TapeNode *n;

	if (p->t->n >= TAPE_MAX_NODES)
		return fail(p, TAPE_PARSE_TOO_BIG);
	n = &p->t->node[p->t->n];
	memset(n, 0, sizeof *n);
	n->op = op, n->a = a, n->b = b, n->var = -1;
	return p->t->n++;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* What a failure at c is: a character expressions never hold, or one out of place. */
static TapeParseError misplaced(char c)
{
	return c && !is_digit(c) && !is_letter(c) && !strchr(".()+-*/", c) ? TAPE_PARSE_CHAR
									   : TAPE_PARSE_EXPECTED;
}

/* A number: digits with at most one point (at least one digit), then an optional
 * exponent; at most 15 digits, so the mantissa is exact, and a finite value. Written by
 * hand so the locale's decimal point does not matter. */
static int number(Parser *p)
{
	double m = 0;
	int digits = 0, frac = 0, e = 0, esign = 1, k;
	bool point = false;
	const char *s = p->s;

	for (;; p->at++) {
		if (is_digit(s[p->at])) {
			if (++digits > 15)
				return fail(p, TAPE_PARSE_NUMBER);
			m = m * 10 + (s[p->at] - '0');
			frac += point;
		} else if (s[p->at] == '.' && !point)
			point = true;
		else
			break;
	}
	if (!digits)
		return fail(p, TAPE_PARSE_NUMBER);
	if (s[p->at] == 'e' || s[p->at] == 'E') {
		p->at++;
		if (s[p->at] == '+' || s[p->at] == '-')
			esign = s[p->at++] == '-' ? -1 : 1;
		if (!is_digit(s[p->at]))
			return fail(p, TAPE_PARSE_NUMBER);
		for (; is_digit(s[p->at]); p->at++)
			if ((e = e * 10 + (s[p->at] - '0')) > 300)
				return fail(p, TAPE_PARSE_NUMBER);
	}
	e = esign * e - frac;
	m = e < 0 ? m / pow(10, -e) : m * pow(10, e);
	if (!isfinite(m))
		return fail(p, TAPE_PARSE_NUMBER);
	if ((k = node(p, TAPE_CONST, -1, -1)) >= 0)
		p->t->node[k].c = m;
	return k;
}

static int sum(Parser *p);

/* A variable, or a function with its parenthesized argument. */
static int name(Parser *p)
{
	static const struct {
		const char *word;
		TapeOp op;
	} fns[] = {{"tanh", TAPE_TANH}, {"exp", TAPE_EXP}, {"log", TAPE_LOG}, {"sin", TAPE_SIN}};
	size_t start = p->at, len, i;
	int a, k;

	while (is_letter(p->s[p->at]))
		p->at++;
	len = p->at - start;
	if (len == 1 && p->s[start] >= 'x' && p->s[start] <= 'z') {
		int v = p->s[start] - 'x';
		if (p->t->var_node[v] >= 0)
			return p->t->var_node[v];
		if ((k = node(p, TAPE_VAR, -1, -1)) < 0)
			return -1;
		p->t->node[k].var = v;
		return p->t->var_node[v] = k;
	}
	for (i = 0; i < sizeof fns / sizeof *fns; i++)
		if (strlen(fns[i].word) == len && memcmp(fns[i].word, p->s + start, len) == 0)
			break;
	if (i == sizeof fns / sizeof *fns) {
		p->at = start;
		return fail(p, TAPE_PARSE_NAME);
	}
	blanks(p);
	if (p->s[p->at] != '(')
		return fail(p, TAPE_PARSE_EXPECTED);
	p->at++;
	if ((a = sum(p)) < 0)
		return -1;
	if (p->s[p->at] != ')')
		return fail(p, TAPE_PARSE_EXPECTED);
	p->at++;
	return node(p, fns[i].op, a, -1);
}

/* A factor: a number, a name, a parenthesized sum, or a minus and a factor. */
static int factor(Parser *p)
{
	int k = -1;
	char c;

	if (++p->depth > TAPE_MAX_DEPTH)
		return fail(p, TAPE_PARSE_TOO_BIG);
	blanks(p);
	c = p->s[p->at];
	if (is_digit(c) || c == '.')
		k = number(p);
	else if (is_letter(c))
		k = name(p);
	else if (c == '(') {
		p->at++;
		if ((k = sum(p)) >= 0 && p->s[p->at] != ')')
			k = fail(p, TAPE_PARSE_EXPECTED);
		else if (k >= 0)
			p->at++;
	} else if (c == '-') {
		int n0 = p->t->n;
		p->at++;
		if ((k = factor(p)) >= 0) {
			/* a number just read ("-2") is folded into one constant */
			if (k == n0 && p->t->node[k].op == TAPE_CONST)
				p->t->node[k].c = -p->t->node[k].c;
			else
				k = node(p, TAPE_NEG, k, -1);
		}
	} else
		k = fail(p, misplaced(c));
	p->depth--;
	blanks(p);
	return k;
}

/* Products and quotients of factors, left to right. */
static int product(Parser *p)
{
	int a = factor(p);

	while (a >= 0 && (p->s[p->at] == '*' || p->s[p->at] == '/')) {
		TapeOp op = p->s[p->at++] == '*' ? TAPE_MUL : TAPE_DIV;
		int b = factor(p);
		a = b < 0 ? -1 : node(p, op, a, b);
	}
	return a;
}

/* Sums and differences of products, left to right. */
static int sum(Parser *p)
{
	int a = product(p);

	while (a >= 0 && (p->s[p->at] == '+' || p->s[p->at] == '-')) {
		TapeOp op = p->s[p->at++] == '+' ? TAPE_ADD : TAPE_SUB;
		int b = product(p);
		a = b < 0 ? -1 : node(p, op, a, b);
	}
	return a;
}

NnStatus tape_parse(Tape *t, const char *text, const double *vars, TapeError *err)
{
	Parser p = {.s = text, .t = t};
	int v;

	t->n = 0;
	for (v = 0; v < TAPE_VARS; v++) {
		t->var_node[v] = -1;
		t->vars[v] = vars ? vars[v] : 0;
	}
	if (!text)
		fail(&p, TAPE_PARSE_EMPTY);
	else if (strnlen(text, TAPE_MAX_TEXT + 1) > TAPE_MAX_TEXT)
		fail(&p, TAPE_PARSE_TOO_BIG);
	else {
		blanks(&p);
		if (!text[p.at])
			fail(&p, TAPE_PARSE_EMPTY);
		else if (sum(&p) >= 0 && text[p.at])
			fail(&p, misplaced(text[p.at]));
	}
	if (err)
		*err = p.err;
	if (p.err.what != TAPE_PARSE_OK) {
		t->n = 0;
		for (v = 0; v < TAPE_VARS; v++)
			t->var_node[v] = -1;
		return NN_ERR_PARSE;
	}
	return NN_OK;
}

int tape_node_text(char *out, size_t size, const Tape *t, int i)
{
	const TapeNode *n = &t->node[i];
	int len;

	switch (n->op) {
	case TAPE_VAR:
		len = snprintf(out, size, "v%d = %c", i, 'x' + n->var);
		break;
	case TAPE_CONST: {
		char *c;
		len = snprintf(out, size, "v%d = %.6g", i, n->c);
		/* a point, whatever the locale's decimal mark */
		for (c = out; size && *c; c++)
			if (*c == ',')
				*c = '.';
		break;
	}
	case TAPE_ADD:
	case TAPE_SUB:
	case TAPE_MUL:
	case TAPE_DIV:
		len = snprintf(out, size, "v%d = v%d %s v%d", i, n->a, op_names[n->op], n->b);
		break;
	case TAPE_NEG:
		len = snprintf(out, size, "v%d = -v%d", i, n->a);
		break;
	default:
		len = snprintf(out, size, "v%d = %s(v%d)", i, tape_op_name(n->op), n->a);
		break;
	}
	if (len < 0)
		len = 0;
	return size == 0 ? 0 : (size_t)len < size ? len : (int)size - 1;
}

/* ---- the sweeps ---- */

/* op's value from its inputs' values (c: a constant's number, var: an input's value). */
static double apply(TapeOp op, double a, double b, double c)
{
	switch (op) {
	case TAPE_VAR:
	case TAPE_CONST:
		return c;
	case TAPE_ADD:
		return a + b;
	case TAPE_SUB:
		return a - b;
	case TAPE_MUL:
		return a * b;
	case TAPE_DIV:
		return a / b;
	case TAPE_NEG:
		return -a;
	case TAPE_TANH:
		return tanh(a);
	case TAPE_EXP:
		return exp(a);
	case TAPE_LOG:
		return log(a);
	case TAPE_SIN:
		return sin(a);
	default:
		return NAN;
	}
}

void tape_forward_node(Tape *t, int i)
{
	TapeNode *n = &t->node[i];
	double a = n->a >= 0 ? t->node[n->a].value : 0, b = n->b >= 0 ? t->node[n->b].value : 0;

	n->value = apply(n->op, a, b, n->op == TAPE_VAR ? t->vars[n->var] : n->c);
	n->fwd_ops = n->op == TAPE_VAR || n->op == TAPE_CONST ? 0 : 1; /* one op or call */
}

NnStatus tape_forward(Tape *t)
{
	NnStatus st = NN_OK;
	int i;

	for (i = 0; i < t->n; i++) {
		tape_forward_node(t, i);
		if (!isfinite(t->node[i].value))
			st = NN_ERR_DIVERGED;
	}
	return st;
}

/* Node i passes its adjoint w on to its inputs: the chain rule, one partial derivative
 * per input (the counts: the operations written on each line). */
static void reverse_node(Tape *t, int i)
{
	TapeNode *n = &t->node[i];
	double w = n->adjoint, v = n->value;
	TapeNode *a = n->a >= 0 ? &t->node[n->a] : NULL, *b = n->b >= 0 ? &t->node[n->b] : NULL;

	switch (n->op) {
	case TAPE_ADD: /* d/da = 1, d/db = 1 */
		a->adjoint += w, b->adjoint += w, n->rev_ops = 2;
		break;
	case TAPE_SUB: /* 1, -1 */
		a->adjoint += w, b->adjoint -= w, n->rev_ops = 2;
		break;
	case TAPE_MUL: /* b, a */
		a->adjoint += w * b->value, b->adjoint += w * a->value, n->rev_ops = 4;
		break;
	case TAPE_DIV: /* 1/b, -a/b^2 = -v/b */
		a->adjoint += w / b->value, b->adjoint -= w * v / b->value, n->rev_ops = 5;
		break;
	case TAPE_NEG: /* -1 */
		a->adjoint -= w, n->rev_ops = 1;
		break;
	case TAPE_TANH: /* 1 - tanh^2, from the value already on the tape */
		a->adjoint += w * (1 - v * v), n->rev_ops = 4;
		break;
	case TAPE_EXP: /* e^a: the value itself */
		a->adjoint += w * v, n->rev_ops = 2;
		break;
	case TAPE_LOG: /* 1/a */
		a->adjoint += w / a->value, n->rev_ops = 2;
		break;
	case TAPE_SIN: /* cos a: one more call */
		a->adjoint += w * cos(a->value), n->rev_ops = 3;
		break;
	default: /* a variable or a constant: nothing below it */
		n->rev_ops = 0;
		break;
	}
}

void tape_reverse_until(Tape *t, int stop)
{
	int i;

	for (i = 0; i < t->n; i++)
		t->node[i].adjoint = 0, t->node[i].rev_ops = 0;
	if (t->n == 0)
		return;
	t->node[t->n - 1].adjoint = 1;
	for (i = t->n - 1; i >= stop && i >= 0; i--)
		reverse_node(t, i);
}

void tape_reverse(Tape *t, double *grad)
{
	int v;

	tape_reverse_until(t, 0);
	if (grad)
		for (v = 0; v < TAPE_VARS; v++)
			grad[v] = t->var_node[v] >= 0 ? t->node[t->var_node[v]].adjoint : 0;
}

double tape_tangent(Tape *t, int var)
{
	int i;

	for (i = 0; i < t->n; i++) {
		TapeNode *n = &t->node[i];
		double ta = n->a >= 0 ? t->node[n->a].tangent : 0;
		double tb = n->b >= 0 ? t->node[n->b].tangent : 0;
		double va = n->a >= 0 ? t->node[n->a].value : 0;
		double vb = n->b >= 0 ? t->node[n->b].value : 0, v = n->value;

		switch (n->op) {
		case TAPE_VAR:
			n->tangent = n->var == var, n->tan_ops = 0;
			break;
		case TAPE_ADD:
			n->tangent = ta + tb, n->tan_ops = 1;
			break;
		case TAPE_SUB:
			n->tangent = ta - tb, n->tan_ops = 1;
			break;
		case TAPE_MUL:
			n->tangent = ta * vb + va * tb, n->tan_ops = 3;
			break;
		case TAPE_DIV:
			n->tangent = (ta - v * tb) / vb, n->tan_ops = 3;
			break;
		case TAPE_NEG:
			n->tangent = -ta, n->tan_ops = 1;
			break;
		case TAPE_TANH:
			n->tangent = ta * (1 - v * v), n->tan_ops = 3;
			break;
		case TAPE_EXP:
			n->tangent = ta * v, n->tan_ops = 1;
			break;
		case TAPE_LOG:
			n->tangent = ta / va, n->tan_ops = 1;
			break;
		case TAPE_SIN:
			n->tangent = ta * cos(va), n->tan_ops = 2;
			break;
		default: /* a constant */
			n->tangent = 0, n->tan_ops = 0;
			break;
		}
	}
	return t->n ? t->node[t->n - 1].tangent : 0;
}

/* The sum over the nodes of one of their counts: 0 forward, 1 reverse, 2 tangent. */
static long total(const Tape *t, int which)
{
	long s = 0;
	int i;

	for (i = 0; i < t->n; i++) {
		const TapeNode *n = &t->node[i];
		s += which == 0 ? n->fwd_ops : which == 1 ? n->rev_ops : n->tan_ops;
	}
	return s;
}

long tape_forward_ops(const Tape *t)
{
	return total(t, 0);
}

long tape_reverse_ops(const Tape *t)
{
	return total(t, 1);
}

long tape_tangent_ops(const Tape *t)
{
	return total(t, 2);
}

double tape_eval_at(const Tape *t, const double *vars)
{
	double v[TAPE_MAX_NODES];
	int i;

	for (i = 0; i < t->n; i++) {
		const TapeNode *n = &t->node[i];
		v[i] = apply(n->op, n->a >= 0 ? v[n->a] : 0, n->b >= 0 ? v[n->b] : 0,
			     n->op == TAPE_VAR ? vars[n->var] : n->c);
	}
	return t->n ? v[t->n - 1] : 0;
}

double tape_central_diff(const Tape *t, int var, double h)
{
	double up[TAPE_VARS], down[TAPE_VARS];

	memcpy(up, t->vars, sizeof up);
	memcpy(down, t->vars, sizeof down);
	up[var] += h, down[var] -= h;
	return (tape_eval_at(t, up) - tape_eval_at(t, down)) / (2 * h);
}
