/* evlex.c: reads lexicon/events/: the codebook table and the per-language
 * cue and pattern lines, compiled into key ids and an index by a
 * pattern's first word. The format is described in docs/events.md. */
#include "evlex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fold.h"
#include "strmap.h"

#define MAX_ELEMS 24
#define MAX_ALTS 64


typedef struct anchor {
    const ev_pattern **v;
    uint32_t *need_at;   /* by pattern: where its required sets start in need (n + 1) */
    uint32_t *need;      /* the key sets of each pattern's required words after the
                            anchor, in order, one pattern after the other */
    size_t n, cap;
} anchor;

typedef struct cue_list {
    ev_cue_phrase *v;
    size_t n, cap;
} cue_list;

typedef struct macro {
    const char *name;
    size_t n;
    const uint32_t *keys;
    uint16_t nkeys;
} macro;

struct evlex {
    kr_arena *arena;
    ev_code *codes;
    size_t ncodes, ccap;
    ev_pattern *pats;
    size_t npats, pcap;
    strmap keys;    /* pattern and cue words: key -> id (1, 2, ...) */
    anchor *anchors; /* by key id */
    cue_list *cues;  /* by key id */
    size_t acap;     /* slots of anchors and cues */
    macro *macros;
    size_t nmacros, mcap;
    int exact; /* some pattern has an exact word */
    size_t nsets;        /* distinct key sets of pattern words */
    uint32_t *set_first; /* sets of key k: set_ids[set_first[k] .. set_first[k + 1]) */
    uint32_t *set_ids;
    uint8_t *uses;       /* by key id: EV_KEY_* */
};

typedef struct reader {
    evlex *e;
    stem_cache *sc;
    lex_report_fn report;
    void *ud;
    const char *file;
    const char *lang;
    size_t line;
    int errors;
    int agent_cue; /* the file has a `cue agent:` line */
} reader;

static const char *const cue_names[CUE_NCLASSES] = {
    "negation", "intent", "hypothetical", "reported", "passive", "agent",
    "preposition", "locative", "clause", "complement", "relative", "and",
    "pronoun", "determiner", "today", "yesterday", "tomorrow", "last-week"};

static const char *const plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

static void problem(reader *r, const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    r->errors++;
    if (r->report)
        r->report(r->ud, r->file, r->line, 0, msg);
}

/* problem() about the text s[0..n), quoted from a bounded copy. */
static void problem_at(reader *r, const char *fmt, const char *s, size_t n)
{
    char arg[96];
    snprintf(arg, sizeof arg, "%.*s", (int)(n < sizeof arg - 1 ? n : sizeof arg - 1), s);
    problem(r, fmt, arg);
}

/* --- keys --------------------------------------------------------------- */

size_t evlex_word_key(stem_cache *sc, const char *w, size_t n, int exact, char *out, size_t cap)
{
    char buf[FOLD_MAX_WORD + 4];
    fold_word fw;
    size_t pos = 0, len = 0;
    if (cap < 2)
        return 0;
    if (exact)
        out[len++] = '=';
    while (fold_next(w, n, &pos, buf, &fw)) {
        kr_str s = {buf, fw.n};
        if (!exact && sc && stem_word(sc, fw.script, buf, fw.n, &s) != 0)
            return 0;
        if (len > (size_t)exact && len < cap)
            out[len++] = '-';
        if (len + s.n >= cap)
            return 0;
        memcpy(out + len, s.p, s.n);
        len += s.n;
    }
    return len > (size_t)exact ? len : 0;
}

uint32_t evlex_key_id(const evlex *e, const char *key, size_t n)
{
    long id = n ? strmap_get(&e->keys, key, n) : -1;
    return id > 0 ? (uint32_t)id : 0;
}

/* Interns a key; returns its id (> 0) or 0 when out of memory. */
static uint32_t intern(evlex *e, const char *key, size_t n)
{
    size_t id;
    if (strmap_put(&e->keys, e->arena, key, n, e->keys.n + 1, &id) < 0)
        return 0;
    return (uint32_t)id;
}

/* --- the codebook ------------------------------------------------------- */

static int code_cmp(const void *a, const void *b)
{
    return strcmp(((const ev_code *)a)->code, ((const ev_code *)b)->code);
}

const ev_code *evlex_code(const evlex *e, const char *code)
{
    ev_code key;
    key.code = code;
    return e->ncodes ? bsearch(&key, e->codes, e->ncodes, sizeof key, code_cmp) : NULL;
}

static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

static int known_plover(const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < sizeof plover_types / sizeof *plover_types; k++)
        if (strlen(plover_types[k]) == n && memcmp(plover_types[k], s, n) == 0)
            return 1;
    return 0;
}

/* Cuts the next white-space separated field of line[*pos..n). */
static kr_str field(const char *line, size_t n, size_t *pos)
{
    kr_str f;
    while (*pos < n && (line[*pos] == ' ' || line[*pos] == '\t'))
        (*pos)++;
    f.p = line + *pos;
    while (*pos < n && line[*pos] != ' ' && line[*pos] != '\t')
        (*pos)++;
    f.n = (size_t)(line + *pos - f.p);
    return f;
}

static int code_line(reader *r, const char *line, size_t n)
{
    evlex *e = r->e;
    size_t pos = 0, k;
    kr_str code = field(line, n, &pos), gs = field(line, n, &pos), pl = field(line, n, &pos);
    ev_code *c;
    char num[32], *end;
    const char *colon;
    if (code.n < 2 || code.n > 4 || !gs.n || !pl.n) {
        problem(r, "expected: CODE GOLDSTEIN PLOVER[:MODE] LABEL%s", "");
        return 0;
    }
    for (k = 0; k < code.n; k++)
        if (!kr_isdigit((unsigned char)code.p[k])) {
            problem_at(r, "bad CAMEO code '%s'", code.p, code.n);
            return 0;
        }
    snprintf(num, sizeof num, "%.*s", (int)(gs.n < 31 ? gs.n : 31), gs.p);
    if (e->ncodes == e->ccap) {
        size_t cap = e->ccap ? e->ccap * 2 : 512;
        ev_code *v = kr_realloc(e->codes, cap * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        e->codes = v;
        e->ccap = cap;
    }
    c = &e->codes[e->ncodes];
    memset(c, 0, sizeof *c);
    c->goldstein = strtod(num, &end);
    if (end == num || *end || !(c->goldstein >= -10 && c->goldstein <= 10)) {
        problem(r, "bad Goldstein score '%s' (a number from -10 to 10)", num);
        return 0;
    }
    if (!(c->code = arena_strndup(e->arena, code.p, code.n)))
        return KR_ENOMEM;
    c->quad = quad_of_root((code.p[0] - '0') * 10 + (code.p[1] - '0'));
    if (!(pl.n == 1 && pl.p[0] == '-')) {
        colon = memchr(pl.p, ':', pl.n);
        size_t tn = colon ? (size_t)(colon - pl.p) : pl.n;
        if (!known_plover(pl.p, tn)) {
            problem_at(r, "unknown PLOVER type '%s'", pl.p, tn);
            return 0;
        }
        if (!(c->plover = arena_strndup(e->arena, pl.p, tn)))
            return KR_ENOMEM;
        if (colon && !(c->plover_mode = arena_strndup(e->arena, colon + 1, pl.n - tn - 1)))
            return KR_ENOMEM;
    }
    while (pos < n && (line[pos] == ' ' || line[pos] == '\t'))
        pos++;
    if (!(c->label = arena_strndup(e->arena, line + pos, n - pos)))
        return KR_ENOMEM;
    e->ncodes++;
    return 0;
}

/* --- patterns and cues -------------------------------------------------- */

static const macro *find_macro(const evlex *e, const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < e->nmacros; k++)
        if (e->macros[k].n == n && memcmp(e->macros[k].name, s, n) == 0)
            return &e->macros[k];
    return NULL;
}

/* Key ids of "a|b!|@set" into ids (at most MAX_ALTS). Returns the count,
 * 0 after reporting a problem, -1 when out of memory. */
static int alternatives(reader *r, const char *s, size_t n, uint32_t *ids)
{
    size_t start = 0, i;
    int count = 0;
    for (i = 0; i <= n; i++) {
        char key[FOLD_MAX_WORD * 2];
        size_t wn, kl;
        const char *w;
        int exact;
        if (i < n && s[i] != '|')
            continue;
        w = s + start;
        wn = i - start;
        start = i + 1;
        if (wn && w[0] == '@') {
            const macro *m = find_macro(r->e, w + 1, wn - 1);
            if (!m) {
                problem_at(r, "unknown word set '%s'", w, wn);
                return 0;
            }
            if (count + m->nkeys > MAX_ALTS) {
                problem(r, "too many alternatives%s", "");
                return 0;
            }
            memcpy(ids + count, m->keys, m->nkeys * sizeof *ids);
            count += m->nkeys;
            continue;
        }
        exact = wn > 1 && w[wn - 1] == '!';
        r->e->exact |= exact;
        /* an exact word's stem is interned too: a text word whose stem is
         * unknown needs no exact lookup */
        if (exact && (kl = evlex_word_key(r->sc, w, wn - 1, 0, key, sizeof key)) &&
            !intern(r->e, key, kl))
            return -1;
        kl = evlex_word_key(r->sc, w, wn - (size_t)exact, exact, key, sizeof key);
        if (!kl) {
            problem_at(r, "'%s' is not a word", w, wn);
            return 0;
        }
        if (count == MAX_ALTS) {
            problem(r, "too many alternatives%s", "");
            return 0;
        }
        if (!(ids[count++] = intern(r->e, key, kl)))
            return -1;
    }
    return count;
}

static int add_anchor(evlex *e, uint32_t k, const ev_pattern *p)
{
    anchor *a;
    if (k >= e->acap) {
        size_t cap = e->acap ? e->acap : 1024, old = e->acap;
        while (cap <= k)
            cap *= 2;
        anchor *av = kr_realloc(e->anchors, cap * sizeof *av);
        if (!av)
            return KR_ENOMEM;
        e->anchors = av;
        cue_list *cv = kr_realloc(e->cues, cap * sizeof *cv);
        if (!cv)
            return KR_ENOMEM;
        e->cues = cv;
        memset(e->anchors + old, 0, (cap - old) * sizeof *av);
        memset(e->cues + old, 0, (cap - old) * sizeof *cv);
        e->acap = cap;
    }
    if (!p)
        return 0;
    a = &e->anchors[k];
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 4;
        const ev_pattern **v = kr_realloc(a->v, cap * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = p;
    return 0;
}

/* "define NAME: a|b|c" */
static int define_line(reader *r, const char *s, size_t n)
{
    evlex *e = r->e;
    const char *colon = memchr(s, ':', n);
    uint32_t ids[MAX_ALTS];
    size_t nl, vs;
    int count;
    macro *m;
    if (!colon) {
        problem(r, "expected: define NAME: word|word%s", "");
        return 0;
    }
    nl = (size_t)(colon - s);
    while (nl && s[nl - 1] == ' ')
        nl--;
    for (vs = (size_t)(colon - s) + 1; vs < n && s[vs] == ' '; vs++)
        ;
    count = alternatives(r, s + vs, n - vs, ids);
    if (count <= 0)
        return count < 0 ? KR_ENOMEM : 0;
    if (e->nmacros == e->mcap) {
        size_t cap = e->mcap ? e->mcap * 2 : 32;
        macro *v = kr_realloc(e->macros, cap * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        e->macros = v;
        e->mcap = cap;
    }
    m = &e->macros[e->nmacros];
    m->name = arena_strndup(e->arena, s, nl);
    m->n = nl;
    m->nkeys = (uint16_t)count;
    m->keys = arena_alloc(e->arena, (size_t)count * sizeof *ids);
    if (!m->name || !m->keys)
        return KR_ENOMEM;
    memcpy((uint32_t *)m->keys, ids, (size_t)count * sizeof *ids);
    e->nmacros++;
    return 0;
}

/* "cue CLASS: phrase; phrase" */
static int cue_line(reader *r, const char *s, size_t n)
{
    evlex *e = r->e;
    const char *colon = memchr(s, ':', n);
    size_t cn, k, i, start;
    int cls = -1;
    if (!colon) {
        problem(r, "expected: cue CLASS: phrase; phrase%s", "");
        return 0;
    }
    for (cn = (size_t)(colon - s); cn && s[cn - 1] == ' '; cn--)
        ;
    for (k = 0; k < CUE_NCLASSES; k++)
        if (strlen(cue_names[k]) == cn && memcmp(cue_names[k], s, cn) == 0)
            cls = (int)k;
    if (cls < 0) {
        problem_at(r, "unknown cue class '%s'", s, cn);
        return 0;
    }
    r->agent_cue |= cls == CUE_AGENT;
    start = (size_t)(colon - s) + 1;
    for (i = start; i <= n; i++) {
        uint32_t ids[MAX_ELEMS];
        uint16_t nw = 0;
        size_t pos, end = i;
        cue_list *l;
        if (i < n && s[i] != ';')
            continue;
        for (pos = start; pos < end;) {
            char key[FOLD_MAX_WORD * 2];
            kr_str w = field(s, end, &pos);
            size_t kl;
            if (!w.n)
                break;
            kl = evlex_word_key(r->sc, w.p, w.n, 0, key, sizeof key);
            if (!kl || nw == MAX_ELEMS) {
                problem_at(r, "bad cue word '%s'", w.p, w.n);
                return 0;
            }
            if (!(ids[nw++] = intern(e, key, kl)))
                return KR_ENOMEM;
        }
        start = i + 1;
        if (!nw)
            continue;
        if (add_anchor(e, ids[0], NULL))
            return KR_ENOMEM;
        l = &e->cues[ids[0]];
        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 2;
            ev_cue_phrase *v = kr_realloc(l->v, cap * sizeof *v);
            if (!v)
                return KR_ENOMEM;
            l->v = v;
            l->cap = cap;
        }
        l->v[l->n].cls = (ev_cue)cls;
        l->v[l->n].n = nw;
        if (!(l->v[l->n].keys = arena_alloc(e->arena, nw * sizeof *ids)))
            return KR_ENOMEM;
        memcpy((uint32_t *)l->v[l->n].keys, ids, nw * sizeof *ids);
        l->n++;
    }
    return 0;
}

static int pattern_options(reader *r, const char *s, size_t n, uint16_t *opts)
{
    size_t pos = 0;
    for (;;) {
        kr_str o = field(s, n, &pos);
        if (!o.n)
            return 0;
        if (o.n == 6 && memcmp(o.p, "intent", 6) == 0)
            *opts |= EV_OPT_INTENT;
        else if (o.n == 6 && memcmp(o.p, "speech", 6) == 0)
            *opts |= EV_OPT_SPEECH;
        else if (o.n == 9 && memcmp(o.p, "symmetric", 9) == 0)
            *opts |= EV_OPT_SYMMETRIC;
        else if (o.n == 6 && memcmp(o.p, "target", 6) == 0)
            *opts |= EV_OPT_TARGET;
        else if (o.n == 5 && memcmp(o.p, "loose", 5) == 0)
            *opts |= EV_OPT_LOOSE;
        else if (o.n == 6 && memcmp(o.p, "mutual", 6) == 0)
            *opts |= EV_OPT_SYMMETRIC | EV_OPT_MUTUAL;
        else {
            problem_at(r, "unknown pattern option '%s'", o.p, o.n);
            return 1;
        }
    }
}

/* "CODE element element ... [; option ...]" */
static int pattern_line(reader *r, const char *s, size_t n)
{
    evlex *e = r->e;
    size_t pos = 0, body_end = n;
    kr_str code = field(s, n, &pos);
    const char *semi = memchr(s, ';', n);
    ev_elem el[MAX_ELEMS];
    uint32_t ids[MAX_ALTS];
    char cbuf[8];
    ev_pattern p;
    uint16_t ne = 0;
    memset(&p, 0, sizeof p);
    if (semi) {
        body_end = (size_t)(semi - s);
        if (pattern_options(r, semi + 1, n - body_end - 1, &p.opts))
            return 0;
    }
    snprintf(cbuf, sizeof cbuf, "%.*s", (int)(code.n < 7 ? code.n : 7), code.p);
    if (strcmp(cbuf, "---") == 0) {
        static const ev_code block = {"---", "no event", NULL, NULL, 0.0, 0};
        p.code = &block;
        p.opts |= EV_OPT_BLOCK;
    } else if (!(p.code = evlex_code(e, cbuf))) {
        problem(r, "CAMEO code '%s' is not in the codebook (events/cameo.txt)", cbuf);
        return 0;
    }
    while (pos < body_end) {
        kr_str w = field(s, body_end, &pos);
        ev_elem *x = &el[ne];
        int count;
        if (!w.n)
            break;
        if (ne == MAX_ELEMS) {
            problem(r, "pattern too long%s", "");
            return 0;
        }
        memset(x, 0, sizeof *x);
        if (w.n >= 2 && w.p[0] == '(' && w.p[w.n - 1] == ')') {
            x->optional = 1;
            w.p++;
            w.n -= 2;
        }
        if (w.n == 3 && memcmp(w.p, "...", 3) == 0)
            x->kind = EV_GAP;
        else if (w.n == 1 && w.p[0] == '+')
            x->kind = EV_TARGET;
        else if (w.n == 1 && w.p[0] == '$')
            x->kind = EV_SOURCE;
        else {
            if ((count = alternatives(r, w.p, w.n, ids)) <= 0)
                return count < 0 ? KR_ENOMEM : 0;
            x->kind = EV_WORD;
            x->nkeys = (uint16_t)count;
            if (!(x->keys = arena_alloc(e->arena, (size_t)count * sizeof *ids)))
                return KR_ENOMEM;
            memcpy((uint32_t *)x->keys, ids, (size_t)count * sizeof *ids);
            if (!x->optional)
                p.nwords++;
        }
        if (x->optional && x->kind == EV_GAP) {
            problem(r, "a gap is optional already%s", "");
            return 0;
        }
        ne++;
    }
    if (ne > 1 && el[0].kind == EV_TARGET && !el[0].optional && el[1].kind == EV_WORD) {
        /* "+ received ... from ... $": the subject is the target */
        memmove(el, el + 1, (ne - 1) * sizeof *el);
        ne--;
        p.opts |= EV_OPT_SUBJECT_TARGET;
    }
    if (!ne || el[0].kind != EV_WORD || el[0].optional) {
        problem(r, "a pattern starts with a required word%s", "");
        return 0;
    }
    if (!(p.elems = arena_alloc(e->arena, ne * sizeof *el)))
        return KR_ENOMEM;
    memcpy((ev_elem *)p.elems, el, ne * sizeof *el);
    p.nelems = ne;
    p.lang = r->lang;
    p.file = r->file;
    p.line = r->line;
    if (e->npats == e->pcap) {
        size_t cap = e->pcap ? e->pcap * 2 : 256;
        ev_pattern *v = kr_realloc(e->pats, cap * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        e->pats = v;
        e->pcap = cap;
    }
    e->pats[e->npats++] = p;
    return 0;
}

/* Calls fn on each line of a source without its comment and outer blanks. */
static int each_line(reader *r, const lex_source *s, int (*fn)(reader *, const char *, size_t))
{
    size_t pos = 0;
    int rc = 0;
    r->file = s->name;
    r->line = 0;
    while (pos < s->n && rc == 0) {
        const char *l = s->data + pos, *nl = memchr(l, '\n', s->n - pos);
        size_t n = nl ? (size_t)(nl - l) : s->n - pos, k;
        pos += n + 1;
        r->line++;
        for (k = 0; k < n; k++)
            if (l[k] == '#' && (k == 0 || l[k - 1] == ' ' || l[k - 1] == '\t'))
                break;
        n = k;
        while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
            n--;
        while (n && (*l == ' ' || *l == '\t')) {
            l++;
            n--;
        }
        if (n)
            rc = fn(r, l, n);
    }
    return rc;
}

static int lang_line(reader *r, const char *l, size_t n)
{
    if (n > 7 && memcmp(l, "define ", 7) == 0)
        return define_line(r, l + 7, n - 7);
    if (n > 4 && memcmp(l, "cue ", 4) == 0)
        return cue_line(r, l + 4, n - 4);
    return pattern_line(r, l, n);
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* Language of a pattern file: its base name without ".txt". */
static const char *file_lang(evlex *e, const char *path)
{
    const char *b = base_name(path), *dot = strchr(b, '.');
    return arena_strndup(e->arena, b, dot ? (size_t)(dot - b) : strlen(b));
}

static int spec_cmp(const void *a, const void *b)
{
    const ev_pattern *x = *(const ev_pattern *const *)a, *y = *(const ev_pattern *const *)b;
    if (x->nwords != y->nwords)
        return x->nwords > y->nwords ? -1 : 1;
    if (x->nelems != y->nelems)
        return x->nelems > y->nelems ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int index_patterns(evlex *e)
{
    size_t k, j;
    for (k = 0; k < e->npats; k++) {
        const ev_elem *first = &e->pats[k].elems[0];
        for (j = 0; j < first->nkeys; j++)
            if (add_anchor(e, first->keys[j], &e->pats[k]))
                return KR_ENOMEM;
    }
    if (add_anchor(e, (uint32_t)e->keys.n, NULL))
        return KR_ENOMEM;
    for (k = 0; k < e->acap; k++)
        if (e->anchors[k].n > 1)
            qsort(e->anchors[k].v, e->anchors[k].n, sizeof *e->anchors[k].v, spec_cmp);
    return 0;
}

static int id_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Gives every pattern word its key set: equal sets (the same word set used
 * in many patterns) share one id; then lists, by key, the sets holding it. */
static int index_sets(evlex *e)
{
    strmap seen = {0};
    uint32_t *count = NULL;
    size_t k, j, nkeys = e->keys.n, total = 0;
    int rc = KR_ENOMEM;
    /* the first pattern word holding each set, by set id: its keys */
    const ev_elem **first = NULL;
    size_t fcap = 0;
    for (k = 0; k < e->npats; k++)
        for (j = 0; j < e->pats[k].nelems; j++) {
            ev_elem *x = (ev_elem *)&e->pats[k].elems[j];
            size_t got;
            int added;
            if (x->kind != EV_WORD || !x->nkeys)
                continue;
            qsort((uint32_t *)x->keys, x->nkeys, sizeof *x->keys, id_cmp);
            added = strmap_put(&seen, e->arena, (const char *)x->keys, x->nkeys * sizeof *x->keys,
                               e->nsets + 1, &got);
            if (added < 0)
                goto done;
            x->set = (uint32_t)got;
            if (!added)
                continue;
            if (++e->nsets >= fcap) {
                const ev_elem **v = kr_realloc(first, (fcap = 2 * fcap + 64) * sizeof *v);
                if (!v)
                    goto done;
                first = v;
            }
            first[e->nsets] = x;
            total += x->nkeys;
        }
    if (!(count = kr_calloc(nkeys + 2, sizeof *count)) ||
        !(e->set_first = kr_calloc(nkeys + 2, sizeof *e->set_first)) ||
        !(e->set_ids = kr_malloc((total + 1) * sizeof *e->set_ids)))
        goto done;
    for (k = 1; k <= e->nsets; k++)
        for (j = 0; j < first[k]->nkeys; j++)
            e->set_first[first[k]->keys[j] + 1]++;
    for (k = 1; k <= nkeys + 1; k++)
        e->set_first[k] += e->set_first[k - 1];
    for (k = 1; k <= e->nsets; k++)
        for (j = 0; j < first[k]->nkeys; j++) {
            uint32_t key = first[k]->keys[j];
            e->set_ids[e->set_first[key] + count[key]++] = (uint32_t)k;
        }
    rc = 0;
done:
    kr_free(first);
    kr_free(count);
    strmap_free(&seen);
    return rc;
}

/* For each anchor's patterns, in order, the key sets of their required
 * words after the anchor, side by side: find_matches turns most patterns
 * away by them, reading one small array instead of the patterns. */
static int index_needs(evlex *e)
{
    size_t k, j, x, total;
    for (k = 0; k < e->acap; k++) {
        anchor *a = &e->anchors[k];
        if (!a->n)
            continue;
        for (j = total = 0; j < a->n; j++)
            for (x = 1; x < a->v[j]->nelems; x++)
                total += a->v[j]->elems[x].kind == EV_WORD && !a->v[j]->elems[x].optional;
        if (!(a->need_at = kr_malloc((a->n + 1) * sizeof *a->need_at)) ||
            !(a->need = kr_malloc((total + 1) * sizeof *a->need)))
            return KR_ENOMEM;
        for (j = total = 0; j < a->n; j++) {
            a->need_at[j] = (uint32_t)total;
            for (x = 1; x < a->v[j]->nelems; x++) {
                const ev_elem *el = &a->v[j]->elems[x];
                if (el->kind == EV_WORD && !el->optional)
                    a->need[total++] = el->set;
            }
        }
        a->need_at[a->n] = (uint32_t)total;
    }
    return 0;
}

/* What each key is used for, in one byte a key: a coder asks this small
 * table before it reads the large ones. */
static int index_uses(evlex *e)
{
    size_t k, n = e->keys.n;
    if (!(e->uses = kr_calloc(n + 1, 1)))
        return KR_ENOMEM;
    for (k = 1; k <= n; k++) {
        size_t c;
        uint8_t u = 0;
        if (k < e->acap && e->anchors[k].n)
            u |= EV_KEY_ANCHOR;
        if (k < e->acap && e->cues[k].n)
            u |= EV_KEY_CUE;
        if (evlex_key_sets(e, (uint32_t)k, &c) && c)
            u |= EV_KEY_SET;
        e->uses[k] = u;
    }
    return 0;
}

int evlex_build(const lex_source *src, size_t nsrc, int check, stem_cache *sc,
                lex_report_fn report, void *ud, evlex **out)
{
    evlex *e = kr_calloc(1, sizeof *e);
    reader r;
    size_t k;
    int rc = 0, pass;
    if (!e || !(e->arena = arena_new())) {
        kr_free(e);
        return KR_ENOMEM;
    }
    memset(&r, 0, sizeof r);
    r.e = e;
    r.sc = sc;
    r.report = report;
    r.ud = ud;
    /* the codebook first: patterns name its codes */
    for (pass = 0; pass < 2 && rc == 0; pass++)
        for (k = 0; k < nsrc && rc == 0; k++) {
            int is_codes = strcmp(base_name(src[k].name), "cameo.txt") == 0;
            if (!lex_is_event_file(src[k].name) || is_codes != (pass == 0))
                continue;
            if (pass == 0) {
                rc = each_line(&r, &src[k], code_line);
                if (rc == 0 && e->ncodes) {
                    size_t j;
                    qsort(e->codes, e->ncodes, sizeof *e->codes, code_cmp);
                    r.line = 0;
                    for (j = 1; j < e->ncodes; j++)
                        if (!strcmp(e->codes[j].code, e->codes[j - 1].code))
                            problem(&r, "CAMEO code %s is listed twice", e->codes[j].code);
                }
            } else {
                size_t first = e->npats, j;
                r.lang = file_lang(e, src[k].name);
                r.agent_cue = 0;
                e->nmacros = 0; /* word sets are per file */
                rc = r.lang ? each_line(&r, &src[k], lang_line) : KR_ENOMEM;
                for (j = first; j < e->npats; j++)
                    e->pats[j].case_agent = !r.agent_cue;
            }
        }
    if (rc == 0)
        rc = index_patterns(e);
    if (rc == 0)
        rc = index_sets(e);
    if (rc == 0)
        rc = index_needs(e);
    if (rc == 0)
        rc = index_uses(e);
    if (rc == 0 && check && r.errors)
        rc = KR_EFORMAT;
    if (rc) {
        evlex_free(e);
        return rc;
    }
    *out = e;
    return 0;
}

void evlex_free(evlex *e)
{
    size_t k;
    if (!e)
        return;
    for (k = 0; k < e->acap; k++) {
        kr_free(e->anchors[k].v);
        kr_free(e->anchors[k].need_at);
        kr_free(e->anchors[k].need);
        kr_free(e->cues[k].v);
    }
    kr_free(e->anchors);
    kr_free(e->cues);
    strmap_free(&e->keys);
    kr_free(e->codes);
    kr_free(e->pats);
    kr_free(e->macros);
    kr_free(e->set_first);
    kr_free(e->uses);
    kr_free(e->set_ids);
    arena_free(e->arena);
    kr_free(e);
}

size_t evlex_nsets(const evlex *e)
{
    return e->nsets;
}

const uint32_t *evlex_key_sets(const evlex *e, uint32_t k, size_t *count)
{
    if (!e->set_first || k > e->keys.n) {
        *count = 0;
        return NULL;
    }
    *count = e->set_first[k + 1] - e->set_first[k];
    return e->set_ids + e->set_first[k];
}

unsigned evlex_key_uses(const evlex *e, uint32_t k)
{
    return e->uses && k <= e->keys.n ? e->uses[k] : 0;
}

size_t evlex_nkeys(const evlex *e)
{
    return e->keys.n;
}

int evlex_has_exact(const evlex *e)
{
    return e->exact;
}

size_t evlex_ncodes(const evlex *e)
{
    return e->ncodes;
}

size_t evlex_npatterns(const evlex *e)
{
    return e->npats;
}

const ev_pattern *const *evlex_anchored(const evlex *e, uint32_t k, size_t *count)
{
    if (k >= e->acap) {
        *count = 0;
        return NULL;
    }
    *count = e->anchors[k].n;
    return (const ev_pattern *const *)e->anchors[k].v;
}

const uint32_t *evlex_anchored_needs(const evlex *e, uint32_t k, const uint32_t **at)
{
    if (k >= e->acap || !e->anchors[k].n) {
        *at = NULL;
        return NULL;
    }
    *at = e->anchors[k].need_at;
    return e->anchors[k].need;
}

const ev_cue_phrase *evlex_cues(const evlex *e, uint32_t k, size_t *count)
{
    if (k >= e->acap) {
        *count = 0;
        return NULL;
    }
    *count = e->cues[k].n;
    return e->cues[k].v;
}
