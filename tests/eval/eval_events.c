/* eval_events.c: measures event coding by running `kronika code` on the
 * sentences of a public gold set and comparing its events with the gold:
 * the PLOVER gold standard records (JSON), TABARI's validation suite
 * (Validate.text) or PETRARCH's unit-test records (XML). The gold is read
 * where it lies; only a temporary copy of its sentences is written.
 * Usage: eval_events KRONIKA GOLDFILE [--lexicon DIR] [--keep] [--top N]
 *        [--show GROUP|all] */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, access, WEXITSTATUS */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "json.h"
#include "kr.h"
#include "utf8.h"

enum { PLOVER = 1, TABARI, PETRARCH };

/* One side of an event as kronika prints it (SPEC section 3); all empty
 * when the side is null. */
typedef struct side {
    char code[32], country[8], text[96];
} side;

typedef struct event {
    char plover[16], cameo[8];
    double conf;
    side src, tgt;
} event;

/* One expected coding of TABARI or PETRARCH. Actor codes lose the "~"
 * (an agent standing alone) and "---" (no actor) prefixes; a code in double
 * quotes is the text of an actor the dictionaries do not know. */
typedef struct coding {
    char src[48], tgt[48], code[8];
} coding;

typedef struct sentence {
    char id[80];             /* document id given to kronika, unique in the set */
    char group[24];          /* table row: gold type, TABARI id prefix, PETRARCH category */
    char date[11];           /* YYYY-MM-DD or "" */
    char *text;              /* one line, owned */
    char type[16];           /* PLOVER: gold type as a PLOVER 2.0 name */
    char gsrc[64], gtgt[64]; /* PLOVER: gold actor codes, space separated */
    coding *exp;             /* TABARI, PETRARCH: expected codings, owned */
    size_t nexp, expcap;
    int none;                /* the gold says no event ({---}, noevents, discards) */
    event *ev;               /* what kronika coded, owned */
    size_t nev, evcap;
} sentence;

typedef struct goldset {
    sentence *v;
    size_t n, cap;
    size_t skipped; /* records not scored: settings, excluded categories, bad text */
    int format;
} goldset;

/* A row of a result table or a counted confusion; `first` keeps the order
 * of first sight for ties. */
typedef struct row {
    char name[64];
    size_t first;
    size_t n, covered, produced;              /* sentences, those with events, events */
    size_t type_ok, anytype;                  /* PLOVER: best event's type right, gold type among any */
    size_t src_n, src_ok, tgt_n, tgt_ok;      /* PLOVER: gold sides and right ones */
    size_t exp, exact, loose, extra;          /* codings: expected, reproduced, events beyond them */
    size_t none_n, none_ok;                   /* codings: sentences expecting none, left empty */
} row;

typedef struct rows {
    row *v;
    size_t n, cap;
} rows;

/* ---- small helpers ---- */

/* Makes room for one more element of `size` bytes in *v; -1 when out of
 * memory. */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
    void *p;
    size_t c;
    if (n < *cap)
        return 0;
    c = *cap ? 2 * *cap : 64;
    if (!(p = kr_realloc(*v, c * size)))
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

/* Copies s[0..n) into out (cap bytes), cut to fit and NUL-terminated. */
static void copy(char *out, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = 0;
}

static void upcase(char *s)
{
    for (; *s; s++)
        *s = (char)kr_toupper((unsigned char)*s);
}

/* First occurrence of pat in s[0..n), or NULL (memmem is not C11). */
static const char *find(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat), i;
    for (i = 0; k <= n && i <= n - k; i++)
        if (memcmp(s + i, pat, k) == 0)
            return s + i;
    return NULL;
}

/* Copies s[0..n) with runs of white space made one space and the ends
 * trimmed: gold sentences are wrapped over several lines, a document for
 * kronika is one JSON string. Returns an owned string or NULL. */
static char *squeeze(const char *s, size_t n)
{
    char *out = kr_malloc(n + 1), *o = out;
    size_t i;
    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        if (kr_isspace((unsigned char)s[i])) {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = s[i];
        }
    }
    if (o > out && o[-1] == ' ')
        o--;
    *o = 0;
    return out;
}

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

/* Appends a new sentence to g with its text (taken), id and group; NULL when
 * out of memory (the text is then freed; a NULL text is a failed copy). */
static sentence *add_sentence(goldset *g, char *text, const char *id, const char *group)
{
    sentence *s;
    if (!text || grow((void **)&g->v, &g->cap, g->n, sizeof *g->v) != 0) {
        kr_free(text);
        return NULL;
    }
    s = &g->v[g->n++];
    memset(s, 0, sizeof *s);
    s->text = text;
    snprintf(s->id, sizeof s->id, "%s", id);
    snprintf(s->group, sizeof s->group, "%s", group);
    return s;
}

/* A sentence kronika could not read (empty, or not UTF-8) is not scored. */
static int usable_text(const char *t)
{
    size_t bad;
    return t && *t && utf8_validate(t, strlen(t), &bad) == 0;
}

/* ---- PLOVER gold standard records ---- */

/* The GSR (PLOVER 0.5) names that PLOVER 2.0 merged into others (PLOVER
 * manual, CAMEO conversion table); both sides are compared as 2.0 names. */
static const char *const renamed[][2] = {
    {"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"INVESTIGATE", "ACCUSE"}, {"FIGHT", "ASSAULT"}};

/* Older CAMEO country codes the GSR still uses, and their ISO 3166 codes,
 * which kronika prints. */
static const char *const iso_alias[][2] = {{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"}};

static void plover_name(char *out, size_t cap, const char *s, size_t n)
{
    size_t k;
    copy(out, cap, s, n);
    upcase(out);
    for (k = 0; k < sizeof renamed / sizeof renamed[0]; k++)
        if (strcmp(out, renamed[k][0]) == 0)
            snprintf(out, cap, "%s", renamed[k][1]);
}

/* Steps over the JSON value at s[*i] (after white space and a separating
 * comma) and sets *out to its text. Returns 1, 0 at the closing bracket of
 * the array or the end, -1 for an unclosed value. json.h hands nested arrays
 * back as raw text; this walks them. Brackets inside strings do not count. */
static int next_element(const char *s, size_t n, size_t *i, kr_str *out)
{
    size_t start, depth = 0;
    while (*i < n && (kr_isspace((unsigned char)s[*i]) || s[*i] == ','))
        (*i)++;
    if (*i >= n || s[*i] == ']')
        return 0;
    start = *i;
    for (; *i < n; (*i)++) {
        char c = s[*i];
        if (c == '"') {
            for ((*i)++; *i < n && s[*i] != '"'; (*i)++)
                if (s[*i] == '\\')
                    (*i)++;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break;
            if (--depth == 0) {
                (*i)++;
                break;
            }
        } else if (c == ',' && depth == 0) {
            break;
        }
    }
    if (depth)
        return -1;
    out->p = s + start;
    out->n = *i - start;
    while (out->n && kr_isspace((unsigned char)out->p[out->n - 1]))
        out->n--;
    return 1;
}

/* Writes the "code" of each actor in the JSON array m (space separated) to
 * out; a missing side, "" or null leaves it empty. */
static void actor_codes(const json_member *m, kr_arena *a, char *out, size_t cap)
{
    size_t i = 1, len = 0, nm, k;
    kr_str el;
    json_member *am;
    out[0] = 0;
    if (!m || m->type != JSON_ARRAY)
        return;
    while (next_element(m->val.p, m->val.n, &i, &el) == 1) {
        const json_member *c;
        char code[8];
        if (json_parse_object(el.p, el.n, a, &am, &nm, NULL) != 0)
            continue;
        if (!(c = json_get(am, nm, "code")) || c->type != JSON_STRING || c->val.n == 0)
            continue;
        copy(code, sizeof code, c->val.p, c->val.n);
        upcase(code);
        for (k = 0; k < sizeof iso_alias / sizeof iso_alias[0]; k++)
            if (strcmp(code, iso_alias[k][0]) == 0)
                snprintf(code, sizeof code, "%s", iso_alias[k][1]);
        if (len + strlen(code) + 2 < cap)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", code);
    }
}

static const char *member_str(const json_member *m, size_t nm, const char *key)
{
    const json_member *x = json_get(m, nm, key);
    return x && x->type == JSON_STRING ? x->val.p : NULL;
}

/* PLOVER_GSR_CAMEO.txt: a JSON array of records with id, date, text,
 * event (a PLOVER 0.5 type, or DOCUMENT for notes about the file) and
 * source/target lists of {actorText, code, sector}. The mode, context and
 * markup fields are not scored: the GSR's mode is PLOVER's mode of the
 * event ("heavy-weapons"), not kronika's factuality mode. */
static int read_plover(const char *buf, size_t n, goldset *g)
{
    size_t i = 0;
    int r;
    kr_str el;
    kr_arena *a = arena_new();
    while (i < n && kr_isspace((unsigned char)buf[i]))
        i++;
    if (!a || i >= n || buf[i] != '[') {
        arena_free(a);
        return -1;
    }
    i++;
    while ((r = next_element(buf, n, &i, &el)) == 1) {
        json_member *m;
        size_t nm;
        const char *ev, *text, *id, *date;
        sentence *s;
        arena_reset(a);
        if (json_parse_object(el.p, el.n, a, &m, &nm, NULL) != 0) {
            g->skipped++;
            continue;
        }
        ev = member_str(m, nm, "event");
        text = member_str(m, nm, "text");
        id = member_str(m, nm, "id");
        date = member_str(m, nm, "date");
        if (ev && strcmp(ev, "DOCUMENT") == 0)
            continue;
        if (!ev || !id || !usable_text(text)) {
            g->skipped++;
            continue;
        }
        if (!(s = add_sentence(g, squeeze(text, strlen(text)), id, ev))) {
            r = -1;
            break;
        }
        plover_name(s->type, sizeof s->type, ev, strlen(ev));
        if (date)
            copy(s->date, sizeof s->date, date, strlen(date));
        actor_codes(json_get(m, nm, "source"), a, s->gsrc, sizeof s->gsrc);
        actor_codes(json_get(m, nm, "target"), a, s->gtgt, sizeof s->gtgt);
    }
    arena_free(a);
    return r < 0 ? -1 : 0;
}

/* ---- expected codings (TABARI, PETRARCH) ---- */

/* Copies an actor code from s[0..n): trimmed, "~" and a leading "---"
 * dropped, in upper case (a quoted actor text is written so already). */
static void norm_actor(char *out, size_t cap, const char *s, size_t n)
{
    while (n && kr_isspace((unsigned char)*s))
        s++, n--;
    while (n && kr_isspace((unsigned char)s[n - 1]))
        n--;
    if (n && *s == '~')
        s++, n--;
    if (n >= 3 && memcmp(s, "---", 3) == 0)
        s += 3, n -= 3;
    copy(out, cap, s, n);
    upcase(out);
}

static int add_coding(sentence *s, const char *src, size_t sn, const char *tgt, size_t tn, const char *code,
                      size_t cn)
{
    coding *c;
    if (grow((void **)&s->exp, &s->expcap, s->nexp, sizeof *s->exp) != 0)
        return -1;
    c = &s->exp[s->nexp++];
    norm_actor(c->src, sizeof c->src, src, sn);
    norm_actor(c->tgt, sizeof c->tgt, tgt, tn);
    norm_actor(c->code, sizeof c->code, code, cn);
    return 0;
}

/* TABARI dates are YYMMDD; the suite's years run from the 1990s to 2009. */
static void yymmdd(char *out, const char *d)
{
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    snprintf(out, 11, "%s%.2s-%.2s-%.2s", yy >= 50 ? "19" : "20", d, d + 2, d + 4);
}

static int is_tabari_header(const char *l, size_t n)
{
    size_t k;
    for (k = 0; k < 6; k++)
        if (k >= n || !kr_isdigit((unsigned char)l[k]))
            return 0;
    return n > 7 && (l[6] == ' ' || l[6] == '\t');
}

/* Reads the braces of one TABARI comment into s. "{ SRC / TGT / CODE }" is
 * a coding; "{---}", "{+++}" and "{###}" say no event (none coded, no actor
 * found, discarded); "-{...}" is switched off; "{ OPTION: ... }" changes
 * the coder's settings, which kronika does not share, so the record is not
 * scored (returns 1). Returns -1 when out of memory. */
static int tabari_codings(const char *c, size_t n, sentence *s)
{
    const char *end = c + n, *p = c;
    while ((p = memchr(p, '{', (size_t)(end - p))) != NULL) {
        const char *close = memchr(p, '}', (size_t)(end - p)), *b, *s1, *s2;
        size_t k, bn;
        if (!close)
            break;
        b = p + 1;
        bn = (size_t)(close - b);
        if (p > c && p[-1] == '-') {
            p = close;
            continue;
        }
        while (bn && kr_isspace((unsigned char)*b))
            b++, bn--;
        if (bn >= 6 && memcmp(b, "OPTION", 6) == 0)
            return 1;
        if ((s1 = memchr(b, '/', bn)) && (s2 = memchr(s1 + 1, '/', (size_t)(b + bn - s1 - 1)))) {
            if (add_coding(s, b, (size_t)(s1 - b), s1 + 1, (size_t)(s2 - s1 - 1), s2 + 1,
                           (size_t)(b + bn - s2 - 1)) != 0)
                return -1;
        } else {
            for (k = 0; k < bn && strchr("-+# \t", b[k]); k++)
                ;
            if (bn && k == bn)
                s->none = 1;
        }
        p = close;
    }
    return 0;
}

/* Drops the sentence just added to g: it is not scored. */
static void drop_last(goldset *g)
{
    g->n--;
    kr_free(g->v[g->n].text);
    kr_free(g->v[g->n].exp);
    g->skipped++;
}

/* One TABARI record: its header line "YYMMDD  ID", then body[0..bn): the
 * text up to the comment, the comment (C-style, or to the record's end when
 * unclosed) holding the codings. */
static int tabari_record(goldset *g, size_t num, const char *head, size_t hn, const char *body, size_t bn)
{
    const char *open = find(body, bn, "/*"), *cend;
    char id[64], name[48], group[24];
    size_t tn = open ? (size_t)(open - body) : bn, k, e;
    sentence *s;
    int r = 1;
    /* the name follows the date, once written twice ("950101  950101  AGENTS-11") */
    for (k = 6; k < hn && kr_isspace((unsigned char)head[k]); k++)
        ;
    if (is_tabari_header(head + k, hn - k))
        for (k += 6; k < hn && kr_isspace((unsigned char)head[k]); k++)
            ;
    for (e = k; e < hn && !kr_isspace((unsigned char)head[e]); e++)
        ;
    copy(name, sizeof name, head + k, e - k);
    copy(group, sizeof group, name, strcspn(name, "-"));
    snprintf(id, sizeof id, "%zu-%s", num, name);
    if (!(s = add_sentence(g, squeeze(body, tn), id, group)))
        return -1;
    yymmdd(s->date, head);
    if (open) {
        cend = find(open, (size_t)(body + bn - open), "*/");
        if ((r = tabari_codings(open, (size_t)((cend ? cend : body + bn) - open), s)) < 0)
            return -1;
    }
    /* settings records and records whose every coding is switched off say
     * nothing about kronika */
    if (r == 1 || (!s->nexp && !s->none) || !usable_text(s->text))
        drop_last(g);
    return 0;
}

/* Validate.text: a record starts with a line "YYMMDD  ID", then its text,
 * then a comment with the expected codings. The records after FINAL-01
 * ("This is the end of the standard validation records") need other
 * settings or crash TABARI; they are left out. */
static int read_tabari(const char *buf, size_t n, goldset *g)
{
    static const char final[] = "This is the end of the standard validation records";
    const char *p = buf, *end = buf + n, *head = NULL, *body = NULL;
    size_t hn = 0, num = 0;
    for (;;) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL, *next = nl ? nl + 1 : end;
        size_t ln = (size_t)((nl ? nl : end) - p);
        int at_head = p < end && is_tabari_header(p, ln);
        if (at_head || p >= end) {
            if (head) { /* the record before ends here */
                if (find(body, (size_t)(p - body), final))
                    return 0;
                if (tabari_record(g, ++num, head, hn, body, (size_t)(p - body)) != 0)
                    return -1;
            }
            if (p >= end)
                return 0;
            head = p;
            hn = ln;
            body = next;
        }
        p = next;
    }
}

/* ---- PETRARCH unit-test records (XML) ---- */

/* Blanks every <!-- ... --> in place: the records' comments quote tags
 * ("<actor><noun>") and hide switched-off ones ("<!--Stop></Stop-->"). */
static void blank_comments(char *s, size_t n)
{
    char *p = s, *end = s + n;
    while ((p = (char *)find(p, (size_t)(end - p), "<!--")) != NULL) {
        const char *c = find(p + 4, (size_t)(end - p - 4), "-->");
        char *stop = c ? (char *)c + 3 : end;
        memset(p, ' ', (size_t)(stop - p));
        p = stop;
    }
}

/* Value of attribute `name` in the tag t[0..n) (name = "v" or name = 'v',
 * spaces around "=" allowed) into out; 0 when present, -1 when not. */
static int xml_attr(const char *t, size_t n, const char *name, char *out, size_t cap)
{
    size_t k = strlen(name), i;
    for (i = 1; i + k < n; i++) {
        const char *v, *q;
        size_t j = i + k;
        if (memcmp(t + i, name, k) != 0 || !kr_isspace((unsigned char)t[i - 1]))
            continue;
        while (j < n && kr_isspace((unsigned char)t[j]))
            j++;
        if (j >= n || t[j] != '=')
            continue;
        for (j++; j < n && kr_isspace((unsigned char)t[j]); j++)
            ;
        if (j >= n || (t[j] != '"' && t[j] != '\''))
            continue;
        v = t + j + 1;
        if (!(q = memchr(v, t[j], (size_t)(t + n - v))))
            return -1;
        copy(out, cap, v, (size_t)(q - v));
        return 0;
    }
    return -1;
}

/* Decodes the XML character references of s in place (the text keeps
 * "&amp;TIETYPE"-style words that must reach kronika as "&TIETYPE"). */
static void xml_unescape(char *s)
{
    static const char *const named[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    char *r = s, *w = s;
    while (*r) {
        size_t k;
        int done = 0;
        if (*r == '&') {
            for (k = 0; k < sizeof named / sizeof named[0] && !done; k++)
                if (strncmp(r, named[k][0], strlen(named[k][0])) == 0) {
                    *w++ = named[k][1][0];
                    r += strlen(named[k][0]);
                    done = 1;
                }
            if (!done && r[1] == '#') {
                char *e;
                long cp = r[2] == 'x' ? strtol(r + 3, &e, 16) : strtol(r + 2, &e, 10);
                char u[4];
                size_t un;
                if (*e == ';' && cp > 0 && cp <= 0x10FFFF && (un = utf8_encode((int32_t)cp, u)) > 0) {
                    memcpy(w, u, un); /* a reference is longer than its UTF-8 */
                    w += un;
                    r = e + 1;
                    done = 1;
                }
            }
        }
        if (!done)
            *w++ = *r++;
    }
    *w = 0;
}

/* Whether the category is in the <Include> list (PETRARCH codes only the
 * categories named there); an absent list includes everything. */
static int included(const char *list, const char *cat)
{
    size_t k = strlen(cat);
    const char *p = list;
    if (!list)
        return 1;
    while ((p = strstr(p, cat)) != NULL) {
        if ((p == list || kr_isspace((unsigned char)p[-1])) && (!p[k] || kr_isspace((unsigned char)p[k])))
            return 1;
        p += k;
    }
    return 0;
}

/* The <EventCoding> tags of one sentence. noevents="True" and the discard
 * errors mean no event; other errors (a broken parse tree, a dateline)
 * test PETRARCH's input handling, so the record is not scored (returns 1). */
static int petrarch_codings(const char *r, size_t n, sentence *s)
{
    const char *p = r, *end = r + n;
    while ((p = find(p, (size_t)(end - p), "<EventCoding")) != NULL) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        size_t tn = gt ? (size_t)(gt - p) : (size_t)(end - p);
        char src[48], tgt[48], code[16], err[32];
        if (xml_attr(p, tn, "error", err, sizeof err) == 0) {
            if (strcmp(err, "storydiscard") != 0 && strcmp(err, "sentencediscard") != 0)
                return 1;
            s->none = 1;
        } else if (xml_attr(p, tn, "noevents", err, sizeof err) == 0) {
            s->none = 1;
        } else if (xml_attr(p, tn, "sourcecode", src, sizeof src) == 0 &&
                   xml_attr(p, tn, "targetcode", tgt, sizeof tgt) == 0 &&
                   xml_attr(p, tn, "eventcode", code, sizeof code) == 0) {
            if (add_coding(s, src, strlen(src), tgt, strlen(tgt), code, strlen(code)) != 0)
                return -1;
        }
        p += tn;
    }
    return 0;
}

/* One <Sentence ...> ... </Sentence> element at r[0..n). */
static int petrarch_record(goldset *g, size_t num, const char *include, const char *r, size_t n)
{
    const char *gt = memchr(r, '>', n), *t0 = find(r, n, "<Text>"), *t1;
    char id[48], cat[24] = "", date[16] = "", dn[80];
    size_t tn = gt ? (size_t)(gt - r) : n;
    sentence *s;
    int rc;
    if (xml_attr(r, tn, "id", id, sizeof id) != 0)
        snprintf(id, sizeof id, "record");
    xml_attr(r, tn, "category", cat, sizeof cat);
    xml_attr(r, tn, "date", date, sizeof date);
    t1 = t0 ? find(t0, (size_t)(r + n - t0), "</Text>") : NULL;
    if (!included(include, cat) || !t1) {
        g->skipped++;
        return 0;
    }
    snprintf(dn, sizeof dn, "%zu-%s", num, id);
    if (!(s = add_sentence(g, squeeze(t0 + 6, (size_t)(t1 - t0 - 6)), dn, cat)))
        return -1;
    xml_unescape(s->text);
    if (strlen(date) == 8)
        snprintf(s->date, sizeof s->date, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
    rc = petrarch_codings(r, n, s);
    if (rc < 0)
        return -1;
    if (rc == 1 || (!s->nexp && !s->none) || !usable_text(s->text))
        drop_last(g);
    return 0;
}

/* PETR.UnitTest.records.xml: <Sentence date id category> elements with
 * <EventCoding sourcecode targetcode eventcode>, <Text> and a parse tree
 * (not used: kronika parses for itself). <Config> tags switch PETRARCH
 * options between records; they are ignored like TABARI's. */
static int read_petrarch(char *buf, size_t n, goldset *g)
{
    const char *p = buf, *end = buf + n, *inc, *inc_end;
    char *include = NULL;
    size_t num = 0;
    int rc = 0;
    blank_comments(buf, n);
    if ((inc = find(buf, n, "<Include>")) && (inc_end = find(inc, (size_t)(end - inc), "</Include>")))
        include = kr_strndup(inc + 9, (size_t)(inc_end - inc - 9));
    while ((p = find(p, (size_t)(end - p), "<Sentence")) != NULL) {
        const char *close = find(p, (size_t)(end - p), "</Sentence>");
        if (!kr_isspace((unsigned char)p[9])) { /* <Sentences> */
            p += 9;
            continue;
        }
        if (!close)
            break;
        if ((rc = petrarch_record(g, ++num, include, p, (size_t)(close - p))) != 0)
            break;
        p = close;
    }
    kr_free(include);
    return rc;
}

/* ---- running kronika ---- */

/* Appends s in single quotes for sh, so any path survives. */
static int sh_quote(kr_buf *b, const char *s)
{
    int r = kr_buf_putc(b, '\'');
    for (; *s && r == 0; s++)
        r = *s == '\'' ? kr_buf_puts(b, "'\\''") : kr_buf_putc(b, *s);
    return r ? r : kr_buf_putc(b, '\'');
}

/* One document a line: id, lang, date, text (SPEC section 2). */
static int write_docs(const goldset *g, const char *path)
{
    kr_buf b = {0};
    FILE *f;
    size_t k;
    int r = 0;
    for (k = 0; k < g->n && r == 0; k++) {
        const sentence *s = &g->v[k];
        r |= kr_buf_puts(&b, "{\"id\":");
        r |= json_put_str(&b, s->id, strlen(s->id));
        r |= kr_buf_puts(&b, ",\"lang\":\"en\"");
        if (s->date[0]) {
            r |= kr_buf_puts(&b, ",\"date\":");
            r |= json_put_str(&b, s->date, strlen(s->date));
        }
        r |= kr_buf_puts(&b, ",\"text\":");
        r |= json_put_str(&b, s->text, strlen(s->text));
        r |= kr_buf_puts(&b, "}\n");
    }
    if (r == 0 && (!(f = fopen(path, "w")) || fwrite(b.p, 1, b.n, f) != b.n || fclose(f) != 0))
        r = KR_EIO;
    kr_buf_free(&b);
    return r;
}

/* Prints the first lines of kronika's stderr and how many there were, so
 * rejected documents are seen without flooding the report. */
static void show_stderr(const char *path)
{
    kr_buf b = {0};
    size_t lines = 0, shown = 0, i, start = 0;
    if (kr_read_file(path, &b) == 0)
        for (i = 0; i < b.n; i++) {
            if (b.p[i] != '\n')
                continue;
            if (shown < 3) {
                printf("  %.*s\n", (int)(i - start), b.p + start);
                shown++;
            }
            lines++;
            start = i + 1;
        }
    if (lines > shown)
        printf("  (%zu lines on stderr in all)\n", lines);
    kr_buf_free(&b);
}

/* Runs `KRONIKA code [--lexicon DIR] < docs > out 2> err`; returns its exit
 * status, or -1 when it could not run or was killed. */
static int run_kronika(const char *kronika, const char *lexicon, const char *docs, const char *out, const char *err)
{
    kr_buf cmd = {0};
    int r = sh_quote(&cmd, kronika), st;
    r |= kr_buf_puts(&cmd, " code");
    if (lexicon) {
        r |= kr_buf_puts(&cmd, " --lexicon ");
        r |= sh_quote(&cmd, lexicon);
    }
    r |= kr_buf_puts(&cmd, " < ");
    r |= sh_quote(&cmd, docs);
    r |= kr_buf_puts(&cmd, " > ");
    r |= sh_quote(&cmd, out);
    r |= kr_buf_puts(&cmd, " 2> ");
    r |= sh_quote(&cmd, err);
    st = r == 0 ? system(cmd.p) : -1;
    kr_buf_free(&cmd);
    if (st == -1 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

/* ---- reading kronika's events ---- */

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const sentence *const *)a)->id, (*(const sentence *const *)b)->id);
}

static void read_side(const json_member *m, kr_arena *a, side *out)
{
    json_member *sm;
    size_t nm;
    const char *v;
    memset(out, 0, sizeof *out);
    if (!m || m->type != JSON_OBJECT || json_parse_object(m->val.p, m->val.n, a, &sm, &nm, NULL) != 0)
        return;
    if ((v = member_str(sm, nm, "code")))
        copy(out->code, sizeof out->code, v, strlen(v));
    if ((v = member_str(sm, nm, "country")))
        copy(out->country, sizeof out->country, v, strlen(v));
    if ((v = member_str(sm, nm, "text")))
        copy(out->text, sizeof out->text, v, strlen(v));
    upcase(out->code);
    upcase(out->country);
}

/* Fills e from one event line; returns the sentence it belongs to, or NULL
 * when its doc names none (or the line is no JSON object). */
static sentence *parse_event(const char *line, size_t n, kr_arena *a, sentence **index, size_t count, event *e)
{
    json_member *m;
    size_t nm;
    const char *doc, *v;
    const json_member *c;
    sentence key, *kp = &key, **hit;
    if (json_parse_object(line, n, a, &m, &nm, NULL) != 0 || !(doc = member_str(m, nm, "doc")))
        return NULL;
    snprintf(key.id, sizeof key.id, "%s", doc);
    if (!(hit = bsearch(&kp, index, count, sizeof *index, by_id)))
        return NULL;
    memset(e, 0, sizeof *e);
    if ((v = member_str(m, nm, "plover")))
        plover_name(e->plover, sizeof e->plover, v, strlen(v));
    if ((v = member_str(m, nm, "cameo")))
        copy(e->cameo, sizeof e->cameo, v, strlen(v));
    if ((c = json_get(m, nm, "confidence")) && c->type == JSON_NUMBER) {
        char num[32];
        copy(num, sizeof num, c->val.p, c->val.n);
        e->conf = strtod(num, NULL);
    }
    read_side(json_get(m, nm, "source"), a, &e->src);
    read_side(json_get(m, nm, "target"), a, &e->tgt);
    return *hit;
}

/* Hands each event of out.jsonl to its sentence. Returns 0 or a KR_E code;
 * *stray counts lines that are no event of a gold sentence. */
static int read_events(const char *path, goldset *g, size_t *total, size_t *stray)
{
    kr_buf b = {0};
    kr_arena *a = arena_new();
    sentence **index = kr_malloc((g->n ? g->n : 1) * sizeof *index);
    size_t k, start = 0;
    int r = kr_read_file(path, &b);
    *total = *stray = 0;
    if (!a || !index)
        r = KR_ENOMEM;
    for (k = 0; k < g->n && index; k++)
        index[k] = &g->v[k];
    if (r == 0)
        qsort(index, g->n, sizeof *index, by_id);
    for (k = 0; r == 0 && b.n && k <= b.n; k++) {
        event e;
        sentence *s;
        if (k < b.n && b.p[k] != '\n')
            continue;
        if (!kr_blank(b.p + start, k - start)) {
            ++*total;
            arena_reset(a);
            if (!(s = parse_event(b.p + start, k - start, a, index, g->n, &e)))
                ++*stray;
            else if (grow((void **)&s->ev, &s->evcap, s->nev, sizeof *s->ev) != 0)
                r = KR_ENOMEM;
            else
                s->ev[s->nev++] = e;
        }
        start = k + 1;
    }
    kr_free(index);
    arena_free(a);
    kr_buf_free(&b);
    return r;
}

/* ---- scoring ---- */

static row *row_get(rows *t, const char *name)
{
    size_t k;
    row *r;
    for (k = 0; k < t->n; k++)
        if (strcmp(t->v[k].name, name) == 0)
            return &t->v[k];
    if (grow((void **)&t->v, &t->cap, t->n, sizeof *t->v) != 0)
        return NULL;
    r = &t->v[t->n];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->first = t->n++;
    return r;
}

static int by_count(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Counts one occurrence of "WANT -> GOT" in the confusion list. */
static void confuse(rows *t, const char *want, const char *got)
{
    char key[64];
    row *r;
    snprintf(key, sizeof key, "%s -> %s", want, got[0] ? got : "none");
    if ((r = row_get(t, key)))
        r->n++;
}

static void print_top(rows *t, size_t top, const char *title)
{
    size_t k;
    qsort(t->v, t->n, sizeof *t->v, by_count);
    printf("%s:\n", title);
    for (k = 0; k < top && k < t->n; k++)
        printf("  %4zu  %s\n", t->v[k].n, t->v[k].name);
}

/* The event kronika is surest of; the first on ties, NULL without events. */
static const event *best_event(const sentence *s)
{
    const event *b = NULL;
    size_t k;
    for (k = 0; k < s->nev; k++)
        if (!b || s->ev[k].conf > b->conf)
            b = &s->ev[k];
    return b;
}

/* A side matches the gold codes (space separated, 3 letters each) when its
 * country is one of them or its actor code begins with one: IGO, NGO and
 * IMG actors have no country. */
static int side_matches(const side *x, const char *gold)
{
    const char *p = gold;
    while (*p) {
        size_t k = strcspn(p, " ");
        if (k && ((strlen(x->country) == k && memcmp(x->country, p, k) == 0) || strncmp(x->code, p, k) == 0))
            return 1;
        p += k;
        while (*p == ' ')
            p++;
    }
    return 0;
}

static void score_plover_sentence(const sentence *s, row *r, row *all, rows *errors)
{
    const event *b = best_event(s);
    size_t k;
    int any = 0;
    for (k = 0; k < s->nev; k++)
        any |= strcmp(s->ev[k].plover, s->type) == 0;
    for (k = 0; k < 2; k++) {
        row *x = k ? all : r;
        x->n++;
        x->produced += s->nev;
        x->covered += s->nev > 0;
        x->anytype += (size_t)any;
        x->type_ok += b && strcmp(b->plover, s->type) == 0;
        if (s->gsrc[0]) {
            x->src_n++;
            x->src_ok += b && side_matches(&b->src, s->gsrc);
        }
        if (s->gtgt[0]) {
            x->tgt_n++;
            x->tgt_ok += b && side_matches(&b->tgt, s->gtgt);
        }
    }
    if (!b || strcmp(b->plover, s->type) != 0)
        confuse(errors, s->type, b ? (b->plover[0] ? b->plover : "?") : "");
}

/* Event type, source and target of kronika's best event per sentence, by
 * gold type (rows in file order), then the commonest type errors. */
static void score_plover(const goldset *g, size_t top)
{
    rows t = {0}, errors = {0};
    row all;
    size_t k;
    memset(&all, 0, sizeof all);
    for (k = 0; k < g->n; k++) {
        const sentence *s = &g->v[k];
        char name[64];
        row *r;
        snprintf(name, sizeof name, strcmp(s->group, s->type) ? "%s>%s" : "%s", s->group, s->type);
        if ((r = row_get(&t, name)))
            score_plover_sentence(s, r, &all, &errors);
    }
    printf("%-22s %5s %7s %7s %7s %7s\n", "gold type (GSR>2.0)", "n", "type", "source", "target", "covered");
    for (k = 0; k < t.n; k++) {
        const row *r = &t.v[k];
        printf("%-22s %5zu %6.1f%% %6.1f%% %6.1f%% %6.1f%%\n", r->name, r->n, pct(r->type_ok, r->n),
               pct(r->src_ok, r->src_n), pct(r->tgt_ok, r->tgt_n), pct(r->covered, r->n));
    }
    print_top(&errors, top, "most common type errors (gold -> kronika's best event)");
    printf("summary: event type %.1f%% (%zu/%zu), source %.1f%% (%zu/%zu), target %.1f%% (%zu/%zu), "
           "coverage %.1f%% (%zu/%zu); gold type among any event %.1f%%; %zu events\n",
           pct(all.type_ok, all.n), all.type_ok, all.n, pct(all.src_ok, all.src_n), all.src_ok, all.src_n,
           pct(all.tgt_ok, all.tgt_n), all.tgt_ok, all.tgt_n, pct(all.covered, all.n), all.covered, all.n,
           pct(all.anytype, all.n), all.produced);
    kr_free(t.v);
    kr_free(errors.v);
}

/* The code kronika gives a side, normalized like the gold's. */
static void side_code(const side *x, char *out, size_t cap)
{
    const char *c = x->code[0] ? x->code : x->country;
    norm_actor(out, cap, c, strlen(c));
}

/* A quoted gold actor is the text of an actor unknown to the dictionaries:
 * it matches a side whose text reads the same, case aside. */
static int actor_eq(const char *want, const side *x, int loose)
{
    char got[96];
    size_t n = strlen(want);
    if (want[0] == '"') {
        snprintf(got, sizeof got, "%s", x->text);
        upcase(got);
        return n >= 2 && strlen(got) == n - 2 && memcmp(got, want + 1, n - 2) == 0;
    }
    side_code(x, got, sizeof got);
    return loose ? strncmp(want, got, 3) == 0 : strcmp(want, got) == 0;
}

static int coding_eq(const coding *c, const event *e, int loose)
{
    if (loose ? strlen(e->cameo) < 2 || strncmp(c->code, e->cameo, 2) != 0 : strcmp(c->code, e->cameo) != 0)
        return 0;
    return actor_eq(c->src, &e->src, loose) && actor_eq(c->tgt, &e->tgt, loose);
}

/* Expected codings of s that kronika reproduces, each event standing for
 * at most one coding. Loose compares actors on their first three letters
 * and events on their CAMEO root. With `errors`, each missed coding is
 * counted against the first event left over (or none). */
static size_t match_codings(const sentence *s, int loose, rows *errors)
{
    unsigned char *used = kr_calloc(s->nev ? s->nev : 1, 1);
    size_t k, j, hits = 0;
    if (!used)
        return 0;
    for (k = 0; k < s->nexp; k++)
        for (j = 0; j < s->nev; j++)
            if (!used[j] && coding_eq(&s->exp[k], &s->ev[j], loose)) {
                used[j] = 1;
                hits++;
                break;
            }
    for (k = 0; errors && k < s->nexp; k++) {
        for (j = 0; j < s->nev; j++)
            if (coding_eq(&s->exp[k], &s->ev[j], loose))
                break;
        if (j == s->nev) {
            for (j = 0; j < s->nev && used[j]; j++)
                ;
            if (j < s->nev) {
                char got[32];
                used[j] = 1;
                /* the right code between other actors reads "122 -> 122 (actors)" */
                snprintf(got, sizeof got, "%s%s", s->ev[j].cameo[0] ? s->ev[j].cameo : "?",
                         strcmp(s->ev[j].cameo, s->exp[k].code) ? "" : " (actors)");
                confuse(errors, s->exp[k].code, got);
            } else {
                confuse(errors, s->exp[k].code, "");
            }
        }
    }
    kr_free(used);
    return hits;
}

static void score_coding_sentence(const sentence *s, row *r, row *all, rows *errors)
{
    size_t exact = match_codings(s, 0, errors), loose = match_codings(s, 1, NULL), k;
    for (k = 0; k < 2; k++) {
        row *x = k ? all : r;
        x->n++;
        x->exp += s->nexp;
        x->exact += exact;
        x->loose += loose;
        x->produced += s->nev;
        x->covered += s->nev > 0;
        x->extra += s->nev - exact;
        if (s->none && !s->nexp) {
            x->none_n++;
            x->none_ok += s->nev == 0;
        }
    }
}

static void print_side(const side *x)
{
    char c[96];
    side_code(x, c, sizeof c);
    printf("%s", c[0] ? c : "-");
    if (x->text[0])
        printf("(%s)", x->text);
}

/* With --show: each sentence of the group (or all) whose codings are not
 * all reproduced exactly or that got extra events, with the expected
 * codings and kronika's events, to see why it fails. */
static void show_sentence(const sentence *s)
{
    size_t k, exact = match_codings(s, 0, NULL);
    if (exact == s->nexp && s->nev == exact)
        return;
    printf("-- %s [%s] %zu/%zu exact, %zu events\n   %s\n", s->id, s->group, exact, s->nexp, s->nev, s->text);
    for (k = 0; k < s->nexp; k++)
        printf("   want %s %s %s\n", s->exp[k].src, s->exp[k].tgt, s->exp[k].code);
    for (k = 0; k < s->nev; k++) {
        printf("   got  ");
        print_side(&s->ev[k].src);
        printf(" ");
        print_side(&s->ev[k].tgt);
        printf(" %s\n", s->ev[k].cameo[0] ? s->ev[k].cameo : "?");
    }
}

/* Share of expected (source, target, event) codings reproduced and events
 * beyond them, by test group, then the commonest misses. */
static void score_codings(const goldset *g, size_t top, const char *show)
{
    rows t = {0}, errors = {0};
    row all;
    size_t k;
    memset(&all, 0, sizeof all);
    for (k = 0; show && k < g->n; k++)
        if (strcmp(show, "all") == 0 || strcmp(show, g->v[k].group) == 0)
            show_sentence(&g->v[k]);
    for (k = 0; k < g->n; k++) {
        row *r = row_get(&t, g->v[k].group);
        if (r)
            score_coding_sentence(&g->v[k], r, &all, &errors);
    }
    printf("%-14s %5s %6s %7s %7s %6s %6s %9s\n", "group", "sents", "codings", "exact", "loose", "events", "extra",
           "none kept");
    for (k = 0; k < t.n; k++) {
        const row *r = &t.v[k];
        printf("%-14s %5zu %6zu %6.1f%% %6.1f%% %6zu %6zu %4zu/%-4zu\n", r->name, r->n, r->exp, pct(r->exact, r->exp),
               pct(r->loose, r->exp), r->produced, r->extra, r->none_ok, r->none_n);
    }
    print_top(&errors, top, "most common misses (expected event code -> an event kronika gave instead)");
    printf("summary: codings reproduced %.1f%% (%zu/%zu) exact, %.1f%% loose (actors by 3 letters, CAMEO root); "
           "%zu events, %zu extra (%.2f per sentence); no event where none expected %zu/%zu; coverage %zu/%zu\n",
           pct(all.exact, all.exp), all.exact, all.exp, pct(all.loose, all.exp), all.produced, all.extra,
           all.n ? (double)all.extra / (double)all.n : 0.0, all.none_ok, all.none_n, all.covered, all.n);
    kr_free(t.v);
    kr_free(errors.v);
}

/* ---- main ---- */

/* Tells the gold format from the content: a JSON array is the PLOVER GSR,
 * <Sentences> the PETRARCH records, "YYMMDD ID" record lines TABARI's. */
static int sniff(const char *buf, size_t n)
{
    size_t i = 0;
    const char *p;
    while (i < n && kr_isspace((unsigned char)buf[i]))
        i++;
    if (i < n && buf[i] == '[')
        return PLOVER;
    if (find(buf, n, "<Sentences>"))
        return PETRARCH;
    for (p = buf; p < buf + n;) {
        const char *nl = memchr(p, '\n', (size_t)(buf + n - p));
        if (is_tabari_header(p, (size_t)((nl ? nl : buf + n) - p)))
            return TABARI;
        p = nl ? nl + 1 : buf + n;
    }
    return 0;
}

static void free_gold(goldset *g)
{
    size_t k;
    for (k = 0; k < g->n; k++) {
        kr_free(g->v[k].text);
        kr_free(g->v[k].exp);
        kr_free(g->v[k].ev);
    }
    kr_free(g->v);
}

static int usage(void)
{
    fprintf(stderr, "usage: eval_events KRONIKA GOLDFILE [--lexicon DIR] [--keep] [--top N] [--show GROUP|all]\n"
                    "  GOLDFILE: PLOVER_GSR_CAMEO.txt, TABARI Validate.text or PETR.UnitTest.records.xml\n"
                    "  --lexicon DIR is passed to `KRONIKA code`; --keep keeps the temporary files\n"
                    "  --show prints the group's sentences not coded exactly (TABARI, PETRARCH)\n");
    return 2;
}

static const char *const format_name[] = {"", "PLOVER GSR", "TABARI validation", "PETRARCH unit tests"};

int main(int argc, char **argv)
{
    const char *kronika, *goldpath, *lexicon = NULL, *show = NULL;
    char dir[] = "/tmp/eval_events.XXXXXX", docs[64], out[64], err[64];
    goldset g;
    kr_buf buf = {0};
    size_t top = 10, total = 0, stray = 0;
    int keep = 0, status, rc = 0, k;
    struct stat st;
    if (argc < 3)
        return usage();
    kronika = argv[1];
    goldpath = argv[2];
    for (k = 3; k < argc; k++) {
        if (strcmp(argv[k], "--lexicon") == 0 && k + 1 < argc)
            lexicon = argv[++k];
        else if (strcmp(argv[k], "--top") == 0 && k + 1 < argc)
            top = (size_t)atoi(argv[++k]);
        else if (strcmp(argv[k], "--keep") == 0)
            keep = 1;
        else if (strcmp(argv[k], "--show") == 0 && k + 1 < argc)
            show = argv[++k];
        else
            return usage();
    }
    /* gold sets live beside the repository and may be absent */
    if (stat(goldpath, &st) != 0) {
        printf("SKIP eval: %s not found\n", goldpath);
        return 0;
    }
    if (access(kronika, X_OK) != 0) {
        fprintf(stderr, "eval_events: %s: %s\n", kronika, strerror(errno));
        return 2;
    }
    memset(&g, 0, sizeof g);
    if (kr_read_file(goldpath, &buf) != 0 || !buf.p) {
        fprintf(stderr, "eval_events: %s: cannot read\n", goldpath);
        return 2;
    }
    g.format = sniff(buf.p, buf.n);
    if ((g.format == PLOVER ? read_plover(buf.p, buf.n, &g)
         : g.format == TABARI ? read_tabari(buf.p, buf.n, &g)
         : g.format == PETRARCH ? read_petrarch(buf.p, buf.n, &g)
                                : -1) != 0 ||
        g.n == 0) {
        fprintf(stderr, "eval_events: %s: %s\n", goldpath,
                g.format ? "malformed, or no sentence to score" : "neither PLOVER GSR, TABARI nor PETRARCH records");
        free_gold(&g);
        kr_buf_free(&buf);
        return 2;
    }
    kr_buf_free(&buf);
    if (!mkdtemp(dir)) {
        perror("eval_events: mkdtemp");
        free_gold(&g);
        return 2;
    }
    snprintf(docs, sizeof docs, "%s/docs.jsonl", dir);
    snprintf(out, sizeof out, "%s/out.jsonl", dir);
    snprintf(err, sizeof err, "%s/stderr.txt", dir);
    printf("%s %s: %zu sentences (%zu records not scored)%s%s\n", format_name[g.format], goldpath, g.n, g.skipped,
           lexicon ? ", lexicon " : "", lexicon ? lexicon : "");
    status = write_docs(&g, docs) == 0 ? run_kronika(kronika, lexicon, docs, out, err) : -1;
    show_stderr(err);
    /* status 1: some documents rejected, the others coded (SPEC section 1) */
    if (status != 0 && status != 1) {
        fprintf(stderr, "eval_events: `%s code` failed (status %d)\n", kronika, status);
        rc = 1;
    } else if (read_events(out, &g, &total, &stray) != 0) {
        fprintf(stderr, "eval_events: %s: cannot read kronika's events\n", out);
        rc = 1;
    } else {
        if (stray)
            printf("%zu of %zu output lines are no event of a gold sentence (doc id unknown or bad JSON)\n", stray,
                   total);
        if (g.format == PLOVER)
            score_plover(&g, top);
        else
            score_codings(&g, top, show);
    }
    if (keep) {
        printf("files kept in %s\n", dir);
    } else {
        remove(docs);
        remove(out);
        remove(err);
        rmdir(dir);
    }
    free_gold(&g);
    return rc;
}
