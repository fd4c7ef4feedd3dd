/* schema.c: looking up widget schemas and parameter specs in a table it is given.
 * Must not include src/widgets: the table comes from the caller. */
#include <config.h>

#include <string.h>

#include "lesson/schema.h"

const WidgetSchema *schema_at(const SchemaTable *t, size_t i)
{
	return (const WidgetSchema *)(const void *)((const char *)t->first + i * t->stride);
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
	static const char *const names[] = {"number", "int",  "range",  "numbers", "words",
	                                    "string", "bool", "choice", "ref"};

	return (size_t)t < sizeof names / sizeof *names ? names[t] : "?";
}
