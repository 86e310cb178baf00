using Markdig;
using Markdig.Renderers;

namespace Gazette.Markdown;

/// <summary>
/// A Markdig extension that only writes some nodes its own way: it replaces Markdig's renderer
/// <typeparamref name="TReplaced"/> with a <typeparamref name="TRenderer"/> in every HTML renderer
/// set up for the pipeline (the figures', anchors' and highlighting's extensions are this).
/// </summary>
internal abstract class RendererExtension<TReplaced, TRenderer> : IMarkdownExtension
    where TReplaced : IMarkdownObjectRenderer
    where TRenderer : TReplaced, new()
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) =>
        (renderer as HtmlRenderer)?.ObjectRenderers.Replace<TReplaced>(new TRenderer());
}
