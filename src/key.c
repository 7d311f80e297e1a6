/* key.c: matching keys. Snowball's Russian stemmer treats some name endings
 * as verb endings (Пашинян -> пашиня, Пашиняну -> пашинян), so Cyrillic
 * words use a stripper of nominal case endings only: names, role words and
 * organizations are nouns and adjectives. */
#include "key.h"

#include <string.h>

/* Nominal endings, longest first; `keep` is re-appended (Марией -> мари).
 * Surname suffixes (-ов, -ев, -ин) are not endings: Лавров stays лавров.
 * At least three letters stay, so short words keep their identity. */
#define E(s, k) {s, k, sizeof s - 1}
static const struct {
    const char *end, *keep;
    size_t len; /* bytes of end */
} ru_endings[] = {
    E("иями", ""), E("ями", ""), E("ами", ""), E("ого", ""), E("его", ""), E("ому", ""),
    E("ему", ""), E("ыми", ""), E("ими", ""), E("иях", ""), E("ией", "и"), E("ях", ""),
    E("ах", ""), E("ам", ""), E("ям", ""), E("ом", ""), E("ем", ""), E("ой", ""),
    E("ый", ""), E("ий", ""), E("ая", ""), E("яя", ""), E("ое", ""), E("ее", ""),
    E("ые", ""), E("ие", ""), E("ую", ""), E("юю", ""), E("ым", ""), E("им", ""),
    E("ых", ""), E("их", ""), E("а", ""), E("я", ""), E("о", ""), E("е", ""),
    E("у", ""), E("ю", ""), E("ы", ""), E("и", ""), E("й", ""), E("ь", ""),
};
#undef E
#define NENDINGS (sizeof ru_endings / sizeof ru_endings[0])

/* The ending of the folded Cyrillic word w[0..n) (index into ru_endings),
 * or -1. Every ending's last letter is compared first: most words are
 * rejected by two byte comparisons per ending. */
static long ru_ending(const char *w, size_t n)
{
    size_t k, chars = 0, i;
    if (n < 2)
        return -1;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)w[i] & 0xC0) != 0x80;
    for (k = 0; k < NENDINGS; k++) {
        size_t el = ru_endings[k].len;
        const char *e = ru_endings[k].end;
        if (w[n - 1] != e[el - 1] || w[n - 2] != e[el - 2])
            continue;
        /* at least three letters stay (Cyrillic letters are two bytes) */
        if (el < n && chars >= el / 2 + 3 && memcmp(w + n - el, e, el) == 0)
            return (long)k;
    }
    return -1;
}

size_t key_ru_strip(const char *w, size_t n)
{
    long k = ru_ending(w, n);
    return k < 0 ? n : n - ru_endings[k].len;
}

/* Name skeleton of a Latin key: y -> i, then runs of one letter once. */
static size_t skeleton(char *s, size_t n)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        char c = s[i] == 'y' ? 'i' : s[i];
        if (o && s[o - 1] == c && kr_isalpha((unsigned char)c))
            continue;
        s[o++] = c;
    }
    return o;
}

/* English plural endings only (Harman's S-stemmer): names and role words
 * need "Armenians" = "Armenian" and "protesters" = "protester", but never
 * "protesters" = "protest" or "authorities" = "author", which a full
 * stemmer gives. */
static size_t en_plural(char *s, size_t n)
{
    if (n < 4)
        return n;
    if (n > 4 && memcmp(s + n - 3, "ies", 3) == 0 && s[n - 4] != 'e' && s[n - 4] != 'a') {
        s[n - 3] = 'y';
        return n - 2;
    }
    if (memcmp(s + n - 2, "es", 2) == 0 && s[n - 3] != 'a' && s[n - 3] != 'e' && s[n - 3] != 'o')
        return n - 1;
    if (s[n - 1] == 's' && s[n - 2] != 'u' && s[n - 2] != 's' && s[n - 2] != 'i')
        return n - 1;
    return n;
}

size_t key_of(stem_cache *sc, unsigned script, const char *w, size_t n, char *out)
{
    (void)sc;
    if (n > FOLD_MAX_WORD + 4)
        n = FOLD_MAX_WORD + 4;
    if (script == FOLD_CYRILLIC) {
        long e = ru_ending(w, n);
        size_t keep = e < 0 ? n : n - ru_endings[e].len, kl;
        memcpy(out, w, keep);
        if (e >= 0 && (kl = strlen(ru_endings[e].keep)) != 0) {
            memcpy(out + keep, ru_endings[e].keep, kl);
            keep += kl;
        }
        return keep;
    }
    if (script == FOLD_LATIN) {
        memcpy(out, w, n);
        return skeleton(out, en_plural(out, n));
    }
    memcpy(out, w, n);
    return n;
}
