/* controls.h: what the control widgets share: label drawing, clamping, snapping to a
 * step. Must not own the loop or write files. */
#ifndef NN_WIDGETS_CONTROLS_H
#define NN_WIDGETS_CONTROLS_H

#include "widgets/core/widget.h"


/* v moved to the nearest point lo + k step, rounded to the decimals lo and step are
 * written with (up to 12), so that -2 + 22 x 0.1 is 0.2, not 0.20000000000000018. */
double control_snap(double v, double lo, double step);

/* v limited to [lo, hi]; NaN gives lo. */
double control_clamp(double v, double lo, double hi);

/* Draws "label  " at the start of r (bold when focused) and returns the columns
 * used: at most a third of the width, so the control keeps its room. */
int control_label(Grid *g, Rect r, const char *label, bool focused);

#endif
