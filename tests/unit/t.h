/* t.h: the unit-test harness: CHECK macros that count and report failures
 * with file and line, t_report() printing "N passed, N failed", and a
 * private temporary folder for tests that write files. */
#ifndef T_H
#define T_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Makes a private folder $TMPDIR/kronika-NAME-XXXXXX (or under /tmp) into
 * dir[0..n); 0, or -1 after a message. */
static inline int t_tempdir(char *dir, size_t n, const char *name)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, n, "%s/kronika-%s-XXXXXX", tmp && strlen(tmp) < 30 ? tmp : "/tmp", name);
    if (!mkdtemp(dir)) {
        perror(dir);
        return -1;
    }
    return 0;
}

/* Removes a folder with everything in it (what a test wrote). */
static inline void t_rmtree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    struct stat st;
    while (d && (e = readdir(d)) != NULL) {
        int k;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        k = snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (k < 0 || (size_t)k >= sizeof p)
            continue;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            t_rmtree(p);
        else
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

#endif
