/* t_langid.c: language identification on one-sentence news texts and
 * paragraphs in every supported language, "und" cases, hostile input, the
 * 64 KiB read limit; prints accuracy and speed. */
#include <time.h>

#include "kr.h"
#include "langid.h"
#include "t.h"

struct sample {
    const char *lang;
    const char *text;
};

/* One sentence each, 5-15 words: every one must be identified. */
static const struct sample sentences[] = {
    {"en", "The foreign ministers of Armenia and Azerbaijan met in Washington to discuss the peace treaty."},
    {"en", "Russia said it would not take part in the talks unless its demands were met."},
    {"en", "Iran's president called for closer economic cooperation with its northern neighbours."},
    {"en", "Protesters gathered outside the parliament building on Tuesday evening."},
    {"en", "The United Nations urged both sides to respect the ceasefire agreement."},
    {"ru", "Министр иностранных дел России провел переговоры со своим турецким коллегой в Анкаре."},
    {"ru", "Стороны обсудили вопросы региональной безопасности и подписали меморандум о сотрудничестве."},
    {"ru", "Президент заявил, что страна не намерена отказываться от своих обязательств."},
    {"ru", "В Ереване прошла встреча глав правительств стран Евразийского союза."},
    {"ru", "По словам представителя МИД, переговоры будут продолжены в следующем месяце."},
    {"uk", "Міністр закордонних справ України зустрівся з генеральним секретарем НАТО у Брюсселі."},
    {"uk", "Уряд заявив, що переговори щодо зернової угоди тривають."},
    {"uk", "Президент підписав указ про нові санкції проти російських компаній."},
    {"uk", "Делегації обговорили питання безпеки та відновлення енергетичної інфраструктури."},
    {"uk", "За словами посла, Київ розраховує на підтримку європейських партнерів."},
    {"az", "Azərbaycan Respublikasının xarici işlər naziri Ceyhun Bayramov türkiyəli həmkarı ilə görüşüb."},
    {"az", "Tərəflər regional təhlükəsizlik və iqtisadi əməkdaşlıq məsələlərini müzakirə ediblər."},
    {"az", "Prezident İlham Əliyev Brüsseldə Avropa İttifaqının nümayəndələrini qəbul edib."},
    {"az", "Sülh müqaviləsinin mətni üzrə danışıqlar növbəti ay davam etdiriləcək."},
    {"az", "Nazirlik bildirib ki, sərhəddə vəziyyət sabitdir."},
    {"tr", "Dışişleri Bakanı Hakan Fidan, Rus mevkidaşı Sergey Lavrov ile Ankara'da bir araya geldi."},
    {"tr", "Taraflar bölgesel güvenlik ve ekonomik iş birliği konularını görüştü."},
    {"tr", "Cumhurbaşkanı, barış görüşmelerinin önümüzdeki hafta yeniden başlayacağını söyledi."},
    {"tr", "Türkiye, İran ve Rusya arasındaki toplantı İstanbul'da gerçekleştirildi."},
    {"tr", "Bakanlık, sınırdaki durumun kontrol altında olduğunu açıkladı."},
    {"hy", "Հայաստանի արտաքին գործերի նախարարը հանդիպել է Ռուսաստանի դեսպանի հետ։"},
    {"hy", "Կողմերը քննարկել են տարածաշրջանային անվտանգության հարցերը։"},
    {"hy", "Վարչապետը հայտարարել է, որ խաղաղության պայմանագիրը պատրաստ է ստորագրման։"},
    {"ka", "საქართველოს საგარეო საქმეთა მინისტრი ბრიუსელში ევროკავშირის წარმომადგენლებს შეხვდა."},
    {"ka", "მხარეებმა რეგიონული უსაფრთხოების საკითხები განიხილეს."},
    {"ka", "პრემიერ-მინისტრმა განაცხადა, რომ მოლაპარაკებები გაგრძელდება."},
    {"fa", "وزیر امور خارجه ایران با همتای روسی خود در تهران دیدار و گفتگو کرد."},
    {"fa", "دو طرف درباره همکاری‌های اقتصادی و امنیت منطقه‌ای گفتگو کردند."},
    {"fa", "رئیس جمهور گفت که ایران به تعهدات خود پایبند است."},
    {"fa", "سخنگوی وزارت خارجه این اقدام را محکوم کرد."},
    {"fa", "نشست بعدی گروه سه به علاوه سه در باکو برگزار خواهد شد."},
    {"ar", "التقى وزير الخارجية الروسي نظيره الإيراني في موسكو لبحث العلاقات الثنائية."},
    {"ar", "أكد الرئيس أن بلاده لن تتخلى عن التزاماتها الدولية."},
    {"ar", "دعت الأمم المتحدة الطرفين إلى احترام اتفاق وقف إطلاق النار."},
    {"ar", "وقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل."},
    {"ar", "عقد مجلس الأمن جلسة طارئة لمناقشة الوضع في المنطقة."},
    {"de", "Der Außenminister traf sich am Montag mit seinem russischen Amtskollegen in Berlin."},
    {"de", "Die Regierung kündigte neue Sanktionen gegen mehrere Unternehmen an."},
    {"de", "Beide Seiten vereinbarten, die Gespräche im nächsten Monat fortzusetzen."},
    {"de", "Nach Angaben des Ministeriums wurde der Waffenstillstand in der Nacht gebrochen."},
    {"de", "Die Europäische Union fordert eine friedliche Lösung des Konflikts."},
    {"fr", "Le ministre des Affaires étrangères a rencontré son homologue iranien à Paris."},
    {"fr", "Les deux pays ont signé un accord de coopération économique."},
    {"fr", "Le président a déclaré que la France soutiendrait les négociations de paix."},
    {"fr", "Selon le porte-parole du gouvernement, la situation reste tendue à la frontière."},
    {"fr", "L'Union européenne a appelé les parties à respecter le cessez-le-feu."},
    /* Upper case and Ukrainian apostrophes go through the same tables. */
    {"ru", "МИНИСТР ИНОСТРАННЫХ ДЕЛ РОССИИ ПРОВЕЛ ПЕРЕГОВОРЫ В БАКУ"},
    {"tr", "DIŞİŞLERİ BAKANI FİDAN BAKÜ'DE TEMASLARDA BULUNDU"},
    {"de", "DIE REGIERUNG KÜNDIGTE NEUE SANKTIONEN AN"},
    {"uk", "Об'єднані Нації закликали сторони дотримуватися перемир'я."},
};

/* Headlines of 3-5 words, mostly names: measured, not required. */
static const struct sample headlines[] = {
    {"en", "Lavrov arrives in Baku"},
    {"en", "Pashinyan meets Aliyev in Prague"},
    {"ru", "Лавров прибыл в Баку"},
    {"ru", "Пашинян встретился с Алиевым"},
    {"uk", "Лавров прибув до Баку"},
    {"uk", "Зеленський зустрівся з Ердоганом"},
    {"az", "Lavrov Bakıya gəlib"},
    {"az", "Paşinyan Əliyevlə görüşüb"},
    {"tr", "Lavrov Bakü'ye geldi"},
    {"tr", "Erdoğan Aliyev ile görüştü"},
    {"de", "Lawrow reist nach Baku"},
    {"de", "Paschinjan trifft Alijew in Prag"},
    {"fr", "Lavrov arrive à Bakou"},
    {"fr", "Pachinian rencontre Aliev à Prague"},
    {"ar", "لافروف يصل إلى باكو"},
    {"ar", "باشينيان يلتقي علييف في براغ"},
    {"fa", "لاوروف وارد باکو شد"},
    {"fa", "پاشینیان با علی‌اف دیدار کرد"},
    {"hy", "Լավրովը ժամանել է Բաքու"},
    {"ka", "ლავროვი ბაქოში ჩავიდა"},
};

/* One paragraph of 4-5 sentences per language. */
static const struct sample paragraphs[] = {
    {"en", "The foreign ministers of the three South Caucasus countries met in Istanbul on Friday "
           "for a new round of consultations. According to the host country, the talks focused on "
           "transport corridors, border delimitation and the return of refugees. Russia and Iran, "
           "which also take part in the format, said they supported a lasting settlement. Georgia "
           "again declined the invitation, citing the continued presence of Russian troops on its "
           "territory. The next meeting is expected to take place in Baku early next year."},
    {"ru", "Министры иностранных дел стран Южного Кавказа встретились в пятницу в Стамбуле для "
           "очередного раунда консультаций. По словам представителей принимающей стороны, на "
           "переговорах обсуждались транспортные коридоры, делимитация границы и возвращение "
           "беженцев. Россия и Иран, которые также участвуют в этом формате, заявили о поддержке "
           "прочного урегулирования. Грузия вновь отклонила приглашение, сославшись на присутствие "
           "российских войск на своей территории. Следующая встреча, как ожидается, пройдет в Баку "
           "в начале следующего года."},
    {"uk", "Міністри закордонних справ країн Південного Кавказу зустрілися в п'ятницю в Стамбулі "
           "для чергового раунду консультацій. За словами представників приймаючої сторони, на "
           "переговорах обговорювали транспортні коридори, делімітацію кордону та повернення "
           "біженців. Росія та Іран, які також беруть участь у цьому форматі, заявили про "
           "підтримку тривалого врегулювання. Грузія знову відхилила запрошення, пославшись на "
           "присутність російських військ на своїй території. Наступна зустріч, як очікується, "
           "відбудеться в Баку на початку наступного року."},
    {"az", "Cənubi Qafqaz ölkələrinin xarici işlər nazirləri cümə günü İstanbulda növbəti "
           "məsləhətləşmələr üçün görüşüblər. Ev sahibi tərəfin məlumatına görə, danışıqlarda "
           "nəqliyyat dəhlizləri, sərhədlərin delimitasiyası və qaçqınların qayıdışı müzakirə "
           "olunub. Bu formatda iştirak edən Rusiya və İran davamlı nizamlanmanı dəstəklədiklərini "
           "bildiriblər. Gürcüstan isə Rusiya qoşunlarının ərazisində qalmasını əsas gətirərək "
           "dəvəti yenidən rədd edib. Növbəti görüşün gələn ilin əvvəlində Bakıda keçirilməsi "
           "gözlənilir."},
    {"tr", "Güney Kafkasya ülkelerinin dışişleri bakanları cuma günü yeni bir istişare turu için "
           "İstanbul'da bir araya geldi. Ev sahibi ülkenin açıklamasına göre görüşmelerde ulaşım "
           "koridorları, sınırın belirlenmesi ve mültecilerin geri dönüşü ele alındı. Bu formata "
           "katılan Rusya ve İran, kalıcı bir çözümü desteklediklerini söyledi. Gürcistan ise Rus "
           "askerlerinin topraklarındaki varlığını gerekçe göstererek daveti bir kez daha reddetti. "
           "Bir sonraki toplantının gelecek yılın başında Bakü'de yapılması bekleniyor."},
    {"hy", "Հարավային Կովկասի երկրների արտաքին գործերի նախարարները ուրբաթ օրը հանդիպել են "
           "Ստամբուլում՝ խորհրդակցությունների նոր փուլի համար։ Հյուրընկալող կողմի տվյալներով՝ "
           "բանակցություններում քննարկվել են տրանսպորտային միջանցքները, սահմանազատումը և "
           "փախստականների վերադարձը։ Ռուսաստանը և Իրանը հայտարարել են, որ աջակցում են կայուն "
           "կարգավորմանը։ Հաջորդ հանդիպումը, ըստ ակնկալիքների, տեղի կունենա Բաքվում՝ հաջորդ "
           "տարվա սկզբին։"},
    {"ka", "სამხრეთ კავკასიის ქვეყნების საგარეო საქმეთა მინისტრები პარასკევს სტამბოლში "
           "კონსულტაციების ახალი რაუნდისთვის შეიკრიბნენ. მასპინძელი მხარის ცნობით, "
           "მოლაპარაკებებზე განიხილეს სატრანსპორტო დერეფნები, საზღვრის დელიმიტაცია და "
           "ლტოლვილების დაბრუნება. საქართველომ კვლავ უარი თქვა მიწვევაზე და ამის მიზეზად რუსული "
           "ჯარების ყოფნა დაასახელა. შემდეგი შეხვედრა მომავალი წლის დასაწყისში ბაქოში "
           "გაიმართება."},
    {"fa", "وزیران امور خارجه کشورهای قفقاز جنوبی روز جمعه برای دور جدیدی از رایزنی‌ها در "
           "استانبول دیدار کردند. به گفته کشور میزبان، در این مذاکرات کریدورهای حمل و نقل، تعیین "
           "مرزها و بازگشت آوارگان مورد بحث قرار گرفت. روسیه و ایران که در این قالب نیز حضور "
           "دارند، از یک راه حل پایدار حمایت کردند. گرجستان بار دیگر به دلیل حضور نیروهای روسی "
           "در خاک خود این دعوت را نپذیرفت. انتظار می‌رود نشست بعدی در اوایل سال آینده در باکو "
           "برگزار شود."},
    {"ar", "اجتمع وزراء خارجية دول جنوب القوقاز يوم الجمعة في إسطنبول لإجراء جولة جديدة من "
           "المشاورات. وبحسب الدولة المضيفة، تناولت المحادثات ممرات النقل وترسيم الحدود وعودة "
           "اللاجئين. وأعربت روسيا وإيران، اللتان تشاركان أيضا في هذه الصيغة، عن دعمهما لتسوية "
           "دائمة. ورفضت جورجيا الدعوة مرة أخرى بسبب استمرار وجود القوات الروسية على أراضيها. "
           "ومن المتوقع أن يعقد الاجتماع المقبل في باكو في مطلع العام القادم."},
    {"de", "Die Außenminister der Länder des Südkaukasus sind am Freitag in Istanbul zu einer "
           "neuen Runde von Konsultationen zusammengekommen. Nach Angaben des Gastgeberlandes ging "
           "es bei den Gesprächen um Verkehrskorridore, die Grenzziehung und die Rückkehr von "
           "Flüchtlingen. Russland und Iran, die ebenfalls an dem Format teilnehmen, erklärten, sie "
           "unterstützten eine dauerhafte Lösung. Georgien lehnte die Einladung erneut ab und "
           "verwies auf die Präsenz russischer Truppen auf seinem Gebiet. Das nächste Treffen soll "
           "Anfang kommenden Jahres in Baku stattfinden."},
    {"fr", "Les ministres des Affaires étrangères des pays du Caucase du Sud se sont réunis "
           "vendredi à Istanbul pour une nouvelle série de consultations. Selon le pays hôte, les "
           "discussions ont porté sur les corridors de transport, la délimitation de la frontière "
           "et le retour des réfugiés. La Russie et l'Iran, qui participent également à ce format, "
           "ont déclaré soutenir un règlement durable. La Géorgie a de nouveau décliné "
           "l'invitation, invoquant la présence de troupes russes sur son territoire. La prochaine "
           "réunion devrait avoir lieu à Bakou au début de l'année prochaine."},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *detect(const char *s, double *conf)
{
    return langid_detect(s, strlen(s), conf);
}

/* Runs a sample set; returns how many came out right and, when `require`,
 * checks each one. */
static size_t run_set(const struct sample *set, size_t n, int require)
{
    size_t i, ok = 0;
    for (i = 0; i < n; i++) {
        double conf = -1;
        const char *got = detect(set[i].text, &conf);
        CHECK(conf >= 0.0 && conf <= 1.0);
        if (strcmp(got, set[i].lang) == 0) {
            ok++;
            CHECK(conf > 0.0);
        } else {
            printf("%s: expected %s, got %s (conf %.2f): %s\n", require ? "MISS" : "miss",
                   set[i].lang, got, conf, set[i].text);
        }
        if (require)
            CHECK_STR(got, set[i].lang);
    }
    return ok;
}

static void test_sentences(void)
{
    size_t n1 = COUNT(sentences), n2 = COUNT(headlines);
    size_t ok1 = run_set(sentences, n1, 1);
    size_t ok2 = run_set(headlines, n2, 0);
    printf("accuracy: sentences %zu/%zu (%.1f%%), headlines %zu/%zu (%.1f%%), all %.1f%%\n", ok1,
           n1, 100.0 * (double)ok1 / (double)n1, ok2, n2, 100.0 * (double)ok2 / (double)n2,
           100.0 * (double)(ok1 + ok2) / (double)(n1 + n2));
}

static void test_paragraphs(void)
{
    size_t i;
    for (i = 0; i < COUNT(paragraphs); i++) {
        double conf = 0;
        CHECK_STR(detect(paragraphs[i].text, &conf), paragraphs[i].lang);
        if (conf <= 0.6)
            printf("low conf %.2f for %s paragraph\n", conf, paragraphs[i].lang);
        CHECK(conf > 0.6 && conf <= 1.0);
    }
}

static void test_und(void)
{
    static const char *const und[] = {
        "", "2023-09-20 12:45:00", "!!! ... ??? --- ***", "OK", "Hello", "Moscow.",
        "Азербайджан", "   \t\n  ", "3+3", "ñañ ñoñ", /* no weight for any language */
        "abc где",                                       /* two scripts tie */
        "αβγ δεζ ηθι κλμ",                               /* a script not supported */
        "北京 上海 广州 深圳 外交部 表示",
    };
    size_t i;
    double conf;
    for (i = 0; i < COUNT(und); i++) {
        conf = -1;
        CHECK_STR(detect(und[i], &conf), "und");
        CHECK(conf == 0.0);
    }
    CHECK_STR(langid_detect(NULL, 0, NULL), "und");
    CHECK_STR(langid_detect("the and of", 0, NULL), "und");
    /* conf may be NULL. */
    CHECK_STR(detect(paragraphs[0].text, NULL), "en");
}

/* Armenian and Georgian are decided by script alone, even for one word. */
static void test_script_only(void)
{
    CHECK_STR(detect("Երևան", NULL), "hy");
    CHECK_STR(detect("თბილისი", NULL), "ka");
    /* Georgian capitals (Mtavruli) count as Georgian. */
    CHECK_STR(detect("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", NULL), "ka");
    /* Mostly Russian with a Latin date line: the dominant script decides. */
    CHECK_STR(detect("23 Sentyabr 2023 00:39 Министр иностранных дел Азербайджана встретился с "
                     "российским коллегой.", NULL), "ru");
    /* Armenian text quoting one English word stays Armenian. */
    CHECK_STR(detect("Նախարարը հայտարարել է, որ summit-ը կկայանա Երևանում։", NULL), "hy");
}

/* Junk must not crash and must give a supported code. */
static void test_junk(void)
{
    static const char *const codes[] = {"en", "ru", "uk", "az", "tr", "hy", "ka",
                                        "fa", "ar", "de", "fr", "und"};
    unsigned char buf[4096];
    unsigned seed = 12345;
    size_t i, k, round;
    for (round = 0; round < 200; round++) {
        const char *got;
        double conf = -1;
        int known = 0;
        size_t n = round * 20 % sizeof buf;
        for (i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (unsigned char)(seed >> 16);
        }
        got = langid_detect((const char *)buf, n, &conf);
        for (k = 0; k < COUNT(codes); k++)
            known |= strcmp(got, codes[k]) == 0;
        CHECK(known);
        CHECK(conf >= 0.0 && conf <= 1.0);
    }
    /* Truncated and overlong sequences between words. */
    CHECK_STR(detect("\xC0\xAF\xE0\x80\xAF\xED\xA0\x80\xF4\x90\x80\x80\xD0", NULL), "und");
    CHECK_STR(detect("\xFF\xFE\x00", NULL), "und");
    /* Bad bytes are skipped; the language around them still wins. */
    CHECK_STR(detect("The ministers \xFF\xFE said \xC3 that the talks \x80 would go on.", NULL),
              "en");
}

/* Only the first 64 KiB are read: English first, then far more Russian. */
static void test_limit(void)
{
    size_t plen = strlen(paragraphs[0].text), rlen = strlen(paragraphs[1].text);
    size_t cap = 64 * 1024, total = cap + 8 * cap, n = 0;
    char *buf = kr_malloc(total);
    CHECK(buf != NULL);
    if (!buf)
        return;
    while (n + plen + 1 <= cap) {
        memcpy(buf + n, paragraphs[0].text, plen);
        n += plen;
        buf[n++] = ' ';
    }
    while (n < cap)
        buf[n++] = ' ';
    while (n + rlen + 1 <= total) {
        memcpy(buf + n, paragraphs[1].text, rlen);
        n += rlen;
        buf[n++] = ' ';
    }
    CHECK_STR(langid_detect(buf, n, NULL), "en");
    /* The cap may cut a multi-byte sequence: still fine. */
    CHECK_STR(langid_detect(buf + cap - 1000, n - cap + 1000, NULL), "ru");
    kr_free(buf);
}

/* Reads the shared sample reports when they are next to the repository. */
static void test_seeds(void)
{
    static const struct {
        const char *path, *lang;
    } seeds[] = {
        {"../shared/seeds/000_1c9d9887c1400fbf.txt", "en"},
        {"../shared/seeds/001_276cd5198691ef00.txt", "en"},
        {"../shared/seeds/002_37e27b309ee08944.txt", "en"},
        {"../shared/seeds/003_3ca9ee967f1bb418.txt", "ru"},
        {"../shared/seeds/004_fb659e1c93ec6fa6.txt", "en"},
    };
    char buf[16384];
    size_t i;
    for (i = 0; i < COUNT(seeds); i++) {
        FILE *f = fopen(seeds[i].path, "rb");
        size_t n;
        if (!f) {
            printf("SKIP langid seeds: %s not found\n", seeds[i].path);
            return;
        }
        n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        CHECK_STR(langid_detect(buf, n, NULL), seeds[i].lang);
    }
}

/* Prints throughput over paragraph text; not a pass/fail test. */
static void bench(void)
{
    size_t i, bytes = 0, rounds = 2000, named = 0;
    clock_t t0 = clock();
    double secs;
    for (i = 0; i < rounds; i++) {
        const char *p = paragraphs[i % COUNT(paragraphs)].text;
        size_t n = strlen(p);
        bytes += n;
        named += strcmp(langid_detect(p, n, NULL), "und") != 0;
    }
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_INT(named, rounds);
    if (secs > 0)
        printf("speed: %.1f MB/s over %zu paragraphs\n", (double)bytes / secs / 1e6, rounds);
}

int main(void)
{
    test_sentences();
    test_paragraphs();
    test_und();
    test_script_only();
    test_junk();
    test_limit();
    test_seeds();
    bench();
    return t_report();
}
