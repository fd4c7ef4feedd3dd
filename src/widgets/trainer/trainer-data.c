/* trainer-data.c: the trainer's own points: a dataset the learner brings (a CSV file
 * the host read), points dropped with the keyboard, and their split into training
 * and test points that stays put as points are added.
 * Must not read or write files (the host does), nor own the loop. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "nn/rng.h"
#include "widgets/trainer/trainer.h"

/* Whether point i of the own data is a test point: a placed point always trains; the
 * others are drawn from a hash of the data seed and the index, so adding a point
 * moves none of the others. */
static bool own_is_test(const Brain *b, size_t i)
{
	Rng r;

	if (b->own_side[i])
		return b->own_side[i] == 2;
	rng_seed(&r, b->data_seed * 0x9e3779b97f4a7c15ULL + i);
	return rng_uniform(&r) < 1 - b->ratio;
}

int trainer_own_split(const Brain *b, Dataset *train, Dataset *test)
{
	size_t i, ntest = 0, at[2] = {0, 0};
	Dataset *to[2];

	memset(train, 0, sizeof *train);
	memset(test, 0, sizeof *test);
	for (i = 0; i < b->own.n; i++)
		ntest += own_is_test(b, i);
	if (data_alloc(train, b->own.n - ntest, 2) != NN_OK ||
	    data_alloc(test, ntest, 2) != NN_OK)
		return -1;
	to[0] = train;
	to[1] = test;
	for (i = 0; i < b->own.n; i++) {
		int t = own_is_test(b, i);
		Dataset *d = to[t];
		d->x[2 * at[t]] = b->own.x[2 * i];
		d->x[2 * at[t] + 1] = b->own.x[2 * i + 1];
		d->label[at[t]++] = b->own.label[i];
	}
	return 0;
}

/* The classes of labels (0: they are not all whole numbers 0 to 9: regression). */
static size_t classes_of(const double *label, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!(label[i] >= 0 && label[i] < BRAIN_OWN_CLASSES) || label[i] != floor(label[i]))
			return 0;
		if ((size_t)label[i] + 1 > k)
			k = (size_t)label[i] + 1;
	}
	return k < 2 ? 2 : k;
}

/* Makes room for n own points (the first `keep` kept); -1 when out of memory. */
static int own_resize(Brain *b, size_t n, size_t keep)
{
	Dataset d;
	uint8_t *side = calloc(n ? n : 1, 1);

	if (!side || data_alloc(&d, n, 2) != NN_OK) {
		free(side);
		return -1;
	}
	if (keep) { /* none: own may be empty, its pointers NULL */
		memcpy(d.x, b->own.x, 2 * keep * sizeof *d.x);
		memcpy(d.label, b->own.label, keep * sizeof *d.label);
		memcpy(side, b->own_side, keep);
	}
	data_free(&b->own);
	free(b->own_side);
	b->own = d;
	b->own_side = side;
	return 0;
}

int trainer_use_data(Instance *in, const Dataset *d, const char *name, char *err, size_t size)
{
	Brain *b = in->state;

	if (d->dim != 2) {
		snprintf(err, size,
			 _("The trainer needs points with 2 coordinates and a label (3 columns); "
			   "this data has %zu columns."),
			 d->dim + 1);
		return -1;
	}
	if (d->n < 4) {
		snprintf(err, size, _("The trainer needs at least 4 points; this data has %zu."), d->n);
		return -1;
	}
	if (own_resize(b, d->n, 0) != 0) {
		snprintf(err, size, "%s", _("Out of memory."));
		return -1;
	}
	memcpy(b->own.x, d->x, 2 * d->n * sizeof *d->x);
	memcpy(b->own.label, d->label, d->n * sizeof *d->label);
	b->own_classes = classes_of(d->label, d->n);
	snprintf(b->own_name, sizeof b->own_name, "%s", name ? name : "");
	b->custom = true;
	b->points = d->n;
	b->placing = false;
	trainer_rebuild(in, true);
	if (b->built) { /* the cursor in the middle of the new points */
		double x0, x1, y0, y1;
		trainer_bounds(b, &x0, &x1, &y0, &y1);
		b->cur_x = (x0 + x1) / 2;
		b->cur_y = (y0 + y1) / 2;
	}
	return 0;
}

/* Turns generated data into own points, each keeping its side of the split. */
static int own_from_generated(Brain *b)
{
	size_t i;

	const Dataset *train = &b->run.train, *test = &b->run.test;

	if (own_resize(b, train->n + test->n, 0) != 0)
		return -1;
	for (i = 0; i < train->n; i++) {
		memcpy(&b->own.x[2 * i], &train->x[2 * i], 2 * sizeof *b->own.x);
		b->own.label[i] = train->label[i];
		b->own_side[i] = 1;
	}
	for (i = 0; i < test->n; i++) {
		size_t j = train->n + i;
		memcpy(&b->own.x[2 * j], &test->x[2 * i], 2 * sizeof *b->own.x);
		b->own.label[j] = test->label[i];
		b->own_side[j] = 2;
	}
	b->own_classes = b->classes;
	b->own_name[0] = '\0';
	b->custom = true;
	return 0;
}

bool trainer_place(Instance *in, int digit)
{
	Brain *b = in->state;
	size_t n, classes;
	double label;

	if (!b->built || digit < 0 || digit > 9)
		return false;
	if (!b->custom && own_from_generated(b) != 0)
		return false;
	classes = b->own_classes;
	if (classes) {
		label = digit;
		if ((size_t)digit + 1 > classes)
			classes = (size_t)digit + 1;
	} else {
		label = -1 + 2.0 * digit / 9; /* regression: 0 to 9 spans -1 to 1 */
	}
	n = b->own.n;
	if (own_resize(b, n + 1, n) != 0)
		return false;
	b->own.x[2 * n] = b->cur_x;
	b->own.x[2 * n + 1] = b->cur_y;
	b->own.label[n] = label;
	b->own_side[n] = 3; /* placed: trains, and trainer_unplace may take it back */
	b->points = b->own.n;
	b->own_classes = classes; /* a new class: a new output layer, new weights */
	trainer_rebuild(in, true);
	return true;
}

bool trainer_unplace(Instance *in)
{
	Brain *b = in->state;

	if (!b->custom || b->own.n <= 4 || b->own_side[b->own.n - 1] != 3)
		return false;
	b->own.n--;
	b->points = b->own.n;
	trainer_rebuild(in, true);
	return true;
}

void trainer_own_unpin(Brain *b)
{
	size_t i;

	for (i = 0; b->custom && i < b->own.n; i++)
		if (b->own_side[i] == 1 || b->own_side[i] == 2)
			b->own_side[i] = 0;
}
