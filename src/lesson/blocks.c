/* blocks.c: the @formula, @callout and @widget blocks: their fields, their bodies and
 * the checks that need no other file. Internal to src/lesson; widget parameters are
 * only read here; the schemas are the checker's (check.c). */
#include <config.h>

#include <string.h>

#include "lesson/lex.h"
#include "lesson/parser.h"
#include "nls.h"

/* Reports a line inside a formula that is neither a field nor a continuation, naming
 * its first word. */
static void not_a_field(Parser *p)
{
	int n = (int)lex_token(p->ln.p, p->ln.n);

	if (n > 40)
		n = 40;
	parser_error(p, &p->ln, 0,
	             _("unexpected '%.*s' in a formula: it takes unicode:, ascii:, words: and "
	               "where: lines"),
	             n, p->ln.p);
}

/* Handles what every field block shares: comments are gone already; a blank line ends
 * a continued field; an indented line continues it. Returns true when the line is
 * handled. */
static bool common_line(Parser *p)
{
	size_t i = lex_skip(p->ln.p, p->ln.n, 0);

	if (i == p->ln.n) {
		pend_flush(p);
		return true;
	}
	if (i > 0) {
		if (!pend_continue(p))
			parser_error(p, &p->ln, i,
			             _("an indented line continues a field, but no field is open"));
		return true;
	}
	pend_flush(p);
	return false;
}

/* ---- @formula ---- */

typedef struct {
	const char **uni, **ascii;
	size_t nuni, nascii, capu, capa;
	Text words;
	bool has_words;
	LegendRow *legend;
	size_t nlegend, capl;
} FormulaState;

static void formula_open(Parser *p, size_t off)
{
	if (off < p->ln.n)
		parser_error(p, &p->ln, off, _("@formula takes no arguments"));
	p->state = arena_alloc(p->arena, sizeof(FormulaState));
}

/* Reports the first non-ASCII character of ln[off..off+n) with msg; returns true if
 * there is one. */
static bool not_ascii(Parser *p, size_t off, size_t n, const char *msg)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p->ln.p[off + i] >= 0x80) {
			parser_error(p, &p->ln, off + i, "%s", msg);
			return true;
		}
	return false;
}

static void formula_legend(Parser *p, FormulaState *f, size_t off)
{
	const char *s = p->ln.p;
	size_t n = p->ln.n, a = lex_bar(s + off, n - off) + off, b, mean;
	LegendRow *r;

	if (a == n) {
		parser_error(p, &p->ln, off,
		             _("a legend line reads 'where: symbol | meaning' or "
		               "'where: symbol | ascii | meaning'"));
		return;
	}
	b = lex_bar(s + a + 3, n - a - 3) + a + 3;
	if (parser_full(p, f->nlegend))
		return;
	f->legend = arena_grow(p->arena, f->legend, f->nlegend, &f->capl, f->nlegend + 1,
	                       sizeof *f->legend);
	r = &f->legend[f->nlegend++];
	r->line = p->ln.no;
	r->uni = parser_str(p, s + off, lex_rtrim(s + off, a - off));
	if (b < n) {
		r->ascii = parser_str(p, s + a + 3, lex_rtrim(s + a + 3, b - a - 3));
		not_ascii(p, a + 3, b - a - 3,
		          _("the ASCII spelling of a symbol must be ASCII only"));
		mean = b + 3;
	} else {
		r->ascii = r->uni;
		if (!lex_ascii(r->uni, strlen(r->uni)))
			parser_error(p, &p->ln, off,
			             _("the symbol '%s' is not ASCII: give its ASCII spelling too "
			               "(where: %s | ascii | meaning)"),
			             r->uni, r->uni);
		mean = a + 3;
	}
	if (!*r->uni || !*r->ascii)
		parser_error(p, &p->ln, off, _("empty symbol in a legend line"));
	mean = lex_skip(s, n, mean);
	if (mean == n)
		parser_error(p, &p->ln, mean, _("the legend line has no meaning"));
	pend_text(p, &r->meaning, mean);
}

static void formula_line(Parser *p)
{
	FormulaState *f = p->state;
	size_t off, k;
	const Line *ln = &p->ln;

	if (common_line(p))
		return;
	k = field_name(ln, &off);
	if (k && lex_eq(ln->p, k, "unicode")) {
		if (off == ln->n)
			parser_error(p, ln, off, _("empty formula line"));
		if (parser_full(p, f->nuni))
			return;
		f->uni =
		    arena_grow(p->arena, f->uni, f->nuni, &f->capu, f->nuni + 1, sizeof *f->uni);
		f->uni[f->nuni++] = parser_str(p, ln->p + off, ln->n - off);
	} else if (k && lex_eq(ln->p, k, "ascii")) {
		if (off == ln->n)
			parser_error(p, ln, off, _("empty formula line"));
		not_ascii(p, off, ln->n - off, _("an ascii: line must be ASCII only"));
		if (parser_full(p, f->nascii))
			return;
		f->ascii = arena_grow(p->arena, f->ascii, f->nascii, &f->capa, f->nascii + 1,
		                      sizeof *f->ascii);
		f->ascii[f->nascii++] = parser_str(p, ln->p + off, ln->n - off);
	} else if (k && lex_eq(ln->p, k, "words")) {
		if (f->has_words)
			parser_error(p, ln, 0, _("a formula has one words: line"));
		f->has_words = true;
		pend_text(p, &f->words, off);
	} else if (k && lex_eq(ln->p, k, "where")) {
		formula_legend(p, f, off);
	} else {
		not_a_field(p);
	}
}

static void formula_close(Parser *p, Block *b)
{
	FormulaState *f = p->state;
	const Line *o = &p->open_ln;
	size_t i;
	bool all_ascii = true;

	for (i = 0; i < f->nuni; i++)
		all_ascii = all_ascii && lex_ascii(f->uni[i], strlen(f->uni[i]));
	if (f->nuni == 0)
		parser_error(p, o, 0, _("the formula has no unicode: line"));
	else if (f->nascii == 0 && all_ascii)
		f->ascii = f->uni, f->nascii = f->nuni;
	else if (f->nascii != f->nuni)
		parser_error(p, o, 0,
		             _("the formula's unicode: and ascii: lines do not pair up (%zu and "
		               "%zu): each line needs both renderings"),
		             f->nuni, f->nascii);
	if (!f->has_words)
		parser_error(p, o, 0, _("the formula has no words: line (the formula in words)"));
	b->formula.uni = f->uni;
	b->formula.ascii = f->ascii;
	b->formula.nlines = f->nuni < f->nascii ? f->nuni : f->nascii;
	b->formula.words = f->words;
	b->formula.legend = f->legend;
	b->formula.nlegend = f->nlegend;
}

const BlockType block_formula = {
    .name = "formula",
    .kind = BLOCK_FORMULA,
    .open = formula_open,
    .line = formula_line,
    .close = formula_close,
};

/* ---- @callout ---- */

static const char *const callout_names[] = {"explain", "example",  "takeaway",
                                            "bigidea", "research", "analogy"};

#define N_CALLOUTS (sizeof callout_names / sizeof *callout_names)

typedef struct {
	Callout c;
	BlockVec body;
	Citation *cites;
	size_t ncites, capc;
} CalloutState;

static void callout_open(Parser *p, size_t off)
{
	CalloutState *c = arena_alloc(p->arena, sizeof *c);
	size_t n = lex_token(p->ln.p + off, p->ln.n - off), i, t;

	p->state = c;
	p->sink = &c->body;
	for (i = 0; i < N_CALLOUTS && !lex_eq(p->ln.p + off, n, callout_names[i]); i++)
		;
	if (i == N_CALLOUTS) {
		parser_error(p, &p->ln, off,
		             _("@callout needs a kind: explain, example, takeaway, bigidea, "
		               "research or analogy"));
		i = 0;
	}
	c->c.kind = (CalloutKind)i;
	t = lex_skip(p->ln.p, p->ln.n, off + n);
	if (t < p->ln.n)
		c->c.title = parser_str(p, p->ln.p + t, p->ln.n - t);
}

static void callout_cite(Parser *p, CalloutState *c, size_t off)
{
	const char *s = p->ln.p;
	size_t n = p->ln.n, a = lex_bar(s + off, n - off) + off, b;
	Citation *ci;
	int year;

	prose_flush(p);
	if (c->c.kind != CALLOUT_RESEARCH) {
		parser_error(p, &p->ln, 0, _("cite: lines belong in a research callout"));
		return;
	}
	b = a < n ? lex_bar(s + a + 3, n - a - 3) + a + 3 : n;
	if (a == n || b == n || lex_bar(s + b + 3, n - b - 3) + b + 3 != n) {
		parser_error(p, &p->ln, off, _("a citation reads 'cite: authors | title | year'"));
		return;
	}
	if (!lex_int(s + b + 3, n - b - 3, 9999, &year) || year < 1000) {
		parser_error(p, &p->ln, b + 3, _("the year of a citation is a number like 1986"));
		return;
	}
	if (parser_full(p, c->ncites))
		return;
	c->cites =
	    arena_grow(p->arena, c->cites, c->ncites, &c->capc, c->ncites + 1, sizeof *c->cites);
	ci = &c->cites[c->ncites++];
	ci->authors = parser_str(p, s + off, lex_rtrim(s + off, a - off));
	ci->title = parser_str(p, s + a + 3, lex_rtrim(s + a + 3, b - a - 3));
	ci->year = year;
	ci->line = p->ln.no;
}

static void callout_line(Parser *p)
{
	CalloutState *c = p->state;
	size_t off, k = field_name(&p->ln, &off);

	if (k && lex_eq(p->ln.p, k, "cite"))
		callout_cite(p, c, off);
	else
		prose_line(p, true);
}

static void callout_close(Parser *p, Block *b)
{
	CalloutState *c = p->state;
	size_t i;
	bool steps = false;

	prose_flush(p);
	for (i = 0; i < c->body.n; i++)
		steps = steps || c->body.v[i].kind == BLOCK_STEPS;
	if (c->body.n == 0)
		parser_error(p, &p->open_ln, 0, _("the callout is empty"));
	else if (c->c.kind == CALLOUT_EXAMPLE && !steps)
		parser_error(p, &p->open_ln, 0,
		             _("a worked example needs numbered steps (1. ..., 2. ...)"));
	b->callout = c->c;
	b->callout.body = c->body.v;
	b->callout.nbody = c->body.n;
	b->callout.cites = c->cites;
	b->callout.ncites = c->ncites;
}

const BlockType block_callout = {
    .name = "callout",
    .kind = BLOCK_CALLOUT,
    .open = callout_open,
    .line = callout_line,
    .close = callout_close,
};

/* ---- @widget ---- */

typedef struct {
	Widget w;
	Param *params;
	size_t nparams, cap;
	ParamLists lists; /* parameters written on "key: a, b" lines */
	int alt_line;
} WidgetState;

static void widget_open(Parser *p, size_t off)
{
	WidgetState *w = arena_alloc(p->arena, sizeof *w);
	size_t n = lex_token(p->ln.p + off, p->ln.n - off), i;

	p->state = w;
	for (i = 0; i < n && ((p->ln.p[off + i] >= 'a' && p->ln.p[off + i] <= 'z') ||
	                      (i > 0 && p->ln.p[off + i] == '-'));
	     i++)
		;
	if (n == 0 || i < n || n > 32 || memchr(p->ln.p + off, '=', n)) {
		parser_error(p, &p->ln, off,
		             _("@widget needs a widget kind (a lowercase name) before its "
		               "parameters"));
		w->w.kind = "";
	} else {
		w->w.kind = parser_str(p, p->ln.p + off, n);
		off += n;
	}
	params_parse(p, off, &w->params, &w->nparams, &w->cap);
}

static void widget_line(Parser *p)
{
	WidgetState *w = p->state;
	size_t off, k;

	if (common_line(p))
		return;
	k = params_line_key(&p->ln, &off);
	if (k && lex_eq(p->ln.p, k, "alt")) {
		if (w->alt_line)
			parser_error(p, &p->ln, 0,
			             _("a widget has one alt: text (first at line %d)"),
			             w->alt_line);
		w->alt_line = p->ln.no;
		pend_str(p, &w->w.alt, off);
	} else if (k) {
		params_line(p, k, off, &w->params, &w->nparams, &w->cap, &w->lists);
	} else {
		params_parse(p, 0, &w->params, &w->nparams, &w->cap);
	}
}

static void widget_close(Parser *p, Block *b)
{
	WidgetState *w = p->state;

	params_lines_end(p, w->params, &w->nparams, &w->lists);
	w->w.id = params_take(w->params, &w->nparams, "id");
	if (!w->w.id)
		parser_error(p, &p->open_ln, 0,
		             _("the widget has no id= (a name unique in the lesson)"));
	if (!w->w.alt)
		parser_error(p, &p->open_ln, 0,
		             _("the widget has no alt: text (what a screen reader or --plain "
		               "shows instead)"));
	w->w.params = w->params;
	w->w.nparams = w->nparams;
	b->widget = w->w;
}

const BlockType block_widget = {
    .name = "widget",
    .kind = BLOCK_WIDGET,
    .open = widget_open,
    .line = widget_line,
    .close = widget_close,
};
