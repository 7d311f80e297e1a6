/* doc.h: a document as the readers produce it and the store keeps it, and
 * the step that turns a reader's raw text into stored text (doc_finish). */
#ifndef DOC_H
#define DOC_H

#include "arena.h"
#include "date.h"
#include "kr.h"

/* All strings are borrowed: they point into the document's arena or into
 * the input buffer, and are valid until the arena is reset. An empty kr_str
 * (n == 0) means "not given". */
typedef struct kr_doc {
    const char *path; /* input file, "-" for stdin */
    size_t line;      /* line of a JSON Lines record, else 0 */
    kr_str text;      /* after doc_finish: NFC UTF-8, the stored text */
    size_t body;      /* offset in text where the body starts (after a header) */
    kr_str title;
    kr_str url;
    kr_str ext_id;    /* the input's own id (JSON Lines "id") */
    kr_str source;    /* publisher given by the input (JSON Lines "source") */
    kr_str lang;      /* ISO 639-1, or "und" */
    kr_str dateline;  /* place line of the header ("Tehran") */
    kr_str agency;    /* news agency of the header ("TASS") */
    kr_date date;     /* y == 0 when unknown */
    unsigned sniff;   /* DOC_SNIFF_* flags for doc_finish */
} kr_doc;

/* Largest document text kronika stores (news reports are far smaller; a 50 MB line is junk). */
#define DOC_MAX_TEXT ((size_t)16 << 20)

enum {
    DOC_SNIFF_HEADER = 1, /* look for a date/dateline/agency header */
    DOC_SNIFF_LANG = 2    /* detect the language when lang is empty */
};

/* Validates and normalizes d->text (UTF-8 BOM dropped, CRLF/CR to LF, NFC,
 * NUL and other C0 controls but tab/newline rejected), then, per d->sniff,
 * parses a header into date/dateline/agency/body and detects the language.
 * New strings go into `a`. On failure returns KR_EUTF8/KR_EFORMAT/KR_ENOMEM
 * with err->byte set to the offset in the input text when known. */
int doc_finish(kr_doc *d, kr_arena *a, kr_error *err);

/* Hex content hash of the stored text (32 chars + NUL into out[33]). */
void doc_hash(const kr_doc *d, char out[33]);

#endif
