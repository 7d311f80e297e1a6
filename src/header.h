/* header.h: recognition of the header that news reports carry on their
 * first lines: "date 2023-09-20 TEHRAN, September 20. /TASS/.",
 * "YEREVAN, AUGUST 11, ARMENPRESS.", "МОСКВА, 10 ноября. /ТАСС/.",
 * "BAKU, Oct 5 (Reuters) -", or a title line followed by a date line such as
 * "• 23 Sentyabr 2023 00:39". */
#ifndef HEADER_H
#define HEADER_H

#include "date.h"
#include "kr.h"

typedef struct hdr_info {
    kr_date date;     /* y == 0 when the header gives no full date */
    kr_span title;    /* a title line above a date line; empty if none */
    kr_span dateline; /* the place as written ("TEHRAN"); empty if none */
    kr_span agency;   /* the agency as written ("/TASS/" without slashes) */
    size_t body;      /* offset where the report's body begins */
} hdr_info;

/* Looks for a header at the start of text[0..n) (valid UTF-8). Always fills
 * *h; returns 1 when a header was found, 0 when there is none (body = 0). */
int hdr_sniff(const char *text, size_t n, hdr_info *h);

/* Canonical name of a news agency as written in a header ("ТАСС", "TASS",
 * "ARMENPRESS", "РИА Новости"), or NULL when it is not a known agency. */
const char *hdr_agency_name(const char *s, size_t n);

#endif
