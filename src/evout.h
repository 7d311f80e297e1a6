/* evout.h: event records as the `code` filter prints them and the store
 * returns them, and their output formats: JSON Lines (SPEC section 3), CSV
 * and table (flat columns), GDELT 1.0 and ICEWS tab-separated rows. */
#ifndef EVOUT_H
#define EVOUT_H

#include <stdio.h>

#include "arena.h"
#include "doc.h"
#include "ev.h"
#include "kr.h"

typedef struct ev_side_rec {
    const char *entity, *code, *country, *name, *type; /* NULL when absent */
    kr_str text;
} ev_side_rec;

typedef struct ev_record {
    const char *id, *doc, *date, *lang; /* date NULL when unknown */
    const char *url, *agency;           /* of the report, may be NULL */
    ev_side_rec source, target;
    const char *cameo, *root, *plover, *plover_mode, *label;
    double goldstein;
    int quad;
    const char *mode;
    int negated;
    const char *place, *place_country;
    kr_span evidence;
    kr_str evidence_text;
    size_t sentence; /* 1-based sentence number in the report */
    double confidence;
    const char *pattern_file; /* the pattern that coded it, or NULL */
    size_t pattern_line;
} ev_record;

enum { EVOUT_JSONL, EVOUT_CSV, EVOUT_TABLE, EVOUT_GDELT, EVOUT_ICEWS, EVOUT_TSV };

/* "jsonl", "csv", "table", "gdelt", "icews", "tsv" -> EVOUT_*, or -1. */
int evout_parse_format(const char *s);

typedef struct evout evout;
evout *evout_new(FILE *f, int format);
/* Writes one record; 0, KR_ENOMEM (the row is dropped) or KR_EIO. Rows
 * are gathered and written in batches of some 64 KB, so a write error may
 * show on a later call or at evout_close, and nothing else should write to
 * the same FILE while o is open. */
int evout_write(evout *o, const ev_record *r);
/* Flushes and frees; 0, or KR_EIO / KR_ENOMEM when writing failed. */
int evout_close(evout *o);

/* Hex id of an event (16 chars + NUL): a hash of the report id, the
 * evidence span, the code, both sides and the mode. */
void evout_event_id(const char *doc, const ev_event *e, char id[17]);

/* Fills r from an event of report d (id `doc`); strings are borrowed or
 * copied into `a`. */
void evout_record_of(const ev_event *e, const kr_doc *d, const char *doc, kr_arena *a,
                     char id[17], char date[11], ev_record *r);
/* Writes the n events ev of report d (id `doc`) as evout_record_of and
 * evout_write would one by one, with what they share (the report's
 * strings, copied into `a`, the hash of `doc`, the last date) worked out
 * once. Returns as evout_write. */
int evout_write_doc(evout *o, const ev_event *ev, size_t n, const kr_doc *d, const char *doc,
                    kr_arena *a);
/* The two-digit root of a CAMEO code ("043" -> "04"). */
const char *evout_root(const char *code);

#endif
