using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown.Figures;

/// <summary>A paragraph that holds a figure (a photo alone in it) or the review marker is left as
/// a place in the HTML, which the theme fills (<see cref="ArticleBody"/>); any other paragraph
/// renders as usual.</summary>
internal sealed class ThemePlaceExtension : RendererExtension<ParagraphRenderer, ThemePlaceRenderer>
{
    /// <summary>Marks a paragraph that holds the review marker (set with <c>SetData</c>).</summary>
    public const string ReviewPlace = "gazette-review-place";

    /// <summary>The image when it is the only thing in its paragraph (surrounding spaces aside).</summary>
    public static LinkInline? LoneImage(ParagraphBlock paragraph)
    {
        LinkInline? found = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } image when found is null:
                    found = image;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
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
    /// <summary>The places of the article being rendered: where, and a figure or null for the review box.</summary>
    public List<(int At, Figure? Figure)> Places { get; } = [];

    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        var figure = obj.GetData(typeof(Figure)) as Figure;
        if (figure is null && obj.GetData(ThemePlaceExtension.ReviewPlace) is not true)
        {
            base.Write(renderer, obj);
            return;
        }

        renderer.EnsureLine();
        renderer.Writer.Flush();
        Places.Add((((StringWriter)renderer.Writer).GetStringBuilder().Length, figure));
    }
}
