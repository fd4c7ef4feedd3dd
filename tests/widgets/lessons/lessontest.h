/* lessontest.h: what the lesson suites share: a lesson file of content/ read as text,
 * checks that it states a number or a sentence, and a scene of its own widgets (their
 * directives taken from the file). Links the widget harness (wtest.h) and Check. */
#ifndef NN_TESTS_WIDGETS_LESSONTEST_H
#define NN_TESTS_WIDGETS_LESSONTEST_H

#include <stddef.h>

#include "lesson/model.h"
#include "widgets/wtest.h"

/* The lesson file under test, as read by lt_load (NULL before). */
extern char *lt_text;

/* Reads content/<rel> (such as "level2/xor.lesson") into lt_text. */
void lt_load(const char *rel);

/* Frees lt_text (and its parse). */
void lt_free(void);

/* lt_text parsed by the lesson parser (the test fails on any diagnostic); kept until
 * lt_free. */
const Lesson *lt_lesson(void);

/* Quiz id of lt_text (the first quiz for NULL); the test fails when there is none. */
const Quiz *lt_quiz(const char *id);

/* The lesson states s somewhere, a line break and the indent after it counting as one
 * space (the test fails when it does not). */
void lt_states(const char *s);

/* The lesson states prefix followed by v rounded to d places. */
void lt_says(double v, int d, const char *prefix);

/* The number in quiz id's field ("answer", "tolerance"), which must come before the
 * quiz's @end. */
double lt_quiz_field(const char *id, const char *field);

/* v rounded to places decimals (as a lesson writes a foreseen wrong answer). */
double lt_round(double v, int places);

/* Quiz id's answer is v, within its tolerance. */
void lt_quiz_answer_is(const char *id, double v);

/* Text t as one string in buf (its spans one after the other, without their markup);
 * returns buf. */
const char *lt_flat(char *buf, size_t size, const Text *t);

/* Quiz id foresees the wrong answer v: it has a line "wrong: v | ..." (v written as %g). */
void lt_quiz_wrong(const char *id, double v);

/* Opens t on a scene of the lesson's own directives: the widgets with these ids, each
 * taken from "@widget KIND id=ID" to its "@end". */
void lt_open_widgets(WTest *t, const char *const *ids, size_t n);

#endif
