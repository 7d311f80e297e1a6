/* ent.h: entity recognition and resolution inside one document: lexicon
 * matches become mentions of entities with the actor code they had on the
 * report's date; surnames after a full name, role descriptions ("the top
 * Russian diplomat", "глава МИД Азербайджана"), capitals acting for their
 * state ("Baku announced") and demonyms are resolved; unknown capitalized
 * names are kept as candidates with a guessed type. */
#ifndef ENT_H
#define ENT_H

#include "arena.h"
#include "date.h"
#include "kr.h"
#include "lex.h"
#include "match.h"

typedef struct ent_ctx ent_ctx;

/* Prepares resolution with a lexicon and its matcher (both borrowed and
 * read-only). The context holds per-thread caches; one per thread. */
int ent_new(const lex_db *lex, const match_db *m, ent_ctx **out);
void ent_free(ent_ctx *c); /* ent_free(NULL) is a no-op */

typedef enum {
    ENT_NAME = 1,  /* a name of the entity */
    ENT_SURNAME,   /* a surname after (or without) the full name */
    ENT_ROLE,      /* a role description resolved to its holder */
    ENT_GROUP,     /* a role word for a group of a state (Armenian troops) */
    ENT_METONYM,   /* a capital standing for its state (Baku said) */
    ENT_ADJ,       /* a demonym or adjective (Azerbaijani) */
    ENT_CANDIDATE  /* an unknown name */
} ent_kind;

/* One mention. Strings point into the lexicon or the arena. */
typedef struct ent_mention {
    kr_span span;
    const char *id;      /* entity id: lexicon id or candidate slug */
    const char *type;    /* "PER", "ORG", "GPE", "LOC" */
    const char *name;    /* canonical English name (candidates: as written) */
    const char *country; /* alpha-3 or NULL */
    const char *code;    /* actor code on the report's date, or NULL */
    ent_kind kind;
    int agency;          /* a news agency: never an actor */
    long entry;          /* lexicon entry, -1 for candidates */
    long agent;          /* lexicon agent entry of a role/group mention, or of
                          * a state's body named alone (a candidate of no
                          * state: "правительство"), else -1 */
} ent_mention;

/* Finds the mentions in text[from..n) for a report dated `date` (y == 0:
 * unknown; the roles held now are used). td, when not NULL, is the text's
 * tokens (tok_run from `from`), which saves reading the words again.
 * Mentions are in text order, in `a`. */
int ent_resolve(ent_ctx *c, const char *text, size_t n, size_t from, const tok_doc *td,
                kr_date date, kr_arena *a, ent_mention **out, size_t *count);

const char *ent_kind_name(ent_kind k);

#endif
