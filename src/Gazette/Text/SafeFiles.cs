namespace Gazette.Text;

/// <summary>Lists files under a folder without following symbolic links, so a link in
/// content/ or a theme pointing outside the site is never read or copied. Sorted for
/// deterministic output.</summary>
internal static class SafeFiles
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

    /// <summary>Deletes <paramref name="folder"/>, then each parent, while it exists and is empty,
    /// never <paramref name="root"/> or above (a cache folder forgotten, a page's folder with its last file).</summary>
    public static void DeleteEmptyFolders(string folder, string root)
    {
        for (var directory = folder; directory.Length > root.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any();
            directory = Path.GetDirectoryName(directory)!)
        {
            Directory.Delete(directory);
        }
    }

    /// <summary>Files and folders whose name starts with a dot (.git, .DS_Store) are never content.</summary>
    private static bool IsDotPath(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));

    /// <summary>The path with every symbolic link on the way resolved, so that a link to a folder
    /// is judged as the folder it leads to. Parts that do not exist yet are kept as written.</summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "";
        var resolved = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            for (var hops = 0; hops < 40 && new FileInfo(next).LinkTarget is { } target; hops++)
            {
                next = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next) ?? root, target)));
            }

            resolved = next;
        }

        return Path.TrimEndingDirectorySeparator(resolved.Length == 0 ? full : resolved);
    }

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        var relative = Path.GetRelativePath(RealPath(outer), RealPath(inner));
        return relative == "." || (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
