/* fold.h: search folding: words cut at non-alphanumerics, lower-cased, with
 * diacritics removed (é -> e, ё -> е, but й stays й). Used by the full-text
 * index and for matching keys. */
#ifndef FOLD_H
#define FOLD_H

#include "kr.h"

/* Script of a folded word, for choosing a stemmer. */
enum { FOLD_LATIN = 1, FOLD_CYRILLIC = 2, FOLD_OTHER = 4, FOLD_DIGIT = 8 };

#define FOLD_MAX_WORD 128 /* longer words are cut (at a character boundary) */

typedef struct fold_word {
    kr_span span;   /* bytes of the word in the input */
    size_t n;       /* bytes of the folded form in the caller's buffer */
    unsigned script; /* FOLD_* bits of the characters seen */
} fold_word;

/* Finds the next word at or after *pos in s[0..n), writes its folded form
 * into buf (FOLD_MAX_WORD + 4 bytes) and advances *pos past it. Returns 1
 * when a word was found, 0 at the end. Invalid UTF-8 bytes separate words.
 * With buf NULL only the word's span and script are found (w->n is 0):
 * for callers that fold a word only when they have not seen it before. */
int fold_next(const char *s, size_t n, size_t *pos, char *buf, fold_word *w);

/* Folds one code point: the folded code point, 0 for a separator, or
 * FOLD_MARK for a combining mark (dropped inside a word). */
#define FOLD_MARK 0xFFFF
int32_t fold_cp(int32_t cp);

/* Letter case, with fast paths for ASCII and Cyrillic: 1 upper-case
 * letter, 0 lower-case (or caseless) letter, -1 not a letter. */
int fold_case(int32_t cp);
/* The first character of s[0..n) is an upper-case letter. */
int fold_capitalized(const char *s, size_t n);
/* Every letter of s[0..n) is upper-case, and there are at least two. */
int fold_all_upper(const char *s, size_t n);

#endif
