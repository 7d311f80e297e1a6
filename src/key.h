/* key.h: matching keys. A word's key is its search folding (fold.h) made
 * insensitive to inflection and to the usual spelling variants of names:
 * Latin words lose an English plural ending and get a name skeleton (y -> i,
 * doubled letters once: Ashtiyani = Ashtiani, Sergey = Sergei); Cyrillic
 * words lose their nominal case ending (Лавровым, Лаврова -> лавров). The
 * lexicon's names and the text's words get keys the same way. */
#ifndef KEY_H
#define KEY_H

#include "fold.h"
#include "kr.h"
#include "stem.h"

#define KEY_MAX (FOLD_MAX_WORD + 8)

/* Writes the key of the folded word w[0..n) (script: FOLD_* bits, from
 * fold_next) into out[KEY_MAX]; returns its length. `sc` (a stem cache,
 * one per thread) is reserved for languages whose keys need a stemmer. */
size_t key_of(stem_cache *sc, unsigned script, const char *w, size_t n, char *out);

/* The Russian nominal ending stripper alone, on a folded Cyrillic word
 * (exposed for tests): returns the length of the kept part. */
size_t key_ru_strip(const char *w, size_t n);

#endif
