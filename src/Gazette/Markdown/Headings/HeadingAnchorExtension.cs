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
        renderer.Write(" <a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id).Write("\" aria-label=\"")
            .WriteEscape(AnchorLabel).Write(": ").WriteEscape(MarkdownRenderer.InlineText(obj.Inline)).Write("\">#</a>");
        renderer.Write("</").Write(tag).WriteLine(">");
    }
}
