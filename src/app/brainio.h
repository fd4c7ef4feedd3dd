/* brainio.h: a trainer widget's files: its net as a weights file (with the trainer's
 * state in a comment, so the file says which net it is) and its points as CSV, each
 * written and opened again; and the messages for a CSV file that does not load.
 * Part of app/ (the widgets never touch files); never touches the terminal: every
 * outcome is a message for the status line. */
#ifndef NN_APP_BRAINIO_H
#define NN_APP_BRAINIO_H

#include <stdbool.h>
#include <stddef.h>

#include "nn/csv.h"
#include "widgets/core/widget.h"

/* The file names saving to base gives: "BASE.weights" and "BASE.csv" (an extension
 * of either kind on base is dropped first). */
void brainio_names(const char *base, char *weights, char *csv, size_t size);

/* The folder W offers to save in, into dir: the current one (cwd) when it can be
 * written to, else the home folder (home, may be NULL) when that can; *in_home says
 * which. False (dir gets cwd) when neither can be written to. cwd and home are
 * given, not looked up, so the choice can be tested. */
bool brainio_save_dir(char *dir, size_t size, const char *cwd, const char *home,
		      bool *in_home);

/* path as an absolute path, for messages: a relative one is taken from the current
 * folder (as opening it does); "./" at its start is dropped. */
void brainio_abs(char *out, size_t size, const char *path);

/* Writes the trainer's net and all its points. Returns 0 with what was written in
 * msg (both files by their full paths), or -1 with why not. */
int brainio_save(Instance *in, const char *base, char *msg, size_t size);

/* Opens path: a .csv file becomes the trainer's points; anything else is read as a
 * weights file: the state in its comment (when there is one) sets the trainer up
 * first, then the weights are loaded into the net, which then predicts exactly what
 * the saved one did. Returns 0 or -1, with a message either way. */
int brainio_open(Instance *in, const char *path, char *msg, size_t size);

/* Why an input file (see nn/infile.h) cannot be read, as one translated sentence
 * naming path: not a regular file, larger than limit bytes, or errnum's reason. */
void brainio_file_error(char *buf, size_t size, const char *path, InfileStatus st, int errnum,
			size_t limit);

/* Why a CSV file did not load, as one translated sentence: "FILE:3: field 2 is not a
 * number". */
void brainio_csv_error(char *buf, size_t size, const char *path, const CsvError *e, NnStatus st);

#endif
