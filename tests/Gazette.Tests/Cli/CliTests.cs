using System.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Cli;

/// <summary>The <c>gazette</c> command as authors and CI run it: a separate process, its output
/// and its exit code.</summary>
public class CliTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(null, args);

    private static (int ExitCode, string Stdout, string Stderr) RunWith(Dictionary<string, string>? environment, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Gazette.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish within a minute");
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Fact]
    public void Successful_build_exits_zero_and_prints_a_summary()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        var (exitCode, stdout, _) = Run("build", "--source", site.Directory);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Built \d+ pages \(.*\b1 article\b.*, \d+ KB\) in [\d.]+ s", stdout);
        Assert.True(site.OutputExists("2024/09/a/index.html"));
    }

    [Fact]
    public void The_memory_budget_for_html_comes_from_the_environment_and_a_bad_value_is_named()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());

        var (noneExit, noneOut, _) = RunWith(new() { ["GAZETTE_HTML_MEMORY_MB"] = "0" }, "build", "--source", site.Directory, "--no-cache", "--timings");
        var (badExit, badOut, badErr) = RunWith(new() { ["GAZETTE_HTML_MEMORY_MB"] = "lots" }, "build", "--source", site.Directory, "--no-cache", "--timings");

        Assert.Equal(0, noneExit);
        Assert.Matches(@"\d+\.\d MB of bodies and cards held in a temporary file", noneOut);
        Assert.Equal(0, badExit);
        Assert.Contains("GAZETTE_HTML_MEMORY_MB is 'lots', not a number of megabytes; the build holds 64 MB", badErr, StringComparison.Ordinal);
        Assert.DoesNotContain("temporary file", badOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_prints_each_place_to_look_at_then_a_summary_and_refuses_a_command_line_without_its_parts()
    {
        using var old = new TestSite("""
            -- _config.yml --
            title: Old
            -- _posts/2020-01-02-hello.md --
            ---
            title: Hello
            ---

            {% include box.html %}
            """, withDefaultTheme: false);
        using var site = new TestSite("-- site.yml --\ntitle: New\n");

        var (exitCode, stdout, stderr) = Run("import", "jekyll", "--from", old.Directory, "--source", site.Directory);

        Assert.Equal(0, exitCode);
        Assert.Contains("_posts/2020-01-02-hello.md:5:1: warning GZ0802: Liquid '{% include box.html %}' cannot be converted", stderr, StringComparison.Ordinal);
        Assert.Contains("Imported 1 article and 0 pages (0 files, 1 old URL kept as aliases) — 2 places to look at", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Directory, "content/posts/hello/index.md")));

        Assert.Equal(2, Run("import", "--from", old.Directory).ExitCode);
        Assert.Equal(2, Run("import", "wordpress", "--from", old.Directory).ExitCode);
        Assert.Equal(2, Run("import", "jekyll", "--source", site.Directory).ExitCode);
    }

    [Fact]
    public void Init_replaces_the_samples_files_and_the_new_site_builds_with_the_theme_beside_the_program()
    {
        // Part of the sample, copied as a fork has it, without themes/: the program finds Gazette's own.
        using var site = new TestSite("", withDefaultTheme: false);
        File.Copy(Path.Combine(TestSite.RepositoryRoot, "site.yml"), Path.Combine(site.Directory, "site.yml"));
        site.Write("content/pages/about.md", File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "content", "pages", "about.md")));

        var (initExit, initOut, initErr) = Run("init", "--source", site.Directory, "--title", "Le Petit Journal", "--base-url", "https://marie.github.io/journal/",
            "--language", "en", "--timezone", "America/New_York", "--author", "Marie Curie");
        var (buildExit, buildOut, buildErr) = Run("build", "--source", site.Directory, "--drafts");

        Assert.True(initExit == 0, initErr);
        Assert.Contains("first draft: content/posts/my-first-article/index.md", initOut, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Directory, "content", "pages", "about.md")));
        Assert.True(buildExit == 0, buildErr);
        Assert.Matches(@"\b1 article\b", buildOut);
        Assert.Contains("My first article", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_without_a_title_says_how_to_call_it_and_exits_two()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        var (exitCode, _, stderr) = Run("init", "--source", site.Directory);

        Assert.Equal(2, exitCode);
        Assert.Contains("gazette init --title", stderr, StringComparison.Ordinal);
        Assert.Equal("title: Test\n\n", File.ReadAllText(Path.Combine(site.Directory, "site.yml"))); // as the test wrote it
    }

    [Fact]
    public void Errors_are_printed_in_the_compiler_convention_and_exit_one()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", "---\ntitle: T\ndate: 2024-01-01\ntags: 3\n---\n");
        site.Write("content/posts/b.md", "---\ntitle: T\n---\n");
        var (exitCode, _, stderr) = Run("build", "--source", site.Directory);

        Assert.Equal(1, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("content/posts/a.md:4:7: error GZ0103: 'tags' must be a list of text, such as [a, b], found '3'", lines);
        Assert.Contains(lines, l => l.StartsWith("content/posts/b.md:2:1: error GZ0102: missing required field 'date'", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.OutputDirectory));
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var (exitCode, _, stderr) = Run("build", "--frobnicate");
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown option '--frobnicate'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_site_yml_is_a_clear_error()
    {
        var empty = Directory.CreateTempSubdirectory("gazette-empty-");
        try
        {
            var (exitCode, _, stderr) = Run("build", "--source", empty.FullName);
            Assert.Equal(1, exitCode);
            Assert.Contains("site.yml: error GZ0002: no site.yml", stderr, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Clean_removes_the_output_folder_only()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        site.BuildSuccessfully();
        var (exitCode, _, _) = Run("clean", "--source", site.Directory);

        Assert.Equal(0, exitCode);
        Assert.False(Directory.Exists(site.OutputDirectory));
        Assert.True(File.Exists(Path.Combine(site.Directory, "content/posts/a.md")));
    }

    [Fact]
    public async Task Server_stops_when_the_process_it_was_told_to_follow_ends()
    {
        // build.ps1 passes its own process id: a wrapper killed by SIGTERM cannot pass the signal on.
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article());
        using var wrapper = Process.Start(new ProcessStartInfo("sleep", ["60"]))!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Gazette.Cli.dll"), "serve", "--source", site.Directory, "--port", "0", "--exit-with", wrapper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start)!;
        string? line;
        do
        {
            line = await server.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        while (line is not null && !line.StartsWith("Serving ", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.False(server.HasExited);

        wrapper.Kill();
        var stopped = server.WaitForExit(15_000);
        if (!stopped)
        {
            server.Kill(entireProcessTree: true);
        }

        Assert.True(stopped, "the server kept serving after the process it followed ended");
        Assert.Equal(0, server.ExitCode);
        Assert.Contains("Stopped.", server.StandardOutput.ReadToEnd(), StringComparison.Ordinal);
    }
}
