/* skipgram.h: skip-gram word embeddings (word2vec) trained on a corpus (corpus.h), with
 * the full softmax over the small vocabulary or negative sampling; cosine similarity,
 * nearest neighbours, and a 2-D projection (PCA by power iteration) for drawing.
 * libc and libm only; everything is allocated in skipgram_init, nothing in
 * skipgram_step. */
#ifndef NN_NN_SKIPGRAM_H
#define NN_NN_SKIPGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "nn/corpus.h"
#include "nn/optim.h"

/* Each word w has an input vector v_w (its embedding) and an output vector u_w, both
 * (dim). For a pair (center c, context o), mean over the batch of:
 *   softmax (negatives = 0): L = -log softmax(U v_c)_o = -u_o.v_c + log sum_w e^(u_w.v_c)
 *     dL/du_w = (p_w - [w = o]) v_c,  dL/dv_c = sum_w (p_w - [w = o]) u_w
 *   negative sampling (negatives = k > 0), n_1..n_k drawn from unigram^(3/4):
 *     L = -log sigmoid(u_o.v_c) - sum_j log sigmoid(-u_(n_j).v_c)
 *     dL/du_o = (sigmoid(u_o.v_c) - 1) v_c,  dL/du_(n_j) = sigmoid(u_(n_j).v_c) v_c,
 *     dL/dv_c = (sigmoid(u_o.v_c) - 1) u_o + sum_j sigmoid(u_(n_j).v_c) u_(n_j)
 * Start (word2vec's): v ~ U(-0.5/dim, 0.5/dim), u = 0. Trained by Adam over batches of
 * pairs drawn uniformly from the corpus's pairs. */
typedef struct {
	size_t dim;       /* 10 */
	size_t window;    /* 2 */
	size_t negatives; /* 0: the full softmax; k: negative sampling: 0 */
	size_t batch;     /* pairs per step: 64 */
	double lr;        /* Adam: 0.02 */
	uint64_t seed;    /* of the start and of the batches and negatives */
} SkipGramConfig;

typedef struct {
	SkipGramConfig cfg;
	size_t V;
	double *params; /* (2 V dim): v (V, dim), the embeddings, then u (V, dim) */
	double *grad;   /* (2 V dim) */
	Optim opt;
	Rng rng;
	size_t n_pairs;
	size_t *pairs;  /* (n_pairs, 2) all (center, context) pairs of the corpus */
	size_t *bpairs; /* (batch, 2) the step's pairs */
	size_t *neg;    /* (batch, negatives) the step's negatives */
	double *cum;    /* (V) the cumulative noise distribution unigram^(3/4) */
	double *score;  /* (V) scratch: scores, then p - onehot */
	double *work;   /* (dim dim + 3 dim) for skipgram_project */
	size_t steps;
} SkipGram;

void skipgram_defaults(SkipGramConfig *c);

/* Prepares embeddings for c's vocabulary and takes its pairs (the corpus is not kept).
 * NN_ERR_ARG for a zero size or a corpus without pairs; on failure s is empty. */
NnStatus skipgram_init(SkipGram *s, const Corpus *c, const SkipGramConfig *cfg);

/* Releases everything. Safe on a zeroed SkipGram. */
void skipgram_free(SkipGram *s);

/* pairs: (n, 2) neg: (n, negatives) (NULL for the softmax); the mean loss (above). */
double skipgram_loss(SkipGram *s, const size_t *pairs, size_t n, const size_t *neg);

/* grad: (2 V dim); the twin of skipgram_loss: ADDS its gradient. */
void skipgram_backward(double *grad, SkipGram *s, const size_t *pairs, size_t n,
                       const size_t *neg);

/* neg: (n) words drawn from the noise distribution unigram^(3/4) with s's RNG. */
void skipgram_draw_negatives(size_t *neg, SkipGram *s, size_t n);

/* One step: a batch of pairs drawn uniformly (and its negatives), the loss, one Adam
 * update. Returns the batch's loss before the update. */
double skipgram_step(SkipGram *s);

/* The embedding v_w: (dim). */
const double *skipgram_vector(const SkipGram *s, size_t w);

/* cos(v_a, v_b) = v_a.v_b / (|v_a| |v_b|) (0 when either is 0). */
double skipgram_cosine(const SkipGram *s, size_t a, size_t b);

/* ids: (k) sims: (k) or NULL; the k words most cosine-similar to w, w itself left out,
 * best first (ties: the lower id). k < V. */
void skipgram_nearest(size_t *ids, double *sims, const SkipGram *s, size_t w, size_t k);

/* mean: (G, G); mean[a G + b] = the mean of cos(v_i, v_j) over words i of group a and
 * j of group b, i != j (group: (V), each word's group 0 .. G-1, or -1 for a word left
 * out); 0 where there is no such pair. */
void skipgram_group_cosines(double *mean, const SkipGram *s, const int *group, size_t G);

/* Whether every group is nearer itself than any other: for every a,
 * mean[a G + a] > mean[a G + b] for all b != a (mean: (G, G) from
 * skipgram_group_cosines). */
int skipgram_grouped(const double *mean, size_t G);

/* xy: (n, 2) axes: (2, dim) or NULL x: (n, dim) work: (dim dim + 3 dim); the projection of
 * the centred rows of x on the two leading principal axes, found by power iteration on
 * the covariance C = X^T X / n (the second after deflating C by the first), from a start
 * drawn from r; an axis's sign is chosen so its largest component is positive. */
void skipgram_pca(double *xy, double *axes, const double *x, size_t n, size_t dim,
                  double *work, Rng *r);

/* xy: (V, 2); skipgram_pca of the embeddings, with s's own RNG and workspace. */
void skipgram_project(double *xy, SkipGram *s);

#endif
