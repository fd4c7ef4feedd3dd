/* param.c: a directive's parameters as typed values, with the schema's defaults; and
 * whole numbers and flags a widget keeps in its Store. Must not draw or keep state. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/core/widget.h"

static const Param *param(const Instance *in, const char *key)
{
	return in->block->kind == BLOCK_WIDGET ? widget_param(&in->block->widget, key) : NULL;
}

static const ParamSpec *spec_of(const Instance *in, const char *key)
{
	return in->schema ? schema_param(in->schema, key) : NULL;
}

/* The schema's default for key as written in a lesson, or NULL. */
static const char *default_of(const Instance *in, const char *key)
{
	const ParamSpec *s = spec_of(in, key);

	return s ? s->def : NULL;
}

/* v within the schema's bounds for key (a whole number for PARAM_INT; NaN becomes the
 * lower bound). The scene already refuses directives out of range; this keeps every
 * value a kind reads inside its schema whatever the caller, at no cost. */
static double clamp(const Instance *in, const char *key, double v)
{
	const ParamSpec *s = spec_of(in, key);

	if (!s || (s->min == 0 && s->max == 0))
		return v;
	if (!(v >= s->min))
		v = s->min;
	if (v > s->max)
		v = s->max;
	return s->type == PARAM_INT ? floor(v + 0.5) : v;
}

static bool parse_bool(const char *s, bool def)
{
	if (!s)
		return def;
	if (!strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "on") || !strcmp(s, "1"))
		return true;
	if (!strcmp(s, "no") || !strcmp(s, "false") || !strcmp(s, "off") || !strcmp(s, "0"))
		return false;
	return def;
}

double widget_num(const Instance *in, const char *key, double def)
{
	const Param *p = param(in, key);
	const char *d;
	char *end;
	double v;

	if (p && p->kind == VALUE_NUMBER)
		return clamp(in, key, p->num);
	if (p && p->kind == VALUE_LIST && p->nitems && p->items[0].is_num)
		return clamp(in, key, p->items[0].num);
	d = default_of(in, key);
	if (!d)
		return def;
	v = strtod(d, &end);
	return end != d ? clamp(in, key, v) : def;
}

bool widget_bool(const Instance *in, const char *key, bool def)
{
	const Param *p = param(in, key);

	if (p && (p->kind == VALUE_WORD || p->kind == VALUE_STRING))
		return parse_bool(p->str, def);
	if (p && p->kind == VALUE_NUMBER)
		return p->num != 0;
	return parse_bool(default_of(in, key), def);
}

const char *widget_str(const Instance *in, const char *key, const char *def)
{
	const Param *p = param(in, key);
	const char *d;

	if (p && p->str)
		return p->str;
	d = default_of(in, key);
	return d ? d : def;
}

bool widget_range(const Instance *in, const char *key, double *lo, double *hi)
{
	const Param *p = param(in, key);
	const char *d, *dots;
	char *end;

	if (p && p->kind == VALUE_RANGE) {
		*lo = clamp(in, key, p->lo);
		*hi = clamp(in, key, p->hi);
		return true;
	}
	d = default_of(in, key);
	if (!d || !(dots = strstr(d, "..")))
		return false;
	*lo = strtod(d, &end);
	if (end != dots)
		return false;
	*hi = strtod(dots + 2, &end);
	return *end == '\0';
}

/* n items, or at most the schema's longest list for key. */
static size_t count(const Instance *in, const char *key, size_t n)
{
	const ParamSpec *s = spec_of(in, key);

	return s && s->nmax > 0 && n > (size_t)s->nmax ? (size_t)s->nmax : n;
}

/* The schema's default of a list of numbers ("8,8") into out; returns the count. */
static size_t default_nums(const Instance *in, const char *key, double *out, size_t max)
{
	const char *d = default_of(in, key);
	size_t n = 0;
	char *end;

	while (d && *d) {
		double v = strtod(d, &end);
		if (end == d)
			break;
		if (n < max)
			out[n] = clamp(in, key, v);
		n++;
		d = *end == ',' ? end + 1 : end;
	}
	return count(in, key, n);
}

size_t widget_nums(const Instance *in, const char *key, double *out, size_t max)
{
	const Param *p = param(in, key);
	size_t i;

	if (!p)
		return default_nums(in, key, out, max);
	if (p->kind == VALUE_NUMBER) {
		if (max)
			out[0] = clamp(in, key, p->num);
		return 1;
	}
	if (p->kind != VALUE_LIST)
		return 0;
	for (i = 0; i < p->nitems && i < max; i++)
		out[i] = clamp(in, key, p->items[i].is_num ? p->items[i].num : 0);
	return count(in, key, p->nitems);
}

size_t widget_nwords(const Instance *in, const char *key)
{
	const Param *p = param(in, key);

	if (!p)
		return default_of(in, key) ? 1 : 0; /* a list's default is one word */
	return p->kind == VALUE_LIST ? count(in, key, p->nitems) : 1;
}

const char *widget_word(const Instance *in, const char *key, size_t i)
{
	const Param *p = param(in, key);

	if (!p)
		return i == 0 ? default_of(in, key) : NULL;
	if (p->kind == VALUE_LIST)
		return i < count(in, key, p->nitems) ? p->items[i].str : NULL;
	return i == 0 ? p->str : NULL;
}

void store_put_int(const Store *s, const char *key, int v)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", v);
	s->set(s->ctx, key, buf);
}

int store_get_int(const Store *s, const char *key, int lo, int hi, int def)
{
	const char *v = s->get(s->ctx, key);
	char *end;
	long n;

	if (!v)
		return def;
	n = strtol(v, &end, 10);
	return *end == '\0' && end != v && n >= lo && n <= hi ? (int)n : def;
}

void store_put_flags(const Store *s, const char *key, uint32_t bits, int n)
{
	char buf[33];
	int i;

	for (i = 0; i < n && i < 32; i++)
		buf[i] = (bits >> i) & 1u ? '1' : '0';
	buf[i] = '\0';
	s->set(s->ctx, key, buf);
}

bool store_get_flags(const Store *s, const char *key, int n, uint32_t *bits)
{
	const char *v = s->get(s->ctx, key);
	uint32_t got = 0;
	int i;

	if (!v || n > 32 || (int)strlen(v) != n)
		return false;
	for (i = 0; i < n; i++) {
		if (v[i] != '0' && v[i] != '1')
			return false;
		if (v[i] == '1')
			got |= 1u << i;
	}
	*bits = got;
	return true;
}
