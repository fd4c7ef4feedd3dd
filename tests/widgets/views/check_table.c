/* check_table.c: the table kind's computed cells (fn= of inputs=, checked against the
 * formulas themselves, not against src/nn), its live row following a slider through
 * the slider's data version, matrix products (matrix=) and models run on rows
 * (model=), checked by hand and followed as a pixel grid changes the weights, and what
 * it gives other widgets (the cells as a matrix, one column as numbers, the live row,
 * the product), for typed tables too; golden drawings. */
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

/* A grid of 2 x 2 pixels is the first layer of a network (weights_from=): its w1 and
 * w2, their product with the grid, and the network on four rows of inputs. */
static const char sourced[] =
	"@widget grid id=px rows=2 cols=2 cells=1,0,0,1 editable=yes\nalt: p\n@end\n"
	"@widget network id=net layers=2,2,1 weights_from=px weights=0,0,0,0,2,-1\n"
	"biases=0.5,-0.5,0.25 activation=tanh output_activation=sigmoid\nalt: n\n@end\n"
	"@widget table id=w2 matrix=net:w2 rows=y digits=0\ncolumns: W2, a, b\nalt: t\n@end\n"
	"@widget table id=p matrix=w2:product,net:w1,px rows=y digits=1\ncolumns: P, a, b\n"
	"alt: t\n@end\n"
	"@widget table id=bad matrix=net:w1,net:w2 rows=y\ncolumns: P, a\nalt: t\n@end\n"
	"@widget table id=rows model=net inputs=0,0,1,0,0,1,1,1\n"
	"values=inputs,hidden,total,output\ncolumns: a, b, h1, h2, z, y\nalt: t\n@end\n";

/* The network of `sourced` by hand: W1 the grid g (row-major), h = tanh(W1 x + b1),
 * z = 2 h1 - h2 + 0.25, y = sigmoid(z). */
static void sourced_row(const double *g, double a, double b, double *row)
{
	row[0] = a;
	row[1] = b;
	row[2] = tanh(g[0] * a + g[1] * b + 0.5);
	row[3] = tanh(g[2] * a + g[3] * b - 0.5);
	row[4] = 2 * row[2] - row[3] + 0.25;
	row[5] = sigmoid(row[4]);
}

static void check_sourced(WTest *t, const double *g)
{
	static const double x[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
	double want[6];
	Data d;
	int r, c;

	/* W2 . W1 . g = [2, -1] . g, by hand */
	ck_assert(scene_output(wt_get(t, "p"), "product", 0, &d));
	ck_assert_uint_eq(d.rows, 1);
	ck_assert_uint_eq(d.cols, 2);
	ck_assert(d.v[0] == 2 * g[0] - g[2] && d.v[1] == 2 * g[1] - g[3]);
	ck_assert(scene_output(wt_get(t, "rows"), "cells", 0, &d));
	ck_assert_uint_eq(d.rows, 4);
	ck_assert_uint_eq(d.cols, 6);
	for (r = 0; r < 4; r++) {
		sourced_row(g, x[r][0], x[r][1], want);
		for (c = 0; c < 6; c++)
			ck_assert_msg(fabs(d.v[r * 6 + c] - want[c]) < 1e-12, "row %d col %d: %g, not %g",
				      r, c, d.v[r * 6 + c], want[c]);
	}
}

START_TEST(products_and_models_follow_the_weights)
{
	static const double g1[] = {1, 0, 0, 1}, g2[] = {0, 0, 0, 1};
	WTest t;
	Data d;
	unsigned long vp, vr;
	char *txt;

	wt_open(&t, sourced);
	/* the network gives its layers' matrices */
	ck_assert(scene_output(wt_get(&t, "net"), "w2", 0, &d));
	ck_assert(d.rows == 1 && d.cols == 2 && d.v[0] == 2 && d.v[1] == -1);
	ck_assert(!scene_output(wt_get(&t, "net"), "w3", 0, &d)); /* two layers only */
	check_sourced(&t, g1);
	ck_assert(scene_output(wt_get(&t, "p"), "product", 0, &d));
	vp = d.version;
	ck_assert(scene_output(wt_get(&t, "rows"), "cells", 0, &d));
	vr = d.version;
	/* the same sources: the same versions */
	ck_assert(scene_output(wt_get(&t, "p"), "product", 0, &d));
	ck_assert_uint_eq(d.version, vp);
	wt_golden("table-product", wt_get(&t, "p"), 40);
	wt_golden("table-model", wt_get(&t, "rows"), 60);
	/* the grid's first pixel off: W1 changes, and so do the product and the rows */
	wt_char(wt_get(&t, "px"), ' ');
	check_sourced(&t, g2);
	ck_assert(scene_output(wt_get(&t, "p"), "product", 0, &d));
	ck_assert_uint_ne(d.version, vp);
	ck_assert(scene_output(wt_get(&t, "rows"), "cells", 0, &d));
	ck_assert_uint_ne(d.version, vr);
	txt = wt_draw(wt_get(&t, "p"), 40, (Caps){true, 0}, false);
	ck_assert_ptr_nonnull(strstr(txt, "│ y │ 0.0 │ -1.0 │"));
	free(txt);
	/* 2 x 2 times 1 x 2 does not chain: no product, every cell "?" */
	ck_assert(scene_output(wt_get(&t, "bad"), "product", 0, &d));
	ck_assert(isnan(d.v[0]));
	txt = wt_draw(wt_get(&t, "bad"), 40, (Caps){true, 0}, false);
	ck_assert_ptr_nonnull(strstr(txt, "?"));
	free(txt);
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
	tcase_add_test(tc, products_and_models_follow_the_weights);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(table_suite());
}
