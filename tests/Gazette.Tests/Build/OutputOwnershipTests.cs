using Gazette.Diagnostics;
using Gazette.Output;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>
/// A build replaces a folder only if Gazette owns it: absent, empty, or holding its manifest and
/// nothing the manifest does not list. Every dangerous folder here is made inside a temporary
/// folder; none of these tests points a build at a real system or home folder.
/// </summary>
public class OutputOwnershipTests
{
    private static TestSite NewSite()
    {
        var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        return site;
    }

    /// <summary>Every file and link below a folder with its bytes (a link: where it points).</summary>
    private static Dictionary<string, string> Contents(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(
                p => Path.GetRelativePath(directory, p),
                p => new FileInfo(p).LinkTarget is { } target ? "-> " + target : Directory.Exists(p) ? "(folder)" : Convert.ToHexString(File.ReadAllBytes(p)));

    private static void AssertRefused(BuildResult result, string code, string because)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, error.Code);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_holding_foreign_files_is_refused_and_every_byte_stays()
    {
        using var site = NewSite();
        var foreign = Path.Combine(site.Directory, "elsewhere");
        Directory.CreateDirectory(Path.Combine(foreign, "docs", "deep"));
        File.WriteAllText(Path.Combine(foreign, "docs", "a.txt"), "mine");
        File.WriteAllText(Path.Combine(foreign, "docs", "deep", "b.txt"), "mine too");
        var before = Contents(foreign);

        var result = site.Build(o => o with { OutputDirectory = foreign });

        AssertRefused(result, DiagnosticCodes.OutputNotOwned, "holds files Gazette did not write (e.g. docs/a.txt and 1 more); choose an empty folder");
        Assert.Equal("elsewhere", result.Diagnostics[0].Location.Path);
        Assert.Equal(before, Contents(foreign));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(site.Directory, ".elsewhere.*"), p => !p.EndsWith(".lock", StringComparison.Ordinal));
    }

    [Fact]
    public void File_a_user_put_into_the_built_output_makes_it_foreign()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        File.WriteAllText(Path.Combine(site.OutputDirectory, "mon-fichier.txt"), "à moi");
        var before = Contents(site.OutputDirectory);

        var result = site.Build();

        AssertRefused(result, DiagnosticCodes.OutputNotOwned, "'_site' holds files Gazette did not write (e.g. mon-fichier.txt)");
        Assert.Equal(before, Contents(site.OutputDirectory));
    }

    [Fact]
    public void Built_output_empty_folder_and_missing_folder_are_Gazettes_to_replace()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        site.BuildSuccessfully(); // its own manifest-listed output

        var empty = Path.Combine(site.Directory, "empty");
        Directory.CreateDirectory(Path.Combine(empty, "only-folders"));
        site.BuildSuccessfully(o => o with { OutputDirectory = empty });
        Assert.True(File.Exists(Path.Combine(empty, "2024/09/a/index.html")));

        site.BuildSuccessfully(o => o with { OutputDirectory = Path.Combine(site.Directory, "new", "folder") });
        Assert.True(File.Exists(Path.Combine(site.Directory, "new/folder/2024/09/a/index.html")));
    }

    [Fact]
    public void Force_takes_a_foreign_folder_over()
    {
        using var site = NewSite();
        var foreign = Path.Combine(site.Directory, "elsewhere");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "old.txt"), "old");

        site.BuildSuccessfully(o => o with { OutputDirectory = foreign, Force = true });

        Assert.False(File.Exists(Path.Combine(foreign, "old.txt")));
        Assert.True(File.Exists(Path.Combine(foreign, "2024/09/a/index.html")));
        site.BuildSuccessfully(o => o with { OutputDirectory = foreign }); // now Gazette's
    }

    [Theory]
    [InlineData(".", "is the site folder or one of its parents")]
    [InlineData("..", "is the site folder or one of its parents")]
    [InlineData("content", "source folder")]
    [InlineData("content/posts/x", "source folder")]
    [InlineData("themes", "source folder")]
    [InlineData("themes/default/assets", "source folder")]
    [InlineData("layouts", "source folder")]
    [InlineData("assets", "source folder")]
    [InlineData("static", "source folder")]
    [InlineData("i18n", "source folder")]
    public void Source_folders_and_parents_are_refused_even_with_force(string output, string because)
    {
        using var site = NewSite();
        site.Write("layouts/.keep", "");
        site.Write("assets/.keep", "");
        site.Write("static/.keep", "");
        site.Write("i18n/.keep", "");
        var before = Contents(site.Directory);

        var result = site.Build(o => o with { OutputDirectory = Path.Combine(site.Directory, output), Force = true });

        AssertRefused(result, DiagnosticCodes.OutputUnsafe, because);
        Assert.Equal(before, Contents(site.Directory).Where(e => !e.Key.EndsWith(".lock", StringComparison.Ordinal)).ToDictionary());
    }

    [Fact]
    public void Link_to_a_foreign_folder_is_judged_as_that_folder()
    {
        using var site = NewSite();
        var foreign = Path.Combine(site.Directory, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "keep");
        var link = Path.Combine(site.Directory, "link");
        Directory.CreateSymbolicLink(link, foreign);

        var result = site.Build(o => o with { OutputDirectory = link });

        AssertRefused(result, DiagnosticCodes.OutputNotOwned, "(e.g. keep.txt)");
        Assert.Equal("keep", File.ReadAllText(Path.Combine(foreign, "keep.txt")));
        Assert.Equal(foreign, new DirectoryInfo(link).LinkTarget);
    }

    [Fact]
    public void Link_to_the_content_folder_is_refused_as_the_content_folder()
    {
        using var site = NewSite();
        var link = Path.Combine(site.Directory, "out");
        Directory.CreateSymbolicLink(link, Path.Combine(site.Directory, "content"));

        var result = site.Build(o => o with { OutputDirectory = link, Force = true });

        AssertRefused(result, DiagnosticCodes.OutputUnsafe, "source folder");
        Assert.True(File.Exists(Path.Combine(site.Directory, "content/posts/a.md")));
    }

    [Fact]
    public void Link_inside_a_built_output_is_foreign()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        var outside = Path.Combine(site.Directory, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "x.txt"), "x");
        Directory.CreateSymbolicLink(Path.Combine(site.OutputDirectory, "linked"), outside);

        var result = site.Build();

        AssertRefused(result, DiagnosticCodes.OutputNotOwned, "(e.g. linked)");
        Assert.Equal("x", File.ReadAllText(Path.Combine(outside, "x.txt")));
    }

    [Fact]
    public void Output_that_is_a_file_is_refused()
    {
        using var site = NewSite();
        var file = Path.Combine(site.Directory, "site.html");
        File.WriteAllText(file, "not a folder");

        var result = site.Build(o => o with { OutputDirectory = file, Force = true });

        AssertRefused(result, DiagnosticCodes.OutputUnsafe, "is a file, not a folder");
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void Foreign_folder_with_the_staging_name_is_left_alone()
    {
        using var site = NewSite();
        var staging = Path.Combine(site.Directory, "._site.staging");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "notes.txt"), "mine");

        var result = site.Build();

        AssertRefused(result, DiagnosticCodes.OutputNotOwned, "Gazette keeps that name for its own staging folder");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(staging, "notes.txt")));
        Assert.False(Directory.Exists(site.OutputDirectory));
    }

    [Fact]
    public void Staging_folder_left_by_a_killed_build_is_recognised_and_replaced()
    {
        using var site = NewSite();
        var staging = Path.Combine(site.Directory, "._site.staging");
        Directory.CreateDirectory(Path.Combine(staging, "half"));
        File.WriteAllText(Path.Combine(staging, OutputOwnership.StagingMarker), "");
        File.WriteAllText(Path.Combine(staging, "half", "index.html"), "<p>half written");

        site.BuildSuccessfully();

        Assert.False(Directory.Exists(staging));
        Assert.False(site.OutputExists("half/index.html"));
        Assert.False(site.OutputExists(OutputOwnership.StagingMarker));
    }

    [Fact]
    public void Clean_deletes_only_a_folder_Gazette_owns()
    {
        using var site = NewSite();
        site.BuildSuccessfully();
        File.WriteAllText(Path.Combine(site.OutputDirectory, "mine.txt"), "mine");

        var refused = SiteCleaner.Clean(site.Directory, null);

        Assert.Equal(DiagnosticCodes.OutputNotOwned, Assert.Single(refused).Code);
        Assert.True(site.OutputExists("2024/09/a/index.html"));
        Assert.Equal("mine", site.ReadOutput("mine.txt"));

        File.Delete(Path.Combine(site.OutputDirectory, "mine.txt"));
        Assert.Empty(SiteCleaner.Clean(site.Directory, null));
        Assert.False(Directory.Exists(site.OutputDirectory));
        Assert.False(File.Exists(OutputLock.PathFor(site.OutputDirectory)));
    }
}
