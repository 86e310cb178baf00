using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette;

/// <summary>What to build and how.</summary>
public sealed record BuildOptions
{
    /// <summary>The site folder, holding site.yml.</summary>
    public required string SourceDirectory { get; init; }
    /// <summary>Where to write; defaults to site.yml's <c>output</c> inside the site folder.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>Gazette's own themes folder, used when the site has no <c>themes/NAME/</c> of its
    /// own (build.ps1 passes the one beside it).</summary>
    public string? GazetteThemes { get; init; }
    /// <summary>Replaces site.yml's <c>base_url</c> (GitHub Pages passes its own).</summary>
    public string? BaseUrl { get; init; }
    public bool IncludeDrafts { get; init; }
    /// <summary>Include articles dated in the future.</summary>
    public bool IncludeFuture { get; init; }
    /// <summary>The moment of the build (scheduled and expired articles); now by default.</summary>
    public DateTimeOffset? Now { get; init; }
    /// <summary>Overrides site.yml's <c>minify</c>.</summary>
    public bool? Minify { get; init; }
    /// <summary>Warnings fail the build too (newsrooms: no photo without credit goes out).</summary>
    public bool Strict { get; init; }
    /// <summary>Threads used to render; 1 renders sequentially (output is identical either way).</summary>
    public int MaxParallelism { get; init; } = -1;
    /// <summary><c>gazette check</c>: build into a temporary folder that is then dropped (the output
    /// folder is never touched) and add the pre-publication checks.</summary>
    public bool CheckOnly { get; init; }
    /// <summary>Take over an output folder that holds files Gazette did not write, deleting them
    /// (never the site, its parents, its source folders or the root: those stay refused).</summary>
    public bool Force { get; init; }
    /// <summary>How long to wait for another build writing the same output before refusing.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Told once when the build has to wait for another one writing the same output.</summary>
    public Action<string>? Waiting { get; init; }
    /// <summary>Told the name of each phase as it ends, for a progress display.</summary>
    public IProgress<string>? Progress { get; init; }
    /// <summary>Pagefind's program, which indexes the built site for its search page; null: the
    /// site has no search (<see cref="SearchUnavailable"/> says why, when it is not the caller's choice).</summary>
    public string? Pagefind { get; init; }
    /// <summary>Use the build cache (<c>.gazette/cache/pages/</c>): render only the pages whose inputs
    /// changed since the last build into the same output, and leave the others' files untouched.
    /// The command line's <c>build</c> and <c>serve</c> do, unless <c>--no-cache</c>.</summary>
    public bool Cache { get; init; }
    /// <summary>Why Pagefind cannot run here (not installed, no Node.js to install it): the build
    /// says once that search is off and why.</summary>
    public string? SearchUnavailable { get; init; }
    /// <summary>How many bytes of article bodies and cached partials a build holds in memory before
    /// it writes the rest to a temporary file (64 MB unless set: a site of 10 000 articles has about
    /// 130 MB of them; the command line reads GAZETTE_HTML_MEMORY_MB, and the tests set 0).</summary>
    public long HtmlInMemory { get; init; } = DefaultHtmlInMemory;

    /// <summary>What <see cref="HtmlInMemory"/> is unless set.</summary>
    public const long DefaultHtmlInMemory = 64L << 20;
}

/// <summary>How long one phase took, how many bytes it allocated (all threads) and how large the
/// managed heap was when it ended.</summary>
/// <param name="GcPause">How long the garbage collector stopped the program during the phase.</param>
public sealed record PhaseTiming(string Phase, TimeSpan Elapsed, long AllocatedBytes = 0, long HeapBytes = 0, TimeSpan GcPause = default);

/// <summary>The outcome of a build. The engine never prints: callers show the diagnostics.</summary>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    string? OutputDirectory,
    IReadOnlyDictionary<string, int> PagesByKind,
    int FilesWritten,
    IReadOnlyList<PhaseTiming> Timings,
    bool Strict = false)
{
    /// <summary>The soonest article a later build will publish (its date is in the future).</summary>
    public ScheduledArticle? NextScheduled { get; init; }

    /// <summary>Output files written (in an incremental update: only those whose bytes changed).</summary>
    public IReadOnlyCollection<string> ChangedFiles { get; init; } = [];

    /// <summary>Bytes the build wrote into the output (pages, feeds, assets, copied photos).</summary>
    public long OutputBytes { get; init; }

    /// <summary>What became of the search index, for the command line to say once: where it is, or
    /// why the site has no search (null: the site has none by its own choice).</summary>
    public string? Search { get; init; }

    /// <summary>Bytes of bodies and cached partials held in a temporary file rather than in memory
    /// (past <see cref="BuildOptions.HtmlInMemory"/>).</summary>
    public long SpilledHtmlBytes { get; init; }

    /// <summary>Pages the build cache kept as the previous build wrote them (their files untouched).</summary>
    public int KeptPages { get; init; }

    /// <summary>Article bodies the build cache gave as an earlier build rendered them (their
    /// Markdown not parsed again).</summary>
    public int CachedBodies { get; init; }

    /// <summary>True when the dev server updated only what the change affected.</summary>
    public bool Incremental { get; init; }

    /// <summary>The pages an incremental update, or a build with the build cache that kept the
    /// others, rendered again (output paths, in order): those whose reads of the model the edit
    /// changed, and those new or listed differently.</summary>
    public IReadOnlyList<string> RenderedPages { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error || (Strict && d.Severity == Severity.Warning));
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>Builds a site once: the command line's <c>build</c>.</summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options) => SiteSession.ForOneBuild(options).Build();
}
