/* eval_ner.c: measures entity recognition on a folder of annotated Russian
 * news, either factRuEval-2016 (.txt + .spans + .objects) or NEREL (brat
 * standoff: .txt + .ann): precision, recall and F1 per type (PER, LOC, ORG),
 * with exact spans and with overlapping spans, and the most frequent misses
 * and false alarms. The data is read where it lies; nothing of it is kept.
 * Usage: eval_ner FOLDER [TOP] [--show TYPE]: --show lists every miss and
 * false alarm of TYPE (PER, LOC, ORG) with its document and context.
 *
 * For factRuEval a third table follows the organizers' own track-1 measure,
 * which rewards the named part of an entity and forgives its description.
 * It works on the dataset's tokens (.tokens), punctuation left out. A gold
 * object is the set of the tokens of its spans, each token marked 1 when a
 * span over it names (a person's name, surname, patronymic or nickname; a
 * place's or an organization's loc_name or org_name) and 0 when spans only
 * describe it (job, org_descr, loc_descr, ...); a prediction is the set of
 * the tokens lying wholly inside its span. Ignored, that is neither found
 * nor missed, with a prediction paired to them neither right nor wrong:
 * objects with no token marked 1 ("социальной сети"), organizations whose
 * tokens lie strictly inside another organization's, and all but one of
 * organizations with the same tokens (siblings: one found is enough, none
 * found is one miss). A prediction and an object may pair when their types
 * agree and they share a token, each at most once: identical sets first,
 * then by decreasing |S∩T| / |S∪T|. The organizers search for the best
 * matching as a whole; pairing greedily is our approximation. A pair
 * scores the marks found over the marks found and missed plus the tokens
 * in excess; P is the sum of the scores over the number of predictions, R
 * over the number of objects.
 * One deviation: we predict no LocOrg type, so a LOC or an ORG prediction
 * may match a LocOrg object (counted as LOC for recall), as in the other
 * tables. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "arena.h"
#include "ent.h"
#include "tok.h"
#include "lex.h"
#include "match.h"
#include "utf8.h"

enum { PER, LOC, ORG, NT };
static const char *const tname[NT] = {"PER", "LOC", "ORG"};

enum { FACTRU = 1, BRAT };

/* One gold entity, in characters. Entities of types we do not score are
 * kept (type -1, named in `other`) only to explain false alarms. */
typedef struct span {
    size_t start, end;
    int type;
    int locorg; /* factRuEval LocOrg: a LOC or an ORG prediction is right */
    int hit;    /* 1: claimed by an exact prediction, 2: by an overlapping one */
    char other[24];
} span;

typedef struct gold {
    span *v;
    size_t n, cap;
} gold;

/* Precision counts predictions, recall counts gold entities: with nested
 * gold one prediction may overlap several, and each gold entity that some
 * prediction claims is found. */
typedef struct score {
    size_t pred_ok[NT], pred_n[NT], gold_ok[NT], gold_n[NT];
} score;

typedef struct tally {
    char text[80];
    int type;
    int n;
} tally;

typedef struct tallies {
    tally *v;
    size_t n, cap;
} tallies;

/* Byte <-> character offsets of one document. */
typedef struct charmap {
    size_t *chars; /* n + 1 entries: characters before each byte */
    size_t *bytes; /* nchars + 1 entries: the byte where each character starts */
    size_t nchars;
} charmap;

/* NEREL types scored here; the others (FACILITY, NATIONALITY, EVENT, ...)
 * are not names of persons, places or organizations in our scheme. */
static const struct {
    const char *name;
    int type;
} brat_types[] = {
    {"PERSON", PER},   {"ORGANIZATION", ORG},      {"COUNTRY", LOC}, {"CITY", LOC},
    {"LOCATION", LOC}, {"STATE_OR_PROVINCE", LOC}, {"DISTRICT", LOC},
};

/* At most max bytes of s[0..n), cut back to a character's start. */
static int utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return (int)n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return (int)max;
}

static void count_err(tallies *t, const char *s, size_t len, int type)
{
    size_t k;
    char buf[80];
    snprintf(buf, sizeof buf, "%.*s", utf8_cut(s, len, 79), s);
    for (k = 0; k < t->n; k++)
        if (t->v[k].type == type && strcmp(t->v[k].text, buf) == 0) {
            t->v[k].n++;
            return;
        }
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 256;
        tally *v = kr_realloc(t->v, cap * sizeof *v);
        if (!v)
            return;
        t->v = v;
        t->cap = cap;
    }
    memcpy(t->v[t->n].text, buf, sizeof buf);
    t->v[t->n].type = type;
    t->v[t->n].n = 1;
    t->n++;
}

/* Brings the top entries of t to its front, most frequent first (ties in
 * order of first sight). */
static void order_top(tallies *t, size_t top)
{
    size_t k, j;
    for (k = 0; k < top && k < t->n; k++) {
        size_t best = k;
        tally tmp;
        for (j = k + 1; j < t->n; j++)
            if (t->v[j].n > t->v[best].n)
                best = j;
        tmp = t->v[best];
        memmove(t->v + k + 1, t->v + k, (best - k) * sizeof tmp);
        t->v[k] = tmp;
    }
}

static void print_top(tallies *t, size_t top, const char *what)
{
    size_t k;
    order_top(t, top);
    printf("most frequent %s:\n", what);
    for (k = 0; k < top && k < t->n; k++)
        printf("  %4d %s %s\n", t->v[k].n, tname[t->v[k].type], t->v[k].text);
}

/* Reads the file at path (NUL-terminated, possibly empty); NULL when it
 * cannot be read. */
static char *slurp(const char *path, size_t *n)
{
    kr_buf b = {0};
    if (kr_read_file(path, &b) != 0) {
        kr_buf_free(&b);
        return NULL;
    }
    *n = b.n;
    return b.p ? b.p : kr_strndup("", 0);
}

static span *gold_add(gold *g)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 256;
        span *v = kr_realloc(g->v, cap * sizeof *v);
        if (!v)
            return NULL;
        g->v = v;
        g->cap = cap;
    }
    memset(&g->v[g->n], 0, sizeof g->v[g->n]);
    return &g->v[g->n++];
}

/* Builds m for t[0..n); with crlf set a CR before an LF is no character, for
 * annotations made after line ends were normalized. */
static int charmap_build(charmap *m, const char *t, size_t n, int crlf)
{
    size_t i, k = 0;
    kr_free(m->chars);
    kr_free(m->bytes);
    m->chars = kr_malloc((n + 1) * sizeof *m->chars);
    m->bytes = kr_malloc((n + 1) * sizeof *m->bytes);
    if (!m->chars || !m->bytes)
        return -1;
    for (i = 0; i <= n; i++) {
        m->chars[i] = k;
        if (i == n)
            m->bytes[k] = n;
        else if (((unsigned char)t[i] & 0xC0) != 0x80 && !(crlf && t[i] == '\r' && i + 1 < n && t[i + 1] == '\n'))
            m->bytes[k++] = i;
    }
    m->nchars = k;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Steps *p past white space within [*p, end) and returns the next byte, or
 * -1 at end: comparing texts this way ignores how fragments were joined. */
static int next_ink(const char **p, const char *end)
{
    while (*p < end && is_space(**p))
        (*p)++;
    return *p < end ? (unsigned char)*(*p)++ : -1;
}

static size_t read_num(const char **p, const char *end, int *ok)
{
    size_t v = 0;
    const char *s = *p;
    while (*p < end && **p >= '0' && **p <= '9')
        v = v * 10 + (size_t)(*(*p)++ - '0');
    *ok = *p > s;
    return v;
}

/* Entity lines of a brat .ann: "T12<TAB>TYPE 10 15;20 25<TAB>text"; other
 * lines (relations, attributes, notes) are ignored. The hull of the
 * fragments is the span. Returns the number of entities whose fragments do
 * not spell their annotated text in the document (or lie outside it); the
 * first such line goes to *bad_line. */
static size_t read_brat(const char *ann, size_t an, const char *text, const charmap *m, gold *g, const char **bad_line)
{
    const char *line = ann, *eol, *end = ann + an;
    size_t bad = 0;
    for (; line < end; line = eol + 1) {
        const char *p, *tab, *sp, *tend, *q;
        size_t lo = (size_t)-1, hi = 0, k, seg[16][2], ns = 0;
        int ok = 1, type = -1, c;
        span *e;
        if (!(eol = memchr(line, '\n', (size_t)(end - line))))
            eol = end;
        if (line[0] != 'T' || !(tab = memchr(line, '\t', (size_t)(eol - line))))
            continue;
        p = tab + 1;
        if (!(sp = memchr(p, ' ', (size_t)(eol - p))))
            continue;
        for (k = 0; k < sizeof brat_types / sizeof brat_types[0]; k++)
            if (strlen(brat_types[k].name) == (size_t)(sp - p) && memcmp(brat_types[k].name, p, (size_t)(sp - p)) == 0)
                type = brat_types[k].type;
        for (p = sp + 1; ok && ns < 16;) {
            int ok2;
            seg[ns][0] = read_num(&p, eol, &ok);
            if (ok && p < eol && *p == ' ')
                p++;
            seg[ns][1] = read_num(&p, eol, &ok2);
            ok = ok && ok2 && seg[ns][0] <= seg[ns][1] && seg[ns][1] <= m->nchars;
            if (!ok)
                break;
            if (seg[ns][0] < lo)
                lo = seg[ns][0];
            if (seg[ns][1] > hi)
                hi = seg[ns][1];
            ns++;
            if (p < eol && *p == ';')
                p++;
            else
                break;
        }
        tend = eol;
        if (ok && p < eol && *p == '\t')
            p++;
        else
            ok = 0;
        if (ok) /* the document's fragments against the annotated text */
            for (k = 0; k < ns; k++) {
                const char *s = text + m->bytes[seg[k][0]], *se = text + m->bytes[seg[k][1]];
                while ((c = next_ink(&s, se)) >= 0)
                    if (c != next_ink(&p, tend)) {
                        ok = 0;
                        break;
                    }
            }
        q = p;
        if (!ok || next_ink(&q, tend) >= 0) {
            if (!bad++)
                *bad_line = line;
            continue;
        }
        if (!(e = gold_add(g)))
            break;
        e->start = lo;
        e->end = hi;
        e->type = type;
        if (type < 0)
            snprintf(e->other, sizeof e->other, "%.*s", (int)(sp - tab - 1), tab + 1);
    }
    return bad;
}

/* The scored type of a factRuEval object type, or -1; a LocOrg is a LOC
 * that an ORG prediction may match too (*locorg set). */
static int factru_type(const char *type, int *locorg)
{
    *locorg = strcmp(type, "LocOrg") == 0;
    if (strcmp(type, "Person") == 0)
        return PER;
    if (strcmp(type, "Location") == 0 || *locorg)
        return LOC;
    if (strcmp(type, "Org") == 0)
        return ORG;
    return -1;
}

/* factRuEval objects: "ID Type SPANID... # text"; spans: "ID kind START LEN
 * ...". The hull of an object's spans is its span. Returns -1 when a file is
 * missing. */
static int read_factru(const char *base, gold *g)
{
    char path[1100], *sp, *ob, *line, *eol;
    size_t sn, on, ns = 0, k;
    long (*sv)[3];
    if (snprintf(path, sizeof path, "%s.spans", base) >= (int)sizeof path || !(sp = slurp(path, &sn)))
        return -1;
    snprintf(path, sizeof path, "%s.objects", base);
    for (k = 0, line = sp; (line = strchr(line, '\n')) != NULL; line++)
        k++;
    if (!(ob = slurp(path, &on)) || !(sv = kr_malloc((k + 1) * sizeof *sv))) {
        kr_free(sp);
        kr_free(ob);
        return -1;
    }
    for (line = sp; line < sp + sn; line = eol + 1) {
        char kind[64];
        if ((eol = strchr(line, '\n')))
            *eol = '\0';
        else
            eol = sp + sn;
        if (sscanf(line, "%ld %63s %ld %ld", &sv[ns][0], kind, &sv[ns][1], &sv[ns][2]) == 4)
            ns++;
    }
    for (line = ob; line < ob + on; line = eol + 1) {
        char type[64], *p, *hash;
        long id, s;
        int off, t, locorg;
        size_t lo = (size_t)-1, hi = 0;
        span *e;
        if ((eol = strchr(line, '\n')))
            *eol = '\0';
        else
            eol = ob + on;
        if ((hash = strchr(line, '#')))
            *hash = '\0';
        if (sscanf(line, "%ld %63s%n", &id, type, &off) < 2)
            continue;
        t = factru_type(type, &locorg);
        for (p = line + off; sscanf(p, "%ld%n", &s, &off) == 1; p += off)
            for (k = 0; k < ns; k++)
                if (sv[k][0] == s && sv[k][1] >= 0 && sv[k][2] >= 0) {
                    if ((size_t)sv[k][1] < lo)
                        lo = (size_t)sv[k][1];
                    if ((size_t)(sv[k][1] + sv[k][2]) > hi)
                        hi = (size_t)(sv[k][1] + sv[k][2]);
                }
        if (lo == (size_t)-1 || !(e = gold_add(g)))
            continue;
        e->start = lo;
        e->end = hi;
        e->type = t;
        e->locorg = locorg;
        if (t < 0)
            snprintf(e->other, sizeof e->other, "%.23s", type);
    }
    kr_free(sv);
    kr_free(sp);
    kr_free(ob);
    return 0;
}

static int types_agree(int gold_type, int locorg, int type)
{
    return gold_type == type || (locorg && (type == LOC || type == ORG));
}

static int same_type(const span *g, int type)
{
    return types_agree(g->type, g->locorg, type);
}

/* factRuEval track 1, on the dataset's tokens (see the top of the file). */

#define T1_NONE ((size_t)-1)

typedef struct t1tok {
    size_t start, end; /* characters */
    long id;
    int punct; /* neither letter nor digit: ignored everywhere */
} t1tok;

/* A gold object or a prediction as the ascending indices of its tokens,
 * punctuation left out; a gold object carries each token's mark. */
typedef struct t1obj {
    size_t *tok;
    unsigned char *mark; /* gold only */
    size_t n;
    int type, locorg;
    int ignored; /* gold: unnamed, embedded, or a sibling of one paired */
    size_t sib;  /* gold: the first object with the same tokens (itself if none) */
    size_t pair; /* the object paired on the other side, or T1_NONE */
} t1obj;

typedef struct t1objs {
    t1obj *v;
    size_t n, cap;
} t1objs;

/* One document; the vectors are kept from one document to the next, the
 * token sets live in the document's arena. */
typedef struct t1doc {
    t1tok *tok;
    size_t nt, tcap;
    t1objs gold, pred;
} t1doc;

/* A line of .spans: its id, whether its tag names a person (per) or a place
 * or an organization (lo), and its tokens. */
typedef struct t1span {
    long id;
    unsigned char per, lo;
    size_t *tok;
    size_t n;
} t1span;

/* A pair of a LocOrg object counts for its prediction's type in precision
 * and for LOC in recall, so the two sums of quality may differ. */
typedef struct t1score {
    double tp_pred[NT], tp_gold[NT];
    size_t n_test[NT], n_std[NT];
} t1score;

typedef struct t1cand {
    size_t p, g;
    double prio;
} t1cand;

/* Span tags that name, per kind of object; any other tag weighs 0. */
static const char *const per_tags[] = {"name", "surname", "patronymic", "nickname", "none", NULL};
static const char *const lo_tags[] = {"loc_name", "org_name", "none", NULL};

static int tag_in(const char *tag, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(tag, *list) == 0)
            return 1;
    return 0;
}

/* 1 when the characters [s, e) hold no letter and no digit. */
static int is_punct(const char *text, const charmap *m, size_t s, size_t e)
{
    size_t i = m->bytes[s], end = m->bytes[e];
    while (i < end) {
        int32_t c = utf8_next(text, end, &i);
        if (c > 0 && u_isalnum(c))
            return 0;
    }
    return 1;
}

static t1obj *t1_add(t1objs *o)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 64;
        t1obj *v = kr_realloc(o->v, cap * sizeof *v);
        if (!v)
            return NULL;
        o->v = v;
        o->cap = cap;
    }
    memset(&o->v[o->n], 0, sizeof o->v[o->n]);
    o->v[o->n].pair = T1_NONE;
    return &o->v[o->n++];
}

/* Puts token k into o's ascending set (room for it reserved); a token met
 * again keeps its highest mark, since spans of one object may overlap. */
static void t1_put(t1obj *o, size_t k, unsigned char mark)
{
    size_t i = o->n;
    while (i > 0 && o->tok[i - 1] > k)
        i--;
    if (i > 0 && o->tok[i - 1] == k) {
        if (o->mark && mark > o->mark[i - 1])
            o->mark[i - 1] = mark;
        return;
    }
    memmove(o->tok + i + 1, o->tok + i, (o->n - i) * sizeof *o->tok);
    if (o->mark) {
        memmove(o->mark + i + 1, o->mark + i, o->n - i);
        o->mark[i] = mark;
    }
    o->tok[i] = k;
    o->n++;
}

/* Cuts the NUL-terminated buffer [*line, end) at its next line end and
 * returns the line, or NULL past the end. */
static char *next_line(char **line, char *end)
{
    char *l = *line, *eol;
    if (l >= end)
        return NULL;
    if ((eol = strchr(l, '\n')))
        *eol = '\0';
    else
        eol = end;
    *line = eol + 1;
    return l;
}

/* .tokens: "ID START LEN TEXT", a blank line after each sentence. */
static int t1_read_tokens(const char *base, const char *text, const charmap *m, t1doc *d)
{
    char path[1100], *buf, *p, *line;
    size_t n;
    d->nt = 0;
    if (snprintf(path, sizeof path, "%s.tokens", base) >= (int)sizeof path || !(buf = slurp(path, &n)))
        return -1;
    for (p = buf; (line = next_line(&p, buf + n)) != NULL;) {
        long id, s, len;
        t1tok *t;
        if (sscanf(line, "%ld %ld %ld", &id, &s, &len) != 3 || s < 0 || len <= 0 || (size_t)(s + len) > m->nchars)
            continue;
        if (d->nt == d->tcap) {
            size_t cap = d->tcap ? 2 * d->tcap : 1024;
            t1tok *v = kr_realloc(d->tok, cap * sizeof *v);
            if (!v)
                break;
            d->tok = v;
            d->tcap = cap;
        }
        t = &d->tok[d->nt++];
        t->id = id;
        t->start = (size_t)s;
        t->end = (size_t)(s + len);
        t->punct = is_punct(text, m, t->start, t->end);
    }
    kr_free(buf);
    return 0;
}

/* The index of the token with this id, or T1_NONE: ids grow through a
 * document but not by one, so they are looked up. */
static size_t t1_token(const t1doc *d, long id)
{
    size_t k;
    for (k = 0; k < d->nt; k++)
        if (d->tok[k].id == id)
            return k;
    return T1_NONE;
}

/* .spans: "ID TAG START LEN FIRSTTOKEN NTOKENS  # TOKENIDS TEXTS"; an id
 * may stand on several lines, one a tag (a surname that is a nickname too).
 * Returns the spans (kr_free them) and their number in *ns. */
static t1span *t1_read_spans(const char *base, const t1doc *d, kr_arena *a, size_t *ns)
{
    char path[1100], *buf, *p, *line;
    size_t n, cap = 1;
    t1span *v;
    *ns = 0;
    if (snprintf(path, sizeof path, "%s.spans", base) >= (int)sizeof path || !(buf = slurp(path, &n)))
        return NULL;
    for (p = buf; (p = strchr(p, '\n')) != NULL; p++)
        cap++;
    if (!(v = kr_malloc(cap * sizeof *v))) {
        kr_free(buf);
        return NULL;
    }
    for (p = buf; (line = next_line(&p, buf + n)) != NULL;) {
        char tag[64], *q, *hash;
        long id, s, len, first, nt, k;
        t1span *sp = &v[*ns];
        if (sscanf(line, "%ld %63s %ld %ld %ld %ld", &id, tag, &s, &len, &first, &nt) != 6 || nt <= 0 ||
            !(hash = strchr(line, '#')) || !(sp->tok = arena_alloc(a, (size_t)nt * sizeof *sp->tok)))
            continue;
        sp->id = id;
        sp->per = (unsigned char)tag_in(tag, per_tags);
        sp->lo = (unsigned char)tag_in(tag, lo_tags);
        sp->n = 0;
        /* exactly NTOKENS ids: the text after them may begin with a digit */
        for (q = hash + 1, k = 0; k < nt; k++) {
            char *after;
            size_t t = t1_token(d, strtol(q, &after, 10));
            if (after == q)
                break;
            q = after;
            if (t != T1_NONE && !d->tok[t].punct)
                sp->tok[sp->n++] = t;
        }
        (*ns)++;
    }
    kr_free(buf);
    return v;
}

/* .objects: "ID TYPE SPANID... # text". Objects of the scored types become
 * the tokens of all their spans, each with the highest mark of its spans;
 * objects left without tokens (punctuation only) are dropped. */
static int t1_read_gold(const char *base, const t1span *sp, size_t ns, kr_arena *a, t1doc *d)
{
    char path[1100], *buf, *p, *line;
    size_t n;
    d->gold.n = 0;
    if (snprintf(path, sizeof path, "%s.objects", base) >= (int)sizeof path || !(buf = slurp(path, &n)))
        return -1;
    for (p = buf; (line = next_line(&p, buf + n)) != NULL;) {
        char type[64], *ids, *q, *hash;
        long id, s;
        int off, t, locorg;
        size_t room = 0, k, j;
        t1obj *o;
        if ((hash = strchr(line, '#')))
            *hash = '\0';
        if (sscanf(line, "%ld %63s%n", &id, type, &off) < 2)
            continue;
        if ((t = factru_type(type, &locorg)) < 0)
            continue;
        for (q = ids = line + off; sscanf(q, "%ld%n", &s, &off) == 1; q += off)
            for (k = 0; k < ns; k++)
                room += sp[k].id == s ? sp[k].n : 0;
        if (!room || !(o = t1_add(&d->gold)))
            continue;
        o->type = t;
        o->locorg = locorg;
        o->tok = arena_alloc(a, room * sizeof *o->tok);
        o->mark = arena_alloc(a, room);
        if (!o->tok || !o->mark) {
            d->gold.n--;
            continue;
        }
        for (q = ids; sscanf(q, "%ld%n", &s, &off) == 1; q += off)
            for (k = 0; k < ns; k++)
                if (sp[k].id == s)
                    for (j = 0; j < sp[k].n; j++)
                        t1_put(o, sp[k].tok[j], t == PER ? sp[k].per : sp[k].lo);
    }
    kr_free(buf);
    return 0;
}

/* A prediction over characters [s, e): the tokens lying wholly inside,
 * punctuation left out; with none it is no prediction here. */
static void t1_add_pred(t1doc *d, kr_arena *a, int type, size_t s, size_t e)
{
    size_t k, n = 0;
    t1obj *o;
    for (k = 0; k < d->nt; k++)
        n += !d->tok[k].punct && s <= d->tok[k].start && d->tok[k].end <= e;
    if (!n || !(o = t1_add(&d->pred)))
        return;
    if (!(o->tok = arena_alloc(a, n * sizeof *o->tok))) {
        d->pred.n--;
        return;
    }
    o->type = type;
    for (k = 0; k < d->nt; k++)
        if (!d->tok[k].punct && s <= d->tok[k].start && d->tok[k].end <= e)
            t1_put(o, k, 0);
}

/* The number of tokens two ascending sets share. */
static size_t t1_common(const t1obj *x, const t1obj *y)
{
    size_t i = 0, j = 0, n = 0;
    while (i < x->n && j < y->n)
        if (x->tok[i] < y->tok[j])
            i++;
        else if (y->tok[j] < x->tok[i])
            j++;
        else
            n++, i++, j++;
    return n;
}

static int t1_orglike(const t1obj *g)
{
    return g->type == ORG || g->locorg;
}

/* Objects with no named token are ignored, and so are organizations inside
 * a larger one; organizations with the same tokens are siblings. */
static void t1_ignore(t1objs *gs)
{
    size_t i, j, k;
    for (i = 0; i < gs->n; i++) {
        t1obj *g = &gs->v[i];
        g->sib = i;
        g->ignored = 1;
        for (k = 0; k < g->n; k++)
            if (g->mark[k])
                g->ignored = 0;
        if (!t1_orglike(g))
            continue;
        for (j = 0; j < gs->n; j++) {
            const t1obj *h = &gs->v[j];
            if (j == i || !t1_orglike(h) || t1_common(g, h) != g->n)
                continue;
            if (h->n > g->n)
                g->ignored = 1;
            else if (h->n == g->n && j < g->sib)
                g->sib = j;
        }
    }
}

/* Reads a document's tokens and gold objects and tells which objects the
 * measure ignores. */
static int t1_read(const char *base, const char *text, const charmap *m, kr_arena *a, t1doc *d)
{
    t1span *sp;
    size_t ns;
    int rc;
    d->pred.n = d->gold.n = 0;
    if (t1_read_tokens(base, text, m, d) != 0 || !(sp = t1_read_spans(base, d, a, &ns)))
        return -1;
    if ((rc = t1_read_gold(base, sp, ns, a, d)) == 0)
        t1_ignore(&d->gold);
    kr_free(sp);
    return rc;
}

/* Highest priority first; ties in document order, so that results do not
 * depend on qsort. */
static int by_priority(const void *a, const void *b)
{
    const t1cand *x = a, *y = b;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return x->g < y->g ? -1 : x->g > y->g;
}

/* Pairs predictions with objects of agreeing types that share a token, each
 * at most once, by decreasing |S∩T| / |S∪T|: identical sets (priority 1)
 * come first. Once an organization is paired its siblings are ignored. */
static int t1_match(t1doc *d)
{
    t1objs *ps = &d->pred, *gs = &d->gold;
    size_t nc = 0, p, g, k;
    t1cand *c;
    if (!ps->n || !gs->n)
        return 0;
    if (!(c = kr_malloc(ps->n * gs->n * sizeof *c)))
        return -1;
    for (p = 0; p < ps->n; p++)
        for (g = 0; g < gs->n; g++) {
            size_t both;
            if (!types_agree(gs->v[g].type, gs->v[g].locorg, ps->v[p].type) ||
                !(both = t1_common(&ps->v[p], &gs->v[g])))
                continue;
            c[nc].p = p;
            c[nc].g = g;
            c[nc].prio = (double)both / (double)(ps->v[p].n + gs->v[g].n - both);
            nc++;
        }
    qsort(c, nc, sizeof *c, by_priority);
    for (k = 0; k < nc; k++) {
        t1obj *x = &ps->v[c[k].p], *y = &gs->v[c[k].g];
        if (x->pair != T1_NONE || y->pair != T1_NONE)
            continue;
        x->pair = c[k].g;
        y->pair = c[k].p;
        for (g = 0; g < gs->n; g++)
            if (g != c[k].g && gs->v[g].sib == y->sib)
                gs->v[g].ignored = 1;
    }
    kr_free(c);
    return 0;
}

/* A pair's quality: the marks found over the marks found and missed plus
 * the predicted tokens in excess (unweighted); a pair with nothing marked
 * on either side scores its priority. */
static double t1_quality(const t1obj *g, const t1obj *p)
{
    double tp = 0, fn = 0, fp = 0;
    size_t i = 0, j = 0, both = 0;
    while (i < g->n || j < p->n)
        if (j == p->n || (i < g->n && g->tok[i] < p->tok[j])) {
            fn += g->mark[i++];
        } else if (i == g->n || p->tok[j] < g->tok[i]) {
            fp += 1;
            j++;
        } else {
            tp += g->mark[i++];
            both++;
            j++;
        }
    if (tp + fn + fp == 0)
        return (double)both / (double)(g->n + p->n - both);
    return tp / (tp + fn + fp);
}

/* Adds a document's pairs, unpaired predictions and missed objects to sc;
 * siblings none of which was paired are one miss. */
static void t1_count(const t1doc *d, t1score *sc)
{
    const t1objs *ps = &d->pred, *gs = &d->gold;
    size_t k, j;
    for (k = 0; k < ps->n; k++) {
        const t1obj *p = &ps->v[k], *g = p->pair != T1_NONE ? &gs->v[p->pair] : NULL;
        double q;
        if (g && g->ignored)
            continue; /* neither right nor wrong */
        sc->n_test[p->type]++;
        if (!g)
            continue;
        q = t1_quality(g, p);
        sc->tp_pred[p->type] += q;
        sc->tp_gold[g->type] += q;
        sc->n_std[g->type]++;
    }
    for (k = 0; k < gs->n; k++) {
        const t1obj *g = &gs->v[k];
        if (g->pair != T1_NONE || g->ignored)
            continue;
        for (j = g->sib; j < k; j++)
            if (gs->v[j].sib == g->sib && !gs->v[j].ignored)
                break;
        if (j == k)
            sc->n_std[g->type]++;
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the .txt names of folder (sorted, so that results do not depend on
 * directory order) and tells its format from the annotation files there. */
static int list_folder(const char *folder, char ***names, size_t *nn, int *format)
{
    DIR *d = opendir(folder);
    struct dirent *de;
    size_t cap = 0, nobj = 0, nann = 0;
    *names = NULL;
    *nn = 0;
    if (!d)
        return -1;
    while ((de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name);
        if (nl > 8 && strcmp(de->d_name + nl - 8, ".objects") == 0)
            nobj++;
        if (nl > 4 && strcmp(de->d_name + nl - 4, ".ann") == 0)
            nann++;
        if (nl < 5 || strcmp(de->d_name + nl - 4, ".txt") != 0)
            continue;
        if (*nn == cap) {
            char **v = kr_realloc(*names, (cap = cap ? 2 * cap : 256) * sizeof *v);
            if (!v)
                break;
            *names = v;
        }
        if (((*names)[*nn] = kr_strndup(de->d_name, nl - 4)) != NULL)
            (*nn)++;
    }
    closedir(d);
    if (*nn)
        qsort(*names, *nn, sizeof **names, by_name);
    *format = nobj && !nann ? FACTRU : nann && !nobj ? BRAT : 0;
    return 0;
}

/* One line for --show: the document, what went wrong, the span's text and
 * up to 40 bytes either side (cut back to whole characters). */
static void show_err(const char *doc, const char *what, const char *text, size_t n, size_t s, size_t e)
{
    size_t ls = s > 40 ? s - 40 : 0, re = e + 40 < n ? e + 40 : n, k;
    while (ls > 0 && ((unsigned char)text[ls] & 0xC0) == 0x80)
        ls--;
    while (re < n && ((unsigned char)text[re] & 0xC0) == 0x80)
        re++;
    printf("%s: %s [%.*s]  ", doc, what, (int)(e - s), text + s);
    for (k = ls; k <= re; k++) {
        if (k == s)
            putchar('[');
        if (k == e)
            putchar(']');
        if (k < re)
            putchar(text[k] == '\n' || text[k] == '\r' ? ' ' : text[k]);
    }
    putchar('\n');
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void print_track1(const t1score *sc, size_t skipped)
{
    size_t t;
    printf("factRuEval track-1 rules (dataset tokens; descriptions weigh 0; unnamed and embedded objects ignored)\n");
    if (skipped)
        printf("%zu documents left out: no .tokens, or no memory\n", skipped);
    printf("%-4s  %-26s  %s\n", "type", "track 1     P     R     F1", "quality / predictions, quality / gold");
    for (t = 0; t < NT; t++) {
        double p = sc->n_test[t] ? sc->tp_pred[t] / (double)sc->n_test[t] : 0;
        double r = sc->n_std[t] ? sc->tp_gold[t] / (double)sc->n_std[t] : 0;
        printf("%-4s  %11s %.3f %.3f %.3f  %.1f / %zu, %.1f / %zu\n", tname[t], "", p, r, f1(p, r), sc->tp_pred[t],
               sc->n_test[t], sc->tp_gold[t], sc->n_std[t]);
    }
}

int main(int argc, char **argv)
{
    lex_db *lex;
    match_db *m;
    ent_ctx *c;
    score strict, loose;
    t1doc t1 = {0};
    t1score track1;
    size_t nested[NT] = {0}, t1skip = 0;
    tallies miss = {0}, alarm = {0}, others = {0}, bounds = {0};
    gold g = {0};
    charmap cm = {0};
    char **names;
    size_t nnames, docs = 0, nbad = 0, ngold = 0, top = argc > 2 ? (size_t)atoi(argv[2]) : 12, f, k, t;
    int format;
    char bad_example[200] = "";
    int show = -1;
    if (argc > 4 && strcmp(argv[3], "--show") == 0)
        for (t = 0; t < NT; t++)
            if (strcmp(argv[4], tname[t]) == 0)
                show = (int)t;
    if (argc < 2) {
        fprintf(stderr, "usage: eval_ner FOLDER [TOP] [--show TYPE]\n"
                        "  FOLDER holds factRuEval-2016 (.txt .spans .objects) or NEREL (.txt .ann) files\n");
        return 2;
    }
    if (list_folder(argv[1], &names, &nnames, &format) != 0) {
        perror(argv[1]);
        return 2;
    }
    if (!format) {
        fprintf(stderr, "eval_ner: %s holds neither .objects (factRuEval) nor .ann (brat) files, or both\n", argv[1]);
        return 2;
    }
    if (lex_builtin(0, NULL, NULL, &lex) || match_build(lex, &m) || ent_new(lex, m, &c)) {
        fprintf(stderr, "eval_ner: the lexicon does not load\n");
        return 2;
    }
    memset(&strict, 0, sizeof strict);
    memset(&loose, 0, sizeof loose);
    memset(&track1, 0, sizeof track1);
    for (f = 0; f < nnames; f++) {
        char base[1024], path[1100], *text, *ann = NULL;
        size_t n, an = 0, nm, i;
        kr_arena *a;
        ent_mention *mv;
        tok_doc td;
        kr_date nodate = {0, 0, 0};
        int t1ok;
        if (snprintf(base, sizeof base, "%s/%s", argv[1], names[f]) >= (int)sizeof base)
            continue;
        snprintf(path, sizeof path, "%s.txt", base);
        if (!(text = slurp(path, &n)) || utf8_validate(text, n, &i) != 0 || charmap_build(&cm, text, n, 0) != 0) {
            kr_free(text);
            continue;
        }
        g.n = 0;
        if (format == FACTRU) {
            if (read_factru(base, &g) != 0) {
                kr_free(text);
                continue;
            }
        } else {
            const char *bl = NULL;
            size_t bad;
            snprintf(path, sizeof path, "%s.ann", base);
            if (!(ann = slurp(path, &an))) {
                kr_free(text);
                continue;
            }
            bad = read_brat(ann, an, text, &cm, &g, &bl);
            /* offsets counted on text whose CR LF became LF */
            if (bad && memchr(text, '\r', n)) {
                const char *bl2 = NULL;
                size_t bad2 = bad;
                g.n = 0;
                if (charmap_build(&cm, text, n, 1) == 0)
                    bad2 = read_brat(ann, an, text, &cm, &g, &bl2);
                if (bad2 < bad)
                    bad = bad2, bl = bl2;
                else if (g.n = 0, charmap_build(&cm, text, n, 0) == 0)
                    read_brat(ann, an, text, &cm, &g, &bl);
                else {
                    kr_free(ann);
                    kr_free(text);
                    continue;
                }
            }
            if (bad && !nbad) {
                const char *e = memchr(bl, '\n', (size_t)(ann + an - bl));
                snprintf(bad_example, sizeof bad_example, "%s.ann: %.*s", names[f], (int)((e ? e : ann + an) - bl), bl);
            }
            nbad += bad;
        }
        for (k = 0; k < g.n; k++)
            if (g.v[k].type >= 0) {
                g.v[k].start = g.v[k].start < cm.nchars ? g.v[k].start : cm.nchars;
                g.v[k].end = g.v[k].end < cm.nchars ? g.v[k].end : cm.nchars;
                ngold++;
            }
        a = arena_new();
        t1ok = format == FACTRU && a && t1_read(base, text, &cm, a, &t1) == 0;
        /* with the tokens, as documents are analysed */
        if (tok_run(text, n, 0, a, &td, NULL) == 0 &&
            ent_resolve(c, text, n, 0, &td, nodate, a, &mv, &nm) == 0) {
            for (k = 0; k < nm; k++) {
                const ent_mention *x = &mv[k];
                int type = -1, hit = 0, near = 0;
                size_t s = cm.chars[x->span.start], e = cm.chars[x->span.end], j;
                if (x->kind == ENT_ADJ || x->kind == ENT_ROLE)
                    continue; /* not names: both gold sets annotate names */
                /* a state's body named by its kind ("правительство Израиля")
                 * is an organization there; a group of people is not */
                if (x->kind == ENT_GROUP && !(x->agent >= 0 && lex_entry_at(lex, (size_t)x->agent)->body))
                    continue;
                if (x->kind == ENT_GROUP)
                    type = ORG;
                else if (strcmp(x->type, "PER") == 0)
                    type = PER;
                else if (strcmp(x->type, "ORG") == 0)
                    type = ORG;
                else
                    type = LOC;
                for (j = 0; j < g.n; j++) {
                    span *y = &g.v[j];
                    if (y->type < 0 || !same_type(y, type))
                        continue;
                    if (y->start == s && y->end == e && !(y->hit & 1)) {
                        y->hit |= 1;
                        hit = 1;
                    }
                    if (y->start < e && s < y->end && !(y->hit & 2)) {
                        y->hit |= 2;
                        near = 1;
                        if (!(y->start == s && y->end == e)) { /* a boundary difference */
                            char both[80];
                            snprintf(both, sizeof both, "%.*s | %.*s",
                                     utf8_cut(text + x->span.start, x->span.end - x->span.start, 36),
                                     text + x->span.start,
                                     utf8_cut(text + cm.bytes[y->start],
                                              cm.bytes[y->end] - cm.bytes[y->start], 36),
                                     text + cm.bytes[y->start]);
                            count_err(&bounds, both, strlen(both), type);
                        }
                    }
                }
                if (!hit && type == show) /* exact errors: false alarms and boundaries */
                    show_err(names[f], near ? "BOUND" : "ALARM", text, n, x->span.start, x->span.end);
                if (t1ok)
                    t1_add_pred(&t1, a, type, s, e);
                strict.pred_n[type]++;
                loose.pred_n[type]++;
                strict.pred_ok[type] += (size_t)hit;
                loose.pred_ok[type] += (size_t)near;
                if (!near) {
                    const span *o = NULL;
                    count_err(&alarm, text + x->span.start, x->span.end - x->span.start, type);

                    /* the gold entity of an unscored type it lands on, exact first */
                    for (j = 0; j < g.n; j++)
                        if (g.v[j].type < 0 && g.v[j].start < e && s < g.v[j].end &&
                            (!o || (g.v[j].start == s && g.v[j].end == e)))
                            o = &g.v[j];
                    if (o)
                        count_err(&others, o->other, strlen(o->other), 0);
                }
            }
        }
        for (k = 0; k < g.n; k++) {
            const span *y = &g.v[k];
            if (y->type < 0)
                continue;
            strict.gold_n[y->type]++;
            loose.gold_n[y->type]++;
            strict.gold_ok[y->type] += (size_t)(y->hit & 1);
            loose.gold_ok[y->type] += (size_t)((y->hit & 2) >> 1);
            if (!(y->hit & 1) && y->type == show)
                show_err(names[f], y->hit & 2 ? "GOLD " : "MISS ", text, n, cm.bytes[y->start], cm.bytes[y->end]);
            if (y->hit & 2)
                continue;
            for (i = 0; i < g.n; i++)
                if (i != k && g.v[i].type >= 0 && g.v[i].start <= y->start && y->end <= g.v[i].end &&
                    g.v[i].end - g.v[i].start > y->end - y->start) {
                    nested[y->type]++;
                    break;
                }
            if (y->end > y->start)
                count_err(&miss, text + cm.bytes[y->start], cm.bytes[y->end] - cm.bytes[y->start], y->type);
        }
        if (t1ok && t1_match(&t1) == 0)
            t1_count(&t1, &track1);
        else if (format == FACTRU)
            t1skip++;
        arena_free(a);
        kr_free(ann);
        kr_free(text);
        docs++;
    }
    if (format == FACTRU)
        printf("factRuEval-2016 %s: %zu documents, %zu gold entities\n", argv[1], docs, ngold);
    else
        printf("NEREL %s: %zu documents, %zu gold entities (PERSON, ORGANIZATION, COUNTRY, CITY, "
               "STATE_OR_PROVINCE, DISTRICT, LOCATION)\n",
               argv[1], docs, ngold);
    if (nbad)
        printf("%zu gold entities skipped: fragments do not spell their text (first: %s)\n", nbad, bad_example);
    printf("%-4s  %-26s  %-26s\n", "type", "exact span  P     R     F1", "overlap     P     R     F1");
    for (t = 0; t < NT; t++) {
        double ps = ratio(strict.pred_ok[t], strict.pred_n[t]), rs = ratio(strict.gold_ok[t], strict.gold_n[t]);
        double pl = ratio(loose.pred_ok[t], loose.pred_n[t]), rl = ratio(loose.gold_ok[t], loose.gold_n[t]);
        printf("%-4s  %11s %.3f %.3f %.3f  %11s %.3f %.3f %.3f\n", tname[t], "", ps, rs,
               f1(ps, rs), "", pl, rl, f1(pl, rl));
    }
    if (format == FACTRU)
        print_track1(&track1, t1skip);
    /* nested gold (a country inside an organization's name) is scored too */
    printf("overlap misses inside a longer PER/LOC/ORG gold entity:");
    for (t = 0; t < NT; t++)
        printf(" %s %zu of %zu%s", tname[t], nested[t], loose.gold_n[t] - loose.gold_ok[t], t + 1 < NT ? "," : "\n");
    print_top(&miss, top, "misses");
    print_top(&alarm, top, "false alarms");
    print_top(&bounds, top, "boundary differences (kronika | gold)");
    if (others.n) {
        /* what gold calls something unscored here (FACILITY, EVENT, ...) */
        size_t sum = 0, all = 0;
        for (k = 0; k < others.n; k++)
            sum += (size_t)others.v[k].n;
        for (t = 0; t < NT; t++)
            all += loose.pred_n[t] - loose.pred_ok[t];
        order_top(&others, others.n);
        printf("%zu of %zu false alarms overlap gold entities of unscored types:", sum, all);
        for (k = 0; k < others.n; k++)
            printf(" %s %d%s", others.v[k].text, others.v[k].n, k + 1 < others.n ? "," : "\n");
    }
    for (f = 0; f < nnames; f++)
        kr_free(names[f]);
    kr_free(names);
    kr_free(g.v);
    kr_free(t1.tok);
    kr_free(t1.gold.v);
    kr_free(t1.pred.v);
    kr_free(cm.chars);
    kr_free(cm.bytes);
    kr_free(miss.v);
    kr_free(alarm.v);
    kr_free(bounds.v);
    kr_free(others.v);
    ent_free(c);
    match_free(m);
    lex_free(lex);
    return 0;
}
