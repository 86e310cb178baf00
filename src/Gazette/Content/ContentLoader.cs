using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Content;

/// <summary>A Markdown file of content/ with its parsed front matter.</summary>
/// <param name="SourcePath">Path relative to the site folder with '/' separators, as shown in diagnostics.</param>
/// <param name="FullPath">The file on disk.</param>
/// <param name="BundleDirectory">Full path of the page bundle folder when the file is an <c>index.md</c>.</param>
/// <param name="DefaultSlug">The folder name (bundle) or file name (single file).</param>
public sealed record SourceDocument(
    DocumentKind Kind,
    string SourcePath,
    string FullPath,
    string? BundleDirectory,
    string DefaultSlug,
    ParsedSource Parsed);

/// <summary>The files of content/: Markdown documents and every other file (photos and
/// attachments, copied to the output).</summary>
public sealed record ContentSet(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<string> StaticFiles, IReadOnlySet<string> BundleDirectories);

/// <summary>
/// Finds and parses the site's content. Articles are <c>content/posts/**/&lt;slug&gt;/index.md</c>
/// (page bundles, their photos beside them) or <c>content/posts/**/&lt;slug&gt;.md</c>; any other
/// Markdown file is a page (<c>content/pages/about.md</c> → <c>/about/</c>).
/// </summary>
public static class ContentLoader
{
    public const string ContentFolder = "content";

    public static ContentSet Load(string siteDirectory, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
    {
        var contentRoot = Path.Combine(siteDirectory, ContentFolder);
        if (!Directory.Exists(contentRoot))
        {
            return new ContentSet([], [], new HashSet<string>());
        }

        var files = SafeFiles.Enumerate(contentRoot).ToList();
        var markdown = files.Where(IsMarkdown).ToList();
        var bundles = markdown
            .Where(f => Path.GetFileName(f).Equals("index.md", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetDirectoryName(f)!)
            .ToHashSet(StringComparer.Ordinal);

        var documents = new SourceDocument?[markdown.Count];
        Parallel.For(0, markdown.Count, i => documents[i] = LoadOne(siteDirectory, contentRoot, markdown[i], bundles, timeZone, diagnostics));
        var staticFiles = files.Where(f => !IsMarkdown(f)).ToList();
        return new ContentSet([.. documents.OfType<SourceDocument>()], staticFiles, bundles);
    }

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static SourceDocument? LoadOne(string siteDirectory, string contentRoot, string fullPath,
        HashSet<string> bundles, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
    {
        var sourcePath = Path.GetRelativePath(siteDirectory, fullPath).Replace('\\', '/');
        if (!TextFile.TryRead(fullPath, sourcePath, diagnostics, out var text))
        {
            return null;
        }

        var parsed = FrontMatterParser.Parse(text, sourcePath, timeZone, diagnostics);
        if (parsed is null)
        {
            return null;
        }

        var inContent = Path.GetRelativePath(contentRoot, fullPath).Replace('\\', '/');
        var kind = inContent.StartsWith("posts/", StringComparison.Ordinal) ? DocumentKind.Article : DocumentKind.Page;
        var directory = Path.GetDirectoryName(fullPath)!;
        var isBundle = Path.GetFileName(fullPath).Equals("index.md", StringComparison.OrdinalIgnoreCase) && bundles.Contains(directory);
        var defaultSlug = isBundle ? Path.GetFileName(directory) : Path.GetFileNameWithoutExtension(fullPath);
        return new SourceDocument(kind, sourcePath, fullPath, isBundle ? directory : null, defaultSlug, parsed);
    }
}
