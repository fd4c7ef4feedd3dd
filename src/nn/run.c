/* run.c: a training run: data, network, trainers, metrics and their thinned history,
 * the best weights, early stopping and divergence (see run.h).
 * libc and libm only; allocates in run_create alone. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/run.h"

void run_config_defaults(RunConfig *c)
{
	memset(c, 0, sizeof *c);
	data_spec_defaults(&c->spec, DATA_SPIRAL, 400);
	c->spec.noise = 0.2;
	c->data_seed = 1;
	c->test_share = 0.5;
	c->n_hidden = 2;
	c->hidden[0] = c->hidden[1] = 8;
	c->act[0] = c->act[1] = ACT_TANH;
	c->loss = LOSS_CE;
	c->init = INIT_COUNT;
	c->seed = 1;
	optim_defaults(&c->optim, OPTIM_ADAM);
	c->optim.lr = 0.03;
	c->batch = 10;
	c->explode = 1e4;
	c->level = simd_best();
	c->history = 256;
}

static void history_free(RunHistory *h)
{
	int k;

	free(h->epoch);
	for (k = 0; k < RUN_METRICS; k++)
		free(h->metric[k]);
	memset(h, 0, sizeof *h);
}

static NnStatus history_init(RunHistory *h, size_t cap)
{
	int k;

	memset(h, 0, sizeof *h);
	h->cap = cap < 2 ? 2 : cap;
	h->every = 1;
	h->epoch = malloc((h->cap + 1) * sizeof *h->epoch);
	for (k = 0; k < RUN_METRICS; k++)
		h->metric[k] = malloc((h->cap + 1) * sizeof *h->metric[k]);
	for (k = 0; k < RUN_METRICS; k++)
		if (!h->metric[k])
			break;
	if (!h->epoch || k < RUN_METRICS) {
		history_free(h);
		return NN_ERR_NOMEM;
	}
	return NN_OK;
}

static void history_clear(RunHistory *h)
{
	h->n = 0;
	h->seen = 0;
	h->every = 1;
}

/* Whether the newest evaluation was not kept (it then sits in slot n). */
static bool newest_apart(const RunHistory *h)
{
	return h->seen > 0 && (h->seen - 1) % h->every != 0;
}

/* Appends one evaluation: epoch and the RUN_METRICS values of v. */
static void history_append(RunHistory *h, double epoch, const double *v)
{
	bool keep = h->seen++ % h->every == 0;
	size_t i, j;
	int k;

	if (keep && h->n == h->cap) { /* thin: keep the points of every second kept index */
		for (i = j = 0; i < h->n; i += 2, j++) {
			h->epoch[j] = h->epoch[i];
			for (k = 0; k < RUN_METRICS; k++)
				h->metric[k][j] = h->metric[k][i];
		}
		h->n = j;
		h->every *= 2;
		keep = (h->seen - 1) % h->every == 0;
	}
	h->epoch[h->n] = epoch; /* kept, or the newest in the spare slot after the kept */
	for (k = 0; k < RUN_METRICS; k++)
		h->metric[k][h->n] = v[k];
	if (keep)
		h->n++;
}

size_t run_history(const Run *r, RunMetric m, const double **epoch, const double **v)
{
	const RunHistory *h = &r->hist;

	*epoch = h->epoch;
	*v = m < RUN_METRICS ? h->metric[m] : h->metric[0];
	return h->n + newest_apart(h);
}

void run_free(Run *r)
{
	train_free(&r->tr);
	train_free(&r->te);
	mlp_free(&r->mlp);
	data_free(&r->all);
	data_free(&r->train);
	data_free(&r->test);
	free(r->best);
	history_free(&r->hist);
	memset(r, 0, sizeof *r);
}

/* d: a new copy of src (NULL or empty: an empty set of src's or dim columns). */
static NnStatus copy_data(Dataset *d, const Dataset *src, size_t dim)
{
	size_t n = src ? src->n : 0;
	NnStatus st = data_alloc(d, n, src ? src->dim : dim);

	if (st == NN_OK && n) {
		memcpy(d->x, src->x, n * src->dim * sizeof *d->x);
		memcpy(d->label, src->label, n * sizeof *d->label);
	}
	return st;
}

/* r->all, r->train, r->test and r->classes from the configuration. */
static NnStatus make_data(Run *r, const RunConfig *c)
{
	NnStatus st;
	Rng g;

	if (!c->train) {
		r->classes = data_n_classes(&c->spec);
		rng_seed(&g, c->data_seed);
		st = data_generate(&r->all, &c->spec, &g);
		if (st == NN_OK)
			st = data_split(&r->train, &r->test, &r->all, c->test_share, &g);
		return st;
	}
	if (c->test && c->test->n && c->test->dim != c->train->dim)
		return NN_ERR_ARG;
	r->classes = c->classes;
	st = copy_data(&r->train, c->train, 0);
	if (st == NN_OK)
		st = copy_data(&r->test, c->test, c->train->dim);
	if (st == NN_OK)
		st = data_alloc(&r->all, r->train.n + r->test.n, c->train->dim);
	if (st == NN_OK && r->all.n) {
		size_t dim = r->all.dim, nt = r->train.n;
		if (nt) {
			memcpy(r->all.x, r->train.x, nt * dim * sizeof *r->all.x);
			memcpy(r->all.label, r->train.label, nt * sizeof *r->all.label);
		}
		if (r->test.n) {
			memcpy(r->all.x + nt * dim, r->test.x, r->test.n * dim * sizeof *r->all.x);
			memcpy(r->all.label + nt, r->test.label, r->test.n * sizeof *r->all.label);
		}
	}
	return st;
}

/* The network of the configuration with its starting weights. */
static NnStatus make_net(Run *r, const RunConfig *c)
{
	size_t sizes[RUN_MAX_HIDDEN + 2], L = c->n_hidden + 1, l;
	Activation act[RUN_MAX_HIDDEN + 1];
	InitScheme s = c->init;
	NnStatus st;
	Rng g;

	sizes[0] = r->train.dim;
	for (l = 0; l < c->n_hidden; l++) {
		sizes[l + 1] = c->hidden[l];
		act[l] = c->act[l];
	}
	sizes[L] = r->classes > 2 ? r->classes : 1;
	act[L - 1] = !r->classes ? ACT_LINEAR : loss_output_act(c->loss, ACT_SIGMOID);
	st = mlp_init(&r->mlp, sizes, L, act);
	if (st != NN_OK)
		return st;
	if (s >= INIT_COUNT)
		s = c->act[0] == ACT_RELU || c->act[0] == ACT_LEAKY_RELU || c->act[0] == ACT_ELU
			? INIT_HE_UNIFORM
			: INIT_XAVIER_UNIFORM;
	rng_seed(&g, c->seed);
	init_params(&r->mlp, s, c->init_value, &g);
	return NN_OK;
}

NnStatus run_create(Run *r, const RunConfig *c)
{
	TrainConfig tc;
	NnStatus st;

	memset(r, 0, sizeof *r);
	if (c->n_hidden > RUN_MAX_HIDDEN || c->loss >= LOSS_COUNT)
		return NN_ERR_ARG;
	r->cfg = *c;
	r->cfg.train = r->cfg.test = NULL;
	st = make_data(r, c);
	if (st == NN_OK && r->train.n == 0)
		st = NN_ERR_ARG;
	if (st == NN_OK)
		st = make_net(r, c);
	if (st != NN_OK)
		goto fail;
	memset(&tc, 0, sizeof tc);
	tc.loss = r->classes ? c->loss : LOSS_MSE;
	tc.batch = c->batch;
	tc.shuffle = 1;
	tc.seed = c->seed ^ RUN_SEED_MIX;
	tc.explode = c->explode;
	tc.dropout = c->n_hidden ? c->dropout : 0;
	tc.level = c->level;
	st = train_init(&r->tr, &r->mlp, &r->train, &tc, &c->optim);
	if (st == NN_OK && r->test.n)
		st = train_init(&r->te, &r->mlp, &r->test, &tc, &c->optim);
	if (st == NN_OK)
		st = history_init(&r->hist, c->history);
	if (st == NN_OK && !(r->best = malloc(r->mlp.n_params * sizeof *r->best)))
		st = NN_ERR_NOMEM;
	if (st != NN_OK)
		goto fail;
	r->best_loss = INFINITY;
	run_evaluate(r);
	run_checkpoint(r, 0);
	return NN_OK;
fail:
	{
		size_t bad = r->tr.bad_row ? r->tr.bad_row : r->te.bad_row;
		run_free(r);
		r->bad_row = bad;
	}
	return st;
}

double run_epoch(const Run *r)
{
	return r->train.n ? (double)r->tr.examples / (double)r->train.n : 0;
}

bool run_epoch_ended(const Run *r)
{
	return r->train.n && r->tr.examples % r->train.n == 0;
}

NnStatus run_train_part(Run *r, size_t examples, size_t *done)
{
	size_t before = r->tr.examples;
	NnStatus st;

	*done = 0;
	if (r->status != NN_OK || !r->train.n)
		return r->status != NN_OK ? r->status : NN_ERR_ARG;
	r->stopped = false; /* training goes on */
	do {
		st = train_step(&r->tr);
		if (st != NN_OK)
			r->status = st;
		*done = r->tr.examples - before;
	} while (st == NN_OK && *done < examples && !run_epoch_ended(r));
	return st;
}

NnStatus run_train(Run *r, size_t examples)
{
	size_t done = 0, part;

	if (r->status != NN_OK || !r->train.n)
		return r->status != NN_OK ? r->status : NN_ERR_ARG;
	while (done < examples) {
		NnStatus st = run_train_part(r, examples - done, &part);
		if (st != NN_OK)
			return st;
		done += part;
	}
	return NN_OK;
}

int run_probe_rates(const Run *r, const double *rates, size_t n, size_t examples,
                    double *losses)
{
	RunConfig c = r->cfg;
	double low = INFINITY;
	int best = -1;
	size_t i;

	c.train = &r->train;
	c.test = &r->test;
	c.classes = r->classes;
	c.optim.l1 = r->tr.opt.cfg.l1;
	c.optim.l2 = r->tr.opt.cfg.l2;
	c.history = 2;
	for (i = 0; i < n; i++) {
		double loss = INFINITY;
		Run t;
		c.optim.lr = rates[i];
		if (run_create(&t, &c) == NN_OK && run_train(&t, examples) == NN_OK) {
			loss = train_loss(&t.tr, &t.train);
			if (!isfinite(loss))
				loss = INFINITY;
		}
		run_free(&t);
		if (losses)
			losses[i] = loss;
		if (loss < low) {
			low = loss;
			best = (int)i;
		}
	}
	return best;
}

void run_evaluate(Run *r)
{
	double v[RUN_METRICS];

	r->epoch = run_epoch(r);
	r->train_loss = train_loss(&r->tr, &r->train);
	r->test_loss = r->test.n ? train_loss(&r->te, &r->test) : NAN;
	r->train_acc = r->classes ? train_accuracy(&r->tr, &r->train) : NAN;
	r->test_acc = r->classes && r->test.n ? train_accuracy(&r->te, &r->test) : NAN;
	v[RUN_TRAIN_LOSS] = r->train_loss;
	v[RUN_TEST_LOSS] = r->test_loss;
	v[RUN_TRAIN_ACC] = r->train_acc;
	v[RUN_TEST_ACC] = r->test_acc;
	history_append(&r->hist, r->epoch, v);
}

bool run_checkpoint(Run *r, double patience)
{
	size_t n = r->mlp.n_params;
	double loss;

	if (!r->test.n || !r->best)
		return true;
	loss = train_loss(&r->te, &r->test);
	if (loss < r->best_loss) {
		r->best_loss = loss;
		r->best_epoch = run_epoch(r);
		memcpy(r->best, r->mlp.params, n * sizeof *r->best);
	} else if (patience > 0 && run_epoch(r) - r->best_epoch > patience) {
		memcpy(r->mlp.params, r->best, n * sizeof *r->best);
		train_params_changed(&r->tr);
		r->stopped = true;
		return false;
	}
	return true;
}

bool run_restore_best(Run *r)
{
	if (!r->best || !isfinite(r->best_loss))
		return false;
	memcpy(r->mlp.params, r->best, r->mlp.n_params * sizeof *r->best);
	train_params_changed(&r->tr);
	return true;
}

bool run_set_params(Run *r, const double *params, size_t n)
{
	if (!r->best || n != r->mlp.n_params)
		return false;
	memcpy(r->mlp.params, params, n * sizeof *params);
	train_params_changed(&r->tr);
	history_clear(&r->hist);
	r->best_loss = INFINITY;
	return true;
}

void run_tune(Run *r, double lr, double l1, double l2)
{
	r->tr.opt.cfg.lr = r->te.opt.cfg.lr = lr;
	r->tr.opt.cfg.l1 = r->te.opt.cfg.l1 = l1;
	r->tr.opt.cfg.l2 = r->te.opt.cfg.l2 = l2;
}

size_t run_macs(const Run *r)
{
	const Mlp *m = &r->mlp;
	size_t l, macs = 0;

	for (l = 0; l < m->n_layers; l++)
		macs += m->sizes[l] * m->sizes[l + 1] * (l ? 3 : 2);
	return macs * r->tr.cfg.batch;
}
