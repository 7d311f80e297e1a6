/* t_tok.c: the tokenizer and sentence splitter: token text, types, flags and
 * exact byte spans in English, Russian and other scripts; sentence ends;
 * bad arguments, invalid bytes, allocation failures, long input; and a
 * throughput figure (printed, not asserted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "fold.h"
#include "kr.h"
#include "t.h"
#include "tok.h"

/* Checks what every result must satisfy; returns 1 when all hold. */
static int invariants(const char *s, size_t n, size_t from, const tok_doc *d)
{
    size_t k, j = 0, prev = from;
    if ((d->ntokens == 0) != (d->nsents == 0))
        return 0;
    for (k = 0; k < d->ntokens; k++) {
        const tok_token *t = &d->tokens[k];
        if (t->span.start < prev || t->span.end <= t->span.start || t->span.end > n)
            return 0;
        if (t->type < TOK_WORD || t->type > TOK_SYM)
            return 0;
        prev = t->span.end;
    }
    for (k = 0; k < d->nsents; k++) {
        const tok_sent *st = &d->sents[k];
        if (st->first != j || st->count == 0 || st->count > TOK_MAX_SENT)
            return 0;
        if (!(d->tokens[st->first].flags & TOK_SENT_START))
            return 0;
        if (st->span.start != d->tokens[st->first].span.start ||
            st->span.end != d->tokens[st->first + st->count - 1].span.end)
            return 0;
        for (j = st->first + 1; j < st->first + st->count; j++)
            if (d->tokens[j].flags & TOK_SENT_START)
                return 0;
        j = st->first + st->count;
    }
    (void)s;
    return j == d->ntokens;
}

/* Renders the tokens of s as "tok tok | tok" (sentences split by " | ");
 * abbreviations as written, types other than WORD appended as "/NUM" etc. */
static const char *render(const char *s, size_t from, kr_buf *out, int types)
{
    kr_arena *a = arena_new();
    tok_doc d;
    kr_error e;
    size_t k;
    kr_buf_reset(out);
    kr_error_clear(&e, "test");
    if (!a || tok_run(s, strlen(s), from, a, &d, &e) != 0) {
        arena_free(a);
        return "ERROR";
    }
    if (!invariants(s, strlen(s), from, &d))
        kr_buf_puts(out, "!INVARIANTS ");
    for (k = 0; k < d.ntokens; k++) {
        const tok_token *t = &d.tokens[k];
        if (k > 0)
            kr_buf_puts(out, (t->flags & TOK_SENT_START) ? " | " : " ");
        kr_buf_append(out, s + t->span.start, t->span.end - t->span.start);
        if (types && t->type != TOK_WORD)
            kr_buf_printf(out, "/%s", tok_type_name(t->type));
    }
    arena_free(a);
    return out->p ? out->p : "";
}

#define TOKS(text, want)                                                       \
    do {                                                                       \
        kr_buf tb = {0};                                                       \
        CHECK_STR(render((text), 0, &tb, 0), (want));                          \
        kr_buf_free(&tb);                                                      \
    } while (0)

#define TYPED(text, want)                                                      \
    do {                                                                       \
        kr_buf tb = {0};                                                       \
        CHECK_STR(render((text), 0, &tb, 1), (want));                          \
        kr_buf_free(&tb);                                                      \
    } while (0)

/* Runs s and returns the result in *d (arena a). */
static int run(const char *s, kr_arena *a, tok_doc *d)
{
    kr_error e;
    kr_error_clear(&e, "test");
    return tok_run(s, strlen(s), 0, a, d, &e);
}

/* Index of the first token whose text is w, or -1. */
static long find(const char *s, const tok_doc *d, const char *w)
{
    size_t k;
    for (k = 0; k < d->ntokens; k++)
        if (d->tokens[k].span.end - d->tokens[k].span.start == strlen(w) &&
            memcmp(s + d->tokens[k].span.start, w, strlen(w)) == 0)
            return (long)k;
    return -1;
}

static unsigned flags_of(const char *s, const char *w)
{
    kr_arena *a = arena_new();
    tok_doc d;
    long k;
    unsigned f = 0xFFFF;
    if (run(s, a, &d) == 0 && (k = find(s, &d, w)) >= 0)
        f = d.tokens[k].flags;
    arena_free(a);
    return f;
}

static void test_args(void)
{
    kr_arena *a = arena_new();
    tok_doc d, keep;
    kr_error e;
    memset(&keep, 0x5A, sizeof keep);
    d = keep;
    kr_error_clear(&e, "test");
    CHECK_INT(tok_run("abc", 3, 4, a, &d, &e), KR_EUSAGE);
    CHECK_INT(e.code, KR_EUSAGE);
    CHECK(strstr(e.msg, "beyond") != NULL);
    CHECK(memcmp(&d, &keep, sizeof d) == 0); /* out untouched on failure */
    CHECK_INT(tok_run(NULL, 5, 0, a, &d, &e), KR_EUSAGE);
    CHECK_INT(tok_run(NULL, 0, 0, a, &d, &e), 0);
    CHECK_INT(d.ntokens, 0);
    CHECK_INT(d.nsents, 0);
    CHECK(d.tokens == NULL && d.sents == NULL);
    CHECK_INT(tok_run("", 0, 0, a, &d, &e), 0);
    CHECK_INT(d.ntokens, 0);
    CHECK_INT(tok_run("abc def", 7, 7, a, &d, &e), 0); /* from == n: nothing */
    CHECK_INT(d.ntokens, 0);
    CHECK_INT(tok_run(" \n\n\t ", 5, 0, a, &d, &e), 0); /* only white space */
    CHECK_INT(d.ntokens, 0);
    CHECK_INT(d.nsents, 0);
    arena_free(a);
    CHECK_STR(tok_type_name(TOK_NUM), "NUM");
    CHECK_STR(tok_type_name(99), "?");
}

/* Offsets count bytes, and `from` skips the header without shifting them. */
static void test_offsets(void)
{
    const char *s = "МОСКВА, 10 ноября. /ТАСС/. Путин встретился с Алиевым.";
    size_t body = strlen("МОСКВА, 10 ноября. /ТАСС/. ");
    kr_arena *a = arena_new();
    tok_doc d;
    kr_error e;
    kr_error_clear(&e, "test");
    CHECK_INT(tok_run(s, strlen(s), body, a, &d, &e), 0);
    CHECK_INT(d.ntokens, 5);
    CHECK_INT(d.nsents, 1);
    CHECK_INT(d.tokens[0].span.start, body);
    CHECK_INT(d.tokens[0].span.end, body + 10); /* Путин: 5 letters, 10 bytes */
    CHECK_INT(d.tokens[0].flags, TOK_CAP | TOK_CYRILLIC | TOK_PLAIN | TOK_SENT_START | TOK_PARA_START);
    CHECK_INT(d.tokens[1].span.start, body + 11);
    CHECK_INT(d.tokens[1].span.end, body + 11 + 20);
    CHECK_INT(d.tokens[2].span.start, body + 32); /* с */
    CHECK_INT(d.tokens[2].span.end, body + 34);
    CHECK_INT(d.tokens[4].type, TOK_PUNCT);
    CHECK_INT(d.tokens[4].span.end, strlen(s));
    CHECK_INT(d.sents[0].first, 0);
    CHECK_INT(d.sents[0].count, 5);
    CHECK_INT(d.sents[0].span.start, body);
    CHECK_INT(d.sents[0].span.end, strlen(s));

    CHECK_INT(tok_run(s, strlen(s), 0, a, &d, &e), 0);
    CHECK_INT(d.nsents, 2); /* "... /ТАСС/." | "Путин ..." */
    CHECK_INT(d.sents[1].first, 9);
    CHECK_INT(d.sents[1].span.start, body);
    CHECK_INT(d.tokens[0].span.end, 12); /* МОСКВА */
    CHECK_INT(d.tokens[0].flags, TOK_CAP | TOK_UPPER | TOK_CYRILLIC | TOK_PLAIN | TOK_SENT_START | TOK_PARA_START);
    arena_free(a);

    TOKS("Iran’s envoy", "Iran ’s envoy");
    {
        kr_arena *b = arena_new();
        const char *t = "Iran’s envoy";
        CHECK_INT(run(t, b, &d), 0);
        CHECK_INT(d.tokens[0].span.end, 4);
        CHECK_INT(d.tokens[1].span.start, 4);
        CHECK_INT(d.tokens[1].span.end, 8); /* ’ is 3 bytes */
        CHECK_INT(d.tokens[2].span.start, 9);
        arena_free(b);
    }
}

static void test_english(void)
{
    TOKS("Russian Defense Minister Sergey Shoigu met his Iranian counterpart Mohammad-Reza "
         "Ashtiani in Tehran on Wednesday. The two discussed co-operation.",
         "Russian Defense Minister Sergey Shoigu met his Iranian counterpart Mohammad-Reza "
         "Ashtiani in Tehran on Wednesday . | The two discussed co-operation .");
    TOKS("Mr. Lavrov and Dr. Smith met Gen. Petraeus, Lt. Col. Jones and Sen. Graham.",
         "Mr. Lavrov and Dr. Smith met Gen. Petraeus , Lt. Col. Jones and Sen. Graham .");
    TOKS("The U.S. President and the U.K. Foreign Secretary spoke at the U.N. today.",
         "The U.S. President and the U.K. Foreign Secretary spoke at the U.N. today .");
    /* a sentence-final U.S. ends before a typical sentence opener */
    TOKS("Iran blamed the U.S. The talks failed.", "Iran blamed the U.S. | The talks failed .");
    TOKS("He works for Apple Inc. He said so.", "He works for Apple Inc. | He said so .");
    TOKS("Oil, gas, etc. Prices rose.", "Oil , gas , etc. | Prices rose .");
    TOKS("e.g. this, i.e. that, at 10 a.m. and 5 p.m. on Jan. 5 vs. Feb. 6",
         "e.g. this , i.e. that , at 10 a.m. and 5 p.m. on Jan. 5 vs. Feb. 6");
    TOKS("They met at 10 a.m. The talks lasted an hour.",
         "They met at 10 a.m. | The talks lasted an hour .");
    /* initials, also several in a row */
    TOKS("A. Lukashenko met J. R. R. Tolkien.", "A. Lukashenko met J. R. R. Tolkien .");
    TOKS("Yu. Ushakov spoke.", "Yu. Ushakov spoke .");
    /* "No." only before a number */
    TOKS("Resolution No. 2254 passed. The answer was No. Then he left.",
         "Resolution No. 2254 passed . | The answer was No . | Then he left .");
    /* possessives and inner apostrophes */
    TOKS("Iran's and Armenia’s envoys, O'Brien, d'Estaing and the ministers' talks",
         "Iran 's and Armenia ’s envoys , O'Brien , d'Estaing and the ministers ' talks");
    TOKS("It's the 1990's", "It 's the 1990 's");
    TOKS("U.S.-led forces, AT&T and the P5+1", "U.S.-led forces , AT&T and the P5+1");
    TOKS("ends here.No split", "ends here . No split"); /* no space after the dot: not a sentence end */
    TOKS("Lowercase after a dot. the sentence goes on.", "Lowercase after a dot . the sentence goes on .");
    TOKS("He asked: Why? Nobody knew! Really?! Yes… Fine...",
         "He asked : Why ? | Nobody knew ! | Really ?! | Yes … | Fine ...");
}

static void test_russian(void)
{
    TOKS("Президент России Владимир Путин провел переговоры. Стороны обсудили ситуацию.",
         "Президент России Владимир Путин провел переговоры . | Стороны обсудили ситуацию .");
    TOKS("В 2020 г. в г. Москве прошли переговоры.", "В 2020 г. в г. Москве прошли переговоры .");
    TOKS("Это было в 2020 г. Затем все изменилось.", "Это было в 2020 г. | Затем все изменилось .");
    TOKS("Город был основан в г. Москве тогда.", "Город был основан в г. Москве тогда .");
    TOKS("Встреча в г. Москва прошла.", "Встреча в г. Москва прошла .");
    TOKS("Бюджет 5 млрд. Рублей не хватило.", "Бюджет 5 млрд. | Рублей не хватило .");
    TOKS("Страны, т.е. Россия, Иран и т.д. Далее.", "Страны , т.е. Россия , Иран и т.д. | Далее .");
    TOKS("Иран, Турция и т. д. Затем Баку.", "Иран , Турция и т. д. | Затем Баку .");
    TOKS("Иран, Турция и др. Затем Баку.", "Иран , Турция и др. | Затем Баку .");
    TOKS("на ул. Ленина, д. 5 им. Пушкина", "на ул. Ленина , д. 5 им. Пушкина");
    TOKS("Заявил В. В. Путин и Дж. Байден.", "Заявил В. В. Путин и Дж. Байден .");
    TOKS("Ген. штаб и ген. Иванов", "Ген. штаб и ген. Иванов");
    /* direct speech */
    TOKS("— Мы готовы, — сказал он. — Это важно.", "— Мы готовы , — сказал он . | — Это важно .");
    TOKS("«Что делать?» — спросил он.", "« Что делать ? » — спросил он .");
    TOKS("Он сказал: «Да». Подробностей нет.", "Он сказал : « Да » . | Подробностей нет .");
    TOKS("«Да, это так.» Потом ушел.", "« Да , это так . » | Потом ушел .");
    TOKS("Нагорно-Карабахский конфликт, Ростов-на-Дону, 21-й век",
         "Нагорно-Карабахский конфликт , Ростов-на-Дону , 21-й век");
}

static void test_numbers(void)
{
    TYPED("12:00 80% 2020-2022 1,000.5 24 3.5 20.09.2023 19–20 24/7",
          "12:00/NUM 80%/NUM 2020-2022/NUM 1,000.5/NUM 24/NUM 3.5/NUM 20.09.2023/NUM 19–20/NUM 24/7/NUM");
    TYPED("3+3 1st 5G COVID-19", "3+3 1st 5G COVID-19");
    TYPED("1 960 военнослужащих и 15 000 000 рублей", "1 960/NUM военнослужащих и 15 000 000/NUM рублей");
    TYPED("В 2020 300 человек", "В 2020/NUM 300/NUM человек"); /* a four-digit group is no thousands group */
    TYPED("$5 and €10 — №1", "$/SYM 5/NUM and €/SYM 10/NUM —/PUNCT №/SYM 1/NUM");
    TOKS("It grew 3.5 percent. Then 2.0 Next", "It grew 3.5 percent . | Then 2.0 Next");
    TOKS("in 2020. 5 people died", "in 2020 . | 5 people died");
    TOKS("the year 1990s - a decade", "the year 1990s - a decade");
}

static void test_flags(void)
{
    CHECK_INT(flags_of("the «3+3» format", "«"), TOK_QUOTE);
    CHECK_INT(flags_of("the '3+3' format", "'"), TOK_QUOTE);
    CHECK_INT(flags_of("say “yes”", "”"), TOK_QUOTE);
    CHECK_INT(flags_of("Baku — Ankara", "—"), TOK_DASH);
    CHECK_INT(flags_of("Baku – Ankara", "–"), TOK_DASH);
    CHECK_INT(flags_of("Baku - Ankara", "-"), TOK_DASH);
    CHECK_INT(flags_of("Baku -- Ankara", "--"), TOK_DASH);
    CHECK_INT(flags_of("x co-operation", "co-operation"), TOK_LATIN | TOK_HYPHENATED);
    CHECK_INT(flags_of("x NATO", "NATO"), TOK_CAP | TOK_UPPER | TOK_LATIN | TOK_PLAIN);
    CHECK_INT(flags_of("x ОДКБ", "ОДКБ"), TOK_CAP | TOK_UPPER | TOK_CYRILLIC | TOK_PLAIN);
    CHECK_INT(flags_of("x A", "A"), TOK_CAP | TOK_LATIN | TOK_PLAIN); /* one letter is not UPPER */
    CHECK_INT(flags_of("x iPhone", "iPhone"), TOK_LATIN | TOK_PLAIN);
    CHECK_INT(flags_of("x G7", "G7"), TOK_CAP | TOK_LATIN | TOK_PLAIN);
    CHECK_INT(flags_of("x U.S.", "U.S."), TOK_CAP | TOK_UPPER | TOK_LATIN | TOK_ABBR);
    CHECK_INT(flags_of("x Երևան", "Երևան"), TOK_CAP | TOK_ARMENIAN | TOK_PLAIN);
    CHECK_INT(flags_of("x თბილისი", "თბილისი"), TOK_GEORGIAN | TOK_PLAIN);
    CHECK_INT(flags_of("x تهران", "تهران"), TOK_ARABIC | TOK_PLAIN);
    CHECK_INT(flags_of("x می‌خواهم", "می‌خواهم"), TOK_ARABIC); /* ZWNJ stays inside */
    CHECK_INT(flags_of("x Αθήνα", "Αθήνα"), TOK_CAP | TOK_OTHERSCRIPT | TOK_PLAIN);
    CHECK_INT(flags_of("x Bakıda Azərbaycan", "Azərbaycan"), TOK_CAP | TOK_LATIN | TOK_PLAIN);
    CHECK_INT(flags_of("x Putinым", "Putinым"), TOK_CAP | TOK_LATIN | TOK_CYRILLIC | TOK_PLAIN);
    CHECK_INT(flags_of("x 2020", "2020"), TOK_PLAIN);
    CHECK_INT(flags_of("x www.president.az/en/news.", "www.president.az/en/news"), 0);
    TYPED("see https://en.kremlin.ru/events/1, then", "see https://en.kremlin.ru/events/1/SYM ,/PUNCT then");
}

/* TOK_PLAIN promises that search folding (fold.h) reads the token as one
 * word with the same span, so the matcher can take it as it is. Checked
 * on every token of mixed texts, plain or not; and the flag is given to
 * plain words and numbers, not to joined, dotted or marked ones. */
static void test_plain(void)
{
    static const char *const texts[] = {
        "Iran's Foreign Minister met U.S. envoys in Nagorno-Karabakh on 20.09.2023, "
        "with 15 000 troops (80%) and AT&T's 3+3 talks; т.е. Türkiye'nin and Sana'a.",
        "Глава МИД РФ Сергей Лавров встретился с Джейхуном Байрамовым в г. Москве; "
        "Ёлкин, ёж и Ѐ-пример, 1,5 млн.",
        "Երևանը մեծ է։ Նա ասաց՝ «այո՛», თბილისი, تهران می‌خواهم, Ἀθῆναι, naïve café x\u0301y",
        "co\u00ADoperation ʼapostrophe-letter ½ x² e\u0301lan Ǆemal A. B. Smith",
    };
    size_t t;
    for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        kr_arena *a = arena_new();
        tok_doc d;
        size_t k, plain = 0;
        CHECK(a && run(texts[t], a, &d) == 0);
        for (k = 0; a && k < d.ntokens; k++) {
            const tok_token *tk = &d.tokens[k];
            char buf[FOLD_MAX_WORD + 8];
            fold_word w;
            size_t pos = tk->span.start;
            int one;
            if (!(tk->flags & TOK_PLAIN))
                continue;
            plain++;
            one = fold_next(texts[t], tk->span.end, &pos, buf, &w) && w.span.start == tk->span.start &&
                  w.span.end == tk->span.end && !fold_next(texts[t], tk->span.end, &pos, buf, &w);
            if (!one)
                fprintf(stderr, "  plain token %.*s is not one search word\n",
                        (int)(tk->span.end - tk->span.start), texts[t] + tk->span.start);
            CHECK(one);
        }
        CHECK(plain > 2);
        arena_free(a);
    }
    CHECK(flags_of("x Iran's", "Iran") & TOK_PLAIN);
    CHECK(flags_of("x Ёлкин", "Ёлкин") & TOK_PLAIN);
    CHECK(!(flags_of("x Iran's", "'s") & TOK_PLAIN));
    CHECK(!(flags_of("x Nagorno-Karabakh", "Nagorno-Karabakh") & TOK_PLAIN));
    CHECK(!(flags_of("x 15 000 y", "15 000") & TOK_PLAIN));
    CHECK(!(flags_of("x 80% y", "80%") & TOK_PLAIN));
    CHECK(!(flags_of("x 3+3 y", "3+3") & TOK_PLAIN));
    CHECK(!(flags_of("x т.е. y", "т.е.") & TOK_PLAIN));
    CHECK(!(flags_of("x г. Москве", "г.") & TOK_PLAIN));
    CHECK(!(flags_of("x 20.09.2023 y", "20.09.2023") & TOK_PLAIN));
    CHECK(!(flags_of("x «y»", "«") & TOK_PLAIN));
}

/* Words next to the characters that end the common case of a word: each
 * must leave it to the general rules, not end the word there. */
static void test_word_edges(void)
{
    TOKS("AT&T and P5+1 met.", "AT&T and P5+1 met .");
    TOKS("see www.mid.ru and http://x.ru, ok", "see www.mid.ru and http://x.ru , ok");
    TOKS("в г. Москве и с. Ивановка", "в г. Москве и с. Ивановка");
    TOKS("Ѡмега вѠ", "Ѡмега вѠ");
    TOKS("co\u00ADoperation x-ray 3-й", "co\u00ADoperation x-ray 3-й");
    TOKS("в 2020. Потом 12, 13", "в 2020 . | Потом 12 , 13");
    TOKS("Он сказал: «да». Потом ушёл", "Он сказал : « да » . | Потом ушёл");
    TOKS("Iran's and Türkiye'nin", "Iran 's and Türkiye 'nin");
    CHECK(flags_of("x вѠ y", "вѠ") & TOK_PLAIN);
    CHECK(!(flags_of("x AT&T y", "AT&T") & TOK_PLAIN));
    CHECK(!(flags_of("x co\u00ADoperation y", "co\u00ADoperation") & TOK_PLAIN));
    CHECK(flags_of("в 2020. Потом", "2020") & TOK_PLAIN);
}

static void test_scripts(void)
{
    TOKS("Հայաստանը և Վրաստանը։ Երևանը մեծ է։", "Հայաստանը և Վրաստանը ։ | Երևանը մեծ է ։");
    /* ':' typed for the Armenian full stop ends a sentence between Armenian words */
    TOKS("Նա ասաց: Երևանը մեծ է:", "Նա ասաց : | Երևանը մեծ է :");
    TOKS("He said: Yerevan is big.", "He said : Yerevan is big .");
    TOKS("Ինչո՞ւ Այո՛", "Ինչո՞ւ Այո՛"); /* Armenian question and emphasis marks stay in the word */
    TOKS("საქართველო დიდია. თბილისი ლამაზია.", "საქართველო დიდია . | თბილისი ლამაზია .");
    TOKS("مرحبا بكم. كيف حالك؟ نعم", "مرحبا بكم . | كيف حالك ؟ | نعم");
    TOKS("Türkiye'nin ABD'ye Erdoğan’ın 2023'te Sana'a İran'a Hawai'i Qur'an",
         "Türkiye 'nin ABD 'ye Erdoğan ’ın 2023 'te Sana'a İran 'a Hawai'i Qur'an");
}

static void test_lines(void)
{
    /* blank lines: sentence and paragraph */
    {
        const char *s = "First paragraph without a dot\n\nSecond one.\n \nthird";
        kr_arena *a = arena_new();
        tok_doc d;
        long k;
        CHECK_INT(run(s, a, &d), 0);
        CHECK_INT(d.nsents, 3);
        CHECK((k = find(s, &d, "Second")) >= 0 && (d.tokens[k].flags & TOK_PARA_START));
        CHECK((k = find(s, &d, "third")) >= 0 && (d.tokens[k].flags & (TOK_PARA_START | TOK_SENT_START)) ==
                                                     (TOK_PARA_START | TOK_SENT_START));
        CHECK((k = find(s, &d, "paragraph")) >= 0 && !(d.tokens[k].flags & TOK_PARA_START));
        arena_free(a);
    }
    /* a title line; a deliberately broken line; hard-wrapped text */
    TOKS("Lavrov meets Iranian counterpart\nMoscow hosted the meeting of the two ministers on Friday.",
         "Lavrov meets Iranian counterpart | Moscow hosted the meeting of the two ministers on Friday .");
    TOKS("The ministers met in Moscow on Friday and\nAgreed to continue talks in the coming weeks",
         "The ministers met in Moscow on Friday and Agreed to continue talks in the coming weeks");
    TOKS("The ministers of the two countries met in Moscow on\nFriday and agreed.",
         "The ministers of the two countries met in Moscow on Friday and agreed .");
    TOKS("Talks ended,\nMoscow said nothing more about it at all today", "Talks ended , Moscow said nothing more about it at all today");
    /* a line feed after a full stop is an ordinary sentence end */
    TOKS("One.\nTwo.", "One . | Two .");
    /* bullets and dash lines */
    TOKS("Agenda: • peace • trade", "Agenda : | • peace | • trade");
    TOKS("Points\n- first\n- second", "Points | - first | - second");
}

static void test_punct_only(void)
{
    TYPED("!!! ... ,; «»", "!!!/PUNCT .../PUNCT ,/PUNCT ;/PUNCT «/PUNCT »/PUNCT");
    TYPED("...", ".../PUNCT");
    TYPED("-", "-/PUNCT");
    TYPED("a\xCC\x81 \xCC\x81x", "a\xCC\x81 \xCC\x81/SYM x"); /* a stray combining mark */
}

/* Bytes that are not UTF-8 become one-byte symbols; nothing is skipped. */
static void test_invalid(void)
{
    const char s[] = "ab\xFF\xC3 c\xE2\x80";
    kr_arena *a = arena_new();
    tok_doc d;
    kr_error e;
    kr_error_clear(&e, "test");
    CHECK_INT(tok_run(s, sizeof s - 1, 0, a, &d, &e), 0);
    CHECK(invariants(s, sizeof s - 1, 0, &d));
    CHECK_INT(d.ntokens, 6);
    CHECK_INT(d.tokens[1].type, TOK_SYM);
    CHECK_INT(d.tokens[1].span.start, 2);
    CHECK_INT(d.tokens[1].span.end, 3);
    CHECK_INT(d.tokens[2].span.end, 4);
    CHECK_INT(d.tokens[5].span.start, 7);
    CHECK_INT(d.tokens[5].span.end, 8);
    /* from in the middle of a character */
    CHECK_INT(tok_run("ёж", 4, 1, a, &d, &e), 0);
    CHECK_INT(d.tokens[0].type, TOK_SYM);
    CHECK_INT(d.tokens[1].span.start, 2);
    arena_free(a);
}

static void test_long(void)
{
    kr_buf b = {0};
    kr_arena *a = arena_new();
    tok_doc d;
    kr_error e;
    size_t k, words;
    clock_t t0;
    /* 1200 words without punctuation: cut at 500 tokens */
    for (k = 0; k < 1200; k++)
        kr_buf_puts(&b, "word ");
    kr_error_clear(&e, "test");
    CHECK_INT(tok_run(b.p, b.n, 0, a, &d, &e), 0);
    CHECK_INT(d.nsents, 3);
    CHECK_INT(d.sents[0].count, TOK_MAX_SENT);
    CHECK_INT(d.sents[1].count, TOK_MAX_SENT);
    CHECK_INT(d.sents[2].count, 200);
    CHECK(invariants(b.p, b.n, 0, &d));
    /* a 10 MB paragraph: one line, full stops followed by lower case */
    kr_buf_reset(&b);
    arena_reset(a);
    while (b.n < ((size_t)10 << 20))
        kr_buf_puts(&b, "переговоры в Москве, talks in Moscow. and ");
    words = b.n / strlen("переговоры в Москве, talks in Moscow. and ") * 9;
    t0 = clock();
    CHECK_INT(tok_run(b.p, b.n, 0, a, &d, &e), 0);
    printf("10 MB paragraph: %zu tokens, %zu sentences, %.2f s\n", d.ntokens, d.nsents,
           (double)(clock() - t0) / CLOCKS_PER_SEC);
    CHECK_INT(d.ntokens, words);
    CHECK_INT(d.nsents, (words + TOK_MAX_SENT - 1) / TOK_MAX_SENT);
    CHECK(invariants(b.p, b.n, 0, &d));
    /* 10 MB of a single word */
    kr_buf_reset(&b);
    arena_reset(a);
    while (b.n < ((size_t)10 << 20))
        kr_buf_puts(&b, "abcdefgh");
    CHECK_INT(tok_run(b.p, b.n, 0, a, &d, &e), 0);
    CHECK_INT(d.ntokens, 1);
    CHECK_INT(d.tokens[0].span.end, b.n);
    /* punctuation-dense text: more tokens than the first guess holds */
    kr_buf_reset(&b);
    arena_reset(a);
    for (k = 0; k < 100000; k++)
        kr_buf_puts(&b, "«»");
    kr_buf_puts(&b, " Iran's end.");
    CHECK_INT(tok_run(b.p, b.n, 0, a, &d, &e), 0);
    CHECK_INT(d.ntokens, 200000 + 4);
    CHECK(invariants(b.p, b.n, 0, &d));
    CHECK_INT(d.tokens[199999].span.start, 2 * 199999);
    CHECK_INT(d.tokens[199999].flags, TOK_QUOTE | ((199999 % TOK_MAX_SENT) ? 0 : TOK_SENT_START));
    CHECK_INT(d.tokens[200001].span.start, 400005);
    CHECK_INT(d.tokens[200001].span.end, 400007); /* 's */
    CHECK_INT(d.tokens[200003].type, TOK_PUNCT);
    /* 1 MB of apostrophes and hyphens between letters */
    kr_buf_reset(&b);
    arena_reset(a);
    while (b.n < ((size_t)1 << 20))
        kr_buf_puts(&b, "a'b-");
    kr_buf_puts(&b, "c");
    CHECK_INT(tok_run(b.p, b.n, 0, a, &d, &e), 0);
    CHECK_INT(d.ntokens, 1);
    arena_free(a);
    kr_buf_free(&b);
}

/* Every allocation that can fail is checked, and nothing leaks. */
static void test_nomem(void)
{
    kr_buf b = {0};
    long n;
    int rc = -1;
    size_t k;
    for (k = 0; k < 400; k++)
        kr_buf_puts(&b, "Mr. Smith met Putin. ");
    for (n = 0; n < 100 && rc != 0; n++) {
        kr_arena *a = arena_new();
        tok_doc d;
        kr_error e;
        if (!a)
            continue;
        kr_error_clear(&e, "test");
        kr_alloc_fail_after(n);
        rc = tok_run(b.p, b.n, 0, a, &d, &e);
        kr_alloc_fail_after(-1);
        if (rc != 0) {
            CHECK_INT(rc, KR_ENOMEM);
            CHECK_INT(e.code, KR_ENOMEM);
        } else {
            CHECK_INT(d.ntokens, 400 * 5);
            CHECK_INT(d.nsents, 400);
        }
        arena_free(a);
    }
    CHECK_INT(rc, 0);
    /* dense text outgrows the first guess: the second array can fail too */
    kr_buf_reset(&b);
    for (k = 0; k < 10000; k++)
        kr_buf_puts(&b, ",;");
    for (n = 0, rc = -1; n < 20 && rc != 0; n++) {
        kr_arena *a = arena_new();
        tok_doc d;
        kr_error e;
        if (!a)
            continue;
        kr_error_clear(&e, "test");
        kr_alloc_fail_after(n);
        rc = tok_run(b.p, b.n, 0, a, &d, &e);
        kr_alloc_fail_after(-1);
        if (rc != 0)
            CHECK_INT(rc, KR_ENOMEM);
        else
            CHECK_INT(d.ntokens, 20000);
        arena_free(a);
    }
    CHECK_INT(rc, 0);
    CHECK(n >= 3); /* failed at the first guess and at the exact array at least */
    kr_buf_free(&b);
}

/* Throughput on mixed English and Russian news text; printed only. */
static void test_speed(void)
{
    static const char *const para[] = {
        "Russian Foreign Minister Sergey Lavrov held talks with his Iranian counterpart "
        "Hossein Amir-Abdollahian in Moscow on Wednesday, the ministry said. The two "
        "discussed the situation in the South Caucasus and the '3+3' format, as well as "
        "U.S. sanctions, and agreed to meet again in 2024.\n\n",
        "Министр иностранных дел России Сергей Лавров провел в Москве переговоры с "
        "иранским коллегой Хосейном Амир-Абдоллахианом. Стороны обсудили ситуацию на "
        "Южном Кавказе, формат «3+3» и т.д., сообщили 20 сентября 2023 г. в МИД РФ.\n\n",
    };
    kr_buf b = {0};
    kr_arena *a = arena_new();
    tok_doc d;
    kr_error e;
    size_t k = 0, total = 0, off, doc = 6000;
    int rounds;
    clock_t t0, dt = 0;
    while (b.n < ((size_t)16 << 20))
        kr_buf_puts(&b, para[k++ & 1]);
    kr_error_clear(&e, "test");
    /* one large document */
    for (rounds = 0; rounds < 3; rounds++) {
        arena_reset(a);
        t0 = clock();
        CHECK_INT(tok_run(b.p, b.n, 0, a, &d, &e), 0);
        dt += clock() - t0;
        total += b.n;
    }
    printf("throughput, one %.0f MB document (mixed en/ru): %.0f MB/s, %zu tokens, %zu sentences\n",
           (double)b.n / (1 << 20),
           dt > 0 ? (double)total / (1 << 20) / ((double)dt / CLOCKS_PER_SEC) : 0.0, d.ntokens,
           d.nsents);
    /* news-sized documents, the arena reset after each as in ingest */
    total = 0;
    dt = 0;
    for (rounds = 0; rounds < 3; rounds++) {
        t0 = clock();
        for (off = 0; off + doc <= b.n; off += doc) {
            arena_reset(a);
            if (tok_run(b.p + off, doc, 0, a, &d, &e) != 0)
                break;
            total += doc;
        }
        dt += clock() - t0;
    }
    printf("throughput, %zu-byte documents (mixed en/ru): %.0f MB/s\n", doc,
           dt > 0 ? (double)total / (1 << 20) / ((double)dt / CLOCKS_PER_SEC) : 0.0);
    CHECK_INT(total, 3 * (b.n / doc) * doc);
    arena_free(a);
    kr_buf_free(&b);
}

int main(void)
{
    test_args();
    test_offsets();
    test_english();
    test_russian();
    test_numbers();
    test_flags();
    test_plain();
    test_word_edges();
    test_scripts();
    test_lines();
    test_punct_only();
    test_invalid();
    test_long();
    test_nomem();
    test_speed();
    return t_report();
}
