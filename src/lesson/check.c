/* check.c: the lesson checker: widget directives against their parameter schemas,
 * unique ids, and the entry points (references and cycles: check-refs.c). Receives the
 * schema table as an argument: must not include src/widgets, print, or exit. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/checker.h"
#include "lesson/glossary.h"
#include "lesson/lesson.h"
#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/source.h"
#include "nls.h"

void check_error(Checker *k, int line, int col, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;
	Line ln = {"", 0, line};

	if (k->d->full)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	source_line(k->l->src, k->l->srclen, line, &ln);
	diag_add(k->d, k->l->file, line, col > 0 ? col : 1, ln.p, ln.n, "%s", msg);
	k->added++;
}

/* The column of the first word after the directive on a block's line ("@widget kind"),
 * or of "key=" when key is given. */
static int check_col(const Checker *k, int line, const char *key)
{
	Line ln;
	size_t i;

	if (k->d->full || !source_line(k->l->src, k->l->srclen, line, &ln))
		return 1;
	if (key) {
		size_t n = strlen(key);
		for (i = 0; i + n < ln.n; i++)
			if (memcmp(ln.p + i, key, n) == 0 && ln.p[i + n] == '=' &&
			    (i == 0 || lex_blank(ln.p[i - 1])))
				return diag_col(ln.p, i + n + 1);
		return 1;
	}
	i = lex_token(ln.p, ln.n);
	return diag_col(ln.p, lex_skip(ln.p, ln.n, i));
}

static int id_cmp(const void *a, const void *b)
{
	const IdEntry *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

const Block *check_widget_named(const Checker *k, const char *id, size_t n)
{
	size_t lo = 0, hi = k->nids;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(k->ids[mid].id, id, n);
		if (c == 0 && k->ids[mid].id[n] != '\0')
			c = 1; /* longer than id: after it */
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < k->nids && strncmp(k->ids[lo].id, id, n) == 0 && !k->ids[lo].id[n]; lo++)
		if (k->ids[lo].widget)
			return k->ids[lo].widget;
	return NULL;
}

/* True when id names a widget of the lesson. */
static bool is_widget(const Checker *k, const char *id)
{
	return check_widget_named(k, id, strlen(id)) != NULL;
}

static void ids_add(Checker *k, const char *id, int line, const Block *widget, size_t *cap)
{
	if (!id || !*id)
		return;
	if (k->nids == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		IdEntry *v = realloc(k->ids, c * sizeof *v);
		if (!v)
			return;
		k->ids = v;
		*cap = c;
	}
	k->ids[k->nids].id = id;
	k->ids[k->nids].line = line;
	k->ids[k->nids].col = 0;
	k->ids[k->nids++].widget = widget;
}

/* Calls fn for each of blocks[0..n) and for the blocks inside its steps. */
static void each_block(Checker *k, const Block *blocks, size_t n,
                       void (*fn)(Checker *k, const Block *b, void *arg), void *arg)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		fn(k, &blocks[i], arg);
		if (blocks[i].kind == BLOCK_STEPWISE)
			for (j = 0; j < blocks[i].stepwise.nsteps; j++)
				each_block(k, blocks[i].stepwise.steps[j].body,
				           blocks[i].stepwise.steps[j].nbody, fn, arg);
	}
}

/* Collects the id of a widget, a quiz or a @steps block (only a widget can be read). */
static void id_of(Checker *k, const Block *b, void *cap)
{
	if (b->kind == BLOCK_WIDGET)
		ids_add(k, b->widget.id, b->line, b, cap);
	else if (block_id(b))
		ids_add(k, block_id(b), b->line, NULL, cap);
}

/* Collects the ids, sorts them and reports duplicates. */
static void check_ids(Checker *k)
{
	const Lesson *l = k->l;
	size_t u, cap = 0, i;

	for (u = 0; u < l->nunits; u++)
		each_block(k, l->units[u].blocks, l->units[u].nblocks, id_of, &cap);
	if (k->nids)
		qsort(k->ids, k->nids, sizeof *k->ids, id_cmp);
	for (i = 1; i < k->nids; i++)
		if (strcmp(k->ids[i].id, k->ids[i - 1].id) == 0)
			check_error(k, k->ids[i].line, check_col(k, k->ids[i].line, "id"),
			            _("id '%s' is already used at line %d"), k->ids[i].id,
			            k->ids[i - 1].line);
	for (u = 0; u < l->nunits; u++)
		for (i = 0; i < u && l->units[u].id; i++)
			if (l->units[i].id && strcmp(l->units[i].id, l->units[u].id) == 0) {
				check_error(k, l->units[u].line,
				            check_col(k, l->units[u].line, NULL),
				            _("unit %s is defined twice (first at line %d)"),
				            l->units[u].id, l->units[i].line);
				break;
			}
}

void check_item_at(const Param *p, size_t i, int *line, int *col)
{
	const ValueItem *it = p->kind == VALUE_LIST && i < p->nitems ? &p->items[i] : NULL;

	*line = it && it->line ? it->line : p->line;
	*col = it && it->line ? it->col : p->vcol;
}

/* Reports a value (item i of p) outside the spec's bounds; returns false if it was. */
static bool in_bounds(Checker *k, const Param *p, size_t i, const ParamSpec *s, double v)
{
	int line, col;

	if (s->min == 0 && s->max == 0)
		return true;
	if (v >= s->min && v <= s->max)
		return true;
	check_item_at(p, i, &line, &col);
	check_error(k, line, col, _("%s=%g is out of range: it must be from %g to %g"), p->key,
	            v, s->min, s->max);
	return false;
}

static bool is_bool(const char *w)
{
	static const char *const words[] = {"yes", "no", "true", "false", "on", "off"};
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

/* Writes "a, b, c" for the choices "a|b|c" into buf. */
static const char *choice_list(const char *choices, char *buf, size_t size)
{
	size_t o = 0;

	for (; *choices && o + 3 < size; choices++) {
		if (*choices == '|') {
			buf[o++] = ',';
			buf[o++] = ' ';
		} else {
			buf[o++] = *choices;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* The first parameter of w among the names "a|b|c" (a spec's unless or needs), or
 * NULL when none is given. */
static const Param *param_among(const Widget *w, const char *names)
{
	size_t i;

	for (i = 0; names && i < w->nparams; i++)
		if (schema_choice(names, w->params[i].key))
			return &w->params[i];
	return NULL;
}

bool check_length(Checker *k, const Param *p, const ParamSpec *s, size_t *n)
{
	*n = p->kind == VALUE_LIST ? p->nitems : 1;
	if ((s->nmin || s->nmax) && (*n < (size_t)s->nmin || *n > (size_t)s->nmax)) {
		check_error(k, p->line, p->vcol, _("'%s' has %zu items; it takes %d to %d"), p->key,
		            *n, s->nmin, s->nmax);
		return false;
	}
	return true;
}

/* Checks a list's length and, for words, each item against the choices. */
static void check_list(Checker *k, const Param *p, const ParamSpec *s)
{
	size_t n, i;

	if (!check_length(k, p, s, &n))
		return;
	for (i = 0; i < n; i++) {
		const ValueItem *it = p->kind == VALUE_LIST ? &p->items[i] : NULL;
		double v = it ? it->num : p->num;
		const char *w = it ? it->str : p->str;
		int line, col;

		check_item_at(p, i, &line, &col);
		if (s->type == PARAM_NUMBERS) {
			if ((it && !it->is_num) || (!it && p->kind != VALUE_NUMBER)) {
				check_error(k, line, col,
				            _("'%s' is a list of numbers, such as 1,0.5,-2"),
				            p->key);
				return;
			}
			if (!in_bounds(k, p, i, s, v))
				return;
		} else if (s->choices && !schema_choice(s->choices, w)) {
			char buf[256];
			check_error(k, line, col, _("'%s' is not one of: %s"), w,
			            choice_list(s->choices, buf, sizeof buf));
			return;
		}
	}
}

static void check_param(Checker *k, const Param *p, const ParamSpec *s)
{
	char buf[256];

	switch (s->type) {
	case PARAM_NUMBER:
	case PARAM_INT:
		if (p->kind != VALUE_NUMBER)
			check_error(k, p->line, p->vcol, _("'%s' must be a number"), p->key);
		else if (s->type == PARAM_INT && p->num != floor(p->num))
			check_error(k, p->line, p->vcol, _("'%s' must be a whole number"), p->key);
		else
			in_bounds(k, p, 0, s, p->num);
		break;
	case PARAM_RANGE:
		if (p->kind != VALUE_RANGE)
			check_error(k, p->line, p->vcol, _("'%s' must be a range such as -1..1"),
			            p->key);
		else if (p->lo >= p->hi)
			check_error(k, p->line, p->vcol,
			            _("%s=%s goes from high to low; write the lower end first"),
			            p->key, p->str);
		else if (in_bounds(k, p, 0, s, p->lo))
			in_bounds(k, p, 0, s, p->hi);
		break;
	case PARAM_NUMBERS:
	case PARAM_WORDS:
		if (p->kind == VALUE_RANGE)
			check_error(k, p->line, p->vcol, _("'%s' takes a list, not a range"),
			            p->key);
		else
			check_list(k, p, s);
		break;
	case PARAM_STRING:
		if (p->kind == VALUE_LIST || p->kind == VALUE_RANGE)
			check_error(k, p->line, p->vcol,
			            _("'%s' is text: quote it if it has commas or blanks"), p->key);
		break;
	case PARAM_BOOL:
		if (p->kind != VALUE_WORD || !is_bool(p->str))
			check_error(k, p->line, p->vcol, _("'%s' must be yes or no"), p->key);
		break;
	case PARAM_CHOICE:
		if ((p->kind != VALUE_WORD && p->kind != VALUE_NUMBER) ||
		    !schema_choice(s->choices, p->str))
			check_error(k, p->line, p->vcol, _("'%s' must be one of: %s"), p->key,
			            choice_list(s->choices, buf, sizeof buf));
		break;
	case PARAM_REF:
		if (p->kind != VALUE_WORD)
			check_error(k, p->line, p->vcol,
			            _("'%s' must name a widget of this lesson by its id"), p->key);
		else
			check_ref(k, p, 0, s, p->str);
		break;
	case PARAM_REFS:
		if (p->kind == VALUE_RANGE)
			check_error(k, p->line, p->vcol, _("'%s' takes a list, not a range"),
			            p->key);
		else
			check_refs(k, p, s);
		break;
	}
}

static void check_widget(Checker *k, const Block *b, const SchemaTable *t)
{
	const Widget *w = &b->widget;
	const WidgetSchema *ws;
	size_t i, j;
	bool guessed[LESSON_MAX_PARAMS] = {false};

	if (!w->kind || !*w->kind)
		return;
	ws = schema_find(t, w->kind);
	if (!ws) {
		const char *best = NULL;
		for (i = 0; i < t->n; i++)
			if (lex_distance(w->kind, strlen(w->kind), schema_at(t, i)->name) < 3)
				best = schema_at(t, i)->name;
		if (best)
			check_error(k, b->line, check_col(k, b->line, NULL),
			            _("unknown widget kind '%s'; did you mean '%s'?"), w->kind,
			            best);
		else
			check_error(k, b->line, check_col(k, b->line, NULL),
			            _("unknown widget kind '%s'"), w->kind);
		return;
	}
	for (i = 0; i < w->nparams; i++) {
		const Param *p = &w->params[i];
		const ParamSpec *s = schema_param(ws, p->key);
		if (s) {
			check_param(k, p, s);
			continue;
		}
		for (j = 0; j < ws->nparams; j++)
			if (lex_distance(p->key, strlen(p->key), ws->params[j].name) < 3)
				break;
		if (j < ws->nparams && j < LESSON_MAX_PARAMS)
			guessed[j] = true; /* so no "needs" for the key it probably is */
		if (j < ws->nparams)
			check_error(k, p->line, p->col,
			            _("unknown parameter '%s' for %s; did you mean '%s'?"), p->key,
			            ws->name, ws->params[j].name);
		else
			check_error(k, p->line, p->col, _("unknown parameter '%s' for %s"), p->key,
			            ws->name);
	}
	for (j = 0; j < ws->nparams; j++) {
		const ParamSpec *s = &ws->params[j];
		const Param *p = widget_param(w, s->name);
		const Param *other = param_among(w, s->unless);
		char alts[128];
		if (!p && s->required && !other && !(j < LESSON_MAX_PARAMS && guessed[j])) {
			if (s->unless)
				check_error(k, b->line, check_col(k, b->line, NULL),
				            _("%s needs the parameter '%s' or '%s'"), ws->name,
				            s->name, choice_list(s->unless, alts, sizeof alts));
			else
				check_error(k, b->line, check_col(k, b->line, NULL),
				            _("%s needs the parameter '%s'"), ws->name, s->name);
		}
		if (p && other)
			check_error(k, p->line, p->col,
			            _("'%s' and '%s' do not go together: a %s takes one or the "
			              "other"),
			            s->name, other->key, ws->name);
		if (p && s->needs && !param_among(w, s->needs))
			check_error(k, p->line, p->col, _("'%s' goes with '%s', which is missing"),
			            s->name, choice_list(s->needs, alts, sizeof alts));
	}
}

/* Sets up k for l: its ids collected and sorted, duplicates reported. */
static void checker_begin(Checker *k, const Lesson *l, const SchemaTable *t, DiagList *d)
{
	memset(k, 0, sizeof *k);
	k->l = l;
	k->d = d;
	k->t = t;
	check_ids(k);
}

/* Checks a widget against its schema, a quiz's show= against the widgets. */
static void check_block(Checker *k, const Block *b, void *unused)
{
	(void)unused;
	if (b->kind == BLOCK_WIDGET && k->t && !k->d->full)
		check_widget(k, b, k->t);
	else if (b->kind == BLOCK_QUIZ && b->quiz.show && !is_widget(k, b->quiz.show))
		check_error(k, b->line, check_col(k, b->line, "show"),
		            _("show=%s names no widget of this lesson"), b->quiz.show);
}

size_t lesson_check(const Lesson *l, const SchemaTable *schemas, DiagList *d)
{
	Checker k;
	size_t u;

	checker_begin(&k, l, schemas, d);
	for (u = 0; u < l->nunits && !d->full; u++)
		each_block(&k, l->units[u].blocks, l->units[u].nblocks, check_block, NULL);
	if (schemas && !d->full)
		check_cycles(&k, NULL);
	if (!d->full)
		k.added += glossary_check_lesson(l, d);
	free(k.ids);
	return k.added;
}

size_t lesson_check_widget(const Lesson *l, const Block *b, const SchemaTable *schemas,
                           DiagList *d)
{
	Checker k;
	DiagList ignore;

	/* The ids are needed for references; their duplicates are not this widget's
	 * problem, so they go to a list that is thrown away. */
	diag_init(&ignore, 0);
	checker_begin(&k, l, schemas, &ignore);
	diag_free(&ignore);
	k.d = d;
	k.added = 0;
	if (b->kind == BLOCK_WIDGET) {
		check_widget(&k, b, schemas);
		if (!k.added)
			check_cycles(&k, b);
	}
	free(k.ids);
	return k.added;
}
