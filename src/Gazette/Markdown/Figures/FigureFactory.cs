using Gazette.Images;
using Gazette.Markdown.Typography;
using Gazette.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown.Figures;

/// <summary>Builds <see cref="Figure"/>s for Markdown figures and front matter covers alike, so
/// both carry the same caption and credit markup.</summary>
internal static class FigureFactory
{
    // Captions and credits are inline Markdown (emphasis, links) without raw HTML, with the
    // typography of the article's language.
    private static readonly Dictionary<TypographyMode, MarkdownPipeline> InlinePipelines =
        Enum.GetValues<TypographyMode>().ToDictionary(mode => mode, mode =>
        {
            var builder = new MarkdownPipelineBuilder().DisableHtml();
            builder.Extensions.Add(new TypographyExtension(mode));
            return builder.Build();
        });

    /// <summary>An explicit credit wins; without one, the credit written in the photo's IPTC/XMP
    /// metadata is used.</summary>
    /// <param name="refused">Told each link target of the caption or credit that <see cref="Text.UrlPolicy"/>
    /// refuses (the link is dropped, its text stays).</param>
    public static Figure Create(ResolvedImage image, string alt, string captionMarkdown, string creditMarkdown, string? creditUrl,
        bool isCover, TypographyMode typography, Action<string>? refused = null)
    {
        var credit = FigureTitle.CleanCredit(creditMarkdown);
        if (credit.Length == 0 && image.Embedded.Credit is { } embedded)
        {
            credit = EscapeMarkdown(FigureTitle.CleanCredit(embedded));
        }

        var creditLink = creditUrl ?? SingleLinkUrl(credit);
        var creditHtml = RenderInline(credit, typography, refused);
        if (creditUrl is not null && creditHtml.Length > 0 && !creditHtml.Contains("<a ", StringComparison.Ordinal))
        {
            creditHtml = $"<a href=\"{Html.Escape(creditUrl)}\" rel=\"noopener\">{creditHtml}</a>";
        }

        var creditText = PlainText(credit);
        var notice = image.Embedded.CopyrightNotice ?? (creditText.Length == 0 ? "" : "© " + creditText);
        return Of(image, alt, new HtmlString(RenderInline(captionMarkdown, typography, refused)), PlainText(captionMarkdown), new HtmlString(creditHtml),
            creditText, creditLink, notice, isCover);
    }

    /// <summary>A figure of <paramref name="image"/> with its texts already made (those of a body from the build cache).</summary>
    public static Figure Of(ResolvedImage image, string alt, HtmlString captionHtml, string captionText, HtmlString creditHtml, string creditText,
        string? creditUrl, string copyrightNotice, bool isCover) =>
        new(image.Url, image.AbsoluteUrl, alt, image.Dimensions?.Width, image.Dimensions?.Height, captionHtml, captionText, creditHtml, creditText,
            creditUrl, copyrightNotice, isCover)
        {
            FileSize = image.FileSize,
            MediaType = PhotoPlan.MediaTypeOf(image.Url),
            Photo = image.Photo,
        };

    internal static string RenderInline(string markdown, TypographyMode typography = TypographyMode.None, Action<string>? refused = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        if (IsPlainProse(markdown.AsSpan().Trim()))
        {
            // What Markdig would write for one literal: the typeset text, quotes escaped.
            return TypographyRules.Apply(markdown.Trim(), typography).Replace("\"", "&quot;", StringComparison.Ordinal);
        }

        return RenderWithMarkdig(markdown, typography, refused);
    }

    /// <summary><see cref="RenderInline"/> without its shortcut for plain prose (which must give the same).</summary>
    internal static string RenderWithMarkdig(string markdown, TypographyMode typography, Action<string>? refused = null)
    {
        var pipeline = InlinePipelines[typography];
        var document = Markdig.Markdown.Parse(markdown.Trim(), pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage && !Text.UrlPolicy.IsAllowed(l.Url)).ToList())
        {
            refused?.Invoke(link.Url ?? "");
            while (link.FirstChild is { } child)
            {
                child.Remove();
                link.InsertBefore(child);
            }

            link.Remove();
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !Text.UrlPolicy.IsAllowed(l.Url)).ToList())
        {
            refused?.Invoke(autolink.Url);
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        var html = Markdig.Markdown.ToHtml(document, pipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            ? html[3..^4]
            : html;
    }

    internal static string PlainText(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? ""
        : IsPlainProse(markdown.AsSpan().Trim()) ? markdown.Trim()
        : PlainTextWithMarkdig(markdown);

    /// <summary><see cref="PlainText"/> without its shortcut for plain prose.</summary>
    internal static string PlainTextWithMarkdig(string markdown) =>
        Markdig.Markdown.ToPlainText(markdown.Trim(), InlinePipelines[TypographyMode.None]).Trim();

    /// <summary>Whether <see cref="RenderInline"/> and <see cref="PlainText"/> take their shortcut.</summary>
    internal static bool IsPlainProse(string markdown) => IsPlainProse(markdown.AsSpan().Trim());

    // Most captions and credits are plain words: no character Markdown gives a meaning to inline,
    // nothing that could open a block at the start. They skip a Markdig pipeline (two, with the
    // plain text), which cost more than the rest of a figure. The hyphen, +, = and ! (no [ after
    // it can make an image) mean something only at the start of a line, and the text starts with
    // a letter and is one line: French captions are full of "pare-feu" and "c'est-à-dire".
    private static readonly System.Buffers.SearchValues<char> PlainProse = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:?!'\"()/%€$°@©«»’–—-+=\u00A0\u202F");

    private static bool IsPlainProse(ReadOnlySpan<char> text) => text.Length > 0 && char.IsLetter(text[0]) && !ContainsMarkup(text);

    private static bool ContainsMarkup(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c) && !PlainProse.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Metadata is plain text: keep Markdown from reading <c>*</c> or <c>[</c> in it.</summary>
    private static string EscapeMarkdown(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '!' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The URL when the whole credit is one Markdown link (<c>[Jane Doe](https://…)</c>).</summary>
    private static string? SingleLinkUrl(string credit)
    {
        if (!credit.StartsWith('[') || !credit.EndsWith(')'))
        {
            return null;
        }

        var document = Markdig.Markdown.Parse(credit, InlinePipelines[TypographyMode.None]);
        return document.Count == 1 && document[0] is ParagraphBlock { Inline.FirstChild: LinkInline link } paragraph
            && paragraph.Inline.FirstChild == paragraph.Inline.LastChild && Text.UrlPolicy.IsAllowed(link.Url)
            ? link.Url
            : null;
    }
}
