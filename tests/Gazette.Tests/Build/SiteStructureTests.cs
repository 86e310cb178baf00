using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Pages, lists, taxonomies, URLs and the output folder.</summary>
public class SiteStructureTests
{
    private static TestSite SiteWithArticles(int count, string siteYml = "title: Test\npagination: 2\n")
    {
        var site = new TestSite("-- site.yml --\n" + siteYml);
        for (var i = 1; i <= count; i++)
        {
            site.Write($"content/posts/article-{i}.md", TestSite.Article(
                title: $"Article {i}",
                date: $"2024-09-{i:D2}T10:00:00+02:00",
                extra: $"category: Intelligence artificielle\ntags: [Tag{i % 2}, Commun]\n"));
        }

        return site;
    }

    [Fact]
    public void Every_article_list_tag_category_author_and_404_page_is_written()
    {
        using var site = SiteWithArticles(3);
        site.Write("content/pages/about.md", "---\ntitle: À propos\n---\nQui sommes-nous.\n");
        var result = site.BuildSuccessfully();

        foreach (var path in new[]
        {
            "2024/09/article-1/index.html", "2024/09/article-3/index.html", "index.html", "page/2/index.html",
            "tags/commun/index.html", "tags/commun/page/2/index.html", "tags/tag0/index.html", "tags/index.html",
            "categories/intelligence-artificielle/index.html", "categories/index.html", "about/index.html", "404.html",
            "assets/css/main.css",
        })
        {
            Assert.True(site.OutputExists(path), $"missing {path}");
        }

        Assert.False(site.OutputExists("page/3/index.html"));
        Assert.Equal(3, result.PagesByKind["articles"]);
    }

    [Fact]
    public void Home_lists_articles_newest_first_with_pagination_links()
    {
        // The front page as a grid like any list (HomePageTests has the newsroom layout).
        using var site = SiteWithArticles(5, "title: Test\npagination: 2\nhome:\n  featured: 0\n  latest: 0\n");
        site.BuildSuccessfully();

        var home = site.ParseOutput("index.html");
        var titles = home.QuerySelectorAll("main h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Article 5", "Article 4"], titles);
        Assert.Equal("/page/2/", home.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var last = site.ParseOutput("page/3/index.html");
        Assert.Equal(["Article 1"], last.QuerySelectorAll("main h2 a").Select(a => a.TextContent));
        Assert.Equal("/page/2/", last.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public void Article_page_shows_french_dates_author_category_and_tags()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: Test
            authors:
              mathilde:
                name: Mathilde Rousseau
            -- content/posts/openai/index.md --
            ---
            title: OpenAI ouvre un bureau à Paris
            date: 2024-09-01T10:30:00+02:00
            author: mathilde
            category: Intelligence artificielle
            tags: [OpenAI, Paris]
            ---
            Texte.
            """);
        site.BuildSuccessfully();

        var page = site.ParseOutput("2024/09/openai/index.html");
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var time = page.QuerySelector(".byline time")!;
        Assert.Equal("1er septembre 2024 à 10\u00A0h\u00A030", time.TextContent);
        Assert.Equal("2024-09-01T10:30:00+02:00", time.GetAttribute("datetime"));
        Assert.StartsWith("Par", page.QuerySelector(".byline")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/authors/mathilde-rousseau/", page.QuerySelector("a[rel=author]")!.GetAttribute("href"));
        Assert.Equal("/categories/intelligence-artificielle/", page.QuerySelector(".kicker a")!.GetAttribute("href"));
        Assert.Equal(["/tags/openai/", "/tags/paris/"], page.QuerySelectorAll("a[rel=tag]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void English_article_on_a_french_site_is_marked_and_dated_in_english()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(extra: "lang: en\n"));
        site.BuildSuccessfully();

        var page = site.ParseOutput("2024/09/a/index.html");
        Assert.Equal("en", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Equal("September 25, 2024 at 10:30", page.QuerySelector(".byline time")!.TextContent);
    }

    [Fact]
    public void Base_url_with_a_path_prefixes_every_internal_link_and_image()
    {
        using var site = SiteWithArticles(3, "title: Test\npagination: 2\nbase_url: https://example.github.io/blog/\nmenu:\n  - title: À propos\n    url: /about/\n");
        site.Write("content/posts/linked.md", TestSite.Article(title: "Liens", body: "Voir [l'article 1](/2024/09/article-1/) et ![photo](/images/p.png \"© X\")."));
        site.WriteBytes("content/images/p.png", TestImages.Png(4, 4));
        site.BuildSuccessfully();

        foreach (var file in site.OutputFiles("*.html"))
        {
            var document = site.ParseOutput(file);
            var urls = document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var url in urls)
            {
                Assert.True(url.StartsWith("/blog/", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith('#') || url.StartsWith("mailto:", StringComparison.Ordinal),
                    $"{file}: '{url}' does not respect the base path");
            }
        }

        Assert.Contains("href=\"/blog/2024/09/article-1/\"", site.ReadOutput("2024/09/linked/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Base_url_given_on_the_command_line_wins_over_site_yml()
    {
        using var site = SiteWithArticles(1, "title: Test\nbase_url: https://example.com/\n");
        site.BuildSuccessfully(o => o with { BaseUrl = "https://user.github.io/gazette/" });

        var page = site.ParseOutput("2024/09/article-1/index.html");
        Assert.Equal("https://user.github.io/gazette/2024/09/article-1/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for_with_their_photos()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/draft/index.md", TestSite.Article(extra: "draft: true\n"));
        site.WriteBytes("content/posts/draft/photo.png", TestImages.Png(2, 2));
        site.BuildSuccessfully();
        Assert.False(site.OutputExists("2024/09/draft/index.html"));
        Assert.False(site.OutputExists("2024/09/draft/photo.png"));

        site.BuildSuccessfully(o => o with { IncludeDrafts = true });
        Assert.True(site.OutputExists("2024/09/draft/index.html"));
        Assert.True(site.OutputExists("2024/09/draft/photo.png"));
    }

    [Fact]
    public void Unknown_front_matter_keys_reach_templates_as_params()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(extra: "rating: quatre\n"));
        site.Write("layouts/article.html", "<p id=rating>{{ page.params.rating }}</p>");
        var result = site.BuildSuccessfully();

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.YamlUnknownKey && d.Location.Line == 4);
        Assert.Equal("quatre", site.ParseOutput("2024/09/a/index.html").QuerySelector("#rating")!.TextContent);
    }

    [Fact]
    public void Site_layouts_folder_overrides_the_theme_file_with_the_same_path()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("layouts/partials/footer.html", "<footer id=custom>Pied de page du site</footer>");
        site.BuildSuccessfully();

        Assert.Equal("Pied de page du site", site.ParseOutput("index.html").QuerySelector("#custom")!.TextContent);
    }

    [Fact]
    public void Css_bundle_parts_are_joined_in_order_and_a_site_part_overrides_the_theme_part()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("assets/css/main.css.bundle/10-tokens.css", ":root { --accent: #123456; }");
        site.Write("assets/css/main.css.bundle/95-site.css", ".site-extra { color: red; }");
        site.BuildSuccessfully();

        var css = site.ReadOutput("assets/css/main.css");
        Assert.Contains("--accent: #123456", css, StringComparison.Ordinal);
        Assert.DoesNotContain("--accent: #c8102e", css, StringComparison.Ordinal);
        Assert.True(css.IndexOf(".site-header", StringComparison.Ordinal) < css.IndexOf(".site-extra", StringComparison.Ordinal));
        Assert.False(site.OutputExists("assets/css/main.css.bundle/10-tokens.css"));
    }

    [Fact]
    public void Two_articles_with_the_same_url_are_an_error_naming_both_files()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(extra: "slug: same\n"));
        site.Write("content/posts/b.md", TestSite.Article(extra: "slug: same\n"));
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputCollision);
        Assert.Contains("content/posts/a.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("content/posts/b.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slug_that_tries_to_leave_the_output_folder_is_normalised_inside_it()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(extra: "slug: ../../../evil\n"));
        site.BuildSuccessfully();

        Assert.True(site.OutputExists("2024/09/evil/index.html"));
        Assert.False(File.Exists(Path.Combine(site.Directory, "..", "evil", "index.html")));
    }
}
