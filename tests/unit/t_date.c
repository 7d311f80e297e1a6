/* t_date.c: month and weekday names in every language and case form, date
 * parsing at word boundaries, validity and day arithmetic. */
#include <string.h>

#include "date.h"
#include "t.h"

static int month(const char *w)
{
    return date_month(w, strlen(w));
}

static int weekday(const char *w)
{
    return date_weekday(w, strlen(w));
}

/* date_parse on a C string; returns "YYYY-MM-DD" via buf or "" on failure,
 * and the bytes consumed in *used. */
static const char *parse(const char *s, size_t *used, char buf[11])
{
    kr_date dt = {0, 0, 0};
    *used = date_parse(s, strlen(s), &dt);
    if (!*used)
        dt.y = 0;
    date_format(dt, buf);
    return buf;
}

#define CHECK_PARSE(s, want, want_used)                                        \
    do {                                                                       \
        char t_buf[11];                                                        \
        size_t t_used;                                                         \
        CHECK_STR(parse((s), &t_used, t_buf), (want));                        \
        CHECK_INT(t_used, (want_used));                                        \
    } while (0)

#define CHECK_NOPARSE(s)                                                       \
    do {                                                                       \
        kr_date t_dt = {7, 7, 7};                                              \
        CHECK_INT(date_parse((s), strlen(s), &t_dt), 0);                       \
        CHECK_INT(t_dt.y, 7); /* out untouched on failure */                   \
    } while (0)

#define CHECK_MD(s, want_m, want_d, want_used)                                 \
    do {                                                                       \
        int t_m = 0, t_d = 0;                                                  \
        CHECK_INT(date_parse_month_day((s), strlen(s), &t_m, &t_d), (want_used)); \
        CHECK_INT(t_m, (want_m));                                              \
        CHECK_INT(t_d, (want_d));                                              \
    } while (0)

static void test_month_english(void)
{
    static const char *const full[12] = {"January", "February", "March", "April",
                                         "May", "June", "July", "August",
                                         "September", "October", "November", "December"};
    static const char *const abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int k;
    for (k = 0; k < 12; k++) {
        CHECK_INT(month(full[k]), k + 1);
        CHECK_INT(month(abbr[k]), k + 1);
    }
    CHECK_INT(month("Sept"), 9);
    CHECK_INT(month("SEPTEMBER"), 9);
    CHECK_INT(month("AUGUST"), 8);
    CHECK_INT(month("september"), 9);
    CHECK_INT(month("September's"), 9);
    /* Not months. */
    CHECK_INT(month("Mayor"), 0);
    CHECK_INT(month("Martin"), 0);
    CHECK_INT(month("Septembers"), 0);
    CHECK_INT(month("Se"), 0);
    CHECK_INT(month(""), 0);
    CHECK_INT(month("Sept."), 0); /* the dot is not part of the word */
    CHECK_INT(month("20"), 0);
    /* Only n bytes count: "Sept" and "Sep" are months, "Septe" is not. */
    CHECK_INT(date_month("September", 4), 9);
    CHECK_INT(date_month("September", 3), 9);
    CHECK_INT(date_month("September", 5), 0);
}

static void test_month_russian(void)
{
    static const char *const soft[][6] = {
        {"январь", "января", "январе", "январю", "январём", "январем"},
        {"февраль", "февраля", "феврале", "февралю", "февралём", "февралем"},
        {"апрель", "апреля", "апреле", "апрелю", "апрелем", "Апрель"},
        {"июнь", "июня", "июне", "июню", "июнем", "Июнь"},
        {"июль", "июля", "июле", "июлю", "июлем", "ИЮЛЬ"},
        {"сентябрь", "сентября", "сентябре", "сентябрю", "сентябрём", "СЕНТЯБРЯ"},
        {"октябрь", "октября", "октябре", "октябрю", "октябрём", "Октября"},
        {"ноябрь", "ноября", "ноябре", "ноябрю", "ноябрём", "НОЯБРЁМ"},
        {"декабрь", "декабря", "декабре", "декабрю", "декабрём", "Декабрь"},
    };
    static const int soft_m[] = {1, 2, 4, 6, 7, 9, 10, 11, 12};
    int k, c;
    for (k = 0; k < 9; k++)
        for (c = 0; c < 6; c++)
            CHECK_INT(month(soft[k][c]), soft_m[k]);
    CHECK_INT(month("март"), 3);
    CHECK_INT(month("марта"), 3);
    CHECK_INT(month("марте"), 3);
    CHECK_INT(month("марту"), 3);
    CHECK_INT(month("мартом"), 3);
    CHECK_INT(month("май"), 5);
    CHECK_INT(month("мая"), 5);
    CHECK_INT(month("мае"), 5);
    CHECK_INT(month("маю"), 5);
    CHECK_INT(month("маем"), 5);
    CHECK_INT(month("МАЯ"), 5);
    CHECK_INT(month("август"), 8);
    CHECK_INT(month("августа"), 8);
    CHECK_INT(month("августе"), 8);
    CHECK_INT(month("Августом"), 8);
    /* Abbreviations (the dot stripped by the caller). */
    CHECK_INT(month("янв"), 1);
    CHECK_INT(month("фев"), 2);
    CHECK_INT(month("февр"), 2);
    CHECK_INT(month("мар"), 3);
    CHECK_INT(month("апр"), 4);
    CHECK_INT(month("июн"), 6);
    CHECK_INT(month("июл"), 7);
    CHECK_INT(month("авг"), 8);
    CHECK_INT(month("сен"), 9);
    CHECK_INT(month("сент"), 9);
    CHECK_INT(month("окт"), 10);
    CHECK_INT(month("ноя"), 11);
    CHECK_INT(month("нояб"), 11);
    CHECK_INT(month("дек"), 12);
    /* Not months. */
    CHECK_INT(month("мама"), 0);
    CHECK_INT(month("маяк"), 0);
    CHECK_INT(month("мартовский"), 0);
    CHECK_INT(month("сентябрьский"), 0);
    CHECK_INT(month("ма"), 0);
    CHECK_INT(month("январи"), 0);
}

static void test_month_latin_ru_az(void)
{
    /* Russian in Latin letters, as the Azerbaijani and Russian press writes. */
    CHECK_INT(month("Sentyabr"), 9);
    CHECK_INT(month("Sentyabrya"), 9);
    CHECK_INT(month("SENTYABR"), 9);
    CHECK_INT(month("sentjabrja"), 9);
    CHECK_INT(month("sentiabria"), 9);
    CHECK_INT(month("Oktyabr"), 10);
    CHECK_INT(month("Oktyabrya"), 10);
    CHECK_INT(month("Noyabr"), 11);
    CHECK_INT(month("Dekabr"), 12);
    CHECK_INT(month("Dekabrya"), 12);
    CHECK_INT(month("Yanvar"), 1);
    CHECK_INT(month("Yanvarya"), 1);
    CHECK_INT(month("Fevral"), 2);
    CHECK_INT(month("Fevralya"), 2);
    CHECK_INT(month("Marta"), 3); /* also a name; genitive of март */
    CHECK_INT(month("Aprelya"), 4);
    CHECK_INT(month("Maya"), 5);
    CHECK_INT(month("Iyun"), 6);
    CHECK_INT(month("Iyunya"), 6);
    CHECK_INT(month("Iyul"), 7);
    CHECK_INT(month("Iyulya"), 7);
    CHECK_INT(month("Avgust"), 8);
    CHECK_INT(month("Avgusta"), 8);
    CHECK_INT(month("Avqust"), 8);
    CHECK_INT(month("Sentyabr'"), 9); /* soft sign as an apostrophe */
    /* Azerbaijani. */
    static const char *const az[12] = {"yanvar", "fevral", "mart", "aprel", "may", "iyun",
                                       "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
                                       "dekabr"};
    int k;
    for (k = 0; k < 12; k++)
        CHECK_INT(month(az[k]), k + 1);
    CHECK_INT(month("sentyabrın"), 9);
    CHECK_INT(month("SENTYABRIN"), 9);
    CHECK_INT(month("avqustda"), 8);
    CHECK_INT(month("aprelə"), 4);
    CHECK_INT(month("iyunun"), 6);
    CHECK_INT(month("mayın"), 5);
    CHECK_INT(month("Sentyabrxyz"), 0);
    CHECK_INT(month("Maybe"), 0);
}

static void test_month_turkish(void)
{
    static const char *const tr[12] = {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
                                       "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"};
    static const char *const up[12] = {"OCAK", "ŞUBAT", "MART", "NİSAN", "MAYIS", "HAZİRAN",
                                       "TEMMUZ", "AĞUSTOS", "EYLÜL", "EKİM", "KASIM", "ARALIK"};
    int k;
    for (k = 0; k < 12; k++) {
        CHECK_INT(month(tr[k]), k + 1);
        CHECK_INT(month(up[k]), k + 1);
    }
    CHECK_INT(month("Subat"), 2);
    CHECK_INT(month("Mayis"), 5);
    CHECK_INT(month("Agustos"), 8);
    CHECK_INT(month("Eylul"), 9);
    CHECK_INT(month("Kasim"), 11);
    CHECK_INT(month("Aralik"), 12);
    CHECK_INT(month("Eylül'de"), 9);
    CHECK_INT(month("Ekim’de"), 10);
    CHECK_INT(month("ağustosta"), 8);
    CHECK_INT(month("Aralıkta"), 12);
    CHECK_INT(month("Eylülcü"), 0);
    CHECK_INT(month("'Eylül"), 0);
}

static void test_weekday(void)
{
    static const char *const en[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
    static const char *const en3[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const tr[7] = {"Pazartesi", "Salı", "Çarşamba", "Perşembe",
                                      "Cuma", "Cumartesi", "Pazar"};
    int k;
    for (k = 0; k < 7; k++) {
        CHECK_INT(weekday(en[k]), k + 1);
        CHECK_INT(weekday(en3[k]), k + 1);
        CHECK_INT(weekday(tr[k]), k + 1);
    }
    CHECK_INT(weekday("WEDNESDAY"), 3);
    CHECK_INT(weekday("Thurs"), 4);
    CHECK_INT(weekday("SALI"), 2);
    CHECK_INT(weekday("Carsamba"), 3);
    /* Russian, all singular cases. */
    CHECK_INT(weekday("понедельник"), 1);
    CHECK_INT(weekday("понедельника"), 1);
    CHECK_INT(weekday("Понедельником"), 1);
    CHECK_INT(weekday("вторник"), 2);
    CHECK_INT(weekday("вторника"), 2);
    CHECK_INT(weekday("вторнике"), 2);
    CHECK_INT(weekday("среда"), 3);
    CHECK_INT(weekday("среду"), 3);
    CHECK_INT(weekday("среды"), 3);
    CHECK_INT(weekday("среде"), 3);
    CHECK_INT(weekday("четверг"), 4);
    CHECK_INT(weekday("ЧЕТВЕРГА"), 4);
    CHECK_INT(weekday("пятница"), 5);
    CHECK_INT(weekday("пятницу"), 5);
    CHECK_INT(weekday("пятнице"), 5);
    CHECK_INT(weekday("суббота"), 6);
    CHECK_INT(weekday("субботу"), 6);
    CHECK_INT(weekday("воскресенье"), 7);
    CHECK_INT(weekday("воскресенья"), 7);
    CHECK_INT(weekday("Воскресеньем"), 7);
    /* Azerbaijani: one-word names; two-word ones only when passed whole. */
    CHECK_INT(weekday("cümə"), 5);
    CHECK_INT(weekday("Şənbə"), 6);
    CHECK_INT(weekday("bazar"), 7);
    CHECK_INT(weekday("çərşənbə"), 3);
    CHECK_INT(weekday("bazar ertəsi"), 1);
    CHECK_INT(weekday("çərşənbə axşamı"), 2);
    CHECK_INT(weekday("Cümə  axşamı"), 4);
    CHECK_INT(weekday("ertəsi"), 0);
    /* Not weekdays. */
    CHECK_INT(weekday("Sunday1"), 0);
    CHECK_INT(weekday("Mondays"), 0);
    CHECK_INT(weekday("сред"), 0);
    CHECK_INT(weekday("средний"), 0);
    CHECK_INT(weekday("September"), 0);
}

static void test_parse_forms(void)
{
    CHECK_PARSE("2023-09-20", "2023-09-20", 10);
    CHECK_PARSE("  2023-09-20 TEHRAN", "2023-09-20", 12);
    CHECK_PARSE("2023-09-20T12:00:00Z rest", "2023-09-20", 20);
    CHECK_PARSE("2023-09-20T12:00:00.250+03:00", "2023-09-20", 29);
    CHECK_PARSE("2023-09-20T12:00", "2023-09-20", 16);
    CHECK_PARSE("20.09.2023", "2023-09-20", 10);
    CHECK_PARSE("20.09.2023.", "2023-09-20", 10);
    CHECK_PARSE("20/09/2023", "2023-09-20", 10);
    CHECK_PARSE("09/20/2023", "2023-09-20", 10);
    CHECK_PARSE("20 September 2023", "2023-09-20", 17);
    CHECK_PARSE("20th September, 2023", "2023-09-20", 20);
    CHECK_PARSE("September 20, 2023", "2023-09-20", 18);
    CHECK_PARSE("September 20 2023", "2023-09-20", 17);
    CHECK_PARSE("Sept. 20, 2023", "2023-09-20", 14);
    CHECK_PARSE("AUGUST 11, 2021, ARMENPRESS", "2021-08-11", 15);
    CHECK_PARSE("20 сентября 2023 года", "2023-09-20", strlen("20 сентября 2023 года"));
    CHECK_PARSE("20 сентября 2023 г. в Баку", "2023-09-20", strlen("20 сентября 2023 г."));
    CHECK_PARSE("20\xC2\xA0сентября 2023", "2023-09-20", strlen("20\xC2\xA0сентября 2023"));
    CHECK_PARSE("1 МАЯ 2022", "2022-05-01", strlen("1 МАЯ 2022"));
    CHECK_PARSE("23 Sentyabr 2023 00:39", "2023-09-23", 16);
    CHECK_PARSE("23 sentyabr 2023-cü il", "2023-09-23", 16);
    CHECK_PARSE("20 Eylül 2023", "2023-09-20", strlen("20 Eylül 2023"));
    CHECK_PARSE("20 AĞUSTOS 2023", "2023-08-20", strlen("20 AĞUSTOS 2023"));
    CHECK_PARSE("5 сент. 2023", "2023-09-05", strlen("5 сент. 2023"));
    CHECK_PARSE("Wednesday, 20 September 2023", "2023-09-20", 28);
    CHECK_PARSE("среда, 20 сентября 2023 г.", "2023-09-20", strlen("среда, 20 сентября 2023 г."));
    CHECK_PARSE("20.09.2023 г.", "2023-09-20", strlen("20.09.2023 г."));
}

static void test_parse_reject(void)
{
    CHECK_NOPARSE("2023-02-30");
    CHECK_NOPARSE("2023-13-01");
    CHECK_NOPARSE("31 April 2023");
    CHECK_NOPARSE("29 February 2023");
    CHECK_NOPARSE("30.02.2024");
    CHECK_NOPARSE("1 January 1899");
    CHECK_NOPARSE("1 January 2101");
    CHECK_NOPARSE("2023-09-20abc");
    CHECK_NOPARSE("2023-09-20T");
    CHECK_NOPARSE("2023-9-20");
    CHECK_NOPARSE("2023-09-200");
    CHECK_NOPARSE("20 September 20234");
    CHECK_NOPARSE("20 September 2023x");
    CHECK_NOPARSE("20 Septembers 2023");
    CHECK_NOPARSE("Mayor 20, 2023");
    CHECK_NOPARSE("20 September");
    CHECK_NOPARSE("September 2023");
    CHECK_NOPARSE("the 20 September 2023");
    CHECK_NOPARSE("20.09.23");
    CHECK_NOPARSE("20 September\n2023");
    CHECK_NOPARSE("123 September 2023");
    CHECK_NOPARSE("");
    CHECK_NOPARSE("Wednesday");
    {
        char buf[11];
        size_t used;
        CHECK_STR(parse("29 February 2024", &used, buf), "2024-02-29");
        CHECK_STR(parse("2000-02-29", &used, buf), "2000-02-29");
        CHECK_STR(parse("1900-02-29", &used, buf), "");
        CHECK_STR(parse("2100-12-31", &used, buf), "2100-12-31");
    }
    /* Only the first n bytes are looked at. */
    {
        kr_date dt;
        CHECK_INT(date_parse("2023-09-20", 9, &dt), 0);
        CHECK_INT(date_parse("20 September 2023", 16, &dt), 0);
    }
}

static void test_month_day(void)
{
    CHECK_MD("September 20", 9, 20, 12);
    CHECK_MD("September 20. /TASS/.", 9, 20, 12);
    CHECK_MD("Sept. 20", 9, 20, 8);
    CHECK_MD("20 September", 9, 20, 12);
    CHECK_MD("AUGUST 11, ARMENPRESS.", 8, 11, 9);
    CHECK_MD("20 сентября", 9, 20, strlen("20 сентября"));
    CHECK_MD("20 сент.", 9, 20, strlen("20 сент"));
    CHECK_MD("  February 29", 2, 29, 13);
    CHECK_MD("23 Sentyabr", 9, 23, 11);
    CHECK_MD("October 18th", 10, 18, 12);
    CHECK_MD("April 31", 0, 0, 0);
    CHECK_MD("September 2023", 0, 0, 0);
    CHECK_MD("Mayor 20", 0, 0, 0);
    CHECK_MD("September 20x", 0, 0, 0);
    CHECK_MD("20 Septembers", 0, 0, 0);
    CHECK_MD("September", 0, 0, 0);
    CHECK_MD("0 September", 0, 0, 0);
}

static void test_calendar(void)
{
    kr_date a = {2023, 9, 20}, z = {0, 0, 0}, r;
    char buf[11];

    CHECK(date_valid(a));
    CHECK(!date_valid(z));
    CHECK(date_valid((kr_date){2024, 2, 29}));
    CHECK(!date_valid((kr_date){2023, 2, 29}));
    CHECK(date_valid((kr_date){2000, 2, 29}));
    CHECK(!date_valid((kr_date){1900, 2, 29}));
    CHECK(date_valid((kr_date){1900, 1, 1}));
    CHECK(!date_valid((kr_date){1899, 12, 31}));
    CHECK(!date_valid((kr_date){2101, 1, 1}));
    CHECK(!date_valid((kr_date){2023, 4, 31}));
    CHECK(!date_valid((kr_date){2023, 0, 1}));
    CHECK(!date_valid((kr_date){2023, 1, 0}));

    CHECK_INT(date_dow(a), 3);                        /* Wednesday */
    CHECK_INT(date_dow((kr_date){1970, 1, 1}), 4);    /* Thursday */
    CHECK_INT(date_dow((kr_date){2000, 1, 1}), 6);    /* Saturday */
    CHECK_INT(date_dow((kr_date){1900, 1, 1}), 1);    /* Monday */
    CHECK_INT(date_dow((kr_date){2024, 2, 29}), 4);   /* Thursday */
    CHECK_INT(date_dow((kr_date){2100, 12, 31}), 5);  /* Friday */
    CHECK_INT(date_dow((kr_date){2023, 9, 24}), 7);   /* Sunday */
    CHECK_INT(date_dow(z), 0);

    r = date_add_days(a, 11);
    date_format(r, buf);
    CHECK_STR(buf, "2023-10-01");
    date_format(date_add_days((kr_date){2023, 12, 31}, 1), buf);
    CHECK_STR(buf, "2024-01-01");
    date_format(date_add_days((kr_date){2024, 1, 1}, -1), buf);
    CHECK_STR(buf, "2023-12-31");
    date_format(date_add_days((kr_date){2024, 2, 28}, 1), buf);
    CHECK_STR(buf, "2024-02-29");
    date_format(date_add_days((kr_date){2023, 2, 28}, 1), buf);
    CHECK_STR(buf, "2023-03-01");
    date_format(date_add_days((kr_date){2100, 2, 28}, 1), buf);
    CHECK_STR(buf, "2100-03-01");
    date_format(date_add_days((kr_date){2000, 2, 28}, 1), buf);
    CHECK_STR(buf, "2000-02-29");
    date_format(date_add_days((kr_date){2024, 3, 1}, -1), buf);
    CHECK_STR(buf, "2024-02-29");
    date_format(date_add_days(a, 366), buf);
    CHECK_STR(buf, "2024-09-20");
    date_format(date_add_days(a, -36525), buf);
    CHECK_STR(buf, "1923-09-20");
    date_format(date_add_days(a, 0), buf);
    CHECK_STR(buf, "2023-09-20");
    r = date_add_days(z, 5);
    CHECK_INT(r.y, 0);

    /* Every day of 1900..2100 round-trips and the weekday advances by one. */
    {
        kr_date d = {1900, 1, 1};
        int prev = date_dow(d), ok = 1, days = 0;
        while (d.y <= 2100) {
            kr_date nx = date_add_days(d, 1);
            if (!date_valid(d) || date_add_days(nx, -1).d != d.d ||
                date_dow(nx) != prev % 7 + 1)
                ok = 0;
            prev = date_dow(nx);
            d = nx;
            days++;
        }
        CHECK(ok);
        CHECK_INT(days, 73414); /* 201 years, 49 leap days */
    }

    date_format(a, buf);
    CHECK_STR(buf, "2023-09-20");
    date_format((kr_date){1905, 1, 2}, buf);
    CHECK_STR(buf, "1905-01-02");
    date_format(z, buf);
    CHECK_STR(buf, "");
}

int main(void)
{
    test_month_english();
    test_month_russian();
    test_month_latin_ru_az();
    test_month_turkish();
    test_weekday();
    test_parse_forms();
    test_parse_reject();
    test_month_day();
    test_calendar();
    return t_report();
}
