/* limits.h: the documented bounds on lesson input, so any byte sequence costs bounded
 * time and memory. Keep man/neuronauts-lesson.5 (LIMITS) in step. Depends on nothing. */
#ifndef NN_LESSON_LIMITS_H
#define NN_LESSON_LIMITS_H

/* The lesson language's version this program reads (@format). */
#define LESSON_FORMAT 1

/* A file longer than this is refused as a whole. */
#define LESSON_MAX_FILE (4 * 1024 * 1024)

/* A line longer than this (in bytes, without its end) is an error and is skipped. */
#define LESSON_MAX_LINE (64 * 1024)

/* Diagnostics kept per file; the next one is replaced by a single "too many errors"
 * and the file is abandoned. */
#define LESSON_MAX_ERRORS 50

/* Blocks in one lesson (callout bodies included); items in one block (choices, list
 * items, legend rows, hints, the items of one list value...); parameters of one widget. */
#define LESSON_MAX_BLOCKS 10000
#define LESSON_MAX_ITEMS  256
#define LESSON_MAX_PARAMS 64

/* Units in one lesson; levels, lessons and units in one course index. */
#define LESSON_MAX_UNITS   1000
#define COURSE_MAX_ENTRIES 10000

/* Memory one document model may take. */
#define LESSON_MAX_MODEL (64 * 1024 * 1024)

/* Identifiers (lesson, unit, widget and quiz ids), in bytes. */
#define LESSON_MAX_ID 64

/* Bytes of a glossary term's name (@term, {term:...}). */
#define LESSON_MAX_TERM 48

#endif
