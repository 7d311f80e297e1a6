/* analyze.h: the analysis of one finished document: entity mentions
 * (ent.h) and events (ev.h), with the lexicons loaded once per run. Shared
 * by `ingest`, which stores the results, and `code`, which prints them. */
#ifndef ANALYZE_H
#define ANALYZE_H

#include "arena.h"
#include "doc.h"
#include "ent.h"
#include "ev.h"
#include "kr.h"

typedef struct analyzer analyzer;

/* Loads the lexicons from `lexdir` (NULL: the built-in ones) and compiles
 * them. Errors: KR_EFORMAT/KR_EIO with err filled, KR_ENOMEM. */
int analyzer_new(const char *lexdir, analyzer **out, kr_error *err);
void analyzer_free(analyzer *an); /* analyzer_free(NULL) is a no-op */
/* Faulty lexicon lines that were left out (kronika lexicon check tells
 * which); 0 for a sound lexicon. */
size_t analyzer_problems(const analyzer *an);

typedef struct analysis {
    ent_mention *mentions;
    size_t nmentions;
    ev_event *events;
    size_t nevents;
    double t_entities, t_events; /* seconds spent */
} analysis;

/* Analyzes d (after doc_finish); results live in `a`. */
int analyzer_run(analyzer *an, const kr_doc *d, kr_arena *a, analysis *out);

#endif
