/* tok.h: the linguistic tokenizer and sentence splitter. Cuts a document's
 * stored text (valid UTF-8, NFC, LF line ends) into words, numbers and
 * punctuation with byte spans, and groups them into sentences. */
#ifndef TOK_H
#define TOK_H

#include <stdint.h>

#include "arena.h"
#include "kr.h"

typedef enum {
    TOK_WORD = 1, /* letters, digits and marks, with inner hyphens/apostrophes; "3+3" */
    TOK_NUM,      /* digits only, with inner . , : / and ranges: 12:00 1,000.5 2020-2022 80% */
    TOK_PUNCT,    /* one punctuation character, or a run of "." / "!?" / "-" */
    TOK_SYM       /* symbols ($ € + = №), URLs, stray marks, bytes that are not UTF-8 */
} tok_type;

enum {
    TOK_CAP = 1,          /* first character is an upper-case letter */
    TOK_UPPER = 2,        /* 2+ letters, all upper case */
    TOK_LATIN = 4,        /* scripts of the token's letters (any mix) */
    TOK_CYRILLIC = 8,
    TOK_ARMENIAN = 16,
    TOK_GEORGIAN = 32,
    TOK_ARABIC = 64,
    TOK_OTHERSCRIPT = 128,
    TOK_SENT_START = 256, /* first token of a sentence */
    TOK_PARA_START = 512, /* first token of the text or after a blank line */
    TOK_ABBR = 1024,      /* abbreviation or initial including its final dot */
    TOK_QUOTE = 2048,     /* quotation mark or lone apostrophe */
    TOK_DASH = 4096,      /* dash or hyphen standing alone */
    TOK_HYPHENATED = 8192, /* inner hyphen: co-operation, U.S.-led, 2020-2022 */
    TOK_PLAIN = 16384      /* a word or number of letters and digits only, one
                              run with nothing inside or around it: the same
                              span a search word (fold.h) has */
};

/* Sentences are cut after this many tokens even without punctuation, so
 * the stages that work per sentence stay bounded. */
#define TOK_MAX_SENT 500

typedef struct tok_token {
    kr_span span;   /* bytes in the text */
    uint16_t type;  /* tok_type */
    uint16_t flags; /* TOK_* bits */
} tok_token;

typedef struct tok_sent {
    size_t first, count; /* tokens[first .. first + count) */
    kr_span span;        /* from the first token's start to the last one's end */
} tok_sent;

typedef struct tok_doc {
    tok_token *tokens;
    size_t ntokens;
    tok_sent *sents;
    size_t nsents;
} tok_doc;

/* Tokenizes text[from .. n) (from is the body start; text before it is
 * ignored) and splits it into sentences; the rules, with examples, are in
 * tests/spec/tok.txt. The arrays are allocated in `a` and live until it is
 * reset; they are NULL when there are no tokens. Spans are byte offsets
 * into text. Time is linear in n (no byte is read more than a few times)
 * and arena use is about 6 bytes per input byte plus 24 per token. Bytes
 * that are not UTF-8 become one-byte TOK_SYM tokens rather than an error.
 * Errors: KR_EUSAGE when from > n or text is NULL with n > 0, KR_ENOMEM.
 * *out is written only on success. */
int tok_run(const char *text, size_t n, size_t from, kr_arena *a, tok_doc *out, kr_error *err);

/* "WORD", "NUM", "PUNCT", "SYM", or "?" for anything else. */
const char *tok_type_name(unsigned type);

#endif
