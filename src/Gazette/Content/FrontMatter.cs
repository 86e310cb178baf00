using Gazette.Diagnostics;

namespace Gazette.Content;

/// <summary>A photo as declared in front matter (<c>image:</c>): its file, text alternative,
/// caption and credit.</summary>
/// <param name="Focus">The point of the photo that crops keep (<c>focus: [0.3, 0.4]</c>, from the left and
/// from the top); null lets the crop find the most interesting part.</param>
internal sealed record ImageRef(string Src, string Alt, string? Caption, string? Credit, string? CreditUrl, SourceLocation Location,
    FocusPoint? Focus = null);

/// <summary>The point a crop keeps in view, as fractions of the width and height (0,0 is top left).</summary>
internal readonly record struct FocusPoint(double X, double Y);

/// <summary>The product box of a review article.</summary>
internal sealed record ReviewInfo(
    string Name,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Pros,
    IReadOnlyList<string> Cons,
    double? Score,
    double Scale,
    string? Verdict);

/// <summary>One entry of <c>sources:</c>: a publication, linked when a URL is given.</summary>
internal sealed record SourceRef(string Name, string? Url);

/// <summary>The typed front matter of an article or page.</summary>
internal sealed record FrontMatter
{
    public required string Title { get; init; }
    public DateTimeOffset? Date { get; init; }
    /// <summary>Where <c>date:</c> is, and whether its text carried an offset (check warns when not).</summary>
    public SourceLocation DateLocation { get; init; }
    public bool DateHasOffset { get; init; }
    /// <summary>False for a date-only <c>date: 2024-09-25</c>: pages show no made-up time then.</summary>
    public bool DateHasTime { get; init; } = true;
    /// <summary>The same for <c>updated:</c>.</summary>
    public bool UpdatedHasTime { get; init; } = true;
    public DateTimeOffset? Updated { get; init; }
    /// <summary>The author keys of <c>author:</c> (one) or <c>authors:</c> (a list), in their order.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Summary { get; init; }
    public ImageRef? Image { get; init; }
    public ReviewInfo? Review { get; init; }
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];
    public bool Draft { get; init; }
    public string? Slug { get; init; }
    public SourceLocation SlugLocation { get; init; }
    /// <summary>Where <c>author:</c> or <c>authors:</c> is, for the warning about an author site.yml does not declare.</summary>
    public SourceLocation AuthorLocation { get; init; }
    public string? Lang { get; init; }
    public SourceLocation LangLocation { get; init; }
    /// <summary>Links the translations of one article that are not files of one bundle (<c>translation_key:</c>).</summary>
    public string? TranslationKey { get; init; }
    /// <summary><c>fr</c>, <c>en</c> or <c>none</c>; null to follow the site and the language.</summary>
    public string? Typography { get; init; }
    /// <summary>After this date the article is no longer published.</summary>
    public DateTimeOffset? Expires { get; init; }
    /// <summary>Old URLs of the article; each gets a redirect page.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public SourceLocation AliasesLocation { get; init; }
    /// <summary>Show a table of contents built from the headings.</summary>
    public bool Toc { get; init; }
    /// <summary>Unknown keys, kept for templates as <c>page.params</c>.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
}
