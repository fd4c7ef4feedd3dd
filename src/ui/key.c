/* key.c: naming keys for footers, help screens and tests.
 * Must not include curses or termkey. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "ui/key.h"

static const char *const key_names[K_COUNT] = {
	[K_NONE] = "none",   [K_CHAR] = "char",     [K_ENTER] = "Enter",
	[K_TAB] = "Tab",     [K_BACKTAB] = "S-Tab", [K_BACKSPACE] = "Backspace",
	[K_ESC] = "Esc",     [K_UP] = "Up",         [K_DOWN] = "Down",
	[K_LEFT] = "Left",   [K_RIGHT] = "Right",   [K_HOME] = "Home",
	[K_END] = "End",     [K_PGUP] = "PgUp",     [K_PGDN] = "PgDn",
	[K_INSERT] = "Ins",  [K_DELETE] = "Del",    [K_MOUSE] = "Mouse",
};

int key_is_char(const Key *k, uint32_t ch)
{
	return k->code == K_CHAR && k->ch == ch &&
	       !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT));
}

char *key_describe(const Key *k, char *buf, size_t size)
{
	char base[16];
	const char *prefix_c = (k->mods & KEYMOD_CTRL) ? "C-" : "";
	const char *prefix_a = (k->mods & KEYMOD_ALT) ? "M-" : "";

	if (size == 0)
		return buf;
	if (k->code == K_CHAR) {
		if (k->ch == ' ') {
			strcpy(base, "Space");
		} else {
			size_t n = utf8_encode(base, k->ch);
			base[n] = '\0';
		}
	} else if (k->code >= K_F1 && k->code <= K_F12) {
		snprintf(base, sizeof base, "F%d", (int)(k->code - K_F1) + 1);
	} else if (k->code < K_COUNT && key_names[k->code]) {
		snprintf(base, sizeof base, "%s", key_names[k->code]);
	} else {
		strcpy(base, "?");
	}
	snprintf(buf, size, "%s%s%s", prefix_c, prefix_a, base);
	return buf;
}

KeyEdit key_edit_line(char *buf, size_t size, const Key *k)
{
	size_t n = strlen(buf);

	if (k->code == K_ESC)
		return KEYEDIT_CANCEL;
	if (k->code == K_ENTER)
		return KEYEDIT_ENTER;
	if (k->code == K_BACKSPACE) {
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
			n--; /* back over the continuation bytes to the character's start */
		buf[n > 0 ? n - 1 : 0] = '\0';
		return KEYEDIT_CHANGED;
	}
	if (k->code == K_CHAR && (k->mods & KEYMOD_CTRL) && k->ch == 'u') {
		buf[0] = '\0'; /* Ctrl-U: the whole line, as in a shell */
		return KEYEDIT_CHANGED;
	}
	if (k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) && k->ch >= ' ' &&
	    n + 5 <= size) {
		buf[n + utf8_encode(buf + n, k->ch)] = '\0';
		return KEYEDIT_CHANGED;
	}
	return KEYEDIT_IGNORED;
}
