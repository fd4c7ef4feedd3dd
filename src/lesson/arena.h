/* arena.h: the per-document allocator: many small allocations, one free releases all.
 * Depends on libc only; knows nothing about lessons. */
#ifndef NN_LESSON_ARENA_H
#define NN_LESSON_ARENA_H

#include <setjmp.h>
#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct {
	ArenaChunk *head; /* the chunk being filled; older chunks follow */
	size_t used;      /* bytes taken from the system so far */
	size_t limit;     /* the most it may take; 0: no limit */
	jmp_buf *fail;    /* where to jump when memory runs out; NULL: return NULL */
} Arena;

/* Starts an empty arena that may take at most limit bytes (0: unlimited). Allocates
 * nothing yet. */
void arena_init(Arena *a, size_t limit);

/* Returns n zeroed bytes aligned for any type, valid until arena_free. When memory
 * runs out (or the limit is reached) it longjmps to *a->fail if set, else returns
 * NULL. n == 0 returns a valid unique pointer. */
void *arena_alloc(Arena *a, size_t n);

/* As arena_alloc, but the bytes are not zeroed: for a buffer the caller fills. */
void *arena_alloc_raw(Arena *a, size_t n);

/* Copies n bytes of s into the arena and adds a terminating NUL. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* Returns room for at least need elements of size bytes, keeping the first n
 * elements of old (which holds *cap elements, or is NULL with *cap == 0). Grows by
 * doubling, so building an array costs at most twice its final size; updates *cap. */
void *arena_grow(Arena *a, void *old, size_t n, size_t *cap, size_t need, size_t size);

/* Releases everything the arena holds; the arena is empty and reusable after. */
void arena_free(Arena *a);

#endif
