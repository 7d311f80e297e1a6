/* key.c: matching keys. Snowball's Russian stemmer treats some name endings
 * as verb endings (Пашинян -> пашиня, Пашиняну -> пашинян), so Cyrillic
 * words use a stripper of nominal case endings only: names, role words and
 * organizations are nouns and adjectives. */
#include "key.h"

#include <string.h>

/* Nominal endings, longest first. `nom` marks the endings of a nominative
 * form (singular or plural, noun or adjective): the only ones a lexicon
 * name, written in the nominative, loses (key_lex). -ий/-ия/-ие nouns
 * decline as one stem (Дмитрий, Дмитрия, Дмитрием -> дмитр; Россия,
 * России, Россией -> росс). Surname suffixes (-ов, -ев, -ин) are not
 * endings: Лавров stays лавров. At least three letters stay, so short
 * words keep their identity. */
#define E(s, nom) {s, sizeof s - 1, nom}
static const struct {
    const char *end;
    size_t len; /* bytes of end */
    int nom;
} ru_endings[] = {
    E("иями", 0), E("ями", 0), E("ами", 0), E("ого", 0), E("его", 0), E("ому", 0),
    E("ему", 0), E("ыми", 0), E("ими", 0), E("иях", 0), E("ией", 0), E("ием", 0), E("иям", 0),
    E("ях", 0), E("ах", 0), E("ам", 0), E("ям", 0), E("ом", 0), E("ем", 0), E("ой", 1),
    E("ый", 1), E("ий", 1), E("ая", 1), E("яя", 1), E("ое", 1), E("ее", 1), E("ые", 1),
    E("ие", 1), E("ия", 1), E("ию", 0), E("ии", 0), E("ую", 0), E("юю", 0), E("ым", 0),
    E("им", 0), E("ых", 0), E("их", 0),
    E("а", 1), E("я", 1), E("о", 1), E("е", 1), E("у", 0), E("ю", 0), E("ы", 1), E("и", 1),
    E("й", 1), E("ь", 1),
};
#undef E
#define NENDINGS (sizeof ru_endings / sizeof ru_endings[0])
#define FIRST_ONE_LETTER 37 /* index of "а": the one-letter endings follow */

/* Letters (not bytes) of a UTF-8 word. */
static size_t letters(const char *w, size_t n)
{
    size_t i, chars = 0;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)w[i] & 0xC0) != 0x80;
    return chars;
}

/* Cyrillic letters that end some ending (а е и й м о у х ы ь ю я), as bits
 * of their index in а..я: most words end otherwise and are done at once. */
#define LAST_LETTERS                                                                      \
    ((1u << 0) | (1u << 5) | (1u << 8) | (1u << 9) | (1u << 12) | (1u << 14) | (1u << 19) | \
     (1u << 21) | (1u << 27) | (1u << 28) | (1u << 30) | (1u << 31))

/* The longest ending of the folded Cyrillic word w[0..n) (index into
 * ru_endings) among those from `first` on, nominative ones only when
 * `nom`; or -1. Every ending's last letter is compared first: most words
 * are rejected by two byte comparisons per ending. */
static long ru_ending(const char *w, size_t n, size_t first, int nom)
{
    size_t k, chars = 0;
    unsigned char lead, trail;
    unsigned idx;
    if (n < 2)
        return -1;
    lead = (unsigned char)w[n - 2];
    trail = (unsigned char)w[n - 1];
    if (lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF)
        idx = trail - 0xB0u; /* а..п */
    else if (lead == 0xD1 && trail >= 0x80 && trail <= 0x8F)
        idx = 16u + trail - 0x80u; /* р..я */
    else
        return -1;
    if (!(LAST_LETTERS >> idx & 1))
        return -1;
    for (k = first; k < NENDINGS; k++) {
        size_t el = ru_endings[k].len;
        const char *e = ru_endings[k].end;
        if (w[n - 1] != e[el - 1] || w[n - 2] != e[el - 2] || (nom && !ru_endings[k].nom))
            continue;
        if (!chars)
            chars = letters(w, n);
        /* at least three letters stay (Cyrillic letters are two bytes) */
        if (el < n && chars >= el / 2 + 3 && memcmp(w + n - el, e, el) == 0)
            return (long)k;
    }
    return -1;
}

size_t key_ru_strip(const char *w, size_t n)
{
    long k = ru_ending(w, n, 0, 0);
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

static size_t clip(size_t n)
{
    return n > FOLD_MAX_WORD + 4 ? FOLD_MAX_WORD + 4 : n;
}

/* w without the ending ru_endings[e] (none when e < 0), into out. */
static size_t ru_cut(const char *w, size_t n, long e, char *out)
{
    size_t keep = e < 0 ? n : n - ru_endings[e].len;
    memcpy(out, w, keep);
    return keep;
}

size_t key_of(stem_cache *sc, unsigned script, const char *w, size_t n, char *out)
{
    (void)sc;
    n = clip(n);
    if (script == FOLD_CYRILLIC)
        return ru_cut(w, n, ru_ending(w, n, 0, 0), out);
    memcpy(out, w, n);
    if (script == FOLD_LATIN)
        return skeleton(out, en_plural(out, n));
    return n;
}

size_t key_lex(stem_cache *sc, unsigned script, const char *w, size_t n, char *out)
{
    n = clip(n);
    if (script == FOLD_CYRILLIC)
        return ru_cut(w, n, ru_ending(w, n, 0, 1), out);
    return key_of(sc, script, w, n, out);
}

size_t key_text(stem_cache *sc, unsigned script, const char *w, size_t n, char out[][KEY_MAX],
                size_t *len)
{
    size_t k = 0;
    n = clip(n);
    if (script == FOLD_CYRILLIC) {
        long e = ru_ending(w, n, 0, 0);
        if (e >= 0) {
            len[k] = ru_cut(w, n, e, out[k]);
            k++;
            if ((size_t)e < FIRST_ONE_LETTER) {
                long one = ru_ending(w, n, FIRST_ONE_LETTER, 0);
                if (one >= 0) {
                    len[k] = ru_cut(w, n, one, out[k]);
                    k++;
                }
            }
        }
        len[k] = ru_cut(w, n, -1, out[k]);
        return k + 1;
    }
    len[0] = key_of(sc, script, w, n, out[0]);
    if (script == FOLD_LATIN) {
        memcpy(out[1], w, n);
        len[1] = skeleton(out[1], n);
        if (len[1] != len[0] || memcmp(out[0], out[1], len[0]) != 0)
            return 2;
    }
    return 1;
}
