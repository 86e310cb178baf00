using System.Xml.Linq;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary><c>news-sitemap.xml</c>: the articles of the last two days, as Google News reads them.</summary>
public class NewsSitemapTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly DateTimeOffset Now = new(2024, 10, 10, 12, 0, 0, TimeSpan.FromHours(2));

    private static TestSite Site(string siteYml = "")
    {
        var site = new TestSite("-- site.yml --\ntitle: Le Fil\nbase_url: https://example.org/news/\n" + siteYml);
        site.Write("content/posts/hier.md", TestSite.Article(title: "Hier soir", date: "2024-10-09T21:00:00+02:00"));
        site.Write("content/posts/ce-matin.md", TestSite.Article(title: "Ce matin", date: "2024-10-10T08:00:00+02:00", extra: "lang: en\n"));
        site.Write("content/posts/avant-hier.md", TestSite.Article(title: "Avant-hier", date: "2024-10-08T11:59:00+02:00"));
        site.Write("content/posts/la-semaine-derniere.md", TestSite.Article(title: "La semaine dernière", date: "2024-10-03T10:00:00+02:00"));
        site.Write("content/pages/a-propos.md", "---\ntitle: À propos\n---\n\nTexte.\n");
        return site;
    }

    private static List<XElement> Entries(TestSite site)
    {
        var document = XDocument.Parse(site.ReadOutput("news-sitemap.xml"));
        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        return [.. document.Root.Elements(Sitemap + "url")];
    }

    [Fact]
    public void Lists_the_articles_of_the_two_days_before_the_build_newest_first_with_what_google_news_reads()
    {
        using var site = Site("publisher:\n  name: Le Fil SAS\n");
        site.BuildSuccessfully(o => o with { Now = Now });

        var entries = Entries(site);
        // 10 October 12:00: this morning and last night are in; 8 October 11:59 is 48 h 1 min before; pages never are.
        Assert.Equal(["https://example.org/news/2024/10/ce-matin/", "https://example.org/news/2024/10/hier/"],
            entries.Select(e => e.Element(Sitemap + "loc")!.Value));
        var first = entries[0].Element(News + "news")!;
        Assert.Equal("Le Fil SAS", first.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", first.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("2024-10-10T08:00:00+02:00", first.Element(News + "publication_date")!.Value);
        Assert.Equal("Ce matin", first.Element(News + "title")!.Value);
        Assert.Equal("fr", entries[1].Element(News + "news")!.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Contains("Sitemap: https://example.org/news/news-sitemap.xml", site.ReadOutput("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_recent_articles_it_is_an_empty_urlset_named_after_the_site()
    {
        using var site = Site();
        site.BuildSuccessfully(o => o with { Now = Now.AddDays(30) });

        Assert.Empty(Entries(site));
        site.BuildSuccessfully(o => o with { Now = Now });
        Assert.Equal("Le Fil", Entries(site)[0].Element(News + "news")!.Element(News + "publication")!.Element(News + "name")!.Value);
    }

    [Fact]
    public void Holds_the_newest_thousand_when_more_are_recent()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Le Fil\nbase_url: https://example.org/\n");
        for (var i = 0; i < 1002; i++)
        {
            var date = Now.AddMinutes(-i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Dépêche {i}", date: date));
        }

        site.BuildSuccessfully(o => o with { Now = Now });

        var titles = Entries(site).Select(e => e.Element(News + "news")!.Element(News + "title")!.Value).ToList();
        Assert.Equal(1000, titles.Count);
        Assert.Equal(("Dépêche 0", "Dépêche 999"), (titles[0], titles[^1]));
    }
}
