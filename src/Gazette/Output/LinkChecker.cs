using System.Collections.Concurrent;
using System.Text;
using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Text;

namespace Gazette.Output;

/// <summary>
/// After a build, checks that every internal URL in every page (<c>href</c> and <c>src</c> under
/// the base path) resolves to a file the build wrote, as GitHub Pages would serve it:
/// <c>/blog/x/</c> → <c>x/index.html</c>. A link that misses the base path is caught too, and
/// so is an anchor (<c>#id</c>) that no element of its page has.
/// <para>A site of 10 000 articles holds over a million internal links, most of them to the
/// same few hundred pages: a link to a page the build renders is settled as it is read, and a
/// link to its own page's anchor too, without keeping anything. Only the other URLs (photos,
/// feeds, files, anchors on other pages) are kept, each URL once with the pages using it, and
/// checked against the written files at the end.</para>
/// </summary>
internal sealed class LinkChecker(SiteUrls urls)
{
    private readonly HashSet<string> _pageUrls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<(string Source, string Page)>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(string Source, string Url)> _brokenAnchors = [];

    // Each rendering thread reuses its lists of where the ids and same-page anchors of a page are.
    private readonly ScratchPool<PageScratch> _scratch = new(() => new([], []));

    /// <summary>The pages the build renders (their output paths), known before any is written.</summary>
    public void ExpectPages(IEnumerable<string> outputPaths)
    {
        foreach (var path in outputPaths)
        {
            _pageUrls.Add(urls.ForOutput(path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path));
        }
    }

    /// <param name="source">The document or list the page comes from, named in warnings.</param>
    /// <param name="page">The page's output path, for links to its own anchors.</param>
    /// <param name="html">The page's HTML in UTF-8, as it is written: its <c>href</c>/<c>src</c>
    /// values and <c>id</c>s are read with a plain scan, no regular expression.</param>
    /// <param name="record">When given, what the page leaves to check is added to it too (the build
    /// cache keeps it for the page, and <see cref="Replay"/>s it when the page is kept).</param>
    public void Collect(string source, string page, ReadOnlySpan<byte> html, PageLinks? record = null)
    {
        var scratch = _scratch.Rent();
        var (ids, anchors) = (scratch.Ids, scratch.Anchors);
        ids.Clear();
        anchors.Clear();
        var pages = _pageUrls.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> decoded = stackalloc char[256];
        var position = 0;
        while (NextAttribute(html, ref position, out var name, out var valueRange))
        {
            var value = html[valueRange];
            if (IsAnchorName(name))
            {
                ids.Add(valueRange);
                continue;
            }

            if (!(name.SequenceEqual("href"u8) || name.SequenceEqual("src"u8)) || !(value.StartsWith("#"u8) || (value.StartsWith("/"u8) && !value.StartsWith("//"u8))))
            {
                continue;
            }

            if (value.ContainsAny((byte)'&', (byte)'%', (byte)'?'))
            {
                Keep(Decode(value), source, page, record); // escaped or with a query: the slow, exact path
            }
            else if (value.StartsWith("#"u8))
            {
                anchors.Add(new Range(valueRange.Start.Value + 1, valueRange.End)); // the fragment, without '#'
            }
            else if (!Encoding.UTF8.TryGetChars(value, decoded, out var length))
            {
                Keep(Encoding.UTF8.GetString(value), source, page, record); // longer than any usual URL
            }
            else if (!value.Contains((byte)'#') && pages.Contains(decoded[..length]))
            {
                // A page of the site: settled.
            }
            else
            {
                Keep(decoded[..length], source, page, record);
            }
        }

        foreach (var anchor in anchors)
        {
            var fragment = html[anchor];
            if (fragment.Length > 0 && !HasId(html, ids, fragment))
            {
                var broken = "#" + Encoding.UTF8.GetString(fragment);
                _brokenAnchors.Add((source, broken));
                record?.BrokenAnchors.Add(broken);
            }
        }

        _scratch.Return(scratch);
    }

    /// <summary>Where the ids and the same-page anchors of a page are.</summary>
    private sealed record PageScratch(List<Range> Ids, List<Range> Anchors);

    private static bool HasId(ReadOnlySpan<byte> html, List<Range> ids, ReadOnlySpan<byte> fragment)
    {
        foreach (var id in ids)
        {
            var value = html[id];
            if (value.SequenceEqual(fragment) || (value.Contains((byte)'&') && Decode(value) == Encoding.UTF8.GetString(fragment)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a page leaves to the end of the build, once its own scan is done: the URLs that are
    /// not pages of the build (photos, feeds, files, anchors on other pages), and its anchors that
    /// no id of its own matches. Links to the build's pages were settled during the scan: replaying
    /// a page's record is right as long as every page it could link to is still a page.
    /// </summary>
    public sealed record PageLinks(List<string> Kept, List<string> BrokenAnchors)
    {
        public PageLinks()
            : this([], [])
        {
        }
    }

    /// <summary>Takes a kept page's links as its scan found them when it was written.</summary>
    public void Replay(string source, string page, PageLinks links)
    {
        foreach (var url in links.Kept)
        {
            Keep(url, source, page, null);
        }

        foreach (var anchor in links.BrokenAnchors)
        {
            _brokenAnchors.Add((source, anchor));
        }
    }

    private void Keep(ReadOnlySpan<char> url, string source, string page, PageLinks? record)
    {
        if (record is not null)
        {
            record.Kept.Add(url.ToString());
        }

        // A photo or feed URL shows on many pages: its string is made once, when first seen.
        if (!_pending.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(url, out var pagesUsing))
        {
            pagesUsing = _pending.GetOrAdd(url.ToString(), static _ => []);
        }

        lock (pagesUsing)
        {
            pagesUsing.Add((source, page));
        }
    }

    /// <summary>
    /// The next <c>name="value"</c> from <paramref name="position"/> on (the name is empty when no
    /// whitespace precedes it: not an attribute), with <paramref name="position"/> moved past it;
    /// false when there is none. Pages read here, and pages read back for their ids, are scanned alike.
    /// </summary>
    private static bool NextAttribute(ReadOnlySpan<byte> html, ref int position, out ReadOnlySpan<byte> name, out Range value)
    {
        name = [];
        value = default;
        var equals = html[position..].IndexOf("=\""u8);
        if (equals < 0)
        {
            return false;
        }

        var valueStart = position + equals + 2;
        var length = html[valueStart..].IndexOf((byte)'"');
        if (length < 0)
        {
            return false;
        }

        name = AttributeName(html, position + equals);
        value = new Range(valueStart, valueStart + length);
        position = valueStart + length + 1;
        return true;
    }

    /// <summary>The attribute name written just before <c>="</c>, when whitespace precedes it; else empty.</summary>
    private static ReadOnlySpan<byte> AttributeName(ReadOnlySpan<byte> html, int equals)
    {
        var start = equals;
        while (start > 0 && char.IsAsciiLetter((char)html[start - 1]))
        {
            start--;
        }

        return start > 0 && html[start - 1] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r' or (byte)'\f' ? html[start..equals] : [];
    }

    private static string Decode(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        return text.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
    }

    public void Check(OutputWriter writer, DiagnosticBag diagnostics)
    {
        var broken = new SortedSet<(string Source, string Url)>();
        var brokenAnchors = new SortedSet<(string Source, string Url)>(_brokenAnchors);
        var idsOfPage = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (url, pagesUsing) in _pending)
        {
            // Where the URL leads is the same for every page using it (a site's menus are on all of them).
            var inPage = url.StartsWith('#');
            var served = inPage ? null : Served(Target(url), writer);
            foreach (var (source, page) in pagesUsing)
            {
                var target = inPage ? page : served;
                if (target is null)
                {
                    broken.Add((source, url));
                    continue;
                }

                var hash = url.IndexOf('#', StringComparison.Ordinal);
                if (hash >= 0 && hash < url.Length - 1 && target.EndsWith(".html", StringComparison.Ordinal)
                    && !IdsOf(target, writer, idsOfPage).Contains(Uri.UnescapeDataString(url[(hash + 1)..])))
                {
                    brokenAnchors.Add((source, url));
                }
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

    /// <summary>The ids of a page already written, read back from its file (only for links into another page).</summary>
    private static HashSet<string> IdsOf(string page, OutputWriter writer, Dictionary<string, HashSet<string>> cache)
    {
        if (cache.TryGetValue(page, out var known))
        {
            return known;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var html = writer.BytesOf(page);
        var position = 0;
        while (NextAttribute(html, ref position, out var name, out var value))
        {
            if (IsAnchorName(name))
            {
                ids.Add(Decode(html[value]));
            }
        }

        return cache[page] = ids;
    }

    /// <summary>What a link can point at: an element's <c>id</c>, or an old-style <c>&lt;a name&gt;</c>.</summary>
    private static bool IsAnchorName(ReadOnlySpan<byte> attribute) => attribute.SequenceEqual("id"u8) || attribute.SequenceEqual("name"u8);

    /// <summary>The file written that GitHub Pages serves for <paramref name="target"/>: the file
    /// itself, else for an extension-less path its <c>.html</c> file or the folder it redirects
    /// to (<c>/x</c> → <c>/x/</c>); null when there is none.</summary>
    private static string? Served(string? target, OutputWriter writer)
    {
        if (target is null || writer.HasWritten(target))
        {
            return target;
        }

        if (Path.GetExtension(target).Length > 0)
        {
            return null;
        }

        return writer.HasWritten(target + ".html") ? target + ".html"
            : writer.HasWritten(target + "/index.html") ? target + "/index.html"
            : null;
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
