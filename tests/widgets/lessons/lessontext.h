/* lessontext.h: what the lesson suites share: a lesson file of the course read as text,
 * checks that it states a sentence or a number, and a scene of its own widgets.
 * Links the widget harness (wtest.h) and Check; no terminal. */
#ifndef NN_TESTS_WIDGETS_LESSONS_LESSONTEXT_H
#define NN_TESTS_WIDGETS_LESSONS_LESSONTEXT_H

#include <stddef.h>

#include "widgets/wtest.h"

/* The lesson file last read by lt_load, NUL-terminated. */
extern char *lt_text;

/* Reads content/<rel> ("level2/xor.lesson") into lt_text (the test fails if it cannot). */
void lt_load(const char *rel);

/* Frees lt_text. */
void lt_free(void);

/* The lesson states s somewhere, a line break and the indent after it counting as
 * one space (the test fails otherwise). */
void lt_states(const char *s);

/* The lesson states prefix followed by v rounded to d places. */
void lt_says(double v, int d, const char *prefix);

/* Opens t with the lesson's own directives: the widgets with these ids, each taken
 * from "@widget KIND id=ID" to its "@end". */
void lt_open_widgets(WTest *t, const char *const *ids, size_t n);

#endif
