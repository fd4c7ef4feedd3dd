/* plain.c: --list and --plain: the course index and the lessons as plain text, each
 * widget's text alternative followed by the widget itself drawn in ASCII as it first
 * shows (made without a terminal, never ticked, so the text is the same every time).
 * Must not touch the terminal. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "app/map.h"
#include "app/plain.h"
#include "lesson/course.h"
#include "draw/doc.h"
#include "draw/wrap.h"
#include "lesson/glossary.h"
#include "nls.h"
#include "widgets/core/widget.h"

/* What the layout's callbacks see: the lesson's entry and its live widgets. */
typedef struct {
	const CourseLesson *entry;
	Scene *scene;
} PlainCtx;

/* Widgets are drawn as on a monochrome ASCII terminal: no braille, no colour. */
static const Caps plain_caps = {false, 0};

CourseLesson *plain_find_lesson(const Course *c, const char *id)
{
	size_t l, i;

	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++)
			if (course_written(&c->levels[l].lessons[i]) &&
			    strcmp(c->levels[l].lessons[i].id, id) == 0)
				return &c->levels[l].lessons[i];
	return NULL;
}

/* Where the unit called id is in e's lesson (read now if it was not), or -1. */
static long unit_in(const CourseLesson *e, const char *id)
{
	const Lesson *les = course_lesson(e);
	size_t u;

	for (u = 0; les && u < les->nunits; u++)
		if (les->units[u].id && strcmp(les->units[u].id, id) == 0)
			return (long)u;
	return -1;
}

CourseLesson *plain_find_unit(const Course *c, const char *id, size_t *unit)
{
	size_t l, i, u;
	long at;

	/* The lesson the index gives the unit to, read alone; then, for a unit its file
	 * defines against the index, every lesson. */
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			CourseLesson *e = &c->levels[l].lessons[i];
			for (u = 0; course_written(e) && u < e->nunits; u++)
				if (e->units[u].id && strcmp(e->units[u].id, id) == 0 &&
				    (at = unit_in(e, id)) >= 0) {
					*unit = (size_t)at;
					return e;
				}
		}
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			CourseLesson *e = &c->levels[l].lessons[i];
			if (course_written(e) && (at = unit_in(e, id)) >= 0) {
				*unit = (size_t)at;
				return e;
			}
		}
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
			const Lesson *les = course_lesson(e);
			if (!les)
				continue;
			if (!shown++)
				fprintf(out, "\n%s%s%s\n", lv->name ? lv->name : lv->id,
					lv->title ? dot : "", lv->title ? lv->title : "");
			fprintf(out, "  %-14s %s (", e->id, les->title ? les->title : "");
			fprintf(out, _("%d min"), map_minutes(e));
			fputs(")\n", out);
			for (u = 0; u < e->nunits; u++) {
				fprintf(out, "    %-16s %-6s %3d  %s\n",
					e->units[u].id ? e->units[u].id : "?",
					unit_kind_name(e->units[u].kind), e->units[u].minutes,
					e->units[u].title ? e->units[u].title : "");
			}
		}
	}
}

static const char *unit_title(const void *ctx, const char *id, int *minutes)
{
	const CourseLesson *e = ((const PlainCtx *)ctx)->entry;
	size_t i;

	for (i = 0; i < e->nunits; i++)
		if (e->units[i].id && strcmp(e->units[i].id, id) == 0) { /* a bad id is NULL */
			*minutes = e->units[i].minutes;
			return e->units[i].title;
		}
	return NULL;
}

/* The live widget of block b that can be drawn here, or NULL: quizzes (listed as
 * text) and widgets that failed or stand for an error are left to their text. */
static Instance *drawable(const PlainCtx *p, const Block *b)
{
	Instance *in = scene_for_block(p->scene, b);

	return in && in->ready && in->kind && in->ops->draw && in->ops->height ? in : NULL;
}

static int slot_height(const void *ctx, const Block *b, int w)
{
	Instance *in = drawable(ctx, b);

	return in ? in->ops->height(in, w) : 0;
}

/* Draws every drawable widget under its text alternative; without Unicode, whatever a
 * widget writes beyond ASCII (a label's σ) becomes '?', as the terminal would show. */
static void draw_widgets(const PlainCtx *p, DocLayout *d, bool unicode)
{
	size_t i;
	int x, y;

	for (i = 0; i < d->nslots; i++) {
		const DocSlot *s = &d->slots[i];
		Instance *in = drawable(p, s->block);
		Rect r = {s->x, s->y + s->body, s->w, s->h - s->body};
		int cx = -1, cy = -1;
		if (!in || r.h <= 0)
			continue;
		in->ops->draw(in, &d->g, r, plain_caps, false, &cx, &cy);
		for (y = r.y; !unicode && y < r.y + r.h; y++)
			for (x = r.x; x < r.x + r.w; x++) {
				Cell *c = grid_at(&d->g, x, y);
				if (c && c->ch >= 128)
					c->ch = c->ch == GRID_WIDE_CONT ? ' ' : '?';
			}
	}
}

static int print_one(FILE *out, const CourseLesson *e, int width, bool unicode)
{
	DocLayout d;
	DocOptions o;
	PlainCtx p;
	Scene scene;
	char *text;
	size_t i;
	const Lesson *les = course_lesson(e);

	if (!les)
		return 0; /* unreadable: the course's problems say so */
	memset(&o, 0, sizeof o);
	p.entry = e;
	p.scene = &scene;
	if (scene_init(&scene, les) != 0)
		return -1;
	for (i = 0; i < scene.n; i++)
		scene.items[i].print = true;
	o.caps.unicode = unicode;
	o.width = width;
	o.plain = true;
	o.unit_title = unit_title;
	o.slot_height = slot_height;
	o.ctx = &p;
	if (doc_layout(&d, les, &o) != 0) {
		scene_free(&scene);
		return -1;
	}
	draw_widgets(&p, &d, unicode);
	text = grid_to_text(&d.g);
	doc_free(&d);
	scene_free(&scene);
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
			if (course_written(&c->levels[l].lessons[i]) &&
			    print_one(out, &c->levels[l].lessons[i], width, unicode) != 0)
				return -1;
	return 0;
}

/* Prints text wrapped at width columns: the first line at first, later ones at indent. */
static void plain_wrapped(FILE *out, const char *text, int first, int indent, int width)
{
	int n = wrap_text(text, strlen(text), width - indent, NULL, 0), k;
	WrapLine *lines = malloc((size_t)(n > 0 ? n : 1) * sizeof *lines);

	if (!lines)
		return;
	wrap_text(text, strlen(text), width - indent, lines, n);
	for (k = 0; k < n; k++)
		fprintf(out, "%*s%.*s\n", k ? indent : first, "", (int)lines[k].len,
			text + lines[k].start);
	free(lines);
}

int plain_glossary(FILE *out, const Course *c, int width, bool unicode)
{
	Glossary g;
	char head[512];
	size_t i;

	if (glossary_collect(&g, c) != 0)
		return -1;
	fprintf(out, "%s\n", _("Glossary"));
	fputs("\n", out);
	if (g.n == 0)
		fprintf(out, "%s\n", _("This course defines no terms."));
	for (i = 0; i < g.n; i++) {
		const GlossEntry *e = &g.v[i];
		if (e->unit_title)
			snprintf(head, sizeof head, "%s (%s%s%s)", e->name, e->unit_id,
				 unicode ? " \xc2\xb7 " : " - ", e->unit_title);
		else
			snprintf(head, sizeof head, "%s (%s)", e->name, e->unit_id);
		if (i > 0)
			fputs("\n", out);
		plain_wrapped(out, head, 2, 6, width);
		plain_wrapped(out, e->def, 6, 6, width);
	}
	glossary_free(&g);
	return 0;
}
