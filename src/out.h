/* out.h: listings in the formats every listing command offers: an aligned
 * table for people, JSON Lines, CSV (RFC 4180). Cells are written one by
 * one, rows ended with out_row_end. */
#ifndef OUT_H
#define OUT_H

#include <stdint.h>
#include <stdio.h>

#include "kr.h"

enum { OUT_TABLE, OUT_JSONL, OUT_CSV };

typedef struct out out;

/* Parses a --format value among those allowed by `allowed` (bit 1<<OUT_*);
 * returns the format or -1. */
int out_parse_format(const char *s, unsigned allowed);

/* Starts a listing with the given column names (borrowed until out_close).
 * Tables are buffered to align columns; other formats stream. */
out *out_new(FILE *f, int format, const char *const *cols, size_t ncols);
void out_str(out *o, const char *s);          /* NULL writes null / empty */
void out_strn(out *o, const char *s, size_t n);
void out_int(out *o, int64_t v);
void out_real(out *o, double v);
void out_bool(out *o, int v);
/* Writes a value that is already JSON (in jsonl; as text elsewhere). */
void out_json(out *o, const char *json);
void out_row_end(out *o);
/* Flushes and frees; returns 0, or KR_EIO / KR_ENOMEM if writing failed. */
int out_close(out *o);

#endif
