/* trainer-prompt.h: the lesson screen's trainer commands: W saves the trainer's net
 * and points, O opens a weights or CSV file, S shows the trainer's state string and
 * takes a pasted one; each through a prompt on the bottom row.
 * Part of app/: acts on the App; drawing only through frame.h. */
#ifndef NN_APP_TRAINER_PROMPT_H
#define NN_APP_TRAINER_PROMPT_H

#include "app/app.h"

/* Starts the prompt of cmd (CMD_TRAINER_*) for the lesson's trainer, or says in the
 * status line that there is none. */
void trainer_prompt_start(App *a, Command cmd);

/* A key while the prompt is open: editing, Enter to act, Esc to cancel. */
void trainer_prompt_key(App *a, const Key *k);

/* Draws the open prompt over the footer (a state string whole, wrapped, above it). */
void trainer_prompt_draw(const App *a, Grid *g, int *cx, int *cy);

/* Loads the CSV file at path into the lab's trainer (--data); says how it went in the
 * status line. The lab must be open. */
void trainer_prompt_data(App *a, const char *path);

#endif
