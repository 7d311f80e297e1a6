/* t_fold.c: search folding (words, byte spans, case and diacritics, scripts,
 * the word length cut, invalid bytes) and the stem cache, checked against
 * the Snowball stemmers themselves. */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "stem.h"
#include "t.h"
#include "utf8.h"

/* Folds all of s into "word@start-end/script word@start-end/script ...". */
static const char *fold_all(const char *s, size_t n, kr_buf *out)
{
    size_t pos = 0, guard = 0;
    fold_word w;
    char *buf = malloc(FOLD_MAX_WORD + 4); /* exactly the documented size */
    kr_buf_reset(out);
    if (!buf)
        return "";
    while (fold_next(s, n, &pos, buf, &w) && guard++ < 1000) {
        if (out->n)
            kr_buf_putc(out, ' ');
        kr_buf_append(out, buf, w.n);
        kr_buf_printf(out, "@%zu-%zu/%u", w.span.start, w.span.end, w.script);
        if (w.span.start >= w.span.end || w.span.end > pos || pos > n)
            kr_buf_puts(out, "!BADSPAN");
    }
    free(buf);
    return out->p ? out->p : "";
}

#define FOLD(lit, want)                                                        \
    do {                                                                       \
        kr_buf fb_out = {0};                                                   \
        CHECK_STR(fold_all((lit), sizeof(lit) - 1, &fb_out), (want));          \
        kr_buf_free(&fb_out);                                                  \
    } while (0)

static void test_fold_words(void)
{
    FOLD("", "");
    FOLD("  ,.;  ", "");
    FOLD("Hello, World!", "hello@0-5/1 world@7-12/1");
    FOLD("2023-09-20", "2023@0-4/8 09@5-7/8 20@8-10/8");
    FOLD("G20 x86", "g20@0-3/9 x86@4-7/9");
    /* Latin diacritics removed, spans in bytes of the input. */
    FOLD("Café Ünal naïve Łódź ØRESUND Việt", "cafe@0-5/1 unal@6-11/1 naive@12-18/1 "
                                               "lodz@19-26/1 oresund@27-35/1 viet@36-42/1");
    /* Turkish: dotted capital İ and dotless ı both fold to i. */
    FOLD("İstanbul'da ışık", "istanbul@0-9/1 da@10-12/1 isik@13-20/1");
    FOLD("IŞIK", "isik@0-5/1");
    /* Cyrillic: ё becomes е, й stays й. */
    FOLD("Ёлка, ёж и ЙОД", "елка@0-8/2 еж@10-14/2 и@15-17/2 йод@18-24/2");
    FOLD("Сергеем Лавровым", "сергеем@0-14/2 лавровым@15-31/2");
    /* Armenian and Georgian (including Mtavruli capitals) lower-cased. */
    FOLD("ԵՐԵՎԱՆ Երևան", "երեվան@0-12/4 երևան@13-23/4");
    FOLD("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ საქართველო", "საქართველო@0-30/4 საქართველო@31-61/4");
    /* Arabic: harakat dropped inside the word; Arabic-Indic digits kept. */
    FOLD("الْعَرَبِيَّة طهران ١٢٣", "العربية@0-26/4 طهران@27-37/4 ١٢٣@38-44/4");
    /* Greek final sigma. */
    FOLD("ΣΊΣΥΦΟΣ", "σισυφοσ@0-14/4");
    /* Mixed scripts in one word accumulate bits. */
    FOLD("Kremlin-Кремль KGBшник", "kremlin@0-7/1 кремль@8-20/2 kgbшник@21-32/3");
    /* Combining marks: dropped inside a word (the span covers them), never
     * starting a word. */
    FOLD("cafe\xCC\x81 x", "cafe@0-6/1 x@7-8/1");
    FOLD("\xCC\x81" "abc", "abc@2-5/1");
    FOLD(" \xCC\x81\xCC\x88 abc", "abc@6-9/1");
    FOLD("\xD0\xB8\xCC\x86" "од", "иод@0-8/2"); /* decomposed й loses its breve */
    /* Punctuation, symbols and spaces of all kinds separate words. */
    FOLD("a\xC2\xA0" "b\xE2\x80\x94" "c\xE2\x80\xAF" "d\xC2\xB2" "e",
         "a@0-1/1 b@3-4/1 c@7-8/1 d@11-12/1 e@14-15/1");
    /* Invalid UTF-8 separates words. */
    FOLD("abc\xFF" "def", "abc@0-3/1 def@4-7/1");
    FOLD("abc\xC3", "abc@0-3/1");
    FOLD("\xE2\x82" "xy\xED\xA0\x80z", "xy@2-4/1 z@7-8/1");
    FOLD("\xD0\x9C\xD0\xBE\x80\xD1\x81", "мо@0-4/2 с@5-7/2");
}

/* fold_next resumes at *pos and stops after the last word. */
static void test_fold_iteration(void)
{
    const char *s = "один, two; три";
    size_t n = strlen(s), pos = 0;
    char buf[FOLD_MAX_WORD + 4];
    fold_word w;
    CHECK_INT(fold_next(s, n, &pos, buf, &w), 1);
    CHECK_STRN(buf, w.n, "один");
    CHECK_INT(w.span.start, 0);
    CHECK_INT(w.span.end, 8);
    CHECK(pos >= 8 && pos <= 9);
    CHECK_INT(fold_next(s, n, &pos, buf, &w), 1);
    CHECK_STRN(buf, w.n, "two");
    CHECK_INT(w.span.start, 10);
    CHECK_INT(fold_next(s, n, &pos, buf, &w), 1);
    CHECK_STRN(buf, w.n, "три");
    CHECK_INT(w.span.start, 15);
    CHECK_INT(w.span.end, n);
    CHECK_INT(pos, n);
    CHECK_INT(fold_next(s, n, &pos, buf, &w), 0);
    CHECK_INT(fold_next(s, n, &pos, buf, &w), 0);
    CHECK_INT(pos, n);
    /* Starting in the middle of the text. */
    pos = 11;
    CHECK_INT(fold_next(s, n, &pos, buf, &w), 1);
    CHECK_STRN(buf, w.n, "wo");
    CHECK_INT(w.span.start, 11);

    /* Without a buffer: the same words, spans and scripts, nothing folded. */
    {
        const char *t = "Ёлка, ÉTÉ Ա\xCC\x81" "b x\xD2\x83y 12ab";
        size_t tn = strlen(t), p1 = 0, p2 = 0;
        fold_word w1, w2;
        int r1, r2, words = 0;
        do {
            r1 = fold_next(t, tn, &p1, buf, &w1);
            r2 = fold_next(t, tn, &p2, NULL, &w2);
            CHECK_INT(r2, r1);
            if (r1 && r2) {
                words++;
                CHECK_INT(w2.span.start, w1.span.start);
                CHECK_INT(w2.span.end, w1.span.end);
                CHECK_INT(w2.script, w1.script);
                CHECK_INT(w2.n, 0);
            }
            CHECK_INT(p2, p1);
        } while (r1 && r2);
        CHECK_INT(words, 5);
    }

    CHECK_INT(fold_cp('A'), 'a');
    CHECK_INT(fold_cp(' '), 0);
    CHECK_INT(fold_cp(0x301), FOLD_MARK);
    CHECK_INT(fold_cp(0x64E), FOLD_MARK);  /* Arabic fatha */
    CHECK_INT(fold_cp(0xE9), 'e');
    CHECK_INT(fold_cp(0x401), 0x435);      /* Ё -> е */
    CHECK_INT(fold_cp(0x419), 0x439);      /* Й -> й */
    CHECK_INT(fold_cp(0x1EA0), 'a');       /* Ạ */
    CHECK_INT(fold_cp(0x531), 0x561);      /* Armenian Ա -> ա */
    CHECK_INT(fold_cp(0x2014), 0);         /* em dash */
    CHECK_INT(fold_cp(-1), 0);
}

/* Words longer than FOLD_MAX_WORD: the folded form is cut at a character
 * boundary inside the caller's FOLD_MAX_WORD + 4 bytes, the span covers the
 * whole word. One-, two-, three- and four-byte letters, and mixes that end
 * a character just short of the limit. */
static void test_fold_long(void)
{
    static const char *const units[] = {"A", "Ж", "ა", "\xF0\xA0\x80\x80" /* U+20000 */};
    static const char *const folded[] = {"a", "ж", "ა", "\xF0\xA0\x80\x80"};
    size_t k, prefix;
    for (k = 0; k < 4; k++) {
        for (prefix = 0; prefix < 4; prefix++) {
            kr_buf in = {0}, want = {0};
            char *buf = malloc(FOLD_MAX_WORD + 4);
            size_t i, pos = 0;
            fold_word w;
            int found;
            if (!buf)
                continue;
            for (i = 0; i < prefix; i++) {
                kr_buf_putc(&in, 'b');
                kr_buf_putc(&want, 'b');
            }
            for (i = 0; i < 300; i++) {
                kr_buf_puts(&in, units[k]);
                kr_buf_puts(&want, folded[k]);
            }
            kr_buf_puts(&in, " next");
            found = fold_next(in.p, in.n, &pos, buf, &w);
            CHECK_INT(found, 1);
            if (found) {
                CHECK_INT(w.span.start, 0);
                CHECK_INT(w.span.end, in.n - 5); /* the whole word */
                CHECK(w.n >= FOLD_MAX_WORD - 3 && w.n <= FOLD_MAX_WORD + 3);
                CHECK_INT(utf8_validate(buf, w.n, NULL), 0);
                CHECK(memcmp(buf, want.p, w.n) == 0);
                /* cut at a boundary: no whole character more would fit below
                 * the limit */
                CHECK(w.n + strlen(folded[k]) > FOLD_MAX_WORD);
            }
            found = fold_next(in.p, in.n, &pos, buf, &w);
            CHECK_INT(found, 1);
            if (found)
                CHECK_STRN(buf, w.n, "next");
            free(buf);
            kr_buf_free(&in);
            kr_buf_free(&want);
        }
    }
}

/* The stem of w as the Snowball stemmer itself gives it (the reference). */
static const char *ref_stem(struct sb_stemmer *sb, const char *w, size_t n, char *out)
{
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
    int len = sb_stemmer_length(sb);
    memcpy(out, r, (size_t)len);
    out[len] = '\0';
    return out;
}

#define STEM(c, script, word, want)                                            \
    do {                                                                       \
        kr_str sm_out = {NULL, 0};                                             \
        CHECK_INT(stem_word((c), (script), (word), strlen(word), &sm_out), 0); \
        CHECK_STRN(sm_out.p, sm_out.n, (want));                                \
    } while (0)

static void test_stem_basic(stem_cache *c)
{
    STEM(c, FOLD_LATIN, "meetings", "meet");
    STEM(c, FOLD_LATIN, "meeting", "meet");
    STEM(c, FOLD_LATIN, "running", "run");
    STEM(c, FOLD_LATIN, "talks", "talk");
    STEM(c, FOLD_LATIN, "ministers", "minist");
    STEM(c, FOLD_CYRILLIC, "переговоры", "переговор");
    STEM(c, FOLD_CYRILLIC, "переговоров", "переговор");
    STEM(c, FOLD_CYRILLIC, "лавровым", "лавров");
    STEM(c, FOLD_CYRILLIC, "лаврова", "лавров");
    STEM(c, FOLD_CYRILLIC, "министром", "министр");
    /* Other scripts and mixed words come back unchanged. */
    STEM(c, FOLD_OTHER, "հայաստանի", "հայաստանի");
    STEM(c, FOLD_OTHER, "meetings", "meetings");
    STEM(c, FOLD_LATIN | FOLD_CYRILLIC, "kgbшники", "kgbшники");
    STEM(c, FOLD_LATIN | FOLD_DIGIT, "g20s", "g20s");
    STEM(c, FOLD_DIGIT, "2023", "2023");
    STEM(c, FOLD_CYRILLIC, "переговоры", "переговор"); /* from the cache */
    /* Shorter than 3 bytes: unchanged, even where a stemmer would act. */
    STEM(c, FOLD_LATIN, "is", "is");
    STEM(c, FOLD_LATIN, "s", "s");
    STEM(c, FOLD_CYRILLIC, "я", "я");
    {
        kr_str o;
        const char *w = "ab";
        CHECK_INT(stem_word(c, FOLD_LATIN, w, 2, &o), 0);
        CHECK(o.p == w && o.n == 2);
        CHECK_INT(stem_word(c, FOLD_LATIN, w, 0, &o), 0);
        CHECK_INT(o.n, 0);
    }
    /* Same bytes, different script: no mix-up through the cache. */
    STEM(c, FOLD_LATIN, "cats", "cat");
    STEM(c, FOLD_OTHER, "cats", "cats");
    STEM(c, FOLD_LATIN, "cats", "cat");
}

/* Distinct words: n-th word of a family, from its number. */
static size_t make_word(size_t k, int cyr, size_t minlen, char *out)
{
    static const char *const lat[] = {"a", "e", "i", "o", "u", "s", "t", "n", "r", "l",
                                      "ing", "ed", "es", "ly", "tion", "ment"};
    static const char *const cyrl[] = {"а", "о", "е", "и", "ы", "к", "т", "р", "с", "л",
                                       "ов", "ами", "ого", "ому", "ием", "ых"};
    const char *const *set = cyr ? cyrl : lat;
    size_t n = 0;
    out[n++] = cyr ? (char)0xD0 : 'w';
    if (cyr)
        out[n++] = (char)0xB2; /* в */
    do {
        const char *p = set[k % 16];
        memcpy(out + n, p, strlen(p));
        n += strlen(p);
        k /= 16;
    } while (k);
    while (n < minlen) { /* long words: pad with a repeated syllable */
        const char *p = cyr ? "ра" : "ra";
        memcpy(out + n, p, strlen(p));
        n += strlen(p);
    }
    out[n] = '\0';
    return n;
}

/* 200000 distinct words (the cache empties itself many times, by slot count
 * and, with long words, by pool size) checked against the stemmer; a fixed
 * set of words stemmed in between keeps its results. */
static void test_stem_cache(stem_cache *c)
{
    struct sb_stemmer *en = sb_stemmer_new("english", "UTF_8");
    struct sb_stemmer *ru = sb_stemmer_new("russian", "UTF_8");
    static const char *const keep[] = {"meetings", "negotiations", "president", "talks"};
    static const char *const keep_stem[] = {"meet", "negoti", "presid", "talk"};
    size_t k, wrong = 0, wrong_keep = 0, rcs = 0;
    char w[FOLD_MAX_WORD + 8], ref[2 * FOLD_MAX_WORD + 8];
    CHECK(en && ru);
    if (!en || !ru)
        goto done;
    for (k = 0; k < 200000; k++) {
        int cyr = (k & 1) != 0;
        size_t minlen = (k / 50000) == 2 ? 100 + k % 28 : 0; /* a phase of long words */
        size_t n = make_word(k, cyr, minlen, w);
        kr_str o, again;
        if (stem_word(c, cyr ? FOLD_CYRILLIC : FOLD_LATIN, w, n, &o) != 0) {
            rcs++;
            continue;
        }
        ref_stem(cyr ? ru : en, w, n, ref);
        if (o.n != strlen(ref) || memcmp(o.p, ref, o.n) != 0)
            wrong++;
        /* Repeat: identical result (now from the cache). */
        if (stem_word(c, cyr ? FOLD_CYRILLIC : FOLD_LATIN, w, n, &again) != 0 ||
            again.n != strlen(ref) || memcmp(again.p, ref, again.n) != 0)
            wrong++;
        if (k % 997 == 0) {
            size_t j = (k / 997) % 4;
            if (stem_word(c, FOLD_LATIN, keep[j], strlen(keep[j]), &o) != 0 ||
                o.n != strlen(keep_stem[j]) || memcmp(o.p, keep_stem[j], o.n) != 0)
                wrong_keep++;
        }
    }
    CHECK_INT(rcs, 0);
    CHECK_INT(wrong, 0);
    CHECK_INT(wrong_keep, 0);
    /* Words at the longest length stem_word takes. */
    {
        size_t n = make_word(12345, 0, FOLD_MAX_WORD + 3, w);
        kr_str o;
        CHECK(n <= FOLD_MAX_WORD + 4);
        CHECK_INT(stem_word(c, FOLD_LATIN, w, n, &o), 0);
        CHECK_STRN(o.p, o.n, ref_stem(en, w, n, ref));
    }
done:
    if (en)
        sb_stemmer_delete(en);
    if (ru)
        sb_stemmer_delete(ru);
}

/* Folding then stemming makes inflected forms meet, which search relies on. */
static void test_fold_then_stem(stem_cache *c)
{
    static const char *const pairs[][2] = {
        {"Лавровым", "Лаврова"}, {"МИНИСТРОМ", "министры"}, {"Meetings", "meeting"},
        {"ПЕРЕГОВОРОВ", "переговоры"}, {"Négociations", "NEGOCIATION"},
    };
    size_t k;
    for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        char b1[FOLD_MAX_WORD + 4], b2[FOLD_MAX_WORD + 4], s1[2 * FOLD_MAX_WORD];
        size_t p1 = 0, p2 = 0;
        fold_word w1, w2;
        kr_str o1, o2;
        CHECK(fold_next(pairs[k][0], strlen(pairs[k][0]), &p1, b1, &w1));
        CHECK(fold_next(pairs[k][1], strlen(pairs[k][1]), &p2, b2, &w2));
        CHECK_INT(stem_word(c, w1.script, b1, w1.n, &o1), 0);
        memcpy(s1, o1.p, o1.n); /* o1 is only valid until the next call */
        CHECK_INT(stem_word(c, w2.script, b2, w2.n, &o2), 0);
        CHECK(o1.n == o2.n && memcmp(s1, o2.p, o2.n) == 0);
    }
}

int main(void)
{
    stem_cache *c;
    test_fold_words();
    test_fold_iteration();
    test_fold_long();
    c = stem_new();
    CHECK(c != NULL);
    if (c) {
        test_stem_basic(c);
        test_stem_cache(c);
        test_fold_then_stem(c);
    }
    stem_free(c);
    stem_free(NULL);
    return t_report();
}
