/* json.c: strict JSON reader (RFC 8259) for one flat object, whose nested
 * values are checked and kept as raw text with an explicit bit stack instead
 * of recursion, and the writer of JSON strings. */
#include "json.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

typedef struct parser {
    const char *s;
    size_t n, i; /* input and read position */
    kr_arena *a;
    kr_error *err;
} parser;

/* Bytes a string copies verbatim; everything else needs a closer look. */
/* The length of the run at s[i..n) that is copied as it is: printable
 * ASCII other than '"' and '\\', and well-formed two-byte UTF-8 sequences
 * (most non-Latin news text). Anything else ends the run. */
static size_t plain_run(const char *s, size_t n, size_t i)
{
    size_t start = i;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
            i++;
        else if (utf8_two(s, n, i) >= 0)
            i += 2;
        else
            break;
    }
    return i - start;
}

/* RFC 8259 whitespace only (no \f or \v). */
static void skip_ws(parser *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->i++;
    }
}

static int fail_at(parser *p, int code, size_t at, const char *msg)
{
    if (p->err) {
        kr_errorf(p->err, code, "%s", msg);
        p->err->byte = at;
    }
    return code;
}

/* Reports "expected WHAT, found X" at p->i. A byte that does not start valid
 * UTF-8 is reported as such (KR_EUTF8): it is the more useful diagnosis. */
static int expected(parser *p, const char *what)
{
    const unsigned char *u = (const unsigned char *)p->s;
    char found[32];
    size_t i = p->i, k = p->i;

    if (i >= p->n) {
        memcpy(found, "end of input", sizeof "end of input");
    } else if (u[i] < 0x20 || u[i] == 0x7F) {
        snprintf(found, sizeof found, "control byte 0x%02X", u[i]);
    } else if (u[i] < 0x80) {
        snprintf(found, sizeof found, "'%c'", u[i]);
    } else if (utf8_next(p->s, p->n, &k) >= 0) {
        snprintf(found, sizeof found, "'%.*s'", (int)(k - i), p->s + i);
    } else {
        if (p->err) {
            kr_errorf(p->err, KR_EUTF8, "invalid UTF-8 at byte %zu", i);
            p->err->byte = i;
        }
        return KR_EUTF8;
    }
    if (p->err) {
        kr_errorf(p->err, KR_EFORMAT, "expected %s, found %s", what, found);
        p->err->byte = i;
    }
    return KR_EFORMAT;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)kr_tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Reads the 4 hex digits of a \u escape at s[0..4); -1 if malformed. */
static int32_t hex4(const char *s)
{
    int32_t v = 0;
    int k, d;
    for (k = 0; k < 4; k++) {
        if ((d = hexval(s[k])) < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decodes a string body from p->i (just after the opening quote at `open`)
 * through its closing quote, leaving p->i after it. Writes the unescaped
 * bytes to `out` when not NULL (never more than the body's raw length) and
 * their count to *outn. */
static int string_body(parser *p, size_t open, char *out, size_t *outn)
{
    const char *s = p->s;
    size_t n = p->n, i = p->i, o = 0;
    char tmp[4];

    for (;;) {
        size_t run = i;
        unsigned char c;
        i += plain_run(s, n, i);
        if (out && i > run)
            memcpy(out + o, s + run, i - run);
        o += i - run;
        if (i >= n)
            return fail_at(p, KR_EFORMAT, open, "unterminated string");
        c = (unsigned char)s[i];
        if (c == '"') {
            p->i = i + 1;
            *outn = o;
            return 0;
        }
        if (c == '\\') {
            char e;
            int32_t cp;
            if (i + 1 >= n)
                return fail_at(p, KR_EFORMAT, open, "unterminated string");
            e = s[i + 1];
            switch (e) {
            case '"': case '\\': case '/': cp = e; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'n': cp = '\n'; break;
            case 'r': cp = '\r'; break;
            case 't': cp = '\t'; break;
            case 'u': cp = -2; break;
            default:
                return fail_at(p, KR_EFORMAT, i,
                               "invalid escape in string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)");
            }
            if (cp != -2) {
                if (out)
                    out[o] = (char)cp;
                o++;
                i += 2;
                continue;
            }
            if (n - i < 6 || (cp = hex4(s + i + 2)) < 0)
                return fail_at(p, KR_EFORMAT, i, "expected 4 hex digits after \\u");
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail_at(p, KR_EFORMAT, i, "lone low surrogate in \\u escape");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int32_t lo = -1;
                if (n - i >= 12 && s[i + 6] == '\\' && s[i + 7] == 'u')
                    lo = hex4(s + i + 8);
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail_at(p, KR_EFORMAT, i,
                                   "lone high surrogate in \\u escape (expected a \\uDC00-\\uDFFF escape after it)");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            i += 6;
            o += utf8_encode(cp, out ? out + o : tmp);
        } else if (c < 0x20) {
            return fail_at(p, KR_EFORMAT, i, "raw control character in string (must be escaped)");
        } else {
            size_t k = i;
            if (utf8_next(s, n, &k) < 0) {
                if (p->err) {
                    kr_errorf(p->err, KR_EUTF8, "invalid UTF-8 at byte %zu", i);
                    p->err->byte = i;
                }
                return KR_EUTF8;
            }
            if (out)
                memcpy(out + o, s + i, k - i);
            o += k - i;
            i = k;
        }
    }
}

/* Parses the string at p->i (on its opening quote) into the arena, NUL after
 * the last byte; with res NULL only checks it. */
static int parse_string(parser *p, kr_str *res)
{
    const char *s = p->s;
    size_t open = p->i, j = open + 1, len;
    char *buf;
    int rc;

    p->i = open + 1;
    if (!res)
        return string_body(p, open, NULL, &len);
    /* Find the closing quote first so the buffer gets the body's raw length,
     * which bounds the unescaped length. */
    for (;;) {
        const char *q = memchr(s + j, '"', p->n - j);
        size_t k;
        if (!q) {
            j = p->n;
            break;
        }
        j = (size_t)(q - s);
        for (k = j; k > open + 1 && s[k - 1] == '\\'; k--)
            ;
        if ((j - k) % 2 == 0)
            break; /* not escaped: an even run of backslashes before it */
        j++;
    }
    if (j >= p->n) /* reports the first problem, or "unterminated string" */
        return string_body(p, open, NULL, &len);
    buf = arena_alloc(p->a, j - open);
    if (!buf)
        return fail_at(p, KR_ENOMEM, open, "out of memory");
    if ((rc = string_body(p, open, buf, &len)) < 0)
        return rc;
    buf[len] = '\0';
    res->p = buf;
    res->n = len;
    return 0;
}

/* number = [ minus ] int [ frac ] [ exp ], RFC 8259 section 6. */
static int parse_number(parser *p)
{
    const char *s = p->s;
    size_t n = p->n;

    if (s[p->i] == '-')
        p->i++;
    if (p->i >= n || !kr_isdigit(s[p->i]))
        return expected(p, "a digit after '-'");
    if (s[p->i] == '0') {
        p->i++;
        if (p->i < n && kr_isdigit(s[p->i]))
            return fail_at(p, KR_EFORMAT, p->i - 1, "leading zero in number");
    } else {
        while (p->i < n && kr_isdigit(s[p->i]))
            p->i++;
    }
    if (p->i < n && s[p->i] == '.') {
        p->i++;
        if (p->i >= n || !kr_isdigit(s[p->i]))
            return expected(p, "a digit after '.' in number");
        while (p->i < n && kr_isdigit(s[p->i]))
            p->i++;
    }
    if (p->i < n && (s[p->i] == 'e' || s[p->i] == 'E')) {
        p->i++;
        if (p->i < n && (s[p->i] == '+' || s[p->i] == '-'))
            p->i++;
        if (p->i >= n || !kr_isdigit(s[p->i]))
            return expected(p, "a digit in the number's exponent");
        while (p->i < n && kr_isdigit(s[p->i]))
            p->i++;
    }
    return 0;
}

/* Parses a string, number or literal at p->i; strings go into *str when
 * str is not NULL. Containers are the caller's business. */
static int parse_scalar(parser *p, json_type *type, kr_str *str)
{
    static const char *const words[] = {"true", "false", "null"};
    const char *s = p->s;
    size_t k, len;
    char c;

    if (p->i >= p->n)
        return expected(p, "a value");
    c = s[p->i];
    if (c == '"') {
        *type = JSON_STRING;
        return parse_string(p, str);
    }
    if (c == '-' || kr_isdigit(c)) {
        *type = JSON_NUMBER;
        return parse_number(p);
    }
    for (k = 0; k < 3; k++) {
        if (c != words[k][0])
            continue;
        len = strlen(words[k]);
        if (p->n - p->i < len || memcmp(s + p->i, words[k], len) != 0) {
            if (p->err) {
                kr_errorf(p->err, KR_EFORMAT, "invalid literal (expected '%s')", words[k]);
                p->err->byte = p->i;
            }
            return KR_EFORMAT;
        }
        p->i += len;
        *type = k < 2 ? JSON_BOOL : JSON_NULL;
        return 0;
    }
    return expected(p, "a value (string, number, object, array, true, false or null)");
}

/* Skips the array or object opening at p->i, itself at nesting level
 * `level` (the outer object is 1). Iterative: one bit per open container
 * (1 = object) says which closer and which element syntax to expect. */
static int skip_container(parser *p, int level)
{
    enum { OPEN, ELEMENT, AFTER } st = OPEN;
    uint64_t objs = 0;
    int depth = 0, rc, is_obj = 0;
    json_type t;

    for (;;) {
        switch (st) {
        case OPEN:
            if (level + depth > JSON_MAX_DEPTH)
                return fail_at(p, KR_EFORMAT, p->i, "nesting deeper than 64 levels");
            is_obj = p->s[p->i] == '{';
            objs = (objs << 1) | (uint64_t)is_obj;
            depth++;
            p->i++;
            skip_ws(p);
            if (p->i < p->n && p->s[p->i] == (is_obj ? '}' : ']')) {
                p->i++;
                depth--;
                objs >>= 1;
                st = AFTER;
            } else {
                st = ELEMENT;
            }
            break;
        case ELEMENT:
            is_obj = (int)(objs & 1);
            if (is_obj) {
                if (p->i >= p->n || p->s[p->i] != '"')
                    return expected(p, "a string key in object");
                if ((rc = parse_string(p, NULL)) < 0)
                    return rc;
                skip_ws(p);
                if (p->i >= p->n || p->s[p->i] != ':')
                    return expected(p, "':' after object key");
                p->i++;
                skip_ws(p);
            }
            if (p->i < p->n && (p->s[p->i] == '[' || p->s[p->i] == '{')) {
                st = OPEN;
            } else {
                if ((rc = parse_scalar(p, &t, NULL)) < 0)
                    return rc;
                st = AFTER;
            }
            break;
        case AFTER:
            if (depth == 0)
                return 0;
            is_obj = (int)(objs & 1);
            skip_ws(p);
            if (p->i < p->n && p->s[p->i] == ',') {
                p->i++;
                skip_ws(p);
                st = ELEMENT;
            } else if (p->i < p->n && p->s[p->i] == (is_obj ? '}' : ']')) {
                p->i++;
                depth--;
                objs >>= 1;
            } else {
                return expected(p, is_obj ? "',' or '}' after member"
                                          : "',' or ']' after array element");
            }
            break;
        }
    }
}

int json_parse_object(const char *s, size_t n, kr_arena *a, json_member **out,
                      size_t *count, kr_error *err)
{
    parser p = {s, n, 0, a, err};
    json_member *m = NULL, *grown;
    size_t cnt = 0, cap = 0;
    int rc;

    skip_ws(&p);
    if (p.i >= n || s[p.i] != '{')
        return expected(&p, "'{' at start of object");
    p.i++;
    skip_ws(&p);
    if (p.i < n && s[p.i] == '}') {
        p.i++;
    } else {
        for (;;) {
            json_member mem;
            size_t start;
            if (p.i >= n || s[p.i] != '"')
                return expected(&p, cnt ? "a string key after ','" : "a string key or '}'");
            if ((rc = parse_string(&p, &mem.key)) < 0)
                return rc;
            skip_ws(&p);
            if (p.i >= n || s[p.i] != ':')
                return expected(&p, "':' after object key");
            p.i++;
            skip_ws(&p);
            start = p.i;
            if (p.i < n && (s[p.i] == '[' || s[p.i] == '{')) {
                mem.type = s[p.i] == '[' ? JSON_ARRAY : JSON_OBJECT;
                if ((rc = skip_container(&p, 2)) < 0)
                    return rc;
                mem.val.p = s + start;
                mem.val.n = p.i - start;
            } else {
                if ((rc = parse_scalar(&p, &mem.type, &mem.val)) < 0)
                    return rc;
                if (mem.type != JSON_STRING) {
                    mem.val.p = s + start;
                    mem.val.n = p.i - start;
                }
            }
            if (cnt == cap) {
                /* Doubling keeps the total copied and allocated linear. */
                size_t ncap = cap ? cap * 2 : 8;
                if (ncap > SIZE_MAX / sizeof *m ||
                    !(grown = arena_alloc(a, ncap * sizeof *m)))
                    return fail_at(&p, KR_ENOMEM, start, "out of memory");
                if (cnt)
                    memcpy(grown, m, cnt * sizeof *m);
                m = grown;
                cap = ncap;
            }
            m[cnt++] = mem;
            skip_ws(&p);
            if (p.i < n && s[p.i] == ',') {
                p.i++;
                skip_ws(&p);
            } else if (p.i < n && s[p.i] == '}') {
                p.i++;
                break;
            } else {
                return expected(&p, "',' or '}' after member");
            }
        }
    }
    skip_ws(&p);
    if (p.i < n)
        return expected(&p, "end of input after the object");
    *out = m;
    *count = cnt;
    return 0;
}

const json_member *json_get(const json_member *m, size_t count, const char *key)
{
    size_t len = strlen(key);
    while (count-- > 0) {
        if (m[count].key.n == len && memcmp(m[count].key.p, key, len) == 0)
            return &m[count];
    }
    return NULL;
}

int json_put_str(kr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0, run;

    if (kr_buf_reserve(b, n + 2) < 0 || kr_buf_putc(b, '"') < 0)
        return KR_ENOMEM;
    for (;;) {
        unsigned char c;
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};
        size_t elen = 2;
        run = i;
        while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
            i++;
        if (i > run && kr_buf_append(b, s + run, i - run) < 0)
            return KR_ENOMEM;
        if (i >= n)
            break;
        c = (unsigned char)s[i++];
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            elen = 6;
        }
        if (kr_buf_append(b, esc, elen) < 0)
            return KR_ENOMEM;
    }
    return kr_buf_putc(b, '"') < 0 ? KR_ENOMEM : 0;
}
