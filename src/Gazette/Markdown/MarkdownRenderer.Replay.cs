using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown.Videos;
using Gazette.Text;

namespace Gazette.Markdown;

// A body from the build cache (MarkdownCache): what a render records, and how a recorded one is
// made again without parsing.
internal sealed partial class MarkdownRenderer
{
    /// <summary>What one render asked of the images around it, and the figures it made of them.</summary>
    private sealed class RenderRecord(string contentRoot)
    {
        public List<(string Src, ResolvedImage Image)> Images { get; } = [];
        private readonly Dictionary<Figure, int> _figureIndex = new(ReferenceEqualityComparer.Instance);
        private readonly List<MarkdownCache.FigureRecipe> _figures = [];

        public void Figure(Figure figure, ResolvedImage image)
        {
            _figureIndex[figure] = _figures.Count;
            _figures.Add(new MarkdownCache.FigureRecipe(Images.FindLastIndex(i => ReferenceEquals(i.Image, image)), figure.Alt, figure.CaptionHtml.Value,
                figure.CaptionText, figure.CreditHtml.Value, figure.CreditText, figure.CreditUrl, figure.CopyrightNotice));
        }

        /// <summary>The cache entry of what was rendered, with the diagnostics it gave.</summary>
        public MarkdownCache.Entry Entry(RenderedMarkdown rendered, IReadOnlyList<Diagnostic> given)
        {
            var videos = rendered.Videos;
            var places = rendered.Body.Places.Select(place => place switch
            {
                Figure figure => new MarkdownCache.Place(MarkdownCache.PlaceKind.Figure, _figureIndex[figure]),
                Video video => new MarkdownCache.Place(MarkdownCache.PlaceKind.Video, IndexOf(videos, video)),
                null => new MarkdownCache.Place(MarkdownCache.PlaceKind.Review, 0),
                _ => throw new InvalidOperationException($"a place of the body the cache does not know: {place.GetType().Name}"),
            });
            return new MarkdownCache.Entry(
                [.. rendered.Body.Pieces],
                [.. places],
                [.. Images.Select(i => (i.Src, MarkdownCache.AnswerOf(i.Image, contentRoot)))],
                [.. _figures],
                [.. rendered.Figures.Select(f => _figureIndex[f])],
                [.. videos.Select(v => new MarkdownCache.VideoRecipe(v.Host, v.Url, v.EmbedUrl, v.Title, v.Poster is null ? -1 : _figureIndex[v.Poster]))],
                [.. rendered.Headings],
                rendered.WordCount,
                rendered.ReviewPlaced,
                [.. rendered.Findings],
                [.. given]);
        }

        private static int IndexOf(IReadOnlyList<Video> videos, Video video)
        {
            for (var i = 0; i < videos.Count; i++)
            {
                if (ReferenceEquals(videos[i], video))
                {
                    return i;
                }
            }

            throw new InvalidOperationException("a video place that is not one of the body's videos");
        }
    }

    /// <summary>
    /// The body a cache entry describes, when every image it resolved resolves again to the same
    /// answer; null otherwise (it is then rendered). Its figures are made again with this build's
    /// images (their photos to publish), and its diagnostics given again.
    /// </summary>
    private RenderedMarkdown? Replay(MarkdownCache.Entry entry, MarkdownContext context, DiagnosticBag diagnostics)
    {
        var images = new ResolvedImage[entry.Images.Length];
        for (var i = 0; i < images.Length; i++)
        {
            if (_images.Resolve(entry.Images[i].Src, context.Place, out _) is not { } image || MarkdownCache.AnswerOf(image, _images.ContentRoot) != entry.Images[i].Answer)
            {
                return null;
            }

            images[i] = image;
        }

        var figures = entry.Figures.Select(f => Figures.FigureFactory.Of(images[f.Image], f.Alt, new HtmlString(f.CaptionHtml), f.CaptionText,
            new HtmlString(f.CreditHtml), f.CreditText, f.CreditUrl, f.CopyrightNotice, isCover: false)).ToArray();
        var videos = entry.Videos.Select(v => new Video(v.Host, v.Url, v.EmbedUrl, v.Title, v.Poster < 0 ? null : figures[v.Poster])).ToArray();
        var places = entry.Places.Select(place => place.Kind switch
        {
            MarkdownCache.PlaceKind.Figure => figures[place.Index],
            MarkdownCache.PlaceKind.Video => (object?)videos[place.Index],
            _ => null,
        });
        var body = new ArticleBody(entry.Pieces, [.. places], context.Review, context.Language);
        foreach (var diagnostic in entry.Given)
        {
            diagnostics.Add(diagnostic);
        }

        return new RenderedMarkdown(body, [.. entry.BodyFigures.Select(i => figures[i])], entry.Headings, entry.WordCount, entry.ReviewPlaced, entry.Findings)
        {
            Videos = videos,
        };
    }
}
