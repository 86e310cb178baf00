using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Values from front matter and site.yml are escaped wherever a template prints them.</summary>
public class EscapingTests
{
    private const string Canary = "\"'><x-canary>";

    [Fact]
    public void Canary_in_every_field_never_reaches_any_page_as_markup()
    {
        // YAML double-quoted strings: the canary's own double quote is escaped as \".
        const string yaml = "\"\\\"'><x-canary>\"";
        var inTitle = Canary.Replace("\"", "&quot;", StringComparison.Ordinal);
        using var site = new TestSite($$"""
            -- site.yml --
            title: {{yaml}}
            description: {{yaml}}
            copyright: {{yaml}}
            menu:
              - title: {{yaml}}
                url: /about/
            authors:
              canary:
                name: {{yaml}}
                bio: {{yaml}}
            -- content/posts/canary/index.md --
            ---
            title: {{yaml}}
            date: 2024-09-25T10:30:00+02:00
            summary: {{yaml}}
            author: canary
            category: {{yaml}}
            tags: [{{yaml}}, ordinaire]
            image:
              src: photo.png
              alt: {{yaml}}
              caption: {{yaml}}
              credit: {{yaml}}
            review:
              name: {{yaml}}
              features: [{{yaml}}]
              pros: [{{yaml}}]
              cons: [{{yaml}}]
              score: 5
              verdict: {{yaml}}
            sources: [{{yaml}}, { name: {{yaml}}, url: "https://example.com/?a=1&b=2" }]
            ---

            ![x](photo.png "{{inTitle}} © {{inTitle}}")
            -- content/pages/about.md --
            ---
            title: {{yaml}}
            summary: {{yaml}}
            ---
            About.
            """);
        site.WriteBytes("content/posts/canary/photo.png", TestImages.Png(10, 10));
        site.BuildSuccessfully();

        var pages = site.OutputFiles("*.html").ToList();
        Assert.True(pages.Count >= 8, $"expected the article, lists, terms and 404 pages, found {pages.Count}");
        foreach (var page in pages)
        {
            var html = site.ReadOutput(page);
            Assert.DoesNotContain("<x-canary>", html, StringComparison.Ordinal);
        }

        // And the text itself is shown, escaped, not dropped (with the site's French typography).
        var shown = Gazette.Markdown.Typography.TypographyRules.Apply(Canary, Gazette.Markdown.Typography.TypographyMode.French);
        var article = site.ParseOutput("2024/09/canary/index.html");
        Assert.Equal(shown, article.QuerySelector("h1")!.TextContent);
        Assert.Equal(shown, article.QuerySelector(".lead")!.TextContent);
        Assert.Contains("x-canary", article.QuerySelector(".figure--cover .credit")!.TextContent, StringComparison.Ordinal);
    }
}
