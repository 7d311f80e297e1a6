/* langid.c: language identification for the languages kronika reads: the
 * script decides first, then letter, n-gram and function-word weights pick a
 * language inside Latin, Cyrillic and Arabic script.
 *
 * How it works (docs/langid.md has the longer version):
 * 1. One pass over at most the first 64 KiB decodes code points with
 *    utf8_next, counts letters per script (Latin, Cyrillic, Armenian,
 *    Georgian, Arabic, other) and splits words: a word is a run of letters
 *    of one script; apostrophes, digits, spaces and punctuation end it.
 * 2. The script with most letters wins. Armenian gives "hy" and Georgian
 *    "ka" at once: no other supported language uses them. Other scripts
 *    (Greek, Han, ...) give "und".
 * 3. Inside Latin (en de fr tr az), Cyrillic (ru uk) and Arabic (ar fa)
 *    script every letter adds its weight per language, every bigram and
 *    trigram of the lowercased word padded with edge marks ("_the_" gives
 *    "_t" "_th" "th" "the" "he" "he_" "e_") adds the weights listed for it,
 *    and a whole word of at most six letters adds its function-word weight.
 *    Letter weights are 10 * ln(p_lang / p_mean) from letter frequencies in
 *    news text, clipped to [-15, 20] (Latin, where foreign names are common)
 *    or [-30, 20] (Cyrillic, Arabic), so a letter a language does not use
 *    (ə for tr, ы for uk, پ for ar) counts strongly against it; n-gram and
 *    word weights are set by hand on the same scale. Arabic-script words
 *    are looked up after folding Persian yeh/kaf and alif with hamza to one
 *    form, so texts typed either way match one table, while the letter
 *    weights still see the original letters.
 * 4. The answer is the best-scoring language of the winning script; "und"
 *    when there are fewer than 3 letters, fewer than 2 words in that script,
 *    or the best leads the second by less than MIN_MARGIN. conf is
 *    share * margin / (margin + CONF_SCALE), share being the winning
 *    script's part of all letters.
 * Every step is a table lookup or a switch per code point: linear time, no
 * allocation, no state outside the call. */
#include "langid.h"

#include <stdint.h>
#include <unicode/uchar.h>

#include "kr.h"
#include "utf8.h"

#define LANGID_MAX_BYTES ((size_t)64 * 1024)
#define MIN_MARGIN 12   /* below this lead the answer is "und" */
#define CONF_SCALE 40.0 /* margin giving conf 0.5 when one script is all */
#define MIN_LETTERS 3

enum lang { L_EN, L_DE, L_FR, L_TR, L_AZ, L_RU, L_UK, L_AR, L_FA, L_HY, L_KA, L_COUNT };

static const char *const lang_code[L_COUNT] = {
    "en", "de", "fr", "tr", "az", "ru", "uk", "ar", "fa", "hy", "ka",
};

/* Character classes: the first six (up to C_OTHER) are scripts whose letters
 * are counted. */
enum cls {
    C_LATN, C_CYRL, C_ARAB, C_ARMN, C_GEOR, C_OTHER, C_NSCRIPT = C_OTHER + 1,
    C_NONE = C_NSCRIPT, /* ends a word: space, digit, punctuation, symbol */
    C_MARK,             /* combining mark, tatweel, ZWJ: skipped inside words */
    C_ZWNJ,             /* zero-width non-joiner: Persian word-part break */
    C_APOS              /* apostrophe: ends a word, but see UK_APOS */
};

/* Languages scored inside each script, in the column order of its letter
 * table. */
static const unsigned char lat_langs[] = {L_EN, L_DE, L_FR, L_TR, L_AZ};
static const unsigned char cyr_langs[] = {L_RU, L_UK};
static const unsigned char ara_langs[] = {L_AR, L_FA};

#define ZWNJ_FA 15 /* a ZWNJ inside Arabic-script text is Persian usage */
#define UK_APOS 15 /* Cyrillic letter, apostrophe, letter: Ukrainian (ru has ъ) */

/* N-gram and word keys pack letters as 10-bit codes: Latin code points below
 * 0x2B0 as they are, Cyrillic and Arabic ones reduced to their low 10 bits
 * (the tables of one script never meet another's), KEY_EDGE for the word
 * edge and KEY_FOREIGN for any letter no table lists. */
#define KEY_EDGE 0x3FFu
#define KEY_FOREIGN 0x3FEu
#define KEY_NONE 0xFFFFFFFFu
#define KC(c) ((c) == '_' ? KEY_EDGE : ((uint32_t)(c) & 0x3FFu))
#define G2(a, b) ((2u << 30) | (KC(a) << 10) | KC(b))
#define G3(a, b, c) ((3u << 30) | (KC(a) << 20) | (KC(b) << 10) | KC(c))
#define WK(c, i) ((uint64_t)KC(c) << (50 - 10 * (i)))
#define W1(a) WK(a, 0)
#define W2(a, b) (W1(a) | WK(b, 1))
#define W3(a, b, c) (W2(a, b) | WK(c, 2))
#define W4(a, b, c, d) (W3(a, b, c) | WK(d, 3))
#define W5(a, b, c, d, e) (W4(a, b, c, d) | WK(e, 4))
#define W6(a, b, c, d, e, f) (W5(a, b, c, d, e) | WK(f, 5))
#define WORD_MAX 6

#define LAT_UNI_N 0x260 /* Latin letter table covers U+0000..U+025F (ə) */

/* Latin letter weights, columns EN DE FR TR AZ: 10 * ln(p / mean p), clipped. */
static const signed char lat_uni[LAT_UNI_N][5] = {
    ['a'] = {0, -3, -1, 3, 0},
    ['b'] = {-2, 0, -7, 4, 2},
    ['c'] = {3, 2, 4, -8, -8},
    ['d'] = {0, 1, -2, 0, 0},
    ['e'] = {2, 4, 2, -2, -12},
    ['f'] = {6, 3, -1, -9, -7},
    ['g'] = {2, 6, -6, -3, -3},
    ['h'] = {8, 5, -14, -9, -6},
    ['i'] = {0, -1, 0, 2, 0},
    ['j'] = {-5, 2, 8, -15, -2},
    ['k'] = {-10, -4, -15, 8, 5},
    ['l'] = {-2, -4, 1, 2, 1},
    ['m'] = {-3, -2, 0, 2, 2},
    ['n'] = {-1, 3, 0, 0, -2},
    ['o'] = {6, -4, 4, -5, -7},
    ['p'] = {3, -7, 7, -5, -7},
    ['q'] = {-15, -15, 7, -15, 11},
    ['r'] = {-1, 1, 0, 0, 0},
    ['s'] = {1, 3, 4, -6, -5},
    ['t'] = {5, 1, 2, -6, -6},
    ['u'] = {-3, 1, 5, -2, -4},
    ['v'] = {-2, -5, 2, -2, 4},
    ['w'] = {10, 8, -15, -15, -15},
    ['x'] = {-9, -15, 1, -15, 12},
    ['y'] = {2, -15, -15, 7, 5},
    ['z'] = {-15, 2, -15, 5, 6},
    [U'ß'] = {-15, 15, -15, -15, -15},
    [U'à'] = {-15, -15, 16, -15, -15},
    [U'â'] = {-13, -13, 11, 3, -13},
    [U'ä'] = {-15, 16, -15, -15, -15},
    [U'ç'] = {-15, -15, -12, 9, 8},
    [U'è'] = {-15, -15, 15, -15, -15},
    [U'é'] = {-15, -15, 16, -15, -15},
    [U'ê'] = {-15, -15, 15, -15, -15},
    [U'ë'] = {-3, -3, 8, -3, -3},
    [U'î'] = {-12, -12, 12, -1, -12},
    [U'ï'] = {-3, -3, 8, -3, -3},
    [U'ô'] = {-11, -11, 13, -11, -11},
    [U'ö'] = {-15, -2, -15, 8, 7},
    [U'ù'] = {-11, -11, 13, -11, -11},
    [U'û'] = {-12, -12, 12, -1, -12},
    [U'ü'] = {-15, -3, -15, 7, 8},
    [U'ğ'] = {-15, -15, -15, 12, 4},
    [U'ı'] = {-15, -15, -15, 9, 9},
    [U'œ'] = {-6, -6, 10, -6, -6},
    [U'ş'] = {-15, -15, -15, 10, 9},
    [U'ə'] = {-15, -15, -15, -15, 16},
};

/* Cyrillic letter weights, columns RU UK: 10 * ln(p / mean p), clipped. */
static const signed char cyr_uni[256][2] = {
    [U'а' - 0x400] = {0, 0},
    [U'б' - 0x400] = {0, 0},
    [U'в' - 0x400] = {-1, 1},
    [U'г' - 0x400] = {0, 0},
    [U'д' - 0x400] = {0, 0},
    [U'е' - 0x400] = {2, -3},
    [U'ж' - 0x400] = {0, 0},
    [U'з' - 0x400] = {-1, 1},
    [U'и' - 0x400] = {1, -1},
    [U'й' - 0x400] = {0, 0},
    [U'к' - 0x400] = {0, 0},
    [U'л' - 0x400] = {1, -1},
    [U'м' - 0x400] = {0, 0},
    [U'н' - 0x400] = {0, 0},
    [U'о' - 0x400] = {1, -1},
    [U'п' - 0x400] = {0, 0},
    [U'р' - 0x400] = {0, 0},
    [U'с' - 0x400] = {1, -2},
    [U'т' - 0x400] = {1, -1},
    [U'у' - 0x400] = {-1, 1},
    [U'ф' - 0x400] = {2, -2},
    [U'х' - 0x400] = {0, 0},
    [U'ц' - 0x400] = {-4, 3},
    [U'ч' - 0x400] = {0, 0},
    [U'ш' - 0x400] = {-1, 1},
    [U'щ' - 0x400] = {-1, 1},
    [U'ъ' - 0x400] = {6, -16},
    [U'ы' - 0x400] = {7, -30},
    [U'ь' - 0x400] = {-1, 1},
    [U'э' - 0x400] = {7, -30},
    [U'ю' - 0x400] = {-2, 1},
    [U'я' - 0x400] = {-1, 1},
    [U'ё' - 0x400] = {6, -16},
    [U'є' - 0x400] = {-30, 7},
    [U'і' - 0x400] = {-30, 7},
    [U'ї' - 0x400] = {-30, 7},
    [U'ґ' - 0x400] = {-11, 5},
};

/* Arabic-script letter weights, columns AR FA: 10 * ln(p / mean p), clipped. */
static const signed char ara_uni[256][2] = {
    [U'ء' - 0x600] = {5, -12},
    [U'آ' - 0x600] = {-21, 6},
    [U'أ' - 0x600] = {6, -20},
    [U'ؤ' - 0x600] = {5, -12},
    [U'إ' - 0x600] = {7, -28},
    [U'ئ' - 0x600] = {4, -7},
    [U'ا' - 0x600] = {0, 0},
    [U'ب' - 0x600] = {-1, 1},
    [U'ة' - 0x600] = {7, -30},
    [U'ت' - 0x600] = {0, 0},
    [U'ث' - 0x600] = {5, -11},
    [U'ج' - 0x600] = {0, 0},
    [U'ح' - 0x600] = {4, -6},
    [U'خ' - 0x600] = {-5, 3},
    [U'د' - 0x600] = {-4, 3},
    [U'ذ' - 0x600] = {4, -8},
    [U'ر' - 0x600] = {-2, 1},
    [U'ز' - 0x600] = {-8, 4},
    [U'س' - 0x600] = {-1, 1},
    [U'ش' - 0x600] = {-7, 4},
    [U'ص' - 0x600] = {2, -3},
    [U'ض' - 0x600] = {4, -5},
    [U'ط' - 0x600] = {2, -2},
    [U'ظ' - 0x600] = {3, -4},
    [U'ع' - 0x600] = {4, -6},
    [U'غ' - 0x600] = {0, 0},
    [U'ف' - 0x600] = {4, -7},
    [U'ق' - 0x600] = {4, -6},
    [U'ك' - 0x600] = {4, -7},
    [U'ل' - 0x600] = {5, -10},
    [U'م' - 0x600] = {1, -1},
    [U'ن' - 0x600] = {0, 0},
    [U'ه' - 0x600] = {-3, 2},
    [U'و' - 0x600] = {0, 0},
    [U'ى' - 0x600] = {6, -23},
    [U'ي' - 0x600] = {5, -12},
    [U'پ' - 0x600] = {-30, 7},
    [U'چ' - 0x600] = {-30, 7},
    [U'ژ' - 0x600] = {-18, 6},
    [U'ک' - 0x600] = {-30, 7},
    [U'گ' - 0x600] = {-30, 7},
    [U'ی' - 0x600] = {-30, 7},
};

/* Latin-script bigrams and trigrams ("_" marks a word edge). */
static void lat_gram(uint32_t k, int *s)
{
    switch (k) {
    case G3('_', 't', 'h'): s[L_EN] += 8; break;
    case G2('t', 'h'): s[L_EN] += 3; break;
    case G3('h', 'e', '_'): s[L_EN] += 3; break;
    case G3('i', 'n', 'g'): s[L_EN] += 8; break;
    case G3('n', 'g', '_'): s[L_EN] += 3; s[L_DE] += 2; break;
    case G3('_', 'w', 'h'): s[L_EN] += 8; break;
    case G3('g', 'h', 't'): s[L_EN] += 8; break;
    case G3('l', 'y', '_'): s[L_EN] += 6; break;
    case G3('e', 'd', '_'): s[L_EN] += 5; break;
    case G3('i', 'o', 'n'): s[L_EN] += 2; s[L_FR] += 3; break;
    case G3('_', 'a', 'n'): s[L_EN] += 3; break;
    case G3('n', 'd', '_'): s[L_EN] += 3; break;
    case G3('o', 'u', 's'): s[L_EN] += 4; break;
    case G3('a', 'y', '_'): s[L_EN] += 5; break;
    case G3('e', 'y', '_'): s[L_EN] += 4; break;
    case G2('e', 'e'): s[L_EN] += 3; break;
    case G2('o', 'o'): s[L_EN] += 3; break;
    case G3('t', 's', '_'): s[L_EN] += 3; s[L_DE] += 1; break;
    case G3('e', 'r', '_'): s[L_EN] += 1; s[L_DE] += 3; break;
    case G2('o', 'w'): s[L_EN] += 4; break;
    case G2('w', 'a'): s[L_EN] += 4; break;
    case G2('y', '_'): s[L_EN] += 4; break;
    case G2('s', 'h'): s[L_EN] += 4; break;
    case G2('e', 'a'): s[L_EN] += 3; break;
    case G3('i', 't', 'y'): s[L_EN] += 6; break;
    case G3('_', 'o', 'f'): s[L_EN] += 4; break;
    case G3('o', 'f', '_'): s[L_EN] += 4; break;
    case G3('h', 'a', 't'): s[L_EN] += 4; break;
    case G3('i', 't', 'h'): s[L_EN] += 4; break;
    case G3('_', 't', 'o'): s[L_EN] += 2; break;
    case G3('e', 'r', 'e'): s[L_EN] += 3; break;
    case G3('v', 'e', '_'): s[L_EN] += 3; break;
    case G2('t', 't'): s[L_EN] += 1; break;
    case G2('c', 'k'): s[L_EN] += 1; s[L_DE] += 3; break;
    case G2('_', 'w'): s[L_EN] += 2; s[L_DE] += 2; break;
    case G3('s', 'c', 'h'): s[L_DE] += 10; break;
    case G2('c', 'h'): s[L_DE] += 3; break;
    case G3('i', 'c', 'h'): s[L_DE] += 6; break;
    case G3('c', 'h', 't'): s[L_DE] += 8; break;
    case G2('e', 'i'): s[L_DE] += 3; break;
    case G2('i', 'e'): s[L_DE] += 3; break;
    case G3('e', 'i', 't'): s[L_DE] += 6; break;
    case G3('u', 'n', 'g'): s[L_DE] += 8; break;
    case G3('_', 'g', 'e'): s[L_DE] += 6; break;
    case G3('e', 'n', '_'): s[L_DE] += 3; break;
    case G3('e', 'i', 'n'): s[L_DE] += 4; break;
    case G2('t', 'z'): s[L_DE] += 6; break;
    case G3('_', 'z', 'u'): s[L_DE] += 5; break;
    case G3('v', 'e', 'r'): s[L_DE] += 3; break;
    case G3('e', 'r', 't'): s[L_DE] += 2; break;
    case G3('h', 'e', 'n'): s[L_DE] += 4; break;
    case G3('i', 'e', 'r'): s[L_DE] += 2; break;
    case G3('r', 'e', 'i'): s[L_DE] += 3; break;
    case G3('a', 'u', 'f'): s[L_DE] += 5; break;
    case G3('s', 't', 'e'): s[L_DE] += 3; break;
    case G3('g', 'e', 'n'): s[L_DE] += 4; break;
    case G3('n', 'd', 'e'): s[L_DE] += 2; s[L_TR] += 2; break;
    case G2('n', 'n'): s[L_DE] += 2; break;
    case G2('e', 'h'): s[L_DE] += 3; break;
    case G3('a', 'c', 'h'): s[L_DE] += 5; break;
    case G2('f', 't'): s[L_DE] += 2; break;
    case G3('i', 'g', '_'): s[L_DE] += 3; break;
    case G3('i', 'e', 's'): s[L_DE] += 3; break;
    case G3('_', 'v', 'o'): s[L_DE] += 3; break;
    case G3('e', 'm', '_'): s[L_DE] += 3; break;
    case G3('_', 'q', 'u'): s[L_FR] += 8; break;
    case G2('q', 'u'): s[L_FR] += 6; break;
    case G3('q', 'u', 'e'): s[L_FR] += 6; break;
    case G3('e', 'a', 'u'): s[L_FR] += 8; break;
    case G3('a', 'u', 'x'): s[L_FR] += 8; break;
    case G3('u', 'x', '_'): s[L_FR] += 6; break;
    case G3('a', 'i', 's'): s[L_FR] += 5; break;
    case G3('a', 'i', 't'): s[L_FR] += 6; break;
    case G2('o', 'i'): s[L_FR] += 3; break;
    case G3('e', 's', '_'): s[L_FR] += 2; break;
    case G3('l', 'e', '_'): s[L_FR] += 3; break;
    case G3('n', 't', '_'): s[L_FR] += 3; break;
    case G3('o', 'n', 's'): s[L_FR] += 4; break;
    case G3('e', 'u', 'x'): s[L_FR] += 8; break;
    case G2('u', 'i'): s[L_FR] += 3; break;
    case G2('o', 'u'): s[L_FR] += 3; break;
    case G3('o', 'u', 'r'): s[L_FR] += 4; break;
    case G2(U'é', 'e'): s[L_FR] += 8; break;
    case G2(U'é', '_'): s[L_FR] += 4; break;
    case G3('l', 'l', 'e'): s[L_FR] += 3; break;
    case G3('i', 'e', 'n'): s[L_FR] += 3; break;
    case G3('o', 'i', 'r'): s[L_FR] += 5; break;
    case G3('e', 'u', 'r'): s[L_FR] += 5; break;
    case G3('e', 'n', 't'): s[L_FR] += 3; break;
    case G3('u', 'e', '_'): s[L_FR] += 4; break;
    case G3('_', 'p', 'a'): s[L_FR] += 2; break;
    case G3('e', 'l', 'l'): s[L_FR] += 2; break;
    case G3(U'è', 'r', 'e'): s[L_FR] += 6; break;
    case G2(U'è', 's'): s[L_FR] += 4; break;
    case G3('l', 'e', 'r'): s[L_TR] += 8; break;
    case G3('l', 'a', 'r'): s[L_TR] += 4; break;
    case G3('y', 'o', 'r'): s[L_TR] += 10; break;
    case G3(U'ı', 'n', '_'): s[L_TR] += 3; s[L_AZ] += 3; break;
    case G3('n', U'ı', 'n'): s[L_TR] += 3; s[L_AZ] += 3; break;
    case G3(U'ı', 'n', U'ı'): s[L_TR] += 3; s[L_AZ] += 3; break;
    case G2(U'ğ', 'i'): s[L_TR] += 6; break;
    case G2(U'ğ', U'ı'): s[L_TR] += 6; s[L_AZ] += 2; break;
    case G3('c', 'a', 'k'): s[L_TR] += 6; break;
    case G3('c', 'e', 'k'): s[L_TR] += 6; break;
    case G3('e', 'r', 'i'): s[L_TR] += 3; break;
    case G3('n', 'd', 'a'): s[L_TR] += 3; break;
    case G3('a', 's', U'ı'): s[L_TR] += 3; break;
    case G3('e', 's', 'i'): s[L_TR] += 5; break;
    case G3('i', 'y', 'e'): s[L_TR] += 5; break;
    case G3('m', 'i', U'ş'): s[L_TR] += 6; s[L_AZ] += 3; break;
    case G3('m', U'ı', U'ş'): s[L_TR] += 6; s[L_AZ] += 3; break;
    case G3('d', 'i', 'r'): s[L_TR] += 3; break;
    case G3('e', 'm', 'e'): s[L_TR] += 3; break;
    case G3('y', 'a', 'p'): s[L_TR] += 6; break;
    case G3('y', 'a', '_'): s[L_TR] += 2; s[L_AZ] += 2; break;
    case G3(U'ı', 'k', '_'): s[L_TR] += 3; break;
    case G3('i', 'k', '_'): s[L_TR] += 3; break;
    case G3('e', 'k', '_'): s[L_TR] += 4; break;
    case G3('a', 'k', '_'): s[L_TR] += 4; break;
    case G3('m', 'a', 'z'): s[L_TR] += 4; break;
    case G3('m', 'e', 'z'): s[L_TR] += 4; break;
    case G2(U'ı', U'ş'): s[L_TR] += 3; s[L_AZ] += 2; break;
    case G3('d', 'e', '_'): s[L_TR] += 2; break;
    case G3('l', U'ə', 'r'): s[L_AZ] += 8; break;
    case G3('a', 'q', '_'): s[L_AZ] += 7; break;
    case G3(U'ə', 'q', '_'): s[L_AZ] += 7; break;
    case G3(U'ı', 'b', '_'): s[L_AZ] += 8; break;
    case G3('i', 'b', '_'): s[L_AZ] += 7; break;
    case G3('u', 'b', '_'): s[L_AZ] += 7; break;
    case G3(U'ü', 'b', '_'): s[L_AZ] += 7; break;
    case G2('x', 'a'): s[L_AZ] += 4; break;
    case G2('_', 'x'): s[L_AZ] += 3; break;
    case G2('_', 'q'): s[L_AZ] += 4; break;
    case G3('d', U'ı', 'r'): s[L_AZ] += 3; break;
    case G3('d', U'ə', 'n'): s[L_AZ] += 6; break;
    case G3('d', U'ə', '_'): s[L_AZ] += 5; break;
    case G3('y', U'ə', '_'): s[L_AZ] += 5; break;
    case G3(U'ə', 'k', '_'): s[L_AZ] += 6; break;
    case G3('a', 'r', '_'): s[L_AZ] += 2; break;
    default: break;
    }
}

/* Cyrillic bigrams and trigrams. */
static void cyr_gram(uint32_t k, int *s)
{
    switch (k) {
    case G3(U'ы', U'й', '_'): s[L_RU] += 8; break;
    case G3(U'ы', U'х', '_'): s[L_RU] += 8; break;
    case G3(U'и', U'я', '_'): s[L_RU] += 8; break;
    case G3(U'и', U'и', '_'): s[L_RU] += 8; break;
    case G3(U'т', U'ь', '_'): s[L_RU] += 4; break;
    case G3(U'е', U'г', U'о'): s[L_RU] += 4; break;
    case G3(U'о', U'е', '_'): s[L_RU] += 6; break;
    case G2(U'е', U'е'): s[L_RU] += 5; break;
    case G3(U'е', U'й', '_'): s[L_RU] += 4; break;
    case G3(U'н', U'и', U'е'): s[L_RU] += 6; break;
    case G3(U'а', U'т', U'ь'): s[L_RU] += 4; break;
    case G3(U'и', U'т', U'ь'): s[L_RU] += 4; break;
    case G3(U'и', U'л', '_'): s[L_RU] += 6; break;
    case G3(U'е', U'т', '_'): s[L_RU] += 3; break;
    case G3(U'у', U'ю', '_'): s[L_RU] += 5; break;
    case G3(U'а', U'л', '_'): s[L_RU] += 3; break;
    case G3(U'я', U'л', '_'): s[L_RU] += 6; break;
    case G3(U'е', U'л', '_'): s[L_RU] += 5; break;
    case G3(U'и', U'ю', '_'): s[L_RU] += 6; break;
    case G2(U'ц', U'к'): s[L_RU] += 4; break;
    case G3(U'и', U'е', '_'): s[L_RU] += 5; break;
    case G3(U'о', U'г', U'о'): s[L_RU] += 1; s[L_UK] += 1; break;
    case G3(U'с', U'т', U'в'): s[L_RU] += 1; s[L_UK] += 1; break;
    case G2(U'с', U'с'): s[L_RU] += 2; break;
    case G3(U'н', U'н', U'я'): s[L_UK] += 10; break;
    case G3(U'і', U'й', '_'): s[L_UK] += 8; break;
    case G3(U'і', U'в', '_'): s[L_UK] += 8; break;
    case G3(U'т', U'и', '_'): s[L_UK] += 6; break;
    case G3(U'и', U'в', '_'): s[L_UK] += 6; break;
    case G3(U'а', U'т', U'и'): s[L_UK] += 4; break;
    case G3(U'и', U'т', U'и'): s[L_UK] += 4; break;
    case G3(U'а', U'є', '_'): s[L_UK] += 8; break;
    case G3(U'у', U'є', '_'): s[L_UK] += 8; break;
    case G3(U'н', U'я', '_'): s[L_UK] += 3; break;
    case G3(U'и', U'й', '_'): s[L_UK] += 2; break;
    case G3(U'о', U'м', U'у'): s[L_UK] += 1; break;
    case G3(U'с', U'я', '_'): s[L_UK] += 1; break;
    case G3(U'а', U'в', '_'): s[L_UK] += 4; break;
    case G3(U'я', U'в', '_'): s[L_UK] += 6; break;
    case G3(U'у', U'в', '_'): s[L_UK] += 6; break;
    case G3(U'ц', U'ь', U'к'): s[L_UK] += 6; break;
    default: break;
    }
}

/* Arabic-script bigrams and trigrams, folded (see arabic_fold). */
static void ara_gram(uint32_t k, int *s)
{
    switch (k) {
    case G3('_', U'ا', U'ل'): s[L_AR] += 8; s[L_FA] += 1; break; /* _ال */
    case G2(U'ا', U'ل'): s[L_AR] += 2; s[L_FA] += 1; break; /* ال */
    case G3(U'و', U'ن', '_'): s[L_AR] += 5; break; /* ون_ */
    case G3(U'و', U'ا', U'ل'): s[L_AR] += 6; break; /* وال */
    case G2(U'ل', U'ل'): s[L_AR] += 4; break; /* لل */
    case G3('_', U'ل', U'ل'): s[L_AR] += 6; break; /* _لل */
    case G3(U'ا', U'ت', '_'): s[L_AR] += 2; s[L_FA] += 2; break; /* ات_ */
    case G3(U'ه', U'ا', '_'): s[L_AR] += 1; s[L_FA] += 6; break; /* ها_ */
    case G3(U'ي', U'ة', '_'): s[L_AR] += 3; break; /* ية_ */
    case G3('_', U'م', U'ي'): s[L_FA] += 8; break; /* _مي */
    case G3(U'د', U'ه', '_'): s[L_FA] += 6; break; /* ده_ */
    case G3(U'ن', U'د', '_'): s[L_FA] += 6; break; /* ند_ */
    case G3(U'س', U'ت', '_'): s[L_FA] += 6; break; /* ست_ */
    case G3(U'ا', U'ن', '_'): s[L_FA] += 4; break; /* ان_ */
    case G3('_', U'ب', U'ر'): s[L_FA] += 4; break; /* _بر */
    case G3(U'ت', U'ر', '_'): s[L_FA] += 5; break; /* تر_ */
    case G2(U'ش', U'د'): s[L_FA] += 4; break; /* شد */
    case G3(U'ا', U'ي', '_'): s[L_FA] += 3; break; /* اي_ */
    default: break;
    }
}

/* Latin-script function words. */
static void lat_word(uint64_t k, int *s)
{
    switch (k) {
    case W3('t', 'h', 'e'): s[L_EN] += 30; break;
    case W2('o', 'f'): s[L_EN] += 25; break;
    case W3('a', 'n', 'd'): s[L_EN] += 25; break;
    case W2('t', 'o'): s[L_EN] += 20; break;
    case W1('a'): s[L_EN] += 15; s[L_FR] += 5; break;
    case W2('i', 'n'): s[L_EN] += 10; s[L_DE] += 10; break;
    case W2('i', 's'): s[L_EN] += 20; break;
    case W4('t', 'h', 'a', 't'): s[L_EN] += 25; break;
    case W3('f', 'o', 'r'): s[L_EN] += 20; break;
    case W4('w', 'i', 't', 'h'): s[L_EN] += 20; break;
    case W2('o', 'n'): s[L_EN] += 15; break;
    case W3('w', 'a', 's'): s[L_EN] += 20; break;
    case W2('b', 'y'): s[L_EN] += 15; break;
    case W2('a', 's'): s[L_EN] += 10; break;
    case W2('a', 't'): s[L_EN] += 15; break;
    case W4('f', 'r', 'o', 'm'): s[L_EN] += 20; break;
    case W2('i', 't'): s[L_EN] += 15; break;
    case W2('h', 'e'): s[L_EN] += 15; break;
    case W3('h', 'i', 's'): s[L_EN] += 20; break;
    case W4('s', 'a', 'i', 'd'): s[L_EN] += 25; break;
    case W3('h', 'a', 's'): s[L_EN] += 20; break;
    case W4('h', 'a', 'v', 'e'): s[L_EN] += 20; break;
    case W4('w', 'e', 'r', 'e'): s[L_EN] += 20; break;
    case W4('w', 'i', 'l', 'l'): s[L_EN] += 20; break;
    case W2('b', 'e'): s[L_EN] += 15; break;
    case W3('a', 'r', 'e'): s[L_EN] += 20; break;
    case W2('a', 'n'): s[L_EN] += 12; s[L_DE] += 12; break;
    case W4('t', 'h', 'i', 's'): s[L_EN] += 20; break;
    case W5('w', 'h', 'i', 'c', 'h'): s[L_EN] += 25; break;
    case W3('n', 'o', 't'): s[L_EN] += 12; break;
    case W2('o', 'r'): s[L_EN] += 15; break;
    case W5('a', 'f', 't', 'e', 'r'): s[L_EN] += 15; break;
    case W4('a', 'l', 's', 'o'): s[L_EN] += 15; break;
    case W3('i', 't', 's'): s[L_EN] += 20; break;
    case W5('t', 'h', 'e', 'i', 'r'): s[L_EN] += 20; break;
    case W4('t', 'h', 'e', 'y'): s[L_EN] += 20; break;
    case W3('w', 'h', 'o'): s[L_EN] += 20; break;
    case W5('w', 'o', 'u', 'l', 'd'): s[L_EN] += 20; break;
    case W4('b', 'e', 'e', 'n'): s[L_EN] += 20; break;
    case W3('h', 'a', 'd'): s[L_EN] += 20; break;
    case W3('b', 'u', 't'): s[L_EN] += 15; break;
    case W2('w', 'e'): s[L_EN] += 15; break;
    case W4('o', 'v', 'e', 'r'): s[L_EN] += 12; break;
    case W5('a', 'b', 'o', 'u', 't'): s[L_EN] += 20; break;
    case W6('d', 'u', 'r', 'i', 'n', 'g'): s[L_EN] += 20; break;
    case W3('h', 'e', 'r'): s[L_EN] += 12; s[L_TR] += 8; break;
    case W1('s'): s[L_EN] += 10; break;
    case W6('s', 'h', 'o', 'u', 'l', 'd'): s[L_EN] += 20; break;
    case W4('i', 'n', 't', 'o'): s[L_EN] += 20; break;
    case W4('m', 'o', 'r', 'e'): s[L_EN] += 15; break;
    case W4('t', 'h', 'a', 'n'): s[L_EN] += 20; break;
    case W5('t', 'h', 'e', 'r', 'e'): s[L_EN] += 20; break;
    case W1('t'): s[L_EN] += 5; break;
    case W3('d', 'e', 'r'): s[L_DE] += 30; break;
    case W3('d', 'i', 'e'): s[L_DE] += 30; break;
    case W3('d', 'a', 's'): s[L_DE] += 25; break;
    case W3('u', 'n', 'd'): s[L_DE] += 30; break;
    case W3('d', 'e', 'n'): s[L_DE] += 25; break;
    case W3('v', 'o', 'n'): s[L_DE] += 25; break;
    case W2('z', 'u'): s[L_DE] += 20; break;
    case W3('m', 'i', 't'): s[L_DE] += 20; break;
    case W3('i', 's', 't'): s[L_DE] += 25; break;
    case W3('d', 'e', 's'): s[L_DE] += 10; s[L_FR] += 25; break;
    case W2('i', 'm'): s[L_DE] += 20; break;
    case W3('d', 'e', 'm'): s[L_DE] += 25; break;
    case W5('n', 'i', 'c', 'h', 't'): s[L_DE] += 25; break;
    case W3('e', 'i', 'n'): s[L_DE] += 20; break;
    case W4('e', 'i', 'n', 'e'): s[L_DE] += 25; break;
    case W5('e', 'i', 'n', 'e', 'n'): s[L_DE] += 20; break;
    case W5('e', 'i', 'n', 'e', 'r'): s[L_DE] += 20; break;
    case W3('a', 'u', 'f'): s[L_DE] += 20; break;
    case W3('f', U'ü', 'r'): s[L_DE] += 30; break;
    case W4('s', 'i', 'c', 'h'): s[L_DE] += 25; break;
    case W4('a', 'u', 'c', 'h'): s[L_DE] += 25; break;
    case W2('e', 's'): s[L_DE] += 10; break;
    case W3('a', 'l', 's'): s[L_DE] += 20; break;
    case W3('w', 'i', 'e'): s[L_DE] += 20; break;
    case W3('b', 'e', 'i'): s[L_DE] += 20; break;
    case W4('n', 'a', 'c', 'h'): s[L_DE] += 20; break;
    case W3('h', 'a', 't'): s[L_DE] += 20; break;
    case W4('w', 'i', 'r', 'd'): s[L_DE] += 25; break;
    case W6('w', 'e', 'r', 'd', 'e', 'n'): s[L_DE] += 25; break;
    case W4('s', 'i', 'n', 'd'): s[L_DE] += 20; break;
    case W3('w', 'a', 'r'): s[L_DE] += 20; break;
    case W5('w', 'u', 'r', 'd', 'e'): s[L_DE] += 25; break;
    case W2('u', 'm'): s[L_DE] += 15; break;
    case W3('a', 'u', 's'): s[L_DE] += 20; break;
    case W4('o', 'd', 'e', 'r'): s[L_DE] += 20; break;
    case W3('s', 'i', 'e'): s[L_DE] += 20; break;
    case W2('e', 'r'): s[L_DE] += 15; break;
    case W3('w', 'i', 'r'): s[L_DE] += 20; break;
    case W2('a', 'm'): s[L_DE] += 12; break;
    case W3('z', 'u', 'r'): s[L_DE] += 20; break;
    case W3('z', 'u', 'm'): s[L_DE] += 20; break;
    case W4(U'ü', 'b', 'e', 'r'): s[L_DE] += 25; break;
    case W3('v', 'o', 'r'): s[L_DE] += 15; break;
    case W3('b', 'i', 's'): s[L_DE] += 15; break;
    case W4('n', 'o', 'c', 'h'): s[L_DE] += 15; break;
    case W4('a', 'b', 'e', 'r'): s[L_DE] += 20; break;
    case W3('n', 'u', 'r'): s[L_DE] += 15; break;
    case W4('d', 'a', 's', 's'): s[L_DE] += 30; break;
    case W3('d', 'a', U'ß'): s[L_DE] += 30; break;
    case W5('s', 'e', 'i', 'n', 'e'): s[L_DE] += 20; break;
    case W6('s', 'e', 'i', 'n', 'e', 'm'): s[L_DE] += 20; break;
    case W4('i', 'h', 'r', 'e'): s[L_DE] += 20; break;
    case W5('g', 'e', 'g', 'e', 'n'): s[L_DE] += 20; break;
    case W5('h', 'a', 'b', 'e', 'n'): s[L_DE] += 20; break;
    case W3('v', 'o', 'm'): s[L_DE] += 20; break;
    case W2('l', 'e'): s[L_FR] += 25; break;
    case W2('l', 'a'): s[L_FR] += 25; break;
    case W3('l', 'e', 's'): s[L_FR] += 30; break;
    case W2('d', 'e'): s[L_FR] += 20; s[L_TR] += 10; break;
    case W2('e', 't'): s[L_FR] += 30; break;
    case W3('e', 's', 't'): s[L_FR] += 25; break;
    case W2('e', 'n'): s[L_FR] += 15; s[L_TR] += 8; break;
    case W2('d', 'u'): s[L_FR] += 25; break;
    case W2('u', 'n'): s[L_FR] += 20; break;
    case W3('u', 'n', 'e'): s[L_FR] += 25; break;
    case W4('d', 'a', 'n', 's'): s[L_FR] += 25; break;
    case W4('p', 'o', 'u', 'r'): s[L_FR] += 25; break;
    case W3('p', 'a', 'r'): s[L_FR] += 20; break;
    case W3('s', 'u', 'r'): s[L_FR] += 20; break;
    case W2('a', 'u'): s[L_FR] += 20; break;
    case W3('a', 'u', 'x'): s[L_FR] += 25; break;
    case W3('q', 'u', 'i'): s[L_FR] += 25; break;
    case W3('q', 'u', 'e'): s[L_FR] += 20; break;
    case W2('q', 'u'): s[L_FR] += 25; break;
    case W2('n', 'e'): s[L_FR] += 12; s[L_TR] += 10; break;
    case W3('p', 'a', 's'): s[L_FR] += 20; break;
    case W4('p', 'l', 'u', 's'): s[L_FR] += 20; break;
    case W4('a', 'v', 'e', 'c'): s[L_FR] += 25; break;
    case W2('i', 'l'): s[L_FR] += 20; s[L_AZ] += 8; break;
    case W4('e', 'l', 'l', 'e'): s[L_FR] += 20; break;
    case W1(U'à'): s[L_FR] += 25; break;
    case W2('s', 'e'): s[L_FR] += 15; break;
    case W2('c', 'e'): s[L_FR] += 20; break;
    case W3('s', 'o', 'n'): s[L_FR] += 15; break;
    case W2('s', 'a'): s[L_FR] += 15; break;
    case W3('s', 'e', 's'): s[L_FR] += 20; break;
    case W1('l'): s[L_FR] += 25; break;
    case W1('d'): s[L_FR] += 25; break;
    case W1('n'): s[L_FR] += 10; break;
    case W1('c'): s[L_FR] += 10; break;
    case W1('j'): s[L_FR] += 10; break;
    case W3(U'é', 't', U'é'): s[L_FR] += 25; break;
    case W5('e', 'n', 't', 'r', 'e'): s[L_FR] += 15; break;
    case W5('a', 'p', 'r', U'è', 's'): s[L_FR] += 20; break;
    case W6('c', 'o', 'n', 't', 'r', 'e'): s[L_FR] += 20; break;
    case W5('s', 'e', 'l', 'o', 'n'): s[L_FR] += 25; break;
    case W3('o', 'n', 't'): s[L_FR] += 20; break;
    case W4('s', 'o', 'n', 't'): s[L_FR] += 20; break;
    case W4('l', 'o', 'r', 's'): s[L_FR] += 20; break;
    case W4('l', 'e', 'u', 'r'): s[L_FR] += 20; break;
    case W5('c', 'e', 't', 't', 'e'): s[L_FR] += 25; break;
    case W2('o', 'u'): s[L_FR] += 15; break;
    case W2('o', U'ù'): s[L_FR] += 20; break;
    case W4('m', 'a', 'i', 's'): s[L_FR] += 20; break;
    case W4('n', 'o', 'u', 's'): s[L_FR] += 20; break;
    case W5('c', 'o', 'm', 'm', 'e'): s[L_FR] += 20; break;
    case W5(U'é', 't', 'a', 'i', 't'): s[L_FR] += 20; break;
    case W3('c', 'e', 's'): s[L_FR] += 20; break;
    case W4('d', 'e', 'u', 'x'): s[L_FR] += 20; break;
    case W2('v', 'e'): s[L_TR] += 30; break;
    case W3('b', 'i', 'r'): s[L_TR] += 12; s[L_AZ] += 12; break;
    case W2('b', 'u'): s[L_TR] += 10; s[L_AZ] += 10; break;
    case W2('d', 'a'): s[L_TR] += 8; s[L_AZ] += 6; break;
    case W3('i', 'l', 'e'): s[L_TR] += 25; break;
    case W4('i', U'ç', 'i', 'n'): s[L_TR] += 30; break;
    case W6('o', 'l', 'a', 'r', 'a', 'k'): s[L_TR] += 25; break;
    case W4('o', 'l', 'a', 'n'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W2('k', 'i'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W4('d', 'a', 'h', 'a'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W3('a', 'm', 'a'): s[L_TR] += 15; break;
    case W3(U'ç', 'o', 'k'): s[L_TR] += 20; break;
    case W4('g', 'i', 'b', 'i'): s[L_TR] += 25; break;
    case W5('k', 'a', 'd', 'a', 'r'): s[L_TR] += 20; break;
    case W5('s', 'o', 'n', 'r', 'a'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W3('i', 's', 'e'): s[L_TR] += 20; break;
    case W4('g', U'ö', 'r', 'e'): s[L_TR] += 25; break;
    case W5('k', 'a', 'r', U'ş', U'ı'): s[L_TR] += 25; break;
    case W5('d', 'e', U'ğ', 'i', 'l'): s[L_TR] += 25; break;
    case W3('v', 'a', 'r'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W3('y', 'o', 'k'): s[L_TR] += 20; break;
    case W5(U'ü', 'z', 'e', 'r', 'e'): s[L_TR] += 25; break;
    case W5('a', 'n', 'c', 'a', 'k'): s[L_TR] += 20; break;
    case W4('d', 'i', 'y', 'e'): s[L_TR] += 25; break;
    case W6('a', 'y', 'r', U'ı', 'c', 'a'): s[L_TR] += 25; break;
    case W6('o', 'l', 'd', 'u', U'ğ', 'u'): s[L_TR] += 20; break;
    case W4('e', 't', 't', 'i'): s[L_TR] += 20; break;
    case W4('o', 'l', 'd', 'u'): s[L_TR] += 10; break;
    case W4('d', 'e', 'd', 'i'): s[L_TR] += 10; s[L_AZ] += 10; break;
    case W3('i', 'l', 'k'): s[L_TR] += 10; s[L_AZ] += 10; break;
    case W4('y', 'e', 'n', 'i'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W3('i', 'k', 'i'): s[L_TR] += 8; s[L_AZ] += 8; break;
    case W2(U'ş', 'u'): s[L_TR] += 15; break;
    case W2('v', U'ə'): s[L_AZ] += 40; break;
    case W3('i', 'l', U'ə'): s[L_AZ] += 30; break;
    case W4(U'ü', U'ç', U'ü', 'n'): s[L_AZ] += 30; break;
    case W2('d', U'ə'): s[L_AZ] += 25; break;
    case W6('o', 'l', 'a', 'r', 'a', 'q'): s[L_AZ] += 25; break;
    case W3('i', 's', U'ə'): s[L_AZ] += 25; break;
    case W4('a', 'm', 'm', 'a'): s[L_AZ] += 20; break;
    case W3(U'ç', 'o', 'x'): s[L_AZ] += 20; break;
    case W5('q', U'ə', 'd', U'ə', 'r'): s[L_AZ] += 25; break;
    case W4('g', U'ö', 'r', U'ə'): s[L_AZ] += 25; break;
    case W5('q', 'a', 'r', U'ş', U'ı'): s[L_AZ] += 25; break;
    case W5('d', 'e', 'y', 'i', 'l'): s[L_AZ] += 25; break;
    case W3('h', U'ə', 'r'): s[L_AZ] += 20; break;
    case W3('h', U'ə', 'm'): s[L_AZ] += 25; break;
    case W5('a', 'r', 't', U'ı', 'q'): s[L_AZ] += 20; break;
    case W4('e', 'd', 'i', 'b'): s[L_AZ] += 20; break;
    case W4('o', 'l', 'u', 'b'): s[L_AZ] += 20; break;
    case W4('e', 't', 'd', 'i'): s[L_AZ] += 15; break;
    case W5('d', 'e', 'y', 'i', 'b'): s[L_AZ] += 20; break;
    case W4(U'ü', 'z', 'r', U'ə'): s[L_AZ] += 25; break;
    case W4(U'ö', 'l', 'k', U'ə'): s[L_AZ] += 20; break;
    case W5('b', 'i', 'l', 'd', 'i'): s[L_AZ] += 5; break;
    case W5('h', U'ə', 'm', 'i', 'n'): s[L_AZ] += 20; break;
    default: break;
    }
}

/* Cyrillic function words. */
static void cyr_word(uint64_t k, int *s)
{
    switch (k) {
    case W1(U'и'): s[L_RU] += 25; break;
    case W1(U'в'): s[L_RU] += 10; s[L_UK] += 10; break;
    case W2(U'н', U'е'): s[L_RU] += 3; s[L_UK] += 3; break;
    case W2(U'н', U'а'): s[L_RU] += 3; s[L_UK] += 3; break;
    case W3(U'ч', U'т', U'о'): s[L_RU] += 35; break;
    case W1(U'с'): s[L_RU] += 20; break;
    case W2(U'п', U'о'): s[L_RU] += 12; break;
    case W3(U'э', U'т', U'о'): s[L_RU] += 30; break;
    case W3(U'к', U'а', U'к'): s[L_RU] += 25; break;
    case W1(U'а'): s[L_RU] += 5; break;
    case W2(U'о', U'н'): s[L_RU] += 15; break;
    case W1(U'к'): s[L_RU] += 20; break;
    case W1(U'о'): s[L_RU] += 10; break;
    case W2(U'и', U'з'): s[L_RU] += 25; break;
    case W2(U'з', U'а'): s[L_RU] += 3; s[L_UK] += 3; break;
    case W3(U'д', U'л', U'я'): s[L_RU] += 5; s[L_UK] += 5; break;
    case W2(U'о', U'т'): s[L_RU] += 25; break;
    case W5(U'т', U'а', U'к', U'ж', U'е'): s[L_RU] += 30; break;
    case W3(U'б', U'ы', U'л'): s[L_RU] += 25; break;
    case W4(U'б', U'ы', U'л', U'а'): s[L_RU] += 25; break;
    case W4(U'б', U'ы', U'л', U'и'): s[L_RU] += 25; break;
    case W5(U'б', U'у', U'д', U'е', U'т'): s[L_RU] += 25; break;
    case W3(U'е', U'г', U'о'): s[L_RU] += 25; break;
    case W2(U'е', U'е'): s[L_RU] += 20; break;
    case W2(U'е', U'ё'): s[L_RU] += 20; break;
    case W2(U'и', U'х'): s[L_RU] += 20; break;
    case W3(U'п', U'р', U'и'): s[L_RU] += 12; s[L_UK] += 8; break;
    case W2(U'ж', U'е'): s[L_RU] += 12; break;
    case W2(U'н', U'о'): s[L_RU] += 20; break;
    case W2(U'д', U'о'): s[L_RU] += 5; s[L_UK] += 8; break;
    case W3(U'у', U'ж', U'е'): s[L_RU] += 20; break;
    case W3(U'и', U'л', U'и'): s[L_RU] += 25; break;
    case W1(U'у'): s[L_RU] += 8; s[L_UK] += 15; break;
    case W2(U'о', U'б'): s[L_RU] += 8; break;
    case W2(U'м', U'ы'): s[L_RU] += 20; break;
    case W2(U'в', U'ы'): s[L_RU] += 20; break;
    case W3(U'т', U'а', U'к'): s[L_RU] += 5; s[L_UK] += 5; break;
    case W5(U'п', U'о', U'с', U'л', U'е'): s[L_RU] += 25; break;
    case W5(U'м', U'е', U'ж', U'д', U'у'): s[L_RU] += 25; break;
    case W4(U'г', U'о', U'д', U'у'): s[L_RU] += 20; break;
    case W6(U'р', U'о', U'с', U'с', U'и', U'и'): s[L_RU] += 15; break;
    case W6(U'з', U'а', U'я', U'в', U'и', U'л'): s[L_RU] += 20; break;
    case W3(U'о', U'н', U'а'): s[L_RU] += 20; break;
    case W3(U'о', U'н', U'и'): s[L_RU] += 20; break;
    case W6(U'т', U'о', U'л', U'ь', U'к', U'о'): s[L_RU] += 20; break;
    case W4(U'е', U'с', U'л', U'и'): s[L_RU] += 20; break;
    case W5(U'ч', U'т', U'о', U'б', U'ы'): s[L_RU] += 25; break;
    case W3(U'г', U'д', U'е'): s[L_RU] += 20; break;
    case W3(U'в', U'с', U'е'): s[L_RU] += 10; break;
    case W4(U'э', U'т', U'о', U'м'): s[L_RU] += 20; break;
    case W5(U'э', U'т', U'о', U'г', U'о'): s[L_RU] += 20; break;
    case W5(U'м', U'о', U'ж', U'е', U'т'): s[L_RU] += 20; break;
    case W1(U'і'): s[L_UK] += 25; break;
    case W1(U'й'): s[L_UK] += 15; break;
    case W2(U'т', U'а'): s[L_UK] += 25; break;
    case W2(U'щ', U'о'): s[L_UK] += 35; break;
    case W1(U'з'): s[L_UK] += 25; break;
    case W2(U'і', U'з'): s[L_UK] += 20; break;
    case W2(U'я', U'к'): s[L_UK] += 25; break;
    case W2(U'ц', U'е'): s[L_UK] += 30; break;
    case W3(U'в', U'і', U'д'): s[L_UK] += 30; break;
    case W3(U'п', U'р', U'о'): s[L_UK] += 12; break;
    case W3(U'а', U'л', U'е'): s[L_UK] += 25; break;
    case W3(U'а', U'б', U'о'): s[L_UK] += 25; break;
    case W4(U'й', U'о', U'г', U'о'): s[L_UK] += 20; break;
    case W2(U'ї', U'ї'): s[L_UK] += 20; break;
    case W2(U'ї', U'х'): s[L_UK] += 20; break;
    case W3(U'в', U'і', U'н'): s[L_UK] += 20; break;
    case W4(U'в', U'о', U'н', U'а'): s[L_UK] += 20; break;
    case W4(U'в', U'о', U'н', U'и'): s[L_UK] += 20; break;
    case W2(U'м', U'и'): s[L_UK] += 15; break;
    case W2(U'в', U'и'): s[L_UK] += 15; break;
    case W3(U'б', U'у', U'в'): s[L_UK] += 25; break;
    case W4(U'б', U'у', U'л', U'а'): s[L_UK] += 25; break;
    case W4(U'б', U'у', U'л', U'и'): s[L_UK] += 20; break;
    case W4(U'б', U'у', U'д', U'е'): s[L_UK] += 25; break;
    case W5(U'т', U'а', U'к', U'о', U'ж'): s[L_UK] += 30; break;
    case W5(U'п', U'і', U'с', U'л', U'я'): s[L_UK] += 25; break;
    case W3(U'м', U'і', U'ж'): s[L_UK] += 25; break;
    case W3(U'п', U'і', U'д'): s[L_UK] += 20; break;
    case W3(U'щ', U'о', U'б'): s[L_UK] += 25; break;
    case W3(U'в', U'ж', U'е'): s[L_UK] += 20; break;
    case W2(U'щ', U'е'): s[L_UK] += 20; break;
    case W3(U'я', U'к', U'і'): s[L_UK] += 20; break;
    case W4(U'я', U'к', U'и', U'й'): s[L_UK] += 20; break;
    case W3(U'я', U'к', U'а'): s[L_UK] += 20; break;
    case W4(U'р', U'о', U'ц', U'і'): s[L_UK] += 20; break;
    case W6(U'з', U'а', U'я', U'в', U'и', U'в'): s[L_UK] += 20; break;
    case W4(U'т', U'о', U'м', U'у'): s[L_UK] += 5; break;
    case W5(U'ц', U'ь', U'о', U'г', U'о'): s[L_UK] += 20; break;
    case W4(U'м', U'о', U'ж', U'е'): s[L_UK] += 15; break;
    case W5(U'с', U'в', U'о', U'ї', U'х'): s[L_UK] += 15; break;
    default: break;
    }
}

/* Arabic-script function words, folded (see arabic_fold). */
static void ara_word(uint64_t k, int *s)
{
    switch (k) {
    case W2(U'ف', U'ي'): s[L_AR] += 30; break; /* في */
    case W2(U'م', U'ن'): s[L_AR] += 15; break; /* من */
    case W3(U'ع', U'ل', U'ي'): s[L_AR] += 35; break; /* على */
    case W3(U'ا', U'ل', U'ي'): s[L_AR] += 35; break; /* إلى */
    case W2(U'ا', U'ن'): s[L_AR] += 30; break; /* أن */
    case W2(U'ع', U'ن'): s[L_AR] += 25; break; /* عن */
    case W2(U'م', U'ع'): s[L_AR] += 20; break; /* مع */
    case W3(U'ه', U'ذ', U'ا'): s[L_AR] += 25; break; /* هذا */
    case W3(U'ه', U'ذ', U'ه'): s[L_AR] += 25; break; /* هذه */
    case W4(U'ا', U'ل', U'ت', U'ي'): s[L_AR] += 30; break; /* التي */
    case W4(U'ا', U'ل', U'ذ', U'ي'): s[L_AR] += 30; break; /* الذي */
    case W2(U'ق', U'د'): s[L_AR] += 20; break; /* قد */
    case W3(U'ك', U'ا', U'ن'): s[L_AR] += 25; break; /* كان */
    case W4(U'ك', U'ا', U'ن', U'ت'): s[L_AR] += 25; break; /* كانت */
    case W2(U'م', U'ا'): s[L_AR] += 12; break; /* ما */
    case W2(U'ل', U'ا'): s[L_AR] += 20; break; /* لا */
    case W3(U'ذ', U'ل', U'ك'): s[L_AR] += 25; break; /* ذلك */
    case W3(U'ب', U'ي', U'ن'): s[L_AR] += 8; s[L_FA] += 5; break; /* بين */
    case W3(U'ك', U'م', U'ا'): s[L_AR] += 25; break; /* كما */
    case W4(U'و', U'ق', U'ا', U'ل'): s[L_AR] += 25; break; /* وقال */
    case W3(U'ق', U'ا', U'ل'): s[L_AR] += 25; break; /* قال */
    case W3(U'ا', U'ن', U'ه'): s[L_AR] += 20; break; /* أنه */
    case W3(U'ب', U'ع', U'د'): s[L_AR] += 10; break; /* بعد */
    case W3(U'ح', U'ي', U'ث'): s[L_AR] += 25; break; /* حيث */
    case W4(U'خ', U'ل', U'ا', U'ل'): s[L_AR] += 25; break; /* خلال */
    case W2(U'ل', U'م'): s[L_AR] += 20; break; /* لم */
    case W2(U'ا', U'و'): s[L_AR] += 20; break; /* أو */
    case W3(U'و', U'ف', U'ي'): s[L_AR] += 25; break; /* وفي */
    case W3(U'و', U'م', U'ن'): s[L_AR] += 20; break; /* ومن */
    case W3(U'و', U'ه', U'و'): s[L_AR] += 20; break; /* وهو */
    case W3(U'و', U'ه', U'ي'): s[L_AR] += 20; break; /* وهي */
    case W5(U'ا', U'ل', U'ذ', U'ي', U'ن'): s[L_AR] += 25; break; /* الذين */
    case W2(U'ل', U'ن'): s[L_AR] += 20; break; /* لن */
    case W3(U'م', U'ن', U'ذ'): s[L_AR] += 20; break; /* منذ */
    case W2(U'ب', U'ن'): s[L_AR] += 10; break; /* بن */
    case W3(U'ع', U'ب', U'ر'): s[L_AR] += 15; break; /* عبر */
    case W1(U'و'): s[L_FA] += 20; break; /* و */
    case W2(U'د', U'ر'): s[L_FA] += 30; break; /* در */
    case W2(U'ب', U'ه'): s[L_FA] += 30; break; /* به */
    case W2(U'ا', U'ز'): s[L_FA] += 30; break; /* از */
    case W2(U'ك', U'ه'): s[L_FA] += 35; break; /* که */
    case W2(U'ر', U'ا'): s[L_FA] += 35; break; /* را */
    case W3(U'ا', U'ي', U'ن'): s[L_FA] += 30; break; /* این */
    case W2(U'ب', U'ا'): s[L_FA] += 25; break; /* با */
    case W3(U'ا', U'س', U'ت'): s[L_FA] += 35; break; /* است */
    case W4(U'ب', U'ر', U'ا', U'ي'): s[L_FA] += 30; break; /* برای */
    case W2(U'آ', U'ن'): s[L_FA] += 25; break; /* آن */
    case W2(U'ي', U'ك'): s[L_FA] += 25; break; /* یک */
    case W2(U'م', U'ي'): s[L_FA] += 30; break; /* می */
    case W2(U'ش', U'د'): s[L_FA] += 25; break; /* شد */
    case W3(U'ش', U'د', U'ه'): s[L_FA] += 25; break; /* شده */
    case W3(U'ه', U'ا', U'ي'): s[L_FA] += 25; break; /* های */
    case W2(U'ه', U'ا'): s[L_FA] += 20; break; /* ها */
    case W2(U'ب', U'ر'): s[L_FA] += 15; break; /* بر */
    case W2(U'ت', U'ا'): s[L_FA] += 20; break; /* تا */
    case W2(U'ه', U'م'): s[L_FA] += 15; break; /* هم */
    case W3(U'ن', U'ي', U'ز'): s[L_FA] += 25; break; /* نیز */
    case W2(U'و', U'ي'): s[L_FA] += 25; break; /* وی */
    case W3(U'خ', U'و', U'د'): s[L_FA] += 25; break; /* خود */
    case W3(U'ا', U'م', U'ا'): s[L_FA] += 20; break; /* اما */
    case W3(U'ب', U'و', U'د'): s[L_FA] += 25; break; /* بود */
    case W3(U'ش', U'و', U'د'): s[L_FA] += 25; break; /* شود */
    case W3(U'ك', U'ن', U'د'): s[L_FA] += 20; break; /* کند */
    case W3(U'ك', U'ر', U'د'): s[L_FA] += 25; break; /* کرد */
    case W4(U'ك', U'ر', U'د', U'ه'): s[L_FA] += 20; break; /* کرده */
    case W4(U'د', U'ا', U'ر', U'د'): s[L_FA] += 25; break; /* دارد */
    case W3(U'گ', U'ف', U'ت'): s[L_FA] += 25; break; /* گفت */
    case W2(U'ا', U'ي'): s[L_FA] += 15; break; /* ای */
    case W2(U'ه', U'ر'): s[L_FA] += 12; break; /* هر */
    case W2(U'پ', U'س'): s[L_FA] += 15; break; /* پس */
    case W2(U'د', U'و'): s[L_FA] += 10; break; /* دو */
    case W3(U'ا', U'ن', U'د'): s[L_FA] += 20; break; /* اند */
    case W4(U'ب', U'ا', U'ي', U'د'): s[L_FA] += 25; break; /* باید */
    case W4(U'ك', U'ن', U'ن', U'د'): s[L_FA] += 20; break; /* کنند */
    default: break;
    }
}

/* Lowercases a Latin letter below U+0250 (plus Ə); Turkish İ becomes i. */
static int32_t latin_lower(int32_t c)
{
    if (c < 0x80)
        return kr_tolower(c);
    if (c < 0x100)
        return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 0x20 : c;
    if (c == 0x130)
        return 'i';
    if (c == 0x18F)
        return 0x259;
    if (c == 0x178)
        return 0xFF;
    if ((c < 0x138 && c != 0x131) || (c >= 0x14A && c < 0x178))
        return c | 1;
    if ((c >= 0x139 && c < 0x149) || (c >= 0x179 && c < 0x17F))
        return (c & 1) ? c + 1 : c;
    return c;
}

static int32_t cyrillic_lower(int32_t c)
{
    if (c < 0x410)
        return c + 0x50;
    if (c < 0x430)
        return c + 0x20;
    if (c == 0x4C0)
        return 0x4CF;
    if ((c >= 0x460 && c < 0x482) || (c >= 0x48A && c < 0x4C0) || (c >= 0x4D0 && c < 0x530))
        return c | 1;
    if (c > 0x4C0 && c < 0x4CF)
        return (c & 1) ? c + 1 : c;
    return c;
}

static int is_arabic_letter(int32_t c)
{
    return (c >= 0x620 && c <= 0x64A && c != 0x640) || c == 0x66E || c == 0x66F ||
           (c >= 0x671 && c <= 0x6D3) || c == 0x6D5 || c == 0x6EE || c == 0x6EF ||
           (c >= 0x6FA && c <= 0x6FC) || c == 0x6FF || (c >= 0x750 && c <= 0x77F) ||
           (c >= 0x8A0 && c <= 0x8C9);
}

static int is_arabic_mark(int32_t c)
{
    return (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) || c == 0x640 ||
           c == 0x670 || (c >= 0x6D6 && c <= 0x6ED) || (c >= 0x8CA && c <= 0x8FF);
}

/* Classifies c and stores its lowercase form in *low. */
static enum cls classify(int32_t c, int32_t *low)
{
    *low = c;
    if (c < 0x80) {
        if (kr_isalpha(c)) {
            *low = kr_tolower(c);
            return C_LATN;
        }
        return c == '\'' ? C_APOS : C_NONE;
    }
    if (c < 0x300) {
        if (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2B0) {
            *low = latin_lower(c);
            return C_LATN;
        }
        if (c == 0xAD)
            return C_MARK;
        return c == 0x2BC ? C_APOS : C_NONE;
    }
    if (c < 0x370)
        return C_MARK;
    if (c >= 0x400 && c < 0x530) {
        if (c >= 0x482 && c < 0x48A)
            return c == 0x482 ? C_NONE : C_MARK;
        *low = cyrillic_lower(c);
        return C_CYRL;
    }
    if (c >= 0x530 && c < 0x590) {
        if (c >= 0x531 && c <= 0x556) {
            *low = c + 0x30;
            return C_ARMN;
        }
        return (c >= 0x560 && c <= 0x588) ? C_ARMN : C_NONE;
    }
    if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0x870 && c < 0x900)) {
        if (is_arabic_letter(c))
            return C_ARAB;
        return is_arabic_mark(c) ? C_MARK : C_NONE;
    }
    if ((c >= 0x10A0 && c < 0x1100 && c != 0x10FB) || (c >= 0x1C90 && c < 0x1CC0) ||
        (c >= 0x2D00 && c < 0x2D30))
        return C_GEOR;
    if (c >= 0x1E00 && c < 0x1F00)
        return C_LATN;
    if (c == 0x200C)
        return C_ZWNJ;
    if (c == 0x200D)
        return C_MARK;
    if (c == 0x2019)
        return C_APOS;
    if (c >= 0x2000 && c < 0x2C00)
        return C_NONE;
    if ((c >= 0xFB50 && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00))
        return u_isalpha(c) ? C_ARAB : C_NONE;
    return u_isalpha(c) ? C_OTHER : C_NONE;
}

/* Folds the Persian and Arabic spellings of one letter together for n-gram
 * and word lookups: ی ى -> ي, ک -> ك, أ إ ٱ -> ا. */
static int32_t arabic_fold(int32_t c)
{
    switch (c) {
    case 0x6CC: case 0x649: return 0x64A;
    case 0x6A9: return 0x643;
    case 0x623: case 0x625: case 0x671: return 0x627;
    default: return c;
    }
}

/* Key code of a lowercased letter of a scored script (see KC). */
static uint32_t key_code(enum cls sc, int32_t low)
{
    if (sc == C_LATN)
        return low < 0x2B0 ? (uint32_t)low : KEY_FOREIGN;
    if (sc == C_CYRL)
        return low < 0x500 ? (uint32_t)low & 0x3FFu : KEY_FOREIGN;
    low = arabic_fold(low);
    return low < 0x700 ? (uint32_t)low & 0x3FFu : KEY_FOREIGN;
}

static void add_letter(enum cls sc, int32_t low, int32_t raw, int *s)
{
    size_t j;
    if (sc == C_LATN) {
        if (low < LAT_UNI_N)
            for (j = 0; j < sizeof lat_langs; j++)
                s[lat_langs[j]] += lat_uni[low][j];
    } else if (sc == C_CYRL) {
        if (low < 0x500)
            for (j = 0; j < sizeof cyr_langs; j++)
                s[cyr_langs[j]] += cyr_uni[low - 0x400][j];
    } else if (raw >= 0x600 && raw < 0x700) {
        for (j = 0; j < sizeof ara_langs; j++)
            s[ara_langs[j]] += ara_uni[raw - 0x600][j];
    }
}

static void add_gram(enum cls sc, uint32_t k, int *s)
{
    if (sc == C_LATN)
        lat_gram(k, s);
    else if (sc == C_CYRL)
        cyr_gram(k, s);
    else
        ara_gram(k, s);
}

static void add_word(enum cls sc, uint64_t k, int *s)
{
    if (sc == C_LATN)
        lat_word(k, s);
    else if (sc == C_CYRL)
        cyr_word(k, s);
    else
        ara_word(k, s);
}

/* The word being read: its script, length, last two key codes, packed key. */
struct word {
    enum cls sc;
    size_t len;
    uint32_t p1, p2;
    uint64_t key;
};

static int scored(enum cls sc)
{
    return sc == C_LATN || sc == C_CYRL || sc == C_ARAB;
}

static void word_end(struct word *w, int *s, size_t *nwords)
{
    if (w->len == 0)
        return;
    if (scored(w->sc)) {
        add_gram(w->sc, (2u << 30) | (w->p1 << 10) | KEY_EDGE, s);
        if (w->p2 != KEY_NONE)
            add_gram(w->sc, (3u << 30) | (w->p2 << 20) | (w->p1 << 10) | KEY_EDGE, s);
        if (w->len <= WORD_MAX)
            add_word(w->sc, w->key, s);
    }
    nwords[w->sc]++;
    w->len = 0;
}

static void word_letter(struct word *w, enum cls sc, int32_t low, int32_t raw, int *s)
{
    uint32_t k;
    if (w->len == 0) {
        w->sc = sc;
        w->p1 = KEY_EDGE;
        w->p2 = KEY_NONE;
        w->key = 0;
    }
    w->len++;
    if (!scored(sc))
        return;
    k = key_code(sc, low);
    add_letter(sc, low, raw, s);
    add_gram(sc, (2u << 30) | (w->p1 << 10) | k, s);
    if (w->p2 != KEY_NONE)
        add_gram(sc, (3u << 30) | (w->p2 << 20) | (w->p1 << 10) | k, s);
    if (w->len <= WORD_MAX)
        w->key |= (uint64_t)k << (50 - 10 * (w->len - 1));
    w->p2 = w->p1;
    w->p1 = k;
}

const char *langid_detect(const char *s, size_t n, double *conf)
{
    int score[L_COUNT] = {0};
    size_t letters[C_NSCRIPT] = {0}, nwords[C_NSCRIPT] = {0};
    size_t i = 0, total = 0, j, ncand = 0;
    struct word w = {C_NONE, 0, 0, 0, 0};
    int apos = 0, best = -1, second = -1, margin;
    enum cls dom = C_LATN;
    const unsigned char *cand = NULL;
    double share;

    if (conf)
        *conf = 0.0;
    if (s == NULL)
        return "und";
    if (n > LANGID_MAX_BYTES)
        n = LANGID_MAX_BYTES;
    while (i < n) {
        int32_t low, c = utf8_next(s, n, &i);
        enum cls k = c < 0 ? C_NONE : classify(c, &low);
        if (k < C_NSCRIPT) {
            if (w.len > 0 && w.sc != k)
                word_end(&w, score, nwords);
            if (apos && k == C_CYRL)
                score[L_UK] += UK_APOS;
            apos = 0;
            letters[k]++;
            word_letter(&w, k, low, c, score);
            continue;
        }
        if (k == C_MARK)
            continue;
        if (k == C_ZWNJ && w.len > 0 && w.sc == C_ARAB)
            score[L_FA] += ZWNJ_FA;
        apos = k == C_APOS && w.len > 0 && w.sc == C_CYRL;
        word_end(&w, score, nwords);
    }
    word_end(&w, score, nwords);

    for (j = 0; j < C_NSCRIPT; j++) {
        total += letters[j];
        if (letters[j] > letters[dom])
            dom = (enum cls)j;
    }
    if (total < MIN_LETTERS || letters[dom] < MIN_LETTERS)
        return "und";
    for (j = 0; j < C_NSCRIPT; j++)
        if (j != (size_t)dom && letters[j] == letters[dom])
            return "und"; /* two scripts tie */
    share = (double)letters[dom] / (double)total;
    if (dom == C_ARMN || dom == C_GEOR) {
        if (conf)
            *conf = share * (double)letters[dom] / (double)(letters[dom] + 4);
        return lang_code[dom == C_ARMN ? L_HY : L_KA];
    }
    if (dom == C_LATN) {
        cand = lat_langs;
        ncand = sizeof lat_langs;
    } else if (dom == C_CYRL) {
        cand = cyr_langs;
        ncand = sizeof cyr_langs;
    } else if (dom == C_ARAB) {
        cand = ara_langs;
        ncand = sizeof ara_langs;
    }
    if (cand == NULL || nwords[dom] < 2)
        return "und";
    for (j = 0; j < ncand; j++) {
        int l = cand[j];
        if (best < 0 || score[l] > score[best]) {
            second = best;
            best = l;
        } else if (second < 0 || score[l] > score[second]) {
            second = l;
        }
    }
    margin = score[best] - score[second];
    if (margin < MIN_MARGIN)
        return "und";
    if (conf)
        *conf = share * (double)margin / ((double)margin + CONF_SCALE);
    return lang_code[best];
}
