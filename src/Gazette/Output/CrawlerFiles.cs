using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Templates;
using Gazette.Text;

namespace Gazette.Output;

/// <summary>The files crawlers and GitHub Pages read: sitemap (split into an index past 50 000
/// URLs), the Google News sitemap, robots.txt, redirect pages for aliases, CNAME and .nojekyll.</summary>
internal static class CrawlerFiles
{
    public const int MaxUrlsPerSitemap = 50_000;
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ImageNamespace = "http://www.google.com/schemas/sitemap-image/1.1";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>Google News reads the articles of the last two days, at most 1 000 of them.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);
    public const int MaxNewsArticles = 1000;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };

    /// <param name="pages">The pages for the sitemap; null leaves the sitemap as the last build wrote it
    /// (the dev server, when no entry changed).</param>
    /// <param name="now">The moment of the build: the news sitemap lists the two days before it.</param>
    /// <param name="editions">The site's language editions, the default first: each has its sitemap
    /// (in its folder), the news sitemap lists the articles of all.</param>
    public static void WriteAll(IReadOnlyList<SiteModel> editions, SiteUrls urls, IReadOnlyList<IReadOnlyList<WrittenPage>>? pages, DateTimeOffset now,
        OutputWriter writer, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < editions.Count; i++)
        {
            WriteEdition(editions[i], urls, pages?[i], writer, diagnostics);
        }

        WriteNewsSitemap(editions, urls, now, writer);
        writer.WriteText("robots.txt", "User-agent: *\nAllow: /\n\n"
            + string.Concat(editions.Select(e => $"Sitemap: {urls.Absolute(urls.ForOutput(e.Prefix + "sitemap.xml"))}\n"))
            + $"Sitemap: {urls.Absolute(urls.ForOutput(NewsSitemapName))}\n", "robots.txt");
        // GitHub Pages runs Jekyll on branch deployments unless told not to; Gazette's output is final.
        writer.WriteText(".nojekyll", "", ".nojekyll");
        if (editions[0].Config.Cname is { Length: > 0 } cname)
        {
            writer.WriteText("CNAME", cname.Trim() + "\n", "site.yml");
        }
    }

    /// <summary>One edition's sitemap (null: as the last build wrote it) and its redirect pages.</summary>
    private static void WriteEdition(SiteModel model, SiteUrls urls, IReadOnlyList<WrittenPage>? pages, OutputWriter writer, DiagnosticBag diagnostics)
    {
        if (pages is not null)
        {
            WriteSitemaps(pages, urls, writer, MaxUrlsPerSitemap, model.Prefix);
        }

        foreach (var document in model.Articles.Concat(model.Pages))
        {
            foreach (var alias in document.Aliases)
            {
                WriteAlias(document, alias, urls, writer, diagnostics);
            }
        }
    }

    public const string NewsSitemapName = "news-sitemap.xml";

    /// <summary>
    /// <c>news-sitemap.xml</c>, as Google News reads it: the articles published in the two days before
    /// the build, newest first, at most <paramref name="limit"/>, each with the publication's name and
    /// the article's language, title and publication date. With none, an empty <c>urlset</c> (valid).
    /// Which articles it lists depends on the moment of the build, as scheduled articles do.
    /// </summary>
    internal static void WriteNewsSitemap(IReadOnlyList<SiteModel> editions, SiteUrls urls, DateTimeOffset now, OutputWriter writer, int limit = MaxNewsArticles)
    {
        var publication = editions[0].Config.Publisher?.Name ?? editions[0].Config.Title;
        // Each edition's articles are newest first: the window is their head.
        var recent = editions.SelectMany(e => e.Articles.TakeWhile(a => a.Date >= now - NewsWindow).Where(a => a.Date <= now))
            .Order(SiteOrder.Instance).Take(limit);
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var article in recent)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", article.AbsoluteUrl);
                xml.WriteStartElement("news", "news", NewsNamespace);
                xml.WriteStartElement("news", "publication", NewsNamespace);
                xml.WriteElementString("news", "name", NewsNamespace, publication);
                xml.WriteElementString("news", "language", NewsNamespace, article.Lang);
                xml.WriteEndElement();
                xml.WriteElementString("news", "publication_date", NewsNamespace, Text.Dates.Iso(article.Date!.Value));
                xml.WriteElementString("news", "title", NewsNamespace, article.Title);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        writer.WriteUtf8(NewsSitemapName, stream, NewsSitemapName);
    }

    /// <summary>One sitemap, or numbered sitemaps and an index when there are more URLs than one may hold.</summary>
    internal static void WriteSitemaps(IReadOnlyList<WrittenPage> pages, SiteUrls urls, OutputWriter writer, int maxUrlsPerFile, string prefix = "")
    {
        if (pages.Count <= maxUrlsPerFile)
        {
            WriteSitemap(writer, prefix + "sitemap.xml", pages);
            return;
        }

        var chunks = pages.Chunk(maxUrlsPerFile).ToList();
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("sitemapindex", SitemapNamespace);
            for (var i = 0; i < chunks.Count; i++)
            {
                var name = $"{prefix}sitemap-{i + 1}.xml";
                WriteSitemap(writer, name, chunks[i]);
                xml.WriteStartElement("sitemap");
                xml.WriteElementString("loc", urls.Absolute(urls.ForOutput(name)));
                var lastModified = chunks[i].Max(p => p.LastModified);
                if (lastModified is { } date)
                {
                    xml.WriteElementString("lastmod", Text.Dates.Iso(date));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        writer.WriteUtf8(prefix + "sitemap.xml", stream, "sitemap.xml");
    }

    /// <summary>
    /// One sitemap, in UTF-8. Each page's entry is made once and kept with the page: the dev
    /// server writes the whole sitemap again when a page comes or goes (a tag's first article),
    /// which on a large site is then a copy of the kept entries (14 000 URLs: ~30 ms with an XML
    /// writer). The layout is the XML writer's indented one; URLs are escaped as XML text.
    /// </summary>
    private static void WriteSitemap(OutputWriter writer, string path, IReadOnlyList<WrittenPage> pages)
    {
        // Translations are linked as Google reads them: an xhtml:link per language, the page's own included.
        var alternates = pages.Any(p => p.Alternates.Count > 0) ? $" xmlns:xhtml=\"{XhtmlNamespace}\"" : "";
        var header = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns:image=\"{ImageNamespace}\"{alternates} xmlns=\"{SitemapNamespace}\">\n");
        var footer = "</urlset>"u8;
        var entries = new byte[pages.Count][];
        var length = header.Length + footer.Length;
        for (var i = 0; i < pages.Count; i++)
        {
            entries[i] = Entries.GetValue(pages[i], Entry);
            length += entries[i].Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = buffer.AsSpan();
            header.CopyTo(span);
            var at = header.Length;
            foreach (var entry in entries)
            {
                entry.CopyTo(span[at..]);
                at += entry.Length;
            }

            footer.CopyTo(span[at..]);
            writer.WriteUtf8(path, span[..length], "sitemap.xml");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A page's sitemap entry, kept as long as the page's record is (the dev server keeps the last sitemap's).
    private static readonly ConditionalWeakTable<WrittenPage, byte[]> Entries = [];

    private static byte[] Entry(WrittenPage page)
    {
        var xml = new StringBuilder(256);
        xml.Append("  <url>\n    <loc>");
        AppendEscaped(xml, page.Url);
        xml.Append("</loc>\n");
        if (page.LastModified is { } date)
        {
            xml.Append("    <lastmod>").Append(Text.Dates.Iso(date)).Append("</lastmod>\n");
        }

        foreach (var version in page.Alternates)
        {
            xml.Append("    <xhtml:link rel=\"alternate\" hreflang=\"").Append(version.Lang).Append("\" href=\"");
            AppendEscaped(xml, version.AbsoluteUrl);
            xml.Append("\"/>\n");
        }

        foreach (var image in page.Images)
        {
            xml.Append("    <image:image>\n      <image:loc>");
            AppendEscaped(xml, image);
            xml.Append("</image:loc>\n    </image:image>\n");
        }

        xml.Append("  </url>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    private static void AppendEscaped(StringBuilder xml, string text)
    {
        if (text.AsSpan().IndexOfAny("&<>") < 0)
        {
            xml.Append(text);
            return;
        }

        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                _ => xml.Append(c),
            };
        }
    }

    /// <summary>A redirect page at an old URL: meta refresh for browsers, canonical for crawlers.</summary>
    private static void WriteAlias(Document document, string alias, SiteUrls urls, OutputWriter writer, DiagnosticBag diagnostics)
    {
        var path = AliasPath(alias, urls.BasePath);
        if (path is null)
        {
            diagnostics.Warning(DiagnosticCodes.AliasInvalid, document.AliasesLocation.Line > 0 ? document.AliasesLocation : SourceLocation.File(document.SourcePath),
                $"alias '{alias}' is not a usable path inside the site; write it as '/old/url/' or '/old-page.html'");
            return;
        }

        var target = Html.Escape(document.Url);
        var absolute = Html.Escape(document.AbsoluteUrl);
        var title = Html.Escape(document.Title);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{Html.Escape(document.Lang)}">
            <head>
            <meta charset="utf-8">
            <title>{title}</title>
            <link rel="canonical" href="{absolute}">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url={target}">
            </head>
            <body>
            <p><a href="{target}">{title}</a></p>
            </body>
            </html>

            """;
        if (writer.WriteText(path, html, document.SourcePath) is { } earlier)
        {
            diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(document.SourcePath),
                $"alias '{alias}' would replace '{path}', already written by '{earlier}'; remove the alias or change it");
        }
    }

    /// <summary><c>/old/url/</c> → <c>old/url/index.html</c>; <c>/old.html</c> → <c>old.html</c>; null for
    /// anything that is not a plain path inside the site.</summary>
    internal static string? AliasPath(string alias, string basePath)
    {
        var path = alias.Trim();
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        if (path.StartsWith(basePath, StringComparison.Ordinal))
        {
            path = path[basePath.Length..];
        }

        var segments = path.Trim('/').Split('/');
        if (segments.Length == 0 || segments.Any(s => s.Length == 0 || s is "." or ".." || s.EndsWith('.') || s.EndsWith(' ')
            || s.Any(c => char.IsControl(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')))
        {
            return null;
        }

        var joined = string.Join('/', segments);
        return joined.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? joined : joined + "/index.html";
    }
}
