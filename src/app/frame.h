/* frame.h: what every screen shares: the footer of keys, the status line, the
 * "enlarge the terminal" screen, and the pace of an animation's frames. Must not hold
 * state: screens pass what to show, the loop its clock. */
#ifndef NN_APP_FRAME_H
#define NN_APP_FRAME_H

#include "app/keymap.h"
#include "draw/grid.h"

/* The smallest terminal the course is laid out for. */
#define FRAME_MIN_W 80
#define FRAME_MIN_H 24

/* Draws the footer of ctx's keys on the last row, in the bar style. */
void frame_footer(Grid *g, KeyContext ctx);

/* Draws the footer of a screen whose control has keys of its own: those (n strings,
 * pairs of a key and what it does) from the left, as many as fit, and ctx's keys on
 * the right, always shown. */
void frame_footer_pairs(Grid *g, KeyContext ctx, const char *const *pairs, int n);

/* Draws a prompt (prefix, then the text typed so far) on the last row, in place of
 * the footer, with the cursor after the text. */
void frame_prompt(Grid *g, const char *prefix, const char *text, int *cx, int *cy);

/* Draws msg (if not empty) in style st on the rows above the footer, wrapped onto
 * at most three rows. */
void frame_status(Grid *g, const char *msg, Style st);

/* The milliseconds to wait for the next frame of an animation: what is left of the
 * frame_ms that began at start (seconds, the clock now is read from), rounded up so
 * that the wait never ends early; 0 when the frame is over (or never began: start
 * <= 0), at most frame_ms (a clock that went back). */
int frame_wait_ms(double start, double now, int frame_ms);

/* When the frame that begins at a tick at time now starts on the schedule of
 * frame_ms frames: frame_ms after the start of the one before (prev), so a frame that
 * ran a little late is made up by the next; now itself when there was none before
 * (prev <= 0), when that time has not come yet (a key woke the loop early) or when it
 * is a whole frame or more behind (no rush of frames to catch up). */
double frame_next(double prev, double now, int frame_ms);

/* Returns whether g is smaller than the course needs. */
int frame_too_small(const Grid *g);

/* Fills g with the request to enlarge the terminal to FRAME_MIN_W x FRAME_MIN_H,
 * saying its current size, centred and wrapped to fit even a tiny grid. */
void frame_draw_too_small(Grid *g);

#endif
