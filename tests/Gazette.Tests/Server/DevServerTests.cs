using System.Net;
using System.Net.Sockets;
using System.Text;
using Gazette.Server;
using Gazette.Tests.Support;

namespace Gazette.Tests.Server;

/// <summary>The dev server in-process on a free loopback port: serving, live updates, safety.</summary>
public sealed class DevServerTests : IAsyncLifetime
{
    private readonly TestSite _site = new("-- site.yml --\ntitle: T\nbase_url: https://example.org/blog/\n");
    private DevServer? _server;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        _site.Write("content/posts/a.md", TestSite.Article(title: "Premier", date: "2024-01-01"));
        _site.Write("content/posts/b.md", TestSite.Article(title: "Second", date: "2024-02-01"));
        _site.Write("content/posts/c.md", TestSite.Article(title: "Troisième", date: "2024-03-01", extra: "tags: [Solo]\n"));
        _server = await DevServer.StartAsync(new DevServerOptions
        {
            Build = new BuildOptions { SourceDirectory = _site.Directory, Minify = false },
            Port = 0,
            Debounce = TimeSpan.FromMilliseconds(50),
        }, TextWriter.Null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _http.Dispose();
        _site.Dispose();
    }

    private Uri Url(string path) => new(_server!.Url!, path);

    private async Task<int> WaitForRebuild(int after)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_server!.RebuildCount <= after && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(_server.RebuildCount > after, "no rebuild within 20 s of the change");
        return _server.RebuildCount;
    }

    [Fact]
    public async Task Serves_pages_under_the_base_path_with_content_types_no_cache_and_the_reload_script()
    {
        var response = await _http.GetAsync(Url("2024/01/a/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Premier", html, StringComparison.Ordinal);
        Assert.Contains("EventSource(\"/blog/__gazette/events\")", html, StringComparison.Ordinal);
        Assert.DoesNotContain("EventSource", File.ReadAllText(Path.Combine(_site.OutputDirectory, "2024/01/a/index.html")), StringComparison.Ordinal);

        var css = await _http.GetAsync(Url("assets/css/main.css"), TestContext.Current.CancellationToken);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        var root = await _http.GetAsync(new Uri(_server!.Url!, "/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/blog/", root.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Unknown_path_gets_the_404_page_with_status_404()
    {
        var response = await _http.GetAsync(Url("nowhere/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("404", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>Polls the page until it holds <paramref name="text"/>, for changes that take several rebuilds.</summary>
    private async Task<string> WaitForPageWith(string path, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var html = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _http.GetAsync(Url(path), TestContext.Current.CancellationToken);
            html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode && html.Contains(text, StringComparison.Ordinal))
            {
                return html;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"'{path}' did not show '{text}' within 20 s; it shows:\n{html}");
        return html;
    }

    [Fact]
    public async Task Layouts_folder_created_after_the_server_started_is_followed()
    {
        _site.Write("layouts/article.html", "<!doctype html><title>x</title><p>gabarit du site : {{ page.title }}</p>\n");

        await WaitForPageWith("2024/01/a/", "gabarit du site : Premier");
        _site.Write("layouts/article.html", "<!doctype html><title>x</title><p>gabarit modifié : {{ page.title }}</p>\n");
        await WaitForPageWith("2024/01/a/", "gabarit modifié : Premier");
    }

    [Fact]
    public async Task Content_folder_deleted_and_restored_is_watched_again()
    {
        var content = Path.Combine(_site.Directory, "content");
        var away = Path.Combine(_site.Directory, "away");
        var rebuilds = _server!.RebuildCount;
        Directory.Move(content, away);
        await WaitForRebuild(rebuilds);
        Directory.Move(away, content);
        await WaitForPageWith("2024/01/a/", "Premier");

        _site.Write("content/posts/a.md", TestSite.Article(title: "Après le retour", date: "2024-01-01"));
        await WaitForPageWith("2024/01/a/", "Après le retour");
    }

    [Fact]
    public async Task Edited_article_is_served_updated_and_only_affected_outputs_are_rewritten()
    {
        var untouched = Path.Combine(_site.OutputDirectory, "tags/solo/index.html");
        var before = File.GetLastWriteTimeUtc(untouched);
        var rebuilds = _server!.RebuildCount;
        _site.Write("content/posts/a.md", TestSite.Article(title: "Premier modifié", date: "2024-01-01"));
        await WaitForRebuild(rebuilds);

        var html = await _http.GetStringAsync(Url("2024/01/a/"), TestContext.Current.CancellationToken);
        Assert.Contains("Premier modifié", html, StringComparison.Ordinal);
        Assert.True(_server.LastResult!.Incremental, "an edited article updates only what depends on it");
        Assert.Contains("2024/01/a/index.html", _server.LastResult.ChangedFiles);
        Assert.Contains("index.html", _server.LastResult.ChangedFiles);
        Assert.DoesNotContain("tags/solo/index.html", _server.LastResult.ChangedFiles);
        Assert.Equal(before, File.GetLastWriteTimeUtc(untouched));
    }

    [Fact]
    public async Task Broken_edit_keeps_the_last_good_page_and_reports_the_error_to_the_browser()
    {
        var events = await _http.GetStreamAsync(Url("__gazette/events"), TestContext.Current.CancellationToken);
        var rebuilds = _server!.RebuildCount;
        _site.Write("content/posts/b.md", "---\ntitle: [oops\ndate: 2024-02-01\n---\n");
        await WaitForRebuild(rebuilds);

        Assert.False(_server.LastResult!.Succeeded);
        Assert.Contains("Second", await _http.GetStringAsync(Url("2024/02/b/"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var received = await ReadUntil(events, "event: errors");
        Assert.Contains("content/posts/b.md:2:", received, StringComparison.Ordinal);

        rebuilds = _server.RebuildCount;
        _site.Write("content/posts/b.md", TestSite.Article(title: "Second réparé", date: "2024-02-01"));
        await WaitForRebuild(rebuilds);
        Assert.True(_server.LastResult!.Succeeded);
        Assert.Contains("event: reload", await ReadUntil(events, "event: reload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_100_saves_in_a_second_ends_serving_the_final_state()
    {
        for (var i = 1; i <= 100; i++)
        {
            _site.Write("content/posts/c.md", TestSite.Article(title: $"Version {i}", date: "2024-03-01", extra: "tags: [Solo]\n"));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        // An update writes its files one after another: the article page can show the last version
        // a moment before the home page does, so both are read until both show it (or time is up).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string html, home;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            html = await _http.GetStringAsync(Url("2024/03/c/"), TestContext.Current.CancellationToken);
            home = await _http.GetStringAsync(Url(""), TestContext.Current.CancellationToken);
        }
        while (!(html.Contains("Version 100", StringComparison.Ordinal) && home.Contains("Version 100", StringComparison.Ordinal))
            && DateTime.UtcNow < deadline);

        Assert.Contains("Version 100", html, StringComparison.Ordinal);
        Assert.Contains("Version 100", home, StringComparison.Ordinal);
        Assert.True(_server!.LastResult!.Succeeded);
        Assert.True(_server.RebuildCount < 60, $"{_server.RebuildCount} rebuilds: saves were not coalesced");
    }

    private static async Task<string> ReadUntil(Stream stream, string marker)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("/blog/../site.yml")]
    [InlineData("/blog/%2e%2e/site.yml")]
    [InlineData("/blog/%2e%2e%2fsite.yml")]
    [InlineData("/blog/..%5csite.yml")]
    [InlineData("/blog/%252e%252e/site.yml")]
    [InlineData("/blog/.staging/index.html")]
    [InlineData("/blog//etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task Traversal_attempts_get_404_and_never_a_file_outside_the_output(string path)
    {
        File.WriteAllText(Path.Combine(_site.OutputDirectory, "..", "secret.txt"), "SECRET");
        var (status, body) = await RawGet(path, $"127.0.0.1:{_server!.Url!.Port}");
        Assert.Equal(404, status);
        Assert.DoesNotContain("title: T", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dot_folders_are_never_served()
    {
        Directory.CreateDirectory(Path.Combine(_site.OutputDirectory, ".git"));
        File.WriteAllText(Path.Combine(_site.OutputDirectory, ".git", "config"), "[core]");
        var (status, _) = await RawGet("/blog/.git/config", $"127.0.0.1:{_server!.Url!.Port}");
        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData("evil.example", 403)]
    [InlineData("evil.example:80", 403)]
    [InlineData("localhost", 200)]
    [InlineData("127.0.0.1", 200)]
    public async Task Foreign_host_header_is_refused(string host, int expected)
    {
        var (status, _) = await RawGet("/blog/", host);
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("http://evil.example", 403)]
    [InlineData("null", 403)]
    public async Task Reload_endpoint_refuses_foreign_origins(string origin, int expected)
    {
        var (status, _) = await RawGet("/blog/__gazette/events", $"127.0.0.1:{_server!.Url!.Port}", origin);
        Assert.Equal(expected, status);
    }

    /// <summary>A request written by hand, so the path and Host reach the server exactly as given.</summary>
    private async Task<(int Status, string Body)> RawGet(string path, string host, string? origin = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server!.Url!.Port, TestContext.Current.CancellationToken);
        await using var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {host}\r\n{(origin is null ? "" : $"Origin: {origin}\r\n")}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var statusLine = await reader.ReadLineAsync(timeout.Token) ?? "";
        string body;
        try
        {
            body = await reader.ReadToEndAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            body = ""; // an event stream stays open
        }

        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), body);
    }
}
