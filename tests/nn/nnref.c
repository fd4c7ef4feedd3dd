/* nnref.c: the reference runner: reads "nnref 1" files (../shared/reference/ops/README.md),
 * runs each case through the math library and compares. Links the math library and libc.
 *
 * Usage: nnref FILE...  Prints "ok OP ..." or "FAIL OP ... file:line: why" per case, then
 * "N passed, N failed"; exits 0 only when nothing failed (2 for a usage error). Every
 * malformed line, unknown op, parameter or input, and shape mismatch is a failure. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nnref.h"

#define TOL       1e-10 /* relative */
#define FLOOR     1e-12 /* absolute: below |want| = FLOOR / TOL the error counts as absolute */
#define MAX_COUNT 10000000

/* Whether s is a plain decimal number: [+-] digits [. digits] [e [+-] digits]. */
static int decimal(const char *s)
{
	int digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	while (isdigit((unsigned char)*s))
		s++, digits++;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* Parses a decimal token into *v: 0, or -1 when it is not a finite decimal. */
static int number(double *v, const char *s)
{
	if (!decimal(s))
		return -1;
	errno = 0;
	*v = strtod(s, NULL);
	return isfinite(*v) ? 0 : -1;
}

/* ---- the comparison and the report ---- */

typedef struct {
	double rel;
	char what[48];
} Worst;

static void index_text(char *buf, size_t len, const RefTensor *t, size_t flat)
{
	size_t idx[REF_MAX_RANK], k;

	for (k = t->rank; k-- > 0;) {
		idx[k] = flat % t->dims[k];
		flat /= t->dims[k];
	}
	ref_shape_text(buf, len, idx, t->rank);
}

static int compare(RefCase *c, Worst *w, const char *what, const RefTensor *want,
                   const double *got)
{
	size_t i, at = 0;
	double worst = -1;
	char where[64];

	for (i = 0; i < want->count; i++) {
		double e = fabs(got[i] - want->v[i]) / fmax(fabs(want->v[i]), FLOOR / TOL);
		if (isnan(e))
			e = INFINITY;
		if (e > worst)
			worst = e, at = i;
	}
	if (worst > w->rel) {
		w->rel = worst;
		snprintf(w->what, sizeof w->what, "%s", what);
	}
	if (worst <= TOL)
		return 0;
	index_text(where, sizeof where, want, at);
	return ref_fail(c, want->line,
	                "%s: worst relative error %.3g at [%s] (got %.17g, want %.17g)", what, worst,
	                where, got[at], want->v[at]);
}

/* Runs a complete case and checks its results; the error, if any, is in c->err. */
static void run_case(RefCase *c, Worst *w)
{
	const RefOp *op = ref_find_op(c->op);
	RefTensor *y = ref_find(c, REF_OUT, "y");
	size_t i, k;
	char what[48];

	if (!op) {
		ref_fail(c, 0, "unknown op \"%s\"", c->op);
		return;
	}
	for (i = 0; i < c->n_params; i++) {
		for (k = 0; op->keys[k] && strcmp(op->keys[k], c->params[i].key); k++)
			;
		if (!op->keys[k]) {
			ref_fail(c, c->params[i].line, "%s takes no parameter %s", c->op,
			         c->params[i].key);
			return;
		}
	}
	if (!y) {
		ref_fail(c, 0, "no expected output (out y)");
		return;
	}
	if (op->run(c))
		return;
	for (i = 0; i < c->n_t; i++)
		if (c->t[i].kind == REF_IN && !c->t[i].used) {
			ref_fail(c, c->t[i].line, "%s has no input %s", c->op, c->t[i].name);
			return;
		}
	if (ref_same_shape(c, y, c->ydims, c->yrank) || compare(c, w, "y", y, c->y))
		return;
	for (i = 0; i < c->n_t; i++) {
		RefTensor *g = &c->t[i], *in;
		if (g->kind != REF_GRAD)
			continue;
		in = ref_find(c, REF_IN, g->name);
		if (!in || !in->grad) {
			ref_fail(c, g->line, "grad %s: %s", g->name,
			         in ? "an index input has no gradient" : "no such input");
			return;
		}
		snprintf(what, sizeof what, "grad %s", g->name);
		if (ref_same_shape(c, g, in->dims, in->rank) || compare(c, w, what, g, in->grad))
			return;
	}
}

/* ---- the reader ---- */

typedef struct {
	const char *file;
	char *buf;  /* the whole file, NUL-terminated, cut into lines in place */
	char *next; /* the rest */
	long line;  /* the current line's number */
	size_t passed, failed;
	/* the case being read */
	int in_case;
	RefCase c;
	RefTensor *filling; /* the tensor whose values are being read */
	size_t got;
} Reader;

/* The next line that is not blank or a comment, or NULL at the end. */
static char *next_line(Reader *r)
{
	while (r->next) {
		char *s = r->next, *nl = strchr(s, '\n'), *p;
		r->line++;
		if (nl) {
			*nl = '\0';
			r->next = nl + 1;
		} else
			r->next = NULL;
		for (p = s; isspace((unsigned char)*p); p++)
			;
		if (*p && *p != '#')
			return p;
	}
	return NULL;
}

/* Cuts the next whitespace-separated word from *s; NULL when none is left. */
static char *word(char **s)
{
	char *w = *s, *e;

	while (isspace((unsigned char)*w))
		w++;
	if (!*w)
		return NULL;
	for (e = w; *e && !isspace((unsigned char)*e); e++)
		;
	if (*e)
		*e++ = '\0';
	*s = e;
	return w;
}

static void report_file(Reader *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error outside any case: one failure. */
static void report_file(Reader *r, long line, const char *fmt, ...)
{
	va_list ap;

	printf("FAIL %s:%ld: ", r->file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	r->failed++;
}

/* Ends the current case: runs it when it was read without error, prints its line. */
static void finish_case(Reader *r)
{
	Worst w = {-1, ""};

	if (!r->c.err[0])
		run_case(&r->c, &w);
	if (r->c.err[0]) {
		printf("FAIL %s  %s\n", r->c.label, r->c.err);
		r->failed++;
	} else if (w.rel > 0) {
		printf("ok %s  [%s:%ld, worst relative error %.2g in %s]\n", r->c.label, r->file,
		       r->c.line, w.rel, w.what);
		r->passed++;
	} else {
		printf("ok %s  [%s:%ld, exact]\n", r->c.label, r->file, r->c.line);
		r->passed++;
	}
	ref_case_free(&r->c);
	r->in_case = 0;
}

/* "case OP key=value ...". */
static void start_case(Reader *r, char *rest)
{
	RefCase *c = &r->c;
	char *w, *eq;
	size_t at;

	memset(c, 0, sizeof *c);
	r->in_case = 1;
	c->file = r->file;
	c->line = r->line;
	if (!(w = word(&rest))) {
		snprintf(c->label, sizeof c->label, "?");
		ref_fail(c, 0, "case without an op");
		return;
	}
	snprintf(c->op, sizeof c->op, "%s", w);
	at = (size_t)snprintf(c->label, sizeof c->label, "%s", w);
	if (strlen(w) >= sizeof c->op)
		ref_fail(c, 0, "op name too long");
	while ((w = word(&rest))) {
		RefParam *p = &c->params[c->n_params];
		if (at < sizeof c->label)
			at += (size_t)snprintf(c->label + at, sizeof c->label - at, " %s", w);
		if (c->err[0])
			continue;
		if (!(eq = strchr(w, '=')) || eq == w) {
			ref_fail(c, 0, "bad parameter \"%s\" (expected key=value)", w);
			continue;
		}
		*eq = '\0';
		if (c->n_params == REF_MAX_PARAMS || (size_t)(eq - w) >= sizeof p->key) {
			ref_fail(c, 0, "too many parameters or too long a name");
			continue;
		}
		if (number(&p->value, eq + 1)) {
			ref_fail(c, 0, "parameter %s: \"%s\" is not a finite decimal", w, eq + 1);
			continue;
		}
		for (size_t i = 0; i < c->n_params; i++)
			if (strcmp(c->params[i].key, w) == 0)
				ref_fail(c, 0, "parameter %s given twice", w);
		snprintf(p->key, sizeof p->key, "%s", w);
		p->line = r->line;
		c->n_params++;
	}
}

/* "in|out|seed|grad NAME D1 D2 ..."; the values follow on the next lines. */
static void start_tensor(Reader *r, RefKind kind, const char *kw, char *rest)
{
	RefCase *c = &r->c;
	RefTensor *t;
	char *w;
	size_t count = 1;

	if (c->n_t == REF_MAX_TENSORS) {
		ref_fail(c, r->line, "more than %d tensors in a case", REF_MAX_TENSORS);
		return;
	}
	t = &c->t[c->n_t];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->line = r->line;
	if (!(w = word(&rest))) {
		ref_fail(c, r->line, "%s without a name", kw);
		return;
	}
	if (strlen(w) >= sizeof t->name) {
		ref_fail(c, r->line, "name too long: %s", w);
		return;
	}
	if (ref_find(c, kind, w)) {
		ref_fail(c, r->line, "%s %s given twice", kw, w);
		return;
	}
	if ((kind == REF_OUT && strcmp(w, "y")) || (kind == REF_SEED && strcmp(w, "dy"))) {
		ref_fail(c, r->line, "%s %s: the format has only \"%s\"", kw, w,
		         kind == REF_OUT ? "out y" : "seed dy");
		return;
	}
	snprintf(t->name, sizeof t->name, "%s", w);
	while ((w = word(&rest))) {
		char *end;
		unsigned long d;
		if (t->rank == REF_MAX_RANK) {
			ref_fail(c, r->line, "%s: more than %d dimensions", t->name, REF_MAX_RANK);
			return;
		}
		errno = 0;
		d = strtoul(w, &end, 10);
		if (!isdigit((unsigned char)*w) || *end || errno || d == 0 || d > MAX_COUNT) {
			ref_fail(c, r->line, "%s: dimension \"%s\" is not a positive integer", t->name,
			         w);
			return;
		}
		t->dims[t->rank++] = d;
		count *= d;
		if (count > MAX_COUNT) {
			ref_fail(c, r->line, "%s: more than %d values", t->name, MAX_COUNT);
			return;
		}
	}
	t->count = count;
	if (!(t->v = malloc(count * sizeof *t->v))) {
		ref_fail(c, r->line, "out of memory");
		return;
	}
	c->n_t++;
	r->filling = t;
	r->got = 0;
}

/* A line of values for r->filling. */
static void take_values(Reader *r, char *s)
{
	RefTensor *t = r->filling;
	char *w;

	while ((w = word(&s))) {
		if (r->got == t->count) {
			ref_fail(&r->c, r->line, "%s: more than the %zu values its shape needs",
			         t->name, t->count);
			break;
		}
		if (number(&t->v[r->got], w)) {
			ref_fail(&r->c, r->line, "%s: \"%s\" is not a finite decimal number", t->name,
			         w);
			break;
		}
		r->got++;
	}
	if (r->got == t->count || r->c.err[0])
		r->filling = NULL;
}

/* Which keyword w is: a tensor kind (*kind set), KW_CASE, KW_END, or KW_NONE. */
enum { KW_NONE, KW_TENSOR, KW_CASE, KW_END };

static int keyword(RefKind *kind, const char *w)
{
	static const char *const kw[] = {"in", "out", "seed", "grad"};
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(w, kw[i]) == 0) {
			*kind = (RefKind)i;
			return KW_TENSOR;
		}
	if (strcmp(w, "case") == 0)
		return KW_CASE;
	return strcmp(w, "end") == 0 ? KW_END : KW_NONE;
}

/* The values of r->filling stopped short: an error at its header line. */
static void short_values(Reader *r)
{
	RefTensor *t = r->filling;
	char shape[64];

	ref_shape_text(shape, sizeof shape, t->dims, t->rank);
	ref_fail(&r->c, t->line, "%s: %zu values, its shape [%s] needs %zu", t->name, r->got,
	         shape, t->count);
	r->filling = NULL;
}

/* One significant line after the header. */
static void read_line(Reader *r, char *s)
{
	char first[16] = "", *rest = s, *w;
	RefKind kind = REF_IN;
	int kw;

	snprintf(first, sizeof first, "%.*s", (int)strcspn(s, " \t\r\v\f"), s);
	kw = keyword(&kind, first);
	if (r->filling && kw == KW_NONE) {
		take_values(r, s);
		return;
	}
	if (r->filling)
		short_values(r);
	w = word(&rest);
	if (kw == KW_CASE) {
		if (r->in_case) {
			ref_fail(&r->c, r->line, "no \"end\" before this case");
			finish_case(r);
		}
		start_case(r, rest);
	} else if (!r->in_case)
		report_file(r, r->line, "\"%s\" outside a case", w);
	else if (kw == KW_END) {
		if ((w = word(&rest)))
			ref_fail(&r->c, r->line, "unexpected \"%s\" after end", w);
		finish_case(r);
	} else if (r->c.err[0])
		; /* a broken case: skip to its end */
	else if (kw == KW_TENSOR)
		start_tensor(r, kind, first, rest);
	else
		ref_fail(&r->c, r->line, "unknown line starting with \"%s\"", w);
}

/* Reads the whole file into r->buf; 0, or -1 with errno set. */
static int slurp(Reader *r)
{
	FILE *f = fopen(r->file, "rb");
	size_t len = 0, cap = 1 << 16, n;

	if (!f)
		return -1;
	r->buf = malloc(cap);
	while (r->buf && (n = fread(r->buf + len, 1, cap - len - 1, f)) > 0) {
		char *more;
		len += n;
		if (len + 1 < cap)
			continue;
		more = realloc(r->buf, cap *= 2);
		if (!more) {
			free(r->buf);
			r->buf = NULL;
		}
		r->buf = more;
	}
	if (!r->buf || ferror(f)) {
		int e = r->buf ? EIO : ENOMEM;
		fclose(f);
		free(r->buf);
		r->buf = NULL;
		errno = e;
		return -1;
	}
	fclose(f);
	r->buf[len] = '\0';
	if (memchr(r->buf, '\0', len)) {
		errno = EILSEQ;
		return -1;
	}
	return 0;
}

/* Runs every case of one file, adding to the totals. */
static void run_file(const char *file, size_t *passed, size_t *failed)
{
	Reader r;
	char *s, *rest, *a, *b;
	long cases_seen = 0, head;

	memset(&r, 0, sizeof r);
	r.file = file;
	if (slurp(&r)) {
		printf("FAIL %s: cannot read: %s\n", file, strerror(errno));
		free(r.buf);
		++*failed;
		return;
	}
	r.next = r.buf;
	s = next_line(&r);
	rest = s;
	a = s ? word(&rest) : NULL;
	b = a ? word(&rest) : NULL;
	head = r.line;
	if (!s) {
		report_file(&r, 1, "bad header: no \"nnref 1\" line (the file is empty or all comments)");
	} else if (strcmp(a, "nnref") || !b || word(&rest)) {
		report_file(&r, head, "bad header: expected \"nnref 1\" first");
	} else if (strcmp(b, "1")) {
		report_file(&r, head, "unsupported version \"%s\" (this runner reads nnref 1)", b);
	} else {
		while ((s = next_line(&r))) {
			if (strncmp(s, "case", 4) == 0 && (s[4] == '\0' || isspace((unsigned char)s[4])))
				cases_seen++;
			read_line(&r, s);
		}
		if (r.in_case) {
			if (r.filling)
				short_values(&r);
			ref_fail(&r.c, 0, "the file ends before the case's \"end\"");
			finish_case(&r);
		}
		if (!cases_seen)
			report_file(&r, head, "no cases after the header");
	}
	free(r.buf);
	*passed += r.passed;
	*failed += r.failed;
}

int main(int argc, char **argv)
{
	size_t passed = 0, failed = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE.nnref...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		run_file(argv[i], &passed, &failed);
	printf("%zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}
