/* ev.c: sparse sentence analysis for event coding. Per sentence: tokens get
 * key ids and cue classes; entity mentions are grouped into actor phrases
 * ("Russian Defense Minister Sergey Shoigu" is one actor); places after a
 * locative word and news agencies are set apart; the sentence is cut into
 * clauses; patterns are matched from their first word; the source is the
 * clause's subject (the first actor not governed by a preposition, the
 * antecedent of a relative clause, the doer of a passive, or the subject
 * carried from the clause or sentence before), the target fills the
 * pattern's slot. Mode, negation, date and place come from cue words around
 * the match. See docs/events.md. */
#include "ev.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "fold.h"
#include "stem.h"
#include "tok.h"
#include "wmemo.h"

#define MAX_SLOT 8      /* coordinated actors in one slot */
#define SLOT_SKIP 3     /* words skipped before a slot's actor */
#define SUBJECT_AGENCY_GAP 4

/* Key ids remembered by the word's bytes as written (wmemo.h). */
#define WORD_MEMO_SLOTS 65536
typedef struct word_ids {
    uint32_t key, xkey;
    uint32_t lists;      /* closed word lists holding the word: 1 << W_* */
    uint8_t uses, xuses; /* evlex_key_uses of key and xkey */
} word_ids;

/* The closed word lists the analysis asks about ("of", "в", the
 * possessives...), each known by a bit that a word form gets once, when
 * the word memory first sees it, rather than by folding the word at each
 * question (token_in). */
enum {
    W_OF, W_QUANTITY_HEADS, W_PLACE_IN, W_OTHER, W_DISPOSITION_EN, W_DISPOSITION_RU, W_TO,
    W_PAST_EN, W_V, W_DOC_OF, W_WE, W_AUX, W_OBJECT, W_THE, W_AGAINST, W_SETTING_OPENS,
    W_SETTING_HEADS, W_SETTING_OF, W_SETTING_V_HEADS, W_POSS, W_NLISTS
};
#define LIST_FIRSTS 129 /* first byte lower-cased (ASCII), or 128 for any other */
#define LIST_MAX_BYTES 24 /* longer words are in no list */

struct ev_ctx {
    const evlex *lex;
    const lex_db *actors;
    stem_cache *sc;
    wmemo *words;
    uint32_t *set_mark; /* by key set: the sentence number that holds it */
    uint32_t sentence;  /* sentences coded so far, from 1 */
    /* by first byte of a word (LIST_FIRSTS) and its length: the closed
     * lists with a word starting so, as long (list_filters()) */
    uint32_t list_cands[LIST_FIRSTS][LIST_MAX_BYTES + 1];
};

typedef struct tinfo {
    uint32_t key, xkey; /* key ids of the word stemmed / exact, 0: none */
    uint8_t uses, xuses; /* what the lexicon has for key and xkey: EV_KEY_* */
    uint32_t lists;     /* closed word lists holding the word: 1 << W_* */
    uint32_t cover;     /* cue classes covering the token */
    uint32_t start;     /* cue classes starting at the token */
    int32_t group;      /* actor group holding the token, -1 */
    int32_t clause;
} tinfo;

enum { G_ACTOR = 0, G_PLACE, G_AGENCY, G_NONE };

/* Where a sentence's date came from; intentions read some differently. */
enum {
    DATE_NONE = 0,   /* the report's date */
    DATE_NAMED,      /* a full date, or today/yesterday... */
    DATE_WEEKDAY,    /* the last such weekday up to the report's date */
    DATE_LAST_YEAR,  /* a day and month, put in the year before */
    DATE_CARRIED     /* named by an earlier sentence of the paragraph */
};

typedef struct group {
    size_t first, last;  /* tokens, inclusive */
    const ent_mention *best;
    const ent_mention *state; /* a mention of the group's state, if any */
    kr_span span;
    int role;            /* G_* */
    const char *home, *home_code; /* country and code a role-only group takes
                                   * from its place ("rebels in Darfur") */
} group;

typedef struct slot {
    int32_t g[MAX_SLOT];
    int n;
} slot;

typedef struct match {
    const ev_pattern *p;
    size_t anchor, end;  /* word tokens [anchor, end] */
    slot src, tgt;
    int has_src;
} match;

/* Everything known about the document while it is coded. */
typedef struct docstate {
    ev_ctx *c;
    const char *text;
    tok_doc td;
    tinfo *ti;
    group *g;
    size_t ng;
    kr_date date;
    const ent_mention *dateline;
    kr_arena *a;
    ev_event *ev;
    size_t nev, evcap;
    uint32_t *slots;      /* event index + 1 by event key, 2 * evcap */
    int32_t prev_subject; /* group, for pronouns and verbs without a subject */
    kr_date narrative;    /* last past date named in this paragraph */
    int date_kind;        /* where the sentence's date came from: DATE_* */
} docstate;

static void list_filters(ev_ctx *c);
static uint32_t word_lists(const ev_ctx *c, const char *w, size_t n);

int ev_new(const evlex *lex, const lex_db *actors, ev_ctx **out)
{
    ev_ctx *c = kr_calloc(1, sizeof *c);
    if (!c || !(c->sc = stem_new()) ||
        !(c->words = wmemo_new(WORD_MEMO_SLOTS, sizeof(word_ids))) ||
        !(c->set_mark = kr_calloc(evlex_nsets(lex) + 1, sizeof *c->set_mark))) {
        ev_free(c);
        return KR_ENOMEM;
    }
    c->lex = lex;
    c->actors = actors;
    list_filters(c);
    *out = c;
    return 0;
}

void ev_free(ev_ctx *c)
{
    if (!c)
        return;
    stem_free(c->sc);
    wmemo_free(c->words);
    kr_free(c->set_mark);
    kr_free(c);
}

const char *ev_mode_name(ev_mode m)
{
    static const char *const names[] = {"actual", "intent", "reported", "hypothetical"};
    return (unsigned)m < 4 ? names[m] : "actual";
}

/* --- tokens: keys and cues ---------------------------------------------- */

static int is_word(const tok_token *t)
{
    return t->type == TOK_WORD || t->type == TOK_NUM;
}

/* The stemmed and exact key ids of one word, what they are used for, and
 * the closed lists it is in. */
static void word_keys(ev_ctx *c, const char *w, size_t n, word_ids *v)
{
    char k[FOLD_MAX_WORD * 2];
    size_t kl = evlex_word_key(c->sc, w, n, 0, k, sizeof k);
    v->key = evlex_key_id(c->lex, k, kl);
    v->xkey = 0;
    if (v->key && evlex_has_exact(c->lex)) {
        kl = evlex_word_key(c->sc, w, n, 1, k, sizeof k);
        v->xkey = evlex_key_id(c->lex, k, kl);
    }
    v->uses = (uint8_t)evlex_key_uses(c->lex, v->key);
    v->xuses = (uint8_t)evlex_key_uses(c->lex, v->xkey);
    v->lists = word_lists(c, w, n);
}

static void token_keys(docstate *d)
{
    size_t i, nt = d->td.ntokens;
    wmemo_key *mk = arena_alloc(d->a, (nt + WMEMO_AHEAD) * sizeof *mk);
    if (mk) { /* the words' memory keys first, to fetch their sets ahead */
        for (i = 0; i < nt; i++) {
            const tok_token *t = &d->td.tokens[i];
            mk[i].hi = 0;
            if (is_word(t))
                mk[i] = wmemo_key_of(d->text + t->span.start, t->span.end - t->span.start);
        }
        wmemo_begin(d->c->words, mk, nt);
    }
    for (i = 0; i < nt; i++) {
        const tok_token *t = &d->td.tokens[i];
        const char *w = d->text + t->span.start;
        size_t n = t->span.end - t->span.start;
        tinfo *x = &d->ti[i];
        word_ids *v, own;
        int hit;
        memset(x, 0, sizeof *x);
        x->group = -1;
        if (!is_word(t))
            continue;
        v = mk ? wmemo_slot_ahead(d->c->words, &mk[i], &mk[i + WMEMO_AHEAD], &hit)
               : wmemo_slot(d->c->words, w, n, &hit);
        if (!v) { /* too long to remember */
            v = &own;
            hit = 0;
        }
        if (!hit)
            word_keys(d->c, w, n, v);
        x->key = v->key;
        x->xkey = v->xkey;
        x->uses = v->uses;
        x->xuses = v->xuses;
        x->lists = v->lists;
    }
}

/* Whether word token t is one of the words of pattern element x. A short
 * list is read; a long one (a word set of many forms) is asked the other
 * way round: is x's set among the few sets the token's keys belong to. */
static int has_word(const ev_ctx *c, const tinfo *t, const ev_elem *x)
{
    size_t k, n;
    const uint32_t *v;
    if (!((t->uses | t->xuses) & EV_KEY_SET))
        return 0; /* in no pattern word's set */
    if (x->nkeys <= 4) {
        for (k = 0; k < x->nkeys; k++)
            if ((t->key && x->keys[k] == t->key) || (t->xkey && x->keys[k] == t->xkey))
                return 1;
        return 0;
    }
    if (t->uses & EV_KEY_SET)
        for (v = evlex_key_sets(c->lex, t->key, &n), k = 0; k < n; k++)
            if (v[k] == x->set)
                return 1;
    if (t->xuses & EV_KEY_SET)
        for (v = evlex_key_sets(c->lex, t->xkey, &n), k = 0; k < n; k++)
            if (v[k] == x->set)
                return 1;
    return 0;
}

/* Marks every cue phrase; phrases stay inside one sentence. */
static void mark_cues(docstate *d, const tok_sent *s)
{
    size_t i, end = s->first + s->count;
    for (i = s->first; i < end; i++) {
        size_t nc, k, j;
        const ev_cue_phrase *cp;
        if (!(d->ti[i].uses & EV_KEY_CUE))
            continue;
        cp = evlex_cues(d->c->lex, d->ti[i].key, &nc);
        for (k = 0; k < nc; k++) {
            size_t t = i;
            for (j = 0; j < cp[k].n && t < end; j++, t++)
                if (d->ti[t].key != cp[k].keys[j])
                    break;
            if (j < cp[k].n)
                continue;
            d->ti[i].start |= 1u << cp[k].cls;
            for (t = i; t < i + cp[k].n; t++)
                d->ti[t].cover |= 1u << cp[k].cls;
        }
    }
}

static int cue_at(const docstate *d, size_t i, ev_cue c)
{
    return (d->ti[i].cover >> c) & 1;
}

/* Whether token i is a word of closed list `w` (W_*): see word_lists(). */
static int token_in(const docstate *d, size_t i, int w)
{
    return d->td.tokens[i].type == TOK_WORD && ((d->ti[i].lists >> w) & 1);
}

static const char *const word_of[] = {"of", NULL};

/* Heads that count or gather the actor after "of": "thousands of
 * Georgians", "a group of Moroccan diplomats", "members of the
 * opposition" act as Georgians, diplomats, the opposition. */
static const char *const quantity_heads[] = {
    "thousands", "hundreds", "dozens", "tens", "scores", "millions", "billions", "group",
    "groups", "members", "member", "number", "majority", "delegation", "contingent", "crowd",
    "crowds", "handful", "team", "some", "many", "most", "several", "representatives", NULL};

/* Whether token i is the "of" of a quantity phrase whose head, at i - 1,
 * is no earlier than `first`: "thousands of", "a group of", "200 of". */
static int quantity_of(const docstate *d, size_t i, size_t first)
{
    return i > first && cue_at(d, i, CUE_PREP) && d->ti[i - 1].group < 0 &&
           token_in(d, i, W_OF) &&
           (d->td.tokens[i - 1].type == TOK_NUM || token_in(d, i - 1, W_QUANTITY_HEADS));
}

/* Whether token i is a word some pattern starts with: a verb of the
 * lexicon, mostly. */
static int starts_pattern(const docstate *d, size_t i)
{
    return d->ti[i].group < 0 && (d->ti[i].uses & EV_KEY_ANCHOR);
}

static int ends_with(const char *w, size_t n, const char *end)
{
    size_t k = strlen(end);
    return n > k && memcmp(w + n - k, end, k) == 0;
}

/* --- actor groups --------------------------------------------------------- */

/* The first token from `from` on that ends after `byte`: a short walk
 * when byte is near. */
static size_t token_after(const docstate *d, size_t from, size_t byte)
{
    while (from < d->td.ntokens && d->td.tokens[from].span.end <= byte)
        from++;
    return from;
}

static size_t token_at(const docstate *d, size_t byte)
{
    size_t lo = 0, hi = d->td.ntokens;
    while (lo < hi) { /* first token ending after byte */
        size_t mid = (lo + hi) / 2;
        if (d->td.tokens[mid].span.end <= byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int rank(const ent_mention *m)
{
    if (!strcmp(m->type, "PER"))
        return 6;
    if (m->kind == ENT_GROUP)
        return 5;
    if (!strcmp(m->type, "ORG"))
        return 4;
    if (m->kind == ENT_METONYM)
        return 3;
    if (m->kind == ENT_ADJ)
        return 1;
    return 2;
}

/* Whether mention m (starting at token `first`) may join group g whose
 * last mention is `last`: it is next to it, or a run of capitalized title
 * words comes between ("Russian Defense Minister Sergey Shoigu"), or a
 * demonym and a role word come before a name ("his Iranian counterpart
 * Mohammad-Reza Ashtiani"). */
static int joins(const docstate *d, const group *g, const ent_mention *last,
                 const ent_mention *m, size_t first)
{
    size_t i, gap, caps = 0;
    if (first <= g->last)
        return 1; /* inside the group: "Arnor" of "Arnor cleric" */
    if (d->td.tokens[first].flags & TOK_SENT_START)
        return 0; /* a heading's last actor is not the next sentence's first */
    gap = first - g->last - 1;
    if (gap > 3)
        return 0;
    if (gap == 0)
        goto adjacent;
    for (i = g->last + 1; i < first; i++) {
        const tok_token *t = &d->td.tokens[i];
        /* "Minister of Defense": a small word inside capitalized title words */
        int inner = i > g->last + 1 && i + 1 < first && (d->ti[i].cover & ~((1u << CUE_PREP) |
                    (1u << CUE_DET))) == 0 && (d->td.tokens[i - 1].flags & TOK_CAP) &&
                    (d->td.tokens[i + 1].flags & TOK_CAP);
        if (t->type != TOK_WORD || (d->ti[i].cover && !inner) || (t->flags & TOK_SENT_START))
            return 0;
        caps += (t->flags & TOK_CAP) != 0 || inner;
    }
    if (gap && caps == gap)
        return 1;
adjacent:
    /* "После встречи с Алиевым Эрдоган заявил": two people side by side */
    if (!gap && !strcmp(last->type, "PER") && !strcmp(m->type, "PER") && last->kind != ENT_ROLE &&
        strcmp(last->id, m->id))
        return 0;
    if (!gap && last->agency) /* "according to TASS Russia attacked" */
        return 0;
    if (!gap) /* "В Тегеране Путин встретился": a place after "в", then someone */
        return !(last->kind != ENT_ADJ && (!strcmp(last->type, "GPE") || !strcmp(last->type, "LOC")) &&
                 (!strcmp(m->type, "PER") || !strcmp(m->type, "ORG")) && g->first > 0 &&
                 cue_at(d, g->first - 1, CUE_LOCATIVE));
    return last->kind == ENT_ADJ && !strcmp(m->type, "PER") && m->kind == ENT_NAME;
}

/* The code of a group of state `country` with the sector of role code
 * `sector` ("SDN" + "REB"), in the arena; NULL without memory. */
static const char *state_code(docstate *d, const char *country, const char *sector)
{
    long st = d->c->actors ? lex_find(d->c->actors, country) : -1;
    const lex_entry *e = st >= 0 ? lex_entry_at(d->c->actors, (size_t)st) : NULL;
    const char *base = e && e->code ? e->code : country;
    size_t nb = strlen(base), ns = strlen(sector);
    char *code = arena_alloc(d->a, nb + ns + 1);
    if (code) {
        memcpy(code, base, nb);
        memcpy(code + nb, sector, ns + 1);
    }
    return code;
}

static const char *const place_in_words[] = {"in", "of", "from", "в", "во", "из", NULL};

/* "Rebels in the Ivory Coast", "opposition groups in Zimbabwe", "боевики
 * в Сирии": a group named by its role alone (a sector code, no state)
 * followed by in/of/from and a place or state of a country belongs to
 * that country. */
static int place_home(docstate *d, group *g)
{
    size_t i = g->last + 1, words = 0;
    const ent_mention *m = g->best, *h;
    if (g->role != G_ACTOR || m->country || !m->code || strlen(m->code) != 3 ||
        m->kind != ENT_GROUP || i + 1 >= d->td.ntokens || m->agent < 0 || !d->c->actors ||
        !lex_agent_of_place(lex_entry_at(d->c->actors, (size_t)m->agent)))
        return 0;
    if (is_word(&d->td.tokens[i]) && !d->ti[i].cover && d->ti[i].group < 0 &&
        !starts_pattern(d, i))
        i++; /* its head noun: "opposition groups in Zimbabwe" */
    if (i >= d->td.ntokens || (d->td.tokens[i].flags & TOK_SENT_START) || !token_in(d, i, W_PLACE_IN))
        return 0;
    for (i++; i < d->td.ntokens && d->ti[i].group < 0; i++) /* "in southern Serbia" */
        if (!cue_at(d, i, CUE_DET) && (d->ti[i].cover || !is_word(&d->td.tokens[i]) || ++words > 1 ||
                                       (d->td.tokens[i].flags & TOK_SENT_START)))
            return 0;
    if (i >= d->td.ntokens || d->g[d->ti[i].group].first != i ||
        (d->td.tokens[i].flags & TOK_SENT_START))
        return 0;
    h = d->g[d->ti[i].group].best;
    if (!h->country || d->g[d->ti[i].group].role == G_AGENCY)
        return 0;
    g->home = h->country;
    return (g->home_code = state_code(d, h->country, m->code)) ? 0 : KR_ENOMEM;
}

/* "военному присутствию", "military infrastructure": a role word alone (a
 * sector, no state) right before a noun of presence, operations, sites or
 * plans modifies that noun and names no actor. Aid and equipment are not
 * listed: "военной помощи" is military aid (072) through the word. */
static int modifier_role(const docstate *d, const group *g)
{
    static const char *const heads[] = {
        "presence", "operation", "infrastructure", "facilit", "installation", "object", "target",
        "site", "base", "exercise", "drill", "cooperation", "action", "intervention", "campaign",
        "buildup", "spending", "budget", "potential", "capabilit", "doctrine", "solution",
        "option", "присутстви", "операци", "спецопераци", "инфраструктур", "объект", "баз",
        "учени", "сотрудничеств", "действи", "интервенци", "кампани", "потенциал", "бюджет",
        "расход", "доктрин", NULL};
    const ent_mention *m = g->best;
    const tok_token *t;
    const char *w;
    size_t i = g->last + 1, n, k, l;
    if (m->kind != ENT_GROUP || m->country || g->state || g->first != g->last ||
        i >= d->td.ntokens)
        return 0;
    t = &d->td.tokens[i];
    w = d->text + t->span.start;
    n = t->span.end - t->span.start;
    if (t->type != TOK_WORD || (t->flags & (TOK_SENT_START | TOK_CAP)) || n < 3)
        return 0;
    /* the head is in lower case: its bytes are compared as written */
    for (k = 0; heads[k]; k++)
        if (heads[k][0] == w[0] && heads[k][1] == w[1] && (l = strlen(heads[k])) <= n &&
            !memcmp(w, heads[k], l))
            return 1;
    return 0;
}

static int build_groups(docstate *d, const ent_mention *mv, size_t nm)
{
    size_t k, at = 0;
    const ent_mention *last = NULL;
    d->g = arena_alloc(d->a, (nm ? nm : 1) * sizeof *d->g);
    if (!d->g)
        return KR_ENOMEM;
    d->ng = 0;
    for (k = 0; k < nm; k++) {
        const ent_mention *m = &mv[k];
        /* mentions come in text order: each search goes on from the last */
        size_t first = k && m->span.start >= mv[k - 1].span.start
                           ? token_after(d, at, m->span.start)
                           : token_at(d, m->span.start);
        size_t lastt = token_after(d, first, m->span.end - 1);
        group *g = d->ng ? &d->g[d->ng - 1] : NULL;
        at = first;
        if (first >= d->td.ntokens)
            break;
        if (lastt >= d->td.ntokens)
            lastt = d->td.ntokens - 1;
        if (!g || !last || !joins(d, g, last, m, first) ||
            (m->kind == ENT_ADJ && rank(g->best) > 1 && first > g->last)) {
            g = &d->g[d->ng++];
            memset(g, 0, sizeof *g);
            g->first = first;
            g->span.start = m->span.start;
            g->best = m;
        } else if (rank(m) >= rank(g->best)) {
            g->best = m;
        }
        if (m->country && m->code && !g->state)
            g->state = m;
        if (lastt > g->last)
            g->last = lastt;
        if (m->span.end > g->span.end)
            g->span.end = m->span.end;
        last = m;
    }
    for (k = 0; k < d->ng; k++) {
        group *g = &d->g[k];
        size_t i, p = g->first;
        const char *type = g->best->type;
        while (p > 0 && cue_at(d, p - 1, CUE_DET))
            p--;
        if (g->best->agency)
            g->role = G_AGENCY;
        else if ((!strcmp(type, "LOC") || !strcmp(type, "GPE")) && g->best->kind != ENT_ADJ &&
                 p > 0 && cue_at(d, p - 1, CUE_LOCATIVE))
            g->role = G_PLACE;
        else if (!strcmp(type, "LOC"))
            g->role = G_NONE;
        else if (g->best->kind == ENT_CANDIDATE && g->best->agent >= 0)
            g->role = G_NONE; /* "правительство": a body of no known state */
        if (modifier_role(d, g)) { /* its word is an ordinary word */
            g->role = G_NONE;
            continue;
        }
        for (i = g->first; i <= g->last; i++)
            d->ti[i].group = (int32_t)k;
    }
    for (k = 0; k < d->ng; k++) /* each looks at the group after it: all are marked */
        if (place_home(d, &d->g[k]) != 0)
            return KR_ENOMEM;
    return 0;
}

static int actor(const docstate *d, int32_t g)
{
    return g >= 0 && d->g[g].role == G_ACTOR;
}

/* A slot takes actors, and places standing for their state ("arrived in
 * Tehran": Iran is the host). */
static int slot_ok(const docstate *d, int32_t g)
{
    return actor(d, g) || (g >= 0 && d->g[g].role == G_PLACE && d->g[g].best->country);
}

/* The group starting at token i after skipping determiners and up to
 * `skip` other words, or -1. */
static int32_t group_after(const docstate *d, size_t i, size_t end, size_t skip)
{
    size_t skipped = 0;
    for (; i < end; i++) {
        int32_t g = d->ti[i].group;
        if (g >= 0)
            return d->g[g].first == i || skipped == 0 ? g : -1;
        if (i + 1 < end && cue_at(d, i + 1, CUE_PREP) && quantity_of(d, i + 1, i)) {
            /* "hosted millions of refugees" */
            i++;
            continue;
        }
        if (cue_at(d, i, CUE_DET))
            continue;
        if (!is_word(&d->td.tokens[i]) || d->ti[i].cover || ++skipped > skip)
            return -1;
    }
    return -1;
}

static int is_comma(const docstate *d, size_t i)
{
    return d->td.tokens[i].type == TOK_PUNCT && d->text[d->td.tokens[i].span.start] == ',';
}

/* Fills s with the actor group at i and those coordinated with it
 * ("Russia, Iran and Turkey"); returns the token after the last one. */
static size_t take_slot(const docstate *d, size_t i, size_t end, size_t skip, slot *s)
{
    int32_t g = group_after(d, i, end, skip);
    s->n = 0;
    while (g >= 0 && slot_ok(d, g) && s->n < MAX_SLOT) {
        size_t j = d->g[g].last + 1, k;
        int comma_only = 0;
        s->g[s->n++] = g;
        if (j < end && is_comma(d, j)) {
            j++;
            comma_only = !(j < end && cue_at(d, j, CUE_COORD));
        }
        if (j < end && cue_at(d, j, CUE_COORD))
            j++;
        /* after a bare comma the list goes on only if another comma or
         * "and" follows the next actor: "with Russia and Iran, Turkey
         * attacked" ends at Iran */
        if (comma_only) {
            int32_t h = group_after(d, j, end, 0);
            k = h >= 0 ? d->g[h].last + 1 : end;
            if (h < 0 || k >= end || !(is_comma(d, k) || cue_at(d, k, CUE_COORD)))
                return d->g[g].last + 1;
        }
        /* no list runs into the next clause ("Israel, and Israel attacked") */
        if (j == d->g[g].last + 1 || (j < end && d->ti[j].clause != d->ti[d->g[g].last].clause))
            return d->g[g].last + 1;
        g = group_after(d, j, end, 0);
        if (g < 0 || !slot_ok(d, g))
            return d->g[s->g[s->n - 1]].last + 1;
    }
    return s->n ? d->g[s->g[s->n - 1]].last + 1 : i;
}

/* --- clauses ---------------------------------------------------------------- */

static int clause_punct(const docstate *d, size_t i)
{
    const tok_token *t = &d->td.tokens[i];
    char c = d->text[t->span.start];
    return t->type == TOK_PUNCT && (c == ';' || c == ':' || c == '(' || c == ')');
}


/* A sentence is cut before clause words (but, which, that, но, который),
 * at ; : and parentheses, and at ", and" when a verb of the lexicon came
 * before it in the clause ("Iran threatened Israel, and Israel attacked"),
 * not in a list of actors ("Russia, Iran, and Turkey agreed"). */
static void cut_clauses(docstate *d, const tok_sent *s)
{
    size_t i, end = s->first + s->count;
    int32_t cl = 0;
    int verb = 0; /* a word that starts some pattern, since the clause began */
    for (i = s->first; i < end; i++) {
        uint32_t st = d->ti[i].start;
        if (i > s->first && d->ti[i].group < 0 &&
            ((st & ((1u << CUE_CLAUSE) | (1u << CUE_COMPLEMENT) | (1u << CUE_RELATIVE))) ||
             clause_punct(d, i) || (verb && (st & (1u << CUE_COORD)) && is_comma(d, i - 1)))) {
            cl++;
            verb = 0;
        }
        d->ti[i].clause = cl;
        verb |= starts_pattern(d, i);
    }
}

static size_t clause_start(const docstate *d, const tok_sent *s, size_t i)
{
    while (i > s->first && d->ti[i - 1].clause == d->ti[i].clause)
        i--;
    return i;
}

/* "Thousands of Georgians protested", "Residents of Yerevan": a word or
 * two before "of" at the start of the clause, no actor, no verb among
 * them: the actor after "of" is the subject. */
static int heads_subject(const docstate *d, size_t from, size_t of)
{
    size_t i;
    if (of == from || of - from > 3 || !token_in(d, of, W_OF))
        return 0;
    for (i = from; i < of; i++)
        if (d->ti[i].group >= 0 || !is_word(&d->td.tokens[i]) || d->ti[i].cover ||
            starts_pattern(d, i))
            return 0;
    return 1;
}

/* The first token of the list of actors that token i ends ("with Russia
 * and Iran": Russia), so that a preposition governs the whole list. */
static size_t list_head(const docstate *d, size_t from, size_t i)
{
    size_t p = i;
    while (p > from + 1 && cue_at(d, p - 1, CUE_COORD)) {
        size_t q = p - 1;
        if (q > from && is_comma(d, q - 1))
            q--;
        if (q == from || d->ti[q - 1].group < 0 || !actor(d, d->ti[q - 1].group))
            break;
        p = d->g[d->ti[q - 1].group].first;
    }
    return p;
}

/* Whether token i ends a phrase naming a source ("according to", "по
 * словам"): it governs the noun phrase right after it, and nothing
 * further. A one-word cue ("reportedly", and "reports", which shares its
 * stem) governs nothing. */
static int reported_by(const docstate *d, size_t i)
{
    return cue_at(d, i, CUE_REPORTED) && !(d->ti[i].start & (1u << CUE_REPORTED));
}

/* The clause's subject: its first actor not governed by a preposition. */
static int32_t subject_in(const docstate *d, size_t from, size_t to)
{
    size_t i;
    for (i = from; i < to; i++) {
        int32_t g = d->ti[i].group;
        size_t p;
        if (g < 0 || d->g[g].first != i)
            continue;
        if (!actor(d, g)) {
            i = d->g[g].last;
            continue;
        }
        p = list_head(d, from, i);
        for (; p > from && cue_at(d, p - 1, CUE_DET); p--)
            ;
        /* "On Monday a group of Moroccan diplomats met": the quantity
         * phrase is governed or not, not the actor after its "of" */
        if (p >= from + 2 && quantity_of(d, p - 1, from))
            for (p -= 2; p > from && (cue_at(d, p - 1, CUE_DET) ||
                                      d->td.tokens[p - 1].type == TOK_NUM); p--)
                ;
        if (p > from && (cue_at(d, p - 1, CUE_PREP) || cue_at(d, p - 1, CUE_LOCATIVE) ||
                         cue_at(d, p - 1, CUE_AGENT) || reported_by(d, p - 1)) &&
            !heads_subject(d, from, p - 1)) {
            i = d->g[g].last;
            continue;
        }
        return g;
    }
    return -1;
}

static const char *const other_words[] = {"other", "others", "другие", "других", NULL};

/* Where a pattern may go on after a slot's list that ends in "and other
 * rich nations" (after each of up to three words) or in a place, "the
 * rebels in Darfur": fills `at` (SLOT_SKIP + 1 places), returns how many. */
static size_t slot_tails(const docstate *d, size_t i, size_t end, size_t *at)
{
    size_t n = 0, k;
    if (i + 1 < end && cue_at(d, i, CUE_COORD) && token_in(d, i + 1, W_OTHER)) {
        for (k = i + 2; k < end && n < SLOT_SKIP; k++) {
            if (d->ti[k].group >= 0 || !is_word(&d->td.tokens[k]) ||
                (d->ti[k].cover && !cue_at(d, k, CUE_DET)))
                break;
            at[n++] = k + 1;
        }
        if (n == 0)
            at[n++] = i + 2; /* "and others" */
        return n;
    }
    if (i < end && cue_at(d, i, CUE_LOCATIVE)) {
        int32_t g = group_after(d, i + 1, end, 0);
        if (g >= 0 && d->g[g].role == G_PLACE)
            at[n++] = d->g[g].last + 1;
    }
    return n;
}

static const char *const disposition_en[] = {
    "prepared", "committed", "determined", "opposed", "obliged", "ready", "poised", "willing",
    "resolved", "bound", "set", "due", "expected", "scheduled", "inclined", "dedicated", "pledged",
    "unwilling", "reluctant", "eager", NULL};

static const char *const disposition_ru[] = {
    "намерен", "намерена", "намерено", "намерены", "обязан", "обязана", "обязано", "обязаны",
    "готов", "готова", "готово", "готовы", NULL};

static const char *const to_words[] = {"to", NULL};

/* "is prepared to", "is committed to", "намерен": a word of will or
 * duty before "to" (or a Russian one) is no passive: its subject acts. */
static int disposition(const docstate *d, size_t i)
{
    if (d->td.tokens[i].flags & TOK_CYRILLIC)
        return token_in(d, i, W_DISPOSITION_RU);
    return i + 1 < d->td.ntokens && token_in(d, i + 1, W_TO) && token_in(d, i, W_DISPOSITION_EN);
}

/* --- pattern matching ------------------------------------------------------ */

static int try_elems(const docstate *d, const ev_pattern *p, size_t e, size_t i, size_t end,
                     match *m)
{
    const ev_elem *x;
    if (e == p->nelems) {
        m->end = i - 1;
        return 1;
    }
    x = &p->elems[e];
    switch (x->kind) {
    case EV_WORD:
        if (i < end && is_word(&d->td.tokens[i]) && has_word(d->c, &d->ti[i], x) &&
            try_elems(d, p, e + 1, i + 1, end, m))
            return 1;
        return x->optional && try_elems(d, p, e + 1, i, end, m);
    case EV_GAP: {
        size_t k, words = 0;
        for (k = i; k <= end; k++) {
            if (try_elems(d, p, e + 1, k, end, m))
                return 1;
            if (k == end || (d->ti[k].group >= 0 && !(p->opts & EV_OPT_LOOSE)) || clause_punct(d, k))
                return 0;
            /* a gap stays in its clause, or runs into a "that" clause */
            if (k > i && d->ti[k].clause != d->ti[k - 1].clause &&
                !(d->ti[k].start & (1u << CUE_COMPLEMENT)))
                return 0;
            if (is_word(&d->td.tokens[k]) && ++words > (p->opts & EV_OPT_LOOSE ? EV_GAP_LOOSE : EV_GAP_MAX))
                return 0;
        }
        return 0;
    }
    default: {
        slot s;
        size_t after = take_slot(d, i, end, SLOT_SKIP, &s);
        /* "was attacked by X": the target is the subject (sources_of) */
        int passive = x->kind == EV_TARGET && i < end && cue_at(d, i, CUE_AGENT) &&
                      m->anchor > 0 && cue_at(d, m->anchor - 1, CUE_PASSIVE) &&
                      !disposition(d, m->anchor);
        if (!s.n)
            return (x->optional || passive) && try_elems(d, p, e + 1, i, end, m);
        /* a word after the slot may be the head of its last actor:
         * "expelled + diplomats" matches "expelled Russian diplomats" */
        if (!try_elems(d, p, e + 1, after, end, m) &&
            !(e + 1 < p->nelems && p->elems[e + 1].kind == EV_WORD && after > i &&
              try_elems(d, p, e + 1, after - 1, end, m))) {
            size_t tail[SLOT_SKIP + 1], nt = slot_tails(d, after, end, tail), t;
            for (t = 0; t < nt && !try_elems(d, p, e + 1, tail[t], end, m); t++)
                ;
            if (t == nt)
                return 0;
        }
        if (x->kind == EV_TARGET)
            m->tgt = s;
        else {
            m->src = s;
            m->has_src = 1;
        }
        return 1;
    }
    }
}

/* Whether every required word after a pattern's anchor, given by its key
 * sets need[0 .. n), occurs in the sentence: most patterns anchored at a
 * word fail this cheap test, most on their first set, before any matching. */
static int words_present(const ev_ctx *c, const uint32_t *need, size_t n)
{
    size_t e;
    for (e = 0; e < n; e++)
        if (c->set_mark[need[e]] != c->sentence)
            return 0;
    return 1;
}

/* Marks the key sets the sentence's words belong to, for words_present(). */
static void mark_sets(docstate *d, const tok_sent *s)
{
    ev_ctx *c = d->c;
    size_t k, j, n;
    if (++c->sentence == 0) { /* wrapped: old marks could look current */
        memset(c->set_mark, 0, (evlex_nsets(c->lex) + 1) * sizeof *c->set_mark);
        c->sentence = 1;
    }
    for (k = s->first; k < s->first + s->count; k++) {
        uint32_t keys[2] = {d->ti[k].key, d->ti[k].xkey};
        uint8_t uses[2] = {d->ti[k].uses, d->ti[k].xuses};
        int i;
        for (i = 0; i < 2; i++) {
            const uint32_t *v = uses[i] & EV_KEY_SET ? evlex_key_sets(c->lex, keys[i], &n) : NULL;
            for (j = 0; v && j < n; j++)
                c->set_mark[v[j]] = c->sentence;
        }
    }
}

static size_t find_matches(const docstate *d, const tok_sent *s, match *out, size_t cap)
{
    size_t i, end = s->first + s->count, n = 0;
    for (i = s->first; i < end && n < cap; i++) {
        uint32_t keys[2] = {d->ti[i].key, d->ti[i].xkey};
        uint8_t uses[2] = {d->ti[i].uses, d->ti[i].xuses};
        int k;
        if (d->ti[i].group >= 0 || !is_word(&d->td.tokens[i]))
            continue;
        for (k = 0; k < 2 && n < cap; k++) {
            size_t np = 0, j;
            const ev_pattern *const *pv = NULL;
            const uint32_t *at = NULL, *need = NULL;
            if (uses[k] & EV_KEY_ANCHOR) {
                pv = evlex_anchored(d->c->lex, keys[k], &np);
                need = evlex_anchored_needs(d->c->lex, keys[k], &at);
            }
            for (j = 0; j < np && n < cap; j++) {
                match m;
                if (!words_present(d->c, need + at[j], at[j + 1] - at[j]))
                    continue;
                memset(&m, 0, sizeof m);
                m.p = pv[j];
                m.anchor = i;
                if (try_elems(d, pv[j], 0, i, end, &m)) {
                    out[n++] = m;
                    break; /* the most specific pattern at this word */
                }
            }
        }
    }
    return n;
}

static int match_cmp(const void *a, const void *b)
{
    const match *x = a, *y = b;
    if (x->p->nwords != y->p->nwords)
        return x->p->nwords > y->p->nwords ? -1 : 1;
    if (x->end - x->anchor != y->end - y->anchor)
        return x->end - x->anchor > y->end - y->anchor ? -1 : 1;
    return x->anchor < y->anchor ? -1 : x->anchor > y->anchor;
}

static int anchor_cmp(const void *a, const void *b)
{
    const match *x = a, *y = b;
    return x->anchor < y->anchor ? -1 : x->anchor > y->anchor;
}

/* A demand, an appeal, a criticism or accusation, a refusal, a threat or
 * a denial frames the act it is about ("condemned the attack on ...",
 * "accused Russia of shelling ..."). */
static int is_frame(const match *m)
{
    const char *c = m->p->code->code;
    return !strncmp(c, "02", 2) || !strncmp(c, "10", 2) || !strncmp(c, "11", 2) ||
           !strncmp(c, "12", 2) || !strncmp(c, "13", 2) || !strcmp(c, "016");
}


static const char *const past_en[] = {
    "said", "met", "told", "took", "made", "held", "sent", "gave", "went", "came", "left", "put",
    "set", "hit", "struck", "saw", "spoke", "wrote", "brought", "kept", NULL};

/* Whether the word at i looks like a verb in the past: English -ed and
 * the common irregular forms, Russian -л(а/о/и). After "and" in a frame's
 * object it starts a new act ("condemned the attack and demanded"); a
 * noun there joins the object ("provocations and ceasefire violations"). */
static int past_form(const docstate *d, size_t i)
{
    static const char *const ru[] = {"\xD0\xBB", "\xD0\xBB\xD0\xB0", "\xD0\xBB\xD0\xBE",
                                     "\xD0\xBB\xD0\xB8", NULL};
    const tok_token *t = &d->td.tokens[i];
    const char *w = d->text + t->span.start;
    size_t n = t->span.end - t->span.start, k;
    if (t->type != TOK_WORD)
        return 0;
    if (t->flags & TOK_CYRILLIC) {
        for (k = 0; ru[k]; k++)
            if (ends_with(w, n, ru[k]))
                return 1;
        return 0;
    }
    return ends_with(w, n, "ed") || token_in(d, i, W_PAST_EN);
}

/* The tokens a frame's complement covers: "that ..." or "to ..." right
 * after it, up to the end of that clause or the next comma; else its
 * object, up to four words and four more after each "and" that joins a
 * noun ("отказался участвовать", "condemned the attack", "the
 * inadmissibility of provocations and ceasefire violations"). */
static size_t complement_end(const docstate *d, const tok_sent *s, const match *f)
{
    size_t j = f->end + 1, end = s->first + s->count, k;
    if (j < end && (token_in(d, j, W_TO) || (d->ti[j].start & (1u << CUE_COMPLEMENT)))) {
        for (k = j + 1; k < end; k++)
            if (clause_punct(d, k) || d->ti[k].clause != d->ti[j + 1 < end ? j + 1 : j].clause ||
                (d->td.tokens[k].type == TOK_PUNCT && d->text[d->td.tokens[k].span.start] == ','))
                break;
        return k;
    }
    /* an object naming the act: "condemned the attack", "denied
     * involvement in the attack"; a new verb after "and" is not in it */
    for (k = j; k < end; k++) {
        if (is_comma(d, k) || d->ti[k].clause != d->ti[f->end].clause)
            break;
        if (cue_at(d, k, CUE_COORD)) {
            if (k + 1 >= end || past_form(d, k + 1) || (d->ti[k + 1].start & (1u << CUE_PRONOUN)))
                break;
            j = k + 1;
        } else if (k >= j + 4) {
            break;
        }
    }
    return k;
}

/* Keeps the most specific of overlapping matches, then drops the acts a
 * frame is about: "refused to participate" is a refusal, not a meeting;
 * "demanded that Armenia withdraw" a demand, not a withdrawal. */
static size_t select_matches(const docstate *d, const tok_sent *s, match *m, size_t n)
{
    size_t i, j, kept = 0, frame_end = 0;
    if (n > 1)
        qsort(m, n, sizeof *m, match_cmp);
    for (i = 0; i < n; i++) {
        int ok = 1;
        for (j = 0; j < kept && ok; j++)
            ok = m[i].end < m[j].anchor || m[i].anchor > m[j].end;
        if (ok)
            m[kept++] = m[i];
    }
    if (kept > 1)
        qsort(m, kept, sizeof *m, anchor_cmp);
    for (i = 0, j = 0; i < kept; i++) {
        if (j > 0 && m[i].anchor < frame_end)
            continue;
        if (is_frame(&m[i]))
            frame_end = complement_end(d, s, &m[i]);
        m[j++] = m[i];
    }
    return j;
}

/* --- dates ---------------------------------------------------------------- */

static int date_cmp(kr_date a, kr_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    return a.d < b.d ? -1 : a.d > b.d;
}

/* A day and month without a year ("on September 19", "22 сентября"): the
 * report's year, or the year before when that would be far ahead. */
static kr_date month_day(docstate *d, int mo, int dd)
{
    kr_date none = {0, 0, 0}, r;
    if (!d->date.y)
        return none;
    r.y = d->date.y;
    r.m = mo;
    r.d = dd;
    if (!date_valid(r))
        return none;
    d->date_kind = DATE_NAMED;
    if (date_cmp(r, date_add_days(d->date, 60)) > 0) { /* "December 30" on January 2 */
        r.y--;
        d->date_kind = DATE_LAST_YEAR;
    }
    return date_valid(r) ? r : none;
}

static const char *const v_words[] = {"в", "во", NULL};

/* Whether token i may name a weekday: a capitalized English word with the
 * first letter of one, or a Cyrillic word after "в"/"во" ("в среду"). Keeps the name tables off the
 * common path. */
static int weekday_place(const docstate *d, size_t i, size_t first)
{
    const tok_token *t = &d->td.tokens[i];
    if ((t->flags & TOK_CAP) && (t->flags & TOK_LATIN)) /* Monday .. Sunday */
        return strchr("MTWFS", d->text[t->span.start]) != NULL &&
               t->span.end - t->span.start >= 6; /* full names: not "The Sun" */
    return (t->flags & TOK_CYRILLIC) && i > first && token_in(d, i - 1, W_V);
}

static const char *const doc_of[] = {"of", "от", NULL};

/* "the statement of 10 November 2020", "заявление от 10 ноября": a date
 * after "of"/"от" dates a document, not the event. */
static int names_a_document(const docstate *d, size_t i, size_t first)
{
    return i > first && token_in(d, i - 1, W_DOC_OF);
}

/* A date the sentence names, resolved against the report's date; y == 0
 * when it names none. Dates start at a number ("20 September 2023",
 * "2023-09-20") or at a month name before a number ("September 20"). */
static kr_date sentence_date(docstate *d, const tok_sent *s)
{
    kr_date none = {0, 0, 0}, r = none;
    size_t i, end = s->first + s->count;
    for (i = s->first; i < end; i++) {
        const tok_token *t = &d->td.tokens[i];
        const char *p = d->text + t->span.start;
        size_t rest = d->td.tokens[end - 1].span.end - t->span.start, n = t->span.end - t->span.start;
        uint32_t st = d->ti[i].start;
        int mo, dd, wd, num = t->type == TOK_NUM;
        d->date_kind = DATE_NAMED;
        if (st & (1u << CUE_TODAY))
            return d->date;
        if (st & (1u << CUE_YESTERDAY))
            return date_add_days(d->date, -1);
        if (st & (1u << CUE_TOMORROW))
            return date_add_days(d->date, 1);
        if (st & (1u << CUE_LAST_WEEK))
            return date_add_days(d->date, -7);
        d->date_kind = DATE_NONE;
        if (t->type != TOK_NUM && t->type != TOK_WORD)
            continue;
        if ((num || (i + 1 < end && d->td.tokens[i + 1].type == TOK_NUM && date_month(p, n))) &&
            !names_a_document(d, i, s->first)) {
            if (date_parse(p, rest, &r)) {
                d->date_kind = DATE_NAMED;
                return r;
            }
            if (date_parse_month_day(p, rest, &mo, &dd))
                return month_day(d, mo, dd);
        }
        if (!num && d->date.y && weekday_place(d, i, s->first) && (wd = date_weekday(p, n))) {
            int back = (date_dow(d->date) - wd + 7) % 7;
            if (date_parse(p, rest, &r)) { /* "Wednesday, 13 September 2023" */
                d->date_kind = DATE_NAMED;
                return r;
            }
            d->date_kind = DATE_WEEKDAY;
            return date_add_days(d->date, -back);
        }
    }
    return none;
}

/* --- events --------------------------------------------------------------- */

static void side_of(const docstate *d, int32_t g, ev_side *s)
{
    const ent_mention *m = d->g[g].best;
    s->span = d->g[g].span;
    if (d->g[g].role == G_PLACE) { /* "arrived in Tehran": Iran */
        long st = d->c->actors ? lex_find(d->c->actors, m->country) : -1;
        const lex_entry *e = st >= 0 ? lex_entry_at(d->c->actors, (size_t)st) : NULL;
        s->entity = s->country = m->country;
        s->code = e && e->code ? e->code : m->country;
        s->name = e ? e->name : NULL;
        s->type = "GPE";
        s->known = e != NULL;
        return;
    }
    s->entity = m->id;
    s->code = m->code;
    s->country = m->country;
    s->name = m->name;
    s->type = m->type;
    s->known = m->entry >= 0;
    /* an unknown name in a role phrase of a state: "Japanese Prime
     * Minister Fumio Kishida" is Japan's */
    if (!s->code && d->g[g].state) {
        s->country = d->g[g].state->country;
        s->code = d->g[g].state->country;
    }
    if (!s->country && d->g[g].home) { /* "rebels in Darfur": Sudan's */
        s->country = d->g[g].home;
        s->code = d->g[g].home_code;
    }
}

static int same_side(const ev_side *a, const ev_side *b)
{
    if (!a->entity || !b->entity)
        return a->entity == b->entity;
    return !strcmp(a->entity, b->entity);
}

/* Whether source a is a state and target b one of its own actors (RUS
 * and RUSGOV, NGA and NGAMIL); a government acting on its own country
 * ("will extend the curfew in Abidjan") is not this. */
static int own_state(const ev_side *a, const ev_side *b)
{
    if (!a->country || !b->country || strcmp(a->country, b->country))
        return 0;
    return a->code && !strcmp(a->code, a->country) && b->code && strcmp(b->code, b->country);
}

/* What makes two records one event: code, sides, mode, negation, day. */
static uint64_t event_key(const ev_event *e)
{
    const char *parts[3];
    int32_t rest[3];
    uint64_t h = 0;
    size_t k;
    parts[0] = e->code->code;
    parts[1] = e->source.entity ? e->source.entity : "";
    parts[2] = e->target.entity ? e->target.entity : "";
    for (k = 0; k < 3; k++) /* chained: each part seeds the next */
        h = XXH3_64bits_withSeed(parts[k], strlen(parts[k]) + 1, h);
    rest[0] = (int32_t)e->mode;
    rest[1] = e->negated;
    rest[2] = e->date.y * 10000 + e->date.m * 100 + e->date.d;
    return XXH3_64bits_withSeed(rest, sizeof rest, h);
}

static int same_event(const ev_event *o, const ev_event *e)
{
    return o->code == e->code && o->mode == e->mode && o->negated == e->negated &&
           !date_cmp(o->date, e->date) && same_side(&o->source, &e->source) &&
           same_side(&o->target, &e->target);
}

/* Keeps one record per distinct event of the document, found through an
 * open-addressing table of event keys (a report may hold thousands). */
static int add_event(docstate *d, const ev_event *e)
{
    uint64_t h = event_key(e);
    size_t mask, i;
    if (d->nev == d->evcap) {
        size_t cap = d->evcap ? d->evcap * 2 : 16, k;
        ev_event *v = arena_alloc(d->a, cap * sizeof *v);
        uint32_t *slots = arena_alloc(d->a, 2 * cap * sizeof *slots);
        if (!v || !slots)
            return KR_ENOMEM;
        if (d->nev)
            memcpy(v, d->ev, d->nev * sizeof *v);
        memset(slots, 0, 2 * cap * sizeof *slots);
        d->ev = v;
        d->evcap = cap;
        d->slots = slots;
        for (k = 0; k < d->nev; k++) { /* rehash */
            for (i = event_key(&v[k]) & (2 * cap - 1); slots[i]; i = (i + 1) & (2 * cap - 1))
                ;
            slots[i] = (uint32_t)k + 1;
        }
    }
    mask = 2 * d->evcap - 1;
    for (i = h & mask; d->slots[i]; i = (i + 1) & mask) {
        ev_event *o = &d->ev[d->slots[i] - 1];
        if (same_event(o, e)) {
            /* another sentence is more evidence; the same one, twice
             * ("declared ..., a spokeswoman said"), is not */
            if (o->sentence != e->sentence)
                o->confidence = 1 - (1 - o->confidence) * (1 - e->confidence);
            else if (e->confidence > o->confidence)
                o->confidence = e->confidence;
            return 0;
        }
    }
    d->slots[i] = (uint32_t)d->nev + 1;
    d->ev[d->nev++] = *e;
    return 0;
}

/* Mode and negation from the cue words between the clause start and the
 * end of the match. */
static void mode_of(const docstate *d, size_t from, const match *m, ev_mode *mode, int *neg)
{
    size_t i;
    int intent = (m->p->opts & EV_OPT_INTENT) != 0, hyp = 0, rep = 0;
    *neg = 0;
    for (i = from; i <= m->end; i++) {
        uint32_t st = d->ti[i].start;
        if (d->ti[i].group >= 0 && i < m->anchor)
            continue;
        hyp |= (st >> CUE_HYPOTHETICAL) & 1;
        intent |= (st >> CUE_INTENT) & 1;
        rep |= (st >> CUE_REPORTED) & 1;
        if (((st >> CUE_NEGATION) & 1) && i < m->anchor && i + 3 >= m->anchor)
            *neg = 1;
    }
    *mode = hyp ? EV_HYPOTHETICAL : intent ? EV_INTENT : rep ? EV_REPORTED : EV_ACTUAL;
}

/* The place of an event: an actor-less place in the sentence after a
 * locative word, else the dateline. */
static void place_of(const docstate *d, const tok_sent *s, ev_event *e)
{
    size_t i, end = s->first + s->count;
    for (i = s->first; i < end; i++) {
        int32_t g = d->ti[i].group;
        if (g >= 0 && d->g[g].role == G_PLACE && d->g[g].best->country) {
            e->place = d->g[g].best->name;
            e->place_country = d->g[g].best->country;
            return;
        }
    }
    if (d->dateline) {
        e->place = d->dateline->name;
        e->place_country = d->dateline->country;
    }
}

enum { QUOTE_NONE = 0, QUOTE_OPEN, QUOTE_CLOSE };

/* Whether token i is a quotation mark, and which: “ « „ open, ” » close;
 * a straight " closes when it follows a character ("achieved," she
 * said), else opens. */
static int quote_at(const docstate *d, size_t i)
{
    const tok_token *t = &d->td.tokens[i];
    const unsigned char *p = (const unsigned char *)d->text + t->span.start;
    size_t n = t->span.end - t->span.start;
    if (t->type != TOK_PUNCT)
        return QUOTE_NONE;
    if (n == 1 && p[0] == '"')
        return t->span.start > 0 && p[-1] != ' ' && p[-1] != '\n' && p[-1] != '\t' ? QUOTE_CLOSE
                                                                               : QUOTE_OPEN;
    if (n == 2 && p[0] == 0xC2) /* « » */
        return p[1] == 0xAB ? QUOTE_OPEN : p[1] == 0xBB ? QUOTE_CLOSE : QUOTE_NONE;
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x80) /* “ ” „ */
        return p[2] == 0x9C || p[2] == 0x9E ? QUOTE_OPEN : p[2] == 0x9D ? QUOTE_CLOSE : QUOTE_NONE;
    return QUOTE_NONE;
}

#define QUOTE_REACH 400 /* tokens searched for the end of a quotation */

/* The speaker of the quotation holding the word at i: the subject named
 * after its closing mark, in that sentence, which may be a later one of
 * the paragraph ("“... we confirm our readiness ...,” the Russian Foreign
 * Ministry's spokesperson said"); -1 when none is named. */
static int32_t quote_speaker(const docstate *d, size_t i)
{
    size_t k, e, lim = i + QUOTE_REACH;
    for (k = i + 1; k < d->td.ntokens && k < lim; k++) {
        int q;
        if (d->td.tokens[k].flags & TOK_PARA_START)
            return -1;
        if ((q = quote_at(d, k)) == QUOTE_OPEN)
            return -1; /* the word was in no quotation */
        if (q != QUOTE_CLOSE)
            continue;
        for (e = k + 1; e < d->td.ntokens && !(d->td.tokens[e].flags & TOK_SENT_START); e++)
            ;
        return subject_in(d, k + 1, e);
    }
    return -1;
}

/* An agency right before the verb reports the event: "..., the Tasnim
 * news agency reports." */
static int agency_speaks(const docstate *d, const match *m, size_t from)
{
    size_t i, words = 0, anchor = m->anchor;
    if (!(m->p->opts & EV_OPT_SPEECH))
        return 0; /* "Azerbaijan, according to TASS, attacked Armenia" */
    for (i = anchor; i > from && words <= SUBJECT_AGENCY_GAP; i--) {
        int32_t g = d->ti[i - 1].group;
        if (g >= 0)
            return d->g[g].role == G_AGENCY;
        words += is_word(&d->td.tokens[i - 1]);
    }
    return 0;
}

/* "Moscow, which is a party to the talks and a neighbor of Georgia, has
 * an interest in ...": the actor right before a relative word (a comma
 * between) is the subject of the relative clause when no actor comes
 * right after the word ("the deal which Russia signed"); -1 when there is
 * no such actor. */
static int32_t antecedent(const docstate *d, const tok_sent *s, size_t rel)
{
    size_t p = rel, n = rel + 1, end = s->first + s->count;
    if (p > s->first && is_comma(d, p - 1))
        p--;
    if (p == s->first || !actor(d, d->ti[p - 1].group))
        return -1;
    while (n < end && cue_at(d, n, CUE_DET))
        n++;
    return n < end && d->ti[n].group < 0 ? d->ti[p - 1].group : -1;
}

static const char *const we_words[] = {"we", "мы", NULL};

/* The source actors of a match: its `$` slot, the doer of a passive ("was
 * attacked by X"), or the subject of the clause or one before it. */
static int sources_of(docstate *d, const tok_sent *s, const match *m, size_t from, slot *src,
                      int *passive, int *pronoun)
{
    size_t end = s->first + s->count, i;
    int32_t g;
    *passive = 0;
    *pronoun = 0;
    if (m->has_src) {
        *src = m->src;
        return 1;
    }
    if (m->anchor > s->first && cue_at(d, m->anchor - 1, CUE_PASSIVE) && m->end + 1 < end &&
        cue_at(d, m->end + 1, CUE_AGENT) && !disposition(d, m->anchor)) {
        take_slot(d, m->end + 2, end, 0, src);
        if (src->n) {
            *passive = 1;
            return 1;
        }
    }
    src->n = 0;
    g = (d->ti[from].start & (1u << CUE_RELATIVE)) ? antecedent(d, s, from) : -1;
    if (g < 0)
        g = subject_in(d, from, m->anchor);
    if (g < 0 && (d->ti[from].start & (1u << CUE_RELATIVE))) {
        for (i = from; i > s->first && g < 0; i--)
            if (actor(d, d->ti[i - 1].group))
                g = d->ti[i - 1].group;
    }
    if (g < 0 && !(d->ti[from].start & (1u << CUE_COMPLEMENT))) {
        /* a verb joined to an earlier one: "X arrived and met Y" */
        size_t c = from;
        while (g < 0 && c > s->first) {
            size_t pf = clause_start(d, s, c - 1);
            g = subject_in(d, pf, c - 1);
            c = pf;
        }
    }
    if (g < 0 && (d->ti[from].start & (1u << CUE_COMPLEMENT)) && from > s->first) {
        /* "X announced that an agreement had been reached": an agentless
         * passive reported by a party to it */
        for (i = from; i <= m->end && g < 0; i++)
            if (cue_at(d, i, CUE_PASSIVE))
                g = subject_in(d, clause_start(d, s, from - 1), from);
    }
    if (g < 0 && m->anchor > from && cue_at(d, from, CUE_LOCATIVE)) {
        /* "В Кремле заявили", "В МИД России опровергли": the body or place
         * right before the verb, after "в", speaks for itself */
        int32_t h = group_after(d, from + 1, m->anchor, 0);
        if (h >= 0 && slot_ok(d, h) && d->g[h].last + 1 == m->anchor)
            g = h;
    }
    if (g < 0) {
        size_t cs = clause_start(d, s, m->anchor);
        for (i = from; i < m->anchor && g < 0; i++)
            if (d->ti[i].start & (1u << CUE_PRONOUN))
                /* "Arnor said it would meet": the speaker; else the last subject */
                g = from > cs ? subject_in(d, cs, from) : -1;
        /* "“... we welcome the progress,” Zakharova said": the speaker of
         * the quotation */
        for (i = from; i < m->anchor && g < 0; i++)
            if ((d->ti[i].start & (1u << CUE_PRONOUN)) && token_in(d, i, W_WE))
                g = quote_speaker(d, i);
        if (g < 0)
            for (i = from; i < m->anchor; i++)
                if (d->ti[i].start & (1u << CUE_PRONOUN))
                    g = d->prev_subject;
        *pronoun = g >= 0;
    }
    if (g < 0)
        return 0;
    take_slot(d, d->g[g].first, m->anchor, 0, src);
    if (!src->n) {
        src->g[0] = g;
        src->n = 1;
    }
    return 1;
}

static const char *const aux_words[] = {
    "has", "have", "had", "did", "does", "do", "can", "may", "must", NULL};

/* Whether a verb of its own comes in the words from i to the next comma
 * in i's clause: a be-form, a modal, a negation or a past form not right
 * after a determiner ("the repeated provocations"); a past form after
 * "and" is a new act of the speaker, and ends the search. */
static int clause_verb(const docstate *d, size_t i)
{
    size_t k, end = d->td.ntokens;
    for (k = i; k < end && d->ti[k].clause == d->ti[i].clause; k++) {
        if (is_comma(d, k) || clause_punct(d, k) || ((d->td.tokens[k].flags & TOK_SENT_START) && k > i))
            return 0;
        if (cue_at(d, k, CUE_COORD) && k + 1 < end && past_form(d, k + 1))
            return 0;
        if (d->ti[k].start & ((1u << CUE_PASSIVE) | (1u << CUE_INTENT) | (1u << CUE_HYPOTHETICAL) |
                              (1u << CUE_NEGATION)))
            return 1;
        if (d->ti[k].group < 0 && (token_in(d, k, W_AUX) ||
                                   (past_form(d, k) && k > i && !cue_at(d, k - 1, CUE_DET))))
            return 1;
    }
    return 0;
}

static const char *const object_words[] = {"a", "an", "its", "their", "his", "her", "our", NULL};

static const char *const the_words[] = {"the", NULL};

/* Whether the clause of token i follows a speech verb of the sentence
 * ("Yerevan said that ..."): its events are then reported. */
/* Whether the verb at i, in the clause of speech verb `sp` and after it,
 * tells what was said ("Baku said Armenian troops attacked"): no comma
 * comes between ("said there were none, calling it aggression" is the
 * speaker's own act) and i does not follow "and" ("announced ... and
 * demanded": a second act of the speaker). */
static int said_in_clause(const docstate *d, const match *sp, size_t i)
{
    size_t k;
    int subject = 0;
    if (sp->end >= i || d->ti[sp->end].clause != d->ti[i].clause || cue_at(d, i - 1, CUE_COORD))
        return 0;
    for (k = sp->end + 1; k < i; k++) {
        if (is_comma(d, k))
            return 0;
        subject |= d->ti[k].group >= 0 || (d->ti[k].start & (1u << CUE_PRONOUN));
    }
    /* "Armenia declared a general mobilization", "объявила мобилизацию":
     * an object, no clause, names the speaker's own act; so does a noun
     * phrase after "the" with no verb of its own ("stressed the
     * inadmissibility of ...", not "said the shelling continued") */
    return subject || !(i == sp->end + 1 ||
                        (cue_at(d, sp->end + 1, CUE_DET) &&
                         (token_in(d, sp->end + 1, W_OBJECT) ||
                          (token_in(d, sp->end + 1, W_THE) && !clause_verb(d, sp->end + 1)))));
}

static int in_reported_clause(const docstate *d, const match *ms, size_t nm, size_t i)
{
    size_t k;
    for (k = 0; k < nm; k++) {
        size_t j = ms[k].end + 1;
        if (!(ms[k].p->opts & EV_OPT_SPEECH) || ms[k].end >= i)
            continue;
        if (d->ti[ms[k].end].clause == d->ti[i].clause) {
            if (said_in_clause(d, &ms[k], i))
                return 1; /* "Baku said Armenian troops attacked" */
            continue;
        }
        /* "заявил, что", "told reporters that", "заявила журналистам, что" */
        for (; j < i && j <= ms[k].end + 4 && !(d->ti[j].start & (1u << CUE_COMPLEMENT)); j++)
            if (clause_punct(d, j))
                break;
        if (j <= i && (d->ti[j].start & (1u << CUE_COMPLEMENT)) &&
            d->ti[j].clause == d->ti[i].clause)
            return 1; /* the clause the speech verb introduces, not the ones after */
    }
    return 0;
}

static int has_slot(const ev_pattern *p, int kind)
{
    size_t k;
    for (k = 0; k < p->nelems; k++)
        if (p->elems[k].kind == kind)
            return 1;
    return 0;
}

static double confidence_of(const match *m, int has_src, int has_tgt, ev_mode mode)
{
    double c = 0.4 + 0.1 * (m->p->nwords < 3 ? m->p->nwords : 3);
    c += has_src ? 0.15 : 0;
    c += has_tgt ? 0.1 : 0;
    c -= mode != EV_ACTUAL ? 0.05 : 0;
    c -= (m->p->opts & EV_OPT_SPEECH) ? 0.2 : 0; /* "said" says little of what was done */
    return c > 0.95 ? 0.95 : c;
}

/* A verb after "was"/"были" that is no English progressive ("was
 * attacking"): a passive. */

static int passive_verb(const docstate *d, const tok_sent *s, size_t i)
{
    /* English participles: -ed, -en and the common irregular ones; Russian
     * short participles: -н(а/о/ы), -т(а/о/ы) ("задержан", "убита") */
    static const char *const en[] = {"ed", "en", "wn", "held", "hit", "shot", "struck", "sent",
                                     "made", "met", "told", "fought", "brought", "caught", "put",
                                     "cut", "set", "built", "hurt", "kept", "left", "lost", NULL};
    static const char *const ru[] = {"\xD0\xBD", "\xD0\xBD\xD0\xB0", "\xD0\xBD\xD0\xBE",
                                     "\xD0\xBD\xD1\x8B", "\xD1\x82", "\xD1\x82\xD0\xB0",
                                     "\xD1\x82\xD0\xBE", "\xD1\x82\xD1\x8B", NULL};
    const tok_token *t = &d->td.tokens[i];
    const char *w = d->text + t->span.start;
    size_t n = t->span.end - t->span.start, k;
    const char *const *ends = (t->flags & TOK_CYRILLIC) ? ru : en;
    if (i == s->first || !cue_at(d, i - 1, CUE_PASSIVE) || disposition(d, i))
        return 0;
    for (k = 0; ends[k]; k++)
        if (ends_with(w, n, ends[k]) || (n == strlen(ends[k]) && !memcmp(w, ends[k], n)))
            return 1;
    return 0;
}

/* A Russian full participle: "-ем-", "-им-", "-ом-" or "-нн-" (passive:
 * "поддерживаемому", "подписанному"), or with `active` also "-щ-", "-вш-"
 * ("проживающего", "прибывшим"), before an adjective's ending. */
static int participle(const docstate *d, size_t i, int active)
{
    /* adjective endings; each ends in й я е о у м х ю or и, checked first */
    static const char *const ends[] = {"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие",
                                       "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми",
                                       "ими", "ую", "юю", "ом", "ем", NULL};
    static const char *const suffix[] = {"ем", "им", "ом", "нн", "щ", "вш", NULL};
    const tok_token *t = &d->td.tokens[i];
    const char *w = d->text + t->span.start;
    size_t n = t->span.end - t->span.start, k, j;
    unsigned char last;
    if (t->type != TOK_WORD || !(t->flags & TOK_CYRILLIC) || n < 8)
        return 0;
    last = (unsigned char)w[n - 1];
    if (!memchr("\xB9\x8F\xB5\xBE\x83\xBC\x85\x8E\xB8", last, 9))
        return 0;
    for (k = 0; ends[k]; k++) {
        size_t e = strlen(ends[k]);
        if ((unsigned char)ends[k][e - 1] != last || memcmp(w + n - e, ends[k], e))
            continue;
        for (j = 0; suffix[j] && (active || j < 4); j++)
            if (ends_with(w, n - e, suffix[j]))
                return 1;
    }
    return 0;
}

/* A sentence opening with an English participle ("Speaking to reporters,
 * ...", "Congratulating X, ..."): a capitalized -ing word that is no cue
 * word ("During") and no name ("Beijing"). */
static int opening_participle(const docstate *d, const tok_sent *s)
{
    const tok_token *t = &d->td.tokens[s->first];
    size_t n = t->span.end - t->span.start;
    const char *w = d->text + t->span.start;
    return t->type == TOK_WORD && (t->flags & TOK_LATIN) && n > 5 && !d->ti[s->first].cover &&
           d->ti[s->first].group < 0 && ends_with(w, n, "ing");
}

/* Whether the word at i is the object of a preposition ("during the
 * meeting", "в ходе переговоров"). */
static int governed(const docstate *d, size_t from, size_t i)
{
    while (i > from && cue_at(d, i - 1, CUE_DET))
        i--;
    return i > from && (cue_at(d, i - 1, CUE_PREP) || cue_at(d, i - 1, CUE_LOCATIVE));
}

/* The country a group stands for, or NULL. */
static const char *group_country(const docstate *d, int32_t g)
{
    const group *x = &d->g[g];
    return x->best->country ? x->best->country : x->state ? x->state->country : x->home;
}

static const char *const against_words[] = {"against", "против", NULL};

/* "осуществленных в Карабахском регионе против армянских формирований",
 * "in Karabakh against Armenian formations": the actors after
 * "против"/"against" between i and end, in tgt; 0 when there are none. */
static int against_after(const docstate *d, size_t i, size_t end, slot *tgt)
{
    for (; i < end; i++) {
        if (clause_punct(d, i) || is_comma(d, i))
            return 0;
        if (cue_at(d, i, CUE_PREP) && token_in(d, i, W_AGAINST)) {
            take_slot(d, i + 1, end, SLOT_SKIP, tgt);
            return tgt->n > 0;
        }
    }
    return 0;
}

/* A pattern without a target slot takes the first actor after it in its
 * clause, as the dictionary coders do ("launched strikes yesterday on
 * Ukraine"); statements keep none. Symmetric patterns pair their sources
 * instead. A Russian participle phrase after a comma is about the noun
 * before it: it ends the search unless it follows the act right away
 * ("мероприятиях, осуществленных ... против X" goes on, "мероприятия
 * повысят интенсивность работы, проводимой ... армянских жителей" does
 * not). A state does not use force on its own land when "против X" names
 * another: X is the target. */
static void target_after(const docstate *d, const tok_sent *s, const match *m, const slot *src,
                         slot *tgt)
{
    size_t i, end = s->first + s->count;
    if (m->p->opts & EV_OPT_SYMMETRIC)
        return;
    for (i = m->end + 1; i < end; i++) {
        int32_t g = d->ti[i].group;
        /* nor past the end of a quotation: the actor after it is the speaker */
        if (clause_punct(d, i) || d->ti[i].clause != d->ti[m->end].clause ||
            quote_at(d, i) == QUOTE_CLOSE ||
            (i > m->end + 1 && i + 1 < end && is_comma(d, i) && participle(d, i + 1, 1)))
            return;
        if (g >= 0 && slot_ok(d, g)) { /* a place: its state ("struck targets in Syria") */
            const char *home = src->n ? group_country(d, src->g[0]) : NULL;
            if (d->g[g].role == G_PLACE && home && !strcmp(home, d->g[g].best->country) &&
                !strncmp(m->p->code->code, "19", 2) && against_after(d, d->g[g].last + 1, end, tgt))
                return;
            take_slot(d, i, end, 0, tgt);
            return;
        }
    }
}

static const char *const setting_opens[] = {
    "after", "amid", "amidst", "despite", "following", "после", "фоне", "вопреки", "из-за", NULL};

static const char *const setting_heads[] = {
    "wake", "because", "result", "aftermath", "response", "несмотря", "вслед", "ответ", NULL};

static const char *const setting_of[] = {"of", "to", "на", "за", NULL};

/* Russian phrases of a preposition and a noun, no "of": "в ходе", "в
 * результате", "в связи с" */
static const char *const setting_v_heads[] = {"ходе", "результате", "связи", NULL};

/* The word opening a phrase of time or cause that holds the word at i
 * ("after mass protests", "in the wake of the execution", "in response
 * to", "в ответ на удары", "в ходе боев", "вопреки договору", "из-за
 * обстрелов"), after `from`
 * and with up to three words between: its index + 1, or 0. */
static size_t setting_word(const docstate *d, size_t from, size_t i)
{
    size_t j, words = 0;
    for (j = i; j > from; j--) {
        size_t w = j - 1;
        if (d->ti[w].group >= 0 || !is_word(&d->td.tokens[w]))
            return 0;
        if (cue_at(d, w, CUE_AGENT) || token_in(d, w, W_SETTING_OPENS)) /* "killed by a roadside bomb" */
            return w + 1;
        if (d->ti[w].cover && w > from && token_in(d, w, W_SETTING_OF) && token_in(d, w - 1, W_SETTING_HEADS))
            return w;
        if (w > from && token_in(d, w, W_SETTING_V_HEADS) && token_in(d, w - 1, W_V))
            return w;
        if (!cue_at(d, w, CUE_DET) && (d->ti[w].cover || ++words > 3))
            return 0;
    }
    return 0;
}

static int emit(docstate *d, const tok_sent *s, const match *m, const match *all, size_t nall,
                kr_date sdate)
{
    slot src, tgt = m->tgt;
    ev_event e;
    int passive, pronoun, i, j, rc, background = 0, setting = 0;
    size_t from = clause_start(d, s, m->anchor), sfrom = from, k;
    if (m->p->opts & EV_OPT_BLOCK)
        return 0; /* it has taken its words from the shorter patterns */
    if (agency_speaks(d, m, from))
        return 0;
    /* "Congratulating Karapetyan on his appointment, Shoigu praised ...":
     * an opening participle phrase holds its object, not the subject */
    if (sfrom == s->first && opening_participle(d, s)) {
        for (k = s->first + 1; k < m->anchor; k++)
            if (is_comma(d, k)) {
                sfrom = k + 1;
                break;
            }
    }
    /* "Baku said Armenian troops attacked": the reported act's subject
     * comes after the speech verb */
    for (k = 0; k < nall; k++)
        if ((all[k].p->opts & EV_OPT_SPEECH) && all[k].end >= sfrom &&
            said_in_clause(d, &all[k], m->anchor))
            sfrom = all[k].end + 1;
    memset(&e, 0, sizeof e);
    if (!sources_of(d, s, m, sfrom, &src, &passive, &pronoun))
        src.n = 0;
    if (m->p->opts & EV_OPT_SUBJECT_TARGET) {
        /* "Eriador received money from Osgiliath": the subject is acted on */
        int32_t g = subject_in(d, sfrom, m->anchor);
        if (g < 0)
            return 0;
        tgt.g[0] = g;
        tgt.n = 1;
        if (!m->has_src)
            src.n = 0;
        passive = 1; /* no other target, no subject as source */
    }
    /* "Armenia was attacked", "Посольство было атаковано": a passive with
     * no doer named makes its subject the target */
    if (!passive && !m->has_src && !tgt.n && src.n && passive_verb(d, s, m->anchor) &&
        src.g[0] == subject_in(d, sfrom, m->anchor)) {
        tgt = src;
        src.n = 0;
        passive = 1;
    }
    if (!src.n && m->anchor == s->first && opening_participle(d, s)) {
        /* the participle's doer is the main clause's subject, after the comma */
        for (k = m->end + 1; k < s->first + s->count; k++)
            if (is_comma(d, k)) {
                int32_t g = subject_in(d, k + 1, s->first + s->count);
                if (g >= 0)
                    take_slot(d, d->g[g].first, s->first + s->count, 0, &src);
                break;
            }
    }
    /* "Навальный был задержан полицией": a passive whose doer follows the
     * verb with no preposition (an instrumental) is the source */
    if (!passive && !m->has_src && tgt.n && m->p->case_agent && m->anchor > s->first &&
        cue_at(d, m->anchor - 1, CUE_PASSIVE) && d->g[tgt.g[0]].first == m->anchor + 1) {
        slot t = tgt;
        tgt = src;
        src = t;
        passive = 1;
    }
    /* "присутствию, ... поддерживаемому Арменией": a participle's doer is
     * the actor after it, and what it acts on the actor it follows (a
     * comma between), if any; a phrase about a noun is background */
    if (!passive && !m->has_src && tgt.n && m->p->case_agent &&
        d->g[tgt.g[0]].first == m->anchor + 1 && participle(d, m->anchor, 0)) {
        src = tgt;
        tgt.n = 0;
        if (m->anchor >= s->first + 2 && is_comma(d, m->anchor - 1) &&
            actor(d, d->ti[m->anchor - 2].group))
            take_slot(d, d->g[d->ti[m->anchor - 2].group].first, m->anchor, 0, &tgt);
        background = 1;
    }
    /* "resigned after mass protests", "в ответ на ... после обстрелов":
     * an act named in a phrase of time or cause is not the subject's; but
     * talks with someone are ("Лавров в ходе переговоров с Мирзояном
     * заявил": Lavrov took part) */
    if (!m->has_src && !passive && src.n && (k = setting_word(d, from, m->anchor)) != 0 &&
        d->g[src.g[0]].first < k - 1 && !(tgt.n && !strncmp(m->p->code->code, "04", 2))) {
        src.n = 0;
        background = setting = 1;
    }
    if (passive && !tgt.n) {
        int32_t g = subject_in(d, from, m->anchor);
        if (g >= 0) {
            tgt.g[0] = g;
            tgt.n = 1;
        }
    }
    if (!tgt.n && !passive && !background && !has_slot(m->p, EV_TARGET) &&
        strncmp(m->p->code->code, "01", 2))
        target_after(d, s, m, &src, &tgt);
    if (!src.n && !tgt.n)
        return 0; /* an act without actors is no event record */
    if (!tgt.n && (m->p->opts & EV_OPT_TARGET) && !((m->p->opts & EV_OPT_SYMMETRIC) && src.n > 1))
        return 0; /* the dictionary coders code no act without a target */
    if (!src.n && !setting && governed(d, from, m->anchor)) {
        /* a noun under a preposition: "После встречи с Алиевым Эрдоган
         * заявил" is Erdogan's meeting; "during the meeting X and Y
         * discussed" names no one else, and codes nothing */
        int32_t g = subject_in(d, m->end + 1, s->first + s->count);
        if (g < 0)
            return 0;
        take_slot(d, d->g[g].first, s->first + s->count, 0, &src);
        background = 1; /* the setting of the sentence, not its news */
    }
    if (src.n)
        d->prev_subject = src.g[0];
    mode_of(d, from, m, &e.mode, &e.negated);
    if (e.mode == EV_ACTUAL && in_reported_clause(d, all, nall, m->anchor))
        e.mode = EV_REPORTED;
    e.code = m->p->code;
    e.date = sdate.y ? sdate : d->date;
    if (e.mode == EV_INTENT) { /* what is intended lies ahead */
        if (d->date_kind == DATE_WEEKDAY && date_cmp(e.date, d->date) < 0)
            e.date = date_add_days(e.date, 7); /* "will meet on Friday": the next one */
        else if (d->date_kind == DATE_LAST_YEAR)
            e.date.y++;                         /* "will meet on 25 November" */
        else if (d->date_kind == DATE_CARRIED)
            e.date = d->date;                   /* an earlier sentence's past day */
    }
    e.evidence = s->span;
    e.sentence = (size_t)(s - d->td.sents) + 1;
    e.pattern_file = m->p->file;
    e.pattern_line = m->p->line;
    place_of(d, s, &e);
    /* "X and Y met": each is the other's counterpart; "X met" alone says
     * too little ("it met the interests of both sides") */
    if ((m->p->opts & EV_OPT_SYMMETRIC) && !tgt.n && src.n < 2 && !has_slot(m->p, EV_TARGET))
        return 0;
    if ((m->p->opts & EV_OPT_SYMMETRIC) && !tgt.n && src.n > 1) {
        for (i = 1; i < src.n; i++) /* "Russia, Iran and Turkey met": Russia with each */
            tgt.g[i - 1] = src.g[i];
        tgt.n = src.n - 1;
        src.n = 1;
    }
    for (i = 0; i < (src.n ? src.n : 1); i++)
        for (j = 0; j < (tgt.n ? tgt.n : 1); j++) {
            memset(&e.source, 0, sizeof e.source);
            memset(&e.target, 0, sizeof e.target);
            if (src.n)
                side_of(d, src.g[i], &e.source);
            if (tgt.n)
                side_of(d, tgt.g[j], &e.target);
            /* "Russia ... We welcome X", X of Russia's government; "Nigeria
             * said it will withdraw its force": a state that a pronoun
             * stands for does not act on its own government or forces */
            if (src.n && tgt.n && (same_side(&e.source, &e.target) ||
                                   (pronoun && own_state(&e.source, &e.target)))) {
                /* the others of a list are the targets; with "; target",
                 * an act on oneself is no act on another */
                if (tgt.n > 1 || (m->p->opts & EV_OPT_TARGET))
                    continue;
                memset(&e.target, 0, sizeof e.target); /* no one acts on himself */
            }
            e.confidence = confidence_of(m, src.n > 0, e.target.entity != NULL, e.mode) -
                           (background ? 0.15 : 0);
            if ((rc = add_event(d, &e)) != 0)
                return rc;
            if ((m->p->opts & EV_OPT_MUTUAL) && src.n && e.target.entity) {
                ev_side t = e.source; /* "X and Y met": Y met X too */
                e.source = e.target;
                e.target = t;
                rc = add_event(d, &e);
                e.target = e.source;
                e.source = t;
                if (rc != 0)
                    return rc;
            }
        }
    return 0;
}

static const char *const poss_words[] = {
    "its", "their", "his", "her", "our", "свои", "своих", "своими", "своим", "свой", "своей",
    "свою", NULL};

/* "Bosnian Serbs said their forces had withdrawn", "отвела свои войска":
 * a role-only group after a possessive belongs to the country of the
 * sentence's subject before it, else of the last subject. */
static int possessive_homes(docstate *d, const tok_sent *s)
{
    size_t i, end = s->first + s->count;
    int32_t subject = -2; /* the sentence's, found once: -2 not yet */
    for (i = s->first + 1; i < end; i++) {
        group *g = d->ti[i].group >= 0 ? &d->g[d->ti[i].group] : NULL;
        const ent_mention *m;
        int32_t a;
        if (!g || g->first != i || g->role != G_ACTOR || !cue_at(d, i - 1, CUE_DET))
            continue;
        m = g->best;
        if (m->country || g->state || !m->code || strlen(m->code) != 3 || m->kind != ENT_GROUP ||
            !token_in(d, i - 1, W_POSS))
            continue;
        if (subject == -2)
            subject = subject_in(d, s->first, end);
        a = subject >= 0 && d->g[subject].first < i ? subject : -1;
        if (a < 0 || !d->g[a].best->country)
            a = d->prev_subject;
        if (a < 0 || !d->g[a].best->country || d->g[a].role != G_ACTOR)
            continue;
        g->home = d->g[a].best->country;
        if (!(g->home_code = state_code(d, g->home, m->code)))
            return KR_ENOMEM;
    }
    return 0;
}

static int code_sentence(docstate *d, const tok_sent *s)
{
    match *ms;
    size_t n, k, cap = 2 * s->count + 8; /* two patterns per word at most */
    kr_date sdate;
    int rc;
    if (d->td.tokens[s->first].flags & TOK_PARA_START)
        d->narrative.y = 0;
    d->date_kind = DATE_NONE;
    cut_clauses(d, s);
    sdate = sentence_date(d, s);
    /* a past day the sentence names carries to the next ones, unless it
     * may be an intention's (a weekday or a day put in the year before) */
    if (sdate.y && d->date.y && date_cmp(sdate, d->date) <= 0 && d->date_kind == DATE_NAMED)
        d->narrative = sdate;
    else if (!sdate.y && d->narrative.y) {
        sdate = d->narrative;
        d->date_kind = DATE_CARRIED;
    }
    /* no actor and no pronoun for one: no event can come of it */
    for (k = s->first; k < s->first + s->count; k++)
        if (slot_ok(d, d->ti[k].group) || (d->ti[k].start & (1u << CUE_PRONOUN)))
            break;
    if (k == s->first + s->count)
        return 0;
    mark_sets(d, s);
    if (!(ms = arena_alloc(d->a, cap * sizeof *ms)) || possessive_homes(d, s) != 0)
        return KR_ENOMEM;
    n = select_matches(d, s, ms, find_matches(d, s, ms, cap));
    for (k = 0; k < n; k++)
        if ((rc = emit(d, s, &ms[k], ms, n, sdate)) != 0)
            return rc;
    if (!n) {
        int32_t g = subject_in(d, s->first, s->first + s->count);
        if (g >= 0)
            d->prev_subject = g;
    }
    return 0;
}

/* Whether target b names what target a names only by its kind: a is an
 * actor of no state, coded by its sector alone ("the peacekeeping
 * mission": MIL), b one of a state with that sector ("the Russian
 * peacekeepers": RUSMIL). */
static int vaguer_target(const ev_side *a, const ev_side *b)
{
    size_t an, bn;
    if (a->country || !a->code || !b->country || !b->code)
        return 0;
    an = strlen(a->code);
    bn = strlen(b->code);
    return bn > an && !strcmp(b->code + bn - an, a->code);
}

/* Drops an event whose target is a kind of actor of no state where the
 * same sentence has the same source doing the same kind of act (the
 * same CAMEO root) to an actor of a state of that kind: "thanked for the
 * peacekeeping mission ..., thanks to the Russian peacekeepers" is one
 * act, to RUSMIL. Events are in sentence order. */
static void drop_vaguer(docstate *d)
{
    size_t i, j, kept = 0, lo = 0;
    for (i = 0; i < d->nev; i++) {
        const ev_event *a = &d->ev[i];
        int drop = 0;
        while (lo < i && d->ev[lo].sentence != a->sentence)
            lo++;
        for (j = lo; j < d->nev && d->ev[j].sentence == a->sentence && !drop; j++)
            drop = j != i && same_side(&a->source, &d->ev[j].source) &&
                   !strncmp(a->code->code, d->ev[j].code->code, 2) && vaguer_target(&a->target, &d->ev[j].target);
        if (!drop)
            d->ev[kept++] = *a;
    }
    d->nev = kept;
}

int ev_code_doc(ev_ctx *c, const char *text, size_t n, size_t body, const tok_doc *td, kr_date date,
                const ent_mention *dateline, const ent_mention *mv, size_t nm, kr_arena *a,
                ev_event **out, size_t *count)
{
    docstate d;
    kr_error err;
    size_t k;
    int rc;
    memset(&d, 0, sizeof d);
    d.c = c;
    d.text = text;
    d.date = date;
    d.dateline = dateline;
    d.a = a;
    d.prev_subject = -1;
    *out = NULL;
    *count = 0;
    kr_error_clear(&err, NULL);
    if (td)
        d.td = *td;
    else if ((rc = tok_run(text, n, body, a, &d.td, &err)) != 0)
        return rc;
    if (!d.td.ntokens)
        return 0;
    if (!(d.ti = arena_alloc(a, d.td.ntokens * sizeof *d.ti)))
        return KR_ENOMEM;
    token_keys(&d);
    for (k = 0; k < d.td.nsents; k++)
        mark_cues(&d, &d.td.sents[k]);
    if ((rc = build_groups(&d, mv, nm)) != 0)
        return rc;
    for (k = 0; k < d.td.nsents; k++)
        if ((rc = code_sentence(&d, &d.td.sents[k])) != 0)
            return rc;
    drop_vaguer(&d);
    *out = d.ev;
    *count = d.nev;
    return 0;
}

/* --- closed word lists ------------------------------------------------------ */

static const char *const *const closed_lists[W_NLISTS] = {
    [W_OF] = word_of, [W_QUANTITY_HEADS] = quantity_heads, [W_PLACE_IN] = place_in_words,
    [W_OTHER] = other_words, [W_DISPOSITION_EN] = disposition_en,
    [W_DISPOSITION_RU] = disposition_ru, [W_TO] = to_words, [W_PAST_EN] = past_en,
    [W_V] = v_words, [W_DOC_OF] = doc_of, [W_WE] = we_words, [W_AUX] = aux_words,
    [W_OBJECT] = object_words, [W_THE] = the_words, [W_AGAINST] = against_words,
    [W_SETTING_OPENS] = setting_opens, [W_SETTING_HEADS] = setting_heads,
    [W_SETTING_OF] = setting_of, [W_SETTING_V_HEADS] = setting_v_heads, [W_POSS] = poss_words};

/* Where a word's first byte falls in list_lens: its ASCII letter in lower
 * case, or one place for every byte of a non-ASCII character. */
static size_t list_first(unsigned char c)
{
    return c >= 0x80 ? LIST_FIRSTS - 1 : (size_t)(c | 0x20);
}

/* For each list, which (first byte, length) its words have: a word of a
 * length and first letter no list word has is not folded at all. */
static void list_filters(ev_ctx *c)
{
    size_t l, k;
    for (l = 0; l < W_NLISTS; l++)
        for (k = 0; closed_lists[l][k]; k++) {
            const char *w = closed_lists[l][k];
            size_t n = strlen(w);
            if (n <= LIST_MAX_BYTES)
                c->list_cands[list_first((unsigned char)w[0])][n] |= (uint32_t)1 << l;
        }
}

/* The closed lists (1 << W_*) the word w[0..n) is in: its parts folded
 * and joined by '-' ("из-за") are one of the list's words (lower case).
 * Only a list with a word as long and (in ASCII) with the same first
 * letter is asked: case folding keeps these words' length, and a word of
 * another length is no member even if it folds to one. */
static uint32_t word_lists(const ev_ctx *c, const char *w, size_t n)
{
    char buf[FOLD_MAX_WORD + 4], f[32];
    size_t pos = 0, fn = 0, k;
    uint32_t maybe, in = 0;
    fold_word fw;
    int l;
    if (n > LIST_MAX_BYTES || !(maybe = c->list_cands[list_first((unsigned char)w[0])][n]))
        return 0;
    while (fold_next(w, n, &pos, buf, &fw)) {
        if (fw.span.start > 0 && w[fw.span.start - 1] != '-')
            return 0; /* parts joined by anything but a hyphen: "U.S." */
        if (fn + fw.n + 1 > sizeof f)
            return 0;
        if (fn)
            f[fn++] = '-';
        memcpy(f + fn, buf, fw.n);
        fn += fw.n;
    }
    for (l = 0; l < W_NLISTS; l++)
        if ((maybe >> l) & 1)
            for (k = 0; closed_lists[l][k]; k++)
                if (strlen(closed_lists[l][k]) == fn && memcmp(f, closed_lists[l][k], fn) == 0) {
                    in |= (uint32_t)1 << l;
                    break;
                }
    return in;
}
