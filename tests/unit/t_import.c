/* t_import.c: lexicon import of made-up TABARI and PETRARCH dictionaries
 * (the text written, problems reported with their lines, a folder that
 * loads without errors), under failing allocations, and of the real
 * dictionaries beside the repository when present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evlex.h"
#include "import.h"
#include "lex.h"
#include "stem.h"
#include "t.h"

static char dir[64]; /* the scratch folder */
static char reports[16384];

static void report(void *ud, const char *file, size_t line, const char *msg)
{
    size_t n = strlen(reports);
    const char *b = strrchr(file, '/');
    (void)ud;
    snprintf(reports + n, sizeof reports - n, "%s:%zu: %s\n", b ? b + 1 : file, line, msg);
}

static const char *path_of(const char *name)
{
    static char p[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static void put(const char *name, const char *text)
{
    FILE *f = fopen(path_of(name), "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static kr_buf got; /* the last file read by get() */

/* The whole of an output file (valid until the next call). */
static const char *get(const char *name)
{
    if (kr_read_file(path_of(name), &got) != 0)
        return "";
    return got.p ? got.p : "";
}

static int run(const char *const *files, size_t n, import_stats *st)
{
    const char *paths[8];
    kr_error e;
    size_t k;
    reports[0] = '\0';
    for (k = 0; k < n; k++)
        paths[k] = path_of(files[k]);
    kr_error_clear(&e, NULL);
    return lexicon_import(paths, n, path_of("out"), report, NULL, st, &e);
}

#define CHECK_HAS(text, want)                                                   \
    do {                                                                        \
        const char *t_t = (text);                                               \
        if (strstr(t_t, (want)))                                                \
            t_pass++;                                                           \
        else {                                                                  \
            t_fail++;                                                           \
            fprintf(stderr, "%s:%d: missing \"%s\"\n", __FILE__, __LINE__, (want)); \
        }                                                                       \
    } while (0)

#define CHECK_HASNT(text, want)                                                 \
    do {                                                                        \
        if (!strstr((text), (want)))                                            \
            t_pass++;                                                           \
        else {                                                                  \
            t_fail++;                                                           \
            fprintf(stderr, "%s:%d: unexpected \"%s\"\n", __FILE__, __LINE__, (want)); \
        }                                                                       \
    } while (0)

static int nerrors;
static void count_errors(void *ud, const char *file, size_t line, int warning, const char *msg)
{
    (void)ud;
    if (!warning) {
        nerrors++;
        fprintf(stderr, "%s:%zu: %s\n", file, line, msg);
    }
}

/* The folder loads as `--lexicon DIR` does, checked: no error. */
static void check_loads(const char *out, size_t min_patterns)
{
    lex_db *db = NULL;
    evlex *ev = NULL;
    stem_cache *sc = stem_new();
    kr_error e;
    const lex_source *src;
    size_t nsrc;
    nerrors = 0;
    kr_error_clear(&e, out);
    CHECK_INT(lex_load_dir(out, 1, count_errors, NULL, &db, &e), 0);
    if (db && sc) {
        src = lex_sources(db, &nsrc);
        CHECK_INT(evlex_build(src, nsrc, 1, sc, count_errors, NULL, &ev), 0);
        if (ev)
            CHECK(evlex_npatterns(ev) >= min_patterns);
    }
    CHECK_INT(nerrors, 0);
    evlex_free(ev);
    lex_free(db);
    stem_free(sc);
}

/* --- actors ------------------------------------------------------------- */

static const char actors[] =
    "# made-up actors, TABARI and PETRARCH syntax\n"
    "MORDOVIA_  [MRD]\n"
    "+MORDOVIAN_\n"
    "+SARANSK ; the capital\n"
    "ZELENOGRAD [MRD]\n"
    "VASILIY_TEMKIN_  ; CountryInfo\n"
    "\t[MRDGOV 980101-031231]\n"
    "\t[MRDOPP >040101]\n"
    "\t[MRDELI]\n"
    "RIVER_COUNCIL_ [MRDGOVRIV]\n"
    "JOHN_SMITHERS [MRDGOV]\n"
    "BAD_ONE [---]\n"
    "THE_LEAGUE_OF_TOWNS_\n"
    "TOWN_LEAGUE_\n"
    "\t[IGOLOT]\n"
    "\n"
    "PAVEL_KORIN_\n"
    "\t[IGOLOT 990101-051231] [---]\n"
    "OLD_STATE  [OLD <900101] [NEW]\n"
    "GREEN_ARMY [GRN 850101-951231-] \n"
    "BORIN_STONEHAND [MRD]\n"
    "\t[MRDGOV 120101-121231]\n"
    "~~FINISH\n"
    "AFTER_THE_END [ZZZ]\n";

static void test_actors(void)
{
    static const char *const files[] = {"m.actors"};
    import_stats st;
    const char *a;
    put("m.actors", actors);
    CHECK_INT(run(files, 1, &st), 0);
    a = get("out/actors.txt");
    /* a state with its synonyms; a second record of its code merged; its
     * demonym an adjective */
    CHECK_HAS(a, "\n[MRD]\ntype: GPE\nname: Mordovia\nen: Saransk; Zelenograd\nen.adj: Mordovian\ncode: MRD\n");
    /* a person: dated codes are roles of sector agents; the undated code
     * holds outside the dated spans */
    CHECK_HAS(a, "\n[vasiliy-temkin]\ntype: PER\nname: Vasiliy Temkin\ncountry: MRD\n"
                 "role: MRD sector_eli ..1997-12-31\n"
                 "role: MRD sector_gov 1998-01-01..2003-12-31\n"
                 "role: MRD sector_opp 2004-01-01..\n");
    /* an organization: its code cut to what a code holds, its country */
    CHECK_HAS(a, "\n[river-council]\ntype: ORG\nname: River Council\ncountry: MRD\ncode: MRDGOVRIV\n");
    /* a given name makes a person; the undated code is a role for ever */
    CHECK_HAS(a, "\n[john-smithers]\ntype: PER\nname: John Smithers\ncountry: MRD\nrole: MRD sector_gov ..\n");
    /* PETRARCH: names on lines of their own share the codes below them */
    CHECK_HAS(a, "\n[the-league-of-towns]\ntype: ORG\nname: The League Of Towns\nen: Town League\ncode: IGOLOT\n");
    /* a post of an organization: the role names the organization */
    CHECK_HAS(a, "role: the-league-of-towns sector_lot 1999-01-01..2005-12-31\n");
    /* a state's code with dated posts of that state: a person of it, not
     * another name of the state */
    CHECK_HAS(a, "\n[borin-stonehand]\ntype: PER\nname: Borin Stonehand\ncountry: MRD\n"
                 "role: MRD sector_gov 2012-01-01..2012-12-31\n");
    CHECK_HASNT(a, "en: Saransk; Zelenograd; Borin");
    /* the code that holds last */
    CHECK_HAS(a, "\n[NEW]\ntype: GPE\nname: Old State\ncode: NEW\n");
    CHECK_HASNT(a, "Bad One");
    CHECK_HASNT(a, "After The End");
    CHECK_HAS(reports, "m.actors:12: actor 'BAD_ONE' left out: no actor code\n");
    CHECK_HAS(reports, "m.actors:20: bad date restriction '850101-951231-': the code is left out\n");
    CHECK_HAS(reports, "m.actors:20: actor 'GREEN_ARMY' left out: no actor code\n");
    CHECK_HAS(get("out/agents.txt"), "\n[sector_gov]\ntype: AGENT\nsector: GOV\n");
    CHECK_HAS(get("out/agents.txt"), "\n[sector_lot]\ntype: AGENT\nsector: LOT\n");
    CHECK_INT(st.actors, 8);
    CHECK_INT(st.files, 1);
    check_loads(path_of("out"), 0);
}

/* --- agents ------------------------------------------------------------- */

static const char agents[] =
    "<!-- made-up agents -->\n"
    "!PERSON! = MAN, MEN, WOMAN\n"
    "POLICE_OFFICER [~COP] # a comment\n"
    "CONGRESS!PERSON! [~LEG]\n"
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
    "HUMAN_RIGHTS_BODY  [NGO~]\n"
    "ARMED_FORCES_   [  ~MIL] ;TABARI style\n"
    "NO_CODE_AGENT\n"
    "POLICE_OFFICER [~MIL]\n"
    "!CLERK!_OF_COURT [~JUD]\n";

static void test_agents(void)
{
    static const char *const files[] = {"m.agents"};
    import_stats st;
    const char *a;
    put("m.agents", agents);
    CHECK_INT(run(files, 1, &st), 0);
    a = get("out/agents.txt");
    CHECK_HAS(a, "\n[police-officer]\ntype: AGENT\nname: police officer\nsector: COP\n");
    CHECK_HAS(a, "\n[congressman]\ntype: AGENT\nname: congressman\nen: congressmen; congresswoman\nsector: LEG\n");
    CHECK_HAS(a, "\n[attorney-general]\ntype: AGENT\nname: attorney general\nen: attorneys general\nsector: GOV\n");
    CHECK_HAS(a, "\n[human-rights-body]\ntype: AGENT\nname: human rights body\nsector: NGO\n");
    CHECK_HAS(a, "\n[armed-forces]\ntype: AGENT\nname: armed forces\nsector: MIL\n");
    CHECK_HAS(reports, "m.agents:8: an agent without a code in brackets\n");
    CHECK_HAS(reports, "m.agents:9: agent 'police officer' left out: its names are given to earlier agents\n");
    CHECK_HAS(reports, "m.agents:10: a substitution mark no !MARK! = line defines\n");
    CHECK_INT(st.agents, 5);
    CHECK_INT(st.narrowed, 1); /* GOVATG */
    check_loads(path_of("out"), 0);
}

/* --- verbs: TABARI ------------------------------------------------------- */

static const char tabari_verbs[] =
    "<SYNSETS>\n"
    "&TIES\n"
    "+MILITARY\n"
    "+ECONOMIC\n"
    "+TRADE_RELATIONS\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "LAST_WEEK [-7]\n"
    "</TIME>\n"
    "RESTORE  [064] ;pas 1/1/99\n"
    "- * FULL &TIES TIES  [064]\n"
    "- SAID * RELATIONS  [051:051]\n"
    "- + * FROM $  [0311]\n"
    "- * PLAN_  [---]\n"
    "- * IN_ { NEW | FRESH_START }  [0311]\n"
    "COOPERAT  [060]\n"
    "MET  [040:040]\n"
    "{ MEET_ MEETS_ }\n"
    "- % *  [040]\n"
    "- WILL * NEVER_AGAIN  [912]\n"
    "VISIT  [042:043]\n"
    "SNUB  [977]\n"
    "- $ *  [978]\n"
    "- * TREATY  [979]\n"
    "- + $ *  [978]\n";

static const char options[] =
    "// made-up options\n"
    "LABEL: 912= Never meet again\n"
    "LABEL: 040=CONSULT\n"
    "LABEL: ARN=Arnor\n";

static void test_tabari_verbs(void)
{
    static const char *const files[] = {"m.verbs", "m.options"};
    import_stats st;
    const char *v;
    put("m.verbs", tabari_verbs);
    put("m.options", options);
    CHECK_INT(run(files, 2, &st), 0);
    v = get("out/events/en.txt");
    /* the built-in cues come first */
    CHECK_HAS(v, "\ncue negation: ");
    /* a verb alone, with the target after it, and without */
    CHECK_HAS(v, "\n064   restore ... + ; target loose  # m.verbs:10\n064   restore ; target loose  # m.verbs:10\n");
    /* a synset: one-word members as alternatives, a phrase on its own */
    CHECK_HAS(v, "\n064   restore ... full ... military|economic ... ties ... + ; target loose  # m.verbs:11\n");
    CHECK_HAS(v, "\n064   restore ... full ... trade relations ... ties ... + ; target loose  # m.verbs:11\n");
    /* words before the verb; a paired code of one event both ways */
    CHECK_HAS(v, "\n051   said ... restore ... relations ... + ; mutual target loose  # m.verbs:12\n");
    /* a choice with a phrase; '_' joins; a final '_' is that word only */
    CHECK_HAS(v, "\n0311  restore ... in! ... new ... + ; target loose  # m.verbs:15\n");
    CHECK_HAS(v, "\n0311  restore ... in! ... fresh start ... + ; target loose  # m.verbs:15\n");
    /* a TABARI stem is also given whole */
    CHECK_HAS(v, "\n060   cooperat|cooperate ... + ; target loose  # m.verbs:16\n");
    /* listed forms; a compound subject: the pattern reads like the verb
     * alone, and its line comes first */
    CHECK_HAS(v, "\n040   met|meet ... + ; mutual target loose  # m.verbs:19\n");
    CHECK_HASNT(v, "# m.verbs:17\n");
    CHECK_HAS(v, "\n912   will ... met|meet ... never again ... + ; target loose  # m.verbs:20\n");
    /* a pair of two codes: the first, the second counted as lost */
    CHECK_HAS(v, "\n042   visit ... + ; target loose  # m.verbs:21\n042   visit ; target loose  # m.verbs:21\n");
    CHECK_INT(st.narrowed, 1);
    /* codes in no codebook are added to it; "$ *" takes the phrase of the
     * verb alone, whose code is left out */
    CHECK_HAS(v, "\n978   snub ... + ; target loose  # m.verbs:23\n978   snub ; target loose  # m.verbs:23\n");
    CHECK_HASNT(v, "\n977   snub ... +");
    CHECK_HAS(v, "\n979   snub ... treaty ... + ; target loose  # m.verbs:24\n");
    CHECK_HAS(get("out/events/cameo.txt"), "\n978     0.0   -   code of m.verbs, not in CAMEO\n");
    CHECK_HAS(get("out/events/cameo.txt"), "\n977     0.0   -   code of m.verbs, not in CAMEO\n");
    CHECK_HAS(reports, "m.verbs:22: code 977 is not in the codebook: added");
    /* a target before the verb is the subject acted on; one with no word
     * after it cannot be placed */
    v = get("out/events/en.txt");
    CHECK_HAS(v, "\n0311  + restore ... from ... $ ; target loose  # m.verbs:13\n");
    CHECK_HASNT(reports, "m.verbs:13:");
    CHECK_HAS(reports, "m.verbs:25: pattern left out: the target comes before every word\n");
    /* a null code blocks what its phrase overlaps, with a target or not */
    CHECK_HAS(v, "\n---   restore ... plan! ... + ; target loose  # m.verbs:14\n"
                 "---   restore ... plan! ; target loose  # m.verbs:14\n");
    CHECK_HASNT(reports, "m.verbs:14:");
    /* a code the codebook lacks comes from the options */
    CHECK_HAS(get("out/events/cameo.txt"), "\n912     0.0   -   Never meet again (m.options)\n");
    CHECK_HASNT(get("out/events/cameo.txt"), "CONSULT (m.options)");
    CHECK_INT(st.codes, 4);
    CHECK_INT(st.verbs, 5);
    CHECK_INT(st.files, 2);
    check_loads(path_of("out"), 10);
}

/* --- verbs: PETRARCH ----------------------------------------------------- */

static const char petrarch_verbs[] =
    "####### SYNONYM SETS #######\n"
    "&CURRENCY\n"
    "# a comment inside a set\n"
    "+DOLLAR\n"
    "+EURO\n"
    "+SWISS_FRANC\n"
    "\n"
    "&NEVER\n"
    "+DID N'T\n"
    "+WO N'T\n"
    "+SURELY_WO N'T\n"
    "\n"
    "####### VERB PATTERNS #######\n"
    "--- MEET_PEOPLE [040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "ENCOUNTER\n"
    "CONFRONT [111]\n"
    "+MEET_WITH {+MET_WITH +MEETS_WITH}\n"
    "- WILL * +  [036]  # MEET\n"
    "- * FOR &CURRENCY  [0311]\n"
    "- * (TO/FOR {LOCAL TALKS})  [057]\n"
    "- * OVER [:111]\n"
    "\n"
    "--- LOCK [---] ---\n"
    "LOCK\n"
    "- * UP +  [173]\n"
    "- &NEVER * +  [174]\n";

static void test_petrarch_verbs(void)
{
    static const char *const files[] = {"CAMEO.verbpatterns.txt"};
    import_stats st;
    const char *v;
    put("CAMEO.verbpatterns.txt", petrarch_verbs);
    CHECK_INT(run(files, 1, &st), 0);
    v = get("out/events/en.txt");
    /* the verbs of a block with its code; one with its own code */
    CHECK_HAS(v, "\n040   meet|met|encounter ... + ; target loose  # CAMEO.verbpatterns.txt:15\n");
    CHECK_HAS(v, "\n111   confront ... + ; target loose  # CAMEO.verbpatterns.txt:17\n");
    /* a verb of several words: the words around it kept */
    CHECK_HAS(v, "\n040   meet|met with ... + ; target loose  # CAMEO.verbpatterns.txt:15\n");
    /* patterns apply to every verb of the block: a word set past three */
    CHECK_HAS(v, "define v-meet-people: meet|met|encounter|confront\n");
    CHECK_HAS(v, "\n036   will ... @v-meet-people ... + ; target loose  # CAMEO.verbpatterns.txt:19\n");
    CHECK_HAS(v, "\n036   will ... meet|met with ... + ; target loose  # CAMEO.verbpatterns.txt:19\n");
    /* a synset, its comment line skipped */
    CHECK_HAS(v, "\n0311  @v-meet-people ... for ... dollar|euro ... + ; target loose  # CAMEO.verbpatterns.txt:20\n");
    CHECK_HAS(v, "\n0311  @v-meet-people ... for ... swiss franc ... + ; target loose  # CAMEO.verbpatterns.txt:20\n");
    /* PETRARCH 2 phrases and '/' alternatives */
    CHECK_HAS(v, "\n057   @v-meet-people ... to|for ... local ... talks ... + ; target loose  # CAMEO.verbpatterns.txt:21\n");
    CHECK_HAS(v, "\n173   lock ... up ... + ; target loose  # CAMEO.verbpatterns.txt:26\n");
    /* Treebank's split "DID N'T" is the one word a text has */
    CHECK_HAS(v, "\n174   didn't|won't ... lock ... + ; target loose  # CAMEO.verbpatterns.txt:27\n");
    CHECK_HAS(v, "\n174   surely won't ... lock ... + ; target loose  # CAMEO.verbpatterns.txt:27\n");
    CHECK_HASNT(v, " n't");
    CHECK_HAS(reports, "CAMEO.verbpatterns.txt:22: pattern left out: its code names the second event only ([:X])\n");
    /* a verb alone with a null code writes nothing: its patterns code */
    CHECK_HASNT(v, "\n---");
    CHECK_INT(st.verbs, 5);
    check_loads(path_of("out"), 10);
}

/* --- a TABARI project, and the folder `kronika code` reads --------------- */

static void test_project(void)
{
    static const char *const files[] = {"m.project", "m.text", "m.agents"};
    import_stats st;
    put("m.project", "A made-up project\n<actorsfile> m.actors\n<verbsfile> m.verbs\n"
                     "<optionsfile> m.options\n<agentsfile> m.agents\n<textfile> m.text\n");
    put("m.text", "950101 DEMO-01\nMordovia restored full military ties with Mordovia.\n");
    put("m.actors", actors);
    put("m.verbs", tabari_verbs);
    put("m.options", options);
    put("m.agents", agents);
    CHECK_INT(run(files, 3, &st), 0);
    CHECK_INT(st.files, 4); /* the agents named twice are read once */
    CHECK_HAS(reports, "m.text:0: not a dictionary (texts, records or documentation): left alone\n");
    CHECK_HAS(get("out/actors.txt"), "#   ");
    CHECK_HAS(get("out/actors.txt"), "m.actors (actors)\n");
    CHECK_HAS(get("out/agents.txt"), "\n[police-officer]\n");
    CHECK_HAS(get("out/events/en.txt"), "\n064   restore ... +");
    check_loads(path_of("out"), 10);
    /* a folder: its files */
    mkdir(path_of("dicts"), 0777);
    put("dicts/m.verbs", tabari_verbs);
    put("dicts/m.actors", actors);
    {
        static const char *const folder[] = {"dicts"};
        CHECK_INT(run(folder, 1, &st), 0);
        CHECK_INT(st.files, 2);
        CHECK_INT(st.actors, 8);
    }
}

/* --- failures -------------------------------------------------------------- */

static void test_failures(void)
{
    static const char *const missing[] = {"m.agents", "no-such.verbs"};
    static const char *const text[] = {"m.text"};
    import_stats st;
    kr_error e;
    const char *paths[1];
    put("m.agents", agents);
    unlink(path_of("out/agents.txt"));
    CHECK_INT(run(missing, 2, &st), KR_EIO);
    CHECK_HASNT(get("out/agents.txt"), "police");
    CHECK_INT(run(text, 1, &st), KR_EUSAGE);
    /* the output folder cannot be made */
    put("file", "x");
    paths[0] = path_of("m.agents");
    kr_error_clear(&e, NULL);
    CHECK_INT(lexicon_import(paths, 1, path_of("file/out"), NULL, NULL, NULL, &e), KR_EIO);
}

/* Every allocation failing in turn: KR_ENOMEM or the full result. */
static void test_alloc(void)
{
    static const char *const files[] = {"m.verbs", "m.options", "m.agents", "m.actors"};
    char buf[4][256], out[256], written[256];
    const char *paths[4];
    long n;
    int bad = 0, early = 0;
    size_t k;
    for (k = 0; k < 4; k++) {
        snprintf(buf[k], sizeof buf[k], "%s", path_of(files[k]));
        paths[k] = buf[k];
    }
    snprintf(out, sizeof out, "%s", path_of("oom"));
    snprintf(written, sizeof written, "%s", path_of("oom/actors.txt"));
    for (n = 0; n < 100000; n++) {
        kr_error e;
        int rc;
        kr_error_clear(&e, NULL);
        kr_alloc_fail_after(n);
        rc = lexicon_import(paths, 4, out, NULL, NULL, NULL, &e);
        kr_alloc_fail_after(-1);
        if (rc == 0)
            break;
        if (rc != KR_ENOMEM && bad++ < 3)
            fprintf(stderr, "allocation %ld failing gave %d\n", n, rc);
        early += access(written, F_OK) == 0; /* written before all was made */
    }
    CHECK_INT(bad, 0);
    CHECK_INT(early, 0);
    CHECK(n < 100000);
    CHECK(n > 100); /* the allocations were counted */
    check_loads(out, 10);
}

/* --- the real dictionaries, read where they are ---------------------------- */

static void test_peers(void)
{
    static const char *const sets[][8] = {
        {"TABARI-Code/Validate.project", "TABARI-Code/Validate.agents", "TABARI-Code/Validate.options", NULL},
        {"Dictionaries/CAMEO.verbpatterns.txt", "Dictionaries/Phoenix.Countries.actors.txt",
         "Dictionaries/Phoenix.International.actors.txt", "Dictionaries/Phoenix.agents.txt", NULL}};
    const char *peers = getenv("PEERS") ? getenv("PEERS") : "../shared/peers";
    size_t s, k;
    for (s = 0; s < sizeof sets / sizeof *sets; s++) {
        const char *paths[8];
        char buf[8][512];
        import_stats st;
        kr_error e;
        for (k = 0; sets[s][k]; k++) {
            snprintf(buf[k], sizeof buf[k], "%s/%s", peers, sets[s][k]);
            paths[k] = buf[k];
        }
        if (access(paths[0], R_OK) != 0) {
            printf("SKIP t_import: %s not found\n", paths[0]);
            continue;
        }
        kr_error_clear(&e, NULL);
        CHECK_INT(lexicon_import(paths, k, path_of("peers"), NULL, NULL, &st, &e), 0);
        CHECK(st.actors > 50 && st.verbs > 50 && st.patterns > 500);
        check_loads(path_of("peers"), 500);
    }
}

int main(void)
{
    if (t_tempdir(dir, sizeof dir, "t-import") != 0)
        return 1;
    test_actors();
    test_agents();
    test_tabari_verbs();
    test_petrarch_verbs();
    test_project();
    test_failures();
    test_alloc();
    test_peers();
    kr_buf_free(&got);
    t_rmtree(dir);
    return t_report();
}
