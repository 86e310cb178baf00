using System.ComponentModel;
using System.Diagnostics;

namespace Gazette.Output;

/// <summary>
/// Runs Pagefind over the written site: it reads the pages' <c>data-pagefind-body</c> (the
/// articles' text, in the language of each page's <c>&lt;html lang&gt;</c>, stemmed) and writes
/// the index and its loader into <c>pagefind/</c>, which the search page fetches in pieces.
/// Pagefind is a program of its own (Rust, from npm's <c>pagefind</c> package); its output is
/// the same bytes for the same pages. It does not delete the files of an earlier index, so a run
/// over a written site (the dev server's update) starts from an empty folder.
/// </summary>
internal static class SearchIndex
{
    /// <summary>The index's folder in the output.</summary>
    public const string Folder = "pagefind";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>Indexes an output already written in place (the dev server's update, a build with the
    /// build cache) and lists the new index in its manifest; a failure is a warning at the search page.</summary>
    public static void WriteInPlace(string pagefind, string output, string searchPage, Diagnostics.DiagnosticBag diagnostics)
    {
        if (Write(pagefind, output) is { } problem)
        {
            diagnostics.Warning(Diagnostics.DiagnosticCodes.SearchIndexFailed, Diagnostics.SourceLocation.File(searchPage), problem);
        }

        OutputWriter.RelistInManifest(output, Folder);
    }

    /// <summary>Indexes the site in <paramref name="site"/> (a folder Gazette owns: its staging
    /// folder or its output) into its <c>pagefind/</c>. Returns null when the index is written, else
    /// what went wrong, said for the author.</summary>
    public static string? Write(string pagefind, string site)
    {
        var index = Path.Combine(site, Folder);
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }

        var start = new ProcessStartInfo(pagefind)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--site", site, "--output-subdir", Folder, "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            return $"Pagefind could not start ({pagefind}: {e.Message}); run 'npm ci' in Gazette's folder again";
        }

        if (process is null)
        {
            return $"Pagefind could not start ({pagefind})";
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return $"Pagefind did not finish indexing in {Timeout.TotalMinutes} minutes and was stopped";
            }

            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                return null;
            }

            var said = string.Join(' ', (errors.Result + "\n" + output.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
            return $"Pagefind failed to index the site (exit code {process.ExitCode}): {said}";
        }
    }
}
