using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Lists, archives, feeds, sitemap, scheduling, aliases and GitHub Pages files.</summary>
public class SiteForReadersAndCrawlersTests
{
    // The front page is a grid like any list here (HomePageTests has the newsroom layout).
    private const string SiteYml = "title: Le Fil\nbase_url: https://example.github.io/blog/\npagination: 2\nhome:\n  featured: 0\n  latest: 0\n";

    private static TestSite SiteWith(int articles, string siteYml = SiteYml)
    {
        var site = new TestSite("-- site.yml --\n" + siteYml);
        for (var i = 1; i <= articles; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-0{1 + (i % 3)}-{i:D2}T10:00:00+01:00",
                extra: "category: Intelligence artificielle\ntags: [IA]\n"));
        }

        return site;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Home_and_term_pages_paginate_at_the_edges(int articles, int expectedPages)
    {
        using var site = SiteWith(articles);
        site.BuildSuccessfully();

        Assert.True(site.OutputExists("index.html"));
        for (var page = 2; page <= expectedPages; page++)
        {
            Assert.True(site.OutputExists($"page/{page}/index.html"));
        }

        Assert.False(site.OutputExists($"page/{expectedPages + 1}/index.html"));
        Assert.Equal(Math.Min(articles, 2), site.ParseOutput("index.html").QuerySelectorAll("main article").Length);
        if (articles > 0)
        {
            Assert.True(site.OutputExists($"tags/ia/{(expectedPages > 1 ? $"page/{expectedPages}/" : "")}index.html"));
        }
        else
        {
            Assert.NotNull(site.ParseOutput("index.html").QuerySelector(".empty"));
        }
    }

    [Fact]
    public void Date_archives_list_each_year_and_month()
    {
        using var site = SiteWith(3);
        site.BuildSuccessfully();

        Assert.Equal(3, site.ParseOutput("2024/index.html").QuerySelectorAll("main article").Length + site.ParseOutput("2024/page/2/index.html").QuerySelectorAll("main article").Length);
        var february = site.ParseOutput("2024/02/index.html");
        Assert.Equal("février 2024", february.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Article 1"], february.QuerySelectorAll("main article h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void Author_page_shows_name_bio_and_avatar_and_indexes_list_every_term_with_counts()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: T
            authors:
              mathilde:
                name: Mathilde Rousseau
                bio: Journaliste IA.
                avatar: /images/m.png
            """);
        site.WriteBytes("content/images/m.png", TestImages.Png(8, 8));
        site.Write("content/posts/a.md", TestSite.Article(extra: "author: mathilde\ntags: [IA, Cloud]\n"));
        site.Write("content/posts/b.md", TestSite.Article(title: "B", extra: "author: mathilde\ntags: [IA]\n"));
        site.BuildSuccessfully();

        var author = site.ParseOutput("authors/mathilde-rousseau/index.html");
        Assert.Equal("Mathilde Rousseau", author.QuerySelector("h1")!.TextContent);
        Assert.Equal("Journaliste IA.", author.QuerySelector(".list-header .lead")!.TextContent);
        Assert.Equal("/images/m.png", author.QuerySelector("img.avatar")!.GetAttribute("src"));
        var tags = site.ParseOutput("tags/index.html").QuerySelectorAll(".term-list li")
            .Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector(".term-list__count")!.TextContent)).ToList();
        Assert.Equal([("Cloud", "1"), ("IA", "2")], tags);
        Assert.True(site.OutputExists("authors/index.html"));
        Assert.True(site.OutputExists("categories/index.html"));
    }

    [Fact]
    public void Article_links_to_previous_and_next_and_shows_breadcrumbs()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien", date: "2024-01-01", extra: "category: Cloud\n"));
        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01", extra: "category: Cloud\n"));
        site.Write("content/posts/new.md", TestSite.Article(title: "Récent", date: "2024-03-01"));
        site.BuildSuccessfully();

        var middle = site.ParseOutput("2024/02/mid/index.html");
        Assert.Equal("/2024/01/old/", middle.QuerySelector(".prev-next a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/2024/03/new/", middle.QuerySelector(".prev-next a[rel=next]")!.GetAttribute("href"));
        var crumbs = middle.QuerySelectorAll(".breadcrumbs a").Select(a => a.TextContent).ToList();
        Assert.Equal(["T", "Cloud", "Milieu"], crumbs);
        Assert.Null(site.ParseOutput("2024/01/old/index.html").QuerySelector(".prev-next a[rel=prev]"));
    }

    [Fact]
    public void Rss_and_atom_feeds_parse_with_a_real_feed_reader_with_absolute_urls_and_the_cover()
    {
        using var site = new TestSite("-- site.yml --\n" + SiteYml + "feeds:\n  limit: 2\n");
        site.Write("content/posts/a/index.md", TestSite.Article(title: "Avec photo", date: "2024-05-01",
            extra: "author: Mathilde\ncategory: Cloud\ntags: [IA]\nsummary: Le chapô.\nimage:\n  src: c.jpg\n  alt: Alt\n  credit: AFP\n",
            body: "Voir [l'autre](/2024/04/b/) et ![x](c.jpg \"© AFP\")"));
        site.WriteBytes("content/posts/a/c.jpg", TestImages.Jpeg(1200, 675));
        site.Write("content/posts/b.md", TestSite.Article(title: "Sans photo", date: "2024-04-01", extra: "category: Cloud\n"));
        site.Write("content/posts/c.md", TestSite.Article(title: "Trop ancien", date: "2024-01-01"));
        site.BuildSuccessfully();

        var rss = ReadFeed(site, "feed.xml");
        Assert.Equal(["Avec photo", "Sans photo"], rss.Items.Select(i => i.Title.Text));
        var item = rss.Items.First();
        Assert.Equal("https://example.github.io/blog/2024/05/a/", item.Links[0].Uri.ToString());
        Assert.Equal(["Cloud", "IA"], item.Categories.Select(c => c.Name));
        var enclosure = item.Links.Single(l => l.RelationshipType == "enclosure");
        Assert.Equal("https://example.github.io/blog/2024/05/a/c.jpg", enclosure.Uri.ToString());
        Assert.Equal("image/jpeg", enclosure.MediaType);
        var content = item.ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/").Single();
        Assert.Contains("href=\"https://example.github.io/blog/2024/04/b/\"", content, StringComparison.Ordinal);
        Assert.Contains("src=\"https://example.github.io/blog/2024/05/a/c.jpg\"", content, StringComparison.Ordinal);
        Assert.Contains("© AFP", content, StringComparison.Ordinal);
        var media = XDocument.Parse(site.ReadOutput("feed.xml")).Descendants(XName.Get("credit", "http://search.yahoo.com/mrss/")).First();
        Assert.Equal("AFP", media.Value);

        var atom = ReadFeed(site, "atom.xml");
        Assert.Equal(2, atom.Items.Count());
        Assert.Equal("Le chapô.", atom.Items.First().Summary.Text);
        Assert.Contains(atom.Items.First().Authors, a => a.Name == "Mathilde");

        var category = ReadFeed(site, "categories/cloud/feed.xml");
        Assert.Equal(["Avec photo", "Sans photo"], category.Items.Select(i => i.Title.Text));
        Assert.Contains("href=\"/blog/feed.xml\"", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Contains("href=\"/blog/atom.xml\"", site.ReadOutput("2024/05/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Full_content_in_feeds_has_no_heading_anchors_and_only_absolute_links()
    {
        using var site = new TestSite("-- site.yml --\n" + SiteYml);
        site.Write("content/posts/a.md", TestSite.Article(title: "Avec intertitres", date: "2024-05-01",
            body: "## Première partie\n\nTexte[^1] et [la suite](#seconde-partie).\n\n## Seconde partie\n\nFin.\n\n[^1]: Une note."));
        site.BuildSuccessfully();

        var content = ReadFeed(site, "feed.xml").Items.Single()
            .ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/").Single();
        Assert.Contains("<h2 id=\"premiere-partie\">Première partie</h2>", content, StringComparison.Ordinal);
        Assert.DoesNotContain("heading-anchor", content, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#", content, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.github.io/blog/2024/05/a/#seconde-partie\"", content, StringComparison.Ordinal);
        Assert.Contains("heading-anchor", site.ReadOutput("2024/05/a/index.html"), StringComparison.Ordinal); // the page keeps them
    }

    [Fact]
    public void Full_content_in_feeds_ends_with_the_review_box_and_the_sources_line_as_the_theme_writes_them()
    {
        using var site = new TestSite("-- site.yml --\n" + SiteYml + """
            -- layouts/partials/review-box.html --
            <aside class="review">{{ model.name }}: {{ model.score }} / {{ model.scale }}</aside>
            -- layouts/partials/sources.html --
            <p class="sources">{{ for source in model }}{{ if source.url }}<a href="{{ source.url }}">{{ source.name }}</a>{{ else }}{{ source.name }}{{ end }};{{ end }}</p>
            """);
        site.Write("content/posts/a.md", TestSite.Article(title: "Le test", date: "2024-05-01",
            extra: "review:\n  name: Pixel\n  score: 8\nsources:\n  - { name: Le Figaro, url: \"https://www.lefigaro.fr/\" }\n  - BFM TV\n",
            body: "Texte du test."));
        site.BuildSuccessfully();

        var content = ReadFeed(site, "feed.xml").Items.Single()
            .ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/").Single();
        Assert.EndsWith("""<p>Texte du test.</p><aside class="review">Pixel: 8 / 10</aside><p class="sources"><a href="https://www.lefigaro.fr/">Le Figaro</a>;BFM TV;</p>""",
            content.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_feeds_carry_no_full_content()
    {
        using var site = SiteWith(1, SiteYml + "feeds:\n  content: summary\n");
        site.BuildSuccessfully();

        Assert.DoesNotContain("content:encoded", site.ReadOutput("feed.xml"), StringComparison.Ordinal);
    }

    private static SyndicationFeed ReadFeed(TestSite site, string path)
    {
        using var reader = XmlReader.Create(Path.Combine(site.OutputDirectory, path));
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public void Sitemap_lists_every_page_with_lastmod_and_photos_and_every_url_exists()
    {
        using var site = SiteWith(3);
        site.Write("content/pages/about.md", "---\ntitle: À propos\n---\nTexte.\n");
        site.Write("content/posts/photo/index.md", TestSite.Article(title: "Photo", extra: "image:\n  src: p.png\n  alt: x\n  credit: AFP\n"));
        site.WriteBytes("content/posts/photo/p.png", TestImages.Png(4, 4));
        site.BuildSuccessfully();

        var sitemap = XDocument.Parse(site.ReadOutput("sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Descendants(ns + "url").ToList();
        var pages = site.OutputFiles("*.html").Where(p => p != "404.html").ToList();
        Assert.Equal(pages.Count, urls.Count);
        foreach (var url in urls)
        {
            var loc = url.Element(ns + "loc")!.Value;
            Assert.StartsWith("https://example.github.io/blog/", loc, StringComparison.Ordinal);
            var relative = loc["https://example.github.io/blog/".Length..];
            Assert.True(site.OutputExists(relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative), loc);
        }

        var article = urls.Single(u => u.Element(ns + "loc")!.Value.EndsWith("/2024/09/photo/", StringComparison.Ordinal));
        Assert.Equal("2024-09-25T10:30:00+02:00", article.Element(ns + "lastmod")!.Value);
        XNamespace image = "http://www.google.com/schemas/sitemap-image/1.1";
        Assert.Equal("https://example.github.io/blog/2024/09/photo/p.png", article.Descendants(image + "loc").Single().Value);
        Assert.Contains("Sitemap: https://example.github.io/blog/sitemap.xml", site.ReadOutput("robots.txt"), StringComparison.Ordinal);
        Assert.True(site.OutputExists(".nojekyll"));
        Assert.False(site.OutputExists("CNAME"));
    }

    [Fact]
    public void Sitemap_splits_into_an_index_past_the_limit()
    {
        var pages = Enumerable.Range(1, 5).Select(i => new Gazette.Output.WrittenPage($"p{i}/index.html", $"https://x.org/p{i}/", null, [], "t", [])).ToList();
        var files = WriteSitemaps(pages, maxUrlsPerFile: 2);

        var index = XDocument.Parse(files["sitemap.xml"]);
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        Assert.Equal(3, index.Root.Elements().Count());
        Assert.True(files.ContainsKey("sitemap-3.xml"));
    }

    [Fact]
    public void Sitemap_escapes_urls_and_stays_well_formed()
    {
        var page = new Gazette.Output.WrittenPage("a/index.html", "https://x.org/a?x=1&y=<2>/",
            new DateTimeOffset(2024, 9, 25, 10, 30, 0, TimeSpan.FromHours(2)), ["https://x.org/a/photo&co.png"], "t", []);

        var sitemap = XDocument.Parse(WriteSitemaps([page], maxUrlsPerFile: 10)["sitemap.xml"]);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace image = "http://www.google.com/schemas/sitemap-image/1.1";
        var url = sitemap.Root!.Element(ns + "url")!;
        Assert.Equal("https://x.org/a?x=1&y=<2>/", url.Element(ns + "loc")!.Value);
        Assert.Equal("2024-09-25T10:30:00+02:00", url.Element(ns + "lastmod")!.Value);
        Assert.Equal("https://x.org/a/photo&co.png", url.Descendants(image + "loc").Single().Value);
    }

    /// <summary>The sitemap files written for <paramref name="pages"/>, by name.</summary>
    private static Dictionary<string, string> WriteSitemaps(List<Gazette.Output.WrittenPage> pages, int maxUrlsPerFile)
    {
        var output = Directory.CreateTempSubdirectory("gazette-sitemap-");
        try
        {
            var site = Path.Combine(output.FullName, "_site");
            var writer = new Gazette.Output.OutputWriter(site);
            writer.Begin();
            Gazette.Output.CrawlerFiles.WriteSitemaps(pages, new Gazette.Configuration.SiteUrls(new Gazette.Configuration.SiteConfig { Title = "T", BaseUrl = "https://x.org/" }),
                writer, maxUrlsPerFile);
            writer.Commit();
            return Directory.GetFiles(site, "sitemap*.xml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void Cname_is_written_when_set()
    {
        using var site = SiteWith(1, SiteYml + "cname: news.example.org\n");
        site.BuildSuccessfully();
        Assert.Equal("news.example.org\n", site.ReadOutput("CNAME"));
    }

    [Fact]
    public void Future_articles_wait_unless_asked_and_the_next_one_is_announced_and_expired_ones_leave()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/now.md", TestSite.Article(title: "Publié", date: "2024-06-01"));
        site.Write("content/posts/soon.md", TestSite.Article(title: "Bientôt", date: "2024-06-20"));
        site.Write("content/posts/later.md", TestSite.Article(title: "Plus tard", date: "2024-07-01"));
        site.Write("content/posts/gone.md", TestSite.Article(title: "Expiré", date: "2024-01-01", extra: "expires: 2024-05-01\n"));
        var now = new DateTimeOffset(2024, 6, 10, 12, 0, 0, TimeSpan.Zero);

        var result = site.BuildSuccessfully(o => o with { Now = now });
        Assert.True(site.OutputExists("2024/06/now/index.html"));
        Assert.False(site.OutputExists("2024/06/soon/index.html"));
        Assert.False(site.OutputExists("2024/01/gone/index.html"));
        Assert.Equal("Bientôt", result.NextScheduled!.Title);
        Assert.Equal("content/posts/soon.md", result.NextScheduled.SourcePath);

        site.BuildSuccessfully(o => o with { Now = now, IncludeFuture = true });
        Assert.True(site.OutputExists("2024/07/later/index.html"));
    }

    [Fact]
    public void Aliases_write_redirect_pages_to_the_new_url()
    {
        using var site = SiteWith(0);
        site.Write("content/posts/moved.md", TestSite.Article(title: "Déplacé", extra: "aliases: [/ancien/chemin/, /vieux.html, ../../etc/x]\n"));
        var result = site.BuildSuccessfully();

        var redirect = site.ParseOutput("ancien/chemin/index.html");
        Assert.Equal("0; url=/blog/2024/09/moved/", redirect.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("https://example.github.io/blog/2024/09/moved/", redirect.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.True(site.OutputExists("vieux.html"));
        var invalid = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.AliasInvalid);
        Assert.Equal(new SourceLocation("content/posts/moved.md", 4, 10), invalid.Location);
    }

    [Fact]
    public void Pages_whose_urls_differ_only_by_case_collide_with_an_error_naming_both()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/pages/About.md", "---\ntitle: A\n---\n");
        site.Write("content/pages/about.md", "---\ntitle: B\n---\n");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputCollision);
        Assert.Contains("content/pages/About.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("content/pages/about.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_internal_link_is_reported_with_its_page()
    {
        using var site = SiteWith(1);
        site.Write("content/posts/links.md", TestSite.Article(title: "Liens", body: "[existe](/2024/02/a1/) et [absent](/2024/01/nope/)"));
        var result = site.BuildSuccessfully();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal("content/posts/links.md", warning.Location.Path);
        Assert.Contains("/blog/2024/01/nope/", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_that_github_pages_serves_are_not_broken_and_a_name_counts_as_an_anchor()
    {
        // GitHub Pages serves /x from x.html and redirects /x to /x/ when x/index.html exists.
        using var site = SiteWith(1);
        site.Write("content/legal.html", "<!doctype html><title>Mentions</title><p><a name=\"contact\">Contact</a></p>");
        site.Write("content/posts/links.md", TestSite.Article(title: "Liens", body:
            "[mentions](/legal) [contact](/legal.html#contact) [mois](/2024/02) [absent](/nulle-part) [ancre absente](/legal.html#adresse)"));
        var result = site.BuildSuccessfully();

        var link = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Contains("/blog/nulle-part", link.Message, StringComparison.Ordinal);
        var anchor = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenAnchor);
        Assert.Contains("#adresse", anchor.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_are_checked_on_the_same_page_and_on_other_pages_escaped_or_not()
    {
        using var site = SiteWith(0);
        site.Write("content/posts/cible.md", TestSite.Article(title: "Cible", date: "2024-02-01T10:00:00+01:00", body: "## Été chaud\n\nTexte."));
        site.Write("content/posts/liens.md", TestSite.Article(title: "Liens", body: """
            ## Ici

            [ici](#ici) [ici absent](#la-bas) [cible](/2024/02/cible/#ete-chaud) [cible encodée](/2024/02/cible/#%C3%A9t%C3%A9)
            [cible absente](/2024/02/cible/#hiver) [page absente](/2024/02/rien/#ete-chaud)
            """));
        var result = site.BuildSuccessfully();

        var anchors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenAnchor).Select(d => d.Message).ToList();
        Assert.Equal(3, anchors.Count);
        Assert.Contains(anchors, m => m.Contains("'#la-bas'", StringComparison.Ordinal));
        Assert.Contains(anchors, m => m.Contains("/2024/02/cible/#hiver'", StringComparison.Ordinal));
        Assert.Contains(anchors, m => m.Contains("#%C3%A9t%C3%A9'", StringComparison.Ordinal)); // the heading's id is "ete-chaud"
        var link = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Contains("/2024/02/rien/#ete-chaud", link.Message, StringComparison.Ordinal);
        Assert.All(result.Diagnostics.Where(d => d.Code is DiagnosticCodes.BrokenAnchor or DiagnosticCodes.BrokenLink),
            d => Assert.Equal("content/posts/liens.md", d.Location.Path));
    }

    [Fact]
    public void Two_builds_are_byte_identical_whatever_the_culture()
    {
        using var site = SiteWith(5);
        site.Write("content/posts/photo/index.md", TestSite.Article(title: "Photo 1,5", body: "Texte 10 000 ; 3,14.\n\n```csharp\nvar x = 1.5;\n```",
            extra: "image:\n  src: p.png\n  alt: x\n  credit: AFP\nreview: { name: X, score: 7.5 }\n"));
        site.WriteBytes("content/posts/photo/p.png", TestImages.Png(4, 4));
        site.BuildSuccessfully(o => o with { Minify = true });
        var first = OutputSnapshot.Of(site.OutputDirectory);

        var culture = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "tr-TR", "de-DE" })
            {
                // The build's worker threads take the default culture, this thread its own.
                CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo(name);
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
                site.BuildSuccessfully(o => o with { Minify = true });
                Assert.Equal(first, OutputSnapshot.Of(site.OutputDirectory));
            }
        }
        finally
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = null;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Github_pages_workflow_builds_with_the_readme_command_and_deploys_every_hour()
    {
        var workflowPath = Path.Combine(TestSite.RepositoryRoot, ".github", "workflows", "pages.yml");
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(workflowPath)));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;

        var on = (YamlDotNet.RepresentationModel.YamlMappingNode)root["on"];
        // A scheduled article goes out within the hour of its date: the cron's hour field is '*'.
        var cron = ((YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)on["schedule"]).Children[0])["cron"].ToString();
        Assert.Equal("*", cron.Split(' ')[1]);
        var steps = ((YamlDotNet.RepresentationModel.YamlSequenceNode)root["jobs"]["build"]["steps"]).Children
            .Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().ToList();
        string? Value(YamlDotNet.RepresentationModel.YamlMappingNode step, string key) =>
            step.Children.TryGetValue(key, out var node) ? node.ToString() : null;
        var uses = steps.Select(s => Value(s, "uses")).OfType<string>().ToList();
        Assert.Contains(uses, u => u.StartsWith("actions/checkout@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/configure-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        var deploy = ((YamlDotNet.RepresentationModel.YamlSequenceNode)root["jobs"]["deploy"]["steps"]).Children
            .Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().Select(s => Value(s, "uses"));
        Assert.Contains(deploy, u => u is not null && u.StartsWith("actions/deploy-pages@", StringComparison.Ordinal));

        var readmeCommand = File.ReadLines(Path.Combine(TestSite.RepositoryRoot, "README.md"))
            .First(l => l.Contains("build.ps1", StringComparison.Ordinal)).Split('#')[0].Trim();
        Assert.Equal("dotnet tool restore && dotnet pwsh ./build.ps1", readmeCommand);
        var run = steps.Select(s => Value(s, "run")).OfType<string>().Single(r => r.Contains("build.ps1", StringComparison.Ordinal));
        Assert.StartsWith(readmeCommand + " -BaseUrl", run, StringComparison.Ordinal);
        Assert.Contains("steps.pages.outputs.base_url", run, StringComparison.Ordinal);
    }

}
