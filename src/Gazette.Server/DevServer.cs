using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Gazette.Configuration;
using Gazette.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace Gazette.Server;

/// <summary>How to run the dev server.</summary>
public sealed record DevServerOptions
{
    public required BuildOptions Build { get; init; }
    /// <summary>Address to listen on; loopback unless the author asks otherwise.</summary>
    public string Bind { get; init; } = "127.0.0.1";
    /// <summary>Port; 0 picks a free one.</summary>
    public int Port { get; init; } = 5000;
    /// <summary>Watch the sources and reload browsers; off to serve a finished build as it is.</summary>
    public bool LiveReload { get; init; } = true;
    /// <summary>How long to wait for a burst of saves to end before rebuilding.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(30);
}

/// <summary>
/// <c>gazette serve</c>: builds the site, serves the output folder over HTTP (Kestrel), watches
/// content, theme and site.yml, rebuilds what a change affects and tells open browsers to
/// reload (Server-Sent Events). A broken change keeps the last good pages and shows the
/// diagnostics in the console and over the page.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private const string EndpointPrefix = "__gazette/";
    private readonly DevServerOptions _options;
    private readonly TextWriter _log;
    private readonly SiteSession _session;
    private readonly ReloadHub _hub = new();
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private WebApplication? _app;
    private Task? _rebuildLoop;
    private RequestGuard? _guard;
    private string _basePath = "/";

    private DevServer(DevServerOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _session = new SiteSession(options.Build);
    }

    /// <summary>The address of the site, base path included.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Completed rebuilds, for tests that wait for one.</summary>
    public int RebuildCount { get; private set; }

    /// <summary>The result of the latest build or update.</summary>
    public BuildResult? LastResult { get; private set; }

    public static async Task<DevServer> StartAsync(DevServerOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var server = new DevServer(options, log);
        await server.StartInternalAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    private async Task StartInternalAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var first = _session.Build();
        Report(first, clock.Elapsed);
        var output = _session.OutputDirectory ?? first.OutputDirectory
            ?? Path.GetFullPath(_options.Build.OutputDirectory ?? Path.Combine(_options.Build.SourceDirectory, "_site"));
        _basePath = BasePathOf(_options.Build);
        _guard = new RequestGuard(output, _options.Bind);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(_options.Bind), _options.Port));
        _app = builder.Build();
        _app.Run(context => HandleAsync(context, output));
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Urls.First();
        var port = new Uri(address).Port;
        var host = _options.Bind is "0.0.0.0" or "::" ? "localhost" : _options.Bind.Contains(':') ? $"[{_options.Bind}]" : _options.Bind;
        Url = new Uri($"http://{host}:{port}{_basePath}");
        if (_options.LiveReload)
        {
            Watch();
        }

        _rebuildLoop = Task.Run(RebuildLoopAsync, CancellationToken.None);
    }

    /// <summary>The base path the site is served under: the one of base_url (site.yml or -BaseUrl).</summary>
    private static string BasePathOf(BuildOptions build)
    {
        var diagnostics = new DiagnosticBag();
        var config = Configuration.SiteConfigLoader.Load(Path.GetFullPath(build.SourceDirectory), diagnostics, build.BaseUrl);
        return config is null ? "/" : new SiteUrls(config).BasePath;
    }

    /// <summary>The site's folders that hold sources, each watched with its subfolders while it exists.</summary>
    private static readonly IReadOnlyList<string> SourceFolders = Output.OutputOwnership.SourceFolders;

    private readonly Lock _watchLock = new();
    private readonly Dictionary<string, FileSystemWatcher> _folderWatchers = new(StringComparer.Ordinal);

    /// <summary>
    /// Watches the site folder itself, without its subfolders (the output, .git and node_modules
    /// would cost thousands of watches), to see source folders and site.yml appear, go and come
    /// back; and each source folder with its subfolders while it exists. A folder created after
    /// the server started (layouts/, where authors customise) is watched from then on. Gazette's
    /// own themes folder is watched too (the theme of a site that has none of its own).
    /// </summary>
    private void Watch()
    {
        var source = Path.GetFullPath(_options.Build.SourceDirectory);
        var root = new FileSystemWatcher(source) { IncludeSubdirectories = false };
        AddWatcher(root, path =>
        {
            var name = Path.GetFileName(path);
            if (SourceFolders.Contains(name, StringComparer.Ordinal))
            {
                FollowFolder(Path.Combine(source, name));
                _changes.Writer.TryWrite(path);
            }
            else if (name == "site.yml")
            {
                _changes.Writer.TryWrite(path);
            }
        });
        lock (_watchLock)
        {
            _watchers.Add(root);
        }

        foreach (var folder in SourceFolders)
        {
            FollowFolder(Path.Combine(source, folder));
        }

        // A site without a theme of its own uses Gazette's: an edit there is an edit of the site.
        if (_options.Build.GazetteThemes is { } gazetteThemes)
        {
            FollowFolder(Path.GetFullPath(gazetteThemes));
        }
    }

    /// <summary>Starts watching a source folder that exists, stops watching one that is gone.</summary>
    private void FollowFolder(string path)
    {
        lock (_watchLock)
        {
            var watched = _folderWatchers.TryGetValue(path, out var watcher);
            if (Directory.Exists(path) && !watched)
            {
                var added = new FileSystemWatcher(path) { IncludeSubdirectories = true };
                AddWatcher(added, p => _changes.Writer.TryWrite(p));
                _folderWatchers[path] = added;
            }
            else if (!Directory.Exists(path) && watched)
            {
                watcher!.Dispose();
                _folderWatchers.Remove(path);
            }
        }
    }

    private static void AddWatcher(FileSystemWatcher watcher, Action<string> changed)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += (_, e) => changed(e.FullPath);
        watcher.Created += (_, e) => changed(e.FullPath);
        watcher.Deleted += (_, e) => changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            changed(e.OldFullPath);
            changed(e.FullPath);
        };
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Waits for a change, lets a burst of saves settle, then rebuilds once for all of them.</summary>
    private async Task RebuildLoopAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (await _changes.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                var paths = new HashSet<string>(StringComparer.Ordinal);
                do
                {
                    while (_changes.Reader.TryRead(out var path))
                    {
                        if (!IsEditorNoise(path))
                        {
                            paths.Add(path);
                        }
                    }

                    await Task.Delay(_options.Debounce, token).ConfigureAwait(false);
                }
                while (_changes.Reader.TryPeek(out _));

                if (paths.Count == 0)
                {
                    continue;
                }

                var clock = Stopwatch.StartNew();
                try
                {
                    var result = _session.Update(paths);
                    Report(result, clock.Elapsed);
                }
#pragma warning disable CA1031 // the server must outlive any failure of one rebuild
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _log.WriteLine($"error: the rebuild failed unexpectedly: {e}");
                    _hub.ShowErrors("Gazette failed while rebuilding; see the console.");
                    RebuildCount++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Swap and backup files editors write beside the real one.</summary>
    private static bool IsEditorNoise(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.Ordinal) || path.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal);
    }

    private void Report(BuildResult result, TimeSpan elapsed)
    {
        LastResult = result;
        foreach (var diagnostic in result.Diagnostics)
        {
            _log.WriteLine(diagnostic);
        }

        if (result.Succeeded)
        {
            var kind = result.Incremental ? "Updated" : "Built";
            _log.WriteLine($"{kind} in {elapsed.TotalMilliseconds:F0} ms: {result.ChangedFiles.Count} files changed — {result.ErrorCount} errors, {result.WarningCount} warnings");
            _hub.Reload();
        }
        else
        {
            _log.WriteLine($"Build failed in {elapsed.TotalMilliseconds:F0} ms; still serving the last good pages");
            _hub.ShowErrors(string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        }

        RebuildCount++;
    }

    private async Task HandleAsync(HttpContext context, string output)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!_guard!.IsAllowedHost(request.Headers.Host))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsync("403: unknown Host header", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value ?? "/";
        if (path + "/" == _basePath || (path == "/" && _basePath != "/"))
        {
            response.Redirect(_basePath);
            return;
        }

        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            await NotFoundAsync(context, output).ConfigureAwait(false);
            return;
        }

        var relative = path[_basePath.Length..];
        if (relative == EndpointPrefix + "events")
        {
            await EventsAsync(context).ConfigureAwait(false);
            return;
        }

        var file = _guard.Resolve(relative);
        if (file is not null && Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                response.Redirect(path + "/" + request.QueryString);
                return;
            }

            file = Path.Combine(file, "index.html");
        }

        if (file is null || !File.Exists(file))
        {
            await NotFoundAsync(context, output).ConfigureAwait(false);
            return;
        }

        await SendFileAsync(context, file, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private async Task NotFoundAsync(HttpContext context, string output)
    {
        var page = Path.Combine(output, "404.html");
        if (File.Exists(page))
        {
            await SendFileAsync(context, page, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsync("404: not found", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task SendFileAsync(HttpContext context, string file, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = _contentTypes.TryGetContentType(file, out var type) ? AddCharset(type) : "application/octet-stream";
        if (_options.LiveReload && file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            // The reload script is added on the way out: the files on disk stay exactly as a build writes them.
            var html = await File.ReadAllTextAsync(file, context.RequestAborted).ConfigureAwait(false);
            var script = ReloadScript();
            var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            html = end < 0 ? html + script : html.Insert(end, script);
            await response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
    }

    private static string AddCharset(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;

    private string ReloadScript() => $$"""
        <script>(()=>{const k="gazette-scroll:"+location.pathname,y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);addEventListener("load",()=>scrollTo(0,+y));}
        const es=new EventSource("{{_basePath}}{{EndpointPrefix}}events");
        es.addEventListener("reload",()=>{sessionStorage.setItem(k,String(scrollY));location.reload();});
        es.addEventListener("errors",e=>{let d=document.getElementById("gazette-errors");if(!d){d=document.createElement("pre");d.id="gazette-errors";d.setAttribute("role","alert");d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#3b0a0a;color:#ffdede;font:13px/1.4 ui-monospace,monospace;z-index:2147483647;white-space:pre-wrap";document.body.append(d);}d.textContent=e.data;});})();</script>
        """;

    private async Task EventsAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!_guard!.IsAllowedOrigin(request.Headers.Origin, request.Headers.Host))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsync("403: foreign origin", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        response.ContentType = "text/event-stream";
        var channel = _hub.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await response.WriteAsync(": connected\n\n", stop.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            while (true)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                string text;
                try
                {
                    var (name, data) = await channel.Reader.ReadAsync(heartbeat.Token).ConfigureAwait(false);
                    var lines = new StringBuilder().Append("event: ").Append(name).Append('\n');
                    foreach (var line in data.Split('\n'))
                    {
                        lines.Append("data: ").Append(line).Append('\n');
                    }

                    text = lines.Append('\n').ToString();
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    text = ": keep-alive\n\n";
                }

                await response.WriteAsync(text, stop.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the browser went away or the server is stopping
        }
        finally
        {
            _hub.Unsubscribe(channel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        lock (_watchLock)
        {
            foreach (var watcher in _watchers.Concat(_folderWatchers.Values))
            {
                watcher.Dispose();
            }

            _folderWatchers.Clear();
        }

        _changes.Writer.TryComplete();
        if (_rebuildLoop is not null)
        {
            await _rebuildLoop.ConfigureAwait(false);
        }

        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
