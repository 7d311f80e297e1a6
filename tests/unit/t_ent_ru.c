/* t_ent_ru.c: how unknown names in Russian text are typed and where their
 * spans begin and end, on a small lexicon of its own: organization nouns
 * and legal forms before a name, descriptions with adjectives, a state
 * after an organization, bodies written as names, works in guillemets,
 * sites, Latin names and their glosses, given names that start a person's
 * name inside a run, initials, one-word lexicon names that belong to
 * someone else's name, organizations named after a person, national teams
 * named alone, products and spacecraft that are no organizations, and the
 * built-in lists of foreign given names and of organizations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "t_ent.h"

static const char lexicon[] =
    "[RUS]\ntype: GPE\nname: Russia\ncode: RUS\nru: Россия\nru.adj: российский\n"
    "[AZE]\ntype: GPE\nname: Azerbaijan\ncode: AZE\nru: Азербайджан\n"
    "[peterburg]\ntype: LOC\nname: Saint Petersburg\ncountry: RUS\nru: Питер\n"
    "[lenta]\ntype: ORG\nname: Lenta\ncountry: RUS\nen: Lenta\n"
    "[gazprom]\ntype: ORG\nname: Gazprom\ncountry: RUS\nru: Газпром\n"
    "[cis]\ntype: ORG\nname: Commonwealth of Independent States\ncode: IGOCIS\nru: СНГ\n"
    "[kprf]\ntype: ORG\nname: KPRF\ncountry: RUS\nru: КПРФ\n"
    "[chelsea]\ntype: ORG\nname: Chelsea FC\nru: Челси\n"
    "[fmjd]\ntype: ORG\nname: World Draughts Federation\nru: ФМЖД; Международная шашечная федерация\n"
    "[forest-league]\ntype: ORG\nname: Forest Rescue League\nru: ЛСЛ; Лига спасения леса\n"
    "[vladimir-putin]\ntype: PER\nname: Vladimir Putin\ncountry: RUS\nru: Владимир Путин\n"
    "[barak-obama]\ntype: PER\nname: Barack Obama\ncountry: USA\nru: Барак Обама; Обама\n"
    "[ekaterina-vtoraya]\ntype: PER\nname: Catherine the Great\ncountry: RUS\n"
    "ru: Екатерина Вторая\n"
    "[court]\ntype: AGENT\nname: court\nsector: JUD\nbody: yes\nru: конституционный суд; суд\n"
    "[chief-justice]\ntype: AGENT\nname: chief justice\nsector: JUD\nru: председатель Конституционного суда\n"
    "[government]\ntype: AGENT\nname: government\nsector: GOV\nbody: yes\nru: правительство; власти; кабинет министров\n"
    "[parliament]\ntype: AGENT\nname: parliament\nsector: LEG\nbody: yes\nru: парламент\n"
    "[ekho-aze]\ntype: ORG\nname: Echo of Azerbaijan\nru: Эхо Азербайджана\n"
    "[forest-academy]\ntype: ORG\nname: Russian Forest Academy\ncountry: RUS\nru: Российская лесная академия\n"
    "[ganja]\ntype: LOC\nname: Ganja\ncountry: AZE\nru: Гянджа\n"
    "[baku]\ntype: LOC\nname: Baku\ncountry: AZE\nmetonym: AZE\nru: Баку\n"
    "[forest-service]\ntype: ORG\nname: Forest Service\ncountry: AZE\nru: Лесная служба\n"
    "[prosecutors]\ntype: AGENT\nname: prosecutor's office\nsector: JUD\nbody: yes\nru: прокуратура\n"
    "[foreign-ministry]\ntype: AGENT\nname: foreign ministry\nsector: GOV\nbody: yes\nru: МИД\n"
    "[prime-minister]\ntype: AGENT\nname: prime minister\nsector: GOV\nru: председатель правительства\n"
    "[given]\ntype: GIVEN\nru: Пётр; Лев; Питер; Мишель\nen: Philip\n";

static found resolve(fixture *f, const char *text)
{
    return resolve_on(f, text, 2023, 1, 1);
}

/* The type of the mention spanning exactly `span` (its first occurrence),
 * or "" when there is none. */
static const char *type_at(const found *r, const char *span)
{
    const ent_mention *x = mention_at(r, span);
    return x ? x->type : "";
}

/* Some mention overlaps the first occurrence of `span`. */
static int any_at(const found *r, const char *span)
{
    const char *p = strstr(r->text, span);
    size_t k, s;
    if (!p)
        return 0;
    s = (size_t)(p - r->text);
    for (k = 0; k < r->n; k++)
        if (r->v[k].span.start < s + strlen(span) && s < r->v[k].span.end)
            return 1;
    return 0;
}

/* The mention over `span` is of entity `w_id`, of type `w_type`, of
 * state `w_country`. */
#define ENTITY(r, span, w_id, w_type, w_country)                                      \
    do {                                                                              \
        const ent_mention *t_x = mention_at(&(r), span);                              \
        CHECK(t_x != NULL);                                                           \
        if (t_x) {                                                                    \
            CHECK_STR(t_x->id, w_id);                                                 \
            CHECK_STR(t_x->type, w_type);                                             \
            CHECK_STR(t_x->country ? t_x->country : "", w_country);                   \
        }                                                                             \
    } while (0)

#define TYPE(r, span, want) CHECK_STRN(type_at(&(r), span), strlen(type_at(&(r), span)), want)

static void test_org_nouns(fixture *f)
{
    found r = resolve(f, "Корпорация Veltrix открыла офис. Акции ЗАО «Северный ветер» выросли. "
                         "Он вступил в движение «Левый поворот» весной.");
    TYPE(r, "Корпорация Veltrix", "ORG"); /* a noun with a capital at a sentence's start */
    TYPE(r, "ЗАО «Северный ветер", "ORG"); /* a legal form */
    CHECK(!*type_at(&r, "ЗАО"));
    TYPE(r, "движение «Левый поворот", "ORG"); /* not a person for "Лев" */
    /* descriptions: adjectives, compounds, a noun of a noun */
    r = resolve(f, "Письмо получили сотрудники ежемесячной газеты «Лесной край» и "
                   "интернет-издания Techlog, а также группы компаний Norvex.");
    TYPE(r, "ежемесячной газеты «Лесной край", "ORG");
    TYPE(r, "интернет-издания Techlog", "ORG");
    TYPE(r, "группы компаний Norvex", "ORG");
    /* a preposition ends an unknown name before a state or organization */
    r = resolve(f, "Заголовок: создатель Norvex против сделки Газпрома.");
    TYPE(r, "Norvex", "ORG");
    TYPE(r, "Газпрома", "ORG");
    /* a pronoun before the noun is no part of its description */
    r = resolve(f, "Данные получили от самого центра «Лесок» вчера.");
    TYPE(r, "центра «Лесок", "ORG");
    /* a past participle or "ранее" before the noun is no part of it */
    r = resolve(f, "Вчера Смолин, ранее возглавлявший компанию Norvex, уехал.");
    TYPE(r, "компанию Norvex", "ORG");
    /* a state's adjective starts a description too */
    r = resolve(f, "Вчера сотрудники российского детского центра «Лесная поляна» уехали.");
    TYPE(r, "российского детского центра «Лесная поляна", "ORG");
    /* a lexicon name after a noun: the noun's apposition in guillemets,
     * of the organization without them */
    r = resolve(f, "Акции компании «Газпром» выросли, как сказано на сайте Газпрома.");
    TYPE(r, "компании «Газпром", "ORG");
    TYPE(r, "Газпрома", "ORG");
    CHECK(!*type_at(&r, "сайте Газпрома"));
    /* after a role word and an organization noun comes its head */
    r = resolve(f, "Вчера руководитель группы Пётр Смолин уехал.");
    TYPE(r, "Пётр Смолин", "PER");
}

static void test_org_phrases(fixture *f)
{
    found r = resolve(f, "Вчера Северная фондовая биржа открылась. Потом Южный фонд Vortex "
                         "купил акции. Об этом заявил Западный комитет Азербайджана.");
    TYPE(r, "Северная фондовая биржа", "ORG");
    r = resolve(f, "Остальные фракции промолчали.");
    CHECK(!any_at(&r, "Остальные фракции")); /* a plural at a sentence's start */
    r = resolve(f, "Вчера Северная фондовая биржа открылась. Потом Южный фонд Vortex "
                   "купил акции. Об этом заявил Западный комитет Азербайджана.");
    TYPE(r, "Южный фонд Vortex", "ORG");
    TYPE(r, "Западный комитет Азербайджана", "ORG");
    TYPE(r, "Азербайджана", "GPE"); /* the state stays a mention of its own */
    /* an organization noun written as a name, with the words of its name */
    r = resolve(f, "В составе Палаты представителей он, а Союз лесных советов промолчал.");
    TYPE(r, "Палаты представителей", "ORG");
    TYPE(r, "Союз лесных советов", "ORG");
    /* up to the organization named after it; a longer phrase is left
     * alone rather than cut */
    r = resolve(f, "Прошло заседание Совета министров иностранных дел СНГ. Вчера Совет лесного "
                   "хозяйства северных районов края собрался.");
    TYPE(r, "Совета министров иностранных дел СНГ", "ORG");
    TYPE(r, "СНГ", "ORG");
    CHECK(!any_at(&r, "Совет лесного"));
    /* a state's adjective with a capital inside a sentence starts a name;
     * the name's own words in the genitive run to a punctuation mark */
    r = resolve(f, "Вчера директор Российского института лесоводства, Пётр Смолин, уехал.");
    TYPE(r, "Российского института лесоводства", "ORG");
    r = resolve(f, "Вчера директор Института лесоводства и озероведения СНГ уехал.");
    TYPE(r, "Института лесоводства и озероведения СНГ", "ORG");
    r = resolve(f, "По мнению директора Северного института лесной экспертизы Петра Смолина, "
                   "всё хорошо. Руководитель центра Н. Кранова уехал. О том, почему ООО «Лесок» "
                   "ушло, молчат.");
    TYPE(r, "Северного института лесной экспертизы", "ORG");
    CHECK(!mention_at(&r, "центра Н")); /* an initial is no name after the noun */
    TYPE(r, "Н. Кранова", "PER");
    TYPE(r, "ООО «Лесок", "ORG");
    /* a state's adjective opening the guillemets after an organization
     * noun starts the name; elsewhere it stays the state's */
    r = resolve(f, "Вчера движение «Российский лесной союз» и ООО «Российская тайга» выступили, "
                   "а «Российский» ответил.");
    TYPE(r, "движение «Российский лесной союз", "ORG");
    TYPE(r, "ООО «Российская тайга", "ORG");
    CHECK(!*type_at(&r, "Российский")); /* no mention of the state inside the name */
    CHECK(any_at(&r, "Российский»"));
    r = resolve(f, "Вчера приехал Пётр Смолин из Российского бюро по лесам.");
    TYPE(r, "Российского бюро по лесам", "ORG");
    /* a body of the lexicon after a capitalized adjective: its name */
    r = resolve(f, "Вчера Северная прокуратура Гянджи промолчала, а Басманная прокуратура "
                   "заявила о проверке.");
    TYPE(r, "Северная прокуратура Гянджи", "ORG");
    TYPE(r, "Басманная прокуратура", "ORG");
    /* a place named after an unknown organization belongs to its name */
    r = resolve(f, "Вчера депутаты Лесного собрания Гянджи приняли обращение. Он сидел в "
                   "изоляторе окружного суда Северного округа Гянджи.");
    TYPE(r, "Лесного собрания Гянджи", "ORG");
    TYPE(r, "Гянджи", "LOC");
    TYPE(r, "окружного суда Северного округа Гянджи", "ORG");
    /* a body's remit or a movement's cause belongs to its name; an idiom
     * after "по" and a person's name do not */
    r = resolve(f, "Выступил глава Комитета по лесным делам Пётр Смолин. Прошло заседание Совета "
                   "при Правительстве Азербайджана по развитию лесного хозяйства. Вчера лидер "
                   "Северного фронта за свободу приехал.");
    TYPE(r, "Комитета по лесным делам", "ORG");
    TYPE(r, "Совета при Правительстве Азербайджана по развитию лесного хозяйства", "ORG");
    TYPE(r, "Северного фронта за свободу", "ORG");
    r = resolve(f, "Вчера Комитет по словам его главы закрылся. Вчера Отдел по охране лесов и "
                   "озёр открыт. Вчера глава Комиссии по лесам Питер Ларсен уехал.");
    TYPE(r, "Комитет", "ORG");
    TYPE(r, "Отдел по охране лесов и озёр", "ORG");
    TYPE(r, "Комиссии по лесам", "ORG");
    r = resolve(f, "Вчера сотрудник Управления по контролю за оборотом леса Главного управления "
                   "ЛХСК по Гяндже уехал.");
    TYPE(r, "Управления по контролю за оборотом леса", "ORG");
    TYPE(r, "Главного управления ЛХСК по Гяндже", "ORG"); /* over an unknown acronym */
    r = resolve(f, "Вчера сотрудник Главного управления МИД по Гяндже уехал.");
    TYPE(r, "Главного управления МИД по Гяндже", "ORG"); /* over a body of the lexicon */
    /* compound names of state bodies */
    r = resolve(f, "Проверку провёл Росприроднадзор, а Минкомсвязи промолчало.");
    TYPE(r, "Росприроднадзор", "ORG");
    TYPE(r, "Минкомсвязи", "ORG");
    /* a body's role word written as a name, with no state */
    r = resolve(f, "Это решил председатель Конституционного суда вчера.");
    TYPE(r, "Конституционного суда", "ORG");
    /* a post named with its body: the body's words are an organization
     * of their own beside the role, with the state named after them */
    r = resolve(f, "Вчера председатель правительства Азербайджана провёл совещание.");
    TYPE(r, "председатель правительства Азербайджана", "GPE"); /* the role: the state's group */
    TYPE(r, "правительства Азербайджана", "ORG");
    TYPE(r, "Азербайджана", "GPE");
    /* the longest tail that names a body, not the post inside it */
    r = resolve(f, "Потом заместитель председателя правительства уехал.");
    TYPE(r, "правительства", "ORG");
    CHECK(!*type_at(&r, "председателя правительства"));
    r = resolve(f, "С ним спорил председатель Конституционного суда Пётр Лесков.");
    TYPE(r, "Конституционного суда", "ORG");
    TYPE(r, "Пётр Лесков", "PER");
    /* a place inside a known organization's name is a mention of its own;
     * an adjective is not */
    r = resolve(f, "Об этом сообщило Эхо Азербайджана, а Российская лесная академия промолчала.");
    TYPE(r, "Эхо Азербайджана", "ORG");
    TYPE(r, "Азербайджана", "GPE");
    TYPE(r, "Российская лесная академия", "ORG");
    CHECK(!*type_at(&r, "Российская"));
    /* a known organization's own state right after it belongs to its
     * name; another state does not */
    r = resolve(f, "Сотрудник Лесной службы Азербайджана и эксперт Лесной службы России приехали.");
    TYPE(r, "Лесной службы Азербайджана", "ORG");
    TYPE(r, "Азербайджана", "GPE");
    TYPE(r, "Лесной службы России", "");
    /* a body named by its kind with a town after it is the town's body */
    r = resolve(f, "Решение принял Конституционный суд Гянджи, а правительство промолчало.");
    TYPE(r, "Конституционный суд Гянджи", "ORG");
    TYPE(r, "Гянджи", "LOC");
    /* a state's one body named alone is an organization, though no actor */
    TYPE(r, "правительство", "ORG");
    CHECK(!mention_at(&r, "правительство")->code);
    CHECK(mention_at(&r, "правительство")->agent >= 0); /* no side of an event */
    r = resolve(f, "Правительство одобрило проект, в парламенте спорили, прокуратура молчала, а "
                   "кабинет министров ушёл. Суд отложил дело, власти молчат, чиновники ушли.");
    TYPE(r, "Правительство", "ORG");
    TYPE(r, "парламенте", "ORG");
    TYPE(r, "прокуратура", "ORG");
    TYPE(r, "кабинет министров", "ORG");
    CHECK(!*type_at(&r, "Суд")); /* a state has many */
    CHECK(!*type_at(&r, "власти")); /* people, no body */
    r = resolve(f, "Доклад представили парламенту краткие отчеты, а антиправительственный "
                   "митинг и парламент-2020 прошли.");
    TYPE(r, "парламенту", "ORG"); /* no words of a name after it */
    r = resolve(f, "Договор ратифицирован парламентами обеих стран, главы правительств молчат.");
    CHECK(!any_at(&r, "парламентами")); /* the bodies of many states */
    CHECK(!any_at(&r, "парламент-2020"));
    /* an acronym declined as a word: "МИДа", "МИДе" are the МИД */
    r = resolve(f, "В МИДе Азербайджана заявили, что российского МИДа это не касается.");
    TYPE(r, "МИДе Азербайджана", "GPE");
    TYPE(r, "российского МИДа", "GPE");
    r = resolve(f, "Письмо получили в МИДах.");
    /* "-ах" is no case ending of one body: at most an unknown name */
    CHECK(!mention_at(&r, "МИДах") || mention_at(&r, "МИДах")->kind == ENT_CANDIDATE);
    /* a state's organization named with the state */
    r = resolve(f, "Сборная России выиграла, и российской сборной вручили кубок.");
    TYPE(r, "Сборная России", "ORG");
    TYPE(r, "российской сборной", "ORG");
    r = resolve(f, "Акции скупает российский фонд Norvex Capital.");
    TYPE(r, "российский фонд Norvex Capital", "ORG"); /* the name after the description */
}

static void test_works_and_sites(fixture *f)
{
    found r = resolve(f, "Группа записала альбом «Тёплый ветер» зимой. Об этом сообщает "
                         "Новости.ру сегодня. Как пишет Lenta.ru, всё готово. Он работал в "
                         "Интернете.");
    CHECK(!any_at(&r, "Тёплый ветер"));
    TYPE(r, "Новости.ру", "ORG");
    TYPE(r, "Lenta.ru", "ORG");
    TYPE(r, "Интернете", "ORG"); /* the network, not a place */
    r = resolve(f, "Об этом сообщает forestnews.ru, а новый адрес lesok.com уже работает.");
    TYPE(r, "forestnews.ru", "ORG"); /* a site in lower case */
    CHECK(!any_at(&r, "lesok.com")); /* an address, no organization */
    /* a title in guillemets is no organization; a name there is */
    r = resolve(f, "Он читал «Происхождение видов» и слушал «Эхо Залесья» и «Новые правые».");
    CHECK(!any_at(&r, "Происхождение видов"));
    TYPE(r, "Эхо Залесья", "ORG");
    TYPE(r, "Новые правые", "ORG");
    /* awards, titles, nicknames, festivals, ships and stations in guillemets */
    r = resolve(f, "Его наградили орденом «Лесная слава», дали медаль «Верный друг», он получил "
                   "титул «Король леса» на кинофестивале «Северная звезда», вышел у метро "
                   "«Лесная» и сел на теплоход «Берёзка».");
    CHECK(!any_at(&r, "Лесная слава"));
    CHECK(!any_at(&r, "Верный друг"));
    CHECK(!any_at(&r, "Король леса"));
    CHECK(!any_at(&r, "Северная звезда"));
    CHECK(!any_at(&r, "Лесная»"));
    CHECK(!any_at(&r, "Берёзка"));
    /* acronyms of common nouns: laws, wages, rules, treaties, techniques */
    r = resolve(f, "По ФЗ о лесах МРОТ вырос, ПДД изменили, по договору СНВ сократили, а ИВЛ, "
                   "ДНК, VPN и ЧМ тут ни при чём, как и ЛХСК.");
    CHECK(!any_at(&r, "ФЗ"));
    CHECK(!any_at(&r, "МРОТ"));
    CHECK(!any_at(&r, "ПДД"));
    CHECK(!any_at(&r, "СНВ"));
    CHECK(!any_at(&r, "ИВЛ"));
    CHECK(!any_at(&r, "ДНК"));
    CHECK(!any_at(&r, "VPN"));
    CHECK(!any_at(&r, "ЧМ"));
    TYPE(r, "ЛХСК", "ORG"); /* an unknown acronym is an organization */
}

static void test_latin(fixture *f)
{
    found r = resolve(f, "Журналист Пётр Смолин (Pjotr Smolin) приехал. Компания выкупила "
                         "Bank of Nordland целиком. Продукцию Philips покупают.");
    TYPE(r, "Pjotr Smolin", "PER"); /* a gloss takes the type of the name before it */
    TYPE(r, "Bank of Nordland", "ORG");
    TYPE(r, "Philips", "ORG"); /* a lone Latin word in Russian text is a brand */
    r = resolve(f, "Солист группы The Forest Пётр Смолин уехал, программа для ОС Android готова.");
    TYPE(r, "группы The Forest", "ORG"); /* a run keeps to one script */
    TYPE(r, "Пётр Смолин", "PER");
    CHECK(!any_at(&r, "ОС"));
    r = resolve(f, "Вчера солист группы Forest Баку Смолинский уехал.");
    TYPE(r, "группы Forest", "ORG"); /* no capital a person's name goes on from */
    r = resolve(f, "Вчера акции Norvex Holdings Смолинского выросли.");
    TYPE(r, "Norvex Holdings", "ORG");
    r = resolve(f, "Узник Сулим аль-Карби (Sulim al-Karbi) вышел, а машина «Лада Гранта» "
                   "(Lada Granta) уехала.");
    CHECK(!any_at(&r, "Sulim al-Karbi")); /* a gloss of a name taken for none */
    CHECK(!any_at(&r, "Lada Granta"));
    r = resolve(f, "Началась пандемия COVID-19 весной.");
    CHECK(!any_at(&r, "COVID")); /* a code with a number */
    r = resolve(f, "Дело завели по статье 282 УК России, а письма шли по СМС.");
    CHECK(!any_at(&r, "УК")); /* an acronym of a common noun */
    CHECK(!any_at(&r, "СМС"));
    TYPE(r, "России", "GPE");
    r = resolve(f, "Танкер Газпром-7 вышел в море, а Газпром промолчал.");
    CHECK(!any_at(&r, "Газпром-7")); /* a known name in a code: a model, a flight */
    CHECK_INT(count_of(&r, "gazprom"), 1);
}

static void test_persons(fixture *f)
{
    /* a given name inside a run starts a person's name */
    found r = resolve(f, "Приехали жители Залесья Пётр Смолин и другие.");
    TYPE(r, "Пётр Смолин", "PER");
    CHECK(strcmp(type_at(&r, "Залесья"), "PER") != 0);
    /* initials belong to the name */
    r = resolve(f, "Об этом заявил Н. Кранов вчера. Позже В. Путин уехал.");
    TYPE(r, "Н. Кранов", "PER");
    TYPE(r, "В. Путин", "PER");
    /* a one-word lexicon name inside another person's name */
    r = resolve(f, "Посол Питер Ларсен приехал. Первая леди Мишель Обама выступила.");
    TYPE(r, "Питер Ларсен", "PER");
    TYPE(r, "Мишель Обама", "PER");
    CHECK_INT(count_of(&r, "peterburg"), 0);
    CHECK_INT(count_of(&r, "barak-obama"), 0);
    /* an ordinal is no surname */
    r = resolve(f, "Это было после Второй мировой войны.");
    CHECK_INT(count_of(&r, "ekaterina-vtoraya"), 0);
}

/* An organization named after a person takes the name into its own; a
 * national team named alone is an organization; a product or a spacecraft
 * named alone is none. */
static void test_named_teams_products(fixture *f)
{
    found r = resolve(f, "Премьера прошла в драматическом театре имени Петра Смолина вчера. "
                         "Он окончил Институт им. Н. Кранова и уехал.");
    TYPE(r, "драматическом театре имени Петра Смолина", "ORG");
    CHECK(strcmp(type_at(&r, "Петра Смолина"), "PER") != 0);
    TYPE(r, "Институт им. Н. Кранова", "ORG");
    r = resolve(f, "Он окончил Институт лесных языков имени Петра Смолина в Гяндже.");
    TYPE(r, "Институт лесных языков имени Петра Смолина", "ORG"); /* after an unknown name */
    r = resolve(f, "Концерт дал оркестр имени Смолина и Кранова-Залесского летом.");
    TYPE(r, "оркестр имени Смолина и Кранова-Залесского", "");  /* no organization noun */
    r = resolve(f, "Солисты филармонии имени Смолина и Кранова-Залесского пели.");
    TYPE(r, "филармонии имени Смолина и Кранова-Залесского", "");
    r = resolve(f, "Солисты театра имени Смолина и Кранова-Залесского пели.");
    TYPE(r, "театра имени Смолина и Кранова-Залесского", "ORG");
    r = resolve(f, "Тренер вызвал его в сборную, и в национальной сборной команды он сыграл. "
                   "Сборные мира съехались.");
    TYPE(r, "сборную", "ORG");
    TYPE(r, "национальной сборной команды", "ORG");
    CHECK(!any_at(&r, "Сборные"));
    r = resolve(f, "Программа работает под Windows. Старт «Дискавери» отложен, а запуск "
                   "«Союза» готовят.");
    CHECK(!any_at(&r, "Windows"));
    CHECK(!any_at(&r, "Дискавери"));
    CHECK(!any_at(&r, "Союза"));
    /* a product's model, a contest, a work in Latin script after its noun */
    r = resolve(f, "Экипаж «Союза ТМА-9» вернулся. Прошёл «Северный турнир Залесья» и "
                   "Nordic Chess Tournament. Победил конкурс The Best of Forest и игра Treeville.");
    CHECK(!any_at(&r, "Союза ТМА-9"));
    CHECK(!any_at(&r, "Северный турнир Залесья"));
    CHECK(!any_at(&r, "Nordic Chess Tournament"));
    CHECK(!any_at(&r, "The Best of Forest"));
    CHECK(!any_at(&r, "Treeville"));
}

/* A lexicon organization that cannot be a genitive (an acronym, a word
 * that does not decline) is the apposition of the noun before it, unless
 * the noun names a part or an outlet; a description and a name of one
 * organization are one mention. */
static void test_appositions(fixture *f)
{
    found r = resolve(f, "Выступил лидер фракции КПРФ вчера. Игрок клуба Челси уехал. На сайте "
                         "КПРФ пусто. Турнир провела Международная шашечная федерация ФМЖД летом.");
    TYPE(r, "фракции КПРФ", "ORG");
    TYPE(r, "клуба Челси", "ORG");
    CHECK(!*type_at(&r, "сайте КПРФ"));
    TYPE(r, "Международная шашечная федерация ФМЖД", "ORG");
    CHECK_INT(count_of(&r, "fmjd"), 1);
    /* a name in its own, undeclined form after the noun is its apposition */
    r = resolve(f, "Акции компании Газпром выросли.");
    TYPE(r, "компании Газпром", "ORG");
    /* the full name and the short one side by side: one mention */
    r = resolve(f, "Вчера Лига спасения леса ЛСЛ объявила о сборе.");
    TYPE(r, "Лига спасения леса ЛСЛ", "ORG");
    CHECK_INT(count_of(&r, "forest-league"), 1);
    r = resolve(f, "Как сказано на сайте Lenta, всё готово, а на сайте Forestnews пусто.");
    TYPE(r, "Lenta", "ORG"); /* a known organization's site names it alone */
    TYPE(r, "сайте Forestnews", "ORG"); /* an unknown site is an organization of its own */
    /* a capitalized adjective inside a sentence starts a known name */
    r = resolve(f, "Сотрудники Северного Газпрома уехали, а Вчерашние новости молчат.");
    TYPE(r, "Северного Газпрома", "ORG");
    /* an organ of a known organization is an organization of its own,
     * beside it */
    r = resolve(f, "Письмо направили в исполнительный комитет СНГ и в пресс-службу Газпрома.");
    TYPE(r, "исполнительный комитет СНГ", "ORG");
    TYPE(r, "СНГ", "ORG");
    TYPE(r, "пресс-службу Газпрома", "ORG");
    TYPE(r, "Газпрома", "ORG");
    /* after a noun, an unknown name takes its own adjectives and noun */
    r = resolve(f, "Выступил член президиума Северо-лесного общественного совета вчера.");
    TYPE(r, "президиума Северо-лесного общественного совета", "ORG");
}

/* The built-in lexicon knows given names of other countries as Russian
 * writes them, so that they start a person's name. */
static void test_builtin_given_names(fixture *f)
{
    found r = resolve(f, "Мяч забил капитан клуба Ромашково Фрэнк Лэмпард, а Юрген "
                         "Клинсман хлопал.");
    TYPE(r, "Фрэнк Лэмпард", "PER");
    TYPE(r, "Юрген Клинсман", "PER");
    /* and organizations as Russian news names them (orgs-ru.txt) */
    r = resolve(f, "Акции Норникеля и Яндекса выросли, а Спартак обыграл соперника. "
                   "Выставку открыл Эрмитаж.");
    TYPE(r, "Норникеля", "ORG");
    TYPE(r, "Яндекса", "ORG");
    TYPE(r, "Спартак", "ORG");
    TYPE(r, "Эрмитаж", "ORG");
    /* "Ъ", as Kommersant signs itself */
    r = resolve(f, "Как сообщил «Ъ», сделка закрыта.");
    TYPE(r, "Ъ", "ORG");
}

/* The built-in lexicon knows first-level regions (regions.txt): places of
 * their state, named in any case, with the region's noun or after a word
 * such as "штат" that is no part of the name. */
static void test_builtin_regions(fixture *f)
{
    const ent_mention *x;
    found r = resolve(f, "Пожары начались в Краснодарском крае, а снег выпал в штате "
                         "Колорадо и в Свердловской области.");
    ENTITY(r, "Краснодарском крае", "krasnodar-krai", "LOC", "RUS");
    ENTITY(r, "Колорадо", "colorado", "LOC", "USA");
    CHECK(!any_at(&r, "штате"));
    TYPE(r, "Свердловской области", "LOC");
    /* a short form; a region that shares its name with its capital
     * takes the bare name only with its noun */
    r = resolve(f, "Паводок на Кубани. Обстрелы в Сумской области и в Сумах.");
    x = mention_at(&r, "Кубани");
    CHECK(x && strcmp(x->id, "krasnodar-krai") == 0);
    x = mention_at(&r, "Сумской области");
    CHECK(x && strcmp(x->id, "sumy-region") == 0 && strcmp(x->country, "UKR") == 0);
    x = mention_at(&r, "Сумах");
    CHECK(x && strcmp(x->id, "sumy") == 0);

}

/* Names the built-in lexicon alone cannot tell: places and persons that
 * share words, declined and undeclined foreign names, regnal numbers,
 * quarters, glosses, adjectives of capitals. */
static void test_builtin_names(fixture *f)
{
    const ent_mention *x;
    found r;
    size_t k;
    /* a place's name after a given name is a surname; a given name
     * that is also a place stays the place before another given name */
    r = resolve(f, "Журналистка Маша Гессен написала книгу. Статуя Джорджа Вашингтона "
                   "стоит в Вашингтоне. Глава Карелии Артур Парфенчиков посетил Петрозаводск.");
    TYPE(r, "Маша Гессен", "PER");
    TYPE(r, "Джорджа Вашингтона", "PER");
    x = mention_at(&r, "Вашингтоне");
    CHECK(x && strcmp(x->id, "washington") == 0);
    x = mention_at(&r, "Карелии");
    CHECK(x && strcmp(x->id, "karelia") == 0);
    TYPE(r, "Артур Парфенчиков", "PER");
    /* a place that loses a vowel when declined: Египет, Египта */
    r = resolve(f, "Делегация Египта прибыла из Египта в Каир. Туристы вернулись в Египет.");
    x = mention_at(&r, "Египта");
    CHECK(x && strcmp(x->id, "EGY") == 0);
    x = mention_at(&r, "Египет");
    CHECK(x && strcmp(x->id, "EGY") == 0);
    /* a plural's genitive in -ов; not a plural demonym's (немцы: Немцова) */
    r = resolve(f, "Посол Соединенных Штатов встретился с премьером Мирославой Немцовой.");
    x = mention_at(&r, "Соединенных Штатов");
    CHECK(x && strcmp(x->id, "USA") == 0);
    TYPE(r, "Мирославой Немцовой", "PER");
    /* an unknown name written with hyphens after "в" is a place */
    r = resolve(f, "Встреча прошла в Бела-Паланке, а Жан-Поль Ортис уехал.");
    TYPE(r, "Бела-Паланке", "LOC");
    TYPE(r, "Жан-Поль Ортис", "PER");
    /* a regnal number belongs to the name */
    r = resolve(f, "Встречу провели Альбрехт Фольгер III и Иван Петров в 1990 году. Папа Бенедикт XVI "
                   "уехал. Иван IV основал город.");
    TYPE(r, "Альбрехт Фольгер III", "PER");
    TYPE(r, "Иван Петров", "PER");
    x = mention_at(&r, "Папа Бенедикт XVI");
    CHECK(x && strcmp(x->id, "benedict-xvi") == 0);
    TYPE(r, "Иван IV", "PER");
    /* a one-word foreign name Russian does not decline matches only as
     * it stands: not a capitalized common word of the same stem */
    r = resolve(f, "Потом судно ушло в Поти. Дело о визите в Дели закрыто.");
    CHECK(!any_at(&r, "Потом"));
    CHECK(!any_at(&r, "Дело"));
    x = mention_at(&r, "Поти");
    CHECK(x && strcmp(x->id, "poti") == 0);
    x = mention_at(&r, "Дели");
    CHECK(x && x->country && strcmp(x->country, "IND") == 0);
    /* capitalized adjectives of a lower-case noun are no person */
    r = resolve(f, "Ветераны Великой Отечественной войны и Лев Толстой.");
    CHECK(!any_at(&r, "Великой Отечественной"));
    TYPE(r, "Лев Толстой", "PER");
    /* a short given name at a sentence's start keeps the name whole, and
     * the lone surname after it is the same person */
    r = resolve(f, "Стив Уэллстон уходит. Совет уволил Уэллстона вчера.");
    TYPE(r, "Стив Уэллстон", "PER");
    TYPE(r, "Уэллстона", "PER");
    /* a Latin spelling in parentheses is the same person, though
     * "Scott" alone would match the Scots */
    r = resolve(f, "Об этом сказал Скотт Хоровитц (Scott Horowitz), бывший астронавт.");
    x = mention_at(&r, "Scott Horowitz");
    CHECK(x && strcmp(x->type, "PER") == 0);
    CHECK(x && mention_at(&r, "Скотт Хоровитц") && !strcmp(x->id, mention_at(&r, "Скотт Хоровитц")->id));
    CHECK(!mention_at(&r, "Scott") && !mention_at(&r, "Horowitz"));
    /* a word with no ending is no name whose nominative has one (Дан is
     * not Дания); a name with a toponymic first part is a place */
    r = resolve(f, "Глава комиссии Дан Меридор прибыл в городе Сан-Маркос.");
    CHECK(!mention_at(&r, "Дан") || strcmp(mention_at(&r, "Дан")->type, "GPE") != 0);
    TYPE(r, "Сан-Маркос", "LOC");
    r = resolve(f, "Делегация Дании прибыла.");
    x = mention_at(&r, "Дании");
    CHECK(x && strcmp(x->id, "DNK") == 0);
    /* a quarter before a place is part of its name; a lexicon surname
     * that is a given name before an unknown word is another person */
    r = resolve(f, "Экстремисты в Северной Африке и в Западном Иерусалиме. Заявил Дан Меридор.");
    x = mention_at(&r, "Северной Африке");
    CHECK(x && strcmp(x->id, "africa") == 0);
    CHECK(mention_at(&r, "Западном Иерусалиме") != NULL);
    TYPE(r, "Дан Меридор", "PER");
    /* a capital's adjective is the state's government only in a role
     * phrase */
    r = resolve(f, "В 19 часов по московскому времени киевский режим обстрелял город.");
    x = mention_at(&r, "московскому");
    CHECK(x && strcmp(x->id, "moscow") == 0 && x->kind == ENT_ADJ);
    x = mention_at(&r, "киевский режим");
    CHECK(x && x->code && strcmp(x->code, "UKRGOV") == 0);
    /* мэр and мэрия share a key; the ending tells them apart */
    r = resolve(f, "СОТРУДНИКИ МЭРИИ САМАРЫ.");
    TYPE(r, "МЭРИИ САМАРЫ", "ORG");
    /* a gloss that spells no name is none; one letter is an initial */
    r = resolve(f, "Сергей Лавров (Reuters) заявил, что Обама и V. Putin встретятся.");
    TYPE(r, "Reuters", "ORG");
    x = mention_at(&r, "V. Putin");
    CHECK(x && strcmp(x->id, "vladimir-putin") == 0);
    /* the organ of a person or a post is an organization beside them */
    r = resolve(f, "Как сообщила пресс-служба президента Украины, визит отложен. Пресс-служба "
                   "Кадырова молчит.");
    TYPE(r, "пресс-служба президента Украины", "ORG");
    TYPE(r, "Пресс-служба Кадырова", "ORG");
    TYPE(r, "Кадырова", "PER");
    r = resolve(f, "Отставка мэра Самары обсуждалась. Сотрудники мэрии Самары молчат.");
    for (k = 0; k < r.n; k++) /* no organization over "мэра" */
        CHECK(strcmp(r.v[k].type, "ORG") || r.v[k].span.start != (size_t)(strstr(r.text, "мэра") - r.text));
    TYPE(r, "мэрии Самары", "ORG");
}

/* The built-in lexicon knows the larger cities that are not capitals
 * (cities.txt): places of their state, named in any case; a name that is
 * also a surname stays a person's after a given name. */
static void test_builtin_cities(fixture *f)
{
    const ent_mention *x;
    found r = resolve(f, "Пожары бушуют в Лос-Анджелесе, а рейсы из Милана и Челябинска "
                         "задержаны в Кривом Роге.");
    ENTITY(r, "Лос-Анджелесе", "los-angeles", "LOC", "USA");
    x = mention_at(&r, "Милана");
    CHECK(x && strcmp(x->id, "milan") == 0 && strcmp(x->country, "ITA") == 0);
    x = mention_at(&r, "Челябинска");
    CHECK(x && strcmp(x->id, "chelyabinsk") == 0 && strcmp(x->country, "RUS") == 0);
    x = mention_at(&r, "Кривом Роге");
    CHECK(x && strcmp(x->id, "kryvyi-rih") == 0 && strcmp(x->country, "UKR") == 0);
    r = resolve(f, "Память Сергея Кирова почтили в Кирове.");
    TYPE(r, "Сергея Кирова", "PER");
    x = mention_at(&r, "Кирове");
    CHECK(x && strcmp(x->id, "kirov") == 0);
}

int main(void)
{
    fixture f;
    if (fixture_setup(&f, lexicon) != 0) {
        fprintf(stderr, "t_ent_ru.c: the test lexicon does not load\n");
        return 1;
    }
    test_org_nouns(&f);
    test_org_phrases(&f);
    test_works_and_sites(&f);
    test_latin(&f);
    test_persons(&f);
    test_named_teams_products(&f);
    test_appositions(&f);
    fixture_teardown(&f);
    /* the built-in lexicon, as kronika runs it */
    memset(&f, 0, sizeof f);
    if (lex_builtin(0, NULL, NULL, &f.lex) || match_build(f.lex, &f.m) || ent_new(f.lex, f.m, &f.c) ||
        !(f.a = arena_new())) {
        CHECK(!"the built-in lexicon loads");
    } else {
        test_builtin_given_names(&f);
        test_builtin_regions(&f);
        test_builtin_names(&f);
        test_builtin_cities(&f);
    }
    fixture_teardown(&f);
    return t_report();
}
