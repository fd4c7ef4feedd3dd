/* registry.c: the list of widget kinds, made from core/kinds.def, and looking them up.
 * Data only: each kind's schema, functions and flags live in the kind's own file.
 * Must not depend on app. */
#include <config.h>

#include <string.h>

#include "widgets/core/registry.h"

static const WidgetKind *const kinds[] = {
#define KIND(name) &name##_kind,
#include "widgets/core/kinds.def"
#undef KIND
};

#define N_KINDS (sizeof kinds / sizeof *kinds)

size_t registry_count(void)
{
	return N_KINDS;
}

const WidgetKind *registry_kind(size_t i)
{
	return i < N_KINDS ? kinds[i] : NULL;
}

const WidgetKind *registry_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < N_KINDS; i++)
		if (strcmp(kinds[i]->schema.name, name) == 0)
			return kinds[i];
	return NULL;
}

static const WidgetSchema *schema_of(size_t i)
{
	return &kinds[i]->schema;
}

SchemaTable registry_schemas(void)
{
	SchemaTable t = {N_KINDS, schema_of};

	return t;
}

bool kind_has_goal(const WidgetKind *k, const Widget *w)
{
	const Param *p;

	if (k->flags & KIND_GOAL)
		return true;
	if (!k->goal_param || !(p = widget_param(w, k->goal_param)))
		return false;
	return p->kind == VALUE_NUMBER && p->num > 0;
}

bool registry_has_goal(const Widget *w)
{
	const WidgetKind *k = registry_find(w->kind);

	return k && kind_has_goal(k, w);
}
