/* t.h: the unit-test harness: CHECK macros that count and report failures
 * with file and line, and t_report() printing "N passed, N failed". */
#ifndef T_H
#define T_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (cond)                                                            \
            t_pass++;                                                        \
        else {                                                               \
            t_fail++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

#define CHECK_INT(a, b)                                                        \
    do {                                                                       \
        long long t_a = (long long)(a), t_b = (long long)(b);                  \
        if (t_a == t_b)                                                        \
            t_pass++;                                                          \
        else {                                                                 \
            t_fail++;                                                          \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__,    \
                    __LINE__, #a, t_a, t_b);                                   \
        }                                                                      \
    } while (0)

/* Compares a (pointer, length) string with a C string. */
#define CHECK_STRN(p, n, want)                                                 \
    do {                                                                       \
        const char *t_p = (p), *t_w = (want);                                  \
        size_t t_n = (n);                                                      \
        if (t_n == strlen(t_w) && (t_n == 0 || memcmp(t_p, t_w, t_n) == 0))    \
            t_pass++;                                                          \
        else {                                                                 \
            t_fail++;                                                          \
            fprintf(stderr, "%s:%d: %s is \"%.*s\", expected \"%s\"\n",        \
                    __FILE__, __LINE__, #p, (int)t_n, t_p ? t_p : "", t_w);    \
        }                                                                      \
    } while (0)

#define CHECK_STR(a, want) CHECK_STRN((a), strlen(a), (want))

static inline int t_report(void)
{
    printf("%d passed, %d failed\n", t_pass, t_fail);
    fflush(stdout); /* before LeakSanitizer's exit, which does not flush */
    return t_fail != 0;
}

#endif
