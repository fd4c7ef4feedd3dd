/* param.c: a directive's parameters as typed values, with the schema's defaults.
 * Must not draw or keep state. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "widgets/widget.h"

static const Param *param(const Instance *in, const char *key)
{
	return in->block->kind == BLOCK_WIDGET ? widget_param(&in->block->widget, key) : NULL;
}

/* The schema's default for key as written in a lesson, or NULL. */
static const char *default_of(const Instance *in, const char *key)
{
	size_t i;

	for (i = 0; in->schema && i < in->schema->nparams; i++)
		if (strcmp(in->schema->params[i].name, key) == 0)
			return in->schema->params[i].def;
	return NULL;
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
		return p->num;
	if (p && p->kind == VALUE_LIST && p->nitems && p->items[0].is_num)
		return p->items[0].num;
	d = default_of(in, key);
	if (!d)
		return def;
	v = strtod(d, &end);
	return end != d ? v : def;
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
		*lo = p->lo;
		*hi = p->hi;
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

size_t widget_nums(const Instance *in, const char *key, double *out, size_t max)
{
	const Param *p = param(in, key);
	size_t i;

	if (!p)
		return 0;
	if (p->kind == VALUE_NUMBER) {
		if (max)
			out[0] = p->num;
		return 1;
	}
	if (p->kind != VALUE_LIST)
		return 0;
	for (i = 0; i < p->nitems && i < max; i++)
		out[i] = p->items[i].is_num ? p->items[i].num : 0;
	return p->nitems;
}

size_t widget_nwords(const Instance *in, const char *key)
{
	const Param *p = param(in, key);

	if (!p)
		return 0;
	return p->kind == VALUE_LIST ? p->nitems : 1;
}

const char *widget_word(const Instance *in, const char *key, size_t i)
{
	const Param *p = param(in, key);

	if (!p)
		return NULL;
	if (p->kind == VALUE_LIST)
		return i < p->nitems ? p->items[i].str : NULL;
	return i == 0 ? p->str : NULL;
}
