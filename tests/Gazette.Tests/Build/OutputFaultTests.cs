using System.Diagnostics;
using Gazette.Diagnostics;
using Gazette.Output;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>
/// One build at a time per output; faults of the file system (a full disk, an immutable folder)
/// reported as diagnostics: exit code 1, the previous output intact, no staging folder left; and
/// an output that is a mount point, which cannot be swapped, filled by copy. The faulty file systems are small tmpfs mounts and immutable folders made inside a
/// temporary folder, which needs root; elsewhere those tests say they were skipped and why.
/// </summary>
public class OutputFaultTests
{
    private static TestSite SiteWithArticles(int count)
    {
        var site = new TestSite("-- site.yml --\ntitle: Test\n");
        for (var i = 0; i < count; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-09-{1 + (i % 28):00}T10:{i % 60:00}:00+02:00"));
        }

        return site;
    }

    [Fact]
    public async Task Two_builds_into_one_output_at_once_end_with_the_output_of_one_clean_build()
    {
        using var site = SiteWithArticles(60);
        var clean = Path.Combine(site.Directory, "clean");
        site.BuildSuccessfully(o => o with { OutputDirectory = clean });

        var builds = Enumerable.Range(0, 2).Select(_ => Task.Run(() => site.Build())).ToArray();
        var results = await Task.WhenAll(builds);

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics)));
        Assert.Equal(OutputSnapshot.Of(clean), OutputSnapshot.Of(site.OutputDirectory));
    }

    [Fact]
    public void Build_refuses_an_output_another_build_is_writing_after_waiting()
    {
        using var site = SiteWithArticles(1);
        site.BuildSuccessfully();
        var before = OutputSnapshot.Of(site.OutputDirectory);
        var waited = new List<string>();
        using (OutputLock.Acquire(site.OutputDirectory, TimeSpan.Zero))
        {
            var clock = Stopwatch.StartNew();
            var result = site.Build(o => o with { LockWait = TimeSpan.FromMilliseconds(300), Waiting = waited.Add });

            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300));
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticCodes.OutputLocked, error.Code);
            Assert.StartsWith("another Gazette build or dev server is writing '_site'", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["waiting for another Gazette build to finish writing '_site'"], waited);
        Assert.Equal(before, OutputSnapshot.Of(site.OutputDirectory));
        site.BuildSuccessfully(o => o with { LockWait = TimeSpan.Zero }); // released
    }

    [Fact]
    public void Lock_file_left_by_a_killed_build_does_not_stop_the_next()
    {
        using var site = SiteWithArticles(1);
        var lockFile = OutputLock.PathFor(site.OutputDirectory);
        using (var killed = Process.Start(new ProcessStartInfo("sh", ["-c", $"exec 9>'{lockFile}' && flock 9 && kill -9 $$"]))!)
        {
            killed.WaitForExit();
            Assert.NotEqual(0, killed.ExitCode);
        }

        Assert.True(File.Exists(lockFile));
        site.BuildSuccessfully(o => o with { LockWait = TimeSpan.Zero });
    }

    [Fact]
    public void Full_disk_is_an_error_that_keeps_the_previous_output_and_frees_the_staging_space()
    {
        using var site = SiteWithArticles(1);
        var disk = Path.Combine(site.Directory, "disk");
        using var mount = TinyDisk.Mount(disk, "1m");
        var output = Path.Combine(disk, "site");
        site.BuildSuccessfully(o => o with { OutputDirectory = output });
        var before = OutputSnapshot.Of(output);

        site.WriteBytes("content/posts/big.bin", new byte[1536 * 1024]); // a static file the disk cannot hold
        var result = site.Build(o => o with { OutputDirectory = output });

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.OutputFailed, error.Code);
        Assert.Equal("disk/site", error.Location.Path);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, OutputSnapshot.Of(output));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(disk).Select(Path.GetFileName).Where(n => !n!.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Fact]
    public void Output_that_is_a_mount_point_receives_the_site_by_copy_and_loses_what_the_site_no_longer_has()
    {
        using var site = SiteWithArticles(2);
        var output = Path.Combine(site.Directory, "mounted");
        using var mount = TinyDisk.Mount(output, "8m");
        var clean = Path.Combine(site.Directory, "clean");

        site.BuildSuccessfully(o => o with { OutputDirectory = output });
        site.Write("content/posts/a0.md", TestSite.Article(title: "Changé", date: "2024-09-01T10:00:00+02:00"));
        File.Delete(Path.Combine(site.Directory, "content/posts/a1.md"));
        site.BuildSuccessfully(o => o with { OutputDirectory = output });
        site.BuildSuccessfully(o => o with { OutputDirectory = clean });

        Assert.Equal(OutputSnapshot.Of(clean), OutputSnapshot.Of(output));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, "mounted/2024/09/a1")));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".mounted.staging")));
    }

    [Fact]
    public void Immutable_output_is_an_error_that_keeps_it()
    {
        using var site = SiteWithArticles(1);
        site.BuildSuccessfully();
        var before = OutputSnapshot.Of(site.OutputDirectory);
        site.Write("content/posts/b.md", TestSite.Article(title: "B"));
        using (Immutable.Make(site.OutputDirectory))
        {
            var result = site.Build();

            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(DiagnosticCodes.OutputFailed, error.Code);
            Assert.Equal("_site", error.Location.Path);
        }

        Assert.Equal(before, OutputSnapshot.Of(site.OutputDirectory));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, "._site.staging")));
    }

    [Fact]
    public void Immutable_parent_of_the_output_is_an_error()
    {
        using var site = SiteWithArticles(1);
        var parent = Path.Combine(site.Directory, "public");
        var output = Path.Combine(parent, "site");
        site.BuildSuccessfully(o => o with { OutputDirectory = output });
        var before = OutputSnapshot.Of(output);
        using (Immutable.Make(parent))
        {
            var result = site.Build(o => o with { OutputDirectory = output });

            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(DiagnosticCodes.OutputFailed, error.Code);
            Assert.Equal("public/site", error.Location.Path);
        }

        Assert.Equal(before, OutputSnapshot.Of(output));
    }

    /// <summary>A small tmpfs mounted on a folder of the test's own, unmounted at the end.</summary>
    private sealed class TinyDisk(string directory) : IDisposable
    {
        public static TinyDisk Mount(string directory, string size)
        {
            Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", directory) != 0)
            {
                Assert.Skip("mounting a tmpfs needs Linux and root (CI runs these as root)");
            }

            return new TinyDisk(directory);
        }

        public void Dispose() => Run("umount", directory);
    }

    /// <summary>chattr +i on a folder of the test's own (even root cannot write there), undone at the end.</summary>
    private sealed class Immutable(string directory) : IDisposable
    {
        public static Immutable Make(string directory)
        {
            if (!OperatingSystem.IsLinux() || Run("chattr", "+i", directory) != 0)
            {
                Assert.Skip("chattr +i needs Linux, root and a file system that supports it (CI runs these as root on ext4)");
            }

            return new Immutable(directory);
        }

        public void Dispose() => Run("chattr", "-i", directory);
    }

    private static int Run(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no such program
        }
    }
}

/// <summary>Runs alone: it counts the temporary folders that every check makes.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(RunsAlone))]
public class CheckTemporaryFolderTests
{
    [Fact]
    public void Check_leaves_no_temporary_folder_behind_whether_it_succeeds_or_fails()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        var before = Directory.EnumerateDirectories(Path.GetTempPath(), "gazette-check-*").ToHashSet();

        Assert.True(site.Build(o => o with { CheckOnly = true }).Succeeded);
        site.Write("content/posts/broken.md", "---\ntitle: [\n---\n");
        Assert.False(site.Build(o => o with { CheckOnly = true }).Succeeded);

        Assert.Subset(before, Directory.EnumerateDirectories(Path.GetTempPath(), "gazette-check-*").ToHashSet());
    }
}
