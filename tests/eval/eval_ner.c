/* eval_ner.c: measures entity recognition on a factRuEval-2016 folder
 * (Russian news with Person, Location, Org and LocOrg objects): precision,
 * recall and F1 per type, with exact spans and with overlapping spans, and
 * the most frequent misses and false alarms. The data is read where it
 * lies; nothing of it is kept. Usage: eval_ner FOLDER [TOP] */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "lex.h"
#include "match.h"
#include "utf8.h"

enum { PER, LOC, ORG, NT };
static const char *const tname[NT] = {"PER", "LOC", "ORG"};

typedef struct span {
    size_t start, end; /* characters */
    int type;
    int locorg;        /* gold LocOrg: a LOC or an ORG prediction is right */
    int hit;
} span;

typedef struct counts {
    size_t tp[NT], fp[NT], fn[NT];
} counts;

/* tallies of error texts */
typedef struct tally {
    char text[80];
    int type, n;
} tally;
static tally miss[4096], alarm[4096];
static size_t nmiss, nalarm;

static void count_err(tally *t, size_t *n, const char *s, size_t len, int type)
{
    size_t k;
    char buf[80];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < 79 ? len : 79), s);
    for (k = 0; k < *n; k++)
        if (t[k].type == type && strcmp(t[k].text, buf) == 0) {
            t[k].n++;
            return;
        }
    if (*n < 4096) {
        memcpy(t[*n].text, buf, sizeof buf);
        t[*n].type = type;
        t[*n].n = 1;
        (*n)++;
    }
}

static char *slurp(const char *path, size_t *n)
{
    kr_buf b = {0};
    if (kr_read_file(path, &b) != 0) {
        kr_buf_free(&b);
        return NULL;
    }
    *n = b.n;
    return b.p;
}

/* gold objects: "ID Type SPANID... # text"; spans: "ID kind START LEN ..." */
static size_t read_gold(const char *base, span *out, size_t cap)
{
    char path[1024], line[4096];
    FILE *f;
    size_t n = 0, ns = 0, k;
    static long sid[100000], sstart[100000], slen[100000];
    if (snprintf(path, sizeof path, "%s.spans", base) >= (int)sizeof path)
        return 0;
    if (!(f = fopen(path, "r")))
        return 0;
    while (fgets(line, sizeof line, f) && ns < 100000) {
        char kind[64];
        if (sscanf(line, "%ld %63s %ld %ld", &sid[ns], kind, &sstart[ns], &slen[ns]) == 4)
            ns++;
    }
    fclose(f);
    if (snprintf(path, sizeof path, "%s.objects", base) >= (int)sizeof path)
        return 0;
    if (!(f = fopen(path, "r")))
        return 0;
    while (fgets(line, sizeof line, f) && n < cap) {
        char type[64], *p, *hash = strchr(line, '#');
        long id, s;
        int off;
        size_t lo = (size_t)-1, hi = 0;
        if (hash)
            *hash = '\0';
        if (sscanf(line, "%ld %63s%n", &id, type, &off) < 2)
            continue;
        if (strcmp(type, "Person") == 0)
            out[n].type = PER, out[n].locorg = 0;
        else if (strcmp(type, "Location") == 0)
            out[n].type = LOC, out[n].locorg = 0;
        else if (strcmp(type, "Org") == 0)
            out[n].type = ORG, out[n].locorg = 0;
        else if (strcmp(type, "LocOrg") == 0)
            out[n].type = LOC, out[n].locorg = 1;
        else
            continue;
        for (p = line + off; sscanf(p, "%ld%n", &s, &off) == 1; p += off)
            for (k = 0; k < ns; k++)
                if (sid[k] == s) {
                    if ((size_t)sstart[k] < lo)
                        lo = (size_t)sstart[k];
                    if ((size_t)(sstart[k] + slen[k]) > hi)
                        hi = (size_t)(sstart[k] + slen[k]);
                }
        if (lo == (size_t)-1)
            continue;
        out[n].start = lo;
        out[n].end = hi;
        out[n].hit = 0;
        n++;
    }
    fclose(f);
    return n;
}

static int same_type(const span *g, int type)
{
    return g->type == type || (g->locorg && (type == LOC || type == ORG));
}

int main(int argc, char **argv)
{
    lex_db *lex;
    match_db *m;
    ent_ctx *c;
    DIR *d;
    struct dirent *de;
    counts strict = {{0}, {0}, {0}}, loose = {{0}, {0}, {0}};
    size_t docs = 0, top = argc > 2 ? (size_t)atoi(argv[2]) : 12, k, t;
    if (argc < 2) {
        fprintf(stderr, "usage: eval_ner FACTRUEVAL-FOLDER [TOP]\n");
        return 2;
    }
    if (!(d = opendir(argv[1]))) {
        perror(argv[1]);
        return 2;
    }
    if (lex_builtin(0, NULL, NULL, &lex) || match_build(lex, &m) || ent_new(lex, m, &c)) {
        fprintf(stderr, "eval_ner: the lexicon does not load\n");
        return 2;
    }
    while ((de = readdir(d)) != NULL) {
        static span gold[20000];
        char base[1024], path[1100];
        size_t nl = strlen(de->d_name), ng, n, nm, i;
        char *text;
        size_t *chars;
        kr_arena *a;
        ent_mention *mv;
        kr_date nodate = {0, 0, 0};
        if (nl < 5 || strcmp(de->d_name + nl - 4, ".txt") != 0)
            continue;
        snprintf(base, sizeof base, "%s/%.*s", argv[1], (int)(nl - 4), de->d_name);
        if (!(ng = read_gold(base, gold, 20000)))
            continue;
        snprintf(path, sizeof path, "%s.txt", base);
        if (!(text = slurp(path, &n)) || utf8_validate(text, n, &i) != 0) {
            kr_free(text);
            continue;
        }
        /* byte offset -> character offset */
        chars = malloc((n + 1) * sizeof *chars);
        for (i = 0, k = 0; i <= n; i++) {
            chars[i] = k;
            if (i < n && ((unsigned char)text[i] & 0xC0) != 0x80)
                k++;
        }
        a = arena_new();
        if (ent_resolve(c, text, n, 0, nodate, a, &mv, &nm) == 0) {
            for (k = 0; k < nm; k++) {
                const ent_mention *x = &mv[k];
                int type = -1, hit = 0, near = 0;
                size_t s = chars[x->span.start], e = chars[x->span.end], g;
                if (x->kind == ENT_ADJ || x->kind == ENT_ROLE)
                    continue; /* not names: factRuEval annotates names */
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
                for (g = 0; g < ng; g++) {
                    if (!same_type(&gold[g], type))
                        continue;
                    if (gold[g].start == s && gold[g].end == e) {
                        if (!(gold[g].hit & 1)) {
                            gold[g].hit |= 1;
                            hit = 1;
                        }
                    }
                    if (gold[g].start < e && s < gold[g].end && !(gold[g].hit & 2)) {
                        gold[g].hit |= 2;
                        near = 1;
                    }
                }
                (hit ? strict.tp : strict.fp)[type]++;
                (near ? loose.tp : loose.fp)[type]++;
                if (!near)
                    count_err(alarm, &nalarm, text + x->span.start, x->span.end - x->span.start, type);
            }
        }
        for (k = 0; k < ng; k++) {
            int gt = gold[k].type;
            if (!(gold[k].hit & 1))
                strict.fn[gt]++;
            if (!(gold[k].hit & 2)) {
                size_t bs = 0, be = 0;
                loose.fn[gt]++;
                /* character offsets back to bytes: the byte that starts a character */
                for (i = 0; i <= n; i++) {
                    int starts = i == n || ((unsigned char)text[i] & 0xC0) != 0x80;
                    if (starts && chars[i] == gold[k].start)
                        bs = i;
                    if (starts && chars[i] == gold[k].end) {
                        be = i;
                        break;
                    }
                }
                if (be > bs)
                    count_err(miss, &nmiss, text + bs, be - bs, gt);
            }
        }
        arena_free(a);
        free(chars);
        kr_free(text);
        docs++;
    }
    closedir(d);
    printf("factRuEval-2016 %s: %zu documents\n", argv[1], docs);
    printf("%-4s  %-26s  %-26s\n", "type", "exact span  P     R     F1", "overlap     P     R     F1");
    for (t = 0; t < NT; t++) {
        double ps = strict.tp[t] + strict.fp[t] ? (double)strict.tp[t] / (double)(strict.tp[t] + strict.fp[t]) : 0;
        double rs = strict.tp[t] + strict.fn[t] ? (double)strict.tp[t] / (double)(strict.tp[t] + strict.fn[t]) : 0;
        double pl = loose.tp[t] + loose.fp[t] ? (double)loose.tp[t] / (double)(loose.tp[t] + loose.fp[t]) : 0;
        double rl = loose.tp[t] + loose.fn[t] ? (double)loose.tp[t] / (double)(loose.tp[t] + loose.fn[t]) : 0;
        printf("%-4s  %11s %.3f %.3f %.3f  %11s %.3f %.3f %.3f\n", tname[t], "", ps, rs,
               ps + rs > 0 ? 2 * ps * rs / (ps + rs) : 0, "", pl, rl, pl + rl > 0 ? 2 * pl * rl / (pl + rl) : 0);
    }
    for (int pass = 0; pass < 2; pass++) {
        tally *v = pass ? alarm : miss;
        size_t nv = pass ? nalarm : nmiss;
        printf("most frequent %s:\n", pass ? "false alarms" : "misses");
        for (k = 0; k < top && k < nv; k++) {
            size_t best = k, j;
            for (j = k + 1; j < nv; j++)
                if (v[j].n > v[best].n)
                    best = j;
            tally tmp = v[k];
            v[k] = v[best];
            v[best] = tmp;
            printf("  %4d %s %s\n", v[k].n, tname[v[k].type], v[k].text);
        }
    }
    ent_free(c);
    match_free(m);
    lex_free(lex);
    return 0;
}
