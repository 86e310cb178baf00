using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gazette.Tests.Support;

/// <summary>
/// A small site written from one raw string into a temporary folder, in the style of Hugo's
/// integration tests: <c>-- site.yml --</c> starts a file, everything until the next marker is
/// its content. The repository's default theme is copied in unless the text brings its own
/// theme files.
/// </summary>
public sealed class TestSite : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public TestSite(string files, bool withDefaultTheme = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gazette-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (withDefaultTheme)
        {
            CopyDirectory(Path.Combine(RepositoryRoot, "themes", "default"), Path.Combine(Directory, "themes", "default"));
        }

        foreach (var (path, content) in ParseFiles(files))
        {
            Write(path, content);
        }
    }

    public string Directory { get; }

    public string OutputDirectory => Path.Combine(Directory, "_site");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public void Write(string relativePath, string content)
    {
        var full = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new UTF8Encoding(false));
    }

    public void WriteBytes(string relativePath, byte[] content)
    {
        var full = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public BuildResult Build(Func<BuildOptions, BuildOptions>? configure = null)
    {
        var options = new BuildOptions { SourceDirectory = Directory, Minify = false };
        return SiteBuilder.Build(configure is null ? options : configure(options));
    }

    /// <summary>Builds and fails the test with every diagnostic when the build has errors.</summary>
    public BuildResult BuildSuccessfully(Func<BuildOptions, BuildOptions>? configure = null)
    {
        var result = Build(configure);
        Assert.True(result.Succeeded, "build failed:\n" + string.Join("\n", result.Diagnostics));
        return result;
    }

    public bool OutputExists(string relativePath) => File.Exists(Path.Combine(OutputDirectory, relativePath));

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(OutputDirectory, relativePath));

    public IDocument ParseOutput(string relativePath) => Parser.ParseDocument(ReadOutput(relativePath));

    public IEnumerable<string> OutputFiles(string pattern = "*") =>
        System.IO.Directory.EnumerateFiles(OutputDirectory, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(OutputDirectory, f).Replace('\\', '/'));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>A minimal valid article, to fill sites whose test is about something else.</summary>
    public static string Article(string title = "Titre", string date = "2024-09-25T10:30:00+02:00", string extra = "", string body = "Texte.") =>
        $"---\ntitle: \"{title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"\ndate: {date}\n{extra}---\n\n{body}\n";

    private static IEnumerable<(string Path, string Content)> ParseFiles(string files)
    {
        string? path = null;
        var content = new StringBuilder();
        foreach (var line in files.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (path is not null)
                {
                    yield return (path, content.ToString());
                }

                path = line[3..^3].Trim();
                content.Clear();
            }
            else if (path is not null)
            {
                content.Append(line).Append('\n');
            }
        }

        if (path is not null)
        {
            yield return (path, content.ToString());
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gazette.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Gazette.slnx) above " + AppContext.BaseDirectory);
    }
}
