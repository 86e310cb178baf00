using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown;
using Gazette.Markdown.Figures;
using Gazette.Markdown.Typography;
using Gazette.Text;

namespace Gazette.Model;

/// <summary>Which documents a build publishes.</summary>
/// <param name="Drafts">Include <c>draft: true</c> documents.</param>
/// <param name="Future">Include articles dated after <paramref name="Now"/>.</param>
/// <param name="Now">The moment of the build, for scheduled and expired articles.</param>
internal sealed record Publishing(bool Drafts, bool Future, DateTimeOffset Now);

/// <summary>
/// Resolves the loaded content into a <see cref="SiteModel"/>: URLs, authors, covers, rendered
/// Markdown, taxonomies. Everything a template needs is computed here, once. Resolving a
/// document (its Markdown above all) is the costly part and is done per document, so the dev
/// server re-resolves only the documents that changed and applies them to the assembled site
/// (<see cref="Apply"/>).
/// </summary>
/// <param name="searchUrl">The search page's URL, when the site has one.</param>
/// <param name="prefix">The output folder of the language edition it assembles (<c>en/</c>; <c>""</c> for the default).</param>
internal sealed class SiteModelBuilder(SiteConfig config, SiteUrls urls, ImageResolver images, MarkdownRenderer markdown, Publishing publishing,
    string? searchUrl = null, string prefix = "")
{
    /// <summary>The moment of the build.</summary>
    public DateTimeOffset Now => publishing.Now;

    private readonly StructuredData _structuredData = new(config, urls, searchUrl, prefix);

    /// <summary>The builder that assembles one language's edition of the site: its title, menu and
    /// lists, under its own folder. Documents are resolved by the site's builder.</summary>
    public SiteModelBuilder ForEdition(SiteLanguage edition, string? editionSearchUrl) =>
        new(config.ForEdition(edition), urls, images, markdown, publishing, editionSearchUrl, config.PrefixOf(edition.Code));

    /// <summary>Resolves a document (front matter to URLs, Markdown to HTML) unless it is not to be published (draft, future, expired).</summary>
    public Document? ResolveIfPublished(SourceDocument source, DiagnosticBag diagnostics) =>
        IsPublished(source) ? Resolve(source, diagnostics) : null;

    /// <summary>Builds the site from resolved documents: order, neighbours, taxonomies, archives,
    /// related articles, structured data. Linear in the number of documents.</summary>
    public SiteModel Assemble(IEnumerable<Document> documents, IEnumerable<SourceDocument> allSources, DiagnosticBag diagnostics)
    {
        var resolved = documents.ToList();
        resolved.RemoveAll(ReportCollisions(resolved, diagnostics).Contains);
        var articles = resolved.Where(d => d.Kind == DocumentKind.Article)
            .OrderByDescending(d => d.Date)
            .ThenBy(d => d.SourcePath, StringComparer.Ordinal)
            .ToList();
        var pages = resolved.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        LinkNeighbours(articles);
        var model = new SiteModel
        {
            ArchiveList = BuildArchives(articles),
            NextScheduled = NextScheduled(allSources),
            Config = config,
            StructuredData = _structuredData,
            SearchUrl = searchUrl,
            Prefix = prefix,
            ArticleList = articles,
            Pages = pages,
            Tags = BuildTaxonomy("tags", articles, a => a.TagNames, (a, terms) => a.Tags = terms, diagnostics),
            Categories = BuildTaxonomy("categories", articles, a => a.CategoryName is null ? [] : [a.CategoryName],
                (a, terms) => a.Category = terms.Count > 0 ? terms[0] : null, diagnostics),
            Authors = BuildTaxonomy("authors", articles, a => a.AuthorNames, (a, terms) => a.Authors = terms, diagnostics),
        };
        RelatedArticles.AssignTo(model, articles);
        foreach (var document in articles.Concat(pages))
        {
            document.StructuredData = _structuredData;
        }

        return model;
    }

    /// <summary>The soonest article held back because its date is in the future.</summary>
    public ScheduledArticle? NextScheduled(IEnumerable<SourceDocument> allSources)
    {
        var scheduled = allSources
            .Where(d => d.Kind == DocumentKind.Article && !d.Parsed.FrontMatter.Draft && d.Parsed.FrontMatter.Date > publishing.Now)
            .MinBy(d => d.Parsed.FrontMatter.Date);
        return scheduled is null || publishing.Future
            ? null
            : new ScheduledArticle(scheduled.SourcePath, scheduled.Parsed.FrontMatter.Title, scheduled.Parsed.FrontMatter.Date!.Value);
    }

    /// <summary>
    /// Applies an edit to the assembled model (the dev server's update): <paramref name="document"/>
    /// takes what <paramref name="edited"/> (its file resolved again, at the same address) says
    /// and, when its placement changed, is filed again in the site's lists. What changed for
    /// templates, member by member, is added to <paramref name="change"/>. Returns false, having
    /// changed nothing, when only a new assembly can settle the edit (a term written two ways).
    /// </summary>
    internal bool Apply(SiteModel model, Document document, Document edited, ModelChange change)
    {
        var before = ModelMembers.Snapshot(document);
        if (document.Kind == DocumentKind.Article && !document.Placement.Equals(edited.Placement))
        {
            if (!Refile(model, document, edited.Placement, change))
            {
                return false;
            }
        }
        else
        {
            document.Placement = edited.Placement;
        }

        document.Content = edited.Content;
        change.Add(document, ModelMembers.Changed(before, ModelMembers.Snapshot(document)));
        return true;
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
            var yearFolder = ArchiveFolder(year.Key, 0);
            var yearPeriod = new ArchivePeriod { Year = year.Key, Month = 0, Url = urls.ForOutput(yearFolder), Folder = yearFolder };
            yearPeriod.ArticleList.AddRange(year);
            periods.Add(yearPeriod);
            foreach (var month in year.GroupBy(a => a.Date!.Value.Month))
            {
                var monthFolder = ArchiveFolder(year.Key, month.Key);
                var monthPeriod = new ArchivePeriod { Year = year.Key, Month = month.Key, Url = urls.ForOutput(monthFolder), Folder = monthFolder };
                monthPeriod.ArticleList.AddRange(month);
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

        var lang = source.LanguageOr(config.Language);
        if (source.LanguageSuffix is { } named && frontMatter.Lang is { } written && written != named)
        {
            diagnostics.Error(DiagnosticCodes.TranslationInvalid, frontMatter.LangLocation,
                $"'lang: {written}' contradicts the file's name, which says '{named}'; remove 'lang:' or rename the file");
        }

        folder = config.PrefixOf(lang) + folder; // another language's edition has its own folder
        var url = urls.ForOutput(folder);
        var typography = frontMatter.Typography is not null || config.Typography is not null
            ? TypographyRules.ParseMode(frontMatter.Typography ?? config.Typography)
            : TypographyRules.ForLanguage(lang);
        IReadOnlyList<string> authorKeys = frontMatter.Authors.Count > 0 ? frontMatter.Authors : config.DefaultAuthor is { } defaultAuthor ? [defaultAuthor] : [];
        var profiles = authorKeys.Select(key => config.Authors.GetValueOrDefault(key)).ToList();
        foreach (var author in frontMatter.Authors)
        {
            if (config.UndeclaredAuthor(author) is { } undeclared)
            {
                diagnostics.Warning(DiagnosticCodes.AuthorUndeclared, frontMatter.AuthorLocation, undeclared); // default_author is checked with site.yml
            }
        }

        var place = new DocumentPlace(Path.GetDirectoryName(source.FullPath)!, source.BundleDirectory, folder);
        Figure? coverFigure = null;
        if (frontMatter.Image is { } cover)
        {
            var image = images.Resolve(cover.Src, place, cover.Location, diagnostics, "cover image");
            if (image is not null)
            {
                coverFigure = FigureFactory.Create(image, cover.Alt, cover.Caption ?? "", cover.Credit ?? "", cover.CreditUrl,
                    isCover: true, typography, url => diagnostics.Warning(DiagnosticCodes.UnsafeMarkup, cover.Location, UrlPolicy.Dropped(url)))
                    with
                { Focus = cover.Focus };
                if (!coverFigure.HasCredit)
                {
                    diagnostics.Warning(DiagnosticCodes.PhotoWithoutCredit, cover.Location,
                        $"cover photo '{cover.Src}' has no credit; add 'credit:' under 'image:' or write it in the file's IPTC/XMP metadata");
                }
            }
        }

        var review = frontMatter.Review is { } reviewInfo ? Typeset(reviewInfo, typography) : null;
        var rendered = markdown.Render(source.Parsed.Markdown,
            new MarkdownContext(source.SourcePath, source.Parsed.BodyLineOffset, place, lang, typography, review), diagnostics);
        source.Parsed.Markdown.Release();
        var content = new DocumentContent
        {
            Title = TypographyRules.Apply(frontMatter.Title, typography),
            Summary = frontMatter.Summary is null ? null : TypographyRules.Apply(frontMatter.Summary, typography),
            Cover = coverFigure,
            Review = review,
            Sources = frontMatter.Sources,
            Toc = frontMatter.Toc,
            DateHasTime = frontMatter.DateHasTime,
            UpdatedHasTime = frontMatter.UpdatedHasTime,
            Params = frontMatter.Params,
            Aliases = frontMatter.Aliases,
            AliasesLocation = frontMatter.AliasesLocation,
        };
        if (rendered is not null)
        {
            content = content with
            {
                ContentHtml = rendered.Body,
                Figures = rendered.Figures,
                Videos = rendered.Videos,
                Headings = rendered.Headings,
                WordCount = rendered.WordCount,
                ReviewInBody = rendered.ReviewPlaced,
                Findings = rendered.Findings,
            };
        }

        var placement = new Placement(frontMatter.Date, frontMatter.Updated, frontMatter.Tags, frontMatter.Category,
            [.. authorKeys.Select((key, i) => profiles[i]?.Name ?? key)], [.. profiles.OfType<AuthorProfile>()]);
        return new Document(placement, content)
        {
            Kind = source.Kind,
            SourcePath = source.SourcePath,
            Slug = slug,
            Lang = lang,
            Draft = frontMatter.Draft,
            Url = url,
            AbsoluteUrl = urls.Absolute(url),
            OutputPath = folder + "index.html",
            BundleDirectory = source.BundleDirectory,
        };
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
    /// Files an article again under its new placement: it leaves every list it is in (the site's,
    /// its archive months', its terms') and joins each list its new date and terms give it, in the
    /// site's order. Emptied terms and months go, new ones come; its old and new neighbours are
    /// linked again, and the articles near both its places pick their related articles again.
    /// </summary>
    private bool Refile(SiteModel model, Document article, Placement placement, ModelChange change)
    {
        var plans = new[]
        {
            (model.Tags, Plan: PlanMoves(model.Tags, article.Tags, placement.TagNames)),
            (model.Categories, Plan: PlanMoves(model.Categories, article.Category is { } category ? [category] : [],
                placement.CategoryName is { } name ? [name] : [])),
            (model.Authors, Plan: PlanMoves(model.Authors, article.Authors, placement.AuthorNames)),
        };
        if (plans.Any(p => p.Plan is null))
        {
            return false;
        }

        var near = new HashSet<Document>(RelatedArticles.WithinReachInItsTerms(model, article), ReferenceEqualityComparer.Instance);
        var (oldPrevious, oldNext, oldLastModified) = (article.Previous, article.Next, article.LastModified);

        // Out of every list it is in, at its old place; where it was in each is kept.
        var was = new Dictionary<object, int>(ReferenceEqualityComparer.Instance) { [model] = Leave(model.ArticleList, article) };
        foreach (var term in plans.SelectMany(p => p.Plan!.Value.Before))
        {
            was[term] = Leave(term.ArticleList, article);
        }

        foreach (var period in PeriodsOf(model, article.Date!.Value, create: false))
        {
            was[period] = Leave(period.ArticleList, article);
        }

        Link(oldNext, oldPrevious);

        // Into every list its new placement gives it, at its place in the site's order.
        article.Placement = placement;
        var @is = new Dictionary<object, int>(ReferenceEqualityComparer.Instance) { [model] = Join(model.ArticleList, article) };
        var (newNext, newPrevious) = (@is[model] > 0 ? model.ArticleList[@is[model] - 1] : null,
            @is[model] + 1 < model.ArticleList.Count ? model.ArticleList[@is[model] + 1] : null);
        Link(newNext, article);
        Link(article, newPrevious);
        foreach (var period in PeriodsOf(model, placement.Date!.Value, create: true))
        {
            @is[period] = Join(period.ArticleList, article);
        }

        var termsChanged = new HashSet<Taxonomy>();
        foreach (var (taxonomy, plan) in plans)
        {
            foreach (var term in plan!.Value.After)
            {
                @is[term] = Join(term.ArticleList, article);
                if (term.Count == 1 && !was.ContainsKey(term))
                {
                    taxonomy.TermList.Insert(~taxonomy.TermList.BinarySearch(term, TermOrder), term); // a new term
                    termsChanged.Add(taxonomy);
                }
            }

            foreach (var emptied in plan.Value.Before.Where(t => t.Count == 0))
            {
                taxonomy.TermList.Remove(emptied);
                termsChanged.Add(taxonomy);
            }
        }

        model.ArchiveList.RemoveAll(period => period.ArticleList.Count == 0);
        article.Tags = plans[0].Plan!.Value.Links;
        article.Category = plans[1].Plan!.Value.Links.FirstOrDefault();
        article.Authors = plans[2].Plan!.Value.Links;

        // A list the article left, joined or moved in has changed; its pages are listed again then,
        // and also when the article's last modification (the list's, for the sitemap) changed.
        var redated = !Dates.Same(oldLastModified, article.LastModified);
        foreach (var list in was.Keys.Union(@is.Keys))
        {
            var moved = was.GetValueOrDefault(list, -1) != @is.GetValueOrDefault(list, -1);
            change.Add(list, !moved ? 0 : list is SiteModel ? ModelMembers.SiteArticles : list is Term ? ModelMembers.TermArticles : 0);
            if (moved || redated)
            {
                change.Lists.Add(list);
            }
        }

        // A taxonomy's index lists its terms, and its last modification is its newest article's.
        foreach (var (taxonomy, plan) in plans)
        {
            change.Add(taxonomy, termsChanged.Contains(taxonomy) ? ModelMembers.TaxonomyTerms : 0);
            if (plan!.Value.Before.Concat(plan.Value.After).Any(change.Lists.Contains))
            {
                change.Lists.Add(taxonomy);
            }
        }

        if (oldPrevious != newPrevious || oldNext != newNext)
        {
            change.Add(oldPrevious, ModelMembers.DocumentNext);
            change.Add(oldNext, ModelMembers.DocumentPrevious);
            change.Add(newPrevious, ModelMembers.DocumentNext);
            change.Add(newNext, ModelMembers.DocumentPrevious);
        }

        near.UnionWith(RelatedArticles.WithinReachInItsTerms(model, article));
        near.Add(article);
        foreach (var changed in RelatedArticles.AssignAgain(model, [.. near]))
        {
            change.Add(changed, ModelMembers.DocumentRelated);
        }

        return true;
    }

    /// <summary>Takes an article out of a list in the site's order; returns where it was.</summary>
    private static int Leave(List<Document> list, Document article)
    {
        var at = list.BinarySearch(article, SiteOrder.Instance);
        list.RemoveAt(at);
        return at;
    }

    /// <summary>Puts an article in a list at its place in the site's order; returns where.</summary>
    private static int Join(List<Document> list, Document article)
    {
        var at = ~list.BinarySearch(article, SiteOrder.Instance);
        list.Insert(at, article);
        return at;
    }

    /// <summary>Makes <paramref name="older"/> the article after <paramref name="newer"/> in the site's order.</summary>
    private static void Link(Document? newer, Document? older)
    {
        if (newer is not null)
        {
            newer.Previous = older;
        }

        if (older is not null)
        {
            older.Next = newer;
        }
    }

    /// <summary>The year and the month of the archive holding a date (made, in their place, when asked).</summary>
    private List<ArchivePeriod> PeriodsOf(SiteModel model, DateTimeOffset date, bool create)
    {
        var periods = new List<ArchivePeriod>(2);
        foreach (var month in new[] { 0, date.Month })
        {
            var folder = ArchiveFolder(date.Year, month);
            var existing = model.ArchiveList.Find(p => p.Folder == folder);
            if (existing is not null)
            {
                periods.Add(existing);
            }
            else if (create)
            {
                var period = new ArchivePeriod { Year = date.Year, Month = month, Url = urls.ForOutput(folder), Folder = folder };
                var place = model.ArchiveList.FindIndex(p => ArchiveOrder(p.Year, p.Month) > ArchiveOrder(date.Year, month));
                model.ArchiveList.Insert(place < 0 ? model.ArchiveList.Count : place, period);
                periods.Add(period);
            }
        }

        return periods;
    }

    /// <summary>A year's archive folder (<c>2024/</c>, month 0) or a month's (<c>2024/09/</c>).</summary>
    private string ArchiveFolder(int year, int month) => prefix + (month == 0 ? $"{year:D4}/" : $"{year:D4}/{month:D2}/");

    /// <summary>The archive's order: years newest first, each followed by its months newest first.</summary>
    private static long ArchiveOrder(int year, int month) => (-(long)year * 13) + (month == 0 ? 0 : 13 - month);

    /// <summary>The terms an article is in now and will be in with these names (new terms made,
    /// not yet listed), and its links to them; null when a term's shown name could change (two
    /// spellings of one term), which only a new assembly settles.</summary>
    private (List<Term> Before, List<Term> After, List<TermLink> Links)? PlanMoves(Taxonomy taxonomy, IReadOnlyList<TermLink> current,
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
            : (before, terms, terms.ConvertAll(t => before.Contains(t) ? current[before.IndexOf(t)] : new TermLink(t.Name, t.Slug, t.Url)));
    }

    private Taxonomy BuildTaxonomy(string segment, List<Document> articles, Func<Document, IReadOnlyList<string>> names,
        Action<Document, IReadOnlyList<TermLink>> assign, DiagnosticBag diagnostics)
    {
        var taxonomy = new Taxonomy { Name = segment, Segment = segment, Url = urls.ForOutput(prefix + segment + "/"), Folder = prefix + segment + "/" };
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
                    taxonomy.TermList.Add(term);
                }
                else if (entry.Term.Name != name.Trim() && !entry.Term.MergeWarned)
                {
                    entry.Term.MergeWarned = true;
                    diagnostics.Warning(DiagnosticCodes.TermMerged, SourceLocation.File(article.SourcePath),
                        $"'{name}' and '{entry.Term.Name}' have the same URL '{segment}/{slug}/' and are shown as one; write them the same way");
                }

                if (!links.Contains(entry.Link)) // a name given twice (or two spellings of one term) counts once
                {
                    entry.Term.ArticleList.Add(article);
                    links.Add(entry.Link);
                }
            }

            assign(article, links);
        }

        taxonomy.TermList.Sort(TermOrder);
        return taxonomy;
    }

    /// <summary>A taxonomy's terms are listed by slug.</summary>
    private static readonly Comparer<Term> TermOrder = Comparer<Term>.Create((a, b) => string.CompareOrdinal(a.Slug, b.Slug));

    /// <summary>A term named as an article first writes it; an author's profile comes from site.yml.</summary>
    private Term NewTerm(string segment, string name, string slug) => new()
    {
        Name = name.Trim(),
        Slug = slug,
        Url = urls.ForOutput($"{prefix}{segment}/{slug}/"),
        Folder = $"{prefix}{segment}/{slug}/",
        Profile = segment == "authors" ? config.Authors.Values.FirstOrDefault(a => a.Name == name) : null,
    };
}
