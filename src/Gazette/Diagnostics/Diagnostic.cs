namespace Gazette.Diagnostics;

/// <summary>How bad a problem is: an error fails the build, a warning does not (unless strict).</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>A position in an author's or theme's file. Line and column are 1-based; 0 means unknown.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 0, 0);

    public override string ToString() =>
        Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
}

/// <summary>One problem found during a build, printed in the compiler convention
/// <c>path:line:col: error GZ0102: message</c> so editors and CI can annotate the line.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location)
{
    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Thread-safe collector of the diagnostics of one build.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Error(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(Severity.Error, code, message, location));

    public void Warning(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(Severity.Warning, code, message, location));

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(DiagnosticBag other)
    {
        foreach (var diagnostic in other.ToList())
        {
            Add(diagnostic);
        }
    }

    public IReadOnlyList<Diagnostic> ToList()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_lock)
            {
                return _items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    /// <summary>All diagnostics, sorted by file, line and column so output is deterministic
    /// whatever order the parallel phases found them in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_lock)
        {
            return [.. _items
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .Distinct()];
        }
    }
}

/// <summary>The codes Gazette reports, in one place so the docs table and the code agree.</summary>
public static class DiagnosticCodes
{
    public const string ConfigSyntax = "GZ0001";
    public const string ConfigInvalid = "GZ0002";
    public const string ConfigUnknownKey = "GZ0003";
    public const string HomeSectionUnknown = "GZ0004";
    public const string YamlSyntax = "GZ0101";
    public const string YamlMissingField = "GZ0102";
    public const string YamlWrongType = "GZ0103";
    public const string YamlUnknownKey = "GZ0104";
    public const string YamlDuplicateKey = "GZ0105";
    public const string FrontMatterUnclosed = "GZ0106";
    public const string YamlUnsupported = "GZ0107";
    public const string FileUnreadable = "GZ0108";
    public const string ImageMissing = "GZ0201";
    public const string MarkdownFailed = "GZ0202";
    public const string ImageUnreadable = "GZ0203";
    public const string PhotoWithoutCredit = "GZ0204";
    public const string MarkdownTooSlow = "GZ0205";
    public const string UnsafeMarkup = "GZ0206";
    public const string TemplateSyntaxInText = "GZ0207";
    public const string PhotosNotResized = "GZ0208";
    public const string PhotoCacheUnusable = "GZ0209";
    public const string FileTooLarge = "GZ0109";
    public const string ControlCharacter = "GZ0110";
    public const string TemplateSyntax = "GZ0301";
    public const string TemplateRuntime = "GZ0302";
    public const string TemplateMissing = "GZ0303";
    public const string OutputCollision = "GZ0401";
    public const string OutputUnsafe = "GZ0402";
    public const string MinifyFailed = "GZ0403";
    public const string SlugInvalid = "GZ0404";
    public const string TermMerged = "GZ0405";
    public const string BrokenLink = "GZ0501";
    public const string BrokenAnchor = "GZ0502";
    public const string LinkMalformed = "GZ0503";
    public const string ImageWithoutAlt = "GZ0504";
    public const string MissingSummaryOrCover = "GZ0505";
    public const string DateWithoutTimezone = "GZ0506";
    public const string DuplicateTitle = "GZ0507";
    public const string AuthorUndeclared = "GZ0508";
    public const string SiteNotSample = "GZ0601";
    public const string ImportSkipped = "GZ0801";
    public const string ImportTemplateLeft = "GZ0802";
    public const string ImportImageMissing = "GZ0803";
    public const string ImportKeyDropped = "GZ0804";
    public const string ImportExists = "GZ0805";
    public const string ImportNoSite = "GZ0806";
    public const string ImportLinkOutside = "GZ0807";
    public const string ImportFailed = "GZ0808";
    public const string InternalError = "GZ0999";
    public const string AliasInvalid = "GZ0406";
    public const string SizeLimit = "GZ0407";
    public const string OutputNotOwned = "GZ0408";
    public const string OutputLocked = "GZ0409";
    public const string OutputFailed = "GZ0410";
    public const string SearchIndexFailed = "GZ0411";
    public const string TranslationInvalid = "GZ0412";
    public const string BuildCacheUnusable = "GZ0413";
}
