/* corpus.c: the sentence templates, generation, vocabulary and skip-gram pairs.
 * libc only. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "nn/corpus.h"

static const char *const group_names[CORPUS_GROUPS] = {"fruit", "animals", "royalty",
						      "colours"};

static const char *const group_words[CORPUS_GROUPS][CORPUS_GROUP_WORDS] = {
    {"apple", "banana", "cherry", "grape", "mango", "pear"},
    {"cat", "dog", "horse", "tiger", "rabbit", "wolf"},
    {"king", "queen", "prince", "princess", "duke", "emperor"},
    {"red", "blue", "green", "yellow", "purple", "pink"},
};

enum { TEMPLATES = 6 };

/* Words separated by one space; "*" is a slot for a word of the group. */
static const char *const templates[CORPUS_GROUPS][TEMPLATES] = {
    {"i eat a ripe *", "the * tastes sweet", "she peels the *", "fresh * juice",
     "a bowl of * slices", "* and * in a basket"},
    {"the * runs in the field", "a wild * sleeps", "we feed the hungry *",
     "the * has soft fur", "a * chases its tail", "the * and the * play together"},
    {"the * rules the kingdom", "long live the *", "the * wears a golden crown",
     "the * sits on the throne", "the court bows to the *",
     "the * and the * dance at the ball"},
    {"she paints the wall *", "a bright * shade", "the sky turns *", "he wears a * shirt",
     "mix * paint", "* and * stripes"},
};

const char *corpus_group_name(size_t g)
{
	return g < CORPUS_GROUPS ? group_names[g] : "?";
}

/* The id of the word of length len at s, or -1. */
static int find_n(const Corpus *c, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < c->n_words; i++)
		if (strncmp(c->word[i], s, len) == 0 && c->word[i][len] == '\0')
			return (int)i;
	return -1;
}

int corpus_find(const Corpus *c, const char *w)
{
	return find_n(c, w, strlen(w));
}

/* Builds the vocabulary (c->word, c->group, c->text) from the tables. */
static NnStatus build_vocab(Corpus *c)
{
	size_t chars = 0, max_words = CORPUS_GROUPS * CORPUS_GROUP_WORDS, g, j, at = 0;
	char *p;

	for (g = 0; g < CORPUS_GROUPS; g++)
		for (j = 0; j < TEMPLATES; j++) {
			chars += strlen(templates[g][j]) + 1;
			max_words += strlen(templates[g][j]) / 2 + 1;
		}
	for (g = 0; g < CORPUS_GROUPS; g++)
		for (j = 0; j < CORPUS_GROUP_WORDS; j++)
			chars += strlen(group_words[g][j]) + 1;
	c->text = malloc(chars);
	c->word = malloc(max_words * sizeof *c->word);
	c->group = malloc(max_words * sizeof *c->group);
	if (!c->text || !c->word || !c->group)
		return NN_ERR_NOMEM;
	p = c->text;
	for (g = 0; g < CORPUS_GROUPS; g++)
		for (j = 0; j < CORPUS_GROUP_WORDS; j++) {
			size_t n = strlen(group_words[g][j]) + 1;
			memcpy(p, group_words[g][j], n);
			c->word[at] = p;
			c->group[at++] = (int)g;
			p += n;
			c->n_words = at;
		}
	for (g = 0; g < CORPUS_GROUPS; g++)
		for (j = 0; j < TEMPLATES; j++) {
			const char *s = templates[g][j];
			while (*s) {
				size_t len = strcspn(s, " ");
				if (!(len == 1 && *s == '*') && find_n(c, s, len) < 0) {
					memcpy(p, s, len);
					p[len] = '\0';
					c->word[at] = p;
					c->group[at++] = -1;
					c->n_words = at;
					p += len + 1;
				}
				s += len;
				s += *s == ' ';
			}
		}
	return NN_OK;
}

/* The number of words of the longest template. */
static size_t longest_template(void)
{
	size_t g, j, most = 0;

	for (g = 0; g < CORPUS_GROUPS; g++)
		for (j = 0; j < TEMPLATES; j++) {
			const char *s = templates[g][j];
			size_t n = 1;
			for (; *s; s++)
				n += *s == ' ';
			if (n > most)
				most = n;
		}
	return most;
}

NnStatus corpus_generate(Corpus *c, size_t n_sentences, Rng *r)
{
	size_t most = longest_template(), s, at = 0;
	NnStatus st;

	memset(c, 0, sizeof *c);
	if (n_sentences == 0 || n_sentences > ((size_t)1 << 32) / most)
		return NN_ERR_ARG;
	st = build_vocab(c);
	if (st == NN_OK) {
		c->token = malloc(n_sentences * most * sizeof *c->token);
		c->sent = malloc((n_sentences + 1) * sizeof *c->sent);
		if (!c->token || !c->sent)
			st = NN_ERR_NOMEM;
	}
	if (st != NN_OK) {
		corpus_free(c);
		return st;
	}
	for (s = 0; s < n_sentences; s++) {
		size_t g = (size_t)rng_below(r, CORPUS_GROUPS);
		const char *t = templates[g][rng_below(r, TEMPLATES)];
		size_t first = 0, slots = 0; /* the word of the first slot */
		c->sent[s] = at;
		while (*t) {
			size_t len = strcspn(t, " ");
			if (len == 1 && *t == '*') {
				/* a second slot draws from the other words of the group */
				size_t w = (size_t)rng_below(r, CORPUS_GROUP_WORDS - (slots > 0));
				if (slots++ == 0)
					first = w;
				else if (w >= first)
					w++;
				c->token[at++] = g * CORPUS_GROUP_WORDS + w;
			} else {
				c->token[at++] = (size_t)find_n(c, t, len);
			}
			t += len;
			t += *t == ' ';
		}
	}
	c->sent[n_sentences] = at;
	c->n_sentences = n_sentences;
	c->n_tokens = at;
	return NN_OK;
}

void corpus_free(Corpus *c)
{
	free(c->word);
	free(c->group);
	free(c->text);
	free(c->token);
	free(c->sent);
	memset(c, 0, sizeof *c);
}

size_t corpus_pairs(size_t *pairs, size_t max, const Corpus *c, size_t window)
{
	size_t s, i, j, n = 0;

	for (s = 0; s < c->n_sentences; s++) {
		size_t a = c->sent[s], b = c->sent[s + 1];
		for (i = a; i < b; i++) {
			size_t lo = i - a > window ? i - window : a;
			size_t hi = b - i - 1 > window ? i + window : b - 1;
			for (j = lo; j <= hi; j++) {
				if (j == i)
					continue;
				if (pairs && n < max) {
					pairs[2 * n] = c->token[i];
					pairs[2 * n + 1] = c->token[j];
				}
				n++;
			}
		}
	}
	return n;
}

void corpus_unigram(double *freq, const Corpus *c)
{
	size_t i;

	memset(freq, 0, c->n_words * sizeof *freq);
	for (i = 0; i < c->n_tokens; i++)
		freq[c->token[i]] += 1.0;
	for (i = 0; i < c->n_words; i++)
		freq[i] /= (double)c->n_tokens;
}
