/* t_ent_store.c: entities and mentions in the store: one document's
 * listing with that report's codes, a lexicon entry taking over a
 * candidate stored under its id, and a document's mentions read back with
 * each allocation failing in turn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "doc.h"
#include "store.h"
#include "t.h"

static char dir[64], dbpath[96];

/* Stores a document; gives its content id and row id. */
static int put_doc(store *s, kr_arena *a, const char *text, char id[33], int64_t *rowid)
{
    kr_doc d;
    kr_error e;
    int rc;
    memset(&d, 0, sizeof d);
    kr_error_clear(&e, "test");
    d.path = "in/t.txt";
    d.text.p = text;
    d.text.n = strlen(text);
    d.lang.p = "en";
    d.lang.n = 2;
    if ((rc = doc_finish(&d, a, &e)) != 0)
        return rc;
    doc_hash(&d, id);
    return store_put_doc(s, &d, id, rowid, &e);
}

/* A mention of `id` at [start, end). entry >= 0: a lexicon entry. */
static ent_mention mention(const char *id, const char *type, const char *code, long entry,
                           size_t start, size_t end)
{
    ent_mention m;
    memset(&m, 0, sizeof m);
    m.id = id;
    m.type = type;
    m.name = id;
    m.code = code;
    m.entry = entry;
    m.agent = -1;
    m.kind = entry >= 0 ? ENT_NAME : ENT_CANDIDATE;
    m.span.start = start;
    m.span.end = end;
    return m;
}

typedef struct listing {
    int n;
    char id[4][32], code[4][16], type[4][8];
    int64_t mentions[4];
    int known[4];
    char span0[4][32];
} listing;

static int collect(void *ud, const store_entity *e)
{
    listing *l = ud;
    if (l->n < 4) {
        snprintf(l->id[l->n], sizeof l->id[0], "%s", e->id);
        snprintf(l->code[l->n], sizeof l->code[0], "%s", e->code ? e->code : "");
        snprintf(l->type[l->n], sizeof l->type[0], "%s", e->type);
        l->mentions[l->n] = e->mentions;
        l->known[l->n] = e->known;
        if (e->nspans)
            snprintf(l->span0[l->n], sizeof l->span0[0], "%.*s", (int)e->spans[0].text_n,
                     e->spans[0].text);
    }
    l->n++;
    return 0;
}

static int index_of(const listing *l, const char *id)
{
    int k;
    for (k = 0; k < l->n && k < 4; k++)
        if (strcmp(l->id[k], id) == 0)
            return k;
    return -1;
}

static const char text1[] = "Shoigu met Ashtiani in Tehran in 2023.";
static const char text2[] = "Shoigu, Shoigu and Shoigu again in 2025.";

static void test_listings(store *s, kr_arena *a, int64_t *doc1)
{
    char id1[33], id2[33];
    int64_t doc2;
    kr_error e;
    listing l;
    ent_mention m1[3], m2[4];
    int k;
    kr_error_clear(&e, NULL);
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(put_doc(s, a, text1, id1, doc1), 0);
    CHECK_INT(put_doc(s, a, text2, id2, &doc2), 0);
    /* "ashtiani" first met as a candidate, then as a lexicon entry */
    m1[0] = mention("sergey-shoigu", "PER", "RUSMIL", 1, 0, 6);
    m1[1] = mention("ashtiani", "LOC", NULL, -1, 11, 19);
    m1[2] = mention("tehran", "LOC", "IRN", 2, 23, 29);
    m2[0] = mention("sergey-shoigu", "PER", "RUSGOV", 1, 0, 6);
    m2[1] = mention("sergey-shoigu", "PER", "RUSGOV", 1, 8, 14);
    m2[2] = mention("sergey-shoigu", "PER", "RUSGOV", 1, 19, 25);
    m2[3] = mention("ashtiani", "PER", "IRNMIL", 3, 26, 31);
    CHECK_INT(store_put_mentions(s, *doc1, m1, 3, &e), 0);
    CHECK_INT(store_put_mentions(s, doc2, m2, 4, &e), 0);
    CHECK_INT(store_commit(s, &e), 0);

    /* the whole corpus: the code used most */
    memset(&l, 0, sizeof l);
    CHECK(store_entities(s, "PER", NULL, collect, &l, &e) >= 1);
    k = index_of(&l, "sergey-shoigu");
    CHECK(k >= 0);
    if (k >= 0) {
        CHECK_STR(l.code[k], "RUSGOV");
        CHECK_INT(l.mentions[k], 4);
    }
    /* the lexicon's row replaced the candidate's */
    k = index_of(&l, "ashtiani");
    CHECK(k >= 0);
    if (k >= 0) {
        CHECK_INT(l.known[k], 1);
        CHECK_STR(l.type[k], "PER");
    }
    /* one report: its own count and code, spans with their text */
    memset(&l, 0, sizeof l);
    CHECK_INT(store_entities(s, NULL, id1, collect, &l, &e), 3);
    k = index_of(&l, "sergey-shoigu");
    CHECK(k >= 0);
    if (k >= 0) {
        CHECK_STR(l.code[k], "RUSMIL");
        CHECK_INT(l.mentions[k], 1);
        CHECK_STR(l.span0[k], "Shoigu");
    }
    k = index_of(&l, "tehran");
    CHECK(k >= 0 && strcmp(l.span0[k], "Tehran") == 0);
    memset(&l, 0, sizeof l);
    CHECK_INT(store_entities(s, "LOC", id1, collect, &l, &e), 1);
    CHECK_INT(store_entities(s, NULL, "ffffffff", collect, &l, &e), KR_EUSAGE);
}

/* --- a document's mentions, each allocation failing in turn --------------- */

typedef struct seen {
    size_t n;
    int64_t last_start;
    int ordered;
} seen;

static int count_mention(void *ud, const store_mention *m)
{
    seen *s = ud;
    s->ordered &= m->start >= s->last_start && m->entity && m->type;
    s->last_start = m->start;
    s->n++;
    return 0;
}

static void test_mentions_oom(store *s, kr_arena *a)
{
    enum { NENT = 5, PER_ENT = 40 };
    char id[33], names[NENT][8];
    int64_t doc;
    kr_error e;
    ent_mention m[NENT * PER_ENT];
    kr_buf text = {0};
    size_t k, want = NENT * PER_ENT;
    long n;
    int bad = 0;
    for (k = 0; k < want; k++)
        kr_buf_puts(&text, "word ");
    kr_error_clear(&e, NULL);
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(put_doc(s, a, text.p, id, &doc), 0);
    for (k = 0; k < NENT; k++)
        snprintf(names[k], sizeof names[k], "e%zu", k);
    for (k = 0; k < want; k++)
        m[k] = mention(names[k % NENT], "ORG", NULL, -1, k * 5, k * 5 + 4);
    CHECK_INT(store_put_mentions(s, doc, m, want, &e), 0);
    CHECK_INT(store_commit(s, &e), 0);
    /* more mentions than the first allocation holds, over several rows */
    for (n = 0; n < 1000; n++) {
        seen got = {0, 0, 1};
        int rc;
        kr_alloc_fail_after(n);
        rc = store_doc_mentions(s, doc, count_mention, &got, &e);
        kr_alloc_fail_after(-1);
        if (rc == (int)want && got.n == want && got.ordered)
            break;
        if (rc != KR_ENOMEM && bad++ < 3)
            fprintf(stderr, "store_doc_mentions: allocation %ld failing gave %d (%zu mentions)\n",
                    n, rc, got.n);
    }
    CHECK_INT(bad, 0);
    CHECK(n > 1 && n < 1000);
    kr_buf_free(&text);
}

int main(void)
{
    kr_arena *a = arena_new();
    store *s = NULL;
    kr_error e;
    int64_t doc1 = 0;
    if (!a || t_tempdir(dir, sizeof dir, "t-ent") != 0) {
        CHECK(0);
        return t_report();
    }
    snprintf(dbpath, sizeof dbpath, "%s/k.db", dir);
    kr_error_clear(&e, NULL);
    if (store_open(dbpath, STORE_WRITE, &s, &e) != 0) {
        fprintf(stderr, "store_open: %s\n", e.msg);
        CHECK(0);
    } else {
        test_listings(s, a, &doc1);
        test_mentions_oom(s, a);
        store_close(s);
    }
    t_rmtree(dir);
    arena_free(a);
    return t_report();
}
