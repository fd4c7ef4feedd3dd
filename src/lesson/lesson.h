/* lesson.h: parsing a lesson file into its document model.
 * No terminal and no screen size; never prints or exits: errors are diagnostics. */
#ifndef NN_LESSON_LESSON_H
#define NN_LESSON_LESSON_H

#include <stddef.h>

#include "lesson/diag.h"
#include "lesson/model.h"
#include "lesson/schema.h"

/* Parses n bytes of text, the content of the lesson file called file, into *out.
 * Diagnostics ("file:line:col: message") are added to d; parsing goes on after an
 * error where it can, up to d's limit. Returns LESSON_OK, or LESSON_ERR_INVALID with
 * *out holding what could be read, or LESSON_ERR_NOMEM with *out NULL. Any bytes are
 * accepted (see limits.h). The model keeps its own copy of file's name.
 * Free *out with lesson_free. */
LessonStatus lesson_parse(Lesson **out, const char *file, const char *text, size_t n, DiagList *d);

/* Checks what the parser cannot see line by line: every widget against its schema in
 * schemas (known kind, known keys, required keys, value types and ranges), widget and
 * quiz ids unique in the lesson, unit ids unique, and references (widget parameters
 * of type ref, a quiz's show=) naming a widget of the lesson. schemas may be NULL to
 * skip the widget checks. Returns the number of diagnostics added to d. */
size_t lesson_check(const Lesson *l, const SchemaTable *schemas, DiagList *d);

/* Checks one widget block b of l against its schema, as lesson_check does (kind, keys,
 * required keys, value types and ranges, references to ids of l); ids used twice are
 * not reported here. Returns the number of diagnostics added to d. */
size_t lesson_check_widget(const Lesson *l, const Block *b, const SchemaTable *schemas,
                           DiagList *d);

/* Frees a lesson and everything in it; NULL is allowed. */
void lesson_free(Lesson *l);

#endif
