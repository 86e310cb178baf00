namespace Gazette.Output;

/// <summary>Refuses output folders whose replacement would destroy something that is not a
/// build output: the site itself, one of its parents, the file system root, the home folder.</summary>
public static class OutputSafety
{
    public static string? Check(string sourceDirectory, string outputDirectory)
    {
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceDirectory));
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var home = Path.TrimEndingDirectorySeparator(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        if (Path.GetPathRoot(output) == output + Path.DirectorySeparatorChar || output == Path.GetPathRoot(output) || output.Length <= 1)
        {
            return $"the output folder '{outputDirectory}' is the root of the file system; choose a folder such as '_site'";
        }

        if (string.Equals(output, home, StringComparison.Ordinal))
        {
            return $"the output folder '{outputDirectory}' is your home folder; choose a folder such as '_site'";
        }

        var fromOutputToSource = Path.GetRelativePath(output, source);
        if (fromOutputToSource == "." || !fromOutputToSource.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(fromOutputToSource))
        {
            return $"the output folder '{outputDirectory}' is the site folder or contains it; building would replace your sources. Choose a folder such as '_site'";
        }

        if (Directory.Exists(Path.Combine(output, ".git")))
        {
            return $"the output folder '{outputDirectory}' is a git repository; Gazette replaces the output folder at each build";
        }

        foreach (var protectedName in new[] { "content", "themes", "layouts", "src" })
        {
            if (string.Equals(output, Path.Combine(source, protectedName), StringComparison.Ordinal))
            {
                return $"the output folder '{outputDirectory}' is the site's {protectedName}/ folder; choose a folder such as '_site'";
            }
        }

        return null;
    }
}
