namespace Gazette.Tests.Support;

/// <summary>
/// Golden files: <c>case.md</c> → <c>case.html</c> under <c>tests/Gazette.Tests/Golden/</c>. On a
/// mismatch the actual output is written beside the expectation as <c>case.actual.html</c>
/// (git-ignored) for a diff; <c>UPDATE_GOLDEN=1</c> rewrites the expectations, to be reviewed
/// before committing.
/// </summary>
public static class Golden
{
    public static string Folder(string name) => Path.Combine(TestSite.RepositoryRoot, "tests", "Gazette.Tests", "Golden", name);

    /// <summary>The input files of a golden folder, by case name.</summary>
    public static IEnumerable<string> Cases(string folder, string inputExtension) =>
        Directory.EnumerateFiles(Folder(folder), "*" + inputExtension)
            .Select(f => Path.GetFileName(f)[..^inputExtension.Length])
            .Order(StringComparer.Ordinal);

    public static string Input(string folder, string name, string extension) =>
        File.ReadAllText(Path.Combine(Folder(folder), name + extension));

    public static void Verify(string folder, string name, string extension, string actual)
    {
        var expectedPath = Path.Combine(Folder(folder), name + extension);
        var actualPath = Path.Combine(Folder(folder), name + ".actual" + extension);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        Assert.Fail($"{name}{extension} differs from its golden file; see {actualPath} (UPDATE_GOLDEN=1 to accept after review)");
    }
}
