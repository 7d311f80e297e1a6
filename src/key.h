/* key.h: matching keys. A word's key is its search folding (fold.h) made
 * insensitive to inflection and to the usual spelling variants of names:
 * Latin words lose an English plural ending and get a name skeleton (y -> i,
 * doubled letters once: Ashtiyani = Ashtiani, Sergey = Sergei); Cyrillic
 * words lose their nominal case ending (Лавровым, Лаврова -> лавров).
 *
 * A lexicon name is written in the nominative and loses only a nominative
 * ending (key_lex): Карабах, Газпром, Ильхам keep their last letters. A
 * word of a text cannot tell a case ending from a stem ending that looks
 * like one (Карабах: -ах), so it gets several keys, most stripped first
 * (key_text: Карабахе -> карабах, карабахе; Карабах -> караб, карабах);
 * the matcher takes the first one the lexicon has. */
#ifndef KEY_H
#define KEY_H

#include "fold.h"
#include "kr.h"
#include "stem.h"

#define KEY_MAX (FOLD_MAX_WORD + 8)

/* Writes the key of the folded word w[0..n) (script: FOLD_* bits, from
 * fold_next) into out[KEY_MAX]; returns its length. Every ending is
 * stripped: the key for comparing words of texts with one another (word
 * lists, candidate ids). `sc` (a stem cache, one per thread) is reserved
 * for languages whose keys need a stemmer. */
size_t key_of(stem_cache *sc, unsigned script, const char *w, size_t n, char *out);

/* The key of a word of a lexicon name (nominative endings only), as
 * key_of otherwise. */
size_t key_lex(stem_cache *sc, unsigned script, const char *w, size_t n, char *out);

/* The keys a word of a text may have, most stripped first: key_of's; for
 * Cyrillic, the word without its last letter when that is an ending too;
 * and last the bare word (Latin: the skeleton without the plural ending
 * stripped). Fills keys[0..KEY_ALTS), pointing into w or into buf (which
 * must live as long as they are used); returns how many (1 to KEY_ALTS,
 * no two alike). For every word w, key_lex(w) is one of key_text(w). */
#define KEY_ALTS 3
size_t key_text(stem_cache *sc, unsigned script, const char *w, size_t n, char buf[][KEY_MAX],
                kr_str *keys);

/* Whether the folded Cyrillic name w[0..n) ends like a foreign name that
 * Russian does not decline (Поти, Дели, Мали, Того, Баку, Зимбабве,
 * Токио, Самоа): и, е, о, у, ю or э at the end (и and е after a
 * consonant), or а after о, у, и or е,
 * except the endings of Russian nouns that do decline (Мытищи, Химки: -и
 * after к, г, х, ж, ш, щ, ч; Иваново, Бородино: -ово, -ево, -ино, -ыно). */
int key_ru_indeclinable(const char *w, size_t n);

/* The key of the declined forms of a Russian place name that its key
 * (key_lex, kl bytes) misses, by the shape of its folded last word
 * w[0..n), into out[KEY_MAX]: KEY_OBLIQUE_FLEETING, a vowel of the last
 * syllable that drops (Египет, Египта; Орёл, Орла; Торжок, Торжка: a
 * consonant, е or о, a consonant at the end) gives the stem without it
 * (египт); KEY_OBLIQUE_PLURAL, a plural in -ы or -и, whose genitive ends
 * in -ов, which keys keep as they keep surnames' -ов (Штаты, Штатов;
 * Эмираты, Эмиратов), gives that form (штатов). Returns the length, or 0
 * when the word has no such form. For places only: a surname keeps its
 * vowel (Лавров, Лаврова). */
enum { KEY_OBLIQUE_FLEETING = 1, KEY_OBLIQUE_PLURAL, KEY_OBLIQUE_N };
size_t key_ru_oblique(int kind, const char *w, size_t n, size_t kl, char *out);

/* The Russian nominal ending stripper alone, on a folded Cyrillic word
 * (exposed for tests): returns the length of the kept part. */
size_t key_ru_strip(const char *w, size_t n);

#endif
