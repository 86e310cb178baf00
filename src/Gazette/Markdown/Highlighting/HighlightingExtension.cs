using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Gazette.Markdown.Highlighting;

/// <summary>Fenced code in a language <see cref="CodeHighlighter"/> knows is highlighted at build time.</summary>
internal sealed class HighlightingExtension : RendererExtension<CodeBlockRenderer, HighlightedCodeBlockRenderer>;

/// <summary>Writes a code block with its language as a class and its tokens highlighted.</summary>
internal sealed class HighlightedCodeBlockRenderer : CodeBlockRenderer
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        var language = (obj as FencedCodeBlock)?.Info;
        var code = obj.Lines.ToString();
        renderer.EnsureLine();
        renderer.Write("<pre class=\"code\"");
        if (!string.IsNullOrEmpty(language))
        {
            renderer.Write(" data-lang=\"").WriteEscape(language).Write('"');
        }

        renderer.Write("><code");
        if (!string.IsNullOrEmpty(language))
        {
            renderer.Write(" class=\"language-").WriteEscape(language).Write('"');
        }

        renderer.Write('>');
        CodeHighlighter.WriteHtml(renderer.Writer, code, language);
        if (!code.EndsWith('\n'))
        {
            renderer.Writer.Write('\n');
        }

        renderer.WriteLine("</code></pre>");
    }
}
