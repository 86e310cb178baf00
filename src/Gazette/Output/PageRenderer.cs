using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Templates;
using Gazette.Text;

namespace Gazette.Output;

/// <summary>An HTML page of the site, for the sitemap.</summary>
/// <param name="Images">Absolute URLs of the photos on the page.</param>
/// <param name="Alternates">Its versions in the site's languages, itself included (the sitemap's
/// <c>xhtml:link</c>s); empty when it has no translation.</param>
internal sealed record WrittenPage(string OutputPath, string Url, DateTimeOffset? LastModified, IReadOnlyList<string> Images, string Source,
    IReadOnlyList<Translation> Alternates)
{
    /// <summary>Two pages that give the same sitemap entry.</summary>
    public static IEqualityComparer<WrittenPage> SameEntry { get; } = EqualityComparer<WrittenPage>.Create(
        (a, b) => a!.OutputPath == b!.OutputPath && a.Url == b.Url && a.LastModified == b.LastModified && a.Images.SequenceEqual(b.Images)
            && a.Alternates.SequenceEqual(b.Alternates),
        page => page.OutputPath.GetHashCode(StringComparison.Ordinal));
}

/// <summary>One page to render: a layout and the values it is given (<c>page</c>, <c>paginator</c>…).</summary>
internal sealed record PageJob(string Group, string Layout, string OutputPath, string Language, string ErrorContext,
    Dictionary<string, object?> Globals, string Url, DateTimeOffset? LastModified, IReadOnlyList<string> Images, bool InSitemap = true,
    IReadOnlyList<Translation>? Alternates = null)
{
    public WrittenPage ToWrittenPage() => new(OutputPath, Url, LastModified, Images, ErrorContext, Alternates ?? []);

    /// <summary>Whether <paramref name="other"/> (the same page listed again) renders the same: same
    /// layout and values (a document, a term: the same object; a paginator: the same articles on
    /// the same page of the same list). Its sitemap entry may differ.</summary>
    public bool RendersAs(PageJob other) =>
        Layout == other.Layout && Language == other.Language && Globals.Count == other.Globals.Count
        && Globals.All(g => other.Globals.TryGetValue(g.Key, out var value) && SameValue(g.Value, value));

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (Paginator x, Paginator y) => x.Items.SequenceEqual(y.Items) && x.PageNumber == y.PageNumber && x.TotalPages == y.TotalPages
            && x.TotalItems == y.TotalItems && x.PrevUrl == y.PrevUrl && x.NextUrl == y.NextUrl && x.FirstUrl == y.FirstUrl
            && x.LastUrl == y.LastUrl && x.Pages.SequenceEqual(y.Pages),
        _ => ModelMembers.Same(a, b),
    };
}

/// <summary>
/// Lists every page the site has (articles, pages, the paginated home, term pages and indexes,
/// date archives, 404), renders them through the theme in parallel and hands them to the writer.
/// </summary>
internal static class PageRenderer
{
    /// <summary>Renders the pages in parallel and writes them. Returns what each page read of the
    /// model, in the order of <paramref name="jobs"/> (null for a page that failed, or when not
    /// <paramref name="record"/>ed: a build that no update follows).</summary>
    /// <param name="linkRecords">When given, each page's links left to check, in the order of
    /// <paramref name="jobs"/> (the build cache keeps them).</param>
    public static Read[]?[] Render(IReadOnlyList<PageJob> jobs, TemplateRenderer templates, OutputWriter writer, LinkChecker? links,
        DiagnosticBag diagnostics, ParallelOptions? parallel = null, bool record = true, LinkChecker.PageLinks?[]? linkRecords = null)
    {
        var reads = new Read[]?[jobs.Count];
        // Each worker keeps its page buffer (pages are written from it without becoming strings)
        // and its recorder of reads, page after page.
        Parallel.For(0, jobs.Count, parallel ?? new ParallelOptions(), () => (Html: new HtmlBuffer(), Recorder: record ? new ReadRecorder() : null), (index, _, worker) =>
        {
            var job = jobs[index];
            var (html, recorder) = worker;
            html.Clear();
            var rendered = templates.RenderPage(job.Layout, job.Globals, job.Language, job.ErrorContext, diagnostics, html, recorder);
            var read = recorder?.Take();
            if (!rendered)
            {
                return worker;
            }

            reads[index] = read;

            if (writer.WriteUtf8(job.OutputPath, html.Utf8, job.ErrorContext) is { } earlier)
            {
                diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(job.ErrorContext),
                    $"'{job.OutputPath}' is also written by '{earlier}'; change a slug so each page has its own URL");
                return worker;
            }

            links?.Collect(job.ErrorContext, job.OutputPath, html.Utf8, linkRecords is null ? null : linkRecords[index] = new LinkChecker.PageLinks());
            return worker;
        }, worker => worker.Html.Dispose());
        return reads;
    }

    public static Dictionary<string, int> CountByGroup(IEnumerable<PageJob> jobs) =>
        jobs.GroupBy(j => j.Group).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static List<WrittenPage> SitemapPages(IEnumerable<PageJob> jobs) =>
        [.. jobs.Where(j => j.InSitemap).Select(j => j.ToWrittenPage()).OrderBy(p => p.OutputPath, StringComparer.Ordinal)];

    /// <summary>Every page of the site (of one language's edition), in a stable order.</summary>
    /// <param name="site">What templates see as <c>site</c>, for another language's edition than the default.</param>
    public static List<PageJob> ListJobs(SiteModel model, TemplateRenderer templates, SiteUrls urls, object? site = null)
    {
        var config = model.Config;
        var jobs = new List<PageJob>();
        jobs.AddRange(model.Articles.Concat(model.Pages).Select(DocumentJob));
        var lists = new List<object> { model };
        foreach (var taxonomy in new[] { model.Tags, model.Categories, model.Authors })
        {
            lists.AddRange(taxonomy.Terms);
            lists.Add(taxonomy);
        }

        lists.AddRange(model.Archives);
        foreach (var list in lists)
        {
            jobs.AddRange(JobsOf(list, model, templates, urls));
        }

        var localizer = templates.Localizer(config.Language);
        if (model.SearchUrl is { } searchUrl)
        {
            var search = new ListPage
            {
                Kind = "search",
                Title = localizer.Translate("search_title"),
                Url = searchUrl,
                AbsoluteUrl = urls.Absolute(searchUrl),
                Lang = config.Language,
                Breadcrumbs = [model.StructuredData.Home, new Crumb(localizer.Translate("search_title"), searchUrl)],
                StructuredData = model.StructuredData,
            };
            // A search page lists no content of its own: it is not in the sitemap.
            jobs.Add(new PageJob("search", SearchLayout, config.SearchFolderOf(config.Language) + "index.html", config.Language, $"{model.Prefix}search page",
                new() { ["kind"] = "search", ["page"] = search }, search.AbsoluteUrl, null, [], InSitemap: false));
        }

        if (site is not null)
        {
            foreach (var job in jobs)
            {
                job.Globals["site"] = site;
            }
        }

        if (model.Prefix.Length > 0)
        {
            return jobs; // GitHub Pages serves one 404 page: the default language's
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
        }, urls.Absolute(notFoundUrl), null, [], InSitemap: false));
        return jobs;
    }

    private const string NotFoundLayout = "404.html";

    /// <summary>The search page's layout: a theme that has it gets a search page (docs/themes.md).</summary>
    public const string SearchLayout = "search.html";

    /// <summary>The page of an article or a standalone page.</summary>
    public static PageJob DocumentJob(Document document)
    {
        var isArticle = document.Kind == DocumentKind.Article;
        return new PageJob(isArticle ? "articles" : "pages", isArticle ? "article.html" : "page.html", document.OutputPath,
            document.Lang, document.SourcePath, new() { ["page"] = document, ["kind"] = isArticle ? "article" : "page" },
            document.AbsoluteUrl, document.LastModified, PhotoUrls(document), Alternates: document.Translations);
    }

    /// <summary>
    /// The pages of one list of articles: the home page's (the list is the model), a term's, a
    /// month's or year's of the archive, or a taxonomy's index (<c>terms.html</c>, when the theme
    /// has it). A term or month no longer in the site has none.
    /// </summary>
    public static List<PageJob> JobsOf(object list, SiteModel model, TemplateRenderer templates, SiteUrls urls)
    {
        var config = model.Config;
        var jobs = new List<PageJob>();
        switch (list)
        {
            case SiteModel:
                AddList(jobs, "lists", "home", config.Title, config.Description, null, null, model.Articles, model.Prefix, [], model, urls);
                break;
            case Term term when TaxonomyOf(model, term) is { } taxonomy:
                // The page's kind for templates.
                var kind = taxonomy == model.Tags ? "tag" : taxonomy == model.Categories ? "category" : "author";
                List<Crumb> trail = [model.StructuredData.Home];
                if (templates.HasLayout("terms.html"))
                {
                    trail.Add(new Crumb(templates.Localizer(config.Language).Translate(taxonomy.Segment), taxonomy.Url));
                }

                trail.Add(new Crumb(term.Name, term.Url));
                AddList(jobs, taxonomy.Segment, kind, term.Name, term.Profile?.Bio, term, taxonomy, term.Articles, term.Folder, trail, model, urls);
                break;
            case ArchivePeriod period when model.ArchiveList.Contains(period):
                var title = period.Month == 0
                    ? period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : templates.Localizer(config.Language).FormatMonth(period.Year, period.Month);
                var year = model.ArchiveList.First(p => p.Year == period.Year && p.Month == 0);
                List<Crumb> periods = [model.StructuredData.Home, new Crumb(year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.Url)];
                if (period.Month != 0)
                {
                    periods.Add(new Crumb(title, period.Url));
                }

                AddList(jobs, "archives", period.Month == 0 ? "year" : "month", title, null, null, null, period.Articles, period.Folder, periods, model, urls);
                break;
            case Taxonomy taxonomy when templates.HasLayout("terms.html"):
                var page = new ListPage
                {
                    Kind = "terms",
                    Title = templates.Localizer(config.Language).Translate(taxonomy.Segment),
                    Url = taxonomy.Url,
                    AbsoluteUrl = urls.Absolute(taxonomy.Url),
                    Lang = config.Language,
                    Taxonomy = taxonomy,
                    Breadcrumbs = [model.StructuredData.Home, new Crumb(templates.Localizer(config.Language).Translate(taxonomy.Segment), taxonomy.Url)],
                    StructuredData = model.StructuredData,
                };
                jobs.Add(new PageJob("lists", "terms.html", taxonomy.Folder + "index.html", config.Language,
                    $"{taxonomy.Segment}/ index", new() { ["page"] = page, ["kind"] = "terms" }, page.AbsoluteUrl,
                    LastModified([.. taxonomy.Terms.SelectMany(t => t.Articles)]), []));
                break;
        }

        return jobs;
    }

    /// <summary>The folder of a list's first page (see <see cref="JobsOf"/>); the next ones are in its <c>page/N/</c>.</summary>
    public static string FolderOf(object list) => list switch
    {
        Term term => term.Folder,
        ArchivePeriod period => period.Folder,
        Taxonomy taxonomy => taxonomy.Folder,
        _ => "",
    };

    private static Taxonomy? TaxonomyOf(SiteModel model, Term term) =>
        new[] { model.Tags, model.Categories, model.Authors }.FirstOrDefault(t => t.Find(term.Slug) == term);

    /// <summary>A list's last modification: its newest article's update, or publication.</summary>
    public static DateTimeOffset? LastModified(IReadOnlyList<Document> articles) =>
        articles.Count == 0 ? null : articles.Max(a => a.LastModified);

    public static List<string> PhotoUrls(Document document) =>
        [.. (document.Cover is null ? document.Figures : [document.Cover, .. document.Figures]).Select(f => f.AbsoluteUrl).Distinct()];

    private static void AddList(List<PageJob> jobs, string group, string kind, string title, string? description, Term? term,
        Taxonomy? taxonomy, IReadOnlyList<Document> articles, string folder, IReadOnlyList<Crumb> breadcrumbs, SiteModel model, SiteUrls urls)
    {
        var config = model.Config;
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
                Breadcrumbs = breadcrumbs,
                Items = paginator.Items,
                StructuredData = model.StructuredData,
                Translations = kind == "home" && paginator.PageNumber == 1 ? model.Homes : [],
            };
            jobs.Add(new PageJob(group, "list.html", pageFolder + "index.html", config.Language,
                $"{(folder.Length == 0 ? "home" : folder)} page {paginator.PageNumber}",
                new() { ["page"] = page, ["paginator"] = paginator, ["kind"] = kind }, page.AbsoluteUrl, lastModified, [],
                Alternates: page.Translations));
        }
    }
}
