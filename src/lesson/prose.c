/* prose.c: paragraphs, bullet lists, numbered steps and headings, at unit level and in
 * callouts. Internal to src/lesson; text re-flows, so nothing here knows a width. */
#include <config.h>

#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/parser.h"
#include "nls.h"

/* Ends the item being gathered and adds it to the list. */
static void prose_item_end(Parser *p)
{
	Text t;

	if (!p->g.on)
		return;
	t = gather_text(p);
	if (parser_full(p, p->nitems))
		return;
	p->items =
	    arena_grow(p->arena, p->items, p->nitems, &p->itemcap, p->nitems + 1, sizeof *p->items);
	p->items[p->nitems++] = t;
}

void prose_flush(Parser *p)
{
	Block *b;

	switch (p->prose) {
	case PROSE_NONE:
		return;
	case PROSE_PARA:
		b = parser_block(p, p->sink, BLOCK_PARA, p->prose_line);
		if (b)
			b->para = gather_text(p);
		else
			p->g.on = false;
		break;
	case PROSE_LIST:
	case PROSE_STEPS:
		prose_item_end(p);
		b = parser_block(p, p->sink, p->prose == PROSE_LIST ? BLOCK_LIST : BLOCK_STEPS,
		                 p->prose_line);
		if (b) {
			b->list.items = p->items;
			b->list.n = p->nitems;
		}
		break;
	}
	p->prose = PROSE_NONE;
	p->full_said = false;
	p->items = NULL;
	p->nitems = p->itemcap = 0;
}

/* Returns the length of the step number at the start of the line ("12. "), or 0. */
static size_t prose_step_number(const Line *ln, int *num)
{
	size_t i = 0;

	while (i < ln->n && i < 6 && ln->p[i] >= '0' && ln->p[i] <= '9')
		i++;
	if (i == 0 || i + 1 >= ln->n || ln->p[i] != '.' || !lex_blank(ln->p[i + 1]))
		return 0;
	if (!lex_int(ln->p, i, 99999, num))
		return 0;
	return i;
}

/* Starts a list item of the given kind at byte off of the current line. */
static void prose_item(Parser *p, ProseState kind, size_t off)
{
	if (p->prose != kind) {
		prose_flush(p);
		p->prose = kind;
		p->prose_line = p->ln.no;
		p->next_step = 1;
	} else {
		prose_item_end(p);
	}
	gather_begin(p);
	off = lex_skip(p->ln.p, p->ln.n, off);
	if (off == p->ln.n)
		parser_error(p, &p->ln, off, _("empty list item"));
	gather_add(p, &p->ln, off, p->ln.n - off);
}

static void prose_heading(Parser *p, bool in_callout)
{
	const Line *ln = &p->ln;
	size_t level = 0, i;
	Block *b;

	while (level < ln->n && ln->p[level] == '#')
		level++;
	if (level < ln->n && !lex_blank(ln->p[level])) {
		parser_error(p, ln, level,
		             _("a heading needs a blank after its #s (write \\# to start a "
		               "paragraph with #)"));
		return;
	}
	if (level > 3) {
		parser_error(p, ln, 0, _("headings have 1 to 3 #s, not %zu"), level);
		return;
	}
	if (in_callout) {
		parser_error(p, ln, 0, _("a callout cannot hold a heading (use its title)"));
		return;
	}
	i = lex_skip(ln->p, ln->n, level);
	if (i == ln->n) {
		parser_error(p, ln, i, _("empty heading"));
		return;
	}
	prose_flush(p);
	b = parser_block(p, p->sink, BLOCK_HEADING, ln->no);
	gather_begin(p);
	gather_add(p, ln, i, ln->n - i);
	if (b) {
		b->heading.level = (int)level;
		b->heading.text = gather_text(p);
	} else {
		p->g.on = false;
	}
}

void prose_line(Parser *p, bool in_callout)
{
	const Line *ln = &p->ln;
	size_t i = lex_skip(ln->p, ln->n, 0), k;
	int num;

	if (i == ln->n) { /* a blank line ends a paragraph or a list */
		prose_flush(p);
		return;
	}
	if (i > 0 &&
	    (p->prose == PROSE_LIST || p->prose == PROSE_STEPS || p->prose == PROSE_PARA)) {
		gather_add(p, ln, i, ln->n - i); /* an indented line continues */
		return;
	}
	if (ln->p[0] == '#') {
		prose_heading(p, in_callout);
		return;
	}
	if (ln->n >= 2 && ln->p[0] == '-' && lex_blank(ln->p[1])) {
		prose_item(p, PROSE_LIST, 2);
		return;
	}
	if ((k = prose_step_number(ln, &num)) != 0) {
		if (p->prose != PROSE_STEPS)
			p->next_step = 1;
		if (num != p->next_step)
			parser_error(p, ln, 0, _("expected step %d here, not %d"), p->next_step,
			             num);
		prose_item(p, PROSE_STEPS, k + 2);
		p->next_step = num + 1;
		return;
	}
	if (p->prose == PROSE_LIST || p->prose == PROSE_STEPS)
		prose_flush(p);
	if (p->prose == PROSE_NONE) {
		p->prose = PROSE_PARA;
		p->prose_line = ln->no;
		gather_begin(p);
	}
	gather_add(p, ln, i, ln->n - i);
}
