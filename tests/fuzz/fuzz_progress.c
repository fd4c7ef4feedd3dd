/* fuzz_progress.c: the libFuzzer target for the progress file: any bytes as the file,
 * opened, changed, saved and opened again, and every key must come back with its
 * value (the round trip of the writer's escaping and the reader's parsing). Comment
 * lines "#set KEY VALUE" in the input are set as this instance's changes, and the
 * whole input is set as one more value when it is valid UTF-8 (so values hold every
 * character the writer must escape). Links src/app/progress.c and base only. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/progress.h"
#include "base/utf8.h"
#include "fuzz/fuzz.h"

#define MAX_SETS 64

/* The keys and values of a store, in its sorted order. */
typedef struct {
	char **kv; /* key, value, key, value... */
	size_t n, cap;
} Entries;

static void collect(const char *key, const char *value, void *ctx)
{
	Entries *e = ctx;

	if (e->n + 2 > e->cap) {
		e->cap = e->cap ? 2 * e->cap : 64;
		e->kv = realloc(e->kv, e->cap * sizeof *e->kv);
		FUZZ_ASSERT(e->kv != NULL);
	}
	e->kv[e->n++] = strdup(key);
	e->kv[e->n++] = strdup(value);
	FUZZ_ASSERT(e->kv[e->n - 2] && e->kv[e->n - 1]);
}

static void entries_free(Entries *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->kv[i]);
	free(e->kv);
}

/* The "#set KEY VALUE" lines, set in p (a set the store refuses is no change). */
static void set_lines(Progress *p, const uint8_t *data, size_t size)
{
	static const char kw[] = "#set ";
	size_t i = 0, sets = 0;
	char key[300], *value;

	while (i < size && sets < MAX_SETS) {
		const char *line = (const char *)data + i;
		const char *nl = memchr(line, '\n', size - i), *sp;
		size_t len = nl ? (size_t)(nl - line) : size - i;

		i += len + (nl != NULL);
		if (len < sizeof kw - 1 || memcmp(line, kw, sizeof kw - 1) != 0)
			continue;
		line += sizeof kw - 1;
		len -= sizeof kw - 1;
		sp = memchr(line, ' ', len);
		if (!sp || (size_t)(sp - line) >= sizeof key || memchr(line, '\0', len))
			continue;
		memcpy(key, line, (size_t)(sp - line));
		key[sp - line] = '\0';
		value = strndup(sp + 1, len - (size_t)(sp - line) - 1);
		FUZZ_ASSERT(value != NULL);
		progress_set(p, key, value);
		free(value);
		sets++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[4096], bak[4096];
	Progress *p, *q;
	ProgressStatus st;
	Entries before = {NULL, 0, 0}, after = {NULL, 0, 0};
	size_t i;

	snprintf(path, sizeof path, "%s", fuzz_tmp_write("progress", data, size));
	p = progress_open(path, &st, bak, sizeof bak);
	FUZZ_ASSERT(p != NULL);
	if (st == PROGRESS_RECOVERED) /* not a progress file: moved aside, a fresh store */
		FUZZ_ASSERT(bak[0] && unlink(bak) == 0);
	FUZZ_ASSERT(st == PROGRESS_OK || st == PROGRESS_RECOVERED);
	set_lines(p, data, size);
	if (size && !memchr(data, '\0', size) && utf8_validate((const char *)data, size) == size) {
		char *all = strndup((const char *)data, size);
		FUZZ_ASSERT(all != NULL);
		FUZZ_ASSERT(progress_set(p, "fuzz.input", all) == 0);
		FUZZ_ASSERT(strcmp(progress_get(p, "fuzz.input"), all) == 0);
		free(all);
	}
	FUZZ_ASSERT(progress_save(p) == 0);
	progress_each(p, "", collect, &before);

	q = progress_open(path, &st, bak, sizeof bak);
	FUZZ_ASSERT(q != NULL);
	FUZZ_ASSERT(st == PROGRESS_OK); /* what it wrote, it reads */
	progress_each(q, "", collect, &after);
	FUZZ_ASSERT(after.n == before.n);
	for (i = 0; i < before.n; i++)
		FUZZ_ASSERT(strcmp(before.kv[i], after.kv[i]) == 0);

	entries_free(&before);
	entries_free(&after);
	progress_free(p);
	progress_free(q);
	unlink(path);
	return 0;
}
