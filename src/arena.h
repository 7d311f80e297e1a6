/* arena.h: a bump allocator for per-document data. Everything a document's
 * analysis allocates lives in one arena that is reset in one call once the
 * document is stored, so memory stays bounded by the largest document. */
#ifndef ARENA_H
#define ARENA_H

#include "kr.h"

typedef struct kr_arena kr_arena;

kr_arena *arena_new(void);
void arena_free(kr_arena *a); /* arena_free(NULL) is a no-op */
/* Returns n bytes aligned for any type, or NULL on allocation failure.
 * Valid until the next arena_reset/arena_free. */
void *arena_alloc(kr_arena *a, size_t n);
/* Copies s[0..n) and appends a NUL; NULL on failure. */
char *arena_strndup(kr_arena *a, const char *s, size_t n);
/* Frees all but the first block and rewinds it. */
void arena_reset(kr_arena *a);
/* Bytes currently allocated from the system (for tests and --stats). */
size_t arena_footprint(const kr_arena *a);

#endif
