/* t_ev.c: the event lexicon (codebook and pattern lines, their errors) and
 * the event coder on hand-made mentions: subject and target, negation,
 * mode, relative dates, agencies, refusals, passive voice, merging. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ev.h"
#include "evlex.h"
#include "stem.h"
#include "t.h"

static const char codes[] =
    "# code goldstein plover label\n"
    "010 0.0 - Make a statement\n"
    "040 1.0 CONSULT Consult\n"
    "111 -2.0 ACCUSE:disapprove Criticize\n"
    "125 -5.0 REJECT Reject a meeting\n"
    "190 -10.0 ASSAULT Use military force\n";

#define CUES                            \
    "cue negation: not; never\n"        \
    "cue intent: will; plan to\n"       \
    "cue reported: reportedly\n"        \
    "cue passive: was; were\n"          \
    "cue agent: by\n"                   \
    "cue preposition: with; of; from\n" \
    "cue locative: in\n"                \
    "cue and: and\n"                    \
    "cue complement: that\n"            \
    "cue determiner: the\n"             \
    "cue yesterday: yesterday\n"

static const char patterns[] =
    CUES
    "define meet: meet|met\n"
    "010 say|said ; speech\n"
    "040 @meet (with) + ; symmetric\n"
    "111 criticize|criticized +\n"
    "125 refuse|refused to @meet|attend\n"
    "190 attack|attacked +\n";

static int nproblems;
static size_t last_line;

static void count_problem(void *ud, const char *file, size_t line, int warning, const char *msg)
{
    (void)ud;
    (void)file;
    (void)warning;
    (void)msg;
    nproblems++;
    last_line = line;
}

static int build(const char *pat, int check, stem_cache *sc, evlex **out)
{
    lex_source src[3] = {{"lexicon/events/cameo.txt", codes, sizeof codes - 1},
                         {"lexicon/events/en.txt", pat, strlen(pat)},
                         {"lexicon/states.txt", "[x]\n", 4}};
    nproblems = 0;
    last_line = 0;
    return evlex_build(src, 3, check, sc, count_problem, NULL, out);
}

static void test_lexicon(stem_cache *sc)
{
    evlex *e = NULL;
    const ev_code *c;
    CHECK(lex_is_event_file("lexicon/events/en.txt"));
    CHECK(lex_is_event_file("events/ru.txt"));
    CHECK(!lex_is_event_file("lexicon/prevents/x.txt"));
    CHECK(!lex_is_event_file("lexicon/states.txt"));
    CHECK_INT(build(patterns, 1, sc, &e), 0);
    CHECK_INT(nproblems, 0);
    if (!e)
        return;
    CHECK_INT(evlex_ncodes(e), 5);
    CHECK_INT(evlex_npatterns(e), 5);
    c = evlex_code(e, "111");
    CHECK(c && c->quad == 3 && c->goldstein == -2.0 && !strcmp(c->plover, "ACCUSE") &&
          !strcmp(c->plover_mode, "disapprove") && !strcmp(c->label, "Criticize"));
    c = evlex_code(e, "190");
    CHECK(c && c->quad == 4);
    CHECK(evlex_code(e, "040") && evlex_code(e, "040")->quad == 1);
    CHECK(evlex_code(e, "010") && evlex_code(e, "010")->plover == NULL);
    CHECK(evlex_code(e, "999") == NULL);
    evlex_free(e);

    /* Equal word sets share one key set, whatever their order or source:
     * "@meet", "met|meet" and "meet|met" are one set, "attend" another. */
    e = NULL;
    CHECK_INT(build(CUES "define meet: meet|met\n040 talk ... @meet +\n"
                         "111 plan ... met|meet +\n125 plan ... meet|met +\n"
                         "190 plan ... attend\n", 1, sc, &e), 0);
    if (e) {
        char k[64];
        size_t kn = evlex_word_key(sc, "met", 3, 0, k, sizeof k), n = 0, j;
        const uint32_t *sets = evlex_key_sets(e, evlex_key_id(e, k, kn), &n);
        uint32_t meet_set = 0;
        CHECK_INT(evlex_nsets(e), 4); /* {talk}, {meet, met}, {plan}, {attend} */
        CHECK_INT(n, 1);
        for (j = 0; j < evlex_npatterns(e); j++) {
            size_t np, i;
            const ev_pattern *const *pv;
            const uint32_t *need, *at;
            kn = evlex_word_key(sc, "plan", 4, 0, k, sizeof k);
            pv = evlex_anchored(e, evlex_key_id(e, k, kn), &np);
            need = evlex_anchored_needs(e, evlex_key_id(e, k, kn), &at);
            CHECK(need != NULL && at != NULL);
            for (i = 0; need && i < np; i++) { /* one required word after the gap */
                CHECK_INT(at[i + 1] - at[i], 1);
                CHECK_INT(need[at[i]], pv[i]->elems[2].set);
            }
            for (i = 0; i < np; i++)
                if (strcmp(pv[i]->code->code, "190") != 0) {
                    if (!meet_set)
                        meet_set = pv[i]->elems[2].set;
                    CHECK_INT(pv[i]->elems[2].set, meet_set);
                } else {
                    CHECK(pv[i]->elems[2].set != 0 && pv[i]->elems[2].set != meet_set);
                }
        }
        CHECK(n == 1 && sets[0] == meet_set);
        evlex_key_sets(e, 0, &n); /* no key: no set */
        CHECK_INT(n, 0);
        evlex_free(e);
    }

    /* the required words after the anchor, in order, without optional ones */
    e = NULL;
    CHECK_INT(build(CUES "111 warn (strongly) against ... attack +\n", 1, sc, &e), 0);
    if (e) {
        char k[64];
        size_t kn = evlex_word_key(sc, "warn", 4, 0, k, sizeof k), np = 0;
        const uint32_t *at = NULL, *need = evlex_anchored_needs(e, evlex_key_id(e, k, kn), &at);
        const ev_pattern *const *pv = evlex_anchored(e, evlex_key_id(e, k, kn), &np);
        CHECK_INT(np, 1);
        CHECK(need != NULL && at != NULL);
        if (need && at && np == 1) {
            CHECK_INT(at[1] - at[0], 2);
            CHECK_INT(need[at[0]], pv[0]->elems[2].set);     /* against */
            CHECK_INT(need[at[0] + 1], pv[0]->elems[4].set); /* attack */
        }
        kn = evlex_word_key(sc, "strongly", 8, 0, k, sizeof k);
        CHECK(evlex_anchored_needs(e, evlex_key_id(e, k, kn), &at) == NULL);
        CHECK(at == NULL);
        /* what each key is used for */
        CHECK_INT(evlex_key_uses(e, evlex_key_id(e, k, kn)), EV_KEY_SET); /* an optional word */
        kn = evlex_word_key(sc, "warn", 4, 0, k, sizeof k);
        CHECK_INT(evlex_key_uses(e, evlex_key_id(e, k, kn)), EV_KEY_ANCHOR | EV_KEY_SET);
        kn = evlex_word_key(sc, "attack", 6, 0, k, sizeof k);
        CHECK_INT(evlex_key_uses(e, evlex_key_id(e, k, kn)), EV_KEY_SET);
        kn = evlex_word_key(sc, "reportedly", 10, 0, k, sizeof k);
        CHECK_INT(evlex_key_uses(e, evlex_key_id(e, k, kn)), EV_KEY_CUE);
        kn = evlex_word_key(sc, "plan", 4, 0, k, sizeof k); /* starts "plan to" */
        CHECK(evlex_key_uses(e, evlex_key_id(e, k, kn)) & EV_KEY_CUE);
        kn = evlex_word_key(sc, "to", 2, 0, k, sizeof k); /* inside it only */
        CHECK(!(evlex_key_uses(e, evlex_key_id(e, k, kn)) & EV_KEY_CUE));
        CHECK_INT(evlex_key_uses(e, 0), 0);
        CHECK_INT(evlex_key_uses(e, (uint32_t)evlex_nkeys(e) + 1), 0);
        evlex_free(e);
    }

    /* each bad line is reported with its line number */
    e = NULL;
    CHECK_INT(build("040 meet +\n050 praise +\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(nproblems, 1);
    CHECK_INT(last_line, 2);
    CHECK(e == NULL);
    CHECK_INT(build("cue nonsense: x\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 met @nowhere\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 met ; sometimes\n", 1, sc, &e), KR_EFORMAT);
    /* a leading "+" needs a required word after it */
    CHECK_INT(build("040 +\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 + +\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 + (met)\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 + ... met\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 $ met\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("--- +\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("-- met\n", 1, sc, &e), KR_EFORMAT);
    /* without check, the faulty line is left out and the rest loads */
    CHECK_INT(build("040 + +\n111 criticize +\n", 0, sc, &e), 0);
    CHECK(e && evlex_npatterns(e) == 1);
    evlex_free(e);
    /* the options for imported dictionaries, and the blocking code */
    e = NULL;
    CHECK_INT(build("040 + met ... $ ; target\n040 met ; mutual loose\n--- met ... nobody\n", 1, sc, &e), 0);
    CHECK_INT(nproblems, 0);
    CHECK(e && evlex_npatterns(e) == 3);
    CHECK(evlex_code(e, "---") == NULL); /* not a code of the codebook */
    evlex_free(e);
}

/* A mention of a state or organization at the first occurrence of `word`,
 * or with "ID@AFTER" of ID after the first occurrence of AFTER. */
static void mention(const char *text, const char *word, const char *id, const char *type,
                    int agency, ent_mention *m, size_t *n)
{
    const char *p = strstr(text, word);
    if (!p) /* "word@after": the first one after `after` */
        p = strstr(strstr(text, strchr(word, '@') + 1), id);
    ent_mention *x = &m[(*n)++];
    memset(x, 0, sizeof *x);
    x->span.start = (size_t)(p - text);
    x->span.end = x->span.start + (strchr(word, '@') ? strlen(id) : strlen(word));
    x->id = x->name = x->code = id;
    x->country = agency ? NULL : id;
    x->type = type;
    x->kind = ENT_NAME;
    x->agency = agency;
    x->entry = 0;
    x->agent = -1;
}

static const ev_event *find(const ev_event *v, size_t n, const char *code, const char *src)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (!strcmp(v[k].code->code, code) &&
            (src ? v[k].source.entity && !strcmp(v[k].source.entity, src) : !v[k].source.entity))
            return &v[k];
    return NULL;
}

static void test_coding(stem_cache *sc)
{
    static const char text[] =
        "Russia criticized NATO. Iran did not meet with Turkey yesterday. "
        "Georgia refused to attend. Armenia was attacked by Azerbaijan.\n\n"
        "Russia criticized NATO. Turkey will meet Iran. "
        "China said that India reportedly attacked Nepal, Reuters said.";
    ent_mention m[16];
    size_t nm = 0, nev = 0;
    evlex *e = NULL;
    ev_ctx *c = NULL;
    kr_arena *a = arena_new();
    ev_event *ev = NULL;
    kr_date day = {2024, 3, 14};
    const ev_event *x;
    const char *const states[] = {"Russia", "NATO", "Iran", "Turkey", "Georgia", "Armenia",
                                  "Azerbaijan"};
    size_t k;
    CHECK_INT(build(patterns, 1, sc, &e), 0);
    CHECK_INT(ev_new(e, NULL, &c), 0);
    for (k = 0; k < sizeof states / sizeof *states; k++)
        mention(text, states[k], states[k], k == 1 ? "ORG" : "GPE", 0, m, &nm);
    mention(text, "Russia@Azerbaijan.", "Russia", "GPE", 0, m, &nm);
    mention(text, "NATO@Azerbaijan.", "NATO", "ORG", 0, m, &nm);
    mention(text, "Turkey will", "Turkey", "GPE", 0, m, &nm);
    m[nm - 1].span.end -= 5;
    mention(text, "Iran.", "Iran", "GPE", 0, m, &nm);
    m[nm - 1].span.end -= 1;
    mention(text, "China", "China", "GPE", 0, m, &nm);
    mention(text, "India", "India", "GPE", 0, m, &nm);
    mention(text, "Nepal", "Nepal", "GPE", 0, m, &nm);
    mention(text, "Reuters", "reuters", "ORG", 1, m, &nm);
    /* in text order, as the resolver gives them */
    for (k = 1; k < nm; k++) {
        ent_mention t = m[k];
        size_t j = k;
        for (; j > 0 && m[j - 1].span.start > t.span.start; j--)
            m[j] = m[j - 1];
        m[j] = t;
    }
    CHECK_INT(ev_code_doc(c, text, sizeof text - 1, 0, NULL, day, NULL, m, nm, a, &ev, &nev), 0);

    x = find(ev, nev, "111", "Russia");
    CHECK(x && x->target.entity && !strcmp(x->target.entity, "NATO") && x->mode == EV_ACTUAL &&
          !x->negated && x->date.d == 14);
    CHECK(x && x->confidence > 0.85); /* said twice: merged, more confident */
    x = find(ev, nev, "040", "Iran");
    CHECK(x && x->negated && x->target.entity && !strcmp(x->target.entity, "Turkey"));
    CHECK(x && x->date.y == 2024 && x->date.m == 3 && x->date.d == 13); /* yesterday */
    CHECK(x && x->evidence.start == (size_t)(strstr(text, "Iran did") - text));
    x = find(ev, nev, "125", "Georgia");
    CHECK(x != NULL);
    CHECK(find(ev, nev, "040", "Georgia") == NULL); /* a refusal, not a meeting */
    x = find(ev, nev, "190", "Azerbaijan");
    CHECK(x && x->target.entity && !strcmp(x->target.entity, "Armenia")); /* passive */
    x = find(ev, nev, "040", "Turkey");
    CHECK(x && x->mode == EV_INTENT && x->target.entity && !strcmp(x->target.entity, "Iran"));
    x = find(ev, nev, "190", "India");
    CHECK(x && x->mode == EV_REPORTED && !strcmp(x->target.entity, "Nepal"));
    CHECK(find(ev, nev, "010", "China") != NULL);
    CHECK(find(ev, nev, "010", "reuters") == NULL); /* agencies are never actors */
    for (k = 0; k < nev; k++)
        CHECK(!ev[k].source.entity || strcmp(ev[k].source.entity, "reuters") != 0);
    /* one record per distinct event */
    {
        size_t n111 = 0;
        for (k = 0; k < nev; k++)
            n111 += !strcmp(ev[k].code->code, "111");
        CHECK_INT(n111, 1);
    }
    ev_free(c);
    evlex_free(e);
    arena_free(a);
}

/* --- the options of imported dictionaries --------------------------------- */

static const char more_codes[] =
    "040 1.0 CONSULT Consult\n"
    "071 7.4 AID Provide economic aid\n"
    "111 -2.0 ACCUSE:disapprove Criticize\n"
    "190 -10.0 ASSAULT Use military force\n";

static evlex *coded_lex; /* the lexicon of the last code_with(): its codes */
static ev_ctx *coded_ctx;

static void code_done(kr_arena *a)
{
    ev_free(coded_ctx);
    evlex_free(coded_lex);
    coded_ctx = NULL;
    coded_lex = NULL;
    arena_reset(a);
}

/* Codes `text` with the patterns `pat` (after the cues of CUES), each
 * occurrence of a name of `names` a state: the events, in *ev and *nev,
 * live until code_done(a). Returns 0, or -1 when the lexicon does not
 * build. */
static int code_with(const char *pat, const char *text, const char *const *names, size_t nnames,
                     stem_cache *sc, kr_arena *a, ev_event **ev, size_t *nev)
{
    char lines[1024];
    lex_source src[2] = {{"lexicon/events/cameo.txt", more_codes, sizeof more_codes - 1},
                         {"lexicon/events/en.txt", lines, 0}};
    ent_mention m[32];
    size_t nm = 0, k, j;
    kr_date day = {2024, 3, 14};
    snprintf(lines, sizeof lines, "%s%s", CUES, pat);
    src[1].n = strlen(lines);
    *ev = NULL;
    *nev = 0;
    code_done(a);
    if (evlex_build(src, 2, 1, sc, count_problem, NULL, &coded_lex) != 0 ||
        ev_new(coded_lex, NULL, &coded_ctx) != 0)
        return -1;
    for (k = 0; k < nnames; k++) {
        const char *p = text;
        while ((p = strstr(p, names[k])) != NULL && nm < sizeof m / sizeof *m) {
            ent_mention *x = &m[nm++];
            memset(x, 0, sizeof *x);
            x->span.start = (size_t)(p - text);
            x->span.end = x->span.start + strlen(names[k]);
            x->id = x->name = x->code = x->country = names[k];
            x->type = "GPE";
            x->kind = ENT_NAME;
            x->agent = -1;
            p += strlen(names[k]);
        }
    }
    for (k = 1; k < nm; k++) { /* in text order, as the resolver gives them */
        ent_mention t = m[k];
        for (j = k; j > 0 && m[j - 1].span.start > t.span.start; j--)
            m[j] = m[j - 1];
        m[j] = t;
    }
    return ev_code_doc(coded_ctx, text, strlen(text), 0, NULL, day, NULL, m, nm, a, ev, nev) == 0 ? 0 : -1;
}

/* The event of `code` from `src` to `tgt` (NULL: none), or NULL. */
static const ev_event *find_pair(const ev_event *v, size_t n, const char *code, const char *src,
                                 const char *tgt)
{
    const ev_event *x;
    size_t k;
    for (k = 0; k < n; k++) {
        x = &v[k];
        if (strcmp(x->code->code, code) != 0 || !x->source.entity != !src ||
            !x->target.entity != !tgt)
            continue;
        if ((!src || !strcmp(x->source.entity, src)) && (!tgt || !strcmp(x->target.entity, tgt)))
            return x;
    }
    return NULL;
}

static size_t count_code(const ev_event *v, size_t n, const char *code)
{
    size_t k, c = 0;
    for (k = 0; k < n; k++)
        c += !strcmp(v[k].code->code, code);
    return c;
}

/* "; target": an act with no one acted on is no event. */
static void test_opt_target(stem_cache *sc, kr_arena *a)
{
    static const char *const names[] = {"Gondor", "Arnor"};
    static const char text[] = "Gondor criticized the plan. Arnor criticized Gondor.";
    ev_event *ev;
    size_t nev;
    /* without the option, the first sentence codes Gondor alone */
    CHECK_INT(code_with("111 criticize|criticized\n", text, names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "111", "Gondor", NULL) != NULL);
    CHECK(find_pair(ev, nev, "111", "Arnor", "Gondor") != NULL);
    CHECK_INT(code_with("111 criticize|criticized ; target\n", text, names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "111", "Arnor", "Gondor") != NULL);
    CHECK_INT(count_code(ev, nev, "111"), 1);
    CHECK(find_pair(ev, nev, "111", "Gondor", NULL) == NULL);
    /* no one acts on himself: without the option, no target */
    CHECK_INT(code_with("111 criticize|criticized ... +\n", "Gondor criticized Gondor.", names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "111", "Gondor", NULL) != NULL);
    CHECK_INT(code_with("111 criticize|criticized ... + ; target\n", "Gondor criticized Gondor.", names, 2, sc, a, &ev, &nev), 0);
    CHECK_INT(count_code(ev, nev, "111"), 0);
    /* "X and Y met" has its targets in its subject */
    CHECK_INT(code_with("040 met ; symmetric target\n", "Gondor and Arnor met.", names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "040", "Gondor", "Arnor") != NULL);
}

/* "; mutual": each pair is coded both ways. */
static void test_opt_mutual(stem_cache *sc, kr_arena *a)
{
    static const char *const names[] = {"Gondor", "Arnor", "Rohan"};
    ev_event *ev;
    size_t nev;
    /* symmetric alone: one way */
    CHECK_INT(code_with("040 met ; symmetric\n", "Gondor and Arnor met.", names, 3, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "040", "Gondor", "Arnor") != NULL);
    CHECK(find_pair(ev, nev, "040", "Arnor", "Gondor") == NULL);
    CHECK_INT(code_with("040 met ; mutual\n", "Gondor and Arnor met.", names, 3, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "040", "Gondor", "Arnor") != NULL);
    CHECK(find_pair(ev, nev, "040", "Arnor", "Gondor") != NULL);
    CHECK_INT(count_code(ev, nev, "040"), 2);
    /* with a target in the phrase too */
    CHECK_INT(code_with("040 met ... + ; mutual\n", "Rohan met Arnor.", names, 3, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "040", "Rohan", "Arnor") != NULL);
    CHECK(find_pair(ev, nev, "040", "Arnor", "Rohan") != NULL);
    /* like symmetric, one alone meets no one */
    CHECK_INT(code_with("040 met ; mutual\n", "Gondor met the demand.", names, 3, sc, a, &ev, &nev), 0);
    CHECK_INT(count_code(ev, nev, "040"), 0);
}

/* A leading "+": the subject is the target, "$" the source. */
static void test_opt_subject_target(stem_cache *sc, kr_arena *a)
{
    static const char *const names[] = {"Eriador", "Osgiliath"};
    static const char text[] = "Eriador received money from Osgiliath.";
    ev_event *ev;
    size_t nev;
    CHECK_INT(code_with("071 + received ... from ... $\n", text, names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "071", "Osgiliath", "Eriador") != NULL);
    CHECK_INT(count_code(ev, nev, "071"), 1);
    /* without "$", no source: the subject is still not one */
    CHECK_INT(code_with("071 + received ... money\n", "Eriador received money.", names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "071", NULL, "Eriador") != NULL);
    CHECK(find_pair(ev, nev, "071", "Eriador", NULL) == NULL);
    /* no subject, no event */
    CHECK_INT(code_with("071 + received ... money\n", "Money was received.", names, 2, sc, a, &ev, &nev), 0);
    CHECK_INT(count_code(ev, nev, "071"), 0);
}

/* "; loose": a gap of up to 8 words, which may hold an actor. */
static void test_opt_loose(stem_cache *sc, kr_arena *a)
{
    static const char *const names[] = {"Gondor", "Arnor"};
    /* six words between "held" and "talks", Arnor among them */
    static const char text[] = "Gondor held with Arnor several long rounds of talks.";
    /* nine words between them: too many */
    static const char far[] = "Gondor held with Arnor several long and very tiring rounds of talks.";
    ev_event *ev;
    size_t nev;
    CHECK_INT(code_with("040 held ... talks\n", text, names, 2, sc, a, &ev, &nev), 0);
    CHECK_INT(count_code(ev, nev, "040"), 0);
    CHECK_INT(code_with("040 held ... talks ; loose\n", text, names, 2, sc, a, &ev, &nev), 0);
    CHECK(find(ev, nev, "040", "Gondor") != NULL);
    CHECK_INT(code_with("040 held ... talks ; loose\n", far, names, 2, sc, a, &ev, &nev), 0);
    CHECK_INT(count_code(ev, nev, "040"), 0);
}

/* Code "---": the phrase codes nothing and takes its words from the
 * shorter patterns it overlaps. */
static void test_opt_block(stem_cache *sc, kr_arena *a)
{
    static const char *const names[] = {"Gondor", "Arnor"};
    static const char text[] = "Gondor attacked the computers of Arnor. Arnor attacked Gondor.";
    static const char pats[] = "190 attack|attacked ... +\n--- attacked ... computers\n";
    ev_event *ev;
    size_t nev, k;
    CHECK_INT(code_with("190 attack|attacked ... +\n", text, names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "190", "Gondor", "Arnor") != NULL);
    CHECK_INT(code_with(pats, text, names, 2, sc, a, &ev, &nev), 0);
    CHECK(find_pair(ev, nev, "190", "Gondor", "Arnor") == NULL);
    CHECK(find_pair(ev, nev, "190", "Arnor", "Gondor") != NULL); /* not overlapped */
    CHECK_INT(count_code(ev, nev, "190"), 1);
    for (k = 0; k < nev; k++)
        CHECK(strcmp(ev[k].code->code, "---") != 0);
    CHECK_INT(nev, 1);
}

static void test_options(stem_cache *sc)
{
    kr_arena *a = arena_new();
    CHECK(a != NULL);
    if (!a)
        return;
    test_opt_target(sc, a);
    test_opt_mutual(sc, a);
    test_opt_subject_target(sc, a);
    test_opt_loose(sc, a);
    test_opt_block(sc, a);
    code_done(a);
    arena_free(a);
}

int main(void)
{
    stem_cache *sc = stem_new();
    CHECK(sc != NULL);
    if (sc) {
        test_lexicon(sc);
        test_coding(sc);
        test_options(sc);
    }
    stem_free(sc);
    return t_report();
}
