/* report.h: --report: a learner's progress as text, and a class's progress files as
 * one table or CSV, for a teacher. Reads progress files only through progress_read,
 * so a report never locks, moves, or writes one. Must not touch the terminal. */
#ifndef NN_APP_REPORT_H
#define NN_APP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "app/progress.h"
#include "lesson/model.h"

/* One lesson's figures, from progress. */
typedef struct {
	int units_done, units;  /* units of the index marked done, of the lesson's */
	int quiz_first, quiz_answered, quizzes; /* right on the first try, answered, all */
	int games_won, games;   /* widgets with a goal won, of all */
	long seconds;           /* time spent in it (lessonclock.h) */
	bool started;           /* a unit done, or a reading position kept */
} ReportLesson;

/* A learner's totals over the course. Units and lessons count the syllabus as the
 * map's "% done" does: every lesson of the index, planned ones included, but the lab
 * (free play). Quizzes, games and time count the written lessons, the lab included. */
typedef struct {
	int percent;                      /* of the units, rounded down */
	int units_done, units;
	int lessons_done, lessons;
	int quiz_first, quiz_answered, quizzes;
	int games_won, games;
	long seconds;
	const char *last;                 /* the lesson last opened, or NULL */
} ReportTotals;

/* The figures of lesson e in p (a planned lesson has only units). */
void report_lesson(const CourseLesson *e, const Progress *p, ReportLesson *r);

/* The totals of p over course c. */
void report_totals(const Course *c, const Progress *p, ReportTotals *t);

/* Who a progress file belongs to: for a file called ".neuronauts" (the default) the
 * name of the directory holding it ("/home/anna/.neuronauts" is anna), else the
 * file's name without its directories. Written into buf. */
const char *report_learner(const char *path, char *buf, size_t size);

/* Seconds as hours and minutes, "1:05" (rounded down to the minute). */
const char *report_hours(long seconds, char *buf, size_t size);

/* The learner's report as text within 80 columns: per level and lesson the state,
 * units, first-try quiz score, games won with their best results, and time; then the
 * totals. */
void report_text(FILE *out, const Course *c, const Progress *p, const char *learner,
		 bool unicode);

/* One row per learner: the header, then report_row for each. */
void report_table_header(FILE *out, bool csv);
void report_table_row(FILE *out, const Course *c, const Progress *p, const char *learner,
		      const char *path, bool csv, bool unicode);

/* Writes s as one CSV field (RFC 4180: quoted when it holds a comma, a double quote,
 * a line end or leading or trailing space; quotes doubled). */
void report_csv_field(FILE *out, const char *s);

/* Why progress_read failed, in words (errnum: errno after PROGRESS_READ_IO). */
const char *report_read_error(ProgressReadStatus st, int errnum);

/* The table (or CSV) of the progress files paths[0..n-1], a row per learner. A file
 * that cannot be read, or is damaged or of another version, is named on err with the
 * reason and skipped (never changed). Returns how many were skipped. */
int report_files(FILE *out, FILE *err, const Course *c, int n, char *const *paths, bool csv,
		 bool unicode);

#endif
