/* strmap.c: see strmap.h. */
#include "strmap.h"

#include <string.h>
#include <xxhash.h>

#include "kr.h"

static strmap_slot *slot_of(const strmap *m, const char *k, size_t n)
{
    size_t mask = m->cap - 1, i = (size_t)XXH3_64bits(k, n) & mask;
    for (;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->k || (s->n == n && memcmp(s->k, k, n) == 0))
            return s;
    }
}

long strmap_get(const strmap *m, const char *k, size_t n)
{
    const strmap_slot *s;
    if (!m->cap)
        return -1;
    s = slot_of(m, k, n);
    return s->k ? (long)s->v : -1;
}

static int grow(strmap *m)
{
    strmap old = *m;
    size_t j;
    m->cap = old.cap ? old.cap * 2 : 64;
    if (!(m->slots = kr_calloc(m->cap, sizeof *m->slots))) {
        *m = old;
        return KR_ENOMEM;
    }
    for (j = 0; j < old.cap; j++)
        if (old.slots[j].k)
            *slot_of(m, old.slots[j].k, old.slots[j].n) = old.slots[j];
    kr_free(old.slots);
    return 0;
}

int strmap_put(strmap *m, kr_arena *a, const char *k, size_t n, size_t v, size_t *got)
{
    strmap_slot *s;
    if ((m->n + 1) * 2 > m->cap && grow(m))
        return KR_ENOMEM;
    s = slot_of(m, k, n);
    if (s->k) {
        if (got)
            *got = s->v;
        return 0;
    }
    if (!(s->k = arena_strndup(a, k, n)))
        return KR_ENOMEM;
    s->n = n;
    s->v = v;
    m->n++;
    if (got)
        *got = v;
    return 1;
}

void strmap_free(strmap *m)
{
    kr_free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}
