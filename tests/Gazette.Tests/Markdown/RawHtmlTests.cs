using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Markdown;

/// <summary>
/// Raw HTML in an article, as imported blogs have it, through the allowlist (the default): safe
/// elements stay with their text, players from known hosts stay, everything that can run script or
/// load a foreign frame goes with a warning at its line. The site's layout prints the body only.
/// </summary>
public class RawHtmlTests
{
    private static (string Body, List<Diagnostic> Warnings) Render(string markdown, string baseUrl = "https://example.org/") =>
        Render(markdown, baseUrl, _ => { });

    private static (string Body, List<Diagnostic> Warnings) Render(string markdown, string baseUrl, Action<TestSite> addFiles)
    {
        using var site = new TestSite($"""
            -- site.yml --
            title: T
            base_url: {baseUrl}
            -- layouts/baseof.html --
            {"{{ content }}"}
            -- layouts/article.html --
            {"{{ page.content_html }}"}
            """);
        site.Write("content/posts/a.md", TestSite.Article(body: markdown));
        addFiles(site);
        var result = site.BuildSuccessfully();
        return (site.ReadOutput("2024/09/a/index.html").Trim(), [.. result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnsafeMarkup)]);
    }

    [Fact]
    public void Safe_elements_keep_their_text_and_attributes()
    {
        var (body, warnings) = Render("""
            <blockquote class="twitter"><p>Une citation entière, avec ses mots.</p></blockquote>

            <figure><img src="https://example.org/a.png" alt="A"><figcaption>Légende</figcaption></figure>

            Appuyez sur <kbd>Ctrl</kbd>, 10<sup>3</sup><br>fin.
            """);

        Assert.Equal("""
            <blockquote class="twitter"><p>Une citation entière, avec ses mots.</p></blockquote>
            <figure><img src="https://example.org/a.png" alt="A"><figcaption>Légende</figcaption></figure>
            <p>Appuyez sur <kbd>Ctrl</kbd>, 10<sup>3</sup><br>fin.</p>
            """.ReplaceLineEndings("\n"), body.ReplaceLineEndings("\n"));
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_player_from_a_known_host_stays_and_any_other_frame_goes_with_a_warning_at_its_line()
    {
        var (body, warnings) = Render("""
            <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Vidéo" allowfullscreen></iframe>

            <iframe src="https://evil.example/x"></iframe>
            """);

        Assert.Contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Vidéo\" allowfullscreen=\"\"></iframe>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        var warning = Assert.Single(warnings);
        Assert.Equal((8, 1), (warning.Location.Line, warning.Location.Column));
        Assert.Contains("<iframe> from evil.example left out", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_and_event_handlers_go_and_each_is_named()
    {
        var (body, warnings) = Render("""
            <div class="note" onclick="steal()">Note <script>steal()</script><a href="javascript:steal()">lien</a></div>
            """);

        Assert.Equal("<div class=\"note\">Note <a>lien</a></div>", body);
        var warning = Assert.Single(warnings);
        Assert.Contains("<script>", warning.Message, StringComparison.Ordinal);
        Assert.Contains("onclick on <div>", warning.Message, StringComparison.Ordinal);
        Assert.Contains("href on <a>", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_and_photos_in_kept_html_are_treated_as_markdown_ones()
    {
        var (body, _) = Render("""
            <p><a href="/about/">À propos</a> <img src="/images/logo.png" alt="Logo"> <img src="https://example.com/x.png" alt="X"></p>
            """, "https://example.org/blog/", site => site.WriteBytes("content/images/logo.png", TestImages.Png(40, 20)));

        // The base path, as Markdown links get it; the photo's size read from its file.
        Assert.Equal("<p><a href=\"/blog/about/\">À propos</a> <img src=\"/blog/images/logo.png\" alt=\"Logo\" width=\"40\" height=\"20\"> <img src=\"https://example.com/x.png\" alt=\"X\"></p>", body);
    }

    [Fact]
    public void A_missing_photo_in_kept_html_is_an_error_at_its_line()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/a.md", TestSite.Article(body: "Texte.\n\n<div><img src=\"absente.png\" alt=\"\"></div>"));

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImageMissing);
        Assert.Equal((Severity.Error, 8), (error.Severity, error.Location.Line));
        Assert.Contains("absente.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_that_wraps_markdown_keeps_its_open_and_end_tags_in_their_blocks()
    {
        var (body, warnings) = Render("""
            <figure class="chart">

            *Le graphique*

            <figcaption>Légende du graphique</figcaption>
            </figure>
            """);

        Assert.Equal("""
            <figure class="chart">
            <p><em>Le graphique</em></p>
            <figcaption>Légende du graphique</figcaption>
            </figure>
            """.ReplaceLineEndings("\n"), body.ReplaceLineEndings("\n"));
        Assert.Empty(warnings);
    }
}
