/* registry.h: the table of widget kinds, looked up by the stable name lessons use.
 * May include lesson (the schema types); must not own the main loop or the terminal. */
#ifndef NN_WIDGETS_REGISTRY_H
#define NN_WIDGETS_REGISTRY_H

#include <stddef.h>

#include "lesson/schema.h"
#include "widgets/core/widget.h"

/* One row per widget kind: its parameter schema and its functions (NULL while the
 * kind has no live view: the player then shows its text alternative). */
typedef struct {
	WidgetSchema schema;
	const WidgetOps *ops;
} WidgetKind;

/* Returns the table and sets *n to its number of rows. */
const WidgetKind *registry_kinds(size_t *n);

/* Returns the kind called name, or NULL. */
const WidgetKind *registry_find(const char *name);

/* Returns the table as the lesson checker reads it. */
SchemaTable registry_schemas(void);

#endif
