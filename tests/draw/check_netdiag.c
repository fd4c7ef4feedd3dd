/* check_netdiag.c: network diagrams from 1-1 to 2-8-8-1: layouts that fit, values and
 * weights, the path, the wave, monochrome signs, stable positions, and what does not fit. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw/netdiag.h"
#include "drawtest.h"

static Grid g;
static NetDiag d;

static void setup(void)
{
	netdiag_init(&d);
}

static void teardown(void)
{
	netdiag_free(&d);
	grid_free(&g);
}

/* The L1.flow network: x = [1, 0] through 2-3-1. */
static const int sizes231[3] = {2, 3, 1};
static const double w0[6] = {0.6, -0.4, 1.2, 0.3, -0.9, 0.05}, w1[3] = {0.8, -1.1, 0.4};
static const double *const weights231[2] = {w0, w1};
static const double a0[2] = {1, 0}, a1[3] = {0.67, 0.77, 0.29}, a2[1] = {0.55};
static const double *const values231[3] = {a0, a1, a2};

static NetDiagSpec spec231(void)
{
	NetDiagSpec s = {3, sizes231, weights231, values231, NULL, NETDIAG_WAVE_NONE, 0, -1, -1, NULL};
	return s;
}

static void draw231(Caps caps, const NetDiagSpec *s, int w, int h, const char *golden, bool colours)
{
	grid_free(&g);
	ck_assert_int_eq(grid_init(&g, w, h), 0);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, w, h, s, caps), 0);
	drawtest_golden(golden, &g, colours);
}

START_TEST(small_network)
{
	NetDiagSpec s = spec231();

	draw231(CAPS_UTF8, &s, 56, 9, "tests/draw/golden/netdiag-231-utf8.txt", true);
	ck_assert(d.lay.link_labels);
	ck_assert_int_eq(d.lay.value_w, NETDIAG_VALUE_W);
	draw231(CAPS_MONO, &s, 56, 9, "tests/draw/golden/netdiag-231-mono.txt", false);
	draw231(CAPS_ASCII, &s, 56, 9, "tests/draw/golden/netdiag-231-ascii.txt", false);
}
END_TEST

START_TEST(path_wave_and_focus)
{
	static const int path[3] = {0, 1, 0};
	NetDiagSpec s = spec231();

	s.path = path;
	s.wave = NETDIAG_WAVE_FORWARD;
	s.wave_pos = 1.5;
	s.focus_layer = 2;
	s.focus_neuron = 0;
	draw231(CAPS_UTF8, &s, 56, 9, "tests/draw/golden/netdiag-231-wave.txt", true);
	/* Column 2 is not lit yet: no value; columns 0 and 1 show theirs. */
	ck_assert_uint_eq(grid_at(&g, d.lay.x[2][0] + 2, d.lay.y[2][0])->ch, ' ');
	ck_assert_uint_eq(grid_at(&g, d.lay.x[1][0] + 2, d.lay.y[1][0])->ch, '0');
	ck_assert_int_eq(grid_at(&g, d.lay.x[2][0], d.lay.y[2][0])->style, STYLE_FOCUS);
	ck_assert_int_eq(grid_at(&g, d.lay.x[1][1], d.lay.y[1][1])->style, STYLE_ACCENT);
	ck_assert_uint_eq(grid_at(&g, d.lay.x[1][1], d.lay.y[1][1])->ch, 0x25C9);
	s.wave = NETDIAG_WAVE_BACKWARD;
	s.wave_pos = 0.25;
	s.path = NULL;
	draw231(CAPS_ASCII, &s, 56, 9, "tests/draw/golden/netdiag-231-back.txt", false);
	ck_assert_uint_eq(grid_at(&g, d.lay.x[0][0] + 2, d.lay.y[0][0])->ch, ' ');
	ck_assert_uint_eq(grid_at(&g, d.lay.x[2][0] + 2, d.lay.y[2][0])->ch, '0');
}
END_TEST

START_TEST(largest_network_fits_80_columns)
{
	static const int sizes[4] = {2, 8, 8, 1};
	static double wa[16], wb[64], wc[8], v1[8], v2[8], v3[1], v0[2] = {0.5, -1};
	const double *ws[3] = {wa, wb, wc}, *vs[4] = {v0, v1, v2, v3};
	NetDiagSpec s = {4, sizes, ws, vs, NULL, NETDIAG_WAVE_NONE, 0, -1, -1, NULL};
	int i, l, j;

	for (i = 0; i < 16; i++)
		wa[i] = sin(i * 1.7);
	for (i = 0; i < 64; i++)
		wb[i] = sin(i * 2.3) * (i % 3) / 2;
	for (i = 0; i < 8; i++) {
		wc[i] = cos(i);
		v1[i] = tanh(sin(i * 0.9));
		v2[i] = tanh(cos(i * 1.3));
	}
	v3[0] = 0.93;
	draw231(CAPS_UTF8, &s, 80, 16, "tests/draw/golden/netdiag-2881-utf8.txt", false);
	ck_assert_int_eq(d.lay.value_w, NETDIAG_VALUE_W);
	ck_assert(!d.lay.link_labels);
	for (l = 0; l < 4; l++)
		for (j = 0; j < sizes[l]; j++) {
			ck_assert(d.lay.x[l][j] >= 0 && d.lay.x[l][j] + 1 + 1 + 5 <= 80);
			ck_assert(d.lay.y[l][j] >= 0 && d.lay.y[l][j] < 16);
			if (j)
				ck_assert_int_gt(d.lay.y[l][j], d.lay.y[l][j - 1]);
		}
	draw231(CAPS_ASCII, &s, 80, 16, "tests/draw/golden/netdiag-2881-ascii.txt", false);
	/* Without values or weights: plain links, neurons only. */
	s.values = NULL;
	s.weights = NULL;
	draw231(CAPS_UTF8, &s, 40, 8, "tests/draw/golden/netdiag-2881-plain.txt", false);
	ck_assert_int_eq(d.lay.value_w, 0);
}
END_TEST

START_TEST(one_to_one_in_a_small_box)
{
	static const int sizes[2] = {1, 1};
	static const double w[1] = {-0.7}, x[1] = {1}, y[1] = {0.33};
	const double *ws[1] = {w}, *vs[2] = {x, y};
	NetDiagSpec s = {2, sizes, ws, vs, NULL, NETDIAG_WAVE_NONE, 0, -1, -1, NULL};

	draw231(CAPS_UTF8, &s, 24, 3, "tests/draw/golden/netdiag-11.txt", false);
	ck_assert_int_eq(d.lay.y[0][0], 1);
	/* Too narrow for values: they go, the neurons stay. */
	grid_free(&g);
	ck_assert_int_eq(grid_init(&g, 12, 1), 0);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 12, 1, &s, CAPS_ASCII), 0);
	ck_assert_int_eq(d.lay.value_w, 0);
	ck_assert_uint_eq(grid_at(&g, d.lay.x[0][0], 0)->ch, 'o');
	ck_assert_uint_eq(grid_at(&g, d.lay.x[1][0], 0)->ch, 'o');
	/* A single column. */
	s.nlayers = 1;
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 12, 1, &s, CAPS_ASCII), 0);
	drawtest_outside_blank(&g, 0, 0, 12, 1);
}
END_TEST

/* Names go before their neurons (digits after a letter as subscripts in Unicode), in
 * as many columns as each column's widest name; without room the values go first,
 * then the names, and the neurons stay. */
START_TEST(names_before_the_neurons)
{
	static const char *const names[6] = {"x1", "x2", "h1", "h2", "h3", "out"};
	NetDiagSpec s = spec231();
	char *t;

	s.names = names;
	ck_assert_str_eq(netdiag_name(&s, 1, 2), "h3");
	ck_assert_ptr_null(netdiag_name(&s, 1, 3));
	ck_assert_int_eq(grid_init(&g, 60, 9), 0);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 60, 9, &s, CAPS_UTF8), 0);
	ck_assert(d.lay.names);
	ck_assert_int_eq(d.lay.name_w[0], 2);
	ck_assert_int_eq(d.lay.name_w[2], 3);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "x₁ ● 1.00"));
	ck_assert_ptr_nonnull(strstr(t, "h₃ ● 0.29"));
	ck_assert_ptr_nonnull(strstr(t, "out ● 0.55"));
	free(t);
	/* The first column starts at the left edge: the name, a blank, the neuron. */
	ck_assert_int_eq(d.lay.x[0][0], 3);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 60, 9, &s, CAPS_ASCII), 0);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "x1 o 1.00"));
	ck_assert_ptr_nonnull(strstr(t, "h2 o 0.77"));
	free(t);
	/* Narrower: the values go, the names stay; narrower still, the names go. */
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 30, 9, &s, CAPS_ASCII), 0);
	ck_assert_int_eq(d.lay.value_w, 0);
	ck_assert(d.lay.names);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 12, 9, &s, CAPS_ASCII), 0);
	ck_assert(!d.lay.names);
	ck_assert_uint_eq(grid_at(&g, d.lay.x[0][0], d.lay.y[0][0])->ch, 'o');
}
END_TEST

START_TEST(what_does_not_fit)
{
	static const int sizes[4] = {2, 8, 8, 1}, bad[2] = {0, 3}, huge[2] = {17, 1};
	NetDiagSpec s = {4, sizes, NULL, NULL, NULL, NETDIAG_WAVE_NONE, 0, -1, -1, NULL};
	NetDiagLayout lay;
	char *t;

	ck_assert_int_eq(grid_init(&g, 40, 10), 0);
	/* Eight neurons need eight rows: a summary instead. */
	ck_assert_int_eq(netdiag_draw(&d, &g, 2, 2, 30, 7, &s, CAPS_UTF8), -1);
	ck_assert_int_eq(d.lay.nlayers, 0);
	t = grid_to_text(&g);
	ck_assert_str_eq(t, "\n\n\n\n\n             2-8-8-1\n\n\n\n\n");
	free(t);
	drawtest_outside_blank(&g, 2, 2, 30, 7);
	ck_assert_int_eq(netdiag_layout(&lay, 0, 0, 6, 8, &s), -1); /* too narrow */
	s.sizes = bad;
	s.nlayers = 2;
	ck_assert_int_eq(netdiag_layout(&lay, 0, 0, 40, 10, &s), -1);
	s.sizes = huge;
	ck_assert_int_eq(netdiag_layout(&lay, 0, 0, 40, 20, &s), -1);
	s.nlayers = 0;
	ck_assert_int_eq(netdiag_layout(&lay, 0, 0, 40, 20, &s), -1);
	ck_assert_int_eq(netdiag_layout(&lay, 0, 0, 40, 20, NULL), -1);
	s.nlayers = NETDIAG_MAX_LAYERS + 1;
	ck_assert_int_eq(netdiag_layout(&lay, 0, 0, 40, 20, &s), -1);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(netdiag_draw(&d, &g, 0, 0, 40, 10, NULL, CAPS_UTF8), -1);
}
END_TEST

START_TEST(positions_stay_while_values_change)
{
	NetDiagSpec s = spec231();
	NetDiagLayout a, b;
	static const double other[3] = {-123.456, 1e9, NAN};
	const double *vs[3] = {a0, other, a2};
	char buf[16];

	ck_assert_int_eq(netdiag_layout(&a, 3, 1, 56, 9, &s), 0);
	s.values = vs;
	s.wave = NETDIAG_WAVE_FORWARD;
	s.wave_pos = 2;
	ck_assert_int_eq(netdiag_layout(&b, 3, 1, 56, 9, &s), 0);
	ck_assert_mem_eq(&a, &b, sizeof a);
	ck_assert_int_eq(grid_init(&g, 64, 12), 0);
	ck_assert_int_eq(netdiag_draw(&d, &g, 3, 1, 56, 9, &s, CAPS_UTF8), 0);
	drawtest_outside_blank(&g, 3, 1, 56, 9);
	/* Values always fit their five columns. */
	ck_assert_int_eq(netdiag_value(buf, sizeof buf, -123.456), 4);
	ck_assert_str_eq(buf, "-123");
	ck_assert_int_le(netdiag_value(buf, sizeof buf, 1e9), NETDIAG_VALUE_W);
	ck_assert_int_le(netdiag_value(buf, sizeof buf, -1e-300), NETDIAG_VALUE_W);
	ck_assert_str_eq(buf, "0.00");
	netdiag_value(buf, sizeof buf, 0.666);
	ck_assert_str_eq(buf, "0.67");
	netdiag_value(buf, sizeof buf, -12.34);
	ck_assert_str_eq(buf, "-12.3");
}
END_TEST

static Suite *netdiag_suite(void)
{
	Suite *s = suite_create("netdiag");
	TCase *tc = tcase_create("netdiag");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, small_network);
	tcase_add_test(tc, path_wave_and_focus);
	tcase_add_test(tc, largest_network_fits_80_columns);
	tcase_add_test(tc, one_to_one_in_a_small_box);
	tcase_add_test(tc, names_before_the_neurons);
	tcase_add_test(tc, what_does_not_fit);
	tcase_add_test(tc, positions_stay_while_values_change);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(netdiag_suite());
}
