/* utf8.c: strict UTF-8 validation, decoding and encoding. A lead-byte table
 * gives sequence lengths; second-byte ranges reject overlongs and surrogates
 * (Unicode 15, table 3-7). */
#include "utf8.h"

size_t utf8_seqlen(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    if (c < 0xF5) return 4;
    return 0;
}

/* Decodes one sequence starting at s[i]; returns the code point and its length
 * in *len, or -1 with *len = 1. */
static int32_t decode(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    unsigned char c = s[i];
    size_t k = utf8_seqlen(c);
    unsigned char lo = 0x80, hi = 0xBF;
    int32_t cp;
    size_t j;

    *len = 1;
    if (k == 1)
        return c;
    if (k == 0 || n - i < k)
        return -1;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return -1;
    cp = c & (0xFF >> (k + 1));
    for (j = 1; j < k; j++) {
        if ((s[i + j] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    *len = k;
    return cp;
}

int utf8_validate(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, len;
    while (i < n) {
        /* Fast path over ASCII, eight bytes at a time when aligned data allows. */
        while (i + 8 <= n) {
            uint64_t w;
            __builtin_memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        if (utf8_two(s, n, i) >= 0) {
            i += 2;
            continue;
        }
        if (decode(u, n, i, &len) < 0) {
            if (bad)
                *bad = i;
            return KR_EUTF8;
        }
        i += len;
    }
    return 0;
}

int32_t utf8_next(const char *s, size_t n, size_t *i)
{
    size_t len;
    int32_t cp = decode((const unsigned char *)s, n, *i, &len);
    *i += len;
    return cp;
}

int32_t utf8_prev(const char *s, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t end = *i, start = end, len;
    int32_t cp;
    while (start > 0 && end - start < 4) {
        start--;
        if ((u[start] & 0xC0) != 0x80)
            break;
    }
    cp = decode(u, end, start, &len);
    if (cp < 0 || start + len != end) {
        *i = end - 1;
        return -1;
    }
    *i = start;
    return cp;
}

size_t utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0)
        return 0;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return 0;
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}
