using Gazette.Diagnostics;
using Gazette.Text;

namespace Gazette.Content;

/// <summary>A Markdown file of content/ with its parsed front matter.</summary>
/// <param name="SourcePath">Path relative to the site folder with '/' separators, as shown in diagnostics.</param>
/// <param name="FullPath">The file on disk.</param>
/// <param name="BundleDirectory">Full path of the page bundle folder when the file is an <c>index.md</c>.</param>
/// <param name="DefaultSlug">The folder name (bundle) or file name (single file).</param>
/// <param name="LanguageSuffix">The language its name says (<c>index.en.md</c>, <c>about.en.md</c>),
/// when it is one of the site's languages: a translation.</param>
internal sealed record SourceDocument(
    DocumentKind Kind,
    string SourcePath,
    string FullPath,
    string? BundleDirectory,
    string DefaultSlug,
    ParsedSource Parsed,
    string? LanguageSuffix = null)
{
    /// <summary>The language it is written in: the one its name says, else its <c>lang:</c>, else <paramref name="siteLanguage"/>.</summary>
    public string LanguageOr(string siteLanguage) => LanguageSuffix ?? Parsed.FrontMatter.Lang ?? siteLanguage;

    /// <summary>What the translations of one article share: the bundle, or the file's path without
    /// its language (<c>content/pages/about</c>), unless the front matter's <c>translation_key</c> says.</summary>
    public string TranslationKey => Parsed.FrontMatter.TranslationKey is { } key ? "key:" + key
        : BundleDirectory ?? Path.Combine(Path.GetDirectoryName(FullPath)!, DefaultSlug);
}

/// <summary>The files of content/ before they are read: Markdown documents, every other file
/// (photos and attachments, copied to the output), and the page bundles' folders.</summary>
internal sealed record ContentFiles(IReadOnlyList<string> Markdown, IReadOnlyList<string> StaticFiles, IReadOnlySet<string> BundleDirectories,
    IReadOnlySet<string> Languages);

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
    /// <param name="languages">The site's languages: <c>index.en.md</c> is a bundle's English file.</param>
    public static ContentFiles Find(string siteDirectory, IReadOnlySet<string>? languages = null)
    {
        var contentRoot = Path.Combine(siteDirectory, ContentFolder);
        if (!Directory.Exists(contentRoot))
        {
            return new ContentFiles([], [], new HashSet<string>(), new HashSet<string>());
        }

        var files = SafeFiles.Enumerate(contentRoot).ToList();
        var markdown = files.Where(IsMarkdown).ToList();
        var bundles = markdown
            .Where(f => NameAndLanguage(f, languages).Name.Equals("index", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetDirectoryName(f)!)
            .ToHashSet(StringComparer.Ordinal);
        return new ContentFiles(markdown, [.. files.Where(f => !IsMarkdown(f))], bundles, languages ?? new HashSet<string>());
    }

    /// <summary><c>index.en.md</c> → (index, en) when English is one of the site's languages; else the name alone.</summary>
    private static (string Name, string? Language) NameAndLanguage(string path, IReadOnlySet<string>? languages)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 && languages is not null && languages.Contains(name[(dot + 1)..]) ? (name[..dot], name[(dot + 1)..]) : (name, null);
    }

    /// <summary>Reads one of the Markdown files <see cref="Find"/> found; null after reporting why it cannot be read.</summary>
    public static SourceDocument? Read(string siteDirectory, ContentFiles files, string fullPath, TimeZoneInfo timeZone, DiagnosticBag diagnostics) =>
        LoadOne(siteDirectory, Path.Combine(siteDirectory, ContentFolder), fullPath, files.BundleDirectories, files.Languages, timeZone, diagnostics);

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

        return LoadOne(siteDirectory, contentRoot, fullPath, bundles, null, timeZone, diagnostics);
    }

    private static SourceDocument? LoadOne(string siteDirectory, string contentRoot, string fullPath,
        IReadOnlySet<string> bundles, IReadOnlySet<string>? languages, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
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
        var (name, language) = NameAndLanguage(fullPath, languages);
        var isBundle = name.Equals("index", StringComparison.OrdinalIgnoreCase) && bundles.Contains(directory);
        var defaultSlug = isBundle ? Path.GetFileName(directory) : name;
        return new SourceDocument(kind, sourcePath, fullPath, isBundle ? directory : null, defaultSlug, parsed, language);
    }
}
