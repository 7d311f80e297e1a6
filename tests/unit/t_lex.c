/* t_lex.c: lexicon parsing on faulty sources: every role kept names an
 * agent (an entry without a type, or a role naming no agent, used to leave
 * a line number where an entry index belongs), and a value is read within
 * its own bytes (sources are not NUL-terminated). */
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "lex.h"
#include "match.h"
#include "t.h"

static int nerrors;

static void count(void *ud, const char *file, size_t line, int warning, const char *msg)
{
    (void)ud;
    (void)file;
    (void)line;
    (void)msg;
    nerrors += !warning;
}

/* Builds a lexicon from one source, as a loaded file would be: a heap
 * copy of exactly n bytes, no NUL after them. */
static lex_db *build(const char *text, int *rc)
{
    size_t n = strlen(text);
    char *copy = malloc(n);
    lex_source src;
    lex_db *db = NULL;
    memcpy(copy, text, n);
    src.name = "t.txt";
    src.data = copy;
    src.n = n;
    nerrors = 0;
    *rc = lex_build(&src, 1, 0, count, NULL, &db);
    free(copy); /* the lexicon copies what it keeps */
    return db;
}

/* Every role of every entry names an entry of type AGENT. */
static int roles_sound(const lex_db *db)
{
    size_t e, r;
    for (e = 0; e < lex_count(db); e++) {
        const lex_entry *en = lex_entry_at(db, e);
        for (r = en->role_first; r < en->role_first + en->nroles; r++) {
            size_t a = lex_roles(db)[r].agent;
            if (a >= lex_count(db) || lex_entry_at(db, a)->type != LEX_AGENT)
                return 0;
        }
    }
    return 1;
}

static const char faulty[] =
    "[RUS]\ntype: GPE\nname: Russia\ncode: RUS\nen: Russia\n"
    "[minister]\ntype: AGENT\nsector: GOV\nen: minister\n"
    /* no type: skipped, its roles with it */
    "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
    "[typeless]\nname: Ivan Typeless\nrole: RUS minister 2000..\n"
    /* a role naming no agent, between two good ones */
    "[petr-ivanov]\ntype: PER\nname: Petr Ivanov\n"
    "role: RUS minister 2001..2002\nrole: RUS astronaut 2003..\nrole: RUS minister 2010..\n";

static void test_roles(void)
{
    int rc;
    lex_db *db = build(faulty, &rc);
    match_db *m = NULL;
    ent_ctx *c = NULL;
    long p;
    CHECK_INT(rc, 0);
    if (!db)
        return;
    CHECK(nerrors >= 2); /* no type; unknown agent */
    CHECK(roles_sound(db));
    CHECK_INT(lex_entry_at(db, (size_t)lex_find(db, "typeless"))->nroles, 0);
    p = lex_find(db, "petr-ivanov");
    CHECK(p >= 0);
    if (p >= 0) {
        const lex_entry *e = lex_entry_at(db, (size_t)p);
        CHECK_INT(e->nroles, 2); /* the astronaut role is dropped */
        CHECK_INT(lex_roles(db)[e->role_first].from, 20010101);
        CHECK_INT(lex_roles(db)[e->role_first + 1].from, 20100101);
    }
    /* the resolver indexes roles by agent: no entry index out of range */
    CHECK_INT(match_build(db, &m), 0);
    CHECK_INT(ent_new(db, m, &c), 0);
    if (c) {
        static const char text[] = "The Russian minister met Petr Ivanov.";
        kr_arena *a = arena_new();
        ent_mention *v;
        size_t n = 0, k;
        int holder = 0;
        kr_date d = {2011, 5, 1};
        CHECK_INT(ent_resolve(c, text, sizeof text - 1, 0, NULL, d, a, &v, &n), 0);
        for (k = 0; k < n; k++)
            holder |= strcmp(v[k].id, "petr-ivanov") == 0;
        CHECK(holder);
        arena_free(a);
    }
    ent_free(c);
    match_free(m);
    lex_free(db);
}

/* A role line whose dates have no "..": the search for it stays within
 * the value (ASan catches a read past the source otherwise). */
static void test_role_bounds(void)
{
    int rc;
    lex_db *db = build("[minister]\ntype: AGENT\nsector: GOV\nen: minister\n"
                       "[x]\ntype: PER\nname: X Y\nrole: RUS minister 2004", &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(nerrors, 1); /* the role line */
    if (db)
        CHECK_INT(lex_entry_at(db, (size_t)lex_find(db, "x"))->nroles, 0);
    lex_free(db);
    /* ".." in a later line does not belong to this role */
    db = build("[minister]\ntype: AGENT\nsector: GOV\nen: minister\n"
               "[x]\ntype: PER\nname: X Y\nrole: RUS minister 2004\nen: a..b", &rc);
    CHECK_INT(nerrors, 1);
    if (db)
        CHECK_INT(lex_entry_at(db, (size_t)lex_find(db, "x"))->nroles, 0);
    lex_free(db);
}

int main(void)
{
    test_roles();
    test_role_bounds();
    return t_report();
}
