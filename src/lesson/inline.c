/* inline.c: light inline markup of lesson text: *emphasis*, `code`, <Key>, glossary
 * links {term:NAME} and {term:NAME|words}, and backslash escapes. Internal to src/lesson; no terminal, no printing. */
#include <config.h>

#include <string.h>

#include "lesson/lex.h"
#include "lesson/parser.h"
#include "nls.h"

enum { KEY_MAX = 24 }; /* bytes of a key name between < and > */

typedef struct {
	Parser *p;
	Span *spans;
	size_t n, cap;
	char *out; /* every span's text, NUL-separated */
	size_t o;
	size_t start;    /* where the current span's text starts in out */
	size_t no_close; /* no star at or after this index can close an emphasis */
} InlineOut;

static bool inline_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (unsigned char)c >= 0x80;
}

static bool inline_punct(char c)
{
	return (c > ' ' && c < '0') || (c > '9' && c < 'A') || (c > 'Z' && c < 'a') ||
	       (c > 'z' && c < 0x7F);
}

/* Whether c means more to inline_parse than itself: markup, an escape, a blank. */
static bool inline_special(char c)
{
	return c == '\\' || c == '`' || c == '*' || c == '<' || c == '{' ||
	       lex_blank(c);
}

/* Ends the span being written (if it has text) as kind. */
static void inline_end(InlineOut *io, SpanKind kind)
{
	Span *s;

	if (io->o == io->start && kind == SPAN_TEXT)
		return;
	io->spans =
	    arena_grow(io->p->arena, io->spans, io->n, &io->cap, io->n + 1, sizeof *io->spans);
	s = &io->spans[io->n++];
	s->kind = kind;
	s->text = io->out + io->start;
	s->len = io->o - io->start;
	s->term = NULL;
	io->out[io->o++] = '\0';
	io->start = io->o;
}

/* Appends c to the current span; blanks collapse to one space unless verbatim. */
static void inline_put(InlineOut *io, char c, bool verbatim)
{
	if (!verbatim && lex_blank(c)) {
		if (io->o > io->start && io->out[io->o - 1] == ' ')
			return;
		c = ' ';
	}
	if (c == '\t')
		c = ' ';
	io->out[io->o++] = c;
}

/* Copies s[a..b) into the current span: escapes resolved, blanks collapsed. */
static void inline_copy(InlineOut *io, const char *s, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		if (s[i] == '\\' && i + 1 < b && inline_punct(s[i + 1]))
			i++;
		inline_put(io, s[i], false);
	}
}

/* Returns the index of the '*' closing an emphasis opened at i, or 0. Whether a star
 * can close does not depend on the opener, so after one search fails no later opener
 * searches again: the whole text costs linear time. */
static size_t inline_emph_close(InlineOut *io, const char *s, size_t n, size_t i)
{
	size_t j;

	if (i + 1 >= n || lex_blank(s[i + 1]) || s[i + 1] == '*')
		return 0;
	if (i > 0 && inline_alnum(s[i - 1]))
		return 0;
	if (i + 2 >= io->no_close)
		return 0;
	for (j = i + 2; j < n; j++) {
		if (s[j] == '\\') {
			j++;
			continue;
		}
		if (s[j] == '*' && !lex_blank(s[j - 1]) && (j + 1 == n || !inline_alnum(s[j + 1])))
			return j;
	}
	io->no_close = i + 2;
	return 0;
}

/* Returns the index of the '>' closing a key name opened at i, or 0. */
static size_t inline_key_close(const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i + 1; j < n && j - i <= KEY_MAX; j++) {
		if (s[j] == '>')
			return j > i + 1 ? j : 0;
		if (lex_blank(s[j]) || s[j] == '<')
			return 0;
	}
	return 0;
}

/* A glossary link "{term:NAME}" or "{term:NAME|words}" at s[i..n): adds its span
 * (the words, or the name) and returns the index of its '}', or 0 when s[i..) is not
 * one. */
static size_t inline_term(InlineOut *io, const char *s, size_t n, size_t i)
{
	static const char open[] = "{term:";
	const size_t k = sizeof open - 1;
	const char *close, *bar, *name;
	size_t j, a, e;

	if (n - i < k || memcmp(s + i, open, k) != 0)
		return 0;
	close = memchr(s + i + k, '}', n - i - k);
	if (!close) {
		gather_error(io->p, i, _("unclosed {term: (a glossary link needs a closing })"));
		return 0;
	}
	j = (size_t)(close - s);
	a = i + k;
	bar = memchr(s + a, '|', j - a);
	e = bar ? (size_t)(bar - s) : j;
	name = terms_link(io->p, s + a, e - a, i);
	inline_end(io, SPAN_TEXT);
	if (bar && lex_skip(s, j, e + 1) < j)
		inline_copy(io, s, lex_skip(s, j, e + 1), j);
	else
		inline_copy(io, name, 0, strlen(name));
	while (io->o > io->start && io->out[io->o - 1] == ' ')
		io->o--;
	if (io->o == io->start)
		inline_put(io, '?', false);
	inline_end(io, SPAN_TERM);
	io->spans[io->n - 1].term = name;
	return j;
}

Text inline_parse(Parser *p)
{
	const char *s = p->g.buf;
	size_t n = p->g.len, i, j;
	InlineOut io = {p, NULL, 0, 0, NULL, 0, 0, (size_t)-1};
	Text t;

	io.out = arena_alloc_raw(p->arena, 2 * n + 2); /* filled as it goes */
	for (i = 0; i < n; i++) {
		char c = s[i];
		size_t run = i;

		while (run < n && !inline_special(s[run]))
			run++;
		if (run > i) { /* plain characters, most of any text: copied as they are */
			memcpy(io.out + io.o, s + i, run - i);
			io.o += run - i;
			i = run - 1;
		} else if (c == '\\' && i + 1 < n && inline_punct(s[i + 1])) {
			inline_put(&io, s[++i], false);
		} else if (c == '`') {
			const char *close = memchr(s + i + 1, '`', n - i - 1);
			if (!close) {
				gather_error(p, i, _("unclosed ` (code needs a closing `)"));
				inline_put(&io, c, false);
				continue;
			}
			j = (size_t)(close - s);
			inline_end(&io, SPAN_TEXT);
			for (i++; i < j; i++)
				inline_put(&io, s[i], true);
			inline_end(&io, SPAN_CODE);
		} else if (c == '*' && (j = inline_emph_close(&io, s, n, i)) != 0) {
			inline_end(&io, SPAN_TEXT);
			inline_copy(&io, s, i + 1, j);
			inline_end(&io, SPAN_EMPH);
			i = j;
		} else if (c == '{' && (j = inline_term(&io, s, n, i)) != 0) {
			i = j;
		} else if (c == '<' && (j = inline_key_close(s, n, i)) != 0) {
			inline_end(&io, SPAN_TEXT);
			for (i++; i < j; i++)
				inline_put(&io, s[i], true);
			inline_end(&io, SPAN_KEY);
		} else {
			inline_put(&io, c, false);
		}
	}
	inline_end(&io, SPAN_TEXT);
	t.spans = io.spans;
	t.n = io.n;
	return t;
}
