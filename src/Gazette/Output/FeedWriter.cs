using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Gazette.Configuration;
using Gazette.Markdown;
using Gazette.Model;
using Gazette.Templates;

namespace Gazette.Output;

/// <summary>
/// RSS 2.0 (<c>/feed.xml</c>, and <c>/categories/&lt;slug&gt;/feed.xml</c>) and Atom
/// (<c>/atom.xml</c>) feeds of the newest articles, with absolute URLs everywhere, the cover
/// photo as an enclosure and a Media RSS element carrying its caption and credit. Dates come
/// from the articles, never from the clock, so two builds give the same bytes.
/// </summary>
internal static partial class FeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        NewLineChars = "\n",
    };

    /// <param name="theme">Renders an article's full content: its cover with its credit at the top, then its body with its figures.</param>
    /// <param name="wanted">Which feeds to write (the dev server's update): given the articles a feed
    /// lists and whose list it is (the model for the site's feeds, else the category's term);
    /// null writes them all.</param>
    public static void WriteAll(SiteModel model, SiteUrls urls, TemplateRenderer theme, OutputWriter writer,
        Func<IReadOnlyList<Document>, object, bool>? wanted = null)
    {
        var config = model.Config;
        var newest = model.Articles.Take(config.FeedLimit).ToList();
        var contents = new FullContents(newest, urls, theme);
        if (wanted?.Invoke(newest, model) ?? true)
        {
            var rss = model.Prefix + "feed.xml";
            writer.WriteUtf8(rss, Rss(config.Title, config.Description, urls.Absolute(urls.ForOutput(model.Prefix)),
                urls.Absolute(urls.ForOutput(rss)), config.Language, newest, model, urls, contents), rss);
            writer.WriteUtf8(model.Prefix + "atom.xml", Atom(model, newest, urls, contents), model.Prefix + "atom.xml");
        }

        // One feed per category, written in parallel (hundreds on a large site).
        Parallel.ForEach(model.Categories.Terms, category =>
        {
            var path = category.Folder + "feed.xml";
            var articles = category.Articles.Take(config.FeedLimit).ToList();
            if (wanted?.Invoke(articles, category) ?? true)
            {
                writer.WriteUtf8(path, Rss($"{config.Title} – {category.Name}", config.Description, urls.Absolute(category.Url),
                    urls.Absolute(urls.ForOutput(path)), config.Language, articles, model, urls, contents), path);
            }
        });
    }

    private static MemoryStream Rss(string title, string description, string link, string self, string language, List<Document> articles,
        SiteModel model, SiteUrls urls, FullContents contents)
    {
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteAttributeString("xmlns", "content", null, ContentNamespace);
            xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
            xml.WriteAttributeString("xmlns", "media", null, MediaNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", title);
            xml.WriteElementString("link", link);
            xml.WriteElementString("description", description.Length > 0 ? description : title);
            xml.WriteElementString("language", language);
            xml.WriteElementString("generator", "Gazette");
            if (articles.Count > 0)
            {
                xml.WriteElementString("lastBuildDate", Rfc822(articles.Max(a => a.LastModified)!.Value));
            }

            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", self);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var article in articles)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", article.Title);
                xml.WriteElementString("link", article.AbsoluteUrl);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(article.AbsoluteUrl);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(article.Date!.Value));
                foreach (var author in article.Authors)
                {
                    xml.WriteElementString("dc", "creator", DublinCoreNamespace, author.Name);
                }

                foreach (var term in Categories(article))
                {
                    xml.WriteElementString("category", term);
                }

                xml.WriteElementString("description", article.Summary ?? "");
                if (model.Config.FeedFullContent)
                {
                    xml.WriteElementString("content", "encoded", ContentNamespace, contents.Of(article));
                }

                if (article.Cover is { } cover)
                {
                    if (cover.FileSize is { } size && cover.MediaType is { } type)
                    {
                        xml.WriteStartElement("enclosure");
                        xml.WriteAttributeString("url", cover.AbsoluteUrl);
                        xml.WriteAttributeString("length", size.ToString(CultureInfo.InvariantCulture));
                        xml.WriteAttributeString("type", type);
                        xml.WriteEndElement();
                    }

                    WriteMedia(xml, cover);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream;
    }

    private static void WriteMedia(XmlWriter xml, Figure cover)
    {
        xml.WriteStartElement("media", "content", MediaNamespace);
        xml.WriteAttributeString("url", cover.AbsoluteUrl);
        xml.WriteAttributeString("medium", "image");
        if (cover.MediaType is { } type)
        {
            xml.WriteAttributeString("type", type);
        }

        if (cover.Width is { } width && cover.Height is { } height)
        {
            xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
        }

        var caption = cover.CaptionText.Length > 0 ? cover.CaptionText : cover.Alt;
        if (caption.Length > 0)
        {
            xml.WriteElementString("media", "description", MediaNamespace, caption);
        }

        if (cover.HasCredit)
        {
            xml.WriteElementString("media", "credit", MediaNamespace, cover.CreditText);
        }

        xml.WriteEndElement();
    }

    private static MemoryStream Atom(SiteModel model, List<Document> articles, SiteUrls urls, FullContents contents)
    {
        var config = model.Config;
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, config.Language);
            xml.WriteElementString("id", urls.Absolute(urls.ForOutput(model.Prefix)));
            xml.WriteElementString("title", config.Title);
            if (config.Description.Length > 0)
            {
                xml.WriteElementString("subtitle", config.Description);
            }

            var updated = articles.Count > 0 ? articles.Max(a => a.LastModified)!.Value : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            xml.WriteElementString("updated", Text.Dates.Iso(updated));
            Link(xml, "self", urls.Absolute(urls.ForOutput(model.Prefix + "atom.xml")), "application/atom+xml");
            Link(xml, "alternate", urls.Absolute(urls.ForOutput(model.Prefix)), "text/html");
            xml.WriteElementString("generator", "Gazette");
            foreach (var article in articles)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", article.AbsoluteUrl);
                xml.WriteElementString("title", article.Title);
                Link(xml, "alternate", article.AbsoluteUrl, "text/html");
                xml.WriteElementString("published", Text.Dates.Iso(article.Date!.Value));
                xml.WriteElementString("updated", Text.Dates.Iso(article.LastModified!.Value));
                if (article.Authors.Count == 0)
                {
                    xml.WriteStartElement("author");
                    xml.WriteElementString("name", config.Publisher?.Name ?? config.Title);
                    xml.WriteEndElement();
                }

                foreach (var author in article.Authors)
                {
                    xml.WriteStartElement("author");
                    xml.WriteElementString("name", author.Name);
                    xml.WriteElementString("uri", urls.Absolute(author.Url));
                    xml.WriteEndElement();
                }
                foreach (var term in Categories(article))
                {
                    xml.WriteStartElement("category");
                    xml.WriteAttributeString("term", term);
                    xml.WriteEndElement();
                }

                if (article.Summary is { } summary)
                {
                    xml.WriteElementString("summary", summary);
                }

                if (config.FeedFullContent)
                {
                    xml.WriteStartElement("content");
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(contents.Of(article));
                    xml.WriteEndElement();
                }

                if (article.Cover is { FileSize: { } size, MediaType: { } type } cover)
                {
                    xml.WriteStartElement("link");
                    xml.WriteAttributeString("rel", "enclosure");
                    xml.WriteAttributeString("type", type);
                    xml.WriteAttributeString("length", size.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("href", cover.AbsoluteUrl);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream;
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static IEnumerable<string> Categories(Document article) =>
        (article.Category is null ? [] : new[] { article.Category.Name }).Concat(article.Tags.Select(t => t.Name));

    /// <summary>
    /// The articles as feed readers show them: the cover with its credit, then the body, every
    /// site URL made absolute (a feed reader has no base URL to resolve them). The newest articles
    /// appear in the RSS feed, the Atom feed and their category's feed: theirs are made once. Any
    /// other article appears in one feed only, and its feed HTML is dropped once written (a site
    /// of 10 000 articles would otherwise hold all of them at once).
    /// </summary>
    private sealed class FullContents(List<Document> newest, SiteUrls urls, TemplateRenderer theme)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Document, string> _newest = new(ReferenceEqualityComparer.Instance);

        public string Of(Document article)
        {
            if (_newest.TryGetValue(article, out var made))
            {
                return made;
            }

            var html = MakeFullContent(article, urls, theme);
            if (newest.Contains(article))
            {
                _newest[article] = html;
            }

            return html;
        }
    }

    /// <summary>The article as a feed carries it: cover, body, review box and sources line, as its
    /// page shows them; every URL absolute (a reader resolves nothing against the site), without the
    /// headings' "#" anchors, which a reader shows as stray signs.</summary>
    private static string MakeFullContent(Document article, SiteUrls urls, TemplateRenderer theme)
    {
        var html = new StringBuilder();
        if (article.Cover is not null)
        {
            html.Append(theme.RenderPartial("figure", article.Cover, article.Lang));
        }

        html.Append(theme.RenderBody(article.ContentHtml));
        if (article.Review is not null && !article.ReviewInBody)
        {
            html.Append(theme.RenderPartial("review-box", article.Review, article.Lang));
        }

        if (article.Sources.Count > 0)
        {
            html.Append(theme.RenderPartial("sources", article.Sources, article.Lang));
        }

        return AbsoluteLinks(html.ToString(), article, urls);
    }

    private static string AbsoluteLinks(string html, Document article, SiteUrls urls)
    {
        html = HeadingAnchor().Replace(html, "");
        var siteRoot = urls.Absolute("/")[..^1];
        html = RootRelativeUrl().Replace(html, match => $"{match.Groups[1].Value}=\"{siteRoot}/");
        return html.Replace("href=\"#", $"href=\"{article.AbsoluteUrl}#", StringComparison.Ordinal); // footnotes, tables of contents
    }

    /// <summary>The anchor <see cref="Markdown.Headings.HeadingAnchorRenderer"/> writes after a heading's text.</summary>
    [GeneratedRegex("""\x20<a class="heading-anchor" href="#[^"]*" aria-label="[^"]*">#</a>""")]
    private static partial Regex HeadingAnchor();

    /// <summary>RSS dates: <c>Wed, 25 Sep 2024 10:30:00 +0200</c>.</summary>
    private static string Rfc822(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + Math.Abs(offset.Hours).ToString("D2", CultureInfo.InvariantCulture) + Math.Abs(offset.Minutes).ToString("D2", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""\b(href|src)="/(?!/)""")]
    private static partial Regex RootRelativeUrl();
}
