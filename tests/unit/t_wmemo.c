/* t_wmemo.c: the word memory remembers a word's value until another word
 * takes its slot, tells words apart by their bytes (not their length or
 * first letters), and turns away words too long to remember. */
#include <stdio.h>
#include <string.h>

#include "wmemo.h"
#include "t.h"

/* Looks w up; returns *hit and stores v in a new slot. */
static int remember(wmemo *m, const char *w, unsigned v, unsigned *got)
{
    int hit = -1;
    unsigned *slot = wmemo_slot(m, w, strlen(w), &hit);
    if (!slot)
        return -2;
    if (hit)
        *got = *slot;
    else
        *slot = v;
    return hit;
}

static void test_hit_and_miss(void)
{
    wmemo *m = wmemo_new(64, sizeof(unsigned));
    unsigned got = 0;
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK_INT(remember(m, "Lavrov", 7, &got), 0);
    CHECK_INT(remember(m, "Lavrov", 0, &got), 1);
    CHECK_INT(got, 7);
    CHECK_INT(remember(m, "lavrov", 9, &got), 0); /* other bytes: another word */
    CHECK_INT(remember(m, "", 3, &got), 0);
    CHECK_INT(remember(m, "", 0, &got), 1);
    CHECK_INT(got, 3);
    wmemo_free(m);
}

/* A memory of one set of two slots: the word used least recently is the
 * one forgotten, and a forgotten word is not reported as known, even when
 * it shares length and first bytes with the others. */
static void test_eviction(void)
{
    wmemo *m = wmemo_new(1, sizeof(unsigned));
    unsigned got = 0;
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK_INT(remember(m, "Сергей", 1, &got), 0);
    CHECK_INT(remember(m, "Сергею", 2, &got), 0);
    CHECK_INT(remember(m, "Сергей", 0, &got), 1); /* both kept */
    CHECK_INT(got, 1);
    CHECK_INT(remember(m, "Сергея", 3, &got), 0); /* Сергею, the older, goes */
    CHECK_INT(remember(m, "Сергей", 0, &got), 1);
    CHECK_INT(got, 1);
    CHECK_INT(remember(m, "Сергея", 0, &got), 1);
    CHECK_INT(got, 3);
    CHECK_INT(remember(m, "Сергею", 4, &got), 0); /* now Сергей is the older */
    CHECK_INT(remember(m, "Сергей", 5, &got), 0);
    CHECK_INT(remember(m, "Сергею", 0, &got), 1);
    CHECK_INT(got, 4);
    wmemo_free(m);
}

/* Many words in many slots: every word still remembered gives back its own
 * value, never another word's. */
static void test_no_mixups(void)
{
    wmemo *m = wmemo_new(1024, sizeof(unsigned));
    char w[32];
    unsigned k, got, wrong = 0, hits = 0;
    CHECK(m != NULL);
    if (!m)
        return;
    for (k = 0; k < 4000; k++) {
        snprintf(w, sizeof w, "word%u", k);
        remember(m, w, k, &got);
    }
    for (k = 0; k < 4000; k++) {
        snprintf(w, sizeof w, "word%u", k);
        got = (unsigned)-1;
        if (remember(m, w, k, &got) == 1) {
            hits++;
            wrong += got != k;
        }
    }
    CHECK_INT(wrong, 0);
    CHECK(hits > 0 && hits < 4000);
    wmemo_free(m);
}

static void test_too_long(void)
{
    wmemo *m = wmemo_new(8, sizeof(unsigned));
    char w[WMEMO_WORD_MAX + 2];
    int hit = -1;
    CHECK(m != NULL);
    if (!m)
        return;
    memset(w, 'a', sizeof w);
    CHECK(wmemo_slot(m, w, WMEMO_WORD_MAX, &hit) != NULL);
    CHECK(wmemo_slot(m, w, WMEMO_WORD_MAX + 1, &hit) == NULL);
    CHECK_INT(hit, 0);
    wmemo_free(m);
    wmemo_free(NULL);
}

/* The two-step lookup (key, fetch ahead, slot) is the same memory as the
 * one-step one: a word remembered by either is known to the other. */
static void test_two_steps(void)
{
    wmemo *m = wmemo_new(64, sizeof(unsigned));
    wmemo_key k = wmemo_key_of("Байрамов", strlen("Байрамов")), far = {0, 0};
    char w[WMEMO_WORD_MAX + 1];
    unsigned *v, got = 0;
    int hit = -1;
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK(k.hi != 0);
    {
        wmemo_key keys[2 + WMEMO_AHEAD];
        size_t i;
        memset(keys, 0x5A, sizeof keys);
        keys[0] = k;
        keys[1] = k;
        wmemo_begin(m, keys, 2); /* the room past the two keys is cleared */
        CHECK(keys[0].lo == k.lo && keys[0].hi == k.hi && keys[1].hi == k.hi);
        for (i = 2; i < 2 + WMEMO_AHEAD; i++)
            CHECK(keys[i].hi == 0);
    }
    CHECK((v = wmemo_slot_ahead(m, &k, &far, &hit)) != NULL);
    CHECK_INT(hit, 0);
    if (v)
        *v = 42;
    CHECK_INT(remember(m, "Байрамов", 0, &got), 1);
    CHECK_INT(got, 42);
    k = wmemo_key_of("Байрамов", strlen("Байрамов"));
    CHECK(wmemo_slot_ahead(m, &k, &far, &hit) != NULL);
    CHECK_INT(hit, 1);
    memset(w, 'x', sizeof w);
    far = wmemo_key_of(w, sizeof w); /* too long: no key, no slot */
    CHECK(far.hi == 0);
    CHECK(wmemo_slot_ahead(m, &far, &k, &hit) == NULL);
    CHECK_INT(hit, 0);
    wmemo_free(m);
}

/* Keys: the same bytes give the same key, and words that differ in their
 * bytes or only in their length (a NUL byte more) give different ones. */
static void test_keys(void)
{
    wmemo_key a = wmemo_key_of("Лавров", strlen("Лавров")), b = wmemo_key_of("Лавров", strlen("Лавров"));
    wmemo_key c = wmemo_key_of("Лавров", strlen("Лавров") + 1), d = wmemo_key_of("Лавровы", strlen("Лавровы"));
    wmemo_key e = wmemo_key_of("", 0);
    CHECK(a.lo == b.lo && a.hi == b.hi);
    CHECK(a.hi != 0 && e.hi != 0);
    CHECK(a.lo != c.lo || a.hi != c.hi);
    CHECK(a.lo != d.lo || a.hi != d.hi);
    CHECK(a.lo != e.lo || a.hi != e.hi);
}

int main(void)
{
    test_keys();
    test_two_steps();
    test_hit_and_miss();
    test_eviction();
    test_no_mixups();
    test_too_long();
    return t_report();
}
