/* lex.c: lexicon parsing and checking. The format is line-based blocks
 * (docs/lexicon.md); every string is copied into the lexicon's own arena so
 * the sources may be freed, and ids are found through one hash table. */
#include "lex.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "arena.h"
#include "fold.h"

struct lex_db {
    kr_arena *arena;
    lex_entry *entries;
    size_t n, cap;
    lex_role *roles;
    size_t nroles, rcap;
    const char **role_agent; /* agent ids until resolved */
    lex_name *names;
    size_t nnames, ncap;
    size_t *ids;             /* hash of id -> entry index + 1 */
    size_t idcap;
    char **owned;            /* file contents read by lex_load_dir */
    size_t nowned;
    lex_source *src;         /* every source, event files included */
    size_t nsrc;
};

typedef struct parser {
    lex_db *db;
    lex_report_fn report;
    void *ud;
    const char *file;
    size_t line;
    int errors;
    long cur; /* entry being filled, -1 before the first block */
} parser;

static const char *const langs[] = {"en", "ru", "az", "hy", "tr", "ka", "fa", "uk", "ar", "de", "fr"};
#define NLANGS (sizeof langs / sizeof langs[0])

static void problem(parser *p, int warning, const char *fmt, const char *a, const char *b)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, a, b);
    if (!warning)
        p->errors++;
    if (p->report)
        p->report(p->ud, p->file, p->line, warning, msg);
}

/* Grows *v (of *cap elements of size sz) to hold one more than n. */
static int grow(void **v, size_t *cap, size_t n, size_t sz)
{
    void *nv;
    size_t nc;
    if (n < *cap)
        return 0;
    nc = *cap ? *cap * 2 : 256;
    if (!(nv = kr_realloc(*v, nc * sz)))
        return KR_ENOMEM;
    *v = nv;
    *cap = nc;
    return 0;
}

static const char *copy(parser *p, const char *s, size_t n)
{
    return arena_strndup(p->db->arena, s, n);
}

int32_t lex_date(const char *s, size_t n, int end)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m = end ? 12 : 1, d = 0;
    size_t i;
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (i = 0; i < n; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !kr_isdigit((unsigned char)s[i]))
            return 0;
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (n >= 7)
        m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return 0;
    d = end ? mdays[m - 1] : 1;
    if (n == 10)
        d = (s[8] - '0') * 10 + (s[9] - '0');
    if (d < 1 || d > mdays[m - 1])
        return 0;
    return y * 10000 + m * 100 + d;
}

static int valid_id(const char *s, size_t n)
{
    size_t i;
    if (n == 0 || n > 64)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(kr_isalpha(c) || kr_isdigit(c) || c == '-' || c == '_' || c == '.' || c == '+'))
            return 0;
    }
    return 1;
}

static int valid_code(const char *s, size_t n)
{
    size_t i;
    if (n < 3 || n % 3 != 0 || n > 15)
        return 0;
    for (i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return 0;
    return 1;
}

static void trim(const char **s, size_t *n)
{
    while (*n && kr_isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && kr_isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static int add_name(parser *p, const char *lang, const char *s, size_t n, int adj)
{
    lex_db *db = p->db;
    while (n) {
        const char *semi = memchr(s, ';', n);
        size_t len = semi ? (size_t)(semi - s) : n;
        const char *v = s;
        size_t vn = len;
        trim(&v, &vn);
        if (vn) {
            lex_name *nm;
            if (grow((void **)&db->names, &db->ncap, db->nnames, sizeof *db->names))
                return KR_ENOMEM;
            nm = &db->names[db->nnames];
            nm->entry = (size_t)p->cur;
            nm->lang = lang;
            nm->adj = adj;
            if (!(nm->text.p = copy(p, v, vn)))
                return KR_ENOMEM;
            nm->text.n = vn;
            db->nnames++;
        }
        if (!semi)
            break;
        n -= len + 1;
        s = semi + 1;
    }
    return 0;
}

static int add_role(parser *p, const char *v, size_t n)
{
    lex_db *db = p->db;
    const char *w[3];
    size_t wn[3], k = 0, i = 0, j;
    const char *dots;
    lex_role *r;
    while (i < n && k < 3) {
        while (i < n && kr_isspace((unsigned char)v[i]))
            i++;
        if (i >= n)
            break;
        w[k] = v + i;
        while (i < n && !kr_isspace((unsigned char)v[i]))
            i++;
        wn[k] = (size_t)(v + i - w[k]);
        k++;
    }
    while (i < n && kr_isspace((unsigned char)v[i]))
        i++;
    /* the value is not NUL-terminated: search ".." within the dates only */
    dots = NULL;
    for (j = 0; k == 3 && j + 1 < wn[2] && !dots; j++)
        if (w[2][j] == '.' && w[2][j + 1] == '.')
            dots = w[2] + j;
    if (k != 3 || i != n || !dots) {
        problem(p, 0, "role must be 'COUNTRY AGENT FROM..TO'%s%s", "", "");
        return 0;
    }
    if (db->nroles == db->rcap) {
        size_t cap = db->rcap;
        const char **ra;
        if (grow((void **)&db->roles, &cap, db->nroles, sizeof *db->roles))
            return KR_ENOMEM;
        if (!(ra = kr_realloc(db->role_agent, cap * sizeof *ra)))
            return KR_ENOMEM;
        db->role_agent = ra;
        db->rcap = cap;
    }
    r = &db->roles[db->nroles];
    memset(r, 0, sizeof *r);
    r->country = copy(p, w[0], wn[0]);
    db->role_agent[db->nroles] = copy(p, w[1], wn[1]);
    r->from = dots == w[2] ? 19000101 : lex_date(w[2], (size_t)(dots - w[2]), 0);
    r->to = dots + 2 == w[2] + wn[2] ? 99991231
                                     : lex_date(dots + 2, (size_t)(w[2] + wn[2] - dots - 2), 1);
    if (!r->country || !db->role_agent[db->nroles])
        return KR_ENOMEM;
    if (!r->from || !r->to || r->from > r->to) {
        problem(p, 0, "bad role dates (YYYY[-MM[-DD]]..[YYYY[-MM[-DD]]], from before to)%s%s", "", "");
        return 0;
    }
    r->agent = (size_t)p->line; /* remembered for messages until resolved */
    if (p->db->entries[p->cur].nroles == 0)
        p->db->entries[p->cur].role_first = db->nroles;
    else if (p->db->entries[p->cur].role_first + p->db->entries[p->cur].nroles != db->nroles) {
        problem(p, 0, "roles of one entry must be consecutive%s%s", "", "");
        return 0;
    }
    p->db->entries[p->cur].nroles++;
    db->nroles++;
    return 0;
}

/* A yes/no key: *flag set for "yes", left for "no", a problem otherwise. */
static int yes_no(parser *p, const char *key, const char *v, size_t vn, int *flag)
{
    if (vn == 3 && memcmp(v, "yes", 3) == 0)
        *flag = 1;
    else if (!(vn == 2 && memcmp(v, "no", 2) == 0))
        problem(p, 0, "%s must be yes or no%s", key, "");
    return 0;
}

static int set_one(parser *p, const char **field, const char *key, const char *v, size_t n)
{
    if (*field) {
        problem(p, 0, "'%s' given twice%s", key, "");
        return 0;
    }
    return (*field = copy(p, v, n)) ? 0 : KR_ENOMEM;
}

static int parse_line(parser *p, const char *s, size_t n)
{
    lex_db *db = p->db;
    lex_entry *e;
    const char *colon, *v;
    size_t kn, vn, k;
    char key[16];

    if (s[0] == '[') {
        if (n < 3 || s[n - 1] != ']' || !valid_id(s + 1, n - 2)) {
            problem(p, 0, "bad entry header (expected [id] with letters, digits, - _ . +)%s%s", "", "");
            p->cur = -1;
            return 0;
        }
        if (grow((void **)&db->entries, &db->cap, db->n, sizeof *db->entries))
            return KR_ENOMEM;
        e = &db->entries[db->n];
        memset(e, 0, sizeof *e);
        if (!(e->id = copy(p, s + 1, n - 2)))
            return KR_ENOMEM;
        e->file = p->file;
        e->line = p->line;
        p->cur = (long)db->n++;
        return 0;
    }
    if (p->cur < 0) {
        problem(p, 0, "a line outside any [entry]%s%s", "", "");
        return 0;
    }
    e = &db->entries[p->cur];
    colon = memchr(s, ':', n);
    if (!colon || colon == s || (size_t)(colon - s) >= sizeof key) {
        problem(p, 0, "expected 'key: value'%s%s", "", "");
        return 0;
    }
    kn = (size_t)(colon - s);
    memcpy(key, s, kn);
    key[kn] = '\0';
    v = colon + 1;
    vn = n - kn - 1;
    trim(&v, &vn);
    if (vn == 0) {
        problem(p, 0, "empty value for '%s'%s", key, "");
        return 0;
    }
    for (k = 0; k < NLANGS; k++) {
        size_t ln = strlen(langs[k]);
        if (strncmp(key, langs[k], ln) == 0 && (key[ln] == '\0' || strcmp(key + ln, ".adj") == 0))
            return add_name(p, langs[k], v, vn, key[ln] != '\0');
    }
    if (strcmp(key, "type") == 0) {
        static const char *const types[] = {"PER", "ORG", "GPE", "LOC", "AGENT", "GIVEN"};
        for (k = 0; k < 6; k++)
            if (vn == strlen(types[k]) && memcmp(v, types[k], vn) == 0)
                break;
        if (k == 6)
            problem(p, 0, "type must be PER, ORG, GPE, LOC, AGENT or GIVEN%s%s", "", "");
        else if (e->type)
            problem(p, 0, "'type' given twice%s%s", "", "");
        else
            e->type = (lex_type)(k + 1);
        return 0;
    }
    if (strcmp(key, "name") == 0) {
        int rc = set_one(p, &e->name, key, v, vn);
        return rc ? rc : add_name(p, "", v, vn, 0);
    }
    if (strcmp(key, "country") == 0) {
        if (vn != 3 || !valid_code(v, vn))
            problem(p, 0, "country must be an ISO 3166-1 alpha-3 code in capitals%s%s", "", "");
        return set_one(p, &e->country, key, v, vn);
    }
    if (strcmp(key, "code") == 0) {
        if (!valid_code(v, vn))
            problem(p, 0, "bad actor code '%s' (blocks of three capital letters)%s",
                    copy(p, v, vn), "");
        return set_one(p, &e->code, key, v, vn);
    }
    if (strcmp(key, "sector") == 0) {
        if (vn != 3 || !valid_code(v, vn))
            problem(p, 0, "sector must be a three-letter CAMEO code%s%s", "", "");
        return set_one(p, &e->sector, key, v, vn);
    }
    if (strcmp(key, "metonym") == 0)
        return set_one(p, &e->metonym, key, v, vn);
    if (strcmp(key, "parent") == 0)
        return set_one(p, &e->parent, key, v, vn);
    if (strcmp(key, "agency") == 0)
        return yes_no(p, key, v, vn, &e->agency);
    if (strcmp(key, "body") == 0)
        return yes_no(p, key, v, vn, &e->body);
    if (strcmp(key, "abroad") == 0)
        return yes_no(p, key, v, vn, &e->abroad);
    if (strcmp(key, "role") == 0)
        return add_role(p, v, vn);
    problem(p, 0, "unknown key '%s'%s", key, "");
    return 0;
}

static int parse_source(parser *p, const lex_source *src)
{
    size_t i = 0, n = src->n;
    const char *s = src->data;
    p->file = src->name;
    p->line = 0;
    p->cur = -1;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n, j;
        const char *ln = s + i;
        size_t len = e - i;
        int rc;
        p->line++;
        /* a comment starts at '#' at the line start or after a space */
        for (j = 0; j < len; j++)
            if (ln[j] == '#' && (j == 0 || kr_isspace((unsigned char)ln[j - 1]))) {
                len = j;
                break;
            }
        trim(&ln, &len);
        if (len && (rc = parse_line(p, ln, len)) != 0)
            return rc;
        i = e + 1;
    }
    return 0;
}

static uint64_t id_hash(const char *s)
{
    return XXH3_64bits(s, strlen(s));
}

long lex_list_item(const lex_db *db, const char *list, size_t n)
{
    char id[80];
    const char *p = list;
    size_t len;
    while (n--) {
        if (!(p = strchr(p, ';')))
            return -1;
        p++;
    }
    while (*p == ' ')
        p++;
    len = strcspn(p, ";");
    while (len && p[len - 1] == ' ')
        len--;
    if (!len || len >= sizeof id)
        return -1;
    memcpy(id, p, len);
    id[len] = '\0';
    return lex_find(db, id);
}

long lex_find(const lex_db *db, const char *id)
{
    size_t mask, i;
    if (!db->idcap)
        return -1;
    mask = db->idcap - 1;
    for (i = id_hash(id) & mask; db->ids[i]; i = (i + 1) & mask)
        if (strcmp(db->entries[db->ids[i] - 1].id, id) == 0)
            return (long)(db->ids[i] - 1);
    return -1;
}

static int index_ids(parser *p)
{
    lex_db *db = p->db;
    size_t cap = 16, k;
    while (cap < db->n * 2)
        cap *= 2;
    if (!(db->ids = kr_calloc(cap, sizeof *db->ids)))
        return KR_ENOMEM;
    db->idcap = cap;
    for (k = 0; k < db->n; k++) {
        const lex_entry *e = &db->entries[k];
        size_t i;
        if (lex_find(db, e->id) >= 0) {
            p->file = e->file;
            p->line = e->line;
            problem(p, 0, "duplicate id '%s'%s", e->id, "");
            continue;
        }
        for (i = id_hash(e->id) & (cap - 1); db->ids[i]; i = (i + 1) & (cap - 1))
            ;
        db->ids[i] = k + 1;
    }
    return 0;
}

/* Resolves the agent ids of an entry's roles into entry indexes. A role
 * whose agent is not an agent of the lexicon is reported and dropped (the
 * entry's other roles move up), so that every role kept names an agent. */
static void resolve_roles(parser *p, lex_entry *e)
{
    lex_db *db = p->db;
    size_t r, kept = 0;
    for (r = e->role_first; r < e->role_first + e->nroles; r++) {
        long a = lex_find(db, db->role_agent[r]);
        p->line = db->roles[r].agent; /* the role's own line */
        if (a < 0 || db->entries[a].type != LEX_AGENT) {
            problem(p, 0, "role agent '%s' is not an agent of agents.txt%s", db->role_agent[r], "");
            continue;
        }
        if (lex_find(db, db->roles[r].country) < 0)
            problem(p, 1, "role country '%s' is not a known state or organization%s",
                    db->roles[r].country, "");
        db->roles[r].agent = (size_t)a;
        db->roles[e->role_first + kept++] = db->roles[r];
    }
    e->nroles = kept;
    p->line = e->line;
}

/* Checks every entry once all are known: types, names, references. */
static void validate(parser *p)
{
    lex_db *db = p->db;
    size_t k;
    for (k = 0; k < db->n; k++) {
        lex_entry *e = &db->entries[k];
        p->file = e->file;
        p->line = e->line;
        resolve_roles(p, e);
        if (!e->type) {
            problem(p, 0, "entry '%s' has no type%s", e->id, "");
            e->nroles = 0; /* an entry with errors is never used */
            continue;
        }
        if (!e->name) {
            if (e->type != LEX_AGENT && e->type != LEX_GIVEN)
                problem(p, 0, "entry '%s' has no name%s", e->id, "");
            e->name = e->id;
        }
        if (e->type == LEX_AGENT && !e->sector)
            problem(p, 0, "agent '%s' has no sector%s", e->id, "");
        if (e->type != LEX_AGENT && e->sector)
            problem(p, 0, "'sector' is for agents only (%s)%s", e->id, "");
        if (e->type != LEX_AGENT && e->body)
            problem(p, 0, "'body' is for agents only (%s)%s", e->id, "");
        if (e->type != LEX_AGENT && e->abroad)
            problem(p, 0, "'abroad' is for agents only (%s)%s", e->id, "");
        if (e->nroles && e->type != LEX_PER)
            problem(p, 0, "'role' is for persons only (%s)%s", e->id, "");
        if (e->metonym) {
            size_t m, items = 1;
            const char *q;
            for (q = e->metonym; (q = strchr(q, ';')) != NULL; q++)
                items++;
            for (m = 0; m < items; m++)
                if (lex_list_item(db, e->metonym, m) < 0) {
                    problem(p, 0, "metonym '%s' names an unknown id%s", e->metonym, "");
                    break;
                }
        }
        if (e->parent && lex_find(db, e->parent) < 0)
            problem(p, 0, "parent '%s' is not a known id%s", e->parent, "");
        if (e->country && lex_find(db, e->country) < 0)
            problem(p, 1, "country '%s' is not a known state%s", e->country, "");
    }
}

/* lexicon check: the same person in the same post twice at once, and one
 * name given to two entries of the same type (the matcher cannot choose). */
static int check_more(parser *p)
{
    lex_db *db = p->db;
    size_t k, i, j;
    uint64_t *keys;
    size_t *order;
    for (k = 0; k < db->n; k++) {
        const lex_entry *e = &db->entries[k];
        for (i = e->role_first; i < e->role_first + e->nroles; i++)
            for (j = i + 1; j < e->role_first + e->nroles; j++) {
                const lex_role *a = &db->roles[i], *b = &db->roles[j];
                if (a->agent == b->agent && strcmp(a->country, b->country) == 0 &&
                    a->from <= b->to && b->from <= a->to) {
                    p->file = e->file;
                    p->line = e->line;
                    problem(p, 1, "overlapping roles of '%s' as %s", e->id,
                            db->entries[a->agent].id);
                }
            }
    }
    /* duplicate names: fold each, sort the hashes, compare neighbours */
    keys = kr_malloc((db->nnames + 1) * sizeof *keys);
    order = kr_malloc((db->nnames + 1) * sizeof *order);
    if (!keys || !order) {
        kr_free(keys);
        kr_free(order);
        return KR_ENOMEM;
    }
    for (k = 0; k < db->nnames; k++) {
        const lex_name *nm = &db->names[k];
        char buf[FOLD_MAX_WORD + 8];
        if (db->entries[nm->entry].type == LEX_GIVEN) {
            keys[k] = 0; /* given names are not entities: shared freely */
            order[k] = k;
            continue;
        }
        size_t pos = 0;
        fold_word w;
        uint64_t h = (uint64_t)db->entries[nm->entry].type * 0x9E3779B97F4A7C15ULL;
        while (fold_next(nm->text.p, nm->text.n, &pos, buf, &w))
            h = XXH3_64bits_withSeed(buf, w.n, h);
        keys[k] = h;
        order[k] = k;
    }
    /* insertion-free: simple shell sort of order by keys (n is a few 10^4) */
    for (size_t gap = db->nnames / 2; gap > 0; gap /= 2)
        for (i = gap; i < db->nnames; i++)
            for (j = i; j >= gap && keys[order[j - gap]] > keys[order[j]]; j -= gap) {
                size_t t = order[j];
                order[j] = order[j - gap];
                order[j - gap] = t;
            }
    for (k = 1; k < db->nnames; k++) {
        const lex_name *a = &db->names[order[k - 1]], *b = &db->names[order[k]];
        if (keys[order[k]] && keys[order[k - 1]] == keys[order[k]] && a->entry != b->entry) {
            const lex_entry *ea = &db->entries[a->entry], *eb = &db->entries[b->entry];
            char msg[160];
            snprintf(msg, sizeof msg, "'%.*s' names both %s and", (int)b->text.n, b->text.p, ea->id);
            p->file = eb->file;
            p->line = eb->line;
            problem(p, 1, "%s %s", msg, eb->id);
        }
    }
    kr_free(keys);
    kr_free(order);
    return 0;
}

int lex_build(const lex_source *src, size_t nsrc, int check, lex_report_fn report, void *ud,
              lex_db **out)
{
    parser p;
    lex_db *db = kr_calloc(1, sizeof *db);
    size_t k;
    int rc = 0;
    if (!db || !(db->arena = arena_new())) {
        kr_free(db);
        return KR_ENOMEM;
    }
    memset(&p, 0, sizeof p);
    p.db = db;
    p.report = report;
    p.ud = ud;
    if (nsrc && !(db->src = kr_calloc(nsrc, sizeof *db->src)))
        rc = KR_ENOMEM;
    else if (nsrc) {
        memcpy(db->src, src, nsrc * sizeof *src);
        db->nsrc = nsrc;
    }
    /* event patterns share the folder but are read by evlex.c */
    for (k = 0; k < nsrc && rc == 0; k++)
        if (!lex_is_event_file(src[k].name))
            rc = parse_source(&p, &src[k]);
    if (rc == 0)
        rc = index_ids(&p);
    if (rc == 0)
        validate(&p);
    if (rc == 0 && check)
        rc = check_more(&p);
    /* Checking fails on any error; loading for use goes on without the
     * faulty parts (an entry without a type is never matched), so that one
     * bad line does not stop an ingest. */
    if (rc == 0 && p.errors && check)
        rc = KR_EFORMAT;
    if (rc) {
        lex_free(db);
        return rc;
    }
    kr_free(db->role_agent);
    db->role_agent = NULL;
    *out = db;
    return 0;
}

int lex_is_event_file(const char *name)
{
    const char *s = name ? strstr(name, "events/") : NULL;
    for (; s; s = strstr(s + 1, "events/"))
        if (s == name || s[-1] == '/')
            return 1;
    return 0;
}

const lex_source *lex_sources(const lex_db *db, size_t *n)
{
    *n = db->nsrc;
    return db->src;
}

void lex_free(lex_db *db)
{
    size_t k;
    if (!db)
        return;
    for (k = 0; k < db->nowned; k++)
        kr_free(db->owned[k]);
    kr_free(db->owned);
    kr_free(db->src);
    kr_free(db->entries);
    kr_free(db->roles);
    kr_free(db->role_agent);
    kr_free(db->names);
    kr_free(db->ids);
    arena_free(db->arena);
    kr_free(db);
}

size_t lex_count(const lex_db *db)
{
    return db->n;
}

const lex_entry *lex_entry_at(const lex_db *db, size_t i)
{
    return &db->entries[i];
}

int lex_agent_of_place(const lex_entry *e)
{
    return e->type == LEX_AGENT && !e->body && !e->abroad && e->sector && strcmp(e->sector, "IGO") != 0;
}

const lex_role *lex_roles(const lex_db *db)
{
    return db->roles;
}

const lex_name *lex_names(const lex_db *db, size_t *count)
{
    *count = db->nnames;
    return db->names;
}

/* --- sources: a folder, or the copy compiled into the binary ------------ */

typedef struct dir_list {
    char **paths;
    size_t n, cap;
} dir_list;

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_txt(const char *dir, dir_list *l, int depth)
{
    DIR *d;
    struct dirent *de;
    int rc = 0;
    if (depth > 8 || !(d = opendir(dir)))
        return depth ? 0 : KR_EIO;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name), dl = strlen(dir);
        char *path;
        struct stat sb;
        if (de->d_name[0] == '.')
            continue;
        if (!(path = kr_malloc(dl + nl + 2))) {
            rc = KR_ENOMEM;
            break;
        }
        snprintf(path, dl + nl + 2, "%s/%s", dir, de->d_name);
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            rc = list_txt(path, l, depth + 1);
            kr_free(path);
        } else if (nl > 4 && strcmp(de->d_name + nl - 4, ".txt") == 0 &&
                   grow((void **)&l->paths, &l->cap, l->n, sizeof *l->paths) == 0) {
            l->paths[l->n++] = path;
        } else {
            kr_free(path);
        }
    }
    closedir(d);
    return rc;
}

static char *read_all(const char *path, size_t *n)
{
    kr_buf b = {0};
    if (kr_read_file(path, &b) != 0) {
        kr_buf_free(&b);
        return NULL;
    }
    *n = b.n;
    return b.p;
}

int lex_load_dir(const char *dir, int check, lex_report_fn report, void *ud, lex_db **out,
                 kr_error *err)
{
    dir_list l = {0};
    lex_source *src = NULL;
    size_t k;
    int rc = list_txt(dir, &l, 0);
    if (rc == KR_EIO)
        kr_errorf(err, rc, "cannot read lexicon folder %s", dir);
    else if (rc == 0 && l.n == 0)
        rc = kr_errorf(err, KR_EFORMAT, "no lexicon files (*.txt) in %s", dir);
    if (rc == 0 && !(src = kr_calloc(l.n, sizeof *src)))
        rc = KR_ENOMEM;
    if (rc == 0)
        qsort(l.paths, l.n, sizeof *l.paths, cmp_paths);
    for (k = 0; rc == 0 && k < l.n; k++) {
        src[k].name = l.paths[k];
        if (!(src[k].data = read_all(l.paths[k], &src[k].n)))
            rc = kr_errorf(err, KR_EIO, "cannot read %s", l.paths[k]);
    }
    if (rc == 0) {
        rc = lex_build(src, l.n, check, report, ud, out);
        if (rc == KR_EFORMAT)
            kr_errorf(err, rc, "the lexicon in %s has errors", dir);
    }
    if (rc == 0) {
        /* the lexicon keeps the paths (messages) and the texts */
        lex_db *db = *out;
        if (!(db->owned = kr_calloc(2 * l.n, sizeof *db->owned))) {
            lex_free(db);
            rc = KR_ENOMEM;
        } else {
            for (k = 0; k < l.n; k++) {
                db->owned[db->nowned++] = (char *)src[k].data;
                db->owned[db->nowned++] = l.paths[k];
            }
            l.n = 0;
        }
    }
    if (rc == KR_ENOMEM)
        kr_errorf(err, rc, "out of memory");
    for (k = 0; k < l.n; k++) {
        kr_free(l.paths[k]);
        if (src)
            kr_free((char *)src[k].data);
    }
    kr_free(l.paths);
    kr_free(src);
    return rc;
}

/* Generated at build time from lexicon/ by tools/embed.c. */
extern const lex_source lex_builtin_sources[];
extern const size_t lex_builtin_nsources;

const lex_source *lex_builtin_files(size_t *n)
{
    *n = lex_builtin_nsources;
    return lex_builtin_sources;
}

int lex_builtin(int check, lex_report_fn report, void *ud, lex_db **out)
{
    return lex_build(lex_builtin_sources, lex_builtin_nsources, check, report, ud, out);
}
