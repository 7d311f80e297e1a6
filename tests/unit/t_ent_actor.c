/* t_ent_actor.c: actor codes of role phrases, on a small lexicon of made-up
 * states: a person named after a role phrase (known with no role that
 * day, known with one, unknown), a group word's state named after "in" or
 * "from", members of an organization, and modifiers between a state and
 * its role word. */
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "t_ent.h"

static const char lexicon[] =
    "[VAL]\ntype: GPE\nname: Valmar\ncode: VAL\nen: Valmar\nen.adj: Valmarian\n"
    "[TIR]\ntype: GPE\nname: Tirnor\ncode: TIR\nen: Tirnor\n"
    "[prime-minister]\ntype: AGENT\nsector: GOV\nen: prime minister\n"
    "[cleric]\ntype: AGENT\nsector: REL\nen: cleric\n"
    "[soldiers]\ntype: AGENT\nsector: MIL\nen: soldier; soldiers\n"
    "[lawmakers]\ntype: AGENT\nsector: LEG\nen: lawmaker; lawmakers\n"
    "[observers]\ntype: AGENT\nsector: IGO\nen: observers\n"
    "[keepers]\ntype: AGENT\nsector: MIL\nabroad: yes\nen: peacekeepers\n"
    "[guerrillas]\ntype: AGENT\nsector: REB\nen: guerrillas\n"
    "[black-hand]\ntype: ORG\nname: Black Hand\ncountry: TIR\ncode: TIRREBBLH\nen: Black Hand\n"
    /* a person the lexicon knows with a country and no role */
    "[oromel-dask]\ntype: PER\nname: Oromel Dask\ncountry: VAL\nen: Oromel Dask\n"
    /* a person with a role */
    "[kessa-varn]\ntype: PER\nname: Kessa Varn\ncountry: VAL\nen: Kessa Varn\n"
    "role: VAL prime-minister 2010..\n"
    /* a namesake of hers, prime minister before her */
    "[ardan-varn]\ntype: PER\nname: Ardan Varn\ncountry: VAL\nen: Ardan Varn\n"
    "role: VAL prime-minister 1990..1999\n";

static found resolve(fixture *f, const char *text)
{
    return resolve_on(f, text, 2020, 6, 1);
}

/* The entity id of the mention spanning `span`, NULL when there is none. */
static const char *id_at(const found *r, const char *span)
{
    const ent_mention *x = mention_at(r, span);
    return x ? x->id : NULL;
}

/* A surname two persons share stands for the one in post on the report's
 * date, and for neither when none or both are. */
static void test_namesakes(fixture *f)
{
    const char *text = "The envoys met Varn on Monday.", *id;
    found r = resolve_on(f, text, 2020, 6, 1);
    id = id_at(&r, "Varn");
    CHECK(id && strcmp(id, "kessa-varn") == 0);
    r = resolve_on(f, text, 1995, 6, 1);
    id = id_at(&r, "Varn");
    CHECK(id && strcmp(id, "ardan-varn") == 0);
    r = resolve_on(f, text, 2005, 6, 1);
    id = id_at(&r, "Varn");
    CHECK(!id || (strcmp(id, "kessa-varn") != 0 && strcmp(id, "ardan-varn") != 0));
    /* a weekday or a month before a surname is no given name of it */
    r = resolve_on(f, "On Monday Varn met the envoys. In May Varn left.", 2020, 6, 1);
    id = id_at(&r, "Varn");
    CHECK(id && strcmp(id, "kessa-varn") == 0);
    CHECK_INT(count_of(&r, "kessa-varn"), 2);
}

/* The code of the mention spanning `span` (its first occurrence), "" for a
 * mention without a code, NULL when there is no such mention. */
static const char *code_at(const found *r, const char *span)
{
    const ent_mention *x = mention_at(r, span);
    return x ? (x->code ? x->code : "") : NULL;
}

static int code_is(const found *r, const char *span, const char *code)
{
    const char *got = code_at(r, span);
    if (!got || strcmp(got, code) != 0)
        fprintf(stderr, "t_ent_actor.c: '%s' in '%s': code %s, expected %s\n", span, r->text,
                got ? got : "(no mention)", code);
    return got && strcmp(got, code) == 0;
}

static void test_titled_persons(fixture *f)
{
    found r = resolve(f, "Valmar Prime Minister Oromel Dask arrived in Tirnor.");
    /* a known person with no role that day takes the phrase's state and
     * the role word's sector */
    CHECK(code_is(&r, "Oromel Dask", "VALGOV"));
    r = resolve(f, "The Tirnor cleric Oromel Dask spoke.");
    CHECK(code_is(&r, "Oromel Dask", "TIRREL"));
    /* no state in the phrase: the person's own country */
    r = resolve(f, "Yesterday Prime Minister Oromel Dask spoke.");
    CHECK(code_is(&r, "Oromel Dask", "VALGOV"));
    /* a role of her own that day wins over the word before her name */
    r = resolve(f, "Yesterday the Valmar cleric Kessa Varn spoke.");
    CHECK(code_is(&r, "Kessa Varn", "VALGOV"));
    /* alone, a person with no role keeps the country */
    r = resolve(f, "Yesterday Oromel Dask spoke.");
    CHECK(code_is(&r, "Oromel Dask", "VAL"));
    /* an unknown person after a role phrase of a state */
    r = resolve(f, "Tirnor's cleric Belgor Anst spoke.");
    CHECK(code_is(&r, "Belgor Anst", "TIRREL"));
    r = resolve(f, "Yesterday the Valmarian cleric Belgor Anst spoke.");
    CHECK(code_is(&r, "Belgor Anst", "VALREL"));
    /* not across a comma, and not without a state */
    r = resolve(f, "Yesterday the Tirnor cleric, Belgor Anst, spoke.");
    CHECK(code_is(&r, "Belgor Anst", ""));
    r = resolve(f, "Yesterday the cleric Belgor Anst spoke.");
    CHECK(code_is(&r, "Belgor Anst", ""));
}

static void test_group_homes(fixture *f)
{
    found r = resolve(f, "Soldiers from Tirnor crossed the river.");
    CHECK(code_is(&r, "Soldiers", "TIRMIL"));
    CHECK(code_is(&r, "Tirnor", "TIR")); /* the place stays a mention of its own */
    r = resolve(f, "Yesterday soldiers in the hills of Tirnor fired.");
    CHECK(code_is(&r, "soldiers", "MIL")); /* the place is not right after */
    /* a body of many with no one holder: lawmakers in a state */
    r = resolve(f, "Lawmakers in Valmar voted.");
    CHECK(code_is(&r, "Lawmakers", "VALLEG"));
    /* alone they are nobody's */
    r = resolve(f, "Lawmakers voted.");
    CHECK(code_at(&r, "Lawmakers") == NULL);
    /* international staff are not the host's */
    r = resolve(f, "Observers in Valmar voted.");
    CHECK(code_at(&r, "Observers") == NULL);
    /* nor are those who serve abroad: peacekeepers stay a sector alone */
    r = resolve(f, "Yesterday peacekeepers in Tirnor fired.");
    CHECK(code_is(&r, "peacekeepers", "MIL"));
    /* someone's own soldiers leaving a place */
    r = resolve(f, "Valmar will withdraw its soldiers from Tirnor.");
    CHECK(code_is(&r, "soldiers", "MIL"));
}

static void test_members(fixture *f)
{
    /* members of an organization whose code has their sector keep it */
    found r = resolve(f, "Black Hand guerrillas attacked.");
    CHECK(code_is(&r, "Black Hand guerrillas", "TIRREBBLH"));
    r = resolve(f, "Yesterday the Black Hand cleric spoke.");
    CHECK(code_is(&r, "Black Hand cleric", "TIRREL"));
}

static void test_modifiers(fixture *f)
{
    found r = resolve(f, "Valmar's new prime minister arrived.");
    const char *p = strstr(r.text, "Valmar's new prime minister");
    size_t k;
    int holder = 0;
    for (k = 0; k < r.n; k++)
        holder |= r.v[k].span.start == (size_t)(p - r.text) && !strcmp(r.v[k].id, "kessa-varn");
    CHECK(holder);
    /* "former": whoever held it before, not today's holder */
    r = resolve(f, "Valmar's former prime minister arrived.");
    for (k = 0; k < r.n; k++)
        CHECK(strcmp(r.v[k].id, "kessa-varn") != 0);
}

int main(void)
{
    fixture f;
    if (fixture_setup(&f, lexicon) != 0) {
        fprintf(stderr, "t_ent_actor.c: setup failed\n");
        return 1;
    }
    test_titled_persons(&f);
    test_group_homes(&f);
    test_members(&f);
    test_modifiers(&f);
    test_namesakes(&f);
    fixture_teardown(&f);
    return t_report();
}
