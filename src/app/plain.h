/* plain.h: the course as plain text on a stream: --list (the index) and --plain (the
 * lessons, for screen readers and pipes). Must not touch the terminal. */
#ifndef NN_APP_PLAIN_H
#define NN_APP_PLAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "lesson/model.h"

/* Prints the index of c: levels, their lessons with minutes, and the units. */
void plain_list(FILE *out, const Course *c, bool unicode);

/* Prints one lesson (entry) or, with entry NULL, every lesson of c in order, laid out
 * at width columns, widgets as their text alternatives, quizzes as numbered questions.
 * Returns 0, or -1 when out of memory. */
int plain_print(FILE *out, const Course *c, const CourseLesson *entry, int width, bool unicode);

/* Prints the glossary of c (--glossary): every term in alphabetical order, with the
 * unit that teaches it and its definition, wrapped at width columns. Returns 0, or -1
 * when out of memory. */
int plain_glossary(FILE *out, const Course *c, int width, bool unicode);

/* Finds the lesson with this id among the lessons that exist, or NULL. */
CourseLesson *plain_find_lesson(const Course *c, const char *id);

/* Finds the written lesson that teaches the unit with this id ("L1.worked") and sets
 * *unit to the unit's place in it; NULL when no written lesson has it. */
CourseLesson *plain_find_unit(const Course *c, const char *id, size_t *unit);

#endif
