/* match.h: the lexicon matcher. Every name of the lexicon is compiled once
 * into a trie over word keys (key.h); a document is matched word by word,
 * longest match first, at about the cost of one hash lookup per word. */
#ifndef MATCH_H
#define MATCH_H

#include "arena.h"
#include "kr.h"
#include "lex.h"
#include "stem.h"
#include "tok.h"
#include "wmemo.h"

typedef struct match_db match_db;

/* Compiles the names of `lex` (borrowed; must outlive the matcher). */
int match_build(const lex_db *lex, match_db **out);
void match_free(match_db *m); /* match_free(NULL) is a no-op */

/* One match: words of text[span) name lexicon entry `entry`, through a
 * name variant (adj = 0) or an adjective/demonym (adj = 1). When a name
 * belongs to several entries (Georgia), one hit per entry, same span. */
typedef struct match_hit {
    kr_span span;
    size_t entry;
    int adj;
    size_t first_word, nwords; /* into the document's word list */
} match_hit;

/* A word of the text with its key ids. A word has up to KEY_ALTS keys
 * (key.h: Карабахе -> карабах, карабахе); the ones the lexicon has are
 * kept, in that order. */
typedef struct match_word {
    kr_span span;
    uint32_t key;     /* id of the first key the lexicon has (0: none); in
                         a hit, the key the match went through */
    uint32_t alt[2];  /* the other keys the lexicon has, in order (0: none) */
    uint32_t bare;    /* id of the word's bare key (no ending stripped), or 0 */
    uint32_t ckey;    /* key of a capitalized word as a one-word name, or 0 */
    uint64_t khash;   /* hash of the word's key (key_of), lexicon or not */
    uint16_t script;  /* FOLD_* bits */
    uint8_t joined;   /* 1 when only spaces or a hyphen separate it from the
                         previous word, 2 when an abbreviation point (U.S.,
                         St. Petersburg) or an apostrophe (Azerbaijan's)
                         does; a name may run across either */
    uint8_t cap;      /* the first letter is a capital */
    uint8_t ija;      /* Cyrillic, and what follows its first key is an
                         -ия/-ий/-ие noun's ending (мэрии after мэр) */
} match_word;

typedef struct match_result {
    match_word *words;
    size_t nwords;
    match_hit *hits;
    size_t nhits;
} match_result;

/* Matches text[from..n) (stored text: valid UTF-8). Results are allocated
 * in `a`; `sc` is the caller's stem cache (one per thread). */
/* A per-thread memory of the keys of words seen before (wmemo.h), for
 * match_text_memo; free it with wmemo_free. NULL when out of memory. */
wmemo *match_memo_new(void);

/* As match_text, remembering word keys in mm (may be NULL). td, when not
 * NULL, is the text's tokens (tok_run from `from`): the words are read
 * off them instead of being searched for again; the result is the same. */
int match_text_memo(const match_db *m, stem_cache *sc, wmemo *mm, const char *text,
                    size_t n, size_t from, const tok_doc *td, kr_arena *a, match_result *out);
int match_text(const match_db *m, stem_cache *sc, const char *text, size_t n, size_t from,
               kr_arena *a, match_result *out);

/* The hash match_word.khash holds, for a key of key.h. */
uint64_t match_key_hash(const char *key, size_t n);

/* Key id of a word of a lexicon name (its key as match_build computes
 * it, key_lex), 0 when no lexicon name has it (for resolvers that look up
 * single words, like surnames). */
uint32_t match_key_id(const match_db *m, stem_cache *sc, const char *word, size_t n);

/* The entry of a name (not an adjective) spelled by exactly the words
 * words[i..end) of a match result, through any of their keys, or -1:
 * for resolvers that look for a name inside a longer hit ("Конституционного
 * суда" inside "председатель Конституционного суда"). When several
 * entries share the name, the first. */
long match_name_at(const match_db *m, const match_word *words, size_t i, size_t end);

/* Number of distinct word keys and trie nodes (for stats and tests). */
size_t match_nkeys(const match_db *m);
size_t match_nnodes(const match_db *m);

#endif
