/* doc.c: from a reader's raw document to the stored one: normalized text,
 * header fields, language and content hash. */
#include "doc.h"

#include <string.h>
#include <unicode/uchar.h>
#include <xxhash.h>

#include "header.h"
#include "langid.h"
#include "norm.h"
#include "utf8.h"

/* Normalizes s into the arena; with `oneline`, runs of white space become
 * one space and the ends are trimmed (titles). */
static int norm_into(kr_arena *a, kr_str *s, int oneline, kr_error *err)
{
    kr_buf b = {0};
    char *p;
    size_t i, o = 0;
    int rc = norm_text(s->p, s->n, &b, err);
    if (rc)
        goto done;
    if (oneline) {
        int space = 1;
        for (i = 0; i < b.n; i++) {
            char c = b.p[i];
            if (c == ' ' || c == '\n' || c == '\t') {
                if (!space)
                    b.p[o++] = ' ';
                space = 1;
            } else {
                b.p[o++] = c;
                space = 0;
            }
        }
        while (o > 0 && b.p[o - 1] == ' ')
            o--;
        b.n = o;
    }
    p = arena_strndup(a, b.n ? b.p : "", b.n);
    if (!p) {
        rc = kr_errorf(err, KR_ENOMEM, "out of memory");
        goto done;
    }
    s->p = p;
    s->n = b.n;
done:
    kr_buf_free(&b);
    return rc;
}

/* "NEW YORK" -> "New York", "МОСКВА" -> "Москва": the first letter of each
 * word stays, the rest is lowered. */
static kr_str title_case(kr_arena *a, const char *s, size_t n)
{
    kr_str r = {NULL, 0};
    char *p = arena_alloc(a, n * 2 + 1);
    size_t i = 0, o = 0;
    int start = 1;
    if (!p)
        return r;
    while (i < n) {
        int32_t cp = utf8_next(s, n, &i);
        if (cp < 0)
            continue;
        if (u_isalpha(cp)) {
            if (!start)
                cp = u_tolower(cp);
            start = 0;
        } else {
            start = 1;
        }
        o += utf8_encode(cp, p + o);
    }
    p[o] = '\0';
    r.p = p;
    r.n = o;
    return r;
}

int doc_finish(kr_doc *d, kr_arena *a, kr_error *err)
{
    int rc;
    if (d->text.n > DOC_MAX_TEXT)
        return kr_errorf(err, KR_ELIMIT, "text too long (%zu bytes, limit %zu)",
                         d->text.n, (size_t)DOC_MAX_TEXT);
    if ((rc = norm_into(a, &d->text, 0, err)) != 0)
        return rc;
    if (d->title.n && (rc = norm_into(a, &d->title, 1, err)) != 0)
        return rc;
    d->body = 0;
    if (d->sniff & DOC_SNIFF_HEADER) {
        hdr_info h;
        if (hdr_sniff(d->text.p, d->text.n, &h)) {
            d->body = h.body;
            if (!d->date.y)
                d->date = h.date;
            if (h.dateline.end > h.dateline.start) {
                d->dateline = title_case(a, d->text.p + h.dateline.start,
                                         h.dateline.end - h.dateline.start);
                if (!d->dateline.p)
                    return kr_errorf(err, KR_ENOMEM, "out of memory");
            }
            if (h.agency.end > h.agency.start) {
                const char *ag = d->text.p + h.agency.start;
                size_t an = h.agency.end - h.agency.start;
                const char *canon = hdr_agency_name(ag, an);
                if (canon) {
                    d->agency.p = canon;
                    d->agency.n = strlen(canon);
                } else {
                    d->agency = an > 5 ? title_case(a, ag, an) : (kr_str){ag, an};
                    if (!d->agency.p)
                        return kr_errorf(err, KR_ENOMEM, "out of memory");
                }
            }
            if (!d->title.n && h.title.end > h.title.start) {
                d->title.p = d->text.p + h.title.start;
                d->title.n = h.title.end - h.title.start;
            }
        }
    }
    if (kr_blank(d->text.p + d->body, d->text.n - d->body))
        return kr_errorf(err, KR_EFORMAT, "no text");
    /* Keep the ISO 639 primary subtag of a given tag ("pt-BR" -> "pt"). */
    for (size_t k = 0; k < d->lang.n; k++)
        if (d->lang.p[k] == '-' || d->lang.p[k] == '_') {
            d->lang.n = k;
            break;
        }
    if (!d->lang.n && (d->sniff & DOC_SNIFF_LANG)) {
        const char *l = langid_detect(d->text.p + d->body, d->text.n - d->body, NULL);
        d->lang.p = l;
        d->lang.n = strlen(l);
    }
    if (!d->lang.n) {
        d->lang.p = "und";
        d->lang.n = 3;
    }
    return 0;
}

void doc_hash(const kr_doc *d, char out[33])
{
    static const char hex[] = "0123456789abcdef";
    XXH128_hash_t h = XXH3_128bits(d->text.p, d->text.n);
    uint64_t w[2] = {h.high64, h.low64};
    int i, k;
    for (k = 0; k < 2; k++)
        for (i = 0; i < 16; i++)
            out[k * 16 + i] = hex[(w[k] >> (60 - 4 * i)) & 15];
    out[32] = '\0';
}
