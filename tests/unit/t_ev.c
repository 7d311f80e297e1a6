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

static const char patterns[] =
    "cue negation: not; never\n"
    "cue intent: will; plan to\n"
    "cue reported: reportedly\n"
    "cue passive: was; were\n"
    "cue agent: by\n"
    "cue preposition: with; of\n"
    "cue locative: in\n"
    "cue and: and\n"
    "cue complement: that\n"
    "cue determiner: the\n"
    "cue yesterday: yesterday\n"
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

    /* each bad line is reported with its line number */
    e = NULL;
    CHECK_INT(build("040 meet +\n050 praise +\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(nproblems, 1);
    CHECK_INT(last_line, 2);
    CHECK(e == NULL);
    CHECK_INT(build("cue nonsense: x\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 + met\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 met @nowhere\n", 1, sc, &e), KR_EFORMAT);
    CHECK_INT(build("040 met ; sometimes\n", 1, sc, &e), KR_EFORMAT);
    /* without check, the faulty line is left out and the rest loads */
    CHECK_INT(build("040 + met\n111 criticize +\n", 0, sc, &e), 0);
    CHECK(e && evlex_npatterns(e) == 1);
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
    CHECK_INT(ev_code_doc(c, text, sizeof text - 1, 0, day, NULL, m, nm, a, &ev, &nev), 0);

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

int main(void)
{
    stem_cache *sc = stem_new();
    CHECK(sc != NULL);
    if (sc) {
        test_lexicon(sc);
        test_coding(sc);
    }
    stem_free(sc);
    return t_report();
}
