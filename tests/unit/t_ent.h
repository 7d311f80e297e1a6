/* t_ent.h: what the entity tests share: a lexicon of their own compiled
 * with its matcher and resolver (a fixture), a text resolved on a date,
 * and the mention found at a span of it. */
#ifndef T_ENT_H
#define T_ENT_H

#include <string.h>

#include "ent.h"
#include "lex.h"
#include "match.h"

typedef struct fixture {
    lex_db *lex;
    match_db *m;
    ent_ctx *c;
    kr_arena *a;
} fixture;

typedef struct found {
    ent_mention *v;
    size_t n;
    const char *text;
} found;

/* Compiles the lexicon `text`; -1 when it does not load. */
static inline int fixture_setup(fixture *f, const char *text)
{
    lex_source src = {"t.txt", text, strlen(text)};
    memset(f, 0, sizeof *f);
    if (lex_build(&src, 1, 0, NULL, NULL, &f->lex) || match_build(f->lex, &f->m) ||
        ent_new(f->lex, f->m, &f->c) || !(f->a = arena_new()))
        return -1;
    return 0;
}

static inline void fixture_teardown(fixture *f)
{
    arena_free(f->a);
    ent_free(f->c);
    match_free(f->m);
    lex_free(f->lex);
}

/* The mentions of `text` in a report of y-m-d (nothing when resolving
 * fails); valid until the next call. */
static inline found resolve_on(fixture *f, const char *text, int y, int m, int d)
{
    found r = {NULL, 0, text};
    kr_date date;
    memset(&date, 0, sizeof date);
    date.y = y;
    date.m = m;
    date.d = d;
    arena_reset(f->a);
    if (ent_resolve(f->c, text, strlen(text), 0, NULL, date, f->a, &r.v, &r.n) != 0)
        r.n = 0;
    return r;
}

/* The mention spanning exactly the first occurrence of `span`, or NULL. */
static inline const ent_mention *mention_at(const found *r, const char *span)
{
    const char *p = strstr(r->text, span);
    size_t k, s;
    if (!p)
        return NULL;
    s = (size_t)(p - r->text);
    for (k = 0; k < r->n; k++)
        if (r->v[k].span.start == s && r->v[k].span.end == s + strlen(span))
            return &r->v[k];
    return NULL;
}

/* How many mentions the entity `id` has. */
static inline size_t count_of(const found *r, const char *id)
{
    size_t k, n = 0;
    for (k = 0; k < r->n; k++)
        n += strcmp(r->v[k].id, id) == 0;
    return n;
}

#endif
