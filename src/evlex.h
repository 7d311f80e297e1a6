/* evlex.h: the event lexicon: the CAMEO codebook (code, Goldstein score,
 * quad class, PLOVER type) and, per language, the event patterns and the
 * cue words the sentence analysis needs (negation, modality, prepositions,
 * clause boundaries...). Read from the files under lexicon/events/ in the
 * format of docs/events.md, compiled once, then read-only. */
#ifndef EVLEX_H
#define EVLEX_H

#include <stdint.h>

#include "kr.h"
#include "lex.h"
#include "stem.h"

/* One CAMEO code of the codebook. */
typedef struct ev_code {
    const char *code;   /* "043" */
    const char *label;  /* "Host a visit" */
    const char *plover; /* "CONSULT", or NULL when PLOVER has no type */
    const char *plover_mode; /* "visit", or NULL */
    double goldstein;
    int quad;           /* 1 verbal cooperation .. 4 material conflict */
} ev_code;

/* Cue classes: words and phrases that steer the analysis, listed per
 * language in `cue CLASS: ...` lines. */
typedef enum {
    CUE_NEGATION,     /* not, never, не */
    CUE_INTENT,       /* will, plans to, намерен */
    CUE_HYPOTHETICAL, /* if, would, если */
    CUE_REPORTED,     /* reportedly, according to, якобы */
    CUE_PASSIVE,      /* was, were, been: before a participle */
    CUE_AGENT,        /* by: the doer of a passive */
    CUE_PREP,         /* prepositions: the noun after one is not a subject */
    CUE_LOCATIVE,     /* in, at, в: the place after one is where it happened */
    CUE_CLAUSE,       /* clause boundaries: but, while, which, но, который */
    CUE_COMPLEMENT,   /* that, что: a reported clause follows a speech verb */
    CUE_RELATIVE,     /* who, which, который: the subject is the noun before */
    CUE_COORD,        /* and, и: joins actors */
    CUE_PRONOUN,      /* he, she, they, он: the subject of an earlier clause */
    CUE_DET,          /* the, his, its: skipped before an actor */
    CUE_TODAY,        /* today, сегодня */
    CUE_YESTERDAY,    /* yesterday, вчера */
    CUE_TOMORROW,     /* tomorrow, завтра */
    CUE_LAST_WEEK,    /* last week, на прошлой неделе */
    CUE_NCLASSES
} ev_cue;

/* A pattern element. */
enum {
    EV_WORD = 1, /* one of keys[0..nkeys) */
    EV_GAP,      /* "...": up to EV_GAP_MAX words */
    EV_TARGET,   /* "+": an actor, the target */
    EV_SOURCE    /* "$": an actor, the source (the subject is not used) */
};
#define EV_GAP_MAX 3
#define EV_GAP_LOOSE 8

typedef struct ev_elem {
    uint8_t kind;
    uint8_t optional; /* "(word)": may be absent */
    uint16_t nkeys;
    const uint32_t *keys;
    uint32_t set;   /* EV_WORD: id of its key set, shared by equal sets (1, 2, ...) */
} ev_elem;

/* Pattern options after ';'. */
enum {
    EV_OPT_INTENT = 1, /* the phrase itself speaks of the future */
    EV_OPT_SPEECH = 2, /* a speech verb: a clause after it is reported */
    EV_OPT_SYMMETRIC = 4, /* "X and Y met": the actors are each other's targets */
    EV_OPT_TARGET = 8,    /* no event without a target (the dictionary coders') */
    EV_OPT_MUTUAL = 16,   /* symmetric, and each pair coded both ways */
    EV_OPT_BLOCK = 32,    /* code "---": the phrase codes nothing, and the
                             shorter patterns it overlaps neither */
    EV_OPT_SUBJECT_TARGET = 64, /* a leading "+": the subject is the target */
    EV_OPT_LOOSE = 128    /* gaps of up to EV_GAP_LOOSE words, across actors */
};

typedef struct ev_pattern {
    const ev_code *code;
    const ev_elem *elems;
    uint16_t nelems;
    uint16_t nwords;  /* required words: the more, the more specific */
    uint16_t opts;
    uint8_t case_agent; /* the language marks a passive's doer by case, not by
                           a word such as "by" (its file lists no agent cue) */
    const char *lang; /* from the file name: "en", "ru" */
    const char *file;
    size_t line;
} ev_pattern;

typedef struct evlex evlex;

/* Builds the event lexicon from the sources under an `events/` folder
 * (lex_is_event_file); other sources are ignored. cameo.txt gives the
 * codebook, every other file (named after its language: en.txt, ru.txt)
 * cues and patterns. Problems go to report (may be NULL); with `check`
 * any error fails the build with KR_EFORMAT, without it faulty lines are
 * left out. `sc` stems the pattern words (borrowed during the call). */
int evlex_build(const lex_source *src, size_t nsrc, int check, stem_cache *sc,
                lex_report_fn report, void *ud, evlex **out);
void evlex_free(evlex *e); /* evlex_free(NULL) is a no-op */

/* The code's entry, or NULL when the codebook lacks it. */
const ev_code *evlex_code(const evlex *e, const char *code);
size_t evlex_ncodes(const evlex *e);
size_t evlex_npatterns(const evlex *e);

/* Key of a word as patterns and cues use it: folded and stemmed parts
 * joined by '-' ("co-operation" -> "co-oper"), or with `exact` folded
 * only, after a '='. Writes at most cap bytes; returns the length (0 when
 * the word has no letters or digits). */
size_t evlex_word_key(stem_cache *sc, const char *w, size_t n, int exact, char *out, size_t cap);

/* Whether some pattern has an exact word (`word!`): else texts need no
 * exact keys. */
int evlex_has_exact(const evlex *e);

/* Key ids run from 1 to evlex_nkeys(). */
size_t evlex_nkeys(const evlex *e);

/* What key k is used for, as EV_KEY_* bits (0 for 0 or an unknown key):
 * read from one byte a key, so that a coder looks in the larger tables
 * only for the keys they hold something for. */
enum { EV_KEY_ANCHOR = 1, EV_KEY_CUE = 2, EV_KEY_SET = 4 };
unsigned evlex_key_uses(const evlex *e, uint32_t k);

/* The key sets of pattern words (ev_elem.set) run from 1 to evlex_nsets();
 * evlex_key_sets() lists the sets holding key k, so that a sentence can
 * mark which pattern words it contains once, word by word. */
size_t evlex_nsets(const evlex *e);
const uint32_t *evlex_key_sets(const evlex *e, uint32_t k, size_t *count);

/* Id of a key (> 0), or 0 when no pattern or cue uses it. */
uint32_t evlex_key_id(const evlex *e, const char *key, size_t n);

/* Patterns whose first word may be key id `k`, most specific first. */
const ev_pattern *const *evlex_anchored(const evlex *e, uint32_t k, size_t *count);
/* Parallel to evlex_anchored(e, k, ...): the key sets (ev_elem.set) of the
 * required words after the anchor of pattern j are need[at[j] .. at[j+1]),
 * in order; NULL when k anchors nothing. */
const uint32_t *evlex_anchored_needs(const evlex *e, uint32_t k, const uint32_t **at);

/* Cue phrases starting with key id `k`: each a sequence of key ids. */
typedef struct ev_cue_phrase {
    ev_cue cls;
    uint16_t n;
    const uint32_t *keys;
} ev_cue_phrase;
const ev_cue_phrase *evlex_cues(const evlex *e, uint32_t k, size_t *count);

#endif
