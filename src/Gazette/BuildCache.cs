using System.IO.Hashing;
using System.Runtime.InteropServices;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Templates;
using Gazette.Text;

namespace Gazette;

/// <summary>
/// The build cache at work in one build: which pages of the last build can stay as they are, and
/// what this build leaves for the next one (<see cref="PageCache"/>).
/// <para>A page stays when it is given the same values (<see cref="ModelDigests.OfPage"/>), when
/// every member its templates read has the same digest in the new model, and when its file is
/// still the one written. Everything else that can change a page (Gazette itself, site.yml, the
/// theme's files, the build's options) is in the fingerprint: any change there and every page is
/// rendered. The pages are written in place, and only those whose bytes change.</para>
/// </summary>
internal sealed class BuildCache
{
    // A build that renders more than this share of a large site's pages does it in a staging
    // folder, whole: in place, every page rendered waits in memory until the commit.
    private const double MostPages = 0.25;
    private const int FewPages = 2000;

    private readonly string _file;
    private readonly string _output;
    private readonly UInt128 _fingerprint;
    private readonly PageCache? _previous;
    private readonly Dictionary<string, CachedPage> _next = new(StringComparer.Ordinal);
    // The next cache's keys go on from the previous one's: the pages kept keep their reads' numbers.
    private readonly ReadKeys _keys;
    // The members digested while planning, for the pages rendered after (they read the same, mostly).
    private Dictionary<object, ModelDigests.EntityDigests>? _shared;

    private BuildCache(string file, string output, UInt128 fingerprint, PageCache? previous)
    {
        _file = file;
        _output = output;
        _fingerprint = fingerprint;
        _previous = previous;
        _keys = previous?.Keys ?? new ReadKeys();
    }

    /// <summary>Whether pages are written into the previous output, the unchanged ones left as they are.</summary>
    public bool InPlace { get; private set; }

    /// <summary>Opens the site's cache for <paramref name="output"/>: the previous build's pages when
    /// it describes this output with the same fingerprint. A cache that cannot be trusted is one
    /// warning, and every page is rendered.</summary>
    public static BuildCache Open(string site, string output, UInt128 fingerprint, DiagnosticBag diagnostics)
    {
        var file = PageCache.PathFor(site, output);
        var (previous, problem) = PageCache.Load(file);
        if (problem is not null)
        {
            diagnostics.Warning(DiagnosticCodes.BuildCacheUnusable, SourceLocation.File(Path.GetRelativePath(site, file).Replace('\\', '/')),
                $"the build cache {problem}; every page is rendered again, and the cache written anew (--no-cache builds without it)");
        }

        var usable = previous is not null && previous.Fingerprint == fingerprint && previous.Output == output
            && File.Exists(Path.Combine(output, OutputWriter.ManifestName));
        return new BuildCache(file, output, fingerprint, usable ? previous : null);
    }

    /// <summary>
    /// What this build can keep of the previous one: for each job, its previous record and its
    /// reads in the new model when the page stays as it is (null: it is rendered). Decides
    /// <see cref="InPlace"/>.
    /// </summary>
    /// <param name="entities">Every object of the new model by its key (<see cref="ModelDigests.Entities"/>).</param>
    public (CachedPage Page, Read[] Reads)?[] Plan(List<PageJob> jobs, Dictionary<string, object> entities, ParallelOptions parallel)
    {
        var kept = new (CachedPage, Read[])?[jobs.Count];
        if (_previous is null)
        {
            return kept;
        }

        // Each object the previous build's pages read, found once in the new model, with the members
        // they read of it digested once for all of them.
        var keys = _previous.Keys;
        var wanted = new ulong[keys.Count];
        foreach (var page in _previous.Pages.Values)
        {
            foreach (var (key, members) in page.Reads)
            {
                wanted[key] |= members;
            }
        }

        var objects = new object?[keys.Count];
        for (var key = 0; key < keys.Count; key++)
        {
            objects[key] = wanted[key] != 0 ? entities.GetValueOrDefault(keys[key]) : null;
        }

        _shared = ModelDigests.Precompute(Enumerable.Range(0, keys.Count).Where(key => objects[key] is not null).Select(key => (objects[key]!, wanted[key])), parallel);
        var found = Array.ConvertAll(objects, entity => entity is null ? null : _shared[entity]);
        var count = 0;
        Parallel.For(0, jobs.Count, parallel, () => new ModelDigests(_shared), (i, _, digests) =>
        {
            var job = jobs[i];
            if (_previous.Pages.TryGetValue(job.OutputPath, out var page) && page.PageDigest != UInt128.Zero && digests.OfPage(job.Layout, job.Language, job.OutputPath, job.Globals) == page.PageDigest
                && ReadsIn(page, found) is (var reads, var entries) && digests.OfReads(reads, entries) == page.ReadsDigest && IsAsWritten(page))
            {
                kept[i] = (page, reads);
                Interlocked.Increment(ref count);
            }

            return digests;
        }, _ => { });

        InPlace = jobs.Count - count <= Math.Max(jobs.Count * MostPages, FewPages);
        return InPlace ? kept : new (CachedPage, Read[])?[jobs.Count];
    }

    /// <summary>The reads of a page's record in the new model, with their objects' digests; null when
    /// one of the objects it read is gone.</summary>
    private static (Read[] Reads, ModelDigests.EntityDigests?[] Entries)? ReadsIn(CachedPage page, ModelDigests.EntityDigests?[] found)
    {
        var reads = new Read[page.Reads.Length];
        var entries = new ModelDigests.EntityDigests?[reads.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            if (found[page.Reads[i].Key] is not { } entry)
            {
                return null;
            }

            reads[i] = new Read(entry.Entity, page.Reads[i].Members);
            entries[i] = entry;
        }

        return (reads, entries);
    }

    private bool IsAsWritten(CachedPage page)
    {
        var file = new FileInfo(Path.Combine(_output, page.OutputPath));
        return file.Exists && file.Length == page.Length && file.LastWriteTimeUtc.Ticks == page.WriteTicks;
    }

    /// <summary>Remembers a page kept from the previous build.</summary>
    public void Keep(CachedPage page) => _next[page.OutputPath] = page;

    /// <summary>Remembers what the rendered pages read and the links they left to check (their files'
    /// length and date are taken at <see cref="Save"/>). A page whose values have no stable digest
    /// is remembered as one the next build renders again.</summary>
    /// <param name="reads">Each page's reads, in the order of <paramref name="jobs"/> (null: not recorded).</param>
    public void Rendered(IReadOnlyList<PageJob> jobs, Read[]?[] reads, LinkChecker.PageLinks?[] links, ParallelOptions parallel)
    {
        // The members they read that the plan has not digested, digested once for all of them, each
        // object on one thread (a first build digests them all here: page by page, on one thread,
        // that was a fifth of the build).
        var wanted = new Dictionary<object, ulong>(ReferenceEqualityComparer.Instance);
        foreach (var pageReads in reads)
        {
            foreach (var (entity, members) in pageReads ?? [])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(wanted, entity, out _) |= members;
            }
        }

        // The plan's digests are read-only only while it runs: they are added to in place.
        var shared = _shared ??= new Dictionary<object, ModelDigests.EntityDigests>(ReferenceEqualityComparer.Instance);
        var missing = new List<(object Entity, ulong Members)>();
        foreach (var (entity, members) in wanted)
        {
            var known = shared.GetValueOrDefault(entity)?.Members ?? 0;
            if ((members & ~known) != 0)
            {
                missing.Add((entity, members | known));
            }
        }

        foreach (var (entity, entry) in ModelDigests.Precompute(missing, parallel))
        {
            shared[entity] = entry;
        }

        var numbers = new Dictionary<object, int>(wanted.Count, ReferenceEqualityComparer.Instance);
        foreach (var entity in wanted.Keys)
        {
            numbers[entity] = _keys.NumberOf(ModelDigests.KeyOf(entity)!);
        }

        var records = new CachedPage[jobs.Count];
        Parallel.For(0, jobs.Count, parallel, () => new ModelDigests(shared), (i, _, digests) =>
        {
            var job = jobs[i];
            var pageDigest = digests.OfPage(job.Layout, job.Language, job.OutputPath, job.Globals);
            var readsDigest = reads[i] is { } pageReads ? digests.OfReads(pageReads) : null;
            // A page without stable digests is remembered as one that is never kept (zero is no digest):
            // the next build still knows it was a page, which links to it were settled against.
            records[i] = pageDigest is null || readsDigest is null
                ? new CachedPage(job.OutputPath, UInt128.Zero, [], UInt128.Zero, -1, 0) { Links = links[i] ?? new() }
                : new CachedPage(job.OutputPath, pageDigest.Value, [.. reads[i]!.Select(r => new PageRead(numbers[r.Entity], r.Members))], readsDigest.Value, -1, 0)
                {
                    Links = links[i] ?? new(),
                };
            return digests;
        }, _ => { });
        foreach (var record in records)
        {
            _next[record.OutputPath] = record;
        }
    }

    /// <summary>Whether a page of the previous build is not a page of this one: links to it were
    /// settled when the kept pages were scanned, so their records no longer say all they link to.</summary>
    public bool SomePageGone(List<PageJob> jobs)
    {
        var now = jobs.Select(j => j.OutputPath).ToHashSet(StringComparer.Ordinal);
        return _previous is not null && _previous.Pages.Keys.Any(path => !now.Contains(path));
    }

    /// <summary>Forgets the previous build's cache before the output changes: a build stopped while
    /// it writes leaves no cache describing files it had begun to replace.</summary>
    public void BeforeCommit() => PageCache.Delete(_file);

    /// <summary>Writes the cache of this build, once its output is in place.</summary>
    public void Save(ParallelOptions parallel)
    {
        // The rendered pages' files as written: their length and date (a first build stats every page).
        var written = _next.Values.Where(page => page.Length < 0).ToArray();
        Parallel.For(0, written.Length, parallel, i =>
        {
            var file = new FileInfo(Path.Combine(_output, written[i].OutputPath));
            written[i] = file.Exists ? written[i] with { Length = file.Length, WriteTicks = file.LastWriteTimeUtc.Ticks } : written[i];
        });
        foreach (var page in written)
        {
            _next[page.OutputPath] = page;
        }

        new PageCache { Fingerprint = _fingerprint, Output = _output, Pages = _next, Keys = _keys }.Save(_file);
    }

    /// <summary>
    /// The fingerprint of what may change any page: Gazette's own code, site.yml, every file of the
    /// theme (layouts, translations, assets, the site's own overrides), the build's options, and
    /// the site's icons and logo as pages link them. Null when a template reads the clock
    /// (<c>date.now</c>): its pages differ at each build, so none is kept.
    /// </summary>
    public static UInt128? Fingerprint(string site, Theme theme, BuildOptions options, bool search, object? siteImages)
    {
        try
        {
            return FingerprintOf(site, theme, options, search, siteImages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // a theme file that went away or cannot be read: no page is kept, the build reports what it reports
        }
    }

    private static UInt128? FingerprintOf(string site, Theme theme, BuildOptions options, bool search, object? siteImages)
    {
        var hash = new XxHash128();
        AddProgram(hash);
        hash.AppendText($"drafts={options.IncludeDrafts} future={options.IncludeFuture} minify={options.Minify} base={options.BaseUrl} search={search}");
        hash.Append(File.ReadAllBytes(Path.Combine(site, Configuration.SiteConfigLoader.FileName)));
        var folders = theme.LayoutFolders.Select(f => f.Directory).Concat(theme.I18nFolders.Select(f => f.Directory)).Concat(theme.AssetFolders);
        if (!AddFiles(hash, folders, (index, bytes) => index < theme.LayoutFolders.Count && bytes.AsSpan().IndexOf("date.now"u8) >= 0))
        {
            return null;
        }

        var images = new ModelDigests().Of(siteImages);
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in images)));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// The fingerprint of what may change any article's body as the Markdown renderer makes it
    /// (<see cref="Markdown.MarkdownCache"/>): Gazette's own code, site.yml, the translations (the
    /// headings' anchor label) and the base URL. Null when a translation cannot be read.
    /// </summary>
    public static UInt128? MarkdownFingerprint(string site, Theme theme, BuildOptions options)
    {
        try
        {
            var hash = new XxHash128();
            AddProgram(hash);
            hash.AppendText($"base={options.BaseUrl}");
            hash.Append(File.ReadAllBytes(Path.Combine(site, Configuration.SiteConfigLoader.FileName)));
            AddFiles(hash, theme.I18nFolders.Select(f => f.Directory), (_, _) => false);
            return hash.GetCurrentHashAsUInt128();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Gazette itself: its compilation's id, and the running program's file (a native
    /// program may not know its id; a program compiled again is a new file).</summary>
    private static void AddProgram(XxHash128 hash)
    {
        hash.AppendText("gazette " + typeof(BuildCache).Module.ModuleVersionId.ToString("N"));
        if (Environment.ProcessPath is { } program && new FileInfo(program) is { Exists: true } executable)
        {
            hash.AppendText($"{executable.FullName} {executable.Length} {executable.LastWriteTimeUtc.Ticks}");
        }
    }

    /// <summary>Adds every file of the folders, by name and bytes; false as soon as <paramref name="refuse"/>
    /// refuses one (by its folder's number and its bytes).</summary>
    private static bool AddFiles(XxHash128 hash, IEnumerable<string> folders, Func<int, byte[], bool> refuse)
    {
        foreach (var (folder, index) in folders.Select((f, i) => (f, i)))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in SafeFiles.Enumerate(folder).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                if (refuse(index, bytes))
                {
                    return false;
                }

                hash.AppendText($"{index}:{Path.GetRelativePath(folder, file)}");
                hash.AppendNumber(bytes.Length);
                hash.Append(bytes);
            }
        }

        return true;
    }
}
