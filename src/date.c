/* date.c: Gregorian date arithmetic (days-from-civil) and the reading of
 * month and weekday names and whole dates in English, Russian (Cyrillic and
 * Latin transliteration), Azerbaijani and Turkish. */
#include "date.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

#include "kr.h"
#include "utf8.h"

/* Longest folded word compared against the name tables ("воскресеньем" is 24
 * bytes, "çərşənbə axşamı" folds to 15): longer input is never a name. */
#define FOLD_MAX 48

/* ---- Calendar ---------------------------------------------------------- */

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int date_valid(kr_date dt)
{
    return dt.y >= 1900 && dt.y <= 2100 && dt.m >= 1 && dt.m <= 12 && dt.d >= 1 &&
           dt.d <= days_in_month(dt.y, dt.m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms"): the year is shifted to
 * start in March so the leap day falls at its end. */
static long days_from_civil(long y, int m, int d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static kr_date civil_from_days(long z)
{
    long era, doe, yoe, y, doy, mp;
    kr_date dt;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    dt.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    dt.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    dt.y = (int)(y + (dt.m <= 2));
    return dt;
}

int date_dow(kr_date dt)
{
    long z;
    if (dt.y == 0)
        return 0;
    z = days_from_civil(dt.y, dt.m, dt.d);
    /* 1970-01-01 was a Thursday (4). */
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

kr_date date_add_days(kr_date dt, int days)
{
    if (dt.y == 0)
        return dt;
    return civil_from_days(days_from_civil(dt.y, dt.m, dt.d) + days);
}

static void put_digits(char *o, int v, int width)
{
    int k;
    if (v < 0)
        v = -v;
    for (k = width - 1; k >= 0; k--) {
        o[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

void date_format(kr_date dt, char out[11])
{
    if (dt.y == 0) {
        out[0] = '\0';
        return;
    }
    put_digits(out, dt.y, 4);
    out[4] = '-';
    put_digits(out + 5, dt.m, 2);
    out[7] = '-';
    put_digits(out + 8, dt.d, 2);
    out[10] = '\0';
}

/* ---- Name folding ------------------------------------------------------ */

static int is_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x02B9;
}

static int is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

/* Folds the name s[0..n) for table lookup: lower case; Cyrillic ё -> е;
 * Turkish and Azerbaijani letters to their ASCII base (ç->c, ğ->g, ı/İ->i,
 * ö->o, ş->s, ü->u, ə->e, circumflexes dropped), so "AĞUSTOS", "Ağustos"
 * and "Agustos" meet. Inner runs of spaces become one ' '. The word ends at
 * an apostrophe: "Eylül'de", "September's", "Sentyabr'" keep the part
 * before it. Returns the folded length, or 0 when s holds anything but
 * letters of those scripts, spaces and apostrophes. */
static size_t fold_name(const char *s, size_t n, char out[FOLD_MAX])
{
    size_t i = 0, o = 0;
    int space = 0;
    if (n == 0 || n > 2 * FOLD_MAX)
        return 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        int32_t c;
        if (b < 0x80) {
            c = b;
            i++;
        } else if ((c = utf8_two(s, n, i)) >= 0) {
            i += 2;
        } else {
            c = utf8_next(s, n, &i);
        }
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (c >= 'a' && c <= 'z')
            ;
        else if (is_space_cp(c)) {
            space = o > 0;
            continue;
        } else if (is_apostrophe(c)) {
            if (o == 0)
                return 0;
            break;
        } else if (c >= 0x410 && c <= 0x42F)
            c += 0x20;
        else if (c >= 0x430 && c <= 0x44F)
            ;
        else if (c == 0x401 || c == 0x451)
            c = 0x435;
        else if (c >= 0x400 && c <= 0x40F)
            c += 0x50;
        else if (c >= 0x450 && c <= 0x45F)
            ;
        else {
            switch (c) {
            case 0xC7: case 0xE7: c = 'c'; break;
            case 0xD6: case 0xF6: c = 'o'; break;
            case 0xDC: case 0xFC: case 0xDB: case 0xFB: c = 'u'; break;
            case 0xC2: case 0xE2: c = 'a'; break;
            case 0xCE: case 0xEE: case 0x130: case 0x131: c = 'i'; break;
            case 0x15E: case 0x15F: c = 's'; break;
            case 0x11E: case 0x11F: c = 'g'; break;
            case 0x18F: case 0x259: c = 'e'; break;
            default: return 0;
            }
        }
        if (space) {
            if (o + 1 > FOLD_MAX)
                return 0;
            out[o++] = ' ';
            space = 0;
        }
        if (c < 0x80) {
            if (o + 1 > FOLD_MAX)
                return 0;
            out[o++] = (char)c;
        } else {
            /* Only Cyrillic (two bytes) gets here. */
            if (o + 2 > FOLD_MAX)
                return 0;
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return o;
}

/* A name is a stem plus one of the endings in `ends`, a '|'-separated list
 * in which an empty item allows the bare stem; NULL `ends` means the bare
 * stem only. */
typedef struct name_entry {
    const char *stem;
    unsigned char len;
    signed char val;
    const char *ends;
} name_entry;

#define N(stem, ends, val) {stem, sizeof(stem) - 1, val, ends}

/* Russian endings, folded (ё -> е): soft-stem months (январь: -ь -я -е -ю -ём)
 * and hard-stem ones (март: - -а -е -у -ом). */
#define RU_SOFT "ь|я|е|ю|ем"
#define RU_HARD "|а|е|у|ом"
/* Latin-script soft stems: Russian case endings as transliterated (BGN -ya,
 * scholarly -ja, LC -ia; -e, -yu, -yem/-yom) plus the Azerbaijani suffixes
 * folded (-ın/-in, -da/-də, -dan/-dən, -a/-ə, -ı/-i, -un, -u). */
#define LAT_SOFT "|ya|ja|ia|ye|je|e|yu|ju|iu|em|yem|jem|yom|jom|iem|iom|in|un|da|de|dan|den|a|i|u"
/* Latin-script hard stems (mart, avgust/avqust): Russian -a -e -u -om,
 * Azerbaijani -un -da -dan -ı/-u, Turkish -ta -tan. "Martin" is left out on
 * purpose: it is far more often the name. */
#define LAT_HARD "|a|e|u|om|un|da|dan|i|ta|tan|te|ten"
/* Turkish months without an apostrophe: locative, ablative, genitive. */
#define TR_SUF "|da|de|ta|te|dan|den|tan|ten|in|un|nin|nun"

static const name_entry month_names[] = {
    /* English. */
    N("january", NULL, 1), N("jan", NULL, 1),
    N("february", NULL, 2), N("feb", NULL, 2),
    N("march", NULL, 3), N("mar", NULL, 3),
    N("april", NULL, 4), N("apr", NULL, 4),
    N("may", "|a|e|ye|u|yu|em|yem|in|da|dan|i", 5), /* also ru-Latn, az */
    N("june", NULL, 6), N("jun", NULL, 6),
    N("july", NULL, 7), N("jul", NULL, 7),
    N("august", NULL, 8), N("aug", NULL, 8),
    N("september", NULL, 9), N("sept", NULL, 9), N("sep", NULL, 9),
    N("october", NULL, 10), N("oct", NULL, 10),
    N("november", NULL, 11), N("nov", NULL, 11),
    N("december", NULL, 12), N("dec", NULL, 12),
    /* Russian, every case, and the dotted abbreviations without the dot. */
    N("январ", RU_SOFT, 1), N("янв", NULL, 1),
    N("феврал", RU_SOFT, 2), N("фев", NULL, 2), N("февр", NULL, 2),
    N("март", RU_HARD, 3), N("мар", NULL, 3),
    N("апрел", RU_SOFT, 4), N("апр", NULL, 4),
    N("ма", "й|я|е|ю|ем", 5),
    N("июн", "|" RU_SOFT, 6), /* bare "июн." is the abbreviation */
    N("июл", "|" RU_SOFT, 7),
    N("август", RU_HARD, 8), N("авг", NULL, 8),
    N("сентябр", RU_SOFT, 9), N("сен", NULL, 9), N("сент", NULL, 9),
    N("октябр", RU_SOFT, 10), N("окт", NULL, 10),
    N("ноябр", RU_SOFT, 11), N("ноя", NULL, 11), N("нояб", NULL, 11),
    N("декабр", RU_SOFT, 12), N("дек", NULL, 12),
    /* Azerbaijani and Russian in Latin letters (shared spellings). */
    N("yanvar", LAT_SOFT, 1), N("janvar", LAT_SOFT, 1), N("ianvar", LAT_SOFT, 1),
    N("fevral", LAT_SOFT, 2),
    N("mart", LAT_HARD, 3),
    N("aprel", LAT_SOFT, 4),
    N("maj", "|a|ja|e|je|u|ju|em|jem", 5), N("mai", NULL, 5),
    N("iyun", LAT_SOFT, 6), N("ijun", LAT_SOFT, 6),
    N("iyul", LAT_SOFT, 7), N("ijul", LAT_SOFT, 7),
    N("avgust", LAT_HARD, 8), N("avqust", LAT_HARD, 8),
    N("sentyabr", LAT_SOFT, 9), N("sentjabr", LAT_SOFT, 9), N("sentiabr", LAT_SOFT, 9),
    N("oktyabr", LAT_SOFT, 10), N("oktjabr", LAT_SOFT, 10), N("oktiabr", LAT_SOFT, 10),
    N("noyabr", LAT_SOFT, 11), N("nojabr", LAT_SOFT, 11), N("noiabr", LAT_SOFT, 11),
    N("dekabr", LAT_SOFT, 12),
    /* Turkish, folded to ASCII ("mart" is above). */
    N("ocak", TR_SUF, 1), N("subat", TR_SUF, 2), N("nisan", TR_SUF, 4),
    N("mayis", TR_SUF, 5), N("haziran", TR_SUF, 6), N("temmuz", TR_SUF, 7),
    N("agustos", TR_SUF, 8), N("eylul", TR_SUF, 9), N("ekim", TR_SUF, 10),
    N("kasim", TR_SUF, 11), N("aralik", TR_SUF, 12),
};

static const name_entry weekday_names[] = {
    /* English. */
    N("monday", NULL, 1), N("mon", NULL, 1),
    N("tuesday", NULL, 2), N("tue", NULL, 2), N("tues", NULL, 2),
    N("wednesday", NULL, 3), N("wed", NULL, 3),
    N("thursday", NULL, 4), N("thu", NULL, 4), N("thur", NULL, 4), N("thurs", NULL, 4),
    N("friday", NULL, 5), N("fri", NULL, 5),
    N("saturday", NULL, 6), N("sat", NULL, 6),
    N("sunday", NULL, 7), N("sun", NULL, 7),
    /* Russian, every singular case. */
    N("понедельник", "|а|у|е|ом", 1),
    N("вторник", "|а|у|е|ом", 2),
    N("сред", "а|у|ы|е|ой|ою", 3),
    N("четверг", "|а|у|е|ом", 4),
    N("пятниц", "а|у|ы|е|ей|ею", 5),
    N("суббот", "а|у|ы|е|ой|ою", 6),
    N("воскресень", "е|я|ю|ем", 7),
    /* Azerbaijani: the two-word names when passed whole, and the one-word
     * ones (a lone "çərşənbə" or "cümə" is Wednesday or Friday). */
    N("bazar ertesi", NULL, 1),
    N("cersenbe axsami", NULL, 2),
    N("cersenbe", NULL, 3),
    N("cume axsami", NULL, 4),
    N("cume", NULL, 5),
    N("senbe", NULL, 6),
    N("bazar", NULL, 7),
    /* Turkish, folded to ASCII. */
    N("pazartesi", NULL, 1), N("sali", NULL, 2), N("carsamba", NULL, 3),
    N("persembe", NULL, 4), N("cuma", NULL, 5), N("cumartesi", NULL, 6),
    N("pazar", NULL, 7),
};

#undef N

/* 1 when the '|'-list `ends` holds exactly r[0..rn). */
static int has_ending(const char *ends, const char *r, size_t rn)
{
    const char *p = ends;
    for (;;) {
        const char *q = p;
        while (*q && *q != '|')
            q++;
        if ((size_t)(q - p) == rn && memcmp(p, r, rn) == 0)
            return 1;
        if (!*q)
            return 0;
        p = q + 1;
    }
}

/* A table of names with a filter over the first three bytes of its stems
 * (every stem has three at least): most words that reach a lookup are no
 * month and no weekday, and the filter turns them away before the loop. */
typedef struct name_table {
    const name_entry *e;
    size_t count;
    uint64_t starts[64]; /* bit head3() of every stem */
} name_table;

static unsigned head3(const char *f)
{
    uint32_t x = (unsigned char)f[0] | (unsigned char)f[1] << 8 | (uint32_t)(unsigned char)f[2] << 16;
    return (x * 2654435761u) >> 20; /* 12 bits */
}

static name_table months = {month_names, sizeof month_names / sizeof month_names[0], {0}};
static name_table weekdays = {weekday_names, sizeof weekday_names / sizeof weekday_names[0], {0}};
static pthread_once_t filters_once = PTHREAD_ONCE_INIT;

static void fill_filter(name_table *t)
{
    size_t k;
    for (k = 0; k < t->count; k++) {
        unsigned h = head3(t->e[k].stem);
        t->starts[h >> 6] |= (uint64_t)1 << (h & 63);
    }
}

static void fill_filters(void)
{
    fill_filter(&months);
    fill_filter(&weekdays);
}

static int lookup(name_table *t, const char *s, size_t n)
{
    char f[FOLD_MAX];
    size_t fn = fold_name(s, n, f), k;
    unsigned h;
    if (fn < 3)
        return 0;
    pthread_once(&filters_once, fill_filters);
    h = head3(f);
    if (!((t->starts[h >> 6] >> (h & 63)) & 1))
        return 0;
    for (k = 0; k < t->count; k++) {
        const name_entry *e = &t->e[k];
        if (e->len > fn || memcmp(e->stem, f, 3) != 0 || memcmp(e->stem, f, e->len) != 0)
            continue;
        if (e->len == fn ? (!e->ends || has_ending(e->ends, "", 0))
                         : (e->ends && has_ending(e->ends, f + e->len, fn - e->len)))
            return e->val;
    }
    return 0;
}

int date_month(const char *s, size_t n)
{
    return lookup(&months, s, n);
}

int date_weekday(const char *s, size_t n)
{
    return lookup(&weekdays, s, n);
}

/* ---- Scanning ---------------------------------------------------------- */

/* Code point at s[i] (0 at the end) and its length in *len. */
static int32_t peek(const char *s, size_t n, size_t i, size_t *len)
{
    size_t j = i;
    int32_t c;
    if (i >= n) {
        *len = 0;
        return 0;
    }
    c = utf8_next(s, n, &j);
    *len = j - i;
    return c;
}

static int is_letter_cp(int32_t c)
{
    if (c < 0x80)
        return kr_isalpha(c);
    return c > 0 && u_isalpha(c);
}

/* 1 when s[i] does not continue a word: the end, or no letter or digit. */
static int at_boundary(const char *s, size_t n, size_t i)
{
    size_t len;
    int32_t c = peek(s, n, i, &len);
    if (len == 0)
        return 1;
    if (c < 0x80)
        return !kr_isalpha(c) && !kr_isdigit(c);
    return c < 0 || !u_isalnum(c);
}

/* Skips spaces and tabs and the no-break and thin spaces Russian typography
 * puts between a day and its month; newlines too when `lines` is set (only
 * before a date: its parts stay on one line). */
static size_t skip_ws(const char *s, size_t n, size_t i, int lines)
{
    for (;;) {
        size_t len;
        int32_t c;
        if (i < n && (s[i] == ' ' || s[i] == '\t' || (lines && kr_isspace((unsigned char)s[i])))) {
            i++;
            continue;
        }
        c = peek(s, n, i, &len);
        if (len > 1 && is_space_cp(c)) {
            i += len;
            continue;
        }
        return i;
    }
}

static size_t skip_sp(const char *s, size_t n, size_t i)
{
    return skip_ws(s, n, i, 0);
}

/* End of the run of letters starting at s[i] (i itself when none). */
static size_t scan_letters(const char *s, size_t n, size_t i)
{
    for (;;) {
        size_t len;
        int32_t c = peek(s, n, i, &len);
        if (len == 0 || !is_letter_cp(c))
            return i;
        i += len;
    }
}

/* Reads a run of digits at s[i]: its value in *v (capped) and its end. */
static size_t scan_digits(const char *s, size_t n, size_t i, int *v)
{
    int x = 0;
    while (i < n && kr_isdigit((unsigned char)s[i])) {
        if (x < 100000)
            x = x * 10 + (s[i] - '0');
        i++;
    }
    *v = x;
    return i;
}

/* A day: one or two digits, then an English ordinal suffix ("20th") if one
 * is attached. Returns the end, or 0. */
static size_t scan_day(const char *s, size_t n, size_t i, int *d)
{
    size_t j = scan_digits(s, n, i, d);
    if (j == i || j - i > 2 || *d < 1 || *d > 31)
        return 0;
    if (j + 2 <= n) {
        char a = (char)kr_tolower((unsigned char)s[j]), b = (char)kr_tolower((unsigned char)s[j + 1]);
        if (((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
             (a == 't' && b == 'h')) &&
            at_boundary(s, n, j + 2))
            j += 2;
    }
    return j;
}

/* A four-digit year at s[i]; returns the end, or 0. */
static size_t scan_year(const char *s, size_t n, size_t i, int *y)
{
    size_t j = scan_digits(s, n, i, y);
    return j - i == 4 ? j : 0;
}

/* A month name at s[i] (letters only); returns its end and sets *m, or 0. */
static size_t scan_month(const char *s, size_t n, size_t i, int *m)
{
    size_t j = scan_letters(s, n, i);
    if (j == i || (*m = date_month(s + i, j - i)) == 0)
        return 0;
    return j;
}

/* After a year: the Russian "года", "год", "году" or "г." that often
 * follows it. Returns the new end (i itself when absent). */
static size_t skip_year_word(const char *s, size_t n, size_t i)
{
    size_t j = skip_sp(s, n, i), e = scan_letters(s, n, j);
    char f[FOLD_MAX];
    size_t fn;
    if (e == j || e - j > 8)
        return i;
    fn = fold_name(s + j, e - j, f);
    if (fn == 2 && memcmp(f, "г", 2) == 0)
        return e < n && s[e] == '.' ? e + 1 : e;
    if ((fn == 6 && memcmp(f, "год", 6) == 0) ||
        (fn == 8 && (memcmp(f, "года", 8) == 0 || memcmp(f, "году", 8) == 0)))
        return e;
    return i;
}

/* "THH:MM[:SS[.frac]][Z|±HH[:MM]]" after an ISO date; returns its end or 0. */
static size_t scan_iso_time(const char *s, size_t n, size_t i)
{
    int v;
    size_t j;
    if (i >= n || (s[i] != 'T' && s[i] != 't'))
        return 0;
    j = scan_digits(s, n, i + 1, &v);
    if (j != i + 3 || v > 24 || j >= n || s[j] != ':')
        return 0;
    i = j;
    j = scan_digits(s, n, i + 1, &v);
    if (j != i + 3 || v > 59)
        return 0;
    i = j;
    if (i < n && s[i] == ':') {
        j = scan_digits(s, n, i + 1, &v);
        if (j != i + 3 || v > 60)
            return 0;
        i = j;
        if (i + 1 < n && (s[i] == '.' || s[i] == ',') && kr_isdigit((unsigned char)s[i + 1])) {
            while (i + 1 < n && kr_isdigit((unsigned char)s[i + 1]))
                i++;
            i++;
        }
    }
    if (i < n && (s[i] == 'Z' || s[i] == 'z'))
        return i + 1;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        j = scan_digits(s, n, i + 1, &v);
        if (j == i + 5 || (j == i + 3 && (j >= n || s[j] != ':')))
            return j;
        if (j == i + 3 && s[j] == ':') {
            size_t k = scan_digits(s, n, j + 1, &v);
            if (k == j + 3)
                return k;
        }
        return 0;
    }
    return i;
}

/* All-numeric dates at s[i]: ISO 2023-09-20[THH:MM...] (two-digit month
 * and day, as ISO 8601 has them) and day-first
 * 20.09.2023, 20/09/2023, 20-09-2023. Returns the end and fills *dt, or 0. */
static size_t parse_numeric(const char *s, size_t n, size_t i, kr_date *dt)
{
    int a, b, c;
    size_t j = scan_digits(s, n, i, &a), k;
    char sep;
    if (j == i || j >= n)
        return 0;
    sep = s[j];
    if (j - i == 4 && sep == '-') {
        k = scan_digits(s, n, j + 1, &b);
        if (k != j + 3 || k >= n || s[k] != '-')
            return 0;
        j = scan_digits(s, n, k + 1, &c);
        if (j != k + 3)
            return 0;
        dt->y = a;
        dt->m = b;
        dt->d = c;
        k = scan_iso_time(s, n, j);
        return k ? k : j;
    }
    if (j - i > 2 || (sep != '.' && sep != '/' && sep != '-'))
        return 0;
    k = scan_digits(s, n, j + 1, &b);
    if (k == j + 1 || k - j - 1 > 2 || k >= n || s[k] != sep)
        return 0;
    if (!(j = scan_year(s, n, k + 1, &c)))
        return 0;
    dt->y = c;
    dt->m = b;
    dt->d = a;
    /* 09/20/2023 cannot be day-first; read it the American way. */
    if (sep == '/' && b > 12 && a <= 12) {
        dt->m = a;
        dt->d = b;
    }
    return skip_year_word(s, n, j);
}

/* "20 September 2023", "20th Sept. 2023", "20 сентября 2023 г." */
static size_t parse_dmy(const char *s, size_t n, size_t i, kr_date *dt)
{
    int d, m, y;
    size_t j = scan_day(s, n, i, &d), k;
    if (!j)
        return 0;
    k = skip_sp(s, n, j);
    if (k == j || !(j = scan_month(s, n, k, &m)))
        return 0;
    if (j < n && s[j] == '.')
        j++;
    if (j < n && s[j] == ',')
        j++;
    k = skip_sp(s, n, j);
    if (k == j || !(j = scan_year(s, n, k, &y)))
        return 0;
    dt->y = y;
    dt->m = m;
    dt->d = d;
    return skip_year_word(s, n, j);
}

/* "September 20, 2023", "Sept. 20 2023", "AUGUST 11, 2021" */
static size_t parse_mdy(const char *s, size_t n, size_t i, kr_date *dt)
{
    int d, m, y;
    size_t j = scan_month(s, n, i, &m), k;
    if (!j)
        return 0;
    if (j < n && s[j] == '.')
        j++;
    k = skip_sp(s, n, j);
    if (k == j || !(j = scan_day(s, n, k, &d)))
        return 0;
    if (j < n && s[j] == ',')
        j++;
    k = skip_sp(s, n, j);
    if ((k == j && s[j - 1] != ',') || !(j = scan_year(s, n, k, &y)))
        return 0;
    dt->y = y;
    dt->m = m;
    dt->d = d;
    return skip_year_word(s, n, j);
}

/* One date form at s[i], ending at a word boundary; returns its end or 0. */
static size_t parse_at(const char *s, size_t n, size_t i, kr_date *dt)
{
    size_t e;
    if (i >= n)
        return 0;
    if (kr_isdigit((unsigned char)s[i])) {
        e = parse_numeric(s, n, i, dt);
        if (!e || !at_boundary(s, n, e))
            e = parse_dmy(s, n, i, dt);
    } else {
        e = parse_mdy(s, n, i, dt);
    }
    return e && at_boundary(s, n, e) ? e : 0;
}

size_t date_parse(const char *s, size_t n, kr_date *out)
{
    size_t i = skip_ws(s, n, 0, 1), e, w;
    kr_date dt = {0, 0, 0};
    e = parse_at(s, n, i, &dt);
    if (!e) {
        /* A leading weekday: "Wednesday, 20 September 2023",
         * "среда, 20 сентября 2023 г.". */
        w = scan_letters(s, n, i);
        if (w > i && date_weekday(s + i, w - i)) {
            size_t j = w;
            if (j < n && s[j] == '.')
                j++;
            if (j < n && s[j] == ',')
                j++;
            j = skip_sp(s, n, j);
            if (j > w)
                e = parse_at(s, n, j, &dt);
        }
    }
    if (!e || !date_valid(dt))
        return 0;
    *out = dt;
    return e;
}

size_t date_parse_month_day(const char *s, size_t n, int *m, int *d)
{
    size_t i = skip_ws(s, n, 0, 1), j, k;
    int mm, dd;
    if (i >= n)
        return 0;
    if (kr_isdigit((unsigned char)s[i])) {
        if (!(j = scan_day(s, n, i, &dd)))
            return 0;
        k = skip_sp(s, n, j);
        if (k == j || !(j = scan_month(s, n, k, &mm)))
            return 0;
    } else {
        if (!(j = scan_month(s, n, i, &mm)))
            return 0;
        if (j < n && s[j] == '.')
            j++;
        k = skip_sp(s, n, j);
        if (k == j || !(j = scan_day(s, n, k, &dd)))
            return 0;
    }
    /* Any year: 29 February is accepted. */
    if (!at_boundary(s, n, j) || dd > days_in_month(2000, mm))
        return 0;
    *m = mm;
    *d = dd;
    return j;
}
