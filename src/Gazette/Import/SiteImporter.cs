using System.Globalization;
using System.Text;
using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Text;
using Gazette.Yaml;

namespace Gazette.Import;

/// <summary>What an import did, for the command's last line.</summary>
public sealed record ImportSummary(int Articles, int Pages, int Files, int Skipped, int Aliases);

/// <summary>
/// <c>gazette import jekyll|hugo</c>: brings an old site's articles and pages into this site as
/// Gazette documents. The old site is only read. Each article becomes a page bundle
/// (<c>content/posts/&lt;slug&gt;/index.md</c> with its photos), each page <c>content/pages/</c>;
/// every URL the old site published stays an alias; authors, title and language go into site.yml.
/// What needs a human is reported at its line in the old file.
/// </summary>
public static class SiteImporter
{
    /// <summary>Front matter keys that only steer the old generator's templates or build: dropped
    /// without a word.</summary>
    private static readonly HashSet<string> GeneratorKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "layout", "comments", "share", "sitemap", "type", "weight", "menu", "hidden", "excerpt_separator",
        "render_with_liquid", "published", "permalink", "url", "showToc", "TocOpen", "ShowReadingTime",
        "ShowBreadCrumbs", "ShowPostNavLinks", "ShowWordCount", "ShowRssButtonInSectionTermList", "UseHugoToc",
        "disableShare", "disableHLJS", "hideSummary", "searchHidden", "robotsNoIndex", "markup", "math", "mathjax",
        "katex", "header", "classes", "read_time", "show_date", "toc_sticky", "toc_label", "toc_icon", "sidebar",
        "author_profile", "related", "nav_order", "parent", "has_children", "nav_exclude", "permalink_name",
    };

    public static ImportSummary? Import(OldGenerator generator, string oldSiteDirectory, string siteDirectory, DiagnosticBag diagnostics)
    {
        var from = Path.GetFullPath(oldSiteDirectory);
        var site = Path.GetFullPath(siteDirectory);
        if (!Directory.Exists(from))
        {
            diagnostics.Error(DiagnosticCodes.ImportNoSite, SourceLocation.File(oldSiteDirectory), "no such folder; give the old site's folder with --from");
            return null;
        }

        if (Inside(site, from) || Inside(from, site))
        {
            diagnostics.Error(DiagnosticCodes.ImportNoSite, SourceLocation.File(oldSiteDirectory),
                "the old site and the new one are the same folder or one holds the other; the old site must stay as it is: import into a site folder of its own (gazette init), with --source");
            return null;
        }

        if (!File.Exists(Path.Combine(site, "site.yml")))
        {
            diagnostics.Error(DiagnosticCodes.ImportNoSite, SourceLocation.File(Path.Combine(siteDirectory, "site.yml")),
                "the site to import into has no site.yml; start it first (gazette init), then import into it with --source");
            return null;
        }

        var config = SiteConfigLoader.Load(site, new DiagnosticBag());
        var zone = config?.TimeZone ?? TimeZoneInfo.Utc;
        OldSite? old = generator == OldGenerator.Jekyll ? JekyllSite.Read(from, zone, diagnostics) : HugoSite.Read(from, zone, diagnostics);
        if (old is null)
        {
            return null;
        }

        var authors = new Dictionary<string, OldAuthor>(StringComparer.Ordinal);
        var (articles, links) = Plan(old, config?.ArticlePermalink ?? "/{year}/{month}/{slug}/", zone, authors, diagnostics);
        foreach (var article in articles)
        {
            Convert(article, old, links, diagnostics);
        }

        var writing = "content/";
        try
        {
            var summary = Write(articles, site, path => writing = path, diagnostics);
            writing = "site.yml";
            SiteYamlMerger.Merge(site, old, authors, diagnostics);
            return summary;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.ImportFailed, SourceLocation.File(writing),
                $"cannot be written ({e.Message}); what was written before stays, and importing again keeps it and goes on");
            return null;
        }
    }

    private static bool Inside(string folder, string parent)
    {
        var relative = Path.GetRelativePath(parent, folder);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    /// <summary>Each document in Gazette's words, with its slug (one per site), its old and new URLs
    /// (an alias when they differ), and the names other documents' links give it.</summary>
    private static (List<ImportedArticle> Articles, ImportLinks Links) Plan(OldSite old, string permalink, TimeZoneInfo zone,
        Dictionary<string, OldAuthor> authors, DiagnosticBag diagnostics)
    {
        var articles = new List<ImportedArticle>();
        var links = new ImportLinks();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in old.Documents)
        {
            if (Map(document, old, authors, diagnostics) is not { } article)
            {
                continue;
            }

            article.Slug = Unique(article.Slug, slugs);
            article.OldUrl = old.OldUrl(document, article);
            if (document.IsArticle)
            {
                var published = article.Date!.Value.Value;
                article.NewUrl = "/" + SiteUrls.ArticleFolder(permalink, published.ToOffset(zone.GetUtcOffset(published)), article.Slug, Slug.From(article.Category ?? ""));
            }
            else
            {
                article.NewUrl = $"/{article.Slug}/";
            }

            if (!SameUrl(article.OldUrl, article.NewUrl))
            {
                article.Aliases.Insert(0, article.OldUrl);
            }

            links.Add(Path.GetRelativePath(old.Root, document.Path).Replace('\\', '/'), article);
            links.Add(Path.GetFileNameWithoutExtension(document.Path), article);
            links.Add(document.FileSlug, article);
            articles.Add(article);
        }

        return (articles, links);
    }

    /// <summary>The body in Gazette's Markdown, and the files the article brings: its photos, and a
    /// Hugo bundle's every resource.</summary>
    private static void Convert(ImportedArticle article, OldSite old, ImportLinks links, DiagnosticBag diagnostics)
    {
        var body = old.ConvertTemplates(article.Source, article, links, diagnostics);
        article.Body = MarkdownCleanup.Clean(body, article, old, diagnostics);
        if (article.Cover is { } cover)
        {
            var src = MarkdownCleanup.Bring(cover.Src, article, old, diagnostics, article.Source.At(CoverNode(article.Source)));
            article.Cover = src is null || src.Contains("://", StringComparison.Ordinal) ? null : cover with { Src = src };
        }

        if (article.Source.BundleDirectory is { } bundle)
        {
            foreach (var file in OldSite.FilesUnder(bundle, recurse: false).Where(f => !IsMarkdown(f)))
            {
                article.Files.TryAdd(file, Path.GetFileName(file));
            }
        }
    }

    /// <summary>Writes each document and copies its files; a document already in the site is kept.</summary>
    private static ImportSummary Write(List<ImportedArticle> articles, string site, Action<string> writing, DiagnosticBag diagnostics)
    {
        var (writtenArticles, writtenPages, skipped, files) = (0, 0, 0, 0);
        foreach (var article in articles)
        {
            writing(article.TargetPath);
            var target = Path.Combine(site, article.TargetPath);
            if (File.Exists(target) || (article.Source.IsArticle && Directory.Exists(Path.GetDirectoryName(target))))
            {
                diagnostics.Warning(DiagnosticCodes.ImportExists, SourceLocation.File(article.Source.DisplayPath),
                    $"'{article.TargetPath}' already exists and is kept; delete it to import this file again");
                skipped++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Render(article), new UTF8Encoding(false));
            foreach (var (file, name) in article.Files)
            {
                var destination = Path.Combine(site, article.TargetFolder, name);
                if (!File.Exists(destination))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Copy(file, destination);
                    files++;
                }
            }

            if (article.Source.IsArticle)
            {
                writtenArticles++;
            }
            else
            {
                writtenPages++;
            }
        }

        return new ImportSummary(writtenArticles, writtenPages, files, skipped, articles.Sum(a => a.Aliases.Count));
    }

    private static bool IsMarkdown(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown" or ".mdown" or ".mkd" or ".mkdn" or ".html";

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal)
        || string.Equals(a, b.TrimEnd('/') + "/index.html", StringComparison.Ordinal);

    private static string Unique(string slug, HashSet<string> taken)
    {
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    private static YamlValue? CoverNode(OldDocument document) =>
        CoverKeys.Select(key => document.FrontMatter[key]).FirstOrDefault(node => node is not null);

    private static readonly string[] CoverSourceKeys = ["src", "image", "feature", "path", "url", "teaser", "overlay_image"];

    private static readonly string[] CoverKeys = ["image", "cover", "thumbnail", "feature-img", "featured_image", "featureImage", "featured-image", "banner", "header", "images"];

    /// <summary>The old front matter in Gazette's words; null (reported) for a document that cannot come in.</summary>
    private static ImportedArticle? Map(OldDocument document, OldSite site, Dictionary<string, OldAuthor> authors, DiagnosticBag diagnostics)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? Text(params string[] keys)
        {
            foreach (var key in keys)
            {
                used.Add(key);
                if (document.Text(key) is { } value && value.Trim().Length > 0)
                {
                    return value.Trim();
                }
            }

            return null;
        }

        OldDate? Date(params string[] keys)
        {
            foreach (var key in keys)
            {
                used.Add(key);
                if (document.Text(key) is not { } text)
                {
                    continue;
                }

                if (OldDates.Parse(text, site.TimeZone) is { } date)
                {
                    return date;
                }

                diagnostics.Warning(DiagnosticCodes.ImportKeyDropped, document.At(document.FrontMatter[key]),
                    $"'{key}: {text}' is not a date Gazette reads; write it as 2024-09-25 or 2024-09-25T10:30:00+02:00");
            }

            return null;
        }

        var date = Date("date", "publishDate", "pubDate", "published_at") ?? document.FileDate;
        if (document.IsArticle && date is null)
        {
            diagnostics.Warning(DiagnosticCodes.ImportSkipped, SourceLocation.File(document.DisplayPath),
                "the article has no date (no 'date:' and no YYYY-MM-DD- in its file name); add one and import again");
            return null;
        }

        // A page keeps its folders (Hugo's docs/install.md stays /docs/install/); an article is one segment.
        var slug = document.IsArticle
            ? Slug.From(Text("slug") ?? document.FileSlug)
            : string.Join('/', (Text("slug") is { } pageSlug ? [.. document.FileSlug.Split('/')[..^1], pageSlug] : document.FileSlug.Split('/')).Select(Slug.From).Where(s => s.Length > 0));
        var title = Text("title");
        if (title is null)
        {
            title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(document.FileSlug.Replace('-', ' ').Replace('_', ' '));
            diagnostics.Warning(DiagnosticCodes.ImportKeyDropped, SourceLocation.File(document.DisplayPath),
                $"no title; '{title}' was made from the file name: check it");
        }

        var categories = document.AllCategories.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var tags = categories.Skip(1).Concat(document.List("tags", splitWords: site is JekyllSite)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        used.UnionWith(["categories", "category", "tags", "draft", "published", "toc", "redirect_from", "aliases", "author", "authors", "image_alt"]);
        used.UnionWith(CoverKeys);
        var draft = document.IsDraft || document.Text("draft") is "true" || document.Text("published") is "false";
        var article = new ImportedArticle
        {
            Source = document,
            Slug = slug.Length > 0 ? slug : "article",
            Title = title,
            Date = date,
            Updated = Date("last_modified_at", "lastmod", "updated", "modified", "last_modified"),
            Category = categories.FirstOrDefault(),
            Tags = tags,
            Summary = Text("summary", "description", "excerpt", "subtitle", "lead"),
            Lang = Text("lang", "language", "locale"),
            Draft = draft,
            Toc = document.Text("toc") is "true",
            Cover = Cover(document),
        };
        foreach (var alias in document.List("redirect_from").Concat(document.List("aliases")))
        {
            article.Aliases.Add(alias.StartsWith('/') || alias.Contains("://", StringComparison.Ordinal) ? alias : "/" + alias);
        }

        foreach (var name in document.List("authors").Concat(AuthorNames(document.FrontMatter["author"])).Distinct(StringComparer.Ordinal))
        {
            article.Authors.Add(AuthorKey(name, site, authors));
        }

        var dropped = document.FrontMatter.Entries.Select(e => e.Key.Value)
            .Where(key => !used.Contains(key) && !GeneratorKeys.Contains(key) && document.FrontMatter[key] is not YamlScalar { IsNull: true })
            .ToList();
        if (dropped.Count > 0)
        {
            diagnostics.Warning(DiagnosticCodes.ImportKeyDropped, document.At(document.FrontMatter.Entries.First(e => e.Key.Value == dropped[0]).Key),
                $"front matter {(dropped.Count == 1 ? "key" : "keys")} '{string.Join("', '", dropped)}' {(dropped.Count == 1 ? "has" : "have")} no meaning in Gazette and {(dropped.Count == 1 ? "was" : "were")} not imported; move what matters into the text");
        }

        return article;
    }

    private static IEnumerable<string> AuthorNames(YamlValue? node) => node switch
    {
        YamlScalar { IsNull: false } scalar when scalar.Value.Trim().Length > 0 => [scalar.Value.Trim()],
        YamlSequence sequence => sequence.Items.SelectMany(AuthorNames),
        YamlMapping mapping when mapping["name"] is YamlScalar name => [name.Value.Trim()],
        _ => [],
    };

    /// <summary>The site.yml key of an author named in front matter: the old data file's key when it
    /// is one, else a key made from the name.</summary>
    private static string AuthorKey(string name, OldSite site, Dictionary<string, OldAuthor> authors)
    {
        if (site.Authors.TryGetValue(name, out var known) || (known = site.Authors.Values.FirstOrDefault(a => a.Name == name)) is not null)
        {
            var key = Slug.From(known.Key);
            authors.TryAdd(key, known with { Key = key });
            return key;
        }

        var made = Slug.From(name);
        made = made.Length > 0 ? made : "author";
        authors.TryAdd(made, new OldAuthor(made, name, null, null));
        return made;
    }

    private static ImportedCover? Cover(OldDocument document)
    {
        var alt = document.Text("image_alt");
        foreach (var key in CoverKeys)
        {
            switch (document.FrontMatter[key])
            {
                case YamlScalar { IsNull: false } scalar when scalar.Value.Trim().Length > 0:
                    return new ImportedCover(scalar.Value.Trim(), alt, null, null);
                case YamlSequence { Items: [YamlScalar first, ..] } when first.Value.Trim().Length > 0:
                    return new ImportedCover(first.Value.Trim(), alt, null, null);
                case YamlMapping mapping:
                    var src = CoverSourceKeys
                        .Select(k => mapping[k]).OfType<YamlScalar>().FirstOrDefault(s => !s.IsNull && s.Value.Trim().Length > 0);
                    if (src is not null)
                    {
                        string? Field(params string[] names) => names.Select(k => mapping[k]).OfType<YamlScalar>().FirstOrDefault(s => !s.IsNull)?.Value.Trim();
                        return new ImportedCover(src.Value.Trim(), Field("alt", "image_alt") ?? alt, Field("caption", "title"), Field("credit", "attribution"));
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The Markdown file Gazette reads: its front matter, then the converted body.</summary>
    private static string Render(ImportedArticle article)
    {
        static string Q(string value) => ArticleScaffolder.Quote(value);
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append($"title: {Q(article.Title)}\n");
        if (article.Date is { } date)
        {
            text.Append($"date: {OldDates.Format(date)}\n");
        }

        if (article.Updated is { } updated && article.Date is { } published && updated.Value > published.Value)
        {
            text.Append($"updated: {OldDates.Format(updated)}\n");
        }

        if (article.Authors.Count == 1)
        {
            text.Append($"author: {article.Authors[0]}\n");
        }
        else if (article.Authors.Count > 1)
        {
            text.Append($"authors: [{string.Join(", ", article.Authors)}]\n");
        }

        if (article.Category is { } category)
        {
            text.Append($"category: {Q(category)}\n");
        }

        if (article.Tags.Count > 0)
        {
            text.Append($"tags: [{string.Join(", ", article.Tags.Select(Q))}]\n");
        }

        if (article.Summary is { } summary)
        {
            text.Append($"summary: {Q(summary)}\n");
        }

        if (article.Cover is { } cover)
        {
            text.Append("image:\n");
            text.Append($"  src: {Q(cover.Src)}\n");
            text.Append($"  alt: {Q(cover.Alt ?? "")}\n");
            if (cover.Caption is { } caption)
            {
                text.Append($"  caption: {Q(caption)}\n");
            }

            if (cover.Credit is { } credit)
            {
                text.Append($"  credit: {Q(credit)}\n");
            }
        }

        if (article.Lang is { } lang)
        {
            text.Append($"lang: {Q(lang)}\n");
        }

        if (article.Toc)
        {
            text.Append("toc: true\n");
        }

        if (article.Draft)
        {
            text.Append("draft: true\n");
        }

        if (article.Aliases.Count > 0)
        {
            text.Append("aliases:\n");
            foreach (var alias in article.Aliases.Distinct(StringComparer.Ordinal))
            {
                text.Append($"  - {Q(alias)}\n");
            }
        }

        text.Append("---\n\n");
        text.Append(article.Body.TrimStart('\n'));
        return text.ToString();
    }
}
