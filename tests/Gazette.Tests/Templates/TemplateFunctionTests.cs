using Gazette.Diagnostics;
using Gazette.Templates;
using Gazette.Tests.Support;

namespace Gazette.Tests.Templates;

/// <summary>The functions Gazette gives templates, the cached partials and the minified template text.</summary>
public class TemplateFunctionTests
{
    private static TestSite SiteWithArticles(params string[] titles)
    {
        var site = new TestSite("-- site.yml --\ntitle: Test\nminify: false\n");
        for (var i = 0; i < titles.Length; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: titles[i], date: $"2024-09-2{i}T10:30:00+02:00"));
        }

        return site;
    }

    [Fact]
    public void Cached_partial_is_rendered_once_per_model_and_reused_on_other_pages()
    {
        // "stamp" prints the page it is first rendered for: a cached copy shows that page's title
        // on every later page (which is how a cached partial must not be used, and how this test
        // sees the cache at work). Pages render in parallel, so either page may come first.
        using var site = SiteWithArticles("Premier", "Second");
        site.Write("layouts/partials/stamp.html", "[{{ model.title }} seen on {{ page.title }}]");
        site.Write("layouts/partials/own.html", "({{ model.title }})");
        site.Write("layouts/article.html",
            "<p id=\"cached\">{{ partial_cached \"stamp\" site.articles[0] }}</p><p id=\"plain\">{{ partial \"stamp\" site.articles[0] }}</p><p id=\"own\">{{ partial_cached \"own\" page }}</p>");
        site.BuildSuccessfully();

        var first = site.ParseOutput("2024/09/a0/index.html");
        var second = site.ParseOutput("2024/09/a1/index.html");
        var cached = first.GetElementById("cached")!.TextContent;
        Assert.Equal(cached, second.GetElementById("cached")!.TextContent);
        Assert.True(cached is "[Second seen on Premier]" or "[Second seen on Second]", cached);
        Assert.Equal("[Second seen on Premier]", first.GetElementById("plain")!.TextContent);
        Assert.Equal("[Second seen on Second]", second.GetElementById("plain")!.TextContent);
        // One entry per model: each page's own card is its own.
        Assert.Equal("(Premier)", first.GetElementById("own")!.TextContent);
        Assert.Equal("(Second)", second.GetElementById("own")!.TextContent);
    }

    [Fact]
    public void Partial_prints_the_same_whether_printed_where_called_assigned_or_piped_and_a_layout_reaches_baseof_whole()
    {
        // Printed where called, a partial writes straight into the page; assigned or piped it
        // returns its HTML; the layout's output reaches baseof.html as 'content' without a copy.
        using var site = SiteWithArticles("Premier");
        site.Write("layouts/partials/chip.html", "<b>{{ model.title }}</b>");
        site.Write("layouts/article.html",
            "<p id=\"direct\">{{ partial \"chip\" page }}</p>{{ kept = partial \"chip\" page }}<p id=\"assigned\">{{ kept }}</p>"
            + "<p id=\"piped\">{{ partial \"chip\" page | string.size }}</p><p id=\"inside\">{{ if true }}{{ partial \"chip\" page }}{{ end }}</p>");
        site.Write("layouts/baseof.html", "<main>{{ content }}</main><footer>{{ content | string.size }}</footer>");
        site.BuildSuccessfully();

        var page = site.ParseOutput("2024/09/a0/index.html");
        Assert.Equal("<b>Premier</b>", page.GetElementById("direct")!.InnerHtml);
        Assert.Equal("<b>Premier</b>", page.GetElementById("assigned")!.InnerHtml);
        Assert.Equal("14", page.GetElementById("piped")!.TextContent);
        Assert.Equal("<b>Premier</b>", page.GetElementById("inside")!.InnerHtml);
        var main = page.QuerySelector("main")!;
        Assert.Equal(4, main.Children.Length);
        Assert.Equal(main.InnerHtml.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public void Cached_partial_is_kept_apart_by_language_and_variant()
    {
        using var site = SiteWithArticles("Premier");
        site.Write("content/posts/en.md", TestSite.Article(title: "English", extra: "lang: en\n", date: "2024-09-01T10:00:00+02:00"));
        site.Write("layouts/partials/word.html", "<i>{{ t \"home\" }}</i>");
        site.Write("layouts/article.html", "{{ partial_cached \"word\" site }}{{ partial_cached \"word\" site \"other\" }}");
        site.BuildSuccessfully();

        Assert.Contains("<i>Accueil</i><i>Accueil</i>", site.ReadOutput("2024/09/a0/index.html"), StringComparison.Ordinal);
        Assert.Contains("<i>Home</i><i>Home</i>", site.ReadOutput("2024/09/en/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Function_called_with_the_wrong_number_of_arguments_is_an_error_at_its_position()
    {
        using var site = SiteWithArticles("Premier");
        site.Write("layouts/article.html", "<p>\n  {{ plural 3 }}</p>");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        // Scriban checks the count against the function's declared parameters, at the call.
        Assert.Equal(("layouts/article.html", 2), (error.Location.Path, error.Location.Line));
        Assert.Contains("expecting `2` arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_called_with_too_many_arguments_is_an_error_at_its_name()
    {
        using var site = SiteWithArticles("Premier");
        site.Write("layouts/article.html", "<p>\n  {{ t \"home\" \"de trop\" }}</p>");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal(new SourceLocation("layouts/article.html", 2, 6), error.Location);
        Assert.Contains("'t' takes 1 argument, not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_function_given_text_says_it_needs_a_date()
    {
        using var site = SiteWithArticles("Premier");
        site.Write("layouts/article.html", "{{ date_long page.title }}");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal(new SourceLocation("layouts/article.html", 1, 4), error.Location);
        Assert.Contains("'date_long' needs a date, got String", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ul>\n    <li>a</li>\n    <li>b</li>\n</ul>\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")]
    [InlineData("<p>deux   mots</p>", "<p>deux mots</p>")]
    [InlineData("<p>a<!-- note du thème -->b</p>", "<p>ab</p>")]
    [InlineData("<!--[if IE]>x<![endif]-->", "<!--[if IE]>x<![endif]-->")]
    [InlineData("<pre>  un\n    deux</pre>\n  <p>x</p>", "<pre>  un\n    deux</pre>\n<p>x</p>")]
    [InlineData("<script>\n  let a = '  b';\n</script>", "<script>\n  let a = '  b';\n</script>")]
    [InlineData("<p>1\u00A0000</p>", "<p>1\u00A0000</p>")]
    public void Template_text_whitespace_collapses_outside_preformatted_elements(string template, string expected)
    {
        string? inside = null;
        Assert.Equal(expected, TemplateWhitespace.Collapse(template, ref inside));
        Assert.Null(inside);
    }

    [Fact]
    public void Preformatted_element_split_by_an_expression_keeps_its_whitespace_on_both_sides()
    {
        string? inside = null;
        Assert.Equal("<pre class=\"", TemplateWhitespace.Collapse("<pre class=\"", ref inside));
        Assert.Equal("pre", inside);
        Assert.Equal("\">  a\n  b</pre>\n<p>", TemplateWhitespace.Collapse("\">  a\n  b</pre>\n   <p>", ref inside));
        Assert.Null(inside);
    }

    [Fact]
    public void Minified_site_keeps_a_template_pre_block_and_an_article_code_block_exactly()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(body: "```\n  deux espaces\n    quatre\n```\n"));
        site.Write("layouts/article.html", "<div>\n    <pre>  gardé\n   tel quel</pre>\n    {{ page.content_html }}\n</div>");
        site.BuildSuccessfully(o => o with { Minify = true });

        var html = site.ReadOutput("2024/09/a/index.html");
        Assert.Contains("<div>\n<pre>  gardé\n   tel quel</pre>\n", html, StringComparison.Ordinal);
        Assert.Equal("  deux espaces\n    quatre\n", site.ParseOutput("2024/09/a/index.html").QuerySelector("pre code")!.TextContent);
    }
}
