using System.Xml.Linq;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>File names from the outside world: spaces, URL punctuation, emoji, links leading out
/// of the site, and names that differ only in Unicode normalization.</summary>
public class FileNameTests
{
    private const string Name = "a b#c?d%e 😀.svg";
    private const string Encoded = "a%20b%23c%3Fd%25e%20%F0%9F%98%80.svg";

    [Fact]
    public void Photo_with_url_punctuation_in_its_name_is_percent_encoded_everywhere_it_is_linked()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\nbase_url: https://example.org/blog/\n");
        site.Write($"content/posts/a/{Name}", TestImages.Svg(40, 30));
        site.Write("content/posts/a/index.md", TestSite.Article(
            extra: $"image:\n  src: \"{Encoded}\"\n  alt: Une photo\n  credit: Jane\n",
            body: $"![Une autre](<{Encoded}> \"Légende © Jane\")"));

        site.BuildSuccessfully();

        var url = "https://example.org/blog/2024/09/a/" + Encoded;
        var page = site.ParseOutput("2024/09/a/index.html");
        Assert.Equal(url, page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.All(page.QuerySelectorAll("img"), img => Assert.Equal("/blog/2024/09/a/" + Encoded, img.GetAttribute("src")));
        Assert.Equal(2, page.QuerySelectorAll("img").Length);
        Assert.Contains($"\"{url}\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        XNamespace image = "http://www.google.com/schemas/sitemap-image/1.1";
        Assert.Contains(url, XDocument.Parse(site.ReadOutput("sitemap.xml")).Descendants(image + "loc").Select(l => l.Value));
        XNamespace media = "http://search.yahoo.com/mrss/";
        Assert.Equal(url, XDocument.Parse(site.ReadOutput("feed.xml")).Descendants(media + "content").Single().Attribute("url")!.Value);
        Assert.True(site.OutputExists($"2024/09/a/{Name}"));
    }

    [Fact]
    public void Photo_that_is_a_link_out_of_the_site_is_never_read()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        using var outside = new TestSite("", withDefaultTheme: false);
        outside.WriteBytes("secret.png", TestImages.Png(31, 17));
        site.Write("content/posts/a/index.md", TestSite.Article(body: "![Une photo](photo.png \"Légende © Jane\")"));
        Directory.CreateDirectory(Path.Combine(site.Directory, "content/posts/a"));
        File.CreateSymbolicLink(Path.Combine(site.Directory, "content/posts/a/photo.png"), Path.Combine(outside.Directory, "secret.png"));

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.ImageMissing, 6), (error.Code, error.Location.Line));
        Assert.Contains("symbolic link to a file outside the site", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Static_files_whose_names_differ_only_in_normalization_collide()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("content/images/caf\u00e9.svg", TestImages.Svg(4, 4)); // NFC, as Linux editors write it
        site.Write("content/images/cafe\u0301.svg", TestImages.Svg(8, 8)); // NFD, as macOS writes it

        var result = site.Build();

        var collision = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputCollision);
        Assert.Equal(Severity.Error, collision.Severity);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Names_with_and_without_an_accent_are_two_files()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("content/images/caf\u00e9.svg", TestImages.Svg(4, 4));
        site.Write("content/images/cafe.svg", TestImages.Svg(8, 8));

        site.BuildSuccessfully();

        Assert.True(site.OutputExists("images/caf\u00e9.svg"));
        Assert.True(site.OutputExists("images/cafe.svg"));
    }
}
