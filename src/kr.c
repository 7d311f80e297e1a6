/* kr.c: error formatting, allocation hooks with failure injection, and the
 * growable byte buffer. */
#include "kr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kr_errorf(kr_error *e, int code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        e->code = code;
        e->line = 0;
        e->byte = 0;
        va_start(ap, fmt);
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void kr_error_clear(kr_error *e, const char *file)
{
    memset(e, 0, sizeof *e);
    e->file = file;
}

const char *kr_strerror(int code)
{
    switch (code) {
    case KR_OK: return "ok";
    case KR_ENOMEM: return "out of memory";
    case KR_EUTF8: return "invalid UTF-8";
    case KR_EFORMAT: return "bad format";
    case KR_EIO: return "I/O error";
    case KR_EDB: return "database error";
    case KR_EUSAGE: return "usage error";
    case KR_ELIMIT: return "limit exceeded";
    default: return "unknown error";
    }
}

/* Failure injection: when armed, `fail_countdown` successful allocations are
 * allowed, then every allocation fails until disarmed. */
static long fail_countdown = -1;
static long alloc_count;

long kr_alloc_fail_after(long n)
{
    long made = alloc_count;
    fail_countdown = n;
    alloc_count = 0;
    return made;
}

static int alloc_allowed(void)
{
    alloc_count++;
    if (fail_countdown < 0)
        return 1;
    if (fail_countdown == 0)
        return 0;
    fail_countdown--;
    return 1;
}

void *kr_malloc(size_t n)
{
    return alloc_allowed() ? malloc(n ? n : 1) : NULL;
}

void *kr_calloc(size_t count, size_t n)
{
    return alloc_allowed() ? calloc(count ? count : 1, n ? n : 1) : NULL;
}

void *kr_realloc(void *p, size_t n)
{
    return alloc_allowed() ? realloc(p, n ? n : 1) : NULL;
}

void kr_free(void *p)
{
    free(p);
}

char *kr_strndup(const char *s, size_t n)
{
    char *r = kr_malloc(n + 1);
    if (!r)
        return NULL;
    if (n)
        memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

int kr_buf_reserve(kr_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (extra > SIZE_MAX - b->n - 1)
        return KR_ENOMEM;
    need = b->n + extra + 1;
    if (need <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = kr_realloc(b->p, cap);
    if (!p)
        return KR_ENOMEM;
    b->p = p;
    b->cap = cap;
    return 0;
}

int kr_buf_append(kr_buf *b, const void *s, size_t n)
{
    if (kr_buf_reserve(b, n))
        return KR_ENOMEM;
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

int kr_buf_puts(kr_buf *b, const char *s)
{
    return kr_buf_append(b, s, strlen(s));
}

int kr_buf_putc(kr_buf *b, int c)
{
    char ch = (char)c;
    return kr_buf_append(b, &ch, 1);
}

int kr_buf_printf(kr_buf *b, const char *fmt, ...)
{
    va_list ap;
    int len;
    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return KR_EFORMAT;
    if (kr_buf_reserve(b, (size_t)len))
        return KR_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)len + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)len;
    return 0;
}

void kr_buf_reset(kr_buf *b)
{
    b->n = 0;
    if (b->p)
        b->p[0] = '\0';
}

void kr_buf_free(kr_buf *b)
{
    kr_free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

int kr_read_file(const char *path, kr_buf *b)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t got;
    int rc = 0;
    kr_buf_reset(b);
    if (!f)
        return KR_EIO;
    while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = kr_buf_append(b, chunk, got);
    if (rc == 0 && ferror(f))
        rc = KR_EIO;
    if (rc == 0)
        rc = kr_buf_reserve(b, 0);
    fclose(f);
    return rc;
}

int kr_blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!kr_isspace((unsigned char)s[i]))
            return 0;
    return 1;
}
