/* nnref-case.c: the reference runner's access to a case: inputs, parameters, outputs,
 * gradient buffers, errors with file:line. Links libc only. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nnref.h"

int ref_fail(RefCase *c, long line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (c->err[0])
		return -1;
	n = snprintf(c->err, sizeof c->err, "%s:%ld: ", c->file, line ? line : c->line);
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof c->err)
		vsnprintf(c->err + n, sizeof c->err - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

RefTensor *ref_find(RefCase *c, RefKind kind, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_t; i++)
		if (c->t[i].kind == kind && strcmp(c->t[i].name, name) == 0)
			return &c->t[i];
	return NULL;
}

RefTensor *ref_opt_in(RefCase *c, const char *name, int rank)
{
	RefTensor *t = ref_find(c, REF_IN, name);

	if (!t)
		return NULL;
	t->used = 1;
	if (rank >= 0 && t->rank != (size_t)rank) {
		ref_fail(c, t->line, "%s has %zu dimensions, %s takes %d", name, t->rank, c->op, rank);
		return NULL;
	}
	return t;
}

RefTensor *ref_in(RefCase *c, const char *name, int rank)
{
	RefTensor *t = ref_opt_in(c, name, rank);

	if (!t && !ref_find(c, REF_IN, name))
		ref_fail(c, 0, "%s needs an input %s", c->op, name);
	return t;
}

int ref_rank(RefCase *c, const RefTensor *t, size_t lo, size_t hi)
{
	if (t->rank >= lo && t->rank <= hi)
		return 0;
	if (lo == hi)
		return ref_fail(c, t->line, "%s has %zu dimensions, %s takes %zu", t->name, t->rank,
		                c->op, lo);
	return ref_fail(c, t->line, "%s has %zu dimensions, %s takes %zu to %zu", t->name, t->rank,
	                c->op, lo, hi);
}

int ref_dim(RefCase *c, const RefTensor *t, size_t k, size_t want)
{
	if (t->dims[k] == want)
		return 0;
	return ref_fail(c, t->line, "%s: dimension %zu is %zu, expected %zu", t->name, k + 1,
	                t->dims[k], want);
}

static const RefParam *param(const RefCase *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->n_params; i++)
		if (strcmp(c->params[i].key, key) == 0)
			return &c->params[i];
	return NULL;
}

size_t ref_int(RefCase *c, const char *key, size_t def, size_t min, int required)
{
	const RefParam *p = param(c, key);

	if (!p) {
		if (required)
			ref_fail(c, 0, "%s needs the parameter %s", c->op, key);
		return def;
	}
	if (p->value != floor(p->value) || p->value < (double)min || p->value > 1e9) {
		ref_fail(c, 0, "%s=%.17g: expected an integer >= %zu", key, p->value, min);
		return def;
	}
	return (size_t)p->value;
}

double ref_real(RefCase *c, const char *key, double def)
{
	const RefParam *p = param(c, key);

	return p ? p->value : def;
}

void *ref_scratch(RefCase *c, size_t n, size_t size)
{
	void *p;

	if (c->n_scratch == REF_MAX_TENSORS) {
		ref_fail(c, 0, "internal: too many buffers");
		return NULL;
	}
	if (!(p = calloc(n ? n : 1, size))) {
		ref_fail(c, 0, "out of memory");
		return NULL;
	}
	return c->scratch[c->n_scratch++] = p;
}

double *ref_out(RefCase *c, size_t rank, const size_t *dims)
{
	size_t k, n = 1;

	for (k = 0; k < rank; k++)
		n *= c->ydims[k] = dims[k];
	c->yrank = rank;
	c->ycount = n;
	return c->y = ref_scratch(c, n, sizeof *c->y);
}

void ref_shape_text(char *buf, size_t len, const size_t *dims, size_t rank)
{
	size_t k, at = 0;

	buf[0] = '\0';
	for (k = 0; k < rank && at < len; k++)
		at += (size_t)snprintf(buf + at, len - at, "%s%zu", k ? "," : "", dims[k]);
}

int ref_same_shape(RefCase *c, const RefTensor *t, const size_t *dims, size_t rank)
{
	char a[64], b[64];

	if (t->rank == rank && memcmp(t->dims, dims, rank * sizeof *dims) == 0)
		return 0;
	ref_shape_text(a, sizeof a, t->dims, t->rank);
	ref_shape_text(b, sizeof b, dims, rank);
	return ref_fail(c, t->line, "%s has shape [%s], expected [%s]", t->name, a, b);
}

const double *ref_seed(RefCase *c)
{
	RefTensor *y = ref_find(c, REF_OUT, "y"), *s = ref_find(c, REF_SEED, "dy");

	/* the output's shape first: a wrong one is the clearer message */
	if (y && ref_same_shape(c, y, c->ydims, c->yrank))
		return NULL;
	if (!s) {
		ref_fail(c, 0, "no seed dy");
		return NULL;
	}
	return ref_same_shape(c, s, c->ydims, c->yrank) ? NULL : s->v;
}

double *ref_grad(RefCase *c, RefTensor *t)
{
	if (!t)
		return NULL;
	if (!t->grad)
		t->grad = ref_scratch(c, t->count, sizeof *t->grad);
	return t->grad;
}

int ref_indices(RefCase *c, RefTensor *t, size_t *idx, size_t limit)
{
	size_t i;

	for (i = 0; i < t->count; i++) {
		double v = t->v[i];
		if (v != floor(v) || v < 0 || v >= (double)limit)
			return ref_fail(c, t->line, "%s[%zu] = %.17g is not a class index below %zu",
			                t->name, i, v, limit);
		idx[i] = (size_t)v;
	}
	return 0;
}

void ref_case_free(RefCase *c)
{
	size_t i;

	for (i = 0; i < c->n_t; i++)
		free(c->t[i].v);
	for (i = 0; i < c->n_scratch; i++)
		free(c->scratch[i]);
	memset(c, 0, sizeof *c);
}

