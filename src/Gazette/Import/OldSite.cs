using Gazette.Diagnostics;
using Gazette.Yaml;

namespace Gazette.Import;

/// <summary>The generators <c>gazette import</c> reads.</summary>
public enum OldGenerator
{
    Jekyll,
    Hugo,
}

/// <summary>An author of the old site, from its data files (Jekyll <c>_data/authors.yml</c>, Hugo <c>data/authors</c>).</summary>
internal sealed record OldAuthor(string Key, string Name, string? Bio, string? Avatar);

/// <summary>What an old site is made of, read once: its settings, authors and documents. Its
/// generator's rules (the URL it gave each document, how its templates are converted) come with it.</summary>
internal abstract class OldSite
{
    public required string Root { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? TimeZoneId { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    /// <summary>The old site's address, with its base path.</summary>
    public string? BaseUrl { get; init; }
    public IReadOnlyDictionary<string, OldAuthor> Authors { get; init; } = new Dictionary<string, OldAuthor>();
    public List<OldDocument> Documents { get; } = [];
    /// <summary>The old site's own settings, as its templates read them (<c>site.repository</c>).</summary>
    public YamlMapping Settings { get; init; } = new(1, 1);

    /// <summary>The URL the old site published the document at, from its base path (<c>/2015/03/17/x.html</c>).</summary>
    public abstract string OldUrl(OldDocument document, ImportedArticle article);

    /// <summary>The body in Markdown: the generator's template code converted, what cannot be reported.</summary>
    public abstract string ConvertTemplates(OldDocument document, ImportedArticle article, ImportLinks links, DiagnosticBag diagnostics);

    /// <summary>Where a path written in the document points in the old site (null for another site).</summary>
    public abstract string? ResolveFile(OldDocument document, string path);

    /// <summary>The old site's time zone, when it names one this machine knows (its id is then
    /// brought into site.yml); else the new site's.</summary>
    protected static (TimeZoneInfo Zone, string? Id) KnownZone(string? id, TimeZoneInfo fallback) =>
        id is not null && SiteStarter.TryTimeZone(id, out var zone) ? (zone, id) : (fallback, null);

    /// <summary>A YAML settings or data file; an empty mapping (reported) when it cannot be read.</summary>
    protected static YamlMapping ReadYaml(string path, string display, DiagnosticBag diagnostics)
    {
        var (root, problems) = YamlDocumentReader.Read(ReadText(path, display, diagnostics) ?? "");
        foreach (var problem in problems.Take(1))
        {
            diagnostics.Warning(DiagnosticCodes.ImportKeyDropped, new SourceLocation(display, problem.Line, problem.Column), $"{problem.Message}; its settings are not imported");
        }

        return problems.Count == 0 && root is YamlMapping mapping ? mapping : new YamlMapping(1, 1);
    }

    /// <summary>The first of <paramref name="keys"/> that a data entry gives a text to.</summary>
    protected static string? Field(YamlValue entry, params string[] keys) => entry is YamlMapping mapping
        ? keys.Select(k => mapping[k]).OfType<YamlScalar>().FirstOrDefault(s => !s.IsNull && s.Value.Trim().Length > 0)?.Value.Trim()
        : null;

    /// <summary>Files under a folder, its subfolders included; links to other folders (which may loop)
    /// and hidden files (<c>.git</c>) are not followed, unreadable folders are passed over.</summary>
    public static IEnumerable<string> FilesUnder(string folder, bool recurse = true) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions
        {
            RecurseSubdirectories = recurse,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
            IgnoreInaccessible = true,
        }).Order(StringComparer.Ordinal);

    /// <summary>The subfolders of a folder, links to other folders left out.</summary>
    public static IEnumerable<string> FoldersIn(string folder) =>
        Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true });

    /// <summary>A file's text, or null (reported) when it cannot be read.</summary>
    public static string? ReadText(string path, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.ImportSkipped, SourceLocation.File(displayPath), $"cannot be read ({e.Message}); it is not imported");
            return null;
        }
    }

    /// <summary>The Jekyll or Hugo path segment rules: lowercase words joined by dashes, as each
    /// generator's own "urlize"/"slugify" do for URLs built from titles.</summary>
    public static string Urlize(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else if (c is ' ' or '/' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
