using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Templates;

namespace Gazette.Output;

/// <summary>An HTML page of the site, for the sitemap.</summary>
/// <param name="Images">Absolute URLs of the photos on the page.</param>
public sealed record WrittenPage(string OutputPath, string Url, DateTimeOffset? LastModified, IReadOnlyList<string> Images, string Source)
{
    /// <summary>Two pages that give the same sitemap entry.</summary>
    public static IEqualityComparer<WrittenPage> SameEntry { get; } = EqualityComparer<WrittenPage>.Create(
        (a, b) => a!.OutputPath == b!.OutputPath && a.Url == b.Url && a.LastModified == b.LastModified && a.Images.SequenceEqual(b.Images),
        page => page.OutputPath.GetHashCode(StringComparison.Ordinal));
}

/// <summary>One page to render.</summary>
/// <param name="Shows">The documents whose content appears on the page: when one of them changes, or the
/// list changes, the dev server renders the page again.</param>
/// <param name="Listing">For a list's page, the whole list its last modification is the newest of.</param>
internal sealed record PageJob(string Group, string Layout, string OutputPath, string Language, string ErrorContext,
    Dictionary<string, object?> Globals, string Url, DateTimeOffset? LastModified, IReadOnlyList<string> Images,
    IReadOnlyList<Document> Shows, bool InSitemap = true, IReadOnlyList<Document>? Listing = null)
{
    public WrittenPage ToWrittenPage() => new(OutputPath, Url, LastModified, Images, ErrorContext);
}

/// <summary>
/// Lists every page the site has (articles, pages, the paginated home, term pages and indexes,
/// date archives, 404), renders them through the theme in parallel and hands them to the writer.
/// </summary>
internal static class PageRenderer
{
    /// <summary>Renders the pages in parallel and writes them.</summary>
    public static void Render(IReadOnlyList<PageJob> jobs, TemplateRenderer templates, OutputWriter writer, LinkChecker? links,
        DiagnosticBag diagnostics, ParallelOptions? parallel = null)
    {
        Parallel.ForEach(jobs, parallel ?? new ParallelOptions(), job =>
        {
            var html = _pageBuffer ??= new HtmlBuffer();
            html.Clear();
            if (!templates.RenderPage(job.Layout, job.Globals, job.Language, job.ErrorContext, diagnostics, html))
            {
                return;
            }

            if (writer.WriteUtf8(job.OutputPath, html.Utf8, job.ErrorContext) is { } earlier)
            {
                diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(job.ErrorContext),
                    $"'{job.OutputPath}' is also written by '{earlier}'; change a slug so each page has its own URL");
                return;
            }

            links?.Collect(job.ErrorContext, job.OutputPath, html.Utf8);
        });
    }

    // Each rendering thread keeps its page buffer: pages are written from it without becoming strings.
    [ThreadStatic]
    private static HtmlBuffer? _pageBuffer;

    public static Dictionary<string, int> CountByGroup(IEnumerable<PageJob> jobs) =>
        jobs.GroupBy(j => j.Group).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static List<WrittenPage> SitemapPages(IEnumerable<PageJob> jobs) =>
        [.. jobs.Where(j => j.InSitemap).Select(j => j.ToWrittenPage()).OrderBy(p => p.OutputPath, StringComparer.Ordinal)];

    /// <summary>Every page of the site, in a stable order.</summary>
    public static List<PageJob> ListJobs(SiteModel model, TemplateRenderer templates, SiteUrls urls)
    {
        var config = model.Config;
        var jobs = new List<PageJob>();
        jobs.AddRange(model.Articles.Concat(model.Pages).Select(DocumentJob));

        var localizer = templates.Localizer(config.Language);
        AddList(jobs, "lists", "home", config.Title, config.Description, null, null, model.Articles, "", config, urls);
        foreach (var taxonomy in new[] { model.Tags, model.Categories, model.Authors })
        {
            foreach (var term in taxonomy.Terms)
            {
                jobs.AddRange(TermJobs(model, taxonomy, term, urls));
            }

            if (TermsIndexJob(taxonomy, templates, config, urls) is { } index)
            {
                jobs.Add(index);
            }
        }

        foreach (var period in model.Archives)
        {
            var title = period.Month == 0
                ? period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : localizer.FormatMonth(period.Year, period.Month);
            AddList(jobs, "archives", period.Month == 0 ? "year" : "month", title, null, null, null, period.Articles, period.Folder, config, urls);
        }

        var notFoundUrl = urls.ForOutput("404.html");
        jobs.Add(new PageJob("404", NotFoundLayout, "404.html", config.Language, "404 page", new()
        {
            ["kind"] = "404",
            ["page"] = new ListPage
            {
                Kind = "404",
                Title = localizer.Translate("not_found_title"),
                Url = notFoundUrl,
                AbsoluteUrl = urls.Absolute(notFoundUrl),
                Lang = config.Language,
            },
        }, urls.Absolute(notFoundUrl), null, [],
            // A 404 page listing the site's articles (the default theme's lists the latest) shows any of them.
            templates.ReadsSiteLists(NotFoundLayout) ? [.. model.Articles, .. model.Pages] : [], InSitemap: false));
        return jobs;
    }

    /// <summary>The layout of the 404 page; the dev server knows its job shows every document when it
    /// reads the site's lists.</summary>
    public const string NotFoundLayout = "404.html";

    /// <summary>The page of an article or a standalone page.</summary>
    public static PageJob DocumentJob(Document document)
    {
        var isArticle = document.Kind == DocumentKind.Article;
        return new PageJob(isArticle ? "articles" : "pages", isArticle ? "article.html" : "page.html", document.OutputPath,
            document.Lang, document.SourcePath, new() { ["page"] = document, ["kind"] = isArticle ? "article" : "page" },
            document.AbsoluteUrl, document.LastModified, PhotoUrls(document), Shows(document));
    }

    /// <summary>The pages of a tag, category or author: its articles, paginated.</summary>
    public static List<PageJob> TermJobs(SiteModel model, Taxonomy taxonomy, Term term, SiteUrls urls)
    {
        // The page's kind for templates.
        var kind = taxonomy == model.Tags ? "tag" : taxonomy == model.Categories ? "category" : "author";
        var jobs = new List<PageJob>();
        AddList(jobs, taxonomy.Segment, kind, term.Name, term.Profile?.Bio, term, taxonomy, term.Articles,
            $"{taxonomy.Segment}/{term.Slug}/", model.Config, urls);
        return jobs;
    }

    /// <summary>The page listing a taxonomy's terms, when the theme has a <c>terms.html</c> layout.</summary>
    public static PageJob? TermsIndexJob(Taxonomy taxonomy, TemplateRenderer templates, SiteConfig config, SiteUrls urls)
    {
        if (!templates.HasLayout("terms.html"))
        {
            return null;
        }

        var page = new ListPage
        {
            Kind = "terms",
            Title = templates.Localizer(config.Language).Translate(taxonomy.Segment),
            Url = taxonomy.Url,
            AbsoluteUrl = urls.Absolute(taxonomy.Url),
            Lang = config.Language,
            Taxonomy = taxonomy,
        };
        List<Document> listed = [.. taxonomy.Terms.SelectMany(t => t.Articles)];
        return new PageJob("lists", "terms.html", $"{taxonomy.Segment}/index.html", config.Language,
            $"{taxonomy.Segment}/ index", new() { ["page"] = page, ["kind"] = "terms" }, page.AbsoluteUrl,
            LastModified(listed), [], listed, Listing: listed);
    }

    /// <summary>A list's last modification: its newest article's update, or publication.</summary>
    public static DateTimeOffset? LastModified(IReadOnlyList<Document> articles) =>
        articles.Count == 0 ? null : articles.Max(a => a.LastModified);

    /// <summary>An article page shows itself, its neighbours and its related articles.</summary>
    private static List<Document> Shows(Document document)
    {
        var shows = new List<Document>(7) { document };
        if (document.Previous is { } previous)
        {
            shows.Add(previous);
        }

        if (document.Next is { } next)
        {
            shows.Add(next);
        }

        shows.AddRange(document.Related);
        return shows;
    }

    /// <summary>A document's page with the photos its document has now (for the sitemap), after an edit in place.</summary>
    public static PageJob WithCurrentPhotos(PageJob job) =>
        job.Globals.TryGetValue("page", out var page) && page is Document document && document.OutputPath == job.OutputPath
            ? job with { Images = PhotoUrls(document) }
            : job;

    public static List<string> PhotoUrls(Document document) =>
        [.. (document.Cover is null ? document.Figures : [document.Cover, .. document.Figures]).Select(f => f.AbsoluteUrl).Distinct()];

    private static void AddList(List<PageJob> jobs, string group, string kind, string title, string? description, Term? term,
        Taxonomy? taxonomy, IReadOnlyList<Document> articles, string folder, SiteConfig config, SiteUrls urls)
    {
        var lastModified = LastModified(articles);
        foreach (var (paginator, pageFolder) in Paginator.Paginate(articles, config.Pagination, folder, urls))
        {
            var url = urls.ForOutput(pageFolder);
            var page = new ListPage
            {
                Kind = kind,
                Title = title,
                Url = url,
                AbsoluteUrl = urls.Absolute(url),
                Lang = config.Language,
                Summary = description,
                Term = term,
                Taxonomy = taxonomy,
            };
            jobs.Add(new PageJob(group, "list.html", pageFolder + "index.html", config.Language,
                $"{(folder.Length == 0 ? "home" : folder)} page {paginator.PageNumber}",
                new() { ["page"] = page, ["paginator"] = paginator, ["kind"] = kind }, page.AbsoluteUrl, lastModified, [], paginator.Items,
                Listing: articles));
        }
    }
}
