using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown;
using Gazette.Markdown.Figures;
using Gazette.Markdown.Typography;
using Gazette.Text;

namespace Gazette.Model;

/// <summary>A term an edited article left or joined (the dev server's update).</summary>
internal sealed record TermMove(Taxonomy Taxonomy, Term Term, bool Left);

/// <summary>Which documents a build publishes.</summary>
/// <param name="Drafts">Include <c>draft: true</c> documents.</param>
/// <param name="Future">Include articles dated after <paramref name="Now"/>.</param>
/// <param name="Now">The moment of the build, for scheduled and expired articles.</param>
public sealed record Publishing(bool Drafts, bool Future, DateTimeOffset Now);

/// <summary>
/// Resolves the loaded content into a <see cref="SiteModel"/>: URLs, authors, covers, rendered
/// Markdown, taxonomies. Everything a template needs is computed here, once. Resolving a
/// document (its Markdown above all) is the costly part and is done per document, so the dev
/// server re-resolves only the documents that changed and then re-assembles the site.
/// </summary>
/// <param name="renderPartial">Renders a theme partial (name, model, language), for review boxes placed in the text.</param>
public sealed class SiteModelBuilder(SiteConfig config, SiteUrls urls, ImageResolver images, MarkdownRenderer markdown,
    Func<string, object, string, string> renderPartial, Publishing publishing)
{
    /// <summary>Resolves a document (front matter to URLs, Markdown to HTML) unless it is not to be published (draft, future, expired).</summary>
    public Document? ResolveIfPublished(SourceDocument source, DiagnosticBag diagnostics) =>
        IsPublished(source) ? Resolve(source, diagnostics) : null;

    /// <summary>Builds the site from resolved documents: order, neighbours, taxonomies, archives,
    /// related articles, structured data. Linear in the number of documents.</summary>
    /// <param name="edits">For the dev server's update: the documents replaced since the last
    /// assembly (before and after), whose related articles, and their neighbours in the term
    /// lists, are the only ones picked again; null picks them for every article.</param>
    public SiteModel Assemble(IEnumerable<Document> documents, IEnumerable<SourceDocument> allSources, DiagnosticBag diagnostics,
        IReadOnlyCollection<(Document Before, Document After)>? edits = null)
    {
        var resolved = documents.ToList();
        resolved.RemoveAll(ReportCollisions(resolved, diagnostics).Contains);
        var scheduled = allSources
            .Where(d => d.Kind == DocumentKind.Article && !d.Parsed.FrontMatter.Draft && d.Parsed.FrontMatter.Date > publishing.Now)
            .MinBy(d => d.Parsed.FrontMatter.Date);

        var articles = resolved.Where(d => d.Kind == DocumentKind.Article)
            .OrderByDescending(d => d.Date)
            .ThenBy(d => d.SourcePath, StringComparer.Ordinal)
            .ToList();
        var pages = resolved.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        LinkNeighbours(articles);
        var model = new SiteModel
        {
            Archives = BuildArchives(articles),
            NextScheduled = scheduled is null || publishing.Future
                ? null
                : new ScheduledArticle(scheduled.SourcePath, scheduled.Parsed.FrontMatter.Title, scheduled.Parsed.FrontMatter.Date!.Value),
            Config = config,
            Articles = articles,
            Pages = pages,
            Tags = BuildTaxonomy("tags", articles, a => a.TagNames, (a, terms) => a.Tags = terms, diagnostics),
            Categories = BuildTaxonomy("categories", articles, a => a.CategoryName is null ? [] : [a.CategoryName],
                (a, terms) => a.Category = terms.Count > 0 ? terms[0] : null, diagnostics),
            Authors = BuildTaxonomy("authors", articles, a => a.AuthorName is null ? [] : [a.AuthorName],
                (a, terms) => a.Author = terms.Count > 0 ? terms[0] : null, diagnostics),
        };
        RelatedArticles.Assign(model, edits);
        foreach (var document in articles.Concat(pages))
        {
            document.JsonLdFactory = d => StructuredData.For(d, config, urls);
        }

        return model;
    }

    /// <summary>
    /// Whether an article would stay where it is in the site with the new publication date of
    /// <paramref name="after"/> (the same file resolved again): in the same month's archive, and
    /// between the same two articles in the site's order (its neighbours). Every list of articles
    /// keeps that order, so none of them changes. Pages are in no list.
    /// </summary>
    public static bool KeepsItsPlace(Document before, Document after)
    {
        if (before.Kind != DocumentKind.Article)
        {
            return true;
        }

        if (before.Date is not { } was || after.Date is not { } date || was.Year != date.Year || was.Month != date.Month)
        {
            return false;
        }

        // Next is the newer neighbour (before it in the site's order), Previous the older one.
        return (before.Next is null || SiteOrder.Instance.Compare(before.Next, after) < 0)
            && (before.Previous is null || SiteOrder.Instance.Compare(after, before.Previous) < 0);
    }

    public bool IsPublished(SourceDocument source)
    {
        var frontMatter = source.Parsed.FrontMatter;
        if (frontMatter.Draft && !publishing.Drafts)
        {
            return false;
        }

        if (source.Kind == DocumentKind.Article && frontMatter.Date > publishing.Now && !publishing.Future)
        {
            return false;
        }

        return frontMatter.Expires is not { } expires || expires > publishing.Now;
    }

    /// <summary>Articles are newest first: the previous one is older, the next one newer.</summary>
    private static void LinkNeighbours(List<Document> articles)
    {
        for (var i = 0; i < articles.Count; i++)
        {
            articles[i].Next = i > 0 ? articles[i - 1] : null;
            articles[i].Previous = i + 1 < articles.Count ? articles[i + 1] : null;
        }
    }

    private List<ArchivePeriod> BuildArchives(List<Document> articles)
    {
        var periods = new List<ArchivePeriod>();
        foreach (var year in articles.GroupBy(a => a.Date!.Value.Year))
        {
            var yearFolder = $"{year.Key:D4}/";
            var yearPeriod = new ArchivePeriod { Year = year.Key, Month = 0, Url = urls.ForOutput(yearFolder), Folder = yearFolder };
            yearPeriod.Articles.AddRange(year);
            periods.Add(yearPeriod);
            foreach (var month in year.GroupBy(a => a.Date!.Value.Month))
            {
                var monthFolder = $"{year.Key:D4}/{month.Key:D2}/";
                var monthPeriod = new ArchivePeriod { Year = year.Key, Month = month.Key, Url = urls.ForOutput(monthFolder), Folder = monthFolder };
                monthPeriod.Articles.AddRange(month);
                periods.Add(monthPeriod);
            }
        }

        return periods;
    }

    public Document? Resolve(SourceDocument source, DiagnosticBag diagnostics)
    {
        try
        {
            return ResolveDocument(source, diagnostics);
        }
#pragma warning disable CA1031 // one strange article must not stop the build: report it and go on
        catch (Exception e) when (e is not OutOfMemoryException and not Scriban.Syntax.ScriptRuntimeException)
#pragma warning restore CA1031
        {
            diagnostics.Error(DiagnosticCodes.InternalError, SourceLocation.File(source.SourcePath),
                $"Gazette could not render this article ({e.GetType().Name}: {e.Message}); please report it with the file");
            return null;
        }
    }

    /// <summary>The warning for a link target in a caption or credit that the URL policy refuses.</summary>
    internal static string UnsafeLinkDropped(string url) =>
        $"link target '{url}' dropped (its text stays): use {Text.UrlPolicy.Allowed}; other schemes can run code";

    private Document? ResolveDocument(SourceDocument source, DiagnosticBag diagnostics)
    {
        var frontMatter = source.Parsed.FrontMatter;
        var slug = Slug.From(frontMatter.Slug ?? source.DefaultSlug);
        if (slug.Length == 0)
        {
            var location = frontMatter.Slug is null ? SourceLocation.File(source.SourcePath) : frontMatter.SlugLocation;
            diagnostics.Error(DiagnosticCodes.SlugInvalid, location,
                $"cannot make a URL from '{frontMatter.Slug ?? source.DefaultSlug}'; set 'slug:' to letters, digits and dashes");
            return null;
        }

        string folder;
        if (source.Kind == DocumentKind.Article)
        {
            if (frontMatter.Date is not { } date)
            {
                diagnostics.Error(DiagnosticCodes.YamlMissingField, new SourceLocation(source.SourcePath, 2, 1),
                    "missing required field 'date'; add a line such as 'date: 2024-09-25T10:30:00+02:00'");
                return null;
            }

            folder = SiteUrls.ArticleFolder(config.ArticlePermalink, date, slug,
                frontMatter.Category is null ? null : Slug.From(frontMatter.Category));
        }
        else
        {
            folder = PageFolder(source, slug);
        }

        var url = urls.ForOutput(folder);
        var lang = frontMatter.Lang ?? config.Language;
        var typography = frontMatter.Typography is not null || config.Typography is not null
            ? TypographyRules.ParseMode(frontMatter.Typography ?? config.Typography)
            : TypographyRules.ForLanguage(lang);
        var authorKey = frontMatter.Author ?? config.DefaultAuthor;
        var profile = authorKey is null ? null : config.Authors.GetValueOrDefault(authorKey);
        var place = new DocumentPlace(Path.GetDirectoryName(source.FullPath)!, source.BundleDirectory, folder);
        var document = new Document
        {
            Kind = source.Kind,
            SourcePath = source.SourcePath,
            Title = TypographyRules.Apply(frontMatter.Title, typography),
            Slug = slug,
            Date = frontMatter.Date,
            Updated = frontMatter.Updated,
            Lang = lang,
            Summary = frontMatter.Summary is null ? null : TypographyRules.Apply(frontMatter.Summary, typography),
            Toc = frontMatter.Toc,
            AuthorProfile = profile,
            Review = frontMatter.Review is { } review ? Typeset(review, typography) : null,
            Sources = frontMatter.Sources,
            Draft = frontMatter.Draft,
            Url = url,
            AbsoluteUrl = urls.Absolute(url),
            OutputPath = folder + "index.html",
            Params = frontMatter.Params,
            Aliases = frontMatter.Aliases,
            AliasesLocation = frontMatter.AliasesLocation,
            TagNames = frontMatter.Tags,
            CategoryName = frontMatter.Category,
            AuthorName = profile?.Name ?? authorKey,
            Source = source.Parsed,
            BundleDirectory = source.BundleDirectory,
        };

        if (frontMatter.Image is { } cover)
        {
            var image = images.Resolve(cover.Src, place, out var problem);
            if (image is null)
            {
                diagnostics.Error(DiagnosticCodes.ImageMissing, cover.Location, problem ?? $"cover image '{cover.Src}' cannot be used");
            }
            else
            {
                document.Cover = FigureFactory.Create(image, cover.Alt, cover.Caption ?? cover.Alt, cover.Credit ?? "", cover.CreditUrl,
                    isCover: true, typography, url => diagnostics.Warning(DiagnosticCodes.UnsafeMarkup, cover.Location, UnsafeLinkDropped(url)));
                if (!document.Cover.HasCredit)
                {
                    diagnostics.Warning(DiagnosticCodes.PhotoWithoutCredit, cover.Location,
                        $"cover photo '{cover.Src}' has no credit; add 'credit:' under 'image:' or write it in the file's IPTC/XMP metadata");
                }
            }
        }

        Func<string>? renderReview = document.Review is { } typeset ? () => renderPartial("review-box", typeset, lang) : null;
        var rendered = markdown.Render(source.Parsed.Body,
            new MarkdownContext(source.SourcePath, source.Parsed.BodyLineOffset, place, lang, typography, renderReview), diagnostics);
        source.Parsed.ReleaseBody();
        if (rendered is not null)
        {
            document.ContentHtml = rendered.Html;
            document.Figures = rendered.Figures;
            document.Headings = rendered.Headings;
            document.WordCount = rendered.WordCount;
            document.ReviewInBody = rendered.ReviewPlaced;
            document.Findings = rendered.Findings;
        }

        return document;
    }

    /// <summary>The review's prose gets the article's typography; the product name stays as written.</summary>
    private static ReviewInfo Typeset(ReviewInfo review, TypographyMode mode) => review with
    {
        Features = [.. review.Features.Select(f => TypographyRules.Apply(f, mode))],
        Pros = [.. review.Pros.Select(p => TypographyRules.Apply(p, mode))],
        Cons = [.. review.Cons.Select(c => TypographyRules.Apply(c, mode))],
        Verdict = review.Verdict is null ? null : TypographyRules.Apply(review.Verdict, mode),
    };

    /// <summary><c>content/pages/about.md</c> → <c>about/</c>; <c>content/pages/legal/terms/index.md</c> → <c>legal/terms/</c>.</summary>
    private static string PageFolder(SourceDocument source, string slug)
    {
        var inContent = source.SourcePath[(ContentLoader.ContentFolder.Length + 1)..];
        if (inContent.StartsWith("pages/", StringComparison.Ordinal))
        {
            inContent = inContent["pages/".Length..];
        }

        var parts = inContent.Split('/').ToList();
        parts.RemoveAt(parts.Count - 1); // the file name
        if (source.BundleDirectory is not null && parts.Count > 0)
        {
            parts.RemoveAt(parts.Count - 1); // the bundle folder, replaced by the slug
        }

        parts = [.. parts.Select(Slug.From).Where(p => p.Length > 0)];
        parts.Add(slug);
        return string.Join('/', parts) + "/";
    }

    /// <summary>Reports documents that would be written to the same file; returns all but the first of each group.</summary>
    private static HashSet<Document> ReportCollisions(List<Document> documents, DiagnosticBag diagnostics)
    {
        var losers = new HashSet<Document>();
        foreach (var group in documents.GroupBy(d => d.OutputPath, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var sources = group.OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
            foreach (var document in sources.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(document.SourcePath),
                    $"'{document.SourcePath}' and '{sources[0].SourcePath}' would both be written to '{group.Key}'; change one 'slug:'");
                losers.Add(document);
            }
        }

        return losers;
    }

    /// <summary>
    /// Files an article under the tags, category and author its edited version has, in the assembled model
    /// (the dev server's update): it leaves the lists of the terms it dropped (an emptied term is
    /// removed), joins those of its new ones in the site's order (a new term is created) and gets
    /// its new links, as <see cref="Assemble"/> would have done. Returns the terms it left and
    /// joined; null, having changed nothing, when a term's shown name could change (two spellings
    /// of one term), which only a new assembly settles.
    /// </summary>
    internal List<TermMove>? Refile(SiteModel model, Document article, Document edited)
    {
        var tags = PlanMoves(model.Tags, article.Tags, edited.TagNames);
        var categories = PlanMoves(model.Categories, article.Category is { } category ? [category] : [],
            edited.CategoryName is { } name ? [name] : []);
        var authors = PlanMoves(model.Authors, article.Author is { } author ? [author] : [],
            edited.AuthorName is { } authorName ? [authorName] : []);
        if (tags is null || categories is null || authors is null)
        {
            return null;
        }

        var moves = new List<TermMove>();
        Move(model.Tags, article, tags.Value, moves);
        Move(model.Categories, article, categories.Value, moves);
        Move(model.Authors, article, authors.Value, moves);
        article.Tags = tags.Value.Links;
        article.TagNames = edited.TagNames;
        article.Category = categories.Value.Links.Count > 0 ? categories.Value.Links[0] : null;
        article.CategoryName = edited.CategoryName;
        article.Author = authors.Value.Links.Count > 0 ? authors.Value.Links[0] : null;
        article.AuthorName = edited.AuthorName;
        article.AuthorProfile = edited.AuthorProfile;
        return moves;
    }

    private (List<Term> Left, List<Term> Joined, List<TermLink> Links)? PlanMoves(Taxonomy taxonomy, IReadOnlyList<TermLink> current,
        IReadOnlyList<string> names)
    {
        var created = new Dictionary<string, Term>(StringComparer.Ordinal); // a new name given twice is one term
        var terms = new List<Term>();
        foreach (var name in names)
        {
            var slug = Slug.From(name);
            if (slug.Length == 0)
            {
                continue;
            }

            var term = taxonomy.Find(slug);
            if (term is null && !created.TryGetValue(slug, out term))
            {
                created[slug] = term = NewTerm(taxonomy.Segment, name, slug);
            }

            if (term.Name != name.Trim() || term.MergeWarned)
            {
                return null;
            }

            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
        }

        var before = current.Select(taxonomy.TermOf).ToList();
        return before.Exists(t => t.MergeWarned)
            ? null
            : (before.Except(terms).ToList(), terms.Except(before).ToList(), terms.ConvertAll(t => new TermLink(t.Name, t.Slug, t.Url)));
    }

    private static void Move(Taxonomy taxonomy, Document article, (List<Term> Left, List<Term> Joined, List<TermLink> Links) plan, List<TermMove> moves)
    {
        foreach (var term in plan.Left)
        {
            term.Articles.Remove(article);
            if (term.Count == 0)
            {
                taxonomy.Terms.Remove(term);
            }

            moves.Add(new TermMove(taxonomy, term, Left: true));
        }

        foreach (var term in plan.Joined)
        {
            var at = term.Articles.BinarySearch(article, SiteOrder.Instance);
            term.Articles.Insert(~at, article);
            if (term.Count == 1)
            {
                var place = taxonomy.Terms.BinarySearch(term, TermOrder);
                taxonomy.Terms.Insert(~place, term);
            }

            moves.Add(new TermMove(taxonomy, term, Left: false));
        }
    }

    private Taxonomy BuildTaxonomy(string segment, List<Document> articles, Func<Document, IReadOnlyList<string>> names,
        Action<Document, IReadOnlyList<TermLink>> assign, DiagnosticBag diagnostics)
    {
        var taxonomy = new Taxonomy { Name = segment, Segment = segment, Url = urls.ForOutput(segment + "/") };
        // A site has a few hundred terms over thousands of articles: each name's slug is made
        // once, and each term's link is one object shared by all its articles.
        var bySlug = new Dictionary<string, (Term Term, TermLink Link)>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var links = new List<TermLink>();
            foreach (var name in names(article))
            {
                if (!slugs.TryGetValue(name, out var slug))
                {
                    slugs[name] = slug = Slug.From(name);
                }

                if (slug.Length == 0)
                {
                    continue;
                }

                if (!bySlug.TryGetValue(slug, out var entry))
                {
                    var term = NewTerm(segment, name, slug);
                    entry = bySlug[slug] = (term, new TermLink(term.Name, term.Slug, term.Url));
                    taxonomy.Terms.Add(term);
                }
                else if (entry.Term.Name != name.Trim() && !entry.Term.MergeWarned)
                {
                    entry.Term.MergeWarned = true;
                    diagnostics.Warning(DiagnosticCodes.TermMerged, SourceLocation.File(article.SourcePath),
                        $"'{name}' and '{entry.Term.Name}' have the same URL '{segment}/{slug}/' and are shown as one; write them the same way");
                }

                if (!links.Contains(entry.Link)) // a name given twice (or two spellings of one term) counts once
                {
                    entry.Term.Articles.Add(article);
                    links.Add(entry.Link);
                }
            }

            assign(article, links);
        }

        taxonomy.Terms.Sort(TermOrder);
        return taxonomy;
    }

    /// <summary>A taxonomy's terms are listed by slug.</summary>
    private static readonly Comparer<Term> TermOrder = Comparer<Term>.Create((a, b) => string.CompareOrdinal(a.Slug, b.Slug));

    /// <summary>A term named as an article first writes it; an author's profile comes from site.yml.</summary>
    private Term NewTerm(string segment, string name, string slug) => new()
    {
        Name = name.Trim(),
        Slug = slug,
        Url = urls.ForOutput($"{segment}/{slug}/"),
        Profile = segment == "authors" ? config.Authors.Values.FirstOrDefault(a => a.Name == name) : null,
    };
}
