using System.Text;
using Gazette.Text;
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
internal sealed class TypographyExtension(TypographyMode mode) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (mode != TypographyMode.None)
        {
            pipeline.DocumentProcessed += Apply;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void Apply(MarkdownDocument document)
    {
        var scratch = _scratch.Rent();
        var (literals, text) = (scratch.Literals, scratch.Text);
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

            var source = Gazette.Text.BuilderText.Of(text);
            if (source.Count(TypographyRules.Boundary) != literals.Count - 1 || source.Contains('\uFFFE'))
            {
                continue; // the author's text holds our marker character itself: leave this block alone
            }

            var typeset = TypographyRules.Typeset(source, mode, scratch.Output);
            if (typeset.SequenceEqual(source) || typeset.Count(TypographyRules.Boundary) != literals.Count - 1)
            {
                continue; // nothing to change (or, never seen, a marker lost): the literals keep their text
            }

            // One string for the block; each literal gets its piece of it as a slice.
            var all = typeset.ToString();
            var start = 0;
            for (var i = 0; i < literals.Count; i++)
            {
                var end = i == literals.Count - 1 ? all.Length : all.IndexOf(TypographyRules.Boundary, start);
                if (literals[i] is { } literal)
                {
                    literal.Content = new StringSlice(all, start, end - 1); // Markdig's slice end is inclusive
                }

                start = end + 1;
            }
        }

        _scratch.Return(scratch);
    }

    /// <summary>A block's text, collected from its literals, and the buffer it is typeset into.</summary>
    private sealed record BlockText(List<LiteralInline?> Literals, StringBuilder Text, TypographyRules.ProseBuffer Output);

    // Reused by each thread, document after document (a block's text is collected here).
    private readonly ScratchPool<BlockText> _scratch = new(() => new([], new StringBuilder(4096), new TypographyRules.ProseBuffer()));

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
