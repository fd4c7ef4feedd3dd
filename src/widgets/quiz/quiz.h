/* quiz.h: the quiz forms: one set of widget functions for every @quiz block, and the
 * free-recall term matching they grade with. Must not own the loop or write files:
 * scores and answers go through the Store the player gives. */
#ifndef NN_WIDGETS_QUIZ_H
#define NN_WIDGETS_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/model.h"
#include "widgets/core/widget.h"

/* The functions of every quiz instance (single, multi, numeric, match, order, recall).
 * Keys saved in the instance's Store: "state" (open, tried, right, shown), "score"
 * (1 or 0: the first try), "right" (1 once answered right at any try, not by showing
 * the answer: the map's "after retries"), "answer", "tried" (the last wrong answer),
 * "ended" (1 once answered; the player then counts the quiz as done). */
extern const WidgetOps quiz_ops;

/* Whether answer mentions alt: its words appear in a row, ignoring case (ASCII, Latin,
 * Greek, Cyrillic) and punctuation, each word whole or followed by a short ending (s,
 * es, ed, d, ing, er, ers). An alt without letters or digits is looked for as it is. */
bool quiz_term_mentioned(const char *answer, const char *alt);

/* Marks in found[0..q->nterms) the recall terms the answer mentions (any alternative)
 * and returns how many; found may be NULL. */
int quiz_recall_count(const Quiz *q, const char *answer, bool *found);

#endif
