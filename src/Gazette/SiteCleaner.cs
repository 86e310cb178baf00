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

        var writer = new OutputWriter(output);
        foreach (var directory in new[] { output, writer.StagingDirectory, writer.PreviousDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return diagnostics.ToSortedList();
    }
}
