/* ev.h: the event coder. Reads one document's sentences with its entity
 * mentions and codes every pattern of the event lexicon found there into
 * event records: source and target actors around the pattern, CAMEO code,
 * mode (actual, intent, reported, hypothetical), negation, date and place,
 * the sentence as evidence. Repeats of one event in a document are merged.
 * The method is described in docs/events.md. */
#ifndef EV_H
#define EV_H

#include "arena.h"
#include "date.h"
#include "ent.h"
#include "evlex.h"
#include "lex.h"
#include "kr.h"

typedef enum { EV_ACTUAL = 0, EV_INTENT, EV_REPORTED, EV_HYPOTHETICAL } ev_mode;

/* One side of an event: the actor's entity and the words that name it. */
typedef struct ev_side {
    const char *entity; /* entity id, NULL when the text names no actor */
    const char *code;   /* actor code, or NULL */
    const char *country;
    const char *name;   /* canonical name */
    const char *type;   /* "PER", "ORG", "GPE", "LOC" */
    kr_span span;       /* the actor's words in the text */
    int known;          /* a lexicon entity (not a candidate) */
} ev_side;

typedef struct ev_event {
    ev_side source, target;
    const ev_code *code;
    ev_mode mode;
    int negated;
    kr_date date;          /* y == 0: unknown */
    const char *place;     /* where it happened (canonical name), or NULL */
    const char *place_country;
    kr_span evidence;      /* the sentence */
    size_t sentence;       /* its number in the report, from 1 */
    double confidence;     /* 0..1 */
    const char *pattern_file; /* the pattern that coded it, for explanations */
    size_t pattern_line;
} ev_event;

typedef struct ev_ctx ev_ctx;

/* Prepares coding with an event lexicon and the actor lexicon (for the
 * names of states a place stands for; may be NULL), both borrowed and
 * read-only. One context per thread: it holds a stem cache. */
int ev_new(const evlex *lex, const lex_db *actors, ev_ctx **out);
void ev_free(ev_ctx *c); /* ev_free(NULL) is a no-op */

/* Codes text[body..n) of a report dated `date` whose header names the
 * place `dateline` (may be NULL), given its entity mentions (in text
 * order) and its tokens td (tok_run from `body`; NULL: the text is
 * tokenized here). The events are allocated in `a`, in text order. */
int ev_code_doc(ev_ctx *c, const char *text, size_t n, size_t body, const tok_doc *td, kr_date date,
                const ent_mention *dateline, const ent_mention *mv, size_t nm, kr_arena *a,
                ev_event **out, size_t *count);

/* "actual", "intent", "reported", "hypothetical". */
const char *ev_mode_name(ev_mode m);

#endif
