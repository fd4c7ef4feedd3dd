/* term.h: the only door to the terminal: open/close, blitting grids, waiting for keys,
 * resizes and termination signals. Must not leak curses or termkey types upward.
 * The terminal is process-wide by nature (curses, signal handlers), so this module keeps
 * its state in statics; it is opened at most once at a time. */
#ifndef NN_UI_TERM_H
#define NN_UI_TERM_H

#include <stdbool.h>

#include "draw/grid.h"
#include "ui/key.h"

typedef struct {
	bool force_ascii; /* draw with ASCII even in a UTF-8 locale */
	bool no_colour;   /* monochrome even where colours exist (--no-color, NO_COLOR) */
	bool mouse;       /* ask the terminal to report the mouse, where it can */
} TermOptions;

typedef enum {
	TERM_OK,
	TERM_ERR_STDIN_NOT_TTY,
	TERM_ERR_STDOUT_NOT_TTY,
	TERM_ERR_TERMINFO, /* $TERM unset or unknown to terminfo */
	TERM_ERR_DUMB,     /* the terminal cannot move its cursor */
	TERM_ERR_SYSTEM    /* a system call failed (errno is kept) */
} TermStatus;

typedef enum {
	TERM_EV_KEY,     /* ev.key holds the key */
	TERM_EV_RESIZE,  /* the terminal changed size, or the program was resumed after a
	                  * stop: term_size() has the size; everything is repainted */
	TERM_EV_TIMEOUT, /* the wait's timeout passed with nothing to report */
	TERM_EV_QUIT,    /* SIGTERM, SIGHUP or SIGINT arrived (ev.signo) */
	TERM_EV_EOF      /* the input is gone (terminal hung up) */
} TermEventType;

typedef struct {
	TermEventType type;
	Key key;
	int signo;
} TermEvent;

/* Checks that stdin and stdout are terminals, then takes over the screen: curses
 * output, termkey input, signal handlers for SIGWINCH, SIGTERM, SIGHUP and SIGINT.
 * On failure nothing is left changed and the status says why. */
TermStatus term_open(const TermOptions *opt);

/* Whether the locale's character set is UTF-8 (so Unicode glyphs can be shown). */
bool term_locale_utf8(void);

/* Returns a one-line translated explanation of a status from term_open. */
const char *term_status_message(TermStatus st);

/* Gives the terminal back exactly as it was (echo, canonical mode, cursor, main screen)
 * and restores default signal handling. Safe to call twice, or when never opened, so it
 * can run from atexit and before any error message. */
void term_close(void);

/* Returns whether the terminal is currently taken over. */
bool term_active(void);

/* The capabilities drawing should use (Unicode glyphs, number of colours). */
Caps term_caps(void);

/* The current size in cells. */
void term_size(int *w, int *h);

/* Shows g on the screen (its top-left corner at the screen's); only changed cells are
 * sent to the terminal. Places the cursor at (cx, cy), or hides it when cx < 0. */
void term_show(const Grid *g, int cx, int cy);

/* Repaints the whole screen at the next term_show (after Ctrl-L, or garbage from
 * another program). */
void term_redraw(void);

/* Blocks until a key, a resize or a termination signal arrives, or timeout_ms passes
 * (timeout_ms < 0 waits forever). Uses no CPU while waiting. */
void term_wait(TermEvent *ev, int timeout_ms);

/* Internal to the ui layer: input.c's half of term_open/term_close/term_wait. */
int input_open(bool utf8);
void input_close(void);
void term_apply_resize(void);
/* After SIGCONT: the terminal modes and mouse reporting as the program set them. */
void term_resume(void);

#endif
