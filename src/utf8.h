/* utf8.h: strict UTF-8 validation and decoding (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF). */
#ifndef UTF8_H
#define UTF8_H

#include "kr.h"

/* Returns 0 when s[0..n) is valid UTF-8, else KR_EUTF8 with *bad set to the
 * byte offset of the first invalid sequence. */
int utf8_validate(const char *s, size_t n, size_t *bad);

/* Decodes the code point at s[*i] (i < n), advances *i past it and returns
 * it; on an invalid sequence returns -1 and advances *i by one byte. */
int32_t utf8_next(const char *s, size_t n, size_t *i);

/* The code point (U+0080..U+07FF: Latin-1, Greek, Cyrillic, Armenian...) of
 * the well-formed two-byte sequence at s[i], or -1 when none starts there:
 * the inline fast path of the scanners over text, before utf8_next(). */
static inline int32_t utf8_two(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0xC2 || c > 0xDF || i + 1 >= n || ((unsigned char)s[i + 1] & 0xC0) != 0x80)
        return -1;
    return ((int32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
}

/* Decodes the code point that ends just before s[*i] (*i > 0), moves *i to its
 * first byte and returns it; -1 (and *i moved back one byte) if invalid. */
int32_t utf8_prev(const char *s, size_t *i);

/* Writes cp as UTF-8 into out (at least 4 bytes) and returns the length, or 0
 * for an invalid code point. */
size_t utf8_encode(int32_t cp, char *out);

/* Length of the sequence announced by lead byte c, 0 for a continuation or
 * invalid lead byte. */
size_t utf8_seqlen(unsigned char c);

#endif
