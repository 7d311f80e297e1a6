/* t_rd_jsonl.c: unit tests for the JSON Lines reader: fields, line
 * splitting (BOM, CRLF, blank lines), rejected lines with their line numbers
 * and offsets, limits, sink stops and bounded arena use. */
#include <stdlib.h>

#include "json.h"
#include "rd.h"
#include "t.h"

#define MAXREC 64

/* What the sink saw, copied out of the arena before it is reset. */
typedef struct got_doc {
    size_t line;
    char *path, *text, *title, *url, *ext_id, *source, *lang;
    size_t text_n;
    kr_date date;
    unsigned sniff;
} got_doc;

typedef struct got_rej {
    size_t line, byte;
    int code;
    const char *file;
    char msg[256];
} got_rej;

typedef struct state {
    got_doc doc[MAXREC];
    got_rej rej[MAXREC];
    size_t ndoc, nrej;  /* counts, also past MAXREC */
    size_t stop_at;     /* doc returns KR_EDB on this doc (1-based), 0 never */
    kr_arena *a;
    size_t max_footprint;
} state;

static char *dupstr(kr_str s)
{
    return s.p ? kr_strndup(s.p, s.n) : kr_strndup("", 0);
}

static int on_doc(void *ud, kr_doc *d)
{
    state *st = ud;
    size_t fp = arena_footprint(st->a);
    if (fp > st->max_footprint)
        st->max_footprint = fp;
    if (st->ndoc < MAXREC) {
        got_doc *g = &st->doc[st->ndoc];
        g->line = d->line;
        g->path = kr_strndup(d->path, strlen(d->path));
        g->text = dupstr(d->text);
        g->text_n = d->text.n;
        g->title = dupstr(d->title);
        g->url = dupstr(d->url);
        g->ext_id = dupstr(d->ext_id);
        g->source = dupstr(d->source);
        g->lang = dupstr(d->lang);
        g->date = d->date;
        g->sniff = d->sniff;
    }
    st->ndoc++;
    if (st->stop_at && st->ndoc == st->stop_at)
        return KR_EDB;
    return 0;
}

static void on_reject(void *ud, const kr_error *e)
{
    state *st = ud;
    if (st->nrej < MAXREC) {
        got_rej *r = &st->rej[st->nrej];
        r->line = e->line;
        r->byte = e->byte;
        r->code = e->code;
        r->file = e->file;
        memcpy(r->msg, e->msg, sizeof r->msg);
    }
    st->nrej++;
}

static void clear(state *st)
{
    size_t k;
    for (k = 0; k < st->ndoc && k < MAXREC; k++) {
        got_doc *g = &st->doc[k];
        kr_free(g->path);
        kr_free(g->text);
        kr_free(g->title);
        kr_free(g->url);
        kr_free(g->ext_id);
        kr_free(g->source);
        kr_free(g->lang);
    }
    memset(st, 0, sizeof *st);
}

static kr_arena *A;
static state S;
static kr_error E;

/* Reads data[0..n) as "in.jsonl" into S (cleared first). */
static int readn(const char *data, size_t n)
{
    rd_sink sink = {on_doc, on_reject, &S};
    clear(&S);
    S.a = A;
    kr_error_clear(&E, "in.jsonl");
    return rd_jsonl("in.jsonl", data, n, A, &sink, &E);
}

static int reads(const char *data)
{
    return readn(data, strlen(data));
}

static int has(const char *msg, const char *part)
{
    if (strstr(msg, part))
        return 1;
    fprintf(stderr, "  message was: %s\n", msg);
    return 0;
}

static void test_all_fields(void)
{
    got_doc *g;
    CHECK_INT(reads("{\"id\": \"r-1\", \"title\": \"Shoigu in Tehran\", \"date\": \"2023-09-20\", "
                    "\"url\": \"https://example.org/1\", \"source\": \"IRNA\", \"lang\": \"en\", "
                    "\"extra\": {\"tags\": [1, 2]}, "
                    "\"text\": \"TEHRAN, Sept. 20 \\u2014 Russian Defense Minister Sergey Shoigu met...\\n\"}\n"),
              0);
    CHECK_INT(S.ndoc, 1);
    CHECK_INT(S.nrej, 0);
    g = &S.doc[0];
    CHECK_STR(g->path, "in.jsonl");
    CHECK_INT(g->line, 1);
    CHECK_STR(g->text, "TEHRAN, Sept. 20 \xE2\x80\x94 Russian Defense Minister Sergey Shoigu met...\n");
    CHECK_STR(g->title, "Shoigu in Tehran");
    CHECK_STR(g->url, "https://example.org/1");
    CHECK_STR(g->ext_id, "r-1");
    CHECK_STR(g->source, "IRNA");
    CHECK_STR(g->lang, "en");
    CHECK_INT(g->date.y, 2023);
    CHECK_INT(g->date.m, 9);
    CHECK_INT(g->date.d, 20);
    CHECK_INT(g->sniff, 0);
}

static void test_minimal_and_id(void)
{
    got_doc *g;
    CHECK_INT(reads("{\"text\":\"a\",\"id\":12345}\n{\"id\":-1.5e3,\"text\":\"b\"}\n"
                    "{\"text\":\"c\",\"id\":null,\"title\":null,\"url\":null,\"source\":null,"
                    "\"lang\":null,\"date\":null}"),
              0);
    CHECK_INT(S.ndoc, 3);
    CHECK_INT(S.nrej, 0);
    g = &S.doc[0];
    CHECK_STR(g->ext_id, "12345");
    CHECK_INT(g->sniff, DOC_SNIFF_LANG | DOC_SNIFF_HEADER);
    CHECK_INT(g->date.y, 0);
    CHECK_STR(g->title, "");
    CHECK_STR(S.doc[1].ext_id, "-1.5e3");
    g = &S.doc[2];
    CHECK_INT(g->line, 3);
    CHECK_STR(g->text, "c");
    CHECK_STR(g->ext_id, "");
    CHECK_STR(g->title, "");
    CHECK_STR(g->lang, "");
    CHECK_INT(g->sniff, DOC_SNIFF_LANG | DOC_SNIFF_HEADER);
}

static void test_unicode(void)
{
    CHECK_INT(reads("{\"text\":\"\\u0428\\u043E\\u0439\\u0433\\u0443 \\ud83d\\ude00 Bak\\u0131 "
                    "raw: \xD0\x96 \xF0\x9F\x98\x80\",\"title\":\"caf\\u00e9\"}\n"),
              0);
    CHECK_INT(S.ndoc, 1);
    CHECK_STR(S.doc[0].text, "Шойгу 😀 Bakı raw: Ж 😀");
    CHECK_STR(S.doc[0].title, "café");
    /* escaped NUL reaches the document (doc_finish rejects it later) */
    CHECK_INT(reads("{\"text\":\"a\\u0000b\"}"), 0);
    CHECK_INT(S.doc[0].text_n, 3);
    /* lone surrogate and invalid UTF-8: rejected lines */
    CHECK_INT(reads("{\"text\":\"\\ud83d x\"}\n{\"text\":\"ab\xC3(\"}\n"), 0);
    CHECK_INT(S.ndoc, 0);
    CHECK_INT(S.nrej, 2);
    CHECK_INT(S.rej[0].line, 1);
    CHECK_INT(S.rej[0].code, KR_EFORMAT);
    CHECK_INT(S.rej[0].byte, 9);
    CHECK(has(S.rej[0].msg, "surrogate"));
    CHECK_INT(S.rej[1].line, 2);
    CHECK_INT(S.rej[1].code, KR_EUTF8);
    CHECK_INT(S.rej[1].byte, 11);
    CHECK(has(S.rej[1].msg, "invalid UTF-8 at byte 11"));
}

static void test_broken_among_good(void)
{
    static const char in[] =
        "{\"text\":\"one\"}\n"                       /* 1 good */
        "{\"text\": \"x\",}\n"                       /* 2 trailing comma */
        "{\"text\":\"three\"}\n"                     /* 3 good */
        "not json at all\n"                          /* 4 */
        "\n"                                         /* 5 blank */
        "{\"title\":\"no text\"}\n"                  /* 6 missing text */
        "{\"text\": 5}\n"                            /* 7 text not a string */
        "{\"text\":\"\"}\n"                          /* 8 empty text */
        "{\"text\":\"ok\", \"title\": 7}\n"          /* 9 title a number */
        "{\"text\":\"ok\",\"id\":true}\n"            /* 10 id a boolean */
        "   \t  \n"                                  /* 11 blank */
        "{\"text\":\"twelve\"}\n"                    /* 12 good */
        "[{\"text\":\"array\"}]\n"                   /* 13 not an object */
        "{\"text\":\"a\tb\"}\n"                      /* 14 raw tab in string */
        "{\"text\":\"ok\",\"date\":20230920}\n"      /* 15 date a number */
        "{\"text\":\"ok\",\"lang\":[\"en\"]}\n"      /* 16 lang an array */
        "{\"text\":\"  \\n \"}\n"                    /* 17 blank text */
        "{\"text\":\"unterminated}\n"                /* 18 */
        "{\"text\":\"last\"}";                       /* 19 good, no newline */
    CHECK_INT(reads(in), 0);
    CHECK_INT(S.ndoc, 4);
    CHECK_INT(S.doc[0].line, 1);
    CHECK_STR(S.doc[0].text, "one");
    CHECK_INT(S.doc[1].line, 3);
    CHECK_STR(S.doc[1].text, "three");
    CHECK_INT(S.doc[2].line, 12);
    CHECK_STR(S.doc[2].text, "twelve");
    CHECK_INT(S.doc[3].line, 19);
    CHECK_STR(S.doc[3].text, "last");

    CHECK_INT(S.nrej, 13);
    CHECK_INT(S.rej[0].line, 2);
    CHECK_INT(S.rej[0].byte, 13);
    CHECK(has(S.rej[0].msg, "expected a string key after ','"));
    CHECK(S.rej[0].file && strcmp(S.rej[0].file, "in.jsonl") == 0);
    CHECK_INT(S.rej[1].line, 4);
    CHECK(has(S.rej[1].msg, "expected '{'"));
    CHECK_INT(S.rej[2].line, 6);
    CHECK(has(S.rej[2].msg, "missing \"text\""));
    CHECK_INT(S.rej[3].line, 7);
    CHECK(has(S.rej[3].msg, "\"text\" must be a string, not a number"));
    CHECK_INT(S.rej[3].byte, 9);
    CHECK_INT(S.rej[4].line, 8);
    CHECK(has(S.rej[4].msg, "empty \"text\""));
    CHECK_INT(S.rej[5].line, 9);
    CHECK(has(S.rej[5].msg, "\"title\" must be a string"));
    CHECK_INT(S.rej[5].byte, 23);
    CHECK_INT(S.rej[6].line, 10);
    CHECK(has(S.rej[6].msg, "\"id\" must be a string or a number, not a boolean"));
    CHECK_INT(S.rej[7].line, 13);
    CHECK_INT(S.rej[8].line, 14);
    CHECK(has(S.rej[8].msg, "control character"));
    CHECK_INT(S.rej[8].byte, 10);
    CHECK_INT(S.rej[9].line, 15);
    CHECK(has(S.rej[9].msg, "\"date\" must be a string"));
    CHECK_INT(S.rej[10].line, 16);
    CHECK(has(S.rej[10].msg, "\"lang\" must be a string, not an array"));
    CHECK_INT(S.rej[11].line, 17);
    CHECK(has(S.rej[11].msg, "empty \"text\""));
    CHECK_INT(S.rej[12].line, 18);
    CHECK(has(S.rej[12].msg, "unterminated string"));
    CHECK_INT(S.rej[12].byte, 8);
    CHECK_INT(S.rej[12].code, KR_EFORMAT);
}

static void test_bom_crlf_blank(void)
{
    CHECK_INT(reads("\xEF\xBB\xBF{\"text\":\"a\"}\r\n\r\n{\"text\":\"b\",\"title\":\"t\"}\r\n"), 0);
    CHECK_INT(S.nrej, 0);
    CHECK_INT(S.ndoc, 2);
    CHECK_STR(S.doc[0].text, "a");
    CHECK_INT(S.doc[0].line, 1);
    CHECK_STR(S.doc[1].text, "b");
    CHECK_STR(S.doc[1].title, "t");
    CHECK_INT(S.doc[1].line, 3);
    /* a BOM later on is not skipped */
    CHECK_INT(reads("{\"text\":\"a\"}\n\xEF\xBB\xBF{\"text\":\"b\"}\n"), 0);
    CHECK_INT(S.ndoc, 1);
    CHECK_INT(S.nrej, 1);
    CHECK_INT(S.rej[0].line, 2);
    /* only a BOM, only blank lines, nothing */
    CHECK_INT(reads("\xEF\xBB\xBF"), 0);
    CHECK_INT(S.ndoc + S.nrej, 0);
    CHECK_INT(reads("\n \n\t\r\n\r\n"), 0);
    CHECK_INT(S.ndoc + S.nrej, 0);
    CHECK_INT(readn(NULL, 0), 0);
    CHECK_INT(S.ndoc + S.nrej, 0);
    CHECK_INT(readn("", 0), 0);
    CHECK_INT(S.ndoc + S.nrej, 0);
    /* a lone CR inside a line is JSON whitespace, and CR only strips once */
    CHECK_INT(reads("{\"text\":\"a\"}\r\r\n"), 0);
    CHECK_INT(S.ndoc, 1);
    /* a NUL byte in a line */
    CHECK_INT(readn("{\"text\":\"a\"}\0\n{\"text\":\"b\"}", 26), 0);
    CHECK_INT(S.ndoc, 1);
    CHECK_INT(S.nrej, 1);
    CHECK_INT(S.rej[0].byte, 12);
    CHECK_STR(S.doc[0].text, "b");
}

static void test_lang(void)
{
    CHECK_INT(reads("{\"text\":\"a\",\"lang\":\"EN\"}\n"
                    "{\"text\":\"a\",\"lang\":\"pt-BR\"}\n"
                    "{\"text\":\"a\",\"lang\":\"xx-!!\"}\n"
                    "{\"text\":\"a\",\"lang\":\"english\"}\n"
                    "{\"text\":\"a\",\"lang\":\"\"}\n"
                    "{\"text\":\"a\",\"lang\":\"zh-Hant\"}\n"
                    "{\"text\":\"a\",\"lang\":\"en-\"}\n"
                    "{\"text\":\"a\",\"lang\":\"ru\",\"date\":\"2023-09-20\"}\n"
                    "{\"text\":\"a\",\"lang\":\"es-419ab\"}\n"),
              0);
    CHECK_INT(S.ndoc, 9);
    CHECK_STR(S.doc[0].lang, "en");
    CHECK_INT(S.doc[0].sniff, DOC_SNIFF_HEADER);
    CHECK_STR(S.doc[1].lang, "pt-br");
    CHECK_STR(S.doc[2].lang, "");
    CHECK_INT(S.doc[2].sniff, DOC_SNIFF_LANG | DOC_SNIFF_HEADER);
    CHECK_STR(S.doc[3].lang, "");
    CHECK_STR(S.doc[4].lang, "");
    CHECK_INT(S.doc[4].sniff & DOC_SNIFF_LANG, DOC_SNIFF_LANG);
    CHECK_STR(S.doc[5].lang, "zh-hant");
    CHECK_STR(S.doc[6].lang, "");
    CHECK_STR(S.doc[7].lang, "ru");
    CHECK_INT(S.doc[7].sniff, 0);
    CHECK_STR(S.doc[8].lang, "es-419ab");
}

static void test_dates(void)
{
    CHECK_INT(reads("{\"text\":\"a\",\"date\":\"2023-09-20T10:00:00Z\"}\n"
                    "{\"text\":\"a\",\"date\":\"yesterday\"}\n"
                    "{\"text\":\"a\",\"date\":\"\"}\n"
                    "{\"text\":\"a\",\"date\":\"2023-02-30\"}\n"
                    "{\"text\":\"a\",\"date\":\"20.09.2023\"}\n"),
              0);
    CHECK_INT(S.ndoc, 5);
    CHECK_INT(S.nrej, 0);
    CHECK_INT(S.doc[0].date.y, 2023);
    CHECK_INT(S.doc[0].date.m, 9);
    CHECK_INT(S.doc[0].date.d, 20);
    CHECK_INT(S.doc[0].sniff, DOC_SNIFF_LANG);
    /* unreadable date: document kept, date unknown, header sniffed */
    CHECK_INT(S.doc[1].date.y, 0);
    CHECK_INT(S.doc[1].sniff, DOC_SNIFF_LANG | DOC_SNIFF_HEADER);
    CHECK_INT(S.doc[2].date.y, 0);
    CHECK_INT(S.doc[3].date.y, 0);
    CHECK_INT(S.doc[4].date.y, 2023);
    CHECK_INT(S.doc[4].date.m, 9);
    CHECK_INT(S.doc[4].date.d, 20);
}

static void test_duplicate_text(void)
{
    CHECK_INT(reads("{\"text\":\"first\",\"text\":\"second\"}"), 0);
    CHECK_INT(S.ndoc, 1);
    CHECK_STR(S.doc[0].text, "second");
}

static void test_sink_stops(void)
{
    static const char in[] = "{\"text\":\"1\"}\n{\"text\":\"2\"}\nbad\n{\"text\":\"3\"}\n";
    rd_sink sink = {on_doc, on_reject, &S};
    int rc;
    clear(&S);
    S.a = A;
    S.stop_at = 2;
    kr_error_clear(&E, "in.jsonl");
    rc = rd_jsonl("in.jsonl", in, strlen(in), A, &sink, &E);
    CHECK_INT(rc, KR_EDB);
    CHECK_INT(S.ndoc, 2);
    CHECK_INT(S.nrej, 0);
    arena_reset(A);
}

static void test_no_reject_callback(void)
{
    rd_sink sink = {on_doc, NULL, &S};
    clear(&S);
    S.a = A;
    CHECK_INT(rd_jsonl("x", "bad\n{\"text\":\"ok\"}\n", strlen("bad\n{\"text\":\"ok\"}\n"), A, &sink, NULL), 0);
    CHECK_INT(S.ndoc, 1);
}

static void test_deep_and_wide(void)
{
    kr_buf b = {0};
    size_t k;
    /* nesting beyond 64 in an ignored member rejects the line only */
    kr_buf_puts(&b, "{\"text\":\"t\",\"x\":");
    for (k = 0; k < 100; k++)
        kr_buf_putc(&b, '[');
    for (k = 0; k < 100; k++)
        kr_buf_putc(&b, ']');
    kr_buf_puts(&b, "}\n{\"text\":\"after\"}\n");
    CHECK_INT(readn(b.p, b.n), 0);
    CHECK_INT(S.nrej, 1);
    CHECK_INT(S.rej[0].line, 1);
    CHECK(has(S.rej[0].msg, "nesting deeper than 64"));
    CHECK_INT(S.rej[0].byte, 16 + 63);
    CHECK_INT(S.ndoc, 1);
    CHECK_STR(S.doc[0].text, "after");

    /* 100000 members, text last */
    kr_buf_reset(&b);
    kr_buf_putc(&b, '{');
    for (k = 0; k < 100000; k++)
        kr_buf_printf(&b, "\"m%zu\":[%zu],", k, k);
    kr_buf_puts(&b, "\"text\":\"wide\"}\n");
    CHECK_INT(readn(b.p, b.n), 0);
    CHECK_INT(S.ndoc, 1);
    CHECK_STR(S.doc[0].text, "wide");
    kr_buf_free(&b);
}

static void test_arena_bounded(void)
{
    /* 200 lines of 200 KB text each: the arena never holds more than about
     * one line, and is back to one block afterwards */
    const size_t lines = 200, tlen = 200000;
    kr_buf b = {0};
    size_t k;
    char *text = malloc(tlen);
    memset(text, 'x', tlen);
    for (k = 0; k < lines; k++) {
        kr_buf_puts(&b, "{\"text\":\"");
        kr_buf_append(&b, text, tlen);
        kr_buf_puts(&b, "\"}\n");
    }
    CHECK_INT(readn(b.p, b.n), 0);
    CHECK_INT(S.ndoc, lines);
    CHECK(S.max_footprint < 3 * tlen);
    CHECK(arena_footprint(A) <= 65536 + 256);
    free(text);
    kr_buf_free(&b);
}

static void test_limits(void)
{
    size_t n = RD_MAX_TEXT * 2 + 1, tn = RD_MAX_TEXT + 1;
    char *big = malloc(n + 64);
    if (!big) {
        printf("SKIP t_rd_jsonl: no memory for the long-line tests\n");
        return;
    }
    /* a line over the limit is rejected unparsed; the next one is read */
    memset(big, ' ', n);
    memcpy(big + n, "\n{\"text\":\"ok\"}", 14);
    CHECK_INT(readn(big, n + 14), 0);
    CHECK_INT(S.nrej, 1);
    CHECK_INT(S.rej[0].line, 1);
    CHECK_INT(S.rej[0].code, KR_ELIMIT);
    {
        char want[64];
        snprintf(want, sizeof want, "line too long (%zu bytes)", n);
        CHECK(has(S.rej[0].msg, want));
    }
    CHECK_INT(S.ndoc, 1);
    CHECK_INT(S.doc[0].line, 2);

    /* a text over RD_MAX_TEXT in a line under the line limit */
    memcpy(big, "{\"text\":\"", 9);
    memset(big + 9, 'a', tn);
    memcpy(big + 9 + tn, "\"}", 2);
    CHECK_INT(readn(big, tn + 11), 0);
    CHECK_INT(S.ndoc, 0);
    CHECK_INT(S.nrej, 1);
    CHECK_INT(S.rej[0].code, KR_ELIMIT);
    CHECK(has(S.rej[0].msg, "text too long"));
    arena_reset(A);
    free(big);
}

static void test_nomem(void)
{
    kr_arena *a = arena_new();
    rd_sink sink = {on_doc, on_reject, &S};
    int rc;
    clear(&S);
    S.a = a;
    kr_error_clear(&E, "in.jsonl");
    kr_alloc_fail_after(0);
    rc = rd_jsonl("in.jsonl", "\n{\"text\":\"a\"}\n", 14, a, &sink, &E);
    kr_alloc_fail_after(-1);
    CHECK_INT(rc, KR_ENOMEM);
    CHECK_INT(E.code, KR_ENOMEM);
    CHECK_INT(E.line, 2);
    CHECK_INT(S.ndoc + S.nrej, 0);
    arena_free(a);
}

int main(void)
{
    A = arena_new();
    test_all_fields();
    test_minimal_and_id();
    test_unicode();
    test_broken_among_good();
    test_bom_crlf_blank();
    test_lang();
    test_dates();
    test_duplicate_text();
    test_sink_stops();
    test_no_reject_callback();
    test_deep_and_wide();
    test_arena_bounded();
    test_limits();
    test_nomem();
    clear(&S);
    arena_free(A);
    return t_report();
}
