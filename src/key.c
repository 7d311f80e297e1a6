/* key.c: matching keys. Snowball's Russian stemmer treats some name endings
 * as verb endings (Пашинян -> пашиня, Пашиняну -> пашинян), so Cyrillic
 * words use a stripper of nominal case endings only: names, role words and
 * organizations are nouns and adjectives. */
#include "key.h"

#include <string.h>

/* Nominal endings, longest first; `keep` is re-appended (Марией -> мари).
 * Surname suffixes (-ов, -ев, -ин) are not endings: Лавров stays лавров.
 * At least three letters stay, so short words keep their identity. */
static const struct {
    const char *end, *keep;
} ru_endings[] = {
    {"иями", ""}, {"ями", ""}, {"ами", ""}, {"ого", ""}, {"его", ""}, {"ому", ""},
    {"ему", ""}, {"ыми", ""}, {"ими", ""}, {"иях", ""}, {"ией", "и"}, {"ях", ""},
    {"ах", ""}, {"ам", ""}, {"ям", ""}, {"ом", ""}, {"ем", ""}, {"ой", ""},
    {"ый", ""}, {"ий", ""}, {"ая", ""}, {"яя", ""}, {"ое", ""}, {"ее", ""},
    {"ые", ""}, {"ие", ""}, {"ую", ""}, {"юю", ""}, {"ым", ""}, {"им", ""},
    {"ых", ""}, {"их", ""}, {"а", ""}, {"я", ""}, {"о", ""}, {"е", ""},
    {"у", ""}, {"ю", ""}, {"ы", ""}, {"и", ""}, {"й", ""}, {"ь", ""},
};

size_t key_ru_strip(const char *w, size_t n)
{
    size_t k, chars = 0, i;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)w[i] & 0xC0) != 0x80;
    for (k = 0; k < sizeof ru_endings / sizeof ru_endings[0]; k++) {
        size_t el = strlen(ru_endings[k].end), ec = el / 2; /* Cyrillic: 2 bytes a letter */
        if (el < n && chars >= ec + 3 && memcmp(w + n - el, ru_endings[k].end, el) == 0)
            return n - el;
    }
    return n;
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
    size_t k;
    (void)sc;
    if (n > FOLD_MAX_WORD + 4)
        n = FOLD_MAX_WORD + 4;
    if (script == FOLD_CYRILLIC) {
        size_t keep = key_ru_strip(w, n);
        memcpy(out, w, keep);
        for (k = 0; k < sizeof ru_endings / sizeof ru_endings[0]; k++)
            if (*ru_endings[k].keep && keep + strlen(ru_endings[k].end) == n &&
                memcmp(w + keep, ru_endings[k].end, n - keep) == 0) {
                memcpy(out + keep, ru_endings[k].keep, strlen(ru_endings[k].keep));
                keep += strlen(ru_endings[k].keep);
                break;
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
