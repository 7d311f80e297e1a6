/* wmemo.c: direct-mapped word memory; see wmemo.h. */
#include "wmemo.h"

#include <string.h>
#define XXH_INLINE_ALL /* words are short: a call would cost more than the hash */
#include <xxhash.h>

#include "kr.h"

/* A slot is known by the 128-bit hash of its word's bytes, not the bytes:
 * two words that differ share a hash with a probability of 2^-128 per
 * pair, far below any hardware error rate, and the slot stays small, so
 * the words a text uses most stay in the processor's caches. */
typedef struct head {
    uint64_t lo, hi; /* the word's hash; hi is never 0, 0: an empty slot */
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

void *wmemo_slot(wmemo *m, const char *w, size_t n, int *hit)
{
    XXH128_hash_t h;
    head *s;
    *hit = 0;
    if (n > WMEMO_WORD_MAX)
        return NULL;
    h = XXH3_128bits(w, n);
    h.high64 |= 1;
    s = (head *)(m->slots + (h.low64 & m->mask) * m->stride);
    if (s->lo == h.low64 && s->hi == h.high64)
        *hit = 1;
    else {
        s->lo = h.low64;
        s->hi = h.high64;
    }
    return (unsigned char *)s + sizeof(head);
}
