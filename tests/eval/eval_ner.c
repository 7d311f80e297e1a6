/* eval_ner.c: measures entity recognition on a folder of annotated Russian
 * news, either factRuEval-2016 (.txt + .spans + .objects) or NEREL (brat
 * standoff: .txt + .ann): precision, recall and F1 per type (PER, LOC, ORG),
 * with exact spans and with overlapping spans, and the most frequent misses
 * and false alarms. The data is read where it lies; nothing of it is kept.
 * Usage: eval_ner FOLDER [TOP] [--show TYPE]: --show lists every miss and
 * false alarm of TYPE (PER, LOC, ORG) with its document and context. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void count_err(tallies *t, const char *s, size_t len, int type)
{
    size_t k;
    char buf[80];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < 79 ? len : 79), s);
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
        int off, t, locorg = 0;
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
        if (strcmp(type, "Person") == 0)
            t = PER;
        else if (strcmp(type, "Location") == 0)
            t = LOC;
        else if (strcmp(type, "Org") == 0)
            t = ORG;
        else if (strcmp(type, "LocOrg") == 0)
            t = LOC, locorg = 1;
        else
            t = -1;
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

static int same_type(const span *g, int type)
{
    return g->type == type || (g->locorg && (type == LOC || type == ORG));
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

int main(int argc, char **argv)
{
    lex_db *lex;
    match_db *m;
    ent_ctx *c;
    score strict, loose;
    size_t nested[NT] = {0};
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
    for (f = 0; f < nnames; f++) {
        char base[1024], path[1100], *text, *ann = NULL;
        size_t n, an = 0, nm, i;
        kr_arena *a;
        ent_mention *mv;
        tok_doc td;
        kr_date nodate = {0, 0, 0};
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
                                     (int)(x->span.end - x->span.start < 36 ? x->span.end - x->span.start : 36),
                                     text + x->span.start,
                                     (int)(cm.bytes[y->end] - cm.bytes[y->start] < 36
                                               ? cm.bytes[y->end] - cm.bytes[y->start] : 36),
                                     text + cm.bytes[y->start]);
                            count_err(&bounds, both, strlen(both), type);
                        }
                    }
                }
                if (!hit && type == show) /* exact errors: false alarms and boundaries */
                    show_err(names[f], near ? "BOUND" : "ALARM", text, n, x->span.start, x->span.end);
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
               ps + rs > 0 ? 2 * ps * rs / (ps + rs) : 0, "", pl, rl, pl + rl > 0 ? 2 * pl * rl / (pl + rl) : 0);
    }
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
