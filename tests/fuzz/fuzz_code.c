/* fuzz_code.c: libFuzzer target for the analysis of one document: text
 * through doc_finish, entities and events (the `code` filter's path).
 * Checks the documented invariants of every mention and event: spans in
 * order and inside the text, codes from the codebook, sources and targets
 * whose words lie inside the evidence sentence's document. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "arena.h"
#include "doc.h"

static analyzer *an;

static void check(const kr_doc *d, const analysis *r)
{
    size_t k;
    for (k = 0; k < r->nmentions; k++) {
        const ent_mention *m = &r->mentions[k];
        if (m->span.end <= m->span.start || m->span.end > d->text.n || !m->id || !m->type)
            __builtin_trap();
        if (k && m->span.start < r->mentions[k - 1].span.start)
            __builtin_trap();
    }
    for (k = 0; k < r->nevents; k++) {
        const ev_event *e = &r->events[k];
        if (!e->code || !e->code->code || e->code->quad < 1 || e->code->quad > 4)
            __builtin_trap();
        if (e->evidence.end <= e->evidence.start || e->evidence.end > d->text.n)
            __builtin_trap();
        if (!e->source.entity && !e->target.entity)
            __builtin_trap(); /* an event names an actor */
        if (e->source.entity && (e->source.span.end > d->text.n ||
                                 e->source.span.end <= e->source.span.start))
            __builtin_trap();
        if (e->target.entity && (e->target.span.end > d->text.n ||
                                 e->target.span.end <= e->target.span.start))
            __builtin_trap();
        if (e->confidence <= 0 || e->confidence > 1 || (unsigned)e->mode > EV_HYPOTHETICAL)
            __builtin_trap();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kr_arena *a;
    kr_error e;
    kr_doc d;
    analysis r;
    if (!an) {
        kr_error_clear(&e, "fuzz");
        if (analyzer_new(NULL, &an, &e) != 0)
            abort();
    }
    if (!(a = arena_new()))
        return 0;
    memset(&d, 0, sizeof d);
    d.path = "fuzz";
    d.text.p = (const char *)data;
    d.text.n = size;
    d.sniff = DOC_SNIFF_HEADER | DOC_SNIFF_LANG;
    kr_error_clear(&e, "fuzz");
    if (doc_finish(&d, a, &e) == 0) {
        if (analyzer_run(an, &d, a, &r) == 0)
            check(&d, &r);
        else
            __builtin_trap();
    }
    arena_free(a);
    return 0;
}
