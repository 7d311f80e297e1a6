/* t_key.c: matching keys. A lexicon name loses only a nominative ending
 * (Карабах stays карабах); a word of a text gets its keys most stripped
 * first (Карабахе -> карабах), and the lexicon key of a word is always one
 * of its text keys. */
#include <string.h>

#include "fold.h"
#include "key.h"
#include "t.h"

/* The folded form of a single word. */
static size_t folded(const char *w, char *buf, unsigned *script)
{
    size_t pos = 0;
    fold_word f;
    if (!fold_next(w, strlen(w), &pos, buf, &f))
        return 0;
    *script = f.script;
    return f.n;
}

static void check_lex(const char *w, const char *want, int line)
{
    char buf[FOLD_MAX_WORD + 8], key[KEY_MAX];
    unsigned sc = 0;
    size_t n = folded(w, buf, &sc), k = key_lex(NULL, sc, buf, n, key);
    if (k != strlen(want) || memcmp(key, want, k) != 0) {
        t_fail++;
        fprintf(stderr, "t_key.c:%d: key_lex(%s) is \"%.*s\", expected \"%s\"\n", line, w, (int)k,
                key, want);
    } else
        t_pass++;
}

/* want: the text keys joined by '|' */
static void check_text(const char *w, const char *want, int line)
{
    char buf[FOLD_MAX_WORD + 8], kbuf[KEY_ALTS][KEY_MAX], got[4 * KEY_MAX];
    kr_str keys[KEY_ALTS];
    size_t n, k, o = 0;
    unsigned sc = 0;
    n = folded(w, buf, &sc);
    n = key_text(NULL, sc, buf, n, kbuf, keys);
    for (k = 0; k < n; k++) {
        if (k)
            got[o++] = '|';
        memcpy(got + o, keys[k].p, keys[k].n);
        o += keys[k].n;
    }
    got[o] = '\0';
    if (strcmp(got, want) != 0) {
        t_fail++;
        fprintf(stderr, "t_key.c:%d: key_text(%s) is \"%s\", expected \"%s\"\n", line, w, got, want);
    } else
        t_pass++;
}

#define LEX(w, want) check_lex(w, want, __LINE__)
#define TEXT(w, want) check_text(w, want, __LINE__)

static void test_lexicon_side(void)
{
    LEX("Карабах", "карабах"); /* -ах is no nominative ending */
    LEX("Газпром", "газпром");
    LEX("Ильхам", "ильхам");
    LEX("Дмитрий", "дмитр");
    LEX("Россия", "росс");
    LEX("Москва", "москв");
    LEX("Кремль", "кремл");
    LEX("Лавров", "лавров");
    LEX("российский", "российск");
    LEX("Шойгу", "шойгу"); /* -у is no nominative ending */
    LEX("иностранных", "иностранных");
    LEX("Armenians", "armenian");
    LEX("Ashtiyani", "ashtiani");
}

static void test_text_side(void)
{
    TEXT("Карабахе", "карабах|карабахе");
    TEXT("Карабах", "караб|карабах");
    TEXT("Газпрома", "газпром|газпрома");
    TEXT("Газпромом", "газпром|газпромом");
    TEXT("Дмитрия", "дмитр|дмитри|дмитрия");
    TEXT("Дмитрием", "дмитр|дмитрием");
    TEXT("России", "росс|росси|россии");
    TEXT("Россией", "росс|россие|россией");
    TEXT("Ильхама", "ильхам|ильхама");
    TEXT("Лавровым", "лавров|лавровым");
    TEXT("Сергеем", "серге|сергеем");
    TEXT("Лавров", "лавров");
    TEXT("Prices", "price|prices");
    TEXT("Price", "price");
    TEXT("NATO", "nato");
}

/* The lexicon key of a word is one of its text keys, whatever the word. */
static void test_lexicon_key_among_text_keys(void)
{
    static const char *const words[] = {"Карабах", "Газпром", "Ильхам", "Дмитрий", "Россия",
        "Сергей", "Кремль", "Шойгу", "иностранных", "безопасности", "Армии", "Российской",
        "Европе", "внешней", "Азия", "Мали", "Сочи", "Баку", "Armenians", "Prices", "Lavrov",
        "Министерство", "обороны", "Соединённые", "Штаты", "Федерации", "Хезболла", NULL};
    size_t k, j;
    for (k = 0; words[k]; k++) {
        char buf[FOLD_MAX_WORD + 8], lk[KEY_MAX], kbuf[KEY_ALTS][KEY_MAX];
        kr_str keys[KEY_ALTS];
        size_t n, ln, nk;
        unsigned sc = 0;
        int found = 0;
        n = folded(words[k], buf, &sc);
        ln = key_lex(NULL, sc, buf, n, lk);
        nk = key_text(NULL, sc, buf, n, kbuf, keys);
        for (j = 0; j < nk; j++)
            found |= keys[j].n == ln && memcmp(keys[j].p, lk, ln) == 0;
        if (!found)
            fprintf(stderr, "t_key.c: key_lex(%s) is none of its text keys\n", words[k]);
        CHECK(found);
    }
}

/* The full stripper (word lists, candidate ids) keeps three letters. */
static void test_strip(void)
{
    char buf[FOLD_MAX_WORD + 8];
    unsigned sc = 0;
    size_t n = folded("Лавровым", buf, &sc);
    CHECK_STRN(buf, key_ru_strip(buf, n), "лавров");
    n = folded("Азия", buf, &sc);
    CHECK_STRN(buf, key_ru_strip(buf, n), "ази");
    n = folded("мая", buf, &sc);
    CHECK_STRN(buf, key_ru_strip(buf, n), "мая");
    n = folded("Марией", buf, &sc);
    CHECK_STRN(buf, key_ru_strip(buf, n), "мар");
}

/* Foreign names ending in a vowel stay as they are in Russian; Russian
 * plurals and -ово names decline. */
static void test_indeclinable(void)
{
    static const struct {
        const char *w;
        int want;
    } cases[] = {
        {"Поти", 1},   {"Дели", 1},     {"Мали", 1},   {"Того", 1},     {"Баку", 1},
        {"Зимбабве", 1}, {"Тбилиси", 1}, {"Токио", 1},  {"Мытищи", 0},   {"Химки", 0},
        {"Иваново", 0}, {"Бородино", 0}, {"Москва", 0}, {"Ереван", 0},   {"Россия", 0},
        {"Кие", 0},     {"Штаты", 0},    {"Самоа", 1},  {"Никарагуа", 1}, {"Куба", 0},
    };
    size_t k;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char buf[64];
        unsigned script;
        size_t n = folded(cases[k].w, buf, &script);
        if (key_ru_indeclinable(buf, n) != cases[k].want) {
            t_fail++;
            fprintf(stderr, "%s:%d: key_ru_indeclinable(%s) is %d\n", __FILE__, __LINE__, cases[k].w,
                    !cases[k].want);
        } else
            t_pass++;
    }
}

int main(void)
{
    test_indeclinable();
    test_lexicon_side();
    test_text_side();
    test_lexicon_key_among_text_keys();
    test_strip();
    return t_report();
}
