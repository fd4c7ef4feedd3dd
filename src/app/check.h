/* check.h: neuronauts --check: lesson files and course directories checked from the
 * command line, with GNU-style diagnostics. Must not touch the terminal's screen. */
#ifndef NN_APP_CHECK_H
#define NN_APP_CHECK_H

/* Parses and checks each operand (a course directory, a directory of lesson files,
 * a course.index or a lesson file); with none, default_dir. Prints every diagnostic
 * to stderr as "file:line:col: message" with the line quoted, and a count at the end.
 * Returns the exit status: 0 when everything is clean, 1 on any error. */
int check_run(int nargs, char **args, const char *default_dir);

#endif
