/* main.c: the program's entry: locale, options, where the course is, and the screens.
 * The only place that decides to exit; the terminal is restored before any message. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/brainio.h"
#include "app/check.h"
#include "app/lab.h"
#include "app/options.h"
#include "app/paths.h"
#include "app/plain.h"
#include "app/progress.h"
#include "app/report.h"
#include "app/trainer-prompt.h"
#include "lesson/course.h"
#include "nls.h"
#include "ui/term.h"

enum { EXIT_USAGE = 2 };

static void print_usage_hint(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
}

static void print_help(void)
{
	printf(_("Usage: %s [OPTION]...\n"), PACKAGE);
	printf(_("  or:  %s lab [OPTION]...\n"), PACKAGE);
	printf(_("  or:  %s --report [--csv] [FILE]...\n"), PACKAGE);
	fputs(_("Learn how neural networks work, from one neuron to Transformers: a course\n"
		"that runs in your terminal, driven by the keyboard, with live math.\n"
		"'neuronauts lab' trains a network without the course (see its --help).\n"),
	      stdout);
	putchar('\n');
	fputs(_("Options:\n"), stdout);
	options_print_help(stdout);
	putchar('\n');
	fputs(_("Keys: ? shows every key of the screen you are on; q quits (in a lesson: back\n"
		"to the map). The manual, neuronauts(1), lists them all.\n"),
	      stdout);
	putchar('\n');
	fputs(_("Environment:\n"
		"  NEURONAUTS_CONTENT   the course directory (as --content-dir)\n"
		"  NEURONAUTS_PROGRESS  the progress file (as --progress)\n"
		"  NO_COLOR             when set and not empty, no colours (as --no-color)\n"),
	      stdout);
	putchar('\n');
	fputs(_("Exit status: 0 on success, 1 on an error, 2 on a bad command line.\n"), stdout);
	fputs(_("--report exits with 1 when a progress file was skipped (unreadable or\n"
		"damaged; it is never changed). neuronauts(1), FOR TEACHERS, has the table.\n"),
	      stdout);
	putchar('\n');
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
	printf(_("%s home page: <%s>\n"), PACKAGE_NAME, PACKAGE_URL);
}

static void print_version(void)
{
	printf("%s (%s) %s\n", PACKAGE, PACKAGE_NAME, PACKAGE_VERSION);
	fputs("Copyright (C) 2026 the Neuronauts authors.\n", stdout);
	fputs(_("License GPLv3+: GNU GPL version 3 or later "
		"<https://gnu.org/licenses/gpl.html>.\n"
		"This is free software: you are free to change and redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n"),
	      stdout);
}

/* Reports a bad command line the GNU way and returns the exit status. */
static int usage_error(OptStatus st, const char *bad)
{
	switch (st) {
	case OPT_ERR_UNKNOWN:
		fprintf(stderr, _("%s: unrecognized option '%s'\n"), PACKAGE, bad);
		break;
	case OPT_ERR_MISSING_ARG:
		fprintf(stderr, _("%s: option '%s' requires an argument\n"), PACKAGE, bad);
		break;
	case OPT_ERR_EXTRA_ARG:
		fprintf(stderr, _("%s: option '%s' does not take an argument\n"), PACKAGE,
			bad);
		break;
	case OPT_ERR_OPERAND:
		fprintf(stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, bad);
		break;
	case OPT_OK:
		return EXIT_SUCCESS;
	}
	print_usage_hint();
	return EXIT_USAGE;
}

/* Restores the terminal, then prints "neuronauts: message" and exits with status 1. */
static void fatal(const char *msg)
{
	term_close();
	fprintf(stderr, "%s: %s\n", PACKAGE, msg);
	exit(EXIT_FAILURE);
}

/* Ends the program the way the signal would have, after the terminal is restored, so
 * the parent sees the real cause. */
static void die_by_signal(int signo)
{
	term_close();
	signal(signo, SIG_DFL);
	raise(signo);
	exit(128 + signo);
}

/* --reset-progress: moves the progress file to a numbered backup. */
static int reset_progress(const char *path)
{
	char bak[PATH_MAX];

	if (progress_backup(path, bak, sizeof bak) != 0) {
		if (errno == ENOENT) {
			printf(_("There is no progress in %s yet: nothing to reset.\n"), path);
			return EXIT_SUCCESS;
		}
		fprintf(stderr, _("%s: cannot move %s aside: %s\n"), PACKAGE, path,
			strerror(errno));
		return EXIT_FAILURE;
	}
	printf(_("Your progress was moved to %s; the course starts afresh.\n"), bak);
	return EXIT_SUCCESS;
}

/* Prints every diagnostic GNU-style on stderr. */
static void print_diags(const DiagList *d)
{
	char buf[1024];
	size_t i;

	for (i = 0; i < d->n; i++) {
		diag_format(&d->items[i], buf, sizeof buf);
		fputs(buf, stderr);
	}
}

/* The width --plain lays lessons out at: $COLUMNS when it is a sane number, else 80. */
static int plain_width(void)
{
	const char *c = getenv("COLUMNS");
	int w = c ? atoi(c) : 0;

	return w >= 40 && w <= 400 ? w : 80;
}

/* Chooses the progress file (the option, $NEURONAUTS_PROGRESS or ~/.neuronauts) into
 * buf; returns false, having said why, when there is none. */
static bool find_progress(const Options *opt, char *buf, size_t size)
{
	if (paths_progress_file(opt->progress, getenv("NEURONAUTS_PROGRESS"), paths_home(), buf,
				size))
		return true;
	fprintf(stderr, _("%s: no home directory for the progress file; name one with "
			  "--progress FILE\n"),
		PACKAGE);
	return false;
}

/* After the terminal is restored, when the last save failed with changes unsaved:
 * says plainly what the progress file holds and what is lost. */
static void report_unsaved(const App *a, const char *path)
{
	if (a->save_result == -2) {
		fprintf(stderr, _("%s: your progress was not saved: %s is not a regular file (a "
				  "directory, FIFO or device), so it was left alone.\n"),
			PACKAGE, path);
		fprintf(stderr, _("%s: nothing from this session was kept.\n"), PACKAGE);
		return;
	}
	fprintf(stderr, _("%s: your progress was not saved: %s cannot be written (%s).\n"),
		PACKAGE, path, strerror(a->save_errno));
	if (access(path, F_OK) != 0) /* never written, or gone since */
		fprintf(stderr, _("%s: nothing from this session was kept.\n"), PACKAGE);
	else if (a->saved)
		fprintf(stderr, _("%s: it holds your progress up to the last save of this session; "
				  "what you did after that is lost.\n"),
			PACKAGE);
	else
		fprintf(stderr, _("%s: it still holds your progress from before this session; "
				  "nothing from this session was kept.\n"),
			PACKAGE);
}

/* --report: the learner's own progress file as text (or as CSV), or the files named
 * as a table; files are only read (progress_read). Returns the exit status: 1 when a
 * file was skipped. */
static int print_report(const Options *opt, const Course *course, bool unicode)
{
	char path[PATH_MAX], name[256];
	ProgressReadStatus st;
	Progress *p;

	if (opt->nargs > 0) {
		int skipped = report_files(stdout, stderr, course, opt->nargs, opt->args,
					   opt->csv, unicode);
		return skipped || ferror(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
	}
	if (!find_progress(opt, path, sizeof path))
		return EXIT_FAILURE;
	p = progress_read(path, &st);
	if (!p && st == PROGRESS_READ_MISSING) { /* nothing done yet: an empty report */
		fprintf(stderr, _("%s: there is no progress in %s yet.\n"), PACKAGE, path);
		p = progress_new(NULL);
	}
	if (!p) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, path, report_read_error(st, errno));
		return EXIT_FAILURE;
	}
	report_learner(path, name, sizeof name);
	if (opt->csv) {
		report_table_header(stdout, true);
		report_table_row(stdout, course, p, name, path, true, unicode);
	} else {
		report_text(stdout, course, p, name, unicode);
	}
	progress_free(p);
	return ferror(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* Opens the progress store, telling the learner (in the status line) when a damaged
 * file was moved aside or the file cannot be read. */
static Progress *open_progress(App *a, const char *path)
{
	ProgressStatus st;
	char bak[PATH_MAX];
	Progress *p = progress_open(path, &st, bak, sizeof bak);

	if (!p)
		fatal(_("out of memory"));
	if (st == PROGRESS_RECOVERED)
		app_status(a, STYLE_WARN,
			   _("Your progress file could not be read; it was kept as %s and a "
			     "fresh one started."),
			   bak);
	else if (st == PROGRESS_ERR_NOT_FILE)
		app_status(a, STYLE_BAD,
			   _("Your progress file %s is not a regular file (a directory, FIFO or "
			     "device): it is left alone, and your progress will not be saved."),
			   path);
	else if (st == PROGRESS_ERR_IO)
		app_status(a, STYLE_BAD, _("Your progress file %s cannot be read (%s); it will "
					   "not be overwritten."),
			   path, strerror(errno));
	return p;
}

int main(int argc, char **argv)
{
	Options opt;
	const char *bad, *content, *no_color;
	char progress_file[PATH_MAX];
	App app;
	Course *course = NULL;
	CourseLesson *lesson = NULL;
	size_t unit = (size_t)-1; /* --lesson named a unit: its place in the lesson */
	DiagList diags;
	LoopEnd end;
	int signo = 0;
	bool lost;
	ContentPlaces places;
	ContentSource src;
	TermOptions topt;
	TermStatus ts;
	OptStatus st;

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, paths_locale_dir());
	textdomain(PACKAGE);
#endif
	if (argc > 1 && strcmp(argv[1], "lab") == 0)
		return lab_main(argc - 1, argv + 1);
	st = options_parse(&opt, argc, argv, &bad);
	if (st == OPT_OK && opt.csv && opt.action == ACTION_RUN)
		opt.action = ACTION_REPORT; /* --csv alone: the report as CSV */
	if (st == OPT_OK && opt.nargs > 0 && opt.action != ACTION_CHECK &&
	    opt.action != ACTION_REPORT)
		st = OPT_ERR_OPERAND, bad = opt.args[0];
	if (st != OPT_OK)
		return usage_error(st, bad);
	if (opt.action == ACTION_HELP) {
		print_help();
		return ferror(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
	}
	if (opt.action == ACTION_VERSION) {
		print_version();
		return ferror(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
	}
	if (opt.action == ACTION_CHECK) {
		paths_content_places(&places, opt.content_dir);
		return check_run(opt.nargs, opt.args, paths_content_dir(&places, &src));
	}
	if (opt.action == ACTION_RESET_PROGRESS)
		return find_progress(&opt, progress_file, sizeof progress_file)
			       ? reset_progress(progress_file)
			       : EXIT_FAILURE;

	paths_content_places(&places, opt.content_dir);
	content = paths_content_dir(&places, &src);
	if (!paths_is_content_dir(content)) {
		fprintf(stderr, _("%s: no course found in '%s' (it has no %s)\n"), PACKAGE,
			content, COURSE_INDEX_FILE);
		if (src == CONTENT_FROM_INSTALL)
			fprintf(stderr, _("%s: reinstall neuronauts, or name the course "
					  "directory with --content-dir DIR\n"),
				PACKAGE);
		return EXIT_FAILURE;
	}

	diag_init(&diags, 0);
	/* --list and --plain print every lesson; the course itself reads only the index
	 * now, and each lesson when it is first shown or opened. */
	if (opt.action == ACTION_LIST || opt.plain)
		course_load(&course, content, &diags);
	else
		course_open(&course, content, &diags);
	if (!course) {
		print_diags(&diags);
		fprintf(stderr, _("%s: the course in '%s' cannot be read\n"), PACKAGE, content);
		return EXIT_FAILURE;
	}
	if (opt.action == ACTION_REPORT) {
		int r = print_report(&opt, course, !opt.ascii && term_locale_utf8());
		course_free(course);
		diag_free(&diags);
		return r;
	}
	if (opt.lesson && !(lesson = plain_find_lesson(course, opt.lesson)) &&
	    !(lesson = plain_find_unit(course, opt.lesson, &unit))) {
		fprintf(stderr, _("%s: there is no lesson or unit '%s' in this course (see "
				  "--list)\n"),
			PACKAGE, opt.lesson);
		return EXIT_FAILURE;
	}
	if (opt.data) { /* the lab, with the learner's points: a file that does not load
			 * stops here, with the terminal untouched */
		Dataset d;
		CsvError ce;
		NnStatus ds = csv_load(&d, opt.data, &ce);
		char msg[1024];
		if (ds != NN_OK) {
			brainio_csv_error(msg, sizeof msg, opt.data, &ce, ds);
			fprintf(stderr, "%s: %s\n", PACKAGE, msg);
			return EXIT_FAILURE;
		}
		data_free(&d);
		if (!lesson && !(lesson = plain_find_lesson(course, APP_LAB_LESSON))) {
			fprintf(stderr, _("%s: --data opens the lab, and this course has none\n"),
				PACKAGE);
			return EXIT_FAILURE;
		}
	}
	if (opt.action == ACTION_LIST || opt.action == ACTION_GLOSSARY || opt.plain) {
		bool unicode = !opt.ascii && term_locale_utf8();
		int r = 0;
		if (opt.action == ACTION_LIST)
			plain_list(stdout, course, unicode);
		else if (opt.action == ACTION_GLOSSARY)
			r = plain_glossary(stdout, course, plain_width(), unicode);
		else
			r = plain_print(stdout, course, lesson, plain_width(), unicode);
		if (diags.n)
			fprintf(stderr,
				ngettext("%s: the course has %zu problem; neuronauts --check "
					 "shows it\n",
					 "%s: the course has %zu problems; neuronauts --check "
					 "lists them\n",
					 diags.n),
				PACKAGE, diags.n);
		course_free(course);
		diag_free(&diags);
		if (r != 0)
			fatal(_("out of memory"));
		return ferror(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
	}

	/* Only now: --list and --plain work without a home directory. */
	if (!find_progress(&opt, progress_file, sizeof progress_file)) {
		course_free(course);
		diag_free(&diags);
		return EXIT_FAILURE;
	}
	no_color = getenv("NO_COLOR");
	topt.no_colour = opt.no_colour || (no_color && *no_color);
	topt.force_ascii = opt.ascii;
	topt.mouse = !opt.no_mouse;
	ts = term_open(&topt);
	if (ts != TERM_OK) {
		if (ts == TERM_ERR_SYSTEM)
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, term_status_message(ts),
				strerror(errno));
		else
			fprintf(stderr, "%s: %s\n", PACKAGE, term_status_message(ts));
		return EXIT_FAILURE;
	}
	atexit(term_close);
	memset(&app, 0, sizeof app);
	app.course = course;
	app.progress = open_progress(&app, progress_file);
	if (diags.n && !app.status[0])
		app_status(&app, STYLE_WARN,
			   ngettext("The course has %zu problem; neuronauts --check shows it.",
				    "The course has %zu problems; neuronauts --check lists them.",
				    diags.n),
			   diags.n);
	if (lesson && !app_open_lesson(&app, lesson))
		lesson = NULL; /* unreadable: the status line says why, over the title */
	if (lesson && unit != (size_t)-1)
		player_goto_unit(&app.player, unit);
	if (lesson && opt.data)
		trainer_prompt_data(&app, opt.data);
	end = app_loop(&app, &signo);
	term_close();
	lost = app.save_result != 0 && progress_unsaved(app.progress) > 0;
	if (lost)
		report_unsaved(&app, progress_file);
	else if (app.status[0] && app.status_style == STYLE_BAD && app.save_result == 0)
		fprintf(stderr, "%s: %s\n", PACKAGE, app.status);
	progress_free(app.progress);
	course_free(course);
	diag_free(&diags);
	if (end == LOOP_SIGNAL)
		die_by_signal(signo);
	if (end == LOOP_NOMEM)
		fatal(_("out of memory"));
	return lost ? EXIT_FAILURE : EXIT_SUCCESS;
}
