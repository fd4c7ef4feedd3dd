/* qtest.h: what the quiz suites share: a parsed lesson with one quiz of every kind and
 * its scene, drawing a form to text, sending keys, an in-memory Store.
 * Links with the widgets and the layers below, and Check. */
#ifndef NN_TESTS_WIDGETS_QTEST_H
#define NN_TESTS_WIDGETS_QTEST_H

#include <stdbool.h>
#include <stdint.h>

#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/quiz/quiz.h"
#include "widgets/core/widget.h"

enum { WIDTH = 64 };

extern Lesson *lesson;
extern Scene scene;

/* The fixture: parses the lesson (no diagnostics) and makes its scene of six quizzes. */
void setup(void);
void teardown(void);

/* The quiz instance with this id (failing the test when there is none). */
Instance *quiz(const char *id);

/* The form drawn at WIDTH as text (free it); *cx, *cy get the cursor when focused. */
char *draw_focus(const Instance *in, bool unicode, bool focused, int *cx, int *cy);
char *draw_at(const Instance *in, bool unicode, int *cx, int *cy);

/* Whether the form, drawn focused, shows needle; whether, in ASCII, it reads text. */
bool shows(const Instance *in, bool unicode, const char *needle);
bool reads(const Instance *in, const char *text);

/* Keys: one key, a character, Enter, and UTF-8 text typed character by character. */
unsigned key(Instance *in, KeyCode code, uint32_t ch, unsigned mods);
unsigned chr(Instance *in, uint32_t ch);
unsigned enter(Instance *in);
void type(Instance *in, const char *s);

/* An in-memory Store of a few keys. */
typedef struct {
	char keys[16][32], values[16][600];
	int n;
} Mem;

const char *mem_get(void *ctx, const char *k);
void mem_set(void *ctx, const char *k, const char *v);
Store mem_store(Mem *m);

/* Saves the form into a fresh m and returns the value of k, or NULL. */
const char *saved(const Instance *in, Mem *m, const char *k);

#endif
