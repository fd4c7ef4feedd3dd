/* steps.c: the @steps block, for proofs and worked examples: steps opened by
 * "@step [why]", each holding ordinary blocks (prose, @formula, @code, @callout,
 * @widget), for the player to reveal one at a time. Internal to src/lesson; revealing
 * is the player's business and drawing src/draw's. */
#include <config.h>

#include <string.h>

#include "lesson/lex.h"
#include "lesson/parser.h"
#include "nls.h"

typedef struct {
	Stepwise s;
	StepwiseStep *steps;
	size_t nsteps, cap;
	BlockVec body; /* the current step's blocks */
	bool said;     /* "the first step starts with @step" reported */
} StepsState;

bool steps_holds(const BlockType *t)
{
	return t == &block_formula || t == &block_callout || t == &block_widget ||
	       t == &block_code;
}

static void steps_open(Parser *p, size_t off)
{
	StepsState *st = arena_alloc(p->arena, sizeof *st);
	const char *s = p->ln.p;
	size_t n = p->ln.n, k = lex_token(s + off, n - off), t;

	p->state = st;
	p->sink = &st->body;
	if (k >= 3 && memcmp(s + off, "id=", 3) == 0) {
		st->s.id = parser_id(p, off + 3, k - 3, "id");
		off += k;
	} else {
		parser_error(p, &p->ln, off,
		             _("@steps needs an id= first: a name unique in the lesson, under "
		               "which the step the learner reached is saved"));
	}
	t = lex_skip(s, n, off);
	if (t < n)
		st->s.title = parser_str(p, s + t, n - t);
}

static void step_add(Parser *p, StepsState *st, int line)
{
	StepwiseStep *x;

	st->steps =
	    arena_grow(p->arena, st->steps, st->nsteps, &st->cap, st->nsteps + 1, sizeof *st->steps);
	x = &st->steps[st->nsteps++];
	memset(x, 0, sizeof *x);
	x->line = line;
}

/* Content before the first @step: reported once, and a step is made for it so the
 * rest still parses. */
static void step_ensure(Parser *p, StepsState *st)
{
	if (st->nsteps)
		return;
	if (!st->said)
		parser_error(p, &p->ln, 0,
		             _("a step starts with its @step line, then its text and blocks"));
	st->said = true;
	step_add(p, st, p->ln.no);
}

/* Ends the current step: its prose and blocks become its body. */
static void step_end(Parser *p, StepsState *st)
{
	StepwiseStep *x;

	prose_flush(p);
	if (st->nsteps) {
		x = &st->steps[st->nsteps - 1];
		x->body = st->body.v;
		x->nbody = st->body.n;
		if (!x->nbody)
			parser_error_line(p, x->line, 0,
			                  _("step %zu is empty: a step holds text, a formula, code, "
			                    "a callout or a widget"),
			                  st->nsteps);
	}
	memset(&st->body, 0, sizeof st->body);
}

BlockVec *steps_body(Parser *p, void *state)
{
	StepsState *st = state;

	step_ensure(p, st);
	return &st->body;
}

void steps_step(Parser *p, size_t off)
{
	StepsState *st = p->state;

	step_end(p, st);
	if (parser_full(p, st->nsteps))
		return;
	step_add(p, st, p->ln.no);
	if (off < p->ln.n) {
		gather_begin(p);
		gather_add(p, &p->ln, off, p->ln.n - off);
		st->steps[st->nsteps - 1].why = gather_text(p);
	}
	p->sink = &st->body;
}

static void steps_line(Parser *p)
{
	StepsState *st = p->state;

	if (lex_skip(p->ln.p, p->ln.n, 0) == p->ln.n) {
		prose_flush(p);
		return;
	}
	step_ensure(p, st);
	if (p->ln.p[0] == '#') {
		parser_error(p, &p->ln, 0,
		             _("a step cannot hold a heading: @steps has a title, and each @step "
		               "a line of its own (write \\# for text that starts with #)"));
		return;
	}
	prose_line(p, true);
}

static void steps_close(Parser *p, Block *b)
{
	StepsState *st = p->state;

	step_end(p, st);
	if (st->nsteps < 2)
		parser_error(p, &p->open_ln, 0,
		             _("@steps needs two steps or more, each starting with @step"));
	b->stepwise = st->s;
	b->stepwise.steps = st->steps;
	b->stepwise.nsteps = st->nsteps;
}

const BlockType block_stepwise = {
    .name = "steps",
    .kind = BLOCK_STEPWISE,
    .open = steps_open,
    .line = steps_line,
    .close = steps_close,
};
