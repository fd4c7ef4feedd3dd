/* player.c: the lesson player: layout at the screen's width, scrolling, focus, search,
 * and the learner's position and completions in the progress store.
 * Must not touch the terminal. */
#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/frame.h"
#include "app/player-host.h"
#include "lesson/course.h"
#include "nls.h"

/* Progress keys: unit.<UNIT>.seen, unit.<UNIT>.done, lesson.<LESSON>.unit|block|row|focus. */
static void key_of(char *buf, size_t size, const char *kind, const char *id, const char *what)
{
	snprintf(buf, size, "%s.%s.%s", kind, id, what);
}

static const CourseUnit *index_unit(const CourseLesson *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->nunits; i++)
		if (e->units[i].id && strcmp(e->units[i].id, id) == 0) /* a bad id is NULL */
			return &e->units[i];
	return NULL;
}

static const char *unit_title(const void *ctx, const char *id, int *minutes)
{
	const Player *p = ctx;
	const CourseUnit *u = index_unit(p->entry, id);

	if (!u)
		return NULL;
	*minutes = u->minutes;
	return u->title;
}

static const char *slot_id(const DocSlot *s)
{
	const char *id = block_id(s->block);

	return id ? id : "";
}

void player_open(Player *p, const CourseLesson *entry, Progress *progress)
{
	char key[256];
	const char *v;

	memset(p, 0, sizeof *p);
	p->entry = entry;
	p->progress = progress;
	p->focus = -1;
	p->match = -1;
	p->want_unit = 0;
	p->want_block = -2; /* the top of the lesson */
	if (!course_lesson(entry)) /* read now if it was not: entry->lesson is set after */
		return;
	if (!progress) {
		scene_init(&p->scene, entry->lesson);
		return;
	}
	key_of(key, sizeof key, "lesson", entry->id, "unit");
	v = progress_get(progress, key);
	if (v) {
		size_t u;
		for (u = 0; u < entry->lesson->nunits; u++)
			if (entry->lesson->units[u].id &&
			    strcmp(entry->lesson->units[u].id, v) == 0) {
				p->want_unit = (int)u;
				key_of(key, sizeof key, "lesson", entry->id, "block");
				p->want_block = (int)progress_get_num(progress, key, -1);
				key_of(key, sizeof key, "lesson", entry->id, "row");
				p->want_row = (int)progress_get_num(progress, key, 0);
			}
	}
	key_of(key, sizeof key, "lesson", entry->id, "focus");
	v = progress_get(progress, key);
	if (v)
		snprintf(p->want_focus, sizeof p->want_focus, "%s", v);
	if (scene_init(&p->scene, entry->lesson) == 0)
		player_widgets_store(p, false);
}

void player_open_at_match(Player *p, const CourseLesson *entry, Progress *progress,
			  const char *query)
{
	player_open(p, entry, progress);
	p->want_block = -2;
	p->want_focus[0] = '\0';
	snprintf(p->query, sizeof p->query, "%s", query);
	p->match = -2; /* find it at the first layout */
}

void player_goto_block(Player *p, size_t u, int b)
{
	if (!p->entry->lesson || u >= p->entry->lesson->nunits || b < -1 ||
	    (b >= 0 && (size_t)b >= p->entry->lesson->units[u].nblocks))
		return;
	p->want_unit = (int)u;
	p->want_block = b;
	p->want_row = 0;
	p->want_focus[0] = '\0';
}

void player_goto_unit(Player *p, size_t u)
{
	player_goto_block(p, u, -1);
}

void player_close(Player *p)
{
	doc_free(&p->doc);
	scene_free(&p->scene);
	grid_free(&p->scratch);
	p->laid_out = false;
}

/* The line of the lesson file where row y's block (or unit header) starts; 0 above the
 * first unit. */
static int player_row_line(const Player *p, int y)
{
	const Lesson *l = p->entry->lesson;
	int u = p->doc.row_unit[y], b = p->doc.row_block[y];

	if (u < 0 || (size_t)u >= l->nunits)
		return 0;
	if (b < 0 || (size_t)b >= l->units[u].nblocks)
		return l->units[u].line;
	return l->units[u].blocks[b].line;
}

const char *player_linked_term(const Player *p)
{
	const Lesson *l = p->entry ? p->entry->lesson : NULL;
	int top, end, below = p->scroll + p->view_h;
	size_t i;

	if (!l || !p->laid_out || p->scroll < 0 || p->scroll >= p->doc.g.h)
		return NULL;
	top = player_row_line(p, p->scroll);
	/* Up to the block under the view: a block cut at the bottom does not count. */
	end = below < p->doc.g.h ? player_row_line(p, below) : INT_MAX;
	for (i = 0; i < l->nlinks; i++)
		if (l->links[i].line >= top && l->links[i].line < end)
			return l->links[i].name;
	return NULL;
}

bool player_animating(const Player *p)
{
	return scene_animating(&p->scene);
}

bool player_tick(Player *p, double dt)
{
	size_t done = player_widgets_done(p);
	bool changed = scene_tick(&p->scene, dt);

	if (player_widgets_done(p) != done)
		player_widgets_won(p);
	return changed;
}

void player_save_position(Player *p)
{
	char key[256];
	int u, b, row = 0;

	if (!p->progress || !p->laid_out || p->doc.g.h == 0)
		return;
	u = p->doc.row_unit[p->scroll];
	b = p->doc.row_block[p->scroll];
	if (u < 0) {
		u = 0;
		b = -2;
	} else {
		row = p->scroll - doc_row_of(&p->doc, (size_t)u, b);
	}
	if ((size_t)u >= p->entry->lesson->nunits || !p->entry->lesson->units[u].id)
		return; /* (a unit whose id was bad, and reported, has none) */
	key_of(key, sizeof key, "lesson", p->entry->id, "unit");
	progress_set(p->progress, key, p->entry->lesson->units[u].id);
	key_of(key, sizeof key, "lesson", p->entry->id, "block");
	progress_set_num(p->progress, key, b);
	key_of(key, sizeof key, "lesson", p->entry->id, "row");
	progress_set_num(p->progress, key, row);
	key_of(key, sizeof key, "lesson", p->entry->id, "focus");
	progress_set(p->progress, key, p->focus >= 0 ? slot_id(&p->doc.slots[p->focus]) : "");
	player_widgets_store(p, true);
}

void player_clamp(Player *p)
{
	int max = p->doc.g.h - p->view_h;

	if (p->scroll > max)
		p->scroll = max;
	if (p->scroll < 0)
		p->scroll = 0;
}

/* Scrolls so rows y..y+h are on screen, with a little context above when possible
 * (a row, when the rows and it fit: a control as tall as the view starts at its top). */
static void reveal(Player *p, int y, int h)
{
	if (y < p->scroll)
		p->scroll = h < p->view_h ? y - 1 : y;
	else if (y + h > p->scroll + p->view_h)
		p->scroll = h >= p->view_h ? y : y + h - p->view_h + 1;
	player_clamp(p);
}

void player_layout(Player *p, int width, Caps caps)
{
	DocOptions o;
	size_t i;

	if (p->laid_out) { /* keep the reader's place across the new layout */
		if (p->doc.g.h > 0) {
			p->want_unit = p->doc.row_unit[p->scroll];
			p->want_block = p->doc.row_block[p->scroll];
			p->want_row = 0;
			if (p->want_unit >= 0)
				p->want_row = p->scroll - doc_row_of(&p->doc, (size_t)p->want_unit,
								     p->want_block);
		}
		snprintf(p->want_focus, sizeof p->want_focus, "%s",
			 p->focus >= 0 ? slot_id(&p->doc.slots[p->focus]) : "");
		doc_free(&p->doc);
	}
	memset(&o, 0, sizeof o);
	o.caps = caps;
	o.width = width;
	o.unit_title = unit_title;
	o.slot_height = player_slot_height;
	o.slot_wide = player_slot_wide;
	o.steps_shown = player_steps_shown;
	o.ctx = p;
	p->laid_out = doc_layout(&p->doc, p->entry->lesson, &o) == 0;
	p->doc_width = width;
	p->doc_unicode = caps.unicode;
	p->scroll = 0;
	p->focus = -1;
	if (!p->laid_out)
		return;
	if (p->want_block != -2 && p->want_unit >= 0) {
		int y = doc_row_of(&p->doc, (size_t)p->want_unit, p->want_block), k;
		p->scroll = y >= 0 ? y : 0;
		/* The same row of the block, as far as the block (reflowed) still reaches. */
		for (k = 0; y >= 0 && k < p->want_row && y + k + 1 < p->doc.g.h &&
			    p->doc.row_unit[y + k + 1] == p->want_unit &&
			    p->doc.row_block[y + k + 1] == p->want_block;
		     k++)
			p->scroll++;
	}
	for (i = 0; i < p->doc.nslots && p->want_focus[0]; i++)
		if (strcmp(slot_id(&p->doc.slots[i]), p->want_focus) == 0)
			p->focus = (int)i;
	if (p->match == -2) {
		p->match = doc_find(&p->doc, p->query, 0, 1);
		if (p->match >= 0)
			p->scroll = p->match - 2;
	}
}

void player_mark(Player *p, const char *unit_id, const char *what)
{
	char key[256];

	if (!*unit_id)
		return; /* a unit whose id was bad (and reported) is not kept */
	key_of(key, sizeof key, "unit", unit_id, what);
	if (p->progress && !progress_get(p->progress, key)) {
		progress_set(p->progress, key, "1");
		p->changed = true;
	}
}

/* A unit seen to its end is "seen"; a unit to read or watch is then also "done". Games
 * and quizzes are done when they are won or answered. */
static void mark_seen(Player *p)
{
	size_t u;

	for (u = 0; u < p->doc.nunits; u++) {
		const DocAnchor *a = &p->doc.units[u];
		const CourseUnit *cu;
		if (a->y >= p->scroll + p->view_h || a->end > p->scroll + p->view_h + 1)
			continue;
		player_mark(p, a->id, "seen");
		cu = index_unit(p->entry, a->id);
		if (!cu || cu->kind == UNIT_READ || cu->kind == UNIT_ANIM || cu->kind == UNIT_INTER)
			player_mark(p, a->id, "done");
	}
}

static void top_bar(Player *p, Grid *g)
{
	char right[32];
	const char *title = p->entry->lesson->title ? p->entry->lesson->title : p->entry->id;
	int x, pct = p->doc.g.h <= p->view_h ? 100
		   : (int)(100.0 * (p->scroll + p->view_h) / p->doc.g.h + 0.5);

	for (x = 0; x < g->w; x++)
		grid_put(g, x, 0, ' ', STYLE_BAR);
	snprintf(right, sizeof right, "%d%% ", pct > 100 ? 100 : pct);
	grid_text(g, 1, 0, title, strlen(title), g->w - 2 - (int)strlen(right), STYLE_BAR);
	grid_str(g, g->w - (int)strlen(right), 0, right, STYLE_BAR);
}

void player_draw(Player *p, Grid *g, Caps caps, int *cx, int *cy)
{
	int y;

	*cx = *cy = -1;
	grid_clear(g, STYLE_NORMAL);
	if (!p->laid_out || p->doc_width != g->w || p->doc_unicode != caps.unicode)
		player_layout(p, g->w, caps);
	p->view_h = g->h - 2;
	if (!p->laid_out || p->view_h < 1)
		return;
	player_clamp(p);
	top_bar(p, g);
	for (y = 0; y < p->view_h && p->scroll + y < p->doc.g.h; y++)
		memcpy(&g->cells[(size_t)(y + 1) * (size_t)g->w],
		       &p->doc.g.cells[(size_t)(p->scroll + y) * (size_t)p->doc.g.w],
		       (size_t)g->w * sizeof *g->cells);
	player_draw_widgets(p, g, caps, cx, cy);
	if (p->match >= 0 && p->match >= p->scroll && p->match < p->scroll + p->view_h)
		grid_str(g, p->doc.column_x - 2, p->match - p->scroll + 1, caps.unicode ? "›" : ">",
			 STYLE_ACCENT);
	if (p->focus >= 0) {
		const DocSlot *s = &p->doc.slots[p->focus];
		for (y = s->y; y < s->y + s->h; y++)
			if (y >= p->scroll && y < p->scroll + p->view_h)
				grid_str(g, s->x - 2, y - p->scroll + 1, caps.unicode ? "▶" : ">",
					 STYLE_FOCUS);
		if (*cx < 0 && s->y >= p->scroll && s->y < p->scroll + p->view_h) {
			*cx = s->x;
			*cy = s->y - p->scroll + 1;
		}
	}
	if (p->searching)
		frame_prompt(g, "/", p->query, cx, cy);
	mark_seen(p);
}

/* Moves the focus to the next (dir 1) or previous (dir -1) slot, starting from the
 * view when nothing is focused or the focused slot is off screen. */
static bool on_screen(const Player *p, int i)
{
	const DocSlot *s = &p->doc.slots[i];
	return s->y + s->h > p->scroll && s->y < p->scroll + p->view_h;
}

/* Whether the widget of slot b reads the one of slot a (scene_reads). */
static bool slot_reads(Player *p, int b, int a)
{
	return scene_reads(scene_for_block(&p->scene, p->doc.slots[b].block),
			   scene_for_block(&p->scene, p->doc.slots[a].block));
}

/* Scrolls to show the focused slot i together with what it changes: the widgets that
 * read it, then those that read them (a slider, the neuron it feeds, the game that
 * watches the neuron), and what i reads itself (the plot a quiz shows). They are
 * taken nearest first, each one only if all taken so far still fit one screen; one
 * that does not fit is left out but its readers are still tried, so a control and its
 * effect are seen together wherever the lesson can make that true. */
static void reveal_focus(Player *p, int i)
{
	enum { MAX_LINKED = 32 };
	int queue[MAX_LINKED], n = 1, head, j, k, top = p->doc.slots[i].y;
	int bottom = top + p->doc.slots[i].h;

	queue[0] = i;
	for (head = 0; head < n; head++) {
		for (j = 0; j < (int)p->doc.nslots && n < MAX_LINKED; j++) {
			const DocSlot *s = &p->doc.slots[j];
			int t = s->y < top ? s->y : top;
			int b = s->y + s->h > bottom ? s->y + s->h : bottom;
			bool seen = false;
			for (k = 0; k < n && !seen; k++)
				seen = queue[k] == j;
			if (seen || !(slot_reads(p, j, queue[head]) ||
				      (head == 0 && slot_reads(p, i, j))))
				continue;
			queue[n++] = j;
			if (b - t < p->view_h) {
				top = t;
				bottom = b;
			}
		}
	}
	reveal(p, top, bottom - top);
}

/* Moves the focus to the next (dir 1) or previous (dir -1) control that takes keys,
 * starting from the view when nothing is focused or the focused one is off screen;
 * at the first or last control it stays. */
void player_move_focus(Player *p, int dir)
{
	int n = (int)p->doc.nslots, i, from;

	if (p->focus >= 0 && on_screen(p, p->focus)) {
		from = p->focus + dir;
	} else {
		/* The first control on or after the view (or before it, going back). */
		for (from = dir > 0 ? 0 : n - 1; from >= 0 && from < n; from += dir) {
			const DocSlot *s = &p->doc.slots[from];
			if (dir > 0 ? s->y + s->h > p->scroll : s->y < p->scroll + p->view_h)
				break;
		}
	}
	for (i = from; i >= 0 && i < n && !player_focusable(p, i); i += dir)
		;
	if (i < 0 || i >= n) { /* none that way: the last (first) control there is */
		for (i = dir > 0 ? n - 1 : 0; i >= 0 && i < n && !player_focusable(p, i); i -= dir)
			;
		if (i < 0 || i >= n || (p->focus >= 0 && on_screen(p, p->focus)))
			return;
	}
	p->focus = i;
	reveal_focus(p, i);
}

static void find(Player *p, int from)
{
	int y = doc_find(&p->doc, p->query, from, 1);

	if (y < 0)
		y = doc_find(&p->doc, p->query, 0, 1); /* wrap around */
	p->match = y;
	if (y >= 0) {
		p->scroll = y - p->view_h / 3;
		player_clamp(p);
	}
}

static bool search_key(Player *p, const Key *k)
{
	switch (key_edit_line(p->query, sizeof p->query, k)) {
	case KEYEDIT_ENTER:
		p->searching = false;
		find(p, p->match >= 0 ? p->match + 1 : p->scroll);
		break;
	case KEYEDIT_CANCEL:
		p->searching = false;
		break;
	case KEYEDIT_CHANGED:
		p->match = -1;
		break;
	case KEYEDIT_IGNORED:
		break;
	}
	return true;
}

bool player_command(Player *p, Command cmd, const Key *k)
{
	if (p->searching)
		return search_key(p, k);
	if (player_widget_key(p, k))
		return true;
	if (k && k->code == K_MOUSE) {
		if (k->mouse_action == MOUSE_WHEEL_UP || k->mouse_action == MOUSE_WHEEL_DOWN) {
			p->scroll += k->mouse_action == MOUSE_WHEEL_UP ? -3 : 3;
			player_clamp(p);
		} else if (k->mouse_action == MOUSE_PRESS) {
			int y = p->scroll + k->mouse_y - 1;
			size_t i;
			for (i = 0; i < p->doc.nslots; i++)
				if (y >= p->doc.slots[i].y && y < p->doc.slots[i].y + p->doc.slots[i].h)
					p->focus = (int)i;
		}
		return true;
	}
	switch (cmd) {
	case CMD_LEAVE: /* the control did not take Esc: it lets go of the focus */
		p->focus = -1;
		break;
	case CMD_UP:
		p->scroll--;
		break;
	case CMD_DOWN:
		p->scroll++;
		break;
	case CMD_PAGE_UP:
		p->scroll -= p->view_h > 2 ? p->view_h - 2 : 1;
		break;
	case CMD_PAGE_DOWN:
		p->scroll += p->view_h > 2 ? p->view_h - 2 : 1;
		break;
	case CMD_TOP:
		p->scroll = 0;
		break;
	case CMD_BOTTOM:
		p->scroll = p->doc.g.h;
		break;
	case CMD_FOCUS_NEXT:
		player_move_focus(p, 1);
		return true;
	case CMD_FOCUS_PREV:
		player_move_focus(p, -1);
		return true;
	case CMD_SEARCH:
		p->searching = true;
		p->query[0] = '\0';
		p->match = -1;
		return true;
	case CMD_SEARCH_NEXT:
		if (p->query[0])
			find(p, p->match >= 0 ? p->match + 1 : p->scroll);
		return true;
	default:
		return false;
	}
	player_clamp(p);
	return true;
}

int player_units_done(const CourseLesson *entry, const Progress *progress)
{
	size_t i;
	int n = 0;
	char key[256];

	for (i = 0; i < entry->nunits && progress; i++) {
		if (!entry->units[i].id)
			continue; /* a bad id, reported by the index's parser */
		key_of(key, sizeof key, "unit", entry->units[i].id, "done");
		n += progress_get(progress, key) != NULL;
	}
	return n;
}

int player_lesson_done(const CourseLesson *entry, const Progress *progress)
{
	return entry->nunits > 0 && player_units_done(entry, progress) == (int)entry->nunits;
}
