using Gazette.Configuration;
using Gazette.Content;
using Gazette.Markdown;
using Gazette.Text;

namespace Gazette.Model;

/// <summary>A taxonomy term as linked from an article (a tag, a category or an author).</summary>
internal sealed record TermLink(string Name, string Slug, string Url);

/// <summary>
/// What places an article in the site's lists: its dates, terms and authors. An edit that changes
/// it moves the article in the lists (<see cref="SiteModelBuilder.Refile"/>); one that keeps it
/// changes only what pages show of it (<see cref="DocumentContent"/>).
/// </summary>
internal sealed record Placement(DateTimeOffset? Date, DateTimeOffset? Updated, IReadOnlyList<string> TagNames, string? CategoryName,
    IReadOnlyList<string> AuthorNames, IReadOnlyList<AuthorProfile> AuthorProfiles)
{
    // A date is compared with its offset: pages print it as written.
    public bool Equals(Placement? other) => other is not null && Dates.Same(Date, other.Date) && Dates.Same(Updated, other.Updated)
        && TagNames.SequenceEqual(other.TagNames) && CategoryName == other.CategoryName && AuthorNames.SequenceEqual(other.AuthorNames)
        && AuthorProfiles.SequenceEqual(other.AuthorProfiles);

    public override int GetHashCode() => HashCode.Combine(Date, CategoryName, AuthorNames.Count);
}

/// <summary>What a document says, made from its file alone: an edit replaces it as a whole.</summary>
internal sealed record DocumentContent
{
    public string Title { get; init; } = "";
    public string? Summary { get; init; }
    public Figure? Cover { get; init; }
    public ReviewInfo? Review { get; init; }
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];
    public bool Toc { get; init; }
    /// <summary>False when the front matter's date has no time (<c>date: 2024-09-25</c>).</summary>
    public bool DateHasTime { get; init; } = true;
    public bool UpdatedHasTime { get; init; } = true;
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
    /// <summary>The body as Markdown made it, with places for the theme's figures and review box.</summary>
    public ArticleBody ContentHtml { get; init; } = ArticleBody.Empty;
    public IReadOnlyList<Figure> Figures { get; init; } = [];
    public IReadOnlyList<Markdown.Videos.Video> Videos { get; init; } = [];
    public IReadOnlyList<Markdown.TocEntry> Headings { get; init; } = [];
    public bool ReviewInBody { get; init; }
    public int WordCount { get; init; }
    /// <summary>What <c>gazette check</c> reports beyond a build's diagnostics.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Findings { get; init; } = [];
    /// <summary>Old URLs that redirect here.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Where the aliases are written in the front matter, for their warnings.</summary>
    public Diagnostics.SourceLocation AliasesLocation { get; init; }
}

/// <summary>
/// An article or page with everything resolved: URL, figures, rendered HTML. Templates read it
/// and cannot write it. It is made of three parts: what identifies it (its file, URL, language:
/// a change of these is a new build), its <see cref="Placement"/> and <see cref="DocumentContent"/>
/// (each replaced whole by an edit), and the links the site gives it (neighbours, related
/// articles, terms), set when the site is assembled or an article is filed again.
/// </summary>
internal sealed class Document
{
    internal Document(Placement placement, DocumentContent content)
    {
        Placement = placement;
        Content = content;
    }

    public required DocumentKind Kind { get; init; }
    /// <summary>Path of the source file relative to the site folder, with '/' separators.</summary>
    public required string SourcePath { get; init; }
    public required string Slug { get; init; }
    public required string Lang { get; init; }
    public bool Draft { get; init; }
    /// <summary>Site-absolute URL such as <c>/blog/2024/09/openai-paris/</c>.</summary>
    public required string Url { get; init; }
    public required string AbsoluteUrl { get; init; }
    /// <summary>Output file relative to the output folder, with '/' separators.</summary>
    public required string OutputPath { get; init; }
    /// <summary>Folder of the page bundle (full path) whose files are copied beside the page; null for single files.</summary>
    internal string? BundleDirectory { get; init; }

    internal Placement Placement { get; set; }
    internal DocumentContent Content { get; set; }

    /// <summary>Whether <paramref name="other"/> (the same file resolved again) is this document at
    /// the same address: else its pages and photos move, which a new build does.</summary>
    internal bool SameIdentity(Document other) =>
        Kind == other.Kind && SourcePath == other.SourcePath && Slug == other.Slug && Lang == other.Lang && Draft == other.Draft
        && Url == other.Url && OutputPath == other.OutputPath && BundleDirectory == other.BundleDirectory;

    public DateTimeOffset? Date => Placement.Date;
    public DateTimeOffset? Updated => Placement.Updated;
    /// <summary>When the document last changed: its update, else its publication (feeds, sitemap).</summary>
    internal DateTimeOffset? LastModified => Updated ?? Date;
    /// <summary>The first author's profile (the byline's), and every author's.</summary>
    public AuthorProfile? AuthorProfile => AuthorNames.Count > 0 ? AuthorProfiles.FirstOrDefault(p => p.Name == AuthorNames[0]) : null;
    public IReadOnlyList<AuthorProfile> AuthorProfiles => Placement.AuthorProfiles;
    /// <summary>Front matter tag and category names, before taxonomies resolve them.</summary>
    internal IReadOnlyList<string> TagNames => Placement.TagNames;
    internal string? CategoryName => Placement.CategoryName;
    internal IReadOnlyList<string> AuthorNames => Placement.AuthorNames;

    public string Title => Content.Title;
    public string? Summary => Content.Summary;
    public Figure? Cover => Content.Cover;
    public ReviewInfo? Review => Content.Review;
    public IReadOnlyList<SourceRef> Sources => Content.Sources;
    /// <summary>Whether the author asked for a table of contents (<c>toc: true</c>).</summary>
    public bool Toc => Content.Toc;
    /// <summary>Whether the date was written with a time: a date-only one is shown without "0 h 00".</summary>
    public bool DateHasTime => Content.DateHasTime;
    public bool UpdatedHasTime => Content.UpdatedHasTime;
    public IReadOnlyDictionary<string, object?> Params => Content.Params;
    public ArticleBody ContentHtml => Content.ContentHtml;
    public IReadOnlyList<Figure> Figures => Content.Figures;
    /// <summary>The videos of the body (their facades), in order.</summary>
    public IReadOnlyList<Markdown.Videos.Video> Videos => Content.Videos;
    /// <summary>Headings with their ids, for the table of contents.</summary>
    public IReadOnlyList<Markdown.TocEntry> Headings => Content.Headings;
    /// <summary>True when the author placed the review box in the text with the review marker.</summary>
    public bool ReviewInBody => Content.ReviewInBody;
    public int WordCount => Content.WordCount;
    public int ReadingMinutes => Math.Max(1, (int)Math.Round(WordCount / 230.0));
    internal IReadOnlyList<Diagnostics.Diagnostic> Findings => Content.Findings;
    /// <summary>Old URLs that redirect here.</summary>
    public IReadOnlyList<string> Aliases => Content.Aliases;
    internal Diagnostics.SourceLocation AliasesLocation => Content.AliasesLocation;

    /// <summary>The first author: the one a single byline, a feed or a card names.</summary>
    public TermLink? Author => Authors.Count > 0 ? Authors[0] : null;
    /// <summary>Every author, in the order of the front matter's <c>authors:</c>.</summary>
    public IReadOnlyList<TermLink> Authors { get; internal set; } = [];
    public TermLink? Category { get; internal set; }
    public IReadOnlyList<TermLink> Tags { get; internal set; } = [];
    /// <summary>Up to four articles sharing tags, then the category, nearest in time first.</summary>
    public IReadOnlyList<Document> Related { get; internal set; } = [];
    /// <summary>The next older article (by date), for "previous" links.</summary>
    public Document? Previous { get; internal set; }
    /// <summary>The next newer article.</summary>
    public Document? Next { get; internal set; }

    /// <summary>The page's schema.org JSON-LD (NewsArticle with its photos, review and citations,
    /// and its breadcrumbs), made when a template asks for it and not kept: only the document's own
    /// page shows it, and an incremental update pays only for the pages it renders.</summary>
    public HtmlString JsonLd => StructuredData?.For(this) ?? HtmlString.Empty;

    /// <summary>The trail from the site to this page (the site, the category, the page), as the
    /// page shows it and its BreadcrumbList says it.</summary>
    public IReadOnlyList<Crumb> Breadcrumbs => StructuredData?.Breadcrumbs(this) ?? [];

    internal StructuredData? StructuredData { get; set; }

    /// <summary>Every language's version of this page, this one included, in the order of site.yml's
    /// <c>languages:</c> (empty on a site in one language, or with no translation of it).</summary>
    public IReadOnlyList<Translation> Translations { get; internal set; } = [];
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
internal sealed class Term
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required string Url { get; init; }
    /// <summary>Output folder of its first page, relative to the output root (<c>tags/rust/</c>).</summary>
    internal string Folder { get; init; } = "";
    /// <summary>Its articles in the site's order; the model files articles in it.</summary>
    internal List<Document> ArticleList { get; } = [];
    public IReadOnlyList<Document> Articles => ArticleList;
    public int Count => ArticleList.Count;
    public AuthorProfile? Profile { get; init; }
    internal bool MergeWarned { get; set; }
}

/// <summary>A list of terms, such as all tags.</summary>
internal sealed class Taxonomy
{
    public required string Name { get; init; }
    /// <summary>URL segment such as <c>tags</c>.</summary>
    public required string Segment { get; init; }
    /// <summary>Output folder of its index, relative to the output root (<c>tags/</c>, <c>en/tags/</c>).</summary>
    internal string Folder { get; init; } = "";
    public required string Url { get; init; }

    /// <summary>The terms in the order of their slugs (ordinal).</summary>
    internal List<Term> TermList { get; } = [];
    public IReadOnlyList<Term> Terms => TermList;

    /// <summary>The term with this slug, found by halving the slug-ordered list; null when there is none.</summary>
    public Term? Find(string slug)
    {
        int low = 0, high = TermList.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(TermList[middle].Slug, slug);
            if (order == 0)
            {
                return TermList[middle];
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
internal sealed class ArchivePeriod
{
    public required int Year { get; init; }
    /// <summary>1 to 12, or 0 for the whole year.</summary>
    public required int Month { get; init; }
    public required string Url { get; init; }
    /// <summary>Output folder relative to the output root (<c>2024/09/</c>).</summary>
    public required string Folder { get; init; }
    internal List<Document> ArticleList { get; } = [];
    public IReadOnlyList<Document> Articles => ArticleList;
}

/// <summary>Everything resolved about the site before rendering.</summary>
internal sealed class SiteModel
{
    public required SiteConfig Config { get; init; }
    /// <summary>Published articles, newest first.</summary>
    internal List<Document> ArticleList { get; init; } = [];
    public IReadOnlyList<Document> Articles => ArticleList;
    public required IReadOnlyList<Document> Pages { get; init; }
    public required Taxonomy Tags { get; init; }
    public required Taxonomy Categories { get; init; }
    public required Taxonomy Authors { get; init; }
    /// <summary>Years, then months, newest first.</summary>
    internal List<ArchivePeriod> ArchiveList { get; init; } = [];
    public IReadOnlyList<ArchivePeriod> Archives => ArchiveList;
    /// <summary>The soonest article held back because its date is in the future.</summary>
    public ScheduledArticle? NextScheduled { get; internal set; }
    /// <summary>Writes the pages' JSON-LD and breadcrumbs.</summary>
    internal required StructuredData StructuredData { get; init; }
    /// <summary>The search page's URL, when the site has search.</summary>
    public string? SearchUrl { get; init; }
    /// <summary>The output folder of this language's edition: <c>""</c> for the default language, <c>en/</c> for another.</summary>
    internal string Prefix { get; init; } = "";
    /// <summary>The home page of each language's edition (empty on a site in one language).</summary>
    internal IReadOnlyList<Translation> Homes { get; set; } = [];
}
