/* checker.h: what the two halves of the lesson checker share (check.c: ids, values
 * against the schemas, the entry points; check-refs.c: references between widgets and
 * their cycles). Internal to src/lesson: must not include src/widgets or print. */
#ifndef NN_LESSON_CHECKER_H
#define NN_LESSON_CHECKER_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/lesson.h"

typedef struct {
	const char *id;
	int line, col;
	const Block *widget; /* the widget's block; NULL for a quiz or a @steps block */
} IdEntry;

typedef struct {
	const Lesson *l;
	DiagList *d;
	const SchemaTable *t; /* NULL: no widget checks */
	IdEntry *ids;         /* widgets, quizzes and @steps blocks, sorted by id then line */
	size_t nids;
	size_t added;
} Checker;

/* Reports an error at line:col of the lesson, quoting the line (check.c). */
void check_error(Checker *k, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The block of the widget the first n bytes of id name, or NULL (check.c). */
const Block *check_widget_named(const Checker *k, const char *id, size_t n);

/* Where item i of p's value is written: its own line and column (a list may be written
 * over several lines), or the value's (check.c). */
void check_item_at(const Param *p, size_t i, int *line, int *col);

/* The number of items of list parameter p into *n; reports and returns false when s
 * allows another number. */
bool check_length(Checker *k, const Param *p, const ParamSpec *s, size_t *n);

/* Checks the references of parameter p (spec s, of type ref or refs): each names a
 * widget of the lesson that gives what s accepts (check-refs.c). */
void check_ref(Checker *k, const Param *p, size_t item, const ParamSpec *s, const char *ref);
void check_refs(Checker *k, const Param *p, const ParamSpec *s);

/* Reports every cycle of references between widgets (through only, when given)
 * (check-refs.c). */
void check_cycles(Checker *k, const Block *only);

#endif
