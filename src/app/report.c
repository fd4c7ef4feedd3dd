/* report.c: --report: progress as text, as a table of learners and as CSV.
 * Must not touch the terminal, nor change or save a progress store. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/lessonclock.h"
#include "app/player.h"
#include "app/report.h"
#include "base/utf8.h"
#include "lesson/course.h"
#include "nls.h"
#include "widgets/core/registry.h"

void report_lesson(const CourseLesson *e, const Progress *p, ReportLesson *r)
{
	const Lesson *lesson = course_lesson(e); /* read now if not read yet */
	size_t u, b;
	char key[256];

	memset(r, 0, sizeof *r);
	r->units = (int)e->nunits;
	if (!lesson)
		return;
	r->units_done = player_units_done(e, p);
	snprintf(key, sizeof key, "lesson.%s.unit", e->id);
	r->started = r->units_done > 0 || progress_get(p, key);
	r->seconds = lessonclock_seconds(p, e->id);
	for (u = 0; u < lesson->nunits; u++)
		for (b = 0; b < lesson->units[u].nblocks; b++) {
			const Block *bl = &lesson->units[u].blocks[b];
			const char *v;
			if (bl->kind == BLOCK_QUIZ) {
				snprintf(key, sizeof key, "quiz.%s.%s.score", e->id, bl->quiz.id);
				v = progress_get(p, key);
				r->quizzes++;
				r->quiz_answered += v != NULL;
				r->quiz_first += v && strcmp(v, "1") == 0;
			} else if (bl->kind == BLOCK_WIDGET && registry_has_goal(&bl->widget)) {
				snprintf(key, sizeof key, "widget.%s.%s.won", e->id, bl->widget.id);
				r->games++;
				r->games_won += progress_get(p, key) != NULL;
			}
		}
}

void report_totals(const Course *c, const Progress *p, ReportTotals *t)
{
	size_t l, i;

	memset(t, 0, sizeof *t);
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			const CourseLesson *e = &c->levels[l].lessons[i];
			ReportLesson r;
			report_lesson(e, p, &r);
			if (strcmp(e->id, APP_LAB_LESSON) != 0) {
				t->units += r.units;
				t->units_done += r.units_done;
				t->lessons++;
				t->lessons_done += r.units > 0 && r.units_done == r.units;
			}
			t->quiz_first += r.quiz_first;
			t->quiz_answered += r.quiz_answered;
			t->quizzes += r.quizzes;
			t->games_won += r.games_won;
			t->games += r.games;
			t->seconds += r.seconds;
		}
	t->percent = t->units ? 100 * t->units_done / t->units : 0;
	t->last = progress_get(p, "last.lesson");
}

const char *report_learner(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/'), *dir;
	size_t n;

	base = base ? base + 1 : path;
	if (strcmp(base, ".neuronauts") != 0 || base == path) {
		snprintf(buf, size, "%s", base);
		return buf;
	}
	for (dir = base - 1; dir > path && dir[-1] != '/'; dir--)
		;
	n = (size_t)(base - 1 - dir);
	if (n == 0 || (n == 1 && *dir == '.') || (n == 2 && dir[0] == '.' && dir[1] == '.'))
		snprintf(buf, size, "%s", base); /* "./.neuronauts": no name to take */
	else
		snprintf(buf, size, "%.*s", (int)n, dir);
	return buf;
}

const char *report_hours(long seconds, char *buf, size_t size)
{
	long m = seconds / 60;

	snprintf(buf, size, "%ld:%02ld", m / 60, m % 60);
	return buf;
}

/* Where a cell's text goes in its columns. */
typedef enum { AL_LEFT, AL_RIGHT, AL_LAST /* left, not padded: the line's end */ } Align;

/* Writes s in w columns: cut with an ellipsis when wider, padded with spaces after
 * (AL_LEFT) or before (AL_RIGHT) it. */
static void cell(FILE *out, const char *s, int w, Align al, bool unicode)
{
	size_t n = strlen(s), at = 0, step;
	int sw = utf8_width(s, n), used = 0;
	uint32_t cp;

	if (sw <= w) {
		if (al == AL_RIGHT)
			fprintf(out, "%*s", w - sw, "");
		fputs(s, out);
		if (al == AL_LEFT)
			fprintf(out, "%*s", w - sw, "");
		return;
	}
	while (at < n && (step = utf8_decode(&cp, s + at, n - at)) > 0) {
		int cw = utf8_cp_width(cp) > 0 ? utf8_cp_width(cp) : 0;
		if (used + cw > w - 1)
			break;
		used += cw;
		at += step;
	}
	fprintf(out, "%.*s%s", (int)at, s, unicode ? "…" : "~");
	if (al != AL_LAST)
		fprintf(out, "%*s", w - 1 - used, "");
}

/* "a/b", or "-" when b is 0. */
static const char *ratio(int a, int b, char *buf, size_t size)
{
	if (b)
		snprintf(buf, size, "%d/%d", a, b);
	else
		snprintf(buf, size, "-");
	return buf;
}

/* The widths of the text report's columns (2 + 34 + 5 * (1 + w) = 80 at most). */
enum { W_TITLE = 33, W_STATE = 10, W_UNITS = 6, W_QUIZ = 6, W_GAMES = 6, W_TIME = 7 };

static void lesson_columns(FILE *out, const char *title, const char *state, const char *units,
			   const char *quiz, const char *games, const char *time, bool unicode)
{
	fputs("  ", out);
	cell(out, title, W_TITLE, AL_LEFT, unicode);
	fputc(' ', out);
	cell(out, state, W_STATE, AL_LEFT, unicode);
	cell(out, units, W_UNITS, AL_RIGHT, unicode);
	cell(out, quiz, W_QUIZ + 1, AL_RIGHT, unicode);
	cell(out, games, W_GAMES + 1, AL_RIGHT, unicode);
	cell(out, time, W_TIME + 1, AL_RIGHT, unicode);
	fputc('\n', out);
}

/* The best result kept for game w of lesson e, in words, into buf ("" for none). How
 * a kind's "best" reads is its own: fewest checks (game, conv), fewest shots (relay),
 * most cuts right (cuts), highest accuracy as a share 0..1 (trainer). */
static void best_of(const CourseLesson *e, const Widget *w, const Progress *p, char *buf,
		    size_t size)
{
	char key[256], val[32];
	const char *v;

	buf[0] = '\0';
	snprintf(key, sizeof key, "widget.%s.%s.best", e->id, w->id);
	if (!(v = progress_get(p, key)))
		return;
	snprintf(val, sizeof val, "%.20s", v);
	if (strcmp(w->kind, "game") == 0 || strcmp(w->kind, "conv") == 0)
		snprintf(buf, size, _("best game %s checks"), val);
	else if (strcmp(w->kind, "relay") == 0)
		snprintf(buf, size, _("best game %s shots"), val);
	else if (strcmp(w->kind, "cuts") == 0)
		snprintf(buf, size, _("best %s of 4 right"), val);
	else if (strcmp(w->kind, "trainer") == 0)
		snprintf(buf, size, _("best accuracy %.0f%%"), 100 * strtod(v, NULL));
	else
		snprintf(buf, size, _("best %s"), val);
}

/* A line under the lesson for every game played: won or not, and its best result. */
static void game_lines(FILE *out, const CourseLesson *e, const Progress *p)
{
	const Lesson *lesson = course_lesson(e);
	size_t u, b;
	char key[256], best[128];

	for (u = 0; lesson && u < lesson->nunits; u++)
		for (b = 0; b < lesson->units[u].nblocks; b++) {
			const Block *bl = &lesson->units[u].blocks[b];
			bool won;
			if (bl->kind != BLOCK_WIDGET || !registry_has_goal(&bl->widget))
				continue;
			snprintf(key, sizeof key, "widget.%s.%s.won", e->id, bl->widget.id);
			won = progress_get(p, key) != NULL;
			best_of(e, &bl->widget, p, best, sizeof best);
			if (!won && !best[0])
				continue;
			fprintf(out, "      %s: %s%s%s\n", bl->widget.id,
				won ? _("won") : _("not won yet"), best[0] ? ", " : "", best);
		}
}

/* A lesson's row (and its games' lines). */
static void lesson_row(FILE *out, const CourseLesson *e, const Progress *p, bool unicode)
{
	ReportLesson r;
	const Lesson *lesson = course_lesson(e);
	const char *title = lesson && lesson->title ? lesson->title
			    : e->title		    ? e->title
						    : e->id;
	const char *state;
	char units[32], quiz[32], games[32], time[32];

	report_lesson(e, p, &r);
	if (!lesson)
		state = _("planned");
	else if (r.units && r.units_done == r.units)
		state = _("done");
	else if (r.started)
		state = _("started");
	else
		state = _("new");
	snprintf(units, sizeof units, "%d/%d", r.units_done, r.units);
	lesson_columns(out, title, state, units, ratio(r.quiz_first, r.quizzes, quiz, sizeof quiz),
		       ratio(r.games_won, r.games, games, sizeof games),
		       r.seconds ? report_hours(r.seconds, time, sizeof time) : "-", unicode);
	if (lesson)
		game_lines(out, e, p);
}

void report_text(FILE *out, const Course *c, const Progress *p, const char *learner,
		 bool unicode)
{
	const char *dot = unicode ? " · " : " - ";
	ReportTotals t;
	char time[32];
	size_t l, i;

	fprintf(out, _("%s: the progress of %s\n"), c->name ? c->name : "Neuronauts", learner);
	for (l = 0; l < c->nlevels; l++) {
		const CourseLevel *lv = &c->levels[l];
		fprintf(out, "\n%s%s%s\n", lv->name ? lv->name : lv->id, lv->title ? dot : "",
			lv->title ? lv->title : "");
		lesson_columns(out, _("Lesson"), _("State"), _("Units"), _("Quiz"), _("Games"),
			       _("Time"), unicode);
		for (i = 0; i < lv->nlessons; i++)
			lesson_row(out, &lv->lessons[i], p, unicode);
	}
	report_totals(c, p, &t);
	putc('\n', out);
	fprintf(out, _("Total: %d%% done (%d of %d units), %d of %d lessons done, time %s.\n"),
		t.percent, t.units_done, t.units, t.lessons_done, t.lessons,
		report_hours(t.seconds, time, sizeof time));
	fprintf(out, _("Quiz: %d of %d questions right on the first try (%d answered).\n"),
		t.quiz_first, t.quizzes, t.quiz_answered);
	fprintf(out, _("Games: %d of %d won.\n"), t.games_won, t.games);
	fputs(_("Quiz counts the questions right on the first try; Time is hours:minutes\n"
		"spent in the lesson, a pause between two keys counting at most 2 minutes.\n"),
	      out);
}

/* The table's columns: 2 + 16 + 6 * (1 + w) + last lesson within 80. */
enum { W_LEARNER = 16, W_DONE = 5, W_LESSONS = 7, W_FIRST = 8, W_WON = 7, W_HOURS = 7,
       W_LAST = 20 };

void report_csv_field(FILE *out, const char *s)
{
	size_t n = strlen(s);

	if (!strpbrk(s, ",\"\r\n") && !(n && (s[0] == ' ' || s[n - 1] == ' '))) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

void report_table_header(FILE *out, bool csv)
{
	if (csv) { /* fixed keys, the same in every language: scripts read them */
		fputs("learner,file,percent_done,units_done,units_total,lessons_done,"
		      "lessons_total,quiz_first_try,quiz_answered,quiz_total,games_won,"
		      "games_total,time_seconds,last_lesson\r\n",
		      out);
		return;
	}
	fputs("  ", out);
	cell(out, _("Learner"), W_LEARNER, AL_LEFT, false);
	cell(out, _("Done"), W_DONE + 1, AL_RIGHT, false);
	cell(out, _("Lessons"), W_LESSONS + 1, AL_RIGHT, false);
	cell(out, _("1st try"), W_FIRST + 1, AL_RIGHT, false);
	cell(out, _("Games"), W_WON + 1, AL_RIGHT, false);
	cell(out, _("Time"), W_HOURS + 1, AL_RIGHT, false);
	fputc(' ', out);
	cell(out, _("Last lesson"), W_LAST, AL_LAST, false);
	fputc('\n', out);
}

void report_table_row(FILE *out, const Course *c, const Progress *p, const char *learner,
		      const char *path, bool csv, bool unicode)
{
	ReportTotals t;
	char buf[32];

	report_totals(c, p, &t);
	if (csv) {
		report_csv_field(out, learner);
		putc(',', out);
		report_csv_field(out, path);
		fprintf(out, ",%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%ld,", t.percent, t.units_done,
			t.units, t.lessons_done, t.lessons, t.quiz_first, t.quiz_answered,
			t.quizzes, t.games_won, t.games, t.seconds);
		report_csv_field(out, t.last ? t.last : "");
		fputs("\r\n", out);
		return;
	}
	fputs("  ", out);
	cell(out, learner, W_LEARNER, AL_LEFT, unicode);
	snprintf(buf, sizeof buf, "%d%%", t.percent);
	cell(out, buf, W_DONE + 1, AL_RIGHT, unicode);
	cell(out, ratio(t.lessons_done, t.lessons, buf, sizeof buf), W_LESSONS + 1, AL_RIGHT, unicode);
	if (t.quiz_answered)
		snprintf(buf, sizeof buf, "%d%%", 100 * t.quiz_first / t.quiz_answered);
	else
		snprintf(buf, sizeof buf, "-");
	cell(out, buf, W_FIRST + 1, AL_RIGHT, unicode);
	cell(out, ratio(t.games_won, t.games, buf, sizeof buf), W_WON + 1, AL_RIGHT, unicode);
	cell(out, report_hours(t.seconds, buf, sizeof buf), W_HOURS + 1, AL_RIGHT, unicode);
	fputc(' ', out);
	cell(out, t.last ? t.last : "-", W_LAST, AL_LAST, unicode);
	fputc('\n', out);
}

const char *report_read_error(ProgressReadStatus st, int errnum)
{
	switch (st) {
	case PROGRESS_READ_MISSING:
		return _("there is no such file");
	case PROGRESS_READ_NOT_FILE:
		return _("not a regular file");
	case PROGRESS_READ_IO:
		return strerror(errnum);
	case PROGRESS_READ_TOO_BIG:
		return _("too big to be a progress file (left as it is)");
	case PROGRESS_READ_DAMAGED:
		return _("damaged or not a progress file (left as it is)");
	case PROGRESS_READ_VERSION:
		return _("a progress file of another version (left as it is)");
	case PROGRESS_READ_NOMEM:
		return _("out of memory");
	case PROGRESS_READ_OK:
		break;
	}
	return "";
}

int report_files(FILE *out, FILE *err, const Course *c, int n, char *const *paths, bool csv,
		 bool unicode)
{
	int i, skipped = 0;
	char name[256];

	report_table_header(out, csv);
	for (i = 0; i < n; i++) {
		ProgressReadStatus st;
		Progress *p = progress_read(paths[i], &st);
		if (!p) {
			fprintf(err, _("%s: %s: skipped: %s\n"), PACKAGE, paths[i],
				report_read_error(st, errno));
			skipped++;
			continue;
		}
		report_table_row(out, c, p, report_learner(paths[i], name, sizeof name), paths[i],
				 csv, unicode);
		progress_free(p);
	}
	return skipped;
}
