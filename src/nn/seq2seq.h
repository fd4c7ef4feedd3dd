/* seq2seq.h: the sentence pairs (pairs.h) as batches for the GRU encoder-decoder of
 * demo.h, and its greedy decoding. libc only; no allocation. */
#ifndef NN_NN_SEQ2SEQ_H
#define NN_NN_SEQ2SEQ_H

#include <stddef.h>

#include "nn/demo.h"
#include "nn/optim.h"
#include "nn/rng.h"

/* Fills, for the pairs idx[0..n), time-major id arrays (step s of example b at s n + b):
 * src (ts, n): the English ids right-aligned after PAIRS_PAD, so the encoder's last
 * state follows the last word; tin (tt, n): PAIRS_BOS, the French ids, then PAIRS_PAD;
 * tout (tt, n): the French ids, PAIRS_EOS, then LOSS_IGNORE (padding counts for
 * nothing). Returns 0, or -1 when a sentence does not fit (more than ts English words,
 * or tt French words or more). */
int seq2seq_batch(size_t *src, size_t *tin, size_t *tout, const size_t *idx, size_t n,
                  size_t ts, size_t tt);

/* Greedy decoding of the pairs idx[0..n) (n <= net->cap) by a trained demo_seq2seq net:
 * the decoder's input starts with PAIRS_BOS and each step's most likely word becomes
 * the next input (one forward pass per step, stopping when every row has said
 * PAIRS_EOS). words: (n, tt) batch-major, each row the words up to and including the
 * first PAIRS_EOS, then PAIRS_PAD. The net's id inputs are overwritten. Returns 0, or -1
 * as seq2seq_batch. */
int seq2seq_decode(size_t *words, Net *net, const DemoModel *m, const size_t *idx, size_t n,
                   size_t ts, size_t tt);

/* Whether a decoded row (tt words) is exactly pair i's French then PAIRS_EOS. */
int seq2seq_correct(const size_t *words, size_t tt, size_t i);

/* The words of a decoded row (tt words) equal to pair i's French word at the same place;
 * *total: how many French words pair i has. */
size_t seq2seq_words_right(const size_t *words, size_t tt, size_t i, size_t *total);

/* Trains a finished demo_seq2seq or demo_seq2seq_attn net (cap >= batch) on every pair
 * for `epochs` passes, each pass in an order shuffled by r, one optimizer step per batch
 * of up to `batch` pairs. Returns the last pass's mean loss per pair, or -1 when a
 * sentence does not fit ts, tt or there are more than 64 pairs. */
double seq2seq_train(Net *net, const DemoModel *m, Optim *o, Rng *r, size_t epochs,
                     size_t batch, size_t ts, size_t tt);

#endif
