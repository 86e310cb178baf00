using Gazette.Images;
using Gazette.Model;
using Gazette.Templates;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown.Figures;

/// <summary>Builds <see cref="Figure"/>s for Markdown figures and front matter covers alike, so
/// both carry the same caption and credit markup.</summary>
public sealed class FigureFactory
{
    // Captions and credits are inline Markdown (emphasis, links) without raw HTML.
    private static readonly MarkdownPipeline InlinePipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static Figure Create(ResolvedImage image, string alt, string captionMarkdown, string creditMarkdown, string? creditUrl, bool isCover)
    {
        var credit = FigureTitle.CleanCredit(creditMarkdown);
        var creditLink = creditUrl ?? SingleLinkUrl(credit);
        var creditHtml = RenderInline(credit);
        if (creditUrl is not null && creditHtml.Length > 0 && !creditHtml.Contains("<a ", StringComparison.Ordinal))
        {
            creditHtml = $"<a href=\"{Html.Escape(creditUrl)}\" rel=\"noopener\">{creditHtml}</a>";
        }

        return new Figure(
            image.Url,
            image.AbsoluteUrl,
            alt,
            image.Dimensions?.Width,
            image.Dimensions?.Height,
            new HtmlString(RenderInline(captionMarkdown)),
            new HtmlString(creditHtml),
            PlainText(credit),
            creditLink,
            isCover);
    }

    internal static string RenderInline(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdig.Markdown.ToHtml(markdown.Trim(), InlinePipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            ? html[3..^4]
            : html;
    }

    internal static string PlainText(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown.Trim(), InlinePipeline).Trim();

    /// <summary>The URL when the whole credit is one Markdown link (<c>[Jane Doe](https://…)</c>).</summary>
    private static string? SingleLinkUrl(string credit)
    {
        if (!credit.StartsWith('[') || !credit.EndsWith(')'))
        {
            return null;
        }

        var document = Markdig.Markdown.Parse(credit, InlinePipeline);
        return document.Count == 1 && document[0] is ParagraphBlock { Inline.FirstChild: LinkInline link } paragraph
            && paragraph.Inline.FirstChild == paragraph.Inline.LastChild
            ? link.Url
            : null;
    }
}
