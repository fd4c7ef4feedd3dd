/* keymap.c: the binding table and the help and footer texts made from it.
 * Must not draw or act on commands. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "app/keymap.h"
#include "base/utf8.h"
#include "nls.h"

#define MAP KCTX_MAP
#define LES KCTX_LESSON
#define HLP KCTX_HELP
#define TTL KCTX_TITLE
#define CTL KCTX_CONTROL
#define REV KCTX_REVIEW
#define GLS KCTX_GLOSSARY
#define ALL (TTL | MAP | LES | HLP | CTL | REV | GLS)
#define SCROLL (MAP | LES | HLP)
/* The key rule: while a control has the focus (CTL) it gets every key first, letters
 * included; what it leaves of these non-letter keys scrolls the lesson, and Tab,
 * Shift-Tab, Esc, ? and F1 are always the player's. */
#define SCROLL_KEYS (SCROLL | CTL)

static const Binding bindings[] = {
	{TTL, K_ENTER, 0, 0, CMD_OPEN, N_("start"), 1, NULL},
	{TTL, K_CHAR, ' ', 0, CMD_OPEN, NULL, 0, NULL},
	{MAP, K_ENTER, 0, 0, CMD_OPEN, N_("open the lesson"), 2, N_("open")},
	{GLS, K_ENTER, 0, 0, CMD_OPEN, N_("open the unit that teaches the term"), 2, N_("open")},
	{MAP, K_CHAR, 'c', 0, CMD_CONTINUE, N_("continue where you stopped"), 3, N_("continue")},
	{MAP, K_CHAR, 'L', 0, CMD_LAB, N_("open the lab: train your own networks"), 4, N_("lab")},
	{MAP, K_CHAR, 'r', 0, CMD_REVIEW, N_("review the questions due"), 0, NULL},
	{REV, K_ENTER, 0, 0, CMD_OPEN, N_("next question, once this one is answered"), 0, NULL},
	{REV, K_ESC, 0, 0, CMD_BACK, N_("leave the review (what you answered is kept)"), 1,
	 N_("leave")},
	{SCROLL_KEYS | GLS, K_UP, 0, 0, CMD_UP, N_("move up"), 0, NULL},
	{SCROLL, K_CHAR, 'k', 0, CMD_UP, NULL, 0, NULL},
	{SCROLL_KEYS | GLS, K_DOWN, 0, 0, CMD_DOWN, N_("move down"), 0, NULL},
	{SCROLL, K_CHAR, 'j', 0, CMD_DOWN, NULL, 0, NULL},
	{SCROLL_KEYS | GLS, K_PGUP, 0, 0, CMD_PAGE_UP, N_("page up"), 0, NULL},
	{SCROLL, K_CHAR, 'b', 0, CMD_PAGE_UP, NULL, 0, NULL},
	{SCROLL_KEYS | GLS, K_PGDN, 0, 0, CMD_PAGE_DOWN, N_("page down"), 0, NULL},
	{SCROLL_KEYS, K_CHAR, ' ', 0, CMD_PAGE_DOWN, NULL, 0, NULL},
	{SCROLL_KEYS | GLS, K_HOME, 0, 0, CMD_TOP, N_("go to the top"), 0, NULL},
	{SCROLL, K_CHAR, 'g', 0, CMD_TOP, NULL, 0, NULL},
	{SCROLL_KEYS | GLS, K_END, 0, 0, CMD_BOTTOM, N_("go to the end"), 0, NULL},
	{SCROLL, K_CHAR, 'G', 0, CMD_BOTTOM, NULL, 0, NULL},
	{LES | CTL, K_TAB, 0, 0, CMD_FOCUS_NEXT, N_("focus the next control"), 2, N_("next control")},
	{LES | CTL, K_BACKTAB, 0, 0, CMD_FOCUS_PREV, N_("focus the previous control"), 0, NULL},
	{CTL, K_ESC, 0, 0, CMD_LEAVE, N_("leave the control (Esc again: back to the map)"), 3,
	 N_("leave")},
	{LES, K_CHAR, 'n', 0, CMD_LESSON_NEXT, N_("next lesson"), 3, N_("next")},
	{LES, K_CHAR, 'p', 0, CMD_LESSON_PREV, N_("previous lesson"), 4, N_("previous")},
	{MAP | LES, K_CHAR, '/', 0, CMD_SEARCH, N_("search"), 5, NULL},
	{MAP | LES, (KeyCode)(K_F1 + 2), 0, 0, CMD_SEARCH_NEXT, N_("next match"), 0, NULL},
	{MAP | LES | HLP, K_CHAR, 't', 0, CMD_GLOSSARY,
	 N_("glossary: every term, what it means and the unit that teaches it"), 7,
	 N_("glossary")},
	{LES | CTL, K_CHAR, 'W', 0, CMD_TRAINER_SAVE, N_("trainer: write its net and points to files"),
	 0, NULL},
	{LES | CTL, K_CHAR, 'O', 0, CMD_TRAINER_OPEN, N_("trainer: open a weights or CSV file"), 0, NULL},
	{LES | CTL, K_CHAR, 'S', 0, CMD_TRAINER_STATE,
	 N_("trainer: show its state string, or paste one"), 0, NULL},
	{TTL | MAP | LES | CTL | REV, K_CHAR, '?', 0, CMD_HELP, N_("help: every key"), 6, N_("help")},
	{TTL | MAP | LES | CTL | REV, K_F1, 0, 0, CMD_HELP, NULL, 0, NULL},
	{GLS, K_F1, 0, 0, CMD_HELP, N_("help: every key"), 6, N_("help")},
	{LES | HLP | GLS, K_ESC, 0, 0, CMD_BACK, N_("back"), 1, NULL},
	{LES | HLP, K_CHAR, 'q', 0, CMD_BACK, NULL, 0, NULL},
	{TTL | MAP, K_CHAR, 'q', 0, CMD_QUIT, N_("quit"), 1, NULL},
	{ALL, K_CHAR, 'l', KEYMOD_CTRL, CMD_REDRAW, N_("redraw the screen"), 0, NULL},
};

#define N_BINDINGS (sizeof bindings / sizeof *bindings)

static int matches(const Binding *b, const Key *k)
{
	unsigned held = k->mods & (KEYMOD_CTRL | KEYMOD_ALT);

	if (b->code != k->code || held != b->mods)
		return 0;
	return b->code != K_CHAR || b->ch == k->ch;
}

Command keymap_lookup(KeyContext ctx, const Key *k)
{
	size_t i;

	for (i = 0; i < N_BINDINGS; i++)
		if ((bindings[i].contexts & ctx) && matches(&bindings[i], k))
			return bindings[i].cmd;
	return CMD_NONE;
}

static void name_of(const Binding *b, char *buf, size_t size)
{
	Key k = {0};

	k.code = b->code;
	k.ch = b->ch;
	k.mods = b->mods;
	key_describe(&k, buf, size);
}

void keymap_each(KeyContext ctx, void (*fn)(const char *keys, const char *what, void *ctx),
		 void *arg)
{
	size_t i, j;

	for (i = 0; i < N_BINDINGS; i++) {
		char keys[64] = "", one[16];
		const char *what = NULL;

		if (!(bindings[i].contexts & ctx) || !bindings[i].what)
			continue;
		/* This row and the description-less rows after it with the same command. */
		for (j = i; j < N_BINDINGS; j++) {
			if (j > i && (bindings[j].what || bindings[j].cmd != bindings[i].cmd))
				break;
			if (!(bindings[j].contexts & ctx))
				continue;
			name_of(&bindings[j], one, sizeof one);
			if (*keys)
				strncat(keys, ", ", sizeof keys - strlen(keys) - 1);
			strncat(keys, one, sizeof keys - strlen(keys) - 1);
			what = bindings[i].what;
		}
		if (what)
			fn(keys, _(what), arg);
	}
}

char *keymap_footer(KeyContext ctx, int width, char *buf, size_t size)
{
	size_t len = 0;
	int used = 0, order;

	if (size)
		buf[0] = '\0';
	for (order = 1; order < 10; order++) {
		size_t i;
		for (i = 0; i < N_BINDINGS; i++) {
			const Binding *b = &bindings[i];
			char name[16], item[96];
			int w;

			if (!(b->contexts & ctx) || b->footer != order || !b->what)
				continue;
			name_of(b, name, sizeof name);
			snprintf(item, sizeof item, "%s%s %s", len ? "  " : "", name,
				 _(b->label ? b->label : b->what));
			w = utf8_width(item, strlen(item));
			if (used + w > width || len + strlen(item) + 1 > size)
				return buf;
			memcpy(buf + len, item, strlen(item) + 1);
			len += strlen(item);
			used += w;
		}
	}
	return buf;
}
