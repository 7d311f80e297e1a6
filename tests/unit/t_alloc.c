/* t_alloc.c: the failing-allocator pass: each operation runs with its n-th
 * allocation failing, n = 0, 1, ... until it succeeds; every run must give
 * KR_ENOMEM or the full result, with no crash or leak (LeakSanitizer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "doc.h"
#include "fold.h"
#include "norm.h"
#include "out.h"
#include "stem.h"
#include "store.h"
#include "t.h"

static int64_t t_rowid; /* row ids of stored documents, unused here */

#define MAX_N 100000 /* an operation needing more allocations is broken */

/* ICU, SQLite and Snowball allocate with their own allocators: only
 * kronika's own allocations fail here. */

/* One run of an operation under the armed allocator: returns 0 when it
 * succeeded with the right result, KR_ENOMEM when it failed cleanly, or
 * another value (counted as a failure, with `why` set). */
typedef int (*op_fn)(void *ud, const char **why);

/* Runs op for n = 0, 1, ... ; returns the n at which it first succeeded. */
static long run_failing(const char *name, op_fn op, void *ud)
{
    long n;
    int bad = 0;
    for (n = 0; n < MAX_N; n++) {
        const char *why = NULL;
        int rc;
        kr_alloc_fail_after(n);
        rc = op(ud, &why);
        kr_alloc_fail_after(-1);
        if (rc == 0)
            break;
        if (rc != KR_ENOMEM && bad++ < 5) {
            fprintf(stderr, "%s: allocation %ld failing gave %d (%s)\n", name, n, rc,
                    why ? why : "wrong code");
        }
    }
    CHECK_INT(bad, 0);
    CHECK(n < MAX_N);
    if (n >= MAX_N)
        fprintf(stderr, "%s: never succeeded\n", name);
    return n;
}

/* --- norm_text on text that needs NFC, long enough to grow buffers --- */

typedef struct norm_case {
    kr_buf in, want;
} norm_case;

static int op_norm(void *ud, const char **why)
{
    norm_case *c = ud;
    kr_buf res = {0};
    kr_error e;
    int rc;
    kr_error_clear(&e, "in.txt");
    rc = norm_text(c->in.p, c->in.n, &res, &e);
    kr_alloc_fail_after(-1);
    if (rc == 0 && (res.n != c->want.n || memcmp(res.p, c->want.p, res.n) != 0)) {
        *why = "succeeded with a wrong result";
        rc = 99;
    } else if (rc != 0 && e.code != rc) {
        *why = "error not filled";
        rc = 98;
    }
    kr_buf_free(&res);
    return rc;
}

static void test_norm(void)
{
    norm_case c = {{0}, {0}};
    int k;
    long n;
    kr_buf_puts(&c.in, "\xEF\xBB\xBF");
    for (k = 0; k < 400; k++) {
        kr_buf_puts(&c.in, "Cafe\xCC\x81 \xD0\xB8\xCC\x86 \xE1\x84\x80\xE1\x85\xA1\r\n");
        kr_buf_puts(&c.want, "Caf\xC3\xA9 \xD0\xB9 \xEA\xB0\x80\n");
    }
    n = run_failing("norm_text", op_norm, &c);
    CHECK(n >= 2); /* the output buffer and at least one conversion buffer */
    kr_buf_free(&c.in);
    kr_buf_free(&c.want);
}

/* --- doc_finish on a text with a header and a title to normalize --- */

static const char doc_header[] =
    "date 2023-11-10 \xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90, 10 "
    "\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F. /\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1/. ";
static const char doc_title[] = "  Lavrov \r\n and  Cafe\xCC\x81\t";

typedef struct doc_case {
    kr_buf text;   /* input */
    size_t want_n; /* bytes of the normalized text */
} doc_case;

static int op_doc(void *ud, const char **why)
{
    doc_case *c = ud;
    kr_arena *a = arena_new();
    kr_doc d;
    kr_error e;
    int rc;
    if (!a)
        return KR_ENOMEM;
    memset(&d, 0, sizeof d);
    kr_error_clear(&e, "in.txt");
    d.path = "in.txt";
    d.text.p = c->text.p;
    d.text.n = c->text.n;
    d.title.p = doc_title;
    d.title.n = sizeof doc_title - 1;
    d.lang.p = "en";
    d.lang.n = 2;
    d.sniff = DOC_SNIFF_HEADER;
    rc = doc_finish(&d, a, &e);
    kr_alloc_fail_after(-1);
    if (rc == 0) {
        char date[11];
        date_format(d.date, date);
        if (d.text.n != c->want_n || memcmp(d.text.p, "date 2023-11-10 ", 16) != 0)
            *why = "text", rc = 99;
        else if (d.title.n != 16 || memcmp(d.title.p, "Lavrov and Caf\xC3\xA9", 16) != 0)
            *why = "title", rc = 99;
        else if (d.dateline.n != 12 ||
                 memcmp(d.dateline.p, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 12) != 0)
            *why = "succeeded without the dateline (\"Moskva\")", rc = 99;
        else if (d.agency.n != 4 || memcmp(d.agency.p, "TASS", 4) != 0)
            *why = "agency", rc = 99;
        else if (strcmp(date, "2023-11-10") != 0)
            *why = "date", rc = 99;
        else if (d.body == 0 || d.body >= d.text.n)
            *why = "body", rc = 99;
    } else if (e.code != rc) {
        *why = "error not filled";
        rc = 98;
    }
    arena_free(a);
    return rc;
}

static void test_doc(void)
{
    doc_case c;
    const char *why = NULL;

    /* A short report: NFC and CRLF in the body. */
    memset(&c, 0, sizeof c);
    kr_buf_puts(&c.text, doc_header);
    kr_buf_puts(&c.text, "Cafe\xCC\x81 Lavrov met his counterpart.\r\n");
    c.want_n = c.text.n - 2;
    CHECK_INT(op_doc(&c, &why), 0); /* the expected result, unhindered */
    if (why)
        fprintf(stderr, "doc_finish: %s\n", why);
    run_failing("doc_finish", op_doc, &c);
    kr_buf_free(&c.text);

    /* A report whose stored text all but fills the arena's first block, so
     * that the header's title-cased place needs a block of its own. */
    memset(&c, 0, sizeof c);
    kr_buf_puts(&c.text, doc_header);
    while (c.text.n < 65500 - 6)
        kr_buf_puts(&c.text, "word ");
    while (c.text.n < 65500)
        kr_buf_putc(&c.text, 'x');
    c.want_n = c.text.n;
    why = NULL;
    CHECK_INT(op_doc(&c, &why), 0);
    if (why)
        fprintf(stderr, "doc_finish (long): %s\n", why);
    run_failing("doc_finish (long)", op_doc, &c);
    kr_buf_free(&c.text);
}

/* --- arena: small, huge, strndup, reset --- */

static int op_arena(void *ud, const char **why)
{
    kr_arena *a = arena_new();
    int k, rc = 0;
    (void)ud;
    if (!a)
        return KR_ENOMEM;
    for (k = 0; k < 3 && rc == 0; k++) {
        int i;
        char *s;
        unsigned char *big;
        for (i = 0; i < 5000 && rc == 0; i++) {
            unsigned char *p = arena_alloc(a, 24);
            if (!p)
                rc = KR_ENOMEM;
            else
                memset(p, i & 0xFF, 24);
        }
        if (rc == 0 && !(big = arena_alloc(a, 300000)))
            rc = KR_ENOMEM;
        else if (rc == 0)
            memset(big, 1, 300000);
        if (rc == 0 && !(s = arena_strndup(a, "Tbilisi", 7)))
            rc = KR_ENOMEM;
        else if (rc == 0 && strcmp(s, "Tbilisi") != 0)
            *why = "strndup", rc = 99;
        arena_reset(a);
    }
    kr_alloc_fail_after(-1);
    if (rc == 0 && arena_footprint(a) > 65536 + 64)
        *why = "footprint after reset", rc = 99;
    arena_free(a);
    return rc;
}

/* --- kr_buf growth --- */

static int op_buf(void *ud, const char **why)
{
    kr_buf b = {0};
    int rc = 0;
    size_t i, last = 0;
    (void)ud;
    for (i = 0; i < 20000 && rc == 0; i++) {
        last = b.n;
        if (i % 2)
            rc = kr_buf_printf(&b, "%05zu,", i);
        else
            rc = kr_buf_append(&b, "abcdefghij", 10);
    }
    kr_alloc_fail_after(-1);
    /* Whatever happened, the content so far is intact and terminated. */
    if (rc == KR_ENOMEM && b.p && (b.n != last || b.p[b.n] != '\0'))
        *why = "buffer damaged by a failed append", rc = 99;
    if (rc == 0 && b.n != 10000 * 10 + 10000 * 6)
        *why = "length", rc = 99;
    if (rc == 0 && memcmp(b.p + b.n - 6, "19999,", 6) != 0)
        *why = "content", rc = 99;
    kr_buf_free(&b);
    return rc;
}

/* --- out: every format, compared with the unhindered output --- */

typedef struct out_case {
    int format;
    kr_buf want;
    int have_want;
} out_case;

static int write_listing(int format, kr_buf *got, int *rc_out)
{
    static const char *const cols[] = {"id", "name", "n", "ok"};
    static const char *const names[] = {"Сергей Лавров", "Baku, \"city\"", NULL,
                                        "a very long name that goes on and on beyond sixty characters for sure"};
    FILE *f = tmpfile();
    out *o;
    int k;
    char chunk[4096];
    size_t n;
    if (!f)
        return -1;
    o = out_new(f, format, cols, 4);
    if (!o) {
        fclose(f);
        *rc_out = KR_ENOMEM;
        return 0;
    }
    for (k = 0; k < 40; k++) {
        out_int(o, k);
        out_str(o, names[k % 4]);
        out_real(o, k * 0.5);
        out_bool(o, k & 1);
        out_row_end(o);
    }
    *rc_out = out_close(o);
    kr_alloc_fail_after(-1);
    rewind(f);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        kr_buf_append(got, chunk, n);
    fclose(f);
    return 0;
}

static int op_out(void *ud, const char **why)
{
    out_case *c = ud;
    kr_buf got = {0};
    int rc = 0;
    if (write_listing(c->format, &got, &rc) != 0) {
        kr_alloc_fail_after(-1);
        *why = "tmpfile";
        return 97;
    }
    if (rc == 0 && c->have_want && (got.n != c->want.n || memcmp(got.p, c->want.p, got.n) != 0))
        *why = "out_close returned 0 but the output is incomplete", rc = 99;
    else if (rc != 0 && rc != KR_ENOMEM)
        *why = "not KR_ENOMEM", rc = rc == KR_EIO ? 96 : rc;
    kr_buf_free(&got);
    return rc;
}

static void test_out(void)
{
    static const char *const fmt_names[] = {"out table", "out jsonl", "out csv"};
    int fmt;
    for (fmt = OUT_TABLE; fmt <= OUT_CSV; fmt++) {
        out_case c;
        int rc = -1;
        memset(&c, 0, sizeof c);
        c.format = fmt;
        CHECK_INT(write_listing(fmt, &c.want, &rc), 0);
        CHECK_INT(rc, 0);
        CHECK(c.want.n > 1000);
        c.have_want = 1;
        run_failing(fmt_names[fmt], op_out, &c);
        kr_buf_free(&c.want);
    }
}

/* --- stemming cache --- */

static int op_stem(void *ud, const char **why)
{
    stem_cache *c = stem_new();
    kr_str o;
    int rc;
    (void)ud;
    if (!c)
        return KR_ENOMEM;
    rc = stem_word(c, FOLD_LATIN, "meetings", 8, &o);
    kr_alloc_fail_after(-1);
    if (rc == 0 && (o.n != 4 || memcmp(o.p, "meet", 4) != 0))
        *why = "stem", rc = 99;
    stem_free(c);
    return rc;
}

/* --- the store: open, put, search, close (SQLite's own memory aside, the
 * store handle and the tokenizer's stem caches come from kronika) --- */

typedef struct store_case {
    char dir[64], path[96];
    char msg[256]; /* the last error message */
} store_case;

static int found(void *ud, const store_doc *d)
{
    (void)d;
    (*(int *)ud)++;
    return 0;
}

static void remove_db(const store_case *c)
{
    static const char *const sfx[] = {"", "-wal", "-shm"};
    char p[128];
    size_t k;
    for (k = 0; k < 3; k++) {
        snprintf(p, sizeof p, "%s%s", c->path, sfx[k]);
        unlink(p);
    }
}

static int op_store(void *ud, const char **why)
{
    store_case *c = ud;
    store *s = NULL;
    kr_arena *a = NULL;
    kr_doc d;
    kr_error e;
    char id[33];
    int rc, hits = 0;
    remove_db(c);
    kr_error_clear(&e, NULL);
    if ((rc = store_open(c->path, STORE_WRITE, &s, &e)) != 0)
        goto done;
    if (!(a = arena_new())) {
        rc = KR_ENOMEM;
        goto done;
    }
    memset(&d, 0, sizeof d);
    d.text.p = "Sergey Lavrov held meetings in Yerevan.";
    d.text.n = strlen(d.text.p);
    d.lang.p = "en";
    d.lang.n = 2;
    if ((rc = doc_finish(&d, a, &e)) != 0)
        goto done;
    doc_hash(&d, id);
    if ((rc = store_begin(s, &e)) != 0)
        goto done;
    if ((rc = store_put_doc(s, &d, id, &t_rowid, &e)) != 0 || (rc = store_commit(s, &e)) != 0) {
        store_rollback(s);
        goto done;
    }
    rc = store_search(s, "meeting", 0, found, &hits, &e);
    if (rc > 0)
        rc = hits == 1 ? 0 : 99;
    else if (rc == 0)
        rc = 99;
    if (rc == 99)
        *why = "document not found";
done:
    kr_alloc_fail_after(-1);
    /* SQLite reports the tokenizer's SQLITE_NOMEM as a database error. */
    if (rc == KR_EDB && strstr(e.msg, "out of memory"))
        rc = KR_ENOMEM;
    if (rc != 0 && rc != KR_ENOMEM && rc != 99) {
        memcpy(c->msg, e.msg, sizeof c->msg);
        *why = c->msg;
    }
    store_close(s);
    arena_free(a);
    return rc;
}

static void test_store(void)
{
    store_case c;
    if (t_tempdir(c.dir, sizeof c.dir, "t-alloc") != 0) {
        CHECK(!"mkdtemp");
        return;
    }
    snprintf(c.path, sizeof c.path, "%s/a.db", c.dir);
    run_failing("store", op_store, &c);
    t_rmtree(c.dir);
}

int main(void)
{
    test_norm();
    test_doc();
    run_failing("arena", op_arena, NULL);
    run_failing("kr_buf", op_buf, NULL);
    test_out();
    run_failing("stem", op_stem, NULL);
    test_store();
    return t_report();
}
