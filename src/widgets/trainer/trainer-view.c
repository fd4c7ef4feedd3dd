/* trainer-view.c: how the trainer widget looks: a header of the net and its settings,
 * the decision boundary as a colour field at the canvas's finest resolution with the
 * train points (markers) and test points (dots) on top, the train and test loss curves,
 * the epoch, accuracies and compute counters, a network diagram when there is room, the
 * state of the run (or why it stopped), the goal and the keys.
 * Must not own the loop or write files; draw computes the field when it is due (into
 * the drawing scratch: its values, what they were computed for and how many samples
 * changed colour), it changes no other state. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "nn/loss.h"
#include "widgets/trainer/trainer.h"
#include "widgets/core/visual.h"

#define PANEL_H   14 /* rows of the field and of the chart with its numbers */
#define STATS_H   4  /* rows of numbers under the loss chart */
#define INFO_H    3  /* rows of the status, the settings, the goal and its note */
#define KEYS_MAX  32 /* rows of keys at most (a narrow column; the rest is cut) */
#define DIAG_MINW 100 /* widths from which a network diagram is drawn */

/* The keys, the most used first: the rows under the status. */
static const char *keys_help(void)
{
	return _("Space run/pause  s epoch  r reset  R weights  D data  +/- rate  </> speed\n"
		 "d dataset  n noise  t split  p place points  v chart  B best weights\n"
		 "[/] width  h layer  l/L layers  a act  o optim  b batch  c loss\n"
		 "1 L1  2 L2  x dropout  i init  e early stop");
}

/* The header, the panel, the status rows and every row of keys at this width: at the
 * player's 76 columns 22 rows, so that the whole widget fits an 80x24 screen. */
int trainer_view_height(const Instance *in, int width)
{
	WrapLine wl[KEYS_MAX];
	const char *help = keys_help();

	int n = wrap_text(help, strlen(help), width, wl, KEYS_MAX);

	(void)in;
	return 1 + PANEL_H + INFO_H + (n < KEYS_MAX ? n : KEYS_MAX);
}

/* "2-8-8-1", or "2-[8]-8-1" with the first hidden layer picked */
static int arch(const Brain *b, char *out, size_t size)
{
	size_t n = str_addf(out, size, 0, "2");
	int l;

	for (l = 0; l < b->nhidden; l++) /* [8]: the layer h picked */
		n = str_addf(out, size, n, b->sel == l ? "-[%d]" : "-%d", b->hidden[l]);
	n = str_addf(out, size, n, "-%zu", b->classes > 2 ? b->classes : 1);
	return (int)n;
}

/* The hidden activations: "tanh", or one per layer when they differ: "ReLU,tanh". */
static void acts_str(const Brain *b, char *out, size_t size, Caps caps)
{
	int l, same = 1;
	size_t n = 0;

	out[0] = '\0';
	for (l = 1; l < b->nhidden; l++)
		same &= b->acts[l] == b->acts[0];
	if (b->nhidden == 0)
		return;
	for (l = 0; l < (same ? 1 : b->nhidden); l++)
		n = str_addf(out, size, n, "%s%s", l ? "," : "", visual_act_symbol(b->acts[l], caps));
}

static const char *data_title(const Brain *b)
{
	if (b->custom)
		return b->own_name[0] ? b->own_name : _("Your points");
	return visual_data_title(b->kind);
}

/* Thousands separated by commas: 1,234,567. */
static void grouped(char *out, size_t size, double v)
{
	char tmp[32];
	size_t n, i, o = 0;

	snprintf(tmp, sizeof tmp, "%.0f", v > 0 ? v : 0);
	n = strlen(tmp);
	for (i = 0; i < n && o + 2 < size; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

/* v > 0 to three significant digits (1,391,600 -> 1,390,000): a measured rate is no
 * more precise, and its last digits would change every frame. */
static double three_digits(double v)
{
	double unit = v >= 1000 ? pow(10, floor(log10(v)) - 2) : 1;

	return round(v / unit) * unit;
}

/* The value in [-1, 1] the field shows for one output row y of the net. */
static double field_value(const Brain *b, const double *y, int *cls)
{
	size_t k, best = 0;
	double p;

	if (!b->classes)
		return y[0] < -1 ? -1 : y[0] > 1 ? 1 : y[0];
	if (b->classes <= 2) {
		p = b->loss == LOSS_CE ? 1 / (1 + exp(-y[0])) : y[0];
		return 2 * p - 1;
	}
	/* several classes: the winner's confidence, on the side of its class's parity */
	{
		double pr[16];
		size_t n = b->classes < 16 ? b->classes : 16;
		if (b->loss == LOSS_CE)
			loss_softmax(pr, y, n);
		else
			memcpy(pr, y, n * sizeof *pr);
		for (k = 1; k < n; k++)
			if (pr[k] > pr[best])
				best = k;
		p = pr[best];
		*cls = (int)best;
		return (best % 2 ? 1 : -1) * p;
	}
}

/* The colour band of the ramp a field value is drawn in (as the canvas rounds it). */
static int band(double v)
{
	return (int)((v + 1) / 2 * (COLOUR_RAMP_STEPS - 1) + 0.5);
}

/* Fills b->field (fw x fh) with the net's output at each sample of the canvas. When
 * count is true (the same samples as before), b->field_changed becomes the number of
 * samples whose colour changed; else 0. */
static void fill_field(Brain *b, const Canvas *cv, int fw, int fh, bool count)
{
	size_t changed = 0;
	MlpWork *w = &b->eval;
	const Mlp *m = &b->run.mlp;
	size_t n = (size_t)fw * (size_t)fh, i, k, L = m->n_layers, nout = mlp_n_out(m);
	double x[2 * BRAIN_EVAL_CAP];

	for (i = 0; i < n; i += k) {
		size_t chunk = n - i < w->cap ? n - i : w->cap;
		for (k = 0; k < chunk; k++)
			canvas_sample(cv, (int)((i + k) % (size_t)fw), (int)((i + k) / (size_t)fw), fw,
				      fh, &x[2 * k], &x[2 * k + 1]);
		mlp_forward(w, m, x, chunk);
		for (k = 0; k < chunk; k++) {
			int cls = -1;
			double v = field_value(b, w->y[L - 1] + k * nout, &cls);
			uint8_t c = cls >= 0 ? (uint8_t)plot_colour(cls) : COLOUR_NONE;
			changed += count && (band(v) != band(b->field[i + k]) || c != b->fcol[i + k]);
			b->field[i + k] = v;
			b->fcol[i + k] = c;
		}
	}
	b->field_changed = changed;
}

/* Whether b->field must be computed again (from the weights of now) for this canvas:
 * 0 when it holds weights as new as it should show (while training, those of the
 * field's last update; else those of now) at these samples over this square; 1 when
 * only the weights changed; 2 when the samples or the square did. Records what it
 * will hold. */
static int field_due(Brain *b, const Canvas *cv, int fw, int fh, const PlotOpts *o)
{
	unsigned long want = b->mode == BRAIN_RUNNING ? b->field_shown : b->version;
	double box[4] = {o->x0, o->x1, o->y0, o->y1};
	bool same = b->field_key.valid && b->field_key.fw == fw && b->field_key.fh == fh &&
		    b->field_key.pw == cv->pw && b->field_key.ph == cv->ph &&
		    memcmp(b->field_key.box, box, sizeof box) == 0;

	if (same && b->field_key.version >= want)
		return 0;
	b->field_key.version = b->version;
	b->field_key.fw = fw;
	b->field_key.fh = fh;
	b->field_key.pw = cv->pw;
	b->field_key.ph = cv->ph;
	memcpy(b->field_key.box, box, sizeof box);
	b->field_key.valid = true;
	return same ? 1 : 2;
}

static int point_class(const Brain *b, double label)
{
	if (!b->classes)
		return label > 0 ? 1 : 0;
	return (int)label;
}

static void draw_field(Brain *b, Grid *g, int x, int y, int w, int h, Caps caps)
{
	Plot *p = &b->field_plot;
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int fw, fh;
	size_t i;

	trainer_bounds(b, &o.x0, &o.x1, &o.y0, &o.y1);
	o.axes = false;
	plot_begin(p);
	if (plot_layout(p, x, y, w, h, &o, caps, false) != 0)
		return;
	canvas_field_size(&p->cv, &fw, &fh);
	if (fw > 0 && fh > 0 && (size_t)fw * (size_t)fh <= BRAIN_FIELD_CAP) {
		int due = field_due(b, &p->cv, fw, fh, &o);
		if (due)
			fill_field(b, &p->cv, fw, fh, due == 1);
		plot_field(p, b->field, fw, fh);
		if (b->classes > 2) /* several classes: each in its own colour */
			canvas_field_colours(&p->cv, b->fcol, fw, fh);
		if (b->classes == 2 || !b->classes)
			plot_contour(p, b->field, fw, fh, 0, COLOUR_MUTED);
	}
	for (i = 0; i < b->run.test.n; i++) /* test points: single dots */
		canvas_data_point(&p->cv, b->run.test.x[2 * i], b->run.test.x[2 * i + 1],
				  plot_colour(point_class(b, b->run.test.label[i])));
	for (i = 0; i < b->run.train.n; i++) { /* train points: class markers */
		int c = point_class(b, b->run.train.label[i]);
		canvas_data_mark(&p->cv, b->run.train.x[2 * i], b->run.train.x[2 * i + 1],
				 plot_marker(c, caps), plot_colour(c));
	}
	plot_draw(p, g);
	if (b->placing) { /* the cursor: one cell over the field */
		const Canvas *cv = &p->cv;
		int px, py;
		if (canvas_map(cv, b->cur_x, b->cur_y, &px, &py) && px >= 0 && py >= 0 &&
		    px < cv->pw && py < cv->ph)
			grid_put(g, cv->x + (px >> cv->lx), cv->y + (py >> cv->ly),
				 caps.unicode ? 0x253C : '+', STYLE_FOCUS);
	}
}

static void text(Grid *g, int x, int y, int w, const char *s, Style st)
{
	grid_text(g, x, y, s, strlen(s), w, st);
}

static void percent(char *out, size_t size, double v)
{
	if (isfinite(v))
		snprintf(out, size, "%.1f%%", 100 * v);
	else
		snprintf(out, size, "-");
}

static void draw_numbers(const Brain *b, Grid *g, int x, int y, int w, Caps caps)
{
	char line[256], a[32], c[32], ex[32], macs[32];
	const Run *run = &b->run;
	double epoch = b->built ? run_epoch(run) : 0;

	snprintf(line, sizeof line, _("Epoch %.1f   step %zu"), epoch, b->built ? run->tr.step : 0);
	text(g, x, y, w, line, STYLE_BOLD);
	visual_loss(a, sizeof a, run->train_loss);
	visual_loss(c, sizeof c, run->test_loss);
	snprintf(line, sizeof line, _("Loss   train %s  test %s"), a, c);
	text(g, x, y + 1, w, line, STYLE_NORMAL);
	if (b->classes) {
		percent(a, sizeof a, run->train_acc);
		percent(c, sizeof c, run->test_acc);
		snprintf(line, sizeof line, _("Accuracy  train %s  test %s"), a, c);
		text(g, x, y + 2, w, line, STYLE_NORMAL);
	}
	grouped(macs, sizeof macs, b->built ? (double)run_macs(run) : 0);
	if (b->rate > 0) {
		grouped(ex, sizeof ex, three_digits(b->rate));
		snprintf(line, sizeof line, _("%s examples/s  %s mult-adds/step"), ex, macs);
		if (utf8_width(line, strlen(line)) > w) /* a narrow column: the short form */
			snprintf(line, sizeof line, _("%s ex/s  %s mult-adds/step"), ex, macs);
	} else {
		snprintf(line, sizeof line, _("%s mult-adds/step"), macs);
	}
	text(g, x, y + 3, w, line, STYLE_DIM);
}

/* The test set's confusion matrix for several classes: a row per true class, a column
 * per predicted class, each headed by the class's marker. Returns the rows used. */
static int draw_confusion(Brain *b, Grid *g, int x, int y, int w, Caps caps)
{
	size_t counts[BRAIN_MAX_CLASSES * BRAIN_MAX_CLASSES], k = b->classes, i, j;
	const char *label = _("Test: true \\ predicted");
	char line[256], mark[8];
	int lw = utf8_width(label, strlen(label));
	size_t len;

	if (k < 3 || k > BRAIN_MAX_CLASSES || !b->run.test.n)
		return 0;
	train_confusion(counts, k, &b->run.te, &b->run.test);
	len = str_addf(line, sizeof line, 0, "%s", label);
	for (j = 0; j < k; j++) {
		mark[utf8_encode(mark, plot_marker((int)j, caps))] = '\0';
		len = str_addf(line, sizeof line, len, "    %s", mark);
	}
	text(g, x, y, w, line, STYLE_DIM);
	for (i = 0; i < k; i++) {
		mark[utf8_encode(mark, plot_marker((int)i, caps))] = '\0';
		len = str_addf(line, sizeof line, 0, "%*s%s", lw > 1 ? lw - 1 : 0, "", mark);
		for (j = 0; j < k; j++)
			len = str_addf(line, sizeof line, len, " %4zu", counts[i * k + j]);
		text(g, x, y + 1 + (int)i, w, line, STYLE_NORMAL);
	}
	return (int)k + 1;
}

static void draw_diagram(Brain *b, Grid *g, int x, int y, int w, int h, Caps caps)
{
	int sizes[NETDIAG_MAX_LAYERS];
	const double *wp[NETDIAG_MAX_LAYERS];
	NetDiagSpec spec;

	if (netdiag_spec_mlp(&spec, sizes, wp, &b->run.mlp) == 0)
		netdiag_draw(&b->nd, g, x, y, w, h, &spec, caps);
}

/* The status: paused, training, stopped and why, placing points, or failed; its
 * style in *st. */
static void status_text(const Brain *b, char *buf, size_t size, Style *st, Caps caps)
{
	char e[32], l[32];

	*st = STYLE_NORMAL;
	if (b->placing) {
		snprintf(buf, size, "%s",
			 b->classes ? _("Placing points: arrows move the cross, 0-9 drop a point of "
					"that class, Backspace takes it back, p ends.")
				    : _("Placing points: arrows move the cross, 0-9 drop a point of "
					"value -1 to 1, Backspace takes it back, p ends."));
		*st = STYLE_ACCENT;
		return;
	}
	switch (b->mode) {
	case BRAIN_DIVERGED:
		trainer_diverged_text(b, buf, size, caps);
		*st = STYLE_BAD;
		return;
	case BRAIN_FAILED:
		snprintf(buf, size, "%s", _("This net cannot be built: out of memory."));
		*st = STYLE_BAD;
		return;
	case BRAIN_RUNNING:
		if (trainer_speeds[b->speed] > 0)
			snprintf(buf, size, _("Training at %g epochs a second (< slower, > faster)..."),
				 trainer_speeds[b->speed]);
		else
			snprintf(buf, size, "%s", _("Training at full speed (< slower)..."));
		return;
	default:
		break;
	}
	if (b->at_win) {
		char acc[32];
		trainer_epoch_str(e, sizeof e, b->win_epoch);
		percent(acc, sizeof acc, b->win_acc);
		snprintf(buf, size, _("Paused at the win: %s test accuracy at epoch %s. Space trains on."),
			 acc, e);
		*st = STYLE_GOOD;
	} else if (b->restored) {
		trainer_epoch_str(e, sizeof e, b->run.best_epoch);
		visual_loss(l, sizeof l, b->run.best_loss);
		snprintf(buf, size, _("Weights of epoch %s back (test loss %s): Space trains on from them."),
			 e, l);
		*st = STYLE_ACCENT;
	} else if (b->run.stopped) {
		trainer_epoch_str(e, sizeof e, b->run.best_epoch);
		snprintf(buf, size,
			 _("Stopped early: the test loss has not improved since epoch %s, so its "
			   "weights are back."),
			 e);
	} else {
		snprintf(buf, size, "%s",
			 b->built && b->run.tr.step ? _("Paused.") : _("Ready: press Space to train."));
	}
}

/* The settings without a key of their own on top. */
static void settings_text(const Brain *b, char *buf, size_t size, Caps caps)
{
	char l1[32], l2[32], dr[32], noise[32];

	visual_num(l1, sizeof l1, b->l1, 5);
	visual_num(l2, sizeof l2, b->l2, 5);
	visual_num(dr, sizeof dr, b->nhidden ? b->dropout : 0, 2);
	visual_num(noise, sizeof noise, b->noise, 2);
	snprintf(buf, size,
		 _("L1 %s  L2 %s  dropout %s  init %s  seeds %llu/%llu  noise %s  split %.0f%%%s"), l1,
		 l2, dr, b->init < INIT_COUNT ? init_name(b->init) : _("auto"),
		 (unsigned long long)b->data_seed, (unsigned long long)b->init_seed, noise,
		 100 * b->ratio, b->early ? _("  early stop") : "");
}

/* The goal and how close the learner is, or that it was reached; without a goal, the
 * lowest test loss and its weights (B). "" when there is nothing to say. */
static void goal_text(const Brain *b, char *line, size_t size, Style *st, Caps caps)
{
	char goal[32], best[32], e[32];
	int len;

	*st = STYLE_NORMAL;
	line[0] = '\0';
	if (!(b->goal > 0)) {
		if (!b->built || !isfinite(b->run.best_loss) || !b->run.tr.step)
			return;
		visual_loss(best, sizeof best, b->run.best_loss);
		trainer_epoch_str(e, sizeof e, b->run.best_epoch);
		snprintf(line, size, _("Lowest test loss %s, at epoch %s: B puts those weights back."),
			 best, e);
		*st = STYLE_DIM;
		return;
	}
	percent(best, sizeof best, b->best);
	if (b->won) {
		len = snprintf(line, size, "%s", _("Goal reached: this brain learned it!"));
		*st = STYLE_GOOD;
	} else {
		snprintf(goal, sizeof goal, "%.0f%%", 100 * b->goal);
		if (b->max_neurons > 0)
			len = snprintf(line, size,
				       _("Goal: %s test accuracy, at most %d hidden neurons (now %d)."),
				       goal, b->max_neurons, trainer_neurons(b));
		else
			len = snprintf(line, size, _("Goal: %s test accuracy."), goal);
	}
	if (b->best >= 0 && len > 0 && (size_t)len < size)
		snprintf(line + len, size - (size_t)len, _("  Best %s."), best);
}

/* The rows under the panel: the status, the goal, why the goal does not count now and
 * the settings, each wrapped. The status gets every row it needs (up to INFO_H), then
 * the others a row each in that order of need, then the rows they need beyond the
 * first; the settings keep to one row. Drawn in the order status, settings, goal,
 * note. */
static void draw_info(const Brain *b, Grid *g, int x, int y, int w, Caps caps)
{
	enum { S, C, G, N, ITEMS };
	static const int order[ITEMS - 1] = {G, N, C};
	char buf[ITEMS][512];
	Style st[ITEMS] = {STYLE_NORMAL, STYLE_DIM, STYLE_NORMAL, STYLE_WARN};
	WrapLine wl[ITEMS][INFO_H];
	int rows[ITEMS] = {0}, want[ITEMS] = {0}, left, i, k, more;

	status_text(b, buf[S], sizeof buf[S], &st[S], caps);
	settings_text(b, buf[C], sizeof buf[C], caps);
	goal_text(b, buf[G], sizeof buf[G], &st[G], caps);
	trainer_goal_miss_text(b, buf[N], sizeof buf[N], caps);
	for (k = 0; k < ITEMS; k++) {
		if (k == C) { /* one row, cut at the edge */
			wl[k][0] = (WrapLine){.start = 0, .len = strlen(buf[k])};
			want[k] = 1;
		} else if (buf[k][0]) {
			want[k] = wrap_text(buf[k], strlen(buf[k]), w, wl[k], INFO_H);
			want[k] = want[k] < INFO_H ? want[k] : INFO_H;
		}
	}
	rows[S] = want[S];
	left = INFO_H - rows[S];
	for (i = 0; i < ITEMS - 1 && left > 0; i++) /* a row each */
		if (want[order[i]] > 0) {
			rows[order[i]] = 1;
			left--;
		}
	for (i = 0; i < ITEMS - 1 && left > 0; i++) { /* then the rest of each */
		k = order[i];
		more = rows[k] ? want[k] - rows[k] : 0;
		more = more < left ? more : left;
		rows[k] += more;
		left -= more;
	}
	for (k = 0; k < ITEMS; k++)
		for (i = 0; i < rows[k]; i++)
			grid_text(g, x, y++, buf[k] + wl[k][i].start, wl[k][i].len, w, st[k]);
}

void trainer_view_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	Brain *b = in->state;
	char line[256], net[64], lr[32], actw[96];
	int fieldw, rx, rw, dw = 0, y = r.y;

	arch(b, net, sizeof net);
	acts_str(b, actw, sizeof actw, caps);
	visual_num(lr, sizeof lr, b->lr, 4);
	snprintf(line, sizeof line, _("%s   net %s %s   %s lr %s   batch %zu"), data_title(b),
		 net, actw, visual_optim_title(b->optim), lr,
		 b->built ? b->run.tr.cfg.batch : b->batch);
	text(g, r.x, y++, r.w, line, STYLE_TITLE);
	if (r.w >= DIAG_MINW)
		dw = r.w - 80 + 20 > 40 ? 40 : r.w - 80 + 20;
	fieldw = (r.w - dw) / 2;
	rx = r.x + fieldw + 1;
	rw = r.w - dw - fieldw - 1;
	if (b->built) {
		draw_field(b, g, r.x, y, fieldw, PANEL_H, caps);
		/* one point (a fresh run): epochs 0 to 1, not a range around 0 */
		{
			int conf = b->classes > 2 ? (int)b->classes + 1 : 0, ch = PANEL_H - STATS_H - conf;
			BrainChart chart = b->chart == BRAIN_CHART_NET && dw > 0 ? BRAIN_CHART_LOSS
										 : b->chart;
			if (chart == BRAIN_CHART_NET) {
				text(g, rx, y, rw, _("network (v: neurons)"), STYLE_DIM);
				draw_diagram(b, g, rx, y + 1, rw, ch - 1, caps);
			} else if (chart == BRAIN_CHART_NEURONS) {
				text(g, rx, y, rw, _("neurons (v: loss)"), STYLE_DIM);
				trainer_thumbs_draw(b, g, rx, y + 1, rw, ch - 1, caps);
			} else {
				PlotData *pd = chart == BRAIN_CHART_ACC && b->classes ? &b->accs
										   : &b->curves;
				pd->opts.x1 = b->run.hist.seen < 2 ? 1 : NAN;
				pd->opts.ytitle = pd == &b->accs ? _("accuracy (v: network)")
						  : b->classes ? _("loss (v: accuracy)")
							       : _("loss (v: network)");
				plotdata_draw(pd, g, rx, y, rw, ch, caps);
			}
			draw_confusion(b, g, rx, y + ch, rw, caps);
		}
		if (dw > 0)
			draw_diagram(b, g, r.x + r.w - dw + 2, y, dw - 2, PANEL_H, caps);
	}
	draw_numbers(b, g, rx, y + PANEL_H - STATS_H, rw, caps);
	y += PANEL_H;
	draw_info(b, g, r.x, y, r.w, caps);
	y += INFO_H;
	if (focused) { /* the keys, every row of them */
		const char *help = keys_help();
		WrapLine wl[KEYS_MAX];
		int n = wrap_text(help, strlen(help), r.w, wl, KEYS_MAX), i;
		for (i = 0; i < n && i < KEYS_MAX && y + i < r.y + r.h; i++)
			grid_text(g, r.x, y + i, help + wl[i].start, wl[i].len, r.w, STYLE_DIM);
		*cx = r.x;
		*cy = r.y;
	}
}
