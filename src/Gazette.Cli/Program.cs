using System.Globalization;
using Gazette.Diagnostics;
using Gazette.Server;

namespace Gazette.Cli;

/// <summary>The <c>gazette</c> command: parses arguments, runs the engine, prints its diagnostics.</summary>
public static class Program
{
    private const string Usage = """
        usage: gazette <command> [options]

        commands:
          build            build the site into the output folder (default)
          serve            build, serve on http://127.0.0.1:5000/ and rebuild on every save
          new "Title"      create content/posts/<slug>/index.md (from archetypes/post.md if present)
          check            build without writing, and report what to fix before publishing
          clean            delete the output folder
          init             make this copy of Gazette a site of your own: remove the sample's
                           articles and photos, write site.yml, leave a first draft

        options:
          --source DIR     the site folder holding site.yml (default: current folder)
          --output DIR     where to write (default: <source>/_site, or site.yml's output)
          --base-url URL   override site.yml's base_url (for GitHub Pages)
          --drafts         include articles marked draft: true
          --future         include articles dated in the future
          --no-minify      write readable HTML, CSS and JS
          --no-cache       render every page, without the build cache of the last build
                           (.gazette/cache/pages/; clean forgets it)
          --strict         warnings fail the build too
          --force          take over an output folder holding files Gazette did not write,
                           DELETING them (the site, its parents and source folders stay refused)
          --timings        print the time of each build phase (also --verbose)
          --quiet          print only problems
          --port N         serve: port (default 5000; 0 for any free port)
          --bind ADDRESS   serve: address to listen on (default 127.0.0.1)
          --category NAME  new: the article's category
          --tags a,b       new: the article's tags
          --title T        init: the site's title (also --base-url, --language fr,
                           --timezone Europe/Paris, --author "Name"; --force when the
                           site already has articles of its own: they stay)
          --from DIR       import: the old site's folder
          --exit-with PID  stop when process PID ends (build.ps1 passes its own)
        """;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (!CommandLine.TryParse(args, out var command, out var error))
        {
            Console.Error.WriteLine($"gazette: {error}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        switch (command.Name)
        {
            case "help":
                Console.WriteLine(Usage);
                return 0;
            case "clean":
                return Clean(command);
            case "new":
                return New(command);
            case "init":
                return Init(command);
            case "import":
                return Import(command);
            case "serve":
                return await ServeAsync(command).ConfigureAwait(false);
            default:
                return Build(command);
        }
    }

    private static BuildOptions Options(CommandLine command) => new()
    {
        SourceDirectory = command.Source,
        GazetteThemes = GazetteThemes(),
        Pagefind = PagefindProgram.Program,
        SearchUnavailable = PagefindProgram.Why,
        OutputDirectory = command.Output,
        BaseUrl = command.BaseUrl,
        IncludeDrafts = command.Drafts,
        IncludeFuture = command.Future,
        Minify = command.NoMinify ? false : null,
        Cache = !command.NoCache,
        Strict = command.Strict,
        Force = command.Force,
        Waiting = message => Console.Error.WriteLine($"gazette: {message}…"),
        CheckOnly = command.Name == "check",
        Progress = command.Quiet ? null : new ProgressLine(),
        HtmlInMemory = HtmlInMemory(),
    };

    /// <summary>GAZETTE_HTML_MEMORY_MB: the megabytes of bodies and cards a build holds in memory
    /// before it writes the rest to a temporary file (a large archive on a small machine).</summary>
    private static long HtmlInMemory()
    {
        const long defaultBudget = BuildOptions.DefaultHtmlInMemory;
        var set = Environment.GetEnvironmentVariable("GAZETTE_HTML_MEMORY_MB");
        if (string.IsNullOrEmpty(set))
        {
            return defaultBudget;
        }

        if (long.TryParse(set, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var megabytes) && megabytes < 1L << 40)
        {
            return megabytes << 20;
        }

        Console.Error.WriteLine($"gazette: GAZETTE_HTML_MEMORY_MB is '{set}', not a number of megabytes; the build holds {defaultBudget >> 20} MB");
        return defaultBudget;
    }

    private static int Build(CommandLine command)
    {
        var result = SiteBuilder.Build(Options(command));
        ProgressLine.Clear();
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (command.Timings)
        {
            foreach (var timing in result.Timings)
            {
                Console.WriteLine($"  {timing.Phase,-10} {timing.Elapsed.TotalMilliseconds,8:F0} ms {timing.AllocatedBytes / 1_000_000.0,8:F1} MB allocated {timing.HeapBytes / 1_000_000.0,8:F1} MB heap {timing.GcPause.TotalMilliseconds,6:F0} ms paused by GC");
            }

            if (result.SpilledHtmlBytes > 0)
            {
                Console.WriteLine($"  {result.SpilledHtmlBytes / 1_000_000.0:F1} MB of bodies and cards held in a temporary file instead of memory");
            }
        }

        var total = result.Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
        var counts = string.Join(", ", result.PagesByKind.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {(p.Value == 1 ? Singular(p.Key) : p.Key)}"));
        var pages = result.PagesByKind.Values.Sum();
        var problems = $"{Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")}";
        var summary = command.Name == "check"
            ? $"Checked {pages} pages ({counts}) in {total.TotalSeconds:F2} s, nothing written"
            : result.Succeeded
                ? $"Built {pages} pages ({counts}, {Size(result.OutputBytes)}) in {total.TotalSeconds:F2} s"
                    + (result.KeptPages > 0 ? $", {pages - result.KeptPages} rendered, the others unchanged since the last build" : "")
                : "Build failed; the previous output was left untouched";
        if (!command.Quiet || !result.Succeeded)
        {
            (result.Succeeded ? Console.Out : Console.Error).WriteLine($"{summary} — {problems}");
        }

        if (!command.Quiet && result.Search is { } search)
        {
            Console.WriteLine($"Note: {search}");
        }

        if (!command.Quiet && result.NextScheduled is { } next)
        {
            Console.WriteLine($"Next scheduled: '{next.Title}' ({next.SourcePath}) goes live on {next.Date:yyyy-MM-dd HH:mm zzz}; rebuild then to publish it");
        }

        return result.Succeeded ? 0 : 1;
    }

    /// <summary>The folder of the Gazette this program was built from: the one holding
    /// <c>build.ps1</c> and <c>themes/</c>, found from the program's own place (src/Gazette.Cli/bin/…).</summary>
    private static readonly string? GazetteFolder = FindGazetteFolder();

    private static string? FindGazetteFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "build.ps1")) && Directory.Exists(Path.Combine(folder.FullName, "themes")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>Gazette's own themes, used when the site has none of that name.</summary>
    private static string? GazetteThemes() => GazetteFolder is null ? null : Path.Combine(GazetteFolder, "themes");

    private static readonly (string? Program, string? Why) PagefindProgram = Pagefind.Find(GazetteFolder);

    /// <summary>"1 error", "2 warnings": a count and the thing counted, in the plural past one.</summary>
    private static string Count(int n, string thing) => $"{n} {thing}{(n == 1 ? "" : "s")}";

    /// <summary>"1 article", "1 category": the kinds are named in the plural.</summary>
    private static string Singular(string kinds) =>
        kinds.EndsWith("ies", StringComparison.Ordinal) ? kinds[..^3] + "y" : kinds.EndsWith('s') ? kinds[..^1] : kinds;

    /// <summary>The output's size as a person reads it: <c>84 KB</c>, <c>3.9 MB</c>, <c>14 MB</c>.</summary>
    private static string Size(long bytes) => bytes < 1_000_000
        ? $"{Math.Max(1, (bytes + 500) / 1000)} KB"
        : (bytes / 1_000_000.0).ToString(bytes < 10_000_000 ? "F1" : "F0", CultureInfo.InvariantCulture) + " MB";

    private static int Init(CommandLine command)
    {
        if (string.IsNullOrWhiteSpace(command.Title) || string.IsNullOrWhiteSpace(command.BaseUrl))
        {
            Console.Error.WriteLine("gazette: init needs the site's title and address: gazette init --title \"Mon site\" --base-url https://USER.github.io/REPOSITORY/");
            return 2;
        }

        using var manifest = typeof(Program).Assembly.GetManifestResourceStream("Gazette.Cli.SampleSite.manifest")!;
        var sample = SiteStarter.SampleFiles(new StreamReader(manifest).ReadToEnd());
        var diagnostics = new DiagnosticBag();
        var answers = new SiteAnswers(command.Title, command.BaseUrl, command.Language, command.TimeZone, command.Author ?? command.Title);
        var source = Path.GetFullPath(command.Source);
        var article = SiteStarter.Init(source, answers, sample, command.Force, DateTimeOffset.Now, diagnostics);
        foreach (var diagnostic in diagnostics.ToSortedList())
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (diagnostics.HasErrors)
        {
            return 1;
        }

        Console.WriteLine($"site.yml written for '{command.Title}'" + (article is null ? "; the site's own articles are kept" : $"; first draft: {article}"));
        return 0;
    }

    private static int Import(CommandLine command)
    {
        if (string.IsNullOrWhiteSpace(command.From))
        {
            Console.Error.WriteLine($"gazette: import needs the old site's folder: gazette import {command.Generator} --from ../old-site");
            return 2;
        }

        var diagnostics = new DiagnosticBag();
        var generator = command.Generator == "hugo" ? Gazette.Import.OldGenerator.Hugo : Gazette.Import.OldGenerator.Jekyll;
        var summary = Gazette.Import.SiteImporter.Import(generator, command.From, command.Source, diagnostics);
        foreach (var diagnostic in diagnostics.ToSortedList())
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (summary is null)
        {
            return 1;
        }

        var warnings = diagnostics.ToList().Count(d => d.Severity == Severity.Warning);
        Console.WriteLine($"Imported {Count(summary.Articles, "article")} and {Count(summary.Pages, "page")} ({Count(summary.Files, "file")}, "
            + $"{Count(summary.Aliases, "old URL")} kept as aliases){(summary.Skipped > 0 ? $", {summary.Skipped} kept as they were" : "")}"
            + $" — {Count(warnings, "place")} to look at");
        return 0;
    }

    private static int New(CommandLine command)
    {
        if (string.IsNullOrWhiteSpace(command.Title))
        {
            Console.Error.WriteLine("gazette: new needs a title: gazette new \"Titre de l'article\"");
            return 2;
        }

        var diagnostics = new DiagnosticBag();
        var path = ArticleScaffolder.Create(Path.GetFullPath(command.Source), command.Title, command.Category, command.Tags, DateTimeOffset.Now, diagnostics);
        foreach (var diagnostic in diagnostics.ToSortedList())
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (path is null)
        {
            return 1;
        }

        Console.WriteLine(path);
        return 0;
    }

    private static async Task<int> ServeAsync(CommandLine command)
    {
        if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(command.Bind)))
        {
            Console.Error.WriteLine($"warning: serving on {command.Bind}: other machines of the network can read the site and its drafts");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // SIGTERM (a service manager, `timeout`, `kill`) stops as cleanly as Ctrl+C.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        if (command.ExitWith is { } parent)
        {
            StopWhenProcessEnds(parent, stop);
        }

        DevServer server;
        try
        {
            server = await DevServer.StartAsync(new DevServerOptions
            {
                Build = Options(command) with { Progress = null },
                Port = command.Port,
                Bind = command.Bind,
            }, Console.Out, stop.Token).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"gazette: cannot listen on {command.Bind}:{command.Port}: {e.Message}; try another --port");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopped."); // Ctrl+C, SIGTERM or the followed process's end while starting
            return 0;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"Serving {server.Url} — Ctrl+C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopped.");
            }
        }

        return 0;
    }

    /// <summary>A wrapper (build.ps1) killed by a signal cannot pass the signal on: the server
    /// watches it and stops when it is gone.</summary>
    private static void StopWhenProcessEnds(int processId, CancellationTokenSource stop)
    {
        System.Diagnostics.Process parent;
        try
        {
            parent = System.Diagnostics.Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            stop.Cancel(); // already gone
            return;
        }

        _ = parent.WaitForExitAsync(stop.Token).ContinueWith(_ => stop.Cancel(), stop.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private static int Clean(CommandLine command)
    {
        var result = SiteCleaner.Clean(command.Source, command.Output);
        foreach (var diagnostic in result)
        {
            Console.Error.WriteLine(diagnostic);
        }

        return result.Any(d => d.Severity == Severity.Error) ? 1 : 0;
    }
}
