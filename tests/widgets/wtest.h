/* wtest.h: what the widget suites share: a lesson parsed from a few directives, a
 * widget drawn to text in UTF-8 and in ASCII, keys, and a small in-memory Store.
 * Links the widget layer and Check; no terminal. */
#ifndef NN_TESTS_WIDGETS_WTEST_H
#define NN_TESTS_WIDGETS_WTEST_H

#include "lesson/model.h"
#include "widgets/core/widget.h"

typedef struct {
	Lesson *lesson;
	Scene scene;
} WTest;

/* Parses a lesson whose one unit holds body (directives such as "@widget switch ...
 * \nalt: x\n@end\n"), fails the test on any diagnostic, and starts its scene. */
void wt_open(WTest *t, const char *body);

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

/* Sends a key to in and returns the WIDGET_* bits. */
unsigned wt_key(Instance *in, KeyCode code);
unsigned wt_char(Instance *in, uint32_t ch);

/* A Store of up to 16 keys in memory. */
typedef struct {
	char keys[16][64];
	char values[16][1100];
	int n;
	Store store;
} MemStore;

void memstore_init(MemStore *m);

/* The value saved under key, or NULL. */
const char *memstore_get(MemStore *m, const char *key);

extern const Caps wt_utf8, wt_ascii;

#endif
