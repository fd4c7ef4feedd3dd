/* params.c: key=value parameters of widget and quiz directives: numbers, ranges lo..hi,
 * lists a,b,c, "quoted strings" and bare words. Internal to src/lesson; the meaning of
 * each key is the checker's business (schema.h), not this file's. */
#include <config.h>

#include <string.h>

#include "lesson/lex.h"
#include "lesson/limits.h"
#include "lesson/parser.h"
#include "nls.h"

static bool key_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (!first && ((c >= '0' && c <= '9') || c == '_'));
}

/* Reads one list item at s[i..n) into *it; returns the index after it, or 0 after an
 * error. Strings are unquoted with \" and \\ resolved. */
static size_t item_read(Parser *p, size_t i, ValueItem *it, bool *quoted)
{
	const char *s = p->ln.p;
	size_t n = p->ln.n, j;

	it->line = p->ln.no;
	it->col = diag_col(s, i);
	*quoted = i < n && s[i] == '"';
	if (*quoted) {
		char *out = arena_alloc(p->arena, n - i);
		size_t o = 0;
		for (j = i + 1; j < n && s[j] != '"'; j++) {
			if (s[j] == '\\' && j + 1 < n && (s[j + 1] == '"' || s[j + 1] == '\\'))
				j++;
			out[o++] = s[j];
		}
		if (j == n) /* reported; the rest of the line is taken as the string */
			parser_error(p, &p->ln, i, _("unclosed \" in a parameter value"));
		out[o] = '\0';
		it->str = out;
		return j < n ? j + 1 : n;
	}
	for (j = i; j < n && !lex_blank(s[j]) && s[j] != ',' && s[j] != '"'; j++)
		;
	if (j == i) {
		parser_error(p, &p->ln, i, _("empty item in a parameter value"));
		return 0;
	}
	it->str = parser_str(p, s + i, j - i);
	it->is_num = lex_number(s + i, j - i, &it->num);
	return j;
}

void params_value(Param *pr, ValueItem *items, size_t nitems, bool text)
{
	const char *w, *dots;

	if (nitems > 1) {
		pr->kind = VALUE_LIST;
		pr->items = items;
		pr->nitems = nitems;
		return;
	}
	pr->str = w = items[0].str;
	dots = strstr(w, "..");
	if (text) {
		pr->kind = VALUE_STRING;
	} else if (items[0].is_num) {
		pr->kind = VALUE_NUMBER;
		pr->num = items[0].num;
	} else if (dots && lex_number(w, (size_t)(dots - w), &pr->lo) &&
	           lex_number(dots + 2, strlen(dots + 2), &pr->hi)) {
		pr->kind = VALUE_RANGE;
	} else {
		pr->kind = VALUE_WORD;
	}
}

bool params_id_check(Parser *p, const Line *ln, size_t off, Param *pr)
{
	if ((strcmp(pr->key, "id") != 0 && strcmp(pr->key, "show") != 0) ||
	    (pr->kind == VALUE_WORD && lex_is_id(pr->str, strlen(pr->str))))
		return true;
	parser_error(p, ln, off,
	             _("the value of '%s' must be an id (a letter, then letters, digits, '.', "
	               "'_' or '-')"),
	             pr->key);
	pr->str = NULL;
	return false;
}

/* Reads the value at i into *pr; returns the index after it, or 0 after an error. */
static size_t value_read(Parser *p, size_t i, Param *pr)
{
	const char *s = p->ln.p;
	size_t n = p->ln.n, cap = 0, nitems = 0;
	ValueItem *items = NULL, it;
	bool quoted = false, any_quoted = false;

	if (i == n || lex_blank(s[i])) {
		parser_error(p, &p->ln, i, _("'%s=' needs a value"), pr->key);
		return 0;
	}
	for (;;) {
		memset(&it, 0, sizeof it);
		i = item_read(p, i, &it, &quoted);
		if (!i)
			return 0;
		any_quoted |= quoted;
		if (parser_full(p, nitems))
			return 0;
		items = arena_grow(p->arena, items, nitems, &cap, nitems + 1, sizeof *items);
		items[nitems++] = it;
		if (i < n && s[i] == ',') {
			i++;
			continue;
		}
		break;
	}
	if (i < n && !lex_blank(s[i])) {
		parser_error(p, &p->ln, i, _("unexpected '%c' in the value of '%s'"), s[i],
		             pr->key);
		return 0;
	}
	params_value(pr, items, nitems, any_quoted);
	return i;
}

/* Reports a parameter given a second time at byte off of the current line. */
static void params_twice(Parser *p, size_t off, const Param *first)
{
	if (first->line == p->ln.no)
		parser_error(p, &p->ln, off, _("parameter '%s' is given twice (first at column %d)"),
		             first->key, first->col);
	else
		parser_error(p, &p->ln, off, _("parameter '%s' is given twice (first at line %d)"),
		             first->key, first->line);
}

void params_parse(Parser *p, size_t off, Param **params, size_t *n, size_t *cap)
{
	const char *s = p->ln.p;
	size_t len = p->ln.n, i = lex_skip(s, len, off), k, j;

	while (i < len) {
		Param pr;

		memset(&pr, 0, sizeof pr);
		for (j = i; j < len && key_char(s[j], j == i); j++)
			;
		if (j == i || j == len || s[j] != '=') {
			parser_error(p, &p->ln, i,
			             _("expected key=value (a lowercase key, '=', then the value "
			               "without blanks around '=')"));
			return;
		}
		pr.key = parser_str(p, s + i, j - i);
		pr.line = p->ln.no;
		pr.col = diag_col(s, i);
		pr.vcol = diag_col(s, j + 1);
		for (k = 0; k < *n; k++)
			if (strcmp((*params)[k].key, pr.key) == 0) {
				params_twice(p, i, &(*params)[k]);
				return;
			}
		i = value_read(p, j + 1, &pr);
		if (!i)
			return;
		params_id_check(p, &p->ln, j + 1, &pr);
		if (*n >= LESSON_MAX_PARAMS) {
			parser_error(p, &p->ln, i, _("more than %d parameters"), LESSON_MAX_PARAMS);
			return;
		}
		*params = arena_grow(p->arena, *params, *n, cap, *n + 1, sizeof **params);
		(*params)[(*n)++] = pr;
		i = lex_skip(s, len, i);
	}
}

const char *params_take(Param *params, size_t *n, const char *key)
{
	size_t i;
	const char *v;

	for (i = 0; i < *n; i++)
		if (strcmp(params[i].key, key) == 0) {
			v = params[i].str;
			memmove(&params[i], &params[i + 1], (*n - i - 1) * sizeof *params);
			(*n)--;
			return v ? v : "";
		}
	return NULL;
}
