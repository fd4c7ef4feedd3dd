/* doc-ctx.h: what the parts of the lesson layout share (doc.c: blocks and units;
 * doc-text.c: styled text and wrapping; doc-slot.c: widget and quiz slots, answers;
 * doc-code.c: code blocks; doc-steps.c: @steps).
 * Internal to src/draw; must not include curses. */
#ifndef NN_DRAW_DOC_CTX_H
#define NN_DRAW_DOC_CTX_H

#include <stdint.h>

#include "draw/doc.h"

/* Text with a style per byte, built from a model Text, then wrapped. */
typedef struct {
	char *s;
	uint8_t *st;
	size_t n, cap;
} Styled;

/* The layout being built. */
typedef struct {
	DocLayout *d;
	const DocOptions *o;
	int y;            /* the next free row */
	int unit, block;  /* what rows made now belong to */
	size_t rows_cap, slots_cap;
	int quizzes;      /* numbered so far */
	int nested;       /* inside a @steps block: no wide slots */
	int fail;         /* out of memory */
	Styled t;         /* scratch text */
} Ctx;

/* Text helpers (doc-text.c). */
const char *doc_glyph(const Ctx *c, const char *uni, const char *ascii);
int doc_ensure(Ctx *c, int n);
int doc_row(Ctx *c);
void doc_blank(Ctx *c);
void doc_styled_add(Ctx *c, const char *s, size_t n, Style st);
void doc_styled_text(Ctx *c, const Text *text, Style base);
void doc_emit(Ctx *c, int x, int w, const char *prefix, Style prefix_style, int hang);
void doc_emit_text(Ctx *c, const Text *t, Style st, int x, int w, const char *prefix,
		   Style prefix_style, int hang);
void doc_emit_str(Ctx *c, const char *s, Style st, int x, int w);

/* Any block at x, w wide (doc.c). */
void doc_block(Ctx *c, const Block *b, int x, int w);

/* A @code block (doc-code.c). */
void doc_code(Ctx *c, const Code *k, int x, int w);

/* A @steps block: the steps shown, then the slot of its control (doc-steps.c). The
 * number of steps shown at b (all with plain). */
void doc_steps(Ctx *c, const Block *b, int x, int w);
int doc_steps_shown(const Ctx *c, const Block *b);

/* Slots and answers (doc-slot.c). */
void doc_slot(Ctx *c, const Block *b, int x, int w);
void doc_answers(Ctx *c, int x, int w);

#endif
