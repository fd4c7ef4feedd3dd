/* check_brainio.c: the trainer's files and state, end to end with the real widget:
 * a trained net exported (weights and CSV) and opened into another trainer predicts
 * the same numbers bit for bit; a state string pasted into a fresh trainer gives the
 * same run; the learner's own points (a CSV, points placed with keys) train and
 * split as documented; early stopping puts the best weights back; a trainer scrolled
 * out of view does not train. Bad files and strings give a message and change
 * nothing; a FIFO, a device or a file over the limit is refused without waiting; W
 * saves in the current folder when it can, else at home, and names the files by their
 * full paths. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/brainio.h"
#include "nn/csv.h"
#include "widgets/trainer/trainer.h"
#include "widgets/wtest.h"

static WTest t, u;
static char dir[64];

static const char *spiral = "@widget trainer id=brain\nalt: x\n@end\n";

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/check_brainio.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static const Brain *brain(WTest *v, Instance **in)
{
	*in = wt_get(v, "brain");
	return trainer_state(*in);
}

/* memcmp of the two nets' weights (of a's count). */
static int cmp_params(const Brain *a, const Brain *b)
{
	return memcmp(a->run.mlp.params, b->run.mlp.params, a->run.mlp.n_params * sizeof(double));
}

/* The net's outputs on a 16 x 16 grid over [-6, 6]^2 into out (256 x n_out). */
static void predict(const Brain *b, double *out)
{
	MlpWork w;
	double x[2 * 256];
	size_t i, n = mlp_n_out(&b->run.mlp), L = b->run.mlp.n_layers;

	for (i = 0; i < 256; i++) {
		x[2 * i] = -6 + 12.0 * (double)(i % 16) / 15;
		x[2 * i + 1] = -6 + 12.0 * (double)(i / 16) / 15;
	}
	ck_assert_int_eq(mlp_work_init(&w, &b->run.mlp, 256, SIMD_PORTABLE, 0), NN_OK);
	mlp_forward(&w, &b->run.mlp, x, 256);
	memcpy(out, w.y[L - 1], 256 * n * sizeof *out);
	mlp_work_free(&w);
}

START_TEST(export_and_load_predict_the_same)
{
	Instance *a, *c;
	const Brain *ba, *bc;
	char base[128], msg[512], path[160];
	static double pa[256 * 4], pc[256 * 4];
	Dataset d;
	CsvError ce;

	wt_open(&t, spiral);
	wt_open(&u, spiral);
	ba = brain(&t, &a);
	bc = brain(&u, &c);
	wt_char(a, 'o'); /* SGD: not the default, so the state carries it */
	wt_char(a, 'a'); /* ReLU */
	ck_assert(trainer_train(a, 20000));
	snprintf(base, sizeof base, "%s/brain", dir);
	ck_assert_msg(brainio_save(a, base, msg, sizeof msg) == 0, "%s", msg);
	ck_assert_ptr_nonnull(strstr(msg, "2-8-8-1"));
	/* The other trainer is another net (3 hidden layers, new weights) until it opens
	 * the file: the state in the file's comment sets the shape, then the weights. */
	wt_char(c, 'l');
	wt_char(c, 'R');
	ck_assert_int_eq(bc->nhidden, 3);
	snprintf(path, sizeof path, "%s.weights", base);
	ck_assert_msg(brainio_open(c, path, msg, sizeof msg) == 0, "%s", msg);
	ck_assert_int_eq(bc->nhidden, 2);
	ck_assert_int_eq(bc->optim, OPTIM_SGD);
	ck_assert_int_eq(bc->acts[0], ACT_RELU);
	ck_assert_uint_eq(bc->run.mlp.n_params, ba->run.mlp.n_params);
	ck_assert(cmp_params(bc, ba) == 0);
	predict(ba, pa);
	predict(bc, pc);
	ck_assert(memcmp(pa, pc, 256 * sizeof *pa) == 0);
	ck_assert(bc->run.test_acc == ba->run.test_acc);
	/* The points came back too, every coordinate and label exactly. */
	snprintf(path, sizeof path, "%s.csv", base);
	ck_assert_int_eq(csv_load(&d, path, &ce), NN_OK);
	ck_assert_uint_eq(d.n, ba->run.all.n);
	ck_assert(memcmp(d.x, ba->run.all.x, 2 * d.n * sizeof(double)) == 0);
	ck_assert(memcmp(d.label, ba->run.all.label, d.n * sizeof(double)) == 0);
	data_free(&d);
	ck_assert_msg(brainio_open(c, path, msg, sizeof msg) == 0, "%s", msg);
	ck_assert(bc->custom);
	ck_assert_uint_eq(bc->run.all.n, ba->run.all.n);
	ck_assert_str_eq(bc->own_name, "brain.csv");
	/* The same shape: opening points keeps the net's weights. */
	ck_assert(cmp_params(bc, ba) == 0);
	wt_close(&u);
}
END_TEST

START_TEST(bad_files_say_why)
{
	Instance *a;
	const Brain *b;
	char msg[512], path[160];
	double before;
	FILE *f;

	wt_open(&t, spiral);
	b = brain(&t, &a);
	before = b->run.mlp.params[0];
	snprintf(path, sizeof path, "%s/none.weights", dir);
	ck_assert_int_eq(brainio_open(a, path, msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "cannot read") != NULL, "%s", msg);
	/* A weights file for another shape, without a state: the line and what it needs. */
	snprintf(path, sizeof path, "%s/small.weights", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("1 2\n3\n", f);
	fclose(f);
	ck_assert_int_eq(brainio_open(a, path, msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "small.weights:2: 1 numbers where layer 1 of the 2-8-8-1 net "
				  "needs 2") != NULL,
		      "%s", msg);
	/* Points with 3 coordinates do not fit a 2-D trainer. */
	snprintf(path, sizeof path, "%s/wide.csv", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("a,b,c,label\n1,2,3,0\n4,5,6,1\n7,8,9,0\n1,1,1,1\n", f);
	fclose(f);
	ck_assert_int_eq(brainio_open(a, path, msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "4 columns") != NULL, "%s", msg);
	ck_assert(!b->custom);
	/* Saving where nothing can be written. */
	ck_assert_int_eq(brainio_save(a, "/nonexistent-dir/brain", msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "Cannot write /nonexistent-dir/brain.weights") != NULL, "%s", msg);
	ck_assert(b->run.mlp.params[0] == before);
}
END_TEST

/* The O key on a FIFO (no writer: a blocking open would hang the course), a device or
 * a file over the limit: refused at once, the file and the limit named. */
START_TEST(fifos_devices_and_huge_files_are_refused)
{
	static const char *const names[] = {"pipe.csv", "pipe.weights"};
	Instance *a;
	const Brain *b;
	char msg[512], path[160];
	double before;
	size_t i;

	wt_open(&t, spiral);
	b = brain(&t, &a);
	before = b->run.mlp.params[0];
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		ck_assert_int_eq(mkfifo(path, 0600), 0);
		ck_assert_int_eq(brainio_open(a, path, msg, sizeof msg), -1);
		ck_assert_msg(strstr(msg, names[i]) && strstr(msg, "it is not a regular file"),
			      "%s", msg);
	}
	ck_assert_int_eq(brainio_open(a, "/dev/zero", msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "'/dev/zero': it is not a regular file"), "%s", msg);
	snprintf(path, sizeof path, "%s/huge.csv", dir);
	{
		FILE *f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(ftruncate(fileno(f), (off_t)CSV_MAX_FILE + 1), 0);
		fclose(f);
	}
	ck_assert_int_eq(brainio_open(a, path, msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "huge.csv': it is larger than 16 MiB"), "%s", msg);
	ck_assert(!b->custom);
	ck_assert(b->run.mlp.params[0] == before);
}
END_TEST

START_TEST(state_string_reproduces_the_run)
{
	Instance *a, *c;
	const Brain *ba, *bc;
	char s[BRAIN_STATE_MAX], s2[BRAIN_STATE_MAX], err[256];
	int i;

	wt_open(&t, spiral);
	wt_open(&u, spiral);
	ba = brain(&t, &a);
	bc = brain(&u, &c);
	trainer_state_string(ba, s, sizeof s);
	ck_assert_str_eq(s, "nn1/s=spiral/d=1/w=1/h=8tanh,8tanh");
	/* Every kind of control changed, both seeds too. */
	wt_char(a, 'd');   /* circle */
	wt_char(a, 'n');   /* noise 0.3 */
	wt_char(a, 't');   /* split 60% */
	wt_char(a, 'D');   /* data seed 2 */
	wt_char(a, 'R');   /* init seed 2 */
	wt_char(a, 'h');   /* the first hidden layer only: */
	wt_char(a, '[');   /* 7 neurons */
	wt_char(a, 'a');   /* ReLU */
	wt_char(a, 'o');   /* SGD */
	wt_char(a, '+');   /* lr 0.1 */
	wt_char(a, 'b');   /* batch 25 */
	wt_char(a, '1');   /* L1 0.0001 */
	wt_char(a, '2');   /* L2 0.0001 */
	wt_char(a, 'x');   /* dropout 0.1 */
	wt_char(a, 'i');   /* xavier-uniform */
	wt_char(a, 'e');   /* early stopping */
	wt_char(a, '<');   /* 1000 epochs a second */
	trainer_state_string(ba, s, sizeof s);
	ck_assert_str_eq(s, "nn1/s=circle/n=0.3/t=0.6/d=2/w=2/h=7relu,8tanh/o=sgd/r=0.1/b=25/"
			    "l1=0.0001/l2=0.0001/x=0.1/i=xavier-uniform/e=1/sp=1000");
	ck_assert_int_eq(trainer_apply_state(c, s, err, sizeof err), 0);
	trainer_state_string(bc, s2, sizeof s2);
	ck_assert_str_eq(s2, s);
	ck_assert(cmp_params(bc, ba) != 0 || ba->run.tr.step == 0);
	/* The same run: a from its reset, c from the pasted state. */
	wt_char(a, 'r');
	for (i = 0; i < 4; i++) {
		trainer_train(a, 3000);
		trainer_train(c, 3000);
	}
	ck_assert_uint_eq(bc->run.tr.step, ba->run.tr.step);
	ck_assert(cmp_params(bc, ba) == 0);
	ck_assert(bc->run.test_loss == ba->run.test_loss);
	/* Not a state: a message, nothing changed. */
	ck_assert_int_eq(trainer_apply_state(c, "hello", err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "nn1/"));
	ck_assert_int_eq(trainer_apply_state(c, "nn1/s=spiral/q=3", err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "\"q=3\""));
	ck_assert_int_eq(trainer_apply_state(c, "nn1/h=8tanh,99relu", err, sizeof err), -1);
	ck_assert_int_eq(trainer_apply_state(c, "nn1/s=own", err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "CSV"));
	trainer_state_string(bc, s2, sizeof s2);
	ck_assert_str_eq(s2, s);
	/* Spaces and a line end around a pasted string are fine. */
	ck_assert_int_eq(trainer_apply_state(c, "  nn1/s=xor/d=1/w=1/h=4tanh \n", err, sizeof err), 0);
	ck_assert_int_eq(bc->kind, DATA_XOR);
	ck_assert_int_eq(trainer_neurons(bc), 4);
	wt_close(&u);
}
END_TEST

START_TEST(points_placed_with_keys)
{
	Instance *a;
	const Brain *b;
	size_t n0;

	wt_open(&t, spiral);
	b = brain(&t, &a);
	n0 = b->run.train.n;
	wt_char(a, 'p');
	ck_assert(b->placing);
	wt_key(a, K_RIGHT);
	wt_key(a, K_UP);
	ck_assert(b->cur_x > 0 && b->cur_y > 0);
	wt_char(a, '1'); /* a point of class 1 at the cross, not the L1 rate */
	ck_assert(b->l1 == 0);
	ck_assert(b->custom);
	ck_assert_uint_eq(b->run.train.n, n0 + 1);
	ck_assert_uint_eq(b->run.all.n, 401);
	ck_assert(b->own.x[2 * 400] == b->cur_x && b->own.x[2 * 400 + 1] == b->cur_y);
	ck_assert(b->own.label[400] == 1);
	/* The split of the other points stayed. */
	ck_assert_uint_eq(b->run.test.n, 200);
	/* A third class: the output layer grows to 3 (softmax). */
	wt_char(a, '2');
	ck_assert_uint_eq(b->classes, 3);
	ck_assert_uint_eq(mlp_n_out(&b->run.mlp), 3);
	wt_key(a, K_BACKSPACE);
	ck_assert_uint_eq(b->run.all.n, 401);
	wt_char(a, 'p');
	ck_assert(!b->placing);
	wt_char(a, '1'); /* out of placing: the L1 rate again */
	ck_assert(b->l1 > 0);
	ck_assert(trainer_train(a, 2000));
}
END_TEST

START_TEST(early_stopping_keeps_the_best)
{
	Instance *a;
	const Brain *b;
	int i;

	wt_open(&t, "@widget trainer id=brain dataset=circle noise=0.5 points=60 layers=16,16 "
		    "early_stop=yes\nalt: x\n@end\n");
	b = brain(&t, &a);
	ck_assert(b->early);
	for (i = 0; i < 400 && !b->run.stopped; i++)
		trainer_train(a, 1000);
	ck_assert_msg(b->run.stopped, "no early stop after %zu examples", b->run.tr.examples);
	ck_assert_int_eq(b->mode, BRAIN_PAUSED);
	ck_assert(memcmp(b->run.mlp.params, b->run.best, b->run.mlp.n_params * sizeof(double)) ==
		  0);
	ck_assert(b->run.test_loss == b->run.best_loss);
	ck_assert((double)b->run.tr.examples / (double)b->run.train.n - b->run.best_epoch > 200);
}
END_TEST

START_TEST(offscreen_does_not_train)
{
	Instance *a;
	const Brain *b;
	size_t ex;

	wt_open(&t, spiral);
	b = brain(&t, &a);
	wt_char(a, ' ');
	ck_assert(a->animating);
	ck_assert(scene_tick(&t.scene, 0.033));
	ex = b->run.tr.examples;
	ck_assert_uint_gt(ex, 0);
	a->offscreen = true;
	ck_assert(!scene_animating(&t.scene));
	ck_assert(!scene_tick(&t.scene, 0.033));
	ck_assert_uint_eq(b->run.tr.examples, ex);
	a->offscreen = false;
	ck_assert(scene_animating(&t.scene));
	ck_assert(scene_tick(&t.scene, 0.033));
	ck_assert_uint_gt(b->run.tr.examples, ex);
}
END_TEST

START_TEST(goal_only_on_the_lessons_data)
{
	Instance *a;
	const Brain *b;
	int i;

	wt_open(&t, "@widget trainer id=brain goal_accuracy=0.9 max_neurons=16\nalt: x\n@end\n");
	b = brain(&t, &a);
	wt_char(a, 'd'); /* the circle: easy, but not the spiral of the goal */
	for (i = 0; i < 20; i++)
		trainer_train(a, 2000);
	ck_assert(b->run.test_acc >= 0.9);
	ck_assert(!b->won && !a->done && b->best < 0);
	/* B puts the kept weights back and keeps saying where they came from. */
	{
		double epoch = b->run.best_epoch;
		ck_assert(isfinite(b->run.best_loss));
		wt_char(a, 'B');
		ck_assert(b->run.best_epoch == epoch);
		ck_assert(b->run.test_loss == b->run.best_loss);
	}
}
END_TEST

/* W's folder: the current one when it can be written to, else the home folder; the
 * message names what was written by full paths, a relative name in the current
 * folder. */
START_TEST(save_says_where)
{
	Instance *a;
	char where[256], msg[1024], old[512], cwd[512], want[1400], abs[600];
	bool home;
	int rc;

	ck_assert(brainio_save_dir(where, sizeof where, dir, "/nonexistent-home", &home));
	ck_assert(!home);
	ck_assert_str_eq(where, dir);
	ck_assert(brainio_save_dir(where, sizeof where, "/nonexistent-dir", dir, &home));
	ck_assert(home);
	ck_assert_str_eq(where, dir);
	ck_assert(!brainio_save_dir(where, sizeof where, "/nonexistent-dir", NULL, &home));
	ck_assert(!home);
	ck_assert_str_eq(where, "/nonexistent-dir");
	wt_open(&t, spiral);
	brain(&t, &a);
	ck_assert_ptr_nonnull(getcwd(old, sizeof old));
	ck_assert_int_eq(chdir(dir), 0);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	rc = brainio_save(a, "./rel", msg, sizeof msg);
	brainio_abs(abs, sizeof abs, "x/y.csv");
	ck_assert_int_eq(chdir(old), 0);
	ck_assert_msg(rc == 0, "%s", msg);
	snprintf(want, sizeof want,
		 "Saved the 2-8-8-1 net to %s/rel.weights and its 400 points to %s/rel.csv.", cwd,
		 cwd);
	ck_assert_str_eq(msg, want);
	snprintf(want, sizeof want, "%s/x/y.csv", cwd);
	ck_assert_str_eq(abs, want);
	brainio_abs(abs, sizeof abs, "/a/b.weights");
	ck_assert_str_eq(abs, "/a/b.weights");
}
END_TEST

static void close_t(void)
{
	wt_close(&t);
	teardown();
}

int main(void)
{
	Suite *s = suite_create("brainio");
	TCase *tc = tcase_create("brainio");

	tcase_add_checked_fixture(tc, setup, close_t);
	tcase_add_test(tc, export_and_load_predict_the_same);
	tcase_add_test(tc, bad_files_say_why);
	tcase_add_test(tc, fifos_devices_and_huge_files_are_refused);
	tcase_add_test(tc, state_string_reproduces_the_run);
	tcase_add_test(tc, points_placed_with_keys);
	tcase_add_test(tc, early_stopping_keeps_the_best);
	tcase_add_test(tc, offscreen_does_not_train);
	tcase_add_test(tc, goal_only_on_the_lessons_data);
	tcase_add_test(tc, save_says_where);
	suite_add_tcase(s, tc);
	return test_main(s);
}
