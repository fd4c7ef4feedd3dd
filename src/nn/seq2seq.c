/* seq2seq.c: batches of sentence pairs with padding, greedy decoding, exact-match checks,
 * training on every pair. libc only; no allocation. */
#include <config.h>

#include "nn/loss.h"
#include "nn/pairs.h"
#include "nn/seq2seq.h"

#define MAX_WORDS 64
#define MAX_PAIRS 64

int seq2seq_batch(size_t *src, size_t *tin, size_t *tout, const size_t *idx, size_t n,
                  size_t ts, size_t tt)
{
	size_t b, s, en[MAX_WORDS], fr[MAX_WORDS];

	for (b = 0; b < n; b++) {
		size_t ne = pairs_tokens(en, MAX_WORDS, idx[b], PAIRS_EN);
		size_t nf = pairs_tokens(fr, MAX_WORDS, idx[b], PAIRS_FR);
		if (ne > ts || nf >= tt || ne > MAX_WORDS || nf > MAX_WORDS)
			return -1;
		for (s = 0; s < ts; s++)
			src[s * n + b] = s < ts - ne ? PAIRS_PAD : en[s - (ts - ne)];
		for (s = 0; s < tt; s++) {
			tin[s * n + b] = s == 0 ? PAIRS_BOS : s <= nf ? fr[s - 1] : PAIRS_PAD;
			tout[s * n + b] = s < nf ? fr[s] : s == nf ? PAIRS_EOS : LOSS_IGNORE;
		}
	}
	return 0;
}

int seq2seq_decode(size_t *words, Net *net, const DemoModel *m, const size_t *idx, size_t n,
                   size_t ts, size_t tt)
{
	size_t *src = net_ids_of(net, m->x), *tin = net_ids_of(net, m->x2);
	size_t *tout = net_ids_of(net, m->target), vt = net->node[m->out].out, b, s, k;
	size_t finished = 0;

	if (seq2seq_batch(src, tin, tout, idx, n, ts, tt))
		return -1;
	for (s = 0; s < tt * n; s++) {
		tin[s] = s < n ? PAIRS_BOS : PAIRS_PAD;
		tout[s] = LOSS_IGNORE;
		words[s] = PAIRS_PAD;
	}
	for (s = 0; s < tt && finished < n; s++) {
		const double *logits = net_value(net, m->out) + s * n * vt;
		net_forward(net, n);
		for (b = 0; b < n; b++) {
			size_t best = 0;
			if (s > 0 && (words[b * tt + s - 1] == PAIRS_EOS ||
			              words[b * tt + s - 1] == PAIRS_PAD))
				continue; /* this row is done */
			for (k = 1; k < vt; k++)
				if (logits[b * vt + k] > logits[b * vt + best])
					best = k;
			words[b * tt + s] = best;
			finished += best == PAIRS_EOS;
			if (s + 1 < tt)
				tin[(s + 1) * n + b] = best;
		}
	}
	return 0;
}

int seq2seq_correct(const size_t *words, size_t tt, size_t i)
{
	size_t fr[MAX_WORDS], nf = pairs_tokens(fr, MAX_WORDS, i, PAIRS_FR), s;

	if (nf >= tt || nf > MAX_WORDS)
		return 0;
	for (s = 0; s < nf; s++)
		if (words[s] != fr[s])
			return 0;
	return words[nf] == PAIRS_EOS;
}

size_t seq2seq_words_right(const size_t *words, size_t tt, size_t i, size_t *total)
{
	size_t fr[MAX_WORDS], nf = pairs_tokens(fr, MAX_WORDS, i, PAIRS_FR), s, right = 0;

	*total = nf;
	for (s = 0; s < nf && s < tt && s < MAX_WORDS; s++)
		right += words[s] == fr[s];
	return right;
}

double seq2seq_train(Net *net, const DemoModel *m, Optim *o, Rng *r, size_t epochs,
                     size_t batch, size_t ts, size_t tt)
{
	size_t np = pairs_count(), idx[MAX_PAIRS], e, b, i;
	double sum = 0;

	if (np > MAX_PAIRS || !batch || batch > net->cap)
		return -1;
	for (i = 0; i < np; i++)
		idx[i] = i;
	for (e = 0; e < epochs; e++) {
		sum = 0;
		rng_shuffle(idx, np, r);
		for (b = 0; b < np; b += batch) {
			size_t n = np - b < batch ? np - b : batch;
			if (seq2seq_batch(net_ids_of(net, m->x), net_ids_of(net, m->x2),
			                  net_ids_of(net, m->target), idx + b, n, ts, tt))
				return -1;
			net_zero_grad(net);
			net_forward(net, n);
			net_backward(net, n, m->loss, NULL);
			optim_step(o, net->params, net->grads);
			sum += net_value(net, m->loss)[0] * (double)n;
		}
	}
	return sum / (double)np;
}
