/* loop.c: the main loop: draw the current screen, wait for one event, dispatch it.
 * Must not draw itself (screens do) nor exit (main decides). */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/frame.h"
#include "app/help.h"
#include "app/title.h"
#include "nls.h"
#include "ui/term.h"

static void title_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	(void)a;
	title_draw(g, caps);
	*cx = *cy = -1;
}

static void title_screen_command(App *a, Command cmd, const Key *k)
{
	(void)k;
	if (cmd == CMD_QUIT)
		a->quit = true;
}

static KeyContext help_context(const App *a);

static void help_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	(void)caps;
	help_draw(g, help_context(a), &a->help_scroll);
	*cx = *cy = -1;
}

static void help_screen_command(App *a, Command cmd, const Key *k)
{
	(void)k;
	switch (cmd) {
	case CMD_BACK:
		a->screen = a->help_from;
		break;
	case CMD_UP:
		a->help_scroll--;
		break;
	case CMD_DOWN:
		a->help_scroll++;
		break;
	case CMD_PAGE_UP:
		a->help_scroll -= 10;
		break;
	case CMD_PAGE_DOWN:
		a->help_scroll += 10;
		break;
	case CMD_TOP:
		a->help_scroll = 0;
		break;
	case CMD_BOTTOM:
		a->help_scroll = 1 << 20; /* help_draw clamps */
		break;
	default:
		break;
	}
}

static const ScreenOps screens[SCREEN_COUNT] = {
	[SCREEN_TITLE] = {KCTX_TITLE, title_screen_draw, title_screen_command},
	[SCREEN_HELP] = {KCTX_HELP, help_screen_draw, help_screen_command},
};

void app_status(App *a, Style st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_style = st;
}

int app_save(App *a)
{
	if (!a->progress || progress_save(a->progress) == 0)
		return 0;
	app_status(a, STYLE_BAD, _("Progress could not be saved (%s); it will be saved again "
				   "at the next step."),
		   strerror(errno));
	return -1;
}

/* Draws the current screen, or the request to enlarge a terminal that is too small. */
static void draw(App *a, Grid *g)
{
	int cx = -1, cy = -1;

	if (frame_too_small(g)) {
		frame_draw_too_small(g);
	} else {
		const ScreenOps *s = &screens[a->screen];
		s->draw(a, g, term_caps(), &cx, &cy);
		frame_status(g, a->status, a->status_style);
	}
	term_show(g, cx, cy);
}

/* What the help lists: the keys of the screen the learner came from. */
static KeyContext help_context(const App *a)
{
	return screens[a->help_from].ctx;
}

static void dispatch(App *a, const Key *k)
{
	const ScreenOps *s = &screens[a->screen];
	KeyContext ctx = s->ctx;
	Command cmd = keymap_lookup(ctx, k);

	a->status[0] = '\0'; /* a message stays until the next key */
	switch (cmd) {
	case CMD_HELP:
		a->help_from = a->screen;
		a->help_scroll = 0;
		a->screen = SCREEN_HELP;
		return;
	case CMD_REDRAW:
		term_redraw();
		return;
	default:
		s->command(a, cmd, k);
	}
}

LoopEnd app_loop(App *a, int *signo)
{
	Grid g;
	int w, h;
	LoopEnd end = LOOP_DONE;

	term_size(&w, &h);
	if (grid_init(&g, w, h) != 0)
		return LOOP_NOMEM;
	while (!a->quit) {
		TermEvent ev;

		term_size(&w, &h);
		if ((w != g.w || h != g.h) && grid_resize(&g, w, h) != 0) {
			end = LOOP_NOMEM;
			break;
		}
		draw(a, &g);
		term_wait(&ev, -1);
		if (ev.type == TERM_EV_QUIT) {
			*signo = ev.signo;
			end = LOOP_SIGNAL;
			break;
		}
		if (ev.type == TERM_EV_EOF)
			break;
		if (ev.type == TERM_EV_KEY) {
			if (frame_too_small(&g)) {
				/* Only quitting makes sense until the terminal is enlarged. */
				if (key_is_char(&ev.key, 'q'))
					a->quit = true;
				continue;
			}
			dispatch(a, &ev.key);
		}
	}
	grid_free(&g);
	app_save(a);
	return end;
}
