/* wires.c: joined box-drawing lines and arrowheads. Must not include curses. */
#include <config.h>

#include "draw/wires.h"

/* By the ways a cell is left (UP 1, DOWN 2, LEFT 4, RIGHT 8): light and heavy. A wire
 * that leaves one way only is a half line (╵ ╷ ╴ ╶), so every glyph reads back as the
 * ways it was drawn with. */
static const uint32_t light[16] = {' ',    0x2575, 0x2577, 0x2502, 0x2574, 0x2518, 0x2510, 0x2524,
				   0x2576, 0x2514, 0x250C, 0x251C, 0x2500, 0x2534, 0x252C, 0x253C};
static const uint32_t heavy[16] = {' ',    0x2579, 0x257B, 0x2503, 0x2578, 0x251B, 0x2513, 0x252B,
				   0x257A, 0x2517, 0x250F, 0x2523, 0x2501, 0x253B, 0x2533, 0x254B};

/* The ways of the wire glyph ch, *was_heavy; 0 when ch is not a wire. ASCII glyphs
 * say less: '-' reads as across, '|' as up and down, '+' as every way. */
static unsigned ways_of(uint32_t ch, bool *was_heavy, Caps caps)
{
	unsigned i;

	*was_heavy = false;
	if (!caps.unicode)
		return ch == '-' || ch == '=' ? WIRE_LEFT | WIRE_RIGHT
		       : ch == '|'            ? WIRE_UP | WIRE_DOWN
		       : ch == '+'            ? 15
					      : 0;
	for (i = 1; i < 16; i++) {
		if (light[i] == ch)
			return i;
		if (heavy[i] == ch) {
			*was_heavy = true;
			return i;
		}
	}
	return 0;
}

void wire_add(Grid *g, int x, int y, unsigned dirs, bool hv, Caps caps)
{
	Cell *c = grid_at(g, x, y);
	bool was = false;
	unsigned ways;
	uint32_t ch;

	if (!c)
		return;
	ways = (ways_of(c->ch, &was, caps) | dirs) & 15;
	hv = hv || was;
	if (caps.unicode)
		ch = hv ? heavy[ways] : light[ways];
	else if (!(ways & (WIRE_UP | WIRE_DOWN)))
		ch = hv ? '=' : '-';
	else if (!(ways & (WIRE_LEFT | WIRE_RIGHT)))
		ch = '|';
	else
		ch = '+';
	grid_put(g, x, y, ch, hv ? STYLE_ACCENT : STYLE_DIM);
}

void wire_line(Grid *g, int x0, int y0, int x1, int y1, bool hv, Caps caps)
{
	int dx = x1 > x0 ? 1 : x1 < x0 ? -1 : 0, dy = y1 > y0 ? 1 : y1 < y0 ? -1 : 0;
	unsigned fwd = dx > 0 ? WIRE_RIGHT : dx < 0 ? WIRE_LEFT : dy > 0 ? WIRE_DOWN : WIRE_UP;
	unsigned back = dx > 0 ? WIRE_LEFT : dx < 0 ? WIRE_RIGHT : dy > 0 ? WIRE_UP : WIRE_DOWN;
	int x = x0, y = y0;

	if (dx && dy)
		return; /* straight wires only */
	if (!dx && !dy)
		return;
	wire_add(g, x, y, fwd, hv, caps);
	for (x += dx, y += dy; x != x1 || y != y1; x += dx, y += dy)
		wire_add(g, x, y, fwd | back, hv, caps);
	wire_add(g, x, y, back, hv, caps);
}

void wire_arrow(Grid *g, int x, int y, unsigned dir, bool hv, Caps caps)
{
	uint32_t ch = dir == WIRE_RIGHT  ? (caps.unicode ? 0x25B6 : '>')
		      : dir == WIRE_LEFT ? (caps.unicode ? 0x25C0 : '<')
		      : dir == WIRE_UP   ? (caps.unicode ? 0x25B2 : '^')
					 : (caps.unicode ? 0x25BC : 'v');

	grid_put(g, x, y, ch, hv ? STYLE_ACCENT : STYLE_DIM);
}
