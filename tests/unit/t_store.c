/* t_store.c: the SQLite store in a fresh temporary directory: documents in
 * and out (by id and prefix), input files, stemmed search, transactions, a
 * reader beside a writer, bulk loads, and databases it must refuse. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "store.h"
#include "t.h"

static int64_t t_rowid; /* row ids of stored documents, unused here */

static char dir[64], dbpath[96];

/* Fills a document by hand, runs doc_finish and computes its id. */
static int make_doc(kr_arena *a, const char *text, const char *title, const char *lang,
                    kr_doc *d, char id[33])
{
    kr_error e;
    int rc;
    memset(d, 0, sizeof *d);
    kr_error_clear(&e, "test");
    d->path = "in/test.txt";
    d->text.p = text;
    d->text.n = strlen(text);
    if (title) {
        d->title.p = title;
        d->title.n = strlen(title);
    }
    if (lang) {
        d->lang.p = lang;
        d->lang.n = strlen(lang);
    }
    d->date.y = 2023;
    d->date.m = 9;
    d->date.d = 20;
    rc = doc_finish(d, a, &e);
    if (rc == 0)
        doc_hash(d, id);
    else
        fprintf(stderr, "doc_finish: %s\n", e.msg);
    return rc;
}

/* Stores one document in its own transaction; returns its id in id. */
static int put(store *s, kr_arena *a, const char *text, const char *title, const char *lang,
               char id[33])
{
    kr_doc d;
    kr_error e;
    int rc = make_doc(a, text, title, lang, &d, id);
    if (rc)
        return rc;
    kr_error_clear(&e, NULL);
    if ((rc = store_begin(s, &e)) != 0)
        return rc;
    if ((rc = store_put_doc(s, &d, id, &t_rowid, &e)) != 0) {
        fprintf(stderr, "store_put_doc: %s\n", e.msg);
        store_rollback(s);
        return rc;
    }
    return store_commit(s, &e);
}

/* Collected listing: ids, titles and the last full record seen. */
typedef struct seen {
    int n, stop_after;
    char ids[8][40];
    char title[128], lang[8], date[16], path[64], text[256], snippet[256];
    int64_t chars, body;
    double score;
    int has_text;
} seen;

static int collect(void *ud, const store_doc *d)
{
    seen *s = ud;
    if (s->n < 8)
        snprintf(s->ids[s->n], sizeof s->ids[0], "%s", d->id ? d->id : "(null)");
    s->n++;
    snprintf(s->title, sizeof s->title, "%s", d->title ? d->title : "(null)");
    snprintf(s->lang, sizeof s->lang, "%s", d->lang ? d->lang : "(null)");
    snprintf(s->date, sizeof s->date, "%s", d->date ? d->date : "(null)");
    snprintf(s->path, sizeof s->path, "%s", d->path ? d->path : "(null)");
    snprintf(s->snippet, sizeof s->snippet, "%s", d->snippet ? d->snippet : "(null)");
    s->has_text = d->text != NULL;
    if (d->text)
        snprintf(s->text, sizeof s->text, "%.*s", (int)d->text_n, d->text);
    s->chars = d->chars;
    s->body = d->body;
    s->score = d->score;
    return s->stop_after && s->n >= s->stop_after;
}

static int search_n(store *s, const char *q, seen *out, kr_error *e)
{
    memset(out, 0, sizeof *out);
    return store_search(s, q, 0, collect, out, e);
}

/* An integer a query on the database at path gives, or -1. */
static long long pragma_int(const char *path, const char *q)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static int user_version(const char *path)
{
    return (int)pragma_int(path, "PRAGMA user_version");
}

static void test_basic(kr_arena *a)
{
    store *s = NULL;
    kr_error e;
    char id1[33], id2[33], id3[33], prefix[8];
    seen got;
    int rc;

    kr_error_clear(&e, NULL);
    CHECK(store_schema_version() >= 1);
    rc = store_open(dbpath, STORE_WRITE, &s, &e);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "store_open: %s\n", e.msg);
        return;
    }
    CHECK_INT(user_version(dbpath), store_schema_version());
    CHECK_INT(store_count_docs(s), 0);

    CHECK_INT(put(s, a, "TEHRAN, September 20. Russian Defense Minister Sergey Shoigu met"
                        " his Iranian counterpart. The meeting lasted two hours.",
                  "Shoigu in  Tehran\n", "en", id1), 0);
    CHECK_INT(put(s, a, "Глава МИД России Сергей Лавров встретился с Сергеем Лавровым"
                        " (тезкой) в Москве. Переговоры прошли в Кремле.",
                  NULL, "ru", id2), 0);
    CHECK_INT(put(s, a, "Armenian and Azerbaijani officials held talks in Brussels.", "Talks",
                  NULL, id3), 0);
    CHECK_INT(strlen(id1), 32);
    CHECK(strcmp(id1, id2) != 0 && strcmp(id2, id3) != 0);
    CHECK_INT(store_count_docs(s), 3);

    CHECK_INT(store_has_doc(s, id1, &e), 1);
    CHECK_INT(store_has_doc(s, id3, &e), 1);
    CHECK_INT(store_has_doc(s, "00000000000000000000000000000000", &e), 0);
    CHECK_INT(store_has_doc(s, "", &e), 0);

    /* The same content again is refused by the store (ingest checks first). */
    {
        kr_doc d;
        char again[33];
        CHECK_INT(make_doc(a, "Armenian and Azerbaijani officials held talks in Brussels.",
                           NULL, NULL, &d, again), 0);
        CHECK_STR(again, id3);
        CHECK_INT(store_begin(s, &e), 0);
        CHECK(store_put_doc(s, &d, again, &t_rowid, &e) < 0);
        CHECK_INT(e.code, KR_EDB);
        store_rollback(s);
        CHECK_INT(store_count_docs(s), 3);
    }

    /* Listing in ingest order, with a limit, and stopped by the callback. */
    memset(&got, 0, sizeof got);
    CHECK_INT(store_docs(s, 0, collect, &got, &e), 3);
    CHECK_INT(got.n, 3);
    CHECK_STR(got.ids[0], id1);
    CHECK_STR(got.ids[1], id2);
    CHECK_STR(got.ids[2], id3);
    CHECK_INT(got.has_text, 0); /* listings carry no text */
    CHECK_STR(got.lang, "und");
    memset(&got, 0, sizeof got);
    CHECK_INT(store_docs(s, 2, collect, &got, &e), 2);
    CHECK_STR(got.ids[1], id2);
    memset(&got, 0, sizeof got);
    got.stop_after = 1;
    CHECK_INT(store_docs(s, 0, collect, &got, &e), 1);
    CHECK_INT(got.n, 1);

    /* By full id: every field back. */
    memset(&got, 0, sizeof got);
    CHECK_INT(store_doc_get(s, id1, collect, &got, &e), 1);
    CHECK_INT(got.n, 1);
    CHECK_STR(got.ids[0], id1);
    CHECK_STR(got.title, "Shoigu in Tehran"); /* one line, spaces collapsed */
    CHECK_STR(got.lang, "en");
    CHECK_STR(got.date, "2023-09-20");
    CHECK_STR(got.path, "in/test.txt");
    CHECK_INT(got.has_text, 1);
    CHECK(strncmp(got.text, "TEHRAN, September 20. Russian", 29) == 0);
    CHECK_INT(got.body, 0);
    /* chars counts code points: the Russian text has more bytes than chars */
    memset(&got, 0, sizeof got);
    CHECK_INT(store_doc_get(s, id2, collect, &got, &e), 1);
    CHECK_INT(got.chars, 107); /* code points, not bytes */
    CHECK_STR(got.title, "(null)");

    /* By a 4-character prefix, in either case. */
    memcpy(prefix, id3, 4);
    prefix[4] = '\0';
    if (strncmp(id1, prefix, 4) != 0 && strncmp(id2, prefix, 4) != 0) {
        size_t i;
        memset(&got, 0, sizeof got);
        CHECK_INT(store_doc_get(s, prefix, collect, &got, &e), 1);
        CHECK_STR(got.ids[0], id3);
        CHECK_STR(got.title, "Talks");
        for (i = 0; i < 4; i++)
            prefix[i] = (char)(prefix[i] >= 'a' ? prefix[i] - 32 : prefix[i]);
        memset(&got, 0, sizeof got);
        CHECK_INT(store_doc_get(s, prefix, collect, &got, &e), 1);
        CHECK_STR(got.ids[0], id3);
    }
    /* A prefix of no document, too short, or not hex. */
    {
        char none[8] = "0000";
        int k;
        for (k = 0; k < 16; k++) {
            none[0] = "0123456789abcdef"[k];
            if (none[0] != id1[0] && none[0] != id2[0] && none[0] != id3[0])
                break;
        }
        memset(&got, 0, sizeof got);
        CHECK_INT(store_doc_get(s, none, collect, &got, &e), 0);
        CHECK_INT(got.n, 0);
    }
    CHECK_INT(store_doc_get(s, "abc", collect, &got, &e), KR_EUSAGE);
    CHECK_INT(store_doc_get(s, "", collect, &got, &e), KR_EUSAGE);
    CHECK_INT(store_doc_get(s, "zzzz", collect, &got, &e), KR_EUSAGE);
    CHECK_INT(store_doc_get(s, "ab%_", collect, &got, &e), KR_EUSAGE);
    CHECK_INT(store_doc_get(s, "abcd'--", collect, &got, &e), KR_EUSAGE);

    /* Input files. */
    CHECK_INT(store_file_done(s, "in/a.txt", 100, 1700000000, &e), 0);
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_file_mark(s, "in/a.txt", 100, 1700000000, 3, &e), 0);
    CHECK_INT(store_commit(s, &e), 0);
    CHECK_INT(store_file_done(s, "in/a.txt", 100, 1700000000, &e), 1);
    CHECK_INT(store_file_done(s, "in/a.txt", 101, 1700000000, &e), 0);
    CHECK_INT(store_file_done(s, "in/a.txt", 100, 1700000001, &e), 0);
    CHECK_INT(store_file_done(s, "in/b.txt", 100, 1700000000, &e), 0);
    CHECK_INT(store_file_mark(s, "in/a.txt", 120, 1700000050, 4, &e), 0); /* replaced */
    CHECK_INT(store_file_done(s, "in/a.txt", 120, 1700000050, &e), 1);
    CHECK_INT(store_file_done(s, "in/a.txt", 100, 1700000000, &e), 0);

    store_close(s);
    store_close(NULL);

    /* Everything is still there after reopening, also read-only. */
    s = NULL;
    CHECK_INT(store_open(dbpath, STORE_READ, &s, &e), 0);
    if (s) {
        CHECK_INT(store_count_docs(s), 3);
        CHECK_INT(store_has_doc(s, id2, &e), 1);
        CHECK_INT(store_file_done(s, "in/a.txt", 120, 1700000050, &e), 1);
        store_close(s);
    }
}

static void test_search(void)
{
    store *s = NULL;
    kr_error e;
    seen got;
    int rc;
    kr_error_clear(&e, NULL);
    if (store_open(dbpath, STORE_READ, &s, &e) != 0) {
        CHECK(!"store_open");
        return;
    }
    /* Russian inflection: "лавров" finds "Сергеем Лавровым". */
    CHECK_INT(search_n(s, "лавров", &got, &e), 1);
    CHECK(strstr(got.title, "(null)") != NULL && strstr(got.snippet, "[") != NULL);
    CHECK(strstr(got.snippet, "[Лавров") != NULL);
    CHECK_INT(search_n(s, "ЛАВРОВА", &got, &e), 1);
    CHECK_INT(search_n(s, "переговорах", &got, &e), 1);
    /* English plural finds the singular, in the title too; case folded. */
    CHECK_INT(search_n(s, "meetings", &got, &e), 1);
    CHECK_STR(got.title, "Shoigu in Tehran");
    CHECK(got.score > 0);
    CHECK_INT(search_n(s, "TALK", &got, &e), 1);
    CHECK_STR(got.title, "Talks");
    /* Every word must match. */
    CHECK_INT(search_n(s, "Shoigu Tehran", &got, &e), 1);
    CHECK_INT(search_n(s, "Shoigu Brussels", &got, &e), 0);
    CHECK_INT(search_n(s, "nonexistentword", &got, &e), 0);
    /* Diacritics and ё folded in the query as in the text. */
    CHECK_INT(search_n(s, "Téhran", &got, &e), 1);
    /* FTS5 syntax in the query is text, never an expression or an error. */
    CHECK_INT(search_n(s, "Shoigu OR Brussels", &got, &e), 0);
    CHECK_INT(search_n(s, "\"Shoigu\"", &got, &e), 1);
    CHECK_INT(search_n(s, "title:Talks", &got, &e), 0);
    CHECK_INT(search_n(s, "NEAR(Shoigu met)", &got, &e), 0); /* "near" is a word */
    CHECK_INT(search_n(s, "(Shoigu)", &got, &e), 1);
    CHECK_INT(search_n(s, "Shoigu*", &got, &e), 1);
    CHECK_INT(search_n(s, "-Shoigu", &got, &e), 1);
    /* Queries without a single word: no hits, at most a usage error, never a
     * database error (and, under LeakSanitizer, no leak). */
    {
        static const char *const nowords[] = {"!!! ,,, ...", "\"", "* ^ : ( )", "\"\"*", "—"};
        size_t k;
        for (k = 0; k < sizeof nowords / sizeof nowords[0]; k++) {
            kr_error_clear(&e, NULL);
            rc = search_n(s, nowords[k], &got, &e);
            CHECK(rc == 0 || rc == KR_EUSAGE);
            CHECK(e.code != KR_EDB);
            CHECK_INT(got.n, 0);
        }
    }
    CHECK_INT(search_n(s, "Shoigu !!!", &got, &e), 1);
    /* Nothing at all is a usage error. */
    CHECK_INT(search_n(s, "", &got, &e), KR_EUSAGE);
    CHECK_INT(search_n(s, "   ", &got, &e), KR_EUSAGE);
    /* A limit. */
    {
        seen all;
        memset(&all, 0, sizeof all);
        CHECK_INT(store_search(s, "in", 1, collect, &all, &e), 1);
    }
    store_close(s);
}

/* Two documents whose ids share their first four hex digits: the prefix is
 * ambiguous, longer prefixes are not. */
static void test_ambiguous(kr_arena *a)
{
    enum { MAXTRY = 20000 };
    char (*texts)[48] = malloc(MAXTRY * sizeof *texts);
    unsigned short *first = calloc(65536, sizeof *first); /* prefix -> try + 1 */
    store *s = NULL;
    kr_error e;
    int i, hit = -1, other = -1;
    char id_a[33], id_b[33], prefix[33];
    seen got;

    kr_error_clear(&e, NULL);
    CHECK(first != NULL && texts != NULL);
    if (!first || !texts) {
        free(first);
        free(texts);
        return;
    }
    for (i = 0; i < MAXTRY && hit < 0; i++) {
        kr_doc d;
        char id[33];
        unsigned long p;
        snprintf(texts[i], sizeof texts[i], "Report number %d on the ceasefire.", i);
        memset(&d, 0, sizeof d);
        d.text.p = texts[i];
        d.text.n = strlen(texts[i]);
        doc_hash(&d, id); /* ASCII text is its own normalized form */
        id[4] = '\0';
        p = strtoul(id, NULL, 16);
        if (first[p]) {
            hit = i;
            other = first[p] - 1;
        } else {
            first[p] = (unsigned short)(i + 1);
        }
    }
    free(first);
    CHECK(hit >= 0);
    if (hit < 0 || store_open(dbpath, STORE_WRITE, &s, &e) != 0) {
        CHECK(!"store_open");
        free(texts);
        return;
    }
    CHECK_INT(put(s, a, texts[other], NULL, "en", id_a), 0);
    memcpy(prefix, id_a, 4);
    prefix[4] = '\0';
    memset(&got, 0, sizeof got);
    if (store_doc_get(s, prefix, collect, &got, &e) == 1)
        CHECK_STR(got.ids[0], id_a); /* unique until the second one comes */
    CHECK_INT(put(s, a, texts[hit], NULL, "en", id_b), 0);
    CHECK(strncmp(id_a, id_b, 4) == 0 && strcmp(id_a, id_b) != 0);
    memset(&got, 0, sizeof got);
    kr_error_clear(&e, NULL);
    CHECK_INT(store_doc_get(s, prefix, collect, &got, &e), KR_EUSAGE);
    CHECK_INT(got.n, 0); /* no callback for an ambiguous prefix */
    CHECK(strstr(e.msg, "ambiguous") != NULL);
    memset(&got, 0, sizeof got);
    CHECK_INT(store_doc_get(s, id_b, collect, &got, &e), 1);
    CHECK_STR(got.ids[0], id_b);
    memset(&got, 0, sizeof got);
    CHECK_INT(store_doc_get(s, id_a, collect, &got, &e), 1);
    CHECK_STR(got.ids[0], id_a);
    {
        size_t k = 4;
        while (k < 32 && id_a[k] == id_b[k])
            k++;
        if (k < 7) { /* shortest distinguishing prefix, when it is short */
            memcpy(prefix, id_b, k + 1);
            prefix[k + 1] = '\0';
            memset(&got, 0, sizeof got);
            CHECK_INT(store_doc_get(s, prefix, collect, &got, &e), 1);
            CHECK_STR(got.ids[0], id_b);
        }
    }
    store_close(s);
    free(texts);
}

static void test_transactions(kr_arena *a)
{
    store *w = NULL, *r = NULL;
    kr_error e;
    kr_doc d;
    char id[33], idx[33];
    int64_t before;
    seen got;

    kr_error_clear(&e, NULL);
    if (store_open(dbpath, STORE_WRITE, &w, &e) != 0) {
        CHECK(!"store_open");
        return;
    }
    before = store_count_docs(w);

    /* Rollback discards a put, in the table and in the index. */
    CHECK_INT(make_doc(a, "The quarantined zebra crossed the river.", NULL, "en", &d, id), 0);
    CHECK_INT(store_begin(w, &e), 0);
    CHECK_INT(store_put_doc(w, &d, id, &t_rowid, &e), 0);
    CHECK_INT(store_has_doc(w, id, &e), 1); /* visible inside the transaction */
    store_rollback(w);
    CHECK_INT(store_has_doc(w, id, &e), 0);
    CHECK_INT(store_count_docs(w), before);
    CHECK_INT(search_n(w, "zebra", &got, &e), 0);
    store_rollback(w); /* without a transaction: harmless */
    /* and the same document can be stored afterwards */
    CHECK_INT(store_begin(w, &e), 0);
    CHECK_INT(store_put_doc(w, &d, id, &t_rowid, &e), 0);
    CHECK_INT(store_commit(w, &e), 0);
    CHECK_INT(search_n(w, "zebras", &got, &e), 1);

    /* A reader opened while the writer holds an open transaction sees the
     * committed state only. */
    CHECK_INT(make_doc(a, "An uncommitted xylophone concert in Yerevan.", NULL, "en", &d, idx), 0);
    CHECK_INT(store_begin(w, &e), 0);
    CHECK_INT(store_put_doc(w, &d, idx, &t_rowid, &e), 0);
    CHECK_INT(store_open(dbpath, STORE_READ, &r, &e), 0);
    if (r) {
        CHECK_INT(store_has_doc(r, idx, &e), 0);
        CHECK_INT(store_has_doc(r, id, &e), 1);
        CHECK_INT(store_count_docs(r), before + 1);
        CHECK_INT(search_n(r, "xylophone", &got, &e), 0);
        CHECK_INT(search_n(r, "zebra", &got, &e), 1);
        memset(&got, 0, sizeof got);
        CHECK_INT(store_doc_get(r, idx, collect, &got, &e), 0);
    }
    CHECK_INT(store_commit(w, &e), 0);
    if (r) {
        CHECK_INT(store_has_doc(r, idx, &e), 1);
        CHECK_INT(store_count_docs(r), before + 2);
        CHECK_INT(search_n(r, "xylophone", &got, &e), 1);
        store_close(r);
    }
    /* A read-only connection cannot write. */
    r = NULL;
    CHECK_INT(store_open(dbpath, STORE_READ, &r, &e), 0);
    if (r) {
        kr_error_clear(&e, NULL);
        CHECK(store_begin(r, &e) < 0 || store_put_doc(r, &d, "ffff", &t_rowid, &e) < 0);
        store_rollback(r);
        store_close(r);
    }
    store_close(w);
}


/* The number of the secondary indexes (those whose names the migrations
 * choose, not SQLite's own for keys) of the database at path. */
static int count_indexes(const char *path)
{
    return (int)pragma_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                 " AND sql IS NOT NULL");
}

/* The definitions of the database's secondary indexes, in name order,
 * into out[2048]; returns out. */
static const char *index_sql(const char *path, char out[2048])
{
    sqlite3 *db;
    sqlite3_stmt *st;
    size_t n = 0;
    out[0] = '\0';
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                               " ORDER BY name", -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW && n < 2000)
            n += (size_t)snprintf(out + n, 2048 - n, "%s;", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

/* A bulk load drops the secondary indexes only when its input is big beside
 * the database, builds them again at its end as the migrations define
 * them, and a load killed before its end has them built by the next load
 * that is no bulk load. */
static void test_bulk(kr_arena *a)
{
    char path[128], id[33];
    store *s = NULL;
    kr_error e;
    int full;
    seen got;
    char before[2048], after[2048];
    snprintf(path, sizeof path, "%s/bulk.db", dir);
    kr_error_clear(&e, NULL);
    if (store_open(path, STORE_WRITE, &s, &e) != 0) {
        CHECK(!"store_open");
        return;
    }
    full = count_indexes(path);
    index_sql(path, before);
    CHECK_INT(pragma_int(path, "PRAGMA page_size"), 16384); /* a new database's pages */
    CHECK(full >= 5); /* docs' date, mentions' entity, events' date, source, target */
    CHECK_INT(store_bulk_begin(s, 0, &e), 0); /* nothing to load: left alone */
    CHECK_INT(count_indexes(path), full);
    CHECK_INT(store_bulk_begin(s, (uint64_t)1 << 40, &e), 1);
    CHECK_INT(count_indexes(path), full - 5);
    CHECK_INT(put(s, a, "A quarantined armadillo reached Tbilisi.", NULL, "en", id), 0);
    CHECK_INT(search_n(s, "armadillo", &got, &e), 1); /* queries work meanwhile */
    CHECK_INT(store_bulk_end(s, &e), 0);
    CHECK_INT(count_indexes(path), full);

    CHECK(strcmp(index_sql(path, after), before) == 0); /* built as the migrations build them */

    /* killed halfway: the next load that is no bulk load builds them (an
     * input far smaller than the database) */
    CHECK_INT(store_bulk_begin(s, (uint64_t)1 << 40, &e), 1);
    store_close(s);
    CHECK_INT(count_indexes(path), full - 5);
    s = NULL;
    CHECK_INT(store_open(path, STORE_WRITE, &s, &e), 0);
    CHECK_INT(count_indexes(path), full - 5); /* opening alone leaves them to the load */
    CHECK_INT(store_bulk_begin(s, 1, &e), 0);
    CHECK_INT(count_indexes(path), full);
    CHECK(strcmp(index_sql(path, after), before) == 0);
    store_close(s);
}

static void test_bad_databases(void)
{
    char future[128], missing[128], junk[128];
    store *s = NULL, *sentinel = (store *)&s;
    kr_error e;
    sqlite3 *db;
    FILE *f;

    /* A database from a newer kronika: refused, saying so, in both modes. */
    snprintf(future, sizeof future, "%s/future.db", dir);
    kr_error_clear(&e, NULL);
    CHECK_INT(store_open(future, STORE_WRITE, &s, &e), 0);
    store_close(s);
    CHECK_INT(sqlite3_open(future, &db), SQLITE_OK);
    {
        char q[64];
        snprintf(q, sizeof q, "PRAGMA user_version = %d", store_schema_version() + 1);
        CHECK_INT(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
    }
    sqlite3_close(db);
    s = sentinel;
    kr_error_clear(&e, NULL);
    CHECK_INT(store_open(future, STORE_WRITE, &s, &e), KR_EDB);
    CHECK(s == sentinel); /* out-parameter untouched on failure */
    CHECK(strstr(e.msg, "newer") != NULL);
    kr_error_clear(&e, NULL);
    CHECK_INT(store_open(future, STORE_READ, &s, &e), KR_EDB);
    CHECK(s == sentinel);
    CHECK(strstr(e.msg, "newer") != NULL);
    CHECK_INT(user_version(future), store_schema_version() + 1); /* not touched */

    /* A missing database in read mode names the path. */
    snprintf(missing, sizeof missing, "%s/missing.db", dir);
    kr_error_clear(&e, NULL);
    CHECK(store_open(missing, STORE_READ, &s, &e) < 0);
    CHECK(s == sentinel);
    CHECK(strstr(e.msg, "missing.db") != NULL);
    CHECK(access(missing, F_OK) != 0); /* not created */

    /* A directory that does not exist, and a file that is not a database. */
    kr_error_clear(&e, NULL);
    CHECK(store_open("/nonexistent-dir/x/k.db", STORE_WRITE, &s, &e) < 0);
    CHECK(strstr(e.msg, "/nonexistent-dir/x/k.db") != NULL);
    snprintf(junk, sizeof junk, "%s/junk.db", dir);
    f = fopen(junk, "w");
    CHECK(f != NULL);
    if (f) {
        int k;
        for (k = 0; k < 200; k++)
            fputs("this is not an SQLite database file\n", f);
        fclose(f);
    }
    kr_error_clear(&e, NULL);
    CHECK(store_open(junk, STORE_WRITE, &s, &e) < 0);
    CHECK(e.msg[0] != '\0');
    kr_error_clear(&e, NULL);
    CHECK(store_open(junk, STORE_READ, &s, &e) < 0);
    CHECK(strstr(e.msg, "junk.db") != NULL);
    CHECK(s == sentinel);
}

int main(void)
{
    kr_arena *a = arena_new();
    if (!a || t_tempdir(dir, sizeof dir, "t-store") != 0) {
        CHECK(0);
        return t_report();
    }
    snprintf(dbpath, sizeof dbpath, "%s/k.db", dir);
    test_basic(a);
    test_search();
    test_ambiguous(a);
    test_transactions(a);
    test_bulk(a);
    test_bad_databases();
    t_rmtree(dir);
    arena_free(a);
    return t_report();
}
