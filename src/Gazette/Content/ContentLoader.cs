using Gazette.Diagnostics;
using Gazette.Text;

namespace Gazette.Content;

/// <summary>A Markdown file of content/ with its parsed front matter.</summary>
/// <param name="SourcePath">Path relative to the site folder with '/' separators, as shown in diagnostics.</param>
/// <param name="FullPath">The file on disk.</param>
/// <param name="BundleDirectory">Full path of the page bundle folder when the file is an <c>index.md</c>.</param>
/// <param name="DefaultSlug">The folder name (bundle) or file name (single file).</param>
internal sealed record SourceDocument(
    DocumentKind Kind,
    string SourcePath,
    string FullPath,
    string? BundleDirectory,
    string DefaultSlug,
    ParsedSource Parsed);

/// <summary>The files of content/ before they are read: Markdown documents, every other file
/// (photos and attachments, copied to the output), and the page bundles' folders.</summary>
internal sealed record ContentFiles(IReadOnlyList<string> Markdown, IReadOnlyList<string> StaticFiles, IReadOnlySet<string> BundleDirectories);

/// <summary>The files of content/ with the Markdown documents read.</summary>
internal sealed record ContentSet(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<string> StaticFiles, IReadOnlySet<string> BundleDirectories);

/// <summary>
/// Finds and parses the site's content. Articles are <c>content/posts/**/&lt;slug&gt;/index.md</c>
/// (page bundles, their photos beside them) or <c>content/posts/**/&lt;slug&gt;.md</c>; any other
/// Markdown file is a page (<c>content/pages/about.md</c> → <c>/about/</c>).
/// </summary>
internal static class ContentLoader
{
    public const string ContentFolder = "content";

    /// <summary>The files of the site's content/ folder (none when it has none).</summary>
    public static ContentFiles Find(string siteDirectory)
    {
        var contentRoot = Path.Combine(siteDirectory, ContentFolder);
        if (!Directory.Exists(contentRoot))
        {
            return new ContentFiles([], [], new HashSet<string>());
        }

        var files = SafeFiles.Enumerate(contentRoot).ToList();
        var markdown = files.Where(IsMarkdown).ToList();
        var bundles = markdown
            .Where(f => Path.GetFileName(f).Equals("index.md", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetDirectoryName(f)!)
            .ToHashSet(StringComparer.Ordinal);
        return new ContentFiles(markdown, [.. files.Where(f => !IsMarkdown(f))], bundles);
    }

    /// <summary>Reads one of the Markdown files <see cref="Find"/> found; null after reporting why it cannot be read.</summary>
    public static SourceDocument? Read(string siteDirectory, ContentFiles files, string fullPath, TimeZoneInfo timeZone, DiagnosticBag diagnostics) =>
        LoadOne(siteDirectory, Path.Combine(siteDirectory, ContentFolder), fullPath, files.BundleDirectories, timeZone, diagnostics);

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one Markdown file of content/ (the dev server reloads the files that changed).</summary>
    public static SourceDocument? LoadOne(string siteDirectory, string fullPath, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
    {
        var contentRoot = Path.Combine(siteDirectory, ContentFolder);
        var directory = Path.GetDirectoryName(fullPath)!;
        var bundles = new HashSet<string>(StringComparer.Ordinal);
        if (Path.GetFileName(fullPath).Equals("index.md", StringComparison.OrdinalIgnoreCase))
        {
            bundles.Add(directory);
        }

        return LoadOne(siteDirectory, contentRoot, fullPath, bundles, timeZone, diagnostics);
    }

    private static SourceDocument? LoadOne(string siteDirectory, string contentRoot, string fullPath,
        IReadOnlySet<string> bundles, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
    {
        var sourcePath = Path.GetRelativePath(siteDirectory, fullPath).Replace('\\', '/');
        if (!TextFile.TryReadPooled(fullPath, sourcePath, diagnostics, out var bytes))
        {
            return null;
        }

        ParsedSource? parsed;
        try
        {
            parsed = FrontMatterParser.ParseFile(bytes, sourcePath, timeZone, diagnostics);
        }
#pragma warning disable CA1031 // one strange file must not stop the build: report it and go on
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            diagnostics.Error(DiagnosticCodes.InternalError, SourceLocation.File(sourcePath),
                $"Gazette could not read this file ({e.GetType().Name}: {e.Message}); please report it with the file");
            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes.Array!); // parsed into strings
        }

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
