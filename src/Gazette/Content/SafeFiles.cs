namespace Gazette.Content;

/// <summary>Lists files under a folder without following symbolic links, so a link in
/// content/ or a theme pointing outside the site is never read or copied. Sorted for
/// deterministic output.</summary>
public static class SafeFiles
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
    };

    public static IEnumerable<string> Enumerate(string directory, string pattern = "*") =>
        Directory.EnumerateFiles(directory, pattern, Options)
            .Where(path => !IsDotPath(Path.GetRelativePath(directory, path)))
            .Order(StringComparer.Ordinal);

    /// <summary>Files and folders whose name starts with a dot (.git, .DS_Store) are never content.</summary>
    private static bool IsDotPath(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
