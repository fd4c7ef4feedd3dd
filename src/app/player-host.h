/* player-host.h: what the two halves of the lesson player share (player.c reads
 * and scrolls a lesson; player-widgets.c hosts its live widgets). Internal to app. */
#ifndef NN_APP_PLAYER_HOST_H
#define NN_APP_PLAYER_HOST_H

#include "app/player.h"

/* player.c */
void player_layout(Player *p, int width, Caps caps);
void player_clamp(Player *p);
void player_mark(Player *p, const char *unit_id, const char *what);
void player_move_focus(Player *p, int dir);

/* player-widgets.c */
int player_slot_height(const void *ctx, const Block *b, int w);
bool player_slot_wide(const void *ctx, const Block *b);
int player_steps_shown(const void *ctx, const Block *b);
void player_widgets_store(Player *p, bool save);
void player_draw_widgets(Player *p, Grid *g, Caps caps, int *cx, int *cy);
bool player_focusable(Player *p, int i);
bool player_widget_key(Player *p, const Key *k);
/* How many live widgets are done; after a tick that changed it (a trainer reached its
 * goal while training), player_widgets_won completes their units and asks for a save. */
size_t player_widgets_done(const Player *p);
void player_widgets_won(Player *p);

#endif
