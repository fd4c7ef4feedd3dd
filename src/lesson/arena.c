/* arena.c: a chunked bump allocator for document models.
 * Must not know about lessons or print; out of memory is the caller's longjmp or NULL. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/arena.h"

enum { ARENA_CHUNK = 64 * 1024 };

struct ArenaChunk {
	ArenaChunk *next;
	size_t size, used; /* bytes of data[], bytes taken */
	max_align_t data[];
};

void arena_init(Arena *a, size_t limit)
{
	a->head = NULL;
	a->used = 0;
	a->limit = limit;
	a->fail = NULL;
}

static void *arena_out_of_memory(Arena *a)
{
	if (a->fail)
		longjmp(*a->fail, 1);
	return NULL;
}

void *arena_alloc_raw(Arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	ArenaChunk *c = a->head;
	size_t size;
	void *p;

	if (n > SIZE_MAX / 2)
		return arena_out_of_memory(a);
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (!c || c->size - c->used < n) {
		size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		if (a->limit && (a->used + size > a->limit || a->used + size < a->used))
			return arena_out_of_memory(a);
		c = malloc(sizeof *c + size);
		if (!c)
			return arena_out_of_memory(a);
		c->size = size;
		c->used = 0;
		a->used += size;
		if (a->head && size != ARENA_CHUNK) {
			/* A big block gets a chunk of its own behind the current one, so the
			 * current chunk's free room is not wasted. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

void *arena_alloc(Arena *a, size_t n)
{
	void *p = arena_alloc_raw(a, n);

	if (p)
		memset(p, 0, n);
	return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_raw(a, n + 1);

	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *arena_grow(Arena *a, void *old, size_t n, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 4;
	void *p;

	if (need <= *cap)
		return old;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			return arena_out_of_memory(a);
		c *= 2;
	}
	p = arena_alloc(a, c * size);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, old, n * size);
	*cap = c;
	return p;
}

void arena_free(Arena *a)
{
	ArenaChunk *c = a->head;

	while (c) {
		ArenaChunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used = 0;
}
