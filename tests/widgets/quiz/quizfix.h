/* quizfix.h: the quiz suites' fixture: a lesson with one quiz of every kind and its
 * scene (setup, teardown), and short names for the shared harness's helpers at the
 * fixture's width (widgets/wtest.h does the work). Check, libc and the widget layer. */
#ifndef NN_TESTS_WIDGETS_QUIZ_QUIZFIX_H
#define NN_TESTS_WIDGETS_QUIZ_QUIZFIX_H

#include "widgets/quiz/quiz.h"
#include "widgets/wtest.h"

enum { WIDTH = 64 };

extern Lesson *lesson;
extern Scene scene;

/* The fixture: parses the lesson (no diagnostics) and makes its scene of six quizzes. */
void setup(void);
void teardown(void);

/* The quiz instance with this id (failing the test when there is none). */
Instance *quiz(const char *id);

/* Whether the form, drawn focused, shows needle; whether, in ASCII, it reads text. */
bool shows(const Instance *in, bool unicode, const char *needle);
bool reads(const Instance *in, const char *text);

/* The form drawn at WIDTH as text (free it); *cx, *cy get the cursor when focused. */
static inline char *draw_focus(const Instance *in, bool unicode, bool focused, int *cx, int *cy)
{
	Caps caps = {unicode, 0};

	return wt_text(in, WIDTH, caps, focused, cx, cy);
}

static inline char *draw_at(const Instance *in, bool unicode, int *cx, int *cy)
{
	return draw_focus(in, unicode, true, cx, cy);
}

static inline unsigned key(Instance *in, KeyCode code, uint32_t ch, unsigned mods)
{
	return wt_keymod(in, code, ch, mods);
}

static inline unsigned chr(Instance *in, uint32_t ch)
{
	return wt_char(in, ch);
}

static inline unsigned enter(Instance *in)
{
	return wt_key(in, K_ENTER);
}

static inline void type(Instance *in, const char *s)
{
	wt_type(in, s, false);
}

/* The harness's in-memory Store. */
typedef MemStore Mem;

static inline const char *mem_get(Mem *m, const char *k)
{
	return memstore_get(m, k);
}

static inline void mem_set(Mem *m, const char *k, const char *v)
{
	memstore_set(m, k, v);
}

static inline Store mem_store(Mem *m)
{
	memstore_init(m);
	return m->store;
}

static inline const char *saved(const Instance *in, Mem *m, const char *k)
{
	return wt_saved(in, m, k);
}

#endif
