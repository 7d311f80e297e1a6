/* lex.h: the lexicon: actors (states, places, organizations, persons with
 * dated roles), news agencies and agents (role words), read from the
 * readable format of docs/lexicon.md. Loaded once, then read-only and safe
 * to share. */
#ifndef LEX_H
#define LEX_H

#include <stdint.h>

#include "kr.h"

typedef enum { LEX_PER = 1, LEX_ORG, LEX_GPE, LEX_LOC, LEX_AGENT, LEX_GIVEN } lex_type;

/* One `role:` line: the person held agent `agent` (an entry index) for
 * `country` (alpha-3 or organization id) from `from` to `to` inclusive,
 * dates as YYYYMMDD integers (open end: 99991231). */
typedef struct lex_role {
    size_t agent;
    const char *country;
    int32_t from, to;
} lex_role;

typedef struct lex_entry {
    const char *id, *name;
    const char *country; /* alpha-3, or NULL */
    const char *code;    /* CAMEO actor code, or NULL (derived) */
    const char *sector;  /* agents: CAMEO sector code */
    const char *metonym; /* ids of what a place acts for, ';' between: the
                            first by default, another when the report names it */
    const char *parent;  /* id of the parent organization */
    lex_type type;
    int agency;          /* a news agency: never an actor */
    int body;            /* agents: names an institution (ministry, parliament) */
    int abroad;          /* agents: serves outside its own state (peacekeepers) */
    size_t role_first, nroles; /* into lex_roles() */
    const char *file;    /* where it was defined, for messages */
    size_t line;
} lex_entry;

/* A name variant: `text` is written in language `lang` ("en", "ru", ...;
 * "" for `name`), `adj` when it comes from a `*.adj` key. */
typedef struct lex_name {
    size_t entry;
    const char *lang;
    kr_str text;
    int adj;
} lex_name;

typedef struct lex_db lex_db;

/* Where a problem was found; `warning` problems do not stop loading. */
typedef void (*lex_report_fn)(void *ud, const char *file, size_t line, int warning,
                              const char *msg);

/* A lexicon source: a file name (for messages) and its bytes. */
typedef struct lex_source {
    const char *name;
    const char *data;
    size_t n;
} lex_source;

/* Builds a lexicon from sources (borrowed until lex_free). Every problem is
 * passed to report (may be NULL). Without `check`, returns 0 even when
 * errors were found, the faulty entries left out of matching. With `check`,
 * returns KR_EFORMAT on any error and also runs the slower consistency checks
 * of `kronika lexicon check` (names shared by two entries, overlapping roles),
 * reported as warnings. KR_ENOMEM when memory runs out. */
int lex_build(const lex_source *src, size_t nsrc, int check, lex_report_fn report, void *ud,
              lex_db **out);
/* The files of the built-in lexicon (actors and events). */
const lex_source *lex_builtin_files(size_t *n);
/* The lexicon compiled into the binary (from lexicon/ at build time). */
int lex_builtin(int check, lex_report_fn report, void *ud, lex_db **out);
/* Reads every *.txt under dir (recursively) into sources and builds them.
 * On success the lexicon owns the file contents. */
int lex_load_dir(const char *dir, int check, lex_report_fn report, void *ud, lex_db **out,
                 kr_error *err);
void lex_free(lex_db *db); /* lex_free(NULL) is a no-op */

size_t lex_count(const lex_db *db);
const lex_entry *lex_entry_at(const lex_db *db, size_t i);
/* Index of the entry with this id, or -1. */
long lex_find(const lex_db *db, const char *id);
const lex_role *lex_roles(const lex_db *db);

/* Whether people of the agent `e` found in a place belong to that place's
 * state ("rebels in Darfur", "lawmakers in Fornost"): not an institution,
 * not international staff (IGO), not those who serve abroad. */
int lex_agent_of_place(const lex_entry *e);
const lex_name *lex_names(const lex_db *db, size_t *count);

/* The n-th id (0-based) of a ';'-separated list such as `metonym`, as
 * the entry index, or -1 when there is no n-th or it is unknown. */
long lex_list_item(const lex_db *db, const char *list, size_t n);

/* Whether a source holds event patterns (a file under an `events/`
 * folder): the actor parser skips those, src/evlex.c reads them. */
int lex_is_event_file(const char *name);
/* The sources the lexicon was built from (event files included), valid
 * until lex_free. */
const lex_source *lex_sources(const lex_db *db, size_t *n);

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first (end = 0) or last
 * (end = 1) day it covers, as YYYYMMDD; 0 when malformed. */
int32_t lex_date(const char *s, size_t n, int end);

#endif
