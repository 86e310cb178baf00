using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Templates;

namespace Gazette;

/// <summary>
/// What a session's last build made, kept so the dev server can bring the output up to date after
/// an edit: the model, every page's job, and what each page read of the model while it rendered.
/// <para>An update applies the edited files to the model (<see cref="SiteModelBuilder.Apply"/>): a
/// document takes its new content and, when its date, terms or author changed, moves in the site's
/// lists. The model says what changed, member by member; the pages that read one of those members
/// are rendered again, with the pages that are new or whose job changed (a list that gained an
/// article), and no other. Whatever a theme reads, it read it through the model's accessors, so
/// nothing is predicted.</para>
/// </summary>
internal sealed class LiveSite
{
    public required SiteConfig Config { get; init; }
    public required SiteUrls Urls { get; init; }
    public required TemplateRenderer Templates { get; init; }
    public required SiteModelBuilder ModelBuilder { get; init; }
    public required SiteModel Model { get; init; }
    public required string Output { get; init; }

    /// <summary>Every source file the build loaded (published or not), by full path.</summary>
    public required Dictionary<string, SourceDocument> Sources { get; init; }

    /// <summary>The published documents, by the full path of their file.</summary>
    public required Dictionary<string, Document> Documents { get; init; }

    /// <summary>Every page's job, by output path.</summary>
    public required Dictionary<string, PageJob> Jobs { get; set; }

    /// <summary>What each page read of the model when it was last rendered, by output path.</summary>
    public required ReadIndex<string> Reads { get; init; }

    /// <summary>The photos of content/ published resized, in the order of the output.</summary>
    public required IReadOnlyList<Images.PublishedPhoto> Photos { get; init; }

    /// <summary>The photo cache's folder; null when the build used a temporary one.</summary>
    public required string? PhotoCache { get; init; }

    /// <summary>The sitemap's entries as last written.</summary>
    public required List<WrittenPage> Sitemap { get; set; }

    /// <summary>Every input file the build read, to tell a deleted input from an editor's temporary file.</summary>
    public required HashSet<string> KnownFiles { get; init; }

    /// <summary>Pagefind's program when the site has search: the index is made again after an update
    /// that changed a page.</summary>
    public string? Pagefind { get; init; }

    /// <summary>Set when an update changed the model and then could not finish: the next change is a new build.</summary>
    public bool Broken { get; private set; }

    public static ReadIndex<string> ReadsOf(List<PageJob> jobs, Read[]?[] reads)
    {
        var index = new ReadIndex<string>(StringComparer.Ordinal);
        for (var i = 0; i < jobs.Count; i++)
        {
            index.Set(jobs[i].OutputPath, reads[i] ?? []);
        }

        return index;
    }

    /// <summary>
    /// Brings the output up to date after these Markdown files of content/ changed. Returns null,
    /// having changed nothing (or with <see cref="Broken"/> set), when only a new build can: a file
    /// published or withdrawn, moved to another URL, or a term written two ways.
    /// </summary>
    public BuildResult? Update(IReadOnlyList<string> changed, string site, BuildRun run)
    {
        var diagnostics = run.Diagnostics;
        var edits = new List<(Document Before, Document After)>();
        var photosChanged = false;
        var sources = new List<SourceDocument>();
        foreach (var path in changed)
        {
            var source = ContentLoader.LoadOne(site, path, Config.TimeZone, diagnostics);
            if (source is null)
            {
                return run.Result(null); // the new text has errors: they are reported, the old pages stay
            }

            sources.Add(source);
            var published = ModelBuilder.IsPublished(source);
            if (published != Documents.TryGetValue(path, out var before))
            {
                return null; // published or withdrawn: its photos come or go too
            }

            if (before is null)
            {
                continue; // still a draft, or still to come
            }

            var after = ModelBuilder.Resolve(source, diagnostics);
            if (after is null)
            {
                return run.Result(null);
            }

            if (!before.SameIdentity(after))
            {
                return null; // its URL moved: its photos must move too
            }

            if (!SitePhotos.Uses(before).SequenceEqual(SitePhotos.Uses(after)))
            {
                if (PhotoCache is null)
                {
                    return null; // no cache kept between builds: a build makes the photos again
                }

                photosChanged = true;
            }

            edits.Add((before, after));
        }

        run.Phase("content");
        if (run.Failed)
        {
            return run.Result(null);
        }

        // Redirect pages of aliases an edit dropped are deleted.
        var aliasesBefore = edits.SelectMany(e => e.Before.Aliases).ToList();
        var change = new ModelChange();
        for (var i = 0; i < edits.Count; i++)
        {
            if (!ModelBuilder.Apply(Model, edits[i].Before, edits[i].After, change))
            {
                Broken = i > 0;
                return null;
            }
        }

        foreach (var source in sources)
        {
            Sources[source.FullPath] = source;
        }

        if (sources.Count > edits.Count)
        {
            Model.NextScheduled = ModelBuilder.NextScheduled(Sources.Values); // a draft or a scheduled article changed
        }

        // From here on the model has changed: an update that cannot finish leaves the next change to a new build.
        Broken = true;
        // A photo shown, credited or cropped differently: its files are made again, for its first
        // use in the whole site as a full build does.
        var remade = photosChanged
            ? Images.PhotoPublisher.Prepare(SitePhotos.Uses(Model, Photos), new Images.PhotoCache(PhotoCache!), site, diagnostics,
                new ParallelOptions())
            : [];
        if (run.Failed)
        {
            return run.Result(null);
        }

        var result = Render(edits.ConvertAll(e => e.Before), aliasesBefore, change, run, remade, site);
        Broken = result is null;
        return result;
    }

    /// <summary>Writes the files of the photos made again, and deletes those they no longer have
    /// (the crops of a photo no longer a cover); true when the set of files changed.</summary>
    private static bool WritePhotos(List<(Images.PublishedPhoto Photo, Images.PhotoResult? Before)> remade, OutputWriter writer, string site)
    {
        var moved = false;
        foreach (var (photo, before) in remade)
        {
            var display = Path.GetRelativePath(site, photo.SourcePath).Replace('\\', '/');
            var now = photo.Result?.Files ?? [];
            foreach (var (output, cached) in now)
            {
                writer.CopyFile(cached, output.RelativePath, display);
            }

            var kept = now.Select(f => f.Output.RelativePath).ToHashSet(StringComparer.Ordinal);
            foreach (var (output, _) in before?.Files ?? [])
            {
                if (!kept.Contains(output.RelativePath))
                {
                    writer.DeleteStale(output.RelativePath);
                    moved = true;
                }
            }

            moved |= before is null || now.Count != before.Files.Count;
        }

        return moved;
    }

    private BuildResult? Render(List<Document> edited, List<string> aliasesBefore, ModelChange change, BuildRun run,
        List<(Images.PublishedPhoto Photo, Images.PhotoResult? Before)> remade, string site)
    {
        // The pages as they are now: the edited documents' own (their photos and dates, for the
        // sitemap), and those of the lists the edits moved articles in, listed again.
        var jobs = edited.Select(PageRenderer.DocumentJob).Where(job => Jobs.ContainsKey(job.OutputPath)).ToList();
        var listedBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in change.Lists)
        {
            jobs.AddRange(PageRenderer.JobsOf(list, Model, Templates, Urls));
            listedBefore.UnionWith(PagesOfList(PageRenderer.FolderOf(list)));
        }

        listedBefore.ExceptWith(jobs.Select(job => job.OutputPath));
        var gone = listedBefore.Order(StringComparer.Ordinal).ToList();

        var jobChanged = jobs.Where(job => !Jobs.TryGetValue(job.OutputPath, out var old) || !old.RendersAs(job)).ToList();
        // The pages to render: those listed differently, and those that read what changed, each as it is listed now.
        var listed = jobs.ToDictionary(job => job.OutputPath, StringComparer.Ordinal);
        var render = jobChanged.ToDictionary(job => job.OutputPath, StringComparer.Ordinal);
        foreach (var path in Reads.Touched(change).Except(gone))
        {
            render.TryAdd(path, listed.GetValueOrDefault(path) ?? Jobs[path]);
        }

        Templates.Forget(change); // the cached partials that read what changed
        run.Phase("model");
        var writer = new OutputWriter(Output, inPlace: true);
        var toRender = render.Values.ToList();
        var reads = PageRenderer.Render(toRender, Templates, writer, null, run.Diagnostics);
        run.Phase("pages");
        foreach (var path in gone)
        {
            writer.DeleteStale(path);
            if (path.StartsWith(Model.Categories.Segment + "/", StringComparison.Ordinal) && path.EndsWith("/index.html", StringComparison.Ordinal))
            {
                writer.DeleteStale(path[..^"index.html".Length] + "feed.xml"); // a category that no longer has articles
            }
        }

        FeedWriter.WriteAll(Model, Urls, Templates, writer,
            (articles, list) => change.Of(list) != 0 || articles.Any(a => change.Of(a) != 0));
        run.Phase("feeds");
        var (sitemap, sitemapChanged) = WithEntries(Sitemap, jobs, gone);
        var aliasesChanged = !aliasesBefore.SequenceEqual(edited.SelectMany(d => d.Aliases));
        if (!sitemapChanged && aliasesBefore.Count == 0 && !aliasesChanged)
        {
            CrawlerFiles.WriteNewsSitemap([Model], Urls, ModelBuilder.Now, writer); // a recent article's title (unchanged bytes are not written)
        }
        else
        {
            // The sitemap lists the photos and the pages; redirect pages show the title.
            CrawlerFiles.WriteAll([Model], Urls, sitemapChanged ? [sitemap] : null, ModelBuilder.Now, writer, run.Diagnostics);
            foreach (var path in aliasesBefore.Select(a => CrawlerFiles.AliasPath(a, Urls.BasePath)).OfType<string>())
            {
                if (!writer.HasWritten(path) && IsRedirectPage(path))
                {
                    writer.DeleteStale(path);
                }
            }
        }

        var photoFilesMoved = WritePhotos(remade, writer, site);
        if (gone.Count > 0 || aliasesChanged || photoFilesMoved || jobChanged.Exists(job => !Jobs.ContainsKey(job.OutputPath)))
        {
            writer.UpdateManifest();
        }

        run.Phase("sitemap");
        if (run.Failed)
        {
            writer.Abort();
            return null;
        }

        writer.Commit();
        run.Phase("write");
        if (Pagefind is not null && writer.Changed.Any(path => path.EndsWith(".html", StringComparison.Ordinal)))
        {
            SearchIndex.WriteInPlace(Pagefind, Output, Config.SearchFolderOf(Config.Language) + "index.html", run.Diagnostics);
            run.Phase("search");
        }

        // Only a written update becomes the state the next one starts from.
        foreach (var path in gone)
        {
            Jobs.Remove(path);
            Reads.Remove(path);
        }

        foreach (var job in jobs)
        {
            Jobs[job.OutputPath] = job;
        }

        for (var i = 0; i < toRender.Count; i++)
        {
            Reads.Set(toRender[i].OutputPath, reads[i] ?? []);
        }

        Sitemap = sitemap;
        return run.Result(Output, new Dictionary<string, int> { ["rendered"] = toRender.Count }, writer.Changed.Count) with
        {
            NextScheduled = Model.NextScheduled,
            ChangedFiles = writer.Changed,
            Incremental = true,
            RenderedPages = [.. toRender.Select(j => j.OutputPath).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>Whether the output file at an old alias is the redirect page it got (an alias that
    /// named a page or a static file did not replace it, and must not delete it).</summary>
    private bool IsRedirectPage(string path)
    {
        var file = Path.Combine(Output, path);
        return File.Exists(file) && new FileInfo(file).Length < 4096
            && File.ReadAllText(file).Contains("<meta http-equiv=\"refresh\"", StringComparison.Ordinal) && !Jobs.ContainsKey(path);
    }

    /// <summary>The pages of the list whose first page is in <paramref name="folder"/>, as last listed.</summary>
    private IEnumerable<string> PagesOfList(string folder)
    {
        for (var number = 1; ; number++)
        {
            var path = number == 1 ? folder + "index.html" : $"{folder}page/{number}/index.html";
            if (!Jobs.ContainsKey(path))
            {
                yield break;
            }

            yield return path;
        }
    }

    /// <summary>The sitemap's entries with those of <paramref name="jobs"/> put in (or replaced) and
    /// those of <paramref name="gone"/> taken out, still in the order of their paths; and whether
    /// any entry changed.</summary>
    private static (List<WrittenPage> Entries, bool Changed) WithEntries(List<WrittenPage> sitemap, List<PageJob> jobs, List<string> gone)
    {
        if (jobs.Count == 0 && gone.Count == 0)
        {
            return (sitemap, false);
        }

        var byPath = Comparer<WrittenPage>.Create((a, b) => string.CompareOrdinal(a.OutputPath, b.OutputPath));
        var updated = new List<WrittenPage>(sitemap);
        var changed = false;
        foreach (var entry in gone.Select(path => new WrittenPage(path, "", null, [], "", [])))
        {
            var at = updated.BinarySearch(entry, byPath);
            if (at >= 0)
            {
                updated.RemoveAt(at);
                changed = true;
            }
        }

        foreach (var entry in jobs.Where(j => j.InSitemap).Select(j => j.ToWrittenPage()))
        {
            var at = updated.BinarySearch(entry, byPath);
            if (at < 0)
            {
                updated.Insert(~at, entry);
                changed = true;
            }
            else if (!WrittenPage.SameEntry.Equals(updated[at], entry))
            {
                updated[at] = entry;
                changed = true;
            }
        }

        return (updated, changed);
    }
}
