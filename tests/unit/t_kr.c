/* t_kr.c: error filling, the growable buffer (growth, NUL termination,
 * reset and free) and the failing-allocator hook. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kr.h"
#include "t.h"

static int fails_with(kr_error *e)
{
    return kr_errorf(e, KR_EIO, "%s:%d: cannot read %s", "a.txt", 12, "b");
}

static void test_errorf(void)
{
    kr_error e;
    kr_error_clear(&e, "input.html");
    CHECK_INT(e.code, 0);
    CHECK_STR(e.file, "input.html");
    CHECK_STR(e.msg, "");
    e.line = 7;
    e.byte = 99;
    CHECK_INT(fails_with(&e), KR_EIO);
    CHECK_INT(e.code, KR_EIO);
    CHECK_STR(e.msg, "a.txt:12: cannot read b");
    CHECK_STR(e.file, "input.html"); /* kept */
    CHECK_INT(e.line, 0);            /* reset */
    CHECK_INT(e.byte, 0);

    /* A NULL error still returns the code. */
    CHECK_INT(kr_errorf(NULL, KR_EUTF8, "x %d", 1), KR_EUTF8);

    /* Long messages are cut, never overflow, and stay NUL-terminated. */
    {
        char big[1000];
        memset(big, 'x', sizeof big - 1);
        big[sizeof big - 1] = '\0';
        CHECK_INT(kr_errorf(&e, KR_ELIMIT, "%s", big), KR_ELIMIT);
        CHECK_INT(strlen(e.msg), sizeof e.msg - 1);
        CHECK(e.msg[0] == 'x' && e.msg[sizeof e.msg - 2] == 'x');
    }

    CHECK_STR(kr_strerror(KR_ENOMEM), "out of memory");
    CHECK_STR(kr_strerror(KR_EUTF8), "invalid UTF-8");
    CHECK_STR(kr_strerror(0), "ok");
    CHECK_STR(kr_strerror(-1000), "unknown error");
}

static void test_buf_small(void)
{
    kr_buf b = {0};
    CHECK_INT(kr_buf_append(&b, "abc", 3), 0);
    CHECK_INT(b.n, 3);
    CHECK(b.cap > b.n);
    CHECK_STR(b.p, "abc"); /* NUL after the last byte */
    CHECK_INT(kr_buf_putc(&b, 'd'), 0);
    CHECK_INT(kr_buf_puts(&b, "ef"), 0);
    CHECK_INT(kr_buf_printf(&b, "-%d-%s-%05.2f", 42, "x", 2.25), 0);
    CHECK_STRN(b.p, b.n, "abcdef-42-x-02.25");
    CHECK_INT(b.p[b.n], '\0');

    /* putc stores the byte, not a truncated int; 0x00 is a byte too. */
    CHECK_INT(kr_buf_putc(&b, 0xD0), 0);
    CHECK_INT((unsigned char)b.p[b.n - 1], 0xD0);
    CHECK_INT(kr_buf_putc(&b, 0), 0);
    CHECK_INT(b.p[b.n - 1], 0);
    CHECK_INT(b.n, 19);
    CHECK_INT(b.p[b.n], '\0');

    /* Empty appends and formats keep the buffer valid. */
    CHECK_INT(kr_buf_append(&b, NULL, 0), 0);
    CHECK_INT(kr_buf_printf(&b, "%s", ""), 0);
    CHECK_INT(b.n, 19);

    /* reset keeps the memory, drops the content. */
    {
        char *p = b.p;
        size_t cap = b.cap;
        kr_buf_reset(&b);
        CHECK_INT(b.n, 0);
        CHECK(b.p == p);
        CHECK_INT(b.cap, cap);
        CHECK_STR(b.p, "");
    }
    kr_buf_free(&b);
    CHECK(b.p == NULL);
    CHECK_INT(b.n, 0);
    CHECK_INT(b.cap, 0);
    kr_buf_free(&b); /* twice is harmless */
    kr_buf_reset(&b); /* on a zeroed buffer too */
    CHECK_INT(b.n, 0);

    /* printf on a fresh buffer, and output longer than any fixed guess. */
    {
        char big[5000];
        memset(big, 'q', sizeof big - 1);
        big[sizeof big - 1] = '\0';
        CHECK_INT(kr_buf_printf(&b, "<%s>", big), 0);
        CHECK_INT(b.n, sizeof big + 1);
        CHECK(b.p[0] == '<' && b.p[1] == 'q' && b.p[b.n - 1] == '>' && b.p[b.n] == '\0');
        kr_buf_free(&b);
    }

    /* Asking for more than memory can hold fails cleanly. */
    CHECK_INT(kr_buf_append(&b, "x", 1), 0);
    CHECK_INT(kr_buf_reserve(&b, SIZE_MAX), KR_ENOMEM);
    CHECK_INT(kr_buf_reserve(&b, SIZE_MAX - 1), KR_ENOMEM);
    CHECK_STRN(b.p, b.n, "x");
    kr_buf_free(&b);
}

/* 1 MB of appends through every entry point; content checked byte by byte. */
static void test_buf_growth(void)
{
    kr_buf b = {0};
    size_t i, bad = 0, total = (size_t)1 << 20;
    int rc = 0;
    for (i = 0; b.n < total && rc == 0; i++) {
        switch (i % 3) {
        case 0: rc = kr_buf_putc(&b, 'a' + (int)(i % 26)); break;
        case 1: rc = kr_buf_append(&b, "0123456789", 10); break;
        default: rc = kr_buf_printf(&b, "[%zu]", i); break;
        }
    }
    CHECK_INT(rc, 0);
    CHECK(b.n >= total);
    CHECK(b.cap > b.n);
    CHECK_INT(b.p[b.n], '\0');
    CHECK_INT(strlen(b.p), b.n);

    /* Regenerate the expected text and compare. */
    {
        kr_buf want = {0};
        size_t k, n = i;
        char num[32];
        for (k = 0; k < n; k++) {
            switch (k % 3) {
            case 0: num[0] = (char)('a' + (int)(k % 26)); num[1] = '\0'; break;
            case 1: strcpy(num, "0123456789"); break;
            default: snprintf(num, sizeof num, "[%zu]", k); break;
            }
            if (kr_buf_puts(&want, num))
                break;
        }
        CHECK_INT(want.n, b.n);
        for (k = 0; k < b.n && k < want.n; k++)
            bad += b.p[k] != want.p[k];
        CHECK_INT(bad, 0);
        kr_buf_free(&want);
    }

    /* One big append at once, and reserve followed by appends that fit. */
    kr_buf_reset(&b);
    {
        char *chunk = malloc(total);
        size_t cap;
        CHECK(chunk != NULL);
        if (chunk) {
            memset(chunk, 'z', total);
            CHECK_INT(kr_buf_append(&b, chunk, total), 0);
            CHECK_INT(b.n, total);
            CHECK(memcmp(b.p, chunk, total) == 0);
            CHECK_INT(b.p[total], '\0');
            free(chunk);
        }
        kr_buf_free(&b);
        CHECK_INT(kr_buf_reserve(&b, 1000), 0);
        CHECK(b.cap >= 1001);
        cap = b.cap;
        for (i = 0; i < 1000; i++)
            kr_buf_putc(&b, '.');
        CHECK_INT(b.cap, cap); /* no regrowth inside the reservation */
        CHECK_INT(b.n, 1000);
        CHECK_INT(b.p[1000], '\0');
    }
    kr_buf_free(&b);
}

static void test_strndup(void)
{
    char *s = kr_strndup("hello world", 5);
    CHECK(s != NULL);
    if (s)
        CHECK_STR(s, "hello");
    kr_free(s);
    s = kr_strndup("", 0);
    CHECK(s != NULL && s[0] == '\0');
    kr_free(s);
    kr_free(NULL);
}

static void test_fail_after(void)
{
    void *p[5];
    long made;
    int k;

    kr_alloc_fail_after(-1);
    /* n = 2: two allocations succeed, the third fails, and so do later ones. */
    kr_alloc_fail_after(2);
    p[0] = kr_malloc(10);
    p[1] = kr_calloc(3, 4);
    p[2] = kr_malloc(10);
    p[3] = kr_realloc(NULL, 8);
    CHECK(p[0] != NULL);
    CHECK(p[1] != NULL);
    CHECK(p[2] == NULL);
    CHECK(p[3] == NULL);
    made = kr_alloc_fail_after(-1); /* disarm */
    CHECK(made >= 2 && made <= 4);  /* the attempts since arming */
    p[4] = kr_malloc(10);
    CHECK(p[4] != NULL);
    for (k = 0; k < 5; k++)
        kr_free(p[k]);

    /* n = 0: the very next allocation fails. */
    kr_alloc_fail_after(0);
    p[0] = kr_malloc(1);
    CHECK(p[0] == NULL);
    CHECK(kr_strndup("abc", 3) == NULL);
    kr_alloc_fail_after(-1);
    p[0] = kr_malloc(1);
    CHECK(p[0] != NULL);
    kr_free(p[0]);

    /* A failing realloc leaves the old block alive. */
    {
        char *q = kr_malloc(4), *r;
        CHECK(q != NULL);
        if (q) {
            memcpy(q, "abc", 4);
            kr_alloc_fail_after(0);
            r = kr_realloc(q, 1 << 20);
            kr_alloc_fail_after(-1);
            CHECK(r == NULL);
            CHECK_STR(q, "abc");
            kr_free(q);
        }
    }

    /* The buffer reports KR_ENOMEM and stays intact. */
    {
        kr_buf b = {0};
        size_t i;
        CHECK_INT(kr_buf_puts(&b, "keep"), 0);
        kr_alloc_fail_after(0);
        for (i = 0; i < 59; i++)
            CHECK_INT(kr_buf_putc(&b, '.'), 0); /* fits in the first 64 bytes */
        CHECK_INT(kr_buf_putc(&b, '!'), KR_ENOMEM);
        CHECK_INT(kr_buf_printf(&b, "%0100d", 1), KR_ENOMEM);
        CHECK_INT(kr_buf_append(&b, "0123456789", 10), KR_ENOMEM);
        kr_alloc_fail_after(-1);
        CHECK_INT(b.n, 63);
        CHECK(memcmp(b.p, "keep....", 8) == 0);
        CHECK_INT(b.p[b.n], '\0');
        CHECK_INT(kr_buf_putc(&b, '!'), 0);
        CHECK_INT(b.n, 64);
        kr_buf_free(&b);
    }

    /* Counting without failing: arming with a large n counts allocations. */
    kr_alloc_fail_after(1000);
    for (k = 0; k < 3; k++)
        kr_free(kr_malloc(16));
    CHECK_INT(kr_alloc_fail_after(-1), 3);
}

int main(void)
{
    test_errorf();
    test_buf_small();
    test_buf_growth();
    test_strndup();
    test_fail_after();
    return t_report();
}
