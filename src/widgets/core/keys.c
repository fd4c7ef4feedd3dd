/* keys.c: a kind's key table (WidgetKind.keys) read two ways: whether a key is one it
 * lists, and the help line made from it. The table is the one place a kind's keys are
 * written down; tests/widgets/core/check_keys.c proves each kind takes no other key.
 * Must not read keys from the terminal or draw. */
#include <config.h>

#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/widget.h"

typedef struct {
	const char *name, *uni; /* as tables write it, and shown in UTF-8 */
	KeyCode code;
} KeyName;

static const KeyName names[] = {
    {"Left", "←", K_LEFT},   {"Right", "→", K_RIGHT}, {"Up", "↑", K_UP},
    {"Down", "↓", K_DOWN},   {"Home", NULL, K_HOME},  {"End", NULL, K_END},
    {"PgUp", NULL, K_PGUP},  {"PgDn", NULL, K_PGDN},  {"Enter", NULL, K_ENTER},
    {"Space", NULL, K_CHAR}, {"Esc", NULL, K_ESC},    {"Backspace", NULL, K_BACKSPACE},
};

/* Whether the token tok (n bytes: a key name, a character, or a range such as 0-9)
 * names k. */
static bool token_names(const char *tok, size_t n, const Key *k)
{
	uint32_t a, b;
	size_t i, la, lb;

	if (k->code == K_CHAR && (k->mods & (KEYMOD_CTRL | KEYMOD_ALT)))
		return false; /* no kind takes Ctrl or Alt combinations */
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i].name) == n && memcmp(names[i].name, tok, n) == 0)
			return names[i].code == K_CHAR ? key_is_char(k, ' ') : k->code == names[i].code;
	if (k->code != K_CHAR)
		return false;
	la = utf8_decode(&a, tok, n);
	if (la == n)
		return k->ch == a;
	if (la < n && tok[la] == '-' && la + 1 < n) { /* a range: 0-9, a-z */
		lb = utf8_decode(&b, tok + la + 1, n - la - 1);
		return la + 1 + lb == n && k->ch >= a && k->ch <= b;
	}
	return false;
}

bool kind_key_listed(const WidgetKind *kind, const Key *k)
{
	size_t r;

	for (r = 0; kind && r < kind->nkeys; r++) {
		const char *s = kind->keys[r].keys;
		while (*s) {
			size_t n = strcspn(s, " ");
			if (n && token_names(s, n, k))
				return true;
			s += n;
			s += strspn(s, " ");
		}
	}
	return false;
}

/* How the token shows: an arrow in UTF-8, the name or character otherwise. */
static const char *token_shown(const char *tok, size_t n, bool unicode)
{
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i].name) == n && memcmp(names[i].name, tok, n) == 0)
			return unicode && names[i].uni ? names[i].uni : names[i].name;
	return NULL;
}

size_t kind_keys_line(const WidgetKind *kind, char *buf, size_t size, bool unicode)
{
	size_t r, len = 0;

	if (size)
		buf[0] = '\0';
	for (r = 0; kind && r < kind->nkeys; r++) {
		const char *s = kind->keys[r].keys;
		bool first = true;
		if (r)
			len = str_addf(buf, size, len, "  ");
		while (*s) {
			size_t n = strcspn(s, " ");
			const char *shown = token_shown(s, n, unicode);
			len = str_addf(buf, size, len, "%s%.*s", first ? "" : "/",
				       shown ? (int)strlen(shown) : (int)n, shown ? shown : s);
			first = false;
			s += n;
			s += strspn(s, " ");
		}
		len = str_addf(buf, size, len, " %s", _(kind->keys[r].help));
	}
	return len;
}

int keys_pairs(const KindKey *rows, size_t nrows, bool unicode, const char **pairs, int max,
	       char *scratch, size_t size)
{
	size_t r, used = 0;
	int n = 0;

	for (r = 0; r < nrows && n + 1 < max; r++) {
		const char *s = rows[r].keys;
		char *at = scratch + used;
		size_t len = 0;
		bool first = true;
		if (used >= size)
			break;
		while (*s) {
			size_t k = strcspn(s, " ");
			const char *shown = token_shown(s, k, unicode);
			len = str_addf(at, size - used, len, "%s%.*s", first ? "" : "/",
				       shown ? (int)strlen(shown) : (int)k, shown ? shown : s);
			first = false;
			s += k;
			s += strspn(s, " ");
		}
		used += len + 1;
		pairs[n++] = at;
		pairs[n++] = _(rows[r].help);
	}
	return n;
}

int instance_keys(const Instance *in, bool unicode, const char **pairs, int max,
		  char *scratch, size_t size)
{
	if (!in)
		return 0;
	if (in->ops->keys)
		return in->ops->keys(in, unicode, pairs, max, scratch, size);
	return in->kind ? keys_pairs(in->kind->keys, in->kind->nkeys, unicode, pairs, max, scratch,
				     size)
			: 0;
}
