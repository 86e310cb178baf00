using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Server;

/// <summary>
/// The dev server renders again exactly the pages that read what an edit changed, whatever the
/// theme reads: each test's theme is a few one-line layouts printing what is asserted, and each
/// asserts the pages an update rendered, then that the output equals a full build.
/// </summary>
public class RecordedReadsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A theme of one line per layout; <paramref name="article"/> is the article layout.</summary>
    private static TestSite MinimalSite(string article, string list = "{{ for a in paginator.items }}{{ a.title }};{{ end }}", string footer = "")
    {
        var site = new TestSite($"""
            -- site.yml --
            title: Test
            base_url: https://example.org/
            minify: false
            -- themes/default/i18n/fr.yml --
            not_found_title: Introuvable
            months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
            month_format: "{"{month} {year}"}"
            -- themes/default/layouts/article.html --
            {article}{footer}
            -- themes/default/layouts/list.html --
            {list}{footer}
            -- themes/default/layouts/page.html --
            {"{{ page.title }}"}{footer}
            -- themes/default/layouts/404.html --
            404{footer}
            """, withDefaultTheme: false);
        for (var i = 1; i <= 4; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-03-0{i}T10:00:00+01:00", extra: "tags: [rust]\n"));
        }

        return site;
    }

    private static SiteSession Session(TestSite site) =>
        new(new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = Now });

    private static BuildResult Edit(TestSite site, SiteSession session, string file, string content)
    {
        site.Write(file, content);
        var result = session.Update([Path.Combine(site.Directory, file)]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.Incremental, "the edit was a full build");
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
        return result;
    }

    [Fact]
    public void A_layout_reading_page_previous_previous_follows_a_title_edit_two_articles_away()
    {
        using var site = MinimalSite("{{ page.title }}<{{ if page.previous && page.previous.previous }}{{ page.previous.previous.title }}{{ end }}>");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        Assert.Equal("Article 3<Article 1>\n", site.ReadOutput("2024/03/a3/index.html"));

        var result = Edit(site, session, "content/posts/a1.md", TestSite.Article(title: "Renamed", date: "2024-03-01T10:00:00+01:00", extra: "tags: [rust]\n"));

        Assert.Equal("Article 3<Renamed>\n", site.ReadOutput("2024/03/a3/index.html"));
        // a1's page, a3's (two articles newer), and the lists printing titles; a2 and a4 read no title of a1.
        Assert.Equal(["2024/03/a1/index.html", "2024/03/a3/index.html", "2024/03/index.html", "2024/index.html", "index.html", "tags/rust/index.html"],
            result.RenderedPages);
    }

    [Fact]
    public void A_body_edit_renders_only_the_pages_that_print_the_body()
    {
        using var site = MinimalSite("{{ page.title }}{{ page.content_html }}");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        var result = Edit(site, session, "content/posts/a2.md", TestSite.Article(title: "Article 2", date: "2024-03-02T10:00:00+01:00",
            extra: "tags: [rust]\n", body: "Nouveau texte."));

        Assert.Equal(["2024/03/a2/index.html"], result.RenderedPages);
        Assert.Contains("Nouveau texte.", site.ReadOutput("2024/03/a2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_figure_in_the_text_reads_is_recorded_for_the_page_it_is_printed_in()
    {
        // The theme fills the figure's place as a1's page renders: its read of the newest article's title is a1's.
        using var site = MinimalSite("{{ page.title }}{{ page.content_html }}");
        site.Write("themes/default/layouts/partials/figure.html", "<figure>{{ model.alt }} / {{ site.articles[0].title }}</figure>");
        site.WriteBytes("content/images/p.png", TestImages.Png(64, 48));
        site.Write("content/posts/a1.md", TestSite.Article(title: "Article 1", date: "2024-03-01T10:00:00+01:00", extra: "tags: [rust]\n",
            body: "![Photo](/images/p.png \"© Agence\")"));
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        Assert.Equal("Article 1<figure>Photo / Article 4</figure>\n\n", site.ReadOutput("2024/03/a1/index.html"));

        var result = Edit(site, session, "content/posts/a4.md", TestSite.Article(title: "Renamed", date: "2024-03-04T10:00:00+01:00", extra: "tags: [rust]\n"));

        Assert.Equal("Article 1<figure>Photo / Renamed</figure>\n\n", site.ReadOutput("2024/03/a1/index.html"));
        Assert.Contains("2024/03/a1/index.html", result.RenderedPages);
        Assert.DoesNotContain("2024/03/a2/index.html", result.RenderedPages);
    }

    [Fact]
    public void A_footer_listing_every_tag_renders_every_page_again_for_a_new_tag_and_no_page_for_a_body_edit()
    {
        const string Footer = "{{ for tag in site.tags.terms }}[{{ tag.name }} {{ tag.count }}]{{ end }}";
        using var site = MinimalSite("{{ page.title }}{{ page.content_html }}", footer: Footer);
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        var body = Edit(site, session, "content/posts/a2.md", TestSite.Article(title: "Article 2", date: "2024-03-02T10:00:00+01:00",
            extra: "tags: [rust]\n", body: "Nouveau texte."));
        Assert.Equal(["2024/03/a2/index.html"], body.RenderedPages);

        var tagged = Edit(site, session, "content/posts/a2.md", TestSite.Article(title: "Article 2", date: "2024-03-02T10:00:00+01:00",
            extra: "tags: [rust, go]\n", body: "Nouveau texte."));
        Assert.Contains("[go 1][rust 4]", site.ReadOutput("2024/03/a4/index.html"), StringComparison.Ordinal);
        Assert.Contains("404.html", tagged.RenderedPages);
        Assert.Contains("tags/go/index.html", tagged.RenderedPages);
        Assert.Equal(OutputSnapshot.Of(site.OutputDirectory).Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal)), tagged.RenderedPages.Count);
    }

    [Fact]
    public void A_layout_listing_the_sites_articles_follows_a_date_that_moves_one()
    {
        using var site = MinimalSite("{{ page.title }}|{{ for a in site.articles }}{{ a.title }};{{ end }}");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        var result = Edit(site, session, "content/posts/a1.md", TestSite.Article(title: "Article 1", date: "2024-03-09T10:00:00+01:00", extra: "tags: [rust]\n"));

        Assert.Equal("Article 2|Article 1;Article 4;Article 3;Article 2;\n", site.ReadOutput("2024/03/a2/index.html"));
        Assert.Contains("2024/03/a3/index.html", result.RenderedPages);
    }

    [Fact]
    public void A_date_that_moves_an_article_links_its_old_and_new_neighbours_again()
    {
        using var site = MinimalSite("{{ page.title }}>{{ if page.next }}{{ page.next.title }}{{ end }}", list: "");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        // a2 moves from between a1 and a3 to the newest place.
        var result = Edit(site, session, "content/posts/a2.md", TestSite.Article(title: "Article 2", date: "2024-03-09T10:00:00+01:00", extra: "tags: [rust]\n"));

        Assert.Equal("Article 1>Article 3\n", site.ReadOutput("2024/03/a1/index.html"));
        Assert.Equal("Article 4>Article 2\n", site.ReadOutput("2024/03/a4/index.html"));
        // a1 and a4 print a new next, a2 its own (none now); a3 still prints a4. (The lists are
        // rendered too: the paginator each is given holds the articles in a new order.)
        Assert.Equal(["2024/03/a1/index.html", "2024/03/a2/index.html", "2024/03/a4/index.html"],
            result.RenderedPages.Where(p => p.Contains("/a", StringComparison.Ordinal)));
    }

    [Fact]
    public void Assigning_to_the_model_in_a_template_is_an_error_at_the_assignment()
    {
        using var site = MinimalSite("{{ page.title }}\n{{ page.word_count = 123456 }}{{ page.word_count }}");
        var result = site.Build(o => o with { Now = Now });

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(4, errors.Count); // one per article
        Assert.All(errors, error =>
        {
            Assert.Equal(DiagnosticCodes.TemplateRuntime, error.Code);
            Assert.Equal(new SourceLocation("themes/default/layouts/article.html", 2, 9), error.Location);
            Assert.StartsWith("'word_count' of document cannot be assigned", error.Message, StringComparison.Ordinal);
        });
        Assert.False(site.OutputExists("2024/03/a1/index.html"));
    }

    [Fact]
    public void Assigning_to_the_site_in_a_template_is_an_error()
    {
        using var site = MinimalSite("{{ site.title = 'x' }}{{ page.title }}");
        var result = site.Build(o => o with { Now = Now });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime && d.Location.Path == "themes/default/layouts/article.html");
    }
}
