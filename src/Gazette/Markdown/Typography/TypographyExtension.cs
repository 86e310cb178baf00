using System.Text;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown.Typography;

/// <summary>
/// A Markdig extension that applies a language's typography to prose once the document is
/// parsed. Only literal text is changed: code spans and blocks, raw HTML, autolinks, link
/// targets and image alt text are never touched.
/// </summary>
public sealed class TypographyExtension(TypographyMode mode) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (mode != TypographyMode.None)
        {
            pipeline.DocumentProcessed += document => Apply(document, mode);
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    public static void Apply(MarkdownDocument document, TypographyMode mode)
    {
        var literals = new List<LiteralInline?>();
        var text = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                continue;
            }

            literals.Clear();
            text.Clear();
            Collect(block.Inline, literals, text);
            if (!literals.Exists(l => l is not null))
            {
                continue;
            }

            var source = text.ToString();
            if (source.AsSpan().Count(TypographyRules.Boundary) != literals.Count - 1 || source.Contains('\uFFFE'))
            {
                continue; // the author's text holds our marker character itself: leave this block alone
            }

            var typeset = TypographyRules.Apply(source, mode);
            if (typeset == source)
            {
                continue; // nothing to change: the literals keep their text
            }

            var pieces = typeset.Split(TypographyRules.Boundary);
            for (var i = 0; i < pieces.Length; i++)
            {
                if (literals[i] is { } literal)
                {
                    literal.Content = new StringSlice(pieces[i]);
                }
            }
        }
    }

    /// <summary>Writes the block's prose with markers: each literal becomes a piece, each
    /// untouchable inline an opaque piece, each line break a newline piece. <paramref name="literals"/>
    /// gets one entry per piece: the literal it came from, or null.</summary>
    private static void Collect(ContainerInline container, List<LiteralInline?> literals, StringBuilder text)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Piece(text, literal.Content.AsSpan(), authored: true);
                    literals.Add(literal);
                    break;
                case LineBreakInline:
                    Piece(text, "\n".AsSpan(), authored: false);
                    literals.Add(null);
                    break;
                case LinkInline { IsImage: true } or LinkInline { IsAutoLink: true }:
                    Piece(text, OpaquePiece, authored: false);
                    literals.Add(null);
                    break;
                case ContainerInline child:
                    Collect(child, literals, text);
                    break;
                default:
                    Piece(text, OpaquePiece, authored: false);
                    literals.Add(null);
                    break;
            }
        }
    }

    private static ReadOnlySpan<char> OpaquePiece => [TypographyRules.Opaque];

    private static void Piece(StringBuilder text, ReadOnlySpan<char> content, bool authored)
    {
        if (text.Length > 0)
        {
            text.Append(TypographyRules.Boundary);
        }

        // An opaque marker typed by the author would be mistaken for ours: mark the block instead.
        var start = text.Length;
        text.Append(content);
        if (authored && content.Contains(TypographyRules.Opaque))
        {
            text.Replace(TypographyRules.Opaque, '\uFFFE', start, content.Length);
        }
    }
}
