using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown.Figures;

/// <summary>A paragraph that holds a figure (a photo alone in it), a video or the review marker is left as
/// a place in the HTML, which the theme fills (<see cref="ArticleBody"/>); any other paragraph
/// renders as usual.</summary>
internal sealed class ThemePlaceExtension : RendererExtension<ParagraphRenderer, ThemePlaceRenderer>
{
    /// <summary>Marks a paragraph that holds the review marker (set with <c>SetData</c>).</summary>
    public const string ReviewPlace = "gazette-review-place";

    /// <summary>The image when it is the only thing in its paragraph (surrounding spaces aside).</summary>
    public static LinkInline? LoneImage(ParagraphBlock paragraph) => LoneInline(paragraph) as LinkInline is { IsImage: true } image ? image : null;

    /// <summary>The one inline of a paragraph, surrounding spaces and line breaks aside; null when
    /// there are several.</summary>
    public static Inline? LoneInline(ParagraphBlock paragraph)
    {
        Inline? found = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                case var other when found is null:
                    found = other;
                    break;
                default:
                    return null;
            }
        }

        return found;
    }
}

/// <summary>Writes paragraphs, and notes where each place is in the HTML written so far.</summary>
internal sealed class ThemePlaceRenderer : ParagraphRenderer
{
    /// <summary>The places of the article being rendered: where, and what goes there (a
    /// <see cref="Figure"/>, a <see cref="Videos.Video"/>, or null for the review box).</summary>
    public List<(int At, object? Place)> Places { get; } = [];

    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        var place = obj.GetData(typeof(Figure)) ?? obj.GetData(typeof(Videos.Video));
        if (place is null && obj.GetData(ThemePlaceExtension.ReviewPlace) is not true)
        {
            base.Write(renderer, obj);
            return;
        }

        renderer.EnsureLine();
        renderer.Writer.Flush();
        Places.Add((((StringWriter)renderer.Writer).GetStringBuilder().Length, place));
    }
}
