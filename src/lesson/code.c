/* code.c: the @code block: lines kept verbatim (no comments, no directives inside, only
 * "@end" closes it), each with an optional note on "#>" lines after it. Internal to
 * src/lesson; how the code is shown (cut, notes beside or under) is src/draw's. */
#include <config.h>

#include <string.h>

#include "lesson/lex.h"
#include "lesson/parser.h"
#include "nls.h"

typedef struct {
	Code c;
	CodeLine *lines;
	size_t nlines, cap;
	size_t last; /* lines up to the last one that is not blank */
	bool in_note; /* the previous line was a note: a "#>" line goes on with it */
} CodeState;

/* A language's name: letters, digits and + - # . _, at most 32 bytes. */
static bool lang_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 32)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || strchr("+-#._", s[i])))
			return false;
	return true;
}

static void code_open(Parser *p, size_t off)
{
	CodeState *c = arena_alloc(p->arena, sizeof *c);
	size_t n = lex_token(p->ln.p + off, p->ln.n - off);
	size_t rest = lex_skip(p->ln.p, p->ln.n, off + n);

	p->state = c;
	if (!lang_ok(p->ln.p + off, n)) {
		parser_error(p, &p->ln, off,
		             _("@code needs the language of the code, one word such as python, "
		               "c, sh or text"));
		c->c.lang = "";
	} else {
		c->c.lang = parser_str(p, p->ln.p + off, n);
	}
	if (rest < p->ln.n)
		parser_error(p, &p->ln, rest, _("@%s takes one word; unexpected '%.*s'"), "code",
		             (int)lex_token(p->ln.p + rest, p->ln.n - rest), p->ln.p + rest);
}

/* Ends the note being gathered, if any, into its line. */
static void note_end(Parser *p, CodeState *c)
{
	if (c->in_note && c->nlines)
		c->lines[c->nlines - 1].note = gather_text(p);
	c->in_note = false;
}

/* A "#> note" line: starts or continues the note of the last code line. */
static void code_note(Parser *p, CodeState *c)
{
	size_t off = lex_skip(p->ln.p, p->ln.n, 2);

	if (!c->nlines || (!c->in_note && lex_skip(c->lines[c->nlines - 1].text,
	                                           strlen(c->lines[c->nlines - 1].text),
	                                           0) == strlen(c->lines[c->nlines - 1].text))) {
		parser_error(p, &p->ln, 0,
		             _("a note (#>) follows the line of code it explains; write \\#> for "
		               "code that starts with #>"));
		return;
	}
	if (off == p->ln.n) {
		parser_error(p, &p->ln, off, _("empty note"));
		return;
	}
	if (!c->in_note) {
		gather_begin(p);
		c->in_note = true;
	}
	gather_add(p, &p->ln, off, p->ln.n - off);
}

static void code_line(Parser *p)
{
	CodeState *c = p->state;
	const char *s = p->ln.p;
	size_t n = p->ln.n;
	CodeLine *l;

	if (n >= 2 && s[0] == '#' && s[1] == '>') {
		code_note(p, c);
		return;
	}
	note_end(p, c);
	/* \@end and \#> stand for code lines that would read as the end or a note. */
	if (n >= 5 && memcmp(s, "\\@end", 5) == 0 && lex_skip(s, n, 5) == n)
		s++, n--;
	else if (n >= 3 && memcmp(s, "\\#>", 3) == 0)
		s++, n--;
	if (!c->nlines && lex_skip(s, n, 0) == n)
		return; /* blank lines before the code */
	if (parser_full(p, c->nlines))
		return;
	c->lines = arena_grow(p->arena, c->lines, c->nlines, &c->cap, c->nlines + 1,
	                      sizeof *c->lines);
	l = &c->lines[c->nlines++];
	memset(l, 0, sizeof *l);
	l->text = parser_str(p, s, lex_rtrim(s, n));
	l->line = p->ln.no;
	if (lex_skip(s, n, 0) < n)
		c->last = c->nlines;
}

static void code_close(Parser *p, Block *b)
{
	CodeState *c = p->state;

	note_end(p, c);
	c->nlines = c->last; /* blank lines after the code go */
	if (!c->nlines)
		parser_error(p, &p->open_ln, 0, _("the code block is empty"));
	b->code = c->c;
	b->code.lines = c->lines;
	b->code.nlines = c->nlines;
}

const BlockType block_code = {
    .name = "code",
    .kind = BLOCK_CODE,
    .open = code_open,
    .line = code_line,
    .close = code_close,
    .verbatim = true,
};
