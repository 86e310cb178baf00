using Gazette.Text;

namespace Gazette.Markdown;

/// <summary>
/// An article's HTML as Markdown makes it, with the places where the theme puts what it renders
/// itself: each figure (a photo alone in its paragraph) and the review box where the author placed
/// it. The theme fills them once the whole site is known (its partials then see the full
/// <c>site</c>); Markdown never calls the theme.
/// </summary>
/// <param name="Pieces">The HTML around the places: one more than <paramref name="Places"/>.</param>
/// <param name="Places">What goes between two pieces: a figure, or null for the review box.</param>
internal sealed record ArticleBody(IReadOnlyList<HtmlString> Pieces, IReadOnlyList<Figure?> Places)
{
    public static ArticleBody Empty { get; } = new([HtmlString.Empty], []);

    /// <summary>The HTML, when there is nothing for the theme to put in it.</summary>
    public HtmlString? Complete => Places.Count == 0 ? Pieces[0] : null;
}
