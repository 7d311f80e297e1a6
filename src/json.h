/* json.h: a small strict JSON reader for flat records (one JSON Lines line)
 * and helpers to write JSON strings. */
#ifndef JSON_H
#define JSON_H

#include "arena.h"
#include "kr.h"

/* Deepest nesting json_parse_object accepts; the outer object is level 1. */
#define JSON_MAX_DEPTH 64

/* One member of a flat JSON object. Strings are unescaped into the arena
 * (valid UTF-8, \u escapes and surrogate pairs decoded). Non-string values
 * keep their raw JSON text in `val` with type set accordingly. */
typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_member {
    kr_str key;  /* unescaped, in the arena, NUL after the last byte */
    kr_str val;  /* JSON_STRING: unescaped, in the arena, NUL after the last
                    byte (may also hold \u0000); else raw text pointing into
                    the parsed input ("12.5e3", "true", "[1, {}]") */
    json_type type;
} json_member;

/* Parses the JSON object in s[0..n) (surrounding whitespace allowed; nested
 * arrays/objects accepted as raw values, depth limited to JSON_MAX_DEPTH).
 * Strict RFC 8259: no comments, trailing commas, single quotes, leading
 * zeros, raw control characters in strings or lone surrogates; strings must
 * be valid UTF-8, in nested values too. Linear time, no recursion.
 * On success returns 0 and sets *out to an arena array of *count members in
 * input order (duplicate keys are kept). On error returns KR_EFORMAT (or
 * KR_EUTF8, KR_ENOMEM) with err->byte = offset of the problem in s and a
 * message like "expected ':' after object key, found 'x'"; *out and *count
 * are then untouched. `err` may be NULL. */
int json_parse_object(const char *s, size_t n, kr_arena *a, json_member **out,
                      size_t *count, kr_error *err);

/* Looks a member up by key; NULL if absent. With duplicate keys the last one
 * wins, as in most JSON readers. */
const json_member *json_get(const json_member *m, size_t count, const char *key);

/* Appends s[0..n) as a quoted JSON string (escaping ", \ and controls; input
 * assumed valid UTF-8, written as is). Returns 0 or KR_ENOMEM. */
int json_put_str(kr_buf *b, const char *s, size_t n);

#endif
