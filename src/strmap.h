/* strmap.h: a map from strings to numbers (open addressing, grown by
 * doubling), the keys copied into the caller's arena. For interning words
 * and names. */
#ifndef STRMAP_H
#define STRMAP_H

#include <stddef.h>

#include "arena.h"

typedef struct strmap_slot {
    const char *k; /* NUL-terminated copy, NULL: empty */
    size_t n;
    size_t v;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap, n; /* cap: 0 or a power of two, above twice n */
} strmap;

/* The value of k[0..n), or -1 when absent. */
long strmap_get(const strmap *m, const char *k, size_t n);
/* Adds k[0..n) with value v unless present. Returns 1 when added, 0 when
 * it was there (*got, if not NULL, receives its value either way), or
 * KR_ENOMEM. */
int strmap_put(strmap *m, kr_arena *a, const char *k, size_t n, size_t v, size_t *got);
void strmap_free(strmap *m); /* the slots; keys live in the arena */

#endif
