/* fuzz_rd_text.c: libFuzzer target for the plain-text reader and the whole
 * finishing step (normalization, header, language) it feeds. */
#include <stdint.h>
#include <string.h>

#include "doc.h"
#include "rd.h"

static int finish(void *ud, kr_doc *d)
{
    kr_error e;
    char id[33];
    kr_error_clear(&e, "fuzz");
    if (doc_finish(d, ud, &e) == 0) {
        doc_hash(d, id);
        if (d->body > d->text.n)
            __builtin_trap();
    }
    return 0;
}

static void reject(void *ud, const kr_error *e)
{
    (void)ud;
    (void)e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kr_arena *a = arena_new();
    kr_error e;
    rd_sink sink = {finish, reject, a};
    kr_error_clear(&e, "fuzz");
    rd_text("fuzz", (const char *)data, size, a, &sink, &e);
    arena_free(a);
    return 0;
}
