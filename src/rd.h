/* rd.h: the reader interface. A reader turns one input (a file's bytes, or
 * a stream of JSON Lines) into raw documents handed to a sink; the sink runs
 * doc_finish and stores them. Readers never print and never touch the store. */
#ifndef RD_H
#define RD_H

#include "arena.h"
#include "doc.h"
#include "kr.h"

typedef struct rd_sink {
    /* Receives one document (text raw: not yet normalized). Returns 0 to go
     * on, or a negative KR_E* code to stop reading (returned by the reader). */
    int (*doc)(void *ud, kr_doc *d);
    /* Told about one bad record (a broken JSON line); reading goes on. */
    void (*reject)(void *ud, const kr_error *e);
    void *ud;
} rd_sink;

/* Each reader: `path` names the input in messages, data[0..n) is the whole
 * input (not NUL-terminated, never written). Documents' strings are
 * allocated in `a`, which the reader resets between documents only if it
 * owns the loop (rd_jsonl does, after the sink returns). On a fatal error
 * (the whole input is unusable) returns KR_E* and fills err. */
int rd_text(const char *path, const char *data, size_t n, kr_arena *a,
            const rd_sink *sink, kr_error *err);
int rd_html(const char *path, const char *data, size_t n, kr_arena *a,
            const rd_sink *sink, kr_error *err);
int rd_jsonl(const char *path, const char *data, size_t n, kr_arena *a,
             const rd_sink *sink, kr_error *err);

/* Largest input a reader accepts, and largest document text. */
#define RD_MAX_INPUT ((size_t)1 << 30)
#define RD_MAX_TEXT DOC_MAX_TEXT

#endif
