/* tape.h: reverse-mode automatic differentiation on a tape (a Wengert list): a small
 * expression in x, y, z parsed into nodes, the forward sweep, the reverse sweep of the
 * adjoints, a forward-mode pass with tangents, and a count of the operations each sweep
 * does, for the autodiff lesson. libc and libm only; a Tape holds everything (no
 * allocation). */
#ifndef NN_NN_TAPE_H
#define NN_NN_TAPE_H

#include <stddef.h>

#include "nn/status.h"

enum {
	TAPE_MAX_NODES = 48, /* nodes of one tape (variables and constants count) */
	TAPE_MAX_DEPTH = 24, /* nesting of parentheses, functions and unary minus */
	TAPE_MAX_TEXT = 160, /* characters of an expression */
	TAPE_VARS = 3        /* x, y, z */
};

typedef enum {
	TAPE_VAR,   /* an input: x, y or z */
	TAPE_CONST, /* a number */
	TAPE_ADD,   /* a + b */
	TAPE_SUB,   /* a - b */
	TAPE_MUL,   /* a * b */
	TAPE_DIV,   /* a / b */
	TAPE_NEG,   /* -a */
	TAPE_TANH,  /* tanh a */
	TAPE_EXP,   /* e^a */
	TAPE_LOG,   /* ln a */
	TAPE_SIN,   /* sin a */
	TAPE_OPS
} TapeOp;

/* One node: v = op(v_a, v_b), its adjoint vbar = df/dv (f: the last node) and its
 * tangent vdot = dv/dt along the direction the forward-mode pass was seeded with. The
 * counts are the arithmetic operations (+ - * /) and function calls (tanh exp log sin
 * cos) its forward rule and its reverse rule do (its tangent rule: tan_ops). */
typedef struct {
	TapeOp op;
	int a, b;     /* the inputs: earlier nodes, or -1 */
	int var;      /* TAPE_VAR: 0 x, 1 y, 2 z */
	double c;     /* TAPE_CONST: the number */
	double value, adjoint, tangent;
	int fwd_ops, rev_ops, tan_ops;
} TapeNode;

/* A tape: its nodes in evaluation order (every input before the nodes that read it),
 * the last the expression's value; each variable has at most one node, shared by
 * every place it appears. */
typedef struct {
	TapeNode node[TAPE_MAX_NODES];
	int n;
	int var_node[TAPE_VARS]; /* the node of x, y, z, or -1 when it does not appear */
	double vars[TAPE_VARS];  /* their values */
} Tape;

/* Where a parse failed: the byte offset in the text and what was wrong. */
typedef enum {
	TAPE_PARSE_OK,
	TAPE_PARSE_EMPTY,    /* nothing but blanks */
	TAPE_PARSE_CHAR,     /* a character that is not part of an expression */
	TAPE_PARSE_NAME,     /* a name that is neither a variable nor a function */
	TAPE_PARSE_NUMBER,   /* a malformed or too large number */
	TAPE_PARSE_EXPECTED, /* an operand or ")" missing, or text after the end */
	TAPE_PARSE_TOO_BIG   /* too many nodes, too deep or too long */
} TapeParseError;

typedef struct {
	TapeParseError what;
	size_t at;
} TapeError;

/* "x", "c", "+", "-", "*", "/", "neg", "tanh", "exp", "log", "sin". */
const char *tape_op_name(TapeOp op);

/* Parses text (NUL-terminated; NULL is an error) into t, with the variables' values
 * vars: (3) = x, y, z. Grammar: sums and differences of products and quotients of
 * factors; a factor is a number (digits, a point, an exponent: 2, 0.5, 1e-3), x, y or
 * z, a function tanh exp log sin of a parenthesized expression, a parenthesized
 * expression, or a factor after a unary minus. Blanks are ignored. Computes nothing.
 * Returns NN_OK, or NN_ERR_PARSE with *err set (err may be NULL) and t empty (n 0). */
NnStatus tape_parse(Tape *t, const char *text, const double *vars, TapeError *err);

/* Writes node i's formula into out ("v3 = v1 * v2", "v1 = x", "v2 = 2") using the
 * ASCII names of the ops; returns the length written (< size). */
int tape_node_text(char *out, size_t size, const Tape *t, int i);

/* Forward sweep up to node i (inclusive): computes node i's value from its inputs'
 * (which must be computed) and sets its fwd_ops. */
void tape_forward_node(Tape *t, int i);

/* The whole forward sweep; returns NN_OK, or NN_ERR_DIVERGED when a value is not
 * finite (the log of a negative number, a division by 0: the values are still set). */
NnStatus tape_forward(Tape *t);

/* The reverse sweep after a forward sweep, stopped early: zeroes every adjoint, seeds
 * the last node's with 1, then for nodes n-1 down to `stop` (inclusive) adds
 * adjoint * d(node)/d(input) into each input's adjoint, setting each node's rev_ops.
 * stop = 0: the whole sweep; stop = n: only the seed. Once it has passed a variable's
 * node, that node's adjoint is df/d(variable). */
void tape_reverse_until(Tape *t, int stop);

/* The whole reverse sweep (tape_reverse_until(t, 0)); grad: (3) or NULL gets df/dx,
 * df/dy, df/dz (0 for a variable that does not appear). */
void tape_reverse(Tape *t, double *grad);

/* A forward-mode pass after a forward sweep: the tangent of variable var's node is 1
 * (the others' 0), and each node's tangent follows from its inputs' (setting tan_ops).
 * Returns the last node's tangent: df/d(var) (0 when var does not appear). */
double tape_tangent(Tape *t, int var);

/* The operations of the sweeps, summed over the nodes (after the sweeps ran). */
long tape_forward_ops(const Tape *t);
long tape_reverse_ops(const Tape *t);
long tape_tangent_ops(const Tape *t);

/* f at other values of the variables, vars: (3), computed apart (t is not changed). */
double tape_eval_at(const Tape *t, const double *vars);

/* The central difference (f(v + h e_var) - f(v - h e_var)) / 2h at t's values. */
double tape_central_diff(const Tape *t, int var, double h);

#endif
