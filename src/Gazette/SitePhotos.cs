using Gazette.Images;
using Gazette.Model;

namespace Gazette;

/// <summary>Which photos the site shows and how, in the site's order: what decides the files of
/// each (<see cref="PhotoPublisher"/>), for a build and for an update alike.</summary>
internal static class SitePhotos
{
    /// <summary>Every use of the published photos: the documents' figures in the site's order (their
    /// credit goes into the files), then each photo once with no credit, for those no page shows.</summary>
    public static IEnumerable<PhotoUse> Uses(SiteModel model, IReadOnlyCollection<PublishedPhoto> published) =>
        Uses(model.Articles.Concat(model.Pages), published);

    /// <param name="documents">The site's documents in its order (each language's edition in turn).</param>
    public static IEnumerable<PhotoUse> Uses(IEnumerable<Document> documents, IReadOnlyCollection<PublishedPhoto> published)
    {
        var publishedSet = published.ToHashSet();
        foreach (var document in documents)
        {
            foreach (var use in Uses(document))
            {
                if (publishedSet.Contains(use.Photo))
                {
                    yield return use;
                }
            }
        }

        foreach (var photo in published)
        {
            yield return new PhotoUse(photo, null, null, false, null);
        }
    }

    /// <summary>The photos a document shows, in its order: cover, figures, then the posters of its videos.</summary>
    public static IEnumerable<PhotoUse> Uses(Document document)
    {
        IEnumerable<Markdown.Figure> figures = document.Cover is { } cover ? [cover, .. document.Figures] : document.Figures;
        figures = figures.Concat(document.Videos.Select(v => v.Poster).OfType<Markdown.Figure>());
        foreach (var figure in figures)
        {
            if (figure.Photo is { } photo)
            {
                yield return new PhotoUse(photo, figure.CreditText, figure.CopyrightNotice, figure.IsCover, figure.Focus);
            }
        }
    }
}
