/* flowtest.c: the helpers of flowtest.h. Uses the drawing library's number format and
 * Check; no widget kind of its own. */
#include <config.h>

#include <math.h>

#include "draw/axes.h"
#include "testlib.h"
#include "widgets/sims/flowtest.h"

double size_of(const double *v, int n)
{
	double s = 0;
	int k;

	for (k = 0; k < n; k++)
		s += v[k] * v[k];
	return sqrt(s);
}

void output(const Instance *in, const char *name, Data *d)
{
	ck_assert(scene_output(in, name, 0, d));
}

bool close_rel(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) + 1e-300;
}

const char *num(double v, int digits)
{
	static char buf[4][32];
	static int k;

	k = (k + 1) % 4;
	axes_number(buf[k], sizeof buf[k], v, digits);
	return buf[k];
}
