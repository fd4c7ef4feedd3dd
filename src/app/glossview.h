/* glossview.h: the glossary screen: every term of the course in alphabetical order with
 * its definition and the unit that teaches it, filtered by what the learner types, one
 * entry selected to be opened. Must not touch the terminal: it draws into a grid and
 * reacts to commands. */
#ifndef NN_APP_GLOSSVIEW_H
#define NN_APP_GLOSSVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/keymap.h"
#include "draw/grid.h"
#include "lesson/glossary.h"

typedef struct {
	Glossary g;
	bool ready;      /* g is collected */
	char filter[64]; /* what the learner typed */
	size_t *shown;   /* the entries of g whose names hold the filter, in order */
	size_t nshown;
	size_t sel;      /* the selected one, an index into shown */
	int scroll;      /* the first row of the list on screen; INT_MIN: where the
	                  * selected entry starts, at the next draw */
	int view_w, view_h; /* the list's size at the last draw */
} GlossView;

/* Shows the glossary of c (collected on first use) filtered by filter (NULL or "":
 * every term), selecting the term called filter when there is one, else the first.
 * Returns 0, or -1 when out of memory. */
int glossview_open(GlossView *v, const Course *c, const char *filter);

/* Selects the shown term called name (ignoring ASCII case); returns false, changing
 * nothing, when no shown term is (name NULL included). */
bool glossview_select(GlossView *v, const char *name);

/* Draws the glossary into g, the footer of keys included; the cursor goes after the
 * filter. */
void glossview_draw(GlossView *v, Grid *g, Caps caps, int *cx, int *cy);

/* Reacts to a movement command or a key no binding took (typing edits the filter).
 * Returns the selected entry on CMD_OPEN, else NULL. */
const GlossEntry *glossview_command(GlossView *v, Command cmd, const Key *k);

/* The selected entry, or NULL when no term matches. */
const GlossEntry *glossview_selected(const GlossView *v);

void glossview_free(GlossView *v);

#endif
