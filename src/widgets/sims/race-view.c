/* race-view.c: how the race kind looks: a title (the data, the shared net, the
 * optimizer), one loss chart with a curve per run and a legend naming them, a row per
 * run (its loss and accuracy, with symmetry=yes how far apart its hidden neurons are,
 * diverged, or ahead), the race's state, and its keys from
 * the kind's table. Meaning never rests on colour alone: names, words and line styles.
 * Must not own the loop or write files; draw changes no state but the chart's canvas. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"
#include "widgets/sims/race.h"

#define ROW_MAX 256 /* bytes of a run's row */

int race_view_height(const Instance *in, int width)
{
	const Race *r = in->state;

	(void)width;
	return 1 + r->chart_h + r->n + 2; /* title, chart, a row per run, state, keys */
}

/* The run whose curve is lowest now among those that did not diverge; -1: none (or
 * not started). */
static int leader(const Race *r)
{
	int k, best = -1;

	for (k = 0; r->built && r->run[0].tr.step && k < r->n; k++)
		if (r->run[k].status == NN_OK && isfinite(r->final[k]) &&
		    (best < 0 || r->final[k] < r->final[best]))
			best = k;
	return best;
}

/* "2-8-8-1" */
static void net_str(char *out, size_t size, const RunConfig *c, size_t in, size_t out_n)
{
	size_t l, n = str_addf(out, size, 0, "%zu", in);

	for (l = 0; l < c->n_hidden; l++)
		n = str_addf(out, size, n, "-%zu", c->hidden[l]);
	str_addf(out, size, n, "-%zu", out_n);
}

static void text(Grid *g, int x, int y, int w, const char *s, Style st)
{
	grid_text(g, x, y, s, strlen(s), w, st);
}

/* Whether every run has the same hidden layers, and the same learning rate. */
static bool same_net(const Race *r)
{
	int k;

	for (k = 1; k < r->n; k++)
		if (memcmp(r->cfg[k].hidden, r->cfg[0].hidden, sizeof r->cfg[0].hidden) != 0)
			return false;
	return true;
}

static bool same_lr(const Race *r)
{
	int k;

	for (k = 1; k < r->n; k++)
		if (r->cfg[k].optim.lr != r->cfg[0].optim.lr)
			return false;
	return true;
}

/* The title: the data, the net (when every run has the same), the optimizer and its
 * rate (when shared), the batch. */
static void draw_title(const Race *r, Grid *g, Rect rc, Caps caps)
{
	const RunConfig *c = &r->cfg[0];
	const Run *u = &r->run[0];
	char line[256], net[64], lr[32];
	size_t n;

	n = str_addf(line, sizeof line, 0, "%s   ", visual_data_title(c->spec.kind));
	if (r->built && same_net(r)) {
		net_str(net, sizeof net, c, u->train.dim, mlp_n_out(&u->mlp));
		n = str_addf(line, sizeof line, n, _("net %s %s"), net,
			     c->n_hidden ? visual_act_symbol(c->act[0], caps) : "");
		n = str_addf(line, sizeof line, n, "   ");
	}
	n = str_addf(line, sizeof line, n, "%s", visual_optim_title(c->optim.kind));
	if (same_lr(r)) {
		visual_num(lr, sizeof lr, c->optim.lr, 4);
		n = str_addf(line, sizeof line, n, " lr %s", lr);
	}
	n = str_addf(line, sizeof line, n, "   ");
	str_addf(line, sizeof line, n, _("batch %zu"), r->built ? u->tr.cfg.batch : c->batch);
	text(g, rc.x, rc.y, rc.w, line, STYLE_TITLE);
}

/* How far apart a run's hidden neurons are, after n bytes of line: "neurons identical"
 * (brief: "identical") or "neurons differ by 1.46" ("apart 1.46"). */
static void apart_str(char *line, size_t n, double apart, bool brief)
{
	char a[32];

	if (apart == 0) {
		str_addf(line, ROW_MAX, n, "  %s",
			 brief ? _("identical") : _("neurons identical"));
		return;
	}
	if (apart < 0.005)
		snprintf(a, sizeof a, "%s", "<0.01");
	else
		visual_num(a, sizeof a, apart, 2);
	str_addf(line, ROW_MAX, n, brief ? _("  apart %s") : _("  neurons differ by %s"), a);
}

/* Run k's row into line and what follows it into tag: its name (its net and rate when
 * they differ between runs), loss and accuracy (brief 1: without those words; 2: without
 * the accuracy either), how far apart its hidden neurons are (symmetry=yes), then
 * diverged or ahead. Returns the columns both need. */
static int run_row(const Race *r, int k, int lead, int brief, char *line, char *tag, Caps caps)
{
	const Run *u = &r->run[k];
	double acc = r->metric == RUN_TEST_LOSS ? u->test_acc : u->train_acc;
	char a[32];
	int namew = 0, i;
	size_t n;

	for (i = 0; i < r->n; i++)
		if (utf8_width(r->names[i], strlen(r->names[i])) > namew)
			namew = utf8_width(r->names[i], strlen(r->names[i]));
	n = str_addf(line, ROW_MAX, 0, "%s%*s  ", r->names[k],
		     namew - utf8_width(r->names[k], strlen(r->names[k])), "");
	if (!same_net(r)) {
		net_str(a, sizeof a, &r->cfg[k], u->train.dim, mlp_n_out(&u->mlp));
		n = str_addf(line, ROW_MAX, n, "%s  ", a);
	}
	if (!same_lr(r)) {
		visual_num(a, sizeof a, r->cfg[k].optim.lr, 4);
		n = str_addf(line, ROW_MAX, n, "lr %s  ", a);
	}
	visual_loss(a, sizeof a, r->final[k]);
	n = str_addf(line, ROW_MAX, n, brief ? "%s" : _("loss %s"), a);
	if (u->classes && isfinite(acc) && brief < 2)
		n = str_addf(line, ROW_MAX, n, brief ? "  %.1f%%" : _("  accuracy %.1f%%"), 100 * acc);
	if (r->symmetry)
		apart_str(line, n, r->apart[k], brief > 0);
	tag[0] = '\0';
	if (u->status != NN_OK)
		snprintf(tag, ROW_MAX, _("diverged at step %zu"), u->tr.step);
	else if (k == lead)
		snprintf(tag, ROW_MAX, "%s", caps.unicode ? _("◀ ahead") : _("<- ahead"));
	return utf8_width(line, strlen(line)) + 2 + utf8_width(tag, strlen(tag));
}

static void draw_run(const Race *r, int k, int lead, int brief, Grid *g, int x, int y, int w,
		     Caps caps)
{
	char line[ROW_MAX], tag[ROW_MAX];
	int at;

	run_row(r, k, lead, brief, line, tag, caps);
	at = x + grid_text(g, x, y, line, strlen(line), w, STYLE_NORMAL) + 2;
	if (tag[0] && at < x + w)
		text(g, at, y, x + w - at, tag, r->run[k].status != NN_OK ? STYLE_BAD : STYLE_GOOD);
}

/* The race's state in one line. */
static void draw_state(const Race *r, int lead, Grid *g, int x, int y, int w, Caps caps)
{
	char line[256];
	size_t n;
	int k, alive = 0;

	if (!r->built) {
		text(g, x, y, w, _("This race cannot be built: out of memory."), STYLE_BAD);
		return;
	}
	for (k = 0; k < r->n; k++)
		alive += r->run[k].status == NN_OK;
	if (!alive)
		snprintf(line, sizeof line, "%s", _("Every run diverged: try a lower learning rate."));
	else if (race_finished(r) && lead >= 0)
		snprintf(line, sizeof line, _("Finished after %d epochs: %s has the lowest loss."),
			 r->epochs, r->names[lead]);
	else if (!r->playing && r->run[0].tr.step == 0)
		snprintf(line, sizeof line, _("Ready: press Space to start the race (%d epochs)."),
			 r->epochs);
	else {
		n = str_addf(line, sizeof line, 0, "%s ",
			     r->playing ? (caps.unicode ? "▶" : ">") : (caps.unicode ? "❚❚" : "||"));
		if (lead >= 0)
			str_addf(line, sizeof line, n, _("Epoch %d of %d: %s is ahead."), race_epoch(r),
				 r->epochs, r->names[lead]);
		else
			str_addf(line, sizeof line, n, _("Epoch %d of %d."), race_epoch(r), r->epochs);
	}
	text(g, x, y, w, line, STYLE_BOLD);
}

/* The keys, from the kind's table (what key() takes, in help order). */
static void draw_keys(Grid *g, int x, int y, int w)
{
	const KindKey *keys = race_kind.keys;
	int end = x + w;
	size_t i;

	for (i = 0; i < race_kind.nkeys; i++) {
		const char *what = _(keys[i].help);
		if (x + utf8_width(keys[i].keys, strlen(keys[i].keys)) + 1 +
			utf8_width(what, strlen(what)) > end)
			break;
		x += grid_str(g, x, y, keys[i].keys, STYLE_KEY) + 1;
		x += grid_str(g, x, y, what, STYLE_DIM) + 2;
	}
}

void race_view_draw(const Instance *in, Grid *g, Rect rc, Caps caps, bool focused, int *cx,
		    int *cy)
{
	Race *r = in->state; /* the chart's canvas is drawing scratch */
	int y = rc.y + 1, lead = leader(r), k;
	char line[ROW_MAX], tag[ROW_MAX];
	int brief = 0;

	draw_title(r, g, rc, caps);
	if (r->built)
		plotdata_draw(&r->chart, g, rc.x, y, rc.w, r->chart_h, caps);
	y += r->chart_h;
	for (k = 0; r->built && k < r->n; k++) /* rows in a brief form when one needs it */
		while (brief < 2 && run_row(r, k, lead, brief, line, tag, caps) > rc.w)
			brief++;
	for (k = 0; r->built && k < r->n; k++)
		draw_run(r, k, lead, brief, g, rc.x, y + k, rc.w, caps);
	y += r->n;
	draw_state(r, lead, g, rc.x, y, rc.w, caps);
	if (focused) {
		draw_keys(g, rc.x, y + 1, rc.w);
		*cx = rc.x;
		*cy = rc.y;
	}
}

