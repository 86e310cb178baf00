using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Templates;

namespace Gazette.Output;

/// <summary>
/// Lists every page the site has (articles, pages, the paginated home, term pages, term
/// indexes, 404), renders them through the theme in parallel and hands them to the writer.
/// </summary>
internal static class PageRenderer
{
    private sealed record PageJob(string Kind, string Layout, string OutputPath, string Language, string ErrorContext,
        Dictionary<string, object?> Globals);

    public static Dictionary<string, int> RenderAll(SiteModel model, TemplateRenderer templates, SiteUrls urls,
        OutputWriter writer, DiagnosticBag diagnostics)
    {
        var jobs = ListJobs(model, templates, urls);
        var minify = model.Config.Minify;
        Parallel.ForEach(jobs, job =>
        {
            var html = templates.RenderPage(job.Layout, job.Globals, job.Language, job.ErrorContext, diagnostics);
            if (html is null)
            {
                return;
            }

            if (minify)
            {
                var minified = Minifier.Minify(html, ".html", out var error);
                if (minified is null)
                {
                    diagnostics.Warning(DiagnosticCodes.MinifyFailed, SourceLocation.File(job.ErrorContext),
                        $"'{job.OutputPath}' was left unminified, NUglify says: {error!.Message} (generated line {error.Line}, column {error.Column})");
                }

                html = minified ?? html;
            }

            if (writer.WriteText(job.OutputPath, html, job.ErrorContext) is { } earlier)
            {
                diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(job.ErrorContext),
                    $"'{job.OutputPath}' is also written by '{earlier}'; change a slug so each page has its own URL");
            }
        });

        return jobs.GroupBy(j => j.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static List<PageJob> ListJobs(SiteModel model, TemplateRenderer templates, SiteUrls urls)
    {
        var config = model.Config;
        var jobs = new List<PageJob>();
        foreach (var article in model.Articles)
        {
            jobs.Add(new PageJob("articles", "article.html", article.OutputPath, article.Lang, article.SourcePath,
                new() { ["page"] = article, ["kind"] = "article" }));
        }

        foreach (var page in model.Pages)
        {
            jobs.Add(new PageJob("pages", "page.html", page.OutputPath, page.Lang, page.SourcePath, new() { ["page"] = page, ["kind"] = "page" }));
        }

        var localizer = templates.Localizer(config.Language);
        AddList(jobs, "lists", "home", config.Title, config.Description, null, null, model.Articles, "", config, urls);
        foreach (var (taxonomy, kind) in new[] { (model.Tags, "tag"), (model.Categories, "category"), (model.Authors, "author") })
        {
            foreach (var term in taxonomy.Terms)
            {
                var description = term.Profile?.Bio;
                AddList(jobs, taxonomy.Segment, kind, term.Name, description, term, taxonomy, term.Articles,
                    $"{taxonomy.Segment}/{term.Slug}/", config, urls);
            }

            if (templates.HasLayout("terms.html"))
            {
                var page = new ListPage
                {
                    Kind = "terms",
                    Title = localizer.Translate(taxonomy.Segment),
                    Url = taxonomy.Url,
                    AbsoluteUrl = urls.Absolute(taxonomy.Url),
                    Lang = config.Language,
                    Taxonomy = taxonomy,
                };
                jobs.Add(new PageJob("lists", "terms.html", $"{taxonomy.Segment}/index.html", config.Language,
                    $"{taxonomy.Segment}/ index", new() { ["page"] = page, ["kind"] = "terms" }));
            }
        }

        var notFoundUrl = urls.ForOutput("404.html");
        jobs.Add(new PageJob("404", "404.html", "404.html", config.Language, "404 page", new()
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
        }));
        return jobs;
    }

    private static void AddList(List<PageJob> jobs, string group, string kind, string title, string? description, Term? term,
        Taxonomy? taxonomy, IReadOnlyList<Document> articles, string folder, Configuration.SiteConfig config, SiteUrls urls)
    {
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
                new() { ["page"] = page, ["paginator"] = paginator, ["kind"] = kind }));
        }
    }
}
