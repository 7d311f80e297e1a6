/* t_evout.c: event records as `code` and `events` print them: JSON string
 * escapes at every offset against a byte-at-a-time reference, controls,
 * NUL, odd UTF-8, megabyte strings, many records (buffer growth and
 * flushing), null fields, tab-separated cells, event ids, write errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "evout.h"
#include "t.h"

/* Reads back everything written to f. */
static const char *slurp(FILE *f, kr_buf *b)
{
    char chunk[4096];
    size_t n;
    kr_buf_reset(b);
    rewind(f);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        kr_buf_append(b, chunk, n);
    return b->p ? b->p : "";
}

/* The JSON string for s[0..n), one byte at a time (RFC 8259 section 7). */
static void ref_escape(kr_buf *b, const char *s, size_t n)
{
    size_t i;
    kr_buf_putc(b, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            kr_buf_puts(b, "\\\"");
        else if (c == '\\')
            kr_buf_puts(b, "\\\\");
        else if (c == '\n')
            kr_buf_puts(b, "\\n");
        else if (c == '\t')
            kr_buf_puts(b, "\\t");
        else if (c == '\r')
            kr_buf_puts(b, "\\r");
        else if (c < 0x20)
            kr_buf_printf(b, "\\u%04x", c);
        else
            kr_buf_putc(b, (char)c);
    }
    kr_buf_putc(b, '"');
}

static void base_record(ev_record *r)
{
    memset(r, 0, sizeof *r);
    r->id = "0123456789abcdef";
    r->doc = "doc-1";
    r->date = "2023-09-20";
    r->lang = "en";
    r->cameo = "043";
    r->root = "04";
    r->plover = "CONSULT";
    r->plover_mode = "visit";
    r->label = "Host a visit";
    r->goldstein = 2.8;
    r->quad = 1;
    r->mode = "actual";
    r->evidence.start = 0;
    r->evidence.end = 0;
    r->sentence = 1;
    r->confidence = 0.9;
}

/* Writes one record as JSON Lines and returns the line (in got). */
static const char *one_line(const ev_record *r, kr_buf *got)
{
    FILE *f = tmpfile();
    evout *o;
    if (!f)
        return "";
    o = evout_new(f, EVOUT_JSONL);
    CHECK(o != NULL);
    if (o) {
        CHECK_INT(evout_write(o, r), 0);
        CHECK_INT(evout_close(o), 0);
    }
    slurp(f, got);
    fclose(f);
    return got->p ? got->p : "";
}

static void test_full_record(void)
{
    ev_record r;
    kr_buf got = {0};
    base_record(&r);
    r.source.entity = "sergey-lavrov";
    r.source.code = "RUSGOV";
    r.source.country = "RUS";
    r.source.name = "Sergey Lavrov";
    r.source.text.p = "Lavrov";
    r.source.text.n = 6;
    r.place = "Tehran";
    r.place_country = "IRN";
    r.negated = 1;
    r.goldstein = -2.25;
    r.evidence.start = 12;
    r.evidence.end = 40;
    r.sentence = 3;
    r.evidence_text.p = "Lavrov met \"them\".";
    r.evidence_text.n = strlen(r.evidence_text.p);
    r.confidence = 0.125;
    r.pattern_file = "/x/events/y/events/en.txt";
    r.pattern_line = 123;
    CHECK_STR(one_line(&r, &got),
              "{\"id\": \"0123456789abcdef\", \"doc\": \"doc-1\", \"date\": \"2023-09-20\", "
              "\"lang\": \"en\", \"source\": {\"entity\": \"sergey-lavrov\", \"code\": "
              "\"RUSGOV\", \"country\": \"RUS\", \"name\": \"Sergey Lavrov\", \"text\": "
              "\"Lavrov\"}, \"target\": null, \"cameo\": \"043\", \"root\": \"04\", "
              "\"plover\": \"CONSULT\", \"plover_mode\": \"visit\", \"goldstein\": -2.3, "
              "\"quad\": 1, \"mode\": \"actual\", \"negated\": true, \"location\": {\"name\": "
              "\"Tehran\", \"country\": \"IRN\"}, \"evidence\": {\"start\": 12, \"end\": 40, "
              "\"sentence\": 3, \"text\": \"Lavrov met \\\"them\\\".\"}, \"confidence\": 0.13, "
              "\"pattern\": \"events/en.txt:123\"}\n");
    base_record(&r); /* absent values are null; a side with an entity keeps its nulls */
    r.date = NULL;
    r.lang = NULL;
    r.plover = NULL;
    r.plover_mode = NULL;
    r.target.entity = "x";
    r.quad = 12;
    r.pattern_file = "plain.txt";
    CHECK_STR(one_line(&r, &got),
              "{\"id\": \"0123456789abcdef\", \"doc\": \"doc-1\", \"date\": null, \"lang\": null, "
              "\"source\": null, \"target\": {\"entity\": \"x\", \"code\": null, \"country\": null, "
              "\"name\": null, \"text\": \"\"}, \"cameo\": \"043\", \"root\": \"04\", "
              "\"plover\": null, \"plover_mode\": null, \"goldstein\": 2.8, \"quad\": 0, "
              "\"mode\": \"actual\", \"negated\": false, \"location\": null, \"evidence\": "
              "{\"start\": 0, \"end\": 0, \"sentence\": 1, \"text\": \"\"}, \"confidence\": 0.90, "
              "\"pattern\": \"plain.txt:0\"}\n");
    kr_buf_free(&got);
}

/* The evidence text of a line as written, and the name of its source. */
static int field(const char *line, const char *key, const char *end, const char **p, size_t *n)
{
    const char *a = strstr(line, key), *b;
    if (!a)
        return -1;
    a += strlen(key);
    b = strstr(a, end);
    if (!b)
        return -1;
    *p = a;
    *n = (size_t)(b - a);
    return 0;
}

/* The pattern's file is named from its events/ folder on, whatever holds
 * the lexicon; the line number goes inside the string. */
static void test_pattern(void)
{
    static const char *const cases[][2] = {
        {"events/en.txt", "events/en.txt:7"},
        {"/a/events/b/events/en.txt", "events/en.txt:7"},
        {"/a/events/b/xevents/en.txt", "events/b/xevents/en.txt:7"},
        {"xevents/en.txt", "xevents/en.txt:7"},
        {"events/", "events/:7"},
        {"/events/", "events/:7"},
        {"events", "events:7"},
        {"ents/", "ents/:7"},
        {"", ":7"},
        {"a/events/events/x", "events/x:7"},
        {"lexicon/events/\"q\".txt", "events/\\\"q\\\".txt:7"},
    };
    ev_record r;
    kr_buf got = {0}, want = {0};
    char long_path[400];
    size_t k;
    base_record(&r);
    r.pattern_line = 7;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *p = "";
        size_t n = 0;
        r.pattern_file = cases[k][0];
        kr_buf_reset(&want);
        kr_buf_printf(&want, "\"%s\"", cases[k][1]);
        CHECK(field(one_line(&r, &got), "\"pattern\": ", "}\n", &p, &n) == 0);
        CHECK_STRN(p, n, want.p);
    }
    memset(long_path, 'a', sizeof long_path - 1); /* cut at 280 bytes */
    long_path[sizeof long_path - 1] = '\0';
    memcpy(long_path + 10, "/events/", 8);
    r.pattern_file = long_path;
    kr_buf_reset(&want);
    kr_buf_printf(&want, "\"%.280s:7\"", long_path + 11);
    {
        const char *p = "";
        size_t n = 0;
        CHECK(field(one_line(&r, &got), "\"pattern\": ", "}\n", &p, &n) == 0);
        CHECK_STRN(p, n, want.p);
    }
    r.pattern_line = 18446744073709551615ULL; /* the widest number */
    r.pattern_file = "events/x";
    r.evidence.start = 9;
    r.evidence.end = 10;
    r.sentence = 99;
    CHECK(strstr(one_line(&r, &got), "\"start\": 9, \"end\": 10, \"sentence\": 99,") != NULL);
    CHECK(strstr(got.p, "\"pattern\": \"events/x:18446744073709551615\"}") != NULL);
    r.sentence = 100;
    r.evidence.start = 1000000;
    r.evidence.end = 9999999999ULL;
    CHECK(strstr(one_line(&r, &got), "\"start\": 1000000, \"end\": 9999999999, \"sentence\": 100,") != NULL);
    kr_buf_free(&got);
    kr_buf_free(&want);
}

/* s[0..n) as evidence text (pointer and length), side text and (up to a
 * NUL) side name must come out as the reference escapes them. */
static void check_escaped(const char *s, size_t n)
{
    ev_record r;
    kr_buf got = {0}, want = {0}, name = {0};
    const char *line, *p;
    size_t pn, cn = strnlen(s, n);
    base_record(&r);
    r.evidence_text.p = s;
    r.evidence_text.n = n;
    r.source.entity = "e";
    r.source.text.p = s;
    r.source.text.n = n;
    kr_buf_append(&name, s, cn);
    r.source.name = name.p ? name.p : "";
    line = one_line(&r, &got);
    ref_escape(&want, s, n);
    CHECK(field(line, "\"sentence\": 1, \"text\": ", "}, \"confidence\"", &p, &pn) == 0 &&
          pn == want.n && memcmp(p, want.p, pn) == 0);
    CHECK(field(line, "\"name\": ", ", \"text\": ", &p, &pn) == 0 && pn > 0);
    CHECK(field(line, "\"text\": ", "}, \"target\"", &p, &pn) == 0 && pn == want.n &&
          memcmp(p, want.p, pn) == 0);
    kr_buf_reset(&want);
    ref_escape(&want, s, cn);
    CHECK(field(line, "\"name\": ", ", \"text\": ", &p, &pn) == 0 && pn == want.n &&
          memcmp(p, want.p, pn) == 0);
    CHECK(got.n > 0 && got.p[got.n - 1] == '\n' && memchr(got.p, '\n', got.n) == got.p + got.n - 1);
    kr_buf_free(&got);
    kr_buf_free(&want);
    kr_buf_free(&name);
}

static void test_escapes(void)
{
    static const char specials[] = {'"', '\\', '\n', '\t', '\r', 1, 0x1f, 0, 0x7f, ' ', '/'};
    char s[48];
    size_t n, at, k;
    for (n = 0; n <= 40; n++) { /* each special at each offset of each length */
        for (k = 0; k < sizeof specials; k++) {
            for (at = 0; at < n; at++) {
                size_t j;
                for (j = 0; j < n; j++)
                    s[j] = (char)('a' + j % 26);
                s[at] = specials[k];
                check_escaped(s, n);
                if (at + 3 < n) { /* and a second one further on */
                    s[at + 3] = specials[(k + 1) % sizeof specials];
                    check_escaped(s, n);
                }
            }
        }
        memset(s, '"', n); /* nothing but escapes */
        check_escaped(s, n);
        memset(s, 0x05, n);
        check_escaped(s, n);
    }
    /* UTF-8, broken UTF-8 and high bytes pass through unchanged */
    check_escaped("Лавров \"сказал\"", strlen("Лавров \"сказал\""));
    check_escaped("\xd0\x9b\xff\xfe\x80\"\xc0", 7);
    check_escaped("\xe2\x80\xa8\xe2\x80\xa9 line seps", strlen("\xe2\x80\xa8\xe2\x80\xa9 line seps"));
    check_escaped("12345678\"", 9);
    check_escaped("1234567\"", 8);
    check_escaped("\"1234567", 8);
    check_escaped("abcdefgh\\ijklmnop\x01qrstuvwx", 26);
}

static void test_long(void)
{
    size_t n = (size_t)3 << 20, k;
    char *s = malloc(n);
    CHECK(s != NULL);
    if (!s)
        return;
    for (k = 0; k < n; k++) /* mostly Cyrillic, an escape now and then */
        s[k] = k % 997 == 0 ? '"' : k % 4093 == 5 ? '\n' : k % 2 ? (char)0xd0 : (char)0xb0;
    check_escaped(s, n);
    memset(s, '\\', n); /* every byte doubles */
    check_escaped(s, n);
    memset(s, 0x1b, n); /* every byte becomes six */
    check_escaped(s, n);
    free(s);
}

/* Many records in a row: the output is each record's line in order. */
static void test_many(void)
{
    FILE *f = tmpfile();
    kr_buf got = {0}, want = {0}, one = {0};
    evout *o;
    char text[200];
    size_t k;
    ev_record r;
    if (!f)
        return;
    o = evout_new(f, EVOUT_JSONL);
    CHECK(o != NULL);
    for (k = 0; o && k < 5000; k++) {
        int m = snprintf(text, sizeof text, "event %zu \"%.*s\"", k, (int)(k % 150),
                         "......................................................................"
                         ".............................................................................");
        base_record(&r);
        r.evidence_text.p = text;
        r.evidence_text.n = (size_t)m;
        r.sentence = k + 1;
        CHECK_INT(evout_write(o, &r), 0);
        one_line(&r, &one);
        kr_buf_append(&want, one.p, one.n);
    }
    CHECK_INT(evout_close(o), 0);
    slurp(f, &got);
    CHECK(got.n == want.n && memcmp(got.p, want.p, got.n) == 0);
    fclose(f);
    kr_buf_free(&got);
    kr_buf_free(&want);
    kr_buf_free(&one);
}

/* Events of one sentence share its text, written once and copied after;
 * the same memory holding another text (a later report, a reused row)
 * must be written anew. */
static void test_same_evidence(void)
{
    static const char *const texts[] = {"The same sentence, long enough to matter.",
                                        "Another sentence of the very same length!",
                                        "Another sentence of the very same length!",
                                        "With \"quotes\" in it, the same length as!!",
                                        "With \"quotes\" in it, the same length as!!", "", ""};
    char buf[64];
    FILE *f = tmpfile();
    kr_buf got = {0}, want = {0}, one = {0};
    evout *o = f ? evout_new(f, EVOUT_JSONL) : NULL;
    ev_record r;
    size_t k;
    CHECK(o != NULL);
    if (!o)
        return;
    base_record(&r);
    for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        strcpy(buf, texts[k]); /* one pointer, changing text */
        r.evidence_text.p = buf;
        r.evidence_text.n = strlen(buf);
        CHECK_INT(evout_write(o, &r), 0);
        r.evidence_text.n = strlen(buf); /* twice each */
        CHECK_INT(evout_write(o, &r), 0);
        one_line(&r, &one);
        kr_buf_append(&want, one.p, one.n);
        kr_buf_append(&want, one.p, one.n);
    }
    CHECK_INT(evout_close(o), 0);
    slurp(f, &got);
    CHECK(got.n == want.n && memcmp(got.p, want.p, got.n) == 0);
    fclose(f);
    kr_buf_free(&got);
    kr_buf_free(&want);
    kr_buf_free(&one);
}

static void test_tsv(void)
{
    FILE *f = tmpfile();
    kr_buf got = {0};
    evout *o;
    ev_record r;
    if (!f)
        return;
    o = evout_new(f, EVOUT_TSV);
    CHECK(o != NULL);
    base_record(&r);
    r.source.entity = "a";
    r.source.code = "RUS";
    r.evidence_text.p = "one\ttwo\nthree\rfour \"x\"";
    r.evidence_text.n = strlen(r.evidence_text.p);
    r.place = "P";
    if (o) {
        CHECK_INT(evout_write(o, &r), 0);
        r.negated = 1;
        r.target.entity = "b";
        r.date = NULL;
        r.evidence_text.p = NULL;
        r.evidence_text.n = 0;
        CHECK_INT(evout_write(o, &r), 0);
        CHECK_INT(evout_close(o), 0);
    }
    CHECK_STR(slurp(f, &got),
              "0123456789abcdef\tdoc-1\t2023-09-20\ta\tRUS\t043\t\t\t2.8\t1\tactual\t0\tP\t0.90\t"
              "one two three four \"x\"\n"
              "0123456789abcdef\tdoc-1\t\ta\tRUS\t043\tb\t\t2.8\t1\tactual\t1\tP\t0.90\t\n");
    fclose(f);
    kr_buf_free(&got);
}

/* Event ids are stored and joined on: their values never change. */
static void test_event_id(void)
{
    ev_code code = {"043", "Host a visit", "CONSULT", "visit", 2.8, 1};
    ev_event e;
    char id[17];
    memset(&e, 0, sizeof e);
    e.code = &code;
    e.evidence.start = 17;
    evout_event_id("doc-1", &e, id);
    CHECK_STR(id, "a2fa0478005b5612");
    e.source.entity = "sergey-lavrov";
    e.target.entity = "iran";
    e.mode = EV_INTENT;
    e.negated = 1;
    evout_event_id("doc-1", &e, id);
    CHECK_STR(id, "7629613e5364c6f1");
    evout_event_id("", &e, id);
    CHECK_STR(id, "1e479ddb2d5fb237");
}

static void test_record_of(void)
{
    static const char text[] = "TEHRAN. Lavrov met Amirabdollahian in \"Tehran\".";
    ev_code code = {"043", "Host a visit", "CONSULT", "visit", 2.8, 1};
    kr_arena *a = arena_new();
    kr_doc d;
    ev_event e;
    ev_record r;
    char id[17], date[11], want[17];
    CHECK(a != NULL);
    if (!a)
        return;
    memset(&d, 0, sizeof d);
    d.text.p = text;
    d.text.n = strlen(text);
    d.lang.p = "enx";
    d.lang.n = 2;
    memset(&e, 0, sizeof e);
    e.code = &code;
    e.source.entity = "sergey-lavrov";
    e.source.span.start = 8;
    e.source.span.end = 14;
    e.evidence.start = 8;
    e.evidence.end = d.text.n;
    e.date.y = 2023;
    e.date.m = 9;
    e.date.d = 2;
    e.mode = EV_REPORTED;
    evout_record_of(&e, &d, "doc-1", a, id, date, &r);
    evout_event_id("doc-1", &e, want);
    CHECK_STR(r.id, want);
    CHECK_STR(r.date, "2023-09-02");
    CHECK_STR(r.lang, "en");
    CHECK(r.url == NULL && r.agency == NULL && r.target.entity == NULL);
    CHECK_STRN(r.source.text.p, r.source.text.n, "Lavrov");
    CHECK_STRN(r.evidence_text.p, r.evidence_text.n, "Lavrov met Amirabdollahian in \"Tehran\".");
    CHECK_STR(r.root, "04");
    CHECK_STR(r.mode, "reported");
    e.date.y = 0;
    evout_record_of(&e, &d, "doc-1", a, id, date, &r);
    CHECK(r.date == NULL);
    arena_free(a);
}

/* evout_write_doc prints what evout_record_of and evout_write print, event
 * by event: dates that change and come back, unknown dates, every mode,
 * sides present or not, a report with a url and agency and one without. */
static void test_write_doc(void)
{
    static const char text[] = "TEHRAN. Lavrov met \"Amirabdollahian\" in Tehran.\tThen left.";
    ev_code codes[2] = {{"043", "Host a visit", "CONSULT", "visit", 2.8, 1},
                        {"190", "Use force", NULL, NULL, -10, 4}};
    ev_event ev[12];
    kr_doc d;
    kr_arena *a = arena_new();
    kr_buf got = {0}, want = {0};
    size_t k, round;
    CHECK(a != NULL);
    memset(ev, 0, sizeof ev);
    for (k = 0; k < 12; k++) {
        ev_event *e = &ev[k];
        e->code = &codes[k % 2];
        e->mode = (ev_mode)(k % 4);
        e->negated = k % 3 == 0;
        e->date.y = k % 5 == 4 ? 0 : 2023;
        e->date.m = 9;
        e->date.d = k < 6 ? 2 : k < 9 ? 3 : 2;
        if (k % 3) {
            e->source.entity = "sergey-lavrov";
            e->source.name = "Sergey Lavrov";
            e->source.span.start = 8;
            e->source.span.end = 14;
        }
        if (k % 4 == 1) {
            e->target.entity = "iran";
            e->target.code = "IRN";
            e->target.span.start = 19;
            e->target.span.end = 37;
            e->place = "Tehran";
        }
        e->evidence.start = k < 7 ? 8 : 50;
        e->evidence.end = k < 7 ? 50 : sizeof text - 1;
        e->sentence = k < 7 ? 2 : 3;
        e->confidence = 0.5 + 0.01 * (double)k;
        e->pattern_file = k % 2 ? "lexicon/events/en.txt" : NULL;
        e->pattern_line = 10 + k;
    }
    memset(&d, 0, sizeof d);
    d.text.p = text;
    d.text.n = sizeof text - 1;
    for (round = 0; a && round < 2; round++) {
        FILE *f = tmpfile(), *g = tmpfile();
        evout *o = f ? evout_new(f, round ? EVOUT_TSV : EVOUT_JSONL) : NULL,
              *p = g ? evout_new(g, round ? EVOUT_TSV : EVOUT_JSONL) : NULL;
        CHECK(o != NULL && p != NULL);
        if (!o || !p)
            return;
        d.lang.p = round ? "" : "ru";
        d.lang.n = round ? 0 : 2;
        d.url.p = round ? "http://x/\"1\"" : NULL;
        d.url.n = round ? strlen(d.url.p) : 0;
        d.agency.p = round ? "TASS" : NULL;
        d.agency.n = round ? 4 : 0;
        CHECK_INT(evout_write_doc(o, ev, 0, &d, "doc-1", a), 0);
        CHECK_INT(evout_write_doc(o, ev, 12, &d, "doc-1", a), 0);
        CHECK_INT(evout_write_doc(o, ev + 5, 7, &d, "\"other\" doc", a), 0);
        for (k = 0; k < 19; k++) {
            char id[17], date[11];
            ev_record r;
            evout_record_of(&ev[k < 12 ? k : k - 7], &d, k < 12 ? "doc-1" : "\"other\" doc", a, id,
                            date, &r);
            CHECK_INT(evout_write(p, &r), 0);
        }
        CHECK_INT(evout_close(o), 0);
        CHECK_INT(evout_close(p), 0);
        slurp(f, &got);
        slurp(g, &want);
        CHECK(got.n > 19 * 40 && got.n == want.n && memcmp(got.p, want.p, got.n) == 0);
        fclose(f);
        fclose(g);
    }
    kr_buf_free(&got);
    kr_buf_free(&want);
    arena_free(a);
}

static void test_write_error(void)
{
    FILE *f = fopen("/dev/full", "w");
    evout *o;
    ev_record r;
    size_t k;
    int rc = 0;
    if (!f) {
        printf("SKIP t_evout write error: no /dev/full\n");
        return;
    }
    o = evout_new(f, EVOUT_JSONL);
    CHECK(o != NULL);
    base_record(&r);
    for (k = 0; o && k < 3000 && !rc; k++)
        rc = evout_write(o, &r);
    CHECK(rc == 0 || rc == KR_EIO);
    CHECK_INT(evout_close(o), KR_EIO);
    fclose(f);
}

int main(void)
{
    test_full_record();
    test_escapes();
    test_pattern();
    test_long();
    test_many();
    test_same_evidence();
    test_tsv();
    test_event_id();
    test_record_of();
    test_write_doc();
    test_write_error();
    return t_report();
}
