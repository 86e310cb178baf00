using System.Globalization;
using Gazette;
using Gazette.Diagnostics;

namespace Gazette.Cli;

/// <summary>The <c>gazette</c> command: parses arguments, runs the engine, prints its diagnostics.</summary>
public static class Program
{
    private const string Usage = """
        usage: gazette <command> [options]

        commands:
          build   build the site into the output folder (default)
          clean   delete the output folder

        options:
          --source DIR     the site folder holding site.yml (default: current folder)
          --output DIR     where to write (default: <source>/_site, or site.yml's output)
          --base-url URL   override site.yml's base_url (for GitHub Pages)
          --drafts         include articles marked draft: true
          --future         include articles dated in the future
          --no-minify      write readable HTML, CSS and JS
          --strict         warnings fail the build too
          --timings        print the time of each build phase
          --quiet          print only problems
        """;

    public static int Main(string[] args)
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
            default:
                return Build(command);
        }
    }

    private static int Build(CommandLine command)
    {
        var result = SiteBuilder.Build(new BuildOptions
        {
            SourceDirectory = command.Source,
            OutputDirectory = command.Output,
            BaseUrl = command.BaseUrl,
            IncludeDrafts = command.Drafts,
            IncludeFuture = command.Future,
            Minify = command.NoMinify ? false : null,
            Strict = command.Strict,
        });

        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (command.Timings)
        {
            foreach (var timing in result.Timings)
            {
                Console.WriteLine($"  {timing.Phase,-10} {timing.Elapsed.TotalMilliseconds,8:F0} ms");
            }
        }

        var total = result.Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
        var counts = string.Join(", ", result.PagesByKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
        var pages = result.PagesByKind.Values.Sum();
        var summary = result.Succeeded
            ? $"Built {pages} pages ({counts}) in {total.TotalSeconds:F2} s into {result.OutputDirectory}"
            : "Build failed; the previous output was left untouched";
        var problems = $"{result.ErrorCount} error{(result.ErrorCount == 1 ? "" : "s")}, {result.WarningCount} warning{(result.WarningCount == 1 ? "" : "s")}";
        if (!command.Quiet || !result.Succeeded)
        {
            (result.Succeeded ? Console.Out : Console.Error).WriteLine($"{summary} — {problems}");
        }

        if (!command.Quiet && result.NextScheduled is { } next)
        {
            Console.WriteLine($"Next scheduled: '{next.Title}' ({next.SourcePath}) goes live on {next.Date:yyyy-MM-dd HH:mm zzz}; rebuild then to publish it");
        }

        return result.Succeeded ? 0 : 1;
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
