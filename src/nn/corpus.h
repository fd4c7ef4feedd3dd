/* corpus.h: a toy corpus generated from a seed, whose words fall into meaning groups
 * (fruit, animals, royalty, colours) that share contexts, its vocabulary, and the
 * skip-gram (center, context) pairs of a window. libc only; the corpus is allocated
 * once in corpus_generate. */
#ifndef NN_NN_CORPUS_H
#define NN_NN_CORPUS_H

#include <stddef.h>

#include "nn/rng.h"
#include "nn/status.h"

/* Each sentence: a group g uniformly, one of g's templates uniformly ("she peels the *",
 * "* and * in a basket", ...), each * filled with a word of g drawn uniformly (two *
 * of one sentence get two different words). Every template names only its own group's
 * words, so words of one group share their contexts and words of two groups do not,
 * apart from the common little words (the, a, and...). The vocabulary: the group words
 * first, group by group in a fixed order (CORPUS_GROUP_WORDS each), then every other
 * word in the order the templates first use it. */
#define CORPUS_GROUPS 4
#define CORPUS_GROUP_WORDS 6

typedef struct {
	size_t n_words;     /* V */
	const char **word;  /* (V) the words, lower case */
	int *group;         /* (V) the group of each word, or -1 for a context word */
	size_t n_tokens;
	size_t *token;      /* (n_tokens) word ids, sentence after sentence */
	size_t n_sentences;
	size_t *sent;       /* (n_sentences + 1) where each sentence starts in token */
	char *text;         /* the characters the words point into */
} Corpus;

/* "fruit", "animals", "royalty", "colours" (g < CORPUS_GROUPS), else "?". */
const char *corpus_group_name(size_t g);

/* Generates n_sentences >= 1 sentences from r (see above). NN_ERR_ARG for 0 sentences,
 * NN_ERR_NOMEM when out of memory (c is then empty). */
NnStatus corpus_generate(Corpus *c, size_t n_sentences, Rng *r);

/* Releases the corpus. Safe on a zeroed Corpus. */
void corpus_free(Corpus *c);

/* The id of word w, or -1 when it is not in the vocabulary. */
int corpus_find(const Corpus *c, const char *w);

/* pairs: (max, 2) or NULL; the skip-gram pairs of the corpus: for every token (the
 * center) every other token of its sentence at most `window` positions away (the
 * context), in order (sentence by sentence, center by center, offset -window up to
 * +window). Writes the first min(total, max) pairs; returns the total. */
size_t corpus_pairs(size_t *pairs, size_t max, const Corpus *c, size_t window);

/* freq: (V); freq_w = the number of tokens of word w / n_tokens. */
void corpus_unigram(double *freq, const Corpus *c);

#endif
