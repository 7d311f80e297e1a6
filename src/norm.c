/* norm.c: validation and normalization of input text. The common case (text
 * already in NFC, which nearly all news text is) costs one pass over UTF-16
 * with ICU's quick check; only text that fails it is normalized. */
#include "norm.h"

#include <stdint.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "utf8.h"

/* First pass: validate, drop the BOM, fix line endings, reject controls. */
/* How many leading bytes of s are certainly not control characters,
 * eight at a time (a few may be left for the caller to look at). */
static size_t no_controls(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if ((x - ones * 0x20) & ~x & highs) /* some byte below 0x20 */
            break;
    }
    return i;
}

static int clean(const char *s, size_t n, kr_buf *out, kr_error *err)
{
    size_t i = 0, run = 0, bad;
    if (utf8_validate(s, n, &bad) != 0) {
        kr_errorf(err, KR_EUTF8, "invalid UTF-8 at byte %zu", bad);
        if (err)
            err->byte = bad;
        return KR_EUTF8;
    }
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = run = 3;
    /* The output is never longer than the input, so the appends below
     * cannot fail once this succeeds. */
    if (kr_buf_reserve(out, n))
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    for (; i < n; i++) {
        unsigned char c;
        i += no_controls(s + i, n - i);
        if (i == n)
            break;
        c = (unsigned char)s[i];
        if (c >= 0x20 || c == '\n' || c == '\t')
            continue;
        kr_buf_append(out, s + run, i - run);
        run = i + 1;
        if (c == '\r') {
            kr_buf_putc(out, '\n');
            if (i + 1 < n && s[i + 1] == '\n')
                run = ++i + 1;
        } else if (c == '\f' || c == '\v') {
            kr_buf_putc(out, '\n');
        } else {
            kr_errorf(err, KR_EFORMAT,
                      "control character 0x%02X at byte %zu (binary data?)", c, i);
            if (err)
                err->byte = i;
            return KR_EFORMAT;
        }
    }
    kr_buf_append(out, s + run, n - run);
    return 0;
}

/* NFC in place of out's contents, through UTF-16. */
/* 1 when the (valid UTF-8) text is NFC whatever it holds, known without
 * ICU: characters below U+0300, Cyrillic letters (U+0400..U+04FF except
 * the combining marks U+0483..U+0489), and general punctuation
 * (U+2000..U+207F: dashes, quotes) neither decompose nor combine with
 * what precedes them. Anything else (a combining mark, another script)
 * leaves the answer to ICU. */
static int nfc_stable(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        uint64_t x;
        if (i + 8 <= n && (memcpy(&x, u + i, 8), !(x & 0x8080808080808080ULL))) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        if (c < 0xCC) {
            i++; /* ASCII, or a sequence below U+0300 (its continuation byte too) */
        } else if (c >= 0xD0 && c <= 0xD3 && i + 1 < n) {
            unsigned cp = ((c & 0x1F) << 6) | (u[i + 1] & 0x3F);
            if (cp >= 0x483 && cp <= 0x489)
                return 0;
            i += 2;
        } else if (c == 0xE2 && i + 2 < n && (u[i + 1] == 0x80 || u[i + 1] == 0x81)) {
            i += 3;
        } else {
            return 0;
        }
    }
    return 1;
}

static int nfc(kr_buf *out, kr_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFCInstance(&st);
    UChar *u = NULL, *v = NULL;
    int32_t ulen = 0, vlen, cap, span, olen;
    int rc = KR_ENOMEM;

    if (nfc_stable(out->p, out->n))
        return 0;
    if (U_FAILURE(st) || out->n > INT32_MAX / 2)
        return kr_errorf(err, KR_ELIMIT, "text too large to normalize");
    u = kr_malloc(sizeof(UChar) * (out->n + 1));
    if (!u)
        goto fail;
    u_strFromUTF8(u, (int32_t)out->n + 1, &ulen, out->p, (int32_t)out->n, &st);
    if (U_FAILURE(st))
        goto icu_fail;
    span = unorm2_spanQuickCheckYes(n2, u, ulen, &st);
    if (U_FAILURE(st))
        goto icu_fail;
    if (span == ulen) {
        rc = 0;
        goto done;
    }
    cap = ulen + ulen / 2 + 16;
    v = kr_malloc(sizeof(UChar) * (size_t)cap);
    if (!v)
        goto fail;
    vlen = unorm2_normalize(n2, u, ulen, v, cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        UChar *w;
        st = U_ZERO_ERROR;
        cap = vlen + 1;
        w = kr_realloc(v, sizeof(UChar) * (size_t)cap);
        if (!w)
            goto fail;
        v = w;
        vlen = unorm2_normalize(n2, u, ulen, v, cap, &st);
    }
    if (U_FAILURE(st))
        goto icu_fail;
    u_strToUTF8(NULL, 0, &olen, v, vlen, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        goto icu_fail;
    st = U_ZERO_ERROR;
    out->n = 0;
    if (kr_buf_reserve(out, (size_t)olen))
        goto fail;
    u_strToUTF8(out->p, olen + 1, &olen, v, vlen, &st);
    if (U_FAILURE(st))
        goto icu_fail;
    out->n = (size_t)olen;
    out->p[out->n] = '\0';
    rc = 0;
    goto done;
icu_fail:
    rc = kr_errorf(err, KR_EFORMAT, "normalization failed: %s", u_errorName(st));
    goto done;
fail:
    rc = kr_errorf(err, KR_ENOMEM, "out of memory");
done:
    kr_free(u);
    kr_free(v);
    return rc;
}

int norm_text(const char *s, size_t n, kr_buf *out, kr_error *err)
{
    int rc;
    kr_buf_reset(out);
    rc = clean(s, n, out, err);
    if (rc == 0)
        rc = nfc(out, err);
    if (rc == 0 && kr_buf_reserve(out, 0))
        rc = kr_errorf(err, KR_ENOMEM, "out of memory");
    return rc;
}
