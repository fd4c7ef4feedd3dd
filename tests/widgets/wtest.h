/* wtest.h: what the widget suites share: a lesson parsed from a few directives, a
 * widget drawn to text in UTF-8 and in ASCII, keys, and a small in-memory Store.
 * Links the widget layer and Check; no terminal. */
#ifndef NN_TESTS_WIDGETS_WTEST_H
#define NN_TESTS_WIDGETS_WTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/widget.h"

typedef struct {
	Lesson *lesson;
	Scene scene;
} WTest;

/* The one harness of the widget suites: every suite under tests/widgets uses these
 * (the quiz suites add their fixture lesson, quiz/quizfix.h). */

/* Parses a lesson whose one unit holds body (directives such as "@widget switch ...
 * \nalt: x\n@end\n"), fails the test on any diagnostic, and starts its scene. */
void wt_open(WTest *t, const char *body);

/* Like wt_open without the checker: a directive that fails it becomes the scene's
 * problem stand-in, as in a lesson that --check would refuse. */
void wt_open_unchecked(WTest *t, const char *body);

/* Parses and checks the real lesson file rel (under the source tree, "content/..."),
 * fails the test on any diagnostic, and starts the scene of all its widgets. */
void wt_open_file(WTest *t, const char *rel);

/* Frees the scene and the lesson. */
void wt_close(WTest *t);

/* The instance with this id (the test fails when there is none). */
Instance *wt_get(WTest *t, const char *id);

/* in drawn at width w (its own height) into a grid, as text, followed by a line
 * "cursor x,y" when it placed the cursor. The caller frees it. */
char *wt_draw(const Instance *in, int w, Caps caps, bool focused);

/* Like wt_draw; with styles, a "-- styles" block follows the text: one letter per
 * cell ('.' normal, F focus, a accent, b bold, d dim, k key, g good), trailing dots cut. */
char *wt_draw_styled(const Instance *in, int w, Caps caps, bool focused, bool styles);

/* Draws in at width w unfocused and focused, in UTF-8 (with its styles) and in ASCII
 * without colours, into one text, and compares it with tests/widgets/golden/<name>.txt. */
void wt_golden(const char *name, const Instance *in, int w);

/* Like wt_golden without the styles: UTF-8 unfocused and focused, ASCII focused. */
void wt_golden_plain(const char *name, const Instance *in, int w);

/* The number the widget id publishes (the test fails when it has none). */
double wt_value(WTest *t, const char *id);

/* The number in's scalar output `name` publishes (the test fails when it has none). */
double wt_scalar(const Instance *in, const char *name);

/* in drawn at width w as plain text (no cursor line); *cx, *cy (when cx is not NULL)
 * get where it put the cursor, -1 for none. The caller frees it. */
char *wt_text(const Instance *in, int w, Caps caps, bool focused, int *cx, int *cy);

/* Sends a key to in and returns the WIDGET_* bits. */
unsigned wt_keymod(Instance *in, KeyCode code, uint32_t ch, unsigned mods);
unsigned wt_key(Instance *in, KeyCode code);
unsigned wt_char(Instance *in, uint32_t ch);
/* Types the UTF-8 text s a character at a time (each must be taken), then Enter when
 * enter is true. */
void wt_type(Instance *in, const char *s, bool enter);

/* A Store of up to 16 keys in memory. */
typedef struct {
	char keys[16][64];
	char values[16][2048]; /* a drawing of 64 numbers fits */
	int n;
	Store store;
} MemStore;

void memstore_init(MemStore *m);

/* The value saved under key, or NULL; and setting one, as a widget would. */
const char *memstore_get(MemStore *m, const char *key);
void memstore_set(MemStore *m, const char *key, const char *value);

/* Saves in into m (emptied first) and returns what it saved under key, or NULL. */
const char *wt_saved(const Instance *in, MemStore *m, const char *key);

/* UTF-8 with 256 colours, UTF-8 without colours, ASCII without colours. */
extern const Caps wt_utf8, wt_mono, wt_ascii;

#endif
