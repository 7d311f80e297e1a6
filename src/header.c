/* header.c: report header recognition. A header is only accepted when its
 * parts come in the order agencies use (place in capitals, comma, date,
 * agency), so that ordinary first sentences ("Baku and Yerevan, as they
 * noted...") are never taken for one. */
#include "header.h"

#include <string.h>
#include <unicode/uchar.h>

#include "utf8.h"

/* Known agencies: every spelling seen in headers, then the canonical name.
 * Matching ignores ASCII case. */
static const struct {
    const char *written, *name;
} agencies[] = {
    {"TASS", "TASS"}, {"ТАСС", "TASS"}, {"ITAR-TASS", "TASS"},
    {"RIA Novosti", "RIA Novosti"}, {"РИА Новости", "RIA Novosti"}, {"RIA", "RIA Novosti"},
    {"Interfax", "Interfax"}, {"Интерфакс", "Interfax"},
    {"Sputnik", "Sputnik"}, {"Спутник", "Sputnik"},
    {"Armenpress", "Armenpress"}, {"Арменпресс", "Armenpress"},
    {"APA", "APA"}, {"АПА", "APA"}, {"Trend", "Trend"}, {"Тренд", "Trend"},
    {"AZERTAC", "AZERTAC"}, {"АЗЕРТАДЖ", "AZERTAC"}, {"Report", "Report"},
    {"Tasnim", "Tasnim"}, {"IRNA", "IRNA"}, {"ИРНА", "IRNA"}, {"Mehr", "Mehr"},
    {"Anadolu", "Anadolu"}, {"AA", "Anadolu"}, {"Anadolu Agency", "Anadolu"},
    {"Reuters", "Reuters"}, {"Рейтер", "Reuters"}, {"AP", "AP"}, {"AFP", "AFP"},
    {"Xinhua", "Xinhua"}, {"Синьхуа", "Xinhua"}, {"news.am", "news.am"},
    {"Georgia Today", "Georgia Today"}, {"Agenda.ge", "Agenda.ge"},
    {"Interpressnews", "Interpressnews"}, {"БЕЛТА", "BelTA"}, {"Kazinform", "Kazinform"},
    {"УНИАН", "UNIAN"}, {"UNIAN", "UNIAN"}, {"Укринформ", "Ukrinform"},
    {"Ukrinform", "Ukrinform"}, {"Bloomberg", "Bloomberg"},
};

/* Case-insensitive comparison for ASCII and Cyrillic (enough for the table). */
static int same_word(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        int32_t x = utf8_next(a, an, &i), y = utf8_next(b, bn, &j);
        if (u_tolower(x) != u_tolower(y))
            return 0;
    }
    return i == an && j == bn;
}

const char *hdr_agency_name(const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < sizeof agencies / sizeof agencies[0]; k++)
        if (same_word(s, n, agencies[k].written, strlen(agencies[k].written)))
            return agencies[k].name;
    return NULL;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    /* U+00A0 no-break space */
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return skip_spaces(s, n, i + 2);
    return i;
}

/* Skips spaces and list bullets (•, ·, -, *, |) at a line start. */
static size_t skip_bullets(const char *s, size_t n, size_t i)
{
    for (;;) {
        size_t j = skip_spaces(s, n, i);
        if (j < n && (s[j] == '*' || s[j] == '|' || s[j] == '-'))
            j++;
        else if (j + 2 < n && memcmp(s + j, "\xE2\x80\xA2", 3) == 0)
            j += 3;
        else if (j + 1 < n && memcmp(s + j, "\xC2\xB7", 2) == 0)
            j += 2;
        else
            return j;
        i = j;
    }
}

static size_t line_end(const char *s, size_t n, size_t i)
{
    const char *e = memchr(s + i, '\n', n - i);
    return e ? (size_t)(e - s) : n;
}

/* A place in capitals: 1 to 4 words of upper-case letters (hyphens, dots and
 * apostrophes inside), at least two letters, ending before a comma. Returns
 * the end of the place, or 0. */
static size_t caps_place(const char *s, size_t n, size_t i)
{
    size_t words = 0, letters = 0, end = 0;
    while (i < n && words < 4) {
        size_t j = i, wl = 0;
        while (j < n) {
            size_t k = j;
            int32_t cp = utf8_next(s, n, &k);
            if (u_isalpha(cp)) {
                if (!u_isupper(cp))
                    return 0;
                wl++;
            } else if (!(cp == '-' || cp == '.' || cp == '\'' || cp == 0x2019) || wl == 0) {
                break;
            }
            j = k;
        }
        if (wl == 0)
            return 0;
        letters += wl;
        words++;
        end = j;
        if (j < n && s[j] == ' ' && j + 1 < n && s[j + 1] != ' ')
            i = j + 1;
        else
            break;
    }
    if (letters < 2 || end >= n || (s[end] != ',' && s[end] != ' '))
        return 0;
    return end;
}

/* Recognizes the agency part after the date: "/TASS/.", "(Reuters) -",
 * "ARMENPRESS.", "— РИА Новости.". Sets the agency span and returns the
 * offset after the part, or 0. */
static size_t agency_part(const char *s, size_t n, size_t i, kr_span *ag)
{
    size_t j, e;
    i = skip_spaces(s, n, i);
    if (i + 3 <= n && (memcmp(s + i, "\xE2\x80\x94", 3) == 0 || memcmp(s + i, "\xE2\x80\x93", 3) == 0))
        i = skip_spaces(s, n, i + 3);
    else if (i < n && s[i] == '-')
        i = skip_spaces(s, n, i + 1);
    if (i >= n)
        return 0;
    if (s[i] == '/' || s[i] == '(') {
        char close = s[i] == '/' ? '/' : ')';
        for (j = i + 1; j < n && j - i < 48 && s[j] != close && s[j] != '\n'; j++)
            ;
        if (j >= n || s[j] != close || j == i + 1)
            return 0;
        ag->start = i + 1;
        ag->end = j;
        e = skip_spaces(s, n, j + 1);
        if (e < n && (s[e] == '.' || s[e] == ':' || s[e] == '-'))
            e++;
        else if (e + 3 <= n && (memcmp(s + e, "\xE2\x80\x94", 3) == 0 || memcmp(s + e, "\xE2\x80\x93", 3) == 0))
            e += 3;
        return e;
    }
    /* A bare agency name up to a period: accepted only when it is known or
     * written in capitals. */
    for (j = i; j < n && j - i < 48 && s[j] != '.' && s[j] != '\n' && s[j] != ','; j++)
        ;
    if (j >= n || s[j] != '.' || j == i)
        return 0;
    if (!hdr_agency_name(s + i, j - i) && caps_place(s, n, i) < j)
        return 0;
    ag->start = i;
    ag->end = j;
    return j + 1;
}

/* "CITY, Month DD. /AGENCY/." and its variants, at s[i]. Returns the body
 * offset (0 when absent) and fills the spans and the month/day found. */
static size_t dateline_part(const char *s, size_t n, size_t i, hdr_info *h, int *m, int *d)
{
    size_t pe = caps_place(s, n, i), j, k;
    kr_date full;
    kr_span ag = {0, 0};
    if (!pe)
        return 0;
    j = pe;
    *m = *d = 0;
    if (s[j] == ',') {
        j = skip_spaces(s, n, j + 1);
        if ((k = date_parse(s + j, n - j, &full)) > 0) {
            *m = full.m;
            *d = full.d;
            h->date = full;
        } else if ((k = date_parse_month_day(s + j, n - j, m, d)) == 0) {
            k = 0;
        }
        j += k;
        if (k && j < n && (s[j] == '.' || s[j] == ','))
            j++;
    }
    k = agency_part(s, n, j, &ag);
    if (!k || (*m == 0 && s[pe] == ','))
        return 0;
    h->dateline.start = i;
    h->dateline.end = pe;
    h->agency = ag;
    return skip_spaces(s, n, k);
}

/* A line that holds only a date and maybe a time: "23 Sentyabr 2023 00:39",
 * "12 декабря 2021, 14:05", "20 сентября 2023 г.", "2023-09-20". */
static int date_line(const char *s, size_t i, size_t e, kr_date *out)
{
    size_t k = date_parse(s + i, e - i, out), j;
    if (!k)
        return 0;
    j = skip_spaces(s, e, i + k);
    if (e - j >= 2 && memcmp(s + j, "\xD0\xB3", 2) == 0) /* "г." after the year */
        j += 2;
    for (; j < e; j++) {
        char c = s[j];
        if (!(kr_isdigit(c) || c == ':' || c == ',' || c == ' ' || c == '\t' || c == '.' ||
              c == '|' || c == '-'))
            return 0;
    }
    return 1;
}

int hdr_sniff(const char *s, size_t n, hdr_info *h)
{
    size_t i, e, body, lines[4], ends[4];
    int nl = 0, m = 0, d = 0, k;
    memset(h, 0, sizeof *h);

    /* First line: "date YYYY-MM-DD" prefix and/or an agency dateline. */
    i = skip_bullets(s, n, 0);
    if (n - i > 5 && (s[i] | 32) == 'd' && memcmp(s + i + 1, "ate ", 4) == 0) {
        kr_date dt;
        size_t j = skip_spaces(s, n, i + 5), c = date_parse(s + j, n - j, &dt);
        if (c) {
            h->date = dt;
            i = skip_spaces(s, n, j + c);
            h->body = i;
        }
    }
    body = dateline_part(s, n, i, h, &m, &d);
    if (body) {
        if (h->date.y && m && (h->date.m != m || h->date.d != d)) {
            /* The place line's day wins over a stale "date" field only when
             * it forms a valid date in the same year. */
            kr_date alt = {h->date.y, m, d};
            if (date_valid(alt))
                h->date = alt;
        }
        h->body = body;
        return 1;
    }
    if (h->date.y)
        return 1;

    /* Otherwise: up to four non-empty lines, one of which is only a date. */
    for (i = 0; i < n && nl < 4; i = e + 1) {
        size_t st = skip_bullets(s, n, i);
        e = line_end(s, n, i);
        if (st >= e)
            continue;
        lines[nl] = st;
        ends[nl] = e;
        nl++;
    }
    for (k = 0; k < nl; k++) {
        kr_date dt;
        size_t e2 = ends[k];
        while (e2 > lines[k] && (s[e2 - 1] == ' ' || s[e2 - 1] == '\t'))
            e2--;
        if (!date_line(s, lines[k], e2, &dt))
            continue;
        h->date = dt;
        h->body = ends[k] < n ? ends[k] + 1 : n;
        while (h->body < n && (s[h->body] == '\n' || s[h->body] == ' '))
            h->body++;
        if (k == 1 && ends[0] - lines[0] < 300) {
            size_t te = ends[0];
            while (te > lines[0] && (s[te - 1] == ' ' || s[te - 1] == '\t'))
                te--;
            h->title.start = lines[0];
            h->title.end = te;
        }
        return 1;
    }
    return 0;
}
