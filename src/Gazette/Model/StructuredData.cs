using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Markdown;
using Gazette.Text;

namespace Gazette.Model;

/// <summary>
/// The schema.org JSON-LD of every page, and the breadcrumbs it shares with the visible trail.
/// An article is a NewsArticle with every photo as an ImageObject carrying its caption and credit
/// (Google's image licence fields), its review and its sources; a list is a CollectionPage of its
/// articles' URLs, an author's page a ProfilePage; the home page also describes the WebSite and
/// the Organization that publishes it. Written with a JSON writer, never by string
/// concatenation, so quotes and <c>&lt;/script&gt;</c> in a title cannot break out of the block.
/// </summary>
internal sealed class StructuredData(SiteConfig config, SiteUrls urls, string? searchUrl = null, string prefix = "")
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Accents stay readable; HTML-sensitive characters (<, >, &, ') are still written as
        // \u003C… by this encoder, so no "</script>" can appear in the page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>A buffer and its JSON writer, reset for each page: the JSON-LD of 10 000 articles
    /// is written without 10 000 growing streams.</summary>
    private sealed class Writer
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);
        public Utf8JsonWriter Json { get; }

        public Writer() => Json = new Utf8JsonWriter(Buffer, Options);
    }

    private readonly ScratchPool<Writer> _writers = new(() => new Writer());

    // A language's edition is a WebSite of its own, at its home; the publisher is one.
    private string SiteUrl => urls.Absolute(urls.ForOutput(prefix));
    private string WebSiteId => SiteUrl + "#website";
    private string OrganizationId => config.BaseUrl + "#organization";

    /// <summary>The visible trail of an article or page, and its BreadcrumbList: the site, the
    /// article's category, the article.</summary>
    public IReadOnlyList<Crumb> Breadcrumbs(Document document) =>
        document.Category is { } category
            ? [Home, new Crumb(category.Name, category.Url), new Crumb(document.Title, document.Url)]
            : [Home, new Crumb(document.Title, document.Url)];

    /// <summary>The first step of every trail: the site, by its name.</summary>
    public Crumb Home => new(config.Title, urls.ForOutput(prefix));

    /// <summary>An article's or a page's JSON-LD.</summary>
    public HtmlString For(Document document) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("@type", document.Kind == DocumentKind.Article ? "NewsArticle" : "WebPage");
        json.WriteString("headline", document.Title);
        json.WriteString("name", document.Title);
        if (document.Summary is { } summary)
        {
            json.WriteString("description", summary);
        }

        json.WriteString("url", document.AbsoluteUrl);
        json.WriteString("mainEntityOfPage", document.AbsoluteUrl);
        json.WriteString("inLanguage", document.Lang);
        IsPartOfWebSite(json);
        if (document.Date is { } date)
        {
            json.WriteString("datePublished", Text.Dates.Iso(date));
            json.WriteString("dateModified", Text.Dates.Iso(document.Updated ?? date));
        }

        Authors(json, document);

        json.WritePropertyName("publisher");
        Organization(json);
        var photos = (document.Cover is null ? document.Figures : [document.Cover, .. document.Figures])
            .Where(f => f.Url.Length > 0).ToList();
        if (photos.Count > 0)
        {
            json.WriteStartArray("image");
            foreach (var photo in photos)
            {
                if (photo.Crops.Count == 0)
                {
                    ImageObject(json, photo, photo.AbsoluteUrl, photo.Width, photo.Height);
                    continue;
                }

                // The 16:9, 4:3 and 1:1 crops Google asks of a news article's image.
                foreach (var crop in photo.Crops)
                {
                    ImageObject(json, photo, crop.AbsoluteUrl, crop.Width, crop.Height);
                }
            }

            json.WriteEndArray();
        }

        if (document.Category is { } category)
        {
            json.WriteString("articleSection", category.Name);
        }

        if (document.Tags.Count > 0)
        {
            json.WriteString("keywords", string.Join(", ", document.Tags.Select(t => t.Name)));
        }

        if (document.Sources.Count > 0)
        {
            json.WriteStartArray("citation");
            foreach (var source in document.Sources)
            {
                json.WriteStartObject();
                json.WriteString("@type", "CreativeWork");
                json.WriteString("name", source.Name);
                if (source.Url is { } url)
                {
                    json.WriteString("url", url);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (document.WordCount > 0)
        {
            json.WriteNumber("wordCount", document.WordCount);
        }

        if (document.Review is { } review)
        {
            json.WritePropertyName("review");
            Review(json, review, document);
        }

        json.WriteEndObject();
        BreadcrumbList(json, Breadcrumbs(document));
    });

    /// <summary>A list's JSON-LD: the home page, a term's page, a month of the archive, a
    /// taxonomy's index, the search page.</summary>
    public HtmlString For(ListPage page) => Write(json =>
    {
        if (page.Kind == "home")
        {
            WebSite(json, searchUrl);
            Organization(json);
        }

        json.WriteStartObject();
        var profile = page.Kind == "author" ? page.Term?.Profile : null;
        json.WriteString("@type", profile is not null ? "ProfilePage" : page.Kind == "search" ? "SearchResultsPage" : "CollectionPage");
        json.WriteString("name", page.Title);
        if (page.Summary is { Length: > 0 } summary)
        {
            json.WriteString("description", summary);
        }

        json.WriteString("url", page.AbsoluteUrl);
        json.WriteString("inLanguage", page.Lang);
        IsPartOfWebSite(json);
        if (profile is not null)
        {
            json.WritePropertyName("mainEntity");
            Author(json, profile.Name, urls.Absolute(page.Term!.Url), profile);
        }
        else if (page.Kind != "search")
        {
            json.WritePropertyName("mainEntity");
            var listed = page.Items.Select(d => d.AbsoluteUrl).Concat(page.Taxonomy is { } t && page.Term is null
                ? t.Terms.Select(term => urls.Absolute(term.Url)) : []);
            ItemList(json, "ItemList", listed.Select(url => new[] { ("url", url) }));
        }

        json.WriteEndObject();
        BreadcrumbList(json, page.Breadcrumbs);
    });

    /// <summary>One JSON-LD block: a <c>@graph</c> of the objects <paramref name="write"/> writes.</summary>
    private HtmlString Write(Action<Utf8JsonWriter> write)
    {
        var writer = _writers.Rent();
        var buffer = writer.Buffer;
        buffer.ResetWrittenCount();
        var json = writer.Json;
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteStartArray("@graph");
        write(json);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        var html = HtmlString.FromUtf8(buffer.WrittenSpan);
        _writers.Return(writer);
        return html;
    }

    private void WebSite(Utf8JsonWriter json, string? searchUrl)
    {
        json.WriteStartObject();
        json.WriteString("@type", "WebSite");
        json.WriteString("@id", WebSiteId);
        json.WriteString("url", SiteUrl);
        json.WriteString("name", config.Title);
        if (config.Description.Length > 0)
        {
            json.WriteString("description", config.Description);
        }

        json.WriteString("inLanguage", config.Language);
        json.WriteStartObject("publisher");
        json.WriteString("@id", OrganizationId);
        json.WriteEndObject();
        if (searchUrl is not null)
        {
            // The search box Google may show under the site's result.
            json.WriteStartObject("potentialAction");
            json.WriteString("@type", "SearchAction");
            json.WriteStartObject("target");
            json.WriteString("@type", "EntryPoint");
            json.WriteString("urlTemplate", urls.Absolute(searchUrl) + "?q={search_term_string}");
            json.WriteEndObject();
            json.WriteString("query-input", "required name=search_term_string");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void IsPartOfWebSite(Utf8JsonWriter json)
    {
        json.WriteStartObject("isPartOf");
        json.WriteString("@type", "WebSite");
        json.WriteString("@id", WebSiteId);
        json.WriteString("name", config.Title);
        json.WriteString("url", SiteUrl);
        json.WriteEndObject();
    }

    private void BreadcrumbList(Utf8JsonWriter json, IReadOnlyList<Crumb> crumbs)
    {
        if (crumbs.Count < 2)
        {
            return;
        }

        ItemList(json, "BreadcrumbList", crumbs.Select(c => new[] { ("name", c.Name), ("item", urls.Absolute(c.Url)) }));
    }

    /// <summary>One author, or an array of them for an article written by several: a Person, or an
    /// Organization for an author site.yml declares <c>type: organization</c>.</summary>
    private void Authors(Utf8JsonWriter json, Document document)
    {
        if (document.Authors.Count == 0)
        {
            return;
        }

        json.WritePropertyName("author");
        if (document.Authors.Count > 1)
        {
            json.WriteStartArray();
        }

        foreach (var author in document.Authors)
        {
            Author(json, author.Name, urls.Absolute(author.Url), document.AuthorProfiles.FirstOrDefault(p => p.Name == author.Name));
        }

        if (document.Authors.Count > 1)
        {
            json.WriteEndArray();
        }
    }

    private void Author(Utf8JsonWriter json, string name, string url, AuthorProfile? profile)
    {
        json.WriteStartObject();
        json.WriteString("@type", profile?.IsOrganization == true ? "Organization" : "Person");
        json.WriteString("name", name);
        json.WriteString("url", url);
        if (profile?.Bio is { } bio)
        {
            json.WriteString("description", bio);
        }

        if (profile?.Avatar is { } avatar)
        {
            json.WriteString("image", urls.Absolute(urls.RootRelative(avatar)));
        }

        json.WriteEndObject();
    }

    /// <summary>The publisher: <c>publisher:</c> of site.yml, else the site.</summary>
    private void Organization(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Organization");
        json.WriteString("@id", OrganizationId);
        json.WriteString("name", config.Publisher?.Name ?? config.Title);
        json.WriteString("url", SiteUrl);
        if (config.Publisher?.Logo is { } logo)
        {
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", urls.Absolute(urls.RootRelative(logo)));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void ImageObject(Utf8JsonWriter json, Figure photo, string url, int? shownWidth, int? shownHeight)
    {
        json.WriteStartObject();
        json.WriteString("@type", "ImageObject");
        json.WriteString("contentUrl", url);
        json.WriteString("url", url);
        if (shownWidth is { } width && shownHeight is { } height)
        {
            json.WriteNumber("width", width);
            json.WriteNumber("height", height);
        }

        var caption = photo.CaptionText.Length > 0 ? photo.CaptionText : photo.Alt;
        if (caption.Length > 0)
        {
            json.WriteString("caption", caption);
        }

        if (photo.HasCredit)
        {
            json.WriteString("creditText", photo.CreditText);
        }

        if (photo.CopyrightNotice.Length > 0)
        {
            json.WriteString("copyrightNotice", photo.CopyrightNotice);
        }

        json.WriteEndObject();
    }

    private void Review(Utf8JsonWriter json, Content.ReviewInfo review, Document document)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Review");
        json.WriteStartObject("itemReviewed");
        json.WriteString("@type", "Product");
        json.WriteString("name", review.Name);
        json.WriteEndObject();
        if (review.Score is { } score)
        {
            json.WriteStartObject("reviewRating");
            json.WriteString("@type", "Rating");
            json.WriteNumber("ratingValue", score);
            json.WriteNumber("bestRating", review.Scale);
            json.WriteNumber("worstRating", 0);
            json.WriteEndObject();
        }

        Authors(json, document);

        Notes(json, "positiveNotes", review.Pros);
        Notes(json, "negativeNotes", review.Cons);
        if (review.Verdict is { } verdict)
        {
            json.WriteString("reviewBody", verdict);
        }

        json.WriteEndObject();
    }

    private static void Notes(Utf8JsonWriter json, string property, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        json.WritePropertyName(property);
        ItemList(json, "ItemList", notes.Select(note => new[] { ("name", note) }));
    }

    /// <summary>A list (<paramref name="type"/>: ItemList, BreadcrumbList) of ListItems numbered from 1,
    /// each with the properties given.</summary>
    private static void ItemList(Utf8JsonWriter json, string type, IEnumerable<(string Property, string Value)[]> items)
    {
        json.WriteStartObject();
        json.WriteString("@type", type);
        json.WriteStartArray("itemListElement");
        var position = 1;
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("@type", "ListItem");
            json.WriteNumber("position", position++);
            foreach (var (property, value) in item)
            {
                json.WriteString(property, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary>One step of a page's breadcrumbs: what the visible trail shows and the BreadcrumbList says.</summary>
internal sealed record Crumb(string Name, string Url);
