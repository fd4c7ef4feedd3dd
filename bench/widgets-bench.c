/* widgets-bench.c: times one frame of the largest computing widgets as the lesson player
 * draws them (a 76-column slot: the widest text column): a 2-8-8-1 network mid-wave
 * with its forward pass, a full-width plot of four activation curves with their slopes
 * and a cursor, a chart fed with 4 x 2000 points, and a gate game judging its neuron on
 * four rows; prints microseconds per frame. Then the trainer (Train a Brain) live as the
 * player runs it: a tick (training for its budget) and a draw every 33 ms, at the slot
 * of an 80x24 and of a 200x60 terminal, with the loss chart and again with the neurons
 * chart (a thumbnail per neuron); prints training examples per second with the view
 * live, and the drawing time. Then the race (the Init Race, three runs) live the same
 * way, at full speed and at the lesson's 20 epochs a second: examples per second of
 * every run together, and how soon the Xavier start's loss is below half the zero
 * start's. Last, how long the sequence models take to start (the translator trains two
 * GRU encoder-decoders, the tblock a Transformer block, when their widget is made; the
 * lesson L3-sequences promises well under a second), median of three. Links the widget
 * layer and what it needs. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lesson/lesson.h"
#include "widgets/core/registry.h"
#include "widgets/sims/race.h"
#include "widgets/trainer/trainer.h"
#include "widgets/core/visual.h"

#define MIN_SECONDS 0.5 /* each case repeats until it has run this long */
#define SLOT_W      76

static const char lesson_text[] =
    "@lesson B\n@title B\n@level 1\n@format 1\n@unit U\n"
    "@widget network id=net layers=2,8,8,1 inputs=0.5,-1 activation=tanh labels=x1,x2 "
    "animate=yes\nalt: x\n@end\n"
    "@widget plot id=curves fn=sigmoid,tanh,relu,gelu x=-6..6 slope=yes cursor=0.7 "
    "height=16 title=\"Four functions\"\nalt: x\n@end\n"
    "@widget plot id=loss chart=lines height=16\nalt: x\n@end\n"
    "@widget slider id=w1 label=w1 range=-3..3 value=1 step=0.5\nalt: x\n@end\n"
    "@widget slider id=w2 label=w2 range=-3..3 value=1 step=0.5\nalt: x\n@end\n"
    "@widget neuron id=cell inputs=0,0 weights_from=w1,w2 bias=-1.5\nalt: x\n@end\n"
    "@widget game id=tune goal=\"AND\" mode=gate watch=cell\nalt: x\n@end\n"
    "@widget trainer id=brain\nalt: x\n@end\n"
    "@widget race id=race names=zero,huge,xavier init=zeros,normal,xavier-uniform "
    "init_scale=0,4,0 epochs=200\nalt: x\n@end\n"
    "@widget race id=fast names=zero,huge,xavier init=zeros,normal,xavier-uniform "
    "init_scale=0,4,0 epochs=100000 speed=0\nalt: x\n@end\n";

#define FRAME_S   (1.0 / 30) /* the player's frame while animating */
#define LIVE_S    3.0        /* seconds of live training per terminal size */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One frame of in: a cleared slot-sized grid, then draw (as the player does). */
static void frame(const Instance *in, Grid *g, Caps caps)
{
	Rect r = {0, 0, g->w, g->h};
	int cx, cy;

	grid_clear(g, STYLE_NORMAL);
	in->ops->draw(in, g, r, caps, true, &cx, &cy);
}

/* Draws in until MIN_SECONDS have passed; returns microseconds per frame. */
static double time_it(const Instance *in, Caps caps)
{
	Grid g;
	double t0, t;
	long n = 0, batch = 16, i;

	if (grid_init(&g, SLOT_W, in->ops->height(in, SLOT_W)) != 0)
		return -1;
	frame(in, &g, caps); /* warm up */
	t0 = now();
	do {
		for (i = 0; i < batch; i++)
			frame(in, &g, caps);
		n += batch;
		t = now() - t0;
		batch *= 2;
	} while (t < MIN_SECONDS);
	grid_free(&g);
	return t / (double)n * 1e6;
}

static void sleep_until(double t)
{
	double d = t - now();
	struct timespec ts;

	if (d <= 0)
		return;
	ts.tv_sec = (time_t)d;
	ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

/* What a live session took: wall time, frames, time spent drawing. */
typedef struct {
	double seconds, drawn;
	long frames;
} Live;

/* Plays in (started already) in a slot w columns wide for `seconds`, or until it stops
 * animating: each 33 ms frame a tick with the time since the last one, watch (when
 * not NULL) with the time since the start, then a draw; paused at the end. */
static Live play(Instance *in, int w, Caps caps, double seconds,
		 void (*watch)(const Instance *, double, void *), void *ctx)
{
	Live lv = {0, 0, 0};
	Grid g;
	Rect r;
	double t0, last, next, t;
	int cx, cy;

	if (grid_init(&g, w, in->ops->height(in, w)) != 0)
		return lv;
	r = (Rect){0, 0, g.w, g.h};
	t0 = last = now();
	next = t0;
	do {
		double d0;
		t = now();
		in->ops->tick(in, lv.frames ? t - last : FRAME_S);
		last = t;
		if (watch)
			watch(in, now() - t0, ctx);
		d0 = now();
		grid_clear(&g, STYLE_NORMAL);
		in->ops->draw(in, &g, r, caps, true, &cx, &cy);
		lv.drawn += now() - d0;
		lv.frames++;
		next += FRAME_S;
		sleep_until(next);
	} while (in->animating && now() - t0 < seconds);
	lv.seconds = now() - t0;
	grid_free(&g);
	return lv;
}

/* Trains in live for LIVE_S seconds at a slot w columns wide. Prints examples per
 * second over the whole run (drawing and waiting included) and the mean draw time. */
static void live(Instance *in, int w, const char *what, Caps caps)
{
	const Brain *b = trainer_state(in);
	size_t ex0;
	Live lv;

	in->ops->key(in, &(Key){.code = K_CHAR, .ch = 'r'}); /* the same start each time */
	in->ops->animate(in, ANIM_PLAY, 0);
	ex0 = b->run.tr.examples;
	lv = play(in, w, caps, LIVE_S, NULL, NULL);
	in->ops->animate(in, ANIM_PAUSE, 0);
	printf("  %-46s %10.0f examples/s   %5.1f fps   draw %6.2f ms   test acc %.3f\n", what,
	       (double)(b->run.tr.examples - ex0) / lv.seconds, (double)lv.frames / lv.seconds,
	       lv.drawn / (double)lv.frames * 1e3, b->run.test_acc);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Prints the median of three starts (parse, check, every widget made) of a lesson body. */
static void start_time(const char *body, const char *what)
{
	SchemaTable schemas = registry_schemas();
	char text[512];
	double t[3];
	int k;

	snprintf(text, sizeof text, "@lesson B\n@title B\n@level 3\n@format 1\n@unit U\n%s", body);
	for (k = 0; k < 3; k++) {
		Lesson *l = NULL;
		DiagList d;
		Scene sc;
		double t0 = now();
		diag_init(&d, 0);
		lesson_parse(&l, "bench.lesson", text, strlen(text), &d);
		if (!l || lesson_check(l, &schemas, &d) != 0 || scene_init(&sc, l) != 0) {
			fprintf(stderr, "widgets-bench: %s does not load\n", what);
			exit(1);
		}
		t[k] = now() - t0;
		scene_free(&sc);
		lesson_free(l);
		diag_free(&d);
	}
	qsort(t, 3, sizeof *t, by_value);
	printf("%-60s %6.3f s\n", what, t[1]);
}

/* The examples every run of the race in has trained. */
static size_t race_examples(const Instance *in)
{
	size_t n = 0;
	int k;

	for (k = 0; race_run(in, k); k++)
		n += race_run(in, k)->tr.examples;
	return n;
}

/* The Init Race's separation: when (seconds, epoch) a run's training loss first was
 * below half the zero start's (run 0, which stays at ln 2); -1 until then. */
static void watch_separation(const Instance *in, double t, void *ctx)
{
	double *sep = ctx;
	int k;

	for (k = 1; sep[0] < 0 && race_run(in, k); k++)
		if (race_run(in, k)->train_loss < race_run(in, 0)->train_loss / 2) {
			sep[0] = t;
			sep[1] = run_epoch(race_run(in, k));
		}
}

/* Races in live from its start for `seconds` or until it finishes. Prints examples per
 * second of every run together (drawing and waiting included), the frames, the draw
 * time, when the separation showed and when the race finished. */
static void live_race(Instance *in, int w, const char *what, Caps caps, double seconds)
{
	double sep[2] = {-1, 0};
	size_t ex0;
	bool done;
	Live lv;

	in->ops->animate(in, ANIM_REPLAY, 0); /* from the start, playing */
	ex0 = race_examples(in);
	lv = play(in, w, caps, seconds, watch_separation, sep);
	done = !in->animating;
	in->ops->animate(in, ANIM_PAUSE, 0);
	printf("  %-36s %9.0f examples/s %5.1f fps  draw %5.2f ms  separated %5.2f s "
	       "(epoch %.0f)  %s %.2f s\n",
	       what, (double)(race_examples(in) - ex0) / lv.seconds, (double)lv.frames / lv.seconds,
	       lv.drawn / (double)lv.frames * 1e3, sep[0], sep[1],
	       done ? "finished in" : "stopped at", lv.seconds);
}

/* Presses v until the trainer in shows chart c. */
static void show_chart(Instance *in, BrainChart c)
{
	int i;

	for (i = 0; i < BRAIN_CHART_COUNT && trainer_state(in)->chart != c; i++)
		in->ops->key(in, &(Key){.code = K_CHAR, .ch = 'v'});
}

int main(void)
{
	static const char *const ids[] = {"net", "curves", "loss", "tune"};
	static const char *const what[] = {
	    "network 2-8-8-1 mid-wave (forward pass + diagram)",
	    "plot: 4 curves + slopes + cursor, 76x17",
	    "plot: chart fed with 4 x 2000 points, 76x16",
	    "game: gate mode, truth table of a neuron",
	};
	SchemaTable schemas = registry_schemas();
	Caps utf8 = {true, 256}, ascii = {false, 0};
	Lesson *l = NULL;
	Scene sc;
	DiagList d;
	PlotData *data;
	Instance *net;
	size_t i;
	int k, j;

	diag_init(&d, 0);
	lesson_parse(&l, "bench.lesson", lesson_text, sizeof lesson_text - 1, &d);
	if (!l || lesson_check(l, &schemas, &d) != 0 || scene_init(&sc, l) != 0) {
		fprintf(stderr, "widgets-bench: the bench lesson does not load\n");
		return 1;
	}
	net = scene_find(&sc, "net");
	net->ops->animate(net, ANIM_PLAY, 0);
	net->ops->tick(net, 1.5); /* the wave between the hidden layers */
	data = plot_widget_data(scene_find(&sc, "loss"));
	for (k = 0; k < 4; k++) {
		int s = plotdata_add_series(data, NULL, COLOUR_NONE, 0);
		for (j = 0; j < 2000; j++)
			plotdata_append(data, s, j, (0.7 + 0.1 * k) * exp(-j / (300.0 + 150 * k)));
	}
	printf("widgets-bench: one frame at %d columns, in microseconds\n", SLOT_W);
	for (i = 0; i < sizeof ids / sizeof *ids; i++) {
		const Instance *in = scene_find(&sc, ids[i]);
		printf("  %-52s  utf8 %8.1f   ascii %8.1f\n", what[i], time_it(in, utf8),
		       time_it(in, ascii));
	}
	printf("trainer: spiral, 2-8-8-1 tanh, Adam lr 0.03, batch 10, live for %.0f s each\n",
	       LIVE_S);
	live(scene_find(&sc, "brain"), 76, "80x24 terminal (76-column slot), utf8", utf8);
	live(scene_find(&sc, "brain"), 160, "200x60 terminal (160-column wide slot), utf8", utf8);
	live(scene_find(&sc, "brain"), 76, "80x24 terminal, ascii", ascii);
	show_chart(scene_find(&sc, "brain"), BRAIN_CHART_NEURONS);
	live(scene_find(&sc, "brain"), 76, "80x24, the neurons chart (v), utf8", utf8);
	live(scene_find(&sc, "brain"), 160, "200x60, the neurons chart (v), utf8", utf8);
	live(scene_find(&sc, "brain"), 76, "80x24, the neurons chart (v), ascii", ascii);
	printf("race: the Init Race (zero, normal sigma 4, Xavier), spiral 2-8-8-1 tanh, Adam "
	       "lr 0.03, batch 10, 3 runs; examples/s of all of them, view drawn at 30 fps\n");
	live_race(scene_find(&sc, "fast"), 76, "full speed (speed=0), 76 cols, utf8", utf8, LIVE_S);
	live_race(scene_find(&sc, "fast"), 76, "full speed (speed=0), 76 cols, ascii", ascii,
		  LIVE_S);
	live_race(scene_find(&sc, "race"), 76, "as the lesson: 20 epochs/s, 200 epochs", utf8,
		  12);
	scene_free(&sc);
	lesson_free(l);
	diag_free(&d);
	start_time("@widget translator id=s2s\nalt: x\n@end\n",
	           "translator: start, two seq2seq models trained (goal < 1 s)");
	start_time("@widget tblock id=block\nalt: x\n@end\n",
	           "tblock: start, the Transformer block trained (goal < 1 s)");
	return 0;
}
