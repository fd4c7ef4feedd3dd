/* check-refs.c: the lesson checker's references: a ref parameter names a widget of the
 * lesson that gives what it reads, and no widget reads, directly or through others,
 * what reads it. Receives the schemas through the checker: must not include
 * src/widgets, print, or exit. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/checker.h"
#include "nls.h"

/* The schema of the widget block b's kind, or NULL. */
static const WidgetSchema *kind_of(const Checker *k, const Block *b)
{
	return k->t && b && b->widget.kind ? schema_find(k->t, b->widget.kind) : NULL;
}

/* One reference ref ("id" or "id:output", item i of parameter p's value; spec s): the
 * widget exists, and it publishes what s accepts. */
void check_ref(Checker *k, const Param *p, size_t item, const ParamSpec *s, const char *ref)
{
	size_t n = schema_ref_id_len(ref);
	const Block *b = check_widget_named(k, ref, n);
	const WidgetSchema *ws = kind_of(k, b);
	const char *out = ref[n] == ':' ? ref + n + 1 : NULL;
	char want[128], has[128];
	size_t i;
	unsigned bits = 0;
	int line, col;

	check_item_at(p, item, &line, &col);
	if (!b) {
		check_error(k, line, col,
		            _("%s=%s names no widget of this lesson (no widget has the id '%.*s')"),
		            p->key, ref, (int)n, ref);
		return;
	}
	if (!ws)
		return; /* an unknown kind: reported at its own line */
	if (out && !schema_output(ws, out)) {
		check_error(k, line, col, _("%s=%s: the %s '%.*s' has no output '%s'"),
		            p->key, ref, ws->name, (int)n, ref, out);
		return;
	}
	if (!s->accepts || schema_output_for(ws, out, s->accepts))
		return;
	for (i = 0; i < ws->noutputs; i++)
		bits |= out && strcmp(ws->outputs[i].name, out) ? 0 : ws->outputs[i].type;
	schema_data_names(s->accepts, want, sizeof want);
	if (bits)
		check_error(k, line, col, _("%s=%s: '%s' reads %s, and the %s '%.*s' gives %s"),
		            p->key, ref, p->key, want, ws->name, (int)n, ref,
		            schema_data_names(bits, has, sizeof has));
	else
		check_error(k, line, col,
		            _("%s=%s: '%s' reads %s, and the %s '%.*s' gives nothing to read"),
		            p->key, ref, p->key, want, ws->name, (int)n, ref);
}

void check_refs(Checker *k, const Param *p, const ParamSpec *s)
{
	size_t n, i;

	if (!check_length(k, p, s, &n))
		return;
	for (i = 0; i < n; i++) {
		const char *ref = p->kind == VALUE_LIST ? p->items[i].str : p->str;
		int line, col;

		check_item_at(p, i, &line, &col);
		if (!ref || (p->kind == VALUE_LIST && p->items[i].is_num) ||
		    (p->kind != VALUE_LIST && p->kind != VALUE_WORD)) {
			check_error(k, line, col,
			            _("'%s' must name widgets of this lesson by their ids"), p->key);
			return;
		}
		check_ref(k, p, i, s, ref);
	}
}

/* The references between widgets, for finding cycles: a widget cannot be started
 * after what it reads when that reads it back. */
typedef struct {
	const Block **node; /* the widgets with an id, in the order of k->ids */
	unsigned char *mark; /* 0 unseen, 1 on the current path, 2 done */
	size_t *path, depth, n;
	const Block *only; /* report only cycles through this widget (NULL: all) */
} Cycles;

static size_t node_of(const Cycles *c, const Block *b)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->node[i] == b)
			return i;
	return c->n;
}

/* Reports the cycle path[from..depth) closed by parameter p of the last widget. */
static void cycle_report(Checker *k, Cycles *c, size_t from, const Param *p, size_t item,
                         const char *ref)
{
	char buf[512];
	size_t i, o = 0;
	bool through = !c->only;
	int line, col;

	for (i = from; i < c->depth; i++) {
		const Block *b = c->node[c->path[i]];
		through |= b == c->only;
		o += (size_t)snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, "%s -> ",
		                      b->widget.id);
		if (o >= sizeof buf)
			o = sizeof buf - 1;
	}
	snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, "%s",
	         c->node[c->path[from]]->widget.id);
	check_item_at(p, item, &line, &col);
	if (through)
		check_error(k, line, col,
		            _("%s=%s closes a cycle of references (%s): a widget cannot read what "
		              "reads it"),
		            p->key, ref, buf);
}

static void cycle_visit(Checker *k, Cycles *c, size_t u)
{
	const Widget *w = &c->node[u]->widget;
	const WidgetSchema *ws = kind_of(k, c->node[u]);
	size_t i, j;

	c->mark[u] = 1;
	c->path[c->depth++] = u;
	for (i = 0; ws && i < w->nparams && !k->d->full; i++) {
		const Param *p = &w->params[i];
		const ParamSpec *ps = schema_param(ws, p->key);
		size_t n = p->kind == VALUE_LIST ? p->nitems : 1;
		if (!ps || (ps->type != PARAM_REF && ps->type != PARAM_REFS))
			continue;
		for (j = 0; j < n; j++) {
			const char *ref = p->kind == VALUE_LIST ? p->items[j].str : p->str;
			size_t v, at;
			if (!ref)
				continue;
			v = node_of(c, check_widget_named(k, ref, schema_ref_id_len(ref)));
			if (v == c->n)
				continue;
			if (c->mark[v] == 0) {
				cycle_visit(k, c, v);
			} else if (c->mark[v] == 1) {
				for (at = 0; c->path[at] != v; at++)
					;
				cycle_report(k, c, at, p, j, ref);
			}
		}
	}
	c->depth--;
	c->mark[u] = 2;
}

void check_cycles(Checker *k, const Block *only)
{
	Cycles c;
	size_t i;

	memset(&c, 0, sizeof c);
	c.only = only;
	c.node = malloc(k->nids * sizeof *c.node + 1);
	c.mark = calloc(k->nids + 1, 1);
	c.path = malloc(k->nids * sizeof *c.path + 1);
	if (!c.node || !c.mark || !c.path) {
		k->d->nomem = true;
		goto out;
	}
	for (i = 0; i < k->nids; i++)
		if (k->ids[i].widget && (!c.n || c.node[c.n - 1] != k->ids[i].widget))
			c.node[c.n++] = k->ids[i].widget;
	for (i = 0; i < c.n && !k->d->full; i++)
		if (!c.mark[i])
			cycle_visit(k, &c, i);
out:
	free(c.node);
	free(c.mark);
	free(c.path);
}

