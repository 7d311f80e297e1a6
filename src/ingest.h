/* ingest.h: the ingest pipeline: walk the inputs, read each file with the
 * reader its extension selects, finish each document and store it, one
 * transaction per file (JSON Lines streams commit every batch of records). */
#ifndef INGEST_H
#define INGEST_H

#include <stdint.h>
#include <stdio.h>

#include "analyze.h"
#include "kr.h"
#include "rd.h"
#include "store.h"

typedef struct ingest_stats {
    size_t files;         /* input files read */
    size_t files_skipped; /* already ingested, unchanged since */
    size_t docs_new;      /* documents stored */
    size_t docs_dup;      /* documents already stored (same content) */
    size_t rejected;      /* files or records rejected, each reported */
    size_t mentions;      /* entity mentions stored */
    size_t events;        /* events stored */
    size_t lexicon_problems; /* faulty lexicon lines left out */
    uint64_t bytes;       /* input bytes read */
    double seconds;
    /* seconds spent per stage (the rest: reading, listing, commits) */
    double t_finish;      /* doc_finish: normalization, header, language */
    double t_store;       /* storing and indexing documents */
    double t_entities;    /* matching and resolving entities */
    double t_events;      /* coding events */
    double t_mentions;    /* storing mentions */
    double t_indexes;     /* building the indexes after a bulk load */
} ingest_stats;

/* An input is one transaction unless it is bigger than this: then it is
 * committed every INGEST_BATCH_DOCS records or INGEST_BATCH_BYTES of text. */
#define INGEST_BATCH_DOCS 10000
#define INGEST_BATCH_BYTES ((size_t)32 << 20)

typedef struct ingest_opts {
    /* Told about each rejected file or record (e->file names the input,
     * e->line the record of a JSON Lines input, 0 otherwise). */
    void (*report)(void *ud, const kr_error *e);
    void *ud;
    FILE *progress;     /* stderr on a terminal, else NULL */
    const char *lexicon; /* folder of lexicon files, NULL: the built-in one */
    int no_entities;     /* store and index the documents only */
    size_t batch_docs;  /* records per transaction in a stream; 0: INGEST_BATCH_DOCS */
    /* Without a store (st == NULL), each analyzed document is passed here
     * instead of being stored; a nonzero return stops the run. */
    int (*coded)(void *ud, const kr_doc *d, const char *id, const analysis *an);
} ingest_opts;

/* Ingests every path (files, folders walked recursively, "-" for JSON Lines
 * on stdin) into st, or, when st is NULL, analyzes each document and passes
 * it to o->coded (no dedup, no resume: a stateless filter). Bad inputs are reported and skipped. Returns 0, or a
 * negative KR_E* code when the run had to stop (database or memory error),
 * with err filled; what was committed before stays stored. */
int ingest_paths(store *st, const char *const *paths, size_t npaths, const ingest_opts *o,
                 ingest_stats *stats, kr_error *err);

/* The reader for a file name, by extension (.txt, .text, .html, .htm,
 * .jsonl, .ndjson; no extension reads as text). NULL when unsupported. */
typedef int (*ingest_reader)(const char *, const char *, size_t, kr_arena *, const rd_sink *,
                             kr_error *);
ingest_reader ingest_reader_for(const char *path, int explicit_path);

#endif
