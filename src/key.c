/* key.c: matching keys. Snowball's Russian stemmer treats some name endings
 * as verb endings (Пашинян -> пашиня, Пашиняну -> пашинян), so Cyrillic
 * words use a stripper of nominal case endings only: names, role words and
 * organizations are nouns and adjectives. */
#include "key.h"

#include <string.h>

/* Nominal endings, by their last letter, longest first. `nom` marks the
 * endings of a nominative form (singular or plural, noun or adjective):
 * the only ones a lexicon name, written in the nominative, loses
 * (key_lex). -ий/-ия/-ие nouns decline as one stem (Дмитрий, Дмитрия,
 * Дмитрием -> дмитр; Россия, России, Россией -> росс). Surname suffixes
 * (-ов, -ев, -ин) are not endings: Лавров stays лавров. At least three
 * letters stay, so short words keep their identity. */
typedef struct ending {
    const char *end;
    size_t len; /* bytes */
    int nom;
} ending;

#define E(s, nom) {s, sizeof s - 1, nom}
static const ending end_a[] = {E("а", 1)};
static const ending end_e[] = {E("ое", 1), E("ее", 1), E("ые", 1), E("ие", 1), E("е", 1)};
static const ending end_i[] = {E("иями", 0), E("ями", 0), E("ами", 0), E("ыми", 0), E("ими", 0),
                               E("ии", 0), E("и", 1)};
static const ending end_ii[] = {E("ией", 0), E("ой", 1), E("ый", 1), E("ий", 1), E("й", 1)};
static const ending end_m[] = {E("ием", 0), E("иям", 0), E("ам", 0), E("ям", 0), E("ом", 0),
                               E("ем", 0), E("ым", 0), E("им", 0)};
static const ending end_o[] = {E("ого", 0), E("его", 0), E("о", 1)};
static const ending end_u[] = {E("ому", 0), E("ему", 0), E("у", 0)};
static const ending end_kh[] = {E("иях", 0), E("ях", 0), E("ах", 0), E("ых", 0), E("их", 0)};
static const ending end_y[] = {E("ы", 1)};
static const ending end_soft[] = {E("ь", 1)};
static const ending end_yu[] = {E("ию", 0), E("ую", 0), E("юю", 0), E("ю", 0)};
static const ending end_ya[] = {E("ая", 1), E("яя", 1), E("ия", 1), E("я", 1)};
#undef E

/* The endings of each last letter, by its index in а..я. */
#define L(v) {v, sizeof v / sizeof v[0]}
static const struct {
    const ending *v;
    size_t n;
} by_last[32] = {
    [0] = L(end_a), [5] = L(end_e), [8] = L(end_i), [9] = L(end_ii), [12] = L(end_m),
    [14] = L(end_o), [19] = L(end_u), [21] = L(end_kh), [27] = L(end_y), [28] = L(end_soft),
    [30] = L(end_yu), [31] = L(end_ya),
};
#undef L

/* The longest ending of the folded Cyrillic word w[0..n), nominative ones
 * only when `nom`, the one-letter one only when `one`; or NULL. Every
 * letter of a folded Cyrillic word takes two bytes. */
static const ending *ru_ending(const char *w, size_t n, int one, int nom)
{
    size_t k, idx;
    unsigned char lead, trail;
    if (n < 2)
        return NULL;
    lead = (unsigned char)w[n - 2];
    trail = (unsigned char)w[n - 1];
    if (lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF)
        idx = trail - 0xB0u; /* а..п */
    else if (lead == 0xD1 && trail >= 0x80 && trail <= 0x8F)
        idx = 16u + trail - 0x80u; /* р..я */
    else
        return NULL;
    for (k = 0; k < by_last[idx].n; k++) {
        const ending *e = &by_last[idx].v[k];
        if ((nom && !e->nom) || (one && e->len != 2))
            continue;
        /* at least three letters stay */
        if (n >= e->len + 6 && memcmp(w + n - e->len, e->end, e->len) == 0)
            return e;
    }
    return NULL;
}

/* Vowels and signs, letters after which no consonant cluster is. */
static const char ru_vowels[] = "аеёиоуыэюяйьъ";

/* The k-th last letter (1: the last) of the folded Cyrillic word
 * w[0..n), as a string in out; 0 when the word has fewer letters or that
 * one is no two-byte Cyrillic letter. */
static int ru_letter(const char *w, size_t n, size_t k, char out[3])
{
    if (n < 2 * k || (unsigned char)w[n - 2 * k] < 0xD0)
        return 0;
    memcpy(out, w + n - 2 * k, 2);
    out[2] = '\0';
    return 1;
}

int key_ru_indeclinable(const char *w, size_t n)
{
    static const char *const declined_i = "кгхжшщч"; /* Мытищи, Химки */
    static const char *const declined_o[] = {"ово", "ево", "ёво", "ино", "ыно", NULL};
    char last[3], before[3];
    size_t k;
    if (n < 6 || !ru_letter(w, n, 1, last) || !ru_letter(w, n, 2, before))
        return 0;
    /* Самоа, Гоа, Никарагуа: а after a vowel */
    if (!strcmp(last, "а"))
        return strstr("оуие", before) != NULL;
    if (!strstr("иеоуюэ", last))
        return 0;
    /* a vowel before: Токио, but the Russian -ие, -ии (Поморие) decline */
    if (strstr(ru_vowels, before) && (!strcmp(last, "и") || !strcmp(last, "е") || strstr("йьъ", before)))
        return 0;
    if (!strcmp(last, "и"))
        return !strstr(declined_i, before);
    if (!strcmp(last, "о"))
        for (k = 0; declined_o[k]; k++)
            if (memcmp(w + n - 6, declined_o[k], 6) == 0)
                return 0;
    return 1;
}

size_t key_ru_oblique(int kind, const char *w, size_t n, size_t kl, char *out)
{
    char c3[3], c2[3], c1[3];
    if (n < 8 || n > KEY_MAX - 4 || !ru_letter(w, n, 1, c1) || !ru_letter(w, n, 2, c2) ||
        !ru_letter(w, n, 3, c3))
        return 0;
    if (kind == KEY_OBLIQUE_PLURAL) {
        if (kl != n - 2 || (strcmp(c1, "ы") && strcmp(c1, "и")))
            return 0;
        memcpy(out, w, kl); /* the key is the word without its ending */
        memcpy(out + kl, "ов", 4);
        return kl + 4;
    }
    if (kl != n || strstr(ru_vowels, c3) || strstr(ru_vowels, c1) || (strcmp(c2, "е") && strcmp(c2, "о")))
        return 0;
    memcpy(out, w, n - 4);
    memcpy(out + n - 4, w + n - 2, 2);
    return n - 2;
}

size_t key_ru_strip(const char *w, size_t n)
{
    const ending *e = ru_ending(w, n, 0, 0);
    return e ? n - e->len : n;
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

/* w without the ending e (none when NULL), into out. */
static size_t ru_cut(const char *w, size_t n, const ending *e, char *out)
{
    size_t keep = e ? n - e->len : n;
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

size_t key_text(stem_cache *sc, unsigned script, const char *w, size_t n, char buf[][KEY_MAX],
                kr_str *keys)
{
    size_t k = 0;
    n = clip(n);
    if (script == FOLD_CYRILLIC) {
        /* every key is a prefix of the word: no copies */
        const ending *e = ru_ending(w, n, 0, 0), *one;
        if (e) {
            keys[k].p = w;
            keys[k++].n = n - e->len;
            if (e->len > 2 && (one = ru_ending(w, n, 1, 0)) != NULL) {
                keys[k].p = w;
                keys[k++].n = n - one->len;
            }
        }
        keys[k].p = w;
        keys[k].n = n;
        return k + 1;
    }
    keys[0].p = buf[0];
    if (script == FOLD_LATIN) {
        size_t p;
        memcpy(buf[0], w, n);
        if ((p = en_plural(buf[0], n)) == n) {
            keys[0].n = skeleton(buf[0], n);
            return 1;
        }
        keys[0].n = skeleton(buf[0], p);
        memcpy(buf[1], w, n);
        keys[1].p = buf[1];
        keys[1].n = skeleton(buf[1], n);
        return 2;
    }
    keys[0].n = key_of(sc, script, w, n, buf[0]);
    return 1;
}
