/* kr.h: shared value types, error reporting, allocation hooks and a growable
 * byte buffer used by every kronika module. */
#ifndef KR_H
#define KR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Borrowed string: pointer + length, not NUL-terminated. */
typedef struct kr_str {
    const char *p;
    size_t n;
} kr_str;

/* Half-open byte range [start, end) into a document's stored text. */
typedef struct kr_span {
    size_t start, end;
} kr_span;

/* Status codes: 0 on success, negative on failure. */
enum {
    KR_OK = 0,
    KR_ENOMEM = -1,  /* allocation failed */
    KR_EUTF8 = -2,   /* input is not valid UTF-8 */
    KR_EFORMAT = -3, /* input is not in the expected format */
    KR_EIO = -4,     /* read or write failed */
    KR_EDB = -5,     /* database error */
    KR_EUSAGE = -6,  /* bad argument from the user */
    KR_ELIMIT = -7   /* input exceeds a documented limit */
};

/* Error details, owned by the caller. `file` is borrowed and names the input
 * (not the source file of kronika); line and byte are 0 when unknown. */
typedef struct kr_error {
    int code;
    const char *file;
    size_t line, byte;
    char msg[256];
} kr_error;

/* Fills `e` (if not NULL) with `code` and a printf-style message and returns
 * `code`, so callers can write `return kr_errorf(e, KR_EIO, ...)`. Keeps
 * e->file; line and byte are reset to 0. */
int kr_errorf(kr_error *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void kr_error_clear(kr_error *e, const char *file);
/* Short fixed name of a status code ("out of memory", ...). */
const char *kr_strerror(int code);

/* All heap memory goes through these, so tests can make the n-th allocation
 * fail. kr_malloc/kr_realloc return NULL on failure; kr_free(NULL) is a no-op. */
void *kr_malloc(size_t n);
void *kr_calloc(size_t count, size_t n);
void *kr_realloc(void *p, size_t n);
void kr_free(void *p);
/* Returns a NUL-terminated copy of s[0..n), or NULL. */
char *kr_strndup(const char *s, size_t n);
/* Test hook: the allocation after `n` more successful ones fails; -1 disarms.
 * Returns the number of allocations made since the hook was last armed. */
long kr_alloc_fail_after(long n);

/* Growable byte buffer; always keeps a NUL after the last byte once
 * allocated, so p can be passed to C APIs. Zero-initialize to start. */
typedef struct kr_buf {
    char *p;
    size_t n, cap;
} kr_buf;

int kr_buf_reserve(kr_buf *b, size_t extra);
int kr_buf_append(kr_buf *b, const void *s, size_t n);
int kr_buf_puts(kr_buf *b, const char *s);
int kr_buf_putc(kr_buf *b, int c);
int kr_buf_printf(kr_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void kr_buf_reset(kr_buf *b); /* n = 0, memory kept */
void kr_buf_free(kr_buf *b);  /* memory released, buffer zeroed */

/* Reads the whole file at path into b (reset first; NUL-terminated).
 * Returns 0, KR_EIO (errno tells why) or KR_ENOMEM. */
int kr_read_file(const char *path, kr_buf *b);

/* 1 when s[0..n) holds only ASCII white space (or nothing). */
int kr_blank(const char *s, size_t n);

/* ASCII byte classes, locale-free (never <ctype.h>). */
static inline int kr_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int kr_isalpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static inline int kr_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline int kr_tolower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static inline int kr_toupper(int c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }

/* A hint to bring the memory at p into cache, for a lookup a little later;
 * changes nothing else. On x86 the instruction is written out: GCC 12 can
 * drop __builtin_prefetch after inlining, as if it were dead code. */
static inline void kr_prefetch(const void *p)
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    __asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)p));
#elif defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

#endif
