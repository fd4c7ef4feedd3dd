/* schema.c: looking up widget schemas and parameter specs in a table it is given.
 * Must not include src/widgets: the table comes from the caller. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lesson/schema.h"
#include "nls.h"

const WidgetSchema *schema_at(const SchemaTable *t, size_t i)
{
	return t->at(i);
}

const WidgetSchema *schema_find(const SchemaTable *t, const char *name)
{
	size_t i;

	for (i = 0; t && i < t->n; i++)
		if (strcmp(schema_at(t, i)->name, name) == 0)
			return schema_at(t, i);
	return NULL;
}

const ParamSpec *schema_param(const WidgetSchema *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->nparams; i++)
		if (strcmp(w->params[i].name, name) == 0)
			return &w->params[i];
	return NULL;
}

bool schema_choice(const char *choices, const char *word)
{
	size_t n = strlen(word);
	const char *p = choices;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && memcmp(p, word, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

const char *schema_type_name(ParamType t)
{
	static const char *const names[] = {"number", "int",    "range", "numbers", "words",
	                                    "string", "bool",   "choice", "ref", "refs"};

	return (size_t)t < sizeof names / sizeof *names ? names[t] : "?";
}

const OutputSpec *schema_output(const WidgetSchema *w, const char *name)
{
	size_t i;

	if (!name || !*name)
		return w->noutputs ? &w->outputs[0] : NULL;
	for (i = 0; i < w->noutputs; i++)
		if (strcmp(w->outputs[i].name, name) == 0)
			return &w->outputs[i];
	return NULL;
}

const OutputSpec *schema_output_for(const WidgetSchema *w, const char *name,
				    unsigned accepts)
{
	const OutputSpec *o;
	size_t i;

	if (name && *name) {
		o = schema_output(w, name);
		return o && (!accepts || (o->type & accepts)) ? o : NULL;
	}
	for (i = 0; i < w->noutputs; i++)
		if (!accepts || (w->outputs[i].type & accepts))
			return &w->outputs[i];
	return NULL;
}

const char *schema_data_names(unsigned bits, char *buf, size_t size)
{
	static const char *const names[] = {N_("a number"), N_("numbers"), N_("a matrix"),
	                                    N_("points"),   N_("series"),  N_("a model"),
	                                    N_("text")};
	size_t i, o = 0;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		if (!(bits & (1u << i)))
			continue;
		int n = snprintf(buf + o, o < size ? size - o : 0, "%s%s", o ? _(" or ") : "", _(names[i]));
		if (n < 0 || o + (size_t)n >= size)
			break;
		o += (size_t)n;
	}
	return buf;
}

size_t schema_ref_id_len(const char *ref)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;

	return ref ? (colon ? (size_t)(colon - ref) : strlen(ref)) : 0;
}
