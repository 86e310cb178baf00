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
/// The schema.org JSON-LD of an article: a NewsArticle with every photo as an ImageObject
/// carrying its caption and credit (Google's image licence fields), the review and the
/// sources. Written with a JSON writer, never by string concatenation, so quotes and
/// <c>&lt;/script&gt;</c> in a title cannot break out of the block.
/// </summary>
internal static class StructuredData
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
    internal sealed class Writer
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);
        public Utf8JsonWriter Json { get; }

        public Writer() => Json = new Utf8JsonWriter(Buffer, Options);
    }

    /// <param name="writers">The build's reusable writers.</param>
    public static HtmlString For(Document document, SiteConfig config, SiteUrls urls, ScratchPool<Writer> writers)
    {
        var writer = writers.Rent();
        var buffer = writer.Buffer;
        buffer.ResetWrittenCount();
        var json = writer.Json;
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
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
        if (document.Date is { } date)
        {
            json.WriteString("datePublished", Text.Dates.Iso(date));
            json.WriteString("dateModified", Text.Dates.Iso(document.Updated ?? date));
        }

        Authors(json, document, urls);

        Publisher(json, config, urls);
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
            Review(json, review, document, urls);
        }

        json.WriteEndObject();
        json.Flush();
        var html = HtmlString.FromUtf8(buffer.WrittenSpan);
        writers.Return(writer);
        return html;
    }

    /// <summary>One Person, or an array of them for an article written by several.</summary>
    private static void Authors(Utf8JsonWriter json, Document document, SiteUrls urls)
    {
        if (document.Authors.Count == 0)
        {
            return;
        }

        json.WritePropertyName("author");
        if (document.Authors.Count == 1)
        {
            Person(json, document.Authors[0].Name, urls.Absolute(document.Authors[0].Url));
            return;
        }

        json.WriteStartArray();
        foreach (var author in document.Authors)
        {
            Person(json, author.Name, urls.Absolute(author.Url));
        }

        json.WriteEndArray();
    }

    private static void Person(Utf8JsonWriter json, string name, string? url)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Person");
        json.WriteString("name", name);
        if (url is not null)
        {
            json.WriteString("url", url);
        }

        json.WriteEndObject();
    }

    private static void Publisher(Utf8JsonWriter json, SiteConfig config, SiteUrls urls)
    {
        json.WriteStartObject("publisher");
        json.WriteString("@type", "Organization");
        json.WriteString("name", config.Publisher?.Name ?? config.Title);
        json.WriteString("url", config.BaseUrl);
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

    private static void Review(Utf8JsonWriter json, Content.ReviewInfo review, Document document, SiteUrls urls)
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

        Authors(json, document, urls);

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

        json.WriteStartObject(property);
        json.WriteString("@type", "ItemList");
        json.WriteStartArray("itemListElement");
        for (var i = 0; i < notes.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("@type", "ListItem");
            json.WriteNumber("position", i + 1);
            json.WriteString("name", notes[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
