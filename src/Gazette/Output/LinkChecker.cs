using System.Collections.Concurrent;
using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Output;

/// <summary>
/// After a build, checks that every internal URL in every page (<c>href</c> and <c>src</c> under
/// the base path) resolves to a file the build wrote, as GitHub Pages would serve it:
/// <c>/blog/x/</c> → <c>x/index.html</c>. A link that misses the base path is caught too.
/// </summary>
public sealed class LinkChecker(SiteUrls urls)
{
    private readonly ConcurrentBag<(string Source, string Page, string Url)> _links = [];
    private readonly ConcurrentDictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);

    /// <param name="source">The document or list the page comes from, named in warnings.</param>
    /// <param name="page">The page's output path, for links to its own anchors.</param>
    /// <param name="html">The page's HTML: its <c>href</c>/<c>src</c> values and <c>id</c>s are read
    /// with a plain scan (no regular expression, no string but for the values kept).</param>
    public void Collect(string source, string page, ReadOnlySpan<char> html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        while (true)
        {
            var equals = html[position..].IndexOf("=\"", StringComparison.Ordinal);
            if (equals < 0)
            {
                break;
            }

            var valueStart = position + equals + 2;
            var length = html[valueStart..].IndexOf('"');
            if (length < 0)
            {
                break;
            }

            var name = AttributeName(html, position + equals);
            var value = html.Slice(valueStart, length);
            if (name is "href" or "src")
            {
                if ((value.StartsWith("/") && !value.StartsWith("//")) || value.StartsWith("#"))
                {
                    _links.Add((source, page, Decode(value)));
                }
            }
            else if (name is "id")
            {
                ids.Add(Decode(value));
            }

            position = valueStart + length + 1;
        }

        _ids[page] = ids;
    }

    /// <summary>The attribute name written just before <c>="</c>, when whitespace precedes it; else empty.</summary>
    private static ReadOnlySpan<char> AttributeName(ReadOnlySpan<char> html, int equals)
    {
        var start = equals;
        while (start > 0 && char.IsAsciiLetter(html[start - 1]))
        {
            start--;
        }

        return start > 0 && char.IsWhiteSpace(html[start - 1]) ? html[start..equals] : [];
    }

    private static string Decode(ReadOnlySpan<char> value) =>
        value.Contains('&') ? System.Net.WebUtility.HtmlDecode(value.ToString()) : value.ToString();

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
}
