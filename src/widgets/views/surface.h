/* surface.h: the surface kind (surface.c: its runs, settings, keys and the kind;
 * surface-view.c: how it looks): the state they share. Must not own the loop,
 * navigate or write files; computes only with src/nn. */
#ifndef NN_WIDGETS_VIEWS_SURFACE_H
#define NN_WIDGETS_VIEWS_SURFACE_H

#include <stdbool.h>
#include <stddef.h>

#include "draw/plot.h"
#include "nn/surface.h"
#include "widgets/core/steps.h"
#include "widgets/core/widget.h"

enum { SF_RUNS = 4, SF_LOSS_ROWS = 8, SF_SIDE = 70 /* columns for side by side */ };
enum { SF_RATE_WINDOW = 20 }; /* the steps a measured rate spans */

typedef struct {
	SurfaceRun run;
	OptimConfig cfg;
	size_t batch;                   /* on the line fit: points per step (0: all) */
	double *px, *py, *loss, *steps; /* steps + 1 each: the path and its losses */
	size_t n;
	long arrived; /* the step its loss reached the goal, or -1 */
	bool diverged;
} Walk;

typedef struct {
	Surface surf;
	SurfaceView view;
	double x0, x1, y0, y1; /* the view */
	double start[2];
	double goal;           /* the loss that counts as arrived */
	Walk w[SF_RUNS];
	int nw;
	size_t max_steps, step;
	double noise;
	bool detail, theory;
	bool rates;            /* a line per run: its measured rate, and theory's */
	double lmin, lmax;     /* on a quadratic surface, its Hessian's eigenvalues (else 0) */
	bool lr_bound;         /* lr_from gives multiples of 2 / lmax */
	bool quadratic;        /* theory holds: th and the scan's best are set */
	SurfaceTheory th;
	long th_steps[2];      /* steps of SGD and momentum at theory's settings (-1: never) */
	SurfaceBest best[2];   /* the scan's best for SGD and momentum */
	Steps at;              /* played: its position is the step the runs should be at */
	Plot plot, curves;     /* scratch for drawing */
	double *field;         /* scratch samples */
	int *trail;            /* scratch classes for a path's markers (steps + 1) */
	size_t fcap;
	double pub[2 * SF_RUNS], loss[SF_RUNS];
	char names[SF_RUNS][24];
	const char *labels[SF_RUNS];
	int cls[SF_RUNS];
	unsigned long version;
} Surf;

/* Drawing (surface-view.c), the WidgetOps functions. */
int surface_view_height(const Instance *in, int width);
void surface_view_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy);

#endif
