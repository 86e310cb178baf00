using Gazette.Configuration;
using Gazette.Content;
using Gazette.Templates;

namespace Gazette.Model;

/// <summary>A photo ready to render: URL, size, caption and credit (credit shown as a caption,
/// everywhere a photo appears).</summary>
/// <param name="Url">Site-absolute URL (includes the base path).</param>
/// <param name="AbsoluteUrl">Full URL with scheme and host, for feeds and structured data.</param>
/// <param name="CaptionHtml">Caption rendered from inline Markdown; empty when there is none.</param>
/// <param name="CaptionText">Caption as plain text, for structured data.</param>
/// <param name="CreditHtml">Credit rendered from inline Markdown, without the © sign; empty when there is none.</param>
/// <param name="CreditText">Credit as plain text, without the © sign, for structured data.</param>
/// <param name="CreditUrl">Link of the credit, when given.</param>
/// <param name="CopyrightNotice">The photo's copyright notice (from its metadata, else "© credit").</param>
public sealed record Figure(
    string Url,
    string AbsoluteUrl,
    string Alt,
    int? Width,
    int? Height,
    HtmlString CaptionHtml,
    string CaptionText,
    HtmlString CreditHtml,
    string CreditText,
    string? CreditUrl,
    string CopyrightNotice,
    bool IsCover)
{
    /// <summary>Size of the file in bytes, for feed enclosures; null for external images.</summary>
    public long? FileSize { get; init; }

    /// <summary><c>image/jpeg</c>, <c>image/png</c>…; null when unknown.</summary>
    public string? MediaType { get; init; }

    public bool HasCredit => CreditText.Length > 0;
}

/// <summary>A taxonomy term as linked from an article (a tag, a category or an author).</summary>
public sealed record TermLink(string Name, string Slug, string Url);

/// <summary>Whether a document is a dated article or a standalone page.</summary>
public enum DocumentKind
{
    Article,
    Page,
}

/// <summary>An article or page with everything resolved: URL, figures, rendered HTML.</summary>
public sealed class Document
{
    public required DocumentKind Kind { get; init; }
    /// <summary>Path of the source file relative to the site folder, with '/' separators.</summary>
    public required string SourcePath { get; init; }
    public string Title { get; internal set; } = "";
    public required string Slug { get; init; }
    public DateTimeOffset? Date { get; internal set; }
    public DateTimeOffset? Updated { get; internal set; }
    /// <summary>When the document last changed: its update, else its publication (feeds, sitemap).</summary>
    internal DateTimeOffset? LastModified => Updated ?? Date;
    public required string Lang { get; init; }
    public string? Summary { get; internal set; }
    public TermLink? Author { get; set; }
    public AuthorProfile? AuthorProfile { get; internal set; }
    public TermLink? Category { get; set; }
    public IReadOnlyList<TermLink> Tags { get; set; } = [];
    public Figure? Cover { get; set; }
    public ReviewInfo? Review { get; internal set; }
    public IReadOnlyList<SourceRef> Sources { get; internal set; } = [];
    public bool Draft { get; init; }
    /// <summary>Site-absolute URL such as <c>/blog/2024/09/openai-paris/</c>.</summary>
    public required string Url { get; init; }
    public required string AbsoluteUrl { get; init; }
    /// <summary>Output file relative to the output folder, with '/' separators.</summary>
    public required string OutputPath { get; init; }
    public HtmlString ContentHtml { get; set; } = HtmlString.Empty;
    public IReadOnlyList<Figure> Figures { get; set; } = [];
    /// <summary>Headings with their ids, for the table of contents.</summary>
    public IReadOnlyList<Markdown.TocEntry> Headings { get; set; } = [];
    /// <summary>Whether the author asked for a table of contents (<c>toc: true</c>).</summary>
    public bool Toc { get; internal set; }
    /// <summary>True when the author placed the review box in the text with the review marker.</summary>
    public bool ReviewInBody { get; set; }
    /// <summary>Up to four articles sharing tags, then the category, nearest in time first.</summary>
    public IReadOnlyList<Document> Related { get; set; } = [];
    /// <summary>The next older article (by date), for "previous" links.</summary>
    public Document? Previous { get; set; }
    /// <summary>The next newer article.</summary>
    public Document? Next { get; set; }
    /// <summary>Old URLs that redirect here.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Where the aliases are written in the front matter, for their warnings (not shown to templates).</summary>
    internal Diagnostics.SourceLocation AliasesLocation { get; set; }
    /// <summary>The page's schema.org JSON-LD (NewsArticle with its photos, review and citations),
    /// made when a template asks for it and not kept: only the document's own page shows it, and
    /// an incremental update pays only for the pages it renders.</summary>
    public HtmlString JsonLd => JsonLdFactory?.Invoke(this) ?? HtmlString.Empty;

    internal Func<Document, HtmlString>? JsonLdFactory { get; set; }

    public int WordCount { get; set; }
    public int ReadingMinutes => Math.Max(1, (int)Math.Round(WordCount / 230.0));
    public IReadOnlyDictionary<string, object?> Params { get; internal set; } = new Dictionary<string, object?>();

    /// <summary>Front matter tag and category names, before taxonomies resolve them.</summary>
    internal IReadOnlyList<string> TagNames { get; set; } = [];
    internal string? CategoryName { get; set; }
    internal string? AuthorName { get; set; }
    internal ParsedSource? Source { get; set; }
    /// <summary>What <c>gazette check</c> reports beyond a build's diagnostics.</summary>
    internal IReadOnlyList<Diagnostics.Diagnostic> Findings { get; set; } = [];
    /// <summary>Folder of the page bundle (full path) whose files are copied beside the page; null for single files.</summary>
    internal string? BundleDirectory { get; init; }

    /// <summary>
    /// Takes what a new resolution of the same file brings when its front matter changed only in
    /// what pages show (title, summary, cover, review, sources, table of contents, params; see
    /// <see cref="FrontMatter.SameStructure"/>) or not at all: the text and everything shown.
    /// What places the document in the site (URL, lists, neighbours, terms) stays (a new date is
    /// taken only when it keeps the article's place: <see cref="SiteModelBuilder.KeepsItsPlace"/>), and
    /// every page linking to this object sees the new values. Used by the dev server after an edit.
    /// </summary>
    internal void TakeContentOf(Document edited)
    {
        Title = edited.Title;
        AliasesLocation = edited.AliasesLocation; // the aliases are the same; lines above them may have moved
        Date = edited.Date;
        Updated = edited.Updated;
        Summary = edited.Summary;
        Cover = edited.Cover;
        Review = edited.Review;
        Sources = edited.Sources;
        Toc = edited.Toc;
        Params = edited.Params;
        Source = edited.Source;
        ContentHtml = edited.ContentHtml;
        Figures = edited.Figures;
        Headings = edited.Headings;
        WordCount = edited.WordCount;
        ReviewInBody = edited.ReviewInBody;
        Findings = edited.Findings;
    }
}

/// <summary>The order of the site's articles, and of every list of them: newest first, then by path.</summary>
internal sealed class SiteOrder : IComparer<Document>
{
    public static readonly SiteOrder Instance = new();

    public int Compare(Document? x, Document? y) =>
        ReferenceEquals(x, y) ? 0
        : y!.Date!.Value.CompareTo(x!.Date!.Value) is var byDate and not 0 ? byDate
        : string.CompareOrdinal(x.SourcePath, y.SourcePath);
}

/// <summary>A tag, category or author with the articles filed under it, newest first.</summary>
public sealed class Term
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required string Url { get; init; }
    public List<Document> Articles { get; } = [];
    public int Count => Articles.Count;
    public AuthorProfile? Profile { get; init; }
    internal bool MergeWarned { get; set; }
}

/// <summary>A list of terms, such as all tags.</summary>
public sealed class Taxonomy
{
    public required string Name { get; init; }
    /// <summary>URL segment such as <c>tags</c>.</summary>
    public required string Segment { get; init; }
    public required string Url { get; init; }

    /// <summary>The terms in the order of their slugs (ordinal).</summary>
    public List<Term> Terms { get; } = [];

    /// <summary>The term with this slug, found by halving the slug-ordered list; null when there is none.</summary>
    public Term? Find(string slug)
    {
        int low = 0, high = Terms.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(Terms[middle].Slug, slug);
            if (order == 0)
            {
                return Terms[middle];
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return null;
    }

    /// <summary>The term an article's link names: an article is always in the lists of its own terms.</summary>
    public Term TermOf(TermLink link) =>
        Find(link.Slug) ?? throw new InvalidOperationException($"no term '{link.Slug}' in {Segment}");
}

/// <summary>An article that a later build will publish.</summary>
public sealed record ScheduledArticle(string SourcePath, string Title, DateTimeOffset Date);

/// <summary>A year or a month of the archive, such as <c>/2024/</c> or <c>/2024/09/</c>.</summary>
public sealed class ArchivePeriod
{
    public required int Year { get; init; }
    /// <summary>1 to 12, or 0 for the whole year.</summary>
    public required int Month { get; init; }
    public required string Url { get; init; }
    /// <summary>Output folder relative to the output root (<c>2024/09/</c>).</summary>
    public required string Folder { get; init; }
    public List<Document> Articles { get; } = [];
}

/// <summary>Everything resolved about the site before rendering.</summary>
public sealed class SiteModel
{
    public required SiteConfig Config { get; init; }
    /// <summary>Published articles, newest first.</summary>
    public required IReadOnlyList<Document> Articles { get; init; }
    public required IReadOnlyList<Document> Pages { get; init; }
    public required Taxonomy Tags { get; init; }
    public required Taxonomy Categories { get; init; }
    public required Taxonomy Authors { get; init; }
    /// <summary>Years, then months, newest first.</summary>
    public IReadOnlyList<ArchivePeriod> Archives { get; init; } = [];
    /// <summary>The soonest article held back because its date is in the future.</summary>
    public ScheduledArticle? NextScheduled { get; init; }
}
