using System.IO.Enumeration;
using Gazette.Text;
using static Gazette.Text.SafeFiles;

namespace Gazette.Output;

/// <summary>
/// Decides whether Gazette may replace a folder. The rule is ownership, not a list of forbidden
/// places (no list of system folders can ever be complete): a folder may be replaced only if it does
/// not exist, is empty, or holds Gazette's manifest and nothing the manifest does not list. A few
/// folders are never replaced, even when told to take over a foreign one: the root of a file
/// system, the site folder or any of its parents, and any folder the site reads its sources from.
/// </summary>
public static class OutputOwnership
{
    /// <summary>A staging folder holds this file from its creation to its swap: a leftover of a
    /// killed build is recognised as Gazette's, whatever it holds.</summary>
    public const string StagingMarker = ".gazette-staging";

    /// <summary>The site's folders that hold sources: the output may be none of them, nor inside one.</summary>
    public static readonly IReadOnlyList<string> SourceFolders = ["content", "themes", "layouts", "assets", "static", "i18n", "archetypes", "data"];

    /// <summary>A build's advice on a folder holding foreign files.</summary>
    public const string TakeOverAdvice = "choose an empty folder, or move those files into the site's static files (content/ or assets/); --force takes the folder over and deletes them";

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Why <paramref name="outputDirectory"/> may never be the output, whatever the options; null when it may be.</summary>
    /// <param name="extraSourceFolders">Folders outside the site that it reads too (its theme, when it lives elsewhere).</param>
    /// <param name="displayName">The output as the author named it, for messages.</param>
    public static string? Forbidden(string sourceDirectory, string outputDirectory, string displayName, IEnumerable<string>? extraSourceFolders = null)
    {
        var source = RealPath(sourceDirectory);
        var output = RealPath(outputDirectory);
        if (File.Exists(output))
        {
            return $"the output '{displayName}' is a file, not a folder; choose another output folder, or move the file away";
        }

        if (Path.GetPathRoot(output) is { } root && Same(Path.TrimEndingDirectorySeparator(root), output))
        {
            return $"the output folder '{displayName}' is the root of the file system; choose a folder such as '_site'";
        }

        if (IsSameOrInside(source, output))
        {
            return $"the output folder '{displayName}' is the site folder or one of its parents; building would replace your sources. Choose a folder such as '_site'";
        }

        var sources = SourceFolders.Select(f => Path.Combine(source, f)).Concat(extraSourceFolders?.Select(RealPath) ?? []);
        foreach (var folder in sources)
        {
            if (IsSameOrInside(output, folder) || IsSameOrInside(folder, output))
            {
                return $"the output folder '{displayName}' is, holds or lies inside the source folder '{Shown(source, folder)}'; building would replace or republish sources. Choose a folder such as '_site'";
            }
        }

        if (output.Split(Path.DirectorySeparatorChar).Contains(".git", StringComparer.OrdinalIgnoreCase))
        {
            return $"the output folder '{displayName}' lies inside a .git folder; choose a folder such as '_site'";
        }

        return null;
    }

    /// <summary>Why Gazette may not replace <paramref name="directory"/> without being told to take
    /// it over; null when it owns it (absent, empty, or only the files its manifest lists).</summary>
    /// <param name="advice">What the author can do about foreign files, appended to the reason.</param>
    public static string? NotOwned(string directory, string displayName, string advice = TakeOverAdvice)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var foreign = ForeignFiles(directory);
        if (foreign.Count == 0)
        {
            return null;
        }

        var example = foreign.Min(StringComparer.Ordinal)!;
        var more = foreign.Count > 1 ? $" and {foreign.Count - 1} more" : "";
        return $"'{displayName}' holds files Gazette did not write (e.g. {example}{more}); {advice}";
    }

    /// <summary>The files and links below <paramref name="directory"/> that no Gazette build wrote
    /// there: all of them without a manifest (or a staging marker), else those the manifest does not list.
    /// Empty folders hold nothing to lose and are not counted. Linked folders are not entered.</summary>
    public static List<string> ForeignFiles(string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        // Files and links, as paths relative to the folder with '/' (the manifest's form), made
        // from the entry's spans: a large site's output has tens of thousands.
        var files = new FileSystemEnumerable<string>(root,
            (ref entry) => Path.Join(entry.Directory[root.Length..].TrimStart(Path.DirectorySeparatorChar), entry.FileName).Replace('\\', '/'),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory || entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
            ShouldRecursePredicate = (ref entry) => !entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
        }.ToList();
        if (files.Contains(StagingMarker))
        {
            return [];
        }

        var manifestPath = Path.Combine(root, OutputWriter.ManifestName);
        if (!File.Exists(manifestPath) || new FileInfo(manifestPath).LinkTarget is not null)
        {
            return files;
        }

        var listed = File.ReadAllLines(manifestPath).ToHashSet(StringComparer.Ordinal);
        listed.Add(OutputWriter.ManifestName);
        return files.Where(f => !listed.Contains(f)).ToList();
    }

    /// <summary>An output folder as the author named it: relative to the site when inside it.</summary>
    public static string DisplayName(string sourceDirectory, string outputDirectory) =>
        IsSameOrInside(outputDirectory, sourceDirectory) ? Path.GetRelativePath(sourceDirectory, outputDirectory).Replace('\\', '/') : outputDirectory;

    /// <summary>A folder relative to the site when it lies inside it, as written in the site's layout.</summary>
    private static string Shown(string source, string folder) =>
        IsSameOrInside(folder, source) ? Path.GetRelativePath(source, folder).Replace('\\', '/') + "/" : folder;

    private static bool Same(string a, string b) => string.Equals(a, b, PathComparison);
}
