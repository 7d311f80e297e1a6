/* wmemo.h: a bounded memory of what was worked out for a word, keyed by the
 * word's bytes as written. News vocabulary repeats, so a hit saves folding,
 * stemming and lookups. Two-way set-associative, least recently used out:
 * a new word takes the slot of the older of two. One per thread; the
 * values are the caller's fixed-size records. */
#ifndef WMEMO_H
#define WMEMO_H

#include <stddef.h>
#include <stdint.h>

/* Words longer than this (bytes) are not remembered. */
#define WMEMO_WORD_MAX 40

typedef struct wmemo wmemo;

/* A memory of `slots` words (rounded up to a power of two, at least two)
 * with a value of `value_size` bytes each; NULL when out of memory. */
wmemo *wmemo_new(size_t slots, size_t value_size);
void wmemo_free(wmemo *m); /* wmemo_free(NULL) is a no-op */

/* The value slot of word w[0..n): *hit is 1 when it holds w's value, else 0
 * and the slot now belongs to w for the caller to fill. NULL (and *hit 0)
 * when w is too long to remember. The pointer is good until the next call:
 * slots move within their set. */
void *wmemo_slot(wmemo *m, const char *w, size_t n, int *hit);

/* The same in two steps, for loops over many words: the words' keys are
 * worked out first; then each lookup also fetches the set of a word a few
 * places ahead (a hint that changes nothing), so that its set is in cache
 * by the time it is looked up. */
typedef struct wmemo_key {
    uint64_t lo, hi; /* hash, length + 1; hi == 0: too long to remember */
} wmemo_key;

#define WMEMO_AHEAD 8 /* how many words ahead sets are fetched */

wmemo_key wmemo_key_of(const char *w, size_t n);
/* Before looking up the words of keys[0..n), in order: clears the
 * WMEMO_AHEAD keys past n (the array has room for them: nothing to fetch
 * there) and fetches the sets of the first WMEMO_AHEAD words. */
void wmemo_begin(const wmemo *m, wmemo_key *keys, size_t n);
/* wmemo_slot of the word whose key is *k, fetching the set of *ahead
 * (keys[i + WMEMO_AHEAD] for the i-th word of wmemo_begin's array). */
void *wmemo_slot_ahead(wmemo *m, const wmemo_key *k, const wmemo_key *ahead, int *hit);

#endif
