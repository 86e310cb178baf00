using Gazette.Server;
using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>
/// Builds the repository's sample site once, serves it on a free loopback port under its base
/// path, and starts Debian's Chromium through Playwright. When Chromium is not installed, the
/// tests skip themselves with that reason (CI installs it).
/// </summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "gazette-browser-" + Guid.NewGuid().ToString("N"), "_site");
    private DevServer? _server;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public Uri Home => _server!.Url!;

    public string OutputDirectory => _output;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where screenshots are saved for a person to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string? SkipReason => File.Exists(ChromiumPath)
        ? null
        : $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); .ci/run installs it so these tests run there";

    /// <summary>Why the site has no search here: Pagefind is installed by npm ci at the repository's root.</summary>
    public static string? SearchSkipReason => Pagefind.Find(RepositoryRoot).Why is { } why
        ? $"{why}; .ci/run installs it so the search tests run there"
        : null;

    public async ValueTask InitializeAsync()
    {
        _server = await DevServer.StartAsync(new DevServerOptions
        {
            Build = new BuildOptions
            {
                SourceDirectory = RepositoryRoot,
                OutputDirectory = _output,
                BaseUrl = "http://localhost/gazette/",
                Pagefind = Pagefind.Find(RepositoryRoot).Program,
            },
            Port = 0,
            LiveReload = false,
        }, TextWriter.Null);
        Assert.True(_server.LastResult!.Succeeded, string.Join("\n", _server.LastResult.Diagnostics));
        if (SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root (CI) Chromium needs --no-sandbox; the others keep it off this closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        var root = Path.GetDirectoryName(_output)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Does what leads to another page and waits until the browser is there. The wait starts
    /// first: a navigation that ends before it is asked for would be missed. The address is what is
    /// asserted: waiting for the page's photos as well only adds time on a busy machine.</summary>
    public static async Task Follow(IPage page, Func<Task> action, string url)
    {
        var arrived = page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await action();
        await arrived;
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

        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
