/* import.c: `kronika lexicon import`: TABARI and PETRARCH dictionaries
 * (actors, agents, verbs with patterns and synsets) written as a kronika
 * lexicon folder; the mapping is described in docs/import.md. */
#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "date.h"
#include "evlex.h"
#include "fold.h"
#include "lex.h"
#include "stem.h"
#include "strmap.h"
#include "utf8.h"

/* Limits of the pattern reader (src/evlex.c): a longer line is refused. */
#define MAX_ELEMS 24
#define MAX_ALTS 64
#define INLINE_ALTS 3     /* more alternatives than this get a define line */
#define MAX_VARIANTS 32   /* pattern lines one dictionary pattern may give */
#define MAX_DEPTH 32      /* expansions in one pattern: stops a synset holding itself */
#define MAX_WORD 200
#define NAMES_PER_LINE 8
#define DAY_MIN 0         /* an open start */
#define DAY_MAX 99991231  /* an open end */

/* --- small containers ------------------------------------------------------ */

static int grow(void **v, size_t *cap, size_t n, size_t sz)
{
    size_t nc;
    void *nv;
    if (n < *cap)
        return 0;
    nc = *cap ? *cap * 2 : 8;
    if (!(nv = kr_realloc(*v, nc * sz)))
        return KR_ENOMEM;
    *v = nv;
    *cap = nc;
    return 0;
}

/* A set of strings, each with a value (strmap.h); keys live in the
 * importer's arena. */
typedef strmap sset;

static long sset_get(const sset *s, const char *k)
{
    return strmap_get(s, k, strlen(k));
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds k with value v unless present; *added tells which. */
static int sset_put(sset *s, kr_arena *a, const char *k, size_t v, int *added)
{
    int rc = strmap_put(s, a, k, strlen(k), v, NULL);
    *added = rc > 0;
    return rc < 0 ? rc : 0;
}

/* --- the importer ------------------------------------------------------------- */

enum { F_UNKNOWN, F_VERBS, F_ACTORS, F_AGENTS, F_OPTIONS, F_PROJECT, F_TEXT, F_OTHER };

/* A code in brackets of an actor: [CODE], [CODE >date], [CODE <date],
 * [CODE date-date]. */
enum { CB_CODE = 1, CB_NONE };
typedef struct cblock {
    const char *code; /* cut to blocks of three capitals; NULL when CB_NONE */
    int32_t from, to; /* YYYYMMDD, DAY_MIN / DAY_MAX when open */
    uint8_t kind, dated, cut;
} cblock;

typedef struct actor {
    const char **names; /* as written, the first is the primary phrase */
    size_t nnames, ncap;
    cblock *cb;
    size_t ncb, cbcap;
    const char *file;
    size_t line;
    uint8_t group;  /* from a file of ethnic or religious groups */
    uint8_t closed; /* a blank line followed it: the next phrase is a new actor */
    /* resolved */
    uint8_t type;   /* LEX_* or 0: left out */
    const char *code, *id;
    long into;      /* a state merged into an earlier record of its code */
    long next, tail; /* the records merged into this one, in order */
    const char **out; /* names as written to actors.txt */
    size_t nout, outcap;
} actor;

typedef struct agent {
    const char **names;
    size_t nnames, ncap;
    char sector[4];
    const char *file;
    size_t line;
} agent;

typedef struct imp {
    kr_arena *a;
    stem_cache *sc;
    import_report_fn report;
    void *ud;
    import_stats st;
    const char *file; /* the input being read, for reports */
    int tabari;       /* a TABARI verbs file: words without '_' are stems */
    sset codes;       /* the codebook's codes */
    kr_buf codebook;  /* lines added: .options labels, codes of patterns */
    sset given;       /* given names, lower case */
    actor *act;
    size_t nact, actcap;
    agent *ag;
    size_t nag, agcap;
    sset sectors;     /* sectors of the role agents persons need */
    sset ids;         /* entry ids of actors and agents */
    kr_buf defs, pats; /* events/en.txt: define lines, pattern lines */
    sset pat_seen, def_names, def_content;
    const char **defnames; /* "@name" of each define line */
    size_t ndefnames, defcap;
    char **done;      /* real paths of the files read */
    size_t ndone, donecap;
    kr_buf sources;   /* names of the files read, for the headers */
    int oom;          /* an allocation failed: the import fails */
} imp;

/* Arena copies and blocks; a failure is remembered, so that a NULL taken
 * for "nothing to write" still fails the import. */
static char *astr(imp *m, const char *s, size_t n)
{
    char *r = arena_strndup(m->a, s, n);
    m->oom |= r == NULL;
    return r;
}

static void *aalloc(imp *m, size_t n)
{
    void *r = arena_alloc(m->a, n);
    m->oom |= r == NULL;
    return r;
}

static void note(imp *m, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void note(imp *m, size_t line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    if (!m->report)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    m->report(m->ud, m->file, line, msg);
}

#define SKIP(m, line, ...) ((m)->st.skipped++, note((m), (line), __VA_ARGS__))

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* --- lines -------------------------------------------------------------------- */

/* Reads a dictionary line by line, without its comments: '#' or ';' up to
 * the end of the line (not inside [...], where "###" is a code), "//"
 * in .options files, and <!-- ... --> anywhere (PETRARCH), and without
 * outer blanks. */
typedef struct reader {
    const char *p;
    size_t n, pos, line;
    int xml, slashes;
    int blank; /* the line holds nothing at all, not even a comment */
    kr_buf out;
} reader;

static int read_line(reader *r)
{
    const char *l, *nl;
    size_t len, i, depth = 0, s, e;
    if (r->pos >= r->n)
        return 0;
    l = r->p + r->pos;
    nl = memchr(l, '\n', r->n - r->pos);
    len = nl ? (size_t)(nl - l) : r->n - r->pos;
    r->pos += len + 1;
    r->line++;
    r->blank = kr_blank(l, len) && !r->xml;
    kr_buf_reset(&r->out);
    for (i = 0; i < len; i++) {
        char c = l[i];
        if (r->xml) {
            if (c == '-' && i + 2 < len && l[i + 1] == '-' && l[i + 2] == '>') {
                r->xml = 0;
                i += 2;
            }
            continue;
        }
        if (c == '<' && i + 3 < len && memcmp(l + i, "<!--", 4) == 0) {
            r->xml = 1;
            i += 3;
            continue;
        }
        if (c == '\r')
            continue;
        if (c == '[')
            depth++;
        else if (c == ']' && depth)
            depth--;
        if (r->slashes ? (c == '/' && i + 1 < len && l[i + 1] == '/')
                       : (depth == 0 && (c == '#' || c == ';')))
            break;
        if (kr_buf_putc(&r->out, c == '\t' ? ' ' : c))
            return -1;
    }
    if (kr_buf_reserve(&r->out, 1))
        return -1;
    for (s = 0; s < r->out.n && r->out.p[s] == ' '; s++)
        ;
    for (e = r->out.n; e > s && r->out.p[e - 1] == ' '; e--)
        ;
    memmove(r->out.p, r->out.p + s, e - s);
    r->out.n = e - s;
    r->out.p[r->out.n] = '\0';
    return 1;
}

static void reader_init(reader *r, const char *p, size_t n)
{
    memset(r, 0, sizeof *r);
    r->p = p;
    r->n = n;
}

static int starts_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (kr_tolower((unsigned char)*s) != kr_tolower((unsigned char)*prefix))
            return 0;
    return 1;
}

static int contains_ci(const char *s, const char *needle)
{
    for (; *s; s++)
        if (starts_ci(s, needle))
            return 1;
    return 0;
}

/* --- words and names ------------------------------------------------------------ */

/* A dictionary word as a pattern element: lower case; letters, digits,
 * UTF-8 and ' - . kept; '/' between alternatives (PETRARCH 2) becomes '|';
 * other marks dropped. NULL when no alternative has a letter or digit. */
static const char *clean_word(imp *m, const char *s, size_t n)
{
    char buf[MAX_WORD + 2];
    size_t k = 0, i, part = 0;
    int alnum = 0, any = 0;
    if (n >= MAX_WORD)
        return NULL;
    for (i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : '/';
        if (c == '/' || c == '|') {
            if (!alnum)
                k = part; /* an empty alternative */
            else {
                buf[k++] = '|';
                any = 1;
            }
            part = k;
            alnum = 0;
        } else if (c >= 0x80 || kr_isdigit(c) || kr_isalpha(c)) {
            buf[k++] = (char)(c < 0x80 ? kr_tolower(c) : c);
            alnum = 1;
        } else if (c == '\'' || c == '-' || c == '.') {
            buf[k++] = (char)c;
        }
    }
    if (!any)
        return NULL;
    return astr(m, buf, k - 1); /* without the last '|' */
}

static int is_vowel(int c)
{
    c = kr_tolower(c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* "AL_GORE_" -> "Al Gore", "U.N." stays, "PLO" stays (no vowel: an
 * acronym), "BARAD-DUR" -> "Barad-Dur"; with `lower` all lower case (role
 * words). Names in capitals would match only words in capitals
 * (docs/lexicon.md), so they are written the way reports write them. */
static const char *actor_name(imp *m, const char *raw, int lower)
{
    char buf[512];
    size_t k = 0, i = 0, n = strlen(raw);
    while (i < n && k + 8 < sizeof buf) {
        size_t start, end, j;
        int vowel = 0, keep = 0;
        while (i < n && (raw[i] == '_' || raw[i] == ' ' || raw[i] == '+'))
            i++;
        start = i;
        while (i < n && raw[i] != '_' && raw[i] != ' ')
            i++;
        end = i;
        if (start == end)
            continue;
        for (j = start; j < end; j++) {
            unsigned char c = (unsigned char)raw[j];
            vowel |= is_vowel(c);
            keep |= kr_isdigit(c) || c == '.';
        }
        if (k && buf[k - 1] != ' ')
            buf[k++] = ' ';
        for (j = start; j < end && k + 4 < sizeof buf; j++) {
            unsigned char c = (unsigned char)raw[j];
            int first = j == start || raw[j - 1] == '-';
            if (!(c >= 0x80 || kr_isalpha(c) || kr_isdigit(c) || c == '\'' || c == '-' || c == '.' ||
                  c == '&' || c == '/'))
                continue;
            if (lower)
                c = (unsigned char)kr_tolower(c);
            else if (vowel && !keep)
                c = (unsigned char)(first ? kr_toupper(c) : kr_tolower(c));
            buf[k++] = (char)c;
        }
    }
    while (k && buf[k - 1] == ' ')
        k--;
    for (i = 0; i < k; i++)
        if (kr_isalpha((unsigned char)buf[i]) || kr_isdigit((unsigned char)buf[i]) ||
            (unsigned char)buf[i] >= 0x80)
            return astr(m, buf, k);
    return NULL;
}

/* The folded words of a name, for telling names apart as kronika does. */
static void fold_key(const char *s, char *out, size_t cap)
{
    char buf[FOLD_MAX_WORD + 4];
    size_t pos = 0, k = 0, n = strlen(s);
    fold_word w;
    while (fold_next(s, n, &pos, buf, &w) && k + w.n + 2 < cap) {
        if (k)
            out[k++] = ' ';
        memcpy(out + k, buf, w.n);
        k += w.n;
    }
    out[k] = '\0';
}

/* An id slug: lower-case ASCII letters and digits, '-' between. */
static void slug(const char *name, char *out, size_t cap)
{
    size_t k = 0;
    for (; *name && k + 2 < cap; name++) {
        unsigned char c = (unsigned char)*name;
        if (kr_isalpha(c) || kr_isdigit(c))
            out[k++] = (char)kr_tolower(c);
        else if (k && out[k - 1] != '-')
            out[k++] = '-';
    }
    while (k && out[k - 1] == '-')
        k--;
    if (!k)
        out[k++] = 'x';
    out[k] = '\0';
}

/* --- codes ------------------------------------------------------------------------ */

enum { C_NONE, C_OK, C_NULL, C_DISCARD, C_BAD, C_SECOND };

/* An event code in brackets: "031", "031:032" (a paired event: the first
 * is kept; *paired is 1 when both are the same, 2 when the second, an
 * event the other way, is lost), "100!", "---" (no event),
 * "###" (discard the sentence), ":173" (the second event only). */
static int event_code(const char *s, size_t n, char out[8], int *paired)
{
    char a[16], b[16];
    size_t na = 0, nb = 0, i;
    int colon = 0;
    *paired = 0;
    out[0] = '\0';
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '!')
            continue;
        if (c == ':') {
            colon++;
            continue;
        }
        if (colon ? nb + 1 >= sizeof b : na + 1 >= sizeof a)
            return C_BAD;
        if (colon)
            b[nb++] = c;
        else
            a[na++] = c;
    }
    a[na] = b[nb] = '\0';
    if (!na && !nb)
        return C_NULL;
    if (strspn(a, "-") == na && na)
        return C_NULL;
    if (strchr(a, '#') || strchr(a, '+'))
        return C_DISCARD;
    if (!na)
        return nb ? C_SECOND : C_NULL;
    if (na < 2 || na > 4 || strspn(a, "0123456789") != na || colon > 1)
        return C_BAD;
    memcpy(out, a, na + 1);
    *paired = nb ? strcmp(a, b) == 0 ? 1 : 2 : 0;
    return C_OK;
}

/* The built-in codebook's codes, and the cue lines of its English patterns. */
static int load_builtin(imp *m, kr_buf *cameo, kr_buf *cues)
{
    size_t nsrc, k;
    const lex_source *src = lex_builtin_files(&nsrc);
    int rc = 0, added;
    for (k = 0; k < nsrc && rc == 0; k++) {
        const char *name = src[k].name;
        size_t nl = strlen(name);
        reader r;
        int got = 0;
        if (nl >= 16 && strcmp(name + nl - 16, "events/cameo.txt") == 0) {
            rc = kr_buf_append(cameo, src[k].data, src[k].n);
            reader_init(&r, src[k].data, src[k].n);
            while (rc == 0 && (got = read_line(&r)) > 0) {
                char code[8];
                size_t cn = strcspn(r.out.p, " ");
                if (r.out.n && cn < sizeof code) {
                    memcpy(code, r.out.p, cn);
                    code[cn] = '\0';
                    rc = sset_put(&m->codes, m->a, code, 0, &added);
                }
            }
            if (got < 0)
                rc = KR_ENOMEM;
            kr_buf_free(&r.out);
        } else if (nl >= 13 && strcmp(name + nl - 13, "events/en.txt") == 0) {
            const char *p = src[k].data, *end = p + src[k].n;
            while (p < end && rc == 0) {
                const char *e = memchr(p, '\n', (size_t)(end - p));
                size_t len = e ? (size_t)(e - p) : (size_t)(end - p);
                if (len > 4 && memcmp(p, "cue ", 4) == 0)
                    rc = kr_buf_append(cues, p, len + (e != NULL));
                p += len + 1;
            }
        } else if (nl >= 15 && strcmp(name + nl - 15, "given-names.txt") == 0) {
            /* the `en:` lists (';' between names): a name starting with
             * one is a person's */
            const char *p = src[k].data, *end = p + src[k].n;
            while (p < end && rc == 0) {
                const char *e = memchr(p, '\n', (size_t)(end - p)), *v = p + 3;
                const char *le = e ? e : end;
                if (le - p > 3 && memcmp(p, "en:", 3) == 0)
                    while (v < le && rc == 0) {
                        char w[64];
                        size_t i = 0;
                        for (; v < le && *v != ';'; v++)
                            if (*v != ' ' && i + 1 < sizeof w)
                                w[i++] = (char)kr_tolower((unsigned char)*v);
                        w[i] = '\0';
                        if (i)
                            rc = sset_put(&m->given, m->a, w, 0, &added);
                        v += v < le;
                    }
                p = le + 1;
            }
        }
    }
    if (rc == 0 && (!cameo->n || !cues->n))
        rc = KR_EFORMAT; /* a build without the event lexicon */
    return rc;
}

/* .options: `LABEL: 031=MEET` lines; a code the codebook lacks is added
 * with Goldstein 0 and no PLOVER type, so patterns may use it. */
static int read_options(imp *m, const char *data, size_t n)
{
    reader r;
    int got = 0, rc = 0;
    reader_init(&r, data, n);
    r.slashes = 1;
    while (rc == 0 && (got = read_line(&r)) > 0) {
        const char *l = r.out.p, *eq;
        char code[8];
        size_t cn;
        int added;
        if (!starts_ci(l, "LABEL:"))
            continue;
        l += 6;
        while (*l == ' ')
            l++;
        eq = strchr(l, '=');
        cn = eq ? (size_t)(eq - l) : 0;
        while (cn && l[cn - 1] == ' ')
            cn--;
        if (!eq || cn < 2 || cn > 4 || strspn(l, "0123456789") < cn)
            continue; /* actor labels (LABEL: ARN=Arnor) */
        if (starts_ci(eq + 1 + strspn(eq + 1, " "), "DISCARD"))
            continue; /* not an event */
        memcpy(code, l, cn);
        code[cn] = '\0';
        if (sset_get(&m->codes, code) >= 0)
            continue;
        if ((rc = sset_put(&m->codes, m->a, code, 0, &added)) != 0)
            break;
        for (eq++; *eq == ' '; eq++)
            ;
        rc = kr_buf_printf(&m->codebook, "%-7s 0.0   -   ", code);
        for (; rc == 0 && *eq; eq++)
            rc = kr_buf_putc(&m->codebook, *eq == '#' ? ' ' : *eq);
        if (rc == 0)
            rc = kr_buf_printf(&m->codebook, "%s(%s)\n", *eq ? "" : " ", base_name(m->file));
        m->st.codes++;
    }
    kr_buf_free(&r.out);
    return got < 0 ? KR_ENOMEM : rc;
}

/* --- pattern tokens ------------------------------------------------------------- */

enum { T_WORD = 1, T_VERB, T_TARGET, T_SOURCE, T_COMPOUND, T_SKIP, T_SET, T_ALT };

typedef struct ptok ptok;
typedef struct tlist {
    ptok *v;
    size_t n;
} tlist;

struct ptok {
    uint8_t kind;
    uint8_t glued;  /* joined to the token before by '_': nothing between */
    uint8_t whole;  /* a word with a final '_': TABARI takes it as a whole
                       word, else as a stem */
    uint8_t exact;  /* a dictionary's whole word (final '_'): that form only */
    const char *s;  /* T_WORD: the word, '|' between alternatives, or
                       "@name" of a define; T_SET: the synset's name */
    tlist *alts;    /* T_ALT: the options of { a | b c } */
    size_t nalts;
};

typedef struct tbuf {
    ptok *v;
    size_t n, cap;
} tbuf;

static int tbuf_push(tbuf *b, const ptok *t)
{
    if (grow((void **)&b->v, &b->cap, b->n, sizeof *b->v))
        return KR_ENOMEM;
    b->v[b->n++] = *t;
    return 0;
}

static int tbuf_copy(imp *m, const tbuf *b, tlist *out)
{
    out->n = b->n;
    out->v = NULL;
    if (!b->n)
        return 0;
    if (!(out->v = aalloc(m, b->n * sizeof *b->v)))
        return KR_ENOMEM;
    memcpy(out->v, b->v, b->n * sizeof *b->v);
    return 0;
}

static int is_word_byte(char c)
{
    return !strchr(" _{}()|[]*&+$%^", c);
}

/* Parses s[*pos..n) up to one of `stops` (or the end) into out; *stopped
 * tells which stop ended it (0: the end). Spaces between tokens let other
 * words come between (TABARI and PETRARCH); '_' joins. `{a | b c}` is a
 * choice (TABARI), `{a b}` a noun phrase and `(a b)` a prepositional
 * phrase (PETRARCH 2): their words in order. Returns 0, KR_ENOMEM, or 1 on
 * a syntax problem. */
static int parse_toks(imp *m, const char *s, size_t n, size_t *pos, const char *stops,
                      char *stopped, tbuf *out, int glue)
{
    int rc;
    *stopped = 0;
    while (*pos < n) {
        char c = s[*pos];
        ptok t;
        memset(&t, 0, sizeof t);
        if (c == ' ') {
            glue = 0;
            (*pos)++;
            continue;
        }
        if (c && strchr(stops, c)) {
            *stopped = c;
            (*pos)++;
            return 0;
        }
        if (c == '_') {
            (*pos)++;
            if (*pos >= n || s[*pos] == ' ' || (s[*pos] && strchr(stops, s[*pos]))) {
                if (out->n && out->v[out->n - 1].kind == T_WORD)
                    out->v[out->n - 1].whole = out->v[out->n - 1].exact = 1;
            } else
                glue = 1;
            continue;
        }
        if (c == '{' || c == '(') {
            tbuf opt = {0, 0, 0};
            tbuf alts = {0, 0, 0}; /* each option held in a token's `alts` */
            char st = 0;
            size_t k;
            (*pos)++;
            do {
                opt.n = 0;
                if ((rc = parse_toks(m, s, n, pos, c == '{' ? "|}" : ")", &st, &opt, 0)) != 0)
                    break;
                if (st != (c == '{' ? '}' : ')') && st != '|') {
                    rc = 1; /* unbalanced */
                    break;
                }
                {
                    ptok o;
                    memset(&o, 0, sizeof o);
                    if (!(o.alts = aalloc(m, sizeof *o.alts)) || tbuf_copy(m, &opt, o.alts) ||
                        tbuf_push(&alts, &o))
                        rc = KR_ENOMEM;
                }
            } while (rc == 0 && st == '|');
            kr_free(opt.v);
            if (rc == 0 && alts.n == 1) {
                /* a phrase: its tokens in place */
                tlist *one = alts.v[0].alts;
                for (k = 0; k < one->n && rc == 0; k++) {
                    ptok x = one->v[k];
                    if (k == 0)
                        x.glued = (uint8_t)glue;
                    rc = tbuf_push(out, &x);
                }
            } else if (rc == 0) {
                t.kind = T_ALT;
                t.glued = (uint8_t)glue;
                t.nalts = alts.n;
                if (!(t.alts = aalloc(m, alts.n * sizeof *t.alts)))
                    rc = KR_ENOMEM;
                for (k = 0; rc == 0 && k < alts.n; k++)
                    t.alts[k] = *alts.v[k].alts;
                if (rc == 0)
                    rc = tbuf_push(out, &t);
            }
            kr_free(alts.v);
            if (rc)
                return rc;
            glue = 0;
            continue;
        }
        if (strchr("}])|[", c))
            return 1;
        t.glued = (uint8_t)glue;
        glue = 0;
        if (c == '*') {
            while (*pos < n && s[*pos] == '*')
                (*pos)++;
            t.kind = T_VERB;
        } else if (c == '+' || c == '$' || c == '%' || c == '^') {
            (*pos)++;
            t.kind = c == '+' ? T_TARGET : c == '$' ? T_SOURCE : c == '%' ? T_COMPOUND : T_SKIP;
        } else if (c == '&') {
            size_t st = ++(*pos);
            char name[96];
            while (*pos < n && (kr_isalpha((unsigned char)s[*pos]) || kr_isdigit((unsigned char)s[*pos]) ||
                                s[*pos] == '-'))
                (*pos)++;
            if (*pos == st || *pos - st >= sizeof name)
                return 1;
            memcpy(name, s + st, *pos - st);
            name[*pos - st] = '\0';
            for (size_t k = 0; name[k]; k++)
                name[k] = (char)kr_toupper((unsigned char)name[k]);
            t.kind = T_SET;
            if (!(t.s = astr(m, name, strlen(name))))
                return KR_ENOMEM;
        } else {
            size_t st = *pos;
            while (*pos < n && is_word_byte(s[*pos]) && !strchr(stops, s[*pos]))
                (*pos)++;
            if (!(t.s = clean_word(m, s + st, *pos - st)))
                continue; /* punctuation only: nothing to match */
            t.kind = T_WORD;
            if ((strcmp(t.s, "n't") == 0 || (t.s[0] == '\'' && strcmp(t.s, "'s") != 0 && !strchr(t.s, '|'))) &&
                out->n &&
                out->v[out->n - 1].kind == T_WORD && out->v[out->n - 1].s[0] != '@' &&
                !strchr(out->v[out->n - 1].s, '|')) {
                /* PETRARCH's Treebank splits "didn't" into DID N'T; a text
                 * keeps it one word (only "Iran's" loses its 's) */
                ptok *prev = &out->v[out->n - 1];
                size_t a = strlen(prev->s), b = strlen(t.s);
                char *j = aalloc(m, a + b + 1);
                if (!j)
                    return KR_ENOMEM;
                memcpy(j, prev->s, a);
                memcpy(j + a, t.s, b + 1);
                prev->s = j;
                prev->whole = 1;
                continue;
            }
        }
        if ((rc = tbuf_push(out, &t)) != 0)
            return rc;
    }
    return 0;
}

/* Tokens of a whole phrase; 1 on a syntax problem. */
static int tokens_of(imp *m, const char *s, size_t n, tlist *out)
{
    tbuf b = {0, 0, 0};
    size_t pos = 0;
    char st;
    int rc = parse_toks(m, s, n, &pos, "", &st, &b, 0);
    if (rc == 0)
        rc = tbuf_copy(m, &b, out);
    kr_free(b.v);
    return rc;
}

/* --- alternatives and word sets ---------------------------------------------------- */

/* Words of one element, one per matching key (as evlex_word_key). */
typedef struct altl {
    const char **w, **k;
    size_t n, cap;
} altl;

/* With `exact` the word is written `word!`: that form only. */
static int alt_push(imp *m, altl *l, const char *w, size_t wn, int exact)
{
    char key[FOLD_MAX_WORD * 2 + 8];
    size_t kl = evlex_word_key(m->sc, w, wn, exact, key, sizeof key), i;
    if (!kl)
        return 1;
    key[kl] = '\0';
    for (i = 0; i < l->n; i++)
        if (strcmp(l->k[i], key) == 0)
            return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const char **nw = kr_realloc(l->w, cap * sizeof *nw), **nk;
        if (!nw)
            return KR_ENOMEM;
        l->w = nw;
        if (!(nk = kr_realloc(l->k, cap * sizeof *nk)))
            return KR_ENOMEM;
        l->k = nk;
        l->cap = cap;
    }
    if (!(l->w[l->n] = astr(m, w, wn + (exact != 0))) || !(l->k[l->n] = astr(m, key, kl)))
        return KR_ENOMEM;
    if (exact)
        ((char *)l->w[l->n])[wn] = '!';
    l->n++;
    return 0;
}

/* Adds a word ("a|b" adds both). A TABARI word without a final '_' is a
 * stem matching every word it begins ("cooperat" is "cooperate",
 * "cooperation"...): kronika matches stems of whole words instead, so the
 * stem is also given with the 'e' (or "ze" after 'i') it most often lacks,
 * when its key is then shorter than the stem. Returns 1 when a part is not
 * a word. */
static int alt_add(imp *m, altl *l, const char *word, int stem, int exact)
{
    const char *p = word;
    int rc;
    while (*p) {
        size_t n = strcspn(p, "|");
        if ((rc = alt_push(m, l, p, n, exact)) != 0)
            return rc;
        if (stem && m->tabari && n > 3 && n + 3 < MAX_WORD && kr_isalpha((unsigned char)p[n - 1]) &&
            (p[n - 1] == 'i' || !is_vowel(p[n - 1]))) {
            /* only when the full word's key is shorter than the stem:
             * "cooperate" -> "cooper", "criticize" -> "critic"; not
             * "suggested" (a word already) */
            char w[MAX_WORD + 4], key[FOLD_MAX_WORD * 2 + 8];
            size_t wn = n, kl;
            memcpy(w, p, n);
            if (p[n - 1] == 'i') {
                memcpy(w + n, "ze", 2);
                wn += 2;
            } else
                w[wn++] = 'e';
            kl = evlex_word_key(m->sc, w, wn, 0, key, sizeof key);
            if (kl && kl < n && memcmp(key, p, kl) == 0 && (rc = alt_push(m, l, w, wn, 0)) < 0)
                return rc;
        }
        p += n + (p[n] == '|');
    }
    return 0;
}

static void alt_free(altl *l)
{
    kr_free(l->w);
    kr_free(l->k);
    memset(l, 0, sizeof *l);
}

/* The element for words w[from..to) of l: "a|b" inline, or "@name" of a
 * define line written once per distinct list (a name from `base`). */
static const char *alt_element(imp *m, const altl *l, size_t from, size_t to, const char *base)
{
    kr_buf b = {0, 0, 0};
    const char *res = NULL;
    long have;
    size_t i;
    int added;
    for (i = from; i < to; i++)
        if ((i > from && kr_buf_putc(&b, '|')) || kr_buf_puts(&b, l->w[i]))
            goto done;
    if (!b.n)
        goto done;
    if (to - from <= INLINE_ALTS) {
        res = astr(m, b.p, b.n);
        goto done;
    }
    if ((have = sset_get(&m->def_content, b.p)) >= 0) {
        res = m->defnames[have];
        goto done;
    }
    {
        char name[80], try[112], at[128];
        size_t id = m->ndefnames, suffix = 1;
        slug(base, name, sizeof name);
        snprintf(try, sizeof try, "%s", name);
        while (sset_get(&m->def_names, try) >= 0)
            snprintf(try, sizeof try, "%s-%zu", name, ++suffix);
        snprintf(at, sizeof at, "@%s", try);
        if (grow((void **)&m->defnames, &m->defcap, m->ndefnames, sizeof *m->defnames) ||
            !(m->defnames[id] = astr(m, at, strlen(at))) ||
            sset_put(&m->def_names, m->a, try, id, &added) ||
            sset_put(&m->def_content, m->a, b.p, id, &added) ||
            kr_buf_printf(&m->defs, "define %s: %s\n", try, b.p))
            goto done;
        m->ndefnames++;
        res = m->defnames[id];
    }
done:
    kr_buf_free(&b);
    return res;
}

/* --- verb dictionaries ------------------------------------------------------------ */

typedef struct vverb {
    tlist *forms;    /* the verb or verb phrase, then its listed forms */
    size_t nforms, fcap;
    char code[8];    /* its own code (ckind C_NONE: the block's) */
    int ckind, paired;
    size_t line;
} vverb;

typedef struct vpat {
    tlist t;
    char code[8];
    int ckind, paired;
    size_t line;
} vpat;

typedef struct vblock {
    const char *name;
    char code[8]; /* PETRARCH: the code of the verbs without their own */
    int ckind, paired;
    vverb *v;
    size_t nv, vcap;
    vpat *p;
    size_t np, pcap;
    size_t line;
} vblock;

typedef struct synset {
    const char *name;
    tlist *mem;
    size_t n, cap;
    const char **elems; /* "@name" elements of its one-word members */
    size_t nelems;
    int made;
} synset;

typedef struct vfile {
    vblock *b;
    size_t nb, bcap;
    synset *s;
    size_t ns, scap;
} vfile;

static void vfile_free(vfile *f)
{
    size_t k;
    for (k = 0; k < f->nb; k++) {
        size_t j;
        for (j = 0; j < f->b[k].nv; j++)
            kr_free(f->b[k].v[j].forms);
        kr_free(f->b[k].v);
        kr_free(f->b[k].p);
    }
    for (k = 0; k < f->ns; k++)
        kr_free(f->s[k].mem);
    kr_free(f->b);
    kr_free(f->s);
}

static synset *find_set(vfile *f, const char *name)
{
    size_t k;
    for (k = 0; k < f->ns; k++)
        if (strcmp(f->s[k].name, name) == 0)
            return &f->s[k];
    return NULL;
}

/* The elements standing for a synset's one-word members (define lines,
 * written on first use). */
static int set_elements(imp *m, synset *s)
{
    altl l = {0};
    size_t k, from;
    int rc = 0;
    if (s->made)
        return 0;
    s->made = 1;
    for (k = 0; k < s->n && rc >= 0; k++)
        if (s->mem[k].n == 1 && s->mem[k].v[0].kind == T_WORD)
            rc = alt_add(m, &l, s->mem[k].v[0].s, !s->mem[k].v[0].whole, s->mem[k].v[0].exact);
    if (rc < 0) {
        alt_free(&l);
        return rc;
    }
    if (l.n && !(s->elems = aalloc(m, ((l.n + MAX_ALTS - 1) / MAX_ALTS) * sizeof *s->elems)))
        rc = KR_ENOMEM;
    for (from = 0; rc >= 0 && from < l.n; from += MAX_ALTS) {
        char base[112];
        snprintf(base, sizeof base, "s-%s", s->name);
        if (!(s->elems[s->nelems++] = alt_element(m, &l, from, from + MAX_ALTS < l.n ? from + MAX_ALTS : l.n, base)))
            rc = KR_ENOMEM;
    }
    alt_free(&l);
    return rc < 0 ? rc : 0;
}

/* One shape of verb phrase: the words before and after the verb itself,
 * and the verbs that fill it. */
typedef struct shape {
    const ptok *pre, *post;
    size_t npre, npost;
    uint8_t glued; /* the verb is joined to the word before it */
    char key[512];
    altl heads;
} shape;

static void tok_key(const ptok *t, size_t n, char *out, size_t cap, size_t *k)
{
    size_t i;
    for (i = 0; i < n && *k + 4 < cap; i++) {
        int w = snprintf(out + *k, cap - *k, "%d%d%s ", t[i].kind, t[i].glued, t[i].s ? t[i].s : "");
        if (w < 0 || (size_t)w >= cap - *k)
            break;
        *k += (size_t)w;
    }
}

/* Token lists standing for `*`: for each shape of verb phrase among verbs
 * sel[0..nsel) of block b, the words around the verb and the verbs
 * themselves as one element (or several, past MAX_ALTS). */
static int verb_groups(imp *m, const vblock *b, const size_t *sel, size_t nsel, tlist **out,
                       size_t *nout)
{
    shape *sh = NULL;
    size_t nsh = 0, shcap = 0, i, f, k;
    tbuf res = {0, 0, 0};
    int rc = 0;
    *out = NULL;
    *nout = 0;
    for (i = 0; i < nsel && rc >= 0; i++) {
        const vverb *v = &b->v[sel[i]];
        for (f = 0; f < v->nforms && rc >= 0; f++) {
            const tlist *t = &v->forms[f];
            size_t h = t->n, kk = 0, j;
            char key[512] = "";
            for (j = 0; j < t->n; j++)
                if (t->v[j].kind == T_WORD && j > 0 && t->v[j - 1].kind == T_TARGET) {
                    h = j; /* "+" marks the verb of a phrase (PETRARCH) */
                    break;
                }
            for (j = 0; h == t->n && j < t->n; j++)
                if (t->v[j].kind == T_WORD)
                    h = j;
            if (h == t->n)
                continue;
            {
                size_t pre_end = h, post_start = h + 1;
                uint8_t glued = t->v[h].glued;
                if (pre_end && t->v[pre_end - 1].kind == T_TARGET)
                    glued = t->v[--pre_end].glued; /* "NOP_+RST": RST joins NOP */
                tok_key(t->v, pre_end, key, sizeof key, &kk);
                if (kk + 4 < sizeof key) {
                    key[kk++] = '|';
                    key[kk++] = (char)('0' + glued);
                    key[kk++] = '|';
                    key[kk] = '\0';
                }
                tok_key(t->v + post_start, t->n - post_start, key, sizeof key, &kk);
                for (k = 0; k < nsh && strcmp(sh[k].key, key) != 0; k++)
                    ;
                if (k == nsh) {
                    if (grow((void **)&sh, &shcap, nsh, sizeof *sh)) {
                        rc = KR_ENOMEM;
                        break;
                    }
                    memset(&sh[nsh], 0, sizeof *sh);
                    snprintf(sh[nsh].key, sizeof sh[nsh].key, "%s", key);
                    sh[nsh].pre = t->v;
                    sh[nsh].npre = pre_end;
                    sh[nsh].post = t->v + post_start;
                    sh[nsh].npost = t->n - post_start;
                    sh[nsh].glued = glued;
                    nsh++;
                }
                rc = alt_add(m, &sh[k].heads, t->v[h].s, !t->v[h].whole, 0);
            }
        }
    }
    for (k = 0; k < nsh && rc >= 0; k++) {
        size_t from;
        for (from = 0; rc >= 0 && from < sh[k].heads.n; from += MAX_ALTS) {
            size_t to = from + MAX_ALTS < sh[k].heads.n ? from + MAX_ALTS : sh[k].heads.n, j;
            char base[112];
            ptok head;
            tlist *one;
            tbuf tb = {0, 0, 0};
            snprintf(base, sizeof base, "v-%s", b->name);
            memset(&head, 0, sizeof head);
            head.kind = T_WORD;
            head.glued = sh[k].glued;
            head.whole = 1; /* the stems are given already */
            if (!(head.s = alt_element(m, &sh[k].heads, from, to, base)))
                rc = KR_ENOMEM;
            for (j = 0; rc >= 0 && j < sh[k].npre; j++)
                if (sh[k].pre[j].kind != T_TARGET)
                    rc = tbuf_push(&tb, &sh[k].pre[j]);
            if (rc >= 0)
                rc = tbuf_push(&tb, &head);
            for (j = 0; rc >= 0 && j < sh[k].npost; j++)
                if (sh[k].post[j].kind != T_TARGET)
                    rc = tbuf_push(&tb, &sh[k].post[j]);
            if (rc >= 0 && !(one = aalloc(m, sizeof *one)))
                rc = KR_ENOMEM;
            if (rc >= 0 && (rc = tbuf_copy(m, &tb, one)) == 0) {
                ptok holder;
                memset(&holder, 0, sizeof holder);
                holder.alts = one;
                rc = tbuf_push(&res, &holder);
            }
            kr_free(tb.v);
        }
    }
    for (k = 0; k < nsh; k++)
        alt_free(&sh[k].heads);
    kr_free(sh);
    if (rc >= 0 && res.n) {
        if (!(*out = aalloc(m, res.n * sizeof **out)))
            rc = KR_ENOMEM;
        for (k = 0; rc >= 0 && k < res.n; k++)
            (*out)[k] = *res.v[k].alts;
        *nout = res.n;
    }
    kr_free(res.v);
    return rc < 0 ? rc : 0;
}

/* Turning one dictionary pattern into pattern lines. */
typedef struct gen {
    imp *m;
    vfile *f;
    const tlist *verbs; /* the options of `*` */
    size_t nverbs;
    const char *code;
    int sym;
    size_t line;
    size_t variants, written, failed;
    const char *why; /* why a variant could not be written */
} gen;

/* Writes the pattern line(s) of a token list holding only words, slots and
 * gaps: the verb is no longer a token but its words. */
static int emit_variant(gen *g, const ptok *t, size_t n)
{
    imp *m = g->m;
    const char *el[MAX_ELEMS + 4];
    size_t ne = 0, i;
    int target = 0, sym = g->sym, rc = 0, pass, lead_target = 0;
    kr_buf line = {0, 0, 0};
    if (++g->variants > MAX_VARIANTS) {
        g->failed++;
        g->why = "more variants than kept";
        return 0;
    }
    for (i = 0; i < n; i++) {
        const ptok *x = &t[i];
        const char *e = NULL;
        if (x->kind == T_COMPOUND)
            sym = 1;
        if (!ne) {
            /* the pattern starts with its first word: what comes before
             * it is the subject ($, %, ^ before the verb) */
            if (x->kind == T_SOURCE || x->kind == T_SKIP || x->kind == T_COMPOUND)
                continue;
            if (x->kind == T_TARGET) {
                /* "- + * FROM $": the subject is the target */
                if (lead_target || i + 1 == n || t[i + 1].kind != T_WORD) {
                    g->why = "the target comes before every word";
                    g->failed++;
                    return 0;
                }
                lead_target = 1;
                continue;
            }
        }
        if (x->kind == T_WORD) {
            if (x->s[0] == '@') {
                e = x->s;
            } else {
                altl l = {0};
                int bad = alt_add(m, &l, x->s, !x->whole, x->exact);
                if (bad > 0 || !l.n) {
                    alt_free(&l);
                    g->why = "a word without letters";
                    g->failed++;
                    return 0;
                }
                e = bad < 0 ? NULL : alt_element(m, &l, 0, l.n, "w");
                alt_free(&l);
                if (!e)
                    return KR_ENOMEM;
            }
        } else if (x->kind == T_TARGET || x->kind == T_COMPOUND) {
            e = "+";
            target = 1;
        } else if (x->kind == T_SOURCE) {
            e = "$";
        } else if (x->kind == T_SKIP) {
            e = "...";
        } else {
            continue;
        }
        /* words of the dictionary may have others between them, unless
         * joined by '_': a gap of up to three words */
        if (ne && !x->glued && strcmp(el[ne - 1], "...") != 0 && strcmp(e, "...") != 0)
            el[ne++] = "...";
        if (!(ne && strcmp(e, "...") == 0 && strcmp(el[ne - 1], "...") == 0))
            el[ne++] = e;
        if (ne > MAX_ELEMS) {
            g->why = "too long for a pattern line";
            g->failed++;
            return 0;
        }
    }
    while (ne && strcmp(el[ne - 1], "...") == 0)
        ne--;
    if (!ne) {
        g->why = "no word";
        g->failed++;
        return 0;
    }
    /* without a `+`, the target is the actor after the phrase, as TABARI
     * takes it: a line with "... +", and one without for no target */
    for (pass = target || lead_target ? 1 : 0; pass < 2 && rc == 0; pass++) {
        int added;
        if (pass == 0 && ne + 2 > MAX_ELEMS)
            continue;
        kr_buf_reset(&line);
        if (lead_target)
            rc = kr_buf_puts(&line, " +");
        for (i = 0; i < ne && rc == 0; i++)
            rc = kr_buf_printf(&line, " %s", el[i]);
        if (rc == 0 && pass == 0)
            rc = kr_buf_puts(&line, " ... +");
        /* the dictionary coders code an act only with a target, and "X and
         * Y met" both ways */
        if (rc == 0)
            rc = kr_buf_puts(&line, sym ? " ; mutual target loose" : " ; target loose");
        /* one code per phrase: the first written (a pattern before its
         * verb alone, an earlier pattern before a later one) is the one
         * TABARI and PETRARCH would match first */
        if (rc == 0)
            rc = sset_put(&m->pat_seen, m->a, line.p, 0, &added);
        if (rc == 0 && added) {
            rc = kr_buf_printf(&m->pats, "%-5s%s  # %s:%zu\n", g->code, line.p, base_name(m->file), g->line);
            m->st.patterns++;
            g->written++;
        } else if (rc == 0)
            g->written++; /* the same line as another pattern's: it is there */
    }
    kr_buf_free(&line);
    return rc;
}

/* Expands the first synset, choice or verb of t[0..n) into each of its
 * options, then the rest; lists holding none are written. */
static int expand(gen *g, const ptok *t, size_t n, int depth)
{
    const tlist *opts = NULL;
    tlist *own = NULL;
    size_t nopts = 0, i, k;
    int rc = 0;
    ptok one;
    for (i = 0; i < n; i++)
        if (t[i].kind == T_SET || t[i].kind == T_ALT || t[i].kind == T_VERB)
            break;
    if (i == n)
        return emit_variant(g, t, n);
    if (depth > MAX_DEPTH) {
        g->why = "synsets nested too deep";
        g->failed++;
        return 0;
    }
    memset(&one, 0, sizeof one);
    if (t[i].kind == T_VERB) {
        opts = g->verbs;
        nopts = g->nverbs;
    } else {
        /* one-word options as one element, the others each in turn */
        const tlist *mem;
        size_t nmem, nword = 0;
        synset *s = NULL;
        if (t[i].kind == T_SET) {
            if (!(s = find_set(g->f, t[i].s))) {
                g->why = "an unknown synset";
                g->failed++;
                return 0;
            }
            if ((rc = set_elements(g->m, s)) != 0)
                return rc;
            mem = s->mem;
            nmem = s->n;
            nword = s->nelems;
        } else {
            altl l = {0};
            mem = t[i].alts;
            nmem = t[i].nalts;
            for (k = 0; k < nmem && rc >= 0; k++)
                if (mem[k].n == 1 && mem[k].v[0].kind == T_WORD)
                    rc = alt_add(g->m, &l, mem[k].v[0].s, !mem[k].v[0].whole, mem[k].v[0].exact);
            if (rc >= 0 && l.n) {
                one.kind = T_WORD;
                one.whole = 1;
                if (!(one.s = alt_element(g->m, &l, 0, l.n < MAX_ALTS ? l.n : MAX_ALTS, "choice")))
                    rc = KR_ENOMEM;
                nword = 1;
            }
            alt_free(&l);
            if (rc < 0)
                return rc;
        }
        if (!(own = kr_calloc(nword + nmem + 1, sizeof *own)))
            return KR_ENOMEM;
        for (k = 0; k < nword; k++) {
            ptok *w = aalloc(g->m, sizeof *w);
            if (!w) {
                kr_free(own);
                return KR_ENOMEM;
            }
            *w = one;
            if (s) {
                memset(w, 0, sizeof *w);
                w->kind = T_WORD;
                w->whole = 1;
                w->s = s->elems[k];
            }
            own[nopts].v = w;
            own[nopts++].n = 1;
        }
        for (k = 0; k < nmem; k++)
            if (!(mem[k].n == 1 && mem[k].v[0].kind == T_WORD) && mem[k].n)
                own[nopts++] = mem[k];
        opts = own;
    }
    if (!nopts) {
        g->why = t[i].kind == T_VERB ? "no verb" : "an empty synset";
        g->failed++;
    }
    for (k = 0; k < nopts && rc == 0; k++) {
        size_t nn = i + opts[k].n + (n - i - 1);
        ptok *v = kr_malloc((nn ? nn : 1) * sizeof *v);
        if (!v) {
            rc = KR_ENOMEM;
            break;
        }
        memcpy(v, t, i * sizeof *v);
        memcpy(v + i, opts[k].v, opts[k].n * sizeof *v);
        if (opts[k].n)
            v[i].glued = t[i].glued;
        memcpy(v + i + opts[k].n, t + i + 1, (n - i - 1) * sizeof *v);
        rc = expand(g, v, nn, depth + 1);
        kr_free(v);
    }
    kr_free(own);
    return rc;
}

static int code_known(imp *m, const char *code)
{
    return sset_get(&m->codes, code) >= 0;
}

/* A code of a pattern that neither the codebook nor an .options file has
 * (the validation dictionaries' test codes 901-915, old WEIS codes such as
 * 223): added to the codebook like an .options code, so that the
 * dictionary's own coding is kept rather than its pattern dropped. */
static int adopt_code(imp *m, const char *code, size_t line)
{
    int added, rc = sset_put(&m->codes, m->a, code, 0, &added);
    if (rc == 0)
        rc = kr_buf_printf(&m->codebook, "%-7s 0.0   -   code of %s, not in CAMEO\n", code, base_name(m->file));
    if (rc == 0) {
        m->st.codes++;
        note(m, line, "code %s is not in the codebook: added without a Goldstein score or PLOVER type", code);
    }
    return rc;
}

static const char *code_problem(int kind)
{
    switch (kind) {
    case C_NULL:
        return "its code is null (---)";
    case C_DISCARD:
        return "its code discards the sentence (###)";
    case C_SECOND:
        return "its code names the second event only ([:X])";
    default:
        return "its code is not a CAMEO code";
    }
}

/* Writes one dictionary pattern (or a verb alone: t holds `*`). */
static int write_pattern(imp *m, vfile *f, const tlist *verbs, size_t nverbs, const ptok *t, size_t n,
                         const char *code, int ckind, int paired, size_t line, int verb_alone)
{
    gen g;
    int rc;
    if (ckind == C_OK && !code_known(m, code) && (rc = adopt_code(m, code, line)) != 0)
        return rc;
    if (ckind == C_NULL && !verb_alone) {
        /* a null code blocks the shorter patterns its phrase overlaps */
        ckind = C_OK;
        code = "---";
        paired = 0;
    }
    if (ckind != C_OK) {
        if (!verb_alone || ckind == C_BAD)
            SKIP(m, line, "%s left out: %s", verb_alone ? "verb" : "pattern", code_problem(ckind));
        return 0;
    }
    memset(&g, 0, sizeof g);
    g.m = m;
    g.f = f;
    g.verbs = verbs;
    g.nverbs = nverbs;
    g.code = code;
    g.sym = paired == 1;
    g.line = line;
    if ((rc = expand(&g, t, n, 0)) != 0)
        return rc;
    if (!g.written && g.failed) {
        SKIP(m, line, "%s left out: %s", verb_alone ? "verb" : "pattern", g.why);
    } else if (g.failed || paired == 2)
        m->st.narrowed++;
    return 0;
}

/* The lines of one block: each pattern with every verb of the block in
 * place of `*`, then each verb alone with its code. */
static int write_block(imp *m, vfile *f, vblock *b)
{
    size_t *sel = kr_malloc((b->nv + 1) * sizeof *sel), nsel, i, j, ngroups;
    tlist *groups;
    ptok star;
    int rc = 0;
    if (!sel)
        return KR_ENOMEM;
    memset(&star, 0, sizeof star);
    star.kind = T_VERB;
    /* the patterns first: a pattern that reads like a verb alone (TABARI's
     * "$ *") takes its phrase from the verb's own code */
    for (i = 0; i < b->nv; i++)
        sel[i] = i;
    if (rc == 0 && b->np && (rc = verb_groups(m, b, sel, b->nv, &groups, &ngroups)) == 0)
        for (i = 0; i < b->np && rc == 0; i++)
            rc = write_pattern(m, f, groups, ngroups, b->p[i].t.v, b->p[i].t.n, b->p[i].code,
                               b->p[i].ckind, b->p[i].paired, b->p[i].line, 0);
    /* verbs sharing a code share their lines */
    for (i = 0; i < b->nv && rc == 0; i++) {
        const vverb *v = &b->v[i];
        const char *code = v->ckind != C_NONE ? v->code : b->code;
        int ckind = v->ckind != C_NONE ? v->ckind : b->ckind;
        int paired = v->ckind != C_NONE ? v->paired : b->paired;
        for (j = 0; j < i; j++) {
            const vverb *w = &b->v[j];
            const char *wc = w->ckind != C_NONE ? w->code : b->code;
            int wk = w->ckind != C_NONE ? w->ckind : b->ckind;
            if (wk == ckind && strcmp(wc, code) == 0)
                break;
        }
        if (j < i)
            continue;
        for (nsel = 0, j = i; j < b->nv; j++) {
            const vverb *w = &b->v[j];
            const char *wc = w->ckind != C_NONE ? w->code : b->code;
            int wk = w->ckind != C_NONE ? w->ckind : b->ckind;
            if (wk == ckind && strcmp(wc, code) == 0)
                sel[nsel++] = j;
        }
        if (ckind == C_OK && !code_known(m, code) && (rc = adopt_code(m, code, v->line)) != 0)
            break;
        if (ckind == C_OK) {
            if ((rc = verb_groups(m, b, sel, nsel, &groups, &ngroups)) == 0)
                rc = write_pattern(m, f, groups, ngroups, &star, 1, code, ckind, paired, v->line, 1);
        } else {
            rc = write_pattern(m, f, NULL, 0, &star, 1, code, ckind, paired, v->line, 1);
        }
    }
    kr_free(sel);
    return rc;
}

/* Adds the forms listed in {...} (from its '{') to verb v. */
static int add_forms(imp *m, vverb *v, const char *p)
{
    const char *end = strchr(p, '}');
    int rc = 0;
    if (!end)
        end = p + strlen(p);
    for (p++; p < end && rc >= 0;) {
        size_t wn;
        tlist t;
        while (p < end && *p == ' ')
            p++;
        wn = strcspn(p, " }");
        if (p + wn > end)
            wn = (size_t)(end - p);
        if (wn && (rc = tokens_of(m, p, wn, &t)) == 0 && t.n) {
            if (grow((void **)&v->forms, &v->fcap, v->nforms, sizeof *v->forms))
                return KR_ENOMEM;
            v->forms[v->nforms++] = t;
        }
        p += wn;
    }
    return rc < 0 ? rc : 0;
}

/* The phrase and the bracketed parts of a verb line: "SAY {SAID SAYS}
 * [010]" or "ACT_ [100]" (TABARI lists forms on the next line). */
static int verb_line(imp *m, vblock *b, const char *l, size_t line)
{
    const char *br = strchr(l, '['), *cu = strchr(l, '{');
    size_t pn = strcspn(l, "[{"), k;
    vverb *v;
    tlist t;
    int rc;
    if ((rc = tokens_of(m, l, pn, &t)) != 0)
        return rc < 0 ? rc : (SKIP(m, line, "unbalanced brackets in a verb"), 0);
    if (!t.n)
        return SKIP(m, line, "a verb line without a verb"), 0;
    for (k = 0; k < t.n; k++)
        if (t.v[k].kind != T_WORD && t.v[k].kind != T_TARGET)
            return SKIP(m, line, "a verb may hold words only"), 0;
    if (grow((void **)&b->v, &b->vcap, b->nv, sizeof *b->v))
        return KR_ENOMEM;
    v = &b->v[b->nv++];
    memset(v, 0, sizeof *v);
    v->line = line;
    v->ckind = C_NONE;
    if (br) {
        const char *e = strchr(br, ']');
        v->ckind = event_code(br + 1, e ? (size_t)(e - br - 1) : strlen(br + 1), v->code, &v->paired);
    }
    if (grow((void **)&v->forms, &v->fcap, 0, sizeof *v->forms))
        return KR_ENOMEM;
    v->forms[v->nforms++] = t;
    m->st.verbs++;
    return cu ? add_forms(m, v, cu) : 0;
}

static vblock *new_block(imp *m, vfile *f, const char *name, size_t line)
{
    vblock *b;
    char nm[96];
    size_t k = 0;
    if (grow((void **)&f->b, &f->bcap, f->nb, sizeof *f->b))
        return NULL;
    b = &f->b[f->nb];
    memset(b, 0, sizeof *b);
    for (; *name && k + 1 < sizeof nm && !strchr("[{", *name); name++)
        nm[k++] = *name == '+' ? ' ' : *name;
    nm[k] = '\0';
    if (!(b->name = astr(m, nm, k)))
        return NULL;
    b->line = line;
    b->ckind = C_NONE;
    f->nb++;
    return b;
}

/* A pattern line after its '-': "phrase [CODE]" (the last brackets hold the code). */
static int pattern_line(imp *m, vblock *b, const char *l, size_t line)
{
    const char *br = strrchr(l, '['), *e;
    vpat *p;
    tlist t;
    size_t i;
    int rc, star = 0;
    if (!br || !(e = strchr(br, ']')))
        return SKIP(m, line, "a pattern without a code in brackets"), 0;
    if ((rc = tokens_of(m, l, (size_t)(br - l), &t)) != 0)
        return rc < 0 ? rc : (SKIP(m, line, "unbalanced brackets in a pattern"), 0);
    for (i = 0; i < t.n; i++)
        star |= t.v[i].kind == T_VERB;
    if (!star) {
        /* no `*`: the verb comes first */
        ptok *v = aalloc(m, (t.n + 1) * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        memset(v, 0, sizeof *v);
        v->kind = T_VERB;
        if (t.n)
            memcpy(v + 1, t.v, t.n * sizeof *v);
        t.v = v;
        t.n++;
    }
    if (grow((void **)&b->p, &b->pcap, b->np, sizeof *b->p))
        return KR_ENOMEM;
    p = &b->p[b->np++];
    memset(p, 0, sizeof *p);
    p->t = t;
    p->line = line;
    p->ckind = event_code(br + 1, (size_t)(e - br - 1), p->code, &p->paired);
    return 0;
}

/* A TABARI .verbs or PETRARCH verb-pattern file. Synsets are gathered
 * first (they may be used before they are defined), then each block. */
static int read_verbs(imp *m, const char *data, size_t n)
{
    vfile f;
    reader r;
    vblock *b = NULL;
    synset *syn = NULL;
    int got = 0, rc = 0, petr = 0, in_time = 0;
    size_t k;
    memset(&f, 0, sizeof f);
    reader_init(&r, data, n);
    /* TABARI files have no "--- BLOCK ---" headers: words there are stems */
    m->tabari = 1;
    while ((got = read_line(&r)) > 0)
        if (r.out.n >= 3 && memcmp(r.out.p, "---", 3) == 0)
            m->tabari = 0;
    kr_buf_free(&r.out);
    if (got < 0)
        return KR_ENOMEM;
    reader_init(&r, data, n);
    while (rc == 0 && (got = read_line(&r)) > 0) {
        const char *l = r.out.p;
        size_t line = r.line;
        if (!r.out.n) {
            if (r.blank) /* a comment line does not end a synset */
                syn = NULL;
            continue;
        }
        if (l[0] == '~' && l[1] == '~')
            break;
        if (l[0] == '<') {
            if (starts_ci(l, "<TIME>"))
                in_time = 1;
            else if (starts_ci(l, "</TIME>"))
                in_time = 0;
            continue;
        }
        if (in_time)
            continue;
        if (l[0] == '+' && syn) {
            tlist t;
            if ((rc = tokens_of(m, l + 1, r.out.n - 1, &t)) > 0) {
                SKIP(m, line, "unbalanced brackets in a synset member");
                rc = 0;
            } else if (rc == 0 && t.n) {
                if (grow((void **)&syn->mem, &syn->cap, syn->n, sizeof *syn->mem))
                    rc = KR_ENOMEM;
                else
                    syn->mem[syn->n++] = t;
            }
            continue;
        }
        syn = NULL;
        if (l[0] == '&') {
            char name[96];
            size_t nn = 0;
            for (l++; *l && *l != ' ' && *l != '_' && nn + 1 < sizeof name; l++)
                name[nn++] = (char)kr_toupper((unsigned char)*l);
            name[nn] = '\0';
            if (!nn) {
                SKIP(m, line, "a synset without a name");
                continue;
            }
            if (find_set(&f, name)) {
                SKIP(m, line, "synset &%s defined twice: the first is kept", name);
                continue;
            }
            if (grow((void **)&f.s, &f.scap, f.ns, sizeof *f.s)) {
                rc = KR_ENOMEM;
                break;
            }
            syn = &f.s[f.ns++];
            memset(syn, 0, sizeof *syn);
            if (!(syn->name = astr(m, name, nn)))
                rc = KR_ENOMEM;
            continue;
        }
        if (r.out.n >= 3 && memcmp(l, "---", 3) == 0) {
            /* --- NAME [CODE] --- */
            const char *p = l + 3, *br;
            petr = 1;
            while (*p == ' ' || *p == '-')
                p++;
            if (!(b = new_block(m, &f, p, line))) {
                rc = KR_ENOMEM;
                break;
            }
            if ((br = strchr(p, '[')) != NULL) {
                const char *e = strchr(br, ']');
                b->ckind = event_code(br + 1, e ? (size_t)(e - br - 1) : strlen(br + 1), b->code, &b->paired);
            } else
                b->ckind = C_NULL;
            continue;
        }
        if (l[0] == '-' || l[0] == '*') { /* a pattern, maybe without its '-' */
            if (!b)
                SKIP(m, line, "a pattern before any verb");
            else
                rc = pattern_line(m, b, l + (l[0] == '-'), line);
            continue;
        }
        if (l[0] == '{') {
            /* TABARI: the forms of the verb above */
            if (!b || !b->nv)
                SKIP(m, line, "verb forms before any verb");
            else
                rc = add_forms(m, &b->v[b->nv - 1], l);
            continue;
        }
        /* a verb: in a PETRARCH block one of its verbs; in TABARI its own block */
        if (!petr || !b) {
            if (!(b = new_block(m, &f, l, line))) {
                rc = KR_ENOMEM;
                break;
            }
        }
        rc = verb_line(m, b, l, line);
    }
    if (got < 0)
        rc = KR_ENOMEM;
    for (k = 0; k < f.nb && rc == 0; k++) {
        if (!f.b[k].nv) {
            if (f.b[k].np)
                SKIP(m, f.b[k].line, "a block without verbs: %zu patterns left out", f.b[k].np);
            continue;
        }
        rc = write_block(m, &f, &f.b[k]);
    }
    kr_buf_free(&r.out);
    vfile_free(&f);
    return rc;
}

/* --- agents ------------------------------------------------------------------------- */

typedef struct subst {
    const char *name; /* "!PERSON!" upper case */
    const char **vals;
    size_t n;
} subst;

/* Every name a phrase stands for, its !MARK!s replaced by each of their
 * values (PETRARCH agents); 1 when a mark is not defined. */
static int expand_marks(imp *m, const subst *sv, size_t ns, const char *phrase, agent *a, int depth)
{
    const char *open = strchr(phrase, '!'), *close = open ? strchr(open + 1, '!') : NULL;
    size_t k, j;
    if (open && close && depth < 4) {
        for (k = 0; k < ns; k++) {
            size_t ln = strlen(sv[k].name);
            if ((size_t)(close - open + 1) != ln || !starts_ci(open, sv[k].name))
                continue;
            for (j = 0; j < sv[k].n; j++) {
                kr_buf b = {0, 0, 0};
                int rc = kr_buf_append(&b, phrase, (size_t)(open - phrase));
                if (rc == 0)
                    rc = kr_buf_puts(&b, sv[k].vals[j]);
                if (rc == 0)
                    rc = kr_buf_puts(&b, close + 1);
                if (rc == 0)
                    rc = expand_marks(m, sv, ns, b.p, a, depth + 1);
                kr_buf_free(&b);
                if (rc)
                    return rc;
            }
            return 0;
        }
        return 1; /* a mark no substitution defines */
    }
    {
        const char *nm = actor_name(m, phrase, 1);
        if (!nm)
            return 0;
        if (grow((void **)&a->names, &a->ncap, a->nnames, sizeof *a->names))
            return KR_ENOMEM;
        a->names[a->nnames++] = nm;
    }
    return 0;
}

/* `PHRASE {PLURAL} [~SECTOR]` lines, and `!MARK! = a, b` substitutions. */
static int read_agents(imp *m, const char *data, size_t n)
{
    reader r;
    subst *sv = NULL;
    size_t ns = 0, scap = 0;
    int got = 0, rc = 0;
    reader_init(&r, data, n);
    while (rc == 0 && (got = read_line(&r)) > 0) {
        const char *l = r.out.p, *br, *cu, *eq;
        char code[32];
        size_t cn = 0, pn, i;
        agent *a;
        if (!r.out.n || l[0] == '<')
            continue;
        if (l[0] == '~' && l[1] == '~')
            break;
        if (l[0] == '!' && (eq = strchr(l, '=')) != NULL && !strchr(l, '[')) {
            subst *s;
            const char *p = eq + 1;
            size_t nn = (size_t)(eq - l);
            while (nn && l[nn - 1] == ' ')
                nn--;
            if (grow((void **)&sv, &scap, ns, sizeof *sv)) {
                rc = KR_ENOMEM;
                break;
            }
            s = &sv[ns++];
            memset(s, 0, sizeof *s);
            if (!(s->name = astr(m, l, nn)) ||
                !(s->vals = aalloc(m, 32 * sizeof *s->vals))) {
                rc = KR_ENOMEM;
                break;
            }
            while (*p && s->n < 32) {
                size_t vn = strcspn(p, ",");
                const char *v = p;
                while (vn && *v == ' ')
                    v++, vn--;
                while (vn && v[vn - 1] == ' ')
                    vn--;
                if (vn && !(s->vals[s->n++] = astr(m, v, vn))) {
                    rc = KR_ENOMEM;
                    break;
                }
                p += strcspn(p, ",");
                p += *p == ',';
            }
            continue;
        }
        if (!(br = strchr(l, '['))) {
            SKIP(m, r.line, "an agent without a code in brackets");
            continue;
        }
        for (i = 1; br[i] && br[i] != ']' && br[i] != '}'; i++)
            if (br[i] != ' ' && br[i] != '~' && cn + 1 < sizeof code)
                code[cn++] = (char)kr_toupper((unsigned char)br[i]);
        code[cn] = '\0';
        if (cn < 3 || !kr_isalpha((unsigned char)code[0]) || !kr_isalpha((unsigned char)code[1]) ||
            !kr_isalpha((unsigned char)code[2])) {
            SKIP(m, r.line, "agent code '%s' has no three-letter sector", code);
            continue;
        }
        if (grow((void **)&m->ag, &m->agcap, m->nag, sizeof *m->ag)) {
            rc = KR_ENOMEM;
            break;
        }
        a = &m->ag[m->nag];
        memset(a, 0, sizeof *a);
        memcpy(a->sector, code, 3);
        a->file = m->file;
        a->line = r.line;
        /* "~GOVMED": the sector is GOV; "NGO~" (put before the actor's
         * code) still names the sector */
        if (cn > 3)
            m->st.narrowed++;
        cu = strchr(l, '{');
        pn = (size_t)((cu && cu < br ? cu : br) - l);
        {
            char *phrase = astr(m, l, pn);
            if (!phrase) {
                rc = KR_ENOMEM;
                break;
            }
            if ((rc = expand_marks(m, sv, ns, phrase, a, 0)) > 0) {
                SKIP(m, r.line, "a substitution mark no !MARK! = line defines");
                kr_free(a->names);
                rc = 0;
                continue;
            }
        }
        if (rc == 0 && cu && cu < br) {
            const char *p = cu + 1;
            while (*p && *p != '}' && rc == 0) {
                size_t wn;
                while (*p == ' ')
                    p++;
                wn = strcspn(p, " }");
                if (wn) {
                    char *pl = astr(m, p, wn);
                    rc = pl ? expand_marks(m, sv, ns, pl, a, 0) : KR_ENOMEM;
                    rc = rc > 0 ? 0 : rc; /* that plural left out */
                }
                p += wn;
            }
        }
        if (rc == 0 && a->nnames)
            m->nag++;
        else {
            kr_free(a->names);
            if (rc == 0)
                SKIP(m, r.line, "an agent without a name");
        }
    }
    if (got < 0)
        rc = KR_ENOMEM;
    kr_free(sv);
    kr_buf_free(&r.out);
    return rc;
}

/* --- actors -------------------------------------------------------------------------- */

/* A date of a restriction, YYMMDD (00-30 is 20YY, as KEDS, TABARI and
 * PETRARCH read it) or YYYYMMDD; 0 when malformed. */
static int32_t dict_date(const char *s, size_t n)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, mo, d;
    size_t i;
    for (i = 0; i < n; i++)
        if (!kr_isdigit((unsigned char)s[i]))
            return 0;
    if (n == 6 || n == 7) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    } else if (n == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else
        return 0;
    mo = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
        (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
        return 0;
    return y * 10000 + mo * 100 + d;
}

/* A YYYYMMDD date moved by `days` (date.c does the calendar). */
static int32_t day_add(int32_t ymd, long days)
{
    kr_date dt;
    dt.y = ymd / 10000;
    dt.m = ymd / 100 % 100;
    dt.d = ymd % 100;
    dt = date_add_days(dt, (int)days);
    return dt.y * 10000 + dt.m * 100 + dt.d;
}

/* CAMEO three-letter codes that name no state: sectors, kinds of
 * organization, religions. */
static int nonstate(const char *code)
{
    /* not MUS (Muslims in CAMEO) nor SHN (Shinto): Mauritius and Saint
     * Helena in ISO 3166, as the dictionaries of states use them */
    static const char list[] =
        " AGR BUS CRM CVL COP DEV EDU ELI ENV GOV HLH HRI IGO IMG JUD LAB LEG MED MIL MNC MOD"
        " NGM NGO OPP PTY RAD REB REF REL SEP SPY UAF UNO ATH BAH BUD CHR HIN ITR JAN JEW MOS"
        " NRM SIK TAO ZRO ";
    char k[6];
    snprintf(k, sizeof k, " %.3s ", code);
    return strstr(list, k) != NULL;
}

/* One [CODE restriction] of an actor. */
static int add_block(imp *m, actor *a, const char *s, size_t n, size_t line)
{
    char code[32], rest[64];
    size_t cn = 0, rn = 0, i = 0, k;
    cblock *b;
    while (i < n && s[i] == ' ')
        i++;
    while (i < n && s[i] != ' ' && s[i] != '<' && s[i] != '>' && cn + 1 < sizeof code)
        code[cn++] = (char)kr_toupper((unsigned char)s[i++]);
    code[cn] = '\0';
    for (; i < n; i++)
        if (s[i] != ' ' && rn + 1 < sizeof rest)
            rest[rn++] = s[i];
    rest[rn] = '\0';
    if (grow((void **)&a->cb, &a->cbcap, a->ncb, sizeof *a->cb))
        return KR_ENOMEM;
    b = &a->cb[a->ncb++];
    memset(b, 0, sizeof *b);
    b->kind = CB_NONE;
    b->from = DAY_MIN;
    b->to = DAY_MAX;
    if (rn) {
        const char *dash = strchr(rest, '-');
        b->dated = 1;
        if (rest[0] == '<')
            b->to = dict_date(rest + 1, rn - 1);
        else if (rest[0] == '>')
            b->from = dict_date(rest + 1, rn - 1);
        else if (dash) {
            b->from = dict_date(rest, (size_t)(dash - rest));
            b->to = dict_date(dash + 1, strlen(dash + 1));
        } else
            b->from = 0, b->to = 0;
        if (rest[0] == '<' ? !b->to : rest[0] == '>' ? !b->from : !b->from || !b->to || b->from > b->to) {
            SKIP(m, line, "bad date restriction '%s': the code is left out", rest);
            b->dated = 0; /* still a code line: the record has its codes */
            return 0;
        }
    }
    /* leading blocks of three capital letters: "YEMNO" is YEM, "ATH010"
     * ATH; "---" null, "###" discard */
    for (k = 0; k + 3 <= cn && k < 15; k += 3)
        if (!kr_isalpha((unsigned char)code[k]) || !kr_isalpha((unsigned char)code[k + 1]) ||
            !kr_isalpha((unsigned char)code[k + 2]))
            break;
    if (k) {
        b->kind = CB_CODE;
        b->cut = k < cn;
        if (!(b->code = astr(m, code, k)))
            return KR_ENOMEM;
    } else if (cn && !strchr("-#+", code[0])) {
        SKIP(m, line, "actor code '%s' is not in blocks of three letters", code);
    }
    return 0;
}

static int add_blocks(imp *m, actor *a, const char *l, size_t line)
{
    const char *br;
    int rc = 0;
    while (rc == 0 && (br = strchr(l, '[')) != NULL) {
        const char *e = strchr(br, ']');
        size_t n = e ? (size_t)(e - br - 1) : strlen(br + 1);
        const char *slash = memchr(br + 1, '/', n);
        if (slash) { /* [ELR/GAL]: several actors; the first is kept */
            n = (size_t)(slash - br - 1);
            m->st.narrowed++;
        }
        rc = add_block(m, a, br + 1, n, line);
        l = e ? e + 1 : br + 1 + strlen(br + 1);
    }
    return rc;
}

static int add_name(imp *m, actor *a, const char *l)
{
    size_t n = strcspn(l, "[");
    char *nm;
    while (n && l[n - 1] == ' ')
        n--;
    if (!n)
        return 0;
    if (!(nm = astr(m, l, n)) || grow((void **)&a->names, &a->ncap, a->nnames, sizeof *a->names))
        return KR_ENOMEM;
    a->names[a->nnames++] = nm;
    return 0;
}

/* An actors file: a primary phrase with codes, `+` synonyms, indented
 * code lines with date restrictions. */
static int read_actors(imp *m, const char *data, size_t n, int group)
{
    reader r;
    int got = 0, rc = 0, section = 0;
    long cur = -1;
    reader_init(&r, data, n);
    while (rc == 0 && (got = read_line(&r)) > 0) {
        const char *l = r.out.p;
        actor *a;
        if (!r.out.n) {
            if (r.blank && cur >= 0)
                m->act[cur].closed = 1;
            continue;
        }
        if (l[0] == '~' && l[1] == '~')
            break;
        if (l[0] == '<') { /* TABARI's <NOUN> and <ADJECTIVE> lists: no actors */
            if (starts_ci(l + 1 + (l[1] == '/'), "NOUN>") || starts_ci(l + 1 + (l[1] == '/'), "ADJECTIVE>"))
                section = l[1] != '/';
            continue;
        }
        if (section)
            continue;
        if (l[0] == '[' || l[0] == '+') {
            if (cur < 0) {
                SKIP(m, r.line, "a synonym or code before any actor");
                continue;
            }
            a = &m->act[cur];
            if (l[0] == '+' && (rc = add_name(m, a, l + 1)) != 0)
                break;
            rc = add_blocks(m, a, l, r.line);
            continue;
        }
        /* a primary phrase; one right after another that has no code yet
         * is its synonym (PETRARCH lists "THE_UNITED_NATIONS_ / UN_ /
         * U.N._" on lines of their own before one code) */
        if (cur < 0 || m->act[cur].ncb || m->act[cur].closed) {
            if (grow((void **)&m->act, &m->actcap, m->nact, sizeof *m->act)) {
                rc = KR_ENOMEM;
                break;
            }
            cur = (long)m->nact++;
            a = &m->act[cur];
            memset(a, 0, sizeof *a);
            a->file = m->file;
            a->line = r.line;
            a->group = (uint8_t)group;
            a->into = a->next = a->tail = -1;
        }
        a = &m->act[cur];
        if ((rc = add_name(m, a, l)) == 0)
            rc = add_blocks(m, a, l, r.line);
    }
    if (got < 0)
        rc = KR_ENOMEM;
    kr_buf_free(&r.out);
    return rc;
}

/* Words that start names of bodies, not of persons (matched as prefixes). */
static int body_word(const char *w)
{
    static const char *const words[] = {
        "academ", "agenc", "airport", "alliance", "army", "armies", "assembl", "associat",
        "authorit", "bank", "brigade", "cent", "church", "coalition", "college", "commission",
        "committee", "compan", "congress", "corporat", "council", "court", "democrat",
        "federat", "forces", "foundation", "front", "fund", "government", "group", "guard",
        "hospital", "institut", "islamic", "kingdom", "league", "liberation", "militia",
        "ministr", "movement", "national", "news", "organi", "parliament", "part", "people",
        "police", "province", "radio", "region", "republic", "revolution", "school", "square",
        "state", "street", "television", "union", "univers"};
    size_t k;
    for (k = 0; k < sizeof words / sizeof *words; k++)
        if (strncmp(w, words[k], strlen(words[k])) == 0)
            return 1;
    return 0;
}

/* Whether a phrase may be a person's name: up to five words, none a word
 * of bodies; with `given`, two to four words, the first a given name. */
static int personal_name(imp *m, const char *raw, int given)
{
    char w[64];
    size_t words = 0, i = 0, n = strlen(raw);
    while (i < n) {
        size_t j = 0;
        while (i < n && (raw[i] == '_' || raw[i] == ' '))
            i++;
        if (i >= n)
            break;
        while (i < n && raw[i] != '_' && raw[i] != ' ') {
            if (j + 1 < sizeof w)
                w[j++] = (char)kr_tolower((unsigned char)raw[i]);
            i++;
        }
        w[j] = '\0';
        if (given && !words && sset_get(&m->given, w) < 0)
            return 0;
        if (body_word(w))
            return 0;
        words++;
    }
    return given ? words >= 2 && words <= 4 : words >= 1 && words <= 5;
}

/* The block an entry is known by when the date is not given: the one that
 * ends last, then begins last. */
static const cblock *latest(const actor *a)
{
    const cblock *best = NULL;
    size_t k;
    for (k = 0; k < a->ncb; k++) {
        const cblock *b = &a->cb[k];
        if (b->kind != CB_CODE)
            continue;
        if (!best || b->to > best->to || (b->to == best->to && b->from > best->from))
            best = b;
    }
    return best;
}

/* Whether a has dated codes of the state `code` with a sector after it
 * ("HAMFAST GAMGEE [HOB] [HOBGOV 20121109-20130119]"): a person of that
 * state with posts, not another name of the state. */
static int posts_of(const actor *a, const char *code)
{
    size_t j;
    for (j = 0; j < a->ncb; j++)
        if (a->cb[j].kind == CB_CODE && a->cb[j].dated && strlen(a->cb[j].code) >= 6 &&
            strncmp(a->cb[j].code, code, 3) == 0)
            return 1;
    return 0;
}

/* Types, codes and ids of every actor; states of one code merged. */
static int resolve_actors(imp *m, sset *ids)
{
    sset gpe = {0};
    char buf[128], try[140];
    size_t k, j, suffix;
    int rc = 0, added;
    for (k = 0; k < m->nact && rc == 0; k++) {
        actor *a = &m->act[k];
        const cblock *best = latest(a);
        int per = 0;
        m->file = a->file;
        if (!best) {
            SKIP(m, a->line, "actor '%s' left out: no actor code", a->nnames ? a->names[0] : "");
            continue;
        }
        /* dated codes of a country and a sector are a person's posts; a
         * state whose code changed (USRUKR, then UKR) ends with its own */
        for (j = 0; j < a->ncb; j++)
            per |= a->cb[j].kind == CB_CODE && a->cb[j].dated && strlen(a->cb[j].code) >= 6;
        if ((strlen(best->code) == 3 && !nonstate(best->code) && !posts_of(a, best->code)) ||
            (a->nnames && !personal_name(m, a->names[0], 0)))
            per = 0;
        if (!per && !a->group && a->nnames && personal_name(m, a->names[0], 1))
            per = 1;
        a->code = best->code;
        if (a->group)
            a->type = LEX_ORG;
        else if (per)
            a->type = LEX_PER;
        else if (strlen(best->code) == 3 && !nonstate(best->code))
            a->type = LEX_GPE;
        else
            a->type = LEX_ORG;
        if (a->type != LEX_PER)
            for (j = 0; j < a->ncb; j++)
                if (&a->cb[j] != best && (a->cb[j].kind != CB_CODE || strcmp(a->cb[j].code, best->code))) {
                    m->st.narrowed++; /* one code is kept */
                    break;
                }
        if (best->cut)
            m->st.narrowed++;
        if (a->type == LEX_GPE) {
            long first = sset_get(&gpe, a->code);
            if (first >= 0) {
                actor *head = &m->act[first];
                a->into = first;
                if (head->tail >= 0)
                    m->act[head->tail].next = (long)k;
                else
                    head->next = (long)k;
                head->tail = (long)k;
                continue;
            }
            if ((rc = sset_put(&gpe, m->a, a->code, k, &added)) != 0)
                break;
            a->id = a->code;
            rc = sset_put(ids, m->a, a->id, k, &added);
        }
    }
    /* ids of organizations and persons from their names */
    for (k = 0; k < m->nact && rc == 0; k++) {
        actor *a = &m->act[k];
        const char *nm;
        if (!a->type || a->id || a->into >= 0)
            continue;
        nm = a->nnames ? actor_name(m, a->names[0], 0) : NULL;
        slug(nm ? nm : "actor", buf, 56);
        snprintf(try, sizeof try, "%s", buf);
        for (suffix = 1; sset_get(ids, try) >= 0;)
            snprintf(try, sizeof try, "%s-%zu", buf, ++suffix);
        if (!(a->id = astr(m, try, strlen(try))))
            rc = KR_ENOMEM;
        else
            rc = sset_put(ids, m->a, a->id, k, &added);
    }
    strmap_free(&gpe);
    return rc;
}

/* The names an entry is written with: its own and those of the records
 * merged into it, each once across the whole file. */
static int entry_names(imp *m, actor *a, sset *used)
{
    long k;
    size_t j;
    int rc = 0, added;
    for (k = (long)(a - m->act); k >= 0 && rc == 0; k = m->act[k].next) {
        actor *r = &m->act[k];
        for (j = 0; j < r->nnames && rc == 0; j++) {
            const char *nm = actor_name(m, r->names[j], 0);
            char key[256];
            if (!nm)
                continue;
            fold_key(nm, key, sizeof key);
            if (!key[0] || (rc = sset_put(used, m->a, key, 0, &added)) != 0 || !added)
                continue;
            if (grow((void **)&a->out, &a->outcap, a->nout, sizeof *a->out)) {
                rc = KR_ENOMEM;
                break;
            }
            a->out[a->nout++] = nm;
        }
    }
    return rc;
}

static int put_names(kr_buf *b, const char *const *names, size_t n, const char *key)
{
    size_t k;
    int rc = 0;
    for (k = 0; k < n && rc == 0; k++) {
        if (k % NAMES_PER_LINE == 0)
            rc = kr_buf_printf(b, "%s%s: ", k ? "\n" : "", key);
        else
            rc = kr_buf_puts(b, "; ");
        if (rc == 0)
            rc = kr_buf_puts(b, names[k]);
    }
    if (rc == 0 && n)
        rc = kr_buf_putc(b, '\n');
    return rc;
}

static int ends_ci(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf), i;
    if (n <= k)
        return 0;
    for (i = 0; i < k; i++)
        if (kr_tolower((unsigned char)s[n - k + i]) != suf[i])
            return 0;
    return 1;
}

/* Whether name w of a state is its demonym rather than a name: one word
 * with a demonym's ending ("Danish", "Iranian", "Yemenese"), or ending in
 * -an, -i or -ic and sharing its first four letters with another name of
 * the state ("Russian" of Russia, "Israeli" of Israel; not "Tehran"). The
 * dictionaries list demonyms among the names; kronika needs them as
 * adjectives to join them to a role word ("Russian police": RUSCOP). */
static int is_demonym(const char *w, const char *const *names, size_t n)
{
    size_t wn = strlen(w), k, i;
    for (i = 0; i < wn; i++)
        if (!kr_isalpha((unsigned char)w[i]))
            return 0;
    if (wn < 4)
        return 0;
    if (ends_ci(w, wn, "ian") || ends_ci(w, wn, "ese") || ends_ci(w, wn, "ish"))
        return 1;
    if (!ends_ci(w, wn, "an") && !ends_ci(w, wn, "i") && !ends_ci(w, wn, "ic"))
        return 0;
    for (k = 0; k < n; k++) {
        if (names[k] == w || strlen(names[k]) == wn)
            continue;
        for (i = 0; i < 4 && names[k][i] && kr_tolower((unsigned char)names[k][i]) == kr_tolower((unsigned char)w[i]);
             i++)
            ;
        if (i == 4)
            return 1;
    }
    return 0;
}

/* The names of a state after its first: names, then demonyms as `en.adj`. */
static int put_state_names(kr_buf *b, const char *const *names, size_t n)
{
    const char **v = kr_malloc((n ? n : 1) * sizeof *v);
    size_t k, nn = 0, na = 0;
    int rc;
    if (!v)
        return KR_ENOMEM;
    for (k = 1; k < n; k++)
        if (!is_demonym(names[k], names, n))
            v[nn++] = names[k];
    rc = put_names(b, v, nn, "en");
    for (k = 1; k < n; k++)
        if (is_demonym(names[k], names, n))
            v[na++] = names[k];
    if (rc == 0)
        rc = put_names(b, v, na, "en.adj");
    kr_free(v);
    return rc;
}

/* The id of the agent a role names for a sector: "sector_gov" ('_' is in
 * no slug, so no agent or actor of the dictionaries takes it). */
static void sector_id(const char *sector, char out[16])
{
    snprintf(out, 16, "sector_%c%c%c", kr_tolower((unsigned char)sector[0]),
             kr_tolower((unsigned char)sector[1]), kr_tolower((unsigned char)sector[2]));
}

/* The id of the state entry of a three-letter code, or NULL. */
static const char *is_state(const imp *m, const char *code)
{
    long k = strlen(code) == 3 ? sset_get(&m->ids, code) : -1;
    return k >= 0 && m->act[k].type == LEX_GPE ? m->act[k].id : NULL;
}

typedef struct prole {
    const char *country;
    char sector[4];
    int32_t from, to;
} prole;

static int role_cmp(const void *x, const void *y)
{
    const prole *a = x, *b = y;
    int c = strcmp(a->country, b->country);
    if (c)
        return c;
    if ((c = strcmp(a->sector, b->sector)) != 0)
        return c;
    return a->from < b->from ? -1 : a->from > b->from;
}

static int span_cmp(const void *x, const void *y)
{
    const int32_t *a = x, *b = y;
    return a[0] < b[0] ? -1 : a[0] > b[0];
}

static void put_day(char *out, size_t cap, int32_t d, int open)
{
    if (open)
        out[0] = '\0';
    else
        snprintf(out, cap, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100), (int)(d % 100));
}

/* The spans sorted span[0..n) leave free from DAY_MIN to DAY_MAX, into
 * gap (n + 1 at most): where a person's undated code holds. */
static size_t free_spans(int32_t (*span)[2], size_t n, int32_t (*gap)[2])
{
    int32_t next = DAY_MIN; /* the first day not covered yet */
    size_t k, g = 0;
    for (k = 0; k < n && next < DAY_MAX; k++) {
        if (span[k][0] > next) {
            gap[g][0] = next;
            gap[g++][1] = day_add(span[k][0], -1);
        }
        if (span[k][1] >= next)
            next = span[k][1] >= DAY_MAX ? DAY_MAX : day_add(span[k][1], 1);
    }
    if (next < DAY_MAX) {
        gap[g][0] = next;
        gap[g++][1] = DAY_MAX;
    }
    return g;
}

/* A person's codes as roles: a code COUNTRY+SECTOR held for a span is the
 * role of a sector agent (sector_gov) for the country (or for the
 * organization whose code it is); the undated code holds outside every
 * dated span (TABARI's default). Returns the number of roles. */
static int person_roles(imp *m, const actor *a, const sset *orgs, prole **out, size_t *nout,
                        const char **country)
{
    prole *r = NULL;
    size_t nr = 0, rcap = 0, k, j, nspan = 0;
    int32_t(*span)[2] = kr_malloc((2 * a->ncb + 2) * sizeof *span), (*gap)[2];
    size_t ngap;
    int rc = 0, added;
    const char *three = NULL;
    *out = NULL;
    *nout = 0;
    *country = NULL;
    if (!span)
        return KR_ENOMEM;
    for (k = 0; k < a->ncb; k++)
        if (a->cb[k].dated) {
            span[nspan][0] = a->cb[k].from;
            span[nspan++][1] = a->cb[k].to;
        }
    qsort(span, nspan, sizeof *span, span_cmp);
    gap = span + nspan;
    ngap = free_spans(span, nspan, gap);
    for (k = 0; k < a->ncb && rc == 0; k++) {
        const cblock *b = &a->cb[k];
        size_t len;
        char cc[4];
        const char *ctry;
        long org;
        if (b->kind != CB_CODE)
            continue;
        len = strlen(b->code);
        if (len == 3) {
            if (!b->dated && is_state(m, b->code))
                three = is_state(m, b->code);
            else
                m->st.narrowed++; /* a dated country code, or no state's */
            continue;
        }
        memcpy(cc, b->code, 3);
        cc[3] = '\0';
        /* a state's sector (USAGOV); else a post of the organization
         * whose code it is (IGOUNO: the UN), which gives its whole code */
        org = -1;
        if (!(len == 6 && is_state(m, cc))) {
            /* the organization of the longest code that begins it */
            char pre[16];
            size_t pl;
            for (pl = len; pl >= 6 && org < 0; pl -= 3) {
                memcpy(pre, b->code, pl);
                pre[pl] = '\0';
                org = sset_get(orgs, pre);
            }
            if (org >= 0 && pl + 3 < len) /* found at pl + 3 letters */
                m->st.narrowed++;
        }
        if (org < 0) {
            ctry = astr(m, cc, 3);
            if (len > 6)
                m->st.narrowed++;
        } else
            ctry = m->act[org].id;
        if (!ctry) {
            rc = KR_ENOMEM;
            break;
        }
        /* the block's own span, or those no dated code covers */
        for (j = 0; j < (b->dated ? 1 : ngap) && rc == 0; j++) {
            int32_t f = b->dated ? b->from : gap[j][0], t = b->dated ? b->to : gap[j][1];
            if (t != DAY_MAX && t < 19000101)
                continue; /* kronika reads an open start as 1900 */
            if (grow((void **)&r, &rcap, nr, sizeof *r)) {
                rc = KR_ENOMEM;
                break;
            }
            r[nr].country = ctry;
            memcpy(r[nr].sector, b->code + 3, 3);
            r[nr].sector[3] = '\0';
            r[nr].from = f;
            r[nr].to = t;
            nr++;
        }
    }
    kr_free(span);
    /* one role per country and sector and span: merge what overlaps */
    if (rc == 0 && nr) {
        size_t w = 0;
        qsort(r, nr, sizeof *r, role_cmp);
        for (k = 0; k < nr; k++) {
            if (w && strcmp(r[w - 1].country, r[k].country) == 0 && strcmp(r[w - 1].sector, r[k].sector) == 0 &&
                (r[w - 1].to == DAY_MAX || day_add(r[w - 1].to, 1) >= r[k].from)) {
                if (r[k].to > r[w - 1].to)
                    r[w - 1].to = r[k].to;
                continue;
            }
            r[w++] = r[k];
        }
        nr = w;
        for (k = 0; k < nr && rc == 0; k++)
            rc = sset_put(&m->sectors, m->a, r[k].sector, 0, &added);
        for (j = 0; j < nr && !three; j++)
            if (is_state(m, r[j].country))
                *country = r[j].country;
    }
    if (three)
        *country = three;
    if (rc) {
        kr_free(r);
        return rc;
    }
    *out = r;
    *nout = nr;
    return 0;
}

static int write_actors(imp *m, kr_buf *b)
{
    sset used = {0}, orgs = {0};
    size_t k, j;
    int rc = resolve_actors(m, &m->ids), added;
    for (k = 0; k < m->nact && rc == 0; k++)
        if (m->act[k].type == LEX_ORG && sset_get(&orgs, m->act[k].code) < 0)
            rc = sset_put(&orgs, m->a, m->act[k].code, k, &added);
    for (k = 0; k < m->nact && rc == 0; k++) {
        actor *a = &m->act[k];
        prole *roles = NULL;
        size_t nroles = 0;
        const char *country = NULL;
        char d1[16], d2[16];
        if (!a->type || a->into >= 0)
            continue;
        m->file = a->file;
        if ((rc = entry_names(m, a, &used)) != 0)
            break;
        if (!a->nout) {
            SKIP(m, a->line, "actor '%s' left out: its names are given to earlier entries",
                 a->nnames ? a->names[0] : "");
            continue;
        }
        if (a->type == LEX_PER) {
            if ((rc = person_roles(m, a, &orgs, &roles, &nroles, &country)) != 0)
                break;
            if (!nroles && !country) {
                SKIP(m, a->line, "person '%s' left out: no code kronika can give a person",
                     a->names[0]);
                kr_free(roles);
                continue;
            }
        } else if (a->type == LEX_ORG && strlen(a->code) > 3) {
            char cc[4];
            memcpy(cc, a->code, 3);
            cc[3] = '\0';
            country = is_state(m, cc);
        }
        rc = kr_buf_printf(b, "\n[%s]\ntype: %s\nname: %s\n", a->id,
                           a->type == LEX_PER ? "PER" : a->type == LEX_GPE ? "GPE" : "ORG", a->out[0]);
        if (rc == 0 && a->type == LEX_GPE)
            rc = put_state_names(b, a->out, a->nout);
        else if (rc == 0)
            rc = put_names(b, a->out + 1, a->nout - 1, "en");
        if (rc == 0 && country)
            rc = kr_buf_printf(b, "country: %s\n", country);
        if (rc == 0 && a->type != LEX_PER)
            rc = kr_buf_printf(b, "code: %s\n", a->code);
        for (j = 0; j < nroles && rc == 0; j++) {
            char id[16];
            sector_id(roles[j].sector, id);
            put_day(d1, sizeof d1, roles[j].from, roles[j].from == DAY_MIN);
            put_day(d2, sizeof d2, roles[j].to, roles[j].to == DAY_MAX);
            rc = kr_buf_printf(b, "role: %s %s %s..%s\n", roles[j].country, id, d1, d2);
        }
        kr_free(roles);
        m->st.actors++;
    }
    strmap_free(&used);
    strmap_free(&orgs);
    return rc;
}

static int write_agents(imp *m, kr_buf *b)
{
    sset used = {0};
    size_t k, j;
    int rc = 0, added;
    for (k = 0; k < m->nag && rc == 0; k++) {
        agent *a = &m->ag[k];
        const char **names = kr_malloc(a->nnames * sizeof *names);
        size_t nn = 0, suffix = 1;
        char buf[80], try[96];
        m->file = a->file;
        if (!names) {
            rc = KR_ENOMEM;
            break;
        }
        for (j = 0; j < a->nnames && rc == 0; j++) {
            char key[256];
            fold_key(a->names[j], key, sizeof key);
            if (key[0] && (rc = sset_put(&used, m->a, key, 0, &added)) == 0 && added)
                names[nn++] = a->names[j];
        }
        if (rc == 0 && !nn) {
            SKIP(m, a->line, "agent '%s' left out: its names are given to earlier agents", a->names[0]);
        } else if (rc == 0) {
            slug(names[0], buf, 56);
            snprintf(try, sizeof try, "%s", buf);
            while (sset_get(&m->ids, try) >= 0)
                snprintf(try, sizeof try, "%s-%zu", buf, ++suffix);
            rc = sset_put(&m->ids, m->a, try, 0, &added);
            if (rc == 0)
                rc = kr_buf_printf(b, "\n[%s]\ntype: AGENT\nname: %s\n", try, names[0]);
            if (rc == 0)
                rc = put_names(b, names + 1, nn - 1, "en");
            if (rc == 0)
                rc = kr_buf_printf(b, "sector: %s\n", a->sector);
            m->st.agents++;
        }
        kr_free(names);
    }
    if (rc == 0 && m->sectors.n)
        rc = kr_buf_puts(b, "\n# Sector agents: the posts of persons whose codes join a country and a\n"
                            "# sector (USAGOV: role USA sector_gov). They have no names: no text names them.\n");
    if (rc == 0 && m->sectors.n) { /* in name order, whatever the table's order */
        const char **sec = kr_malloc(m->sectors.n * sizeof *sec);
        size_t ns = 0;
        if (!sec)
            rc = KR_ENOMEM;
        for (k = 0; k < m->sectors.cap && rc == 0; k++)
            if (m->sectors.slots[k].k)
                sec[ns++] = m->sectors.slots[k].k;
        if (rc == 0)
            qsort(sec, ns, sizeof *sec, cmp_cstr);
        for (k = 0; k < ns && rc == 0; k++) {
            char id[16];
            sector_id(sec[k], id);
            rc = kr_buf_printf(b, "\n[%s]\ntype: AGENT\nsector: %s\n", id, sec[k]);
        }
        kr_free(sec);
    }
    strmap_free(&used);
    return rc;
}

/* --- inputs and outputs ----------------------------------------------------------- */

static int detect(const char *path, const char *data, size_t n)
{
    const char *b = base_name(path);
    size_t i, dash = 0, tilde = 0, label = 0, proj = 0, code = 0;
    if (contains_ci(b, ".project"))
        return F_PROJECT;
    if (contains_ci(b, ".options"))
        return F_OPTIONS;
    if (contains_ci(b, "discard") || contains_ci(b, "issue") || contains_ci(b, "preposition"))
        return F_OTHER;
    if (contains_ci(b, ".text") || contains_ci(b, ".xml") || contains_ci(b, ".md") ||
        contains_ci(b, ".tex") || contains_ci(b, ".records"))
        return F_TEXT;
    if (contains_ci(b, "verb"))
        return F_VERBS;
    if (contains_ci(b, "agent"))
        return F_AGENTS;
    if (contains_ci(b, "actor"))
        return F_ACTORS;
    /* by content: pattern lines, agent codes, labels, project keys, codes */
    for (i = 0; i < n; i++) {
        if (i && data[i - 1] != '\n')
            continue;
        dash += data[i] == '-' && i + 2 < n && (data[i + 1] == ' ' || data[i + 1] == '*');
        label += starts_ci(data + i, "LABEL:") && i + 6 <= n;
        proj += data[i] == '<' && i + 12 < n && (starts_ci(data + i, "<actorsfile>") || starts_ci(data + i, "<verbsfile>"));
        {
            const char *nl = memchr(data + i, '\n', n - i);
            size_t len = nl ? (size_t)(nl - data - i) : n - i;
            const char *br = memchr(data + i, '[', len);
            if (br && (size_t)(br - data - i) + 1 < len) {
                tilde += br[1] == '~' || (br + 4 < data + i + len && br[4] == '~');
                code += kr_isalpha((unsigned char)br[1]);
            }
        }
    }
    if (proj)
        return F_PROJECT;
    if (label > 5)
        return F_OPTIONS;
    if (dash > 5)
        return F_VERBS;
    if (tilde > 5)
        return F_AGENTS;
    if (code > 5)
        return F_ACTORS;
    return F_UNKNOWN;
}

/* An input, its bytes (UTF-8: a file that is not is read as Latin-1). */
typedef struct input {
    const char *path;
    kr_buf data;
    int kind;
} input;

static int latin1(kr_buf *b)
{
    kr_buf u = {0, 0, 0};
    size_t i;
    int rc = 0;
    for (i = 0; i < b->n && rc == 0; i++) {
        unsigned char c = (unsigned char)b->p[i];
        if (c < 0x80)
            rc = kr_buf_putc(&u, c);
        else {
            char e[4];
            size_t l = utf8_encode(c, e);
            rc = kr_buf_append(&u, e, l);
        }
    }
    if (rc == 0 && (rc = kr_buf_reserve(&u, 1)) == 0) {
        kr_buf_free(b);
        *b = u;
    } else
        kr_buf_free(&u);
    return rc;
}

static int add_input(imp *m, input **v, size_t *n, size_t *cap, const char *path, kr_error *err);

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder: its files (not its subfolders, not hidden files), by name. */
static int add_folder(imp *m, input **v, size_t *n, size_t *cap, const char *path, kr_error *err)
{
    DIR *d = opendir(path);
    struct dirent *de;
    char **names = NULL;
    size_t nn = 0, ncap = 0, k;
    int rc = 0;
    if (!d)
        return kr_errorf(err, KR_EIO, "%s: %s", path, strerror(errno));
    while (rc == 0 && (de = readdir(d)) != NULL) {
        char full[4096];
        struct stat sb;
        if (de->d_name[0] == '.')
            continue;
        snprintf(full, sizeof full, "%s/%s", path, de->d_name);
        if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        if (grow((void **)&names, &ncap, nn, sizeof *names) || !(names[nn] = astr(m, full, strlen(full))))
            rc = KR_ENOMEM;
        else
            nn++;
    }
    closedir(d);
    if (nn)
        qsort(names, nn, sizeof *names, cmp_names);
    for (k = 0; k < nn && rc == 0; k++)
        rc = add_input(m, v, n, cap, names[k], err);
    kr_free(names);
    return rc;
}

static int add_input(imp *m, input **v, size_t *n, size_t *cap, const char *path, kr_error *err)
{
    char *real = realpath(path, NULL);
    size_t k;
    input *in;
    struct stat sb;
    int rc;
    if (!real)
        return kr_errorf(err, KR_EIO, "%s: %s", path, strerror(errno));
    if (stat(real, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        free(real);
        return add_folder(m, v, n, cap, path, err);
    }
    for (k = 0; k < m->ndone; k++)
        if (strcmp(m->done[k], real) == 0) {
            free(real);
            return 0; /* named twice (a project and the command line) */
        }
    if (grow((void **)&m->done, &m->donecap, m->ndone, sizeof *m->done)) {
        free(real);
        return KR_ENOMEM;
    }
    m->done[m->ndone++] = real; /* from realpath: freed with free() */
    if (grow((void **)v, cap, *n, sizeof **v))
        return KR_ENOMEM;
    in = &(*v)[(*n)++];
    memset(in, 0, sizeof *in);
    if (!(in->path = astr(m, path, strlen(path))))
        return KR_ENOMEM;
    if ((rc = kr_read_file(path, &in->data)) != 0)
        return rc == KR_ENOMEM ? rc : kr_errorf(err, KR_EIO, "%s: %s", path, strerror(errno));
    in->kind = detect(path, in->data.p, in->data.n);
    if (in->kind != F_TEXT && in->kind != F_OTHER && in->kind != F_UNKNOWN &&
        utf8_validate(in->data.p, in->data.n, &k) != 0) {
        m->file = in->path;
        note(m, 0, "not UTF-8: read as Latin-1");
        if ((rc = latin1(&in->data)) != 0)
            return rc;
    }
    return 0;
}

/* A TABARI .project names its dictionaries, relative to its folder. */
static int add_project(imp *m, input **v, size_t *n, size_t *cap, size_t at, kr_error *err)
{
    static const char *const keys[] = {"<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>"};
    reader r;
    int got = 0, rc = 0;
    char *dir = astr(m, (*v)[at].path, strlen((*v)[at].path));
    char *slash;
    kr_buf proj = (*v)[at].data; /* *v may move while inputs are added */
    size_t k;
    if (!dir)
        return KR_ENOMEM;
    slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        dir[0] = '\0';
    reader_init(&r, proj.p, proj.n);
    while (rc == 0 && (got = read_line(&r)) > 0)
        for (k = 0; k < 4; k++)
            if (starts_ci(r.out.p, keys[k])) {
                const char *f = r.out.p + strlen(keys[k]);
                char path[4096];
                while (*f == ' ')
                    f++;
                if (!*f)
                    break;
                snprintf(path, sizeof path, "%s%.*s", f[0] == '/' ? "" : dir, (int)strcspn(f, " "), f);
                rc = add_input(m, v, n, cap, path, err);
            }
    kr_buf_free(&r.out);
    return got < 0 ? KR_ENOMEM : rc;
}

static int write_file(const char *dir, const char *name, const kr_buf *b, kr_error *err)
{
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (!(f = fopen(path, "wb")))
        return kr_errorf(err, KR_EIO, "%s: %s", path, strerror(errno));
    if ((b->n && fwrite(b->p, 1, b->n, f) != b->n) || fclose(f) != 0) {
        if (f)
            (void)0;
        return kr_errorf(err, KR_EIO, "%s: cannot write", path);
    }
    return 0;
}

static int make_dir(const char *path, kr_error *err)
{
    struct stat sb;
    if (mkdir(path, 0777) == 0 || (errno == EEXIST && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)))
        return 0;
    return kr_errorf(err, KR_EIO, "%s: %s", path, errno == EEXIST ? "not a folder" : strerror(errno));
}

static void imp_free(imp *m)
{
    size_t k;
    for (k = 0; k < m->nact; k++) {
        kr_free(m->act[k].names);
        kr_free(m->act[k].cb);
        kr_free(m->act[k].out);
    }
    for (k = 0; k < m->nag; k++)
        kr_free(m->ag[k].names);
    for (k = 0; k < m->ndone; k++)
        free(m->done[k]);
    kr_free(m->done);
    kr_free(m->defnames);
    kr_free(m->act);
    kr_free(m->ag);
    strmap_free(&m->codes);
    strmap_free(&m->given);
    strmap_free(&m->sectors);
    strmap_free(&m->ids);
    strmap_free(&m->pat_seen);
    strmap_free(&m->def_names);
    strmap_free(&m->def_content);
    kr_buf_free(&m->codebook);
    kr_buf_free(&m->defs);
    kr_buf_free(&m->pats);
    kr_buf_free(&m->sources);
    stem_free(m->sc);
    arena_free(m->a);
}

int lexicon_import(const char *const *paths, size_t n, const char *outdir,
                   import_report_fn report, void *ud, import_stats *st, kr_error *err)
{
    imp m;
    input *in = NULL;
    size_t nin = 0, incap = 0, k, dicts = 0;
    kr_buf cameo = {0, 0, 0}, cues = {0, 0, 0}, acts = {0, 0, 0}, agts = {0, 0, 0}, pats = {0, 0, 0};
    char path[4096];
    int rc = 0, pass;
    static const char *const names[] = {"", "verbs", "actors", "agents", "options", "project"};
    memset(&m, 0, sizeof m);
    m.report = report;
    m.ud = ud;
    if (!(m.a = arena_new()) || !(m.sc = stem_new()))
        rc = KR_ENOMEM;
    if (rc == 0 && (rc = load_builtin(&m, &cameo, &cues)) == KR_EFORMAT)
        kr_errorf(err, rc, "this kronika has no built-in event lexicon");
    /* read every input first: an unreadable one stops the import before
     * anything is written */
    for (k = 0; k < n && rc == 0; k++)
        rc = add_input(&m, &in, &nin, &incap, paths[k], err);
    for (k = 0; k < nin && rc == 0; k++)
        if (in[k].kind == F_PROJECT)
            rc = add_project(&m, &in, &nin, &incap, k, err);
    for (k = 0; k < nin && rc == 0; k++) {
        m.file = in[k].path;
        if (in[k].kind == F_TEXT)
            note(&m, 0, "not a dictionary (texts, records or documentation): left alone");
        else if (in[k].kind == F_OTHER)
            note(&m, 0, "discard, issue and preposition lists are not used by kronika: left alone");
        else if (in[k].kind == F_UNKNOWN)
            note(&m, 0, "not a dictionary kronika knows (TABARI or PETRARCH verbs, actors, agents, "
                        "options, project): left alone");
        else if (in[k].kind != F_PROJECT) {
            dicts++;
            if (kr_buf_printf(&m.sources, "#   %s (%s)\n", in[k].path, names[in[k].kind]))
                rc = KR_ENOMEM;
        }
    }
    if (rc == 0 && !dicts)
        rc = kr_errorf(err, KR_EUSAGE, "no dictionary among the inputs");
    /* codes first (patterns are checked against them), then the rest;
     * ethnic and religious groups last, so that a name both gives goes to
     * the state or organization */
    for (pass = 0; pass < 3 && rc == 0; pass++)
        for (k = 0; k < nin && rc == 0; k++) {
            int kind = in[k].kind, group = kind == F_ACTORS && (contains_ci(base_name(in[k].path), "ethnic") ||
                                                             contains_ci(base_name(in[k].path), "religio"));
            if (pass != (kind == F_OPTIONS ? 0 : group ? 2 : 1) || kind == F_PROJECT || kind == F_TEXT ||
                kind == F_OTHER || kind == F_UNKNOWN)
                continue;
            m.file = in[k].path;
            m.st.files++;
            if (kind == F_OPTIONS)
                rc = read_options(&m, in[k].data.p, in[k].data.n);
            else if (kind == F_VERBS)
                rc = read_verbs(&m, in[k].data.p, in[k].data.n);
            else if (kind == F_AGENTS)
                rc = read_agents(&m, in[k].data.p, in[k].data.n);
            else
                rc = read_actors(&m, in[k].data.p, in[k].data.n, group);
        }
    /* the four files, made in memory, then written */
    if (rc == 0)
        rc = kr_buf_printf(&acts, "# actors.txt: written by kronika lexicon import (docs/import.md) from:\n%s",
                           m.sources.p);
    if (rc == 0)
        rc = write_actors(&m, &acts);
    if (rc == 0)
        rc = kr_buf_printf(&agts, "# agents.txt: written by kronika lexicon import (docs/import.md) from:\n%s",
                           m.sources.p);
    if (rc == 0)
        rc = write_agents(&m, &agts);
    if (rc == 0)
        rc = kr_buf_printf(&pats,
                           "# events/en.txt: written by kronika lexicon import (docs/import.md) from:\n%s"
                           "# The cue lines are kronika's own; word sets and patterns come from the\n"
                           "# dictionaries, each pattern with the file and line it comes from.\n\n",
                           m.sources.p);
    if (rc == 0)
        rc = kr_buf_append(&pats, cues.p, cues.n);
    if (rc == 0)
        rc = kr_buf_puts(&pats, "\n# --- word sets ---\n");
    if (rc == 0 && m.defs.n)
        rc = kr_buf_append(&pats, m.defs.p, m.defs.n);
    if (rc == 0)
        rc = kr_buf_puts(&pats, "\n# --- patterns ---\n");
    if (rc == 0 && m.pats.n)
        rc = kr_buf_append(&pats, m.pats.p, m.pats.n);
    if (rc == 0 && m.codebook.n) {
        rc = kr_buf_puts(&cameo, "\n# Codes of the dictionaries (.options labels, patterns) that the codebook\n"
                                 "# lacks: no Goldstein score (0.0) and no PLOVER type; the quad class\n"
                                 "# follows the root.\n");
        if (rc == 0)
            rc = kr_buf_append(&cameo, m.codebook.p, m.codebook.n);
    }
    if (rc == 0 && m.oom)
        rc = KR_ENOMEM;
    if (rc == 0 && (rc = make_dir(outdir, err)) == 0) {
        snprintf(path, sizeof path, "%s/events", outdir);
        rc = make_dir(path, err);
    }
    if (rc == 0)
        rc = write_file(outdir, "actors.txt", &acts, err);
    if (rc == 0)
        rc = write_file(outdir, "agents.txt", &agts, err);
    if (rc == 0)
        rc = write_file(outdir, "events/en.txt", &pats, err);
    if (rc == 0)
        rc = write_file(outdir, "events/cameo.txt", &cameo, err);
    if (rc == KR_ENOMEM)
        kr_errorf(err, rc, "out of memory");
    if (rc == 0 && st)
        *st = m.st;
    for (k = 0; k < nin; k++)
        kr_buf_free(&in[k].data);
    kr_free(in);
    kr_buf_free(&cameo);
    kr_buf_free(&cues);
    kr_buf_free(&acts);
    kr_buf_free(&agts);
    kr_buf_free(&pats);
    imp_free(&m);
    return rc;
}
