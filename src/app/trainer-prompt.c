/* trainer-prompt.c: the trainer commands of the lesson screen (see trainer-prompt.h).
 * Files go through brainio.c; the state string through the widget. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/brainio.h"
#include "app/frame.h"
#include "app/trainer-prompt.h"
#include "nls.h"
#include "widgets/trainer/trainer.h"

static const char *label(Command c)
{
	switch (c) {
	case CMD_TRAINER_SAVE: return _("Save the net and points as: ");
	case CMD_TRAINER_OPEN: return _("Open a .weights or .csv file: ");
	default: return _("State (copy it, or paste one; Enter sets it): ");
	}
}

void trainer_prompt_start(App *a, Command cmd)
{
	Instance *in = player_trainer(&a->player);
	char w[sizeof a->trainer_file], c[sizeof a->trainer_file];

	if (!in) {
		app_status(a, STYLE_WARN, "%s",
			   _("Focus a trainer first (Tab): W, O and S act on it."));
		return;
	}
	a->prompt = cmd;
	if (cmd == CMD_TRAINER_STATE) {
		trainer_state_string(trainer_state(in), a->prompt_text, sizeof a->prompt_text);
	} else if (cmd == CMD_TRAINER_SAVE && a->trainer_saved[0]) {
		snprintf(a->prompt_text, sizeof a->prompt_text, "%s", a->trainer_saved);
	} else if (cmd == CMD_TRAINER_SAVE) { /* brain in the current folder, or at home */
		char cwd[400], dir[400];
		bool home;
		brainio_save_dir(dir, sizeof dir, getcwd(cwd, sizeof cwd) ? cwd : NULL,
				 getenv("HOME"), &home);
		snprintf(a->prompt_text, sizeof a->prompt_text, "%s%sbrain", dir,
			 dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/");
	} else {
		brainio_names(a->trainer_file[0] ? a->trainer_file : "brain", w, c, sizeof w);
		snprintf(a->prompt_text, sizeof a->prompt_text, "%s", w);
	}
}

/* Whether saving to the prompt's name would replace files the learner has not saved
 * there in this session: then the first Enter warns and a second one saves. */
static bool confirm_replace(App *a)
{
	char w[sizeof a->prompt_text + 16], c[sizeof w];

	brainio_names(a->prompt_text, w, c, sizeof w);
	if (strcmp(a->prompt_text, a->trainer_saved) == 0 ||
	    strcmp(a->prompt_text, a->trainer_confirm) == 0 ||
	    (access(w, F_OK) != 0 && access(c, F_OK) != 0))
		return false;
	snprintf(a->trainer_confirm, sizeof a->trainer_confirm, "%s", a->prompt_text);
	app_status(a, STYLE_WARN, _("%s or %s exists: press Enter again to replace it."), w, c);
	return true;
}

static void act(App *a)
{
	Instance *in = player_trainer(&a->player);
	char msg[sizeof a->status];
	int r = -1;

	if (!in)
		return;
	if (a->prompt == CMD_TRAINER_STATE) {
		char now[BRAIN_STATE_MAX];
		trainer_state_string(trainer_state(in), now, sizeof now);
		if (strcmp(now, a->prompt_text) == 0)
			return; /* only looked at it */
		r = trainer_apply_state(in, a->prompt_text, msg, sizeof msg);
		if (r == 0)
			snprintf(msg, sizeof msg, "%s",
				 _("State set: press Space to train the same run again."));
	} else {
		if (a->prompt == CMD_TRAINER_SAVE)
			r = brainio_save(in, a->prompt_text, msg, sizeof msg);
		else
			r = brainio_open(in, a->prompt_text, msg, sizeof msg);
		if (r == 0)
			snprintf(a->trainer_file, sizeof a->trainer_file, "%s", a->prompt_text);
		if (r == 0 && a->prompt == CMD_TRAINER_SAVE)
			snprintf(a->trainer_saved, sizeof a->trainer_saved, "%s", a->prompt_text);
	}
	app_status(a, r == 0 ? STYLE_GOOD : STYLE_BAD, "%s", msg);
	a->player.changed = true; /* the trainer's settings are saved with the position */
}

void trainer_prompt_key(App *a, const Key *k)
{
	KeyEdit r = key_edit_line(a->prompt_text, sizeof a->prompt_text, k);

	if (r == KEYEDIT_ENTER && a->prompt == CMD_TRAINER_SAVE && confirm_replace(a))
		return; /* the prompt stays for the second Enter */
	if (r == KEYEDIT_ENTER)
		act(a);
	if (r == KEYEDIT_ENTER || r == KEYEDIT_CANCEL)
		a->prompt = CMD_NONE;
}

/* Whether the folder of the absolute path file is dir. */
static bool in_dir(const char *file, const char *dir)
{
	size_t n = dir ? strlen(dir) : 0;
	const char *slash = strrchr(file, '/');

	while (n > 1 && dir[n - 1] == '/')
		n--;
	return n && slash && (size_t)(slash - file) == (n == 1 ? 0 : n) &&
	       strncmp(file, dir, (size_t)(slash - file)) == 0;
}

/* What saving to the prompt's name writes, by full paths, and which folder that is. */
static void save_note(const char *base, char *buf, size_t size)
{
	char w[600], c[600], wa[1100], ca[1100], cwd[1024];
	const char *home = getenv("HOME");
	bool here = getcwd(cwd, sizeof cwd) != NULL;

	brainio_names(base, w, c, sizeof w);
	brainio_abs(wa, sizeof wa, w);
	brainio_abs(ca, sizeof ca, c);
	if (here && in_dir(wa, cwd))
		snprintf(buf, size, _("Writes %s and %s, in the current folder."), wa, ca);
	else if (home && in_dir(wa, home) && here && access(cwd, W_OK | X_OK) != 0)
		snprintf(buf, size,
			 _("Writes %s and %s, in your home folder (the current one cannot be "
			   "written to)."),
			 wa, ca);
	else if (home && in_dir(wa, home))
		snprintf(buf, size, _("Writes %s and %s, in your home folder."), wa, ca);
	else
		snprintf(buf, size, _("Writes %s and %s."), wa, ca);
}

void trainer_prompt_draw(const App *a, Grid *g, int *cx, int *cy)
{
	const char *text = a->prompt_text, *prefix = label(a->prompt);
	int room = g->w - (int)strlen(prefix) - 1;

	if (a->prompt == CMD_TRAINER_STATE) /* whole above the prompt, to copy */
		frame_status(g, a->prompt_text, STYLE_NORMAL);
	if (a->prompt == CMD_TRAINER_SAVE && a->prompt_text[0]) {
		char note[2600];
		save_note(a->prompt_text, note, sizeof note);
		frame_status(g, note, STYLE_NORMAL);
	}
	if (room > 0 && (int)strlen(text) > room) /* the end, where the cursor is */
		text += strlen(text) - (size_t)room;
	frame_prompt(g, prefix, text, cx, cy);
}

void trainer_prompt_data(App *a, const char *path)
{
	a->prompt = CMD_TRAINER_OPEN;
	snprintf(a->prompt_text, sizeof a->prompt_text, "%s", path);
	act(a);
	a->prompt = CMD_NONE;
}
