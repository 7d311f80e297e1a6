/* stem.c: Snowball stemmers behind an open-addressing cache of word -> stem.
 * The cache holds at most STEM_SLOTS/2 words and is emptied when full, so
 * its memory is fixed whatever the corpus size. */
#include "stem.h"

#include <libstemmer.h>
#include <string.h>
#include <xxhash.h>

#include "fold.h"

#define STEM_SLOTS (1u << 16)        /* power of two */
#define STEM_POOL ((size_t)4 << 20)  /* bytes of words and stems */

typedef struct slot {
    uint64_t hash;   /* 0: empty */
    uint32_t off;    /* word then stem in the pool */
    uint16_t wn, sn; /* lengths */
} slot;

struct stem_cache {
    struct sb_stemmer *en, *ru;
    slot *slots;
    char *pool;
    size_t used;   /* bytes of pool in use */
    size_t count;  /* slots in use */
};

stem_cache *stem_new(void)
{
    stem_cache *c = kr_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->en = sb_stemmer_new("english", "UTF_8");
    c->ru = sb_stemmer_new("russian", "UTF_8");
    c->slots = kr_calloc(STEM_SLOTS, sizeof(slot));
    c->pool = kr_malloc(STEM_POOL);
    if (!c->en || !c->ru || !c->slots || !c->pool) {
        stem_free(c);
        return NULL;
    }
    return c;
}

void stem_free(stem_cache *c)
{
    if (!c)
        return;
    if (c->en)
        sb_stemmer_delete(c->en);
    if (c->ru)
        sb_stemmer_delete(c->ru);
    kr_free(c->slots);
    kr_free(c->pool);
    kr_free(c);
}

int stem_word(stem_cache *c, unsigned script, const char *w, size_t n, kr_str *out)
{
    struct sb_stemmer *st;
    uint64_t h;
    size_t i;
    const sb_symbol *r;
    int rn;

    out->p = w;
    out->n = n;
    if (script == FOLD_LATIN)
        st = c->en;
    else if (script == FOLD_CYRILLIC)
        st = c->ru;
    else
        return 0;
    if (n < 3 || n > FOLD_MAX_WORD + 4)
        return 0;
    h = XXH3_64bits_withSeed(w, n, script) | 1;
    for (i = h & (STEM_SLOTS - 1);; i = (i + 1) & (STEM_SLOTS - 1)) {
        slot *s = &c->slots[i];
        if (!s->hash)
            break;
        if (s->hash == h && s->wn == n && memcmp(c->pool + s->off, w, n) == 0) {
            out->p = c->pool + s->off + s->wn;
            out->n = s->sn;
            return 0;
        }
    }
    r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)n);
    if (!r)
        return KR_ENOMEM;
    rn = sb_stemmer_length(st);
    if (c->count >= STEM_SLOTS / 2 || c->used + n + (size_t)rn > STEM_POOL) {
        memset(c->slots, 0, STEM_SLOTS * sizeof(slot));
        c->count = c->used = 0;
        i = h & (STEM_SLOTS - 1);
    }
    c->slots[i].hash = h;
    c->slots[i].off = (uint32_t)c->used;
    c->slots[i].wn = (uint16_t)n;
    c->slots[i].sn = (uint16_t)rn;
    memcpy(c->pool + c->used, w, n);
    memcpy(c->pool + c->used + n, r, (size_t)rn);
    out->p = c->pool + c->used + n;
    out->n = (size_t)rn;
    c->used += n + (size_t)rn;
    c->count++;
    return 0;
}
