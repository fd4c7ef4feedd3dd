/* registry.h: the table of widget kinds, looked up by the stable name lessons use.
 * May include lesson (the schema types); must not own the main loop or the terminal. */
#ifndef NN_WIDGETS_REGISTRY_H
#define NN_WIDGETS_REGISTRY_H

#include <stddef.h>

#include "lesson/schema.h"

/* One row per widget kind. For now the row is its parameter schema; the widget
 * toolkit adds its functions (init, free, draw, key, tick, save, restore) here. */
typedef struct {
	WidgetSchema schema;
} WidgetKind;

/* Returns the table and sets *n to its number of rows. */
const WidgetKind *registry_kinds(size_t *n);

/* Returns the kind called name, or NULL. */
const WidgetKind *registry_find(const char *name);

/* Returns the table as the lesson checker reads it. */
SchemaTable registry_schemas(void);

#endif
