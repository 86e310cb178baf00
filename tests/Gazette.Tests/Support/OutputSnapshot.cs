using System.Security.Cryptography;

namespace Gazette.Tests.Support;

/// <summary>Every file of an output folder with the hash of its bytes, to compare two builds.</summary>
public static class OutputSnapshot
{
    public static Dictionary<string, string> Of(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>
    /// Builds the site as it is now into a folder of its own and fails, naming the files that
    /// differ and showing the first line that differs, unless <paramref name="output"/> holds
    /// exactly the same files with the same bytes.
    /// </summary>
    /// <param name="pagefind">Pagefind's program, for a site with search.</param>
    public static void AssertSameAsFullBuild(string site, string output, DateTimeOffset now, string context = "", string? pagefind = null)
    {
        var full = site + "-full";
        try
        {
            var result = SiteBuilder.Build(new BuildOptions { SourceDirectory = site, OutputDirectory = full, Minify = false, Now = now, Pagefind = pagefind });
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var expected = Of(full);
            var actual = Of(output);
            var differ = expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
                .Order(StringComparer.Ordinal).ToList();
            if (differ.Count == 0)
            {
                return;
            }

            var first = differ.FirstOrDefault(k => expected.ContainsKey(k) && actual.ContainsKey(k));
            var line = first is null ? "" : FirstDifference(File.ReadAllLines(Path.Combine(full, first)), File.ReadAllLines(Path.Combine(output, first)));
            Assert.Fail($"{context}the output differs from a full build in {differ.Count} files: {string.Join(", ", differ.Take(12))}"
                + (first is null ? "" : $"\nfirst difference in {first}: {line}"));
        }
        finally
        {
            if (Directory.Exists(full))
            {
                Directory.Delete(full, recursive: true);
            }
        }
    }

    private static string FirstDifference(string[] expected, string[] actual)
    {
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var (e, a) = (i < expected.Length ? expected[i] : "(end)", i < actual.Length ? actual[i] : "(end)");
            if (e != a)
            {
                return $"line {i + 1}\n  full build: {e.Trim()}\n  update:     {a.Trim()}";
            }
        }

        return "(same lines, other bytes)";
    }
}
