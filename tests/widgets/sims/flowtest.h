/* flowtest.h: what the gradflow suites share (check_gradflow, check_resflow): the size
 * of a run of numbers, a widget's output, a relative comparison, a number as a lesson
 * writes it. Links the widget harness (wtest.h) and Check. */
#ifndef NN_TESTS_WIDGETS_SIMS_FLOWTEST_H
#define NN_TESTS_WIDGETS_SIMS_FLOWTEST_H

#include <stdbool.h>

#include "widgets/wtest.h"

/* The size of n numbers: the square root of the sum of their squares. */
double size_of(const double *v, int n);

/* Output name of in (the test fails when there is none). */
void output(const Instance *in, const char *name, Data *d);

/* a and b agree to 1e-9 of the larger. */
bool close_rel(double a, double b);

/* v with `digits` significant digits, as axes_number writes it (four at a time may be
 * alive). */
const char *num(double v, int digits);

#endif
