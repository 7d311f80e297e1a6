/* spec_run.c: runs the examples of one tests/spec/<module>.txt file. Each
 * example is an input block, a line holding only ".", then the expected
 * output, fenced by lines of 32 backticks (the first followed by
 * " example"), as in cmark's spec format. The module is the file's base
 * name; failures print "FILE:LINE: example N FAILED" with both outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "doc.h"
#include "fold.h"
#include "kr.h"
#include "langid.h"
#include "stem.h"
#include "tok.h"

#define FENCE "````````````````````````````````"

/* header: doc_finish with header and language sniffing, then the fields. */
static void run_header(const char *in, size_t n, kr_buf *out)
{
    kr_arena *a = arena_new();
    kr_doc d;
    kr_error e;
    char date[11];
    size_t k, bl;
    memset(&d, 0, sizeof d);
    d.text.p = in;
    d.text.n = n;
    d.sniff = DOC_SNIFF_HEADER | DOC_SNIFF_LANG;
    kr_error_clear(&e, "spec");
    if (doc_finish(&d, a, &e) != 0) {
        kr_buf_printf(out, "error: %s\n", e.msg);
        arena_free(a);
        return;
    }
    date_format(d.date, date);
    kr_buf_printf(out, "date: %s\n", *date ? date : "-");
    kr_buf_printf(out, "dateline: %.*s\n", d.dateline.n ? (int)d.dateline.n : 1,
                  d.dateline.n ? d.dateline.p : "-");
    kr_buf_printf(out, "agency: %.*s\n", d.agency.n ? (int)d.agency.n : 1,
                  d.agency.n ? d.agency.p : "-");
    kr_buf_printf(out, "title: %.*s\n", d.title.n ? (int)d.title.n : 1,
                  d.title.n ? d.title.p : "-");
    kr_buf_printf(out, "lang: %.*s\n", (int)d.lang.n, d.lang.p);
    /* the body's first words, up to 5 spaces */
    for (k = d.body, bl = 0; k < d.text.n && d.text.p[k] != '\n'; k++)
        if (d.text.p[k] == ' ' && ++bl == 5)
            break;
    kr_buf_printf(out, "body: %.*s\n", (int)(k - d.body), d.text.p + d.body);
    arena_free(a);
}

/* fold: the index terms of the input, one per line: "start end term". */
static void run_fold(const char *in, size_t n, kr_buf *out)
{
    stem_cache *sc = stem_new();
    char buf[FOLD_MAX_WORD + 8];
    size_t pos = 0;
    fold_word w;
    while (fold_next(in, n, &pos, buf, &w)) {
        kr_str s;
        stem_word(sc, w.script, buf, w.n, &s);
        kr_buf_printf(out, "%zu %zu %.*s\n", w.span.start, w.span.end, (int)s.n, s.p);
    }
    stem_free(sc);
}

/* langid: the language of each input line. */
static void run_langid(const char *in, size_t n, kr_buf *out)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(in + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - in) : n;
        kr_buf_printf(out, "%s\n", langid_detect(in + i, e - i, NULL));
        i = e + 1;
    }
}

/* date: each input line through date_parse: "YYYY-MM-DD +consumed" or "none". */
static void run_date(const char *in, size_t n, kr_buf *out)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(in + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - in) : n, c;
        kr_date d;
        char s[11];
        if ((c = date_parse(in + i, e - i, &d)) != 0) {
            date_format(d, s);
            kr_buf_printf(out, "%s +%zu\n", s, c);
        } else {
            kr_buf_puts(out, "none\n");
        }
        i = e + 1;
    }
}

/* tok: one token a line, "start end TYPE FLAGS text", FLAGS as short names
 * joined by "," or "-"; a line "--" after each sentence. */
static void run_tok(const char *in, size_t n, kr_buf *out)
{
    static const char *const names[] = {"CAP", "UPPER", "LAT", "CYR", "ARM", "GEO", "ARA",
                                        "OTH", "SENT", "PARA", "ABBR", "QUOTE", "DASH", "HYPH"};
    kr_arena *a = arena_new();
    kr_error e;
    tok_doc d;
    size_t s, k;
    kr_error_clear(&e, "spec");
    if (tok_run(in, n, 0, a, &d, &e) != 0) {
        kr_buf_printf(out, "error: %s\n", e.msg);
        arena_free(a);
        return;
    }
    for (s = 0; s < d.nsents; s++) {
        for (k = d.sents[s].first; k < d.sents[s].first + d.sents[s].count; k++) {
            const tok_token *t = &d.tokens[k];
            unsigned b, any = 0;
            kr_buf_printf(out, "%zu %zu %s ", t->span.start, t->span.end, tok_type_name(t->type));
            for (b = 0; b < sizeof names / sizeof names[0]; b++)
                if (t->flags & (1u << b))
                    kr_buf_printf(out, "%s%s", any++ ? "," : "", names[b]);
            kr_buf_printf(out, "%s %.*s\n", any ? "" : "-", (int)(t->span.end - t->span.start),
                          in + t->span.start);
        }
        kr_buf_puts(out, "--\n");
    }
    arena_free(a);
}

typedef void (*runner)(const char *, size_t, kr_buf *);

static runner runner_for(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strncmp(base, "header", 6) == 0)
        return run_header;
    if (strncmp(base, "fold", 4) == 0)
        return run_fold;
    if (strncmp(base, "langid", 6) == 0)
        return run_langid;
    if (strncmp(base, "date", 4) == 0)
        return run_date;
    if (strncmp(base, "tok", 3) == 0)
        return run_tok;
    return NULL;
}

int main(int argc, char **argv)
{
    FILE *f;
    char line[65536];
    kr_buf in = {0}, want = {0}, got = {0};
    int state = 0, pass = 0, fail = 0, example = 0;
    size_t lineno = 0, start = 0;
    runner run;
    if (argc != 2 || !(run = runner_for(argv[1]))) {
        fprintf(stderr, "usage: spec_run tests/spec/{header,fold,langid,date,tok}*.txt\n");
        return 2;
    }
    if (!(f = fopen(argv[1], "r"))) {
        perror(argv[1]);
        return 2;
    }
    /* state 0: prose, 1: input, 2: expected output */
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (state == 0) {
            if (strncmp(line, FENCE " example", sizeof FENCE + 7) == 0) {
                state = 1;
                start = lineno;
                example++;
                kr_buf_reset(&in);
                kr_buf_reset(&want);
            }
        } else if (state == 1) {
            if (strcmp(line, ".\n") == 0) {
                state = 2;
                if (in.n && in.p[in.n - 1] == '\n')
                    in.n--; /* the input ends where the "." line starts */
            } else {
                kr_buf_puts(&in, line);
            }
        } else if (strncmp(line, FENCE, sizeof FENCE - 1) == 0) {
            state = 0;
            kr_buf_reset(&got);
            run(in.p ? in.p : "", in.n, &got);
            if (got.n == want.n && (got.n == 0 || memcmp(got.p, want.p, got.n) == 0)) {
                pass++;
            } else {
                fail++;
                printf("%s:%zu: example %d FAILED\n--- expected\n%.*s--- got\n%.*s", argv[1],
                       start, example, (int)want.n, want.p ? want.p : "", (int)got.n,
                       got.p ? got.p : "");
            }
        } else {
            kr_buf_puts(&want, line);
        }
    }
    fclose(f);
    kr_buf_free(&in);
    kr_buf_free(&want);
    kr_buf_free(&got);
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
