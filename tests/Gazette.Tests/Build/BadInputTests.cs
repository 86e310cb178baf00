using System.Diagnostics;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Every bad input gets a clear diagnostic at the right place, exit code 1, and the
/// previous output is left as it was. docs/errors.md lists these cases and messages.</summary>
public class BadInputTests
{
    private const string Path = "content/posts/bad.md";

    public static TheoryData<string, string, string, int, int> FrontMatterCases() => new()
    {
        { "unclosed quote", "---\ntitle: \"Bonjour\ndate: 2024-01-01\n---\n", DiagnosticCodes.YamlSyntax, 2, 8 },
        { "tab indentation", "---\ntitle: T\ndate: 2024-01-01\nimage:\n\tsrc: x.png\n---\n", DiagnosticCodes.YamlSyntax, 5, 1 },
        { "colon in a plain value", "---\ntitle: Foo: bar\ndate: 2024-01-01\n---\n", DiagnosticCodes.YamlSyntax, 2, 11 },
        { "unclosed bracket", "---\ntitle: [oops\ndate: 2024-01-01\n---\n", DiagnosticCodes.YamlSyntax, 2, 8 },
        { "no closing line", "---\ntitle: T\ndate: 2024-01-01\n", DiagnosticCodes.FrontMatterUnclosed, 1, 1 },
        { "empty block", "---\n---\nTexte\n", DiagnosticCodes.YamlSyntax, 1, 1 },
        { "list instead of mapping", "---\n- title\n- date\n---\n", DiagnosticCodes.YamlSyntax, 2, 1 },
        { "duplicate key", "---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n", DiagnosticCodes.YamlDuplicateKey, 4, 1 },
        { "tags is a number", "---\ntitle: T\ndate: 2024-01-01\ntags: 3\n---\n", DiagnosticCodes.YamlWrongType, 4, 7 },
        { "date is a word", "---\ntitle: T\ndate: yesterday\n---\n", DiagnosticCodes.YamlWrongType, 3, 7 },
        { "type tag", "---\ntitle: T\ndate: 2024-01-01\nx: !System.Diagnostics.Process {}\n---\n", DiagnosticCodes.YamlUnsupported, 4, 4 },
        { "self-referencing alias", "---\ntitle: T\ndate: 2024-01-01\na: &x [*x]\n---\n", DiagnosticCodes.YamlUnsupported, 4, 8 },
        { "1000 nested brackets", "---\ntitle: T\ndate: 2024-01-01\nx: " + new string('[', 1000) + new string(']', 1000) + "\n---\n", DiagnosticCodes.YamlUnsupported, 4, 68 },
        { "empty file", "", DiagnosticCodes.YamlSyntax, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(FrontMatterCases))]
    public void Bad_front_matter_is_reported_at_its_line_and_the_other_files_still_build(string name, string text, string code, int line, int column)
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/good.md", TestSite.Article(title: "Bon"));
        site.BuildSuccessfully();
        var before = File.ReadAllText(System.IO.Path.Combine(site.OutputDirectory, "index.html"));
        site.Write(Path, text);
        site.Write("content/posts/other-bad.md", "---\ntitle: X\n---\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Location.Path == Path && d.Severity == Severity.Error);
        Assert.True(error.Code == code, $"{name}: {error}");
        Assert.Equal(new SourceLocation(Path, line, column), error.Location);
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/posts/other-bad.md");
        Assert.Equal(before, File.ReadAllText(System.IO.Path.Combine(site.OutputDirectory, "index.html")));
    }

    [Fact]
    public void Alias_bomb_stays_small_and_fast()
    {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (var c = 'b'; c <= 'j'; c++)
        {
            yaml += $"{c}: &{c} [" + string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9)) + "]\n";
        }

        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write(Path, "---\ntitle: T\ndate: 2024-01-01\n" + yaml + "---\n");
        site.Write("layouts/article.html", "{{ page.title }}");
        var clock = Stopwatch.StartNew();
        var result = site.Build();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(result.Succeeded);
    }

    public static TheoryData<string, string, int, string> PathologicalMarkdown() => new()
    {
        // name, body (it starts at line 6), line reported, message
        { "quotes 1000 deep", "Intro.\n\n" + string.Concat(Enumerable.Repeat("> ", 1000)) + "profond", 8, "lists and quotes nested 1000 deep (at most 64)" },
        { "indented lists 1000 deep", "Intro.\n\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', 2 * i) + "- a\n")), 8, "lists and quotes nested 1000 deep (at most 64)" },
        { "lists on one line", string.Concat(Enumerable.Repeat("- ", 1000)) + "x", 6, "nested 1000 deep" },
        { "ordered lists", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 3 * i) + "1. a\n")), 6, "nested 200 deep" },
        { "unclosed links", "Intro.\n\n" + string.Concat(Enumerable.Repeat("[a](", 50_000)), 8, "links open with '](' and are never closed" },
        { "empty unclosed links", string.Concat(Enumerable.Repeat("[](", 50_000)), 6, "links open with '](' and are never closed" },
        { "a table of 4000 columns", "|" + string.Concat(Enumerable.Repeat("a|", 4000)) + "\n|" + string.Concat(Enumerable.Repeat("-|", 4000)) + "\n" + string.Concat(Enumerable.Repeat("|" + string.Concat(Enumerable.Repeat("a|", 10)) + "\n", 4000)), 7, "a table of 4000 columns (at most 128)" },
        { "emphasis 1000 deep", "Intro.\n\n" + new string('*', 1000) + "a" + new string('*', 1000), 8, "could not be parsed" },
        { "brackets 16000 deep", "Intro.\n\n" + new string('[', 16000) + "a", 8, "could not be parsed" },
    };

    [Theory]
    [MemberData(nameof(PathologicalMarkdown))]
    public void Pathological_markdown_is_an_error_at_the_line_where_it_starts_found_before_any_time_limit(string name, string body, int line, string message)
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write(Path, TestSite.Article(body: body));
        var clock = Stopwatch.StartNew();
        var result = site.Build();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name}: took {clock.Elapsed}");
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(error.Code is DiagnosticCodes.MarkdownTooSlow or DiagnosticCodes.MarkdownFailed, $"{name}: {error}");
        Assert.Equal(new SourceLocation(Path, line, 1), error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_but_real_nesting_links_and_tables_build()
    {
        var nested = string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- niveau\n"));
        var links = string.Concat(Enumerable.Repeat("[lien](https://example.com/) ", 2000));
        var table = "|" + string.Concat(Enumerable.Repeat("a|", 100)) + "\n|" + string.Concat(Enumerable.Repeat("-|", 100)) + "\n";
        var code = "```\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "- [a](\n")) + "```\n";
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write(Path, TestSite.Article(body: $"{nested}\n\n{links}\n\n{table}\n{code}"));

        site.BuildSuccessfully();
    }

    [Fact]
    public void A_50_megabyte_article_is_refused_with_its_size()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write(Path, TestSite.Article(body: new string('a', 50 * 1024 * 1024)));
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.FileTooLarge);
        Assert.Contains("52 MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../x", "x")]
    [InlineData("/etc/x", "etc-x")]
    [InlineData("%2e%2e%2fx", "2e-2e-2fx")]
    [InlineData("a\\\\b", "a-b")]
    [InlineData("CON", "con-page")]
    [InlineData("aux", "aux-page")]
    [InlineData("trailing. ", "trailing")]
    public void Hostile_slugs_are_normalised_into_one_safe_segment(string slug, string expected)
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write(Path, TestSite.Article(extra: $"slug: \"{slug}\"\n"));
        site.BuildSuccessfully();

        Assert.True(site.OutputExists($"2024/09/{expected}/index.html"), string.Join(", ", site.OutputFiles()));
    }

    [Fact]
    public void Slug_with_a_nul_byte_is_an_error_at_its_value()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write(Path, TestSite.Article(extra: "slug: \"a\\0b\"\n"));
        var error = Assert.Single(site.Build().Diagnostics);
        Assert.Equal((DiagnosticCodes.ControlCharacter, new SourceLocation(Path, 4, 7)), (error.Code, error.Location));
    }

    [Fact]
    public void Symbolic_links_pointing_outside_the_site_are_not_followed()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("symbolic links need privileges on Windows");
        }

        using var outside = new TestSite("-- secret.md --\n---\ntitle: Secret\ndate: 2024-01-01\n---\nSECRET\n", withDefaultTheme: false);
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/a.md", TestSite.Article());
        File.CreateSymbolicLink(System.IO.Path.Combine(site.Directory, "content/posts/linked.md"), System.IO.Path.Combine(outside.Directory, "secret.md"));
        Directory.CreateSymbolicLink(System.IO.Path.Combine(site.Directory, "content/posts/linked-dir"), outside.Directory);
        site.BuildSuccessfully();

        Assert.DoesNotContain(site.OutputFiles(), f => f.Contains("secret", StringComparison.Ordinal) || f.Contains("linked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{{ nope_function 1 }}", "nope_function")]
    [InlineData("{{ while true }}x{{ end }}", "loop")]
    [InlineData("{{ 1 // 0 }}", "zero")]
    public void Template_failures_are_diagnostics_never_hangs(string template, string expected)
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("layouts/article.html", "<p>\n" + template + "</p>");
        var clock = Stopwatch.StartNew();
        var result = site.Build();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal("layouts/article.html", error.Location.Path);
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_partial_that_includes_itself_stops_with_a_diagnostic()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("layouts/partials/loop.html", "{{ partial \"loop\" }}");
        site.Write("layouts/article.html", "{{ partial \"loop\" }}");
        var result = site.Build();

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime && d.Message.Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Listing_20000_articles_in_one_loop_works()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.Write("layouts/article.html", "{{ n = 0 }}{{ for i in 1..20000 }}{{ n = n + 1 }}{{ end }}<p id=n>{{ n }}</p>");
        site.BuildSuccessfully();
        Assert.Equal("20000", site.ParseOutput("2024/09/a/index.html").QuerySelector("#n")!.TextContent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Raw_html_and_script_links_follow_the_unsafe_html_switch(bool allowed)
    {
        using var site = new TestSite($"-- site.yml --\ntitle: T\nmarkdown:\n  unsafe_html: {(allowed ? "true" : "false")}\n");
        site.Write(Path, TestSite.Article(body: "<div class=\"embed\" onclick=\"steal()\">iframe</div>\n<script>alert(1)</script>\n\n"
            + "Texte <span class=\"x\" onmouseover=\"steal()\">gras</span> et [clic](javascript:alert(1)) et [data](data:text/html,x)."));
        var result = site.BuildSuccessfully();
        var body = site.ParseOutput("2024/09/bad/index.html").QuerySelector(".article__body")!;

        // Safe HTML stays either way; what can run script stays only when the site trusts its HTML.
        Assert.NotNull(body.QuerySelector("div.embed"));
        Assert.NotNull(body.QuerySelector("span.x"));
        Assert.Equal(allowed, body.QuerySelector("div[onclick]") is not null);
        Assert.Equal(allowed, body.QuerySelector("span[onmouseover]") is not null);
        Assert.Equal(allowed, body.QuerySelector("script") is not null);
        Assert.Equal(allowed, body.QuerySelector("a[href^='javascript']") is not null);
        Assert.Contains("clic", body.TextContent, StringComparison.Ordinal);
        Assert.Equal(allowed ? 0 : 4, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnsafeMarkup));
    }

    [Fact]
    public void Parallel_and_sequential_builds_write_identical_bytes()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        for (var i = 0; i < 12; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-0{1 + (i % 9)}-1{i % 10}", extra: $"tags: [T{i % 3}, Commun]\n"));
        }

        site.BuildSuccessfully(o => o with { Minify = true });
        var parallel = OutputSnapshot.Of(site.OutputDirectory);
        site.BuildSuccessfully(o => o with { Minify = true, MaxParallelism = 1 });
        Assert.Equal(parallel, OutputSnapshot.Of(site.OutputDirectory));
    }

    [Fact]
    public void Killing_a_build_while_it_writes_leaves_the_previous_site_complete()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\npagination: 1\n");
        for (var i = 0; i < 150; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-01-01T{i / 60:D2}:{i % 60:D2}:00Z", extra: "tags: [Un, Deux]\n"));
        }

        // Both references are built as the command line builds (site.yml's minify, not the tests' default).
        site.BuildSuccessfully(o => o with { Minify = null });
        var before = OutputSnapshot.Of(site.OutputDirectory);
        for (var i = 0; i < 150; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Changé {i}", date: $"2024-01-01T{i / 60:D2}:{i % 60:D2}:00Z", extra: "tags: [Un, Deux]\n"));
        }

        // The new site, whole, as a build that is not killed writes it (elsewhere).
        var elsewhere = site.Directory + "-after";
        site.BuildSuccessfully(o => o with { OutputDirectory = elsewhere, Minify = null });
        var after = OutputSnapshot.Of(elsewhere);
        Directory.Delete(elsewhere, recursive: true);
        Assert.NotEqual(before, after);

        var cli = System.IO.Path.Combine(AppContext.BaseDirectory, "Gazette.Cli.dll");
        foreach (var delay in new[] { 250, 500, 800, 1100 })
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "build", "--source", site.Directory, "--quiet"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            Thread.Sleep(delay);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            // Killed before the swap: the old site, whole. After it: the new site, whole. Never a mix.
            var now = OutputSnapshot.Of(site.OutputDirectory);
            bool Is(Dictionary<string, string> whole) => now.Count == whole.Count && now.All(f => whole.GetValueOrDefault(f.Key) == f.Value);
            Assert.True(Is(before) || Is(after), $"killed after {delay} ms: {now.Count} files, neither the old site nor the new one");
        }

        site.BuildSuccessfully();
        Assert.Empty(Directory.EnumerateDirectories(site.Directory, "._site.*"));
    }

}
