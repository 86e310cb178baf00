using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown;
using Gazette.Model;
using Gazette.Output;
using Gazette.Templates;
using Gazette.Text;

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
    /// <summary>A session for one build (the command line's): it records nothing for updates, and
    /// its pages render without recording what they read.</summary>
    internal static SiteSession ForOneBuild(BuildOptions options) => new(options) { _keepsForUpdates = false };

    private bool _keepsForUpdates = true;

    private readonly string _source = Path.GetFullPath(options.SourceDirectory);
    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = options.MaxParallelism };

    // What the last successful build made, which updates bring up to date.
    private LiveSite? _live;

    /// <summary>Where the site is written (known after a build).</summary>
    public string? OutputDirectory => _live?.Output;

    public BuildResult Build() => BuildAll(new BuildRun(options));

    private BuildResult BuildAll(BuildRun run)
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
        var theme = Theme.Locate(_source, config.Theme, options.GazetteThemes, diagnostics);
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
    private BuildResult BuildInto(string output, SiteConfig config, Theme theme, BuildRun run, Task<string?>? notOwned = null)
    {
        var diagnostics = run.Diagnostics;
        var urls = new SiteUrls(config);
        var localizers = Localizer.LoadAll(theme.I18nFolders, diagnostics);
        var siteObject = new SiteObject();
        // The dev server keeps this build's bodies and cards for its updates: they stay in memory.
        using var spill = _keepsForUpdates ? null : new HtmlSpill(options.HtmlInMemory);
        var templates = TemplateRenderer.Load(theme.LayoutFolders, localizers, config.Language, urls, siteObject, diagnostics, config.Minify, spill);
        run.Phase("theme");

        var images = new ImageResolver(Path.Combine(_source, ContentLoader.ContentFolder), urls, PhotoSettingsFor(config, diagnostics));
        var cacheOn = options.Cache && !options.CheckOnly && CacheFoldersAreTheSites(diagnostics);
        var markdownCache = cacheOn && BuildCache.MarkdownFingerprint(_source, theme, options) is { } bodies
            ? MarkdownCache.Open(_source, bodies, diagnostics, _parallel, spill)
            : null;
        var markdown = new MarkdownRenderer(images, urls, language => templates.Localizer(language).Translate("section_link"), config.UnsafeHtml,
            config.GitHubHeadingIds, markdownCache, spill);
        var publishing = new Publishing(options.IncludeDrafts, options.IncludeFuture, options.Now ?? DateTimeOffset.UtcNow);
        var (searchOn, searchNote) = SearchFor(config, templates);
        string? SearchUrlOf(string language) => searchOn ? urls.ForOutput(config.SearchFolderOf(language)) : null;
        var modelBuilder = new SiteModelBuilder(config, urls, images, markdown, publishing, SearchUrlOf(config.Language));
        var multilingual = config.Languages.Count > 1;
        // Each file is read, parsed and rendered in one go: its text is then dropped young instead of
        // being kept through a second pass over the whole site (memory and collections on a large archive).
        var files = ContentLoader.Find(_source, multilingual ? config.Languages.Select(l => l.Code).ToHashSet(StringComparer.Ordinal) : null);
        var sources = new SourceDocument?[files.Markdown.Count];
        var resolved = new Document?[files.Markdown.Count];
        Parallel.For(0, files.Markdown.Count, _parallel, i =>
        {
            if (ContentLoader.Read(_source, files, files.Markdown[i], config.TimeZone, diagnostics) is { } source)
            {
                sources[i] = source;
                resolved[i] = modelBuilder.ResolveIfPublished(source, diagnostics);
            }
        });
        var content = new ContentSet([.. sources.OfType<SourceDocument>()], files.StaticFiles, files.BundleDirectories);
        run.Phase("content");
        // A site in several languages is an edition per language, each with its own lists, feeds and
        // sitemap; a document belongs to its language's (or to the default's, in a language with none).
        if (multilingual)
        {
            Translations.Link(config, content.Documents,
                [.. Enumerable.Range(0, resolved.Length).Where(i => resolved[i] is not null).Select(i => (sources[i]!, resolved[i]!))], diagnostics);
        }

        var builders = config.Languages.Count == 0 ? [modelBuilder] : config.Editions.Select(e => modelBuilder.ForEdition(e, SearchUrlOf(e.Code))).ToList();
        var editions = builders.Select((builder, i) => builder.Assemble(resolved.OfType<Document>()
            .Where(d => config.EditionOf(d.Lang) == config.Editions[i].Code), content.Documents, diagnostics)).ToList();
        var model = editions[0];
        if (multilingual)
        {
            List<Translation> homes = [.. editions.Select(e => new Translation(e.Config.Language, urls.ForOutput(e.Prefix), urls.Absolute(urls.ForOutput(e.Prefix)), e.Config.Title))];
            editions.ForEach(e => e.Homes = homes);
        }

        WarnOfUnknownSections(editions, diagnostics);
        var icons = SiteIcons.Make(config, images, urls, diagnostics);
        var logo = SiteIcons.Logo(config, images, urls);
        siteObject.Fill(model, urls, icons.Icons, logo);
        var editionSites = editions.Select((e, i) => i == 0 ? null : new SiteObject().Filled(e, urls, icons.Icons, logo)).ToList();
        run.Phase("model");
        var documents = editions.SelectMany(e => e.Articles.Concat(e.Pages)).ToList();
        var contentFiles = AssetCopier.ContentTargets(_source, content, documents);
        using var photoCache = images.Resizes ? OpenPhotoCache(diagnostics) : null;
        List<PublishedPhoto> photos = [];
        if (photoCache is not null)
        {
            photos = PreparePhotos(contentFiles, documents, images, photoCache.Cache, diagnostics);
            run.Phase("photos");
        }

        var editionJobs = editions.Select((e, i) => PageRenderer.ListJobs(e, templates, urls, editionSites[i])).ToList();
        List<PageJob> jobs = [.. editionJobs.SelectMany(j => j)];
        // The build cache names what pages read by file and URL, which one object of all the editions has.
        var entities = cacheOn ? ModelDigests.Entities(editions) : null;
        var cache = entities is not null
            && BuildCache.Fingerprint(_source, theme, options, searchOn, new object?[] { icons.Icons, logo }) is { } fingerprint
            ? BuildCache.Open(_source, output, fingerprint, diagnostics)
            : null;
        (CachedPage Page, Read[] Reads)?[]? kept;
        try
        {
            kept = cache?.Plan(jobs, entities!, _parallel);
        }
        catch (Exception e) when (IsIoFault(e))
        {
            // The check reads bodies back from the build's temporary file (HtmlSpill); nothing is written yet.
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(DisplayPath(output)), $"cannot check the build cache: {IoMessage(e)}");
            return run.Result(null);
        }

        if (cache is not null)
        {
            run.Phase("cache");
        }

        var writer = new OutputWriter(output, inPlace: cache?.InPlace == true);
        Read[]?[] reads;
        List<WrittenPage> sitemap;
        List<PageJob> rendered;
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

            var links = new LinkChecker(urls);
            links.ExpectPages(jobs.Select(j => j.OutputPath));
            rendered = kept is null ? jobs : [.. jobs.Where((_, i) => kept[i] is null)];
            var linkRecords = cache is null ? null : new LinkChecker.PageLinks?[rendered.Count];
            var renderedReads = PageRenderer.Render(rendered, templates, writer, links, diagnostics, _parallel,
                record: cache is not null || (_keepsForUpdates && !multilingual), linkRecords);
            run.Phase("pages");
            if (kept is not null)
            {
                reads = KeepPages(jobs, kept, rendered, renderedReads, linkRecords!, writer, links, cache!, diagnostics);
                run.Phase("kept pages");
            }
            else
            {
                reads = renderedReads;
            }

            var sitemaps = editionJobs.ConvertAll(PageRenderer.SitemapPages);
            sitemap = sitemaps[0];
            // The feeds and the sitemaps side by side: the sitemaps are written on one core.
            Parallel.Invoke(_parallel,
                () => editions.ForEach(e => FeedWriter.WriteAll(e, urls, templates, writer)),
                () => CrawlerFiles.WriteAll(editions, urls, [.. sitemaps], publishing.Now, writer, diagnostics));
            run.Phase("feeds");
            AssetCopier.CopyAll(_source, theme, contentFiles, config.Minify, writer, diagnostics, images.Resizes ? images.Publish : null);
            foreach (var made in icons.Files)
            {
                if (writer.WriteUtf8(made.RelativePath, made.Bytes, "site.yml") is { } earlier)
                {
                    diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(earlier),
                        $"'{made.RelativePath}' is the site's icon, which Gazette makes from '{config.Favicon ?? config.Publisher?.Logo}'; rename this file or remove it");
                }
            }

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

            if (searchOn && !writer.InPlace)
            {
                IndexForSearch(writer, config.SearchFolderOf(config.Language), diagnostics);
                run.Phase("search");
                if (run.Failed)
                {
                    writer.Abort();
                    return run.Result(null, PageRenderer.CountByGroup(jobs));
                }
            }

            if (writer.InPlace)
            {
                KeepOrDeleteTheRest(writer, searchOn);
            }

            cache?.BeforeCommit();
            writer.WriteManifest();
            writer.Commit();
            photoCache?.Cache.Prune();
            if (searchOn && writer.InPlace && writer.Changed.Any(path => path.EndsWith(".html", StringComparison.Ordinal)))
            {
                // Pagefind indexes the whole site at once: in place, it runs over the written output.
                SearchIndex.WriteInPlace(options.Pagefind!, output, config.SearchFolderOf(config.Language) + "index.html", diagnostics);
                run.Phase("search");
            }

            SaveQuietly(cache, markdownCache, diagnostics);
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
        // A site in several languages is built whole at each change (the dev server's updates know one edition).
        _live = !_keepsForUpdates || multilingual ? null : new LiveSite
        {
            Config = config,
            Urls = urls,
            Templates = templates,
            ModelBuilder = modelBuilder,
            Model = model,
            Output = output,
            Sources = content.Documents.ToDictionary(d => d.FullPath, StringComparer.Ordinal),
            Documents = model.Articles.Concat(model.Pages).ToDictionary(d => FullPathOf(d), StringComparer.Ordinal),
            Jobs = jobs.ToDictionary(j => j.OutputPath, StringComparer.Ordinal),
            Reads = LiveSite.ReadsOf(jobs, reads),
            Sitemap = sitemap,
            Photos = photos,
            PhotoCache = photoCache is { Temporary: null } ? photoCache.Cache.Directory : null,
            Pagefind = searchOn ? options.Pagefind : null,
            KnownFiles = [.. content.Documents.Select(d => d.FullPath), .. content.StaticFiles,
                .. theme.LayoutFolders.Concat(theme.I18nFolders).Select(f => f.Directory).Concat(theme.AssetFolders)
                    .Where(Directory.Exists).SelectMany(d => SafeFiles.Enumerate(d)),
                Path.Combine(_source, SiteConfigLoader.FileName)],
        };
        return run.Result(output, PageRenderer.CountByGroup(jobs), writer.FileCount) with
        {
            NextScheduled = model.NextScheduled,
            ChangedFiles = writer.Changed,
            OutputBytes = writer.TotalBytes,
            Search = searchNote,
            RenderedPages = cache is not null ? [.. rendered.Select(j => j.OutputPath).Order(StringComparer.Ordinal)] : [],
            KeptPages = jobs.Count - rendered.Count,
            CachedBodies = markdownCache?.Reused ?? 0,
            SpilledHtmlBytes = spill?.Spilled ?? 0,
        };
    }

    /// <summary>
    /// Counts the pages the build cache keeps as written (their files stay untouched) and gives the
    /// link check their links as their record has them, or, when a page of the previous build is
    /// gone (a link to it was settled then), as their files have them; remembers every page for
    /// the next build. Returns the reads of all the jobs, in their order.
    /// </summary>
    private Read[]?[] KeepPages(List<PageJob> jobs, (CachedPage Page, Read[] Reads)?[] kept, List<PageJob> rendered, Read[]?[] renderedReads,
        LinkChecker.PageLinks?[] renderedLinks, OutputWriter writer, LinkChecker links, BuildCache cache, DiagnosticBag diagnostics)
    {
        var reads = new Read[]?[jobs.Count];
        var next = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (kept[i] is { } page)
            {
                reads[i] = page.Reads;
                if (writer.Keep(jobs[i].OutputPath, jobs[i].ErrorContext, page.Page.Length) is { } earlier)
                {
                    diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(jobs[i].ErrorContext),
                        $"'{jobs[i].OutputPath}' is also written by '{earlier}'; change a slug so each page has its own URL");
                }
            }
            else
            {
                reads[i] = renderedReads[next++];
            }
        }

        cache.Rendered(rendered, renderedReads, renderedLinks, _parallel);

        var rescan = cache.SomePageGone(jobs);
        Parallel.For(0, jobs.Count, _parallel, i =>
        {
            if (kept[i] is not { } page)
            {
                return;
            }

            if (rescan)
            {
                var record = new LinkChecker.PageLinks();
                links.Collect(jobs[i].ErrorContext, jobs[i].OutputPath, File.ReadAllBytes(Path.Combine(writer.OutputDirectory, jobs[i].OutputPath)), record);
                kept[i] = (page.Page with { Links = record }, page.Reads);
            }
            else
            {
                links.Replay(jobs[i].ErrorContext, jobs[i].OutputPath, page.Page.Links);
            }
        });
        foreach (var page in kept)
        {
            if (page is not null)
            {
                cache.Keep(page.Value.Page);
            }
        }

        return reads;
    }

    /// <summary>In place: the previous build's files this one did not write are deleted, as a clean
    /// build would not have them; the search index stays, made again after the commit if a page changed.</summary>
    private static void KeepOrDeleteTheRest(OutputWriter writer, bool searchOn)
    {
        var manifest = Path.Combine(writer.OutputDirectory, OutputWriter.ManifestName);
        foreach (var path in File.ReadAllLines(manifest))
        {
            if (path.Length == 0 || path == OutputWriter.ManifestName || writer.HasWritten(path))
            {
                continue;
            }

            var file = new FileInfo(Path.Combine(writer.OutputDirectory, path));
            if (searchOn && path.StartsWith(SearchIndex.Folder + "/", StringComparison.Ordinal) && file.Exists)
            {
                writer.Keep(path, "search index", file.Length);
            }
            else
            {
                writer.DeleteStale(path);
            }
        }
    }

    /// <summary>Writes the build cache; a cache that cannot be written is a warning (the site is
    /// built, the next build renders every page).</summary>
    private void SaveQuietly(BuildCache? cache, MarkdownCache? bodies, DiagnosticBag diagnostics)
    {
        void Save(Action? save, string folder, string consequence)
        {
            try
            {
                save?.Invoke();
            }
            catch (Exception e) when (IsIoFault(e))
            {
                diagnostics.Warning(DiagnosticCodes.BuildCacheUnusable, SourceLocation.File(folder), $"cannot write the build cache ({e.Message}); {consequence}");
            }
        }

        Save(cache is null ? null : () => cache.Save(_parallel), PageCache.Folder, "the next build renders every page again");
        Save(bodies is null ? null : () => bodies.Save(_source), MarkdownCache.Folder, "the next build reads every article again");
    }

    /// <summary>Whether the site has search: site.yml leaves it on, the theme has a search page and
    /// Pagefind can run; and what to say of it.</summary>
    private (bool On, string? Note) SearchFor(SiteConfig config, TemplateRenderer templates)
    {
        if (!config.Search.Enabled || !templates.HasLayout(PageRenderer.SearchLayout))
        {
            return (false, null);
        }

        return options.Pagefind is null
            ? (false, options.SearchUnavailable is { } why ? $"search is off: {why}" : null)
            : (true, null);
    }

    /// <summary>GZ0004 for a home page section whose slug no category has, once per <c>home:</c>
    /// (an edition without its own shares the site's, and a slug any of them has is known).</summary>
    private static void WarnOfUnknownSections(List<SiteModel> editions, DiagnosticBag diagnostics)
    {
        foreach (var group in editions.GroupBy(e => e.Config.Home, ReferenceEqualityComparer.Instance))
        {
            var home = (HomeLayout)group.Key!;
            for (var i = 0; i < (home.Sections?.Count ?? 0); i++)
            {
                if (!group.Any(e => e.Categories.Find(home.Sections![i]) is not null))
                {
                    var known = group.SelectMany(e => e.Categories.Terms).Select(t => t.Slug).Distinct().ToList();
                    diagnostics.Warning(DiagnosticCodes.HomeSectionUnknown, home.SectionLines[i],
                        $"no category has the slug '{home.Sections![i]}', so the home page has no block for it; "
                        + (known.Count == 0 ? "the site has no categories yet" : "the categories are: " + string.Join(", ", known)));
                }
            }
        }
    }

    /// <summary>Runs Pagefind over the staged site and takes its index as the build's files. A
    /// failure is a warning: the site is whole, its search page says the index is missing.</summary>
    private void IndexForSearch(OutputWriter writer, string searchFolder, DiagnosticBag diagnostics)
    {
        if (writer.WrittenUnder(SearchIndex.Folder + "/") is { } taken)
        {
            diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(taken),
                $"'{taken}' is in the folder the search index is written to ({SearchIndex.Folder}/); rename that folder of content/");
            return;
        }

        if (SearchIndex.Write(options.Pagefind!, writer.StagingDirectory) is { } problem)
        {
            diagnostics.Warning(DiagnosticCodes.SearchIndexFailed, SourceLocation.File(searchFolder + "index.html"), problem);
            return;
        }

        writer.Adopt(SearchIndex.Folder, "search index");
    }

    /// <summary>The photo settings, or null when photos are published as written: asked in site.yml,
    /// or libvips cannot run on this machine (said once, and the build goes on).</summary>
    private static PhotoSettings? PhotoSettingsFor(SiteConfig config, DiagnosticBag diagnostics)
    {
        if (!config.Photos.Resize)
        {
            return null;
        }

        if (PhotoProcessor.Unavailable is { } problem)
        {
            diagnostics.Warning(DiagnosticCodes.PhotosNotResized, SourceLocation.File(SiteConfigLoader.FileName),
                $"photos are published as written, not resized: libvips cannot run here ({problem}); set 'images: {{resize: false}}' to say so and silence this");
            return null;
        }

        return config.Photos;
    }

    /// <summary>Whether the build cache's folders are the site's own: one that is a link out of the
    /// site is one warning, and the build goes without the cache (Gazette writes nothing there).</summary>
    private bool CacheFoldersAreTheSites(DiagnosticBag diagnostics)
    {
        var outside = new[] { PageCache.Folder, MarkdownCache.Folder }
            .Where(folder => !SafeFiles.IsSameOrInside(Path.GetFullPath(Path.Combine(_source, folder)), _source)).ToList();
        if (outside.Count == 0)
        {
            return true;
        }

        diagnostics.Warning(DiagnosticCodes.BuildCacheUnusable, SourceLocation.File(outside[0]),
            $"the build cache ({string.Join(", ", outside)}) is a link to a folder outside the site; Gazette writes nothing there, "
            + "so every page is rendered and every article read at each build. Remove the link");
        return false;
    }

    /// <summary>The photo cache of the site (<c>.gazette/cache/images/</c>); a temporary one, dropped
    /// after the build, when that folder cannot be written.</summary>
    private OwnedPhotoCache OpenPhotoCache(DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(_source, PhotoCache.Folder);
        try
        {
            // Judged before the folder is made: a link out of the site gets nothing, not even a folder.
            if (SafeFiles.IsSameOrInside(Path.GetFullPath(folder), _source))
            {
                return new OwnedPhotoCache(new PhotoCache(folder), null);
            }

            diagnostics.Warning(DiagnosticCodes.PhotoCacheUnusable, SourceLocation.File(PhotoCache.Folder),
                "the photo cache is a link to a folder outside the site; Gazette writes nothing there, so photos are processed again at each build. Remove the link");
        }
        catch (Exception e) when (IsIoFault(e))
        {
            diagnostics.Warning(DiagnosticCodes.PhotoCacheUnusable, SourceLocation.File(PhotoCache.Folder),
                $"cannot keep processed photos between builds ({e.Message}); they are processed again at each build");
        }

        var temporary = Path.Combine(Path.GetTempPath(), "gazette-photos-" + Guid.NewGuid().ToString("N"));
        return new OwnedPhotoCache(new PhotoCache(temporary), temporary);
    }

    /// <summary>A photo cache, and the temporary folder to delete after the build when it is one.</summary>
    private sealed record OwnedPhotoCache(PhotoCache Cache, string? Temporary) : IDisposable
    {
        public void Dispose()
        {
            if (Temporary is not null)
            {
                DeleteQuietly(Temporary);
            }
        }
    }

    /// <summary>Gives every published photo of content/ its files.</summary>
    private List<PublishedPhoto> PreparePhotos(List<(string File, string Target)> contentFiles, List<Document> documents, ImageResolver images, PhotoCache cache,
        DiagnosticBag diagnostics)
    {
        var published = new List<PublishedPhoto>();
        foreach (var (file, target) in contentFiles)
        {
            if (images.Publish(file, target) is { } photo)
            {
                published.Add(photo);
            }
        }

        PhotoPublisher.Prepare(SitePhotos.Uses(documents, published), cache, _source, diagnostics, _parallel);
        return published;
    }

    /// <summary>The lock of the output this session is writing, while a build or update runs.</summary>
    private OutputLock? _held;

    /// <summary>Runs <paramref name="write"/> holding the output folder's lock (one build at a time
    /// per output); waits for another build up to <see cref="BuildOptions.LockWait"/>, then refuses.</summary>
    private BuildResult WithLock(string output, BuildRun run, Func<BuildResult> write)
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
    /// Brings the output up to date after files changed. Edited articles and pages are parsed
    /// again and applied to the model, and only the pages that read what changed are rendered
    /// again (see <see cref="LiveSite"/>); anything else (site.yml, the theme, a photo, a new or
    /// deleted file, an article published, withdrawn or moved to another URL) gets a full build.
    /// A failed update writes nothing: the last good pages stay.
    /// </summary>
    public BuildResult Update(IReadOnlyCollection<string> changedPaths)
    {
        var run = new BuildRun(options);
        if (_live is not { } live)
        {
            return BuildAll(run);
        }

        return WithLock(live.Output, run, () =>
        {
            try
            {
                return UpdateHoldingLock(live, changedPaths, run);
            }
            catch (Exception e) when (IsIoFault(e))
            {
                run.Diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(DisplayPath(live.Output)), $"cannot write the output: {IoMessage(e)}");
                _live = null; // the output may be half written: the next change builds it all again
                return run.Result(null);
            }
        });
    }

    private BuildResult UpdateHoldingLock(LiveSite live, IReadOnlyCollection<string> changedPaths, BuildRun run)
    {
        // Editors save through temporary files that are gone by now: only existing or known files count.
        var changed = changedPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)
            .Where(p => File.Exists(p) || Directory.Exists(p) || live.KnownFiles.Contains(p) || IsSourceFolder(p))
            .ToList();
        if (changed.Count == 0)
        {
            return run.Result(live.Output) with { Incremental = true };
        }

        if (changed.TrueForAll(p => IsEditedDocument(p, live)) && live.Update(changed, _source, run) is { } updated)
        {
            return updated;
        }

        if (live.Broken)
        {
            _live = null;
        }

        return BuildAll(new BuildRun(options));
    }

    /// <summary>An existing Markdown file of content/ that the last build already knew.</summary>
    private static bool IsEditedDocument(string path, LiveSite live) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && live.Sources.ContainsKey(path);
}
