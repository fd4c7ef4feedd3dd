/* quiz.c: the @quiz block: single and multiple choice, numeric with tolerance,
 * matching, ordering and free recall, with feedback, hints and an explanation.
 * Internal to src/lesson; grading is the player's job, not the parser's. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "lesson/lex.h"
#include "lesson/parser.h"
#include "nls.h"

static const char *const quiz_names[] = {"single", "multi", "numeric", "match", "order", "recall"};

#define N_QUIZZES (sizeof quiz_names / sizeof *quiz_names)
#define KIND(k)   (1u << (k))

typedef enum { LAST_NONE, LAST_CHOICE, LAST_PAIR, LAST_TERM } LastItem;

typedef struct {
	Quiz q;
	QuizChoice *choices;
	QuizPair *pairs;
	QuizWrong *wrongs;
	QuizTerm *terms;
	Text *hints;
	size_t capc, capp, capw, capt, caph;
	bool in_prompt; /* no item or field yet: plain lines are the question */
	bool bad_kind;  /* the kind was reported: skip the kind's own checks */
	LastItem last;
	int answer_line, tolerance_line, explain_line, need_line, unit_line;
	int next_item;
} QuizState;

typedef struct {
	const char *name;
	unsigned kinds; /* the quiz kinds it belongs to */
	void (*fn)(Parser *p, QuizState *s, size_t off);
} QuizField;

const char *quiz_kind_name(QuizKind k)
{
	return (size_t)k < N_QUIZZES ? quiz_names[k] : "?";
}

/* Reports a field given twice; returns true when it was. */
static bool once(Parser *p, int *line, const char *field)
{
	if (*line) {
		parser_error(p, &p->ln, 0, _("%s: is given twice (first at line %d)"), field,
		             *line);
		return true;
	}
	*line = p->ln.no;
	return false;
}

static void f_feedback(Parser *p, QuizState *s, size_t off)
{
	Text *t = NULL;

	if (s->last == LAST_CHOICE)
		t = &s->choices[s->q.nchoices - 1].feedback;
	else if (s->last == LAST_PAIR)
		t = &s->pairs[s->q.npairs - 1].feedback;
	else if (s->last == LAST_TERM)
		t = &s->terms[s->q.nterms - 1].feedback;
	if (!t) {
		parser_error(p, &p->ln, 0,
		             _("feedback: follows the choice, item, pair or term it is for"));
		return;
	}
	if (t->n || p->pend_text == t) {
		parser_error(p, &p->ln, 0, _("this already has its feedback:"));
		return;
	}
	s->last = LAST_NONE;
	pend_text(p, t, off);
}

static void f_hint(Parser *p, QuizState *s, size_t off)
{
	if (parser_full(p, s->q.nhints))
		return;
	s->hints = arena_grow(p->arena, s->hints, s->q.nhints, &s->caph, s->q.nhints + 1,
	                      sizeof *s->hints);
	memset(&s->hints[s->q.nhints], 0, sizeof *s->hints);
	pend_text(p, &s->hints[s->q.nhints++], off);
	s->last = LAST_NONE;
}

static void f_explain(Parser *p, QuizState *s, size_t off)
{
	if (!once(p, &s->explain_line, "explain"))
		pend_text(p, &s->q.explain, off);
	s->last = LAST_NONE;
}

/* Reads a number at off up to end; reports what when it is not one. */
static bool number_at(Parser *p, size_t off, size_t end, double *v, const char *what)
{
	end = off + lex_rtrim(p->ln.p + off, end - off);
	if (!lex_number(p->ln.p + off, end - off, v)) {
		parser_error(p, &p->ln, off, _("%s must be a number such as 0.5"), what);
		return false;
	}
	return true;
}

static void f_answer(Parser *p, QuizState *s, size_t off)
{
	if (!once(p, &s->answer_line, "answer"))
		number_at(p, off, p->ln.n, &s->q.answer, "answer:");
}

static void f_tolerance(Parser *p, QuizState *s, size_t off)
{
	if (once(p, &s->tolerance_line, "tolerance") ||
	    !number_at(p, off, p->ln.n, &s->q.tolerance, "tolerance:"))
		return;
	if (s->q.tolerance < 0)
		parser_error(p, &p->ln, off, _("tolerance: cannot be negative"));
}

static void f_unit(Parser *p, QuizState *s, size_t off)
{
	if (!once(p, &s->unit_line, "unit"))
		s->q.unit = parser_str(p, p->ln.p + off, p->ln.n - off);
}

static void f_wrong(Parser *p, QuizState *s, size_t off)
{
	size_t bar = lex_bar(p->ln.p + off, p->ln.n - off) + off;
	QuizWrong *w;
	double v;

	if (bar == p->ln.n) {
		parser_error(p, &p->ln, off, _("a wrong answer reads 'wrong: number | feedback'"));
		return;
	}
	if (!number_at(p, off, bar, &v, "wrong:") || parser_full(p, s->q.nwrongs))
		return;
	s->wrongs = arena_grow(p->arena, s->wrongs, s->q.nwrongs, &s->capw, s->q.nwrongs + 1,
	                       sizeof *s->wrongs);
	w = &s->wrongs[s->q.nwrongs++];
	memset(w, 0, sizeof *w);
	w->value = v;
	w->line = p->ln.no;
	pend_text(p, &w->feedback, lex_skip(p->ln.p, p->ln.n, bar + 3));
	s->last = LAST_NONE;
}

static void f_pair(Parser *p, QuizState *s, size_t off)
{
	size_t bar = lex_bar(p->ln.p + off, p->ln.n - off) + off, r;
	QuizPair *q;

	if (bar == p->ln.n || bar == off) {
		parser_error(p, &p->ln, off, _("a pair reads 'pair: left | right'"));
		return;
	}
	r = lex_skip(p->ln.p, p->ln.n, bar + 3);
	if (r == p->ln.n) {
		parser_error(p, &p->ln, r, _("a pair reads 'pair: left | right'"));
		return;
	}
	if (parser_full(p, s->q.npairs))
		return;
	s->pairs = arena_grow(p->arena, s->pairs, s->q.npairs, &s->capp, s->q.npairs + 1,
	                      sizeof *s->pairs);
	q = &s->pairs[s->q.npairs++];
	memset(q, 0, sizeof *q);
	q->line = p->ln.no;
	gather_begin(p);
	gather_add(p, &p->ln, off, bar - off);
	q->left = gather_text(p);
	pend_text(p, &q->right, r);
	s->last = LAST_PAIR;
}

static void f_term(Parser *p, QuizState *s, size_t off)
{
	const char **alts = NULL;
	size_t nalts = 0, cap = 0, end;
	QuizTerm *t;

	if (parser_full(p, s->q.nterms))
		return;
	while (off < p->ln.n) {
		end = lex_bar(p->ln.p + off, p->ln.n - off) + off;
		if (end == off || parser_full(p, nalts)) {
			parser_error(p, &p->ln, off, _("empty term"));
			return;
		}
		alts = arena_grow(p->arena, alts, nalts, &cap, nalts + 1, sizeof *alts);
		alts[nalts++] = parser_str(p, p->ln.p + off, lex_rtrim(p->ln.p + off, end - off));
		off = end < p->ln.n ? lex_skip(p->ln.p, p->ln.n, end + 3) : end;
	}
	if (!nalts) {
		parser_error(p, &p->ln, off,
		             _("term: needs the key term (and alternatives, "
		               "separated by ' | ')"));
		return;
	}
	s->terms = arena_grow(p->arena, s->terms, s->q.nterms, &s->capt, s->q.nterms + 1,
	                      sizeof *s->terms);
	t = &s->terms[s->q.nterms++];
	memset(t, 0, sizeof *t);
	t->alts = alts;
	t->nalts = nalts;
	t->line = p->ln.no;
	s->last = LAST_TERM;
}

static void f_need(Parser *p, QuizState *s, size_t off)
{
	if (once(p, &s->need_line, "need"))
		return;
	if (!lex_int(p->ln.p + off, lex_rtrim(p->ln.p + off, p->ln.n - off), 1000, &s->q.need) ||
	    s->q.need < 1)
		parser_error(p, &p->ln, off, _("need: is how many terms a good answer mentions"));
}

static const QuizField quiz_fields[] = {
    {"feedback",
     KIND(QUIZ_SINGLE) | KIND(QUIZ_MULTI) | KIND(QUIZ_MATCH) | KIND(QUIZ_ORDER) | KIND(QUIZ_RECALL),
     f_feedback},
    {"hint", ~0u, f_hint},
    {"explain", ~0u, f_explain},
    {"answer", KIND(QUIZ_NUMERIC), f_answer},
    {"tolerance", KIND(QUIZ_NUMERIC), f_tolerance},
    {"unit", KIND(QUIZ_NUMERIC), f_unit},
    {"wrong", KIND(QUIZ_NUMERIC), f_wrong},
    {"pair", KIND(QUIZ_MATCH), f_pair},
    {"term", KIND(QUIZ_RECALL), f_term},
    {"need", KIND(QUIZ_RECALL), f_need},
};

#define N_FIELDS (sizeof quiz_fields / sizeof *quiz_fields)

static void quiz_open(Parser *p, size_t off)
{
	QuizState *s = arena_alloc(p->arena, sizeof *s);
	size_t n = lex_token(p->ln.p + off, p->ln.n - off), i, cap = 0, np = 0;
	Param *params = NULL;

	p->state = s;
	s->in_prompt = true;
	s->next_item = 1;
	for (i = 0; i < N_QUIZZES && !lex_eq(p->ln.p + off, n, quiz_names[i]); i++)
		;
	if (i == N_QUIZZES) {
		parser_error(p, &p->ln, off,
		             _("@quiz needs a kind: single, multi, numeric, match, order or "
		               "recall"));
		i = 0;
		s->bad_kind = true;
		if (memchr(p->ln.p + off, '=', n))
			n = 0; /* "@quiz id=x": read the parameters anyway */
	}
	s->q.kind = (QuizKind)i;
	params_parse(p, off + n, &params, &np, &cap);
	s->q.id = params_take(params, &np, "id");
	s->q.show = params_take(params, &np, "show");
	if (s->q.show && !*s->q.show)
		s->q.show = NULL;
	for (i = 0; i < np; i++)
		parser_error(p, &p->ln, 0,
		             _("unknown quiz parameter '%s' (a quiz takes id= and show=)"),
		             params[i].key);
	if (!s->q.id)
		parser_error(p, &p->ln, 0, _("the quiz has no id= (a name unique in the lesson)"));
}

/* True when the line starts like a choice: "[x]" or "[ ]". */
static bool is_choice(const Line *ln)
{
	return ln->n >= 3 && ln->p[0] == '[' && ln->p[2] == ']' &&
	       (ln->p[1] == ' ' || ln->p[1] == 'x' || ln->p[1] == 'X');
}

/* Returns the length of the number of an item "12. text", or 0. */
static size_t is_item(const Line *ln)
{
	size_t i = 0;

	while (i < ln->n && i < 6 && ln->p[i] >= '0' && ln->p[i] <= '9')
		i++;
	if (i == 0 || i + 1 >= ln->n || ln->p[i] != '.' || !lex_blank(ln->p[i + 1]))
		return 0;
	return i;
}

/* A choice "[x] text" or "[ ] text"; returns false when the line is not one. */
static bool quiz_choice(Parser *p, QuizState *s)
{
	const Line *ln = &p->ln;
	QuizChoice *c;
	size_t off;

	if (!is_choice(ln))
		return false;
	if (s->q.kind != QUIZ_SINGLE && s->q.kind != QUIZ_MULTI) {
		parser_error(p, ln, 0, _("choices [x] and [ ] belong in single and multi quizzes"));
		return true;
	}
	off = lex_skip(ln->p, ln->n, 3);
	if (off == ln->n) {
		parser_error(p, ln, off, _("empty choice"));
		return true;
	}
	if (parser_full(p, s->q.nchoices))
		return true;
	s->choices = arena_grow(p->arena, s->choices, s->q.nchoices, &s->capc, s->q.nchoices + 1,
	                        sizeof *s->choices);
	c = &s->choices[s->q.nchoices++];
	memset(c, 0, sizeof *c);
	c->right = ln->p[1] != ' ';
	c->line = ln->no;
	pend_text(p, &c->text, off);
	s->last = LAST_CHOICE;
	return true;
}

/* An item of an ordering quiz, "1. text", in the right order; false if not one. */
static bool quiz_item(Parser *p, QuizState *s)
{
	const Line *ln = &p->ln;
	QuizChoice *c;
	size_t i = is_item(ln), off;
	int num;

	if (!i)
		return false;
	if (s->q.kind != QUIZ_ORDER) {
		parser_error(p, ln, 0, _("numbered items belong in order quizzes"));
		return true;
	}
	if (!lex_int(ln->p, i, 99999, &num) || num != s->next_item)
		parser_error(p, ln, 0,
		             _("expected item %d here (items are written in the right "
		               "order)"),
		             s->next_item);
	s->next_item++;
	off = lex_skip(ln->p, ln->n, i + 2);
	if (parser_full(p, s->q.nchoices))
		return true;
	s->choices = arena_grow(p->arena, s->choices, s->q.nchoices, &s->capc, s->q.nchoices + 1,
	                        sizeof *s->choices);
	c = &s->choices[s->q.nchoices++];
	memset(c, 0, sizeof *c);
	c->right = true;
	c->line = ln->no;
	pend_text(p, &c->text, off);
	s->last = LAST_CHOICE;
	return true;
}

static void quiz_line(Parser *p)
{
	QuizState *s = p->state;
	const Line *ln = &p->ln;
	size_t i = lex_skip(ln->p, ln->n, 0), off, k, f;

	if (i == ln->n) { /* blank: ends a continued field, but not the question */
		if (!s->in_prompt)
			pend_flush(p);
		return;
	}
	if (i > 0) {
		if (!pend_continue(p))
			parser_error(p, ln, i,
			             _("an indented line continues a field, but no field is open"));
		return;
	}
	k = field_name(ln, &off);
	if (!k && s->in_prompt && !is_choice(ln) && !is_item(ln)) {
		if (!p->pend_text)
			pend_text(p, &s->q.prompt, 0);
		else
			gather_add(p, ln, 0, ln->n);
		return;
	}
	pend_flush(p);
	s->in_prompt = false;
	if (quiz_choice(p, s) || quiz_item(p, s))
		return;
	if (!k) {
		parser_error(p, ln, 0,
		             _("unexpected text in a quiz: the question comes first; then "
		               "choices, items or fields such as hint: and explain:"));
		return;
	}
	for (f = 0; f < N_FIELDS && !lex_eq(ln->p, k, quiz_fields[f].name); f++)
		;
	if (f == N_FIELDS) {
		const char *best = NULL;
		int dist = 3, d;
		for (f = 0; f < N_FIELDS; f++)
			if ((quiz_fields[f].kinds & KIND(s->q.kind)) &&
			    (d = lex_distance(ln->p, k, quiz_fields[f].name)) < dist)
				best = quiz_fields[f].name, dist = d;
		if (best)
			parser_error(p, ln, 0, _("unknown quiz field '%.*s:'; did you mean '%s:'?"),
			             (int)k, ln->p, best);
		else
			parser_error(p, ln, 0, _("unknown quiz field '%.*s:'"), (int)k, ln->p);
		return;
	}
	if (!(quiz_fields[f].kinds & KIND(s->q.kind))) {
		parser_error(p, ln, 0, _("%s: does not belong in a %s quiz"), quiz_fields[f].name,
		             quiz_names[s->q.kind]);
		return;
	}
	quiz_fields[f].fn(p, s, off);
}

/* Returns the text without markup, in the arena. */
static const char *plain(Parser *p, const Text *t)
{
	size_t n = text_plain(t, NULL, 0);
	char *s = arena_alloc(p->arena, n + 1);

	text_plain(t, s, n + 1);
	return s;
}

/* Reports a pair that repeats the left or right side of an earlier pair. */
static void quiz_check_pairs(Parser *p, QuizState *s)
{
	size_t n = s->q.npairs, i, j;
	const char **left = arena_alloc(p->arena, 2 * n * sizeof *left), **right = left + n;

	for (i = 0; i < n; i++) {
		left[i] = plain(p, &s->pairs[i].left);
		right[i] = plain(p, &s->pairs[i].right);
		for (j = 0; j < i; j++)
			if (strcmp(left[i], left[j]) == 0 || strcmp(right[i], right[j]) == 0) {
				parser_error_line(p, s->pairs[i].line, 0,
				                  _("this pair repeats a side of the pair at "
				                    "line %d"),
				                  s->pairs[j].line);
				break;
			}
	}
}

static void quiz_check_kind(Parser *p, QuizState *s)
{
	const Line *o = &p->open_ln;
	Quiz *q = &s->q;
	size_t i, right = 0;

	for (i = 0; i < q->nchoices; i++)
		right += s->choices[i].right;
	switch (q->kind) {
	case QUIZ_SINGLE:
	case QUIZ_MULTI:
		if (q->nchoices < 2)
			parser_error(p, o, 0, _("the quiz needs at least two choices"));
		else if (q->kind == QUIZ_SINGLE && right != 1)
			parser_error(p, o, 0,
			             _("a single-choice quiz has exactly one right "
			               "choice [x], not %zu"),
			             right);
		else if (q->kind == QUIZ_MULTI && right == 0)
			parser_error(p, o, 0, _("a multiple-choice quiz needs a right choice [x]"));
		break;
	case QUIZ_NUMERIC:
		if (!s->answer_line)
			parser_error(p, o, 0, _("a numeric quiz needs answer:"));
		for (i = 0; s->answer_line && i < q->nwrongs; i++)
			if (fabs(s->wrongs[i].value - q->answer) <= q->tolerance)
				parser_error_line(p, s->wrongs[i].line, 0,
				                  _("this wrong answer is within the tolerance of "
				                    "the right one"));
		break;
	case QUIZ_MATCH:
		if (q->npairs < 2)
			parser_error(p, o, 0, _("a matching quiz needs at least two pairs"));
		quiz_check_pairs(p, s);
		break;
	case QUIZ_ORDER:
		if (q->nchoices < 2)
			parser_error(p, o, 0, _("an ordering quiz needs at least two items"));
		break;
	case QUIZ_RECALL:
		if (q->nterms == 0)
			parser_error(p, o, 0, _("a recall quiz needs at least one term:"));
		else if (q->need > (int)q->nterms)
			parser_error(p, o, 0, _("need: %d is more than the %zu terms"), q->need,
			             q->nterms);
		if (!q->need)
			q->need = (int)q->nterms;
		break;
	}
}

static void quiz_close(Parser *p, Block *b)
{
	QuizState *s = p->state;

	pend_flush(p);
	if (!s->q.prompt.n)
		parser_error(p, &p->open_ln, 0,
		             _("the quiz has no question (write it before the first choice or "
		               "field)"));
	if (!s->bad_kind)
		quiz_check_kind(p, s);
	if (!s->q.explain.n)
		parser_error(p, &p->open_ln, 0,
		             _("the quiz has no explain: (shown after answering)"));
	s->q.choices = s->choices;
	s->q.pairs = s->pairs;
	s->q.wrongs = s->wrongs;
	s->q.terms = s->terms;
	s->q.hints = s->hints;
	b->quiz = s->q;
}

const BlockType block_quiz = {
    .name = "quiz",
    .kind = BLOCK_QUIZ,
    .open = quiz_open,
    .line = quiz_line,
    .close = quiz_close,
};
