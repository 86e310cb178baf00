using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Output;

namespace Gazette;

/// <summary>Deletes the files the last build wrote (its manifest lists them), after the same
/// ownership checks as a build: a folder holding anything else is left alone. The photo cache
/// is forgotten too (its entries only).</summary>
public static class SiteCleaner
{
    public static IReadOnlyList<Diagnostic> Clean(string sourceDirectory, string? outputDirectory)
    {
        var diagnostics = new DiagnosticBag();
        var source = Path.GetFullPath(sourceDirectory);
        var config = SiteConfigLoader.Load(source, diagnostics);
        if (config is null)
        {
            return diagnostics.ToSortedList();
        }

        var output = Path.GetFullPath(outputDirectory ?? Path.Combine(source, config.Output));
        var display = OutputOwnership.DisplayName(source, output);
        if (OutputOwnership.Forbidden(source, output, display) is { } reason)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.File(display), reason);
            return diagnostics.ToSortedList();
        }

        using var held = OutputLock.Acquire(output, TimeSpan.Zero);
        if (held is null)
        {
            diagnostics.Error(DiagnosticCodes.OutputLocked, SourceLocation.File(display), $"a Gazette build or dev server is writing '{display}'; stop it, then clean");
            return diagnostics.ToSortedList();
        }

        try
        {
            DeleteOwnedFiles(output, display, diagnostics);
            Images.PhotoCache.Forget(source);
            PageCache.Forget(source);
            Markdown.MarkdownCache.Forget(source);
            File.Delete(held.FilePath); // held, so no build waits on this file
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(display), $"cannot clean the output: {e.Message}");
        }

        return diagnostics.ToSortedList();
    }

    private static void DeleteOwnedFiles(string output, string display, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(output))
        {
            return;
        }

        var manifest = Path.Combine(output, OutputWriter.ManifestName);
        if (!File.Exists(manifest))
        {
            diagnostics.Error(DiagnosticCodes.OutputNotOwned, SourceLocation.File(display),
                $"'{display}' has no {OutputWriter.ManifestName}: Gazette did not write it, so clean leaves it alone");
            return;
        }

        if (OutputOwnership.NotOwned(output, display, "clean deletes nothing while they are there: move them out first") is { } notOwned)
        {
            diagnostics.Error(DiagnosticCodes.OutputNotOwned, SourceLocation.File(display), notOwned);
            return;
        }

        foreach (var line in File.ReadAllLines(manifest).Append(OutputWriter.ManifestName))
        {
            var target = Path.GetFullPath(Path.Combine(output, line));
            var inside = Path.GetRelativePath(output, target);
            if (line.Length == 0 || inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside)
                || inside.Split(Path.DirectorySeparatorChar).Contains(".git"))
            {
                continue;
            }

            // File.Delete removes a link itself, never what it points to.
            if (File.Exists(target) || new FileInfo(target).LinkTarget is not null)
            {
                File.Delete(target);
            }
        }

        OutputWriter.RemoveEmptyFolders(output);
        if (!Directory.EnumerateFileSystemEntries(output).Any())
        {
            Directory.Delete(output);
        }
    }
}
