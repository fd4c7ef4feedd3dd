/* pairs.h: a few dozen short English -> French sentence pairs with their vocabularies and
 * token ids, for the sequence-to-sequence lessons (short ones, and longer ones to show
 * accuracy falling with length). libc only; constant tables, no I/O, no allocation. */
#ifndef NN_NN_PAIRS_H
#define NN_NN_PAIRS_H

#include <stddef.h>

typedef enum { PAIRS_EN, PAIRS_FR } PairsLang;

/* The special tokens, the same ids in both vocabularies: padding, begin, end. */
enum { PAIRS_PAD, PAIRS_BOS, PAIRS_EOS, PAIRS_SPECIALS };

/* Not a word of the vocabulary. */
#define PAIRS_UNKNOWN ((size_t)-1)

/* The number of pairs. */
size_t pairs_count(void);

/* Pair i's sentence in lang: lower case, words separated by single spaces, no
 * punctuation (French elisions are avoided so every word stands alone); UTF-8. */
const char *pairs_text(size_t i, PairsLang lang);

/* The vocabulary's size (the special tokens included). */
size_t pairs_vocab_size(PairsLang lang);

/* The word of an id: "<pad>", "<bos>", "<eos>", then the words; "?" beyond. */
const char *pairs_word(PairsLang lang, size_t id);

/* The id of the len bytes at word, or PAIRS_UNKNOWN. */
size_t pairs_lookup(PairsLang lang, const char *word, size_t len);

/* ids: room for max; the ids of pair i's words in lang (no BOS or EOS); returns how many
 * words the sentence has (only max are written when it has more). */
size_t pairs_tokens(size_t *ids, size_t max, size_t i, PairsLang lang);

/* The most words a sentence of lang has. */
size_t pairs_max_len(PairsLang lang);

#endif
