/* gen.c: writes the benchmark corpus: synthetic news reports, half English
 * and half Russian, as JSON Lines files of about 8 MB (part-0001.jsonl, ...).
 * The same seed always gives byte-identical output. Usage: gen OUTDIR MB [SEED] */
#include "arena.h"
#include "kr.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MEGA 1000000u          /* a megabyte here is 10^6 bytes, as in MB/s */
#define FILE_BYTES 8000000u    /* a part file is closed once it passes this */
#define NAME_IDS (1u << 21)    /* synthetic surnames: ids 1 .. NAME_IDS-1 */
#define PLACE_IDS (1u << 20)   /* synthetic places: ids 1 .. PLACE_IDS-1 */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ PRNG */

/* xoshiro256** seeded through splitmix64: fixed, fast, and the same on every
 * platform, unlike rand(). */
typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static void rng_seed(rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return res;
}

/* Uniform in [0, n). */
static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int chance(rng *r, uint32_t percent)
{
    return below(r, 100) < percent;
}

/* Roughly log-uniform in [1, max) (density ~ 1/k, Zipf with s = 1), using
 * integers only so the output does not depend on the libm. max: power of 2. */
static uint32_t loguni(rng *r, uint32_t max)
{
    uint32_t bits = 0, e, k;
    while ((1u << (bits + 1)) <= max / 2 + 1 && bits < 31)
        bits++;
    e = below(r, bits + 1);
    k = (1u << e) + below(r, 1u << e);
    return k < max ? k : max - 1;
}

/* Zipf-Mandelbrot sampler over ranks 0..n-1, weight 1/(rank + 2): a CDF in
 * 32-bit fixed point with a guide table, so a draw is one lookup and a short
 * scan. Plain divisions keep it identical everywhere. */
#define ZGUIDE_BITS 12
typedef struct zipf {
    uint32_t n;
    uint32_t *cdf;
    uint32_t guide[1u << ZGUIDE_BITS];
} zipf;

static void *xmalloc(size_t n)
{
    void *p = kr_malloc(n);
    if (!p) {
        fputs("gen: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void zipf_init(zipf *z, uint32_t n)
{
    double total = 0, cum = 0;
    uint32_t i, j;
    z->n = n;
    z->cdf = xmalloc(n * sizeof *z->cdf);
    for (i = 0; i < n; i++)
        total += 1.0 / (i + 2.0);
    for (i = 0; i < n; i++) {
        cum += 1.0 / (i + 2.0);
        z->cdf[i] = i + 1 == n ? UINT32_MAX : (uint32_t)(cum / total * 4294967295.0);
    }
    for (i = 0, j = 0; j < (1u << ZGUIDE_BITS); j++) {
        uint32_t bound = j << (32 - ZGUIDE_BITS);
        while (z->cdf[i] < bound)
            i++;
        z->guide[j] = i;
    }
}

static uint32_t zipf_draw(const zipf *z, rng *r)
{
    uint32_t u = (uint32_t)(rng_next(r) >> 32);
    uint32_t i = z->guide[u >> (32 - ZGUIDE_BITS)];
    while (z->cdf[i] < u)
        i++;
    return i;
}

/* -------------------------------------------------------- output buffer */

typedef struct ob {
    char *p;
    size_t n, cap;
} ob;

static void ob_grow(ob *o, size_t extra)
{
    size_t cap = o->cap ? o->cap : 1 << 16;
    char *p;
    while (cap - o->n < extra)
        cap *= 2;
    p = kr_realloc(o->p, cap);
    if (!p) {
        fputs("gen: out of memory\n", stderr);
        exit(1);
    }
    o->p = p;
    o->cap = cap;
}

static inline void put(ob *o, const char *s, size_t n)
{
    if (o->cap - o->n < n)
        ob_grow(o, n);
    memcpy(o->p + o->n, s, n);
    o->n += n;
}

static void puts0(ob *o, const char *s)
{
    put(o, s, strlen(s));
}

static void putstr(ob *o, kr_str s)
{
    put(o, s.p, s.n);
}

static void putu(ob *o, unsigned long v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(o, tmp + i, sizeof tmp - i);
}

/* ---------------------------------------------------------- word lists */

/* English nouns, most frequent first. "sg:pl" gives an irregular plural,
 * a trailing '=' marks a noun whose plural is its singular. */
static const char *const EN_NOUNS[] = {
    "government", "country", "meeting", "agreement", "security", "cooperation",
    "situation", "issue", "statement", "visit", "region", "conflict", "border",
    "relation", "side", "party", "official", "leader", "state", "army", "force",
    "question", "process", "project", "plan", "decision", "policy", "economy",
    "trade", "energy", "gas", "oil", "price", "market", "sanction", "crisis:crises",
    "war", "peace", "settlement", "ceasefire", "operation", "attack", "strike",
    "protest", "rally", "demonstration", "election", "vote", "campaign",
    "parliament", "law", "bill", "court", "case", "investigation", "report",
    "source", "spokesman:spokesmen", "representative", "delegation", "summit",
    "forum", "conference", "session", "council", "committee", "commission",
    "ministry", "agency", "service", "company", "bank", "fund", "budget", "tax",
    "investment", "loan", "debt", "growth", "inflation", "rate", "currency",
    "export", "import", "supply", "pipeline", "deal", "contract", "treaty",
    "memorandum", "document", "declaration", "resolution", "proposal",
    "initiative", "program", "strategy", "reform", "development",
    "infrastructure", "transport", "railway", "road", "port", "airport",
    "flight", "corridor", "route", "shipment", "cargo", "grain", "food",
    "water", "electricity", "power", "plant", "factory", "enterprise",
    "industry", "sector", "business", "worker", "employee", "union", "wage",
    "salary", "pension", "job", "unemployment", "crowd", "police=", "officer",
    "soldier", "military=", "weapon", "missile", "drone", "tank", "aircraft=",
    "ship", "vessel", "submarine", "exercise", "drill", "base", "unit",
    "battalion", "brigade", "division", "command", "commander", "general",
    "headquarters=", "territory", "area", "village", "town", "city", "district",
    "province", "capital", "population", "resident", "citizen", "refugee",
    "migrant", "victim", "casualty", "death", "injury", "hospital", "doctor",
    "health", "disease", "vaccine", "school", "university", "student",
    "teacher", "education", "science", "research", "technology", "media=",
    "journalist", "newspaper", "television", "interview", "comment", "remark",
    "warning", "threat", "accusation", "claim", "demand", "request", "appeal",
    "call", "offer", "response", "reply", "answer", "position", "view",
    "opinion", "concern", "interest", "priority", "goal", "task", "result",
    "outcome", "step", "measure", "action", "move", "effort", "attempt",
    "approach", "framework", "mechanism", "format", "platform", "dialogue",
    "negotiation", "consultation", "contact", "partnership", "alliance",
    "partner", "ally", "neighbor", "opponent", "rival", "enemy", "opposition",
    "coalition", "faction", "movement", "group", "organization", "community",
    "society", "nation", "people=", "public=", "majority", "minority", "right",
    "freedom", "democracy", "independence", "sovereignty", "integrity",
    "stability", "tension", "escalation", "violence", "clash", "incident",
    "explosion", "fire", "shelling", "bombing", "raid", "arrest", "detention",
    "prisoner", "hostage", "exchange", "release", "trial", "sentence",
    "verdict", "charge", "crime", "corruption", "fraud", "terrorism",
    "terrorist", "militant", "fighter", "rebel", "separatist", "extremist",
    "mission", "peacekeeper", "observer", "monitor", "inspection", "inspector",
    "reactor", "facility", "site", "support", "aid", "assistance", "funding",
    "opportunity", "condition", "guarantee", "obligation", "restriction",
    "ban", "permit", "license", "audit", "control", "oversight", "regulation",
    "standard", "rule", "norm", "principle", "value", "tradition", "culture",
    "history", "memory", "anniversary", "holiday", "ceremony", "exhibition",
    "festival", "tournament", "tourism", "tourist", "embassy", "consulate",
    "diplomat", "trip", "agenda", "plenary", "congress", "assembly",
    "discussion", "debate", "dispute", "disagreement", "compromise", "consent",
    "understanding", "pact", "protocol", "communique", "deficit", "surplus",
    "revenue", "expenditure", "profit", "loss", "capital", "asset", "share",
    "stock", "exchange rate", "ruble", "dollar", "euro", "index", "indicator",
    "level", "week", "month", "day", "period", "deadline", "stage", "moment",
    "morning", "evening", "night", "fertilizer", "harvest", "farmer",
    "production", "product", "goods=", "tariff", "duty", "quota", "limit",
    "exporter", "importer", "supplier", "buyer", "investor", "shareholder",
    "owner", "head", "bureaucrat", "lawmaker", "senator", "governor", "mayor",
    "mediator", "expert", "analyst", "economist", "lawyer", "prosecutor",
    "judge", "investigator", "witness", "suspect", "defendant", "participant",
    "organizer", "activist", "protester", "miner", "driver", "volunteer",
    "rescuer", "firefighter", "serviceman:servicemen", "pilot", "sailor",
    "border guard", "candidate", "winner", "poll", "referendum", "mandate",
    "post", "resignation", "appointment", "decree", "amendment",
    "constitution", "code", "article", "fine", "punishment", "prison",
    "colony", "lawsuit", "complaint", "hearing", "ruling", "neighborhood",
    "bridge", "dam", "power line", "hub", "terminal", "warehouse", "station",
};

/* English verbs: "base[:past[:participle]]"; a '+' after the base doubles
 * its last consonant (plan+ -> planned, planning). */
static const char *const EN_VERBS[] = {
    "say:said", "meet:met", "hold:held", "discuss", "sign", "approve", "support",
    "condemn", "criticize", "accuse", "warn", "urge", "propose", "adopt",
    "reject", "refuse", "agree", "send:sent", "allocate", "increase", "reduce",
    "introduce", "impose", "lift", "cancel", "extend", "suspend", "resume",
    "launch", "build:built", "open", "close", "begin+:began:begun", "complete",
    "continue", "strengthen", "expand", "develop", "ensure", "guarantee",
    "consider", "study", "examine", "detain", "arrest", "release", "expel+",
    "announce", "publish", "present", "receive", "demand", "express", "call",
    "recognize", "deny", "confirm", "visit", "arrive", "return", "convene",
    "ratify", "violate", "attack", "shell", "destroy", "shoot:shot", "seize",
    "evacuate", "deploy", "withdraw:withdrew:withdrawn", "stabilize", "lower",
    "raise", "maintain", "lose:lost", "win+:won", "elect", "appoint",
    "dismiss", "thank", "congratulate", "invite", "assess", "forecast:forecast",
    "expect", "plan+", "prepare", "host", "attend", "join", "leave:left",
    "lead:led", "sell:sold", "buy:bought", "pay:paid", "spend:spent",
    "fight:fought", "bring:brought", "seek:sought", "give:gave:given",
    "take:took:taken", "make:made", "tell:told", "find:found", "keep:kept",
    "show:showed:shown", "speak:spoke:spoken", "write:wrote:written",
    "rise:rose:risen", "fall:fell:fallen", "grow:grew:grown",
    "drive:drove:driven", "choose:chose:chosen", "freeze:froze:frozen", "ban+",
    "block", "restrict", "allow", "permit+", "exclude", "include", "negotiate",
    "mediate", "facilitate", "coordinate", "monitor", "inspect", "investigate",
    "prosecute", "charge", "fine", "protest", "rally", "gather", "march",
    "occupy", "blockade", "picket", "boycott", "welcome", "praise", "honor",
    "mourn", "commemorate", "celebrate", "emphasize", "stress", "note",
    "insist", "claim", "suggest", "recall", "estimate", "report", "indicate",
    "reveal", "disclose", "acknowledge", "admit+", "downplay", "reaffirm",
    "reiterate", "pledge", "promise", "vow", "threaten", "retaliate",
    "respond", "react", "intervene", "escalate", "resolve", "settle",
    "restore", "rebuild:rebuilt", "repair", "supply", "deliver", "export",
    "import", "transport", "ship+", "produce", "invest", "finance", "fund",
    "borrow", "lend:lent", "owe", "trade", "cooperate", "consult", "exchange",
    "share", "transfer+", "hand", "provide", "offer", "grant", "veto", "pass",
    "amend", "debate", "vote", "nominate", "resign", "replace", "cut+:cut",
    "stop+", "halt", "postpone", "delay", "speed:sped", "boost", "cap+", "double",
    "triple", "target", "strike:struck", "intercept",
    "capture", "liberate", "surround", "defend", "protect", "secure", "patrol",
    "train", "equip", "arm", "disarm", "demine", "rescue", "treat", "vaccinate",
    "register", "count", "audit", "review", "revise", "draft", "submit+",
    "endorse", "back", "oppose", "question", "challenge", "appeal", "overturn",
    "uphold:upheld", "acquit+", "convict", "jail", "pardon", "extradite",
    "deport", "summon", "recall", "postpone", "boycott", "sanction",
};

static const char *const EN_ADJS[] = {
    "new", "military", "economic", "political", "international", "national",
    "regional", "local", "federal", "official", "last", "main", "key",
    "important", "major", "large", "high", "low", "long-term", "strategic",
    "nuclear", "humanitarian", "financial", "social", "public", "presidential",
    "parliamentary", "diplomatic", "bilateral", "multilateral", "joint",
    "mutual", "peaceful", "armed", "customs", "maritime", "digital",
    "cultural", "educational", "historic", "modern", "future", "former",
    "current", "upcoming", "next", "difficult", "serious", "acute", "tense",
    "calm", "stable", "sustainable", "successful", "effective",
    "constructive", "open", "direct", "urgent", "emergency", "temporary",
    "permanent", "final", "preliminary", "full", "partial", "legal", "illegal",
    "criminal", "judicial", "constitutional", "electoral", "independent",
    "free", "democratic", "European", "Western", "Eastern", "northern",
    "southern", "central", "western", "eastern", "further", "largest",
    "separate", "special", "various", "numerous", "mass", "massive", "private",
    "commercial", "monetary", "fiscal", "industrial", "agricultural",
    "medical", "scientific", "technical", "environmental", "global",
    "domestic", "foreign", "internal", "external", "urban", "rural",
    "municipal", "friendly", "hostile", "aggressive", "provocative",
    "unprecedented", "significant", "substantial", "considerable",
    "comprehensive", "detailed", "initial", "additional", "total", "annual",
    "monthly", "daily", "weekly", "recent", "previous", "early", "late",
    "possible", "necessary", "likely", "unlikely", "clear", "strong", "weak",
    "fair", "unfair", "fragile", "vital", "critical", "crucial", "essential",
    "sensitive", "controversial", "disputed", "contested", "occupied",
    "damaged", "wounded", "senior", "junior", "chief", "deputy", "acting",
    "interim", "outgoing", "incoming", "regular", "extraordinary", "routine",
    "unilateral", "trilateral", "collective", "regional", "cross-border",
    "transit", "overland", "offshore", "coastal", "mountainous", "remote",
    "densely populated", "residential", "state-owned", "privately held",
    "independent", "pro-government", "opposition", "radical", "moderate",
    "conservative", "liberal", "nationalist", "secular", "religious",
    "ethnic", "civilian", "unarmed", "armored", "ballistic", "hypersonic",
    "tactical", "operational", "logistical", "administrative", "bureaucratic",
    "corrupt", "transparent", "accountable", "credible", "reliable",
    "realistic", "pragmatic", "balanced", "mutually beneficial", "tough",
    "harsh", "mild", "cautious", "optimistic", "pessimistic", "skeptical",
    "firm", "flexible", "rapid", "gradual", "sharp", "steady", "modest",
    "record", "unexpected", "surprise", "sudden", "lengthy", "brief",
};

/* Russian nouns, nominative singular. Marks: a leading '=' indeclinable,
 * '*' a masculine noun in -ь; a trailing '#' no plural in use, '@' animate;
 * "nom>stem" the stem of the other cases (fleeting vowel); "nom/genpl" an
 * irregular genitive plural. Gender comes from the ending. */
static const char *const RU_NOUNS[] = {
    "правительство", "страна", "министр@", "президент@", "встреча",
    "соглашение", "безопасность", "сотрудничество", "ситуация", "вопрос",
    "заявление", "визит", "регион", "конфликт", "граница", "отношение",
    "сторона", "партия", "*представитель@", "лидер@", "государство", "армия",
    "проблема", "процесс", "проект", "план", "решение", "политика", "экономика",
    "торговля#", "энергетика#", "газ#", "нефть#", "цена", "рынок>рынк",
    "санкция", "кризис", "мир#", "урегулирование", "перемирие", "операция",
    "удар", "забастовка/забастовок", "протест", "акция", "митинг",
    "голосование", "кампания", "парламент", "закон", "законопроект", "суд",
    "дело", "расследование", "доклад", "источник", "делегация", "саммит",
    "форум", "конференция", "сессия", "совет", "комитет", "комиссия",
    "министерство", "агентство", "служба/служб", "компания", "банк", "фонд",
    "бюджет", "налог", "инвестиция", "кредит", "долг", "рост#", "инфляция#",
    "ставка/ставок", "валюта", "экспорт", "импорт", "поставка/поставок",
    "газопровод", "сделка/сделок", "контракт", "договор", "меморандум",
    "документ", "декларация", "резолюция", "предложение", "инициатива",
    "программа", "стратегия", "реформа", "развитие", "инфраструктура",
    "транспорт", "дорога", "порт", "аэропорт", "рейс", "коридор", "маршрут",
    "груз", "продовольствие#", "вода", "электроэнергия#", "электростанция",
    "завод", "предприятие", "промышленность#", "отрасль", "бизнес",
    "сотрудник@", "профсоюз", "зарплата", "пенсия", "работа", "безработица#",
    "толпа", "полиция#", "оружие#", "ракета", "беспилотник", "танк", "самолет",
    "*корабль", "база", "подразделение", "батальон", "бригада", "дивизия",
    "командование", "генерал@", "штаб", "территория", "район", "поселок>поселк",
    "область", "провинция", "столица", "население#", "*житель@",
    "беженец>беженц@", "мигрант@", "жертва", "ранение", "больница",
    "здоровье#", "болезнь", "вакцина", "школа", "университет", "студент@",
    "образование", "наука", "исследование", "технология", "журналист@",
    "газета", "телевидение#", "=интервью", "комментарий", "замечание",
    "предупреждение", "угроза", "обвинение", "требование", "просьба/просьб",
    "призыв", "ответ", "позиция", "мнение", "озабоченность", "интерес",
    "приоритет", "цель", "задача", "результат", "шаг", "мера", "действие",
    "усилие", "попытка/попыток", "подход", "механизм", "формат", "платформа",
    "диалог", "консультация", "контакт", "партнерство", "альянс", "партнер@",
    "союзник@", "оппонент@", "соперник@", "противник@", "оппозиция",
    "коалиция", "фракция", "движение", "группа", "организация", "сообщество",
    "общество", "нация", "народ", "общественность#", "большинство#",
    "меньшинство", "право", "свобода", "демократия", "независимость#",
    "суверенитет#", "целостность#", "стабильность#", "напряженность",
    "эскалация", "насилие#", "столкновение", "инцидент", "взрыв", "пожар",
    "обстрел", "бомбардировка/бомбардировок", "рейд", "арест", "задержание",
    "заложник@", "обмен", "освобождение", "приговор", "преступление",
    "коррупция#", "мошенничество", "терроризм#", "террорист@", "боевик@",
    "миссия", "миротворец>миротворц@", "*наблюдатель@", "мониторинг",
    "инспекция", "инспектор@", "реактор", "объект", "площадка/площадок",
    "доверие#", "поддержка#", "помощь#", "финансирование", "возможность",
    "необходимость#", "условие", "гарантия", "обязательство", "ограничение",
    "запрет", "разрешение", "лицензия", "проверка/проверок", "контроль#",
    "регулирование", "стандарт", "правило", "норма", "принцип", "ценность",
    "традиция", "культура", "история", "память#", "годовщина", "праздник",
    "церемония", "выставка/выставок", "*фестиваль", "турнир", "туризм#",
    "турист@", "посольство", "консульство", "дипломат@", "поездка/поездок",
    "повестка/повесток", "заседание", "съезд", "собрание", "совещание",
    "обсуждение", "дискуссия", "спор", "разногласие", "компромисс",
    "согласие#", "договоренность", "пакт", "протокол", "=коммюнике",
    "дефицит", "доход", "расход", "прибыль", "убыток>убытк", "капитал",
    "актив", "биржа/бирж", "*рубль", "доллар", "=евро", "курс", "индекс",
    "*показатель", "*уровень>уровн", "неделя", "месяц", "*день>дн", "период",
    "срок", "этап", "момент", "утро#", "вечер#", "ночь", "зерно#",
    "удобрение", "урожай", "фермер@", "производство", "продукция#", "товар",
    "услуга", "*потребитель@", "тариф", "пошлина", "квота", "лимит",
    "экспортер@", "импортер@", "поставщик@", "*покупатель@", "инвестор@",
    "акционер@", "владелец>владельц@", "*руководитель@", "чиновник@",
    "депутат@", "сенатор@", "губернатор@", "мэр@", "посредник@", "эксперт@",
    "аналитик@", "политолог@", "экономист@", "адвокат@", "прокурор@",
    "*следователь@", "*свидетель@", "участник@", "организатор@", "активист@",
    "демонстрант@", "шахтер@", "*водитель@", "волонтер@", "*спасатель@",
    "офицер@", "летчик@", "моряк@", "пограничник@", "командир@",
    "*избиратель@", "кандидат@", "*победитель@", "рейтинг", "опрос",
    "референдум", "выбор", "мандат", "пост", "должность", "отставка/отставок",
    "назначение", "указ", "постановление", "поправка/поправок", "конституция",
    "кодекс", "статья/статей", "штраф", "наказание", "тюрьма/тюрем", "колония",
    "иск", "жалоба/жалоб", "апелляция", "слушание", "вердикт", "место",
    "средство", "слово", "мост", "плотина", "терминал", "склад", "станция",
    "хаб", "трубопровод", "месторождение", "скважина", "шахта", "комбинат",
};

/* Russian adjectives, nominative masculine singular. */
static const char *const RU_ADJS[] = {
    "новый", "российский", "военный", "экономический", "политический",
    "международный", "государственный", "национальный", "региональный",
    "местный", "федеральный", "официальный", "последний", "главный",
    "основной", "важный", "крупный", "большой", "высокий", "низкий",
    "долгосрочный", "стратегический", "торговый", "энергетический", "ядерный",
    "гуманитарный", "финансовый", "социальный", "общественный",
    "президентский", "парламентский", "правительственный", "дипломатический",
    "двусторонний", "многосторонний", "совместный", "взаимный", "мирный",
    "вооруженный", "пограничный", "таможенный", "транспортный",
    "железнодорожный", "морской", "воздушный", "наземный", "космический",
    "ракетный", "газовый", "нефтяной", "электрический", "промышленный",
    "сельскохозяйственный", "продовольственный", "медицинский", "научный",
    "технический", "цифровой", "информационный", "культурный",
    "образовательный", "спортивный", "туристический", "исторический",
    "современный", "будущий", "бывший", "нынешний", "прежний", "следующий",
    "общий", "текущий", "предстоящий", "сложный", "трудный", "серьезный",
    "острый", "напряженный", "спокойный", "стабильный", "устойчивый",
    "успешный", "эффективный", "конструктивный", "открытый", "закрытый",
    "прямой", "срочный", "экстренный", "чрезвычайный", "временный",
    "постоянный", "окончательный", "предварительный", "полный", "частичный",
    "законный", "незаконный", "уголовный", "судебный", "конституционный",
    "избирательный", "партийный", "оппозиционный", "независимый", "свободный",
    "демократический", "европейский", "западный", "восточный", "северный",
    "южный", "центральный", "ближайший", "дальнейший", "крупнейший",
    "отдельный", "специальный", "особый", "различный", "многочисленный",
    "массовый", "протестный", "трудовой", "профсоюзный", "частный",
    "коммерческий", "банковский", "валютный", "денежный", "бюджетный",
    "налоговый", "инвестиционный", "кредитный", "долговой", "ценовой",
    "рыночный", "внешний", "внутренний", "городской", "сельский",
    "областной", "районный", "муниципальный", "республиканский", "союзный",
    "дружественный", "враждебный", "агрессивный", "провокационный",
    "террористический", "экстремистский", "мировой", "деловой", "действующий",
    "ведущий", "важнейший", "высший", "дополнительный", "ежегодный",
    "ежемесячный", "недавний", "возможный", "необходимый", "ясный",
    "сильный", "слабый", "справедливый", "хрупкий", "жизненный",
    "критический", "ключевой", "чувствительный", "спорный", "оккупированный",
    "поврежденный", "старший", "исполняющий", "временный", "регулярный",
    "внеочередной", "односторонний", "трехсторонний", "коллективный",
    "трансграничный", "транзитный", "прибрежный", "горный", "отдаленный",
    "жилой", "гражданский", "безоружный", "бронированный", "баллистический",
    "гиперзвуковой", "тактический", "оперативный", "логистический",
    "административный", "коррупционный", "прозрачный", "надежный",
    "реалистичный", "прагматичный", "сбалансированный", "взаимовыгодный",
    "жесткий", "мягкий", "осторожный", "оптимистичный", "пессимистичный",
    "твердый", "гибкий", "быстрый", "постепенный", "резкий", "скромный",
    "рекордный", "неожиданный", "внезапный", "длительный", "краткий",
};

/* Russian verbs: "infinitive:3sg non-past[:masculine past]"; the past is
 * derived from the infinitive unless given. */
static const char *const RU_VERBS[] = {
    "заявить:заявит", "сообщить:сообщит", "отметить:отметит",
    "подчеркнуть:подчеркнет", "обсудить:обсудит", "провести:проведет:провел",
    "подписать:подпишет", "одобрить:одобрит", "поддержать:поддержит",
    "осудить:осудит", "раскритиковать:раскритикует", "обвинить:обвинит",
    "предупредить:предупредит", "призвать:призовет", "предложить:предложит",
    "принять:примет", "отклонить:отклонит", "направить:направит",
    "выделить:выделит", "увеличить:увеличит", "сократить:сократит",
    "ввести:введет:ввел", "отменить:отменит", "продлить:продлит",
    "приостановить:приостановит", "возобновить:возобновит",
    "запустить:запустит", "построить:построит", "открыть:откроет",
    "закрыть:закроет", "начать:начнет", "завершить:завершит",
    "продолжить:продолжит", "усилить:усилит", "укрепить:укрепит",
    "расширить:расширит", "обеспечить:обеспечит",
    "гарантировать:гарантирует", "рассмотреть:рассмотрит", "изучить:изучит",
    "проверить:проверит", "задержать:задержит", "арестовать:арестует",
    "освободить:освободит", "объявить:объявит", "опубликовать:опубликует",
    "представить:представит", "получить:получит", "потребовать:потребует",
    "выразить:выразит", "назвать:назовет", "признать:признает",
    "подтвердить:подтвердит", "прокомментировать:прокомментирует",
    "посетить:посетит", "созвать:созовет", "утвердить:утвердит",
    "согласовать:согласует", "ратифицировать:ратифицирует",
    "нарушить:нарушит", "атаковать:атакует", "обстрелять:обстреляет",
    "уничтожить:уничтожит", "сбить:собьет", "захватить:захватит",
    "эвакуировать:эвакуирует", "разместить:разместит",
    "вывести:выведет:вывел", "стабилизировать:стабилизирует",
    "снизить:снизит", "повысить:повысит", "сохранить:сохранит",
    "потерять:потеряет", "выиграть:выиграет", "проиграть:проиграет",
    "избрать:изберет", "назначить:назначит", "уволить:уволит",
    "наградить:наградит", "поблагодарить:поблагодарит",
    "поздравить:поздравит", "пригласить:пригласит", "оценить:оценит",
    "прогнозировать:прогнозирует", "ожидать:ожидает",
    "планировать:планирует", "готовить:готовит", "обсуждать:обсуждает",
    "рассматривать:рассматривает", "поддерживать:поддерживает",
    "развивать:развивает", "укреплять:укрепляет", "призывать:призывает",
    "требовать:требует", "критиковать:критикует", "осуждать:осуждает",
    "блокировать:блокирует", "ограничить:ограничит", "запретить:запретит",
    "разрешить:разрешит", "допустить:допустит", "исключить:исключит",
    "включить:включит", "контролировать:контролирует",
    "финансировать:финансирует", "инвестировать:инвестирует",
    "экспортировать:экспортирует", "импортировать:импортирует",
    "поставлять:поставляет", "закупать:закупает", "производить:производит",
    "строить:строит", "восстанавливать:восстанавливает",
    "модернизировать:модернизирует", "отрицать:отрицает",
    "сообщать:сообщает", "отмечать:отмечает", "обеспечивать:обеспечивает",
    "сокращать:сокращает", "увеличивать:увеличивает", "снижать:снижает",
    "повышать:повышает", "вводить:вводит", "отменять:отменяет",
    "продлевать:продлевает", "направлять:направляет", "выделять:выделяет",
    "нарушать:нарушает", "защищать:защищает", "защитить:защитит",
    "охранять:охраняет", "патрулировать:патрулирует", "обучать:обучает",
    "вооружить:вооружит", "лечить:лечит",
    "зарегистрировать:зарегистрирует", "пересмотреть:пересмотрит",
    "подготовить:подготовит", "одобрять:одобряет",
    "оспорить:оспорит", "отменить:отменит", "оправдать:оправдает",
    "осудить:осудит", "помиловать:помилует", "экстрадировать:экстрадирует",
    "депортировать:депортирует", "вызвать:вызовет", "отложить:отложит",
    "ускорить:ускорит", "удвоить:удвоит", "перехватить:перехватит",
    "окружить:окружит", "освоить:освоит", "обменять:обменяет",
    "передавать:передает", "обещать:обещает", "пообещать:пообещает",
    "угрожать:угрожает", "стремиться:стремится", "встретиться:встретится",
    "договориться:договорится", "отказаться:откажется",
    "согласиться:согласится", "вернуться:вернется", "собираться:собирается",
    "присоединиться:присоединится", "опасаться:опасается",
    "добиваться:добивается", "развиваться:развивается",
    "сократиться:сократится", "увеличиться:увеличится",
    "снизиться:снизится", "ухудшиться:ухудшится", "улучшиться:улучшится",
};

/* ------------------------------------------------------------- actors */

enum { G_M, G_F, G_N, G_PL };

/* Countries. `ru` is a declension spec (see ru_spec); `g` its gender;
 * `origin` picks names for synthetic people: s Slavic, w Western,
 * c Caucasus/Turkic/Middle East, e East Asian (no synthetic people). */
typedef struct country {
    const char *en, *dem, *ru, *ru_adj;
    char g, origin;
} country;

enum {
    C_RUS, C_USA, C_CHN, C_UKR, C_TUR, C_IRN, C_AZE, C_ARM, C_GEO, C_DEU,
    C_FRA, C_GBR, C_KAZ, C_BLR, C_IND, C_ISR, C_SYR, C_JPN, C_POL, C_ITA,
    C_UZB, C_KGZ, C_TJK, C_TKM, C_MDA, C_SRB, C_EGY, C_IRQ, C_AFG, C_PAK,
    C_QAT, C_BRA, C_CAN, C_ESP, C_FIN, C_SWE, C_NOR, C_HUN, C_GRC, C_LTU,
    C_LVA, C_EST, C_VEN, C_CUB, C_PRK, C_KOR, C_SAU, C_ARE, C_VNM, C_IDN,
    C_MNG, C_LBN, C_JOR, C_LBY, C_DZA, C_ETH, C_MEX, C_ARG, C_ZAF, C_AUT,
    C_CHE, C_NLD, C_BEL
};

static const country COUNTRIES[] = {
    {"Russia", "Russian", "Россия", "российский", 'f', 's'},
    {"the United States", "U.S.", "США", "американский", 'p', 'w'},
    {"China", "Chinese", "Китай", "китайский", 'm', 'e'},
    {"Ukraine", "Ukrainian", "Украина", "украинский", 'f', 's'},
    {"Turkey", "Turkish", "Турция", "турецкий", 'f', 'c'},
    {"Iran", "Iranian", "Иран", "иранский", 'm', 'c'},
    {"Azerbaijan", "Azerbaijani", "Азербайджан", "азербайджанский", 'm', 'c'},
    {"Armenia", "Armenian", "Армения", "армянский", 'f', 'c'},
    {"Georgia", "Georgian", "Грузия", "грузинский", 'f', 'c'},
    {"Germany", "German", "Германия", "германский", 'f', 'w'},
    {"France", "French", "Франция", "французский", 'f', 'w'},
    {"Britain", "British", "Великобритания", "британский", 'f', 'w'},
    {"Kazakhstan", "Kazakh", "Казахстан", "казахстанский", 'm', 'c'},
    {"Belarus", "Belarusian", "Белоруссия", "белорусский", 'f', 's'},
    {"India", "Indian", "Индия", "индийский", 'f', 'e'},
    {"Israel", "Israeli", "Израиль", "израильский", 'm', 'w'},
    {"Syria", "Syrian", "Сирия", "сирийский", 'f', 'c'},
    {"Japan", "Japanese", "Япония", "японский", 'f', 'e'},
    {"Poland", "Polish", "Польша", "польский", 'f', 's'},
    {"Italy", "Italian", "Италия", "итальянский", 'f', 'w'},
    {"Uzbekistan", "Uzbek", "Узбекистан", "узбекский", 'm', 'c'},
    {"Kyrgyzstan", "Kyrgyz", "Киргизия", "киргизский", 'f', 'c'},
    {"Tajikistan", "Tajik", "Таджикистан", "таджикский", 'm', 'c'},
    {"Turkmenistan", "Turkmen", "Туркмения", "туркменский", 'f', 'c'},
    {"Moldova", "Moldovan", "Молдавия", "молдавский", 'f', 's'},
    {"Serbia", "Serbian", "Сербия", "сербский", 'f', 's'},
    {"Egypt", "Egyptian", "Египет>Египт", "египетский", 'm', 'c'},
    {"Iraq", "Iraqi", "Ирак", "иракский", 'm', 'c'},
    {"Afghanistan", "Afghan", "Афганистан", "афганский", 'm', 'c'},
    {"Pakistan", "Pakistani", "Пакистан", "пакистанский", 'm', 'c'},
    {"Qatar", "Qatari", "Катар", "катарский", 'm', 'c'},
    {"Brazil", "Brazilian", "Бразилия", "бразильский", 'f', 'w'},
    {"Canada", "Canadian", "Канада", "канадский", 'f', 'w'},
    {"Spain", "Spanish", "Испания", "испанский", 'f', 'w'},
    {"Finland", "Finnish", "Финляндия", "финский", 'f', 'w'},
    {"Sweden", "Swedish", "Швеция", "шведский", 'f', 'w'},
    {"Norway", "Norwegian", "Норвегия", "норвежский", 'f', 'w'},
    {"Hungary", "Hungarian", "Венгрия", "венгерский", 'f', 'w'},
    {"Greece", "Greek", "Греция", "греческий", 'f', 'w'},
    {"Lithuania", "Lithuanian", "Литва", "литовский", 'f', 'w'},
    {"Latvia", "Latvian", "Латвия", "латвийский", 'f', 'w'},
    {"Estonia", "Estonian", "Эстония", "эстонский", 'f', 'w'},
    {"Venezuela", "Venezuelan", "Венесуэла", "венесуэльский", 'f', 'w'},
    {"Cuba", "Cuban", "Куба", "кубинский", 'f', 'w'},
    {"North Korea", "North Korean", "КНДР", "северокорейский", 'f', 'e'},
    {"South Korea", "South Korean",
     "Южная Корея|Южной Кореи|Южной Корее|Южную Корею|Южной Кореей|Южной Корее",
     "южнокорейский", 'f', 'e'},
    {"Saudi Arabia", "Saudi",
     "Саудовская Аравия|Саудовской Аравии|Саудовской Аравии|Саудовскую Аравию|"
     "Саудовской Аравией|Саудовской Аравии",
     "саудовский", 'f', 'c'},
    {"the United Arab Emirates", "Emirati", "ОАЭ", "эмиратский", 'p', 'c'},
    {"Vietnam", "Vietnamese", "Вьетнам", "вьетнамский", 'm', 'e'},
    {"Indonesia", "Indonesian", "Индонезия", "индонезийский", 'f', 'e'},
    {"Mongolia", "Mongolian", "Монголия", "монгольский", 'f', 'e'},
    {"Lebanon", "Lebanese", "Ливан", "ливанский", 'm', 'c'},
    {"Jordan", "Jordanian", "Иордания", "иорданский", 'f', 'c'},
    {"Libya", "Libyan", "Ливия", "ливийский", 'f', 'c'},
    {"Algeria", "Algerian", "Алжир", "алжирский", 'm', 'c'},
    {"Ethiopia", "Ethiopian", "Эфиопия", "эфиопский", 'f', 'c'},
    {"Mexico", "Mexican", "Мексика", "мексиканский", 'f', 'w'},
    {"Argentina", "Argentine", "Аргентина", "аргентинский", 'f', 'w'},
    {"South Africa", "South African", "ЮАР", "южноафриканский", 'f', 'w'},
    {"Austria", "Austrian", "Австрия", "австрийский", 'f', 'w'},
    {"Switzerland", "Swiss", "Швейцария", "швейцарский", 'f', 'w'},
    {"the Netherlands", "Dutch",
     "Нидерланды|Нидерландов|Нидерландам|Нидерланды|Нидерландами|Нидерландах",
     "нидерландский", 'p', 'w'},
    {"Belgium", "Belgian", "Бельгия", "бельгийский", 'f', 'w'},
};

/* Roles. `ru_head` is declined, `ru_tail` is not; a country role is
 * preceded by the country's demonym in English and followed by the
 * country's genitive in Russian. Roles from R_ORG on belong to no country. */
typedef struct role {
    const char *en_m, *en_f, *ru_head, *ru_tail;
} role;

enum {
    R_PRES, R_PM, R_FM, R_DM, R_SPOKES, R_MFA_SPOKES, R_DEP_FM, R_ECON,
    R_ENERGY, R_FIN, R_AMB, R_MP, R_OPP, R_SECCOUNCIL, R_SPEAKER, R_CB,
    R_INTERIOR, R_JUSTICE, R_TRADE, R_HEALTH, R_GENSTAFF, R_DEPPM, R_AIDE,
    R_VP, R_SECSTATE, R_CHANCELLOR, R_NSA, R_UNENVOY, R_SENATE, R_SC_DEPUTY,
    R_ORG, R_UNSG = R_ORG, R_NATOSG, R_EUFP, R_IAEA, R_EC, R_MOSMAYOR
};

static const role ROLES[] = {
    {"President", "President", "президент", ""},
    {"Prime Minister", "Prime Minister", "премьер-министр", ""},
    {"Foreign Minister", "Foreign Minister", "министр", " иностранных дел"},
    {"Defense Minister", "Defense Minister", "министр", " обороны"},
    {"presidential spokesman", "presidential spokeswoman", "*пресс-секретарь",
     " президента"},
    {"Foreign Ministry spokesman", "Foreign Ministry spokeswoman",
     "*представитель", " МИД"},
    {"Deputy Foreign Minister", "Deputy Foreign Minister", "*заместитель",
     " министра иностранных дел"},
    {"Economy Minister", "Economy Minister", "министр",
     " экономического развития"},
    {"Energy Minister", "Energy Minister", "министр", " энергетики"},
    {"Finance Minister", "Finance Minister", "министр", " финансов"},
    {"ambassador", "ambassador", "посол|посла|послу|посла|послом|после", ""},
    {"lawmaker", "lawmaker", "депутат", " парламента"},
    {"opposition leader", "opposition leader", "лидер", " оппозиции"},
    {"Security Council Secretary", "Security Council Secretary", "*секретарь",
     " Совета безопасности"},
    {"parliament speaker", "parliament speaker", "спикер", " парламента"},
    {"Central Bank Governor", "Central Bank Governor", "глава",
     " Центробанка"},
    {"Interior Minister", "Interior Minister", "министр", " внутренних дел"},
    {"Justice Minister", "Justice Minister", "министр", " юстиции"},
    {"Trade Minister", "Trade Minister", "министр", " торговли"},
    {"Health Minister", "Health Minister", "министр", " здравоохранения"},
    {"army chief of staff", "army chief of staff", "начальник",
     " Генштаба"},
    {"Deputy Prime Minister", "Deputy Prime Minister", "вице-премьер", ""},
    {"presidential aide", "presidential aide", "помощник", " президента"},
    {"Vice President", "Vice President", "вице-президент", ""},
    {"Secretary of State", "Secretary of State", "госсекретарь", ""},
    {"Chancellor", "Chancellor", "канцлер", ""},
    {"National Security Adviser", "National Security Adviser", "советник",
     " по национальной безопасности"},
    {"envoy to the UN", "envoy to the UN", "постпред", " при ООН"},
    {"upper house speaker", "upper house speaker", "спикер",
     " верхней палаты парламента"},
    {"Security Council deputy chairman", "Security Council deputy chairman",
     "зампред", " Совбеза"},
    {"UN Secretary-General", "UN Secretary-General", "генсек", " ООН"},
    {"NATO Secretary General", "NATO Secretary General", "генсек", " НАТО"},
    {"EU foreign policy chief", "EU foreign policy chief", "глава",
     " дипломатии ЕС"},
    {"IAEA Director General", "IAEA Director General", "гендиректор",
     " МАГАТЭ"},
    {"European Commission President", "European Commission President",
     "председатель|председателя|председателю|председателя|председателем|"
     "председателе",
     " Еврокомиссии"},
    {"Moscow Mayor", "Moscow Mayor", "мэр", " Москвы"},
};

#define R_COUNTRY_ROLES R_ORG /* synthetic people hold one of these */

/* People in the news, most cited first. Russian names are declension specs
 * (a '!' before a surname: foreign, instrumental in -ом, not -ым); `fixed`:
 * the Russian name is not declined at all. An empty first name: the
 * English surname comes first and is the short form. */
typedef struct real_person {
    const char *en_first, *en_last, *ru_first, *ru_last;
    char g;
    signed char country;
    unsigned char role, fixed;
} real_person;

static const real_person PEOPLE[] = {
    {"Vladimir", "Putin", "Владимир", "Путин", 'm', C_RUS, R_PRES, 0},
    {"Sergey", "Lavrov", "Сергей", "Лавров", 'm', C_RUS, R_FM, 0},
    {"Dmitry", "Peskov", "Дмитрий", "Песков", 'm', C_RUS, R_SPOKES, 0},
    {"Maria", "Zakharova", "Мария", "Захарова", 'f', C_RUS, R_MFA_SPOKES, 0},
    {"Recep Tayyip", "Erdogan", "Реджеп Тайип", "Эрдоган", 'm', C_TUR, R_PRES, 0},
    {"Ilham", "Aliyev", "Ильхам", "Алиев", 'm', C_AZE, R_PRES, 0},
    {"Nikol", "Pashinyan", "Никол", "Пашинян", 'm', C_ARM, R_PM, 0},
    {"Antony", "Blinken", "Энтони", "Блинкен", 'm', C_USA, R_SECSTATE, 0},
    {"Joe", "Biden", "Джо", "Байден", 'm', C_USA, R_PRES, 0},
    {"", "Xi Jinping", "", "Си !Цзиньпин", 'm', C_CHN, R_PRES, 0},
    {"Sergey", "Shoigu", "Сергей", "Шойгу", 'm', C_RUS, R_DM, 0},
    {"Mikhail", "Mishustin", "Михаил", "Мишустин", 'm', C_RUS, R_PM, 0},
    {"Antonio", "Guterres", "Антониу", "Гутерриш", 'm', -1, R_UNSG, 0},
    {"", "Wang Yi", "", "Ван И", 'm', C_CHN, R_FM, 1},
    {"Jens", "Stoltenberg", "Йенс", "Столтенберг", 'm', -1, R_NATOSG, 0},
    {"Josep", "Borrell", "Жозеп", "Боррель", 'm', -1, R_EUFP, 0},
    {"Rafael", "Grossi", "Рафаэль", "Гросси", 'm', -1, R_IAEA, 0},
    {"Emmanuel", "Macron", "Эмманюэль", "Макрон", 'm', C_FRA, R_PRES, 0},
    {"Olaf", "Scholz", "Олаф", "Шольц", 'm', C_DEU, R_CHANCELLOR, 0},
    {"Alexander", "Lukashenko", "Александр", "Лукашенко", 'm', C_BLR, R_PRES, 0},
    {"Volodymyr", "Zelensky", "Владимир", "Зеленский", 'm', C_UKR, R_PRES, 0},
    {"Dmytro", "Kuleba", "Дмитрий", "Кулеба", 'm', C_UKR, R_FM, 0},
    {"Kassym-Jomart", "Tokayev", "Касым-Жомарт", "Токаев", 'm', C_KAZ, R_PRES, 0},
    {"Shavkat", "Mirziyoyev", "Шавкат", "Мирзиёев", 'm', C_UZB, R_PRES, 0},
    {"Ebrahim", "Raisi", "Эбрахим", "Раиси", 'm', C_IRN, R_PRES, 0},
    {"Nasser", "Kanaani", "Насер", "Канаани", 'm', C_IRN, R_MFA_SPOKES, 0},
    {"Jeyhun", "Bayramov", "Джейхун", "Байрамов", 'm', C_AZE, R_FM, 0},
    {"Ararat", "Mirzoyan", "Арарат", "Мирзоян", 'm', C_ARM, R_FM, 0},
    {"Hakan", "Fidan", "Хакан", "Фидан", 'm', C_TUR, R_FM, 0},
    {"Mevlut", "Cavusoglu", "Мевлют", "Чавушоглу", 'm', C_TUR, R_FM, 0},
    {"Irakli", "Garibashvili", "Ираклий", "Гарибашвили", 'm', C_GEO, R_PM, 0},
    {"Benjamin", "Netanyahu", "Биньямин", "Нетаньяху", 'm', C_ISR, R_PM, 0},
    {"Bashar", "al-Assad", "Башар", "Асад", 'm', C_SYR, R_PRES, 0},
    {"Narendra", "Modi", "Нарендра", "Моди", 'm', C_IND, R_PM, 0},
    {"Ursula", "von der Leyen", "Урсула", "фон дер Ляйен", 'f', -1, R_EC, 0},
    {"Jake", "Sullivan", "Джейк", "Салливан", 'm', C_USA, R_NSA, 0},
    {"Lloyd", "Austin", "Ллойд", "!Остин", 'm', C_USA, R_DM, 0},
    {"Kamala", "Harris", "Камала", "Харрис", 'f', C_USA, R_VP, 0},
    {"Dmitry", "Medvedev", "Дмитрий", "Медведев", 'm', C_RUS, R_SC_DEPUTY, 0},
    {"Nikolai", "Patrushev", "Николай", "Патрушев", 'm', C_RUS, R_SECCOUNCIL, 0},
    {"Sergei", "Ryabkov", "Сергей", "Рябков", 'm', C_RUS, R_DEP_FM, 0},
    {"Mikhail", "Galuzin", "Михаил", "Галузин", 'm', C_RUS, R_DEP_FM, 0},
    {"Vasily", "Nebenzya", "Василий", "Небензя", 'm', C_RUS, R_UNENVOY, 0},
    {"Vyacheslav", "Volodin", "Вячеслав", "Володин", 'm', C_RUS, R_SPEAKER, 0},
    {"Valentina", "Matviyenko", "Валентина", "Матвиенко", 'f', C_RUS, R_SENATE, 0},
    {"Sergey", "Sobyanin", "Сергей", "Собянин", 'm', -1, R_MOSMAYOR, 0},
    {"Elvira", "Nabiullina", "Эльвира", "Набиуллина", 'f', C_RUS, R_CB, 0},
    {"Anton", "Siluanov", "Антон", "Силуанов", 'm', C_RUS, R_FIN, 0},
    {"Alexander", "Novak", "Александр", "Новак", 'm', C_RUS, R_DEPPM, 0},
    {"Alexei", "Overchuk", "Алексей", "Оверчук", 'm', C_RUS, R_DEPPM, 0},
    {"Yuri", "Ushakov", "Юрий", "Ушаков", 'm', C_RUS, R_AIDE, 0},
    {"Fumio", "Kishida", "Фумио", "Кисида", 'm', C_JPN, R_PM, 0},
    {"Rishi", "Sunak", "Риши", "Сунак", 'm', C_GBR, R_PM, 0},
    {"Keir", "Starmer", "Кир", "Стармер", 'm', C_GBR, R_PM, 0},
    {"Kaja", "Kallas", "Кая", "Каллас", 'f', C_EST, R_PM, 0},
    {"Annalena", "Baerbock", "Анналена", "Бербок", 'f', C_DEU, R_FM, 0},
    {"Mark", "Rutte", "Марк", "Рютте", 'm', C_NLD, R_PM, 0},
    {"Donald", "Trump", "Дональд", "Трамп", 'm', C_USA, R_PRES, 0},
    {"Viktor", "Orban", "Виктор", "Орбан", 'm', C_HUN, R_PM, 0},
    {"Aleksandar", "Vucic", "Александр", "Вучич", 'm', C_SRB, R_PRES, 0},
    {"Maia", "Sandu", "Майя", "Санду", 'f', C_MDA, R_PRES, 0},
    {"Salome", "Zourabichvili", "Саломе", "Зурабишвили", 'f', C_GEO, R_PRES, 0},
    {"Irakli", "Kobakhidze", "Ираклий", "Кобахидзе", 'm', C_GEO, R_PM, 0},
    {"Sadyr", "Japarov", "Садыр", "Жапаров", 'm', C_KGZ, R_PRES, 0},
    {"Emomali", "Rahmon", "Эмомали", "Рахмон", 'm', C_TJK, R_PRES, 0},
    {"Serdar", "Berdimuhamedov", "Сердар", "Бердымухамедов", 'm', C_TKM, R_PRES, 0},
    {"Masoud", "Pezeshkian", "Масуд", "Пезешкиан", 'm', C_IRN, R_PRES, 0},
    {"Abbas", "Araghchi", "Аббас", "Аракчи", 'm', C_IRN, R_FM, 0},
    {"", "Kim Jong Un", "", "Ким Чен Ын", 'm', C_PRK, R_PRES, 1},
};

/* First names for synthetic people, by origin and sex (English, Russian). */
typedef struct name2 {
    const char *en, *ru;
} name2;

static const name2 FIRST_S_M[] = {
    {"Sergey", "Сергей"}, {"Alexander", "Александр"}, {"Dmitry", "Дмитрий"},
    {"Andrey", "Андрей"}, {"Alexey", "Алексей"}, {"Mikhail", "Михаил"},
    {"Ivan", "Иван"}, {"Nikolay", "Николай"}, {"Vladimir", "Владимир"},
    {"Yevgeny", "Евгений"}, {"Igor", "Игорь"}, {"Oleg", "Олег"},
    {"Pavel", "Павел>Павл"}, {"Viktor", "Виктор"}, {"Yury", "Юрий"},
    {"Maxim", "Максим"}, {"Anton", "Антон"}, {"Denis", "Денис"},
    {"Roman", "Роман"}, {"Boris", "Борис"}, {"Vadim", "Вадим"},
    {"Konstantin", "Константин"}, {"Grigory", "Григорий"}, {"Leonid", "Леонид"},
    {"Vasily", "Василий"}, {"Artyom", "Артем"}, {"Kirill", "Кирилл"},
    {"Stanislav", "Станислав"}, {"Valery", "Валерий"}, {"Gennady", "Геннадий"},
    {"Anatoly", "Анатолий"}, {"Vitaly", "Виталий"}, {"Ilya", "Илья"},
    {"Nikita", "Никита"}, {"Fyodor", "Федор"}, {"Pyotr", "Петр"},
    {"Timur", "Тимур"}, {"Ruslan", "Руслан"}, {"Bogdan", "Богдан"},
    {"Taras", "Тарас"}, {"Yaroslav", "Ярослав"}, {"Vyacheslav", "Вячеслав"},
};
static const name2 FIRST_S_F[] = {
    {"Maria", "Мария"}, {"Anna", "Анна"}, {"Elena", "Елена"}, {"Olga", "Ольга"},
    {"Tatyana", "Татьяна"}, {"Natalya", "Наталья"}, {"Irina", "Ирина"},
    {"Svetlana", "Светлана"}, {"Yekaterina", "Екатерина"}, {"Yulia", "Юлия"},
    {"Marina", "Марина"}, {"Anastasia", "Анастасия"}, {"Valentina", "Валентина"},
    {"Lyudmila", "Людмила"}, {"Galina", "Галина"}, {"Veronika", "Вероника"},
    {"Darya", "Дарья"}, {"Ksenia", "Ксения"}, {"Alla", "Алла"}, {"Vera", "Вера"},
    {"Oksana", "Оксана"}, {"Larisa", "Лариса"},
};
static const name2 FIRST_W_M[] = {
    {"John", "Джон"}, {"Michael", "Майкл"}, {"David", "Дэвид"},
    {"James", "Джеймс"}, {"Robert", "Роберт"}, {"William", "Уильям"},
    {"Thomas", "Томас"}, {"Richard", "Ричард"}, {"Mark", "Марк"},
    {"Peter", "Питер"}, {"Paul", "Пол"}, {"Daniel", "Дэниел"},
    {"Andrew", "Эндрю"}, {"Jean", "Жан"}, {"Pierre", "Пьер"}, {"Hans", "Ханс"},
    {"Klaus", "Клаус"}, {"Stefan", "Штефан"}, {"Marco", "Марко"},
    {"Giuseppe", "Джузеппе"}, {"Lars", "Ларс"}, {"Jan", "Ян"},
    {"Carlos", "Карлос"}, {"Luis", "Луис"}, {"Henrik", "Хенрик"},
    {"Matthew", "Мэттью"},
};
static const name2 FIRST_W_F[] = {
    {"Mary", "Мэри"}, {"Sarah", "Сара"}, {"Emily", "Эмили"}, {"Laura", "Лаура"},
    {"Anne", "Энн"}, {"Claire", "Клер"}, {"Sophie", "Софи"}, {"Julia", "Джулия"},
    {"Helen", "Хелен"}, {"Karin", "Карин"}, {"Ingrid", "Ингрид"},
    {"Elisabeth", "Элизабет"}, {"Monica", "Моника"},
};
static const name2 FIRST_C_M[] = {
    {"Ali", "Али"}, {"Mehmet", "Мехмет"}, {"Mustafa", "Мустафа"},
    {"Ahmad", "Ахмад"}, {"Hassan", "Хасан"}, {"Hossein", "Хосейн"},
    {"Reza", "Реза"}, {"Elchin", "Эльчин"}, {"Rashad", "Рашад"},
    {"Ramiz", "Рамиз"}, {"Tigran", "Тигран"}, {"Armen", "Армен"},
    {"Levon", "Левон"}, {"Davit", "Давит"}, {"Giorgi", "Гиорги"},
    {"Levan", "Леван"}, {"Zurab", "Зураб"}, {"Nurlan", "Нурлан"},
    {"Askar", "Аскар"}, {"Bakhtiyar", "Бахтияр"}, {"Farhad", "Фархад"},
    {"Kamran", "Камран"}, {"Emin", "Эмин"}, {"Murat", "Мурат"},
    {"Kemal", "Кемаль"}, {"Yusuf", "Юсуф"}, {"Omar", "Омар"},
};
static const name2 FIRST_C_F[] = {
    {"Leyla", "Лейла"}, {"Aygun", "Айгюн"}, {"Nino", "Нино"}, {"Ani", "Ани"},
    {"Maryam", "Марьям"}, {"Zeynep", "Зейнеп"}, {"Gulnara", "Гульнара"},
    {"Aida", "Аида"}, {"Fatima", "Фатима"},
};

/* Syllables for synthetic names, with their Russian spelling. */
static const name2 SYLL[] = {
    {"ka", "ка"}, {"ro", "ро"}, {"mi", "ми"}, {"lo", "ло"}, {"ver", "вер"},
    {"sha", "ша"}, {"tar", "тар"}, {"bel", "бел"}, {"do", "до"}, {"ra", "ра"},
    {"ni", "ни"}, {"gor", "гор"}, {"stan", "стан"}, {"vo", "во"}, {"ze", "зе"},
    {"pe", "пе"}, {"tro", "тро"}, {"mar", "мар"}, {"ko", "ко"}, {"dan", "дан"},
    {"le", "ле"}, {"su", "су"}, {"bor", "бор"}, {"gri", "гри"}, {"na", "на"},
    {"to", "то"}, {"kul", "кул"}, {"ser", "сер"}, {"fe", "фе"}, {"dor", "дор"},
    {"pol", "пол"}, {"zar", "зар"}, {"ba", "ба"}, {"ti", "ти"}, {"ge", "ге"},
    {"mor", "мор"}, {"sla", "сла"}, {"vi", "ви"}, {"che", "че"}, {"ku", "ку"},
    {"bra", "бра"}, {"ne", "не"}, {"sok", "сок"}, {"li", "ли"}, {"va", "ва"},
    {"rin", "рин"}, {"kha", "ха"}, {"lu", "лу"}, {"dra", "дра"}, {"so", "со"},
    {"ma", "ма"}, {"vel", "вел"}, {"ta", "та"}, {"nov", "нов"}, {"gal", "гал"},
    {"ste", "сте"}, {"ril", "рил"}, {"bu", "бу"}, {"sa", "са"}, {"kor", "кор"},
    {"da", "да"}, {"men", "мен"}, {"tu", "ту"}, {"zi", "зи"},
};

/* Surname endings by origin: English and Russian, masculine then feminine
 * (NULL feminine: the same as the masculine). */
typedef struct suffix {
    const char *en_m, *en_f, *ru_m, *ru_f;
} suffix;

static const suffix SUF_S[] = {
    {"ov", "ova", "ов", "ова"}, {"in", "ina", "ин", "ина"},
    {"sky", "skaya", "ский", "ская"}, {"enko", NULL, "енко", NULL},
    {"ovich", NULL, "ович", NULL}, {"chuk", NULL, "чук", NULL},
    {"ev", "eva", "ев", "ева"},
};
static const suffix SUF_W[] = {
    {"son", NULL, "сон", NULL}, {"ton", NULL, "тон", NULL},
    {"man", NULL, "ман", NULL}, {"berg", NULL, "берг", NULL},
    {"ford", NULL, "форд", NULL}, {"ler", NULL, "лер", NULL},
    {"field", NULL, "филд", NULL}, {"well", NULL, "уэлл", NULL},
};
static const suffix SUF_C[] = {
    {"yan", NULL, "ян", NULL}, {"shvili", NULL, "швили", NULL},
    {"dze", NULL, "дзе", NULL}, {"zade", NULL, "заде", NULL},
    {"oglu", NULL, "оглу", NULL}, {"ov", "ova", "ов", "ова"},
    {"i", NULL, "и", NULL}, {"li", NULL, "ли", NULL},
};

/* Place-name endings: English, Russian, Russian gender. */
typedef struct psuffix {
    const char *en, *ru;
    char g;
} psuffix;

static const psuffix SUF_PLACE[] = {
    {"ovo", "ово", 'n'}, {"sk", "ск", 'm'}, {"grad", "град", 'm'},
    {"abad", "абад", 'm'}, {"pol", "поль", 'm'}, {"ino", "ино", 'n'},
    {"burg", "бург", 'm'}, {"kent", "кент", 'm'}, {"ovka", "овка", 'f'},
    {"ovsk", "овск", 'm'}, {"yevo", "ево", 'n'},
};

/* Cities, most cited first. */
typedef struct city {
    const char *en, *ru;
    char g;
} city;

static const city CITIES[] = {
    {"Moscow", "Москва", 'f'}, {"Baku", "Баку", 'm'}, {"Washington", "Вашингтон", 'm'},
    {"Kyiv", "Киев", 'm'}, {"Yerevan", "Ереван", 'm'}, {"Tehran", "Тегеран", 'm'},
    {"Ankara", "Анкара", 'f'}, {"Beijing", "Пекин", 'm'}, {"Tbilisi", "Тбилиси", 'm'},
    {"Saint Petersburg", "Санкт-Петербург", 'm'}, {"Minsk", "Минск", 'm'},
    {"Istanbul", "Стамбул", 'm'}, {"New York", "Нью-Йорк", 'm'},
    {"London", "Лондон", 'm'}, {"Paris", "Париж", 'm'}, {"Berlin", "Берлин", 'm'},
    {"Brussels", "Брюссель", 'm'}, {"Geneva", "Женева", 'f'}, {"Vienna", "Вена", 'f'},
    {"Astana", "Астана", 'f'}, {"Tashkent", "Ташкент", 'm'}, {"Bishkek", "Бишкек", 'm'},
    {"Dushanbe", "Душанбе", 'm'}, {"Ashgabat", "Ашхабад", 'm'},
    {"Damascus", "Дамаск", 'm'}, {"Cairo", "Каир", 'm'}, {"Riyadh", "Эр-Рияд", 'm'},
    {"Doha", "Доха", 'f'}, {"Dubai", "Дубай", 'm'}, {"New Delhi", "Нью-Дели", 'm'},
    {"Tokyo", "Токио", 'm'}, {"Seoul", "Сеул", 'm'}, {"Pyongyang", "Пхеньян", 'm'},
    {"Warsaw", "Варшава", 'f'}, {"Prague", "Прага", 'f'}, {"Budapest", "Будапешт", 'm'},
    {"Belgrade", "Белград", 'm'}, {"Sochi", "Сочи", 'm'}, {"Kazan", "Казань", 'f'},
    {"Novosibirsk", "Новосибирск", 'm'}, {"Vladivostok", "Владивосток", 'm'},
    {"Yekaterinburg", "Екатеринбург", 'm'}, {"Kaliningrad", "Калининград", 'm'},
    {"Murmansk", "Мурманск", 'm'}, {"Stepanakert", "Степанакерт", 'm'},
    {"Ganja", "Гянджа", 'f'}, {"Gyumri", "Гюмри", 'm'}, {"Batumi", "Батуми", 'm'},
    {"Kutaisi", "Кутаиси", 'm'}, {"Izmir", "Измир", 'm'}, {"Tabriz", "Тебриз", 'm'},
    {"Isfahan", "Исфахан", 'm'}, {"Kabul", "Кабул", 'm'},
    {"Islamabad", "Исламабад", 'm'}, {"Odesa", "Одесса", 'f'},
    {"Kharkiv", "Харьков", 'm'}, {"Donetsk", "Донецк", 'm'},
    {"Luhansk", "Луганск", 'm'}, {"Sevastopol", "Севастополь", 'm'},
    {"Simferopol", "Симферополь", 'm'}, {"Almaty", "Алматы", 'm'},
    {"Samarkand", "Самарканд", 'm'}, {"Chisinau", "Кишинев", 'm'},
    {"Vilnius", "Вильнюс", 'm'}, {"Riga", "Рига", 'f'}, {"Tallinn", "Таллин", 'm'},
    {"Helsinki", "Хельсинки", 'm'}, {"Stockholm", "Стокгольм", 'm'},
    {"Oslo", "Осло", 'm'}, {"Rome", "Рим", 'm'}, {"Madrid", "Мадрид", 'm'},
    {"Jerusalem", "Иерусалим", 'm'}, {"Baghdad", "Багдад", 'm'},
    {"Beirut", "Бейрут", 'm'}, {"Amman", "Амман", 'm'}, {"Hanoi", "Ханой", 'm'},
    {"Jakarta", "Джакарта", 'f'}, {"Pretoria", "Претория", 'f'},
    {"Havana", "Гавана", 'f'}, {"Caracas", "Каракас", 'm'}, {"Munich", "Мюнхен", 'm'},
    {"Davos", "Давос", 'm'}, {"Aktau", "Актау", 'm'}, {"Shusha", "Шуша", 'f'},
    {"Nakhchivan", "Нахичевань", 'f'}, {"Sumgait", "Сумгаит", 'm'},
    {"Vanadzor", "Ванадзор", 'm'}, {"Rostov", "Ростов", 'm'}, {"Samara", "Самара", 'f'},
    {"Krasnodar", "Краснодар", 'm'}, {"Irkutsk", "Иркутск", 'm'},
    {"Khabarovsk", "Хабаровск", 'm'}, {"Ufa", "Уфа", 'f'},
    {"Grozny", "Грозный|Грозного|Грозному|Грозный|Грозным|Грозном", 'm'},
};

/* Organizations: English, Russian declension spec, Russian gender. */
typedef struct orgdef {
    const char *en, *ru;
    char g;
} orgdef;

static const orgdef ORGS[] = {
    {"the United Nations", "=ООН", 'f'}, {"NATO", "=НАТО", 'm'},
    {"the European Union", "Евросоюз", 'm'}, {"the Kremlin", "Кремль", 'm'},
    {"the Foreign Ministry", "=МИД", 'm'}, {"the Defense Ministry", "=Минобороны", 'n'},
    {"the OSCE", "=ОБСЕ", 'f'}, {"the IAEA", "=МАГАТЭ", 'n'},
    {"the State Duma", "Госдума", 'f'}, {"the Pentagon", "Пентагон", 'm'},
    {"the White House",
     "Белый дом|Белого дома|Белому дому|Белый дом|Белым домом|Белом доме", 'm'},
    {"the UN Security Council",
     "Совбез ООН|Совбеза ООН|Совбезу ООН|Совбез ООН|Совбезом ООН|Совбезе ООН", 'm'},
    {"the World Bank",
     "Всемирный банк|Всемирного банка|Всемирному банку|Всемирный банк|"
     "Всемирным банком|Всемирном банке", 'm'},
    {"the IMF", "=МВФ", 'm'}, {"the CSTO", "=ОДКБ", 'f'}, {"the SCO", "=ШОС", 'f'},
    {"BRICS", "=БРИКС", 'm'}, {"the CIS", "=СНГ", 'n'},
    {"the Red Cross",
     "Красный Крест|Красного Креста|Красному Кресту|Красный Крест|"
     "Красным Крестом|Красном Кресте", 'm'},
    {"Gazprom", "Газпром", 'm'}, {"Rosneft", "Роснефть", 'f'},
    {"Rosatom", "Росатом", 'm'}, {"the Central Bank", "Центробанк", 'm'},
    {"the European Commission", "Еврокомиссия", 'f'}, {"the Arab League", "=ЛАГ", 'f'},
    {"the African Union",
     "Африканский союз|Африканского союза|Африканскому союзу|Африканский союз|"
     "Африканским союзом|Африканском союзе", 'm'},
    {"the WHO", "=ВОЗ", 'f'}, {"OPEC", "=ОПЕК", 'f'},
    {"the Council of Europe",
     "Совет Европы|Совета Европы|Совету Европы|Совет Европы|Советом Европы|"
     "Совете Европы", 'm'},
    {"the Supreme Court",
     "Верховный суд|Верховного суда|Верховному суду|Верховный суд|"
     "Верховным судом|Верховном суде", 'm'},
    {"the Constitutional Court",
     "Конституционный суд|Конституционного суда|Конституционному суду|"
     "Конституционный суд|Конституционным судом|Конституционном суде", 'm'},
    {"the parliament", "парламент", 'm'},
    {"the government",
     "правительство|правительства|правительству|правительство|правительством|"
     "правительстве", 'n'},
    {"the Interior Ministry", "=МВД", 'n'}, {"the FSB", "=ФСБ", 'f'},
    {"the Investigative Committee",
     "Следственный комитет|Следственного комитета|Следственному комитету|"
     "Следственный комитет|Следственным комитетом|Следственном комитете", 'm'},
    {"the Prosecutor General's Office", "Генпрокуратура", 'f'},
    {"the Central Election Commission", "=ЦИК", 'm'},
    {"the Federation Council", "Совфед", 'm'}, {"Aeroflot", "Аэрофлот", 'm'},
    {"Russian Railways", "=РЖД", 'p'}, {"Sberbank", "Сбербанк", 'm'},
    {"Lukoil", "=ЛУКОЙЛ", 'm'}, {"the Eurasian Economic Union", "=ЕАЭС", 'm'},
    {"Hamas", "=ХАМАС", 'm'}, {"Hezbollah", "Хезболлах", 'm'},
    {"the Taliban", "Талибан", 'm'}, {"the IOC", "=МОК", 'm'},
    {"FIFA", "=ФИФА", 'f'}, {"UNESCO", "=ЮНЕСКО", 'f'}, {"UNICEF", "=ЮНИСЕФ", 'm'},
};

/* Kinds of synthetic organizations: English suffix, whether English takes
 * "the", Russian head noun (declined, followed by the name in quotes). */
typedef struct orgkind {
    const char *en;
    int article;
    const char *ru;
    char g;
} orgkind;

static const orgkind ORG_KINDS[] = {
    {" Group", 0, "группа", 'f'}, {" Holding", 0, "холдинг", 'm'},
    {" Corporation", 0, "корпорация", 'f'}, {" Party", 1, "партия", 'f'},
    {" Workers' Union", 1, "профсоюз", 'm'}, {" Foundation", 1, "фонд", 'm'},
    {" Bank", 0, "банк", 'm'}, {" Airlines", 0, "авиакомпания", 'f'},
    {" Movement", 1, "движение", 'n'}, {" Institute", 1, "институт", 'm'},
};

static const char *const SOURCES_EN[] = {
    "TASS", "Reuters", "Interfax", "Trend", "Associated Press", "AFP", "APA",
    "Armenpress", "Anadolu", "IRNA", "Xinhua", "RIA Novosti", "Kyodo",
    "Bloomberg", "Kommersant", "BBC", "Report.az", "Civil.ge",
};
static const char *const SOURCES_RU[] = {
    "ТАСС", "РИА Новости", "Интерфакс", "Коммерсантъ", "Ведомости", "Известия",
    "РБК", "Тренд", "Арменпресс", "Анадолу", "ИРНА", "Синьхуа", "Газета.ру",
    "Лента.ру", "Российская газета", "Спутник",
};

static const char *const MONTHS_EN[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};
static const char *const MONTHS_RU_GEN[] = {
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля",
    "августа", "сентября", "октября", "ноября", "декабря",
};
static const char *const MONTHS_RU_SHORT[] = {
    "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт",
    "ноя", "дек",
};
static const char *const WEEKDAYS_EN[] = {
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
    "on Saturday", "on Sunday",
};
static const char *const WEEKDAYS_RU[] = {
    "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу",
    "в субботу", "в воскресенье",
};
static const char *const WHEN_EN[] = {
    "last week", "this week", "in the first quarter", "since the beginning of the year",
    "last month", "over the past year", "in recent days", "earlier this month",
    "in the second half of the year", "by the end of the year", "next month",
    "over the weekend",
};
static const char *const WHEN_RU[] = {
    "на прошлой неделе", "на этой неделе", "в первом квартале", "с начала года",
    "в прошлом месяце", "за последний год", "в последние дни",
    "в начале месяца", "во втором полугодии", "до конца года",
    "в следующем месяце", "в выходные",
};

/* ------------------------------------------------------------ templates */

/* Template language. Literal text is copied ('"' is escaped for JSON).
 * A slot starts with '%':
 *   %A %B %P  people (P: a new one each time); then an optional case digit
 *             (Russian: 0 nom, 1 gen, 2 dat, 3 acc, 4 ins, 5 prep) and 's'
 *             for the surname alone; the first mention in a report is full
 *   %C %D %E  countries (E: a new one each time); %c %d their adjectives
 *             (Russian: case digit and gender letter m/f/n/p)
 *   %T %U     places (U: new each time); %O %Q organizations (Q: new)
 *   %n %p     noun singular / plural; %j %q adjective + noun sg / pl;
 *             %a adjective (Russian: case digit, gender letter)
 *   English verbs: %v past, %b base, %g -ing, %z 3sg present, %e participle
 *   Russian verbs: %v past, %f 3rd person non-past (agreeing with the slot
 *             letter that follows: A B P C D E O Q, or S = the last
 *             nominative noun phrase), %i infinitive
 *   %N small number, %K thousands, %$ money, %R percent, %Y year,
 *   %M date, %W weekday, %Z time phrase
 *   %^G       sets the subject's gender/number (0 m, 1 f, 2 n, 3 pl)
 *   %[a|b|c]  one alternative at random
 *   %{X:m|f|n|pl} the alternative agreeing with slot X's gender/number */

static const char *const LEAD_EN[] = {
    "%A met with %B in %T %W to discuss %j and %a %p.",
    "%A held talks with %B on %M, focusing on %j and %q.",
    "%A and %B discussed %j, the %d Foreign Ministry said in a statement.",
    "%A said %C was ready to resume talks with %D on %j.",
    "%A sharply criticized %D for %g its %j, calling the move \"%a and %a.\"",
    "%A accused %D of %g the %j and %g %q.",
    "%C and %D signed an agreement on %a cooperation in %T %W.",
    "Thousands of people rallied in %T %W to protest against %j, %[police said|organizers said|local media reported].",
    "Workers at %O went on strike %W, demanding higher wages and better %p.",
    "Police detained %N protesters in %T after a rally against %j turned violent.",
    "%C imposed sanctions on %N %d %p and %N companies linked to %j.",
    "%A threatened to %b %j if %D did not %b the %n.",
    "%A denied that %C had %e %j, calling the reports \"%a.\"",
    "%A is expected to visit %T next week for talks with %B.",
    "%C will provide %$ in %a aid to %D, %A said.",
    "%A called on %D to stop %g %q and return to the negotiating table.",
    "%A welcomed the agreement between %C and %D, saying it would %b %j.",
    "%A refused to meet %B, citing %j.",
    "%A did not rule out that %C could %b %j.",
    "%C expelled %N %d diplomats in response to %j.",
    "%C and %D agreed to set up a joint commission on %j.",
    "%A and %B spoke by phone %W and discussed %j.",
    "%O condemned the %[attack|explosion|shelling|bombing] in %T, which killed %N people and injured %N others.",
    "%A praised %C's %j and said %O would continue to %b %q.",
    "Opposition supporters gathered outside %O in %T, demanding the resignation of %A.",
    "%A told reporters that %C had no plans to %b %j.",
    "%A urged %O to %b the %n of %q in %T.",
    "Talks between %A and %B in %T ended without agreement on %j.",
    "%C recalled its ambassador from %D for consultations after %j.",
    "Miners in %T continued their strike for the %[second|third|fourth|fifth] day, demanding the %n of %p.",
    "%A congratulated %B on %g the %n.",
    "%A arrived in %T on an official visit at the invitation of %B.",
    "%C and %D held joint military exercises near %T.",
    "%A warned that %C would respond to any %q by %D.",
    "A court in %T sentenced %P to %N years in prison on charges of %n.",
    "%A announced that %C would %b its %p in %T by %R.",
    "%O said it would send a mission to %T to %b the %n.",
    "%C and %D exchanged %N prisoners %W, %A said.",
    "%A signed a decree on %j %W.",
    "Lawmakers in %C voted to %b %j, with %N votes in favor.",
    "Farmers blocked roads near %T %W to protest against %j.",
    "%A and %B agreed to %b %a %p between %C and %D.",
    "%A said %C would not recognize %j.",
    "%C suspended %j with %D, %O said.",
    "%A rejected %D's %n to %b %j.",
    "Teachers in %T walked out %W over unpaid wages, %O said.",
    "%A visited %T and met with %P.",
    "%C offered to mediate between %D and %E on %j.",
};

static const char *const BODY_EN[] = {
    "\"We are ready to %b %j with %D,\" %A said.",
    "\"The %n %z the %n of %q,\" %A told %[reporters|journalists|a news conference].",
    "According to %A, the %j %v the %n of %p in %T.",
    "The %j %v the %n %W, %[officials said|the ministry said|sources told %Q].",
    "%[However|Meanwhile|At the same time|In addition|Earlier], the %n of %q %v %Z.",
    "The %n %v by %R %Z, according to %[the statistics agency|official data|the central bank].",
    "%A also said that the %j would %b the %n of %q.",
    "In %Y, %C and %D %v a %j on %n.",
    "The %j is %g the %n, %A noted.",
    "Experts say the %n could %b %q in the %a %n.",
    "The %n of %p has %e %K since %M.",
    "Earlier %W, %O %v the %j in %U.",
    "The %a %n %v %K %p %Z.",
    "%A did not comment on the %n.",
    "The talks %[will continue|are set to continue|are expected to resume] in %U %Z.",
    "%C has repeatedly %e the %j of %D.",
    "The %j, worth %$, %[is expected to|will] %b the %n of %q.",
    "There were no reports of %p.",
    "%P, a %a %n at %Q, said the %n was \"%a.\"",
    "The %n was %e by %P, %[head|chairman|director] of %Q.",
    "\"This is a %a %n for %C,\" %A said, adding that %D should %b the %n.",
    "%A stressed that %C %z the %j of %D.",
    "The %n comes amid %a %n between %C and %D over %j.",
    "%Q said %K people had %e %p in %U %Z.",
    "Last year, %C's %n %v %R to %$.",
    "The %j will %b the %n of %q and %b %a %p, the statement said.",
    "%A is scheduled to meet %P %Z.",
    "Both sides %v the %n of %a %p.",
    "%O has not yet %e the %n.",
    "The %n of %C and %D %v %K %p.",
    "%D has denied the %p, calling them \"%a and %a.\"",
    "Residents of %U said they had been without %n since %M.",
    "\"We will not %b the %n,\" %A said in a televised address.",
};

static const char *const FILL_EN[] = {
    "The %j %v the %j.",
    "%[Officials|Analysts|Observers|Diplomats] %v the %j and the %n of %q.",
    "The %p %v %j in %U %Z.",
    "A %j %v %q and %p %Z.",
    "The %n of the %j %v the %a %n.",
    "%[Many|Some|Several|Most] %p %v the %j, while %[others|critics] %v the %n.",
    "The %a %n is %g %q.",
    "The %q %v the %j of the %n.",
};

static const char *const TITLE_EN[] = {
    "%As, %Bs discuss %j",
    "%As meets %Bs in %T",
    "%C, %D sign %a cooperation agreement",
    "Protesters rally in %T against %j",
    "Workers strike at %O",
    "%C criticizes %D over %n",
    "%As says %C ready for talks with %D",
    "%C imposes sanctions on %d %p",
    "%O condemns %[attack|shelling|explosion] in %T",
    "%As to visit %T next week",
    "%C, %D agree on %j",
    "%As accuses %D of %g %j",
    "%C expels %N %d diplomats",
    "Court in %T jails %Ps",
    "%C to %b %j, %As says",
};

static const char *const LEAD_RU[] = {
    "%A0 %{A:встретился|встретилась} с %B4 в %T5 %W, чтобы обсудить %j3 и %q3.",
    "%A0 %{A:провел|провела} переговоры с %B4, в ходе которых стороны обсудили %j3 и %q3.",
    "%A0 и %B0 обсудили %j3, говорится в заявлении МИД %D1.",
    "%A0 %{A:заявил|заявила}, что %C0 %{C:готов|готова|готово|готовы} возобновить переговоры с %D4 по %j2.",
    "%A0 резко %{A:раскритиковал|раскритиковала} %D3 за %j3, назвав этот шаг «%a4m и %a4m».",
    "%A0 %{A:обвинил|обвинила} %D3 в %j5 и %q5.",
    "%C0 и %D0 подписали соглашение о %j5 в %T5 %W.",
    "Тысячи человек вышли на улицы %T1 %W в знак протеста против %j1, %[сообщила полиция|сообщили организаторы|передают местные СМИ].",
    "Работники %O1 %W объявили забастовку, требуя повышения зарплат и улучшения %p1.",
    "Полиция задержала %N протестующих в %T5 после того, как акция против %j1 переросла в столкновения.",
    "%C0 %{C:ввел|ввела|ввело|ввели} санкции против %N %c1p %p1 и %N компаний, связанных с %j4.",
    "%A0 %{A:пригрозил|пригрозила} %i %j3, если %D0 не %fD %j3.",
    "%A0 %{A:опроверг|опровергла} сообщения о том, что %C0 %vC %j3, назвав их «%a4p».",
    "Ожидается, что %A0 посетит %T3 на следующей неделе для переговоров с %B4.",
    "%C0 %{C:выделит|выделит|выделит|выделят} %D2 %$ на %j3, %{A:сообщил|сообщила} %A0.",
    "%A0 %{A:призвал|призвала} %D3 прекратить %j3 и вернуться за стол переговоров.",
    "%A0 %{A:приветствовал|приветствовала} соглашение между %C4 и %D4, заявив, что оно позволит %i %j3.",
    "%A0 %{A:отказался|отказалась} от встречи с %B4, сославшись на %j3.",
    "%A0 не %{A:исключил|исключила}, что %C0 %{C:может|может|может|могут} %i %j3.",
    "%C0 %{C:выслал|выслала|выслало|выслали} %N %c1p дипломатов в ответ на %j3.",
    "%C0 и %D0 договорились создать совместную комиссию по %j2.",
    "%A0 и %B0 %W провели телефонный разговор, в ходе которого обсудили %j3.",
    "%O0 %{O:осудил|осудила|осудило|осудили} %[нападение|обстрел|взрыв|теракт] в %T5, в результате которого погибли %N человек.",
    "%A0 высоко %{A:оценил|оценила} %j3 %C1 и %{A:заявил|заявила}, что %O0 %{O:продолжит|продолжит|продолжит|продолжат} %i %q3.",
    "Сторонники оппозиции собрались у здания %O1 в %T5, требуя отставки %A1.",
    "%A0 %{A:сообщил|сообщила} журналистам, что %C0 не %{C:планирует|планирует|планирует|планируют} %i %j3.",
    "%A0 %{A:призвал|призвала} %O3 %i %n3 %p1 в %T5.",
    "Переговоры %A1 и %B1 в %T5 завершились без договоренности по %j2.",
    "%C0 %{C:отозвал|отозвала|отозвало|отозвали} своего посла из %D1 для консультаций после %j1.",
    "Шахтеры в %T5 продолжили забастовку %[второй|третий|четвертый|пятый] день подряд, требуя %n1 %p1.",
    "%A0 %{A:поздравил|поздравила} %B3 с %j4.",
    "%A0 %{A:прибыл|прибыла} в %T3 с официальным визитом по приглашению %B1.",
    "%C0 и %D0 провели совместные военные учения вблизи %T1.",
    "%A0 %{A:предупредил|предупредила}, что %C0 %{C:ответит|ответит|ответит|ответят} на любые %q3 %D1.",
    "Суд в %T5 приговорил %P3 к %N годам заключения по делу о %n5.",
    "%A0 %{A:объявил|объявила}, что %C0 %{C:сократит|сократит|сократит|сократят} %q3 в %T5 на %R.",
    "%O0 %{O:направит|направит|направит|направят} в %T3 миссию для %n1 %p1.",
    "%C0 и %D0 %W обменялись пленными, %{A:сообщил|сообщила} %A0.",
    "%A0 %{A:подписал|подписала} указ о %j5.",
    "Депутаты парламента %C1 проголосовали за то, чтобы %i %j3.",
    "Фермеры перекрыли дороги в окрестностях %T1 %W в знак протеста против %j1.",
    "%A0 и %B0 договорились %i %q3 между %C4 и %D4.",
    "%A0 %{A:заявил|заявила}, что %C0 не %{C:признает|признает|признает|признают} %j3.",
    "%C0 %{C:приостановил|приостановила|приостановило|приостановили} %j3 с %D4, %{O:сообщил|сообщила|сообщило|сообщили} %O0.",
    "%A0 %{A:отверг|отвергла} предложение %D1 %i %j3.",
    "Учителя в %T5 %W прекратили работу из-за задержки зарплат, %{O:сообщил|сообщила|сообщило|сообщили} %O0.",
    "%A0 %{A:посетил|посетила} %T3 и %{A:встретился|встретилась} с %P4.",
    "%C0 %{C:предложил|предложила|предложило|предложили} стать посредником между %D4 и %E4 по %j2.",
};

static const char *const BODY_RU[] = {
    "«Мы готовы %i %j3 с %D4», — %{A:заявил|заявила} %A0.",
    "«%j0 %fS %n3 %q1», — %{A:отметил|отметила} %A0 в беседе с журналистами.",
    "По словам %A1, %j0 %vS %n3 %p1 в %T5.",
    "%j0 %vS %n3 %W, %[сообщили в ведомстве|говорится в сообщении министерства|сообщил источник в %Q5].",
    "%[Кроме того|Между тем|В то же время|Ранее|Однако], %n0 %q1 %vS %Z.",
    "%n0 %{S:изменился|изменилась|изменилось|изменились} на %R %Z, согласно данным %[статистического ведомства|Центробанка|министерства].",
    "%A0 также %{A:отметил|отметила}, что %j0 %fS %n3 %q1.",
    "В %Y году %C0 и %D0 подписали %j3 о %n5.",
    "%j0 %fS %n3, %{A:подчеркнул|подчеркнула} %A0.",
    "Эксперты считают, что %n0 может %i %q3 в %j5.",
    "%n0 %p1 %{S:вырос|выросла|выросло|выросли} до %K с %M.",
    "Ранее %W %O0 %vO %j3 в %U5.",
    "%A0 не %{A:стал|стала} комментировать %j3.",
    "Переговоры %[продолжатся|возобновятся|будут продолжены] в %U5 %Z.",
    "%C0 неоднократно %{C:критиковал|критиковала|критиковало|критиковали} %j3 %D1.",
    "%j0 стоимостью %$ %fS %n3 %q1.",
    "Сообщений о %p5 не поступало.",
    "%P0, %[представитель|эксперт|сотрудник|руководитель пресс-службы] %Q1, %{P:назвал|назвала} ситуацию «%a4f».",
    "%n0 %{S:был подписан|была подписана|было подписано|были подписаны} %P4, %[главой|председателем|директором] %Q1.",
    "«Это %a0n решение для %C1», — %{A:сказал|сказала} %A0, добавив, что %D0 %{D:должен|должна|должно|должны} %i %n3.",
    "%A0 %{A:подчеркнул|подчеркнула}, что %C0 %fC %j3 %D1.",
    "Заявление прозвучало на фоне %j1 между %C4 и %D4 из-за %j1.",
    "По данным %Q1, %K человек %Z %[подписали|поддержали|осудили] %j3 в %U5.",
    "В прошлом году %n0 %C1 %{S:вырос|выросла|выросло|выросли} на %R.",
    "%j0 %fS %n3 %q1, говорится в заявлении.",
    "%A0 %{A:проведет|проведет} встречу с %P4 %Z.",
    "Стороны%^3 %vS %n3 %q1.",
    "%O0 пока не %{O:прокомментировал|прокомментировала|прокомментировало|прокомментировали} %n3.",
    "%n0 %C1 и %D1 %vS %K %p1.",
    "%D0 %{D:опроверг|опровергла|опровергло|опровергли} эти сообщения, назвав их «%a4p и %a4p».",
    "Жители %U1 рассказали, что остаются без %n1 с %M.",
    "«Мы не допустим %n1 %q1», — %{A:заявил|заявила} %A0 в телевизионном обращении.",
};

static const char *const FILL_RU[] = {
    "%j0 %vS %j3.",
    "%[Чиновники|Аналитики|Наблюдатели|Дипломаты] обсуждают %j3 и %n3 %q1.",
    "%q0 %vS %j3 в %U5 %Z.",
    "%j0 %vS %q3 и %p3 %Z.",
    "%n0 %j1 %vS %j3.",
    "%[Многие эксперты|Некоторые депутаты|Многие аналитики|Большинство депутатов] поддерживают %j3, тогда как %[другие|критики] %[критикуют|осуждают] %n3.",
    "%j0 %fS %q3.",
    "%q0 %fS %j3 %n1.",
};

static const char *const TITLE_RU[] = {
    "%A0s и %B0s обсудили %j3",
    "%A0s %{A:встретился|встретилась} с %B4s в %T5",
    "%C0 и %D0 подписали соглашение о %j5",
    "В %T5 прошла акция протеста против %j1",
    "Работники %O1 объявили забастовку",
    "%C0 %{C:раскритиковал|раскритиковала|раскритиковало|раскритиковали} %D3 за %j3",
    "%A0s: %C0 %{C:готов|готова|готово|готовы} к переговорам с %D4",
    "%C0 %{C:ввел|ввела|ввело|ввели} санкции против %c1p %p1",
    "%O0 %{O:осудил|осудила|осудило|осудили} %[нападение|обстрел|взрыв] в %T5",
    "%A0s посетит %T3 на следующей неделе",
    "%C0 и %D0 договорились о %j5",
    "%A0s %{A:обвинил|обвинила} %D3 в %j5",
    "%C0 %{C:выслал|выслала|выслало|выслали} %N %c1p дипломатов",
    "Суд в %T5 приговорил %P3s",
    "%A0s: %C0 %{C:намерен|намерена|намерено|намерены} %i %j3",
};

/* ----------------------------------------------------- Russian morphology */

enum { NOM, GEN, DAT, ACC, INS, PRE };
enum { K_NOUN, K_FIRST, K_LAST, K_PROPER };

/* Cyrillic letters by code point (lower case). */
enum {
    CY_A = 0x430, CY_V = 0x432, CY_G = 0x433, CY_E = 0x435, CY_ZH = 0x436,
    CY_Z = 0x437, CY_I = 0x438, CY_J = 0x439, CY_K = 0x43A, CY_N = 0x43D,
    CY_O = 0x43E, CY_S = 0x441, CY_U = 0x443, CY_F = 0x444, CY_KH = 0x445,
    CY_TS = 0x446, CY_CH = 0x447, CY_SH = 0x448, CY_SHCH = 0x449,
    CY_Y = 0x44B, CY_SOFT = 0x44C, CY_EE = 0x44D, CY_YU = 0x44E, CY_YA = 0x44F,
    CY_YO = 0x451
};

static int32_t cy_lower(int32_t c)
{
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c == 0x401)
        return CY_YO;
    return c;
}

static int cy_upper_cp(int32_t c)
{
    return (c >= 0x410 && c <= 0x42F) || c == 0x401;
}

static int is_velar(int32_t c)
{
    return c == CY_G || c == CY_K || c == CY_KH;
}

static int is_sib(int32_t c)
{
    return c == CY_ZH || c == CY_SH || c == CY_CH || c == CY_SHCH;
}

static int is_vowel(int32_t c)
{
    switch (c) {
    case CY_A: case CY_E: case CY_I: case CY_O: case CY_U: case CY_Y:
    case CY_EE: case CY_YU: case CY_YA: case CY_YO:
        return 1;
    default:
        return 0;
    }
}

/* A parsed Russian word: nominative, optional oblique stem and genitive
 * plural, gender, flags. */
typedef struct ruw {
    kr_str nom, obl, genpl;
    int g, anim, indecl, nopl, foreign;
} ruw;

/* Parses the marks of a word spec (see RU_NOUNS); gender -1 = from the
 * ending. */
static void ru_parse(const char *s, size_t n, int gender, ruw *w)
{
    size_t i, j;
    memset(w, 0, sizeof *w);
    while (n && (*s == '=' || *s == '*' || *s == '#' || *s == '!')) {
        if (*s == '=')
            w->indecl = 1;
        else if (*s == '*')
            gender = G_M;
        else if (*s == '#')
            w->nopl = 1;
        else
            w->foreign = 1;
        s++;
        n--;
    }
    while (n && (s[n - 1] == '@' || s[n - 1] == '#')) {
        if (s[n - 1] == '@')
            w->anim = 1;
        else
            w->nopl = 1;
        n--;
    }
    for (i = 0; i < n && s[i] != '>' && s[i] != '/'; i++)
        ;
    w->nom.p = s;
    w->nom.n = i;
    while (i < n) {
        char mark = s[i++];
        for (j = i; j < n && s[j] != '>' && s[j] != '/'; j++)
            ;
        if (mark == '>') {
            w->obl.p = s + i;
            w->obl.n = j - i;
        } else {
            w->genpl.p = s + i;
            w->genpl.n = j - i;
        }
        i = j;
    }
    if (gender < 0) {
        size_t k = w->nom.n;
        int32_t last = k ? cy_lower(utf8_prev(w->nom.p, &k)) : 0;
        if (w->indecl)
            gender = G_N;
        else if (last == CY_A || last == CY_YA || last == CY_SOFT)
            gender = G_F;
        else if (last == CY_O || last == CY_E)
            gender = G_N;
        else
            gender = G_M;
    }
    w->g = gender;
}

static int ends_with(kr_str s, const char *suf)
{
    size_t k = strlen(suf);
    return s.n >= k && memcmp(s.p + s.n - k, suf, k) == 0;
}

/* Appends w in case `cas` (singular, or plural for nouns when pl). Proper
 * names (kind != K_NOUN) ending in a vowel other than а/я, abbreviations
 * and feminine names ending in a consonant stay as they are. */
static void ru_decl(ob *o, const ruw *w, int kind, int cas, int pl)
{
    static const char *const ADJ_M[] = {"ий", "ого", "ому", "ого", "им", "ом"};
    static const char *const ADJ_F[] = {"ая", "ой", "ой", "ую", "ой", "ой"};
    kr_str nom = w->nom, stem;
    size_t i1 = nom.n, i2;
    int32_t L, P;
    const char *e = "";
    int male = w->g == G_M;

    if (w->indecl || (!pl && cas == NOM) || nom.n == 0) {
        putstr(o, nom);
        return;
    }
    L = cy_lower(utf8_prev(nom.p, &i1));
    i2 = i1;
    P = i1 ? cy_lower(utf8_prev(nom.p, &i2)) : 0;
    if (kind != K_NOUN) {
        size_t k = 0;
        int32_t second;
        utf8_next(nom.p, nom.n, &k);
        second = k < nom.n ? utf8_next(nom.p, nom.n, &k) : 0;
        if ((is_vowel(L) && L != CY_A && L != CY_YA) || cy_upper_cp(second) ||
            (w->g == G_F && !is_vowel(L) && L != CY_SOFT) || w->g == G_PL ||
            L < 0x400) {
            putstr(o, nom);
            return;
        }
    }
    stem.p = nom.p;
    stem.n = i1; /* nominative minus its last letter */
    if (pl) {
        const char *nomp, *gen;
        switch (L) {
        case CY_A:
            nomp = is_velar(P) || is_sib(P) ? "и" : "ы";
            gen = "";
            break;
        case CY_YA:
            nomp = "и";
            gen = P == CY_I ? "й" : "ь";
            break;
        case CY_SOFT:
            if (w->obl.n)
                stem = w->obl;
            nomp = "и";
            gen = "ей";
            break;
        case CY_J:
            nomp = "и";
            gen = "ев";
            break;
        case CY_O:
            nomp = "а";
            gen = "";
            break;
        case CY_E:
            nomp = "я";
            gen = P == CY_I ? "й" : "ей";
            break;
        default:
            stem = w->obl.n ? w->obl : nom;
            nomp = is_velar(L) || is_sib(L) ? "и" : "ы";
            gen = is_sib(L) ? "ей" : L == CY_TS ? "ев" : "ов";
            break;
        }
        if (cas == ACC)
            cas = w->anim ? GEN : NOM;
        if (cas == GEN && w->genpl.n) {
            putstr(o, w->genpl);
            return;
        }
        putstr(o, stem);
        {
            int soft = (L == CY_YA || L == CY_SOFT || L == CY_J || L == CY_E) &&
                       !is_sib(P); /* ночь: ночам */
            switch (cas) {
            case NOM: e = nomp; break;
            case GEN: e = gen; break;
            case DAT: e = soft ? "ям" : "ам"; break;
            case INS: e = soft ? "ями" : "ами"; break;
            default: e = soft ? "ях" : "ах"; break;
            }
        }
        puts0(o, e);
        return;
    }
    if (kind == K_LAST && male && (ends_with(nom, "ский") || ends_with(nom, "цкий"))) {
        stem.n = i2;
        putstr(o, stem);
        puts0(o, ADJ_M[cas]);
        return;
    }
    if (kind == K_LAST && !male && (ends_with(nom, "ская") || ends_with(nom, "цкая"))) {
        stem.n = i2;
        putstr(o, stem);
        puts0(o, ADJ_F[cas]);
        return;
    }
    if (kind == K_LAST && !male &&
        (ends_with(nom, "ова") || ends_with(nom, "ева") || ends_with(nom, "ина") ||
         ends_with(nom, "ына"))) {
        static const char *const POSS_F[] = {"а", "ой", "ой", "у", "ой", "ой"};
        putstr(o, stem);
        puts0(o, POSS_F[cas]);
        return;
    }
    switch (L) {
    case CY_A: {
        static const char *const A[] = {"а", "ы", "е", "у", "ой", "е"};
        e = A[cas];
        if (cas == GEN && (is_velar(P) || is_sib(P)))
            e = "и";
        else if (cas == INS && (is_sib(P) || P == CY_TS))
            e = "ей";
        break;
    }
    case CY_YA: {
        static const char *const YA[] = {"я", "и", "е", "ю", "ей", "е"};
        static const char *const IYA[] = {"я", "и", "и", "ю", "ей", "и"};
        e = P == CY_I ? IYA[cas] : YA[cas];
        break;
    }
    case CY_SOFT:
        if (w->g == G_F) {
            static const char *const F[] = {"ь", "и", "и", "ь", "ью", "и"};
            e = F[cas];
        } else {
            static const char *const M[] = {"ь", "я", "ю", "я", "ем", "е"};
            if (cas == ACC && !w->anim) {
                putstr(o, nom);
                return;
            }
            e = M[cas];
        }
        if (w->obl.n)
            stem = w->obl;
        break;
    case CY_J: {
        static const char *const J[] = {"й", "я", "ю", "я", "ем", "е"};
        if (cas == ACC && !w->anim) {
            putstr(o, nom);
            return;
        }
        e = cas == PRE && P == CY_I ? "и" : J[cas];
        break;
    }
    case CY_O: {
        static const char *const O[] = {"о", "а", "у", "о", "ом", "е"};
        e = O[cas];
        break;
    }
    case CY_E: {
        static const char *const E[] = {"е", "я", "ю", "е", "ем", "е"};
        e = cas == PRE && P == CY_I ? "и" : E[cas];
        break;
    }
    default: {
        static const char *const C[] = {"", "а", "у", "а", "ом", "е"};
        if (cas == ACC && !w->anim) {
            putstr(o, nom);
            return;
        }
        stem = w->obl.n ? w->obl : nom;
        e = C[cas];
        if (cas == INS) {
            if (is_sib(L) || L == CY_TS)
                e = "ем";
            else if (kind == K_LAST && male && !w->foreign &&
                     (ends_with(nom, "ов") || ends_with(nom, "ев") ||
                      ends_with(nom, "ёв") || ends_with(nom, "ин") ||
                      ends_with(nom, "ын")))
                e = "ым";
        }
        break;
    }
    }
    putstr(o, stem);
    puts0(o, e);
}

/* Appends a declension spec in case `cas`: "a|b|c|d|e|f" lists the six
 * forms; otherwise each space-separated word is parsed and declined. */
static void ru_spec(ob *o, const char *spec, int gender, int anim, int kind, int cas)
{
    const char *bar = strchr(spec, '|');
    if (bar) {
        const char *s = spec;
        for (int k = 0; k < cas; k++)
            s = strchr(s, '|') + 1;
        bar = strchr(s, '|');
        put(o, s, bar ? (size_t)(bar - s) : strlen(s));
        return;
    }
    while (*spec) {
        const char *sp = strchr(spec, ' ');
        size_t n = sp ? (size_t)(sp - spec) : strlen(spec);
        ruw w;
        ru_parse(spec, n, gender, &w);
        w.anim = w.anim || anim;
        ru_decl(o, &w, kind, cas, 0);
        if (!sp)
            break;
        put(o, " ", 1);
        spec = sp + 1;
    }
}

/* Adjective classes by the ending of the nominative masculine. */
static void ru_adj_forms(kr_str nom, kr_str out_forms[4][6], kr_arena *a)
{
    static const char *const HARD[4][6] = {
        {"ый", "ого", "ому", "ый", "ым", "ом"}, {"ая", "ой", "ой", "ую", "ой", "ой"},
        {"ое", "ого", "ому", "ое", "ым", "ом"}, {"ые", "ых", "ым", "ые", "ыми", "ых"}};
    static const char *const VELAR[4][6] = {
        {"ий", "ого", "ому", "ий", "им", "ом"}, {"ая", "ой", "ой", "ую", "ой", "ой"},
        {"ое", "ого", "ому", "ое", "им", "ом"}, {"ие", "их", "им", "ие", "ими", "их"}};
    static const char *const SIB[4][6] = {
        {"ий", "его", "ему", "ий", "им", "ем"}, {"ая", "ей", "ей", "ую", "ей", "ей"},
        {"ее", "его", "ему", "ее", "им", "ем"}, {"ие", "их", "им", "ие", "ими", "их"}};
    static const char *const SOFT[4][6] = {
        {"ий", "его", "ему", "ий", "им", "ем"}, {"яя", "ей", "ей", "юю", "ей", "ей"},
        {"ее", "его", "ему", "ее", "им", "ем"}, {"ие", "их", "им", "ие", "ими", "их"}};
    const char *const(*t)[6];
    size_t i = nom.n, j;
    int32_t last, prev, stemlast;
    int stressed;
    char tmp[128];
    last = utf8_prev(nom.p, &i);
    prev = utf8_prev(nom.p, &i); /* i: start of the two-letter ending */
    j = i;
    stemlast = utf8_prev(nom.p, &j);
    stressed = prev == CY_O && last == CY_J;
    if (prev == CY_Y || (stressed && !is_velar(stemlast) && !is_sib(stemlast)))
        t = HARD;
    else if (is_velar(stemlast) || stressed)
        t = VELAR;
    else if (is_sib(stemlast))
        t = SIB;
    else
        t = SOFT;
    for (int g = 0; g < 4; g++)
        for (int c = 0; c < 6; c++) {
            const char *e = t[g][c];
            size_t el;
            if (stressed && (g == G_M) && (c == NOM || c == ACC))
                e = "ой";
            el = strlen(e);
            memcpy(tmp, nom.p, i);
            memcpy(tmp + i, e, el);
            out_forms[g][c].p = arena_strndup(a, tmp, i + el);
            out_forms[g][c].n = i + el;
        }
}

/* ---------------------------------------------------------- vocabulary */

typedef struct en_noun {
    kr_str sg, pl;
} en_noun;
typedef struct en_verb {
    kr_str base, past, part, s3, ing;
} en_verb;
typedef struct ru_noun {
    kr_str f[2][6]; /* [plural][case]; accusative already animate-aware */
    int g, anim, nopl; /* nopl: the plural forms repeat the singular */
} ru_noun;
typedef struct ru_adj {
    kr_str f[4][6];
} ru_adj;
typedef struct ru_verb {
    kr_str inf, past[4], s3, p3;
} ru_verb;

static kr_str dup(kr_arena *a, const char *s, size_t n)
{
    kr_str r;
    r.p = arena_strndup(a, s, n);
    if (!r.p) {
        fputs("gen: out of memory\n", stderr);
        exit(1);
    }
    r.n = n;
    return r;
}

static kr_str cat(kr_arena *a, const char *s, size_t n, const char *suf)
{
    char tmp[128];
    size_t k = strlen(suf);
    memcpy(tmp, s, n);
    memcpy(tmp + n, suf, k);
    return dup(a, tmp, n + k);
}

static int en_cons(char c)
{
    return !strchr("aeiou", c);
}

static void en_noun_init(en_noun *x, const char *s, kr_arena *a)
{
    const char *colon = strchr(s, ':');
    size_t n = colon ? (size_t)(colon - s) : strlen(s);
    if (n && s[n - 1] == '=') {
        x->sg = x->pl = dup(a, s, n - 1);
        return;
    }
    x->sg = dup(a, s, n);
    if (colon)
        x->pl = dup(a, colon + 1, strlen(colon + 1));
    else if (s[n - 1] == 's' || s[n - 1] == 'x' || s[n - 1] == 'z' ||
             (n > 1 && (s[n - 1] == 'h') && (s[n - 2] == 'c' || s[n - 2] == 's')))
        x->pl = cat(a, s, n, "es");
    else if (n > 1 && s[n - 1] == 'y' && en_cons(s[n - 2]))
        x->pl = cat(a, s, n - 1, "ies");
    else
        x->pl = cat(a, s, n, "s");
}

static void en_verb_init(en_verb *x, const char *s, kr_arena *a)
{
    const char *f[3] = {s, NULL, NULL};
    size_t len[3] = {0, 0, 0}, n;
    int dbl = 0, k = 0;
    char tmp[64];
    for (const char *p = s; *p; p++)
        if (*p == ':' && k < 2)
            f[++k] = p + 1;
    for (int i = 0; i <= k; i++)
        len[i] = i < k ? (size_t)(f[i + 1] - f[i] - 1) : strlen(f[i]);
    n = len[0];
    if (s[n - 1] == '+') {
        dbl = 1;
        n--;
    }
    x->base = dup(a, s, n);
    /* -ing */
    if (dbl) {
        memcpy(tmp, s, n);
        tmp[n] = s[n - 1];
        x->ing = cat(a, tmp, n + 1, "ing");
    } else if (n > 2 && s[n - 1] == 'e' && s[n - 2] == 'i')
        x->ing = cat(a, s, n - 2, "ying");
    else if (n > 2 && s[n - 1] == 'e' && s[n - 2] != 'e')
        x->ing = cat(a, s, n - 1, "ing");
    else
        x->ing = cat(a, s, n, "ing");
    /* 3sg */
    if (s[n - 1] == 's' || s[n - 1] == 'x' || s[n - 1] == 'z' || s[n - 1] == 'o' ||
        (s[n - 1] == 'h' && (s[n - 2] == 'c' || s[n - 2] == 's')))
        x->s3 = cat(a, s, n, "es");
    else if (s[n - 1] == 'y' && en_cons(s[n - 2]))
        x->s3 = cat(a, s, n - 1, "ies");
    else
        x->s3 = cat(a, s, n, "s");
    /* past */
    if (k >= 1)
        x->past = dup(a, f[1], len[1]);
    else if (dbl) {
        memcpy(tmp, s, n);
        tmp[n] = s[n - 1];
        x->past = cat(a, tmp, n + 1, "ed");
    } else if (s[n - 1] == 'e')
        x->past = cat(a, s, n, "d");
    else if (s[n - 1] == 'y' && en_cons(s[n - 2]))
        x->past = cat(a, s, n - 1, "ied");
    else
        x->past = cat(a, s, n, "ed");
    x->part = k >= 2 ? dup(a, f[2], len[2]) : x->past;
}

static void ru_noun_init(ru_noun *x, const char *s, kr_arena *a)
{
    ruw w;
    ob tmp = {0};
    ru_parse(s, strlen(s), -1, &w);
    x->g = w.g;
    x->anim = w.anim;
    x->nopl = w.nopl;
    for (int pl = 0; pl < 2; pl++)
        for (int c = 0; c < 6; c++) {
            tmp.n = 0;
            if (pl && w.nopl)
                ru_decl(&tmp, &w, K_NOUN, c, 0);
            else
                ru_decl(&tmp, &w, K_NOUN, c, pl);
            x->f[pl][c] = dup(a, tmp.p, tmp.n);
        }
    kr_free(tmp.p);
}

static void ru_verb_init(ru_verb *x, const char *s, kr_arena *a)
{
    const char *c1 = strchr(s, ':'), *c2 = strchr(c1 + 1, ':');
    size_t ni = (size_t)(c1 - s), n3 = c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1);
    int refl = ni > 4 && memcmp(s + ni - 4, "ся", 4) == 0;
    size_t base = refl ? ni - 4 : ni; /* infinitive without -ся */
    char pm[96], tmp[128];
    size_t pmn, sn;
    static const char *const PAST_END[4] = {"", "а", "о", "и"};
    static const char *const PAST_REFL[4] = {"ся", "сь", "сь", "сь"};

    x->inf = dup(a, s, ni);
    x->s3 = dup(a, c1 + 1, n3);
    if (c2) {
        pmn = strlen(c2 + 1);
        memcpy(pm, c2 + 1, pmn);
    } else {
        /* -ть -> -л */
        pmn = base >= 4 ? base - 4 : base;
        memcpy(pm, s, pmn);
        memcpy(pm + pmn, "л", 2);
        pmn += 2;
    }
    for (int g = 0; g < 4; g++) {
        size_t k = pmn, el = strlen(PAST_END[g]);
        memcpy(tmp, pm, pmn);
        memcpy(tmp + k, PAST_END[g], el);
        k += el;
        if (refl) {
            const char *r = g == G_M ? PAST_REFL[0] : PAST_REFL[1];
            memcpy(tmp + k, r, strlen(r));
            k += strlen(r);
        }
        x->past[g] = dup(a, tmp, k);
    }
    /* 3pl from 3sg: (vowel|ь)+ет -> ют, consonant+ет -> ут, sibilant+ит ->
     * ат, other +ит -> ят. */
    sn = refl ? n3 - 4 : n3;
    {
        size_t i = sn;
        int32_t t = utf8_prev(c1 + 1, &i), v = utf8_prev(c1 + 1, &i);
        size_t j = i;
        int32_t before = utf8_prev(c1 + 1, &j);
        const char *end;
        (void)t;
        if (v == CY_E || v == CY_YO)
            end = is_vowel(before) || before == CY_SOFT ? "ют" : "ут";
        else
            end = is_sib(before) ? "ат" : "ят";
        memcpy(tmp, c1 + 1, i);
        memcpy(tmp + i, end, strlen(end));
        i += strlen(end);
        if (refl) {
            memcpy(tmp + i, "ся", 4);
            i += 4;
        }
        x->p3 = dup(a, tmp, i);
    }
}

/* ------------------------------------------------------------ the cast */

typedef struct person {
    const char *en_first, *ru_first;
    char en_last[64], ru_last[128];
    int female, country, role, fixed, mentioned;
} person;

typedef struct place {
    char en[64], ru[96];
    char g;
} place;

typedef struct org {
    char en[96];
    const char *ru;  /* declension spec */
    char ru_name[96]; /* «name» after the declined head, for synthetic ones */
    char g;
} org;

enum {
    Z_EN_NOUN, Z_EN_VERB, Z_EN_ADJ, Z_RU_NOUN, Z_RU_ADJ, Z_RU_VERB, Z_PEOPLE,
    Z_COUNTRY, Z_CITY, Z_ORG, Z_ROLE, Z_SRC_EN, Z_SRC_RU, Z_FSM, Z_FSF, Z_FWM,
    Z_FWF, Z_FCM, Z_FCF, Z_COUNT
};

typedef struct gen {
    rng r;
    ob o;
    kr_arena *words;
    zipf z[Z_COUNT];
    en_noun *en_nouns;
    en_verb *en_verbs;
    ru_noun *ru_nouns;
    ru_adj *ru_adjs;
    ru_adj *ru_cadj; /* country adjectives, parallel to COUNTRIES */
    ru_verb *ru_verbs;
    int ru;
    person pa, pb, pp;
    int cc, cd, ce;
    place pt, pu;
    org oo, oq;
    int subj_g;
    int year, month, day, wday;
} gen;

static int pgender(const person *p)
{
    return p->female ? G_F : G_M;
}

static int cgender(int c)
{
    switch (COUNTRIES[c].g) {
    case 'f': return G_F;
    case 'n': return G_N;
    case 'p': return G_PL;
    default: return G_M;
    }
}

static int chgender(char g)
{
    return g == 'f' ? G_F : g == 'n' ? G_N : g == 'p' ? G_PL : G_M;
}

/* Builds a capitalized name from syllables chosen by hashing `id`, so the
 * same id always gives the same name in both scripts. */
static void synth_stem(uint64_t id, uint64_t salt, char *en, size_t en_cap, char *ru,
                       size_t ru_cap, uint64_t *rest)
{
    uint64_t h = id * 0x9e3779b97f4a7c15ULL ^ salt;
    uint64_t x = splitmix64(&h);
    int nsyl = 2 + (int)(x & 1);
    size_t en_n = 0, ru_n = 0;
    x >>= 1;
    for (int i = 0; i < nsyl; i++) {
        const name2 *s = &SYLL[x % COUNT(SYLL)];
        size_t a = strlen(s->en), b = strlen(s->ru);
        x /= COUNT(SYLL);
        if (en_n + a < en_cap && ru_n + b < ru_cap) {
            memcpy(en + en_n, s->en, a);
            memcpy(ru + ru_n, s->ru, b);
            en_n += a;
            ru_n += b;
        }
    }
    en[en_n] = '\0';
    ru[ru_n] = '\0';
    en[0] = (char)kr_toupper((unsigned char)en[0]);
    /* Cyrillic lower a..п = D0 B0..BF -> D0 90..9F, р..я = D1 80..8F -> D0 A0..AF */
    if ((unsigned char)ru[0] == 0xD0 && (unsigned char)ru[1] >= 0xB0)
        ru[1] = (char)((unsigned char)ru[1] - 0x20);
    else if ((unsigned char)ru[0] == 0xD1 && (unsigned char)ru[1] < 0x90) {
        ru[0] = (char)0xD0;
        ru[1] = (char)((unsigned char)ru[1] + 0x20);
    }
    *rest = x;
}

/* Copies NUL-terminated s into dst[cap], truncating. */
static void copy(char *dst, size_t cap, const char *s)
{
    size_t k = strlen(s);
    if (k >= cap)
        k = cap - 1;
    memcpy(dst, s, k);
    dst[k] = '\0';
}

static void append(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(dst), k = strlen(s);
    if (n + k < cap) {
        memcpy(dst + n, s, k + 1);
    }
}

/* Appends a suffix to a synthetic stem in both scripts; a suffix that
 * starts with a vowel replaces the stem's final vowel (Karo + ov = Karov). */
static void add_suffix(char *en, size_t en_cap, char *ru, size_t ru_cap, const char *en_suf,
                       const char *ru_suf)
{
    size_t en_n = strlen(en), ru_n = strlen(ru);
    if (en_n > 2 && ru_n > 4 && strchr("aeiou", en_suf[0]) && strchr("aeiou", en[en_n - 1])) {
        en[en_n - 1] = '\0';
        ru[ru_n - 2] = '\0';
    }
    append(en, en_cap, en_suf);
    append(ru, ru_cap, ru_suf);
}

static const name2 *pick_first(gen *g, int origin, int female)
{
    switch (origin) {
    case 's':
        return female ? &FIRST_S_F[zipf_draw(&g->z[Z_FSF], &g->r)]
                      : &FIRST_S_M[zipf_draw(&g->z[Z_FSM], &g->r)];
    case 'c':
        return female ? &FIRST_C_F[zipf_draw(&g->z[Z_FCF], &g->r)]
                      : &FIRST_C_M[zipf_draw(&g->z[Z_FCM], &g->r)];
    default:
        return female ? &FIRST_W_F[zipf_draw(&g->z[Z_FWF], &g->r)]
                      : &FIRST_W_M[zipf_draw(&g->z[Z_FWM], &g->r)];
    }
}

/* A person from the real list (55%) or a synthetic one whose surname id is
 * log-uniform, so new names keep appearing as the corpus grows. */
static void pick_person(gen *g, person *p, int allow_real, int with_role)
{
    memset(p, 0, sizeof *p);
    if (allow_real && chance(&g->r, 55)) {
        const real_person *r = &PEOPLE[zipf_draw(&g->z[Z_PEOPLE], &g->r)];
        p->en_first = r->en_first;
        p->ru_first = r->ru_first;
        copy(p->en_last, sizeof p->en_last, r->en_last);
        copy(p->ru_last, sizeof p->ru_last, r->ru_last);
        p->female = r->g == 'f';
        p->country = r->country;
        p->role = r->role;
        p->fixed = r->fixed;
        return;
    }
    {
        int c = C_RUS, origin;
        const suffix *sf;
        const name2 *first;
        uint64_t rest;
        for (int tries = 0; tries < 8; tries++) {
            int k = (int)zipf_draw(&g->z[Z_COUNTRY], &g->r);
            if (COUNTRIES[k].origin != 'e') {
                c = k;
                break;
            }
        }
        origin = COUNTRIES[c].origin;
        p->female = chance(&g->r, 25);
        first = pick_first(g, origin, p->female);
        p->en_first = first->en;
        p->ru_first = first->ru;
        synth_stem(loguni(&g->r, NAME_IDS), (uint64_t)origin, p->en_last,
                   sizeof p->en_last, p->ru_last, sizeof p->ru_last, &rest);
        if (origin == 's')
            sf = &SUF_S[rest % COUNT(SUF_S)];
        else if (origin == 'c')
            sf = &SUF_C[rest % COUNT(SUF_C)];
        else
            sf = &SUF_W[rest % COUNT(SUF_W)];
        add_suffix(p->en_last, sizeof p->en_last, p->ru_last, sizeof p->ru_last,
                   p->female && sf->en_f ? sf->en_f : sf->en_m,
                   p->female && sf->ru_f ? sf->ru_f : sf->ru_m);
        p->country = c;
        p->role = with_role ? (int)zipf_draw(&g->z[Z_ROLE], &g->r) : -1;
    }
}

static void pick_place(gen *g, place *pl)
{
    if (chance(&g->r, 55)) {
        const city *c = &CITIES[zipf_draw(&g->z[Z_CITY], &g->r)];
        copy(pl->en, sizeof pl->en, c->en);
        copy(pl->ru, sizeof pl->ru, c->ru);
        pl->g = c->g;
    } else {
        uint64_t rest;
        const psuffix *s;
        synth_stem(loguni(&g->r, PLACE_IDS), 0x5eed, pl->en, sizeof pl->en, pl->ru,
                   sizeof pl->ru, &rest);
        s = &SUF_PLACE[rest % COUNT(SUF_PLACE)];
        add_suffix(pl->en, sizeof pl->en, pl->ru, sizeof pl->ru, s->en, s->ru);
        pl->g = s->g;
    }
}

static void pick_org(gen *g, org *o)
{
    if (chance(&g->r, 65)) {
        const orgdef *d = &ORGS[zipf_draw(&g->z[Z_ORG], &g->r)];
        copy(o->en, sizeof o->en, d->en);
        o->ru = d->ru;
        o->ru_name[0] = '\0';
        o->g = d->g;
    } else {
        char en[48], ru[64];
        uint64_t rest;
        const orgkind *k;
        synth_stem(loguni(&g->r, PLACE_IDS), 0x0c0, en, sizeof en, ru, sizeof ru, &rest);
        k = &ORG_KINDS[rest % COUNT(ORG_KINDS)];
        snprintf(o->en, sizeof o->en, "%s%s%s", k->article ? "the " : "", en, k->en);
        o->ru = k->ru;
        copy(o->ru_name, sizeof o->ru_name, ru);
        o->g = k->g;
    }
}

/* ------------------------------------------------------- slot emitters */

/* Russian prepositions take a vowel before some clusters: о -> об before a
 * vowel, в -> во and с -> со before в/ф or с/з/ш/ж plus a consonant. */
static void ru_fix_prep(ob *o, const char *w, size_t n)
{
    size_t i = 0;
    int32_t c1, c2;
    int abbr;
    const unsigned char *t;
    if (o->n < 4 || n == 0)
        return;
    t = (const unsigned char *)o->p + o->n - 4;
    if (t[0] != ' ' || t[3] != ' ')
        return;
    c1 = cy_lower(utf8_next(w, n, &i));
    c2 = i < n ? utf8_next(w, n, &i) : 0;
    abbr = cy_upper_cp(c2); /* read letter by letter: с США, в ФРГ */
    c2 = cy_lower(c2);
    if (t[1] == 0xD0 && t[2] == 0xBE) { /* о */
        if (c1 == CY_A || c1 == CY_O || c1 == CY_U || c1 == CY_EE || c1 == CY_I) {
            o->n--;
            put(o, "б ", 3);
        }
    } else if (t[1] == 0xD0 && t[2] == 0xB2) { /* в */
        if ((c1 == CY_V || c1 == CY_F) && c2 > 0 && !is_vowel(c2) && !abbr) {
            o->n--;
            put(o, "о ", 3);
        }
    } else if (t[1] == 0xD1 && t[2] == 0x81) { /* с */
        if ((c1 == CY_S || c1 == CY_Z || c1 == CY_SH || c1 == CY_ZH) && c2 > 0 &&
            !is_vowel(c2) && !abbr) {
            o->n--;
            put(o, "о ", 3);
        }
    }
}

static void ru_put(gen *g, kr_str s)
{
    ru_fix_prep(&g->o, s.p, s.n);
    putstr(&g->o, s);
}

/* Declines a spec into a scratch area at the end of the buffer, then fixes
 * the preposition before it. */
static void ru_put_spec(gen *g, const char *spec, int gender, int anim, int kind, int cas)
{
    size_t start = g->o.n, n;
    char tmp[256];
    ru_spec(&g->o, spec, gender, anim, kind, cas);
    n = g->o.n - start;
    if (n < sizeof tmp) {
        memcpy(tmp, g->o.p + start, n);
        g->o.n = start;
        ru_fix_prep(&g->o, tmp, n);
        put(&g->o, tmp, n);
    }
}

static void emit_person(gen *g, person *p, int cas, int shrt)
{
    ob *o = &g->o;
    int full = !shrt && !p->mentioned;
    if (!shrt)
        p->mentioned = 1;
    if (!g->ru) {
        if (full) {
            if (p->role >= 0) {
                const role *r = &ROLES[p->role];
                if (p->country >= 0 && p->role < R_ORG) {
                    puts0(o, COUNTRIES[p->country].dem);
                    put(o, " ", 1);
                }
                puts0(o, p->female ? r->en_f : r->en_m);
                put(o, " ", 1);
            }
            if (p->en_first[0]) {
                puts0(o, p->en_first);
                put(o, " ", 1);
            }
        }
        puts0(o, p->en_last);
        return;
    }
    if (full) {
        if (p->role >= 0) {
            const role *r = &ROLES[p->role];
            ru_put_spec(g, r->ru_head, G_M, 1, K_NOUN, cas);
            puts0(o, r->ru_tail);
            if (p->country >= 0 && p->role < R_ORG) {
                put(o, " ", 1);
                ru_spec(o, COUNTRIES[p->country].ru, cgender(p->country), 0, K_PROPER,
                        GEN);
            }
            put(o, " ", 1);
        }
        if (p->ru_first[0]) {
            if (p->fixed)
                puts0(o, p->ru_first);
            else
                ru_put_spec(g, p->ru_first, pgender(p), 1, K_FIRST, cas);
            put(o, " ", 1);
        }
    }
    if (p->fixed)
        puts0(o, p->ru_last);
    else if (full)
        ru_spec(o, p->ru_last, pgender(p), 1, K_LAST, cas);
    else
        ru_put_spec(g, p->ru_last, pgender(p), 1, K_LAST, cas);
}

static void emit_country(gen *g, int c, int cas)
{
    if (!g->ru)
        puts0(&g->o, COUNTRIES[c].en);
    else
        ru_put_spec(g, COUNTRIES[c].ru, cgender(c), 0, K_PROPER, cas);
}

static void emit_place(gen *g, const place *p, int cas)
{
    if (!g->ru)
        puts0(&g->o, p->en);
    else
        ru_put_spec(g, p->ru, chgender(p->g), 0, K_PROPER, cas);
}

static void emit_org(gen *g, const org *o, int cas)
{
    if (!g->ru) {
        puts0(&g->o, o->en);
        return;
    }
    if (o->ru_name[0]) {
        ru_put_spec(g, o->ru, chgender(o->g), 0, K_NOUN, cas);
        put(&g->o, " «", 3);
        puts0(&g->o, o->ru_name);
        put(&g->o, "»", 2);
    } else {
        ru_put_spec(g, o->ru, chgender(o->g), 0, K_PROPER, cas);
    }
}

/* Russian numbers before a genitive plural: the last digit is 0 or 5-9 or
 * the number ends in 11-19, so "N человек/протестующих" always agrees. */
static void emit_count(gen *g)
{
    uint32_t n = chance(&g->r, 80) ? 2 + below(&g->r, 58) : 100 + below(&g->r, 900);
    if (g->ru) {
        uint32_t d = n % 10, t = n % 100;
        if (!(t >= 11 && t <= 19) && d >= 1 && d <= 4)
            n += 5 - d;
    }
    putu(&g->o, n);
}

static void emit_decimal(gen *g, uint32_t whole, uint32_t frac)
{
    putu(&g->o, whole);
    put(&g->o, g->ru ? "," : ".", 1);
    putu(&g->o, frac);
}

static void emit_thousands(gen *g)
{
    ob *o = &g->o;
    uint32_t k = 1 + below(&g->r, 90), r = below(&g->r, 10);
    switch (below(&g->r, 3)) {
    case 0:
        puts0(o, g->ru ? "более " : "more than ");
        putu(o, k);
        puts0(o, g->ru ? " тыс." : ",000");
        break;
    case 1:
        putu(o, k);
        if (g->ru) {
            put(o, " ", 1);
            putu(o, r);
            puts0(o, "00");
        } else {
            put(o, ",", 1);
            putu(o, r);
            puts0(o, "00");
        }
        break;
    default:
        if (g->ru) {
            emit_decimal(g, k, r);
            puts0(o, " тыс.");
        } else {
            putu(o, k);
            put(o, ",", 1);
            putu(o, r);
            puts0(o, "50");
        }
        break;
    }
}

static void emit_money(gen *g)
{
    ob *o = &g->o;
    uint32_t n = 1 + below(&g->r, 900), f = below(&g->r, 10);
    switch (below(&g->r, 4)) {
    case 0:
        if (g->ru) {
            putu(o, n);
            puts0(o, " млн долларов");
        } else {
            put(o, "$", 1);
            putu(o, n);
            puts0(o, " million");
        }
        break;
    case 1:
        if (g->ru) {
            emit_decimal(g, 1 + n % 20, f);
            puts0(o, " млрд долларов");
        } else {
            put(o, "$", 1);
            emit_decimal(g, 1 + n % 20, f);
            puts0(o, " billion");
        }
        break;
    case 2:
        putu(o, n);
        puts0(o, g->ru ? " млн евро" : " million euros");
        break;
    default:
        putu(o, 1 + n % 300);
        puts0(o, g->ru ? " млрд рублей" : " billion rubles");
        break;
    }
}

static void emit_percent(gen *g)
{
    uint32_t w = below(&g->r, 30), f = 1 + below(&g->r, 9);
    emit_decimal(g, w, f);
    if (g->ru)
        puts0(&g->o, chance(&g->r, 50) ? "%" : " процента");
    else
        puts0(&g->o, chance(&g->r, 50) ? "%" : " percent");
}

static void emit_date(gen *g, int month, int day)
{
    if (g->ru) {
        putu(&g->o, (unsigned long)day);
        put(&g->o, " ", 1);
        puts0(&g->o, MONTHS_RU_GEN[month - 1]);
    } else {
        puts0(&g->o, MONTHS_EN[month - 1]);
        put(&g->o, " ", 1);
        putu(&g->o, (unsigned long)day);
    }
}

static int slot_gender(const gen *g, char x)
{
    switch (x) {
    case 'A': return pgender(&g->pa);
    case 'B': return pgender(&g->pb);
    case 'P': return pgender(&g->pp);
    case 'C': return cgender(g->cc);
    case 'D': return cgender(g->cd);
    case 'E': return cgender(g->ce);
    case 'O': return chgender(g->oo.g);
    case 'Q': return chgender(g->oq.g);
    case 'T': return chgender(g->pt.g);
    case 'U': return chgender(g->pu.g);
    default: return g->subj_g;
    }
}

static void tpl(gen *g, const char *t, size_t n);
static void upper_range(ob *o, size_t start, size_t end);

/* End of a %[...] or %{...} group whose body starts at t[i]. */
static size_t group_end(const char *t, size_t n, size_t i)
{
    int depth = 0;
    for (; i < n; i++) {
        if (t[i] == '%' && i + 1 < n && (t[i + 1] == '[' || t[i + 1] == '{')) {
            depth++;
            i++;
        } else if (t[i] == ']' || t[i] == '}') {
            if (depth == 0)
                return i;
            depth--;
        }
    }
    return n;
}

/* Emits alternative k of the '|'-separated list t[i..end), or the last one
 * when there are fewer. */
static void emit_alt(gen *g, const char *t, size_t i, size_t end, uint32_t k)
{
    int depth = 0;
    size_t start = i;
    for (; i < end; i++) {
        if (t[i] == '%' && i + 1 < end && (t[i + 1] == '[' || t[i + 1] == '{')) {
            depth++;
            i++;
        } else if ((t[i] == ']' || t[i] == '}') && depth > 0) {
            depth--;
        } else if (t[i] == '|' && depth == 0) {
            if (k == 0)
                break;
            k--;
            start = i + 1;
        }
    }
    tpl(g, t + start, i - start);
}

static uint32_t count_alts(const char *t, size_t i, size_t end)
{
    int depth = 0;
    uint32_t k = 1;
    for (; i < end; i++) {
        if (t[i] == '%' && i + 1 < end && (t[i + 1] == '[' || t[i + 1] == '{')) {
            depth++;
            i++;
        } else if ((t[i] == ']' || t[i] == '}') && depth > 0)
            depth--;
        else if (t[i] == '|' && depth == 0)
            k++;
    }
    return k;
}

static void en_slot(gen *g, char c)
{
    ob *o = &g->o;
    rng *r = &g->r;
    switch (c) {
    case 'n':
        putstr(o, g->en_nouns[zipf_draw(&g->z[Z_EN_NOUN], r)].sg);
        break;
    case 'p':
        putstr(o, g->en_nouns[zipf_draw(&g->z[Z_EN_NOUN], r)].pl);
        break;
    case 'a':
        puts0(o, EN_ADJS[zipf_draw(&g->z[Z_EN_ADJ], r)]);
        break;
    case 'j':
    case 'q':
        puts0(o, EN_ADJS[zipf_draw(&g->z[Z_EN_ADJ], r)]);
        put(o, " ", 1);
        {
            const en_noun *x = &g->en_nouns[zipf_draw(&g->z[Z_EN_NOUN], r)];
            putstr(o, c == 'j' ? x->sg : x->pl);
        }
        break;
    case 'c':
        puts0(o, COUNTRIES[g->cc].dem);
        break;
    case 'd':
        puts0(o, COUNTRIES[g->cd].dem);
        break;
    default: {
        const en_verb *v = &g->en_verbs[zipf_draw(&g->z[Z_EN_VERB], r)];
        switch (c) {
        case 'v': putstr(o, v->past); break;
        case 'b': putstr(o, v->base); break;
        case 'g': putstr(o, v->ing); break;
        case 'z': putstr(o, v->s3); break;
        default: putstr(o, v->part); break;
        }
        break;
    }
    }
}

static void ru_slot(gen *g, char c, int cas, int gl, char who)
{
    rng *r = &g->r;
    switch (c) {
    case 'n':
    case 'p': {
        const ru_noun *x = &g->ru_nouns[zipf_draw(&g->z[Z_RU_NOUN], r)];
        ru_put(g, x->f[c == 'p'][cas]);
        if (cas == NOM)
            g->subj_g = c == 'p' && !x->nopl ? G_PL : x->g;
        break;
    }
    case 'j':
    case 'q': {
        const ru_adj *a = &g->ru_adjs[zipf_draw(&g->z[Z_RU_ADJ], r)];
        const ru_noun *x = &g->ru_nouns[zipf_draw(&g->z[Z_RU_NOUN], r)];
        int pl = c == 'q' && !x->nopl, ag = pl ? G_PL : x->g, ac = cas;
        if (cas == ACC && x->anim && (pl || x->g == G_M))
            ac = GEN;
        ru_put(g, a->f[ag][ac]);
        put(&g->o, " ", 1);
        putstr(&g->o, x->f[pl][cas]);
        if (cas == NOM)
            g->subj_g = ag;
        break;
    }
    case 'a':
        ru_put(g, g->ru_adjs[zipf_draw(&g->z[Z_RU_ADJ], r)].f[gl][cas]);
        break;
    case 'c':
        ru_put(g, g->ru_cadj[g->cc].f[gl][cas]);
        break;
    case 'd':
        ru_put(g, g->ru_cadj[g->cd].f[gl][cas]);
        break;
    case 'v':
        ru_put(g, g->ru_verbs[zipf_draw(&g->z[Z_RU_VERB], r)].past[slot_gender(g, who)]);
        break;
    case 'f': {
        const ru_verb *v = &g->ru_verbs[zipf_draw(&g->z[Z_RU_VERB], r)];
        ru_put(g, slot_gender(g, who) == G_PL ? v->p3 : v->s3);
        break;
    }
    default:
        ru_put(g, g->ru_verbs[zipf_draw(&g->z[Z_RU_VERB], r)].inf);
        break;
    }
}

/* Handles the slot whose code is at t[i]; returns the index after it. */
static size_t slot(gen *g, const char *t, size_t n, size_t i)
{
    char c = t[i++], who = 'S';
    int cas = 0, gl = G_M, shrt = 0;
    if (c == '^') { /* %^G: the subject's gender is G from here on */
        if (i < n && t[i] >= '0' && t[i] <= '3')
            g->subj_g = t[i++] - '0';
        return i;
    }
    if (c == '[' || c == '{') {
        size_t end = group_end(t, n, i);
        if (c == '[') {
            emit_alt(g, t, i, end, below(&g->r, count_alts(t, i, end)));
        } else {
            char x = t[i];
            emit_alt(g, t, i + 2, end, (uint32_t)slot_gender(g, x));
        }
        return end < n ? end + 1 : n;
    }
    if (i < n && t[i] >= '0' && t[i] <= '5')
        cas = t[i++] - '0';
    if (g->ru && (c == 'a' || c == 'c' || c == 'd') && i < n) {
        const char *gs = "mfnp";
        for (int k = 0; k < 4; k++)
            if (t[i] == gs[k]) {
                gl = k;
                i++;
                break;
            }
    }
    if ((c == 'A' || c == 'B' || c == 'P') && i < n && t[i] == 's') {
        shrt = 1;
        i++;
    }
    if (g->ru && (c == 'v' || c == 'f') && i < n && strchr("ABPCDEOQS", t[i]))
        who = t[i++];
    switch (c) {
    case 'A': emit_person(g, &g->pa, cas, shrt); break;
    case 'B': emit_person(g, &g->pb, cas, shrt); break;
    case 'P':
        pick_person(g, &g->pp, 1, chance(&g->r, 60));
        emit_person(g, &g->pp, cas, shrt);
        break;
    case 'C': emit_country(g, g->cc, cas); break;
    case 'D': emit_country(g, g->cd, cas); break;
    case 'E':
        do
            g->ce = (int)zipf_draw(&g->z[Z_COUNTRY], &g->r);
        while (g->ce == g->cc || g->ce == g->cd);
        emit_country(g, g->ce, cas);
        break;
    case 'T': emit_place(g, &g->pt, cas); break;
    case 'U':
        pick_place(g, &g->pu);
        emit_place(g, &g->pu, cas);
        break;
    case 'O': emit_org(g, &g->oo, cas); break;
    case 'Q':
        pick_org(g, &g->oq);
        emit_org(g, &g->oq, cas);
        break;
    case 'N': emit_count(g); break;
    case 'K': emit_thousands(g); break;
    case '$': emit_money(g); break;
    case 'R': emit_percent(g); break;
    case 'Y': putu(&g->o, (unsigned long)(g->year - (int)below(&g->r, 4))); break;
    case 'M': emit_date(g, g->month, 1 + (int)below(&g->r, (uint32_t)g->day)); break;
    case 'W':
        puts0(&g->o, g->ru ? WEEKDAYS_RU[below(&g->r, 7)] : WEEKDAYS_EN[below(&g->r, 7)]);
        break;
    case 'Z':
        puts0(&g->o, g->ru ? WHEN_RU[below(&g->r, COUNT(WHEN_RU))]
                           : WHEN_EN[below(&g->r, COUNT(WHEN_EN))]);
        break;
    default:
        if (g->ru)
            ru_slot(g, c, cas, gl, who);
        else
            en_slot(g, c);
        break;
    }
    return i;
}

/* Expands template t[0..n) into the output, escaping '"' for JSON. */
static void tpl(gen *g, const char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && t[j] != '%' && t[j] != '"')
            j++;
        if (j > i)
            put(&g->o, t + i, j - i);
        if (j >= n)
            break;
        if (t[j] == '"') {
            put(&g->o, "\\\"", 2);
            i = j + 1;
        } else {
            i = slot(g, t, n, j + 1);
        }
    }
}

/* Upper-cases the first letter at or after o->p[start] (ASCII or
 * Cyrillic), skipping spaces, quotes and JSON escapes. */
static void capitalize(ob *o, size_t start)
{
    size_t i = start;
    while (i < o->n) {
        unsigned char c = (unsigned char)o->p[i];
        if (c == ' ' || c == '"' || c == '\\')
            i++;
        else if (c == 0xC2 && i + 1 < o->n && (unsigned char)o->p[i + 1] == 0xAB)
            i += 2; /* « */
        else
            break;
    }
    upper_range(o, i, i < o->n && (unsigned char)o->p[i] >= 0x80 ? i + 2 : i + 1);
}

static void upper_range(ob *o, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)o->p[i];
        if (c >= 'a' && c <= 'z')
            o->p[i] = (char)(c - 32);
        else if (c == 0xD0 && i + 1 < end) {
            unsigned char d = (unsigned char)o->p[i + 1];
            if (d >= 0xB0 && d <= 0xBF)
                o->p[i + 1] = (char)(d - 0x20);
            i++;
        } else if (c == 0xD1 && i + 1 < end) {
            unsigned char d = (unsigned char)o->p[i + 1];
            if (d >= 0x80 && d <= 0x8F) {
                o->p[i] = (char)0xD0;
                o->p[i + 1] = (char)(d + 0x20);
            } else if (d == 0x91) {
                o->p[i] = (char)0xD0;
                o->p[i + 1] = (char)0x81;
            }
            i++;
        }
    }
}

static void sentence(gen *g, const char *const *list, size_t count)
{
    size_t start = g->o.n;
    const char *t = list[below(&g->r, (uint32_t)count)];
    g->subj_g = G_M;
    tpl(g, t, strlen(t));
    capitalize(&g->o, start);
}

/* ---------------------------------------------------------- one report */

static void dateline(gen *g, const char *source)
{
    ob *o = &g->o;
    size_t start = o->n;
    emit_place(g, &g->pt, NOM);
    upper_range(o, start, o->n);
    put(o, ", ", 2);
    switch (below(&g->r, 3)) {
    case 0:
        emit_date(g, g->month, g->day);
        puts0(o, ". /");
        puts0(o, source);
        puts0(o, "/.");
        break;
    case 1:
        if (g->ru) {
            putu(o, (unsigned long)g->day);
            put(o, " ", 1);
            puts0(o, MONTHS_RU_SHORT[g->month - 1]);
            puts0(o, " — ");
        } else {
            size_t m = o->n;
            emit_date(g, g->month, g->day);
            upper_range(o, m, o->n);
            puts0(o, ", ");
        }
        puts0(o, source);
        put(o, ".", 1);
        break;
    default:
        emit_date(g, g->month, g->day);
        puts0(o, ", ");
        puts0(o, source);
        put(o, ".", 1);
        break;
    }
    put(o, " ", 1);
}

static void report(gen *g, unsigned long id)
{
    ob *o = &g->o;
    rng *r = &g->r;
    const char *source;
    char synth_src[160];
    size_t text_start;
    uint32_t target, par_left;
    static const int MDAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    g->ru = chance(r, 50);
    g->year = 2015 + (int)below(r, 10);
    g->month = 1 + (int)below(r, 12);
    g->day = 1 + (int)below(r, (uint32_t)MDAYS[g->month - 1]);
    pick_person(g, &g->pa, 1, 1);
    do
        pick_person(g, &g->pb, 1, 1);
    while (strcmp(g->pb.en_last, g->pa.en_last) == 0);
    g->cc = g->pa.country >= 0 ? g->pa.country : (int)zipf_draw(&g->z[Z_COUNTRY], r);
    g->cd = g->pb.country >= 0 ? g->pb.country : (int)zipf_draw(&g->z[Z_COUNTRY], r);
    while (g->cd == g->cc)
        g->cd = (int)zipf_draw(&g->z[Z_COUNTRY], r);
    g->ce = g->cd;
    pick_place(g, &g->pt);
    pick_org(g, &g->oo);
    if (chance(r, 10)) {
        place p;
        pick_place(g, &p);
        if (g->ru) {
            ob tmp = {0};
            ru_spec(&tmp, p.ru, chgender(p.g), 0, K_PROPER, GEN);
            snprintf(synth_src, sizeof synth_src, "Вестник %.*s", (int)tmp.n, tmp.p);
            kr_free(tmp.p);
        } else {
            snprintf(synth_src, sizeof synth_src, "%s Herald", p.en);
        }
        source = synth_src;
    } else {
        source = g->ru ? SOURCES_RU[zipf_draw(&g->z[Z_SRC_RU], r)]
                       : SOURCES_EN[zipf_draw(&g->z[Z_SRC_EN], r)];
    }

    puts0(o, "{\"id\":\"r");
    putu(o, id);
    puts0(o, "\",\"title\":\"");
    {
        size_t start = o->n;
        const char *t = g->ru ? TITLE_RU[below(r, COUNT(TITLE_RU))]
                              : TITLE_EN[below(r, COUNT(TITLE_EN))];
        tpl(g, t, strlen(t));
        capitalize(o, start);
    }
    puts0(o, "\",\"date\":\"");
    {
        char d[10] = {(char)('0' + g->year / 1000), (char)('0' + g->year / 100 % 10),
                      (char)('0' + g->year / 10 % 10), (char)('0' + g->year % 10), '-',
                      (char)('0' + g->month / 10), (char)('0' + g->month % 10), '-',
                      (char)('0' + g->day / 10), (char)('0' + g->day % 10)};
        put(o, d, sizeof d);
    }
    puts0(o, "\",\"source\":\"");
    puts0(o, source);
    puts0(o, g->ru ? "\",\"lang\":\"ru\",\"text\":\"" : "\",\"lang\":\"en\",\"text\":\"");

    text_start = o->n;
    /* Lengths 1..6 KB, skewed towards the short end like real wires. */
    {
        uint32_t u = below(r, 1000);
        target = 1000 + u * u / 200;
    }
    if (chance(r, 55))
        dateline(g, source);
    if (g->ru)
        sentence(g, LEAD_RU, COUNT(LEAD_RU));
    else
        sentence(g, LEAD_EN, COUNT(LEAD_EN));
    par_left = 1 + below(r, 3);
    while (o->n - text_start < target) {
        uint32_t kind = below(r, 100);
        if (--par_left == 0) {
            put(o, "\\n", 2);
            par_left = 1 + below(r, 4);
        } else {
            put(o, " ", 1);
        }
        if (g->ru)
            sentence(g, kind < 30 ? LEAD_RU : kind < 75 ? BODY_RU : FILL_RU,
                     kind < 30 ? COUNT(LEAD_RU) : kind < 75 ? COUNT(BODY_RU) : COUNT(FILL_RU));
        else
            sentence(g, kind < 30 ? LEAD_EN : kind < 75 ? BODY_EN : FILL_EN,
                     kind < 30 ? COUNT(LEAD_EN) : kind < 75 ? COUNT(BODY_EN) : COUNT(FILL_EN));
    }
    puts0(o, "\"}\n");
}

/* ---------------------------------------------------------------- main */

static void gen_init(gen *g, uint64_t seed)
{
    size_t i;
    memset(g, 0, sizeof *g);
    rng_seed(&g->r, seed);
    g->words = arena_new();
    if (!g->words) {
        fputs("gen: out of memory\n", stderr);
        exit(1);
    }
    g->en_nouns = xmalloc(COUNT(EN_NOUNS) * sizeof *g->en_nouns);
    g->en_verbs = xmalloc(COUNT(EN_VERBS) * sizeof *g->en_verbs);
    g->ru_nouns = xmalloc(COUNT(RU_NOUNS) * sizeof *g->ru_nouns);
    g->ru_adjs = xmalloc(COUNT(RU_ADJS) * sizeof *g->ru_adjs);
    g->ru_cadj = xmalloc(COUNT(COUNTRIES) * sizeof *g->ru_cadj);
    g->ru_verbs = xmalloc(COUNT(RU_VERBS) * sizeof *g->ru_verbs);
    for (i = 0; i < COUNT(EN_NOUNS); i++)
        en_noun_init(&g->en_nouns[i], EN_NOUNS[i], g->words);
    for (i = 0; i < COUNT(EN_VERBS); i++)
        en_verb_init(&g->en_verbs[i], EN_VERBS[i], g->words);
    for (i = 0; i < COUNT(RU_NOUNS); i++)
        ru_noun_init(&g->ru_nouns[i], RU_NOUNS[i], g->words);
    for (i = 0; i < COUNT(RU_ADJS); i++) {
        kr_str s = {RU_ADJS[i], strlen(RU_ADJS[i])};
        ru_adj_forms(s, g->ru_adjs[i].f, g->words);
    }
    for (i = 0; i < COUNT(COUNTRIES); i++) {
        kr_str s = {COUNTRIES[i].ru_adj, strlen(COUNTRIES[i].ru_adj)};
        ru_adj_forms(s, g->ru_cadj[i].f, g->words);
    }
    for (i = 0; i < COUNT(RU_VERBS); i++)
        ru_verb_init(&g->ru_verbs[i], RU_VERBS[i], g->words);
    zipf_init(&g->z[Z_EN_NOUN], COUNT(EN_NOUNS));
    zipf_init(&g->z[Z_EN_VERB], COUNT(EN_VERBS));
    zipf_init(&g->z[Z_EN_ADJ], COUNT(EN_ADJS));
    zipf_init(&g->z[Z_RU_NOUN], COUNT(RU_NOUNS));
    zipf_init(&g->z[Z_RU_ADJ], COUNT(RU_ADJS));
    zipf_init(&g->z[Z_RU_VERB], COUNT(RU_VERBS));
    zipf_init(&g->z[Z_PEOPLE], COUNT(PEOPLE));
    zipf_init(&g->z[Z_COUNTRY], COUNT(COUNTRIES));
    zipf_init(&g->z[Z_CITY], COUNT(CITIES));
    zipf_init(&g->z[Z_ORG], COUNT(ORGS));
    zipf_init(&g->z[Z_ROLE], R_COUNTRY_ROLES);
    zipf_init(&g->z[Z_SRC_EN], COUNT(SOURCES_EN));
    zipf_init(&g->z[Z_SRC_RU], COUNT(SOURCES_RU));
    zipf_init(&g->z[Z_FSM], COUNT(FIRST_S_M));
    zipf_init(&g->z[Z_FSF], COUNT(FIRST_S_F));
    zipf_init(&g->z[Z_FWM], COUNT(FIRST_W_M));
    zipf_init(&g->z[Z_FWF], COUNT(FIRST_W_F));
    zipf_init(&g->z[Z_FCM], COUNT(FIRST_C_M));
    zipf_init(&g->z[Z_FCF], COUNT(FIRST_C_F));
}

static void gen_free(gen *g)
{
    for (int i = 0; i < Z_COUNT; i++)
        kr_free(g->z[i].cdf);
    kr_free(g->en_nouns);
    kr_free(g->en_verbs);
    kr_free(g->ru_nouns);
    kr_free(g->ru_adjs);
    kr_free(g->ru_cadj);
    kr_free(g->ru_verbs);
    kr_free(g->o.p);
    arena_free(g->words);
}

static int write_part(const char *dir, unsigned part, const ob *o)
{
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/part-%04u.jsonl", dir, part);
    f = fopen(path, "wb");
    if (!f || fwrite(o->p, 1, o->n, f) != o->n || fclose(f) != 0) {
        fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;
    if (!*s || *s == '-')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    gen g;
    uint64_t mb, seed = 1, total = 0, want;
    unsigned long docs = 0;
    unsigned part = 0;
    struct timespec t0, t1;
    double secs;

    if (argc < 3 || argc > 4 || parse_u64(argv[2], &mb) || mb == 0 || mb > 1000000 ||
        (argc == 4 && parse_u64(argv[3], &seed))) {
        fputs("usage: gen OUTDIR MEGABYTES [SEED]\n"
              "writes about MEGABYTES x 10^6 bytes of JSON Lines news reports\n",
              stderr);
        return 2;
    }
    if (mkdir(argv[1], 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    gen_init(&g, seed);
    want = mb * MEGA;
    while (total + g.o.n < want) {
        report(&g, ++docs);
        if (g.o.n >= FILE_BYTES) {
            if (write_part(argv[1], ++part, &g.o)) {
                gen_free(&g);
                return 1;
            }
            total += g.o.n;
            g.o.n = 0;
        }
    }
    if (g.o.n) {
        if (write_part(argv[1], ++part, &g.o)) {
            gen_free(&g);
            return 1;
        }
        total += g.o.n;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("gen: %llu bytes, %lu docs, %u files, seed %llu, %.2f s, %.1f MB/s\n",
           (unsigned long long)total, docs, part, (unsigned long long)seed, secs,
           secs > 0 ? (double)total / MEGA / secs : 0.0);
    gen_free(&g);
    return 0;
}
