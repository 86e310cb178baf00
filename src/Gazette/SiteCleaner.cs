using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Output;

namespace Gazette;

/// <summary>Deletes the output folder (and staging leftovers), after the same safety checks as a build.</summary>
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
        if (OutputSafety.Check(source, output) is { } reason)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.File(SiteConfigLoader.FileName), reason);
            return diagnostics.ToSortedList();
        }

        if (!Directory.Exists(output))
        {
            return diagnostics.ToSortedList();
        }

        var manifest = Path.Combine(output, OutputWriter.ManifestName);
        if (!File.Exists(manifest))
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.File(output),
                $"'{output}' has no {OutputWriter.ManifestName}: Gazette did not write it, so clean leaves it alone");
            return diagnostics.ToSortedList();
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

        RemoveEmptyFolders(output);
        return diagnostics.ToSortedList();
    }

    /// <summary>Removes folders left empty, deepest first, without entering linked folders.</summary>
    private static void RemoveEmptyFolders(string directory)
    {
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (new DirectoryInfo(child).LinkTarget is null)
            {
                RemoveEmptyFolders(child);
            }
        }

        if (!Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }
}
