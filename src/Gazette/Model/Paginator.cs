using Gazette.Configuration;
using Gazette.Text;
namespace Gazette.Model;

/// <summary>A link to one page of a paginated list.</summary>
internal sealed record PageLink(int Number, string Url, bool IsCurrent);

/// <summary>One page of a paginated list of articles, as templates see it.</summary>
internal sealed class Paginator
{
    public required IReadOnlyList<Document> Items { get; init; }
    public required int PageNumber { get; init; }
    public required int TotalPages { get; init; }
    public required int TotalItems { get; init; }
    public string? PrevUrl { get; init; }
    public string? NextUrl { get; init; }
    public required string FirstUrl { get; init; }
    public required string LastUrl { get; init; }
    /// <summary>Links to the pages around the current one (a window, so long archives stay linear).</summary>
    public required IReadOnlyList<PageLink> Pages { get; init; }

    private const int WindowRadius = 2;

    private static IEnumerable<int> Window(int current, int total)
    {
        var first = Math.Max(1, current - WindowRadius);
        var last = Math.Min(total, current + WindowRadius);
        return Enumerable.Range(first, last - first + 1);
    }

    /// <summary>Splits <paramref name="articles"/> into pages of <paramref name="pageSize"/>. The first
    /// page is at <paramref name="folder"/>, the others at <c>folder/page/N/</c>. An empty list still
    /// has one (empty) page, so a home page or a term page always exists.</summary>
    /// <returns>Each page with its output folder relative to the output root.</returns>
    public static IEnumerable<(Paginator Paginator, string Folder)> Paginate(IReadOnlyList<Document> articles, int pageSize,
        string folder, SiteUrls urls)
    {
        var totalPages = Math.Max(1, (articles.Count + pageSize - 1) / pageSize);
        string FolderOf(int number) => number == 1 ? folder : $"{folder}page/{number}/";
        var links = Enumerable.Range(1, totalPages).Select(n => urls.ForOutput(FolderOf(n))).ToArray();
        for (var number = 1; number <= totalPages; number++)
        {
            var start = (number - 1) * pageSize;
            var count = Math.Min(pageSize, articles.Count - start);
            var current = number;
            yield return (new Paginator
            {
                Items = count <= 0 ? [] : articles.Skip(start).Take(count).ToList(),
                PageNumber = number,
                TotalPages = totalPages,
                TotalItems = articles.Count,
                PrevUrl = number > 1 ? links[number - 2] : null,
                NextUrl = number < totalPages ? links[number] : null,
                FirstUrl = links[0],
                LastUrl = links[^1],
                Pages = Window(current, totalPages).Select(n => new PageLink(n, links[n - 1], n == current)).ToList(),
            }, FolderOf(number));
        }
    }
}

/// <summary>A generated page that is not an article: the home page, a term page, the 404 page.</summary>
internal sealed record ListPage : IJsonLdSource
{
    /// <summary><c>home</c>, <c>tag</c>, <c>category</c>, <c>author</c>, <c>year</c>, <c>month</c>, <c>terms</c>, <c>search</c> or <c>404</c>.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required string AbsoluteUrl { get; init; }
    public required string Lang { get; init; }
    public string? Summary { get; init; }
    public Term? Term { get; init; }
    public Taxonomy? Taxonomy { get; init; }
    /// <summary>The trail from the site to this page; empty on the home page and the 404 page.</summary>
    public IReadOnlyList<Crumb> Breadcrumbs { get; init; } = [];
    /// <summary>Every language's version of this page (the home pages of a site in several languages).</summary>
    public IReadOnlyList<Translation> Translations { get; init; } = [];
    /// <summary>The articles this page lists (its page of the list).</summary>
    internal IReadOnlyList<Document> Items { get; init; } = [];
    internal StructuredData? StructuredData { get; init; }

    /// <summary>The page's schema.org JSON-LD: a CollectionPage of its articles (a ProfilePage on an
    /// author's page), with the WebSite and its publisher on the home page.</summary>
    public HtmlString JsonLd => StructuredData?.For(this) ?? HtmlString.Empty;

    // What StructuredData.For(ListPage) reads besides the members above: the listed articles'
    // URLs, the author's profile, a taxonomy index's terms (the term and the taxonomy themselves
    // are digested by their URL). Change both together.
    object? IJsonLdSource.JsonLdInputs => new object?[]
    {
        StructuredData is null,
        Items.Select(d => d.AbsoluteUrl).ToArray(),
        Term?.Profile,
        Taxonomy is { } taxonomy && Term is null ? taxonomy.Terms.Select(t => t.Url).ToArray() : null,
    };

    // Compared by what it shows (a page listed again by an update renders the same when this is equal).
    public bool Equals(ListPage? other) =>
        other is not null && Kind == other.Kind && Title == other.Title && Url == other.Url && AbsoluteUrl == other.AbsoluteUrl
        && Lang == other.Lang && Summary == other.Summary && ReferenceEquals(Term, other.Term) && ReferenceEquals(Taxonomy, other.Taxonomy)
        && Breadcrumbs.SequenceEqual(other.Breadcrumbs) && Items.SequenceEqual(other.Items) && Translations.SequenceEqual(other.Translations);

    public override int GetHashCode() => HashCode.Combine(Kind, Url);
}
