using System.Text;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Markdown.Highlighting;
using Gazette.Markdown.Typography;
using Gazette.Yaml;
using Markdig;
using SharpFuzz;

// AFL++ harness (SharpFuzz): each input is a Markdown file with front matter, as bytes. It goes
// through the path builds take (FrontMatterParser.ParseFile on the bytes, then Gazette's
// MarkdownRenderer with all its extensions, in French and English typography), through the text
// path and the fast YAML reader compared with YamlDotNet, and through the code highlighter's
// lexers (the body as code of each kind).
// Diagnostics are expected; any exception escaping here is a bug that AFL records as a crash.
// Run with fuzz/run.sh.
// Instrumented code (Gazette, Markdig, YamlDotNet) may only run inside Fuzzer.Run: the
// pipelines are built there, on the first input.
MarkdownPipeline[]? pipelines = null;
Gazette.Markdown.MarkdownRenderer? renderer = null;
var folder = Directory.CreateTempSubdirectory("gazette-fuzz-").FullName; // holds no file: every image is missing
string[] highlighted = ["csharp", "js", "python", "rust", "bash", "sql", "json", "yaml", "toml", "html", "css"];

Fuzzer.OutOfProcess.Run(stream =>
{
    pipelines ??= [.. new[] { TypographyMode.French, TypographyMode.English }.Select(mode =>
    {
        var builder = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().UseFootnotes();
        builder.Extensions.Add(new TypographyExtension(mode));
        return builder.Build();
    })];

    if (renderer is null)
    {
        var urls = new Gazette.Configuration.SiteUrls(new Gazette.Configuration.SiteConfig { Title = "Fuzz" });
        renderer = new Gazette.Markdown.MarkdownRenderer(new Gazette.Images.ImageResolver(folder, urls), urls,
            _ => "Lien vers cette section");
    }

    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    var bytes = memory.ToArray();

    // What a build does with a file: its bytes parsed, its body rendered by Gazette's renderer.
    var fileDiagnostics = new DiagnosticBag();
    var fromFile = FrontMatterParser.ParseFile(bytes, "fuzz.md", TimeZoneInfo.Utc, fileDiagnostics);
    if (fromFile is null && !fileDiagnostics.HasErrors)
    {
        throw new InvalidOperationException("ParseFile: no result and no diagnostic");
    }

    foreach (var (mode, language) in new[] { (TypographyMode.French, "fr"), (TypographyMode.English, "en") })
    {
        var context = new Gazette.Markdown.MarkdownContext("fuzz.md", fromFile?.BodyLineOffset ?? 0,
            new Gazette.Images.DocumentPlace(folder, folder, "fuzz/"), language, mode);
        var rendered = renderer.Render(fromFile?.Body ?? Encoding.UTF8.GetString(bytes), context, new DiagnosticBag());
        if (rendered is not null && rendered.Body.Pieces.Any(piece => piece.Value.AsSpan().IndexOfAny(Gazette.Text.XmlText.Forbidden) >= 0))
        {
            throw new InvalidOperationException("the rendered HTML carries a character XML forbids");
        }
    }

    var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
    var diagnostics = new DiagnosticBag();
    var parsed = FrontMatterParser.Parse(text, "fuzz.md", TimeZoneInfo.Utc, diagnostics);
    if (parsed is null && !diagnostics.HasErrors)
    {
        throw new InvalidOperationException("no result and no diagnostic");
    }

    // The fast reader of everyday front matter either gives up or makes YamlDotNet's tree.
    if (FrontMatterParser.TrySplit(text, "fuzz.md", new DiagnosticBag(), out var yaml, out _, out _, out _)
        && SimpleYamlReader.TryRead(yaml) is { } simple)
    {
        var (root, problems) = YamlDocumentReader.ReadWithYamlDotNet(yaml);
        if (problems.Count > 0 || root?.ToString() != simple.ToString())
        {
            throw new InvalidOperationException($"the fast YAML reader disagrees with YamlDotNet: {simple} / {root}");
        }
    }

    var body = parsed?.Body ?? text;
    foreach (var pipeline in pipelines)
    {
        try
        {
            Markdown.ToHtml(body, pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            // Markdig's documented nesting limit: Gazette reports it as GZ0202.
        }
    }

    foreach (var language in highlighted)
    {
        var html = CodeHighlighter.ToHtml(body, language);
        if (html.Length < body.Length)
        {
            throw new InvalidOperationException($"the {language} highlighter lost text");
        }
    }
});
