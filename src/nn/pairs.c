/* pairs.c: the English -> French pairs and both vocabularies (every word of the
 * sentences, in order of first use). libc only; constant tables. */
#include <config.h>

#include <string.h>

#include "nn/pairs.h"

static const char *const text[][2] = {
    /* short: three or four words */
    {"the cat sits", "le chat est assis"},
    {"the dog sleeps", "le chien dort"},
    {"the cat sleeps", "le chat dort"},
    {"the dog runs", "le chien court"},
    {"the girl sings", "la fille chante"},
    {"the boy eats", "le garçon mange"},
    {"the girl reads", "la fille lit"},
    {"the boy runs", "le garçon court"},
    {"the cat eats", "le chat mange"},
    {"the dog eats", "le chien mange"},
    {"a cat sleeps", "un chat dort"},
    {"a dog runs", "un chien court"},
    {"the house is big", "la maison est grande"},
    {"the house is small", "la maison est petite"},
    {"the car is red", "la voiture est rouge"},
    {"the car is fast", "la voiture est rapide"},
    {"the cat is black", "le chat est noir"},
    {"the dog is white", "le chien est blanc"},
    {"i am happy", "je suis content"},
    {"you are tired", "tu es fatigué"},
    {"we are here", "nous sommes ici"},
    {"they sing", "ils chantent"},
    {"the cats sleep", "les chats dorment"},
    {"the dogs run", "les chiens courent"},
    /* middle: four or five words */
    {"she reads a book", "elle lit un livre"},
    {"he eats an apple", "il mange une pomme"},
    {"i see the cat", "je vois le chat"},
    {"you see the dog", "tu vois le chien"},
    {"the girl sees the house", "la fille voit la maison"},
    {"the boy has a dog", "le garçon a un chien"},
    {"the girl has a cat", "la fille a un chat"},
    {"i want the red car", "je veux la voiture rouge"},
    /* long: seven to eleven words */
    {"the black cat sleeps in the small house", "le chat noir dort dans la petite maison"},
    {"the white dog runs in the garden", "le chien blanc court dans le jardin"},
    {"the boy eats an apple in the garden", "le garçon mange une pomme dans le jardin"},
    {"the girl reads a book in the big house", "la fille lit un livre dans la grande maison"},
    {"we see the red car and the white dog",
     "nous voyons la voiture rouge et le chien blanc"},
    {"the cats sleep and the dogs run in the garden",
     "les chats dorment et les chiens courent dans le jardin"},
    {"she has a small black cat and a big white dog",
     "elle a un petit chat noir et un grand chien blanc"},
    {"the tired boy sleeps in the small house tonight",
     "le garçon fatigué dort dans la petite maison ce soir"},
};

#define N_PAIRS (sizeof text / sizeof text[0])

static const char *const en_words[] = {
    "<pad>", "<bos>",  "<eos>", "the",   "cat",   "sits",  "dog",  "sleeps", "runs",  "girl",
    "sings", "boy",    "eats",  "reads", "a",     "house", "is",   "big",    "small", "car",
    "red",   "fast",   "black", "white", "i",     "am",    "happy", "you",   "are",   "tired",
    "we",    "here",   "they",  "sing",  "cats",  "sleep", "dogs", "run",    "she",   "book",
    "he",    "an",     "apple", "see",   "sees",  "has",   "want", "in",     "garden", "and",
    "tonight"};

static const char *const fr_words[] = {
    "<pad>",   "<bos>",   "<eos>",  "le",      "chat",   "est",    "assis",    "chien",
    "dort",    "court",   "la",     "fille",   "chante", "garçon", "mange",    "lit",
    "un",      "maison",  "grande", "petite",  "voiture", "rouge", "rapide",   "noir",
    "blanc",   "je",      "suis",   "content", "tu",     "es",     "fatigué",  "nous",
    "sommes",  "ici",     "ils",    "chantent", "les",   "chats",  "dorment",  "chiens",
    "courent", "elle",    "livre",  "il",      "une",    "pomme",  "vois",     "voit",
    "a",       "veux",    "dans",   "jardin",  "voyons", "et",     "petit",    "grand",
    "ce",      "soir"};

static const char *const *vocab(PairsLang lang, size_t *n)
{
	if (lang == PAIRS_EN) {
		*n = sizeof en_words / sizeof en_words[0];
		return en_words;
	}
	*n = sizeof fr_words / sizeof fr_words[0];
	return fr_words;
}

size_t pairs_count(void)
{
	return N_PAIRS;
}

const char *pairs_text(size_t i, PairsLang lang)
{
	return i < N_PAIRS ? text[i][lang == PAIRS_FR] : "";
}

size_t pairs_vocab_size(PairsLang lang)
{
	size_t n;

	vocab(lang, &n);
	return n;
}

const char *pairs_word(PairsLang lang, size_t id)
{
	size_t n;
	const char *const *w = vocab(lang, &n);

	return id < n ? w[id] : "?";
}

size_t pairs_lookup(PairsLang lang, const char *word, size_t len)
{
	size_t n, i;
	const char *const *w = vocab(lang, &n);

	for (i = PAIRS_SPECIALS; i < n; i++)
		if (strlen(w[i]) == len && memcmp(w[i], word, len) == 0)
			return i;
	return PAIRS_UNKNOWN;
}

size_t pairs_tokens(size_t *ids, size_t max, size_t i, PairsLang lang)
{
	const char *s = pairs_text(i, lang);
	size_t count = 0;

	while (*s) {
		size_t len = strcspn(s, " ");
		if (count < max)
			ids[count] = pairs_lookup(lang, s, len);
		count++;
		s += len;
		s += *s == ' ';
	}
	return count;
}

size_t pairs_max_len(PairsLang lang)
{
	size_t i, most = 0;

	for (i = 0; i < N_PAIRS; i++) {
		size_t n = pairs_tokens(NULL, 0, i, lang);
		if (n > most)
			most = n;
	}
	return most;
}
