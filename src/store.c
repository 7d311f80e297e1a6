/* store.c: the SQLite store. Schema changes are numbered migrations applied
 * in order and recorded in PRAGMA user_version; statements are prepared
 * once per connection and always take bound parameters. */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "evout.h"
#include "fold.h"
#include "ftstok.h"
#include "stem.h"

/* Migration k (1-based) brings the schema from version k-1 to k. Never edit
 * a released migration: add a new one. */
static const char *const migrations[] = {
    /* 1: documents, their full-text index, finished input files */
    "CREATE TABLE docs("
    "  rowid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"   /* hex content hash of text */
    "  path TEXT, url TEXT, title TEXT,"
    "  lang TEXT NOT NULL,"        /* ISO 639-1 or 'und' */
    "  date TEXT,"                 /* YYYY-MM-DD */
    "  dateline TEXT, agency TEXT, source TEXT, ext_id TEXT,"
    "  body INTEGER NOT NULL,"     /* byte offset of the body in text */
    "  chars INTEGER NOT NULL,"    /* code points in text */
    "  text TEXT NOT NULL);"       /* NFC UTF-8; all offsets refer to it */
    "CREATE INDEX docs_date ON docs(date);"
    "CREATE VIRTUAL TABLE docs_fts USING fts5(title, text, content='docs',"
    "  content_rowid='rowid', tokenize='kronika');"
    "CREATE TABLE files("
    "  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,"
    "  docs INTEGER NOT NULL);",
    /* 2: entities and their mentions */
    "CREATE TABLE entities("
    "  eid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"      /* lexicon id or candidate slug */
    "  type TEXT NOT NULL,"           /* PER ORG GPE LOC */
    "  name TEXT NOT NULL,"           /* canonical English name */
    "  country TEXT, code TEXT,"
    "  known INTEGER NOT NULL);"      /* 1: from the lexicon, 0: a candidate */
    "CREATE TABLE mentions("          /* one row per entity per document */
    "  doc INTEGER NOT NULL,"         /* docs.rowid */
    "  eid INTEGER NOT NULL,"         /* entities.eid */
    "  n INTEGER NOT NULL,"           /* mentions of the entity in the document */
    "  code TEXT,"                    /* actor code on the report's date */
    "  spans BLOB NOT NULL,"          /* per mention, varints: start - previous end, length, kind */
    "  PRIMARY KEY(doc, eid)) WITHOUT ROWID;"
    "CREATE INDEX mentions_eid ON mentions(eid);",
    /* 3: events, clustered by document (one b-tree write per event and
     * index; the id is a column, not a key) */
    "CREATE TABLE events("
    "  doc INTEGER NOT NULL,"           /* docs.rowid */
    "  seq INTEGER NOT NULL,"           /* order in the document */
    "  id TEXT NOT NULL,"               /* hex hash (evout_event_id) */
    "  date TEXT,"                      /* YYYY-MM-DD, the day it happened */
    "  src INTEGER, src_code TEXT, src_country TEXT, src_start INTEGER, src_end INTEGER,"
    "  tgt INTEGER, tgt_code TEXT, tgt_country TEXT, tgt_start INTEGER, tgt_end INTEGER,"
    "  cameo TEXT NOT NULL, plover TEXT, plover_mode TEXT, label TEXT,"
    "  goldstein REAL NOT NULL, quad INTEGER NOT NULL,"
    "  mode TEXT NOT NULL, negated INTEGER NOT NULL,"
    "  place TEXT, place_country TEXT,"
    "  ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, sentence INTEGER NOT NULL,"
    "  confidence REAL NOT NULL,"
    "  PRIMARY KEY(doc, seq)) WITHOUT ROWID;"
    "CREATE INDEX events_date ON events(date);"
    "CREATE INDEX events_src ON events(src) WHERE src IS NOT NULL;"
    "CREATE INDEX events_tgt ON events(tgt) WHERE tgt IS NOT NULL;",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

/* The secondary indexes, as the migrations define them: a bulk load drops
 * them and builds them again at its end, by one sort each, instead of one
 * random b-tree insert per row (the indexes of events and mentions were a
 * third of an ingest's storing time). Only indexes that no statement of
 * the ingest itself reads may be listed. */
static const struct {
    const char *name, *on;
} rebuilt[] = {
    {"docs_date", "docs(date)"},
    {"mentions_eid", "mentions(eid)"},
    {"events_date", "events(date)"},
    {"events_src", "events(src) WHERE src IS NOT NULL"},
    {"events_tgt", "events(tgt) WHERE tgt IS NOT NULL"},
};
#define NREBUILT (sizeof rebuilt / sizeof rebuilt[0])

enum {
    Q_HAS_DOC, Q_PUT_DOC, Q_PUT_FTS, Q_FILE_DONE, Q_FILE_MARK, Q_DOCS, Q_DOC_GET,
    Q_SEARCH, Q_COUNT, Q_PUT_ENTITY, Q_GET_EID, Q_PUT_MENTION, Q_ENTITIES, Q_DOC_ENTITIES,
    Q_DOC_MENTIONS,
    Q_PUT_EVENT, NQ
};

static const char *const sql[NQ] = {
    [Q_HAS_DOC] = "SELECT 1 FROM docs WHERE id = ?1",
    [Q_PUT_DOC] = "INSERT INTO docs(id, path, url, title, lang, date, dateline, agency,"
                  " source, ext_id, body, chars, text)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [Q_PUT_FTS] = "INSERT INTO docs_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
    [Q_FILE_DONE] = "SELECT 1 FROM files WHERE path = ?1 AND size = ?2 AND mtime = ?3",
    [Q_FILE_MARK] = "INSERT OR REPLACE INTO files(path, size, mtime, docs) VALUES(?1, ?2, ?3, ?4)",
    [Q_DOCS] = "SELECT id, path, url, title, lang, date, dateline, agency, source, chars, body,"
               " substr(CAST(text AS BLOB), body + 1, 240)"
               " FROM docs ORDER BY rowid LIMIT ?1",
    [Q_DOC_GET] = "SELECT id, path, url, title, lang, date, dateline, agency, source, chars,"
                  " body, text, rowid FROM docs WHERE id >= ?1 AND id < ?1 || 'g'"
                  " ORDER BY id LIMIT 2",
    [Q_SEARCH] = "SELECT d.id, d.path, d.url, d.title, d.lang, d.date, d.dateline, d.agency,"
                 " d.source, d.chars, d.body, -bm25(docs_fts, 2.0, 1.0),"
                 " snippet(docs_fts, 1, '[', ']', '...', 16)"
                 " FROM docs_fts JOIN docs d ON d.rowid = docs_fts.rowid"
                 " WHERE docs_fts MATCH ?1 ORDER BY bm25(docs_fts, 2.0, 1.0) LIMIT ?2",
    [Q_COUNT] = "SELECT count(*) FROM docs",
    /* a lexicon entry replaces a candidate stored under the same id (a
     * newer lexicon may know a name an older one left unknown) */
    [Q_PUT_ENTITY] = "INSERT INTO entities(id, type, name, country, code, known)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET"
                     " type = excluded.type, name = excluded.name, country = excluded.country,"
                     " code = excluded.code, known = 1"
                     " WHERE excluded.known = 1 AND entities.known = 0",
    [Q_GET_EID] = "SELECT eid FROM entities WHERE id = ?1",
    /* Mentions and events are stored right after their document's row is
     * made: none can be there yet. OR FAIL, not OR REPLACE or the default
     * ABORT: a statement storing several rows that may abort halfway needs
     * a statement journal, and opening one makes FTS5 write out the index
     * entries it holds for the transaction (a conflict fails the ingest,
     * which rolls the whole transaction back). */
    [Q_PUT_MENTION] = "INSERT OR FAIL INTO mentions(doc, eid, n, code, spans)"
                      " VALUES(?1, ?2, ?3, ?4, ?5)",
    /* ?1 type or NULL; the code most used across the corpus */
    [Q_ENTITIES] = "SELECT e.id, e.type, e.name, e.country,"
                   " (SELECT m2.code FROM mentions m2 WHERE m2.eid = e.eid AND m2.code IS NOT NULL"
                   "   GROUP BY m2.code ORDER BY sum(m2.n) DESC, max(m2.doc) DESC LIMIT 1),"
                   " sum(m.n), e.known"
                   " FROM mentions m JOIN entities e ON e.eid = m.eid"
                   " WHERE (?1 IS NULL OR e.type = ?1)"
                   " GROUP BY e.eid ORDER BY sum(m.n) DESC, e.id",
    /* ?1 type or NULL, ?2 doc rowid: one document's row per entity, with
     * the code on that report's date */
    [Q_DOC_ENTITIES] = "SELECT e.id, e.type, e.name, e.country, m.code, m.n, e.known, m.spans"
                       " FROM mentions m JOIN entities e ON e.eid = m.eid"
                       " WHERE m.doc = ?2 AND (?1 IS NULL OR e.type = ?1)"
                       " ORDER BY m.n DESC, e.id",
    [Q_DOC_MENTIONS] = "SELECT m.spans, e.id, e.type, m.code FROM mentions m"
                       " JOIN entities e ON e.eid = m.eid WHERE m.doc = ?1",
    [Q_PUT_EVENT] = "INSERT OR FAIL INTO events(id, doc, date, src, src_code, src_country,"
                    " src_start, src_end, tgt, tgt_code, tgt_country, tgt_start, tgt_end, cameo,"
                    " seq, plover, plover_mode, label, goldstein, quad, mode, negated, place,"
                    " place_country, ev_start, ev_end, sentence, confidence) VALUES(?1, ?2, ?3,"
                    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                    " ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
};

/* Rows stored by one statement: each step's fixed cost (opening the
 * table's and indexes' cursors, closing them) is paid once for these. */
#define ROWS_SMALL 4
#define ROWS_BIG 16
#define EV_COLS 28
#define MENT_COLS 5

/* Entity ids already stored, so that a mention costs one insert; kept
 * bounded and forgotten on rollback (the rows may be gone). */
#define STORE_EID_SLOTS 65536
typedef struct eid_slot {
    uint64_t hash; /* 0: empty */
    int64_t eid;
    int known;     /* the row is a lexicon entry's */
    char id[72];
} eid_slot;

struct store {
    sqlite3 *db;
    const char *path;
    sqlite3_stmt *q[NQ];
    sqlite3_stmt *ev_rows[2]; /* Q_PUT_EVENT for ROWS_SMALL and ROWS_BIG rows */
    sqlite3_stmt *ment_rows[2]; /* Q_PUT_MENTION likewise */
    kr_buf scratch; /* copies of column values that must outlive a step */
    eid_slot *eids;
    size_t neids;
};

static int db_error(store *s, kr_error *err, const char *what)
{
    /* SQLite reports our own allocation failures (in the tokenizer) and its
     * own as SQLITE_NOMEM: out of memory, not a database problem. */
    int code = s->db && (sqlite3_errcode(s->db) & 0xFF) == SQLITE_NOMEM ? KR_ENOMEM : KR_EDB;
    return kr_errorf(err, code, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : "no database");
}

static fts5_api *fts5_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

/* Runs SQL without results; an error names the first words of the SQL, not
 * all of it, so that SQLite's reason fits in the message. */
static int exec(store *s, const char *q, kr_error *err)
{
    char what[40];
    size_t n = strcspn(q, "(\n");
    if (sqlite3_exec(s->db, q, NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    snprintf(what, sizeof what, "%.*s", (int)(n < sizeof what - 1 ? n : sizeof what - 1), q);
    return db_error(s, err, what);
}

/* A single-row query's integer, or -1. */
static int64_t query_int(store *s, const char *q)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int migrate(store *s, kr_error *err)
{
    int v = (int)query_int(s, "PRAGMA user_version"), rc;
    if (v < 0)
        return db_error(s, err, "reading schema version");
    if (v > NMIGRATIONS)
        return kr_errorf(err, KR_EDB, "database schema version %d is newer than this kronika (%d)",
                         v, NMIGRATIONS);
    for (; v < NMIGRATIONS; v++) {
        char set[64];
        if ((rc = exec(s, "BEGIN IMMEDIATE", err)) != 0)
            return rc;
        snprintf(set, sizeof set, "PRAGMA user_version = %d", v + 1);
        if ((rc = exec(s, migrations[v], err)) != 0 || (rc = exec(s, set, err)) != 0) {
            store_rollback(s);
            return rc;
        }
        if ((rc = exec(s, "COMMIT", err)) != 0)
            return rc;
    }
    return 0;
}

int store_schema_version(void)
{
    return NMIGRATIONS;
}

/* In one transaction, drops the secondary indexes (`drop`) or builds
 * those that are missing: all after a bulk load, and any that a load
 * killed before its end left out. */
static int indexes_tx(store *s, int drop, kr_error *err)
{
    char q[160];
    size_t k;
    int rc = store_begin(s, err);
    for (k = 0; k < NREBUILT && rc == 0; k++) {
        if (drop)
            snprintf(q, sizeof q, "DROP INDEX IF EXISTS %s", rebuilt[k].name);
        else
            snprintf(q, sizeof q, "CREATE INDEX IF NOT EXISTS %s ON %s", rebuilt[k].name, rebuilt[k].on);
        rc = exec(s, q, err);
    }
    if (rc || (rc = store_commit(s, err)) != 0)
        store_rollback(s);
    return rc;
}

int store_bulk_begin(store *s, uint64_t bytes, kr_error *err)
{
    int64_t pages = query_int(s, "PRAGMA page_count"), size = query_int(s, "PRAGMA page_size");
    int rc;
    if (pages < 0 || size < 0)
        return db_error(s, err, "reading the database size");
    /* a small load keeps them up to date row by row, after building any
     * a killed load left out */
    if (bytes < (uint64_t)(pages * size) / STORE_BULK_SHARE || bytes == 0)
        return indexes_tx(s, 0, err);
    return (rc = indexes_tx(s, 1, err)) != 0 ? rc : 1;
}

int store_bulk_end(store *s, kr_error *err)
{
    store_rollback(s); /* what a failed commit left open */
    return indexes_tx(s, 0, err);
}

/* Prepares statement q (an INSERT of one row of ncols parameters, in
 * column order) for nrows rows: the parameters of a row follow those of
 * the row before it. */
static int prepare_rows(store *s, int q, int ncols, int nrows, sqlite3_stmt **out, kr_error *err)
{
    const char *values = strstr(sql[q], " VALUES(");
    kr_buf b = {0};
    int r, c, rc = kr_buf_append(&b, sql[q], (size_t)(values - sql[q]) + 7);
    for (r = 0; r < nrows && rc == 0; r++)
        for (c = 0; c < ncols && rc == 0; c++)
            rc = kr_buf_puts(&b, c == 0 ? (r ? ",(?" : "(?") : c == ncols - 1 ? ",?)" : ",?");
    if (rc || kr_buf_putc(&b, '\0'))
        rc = kr_errorf(err, KR_ENOMEM, "out of memory");
    else if (sqlite3_prepare_v3(s->db, b.p, -1, SQLITE_PREPARE_PERSISTENT, out, NULL) != SQLITE_OK)
        rc = db_error(s, err, "preparing statements");
    kr_buf_free(&b);
    return rc;
}

int store_open(const char *path, int mode, store **out, kr_error *err)
{
    store *s = kr_calloc(1, sizeof *s);
    /* A store is used by one thread at a time, so the connection needs no
     * mutex of its own (SQLite takes it on every call: ~4% of an ingest) */
    int flags = SQLITE_OPEN_NOMUTEX |
                (mode == STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
    int rc, k;
    fts5_api *api;
    if (!s)
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    s->path = path;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        rc = kr_errorf(err, KR_EDB, "cannot open database %s: %s", path,
                       s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    if (!(api = fts5_of(s->db)) || ftstok_register(api) != SQLITE_OK) {
        rc = db_error(s, err, "registering the full-text tokenizer");
        goto fail;
    }
    if (mode == STORE_WRITE) {
        /* Pages of 16 KB for a new database (an existing one keeps its
         * own): a report's text fits in one page with its neighbours, and
         * an ingest of the bench corpus takes about 7% less time than with
         * 4 KB pages, in a 3% smaller file. */
        if (exec(s, "PRAGMA page_size = 16384", NULL) != 0 ||
            exec(s, "PRAGMA journal_mode = WAL", NULL) != 0) {
            rc = kr_errorf(err, KR_EDB, "cannot open database %s: %s", path, sqlite3_errmsg(s->db));
            goto fail;
        }
        /* A page cache of fixed size (32 MB) keeps the mention index's
         * random inserts in memory, and checkpoints every 32 MB of log
         * instead of 4 MB cost fewer syncs; neither grows with the corpus. */
        if ((rc = exec(s, "PRAGMA synchronous = NORMAL", err)) != 0 ||
            (rc = exec(s, "PRAGMA cache_size = -32768", err)) != 0 ||
            (rc = exec(s, "PRAGMA wal_autocheckpoint = 8192", err)) != 0 || (rc = migrate(s, err)) != 0)
            goto fail;
    } else {
        int v = (int)query_int(s, "PRAGMA user_version");
        if (v < 0) {
            rc = db_error(s, err, path);
            goto fail;
        }
        if (v > NMIGRATIONS) {
            rc = kr_errorf(err, KR_EDB, "%s: database schema version %d is newer than this kronika (%d)",
                           path, v, NMIGRATIONS);
            goto fail;
        }
        if (v < NMIGRATIONS) {
            rc = kr_errorf(err, KR_EDB, "%s: schema version %d is older than this kronika's (%d);"
                           " run kronika ingest to upgrade it", path, v, NMIGRATIONS);
            goto fail;
        }
    }
    for (k = 0; k < NQ; k++)
        if (sqlite3_prepare_v3(s->db, sql[k], -1, SQLITE_PREPARE_PERSISTENT, &s->q[k], NULL) != SQLITE_OK) {
            rc = db_error(s, err, "preparing statements");
            goto fail;
        }
    if (mode == STORE_WRITE &&
        ((rc = prepare_rows(s, Q_PUT_EVENT, EV_COLS, ROWS_SMALL, &s->ev_rows[0], err)) != 0 ||
         (rc = prepare_rows(s, Q_PUT_EVENT, EV_COLS, ROWS_BIG, &s->ev_rows[1], err)) != 0 ||
         (rc = prepare_rows(s, Q_PUT_MENTION, MENT_COLS, ROWS_SMALL, &s->ment_rows[0], err)) != 0 ||
         (rc = prepare_rows(s, Q_PUT_MENTION, MENT_COLS, ROWS_BIG, &s->ment_rows[1], err)) != 0))
        goto fail;
    *out = s;
    return 0;
fail:
    store_close(s);
    return rc;
}

void store_close(store *s)
{
    int k;
    if (!s)
        return;
    for (k = 0; k < NQ; k++)
        sqlite3_finalize(s->q[k]);
    sqlite3_finalize(s->ev_rows[0]);
    sqlite3_finalize(s->ev_rows[1]);
    sqlite3_finalize(s->ment_rows[0]);
    sqlite3_finalize(s->ment_rows[1]);
    sqlite3_close(s->db);
    kr_buf_free(&s->scratch);
    kr_free(s->eids);
    kr_free(s);
}

int store_begin(store *s, kr_error *err)
{
    return exec(s, "BEGIN IMMEDIATE", err);
}

int store_commit(store *s, kr_error *err)
{
    return exec(s, "COMMIT", err);
}

void store_rollback(store *s)
{
    if (s->eids) {
        memset(s->eids, 0, STORE_EID_SLOTS * sizeof *s->eids);
        s->neids = 0;
    }
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Binds a kr_str as text, NULL when empty. */
static void bind_str(sqlite3_stmt *st, int k, kr_str v)
{
    if (v.n)
        sqlite3_bind_text(st, k, v.p, (int)v.n, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, k);
}

/* Runs a statement that returns no row (or whose row we ignore). */
static int step_done(store *s, sqlite3_stmt *st, kr_error *err, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_error(s, err, what);
    return rc == SQLITE_ROW;
}

/* The statement to store the next rows with, of `left` still to store:
 * as many rows a statement as there are, 16, 4, then one by one. batch
 * holds the statements for ROWS_SMALL and ROWS_BIG rows, one stores one. */
static sqlite3_stmt *rows_stmt(sqlite3_stmt *const batch[2], sqlite3_stmt *one, size_t left,
                               size_t *rows)
{
    *rows = left >= ROWS_BIG ? ROWS_BIG : left >= ROWS_SMALL ? ROWS_SMALL : 1;
    return *rows == ROWS_BIG ? batch[1] : *rows == ROWS_SMALL ? batch[0] : one;
}

/* Runs an INSERT whose parameters are all bound anew before each step, so
 * that the bindings need no clearing. */
static int step_rows(store *s, sqlite3_stmt *st, kr_error *err, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_error(s, err, what);
}

int store_has_doc(store *s, const char *id, kr_error *err)
{
    sqlite3_bind_text(s->q[Q_HAS_DOC], 1, id, -1, SQLITE_STATIC);
    return step_done(s, s->q[Q_HAS_DOC], err, "looking up a document");
}

static int64_t count_chars(const char *p, size_t n)
{
    int64_t c = 0;
    size_t i;
    for (i = 0; i < n; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c;
}

int store_put_doc(store *s, const kr_doc *d, const char *id, int64_t *rowid, kr_error *err)
{
    sqlite3_stmt *st = s->q[Q_PUT_DOC];
    char date[11];
    int rc;
    if (d->text.n > INT32_MAX)
        return kr_errorf(err, KR_ELIMIT, "document too large");
    date_format(d->date, date);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    bind_str(st, 2, (kr_str){d->path, d->path ? strlen(d->path) : 0});
    bind_str(st, 3, d->url);
    bind_str(st, 4, d->title);
    bind_str(st, 5, d->lang);
    bind_str(st, 6, (kr_str){date, strlen(date)});
    bind_str(st, 7, d->dateline);
    bind_str(st, 8, d->agency);
    bind_str(st, 9, d->source);
    bind_str(st, 10, d->ext_id);
    sqlite3_bind_int64(st, 11, (sqlite3_int64)d->body);
    sqlite3_bind_int64(st, 12, count_chars(d->text.p, d->text.n));
    sqlite3_bind_text(st, 13, d->text.p, (int)d->text.n, SQLITE_STATIC);
    if ((rc = step_done(s, st, err, "storing a document")) < 0)
        return rc;
    *rowid = sqlite3_last_insert_rowid(s->db);
    st = s->q[Q_PUT_FTS];
    sqlite3_bind_int64(st, 1, *rowid);
    bind_str(st, 2, d->title);
    sqlite3_bind_text(st, 3, d->text.p, (int)d->text.n, SQLITE_STATIC);
    rc = step_done(s, st, err, "indexing a document");
    return rc < 0 ? rc : 0;
}

int store_file_done(store *s, const char *path, int64_t size, int64_t mtime, kr_error *err)
{
    sqlite3_stmt *st = s->q[Q_FILE_DONE];
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, size);
    sqlite3_bind_int64(st, 3, mtime);
    return step_done(s, st, err, "looking up an input file");
}

int store_file_mark(store *s, const char *path, int64_t size, int64_t mtime, int64_t docs,
                    kr_error *err)
{
    sqlite3_stmt *st = s->q[Q_FILE_MARK];
    int rc;
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, size);
    sqlite3_bind_int64(st, 3, mtime);
    sqlite3_bind_int64(st, 4, docs);
    rc = step_done(s, st, err, "recording an input file");
    return rc < 0 ? rc : 0;
}

static const char *col(sqlite3_stmt *st, int k)
{
    return (const char *)sqlite3_column_text(st, k);
}

/* Steps a listing statement, calling fn per row; columns follow Q_DOCS. */
static int each_doc(store *s, sqlite3_stmt *st, int extra, store_doc_fn fn, void *ud,
                    kr_error *err)
{
    int rc, n = 0, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_doc d;
        memset(&d, 0, sizeof d);
        d.id = col(st, 0);
        d.path = col(st, 1);
        d.url = col(st, 2);
        d.title = col(st, 3);
        d.lang = col(st, 4);
        d.date = col(st, 5);
        d.dateline = col(st, 6);
        d.agency = col(st, 7);
        d.source = col(st, 8);
        d.chars = sqlite3_column_int64(st, 9);
        d.body = sqlite3_column_int64(st, 10);
        if (extra == 0) {
            d.lead = col(st, 11);
        } else if (extra == 1) {
            d.text = col(st, 11);
            d.text_n = (size_t)sqlite3_column_bytes(st, 11);
            d.rowid = sqlite3_column_int64(st, 12);
        } else if (extra == 2) {
            d.score = sqlite3_column_double(st, 11);
            d.snippet = col(st, 12);
        }
        n++;
        stop = fn(ud, &d) != 0;
    }
    if (!stop && rc != SQLITE_DONE) {
        n = db_error(s, err, "reading documents");
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return n;
}

int store_docs(store *s, size_t limit, store_doc_fn fn, void *ud, kr_error *err)
{
    sqlite3_bind_int64(s->q[Q_DOCS], 1, limit ? (sqlite3_int64)limit : -1);
    return each_doc(s, s->q[Q_DOCS], 0, fn, ud, err);
}

static int count_only(void *ud, const store_doc *d)
{
    (void)d;
    (*(int *)ud)++;
    return 0;
}

int store_doc_get(store *s, const char *id, store_doc_fn fn, void *ud, kr_error *err)
{
    size_t n = strlen(id), i;
    int found = 0, rc;
    char low[80];
    if (n < 4 || n > 64)
        return kr_errorf(err, KR_EUSAGE, "document id must have 4 to 64 hex digits: %s", id);
    for (i = 0; i < n; i++) {
        char c = (char)kr_tolower((unsigned char)id[i]);
        if (!(kr_isdigit(c) || (c >= 'a' && c <= 'f')))
            return kr_errorf(err, KR_EUSAGE, "not a document id: %s", id);
        low[i] = c;
    }
    low[n] = '\0';
    sqlite3_bind_text(s->q[Q_DOC_GET], 1, low, -1, SQLITE_TRANSIENT);
    rc = each_doc(s, s->q[Q_DOC_GET], 1, count_only, &found, err);
    if (rc < 0)
        return rc;
    if (found > 1)
        return kr_errorf(err, KR_EUSAGE, "ambiguous document id prefix: %s", id);
    if (found == 0)
        return 0;
    sqlite3_bind_text(s->q[Q_DOC_GET], 1, low, -1, SQLITE_TRANSIENT);
    rc = each_doc(s, s->q[Q_DOC_GET], 1, fn, ud, err);
    return rc < 0 ? rc : 1;
}

/* Appends one query term: quoted (so no user text is FTS5 syntax; folded
 * words hold no quotes), a prefix term when the stem has 4+ characters so
 * that it matches the longer stems of other forms of the word. */
static void put_term(kr_buf *out, const char *t, size_t n)
{
    size_t i, chars = 0;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)t[i] & 0xC0) != 0x80;
    kr_buf_putc(out, '"');
    kr_buf_append(out, t, n);
    kr_buf_puts(out, chars >= 4 ? "\"*" : "\"");
}

/* Turns free text into an FTS5 expression: every word is required. A word
 * is folded and stemmed as the index was; because Snowball gives some
 * inflected forms of one name different stems (Пашиняну -> пашинян, but
 * Пашиняна -> пашиня), the stem of the stem is accepted too:
 * ("пашинян"* OR "пашиня"*). */
static int fts_query(const char *q, kr_buf *out)
{
    stem_cache *sc = stem_new();
    char buf[FOLD_MAX_WORD + 8], first[FOLD_MAX_WORD + 8];
    size_t pos = 0, n = strlen(q);
    fold_word w;
    if (!sc)
        return KR_ENOMEM;
    while (fold_next(q, n, &pos, buf, &w)) {
        kr_str s1, s2;
        if (stem_word(sc, w.script, buf, w.n, &s1))
            break;
        memcpy(first, s1.p, s1.n);
        if (stem_word(sc, w.script, first, s1.n, &s2))
            break;
        if (out->n)
            kr_buf_putc(out, ' ');
        if (s2.n == s1.n && memcmp(s2.p, first, s1.n) == 0) {
            put_term(out, first, s1.n);
        } else {
            kr_buf_putc(out, '(');
            put_term(out, first, s1.n);
            kr_buf_puts(out, " OR ");
            put_term(out, s2.p, s2.n);
            kr_buf_putc(out, ')');
        }
    }
    stem_free(sc);
    return kr_buf_reserve(out, 0) ? KR_ENOMEM : 0;
}

int store_search(store *s, const char *query, size_t limit, store_doc_fn fn, void *ud,
                 kr_error *err)
{
    kr_buf q = {0};
    int rc;
    if (fts_query(query, &q)) {
        kr_buf_free(&q);
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    }
    if (!q.n) {
        kr_buf_free(&q);
        return kr_errorf(err, KR_EUSAGE, "no words to search for in '%s'", query);
    }
    sqlite3_bind_text(s->q[Q_SEARCH], 1, q.p, (int)q.n, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s->q[Q_SEARCH], 2, limit ? (sqlite3_int64)limit : -1);
    rc = each_doc(s, s->q[Q_SEARCH], 2, fn, ud, err);
    kr_buf_free(&q);
    return rc;
}

int64_t store_count_docs(store *s)
{
    sqlite3_stmt *st = s->q[Q_COUNT];
    int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

/* The eid of an entity id: from the cache, else stored (if new) and read. */
static int entity_eid(store *s, const ent_mention *m, int64_t *eid, kr_error *err)
{
    uint64_t h = XXH3_64bits(m->id, strlen(m->id)) | 1;
    size_t mask = STORE_EID_SLOTS - 1, i;
    sqlite3_stmt *st;
    int rc;
    for (i = h & mask; s->eids[i].hash; i = (i + 1) & mask)
        if (s->eids[i].hash == h && strcmp(s->eids[i].id, m->id) == 0) {
            if (s->eids[i].known || m->entry < 0) {
                *eid = s->eids[i].eid;
                return 0;
            }
            break; /* a candidate's row, now met as a lexicon entry: upsert */
        }
    st = s->q[Q_PUT_ENTITY];
    sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->country, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, m->entry >= 0 ? m->code : NULL, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, m->entry >= 0);
    if ((rc = step_done(s, st, err, "storing an entity")) < 0)
        return rc;
    st = s->q[Q_GET_EID];
    sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = db_error(s, err, "reading an entity");
        sqlite3_reset(st);
        return rc;
    }
    *eid = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    /* remember it; a full cache starts over, so memory stays bounded */
    if (s->eids[i].hash) { /* the candidate's slot, found above */
        s->eids[i].known = 1;
        return 0;
    }
    if (s->neids >= STORE_EID_SLOTS / 2 || strlen(m->id) >= sizeof s->eids[0].id) {
        if (strlen(m->id) >= sizeof s->eids[0].id)
            return 0;
        memset(s->eids, 0, STORE_EID_SLOTS * sizeof *s->eids);
        s->neids = 0;
        i = h & mask;
    }
    s->eids[i].hash = h;
    s->eids[i].eid = *eid;
    s->eids[i].known = m->entry >= 0;
    memcpy(s->eids[i].id, m->id, strlen(m->id) + 1);
    s->neids++;
    return 0;
}

/* Span lists: per mention three varints (start minus the previous end,
 * length, kind), in text order. */
static void put_varint(kr_buf *b, uint64_t v)
{
    unsigned char c[10];
    size_t n = 0;
    do {
        c[n] = (unsigned char)(v & 0x7F);
        v >>= 7;
        if (v)
            c[n] |= 0x80;
        n++;
    } while (v);
    kr_buf_append(b, c, n);
}

static int get_varint(const unsigned char *p, size_t n, size_t *i, uint64_t *v)
{
    int shift = 0;
    *v = 0;
    while (*i < n && shift < 64) {
        unsigned char c = p[(*i)++];
        *v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80))
            return 1;
        shift += 7;
    }
    return 0;
}

/* Decodes one span of a list at *i; 0 at the end or on a damaged list. */
static int next_span(const unsigned char *p, size_t n, size_t *i, int64_t *prev_end,
                     store_span *out, int *kind)
{
    uint64_t d, len, k;
    if (*i >= n || !get_varint(p, n, i, &d) || !get_varint(p, n, i, &len) ||
        !get_varint(p, n, i, &k))
        return 0;
    out->start = *prev_end + (int64_t)d;
    out->end = out->start + (int64_t)len;
    *prev_end = out->end;
    *kind = (int)k;
    return 1;
}

typedef struct ment_ref {
    int64_t eid;
    size_t k;          /* index into the mentions */
    size_t n;          /* first of an entity's: its mentions */
    size_t off, len;   /* first of an entity's: its spans in the scratch buffer */
    const char *code;  /* first of an entity's: its actor code */
} ment_ref;

static int cmp_ref(const void *a, const void *b)
{
    const ment_ref *x = a, *y = b;
    if (x->eid != y->eid)
        return x->eid < y->eid ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

int store_put_mentions(store *s, int64_t doc, const ent_mention *m, size_t n, kr_error *err)
{
    ment_ref *refs;
    size_t k, g, ng = 0, r, rows;
    int rc = 0;
    if (!n)
        return 0;
    if (!s->eids && !(s->eids = kr_calloc(STORE_EID_SLOTS, sizeof *s->eids)))
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    if (!(refs = kr_malloc(n * sizeof *refs)))
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    for (k = 0; k < n && rc == 0; k++) {
        refs[k].k = k;
        refs[k].eid = 0;
        rc = entity_eid(s, &m[k], &refs[k].eid, err);
    }
    if (rc == 0)
        qsort(refs, n, sizeof *refs, cmp_ref); /* by entity, then text order */
    /* one row per entity: its spans packed one after the other in the
     * scratch buffer, the row's figures kept in refs[ng] (ng <= g) */
    kr_buf_reset(&s->scratch);
    for (g = 0; g < n && rc == 0; ng++) {
        size_t e = g, off = s->scratch.n;
        int64_t prev_end = 0, eid = refs[g].eid;
        const char *code = NULL;
        for (; e < n && refs[e].eid == eid; e++) {
            const ent_mention *x = &m[refs[e].k];
            put_varint(&s->scratch, (uint64_t)((int64_t)x->span.start - prev_end));
            put_varint(&s->scratch, (uint64_t)(x->span.end - x->span.start));
            put_varint(&s->scratch, (uint64_t)x->kind);
            prev_end = (int64_t)x->span.end;
            /* the code of a name beats that of an adjective or a group */
            if (x->code && (!code || x->kind == ENT_NAME || x->kind == ENT_ROLE))
                code = x->code;
        }
        refs[ng].eid = eid;
        refs[ng].n = e - g;
        refs[ng].off = off;
        refs[ng].len = s->scratch.n - off;
        refs[ng].code = code;
        g = e;
    }
    if (rc == 0 && kr_buf_reserve(&s->scratch, 0))
        rc = kr_errorf(err, KR_ENOMEM, "out of memory");
    for (g = 0; g < ng && rc == 0; g += rows) {
        sqlite3_stmt *st = rows_stmt(s->ment_rows, s->q[Q_PUT_MENTION], ng - g, &rows);
        for (r = 0; r < rows; r++) {
            const ment_ref *x = &refs[g + r];
            int b = (int)r * MENT_COLS;
            sqlite3_bind_int64(st, b + 1, doc);
            sqlite3_bind_int64(st, b + 2, x->eid);
            sqlite3_bind_int64(st, b + 3, (sqlite3_int64)x->n);
            sqlite3_bind_text(st, b + 4, x->code, -1, SQLITE_STATIC);
            sqlite3_bind_blob(st, b + 5, s->scratch.p + x->off, (int)x->len, SQLITE_STATIC);
        }
        rc = step_rows(s, st, err, "storing mentions");
    }
    kr_free(refs);
    return rc;
}

/* The row id and a copy of the text of the document found. */
typedef struct doc_text {
    int64_t rowid;
    kr_buf text;
    int nomem;
} doc_text;

static int doc_text_of(void *ud, const store_doc *d)
{
    doc_text *x = ud;
    x->rowid = d->rowid;
    x->nomem = kr_buf_append(&x->text, d->text, d->text_n) != 0;
    return 0;
}

/* One row of Q_DOC_ENTITIES into e, its spans' texts pointing into the
 * document's text. */
static void doc_entity_row(sqlite3_stmt *st, const kr_buf *text, store_entity *e)
{
    const unsigned char *blob = sqlite3_column_blob(st, 7);
    size_t bn = (size_t)sqlite3_column_bytes(st, 7), i = 0;
    int64_t prev = 0;
    int kind;
    while (e->nspans < STORE_MAX_SPANS && next_span(blob, bn, &i, &prev, &e->spans[e->nspans], &kind)) {
        store_span *x = &e->spans[e->nspans];
        if (x->end > (int64_t)text->n || x->start > x->end)
            break;
        x->text = text->p + x->start;
        x->text_n = (size_t)(x->end - x->start);
        e->nspans++;
    }
}

int store_entities(store *s, const char *type, const char *doc, store_entity_fn fn, void *ud,
                   kr_error *err)
{
    sqlite3_stmt *st = s->q[doc ? Q_DOC_ENTITIES : Q_ENTITIES];
    doc_text dt;
    int rc, n = 0, stop = 0;
    memset(&dt, 0, sizeof dt);
    if (doc) {
        rc = store_doc_get(s, doc, doc_text_of, &dt, err);
        if (rc >= 0 && dt.nomem)
            rc = kr_errorf(err, KR_ENOMEM, "out of memory");
        if (rc <= 0) {
            kr_buf_free(&dt.text);
            return rc < 0 ? rc : kr_errorf(err, KR_EUSAGE, "no document %s", doc);
        }
        sqlite3_bind_int64(st, 2, dt.rowid);
    }
    if (type)
        sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_entity e;
        memset(&e, 0, sizeof e);
        e.id = col(st, 0);
        e.type = col(st, 1);
        e.name = col(st, 2);
        e.country = col(st, 3);
        e.code = col(st, 4);
        e.mentions = sqlite3_column_int64(st, 5);
        e.known = sqlite3_column_int(st, 6);
        if (doc)
            doc_entity_row(st, &dt.text, &e);
        n++;
        stop = fn(ud, &e) != 0;
    }
    if (!stop && rc != SQLITE_DONE)
        n = db_error(s, err, "reading entities");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    kr_buf_free(&dt.text);
    return n;
}

static int cmp_mention(const void *a, const void *b)
{
    const store_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

int store_doc_mentions(store *s, int64_t doc, store_mention_fn fn, void *ud, kr_error *err)
{
    sqlite3_stmt *st = s->q[Q_DOC_MENTIONS];
    store_mention *v = NULL;
    kr_buf names = {0};
    size_t nv = 0, cap = 0, k;
    int rc, n = 0;
    /* entity strings are copied into `names` (offsets first, pointers after) */
    sqlite3_bind_int64(st, 1, doc);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *blob = sqlite3_column_blob(st, 0);
        size_t bn = (size_t)sqlite3_column_bytes(st, 0), i = 0;
        size_t off = names.n;
        int64_t prev = 0;
        store_span sp;
        int kind;
        if (kr_buf_puts(&names, col(st, 1)) || kr_buf_putc(&names, '\0') ||
            kr_buf_puts(&names, col(st, 2)) || kr_buf_putc(&names, '\0') ||
            kr_buf_puts(&names, col(st, 3) ? col(st, 3) : "") || kr_buf_putc(&names, '\0')) {
            rc = SQLITE_NOMEM;
            break;
        }
        while (rc == SQLITE_ROW && next_span(blob, bn, &i, &prev, &sp, &kind)) {
            if (nv == cap) {
                /* the capacity grows only once the memory is there */
                size_t ncap = cap ? cap * 2 : 64;
                store_mention *nvv = kr_realloc(v, ncap * sizeof *v);
                if (!nvv) {
                    rc = SQLITE_NOMEM;
                    break;
                }
                v = nvv;
                cap = ncap;
            }
            v[nv].start = sp.start;
            v[nv].end = sp.end;
            v[nv].kind = ent_kind_name((ent_kind)kind);
            v[nv].entity = (const char *)(uintptr_t)off; /* fixed below */
            nv++;
        }
        if (rc != SQLITE_ROW)
            break;
    }
    if (rc != SQLITE_DONE) {
        n = rc == SQLITE_NOMEM ? kr_errorf(err, KR_ENOMEM, "out of memory")
                               : db_error(s, err, "reading mentions");
    } else {
        for (k = 0; k < nv; k++) {
            size_t off = (size_t)(uintptr_t)v[k].entity;
            v[k].entity = names.p + off;
            v[k].type = v[k].entity + strlen(v[k].entity) + 1;
            v[k].code = v[k].type + strlen(v[k].type) + 1;
            if (!*v[k].code)
                v[k].code = NULL;
        }
        if (nv)
            qsort(v, nv, sizeof *v, cmp_mention);
        for (k = 0; k < nv && fn(ud, &v[k]) == 0; k++)
            ;
        n = (int)nv;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    kr_free(v);
    kr_buf_free(&names);
    return n;
}

/* --- events ------------------------------------------------------------------ */

/* The entity row of an event side (stored like a mention's). */
static int side_eid(store *s, const ev_side *side, int64_t *eid, kr_error *err)
{
    ent_mention m;
    memset(&m, 0, sizeof m);
    m.id = side->entity;
    m.type = side->type ? side->type : "GPE";
    m.name = side->name ? side->name : side->entity;
    m.country = side->country;
    m.code = side->code;
    m.entry = side->known ? 0 : -1;
    return entity_eid(s, &m, eid, err);
}

/* Binds an event side at columns col..col+4, NULLs when the text names
 * no actor. */
static int bind_side(store *s, sqlite3_stmt *st, int col, const ev_side *side, kr_error *err)
{
    int64_t eid;
    int rc, k;
    if (!side->entity) {
        for (k = 0; k < 5; k++)
            sqlite3_bind_null(st, col + k);
        return 0;
    }
    if ((rc = side_eid(s, side, &eid, err)) != 0)
        return rc;
    sqlite3_bind_int64(st, col, eid);
    sqlite3_bind_text(st, col + 1, side->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, col + 2, side->country, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, col + 3, (sqlite3_int64)side->span.start);
    sqlite3_bind_int64(st, col + 4, (sqlite3_int64)side->span.end);
    return 0;
}

/* The text of an event's id and date, bound without a copy: they must
 * outlive the step of the statement. */
typedef struct ev_keys {
    char id[17], date[11];
} ev_keys;

/* Binds event k of a document as the row whose first parameter is b + 1
 * (every parameter of the row is bound: nothing is left from the row
 * stored before). */
static int bind_event(store *s, sqlite3_stmt *st, int b, int64_t doc, const char *docid,
                      const ev_event *e, size_t k, ev_keys *key, kr_error *err)
{
    int rc;
    evout_event_id(docid, e, key->id);
    date_format(e->date, key->date);
    sqlite3_bind_text(st, b + 1, key->id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, b + 2, doc);
    sqlite3_bind_text(st, b + 3, key->date[0] ? key->date : NULL, -1, SQLITE_STATIC);
    if ((rc = bind_side(s, st, b + 4, &e->source, err)) != 0 ||
        (rc = bind_side(s, st, b + 9, &e->target, err)) != 0)
        return rc;
    sqlite3_bind_text(st, b + 14, e->code->code, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, b + 15, (sqlite3_int64)k);
    sqlite3_bind_text(st, b + 16, e->code->plover, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, b + 17, e->code->plover_mode, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, b + 18, e->code->label, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, b + 19, e->code->goldstein);
    sqlite3_bind_int(st, b + 20, e->code->quad);
    sqlite3_bind_text(st, b + 21, ev_mode_name(e->mode), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, b + 22, e->negated);
    sqlite3_bind_text(st, b + 23, e->place, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, b + 24, e->place_country, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, b + 25, (sqlite3_int64)e->evidence.start);
    sqlite3_bind_int64(st, b + 26, (sqlite3_int64)e->evidence.end);
    sqlite3_bind_int64(st, b + 27, (sqlite3_int64)e->sentence);
    sqlite3_bind_double(st, b + 28, e->confidence);
    return 0;
}

int store_put_events(store *s, int64_t doc, const char *docid, const ev_event *e, size_t n,
                     kr_error *err)
{
    ev_keys keys[ROWS_BIG];
    size_t k = 0, r, rows;
    int rc = 0;
    if (n && !s->eids && !(s->eids = kr_calloc(STORE_EID_SLOTS, sizeof *s->eids)))
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    for (; k < n && rc == 0; k += rows) {
        sqlite3_stmt *st = rows_stmt(s->ev_rows, s->q[Q_PUT_EVENT], n - k, &rows);
        for (r = 0; r < rows && rc == 0; r++)
            rc = bind_event(s, st, (int)r * EV_COLS, doc, docid, &e[k + r], k + r, &keys[r], err);
        if (rc == 0)
            rc = step_rows(s, st, err, "storing events");
        else
            sqlite3_clear_bindings(st);
    }
    return rc;
}

/* A filter value matches an entity id, an actor code or a name. */
#define SIDE_MATCH(p, x)                                                                  \
    "(" p " IN (SELECT eid FROM entities WHERE id = " x " OR name = " x " COLLATE NOCASE)" \
    " OR " p "_code = " x " OR " p "_country = " x ")"

/* The columns of an event record; the text columns are read for the rows
 * listed only (the inner query picks and orders them). */
static const char *const events_select =
    "SELECT v.id, d.id, v.date, d.lang, d.url, d.agency,"
    " se.id, v.src_code, v.src_country, se.name, se.type,"
    " substr(CAST(d.text AS BLOB), v.src_start + 1, v.src_end - v.src_start),"
    " te.id, v.tgt_code, v.tgt_country, te.name, te.type,"
    " substr(CAST(d.text AS BLOB), v.tgt_start + 1, v.tgt_end - v.tgt_start),"
    " v.cameo, substr(v.cameo, 1, 2), v.plover, v.plover_mode, v.label, v.goldstein, v.quad,"
    " v.mode, v.negated, v.place, v.place_country, v.ev_start, v.ev_end, v.sentence,"
    " v.confidence, substr(CAST(d.text AS BLOB), v.ev_start + 1, v.ev_end - v.ev_start)"
    " FROM (SELECT v.doc AS doc, v.seq AS seq, v.date AS date FROM events v";

/* The query for the filters given: only their conditions are in it, so
 * that SQLite can use the indexes (by report, by date, by side); every
 * value is bound, never written into the text. */
static int events_query(const store_event_filter *f, kr_buf *q)
{
    int rc = kr_buf_puts(q, events_select);
    const char *and = " WHERE ";
#define COND(c)                                  \
    do {                                         \
        rc = rc ? rc : kr_buf_puts(q, and);      \
        rc = rc ? rc : kr_buf_puts(q, c);        \
        and = " AND ";                           \
    } while (0)
    if (f->doc)
        COND("v.doc IN (SELECT rowid FROM docs WHERE id >= lower(?8) AND id < lower(?8) || 'g')");
    if (f->actor)
        COND("(" SIDE_MATCH("v.src", "?1") " OR " SIDE_MATCH("v.tgt", "?1") ")");
    if (f->source)
        COND(SIDE_MATCH("v.src", "?2"));
    if (f->target)
        COND(SIDE_MATCH("v.tgt", "?3"));
    if (f->code)
        COND("substr(v.cameo, 1, length(?4)) = ?4");
    if (f->since)
        COND("v.date >= ?5");
    if (f->until)
        COND("v.date <= ?6");
    if (f->lang)
        COND("v.doc IN (SELECT rowid FROM docs WHERE lang = ?7)");
#undef COND
    /* one report's events in text order, others by date */
    if (!rc)
        rc = kr_buf_puts(q, f->doc ? " ORDER BY v.doc, v.seq LIMIT ?9"
                                   : " ORDER BY v.date IS NULL, v.date, v.doc, v.seq LIMIT ?9");
    if (!rc)
        rc = kr_buf_puts(q, ") k JOIN events v ON v.doc = k.doc AND v.seq = k.seq"
                            " JOIN docs d ON d.rowid = v.doc"
                            " LEFT JOIN entities se ON se.eid = v.src"
                            " LEFT JOIN entities te ON te.eid = v.tgt");
    if (!rc)
        rc = kr_buf_puts(q, f->doc ? " ORDER BY k.doc, k.seq"
                                   : " ORDER BY k.date IS NULL, k.date, k.doc, k.seq");
    return rc;
}

static void side_from_row(sqlite3_stmt *st, int c, ev_side_rec *r)
{
    r->entity = col(st, c);
    r->code = col(st, c + 1);
    r->country = col(st, c + 2);
    r->name = col(st, c + 3);
    r->type = col(st, c + 4);
    r->text.p = (const char *)sqlite3_column_blob(st, c + 5);
    r->text.n = (size_t)sqlite3_column_bytes(st, c + 5);
}

int store_events(store *s, const store_event_filter *f, store_event_fn fn, void *ud,
                 kr_error *err)
{
    sqlite3_stmt *st;
    const char *vals[8];
    int rc, k, n = 0;
    kr_buf q = {0};
    if (events_query(f, &q)) {
        kr_buf_free(&q);
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    }
    rc = sqlite3_prepare_v2(s->db, q.p, -1, &st, NULL);
    kr_buf_free(&q);
    if (rc != SQLITE_OK)
        return db_error(s, err, "listing events");
    vals[0] = f->actor;
    vals[1] = f->source;
    vals[2] = f->target;
    vals[3] = f->code;
    vals[4] = f->since;
    vals[5] = f->until;
    vals[6] = f->lang;
    vals[7] = f->doc;
    for (k = 0; k < 8; k++)
        sqlite3_bind_text(st, k + 1, vals[k], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 9, f->limit ? (sqlite3_int64)f->limit : -1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ev_record r;
        memset(&r, 0, sizeof r);
        r.id = col(st, 0);
        r.doc = col(st, 1);
        r.date = col(st, 2);
        r.lang = col(st, 3);
        r.url = col(st, 4);
        r.agency = col(st, 5);
        side_from_row(st, 6, &r.source);
        side_from_row(st, 12, &r.target);
        r.cameo = col(st, 18);
        r.root = col(st, 19);
        r.plover = col(st, 20);
        r.plover_mode = col(st, 21);
        r.label = col(st, 22);
        r.goldstein = sqlite3_column_double(st, 23);
        r.quad = sqlite3_column_int(st, 24);
        r.mode = col(st, 25);
        r.negated = sqlite3_column_int(st, 26);
        r.place = col(st, 27);
        r.place_country = col(st, 28);
        r.evidence.start = (size_t)sqlite3_column_int64(st, 29);
        r.evidence.end = (size_t)sqlite3_column_int64(st, 30);
        r.sentence = (size_t)sqlite3_column_int64(st, 31);
        r.confidence = sqlite3_column_double(st, 32);
        r.evidence_text.p = (const char *)sqlite3_column_blob(st, 33);
        r.evidence_text.n = (size_t)sqlite3_column_bytes(st, 33);
        n++;
        if (fn(ud, &r))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        rc = db_error(s, err, "listing events");
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_finalize(st);
    return n;
}
