using System.Diagnostics;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown;
using Gazette.Model;
using Gazette.Output;
using Gazette.Templates;
using Scriban.Runtime;

namespace Gazette;

/// <summary>What to build and how.</summary>
public sealed record BuildOptions
{
    /// <summary>The site folder, holding site.yml.</summary>
    public required string SourceDirectory { get; init; }
    /// <summary>Where to write; defaults to site.yml's <c>output</c> inside the site folder.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>Replaces site.yml's <c>base_url</c> (GitHub Pages passes its own).</summary>
    public string? BaseUrl { get; init; }
    public bool IncludeDrafts { get; init; }
    /// <summary>Include articles dated in the future.</summary>
    public bool IncludeFuture { get; init; }
    /// <summary>The moment of the build (scheduled and expired articles); now by default.</summary>
    public DateTimeOffset? Now { get; init; }
    /// <summary>Overrides site.yml's <c>minify</c>.</summary>
    public bool? Minify { get; init; }
    /// <summary>Warnings fail the build too (newsrooms: no photo without credit goes out).</summary>
    public bool Strict { get; init; }
}

/// <summary>How long one phase took.</summary>
public sealed record PhaseTiming(string Phase, TimeSpan Elapsed);

/// <summary>The outcome of a build. The engine never prints: callers show the diagnostics.</summary>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    string? OutputDirectory,
    IReadOnlyDictionary<string, int> PagesByKind,
    int FilesWritten,
    IReadOnlyList<PhaseTiming> Timings,
    bool Strict = false)
{
    /// <summary>The soonest article a later build will publish (its date is in the future).</summary>
    public Model.ScheduledArticle? NextScheduled { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error || (Strict && d.Severity == Severity.Warning));
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Runs the build phases in order: configuration, theme, content, model, pages, assets, and the
/// atomic swap of the output folder. Every problem is collected; nothing is written unless the
/// whole build succeeded.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<PhaseTiming>();
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            timings.Add(new PhaseTiming(name, clock.Elapsed));
            clock.Restart();
        }

        BuildResult Result(string? output, Dictionary<string, int>? pages = null, int files = 0) =>
            new(diagnostics.ToSortedList(), output, pages ?? [], files, timings, options.Strict);

        var source = Path.GetFullPath(options.SourceDirectory);
        var config = SiteConfigLoader.Load(source, diagnostics, options.BaseUrl);
        if (config is null || diagnostics.HasErrors)
        {
            return Result(null);
        }

        if (options.Minify is { } minify)
        {
            config = config with { Minify = minify };
        }

        var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(source, config.Output));
        if (OutputSafety.Check(source, output) is { } unsafeReason)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.File(SiteConfigLoader.FileName), unsafeReason);
            return Result(null);
        }

        var urls = new SiteUrls(config);
        var theme = Theme.Locate(source, config.Theme, diagnostics);
        if (theme is null)
        {
            return Result(null);
        }

        var localizers = Localizer.LoadAll(theme.I18nFolders, diagnostics);
        var siteObject = new ScriptObject();
        var templates = TemplateRenderer.Load(theme.LayoutFolders, localizers, config.Language, urls, siteObject, diagnostics);
        Phase("theme");

        var content = ContentLoader.Load(source, config.TimeZone, diagnostics);
        Phase("content");

        var images = new ImageResolver(Path.Combine(source, ContentLoader.ContentFolder), urls);
        var markdown = new MarkdownRenderer(images, urls, templates.RenderFigure, language => templates.Localizer(language).Translate("section_link"));
        var publishing = new Publishing(options.IncludeDrafts, options.IncludeFuture, options.Now ?? DateTimeOffset.UtcNow);
        var model = new SiteModelBuilder(config, urls, images, markdown, templates.RenderPartial, publishing)
            .Build(content, diagnostics);
        Phase("model");

        SiteObject.Fill(siteObject, model, urls);
        var writer = new OutputWriter(output);
        writer.Begin();
        Dictionary<string, int> pagesByKind;
        try
        {
            var links = new LinkChecker(urls);
            (pagesByKind, var pages) = PageRenderer.RenderAll(model, templates, urls, writer, links, diagnostics);
            Phase("pages");
            FeedWriter.WriteAll(model, urls, templates.RenderFigure, writer);
            CrawlerFiles.WriteAll(model, urls, pages, writer, diagnostics);
            Phase("feeds");
            AssetCopier.CopyAll(source, theme, content, model, config.Minify, writer, diagnostics);
            Phase("assets");
            links.Check(writer, diagnostics);
            writer.ReportSizes(diagnostics);
            Phase("checks");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.File(output), $"cannot write the output: {e.Message}");
            writer.Abort();
            return Result(null);
        }

        if (diagnostics.HasErrors || (options.Strict && diagnostics.ToList().Count > 0))
        {
            writer.Abort();
            return Result(null, pagesByKind);
        }

        writer.Commit();
        Phase("write");
        return Result(output, pagesByKind, writer.FileCount) with { NextScheduled = model.NextScheduled };
    }
}
