/* t_rd_html.c: unit tests for the HTML reader: main-text extraction from a
 * realistic news page (menus, sidebars, related lists, footers dropped),
 * metadata, line breaks, rejected inputs, deep nesting, the attribute limit
 * and allocation failures. */
#include <stdlib.h>
#include <time.h>

#include <libxml/parser.h>

#include "rd.h"
#include "t.h"

/* What the sink saw, copied out of the arena. */
typedef struct got {
    size_t calls, line, body;
    char *path, *text, *title, *url, *source, *lang, *agency, *dateline;
    kr_date date;
    unsigned sniff;
    int ret; /* what the sink returns */
} got;

static got G;
static kr_arena *A;
static kr_error E;

static char *dupstr(kr_str s)
{
    return s.p ? kr_strndup(s.p, s.n) : kr_strndup("", 0);
}

static void clear(got *g)
{
    kr_free(g->path);
    kr_free(g->text);
    kr_free(g->title);
    kr_free(g->url);
    kr_free(g->source);
    kr_free(g->lang);
    kr_free(g->agency);
    kr_free(g->dateline);
    memset(g, 0, sizeof *g);
}

static int on_doc(void *ud, kr_doc *d)
{
    got *g = ud;
    int ret = g->ret;
    clear(g);
    g->ret = ret;
    g->calls = 1;
    g->line = d->line;
    g->body = d->body;
    g->path = kr_strndup(d->path, strlen(d->path));
    g->text = dupstr(d->text);
    g->title = dupstr(d->title);
    g->url = dupstr(d->url);
    g->source = dupstr(d->source);
    g->lang = dupstr(d->lang);
    g->agency = dupstr(d->agency);
    g->dateline = dupstr(d->dateline);
    g->date = d->date;
    g->sniff = d->sniff;
    return g->ret;
}

/* Reads html[0..n) as "page.html"; G holds the document. */
static int run_n(const char *html, size_t n)
{
    rd_sink sink = {on_doc, NULL, &G};
    int ret = G.ret, rc;
    clear(&G);
    G.ret = ret;
    kr_error_clear(&E, "page.html");
    arena_reset(A);
    rc = rd_html("page.html", html, n, A, &sink, &E);
    G.ret = 0;
    return rc;
}

static int run(const char *html)
{
    return run_n(html, strlen(html));
}

/* The text of the page's body `b` with nothing around it. */
static int run_body(const char *b)
{
    char *p = kr_malloc(strlen(b) + 64);
    int rc;
    strcpy(p, "<html><body>");
    strcat(p, b);
    strcat(p, "</body></html>");
    rc = run(p);
    kr_free(p);
    return rc;
}

static const char news_page[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en-GB\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>Shoigu meets Iranian counterpart in Tehran\n  | World News</title>\n"
    "<meta property=\"og:title\" content=\"Shoigu meets Iranian counterpart\">\n"
    "<meta property=\"og:site_name\" content=\"World  News\">\n"
    "<meta property=\"article:published_time\" content=\"2023-09-20T10:15:00+03:00\">\n"
    "<link rel=\"canonical\" href=\" https://example.com/world/shoigu-tehran \">\n"
    "<script>var s = \"<p>not text</p>\"; if (a < b && c > d) {}</script>\n"
    "<style>p { color: red }</style>\n"
    "</head>\n"
    "<body class=\"page-article has-sidebar\">\n"
    "<div id=\"cookie-banner\">We use cookies. <button>OK</button></div>\n"
    "<header class=\"site-header\"><a href=\"/\">World News</a>\n"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>\n"
    "</header>\n"
    "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/world\">World</a></div>\n"
    "<main>\n"
    "<article>\n"
    "<header><h1>Shoigu meets Iranian counterpart in Tehran</h1>\n"
    "<div class=\"byline\">By Anna Petrova</div></header>\n"
    "<div class=\"shareButtons\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div>\n"
    "<figure><img src=\"a.jpg\" alt=\"Shoigu\"><figcaption>Sergey Shoigu. Photo: Reuters</figcaption></figure>\n"
    "<p>TEHRAN, September 20. /TASS/. Russian Defense Minister Sergey Shoigu\n"
    "   met his Iranian counterpart&nbsp;Mohammad-Reza Ashtiani on Wednesday.</p>\n"
    "<p>The ministers discussed military cooperation.<br>They signed no documents.<br>\n"
    "<br>A new paragraph after two breaks.</p>\n"
    "<h3>Related news</h3>\n"
    "<ul><li><a href=\"/1\">Lavrov visits Beijing</a></li>\n"
    "<li><a href=\"/2\">Iran tests a missile</a></li></ul>\n"
    "<p><strong>Read also:</strong> <a href=\"/3\">Putin meets Xi</a></p>\n"
    "<p>Shoigu also visited the <b>Iranian</b> <i>General Staff</i>, &laquo;a first&raquo;.</p>\n"
    "<blockquote>&ldquo;We are ready,&rdquo; Ashtiani said.</blockquote>\n"
    "<div class=\"article-tags\"><a href=\"/t/iran\">Iran</a> <a href=\"/t/russia\">Russia</a></div>\n"
    "<div class=\"advert\" id=\"ad-300x250\">Buy now!</div>\n"
    "<noscript>Enable JavaScript</noscript>\n"
    "<footer>Article footer &copy; TASS</footer>\n"
    "</article>\n"
    "<aside><h3>Most read</h3><ul><li><a href=\"/9\">Something else</a></li></ul></aside>\n"
    "<div class=\"sidebar_right\"><p>Weather in Moscow: +15</p></div>\n"
    "</main>\n"
    "<section id=\"comments\"><p>Great article!</p></section>\n"
    "<form action=\"/subscribe\"><input name=\"email\"> Subscribe to our newsletter</form>\n"
    "<footer class=\"site-footer\"><p>&copy; 2023 World News. All rights reserved.</p></footer>\n"
    "<script>trackPageView();</script>\n"
    "</body>\n"
    "</html>\n";

static void test_news_page(void)
{
    CHECK_INT(run(news_page), 0);
    CHECK_INT(G.calls, 1);
    CHECK_STRN(G.text, strlen(G.text),
               "Shoigu meets Iranian counterpart in Tehran\n\n"
               "By Anna Petrova\n\n"
               "TEHRAN, September 20. /TASS/. Russian Defense Minister Sergey "
               "Shoigu met his Iranian counterpart Mohammad-Reza Ashtiani on "
               "Wednesday.\n\n"
               "The ministers discussed military cooperation.\n"
               "They signed no documents.\n\n"
               "A new paragraph after two breaks.\n\n"
               "Shoigu also visited the Iranian General Staff, \xC2\xAB" "a first\xC2\xBB.\n\n"
               "\xE2\x80\x9CWe are ready,\xE2\x80\x9D Ashtiani said.");
    CHECK_STR(G.title, "Shoigu meets Iranian counterpart in Tehran | World News");
    CHECK_STR(G.url, "https://example.com/world/shoigu-tehran");
    CHECK_STR(G.source, "World News");
    CHECK_STR(G.lang, "en");
    CHECK_STR(G.path, "page.html");
    CHECK_INT(G.date.y, 2023);
    CHECK_INT(G.date.m, 9);
    CHECK_INT(G.date.d, 20);
    CHECK_INT(G.sniff, 0);
    CHECK_INT(G.line, 0);
    CHECK_INT(G.body, 0);
    CHECK_STR(G.agency, "");
    CHECK_STR(G.dateline, "");
}

static const char ru_page[] =
    "\xEF\xBB\xBF<!DOCTYPE html>\r\n"
    "<html lang=\"ru-RU\">\r\n"
    "<head>\r\n"
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\r\n"
    "<title>Шойгу прибыл в Тегеран — РИА Новости</title>\r\n"
    "<meta name=\"pubdate\" content=\"20.09.2023\">\r\n"
    "<meta property=\"og:url\" content=\"https://ria.example/20230920/iran.html\">\r\n"
    "</head>\r\n"
    "<body>\r\n"
    "<div class=\"menu\"><a href=\"/\">Главная</a> <a href=\"/politics\">Политика</a></div>\r\n"
    "<div itemprop=\"articleBody\">\r\n"
    "<p>ТЕГЕРАН, 20 сен — РИА Новости. Министр обороны России Сергей Шойгу "
    "прибыл в Тегеран.</p>\r\n"
    "<p><b>Читайте также:</b> <a href=\"/1\">Лавров встретился с Ван И</a></p>\r\n"
    "<p>Стороны обсудили военное сотрудничество.</p>\r\n"
    "<h2>Новости по теме</h2>\r\n"
    "<ul><li><a href=\"/2\">Иран испытал ракету</a></li></ul>\r\n"
    "<div class=\"social-share\">Поделиться</div>\r\n"
    "</div>\r\n"
    "<div class=\"b-related\"><h3>Похожие новости</h3><a href=\"/3\">Что-то ещё</a></div>\r\n"
    "</body></html>\r\n";

static void test_russian_page(void)
{
    CHECK_INT(run(ru_page), 0);
    CHECK_STR(G.text,
              "ТЕГЕРАН, 20 сен — РИА Новости. Министр обороны России Сергей Шойгу "
              "прибыл в Тегеран.\n\n"
              "Стороны обсудили военное сотрудничество.");
    CHECK_STR(G.title, "Шойгу прибыл в Тегеран — РИА Новости");
    CHECK_STR(G.url, "https://ria.example/20230920/iran.html");
    CHECK_STR(G.source, "");
    CHECK_STR(G.lang, "ru");
    CHECK_INT(G.date.y, 2023);
    CHECK_INT(G.date.m, 9);
    CHECK_INT(G.date.d, 20);
    CHECK_INT(G.sniff, 0);
}

static void test_metadata(void)
{
    /* Date sources in order of trust; a bad one falls through to the next. */
    CHECK_INT(run("<html><head><meta property=\"article:published_time\" content=\"soon\">"
                  "<meta itemprop=\"datePublished\" content=\"2022-02-03\">"
                  "<meta name=\"date\" content=\"2021-01-02\"></head>"
                  "<body><p>x</p><time datetime=\"2020-05-06\">then</time></body></html>"), 0);
    CHECK_INT(G.date.y, 2022);
    CHECK_INT(G.date.m, 2);
    CHECK_INT(G.date.d, 3);
    CHECK_INT(run("<meta name=\"DC.date.issued\" content=\"5 March 2019\"><p>x</p>"), 0);
    CHECK_INT(G.date.y, 2019);
    CHECK_INT(G.date.m, 3);
    CHECK_INT(run("<p>x</p><span itemprop=\"datePublished\" datetime=\"2018-07-08T00:00Z\">July</span>"), 0);
    CHECK_INT(G.date.y, 2018);
    /* A <time> in the text wins over one in the page's furniture. */
    CHECK_INT(run("<header><time datetime=\"2024-01-01\">today</time></header>"
                  "<article><p>x</p><time datetime=\"2017-04-05\">5 April</time></article>"), 0);
    CHECK_INT(G.date.y, 2017);
    CHECK_STR(G.text, "x\n\n5 April");
    CHECK_INT(run("<html><head><title>T</title></head><body><p>no date here</p></body></html>"), 0);
    CHECK_INT(G.date.y, 0);
    CHECK_INT(G.sniff, DOC_SNIFF_HEADER | DOC_SNIFF_LANG);

    /* Title: <title>, else og:title, else the first visible <h1>. */
    CHECK_INT(run("<meta property=\"og:title\" content=\" OG  title \"><h1>H</h1><p>x</p>"), 0);
    CHECK_STR(G.title, "OG title");
    CHECK_INT(run("<header><h1>Site logo</h1></header><h1>The <i>real</i>\nheadline</h1><p>x</p>"), 0);
    CHECK_STR(G.title, "The real headline");
    CHECK_INT(run("<title>  </title><p>x</p>"), 0);
    CHECK_STR(G.title, "");
    CHECK_INT(run("<svg><title>icon</title></svg><p>x</p>"), 0);
    CHECK_STR(G.title, "");

    /* URL: canonical, else og:url. */
    CHECK_INT(run("<meta property=\"og:url\" content=\"https://a/og\">"
                  "<link rel=\"Canonical\" href=\"https://a/c\"><p>x</p>"), 0);
    CHECK_STR(G.url, "https://a/c");
    CHECK_INT(run("<link rel=\"alternate\" href=\"https://a/amp\"><p>x</p>"), 0);
    CHECK_STR(G.url, "");

    /* Language: primary subtag of 2-3 letters, from <html lang>, then
     * xml:lang, Content-Language, og:locale. */
    CHECK_INT(run("<html lang=\"AZ-latn\"><p>x</p></html>"), 0);
    CHECK_STR(G.lang, "az");
    CHECK_INT(G.sniff, DOC_SNIFF_HEADER);
    CHECK_INT(run("<html lang=\"english\"><p>x</p></html>"), 0);
    CHECK_STR(G.lang, "");
    CHECK_INT(G.sniff, DOC_SNIFF_HEADER | DOC_SNIFF_LANG);
    CHECK_INT(run("<html lang=\"und\"><p>x</p></html>"), 0);
    CHECK_STR(G.lang, "");
    CHECK_INT(run("<html><head><meta http-equiv=\"content-language\" content=\"tr, en\"></head><p>x</p></html>"), 0);
    CHECK_STR(G.lang, "tr");
    CHECK_INT(run("<meta property=\"og:locale\" content=\"hy_AM\"><p>x</p>"), 0);
    CHECK_STR(G.lang, "hy");
    CHECK_INT(run("<html lang=\"fil\"><p>x</p></html>"), 0);
    CHECK_STR(G.lang, "fil");
}

static void test_breaks_and_spaces(void)
{
    CHECK_INT(run_body("<p>  a\n\t b  </p>\n<p>c</p>"), 0);
    CHECK_STR(G.text, "a b\n\nc");
    CHECK_INT(run_body("<p>one<br>two<br/><br />three</p>"), 0);
    CHECK_STR(G.text, "one\ntwo\n\nthree");
    CHECK_INT(run_body("<div>a<div>b</div>c</div>"), 0);
    CHECK_STR(G.text, "a\n\nb\n\nc");
    CHECK_INT(run_body("<ul><li>one</li><li>two</li></ul><p>after</p>"), 0);
    CHECK_STR(G.text, "one\ntwo\n\nafter");
    CHECK_INT(run_body("<table><tr><th>Country</th><th>Troops</th></tr>"
                       "<tr><td>Iran</td><td>10</td></tr></table>"), 0);
    CHECK_STR(G.text, "Country Troops\nIran 10");
    CHECK_INT(run_body("<p>in<b>line</b> <span>words</span>, <a href=x>link</a></p>"), 0);
    CHECK_STR(G.text, "inline words, link");
    CHECK_INT(run_body("<pre>line 1\n  line 2\n\nline 4</pre>"), 0);
    CHECK_STR(G.text, "line 1\nline 2\nline 4");
    /* Entities; no-break and other Unicode spaces are spaces; soft
     * hyphens and zero-width spaces vanish; C1 references read as
     * Windows-1252 (&#150; is an en dash). */
    CHECK_INT(run_body("<p>a&nbsp;&nbsp;b&#x2009;c &amp; d&lt;e&gt; &quot;f&quot;</p>"), 0);
    CHECK_STR(G.text, "a b c & d<e> \"f\"");
    CHECK_INT(run_body("<p>Ash&shy;tiani&#8203;s 1990&#150;2000 &#x85; x&#1;y&#x200C;z</p>"), 0);
    CHECK_STR(G.text, "Ashtianis 1990\xE2\x80\x93" "2000 \xE2\x80\xA6 xy\xE2\x80\x8Cz");
    /* libxml2 drops C0 controls; DEL is a space. */
    CHECK_INT(run_body("<p>tab\x01" "ctl\x7f" "end\x7f</p>"), 0);
    CHECK_STR(G.text, "tabctl end");
    CHECK_INT(run_body("<p>x</p><p>\xE2\x80\xA8</p><p>line\xE2\x80\xA8sep</p>"), 0);
    CHECK_STR(G.text, "x\n\nline\nsep");
    /* HTML5 elements libxml2 does not know stay inline, spaces kept. */
    CHECK_INT(run_body("<p><time>Sept 20</time> <mark>by</mark> x</p>"), 0);
    CHECK_STR(G.text, "Sept 20 by x");
    /* Text outside any element of the body. */
    CHECK_INT(run("Just text, no markup."), 0);
    CHECK_STR(G.text, "Just text, no markup.");
}

static void test_related_lists(void)
{
    CHECK_INT(run_body("<p>Body.</p><h2>See also</h2><ul><li><a href=1>One</a></li></ul>"
                       "<ol><li><a href=2>Two</a></li></ol><p>More body.</p>"), 0);
    CHECK_STR(G.text, "Body.\n\nMore body.");
    /* A block of links (no list) after the heading. */
    CHECK_INT(run_body("<p>Body.</p><div class=\"x\"><span>» Related stories:</span></div>"
                       "<div><a href=1>One headline</a> | <a href=2>Two</a></div><p>End.</p>"), 0);
    CHECK_STR(G.text, "Body.\n\nEnd.");
    /* Inline, in a paragraph. */
    CHECK_INT(run_body("<p>Body.</p><p>Read more: <a href=1>Putin meets Xi</a></p><p>End.</p>"), 0);
    CHECK_STR(G.text, "Body.\n\nEnd.");
    CHECK_INT(run_body("<p>Body.</p><p><strong>ЧИТАЙТЕ ЕЩЁ</strong><br><a href=1>Ссылка</a></p>"), 0);
    CHECK_STR(G.text, "Body.");
    CHECK_INT(run_body("<p>Body.</p><h4>İlgili Haberler</h4><ul><li><a href=1>Haber</a></li></ul>"), 0);
    CHECK_STR(G.text, "Body.");
    /* Without a list after it a heading is text; so is a word in a
     * sentence; and a list after an ordinary heading stays. */
    CHECK_INT(run_body("<h3>Related</h3><p>The talks were <b>related</b> to security.</p>"), 0);
    CHECK_STR(G.text, "Related\n\nThe talks were related to security.");
    CHECK_INT(run_body("<h3>Key points</h3><ul><li>Talks resumed</li><li>No deal</li></ul>"), 0);
    CHECK_STR(G.text, "Key points\n\nTalks resumed\nNo deal");
    /* A list of sentences with a few links after the heading is dropped
     * too: the heading says what it is. */
    CHECK_INT(run_body("<p>Body.</p><h3>Related</h3><ul><li>Text <a>x</a></li></ul>"), 0);
    CHECK_STR(G.text, "Body.");
}

static void test_boilerplate(void)
{
    CHECK_INT(run_body("<div class=\"mainNav\">Menu</div><div class=\"related_links\">R</div>"
                       "<div id=\"sidebar-2\">S</div><div class=\"ad300\">A</div>"
                       "<div class=\"social\">So</div><div class=\"comment-list\">C</div>"
                       "<p class=\"Cookie-Notice\">Co</p><div class=\"SUBSCRIBE\">Su</div>"
                       "<p>Kept.</p>"), 0);
    CHECK_STR(G.text, "Kept.");
    CHECK_INT(run_body("<div role=\"navigation\">N</div><div role=\"complementary\">C</div>"
                       "<div hidden>H</div><div style=\"color:red; DISPLAY : none\">D</div>"
                       "<div aria-label=\"x\" role=\"main\">Kept.</div>"), 0);
    CHECK_STR(G.text, "Kept.");
    /* Whole parts only: "download", "shadow", "header", "heading" stay. */
    CHECK_INT(run_body("<div class=\"download shadow header heading navigator\">Kept.</div>"), 0);
    CHECK_STR(G.text, "Kept.");
    /* <header> and <footer> of the page go; an article's header stays, its
     * footer goes. */
    CHECK_INT(run_body("<header>Site</header><article><header><h1>Head</h1></header>"
                       "<p>Text.</p><footer>Tags</footer></article><footer>Site</footer>"), 0);
    CHECK_STR(G.text, "Head\n\nText.");
    /* A wrapper whose class names a sidebar would remove the whole text:
     * then the class rules are not applied. */
    CHECK_INT(run_body("<div class=\"layout-with-sidebar\"><p>Only text.</p></div>"), 0);
    CHECK_STR(G.text, "Only text.");
    /* Inline elements dropped do not glue words. */
    CHECK_INT(run_body("<p>a<script>x</script>b <button>c</button> d</p>"), 0);
    CHECK_STR(G.text, "ab d");
}

static void test_text_root(void)
{
    /* The largest article wins; teaser cards lose. */
    CHECK_INT(run_body("<article><p>Teaser.</p></article>"
                       "<article><p>The long main story text is here.</p></article>"
                       "<p>Outside.</p>"), 0);
    CHECK_STR(G.text, "The long main story text is here.");
    /* An article holding a small part of the page is a teaser: the body is
     * read. */
    CHECK_INT(run_body("<div class=\"story\"><p>A long story without an article element, "
                       "long enough to outweigh the card.</p></div>"
                       "<article><p>Card</p></article>"), 0);
    CHECK_STR(G.text, "A long story without an article element, long enough to "
                      "outweigh the card.\n\nCard");
    /* itemprop=articleBody first, then <article>, then <main>. */
    CHECK_INT(run_body("<main><h1>Title</h1><article><div itemprop=\"articleBody\">"
                       "<p>Body only.</p></div><p>Article rest.</p></article></main>"), 0);
    CHECK_STR(G.text, "Body only.");
    CHECK_INT(run_body("<p>Outside.</p><main><p>In main.</p></main>"), 0);
    CHECK_STR(G.text, "In main.");
    /* An empty article does not cost the page its text. */
    CHECK_INT(run_body("<article><img src=a.jpg></article><p>Text.</p>"), 0);
    CHECK_STR(G.text, "Text.");
}

static void test_truncated(void)
{
    static const char *const cut[] = {
        "<html><body><p>First para.</p><p class=\"le",
        "<html><body><p>First para.</p><p class=\"lead\" data-x='",
        "<html><body><p>First para.</p><di",
        "<html><body><p>First para.</p><!-- comment",
        "<html><body><p>First para.</p><script>var a = '<p>",
        "<html><body><p>First para.</p></",
        "<html><body><p>First para.</p>&am",
        "<html><body><p>First para.</p><p>Sec",
    };
    size_t k;
    for (k = 0; k < sizeof cut / sizeof cut[0]; k++) {
        CHECK_INT(run(cut[k]), 0);
        CHECK(strncmp(G.text, "First para.", 11) == 0);
    }
    CHECK_STR(G.text, "First para.\n\nSec");
    CHECK_INT(run("<p>Sense &am"), 0);
    CHECK_STR(G.text, "Sense &am");
    /* Every prefix of the news page reads or is rejected cleanly. */
    for (k = 0; k <= sizeof news_page - 1; k += 7) {
        int rc = run_n(news_page, k);
        CHECK(rc == 0 || rc == KR_EFORMAT);
        if (rc == KR_EFORMAT)
            CHECK_STR(E.msg, "no text");
    }
}

static char *repeat(const char *head, const char *open, size_t n, const char *mid,
                    const char *close, size_t m, const char *tail)
{
    size_t lo = strlen(open), lc = strlen(close), len = strlen(head) + lo * n +
               strlen(mid) + lc * m + strlen(tail), k;
    char *p = kr_malloc(len + 1), *q = p;
    q += strlen(strcpy(q, head));
    for (k = 0; k < n; k++, q += lo)
        memcpy(q, open, lo);
    q += strlen(strcpy(q, mid));
    for (k = 0; k < m; k++, q += lc)
        memcpy(q, close, lc);
    strcpy(q, tail);
    return p;
}

static double cpu_seconds(char *html)
{
    clock_t t0 = clock();
    run(html);
    kr_free(html);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void test_deep_nesting(void)
{
    char *p;
    double t1, t8;

    /* Deeper than libxml2's default limit of 256 but cheap to match:
     * parsed in full. */
    p = repeat("<p>Top.</p>", "<div>", 10000, "Deep.", "</div>", 10000, "<p>After.</p>");
    CHECK_INT(run(p), 0);
    CHECK_STR(G.text, "Top.\n\nDeep.\n\nAfter.");
    kr_free(p);
    /* Unclosed: nothing to match, any depth. */
    p = repeat("<p>Top.</p>", "<div>", 100000, "Deep.", "", 0, "");
    CHECK_INT(run(p), 0);
    CHECK_STR(G.text, "Top.\n\nDeep.");
    kr_free(p);
    /* Tag soup: unclosed <font> in every paragraph. */
    p = repeat("", "<p><font size=2>Para.", 1000, "", "", 0, "");
    CHECK_INT(run(p), 0);
    CHECK_INT(strlen(G.text), 1000 * 7 - 2);
    kr_free(p);
    /* Too deep to match end tags in bounded time: a clear error. */
    p = repeat("<p>Top.</p>", "<div>", 100000, "Deep.", "</div>", 100000, "");
    CHECK_INT(run(p), KR_ELIMIT);
    CHECK_STR(E.msg, "elements nested deeper than 256");
    CHECK_INT(G.calls, 0);
    kr_free(p);
    p = repeat("", "<div>", 100000, "x", "</span>", 100000, "");
    CHECK_INT(run(p), KR_ELIMIT);
    kr_free(p);
    /* Linear: eight times the nesting, not much more than eight times the
     * time (quadratic would be 64). */
    t1 = cpu_seconds(repeat("<p>a</p>", "<div><b>", 20000, "x", "</b>", 2000, ""));
    t8 = cpu_seconds(repeat("<p>a</p>", "<div><b>", 160000, "x", "</b>", 16000, ""));
    CHECK(t8 < 24 * t1 + 0.05);
}

static void test_rejected(void)
{
    static const char bad_utf8[] = "<p>ab\xFF</p>";
    static const char overlong[] = "<p>\xC0\xAF</p>";
    static const char cut_seq[] = "<p>ok</p>\xD0";
    static const char nul[] = "<p>a\0b</p>";
    static const char both[] = "<p>\xFF\0</p>";

    CHECK_INT(run(bad_utf8), KR_EUTF8);
    CHECK_INT(E.code, KR_EUTF8);
    CHECK_INT(E.byte, 5);
    CHECK_STR(E.msg, "invalid UTF-8 at byte 5");
    CHECK_STR(E.file, "page.html");
    CHECK_INT(G.calls, 0);
    CHECK_INT(run(overlong), KR_EUTF8);
    CHECK_INT(E.byte, 3);
    CHECK_INT(run(cut_seq), KR_EUTF8);
    CHECK_INT(E.byte, 9);
    /* A charset declaration does not make other encodings readable. */
    CHECK_INT(run("<meta charset=\"windows-1251\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>"), KR_EUTF8);

    CHECK_INT(run_n(nul, sizeof nul - 1), KR_EFORMAT);
    CHECK_INT(E.byte, 4);
    CHECK_STR(E.msg, "NUL byte at 4: binary data");
    CHECK_INT(run_n(both, sizeof both - 1), KR_EUTF8); /* the first problem */
    CHECK_INT(E.byte, 3);

    CHECK_INT(run_n("", 0), KR_EFORMAT);
    CHECK_STR(E.msg, "no text");
    CHECK_INT(run_n(NULL, 0), KR_EFORMAT);
    CHECK_INT(run(" \r\n\t "), KR_EFORMAT);
    CHECK_STR(E.msg, "no text");
    CHECK_INT(run("\xEF\xBB\xBF  \n"), KR_EFORMAT);
    CHECK_INT(run("<html><head><title>Only a title</title></head><body></body></html>"), KR_EFORMAT);
    CHECK_STR(E.msg, "no text");
    CHECK_INT(run("<script>document.write('<p>hello</p>');</script>"), KR_EFORMAT);
    CHECK_STR(E.msg, "no text");
    CHECK_INT(run("<html><body><nav><a href=/>Home</a></nav><!-- x --><style>p{}</style>"
                  "<p>&nbsp;&#8203;</p></body></html>"), KR_EFORMAT);
    CHECK_INT(G.calls, 0);
    CHECK_INT(run("<!DOCTYPE html>"), KR_EFORMAT);
    CHECK_INT(run("<?xml version=\"1.0\"?>"), KR_EFORMAT);
}

static void test_attribute_limit(void)
{
    char tag[8192];
    size_t k, n;
    strcpy(tag, "<p>Before.</p><p");
    n = strlen(tag);
    for (k = 0; k < 256; k++)
        n += (size_t)sprintf(tag + n, " a%zu", k);
    strcpy(tag + n, ">Text.</p>");
    CHECK_INT(run(tag), 0);
    CHECK_STR(G.text, "Before.\n\nText.");
    strcpy(tag + n, " z>Text.</p>");
    CHECK_INT(run(tag), KR_ELIMIT);
    CHECK_INT(E.byte, 14);
    CHECK_STR(E.msg, "tag with more than 256 attributes at byte 14");
    /* Attribute-like text inside a script or a comment does not count. */
    memcpy(tag + 14, "<!--", 4);
    strcpy(tag + n, " z>--><p>Text.</p>");
    CHECK_INT(run(tag), 0);
    CHECK_STR(G.text, "Before.\n\nText.");
    strcpy(tag, "<p>Before.</p><script>var s = '<p");
    n = strlen(tag);
    for (k = 0; k < 300; k++)
        n += (size_t)sprintf(tag + n, " a%zu", k);
    strcpy(tag + n, ">';</script>");
    CHECK_INT(run(tag), 0);
    CHECK_STR(G.text, "Before.");
}

static void test_sink_result(void)
{
    G.ret = KR_EDB;
    CHECK_INT(run("<p>x</p>"), KR_EDB);
    CHECK_INT(G.calls, 1);
    G.ret = 7; /* not an error: reading succeeded */
    CHECK_INT(run("<p>x</p>"), 0);
}

/* Output invariants doc_finish relies on: valid UTF-8, no C0 control but
 * newline, no blank at either end, no run of three newlines. */
static void test_output_clean(void)
{
    static const char *const pages[] = {
        "<p>\t a \r\n b \f</p><br><br><br><p>c</p>\n",
        "<p>a<br><br><br><br>b</p><div><div><p></p></div></div><p>c</p>",
        "<pre>\n\n\nx\r\n\r\ny\n\n\n</pre>",
        "<td>\x0B" "a\x1F" "b</td>",
    };
    size_t k, i;
    for (k = 0; k < sizeof pages / sizeof pages[0]; k++) {
        size_t n;
        CHECK_INT(run(pages[k]), 0);
        n = strlen(G.text);
        CHECK(n > 0 && G.text[0] != ' ' && G.text[0] != '\n');
        CHECK(G.text[n - 1] != ' ' && G.text[n - 1] != '\n');
        CHECK(strstr(G.text, "\n\n\n") == NULL);
        CHECK(strstr(G.text, "  ") == NULL);
        for (i = 0; i < n; i++)
            CHECK((unsigned char)G.text[i] >= 0x20 || G.text[i] == '\n');
    }
}

static void test_nomem(void)
{
    long k;
    int rc = KR_ENOMEM;
    /* Fails each allocation in turn: each run ends cleanly (no leak under
     * ASan/valgrind) with KR_ENOMEM until the reader no longer allocates. */
    for (k = 0; k < 10000 && rc == KR_ENOMEM; k++) {
        kr_alloc_fail_after(k);
        rc = run(news_page);
        kr_alloc_fail_after(-1);
        CHECK(rc == 0 || rc == KR_ENOMEM);
        if (rc == KR_ENOMEM) {
            CHECK_INT(G.calls, 0);
            CHECK_INT(E.code, KR_ENOMEM);
        }
    }
    CHECK_INT(rc, 0);
    CHECK(k > 3);
}

int main(void)
{
    A = arena_new();
    test_news_page();
    test_russian_page();
    test_metadata();
    test_breaks_and_spaces();
    test_related_lists();
    test_boilerplate();
    test_text_root();
    test_truncated();
    test_deep_nesting();
    test_rejected();
    test_attribute_limit();
    test_sink_result();
    test_output_clean();
    test_nomem();
    clear(&G);
    arena_free(A);
    /* The program's end, not the reader's: the reader leaves libxml2's
     * global state alone. */
    xmlCleanupParser();
    return t_report();
}
