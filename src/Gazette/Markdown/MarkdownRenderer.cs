using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown.Figures;
using Gazette.Model;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown;

/// <summary>The HTML of an article body, with the figures found in it.</summary>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<Figure> Figures, int WordCount);

/// <summary>What the renderer needs to know about the document it renders.</summary>
/// <param name="SourcePath">Path shown in diagnostics.</param>
/// <param name="BodyLineOffset">Lines of front matter before the body.</param>
public sealed record MarkdownContext(string SourcePath, int BodyLineOffset, DocumentPlace Place, string Language);

/// <summary>
/// Turns an article body into HTML with one immutable pipeline per build. Before rendering it
/// walks the syntax tree once: images are resolved (missing file → error at its line), sized and
/// lazily loaded, root-relative links move under the base path, and an image alone in its
/// paragraph becomes a figure rendered by the theme's figure partial.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly ImageResolver _images;
    private readonly SiteUrls _urls;
    private readonly Func<Figure, string, string> _renderFigure;

    /// <param name="renderFigure">Renders a figure to HTML (the theme's figure partial).</param>
    public MarkdownRenderer(ImageResolver images, SiteUrls urls, Func<Figure, string, string> renderFigure)
    {
        _images = images;
        _urls = urls;
        _renderFigure = renderFigure;
        _pipeline = new MarkdownPipelineBuilder()
            .UseAutoIdentifiers(AutoIdentifierOptions.Default)
            .UsePipeTables()
            .UseFootnotes()
            .UseEmphasisExtras()
            .UseTaskLists()
            .UseListExtras()
            .UseAutoLinks()
            .Build();
    }

    public RenderedMarkdown? Render(string markdown, MarkdownContext context, DiagnosticBag diagnostics)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, _pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig's nesting limit throws without a position: name the file at least.
            diagnostics.Error(DiagnosticCodes.MarkdownFailed, SourceLocation.File(context.SourcePath),
                $"the Markdown could not be parsed ({e.Message}); look for very deeply nested lists or quotes");
            return null;
        }

        var figures = new List<Figure>();
        var words = 0;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image:
                    ResolveImage(image, context, diagnostics);
                    break;
                case LinkInline link when link.Url is { } url:
                    link.Url = _urls.RootRelative(url);
                    break;
                case LiteralInline literal:
                    words += CountWords(literal.Content.AsSpan());
                    break;
            }
        }

        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (LoneImage(paragraph) is { } image && image.GetData(typeof(ResolvedImage)) is ResolvedImage resolved)
            {
                var (caption, credit) = FigureTitle.Split(image.Title);
                var figure = FigureFactory.Create(resolved, AltText(image), caption, credit, null, isCover: false);
                paragraph.SetData(typeof(Figure), figure);
                figures.Add(figure);
            }
        }

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        var paragraphs = renderer.ObjectRenderers.FindExact<ParagraphRenderer>();
        if (paragraphs is not null)
        {
            renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(figure => _renderFigure(figure, context.Language)));
        }

        renderer.Render(document);
        writer.Flush();
        return new RenderedMarkdown(writer.ToString(), figures, words);
    }

    private void ResolveImage(LinkInline image, MarkdownContext context, DiagnosticBag diagnostics)
    {
        var src = image.Url ?? "";
        var resolved = _images.Resolve(src, context.Place, out var problem);
        if (resolved is null)
        {
            diagnostics.Error(DiagnosticCodes.ImageMissing,
                new SourceLocation(context.SourcePath, image.Line + 1 + context.BodyLineOffset, image.Column + 1),
                problem ?? $"image '{src}' cannot be used");
            return;
        }

        image.Url = resolved.Url;
        image.SetData(typeof(ResolvedImage), resolved);
        var attributes = image.GetAttributes();
        if (resolved.Dimensions is { } size)
        {
            attributes.AddPropertyIfNotExist("width", size.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        attributes.AddPropertyIfNotExist("loading", "lazy");
        attributes.AddPropertyIfNotExist("decoding", "async");
    }

    /// <summary>The image when it is the only thing in its paragraph (surrounding spaces aside).</summary>
    private static LinkInline? LoneImage(ParagraphBlock paragraph)
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

    private static string AltText(LinkInline image)
    {
        var writer = new StringWriter();
        foreach (var child in image)
        {
            if (child is LiteralInline literal)
            {
                writer.Write(literal.Content.ToString());
            }
            else if (child is CodeInline code)
            {
                writer.Write(code.Content);
            }
        }

        return writer.ToString();
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter || c is '\'' or '’' or '-';
        }

        return count;
    }

    /// <summary>Renders figure paragraphs through the theme's partial, any other paragraph as usual.</summary>
    private sealed class FigureParagraphRenderer(Func<Figure, string> renderFigure) : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
        {
            if (obj.GetData(typeof(Figure)) is Figure figure)
            {
                renderer.EnsureLine();
                renderer.Write(renderFigure(figure));
                renderer.EnsureLine();
                return;
            }

            base.Write(renderer, obj);
        }
    }
}
