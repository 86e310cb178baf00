using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Template mistakes are reported at the template's own line and column.</summary>
public class TemplateErrorTests
{
    private static TestSite SiteWithLayout(string layoutPath, string layout)
    {
        var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write(layoutPath, layout);
        return site;
    }

    [Fact]
    public void Syntax_error_in_a_template_is_reported_at_its_line_and_column()
    {
        using var site = SiteWithLayout("layouts/article.html", "<h1>{{ page.title }}</h1>\n<p>{{ page.summary | }}</p>\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.Equal(new SourceLocation("layouts/article.html", 2, 22), error.Location);
        Assert.Contains("Expecting <expression>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_member_is_an_error_at_the_template_position_naming_the_page()
    {
        using var site = SiteWithLayout("layouts/article.html", "<h1>{{ page.title }}</h1>\n<p>{{ page.titel }}</p>\n");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal(new SourceLocation("layouts/article.html", 2, 12), error.Location);
        Assert.Contains("titel", error.Message, StringComparison.Ordinal);
        Assert.Contains("content/posts/a.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_variable_is_an_error_not_an_empty_string()
    {
        using var site = SiteWithLayout("layouts/article.html", "<h1>{{ titre }}</h1>\n");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal(new SourceLocation("layouts/article.html", 1, 8), error.Location);
    }

    [Fact]
    public void Error_inside_a_partial_names_the_partial_and_the_template_that_included_it()
    {
        using var site = SiteWithLayout("layouts/partials/figure.html", "{{ model.nope }}");
        site.Write("layouts/article.html", "<div>\n{{ partial \"figure\" page.cover_or_nothing }}</div>");
        site.Write("layouts/partials/oops.html", "<b>\n  {{ model.missing_member }}</b>");
        site.Write("layouts/page.html", "{{ page.title }}");
        site.Write("layouts/article.html", "<div>\n  {{ partial \"oops\" page }}</div>");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal(new SourceLocation("layouts/partials/oops.html", 2, 12), error.Location);
        Assert.Contains("included from layouts/article.html:2:6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_partial_is_an_error_and_cannot_escape_the_theme()
    {
        using var site = SiteWithLayout("layouts/article.html", "{{ partial \"../../../etc/passwd\" }}");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_text_is_never_run_as_a_template()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(body: "Helm écrit `{{ .Values.image }}` et {{ page.title }} reste du texte.\n\n```\n{% raw %}{{ x }}\n```"));
        site.BuildSuccessfully();

        var body = site.ParseOutput("2024/09/a/index.html").QuerySelector(".article__body")!;
        Assert.Contains("{{ page.title }} reste du texte", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("{{ .Values.image }}", body.QuerySelector("code")!.TextContent);
        Assert.Contains("{% raw %}{{ x }}", body.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_over_one_megabyte_renders_whole()
    {
        var paragraph = new string('a', 1000) + "\n\n";
        var body = string.Concat(Enumerable.Repeat(paragraph, 1200)) + "FIN-DE-L-ARTICLE";
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(body: body));
        site.BuildSuccessfully();

        var html = site.ReadOutput("2024/09/a/index.html");
        Assert.True(html.Length > 1_100_000);
        Assert.Contains("FIN-DE-L-ARTICLE", html, StringComparison.Ordinal);
    }
}
