/* t_json.c: unit tests for the strict JSON object reader and the JSON string
 * writer: grammar corners, escapes, UTF-8, nesting limits, error offsets. */
#include <stdlib.h>

#include "json.h"
#include "t.h"

static kr_arena *A;
static json_member *M;
static size_t N;
static kr_error E;

/* Parses a NUL-terminated literal; returns the status. */
static int parse(const char *s)
{
    kr_error_clear(&E, "t");
    return json_parse_object(s, strlen(s), A, &M, &N, &E);
}

static int parsen(const char *s, size_t n)
{
    kr_error_clear(&E, "t");
    return json_parse_object(s, n, A, &M, &N, &E);
}

/* 1 when the last error message contains `part`. */
static int msg_has(const char *part)
{
    if (strstr(E.msg, part))
        return 1;
    fprintf(stderr, "  message was: %s\n", E.msg);
    return 0;
}

static void test_basic(void)
{
    const json_member *m;
    CHECK_INT(parse(" \t{\"a\": \"x\", \"n\" : -12.5e+3,\"t\":true,\"f\":false,"
                    "\"z\":null, \"arr\": [1, {\"b\": [true, null]}], \"o\":{}}\r\n "), 0);
    CHECK_INT(N, 7);
    CHECK_STRN(M[0].key.p, M[0].key.n, "a");
    CHECK_INT(M[0].type, JSON_STRING);
    CHECK_STRN(M[0].val.p, M[0].val.n, "x");
    CHECK_INT(M[0].val.p[M[0].val.n], '\0');
    CHECK_INT(M[1].type, JSON_NUMBER);
    CHECK_STRN(M[1].val.p, M[1].val.n, "-12.5e+3");
    CHECK_INT(M[2].type, JSON_BOOL);
    CHECK_STRN(M[2].val.p, M[2].val.n, "true");
    CHECK_INT(M[3].type, JSON_BOOL);
    CHECK_STRN(M[3].val.p, M[3].val.n, "false");
    CHECK_INT(M[4].type, JSON_NULL);
    CHECK_STRN(M[4].val.p, M[4].val.n, "null");
    CHECK_INT(M[5].type, JSON_ARRAY);
    CHECK_STRN(M[5].val.p, M[5].val.n, "[1, {\"b\": [true, null]}]");
    CHECK_INT(M[6].type, JSON_OBJECT);
    CHECK_STRN(M[6].val.p, M[6].val.n, "{}");

    m = json_get(M, N, "arr");
    CHECK(m == &M[5]);
    CHECK(json_get(M, N, "missing") == NULL);
    CHECK(json_get(M, N, "ar") == NULL);

    CHECK_INT(parse("{}"), 0);
    CHECK_INT(N, 0);
    CHECK_INT(parse("  { \n }  "), 0);
    CHECK_INT(N, 0);
    CHECK_INT(parse("{\"\":\"\"}"), 0);
    CHECK_INT(N, 1);
    CHECK_INT(M[0].key.n, 0);
    CHECK_INT(M[0].val.n, 0);
}

static void test_duplicates(void)
{
    CHECK_INT(parse("{\"k\":1,\"k\":2}"), 0);
    CHECK_INT(N, 2);
    CHECK_STRN(json_get(M, N, "k")->val.p, json_get(M, N, "k")->val.n, "2");
}

static void test_escapes(void)
{
    CHECK_INT(parse("{\"s\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"}"), 0);
    CHECK_STRN(M[0].val.p, M[0].val.n, "q\" b\\ s/ \b\f\n\r\t end");
    /* é, 中, and U+1F600 as a surrogate pair, upper and lower case hex */
    CHECK_INT(parse("{\"s\":\"caf\\u00e9 \\u4E2D \\ud83d\\uDE00!\"}"), 0);
    CHECK_STRN(M[0].val.p, M[0].val.n, "caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80!");
    /* U+10FFFF, the last code point */
    CHECK_INT(parse("{\"s\":\"\\uDBFF\\uDFFF\"}"), 0);
    CHECK_STRN(M[0].val.p, M[0].val.n, "\xF4\x8F\xBF\xBF");
    /* escaped key */
    CHECK_INT(parse("{\"\\u0074ext\":\"v\"}"), 0);
    CHECK(json_get(M, N, "text") != NULL);
    /* \u0000 stays in the value, counted by the length */
    CHECK_INT(parse("{\"s\":\"a\\u0000b\"}"), 0);
    CHECK_INT(M[0].val.n, 3);
    CHECK(memcmp(M[0].val.p, "a\0b", 3) == 0);
    /* raw UTF-8 passes through */
    CHECK_INT(parse("{\"s\":\"Привет, Bakı\"}"), 0);
    CHECK_STRN(M[0].val.p, M[0].val.n, "Привет, Bakı");
    /* two-byte letters, escapes and three-byte characters in one run */
    CHECK_INT(parse("{\"s\":\"Москва\\n\\u0416ук — «Баку»\\\"\"}"), 0);
    CHECK_STRN(M[0].val.p, M[0].val.n, "Москва\nЖук — «Баку»\"");
    /* a two-byte lead before the closing quote is no letter */
    CHECK_INT(parse("{\"s\":\"Мо\xD0\"}"), KR_EUTF8);
    CHECK_INT(E.byte, 10);
}

static void test_string_errors(void)
{
    /* lone high surrogate, at end and followed by something else */
    CHECK_INT(parse("{\"s\":\"x\\ud83d\"}"), KR_EFORMAT);
    CHECK_INT(E.byte, 7);
    CHECK(msg_has("surrogate"));
    CHECK_INT(parse("{\"s\":\"\\ud83d\\u0041\"}"), KR_EFORMAT);
    CHECK(msg_has("surrogate"));
    CHECK_INT(parse("{\"s\":\"\\ud83d\\ud83d\"}"), KR_EFORMAT);
    /* lone low surrogate */
    CHECK_INT(parse("{\"s\":\"\\ude00\"}"), KR_EFORMAT);
    CHECK_INT(E.byte, 6);
    CHECK(msg_has("low surrogate"));
    /* bad \u */
    CHECK_INT(parse("{\"s\":\"\\u12G4\"}"), KR_EFORMAT);
    CHECK(msg_has("hex"));
    CHECK_INT(parse("{\"s\":\"\\u12\"}"), KR_EFORMAT);
    /* unknown escape */
    CHECK_INT(parse("{\"s\":\"\\x41\"}"), KR_EFORMAT);
    CHECK_INT(E.byte, 6);
    CHECK(msg_has("invalid escape"));
    /* raw control characters: tab, NUL, 0x1F */
    CHECK_INT(parse("{\"s\":\"a\tb\"}"), KR_EFORMAT);
    CHECK_INT(E.byte, 7);
    CHECK(msg_has("control character"));
    CHECK_INT(parsen("{\"s\":\"a\0b\"}", 10), KR_EFORMAT);
    CHECK_INT(E.byte, 7);
    CHECK_INT(parse("{\"s\":\"\x1F\"}"), KR_EFORMAT);
    /* DEL is not a control character for JSON */
    CHECK_INT(parse("{\"s\":\"\x7F\"}"), 0);
    /* unterminated: reported at the opening quote */
    CHECK_INT(parse("{\"s\":\"abc"), KR_EFORMAT);
    CHECK_INT(E.byte, 5);
    CHECK(msg_has("unterminated string"));
    CHECK_INT(parse("{\"s\":\"abc\\"), KR_EFORMAT);
    CHECK(msg_has("unterminated string"));
    CHECK_INT(parse("{\"s\":\"abc\\\"}"), KR_EFORMAT);
    CHECK(msg_has("unterminated string"));
    CHECK_INT(parse("{\"abc"), KR_EFORMAT);
    CHECK_INT(E.byte, 1);
    /* an earlier problem wins over the missing quote */
    CHECK_INT(parse("{\"s\":\"a\x01"), KR_EFORMAT);
    CHECK(msg_has("control character"));
}

static void test_utf8(void)
{
    /* truncated sequence, stray continuation, overlong, encoded surrogate,
     * above U+10FFFF: all KR_EUTF8 at the bad byte */
    CHECK_INT(parse("{\"s\":\"ab\xC3\"}"), KR_EUTF8);
    CHECK_INT(E.byte, 8);
    CHECK(msg_has("invalid UTF-8 at byte 8"));
    CHECK_INT(parse("{\"s\":\"\x80\"}"), KR_EUTF8);
    CHECK_INT(E.byte, 6);
    CHECK_INT(parse("{\"s\":\"\xC0\xAF\"}"), KR_EUTF8);
    CHECK_INT(parse("{\"s\":\"\xED\xA0\x80\"}"), KR_EUTF8);
    CHECK_INT(parse("{\"s\":\"\xF4\x90\x80\x80\"}"), KR_EUTF8);
    CHECK_INT(parse("{\"s\":\"ok\xE4\xB8\"}"), KR_EUTF8);
    CHECK_INT(E.byte, 8);
    /* in a key, and inside a skipped nested value */
    CHECK_INT(parse("{\"k\xFF\":1}"), KR_EUTF8);
    CHECK_INT(E.byte, 3);
    CHECK_INT(parse("{\"a\":[1,{\"b\":\"\xFE\"}]}"), KR_EUTF8);
    CHECK_INT(E.byte, 14);
    /* outside strings: a bad byte is invalid UTF-8, a good one a syntax error */
    CHECK_INT(parse("{\"a\":\xFF}"), KR_EUTF8);
    CHECK_INT(E.byte, 5);
    CHECK_INT(parse("{\"a\":\xC2\xAB}"), KR_EFORMAT);
    CHECK(msg_has("found '\xC2\xAB'"));
}

static void test_numbers(void)
{
    static const char *const good[] = {"0", "-0", "7", "-12", "1.5", "0.001", "1e5", "1E+5",
                                       "2.5e-10", "-0.0e0", "123456789012345678901234567890"};
    static const char *const bad[] = {"01", "-01", "1.", ".5", "-", "+1", "1e", "1e+",
                                      "0x10", "NaN", "Infinity", "-Infinity", "1.e3", "--1", "00"};
    char buf[128];
    size_t k;
    for (k = 0; k < sizeof good / sizeof good[0]; k++) {
        snprintf(buf, sizeof buf, "{\"n\":%s}", good[k]);
        CHECK_INT(parse(buf), 0);
        CHECK_INT(M[0].type, JSON_NUMBER);
        CHECK_STRN(M[0].val.p, M[0].val.n, good[k]);
    }
    for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        snprintf(buf, sizeof buf, "{\"n\":%s}", bad[k]);
        if (parse(buf) != KR_EFORMAT) {
            fprintf(stderr, "  accepted number %s\n", bad[k]);
            CHECK(0);
        }
    }
    CHECK_INT(parse("{\"n\":01}"), KR_EFORMAT);
    CHECK(msg_has("leading zero"));
    CHECK_INT(parse("{\"n\":1.}"), KR_EFORMAT);
    CHECK(msg_has("expected a digit after '.'"));
    CHECK_INT(E.byte, 7);
    CHECK_INT(parse("{\"n\":[1, 2, -]}"), KR_EFORMAT);
    CHECK_INT(E.byte, 13);
}

static void test_syntax_errors(void)
{
    CHECK_INT(parse(""), KR_EFORMAT);
    CHECK(msg_has("expected '{' at start of object, found end of input"));
    CHECK_INT(E.byte, 0);
    CHECK_INT(parse("  [1]"), KR_EFORMAT);
    CHECK(msg_has("expected '{'"));
    CHECK_INT(E.byte, 2);
    CHECK_INT(parse("\"text\""), KR_EFORMAT);
    CHECK_INT(parse("{\"a\" 1}"), KR_EFORMAT);
    CHECK(msg_has("expected ':' after object key, found '1'"));
    CHECK_INT(E.byte, 5);
    CHECK_INT(parse("{\"a\":1 \"b\":2}"), KR_EFORMAT);
    CHECK(msg_has("expected ',' or '}' after member"));
    CHECK_INT(E.byte, 7);
    CHECK_INT(parse("{\"a\":1,}"), KR_EFORMAT);
    CHECK(msg_has("after ','"));
    CHECK_INT(E.byte, 7);
    CHECK_INT(parse("{a:1}"), KR_EFORMAT);
    CHECK_INT(E.byte, 1);
    CHECK_INT(parse("{'a':1}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":}"), KR_EFORMAT);
    CHECK(msg_has("expected a value"));
    CHECK_INT(parse("{\"a\":1"), KR_EFORMAT);
    CHECK(msg_has("found end of input"));
    CHECK_INT(parse("{\"a\":1}}"), KR_EFORMAT);
    CHECK(msg_has("end of input after the object"));
    CHECK_INT(E.byte, 7);
    CHECK_INT(parse("{} {}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":tru}"), KR_EFORMAT);
    CHECK(msg_has("'true'"));
    CHECK_INT(parse("{\"a\":nul"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":True}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":[1,]}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":[1 2]}"), KR_EFORMAT);
    CHECK(msg_has("',' or ']' after array element"));
    CHECK_INT(parse("{\"a\":{\"b\":1,}}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":{\"b\" 1}}"), KR_EFORMAT);
    CHECK(msg_has("':' after object key"));
    CHECK_INT(parse("{\"a\":{1:2}}"), KR_EFORMAT);
    CHECK(msg_has("string key"));
    CHECK_INT(parse("{\"a\":[}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":[1}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":{]}"), KR_EFORMAT);
    CHECK_INT(parse("{\"a\":[[]"), KR_EFORMAT);
    /* comments, \f and \v are not JSON whitespace */
    CHECK_INT(parse("{/*c*/}"), KR_EFORMAT);
    CHECK_INT(parse("{\f}"), KR_EFORMAT);
    CHECK(msg_has("control byte 0x0C"));
    CHECK_INT(parse("\v{}"), KR_EFORMAT);
    /* a NUL after the object is trailing data, not an end */
    CHECK_INT(parsen("{}\0", 3), KR_EFORMAT);
    /* err may be NULL */
    CHECK_INT(json_parse_object("{x", 2, A, &M, &N, NULL), KR_EFORMAT);
}

/* Builds `levels` nested arrays inside {"a": ...}; the object is level 1. */
static char *nest(size_t levels, size_t *len)
{
    char *s = malloc(levels * 2 + 16);
    size_t k, o = 0;
    memcpy(s, "{\"a\":", 5);
    o = 5;
    for (k = 0; k < levels; k++)
        s[o++] = '[';
    for (k = 0; k < levels; k++)
        s[o++] = ']';
    s[o++] = '}';
    *len = o;
    return s;
}

/* `levels` containers in all, the outer object included, alternating
 * arrays and objects, with a number innermost: {"k":[{"k":[1]}]} ... */
static char *mixed(size_t levels, size_t *len)
{
    char *s = malloc(levels * 6 + 16);
    size_t k, o = 0;
    for (k = 0; k < levels; k++) {
        if (k % 2 == 0) {
            memcpy(s + o, "{\"k\":", 5);
            o += 5;
        } else {
            s[o++] = '[';
        }
    }
    s[o++] = '1';
    for (k = levels; k-- > 0;)
        s[o++] = k % 2 ? ']' : '}';
    *len = o;
    return s;
}

static void test_depth(void)
{
    size_t len;
    char *s;

    s = nest(63, &len); /* 64 levels in all */
    CHECK_INT(parsen(s, len), 0);
    CHECK_INT(M[0].type, JSON_ARRAY);
    CHECK_INT(M[0].val.n, 126);
    free(s);

    s = nest(64, &len); /* 65 levels */
    CHECK_INT(parsen(s, len), KR_EFORMAT);
    CHECK(msg_has("nesting deeper than 64"));
    CHECK_INT(E.byte, 5 + 63);
    free(s);

    /* a million levels must fail fast, without recursion */
    s = nest(1000000, &len);
    CHECK_INT(parsen(s, len), KR_EFORMAT);
    CHECK_INT(E.byte, 5 + 63);
    free(s);

    /* objects and arrays mixed, at the limit and one past it */
    s = mixed(64, &len);
    CHECK_INT(parsen(s, len), 0);
    CHECK_INT(N, 1);
    CHECK_INT(M[0].type, JSON_ARRAY);
    free(s);
    s = mixed(65, &len);
    CHECK_INT(parsen(s, len), KR_EFORMAT);
    CHECK(msg_has("nesting deeper than 64"));
    free(s);

    CHECK_INT(parse("{\"a\":{\"b\":[{\"c\":{\"d\":[]}}, 2], \"e\":\"x\"}, \"f\":[[],[[]]]}"), 0);
    CHECK_INT(N, 2);
    CHECK_STRN(M[1].val.p, M[1].val.n, "[[],[[]]]");
}

static void test_many_members(void)
{
    const size_t count = 200000;
    kr_buf b = {0};
    size_t k;
    const json_member *m;
    CHECK_INT(kr_buf_putc(&b, '{'), 0);
    for (k = 0; k < count; k++)
        kr_buf_printf(&b, "%s\"k%zu\":%zu", k ? "," : "", k, k);
    kr_buf_putc(&b, '}');
    CHECK_INT(parsen(b.p, b.n), 0);
    CHECK_INT(N, count);
    CHECK_STRN(M[count - 1].key.p, M[count - 1].key.n, "k199999");
    CHECK_STRN(M[count - 1].val.p, M[count - 1].val.n, "199999");
    m = json_get(M, N, "k0");
    CHECK(m != NULL && m->val.n == 1 && m->val.p[0] == '0');
    kr_buf_free(&b);
    arena_reset(A);
}

static void test_long_string(void)
{
    /* 4 MB of escapes and plain text: exercises the sizing pass */
    const size_t reps = 1 << 18;
    kr_buf b = {0};
    size_t k;
    int ok = 1;
    kr_buf_puts(&b, "{\"s\":\"");
    for (k = 0; k < reps; k++)
        kr_buf_puts(&b, "ab\\n\\u00e9\\ud83d\\ude00");
    kr_buf_puts(&b, "\"}");
    CHECK_INT(parsen(b.p, b.n), 0);
    CHECK_INT(M[0].val.n, reps * 9);
    for (k = 0; k < reps && ok; k++)
        ok = memcmp(M[0].val.p + k * 9, "ab\n\xC3\xA9\xF0\x9F\x98\x80", 9) == 0;
    CHECK(ok);
    kr_buf_free(&b);
    arena_reset(A);
}

static void test_put_str(void)
{
    kr_buf b = {0};
    char all[256];
    size_t k;

    CHECK_INT(json_put_str(&b, "a\"b\\c\nd\te\rf\bg\fh\x01i\x1Fj\x7F", 20), 0);
    CHECK_STRN(b.p, b.n, "\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\u0001i\\u001fj\x7F\"");
    kr_buf_reset(&b);
    CHECK_INT(json_put_str(&b, "", 0), 0);
    CHECK_STR(b.p, "\"\"");
    kr_buf_reset(&b);
    CHECK_INT(json_put_str(&b, "Шойгу → Tehran 😀", strlen("Шойгу → Tehran 😀")), 0);
    CHECK_STR(b.p, "\"Шойгу → Tehran 😀\"");
    kr_buf_reset(&b);
    CHECK_INT(json_put_str(&b, "x\0y", 3), 0);
    CHECK_STRN(b.p, b.n, "\"x\\u0000y\"");
    kr_buf_free(&b);

    /* round trip: every ASCII byte including NUL, plus multibyte text, as
     * both key and value */
    for (k = 0; k < 128; k++)
        all[k] = (char)k;
    memcpy(all + 128, "é中😀Ωж", strlen("é中😀Ωж"));
    {
        size_t n = 128 + strlen("é中😀Ωж");
        kr_buf_putc(&b, '{');
        json_put_str(&b, all, n);
        kr_buf_putc(&b, ':');
        json_put_str(&b, all, n);
        kr_buf_putc(&b, '}');
        CHECK_INT(parsen(b.p, b.n), 0);
        CHECK_INT(N, 1);
        CHECK_INT(M[0].key.n, n);
        CHECK(memcmp(M[0].key.p, all, n) == 0);
        CHECK_INT(M[0].val.n, n);
        CHECK(memcmp(M[0].val.p, all, n) == 0);
    }
    kr_buf_free(&b);

    /* allocation failure is reported */
    kr_alloc_fail_after(0);
    CHECK_INT(json_put_str(&b, "x", 1), KR_ENOMEM);
    kr_alloc_fail_after(-1);
    kr_buf_free(&b);
}

static void test_nomem(void)
{
    kr_arena *a = arena_new();
    json_member *m = NULL;
    size_t n = 99;
    int rc;
    kr_error_clear(&E, "t");
    kr_alloc_fail_after(0);
    rc = json_parse_object("{\"a\":\"b\"}", 9, a, &m, &n, &E);
    kr_alloc_fail_after(-1);
    CHECK_INT(rc, KR_ENOMEM);
    CHECK(m == NULL);
    CHECK_INT(n, 99);
    arena_free(a);
}

int main(void)
{
    A = arena_new();
    test_basic();
    test_duplicates();
    test_escapes();
    test_string_errors();
    test_utf8();
    test_numbers();
    test_syntax_errors();
    test_depth();
    test_many_members();
    test_long_string();
    test_put_str();
    test_nomem();
    arena_free(A);
    return t_report();
}
