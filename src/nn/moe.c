/* moe.c: top-k routing, the gated mixture, its backward through gates and router.
 * libc and libm only; allocates only in moe_init. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/loss.h"
#include "nn/moe.h"
#include "nn/names.h"

static const char *const moe_task_names[MOE_TASK_COUNT] = {"vee", "zigzag"};

const char *moe_task_name(MoeTask t)
{
	return t < MOE_TASK_COUNT ? moe_task_names[t] : "?";
}

int moe_task_from_name(MoeTask *t, const char *name)
{
	int i = names_find(moe_task_names, MOE_TASK_COUNT, name);

	if (i < 0)
		return -1;
	*t = (MoeTask)i;
	return 0;
}

void moe_task_sample(double *x, double *t, MoeTask task, size_t n, Rng *r)
{
	size_t i;

	for (i = 0; i < n; i++) {
		double v = rng_range(r, -3.0, 3.0);
		x[i] = v;
		if (task == MOE_VEE)
			t[i] = fabs(v);
		else
			t[i] = v < -1.0 ? v + 1.0 : v < 1.0 ? -v - 1.0 : v - 1.0;
	}
}

void moe_defaults(MoeConfig *c, MoeTask task)
{
	memset(c, 0, sizeof *c);
	c->task = task;
	c->n_experts = 4;
	c->top_k = 2;
	c->batch = 64;
	c->lr = 0.01;
	c->seed = 1;
}

NnStatus moe_init(Moe *m, const MoeConfig *c)
{
	size_t E = c->n_experts, B = c->batch, k = c->top_k, e;
	NnStatus st;

	memset(m, 0, sizeof *m);
	if (c->task >= MOE_TASK_COUNT || E == 0 || k == 0 || k > E || B == 0)
		return NN_ERR_ARG;
	m->cfg = *c;
	m->n_in = m->n_out = 1;
	rng_seed(&m->rng, c->seed);
	st = mlp_unit_init_adam(&m->router, m->n_in, c->router_hidden, c->router_hidden > 0, E,
				ACT_TANH, B, c->lr, &m->rng);
	if (st == NN_OK && !(m->expert = calloc(E, sizeof *m->expert)))
		st = NN_ERR_NOMEM;
	for (e = 0; st == NN_OK && e < E; e++)
		st = mlp_unit_init_adam(&m->expert[e], m->n_in, c->expert_hidden,
					c->expert_hidden > 0, m->n_out, ACT_TANH, B, c->lr, &m->rng);
	if (st == NN_OK) {
		m->choice = calloc(2 * B * k + E + E * B, sizeof *m->choice);
		m->gate = calloc(2 * B * k + B * E + E * B * (m->n_in + m->n_out) +
				         2 * B * m->n_out + B * E + B * (m->n_in + m->n_out),
				 sizeof *m->gate);
		if (!m->choice || !m->gate)
			st = NN_ERR_NOMEM;
	}
	if (st != NN_OK) {
		moe_free(m);
		return st;
	}
	m->slot = m->choice + B * k;
	m->count = m->slot + B * k;
	m->rows = m->count + E;
	m->dg = m->gate + B * k;
	m->prob = m->dg + B * k;
	m->xe = m->prob + B * E;
	m->dze = m->xe + E * B * m->n_in;
	m->y = m->dze + E * B * m->n_out;
	m->dy = m->y + B * m->n_out;
	m->dl = m->dy + B * m->n_out;
	m->x = m->dl + B * E;
	m->t = m->x + B * m->n_in;
	return NN_OK;
}

void moe_free(Moe *m)
{
	size_t e;

	mlp_unit_free(&m->router);
	if (m->expert)
		for (e = 0; e < m->cfg.n_experts; e++)
			mlp_unit_free(&m->expert[e]);
	free(m->expert);
	free(m->choice);
	free(m->gate);
	memset(m, 0, sizeof *m);
}

/* ch: (k) the indices of the k largest of l: (E), largest first, ties to the lower. */
static void top_k(size_t *ch, const double *l, size_t E, size_t k)
{
	size_t j, i, a;

	for (j = 0; j < k; j++) {
		size_t best = E;
		for (i = 0; i < E; i++) {
			int taken = 0;
			for (a = 0; a < j; a++)
				taken |= ch[a] == i;
			if (!taken && (best == E || l[i] > l[best]))
				best = i;
		}
		ch[j] = best;
	}
}

const double *moe_forward(Moe *m, const double *x, size_t n)
{
	size_t E = m->cfg.n_experts, k = m->cfg.top_k, B = m->cfg.batch;
	size_t ni = m->n_in, no = m->n_out, r, j, e, c;
	const double *l;

	m->n = n;
	mlp_unit_forward(&m->router, x, n);
	l = mlp_unit_out(&m->router);
	memset(m->count, 0, E * sizeof *m->count);
	for (r = 0; r < n; r++) {
		size_t *ch = m->choice + r * k;
		double *p = m->prob + r * E, sum = 0.0;
		loss_softmax(p, l + r * E, E);
		top_k(ch, l + r * E, E, k);
		for (j = 0; j < k; j++)
			sum += p[ch[j]];
		for (j = 0; j < k; j++) {
			e = ch[j];
			m->gate[r * k + j] = m->cfg.renormalize ? p[e] / sum : p[e];
			m->slot[r * k + j] = m->count[e];
			m->rows[e * B + m->count[e]] = r;
			memcpy(m->xe + (e * B + m->count[e]) * ni, x + r * ni, ni * sizeof *x);
			m->count[e]++;
		}
	}
	for (e = 0; e < E; e++)
		if (m->count[e] > 0)
			mlp_unit_forward(&m->expert[e], m->xe + e * B * ni, m->count[e]);
	memset(m->y, 0, n * no * sizeof *m->y);
	for (r = 0; r < n; r++)
		for (j = 0; j < k; j++) {
			const double *o = mlp_unit_out(&m->expert[m->choice[r * k + j]]) +
					  m->slot[r * k + j] * no;
			for (c = 0; c < no; c++)
				m->y[r * no + c] += m->gate[r * k + j] * o[c];
		}
	return m->y;
}

double moe_loss(Moe *m, const double *x, const double *t, size_t n)
{
	size_t i, N = n * m->n_out;
	double s = 0.0;

	moe_forward(m, x, n);
	for (i = 0; i < N; i++)
		s += (m->y[i] - t[i]) * (m->y[i] - t[i]);
	return s / (double)N;
}

void moe_backward(Moe *m, const double *x, const double *t, size_t n)
{
	size_t E = m->cfg.n_experts, k = m->cfg.top_k, B = m->cfg.batch;
	size_t ni = m->n_in, no = m->n_out, r, j, e, c;

	for (r = 0; r < n * no; r++)
		m->dy[r] = 2.0 * (m->y[r] - t[r]) / (double)(n * no);
	for (r = 0; r < n; r++) {
		const size_t *ch = m->choice + r * k;
		const double *p = m->prob + r * E, *g = m->gate + r * k, *dy = m->dy + r * no;
		double *dg = m->dg + r * k, *dl = m->dl + r * E, dot = 0.0;
		/* into the chosen experts' outputs, and dg_j = dy . E_j(x) */
		for (j = 0; j < k; j++) {
			size_t at = ch[j] * B + m->slot[r * k + j];
			const double *o = mlp_unit_out(&m->expert[ch[j]]) + m->slot[r * k + j] * no;
			dg[j] = 0.0;
			for (c = 0; c < no; c++) {
				dg[j] += dy[c] * o[c];
				m->dze[at * no + c] = g[j] * dy[c];
			}
		}
		/* into the router's logits */
		if (m->cfg.renormalize) {
			for (j = 0; j < k; j++)
				dot += g[j] * dg[j];
			memset(dl, 0, E * sizeof *dl);
			for (j = 0; j < k; j++)
				dl[ch[j]] = g[j] * (dg[j] - dot);
		} else {
			for (j = 0; j < k; j++)
				dot += p[ch[j]] * dg[j];
			for (e = 0; e < E; e++)
				dl[e] = -p[e] * dot;
			for (j = 0; j < k; j++)
				dl[ch[j]] += p[ch[j]] * dg[j];
		}
	}
	mlp_unit_backward(&m->router, x, m->dl, n);
	for (e = 0; e < E; e++)
		if (m->count[e] > 0)
			mlp_unit_backward(&m->expert[e], m->xe + e * B * ni, m->dze + e * B * no,
					  m->count[e]);
}

double moe_step(Moe *m)
{
	size_t B = m->cfg.batch, e;
	double l;

	moe_task_sample(m->x, m->t, m->cfg.task, B, &m->rng);
	l = moe_loss(m, m->x, m->t, B);
	mlp_unit_zero_grad(&m->router);
	for (e = 0; e < m->cfg.n_experts; e++)
		mlp_unit_zero_grad(&m->expert[e]);
	moe_backward(m, m->x, m->t, B);
	mlp_unit_step(&m->router);
	for (e = 0; e < m->cfg.n_experts; e++)
		mlp_unit_step(&m->expert[e]);
	m->steps++;
	return l;
}

size_t moe_route(Moe *m, const double *x)
{
	size_t best;

	mlp_unit_forward(&m->router, x, 1);
	top_k(&best, mlp_unit_out(&m->router), m->cfg.n_experts, 1);
	return best;
}
