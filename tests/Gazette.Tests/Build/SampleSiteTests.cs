using System.Text.Json;
using AngleSharp.Html.Parser;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>The repository's own sample site builds cleanly with every expected page.</summary>
public sealed class SampleSiteTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "gazette-tests", "sample-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Sample_site_builds_with_no_error_and_every_expected_page()
    {
        var result = SiteBuilder.Build(new BuildOptions { SourceDirectory = TestSite.RepositoryRoot, OutputDirectory = _output });

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(result.PagesByKind["articles"] >= 6);
        foreach (var path in new[]
        {
            "index.html", "404.html", "about/index.html", "2024/09/openai-ouvre-un-bureau-a-paris/index.html",
            "2024/09/openai-ouvre-un-bureau-a-paris/paris.jpg", "en/index.html", "en/2024/11/rust-2024-edition/index.html",
            "en/2024/09/openai-opens-an-office-in-paris/index.html", "en/2024/09/openai-opens-an-office-in-paris/paris.jpg", "en/about/index.html",
            "categories/intelligence-artificielle/index.html", "tags/openai/index.html", "assets/css/main.css",
        })
        {
            Assert.True(File.Exists(Path.Combine(_output, path)), $"missing {path}");
        }

        Assert.False(Directory.Exists(Path.Combine(_output, "2024/11/brouillon-casque-vr")), "the draft must not be published");
        var html = File.ReadAllText(Path.Combine(_output, "2024/09/openai-ouvre-un-bureau-a-paris/index.html"));
        Assert.Contains("© Rokas Tenys / Shutterstock", html, StringComparison.Ordinal);
        Assert.Contains("© Pixabay", html, StringComparison.Ordinal);
    }

    /// <summary>The properties search engines require of each type the site writes (Google's
    /// structured data documentation), as paths into the node.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["NewsArticle"] = ["headline", "datePublished", "author", "publisher.name", "image", "url", "inLanguage"],
        ["WebPage"] = ["name", "url", "inLanguage"],
        ["WebSite"] = ["@id", "name", "url", "publisher"],
        ["Organization"] = ["name", "url", "logo.url"],
        ["CollectionPage"] = ["name", "url", "isPartOf", "mainEntity.itemListElement"],
        ["ProfilePage"] = ["name", "url", "mainEntity.name", "mainEntity.@type"],
        ["SearchResultsPage"] = ["name", "url"],
        ["BreadcrumbList"] = ["itemListElement"],
    };

    [Fact]
    public void Every_json_ld_block_of_the_sample_parses_with_known_types_and_their_required_properties()
    {
        // With Pagefind (npm ci at the root; .ci/run does), the sample has its search pages too.
        var pagefind = Pagefind.Find(TestSite.RepositoryRoot).Program;
        SiteBuilder.Build(new BuildOptions { SourceDirectory = TestSite.RepositoryRoot, OutputDirectory = _output, Pagefind = pagefind });
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories).Where(p => !p.EndsWith("404.html", StringComparison.Ordinal)
            && !File.ReadAllText(p).Contains("http-equiv=\"refresh\"", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(pages.Count > 50);
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in pages)
        {
            var page = Path.GetRelativePath(_output, path);
            var block = Assert.Single(parser.ParseDocument(File.ReadAllText(path)).QuerySelectorAll("script[type='application/ld+json']"));
            using var json = JsonDocument.Parse(block.TextContent);
            foreach (var node in json.RootElement.GetProperty("@graph").EnumerateArray())
            {
                var type = node.GetProperty("@type").GetString()!;
                Assert.True(Required.TryGetValue(type, out var required), $"{page}: unexpected type {type}");
                types.Add(type);
                foreach (var property in required)
                {
                    var value = property.Split('.').Aggregate((JsonElement?)node, (at, name) => at is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null);
                    Assert.True(value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined }, $"{page}: {type} has no {property}");
                }

                if (type == "BreadcrumbList")
                {
                    Assert.All(node.GetProperty("itemListElement").EnumerateArray(), item =>
                        Assert.StartsWith("https://example.github.io/gazette/", item.GetProperty("item").GetString(), StringComparison.Ordinal));
                }
            }
        }

        Assert.Equal(Required.Keys.Where(t => pagefind is not null || t != "SearchResultsPage").Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sample_in_french_and_english_links_each_translation_with_hreflang()
    {
        SiteBuilder.Build(new BuildOptions { SourceDirectory = TestSite.RepositoryRoot, OutputDirectory = _output });
        var parser = new HtmlParser();
        foreach (var path in new[] { "2024/09/openai-ouvre-un-bureau-a-paris/index.html", "en/2024/09/openai-opens-an-office-in-paris/index.html" })
        {
            var links = parser.ParseDocument(File.ReadAllText(Path.Combine(_output, path))).QuerySelectorAll("link[rel=alternate][hreflang]")
                .Select(l => $"{l.GetAttribute("hreflang")} {l.GetAttribute("href")}");
            Assert.Equal([
                "fr https://example.github.io/gazette/2024/09/openai-ouvre-un-bureau-a-paris/",
                "en https://example.github.io/gazette/en/2024/09/openai-opens-an-office-in-paris/",
                "x-default https://example.github.io/gazette/2024/09/openai-ouvre-un-bureau-a-paris/"], links);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
