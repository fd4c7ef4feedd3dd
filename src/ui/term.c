/* term.c: curses output, the terminal's life cycle and the style-to-colour map.
 * The only file that includes curses; must not be included by other layers. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "base/translit.h"
#include "nls.h"
#include "ui/term.h"

static struct {
	bool active;
	bool mouse; /* we turned mouse reporting on and must turn it off */
	SCREEN *screen;
	Caps caps;
	/* NEURONAUTS_FRAME_LOG (for make bench): each frame's time, written at close. */
	const char *frame_log;
	double *frame_t;
	size_t frames, frame_cap;
} T;

enum { FRAME_LOG_CAP = 1 << 16 }; /* frames logged at most (36 minutes at 30 a second) */

/* Starts the frame log when NEURONAUTS_FRAME_LOG names a file (benchmarks count the
 * frames drawn from it: bench/ptyrun.c). */
static void frame_log_open(void)
{
	const char *path = getenv("NEURONAUTS_FRAME_LOG");

	T.frames = 0;
	T.frame_log = NULL;
	if (!path || !*path || !(T.frame_t = malloc(FRAME_LOG_CAP * sizeof *T.frame_t)))
		return;
	T.frame_log = path;
	T.frame_cap = FRAME_LOG_CAP;
}

static void frame_log_add(void)
{
	struct timespec ts;

	if (!T.frame_log || T.frames >= T.frame_cap)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	T.frame_t[T.frames++] = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Writes the frame log: one CLOCK_MONOTONIC time in seconds a line. */
static void frame_log_close(void)
{
	FILE *f;
	size_t i;

	if (T.frame_log && (f = fopen(T.frame_log, "w")) != NULL) {
		for (i = 0; i < T.frames; i++)
			fprintf(f, "%.6f\n", T.frame_t[i]);
		fclose(f);
	}
	free(T.frame_t);
	T.frame_t = NULL;
	T.frame_log = NULL;
}

/* xterm mouse reporting: button presses and releases (1000) in SGR encoding (1006),
 * which termkey decodes. Terminals without "kmous" in terminfo are left alone. */
#define MOUSE_ON "\033[?1000h\033[?1006h"
#define MOUSE_OFF "\033[?1006l\033[?1000l"

static void mouse_reporting(bool on)
{
	fputs(on ? MOUSE_ON : MOUSE_OFF, stdout);
	fflush(stdout);
}

/* Colours for each style: foreground (-1: the terminal's own) and attributes; in
 * monochrome only mono_attr is used, so every style stays distinguishable. */
static const struct {
	short fg;
	attr_t attr, mono_attr;
} style_map[STYLE_COUNT] = {
	[STYLE_NORMAL] = {-1, A_NORMAL, A_NORMAL},
	[STYLE_DIM] = {-1, A_DIM, A_DIM},
	[STYLE_BOLD] = {-1, A_BOLD, A_BOLD},
	[STYLE_TITLE] = {COLOR_CYAN, A_BOLD, A_BOLD},
	[STYLE_ACCENT] = {COLOR_YELLOW, A_BOLD, A_BOLD},
	[STYLE_KEY] = {COLOR_CYAN, A_BOLD, A_BOLD},
	[STYLE_GOOD] = {COLOR_GREEN, A_BOLD, A_BOLD},
	[STYLE_BAD] = {COLOR_RED, A_BOLD, A_UNDERLINE},
	[STYLE_WARN] = {COLOR_YELLOW, A_NORMAL, A_BOLD},
	[STYLE_FOCUS] = {-1, A_REVERSE, A_REVERSE},
	[STYLE_BAR] = {-1, A_REVERSE, A_REVERSE},
};

/* Data colours in 256-colour terminals (xterm palette) and in 8-colour ones. The
 * ramp runs from blue through a pale neutral to orange. */
static const short colour_256[COLOUR_COUNT] = {
	[COLOUR_NONE] = -1,   [COLOUR_CLASS0] = 33,  [COLOUR_CLASS1] = 208,
	[COLOUR_CLASS2] = 34, [COLOUR_CLASS3] = 160, [COLOUR_CLASS4] = 135,
	[COLOUR_CLASS5] = 178, [COLOUR_MUTED] = 244,
	[COLOUR_RAMP + 0] = 19,  [COLOUR_RAMP + 1] = 25,  [COLOUR_RAMP + 2] = 32,
	[COLOUR_RAMP + 3] = 74,  [COLOUR_RAMP + 4] = 117, [COLOUR_RAMP + 5] = 254,
	[COLOUR_RAMP + 6] = 223, [COLOUR_RAMP + 7] = 215, [COLOUR_RAMP + 8] = 208,
	[COLOUR_RAMP + 9] = 202, [COLOUR_RAMP + 10] = 166,
};
static const short colour_8[COLOUR_COUNT] = {
	[COLOUR_NONE] = -1, [COLOUR_CLASS0] = COLOR_BLUE, [COLOUR_CLASS1] = COLOR_YELLOW,
	[COLOUR_CLASS2] = COLOR_GREEN, [COLOUR_CLASS3] = COLOR_RED,
	[COLOUR_CLASS4] = COLOR_MAGENTA, [COLOUR_CLASS5] = COLOR_CYAN,
	[COLOUR_MUTED] = COLOR_WHITE,
	[COLOUR_RAMP + 0] = COLOR_BLUE, [COLOUR_RAMP + 1] = COLOR_BLUE,
	[COLOUR_RAMP + 2] = COLOR_BLUE, [COLOUR_RAMP + 3] = COLOR_CYAN,
	[COLOUR_RAMP + 4] = COLOR_CYAN, [COLOUR_RAMP + 5] = COLOR_WHITE,
	[COLOUR_RAMP + 6] = COLOR_YELLOW, [COLOUR_RAMP + 7] = COLOR_YELLOW,
	[COLOUR_RAMP + 8] = COLOR_YELLOW, [COLOUR_RAMP + 9] = COLOR_RED,
	[COLOUR_RAMP + 10] = COLOR_RED,
};

/* Colour pairs are made on demand for each (foreground, background) that is drawn:
 * index (fg + 1) * 257 + (bg + 1), with -1 the terminal's default colour. */
static short pair_table[257 * 257];
static short pairs_used;
static bool default_colours;

static short pair_for(short fg, short bg)
{
	int i = (fg + 1) * 257 + (bg + 1);

	if (pair_table[i])
		return pair_table[i];
	if (pairs_used + 1 >= COLOR_PAIRS || pairs_used >= 32766)
		return 0; /* out of pairs: the default colours, still readable */
	if (!default_colours) {
		fg = fg < 0 ? COLOR_WHITE : fg;
		bg = bg < 0 ? COLOR_BLACK : bg;
	}
	if (init_pair((short)(pairs_used + 1), fg, bg) == ERR)
		return 0;
	pair_table[i] = ++pairs_used;
	return pair_table[i];
}

bool term_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Whether terminfo describes cursor addressing ("cup"): without it no screen works. */
static bool has_cursor_motion(void)
{
	char *cup = tigetstr("cup");
	return cup != NULL && cup != (char *)-1;
}

static void setup_colours(bool no_colour)
{
	T.caps.colours = 0;
	memset(pair_table, 0, sizeof pair_table);
	pairs_used = 0;
	if (no_colour || !has_colors() || start_color() == ERR)
		return;
	default_colours = use_default_colors() == OK;
	T.caps.colours = COLORS >= 256 ? 256 : 8;
}

TermStatus term_open(const TermOptions *opt)
{
	if (T.active)
		return TERM_OK;
	if (!isatty(STDIN_FILENO))
		return TERM_ERR_STDIN_NOT_TTY;
	if (!isatty(STDOUT_FILENO))
		return TERM_ERR_STDOUT_NOT_TTY;
	if (!getenv("TERM") || !*getenv("TERM"))
		return TERM_ERR_TERMINFO;

	/* newterm, unlike initscr, returns NULL instead of exiting on an unknown $TERM. */
	T.screen = newterm(NULL, stdout, stdin);
	if (!T.screen)
		return TERM_ERR_TERMINFO;
	if (!has_cursor_motion()) {
		endwin();
		delscreen(T.screen);
		T.screen = NULL;
		return TERM_ERR_DUMB;
	}
	T.caps.unicode = !opt->force_ascii && term_locale_utf8();
	if (input_open(T.caps.unicode) != 0) {
		int e = errno;
		endwin();
		delscreen(T.screen);
		T.screen = NULL;
		errno = e;
		return TERM_ERR_SYSTEM;
	}
	/* ncurses emits one write() per cursor move until the first endwin(). */
	refresh();
	endwin();
	refresh();
	cbreak(); /* keeps ISIG: Ctrl-C and Ctrl-Z raise signals we handle */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, FALSE); /* termkey reads the keys */
	curs_set(0);
	setup_colours(opt->no_colour);
	T.mouse = opt->mouse && tigetstr("kmous") != NULL && tigetstr("kmous") != (char *)-1;
	if (T.mouse)
		mouse_reporting(true);
	frame_log_open();
	T.active = true;
	return TERM_OK;
}

const char *term_status_message(TermStatus st)
{
	switch (st) {
	case TERM_OK:
		return "";
	case TERM_ERR_STDIN_NOT_TTY:
		return _("standard input is not a terminal; neuronauts is interactive and "
			 "must be run in a terminal (see --help)");
	case TERM_ERR_STDOUT_NOT_TTY:
		return _("standard output is not a terminal; neuronauts is interactive and "
			 "must be run in a terminal (see --help)");
	case TERM_ERR_TERMINFO:
		return _("the terminal type in $TERM is unset or unknown; set TERM, for "
			 "example TERM=xterm-256color");
	case TERM_ERR_DUMB:
		return _("this terminal cannot move its cursor; use a full-screen "
			 "terminal (xterm, tmux, screen, a Linux console)");
	case TERM_ERR_SYSTEM:
		return _("the terminal could not be set up");
	}
	return "";
}

void term_close(void)
{
	if (!T.active)
		return;
	T.active = false;
	input_close(); /* before endwin: the other order leaves the shell without echo */
	curs_set(1);
	endwin();
	if (T.mouse)
		mouse_reporting(false);
	delscreen(T.screen);
	T.screen = NULL;
	fflush(stdout);
	frame_log_close();
}

bool term_active(void)
{
	return T.active;
}

Caps term_caps(void)
{
	return T.caps;
}

void term_size(int *w, int *h)
{
	*w = T.active ? COLS : 0;
	*h = T.active ? LINES : 0;
}

void term_apply_resize(void)
{
	struct winsize ws;

	if (!T.active)
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE); /* repaint everything: the terminal may have reflowed */
}

void term_resume(void)
{
	if (!T.active)
		return;
	reset_prog_mode(); /* curses' own modes (no echo, no line buffering) */
	if (T.mouse)
		mouse_reporting(true);
}

void term_redraw(void)
{
	if (T.active)
		clearok(curscr, TRUE);
}

void term_show(const Grid *g, int cx, int cy)
{
	int x, y;

	if (!T.active)
		return;
	erase();
	for (y = 0; y < g->h && y < LINES; y++) {
		for (x = 0; x < g->w && x < COLS; x++) {
			const Cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
			wchar_t wc[2] = {(wchar_t)c->ch, 0};
			int s = c->style < STYLE_COUNT ? c->style : STYLE_NORMAL;
			attr_t a = T.caps.colours ? style_map[s].attr : style_map[s].mono_attr;
			short pair = 0;
			cchar_t cc;

			if (T.caps.colours) {
				const short *map = T.caps.colours >= 256 ? colour_256 : colour_8;
				short fg = c->fg && c->fg < COLOUR_COUNT ? map[c->fg] : style_map[s].fg;
				short bg = c->bg && c->bg < COLOUR_COUNT ? map[c->bg] : -1;
				pair = pair_for(fg, bg);
			}

			if (c->ch == GRID_WIDE_CONT)
				continue;
			if (!T.caps.unicode && c->ch > 0x7E) {
				/* The last resort for text drawn without going through the
				 * layout: a one-character stand-in, or '?'. */
				const char *t = translit_ascii(c->ch);
				wc[0] = t && t[0] && !t[1] ? (wchar_t)t[0] : L'?';
			}
			setcchar(&cc, wc, a, pair, NULL);
			mvadd_wch(y, x, &cc);
		}
	}
	if (cx >= 0 && cx < COLS && cy >= 0 && cy < LINES) {
		move(cy, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
	frame_log_add();
}
