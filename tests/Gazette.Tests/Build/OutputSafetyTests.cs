using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>A failed build loses nothing; the output folder is replaced in one step.</summary>
public class OutputSafetyTests
{
    [Fact]
    public void Failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(title: "Version 1"));
        site.BuildSuccessfully();
        var before = OutputSnapshot.Of(site.OutputDirectory);

        site.Write("content/posts/a.md", TestSite.Article(title: "Version 2"));
        site.Write("content/posts/broken.md", "---\ntitle: [unclosed\n---\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(before, OutputSnapshot.Of(site.OutputDirectory));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, "._site.staging")));
    }

    [Theory]
    [InlineData("a.html\nb/index.html\nz.xml\n")]
    [InlineData("z.xml\na.html\nb/index.html\na.html\n")] // not sorted, a line twice: someone edited it
    public void Update_in_place_keeps_the_manifest_sorted_with_the_files_added_and_without_those_deleted(string manifest)
    {
        var output = Directory.CreateTempSubdirectory("gazette-manifest-");
        try
        {
            File.WriteAllText(Path.Combine(output.FullName, Gazette.Output.OutputWriter.ManifestName), manifest);
            var writer = new Gazette.Output.OutputWriter(output.FullName, inPlace: true);
            writer.WriteText("c/index.html", "<p>c</p>", "test");
            writer.WriteText("a.html", "<p>a</p>", "test");
            writer.DeleteStale("b/index.html");
            writer.UpdateManifest();
            writer.Commit();

            Assert.Equal("a.html\nc/index.html\nz.xml\n", File.ReadAllText(Path.Combine(output.FullName, Gazette.Output.OutputWriter.ManifestName)));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void Successful_build_replaces_the_output_and_drops_stale_files()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien"));
        site.BuildSuccessfully();
        File.Delete(Path.Combine(site.Directory, "content/posts/old.md"));
        site.Write("content/posts/new.md", TestSite.Article(title: "Nouveau"));
        site.BuildSuccessfully();

        Assert.False(site.OutputExists("2024/09/old/index.html"));
        Assert.True(site.OutputExists("2024/09/new/index.html"));
        Assert.Empty(Directory.EnumerateDirectories(site.Directory, "._site.*"));
    }

    [Fact]
    public void Every_error_of_a_build_is_reported_not_just_the_first()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", "---\ntitle: A\n---\n");
        site.Write("content/posts/b.md", "---\ndate: 2024-01-01\n---\n");
        site.Write("content/posts/c.md", TestSite.Article(body: "![x](missing.png)"));
        var result = site.Build();

        Assert.Equal(
            ["content/posts/a.md", "content/posts/b.md", "content/posts/c.md"],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Location.Path).Distinct());
    }

    [Fact]
    public void Minified_build_is_smaller_and_keeps_the_same_content()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(title: "Titre minifié", body: "Un  paragraphe\n\n> Une citation"));
        site.BuildSuccessfully();
        var readable = site.ReadOutput("2024/09/a/index.html");
        var readableCss = site.ReadOutput("assets/css/main.css");
        site.BuildSuccessfully(o => o with { Minify = true });
        var minified = site.ReadOutput("2024/09/a/index.html");

        Assert.True(minified.Length < readable.Length, $"{minified.Length} vs {readable.Length}");
        Assert.DoesNotContain("\n  ", minified, StringComparison.Ordinal);
        Assert.Contains("\n  ", readable, StringComparison.Ordinal);
        Assert.True(site.ReadOutput("assets/css/main.css").Length < readableCss.Length * 0.9);
        var document = site.ParseOutput("2024/09/a/index.html");
        Assert.Equal("Titre minifié", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector(".article__body blockquote"));
    }

    [Fact]
    public void Asset_that_nuglify_cannot_minify_is_kept_as_is_with_a_warning_at_its_position()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("assets/js/broken.js", "function ( {");
        var result = site.BuildSuccessfully(o => o with { Minify = true });

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MinifyFailed);
        Assert.Equal(new SourceLocation("assets/js/broken.js", 1, 10), warning.Location);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("function ( {", site.ReadOutput("assets/js/broken.js"));
    }

}
