/* t_arena.c: the bump allocator: alignment, many small allocations that
 * never overlap, huge allocations, bounded footprint after reset, strndup. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "t.h"

#define ONE_BLOCK ((size_t)65536 + 64) /* a block plus its header, generously */

static void test_alignment(void)
{
    kr_arena *a = arena_new();
    size_t n, misaligned = 0;
    CHECK(a != NULL);
    if (!a)
        return;
    for (n = 0; n < 300; n++) {
        unsigned char *p = arena_alloc(a, n % 37);
        if (!p || ((uintptr_t)p & 15) != 0)
            misaligned++;
    }
    CHECK_INT(misaligned, 0);
    /* Types that need alignment can be stored. */
    {
        long double *ld = arena_alloc(a, sizeof *ld);
        double *d;
        arena_alloc(a, 1);
        d = arena_alloc(a, 3 * sizeof *d);
        CHECK(ld != NULL && d != NULL);
        if (ld && d) {
            *ld = 1.5L;
            d[0] = d[1] = d[2] = 2.5;
            CHECK(*ld == 1.5L && d[2] == 2.5);
        }
    }
    arena_free(a);
    arena_free(NULL);
}

/* 200000 allocations of varying sizes, each filled with its own pattern;
 * afterwards every one still holds its pattern (no overlap). */
static void test_many_small(void)
{
    enum { N = 200000 };
    kr_arena *a = arena_new();
    unsigned char **p = malloc(N * sizeof *p);
    size_t k, bad = 0, nulls = 0, want = 0;
    CHECK(a != NULL && p != NULL);
    if (!a || !p) {
        arena_free(a);
        free(p);
        return;
    }
    for (k = 0; k < N; k++) {
        size_t n = 1 + k % 41;
        p[k] = arena_alloc(a, n);
        if (!p[k]) {
            nulls++;
            continue;
        }
        memset(p[k], (int)(k & 0xFF), n);
        want += n;
    }
    CHECK_INT(nulls, 0);
    for (k = 0; k < N; k++) {
        size_t n = 1 + k % 41, i;
        if (!p[k])
            continue;
        for (i = 0; i < n; i++)
            bad += p[k][i] != (unsigned char)(k & 0xFF);
    }
    CHECK_INT(bad, 0);
    /* Footprint covers what was asked for, without gross waste (16-byte
     * rounding at most doubles 1..41-byte requests, plus one block). */
    CHECK(arena_footprint(a) >= want);
    CHECK(arena_footprint(a) <= 2 * want + ONE_BLOCK);

    /* After reset the arena is usable and small again. */
    arena_reset(a);
    CHECK(arena_footprint(a) <= ONE_BLOCK);
    for (k = 0; k < 1000; k++) {
        unsigned char *q = arena_alloc(a, 8);
        if (!q)
            nulls++;
        else
            memset(q, 1, 8);
    }
    CHECK_INT(nulls, 0);
    CHECK(arena_footprint(a) <= ONE_BLOCK);
    arena_free(a);
    free(p);
}

static void test_huge(void)
{
    kr_arena *a = arena_new();
    unsigned char *small1, *big, *small2, *big2;
    size_t bign = 200000, i, bad = 0;
    CHECK(a != NULL);
    if (!a)
        return;

    /* A huge allocation first, in an empty arena. */
    big = arena_alloc(a, bign);
    CHECK(big != NULL);
    CHECK(((uintptr_t)big & 15) == 0);
    if (big)
        memset(big, 0xAB, bign);
    small1 = arena_alloc(a, 10);
    CHECK(small1 != NULL);
    if (small1)
        memset(small1, 0x11, 10);

    /* Another huge one while a block is partly used, then small ones
     * continue without disturbing anything. */
    big2 = arena_alloc(a, 3 * bign);
    CHECK(big2 != NULL);
    if (big2)
        memset(big2, 0xCD, 3 * bign);
    small2 = arena_alloc(a, 100);
    CHECK(small2 != NULL);
    if (small2)
        memset(small2, 0x22, 100);
    CHECK(arena_footprint(a) >= 4 * bign + 110);
    CHECK(arena_footprint(a) <= 4 * bign + 2 * ONE_BLOCK);
    for (i = 0; big && i < bign; i++)
        bad += big[i] != 0xAB;
    for (i = 0; big2 && i < 3 * bign; i++)
        bad += big2[i] != 0xCD;
    for (i = 0; small1 && i < 10; i++)
        bad += small1[i] != 0x11;
    for (i = 0; small2 && i < 100; i++)
        bad += small2[i] != 0x22;
    CHECK_INT(bad, 0);
    /* The small ones share a block; the huge ones did not break it. */
    CHECK(small1 && small2 && small2 > small1 && small2 - small1 < 65536);

    /* Exactly one block's worth, and one byte more. */
    CHECK(arena_alloc(a, 65536) != NULL);
    CHECK(arena_alloc(a, 65537) != NULL);

    /* Reset keeps at most one block however much was allocated. */
    arena_reset(a);
    CHECK(arena_footprint(a) <= ONE_BLOCK);
    CHECK(arena_alloc(a, 5) != NULL);
    CHECK(arena_footprint(a) <= ONE_BLOCK);

    /* Repeated cycles of huge use stay bounded. */
    for (i = 0; i < 20; i++) {
        CHECK(arena_alloc(a, 70000 + i) != NULL);
        CHECK(arena_alloc(a, 7) != NULL);
        arena_reset(a);
    }
    CHECK(arena_footprint(a) <= ONE_BLOCK);

    /* A reset arena with only huge blocks in it is empty, yet usable. */
    arena_reset(a);
    arena_free(a);
    a = arena_new();
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK(arena_alloc(a, 100000) != NULL);
    arena_reset(a);
    CHECK(arena_footprint(a) <= ONE_BLOCK);
    CHECK(arena_alloc(a, 1) != NULL);
    arena_free(a);
}

static void test_overflow(void)
{
    kr_arena *a = arena_new();
    CHECK(a != NULL);
    if (!a)
        return;
    /* Sizes whose rounding or block header would overflow are refused. */
    CHECK(arena_alloc(a, SIZE_MAX) == NULL);
    CHECK(arena_alloc(a, SIZE_MAX - 7) == NULL);
    CHECK(arena_alloc(a, SIZE_MAX - 20) == NULL);
    CHECK(arena_alloc(a, 16) != NULL);
    arena_free(a);
}

static void test_strndup(void)
{
    kr_arena *a = arena_new();
    char *s, *e;
    CHECK(a != NULL);
    if (!a)
        return;
    s = arena_strndup(a, "Москва, 10 ноября", 12);
    CHECK(s != NULL);
    if (s)
        CHECK_STR(s, "Москва");
    e = arena_strndup(a, "", 0);
    CHECK(e != NULL && e[0] == '\0');
    e = arena_strndup(a, NULL, 0);
    CHECK(e != NULL && e[0] == '\0');
    /* Embedded NUL bytes are copied; a NUL follows the last byte. */
    e = arena_strndup(a, "a\0b", 3);
    CHECK(e != NULL && e[0] == 'a' && e[1] == '\0' && e[2] == 'b' && e[3] == '\0');
    if (s)
        CHECK_STR(s, "Москва"); /* earlier copies untouched */
    arena_free(a);
}

int main(void)
{
    test_alignment();
    test_many_small();
    test_huge();
    test_overflow();
    test_strndup();
    return t_report();
}
