/* store.h: the SQLite store: documents with their metadata, the full-text
 * index, and the record of finished input files that makes an interrupted
 * ingest resumable. All SQL of kronika lives in store.c. */
#ifndef STORE_H
#define STORE_H

#include <stdint.h>

#include "doc.h"
#include "ent.h"
#include "ev.h"
#include "evout.h"
#include "kr.h"

typedef struct store store;

enum { STORE_READ = 0, STORE_WRITE = 1 };

/* Opens (with STORE_WRITE: creates and migrates) the database at path.
 * Readers may open while an ingest writes (WAL). On failure returns KR_EDB
 * or KR_EIO with a message naming path. */
int store_open(const char *path, int mode, store **out, kr_error *err);
void store_close(store *s); /* store_close(NULL) is a no-op */

/* Schema version this build writes. */
int store_schema_version(void);

/* A bulk load: when `bytes` of input are at least 1/STORE_BULK_SHARE of
 * the database's size, its secondary indexes (of dates, actors, entities)
 * are dropped, and store_bulk_end builds them again by sorting, several
 * times cheaper than inserting into them row by row. Returns 1 when they
 * were dropped, 0 when the load is too small for it (then any index a
 * load killed before its end left out is built now), <0 on error. Queries
 * give the same results without them, only slower. */
#define STORE_BULK_SHARE 8
int store_bulk_begin(store *s, uint64_t bytes, kr_error *err);
int store_bulk_end(store *s, kr_error *err);

int store_begin(store *s, kr_error *err);
int store_commit(store *s, kr_error *err);
void store_rollback(store *s);

/* 1 when a document with this content id is stored, 0 if not, <0 on error. */
int store_has_doc(store *s, const char *id, kr_error *err);
/* Stores a finished document (doc_finish done) under id, indexes it, and
 * gives its row id (for its mentions). */
int store_put_doc(store *s, const kr_doc *d, const char *id, int64_t *rowid, kr_error *err);
/* Stores the mentions of document `doc` (a row id) and their entities. */
int store_put_mentions(store *s, int64_t doc, const ent_mention *m, size_t n, kr_error *err);

/* 1 when the input file was already ingested completely with this size and
 * modification time, 0 if not, <0 on error. */
int store_file_done(store *s, const char *path, int64_t size, int64_t mtime, kr_error *err);
int store_file_mark(store *s, const char *path, int64_t size, int64_t mtime, int64_t docs,
                    kr_error *err);

/* A stored document as queries return it; strings are NULL when absent and
 * valid only during the callback. */
typedef struct store_doc {
    const char *id, *path, *url, *title, *lang, *date, *dateline, *agency, *source;
    const char *text; /* only from store_doc_get; NULL in listings */
    const char *lead; /* listings: the first bytes of the body (may end mid-character) */
    int64_t rowid;    /* only from store_doc_get */
    size_t text_n;
    int64_t chars, body;
    double score;        /* search: higher is better */
    const char *snippet; /* search: text around the hits, hits in [ ] */
} store_doc;

typedef int (*store_doc_fn)(void *ud, const store_doc *d);

/* Calls fn for every document in ingest order (limit 0: all). */
int store_docs(store *s, size_t limit, store_doc_fn fn, void *ud, kr_error *err);
/* Finds one document by id or unique id prefix (4+ hex chars). Returns 1 if
 * found (fn called), 0 if none, KR_EUSAGE if the prefix is ambiguous. */
int store_doc_get(store *s, const char *id, store_doc_fn fn, void *ud, kr_error *err);
/* Full-text search: every word of `query` must match (stemmed, as a prefix);
 * best first. Returns the number of hits or <0. */
int store_search(store *s, const char *query, size_t limit, store_doc_fn fn, void *ud,
                 kr_error *err);
/* An entity with its mention count; spans only when listing one document
 * (the first STORE_MAX_SPANS). Strings valid during the callback. */
#define STORE_MAX_SPANS 256
typedef struct store_span {
    int64_t start, end;
    const char *text; /* not NUL-terminated */
    size_t text_n;
} store_span;

typedef struct store_entity {
    const char *id, *type, *name, *country, *code;
    int64_t mentions;
    int known;
    store_span spans[STORE_MAX_SPANS];
    size_t nspans;
} store_entity;

typedef int (*store_entity_fn)(void *ud, const store_entity *e);

/* Entities by mention count, optionally of one type (PER ...) and/or one
 * document (id or prefix). Returns the number listed or <0. */
int store_entities(store *s, const char *type, const char *doc, store_entity_fn fn, void *ud,
                   kr_error *err);

/* The mentions of one document (row id from store_doc_get) in text order. */
typedef struct store_mention {
    int64_t start, end;
    const char *entity, *kind, *type, *code;
} store_mention;
typedef int (*store_mention_fn)(void *ud, const store_mention *m);
int store_doc_mentions(store *s, int64_t doc, store_mention_fn fn, void *ud, kr_error *err);

/* Stores the events of document `doc` (row id; `docid` its hex id). */
int store_put_events(store *s, int64_t doc, const char *docid, const ev_event *e, size_t n,
                     kr_error *err);

/* Filters of `kronika events`; NULL fields do not filter. An actor value
 * is an entity id, an actor code, a country code or a canonical name. */
typedef struct store_event_filter {
    const char *actor, *source, *target; /* actor: either side */
    const char *code;                    /* CAMEO prefix */
    const char *since, *until;           /* YYYY-MM-DD, inclusive */
    const char *lang, *doc;              /* doc: id or prefix */
    size_t limit;                        /* 0: all */
} store_event_filter;
typedef int (*store_event_fn)(void *ud, const ev_record *r);
/* Events in date order; strings valid during the callback. Returns the
 * number listed or <0. */
int store_events(store *s, const store_event_filter *f, store_event_fn fn, void *ud,
                 kr_error *err);

/* Counts for summaries. */
int64_t store_count_docs(store *s);

#endif
