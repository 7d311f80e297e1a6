/* wmemo.c: two-way set-associative word memory; see wmemo.h. */
#include "wmemo.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#define XXH_INLINE_ALL /* words are short: a call would cost more than the hash */
#include <xxhash.h>

#include "kr.h"

/* A slot is known by a 64-bit hash of its word's bytes and the word's
 * length, not the bytes: two words of one length that differ share a hash
 * with a probability of 2^-64 per pair, and a false hit also needs both in
 * one set of the memory at once; a million distinct word forms leave that
 * below 10^-8 over any corpus. The slot stays small, so the words a text
 * uses most stay in the processor's caches. */
typedef struct head {
    uint64_t lo, hi; /* the word's hash and length + 1; hi 0: an empty slot */
} head;

struct wmemo {
    unsigned char *mem;   /* as allocated */
    unsigned char *slots; /* sets of two slots, in mem */
    unsigned char *spare; /* room for one slot, to swap two */
    size_t mask, stride;  /* mask: of set numbers; a slot: its head, then the
                             value, aligned */
};

#define HUGE_PAGE ((size_t)2 << 20)

/* Memory for the slots: a memory of a megabyte or more is laid on 2 MB
 * pages where the system offers them, as one or two translation entries
 * instead of hundreds, since every lookup lands on a page of its own. */
static int alloc_slots(wmemo *m, size_t size)
{
    size_t want = size;
    if (size >= HUGE_PAGE / 2) {
        want = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        if (!(m->mem = kr_calloc(1, want + HUGE_PAGE)))
            return -1;
        m->slots = (unsigned char *)(((uintptr_t)m->mem + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
        madvise(m->slots, want, MADV_HUGEPAGE); /* a hint: failing changes nothing */
#endif
        return 0;
    }
    if (!(m->mem = kr_calloc(1, want)))
        return -1;
    m->slots = m->mem;
    return 0;
}

wmemo *wmemo_new(size_t slots, size_t value_size)
{
    wmemo *m = kr_calloc(1, sizeof *m);
    size_t sets = 1;
    if (!m)
        return NULL;
    while (sets * 2 < slots)
        sets *= 2;
    m->mask = sets - 1;
    m->stride = (sizeof(head) + value_size + 7) & ~(size_t)7;
    if (sets * 2 > SIZE_MAX / m->stride || alloc_slots(m, sets * 2 * m->stride) ||
        !(m->spare = kr_calloc(1, m->stride))) {
        kr_free(m->mem);
        kr_free(m);
        return NULL;
    }
    return m;
}

void wmemo_free(wmemo *m)
{
    if (!m)
        return;
    kr_free(m->mem);
    kr_free(m->spare);
    kr_free(m);
}

wmemo_key wmemo_key_of(const char *w, size_t n)
{
    wmemo_key k = {0, 0};
    if (n > WMEMO_WORD_MAX)
        return k;
    k.lo = XXH3_64bits(w, n);
    k.hi = n + 1;
    return k;
}

static head *set_of(const wmemo *m, const wmemo_key *k)
{
    return (head *)(m->slots + (k->lo & m->mask) * 2 * m->stride);
}

static void fetch_set(const wmemo *m, const wmemo_key *k)
{
    if (k->hi)
        kr_prefetch(set_of(m, k));
}

void wmemo_begin(const wmemo *m, wmemo_key *keys, size_t n)
{
    size_t i;
    memset(keys + n, 0, WMEMO_AHEAD * sizeof *keys);
    for (i = 0; i < WMEMO_AHEAD && i < n; i++)
        fetch_set(m, &keys[i]);
}

/* Two ways per set: a word looked up goes to the set's first slot, the one
 * there moves to the second, and the second's word is forgotten. So a
 * word that is used often is not lost to one other word of its set, as it
 * is in a direct-mapped memory; a miss costs two slot copies, far less than
 * working the word out again. */
void *wmemo_slot_ahead(wmemo *m, const wmemo_key *k, const wmemo_key *ahead, int *hit)
{
    head *s0, *s1;
    fetch_set(m, ahead);
    *hit = 0;
    if (!k->hi)
        return NULL;
    s0 = set_of(m, k);
    s1 = (head *)((unsigned char *)s0 + m->stride);
    if (s0->lo == k->lo && s0->hi == k->hi) {
        *hit = 1;
        return (unsigned char *)s0 + sizeof(head);
    }
    if (s1->lo == k->lo && s1->hi == k->hi) {
        *hit = 1; /* the word goes first, its value with it */
        memcpy(m->spare, s1, m->stride);
        memcpy(s1, s0, m->stride);
        memcpy(s0, m->spare, m->stride);
        return (unsigned char *)s0 + sizeof(head);
    }
    memcpy(s1, s0, m->stride);
    s0->lo = k->lo;
    s0->hi = k->hi;
    return (unsigned char *)s0 + sizeof(head);
}

void *wmemo_slot(wmemo *m, const char *w, size_t n, int *hit)
{
    wmemo_key k = wmemo_key_of(w, n), none = {0, 0};
    return wmemo_slot_ahead(m, &k, &none, hit);
}
