/* match.c: a trie over interned word keys. Keys are interned into ids by an
 * open-addressing table; each trie edge (node, key id) is an entry of a
 * second table; each node that ends a name points at its payloads. */
#include "match.h"

#include <stdlib.h>
#include <string.h>
/* inlined: a text's every word is hashed once or more */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "fold.h"
#include "key.h"
#include "utf8.h"

typedef struct intern_slot {
    uint64_t hash; /* 0: empty */
    uint32_t id;
    uint32_t off, len; /* key bytes in `pool` */
} intern_slot;

typedef struct edge_slot {
    uint64_t from_key; /* node << 32 | key id; 0: empty (node 0 has no parent, keys >= 1) */
    uint32_t to;
} edge_slot;

typedef struct payload {
    uint32_t entry;
    uint16_t adj;
    uint16_t ija; /* the name's last word loses -ия, -ий or -ие: мэрия, Дмитрий */
} payload;

struct match_db {
    const lex_db *lex;
    intern_slot *keys;
    size_t keycap, nkeys;
    kr_buf pool;
    edge_slot *edges;
    size_t edgecap, nedges;
    uint32_t nnodes;
    /* per node: payload range [pfirst[node], pfirst[node] + pcount[node]) */
    uint32_t *pfirst, *pcount;
    size_t nodecap;
    payload *pay;
    size_t npay, paycap;
    /* One bit per key hash (a filter small enough for the cache): most
     * words of a text have no key in the lexicon, and most of their
     * lookups end here. NULL while the lexicon is compiled. */
    uint64_t *kbits;
    size_t kbmask;
    uint32_t *root;  /* per key id: the node its edge from the root reaches, or 0 */
    /* per key id, two bytes: KEY_ENDED when a Russian name's word gave it
     * by losing its nominative ending (Дания -> дан), KEY_BARE when one
     * gave it as it stands (Баку); the key's length in bytes, its mark
     * left out */
    kr_buf kinfo;
};

enum { KEY_ENDED = 1, KEY_BARE = 2 };

static uint64_t hash_bytes(const char *s, size_t n)
{
    return XXH3_64bits(s, n) | 1;
}

/* Keys marked for acronyms and capitalized one-word names (marked_key)
 * start with a byte below ' ': the mark seeds the hash of the rest, so a
 * text word's marked keys are hashed without being copied. */
#define MARK_ACRONYM '\x01'
#define MARK_CAPITAL '\x02'
#define MARK_WHOLE '\x03' /* a capitalized one-word name matched only as it stands */

static uint64_t hash_marked(char mark, const char *s, size_t n)
{
    return XXH3_64bits_withSeed(s, n, (unsigned char)mark) | 1;
}

static uint64_t hash_key(const char *s, size_t n)
{
    if (n && (s[0] == MARK_ACRONYM || s[0] == MARK_CAPITAL || s[0] == MARK_WHOLE))
        return hash_marked(s[0], s + 1, n - 1);
    return hash_bytes(s, n);
}

/* The id of key `mark` + s[0..n) (mark 0: no mark) of hash h, or 0. */
static uint32_t key_find_h(const match_db *m, char mark, const char *s, size_t n, uint64_t h)
{
    size_t mask = m->keycap - 1, i, kn = n + (mark != 0);
    if (m->kbits && !(m->kbits[(h >> 20 & m->kbmask) >> 6] >> (h >> 20 & 63) & 1))
        return 0; /* not in the filter */
    for (i = h & mask; m->keys[i].hash; i = (i + 1) & mask) {
        const char *k = m->pool.p + m->keys[i].off;
        if (m->keys[i].hash == h && m->keys[i].len == kn && (!mark || k[0] == mark) &&
            memcmp(k + (mark != 0), s, n) == 0)
            return m->keys[i].id;
    }
    return 0;
}

static uint32_t key_find(const match_db *m, const char *s, size_t n)
{
    return key_find_h(m, 0, s, n, hash_key(s, n));
}

static unsigned char *key_info(match_db *m, uint32_t id);

static int key_add(match_db *m, const char *s, size_t n, uint32_t *id)
{
    uint64_t h;
    size_t mask, i;
    unsigned char *ki;
    if ((*id = key_find(m, s, n)) != 0)
        return 0;
    if ((m->nkeys + 1) * 2 > m->keycap) {
        size_t cap = m->keycap * 2, k;
        intern_slot *nk = kr_calloc(cap, sizeof *nk);
        if (!nk)
            return KR_ENOMEM;
        for (k = 0; k < m->keycap; k++)
            if (m->keys[k].hash) {
                size_t j;
                for (j = m->keys[k].hash & (cap - 1); nk[j].hash; j = (j + 1) & (cap - 1))
                    ;
                nk[j] = m->keys[k];
            }
        kr_free(m->keys);
        m->keys = nk;
        m->keycap = cap;
    }
    h = hash_key(s, n);
    mask = m->keycap - 1;
    for (i = h & mask; m->keys[i].hash; i = (i + 1) & mask)
        ;
    m->keys[i].hash = h;
    m->keys[i].id = (uint32_t)++m->nkeys;
    m->keys[i].off = (uint32_t)m->pool.n;
    m->keys[i].len = (uint32_t)n;
    if (kr_buf_append(&m->pool, s, n) || !(ki = key_info(m, m->keys[i].id)))
        return KR_ENOMEM;
    n -= n && (unsigned char)s[0] < ' '; /* the mark */
    ki[1] = (unsigned char)(n < 255 ? n : 255);
    *id = m->keys[i].id;
    return 0;
}

/* The two bytes of key `id`'s information, made room for. */
static unsigned char *key_info(match_db *m, uint32_t id)
{
    if (m->kinfo.n <= 2 * (size_t)id + 1) {
        size_t add = 2 * (size_t)id + 2 - m->kinfo.n;
        if (kr_buf_reserve(&m->kinfo, add))
            return NULL;
        memset(m->kinfo.p + m->kinfo.n, 0, add);
        m->kinfo.n += add;
    }
    return (unsigned char *)m->kinfo.p + 2 * (size_t)id;
}

/* Records how a name's word gave key `id` (KEY_ENDED, KEY_BARE). */
static int key_flag(match_db *m, uint32_t id, unsigned char how)
{
    unsigned char *ki = key_info(m, id);
    if (!ki)
        return KR_ENOMEM;
    ki[0] |= how;
    return 0;
}

/* Whether key `id` came only from names' words that lost an ending: a
 * text word that has none cannot be them (Дан is not Дания, Мэр not
 * мэрия). */
static int ended_only(const match_db *m, uint32_t id)
{
    return 2 * (size_t)id < m->kinfo.n && (unsigned char)m->kinfo.p[2 * (size_t)id] == KEY_ENDED;
}

/* The length in bytes of key `id`, its mark left out. */
static size_t key_len(const match_db *m, uint32_t id)
{
    return 2 * (size_t)id + 1 < m->kinfo.n ? (unsigned char)m->kinfo.p[2 * (size_t)id + 1] : 0;
}

/* Slot of an edge key: a multiplicative hash, high bits first (cheaper
 * than a call to XXH3 for eight bytes, and spread as well). */
static size_t edge_hash(uint64_t fk)
{
    uint64_t h = fk * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h ^ (h >> 29));
}

static uint32_t edge_find(const match_db *m, uint32_t node, uint32_t key)
{
    uint64_t fk = ((uint64_t)node << 32) | key;
    size_t mask = m->edgecap - 1, i;
    for (i = edge_hash(fk) & mask; m->edges[i].from_key; i = (i + 1) & mask)
        if (m->edges[i].from_key == fk)
            return m->edges[i].to;
    return 0;
}

static int node_new(match_db *m, uint32_t *out)
{
    if (m->nnodes == m->nodecap) {
        size_t cap = m->nodecap ? m->nodecap * 2 : 1024;
        uint32_t *pf = kr_realloc(m->pfirst, cap * sizeof *pf), *pc;
        if (!pf)
            return KR_ENOMEM;
        m->pfirst = pf;
        if (!(pc = kr_realloc(m->pcount, cap * sizeof *pc)))
            return KR_ENOMEM;
        m->pcount = pc;
        m->nodecap = cap;
    }
    m->pfirst[m->nnodes] = 0;
    m->pcount[m->nnodes] = 0;
    *out = m->nnodes++;
    return 0;
}

static int edge_add(match_db *m, uint32_t node, uint32_t key, uint32_t *to)
{
    uint64_t fk = ((uint64_t)node << 32) | key;
    size_t mask, i;
    int rc;
    if ((*to = edge_find(m, node, key)) != 0)
        return 0;
    if ((m->nedges + 1) * 2 > m->edgecap) {
        size_t cap = m->edgecap * 2, k;
        edge_slot *ne = kr_calloc(cap, sizeof *ne);
        if (!ne)
            return KR_ENOMEM;
        for (k = 0; k < m->edgecap; k++)
            if (m->edges[k].from_key) {
                size_t j;
                for (j = edge_hash(m->edges[k].from_key) & (cap - 1); ne[j].from_key;
                     j = (j + 1) & (cap - 1))
                    ;
                ne[j] = m->edges[k];
            }
        kr_free(m->edges);
        m->edges = ne;
        m->edgecap = cap;
    }
    if ((rc = node_new(m, to)) != 0)
        return rc;
    mask = m->edgecap - 1;
    for (i = edge_hash(fk) & mask; m->edges[i].from_key; i = (i + 1) & mask)
        ;
    m->edges[i].from_key = fk;
    m->edges[i].to = *to;
    m->nedges++;
    return 0;
}

/* Acronyms and words written in capitals (AANES, США, US) get a key of
 * their own, unstemmed and marked, so that they never match ordinary words
 * ("US" is not "us", "AANES" is not "an"). In a text, a word in capitals is
 * looked up as an acronym first, then as an ordinary word (headlines).
 * A one-word name written with a capital (Того, Дели, Газа, Georgia) gets a
 * marked key too, so it only matches a word written with a capital, never
 * the common word that folds to the same key (того, дело, газ). Names of two
 * or more words match in any case ("the defense ministry"). */
static size_t marked_key(char mark, const char *k, size_t n, char *out)
{
    memmove(out + 1, k, n < KEY_MAX - 1 ? n : KEY_MAX - 1);
    out[0] = mark;
    return (n < KEY_MAX - 1 ? n : KEY_MAX - 1) + 1;
}

static size_t acronym_key(const char *folded, size_t n, char *out)
{
    return marked_key(MARK_ACRONYM, folded, n, out);
}

/* Whether a Russian ending e[0..n) is one of the -ия, -ий, -ие nouns'
 * (two letters or more, starting with и): мэрия, мэрии, мэрию, мэрией. */
static int ija_ending(const char *e, size_t n)
{
    return n >= 4 && (unsigned char)e[0] == 0xD0 && (unsigned char)e[1] == 0xB8;
}

/* Adds the path of name nm's words to the trie, from the root; with
 * `oblique` (KEY_OBLIQUE_*), the path of those of its declined forms
 * whose last word its key misses (1 with *node unchanged when it has
 * none). */
static int name_path(match_db *m, stem_cache *sc, const lex_name *nm, uint32_t root, int oblique,
                     uint32_t *node, size_t *words, int *ija)
{
    lex_type type = lex_entry_at(m->lex, nm->entry)->type;
    int indeclinable = !nm->adj && (type == LEX_PER || type == LEX_GPE || type == LEX_LOC);
    char buf[FOLD_MAX_WORD + 8], key[KEY_MAX], okey[KEY_MAX];
    size_t pos = 0, nwords = 0;
    fold_word w;
    *node = root;
    *words = 0;
    *ija = 0;
    while (fold_next(nm->text.p, nm->text.n, &pos, buf, &w))
        nwords++;
    pos = 0;
    while (fold_next(nm->text.p, nm->text.n, &pos, buf, &w)) {
        uint32_t id;
        int ended;
        const char *ws = nm->text.p + w.span.start;
        size_t wl = w.span.end - w.span.start;
        size_t kl = fold_all_upper(ws, wl) ? acronym_key(buf, w.n, key)
                                           : key_lex(sc, w.script, buf, w.n, key);
        /* a one-word name Russian does not decline is matched only as it
         * stands: Поти is not "Потом", Дели not "Дело", Мали not "Малия" */
        if (nwords == 1 && indeclinable && key[0] != MARK_ACRONYM && w.script == FOLD_CYRILLIC &&
            fold_capitalized(ws, wl) && key_ru_indeclinable(buf, w.n)) {
            if (oblique)
                return 1;
            kl = marked_key(MARK_WHOLE, buf, w.n, key);
            if (key_add(m, key, kl, &id) || edge_add(m, *node, id, node))
                return KR_ENOMEM;
            *words = 1;
            return 0;
        }
        if (oblique && *words + 1 == nwords) {
            size_t ol = key[0] == MARK_ACRONYM || w.script != FOLD_CYRILLIC
                            ? 0 : key_ru_oblique(oblique, buf, w.n, kl, okey);
            if (!ol)
                return 1;
            memcpy(key, okey, ol);
            kl = ol;
        }
        ended = w.script == FOLD_CYRILLIC && key[0] != MARK_ACRONYM && kl < w.n;
        if (*words + 1 == nwords)
            *ija = ended && ija_ending(buf + kl, w.n - kl);
        if (nwords == 1 && key[0] != MARK_ACRONYM && fold_capitalized(ws, wl))
            kl = marked_key(MARK_CAPITAL, key, kl, key);
        if (key_add(m, key, kl, &id) || key_flag(m, id, ended ? KEY_ENDED : KEY_BARE) ||
            edge_add(m, *node, id, node))
            return KR_ENOMEM;
        (*words)++;
    }
    return 0;
}

/* Payloads are added name by name, so a node's payloads may be spread; they
 * are gathered once all names are in (see gather). */
typedef struct pend {
    uint32_t node;
    payload p;
} pend;

static int cmp_pend(const void *a, const void *b)
{
    const pend *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    if (x->p.entry != y->p.entry)
        return x->p.entry < y->p.entry ? -1 : 1;
    if (x->p.adj != y->p.adj)
        return (int)x->p.adj - (int)y->p.adj;
    return (int)x->p.ija - (int)y->p.ija;
}

int match_build(const lex_db *lex, match_db **out)
{
    match_db *m = kr_calloc(1, sizeof *m);
    stem_cache *sc = stem_new();
    const lex_name *names;
    size_t nn, k, npend = 0, pendcap = 0;
    pend *pends = NULL;
    uint32_t root;
    int rc = KR_ENOMEM;
    if (!m || !sc)
        goto fail;
    m->lex = lex;
    m->keycap = 4096;
    m->edgecap = 4096;
    if (!(m->keys = kr_calloc(m->keycap, sizeof *m->keys)) ||
        !(m->edges = kr_calloc(m->edgecap, sizeof *m->edges)) || node_new(m, &root))
        goto fail;
    names = lex_names(lex, &nn);
    for (k = 0; k < nn; k++) {
        const lex_name *nm = &names[k];
        lex_type type = lex_entry_at(lex, nm->entry)->type;
        int oblique;
        if (!type || type == LEX_GIVEN)
            continue; /* an entry with errors; given names are not entities */
        /* names only: a plural demonym's genitive is a surname (немцы, Немцов) */
        for (oblique = 0; oblique < ((type == LEX_GPE || type == LEX_LOC) && !nm->adj ? KEY_OBLIQUE_N : 1);
             oblique++) {
            uint32_t node;
            size_t words;
            int ija, r = name_path(m, sc, nm, root, oblique, &node, &words, &ija);
            if (r < 0)
                goto fail;
            if (r > 0 || !words)
                continue;
            if (npend == pendcap) {
                size_t cap = pendcap ? pendcap * 2 : 4096;
                pend *np = kr_realloc(pends, cap * sizeof *np);
                if (!np)
                    goto fail;
                pends = np;
                pendcap = cap;
            }
            pends[npend].node = node;
            pends[npend].p.entry = (uint32_t)nm->entry;
            pends[npend].p.adj = (uint16_t)nm->adj;
            pends[npend].p.ija = (uint16_t)ija;
            npend++;
        }
    }
    /* gather payloads by node, dropping duplicates (a name listed twice) */
    if (npend)
        qsort(pends, npend, sizeof *pends, cmp_pend);
    if (!(m->pay = kr_malloc((npend + 1) * sizeof *m->pay)))
        goto fail;
    for (k = 0; k < npend; k++) {
        if (k && pends[k].node == pends[k - 1].node && pends[k].p.entry == pends[k - 1].p.entry)
            continue; /* the same entry by name and by adjective: keep the name */
        if (!m->pcount[pends[k].node])
            m->pfirst[pends[k].node] = (uint32_t)m->npay;
        m->pcount[pends[k].node]++;
        m->pay[m->npay++] = pends[k].p;
    }
    /* the filter: 32 bits per key, a power of two */
    m->kbmask = 4096 - 1;
    while (m->kbmask + 1 < m->nkeys * 32)
        m->kbmask = m->kbmask * 2 + 1;
    if (!(m->kbits = kr_calloc((m->kbmask + 1) / 64, sizeof *m->kbits)))
        goto fail;
    for (k = 0; k < m->keycap; k++)
        if (m->keys[k].hash)
            m->kbits[(m->keys[k].hash >> 20 & m->kbmask) >> 6] |= (uint64_t)1 << (m->keys[k].hash >> 20 & 63);
    /* the edges out of the root, by key id: the first step of every walk */
    if (!(m->root = kr_calloc(m->nkeys + 1, sizeof *m->root)))
        goto fail;
    for (k = 0; k < m->edgecap; k++)
        if (m->edges[k].from_key && (m->edges[k].from_key >> 32) == root)
            m->root[(uint32_t)m->edges[k].from_key] = m->edges[k].to;
    kr_free(pends);
    stem_free(sc);
    *out = m;
    return 0;
fail:
    kr_free(pends);
    stem_free(sc);
    match_free(m);
    return rc;
}

void match_free(match_db *m)
{
    if (!m)
        return;
    kr_free(m->keys);
    kr_buf_free(&m->pool);
    kr_free(m->edges);
    kr_free(m->pfirst);
    kr_free(m->pcount);
    kr_free(m->pay);
    kr_free(m->kbits);
    kr_free(m->root);
    kr_buf_free(&m->kinfo);
    kr_free(m);
}

uint64_t match_key_hash(const char *key, size_t n)
{
    return hash_bytes(key, n);
}

size_t match_nkeys(const match_db *m)
{
    return m->nkeys;
}

size_t match_nnodes(const match_db *m)
{
    return m->nnodes;
}

uint32_t match_key_id(const match_db *m, stem_cache *sc, const char *word, size_t n)
{
    char buf[FOLD_MAX_WORD + 8], key[KEY_MAX];
    size_t pos = 0;
    fold_word w;
    uint32_t id = 0;
    if (!fold_next(word, n, &pos, buf, &w))
        return 0;
    if (fold_all_upper(word + w.span.start, w.span.end - w.span.start))
        id = key_find(m, key, acronym_key(buf, w.n, key));
    return id ? id : key_find(m, key, key_lex(sc, w.script, buf, w.n, key));
}

/* How the word at s[to..] joins the word s[prev..from): 1 when only
 * spaces (no line break) or one hyphen are between them; 2 when an
 * apostrophe is (Azerbaijan's, O'Brien), or an abbreviation point after a
 * word of at most three bytes, then spaces (U.S., St. Petersburg); else 0. */
static uint8_t joinable(const char *s, size_t prev, size_t from, size_t to)
{
    size_t i, hyphens = 0;
    int quote = 0;
    if ((to - from == 1 && s[from] == '\'') ||
        (to - from == 3 && memcmp(s + from, "\xE2\x80\x99", 3) == 0))
        return 2;
    i = from;
    if (i < to && s[i] == '.') {
        if (from - prev > 3)
            return 0;
        i++;
    }
    for (; i < to; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            continue;
        if (s[i] == '-' && ++hyphens == 1 && s[from] != '.')
            continue;
        /* "РИА «Новости»": an opening quote inside a name */
        if (i + 1 < to && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAB &&
            i + 2 == to && i > from) {
            quote = 1;
            i++;
            continue;
        }
        if (i + 1 < to && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
            i++; /* no-break space */
            continue;
        }
        return 0;
    }
    return s[from] == '.' || quote ? 2 : 1;
}

/* The key ids of a word to try, in order: key, then alt. */
static size_t word_keys(const match_word *w, uint32_t ids[3])
{
    size_t n = 0;
    if (w->key)
        ids[n++] = w->key;
    if (w->alt[0])
        ids[n++] = w->alt[0];
    if (w->alt[1])
        ids[n++] = w->alt[1];
    return n;
}

/* The first key of word w with an edge out of node, or 0 (and *to = 0). */
static uint32_t step(const match_db *m, const match_word *w, uint32_t node, uint32_t *to)
{
    uint32_t ids[3];
    size_t k, n = word_keys(w, ids);
    for (k = 0; k < n; k++)
        if ((*to = edge_find(m, node, ids[k])) != 0)
            return ids[k];
    *to = 0;
    return 0;
}

/* The length of the folded acronym in a word like "МИДа", "МИДе", "ОМОНом":
 * two or more Cyrillic capitals and a case ending, which Russian adds to
 * an acronym read as a word; 0 for any other word. The caller checks
 * that the word starts with a capital. */
static size_t declined_acronym(const char *s, size_t n)
{
    static const char *const endings[] = {"а", "у", "е", "ом", "ы", NULL};
    size_t i = 0, k;
    while (i + 1 < n && (unsigned char)s[i] == 0xD0 &&
           (((unsigned char)s[i + 1] >= 0x90 && (unsigned char)s[i + 1] <= 0xAF) || (unsigned char)s[i + 1] == 0x81))
        i += 2;
    if (i < 4)
        return 0;
    for (k = 0; endings[k]; k++)
        if (n - i == strlen(endings[k]) && memcmp(s + i, endings[k], n - i) == 0)
            return i; /* folding keeps two bytes a Cyrillic letter */
    return 0;
}

/* Fills the key fields of a word from its keys (key_text) and its folded
 * form: the acronym key first for a word in capitals, then the keys the
 * lexicon has, in order. */
static void word_ids(const match_db *m, match_word *mw, const char *text, const char *folded,
                     size_t fn, const kr_str *keys, size_t nkeys)
{
    uint32_t ids[KEY_ALTS + 1];
    size_t n = 0, k, j, wn = fn < KEY_MAX - 1 ? fn : KEY_MAX - 1;
    int acronym = 0, cyrillic = keys[0].p == folded; /* Cyrillic keys are prefixes of the word */
    mw->khash = hash_bytes(keys[0].p, keys[0].n);
    if (mw->cap) {
        size_t an = fold_all_upper(text + mw->span.start, mw->span.end - mw->span.start)
                        ? fn : declined_acronym(text + mw->span.start, mw->span.end - mw->span.start);
        an = an < KEY_MAX - 1 ? an : KEY_MAX - 1;
        if (an && (ids[n] = key_find_h(m, MARK_ACRONYM, folded, an, hash_marked(MARK_ACRONYM, folded, an))) != 0)
            n++, acronym = 1;
    }
    /* a capitalized one-word name, unless the word is a known acronym:
     * first one Russian does not decline, as the word stands, then by the
     * word's keys (below) */
    if (mw->cap && !acronym && cyrillic)
        mw->ckey = key_find_h(m, MARK_WHOLE, folded, wn, hash_marked(MARK_WHOLE, folded, wn));
    for (k = 0; k < nkeys; k++) {
        uint32_t id = key_find_h(m, 0, keys[k].p, keys[k].n, k ? hash_bytes(keys[k].p, keys[k].n) : mw->khash);
        /* the whole Cyrillic word as a key: no name's word that has an
         * ending in the nominative */
        int whole = cyrillic && keys[k].n == fn;
        if (whole && ended_only(m, id))
            id = 0;
        if (k == nkeys - 1)
            mw->bare = id;
        for (j = 0; j < n && ids[j] != id; j++)
            ;
        if (id && j == n)
            ids[n++] = id;
        if (mw->cap && !acronym && !mw->ckey) {
            size_t cn = keys[k].n < KEY_MAX - 1 ? keys[k].n : KEY_MAX - 1;
            mw->ckey = key_find_h(m, MARK_CAPITAL, keys[k].p, cn, hash_marked(MARK_CAPITAL, keys[k].p, cn));
            if (whole && ended_only(m, mw->ckey))
                mw->ckey = 0;
        }
    }
    mw->key = n > 0 ? ids[0] : 0;
    mw->alt[0] = n > 1 ? ids[1] : 0;
    mw->alt[1] = n > 2 ? ids[2] : 0;
    /* on the folded word, whatever the case or marks of the text */
    if (mw->key && cyrillic) {
        size_t kl = key_len(m, mw->key);
        mw->ija = (uint8_t)(kl <= fn && ija_ending(folded + kl, fn - kl));
    }
}

/* The longest name starting at word i, trying each key of the first word
 * and the first key that leads on of each next one. Returns its end (word
 * index past it, 0 when none) and node; *first is the key of word i. */
static size_t longest_at(const match_db *m, const match_word *words, size_t nw, size_t i,
                         uint32_t *best, uint32_t *first)
{
    uint32_t ids[3];
    size_t k, n = word_keys(&words[i], ids), best_end = 0;
    for (k = 0; k < n; k++) {
        uint32_t node = m->root[ids[k]];
        size_t j;
        for (j = i; node; ) {
            if (m->pcount[node] && j + 1 > best_end) {
                *best = node;
                best_end = j + 1;
                *first = ids[k];
            }
            if (++j >= nw || !words[j].joined || !words[j].key)
                break;
            step(m, &words[j], node, &node);
        }
    }
    return best_end;
}

/* The first name entry of a node's payloads, or -1. */
static long name_of(const match_db *m, uint32_t node)
{
    uint32_t j;
    for (j = m->pfirst[node]; node && j < m->pfirst[node] + m->pcount[node]; j++)
        if (!m->pay[j].adj)
            return (long)m->pay[j].entry;
    return -1;
}

long match_name_at(const match_db *m, const match_word *words, size_t i, size_t end)
{
    uint32_t ids[3];
    size_t k, n, j;
    if (i >= end)
        return -1;
    /* a one-word name written with a capital has a key of its own */
    if (end == i + 1 && words[i].ckey && m->root[words[i].ckey] && name_of(m, m->root[words[i].ckey]) >= 0)
        return name_of(m, m->root[words[i].ckey]);
    n = word_keys(&words[i], ids);
    for (k = 0; k < n; k++) {
        uint32_t node = m->root[ids[k]];
        long e;
        for (j = i + 1; node && j < end; j++)
            step(m, &words[j], node, &node);
        if (node && (e = name_of(m, node)) >= 0)
            return e;
    }
    return -1;
}

/* Puts the key each word of a hit went through in `key`, so that
 * resolvers see the key that matched (the others stay in alt). */
static void use_keys(const match_db *m, match_word *words, size_t i, size_t end, uint32_t first)
{
    uint32_t node = m->root[first], used = first;
    size_t j;
    for (j = i; j < end; j++) {
        match_word *w = &words[j];
        if (j > i)
            used = step(m, w, node, &node);
        if (w->alt[0] == used) {
            w->alt[0] = w->key;
            w->key = used;
        } else if (w->alt[1] == used) {
            w->alt[1] = w->key;
            w->key = used;
        }
    }
}

/* The word starts with a capital: fold_capitalized, with ASCII and
 * Cyrillic (the most words by far) decided on their bytes. */
static int capitalized(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0], d = n > 1 ? (unsigned char)s[1] : 0;
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c == 0xD0 && d >= 0x80 && d <= 0xBF)
        return d < 0xB0; /* U+0400..U+042F */
    if (c == 0xD1 && d >= 0x80 && d <= 0x9F)
        return 0; /* U+0440..U+045F */
    return fold_capitalized(s, n);
}

#define MEMO_SLOTS 65536

/* The keys of a word, as the memo keeps them, with its scripts. */
typedef struct word_keys_memo {
    uint64_t khash;
    uint32_t key, alt[2], bare, ckey;
    uint16_t script;
    uint8_t ija;
} word_keys_memo;

wmemo *match_memo_new(void)
{
    return wmemo_new(MEMO_SLOTS, sizeof(word_keys_memo));
}

int match_text(const match_db *m, stem_cache *sc, const char *text, size_t n, size_t from,
               kr_arena *a, match_result *out)
{
    return match_text_memo(m, sc, NULL, text, n, from, NULL, a, out);
}

/* Where the words of a text come from: the tokenizer's tokens when the
 * caller has them, where a plain token (TOK_PLAIN) is a word as it stands
 * and the others are searched for words by folding; else folding over the
 * whole text. Folding finds the same spans either way. */
typedef struct words_in {
    const char *text;
    size_t pos, end; /* folding goes on from pos up to end */
    const tok_doc *td;
    size_t tk; /* the next token */
} words_in;

/* The span of the next word; its scripts only when folding found it. */
static int next_word(words_in *in, fold_word *w)
{
    for (;;) {
        const tok_token *t;
        if (in->pos < in->end && fold_next(in->text, in->end, &in->pos, NULL, w))
            return 1;
        if (!in->td || in->tk >= in->td->ntokens)
            return 0;
        t = &in->td->tokens[in->tk++];
        if (t->span.start < in->pos || t->type == TOK_PUNCT)
            continue; /* before the start; punctuation holds no word */
        if (t->flags & TOK_PLAIN) {
            w->span = t->span;
            w->n = 0;
            w->script = 0;
            in->pos = in->end = t->span.end;
            return 1;
        }
        in->pos = t->span.start;
        in->end = t->span.end;
    }
}

/* The trie roots of a word this many places ahead are fetched into cache. */
#define ROOTS_AHEAD 8

/* Gives each word its keys: from the memory when it knows the word, else
 * folded and looked up (and remembered). The memory keys are worked out
 * first, so that each word's set is fetched while the words before it are
 * keyed. */
static int key_words(const match_db *m, stem_cache *sc, wmemo *mm, const char *text,
                     match_word *words, size_t nw, kr_arena *a)
{
    char buf[FOLD_MAX_WORD + 8], kbuf[KEY_ALTS][KEY_MAX];
    kr_str keys[KEY_ALTS];
    wmemo_key *mk = mm ? arena_alloc(a, (nw + WMEMO_AHEAD) * sizeof *mk) : NULL;
    size_t i;
    if (mm && !mk)
        return KR_ENOMEM;
    if (mk) {
        for (i = 0; i < nw; i++)
            mk[i] = wmemo_key_of(text + words[i].span.start, words[i].span.end - words[i].span.start);
        wmemo_begin(mm, mk, nw);
    }
    for (i = 0; i < nw; i++) {
        match_word *mw = &words[i];
        int hit = 0;
        size_t at = mw->span.start, nkeys;
        fold_word w;
        word_keys_memo *km = NULL;
        if (mk)
            km = wmemo_slot_ahead(mm, &mk[i], &mk[i + WMEMO_AHEAD], &hit);
        if (hit) {
            mw->key = km->key;
            mw->alt[0] = km->alt[0];
            mw->alt[1] = km->alt[1];
            mw->bare = km->bare;
            mw->ckey = km->ckey;
            mw->khash = km->khash;
            mw->script = km->script;
            mw->ija = km->ija;
            continue;
        }
        fold_next(text, mw->span.end, &at, buf, &w);
        mw->script = (uint16_t)w.script;
        nkeys = key_text(sc, w.script, buf, w.n, kbuf, keys);
        word_ids(m, mw, text, buf, w.n, keys, nkeys);
        if (km) {
            km->key = mw->key;
            km->alt[0] = mw->alt[0];
            km->alt[1] = mw->alt[1];
            km->bare = mw->bare;
            km->ckey = mw->ckey;
            km->khash = mw->khash;
            km->script = mw->script;
            km->ija = mw->ija;
        }
    }
    return 0;
}

/* Where a node names entries whose last words decline apart, one losing
 * -ия, -ий or -ие and one not (мэрия and мэр share the key мэр), which
 * of them the text's last word w is: 1 when its ending is one of the
 * -ия nouns' (мэрии), 0 when not (мэра); -1 when the node's entries do
 * not differ so. The ending follows the word's first key, the one a
 * match mostly goes through. */
static int ija_choice(const match_db *m, uint32_t node, const match_word *w)
{
    uint32_t j, first = m->pfirst[node], end = first + m->pcount[node];
    int seen = 0;
    for (j = first; j < end; j++)
        seen |= 1 << (m->pay[j].ija != 0);
    return seen == 3 ? w->ija : -1;
}

int match_text_memo(const match_db *m, stem_cache *sc, wmemo *mm, const char *text,
                    size_t n, size_t from, const tok_doc *td, kr_arena *a, match_result *out)
{
    /* room for a word every five bytes: a text rarely needs more, and a
     * bigger array would be copied as it grows */
    size_t cap = (n - from) / 5 + 16, nw = 0, hcap = 64, nh = 0, i, prev_start = from,
           prev_end = from;
    match_word *words = arena_alloc(a, cap * sizeof *words);
    match_hit *hits = arena_alloc(a, hcap * sizeof *hits);
    fold_word w;
    words_in in = {text, from, td ? from : n, td, 0};
    int rc;
    if (!words || !hits)
        return KR_ENOMEM;
    while (next_word(&in, &w)) {
        match_word *mw;
        if (nw == cap) {
            match_word *nwv = arena_alloc(a, cap * 2 * sizeof *nwv);
            if (!nwv)
                return KR_ENOMEM;
            memcpy(nwv, words, cap * sizeof *nwv);
            words = nwv;
            cap *= 2;
        }
        mw = &words[nw];
        memset(mw, 0, sizeof *mw);
        mw->span = w.span;
        mw->joined = nw > 0 ? joinable(text, prev_start, prev_end, w.span.start) : 0;
        mw->cap = (uint8_t)capitalized(text + w.span.start, w.span.end - w.span.start);
        prev_start = w.span.start;
        prev_end = w.span.end;
        nw++;
    }
    if ((rc = key_words(m, sc, mm, text, words, nw, a)) != 0)
        return rc;
    for (i = 0; i < nw;) {
        uint32_t node = 0, best = 0, first = 0;
        size_t j, best_end = 0;
        int ija;
        if (i + ROOTS_AHEAD < nw) { /* the trie roots of a word ahead, into cache */
            kr_prefetch(&m->root[words[i + ROOTS_AHEAD].key]);
            kr_prefetch(&m->root[words[i + ROOTS_AHEAD].ckey]);
        }
        /* a capitalized one-word name first; a longer name wins over it */
        if (words[i].ckey && (node = m->root[words[i].ckey]) != 0 && m->pcount[node]) {
            best = node;
            best_end = i + 1;
        }
        if (words[i].key) {
            uint32_t tbest = 0;
            size_t end = longest_at(m, words, nw, i, &tbest, &first);
            if (end > best_end) {
                best = tbest;
                best_end = end;
                use_keys(m, words, i, end, first);
            }
        }
        if (!best) {
            i++;
            continue;
        }
        ija = ija_choice(m, best, &words[best_end - 1]);
        for (j = m->pfirst[best]; j < m->pfirst[best] + m->pcount[best]; j++) {
            if (ija >= 0 && m->pay[j].ija != ija)
                continue;
            if (nh == hcap) {
                match_hit *nhv = arena_alloc(a, hcap * 2 * sizeof *nhv);
                if (!nhv)
                    return KR_ENOMEM;
                memcpy(nhv, hits, hcap * sizeof *nhv);
                hits = nhv;
                hcap *= 2;
            }
            hits[nh].span.start = words[i].span.start;
            hits[nh].span.end = words[best_end - 1].span.end;
            hits[nh].entry = m->pay[j].entry;
            hits[nh].adj = (int)m->pay[j].adj;
            hits[nh].first_word = i;
            hits[nh].nwords = best_end - i;
            nh++;
        }
        i = best_end;
    }
    out->words = words;
    out->nwords = nw;
    out->hits = hits;
    out->nhits = nh;
    return 0;
}
