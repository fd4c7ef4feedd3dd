/* plain.c: --list and --plain: the course index and the lessons as plain text.
 * Must not touch the terminal. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "app/map.h"
#include "app/plain.h"
#include "draw/doc.h"
#include "nls.h"

CourseLesson *plain_find_lesson(const Course *c, const char *id)
{
	size_t l, i;

	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++)
			if (c->levels[l].lessons[i].lesson && strcmp(c->levels[l].lessons[i].id, id) == 0)
				return &c->levels[l].lessons[i];
	return NULL;
}

void plain_list(FILE *out, const Course *c, bool unicode)
{
	const char *dot = unicode ? " · " : " - ";
	size_t l, i, u;

	fprintf(out, "%s\n", c->name ? c->name : "Neuronauts");
	for (l = 0; l < c->nlevels; l++) {
		const CourseLevel *lv = &c->levels[l];
		int shown = 0;
		for (i = 0; i < lv->nlessons; i++) {
			const CourseLesson *e = &lv->lessons[i];
			if (!e->lesson)
				continue;
			if (!shown++)
				fprintf(out, "\n%s%s%s\n", lv->name ? lv->name : lv->id,
					lv->title ? dot : "", lv->title ? lv->title : "");
			fprintf(out, "  %-14s %s (", e->id, e->lesson->title ? e->lesson->title : "");
			fprintf(out, _("%d min"), map_minutes(e));
			fputs(")\n", out);
			for (u = 0; u < e->nunits; u++) {
				fprintf(out, "    %-16s %-6s %3d  %s\n", e->units[u].id,
					unit_kind_name(e->units[u].kind), e->units[u].minutes,
					e->units[u].title ? e->units[u].title : "");
			}
		}
	}
}

static const char *unit_title(const void *ctx, const char *id, int *minutes)
{
	const CourseLesson *e = ctx;
	size_t i;

	for (i = 0; i < e->nunits; i++)
		if (strcmp(e->units[i].id, id) == 0) {
			*minutes = e->units[i].minutes;
			return e->units[i].title;
		}
	return NULL;
}

static int print_one(FILE *out, const CourseLesson *e, int width, bool unicode)
{
	DocLayout d;
	DocOptions o;
	char *text;

	memset(&o, 0, sizeof o);
	o.caps.unicode = unicode;
	o.width = width;
	o.plain = true;
	o.unit_title = unit_title;
	o.ctx = e;
	if (doc_layout(&d, e->lesson, &o) != 0)
		return -1;
	text = grid_to_text(&d.g);
	doc_free(&d);
	if (!text)
		return -1;
	fputs(text, out);
	free(text);
	return 0;
}

int plain_print(FILE *out, const Course *c, const CourseLesson *entry, int width, bool unicode)
{
	size_t l, i;

	if (entry)
		return print_one(out, entry, width, unicode);
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++)
			if (c->levels[l].lessons[i].lesson &&
			    print_one(out, &c->levels[l].lessons[i], width, unicode) != 0)
				return -1;
	return 0;
}
