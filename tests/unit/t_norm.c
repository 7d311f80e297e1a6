/* t_norm.c: text normalization: BOM, line endings, control characters and
 * invalid UTF-8 with their byte offsets, and NFC (composition, Hangul,
 * reordering, expansion, already-NFC text untouched). */
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "t.h"

/* Normalizes a literal (embedded NULs allowed) and compares with `want`. */
#define NORM_OK(lit, want)                                                     \
    do {                                                                       \
        kr_buf nb_buf = {0};                                                   \
        kr_error nb_err;                                                       \
        kr_error_clear(&nb_err, "in.txt");                                     \
        CHECK_INT(norm_text((lit), sizeof(lit) - 1, &nb_buf, &nb_err), 0);     \
        CHECK_STRN(nb_buf.p ? nb_buf.p : "", nb_buf.n, (want));                \
        CHECK(nb_buf.p != NULL && nb_buf.p[nb_buf.n] == '\0');                 \
        kr_buf_free(&nb_buf);                                                  \
    } while (0)

/* Expects rejection with want_code at byte `at`, want_msg in the message. */
#define NORM_BAD(lit, want_code, at, want_msg)                                 \
    do {                                                                       \
        kr_buf nb_buf = {0};                                                   \
        kr_error nb_err;                                                       \
        kr_error_clear(&nb_err, "in.txt");                                     \
        CHECK_INT(norm_text((lit), sizeof(lit) - 1, &nb_buf, &nb_err),         \
                  (want_code));                                                \
        CHECK_INT(nb_err.code, (want_code));                                   \
        CHECK_INT(nb_err.byte, (at));                                          \
        CHECK(strstr(nb_err.msg, (want_msg)) != NULL);                         \
        CHECK_STR(nb_err.file, "in.txt");                                      \
        kr_buf_free(&nb_buf);                                                  \
    } while (0)

static void test_clean(void)
{
    NORM_OK("", "");
    NORM_OK("plain text", "plain text");
    NORM_OK("\xEF\xBB\xBF", "");
    NORM_OK("\xEF\xBB\xBFHello", "Hello");
    /* Only a leading BOM is dropped; one inside is text (ZWNBSP). */
    NORM_OK("a\xEF\xBB\xBF" "b", "a\xEF\xBB\xBF" "b");
    NORM_OK("\xEF\xBB\xBF\xEF\xBB\xBFx", "\xEF\xBB\xBFx");
    NORM_OK("a\r\nb\r\nc", "a\nb\nc");
    NORM_OK("a\rb\rc", "a\nb\nc");
    NORM_OK("a\r\r\nb", "a\n\nb");
    NORM_OK("a\n\rb", "a\n\nb");
    NORM_OK("end\r", "end\n");
    NORM_OK("\r\n", "\n");
    NORM_OK("\xEF\xBB\xBF\r\nx", "\nx");
    NORM_OK("page\fnext", "page\nnext");
    NORM_OK("v\vtab", "v\ntab");
    NORM_OK("col1\tcol2\t", "col1\tcol2\t");
    NORM_OK("line\n\nline", "line\n\nline");
    NORM_OK("del\x7F ok", "del\x7F ok");
    NORM_OK("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\r\n", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\n");

    NORM_BAD("\0", KR_EFORMAT, 0, "control character 0x00 at byte 0");
    NORM_BAD("abc\0def", KR_EFORMAT, 3, "0x00 at byte 3");
    NORM_BAD("0123456789abcdefg\0", KR_EFORMAT, 17, "at byte 17");
    NORM_BAD("ok\x01", KR_EFORMAT, 2, "0x01");
    NORM_BAD("01234567\x01", KR_EFORMAT, 8, "0x01 at byte 8");
    NORM_BAD("Москва\x1F", KR_EFORMAT, 12, "0x1F at byte 12");
    NORM_BAD("\x1B[31mred", KR_EFORMAT, 0, "0x1B");
    NORM_BAD("a\r\n\x08", KR_EFORMAT, 3, "0x08 at byte 3");
    NORM_BAD("x\x1F", KR_EFORMAT, 1, "0x1F");
    /* Offsets count the BOM: they refer to the input. */
    NORM_BAD("\xEF\xBB\xBF" "ab\x02", KR_EFORMAT, 5, "at byte 5");
    NORM_BAD("\xEF\xBB\xBF" "ab\x02", KR_EFORMAT, 5, "binary data");

    NORM_BAD("\xFF", KR_EUTF8, 0, "invalid UTF-8 at byte 0");
    NORM_BAD("0123456789abcdefg\xC0\x80", KR_EUTF8, 17, "invalid UTF-8 at byte 17");
    NORM_BAD("\xD0\x9C\xD0\xBE\xED\xA0\x80", KR_EUTF8, 4, "at byte 4");
    NORM_BAD("abc\xE2\x82", KR_EUTF8, 3, "at byte 3");
    NORM_BAD("\xEF\xBB", KR_EUTF8, 0, "at byte 0"); /* half a BOM */
    /* The whole input is validated first: an encoding error wins over an
     * earlier control character. */
    NORM_BAD("\0\xFF", KR_EUTF8, 1, "at byte 1");

    /* A NULL error is allowed. */
    {
        kr_buf b = {0};
        CHECK_INT(norm_text("a\0", 2, &b, NULL), KR_EFORMAT);
        CHECK_INT(norm_text("a\xFF", 2, &b, NULL), KR_EUTF8);
        CHECK_INT(norm_text("a", 1, &b, NULL), 0);
        CHECK_STRN(b.p, b.n, "a");
        kr_buf_free(&b);
    }
}

static void test_nfc(void)
{
    NORM_OK("caf" "e\xCC\x81", "caf\xC3\xA9");                /* e + U+0301 */
    NORM_OK("\xD0\xB8\xCC\x86", "\xD0\xB9");                  /* и + U+0306 -> й */
    NORM_OK("\xD0\x98\xCC\x86", "\xD0\x99");                  /* И + U+0306 -> Й */
    NORM_OK("\xD0\xB5\xCC\x88", "\xD1\x91");                  /* е + U+0308 -> ё */
    NORM_OK("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80");      /* jamo -> 가 */
    NORM_OK("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81"); /* -> 각 */
    NORM_OK("\xEA\xB0\x80\xE1\x86\xA8", "\xEA\xB0\x81");      /* LV + T -> LVT */
    NORM_OK("A\xCC\x8A", "\xC3\x85");                         /* A + ring -> Å */
    NORM_OK("\xE2\x84\xAB", "\xC3\x85");                      /* Angstrom sign -> Å */
    NORM_OK("q\xCC\x87\xCC\xA3", "q\xCC\xA3\xCC\x87");        /* marks reordered */
    NORM_OK("\xC4\x85\xCC\x81", "\xC4\x85\xCC\x81");          /* ą́ stays (no precomposed) */
    NORM_OK("\xE0\xA5\x98", "\xE0\xA4\x95\xE0\xA4\xBC");      /* U+0958 is excluded */
    NORM_OK("\xCD\x84", "\xCC\x88\xCC\x81");                  /* U+0344 expands */
    /* Composition across a line ending fix, after a BOM. */
    NORM_OK("\xEF\xBB\xBF" "e\xCC\x81\r\n\xD0\xB8\xCC\x86", "\xC3\xA9\n\xD0\xB9");
    /* A mark after runs that need no normalization (ASCII, Cyrillic,
     * dashes) still composes with the letter before it. */
    NORM_OK("0123456789abcdef" "e\xCC\x81", "0123456789abcdef\xC3\xA9");
    NORM_OK("Привет, мир — привет " "\xD0\xB8\xCC\x86", "Привет, мир — привет \xD0\xB9");
    NORM_OK("Чи\xD2\x83сло", "Чи\xD2\x83сло"); /* a Cyrillic titlo stays */
    /* A mark at the very start has nothing to compose with. */
    NORM_OK("\xCC\x81" "a", "\xCC\x81" "a");

    /* Text already in NFC comes back byte for byte. */
    {
        static const char nfc[] =
            "Сергей Лавров встретился с Мохаммадом-Резой Аштиани. Ёлка, йод.\n"
            "Министр иностранных дел Армении — Արարատ Միրզոյան; თბილისი; "
            "تهران؛ İstanbul'da ışık; Ελλάδα; 서울; 東京; café; Łódź; ẞ; 😀\t.";
        kr_buf b = {0};
        kr_error e;
        kr_error_clear(&e, NULL);
        CHECK_INT(norm_text(nfc, sizeof nfc - 1, &b, &e), 0);
        CHECK_INT(b.n, sizeof nfc - 1);
        CHECK(b.n == sizeof nfc - 1 && memcmp(b.p, nfc, b.n) == 0);
        kr_buf_free(&b);
    }

    /* Expansion well beyond one and a half times the input: 300 x U+FB2C
     * (3 bytes, 1 UTF-16 unit) become 300 x U+05E9 U+05BC U+05C1. */
    {
        enum { K = 300 };
        char *in = malloc(3 * K), *want = malloc(6 * K + 1);
        kr_buf b = {0};
        size_t k;
        CHECK(in && want);
        if (in && want) {
            for (k = 0; k < K; k++) {
                memcpy(in + 3 * k, "\xEF\xAC\xAC", 3);
                memcpy(want + 6 * k, "\xD7\xA9\xD6\xBC\xD7\x81", 6);
            }
            want[6 * K] = '\0';
            CHECK_INT(norm_text(in, 3 * K, &b, NULL), 0);
            CHECK_INT(b.n, 6 * K);
            CHECK(b.n == 6 * K && memcmp(b.p, want, b.n) == 0);
            CHECK(b.p && b.p[b.n] == '\0');
        }
        kr_buf_free(&b);
        free(in);
        free(want);
    }

    /* A long text where the decomposed part comes late, past ICU's quick
     * check span, and the output buffer is reused with old content. */
    {
        kr_buf b = {0}, in = {0};
        size_t k;
        kr_buf_puts(&b, "old content that must disappear");
        for (k = 0; k < 5000; k++)
            kr_buf_puts(&in, "\xD0\x9C\xD0\xB8\xD1\x80 ");
        kr_buf_puts(&in, "\xD0\xB8\xCC\x86");
        CHECK_INT(norm_text(in.p, in.n, &b, NULL), 0);
        CHECK_INT(b.n, in.n - 2);
        CHECK(b.n == in.n - 2 && memcmp(b.p, in.p, in.n - 4) == 0);
        CHECK(b.n >= 2 && memcmp(b.p + b.n - 2, "\xD0\xB9", 2) == 0);
        kr_buf_free(&b);
        kr_buf_free(&in);
    }
}

/* The output buffer is reset and reusable across calls, also after errors. */
static void test_reuse(void)
{
    kr_buf b = {0};
    CHECK_INT(norm_text("first", 5, &b, NULL), 0);
    CHECK_STRN(b.p, b.n, "first");
    CHECK_INT(norm_text("x\0y", 3, &b, NULL), KR_EFORMAT);
    CHECK_INT(norm_text("", 0, &b, NULL), 0);
    CHECK_INT(b.n, 0);
    CHECK(b.p != NULL && b.p[0] == '\0');
    CHECK_INT(norm_text("e\xCC\x81", 3, &b, NULL), 0);
    CHECK_STRN(b.p, b.n, "\xC3\xA9");
    kr_buf_free(&b);
}

int main(void)
{
    test_clean();
    test_nfc();
    test_reuse();
    return t_report();
}
