/* model.c: small accessors of the document model the player and the checker share.
 * Must not parse, print or know about terminals. */
#include <config.h>

#include <string.h>

#include "lesson/model.h"

const Param *widget_param(const Widget *w, const char *key)
{
	size_t i;

	for (i = 0; i < w->nparams; i++)
		if (strcmp(w->params[i].key, key) == 0)
			return &w->params[i];
	return NULL;
}

const char *block_id(const Block *b)
{
	switch (b->kind) {
	case BLOCK_WIDGET:
		return b->widget.id;
	case BLOCK_QUIZ:
		return b->quiz.id;
	case BLOCK_STEPWISE:
		return b->stepwise.id;
	default:
		return NULL;
	}
}

size_t text_plain(const Text *t, char *buf, size_t size)
{
	size_t i, len = 0;

	for (i = 0; i < t->n; i++) {
		const Span *s = &t->spans[i];
		if (len + s->len < size)
			memcpy(buf + len, s->text, s->len);
		else if (len < size)
			memcpy(buf + len, s->text, size - len - 1);
		len += s->len;
	}
	if (size)
		buf[len < size ? len : size - 1] = '\0';
	return len;
}
