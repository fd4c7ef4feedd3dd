/* check_table.c: the table kind's computed cells (fn= of inputs=, checked against the
 * formulas themselves, not against src/nn), its live row following a slider through
 * the slider's data version, and what it gives other widgets (the cells as a matrix,
 * one column as numbers, the live row), for typed tables too; golden drawings. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

static const char computed[] =
	"@widget slider id=z label=\"z\" range=-4..4 value=0.5 step=0.5\nalt: z\n@end\n"
	"@widget table id=t\ninputs: -2, -1, 0, 1, 2\nfn: sigmoid, tanh, relu\ninput: z\n"
	"alt: t\n@end\n";

static double sigmoid(double z)
{
	return 1 / (1 + exp(-z));
}

static double relu(double z)
{
	return z > 0 ? z : 0;
}

/* The cells are each input, then sigmoid, tanh and ReLU of it, as numbers. */
START_TEST(computed_cells_are_the_functions)
{
	static const double in[] = {-2, -1, 0, 1, 2};
	WTest t;
	Instance *tab;
	Data d;
	size_t r;

	wt_open(&t, computed);
	tab = wt_get(&t, "t");
	ck_assert(scene_output(tab, "cells", 0, &d));
	ck_assert_int_eq(d.type, DATA_MATRIX);
	ck_assert_uint_eq(d.rows, 5);
	ck_assert_uint_eq(d.cols, 4);
	for (r = 0; r < 5; r++) {
		ck_assert(d.v[r * 4] == in[r]);
		ck_assert(fabs(d.v[r * 4 + 1] - sigmoid(in[r])) < 1e-12);
		ck_assert(fabs(d.v[r * 4 + 2] - tanh(in[r])) < 1e-12);
		ck_assert(d.v[r * 4 + 3] == relu(in[r]));
	}
	/* the default output is the matrix */
	ck_assert(scene_output(tab, NULL, 0, &d));
	ck_assert_int_eq(d.type, DATA_MATRIX);
	/* one column as numbers: the last by default, labelled by the inputs */
	ck_assert(scene_output(tab, "column", 0, &d));
	ck_assert_int_eq(d.type, DATA_VECTOR);
	ck_assert_uint_eq(d.n, 5);
	ck_assert(d.v[4] == 2 && d.v[0] == 0);
	ck_assert_str_eq(d.labels[0], "-2");
	ck_assert_str_eq(d.labels[4], "2");
	/* a reference that reads numbers gets the first output of that type */
	ck_assert(scene_output(tab, NULL, DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 5);
	wt_golden("table-computed", tab, 60);
	wt_close(&t);
}
END_TEST

/* The live row is the slider's value and its functions; it is made again only when
 * the slider's data has a new version, and it says so with a new version of its own. */
START_TEST(live_row_follows_the_slider)
{
	WTest t;
	Instance *tab, *z;
	Data d;
	unsigned long v1;

	wt_open(&t, computed);
	tab = wt_get(&t, "t");
	z = wt_get(&t, "z");
	ck_assert_int_eq(tab->ops->height(tab, 60), 5 + 4 + 2);
	ck_assert(scene_output(tab, "live", 0, &d));
	ck_assert_uint_eq(d.n, 4);
	ck_assert(d.v[0] == 0.5);
	ck_assert(fabs(d.v[1] - sigmoid(0.5)) < 1e-12);
	ck_assert(fabs(d.v[2] - tanh(0.5)) < 1e-12);
	ck_assert(d.v[3] == 0.5);
	ck_assert_str_eq(d.labels[0], "z");
	ck_assert_str_eq(d.labels[1], "sigmoid(z)"); /* the labels are ASCII */
	v1 = d.version;
	ck_assert(scene_output(tab, "live", 0, &d));
	ck_assert_uint_eq(d.version, v1); /* nothing moved: the same version */
	ck_assert_uint_eq(wt_key(z, K_LEFT) & WIDGET_HANDLED, WIDGET_HANDLED);
	wt_key(z, K_LEFT);
	wt_key(z, K_LEFT); /* 0.5 - 3 x 0.5 = -1 */
	ck_assert(scene_output(tab, "live", 0, &d));
	ck_assert_uint_ne(d.version, v1);
	ck_assert(d.v[0] == -1);
	ck_assert(fabs(d.v[1] - sigmoid(-1)) < 1e-12);
	ck_assert(d.v[3] == 0);
	wt_golden("table-live-moved", tab, 60);
	wt_close(&t);
}
END_TEST

/* var= names the input in the headings, digits= the decimals, column= the column
 * given as numbers; without input= there is no live row to give. */
START_TEST(names_digits_and_column)
{
	WTest t;
	Instance *tab;
	Data d;

	wt_open(&t, "@widget table id=t inputs=0,0.5 fn=sigmoid,gelu var=x digits=2 column=2\n"
		    "alt: t\n@end\n");
	tab = wt_get(&t, "t");
	ck_assert_int_eq(tab->ops->height(tab, 40), 2 + 4);
	ck_assert(scene_output(tab, "column", 0, &d));
	ck_assert(d.v[0] == 0.5 && fabs(d.v[1] - sigmoid(0.5)) < 1e-12);
	ck_assert_str_eq(d.labels[1], "0.5");
	ck_assert(!scene_output(tab, "live", 0, &d));
	wt_golden("table-computed-x", tab, 40);
	wt_close(&t);
}
END_TEST

/* A typed table gives its cells too: numbers as numbers, text as not a number. */
START_TEST(typed_cells_as_numbers)
{
	WTest t;
	Instance *tab;
	Data d;

	wt_open(&t, "@widget table id=t columns=gate,x,y\nrow: AND, 1, 0.5\nrow: OR, -2, 3\n"
		    "alt: t\n@end\n");
	tab = wt_get(&t, "t");
	ck_assert(scene_output(tab, "cells", 0, &d));
	ck_assert_uint_eq(d.rows, 2);
	ck_assert_uint_eq(d.cols, 3);
	ck_assert(isnan(d.v[0]) && d.v[1] == 1 && d.v[2] == 0.5);
	ck_assert(isnan(d.v[3]) && d.v[4] == -2 && d.v[5] == 3);
	ck_assert(scene_output(tab, "column", 0, &d));
	ck_assert(d.v[0] == 0.5 && d.v[1] == 3);
	ck_assert_str_eq(d.labels[0], "AND");
	ck_assert_str_eq(d.labels[1], "OR");
	wt_close(&t);
}
END_TEST

static Suite *table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, computed_cells_are_the_functions);
	tcase_add_test(tc, live_row_follows_the_slider);
	tcase_add_test(tc, names_digits_and_column);
	tcase_add_test(tc, typed_cells_as_numbers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(table_suite());
}
