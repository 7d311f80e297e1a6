/* t_utf8.c: strict validation with the offset of the first bad sequence
 * (also past the 8-byte ASCII fast path), decoding both ways and encoding
 * over every code point. */
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "t.h"

/* Validates s[0..n); returns the bad offset, or -1 when valid. */
static long bad_at(const char *s, size_t n)
{
    size_t bad = (size_t)-7;
    int rc = utf8_validate(s, n, &bad);
    if (rc == 0)
        return bad == (size_t)-7 ? -1 : -2; /* -2: bad written on success */
    if (rc != KR_EUTF8)
        return -3;
    return (long)bad;
}

#define VALID(lit) CHECK_INT(bad_at((lit), sizeof(lit) - 1), -1)
#define INVALID(lit, off) CHECK_INT(bad_at((lit), sizeof(lit) - 1), (off))

static void test_valid(void)
{
    VALID("");
    VALID("a");
    VALID("plain ASCII text, longer than eight bytes");
    VALID("\x7F");
    VALID("\xC2\x80");          /* U+0080 */
    VALID("\xDF\xBF");          /* U+07FF */
    VALID("\xE0\xA0\x80");      /* U+0800 */
    VALID("\xED\x9F\xBF");      /* U+D7FF */
    VALID("\xEE\x80\x80");      /* U+E000 */
    VALID("\xEF\xBF\xBD");      /* U+FFFD */
    VALID("\xEF\xBF\xBF");      /* U+FFFF */
    VALID("\xF0\x90\x80\x80");  /* U+10000 */
    VALID("\xF4\x8F\xBF\xBF");  /* U+10FFFF */
    VALID("\xEF\xBB\xBF" "BOM then text");
    VALID("Лавров, Թբիլիսի, თბილისი, تهران, 東京, 😀.");
    CHECK_INT(utf8_validate("\0\0\0", 3, NULL), 0); /* NUL is valid UTF-8 */
    CHECK_INT(utf8_validate("\xC0", 1, NULL), KR_EUTF8); /* bad may be NULL */
}

static void test_invalid(void)
{
    /* Overlong forms. */
    INVALID("\xC0\x80", 0);
    INVALID("\xC1\xBF", 0);
    INVALID("\xE0\x80\x80", 0);
    INVALID("\xE0\x9F\xBF", 0);
    INVALID("\xF0\x80\x80\x80", 0);
    INVALID("\xF0\x8F\xBF\xBF", 0);
    /* Surrogates. */
    INVALID("\xED\xA0\x80", 0);
    INVALID("\xED\xBF\xBF", 0);
    INVALID("ab\xED\xB0\x80", 2);
    /* Above U+10FFFF and bytes that never occur. */
    INVALID("\xF4\x90\x80\x80", 0);
    INVALID("\xF5\x80\x80\x80", 0);
    INVALID("\xF7\xBF\xBF\xBF", 0);
    INVALID("\xF8\x88\x80\x80\x80", 0);
    INVALID("\xFC\x84\x80\x80\x80\x80", 0);
    INVALID("x\xFE", 1);
    INVALID("xy\xFF", 2);
    /* Lone and extra continuation bytes. */
    INVALID("\x80", 0);
    INVALID("abc\xBF", 3);
    INVALID("\xC3\xA9\xA9", 2);
    /* A lead byte followed by something other than a continuation. */
    INVALID("\xC3" "a", 0);
    INVALID("\xE2\x82" "a", 0);
    INVALID("\xF0\x9F\x98" "a", 0);
    INVALID("\xE2\x82\xC3\xA9", 0);
    /* Truncated at the very end. */
    INVALID("abc\xC3", 3);
    INVALID("abc\xE2\x82", 3);
    INVALID("abc\xF0\x9F\x98", 3);
    INVALID("\xE2", 0);

    /* Past the 8-byte fast path: the offset is exact. */
    INVALID("0123456789abcdef" "\xC3\xA9" "\xFF", 18);
    INVALID("0123456789abcdefg" "\x80" "tail", 17);
    INVALID("0123456789abcdefg" "\xC3", 17);
    INVALID("01234567" "\xC3\xA9" "01234567" "01234567" "\xED\xA0\x80" "xxxxxxxx", 26);
    /* Fast path right up to the end of a valid buffer. */
    VALID("0123456701234567");
    VALID("0123456701234567" "\xC3\xA9" "0123456");

    /* Every offset 0..40 in a long ASCII run. */
    {
        char buf[64];
        size_t at, wrong = 0;
        for (at = 0; at <= 40; at++) {
            memset(buf, 'a', sizeof buf);
            buf[at] = (char)0x80;
            if (bad_at(buf, sizeof buf) != (long)at)
                wrong++;
            /* and a valid 3-byte sequence before the fault */
            if (at >= 3) {
                memcpy(buf, "\xE2\x82\xAC", 3);
                if (bad_at(buf, sizeof buf) != (long)at)
                    wrong++;
            }
        }
        CHECK_INT(wrong, 0);
    }

    /* Every lead byte with a continuation after it: valid iff the table
     * of Unicode 15 (table 3-7) says so. */
    {
        unsigned c;
        size_t wrong = 0;
        for (c = 0x80; c <= 0xFF; c++) {
            char s[4] = {(char)c, (char)0xA0, (char)0xA0, (char)0xA0};
            size_t want_len = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
            int ok = want_len != 0 && c != 0xED && c != 0xF4; /* A0 is out of range there */
            long r = bad_at(s, want_len ? want_len : 1);
            if (ok ? r != -1 : r != 0)
                wrong++;
            if (utf8_seqlen((unsigned char)c) != want_len)
                wrong++;
        }
        CHECK_INT(wrong, 0);
    }
    CHECK_INT(utf8_seqlen('a'), 1);
    CHECK_INT(utf8_seqlen(0), 1);
}

static void test_next_prev(void)
{
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
    size_t n = strlen(s), i = 0;
    CHECK_INT(utf8_next(s, n, &i), 'a');
    CHECK_INT(i, 1);
    CHECK_INT(utf8_next(s, n, &i), 0xE9);
    CHECK_INT(i, 3);
    CHECK_INT(utf8_next(s, n, &i), 0x20AC);
    CHECK_INT(i, 6);
    CHECK_INT(utf8_next(s, n, &i), 0x1F600);
    CHECK_INT(i, 10);
    CHECK_INT(utf8_next(s, n, &i), 'z');
    CHECK_INT(i, n);
    CHECK_INT(utf8_prev(s, &i), 'z');
    CHECK_INT(i, 10);
    CHECK_INT(utf8_prev(s, &i), 0x1F600);
    CHECK_INT(i, 6);
    CHECK_INT(utf8_prev(s, &i), 0x20AC);
    CHECK_INT(i, 3);
    CHECK_INT(utf8_prev(s, &i), 0xE9);
    CHECK_INT(i, 1);
    CHECK_INT(utf8_prev(s, &i), 'a');
    CHECK_INT(i, 0);

    /* Invalid sequences: -1 and one byte of progress. */
    i = 0;
    CHECK_INT(utf8_next("\xC0\x80", 2, &i), -1);
    CHECK_INT(i, 1);
    CHECK_INT(utf8_next("\xC0\x80", 2, &i), -1);
    CHECK_INT(i, 2);
    i = 0;
    CHECK_INT(utf8_next("\xE2\x82", 2, &i), -1); /* truncated by n */
    CHECK_INT(i, 1);
    i = 0;
    CHECK_INT(utf8_next("\xE2\x82\xAC", 2, &i), -1); /* n cuts a valid one */
    CHECK_INT(i, 1);
    i = 0;
    CHECK_INT(utf8_next("\xED\xA0\x80", 3, &i), -1);
    CHECK_INT(i, 1);
    i = 0;
    CHECK_INT(utf8_next("\xF4\x90\x80\x80", 4, &i), -1);
    CHECK_INT(i, 1);

    i = 2;
    CHECK_INT(utf8_prev("a\x80", &i), -1);
    CHECK_INT(i, 1);
    i = 5;
    CHECK_INT(utf8_prev("\x80\x80\x80\x80\x80", &i), -1);
    CHECK_INT(i, 4);
    i = 2;
    CHECK_INT(utf8_prev("\xC0\x80", &i), -1);
    CHECK_INT(i, 1);
    i = 3;
    CHECK_INT(utf8_prev("\xED\xA0\x80", &i), -1);
    CHECK_INT(i, 2);
    i = 3; /* "é" followed by a stray continuation */
    CHECK_INT(utf8_prev("\xC3\xA9\xA9", &i), -1);
    CHECK_INT(i, 2);
    i = 2; /* a lead byte without its continuation at the end */
    CHECK_INT(utf8_prev("a\xC3", &i), -1);
    CHECK_INT(i, 1);
    i = 1;
    CHECK_INT(utf8_prev("\xC3\xA9", &i), -1); /* ends inside a sequence */
    CHECK_INT(i, 0);

    /* Encoding refuses what is not a scalar value. */
    {
        char out[4];
        CHECK_INT(utf8_encode(-1, out), 0);
        CHECK_INT(utf8_encode(0xD800, out), 0);
        CHECK_INT(utf8_encode(0xDFFF, out), 0);
        CHECK_INT(utf8_encode(0x110000, out), 0);
        CHECK_INT(utf8_encode(0x7FFFFFFF, out), 0);
        CHECK_INT(utf8_encode(0, out), 1);
        CHECK_INT(out[0], 0);
        CHECK_INT(utf8_encode(0x10FFFF, out), 4);
        CHECK(memcmp(out, "\xF4\x8F\xBF\xBF", 4) == 0);
        CHECK_INT(utf8_encode(0x7FF, out), 2);
        CHECK(memcmp(out, "\xDF\xBF", 2) == 0);
        CHECK_INT(utf8_encode(0xFFFF, out), 3);
        CHECK(memcmp(out, "\xEF\xBF\xBF", 3) == 0);
    }
}

/* Every scalar value: encode, validate, decode forward and backward, alone
 * and inside one long buffer of all of them. */
static void test_roundtrip(void)
{
    size_t cap = (size_t)0x110000 * 4, n = 0, i, wrong = 0;
    char *all = malloc(cap);
    int32_t cp;
    CHECK(all != NULL);
    if (!all)
        return;
    for (cp = 0; cp <= 0x10FFFF; cp++) {
        char b[8];
        size_t len, j;
        int32_t got;
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        len = utf8_encode(cp, b);
        if (len != (cp < 0x80 ? 1u : cp < 0x800 ? 2u : cp < 0x10000 ? 3u : 4u)) {
            wrong++;
            continue;
        }
        if (utf8_seqlen((unsigned char)b[0]) != len)
            wrong++;
        if (utf8_validate(b, len, NULL) != 0)
            wrong++;
        j = 0;
        got = utf8_next(b, len, &j);
        if (got != cp || j != len)
            wrong++;
        j = len;
        got = utf8_prev(b, &j);
        if (got != cp || j != 0)
            wrong++;
        /* one byte short is never valid for a multi-byte sequence */
        if (len > 1 && utf8_validate(b, len - 1, NULL) == 0)
            wrong++;
        memcpy(all + n, b, len);
        n += len;
    }
    CHECK_INT(wrong, 0);
    CHECK_INT(utf8_validate(all, n, NULL), 0);

    /* Walk forward and backward over the whole buffer. */
    i = 0;
    for (cp = 0; cp <= 0x10FFFF && i < n; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (utf8_next(all, n, &i) != cp)
            wrong++;
    }
    CHECK_INT(i, n);
    CHECK_INT(cp, 0x110000);
    for (cp = 0x10FFFF; cp >= 0 && i > 0; cp--) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (utf8_prev(all, &i) != cp)
            wrong++;
    }
    CHECK_INT(i, 0);
    CHECK_INT(cp, -1);
    CHECK_INT(wrong, 0);

    /* Surrogates encoded the CESU way are rejected at their offset. */
    memcpy(all + 100, "\xED\xA0\x80", 3);
    {
        size_t bad = 0;
        CHECK_INT(utf8_validate(all, n, &bad), KR_EUTF8);
        CHECK_INT(bad, 100); /* code points 0..99 take one byte each */
    }
    free(all);
}

/* utf8_two: a well-formed two-byte sequence, and nothing else. */
static void test_two(void)
{
    CHECK_INT(utf8_two("\xC2\x80", 2, 0), 0x80);
    CHECK_INT(utf8_two("\xD0\x96x", 3, 0), 0x416); /* Ж */
    CHECK_INT(utf8_two("a\xDF\xBF", 3, 1), 0x7FF);
    CHECK_INT(utf8_two("a", 1, 0), -1);              /* ASCII */
    CHECK_INT(utf8_two("\xC1\xBF", 2, 0), -1);      /* overlong */
    CHECK_INT(utf8_two("\xE2\x80\x94", 3, 0), -1);  /* three bytes: not here */
    CHECK_INT(utf8_two("\xD0", 1, 0), -1);           /* cut at the end */
    CHECK_INT(utf8_two("\xD0\x96", 1, 0), -1);       /* ... of the given length */
    CHECK_INT(utf8_two("\xD0x", 2, 0), -1);          /* no continuation */
    CHECK_INT(utf8_two("\x96\x96", 2, 0), -1);       /* a continuation byte first */
}

int main(void)
{
    test_valid();
    test_invalid();
    test_next_prev();
    test_two();
    test_roundtrip();
    return t_report();
}
