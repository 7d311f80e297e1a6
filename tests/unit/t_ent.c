/* t_ent.c: entity resolution on a small lexicon of its own: inflected
 * Russian names whose nominative ends like a case ending, names across an
 * abbreviation point or an apostrophe, surnames that are common words,
 * candidate ids that a lexicon id has, roles on unknown and handover days,
 * and lexicons larger than fixed tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "t_ent.h"

static const char lexicon[] =
    "[RUS]\ntype: GPE\nname: Russia\ncode: RUS\nen: Russia\nru: Россия\n"
    "en.adj: Russian\nru.adj: российский\n"
    "[GBR]\ntype: GPE\nname: United Kingdom\ncode: GBR\nen: United Kingdom; Britain\n"
    "[USA]\ntype: GPE\nname: United States\ncode: USA\nen: United States; U.S.; US\n"
    "[AZE]\ntype: GPE\nname: Azerbaijan\ncode: AZE\nen: Azerbaijan\nru: Азербайджан\n"
    "[nagorno-karabakh]\ntype: GPE\nname: Nagorno-Karabakh\ncountry: AZE\nru: Карабах\n"
    "[un]\ntype: ORG\nname: United Nations\ncode: IGOUNO\nen: UN; United Nations\n"
    "[gazprom]\ntype: ORG\nname: Gazprom\ncountry: RUS\ncode: RUSBUS\nru: Газпром\n"
    "[aze-foreign-ministry]\ntype: ORG\nname: Azerbaijani Foreign Ministry\ncountry: AZE\n"
    "code: AZEGOV\nen: Azerbaijan's Foreign Ministry\n"
    "[saint-petersburg]\ntype: LOC\nname: Saint Petersburg\ncountry: RUS\nen: St. Petersburg\n"
    "[ana-berg]\ntype: PER\nname: Anna-Maria Berg\nen: Anna-Maria Berg\n"
    "[defense-minister]\ntype: AGENT\nsector: MIL\nen: defense minister\n"
    "[envoy]\ntype: AGENT\nsector: GOV\nen: envoy\n"
    "[theresa-may]\ntype: PER\nname: Theresa May\ncountry: GBR\nen: Theresa May\n"
    "[ned-price]\ntype: PER\nname: Ned Price\ncountry: USA\nen: Ned Price\n"
    "[ilham-aliyev]\ntype: PER\nname: Ilham Aliyev\ncountry: AZE\nru: Ильхам Алиев\n"
    "[dmitry-medvedev]\ntype: PER\nname: Dmitry Medvedev\ncountry: RUS\nru: Дмитрий Медведев\n"
    "[sergey-shoigu]\ntype: PER\nname: Sergey Shoigu\ncountry: RUS\nen: Sergey Shoigu\n"
    "role: RUS defense-minister 2012-11-06..2024-05-12\n"
    "[andrei-belousov]\ntype: PER\nname: Andrei Belousov\ncountry: RUS\nen: Andrei Belousov\n"
    "role: RUS defense-minister 2024-05-12..\n"
    "[vasily-nebenzya]\ntype: PER\nname: Vasily Nebenzya\ncountry: RUS\nen: Vasily Nebenzya\n"
    "role: RUS envoy 2017..\n"
    /* an ended role listed before an open one that began earlier */
    "[ivan-testov]\ntype: PER\nname: Ivan Testov\ncountry: RUS\nen: Ivan Testov\n"
    "role: RUS defense-minister 2008..2012\nrole: USA envoy 2000..\n"
    "[michele-alliot-marie]\ntype: PER\nname: Michele Alliot-Marie\ncountry: FRA\n"
    "ru: Мишель Альо-Мари\n"
    "[given]\ntype: GIVEN\nru: Мария\n";

static int is(const ent_mention *x, const char *id)
{
    if (!x)
        return 0;
    if (strcmp(x->id, id) != 0)
        fprintf(stderr, "t_ent.c: got %s, expected %s\n", x->id, id);
    return strcmp(x->id, id) == 0;
}

static void test_russian_keys(fixture *f)
{
    found r = resolve_on(f, "Карабах и в Карабахе. Газпром и Газпрома. Ильхама Алиева видели, "
                         "потом Дмитрия Медведева.", 2023, 1, 1);
    CHECK(is(mention_at(&r, "Карабах"), "nagorno-karabakh"));
    CHECK(is(mention_at(&r, "Карабахе"), "nagorno-karabakh"));
    CHECK(is(mention_at(&r, "Газпром"), "gazprom"));
    CHECK(is(mention_at(&r, "Газпрома"), "gazprom"));
    CHECK(is(mention_at(&r, "Ильхама Алиева"), "ilham-aliyev"));
    CHECK(is(mention_at(&r, "Дмитрия Медведева"), "dmitry-medvedev"));
}

static void test_punctuated_names(fixture *f)
{
    found r = resolve_on(f, "The U.S. and Azerbaijan's Foreign Ministry met in St. Petersburg.", 2023,
                      1, 1);
    CHECK(is(mention_at(&r, "U.S"), "USA"));
    CHECK(is(mention_at(&r, "Azerbaijan's Foreign Ministry"), "aze-foreign-ministry"));
    CHECK(is(mention_at(&r, "St. Petersburg"), "saint-petersburg"));
    /* a sentence end after a short word does not join two names into
     * one candidate */
    r = resolve_on(f, "Otto Kranz flew to Ufa. Berta Lind came later.", 2023, 1, 1);
    CHECK(mention_at(&r, "Ufa") != NULL);
}

static void test_surnames(fixture *f)
{
    found r = resolve_on(f, "Officials met Price. Prices rose in May, a report said on Monday. "
                         "Prices fell.", 2023, 1, 1);
    CHECK(!mention_at(&r, "May"));
    CHECK(!mention_at(&r, "Prices"));
    CHECK_INT(count_of(&r, "theresa-may"), 0);
    CHECK(is(mention_at(&r, "Price"), "ned-price")); /* the word as written, in a sentence */
    r = resolve_on(f, "Theresa May spoke. May said Britain would wait until May 5.", 2023, 1, 1);
    CHECK_INT(count_of(&r, "theresa-may"), 2);
    /* a given name is no surname of the lexicon (Мария and Мари share a key) */
    r = resolve_on(f, "Её звали Мария тогда.", 2023, 1, 1);
    CHECK_INT(count_of(&r, "michele-alliot-marie"), 0);
    /* but the surname of a person the report names in full is hers */
    r = resolve_on(f, "Приехала Мишель Альо-Мари. Об этом сказала Мари.", 2023, 1, 1);
    CHECK_INT(count_of(&r, "michele-alliot-marie"), 2);
}

static void test_candidate_ids(fixture *f)
{
    /* "Anna Berg" is not "Anna-Maria Berg", but slugs to her id */
    found r = resolve_on(f, "They said Anna Berg would come.", 2023, 1, 1);
    const ent_mention *x = mention_at(&r, "Anna Berg");
    CHECK(x != NULL);
    if (x) {
        CHECK_INT(x->kind, ENT_CANDIDATE);
        CHECK(strcmp(x->id, "ana-berg") != 0); /* a lexicon id: never a candidate's */
        CHECK(lex_find(f->lex, x->id) < 0);
    }
}

static void test_roles(fixture *f)
{
    found r;
    const ent_mention *x;
    /* the handover day: the new holder */
    r = resolve_on(f, "The Russian defense minister arrived.", 2024, 5, 12);
    CHECK(is(mention_at(&r, "Russian defense minister"), "andrei-belousov"));
    r = resolve_on(f, "The Russian defense minister arrived.", 2020, 5, 12);
    CHECK(is(mention_at(&r, "Russian defense minister"), "sergey-shoigu"));
    /* the adjective is part of the role, not a mention of Russia too */
    CHECK_INT(count_of(&r, "RUS"), 0);
    /* an organization of no state takes the state before it */
    r = resolve_on(f, "The Russian UN envoy said no.", 2023, 1, 1);
    CHECK(is(mention_at(&r, "Russian UN envoy"), "vasily-nebenzya"));
    /* an unknown date: the open role, not the ended one listed first */
    r = resolve_on(f, "Ivan Testov said no.", 0, 0, 0);
    x = mention_at(&r, "Ivan Testov");
    CHECK(x && x->code && strcmp(x->code, "USAGOV") == 0);
    /* an unknown name right after a role phrase is its holder, whatever
     * was found between */
    r = resolve_on(f, "The Russian defense minister Kuznetsov visited Azerbaijan.", 2020, 1, 1);
    x = mention_at(&r, "Kuznetsov");
    CHECK(x && strcmp(x->type, "PER") == 0);
}

static void test_titles(fixture *f)
{
    found r = resolve_on(f, "В 2020 г. Сочи принял гостей. Пришла г-жа Мун.", 2023, 1, 1);
    const ent_mention *x = mention_at(&r, "Сочи");
    CHECK(!x || strcmp(x->type, "PER") != 0); /* "г." is a year */
    x = mention_at(&r, "Мун");
    CHECK(x && strcmp(x->type, "PER") == 0);
}

/* A person's name with a word longer than any buffer of the resolver. */
static void test_long_surname(void)
{
    kr_buf b = {0};
    fixture f;
    int k;
    kr_buf_puts(&b, "[long]\ntype: PER\nname: Long Name\nen: Ivan ");
    for (k = 0; k < 300; k++)
        kr_buf_putc(&b, 'a' + k % 26);
    kr_buf_puts(&b, "\n");
    CHECK_INT(fixture_setup(&f, b.p), 0);
    fixture_teardown(&f);
    kr_buf_free(&b);
}

/* More given names than a fixed table would hold. */
static void test_many_given_names(void)
{
    kr_buf b = {0};
    fixture f;
    int k;
    kr_buf_puts(&b, "[given]\ntype: GIVEN\nen: ");
    for (k = 0; k < 6000; k++)
        kr_buf_printf(&b, "%sQ%c%c%c", k ? "; " : "", 'a' + k % 26, 'a' + k / 26 % 26,
                      'a' + k / 676 % 26);
    kr_buf_puts(&b, "\n[x]\ntype: GPE\nname: Xland\ncode: XXX\nen: Xland\n");
    CHECK_INT(fixture_setup(&f, b.p), 0);
    if (f.c) {
        found r = resolve_on(&f, "Officials in Xland met Qzzi Smith.", 2023, 1, 1);
        CHECK(is(mention_at(&r, "Xland"), "x"));
    }
    fixture_teardown(&f);
    kr_buf_free(&b);
}

int main(void)
{
    fixture f;
    if (fixture_setup(&f, lexicon) != 0) {
        fprintf(stderr, "t_ent.c: the test lexicon does not load\n");
        return 1;
    }
    test_russian_keys(&f);
    test_punctuated_names(&f);
    test_surnames(&f);
    test_candidate_ids(&f);
    test_roles(&f);
    test_titles(&f);
    fixture_teardown(&f);
    test_long_surname();
    test_many_given_names();
    return t_report();
}
