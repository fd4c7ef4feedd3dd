/* glossary.h: the course's glossary: every term a lesson defines with @term, with its
 * definition and the unit that teaches it, sorted; and the checks on terms and links.
 * No terminal; never prints: errors are diagnostics. */
#ifndef NN_LESSON_GLOSSARY_H
#define NN_LESSON_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/diag.h"
#include "lesson/model.h"

typedef struct {
	const char *name, *def;
	const CourseLesson *lesson; /* the lesson whose file defines it */
	size_t unit;                /* the unit's place in lesson->lesson->units */
	int block; /* the unit's block that defines it: the last one before the @term
	            * line, or the heading just above that; -1: the unit's start */
	const char *unit_id;
	const char *unit_title; /* the unit's title in the index, or NULL */
	int line;               /* of its @term line in lesson->lesson->file */
	size_t order;           /* its place in the course, in reading order */
} GlossEntry;

typedef struct {
	GlossEntry *v; /* sorted by name, ignoring ASCII case; a name given twice keeps
	                * course order */
	size_t n;
} Glossary;

/* Collects the terms of every written lesson of c (reading those not read yet). Returns 0, or -1 when out
 * of memory (*g is then empty). Free with glossary_free. */
int glossary_collect(Glossary *g, const Course *c);

void glossary_free(Glossary *g);

/* Compares two names as the glossary sorts them: ASCII letters without case. */
int glossary_cmp(const char *a, const char *b);

/* The first entry called name (ignoring ASCII case), or NULL. */
const GlossEntry *glossary_find(const Glossary *g, const char *name);

/* True when filter (ignoring ASCII case) is a part of the entry's name; an empty
 * filter matches every entry. */
bool glossary_matches(const GlossEntry *e, const char *filter);

/* Checks the terms of c: a name defined twice in two lessons (once in a lesson is
 * lesson_check's), and every link of a loaded lesson naming a term nothing defines.
 * Returns the number of diagnostics added to d. */
size_t glossary_check(const Course *c, DiagList *d);

/* The same checks gathered one lesson at a time, so that each lesson can be freed once
 * added: new, add every lesson in course order, check (the diagnostics glossary_check
 * gives, in its order), free. marks_new returns NULL when out of memory. */
typedef struct GlossMarks GlossMarks;
GlossMarks *glossary_marks_new(void);
void glossary_marks_add(GlossMarks *m, const Lesson *l);
size_t glossary_marks_check(GlossMarks *m, DiagList *d);
void glossary_marks_free(GlossMarks *m);

/* Checks one lesson alone: a name defined twice in it. Returns the number of
 * diagnostics added to d. */
size_t glossary_check_lesson(const Lesson *l, DiagList *d);

#endif
