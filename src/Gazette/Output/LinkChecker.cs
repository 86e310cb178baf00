using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Output;

/// <summary>
/// After a build, checks that every internal URL in every page (<c>href</c> and <c>src</c> under
/// the base path) resolves to a file the build wrote, as GitHub Pages would serve it:
/// <c>/blog/x/</c> → <c>x/index.html</c>. A link that misses the base path is caught too.
/// </summary>
public sealed partial class LinkChecker(SiteUrls urls)
{
    private readonly ConcurrentBag<(string Source, string Page, string Url)> _links = [];
    private readonly ConcurrentDictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);

    /// <param name="source">The document or list the page comes from, named in warnings.</param>
    /// <param name="page">The page's output path, for links to its own anchors.</param>
    public void Collect(string source, string page, string html)
    {
        foreach (Match match in UrlAttribute().Matches(html))
        {
            var url = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
            if ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) || url.StartsWith('#'))
            {
                _links.Add((source, page, url));
            }
        }

        _ids[page] = [.. IdAttribute().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    public void Check(OutputWriter writer, DiagnosticBag diagnostics)
    {
        var broken = new SortedSet<(string Source, string Url)>();
        var brokenAnchors = new SortedSet<(string Source, string Url)>();
        foreach (var (source, page, url) in _links)
        {
            var target = url.StartsWith('#') ? page : Target(url);
            if (target is null || !writer.HasWritten(target))
            {
                broken.Add((source, url));
                continue;
            }

            var hash = url.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0 && hash < url.Length - 1 && _ids.TryGetValue(target, out var ids) && !ids.Contains(Uri.UnescapeDataString(url[(hash + 1)..])))
            {
                brokenAnchors.Add((source, url));
            }
        }

        foreach (var (source, url) in brokenAnchors)
        {
            diagnostics.Warning(DiagnosticCodes.BrokenAnchor, SourceLocation.File(source),
                $"broken anchor '{url}': the page has no element with this id; check the heading's text");
        }

        foreach (var (source, url) in broken)
        {
            var hint = url.StartsWith(urls.BasePath, StringComparison.Ordinal)
                ? "no page or file of the site has this URL; check the slug or the file name"
                : $"it misses the base path '{urls.BasePath}'; write links root-relative in Markdown or use the url function in templates";
            diagnostics.Warning(DiagnosticCodes.BrokenLink, SourceLocation.File(source), $"broken internal link '{url}': {hint}");
        }
    }

    /// <summary>The output file an internal URL is served from, or null when it is outside the site.</summary>
    private string? Target(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(cut < 0 ? url : url[..cut]);
        if (!path.StartsWith(urls.BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[urls.BasePath.Length..];
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }

    [GeneratedRegex("\\s(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex UrlAttribute();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();
}
