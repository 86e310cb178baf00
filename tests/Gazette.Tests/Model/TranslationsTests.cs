using System.Xml.Linq;
using Gazette.Tests.Support;

namespace Gazette.Tests.Model;

/// <summary>
/// A site in several languages (<c>languages:</c> in site.yml): each language's edition has its own
/// home, lists, feeds and sitemap, the default at the root and the others under <c>/en/</c>; the
/// files of one bundle (<c>index.md</c>, <c>index.en.md</c>), of one name or of one
/// <c>translation_key:</c> are translations of each other. The site's layouts print what is asserted.
/// </summary>
public class TranslationsTests
{
    private const string Site = """
        -- site.yml --
        title: Le Fil
        base_url: https://example.org/news/
        languages:
          fr:
            name: Français
          en:
            title: The Wire
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/article.html --
        {{ site.title }}|{{ page.url }}|{{ t "published_on" }} {{ date_long page.date }}|{{ page.title }}|{{ for v in page.translations }}{{ v.lang }}={{ v.url }};{{ end }}|{{ for e in site.languages }}{{ e.code }}:{{ e.name }}:{{ e.home_url }};{{ end }}
        -- layouts/page.html --
        {{ page.url }}|{{ for v in page.translations }}{{ v.lang }}={{ v.url }};{{ end }}
        -- layouts/list.html --
        {{ site.title }}|{{ for a in paginator.items }}{{ a.title }};{{ end }}|{{ for v in page.translations }}{{ v.lang }}={{ v.url }};{{ end }}
        -- content/posts/paris/index.md --
        ---
        title: "Paris : un bureau"
        date: 2024-09-25T10:30:00+02:00
        tags: [IA]
        ---

        Texte.
        -- content/posts/paris/index.en.md --
        ---
        title: "Paris: an office"
        slug: paris-office
        date: 2024-09-25T10:30:00+02:00
        tags: [AI]
        ---

        Text.
        -- content/posts/solo.md --
        ---
        title: Seul en français
        date: 2024-09-20T10:30:00+02:00
        ---

        Texte.
        -- content/pages/about.md --
        ---
        title: À propos
        ---

        Texte.
        -- content/pages/about.en.md --
        ---
        title: About
        ---

        Text.
        """;

    private static string Shown(TestSite site, string path) => site.ReadOutput(path).Trim();

    [Fact]
    public void Each_language_has_its_edition_and_each_page_links_its_translations()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        Assert.Equal("Le Fil|/news/2024/09/paris/|Publié le 25 septembre 2024|Paris\u00a0: un bureau|fr=/news/2024/09/paris/;en=/news/en/2024/09/paris-office/;"
            + "|fr:Français:/news/;en:English:/news/en/;", Shown(site, "2024/09/paris/index.html"));
        Assert.Equal("The Wire|/news/en/2024/09/paris-office/|Published September 25, 2024|Paris: an office|fr=/news/2024/09/paris/;en=/news/en/2024/09/paris-office/;"
            + "|fr:Français:/news/;en:English:/news/en/;", Shown(site, "en/2024/09/paris-office/index.html"));
        // An article with no translation links none.
        Assert.Contains("|Seul en français||", Shown(site, "2024/09/solo/index.html"), StringComparison.Ordinal);
        Assert.Equal("/news/en/about/|fr=/news/about/;en=/news/en/about/;", Shown(site, "en/about/index.html"));

        // Lists, taxonomies and feeds are per language.
        Assert.Equal("Le Fil|Paris\u00a0: un bureau;Seul en français;|fr=/news/;en=/news/en/;", Shown(site, "index.html"));
        Assert.Equal("The Wire|Paris: an office;|fr=/news/;en=/news/en/;", Shown(site, "en/index.html"));
        Assert.True(site.OutputExists("tags/ia/index.html"));
        Assert.False(site.OutputExists("tags/ai/index.html"));
        Assert.Equal("The Wire|Paris: an office;|", Shown(site, "en/tags/ai/index.html"));
        var feed = XDocument.Parse(site.ReadOutput("en/feed.xml"));
        Assert.Equal(["Paris: an office"], feed.Descendants("item").Select(i => i.Element("title")!.Value));
        Assert.Equal("en", feed.Descendants("language").Single().Value);
        Assert.Equal(2, XDocument.Parse(site.ReadOutput("feed.xml")).Descendants("item").Count());
    }

    [Fact]
    public void Each_language_has_its_sitemap_whose_entries_link_their_translations_and_robots_txt_lists_them()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var english = XDocument.Parse(site.ReadOutput("en/sitemap.xml"));
        var locations = english.Descendants(sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.org/news/en/2024/09/paris-office/", locations);
        Assert.DoesNotContain("https://example.org/news/2024/09/paris/", locations);
        var entry = english.Descendants(sitemap + "url").Single(u => u.Element(sitemap + "loc")!.Value.EndsWith("/paris-office/", StringComparison.Ordinal));
        Assert.Equal(["fr https://example.org/news/2024/09/paris/", "en https://example.org/news/en/2024/09/paris-office/"],
            entry.Elements(xhtml + "link").Select(l => $"{l.Attribute("hreflang")!.Value} {l.Attribute("href")!.Value}"));
        Assert.Equal("""
            User-agent: *
            Allow: /

            Sitemap: https://example.org/news/sitemap.xml
            Sitemap: https://example.org/news/en/sitemap.xml
            Sitemap: https://example.org/news/news-sitemap.xml

            """, site.ReadOutput("robots.txt"));
    }

    [Fact]
    public void Translation_key_links_files_of_different_names_and_a_language_without_edition_stays_in_the_default()
    {
        using var site = new TestSite(Site + "\n" + """
            -- content/posts/greve.md --
            ---
            title: La grève
            date: 2024-09-10T10:30:00+02:00
            translation_key: strike
            ---

            Texte.
            -- content/posts/en/strike.md --
            ---
            title: The strike
            date: 2024-09-10T10:30:00+02:00
            lang: en
            translation_key: strike
            ---

            Text.
            -- content/posts/streik.md --
            ---
            title: Der Streik
            date: 2024-09-11T10:30:00+02:00
            lang: de
            ---

            Text.
            """);
        site.BuildSuccessfully();

        Assert.EndsWith("|fr=/news/2024/09/greve/;en=/news/en/2024/09/strike/;|fr:Français:/news/;en:English:/news/en/;", Shown(site, "2024/09/greve/index.html"), StringComparison.Ordinal);
        Assert.True(site.OutputExists("2024/09/streik/index.html")); // German has no edition: the default's
        Assert.Contains("Der Streik;", Shown(site, "index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_for_one_language_of_an_article_are_an_error_at_the_second()
    {
        using var site = new TestSite(Site + "\n" + """
            -- content/posts/paris/index.fr.md --
            ---
            title: Paris, encore
            date: 2024-09-25T10:30:00+02:00
            ---

            Texte.
            """);
        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "GZ0412");
        Assert.Equal("content/posts/paris/index.md", error.Location.Path);
        Assert.Contains("'content/posts/paris/index.fr.md' are both the 'fr' version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_without_its_original_is_an_error_saying_what_to_add()
    {
        using var site = new TestSite(Site + "\n" + """
            -- content/posts/orphan/index.en.md --
            ---
            title: Alone
            date: 2024-09-25T10:30:00+02:00
            ---

            Text.
            """);
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == "GZ0412");
        Assert.Equal("content/posts/orphan/index.en.md", error.Location.Path);
        Assert.Contains("add 'index.md' beside it in the default language (fr), or name this file 'index.md' with 'lang: en'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lang_that_contradicts_the_files_name_is_an_error_at_its_line()
    {
        using var site = new TestSite(Site.Replace("title: \"Paris: an office\"\n", "title: \"Paris: an office\"\nlang: fr\n", StringComparison.Ordinal));
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == "GZ0412");
        Assert.Equal(("content/posts/paris/index.en.md", 3), (error.Location.Path, error.Location.Line));
        Assert.Contains("'lang: fr' contradicts the file's name, which says 'en'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_key_other_than_the_first_language_is_an_error_at_its_line()
    {
        using var site = new TestSite(Site.Replace("base_url: https://example.org/news/\n", "base_url: https://example.org/news/\nlanguage: en\n", StringComparison.Ordinal));
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Gazette.Diagnostics.Severity.Error);
        Assert.Equal(("site.yml", 3), (error.Location.Path, error.Location.Line));
        Assert.Contains("is not the first of 'languages:' (fr)", error.Message, StringComparison.Ordinal);
    }
}
