using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Gazette.Markdown.Headings;

/// <summary>Headings up to level 4 get a visible anchor link to themselves, for sharing a section
/// (their ids come from Markdig's auto-identifiers).</summary>
internal sealed class HeadingAnchorExtension : RendererExtension<HeadingRenderer, HeadingAnchorRenderer>;

/// <summary>Writes a heading followed by its anchor link.</summary>
internal sealed class HeadingAnchorRenderer : HeadingRenderer
{
    /// <summary>The accessible name of the anchor links, in the language of the article being rendered.</summary>
    public string AnchorLabel { get; set; } = "";

    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var id = obj.GetAttributes().Id;
        if (id is null || obj.Level > 4)
        {
            base.Write(renderer, obj);
            return;
        }

        var tag = "h" + obj.Level.ToString(CultureInfo.InvariantCulture);
        renderer.EnsureLine();
        renderer.Write('<').Write(tag).WriteAttributes(obj).Write('>');
        renderer.WriteLeafInline(obj);
        // The theme's label says where the heading's text goes ("Lien vers la section : {title}",
        // with French spacing); a label without {title} is followed by ": " and the text.
        var text = MarkdownRenderer.InlineText(obj.Inline);
        var label = AnchorLabel.Contains("{title}", StringComparison.Ordinal)
            ? AnchorLabel.Replace("{title}", text, StringComparison.Ordinal)
            : AnchorLabel + ": " + text;
        renderer.Write(" <a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id).Write("\" aria-label=\"")
            .WriteEscape(label).Write("\">#</a>");
        renderer.Write("</").Write(tag).WriteLine(">");
    }
}
