/* arena.c: bump allocator in a chain of blocks; big requests get a block of
 * their own so one huge document does not waste a fixed block size. */
#include "arena.h"

#include <string.h>

#define ARENA_BLOCK 65536
#define ARENA_ALIGN 16

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} block;

struct kr_arena {
    block *head;  /* current block, first in the chain */
    size_t total; /* bytes obtained from kr_malloc */
};

kr_arena *arena_new(void)
{
    return kr_calloc(1, sizeof(kr_arena));
}

void arena_free(kr_arena *a)
{
    block *b, *next;
    if (!a)
        return;
    for (b = a->head; b; b = next) {
        next = b->next;
        kr_free(b);
    }
    kr_free(a);
}

void *arena_alloc(kr_arena *a, size_t n)
{
    block *b = a->head;
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < n)
        return NULL;
    if (!b || b->size - b->used < need) {
        size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
        block *nb;
        if (size > SIZE_MAX - sizeof(block))
            return NULL;
        nb = kr_malloc(sizeof(block) + size);
        if (!nb)
            return NULL;
        nb->size = size;
        nb->used = 0;
        a->total += sizeof(block) + size;
        if (b && size > ARENA_BLOCK) {
            /* Keep filling the current block; park the big one behind it. */
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    b->used += need;
    return b->data + b->used - need;
}

char *arena_strndup(kr_arena *a, const char *s, size_t n)
{
    char *r = arena_alloc(a, n + 1);
    if (!r)
        return NULL;
    if (n)
        memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

void arena_reset(kr_arena *a)
{
    block *b, *next, *keep = NULL;
    for (b = a->head; b; b = next) {
        next = b->next;
        if (!keep && b->size == ARENA_BLOCK)
            keep = b;
        else
            kr_free(b);
    }
    a->head = keep;
    a->total = 0;
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
        a->total = sizeof(block) + keep->size;
    }
}

size_t arena_footprint(const kr_arena *a)
{
    return a->total;
}
