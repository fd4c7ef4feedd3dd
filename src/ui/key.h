/* key.h: the program's own key type, decoded from the terminal by ui/input.c.
 * Must not include curses or termkey: widgets and screens see only this. */
#ifndef NN_UI_KEY_H
#define NN_UI_KEY_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
	K_NONE,
	K_CHAR, /* a printable character in Key.ch */
	K_ENTER,
	K_TAB,
	K_BACKTAB, /* Shift-Tab */
	K_BACKSPACE,
	K_ESC,
	K_UP,
	K_DOWN,
	K_LEFT,
	K_RIGHT,
	K_HOME,
	K_END,
	K_PGUP,
	K_PGDN,
	K_INSERT,
	K_DELETE,
	K_F1, /* K_F1 + n - 1 is Fn, up to F12 */
	K_F12 = K_F1 + 11,
	K_MOUSE, /* Key.mouse_* hold the event */
	K_COUNT
} KeyCode;

enum {
	KEYMOD_SHIFT = 1 << 0,
	KEYMOD_ALT = 1 << 1,
	KEYMOD_CTRL = 1 << 2
};

typedef enum {
	MOUSE_PRESS,
	MOUSE_RELEASE,
	MOUSE_DRAG,
	MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN
} MouseAction;

typedef struct {
	KeyCode code;
	uint32_t ch;   /* K_CHAR: the code point (for Ctrl-x: 'x' with KEYMOD_CTRL) */
	unsigned mods; /* KEYMOD_* bits */
	MouseAction mouse_action;
	int mouse_button, mouse_x, mouse_y; /* 0-based cell of a K_MOUSE event */
} Key;

/* Returns 1 when k is the plain character ch (no Ctrl or Alt), else 0. */
int key_is_char(const Key *k, uint32_t ch);

/* What key_edit_line did with a key. */
typedef enum {
	KEYEDIT_CHANGED, /* a character added or removed */
	KEYEDIT_ENTER,   /* Enter: the line is done */
	KEYEDIT_CANCEL,  /* Esc: give up */
	KEYEDIT_IGNORED  /* not an editing key (the line is unchanged) */
} KeyEdit;

/* Edits a one-line UTF-8 text field in buf (size bytes, NUL-terminated) with k: a
 * printable character is appended while it fits, Backspace removes the last whole
 * character, Ctrl-U clears the line. Used by every prompt (search, typed answers). */
KeyEdit key_edit_line(char *buf, size_t size, const Key *k);

/* Writes a short readable name of k into buf ("q", "Enter", "C-c", "S-Tab", "F1",
 * "PgDn"); always NUL-terminates when size > 0. Returns buf. */
char *key_describe(const Key *k, char *buf, size_t size);

#endif
