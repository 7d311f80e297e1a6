/* ent.c: mention resolution inside one document. It works on the matcher's
 * words and hits: each hit becomes a unit; role words look left and right
 * for a state ("Russian Defense Minister", "глава МИД Азербайджана") and a
 * name, and without a name resolve to whoever held the role on the report's
 * date; then surnames and unknown capitalized names are picked up among the
 * words no hit covers, typed and delimited as docs/entities.md says. */
#include "ent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "key.h"
#include "stem.h"
#include "utf8.h"

/* Classes of small words the resolver looks for around names. */
enum {
    W_GLUE = 1,      /* of, the, 's: inside a role phrase */
    W_LOCATIVE = 2,  /* in, в: a place follows */
    W_FUNCTION = 4,  /* a sentence-initial word that is not a name */
    W_ORG = 8,       /* ministry, партия: an unknown name is an organization */
    W_EVENT = 16,    /* conference, саммит: a happening, not an entity */
    W_TITLE = 32,    /* Mr, г-н: a person follows */
    W_REGION = 64,   /* республика, oblast: an unknown name is a place */
    W_STREET = 128,  /* площадь, проспект, square: a place in a town */
    W_LEGAL = 256,   /* ОАО, ООО: a legal form before a company's name */
    W_NET = 512,     /* Интернет: the network, named as an organization */
    W_PARTICLE = 1024, /* of, al, von: a small word inside a Latin name */
    W_WORK = 2048,   /* фильм, альбом, шаттл: a quoted name after it is a work */
    W_NATIONAL = 4096, /* сборная: with a state, that state's organization */
    W_HOME = 8192,   /* in, from, в, из: a group's place follows */
    W_POSSESSIVE = 16384, /* its, their, свои: a group belongs to someone named before */
    W_MODIFIER = 32768, /* first, new, acting: inside a role phrase, before the role word */
    W_PRODUCT = 65536,  /* Windows, iPhone: a product, no organization */
    W_PART = 131072,    /* сайт, служба: part of an organization, not its kind */
    W_ORGAN = 262144,   /* служба, комиссия: an organ, itself an organization */
    W_REMIT = 524288,   /* комитет, фронт: a noun whose remit may follow ("по ...") */
    W_CAUSE = 1048576,  /* фронт, движение: a noun whose cause may follow ("за ...") */
    W_OUTLET = 2097152, /* сайт, портал: where an organization publishes, never its kind */
    W_COMMON = 4194304, /* УК, СМС, ТВ: an acronym of a common noun, no name */
    W_OPUS = 8388608,   /* фильм, конкурс: a work's title follows, even in Latin script */
    W_SEAT = 16777216,  /* правительство, парламент: a state's one body, named alone */
    W_TOPONYM = 33554432, /* Сан-, Лос-, Нью-, Усть-: the first part of a place's name */
    W_COMPASS = 67108864  /* Северная, West: a part of the place named after it */
};

#define WSET_SLOTS 4096 /* power of two, above twice the listed words */

typedef struct wset_slot {
    uint64_t hash; /* 0: empty */
    unsigned mask;
} wset_slot;

struct ent_ctx {
    wset_slot words[WSET_SLOTS];
    size_t nwords; /* words in `words` */
    wmemo *memo;      /* word keys seen before */
    uint64_t *given;  /* key hashes of given names (0: empty) */
    size_t givencap;  /* power of two, above twice the hashes */
    const lex_db *lex;
    const match_db *m;
    stem_cache *sc;
    /* surname key -> person entry + 1, or SIZE_MAX when two persons share
     * it; then sn_shared lists them, sorted by key */
    uint32_t *sn_key;
    size_t *sn_entry;
    size_t sncap;
    struct sn_pair {
        uint32_t key;
        size_t entry;
    } *sn_shared;
    size_t nshared, sharedcap;
    long counterpart; /* agent entry of "counterpart", or -1 */
    /* roles by agent: by_agent[agent_first[a] .. agent_first[a + 1]) are
     * the indexes of the roles of agent entry a; role_owner[r] the person */
    size_t *by_agent, *agent_first, *role_owner;
};

#define MAX_NAMED 64 /* distinct persons whose surnames are remembered */

typedef struct unit {
    size_t first, nwords; /* words covered */
    kr_span span;
    size_t entry;
    int adj;
    size_t mention;       /* index of its mention + 1, 0 while none */
    const char *title;    /* a person's code from the role phrase before it */
} unit;

const char *ent_kind_name(ent_kind k)
{
    static const char *const names[] = {"", "name", "surname", "role", "group", "metonym", "adjective", "candidate"};
    return k >= ENT_NAME && k <= ENT_CANDIDATE ? names[k] : "";
}

static const char *type_name(lex_type t)
{
    switch (t) {
    case LEX_PER: return "PER";
    case LEX_ORG: return "ORG";
    case LEX_GPE: return "GPE";
    case LEX_LOC: return "LOC";
    default: return "";
    }
}

static const char *const locative[] = {"in", "at", "near", "outside", "from", "to", "into", "around",
    "в", "во", "на", "из", "под", "около", "возле", "у", "до", "через", NULL};
static const char *const function_words[] = {"the", "a", "an", "in", "on", "at", "for", "from", "with",
    "by", "as", "but", "and", "or", "if", "it", "he", "she", "they", "we", "i", "his", "her", "their",
    "our", "its", "this", "that", "these", "those", "there", "here", "when", "while", "after",
    "before", "during", "according", "however", "also", "meanwhile", "earlier", "later", "on",
    "what", "which", "who", "why", "how", "all", "both", "some", "no", "not", "yes", "today",
    "yesterday", "tomorrow", "last", "next", "western", "eastern", "northern", "southern",
    "в", "во", "на", "по", "с", "со", "к", "о", "об", "из", "за", "для", "он", "она", "они", "мы",
    "это", "как", "также", "при", "после", "до", "но", "и", "а", "что", "его", "ее", "их", "было",
    "была", "были", "кроме", "между", "однако", "так", "при", "этот", "эта", "эти", "там", "тогда",
    "вчера", "сегодня", "завтра", "первый", "второй", "третий", "первая", "вторая", "третья",
    "первое", "второе", "третье", "один", "одна", "два", "три", "первым", "вторым", "новый",
    "новая", "новое", "данным", "словам", "почему", "ранее", "более", "менее", "самого", "самой",
    "самом", "самый", "самая", "самое", "этого", "этой", "этом", "этому", "того", "той", "тому",
    "всего", "всей", "всему", "своего", "своей", "своем", "своём", "своему", "нашего", "нашей",
    "вашего", "вашей", "которого", "которой", "котором", "которому", "такого", "такой", "таком",
    "такому", "другого", "другой", "другом", "другому", "одного", "одной", "одном", "одному",
    "против", "вместо", "вокруг", "внутри", "напротив", "вдоль", "мимо", "перед",
    "благодаря", "согласно", "вопреки", "the", "first", "second", "third", "one", "two", "three", "new", NULL};
/* Words that make an unknown name a region: "Чувашской Республики". */
static const char *const region_words[] = {"республика", "область", "край", "округ", "район",
    "провинция", "штат", "графство", "уезд", "republic", "province", "region", "oblast", "krai",
    "district", "county", "prefecture", NULL};

/* Words after which a capitalized adjective names a place in a town:
 * "Манежной площади", "Кронштадтском бульваре". */
static const char *const street_words[] = {"площадь", "улица", "проспект", "бульвар", "переулок",
    "шоссе", "набережная", "мост", "парк", "square", "street", "avenue", "boulevard", NULL};

/* Names of happenings, not of the four entity types: never candidates. */
static const char *const event_words[] = {"conference", "summit", "week", "forum", "session",
    "games", "olympics", "cup", "war", "operation", "festival", "exhibition", "election",
    "elections", "meeting", "talks", "declaration", "agreement", "treaty", "day",
    "конференция", "саммит", "неделя", "форум", "сессия", "война", "операция", "выборы",
    "встреча", "переговоры", "декларация", "соглашение", "договор", "день", "tournament",
    "championship", "contest", "festival", "турнир", "чемпионат", "конкурс", "фестиваль",
    "олимпиада", NULL};
/* "г-н" and "г-жа" are two words each for the folding ("г" alone is a
 * year: 2020 г.): see title_before. */
static const char *const titles[] = {"mr", "mrs", "ms", "dr", "sir", "madam", "господин",
    "госпожа", NULL};
static const char *const org_words[] = {"ministry", "agency", "council", "committee", "party",
    "union", "bank", "company", "corporation", "group", "institute", "university", "organization",
    "organisation", "service", "court", "assembly", "parliament", "office", "fund", "foundation",
    "association", "front", "movement", "center", "centre", "commission", "department", "forces",
    "министерство", "агентство", "совет", "комитет", "партия", "союз", "банк", "компания",
    "группа", "институт", "университет", "организация", "служба", "суд", "ассамблея",
    "парламент", "фонд", "движение", "центр", "комиссия", "управление", "ведомство", "театр",
    "музей", "клуб", "журнал", "газета", "издательство", "холдинг", "концерн", "корпорация",
    "завод", "биржа", "академия", "школа", "больница", "канал", "радио", "телеканал", "theatre",
    "theater", "museum", "club", "magazine", "newspaper", "channel", "exchange", "academy",
    "school", "hospital", "airlines", "airways", "holding", "inc", "ltd", "corp",
    "сеть", "соцсеть", "сайт", "портал", "радиостанция", "издание", "еженедельник", "ежемесячник",
    "медиахолдинг", "медиакомпания", "фирма", "команда", "профсоюз", "федерация", "ассоциация",
    "лаборатория", "агентство", "телекомпания", "авиакомпания", "отделение", "филиал", "палата",
    "собрание", "архив", "электростанция", "полиция", "прокуратура", "инспекция", "дума",
    "госпиталь", "библиотека", "консерватория", "обсерватория", "редакция", "фракция", "бюро",
    "канцелярия", "президиум", "политбюро", "кафедра", "представительство", "правление",
    "секретариат", "департамент", "отдел", "фронт", NULL};
/* Organizations of a state named with it: "сборная России", "российской
 * сборной", "федерация бобслея" is not one (only a state right after). */
static const char *const national_words[] = {"сборная", "команда", "федерация", "академия", "банк",
    "парламент", "фонд", "армия", "полиция", "партия", "ассоциация", NULL};
/* Names of works and products, after which a name in guillemets is no
 * organization: "альбом «Дежавю»", "шаттл «Дискавери»". */
static const char *const work_words[] = {"фильм", "кинофильм", "сериал", "альбом", "песня", "сингл",
    "книга", "роман", "повесть", "спектакль", "опера", "балет", "мюзикл", "картина", "выставка",
    "фестиваль", "конкурс", "премия", "программа", "передача", "шоу", "операция", "корабль",
    "шаттл", "спутник", "ракета", "автомобиль", "модель", "самолет", "платформа", "марка", "игра",
    "статья", "закон", "указ", "доклад", "акция", "кампания", "турнир", "чемпионат", "модуль",
    "станция", "препарат", "проект", "рубрика", "сборник", "стихотворение", "поэма", "пьеса",
    "аркада", "девиз", "лозунг", "слоган", "адрес", "домен", "орден", "медаль", "награда",
    "номинация", "титул", "прозвище", "кинофестиваль", "теплоход", "авианосец", "метро", NULL};

/* Of those, the works whose title in Latin script is no maker's name
 * ("конкурс The BOBs", "игр FarmVille"), where "акции Microsoft",
 * "самолет Boeing" and "марки BMW" name the firm. */
static const char *const opus_words[] = {"фильм", "кинофильм", "сериал", "альбом", "песня", "сингл",
    "книга", "роман", "повесть", "спектакль", "опера", "балет", "мюзикл", "картина", "выставка",
    "фестиваль", "конкурс", "премия", "передача", "шоу", "игра", "турнир", "чемпионат", "рубрика",
    "сборник", "стихотворение", "поэма", "пьеса", "аркада", "девиз", "лозунг", "слоган", "адрес",
    "домен", "номинация", "титул", "прозвище", "кинофестиваль", NULL};

/* Products and spacecraft that news names without a cue word, as often
 * as the firms that make them: a lone one in Latin script or in
 * guillemets is no organization ("под Windows", "старт «Дискавери»",
 * "запуск «Союза»"). */
static const char *const product_words[] = {"windows", "linux", "android", "ios", "iphone", "ipad",
    "ipod", "macbook", "chrome", "firefox", "xbox", "playstation", "kindle", "photoshop", "союз",
    "прогресс", "дискавери", "атлантис", "индевор", "челленджер", "буран", "аполлон", NULL};

/* Organization nouns that name a part, an organ or an outlet of the
 * organization after them, not its kind: "на сайте ФИФА", "пресс-служба
 * МВД", "комитетом ООН". */
static const char *const part_words[] = {"сайт", "портал", "сеть", "соцсеть", "служба", "отделение",
    "филиал", "редакция", "управление", "канал", "комитет", "комиссия", "совет", "организация",
    "агентство", "департамент", "отдел", "институт", "фонд", "центр", "суд", "ассамблея", "бюро",
    "канцелярия", "президиум", "политбюро", "кафедра", "представительство", "правление",
    "секретариат", NULL};

/* Of those, the organs and branches that are organizations of their own
 * inside the one named after them: "Русской службе «Голоса Америки»",
 * "комиссии Европейского союза", "президентского совета ФИДЕ" are
 * mentions beside the organization's. */
static const char *const organ_words[] = {"служба", "отделение", "филиал", "редакция", "управление",
    "комитет", "комиссия", "совет", "департамент", "отдел", "институт", "ассамблея", "бюро",
    "канцелярия", "президиум", "политбюро", "кафедра", "представительство", "правление",
    "секретариат", NULL};

/* Organization nouns whose remit or cause may follow as part of the name:
 * "Комитета по иностранным делам", "Совета при Президенте РФ",
 * "Объединённого фронта за демократию", "комитетом ООН против пыток". */
static const char *const remit_words[] = {"комитет", "комиссия", "совет", "отдел", "бюро",
    "управление", "департамент", "служба", "группа", "сборная", "министерство", "центр",
    "институт", "фронт", "движение", "коалиция", "союз", "ассоциация", "агентство", "фонд",
    "завод", "инспекция", "палата", "федерация", "общество", "лига", NULL};

/* Of those, the nouns of movements, whose cause may follow: "фронта за
 * демократию", "комитетом ООН против пыток". */
static const char *const cause_words[] = {"фронт", "движение", "коалиция", "союз", "комитет",
    "партия", "ассоциация", "лига", NULL};

/* The first parts of places' names written with hyphens: "Сан-Маркос",
 * "Лос-Анджелес", "Нью-Джерси", "Усть-Кут", "Рио-Гранде". */
static const char *const toponym_words[] = {"сан", "санта", "санто", "сент", "сен", "лос", "лас",
    "нью", "эль", "порт", "форт", "бад", "усть", "рио", "понте", "монте", "вила", "сьюдад", NULL};

/* Quarters of a place, written with a capital before its name: "Северной
 * Африке", "Западном Иерусалиме", "East Jerusalem". */
static const char *const compass_words[] = {"северный", "южный", "западный", "восточный",
    "центральный", "северо-западный", "северо-восточный", "юго-западный", "юго-восточный",
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", NULL};

/* Where an organization publishes: "на сайте Facebook", "на сайте РТС"
 * name a known organization alone, whatever its script. */
static const char *const outlet_words[] = {"сайт", "портал", "страница", "блог", NULL};

/* A state has one of each of these bodies, so the word alone names one
 * organization, the body of the state the report is about: "правительство
 * одобрило проект", "в парламенте". Not the bodies a state has many of
 * (суд, министерство) nor the people of one (власти, чиновники). */
static const char *const seat_words[] = {"правительство", "парламент", "кабмин", "кабинет",
    "прокуратура", "сенат", NULL};

/* Acronyms of common nouns, written in capitals like names: codes of law
 * and laws ("УК РФ", "ФЗ"), exams, taxes, wages, rules, treaties,
 * messages, television, software, time zones, emergencies, championships
 * ("ЧМ"), devices and techniques (ИВЛ, ДНК, VPN, IT, ИИ). */
static const char *const common_acronyms[] = {"ук", "гк", "упк", "коап", "нк", "тк", "гпк", "апк",
    "егэ", "огэ", "ввп", "ндс", "дтп", "смс", "sms", "тв", "спо", "жкх", "вич", "спид", "орви",
    "utc", "gmt", "pr", "ос", "фз", "мрот", "по", "пдд", "снв", "ивл", "чм", "ндфл", "осаго",
    "днк", "чп", "чс", "vpn", "it", "ии", NULL};

/* Legal forms of Russian companies and bodies, written before the name:
 * "ОАО «Газпром»", "ООО «Алтек»", "ГУП «Водоканал»", "ИА Regnum". */
static const char *const legal_forms[] = {"оао", "ооо", "зао", "пао", "ао", "нко", "ано", "гуп",
    "фгуп", "муп", "фгбу", "гбу", "иа", NULL};

/* Hash of a word's matching key (key.h), so that "При" and "при", and
 * "театра" and "театр", are one. */
static uint64_t word_hash(const char *s, size_t n)
{
    char buf[FOLD_MAX_WORD + 8], key[KEY_MAX];
    size_t pos = 0;
    fold_word w;
    if (!fold_next(s, n, &pos, buf, &w))
        return 0;
    return match_key_hash(key, key_of(NULL, w.script, buf, w.n, key));
}

static const char *const glue_words[] = {"of", "the", "s", NULL};
static const char *const net_words[] = {"интернет", "internet", NULL};
static const char *const particles[] = {"of", "and", "und", "de", "du", "des", "la", "le", "the",
    "for", "al", "el", "bin", "ibn", "van", "von", "der", "den", "y", "da", "di", NULL};
static const char *const home_words[] = {"in", "from", "в", "во", "из", NULL};
static const char *const possessives[] = {"its", "their", "his", "her", "our", "свои", "своих",
    "своими", "своим", "свой", "своей", "свою", NULL};
/* not "former", "ex", "then": their holder is not today's */
static const char *const role_modifiers[] = {"first", "new", "acting", "interim", "senior", "top",
    "current", "outgoing", "первый", "новый", "исполняющий", NULL};

/* Which list gives which class (W_*): a word may be in several. */
static const struct {
    const char *const *words;
    unsigned cls;
} word_classes[] = {
    {glue_words, W_GLUE},       {locative, W_LOCATIVE},      {function_words, W_FUNCTION},
    {org_words, W_ORG},         {event_words, W_EVENT},      {titles, W_TITLE},
    {region_words, W_REGION},   {street_words, W_STREET},    {legal_forms, W_LEGAL},
    {net_words, W_NET},         {particles, W_PARTICLE},     {work_words, W_WORK},
    {national_words, W_NATIONAL}, {product_words, W_PRODUCT}, {part_words, W_PART}, {organ_words, W_ORGAN}, {remit_words, W_REMIT}, {cause_words, W_CAUSE}, {outlet_words, W_OUTLET}, {common_acronyms, W_COMMON}, {opus_words, W_OPUS}, {seat_words, W_SEAT}, {toponym_words, W_TOPONYM}, {compass_words, W_COMPASS},
    {home_words, W_HOME},       {possessives, W_POSSESSIVE}, {role_modifiers, W_MODIFIER},
};

static void wset_add(ent_ctx *c, const char *const *list, unsigned mask)
{
    size_t k, i;
    for (k = 0; list[k]; k++) {
        uint64_t h = word_hash(list[k], strlen(list[k]));
        for (i = h & (WSET_SLOTS - 1); c->words[i].hash && c->words[i].hash != h;
             i = (i + 1) & (WSET_SLOTS - 1))
            ;
        if (!c->words[i].hash && ++c->nwords > WSET_SLOTS / 2) {
            fprintf(stderr, "ent: more than %d listed words: raise WSET_SLOTS\n", WSET_SLOTS / 2);
            abort(); /* a build-time table overflowing: a programming error */
        }
        c->words[i].hash = h;
        c->words[i].mask |= mask;
    }
}

/* The W_* classes of a word, by the hash of its key (match_word.khash). */
static unsigned word_class_h(const ent_ctx *c, uint64_t h)
{
    size_t i;
    for (i = h & (WSET_SLOTS - 1); c->words[i].hash; i = (i + 1) & (WSET_SLOTS - 1))
        if (c->words[i].hash == h)
            return c->words[i].mask;
    return 0;
}

static int sn_share(ent_ctx *c, uint32_t key, size_t entry)
{
    if (c->nshared == c->sharedcap) {
        size_t cap = c->sharedcap ? 2 * c->sharedcap : 64;
        struct sn_pair *v = kr_realloc(c->sn_shared, cap * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        c->sn_shared = v;
        c->sharedcap = cap;
    }
    c->sn_shared[c->nshared].key = key;
    c->sn_shared[c->nshared++].entry = entry;
    return 0;
}

static int sn_put(ent_ctx *c, uint32_t key, size_t entry)
{
    size_t mask = c->sncap - 1, i;
    for (i = (key * 2654435761u) & mask; c->sn_key[i]; i = (i + 1) & mask)
        if (c->sn_key[i] == key) {
            if (c->sn_entry[i] == entry + 1)
                return 0;
            if (c->sn_entry[i] != SIZE_MAX) { /* a second person: both listed */
                if (sn_share(c, key, c->sn_entry[i] - 1))
                    return KR_ENOMEM;
                c->sn_entry[i] = SIZE_MAX;
            }
            return sn_share(c, key, entry);
        }
    c->sn_key[i] = key;
    c->sn_entry[i] = entry + 1;
    return 0;
}

static int sn_pair_cmp(const void *a, const void *b)
{
    const struct sn_pair *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static const lex_role *role_at(const lex_db *lex, const lex_entry *e, int32_t day);

/* Of the persons sharing the surname `key`, the one who holds a post on
 * `day` when exactly one does (Bill Clinton in 1995, not Hillary), or -1. */
static long sn_namesake(const ent_ctx *c, uint32_t key, int32_t day)
{
    size_t lo = 0, hi = c->nshared;
    long found = -1;
    if (!day)
        return -1;
    while (lo < hi) { /* the first pair of the key */
        size_t mid = (lo + hi) / 2;
        if (c->sn_shared[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < c->nshared && c->sn_shared[lo].key == key; lo++) {
        size_t e = c->sn_shared[lo].entry;
        if ((long)e == found || !role_at(c->lex, lex_entry_at(c->lex, e), day))
            continue;
        if (found >= 0)
            return -1;
        found = (long)e;
    }
    return found;
}

/* Person entry whose surname has this key: the only one with it, or the
 * only one of its namesakes in post on `day`; -1 when none. */
static long sn_get(const ent_ctx *c, uint32_t key, int32_t day)
{
    size_t mask = c->sncap - 1, i;
    for (i = (key * 2654435761u) & mask; c->sn_key[i]; i = (i + 1) & mask)
        if (c->sn_key[i] == key)
            return c->sn_entry[i] == SIZE_MAX ? sn_namesake(c, key, day)
                                              : (long)(c->sn_entry[i] - 1);
    return -1;
}

typedef struct role_ref {
    const char *country;
    size_t r;
} role_ref;

static int role_ref_cmp(const void *a, const void *b)
{
    const role_ref *x = a, *y = b;
    int d = strcmp(x->country, y->country);
    return d ? d : x->r < y->r ? -1 : x->r > y->r;
}

/* Sorts each agent's roles by country (then lexicon order), so that the
 * roles of one post in one country are a range found by binary search. */
static int sort_roles_by_country(ent_ctx *c, size_t ne)
{
    const lex_role *roles = lex_roles(c->lex);
    size_t a, k, most = 0;
    role_ref *v;
    for (a = 0; a < ne; a++)
        if (c->agent_first[a + 1] - c->agent_first[a] > most)
            most = c->agent_first[a + 1] - c->agent_first[a];
    if (most < 2)
        return 0;
    if (!(v = kr_malloc(most * sizeof *v)))
        return KR_ENOMEM;
    for (a = 0; a < ne; a++) {
        size_t first = c->agent_first[a], n = c->agent_first[a + 1] - first;
        for (k = 0; k < n; k++) {
            v[k].r = c->by_agent[first + k];
            v[k].country = roles[v[k].r].country;
        }
        qsort(v, n, sizeof *v, role_ref_cmp);
        for (k = 0; k < n; k++)
            c->by_agent[first + k] = v[k].r;
    }
    kr_free(v);
    return 0;
}

/* Roles by agent and country, so that finding who held a post is a short
 * scan: by_agent[agent_first[a] .. agent_first[a + 1]) are the roles of
 * agent entry a, by country, role_owner[r] the person holding role r. Only
 * the roles of the entries are indexed (lex.c drops those of faulty
 * entries), and an agent out of range is skipped rather than trusted. */
static int index_roles(ent_ctx *c)
{
    const lex_db *lex = c->lex;
    const lex_role *roles = lex_roles(lex);
    size_t ne = lex_count(lex), nr = 0, rmax = 0, e, r;
    for (e = 0; e < ne; e++) {
        const lex_entry *en = lex_entry_at(lex, e);
        nr += en->nroles;
        if (en->nroles && en->role_first + en->nroles > rmax)
            rmax = en->role_first + en->nroles;
    }
    c->by_agent = kr_calloc(nr + 1, sizeof *c->by_agent);
    c->role_owner = kr_calloc(rmax + 1, sizeof *c->role_owner);
    c->agent_first = kr_calloc(ne + 2, sizeof *c->agent_first);
    if (!c->by_agent || !c->role_owner || !c->agent_first)
        return KR_ENOMEM;
    for (e = 0; e < ne; e++) {
        const lex_entry *en = lex_entry_at(lex, e);
        for (r = en->role_first; r < en->role_first + en->nroles; r++)
            if (roles[r].agent < ne) {
                c->role_owner[r] = e;
                c->agent_first[roles[r].agent + 2]++;
            }
    }
    for (e = 2; e < ne + 2; e++)
        c->agent_first[e] += c->agent_first[e - 1];
    for (e = 0; e < ne; e++) {
        const lex_entry *en = lex_entry_at(lex, e);
        for (r = en->role_first; r < en->role_first + en->nroles; r++)
            if (roles[r].agent < ne)
                c->by_agent[c->agent_first[roles[r].agent + 1]++] = r;
    }
    return sort_roles_by_country(c, ne);
}

static void given_put(ent_ctx *c, uint64_t h)
{
    size_t mask = c->givencap - 1, i;
    for (i = h & mask; c->given[i] && c->given[i] != h; i = (i + 1) & mask)
        ;
    c->given[i] = h;
}

/* Given names, by the hash of their key: both key_of's (a text word's
 * khash: Дмитрия -> дмитр) and key_lex's (Ильхама -> ильхам, where key_of
 * cuts Ильхам to ильх), so that every form of the name is found. */
static int index_given(ent_ctx *c, const lex_name *names, size_t nn)
{
    size_t k, count = 0;
    for (k = 0; k < nn; k++)
        if (lex_entry_at(c->lex, names[k].entry)->type == LEX_GIVEN)
            count++;
    c->givencap = 64;
    while (c->givencap < count * 4 + 1)
        c->givencap *= 2;
    if (!(c->given = kr_calloc(c->givencap, sizeof *c->given)))
        return KR_ENOMEM;
    for (k = 0; k < nn; k++) {
        const lex_name *nm = &names[k];
        char buf[FOLD_MAX_WORD + 8], key[KEY_MAX];
        size_t pos = 0;
        fold_word w;
        if (lex_entry_at(c->lex, nm->entry)->type != LEX_GIVEN ||
            !fold_next(nm->text.p, nm->text.n, &pos, buf, &w))
            continue;
        given_put(c, match_key_hash(key, key_of(c->sc, w.script, buf, w.n, key)));
        given_put(c, match_key_hash(key, key_lex(c->sc, w.script, buf, w.n, key)));
    }
    return 0;
}

int ent_new(const lex_db *lex, const match_db *m, ent_ctx **out)
{
    ent_ctx *c = kr_calloc(1, sizeof *c);
    const lex_name *names;
    size_t nn, k;
    if (!c)
        return KR_ENOMEM;
    c->lex = lex;
    c->m = m;
    c->counterpart = lex_find(lex, "counterpart");
    for (k = 0; k < sizeof word_classes / sizeof word_classes[0]; k++)
        wset_add(c, word_classes[k].words, word_classes[k].cls);
    names = lex_names(lex, &nn);
    c->sncap = 1024;
    while (c->sncap < nn * 2)
        c->sncap *= 2;
    c->sc = stem_new();
    c->memo = match_memo_new();
    c->sn_key = kr_calloc(c->sncap, sizeof *c->sn_key);
    c->sn_entry = kr_calloc(c->sncap, sizeof *c->sn_entry);
    if (!c->sc || !c->memo || !c->sn_key || !c->sn_entry || index_roles(c) || index_given(c, names, nn)) {
        ent_free(c);
        return KR_ENOMEM;
    }
    /* Surnames: the last word of every person name of two or more words. */
    for (k = 0; k < nn; k++) {
        const lex_name *nm = &names[k];
        char buf[FOLD_MAX_WORD + 8];
        size_t pos = 0, words = 0;
        kr_span last = {0, 0};
        fold_word w;
        if (lex_entry_at(lex, nm->entry)->type != LEX_PER || nm->adj)
            continue;
        while (fold_next(nm->text.p, nm->text.n, &pos, buf, &w)) {
            last = w.span;
            words++;
        }
        if (words >= 2 && last.end - last.start >= 3) {
            uint32_t key = match_key_id(m, c->sc, nm->text.p + last.start, last.end - last.start);
            if (key && sn_put(c, key, nm->entry)) {
                ent_free(c);
                return KR_ENOMEM;
            }
        }
    }
    if (c->nshared)
        qsort(c->sn_shared, c->nshared, sizeof *c->sn_shared, sn_pair_cmp);
    *out = c;
    return 0;
}

/* A word (by the hash of its key) is a common given name. */
static int is_given(const ent_ctx *c, uint64_t h)
{
    size_t mask = c->givencap - 1, i;
    for (i = h & mask; c->given[i]; i = (i + 1) & mask)
        if (c->given[i] == h)
            return 1;
    return 0;
}

void ent_free(ent_ctx *c)
{
    if (!c)
        return;
    kr_free(c->by_agent);
    kr_free(c->agent_first);
    kr_free(c->role_owner);
    stem_free(c->sc);
    wmemo_free(c->memo);
    kr_free(c->sn_key);
    kr_free(c->sn_entry);
    kr_free(c->sn_shared);
    kr_free(c->given);
    kr_free(c);
}

/* --- roles and codes ------------------------------------------------------ */

static int32_t ymd(kr_date d)
{
    return d.y ? d.y * 10000 + d.m * 100 + d.d : 0;
}

/* Of two roles, the one to take: on a known day the one begun last (on a
 * handover day the new holder's); on an unknown day an open role or the
 * one ended last, then the one begun last. */
static int later_role(const lex_role *a, const lex_role *b, int32_t day)
{
    if (!day && a->to != b->to)
        return a->to > b->to;
    return a->from > b->from;
}

/* The role entry `e` held on `day` (0: unknown date, take a current role,
 * else the latest); NULL when none. */
static const lex_role *role_at(const lex_db *lex, const lex_entry *e, int32_t day)
{
    const lex_role *roles = lex_roles(lex), *best = NULL;
    size_t r;
    for (r = e->role_first; r < e->role_first + e->nroles; r++) {
        const lex_role *ro = &roles[r];
        if (day && !(ro->from <= day && day <= ro->to))
            continue;
        if (!best || later_role(ro, best, day))
            best = ro;
    }
    return best;
}

/* The role of `agent` for `country` held on `day` (0: unknown, held now). */
static int holds(const lex_role *ro, const char *country, int32_t day)
{
    return strcmp(ro->country, country) == 0 &&
           (day ? (ro->from <= day && day <= ro->to) : ro->to == 99991231);
}

/* The one person who held `agent` for `country` on `day` (0: unknown, the
 * holder now), or -1 when none or several hold it at once (deputies). On
 * a handover day, when one role ends and another begins, the new holder. */
static long holder(const ent_ctx *c, size_t agent, const char *country, int32_t day)
{
    const lex_role *roles = lex_roles(c->lex), *best = NULL;
    size_t i, lo = c->agent_first[agent], hi = c->agent_first[agent + 1], end;
    long found = -1;
    while (lo < hi) { /* the first of the agent's roles in `country` */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(roles[c->by_agent[mid]].country, country) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (end = lo; end < c->agent_first[agent + 1] &&
                   strcmp(roles[c->by_agent[end]].country, country) == 0; end++)
        ;
    for (i = lo; i < end; i++) {
        const lex_role *ro = &roles[c->by_agent[i]];
        if (holds(ro, country, day) && (!best || ro->from > best->from)) {
            best = ro;
            found = (long)c->role_owner[c->by_agent[i]];
        }
    }
    for (i = lo; found >= 0 && i < end; i++) {
        const lex_role *ro = &roles[c->by_agent[i]];
        long who = (long)c->role_owner[c->by_agent[i]];
        if (who != found && holds(ro, country, day) && !(day && ro->to == day && ro->from < best->from))
            return -1;
    }
    return found;
}

/* "RUS" + "GOV": a state's code joined with a sector, in the arena. */
static const char *join_code(kr_arena *a, const char *state, const char *sector)
{
    char buf[32];
    if (!state)
        return NULL;
    snprintf(buf, sizeof buf, "%s%s", state, sector ? sector : "");
    return arena_strndup(a, buf, strlen(buf));
}

/* The code of a lexicon entry on `day`: persons take their role's country
 * and the role word's sector; others their own code, or their country. */
static const char *code_of(const lex_db *lex, const lex_entry *e, int32_t day, kr_arena *a)
{
    if (e->type == LEX_PER) {
        const lex_role *ro = role_at(lex, e, day);
        if (ro) {
            const lex_entry *ag = lex_entry_at(lex, ro->agent);
            long org = lex_find(lex, ro->country);
            const char *base = ro->country;
            if (org >= 0 && lex_entry_at(lex, org)->code)
                base = lex_entry_at(lex, org)->code;
            if (org >= 0 && lex_entry_at(lex, org)->type == LEX_ORG)
                return base; /* an international post: the organization's code */
            return join_code(a, base, ag->sector);
        }
        return e->country;
    }
    if (e->code)
        return e->code;
    return e->country;
}

/* The state a GPE/LOC/ORG entry stands for as a role word's country. */
static const char *country_of(const lex_db *lex, const lex_entry *e)
{
    if (e->type == LEX_GPE && e->code && strlen(e->code) == 3)
        return e->id;
    if (e->metonym) {
        long s = lex_list_item(lex, e->metonym, 0);
        if (s >= 0)
            return lex_entry_at(lex, s)->id;
    }
    return e->country;
}

/* --- text helpers ---------------------------------------------------------- */


/* The word is the first of its sentence: only spaces back to ". ", "!",
 * "?", a line break or the start. */
static int sentence_start(const char *t, size_t at, size_t from)
{
    size_t i = at;
    while (i > from) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'')
            i--;
        else if (i >= from + 2 && memcmp(t + i - 2, "\xC2\xAB", 2) == 0)
            i -= 2; /* « */
        else
            return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
    }
    return 1;
}


/* --- resolution ------------------------------------------------------------ */

typedef struct out_list {
    ent_mention *v;
    size_t n, cap;
    kr_arena *a;
} out_list;

static ent_mention *emit(out_list *o)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        ent_mention *nv = arena_alloc(o->a, cap * sizeof *nv);
        if (!nv)
            return NULL;
        if (o->n)
            memcpy(nv, o->v, o->n * sizeof *nv);
        o->v = nv;
        o->cap = cap;
    }
    memset(&o->v[o->n], 0, sizeof o->v[0]);
    o->v[o->n].entry = -1;
    o->v[o->n].agent = -1;
    return &o->v[o->n++];
}

static ent_mention *emit_entry(out_list *o, const lex_db *lex, size_t entry, kr_span span,
                               ent_kind kind, int32_t day)
{
    const lex_entry *e = lex_entry_at(lex, entry);
    ent_mention *mt = emit(o);
    if (!mt)
        return NULL;
    mt->span = span;
    mt->id = e->id;
    mt->type = type_name(e->type);
    mt->name = e->name;
    mt->country = e->type == LEX_GPE && e->code && strlen(e->code) == 3 ? e->id : e->country;
    mt->code = code_of(lex, e, day, o->a);
    mt->kind = kind;
    mt->agency = e->agency;
    mt->entry = (long)entry;
    return mt;
}

/* Words between two units that a role phrase may skip: "of", "the", "'s",
 * and modifiers of the role word ("Dagolath's first Deputy Prime
 * Minister", "Armenia's new ambassador"). */
static int skippable(const ent_ctx *c, const char *t, const match_word *w)
{
    return (word_class_h(c, w->khash) & (W_GLUE | W_MODIFIER)) != 0;
}

/* Only spaces, apostrophes and hyphens between two offsets: no line break
 * or punctuation separates the parts of one role phrase. */
static int tight(const char *t, size_t from, size_t to)
{
    size_t i;
    for (i = from; i < to; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ' || c == '\'' || c == '-')
            continue;
        if (i + 2 < to + 1 && memcmp(t + i, "\xE2\x80\x99", 3) == 0) { /* ’ */
            i += 2;
            continue;
        }
        if (i + 1 < to + 1 && memcmp(t + i, "\xC2\xA0", 2) == 0) {
            i++;
            continue;
        }
        return 0;
    }
    return 1;
}

/* The unit just before/after units[k] in the same phrase (at most two glue
 * words between), or NULL. */
static unit *neighbour(const ent_ctx *c, unit *units, size_t nu, size_t k, int dir,
                       const match_word *words, const char *t)
{
    const unit *a, *b;
    size_t gap = 0, w;
    if (dir < 0 ? k == 0 : k + 1 >= nu)
        return NULL;
    a = dir < 0 ? &units[k - 1] : &units[k];
    b = dir < 0 ? &units[k] : &units[k + 1];
    for (w = a->first + a->nwords; w < b->first; w++)
        if (!skippable(c, t, &words[w]) || ++gap > 2)
            return NULL;
    if (!tight(t, a->span.end, b->span.start)) {
        /* glue words in between: each gap must be tight */
        size_t at = a->span.end;
        for (w = a->first + a->nwords; w < b->first; w++) {
            if (!tight(t, at, words[w].span.start))
                return NULL;
            at = words[w].span.end;
        }
        if (!tight(t, at, b->span.start))
            return NULL;
    }
    return &units[dir < 0 ? k - 1 : k + 1];
}

/* A role word after an organization ("Russian Foreign Ministry
 * spokeswoman") names the organization's own post when the lexicon has an
 * agent named after both: rus-foreign-ministry + spokesperson ->
 * foreign-ministry-spokesperson. */
static long specific_agent(const lex_db *lex, const lex_entry *org, size_t agent)
{
    char id[160];
    const char *rest = org->id;
    long a;
    if (strlen(rest) > 4 && rest[3] == '-')
        rest += 4; /* a country prefix: "rus-" */
    snprintf(id, sizeof id, "%s-%s", rest, lex_entry_at(lex, agent)->id);
    a = lex_find(lex, id);
    return a >= 0 && lex_entry_at(lex, (size_t)a)->type == LEX_AGENT ? a : -1;
}

/* ASCII slug of a candidate from its words' keys (Cyrillic transliterated). */
/* The stable id of an unknown name: its words in ASCII, joined by '-'.
 * Cyrillic words lose their case ending first (key.h) and are then
 * transliterated, so "Ивана Сидоренко" and "Иван Сидоренко" are one id;
 * every word is reduced to its name skeleton (y -> i, doubled letters
 * once), so spelling variants meet too. */
static const char *slug(kr_arena *a, const char *t, const match_word *w, size_t nw, stem_cache *sc)
{
    static const char *const cyr[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l",
        "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
        "e", "yu", "ya"};
    char out[256];
    size_t o = 0, k;
    for (k = 0; k < nw && o < sizeof out - 16; k++) {
        char buf[FOLD_MAX_WORD + 8], key[KEY_MAX];
        size_t pos = 0, i = 0, kn, start;
        fold_word f;
        if (!fold_next(t + w[k].span.start, w[k].span.end - w[k].span.start, &pos, buf, &f))
            continue;
        kn = f.script == FOLD_CYRILLIC ? key_of(sc, f.script, buf, f.n, key) : f.n;
        if (f.script != FOLD_CYRILLIC)
            memcpy(key, buf, f.n);
        if (o)
            out[o++] = '-';
        start = o;
        while (i < kn && o < sizeof out - 8) {
            int32_t cp = utf8_next(key, kn, &i);
            const char *r = NULL;
            char one[2] = {0, 0};
            if (cp >= 0x430 && cp <= 0x44F)
                r = cyr[cp - 0x430];
            else if (cp == 0x456 || cp == 0x457)
                r = "i";
            else if (cp >= '0' && cp <= 'z' && (kr_isalpha(cp) || kr_isdigit(cp)))
                one[0] = (char)cp, r = one;
            for (; r && *r; r++) {
                char ch = *r == 'y' ? 'i' : *r;
                if (o > start && out[o - 1] == ch && kr_isalpha((unsigned char)ch))
                    continue; /* doubled letters once */
                out[o++] = ch;
            }
        }
        if (o == start && o)
            o--; /* nothing of this word: no dangling '-' */
    }
    if (!o)
        return NULL;
    return arena_strndup(a, out, o);
}

static int cmp_mention(const void *a, const void *b)
{
    const ent_mention *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    if (x->span.end != y->span.end)
        return x->span.end > y->span.end ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

/* Endings of Russian, Armenian, Georgian and Ukrainian surnames, on the
 * folded word: a lone capitalized word with one is taken for a person. */
static int surname_shape(const char *t, kr_span s)
{
    static const char *const ends[] = {"ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына", "ский",
        "цкий", "ская", "цкая", "ян", "янц", "швили", "дзе", "енко", "ук", "юк", "ич", "ович",
        "евич", "ова", "ову", "овым", "ева", "еву", "евым", "ина", "ину", "иным", "яна", "яну", NULL};
    char buf[FOLD_MAX_WORD + 8];
    size_t pos = 0, k;
    fold_word f;
    if (!fold_next(t + s.start, s.end - s.start, &pos, buf, &f) || f.script != FOLD_CYRILLIC ||
        f.n < 10)
        return 0;
    for (k = 0; ends[k]; k++) {
        size_t el = strlen(ends[k]);
        if (f.n > el && memcmp(buf + f.n - el, ends[k], el) == 0)
            return 1;
    }
    return 0;
}

/* A hyphen and a digit right after `end`: the word before is part of a
 * code with a number ("COVID-19", "STS-124", "ЗАЗ-1103"), a model or a
 * flight, no name. */
static int numbered(const char *t, size_t n, size_t end)
{
    return end + 1 < n && t[end] == '-' && kr_isdigit((unsigned char)t[end + 1]);
}

/* An initial at s, right before the word at `next`: "Н." of "Н. Кранова". */
static int initial_at(const char *t, kr_span s, size_t next)
{
    return s.end - s.start == 2 && t[s.end] == '.' && (next == s.end + 1 || next == s.end + 2);
}

/* A word right after «. */
static int opens_quote(const char *t, size_t at)
{
    return at >= 2 && memcmp(t + at - 2, "\xC2\xAB", 2) == 0;
}

/* A Roman numeral (XXI, IV). */
static int roman(const char *t, kr_span s)
{
    size_t i;
    for (i = s.start; i < s.end; i++)
        if (!memchr("IVXLCDM", t[i], 7))
            return 0;
    return s.end > s.start;
}

/* Only a space and maybe an opening quote between two offsets. */
static int quote_gap(const char *t, size_t from, size_t to)
{
    size_t i = from;
    if (i < to && t[i] == ' ')
        i++;
    if (i + 2 <= to && memcmp(t + i, "\xC2\xAB", 2) == 0) /* « */
        i += 2;
    else if (i < to && t[i] == '"')
        i++;
    return i == to && to > from;
}

/* Inside guillemets: «Газпром», «Сколково». */
static int quoted(const char *t, size_t n, kr_span s)
{
    return s.start >= 2 && memcmp(t + s.start - 2, "\xC2\xAB", 2) == 0 && s.end + 2 <= n &&
           memcmp(t + s.end, "\xC2\xBB", 2) == 0;
}

#define MAX_CAND_PER 64 /* candidate persons whose surnames are remembered */
#define IN_CANDIDATE 2  /* covered[w]: the word belongs to an unknown name, so
                           it is no organization noun of the next name */

/* An ending of an inflected word and its length in bytes. */
typedef struct ending {
    const char *s;
    size_t n;
} ending;
#define END(x) {x, sizeof x - 1}

/* The word t[s) ends with one of `ends` (lower-case Cyrillic, as the
 * endings of inflected words are written; the list ends with {NULL, 0})
 * and has `min` bytes or more. Raw bytes, no folding: this runs on many
 * words. */
static int ends_with(const char *t, kr_span s, size_t min, const ending *ends)
{
    size_t n = s.end - s.start, k;
    if (n < min || (unsigned char)t[s.start] < 0xD0)
        return 0;
    for (k = 0; ends[k].s; k++)
        if (n > ends[k].n && t[s.end - 1] == ends[k].s[ends[k].n - 1] &&
            memcmp(t + s.end - ends[k].n, ends[k].s, ends[k].n) == 0)
            return 1;
    return 0;
}

/* A Russian adjective by its ending (four letters or more):
 * "ежемесячной", "немецкий", "автомобильного". */
static int adjective_shape(const char *t, kr_span s)
{
    static const ending ends[] = {END("ый"), END("ий"), END("ой"), END("ая"), END("яя"), END("ое"),
        END("ее"), END("ого"), END("его"), END("ому"), END("ему"), END("ую"), END("юю"), END("ых"),
        END("их"), END("ым"), END("им"), END("ыми"), END("ими"), END("ые"), END("ском"), END("ном"),
        {NULL, 0}};
    return ends_with(t, s, 8, ends);
}

/* A past active participle ("возглавлявший", "создавшей"): it says what
 * someone did, no part of an organization's description, where a present
 * one may be ("развивающего центра"). */
static int participle(const char *t, kr_span s)
{
    static const ending ends[] = {END("вший"), END("вшая"), END("вшее"), END("вшего"), END("вшей"),
        END("вшие"), END("вших"), END("вшим"), END("вшему"), END("вшую"), {NULL, 0}};
    return ends_with(t, s, 8, ends);
}

/* A word that may stand inside an organization's name before the state:
 * lower case, and no verb by its ending ("сообщило", "заявил"). */
static int name_inner(const ent_ctx *c, const char *t, const match_word *w)
{
    static const ending verb[] = {END("ил"), END("ал"), END("ял"), END("ул"), END("ла"), END("ло"),
        END("ет"), END("ит"), END("ут"), END("ют"), END("ат"), END("ят"), END("ть"), END("ся"),
        END("сь"), {NULL, 0}}; /* not "дел" */
    return !w->cap && !(word_class_h(c, w->khash) & (W_FUNCTION | W_LOCATIVE)) &&
           w->script == FOLD_CYRILLIC && w->span.end - w->span.start >= 6 && !ends_with(t, w->span, 6, verb);
}

/* A compound name of a state body: "Рос", "Гос", "Мос" or "Мин" and a
 * consonant, eight letters or more, no adjective or surname ending:
 * Росприроднадзор, Госкомстат, Мосгордума, Минкомсвязь. */
static int gov_compound(const char *t, kr_span s)
{
    static const char *const heads[] = {"Рос", "Гос", "Мос", "Мин", NULL};
    static const char vowels[] = "аеёиоуыэюяь";
    size_t k;
    if (s.end - s.start < 16)
        return 0;
    for (k = 0; heads[k]; k++)
        if (memcmp(t + s.start, heads[k], 6) == 0) {
            const char *c4 = t + s.start + 6;
            size_t v;
            if ((unsigned char)c4[0] < 0xD0)
                return 0;
            for (v = 0; v + 1 < sizeof vowels; v += 2)
                if (memcmp(c4, vowels + v, 2) == 0)
                    return 0;
            return !adjective_shape(t, s) && !surname_shape(t, s);
        }
    return 0;
}

/* Capitalized words w..end that are all Russian adjectives, right before
 * the lower-case noun they qualify ("Великой Отечественной войны"): no
 * person's name, which a given name would start ("Лев Толстой"). */
static int adjective_run(const ent_ctx *c, const char *t, const match_word *mw, size_t nwords,
                         const unsigned char *covered, size_t w, size_t end)
{
    size_t k;
    if (end + 1 >= nwords || covered[end + 1] || mw[end + 1].cap || mw[end + 1].joined != 1 ||
        is_given(c, mw[w].khash))
        return 0;
    for (k = w; k <= end; k++)
        if (!(mw[k].script & FOLD_CYRILLIC) || !adjective_shape(t, mw[k].span))
            return 0;
    return 1;
}

/* Words w..end written as one word with hyphens ("Лос-Анджелесе",
 * "Санта-Крус"). */
static int hyphen_run(const char *t, const match_word *mw, size_t w, size_t end)
{
    size_t k;
    for (k = w + 1; k <= end; k++)
        if (mw[k].span.start != mw[k - 1].span.end + 1 || t[mw[k - 1].span.end] != '-')
            return 0;
    return 1;
}

/* The word before words[w] makes the name after it an organization's: an
 * organization noun ("компании «Яндекс»", "Корпорация Philips" at the
 * start of a sentence, where any word has a capital) or a legal form in
 * capitals ("ОАО «Газпром»"), with only a space and maybe an opening
 * quote between. A capitalized organization noun inside a sentence is a
 * name of its own ("Совет Федерации"). */
static int org_noun_before(const ent_ctx *c, const char *t, const match_word *mw,
                           const unsigned char *covered, size_t w, size_t from)
{
    const match_word *p;
    unsigned cl;
    if (w == 0 || !quote_gap(t, mw[w - 1].span.end, mw[w].span.start))
        return 0;
    p = &mw[w - 1];
    cl = word_class_h(c, p->khash);
    if (cl & W_LEGAL)
        return fold_all_upper(t + p->span.start, p->span.end - p->span.start);
    return (cl & W_ORG) && covered[w - 1] != IN_CANDIDATE &&
           (!p->cap || sentence_start(t, p->span.start, from));
}

/* A title before word w: Mr, господин, or г-н / г-жа (the hyphen cuts
 * those in two words). */
static int title_before(const ent_ctx *c, const char *t, const match_word *mw, size_t w)
{
    static const char *const split[] = {"г-н", "Г-н", "г-жа", "Г-жа", NULL};
    size_t k, len;
    if (w > 0 && (word_class_h(c, mw[w - 1].khash) & W_TITLE))
        return 1;
    if (w < 2)
        return 0;
    len = mw[w - 1].span.end - mw[w - 2].span.start;
    for (k = 0; split[k]; k++)
        if (len == strlen(split[k]) && memcmp(t + mw[w - 2].span.start, split[k], len) == 0)
            return 1;
    return 0;
}

/* "А. Кудрин", "В.В. Путин": initials before a person's name belong to
 * it. Returns the start of the first initial, or `at`. */
static size_t initials_before(const char *t, size_t from, size_t at)
{
    size_t s = at, k;
    for (k = 0; k < 2; k++) {
        size_t i = s, cp_start;
        if (i > from && t[i - 1] == ' ')
            i--;
        if (i < from + 2 || t[i - 1] != '.')
            break;
        i--;
        /* one capital letter (Cyrillic: two bytes) before the point */
        if (i >= from + 2 && (unsigned char)t[i - 2] == 0xD0 && (unsigned char)t[i - 1] >= 0x90 &&
            (unsigned char)t[i - 1] <= 0xAF)
            cp_start = i - 2;
        else if (i >= from + 1 && t[i - 1] >= 'A' && t[i - 1] <= 'Z')
            cp_start = i - 1;
        else
            break;
        if (cp_start > from && t[cp_start - 1] != ' ' && t[cp_start - 1] != '.' && t[cp_start - 1] != '\n' &&
            t[cp_start - 1] != '(')
            break;
        s = cp_start;
    }
    return s;
}

/* An id for an unknown name that no lexicon entry has: a slug that is
 * also a lexicon id (Газпрома, missed by the matcher, slugs to gazprom)
 * gets a '~', which lexicon ids never hold. */
static const char *candidate_id(const ent_ctx *c, kr_arena *a, const char *t, const match_word *w,
                                size_t nw)
{
    const char *id = slug(a, t, w, nw, c->sc);
    char *marked;
    size_t n;
    if (!id || lex_find(c->lex, id) < 0)
        return id;
    n = strlen(id);
    if (!(marked = arena_alloc(a, n + 2)))
        return NULL;
    memcpy(marked, id, n);
    marked[n] = '~';
    marked[n + 1] = '\0';
    return marked;
}

/* Marks the words where a role or group mention ends (role_end[w] = 1):
 * an unknown name right after one is its holder ("министр Иванов"). */
static void mark_role_ends(const match_result *mr, const out_list *o, unsigned char *role_end)
{
    size_t k;
    memset(role_end, 0, mr->nwords + 1);
    for (k = 0; k < o->n; k++) {
        size_t lo = 0, hi = mr->nwords;
        if (o->v[k].agent < 0 || !o->v[k].kind)
            continue;
        while (lo < hi) { /* the first word ending at or after the mention's end */
            size_t mid = (lo + hi) / 2;
            if (mr->words[mid].span.end < o->v[k].span.end)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < mr->nwords && mr->words[lo].span.end == o->v[k].span.end)
            role_end[lo] = 1;
    }
}

/* A top-level domain of the sites news reports name. */
static int top_domain(const char *t, kr_span sp)
{
    static const char *const tlds[] = {"ru", "com", "net", "org", "ua", "az", "am", "ge", "by",
                                       "kz", "uz", "info", "io", "tv", "fm", "su", "рф", "ру", NULL};
    size_t k, n = sp.end - sp.start;
    for (k = 0; tlds[k]; k++)
        if (strlen(tlds[k]) == n && (memcmp(t + sp.start, tlds[k], n) == 0 ||
                                     (n == 2 && (t[sp.start] | 0x20) == tlds[k][0] && t[sp.start + 1] == tlds[k][1])))
            return 1; /* "Gzt.Ru" */
    return 0;
}

static size_t nw_of(size_t w, size_t end)
{
    return end - w + 1;
}

/* words[w..end] are all in Latin script */
static int latin_run(const match_word *mw, size_t w, size_t end)
{
    for (; w <= end; w++)
        if (mw[w].script != FOLD_LATIN)
            return 0;
    return 1;
}

/* The type of the mention a name in parentheses glosses: "Джоэл Саймон
 * (Joel Simon)", "Промышленный и коммерческий банк Китая (Industrial and
 * Commercial Bank of China)"; "" when it glosses a Cyrillic name no
 * mention ends with ("Сами аль-Хадж (Sami al-Haj)", "«Шкода Октавия»
 * (Skoda Octavia)"): a name of two words or more not taken for an entity
 * (a person's, a product's) is none in Latin script either, where a lone
 * word is most often a brand; NULL when it is no gloss. Word w starts the
 * name in parentheses. */
static const char *glossed_type(const out_list *o, const char *t, size_t n, kr_span s,
                                const match_word *mw, size_t w)
{
    size_t k, at;
    if (s.start < 2 || t[s.start - 1] != '(' || s.end >= n || t[s.end] != ')')
        return NULL;
    at = s.start - 1;
    if (t[at - 1] == ' ')
        at--;
    for (k = o->n; k-- > 0;)
        if (o->v[k].kind && o->v[k].span.end == at && o->v[k].kind != ENT_ADJ)
            return o->v[k].type;
    if (w > 0 && mw[w - 1].script == FOLD_CYRILLIC && s.end > mw[w].span.end &&
        ((mw[w - 1].cap && mw[w - 1].span.end == at) ||
         (at >= 2 && memcmp(t + at - 2, "\xC2\xBB", 2) == 0 && mw[w - 1].span.end == at - 2)))
        return "";
    return NULL;
}

/* After a capitalized word words[w], up to two lower-case adjectives and
 * an organization noun make it an organization's name: "Конституционного
 * суда", "Нью-йоркская фондовая биржа", "Хмельницкой атомной
 * электростанции". Returns the noun's word, or w when there is none. At
 * the start of a sentence the capitalized word must be an adjective. */
static size_t org_phrase_end(const ent_ctx *c, const char *t, const match_word *mw, size_t nwords,
                             const unsigned char *covered, size_t w, int initial)
{
    static const ending plural[] = {END("ые"), END("ие"), END("ых"), END("их"), END("ыми"), END("ими"),
        {NULL, 0}};
    size_t j, adj = 0;
    /* at a sentence's start a capital says nothing: "Остальные фракции",
     * a plural, is no name */
    if (initial && (!adjective_shape(t, mw[w].span) || ends_with(t, mw[w].span, 8, plural)))
        return w;
    for (j = w + 1; j < nwords && mw[j].joined == 1 && !mw[j].cap &&
                    (!covered[j] || (covered[j] == 1 && j == w + 1 && adjective_shape(t, mw[w].span)));
         j++) {
        /* "Басманный суд": a body of the lexicon right after the name */
        if (word_class_h(c, mw[j].khash) & W_ORG)
            return j;
        if (covered[j])
            break;
        if (++adj > 2 || !adjective_shape(t, mw[j].span))
            break;
    }
    return w;
}

/* words[w..end] name a model after a product's name: codes in capitals
 * or Roman numerals ("Союз ТМА-7", "Windows XP"). */
static int product_model(const char *t, const match_word *mw, size_t w, size_t end)
{
    for (; w <= end; w++)
        if (!(mw[w].script & FOLD_DIGIT) && !fold_all_upper(t + mw[w].span.start, mw[w].span.end - mw[w].span.start))
            return 0;
    return 1;
}

/* A name in guillemets that reads as a title of a work or a phrase, no
 * organization's name: two words or more, the first no adjective and the
 * others in lower case ("«Происхождение видов»", "«Мы одна семья»"), where
 * names of organizations start with an adjective ("«Новые правые»") or
 * hold another name ("«Эхо Москвы»"). */
static int quoted_title(const char *t, const match_word *mw, size_t w, size_t end)
{
    size_t k;
    if (end == w || mw[w].script != FOLD_CYRILLIC || adjective_shape(t, mw[w].span))
        return 0;
    for (k = w + 1; k <= end; k++)
        if (mw[k].cap)
            return 0;
    return 1;
}

static int candidates(ent_ctx *c, const char *t, size_t n, size_t from, const match_result *mr,
                      unsigned char *covered, const unsigned char *role_end, int cyrillic_doc,
                      out_list *o, kr_arena *a)
{
    uint64_t keys[MAX_CAND_PER]; /* key hashes of their surnames */
    size_t nper = 0, w, k2;
    const char *ids[MAX_CAND_PER];
    for (w = 0; w < mr->nwords;) {
        size_t end = w, nw, oend;
        const char *type = NULL;
        const match_word *mw = mr->words;
        const char *linked = NULL, *gloss;
        int initial, latin = 1, upper = 1, given, org_noun, site, cut;
        /* "сообщает baltinfo.ru": a site's name in lower case */
        if (covered[w] || (!mw[w].cap && !(cyrillic_doc && mw[w].script == FOLD_LATIN && w + 1 < mr->nwords &&
                                           mw[w].span.end < n && t[mw[w].span.end] == '.' &&
                                           mw[w + 1].span.start == mw[w].span.end + 1 &&
                                           top_domain(t, mw[w + 1].span))) ||
            (mw[w].script & FOLD_DIGIT)) {
            w++;
            continue;
        }
        /* a run keeps to one script: "The Prodigy Кит Флинт", "USM
         * Holdings Алишера Усманова" are two names */
        while (end + 1 < mr->nwords && !covered[end + 1] && mw[end + 1].joined == 1 && mw[end + 1].cap &&
               !((mw[end].script | mw[end + 1].script) == (FOLD_LATIN | FOLD_CYRILLIC)))
            end++;
        /* "Bank of East Asia", "Sami al-Haj": a Latin name runs over a
         * small lower-case word to the next capitalized one */
        while (mw[w].script == FOLD_LATIN && end + 2 < mr->nwords && !covered[end + 1] &&
               !covered[end + 2] && mw[end + 1].joined == 1 && mw[end + 2].joined == 1 &&
               !mw[end + 1].cap && mw[end + 2].cap && mw[end + 1].script == FOLD_LATIN &&
               mw[end + 2].script == FOLD_LATIN && (word_class_h(c, mw[end + 1].khash) & W_PARTICLE)) {
            end += 2;
            while (end + 1 < mr->nwords && !covered[end + 1] && mw[end + 1].joined == 1 && mw[end + 1].cap)
                end++;
        }
        /* «Частного корреспондента»: a name in guillemets runs to the
         * closing one, lower-case words included (six words at most) */
        if (opens_quote(t, mw[w].span.start)) {
            size_t q = w;
            while (q + 1 < mr->nwords && q - w < 5 && mw[q + 1].joined == 1)
                q++;
            for (; q > end; q--)
                if (mw[q].span.end + 2 <= n && memcmp(t + mw[q].span.end, "\xC2\xBB", 2) == 0)
                    break;
            end = q;
        }
        /* "Lenta.ru", "NEWSru.com": a site's name runs over its domain */
        site = 0;
        if (end + 1 < mr->nwords && mw[end].span.end < n && t[mw[end].span.end] == '.' &&
            mw[end + 1].span.start == mw[end].span.end + 1 && top_domain(t, mw[end + 1].span))
            end++, site = 1;
        initial = sentence_start(t, mw[w].span.start, from);
        /* a sentence-initial function word is not part of a name */
        if (initial && (word_class_h(c, mw[w].khash) & W_FUNCTION)) {
            w++;
            continue;
        }
        /* "губернатор Приморья Александр Шемелев", "клуба Челси Фрэнк
         * Лэмпард": a given name inside a run starts a person's name; the
         * words before it are a name of their own, and no person */
        cut = 0;
        if (!opens_quote(t, mw[w].span.start) && !is_given(c, mw[w].khash))
            for (k2 = w + 1; k2 <= end; k2++)
                if (mw[k2].script == FOLD_CYRILLIC && mw[k2].joined == 1 && is_given(c, mw[k2].khash)) {
                    end = k2 - 1;
                    cut = 1;
                    break;
                }
        nw = end - w + 1;
        for (k2 = w; k2 <= end; k2++) {
            latin &= mw[k2].script == FOLD_LATIN;
            upper &= fold_all_upper(t + mw[k2].span.start, mw[k2].span.end - mw[k2].span.start);
        }
        given = is_given(c, mw[w].khash);
        org_noun = org_noun_before(c, t, mw, covered, w, from);
        /* "главу партии Сергея Митрохина", "руководитель группы Иван
         * Бозович": after a role word and an organization noun comes the
         * head of the organization; a given name starts a person's name
         * too, unless the name is in guillemets */
        if (org_noun && !opens_quote(t, mw[w].span.start) && !latin_run(mw, w, end) &&
            ((given && nw_of(w, end) >= 2) || (w >= 2 && role_end[w - 2])))
            org_noun = 0;
        /* "Позже Иван Петрович Сидоренко": a sentence-initial word before
         * a given name is not part of the name */
        if (initial && nw >= 2 && !given && is_given(c, mw[w + 1].khash)) {
            w++;
            continue;
        }
        /* A sentence-initial word before a name is often a common word
         * ("Представители Роскосмоса"): it is dropped unless the run looks
         * like a person's name. */
        if (initial && nw >= 2 && !given && !surname_shape(t, mw[end].span) &&
            !(word_class_h(c, mw[end].khash) & W_ORG) && t[mw[w + 1].span.start - 1] != '-') {
            w++;
            continue;
        }
        if (w > 0 && !mw[w - 1].cap && quote_gap(t, mw[w - 1].span.end, mw[w].span.start) &&
            (opens_quote(t, mw[w].span.start) ? (word_class_h(c, mw[w - 1].khash) & W_WORK) != 0
                                               : !given && latin_run(mw, w, end) &&
                                                     (word_class_h(c, mw[w - 1].khash) & W_OPUS))) {
            type = NULL; /* "альбом «Дежавю»", "конкурс The BOBs": a work, not an organization */
        } else if (latin && cyrillic_doc && (gloss = glossed_type(o, t, n, (kr_span){mw[w].span.start, mw[end].span.end}, mw, w)) != NULL) {
            type = !*gloss ? NULL : gloss[0] == 'G' ? "LOC" : gloss;
        } else if (nw == 1 && mw[w].span.end - mw[w].span.start == 2 && end + 1 < mr->nwords &&
                   mw[end + 1].cap && initial_at(t, mw[w].span, mw[end + 1].span.start)) {
            type = NULL; /* "центра Э. Чернова": an initial */
        } else if (org_noun || site) {
            type = "ORG"; /* "компании Harles", "движения «Левый фронт»", "Лента.ру" */
            /* "президиума Экспертно-консультативного совета": the name's
             * own adjectives and noun after it */
            if (nw == 1 && !site && (oend = org_phrase_end(c, t, mw, mr->nwords, covered, end, 0)) > end)
                end = oend, nw = end - w + 1;
            /* "суда Южного округа": a place the name holds, with its noun */
            else if (nw == 1 && !site && end + 1 < mr->nwords && !covered[end + 1] && mw[end + 1].joined == 1 &&
                     !mw[end + 1].cap && (word_class_h(c, mw[end + 1].khash) & (W_REGION | W_STREET)))
                end++, nw++;
        } else if (given && !upper && !(latin && cyrillic_doc && nw == 1)) {
            type = "PER"; /* "Марк", "Scott Horowitz", "Виктора Иванова" */
        } else
        /* "Конституционного суда", "Большого театра": an organization noun
         * right after a capitalized word belongs to the name */
        if (nw == 1 && (oend = org_phrase_end(c, t, mw, mr->nwords, covered, end, initial)) > end) {
            type = "ORG"; /* "Федеральное авиационное управление" */
            end = oend;
            /* "Российский фонд DST": the name after the description */
            while (end + 1 < mr->nwords && !covered[end + 1] && mw[end + 1].cap &&
                   ((mw[end + 1].script == FOLD_LATIN && mw[end + 1].joined == 1) ||
                    opens_quote(t, mw[end + 1].span.start)) &&
                   quote_gap(t, mw[end].span.end, mw[end + 1].span.start))
                end++;
            nw = end - w + 1;
        } else
        /* "Свердловской области", "Тверской площади": a region or street
         * noun right after a capitalized word names a place with it */
        if (nw == 1 && !initial && end + 1 < mr->nwords && !covered[end + 1] &&
            mw[end + 1].joined == 1 && !mw[end + 1].cap &&
            (word_class_h(c, mw[end + 1].khash) & (W_REGION | W_STREET))) {
            type = "LOC";
            end++;
            nw++;
        } else if (nw == 1 && mw[w].span.end - mw[w].span.start == 1)
            type = NULL; /* a lone letter: an initial, a list mark */
        else if (upper && nw == 1 && roman(t, mw[w].span))
            type = NULL; /* XXI */
        else if (upper && nw == 1 && (word_class_h(c, mw[w].khash) & W_LEGAL))
            type = NULL; /* ОАО: part of the name after it (org_nouns) */
        else if (upper && nw == 1 && (word_class_h(c, mw[w].khash) & W_COMMON))
            type = NULL; /* "статье 282 УК РФ", "по СМС" */
        else if ((latin || opens_quote(t, mw[w].span.start)) && (word_class_h(c, mw[w].khash) & W_PRODUCT) &&
                 (nw == 1 || product_model(t, mw, w + 1, end)))
            type = NULL; /* "под Windows", "запуск «Союза»", «Союз ТМА-7»: a product */
        else if (nw == 1 && !initial && (word_class_h(c, mw[w].khash) & W_ORG) &&
                 mw[w].script == FOLD_CYRILLIC) {
            /* "Палаты представителей", "Союз координационных советов": an
             * organization noun written as a name, with the words of its
             * name after it (no verbs, no prepositions) */
            type = "ORG";
            while (end + 1 < mr->nwords && end - w < 3 && !covered[end + 1] && mw[end + 1].joined == 1 &&
                   name_inner(c, t, &mw[end + 1]))
                end++;
            /* a longer phrase is left alone rather than cut */
            if (end + 1 < mr->nwords && !covered[end + 1] && mw[end + 1].joined == 1 &&
                name_inner(c, t, &mw[end + 1]))
                type = NULL, end = w;
            nw = end - w + 1;
        } else if (nw == 1 && gov_compound(t, mw[w].span))
            type = "ORG"; /* Росприроднадзор, Минкомсвязи, Мосгордума */
        else if (nw == 1 && (word_class_h(c, mw[w].khash) & W_NET))
            type = "ORG"; /* "в Интернете": the network, not a place */
        else if (upper && nw == 1 && mw[w].span.end - mw[w].span.start <= 12)
            type = "ORG"; /* an acronym: ФИДЕ, NASA */
        else if (latin && cyrillic_doc)
            type = "ORG"; /* a brand in Russian text: Microsoft, Caramba TV */
        else if (quoted(t, n, (kr_span){mw[w].span.start, mw[end].span.end}))
            type = quoted_title(t, mw, w, end) ? NULL : "ORG";
        else if (!initial && w > 0 && (word_class_h(c, mw[w - 1].khash) & W_LOCATIVE) &&
                 (nw == 1 || hyphen_run(t, mw, w, end)))
            type = "LOC"; /* "в Мытищах", "в Лос-Анджелесе" */
        else if (nw >= 2 && (word_class_h(c, mw[w].khash) & W_TOPONYM) && hyphen_run(t, mw, w, end))
            type = "LOC"; /* "городе Сан-Маркос", "Понте-Сан-Пьетро" */
        else if (nw >= 2 && adjective_run(c, t, mw, mr->nwords, covered, w, end))
            type = NULL; /* "Великой Отечественной войны": adjectives of a noun */
        else if (nw >= 2)
            type = "PER";
        else if (nw == 1 && initials_before(t, from, mw[w].span.start) < mw[w].span.start)
            type = "PER"; /* "Н. Кан" */
        else if (!cut && (title_before(c, t, mw, w) ||
                          (!initial && w > 0 && role_end[w - 1] && mw[w].joined == 1)))
            type = "PER"; /* "г-н Иванов", "министр Иванов" */
        else if (!initial && surname_shape(t, mw[w].span))
            type = "PER";
        for (k2 = w; k2 <= end && type; k2++) {
            unsigned cl = word_class_h(c, mw[k2].khash);
            if (cl & W_ORG)
                type = "ORG";
            if ((cl & W_REGION) && nw >= 2 && !org_noun)
                type = "LOC";
            if (cl & W_EVENT)
                type = NULL;
        }
        /* a lone word that is the surname of a person named before (not an
         * acronym, brand or quoted name) */
        if (nw == 1 && (!type || type[0] == 'P' || type[0] == 'L')) {
            size_t m;
            for (m = 0; m < nper; m++)
                if (keys[m] == mw[w].khash) {
                    linked = ids[m];
                    type = "PER";
                    break;
                }
        }
        /* "COVID-19", "SARS-CoV-2": a code with a number, no name */
        if (type && numbered(t, n, mw[end].span.end))
            type = NULL;
        if (type && date_month(t + mw[w].span.start, mw[w].span.end - mw[w].span.start))
            type = NULL;
        if (type && date_weekday(t + mw[w].span.start, mw[w].span.end - mw[w].span.start))
            type = NULL;
        if (type) {
            ent_mention *mt;
            const char *id = NULL;
            kr_span span = {mw[w].span.start, mw[end].span.end};
            if (linked)
                id = linked;
            else
                id = candidate_id(c, a, t, &mw[w], nw);
            if (id) {
                if (!(mt = emit(o)))
                    return KR_ENOMEM;
                mt->span = span;
                mt->id = id;
                mt->type = type;
                mt->name = arena_strndup(a, t + span.start, span.end - span.start);
                mt->kind = ENT_CANDIDATE;
                if (!mt->name)
                    return KR_ENOMEM;
                if (strcmp(type, "PER") == 0 && nw >= 2 && nper < MAX_CAND_PER) {
                    keys[nper] = mw[end].khash;
                    ids[nper++] = id;
                }
                for (k2 = w; k2 <= end; k2++)
                    covered[k2] = IN_CANDIDATE;
            }
        }
        w = end + 1;
    }
    /* lone surnames of those persons before their full name came: rare in
     * news, so one pass in text order is enough */
    return 0;
}

/* The state of resolving one document. */
typedef struct res {
    ent_ctx *c;
    const char *t;
    size_t n, from;
    int32_t day;
    kr_arena *a;
    match_result mr;
    unit *units;
    size_t nu;
    unsigned char *covered; /* per word: part of a unit or a mention */
    out_list o;
    long last_agent;        /* role agent of the last person named */
    uint32_t named_key[MAX_NAMED]; /* surnames of the persons named in full */
    long named_entry[MAX_NAMED];
    size_t nnamed;
    size_t *entries;        /* the units' entries, sorted; NULL until needed */
} res;

/* Emits a unit as a mention of `entry` and remembers it there. */
static ent_mention *emit_unit(res *r, unit *u, size_t entry, kr_span span, ent_kind kind)
{
    ent_mention *mt = emit_entry(&r->o, r->c->lex, entry, span, kind, r->day);
    if (mt)
        u->mention = r->o.n;
    return mt;
}

/* An adjective before a role word becomes part of the role phrase: its
 * own mention (emitted before the role word was reached) is dropped, so
 * that "Russian" in "the Russian defense minister" is not a second mention
 * of Russia. A name stays a mention of its own ("глава МИД Азербайджана"). */
static void consume(res *r, const unit *u)
{
    if (u && u->adj && u->mention)
        r->o.v[u->mention - 1].kind = 0; /* removed before sorting */
}

/* A role word that names a group rather than a post: no person ever holds
 * it (police, protesters, gunmen, residents) and it is no institution. */
static int group_agent(const ent_ctx *c, const lex_entry *e, size_t agent)
{
    static const char *const posts[] = {"GOV", "LEG", "JUD", "IGO"};
    size_t k;
    if ((long)agent == c->counterpart || c->agent_first[agent] != c->agent_first[agent + 1] ||
        e->body || !e->sector)
        return 0;
    for (k = 0; k < sizeof posts / sizeof posts[0]; k++)
        if (!strcmp(e->sector, posts[k]))
            return 0; /* "the leadership", "officials": whose? */
    return 1;
}

/* A role word no one person holds: a group ("soldiers", "police") or a
 * body of many ("lawmakers", "officials"), which a place after it makes
 * that place's state's. International staff ("observers in Angola") and
 * those who serve abroad ("peacekeepers in Karabakh") are not the host
 * state's. */
static int many_agent(const ent_ctx *c, const lex_entry *e, size_t agent)
{
    return (long)agent != c->counterpart && c->agent_first[agent] == c->agent_first[agent + 1] &&
           lex_agent_of_place(e);
}

/* A group of no named state ("Police arrested...", "Gunmen kidnapped..."):
 * an actor all the same, coded by its sector alone (COP, UAF), as CAMEO
 * codes actors of unknown nationality. Posts (a lone "the minister") and
 * institutions say too little and stay unmarked. */
static int bare_group(res *r, const lex_entry *e, size_t agent, kr_span span)
{
    ent_mention *mt;
    if (!group_agent(r->c, e, agent))
        return 0;
    /* part of a compound: "anti-terrorist", "police-led" */
    if ((span.start > 0 && r->t[span.start - 1] == '-') || (span.end < r->n && r->t[span.end] == '-'))
        return 0;
    if (!(mt = emit_entry(&r->o, r->c->lex, agent, span, ENT_GROUP, r->day)))
        return KR_ENOMEM;
    mt->type = "ORG";
    mt->country = NULL;
    mt->code = e->sector;
    mt->agent = (long)agent;
    return 0;
}

/* The unit starting at word w, or NULL (units are in word order). */
static const unit *unit_at(const res *r, size_t w)
{
    size_t lo = 0, hi = r->nu;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->units[mid].first < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->nu && r->units[lo].first == w ? &r->units[lo] : NULL;
}

/* Word w is a one-word adjective of a state or place of the lexicon
 * ("российского", "Немецкий") and the word after it follows tightly. */
static int state_adjective(const res *r, size_t w)
{
    const unit *u = unit_at(r, w);
    return u && u->adj && u->nwords == 1 && w + 1 < r->mr.nwords &&
           tight(r->t, r->mr.words[w].span.end, r->mr.words[w + 1].span.start);
}

/* "ежемесячной газеты «Радикальная политика»", "Русской службе «Голоса
 * Америки»", "группы компаний Michelin": up to two adjectives, or nouns
 * of organizations, before the noun words[w] belong to the description.
 * Returns where the description starts. */
static size_t description_start(const res *r, size_t w)
{
    size_t j;
    for (j = 0; j < 2 && w > 0; j++, w--) {
        const match_word *p = &r->mr.words[w - 1];
        unsigned cl = word_class_h(r->c, p->khash);
        if (r->covered[w - 1] == 1 && state_adjective(r, w - 1))
            continue; /* "Русской службе", "американском отделении" */
        if (r->covered[w - 1] || !tight(r->t, p->span.end, r->mr.words[w].span.start) || (cl & W_FUNCTION) ||
            !((adjective_shape(r->t, p->span) && !participle(r->t, p->span)) || ((cl & W_ORG) && !p->cap)))
            break;
    }
    return r->mr.words[w].span.start;
}

/* An organization mention with no actor code, named by its words
 * words[w..w+nw) spanning span (a candidate id); *made tells whether one
 * was made (no id: none). */
static int org_mention(res *r, size_t w, size_t nw, kr_span span, int *made)
{
    ent_mention *mt;
    const char *id = candidate_id(r->c, r->a, r->t, &r->mr.words[w], nw);
    *made = 0;
    if (!id)
        return 0;
    if (!(mt = emit(&r->o)))
        return KR_ENOMEM;
    mt->span = span;
    mt->id = id;
    mt->type = "ORG";
    mt->kind = ENT_CANDIDATE;
    if (!(mt->name = arena_strndup(r->a, r->t + span.start, span.end - span.start)))
        return KR_ENOMEM;
    *made = 1;
    return 0;
}

/* An unknown organization at words[w..w+nw) spanning span: a candidate
 * over words no other mention takes. */
static int emit_org(res *r, size_t w, size_t nw, kr_span span)
{
    size_t k;
    int made, rc = org_mention(r, w, nw, span, &made);
    for (k = w; rc == 0 && made && k < w + nw; k++)
        r->covered[k] = IN_CANDIDATE;
    return rc;
}

/* The end of a known organization's mention: its own state named right
 * after it belongs to its name ("Федеральной миграционной службы России",
 * "ФСБ России"), as the state after an unknown organization does; the
 * state stays a mention of its own. units[k] is the organization. */
static size_t org_end(const res *r, size_t k, const lex_entry *e)
{
    const unit *u = &r->units[k], *nx = k + 1 < r->nu ? &r->units[k + 1] : NULL;
    const lex_entry *ne;
    const char *country;
    if (!e->country || !nx || nx->adj || nx->first != u->first + u->nwords ||
        !tight(r->t, u->span.end, nx->span.start))
        return u->span.end;
    ne = lex_entry_at(r->c->lex, nx->entry);
    country = ne->type == LEX_GPE ? country_of(r->c->lex, ne) : NULL;
    return country && !strcmp(country, e->country) ? nx->span.end : u->span.end;
}

/* The places named inside a known organization's name ("Эхо Москвы",
 * "Минобороны России", "Голос Америки") are mentions of their own, as a
 * state named after an unknown organization is: the name says where the
 * organization works or whose it is. Only capitalized names of up to
 * three words after the first word, never adjectives ("Российская
 * академия наук" names no place). */
static int places_in_org(res *r, const unit *u)
{
    const match_word *mw = r->mr.words;
    size_t w, len, last = u->first + u->nwords;
    for (w = u->first + 1; w < last; w++) {
        if (!mw[w].cap)
            continue;
        for (len = last - w < 3 ? last - w : 3; len > 0; len--) {
            long x = match_name_at(r->c->m, mw, w, w + len);
            const lex_entry *xe = x >= 0 ? lex_entry_at(r->c->lex, (size_t)x) : NULL;
            if (xe && (xe->type == LEX_GPE || xe->type == LEX_LOC)) {
                kr_span span = {mw[w].span.start, mw[w + len - 1].span.end};
                if (!emit_entry(&r->o, r->c->lex, (size_t)x, span, ENT_NAME, r->day))
                    return KR_ENOMEM;
                w += len - 1;
                break;
            }
        }
    }
    return 0;
}

/* A post named with its organization ("председатель Конституционного
 * суда", "глава МИД РФ", "председателя правительства"): the words that
 * name the organization, with the state the role phrase names right after
 * them (up to `end`), are an organization mention of their own beside the
 * role's, since they name the body whoever holds the post. They are the
 * longest tail of the role words that is itself a body or an
 * organization of the lexicon ("заместитель председателя правительства":
 * "правительства"). The mention is no actor (no code): the role is. */
static int org_in_role(res *r, const unit *u, const lex_entry *e, size_t end)
{
    const lex_db *lex = r->c->lex;
    const match_word *mw = r->mr.words;
    size_t w, last = u->first + u->nwords, nw;
    if (e->body || u->nwords < 2)
        return 0;
    for (w = u->first + 1; w < last; w++) {
        long x = match_name_at(r->c->m, mw, w, last);
        const lex_entry *xe = x >= 0 ? lex_entry_at(lex, (size_t)x) : NULL;
        kr_span span;
        int made;
        if (!xe || !(xe->type == LEX_ORG || (xe->type == LEX_AGENT && xe->body)))
            continue;
        span.start = mw[w].span.start;
        span.end = end > u->span.end ? end : u->span.end;
        for (nw = last - w; w + nw < r->mr.nwords && mw[w + nw].span.end <= span.end; nw++)
            ;
        return org_mention(r, w, nw, span, &made); /* the role covers its words */
    }
    return 0;
}

/* A body named by its kind with a town or region right after it
 * ("администрация Екатеринбурга", "мэрии Москвы", "суд Гамбурга"): the
 * town's body, an organization with the place in its name. The place
 * names no state, so it is no actor; the place stays a mention of its
 * own. Returns 1 when it made the mention, 0 when the words are no such
 * body. */
static int local_body(res *r, const unit *u, const unit *next)
{
    const lex_entry *ne = lex_entry_at(r->c->lex, next->entry);
    const match_word *mw = r->mr.words;
    const char *id;
    ent_mention *mt;
    size_t last = next->first + next->nwords;
    if (ne->type != LEX_LOC || next->adj || next->first != u->first + u->nwords ||
        !tight(r->t, u->span.end, next->span.start))
        return 0;
    /* "Хорошевский суд Москвы": the body's own name before it, left to
     * the unknown names */
    if (u->first > 0 && !r->covered[u->first - 1] && mw[u->first - 1].cap &&
        adjective_shape(r->t, mw[u->first - 1].span) &&
        tight(r->t, mw[u->first - 1].span.end, u->span.start) &&
        !sentence_start(r->t, mw[u->first - 1].span.start, r->from))
        return 0;
    if (!(id = candidate_id(r->c, r->a, r->t, &mw[u->first], last - u->first)))
        return 0;
    if (!(mt = emit(&r->o)))
        return KR_ENOMEM;
    mt->span = (kr_span){u->span.start, next->span.end};
    mt->id = id;
    mt->type = "ORG";
    mt->kind = ENT_CANDIDATE;
    return (mt->name = arena_strndup(r->a, r->t + mt->span.start, mt->span.end - mt->span.start)) ? 1 : KR_ENOMEM;
}

/* A body's role word written as a name, with no state: "председатель
 * Конституционного суда", "в Сенате". The state is unknown, so it is no
 * actor; it is an organization all the same. */
static int named_body(res *r, const unit *u)
{
    return emit_org(r, u->first, u->nwords, u->span);
}

/* A state's one body named alone ("правительство одобрило проект", "в
 * парламенте"): an organization, the body of whichever state the report
 * is about. The state is unknown, so it is no actor and no side of an
 * event; its agent entry says so. */
static int seat_body(res *r, const unit *u, long agent)
{
    /* the plural names the bodies of many states: "парламентами обеих
     * стран", "правительств" */
    static const ending plural[] = {END("ами"), END("ях"), END("ах"), END("ов"), END("ств"), {NULL, 0}};
    kr_span first = r->mr.words[u->first].span;
    size_t before = r->o.n;
    int rc;
    if (ends_with(r->t, first, 8, plural))
        return 0;
    rc = emit_org(r, u->first, u->nwords, u->span);
    if (rc == 0 && r->o.n > before)
        r->o.v[r->o.n - 1].agent = agent;
    return rc;
}

/* A hyphen right before or after `span`: the words are part of a
 * compound ("анти-правительственный", "парламент-2020"). */
static int hyphened(const char *t, size_t n, kr_span span)
{
    return (span.start > 0 && t[span.start - 1] == '-') || (span.end < n && t[span.end] == '-');
}

/* An organization noun of a state's body with the state named right
 * after it or as an adjective before it: "сборной Бразилии", "российской
 * сборной". */
static int national_bodies(res *r)
{
    const match_word *mw = r->mr.words;
    size_t k;
    int rc;
    for (k = 0; k < r->nu; k++) {
        const unit *u = &r->units[k];
        const lex_entry *e = lex_entry_at(r->c->lex, u->entry);
        size_t w;
        if (e->type != LEX_GPE)
            continue;
        if (!u->adj && u->first > 0) {
            w = u->first - 1;
            if (!r->covered[w] && (word_class_h(r->c, mw[w].khash) & W_NATIONAL) &&
                (!mw[w].cap || sentence_start(r->t, mw[w].span.start, r->from)) &&
                tight(r->t, mw[w].span.end, u->span.start) &&
                (rc = emit_org(r, w, 1, (kr_span){description_start(r, w), u->span.end})) != 0)
                return rc;
        } else if (u->adj && (w = u->first + u->nwords) < r->mr.nwords) {
            size_t end;
            if (!r->covered[w] && !mw[w].cap && (word_class_h(r->c, mw[w].khash) & W_NATIONAL) &&
                tight(r->t, u->span.end, mw[w].span.start)) {
                /* "Российский фонд DST": the name after the description */
                for (end = w; end + 1 < r->mr.nwords && !r->covered[end + 1] && mw[end + 1].cap &&
                              mw[end + 1].script == FOLD_LATIN && mw[end + 1].joined == 1;
                     end++)
                    ;
                if ((rc = emit_org(r, w, end - w + 1, (kr_span){u->span.start, mw[end].span.end})) != 0)
                    return rc;
            }
            /* "Российского института культурологии": a state's adjective
             * written with a capital inside a sentence starts a name */
            if (u->nwords == 1 && mw[u->first].cap && mw[u->first].script == FOLD_CYRILLIC &&
                !sentence_start(r->t, u->span.start, r->from) &&
                (end = org_phrase_end(r->c, r->t, mw, r->mr.nwords, r->covered, u->first, 0)) > u->first &&
                !(end + 1 < r->mr.nwords && (opens_quote(r->t, mw[end + 1].span.start) ||
                                             mw[end + 1].script == FOLD_LATIN)) &&
                (rc = emit_org(r, w, end - w + 1, (kr_span){u->span.start, mw[end].span.end})) != 0)
                return rc;
        }
    }
    return 0;
}

/* The code a person named right after a role phrase takes when no role
 * of theirs is known on the day: the phrase's state (else the person's
 * own) and the role word's sector, as TABARI and PETRARCH join an agent
 * to a bare country code ("Bree Prime Minister Romendacil" is BREGOV).
 * NULL when there is no state or sector, or for "counterpart". */
static const char *title_code(res *r, const char *country, long agent)
{
    const lex_db *lex = r->c->lex;
    const char *sector = lex_entry_at(lex, (size_t)agent)->sector;
    long st;
    if (!country || !sector || agent == r->c->counterpart)
        return NULL;
    st = lex_find(lex, country);
    if (st >= 0 && lex_entry_at(lex, (size_t)st)->code)
        country = lex_entry_at(lex, (size_t)st)->code;
    return strlen(country) == 3 ? join_code(r->a, country, sector) : NULL;
}


/* "soldiers from Gondor", "lawmakers in Fornost", "полиция в Москве": the
 * state of a place named right after a group word and "in" or "from"
 * (and "the"), or NULL. The place stays a place of its own (where the
 * event happened), so the mention keeps the group word's span. */
static const char *home_after(res *r, const unit *u)
{
    const match_word *mw = r->mr.words;
    size_t w = u->first + u->nwords;
    const unit *p;
    const lex_entry *pe;
    const char *country;
    if (w + 1 >= r->mr.nwords || !(word_class_h(r->c, mw[w].khash) & W_HOME) || mw[w].cap ||
        !tight(r->t, u->span.end, mw[w].span.start))
        return NULL;
    /* "withdraw its troops from Chad": someone's own, leaving the place */
    if (u->first > 0 && (word_class_h(r->c, mw[u->first - 1].khash) & W_POSSESSIVE))
        return NULL;
    if (!(p = unit_at(r, w + 1)) && (word_class_h(r->c, mw[w + 1].khash) & W_GLUE) && !mw[w + 1].cap &&
        w + 2 < r->mr.nwords && tight(r->t, mw[w].span.end, mw[w + 1].span.start))
        p = unit_at(r, ++w + 1); /* "from the Gondor" */
    if (!p || p->adj || !tight(r->t, mw[w].span.end, mw[w + 1].span.start))
        return NULL;
    pe = lex_entry_at(r->c->lex, p->entry);
    if ((pe->type != LEX_GPE && pe->type != LEX_LOC) || !(country = country_of(r->c->lex, pe)))
        return NULL;
    return country;
}

/* A role word (units[k]): with a state before it ("Russian Defense
 * Minister", "the Russian UN envoy") or after it ("глава МИД
 * Азербайджана"), the person who held the role on the report's date, or
 * the state's group ("Armenian troops"). */
static int resolve_role(res *r, size_t k)
{
    const lex_db *lex = r->c->lex;
    unit *u = &r->units[k];
    const lex_entry *e = lex_entry_at(lex, u->entry);
    unit *prev = neighbour(r->c, r->units, r->nu, k, -1, r->mr.words, r->t);
    unit *next = neighbour(r->c, r->units, r->nu, k, +1, r->mr.words, r->t);
    unit *pp = NULL;
    const lex_entry *pe = prev ? lex_entry_at(lex, prev->entry) : NULL;
    const char *country = NULL;
    kr_span span = u->span;
    long agent = (long)u->entry, who;
    ent_mention *mt;
    int home = 0, rc;
    if (pe && pe->type != LEX_AGENT && pe->type != LEX_PER) {
        country = country_of(lex, pe);
        /* "the Russian UN envoy": an organization of no state takes the
         * state before it */
        if (!country && pe->type == LEX_ORG &&
            (pp = neighbour(r->c, r->units, r->nu, k - 1, -1, r->mr.words, r->t)) != NULL) {
            const lex_entry *ppe = lex_entry_at(lex, pp->entry);
            if (ppe->type == LEX_AGENT || ppe->type == LEX_PER || !(country = country_of(lex, ppe)))
                pp = NULL;
        }
        if (country) {
            span.start = (pp ? pp : prev)->span.start;
            if (pe->type == LEX_ORG) {
                long sp = specific_agent(lex, pe, u->entry);
                if (sp >= 0)
                    agent = sp;
            }
        } else
            prev = NULL;
    } else
        prev = NULL;
    if (!country && next && lex_entry_at(lex, next->entry)->type == LEX_GPE && !next->adj &&
        (country = country_of(lex, lex_entry_at(lex, next->entry))) != NULL) {
        span.end = next->span.end;
        /* "Министр иностранных дел Азербайджана Джейхун Байрамов" */
        next = neighbour(r->c, r->units, r->nu, (size_t)(next - r->units), +1, r->mr.words, r->t);
    }
    /* "residents of the Armenian capital", "protesters in Yerevan": a
     * group takes the state of the place or demonym after it */
    if (!country && next && group_agent(r->c, e, (size_t)agent)) {
        const lex_entry *ne = lex_entry_at(lex, next->entry);
        if ((ne->type == LEX_GPE || ne->type == LEX_LOC) && (country = country_of(lex, ne)) != NULL)
            span.end = next->span.end;
    }
    if (!country && many_agent(r->c, e, (size_t)agent))
        home = (country = home_after(r, u)) != NULL;
    if ((rc = org_in_role(r, u, e, span.end)) != 0)
        return rc;
    /* A name right after the role word is the holder: "Foreign Minister
     * Sergey Lavrov", "коллегой Сергеем Лавровым". */
    if (next && lex_entry_at(lex, next->entry)->type == LEX_PER) {
        next->title = title_code(r, country ? country : lex_entry_at(lex, next->entry)->country, agent);
        return 0;
    }
    if (!country && e->body && next && (rc = local_body(r, u, next)) != 0)
        return rc < 0 ? rc : 0;
    if (!country && e->body && !prev && r->mr.words[u->first].cap &&
        !sentence_start(r->t, u->span.start, r->from))
        return named_body(r, u); /* "председатель Конституционного суда" */
    if (!country && (word_class_h(r->c, r->mr.words[u->first].khash) & W_SEAT) &&
        !hyphened(r->t, r->n, u->span))
        return seat_body(r, u, agent); /* "правительство одобрило проект" */
    if (!country)
        return bare_group(r, e, (size_t)agent, span);
    if (agent == r->c->counterpart && r->last_agent >= 0)
        agent = r->last_agent;
    who = agent == r->c->counterpart ? -1 : holder(r->c, (size_t)agent, country, r->day);
    if (who >= 0) {
        if (!(mt = emit_entry(&r->o, lex, (size_t)who, span, ENT_ROLE, r->day)))
            return KR_ENOMEM;
    } else {
        long st = lex_find(lex, country);
        if (st < 0)
            return 0;
        /* a group named by its place ("police in Karachi") stays the
         * group, an actor apart from the state it belongs to */
        if (!(mt = emit_entry(&r->o, lex, home ? (size_t)agent : (size_t)st, span, ENT_GROUP, r->day)))
            return KR_ENOMEM;
        if (home) {
            mt->type = "ORG";
            mt->country = lex_entry_at(lex, st)->id;
        }
        mt->code = join_code(r->a, lex_entry_at(lex, st)->code ? lex_entry_at(lex, st)->code : country,
                             e->sector);
        /* "Hezbollah guerrillas": members of an organization whose own
         * code has the sector already keep its code (LBNREBHEZ) */
        if (prev && !pp && pe->type == LEX_ORG && pe->code && strlen(pe->code) > 3 && e->sector &&
            strstr(pe->code + 3, e->sector))
            mt->code = pe->code;
    }
    mt->agent = agent;
    consume(r, prev);
    consume(r, pp);
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The report names lexicon entry `entry` (a unit of it). The units'
 * entries are sorted once, when a place first asks. */
static int names_entry(res *r, size_t entry)
{
    size_t lo = 0, hi = r->nu, k;
    if (!r->entries) {
        if (!(r->entries = arena_alloc(r->a, (r->nu + 1) * sizeof *r->entries)))
            return 0;
        for (k = 0; k < r->nu; k++)
            r->entries[k] = r->units[k].entry;
        qsort(r->entries, r->nu, sizeof *r->entries, cmp_size);
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->entries[mid] < entry)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->nu && r->entries[lo] == entry;
}

/* Whether units[k] is followed right away by a role word's unit. */
static int agent_follows(const res *r, size_t k)
{
    const unit *u = &r->units[k], *nx = k + 1 < r->nu ? &r->units[k + 1] : NULL;
    return nx && nx->first == u->first + u->nwords &&
           lex_entry_at(r->c->lex, nx->entry)->type == LEX_AGENT;
}

/* A place that acts for a state or organization ("Baku announced"):
 * emits the metonym and returns 1, or 0 when the place is a place ("in
 * Baku"); <0 on error. */
static int resolve_metonym(res *r, unit *u, const lex_entry *e)
{
    const lex_db *lex = r->c->lex;
    size_t first = u->first, m;
    int place = first > 0 && (word_class_h(r->c, r->mr.words[first - 1].khash) & W_LOCATIVE);
    long st = lex_list_item(lex, e->metonym, 0), alt;
    const lex_entry *se;
    ent_mention *mt;
    if (place || st < 0)
        return 0;
    /* Brussels is the EU, unless the report speaks of NATO */
    for (m = 1; (alt = lex_list_item(lex, e->metonym, m)) >= 0; m++)
        if (names_entry(r, (size_t)alt) && !names_entry(r, (size_t)st)) {
            st = alt;
            break;
        }
    se = lex_entry_at(lex, (size_t)st);
    if (!(mt = emit_unit(r, u, (size_t)st, u->span, ENT_METONYM)))
        return KR_ENOMEM;
    /* a state's government; a region of no code of its own ("Сухуми" for
     * Abkhazia) keeps the code its name has */
    if (se->code || se->type != LEX_GPE)
        mt->code = join_code(r->a, se->code ? se->code : se->id, se->type == LEX_GPE ? "GOV" : "");
    return 1;
}

/* A person named in full: the role held that day (for "his counterpart")
 * and the surname, for the surname alone later. */
static void remember_person(res *r, const unit *u, const lex_entry *e)
{
    const lex_role *ro = role_at(r->c->lex, e, r->day);
    uint32_t lastkey = r->mr.words[u->first + u->nwords - 1].key;
    size_t m;
    r->last_agent = ro ? (long)ro->agent : -1;
    /* a bounded number of distinct persons */
    for (m = 0; m < r->nnamed && r->named_key[m] != lastkey; m++)
        ;
    if (m == r->nnamed && r->nnamed < MAX_NAMED && lastkey) {
        r->named_key[r->nnamed] = lastkey;
        r->named_entry[r->nnamed++] = (long)u->entry;
    }
}

/* A month or weekday name (May, мая, Monday). */
static int date_word(const char *t, const match_word *w)
{
    return date_month(t + w->span.start, w->span.end - w->span.start) ||
           date_weekday(t + w->span.start, w->span.end - w->span.start);
}

/* The person whose surname word w is, when the report named that person
 * in full before: "Theresa May ... May said", unless the word is a date
 * here ("in May", "May 5"). -1 when none. */
static long surname_named(const res *r, size_t w)
{
    const match_word *mw = r->mr.words;
    uint32_t ids[3] = {mw[w].key, mw[w].alt[0], mw[w].alt[1]};
    size_t m, j;
    long who = -1;
    for (m = 0; m < r->nnamed && who < 0; m++)
        for (j = 0; j < 3; j++)
            if (ids[j] && r->named_key[m] == ids[j])
                who = r->named_entry[m];
    if (who >= 0 && date_word(r->t, &mw[w]) &&
        ((w > 0 && ((mw[w - 1].script & FOLD_DIGIT) ||
                    (word_class_h(r->c, mw[w - 1].khash) & W_LOCATIVE))) ||
         (w + 1 < r->mr.nwords && (mw[w + 1].script & FOLD_DIGIT))))
        return -1;
    return who;
}

/* The only person of the lexicon with the surname word w, for a word
 * that is not a common one in disguise: never a month or weekday name
 * (May), never the first word of a sentence (capitalized there whatever
 * it is), never a given name (Мария is not Alliot-Marie), and in Latin
 * script only the word as written, no plural ending stripped ("Prices" is
 * not Ned Price). Russian surnames decline, so a Cyrillic word may match
 * by any of its keys. -1 when none. */
static long surname_lexicon(const res *r, size_t w)
{
    const match_word *mw = &r->mr.words[w];
    uint32_t ids[3] = {mw->key, mw->alt[0], mw->alt[1]};
    size_t j;
    long who = -1;
    if (mw->script == FOLD_LATIN)
        who = mw->bare ? sn_get(r->c, mw->bare, r->day) : -1;
    else
        for (j = 0; j < 3 && who < 0; j++)
            who = ids[j] ? sn_get(r->c, ids[j], r->day) : -1;
    if (who >= 0 && (sentence_start(r->t, mw->span.start, r->from) || is_given(r->c, mw->khash) ||
                     date_word(r->t, mw) || (word_class_h(r->c, mw->khash) & W_FUNCTION)))
        return -1;
    return who;
}

/* Word w ends a longer unknown name: a capitalized word no hit covers
 * comes right before it ("Жан-Мари Ле Пен" is not Marine Le Pen, "Alexander
 * Lavrov" not Sergey Lavrov); a title, a sentence's first function word, a
 * month or a weekday does not count. */
static int ends_name(const res *r, size_t w)
{
    const match_word *mw = r->mr.words;
    unsigned cl;
    if (w == 0 || r->covered[w - 1] || !mw[w - 1].cap || mw[w].joined != 1)
        return 0;
    cl = word_class_h(r->c, mw[w - 1].khash);
    return !(cl & W_TITLE) &&
           !((cl & W_FUNCTION) && sentence_start(r->t, mw[w - 1].span.start, r->from)) &&
           !date_word(r->t, &mw[w - 1]); /* "On Monday Varn met ..." */
}

/* Surnames among the words no hit covers. */
static int resolve_surnames(res *r)
{
    size_t w;
    for (w = 0; w < r->mr.nwords; w++) {
        const match_word *mw = &r->mr.words[w];
        long who;
        if (r->covered[w] || !mw->key || !mw->cap || ends_name(r, w))
            continue;
        if ((who = surname_named(r, w)) < 0 && (who = surname_lexicon(r, w)) < 0)
            continue;
        if (!emit_entry(&r->o, r->c->lex, (size_t)who, mw->span, ENT_SURNAME, r->day))
            return KR_ENOMEM;
        r->covered[w] = 1;
    }
    return 0;
}

/* One unit per span: among entries sharing a name, a state first, then a
 * person, an organization, a place, a role word. */
static void make_units(res *r)
{
    const lex_db *lex = r->c->lex;
    const match_hit *hits = r->mr.hits;
    size_t h, k, w;
    for (h = 0; h < r->mr.nhits; h = k) {
        static const int rank[] = {9, 1, 2, 0, 3, 4, 9}; /* by lex_type */
        size_t best = h;
        unit *u = &r->units[r->nu++];
        for (k = h + 1; k < r->mr.nhits && hits[k].span.start == hits[h].span.start; k++)
            if (rank[lex_entry_at(lex, hits[k].entry)->type] < rank[lex_entry_at(lex, hits[best].entry)->type])
                best = k;
        memset(u, 0, sizeof *u);
        u->first = hits[best].first_word;
        u->nwords = hits[best].nwords;
        u->span = hits[best].span;
        u->entry = hits[best].entry;
        u->adj = hits[best].adj;
        for (w = u->first; w < u->first + u->nwords; w++)
            r->covered[w] = 1;
    }
}

/* "Lenta.ru": an organization's name written as its site runs over the
 * domain. */
static void site_end(res *r, ent_mention *x)
{
    size_t e = x->span.end, lo = 0, hi = r->mr.nwords;
    if (e + 1 >= r->n || r->t[e] != '.' || r->t[e + 1] == ' ' || r->t[e + 1] == '\n')
        return;
    while (lo < hi) { /* the first word starting after the point */
        size_t mid = (lo + hi) / 2;
        if (r->mr.words[mid].span.start <= e)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->mr.nwords && r->mr.words[lo].span.start == e + 1 && top_domain(r->t, r->mr.words[lo].span))
        x->span.end = r->mr.words[lo].span.end;
}

/* A group mention of a role word at span s ("Корпорация" of
 * "Корпорация Philips") is dropped: the organization's name says more. */
static void drop_group_at(res *r, kr_span s)
{
    size_t k;
    for (k = 0; k < r->o.n; k++)
        if (r->o.v[k].kind == ENT_GROUP && r->o.v[k].span.start == s.start && r->o.v[k].span.end == s.end)
            r->o.v[k].kind = 0;
}

/* A lexicon organization's name in Cyrillic that cannot be a genitive
 * after the organization noun at word w, so it is the noun's apposition:
 * an acronym or a word that does not decline ("фракции КПРФ", "клуба
 * Челси", "федерации ФИДЕ"), unless the noun names a part or an outlet
 * ("на сайте ФИФА"). */
static int apposition(const res *r, size_t w, const ent_mention *x)
{
    static const ending indeclinable[] = {END("и"), END("е"), END("о"), END("у"), END("ю"), END("э"),
        {NULL, 0}};
    static const ending nominative[] = {END("б"), END("в"), END("г"), END("д"), END("ж"), END("з"),
        END("к"), END("л"), END("м"), END("н"), END("п"), END("р"), END("с"), END("т"), END("ф"),
        END("х"), END("ц"), END("ч"), END("ш"), END("щ"), END("ь"), {NULL, 0}};
    if (word_class_h(r->c, r->mr.words[w].khash) & W_PART)
        return 0;
    return fold_all_upper(r->t + x->span.start, x->span.end - x->span.start) ||
           (r->mr.words[w + 1].span.end == x->span.end && ends_with(r->t, x->span, 4, indeclinable)) ||
           ends_with(r->t, x->span, 4, nominative);
}

/* An organization named by a lexicon description and then by its name
 * ("международной шахматной федерации ФИДЕ"), the noun at word w ending
 * the description: the two mentions of one entry become one. */
static int merge_org_before(res *r, ent_mention *x, size_t w)
{
    size_t k;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *y = &r->o.v[k];
        if (y != x && y->kind == ENT_NAME && y->entry == x->entry && y->span.end == r->mr.words[w].span.end &&
            y->span.start <= r->mr.words[w].span.start) {
            x->span.start = y->span.start;
            y->kind = 0;
            return 1;
        }
    }
    return 0;
}

/* The first word starting at or after byte `at`. */
static size_t word_from(const res *r, size_t at)
{
    size_t lo = 0, hi = r->mr.nwords;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->mr.words[mid].span.start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The index of the word mention x starts with; 0 when it starts with
 * none, or with the first word (which has no word before it). */
static size_t mention_word(const res *r, const ent_mention *x)
{
    size_t w = word_from(r, x->span.start);
    return w > 0 && w < r->mr.nwords && r->mr.words[w].span.start == x->span.start ? w : 0;
}

/* The start of a description ending with the noun at word w, over the
 * first part of a compound ("интернет-издания", "Пресс-служба") and up to
 * two adjectives. */
static size_t noun_phrase_start(const res *r, size_t w)
{
    const match_word *mw = r->mr.words;
    if (w > 0 && mw[w].span.start > 0 && r->t[mw[w].span.start - 1] == '-' &&
        mw[w - 1].span.end == mw[w].span.start - 1 && !r->covered[w - 1])
        w--;
    return description_start(r, w);
}

/* An organ (the noun at word w) of the known organization ending at
 * `end`: a mention of its own over both, beside the organization's. */
static int organ_of(res *r, size_t w, size_t end)
{
    size_t s = noun_phrase_start(r, w), first = word_from(r, s), last = word_from(r, end);
    const char *id = candidate_id(r->c, r->a, r->t, &r->mr.words[first], last - first);
    ent_mention *mt;
    if (!id)
        return 0;
    if (!(mt = emit(&r->o)))
        return KR_ENOMEM;
    mt->span = (kr_span){s, end};
    mt->id = id;
    mt->type = "ORG";
    mt->kind = ENT_CANDIDATE;
    r->covered[w] = IN_CANDIDATE;
    return (mt->name = arena_strndup(r->a, r->t + s, end - s)) ? 0 : KR_ENOMEM;
}

/* "пресс-служба президента Украины", "Пресс-служба Кадырова": an organ
 * noun right before a person or a post names that person's organ, an
 * organization over both, beside the person's mention. */
static int person_organs(res *r)
{
    size_t k, w, n = r->o.n;
    int rc;
    for (k = 0; k < n; k++) {
        const ent_mention *x = &r->o.v[k];
        if (!x->kind || x->kind == ENT_ADJ || x->type[0] != 'P')
            continue;
        if (!(w = mention_word(r, x)) || r->covered[w - 1] || r->mr.words[w].joined != 1 ||
            !(word_class_h(r->c, r->mr.words[w - 1].khash) & W_ORGAN) ||
            !tight(r->t, r->mr.words[w - 1].span.end, x->span.start))
            continue;
        if ((rc = organ_of(r, w - 1, x->span.end)) != 0)
            return rc;
    }
    return 0;
}

/* "Северной Африке", "Западном Иерусалиме", "East Jerusalem": a quarter
 * written with a capital right before a place's name belongs to its
 * mention (a name of the lexicon for the quarter, "Южная Осетия", was
 * matched whole already). */
static void place_quarters(res *r)
{
    size_t k, w, j;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *x = &r->o.v[k];
        const match_word *p;
        if (x->kind != ENT_NAME || (x->type[0] != 'L' && x->type[0] != 'G'))
            continue;
        if (!(w = mention_word(r, x)))
            continue;
        p = &r->mr.words[w - 1];
        if ((r->covered[w - 1] && r->covered[w - 1] != IN_CANDIDATE) || !p->cap ||
            !(word_class_h(r->c, p->khash) & W_COMPASS) || !tight(r->t, p->span.end, x->span.start) ||
            sentence_start(r->t, p->span.start, r->from))
            continue;
        /* the word taken alone for an unknown place gives way; one inside
         * a longer unknown name ("Джон Западный") keeps it */
        for (j = 0; r->covered[w - 1] && j < r->o.n; j++)
            if (r->o.v[j].kind == ENT_CANDIDATE && r->o.v[j].span.start <= p->span.start &&
                r->o.v[j].span.end >= p->span.end)
                break;
        if (r->covered[w - 1] && (j == r->o.n || r->o.v[j].span.start != p->span.start ||
                                  r->o.v[j].span.end != p->span.end))
            continue;
        if (r->covered[w - 1])
            r->o.v[j].kind = 0; /* removed before sorting */
        x->span.start = p->span.start;
    }
}

/* "компании «Яндекс»", "партии «Новые правые»": an organization noun
 * before an organization's name belongs to the mention. */
static int org_nouns(res *r)
{
    size_t k, w;
    int rc;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *x = &r->o.v[k];
        size_t lo;
        if (!x->kind || x->type[0] != 'O' || x->kind == ENT_ADJ)
            continue;
        if (!(lo = mention_word(r, x)))
            continue;
        site_end(r, x);
        /* "Международная федерация футбола ФИФА": the organization's
         * full name and its short one, one mention */
        if (x->kind == ENT_NAME && r->covered[lo - 1] == 1 && tight(r->t, r->mr.words[lo - 1].span.end, x->span.start) &&
            merge_org_before(r, x, lo - 1))
            continue;
        if (!org_noun_before(r->c, r->t, r->mr.words, r->covered, lo, r->from)) {
            /* "Международного Красного Креста": a capitalized adjective
             * inside a sentence starts the name */
            const match_word *p = &r->mr.words[lo - 1];
            if (!r->covered[lo - 1] && p->cap && p->script == FOLD_CYRILLIC && adjective_shape(r->t, p->span) &&
                tight(r->t, p->span.end, x->span.start) && !sentence_start(r->t, p->span.start, r->from))
                x->span.start = p->span.start;
            continue;
        }
        /* "комиссии Европейского союза", "Русской службе «Голоса
         * Америки»": an organ of a known organization is one of its own */
        if (x->kind != ENT_CANDIDATE && !r->covered[lo - 1] &&
            (word_class_h(r->c, r->mr.words[lo - 1].khash) & W_ORGAN)) {
            if ((rc = organ_of(r, lo - 1, x->span.end)) != 0)
                return rc;
            continue;
        }
        if (x->kind != ENT_CANDIDATE && (word_class_h(r->c, r->mr.words[lo - 1].khash) & W_OUTLET))
            continue; /* "на сайте Facebook"; an unknown site is its own: "на сайте Roem.ru" */
        /* a lexicon name in Cyrillic after a noun is mostly in the genitive
         * ("на сайте Госдумы"); in guillemets or Latin script it is the
         * noun's apposition ("партии «Единая Россия»", "компании Yandex") */
        if (x->kind != ENT_CANDIDATE && !opens_quote(r->t, x->span.start) && r->t[x->span.start - 1] != '"' &&
            !(r->mr.words[lo].script & FOLD_LATIN) && !apposition(r, lo - 1, x))
            continue;
        w = lo - 1;
        x->span.start = r->mr.words[w].span.start;
        if (r->covered[w] == 1)
            drop_group_at(r, r->mr.words[w].span);
        if (r->covered[w] && merge_org_before(r, x, w))
            continue; /* "международной шахматной федерации ФИДЕ" */
        x->span.start = noun_phrase_start(r, w);
    }
    return 0;
}

/* The end of the unknown place's mention starting at byte `at` ("Южного
 * округа") or of an unknown acronym's ("МВД"), or 0 when none starts
 * there. */
static size_t place_at(const res *r, size_t at)
{
    size_t k;
    for (k = r->o.n; k-- > 0;)
        if (r->o.v[k].kind == ENT_CANDIDATE && r->o.v[k].span.start == at) {
            const ent_mention *x = &r->o.v[k];
            return x->type[0] == 'L' || (x->type[0] == 'O' && fold_all_upper(r->t + at, x->span.end - at))
                       ? x->span.end : 0;
        }
    return 0;
}

/* "Исламского комитета России", "Министерству торговли КНР": an unknown
 * organization's name runs over up to three lower-case words to the
 * state or organization named after them. */
static void org_states(res *r)
{
    const match_word *mw = r->mr.words;
    size_t k;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *x = &r->o.v[k];
        size_t lo = 0, hi = r->mr.nwords, w, j;
        const unit *u;
        int and;
        if (x->kind != ENT_CANDIDATE || x->type[0] != 'O')
            continue;
        while (lo < hi) { /* the first word ending at or after the mention's end */
            size_t mid = (lo + hi) / 2;
            if (mw[mid].span.end < x->span.end)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo >= r->mr.nwords || mw[lo].span.end != x->span.end)
            continue;
        for (w = lo + 1, j = 0, and = 0; w < r->mr.nwords && j < 4 && !r->covered[w] &&
                                         tight(r->t, mw[w - 1].span.end, mw[w].span.start);
             w++, j++) {
            /* "Института этнологии и антропологии РАН": one "и" between
             * two words of the name */
            if ((j > 0 || !mw[lo].cap) && !and && w + 1 < r->mr.nwords && mw[w].span.end - mw[w].span.start == 2 &&
                memcmp(r->t + mw[w].span.start, "\xD0\xB8", 2) == 0 && name_inner(r->c, r->t, &mw[w + 1]))
                and = 1;
            else if (!name_inner(r->c, r->t, &mw[w]))
                break;
        }
        /* "Российского института культурологии,": the name's own words
         * in the genitive, up to a punctuation mark or a person's given
         * name ("института политической экспертизы Евгения Минченко"); a
         * state's one body has no such words ("парламенту краткие отчеты,") */
        if (j > 0 && !and && !adjective_shape(r->t, mw[w - 1].span) && mw[w - 1].span.end < r->n &&
            (word_class_h(r->c, mw[lo].khash) & (W_ORG | W_SEAT)) == W_ORG &&
            (strchr(",.;:)", r->t[mw[w - 1].span.end]) ||
             (w < r->mr.nwords && r->covered[w] != 1 && mw[w].cap && mw[w].joined == 1 && is_given(r->c, mw[w].khash)))) {
            x->span.end = mw[w - 1].span.end;
            continue;
        }
        if (w >= r->mr.nwords || !tight(r->t, mw[w - 1].span.end, mw[w].span.start))
            continue;
        /* not a capital standing for its state that a person's name goes
         * on from ("The Prodigy Кит Флинт": Кит is Quito there) */
        if (r->covered[w] == 1 && (u = unit_at(r, w)) != NULL && !u->adj &&
            !(lex_entry_at(r->c->lex, u->entry)->metonym && u->first + u->nwords < r->mr.nwords &&
              mw[u->first + u->nwords].cap &&
              r->covered[u->first + u->nwords] != 1 && mw[u->first + u->nwords].joined == 1) &&
            (lex_entry_at(r->c->lex, u->entry)->type == LEX_GPE || lex_entry_at(r->c->lex, u->entry)->type == LEX_ORG ||
             lex_entry_at(r->c->lex, u->entry)->type == LEX_LOC ||
             (lex_entry_at(r->c->lex, u->entry)->type == LEX_AGENT && lex_entry_at(r->c->lex, u->entry)->body &&
              mw[w].cap)))
            x->span.end = u->span.end; /* "Совета министров иностранных дел СНГ", "управления МВД" */
        else if (r->covered[w] == IN_CANDIDATE && (j = place_at(r, mw[w].span.start)) != 0)
            x->span.end = j; /* "Судом Партизанского района" */
    }
}

/* The words of a remit after the preposition at word p: lower-case words
 * that are no verbs, names of the lexicon ("при Президенте РФ", "по
 * Санкт-Петербургу") and one "и" with a word after it ("по бобслею и
 * скелетону"), up to five words and never ending with an adjective.
 * Returns the last word, or p when there is none. */
static size_t remit_end(const res *r, size_t p)
{
    static const char *const idioms[] = {"словам", "данным", "итогам", "поводу", "мнению",
        "информации", "сведениям", "сообщению", "сообщениям", "причине", "просьбе", "приглашению",
        "инициативе", "ходу", "результатам", "оценкам", "требованию", "решению", "указанию", "сути",
        "этом", "поддержке", "участии", "помощи", "условии", "содействии", "этой", "всей", "всему",
        "мере", "крайней", "прошествии", "случае", NULL};
    const match_word *mw = r->mr.words;
    size_t j = p + 1, last = p, k, n;
    if (j >= r->mr.nwords || !tight(r->t, mw[p].span.end, mw[j].span.start))
        return p;
    n = mw[j].span.end - mw[j].span.start;
    for (k = 0; idioms[k]; k++)
        if (strlen(idioms[k]) == n && memcmp(r->t + mw[j].span.start, idioms[k], n) == 0)
            return p;
    while (j < r->mr.nwords && j - p <= 5 && tight(r->t, mw[j - 1].span.end, mw[j].span.start)) {
        const unit *u = r->covered[j] == 1 ? unit_at(r, j) : NULL;
        if (u) {
            /* a name ("при Президенте РФ"), not a person's ("Дан
             * Меридор"), or a common noun of the lexicon ("общества") */
            const lex_entry *e = lex_entry_at(r->c->lex, u->entry);
            lex_type ty = e->type;
            size_t after = u->first + u->nwords;
            if (u->adj || !(ty == LEX_GPE || ty == LEX_ORG || ty == LEX_LOC || ty == LEX_AGENT) ||
                (!mw[j].cap && ty != LEX_ORG && !(ty == LEX_AGENT && (e->body || group_agent(r->c, e, u->entry)))) ||
                (after < r->mr.nwords && mw[after].cap && !r->covered[after] && mw[after].joined == 1))
                break;
            j = after;
            last = j - 1;
        } else if (!r->covered[j] && name_inner(r->c, r->t, &mw[j])) {
            if (!adjective_shape(r->t, mw[j].span))
                last = j;
            j++;
        } else
            break;
        /* "и" (D0 B8) and one more word */
        if (j + 1 < r->mr.nwords && last == j - 1 && mw[j].span.end - mw[j].span.start == 2 &&
            memcmp(r->t + mw[j].span.start, "\xD0\xB8", 2) == 0 &&
            (!r->covered[j + 1] || (r->covered[j + 1] == 1 && (u = unit_at(r, j + 1)) != NULL && u->nwords == 1 && !u->adj)) &&
            tight(r->t, mw[j].span.end, mw[j + 1].span.start) && name_inner(r->c, r->t, &mw[j + 1]) &&
            !adjective_shape(r->t, mw[j + 1].span))
            return j + 1;
    }
    return last;
}

/* "Комитета по иностранным делам", "Совета при Президенте РФ по развитию
 * информационного общества", "комитетом ООН против пыток": an unknown
 * organization's name, or an organ's, runs over its remit or cause, with
 * "по" or "при" after a body's noun, "за" or "против" after a movement's,
 * twice at most. */
static void org_remits(res *r)
{
    const match_word *mw = r->mr.words;
    size_t k;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *x = &r->o.v[k];
        size_t w, e, rounds;
        int cause = 0, remit = 0;
        if (x->kind != ENT_CANDIDATE || x->type[0] != 'O')
            continue;
        for (w = word_from(r, x->span.start); w < r->mr.nwords && mw[w].span.end <= x->span.end; w++) {
            unsigned cl = word_class_h(r->c, mw[w].khash);
            remit |= (cl & W_REMIT) != 0;
            cause |= (cl & W_CAUSE) != 0;
        }
        if (!remit || w == 0 || mw[w - 1].span.end != x->span.end)
            continue;
        for (e = w - 1, rounds = 0; rounds < 2 && e + 1 < r->mr.nwords; rounds++) {
            const match_word *p = &mw[e + 1];
            size_t len = p->span.end - p->span.start, end;
            const char *s = r->t + p->span.start;
            int by = (len == 4 && (memcmp(s, "по", 4) == 0 || memcmp(s, "за", 4) == 0)) ||
                     (len == 6 && memcmp(s, "при", 6) == 0) || (len == 12 && memcmp(s, "против", 12) == 0);
            if (!by || p->cap || !tight(r->t, mw[e].span.end, p->span.start) ||
                (!cause && !rounds && (memcmp(s, "за", 4) == 0 || len == 12)))
                break; /* a body's remit may go on: "по контролю за оборотом наркотиков" */
            if ((end = remit_end(r, e + 1)) == e + 1)
                break;
            e = end;
        }
        x->span.end = mw[e].span.end;
    }
}

/* "имени" or "им.": an organization named after a person follows. */
static int named_after_word(const char *t, size_t n, const match_word *w)
{
    size_t len = w->span.end - w->span.start;
    return (len == 10 && memcmp(t + w->span.start, "имени", 10) == 0) ||
           (len == 4 && memcmp(t + w->span.start, "им", 4) == 0 && w->span.end < n && t[w->span.end] == '.');
}


/* The last word of a person's name written from word w on, over one "и"
 * to a second name ("имени Станиславского и Немировича-Данченко"); w - 1
 * when no capitalized word is there. */
static size_t named_after_end(const res *r, size_t w)
{
    const match_word *mw = r->mr.words;
    size_t end = w - 1, j = w;
    for (;;) {
        while (j < r->mr.nwords && mw[j].cap && mw[j].script == FOLD_CYRILLIC && j - w < 6 &&
               (j == w || mw[j].joined == 1 || initial_at(r->t, mw[j - 1].span, mw[j].span.start)))
            end = j++;
        /* "и" (D0 B8) and a capitalized word: a second name */
        if (end + 2 < r->mr.nwords && end >= w && mw[end + 1].joined == 1 && mw[end + 2].joined == 1 &&
            mw[end + 1].span.end - mw[end + 1].span.start == 2 && r->t[mw[end + 1].span.start] == '\xD0' &&
            r->t[mw[end + 1].span.start + 1] == '\xB8' && mw[end + 2].cap && j == end + 1 && j - w < 4)
            j = end + 2;
        else
            return end;
    }
}

/* "театра имени Вахтангова", "Театра им. Йозефа Бойса": an organization
 * named after a person takes the person's name into its own, with its
 * noun and adjectives; the person is no mention there. Word w is "имени"
 * or "им."; *last is set to the last word taken. */
static int named_after(res *r, size_t w, size_t *last)
{
    const match_word *mw = r->mr.words;
    size_t k, end, into;
    kr_span span;
    if (w == 0 || w + 1 >= r->mr.nwords || !named_after_word(r->t, r->n, &mw[w]) ||
        !((word_class_h(r->c, mw[w - 1].khash) & W_ORG) || r->covered[w - 1] == IN_CANDIDATE) ||
        !tight(r->t, mw[w - 1].span.end, mw[w].span.start) || (end = named_after_end(r, w + 1)) <= w)
        return 0;
    span.start = description_start(r, w - 1);
    span.end = mw[end].span.end;
    /* the mentions there: the organization's noun, the person */
    for (k = 0, into = r->o.n; k < r->o.n; k++) {
        const ent_mention *x = &r->o.v[k];
        if (!x->kind || x->span.end <= mw[w - 1].span.start || x->span.start >= span.end)
            continue;
        if (x->type[0] == 'O' && x->span.start <= mw[w - 1].span.start && into == r->o.n)
            into = k; /* "Театра" of "Театра им. Йозефа Бойса" */
        else if (x->span.start < mw[w - 1].span.start || x->span.end > span.end)
            return 0;
    }
    /* after an unknown name, only an organization's: "Института
     * иностранных языков имени Мориса Тореза" */
    if (into == r->o.n && !(word_class_h(r->c, mw[w - 1].khash) & W_ORG))
        return 0;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *x = &r->o.v[k];
        if (k != into && x->kind && x->span.end > mw[w - 1].span.start && x->span.start < span.end)
            x->kind = 0; /* the person the organization is named after */
    }
    if (into < r->o.n) {
        if (r->o.v[into].span.start < span.start)
            span.start = r->o.v[into].span.start;
        r->o.v[into].span = span;
    }
    for (k = w - 1; k <= end; k++)
        r->covered[k] = 0;
    *last = end;
    return into == r->o.n ? emit_org(r, w - 1, end - w + 2, span) : 0;
}

/* A national team named alone: "сборная", "сборной", "сборную" (the
 * singular; "сборные" are teams in general), with "команда" after it
 * ("сборной команды"). Sports news names the team it is about so, as a
 * name: an organization, with its adjectives ("национальной сборной"). */
static int bare_team(const res *r, size_t w)
{
    static const char stem[] = "сборн";
    const match_word *x = &r->mr.words[w];
    const char *s = r->t + x->span.start;
    size_t len = x->span.end - x->span.start;
    if (len != sizeof stem - 1 + 4 || x->cap || memcmp(s, stem, sizeof stem - 1) != 0)
        return 0;
    s += sizeof stem - 1;
    return memcmp(s, "ая", 4) == 0 || memcmp(s, "ой", 4) == 0 || memcmp(s, "ую", 4) == 0;
}

/* The national team at word w, if it is one; *last is set to its last
 * word. */
static int team_at(res *r, size_t w, size_t *last)
{
    const match_word *mw = r->mr.words;
    size_t end = w;
    if (r->covered[w] || !bare_team(r, w))
        return 0;
    if (w + 1 < r->mr.nwords && !r->covered[w + 1] && !mw[w + 1].cap && mw[w + 1].joined == 1 &&
        (word_class_h(r->c, mw[w + 1].khash) & (W_NATIONAL | W_ORG)) == (W_NATIONAL | W_ORG))
        end = w + 1; /* "сборной команды" */
    *last = end;
    return emit_org(r, w, end - w + 1, (kr_span){description_start(r, w), mw[end].span.end});
}

/* Organizations told by a cue word of their own ("имени", "сборная"):
 * one pass over the words, which looks at a word's length first. */
static int org_cues(res *r)
{
    size_t w;
    int rc = 0;
    for (w = 0; w < r->mr.nwords && rc == 0; w++) {
        size_t len = r->mr.words[w].span.end - r->mr.words[w].span.start;
        if (len == 10 || len == 4) /* имени, им */
            rc = named_after(r, w, &w);
        else if (len == 14) /* сборная, сборной, сборную */
            rc = team_at(r, w, &w);
    }
    return rc;
}

/* A state's or a place's adjective opening the guillemets after an
 * organization noun or a legal form starts the organization's own name:
 * "движение «Московский совет»", "газеты «Русская правда»", "ООО
 * «Российский лес»". Its words are left to the unknown names, which run
 * to the closing guillemet. */
static int quoted_adjective(const res *r, const unit *u)
{
    const match_word *mw = r->mr.words;
    size_t w = u->first;
    return (u->adj || (u->nwords == 1 && adjective_shape(r->t, u->span))) && w > 0 && mw[w].cap &&
           opens_quote(r->t, mw[w].span.start) && (word_class_h(r->c, mw[w - 1].khash) & (W_ORG | W_LEGAL)) &&
           quote_gap(r->t, mw[w - 1].span.end, mw[w].span.start);
}

/* A one-word lexicon name that is part of an unknown person's name: a
 * given name that is also a place, before a capitalized word ("Питер
 * Семнеби", not St Petersburg), or a surname after another given name
 * ("Мишель Обама", not Barack Obama), or a place's name after a given
 * name ("Маша Гессен", not Hesse; "Джордж Вашингтон"). */
static int other_person(const res *r, const unit *u, const lex_entry *e)
{
    const match_word *mw = r->mr.words;
    size_t w = u->first;
    if (u->nwords != 1 || u->adj || !(mw[w].script & FOLD_CYRILLIC))
        return 0;
    /* not before another given name: "Карелии Артур Парфенчиков" is a
     * place and a person */
    if ((e->type == LEX_LOC || e->type == LEX_GPE) && is_given(r->c, mw[w].khash) &&
        w + 1 < r->mr.nwords && !r->covered[w + 1] && mw[w + 1].cap && mw[w + 1].joined == 1 &&
        (mw[w + 1].script & FOLD_CYRILLIC) && !is_given(r->c, mw[w + 1].khash) &&
        !(w > 0 && (word_class_h(r->c, mw[w - 1].khash) & W_LOCATIVE)))
        return 1;
    /* a lone surname of the lexicon before an unknown capitalized word is
     * someone else's given name: "Дан Меридор" */
    if (e->type == LEX_PER && w + 1 < r->mr.nwords && !r->covered[w + 1] && mw[w + 1].cap &&
        mw[w + 1].joined == 1 && (mw[w + 1].script & FOLD_CYRILLIC) && !is_given(r->c, mw[w + 1].khash) &&
        !sentence_start(r->t, mw[w + 1].span.start, r->from) && is_given(r->c, mw[w].khash))
        return 1;
    return (e->type == LEX_PER || e->type == LEX_LOC) && w > 0 && !r->covered[w - 1] && mw[w - 1].cap &&
           mw[w].joined == 1 &&
           is_given(r->c, mw[w - 1].khash) && !sentence_start(r->t, mw[w].span.start, r->from);
}

/* The end of a regnal number in Roman numerals right after a person's
 * name ending at `at` ("Бенедикт XVI", "Елизаветы II"), or `at`. One
 * letter is no number before a point (an initial: "V. Putin") nor after
 * a name in Latin script ("Obama I think"). */
static size_t regnal_after(const char *t, size_t n, size_t at, int latin)
{
    size_t i = at + 1, e;
    if (i >= n || t[at] != ' ')
        return at;
    for (e = i; e < n && e - i < 6 && memchr("IVXLC", t[e], 5); e++)
        ;
    if (e == i || (e < n && (kr_isalpha((unsigned char)t[e]) || (unsigned char)t[e] >= 0x80 ||
                             kr_isdigit((unsigned char)t[e]))))
        return at;
    if (e == i + 1 && (latin || (e < n && t[e] == '.')))
        return at;
    return e;
}

/* Extends person mentions over the initials before them and the regnal
 * number after them. */
static void person_edges(res *r)
{
    size_t k;
    for (k = 0; k < r->o.n; k++) {
        ent_mention *x = &r->o.v[k];
        if (x->kind && x->kind != ENT_ROLE && x->kind != ENT_ADJ && x->type[0] == 'P') {
            x->span.start = initials_before(r->t, r->from, x->span.start);
            x->span.end = regnal_after(r->t, r->n, x->span.end, (unsigned char)r->t[x->span.end - 1] < 0x80);
        }
    }
}

/* The end of a name in Latin script in parentheses that starts at
 * byte `at` ("(Scott Horowitz)": capitalized, letters, spaces, hyphens,
 * apostrophes and points only, up to 80 bytes), past the closing one; 0
 * when there is none. */
static size_t latin_gloss_end(const char *t, size_t n, size_t at)
{
    size_t i;
    if (at + 2 >= n || t[at] != '(' || !(t[at + 1] >= 'A' && t[at + 1] <= 'Z'))
        return 0;
    for (i = at + 1; i < n && i < at + 80 && t[i] != ')'; i++)
        if (!kr_isalpha((unsigned char)t[i]) && (!t[i] || !strchr(" -'.", t[i])))
            return 0;
    return i < n && t[i] == ')' ? i + 1 : 0;
}

/* The Latin letters a name's word starting with Cyrillic letter c (its
 * code point) may start with when spelt in Latin script: "Скотт" Scott,
 * "Хоровитц" Horowitz, "Жан" Jean, "Цюрих" Zurich. "" when unknown. */
static const char *latin_starts(uint32_t c)
{
    static const char *const by_letter[32] = {
        "a", "b", "vw", "ghj", "d", "ey", "zjg", "z", "iey", "yij", "kcq", "l", "m", "n", "o", "pf",
        "r", "sc", "t", "uwo", "fp", "khcj", "tczs", "c", "s", "s", "", "y", "", "ea", "yju", "yji"};
    if (c == 0x401 || c == 0x451) /* Ё, ё */
        return "yej";
    if (c >= 0x410 && c <= 0x42F) /* А..Я */
        return by_letter[c - 0x410];
    if (c >= 0x430 && c <= 0x44F) /* а..я */
        return by_letter[c - 0x430];
    return "";
}

/* Whether the Latin text g[0..gn) spells the name x[0..xn): as many words
 * (hyphens join), each starting with a letter the Cyrillic word's first
 * letter may be spelt with, or with the same letter when x is Latin. */
static int spells(const char *x, size_t xn, const char *g, size_t gn)
{
    size_t i = 0, j = 0;
    for (;;) {
        int32_t c;
        size_t at;
        while (i < xn && (x[i] == ' ' || x[i] == '-'))
            i++;
        while (j < gn && (g[j] == ' ' || g[j] == '-'))
            j++;
        if (i >= xn || j >= gn)
            return i >= xn && j >= gn;
        at = i;
        if ((c = utf8_next(x, xn, &at)) < 0)
            return 0;
        if (c < 0x80 ? ((c | 0x20) != (g[j] | 0x20)) : !strchr(latin_starts((uint32_t)c), g[j] | 0x20))
            return 0;
        while (i < xn && x[i] != ' ' && x[i] != '-')
            i++;
        while (j < gn && g[j] != ' ' && g[j] != '-')
            j++;
    }
}

/* "Скотт Хоровитц (Scott Horowitz)": a person's name spelt in Latin
 * script in parentheses after it (as many words, first letters that
 * spell theirs) is the same person, whatever the words of the spelling
 * match on their own ("Scott" is no Scot); "Лавров (Reuters)" is not. */
static int person_glosses(res *r)
{
    size_t k, j, n = r->o.n;
    for (k = 0; k < n; k++) {
        ent_mention x = r->o.v[k], *g;
        size_t at = x.span.end, end;
        if (!x.kind || x.kind == ENT_ROLE || x.kind == ENT_ADJ || x.type[0] != 'P')
            continue;
        if (at < r->n && r->t[at] == ' ')
            at++;
        if (!(end = latin_gloss_end(r->t, r->n, at)) ||
            !spells(r->t + x.span.start, x.span.end - x.span.start, r->t + at + 1, end - at - 2))
            continue;
        for (j = 0; j < r->o.n; j++)
            if (r->o.v[j].kind && r->o.v[j].span.start > at && r->o.v[j].span.end < end)
                r->o.v[j].kind = 0; /* removed before sorting */
        if (!(g = emit(&r->o)))
            return KR_ENOMEM;
        *g = x;
        g->span = (kr_span){at + 1, end - 1};
    }
    return 0;
}

/* A role phrase of a state that may title the name after it. */
static int titles_name(const ent_ctx *c, const ent_mention *y)
{
    return (y->kind == ENT_ROLE || (y->kind == ENT_GROUP && y->country)) && y->code && y->agent >= 0 &&
           y->agent != c->counterpart;
}

static int cmp_end(const void *a, const void *b)
{
    size_t x = (*(const ent_mention *const *)a)->span.end, y = (*(const ent_mention *const *)b)->span.end;
    return x < y ? -1 : x > y;
}

/* An unknown person named right after a role phrase of a state ("Gondor's
 * Prime Minister Falastur", "Iranian Deputy Foreign Minister Ali Bagheri")
 * takes the phrase's code: the state's group or the role holder's. The
 * role phrases are sorted by their end once; each candidate looks up the
 * word before it. */
static int titled_candidates(res *r)
{
    const ent_mention **roles;
    size_t k, nr = 0, n = r->o.n;
    for (k = 0; k < n; k++)
        nr += titles_name(r->c, &r->o.v[k]);
    if (!nr)
        return 0;
    if (!(roles = arena_alloc(r->a, nr * sizeof *roles)))
        return KR_ENOMEM;
    for (k = nr = 0; k < n; k++)
        if (titles_name(r->c, &r->o.v[k]))
            roles[nr++] = &r->o.v[k];
    qsort(roles, nr, sizeof *roles, cmp_end);
    for (k = 0; k < n; k++) {
        ent_mention *x = &r->o.v[k];
        size_t w, lo = 0, hi = nr, end;
        if (x->kind != ENT_CANDIDATE || x->type[0] != 'P' || x->code)
            continue;
        w = word_from(r, x->span.start);
        if (w == 0 || w >= r->mr.nwords || !tight(r->t, r->mr.words[w - 1].span.end, x->span.start))
            continue;
        end = r->mr.words[w - 1].span.end;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (roles[mid]->span.end < end)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < nr && roles[lo]->span.end == end) {
            x->code = roles[lo]->code;
            x->country = roles[lo]->country;
        }
    }
    return 0;
}

int ent_resolve(ent_ctx *c, const char *t, size_t n, size_t from, const tok_doc *td,
                kr_date date, kr_arena *a, ent_mention **out, size_t *count)
{
    const lex_db *lex = c->lex;
    res r;
    size_t k, w, kept;
    unsigned char *role_end;
    ent_mention *mt;
    int rc;
    memset(&r, 0, sizeof r);
    r.c = c;
    r.t = t;
    r.n = n;
    r.from = from;
    r.day = ymd(date);
    r.a = a;
    r.o.a = a;
    r.last_agent = -1;
    if ((rc = match_text_memo(c->m, c->sc, c->memo, t, n, from, td, a, &r.mr)) != 0)
        return rc;
    r.units = arena_alloc(a, (r.mr.nhits + 1) * sizeof *r.units);
    r.covered = arena_alloc(a, r.mr.nwords + 1);
    role_end = arena_alloc(a, r.mr.nwords + 1);
    if (!r.units || !r.covered || !role_end)
        return KR_ENOMEM;
    memset(r.covered, 0, r.mr.nwords + 1);
    make_units(&r);

    for (k = 0; k < r.nu; k++) {
        unit *u = &r.units[k];
        const lex_entry *e = lex_entry_at(lex, u->entry);
        if (e->type == LEX_AGENT) {
            if ((rc = resolve_role(&r, k)) != 0)
                return rc;
            continue;
        }
        if ((e->type == LEX_GPE || e->type == LEX_LOC) && quoted_adjective(&r, u)) {
            memset(r.covered + u->first, 0, u->nwords); /* left to the unknown names */
            continue;
        }
        if (other_person(&r, u, e)) {
            r.covered[u->first] = 0; /* left to the unknown names */
            continue;
        }
        /* a capital's adjective acts for the state only in a role phrase
         * ("киевский режим"), which takes it below: "по московскому
         * времени" is Moscow's */
        if (e->type == LEX_LOC && e->metonym && !(u->adj && !agent_follows(&r, k)) &&
            (rc = resolve_metonym(&r, u, e)) != 0) {
            if (rc < 0)
                return rc;
            continue;
        }
        /* "STS-124", "ЗАЗ-1103": a flight or a model named after its
         * maker or a channel, no mention of it */
        if (e->type == LEX_ORG && !u->adj && numbered(t, n, u->span.end))
            continue;
        if (!(mt = emit_unit(&r, u, u->entry,
                             (kr_span){u->span.start, e->type == LEX_ORG && !u->adj ? org_end(&r, k, e) : u->span.end},
                             u->adj ? ENT_ADJ : ENT_NAME)))
            return KR_ENOMEM;
        if (e->type == LEX_PER && u->title && !role_at(lex, e, r.day))
            mt->code = u->title; /* "Bree Prime Minister Romendacil" */
        if (e->type == LEX_PER)
            remember_person(&r, u, e);
        if (e->type == LEX_ORG && !u->adj && u->nwords > 1 && (rc = places_in_org(&r, u)) != 0)
            return rc;
    }
    if ((rc = resolve_surnames(&r)) != 0 || (rc = national_bodies(&r)) != 0)
        return rc;

    /* Unknown capitalized names: runs of uncovered capitalized words, typed
     * by their shape and context; then their surnames alone. */
    {
        size_t cyr = 0, lat = 0;
        for (w = 0; w < r.mr.nwords; w++) {
            cyr += (r.mr.words[w].script & FOLD_CYRILLIC) != 0;
            lat += (r.mr.words[w].script & FOLD_LATIN) != 0;
        }
        mark_role_ends(&r.mr, &r.o, role_end);
        if ((rc = candidates(c, t, n, from, &r.mr, r.covered, role_end, cyr > lat, &r.o, a)) != 0)
            return rc;
    }
    org_states(&r);
    org_remits(&r);
    if ((rc = org_nouns(&r)) != 0)
        return rc;
    if ((rc = org_cues(&r)) != 0)
        return rc;
    person_edges(&r);
    place_quarters(&r);
    if ((rc = person_organs(&r)) != 0)
        return rc;
    if ((rc = titled_candidates(&r)) != 0)
        return rc;
    if ((rc = person_glosses(&r)) != 0)
        return rc;

    /* drop the mentions consumed by role phrases, then text order */
    for (k = kept = 0; k < r.o.n; k++)
        if (r.o.v[k].kind)
            r.o.v[kept++] = r.o.v[k];
    r.o.n = kept;
    if (r.o.n)
        qsort(r.o.v, r.o.n, sizeof *r.o.v, cmp_mention);
    *out = r.o.v;
    *count = r.o.n;
    return 0;
}
