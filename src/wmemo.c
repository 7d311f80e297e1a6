/* wmemo.c: direct-mapped word memory; see wmemo.h. */
#include "wmemo.h"

#include <string.h>
#define XXH_INLINE_ALL /* words are short: a call would cost more than the hash */
#include <xxhash.h>

#include "kr.h"

typedef struct head {
    uint64_t hash; /* of the word's bytes, never 0; 0: an empty slot */
    unsigned char n;
    char w[WMEMO_WORD_MAX];
} head;

struct wmemo {
    unsigned char *slots;
    size_t mask, stride; /* a slot: its head, then the value, aligned */
};

wmemo *wmemo_new(size_t slots, size_t value_size)
{
    wmemo *m = kr_calloc(1, sizeof *m);
    size_t n = 1;
    if (!m)
        return NULL;
    while (n < slots)
        n *= 2;
    m->mask = n - 1;
    m->stride = (sizeof(head) + value_size + 7) & ~(size_t)7;
    if (!(m->slots = kr_calloc(n, m->stride))) {
        kr_free(m);
        return NULL;
    }
    return m;
}

void wmemo_free(wmemo *m)
{
    if (!m)
        return;
    kr_free(m->slots);
    kr_free(m);
}

/* memcmp(a, b, n) == 0 for the short words remembered, without a call. */
static int same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return 0;
    }
    while (n--)
        if (*a++ != *b++)
            return 0;
    return 1;
}

void *wmemo_slot(wmemo *m, const char *w, size_t n, int *hit)
{
    uint64_t h;
    head *s;
    *hit = 0;
    if (n > WMEMO_WORD_MAX)
        return NULL;
    h = XXH3_64bits(w, n) | 1;
    s = (head *)(m->slots + (h & m->mask) * m->stride);
    if (s->hash == h && s->n == n && same_bytes(s->w, w, n))
        *hit = 1;
    else {
        s->hash = h;
        s->n = (unsigned char)n;
        memcpy(s->w, w, n);
    }
    return (unsigned char *)s + sizeof(head);
}
