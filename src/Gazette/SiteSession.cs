using System.Diagnostics;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown;
using Gazette.Model;
using Gazette.Output;
using Gazette.Templates;
using Scriban.Runtime;

namespace Gazette;

/// <summary>
/// Runs the build phases in order: configuration, theme, content, model, pages, feeds, assets,
/// checks, and the atomic swap of the output folder. Every problem is collected; nothing is
/// written unless the whole build succeeded.
/// <para>A session remembers what its last successful build loaded, so the dev server can
/// <see cref="Update"/> after an article is saved: only the changed files are parsed and
/// rendered again, only the pages showing them are rewritten.</para>
/// </summary>
public sealed class SiteSession(BuildOptions options)
{
    private readonly string _source = Path.GetFullPath(options.SourceDirectory);
    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = options.MaxParallelism };

    // What the last successful full build loaded, reused by incremental updates.
    private Loaded? _loaded;

    private sealed class Loaded
    {
        public required SiteConfig Config { get; init; }
        public required SiteUrls Urls { get; init; }
        public required TemplateRenderer Templates { get; init; }
        public required ScriptObject SiteObject { get; init; }
        public required SiteModelBuilder ModelBuilder { get; init; }
        public required string Output { get; init; }
        public required Dictionary<string, SourceDocument> Sources { get; set; }
        public required Dictionary<string, Document> Documents { get; set; }
        public required Dictionary<string, IReadOnlyList<Document>> PagesShown { get; set; }
        public required SiteModel Model { get; set; }
        public required List<PageJob> Jobs { get; set; }

        /// <summary>The sitemap's entries as last written (an update compares its own with them).</summary>
        public required List<WrittenPage> Sitemap { get; set; }
        /// <summary>The pages showing each document, made on the first edit of a serve session.</summary>
        public Dictionary<Document, List<int>>? JobsShowing { get; set; }
        /// <summary>Every input file the build read, to tell a deleted input from an editor's temporary file.</summary>
        public required HashSet<string> KnownFiles { get; init; }
    }

    /// <summary>Where the site is written (known after a build).</summary>
    public string? OutputDirectory => _loaded?.Output;

    public BuildResult Build() => BuildAll(new Run(options));

    private BuildResult BuildAll(Run run)
    {
        var diagnostics = run.Diagnostics;
        var config = SiteConfigLoader.Load(_source, diagnostics, options.BaseUrl);
        if (config is null || diagnostics.HasErrors)
        {
            return run.Result(null);
        }

        if (options.Minify is { } minify)
        {
            config = config with { Minify = minify };
        }

        var output = options.CheckOnly
            ? Path.Combine(Path.GetTempPath(), "gazette-check-" + Guid.NewGuid().ToString("N"), "site")
            : Path.GetFullPath(options.OutputDirectory ?? Path.Combine(_source, config.Output));
        var theme = Theme.Locate(_source, config.Theme, diagnostics);
        if (theme is null)
        {
            return run.Result(null);
        }

        if (options.CheckOnly)
        {
            try
            {
                return BuildInto(output, config, theme, run);
            }
            finally
            {
                DeleteQuietly(Path.GetDirectoryName(output)!);
            }
        }

        var shown = DisplayPath(output);
        if (OutputOwnership.Forbidden(_source, output, shown, [theme.Directory]) is { } forbidden)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.File(shown), forbidden);
            return run.Result(null);
        }

        // Whether Gazette owns the output is read while the content loads (reading the folders of a
        // large output takes some 150 ms), and known before anything is written.
        return WithLock(output, run, () => BuildInto(output, config, theme, run,
            options.Force ? Task.FromResult<string?>(null) : Task.Run(() => OutputOwnership.NotOwned(output, shown))));
    }

    /// <param name="notOwned">Why the output may not be replaced (null: it may).</param>
    private BuildResult BuildInto(string output, SiteConfig config, Theme theme, Run run, Task<string?>? notOwned = null)
    {
        var diagnostics = run.Diagnostics;
        var urls = new SiteUrls(config);
        var localizers = Localizer.LoadAll(theme.I18nFolders, diagnostics);
        var siteObject = new ScriptObject();
        var templates = TemplateRenderer.Load(theme.LayoutFolders, localizers, config.Language, urls, siteObject, diagnostics, config.Minify);
        run.Phase("theme");

        var images = new ImageResolver(Path.Combine(_source, ContentLoader.ContentFolder), urls);
        var markdown = new MarkdownRenderer(images, urls, templates.RenderFigure, language => templates.Localizer(language).Translate("section_link"), config.UnsafeHtml);
        var publishing = new Publishing(options.IncludeDrafts, options.IncludeFuture, options.Now ?? DateTimeOffset.UtcNow);
        var modelBuilder = new SiteModelBuilder(config, urls, images, markdown, templates.RenderPartial, publishing);
        // Each file is read, parsed and rendered in one go (see ContentLoader.Load).
        var content = ContentLoader.Load(_source, config.TimeZone, diagnostics, _parallel, source => modelBuilder.ResolveIfPublished(source, diagnostics));
        run.Phase("content");
        var model = modelBuilder.Assemble(content.Resolved, content.Documents, diagnostics);
        run.Phase("model");

        SiteObject.Fill(siteObject, model, urls);
        var writer = new OutputWriter(output);
        List<PageJob> jobs;
        List<WrittenPage> sitemap;
        try
        {
            if (notOwned?.GetAwaiter().GetResult() is { } foreign)
            {
                diagnostics.Error(DiagnosticCodes.OutputNotOwned, SourceLocation.File(DisplayPath(output)), foreign);
                return run.Result(null);
            }

            if (writer.Begin() is { } notOurs)
            {
                diagnostics.Error(DiagnosticCodes.OutputNotOwned, SourceLocation.File(DisplayPath(output)), notOurs);
                return run.Result(null);
            }

            jobs = PageRenderer.ListJobs(model, templates, urls);
            var links = new LinkChecker(urls);
            links.ExpectPages(jobs.Select(j => j.OutputPath));
            PageRenderer.Render(jobs, templates, writer, links, diagnostics, _parallel);
            run.Phase("pages");
            FeedWriter.WriteAll(model, urls, templates.RenderFigure, writer);
            sitemap = PageRenderer.SitemapPages(jobs);
            CrawlerFiles.WriteAll(model, urls, sitemap, writer, diagnostics);
            run.Phase("feeds");
            AssetCopier.CopyAll(_source, theme, content, model, config.Minify, writer, diagnostics);
            run.Phase("assets");
            links.Check(writer, diagnostics);
            writer.ReportSizes(diagnostics);
            if (options.CheckOnly)
            {
                ContentChecks.Run(model, content.Documents, diagnostics);
            }

            run.Phase("checks");
            if (run.Failed || options.CheckOnly)
            {
                writer.Abort();
                return run.Result(null, PageRenderer.CountByGroup(jobs));
            }

            writer.WriteManifest();
            writer.Commit();
        }
        catch (Exception e) when (IsIoFault(e))
        {
            // A full disk, a read-only or immutable folder, a mount point: the staging folder goes
            // (a full disk does not stay full) and the previous output stays as it was.
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(DisplayPath(output)), $"cannot write the output: {IoMessage(e)}");
            writer.Abort();
            return run.Result(null);
        }

        run.Phase("write");
        _loaded = new Loaded
        {
            Config = config,
            Urls = urls,
            Templates = templates,
            SiteObject = siteObject,
            ModelBuilder = modelBuilder,
            Output = output,
            Sources = content.Documents.ToDictionary(d => d.FullPath, StringComparer.Ordinal),
            Documents = model.Articles.Concat(model.Pages).ToDictionary(d => FullPathOf(d), StringComparer.Ordinal),
            PagesShown = jobs.ToDictionary(j => j.OutputPath, j => j.Shows, StringComparer.Ordinal),
            Model = model,
            Jobs = jobs,
            Sitemap = sitemap,
            KnownFiles = [.. content.Documents.Select(d => d.FullPath), .. content.StaticFiles,
                .. theme.LayoutFolders.Concat(theme.I18nFolders).Select(f => f.Directory).Concat(theme.AssetFolders)
                    .Where(Directory.Exists).SelectMany(d => SafeFiles.Enumerate(d)),
                Path.Combine(_source, SiteConfigLoader.FileName)],
        };
        return run.Result(output, PageRenderer.CountByGroup(jobs), writer.FileCount) with
        {
            NextScheduled = model.NextScheduled,
            ChangedFiles = writer.Changed,
        };
    }

    /// <summary>The lock of the output this session is writing, while a build or update runs.</summary>
    private OutputLock? _held;

    /// <summary>Runs <paramref name="write"/> holding the output folder's lock (one build at a time
    /// per output); waits for another build up to <see cref="BuildOptions.LockWait"/>, then refuses.</summary>
    private BuildResult WithLock(string output, Run run, Func<BuildResult> write)
    {
        if (_held is not null && _held.FilePath == OutputLock.PathFor(output))
        {
            return write(); // an update that turned into a full build: the lock is held already
        }

        OutputLock? taken;
        try
        {
            taken = OutputLock.Acquire(output, options.LockWait, () => options.Waiting?.Invoke($"waiting for another Gazette build to finish writing '{DisplayPath(output)}'"));
        }
        catch (Exception e) when (IsIoFault(e))
        {
            run.Diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(DisplayPath(output)), $"cannot create the output's lock file: {IoMessage(e)}");
            return run.Result(null);
        }

        if (taken is null)
        {
            run.Diagnostics.Error(DiagnosticCodes.OutputLocked, SourceLocation.File(DisplayPath(output)),
                $"another Gazette build or dev server is writing '{DisplayPath(output)}' (it holds {OutputLock.PathFor(output)}); wait for it to end or stop it, then build again");
            return run.Result(null);
        }

        var outer = _held;
        _held = taken;
        try
        {
            return write();
        }
        finally
        {
            _held = outer;
            taken.Dispose();
        }
    }

    private string DisplayPath(string output) => OutputOwnership.DisplayName(_source, output);

    /// <summary>A fault of the file system (full disk, read-only folder, name too long), also when
    /// it was thrown on a rendering thread.</summary>
    private static bool IsIoFault(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => true,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.All(IsIoFault),
        _ => false,
    };

    private static string IoMessage(Exception e) =>
        e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0].Message : e.Message;

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (IsIoFault(e))
        {
            // A temporary folder left behind is harmless; it is never the build's only problem.
        }
    }

    /// <summary>A source folder of the site (content/, layouts/…), which may have just appeared or gone.</summary>
    private bool IsSourceFolder(string path) =>
        Path.GetDirectoryName(path) == _source && OutputOwnership.SourceFolders.Contains(Path.GetFileName(path), StringComparer.Ordinal);

    private string FullPathOf(Document document) => Path.GetFullPath(Path.Combine(_source, document.SourcePath));

    /// <summary>
    /// Brings the output up to date after files changed. Articles and pages that were edited are
    /// parsed and rendered again with the pages that show them (lists, neighbours, feeds);
    /// anything else (site.yml, the theme, a photo, a new or deleted file, a moved article) gets a
    /// full build. A failed update writes nothing: the last good pages stay.
    /// </summary>
    public BuildResult Update(IReadOnlyCollection<string> changedPaths)
    {
        var run = new Run(options);
        if (_loaded is not { } last)
        {
            return BuildAll(run);
        }

        return WithLock(last.Output, run, () =>
        {
            try
            {
                return UpdateHoldingLock(changedPaths, run);
            }
            catch (Exception e) when (IsIoFault(e))
            {
                run.Diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(DisplayPath(last.Output)), $"cannot write the output: {IoMessage(e)}");
                return run.Result(null);
            }
        });
    }

    private BuildResult UpdateHoldingLock(IReadOnlyCollection<string> changedPaths, Run run)
    {
        var loaded = _loaded;
        // Editors save through temporary files that are gone by now: only existing or known files count.
        var changed = changedPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)
            .Where(p => File.Exists(p) || Directory.Exists(p) || loaded is null || loaded.KnownFiles.Contains(p) || IsSourceFolder(p))
            .ToList();
        if (loaded is not null && changed.Count == 0)
        {
            return run.Result(loaded.Output) with { Incremental = true };
        }

        // A theme showing the site's lists on its pages (a tag cloud in the footer, the latest
        // articles in a sidebar) makes every page depend on every article: each edit is a full build.
        if (loaded is null || changed.Count == 0 || !changed.All(p => IsEditedDocument(p, loaded))
            || loaded.Templates.AnyReadsSiteLists(except: PageRenderer.NotFoundLayout))
        {
            return BuildAll(run);
        }

        if (TryUpdateInPlace(changed, loaded, run) is { } updatedInPlace)
        {
            return updatedInPlace;
        }

        var diagnostics = run.Diagnostics;
        var documents = new Dictionary<string, Document>(loaded.Documents, StringComparer.Ordinal);
        var sources = new Dictionary<string, SourceDocument>(loaded.Sources, StringComparer.Ordinal);
        var edited = new List<Document>();
        var replaced = new List<(Document Before, Document After)>();
        foreach (var path in changed)
        {
            var source = ContentLoader.LoadOne(_source, path, loaded.Config.TimeZone, diagnostics);
            if (source is null)
            {
                continue;
            }

            sources[path] = source;
            documents.Remove(path, out var before);
            if (loaded.ModelBuilder.IsPublished(source) != (before is not null))
            {
                return BuildAll(new Run(options)); // published or withdrawn: its photos come or go too
            }

            if (before is null)
            {
                continue; // still a draft
            }

            var document = loaded.ModelBuilder.Resolve(source, diagnostics);
            if (document is null)
            {
                continue;
            }

            if (before.OutputPath != document.OutputPath)
            {
                return BuildAll(new Run(options)); // its URL moved: its photos must move too
            }

            documents[path] = document;
            edited.Add(document);
            replaced.Add((before, document));
        }

        run.Phase("content");
        if (diagnostics.HasErrors)
        {
            return run.Result(null);
        }

        var model = loaded.ModelBuilder.Assemble(documents.Values, sources.Values, diagnostics, replaced);
        SiteObject.Fill(loaded.SiteObject, model, loaded.Urls);
        run.Phase("model");

        var jobs = PageRenderer.ListJobs(model, loaded.Templates, loaded.Urls);
        var affected = jobs.Where(job => !loaded.PagesShown.TryGetValue(job.OutputPath, out var before)
            || !before.SequenceEqual(job.Shows) || job.Shows.Any(edited.Contains)).ToList();
        var writer = new OutputWriter(loaded.Output, inPlace: true);
        loaded.Templates.ClearCache(); // cached cards show documents that may have changed
        PageRenderer.Render(affected, loaded.Templates, writer, null, diagnostics);
        var current = jobs.Select(j => j.OutputPath).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in loaded.PagesShown.Keys.Where(p => !current.Contains(p)))
        {
            writer.DeleteStale(gone);
            if (gone.EndsWith("/index.html", StringComparison.Ordinal))
            {
                writer.DeleteStale(gone[..^"index.html".Length] + "feed.xml"); // a category that no longer has articles
            }
        }

        FeedWriter.WriteAll(model, loaded.Urls, loaded.Templates.RenderFigure, writer, loaded.Model, edited);
        var sitemap = PageRenderer.SitemapPages(jobs);
        var sitemapChanged = !sitemap.SequenceEqual(loaded.Sitemap, WrittenPage.SameEntry);
        CrawlerFiles.WriteAll(model, loaded.Urls, sitemapChanged ? sitemap : null, writer, diagnostics);

        writer.UpdateManifest();
        if (!CommitUpdate(writer, run))
        {
            return run.Result(null);
        }

        // Only a written update becomes the state the next one starts from.
        loaded.Sources = sources;
        loaded.Documents = documents;
        loaded.PagesShown = jobs.ToDictionary(j => j.OutputPath, j => j.Shows, StringComparer.Ordinal);
        loaded.Model = model;
        loaded.Jobs = jobs;
        loaded.Sitemap = sitemap;
        loaded.JobsShowing = null;
        return UpdateResult(run, loaded, affected.Count, writer);
    }

    /// <summary>Ends an update: a failed one writes nothing, else its files are written.</summary>
    private static bool CommitUpdate(OutputWriter writer, Run run)
    {
        run.Phase("pages");
        if (run.Failed)
        {
            writer.Abort();
            return false;
        }

        writer.Commit();
        run.Phase("write");
        return true;
    }

    private static BuildResult UpdateResult(Run run, Loaded loaded, int rendered, OutputWriter writer) =>
        run.Result(loaded.Output, new Dictionary<string, int> { ["rendered"] = rendered }, writer.Changed.Count) with
        {
            NextScheduled = loaded.Model.NextScheduled,
            ChangedFiles = writer.Changed,
            Incremental = true,
        };

    /// <summary>
    /// The common edits: text changed below the front matter, or the front matter changed only in
    /// what pages show of the article (title, summary, cover, review…: <see cref="FrontMatter.SameStructure"/>),
    /// or in its tags, category, author or update date. The rest of the site's structure (URLs, order,
    /// neighbours, archives) cannot have changed, so the model is kept: each edited document takes
    /// its new content in place, a re-filed article moves between the terms' lists, and only the
    /// pages and feeds showing it (and, after a term edit, the terms' pages and the articles whose
    /// related ones changed) are rendered again. Returns null when an edit is not of this kind (the caller
    /// then re-assembles the site); nothing is changed before that is known.
    /// </summary>
    private BuildResult? TryUpdateInPlace(List<string> changed, Loaded loaded, Run run)
    {
        var diagnostics = run.Diagnostics;
        var edits = new List<(Document Before, Document After, SourceDocument Source)>();
        foreach (var path in changed)
        {
            if (!loaded.Documents.TryGetValue(path, out var before) || !loaded.Sources.TryGetValue(path, out var oldSource))
            {
                return null;
            }

            var source = ContentLoader.LoadOne(_source, path, loaded.Config.TimeZone, diagnostics);
            if (source is null)
            {
                return run.Result(null); // the new text has errors: they are reported, the old pages stay
            }

            if (!source.Parsed.FrontMatter.SameStructure(oldSource.Parsed.FrontMatter, exceptTermsAndDates: true) || !loaded.ModelBuilder.IsPublished(source))
            {
                return null;
            }

            var after = loaded.ModelBuilder.Resolve(source, diagnostics);
            if (after is null)
            {
                return run.Result(null);
            }

            if (after.OutputPath != before.OutputPath)
            {
                return null; // a permalink with the category in it
            }

            edits.Add((before, after, source));
        }

        run.Phase("content");
        if (run.Failed)
        {
            return run.Result(null);
        }

        var photosMoved = edits.Exists(e => !PageRenderer.PhotoUrls(e.Before).SequenceEqual(PageRenderer.PhotoUrls(e.After)));
        var refiled = edits.Where(e => !e.Before.TagNames.SequenceEqual(e.After.TagNames) || e.Before.CategoryName != e.After.CategoryName
            || e.Before.AuthorName != e.After.AuthorName || e.Before.AuthorProfile != e.After.AuthorProfile).ToList();
        if (refiled.Count > 1 || (refiled.Count == 1 && (photosMoved || refiled[0].Before.Kind != DocumentKind.Article)))
        {
            return null; // rare enough to leave to a new assembly
        }

        // A new publication date usually moves the article in every list: a new assembly. One that
        // leaves it where it was (the time of day corrected) is an edit like the others.
        var redatedInPlace = edits.Where(e => e.Before.Date != e.After.Date).ToList();
        if (redatedInPlace.Count > 1 || (redatedInPlace.Count == 1
            && (refiled.Count > 0 || !SiteModelBuilder.KeepsItsPlace(redatedInPlace[0].Before, redatedInPlace[0].After))))
        {
            return null;
        }

        var affected = new SortedSet<int>();
        if (refiled.Count == 0)
        {
            // Which pages show which document: made once, then kept while the site's structure stays.
            loaded.JobsShowing ??= IndexJobsShowing(loaded.Jobs);
            foreach (var (before, _, _) in edits)
            {
                affected.UnionWith(loaded.JobsShowing.GetValueOrDefault(before) ?? []);
            }
        }
        else
        {
            // The jobs change below (and the index with them): one pass finds the pages showing it.
            var article = refiled[0].Before;
            for (var i = 0; i < loaded.Jobs.Count; i++)
            {
                foreach (var shown in loaded.Jobs[i].Shows)
                {
                    if (ReferenceEquals(shown, article))
                    {
                        affected.Add(i);
                        break;
                    }
                }
            }
        }

        var moves = refiled.Count == 1 ? loaded.ModelBuilder.Refile(loaded.Model, refiled[0].Before, refiled[0].After) : null;
        if (refiled.Count == 1 && moves is null)
        {
            return null;
        }

        var redated = edits.Where(e => e.Before.LastModified != e.After.LastModified).Select(e => e.Before).ToList();

        // From here on the session's state changes; a failed render below leaves the output as it was
        // and the next edit of the file renders it again.
        foreach (var (before, after, source) in edits)
        {
            before.TakeContentOf(after);
            loaded.Sources[source.FullPath] = source;
        }

        if (redatedInPlace.Count == 1 && redatedInPlace[0].Before.Kind == DocumentKind.Article)
        {
            affected.UnionWith(PickRelatedAgainNear(loaded, redatedInPlace[0].Before));
        }

        if (photosMoved)
        {
            foreach (var index in affected)
            {
                loaded.Jobs[index] = PageRenderer.WithCurrentPhotos(loaded.Jobs[index]);
            }
        }

        var jobs = affected.Select(i => loaded.Jobs[i]).ToList();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        var pagesAdded = false;
        if (moves is not null)
        {
            var listedAgain = ListAgain(loaded, refiled[0].Before, moves, gone);
            pagesAdded = listedAgain.Exists(j => !loaded.PagesShown.ContainsKey(j.OutputPath));
            UpdatePagesShown(loaded, listedAgain, gone);
            // A page showing the article is rendered from its new job when it has one.
            jobs = [.. listedAgain.UnionBy(jobs.Where(j => !gone.Contains(j.OutputPath)), j => j.OutputPath)];
        }

        run.Phase("model");
        var writer = new OutputWriter(loaded.Output, inPlace: true);
        loaded.Templates.Forget([.. edits.Select(e => e.Before)]); // their cached cards show what changed
        PageRenderer.Render(jobs, loaded.Templates, writer, null, diagnostics);
        foreach (var path in gone)
        {
            writer.DeleteStale(path);
        }

        // A category's feed goes with its last article; the feed of a category the article left loses it.
        var leftCategories = moves?.Where(m => m.Left && m.Taxonomy == loaded.Model.Categories).Select(m => m.Term).ToList() ?? [];
        foreach (var emptied in leftCategories.Where(c => c.Count == 0))
        {
            writer.DeleteStale($"{loaded.Model.Categories.Segment}/{emptied.Slug}/feed.xml");
        }

        FeedWriter.WriteAll(loaded.Model, loaded.Urls, loaded.Templates.RenderFigure, writer, loaded.Model, [.. edits.Select(e => e.Before)], leftCategories);
        var sitemapChanged = photosMoved || moves is not null || redated.Count > 0;
        if (sitemapChanged)
        {
            var redatedJobs = redated.Count > 0 ? RefreshLastModified(loaded, redated) : [];
            loaded.Sitemap = photosMoved ? PageRenderer.SitemapPages(loaded.Jobs) : UpdatedSitemap(loaded.Sitemap, [.. jobs, .. redatedJobs], gone);
        }

        if (sitemapChanged || edits.Any(e => e.Before.Aliases.Count > 0))
        {
            // The sitemap lists the photos and the pages; redirect pages show the title.
            CrawlerFiles.WriteAll(loaded.Model, loaded.Urls, sitemapChanged ? loaded.Sitemap : null, writer, diagnostics);
        }

        if (gone.Count > 0 || pagesAdded)
        {
            writer.UpdateManifest();
        }

        return CommitUpdate(writer, run) ? UpdateResult(run, loaded, jobs.Count, writer) with { InPlace = true } : run.Result(null);
    }

    /// <summary>
    /// After an article moved between terms (tags, category, author): the pages of the terms it left and
    /// joined and of their taxonomies' indexes are listed again, and so are the pages of the
    /// articles whose related ones changed (picked again in those terms' lists). The session's
    /// jobs follow. Returns the jobs to render; the output paths of the pages that are no more are
    /// added to <paramref name="removed"/>.
    /// </summary>
    private static List<PageJob> ListAgain(Loaded loaded, Document article, List<TermMove> moves, HashSet<string> removed)
    {
        var model = loaded.Model;
        var changedTerms = moves.Select(m => m.Term).ToHashSet();
        // Related articles come from tags and categories: an author's other articles keep theirs.
        var neighbours = moves.Where(m => m.Taxonomy != model.Authors)
            .SelectMany(m => RelatedArticles.WithinReach(m.Term.Articles, article)).Append(article).Distinct().ToList();
        var relatedChanged = RelatedArticles.AssignAgain(model, neighbours);

        var jobs = new List<PageJob>();
        foreach (var taxonomy in moves.Select(m => m.Taxonomy).Distinct())
        {
            foreach (var term in moves.Where(m => m.Taxonomy == taxonomy && m.Term.Count > 0).Select(m => m.Term))
            {
                jobs.AddRange(PageRenderer.TermJobs(model, taxonomy, term, loaded.Urls));
            }

            if (PageRenderer.TermsIndexJob(taxonomy, loaded.Templates, model.Config, loaded.Urls) is { } index)
            {
                jobs.Add(index);
            }
        }

        jobs.AddRange(neighbours.Where(a => a == article || relatedChanged.Contains(a)).Select(PageRenderer.DocumentJob));

        // Replaced: the pages listed again; removed: those of the terms' lists that are no more.
        var replaced = jobs.Select(j => j.OutputPath).ToHashSet(StringComparer.Ordinal);
        bool IsListedAgain(PageJob job) => replaced.Contains(job.OutputPath)
            || (job.Globals.GetValueOrDefault("page") is ListPage { Term: { } term } && changedTerms.Contains(term));
        var kept = new List<PageJob>(loaded.Jobs.Count + jobs.Count);
        foreach (var job in loaded.Jobs)
        {
            if (!IsListedAgain(job))
            {
                kept.Add(job);
            }
            else if (!replaced.Contains(job.OutputPath))
            {
                removed.Add(job.OutputPath);
            }
        }

        kept.AddRange(jobs);
        loaded.Jobs = kept;
        loaded.JobsShowing = null; // indexes into the old list: made again at the next edit
        return jobs;
    }

    private static void UpdatePagesShown(Loaded loaded, List<PageJob> listedAgain, HashSet<string> removed)
    {
        foreach (var path in removed)
        {
            loaded.PagesShown.Remove(path);
        }

        foreach (var job in listedAgain)
        {
            loaded.PagesShown[job.OutputPath] = job.Shows;
        }
    }

    /// <summary>
    /// After an article's publication date changed without moving it: nearness in time decides
    /// between related candidates of equal score, so the articles near it in its tags' and
    /// category's lists (and itself) pick theirs again. Those whose picks changed get a new job, in
    /// place in the session's jobs (and in the index of the pages showing each document); returns
    /// the indexes of these jobs.
    /// </summary>
    private static List<int> PickRelatedAgainNear(Loaded loaded, Document article)
    {
        var near = RelatedArticles.WithinReachInItsTerms(loaded.Model, article).Append(article).Distinct().ToList();
        var relatedChanged = RelatedArticles.AssignAgain(loaded.Model, near);
        var showing = loaded.JobsShowing ??= IndexJobsShowing(loaded.Jobs);
        var replaced = new List<int>();
        foreach (var document in near.Where(relatedChanged.Contains))
        {
            // Its own page, among the pages showing it (the others show its card).
            var pages = showing.GetValueOrDefault(document) ?? [];
            var at = pages.FindIndex(i => loaded.Jobs[i].OutputPath == document.OutputPath);
            if (at < 0)
            {
                continue; // no page of its own (never seen: every article has one)
            }

            var index = pages[at];
            var old = loaded.Jobs[index];
            var job = PageRenderer.DocumentJob(document);
            foreach (var shown in old.Shows)
            {
                showing[shown].RemoveAll(i => i == index);
            }

            foreach (var shown in job.Shows)
            {
                var list = showing.TryGetValue(shown, out var existing) ? existing : showing[shown] = [];
                if (!list.Contains(index))
                {
                    list.Add(index);
                }
            }

            loaded.Jobs[index] = job;
            loaded.PagesShown[job.OutputPath] = job.Shows;
            replaced.Add(index);
        }

        return replaced;
    }

    /// <summary>
    /// After articles' update dates changed: the pages whose last modification follows (theirs,
    /// and every page of each list holding one of them) get it anew, in place in the session's
    /// jobs. Returns the jobs that changed, for the sitemap.
    /// </summary>
    private static List<PageJob> RefreshLastModified(Loaded loaded, List<Document> redated)
    {
        var changed = new List<PageJob>();
        // A list shown on many pages (the home page, a large tag) is looked at once.
        var newest = new Dictionary<IReadOnlyList<Document>, DateTimeOffset?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < loaded.Jobs.Count; i++)
        {
            var job = loaded.Jobs[i];
            DateTimeOffset? lastModified;
            if (job.Listing is { } listing)
            {
                if (!newest.TryGetValue(listing, out lastModified))
                {
                    newest[listing] = lastModified = redated.Exists(listing.Contains) ? PageRenderer.LastModified(listing) : job.LastModified;
                }
            }
            else if (job.Globals.GetValueOrDefault("page") is Document document && redated.Contains(document))
            {
                lastModified = document.LastModified;
            }
            else
            {
                continue;
            }

            if (lastModified != job.LastModified)
            {
                loaded.Jobs[i] = job with { LastModified = lastModified };
                changed.Add(loaded.Jobs[i]);
            }
        }

        return changed;
    }

    /// <summary>The sitemap's entries with those of <paramref name="jobs"/> put in (or replaced) and
    /// those of <paramref name="gone"/> taken out, still in the order of their paths.</summary>
    private static List<WrittenPage> UpdatedSitemap(List<WrittenPage> sitemap, List<PageJob> jobs, HashSet<string> gone)
    {
        var byPath = Comparer<WrittenPage>.Create((a, b) => string.CompareOrdinal(a.OutputPath, b.OutputPath));
        var updated = new List<WrittenPage>(sitemap);
        foreach (var entry in gone.Select(path => new WrittenPage(path, "", null, [], "")))
        {
            var at = updated.BinarySearch(entry, byPath);
            if (at >= 0)
            {
                updated.RemoveAt(at);
            }
        }

        foreach (var entry in jobs.Where(j => j.InSitemap).Select(j => j.ToWrittenPage()))
        {
            var at = updated.BinarySearch(entry, byPath);
            if (at >= 0)
            {
                updated[at] = entry;
            }
            else
            {
                updated.Insert(~at, entry);
            }
        }

        return updated;
    }

    private static Dictionary<Document, List<int>> IndexJobsShowing(List<PageJob> jobs)
    {
        var showing = new Dictionary<Document, List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < jobs.Count; i++)
        {
            foreach (var document in jobs[i].Shows)
            {
                if (!showing.TryGetValue(document, out var list))
                {
                    showing[document] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        return showing;
    }

    /// <summary>An existing Markdown file of content/ that the last build already knew.</summary>
    private static bool IsEditedDocument(string path, Loaded loaded) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && loaded.Sources.ContainsKey(path);

    /// <summary>The diagnostics and timings of one build or update.</summary>
    private sealed class Run(BuildOptions options)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<PhaseTiming> _timings = [];
        private long _allocatedBefore = GC.GetTotalAllocatedBytes();
        private TimeSpan _pausedBefore = GC.GetTotalPauseDuration();

        public DiagnosticBag Diagnostics { get; } = new();

        public bool Failed => Diagnostics.HasErrors || (options.Strict && Diagnostics.ToList().Count > 0);

        public void Phase(string name)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var paused = GC.GetTotalPauseDuration();
            var timing = new PhaseTiming(name, _clock.Elapsed, allocated - _allocatedBefore, GC.GetGCMemoryInfo().HeapSizeBytes, paused - _pausedBefore);
            if (_timings.Count > 0 && _timings[^1].Phase == name)
            {
                // The same phase again (an update that tried the in-place path, then re-assembled): one line.
                var previous = _timings[^1];
                timing = timing with
                {
                    Elapsed = previous.Elapsed + timing.Elapsed,
                    AllocatedBytes = previous.AllocatedBytes + timing.AllocatedBytes,
                    GcPause = previous.GcPause + timing.GcPause,
                };
                _timings.RemoveAt(_timings.Count - 1);
            }

            _timings.Add(timing);
            options.Progress?.Report(name);
            _allocatedBefore = allocated;
            _pausedBefore = paused;
            _clock.Restart();
        }

        public BuildResult Result(string? output, Dictionary<string, int>? pages = null, int files = 0) =>
            new(Diagnostics.ToSortedList(), output, pages ?? [], files, _timings, options.Strict);
    }
}
