/* evout.c: writes event records. JSON Lines nest the sides, the place and
 * the evidence as SPEC section 3 shows; CSV and table flatten them; GDELT
 * and ICEWS rows put each value in the column those tables give it. */
#include "evout.h"

#include <string.h>
#define XXH_INLINE_ALL /* ids hash a few short strings: a call costs more */
#include <xxhash.h>

#include "arena.h"
#include "out.h"

struct evout {
    FILE *f;
    int format;
    out *flat;   /* CSV and table */
    kr_buf b;    /* rows not yet written */
    /* the last JSON evidence text in b: events of one sentence share it */
    const char *ev_p;  /* its text, NULL when none is in b */
    size_t ev_n, ev_at, ev_len; /* its length; where it is in b, and its length there */
    int nomem, failed, header_done;
};

static const char *const flat_cols[] = {
    "id", "doc", "date", "source", "source_code", "cameo", "plover", "goldstein", "quad",
    "target", "target_code", "mode", "negated", "place", "confidence", "evidence"};
#define NFLAT (sizeof flat_cols / sizeof flat_cols[0])

int evout_parse_format(const char *s)
{
    static const char *const names[] = {"jsonl", "csv", "table", "gdelt", "icews", "tsv"};
    size_t k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++)
        if (s && strcmp(s, names[k]) == 0)
            return (int)k;
    return -1;
}

evout *evout_new(FILE *f, int format)
{
    evout *o = kr_calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->f = f;
    o->format = format;
    if (format == EVOUT_CSV || format == EVOUT_TABLE) {
        o->flat = out_new(f, format == EVOUT_CSV ? OUT_CSV : OUT_TABLE, flat_cols, NFLAT);
        if (!o->flat) {
            kr_free(o);
            return NULL;
        }
    }
    return o;
}

static void ok(evout *o, int rc)
{
    if (rc)
        o->nomem = 1;
}

/* --- JSON Lines ----------------------------------------------------------- */

/* JSON Lines are written into room reserved once per record (every
 * string at most six bytes per byte escaped): a record is ~1 KB and
 * events come by the million, so per-call checks would dominate. */
typedef struct jw {
    char *p;
} jw;

/* The short-string path of jw_strn belongs at each call; the long one,
 * called from one place, must not be folded into it (it would make
 * jw_strn too large to inline and give every call a full frame). */
#if defined(__GNUC__)
#define JW_INLINE __attribute__((always_inline)) inline
#define JW_NOINLINE __attribute__((noinline))
#else
#define JW_INLINE inline
#define JW_NOINLINE
#endif

#define JW_LIT(w, lit) (memcpy((w)->p, lit, sizeof lit - 1), (w)->p += sizeof lit - 1)

/* 1 for the bytes a JSON string escapes: controls, '"' and '\\'. */
static const unsigned char jw_esc[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};

#define ONES8 0x0101010101010101ULL
#define ONES4 0x01010101U

/* 1 when no byte of x needs escaping: a byte below 0x20, or a zero byte
 * in x ^ '"' or x ^ '\\', sets its high bit in the test (bytes >= 0x80
 * never do: they are masked by ~x; borrows start only at such a byte). */
static int plain8(uint64_t x)
{
    return !(((x - ONES8 * 0x20) | ((x ^ ONES8 * '"') - ONES8) | ((x ^ ONES8 * '\\') - ONES8)) & ~x &
             (ONES8 * 0x80));
}

static int plain4(uint32_t x)
{
    return !(((x - ONES4 * 0x20) | ((x ^ ONES4 * '"') - ONES4) | ((x ^ ONES4 * '\\') - ONES4)) & ~x &
             (ONES4 * 0x80));
}

/* s[0..n) as a JSON string, any length and content (see jw_strn). Plain
 * bytes are copied eight at a time as they are checked (the room reserved
 * covers every store); the last bytes of a string of 8 or more are
 * checked and copied as its last eight, overlapping what was already
 * written the same way; the rest byte by byte. */
static JW_NOINLINE void jw_long(jw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    char *p = w->p;
    size_t i = 0;
    *p++ = '"';
    while (i < n) {
        unsigned char c;
        for (; i + 8 <= n; i += 8, p += 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (!plain8(x))
                break;
            memcpy(p, &x, 8);
        }
        if (i + 8 > n && n >= 8 && i < n) {
            /* s[n-8..i) went out just before p unless it holds an escape,
             * and then the test fails */
            uint64_t x;
            memcpy(&x, s + n - 8, 8);
            if (plain8(x)) {
                memcpy(p - (i - (n - 8)), &x, 8);
                p += n - i;
                break;
            }
        }
        while (i < n && !jw_esc[(unsigned char)s[i]])
            *p++ = s[i++];
        if (i == n)
            break;
        c = (unsigned char)s[i++];
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\t': *p++ = 't'; break;
        case '\r': *p++ = 'r'; break;
        default:
            memcpy(p, "u00", 3);
            p[3] = hex[c >> 4];
            p[4] = hex[c & 15];
            p += 5;
        }
    }
    *p++ = '"';
    w->p = p;
}

/* s[0..n) as a JSON string. Most strings of a record are short (codes,
 * ids, names): up to 16 bytes they are checked and copied inline as two
 * overlapping words, or three overlapping bytes below 4; longer ones and
 * any with an escape go to jw_long. */
static JW_INLINE void jw_strn(jw *w, const char *s, size_t n)
{
    char *p = w->p;
    if (n - 8 <= 8) { /* 8 <= n <= 16 */
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        if (plain8(a) && plain8(b)) {
            p[0] = '"';
            memcpy(p + 1, &a, 8);
            memcpy(p + 1 + n - 8, &b, 8);
            p[n + 1] = '"';
            w->p = p + n + 2;
            return;
        }
    } else if (n - 4 < 4) { /* 4 <= n < 8 */
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        if (plain4(a) && plain4(b)) {
            p[0] = '"';
            memcpy(p + 1, &a, 4);
            memcpy(p + 1 + n - 4, &b, 4);
            p[n + 1] = '"';
            w->p = p + n + 2;
            return;
        }
    } else if (n - 1 < 3) { /* 1 <= n < 4: first, middle and last byte */
        unsigned char a = (unsigned char)s[0], b = (unsigned char)s[n / 2],
                      c = (unsigned char)s[n - 1];
        if (!(jw_esc[a] | jw_esc[b] | jw_esc[c])) {
            p[0] = '"';
            p[1] = (char)a;
            p[1 + n / 2] = (char)b;
            p[n] = (char)c;
            p[n + 1] = '"';
            w->p = p + n + 2;
            return;
        }
    } else if (n == 0) {
        JW_LIT(w, "\"\"");
        return;
    }
    jw_long(w, s, n);
}

/* A C string with its length, measured once for the room and the write;
 * p NULL for JSON null. */
static kr_str jw_len(const char *s)
{
    kr_str r;
    r.p = s;
    r.n = s ? strlen(s) : 0;
    return r;
}

static size_t jw_room(kr_str s)
{
    return s.p ? 6 * s.n + 2 : 4;
}

static void jw_str(jw *w, kr_str s)
{
    if (s.p)
        jw_strn(w, s.p, s.n);
    else
        JW_LIT(w, "null");
}

static const uint64_t pow10[20] = {1ULL,
                                   10ULL,
                                   100ULL,
                                   1000ULL,
                                   10000ULL,
                                   100000ULL,
                                   1000000ULL,
                                   10000000ULL,
                                   100000000ULL,
                                   1000000000ULL,
                                   10000000000ULL,
                                   100000000000ULL,
                                   1000000000000ULL,
                                   10000000000000ULL,
                                   100000000000000ULL,
                                   1000000000000000ULL,
                                   10000000000000000ULL,
                                   100000000000000000ULL,
                                   1000000000000000000ULL,
                                   10000000000000000000ULL};

/* v in decimal: its digits counted first, then written from the last,
 * two at a time. */
static void jw_uint(jw *w, uint64_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    size_t k = 1;
    char *p;
    while (k < 20 && v >= pow10[k])
        k++;
    p = w->p + k;
    w->p = p;
    while (v >= 100) {
        uint64_t q = v / 100;
        p -= 2;
        memcpy(p, pairs + 2 * (v - 100 * q), 2);
        v = q;
    }
    if (v >= 10)
        memcpy(p - 2, pairs + 2 * v, 2);
    else
        p[-1] = (char)('0' + v);
}

/* v with `places` decimals (1 or 2), rounded half away from zero. */
static void jw_fixed(jw *w, double v, int places)
{
    uint64_t scale = places == 1 ? 10 : 100, u;
    if (v < 0) {
        *w->p++ = '-';
        v = -v;
    }
    u = (uint64_t)(v * (double)scale + 0.5);
    jw_uint(w, u / scale);
    *w->p++ = '.';
    if (places == 2)
        *w->p++ = (char)('0' + u % 100 / 10);
    *w->p++ = (char)('0' + u % 10);
}

/* A side's strings with their lengths, and the room it takes. */
typedef struct jw_side_len {
    kr_str entity, code, country, name, text;
} jw_side_len;

static size_t side_len(const ev_side_rec *s, jw_side_len *l)
{
    if (!s->entity)
        return 4;
    l->entity = jw_len(s->entity);
    l->code = jw_len(s->code);
    l->country = jw_len(s->country);
    l->name = jw_len(s->name);
    l->text.p = s->text.p ? s->text.p : "";
    l->text.n = s->text.n;
    return 128 + jw_room(l->entity) + jw_room(l->code) + jw_room(l->country) +
           jw_room(l->name) + jw_room(l->text);
}

static void jw_side(jw *w, const ev_side_rec *s, const jw_side_len *l)
{
    if (!s->entity) {
        JW_LIT(w, "null");
        return;
    }
    JW_LIT(w, "{\"entity\": ");
    jw_str(w, l->entity);
    JW_LIT(w, ", \"code\": ");
    jw_str(w, l->code);
    JW_LIT(w, ", \"country\": ");
    jw_str(w, l->country);
    JW_LIT(w, ", \"name\": ");
    jw_str(w, l->name);
    JW_LIT(w, ", \"text\": ");
    jw_strn(w, l->text.p, l->text.n);
    *w->p++ = '}';
}

/* A pattern file from its events/ folder on ("events/en.txt"), as the
 * lexicon names it, whatever folder holds the lexicon: the last
 * "events/" that starts the path or follows a '/', found from the end. */
static const char *pattern_name(const char *path, size_t n)
{
    size_t k;
    for (k = n; k >= 7; k--) /* "events/" ending at k */
        if (path[k - 1] == '/' && memcmp(path + k - 7, "events/", 7) == 0 &&
            (k == 7 || path[k - 8] == '/'))
            return path + k - 7;
    return path;
}

/* The record as one line appended to o->b. */
static void write_jsonl(evout *o, const ev_record *r)
{
    kr_str id = jw_len(r->id), doc = jw_len(r->doc), date = jw_len(r->date),
           lang = jw_len(r->lang), cameo = jw_len(r->cameo), root = jw_len(r->root),
           plover = jw_len(r->plover), plover_mode = jw_len(r->plover_mode),
           mode = jw_len(r->mode), place = {NULL, 0}, place_country = {NULL, 0}, pf = {NULL, 0};
    jw_side_len src, tgt;
    const char *ev;
    size_t at, room = 512 + 256 + jw_room(id) + jw_room(doc) + jw_room(date) + jw_room(lang) +
                  side_len(&r->source, &src) + side_len(&r->target, &tgt) + jw_room(cameo) +
                  jw_room(root) + jw_room(plover) + jw_room(plover_mode) + jw_room(mode) +
                  6 * r->evidence_text.n;
    jw w;
    if (r->place) {
        place = jw_len(r->place);
        place_country = jw_len(r->place_country);
        room += jw_room(place) + jw_room(place_country);
    }
    if (r->pattern_file) {
        size_t n = strlen(r->pattern_file);
        pf.p = pattern_name(r->pattern_file, n);
        pf.n = n - (size_t)(pf.p - r->pattern_file);
        if (pf.n > 280)
            pf.n = 280;
        room += jw_room(pf);
    }
    if (kr_buf_reserve(&o->b, room)) {
        o->nomem = 1;
        return;
    }
    w.p = o->b.p + o->b.n;
    JW_LIT(&w, "{\"id\": ");
    jw_str(&w, id);
    JW_LIT(&w, ", \"doc\": ");
    jw_str(&w, doc);
    JW_LIT(&w, ", \"date\": ");
    jw_str(&w, date);
    JW_LIT(&w, ", \"lang\": ");
    jw_str(&w, lang);
    JW_LIT(&w, ", \"source\": ");
    jw_side(&w, &r->source, &src);
    JW_LIT(&w, ", \"target\": ");
    jw_side(&w, &r->target, &tgt);
    JW_LIT(&w, ", \"cameo\": ");
    jw_str(&w, cameo);
    JW_LIT(&w, ", \"root\": ");
    jw_str(&w, root);
    JW_LIT(&w, ", \"plover\": ");
    jw_str(&w, plover);
    JW_LIT(&w, ", \"plover_mode\": ");
    jw_str(&w, plover_mode);
    JW_LIT(&w, ", \"goldstein\": ");
    jw_fixed(&w, r->goldstein, 1);
    JW_LIT(&w, ", \"quad\": ");
    *w.p++ = (char)('0' + (r->quad >= 0 && r->quad <= 9 ? r->quad : 0));
    JW_LIT(&w, ", \"mode\": ");
    jw_str(&w, mode);
    if (r->negated)
        JW_LIT(&w, ", \"negated\": true, \"location\": ");
    else
        JW_LIT(&w, ", \"negated\": false, \"location\": ");
    if (r->place) {
        JW_LIT(&w, "{\"name\": ");
        jw_str(&w, place);
        JW_LIT(&w, ", \"country\": ");
        jw_str(&w, place_country);
        *w.p++ = '}';
    } else {
        JW_LIT(&w, "null");
    }
    JW_LIT(&w, ", \"evidence\": {\"start\": ");
    jw_uint(&w, r->evidence.start);
    JW_LIT(&w, ", \"end\": ");
    jw_uint(&w, r->evidence.end);
    JW_LIT(&w, ", \"sentence\": ");
    jw_uint(&w, r->sentence);
    JW_LIT(&w, ", \"text\": ");
    ev = r->evidence_text.p ? r->evidence_text.p : "";
    at = (size_t)(w.p - o->b.p);
    if (ev == o->ev_p && r->evidence_text.n == o->ev_n && o->ev_len == o->ev_n + 2 &&
        memcmp(o->b.p + o->ev_at + 1, ev, o->ev_n) == 0) { /* unescaped, and still the same */
        memcpy(w.p, o->b.p + o->ev_at, o->ev_len);
        w.p += o->ev_len;
    } else {
        jw_strn(&w, ev, r->evidence_text.n);
    }
    o->ev_p = ev;
    o->ev_n = r->evidence_text.n;
    o->ev_at = at;
    o->ev_len = (size_t)(w.p - o->b.p) - at;
    JW_LIT(&w, "}, \"confidence\": ");
    jw_fixed(&w, r->confidence, 2);
    if (pf.p) { /* which lexicon line said so: "events/en.txt:123" */
        JW_LIT(&w, ", \"pattern\": ");
        jw_strn(&w, pf.p, pf.n);
        w.p--; /* the closing quote: the line number goes inside */
        *w.p++ = ':';
        jw_uint(&w, r->pattern_line);
        *w.p++ = '"';
    }
    JW_LIT(&w, "}\n");
    o->b.n = (size_t)(w.p - o->b.p);
    o->b.p[o->b.n] = '\0';
}

/* --- tab-separated rows ------------------------------------------------------ */

static void t_cell(evout *o, const char *s, size_t n, int first)
{
    size_t i;
    if (!first)
        ok(o, kr_buf_putc(&o->b, '\t'));
    for (i = 0; s && i < n; i++)
        ok(o, kr_buf_putc(&o->b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]));
}

static void t_str(evout *o, const char *s)
{
    t_cell(o, s, s ? strlen(s) : 0, 0);
}

static void t_fmt(evout *o, const char *fmt, double v)
{
    char b[40];
    int n = snprintf(b, sizeof b, fmt, v);
    t_cell(o, b, (size_t)n, 0);
}

/* GDELT 1.0: 58 columns; geography as names and ISO codes, no
 * coordinates; the mention counts are those of one report. */
static void write_gdelt(evout *o, const ev_record *r)
{
    char day[9] = "", month[7] = "", year[5] = "";
    const ev_side_rec *side[2] = {&r->source, &r->target};
    int k, j;
    if (r->date && strlen(r->date) == 10) {
        snprintf(day, sizeof day, "%.4s%.2s%.2s", r->date, r->date + 5, r->date + 8);
        snprintf(month, sizeof month, "%.6s", day);
        snprintf(year, sizeof year, "%.4s", day);
    }
    t_cell(o, r->id, strlen(r->id), 1);
    t_str(o, day);
    t_str(o, month);
    t_str(o, year);
    if (r->date && strlen(r->date) == 10) {
        int m = (r->date[5] - '0') * 10 + (r->date[6] - '0');
        int d = (r->date[8] - '0') * 10 + (r->date[9] - '0');
        t_fmt(o, "%.4f", (double)((year[0] - '0') * 1000 + (year[1] - '0') * 100 +
                                  (year[2] - '0') * 10 + (year[3] - '0')) +
                             ((m - 1) * 30 + d) / 365.0);
    } else {
        t_str(o, "");
    }
    for (k = 0; k < 2; k++) {
        t_str(o, side[k]->code);
        t_str(o, side[k]->name);
        t_str(o, side[k]->country);
        for (j = 0; j < 4; j++) /* known group, ethnic, religion 1 and 2 */
            t_str(o, "");
        t_str(o, side[k]->code && strlen(side[k]->code) >= 6 ? side[k]->code + 3 : "");
        t_str(o, "");
        t_str(o, "");
    }
    t_str(o, "1"); /* IsRootEvent */
    t_str(o, r->cameo);
    t_cell(o, r->cameo, strlen(r->cameo) > 3 ? 3 : strlen(r->cameo), 0);
    t_str(o, r->root);
    t_fmt(o, "%.0f", r->quad);
    t_fmt(o, "%.1f", r->goldstein);
    t_str(o, "1");
    t_str(o, "1");
    t_str(o, "1");
    t_str(o, ""); /* AvgTone */
    for (k = 0; k < 2; k++) /* actor geography: not coded */
        for (j = 0; j < 7; j++)
            t_str(o, "");
    t_str(o, r->place ? "1" : "");
    t_str(o, r->place);
    t_str(o, r->place_country);
    for (j = 0; j < 4; j++)
        t_str(o, "");
    t_str(o, day);
    t_str(o, r->url ? r->url : r->doc);
    ok(o, kr_buf_putc(&o->b, '\n'));
}

static const char *const icews_cols[] = {
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude"};

static void write_icews(evout *o, const ev_record *r)
{
    const ev_side_rec *side[2] = {&r->source, &r->target};
    size_t k;
    if (!o->header_done) {
        for (k = 0; k < sizeof icews_cols / sizeof icews_cols[0]; k++)
            t_cell(o, icews_cols[k], strlen(icews_cols[k]), k == 0);
        ok(o, kr_buf_putc(&o->b, '\n'));
        o->header_done = 1;
    }
    t_cell(o, r->id, strlen(r->id), 1);
    t_str(o, r->date);
    for (k = 0; k < 2; k++) {
        if (k == 1) {
            t_str(o, r->label);
            t_str(o, r->cameo);
            t_fmt(o, "%.1f", r->goldstein);
        }
        t_str(o, side[k]->name);
        t_str(o, side[k]->code && strlen(side[k]->code) >= 6 ? side[k]->code + 3 : "");
        t_str(o, side[k]->country);
    }
    t_str(o, r->doc);
    t_fmt(o, "%.0f", (double)r->sentence);
    t_str(o, r->agency);
    t_str(o, r->place);
    t_str(o, "");
    t_str(o, "");
    t_str(o, r->place_country);
    t_str(o, "");
    t_str(o, "");
    ok(o, kr_buf_putc(&o->b, '\n'));
}

/* `code --format tsv`: the JSON record's scalar fields, tab-separated. */
static void write_tsv(evout *o, const ev_record *r)
{
    t_cell(o, r->id, strlen(r->id), 1);
    t_str(o, r->doc);
    t_str(o, r->date);
    t_str(o, r->source.entity);
    t_str(o, r->source.code);
    t_str(o, r->cameo);
    t_str(o, r->target.entity);
    t_str(o, r->target.code);
    t_fmt(o, "%.1f", r->goldstein);
    t_fmt(o, "%.0f", r->quad);
    t_str(o, r->mode);
    t_str(o, r->negated ? "1" : "0");
    t_str(o, r->place);
    t_fmt(o, "%.2f", r->confidence);
    t_cell(o, r->evidence_text.p, r->evidence_text.n, 0);
    ok(o, kr_buf_putc(&o->b, '\n'));
}

static void write_flat(evout *o, const ev_record *r)
{
    out *f = o->flat;
    out_str(f, r->id);
    out_str(f, r->doc);
    out_str(f, r->date);
    out_str(f, r->source.name);
    out_str(f, r->source.code);
    out_str(f, r->cameo);
    out_str(f, r->plover);
    out_real(f, r->goldstein);
    out_int(f, r->quad);
    out_str(f, r->target.name);
    out_str(f, r->target.code);
    out_str(f, r->mode);
    out_bool(f, r->negated);
    out_str(f, r->place);
    out_real(f, r->confidence);
    out_strn(f, r->evidence_text.p ? r->evidence_text.p : "", r->evidence_text.n);
    out_row_end(f);
}

/* Rows gather in o->b and go out in one fwrite once this many bytes wait. */
#define EVOUT_BATCH ((size_t)64 << 10)

static int flush(evout *o)
{
    size_t n = o->b.n;
    o->b.n = 0;
    o->ev_p = NULL;
    if (n && fwrite(o->b.p, 1, n, o->f) != n) {
        o->failed = 1;
        return KR_EIO;
    }
    return 0;
}

int evout_write(evout *o, const ev_record *r)
{
    size_t start = o->b.n;
    if (o->flat) {
        write_flat(o, r);
        return 0;
    }
    switch (o->format) {
    case EVOUT_GDELT:
        write_gdelt(o, r);
        break;
    case EVOUT_ICEWS:
        write_icews(o, r);
        break;
    case EVOUT_TSV:
        write_tsv(o, r);
        break;
    default:
        write_jsonl(o, r);
    }
    if (o->nomem) {
        o->b.n = start; /* never print a row with a hole in it */
        o->ev_p = NULL;
        return KR_ENOMEM;
    }
    return o->b.n >= EVOUT_BATCH ? flush(o) : 0;
}

int evout_close(evout *o)
{
    int rc;
    if (!o)
        return 0;
    if (o->format == EVOUT_ICEWS && !o->header_done) { /* the header even with no row */
        size_t k, start = o->b.n;
        for (k = 0; k < sizeof icews_cols / sizeof icews_cols[0]; k++)
            t_cell(o, icews_cols[k], strlen(icews_cols[k]), k == 0);
        ok(o, kr_buf_putc(&o->b, '\n'));
        if (o->nomem)
            o->b.n = start;
    }
    flush(o);
    rc = o->flat ? out_close(o->flat) : 0;
    if (fflush(o->f) != 0 || ferror(o->f))
        o->failed = 1;
    if (!rc)
        rc = o->nomem ? KR_ENOMEM : o->failed ? KR_EIO : 0;
    kr_buf_free(&o->b);
    kr_free(o);
    return rc;
}

static const char hex_pairs[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
    "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
    "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
    "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
    "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

/* An event id is a chain of hashes, each part seeding the next; the
 * report id comes first, so its hash is shared by the report's events. */
static uint64_t id_seed(const char *doc)
{
    return XXH3_64bits_withSeed(doc, strlen(doc) + 1, 0);
}

static void event_id(uint64_t h, const ev_event *e, const char *mode, char id[17])
{
    const char *parts[4];
    size_t k;
    uint64_t span[2];
    parts[0] = e->code->code;
    parts[1] = e->source.entity ? e->source.entity : "";
    parts[2] = e->target.entity ? e->target.entity : "";
    parts[3] = mode;
    for (k = 0; k < 4; k++)
        h = XXH3_64bits_withSeed(parts[k], strlen(parts[k]) + 1, h);
    span[0] = e->evidence.start;
    span[1] = (uint64_t)e->negated;
    h = XXH3_64bits_withSeed(span, sizeof span, h);
    for (k = 0; k < 8; k++) /* a byte at a time, two hex digits */
        memcpy(id + 2 * k, hex_pairs + 2 * ((h >> (56 - 8 * k)) & 255), 2);
    id[16] = '\0';
}

void evout_event_id(const char *doc, const ev_event *e, char id[17])
{
    event_id(id_seed(doc), e, ev_mode_name(e->mode), id);
}

static void side_rec(const ev_side *s, const kr_doc *d, ev_side_rec *r)
{
    r->entity = s->entity;
    r->code = s->code;
    r->country = s->country;
    r->name = s->name;
    r->type = s->type;
    r->text.p = s->entity ? d->text.p + s->span.start : NULL;
    r->text.n = s->entity ? s->span.end - s->span.start : 0;
}

static const char *dup_or_null(kr_arena *a, kr_str s)
{
    return s.n ? arena_strndup(a, s.p, s.n) : NULL;
}

const char *evout_root(const char *code)
{
    static const char *const roots[] = {"00", "01", "02", "03", "04", "05", "06", "07",
                                        "08", "09", "10", "11", "12", "13", "14", "15",
                                        "16", "17", "18", "19", "20"};
    int root = kr_isdigit((unsigned char)code[0]) && kr_isdigit((unsigned char)code[1])
                   ? (code[0] - '0') * 10 + (code[1] - '0')
                   : 0;
    return root <= 20 ? roots[root] : "00";
}

/* Fills r from e with what its report gives: r->doc, r->lang, r->url and
 * r->agency are set by the caller, r->id and r->date point to its
 * buffers. */
static void record_fill(const ev_event *e, const kr_doc *d, const char *mode, ev_record *r)
{
    side_rec(&e->source, d, &r->source);
    side_rec(&e->target, d, &r->target);
    r->cameo = e->code->code;
    r->root = evout_root(e->code->code);
    r->plover = e->code->plover;
    r->plover_mode = e->code->plover_mode;
    r->label = e->code->label;
    r->goldstein = e->code->goldstein;
    r->quad = e->code->quad;
    r->mode = mode;
    r->negated = e->negated;
    r->place = e->place;
    r->place_country = e->place_country;
    r->evidence = e->evidence;
    r->evidence_text.p = d->text.p + e->evidence.start;
    r->evidence_text.n = e->evidence.end - e->evidence.start;
    r->sentence = e->sentence;
    r->confidence = e->confidence;
    r->pattern_file = e->pattern_file;
    r->pattern_line = e->pattern_line;
}

/* Clears r and fills what all events of report d (id `doc`) share; r->id
 * points to the caller's id buffer. */
static void record_start(const kr_doc *d, const char *doc, kr_arena *a, char id[17], ev_record *r)
{
    memset(r, 0, sizeof *r);
    r->id = id;
    r->doc = doc;
    r->lang = dup_or_null(a, d->lang);
    r->url = dup_or_null(a, d->url);
    r->agency = dup_or_null(a, d->agency);
}

void evout_record_of(const ev_event *e, const kr_doc *d, const char *doc, kr_arena *a,
                     char id[17], char date[11], ev_record *r)
{
    const char *mode = ev_mode_name(e->mode);
    record_start(d, doc, a, id, r);
    event_id(id_seed(doc), e, mode, id);
    date_format(e->date, date);
    r->date = date[0] ? date : NULL;
    record_fill(e, d, mode, r);
}

int evout_write_doc(evout *o, const ev_event *ev, size_t n, const kr_doc *d, const char *doc,
                    kr_arena *a)
{
    char id[17], date[11];
    ev_record r;
    uint64_t seed;
    size_t k;
    if (!n)
        return 0;
    record_start(d, doc, a, id, &r);
    seed = id_seed(doc);
    date_format(ev[0].date, date);
    for (k = 0; k < n; k++) {
        const ev_event *e = &ev[k];
        const char *mode = ev_mode_name(e->mode);
        int rc;
        if (k && (e->date.y != ev[k - 1].date.y || e->date.m != ev[k - 1].date.m ||
                  e->date.d != ev[k - 1].date.d))
            date_format(e->date, date);
        r.date = date[0] ? date : NULL;
        event_id(seed, e, mode, id);
        record_fill(e, d, mode, &r);
        if ((rc = evout_write(o, &r)) != 0)
            return rc;
    }
    return 0;
}
