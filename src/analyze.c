/* analyze.c: lexicons, matcher, resolver and event coder, set up once and
 * run on each document: entities first, then events over them. */
#include "analyze.h"

#include <string.h>

#include "evlex.h"
#include "lex.h"
#include "match.h"
#include "progress.h"
#include "stem.h"
#include "tok.h"

struct analyzer {
    lex_db *lex;
    match_db *match;
    ent_ctx *ent;
    evlex *evl;
    ev_ctx *ev;
    stem_cache *sc; /* for the dateline */
    size_t problems; /* faulty lexicon lines left out */
};

static void count_problem(void *ud, const char *file, size_t line, int warning, const char *msg)
{
    (void)file;
    (void)line;
    (void)msg;
    if (!warning)
        (*(size_t *)ud)++;
}

static int has_event_files(const lex_source *src, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (lex_is_event_file(src[k].name))
            return 1;
    return 0;
}

int analyzer_new(const char *lexdir, analyzer **out, kr_error *err)
{
    analyzer *an = kr_calloc(1, sizeof *an);
    const lex_source *src;
    size_t nsrc;
    int rc;
    if (!an)
        return kr_errorf(err, KR_ENOMEM, "out of memory");
    if (lexdir)
        rc = lex_load_dir(lexdir, 0, count_problem, &an->problems, &an->lex, err);
    else if ((rc = lex_builtin(0, count_problem, &an->problems, &an->lex)) != 0)
        kr_errorf(err, rc, "the built-in lexicon does not load (see kronika lexicon check)");
    if (rc == 0 && (rc = match_build(an->lex, &an->match)) == 0)
        rc = ent_new(an->lex, an->match, &an->ent);
    if (rc == 0) {
        src = lex_sources(an->lex, &nsrc);
        if (lexdir && !has_event_files(src, nsrc))
            src = lex_builtin_files(&nsrc); /* a folder of actors only: built-in events */
        if (!(an->sc = stem_new()))
            rc = KR_ENOMEM;
        else
            rc = evlex_build(src, nsrc, 0, an->sc, count_problem, &an->problems, &an->evl);
        if (rc == 0 && evlex_ncodes(an->evl) == 0)
            rc = kr_errorf(err, KR_EFORMAT,
                           "%s: the events/ folder has no codebook (events/cameo.txt)", lexdir);
        if (rc == 0)
            rc = ev_new(an->evl, an->lex, &an->ev);
    }
    if (rc == KR_ENOMEM)
        kr_errorf(err, rc, "out of memory");
    if (rc) {
        analyzer_free(an);
        return rc;
    }
    *out = an;
    return 0;
}

size_t analyzer_problems(const analyzer *an)
{
    return an->problems;
}

void analyzer_free(analyzer *an)
{
    if (!an)
        return;
    ev_free(an->ev);
    stem_free(an->sc);
    evlex_free(an->evl);
    ent_free(an->ent);
    match_free(an->match);
    lex_free(an->lex);
    kr_free(an);
}

/* The dateline's place as a mention ("TEHRAN" -> Tehran, IRN): the first
 * place the matcher finds there, taken as a place even when it is a
 * capital that elsewhere stands for its government. */
static const ent_mention *dateline_place(analyzer *an, const kr_doc *d, kr_arena *a)
{
    match_result mr;
    ent_mention *m;
    size_t k;
    if (!d->dateline.n || match_text(an->match, an->sc, d->dateline.p, d->dateline.n, 0, a, &mr))
        return NULL;
    for (k = 0; k < mr.nhits; k++) {
        const lex_entry *e = lex_entry_at(an->lex, mr.hits[k].entry);
        if ((e->type != LEX_LOC && e->type != LEX_GPE) || mr.hits[k].adj)
            continue;
        if (!(m = arena_alloc(a, sizeof *m)))
            return NULL;
        memset(m, 0, sizeof *m);
        m->id = e->id;
        m->name = e->name;
        m->country = e->country ? e->country : e->type == LEX_GPE ? e->id : NULL;
        m->type = e->type == LEX_LOC ? "LOC" : "GPE";
        m->kind = ENT_NAME;
        m->entry = (long)mr.hits[k].entry;
        m->agent = -1;
        return m;
    }
    return NULL;
}

int analyzer_run(analyzer *an, const kr_doc *d, kr_arena *a, analysis *out)
{
    double t0 = progress_now(), t1;
    tok_doc td;
    int rc;
    memset(out, 0, sizeof *out);
    /* one tokenization for both stages; counted with the entities */
    rc = tok_run(d->text.p, d->text.n, d->body, a, &td, NULL);
    if (rc == 0)
        rc = ent_resolve(an->ent, d->text.p, d->text.n, d->body, &td, d->date, a, &out->mentions,
                         &out->nmentions);
    out->t_entities = (t1 = progress_now()) - t0;
    if (rc == 0)
        rc = ev_code_doc(an->ev, d->text.p, d->text.n, d->body, &td, d->date, dateline_place(an, d, a),
                         out->mentions, out->nmentions, a, &out->events, &out->nevents);
    out->t_events = progress_now() - t1;
    return rc;
}
