using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gazette;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown;
using Gazette.Markdown.Typography;
using Gazette.Model;
using Gazette.Output;
using Markdig;

namespace Gazette.Microbenchmarks;

/// <summary>The repository's sample site: its fullest article (every feature) is the input, unless
/// BENCH_ARTICLE names another file (an article of the generated benchmark corpus, say).</summary>
internal static class SampleSite
{
    public static string Root { get; } = FindRoot();

    public static string ArticlePath => Environment.GetEnvironmentVariable("BENCH_ARTICLE") ?? Path.Combine(Root, "content", "posts", "guide-ia-locale", "index.md");

    private static string FindRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "site.yml")) && Directory.Exists(Path.Combine(directory, "themes")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("run from inside the Gazette repository");
    }
}

/// <summary>Front matter and Markdown of one article, against Markdig alone as the floor.</summary>
[MemoryDiagnoser]
public class ArticleBenchmarks
{
    private string _text = "";
    private ParsedSource _parsed = null!;
    private MarkdownRenderer _renderer = null!;
    private MarkdownContext _context = null!;
    private Markdig.MarkdownPipeline _markdigOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(SampleSite.ArticlePath);
        var diagnostics = new DiagnosticBag();
        _parsed = FrontMatterParser.Parse(_text, "guide-ia-locale/index.md", TimeZoneInfo.Utc, diagnostics)!;
        var config = SiteConfigLoader.Load(SampleSite.Root, diagnostics)!;
        var urls = new SiteUrls(config);
        var images = new ImageResolver(Path.Combine(SampleSite.Root, "content"), urls);
        // The theme fills the figures' places with the pages: measured there.
        _renderer = new MarkdownRenderer(images, urls, _ => "Lien");
        var folder = Path.GetDirectoryName(SampleSite.ArticlePath)!;
        _context = new MarkdownContext("guide-ia-locale/index.md", _parsed.BodyLineOffset,
            new DocumentPlace(folder, folder, "2024/10/guide-ia-locale/"), "fr", TypographyMode.French);
        _markdigOnly = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    }

    [Benchmark(Description = "front matter (YAML → FrontMatter)")]
    public object? FrontMatter() => FrontMatterParser.Parse(_text, "guide-ia-locale/index.md", TimeZoneInfo.Utc, new DiagnosticBag());

    [Benchmark(Baseline = true, Description = "Markdig alone, advanced extensions")]
    public string MarkdigOnly() => Markdig.Markdown.ToHtml(_parsed.Body, _markdigOnly);

    [Benchmark(Description = "Gazette Markdown (typography, figures, highlighting, checks)")]
    public object? GazetteMarkdown() => _renderer.Render(_parsed.Body, _context, new DiagnosticBag());

    [Benchmark(Description = "French typography of the article's text")]
    public string FrenchTypography() => TypographyRules.Apply(_parsed.Body, TypographyMode.French);

    private const string CodeSample = """
        using System.Net.Http.Json;

        // Asks the local model for a summary; the key comes from the environment.
        public sealed class Summarizer(HttpClient http)
        {
            private const int MaxTokens = 512;

            public async Task<string?> SummarizeAsync(string article, CancellationToken cancel = default)
            {
                var request = new { model = "mistral-7b", messages = new[] { new { role = "user", content = $"Résume : {article}" } }, max_tokens = MaxTokens };
                using var response = await http.PostAsJsonAsync("/v1/chat/completions", request, cancel);
                response.EnsureSuccessStatusCode(); /* 4xx and 5xx throw */
                return await response.Content.ReadAsStringAsync(cancel);
            }
        }
        """;

    [Benchmark(Description = "highlight a C# block (Gazette's lexer)")]
    public string HighlightCode() => Gazette.Markdown.Highlighting.CodeHighlighter.ToHtml(CodeSample, "csharp");
}

/// <summary>Writing a page (UTF-8, pooled buffer) and scanning it for links.</summary>
[MemoryDiagnoser]
public class OutputBenchmarks
{
    private byte[] _html = [];
    private string _directory = "";
    private int _page;

    [GlobalSetup]
    public void Setup()
    {
        var built = SiteBuilder.Build(new BuildOptions { SourceDirectory = SampleSite.Root, OutputDirectory = Path.Combine(Path.GetTempPath(), "gazette-bdn-site") });
        _html = File.ReadAllBytes(Path.Combine(built.OutputDirectory!, "2024", "10", "guide-ia-locale", "index.html"));
        _directory = Path.Combine(Path.GetTempPath(), "gazette-bdn-" + Environment.ProcessId);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(Description = "write one page (folder, file)")]
    public void WritePage()
    {
        var writer = new OutputWriter(_directory, inPlace: false);
        writer.WriteUtf8($"p{_page++.ToString(CultureInfo.InvariantCulture)}/index.html", _html, "bench");
    }

    [Benchmark(Description = "collect a page's links and ids")]
    public void CollectLinks() => new LinkChecker(new SiteUrls(SiteConfigLoader.Load(SampleSite.Root, new DiagnosticBag())!)).Collect("bench", "index.html", _html);
}

/// <summary>The whole sample site (47 pages, every template), built in memory-warm conditions.</summary>
[MemoryDiagnoser]
public class SiteBenchmarks
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "gazette-bdn-full");

    [Benchmark(Description = "build the sample site")]
    public bool BuildSampleSite() => SiteBuilder.Build(new BuildOptions { SourceDirectory = SampleSite.Root, OutputDirectory = _output }).Succeeded;
}

/// <summary>Raw HTML through the allowlist (an imported archive's table, figure and player), against
/// HtmlSanitizer as the library ships it. Measured: 59 µs for the library, 82 µs for the allowlist
/// (it keeps more, reports each removal and rebalances the block); keeping one parser per cleaner
/// instead of the library's parser per call changed nothing measurable.</summary>
[MemoryDiagnoser]
public class RawHtmlBenchmarks
{
    private const string Block = """
        <table class="costs"><thead><tr><th>Expense</th><th>Cost</th></tr></thead>
        <tbody><tr><td>Staffing</td><td>$2.06M</td></tr><tr><td>Hardware</td><td>$0.20M</td></tr>
        <tr><td>Hosting</td><td>$0.30M</td></tr><tr onclick="x()"><td><b>Total</b></td><td><b>$2.91M</b></td></tr></tbody></table>
        <figure><img src="https://example.org/a.png" alt="A"><figcaption>Légende <kbd>Ctrl</kbd></figcaption></figure>
        <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Vidéo" allowfullscreen></iframe>
        """;

    private readonly Markdown.RawHtml.HtmlAllowlist _allowlist = new(url => url);
    private readonly Ganss.Xss.HtmlSanitizer _library = new();

    [Benchmark(Baseline = true, Description = "HtmlSanitizer as shipped")]
    public string Library() => _library.Sanitize(Block);

    [Benchmark(Description = "Gazette's allowlist")]
    public string Allowlist() => _allowlist.CleanBlock(Block, []);
}
