/* quiz-form.h: what the quiz files share: the form's state, the pen that both measures
 * and draws it, and the table of per-kind functions. Internal to src/widgets/quiz*.c.
 * Must not own the loop or write files. */
#ifndef NN_WIDGETS_QUIZ_FORM_H
#define NN_WIDGETS_QUIZ_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "draw/grid.h"
#include "lesson/model.h"
#include "ui/key.h"

typedef enum {
	QP_OPEN,  /* nothing checked since the start or a retry */
	QP_WRONG, /* the last answer checked was wrong: still open */
	QP_RIGHT, /* answered right: ended */
	QP_SHOWN  /* ended by showing the answer (recall: compared with the model answer) */
} QuizPhase;

/* Why a check did not happen. */
typedef enum {
	QN_NONE,
	QN_PICK,       /* single: nothing picked */
	QN_PICK_SOME,  /* multi: nothing ticked */
	QN_NUMBER,     /* numeric: empty */
	QN_NOT_NUMBER, /* numeric: not a number */
	QN_MATCH_ALL,  /* match: an item without its match */
	QN_WRITE       /* recall: nothing written */
} QuizNote;

enum { QUIZ_TEXT_MAX = 512 };

typedef struct QuizKindOps QuizKindOps;

typedef struct {
	const Quiz *q;
	const QuizKindOps *k;
	int number; /* "Question N." */
	QuizPhase phase;
	int score;    /* the first try: 1 right, 0 not, -1 not tried */
	bool solved;  /* answered right at some try (not by showing the answer) */
	bool ended;   /* answered at least once */
	bool touched; /* changed since it was made: worth saving */
	int hints;    /* hints shown */
	int n;        /* rows of the answer: choices, pairs, items */
	int cursor;   /* the current row */
	int grab;     /* order: the grabbed row, or -1 */
	QuizNote note;
	int *cur;  /* the answer being made (n ints; see each kind) */
	int *sub;  /* the last answer checked, for its feedback */
	int *opts; /* match: the right sides in the order shown */
	char text[QUIZ_TEXT_MAX], subtext[QUIZ_TEXT_MAX]; /* numeric, recall */
} QuizForm;

/* Writes rows from the top of a rectangle down; with g NULL it only counts them, so
 * height() and draw() share one function and cannot disagree. */
typedef struct {
	Grid *g;
	int x, y, w; /* the left column, the next row, the width */
	Caps caps;
	bool focused;
	int cx, cy; /* where the cursor goes, or -1 */
} Pen;

/* The per-kind part of a form. */
struct QuizKindOps {
	bool text;          /* the answer is f->text (numeric, recall), else f->cur */
	bool ends_on_wrong; /* recall: any answer ends the question */
	/* A fresh answer in cur (or text); the cursor on the first row. */
	void (*reset)(QuizForm *f);
	/* The right answer into cur (or text). */
	void (*solve)(QuizForm *f);
	/* Grades cur (or text): 1 right, 0 wrong, -1 not ready (sets f->note). */
	int (*check)(QuizForm *f);
	/* Edits the answer; returns WIDGET_* bits (WIDGET_IGNORED for keys it leaves). */
	unsigned (*key)(QuizForm *f, const Key *k);
	/* The rows where the answer is made, marked right or wrong once checked. */
	void (*body)(const QuizForm *f, Pen *p);
	/* What to say about the answer checked (sub / subtext), after the verdict. */
	void (*feedback)(const QuizForm *f, Pen *p);
	/* Fills out with the kind's keys for the key line, pairs of a key and what it
	 * does, and returns how many strings; a key made up on the spot goes in scratch
	 * (32 bytes). */
	int (*keys)(const QuizForm *f, bool unicode, const char **out, int max, char *scratch);
};

extern const QuizKindOps quiz_single_kind, quiz_multi_kind, quiz_numeric_kind, quiz_match_kind,
    quiz_order_kind, quiz_recall_kind;

/* Glyphs: Unicode or ASCII. */
const char *quiz_glyph(const Pen *p, const char *uni, const char *ascii);

/* Draws s at (x, y) when drawing; returns its width in columns. */
int pen_put(Pen *p, int x, int y, const char *s, Style st);

/* Writes the first n bytes of s wrapped from column indent (relative to the pen) with
 * the width left, one row per line, and returns the first row. */
int pen_wrap(Pen *p, int indent, const char *s, size_t n, Style st);

/* pen_wrap of a NUL-terminated string. */
int pen_str(Pen *p, int indent, const char *s, Style st);

/* A model Text, without its markup, wrapped as pen_str does. */
int pen_text(Pen *p, int indent, const Text *t, Style st);

/* "lead text": lead (in lead_st) then text wrapped under itself. Returns the row. */
int pen_lead(Pen *p, int indent, const char *lead, Style lead_st, const Text *t, Style st);

/* The mark of a checked row: right (✓ / +), wrong (✗ / -) or nothing (mark 0). */
void pen_mark(Pen *p, int x, int y, int mark);

/* A bullet with a model text, for feedback lists. */
void pen_bullet(Pen *p, const char *label, const Text *t);

/* The text's plain form into buf (truncated to size). */
void quiz_plain(const Text *t, char *buf, size_t size);

/* A permutation of 0..n-1 made from the quiz id, never the identity when n > 1. */
void quiz_shuffle(const char *id, int *perm, int n);

/* Recall: the verdict on the answer checked (f->subtext), in proportion to the key
 * terms it names: "Well said!" when enough, else how many of the terms a full answer
 * names it has, or that it has none yet. */
const char *recall_verdict(const QuizForm *f, char *buf, size_t size);

/* The letter of row i ('a' + i; beyond 'z': '?'). */
char quiz_letter(int i);

/* The letter or digit a key picks: a row index, or -1. Letters that the form uses
 * for itself ("h" hint, "s" show) pick only when the kind has that many rows. */
int quiz_pick_key(const QuizForm *f, const Key *k, int rows);

#endif
