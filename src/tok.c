/* tok.c: tokens and sentences of a document's stored text. One left-to-right
 * pass cuts tokens (ASCII through a class table, Latin-1 and Cyrillic by
 * range, other scripts through ICU); a second pass over the tokens finds
 * sentence ends. Rules and examples: tests/spec/tok.txt. */
#include "tok.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

#include "utf8.h"

/* Character classes. The low 16 bits are the TOK_* flags a character gives
 * its token (script, QUOTE, DASH); the high bits say what it is. */
#define C_LETTER (1u << 16)
#define C_DIGIT (1u << 17)
#define C_MARK (1u << 18)  /* continues a word, never starts one */
#define C_SPACE (1u << 19) /* skipped between tokens */
#define C_NL (1u << 20)    /* line feed (also C_SPACE) */
#define C_UPPER (1u << 21)
#define C_LOWER (1u << 22)
#define C_INNER (1u << 23) /* ZWNJ, ZWJ, soft hyphen: kept between word characters, else skipped */
#define C_SYM (1u << 24)   /* symbol: a TOK_SYM token; other non-word characters are TOK_PUNCT */
#define C_WORD (C_LETTER | C_DIGIT | C_MARK)
#define C_ALNUM (C_LETTER | C_DIGIT)
#define SCRIPTS (TOK_LATIN | TOK_CYRILLIC | TOK_ARMENIAN | TOK_GEORGIAN | TOK_ARABIC | TOK_OTHERSCRIPT)

#define SP C_SPACE
#define NL (C_SPACE | C_NL)
#define UP (C_LETTER | C_UPPER | TOK_LATIN)
#define LO (C_LETTER | C_LOWER | TOK_LATIN)
#define DG C_DIGIT
#define QU TOK_QUOTE
#define DA TOK_DASH
#define PU 0
#define SY C_SYM
static const uint32_t ascii_cls[128] = {
    SY, SY, SY, SY, SY, SY, SY, SY, SY, SP, NL, SP, SP, SP, SY, SY, /* 00 */
    SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, /* 10 */
    SP, PU, QU, PU, SY, PU, PU, QU, PU, PU, PU, SY, PU, DA, PU, PU, /* 20 */
    DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, SY, SY, SY, PU, /* 30 */
    PU, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* 40 */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, PU, PU, SY, PU, /* 50 */
    QU, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* 60 */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, SY, PU, SY, SY, /* 70 */
};
#undef SP
#undef NL
#undef UP
#undef LO
#undef DG
#undef QU
#undef DA
#undef PU
#undef SY

/* Script of a letter by Unicode block; modifier letters (U+02B0..U+02FF,
 * e.g. the apostrophe letter U+02BC) belong to none. */
static uint32_t script_of(int32_t cp)
{
    if (cp < 0x2B0 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) ||
        (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xAB30 && cp < 0xAB70) ||
        (cp >= 0xFB00 && cp < 0xFB07) || (cp >= 0xFF21 && cp < 0xFF5B))
        return TOK_LATIN;
    if (cp < 0x300)
        return 0;
    if ((cp >= 0x400 && cp < 0x530) || (cp >= 0x1C80 && cp < 0x1C90) ||
        (cp >= 0x2DE0 && cp < 0x2E00) || (cp >= 0xA640 && cp < 0xA6A0))
        return TOK_CYRILLIC;
    if ((cp >= 0x530 && cp < 0x590) || (cp >= 0xFB13 && cp < 0xFB18))
        return TOK_ARMENIAN;
    if ((cp >= 0x10A0 && cp < 0x1100) || (cp >= 0x1C90 && cp < 0x1CC0) ||
        (cp >= 0x2D00 && cp < 0x2D30))
        return TOK_GEORGIAN;
    if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) || (cp >= 0x870 && cp < 0x900) ||
        (cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00))
        return TOK_ARABIC;
    return TOK_OTHERSCRIPT;
}

/* Class of a non-ASCII code point. */
static uint32_t cls_cp(int32_t cp)
{
    /* Fast paths: the Cyrillic and Latin-1 letters of Russian and Western
     * European text. */
    if (cp >= 0x400 && cp < 0x460)
        return C_LETTER | TOK_CYRILLIC | (cp < 0x430 ? C_UPPER : C_LOWER);
    if (cp >= 0xC0 && cp < 0x100) {
        if (cp == 0xD7 || cp == 0xF7)
            return C_SYM;
        return C_LETTER | TOK_LATIN | (cp < 0xDF ? C_UPPER : C_LOWER);
    }
    switch (cp) {
    case 0x00AD: case 0x200C: case 0x200D:
        return C_INNER;
    case 0x200B: case 0x2060: case 0xFEFF: case 0x0085:
        return C_SPACE;
    case 0x2028: case 0x2029:
        return C_SPACE | C_NL;
    case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0xFF02: case 0xFF07:
        return TOK_QUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x2E3A: case 0x2E3B: case 0xFE58: case 0xFE63: case 0xFF0D:
        return TOK_DASH;
    /* Armenian apostrophe, emphasis, exclamation, question and abbreviation
     * marks sit inside or right after the word they modify. */
    case 0x055A: case 0x055B: case 0x055C: case 0x055E: case 0x055F:
        return C_MARK;
    default:
        break;
    }
    switch (u_charType(cp)) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
        return C_LETTER | C_UPPER | script_of(cp);
    case U_LOWERCASE_LETTER:
        return C_LETTER | C_LOWER | script_of(cp);
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
        return C_LETTER | script_of(cp);
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
        return C_MARK;
    case U_DECIMAL_DIGIT_NUMBER:
        return C_DIGIT;
    case U_SPACE_SEPARATOR:
        return C_SPACE;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
        return C_SPACE | C_NL;
    case U_FORMAT_CHAR: /* bidi and other invisible controls */
        return C_SPACE;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return 0;
    default: /* symbols, other numbers (½ ²), controls, private use, unassigned */
        return C_SYM;
    }
}

/* Class of the character at s[i] (i < n); its code point (-1 for a byte
 * that is not UTF-8, classed as a symbol) and length in bytes. */
static inline uint32_t peek(const char *s, size_t n, size_t i, int32_t *cp, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    size_t j;
    if (c < 0x80) {
        *cp = c;
        *len = 1;
        return ascii_cls[c];
    }
    if ((*cp = utf8_two(s, n, i)) >= 0) {
        *len = 2;
        return cls_cp(*cp);
    }
    j = i;
    *cp = utf8_next(s, n, &j);
    *len = j - i;
    return *cp < 0 ? C_SYM : cls_cp(*cp);
}

/* Class of the character at s[i], or 0 past the end. */
static inline uint32_t cls_at(const char *s, size_t n, size_t i)
{
    int32_t cp;
    size_t len;
    return i < n ? peek(s, n, i, &cp, &len) : 0;
}

/* ---- abbreviations ---- */

enum {
    AB_NEVER,   /* never ends a sentence: titles, initials, e.g. */
    AB_EN,      /* U.S., Inc.: ends one before a word that often starts a sentence */
    AB_ETC,     /* etc., т.д.: ends one before a capitalized word */
    AB_NUM,     /* г., млн.: after a number, ends one before a capitalized word */
    AB_AFTER_I, /* др., пр.: like AB_ETC after "и" (и др.), else a plain abbreviation */
    AB_AFTER_T  /* д., п.: like AB_ETC after "т." (т. д.), else дом, пункт */
};

typedef struct abbr {
    const char *s; /* without the final dot */
    unsigned char len, cls;
} abbr;

#define AB(s, c) {s, sizeof(s) - 1, c}
static const abbr abbrs[] = {
    /* English titles and months: always followed by a name or a number */
    AB("Mr", AB_NEVER), AB("Mrs", AB_NEVER), AB("Ms", AB_NEVER), AB("Dr", AB_NEVER),
    AB("Gen", AB_NEVER), AB("Lt", AB_NEVER), AB("Col", AB_NEVER), AB("Maj", AB_NEVER),
    AB("Capt", AB_NEVER), AB("Sgt", AB_NEVER), AB("Adm", AB_NEVER), AB("Sen", AB_NEVER),
    AB("Rep", AB_NEVER), AB("Gov", AB_NEVER), AB("Pres", AB_NEVER), AB("Prof", AB_NEVER),
    AB("Rev", AB_NEVER), AB("Amb", AB_NEVER), AB("Mt", AB_NEVER), AB("Jan", AB_NEVER),
    AB("Feb", AB_NEVER), AB("Aug", AB_NEVER), AB("Sep", AB_NEVER), AB("Sept", AB_NEVER),
    AB("Oct", AB_NEVER), AB("Nov", AB_NEVER), AB("Dec", AB_NEVER), AB("vs", AB_NEVER),
    AB("approx", AB_NEVER),
    /* English words that also end sentences */
    AB("St", AB_EN), AB("Jr", AB_EN), AB("Sr", AB_EN), AB("Inc", AB_EN), AB("Ltd", AB_EN),
    AB("Co", AB_EN), AB("Corp", AB_EN), AB("Bros", AB_EN), AB("etc", AB_ETC),
    /* Russian: years, centuries, amounts */
    AB("г", AB_NUM), AB("гг", AB_NUM), AB("в", AB_NUM), AB("вв", AB_NUM),
    AB("млн", AB_NUM), AB("млрд", AB_NUM), AB("тыс", AB_NUM), AB("руб", AB_NUM),
    AB("долл", AB_NUM),
    /* Russian: "и др.", "и пр.", "т. д.", "т. п." */
    AB("др", AB_AFTER_I), AB("пр", AB_AFTER_I), AB("д", AB_AFTER_T), AB("п", AB_AFTER_T),
    /* Russian: before a name, a number or a noun */
    AB("им", AB_NEVER), AB("ул", AB_NEVER), AB("см", AB_NEVER), AB("стр", AB_NEVER),
    AB("англ", AB_NEVER), AB("рус", AB_NEVER), AB("ген", AB_NEVER), AB("полк", AB_NEVER),
    AB("ст", AB_NEVER), AB("проф", AB_NEVER), AB("акад", AB_NEVER), AB("зам", AB_NEVER),
    AB("обл", AB_NEVER), AB("пос", AB_NEVER), AB("т", AB_NEVER), AB("с", AB_NEVER),
    AB("ч", AB_NEVER), AB("м", AB_NEVER), AB("н", AB_NEVER), AB("р", AB_NEVER),
    AB("е", AB_NEVER),
    /* two-letter initials: Дж. Байден, Yu. Ushakov */
    AB("Дж", AB_NEVER), AB("Yu", AB_NEVER), AB("Ya", AB_NEVER), AB("Zh", AB_NEVER),
    AB("Kh", AB_NEVER), AB("Ch", AB_NEVER), AB("Sh", AB_NEVER), AB("Ts", AB_NEVER),
};
#undef AB

/* Words that often start an English sentence: after "U.S." or "Inc." only
 * these end the sentence ("the U.S. The" vs. "the U.S. President"). */
static const char *const en_starters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These",
    "Those", "There", "His", "Her", "Its", "Their", "Our", "But", "And", "In", "On",
    "At", "As", "After", "Before", "However", "Meanwhile", "Earlier", "Later", "If",
    "When", "While", "According", "Last", "Some", "Many", "Both", "Asked", "Officials",
};

static int span_is(const char *s, kr_span sp, const char *w)
{
    size_t k = strlen(w);
    return sp.end - sp.start == k && memcmp(s + sp.start, w, k) == 0;
}

/* Looks w[0..k) up in abbrs; a Cyrillic capital first letter also matches
 * the lower-case entry (sentence-initial "Ген."). Returns the entry or NULL. */
/* Which (length, last byte) pairs some abbreviation has: a word ending a
 * sentence is looked up only when its own pair is one of them. */
static uint64_t abbr_ends[17][4];
static pthread_once_t abbr_ends_once = PTHREAD_ONCE_INIT;

static void fill_abbr_ends(void)
{
    size_t j;
    for (j = 0; j < sizeof abbrs / sizeof abbrs[0]; j++) {
        unsigned char last = (unsigned char)abbrs[j].s[abbrs[j].len - 1];
        if (abbrs[j].len < 17)
            abbr_ends[abbrs[j].len][last >> 6] |= (uint64_t)1 << (last & 63);
    }
}

static int abbr_may_end(size_t k, unsigned char last)
{
    return (abbr_ends[k][last >> 6] >> (last & 63)) & 1;
}

static const abbr *abbr_find(const char *w, size_t k)
{
    char low[16];
    const unsigned char *u = (const unsigned char *)w;
    size_t j;
    int lowered = 0;
    if (k == 0 || k > sizeof low)
        return NULL;
    /* only a one-letter Cyrillic word has its last byte lowered below */
    if (!abbr_may_end(k, u[k - 1]) && !(k == 2 && u[0] == 0xD0))
        return NULL;
    memcpy(low, w, k);
    if (k >= 2 && u[0] == 0xD0 && u[1] >= 0x90 && u[1] < 0xB0) {
        if (u[1] < 0xA0) {
            low[1] = (char)(u[1] + 0x20); /* А-П -> а-п */
        } else {
            low[0] = (char)0xD1; /* Р-Я -> р-я */
            low[1] = (char)(u[1] - 0x20);
        }
        lowered = 1;
    }
    for (j = 0; j < sizeof abbrs / sizeof abbrs[0]; j++) {
        const abbr *e = &abbrs[j];
        if (e->len != k || (e->s[k - 1] != w[k - 1] && e->s[k - 1] != low[k - 1]))
            continue; /* the last byte first: a cheap test before memcmp */
        if (memcmp(e->s, w, k) == 0 || (lowered && memcmp(e->s, low, k) == 0))
            return e;
    }
    return NULL;
}

/* Class of an abbreviation token (text includes the final dot). */
static int abbr_class(const char *s, kr_span sp)
{
    const char *w = s + sp.start;
    size_t k = sp.end - sp.start - 1, j;
    const abbr *e;
    if (memchr(w, '.', k)) {
        /* dotted: U.S., e.g., т.е. */
        int upper = 1;
        for (j = 0; j < k; j++)
            if ((unsigned char)w[j] >= 'a' && (unsigned char)w[j] <= 'z')
                upper = 0;
            else if ((unsigned char)w[j] >= 0x80)
                upper = 0; /* Cyrillic: handled by name below */
        if (upper)
            return AB_EN;
        if (span_is(s, sp, "a.m.") || span_is(s, sp, "p.m."))
            return AB_EN;
        if (span_is(s, sp, "т.д.") || span_is(s, sp, "т.п."))
            return AB_ETC;
        return AB_NEVER;
    }
    e = abbr_find(w, k);
    return e ? e->cls : AB_NEVER; /* initials */
}

/* ---- Turkish suffixes after an apostrophe: Türkiye'nin, ABD'ye, 2023'te ---- */

static const char *const tr_suffixes[] = {
    "a", "e", "ı", "i", "u", "ü", "ya", "ye", "yı", "yi", "yu", "yü",
    "na", "ne", "nı", "ni", "nu", "nü", "da", "de", "ta", "te", "dan", "den", "tan", "ten",
    "nda", "nde", "ndan", "nden", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün",
    "la", "le", "yla", "yle", "li", "lı", "lu", "lü", "ki", "daki", "deki", "taki", "teki",
    "ndaki", "ndeki", "lar", "ler", "ları", "leri", "ların", "lerin", "lara", "lere",
    "larda", "lerde", "lardan", "lerden", "dır", "dir", "dur", "dür", "tır", "tir", "tur",
    "tür", "ca", "ce", "ça", "çe", "nınki", "ninki",
};

static int tr_suffix(const char *w, size_t k)
{
    size_t j;
    for (j = 0; j < sizeof tr_suffixes / sizeof tr_suffixes[0]; j++)
        if (strlen(tr_suffixes[j]) == k && memcmp(tr_suffixes[j], w, k) == 0)
            return 1;
    return 0;
}

static int tr_vowel(int32_t cp)
{
    switch (cp) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'A': case 'E': case 'I': case 'O':
    case 'U': case 0x131: case 0x130: case 0xF6: case 0xD6: case 0xFC: case 0xDC:
        return 1;
    default:
        return 0;
    }
}

/* ---- token vector ---- */

/* Tokens go straight into the arena. The first guess (one token per 4
 * bytes, more than news text needs) usually holds them all. Denser text
 * (punctuation runs, junk) has the rest of its tokens counted by a second,
 * storing-nothing pass over the remaining bytes, and then gets an array of
 * exactly the right size: memory stays at the guess plus the tokens, with
 * no doubling slack. A vector with v == NULL only counts. */
typedef struct tvec {
    tok_token *v;
    size_t n, cap;
    kr_arena *a;
} tvec;

/* Appends a token; the caller has made room (tokenize keeps two free). */
static inline void push(tvec *t, size_t start, size_t end, unsigned type, unsigned flags)
{
    tok_token *tk;
    if (!t->v) {
        t->n++;
        return;
    }
    tk = &t->v[t->n++];
    tk->span.start = start;
    tk->span.end = end;
    tk->type = (uint16_t)type;
    tk->flags = (uint16_t)flags;
}

/* ---- words ---- */

static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static int is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Length of a URL starting at s[i] ("http://", "https://", "www."), 0 if
 * none: up to white space or a quote, without trailing punctuation. */
static size_t url_len(const char *s, size_t n, size_t i)
{
    size_t j = i;
    if (s[i] != 'h' && s[i] != 'w')
        return 0;
    if (!((n - i > 7 && memcmp(s + i, "http://", 7) == 0) ||
          (n - i > 8 && memcmp(s + i, "https://", 8) == 0) ||
          (n - i > 4 && memcmp(s + i, "www.", 4) == 0)))
        return 0;
    while (j < n) {
        int32_t cp;
        size_t len;
        uint32_t c = peek(s, n, j, &cp, &len);
        if ((c & (C_SPACE | TOK_QUOTE)) || cp == '<' || cp == '>' || cp < 0)
            break;
        j += len;
    }
    while (j > i && s[j - 1] != '\0' && strchr(".,;:!?)]}", s[j - 1]))
        j--;
    return j - i;
}

/* 1 when s[j..j+3) are three ASCII digits ending a digit group: not
 * followed by a letter, digit or hyphen ("15 000 человек", not "3 100-km"). */
static int group_follows(const char *s, size_t n, size_t j)
{
    if (n - j < 3 || !kr_isdigit((unsigned char)s[j]) || !kr_isdigit((unsigned char)s[j + 1]) ||
        !kr_isdigit((unsigned char)s[j + 2]))
        return 0;
    return j + 3 == n || (!(cls_at(s, n, j + 3) & C_ALNUM) && !is_hyphen((unsigned char)s[j + 3]));
}

/* Does the dot at s[i] belong to the word s[start..i) (not an initial, not
 * dotted like U.S.)? It does after a known abbreviation and in "No. 5". */
static int dot_belongs(const char *s, size_t n, size_t start, size_t i)
{
    size_t k;
    if (abbr_find(s + start, i - start))
        return 1;
    if (i - start != 2 || (s[start] != 'N' && s[start] != 'n') || s[start + 1] != 'o')
        return 0;
    for (k = i + 1; k < n && s[k] == ' '; k++)
        ;
    return k < n && kr_isdigit((unsigned char)s[k]); /* No. 5 */
}

/* Scans the word, number or URL starting at s[start] (a letter or digit)
 * and pushes it (and a split-off 's or Turkish suffix). Returns the end. */
static size_t scan_word(const char *s, size_t n, size_t start, tvec *tv)
{
    size_t i = start, letters = 0, uppers = 0, seg_letters = 0, seg_digits = 0, j, len, len2 = 0;
    size_t dotted = 0;  /* single letters joined by dots so far: U.S. */
    int dotted_ok = 1;  /* every segment so far a single letter */
    int digits = 0, plus = 0, other_join = 0, group;
    int joins = 0;      /* anything but word characters inside: not TOK_PLAIN */
    unsigned flags = 0, type;
    uint32_t c, nc, last = 0;
    int32_t cp, cp2 = 0;

    if ((len = url_len(s, n, start)) > 0) {
        push(tv, start, start + len, TOK_SYM, 0);
        return start + len;
    }
    for (;;) {
        /* a run of word characters */
        while (i < n) {
            if (letters) {
                /* lower-case ASCII and Cyrillic letters after the first
                 * letter, the bulk of any text, change only the counts */
                size_t lat = 0, cyr = 0;
                for (;;) {
                    unsigned char b = (unsigned char)s[i], b1;
                    if (b >= 'a' && b <= 'z') {
                        lat++;
                        last = ascii_cls[b];
                        if (++i == n)
                            break;
                        continue;
                    }
                    if (i + 1 >= n || (b != 0xD0 && b != 0xD1))
                        break;
                    b1 = (unsigned char)s[i + 1];
                    if (b == 0xD0 ? b1 < 0xB0 || b1 > 0xBF : b1 < 0x80 || b1 > 0x9F)
                        break; /* U+0430..U+045F: а..я, ѐ..џ */
                    cyr++;
                    last = C_LETTER | C_LOWER | TOK_CYRILLIC;
                    if ((i += 2) == n)
                        break;
                }
                letters += lat + cyr;
                seg_letters += lat + cyr;
                if (lat)
                    flags |= TOK_LATIN;
                if (cyr)
                    flags |= TOK_CYRILLIC;
                if (i == n)
                    break;
            }
            c = peek(s, n, i, &cp, &len);
            if (c & C_WORD) {
                if (c & C_LETTER) {
                    if (letters++ == 0 && i == start && (c & C_UPPER))
                        flags |= TOK_CAP;
                    seg_letters++;
                    uppers += (c & C_UPPER) != 0;
                    flags |= c & SCRIPTS;
                } else if (c & C_DIGIT) {
                    seg_digits++;
                    digits = 1;
                } else {
                    joins = 1; /* a mark: search folding may read it otherwise */
                }
                last = c;
                i += len;
            } else if ((c & C_INNER) && (cls_at(s, n, i + len) & C_WORD)) {
                joins = 1;
                i += len;
            } else {
                break;
            }
        }
        if (i >= n || (letters && (cp == ' ' || cp == '\n' || cp == ',')))
            break; /* the usual end of a word: only numbers join across these */
        /* c, cp, len: the character that ended the run; a joiner between two
         * parts of one token? */
        group = 0;
        j = i + len;
        nc = j < n ? peek(s, n, j, &cp2, &len2) : 0;
        if (is_hyphen(cp) && (nc & C_ALNUM)) {
            flags |= TOK_HYPHENATED;
        } else if (is_apos(cp) && (nc & C_LETTER)) {
            /* the letters after the apostrophe, up to the end of the word */
            size_t e = j, el;
            int32_t ecp;
            while (e < n && (peek(s, n, e, &ecp, &el) & (C_LETTER | C_MARK)))
                e += el;
            if (!(cls_at(s, n, e) & C_ALNUM)) {
                size_t pi = i;
                int32_t pc = utf8_prev(s, &pi); /* the character before the apostrophe */
                int stem_ok = (flags & TOK_CAP) || (letters == 0 && digits);
                int consonant = (last & C_DIGIT) || ((last & C_LETTER) && !tr_vowel(pc));
                int split = 0;
                if (e - j == 1 && (s[j] == 's' || s[j] == 'S') && (last & (TOK_LATIN | C_DIGIT)))
                    split = 1; /* Iran's -> Iran 's */
                else if (stem_ok && tr_suffix(s + j, e - j) && (consonant || !tr_vowel(cp2)))
                    split = 1; /* Türkiye'nin -> Türkiye 'nin; Sana'a stays */
                if (split) {
                    type = (letters == 0 && digits && !plus) ? TOK_NUM : TOK_WORD;
                    if (letters >= 2 && uppers == letters)
                        flags |= TOK_UPPER;
                    push(tv, start, i, type, joins ? flags : flags | TOK_PLAIN);
                    push(tv, i, e, TOK_WORD, TOK_LATIN);
                    return e;
                }
            }
        } else if (cp == '.') {
            if ((last & C_DIGIT) && (nc & C_DIGIT) && seg_letters == 0) {
                /* 3.5, 20.09.2023 */
            } else if (dotted_ok && seg_letters == 1 && seg_digits == 0 && (nc & C_LETTER) &&
                       j + len2 < n && s[j + len2] == '.') {
                dotted++; /* U.S., т.е. */
                seg_letters = seg_digits = 0;
                joins = 1;
                i = j;
                continue;
            } else if (dotted && dotted_ok && seg_letters == 1 && seg_digits == 0 && j < n &&
                       s[j] == '-' && (cls_at(s, n, j + 1) & C_ALNUM)) {
                /* U.S.-led: the final dot, then a hyphen */
                flags |= TOK_HYPHENATED;
                dotted = 0;
                dotted_ok = 0;
                seg_letters = seg_digits = 0;
                joins = 1;
                i = j + 1;
                continue;
            } else {
                break;
            }
        } else if ((cp == ',' || cp == ':' || cp == '/' || cp == 0x2013) && (last & C_DIGIT) &&
                   (nc & C_DIGIT) && letters == 0) {
            /* 1,000 12:00 24/7 2020–2022 */
        } else if ((cp == '+' || cp == '&') && (last & C_ALNUM) && (nc & C_ALNUM)) {
            plus |= cp == '+'; /* 3+3, P5+1, AT&T */
        } else if (cp == '%' && letters == 0 && (last & C_DIGIT)) {
            joins = 1;
            i = j;
            break;
        } else if ((cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009) && letters == 0 &&
                   !other_join && seg_digits >= 1 && seg_digits <= 3 && group_follows(s, n, j)) {
            /* digit groups: 1 960, 15 000 000 (space or no-break space) */
            group = 1;
        } else {
            break;
        }
        if (!group)
            other_join = 1;
        dotted_ok = 0;
        seg_letters = seg_digits = 0;
        joins = 1;
        i = j;
    }

    if (letters >= 2 && uppers == letters)
        flags |= TOK_UPPER;
    type = (letters == 0 && digits && !plus) ? TOK_NUM : TOK_WORD;
    /* an abbreviation keeps its final dot; "..." after a word is an ellipsis */
    if (i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] == '.') && type == TOK_WORD) {
        int ab = 0;
        if (dotted && dotted_ok) {
            ab = 1;
        } else if (i - start <= 16 && !(flags & TOK_HYPHENATED) && !plus) {
            int32_t f;
            size_t fi = start;
            f = utf8_next(s, n, &fi);
            if (letters == 1 && !digits && fi == i && (flags & TOK_CAP) && f != 'I')
                ab = 1; /* initial: A. Lukashenko, В. Путин */
            else
                ab = dot_belongs(s, n, start, i);
        }
        if (ab) {
            i++;
            flags |= TOK_ABBR;
            joins = 1;
        }
    }
    push(tv, start, i, type, joins ? flags : flags | TOK_PLAIN);
    return i;
}

/* Index of the first byte of x (in memory order) with its high bit set;
 * x has one. */
static inline size_t first_high(uint64_t x)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(x) >> 3;
#else
    unsigned char b[8];
    size_t k = 0;
    memcpy(b, &x, 8);
    while (!(b[k] & 0x80))
        k++;
    return k;
#endif
}

/* End of the run of ASCII lower-case letters from u[i], eight bytes at a
 * time: most of an English word. */
static size_t lower_run(const unsigned char *u, size_t n, size_t i)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, high = 0x8080808080808080ULL;
    while (n - i >= 8) {
        uint64_t x, y, in;
        memcpy(&x, u + i, 8);
        y = x & low7; /* no carries between bytes below */
        /* high bit of each byte: at least 'a' (0x61), not above 'z' (0x7A), ASCII */
        in = (y + 0x1F1F1F1F1F1F1F1FULL) & ~(y + 0x0505050505050505ULL) & ~x & high;
        if (in != high)
            return i + first_high(~in & high);
        i += 8;
    }
    while (i < n && (unsigned char)(u[i] - 'a') < 26)
        i++;
    return i;
}

/* End of the run of Russian lower-case letters (U+0430..U+045F: D0 B0..BF,
 * D1 80..9F) from u[i]; four letters at a time where the byte order lets
 * eight bytes be read as four letters, each lead byte the low half. */
static size_t cyr_lower_run(const unsigned char *u, size_t n, size_t i)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t lanes = 0x00FF00FF00FF00FFULL, top = 0x8000800080008000ULL;
    while (n - i >= 8) {
        uint64_t x, z, v, bad;
        memcpy(&x, u + i, 8);
        /* zero in a lane when its lead is D0 or D1 and its second byte a continuation */
        z = (x & 0xC0FEC0FEC0FEC0FEULL) ^ 0x80D080D080D080D0ULL;
        /* the letter's offset from U+0400 when it is one: (lead - D0) * 64 + (second - 0x80) */
        x ^= 0x80D080D080D080D0ULL;
        v = ((x >> 8) & lanes) + ((x & lanes) << 6);
        /* the high bit of each lane: z not zero, or v outside 0x30..0x5F */
        bad = ((((z & ~top) + ~top) | z) | ~((v + 0x7FD07FD07FD07FD0ULL) & ~(v + 0x7FA07FA07FA07FA0ULL))) & top;
        if (bad)
            return i + (first_high(bad) & ~(size_t)1);
        i += 8;
    }
#endif
    while (n - i >= 2 && (u[i] == 0xD0 ? (u[i + 1] & 0xF0) == 0xB0 : u[i] == 0xD1 && (u[i + 1] & 0xE0) == 0x80))
        i += 2;
    return i;
}

/* Characters from '&' to ':' after which a plain word may go on: & ' + - .
 * digits (joined), ':' (after "http"). */
#define MAY_JOIN                                                                                   \
    ((1ul << ('&' - '&')) | (1ul << ('\'' - '&')) | (1ul << ('+' - '&')) | (1ul << ('-' - '&')) |  \
     (1ul << ('.' - '&')) | (0x3FFul << ('0' - '&')) | (1ul << (':' - '&')))

/* First bytes of the characters of plain words (scan_plain): ASCII letters
 * by case and the lead bytes of Russian Cyrillic. */
enum { PW_LOWER = 1, PW_UPPER, PW_D0, PW_D1 };
#define LO PW_LOWER
#define UP PW_UPPER
#define D0 PW_D0
#define D1 PW_D1
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 30 */
    0, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* 40 */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, 0, 0, 0, 0, 0, /* 50 */
    0, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* 60 */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, 0, 0, 0, 0, 0, /* 70 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 80 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 90 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* A0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* B0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* C0 */
    D0, D1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* D0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* E0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* F0 */
};
#undef LO
#undef UP
#undef D0
#undef D1

/* The word of nearly every token: letters of ASCII and of Russian Cyrillic
 * (U+0400..U+045F) only, in any case, ended by the end of the text or by a
 * character that cannot join it to more (a space, a comma, a quote; a dot
 * after two letters or more, which is an abbreviation's or the sentence's).
 * Pushes it with the flags scan_word would give and returns its end, or
 * returns 0 for scan_word to decide: digits, hyphens, apostrophes, other
 * letters, marks, single letters before a dot (U.S., initials), URLs. */
static size_t scan_plain(const char *s, size_t n, size_t start, tvec *tv)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = start;
    uint32_t seen = 0, c; /* C_UPPER, C_LOWER and the scripts of the letters */
    unsigned flags;
    int one;              /* a single letter */
    while (i < n) {
        unsigned char b = u[i];
        if ((unsigned char)(b - 'a') < 26) {
            seen |= C_LOWER | TOK_LATIN;
            i = lower_run(u, n, i + 1);
        } else if (b < 0x80) {
            if (!((c = ascii_cls[b]) & C_LETTER))
                break;
            seen |= c;
            i++;
        } else if ((b == 0xD0 && i + 1 < n && (u[i + 1] & 0xF0) == 0xB0) ||
                   (b == 0xD1 && i + 1 < n && (u[i + 1] & 0xE0) == 0x80)) {
            seen |= TOK_CYRILLIC | C_LOWER;
            i = cyr_lower_run(u, n, i + 2);
        } else if (b == 0xD0 && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
            seen |= TOK_CYRILLIC | (u[i + 1] < 0xB0 ? C_UPPER : C_LOWER); /* Ѐ..Я а..п */
            i += 2;
        } else if (b == 0xD1 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] < 0xA0) {
            seen |= TOK_CYRILLIC | C_LOWER; /* р..я ѐ..џ */
            i += 2;
        } else {
            break;
        }
    }
    if (i == start)
        return 0;
    flags = seen & (TOK_LATIN | TOK_CYRILLIC);
    if ((unsigned char)(u[start] - 'A') < 26 || (u[start] == 0xD0 && u[start + 1] < 0xB0))
        flags |= TOK_CAP;
    one = i - start == (u[start] < 0x80 ? 1u : 2u);
    if (!(seen & C_LOWER) && !one)
        flags |= TOK_UPPER;
    if (i < n) {
        unsigned char b = u[i];
        if (b >= 0x80) {
            int32_t cp;
            size_t len;
            if ((peek(s, n, i, &cp, &len) & (C_WORD | C_INNER)) || is_hyphen(cp) || is_apos(cp))
                return 0;
        } else if ((unsigned char)(b - '&') <= ':' - '&' && ((MAY_JOIN >> (b - '&')) & 1)) {
            /* & ' + - digits join; : and . may be a URL's ("http:", "www.") */
            if (b == ':') {
                if (u[start] == 'h' && url_len(s, n, start))
                    return 0;
            } else if (b != '.' || one || (u[start] == 'w' && url_len(s, n, start))) {
                return 0;
            } else if (!(i + 1 < n && s[i + 1] == '.') && i - start <= 16 && dot_belongs(s, n, start, i)) {
                push(tv, start, i + 1, TOK_WORD, flags | TOK_ABBR);
                return i + 1;
            }
        }
    }
    push(tv, start, i, TOK_WORD, flags | TOK_PLAIN);
    return i;
}

static int tokenize(const char *s, size_t n, size_t from, tvec *tv);

/* The array is nearly full at s[i]: count the tokens still to come and
 * move to an array that holds them all. */
static int regrow(const char *s, size_t n, size_t i, tvec *tv)
{
    tvec count = {NULL, 0, 0, tv->a};
    tok_token *v;
    size_t cap;
    tokenize(s, n, i, &count); /* counting cannot fail */
    cap = tv->n + count.n + 2;
    if (cap < tv->n || cap > SIZE_MAX / sizeof *v || !(v = arena_alloc(tv->a, cap * sizeof *v)))
        return KR_ENOMEM;
    memcpy(v, tv->v, tv->n * sizeof *v);
    tv->v = v;
    tv->cap = cap;
    return 0;
}

/* Cuts text[from..n) into tokens (or counts them when tv->v is NULL). */
static int tokenize(const char *s, size_t n, size_t from, tvec *tv)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = from, start, len, e;
    int32_t cp;
    uint32_t c;
    int rc = 0;
    while (i < n && rc == 0) {
        unsigned char b = u[i];
        if (b == ' ' || b == '\n') {
            i++;
            continue;
        }
        /* a token may push two (Iran 's); keep room for them */
        if (tv->v && tv->cap - tv->n < 2 && (rc = regrow(s, n, i, tv)) != 0)
            break;
        if (plain_byte[b] && (e = scan_plain(s, n, i, tv))) {
            i = e + (e < n && u[e] == ' '); /* the usual space after a word */
            continue;
        }
        c = peek(s, n, i, &cp, &len);
        if (c & (C_SPACE | C_INNER)) {
            i += len;
            continue;
        }
        if (c & C_ALNUM) {
            i = scan_word(s, n, i, tv);
            continue;
        }
        start = i;
        i += len;
        if (cp == '.' || cp == '!' || cp == '?') {
            /* "...", "?!": one token */
            while (i < n && (s[i] == '.' || s[i] == '!' || s[i] == '?'))
                i++;
        } else if (cp == '-') {
            while (i < n && s[i] == '-')
                i++; /* "--" stands for a dash */
        }
        push(tv, start, i, (c & (C_SYM | C_MARK)) ? TOK_SYM : TOK_PUNCT, c & (TOK_QUOTE | TOK_DASH));
    }
    return rc;
}

/* ---- sentences ---- */

static int32_t first_cp(const char *s, const tok_token *t)
{
    size_t i = t->span.start;
    return utf8_next(s, t->span.end, &i);
}

static int is_terminal(const char *s, const tok_token *t)
{
    unsigned char c = (unsigned char)s[t->span.start];
    if (t->type != TOK_PUNCT || (c < 0x80 && c != '.' && c != '!' && c != '?'))
        return 0;
    switch (first_cp(s, t)) {
    case '.': case '!': case '?':
    case 0x2026: /* … */
    case 0x0589: /* Armenian full stop */
    case 0x061F: case 0x06D4: /* Arabic question mark, full stop */
    case 0x0964: case 0x0965: /* danda */
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:
        return 1;
    default:
        return 0;
    }
}

static int is_bullet(const char *s, const tok_token *t)
{
    if ((t->type != TOK_PUNCT && t->type != TOK_SYM) || (unsigned char)s[t->span.start] != 0xE2)
        return 0;
    switch (first_cp(s, t)) {
    case 0x2022: case 0x2023: case 0x2043: case 0x25A0: case 0x25AA: case 0x25AB:
    case 0x25B8: case 0x25BA: case 0x25CF: case 0x25E6:
        return 1;
    default:
        return 0;
    }
}

/* Closing quote or bracket (a quote counts when it touches the terminal). */
static int is_closer(const char *s, const tok_token *t)
{
    int32_t cp;
    if (t->type != TOK_PUNCT)
        return 0;
    if (t->flags & TOK_QUOTE)
        return 1;
    cp = first_cp(s, t);
    return cp == ')' || cp == ']' || cp == '}' || (cp > 0x7F && u_charType(cp) == U_END_PUNCTUATION);
}

static int is_opener(const char *s, const tok_token *t)
{
    int32_t cp;
    if (t->type != TOK_PUNCT)
        return 0;
    if (t->flags & TOK_QUOTE)
        return 1;
    cp = first_cp(s, t);
    return cp == '(' || cp == '[' || cp == '{' || (cp > 0x7F && u_charType(cp) == U_START_PUNCTUATION);
}

/* A word or number that may start a sentence: capitalized, a digit first,
 * or a letter of a script without capitals (Arabic, Georgian, CJK). */
static int cap_start(const char *s, const tok_token *t)
{
    int32_t cp;
    int8_t ct;
    if (t->flags & TOK_CAP || t->type == TOK_NUM)
        return 1;
    if (t->type != TOK_WORD)
        return 0;
    cp = first_cp(s, t);
    if (cp < 0x80)
        return kr_isdigit(cp);
    if (script_of(cp) == TOK_GEORGIAN)
        return 1; /* Mkhedruli is lower case to Unicode, but Georgian has no capitals */
    ct = (int8_t)u_charType(cp);
    return ct == U_OTHER_LETTER || ct == U_MODIFIER_LETTER || ct == U_DECIMAL_DIGIT_NUMBER;
}

/* May tokens[k] start a sentence after a terminal? */
static int starts_sentence(const char *s, const tok_token *t, size_t k, size_t nt)
{
    const tok_token *c = &t[k];
    switch (c->type) {
    case TOK_WORD:
    case TOK_NUM:
        return cap_start(s, c);
    case TOK_SYM:
        return 1;
    default:
        if (c->flags & TOK_DASH)
            /* Russian direct speech: "?» — спросил он" goes on */
            return !(k + 1 < nt && t[k + 1].type == TOK_WORD && !cap_start(s, &t[k + 1]));
        return is_opener(s, c) || is_bullet(s, c);
    }
}

static int is_roman(const char *s, const tok_token *t)
{
    size_t i;
    for (i = t->span.start; i < t->span.end; i++)
        if (!strchr("IVXLC", s[i]) || s[i] == '\0')
            return 0;
    return 1;
}

static int en_starter(const char *s, const tok_token *t)
{
    size_t j;
    for (j = 0; j < sizeof en_starters / sizeof en_starters[0]; j++)
        if (span_is(s, t->span, en_starters[j]))
            return 1;
    return 0;
}

/* Does the sentence end between the terminal tokens[term] (with any
 * closing quotes after it) and tokens[k]? */
static int ends_before(const char *s, const tok_token *t, size_t term, size_t k, size_t nt)
{
    const tok_token *tm = &t[term], *c = &t[k];
    if (tm->flags & TOK_ABBR) {
        switch (abbr_class(s, tm->span)) {
        case AB_EN:
            return c->type == TOK_WORD && en_starter(s, c);
        case AB_ETC:
            return starts_sentence(s, t, k, nt);
        case AB_NUM:
            return term > 0 && (t[term - 1].type == TOK_NUM || is_roman(s, &t[term - 1])) &&
                   (c->flags & TOK_CAP);
        case AB_AFTER_I:
            return term > 0 && span_is(s, t[term - 1].span, "и") && (c->flags & TOK_CAP);
        case AB_AFTER_T:
            return term > 0 && span_is(s, t[term - 1].span, "т.") && (c->flags & TOK_CAP);
        default:
            return 0;
        }
    }
    if (tm->span.end - tm->span.start == 1 && s[tm->span.start] == ':')
        return (c->flags & TOK_ARMENIAN) && (c->flags & TOK_CAP);
    return starts_sentence(s, t, k, nt);
}

/* May tokens[k] end a sentence (before closing quotes and a capital)? */
static int terminal_candidate(const char *s, const tok_token *t, size_t k)
{
    if (t[k].flags & TOK_ABBR)
        return abbr_class(s, t[k].span) != AB_NEVER;
    if (is_terminal(s, &t[k]))
        return 1;
    /* Armenian text typed on Latin keyboards uses ':' for the full stop "։" */
    return k > 0 && (t[k - 1].flags & TOK_ARMENIAN) && span_is(s, t[k].span, ":");
}

static size_t nchars(const char *s, size_t a, size_t b)
{
    size_t k = 0;
    for (; a < b; a++)
        k += ((unsigned char)s[a] & 0xC0) != 0x80;
    return k;
}

/* A single line feed before tokens[k] ends a sentence when the line before
 * ends in a word, number or closing quote without final punctuation (a
 * title, a list line), the next line starts like a sentence, and the line
 * break was put there on purpose: the next line's first word would have fit
 * on the line before, had the text been wrapped at the next line's width. */
static int line_ends(const char *s, size_t n, const tok_token *t, size_t k, size_t nt, size_t line_first)
{
    const tok_token *p = &t[k - 1], *c = &t[k];
    const char *nl;
    size_t eol;
    if (!(p->type == TOK_WORD || p->type == TOK_NUM || p->type == TOK_SYM || is_closer(s, p)))
        return 0;
    if (!starts_sentence(s, t, k, nt))
        return 0;
    nl = memchr(s + c->span.start, '\n', n - c->span.start);
    eol = nl ? (size_t)(nl - s) : n;
    return nchars(s, t[line_first].span.start, p->span.end) + 1 + nchars(s, c->span.start, c->span.end) <=
           nchars(s, c->span.start, eol);
}

/* May a punctuation token starting with byte b be a terminal candidate? The
 * ASCII ones are . ! ? and the Armenian ':'; commas, quotes and brackets,
 * most of the punctuation, are not. */
static int may_end(char b)
{
    return b == '.' || b == '!' || b == '?' || b == ':' || (unsigned char)b >= 0x80;
}

/* Marks TOK_SENT_START / TOK_PARA_START and returns the number of sentences. */
static size_t split(const char *s, size_t n, tok_token *t, size_t nt)
{
    size_t k, nsents = 1, len = 1, term = 0, line_first = 0;
    int pend;
    if (nt == 0)
        return 0;
    t[0].flags |= TOK_SENT_START | TOK_PARA_START;
    pend = terminal_candidate(s, t, 0);
    for (k = 1; k < nt; k++) {
        tok_token *p = &t[k - 1], *c = &t[k];
        size_t g, nl = 0;
        int brk = 0, para = 0, gap = c->span.start > p->span.end;
        /* most tokens: a word in mid-sentence after at most one space, which
         * none of the tests below would break before or keep pending */
        if (!pend && (c->type == TOK_WORD || c->type == TOK_NUM) && !(c->flags & TOK_ABBR) &&
            len < TOK_MAX_SENT && (!gap || (c->span.start - p->span.end == 1 && s[p->span.end] == ' '))) {
            len++;
            continue;
        }
        for (g = p->span.end; g < c->span.start; g++)
            nl += s[g] == '\n';
        if (nl >= 2)
            brk = para = 1;
        else if (len >= TOK_MAX_SENT)
            brk = 1;
        else if ((unsigned char)s[c->span.start] == 0xE2 && is_bullet(s, c))
            brk = 1;
        else if (nl && (c->flags & TOK_DASH) && p->type != TOK_PUNCT)
            brk = 1; /* a line opening with a dash: a list item or a line of dialogue */
        else if (pend && gap)
            brk = ends_before(s, t, term, k, nt);
        else if (nl == 1 && !pend)
            brk = line_ends(s, n, t, k, nt, line_first);
        if (nl)
            line_first = k;
        if (brk) {
            c->flags |= TOK_SENT_START | (para ? TOK_PARA_START : 0);
            nsents++;
            len = 1;
        } else {
            len++;
        }
        /* closing quotes and brackets touching a terminal keep it pending */
        if (((c->flags & TOK_ABBR) || (c->type == TOK_PUNCT && may_end(s[c->span.start]))) &&
            terminal_candidate(s, t, k)) {
            pend = 1;
            term = k;
        } else if (!(pend && !gap && !brk && is_closer(s, c))) {
            pend = 0;
        }
    }
    return nsents;
}

int tok_run(const char *text, size_t n, size_t from, kr_arena *a, tok_doc *out, kr_error *err)
{
    tvec tv = {NULL, 0, 0, a};
    tok_doc d = {NULL, 0, NULL, 0};
    size_t k, j;
    if (from > n)
        return kr_errorf(err, KR_EUSAGE, "tokenizer: start %zu is beyond the text (%zu bytes)", from, n);
    if (!text && n > 0)
        return kr_errorf(err, KR_EUSAGE, "tokenizer: no text");
    pthread_once(&abbr_ends_once, fill_abbr_ends); /* for abbr_find */
    if (n > from) {
        tv.cap = (n - from) / 4 + 16;
        if (tv.cap > SIZE_MAX / sizeof *tv.v || !(tv.v = arena_alloc(a, tv.cap * sizeof *tv.v)))
            goto fail;
    }
    if (tokenize(text, n, from, &tv) != 0)
        goto fail;
    d.nsents = split(text, n, tv.v, tv.n);
    d.ntokens = tv.n;
    if (d.ntokens) {
        d.tokens = tv.v;
        if (!(d.sents = arena_alloc(a, d.nsents * sizeof(tok_sent))))
            goto fail;
        /* each sentence closed when the next one starts, the last at the end */
        d.sents[0].first = 0;
        d.sents[0].span.start = d.tokens[0].span.start;
        for (k = 1, j = 0; k < d.ntokens; k++)
            if (d.tokens[k].flags & TOK_SENT_START) {
                d.sents[j].count = k - d.sents[j].first;
                d.sents[j].span.end = d.tokens[k - 1].span.end;
                j++;
                d.sents[j].first = k;
                d.sents[j].span.start = d.tokens[k].span.start;
            }
        d.sents[j].count = k - d.sents[j].first;
        d.sents[j].span.end = d.tokens[k - 1].span.end;
    }
    *out = d;
    return 0;
fail:
    return kr_errorf(err, KR_ENOMEM, "tokenizer: out of memory (%zu tokens)", tv.n);
}

const char *tok_type_name(unsigned type)
{
    switch (type) {
    case TOK_WORD: return "WORD";
    case TOK_NUM: return "NUM";
    case TOK_PUNCT: return "PUNCT";
    case TOK_SYM: return "SYM";
    default: return "?";
    }
}
