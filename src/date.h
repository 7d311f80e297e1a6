/* date.h: calendar dates and the month and weekday names kronika reads in
 * report headers and sentences (English, Russian in every case, Azerbaijani,
 * Turkish; Russian also in Latin transliteration, as in "23 Sentyabr 2023"). */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

typedef struct kr_date {
    int y, m, d; /* y == 0: unknown */
} kr_date;

/* 1 when y-m-d is a real Gregorian date with 1900 <= y <= 2100. */
int date_valid(kr_date dt);

/* Month named by the word s[0..n) (UTF-8, any case, any grammatical case,
 * abbreviations like "Sept."/"сент." without the dot): 1..12, or 0.
 * English full names and Jan..Dec, Sept; Russian in all six singular cases
 * (ё or е) and янв фев февр мар апр июн июл авг сен сент окт ноя нояб дек;
 * Russian in Latin letters (Sentyabr, Sentyabrya, Sentjabrja, Avgusta...);
 * Azerbaijani, bare or with a case suffix (sentyabrın, avqustda); Turkish,
 * with ş ğ ı ü or folded to ASCII (Şubat/Subat), bare or with a locative,
 * ablative or genitive suffix. Anything after an apostrophe is a suffix
 * ("Eylül'de" -> 9). Words that are also names or common words are still
 * months here ("May", "Marta", "Maya", "Nisan", "Aralık"): callers decide
 * from context; "Martin" and "Mayor" are not months. Turkish three-letter
 * abbreviations (Ara, Eki, Kas) are not accepted. */
int date_month(const char *s, size_t n);

/* Weekday named by the word s[0..n): 1 (Monday) .. 7 (Sunday), or 0.
 * English names and Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun; Russian in
 * all singular cases (пятницу, в субботу -> pass "субботу"); Turkish. The
 * Azerbaijani names of Monday, Tuesday and Thursday are two words ("bazar
 * ertəsi", "çərşənbə axşamı", "cümə axşamı") and are recognized only when
 * s holds both words; a lone "çərşənbə", "cümə" or "bazar" reads as
 * Wednesday, Friday and Sunday. Russian two-letter abbreviations (пн, ср)
 * are not accepted. */
int date_weekday(const char *s, size_t n);

/* Parses a date at the start of s[0..n), skipping leading spaces, in any of
 * the forms: 2023-09-20, 20.09.2023, 20/09/2023, "20 September 2023",
 * "September 20, 2023", "20 сентября 2023 г.", "23 Sentyabr 2023",
 * "2023-cü il 23 sentyabr" is not required. Returns the number of bytes
 * consumed (> 0) and fills *out, or 0 when no complete date is there.
 * *out is written only on success. The match must end at a word boundary
 * (no letter or digit next) and its parts stay on one line, separated by
 * spaces, tabs or no-break/thin spaces. ISO dates need two-digit months and
 * days; an ISO date's "T12:00:00Z" style time (optional seconds, fraction,
 * Z or ±HH[:MM]) is consumed, a time after a space is not ("23 Sentyabr
 * 2023 00:39" consumes "23 Sentyabr 2023"). The Russian "года", "год",
 * "году" or "г." after a year is consumed. Numeric dates are day-first
 * (20.09.2023, 20/09/2023, 20-09-2023) except a slashed one that can only
 * be month-first (09/20/2023); years have four digits. Days may carry an
 * English ordinal ("20th"), abbreviated months a dot ("Sept."), and a
 * leading weekday is part of the date ("Wednesday, 20 September 2023").
 * Dates failing date_valid() give 0. */
size_t date_parse(const char *s, size_t n, kr_date *out);

/* Parses "Month DD" or "DD Month" (no year) at the start of s; returns bytes
 * consumed and sets *m, *d, or 0. The match ends at a word boundary; a dot
 * after a month that comes first is consumed ("Sept. 20"), one after a
 * trailing month is not ("20 сент." stops before the dot). 29 February is
 * accepted; 31 April is not. */
size_t date_parse_month_day(const char *s, size_t n, int *m, int *d);

/* Day of week of a valid date: 1 (Monday) .. 7 (Sunday); 0 when y == 0. */
int date_dow(kr_date dt);
/* Adds `days` (may be negative) to a valid date, across months, years and
 * leap days; a date with y == 0 comes back unchanged. */
kr_date date_add_days(kr_date dt, int days);
/* Writes "YYYY-MM-DD" and a NUL into out[11]; "" when y == 0. */
void date_format(kr_date dt, char out[11]);

#endif
