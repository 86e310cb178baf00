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

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
