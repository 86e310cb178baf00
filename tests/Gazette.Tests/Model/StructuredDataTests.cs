using System.Text.Json;
using System.Text.RegularExpressions;
using Gazette.Tests.Support;

namespace Gazette.Tests.Model;

/// <summary>
/// Every page kind carries one JSON-LD block, a <c>@graph</c> of the schema.org types search
/// engines read (WebSite, Organization, NewsArticle, CollectionPage, ProfilePage, BreadcrumbList),
/// each with the properties Google requires of it. The site's layouts print the block and the
/// visible breadcrumbs, nothing else.
/// </summary>
public partial class StructuredDataTests
{
    private const string Layout = "<script type=\"application/ld+json\">{{ page.json_ld }}</script>\n<ol>{{ for c in page.breadcrumbs }}<li><a href=\"{{ c.url }}\">{{ c.name }}</a></li>{{ end }}</ol>\n";

    private const string BaseOf = "{{ content }}";

    private static readonly string Site = $"""
        -- site.yml --
        title: Le Fil
        description: L'actualité de la tech.
        base_url: https://example.org/news/
        publisher:
          name: Le Fil SAS
          logo: /logo.svg
        authors:
          mathilde:
            name: Mathilde Rousseau
            bio: Journaliste.
            avatar: /mathilde.svg
          redaction:
            name: La Rédaction
            type: organization
        -- layouts/baseof.html --
        {BaseOf}
        -- layouts/article.html --
        {Layout}
        -- layouts/page.html --
        {Layout}
        -- layouts/list.html --
        {Layout}
        -- layouts/terms.html --
        {Layout}
        -- layouts/404.html --
        {Layout}
        -- content/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>
        -- content/mathilde.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>
        -- content/posts/signed.md --
        ---
        title: Signé
        date: 2024-09-25T10:30:00+02:00
        author: mathilde
        category: Cloud
        tags: [IA]
        ---

        Texte.
        -- content/posts/brief.md --
        ---
        title: Brève
        date: 2024-09-24T10:30:00+02:00
        author: redaction
        ---

        Texte.
        -- content/pages/about.md --
        ---
        title: À propos
        ---

        Texte.
        """;

    private static List<JsonElement> Graph(TestSite site, string path)
    {
        var html = site.ReadOutput(path);
        var blocks = JsonBlock().Matches(html);
        var block = Assert.Single(blocks).Groups[1].Value;
        var root = JsonDocument.Parse(block).RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        return [.. root.GetProperty("@graph").EnumerateArray()];
    }

    private static JsonElement Node(List<JsonElement> graph, string type) =>
        Assert.Single(graph, node => node.GetProperty("@type").GetString() == type);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static List<string> Types(List<JsonElement> graph) => [.. graph.Select(node => Text(node, "@type"))];

    /// <summary>The BreadcrumbList, as "name → absolute URL" with positions 1, 2, 3…; and the
    /// page's visible trail, written the same way, is the same.</summary>
    private static List<string> Crumbs(TestSite site, string path, List<JsonElement> graph)
    {
        var items = Node(graph, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("position").GetInt32()));
        var listed = items.Select(i => $"{Text(i, "name")} → {Text(i, "item")}").ToList();
        var visible = site.ParseOutput(path).QuerySelectorAll("ol a")
            .Select(a => $"{a.TextContent} → https://example.org{a.GetAttribute("href")}").ToList();
        Assert.Equal(visible, listed);
        return listed;
    }

    [Fact]
    public void The_home_page_describes_the_website_its_publisher_and_the_articles_it_lists()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        var graph = Graph(site, "index.html");
        Assert.Equal(["WebSite", "Organization", "CollectionPage"], Types(graph));
        var website = Node(graph, "WebSite");
        Assert.Equal("https://example.org/news/", Text(website, "url"));
        Assert.Equal("Le Fil", Text(website, "name"));
        Assert.Equal("https://example.org/news/#website", Text(website, "@id"));
        Assert.Equal("https://example.org/news/#organization", Text(website.GetProperty("publisher"), "@id"));
        var organization = Node(graph, "Organization");
        Assert.Equal("Le Fil SAS", Text(organization, "name"));
        Assert.Equal("https://example.org/news/#organization", Text(organization, "@id"));
        Assert.Equal("https://example.org/news/logo.svg", Text(organization.GetProperty("logo"), "url"));
        var list = Node(graph, "CollectionPage");
        Assert.Equal("https://example.org/news/", Text(list, "url"));
        Assert.Equal("https://example.org/news/#website", Text(list.GetProperty("isPartOf"), "@id"));
        Assert.Equal(["https://example.org/news/2024/09/signed/", "https://example.org/news/2024/09/brief/"],
            list.GetProperty("mainEntity").GetProperty("itemListElement").EnumerateArray().Select(i => Text(i, "url")));
        Assert.Empty(site.ParseOutput("index.html").QuerySelectorAll("ol a")); // no trail on the home page
    }

    [Fact]
    public void An_article_is_a_news_article_by_a_person_or_an_organisation_with_its_breadcrumbs()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        var signed = Graph(site, "2024/09/signed/index.html");
        Assert.Equal(["NewsArticle", "BreadcrumbList"], Types(signed));
        var article = Node(signed, "NewsArticle");
        Assert.Equal("Signé", Text(article, "headline"));
        Assert.Equal("2024-09-25T10:30:00+02:00", Text(article, "datePublished"));
        var author = article.GetProperty("author");
        Assert.Equal(("Person", "Mathilde Rousseau", "https://example.org/news/authors/mathilde-rousseau/"),
            (Text(author, "@type"), Text(author, "name"), Text(author, "url")));
        Assert.Equal("Le Fil SAS", Text(article.GetProperty("publisher"), "name"));
        Assert.Equal(["Le Fil → https://example.org/news/", "Cloud → https://example.org/news/categories/cloud/",
            "Signé → https://example.org/news/2024/09/signed/"], Crumbs(site, "2024/09/signed/index.html", signed));

        var brief = Node(Graph(site, "2024/09/brief/index.html"), "NewsArticle");
        Assert.Equal(("Organization", "La Rédaction"), (Text(brief.GetProperty("author"), "@type"), Text(brief.GetProperty("author"), "name")));
    }

    [Fact]
    public void An_authors_page_is_a_profile_page_of_the_person_or_the_organisation()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        var graph = Graph(site, "authors/mathilde-rousseau/index.html");
        Assert.Equal(["ProfilePage", "BreadcrumbList"], Types(graph));
        var person = Node(graph, "ProfilePage").GetProperty("mainEntity");
        Assert.Equal(("Person", "Mathilde Rousseau", "Journaliste.", "https://example.org/news/mathilde.svg"),
            (Text(person, "@type"), Text(person, "name"), Text(person, "description"), Text(person, "image")));
        Assert.Equal(["Le Fil → https://example.org/news/", "Auteurs → https://example.org/news/authors/",
            "Mathilde Rousseau → https://example.org/news/authors/mathilde-rousseau/"], Crumbs(site, "authors/mathilde-rousseau/index.html", graph));

        var organization = Node(Graph(site, "authors/la-redaction/index.html"), "ProfilePage").GetProperty("mainEntity");
        Assert.Equal("Organization", Text(organization, "@type"));
    }

    [Theory]
    [InlineData("tags/ia/index.html", "Le Fil → https://example.org/news/|Mots-clés → https://example.org/news/tags/|IA → https://example.org/news/tags/ia/")]
    [InlineData("categories/cloud/index.html", "Le Fil → https://example.org/news/|Rubriques → https://example.org/news/categories/|Cloud → https://example.org/news/categories/cloud/")]
    [InlineData("2024/09/index.html", "Le Fil → https://example.org/news/|2024 → https://example.org/news/2024/|septembre 2024 → https://example.org/news/2024/09/")]
    [InlineData("tags/index.html", "Le Fil → https://example.org/news/|Mots-clés → https://example.org/news/tags/")]
    public void Lists_are_collection_pages_with_the_breadcrumbs_they_show(string path, string trail)
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        var graph = Graph(site, path);
        Assert.Equal(["CollectionPage", "BreadcrumbList"], Types(graph));
        var list = Node(graph, "CollectionPage");
        Assert.Equal("https://example.org/news/" + path[..^"index.html".Length], Text(list, "url"));
        Assert.NotEmpty(list.GetProperty("mainEntity").GetProperty("itemListElement").EnumerateArray());
        Assert.Equal(trail.Split('|'), Crumbs(site, path, graph));
    }

    [Fact]
    public void A_page_is_a_web_page_and_the_404_page_has_no_structured_data()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        var graph = Graph(site, "about/index.html");
        Assert.Equal(["WebPage", "BreadcrumbList"], Types(graph));
        Assert.Equal(["Le Fil → https://example.org/news/", "À propos → https://example.org/news/about/"], Crumbs(site, "about/index.html", graph));
        Assert.Equal("<script type=\"application/ld+json\"></script>", JsonBlock().Match(site.ReadOutput("404.html")).Value);
    }

    [GeneratedRegex("""<script type="?application/ld\+json"?>(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
