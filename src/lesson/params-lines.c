/* params-lines.c: widget parameters written one field per line in the widget's body
 * ("columns: x1, x2, x1 AND x2", "row: 0, 0, 0"): items separated by commas, blanks
 * allowed around them, a key repeated to go on, and row: for cells= one row a line.
 * Internal to src/lesson: the values end up exactly as "key=a,b,c" writes them, and
 * what each key means is the checker's business, not this file's. */
#include <config.h>

#include <string.h>

#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/parser.h"
#include "nls.h"

size_t params_line_key(const Line *ln, size_t *val)
{
	size_t i = 0;

	if (ln->n == 0 || ln->p[0] < 'a' || ln->p[0] > 'z')
		return 0;
	while (i < ln->n && ((ln->p[i] >= 'a' && ln->p[i] <= 'z') ||
	                     (ln->p[i] >= '0' && ln->p[i] <= '9') || ln->p[i] == '_'))
		i++;
	if (i >= ln->n || ln->p[i] != ':')
		return 0;
	if (i + 1 < ln->n && !lex_blank(ln->p[i + 1]))
		return 0;
	*val = lex_skip(ln->p, ln->n, i + 1);
	return i;
}

/* Reads the item at byte i of the current line into *it: a "quoted string" (\" and \\
 * inside), or the text up to the next comma without the blanks around it. *text is
 * set for a quoted item or one with blanks inside. Returns the index after it (a comma
 * or the end of the line), or 0 after an error. */
static size_t line_item(Parser *p, size_t i, ValueItem *it, bool *text)
{
	const char *s = p->ln.p;
	size_t n = p->ln.n, j, end, o = 0;
	char *out;

	i = lex_skip(s, n, i);
	it->line = p->ln.no;
	it->col = diag_col(s, i);
	if (i < n && s[i] == '"') {
		out = arena_alloc(p->arena, n - i);
		for (j = i + 1; j < n && s[j] != '"'; j++) {
			if (s[j] == '\\' && j + 1 < n && (s[j + 1] == '"' || s[j + 1] == '\\'))
				j++;
			out[o++] = s[j];
		}
		out[o] = '\0';
		if (j == n) {
			parser_error(p, &p->ln, i, _("unclosed \" in a parameter value"));
			return 0;
		}
		it->str = out;
		*text = true;
		j = lex_skip(s, n, j + 1);
		if (j < n && s[j] != ',') {
			parser_error(p, &p->ln, j,
			             _("unexpected '%c' after a quoted item: items are separated "
			               "by commas"),
			             s[j]);
			return 0;
		}
		return j;
	}
	for (j = i; j < n && s[j] != ','; j++)
		if (s[j] == '"') {
			parser_error(p, &p->ln, j,
			             _("a \" inside an item: quote the whole item instead"));
			return 0;
		}
	end = i + lex_rtrim(s + i, j - i);
	if (end == i) {
		parser_error(p, &p->ln, i, _("empty item in a parameter value"));
		return 0;
	}
	it->str = parser_str(p, s + i, end - i);
	if (memchr(s + i, ' ', end - i) || memchr(s + i, '\t', end - i))
		*text = true;
	else
		it->is_num = lex_number(s + i, end - i, &it->num);
	return j;
}

/* The list written on lines for the parameter at index at, or NULL (written key=). */
static ParamList *list_at(ParamLists *lists, size_t at)
{
	size_t i;

	for (i = 0; i < lists->n; i++)
		if (lists->v[i].at == at)
			return &lists->v[i];
	return NULL;
}

/* The list for the key of the current line: found, or made with its parameter at its
 * first line; NULL after an error. */
static ParamList *list_for(Parser *p, const char *key, bool row, size_t off, Param **params,
                           size_t *n, size_t *cap, ParamLists *lists)
{
	ParamList *l;
	Param *pr;
	size_t k;

	for (k = 0; k < *n; k++)
		if (strcmp((*params)[k].key, key) == 0)
			break;
	if (k < *n) {
		l = list_at(lists, k);
		if (!l) {
			parser_error(p, &p->ln, 0,
			             _("parameter '%s' is given twice (first at line %d)"), key,
			             (*params)[k].line);
			return NULL;
		}
		if (l->rows != row) {
			parser_error(p, &p->ln, 0,
			             _("write the cells with row: lines or with cells: lines, not "
			               "both"));
			return NULL;
		}
		return l;
	}
	if (*n >= LESSON_MAX_PARAMS) {
		parser_error(p, &p->ln, 0, _("more than %d parameters"), LESSON_MAX_PARAMS);
		return NULL;
	}
	*params = arena_grow(p->arena, *params, *n, cap, *n + 1, sizeof **params);
	pr = &(*params)[(*n)++];
	memset(pr, 0, sizeof *pr);
	pr->key = parser_str(p, key, strlen(key));
	pr->line = p->ln.no;
	pr->col = 1;
	pr->vcol = diag_col(p->ln.p, off);
	lists->v = arena_grow(p->arena, lists->v, lists->n, &lists->cap, lists->n + 1,
	                      sizeof *lists->v);
	l = &lists->v[lists->n++];
	memset(l, 0, sizeof *l);
	l->at = *n - 1;
	l->rows = row;
	return l;
}

void params_line(Parser *p, size_t keylen, size_t off, Param **params, size_t *n,
                 size_t *cap, ParamLists *lists)
{
	bool row = lex_eq(p->ln.p, keylen, "row");
	char key[LESSON_MAX_ID + 1];
	ParamList *l;
	size_t i = off, first;

	if (keylen > LESSON_MAX_ID) {
		parser_error(p, &p->ln, 0, _("a parameter's name has at most %d bytes"),
		             LESSON_MAX_ID);
		return;
	}
	memcpy(key, row ? "cells" : p->ln.p, row ? 6 : keylen);
	key[row ? 5 : keylen] = '\0';
	if (off == p->ln.n) {
		parser_error(p, &p->ln, off, _("'%.*s:' needs a value"), (int)keylen, p->ln.p);
		return;
	}
	l = list_for(p, key, row, off, params, n, cap, lists);
	if (!l)
		return;
	first = l->nitems;
	for (;;) {
		ValueItem it;
		bool text = false;

		memset(&it, 0, sizeof it);
		i = line_item(p, i, &it, &text);
		if (!i) {
			l->nitems = first; /* the line's items are dropped with its error */
			return;
		}
		if (parser_full(p, l->nitems))
			return;
		l->items = arena_grow(p->arena, l->items, l->nitems, &l->cap, l->nitems + 1,
		                      sizeof *l->items);
		l->items[l->nitems++] = it;
		l->text |= text;
		if (i == p->ln.n)
			break;
		i++; /* the comma */
	}
	if (!row)
		return;
	if (!l->row_line) {
		l->row_len = (int)(l->nitems - first);
		l->row_line = p->ln.no;
		l->row_off = off;
	} else if ((int)(l->nitems - first) != l->row_len) {
		parser_error(p, &p->ln, off, _("this row has %zu items; the first row (line %d) has %d"),
		             l->nitems - first, l->row_line, l->row_len);
	}
}

/* The number of items of a parameter's value. */
static size_t value_items(const Param *pr)
{
	return pr->kind == VALUE_LIST ? pr->nitems : 1;
}

void params_lines_end(Parser *p, Param *params, size_t *n, ParamLists *lists)
{
	const Param *cols = NULL;
	size_t i, k;
	Line ln;

	for (i = 0; i < lists->n; i++) {
		ParamList *l = &lists->v[i];
		Param *pr = &params[l->at];
		if (!l->nitems)
			continue;
		params_value(pr, l->items, l->nitems, l->text);
		if (source_line(p->text, p->textlen, pr->line, &ln))
			params_id_check(p, &ln, (size_t)(pr->vcol - 1), pr);
	}
	for (k = 0; k < *n; k++) {
		const ParamList *l = list_at(lists, k);
		if (strcmp(params[k].key, "columns") == 0 && (!l || l->nitems))
			cols = &params[k];
	}
	for (i = 0; i < lists->n; i++) {
		const ParamList *l = &lists->v[i];
		if (l->rows && l->row_line && cols && (size_t)l->row_len != value_items(cols))
			parser_error_line(p, l->row_line, l->row_off,
			                  _("the widget has %zu columns, and this row has %d items: "
			                    "a row has one item per column"),
			                  value_items(cols), l->row_len);
	}
	/* A parameter none of whose lines could be read is left out, as a bad key=value
	 * is (its errors are reported). */
	for (i = lists->n; i-- > 0;) {
		size_t at = lists->v[i].at;
		if (lists->v[i].nitems)
			continue;
		memmove(&params[at], &params[at + 1], (*n - at - 1) * sizeof *params);
		(*n)--;
	}
}
