/* registry.h: the list of widget kinds (core/kinds.def), looked up by the stable name
 * lessons use. Each kind defines itself in its own file (a WidgetKind, widget.h).
 * May include lesson (the schema types); must not own the main loop or the terminal. */
#ifndef NN_WIDGETS_REGISTRY_H
#define NN_WIDGETS_REGISTRY_H

#include <stddef.h>

#include "lesson/schema.h"
#include "widgets/core/widget.h"

/* Every kind, declared from the list. */
#define KIND(name) extern const WidgetKind name##_kind;
#include "widgets/core/kinds.def"
#undef KIND

/* The number of kinds, and kind i of them (i < registry_count()), in the list's order. */
size_t registry_count(void);
const WidgetKind *registry_kind(size_t i);

/* Returns the kind called name, or NULL. */
const WidgetKind *registry_find(const char *name);

/* Whether w is a widget whose kind (found by name) has a goal for it: a game, or a
 * trainer given one (kind_has_goal). False for an unknown kind. */
bool registry_has_goal(const Widget *w);

/* Returns the kinds' schemas as the lesson checker reads them. */
SchemaTable registry_schemas(void);

#endif
