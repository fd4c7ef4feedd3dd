/* check_l4_families.c: the lesson "A family of architectures"
 * (content/level4/families.lesson): the tiles' family lines against the tree the lesson
 * draws; every value the message-passing widget shows, on all four graphs, from every
 * lit node, with sum, mean and max, against rounds computed here by hand from edge
 * lists written here, and the round in which every node is reached against the lit
 * node's eccentricity found by breadth-first search; the router's probabilities, gates,
 * the mixture's y and its mean error against the trained weights worked through by
 * hand; every figure the text states; goldens at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "nn/moe.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/wtest.h"

enum { MAXN = 12 };

static WTest t;

static void setup(void)
{
	lt_load("level4/families.lesson");
	wt_open_file(&t, "content/level4/families.lesson");
}

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

static bool shows(const Instance *in, int w, const char *s)
{
	char *txt = wt_text(in, w, wt_utf8, true, NULL, NULL);
	bool ok = strstr(txt, s) != NULL;

	if (!ok)
		fprintf(stderr, "missing \"%s\" in:\n%s\n", s, txt);
	free(txt);
	return ok;
}

static bool shows_quiet(const Instance *in, const char *s)
{
	char *txt = wt_text(in, 160, wt_utf8, true, NULL, NULL);
	bool ok = strstr(txt, s) != NULL;

	free(txt);
	return ok;
}

/* ---- the tree ---- */

enum { TILES = 12 };

static int lines_of(const char *txt)
{
	int n = 0;

	for (; *txt; txt++)
		n += *txt == '\n';
	return n;
}

/* The tree drawn in the lesson's code block, read here: each name's parent is the
 * name on the nearest line above that stands further left. */
static int read_tree(char names[TILES][32], int parent[TILES])
{
	const char *p = strstr(lt_text, "@code text\n"), *end;
	int col[TILES], n = 0, k;

	ck_assert_ptr_nonnull(p);
	p += strlen("@code text\n");
	end = strstr(p, "@end");
	while (p < end && n < TILES) {
		const char *eol = strchr(p, '\n'), *q = p;
		while (*q == ' ' || *q == '|' || *q == '+' || *q == '-')
			q++;
		col[n] = (int)(q - p);
		snprintf(names[n], 32, "%.*s", (int)(eol - q), q);
		parent[n] = -1;
		for (k = n - 1; k >= 0; k--)
			if (col[k] < col[n]) {
				parent[n] = k;
				break;
			}
		n++;
		p = eol + 1;
	}
	return n;
}

START_TEST(the_tiles_tell_the_tree_the_lesson_draws)
{
	Instance *in = wt_get(&t, "tree");
	char names[TILES][32], want[512], *txt;
	int parent[TILES], n = read_tree(names, parent), i, k, kids;
	static const char *const order[TILES] = {"Perceptron", "MLP", "CNN", "RNN/LSTM/GRU",
	                                         "Autoencoder", "VAE", "GAN", "Flow", "U-Net",
	                                         "Transformer", "GNN", "MoE"};

	ck_assert_int_eq(n, TILES);
	txt = wt_text(in, 76, wt_utf8, true, NULL, NULL);
	ck_assert_int_le(lines_of(txt), 18); /* room on a 24-row screen */
	free(txt);
	/* the tiles run Perceptron, MLP, CNN, ...: open each one in turn */
	for (i = 0; i < TILES; i++) {
		int at = -1;
		for (k = 0; k < TILES; k++)
			if (strcmp(names[k], order[i]) == 0)
				at = k;
		ck_assert_msg(at >= 0, "%s is not in the tree", order[i]);
		ck_assert(shows(in, 76, order[i]));
		want[0] = '\0';
		if (parent[at] >= 0)
			snprintf(want, sizeof want, "Grew from: %s.", names[parent[at]]);
		ck_assert_int_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
		if (want[0])
			ck_assert(shows(in, 160, want));
		/* the children in the tiles' order */
		kids = 0;
		want[0] = '\0';
		for (k = 0; k < TILES; k++) {
			int j, ck = -1;
			for (j = 0; j < TILES; j++)
				if (strcmp(names[j], order[k]) == 0)
					ck = j;
			if (parent[ck] != at)
				continue;
			strcat(want, kids++ ? ", " : "Led to: ");
			strcat(want, order[k]);
		}
		if (kids) {
			strcat(want, ".");
			ck_assert(shows(in, 160, want));
		} else {
			ck_assert(!shows_quiet(in, "Led to"));
		}
		wt_key(in, K_ENTER); /* close it */
		wt_key(in, K_RIGHT);
	}
	ck_assert_double_eq(wt_value(&t, "tree"), TILES);
}
END_TEST

static char *read_content(const char *rel)
{
	char path[512], *text;
	size_t n;

	snprintf(path, sizeof path, "content/%s", rel);
	ck_assert_int_eq(course_read_file(test_srcpath(path), &text, &n), 0);
	return text;
}

/* Whether level `level` of the course index has a lesson titled title: planned
 * ("@lesson ID | TITLE") or written (its file's "@title TITLE"). */
static bool level_has(const char *level, const char *title)
{
	char *index = read_content("course.index"), want[160], *p, *end;
	bool found = false;

	snprintf(want, sizeof want, "\n@level %s ", level);
	p = strstr(index, want);
	ck_assert_ptr_nonnull(p);
	end = strstr(p + 1, "\n@level ");
	for (p = strstr(p, "\n@lesson "); p && (!end || p < end) && !found;
	     p = strstr(p + 1, "\n@lesson ")) {
		char id[64], rest[256];
		if (sscanf(p, "\n@lesson %63s %255[^\n]", id, rest) != 2)
			continue;
		if (rest[0] == '|') {
			found = strcmp(rest + 2, title) == 0;
		} else {
			char *lesson = read_content(rest);
			snprintf(want, sizeof want, "\n@title %s\n", title);
			found = strstr(lesson, want) != NULL;
			free(lesson);
		}
	}
	free(index);
	return found;
}

/* Each tile's last sentence names where the course teaches it: "Level N, TITLE." with
 * a lesson of that title in level N, or "This lesson, ..." for the two taught here. */
START_TEST(each_tile_names_a_lesson_of_the_course)
{
	const char *p = strstr(lt_text, "@widget cards id=tree");
	int tiles = 0, here = 0;

	ck_assert_ptr_nonnull(p);
	for (p = strstr(p, "\ntexts: \""); p; p = strstr(p + 1, "\ntexts: \"")) {
		const char *eol = strchr(p + 1, '\n'), *at = NULL, *q;
		char level[8], title[128];
		for (q = p; q < eol; q++)
			if (strncmp(q, "Level ", 6) == 0 || strncmp(q, "This lesson", 11) == 0)
				at = q;
		ck_assert_ptr_nonnull(at);
		tiles++;
		if (strncmp(at, "This lesson", 11) == 0) {
			here++;
			continue;
		}
		ck_assert_int_eq(sscanf(at, "Level %7[^,], %127[^\n]", level, title), 2);
		ck_assert_str_eq(title + strlen(title) - 2, ".\"");
		title[strlen(title) - 2] = '\0';
		ck_assert_msg(level_has(level, title), "no lesson \"%s\" in level %s", title, level);
	}
	ck_assert_int_eq(tiles, TILES);
	ck_assert_int_eq(here, 2);
	ck_assert(level_has("4", "A family of architectures"));
}
END_TEST

/* ---- message passing ---- */

/* The four graphs, written out here: the path, ring and star of 7 (the lesson's
 * nodes=7), and the 12 friends (nn/graph.h: groups 0-5 and 6-11, bridge 4 - 6). */
typedef struct {
	int n;
	bool adj[MAXN][MAXN];
} G;

static void join(G *g, int a, int b)
{
	g->adj[a][b] = g->adj[b][a] = true;
}

static void make(G *g, int kind)
{
	static const int social[][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 4}, {3, 4},
	                                {3, 5}, {4, 5}, {6, 7}, {6, 8}, {6, 9}, {7, 8}, {7, 9},
	                                {8, 10}, {9, 10}, {9, 11}, {10, 11}, {4, 6}};
	int i;

	memset(g, 0, sizeof *g);
	g->n = kind == 3 ? 12 : 7;
	if (kind == 3)
		for (i = 0; i < 19; i++)
			join(g, social[i][0], social[i][1]);
	else
		for (i = 0; i + 1 < 7; i++)
			join(g, kind == 2 ? 0 : i, i + 1);
	if (kind == 1)
		join(g, 6, 0);
}

/* One round by hand: each node combines itself and its neighbours (0 sum, 1 mean,
 * 2 max). */
static void round_by_hand(const G *g, double *h, int agg)
{
	double out[MAXN];
	int v, u;

	for (v = 0; v < g->n; v++) {
		double acc = h[v];
		int cnt = 1;
		for (u = 0; u < g->n; u++)
			if (g->adj[v][u]) {
				acc = agg == 2 ? fmax(acc, h[u]) : acc + h[u];
				cnt++;
			}
		out[v] = agg == 1 ? acc / cnt : acc;
	}
	memcpy(h, out, sizeof out);
}

/* The largest number of edges from s to any node: breadth-first search. */
static int eccentricity(const G *g, int s)
{
	int dist[MAXN], queue[MAXN], head = 0, tail = 0, v, u, most = 0;

	for (v = 0; v < g->n; v++)
		dist[v] = -1;
	dist[s] = 0;
	queue[tail++] = s;
	while (head < tail) {
		v = queue[head++];
		for (u = 0; u < g->n; u++)
			if (g->adj[v][u] && dist[u] < 0) {
				dist[u] = dist[v] + 1;
				most = dist[u] > most ? dist[u] : most;
				queue[tail++] = u;
			}
	}
	ck_assert_int_eq(tail, g->n); /* connected */
	return most;
}

static double out_scalar(Instance *in, const char *name)
{
	Data d;

	ck_assert(scene_output(in, name, 0, &d));
	return d.v[0];
}

START_TEST(every_round_on_every_graph_is_computed_again_by_hand)
{
	Instance *in = wt_get(&t, "mp");
	static const char *const title[4] = {"path", "ring", "star", "social"};
	int kind, lit, agg, r, v;
	char want[128];

	for (kind = 0; kind < 4; kind++) {
		G g;
		make(&g, kind);
		for (lit = 0; lit < g.n; lit++) {
			int ecc = eccentricity(&g, lit);
			for (agg = 0; agg < 3; agg++) {
				double h[MAXN] = {0}, total = 1;
				h[lit] = 1;
				for (r = 1; r <= ecc + 2; r++) {
					Data d;
					int got = 0;
					double sum = 0;
					ck_assert_int_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
					round_by_hand(&g, h, agg);
					ck_assert(scene_output(in, "values", 0, &d));
					ck_assert_uint_eq(d.n, (size_t)g.n);
					for (v = 0; v < g.n; v++) {
						ck_assert_double_eq_tol(d.v[v], h[v], 1e-12);
						got += h[v] != 0;
						sum += h[v];
						if (agg == 1) /* the text: mean stays within 0 and 1 */
							ck_assert(h[v] >= 0 && h[v] <= 1);
						if (agg == 2) /* max: a node reached holds 1 */
							ck_assert(h[v] == 0 || h[v] == 1);
					}
					if (agg == 0) /* sum: grows every round */
						ck_assert(sum > total);
					if (kind == 2 && agg == 0 && r >= 3) /* the star's hub leads */
						for (v = 1; v < g.n; v++)
							ck_assert(h[0] > h[v]);
					total = sum;
					ck_assert_double_eq(out_scalar(in, "reached"), got);
					ck_assert_double_eq(out_scalar(in, "every"), r >= ecc ? ecc : 0);
					ck_assert_int_eq(got == g.n, r >= ecc);
				}
				snprintf(want, sizeof want, "every node reached in round %d", ecc);
				ck_assert(shows(in, 76, want));
				snprintf(want, sizeof want, "node %c lit; reached: %d of %d nodes",
				         'A' + lit, g.n, g.n);
				ck_assert(shows(in, 76, want));
				snprintf(want, sizeof want, "graph: %s, %d nodes", title[kind], g.n);
				ck_assert(shows(in, 76, want));
				wt_char(in, 'a'); /* the next aggregation */
				wt_char(in, 'r'); /* back to round 0 */
				ck_assert_double_eq(out_scalar(in, "round"), 0);
				ck_assert_double_eq(out_scalar(in, "reached"), 1);
			}
			wt_key(in, K_RIGHT);
		}
		wt_char(in, 'g');
	}
}
END_TEST

/* The figures the text states: 6 rounds from the end of the path, 3 from D, 1 from the
 * star's hub, 2 from a leaf, 5 from A in the social graph. */
START_TEST(the_reach_the_text_states)
{
	G g;

	make(&g, 0);
	ck_assert_int_eq(eccentricity(&g, 0), 6);
	ck_assert_int_eq(eccentricity(&g, 3), 3);
	lt_states("needs 6 rounds to reach the far end");
	lt_states("Light D in the middle instead and it takes only 3 rounds");
	make(&g, 2);
	ck_assert_int_eq(eccentricity(&g, 0), 1);
	ck_assert_int_eq(eccentricity(&g, 1), 2);
	lt_states("the hub reaches every node in 1 round, while a leaf needs 2");
	make(&g, 3);
	ck_assert_int_eq(eccentricity(&g, 0), 5);
	lt_states("a rumour started by A needs 5 rounds to reach everyone");
	lt_states("from the third round on, the hub of the star holds the largest value, "
	          "wherever the light started");
}
END_TEST

/* ---- the router ---- */

/* The mixture at x worked out by hand from the trained weights: the router's logits
 * l_e = W_e x + b_e, their softmax p, the two largest (ties: the lower), gates p_i,
 * experts E_i(x) = w_i x + b_i, y = sum of gate times output. */
typedef struct {
	double p[4], gate[4], out[4], y;
	int first, second;
} Hand;

static Hand by_hand(const Moe *m, double x)
{
	const double *r = m->router.net.params;
	double l[4], most = -1e300, z = 0;
	Hand h;
	int e;

	memset(&h, 0, sizeof h);
	for (e = 0; e < 4; e++) {
		l[e] = r[e] * x + r[4 + e];
		most = fmax(most, l[e]);
	}
	for (e = 0; e < 4; e++)
		z += exp(l[e] - most);
	h.first = h.second = -1;
	for (e = 0; e < 4; e++) {
		h.p[e] = exp(l[e] - most) / z;
		if (h.first < 0 || l[e] > l[h.first]) {
			h.second = h.first;
			h.first = e;
		} else if (h.second < 0 || l[e] > l[h.second]) {
			h.second = e;
		}
	}
	for (e = 0; e < 4; e++)
		if (e == h.first || e == h.second) {
			const double *w = m->expert[e].net.params;
			h.gate[e] = h.p[e];
			h.out[e] = w[0] * x + w[1];
			h.y += h.gate[e] * h.out[e];
		}
	return h;
}

static double target(double x)
{
	return x < -1 ? x + 1 : x < 1 ? -x - 1 : x - 1;
}

/* The lesson's recipe: the library's mixture (nn/moe.h defaults: 4 linear experts, top
 * 2, a linear router, batches of 64, Adam 0.01) on the zigzag, seed 1, 2000 steps. */
static void train_here(Moe *m)
{
	MoeConfig c;
	int i;

	moe_defaults(&c, MOE_ZIGZAG);
	ck_assert_uint_eq(c.n_experts, 4);
	ck_assert_uint_eq(c.top_k, 2);
	ck_assert_uint_eq(c.expert_hidden, 0);
	ck_assert_uint_eq(c.router_hidden, 0);
	ck_assert_int_eq(c.renormalize, 0);
	c.seed = 1;
	ck_assert_int_eq(moe_init(m, &c), NN_OK);
	ck_assert_uint_eq(m->router.net.n_params, 8);
	ck_assert_uint_eq(m->expert[0].net.n_params, 2);
	for (i = 0; i < 2000; i++)
		moe_step(m);
}

static void fixed2(char *out, size_t n, double v)
{
	snprintf(out, n, "%.2f", v);
	if (strcmp(out, "-0.00") == 0)
		strcpy(out, "0.00");
}

START_TEST(the_router_on_screen_is_the_trained_mixture_by_hand)
{
	Instance *in = wt_get(&t, "experts");
	Moe m;
	Data d;
	double err = 0;
	char want[160], a[32], b[32];
	int i, e;

	train_here(&m);
	ck_assert_double_eq(out_scalar(in, "x"), -2); /* the lesson's x=-2 */
	wt_key(in, K_HOME);
	for (i = 0; i <= 24; i++) {
		double x = -3 + 0.25 * i;
		Hand h = by_hand(&m, x);
		ck_assert_double_eq_tol(out_scalar(in, "x"), x, 1e-12);
		ck_assert_double_eq_tol(out_scalar(in, "y"), h.y, 1e-9);
		ck_assert(scene_output(in, "probs", 0, &d));
		for (e = 0; e < 4; e++)
			ck_assert_double_eq_tol(d.v[e], h.p[e], 1e-9);
		ck_assert(scene_output(in, "gates", 0, &d));
		for (e = 0; e < 4; e++)
			ck_assert_double_eq_tol(d.v[e], h.gate[e], 1e-9);
		/* the table's row of the first choice, and y against the target */
		fixed2(a, sizeof a, h.p[h.first]);
		fixed2(b, sizeof b, h.out[h.first]);
		snprintf(want, sizeof want, "  %d     %8s  \u2713  %5s %5s", h.first + 1, a, a, b);
		ck_assert(shows(in, 76, want));
		fixed2(a, sizeof a, h.y);
		fixed2(b, sizeof b, target(x));
		snprintf(want, sizeof want, "= %s   target %s", a, b);
		ck_assert(shows(in, 76, want));
		if (i < 24)
			wt_key(in, K_RIGHT);
	}
	ck_assert_int_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED); /* x stays at 3 */
	for (i = 0; i <= 60; i++) {
		double x = -3 + 0.1 * i, y = by_hand(&m, x).y;
		err += (y - target(x)) * (y - target(x)) / 61;
	}
	ck_assert_double_eq_tol(out_scalar(in, "error"), err, 1e-9);
	snprintf(want, sizeof want, "mean error over x: %.3f", err);
	ck_assert(shows(in, 76, want));
	moe_free(&m);
}
END_TEST

/* What the text says of the trained mixture: three experts own a stretch each, handing
 * over at about -0.9 and 0.9; the fourth is never first; near -1 the two gates are about
 * a half each; the mixture is furthest off at x = 1. */
START_TEST(what_the_text_says_of_the_experts)
{
	Moe m;
	int i, owners = 0, seen[4] = {0}, prev = -1, turns = 0, worst = 0;
	double at[4], most = 0;
	Hand h;

	train_here(&m);
	for (i = 0; i <= 600; i++) {
		double x = -3 + 0.01 * i;
		h = by_hand(&m, x);
		if (h.first != prev && prev >= 0 && turns < 4)
			at[turns++] = x;
		prev = h.first;
		owners += !seen[h.first];
		seen[h.first] = 1;
	}
	ck_assert_int_eq(owners, 3);
	ck_assert_int_eq(turns, 2);
	ck_assert(at[0] > -1.0 && at[0] < -0.8);
	ck_assert(at[1] > 0.8 && at[1] < 1.0);
	lt_states("hands over from one to the next at about -0.9 and 0.9");
	lt_states("The fourth expert is never ranked first");
	h = by_hand(&m, -1);
	ck_assert(h.gate[h.first] > 0.4 && h.gate[h.first] < 0.6);
	ck_assert(h.gate[h.second] > 0.4 && h.gate[h.second] < 0.6);
	lt_states("two experts share the input with gates of about a half each");
	for (i = 0; i <= 60; i++) {
		double x = -3 + 0.1 * i, d = fabs(by_hand(&m, x).y - target(x));
		if (d > most) {
			most = d;
			worst = i;
		}
	}
	ck_assert_int_eq(worst, 40); /* x = 1 */
	lt_states("at x = 1, where the zigzag turns, it is furthest off");
	moe_free(&m);
}
END_TEST

START_TEST(the_widgets_at_three_widths)
{
	Instance *mp = wt_get(&t, "mp"), *ex = wt_get(&t, "experts");

	wt_char(mp, 'g');
	wt_char(mp, 'g');
	wt_char(mp, 'g');
	wt_char(mp, ' ');
	wt_char(mp, ' ');
	wt_golden("l4-families-gnn-40", mp, 40);
	wt_golden("l4-families-gnn-76", mp, 76);
	wt_golden("l4-families-gnn-160", mp, 160);
	wt_golden("l4-families-moe-40", ex, 40);
	wt_key(ex, K_RIGHT);
	wt_key(ex, K_RIGHT);
	wt_key(ex, K_RIGHT);
	wt_key(ex, K_RIGHT);
	wt_golden("l4-families-moe-76", ex, 76);
	wt_golden("l4-families-moe-160", ex, 160);
	wt_key(wt_get(&t, "tree"), K_ENTER);
	wt_golden("l4-families-tree-40", wt_get(&t, "tree"), 40);
	wt_golden("l4-families-tree-76", wt_get(&t, "tree"), 76);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("l4_families");
	TCase *tc = tcase_create("families");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_tiles_tell_the_tree_the_lesson_draws);
	tcase_add_test(tc, each_tile_names_a_lesson_of_the_course);
	tcase_add_test(tc, every_round_on_every_graph_is_computed_again_by_hand);
	tcase_add_test(tc, the_reach_the_text_states);
	tcase_add_test(tc, the_router_on_screen_is_the_trained_mixture_by_hand);
	tcase_add_test(tc, what_the_text_says_of_the_experts);
	tcase_add_test(tc, the_widgets_at_three_widths);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
