using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Photos;

/// <summary>Processed photos are kept in <c>.gazette/cache/images/</c>, named by what made them.</summary>
public class PhotoCacheTests
{
    private const string Site = """
        -- site.yml --
        title: Test
        base_url: https://example.com/
        -- content/posts/a/index.md --
        ---
        title: A
        date: 2024-09-25T10:30:00+02:00
        image:
          src: cover.jpg
          alt: Couverture
          credit: Agence
        ---

        ![Une autre](other.jpg "© Studio")
        """;

    private static TestSite NewSite()
    {
        var site = new TestSite(Site);
        site.WriteBytes("content/posts/a/cover.jpg", TestImages.Jpeg(1000, 600));
        site.WriteBytes("content/posts/a/other.jpg", TestImages.Halves(900, 600));
        return site;
    }

    private static string CacheFolder(TestSite site) => Path.Combine(site.Directory, ".gazette", "cache", "images");

    /// <summary>Each cache entry with the moment it was last written.</summary>
    private static Dictionary<string, DateTime> Entries(TestSite site) =>
        Directory.EnumerateFiles(CacheFolder(site)).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    private static Dictionary<string, byte[]> Output(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Fact]
    public void A_warm_build_makes_no_photo_and_a_changed_photo_remakes_only_its_own_files()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        var cold = Entries(site);
        // cover: 480, 800, 1000 × AVIF, WebP, JPEG + 3 crops; other: 480, 800, 900 × 3; a placeholder each.
        Assert.Equal(12 + 9 + 2, cold.Count);
        var coldOutput = Output(site.OutputDirectory);

        Thread.Sleep(20);
        site.BuildSuccessfully();
        Assert.Equal(cold, Entries(site)); // the same entries, none written again
        Assert.Equal(coldOutput, Output(site.OutputDirectory));

        site.WriteBytes("content/posts/a/other.jpg", TestImages.Halves(900, 601));
        site.BuildSuccessfully();
        var after = Entries(site);
        var kept = cold.Keys.Intersect(after.Keys).ToList();
        Assert.Equal(12 + 1, kept.Count); // the cover's files and placeholder, untouched
        Assert.All(kept, name => Assert.Equal(cold[name], after[name]));
        Assert.Equal(10, after.Count - kept.Count); // the changed photo's 9 files and placeholder, made again
        Assert.Equal(23, after.Count); // its old entries are pruned
    }

    [Fact]
    public void Two_cold_builds_write_the_same_bytes_variants_included()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        var first = Output(site.OutputDirectory);
        Directory.Delete(Path.Combine(site.Directory, ".gazette"), recursive: true);

        site.BuildSuccessfully();

        var second = Output(site.OutputDirectory);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(second[pair.Key]), pair.Key + " differs"));
        Assert.Contains(first.Keys, k => k.EndsWith("other-480w.webp", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_made_later_from_the_cache_have_the_bytes_of_a_cold_build()
    {
        // A panorama is first an inline photo (no crops); then it becomes the cover too, and only its
        // crops are made, the rest coming from the cache. Its square crop needs it decoded at full
        // width (800 px of its 3200 become the 800 px square), wider than its largest file (1600 px).
        using var site = NewSite();
        site.WriteBytes("content/posts/a/other.jpg", TestImages.Grain(3200, 800));
        site.BuildSuccessfully();
        site.Write("content/posts/a/index.md", Site[Site.IndexOf("---", StringComparison.Ordinal)..]
            .Replace("src: cover.jpg", "src: other.jpg", StringComparison.Ordinal)
            .Replace("credit: Agence", "credit: Studio", StringComparison.Ordinal)); // the same credit: its other files stay as they are
        site.BuildSuccessfully();
        var warm = Output(site.OutputDirectory);
        Assert.Contains(warm.Keys, k => k.EndsWith("other-1x1.jpg", StringComparison.Ordinal));

        Directory.Delete(Path.Combine(site.Directory, ".gazette"), recursive: true);
        site.BuildSuccessfully();

        var cold = Output(site.OutputDirectory);
        Assert.Equal(cold.Keys.Order(StringComparer.Ordinal), warm.Keys.Order(StringComparer.Ordinal));
        Assert.All(cold, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(warm[pair.Key]), pair.Key + " differs"));
    }

    [Fact]
    public void Pruning_deletes_only_entries_named_as_the_cache_names_them()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        var mine = Path.Combine(CacheFolder(site), "notes.txt");
        File.WriteAllText(mine, "not Gazette's");
        var stale = Path.Combine(CacheFolder(site), new string('a', 64) + ".webp");
        File.WriteAllText(stale, "an entry no build uses any more");

        site.BuildSuccessfully();

        Assert.True(File.Exists(mine));
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void Clean_forgets_the_cache_entries_and_nothing_else()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        var mine = Path.Combine(CacheFolder(site), "notes.txt");
        File.WriteAllText(mine, "not Gazette's");

        Assert.Empty(SiteCleaner.Clean(site.Directory, null));

        Assert.Equal(["notes.txt"], Directory.EnumerateFiles(CacheFolder(site)).Select(Path.GetFileName));
        File.Delete(mine);
        site.BuildSuccessfully();
        Assert.Empty(SiteCleaner.Clean(site.Directory, null));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".gazette")));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_made_is_a_warning_and_the_build_goes_on()
    {
        using var site = NewSite();
        site.Write(".gazette/cache", "a file where the folder should be");

        var result = site.Build();

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PhotoCacheUnusable);
        Assert.Equal(".gazette/cache/images", warning.Location.Path);
        Assert.True(site.OutputExists("2024/09/a/other-480w.webp"));
        Assert.Equal("a file where the folder should be", File.ReadAllText(Path.Combine(site.Directory, ".gazette/cache")));
    }
}
