/* mpanel.c: a small matrix of numbers drawn as a panel (see mpanel.h). Must not keep
 * state or read keys. */
#include <config.h>

#include <string.h>

#include "widgets/core/heat.h"
#include "widgets/core/mpanel.h"
#include "widgets/core/visual.h"

int mpanel_fit(MPanel *p)
{
	char buf[48];
	int i, k;

	p->cw = 1;
	for (i = 0; i < p->rows * p->cols; i++) {
		k = visual_num(buf, sizeof buf, p->v[i], p->digits);
		p->cw = k > p->cw ? k : p->cw;
	}
	return p->cols * (p->cw + 1) + 1;
}

int mpanel_cell_x(const MPanel *p, int x, int c)
{
	return x + c * (p->cw + 1) + 1;
}

void mpanel_draw(const MPanel *p, Grid *g, int x, int y, Caps caps)
{
	char buf[48];
	int r, c, k;

	for (r = 0; r < p->rows; r++)
		for (c = 0; c < p->cols; c++) {
			int i = r * p->cols + c, cx = mpanel_cell_x(p, x, c);
			bool win = p->wr && r >= p->r0 && r < p->r0 + p->wr && c >= p->c0 &&
				   c < p->c0 + p->wc;
			if (i >= p->shown) {
				grid_str(g, cx + p->cw - 1, y + r, caps.unicode ? "·" : ".", STYLE_DIM);
				continue;
			}
			k = visual_num(buf, sizeof buf, p->v[i], p->digits);
			grid_text(g, cx + p->cw - k, y + r, buf, (size_t)k, k,
				  win ? STYLE_BOLD : STYLE_NORMAL);
		}
	if (p->wr)
		heat_outline(g, mpanel_cell_x(p, x, p->c0) - 1, mpanel_cell_x(p, x, p->c0 + p->wc) - 1,
			     y + p->r0, p->wr, caps);
}
