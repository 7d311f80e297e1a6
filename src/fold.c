/* fold.c: search folding. The Latin, Greek and Cyrillic blocks go through a
 * generated table (fold_table.h); other scripts ask ICU per code point. */
#include "fold.h"

#include <unicode/uchar.h>

#include "fold_table.h"
#include "utf8.h"

int32_t fold_cp(int32_t cp)
{
    int8_t t;
    if (cp < FOLD_LO_END)
        return cp < 0 ? 0 : fold_lo[cp];
    if (cp >= FOLD_EXT_LO && cp < FOLD_EXT_LO + 0x100)
        return fold_ext[cp - FOLD_EXT_LO];
    t = (int8_t)u_charType(cp);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK)
        return FOLD_MARK;
    if (!u_isalnum(cp))
        return 0;
    return u_foldCase(cp, U_FOLD_CASE_DEFAULT);
}

static unsigned script_of(int32_t cp)
{
    if (cp < 0x80)
        return cp <= '9' ? FOLD_DIGIT : FOLD_LATIN;
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00))
        return FOLD_LATIN;
    if (cp >= 0x400 && cp < 0x530)
        return FOLD_CYRILLIC;
    return FOLD_OTHER;
}

int fold_next(const char *s, size_t n, size_t *pos, char *buf, fold_word *w)
{
    size_t i = *pos, start = 0, o = 0, limit = buf ? FOLD_MAX_WORD : 0;
    int in = 0;
    unsigned script = 0;
    while (i < n) {
        size_t at = i;
        unsigned char c = (unsigned char)s[i];
        int32_t cp, f;
        unsigned sc; /* the character's script, when it is a word character */
        if (c < 0x80) {
            /* ASCII fast path: the table answers directly. */
            i++;
            f = fold_lo[c];
            sc = c <= '9' ? FOLD_DIGIT : FOLD_LATIN;
        } else if ((cp = utf8_two(s, n, i)) >= 0 && cp < FOLD_LO_END) {
            /* Two-byte Latin, Greek and Cyrillic letters: decoded here and
             * answered by the table, no call per character. */
            i += 2;
            f = fold_lo[cp];
            sc = cp < 0x250 ? FOLD_LATIN : cp >= 0x400 ? FOLD_CYRILLIC : FOLD_OTHER;
        } else {
            cp = utf8_next(s, n, &i);
            f = cp < 0 ? 0 : fold_cp(cp);
            sc = script_of(cp);
        }
        if (f == 0) {
            if (in) {
                i = at;
                break;
            }
            continue;
        }
        if (f == FOLD_MARK)
            continue; /* dropped, and never starts a word */
        if (!in) {
            in = 1;
            start = at;
        }
        script |= sc;
        if (o >= limit)
            continue;
        if (f < 0x80) {
            buf[o++] = (char)f;
        } else if (f < 0x800) {
            buf[o++] = (char)(0xC0 | (f >> 6));
            buf[o++] = (char)(0x80 | (f & 0x3F));
        } else {
            o += utf8_encode(f, buf + o);
        }
    }
    *pos = i;
    if (!in)
        return 0;
    w->span.start = start;
    w->span.end = i;
    w->n = o;
    w->script = script;
    return 1;
}

int fold_case(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? 1 : (cp >= 'a' && cp <= 'z') ? 0 : -1;
    if (cp >= 0x400 && cp < 0x460)
        return cp < 0x430 ? 1 : 0;
    if (!u_isalpha(cp))
        return -1;
    return u_isupper(cp) ? 1 : 0;
}

int fold_capitalized(const char *s, size_t n)
{
    size_t i = 0;
    return n && fold_case(utf8_next(s, n, &i)) == 1;
}

int fold_all_upper(const char *s, size_t n)
{
    size_t i = 0, letters = 0;
    while (i < n) {
        int c = fold_case(utf8_next(s, n, &i));
        if (c == 0)
            return 0;
        letters += c == 1;
    }
    return letters >= 2;
}
